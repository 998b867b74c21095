/* api_score.c — GET /api/v1/plans/:id/score/:period: the dashboard's
 * figures (app/scoring.h): every indicator's value, achievement, status
 * and points, the group and plan index, the at-risk list, completeness and
 * the unit ranking, as approved reports make them. */
#include "app/app.h"
#include "app/auth.h"
#include "app/scoring.h"
#include "http/api.h"
#include "http/server.h"

void api_score(http_req *r)
{
    dti_err e;
    auth_user u;
    int64_t plan_id;
    json_t *out = NULL;
    dti_err_clear(&e);
    const char *period = http_param(r, "period");
    store *db = http_db(r, &e);
    if (!db || http_param_id(r, "id", &plan_id, &e) != DTI_OK ||
        auth_user_get_id(db, r->user->id, &u, &e) != DTI_OK ||
        scoring_plan(db, &u, plan_id, period, app_now(), &out, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    http_reply_json(r, 200, out);
}
