/* app/score.h — the scoring use cases: a plan's figures for a period, point
 * tables (bộ chỉ số), the appraiser's review, and rankings. The arithmetic
 * is core/score.h and core/rules.h; this module gathers its inputs from the
 * store and checks permissions (app/auth.h). docs/index-table.md describes
 * the point-table files; docs/scoring.md the formulas.
 *
 * Decision — compute on read. Every figure is computed from the approved
 * reports when it is asked for (scoring_compute_as); nothing is cached, so
 * what a leader sees is what was approved a moment ago, and no nightly batch
 * or invalidation exists to go wrong. A commune's plan is a few dozen
 * indicators over a few dozen reports: one computation is a handful of
 * queries. (A province ranking computes each commune's plan in turn.)
 *
 * One computation. scoring_compute_unchecked is the only place figures are made: the
 * dashboard (scoring.h, through score_cache.h), `dti score`, rankings of
 * units (scoring_rank_units, shared by scoring_rank_as and the dashboard) and of
 * communes, and publishing all read it (docs/scoring.md section 8).
 *
 * What scoring_compute_as reads, for plan PLAN and period P (year Y):
 *   values      only approved reports (the newest approved version of each
 *               (org, period)); rows with a figure, a yes/no or (text
 *               targets) a level 0..1; a stored figure that is not finite
 *               or beyond NUM_ABS_MAX (base/num.h: none can be entered now)
 *               is left out, so that no stored value breaks a figure; periods of
 *               year Y of any kind ending on or before P's end. Period
 *               dates come from the plan's calendar (table periods), else
 *               from the code. Only the figures of the indicator's lead in
 *               force on that period's last day count (valid_from <= day <
 *               valid_to); for a period before the indicator's first lead
 *               assignment began, the figures of that first lead.
 *   aggregation as report.c stores it (indicator_aggregation; none = last):
 *               last  the value of the latest period (on a tie of end dates
 *                     the longer period, then the later approval);
 *               sum   the sum over the periods of the finest kind reported
 *                     (months when there are months: a quarter report beside
 *                     them is not added twice), all leads' figures added;
 *                     the projection runs over the running totals.
 *   target      the indicator's target for year Y, else for the nearest
 *               later year (none from Y on: listed, maximum 0, not
 *               counted); due day: the end of the indicator's `due` period
 *               when it falls in the target's year, else 31/12 of it.
 *   status      score_status_of() judged on the day after P's end (the
 *               period is closed: a target due within P and missed is "chưa
 *               đạt", not a forecast): đạt / đúng tiến độ / nguy cơ / chưa
 *               đạt / chưa có số liệu. The at-risk list is the indicators
 *               "nguy cơ".
 *   index       without a point table every indicator with a target weighs
 *               the same (maximum 1, points = achievement); with one, the
 *               table's criteria (below). An item without approved data
 *               scores 0 out of its maximum (SCORE_NODATA_ZERO, as the
 *               national DTI: not reporting never pays) and is counted in
 *               nodata; every sum's JSON carries "completeness" {reported,
 *               expected, rate} beside its index. Groups: points over
 *               maximum per group; the plan: all points over all maximum
 *               points.
 *   criteria    a criterion's points are, in order of precedence: the
 *               reviewer's (criterion_points.review_points), else the
 *               commune's self-assessment (self_points), else what its rule
 *               computes from the indicators it reads (achievement: mean
 *               achievement × max; ratio: numerator/denominator of the
 *               first indicator with data, else value/100 for a "%" target,
 *               else value/target; steps: the value; yesno: met). Levels
 *               and reviewer criteria need points given. Both the
 *               self-assessed total (index_self) and the reviewed total
 *               (index) are reported.
 *
 * The context. What cli/ and http/ call takes the app context A first
 * (app/app.h): the acting user is A's (app_actor: the session's account,
 * --as, or the system while no user exists, acting as an admin) and "now"
 * is A->now. What other wings of app/ call (outputs: scoring_compute_as,
 * scoring_rank_as, scoring_plan) keeps (store, user, now) for now; the
 * functions ending in _as are those. Every function returns DTI_ERR_PERM /
 * DTI_ERR_NOTFOUND from auth_can_plan when the user may not. */
#ifndef DTI_APP_SCORE_H
#define DTI_APP_SCORE_H
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <jansson.h>
#include "base/err.h"
#include "app/app.h"
#include "store/store.h"
#include "app/auth/auth.h"
#include "core/score.h"
#include "core/rules.h"

#define SCORING_ITEMS_MAX 5000        /* indicators or criteria of one plan */
#define SCORING_OBS_MAX 64            /* periods observed for one indicator in a year */
#define SCORING_INDEX_MAX_BYTES ((size_t)2 << 20)   /* a point-table file */
#define SCORING_INDEX_MAX_ROWS 2000
#define SCORING_INDEX_TEXT_MAX 4000         /* bytes of one cell */
#define SCORING_REASON_MAX 2000       /* bytes of a reviewer's reason or a note */

