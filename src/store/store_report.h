/* store_report.h — the reports' repository: reports and their versions,
 * values, task progress and texts, evidence files and links, review state,
 * the self-approval setting, and the reads the report use cases make of
 * orgs, periods, items and assignments (app/report/report.h decides what is
 * allowed and what goes into the audit log; nothing here checks a
 * permission or builds JSON).
 *
 * Reads hand rows to a store_row_fn with the columns each function lists,
 * in that order; scalar reads fill out parameters. Times are ISO 8601 UTC
 * text ("2026-04-08T09:30:00Z"), days "YYYY-MM-DD". Every text parameter is
 * borrowed; every text out parameter is the caller's to free (NULL when
 * the row or value is missing). Writes run inside the caller's
 * transaction when one is open. The SQL is written once for both engines
 * (store.h); engine-specific forms are marked "engine:". */
#ifndef DTI_STORE_REPORT_H
#define DTI_STORE_REPORT_H
#include <stddef.h>
#include <stdint.h>
#include "store/store.h"

/* ---- orgs, as the report use cases look them up ---- */

/* Whether org ID exists (*FOUND), whatever its validity. */
dti_rc store_report_org_exists(store *s, int64_t id, int *found, dti_err *e);
/* Live orgs whose orgname key or an alias's is KEY, by id. PLAN_ID > 0:
 * only the plan's org and those directly under it; 0: anywhere.
 * Columns: id. */
dti_rc store_report_org_by_key(store *s, int64_t plan_id, const char *key, store_row_fn fn, void *ctx,
                               dti_err *e);
/* Live orgs with KEY (their key or an alias's) under a live parent whose key
 * is PLACE_KEY (a commune or province: orgname_place_key), by id.
 * Columns: id. */
dti_rc store_report_org_by_key_under(store *s, const char *place_key, const char *key, store_row_fn fn, void *ctx,
                                     dti_err *e);
/* Live orgs whose folded name is FOLDED, by id. Columns: id. */
dti_rc store_report_org_by_folded(store *s, const char *folded, store_row_fn fn, void *ctx, dti_err *e);
/* Org ID's name into *NAME (NULL when no such org). */
dti_rc store_report_org_name(store *s, int64_t id, char **name, dti_err *e);
/* Org ID's kind ("commune", "unit", ...) into *KIND (NULL when none). */
dti_rc store_report_org_kind(store *s, int64_t id, char **kind, dti_err *e);
/* Org ID's parent into *PARENT (0 when it has none); *FOUND (may be NULL)
 * 0 when there is no such org. */
dti_rc store_report_org_parent(store *s, int64_t id, int64_t *parent, int *found, dti_err *e);
/* Plan ID's commune org into *ORG (0 when it names none); *FOUND 0 when
 * there is no such plan. */
dti_rc store_report_plan_org(store *s, int64_t plan_id, int64_t *org, int *found, dti_err *e);
/* What a CSV row's look-up (store_report_item_lookup) depends on, as two
 * counters: plan PLAN_ID's own generation (plan_generation: moved by every
 * write to its items, targets, assignments, groups, calendar, and its
 * reports once not drafts) and the shared one (score_generation.shared:
 * orgs, their names and changes, ...), migration 014. *FOUND 0 when the
 * plan has no generation row (or the database none at all). A draft's
 * save moves neither, so concurrent saves of drafts leave them still. */
dti_rc store_report_plan_gen(store *s, int64_t plan_id, int64_t *gen, int64_t *shared, int *found, dti_err *e);

/* ---- the plan's calendar ---- */

/* How many periods PLAN_ID's calendar has. */
dti_rc store_report_period_count(store *s, int64_t plan_id, int64_t *n, dti_err *e);
/* Whether CODE is one of them (*FOUND). */
dti_rc store_report_period_exists(store *s, int64_t plan_id, const char *code, int *found, dti_err *e);
/* The units' deadline day of period CODE (*DAY "YYYY-MM-DD", NULL when none). */
dti_rc store_report_period_unit_due(store *s, int64_t plan_id, const char *code, char **day, dti_err *e);
/* The last day of period CODE (*DAY, NULL when the calendar has no such period). */
dti_rc store_report_period_end(store *s, int64_t plan_id, const char *code, char **day, dti_err *e);
/* PLAN_ID's periods, or only CODE when not NULL. Columns: code,
 * start_date, end_date, unit_due. */
