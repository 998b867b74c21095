/* assign.c — listing and changing a plan's assignments (assign.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app_util.h"
#include "app/plan/assign.h"
#include "app/audit/audit.h"
#include "core/period.h"
#include "store/store_assign.h"
#include "store/store_org.h"
#include "store/store_plan.h"

struct item_ctx {
    json_t *arr;
    int nomem;
    int is_task;
};

static int item_fn(void *ctx, const store_row *r)
{
    struct item_ctx *c = ctx;
    json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:s, s:[], s:[], s:[], s:[], s:[]}", "id", (json_int_t)r->v[0].i,
                          "kind", c->is_task ? "task" : "indicator", "code", app_col(r, 1) ? app_col(r, 1) : "",
                          "group", app_col(r, 2) ? app_col(r, 2) : "", "name", app_col(r, 3) ? app_col(r, 3) : "",
                          "lead", "support", "unresolved", "lead_unresolved", "support_unresolved");
    if (!o || json_array_append_new(c->arr, o)) {
        c->nomem = 1;
        return 1;
    }
    return 0;
}

struct who_ctx {
    json_t *items;      /* the item objects, by position */
    size_t first;       /* index of the first item of this kind */
    int nomem;
    int is_task;
};

static int who_fn(void *ctx, const store_row *r)
{
    struct who_ctx *c = ctx;
    int64_t item = r->v[0].i;
    const char *role = app_col(r, 1);
    size_t i;
    json_t *it;
    json_array_foreach(c->items, i, it) {
        if (i < c->first)
            continue;
        if (json_integer_value(json_object_get(it, "id")) != item ||
            strcmp(json_string_value(json_object_get(it, "kind")), c->is_task ? "task" : "indicator") != 0)
            continue;
        json_t *entry;
        const char *list;
        if (r->v[2].t == SV_NULL) {
            list = "unresolved";
            entry = json_string(app_col(r, 4) ? app_col(r, 4) : "");
            /* the same name again under its role */
            if (!entry || json_array_append(json_object_get(it, role && strcmp(role, "lead") == 0 ? "lead_unresolved"
                                                                                              : "support_unresolved"),
                                            entry))
                c->nomem = 1;
        } else {
            list = role && strcmp(role, "lead") == 0 ? "lead" : "support";
            entry = json_pack("{s:I, s:s}", "org_id", (json_int_t)r->v[2].i, "name", app_col(r, 3) ? app_col(r, 3) : "");
        }
        if (!entry || json_array_append_new(json_object_get(it, list), entry))
            c->nomem = 1;
        break;
    }
    return c->nomem;
}

static int involves(const json_t *it, int64_t org)
{
    const char *lists[2] = {"lead", "support"};
    for (int k = 0; k < 2; k++) {
        size_t i;
        json_t *x;
        json_array_foreach(json_object_get(it, lists[k]), i, x)
            if (json_integer_value(json_object_get(x, "org_id")) == org)
                return 1;
    }
    return 0;
}

dti_rc plans_assign_list_as(store *s, const auth_user *u, int64_t plan_id, json_t **out, dti_err *e)
{
    dti_rc rc;
    json_t *arr = NULL;
    *out = NULL;
    if ((rc = auth_can_plan(s, u, AUTH_READ, plan_id, e)))
        return rc;
    if (!(arr = json_array()))
        return app_nomem(e);
    for (int t = 0; t < 2; t++) {
        struct item_ctx ic = {arr, 0, t};
        size_t first = json_array_size(arr);
        if ((rc = store_assign_items(s, plan_id, t, item_fn, &ic, e)))
            goto fail;
        struct who_ctx wc = {arr, first, ic.nomem, t};
        if (!wc.nomem &&
            (rc = store_assign_in_force(s, plan_id, t, who_fn, &wc, e)))
            goto fail;
        if (wc.nomem) {
            rc = app_nomem(e);
            goto fail;
        }
    }
    if (u->role == ROLE_REPORTER) {
        /* a reporter sees only its own assignments */
        for (size_t i = json_array_size(arr); i-- > 0;)
            if (!involves(json_array_get(arr, i), u->org_id))
                json_array_remove(arr, i);
    }
    *out = arr;
    return DTI_OK;
fail:
    json_decref(arr);
    return rc;
}

