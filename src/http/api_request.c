/* api_request.c — ad-hoc and weekly report requests over HTTP
 * (app/plan/request.h):
 *
 *   GET  /api/v1/plans/:id/requests   → {"requests": [{"code", "kind", "title", "name", "start", "end",
 *        "unit_due", …, "orgs": [{"id", "name"}]}]} (plans_request_list; AUTH_READ)
 *   POST /api/v1/plans/:id/requests   {"kind": "adhoc"|"week", "title", "from", "to", "due", "days",
 *        "orgs": [ids]} → 201 {"plan_id", "kind", "title", "codes", "orgs"} (plans_request_open;
 *        AUTH_PLAN_WRITE). A bad field is 400 naming it ("field").
 *   PATCH /api/v1/plans/:id/requests/:code  {"title"?, "due"?, "orgs"?: [ids]} → 200 the request as listed
 *        (plans_request_edit: only before any unit has saved a report under it; else 409)
 *   POST /api/v1/plans/:id/requests/:code/cancel  {"reason"} → 200 the request, "cancelled": true
 *        (plans_request_cancel; a cancelled one is 409) */
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

/* The unit ids of the JSON array ORGS into IDS (*N of them). */
static dti_rc org_ids(const json_t *orgs, int64_t ids[PLANS_REQUEST_ORGS_MAX], size_t *n, dti_err *e)
{
    *n = 0;
    if (!json_is_array(orgs) || json_array_size(orgs) > PLANS_REQUEST_ORGS_MAX)
        return dti_fail(e, DTI_ERR_INPUT, "orgs", "\"orgs\" phải là danh sách số đơn vị (tối đa %d).",
                        "\"orgs\" must be a list of unit ids (at most %d).", PLANS_REQUEST_ORGS_MAX);
    for (size_t i = 0; i < json_array_size(orgs); i++) {
        json_t *v = json_array_get(orgs, i);
        if (!json_is_integer(v) || json_integer_value(v) <= 0)
            return dti_fail(e, DTI_ERR_INPUT, "orgs", "Đơn vị thứ %zu không phải một số đơn vị.",
                            "Unit %zu is not a unit id.", i + 1);
        ids[(*n)++] = json_integer_value(v);
    }
    return DTI_OK;
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
        if (org_ids(orgs, ids, &in.norgs, &e))
            goto fail;
        in.orgs = ids;
    }
    if (plans_request_open(a, plan_id, &in, &out, &e) != DTI_OK)
        goto fail;
    http_reply_json(r, 201, out);
    return;
fail:
    http_reply_error(r, &e);
}

void api_request_edit(http_req *r)
{
    dti_err e;
    int64_t plan_id;
    json_t *body = NULL, *out = NULL, *orgs;
    int64_t ids[PLANS_REQUEST_ORGS_MAX];
    plans_request_edit_in in;
    dti_err_clear(&e);
    memset(&in, 0, sizeof in);
    app *a = http_app(r, &e);
    if (!a || http_param_id(r, "id", &plan_id, &e) != DTI_OK || http_json_body(r, &body, &e) != DTI_OK)
        goto fail;
    if ((json_object_get(body, "title") && !json_is_string(json_object_get(body, "title"))) ||
        (json_object_get(body, "due") && !json_is_string(json_object_get(body, "due")))) {
        dti_fail(&e, DTI_ERR_INPUT, json_is_string(json_object_get(body, "title")) ? "due" : "title",
                 "Tên và hạn nộp phải là chuỗi.", "The title and the deadline must be strings.");
        goto fail;
    }
    in.title = str(body, "title");
    in.due = str(body, "due");
    orgs = json_object_get(body, "orgs");
    if (orgs && !json_is_null(orgs)) {
        if (org_ids(orgs, ids, &in.norgs, &e))
            goto fail;
        in.orgs = ids;
        in.set_orgs = 1;
    }
    if (plans_request_edit(a, plan_id, http_param(r, "code"), &in, &out, &e) != DTI_OK)
        goto fail;
    http_reply_json(r, 200, out);
    return;
fail:
    http_reply_error(r, &e);
}

void api_request_cancel(http_req *r)
{
    dti_err e;
    int64_t plan_id;
    json_t *body = NULL, *out = NULL;
    dti_err_clear(&e);
    app *a = http_app(r, &e);
    if (!a || http_param_id(r, "id", &plan_id, &e) != DTI_OK || http_json_body(r, &body, &e) != DTI_OK)
        goto fail;
    if (plans_request_cancel(a, plan_id, http_param(r, "code"), str(body, "reason"), &out, &e) != DTI_OK)
        goto fail;
    http_reply_json(r, 200, out);
    return;
fail:
    http_reply_error(r, &e);
}
