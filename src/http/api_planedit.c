/* api_planedit.c — changing a plan after import (app/planedit.h):
 *   PATCH /api/v1/plans/:id/indicators/:code[?group=G]   fields to change → the item
 *   PATCH /api/v1/plans/:id/tasks/:code[?group=G]
 *   GET   /api/v1/plans/:id/assignments                  plans_assign_list
 *   PUT   /api/v1/plans/:id/assignments/:kind/:code[?group=G]
 *         {"lead": [org ids], "support": [org ids]}      → the item's assignment
 *   GET   /api/v1/plans/:id/units                        the orgs to choose from
 * Codes may hold dots ("2.1"): a route parameter is one path segment, so
 * they pass as they are. A code that repeats across groups needs ?group=
 * (409 otherwise); group= (empty) is "no group". Permissions are app/'s: a
 * plan out of scope is 404, a read-only user 403. */
#include <string.h>
#include "app/app.h"
#include "app/plan/assign.h"
#include "app/plan/planedit.h"
#include "http/api.h"
#include "http/server.h"

/* The context and the plan id of the path; 0 or -1 (replied). */
static int begin(http_req *r, app **a, int64_t *plan_id, dti_err *e)
{
    dti_err_clear(e);
    if (!(*a = http_app(r, e)) || http_param_id(r, "id", plan_id, e) != DTI_OK) {
        http_reply_error(r, e);
        return -1;
    }
    return 0;
}

static void edit(http_req *r, int is_task)
{
    dti_err e;
    app *a;
    int64_t plan_id;
    json_t *body, *out = NULL;
    dti_err_clear(&e);
    if (http_json_body(r, &body, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    if (begin(r, &a, &plan_id, &e))
        return;
    const char *code = http_param(r, "code"), *group = http_query(r, "group");
    dti_rc rc = is_task ? plans_edit_task(a, plan_id, code, group, body, &out, &e)
                        : plans_edit_indicator(a, plan_id, code, group, body, &out, &e);
    if (rc != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    http_reply_json(r, 200, out);
}

void api_indicator_edit(http_req *r)
{
    edit(r, 0);
}

void api_task_edit(http_req *r)
{
    edit(r, 1);
}

void api_assignments(http_req *r)
{
    dti_err e;
    app *a;
    int64_t plan_id;
    json_t *out = NULL;
    if (begin(r, &a, &plan_id, &e))
        return;
    if (plans_assign_list(a, plan_id, &out, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    http_reply_json(r, 200, json_pack("{s:I, s:o}", "plan_id", (json_int_t)plan_id, "items", out));
}

void api_assignment_set(http_req *r)
{
    dti_err e;
    app *a;
    int64_t plan_id;
    json_t *body, *out = NULL;
    dti_err_clear(&e);
    if (http_json_body(r, &body, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    const char *kind = http_param(r, "kind");
    int is_task = kind && !strcmp(kind, "task");
    if (!kind || (!is_task && strcmp(kind, "indicator"))) {
        http_reply_fail(r, DTI_ERR_INPUT, "kind", "loại phải là indicator (chỉ tiêu) hoặc task (nhiệm vụ)",
                        "kind must be indicator or task");
        return;
    }
    if (begin(r, &a, &plan_id, &e))
        return;
    if (plans_edit_assign(a, plan_id, is_task, http_param(r, "code"), http_query(r, "group"), body, &out, &e) !=
        DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    http_reply_json(r, 200, out);
}

void api_plan_units(http_req *r)
{
    dti_err e;
    app *a;
    int64_t plan_id;
    json_t *out = NULL;
    if (begin(r, &a, &plan_id, &e))
        return;
    if (plans_edit_units(a, plan_id, &out, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    http_reply_json(r, 200, out);
}
