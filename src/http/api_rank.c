/* api_rank.c — rankings, publishing and history:
 *   GET  /api/v1/plans/:id/rankings?period=P&by=ontime|achievement|communes
 *        (scoring_rank_as: the commune's units, or the communes of the plan's
 *        province for a province viewer; province=mean|pooled)
 *   POST /api/v1/plans/:id/publish?period=P   (scoring_publish)
 *   GET  /api/v1/audit?entity=KIND&id=ID       (scoring_history)
 * Permissions are app/'s. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app.h"
#include "app/auth/auth.h"
#include "app/score/publish.h"
#include "app/score/score.h"
#include "app/score/score_cache.h"
#include "http/api.h"
#include "http/server.h"

/* The request's app context and the plan id of the path; 0, or -1 after
 * replying the error. */
static int begin(http_req *r, app **a, int64_t *plan_id, dti_err *e)
{
    dti_err_clear(e);
    if (!(*a = http_app(r, e)) || (plan_id && http_param_id(r, "id", plan_id, e) != DTI_OK)) {
        http_reply_error(r, e);
        return -1;
    }
    return 0;
}

/* Served through app/score_cache.h: the same figures until the data change. */
void api_rankings(http_req *r)
{
    dti_err e;
    int64_t plan_id;
    app *a;
    scoring_rank_kind kind;
    int mode = SCORE_PROVINCE_MEAN;
    if (begin(r, &a, &plan_id, &e))
        return;
    const char *by = http_query(r, "by"), *period = http_query(r, "period");
    const char *prov = http_query(r, "province");
    if (!by || !strcmp(by, "ontime"))
        kind = SCORING_RANK_UNITS_ONTIME;
    else if (!strcmp(by, "achievement"))
        kind = SCORING_RANK_UNITS_ACHIEVEMENT;
    else if (!strcmp(by, "communes"))
        kind = SCORING_RANK_COMMUNES;
    else {
        http_reply_fail(r, DTI_ERR_INPUT, "by", "cách xếp hạng phải là ontime, achievement hoặc communes",
                        "by must be ontime, achievement or communes");
        return;
    }
    if (!period || !*period) {
        http_reply_fail(r, DTI_ERR_INPUT, "period", "thiếu kỳ báo cáo (period)", "the period is missing");
        return;
    }
    if (prov && (mode = score_province_mode_parse(prov)) < 0) {
        http_reply_fail(r, DTI_ERR_INPUT, "province", "cách tính của tỉnh phải là mean hoặc pooled",
                        "province must be mean or pooled");
        return;
    }
    char *body = NULL;
    size_t len = 0;
    if (scoring_rank_text(a, plan_id, period, kind, (score_province_mode)mode, &body, &len, NULL, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    http_reply_take(r, 200, "application/json; charset=utf-8", body, len, scoring_cache_free);
}

void api_publish(http_req *r)
{
    dti_err e;
    int64_t plan_id;
    app *a;
    json_t *out = NULL;
    if (begin(r, &a, &plan_id, &e))
        return;
    if (scoring_publish(a, plan_id, http_query(r, "period"), &out, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    http_reply_json(r, 201, out);
}

void api_audit(http_req *r)
{
    dti_err e;
    app *a;
    json_t *out = NULL;
    char *end;
    if (begin(r, &a, NULL, &e))
        return;
    const char *entity = http_query(r, "entity"), *id = http_query(r, "id");
    if (!entity || !*entity) {
        http_reply_fail(r, DTI_ERR_INPUT, "entity", "thiếu loại đối tượng (entity)", "the entity is missing");
        return;
    }
    errno = 0;
    long long v = id ? strtoll(id, &end, 10) : 0;
    if (!id || !*id || errno || *end || v <= 0) {
        http_reply_fail(r, DTI_ERR_INPUT, "id", "mã đối tượng (id) phải là số nguyên dương",
                        "id must be a positive integer");
        return;
    }
    if (scoring_history(a, entity, (int64_t)v, &out, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    http_reply_json(r, 200, json_pack("{s:s, s:I, s:o}", "entity", entity, "id", (json_int_t)v,
                                      "entries", out));
}
