/* auth_users.c — managing accounts from the web: who may see and manage
 * which account (auth_can_user), changing an account, resetting another's
 * password, changing one's own, and the orgs a picker may offer. The rules
 * are written at the top of auth.h; adding, listing and the command line's
 * password and enable/disable stay in auth.c and ask auth_can_user too.
 *
 * Every write checks the actor inside its transaction and appends its
 * audit entry there; no password or hash reaches the audit log. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "app/auth/auth.h"
#include "app/app.h"
#include "store/store_user.h"
#include "app/auth/auth_int.h"
#include "app/audit/audit.h"
#include "app/app_util.h"
#include "base/file.h"
#include "base/text.h"

/* ---- the rules -------------------------------------------------------------- */

unsigned auth_roles_grantable(const auth_user *actor)
{
    if (!actor || !actor->active)
        return 0;
    if (actor->role == ROLE_ADMIN)
        return 1u << ROLE_ADMIN | 1u << ROLE_COORDINATOR | 1u << ROLE_REPORTER | 1u << ROLE_VIEWER;
    if (actor->role == ROLE_COORDINATOR)
        return 1u << ROLE_REPORTER | 1u << ROLE_VIEWER;
    return 0;
}

static int grantable(const auth_user *actor, auth_role r)
{
    return (unsigned)r <= ROLE_VIEWER && (auth_roles_grantable(actor) >> (unsigned)r & 1u);
}

static dti_rc unseen(const auth_user *t, dti_err *e)
{
    if (t->id > 0)
        return dti_fail(e, DTI_ERR_NOTFOUND, "user", "không có người dùng số %lld",
                        "no user with id %lld", (long long)t->id);
    return dti_fail(e, DTI_ERR_NOTFOUND, "org_id", "không có đơn vị số %lld trong phạm vi của bạn",
                    "no org with id %lld within your scope", (long long)t->org_id);
}

static dti_rc refuse_role(const auth_user *actor, const auth_user *t, dti_err *e)
{
    if (actor->role != ROLE_COORDINATOR)
        return dti_fail(e, DTI_ERR_PERM, "role", "%s (%s) không có quyền quản lý tài khoản",
                        "%s (%s) may not manage accounts", actor->name, auth_role_name(actor->role));
    return dti_fail(e, DTI_ERR_PERM, "role",
                    "điều phối viên chỉ quản lý tài khoản vai trò báo cáo (reporter) hoặc xem (viewer), "
                    "không quản lý tài khoản vai trò %s",
                    "a coordinator manages only reporter and viewer accounts, not a %s account",
                    auth_role_name(t->role));
}

dti_rc auth_can_user(store *s, const auth_user *actor, auth_user_act act, const auth_user *target,
                     dti_err *e)
{
    dti_rc rc;
    int visible = 0;
    if (!actor || !actor->active)
        return dti_fail(e, DTI_ERR_AUTH, NULL, "chưa xác định người thực hiện", "no acting user");
    if (!target)
        return dti_fail(e, DTI_ERR_INTERNAL, NULL, "thiếu tài khoản cần xét", "no account to decide on");
    if (actor->role == ROLE_ADMIN)
        return DTI_OK;
    if (target->id <= 0) {
        /* an account to be: its org must lie within the actor's scope (else
         * "not found", as everywhere out of scope); then its role */
        if (target->org_id > 0) {
            if ((rc = auth_in_scope(s, actor, target->org_id, &visible, e)))
                return rc;
            if (!visible)
                return unseen(target, e);
        }
        if (act == AUTH_USER_SEE)
            return DTI_OK;
        if (!grantable(actor, target->role) || target->org_id <= 0)
            return refuse_role(actor, target, e);
        return DTI_OK;
    }
    if (target->id == actor->id)
        visible = 1;
    else if (actor->role == ROLE_COORDINATOR && target->org_id > 0 &&
             (rc = auth_in_scope(s, actor, target->org_id, &visible, e)))
        return rc;
    if (!visible)
        return unseen(target, e);
    if (act == AUTH_USER_SEE)
        return DTI_OK;
    if (actor->role != ROLE_COORDINATOR)
        return dti_fail(e, DTI_ERR_PERM, "user",
                        "%s (%s) không có quyền quản lý tài khoản; đổi mật khẩu của mình ở mục Đổi mật khẩu",
                        "%s (%s) may not manage accounts; change your own password under Change password",
                        actor->name, auth_role_name(actor->role));
    if (!grantable(actor, target->role))
        return refuse_role(actor, target, e);
    return DTI_OK;
}