struct ids_ctx {
    json_t *arr;        /* org ids, or the name where no org is linked */
    json_t *names;      /* the names as the plan now writes them */
    int nomem;
};

static int ids_fn(void *ctx, const store_row *r)
{
    struct ids_ctx *c = ctx;
    json_t *v = r->v[0].t == SV_NULL ? json_string(app_col(r, 1) ? app_col(r, 1) : "") : json_integer(r->v[0].i);
    if (!v || json_array_append_new(c->arr, v) ||
        json_array_append_new(c->names, json_string(app_col(r, 1) ? app_col(r, 1) : ""))) {
        c->nomem = 1;
        return 1;
    }
    return 0;
}

/* The orgs of ROLE on the item as a JSON array of ids, or of the names as
 * written where no org is linked, and the names as written, as {"orgs",
 * "names"} (new reference). */
static dti_rc role_orgs(store *s, int64_t plan_id, int is_task, int64_t item, const char *role, json_t **out,
                        dti_err *e)
{
    struct ids_ctx c = {json_array(), json_array(), 0};
    if (!c.arr || !c.names) {
        json_decref(c.arr);
        json_decref(c.names);
        return app_nomem(e);
    }
    dti_rc rc = store_assign_role(s, plan_id, is_task, item, role, ids_fn, &c, e);
    if (!rc && c.nomem)
        rc = app_nomem(e);
    if (!rc) {
        /* "o" steals both, also when the pack fails */
        *out = json_pack("{s:o, s:o}", "orgs", c.arr, "names", c.names);
        c.arr = c.names = NULL;
        if (!*out)
            rc = app_nomem(e);
    }
    if (rc) {
        json_decref(c.arr);
        json_decref(c.names);
    }
    return rc;
}

/* 1 when the orgs in force (role_orgs' "orgs") are ORG_IDS, in order. */
static int same_orgs(const json_t *cur, const int64_t *org_ids, size_t n)
{
    if (json_array_size(cur) != n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        const json_t *x = json_array_get(cur, i);
        if (!json_is_integer(x) || json_integer_value(x) != org_ids[i])
            return 0;
    }
    return 1;
}

static dti_rc set_as(store *s, const auth_user *u, int64_t plan_id, int is_task, const char *code,
                     const char *role, const int64_t *org_ids, size_t n, time_t now, dti_err *e)
{
    dti_rc rc;
    int64_t item = 0;
    int found = 0;
    if ((rc = auth_can_plan(s, u, AUTH_READ, plan_id, e)))
        return rc;
    if ((rc = store_assign_item_by_code(s, plan_id, is_task, code, &item, &found, e)))
        return rc;
    if (!found)
        return dti_fail(e, DTI_ERR_NOTFOUND, "code", "kế hoạch không có %s mã %s", "the plan has no %s %s",
                        is_task ? "nhiệm vụ" : "chỉ tiêu", code ? code : "");
    return plans_assign_set_item_as(s, u, plan_id, is_task, item, role, org_ids, n, now, e);
}

