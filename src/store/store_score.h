/* store_score.h — the scoring wing's repository (app/score/): what a score
 * is computed from, the point tables with their self-assessed and reviewed
 * points, the indicators' aggregation, publications, and the reads of the
 * rankings (leads, submissions, the province's communes and their plans).
 *
 * Design. The scoring rules live in app/score/ and core/score.h; this file
 * only holds the SQL, written once with `?` placeholders in the subset
 * SQLite and PostgreSQL both accept (engine-specific forms are marked
 * `engine:`). Reads that return many rows hand each row to a callback FN
 * (store_row_fn: return non-zero to stop) with the columns listed at each
 * function, in that order, as the store gives them (SV_NULL for SQL NULL;
 * numbers SV_INT or SV_REAL); the caller parses and checks them. Single
 * values come back as C values. No permission, no audit, no JSON here: the
 * callers in app/ decide those. Every function takes the store first,
 * returns a dti_rc and fills E on failure. Dates are "YYYY-MM-DD" text,
 * times ISO 8601 UTC text (store_timestamp). */
#ifndef DTI_STORE_SCORE_H
#define DTI_STORE_SCORE_H
#include <stdint.h>
#include "store/store.h"

/* ---- the plan and its commune ------------------------------------------- */

/* The org (commune) of plan PLAN_ID into *ORG (0 when the plan has none).
 * *FOUND 0 when there is no such plan; FOUND NULL: a missing plan is
 * DTI_ERR_NOTFOUND. */
dti_rc store_score_plan_org(store *s, int64_t plan_id, int64_t *org, int *found, dti_err *e);
/* The title of PLAN_ID (*OUT owned by caller; NULL when missing or none). */
dti_rc store_score_plan_title(store *s, int64_t plan_id, char **out, dti_err *e);
/* The name of org ORG_ID (*OUT owned by caller; NULL when missing). */
dti_rc store_score_org_name(store *s, int64_t org_id, char **out, dti_err *e);
/* *IS 1 when org ORG_ID is a commune (0 when not, or missing). */
dti_rc store_score_org_is_commune(store *s, int64_t org_id, int *is, dti_err *e);

/* ---- the calendar ---------------------------------------------------------- */

/* PLAN_ID's periods, by id: (code, start_date, end_date). */
dti_rc store_score_periods(store *s, int64_t plan_id, store_row_fn fn, void *ctx, dti_err *e);
/* PLAN_ID's period codes by start date then id: (code). */
dti_rc store_score_period_codes(store *s, int64_t plan_id, store_row_fn fn, void *ctx, dti_err *e);
/* PLAN_ID's periods by end date then id, with the units' deadline:
 * (code, end_date, unit_due). */
dti_rc store_score_period_deadlines(store *s, int64_t plan_id, store_row_fn fn, void *ctx, dti_err *e);

/* ---- indicators, leads and approved figures ------------------------------ */

/* How many indicators PLAN_ID has. */
dti_rc store_score_indicator_count(store *s, int64_t plan_id, int64_t *n, dti_err *e);
/* PLAN_ID's indicators in document order, each with its target of year
 * YEAR or else of the nearest later year (the target columns NULL when
 * none from YEAR on) and its aggregation (NULL: never set):
 * (id, code, group_code, name, due, op, target value, unit, target text,
 *  aggregation, target year, the indicator's extension object x as JSON text
 *  or NULL: x.baseline is the import's baseline). */
dti_rc store_score_indicators(store *s, int64_t plan_id, int year, store_row_fn fn, void *ctx, dti_err *e);
/* PLAN_ID's indicators with a code: (code, name). */
dti_rc store_score_indicator_codes(store *s, int64_t plan_id, store_row_fn fn, void *ctx, dti_err *e);
/* The first indicator (document order) of PLAN_ID with code CODE into *ID;
 * *FOUND 0 when none. */
dti_rc store_score_indicator_by_code(store *s, int64_t plan_id, const char *code, int64_t *id, int *found,
                                     dti_err *e);
/* The lead assignments of PLAN_ID's indicators (with an org), by indicator:
 * (indicator_id, org_id, valid_from day, valid_to day or NULL). */
