/* store_province.h — the reads of the province's home (app/province/):
 * its communes with the plan that covers a year, the communes' contact
 * accounts, the deadlines and first exports of the communes' own reports,
 * and the indicators of the communes' plans. Written once for every engine
 * (`?` placeholders, no engine-specific functions); no permission is
 * checked here (app/ does). */
#ifndef DTI_STORE_PROVINCE_H
#define DTI_STORE_PROVINCE_H
#include <stddef.h>
#include <stdint.h>
#include "store/store.h"

/* One commune of a province as of a day, and the plan that covers a year. */
typedef struct store_province_commune {
    int64_t org_id;
    char *name;             /* owned: the name it had on the day */
    int64_t plan_id;        /* 0: no plan covers the year */
    char *now_name;         /* owned: the current name of the commune it was
                             * merged into since, NULL when none */
} store_province_commune;

/* The communes under PROVINCE in force on DAY ("YYYY-MM-DD", a period's
 * last day; NULL: the live ones), under the names they had that day (the
 * name history, org_names), by that name, each with its plan covering
 * YEAR: of several, the one made for the shortest span, then the newest
 * (scoring_rank_as's choice, app/score/score_rank.c), and the successor of
 * a merger it has gone into since. In force on DAY as
 * store_org_children_on says (store_org_change.h). *OUT (free with
 * store_province_communes_free) and *N; at most MAX rows (more:
 * DTI_ERR_TOOBIG). */
dti_rc store_province_communes(store *s, int64_t province, int year, const char *day, size_t max,
                               store_province_commune **out, size_t *n, dti_err *e);
void store_province_communes_free(store_province_commune *v, size_t n);

/* The active coordinator accounts whose scope org is a commune under
 * PROVINCE: rows (org_id, user name, display name), by org then name. */
dti_rc store_province_contacts(store *s, int64_t province, store_row_fn fn, void *ctx, dti_err *e);

/* The commune deadline of period CODE in PLAN_ID's calendar ("YYYY-MM-DD"),
 * *DUE owned by the caller, NULL when the calendar has no such period or
 * no commune deadline. */
dti_rc store_province_commune_due(store *s, int64_t plan_id, const char *code, char **due, dti_err *e);

/* Every "export.report" audit entry (the commune's report made: app/outputs),
 * oldest first: rows (entity_id as text: the plan id, at, after_json). */
dti_rc store_province_report_exports(store *s, store_row_fn fn, void *ctx, dti_err *e);

/* The indicators of PLAN_ID that have a code: rows (code, name), by id. */
dti_rc store_province_indicators(store *s, int64_t plan_id, store_row_fn fn, void *ctx, dti_err *e);

/* The newest plan of any commune under PROVINCE into *PLAN_ID (*FOUND 0
 * when none). */
dti_rc store_province_any_plan(store *s, int64_t province, int64_t *plan_id, int *found, dti_err *e);

#endif
