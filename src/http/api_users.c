/* api_users.c — accounts from the browser (rules in app/auth.h):
 *   GET   /api/v1/users                 the accounts the user may see, and
 *                                       the roles it may give
 *   POST  /api/v1/users                 {login, display, role, org_id, password}
 *   PATCH /api/v1/users/:uid            {display?, role?, org_id?, active?}
 *   POST  /api/v1/users/:uid/password   {password}: reset another's
 *   POST  /api/v1/me/password           {current, password}: one's own; the
 *                                       current session stays, others end
 *   GET   /api/v1/orgs                  the org tree within the user's scope
 * Bodies are strict: an unknown member or a wrong type is a 400 naming it.
 * No answer ever holds a password hash. Permissions are app/'s. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "app/app.h"
#include "app/auth/auth.h"
#include "http/api.h"
#include "http/server.h"

/* The request's context and acting user (fresh from the store); 0 or -1 (replied). */
static int begin(http_req *r, app **a, auth_user *u, dti_err *e)
{
    dti_err_clear(e);
    if (!(*a = http_app(r, e)) || auth_user_get_id((*a)->st, r->user->id, u, e) != DTI_OK) {
        http_reply_error(r, e);
        return -1;
    }
    return 0;
}

/* app/ names the fields as the command line does; the API as its JSON. */
static void reply_error(http_req *r, dti_err *e)
{
    if (strcmp(e->field, "name") == 0)
        snprintf(e->field, sizeof e->field, "login");
    else if (strcmp(e->field, "org") == 0)
        snprintf(e->field, sizeof e->field, "org_id");
    http_reply_error(r, e);
}

/* Every member of J is one of ALLOWED (NULL-terminated); else a 400 naming it. */
static dti_rc only_members(json_t *j, const char *const *allowed, dti_err *e)
{
    const char *key;
    json_t *v;
    if (!json_is_object(j))
        return dti_fail(e, DTI_ERR_INPUT, "body", "dữ liệu gửi lên phải là một đối tượng JSON",
                        "the body must be a JSON object");
    json_object_foreach(j, key, v) {
        size_t i = 0;
        while (allowed[i] && strcmp(allowed[i], key) != 0)
            i++;
        if (!allowed[i])
            return dti_fail(e, DTI_ERR_INPUT, key, "không có trường “%s”", "there is no field “%s”", key);
    }
    return DTI_OK;
}

/* Member KEY of J as a string of at most MAX bytes: *OUT NULL when absent
 * (or null) and not REQUIRED. */
static dti_rc str_member(json_t *j, const char *key, size_t max, int required, const char **out, dti_err *e)
{
    json_t *v = json_object_get(j, key);
    *out = NULL;
    if (!v || json_is_null(v)) {
        if (required)
            return dti_fail(e, DTI_ERR_INPUT, key, "thiếu “%s”", "“%s” is missing", key);
        return DTI_OK;
    }
    if (!json_is_string(v))
        return dti_fail(e, DTI_ERR_INPUT, key, "“%s” phải là chuỗi", "“%s” must be a string", key);
    if (json_string_length(v) > max)
        return dti_fail(e, DTI_ERR_INPUT, key, "“%s” dài quá %zu byte", "“%s” is longer than %zu bytes", key, max);
    if (required && json_string_length(v) == 0)
        return dti_fail(e, DTI_ERR_INPUT, key, "thiếu “%s”", "“%s” is missing", key);
    if (strlen(json_string_value(v)) != json_string_length(v))
        return dti_fail(e, DTI_ERR_INPUT, key, "“%s” chứa ký tự NUL", "“%s” holds a NUL character", key);
    *out = json_string_value(v);
    return DTI_OK;
}

/* org_id of J: *OUT -1 when absent, 0 for null, else the positive id. */
static dti_rc org_member(json_t *j, int64_t *out, dti_err *e)
{
    json_t *v = json_object_get(j, "org_id");
    *out = -1;
    if (!v)
        return DTI_OK;
    if (json_is_null(v)) {
        *out = 0;
        return DTI_OK;
    }
    if (!json_is_integer(v) || json_integer_value(v) <= 0)
        return dti_fail(e, DTI_ERR_INPUT, "org_id", "mã đơn vị (org_id) phải là số nguyên dương",
                        "org_id must be a positive integer");
    *out = (int64_t)json_integer_value(v);
    return DTI_OK;
}

