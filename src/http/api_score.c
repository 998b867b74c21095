/* api_score.c — GET /api/v1/plans/:id/score/:period: the dashboard's
 * figures (app/scoring.h): every indicator's value, achievement, status
 * and points, the group and plan index, the at-risk list, completeness and
 * the unit ranking, as approved reports make them; served from
 * app/score_cache.h (recomputed after any write, never stale). */
#include <stdlib.h>
#include "app/app.h"
#include "app/auth.h"
#include "app/score_cache.h"
#include "http/api.h"
#include "http/server.h"

void api_score(http_req *r)
{
    dti_err e;
    auth_user u;
    int64_t plan_id;
    char *body = NULL;
    size_t len = 0;
    dti_err_clear(&e);
    const char *period = http_param(r, "period");
    store *db = http_db(r, &e);
    if (!db || http_param_id(r, "id", &plan_id, &e) != DTI_OK)
        goto fail;
    u = r->user->account;   /* read by the session check (http/session.h) */
    if (score_cache_plan(db, &u, plan_id, period, app_now(), &body, &len, NULL, &e) != DTI_OK)
        goto fail;
    http_reply_take(r, 200, "application/json; charset=utf-8", body, len, score_cache_free);
    return;
fail:
    http_reply_error(r, &e);
}