/* ---- helpers ---------------------------------------------------------------- */

/* The account ID as ACTOR may manage it: 404 unseen, 403 unmanaged. */
static dti_rc managed(store *s, const auth_user *actor, int64_t id, auth_user *u, dti_err *e)
{
    dti_rc rc = auth_user_get_id(s, id, u, e);
    if (rc)
        return rc;
    if ((rc = auth_can_user(s, actor, AUTH_USER_SEE, u, e)))
        return rc;
    return auth_can_user(s, actor, AUTH_USER_MANAGE, u, e);
}

/* ---- changes ---------------------------------------------------------------- */

static dti_rc user_update(store *s, const auth_user *actor, int64_t id, const auth_user_change *c,
                          time_t now, auth_user *out, dti_err *e)
{
    dti_rc rc;
    int in_tx = 0;
    char *disp = NULL;
    json_t *before = NULL, *after = NULL;
    auth_user u, nu;

    if (!actor)
        return dti_fail(e, DTI_ERR_AUTH, NULL, "cần người thực hiện", "an acting user is needed");
    if (!c)
        return dti_fail(e, DTI_ERR_INTERNAL, NULL, "thiếu thay đổi", "no change given");
    if (c->role != -1 && (c->role < (int)ROLE_ADMIN || c->role > (int)ROLE_VIEWER))
        return dti_fail(e, DTI_ERR_INPUT, "role", "vai trò phải là admin, coordinator, reporter hoặc viewer",
                        "role must be admin, coordinator, reporter or viewer");
    if (c->org_id < -1)
        return dti_fail(e, DTI_ERR_INPUT, "org_id", "mã đơn vị phải là số nguyên dương",
                        "org_id must be a positive integer");
    if (c->active != -1 && c->active != 0 && c->active != 1)
        return dti_fail(e, DTI_ERR_INPUT, "active", "trạng thái phải là true hoặc false",
                        "active must be true or false");
    if (c->display) {
        if (!(disp = text_clean(c->display)))
            return app_nomem(e);
        if (!*disp || strlen(disp) > AUTH_DISPLAY_MAX) {
            rc = dti_fail(e, DTI_ERR_INPUT, "display", "tên hiển thị phải dài từ 1 đến %d byte",
                          "the display name must be 1 to %d bytes long", AUTH_DISPLAY_MAX);
            goto out;
        }
    }
    if ((rc = store_begin(s, e)))
        goto out;
    in_tx = 1;
    if ((rc = managed(s, actor, id, &u, e)))
        goto out;
    nu = u;
    if (disp)
        snprintf(nu.display, sizeof nu.display, "%s", disp);
    if (c->role != -1)
        nu.role = (auth_role)c->role;
    if (c->org_id != -1)
        nu.org_id = c->org_id;
    if (c->active != -1)
        nu.active = c->active;
    int rights = nu.role != u.role || nu.org_id != u.org_id || nu.active != u.active;
    if (rights && u.id == actor->id) {
        rc = dti_fail(e, DTI_ERR_PERM, nu.active != u.active ? "active" : nu.role != u.role ? "role" : "org_id",
                      "không thể tự đổi vai trò, đơn vị hay khóa tài khoản của chính mình",
                      "an account cannot change its own role, org or active state");
        goto out;
    }
    if (nu.role != ROLE_ADMIN && nu.org_id <= 0) {
        rc = dti_fail(e, DTI_ERR_INPUT, "org_id", "người dùng vai trò %s cần một đơn vị (phạm vi)",
                      "a %s needs an org (its scope)", auth_role_name(nu.role));
        goto out;
    }
    if (nu.org_id != u.org_id && nu.org_id > 0 && (rc = auth_org_live(s, nu.org_id, "org_id", e)))
        goto out;
    if (rights) {
        /* the account as it would become must be the actor's to manage too */
        auth_user probe = nu;
        probe.id = 0;
        if ((rc = auth_can_user(s, actor, AUTH_USER_MANAGE, &probe, e)))
            goto out;
    }
    if (!rights && strcmp(nu.display, u.display) == 0) {
        rc = DTI_OK;    /* nothing to change, nothing to log */
        goto done;
    }
    if ((rc = store_user_update(s, nu.id, nu.display, auth_role_name(nu.role), nu.org_id, nu.active, e)))
        goto out;
    if (rights && (rc = store_session_delete_user(s, nu.id, NULL, e)))
        goto out;
    before = auth_user_audit_json(&u);
    after = auth_user_audit_json(&nu);
    if (!before || !after) {
        rc = app_nomem(e);
        goto out;
    }
    {
        int only_active = nu.active != u.active && nu.role == u.role && nu.org_id == u.org_id &&
                          strcmp(nu.display, u.display) == 0;
        const char *action = only_active ? (nu.active ? "user.activate" : "user.deactivate") : "user.update";
        if ((rc = audit_append_id(s, actor, now, action, "user", nu.id, before, after, e)))
            goto out;
    }
done:
    if ((rc = store_commit(s, e)))
        goto out;
    in_tx = 0;
    if (out)
        *out = nu;
out:
    if (in_tx)
        store_rollback(s);
    json_decref(before);
    json_decref(after);
    free(disp);
    return rc;
}

