/* score_int.h — private to the scoring use cases (score.c, score_index.c,
 * score_rank.c): the plan's calendar dates and the unchecked computation. */
#ifndef DTI_APP_SCORE_INT_H
#define DTI_APP_SCORE_INT_H
#include <jansson.h>
#include "app/score/score.h"
#include "core/period.h"

struct plist;   /* the plan's periods with their dates */

/* The periods of PLAN_ID (*OUT freed with scoring_periods_free; NULL is a no-op). */
dti_rc scoring_periods_load(store *s, int64_t plan_id, struct plist **out, dti_err *e);
void scoring_periods_free(struct plist *L);
/* Dates of P: the plan's calendar when it lists P, else the code's. L may be NULL. */
void scoring_period_dates(const struct plist *L, const period *p, int32_t *start, int32_t *end);
/* scoring_compute_as without the permission check (rankings over communes). */
dti_rc scoring_compute_unchecked(store *s, int64_t plan_id, const char *code, scoring_result *sc, dti_err *e);
/* Rank the units of SC's plan (kind APP_RANK_UNITS_*) at NOW into *OUT,
 * from figures already computed (so that the dashboard and the ranking read
 * the same ones); only units in U's scope are listed. */
dti_rc scoring_rank_units(store *s, const auth_user *u, const scoring_result *sc, scoring_rank_kind kind, time_t now,
                         scoring_ranking *out, dti_err *e);
/* A score as JSON, in the one vocabulary of scoring.h: {points, max,
 * index, index_text, counted, nodata, zero_max, completeness {reported,
 * expected, rate}} (new reference, NULL when out of memory). The _rounded
 * form rounds every figure to 6 decimals (the dashboard's). */
json_t *scoring_sum_json(const score_sum *m);
json_t *scoring_sum_json_rounded(const score_sum *m);

/* The acting user of A into *U (app_actor); the system, allowed while no
 * user exists, acts as an admin named "system" (what `dti score` did). */
dti_rc scoring_actor(app *a, auth_user *u, dti_err *e);

#endif
