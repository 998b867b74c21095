/* api_plans.c — GET /api/v1/plans (summaries), GET /api/v1/plans/:id (dti.plan/1).
 *
 * Through app/ (plans_list, plans_get) as the acting user, so that
 * the permissions app/ decides apply here as on the command line; the JSON
 * is kept per user until the data change (app/score_cache.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app.h"
#include "app/plan/plans.h"
#include "app/auth/auth.h"
#include "app/score/score_cache.h"
#include "http/api.h"
#include "http/server.h"

static json_t *jstr(const char *s)
{
    return s ? json_string(s) : json_null();
}

static dti_rc plans_list_fn(store *s, void *ctx, json_t **out, dti_err *e)
{
    app *a = ctx;
    plans_row *v = NULL;
    size_t n = 0;
    dti_rc rc = plans_list(a, &v, &n, e);
    if (rc)
        return rc;
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < n; i++)
        json_array_append_new(arr, json_pack("{s:I, s:o, s:o, s:o, s:o, s:o, s:I, s:I, s:I, s:o, s:o}",
            "id", (json_int_t)v[i].id, "title", jstr(v[i].title), "commune", jstr(v[i].commune),
            "province", jstr(v[i].province), "number", jstr(v[i].number), "issued", jstr(v[i].issued),
            "groups", (json_int_t)v[i].ngroups, "indicators", (json_int_t)v[i].nindicators,
            "tasks", (json_int_t)v[i].ntasks, "document", jstr(v[i].document_name),
            "created_at", jstr(v[i].created_at)));
    plans_rows_free(v, n);
    *out = arr ? json_pack("{s:o}", "plans", arr) : NULL;
    return *out ? DTI_OK : dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
}

struct plan_get_ctx {
    app *a;
    int64_t id;
};

static dti_rc plan_get_fn(store *s, void *ctx, json_t **out, dti_err *e)
{
    struct plan_get_ctx *c = ctx;
    plan *p = NULL;
    dti_rc rc = plans_get(c->a, c->id, &p, e);
    if (rc)
        return rc;
    *out = plan_to_json(p);
    plan_free(p);
    return *out ? DTI_OK : dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
}

/* Reply with what FN builds, through the cache of read-only views
 * (app/score_cache.h) keyed by WHAT and the acting user. */
static void reply_cached(http_req *r, app *a, const char *what, scoring_cache_fn fn, void *ctx)
{
    dti_err e;
    char *body = NULL;
    size_t len = 0;
    dti_err_clear(&e);
    /* the acting user as the session check read it (http/session.h) */
    if (scoring_cache_json_as(a->st, &r->user->account, what, a->now, fn, ctx, &body, &len, NULL, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    http_reply_take(r, 200, "application/json; charset=utf-8", body, len, scoring_cache_free);
}

void api_plans_list(http_req *r)
{
    dti_err e;
    dti_err_clear(&e);
    app *a = http_app(r, &e);
    if (!a) {
        http_reply_error(r, &e);
        return;
    }
    reply_cached(r, a, "plans", plans_list_fn, a);
}

void api_plan_get(http_req *r)
{
    dti_err e;
    app *a = NULL;
    int64_t id;
    char what[32];
    dti_err_clear(&e);
    if (http_param_id(r, "id", &id, &e) != DTI_OK || !(a = http_app(r, &e))) {
        http_reply_error(r, &e);
        return;
    }
    struct plan_get_ctx c = {a, id};
    snprintf(what, sizeof what, "plan/%lld", (long long)id);
    reply_cached(r, a, what, plan_get_fn, &c);
}