dti_rc auth_user_update(app *a, int64_t id, const auth_user_change *c, auth_user *out, dti_err *e)
{
    auth_user actor;
    dti_rc rc = auth_actor_needed(a, &actor, NULL, e);
    return rc ? rc : user_update(a->st, &actor, id, c, a->now, out, e);
}

static dti_rc user_reset_password(store *s, const auth_user *actor, int64_t id, const char *password,
                                  time_t now, dti_err *e)
{
    dti_rc rc;
    int in_tx = 0;
    char hash[128];
    auth_user u;
    json_t *after = NULL;

    if (!actor)
        return dti_fail(e, DTI_ERR_AUTH, NULL, "cần người thực hiện", "an acting user is needed");
    if ((rc = auth_password_hash(password, hash, e)))
        goto out;
    if ((rc = store_begin(s, e)))
        goto out;
    in_tx = 1;
    if ((rc = managed(s, actor, id, &u, e)))
        goto out;
    if (u.id == actor->id) {
        rc = dti_fail(e, DTI_ERR_PERM, "user",
                      "mật khẩu của chính mình đổi ở mục Đổi mật khẩu, với mật khẩu hiện tại",
                      "change your own password under Change password, with the current one");
        goto out;
    }
    if ((rc = store_user_set_password(s, u.id, hash, e)) || (rc = store_login_failure_clear(s, u.name, e)) ||
        (rc = store_session_delete_user(s, u.id, NULL, e)))
        goto out;
    if (!(after = json_pack("{s:b, s:s}", "password_changed", 1, "by", "reset"))) {
        rc = app_nomem(e);
        goto out;
    }
    if ((rc = audit_append_id(s, actor, now, "user.passwd", "user", u.id, NULL, after, e)))
        goto out;
    if ((rc = store_commit(s, e)))
        goto out;
    in_tx = 0;
out:
    if (in_tx)
        store_rollback(s);
    sodium_memzero(hash, sizeof hash);
    json_decref(after);
    return rc;
}

dti_rc auth_user_reset_password(app *a, int64_t id, const char *password, dti_err *e)
{
    auth_user actor;
    dti_rc rc = auth_actor_needed(a, &actor, NULL, e);
    return rc ? rc : user_reset_password(a->st, &actor, id, password, a->now, e);
}

