/* score_int.h — private to the scoring use cases (score.c, score_index.c,
 * score_rank.c): the plan's calendar dates and the unchecked computation. */
#ifndef DTI_APP_SCORE_INT_H
#define DTI_APP_SCORE_INT_H
#include <jansson.h>
#include "app/score/score.h"
#include "core/period.h"

struct plist;   /* the plan's periods with their dates */

/* The periods of PLAN_ID (*OUT freed with app_sc_periods_free; NULL is a no-op). */
dti_rc app_sc_periods_load(store *s, int64_t plan_id, struct plist **out, dti_err *e);
void app_sc_periods_free(struct plist *L);
/* Dates of P: the plan's calendar when it lists P, else the code's. L may be NULL. */
void app_sc_period_dates(const struct plist *L, const period *p, int32_t *start, int32_t *end);
/* app_score_compute without the permission check (rankings over communes). */
dti_rc app_sc_compute(store *s, int64_t plan_id, const char *code, app_score *sc, dti_err *e);
/* Rank the units of SC's plan (kind APP_RANK_UNITS_*) at NOW into *OUT,
 * from figures already computed (so that the dashboard and the ranking read
 * the same ones); only units in U's scope are listed. */
dti_rc app_sc_rank_units(store *s, const auth_user *u, const app_score *sc, app_rank_kind kind, time_t now,
                         app_ranking *out, dti_err *e);
/* A sum as JSON (new reference, NULL when out of memory). */
json_t *app_sc_sum_json(const score_sum *m);

#endif