static dti_rc role_member(json_t *j, int required, int *out, dti_err *e)
{
    const char *s;
    dti_rc rc = str_member(j, "role", 32, required, &s, e);
    *out = -1;
    if (rc || !s)
        return rc;
    if ((*out = auth_role_parse(s)) < 0)
        return dti_fail(e, DTI_ERR_INPUT, "role", "vai trò phải là admin, coordinator, reporter hoặc viewer",
                        "role must be admin, coordinator, reporter or viewer");
    return DTI_OK;
}

static const char *org_name(const auth_org *orgs, size_t n, int64_t id)
{
    for (size_t i = 0; i < n; i++)
        if (orgs[i].id == id)
            return orgs[i].name;
    return NULL;
}

/* One account as the API shows it (never the hash). NULL on no memory. */
static json_t *user_json(app *a, const auth_user *actor, const auth_user *u, const auth_org *orgs, size_t norgs)
{
    dti_err no;
    int manage = auth_can_user(a->st, actor, AUTH_USER_MANAGE, u, &no) == DTI_OK;
    const char *on = u->org_id > 0 ? org_name(orgs, norgs, u->org_id) : NULL;
    return json_pack("{s:I, s:s, s:s, s:s, s:o, s:o, s:b, s:b, s:b}", "id", (json_int_t)u->id, "login", u->name,
                     "display", u->display, "role", auth_role_name(u->role), "org_id",
                     u->org_id > 0 ? json_integer(u->org_id) : json_null(), "org_name",
                     on ? json_string(on) : json_null(), "active", u->active, "manageable",
                     manage, "self", u->id == actor->id);
}

/* Reply STATUS with {"user": U}. */
static void reply_user(http_req *r, int status, app *a, const auth_user *actor, const auth_user *u)
{
    dti_err e;
    auth_org *orgs = NULL;
    size_t n = 0;
    dti_err_clear(&e);
    if (auth_org_list(a, &orgs, &n, &e) != DTI_OK) {
        reply_error(r, &e);
        return;
    }
    json_t *j = user_json(a, actor, u, orgs, n);
    auth_org_list_free(orgs, n);
    http_reply_json(r, status, j ? json_pack("{s:o}", "user", j) : NULL);
}

