/* api_country.c — GET /api/v1/country/rankings?period=P[&province=mean|pooled]:
 * the national ranking (app/score/score_country.h) for the country's role
 * (an administrator; others get 403 from app/). Served through
 * app/score_cache.h, keyed by the data generation: computed once after any
 * write (a few seconds for 3,321 communes), then from memory, never stale. */
#include <stdio.h>
#include <string.h>
#include "app/app.h"
#include "app/auth/auth.h"
#include "app/score/score_cache.h"
#include "app/score/score_country.h"
#include "http/api.h"
#include "http/server.h"

struct country_ctx {
    app *a;
    const char *period;
    score_province_mode mode;
};

static dti_rc country_fn(store *db, void *ctx, json_t **out, dti_err *e)
{
    struct country_ctx *c = ctx;
    score_country sc;
    (void)db;   /* c->a's store */
    dti_rc rc = score_country_rank(c->a, c->period, c->mode, &sc, e);
    if (rc == DTI_OK)
        rc = score_country_json(&sc, out, e);
    score_country_release(&sc);
    return rc;
}

void api_country_rankings(http_req *r)
{
    dti_err e;
    app *a;
    int mode = SCORE_PROVINCE_MEAN;
    char what[SCORE_CACHE_WHAT_MAX + 8], *body = NULL;
    size_t len = 0;
    dti_err_clear(&e);
    if (!(a = http_app(r, &e)) || !r->user) {
        http_reply_error(r, &e);
        return;
    }
    const char *period = http_query(r, "period"), *prov = http_query(r, "province");
    if (!period || !*period) {
        http_reply_fail(r, DTI_ERR_INPUT, "period", "thiếu kỳ báo cáo (period)", "the period is missing");
        return;
    }
    if (prov && (mode = score_province_mode_parse(prov)) < 0) {
        http_reply_fail(r, DTI_ERR_INPUT, "province", "cách tính phải là mean hoặc pooled",
                        "province must be mean or pooled");
        return;
    }
    struct country_ctx c = {a, period, (score_province_mode)mode};
    int n = snprintf(what, sizeof what, "country/rankings?province=%d&period=%s", mode, period);
    if (score_cache_json(a->st, &r->user->account, n > 0 && (size_t)n <= SCORE_CACHE_WHAT_MAX ? what : NULL, a->now,
                         country_fn, &c, &body, &len, NULL, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    http_reply_take(r, 200, "application/json; charset=utf-8", body, len, score_cache_free);
}
