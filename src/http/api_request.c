/* api_request.c — ad-hoc and weekly report requests over HTTP
 * (app/plan/request.h):
 *
 *   GET  /api/v1/plans/:id/requests   → {"requests": [{"code", "kind", "title", "name", "start", "end",
 *        "unit_due", …, "orgs": [{"id", "name"}]}]} (plans_request_list; AUTH_READ)
 *   POST /api/v1/plans/:id/requests   {"kind": "adhoc"|"week", "title", "from", "to", "due", "days",
 *        "orgs": [ids]} → 201 {"plan_id", "kind", "title", "codes", "orgs"} (plans_request_open;
 *        AUTH_PLAN_WRITE). A bad field is 400 naming it ("field"). */
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "app/plan/request.h"
#include "http/api.h"
#include "http/server.h"

void api_request_list(http_req *r)
{
    dti_err e;
    int64_t plan_id;
    json_t *out = NULL;
    dti_err_clear(&e);
    app *a = http_app(r, &e);
    if (!a || http_param_id(r, "id", &plan_id, &e) != DTI_OK || plans_request_list(a, plan_id, &out, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    http_reply_json(r, 200, json_pack("{s:o}", "requests", out));
}

static const char *str(const json_t *b, const char *k)
{
    return json_string_value(json_object_get(b, k));
}

void api_request_open(http_req *r)
{
    dti_err e;
    int64_t plan_id;
    json_t *body, *out = NULL, *orgs, *days;
    int64_t ids[PLANS_REQUEST_ORGS_MAX];
    plans_request_in in;
    dti_err_clear(&e);
    memset(&in, 0, sizeof in);
    app *a = http_app(r, &e);
    if (!a || http_param_id(r, "id", &plan_id, &e) != DTI_OK || http_json_body(r, &body, &e) != DTI_OK)
        goto fail;
    in.kind = str(body, "kind");
    in.title = str(body, "title");
    in.from = str(body, "from");
    in.to = str(body, "to");
    in.due = str(body, "due");
    days = json_object_get(body, "days");
    in.days = !days || json_is_null(days) ? 0 : json_is_integer(days) ? (int)json_integer_value(days) : -1;
    if (json_is_integer(days) && (json_integer_value(days) < -1 || json_integer_value(days) > 1000))
        in.days = -1;
    orgs = json_object_get(body, "orgs");
    if (orgs && !json_is_null(orgs)) {
        if (!json_is_array(orgs) || json_array_size(orgs) > PLANS_REQUEST_ORGS_MAX) {
            dti_fail(&e, DTI_ERR_INPUT, "orgs", "\"orgs\" phải là danh sách số đơn vị (tối đa %d).",
                     "\"orgs\" must be a list of unit ids (at most %d).", PLANS_REQUEST_ORGS_MAX);
            goto fail;
        }
        for (size_t i = 0; i < json_array_size(orgs); i++) {
            json_t *v = json_array_get(orgs, i);
            if (!json_is_integer(v) || json_integer_value(v) <= 0) {
                dti_fail(&e, DTI_ERR_INPUT, "orgs", "Đơn vị thứ %zu không phải một số đơn vị.",
                         "Unit %zu is not a unit id.", i + 1);
                goto fail;
            }
            ids[in.norgs++] = json_integer_value(v);
        }
        in.orgs = ids;
    }
    if (plans_request_open(a, plan_id, &in, &out, &e) != DTI_OK)
        goto fail;
    http_reply_json(r, 201, out);
    return;
fail:
    http_reply_error(r, &e);
}