void api_users_list(http_req *r)
{
    dti_err e;
    app *a;
    auth_user me, *list = NULL;
    auth_org *orgs = NULL;
    size_t n = 0, norgs = 0;
    json_t *arr = NULL, *roles = NULL;
    if (begin(r, &a, &me, &e))
        return;
    if (auth_user_list(a, &list, &n, &e) != DTI_OK || auth_org_list(a, &orgs, &norgs, &e) != DTI_OK) {
        reply_error(r, &e);
        goto out;
    }
    arr = json_array();
    roles = json_array();
    if (!arr || !roles)
        goto nomem;
    for (size_t i = 0; i < n; i++)
        if (json_array_append_new(arr, user_json(a, &me, &list[i], orgs, norgs)))
            goto nomem;
    unsigned grant = auth_roles_grantable(&me);
    for (int k = ROLE_ADMIN; k <= ROLE_VIEWER; k++)
        if ((grant & 1u << k) && json_array_append_new(roles, json_string(auth_role_name((auth_role)k))))
            goto nomem;
    http_reply_json(r, 200, json_pack("{s:o, s:o}", "users", arr, "roles", roles));
    arr = roles = NULL;
    goto out;
nomem:
    http_reply_fail(r, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
out:
    json_decref(arr);
    json_decref(roles);
    free(list);
    auth_org_list_free(orgs, norgs);
}

void api_user_create(http_req *r)
{
    static const char *const allowed[] = {"login", "display", "role", "org_id", "password", NULL};
    dti_err e;
    app *a;
    auth_user me, nu;
    json_t *body;
    const char *login, *display, *password;
    int role;
    int64_t org_id, id = 0;
    if (begin(r, &a, &me, &e))
        return;
    if (http_json_body(r, &body, &e) || only_members(body, allowed, &e) ||
        str_member(body, "login", AUTH_NAME_MAX * 4, 1, &login, &e) ||
        str_member(body, "display", AUTH_DISPLAY_MAX * 4, 0, &display, &e) || role_member(body, 1, &role, &e) ||
        org_member(body, &org_id, &e) || str_member(body, "password", AUTH_PASSWORD_MAX * 4, 1, &password, &e) ||
        auth_user_add(a->st, &me, login, display, (auth_role)role, org_id < 0 ? 0 : org_id, password, a->now, &id,
                      &e) ||
        auth_user_get_id(a->st, id, &nu, &e)) {
        reply_error(r, &e);
        return;
    }
    reply_user(r, 201, a, &me, &nu);
}

void api_user_update(http_req *r)
{
    static const char *const allowed[] = {"display", "role", "org_id", "active", NULL};
    dti_err e;
    app *a;
    auth_user me, after;
    json_t *body, *act;
    int64_t uid;
    auth_user_change c = {NULL, -1, -1, -1};
    if (begin(r, &a, &me, &e))
        return;
    if (http_param_id(r, "uid", &uid, &e) || http_json_body(r, &body, &e) || only_members(body, allowed, &e) ||
        str_member(body, "display", AUTH_DISPLAY_MAX * 4, 0, &c.display, &e) || role_member(body, 0, &c.role, &e) ||
        org_member(body, &c.org_id, &e)) {
        reply_error(r, &e);
        return;
    }
    if ((act = json_object_get(body, "active"))) {
        if (!json_is_boolean(act)) {
            http_reply_fail(r, DTI_ERR_INPUT, "active", "“active” phải là true hoặc false",
                            "“active” must be true or false");
            return;
        }
        c.active = json_is_true(act);
    }
    if (json_object_size(body) == 0) {
        http_reply_fail(r, DTI_ERR_INPUT, "body", "không có gì để đổi: gửi display, role, org_id hoặc active",
                        "nothing to change: send display, role, org_id or active");
        return;
    }
    if (auth_user_update(a, uid, &c, &after, &e)) {
        reply_error(r, &e);
        return;
    }
    reply_user(r, 200, a, &me, &after);
}

void api_user_password(http_req *r)
{
    static const char *const allowed[] = {"password", NULL};
    dti_err e;
    app *a;
    auth_user me;
    json_t *body;
    const char *password;
    int64_t uid;
    if (begin(r, &a, &me, &e))
        return;
    if (http_param_id(r, "uid", &uid, &e) || http_json_body(r, &body, &e) || only_members(body, allowed, &e) ||
        str_member(body, "password", AUTH_PASSWORD_MAX * 4, 1, &password, &e) ||
        auth_user_reset_password(a, uid, password, &e)) {
        reply_error(r, &e);
        return;
    }
    http_reply_empty(r, 204);
}

void api_me_password(http_req *r)
{
    static const char *const allowed[] = {"current", "password", NULL};
    dti_err e;
    app *a;
    auth_user me;
    json_t *body;
    const char *current, *password;
    if (begin(r, &a, &me, &e))
        return;
    if (http_json_body(r, &body, &e) || only_members(body, allowed, &e) ||
        str_member(body, "current", AUTH_PASSWORD_MAX * 4, 1, &current, &e) ||
        str_member(body, "password", AUTH_PASSWORD_MAX * 4, 1, &password, &e) ||
        auth_password_change(a, current, password, r->sid, &e)) {
        reply_error(r, &e);
        return;
    }
    http_reply_empty(r, 204);
}

void api_orgs(http_req *r)
{
    dti_err e;
    app *a;
    auth_user me;
    auth_org *orgs = NULL;
    size_t n = 0;
    json_t *arr;
    if (begin(r, &a, &me, &e))
        return;
    if (auth_org_list(a, &orgs, &n, &e)) {
        reply_error(r, &e);
        return;
    }
    if (!(arr = json_array()))
        goto nomem;
    for (size_t i = 0; i < n; i++) {
        const auth_org *o = &orgs[i];
        if (json_array_append_new(arr, json_pack("{s:I, s:s, s:o, s:s, s:b}", "id", (json_int_t)o->id, "name",
                                                 o->name, "parent_id",
                                                 o->parent_id > 0 ? json_integer(o->parent_id) : json_null(),
                                                 "kind", o->kind, "live", o->live)))
            goto nomem;
    }
    auth_org_list_free(orgs, n);
    http_reply_json(r, 200, json_pack("{s:o}", "orgs", arr));
    return;
nomem:
    json_decref(arr);
    auth_org_list_free(orgs, n);
    http_reply_fail(r, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
}
