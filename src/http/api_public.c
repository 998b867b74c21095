/* api_public.c — GET /api/v1/public/rankings: the published ranking of
 * communes (app/publish.h), the only data anyone may read without logging
 * in: each commune's newest published index and nothing else. */
#include "app/score/publish.h"
#include "http/api.h"
#include "http/server.h"

void api_public_rankings(http_req *r)
{
    dti_err e;
    json_t *out = NULL;
    dti_err_clear(&e);
    app *a = http_app(r, &e);
    if (!a || scoring_public_rankings(a, &out, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    http_reply_json(r, 200, out);
}
