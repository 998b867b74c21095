/* api_plans.c — GET /api/v1/plans (summaries), GET /api/v1/plans/:id (dti.plan/1).
 *
 * Through app/ (app_plan_list, app_plan_get) as the acting user, so that
 * the permissions app/ decides apply here as on the command line. */
#include "app/app.h"
#include "http/api.h"
#include "http/server.h"

static json_t *jstr(const char *s)
{
    return s ? json_string(s) : json_null();
}

/* The use-case context of request R: its store and its user. */
static int app_for(http_req *r, app *a, dti_err *e)
{
    a->st = http_db(r, e);
    a->user_id = r->user ? r->user->id : 0;
    return a->st ? 0 : -1;
}

void api_plans_list(http_req *r)
{
    dti_err e;
    app a;
    store_plan_row *v = NULL;
    size_t n = 0;
    dti_err_clear(&e);
    if (app_for(r, &a, &e) != 0 || app_plan_list(&a, &v, &n, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < n; i++)
        json_array_append_new(arr, json_pack("{s:I, s:o, s:o, s:o, s:o, s:o, s:I, s:I, s:I, s:o, s:o}",
            "id", (json_int_t)v[i].id, "title", jstr(v[i].title), "commune", jstr(v[i].commune),
            "province", jstr(v[i].province), "number", jstr(v[i].number), "issued", jstr(v[i].issued),
            "groups", (json_int_t)v[i].ngroups, "indicators", (json_int_t)v[i].nindicators,
            "tasks", (json_int_t)v[i].ntasks, "document", jstr(v[i].document_name),
            "created_at", jstr(v[i].created_at)));
    store_plan_rows_free(v, n);
    http_reply_json(r, 200, arr ? json_pack("{s:o}", "plans", arr) : NULL);
}

void api_plan_get(http_req *r)
{
    dti_err e;
    app a;
    int64_t id;
    plan *p = NULL;
    dti_err_clear(&e);
    if (http_param_id(r, "id", &id, &e) != DTI_OK || app_for(r, &a, &e) != 0 ||
        app_plan_get(&a, id, &p, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    json_t *j = plan_to_json(p);
    plan_free(p);
    http_reply_json(r, 200, j);
}