dti_rc plans_assign_set_item_as(store *s, const auth_user *u, int64_t plan_id, int is_task, int64_t item,
                       const char *role, const int64_t *org_ids, size_t n, time_t now, dti_err *e)
{
    dti_rc rc;
    int in_tx = 0;
    int64_t porg = 0;
    char *code = NULL;
    json_t *before = NULL, *after = NULL, *b = NULL, *a = NULL;
    char today[PERIOD_DATE_LEN];

    if (!role || (strcmp(role, "lead") != 0 && strcmp(role, "support") != 0))
        return dti_fail(e, DTI_ERR_INPUT, "role", "vai trò phân công là lead (chủ trì) hoặc support (phối hợp)",
                        "the role is lead or support");
    if (n > PLANS_ASSIGN_ORGS_MAX)
        return dti_fail(e, DTI_ERR_TOOBIG, "org", "quá %d đơn vị", "over %d orgs", PLANS_ASSIGN_ORGS_MAX);
    period_date_iso(period_today_vn(now), today);
    if ((rc = store_begin(s, e)))
        return rc;
    in_tx = 1;
    /* out of scope: not found (as every plan); in scope, read-only: refused */
    if ((rc = auth_can_plan(s, u, AUTH_READ, plan_id, e)) ||
        (rc = auth_can_plan(s, u, AUTH_PLAN_WRITE, plan_id, e)))
        goto out;
    if ((rc = store_assign_item_code(s, plan_id, is_task, item, &code, e)))
        goto out;
    if (!code) {
        rc = dti_fail(e, DTI_ERR_NOTFOUND, "code", "kế hoạch không có %s số %lld", "the plan has no %s %lld",
                      is_task ? "nhiệm vụ" : "chỉ tiêu", (long long)item);
        goto out;
    }
    if ((rc = store_plan_org(s, plan_id, &porg, NULL, e)))
        goto out;
    for (size_t i = 0; i < n; i++) {
        int64_t parent = -1;
        int f = 0;
        if ((rc = store_org_parent_live(s, org_ids[i], &parent, &f, e)))
            goto out;
        if (!f || (porg && parent != porg && org_ids[i] != porg)) {
            rc = auth_not_found(e);     /* the same 404 as a missing org (auth.h, issue 9) */
            goto out;
        }
        for (size_t j = 0; j < i; j++)
            if (org_ids[j] == org_ids[i]) {
                rc = dti_fail(e, DTI_ERR_INPUT, "org", "đơn vị số %lld nêu hai lần", "org %lld given twice",
                              (long long)org_ids[i]);
                goto out;
            }
    }
    if ((rc = role_orgs(s, plan_id, is_task, item, role, &b, e)))
        goto out;
    if (same_orgs(json_object_get(b, "orgs"), org_ids, n)) {    /* PUT twice: nothing to change or log */
        rc = store_commit(s, e);
        in_tx = 0;
        goto out;
    }
    if ((rc = store_assign_close(s, plan_id, is_task, item, role, today, e)))
        goto out;
    for (size_t i = 0; i < n; i++) {
        char *name = NULL;
        if ((rc = store_org_name(s, org_ids[i], &name, e)))
            goto out;
        rc = store_assign_add(s, plan_id, is_task, item, org_ids[i], role, (int64_t)i + 1, name ? name : "", today, e);
        free(name);
        if (rc)
            goto out;
    }
    if ((rc = role_orgs(s, plan_id, is_task, item, role, &a, e)))
        goto out;
    before = json_pack("{s:I, s:s, s:s, s:s}", "plan_id", (json_int_t)plan_id, "kind",
                       is_task ? "task" : "indicator", "code", code, "role", role);
    after = json_pack("{s:I, s:s, s:s, s:s}", "plan_id", (json_int_t)plan_id, "kind",
                      is_task ? "task" : "indicator", "code", code, "role", role);
    if (!before || !after || json_object_update(before, b) || json_object_update(after, a)) {
        rc = app_nomem(e);
        goto out;
    }
    /* in the item's own history (GET /api/v1/audit?entity=indicator&id=) */
    if ((rc = audit_append_id(s, u, now, "assignment.set", is_task ? "task" : "indicator", item, before, after,
                              e)))
        goto out;
    if ((rc = store_commit(s, e)))
        goto out;
    in_tx = 0;
out:
    if (in_tx)
        store_rollback(s);
    json_decref(a);
    json_decref(b);
    json_decref(before);
    json_decref(after);
    free(code);
    return rc;
}

/* ---- the context's way in ---------------------------------------------------- */

dti_rc plans_assign_list(app *a, int64_t plan_id, json_t **out, dti_err *e)
{
    *out = NULL;
    auth_user u;
    dti_rc rc = app_actor(a, &u, NULL, e);
    if (rc)
        return rc;
    return plans_assign_list_as(a->st, &u, plan_id, out, e);
}

dti_rc plans_assign_set(app *a, int64_t plan_id, int is_task, const char *code, const char *role,
                        const int64_t *org_ids, size_t n, dti_err *e)
{
    auth_user u;
    dti_rc rc = app_actor(a, &u, NULL, e);
    if (rc)
        return rc;
    return set_as(a->st, &u, plan_id, is_task, code, role, org_ids, n, a->now, e);
}

dti_rc plans_assign_set_item(app *a, int64_t plan_id, int is_task, int64_t item, const char *role,
                             const int64_t *org_ids, size_t n, dti_err *e)
{
    auth_user u;
    dti_rc rc = app_actor(a, &u, NULL, e);
    if (rc)
        return rc;
    return plans_assign_set_item_as(a->st, &u, plan_id, is_task, item, role, org_ids, n, a->now, e);
}