dti_rc store_report_periods(store *s, int64_t plan_id, const char *code, store_row_fn fn, void *ctx, dti_err *e);

/* ---- the plan's items and assignments ---- */

/* A plan item by code, the org's role on it and the target judging it, in
 * ONE statement (a report save looks up every CSV row: one statement a row
 * instead of four). Indicators (IS_TASK 0) or tasks of PLAN_ID with CODE
 * (and GROUP_CODE when not NULL), in the plan's order. Columns: id, name,
 * lead (how many assignments in force make ORG_ID its lead), support (the
 * same for support), then the target judging it in YEAR as
 * store_report_target picks it: year, op, value, unit, text (all NULL for a
 * task or an indicator without target). */
/* store_report_item_lookup, remembered on the handle S: GEN and SHARED are
 * store_report_plan_gen's two counters read in the caller's same
 * transaction; the rows of one look-up are kept with them and given again
 * without a statement to a later call with the same arguments and the same
 * two counters (nothing the rows depend on was written in between: both
 * only grow, and every write to what the statement reads moves one of
 * them). A direct-mapped memo of STORE_ITEM_MEMO look-ups per handle (a
 * handle is one connection to one database, so no key names the
 * database); a look-up of more than STORE_ITEM_MEMO_ROWS rows, or out of
 * memory, is simply not kept. */
#define STORE_ITEM_MEMO 512
#define STORE_ITEM_MEMO_ROWS 4
dti_rc store_report_item_lookup_at(store *s, int64_t gen, int64_t shared, int64_t plan_id, int is_task,
                                   const char *code, const char *group_code, int64_t org_id, int year,
                                   store_row_fn fn, void *ctx, dti_err *e);
dti_rc store_report_item_lookup(store *s, int64_t plan_id, int is_task, const char *code, const char *group_code,
                                int64_t org_id, int year, store_row_fn fn, void *ctx, dti_err *e);
/* The first indicator (IS_TASK 0) or task of PLAN_ID with CODE that ORG_ID
 * has an assignment in force on, in the plan's order: *ID, *FOUND. */
dti_rc store_report_item_assigned(store *s, int64_t plan_id, int is_task, const char *code, int64_t org_id,
                                  int64_t *id, int *found, dti_err *e);
/* The target that judges indicator ID in YEAR: that year's, else the
 * nearest later year's, else the latest before (one row at most).
 * Columns: year, op, value, unit, text. */
dti_rc store_report_target(store *s, int64_t indicator_id, int year, store_row_fn fn, void *ctx, dti_err *e);

/* ---- reports ---- */

/* PLAN_ID/ORG_ID/PERIOD's report of VERSION, or the newest when VERSION
 * is 0 (one row at most). Columns: id, version, state, submitted_at. */
dti_rc store_report_find(store *s, int64_t plan_id, int64_t org_id, const char *period, int version,
                         store_row_fn fn, void *ctx, dti_err *e);
/* Every version of the report, oldest first. Columns: id, version, state,
 * created_at, submitted_at, returned_at, approved_at, reason. */
dti_rc store_report_versions(store *s, int64_t plan_id, int64_t org_id, const char *period, store_row_fn fn,
                             void *ctx, dti_err *e);
/* How many versions (*N) and the first submission of any (*FIRST, NULL
 * when never submitted). Either out pointer may be NULL. */
dti_rc store_report_version_stats(store *s, int64_t plan_id, int64_t org_id, const char *period, int64_t *n,
                                  char **first, dti_err *e);
/* Report ID's header (one row). Columns: id, plan_id, org_id, period,
 * version, state, submitted_at, returned_at, approved_at, reason, results,
 * difficulties, proposals, self_approved. */
dti_rc store_report_head(store *s, int64_t id, store_row_fn fn, void *ctx, dti_err *e);
/* Report ID's values by the indicators' order. Columns: indicator code,
 * numerator, denominator, value, met, note. */
dti_rc store_report_values(store *s, int64_t id, store_row_fn fn, void *ctx, dti_err *e);
/* Report ID's task entries by the tasks' order. Columns: task code,
 * status, percent, products, note. */
dti_rc store_report_tasks(store *s, int64_t id, store_row_fn fn, void *ctx, dti_err *e);
/* The same three reads for every report with LO <= id <= HI, in few
 * round trips (dti audit verify reads every report: one statement per read
 * and report cost a round trip each on PostgreSQL). Heads by id, with the
 * columns of store_report_head; values and task entries by report, then in
 * the order of store_report_values/_tasks, with the report's id as one
 * more, last, column (values: column 6; tasks: column 5). */
