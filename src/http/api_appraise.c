/* api_appraise.c — appraisal on the web (issue 13 §6), over app/score/score.h
 * (what `dti index load`, `dti score self` and `dti score review` do):
 *
 *   POST /api/v1/plans/:id/index                            multipart: file (the point table,
 *                                                            CSV or JSON, docs/index-table.md)
 *   PUT  /api/v1/plans/:id/score/:period/criteria/:code/self    {"points": n, "note": "…"}
 *   PUT  /api/v1/plans/:id/score/:period/criteria/:code/review  {"points": n, "reason": "…"}
 *   GET  /api/v1/plans/:id/appraisal/:period                  the criteria and totals (scoring_result_json)
 *
 * The criteria with their computed, self-assessed and reviewed points are
 * read from GET …/appraisal/:period; publishing is
 * POST /api/v1/plans/:id/publish. app/score decides every permission (the
 * commune's coordinator loads and self-assesses; the province's appraiser,
 * above the commune, reviews); this file only translates. */
#include <stdio.h>
#include <string.h>
#include "app/app.h"
#include "app/auth/auth.h"
#include "app/score/score.h"
#include "http/api.h"
#include "http/server.h"

void api_index_load(http_req *r)
{
    dti_err e;
    int64_t plan_id;
    const http_part *f;
    scoring_index_result res;
    dti_err_clear(&e);
    memset(&res, 0, sizeof res);
    app *a = http_app(r, &e);
    if (!a || http_param_id(r, "id", &plan_id, &e) != DTI_OK || http_file_part(r, "file", &f, &e) != DTI_OK ||
        scoring_index_load(a, plan_id, f->filename, f->data.ptr, f->data.len, &res, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    http_reply_json(r, 201, json_pack("{s:I, s:I, s:I, s:f, s:b}", "table_id", (json_int_t)res.table_id,
                                      "criteria", (json_int_t)res.ncriteria, "groups", (json_int_t)res.ngroups,
                                      "max_total", res.max_total, "replaced", res.replaced));
}

/* Self-assessment (REVIEW 0) or the appraiser's points (REVIEW 1). */
static void points(http_req *r, int review)
{
    dti_err e;
    int64_t plan_id;
    json_t *body = NULL;
    dti_err_clear(&e);
    const char *period = http_param(r, "period"), *code = http_param(r, "code");
    const char *textkey = review ? "reason" : "note";
    app *a = http_app(r, &e);
    if (!a || http_param_id(r, "id", &plan_id, &e) != DTI_OK || http_json_body(r, &body, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    json_t *pv = json_object_get(body, "points"), *tv = json_object_get(body, textkey);
    if (!json_is_number(pv)) {
        http_reply_fail(r, DTI_ERR_INPUT, "points", "Hãy ghi số điểm (một con số).", "Write the points (a number).");
        return;
    }
    if (tv && !json_is_null(tv) && !json_is_string(tv)) {
        http_reply_fail(r, DTI_ERR_INPUT, textkey, "“%s” phải là chữ.", "“%s” must be text.", textkey);
        return;
    }
    const char *text = json_is_string(tv) ? json_string_value(tv) : NULL;
    double pts = json_number_value(pv);
    if ((review ? scoring_review(a, plan_id, period ? period : "", code ? code : "", pts, text, &e)
                : scoring_self(a, plan_id, period ? period : "", code ? code : "", pts, text, &e)) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    http_reply_json(r, 200, json_pack("{s:s, s:s, s:s, s:f}", "period", period ? period : "", "code", code ? code : "",
                                      "kind", review ? "review" : "self", "points", pts));
}

void api_score_self(http_req *r) { points(r, 0); }
void api_score_review(http_req *r) { points(r, 1); }

/* GET /api/v1/plans/:id/appraisal/:period — the appraiser's view, as `dti
 * score --json` gives it (scoring_result_json): the table, every criterion with
 * its rule, computed, self-assessed and reviewed points and the reason,
 * the totals (reviewed and self-assessed). The dashboard's figures (GET
 * …/score/:period) leave the criteria out. */
void api_appraisal(http_req *r)
{
    dti_err e;
    int64_t plan_id;
    scoring_result sc;
    json_t *out = NULL;
    dti_err_clear(&e);
    memset(&sc, 0, sizeof sc);
    const char *period = http_param(r, "period");
    app *a = http_app(r, &e);
    if (!a || http_param_id(r, "id", &plan_id, &e) != DTI_OK ||
        scoring_compute(a, plan_id, period ? period : "", &sc, &e) != DTI_OK ||
        scoring_result_json(&sc, &out, &e) != DTI_OK) {
        scoring_release(&sc);
        http_reply_error(r, &e);
        return;
    }
    scoring_release(&sc);
    http_reply_json(r, 200, out);
}