typedef enum { SCORING_AGG_LAST = 0, SCORING_AGG_SUM } scoring_agg;

/* One approved figure that counts (a lead's, docs/scoring.md), as read. */
typedef struct scoring_input {
    char period[16];
    char org[192];              /* the reporting unit's name */
    int64_t org_id;
    int has_value;
    double value;
    int verdict;                /* text targets: 1 yes, 0 no, -1 none */
} scoring_input;

/* One period's figure of an indicator (the aggregated one for sum: the
 * running total). */
typedef struct scoring_obs {
    char period[16];
    int32_t end;                /* day (period.h) */
    double value;               /* figure, or running total for sum; text: the level when `level` */
    int verdict;                /* text targets: 1 yes, 0 no, -1 none */
    int level;                  /* text targets: a stated level 0..1 is in value (it wins over verdict) */
} scoring_obs;

typedef struct scoring_ind {
    int64_t id;
    char *code, *group, *name, *unit, *target_text;  /* owned; NULL when unknown */
    int has_target;
    int target_year;            /* Y, or the nearest later year with a target */
    score_target target;
    scoring_agg agg;
    int32_t due;                /* day the target is judged at */
    scoring_input *inputs;    /* owned: the figures folded, in fold order */
    size_t ninputs;
    scoring_obs obs[SCORING_OBS_MAX];
    size_t nobs;
    int has_value;              /* the aggregated value at P */
    double value;
    int has_ratio;              /* numerator and denominator of the latest (last) / summed (sum) */
    double num, den;
    int verdict;                /* text targets: 1, 0, -1 */
    int level;                  /* text targets: value is a stated level 0..1 */
    score_trend trend;          /* status, latest achievement, forecast */
    double max;                 /* 1, or 0 without a target for Y */
    int counted;                /* in the index (no table, has a target, has data) */
} scoring_ind;

typedef struct scoring_crit {
    int64_t id;
    char *code, *group, *group_name, *name, *indicators, *evidence, *rule_text; /* owned */
    score_rule_kind kind;
    char rule_desc[512];        /* score_rule_describe */
    double max;
    int has_computed;           /* the rule computed points from the indicators */
    double computed;
    char computed_from[256];    /* the inputs, for people ("a=45, b=50") */
    int has_self;               /* self points used (given, else computed) */
    double self;
    int self_given;             /* the commune entered them (criterion_points) */
    char *self_note;
    int has_review;
    double review;
    char *reason;               /* the reviewer's */
    int has_points;             /* review, else self */
    double points;
} scoring_crit;

typedef struct scoring_group {
    char *code, *name;          /* owned */
    score_sum sum;              /* points over maximum (reviewed) */
    score_sum sum_self;         /* with a table: the self-assessed figures */
} scoring_group;

typedef struct scoring_result {
    int64_t plan_id, org_id;    /* org_id: the plan's commune (0 when none) */
    char *plan_title, *org_name;    /* owned, may be NULL */
    char period[16];
    int year;
    int32_t start, end, asof;   /* P's dates; asof = end + 1 */
    int has_table;
    int64_t table_id;
    char *table_name;
    scoring_ind *inds;
    size_t ninds;
    scoring_crit *crits;
    size_t ncrits;
    scoring_group *groups;
    size_t ngroups;
    score_sum total;            /* the plan's index (reviewed) */
    score_sum total_self;       /* with a table: self-assessed */
    size_t nat_risk, nmet, nnot_met, non_track, nno_data;
} scoring_result;

/* The figures of plan PLAN_ID for period PERIOD ("2026-03", "2026-Q1",
 * "2026") into *OUT (release with scoring_release, also after a
 * failure). Needs AUTH_READ on the plan. DTI_ERR_INPUT for a bad period
 * code. */
dti_rc scoring_compute_as(store *s, const auth_user *u, int64_t plan_id, const char *period,
                         scoring_result *out, dti_err *e);
void scoring_release(scoring_result *sc);
/* *OUT (new reference): every figure with its inputs (docs/scoring.md):
 * per indicator the observations, aggregated value, target, achievement,
 * status, forecast, points and maximum; per criterion the rule, computed,
 * self and reviewed points with the reason; per group and plan points,
 * maximum, counted, nodata and the index (number and "0,7071" text). */
dti_rc scoring_result_json(const scoring_result *sc, json_t **out, dti_err *e);
/* The status of indicator code CODE ("" and NULL-safe): -1 when no such code. */
int scoring_status(const scoring_result *sc, const char *code);
/* Indicator CODE of SC, or NULL. */
const scoring_ind *scoring_find(const scoring_result *sc, const char *code);

/* ---- point tables ------------------------------------------------------ */

typedef struct scoring_index_result {
    int64_t table_id;
    size_t ncriteria, ngroups;
    double max_total;
    int replaced;               /* an earlier table was closed */
} scoring_index_result;