dti_rc store_report_heads_between(store *s, int64_t lo, int64_t hi, store_row_fn fn, void *ctx, dti_err *e);
dti_rc store_report_values_between(store *s, int64_t lo, int64_t hi, store_row_fn fn, void *ctx, dti_err *e);
dti_rc store_report_tasks_between(store *s, int64_t lo, int64_t hi, store_row_fn fn, void *ctx, dti_err *e);

/* A new report version. Every text borrowed. */
typedef struct store_report_new {
    int64_t plan_id, org_id;
    const char *period;
    int version;
    const char *state;
    const char *at;             /* created_at and updated_at */
    int64_t by;                 /* created_by */
    const char *returned_at;    /* may be NULL */
    const char *reason;         /* may be NULL */
    int64_t copy_of;            /* 0, or the report whose texts (results, difficulties, proposals),
                                   values, tasks and evidence links the new version copies */
} store_report_new;
/* Insert N (and, with N->copy_of, copy that version's items): *ID. */
dti_rc store_report_insert(store *s, const store_report_new *n, int64_t *id, dti_err *e);

/* Set report ID's value of INDICATOR_ID (insert or replace). A NULL
 * number is HAS_* 0; MET < 0 is NULL. */
typedef struct store_report_value {
    int64_t indicator_id;
    int has_num, has_den, has_val;
    double num, den, val;
    int met;                    /* 1, 0, or -1 for none */
    const char *note;           /* may be NULL */
} store_report_value;
dti_rc store_report_value_put(store *s, int64_t id, const store_report_value *v, dti_err *e);
/* Set report ID's entry of task TASK_ID (insert or replace); texts may be
 * NULL, HAS_PCT 0 gives a NULL percent. */
dti_rc store_report_task_put(store *s, int64_t id, int64_t task_id, const char *status, int has_pct, double pct,
                             const char *products, const char *note, dti_err *e);
typedef enum { STORE_REPORT_RESULTS = 0, STORE_REPORT_DIFFICULTIES, STORE_REPORT_PROPOSALS } store_report_text;
/* Set one of report ID's texts to TEXT (NULL clears). */
dti_rc store_report_text_set(store *s, int64_t id, store_report_text which, const char *text, dti_err *e);
/* Set report ID's updated_at to AT. */
dti_rc store_report_touch(store *s, int64_t id, const char *at, dti_err *e);

/* Report ID's entries: values, task entries, and 1 when it has any text. */
dti_rc store_report_entries(store *s, int64_t id, int64_t *values, int64_t *tasks, int64_t *texts, dti_err *e);
/* How many items ORG_ID leads on PLAN_ID (in force) have no entry in
 * report ID. */
dti_rc store_report_missing(store *s, int64_t plan_id, int64_t org_id, int64_t id, int64_t *n, dti_err *e);
/* How many of report ID's marks of authorship USER_ID has: submitted it,
 * created, filled or submitted it by the audit log, attached evidence. */
dti_rc store_report_authored(store *s, int64_t id, int64_t user_id, int64_t *n, dti_err *e);
/* Report ID submitted: STATE, updated_at AT; submitted_at and submitted_by
 * set only when empty (the first submission of a version stays); REASON
 * (NULL keeps it). */
dti_rc store_report_mark_submitted(store *s, int64_t id, const char *state, const char *at, int64_t by,
                                   const char *reason, dti_err *e);
/* Report ID reviewed: STATE, updated_at AT, returned_at (APPROVED 0) or
 * approved_at (APPROVED 1) AT, reviewed_by BY, REASON (NULL keeps it),
 * self_approved SELF. */
dti_rc store_report_mark_reviewed(store *s, int64_t id, const char *state, int approved, const char *at,
                                  int64_t by, const char *reason, int self, dti_err *e);
/* Report ID back to draft from submitted (no change in another state):
 * updated_at AT, submission cleared. */
dti_rc store_report_unsubmit(store *s, int64_t id, const char *at, dti_err *e);

/* ---- the self-approval setting of a commune ---- */

