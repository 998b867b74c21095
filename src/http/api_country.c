/* api_country.c — GET /api/v1/country/rankings?period=P[&province=mean|pooled]:
 * the national ranking (app/score/score_country.h) for the country's role
 * (an administrator; others get 403 from app/). Served through the score
 * cache, keyed by the data generation: computed once after any write (a
 * few seconds for 3,321 communes), then from memory, never stale. */
#include <stdio.h>
#include <string.h>
#include "app/app.h"
#include "app/score/score_cache.h"
#include "app/score/score_country.h"
#include "http/api.h"
#include "http/server.h"

void api_country_rankings(http_req *r)
{
    dti_err e;
    app *a;
    int mode = SCORE_PROVINCE_MEAN;
    char *body = NULL;
    size_t len = 0;
    dti_err_clear(&e);
    if (!(a = http_app(r, &e))) {
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
    if (scoring_country_text(a, period, (score_province_mode)mode, &body, &len, NULL, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    http_reply_take(r, 200, "application/json; charset=utf-8", body, len, scoring_cache_free);
}