/* Load the point table in the N bytes at DATA (CSV, or JSON when the first
 * non-blank byte is '{'; docs/index-table.md) named NAME for plan PLAN_ID,
 * as A's acting user (coordinator or admin: AUTH_PLAN_WRITE on the plan) at A->now. Every row
 * is checked before anything is written and the load is one transaction:
 * on any error nothing is stored, and the message names the line and
 * column (CSV) or the criterion (JSON). The table in force before is
 * closed, not deleted. Audited ("index.load"). *OUT may be NULL. */
dti_rc scoring_index_load(app *a, int64_t plan_id, const char *name, const char *data, size_t n,
                          scoring_index_result *out, dti_err *e);

/* ---- self-assessment and review ---------------------------------------- */

/* The commune's self-assessed POINTS (0..max) of criterion CODE of the
 * plan's table in force, for PERIOD, with an optional NOTE. Needs
 * AUTH_PLAN_WRITE on the plan. Audited ("score.self"). */
dti_rc scoring_self(app *a, int64_t plan_id, const char *period, const char *code, double points,
                    const char *note, dti_err *e);
/* The appraiser changes criterion CODE's points to POINTS (0..max) with
 * REASON (required), for PERIOD. The self-assessed figure is kept beside.
 * Needs AUTH_REVIEW on the plan's org by a user whose scope lies above it
 * (the province's appraiser) or an admin: a commune does not appraise
 * itself. Audited ("score.review", before and after). */
dti_rc scoring_review(app *a, int64_t plan_id, const char *period, const char *code, double points,
                      const char *reason, dti_err *e);

/* ---- rankings ---------------------------------------------------------- */

typedef enum {
    SCORING_RANK_UNITS_ONTIME = 0,  /* units of the commune by on-time rate, then achievement */
    SCORING_RANK_UNITS_ACHIEVEMENT, /* units by mean achievement of the indicators they lead, then on-time */
    SCORING_RANK_COMMUNES           /* communes of the plan's province by index */
} scoring_rank_kind;

typedef struct scoring_rank_row {
    int64_t org_id, plan_id;    /* plan_id: communes only (0: no plan for the year) */
    char *name;                 /* owned */
    int rank;                   /* 1.., 0 = no data (listed last) */
    int has_key, has_key2;
    double key, key2;
    size_t expected, received, on_time;     /* units: reports over the year's periods to P */
    size_t late, missing;                   /* units: received late; deadline passed, none */
    size_t led, led_data;                   /* units: indicators led, with data */
    score_sum sum;                          /* communes: their plan's total */
    char plan_title[256];                   /* communes: the plan ranked ("" none) */
} scoring_rank_row;

typedef struct scoring_ranking {
    scoring_rank_kind kind;
    char period[16];
    scoring_rank_row *rows;         /* in rank order */
    size_t n;
    score_province_mode mode;   /* communes: how the province figure is made */
    score_sum province;         /* communes: the province's figure */
} scoring_ranking;

/* Rank for plan PLAN_ID and PERIOD at NOW (timeliness of reports not yet
 * submitted is judged at NOW). Units: the orgs leading an indicator or a
 * task of the plan (assignments in force at P's end) within U's scope;
 * on-time rate = on time / expected, a report being expected for every
 * calendar period of P's year ending on or before P's end for which the
 * unit was a lead on that period's last day (report_completeness' rule)
 * and whose units' deadline has passed or that was submitted; achievement
 * = the mean achievement of the indicators it leads, with data.
 * Communes: every live commune under the plan's province, each by its
 * newest plan covering P's year, ranked by index; the province figure by
 * MODE. Units need AUTH_READ on the plan; communes AUTH_READ on the
 * province. Release with scoring_ranking_release. */
dti_rc scoring_rank_as(store *s, const auth_user *u, int64_t plan_id, const char *period,
                scoring_rank_kind kind, score_province_mode mode, time_t now, scoring_ranking *out,
                dti_err *e);
void scoring_ranking_release(scoring_ranking *r);
dti_rc scoring_ranking_json(const scoring_ranking *r, json_t **out, dti_err *e);

/* ---- the entry points' calls (the app context) ---------------------------- */

/* scoring_compute_as for A's acting user. */
dti_rc scoring_compute(app *a, int64_t plan_id, const char *pcode, scoring_result *out, dti_err *e);
/* Which form `dti score` shows: *HAS 1 when PLAN_ID has a point table in
 * force and A's user may read the plan (the table view, scoring_result_json),
 * else 0 (the dashboard's, scoring.h) — also for a plan that is missing or
 * out of the user's view, so that the view asked next gives the refusal in
 * its own words and nothing is said here. */
dti_rc scoring_has_table(app *a, int64_t plan_id, int *has, dti_err *e);
/* scoring_rank_as for A's acting user at A->now. */
dti_rc scoring_rank(app *a, int64_t plan_id, const char *pcode, scoring_rank_kind kind, score_province_mode mode,
                    scoring_ranking *out, dti_err *e);

#endif