dti_rc store_score_leads(store *s, int64_t plan_id, store_row_fn fn, void *ctx, dti_err *e);
/* The figures of PLAN_ID's approved reports (the newest approved version of
 * each (org, period)) that hold a value, a yes/no or a denominator:
 * (indicator_id, period, value, numerator, denominator, met, approved_at,
 *  org_id, org name). */
dti_rc store_score_approved_values(store *s, int64_t plan_id, store_row_fn fn, void *ctx, dti_err *e);
/* PLAN_ID's groups in document order: (code, name). */
dti_rc store_score_plan_groups(store *s, int64_t plan_id, store_row_fn fn, void *ctx, dti_err *e);

/* The aggregation ("last", "sum") set for indicator IND_ID (*OUT owned by
 * caller; NULL when never set). */
dti_rc store_score_aggregation_get(store *s, int64_t ind_id, char **out, dti_err *e);
/* Set indicator IND_ID's aggregation to AGG (inserted or replaced). */
dti_rc store_score_aggregation_put(store *s, int64_t ind_id, const char *agg, dti_err *e);

/* ---- point tables ---------------------------------------------------------- */

/* The point table of PLAN_ID in force (not closed) into *TABLE_ID; *FOUND 0
 * when none. */
dti_rc store_score_table_in_force(store *s, int64_t plan_id, int64_t *table_id, int *found, dti_err *e);
/* The name of table TABLE_ID (*OUT owned by caller). */
dti_rc store_score_table_name(store *s, int64_t table_id, char **out, dti_err *e);
/* How many criteria table TABLE_ID has. */
dti_rc store_score_criteria_count(store *s, int64_t table_id, int64_t *n, dti_err *e);
/* TABLE_ID's criteria in the table's order: (id, code, group_code,
 * group_name, name, max_points, indicators, evidence, rule_kind,
 * rule_text). */
dti_rc store_score_criteria(store *s, int64_t table_id, store_row_fn fn, void *ctx, dti_err *e);
/* Close PLAN_ID's table in force at TS; *CHANGED the tables closed (0 or 1). */
dti_rc store_score_table_close(store *s, int64_t plan_id, const char *ts, int64_t *changed, dti_err *e);
/* A new table of PLAN_ID (in force) into *ID. */
dti_rc store_score_table_add(store *s, int64_t plan_id, const char *name, const char *source_name,
                             const char *sha256, const char *ts, int64_t created_by, int64_t *id, dti_err *e);
/* One criterion of a table, as stored (strings borrowed; NULL allowed
 * where the column allows it). */
typedef struct store_score_criterion {
    const char *code, *group_code, *group_name, *name;
    double max_points;
    const char *indicators, *evidence, *rule_kind, *rule_text;
} store_score_criterion;
/* Add criterion C as the SEQ-th (1..) of table TABLE_ID. */
dti_rc store_score_criterion_add(store *s, int64_t table_id, int64_t seq, const store_score_criterion *c,
                                 dti_err *e);
/* The criterion CODE of PLAN_ID's table in force into *ID; *FOUND 0 when none. */
dti_rc store_score_criterion_find(store *s, int64_t plan_id, const char *code, int64_t *id, int *found,
                                  dti_err *e);
/* The maximum points of criterion CRIT_ID (0 when missing). */
dti_rc store_score_criterion_max(store *s, int64_t crit_id, double *max, dti_err *e);

/* ---- self-assessed and reviewed points ------------------------------------ */

/* The points given to TABLE_ID's criteria for ORG_ID and PERIOD:
 * (criterion_id, self_points, self_note, review_points, review_reason). */
dti_rc store_score_points(store *s, int64_t table_id, int64_t org_id, const char *period, store_row_fn fn,
                          void *ctx, dti_err *e);
/* The points row of criterion CRIT_ID for ORG_ID and PERIOD (at most one):
 * (id, self_points, review_points, review_reason). */
dti_rc store_score_points_get(store *s, int64_t crit_id, int64_t org_id, const char *period, store_row_fn fn,
                              void *ctx, dti_err *e);
/* An empty points row of criterion CRIT_ID (plan PLAN_ID) for ORG_ID and PERIOD. */
dti_rc store_score_points_add(store *s, int64_t crit_id, int64_t plan_id, int64_t org_id, const char *period,
                              dti_err *e);
/* Set the self-assessed (REVIEW 0: points, note) or reviewed (REVIEW 1:
 * points, reason) points of the row (CRIT_ID, ORG_ID, PERIOD), by user BY
 * at TS. */