static dti_rc password_change(store *s, const auth_user *actor, const char *current,
                              const char *password, const char *keep_sid, time_t now, dti_err *e)
{
    dti_rc rc;
    int in_tx = 0;
    char hash[128], keep[65];
    json_t *after = NULL;
    dti_err le;

    memset(hash, 0, sizeof hash);
    if (!actor || actor->id <= 0 || !actor->active)
        return dti_fail(e, DTI_ERR_AUTH, NULL, "cần người thực hiện", "an acting user is needed");
    if (!current || !*current)
        return dti_fail(e, DTI_ERR_INPUT, "current", "thiếu mật khẩu hiện tại", "the current password is missing");
    if ((rc = auth_password_hash(password, hash, e)))
        goto out;
    if (strcmp(current, password) == 0) {
        rc = dti_fail(e, DTI_ERR_INPUT, "password", "mật khẩu mới phải khác mật khẩu hiện tại",
                      "the new password must differ from the current one");
        goto out;
    }
    /* the current password is checked as a login: throttled, then locked */
    dti_err_clear(&le);
    rc = auth_login_check(s, actor->name, current, now, NULL, &le);
    if (rc == DTI_ERR_AUTH) {
        rc = dti_fail(e, DTI_ERR_INPUT, "current", "mật khẩu hiện tại không được chấp nhận (%s)",
                      "the current password was not accepted (%s)", le.msg);
        goto out;
    }
    if (rc) {
        if (e)
            *e = le;
        goto out;
    }
    if ((rc = store_begin(s, e)))
        goto out;
    in_tx = 1;
    if ((rc = store_user_set_password(s, actor->id, hash, e)))
        goto out;
    if (keep_sid && *keep_sid)
        file_sha256_hex(keep_sid, strlen(keep_sid), keep);
    if ((rc = store_session_delete_user(s, actor->id, keep_sid && *keep_sid ? keep : NULL, e)))
        goto out;
    if (!(after = json_pack("{s:b, s:s}", "password_changed", 1, "by", "self"))) {
        rc = app_nomem(e);
        goto out;
    }
    if ((rc = audit_append_id(s, actor, now, "user.passwd", "user", actor->id, NULL, after, e)))
        goto out;
    if ((rc = store_commit(s, e)))
        goto out;
    in_tx = 0;
out:
    if (in_tx)
        store_rollback(s);
    sodium_memzero(hash, sizeof hash);
    json_decref(after);
    return rc;
}

dti_rc auth_password_change(app *a, const char *current, const char *password, const char *keep_sid, dti_err *e)
{
    auth_user actor;
    dti_rc rc = auth_actor_needed(a, &actor, NULL, e);
    return rc ? rc : password_change(a->st, &actor, current, password, keep_sid, a->now, e);
}

/* ---- the org picker --------------------------------------------------------- */

static dti_rc org_list(store *s, const auth_user *actor, auth_org **out, size_t *n, dti_err *e)
{
    store_user_org *rows = NULL;
    size_t nrows = 0;
    dti_rc rc;
    *out = NULL;
    *n = 0;
    if (!actor || !actor->active)
        return dti_fail(e, DTI_ERR_AUTH, NULL, "chưa xác định người thực hiện", "no acting user");
    /* an admin: every org; the others their scope, the actor's org and
     * everything under it, as auth_in_scope walks it; no org: none */
    if (actor->role != ROLE_ADMIN && actor->org_id <= 0)
        return DTI_OK;
    if ((rc = store_user_orgs(s, actor->role == ROLE_ADMIN ? 0 : actor->org_id, AUTH_TREE_DEPTH_MAX, &rows, &nrows,
                              e)))
        return rc;
    auth_org *v = nrows ? calloc(nrows, sizeof *v) : NULL;
    if (nrows && !v) {
        store_user_orgs_free(rows, nrows);
        return app_nomem(e);
    }
    for (size_t i = 0; i < nrows; i++) {
        v[i].id = rows[i].id;
        v[i].parent_id = rows[i].parent_id;
        snprintf(v[i].kind, sizeof v[i].kind, "%s", rows[i].kind);
        v[i].name = rows[i].name;     /* moved */
        rows[i].name = NULL;
        v[i].live = rows[i].live;
    }
    store_user_orgs_free(rows, nrows);
    *out = v;
    *n = nrows;
    return DTI_OK;
}

dti_rc auth_org_list(app *a, auth_org **out, size_t *n, dti_err *e)
{
    auth_user actor;
    *out = NULL;
    *n = 0;
    dti_rc rc = app_actor(a, &actor, NULL, e);
    return rc ? rc : org_list(a->st, &actor, out, n, e);
}

void auth_org_list_free(auth_org *list, size_t n)
{
    if (!list)
        return;
    for (size_t i = 0; i < n; i++)
        free(list[i].name);
    free(list);
}