/* ORG_ID's allow_self_approval into *ALLOW (0 when unset; *FOUND may be NULL). */
dti_rc store_report_self_approval_get(store *s, int64_t org_id, int64_t *allow, int *found, dti_err *e);
/* Set it (insert or replace) with who, when and REASON (may be NULL). */
dti_rc store_report_self_approval_put(store *s, int64_t org_id, int allow, int64_t by, const char *at,
                                      const char *reason, dti_err *e);

/* ---- what report_show lists ---- */

/* Report ID's values with the indicator's name and ORG_ID's role on it
 * (lowest role in force on PLAN_ID). Columns: code, name, numerator,
 * denominator, value, met, note, role. */
dti_rc store_report_show_values(store *s, int64_t plan_id, int64_t org_id, int64_t id, store_row_fn fn, void *ctx,
                                dti_err *e);
/* Report ID's task entries. Columns: code, name, status, percent,
 * products, note. */
dti_rc store_report_show_tasks(store *s, int64_t id, store_row_fn fn, void *ctx, dti_err *e);
/* Report ID's evidence and that of the newest versions of other orgs'
 * reports on the same period attached to items ORG_ID leads. Columns: id,
 * name, sha256, size, media_type, indicator code, task code, checked, org
 * name. */
dti_rc store_report_show_evidence(store *s, int64_t plan_id, int64_t org_id, int64_t id, store_row_fn fn,
                                  void *ctx, dti_err *e);
/* Notes other orgs' newest reports on the same period add to items ORG_ID
 * leads. Columns: org name, item code, "indicator" or "task", note,
 * version. */
dti_rc store_report_show_support(store *s, int64_t plan_id, int64_t org_id, int64_t id, store_row_fn fn,
                                 void *ctx, dti_err *e);

/* ---- completeness and the review queue ---- */

/* The orgs leading something of PLAN_ID in force on day END, by name,
 * with their reports on PERIOD. Columns: org id, name, first
 * submitted_at, newest version's state, newest version (NULL: none). */
dti_rc store_report_expected(store *s, int64_t plan_id, const char *period, const char *end, store_row_fn fn,
                             void *ctx, dti_err *e);
/* PLAN_ID's reports whose newest version is in STATE, of PERIOD (NULL:
 * every period), longest waiting first, then org name and period.
 * Columns: org_id, org name, period, version, state, submitted_at, first
 * submitted_at, the period's unit_due, the period's kind (a request's
 * own, app/plan/request.h: "adhoc" or "week"). */
dti_rc store_report_queue(store *s, int64_t plan_id, const char *state, const char *period, store_row_fn fn,
                          void *ctx, dti_err *e);

/* ---- evidence ---- */

/* Whether file SHA256 is stored (*FOUND). */
dti_rc store_report_file_exists(store *s, const char *sha256, int *found, dti_err *e);
/* Store the N bytes at P as file SHA256 of MEDIA_TYPE at AT. */
dti_rc store_report_file_put(store *s, const char *sha256, const void *p, size_t n, const char *media_type,
                             const char *at, dti_err *e);
/* Link file SHA256 named NAME to report REPORT_ID (and to indicator or
 * task ITEM_ID when not 0), unchecked, attached by BY at AT: *ID. */
dti_rc store_report_evidence_add(store *s, const char *sha256, const char *name, int64_t report_id,
                                 int64_t indicator_id, int64_t task_id, int64_t by, const char *at, int64_t *id,
                                 dti_err *e);
/* Evidence ID's report org and checked flag (one row). Columns: org_id,
 * checked. */
dti_rc store_report_evidence_state(store *s, int64_t id, store_row_fn fn, void *ctx, dti_err *e);
/* Mark evidence ID checked (by BY) or not (BY ignored, cleared). */
dti_rc store_report_evidence_check(store *s, int64_t id, int checked, int64_t by, dti_err *e);
/* Evidence ID's bytes (one row). Columns: report org_id, bytes (blob),
 * name, media_type. */
dti_rc store_report_evidence_file(store *s, int64_t id, store_row_fn fn, void *ctx, dti_err *e);
/* Whether ORG_ID leads (in force) the item evidence ID is attached to:
 * *N > 0 when it does. */
dti_rc store_report_evidence_led_by(store *s, int64_t id, int64_t org_id, int64_t *n, dti_err *e);
/* How many of report ID's evidence files are checked. */
dti_rc store_report_evidence_checked(store *s, int64_t id, int64_t *n, dti_err *e);

#endif