dti_rc store_score_points_set(store *s, int review, int64_t crit_id, int64_t org_id, const char *period,
                              double points, const char *text, int64_t by, const char *ts, dti_err *e);

/* ---- rankings -------------------------------------------------------------- */

/* The orgs leading an indicator or a task of PLAN_ID on DAY (assignments in
 * force: valid_from <= DAY < valid_to), by id: (id, name). */
dti_rc store_score_lead_units(store *s, int64_t plan_id, const char *day, store_row_fn fn, void *ctx,
                              dti_err *e);
/* The (org, indicator) lead assignments of PLAN_ID in force on DAY:
 * (org_id, indicator_id). */
dti_rc store_score_lead_indicators(store *s, int64_t plan_id, const char *day, store_row_fn fn, void *ctx,
                                   dti_err *e);
/* Every lead assignment of PLAN_ID (indicators and tasks) with an org:
 * (org_id, valid_from day, valid_to day or NULL). */
dti_rc store_score_lead_spans(store *s, int64_t plan_id, store_row_fn fn, void *ctx, dti_err *e);
/* The first submission of each (org, period) of PLAN_ID's reports:
 * (org_id, period, submitted_at). */
dti_rc store_score_first_submissions(store *s, int64_t plan_id, store_row_fn fn, void *ctx, dti_err *e);
/* The province above PLAN_ID's commune into *PROV; *FOUND 0 when the plan has
 * no org or its org no parent. */
dti_rc store_score_plan_province(store *s, int64_t plan_id, int64_t *prov, int *found, dti_err *e);
/* The communes in force under PROVINCE_ID, by id: (id, name). */
dti_rc store_score_communes(store *s, int64_t province_id, store_row_fn fn, void *ctx, dti_err *e);
/* The plan of COMMUNE_ID that covers YEAR (its span, or no span): of
 * several the one made for the shortest span, then the newest. *FOUND 0
 * when none. */
dti_rc store_score_commune_plan(store *s, int64_t commune_id, int year, int64_t *plan_id, int *found,
                                dti_err *e);

/* ---- publications ------------------------------------------------------------ */

typedef struct store_score_publication {
    int64_t plan_id, org_id;
    const char *period;         /* borrowed */
    int has_value;
    double value, points, maximum;
    const char *published_at;   /* borrowed, ISO 8601 UTC */
    int64_t published_by;
} store_score_publication;
/* Add publication P (earlier ones are kept). */
dti_rc store_score_publication_add(store *s, const store_score_publication *p, dti_err *e);
/* Each org's newest publication, best figure first, those without a figure
 * last, then by the org's folded name: (org name, period, has_value, value,
 * published_at). */
dti_rc store_score_publications_newest(store *s, store_row_fn fn, void *ctx, dti_err *e);

/* ---- owners, for the history of one entity -------------------------------- */

/* The org of report REPORT_ID into *ORG; *FOUND 0 when missing. */
dti_rc store_score_report_org(store *s, int64_t report_id, int64_t *org, int *found, dti_err *e);
/* The plan of indicator (TASK 0) or task (TASK 1) ID into *PLAN_ID; *FOUND 0
 * when missing. */
dti_rc store_score_item_plan(store *s, int task, int64_t id, int64_t *plan_id, int *found, dti_err *e);

/* ---- per-plan generations (migration 014; app/score/score_memo.h) ---------- */

/* Every plan's own change generation: (plan_id, gen), by plan_id. A plan's
 * gen moves with every write to a row belonging to it (sql/…/014). */
dti_rc store_score_plan_gens(store *s, store_row_fn fn, void *ctx, dti_err *e);
/* The shared generation into *SHARED: it moves with every write to a table
 * several plans' figures read (orgs, point tables, …: 014). *FOUND 0 when
 * the database has no generation row. */
dti_rc store_score_shared_gen(store *s, int64_t *shared, int *found, dti_err *e);
/* The newest month ("YYYY-MM", <= UPTO, the same form) of any approved
 * report, as a new string into *OUT (caller frees; NULL when none): the
 * period the server's warm-up computes (score_warm.h). */
dti_rc store_score_latest_month(store *s, const char *upto, char **out, dti_err *e);

#endif
