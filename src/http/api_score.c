/* api_score.c — GET /api/v1/plans/:id/score/:period[?inputs=1]: the
 * dashboard's figures (app/scoring.h): every indicator's value,
 * achievement, status and points, the group and plan index, the at-risk
 * list, completeness, the unit ranking and the trend, as approved reports
 * make them; served from app/score_cache.h (recomputed after any write,
 * never stale).
 *
 * Decision: each indicator's "observations" (every figure it read, with
 * period and org) are the inputs behind a value, for whoever checks a
 * figure by hand; the dashboard does not show them, and they are most of
 * the bytes (they grow with every month reported). They come with
 * ?inputs=1, as `dti score --json` always gives them. */
#include <stdlib.h>
#include <string.h>
#include "app/app.h"
#include "app/score/score_cache.h"
#include "http/api.h"
#include "http/server.h"

void api_score(http_req *r)
{
    dti_err e;
    int64_t plan_id;
    char *body = NULL;
    size_t len = 0;
    dti_err_clear(&e);
    const char *period = http_param(r, "period");
    app *a = http_app(r, &e);
    if (!a || http_param_id(r, "id", &plan_id, &e) != DTI_OK)
        goto fail;
    const char *inputs = http_query(r, "inputs");
    if (inputs && strcmp(inputs, "0") != 0 && strcmp(inputs, "1") != 0) {
        dti_fail(&e, DTI_ERR_INPUT, "inputs", "inputs phải là 0 hoặc 1", "inputs must be 0 or 1");
        goto fail;
    }
    if ((inputs && strcmp(inputs, "1") == 0 ? scoring_plan_text(a, plan_id, period, &body, &len, NULL, &e)
                                            : scoring_view_text(a, plan_id, period, &body, &len, NULL, &e)) != DTI_OK)
        goto fail;
    http_reply_take(r, 200, "application/json; charset=utf-8", body, len, scoring_cache_free);
    return;
fail:
    http_reply_error(r, &e);
}
