/* auth.c — users, passwords (argon2id), login throttling, sessions and the
 * permission rules (see auth.h for the rules and the limits).
 *
 * Nothing here trusts the caller about who acts: each write takes the
 * acting user, checks it with auth_can(), and records itself in the audit
 * log in the same transaction. Password hashes never leave this file, and
 * never reach the audit log. */
#include <ctype.h>
#include <pthread.h>
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
#include "base/lang.h"
#include "base/text.h"

static const char *ROLE_NAMES[] = {"admin", "coordinator", "reporter", "viewer"};

const char *auth_role_name(auth_role r)
{
    return (unsigned)r < 4 ? ROLE_NAMES[r] : "?";
}

int auth_role_parse(const char *s)
{
    static const struct { const char *name; auth_role r; } alias[] = {
        {"admin", ROLE_ADMIN}, {"quan tri", ROLE_ADMIN},
        {"coordinator", ROLE_COORDINATOR}, {"dieu phoi", ROLE_COORDINATOR},
        {"reporter", ROLE_REPORTER}, {"bao cao", ROLE_REPORTER},
        {"viewer", ROLE_VIEWER}, {"xem", ROLE_VIEWER},
    };
    if (!s)
        return -1;
    /* the stored form first: every session check parses the role column,
     * and folding (Unicode normalisation) costs more than the rest of it */
    for (size_t i = 0; i < sizeof ROLE_NAMES / sizeof ROLE_NAMES[0]; i++)
        if (strcmp(s, ROLE_NAMES[i]) == 0)
            return (int)i;
    char *f = text_fold(s);
    int r = -1;
    for (size_t i = 0; f && i < sizeof alias / sizeof alias[0]; i++)
        if (strcmp(f, alias[i].name) == 0) {
            r = (int)alias[i].r;
            break;
        }
    free(f);
    return r;
}

char *auth_ts(time_t now, char out[AUTH_TS_LEN])
{
    struct tm tm;
    if (!gmtime_r(&now, &tm) || !strftime(out, AUTH_TS_LEN, "%Y-%m-%dT%H:%M:%SZ", &tm))
        snprintf(out, AUTH_TS_LEN, "1970-01-01T00:00:00Z");
    return out;
}

static pthread_once_t sodium_once = PTHREAD_ONCE_INIT;
static int sodium_ok;

static void sodium_start(void)
{
    sodium_ok = sodium_init() >= 0;
}

dti_rc auth_init(dti_err *e)
{
    pthread_once(&sodium_once, sodium_start);
    if (!sodium_ok)
        return dti_fail(e, DTI_ERR_INTERNAL, NULL, "không khởi động được libsodium",
                        "libsodium could not start");
    return DTI_OK;
}

/* Password hashing (argon2id, libsodium's crypto_pwhash_str).
 * Decision (issue 12, point 6: the server's peak memory): new hashes take
 * 32 MiB and 4 passes instead of libsodium's INTERACTIVE 64 MiB and 2. The
 * product of memory and passes, which OWASP's cheat sheet uses to give
 * configurations of equal defence (46 MiB × 1, 19 MiB × 2, ..., 7 MiB × 5),
 * stays 128 MiB·passes, while one hash held in memory halves; and hashing
 * and verifying take one process-wide lock, so that two logins at once on
 * two worker threads never hold two buffers (64 MiB each before: one login
 * made the server's peak RSS 77 MB). Logins queue behind each other for
 * about a tenth of a second each, which also bounds what a guessing client
 * costs the server. Hashes made before keep their parameters (stored in the
 * hash) until the password is set again. */
#define AUTH_PWHASH_OPS 4u
#define AUTH_PWHASH_MEM ((size_t)32 << 20)
static pthread_mutex_t pwhash_mu = PTHREAD_MUTEX_INITIALIZER;

dti_rc auth_password_hash(const char *password, char out[128], dti_err *e)
{
    dti_rc rc;
    if ((rc = auth_init(e)))
        return rc;
    size_t n = password ? strlen(password) : 0;
    if (n < AUTH_PASSWORD_MIN || n > AUTH_PASSWORD_MAX)
        return dti_fail(e, DTI_ERR_INPUT, "password",
                        "mật khẩu phải dài từ %d đến %d byte", "a password must be %d to %d bytes long",
                        AUTH_PASSWORD_MIN, AUTH_PASSWORD_MAX);
    pthread_mutex_lock(&pwhash_mu);
    int r = crypto_pwhash_str(out, password, n, AUTH_PWHASH_OPS, AUTH_PWHASH_MEM);
    pthread_mutex_unlock(&pwhash_mu);
    if (r != 0)
        return dti_fail(e, DTI_ERR_NOMEM, NULL, "không đủ bộ nhớ để băm mật khẩu",
                        "out of memory while hashing the password");
    return DTI_OK;
}

int auth_password_check(const char *hash, const char *password)
{
    if (!hash || !password || auth_init(NULL))
        return 0;
    size_t n = strlen(password);
    if (n > AUTH_PASSWORD_MAX)
        return 0;
    pthread_mutex_lock(&pwhash_mu);
    int r = crypto_pwhash_str_verify(hash, password, n);
    pthread_mutex_unlock(&pwhash_mu);
    return r == 0;
}

/* ---- users ---------------------------------------------------------------- */

/* The account as app/ knows it, from the repository's row. */
static void user_from(auth_user *u, const store_user *r)
{
    memset(u, 0, sizeof *u);
    u->id = r->id;
    snprintf(u->name, sizeof u->name, "%s", r->name);
    snprintf(u->display, sizeof u->display, "%s", r->display);
    int role = auth_role_parse(r->role);
    u->role = role < 0 ? ROLE_VIEWER : (auth_role)role;
    u->org_id = r->org_id;
    u->active = r->active;
    snprintf(u->org_name, sizeof u->org_name, "%s", r->org_name);
}

dti_rc auth_user_count(store *s, int64_t *n, dti_err *e)
{
    return store_user_count(s, n, e);
}

dti_rc auth_user_get(store *s, const char *name, auth_user *out, dti_err *e)
{
    store_user r;
    int found = 0;
    dti_rc rc = store_user_by_name(s, name, &r, &found, e);
    if (rc)
        return rc;
    if (!found)
        return dti_fail(e, DTI_ERR_NOTFOUND, "user", "không có người dùng %s",
                        "no user named %s", name ? name : "");
    user_from(out, &r);
    return DTI_OK;
}

dti_rc auth_user_get_id(store *s, int64_t id, auth_user *out, dti_err *e)
{
    store_user r;
    int found = 0;
    dti_rc rc = store_user_by_id(s, id, &r, &found, e);
    if (rc)
        return rc;
    if (!found)
        return dti_fail(e, DTI_ERR_NOTFOUND, "user", "không có người dùng số %lld",
                        "no user with id %lld", (long long)id);
    user_from(out, &r);
    return DTI_OK;
}

dti_rc auth_acting(store *s, const char *name, auth_user *out, dti_err *e)
{
    if (!name || !*name)
        return dti_fail(e, DTI_ERR_AUTH, "--as", "cần --as NGƯỜI_DÙNG: lệnh này ghi nhật ký theo người thực hiện",
                        "--as USER is needed: this command is logged under who runs it");
    dti_rc rc = auth_user_get(s, name, out, e);
    if (rc == DTI_ERR_NOTFOUND)
        return dti_fail(e, DTI_ERR_AUTH, "--as", "không có người dùng %s", "no user named %s", name);
    if (rc)
        return rc;
    if (!out->active)
        return dti_fail(e, DTI_ERR_AUTH, "--as", "người dùng %s đã bị khóa", "user %s is deactivated",
                        name);
    return DTI_OK;
}

static int name_ok(const char *name)
{
    size_t n = name ? strlen(name) : 0;
    if (n == 0 || n > AUTH_NAME_MAX)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)name[i];
        if (!(islower(c) || isdigit(c) || c == '.' || c == '_' || c == '-'))
            return 0;
    }
    return 1;
}

/* The user as the audit log shows it (no password hash). New reference. */
json_t *auth_user_audit_json(const auth_user *u)
{
    return json_pack("{s:I, s:s, s:s, s:s, s:I, s:b}", "id", (json_int_t)u->id, "name", u->name,
                     "display_name", u->display, "role", auth_role_name(u->role), "org_id",
                     (json_int_t)u->org_id, "active", u->active);
}

dti_rc auth_org_live(store *s, int64_t org_id, const char *field, dti_err *e)
{
    int found = 0;
    dti_rc rc = store_user_org_live(s, org_id, &found, e);
    if (rc)
        return rc;
    if (!found)
        return dti_fail(e, DTI_ERR_NOTFOUND, field, "không có đơn vị số %lld (hoặc đơn vị đã giải thể)",
                        "no org with id %lld (or it is closed)", (long long)org_id);
    return DTI_OK;
}

dti_rc auth_user_add(store *s, const auth_user *actor, const char *name, const char *display,
                     auth_role role, int64_t org_id, const char *password, time_t now,
                     int64_t *id, dti_err *e)
{
    dti_rc rc;
    char hash[128];
    char ts[AUTH_TS_LEN];
    char *disp = NULL;
    json_t *after = NULL;
    int in_tx = 0;

    if (!name_ok(name)) {
        rc = dti_fail(e, DTI_ERR_INPUT, "name",
                      "tên đăng nhập phải có 1-%d ký tự a-z, 0-9, '.', '_', '-'",
                      "a user name is 1-%d characters a-z, 0-9, '.', '_', '-'", AUTH_NAME_MAX);
        goto out;
    }
    if ((unsigned)role > ROLE_VIEWER) {
        rc = dti_fail(e, DTI_ERR_INPUT, "role", "vai trò không hợp lệ", "no such role");
        goto out;
    }
    if (role != ROLE_ADMIN && org_id <= 0) {
        rc = dti_fail(e, DTI_ERR_INPUT, "org", "người dùng vai trò %s cần một đơn vị (phạm vi)",
                      "a %s needs an org (its scope)", auth_role_name(role));
        goto out;
    }
    disp = text_clean(display ? display : name);
    if (!disp) {
        rc = dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
        goto out;
    }
    if (strlen(disp) > AUTH_DISPLAY_MAX) {
        rc = dti_fail(e, DTI_ERR_TOOBIG, "display", "tên hiển thị dài quá %d byte",
                      "the display name is over %d bytes", AUTH_DISPLAY_MAX);
        goto out;
    }
    if ((rc = auth_password_hash(password, hash, e)))
        goto out;
    if ((rc = store_begin(s, e)))
        goto out;
    in_tx = 1;
    if (!actor) {
        int64_t n = 0;
        if ((rc = auth_user_count(s, &n, e)))
            goto out;
        if (n > 0) {
            rc = dti_fail(e, DTI_ERR_AUTH, "--as", "đã có người dùng: cần --as một quản trị viên",
                          "users exist: --as an admin is needed");
            goto out;
        }
        if (role != ROLE_ADMIN) {
            rc = dti_fail(e, DTI_ERR_INPUT, "role",
                          "người dùng đầu tiên phải là quản trị viên (--role admin)",
                          "the first user must be an admin (--role admin)");
            goto out;
        }
    } else {
        auth_user want;
        memset(&want, 0, sizeof want);
        want.role = role;
        want.org_id = org_id > 0 ? org_id : 0;
        want.active = 1;
        if ((rc = auth_can_user(s, actor, AUTH_USER_MANAGE, &want, e)))
            goto out;
    }
    if (org_id > 0 && (rc = auth_org_live(s, org_id, "org", e)))
        goto out;
    {
        int found = 0;
        store_user same;
        if ((rc = store_user_by_name(s, name, &same, &found, e)))
            goto out;
        if (found) {
            rc = dti_fail(e, DTI_ERR_CONFLICT, "name", "đã có người dùng %s", "user %s exists", name);
            goto out;
        }
    }
    auth_ts(now, ts);
    int64_t new_id = 0;
    if ((rc = store_user_insert(s, name, disp, hash, auth_role_name(role), org_id, ts, &new_id, e)))
        goto out;
    auth_user nu;
    memset(&nu, 0, sizeof nu);
    nu.id = new_id;
    snprintf(nu.name, sizeof nu.name, "%s", name);
    snprintf(nu.display, sizeof nu.display, "%s", disp);
    nu.role = role;
    nu.org_id = org_id > 0 ? org_id : 0;
    nu.active = 1;
    if (!(after = auth_user_audit_json(&nu))) {
        rc = dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
        goto out;
    }
    /* the bootstrap admin is recorded as acting for itself */
    if ((rc = audit_append_id(s, actor ? actor : &nu, now, "user.add", "user", new_id, NULL, after, e)))
        goto out;
    if ((rc = store_commit(s, e)))
        goto out;
    in_tx = 0;
    if (id)
        *id = new_id;
out:
    if (in_tx)
        store_rollback(s);
    sodium_memzero(hash, sizeof hash);
    json_decref(after);
    free(disp);
    return rc;
}

static dti_rc end_sessions(store *s, int64_t user_id, dti_err *e)
{
    return store_session_delete_user(s, user_id, NULL, e);
}

/* The acting user of A into *U for a use case that needs one: the system
 * actor (no user yet) is refused as "no acting user" (FIELD names it). */
dti_rc auth_actor_needed(app *a, auth_user *u, const char *field, dti_err *e)
{
    int system = 0;
    dti_rc rc = app_actor(a, u, &system, e);
    if (rc)
        return rc;
    if (system)
        return dti_fail(e, DTI_ERR_AUTH, field, "cần người thực hiện", "an acting user is needed");
    return DTI_OK;
}

dti_rc auth_password_set(store *s, const auth_user *actor, const auth_user *u, const char *hash, const char *by,
                         time_t now, dti_err *e)
{
    dti_rc rc;
    json_t *after = NULL;
    if ((rc = store_user_set_password(s, u->id, hash, e)) || (rc = store_login_failure_clear(s, u->name, e)) ||
        (rc = end_sessions(s, u->id, e)))
        goto out;
    after = by ? json_pack("{s:b, s:s}", "password_changed", 1, "by", by) : json_pack("{s:b}", "password_changed", 1);
    if (!after) {
        rc = dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
        goto out;
    }
    rc = audit_append_id(s, actor, now, "user.passwd", "user", u->id, NULL, after, e);
out:
    json_decref(after);
    return rc;
}

static dti_rc user_passwd(store *s, const auth_user *actor, const char *name,
                          const char *password, time_t now, dti_err *e)
{
    dti_rc rc;
    char hash[128];
    int in_tx = 0;
    auth_user u;

    if (!actor)
        return dti_fail(e, DTI_ERR_AUTH, "--as", "cần người thực hiện", "an acting user is needed");
    if ((rc = auth_password_hash(password, hash, e)))
        goto out;
    if ((rc = store_begin(s, e)))
        goto out;
    in_tx = 1;
    if ((rc = auth_user_get(s, name, &u, e)))
        goto out;
    if (u.id != actor->id && (rc = auth_can_user(s, actor, AUTH_USER_SEE, &u, e)))
        goto out;
    if (u.id != actor->id && (rc = auth_can_user(s, actor, AUTH_USER_MANAGE, &u, e)))
        goto out;
    if ((rc = auth_password_set(s, actor, &u, hash, NULL, now, e)))
        goto out;
    if ((rc = store_commit(s, e)))
        goto out;
    in_tx = 0;
out:
    if (in_tx)
        store_rollback(s);
    sodium_memzero(hash, sizeof hash);
    return rc;
}

dti_rc auth_user_passwd(app *a, const char *name, const char *password, dti_err *e)
{
    auth_user actor;
    dti_rc rc = auth_actor_needed(a, &actor, "--as", e);
    return rc ? rc : user_passwd(a->st, &actor, name, password, a->now, e);
}

static dti_rc user_set_active(store *s, const auth_user *actor, const char *name, int active,
                              time_t now, dti_err *e)
{
    dti_rc rc;
    int in_tx = 0;
    auth_user u;
    json_t *before = NULL, *after = NULL;

    if (!actor)
        return dti_fail(e, DTI_ERR_AUTH, "--as", "cần người thực hiện", "an acting user is needed");
    if ((rc = store_begin(s, e)))
        goto out;
    in_tx = 1;
    if ((rc = auth_user_get(s, name, &u, e)))
        goto out;
    if ((rc = auth_can_user(s, actor, AUTH_USER_SEE, &u, e)) ||
        (rc = auth_can_user(s, actor, AUTH_USER_MANAGE, &u, e)))
        goto out;
    if (u.id == actor->id) {
        rc = dti_fail(e, DTI_ERR_PERM, "active", "không thể tự khóa hay mở khóa tài khoản của chính mình",
                      "an account cannot disable or enable itself");
        goto out;
    }
    before = auth_user_audit_json(&u);
    u.active = active ? 1 : 0;
    after = auth_user_audit_json(&u);
    if (!before || !after) {
        rc = dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
        goto out;
    }
    if ((rc = store_user_set_active(s, u.id, u.active, e)))
        goto out;
    if (!u.active && (rc = end_sessions(s, u.id, e)))
        goto out;
    if ((rc = audit_append_id(s, actor, now, active ? "user.activate" : "user.deactivate", "user",
                              u.id, before, after, e)))
        goto out;
    if ((rc = store_commit(s, e)))
        goto out;
    in_tx = 0;
out:
    if (in_tx)
        store_rollback(s);
    json_decref(before);
    json_decref(after);
    return rc;
}

dti_rc auth_user_set_active(app *a, const char *name, int active, dti_err *e)
{
    auth_user actor;
    dti_rc rc = auth_actor_needed(a, &actor, "--as", e);
    return rc ? rc : user_set_active(a->st, &actor, name, active, a->now, e);
}

static dti_rc user_list(store *s, const auth_user *actor, auth_user **out, size_t *n, dti_err *e)
{
    store_user *rows = NULL;
    auth_user *v = NULL;
    size_t nrows = 0;
    dti_rc rc;
    *out = NULL;
    *n = 0;
    if (!actor)
        return dti_fail(e, DTI_ERR_AUTH, "--as", "cần người thực hiện", "an acting user is needed");
    if ((rc = store_user_list(s, &rows, &nrows, e)))
        return rc;
    if (nrows && !(v = calloc(nrows, sizeof *v))) {
        rc = app_nomem(e);
        goto fail;
    }
    /* keep those the actor may see (a reporter or viewer: only itself) */
    size_t k = 0;
    for (size_t i = 0; i < nrows; i++) {
        dti_err no;
        user_from(&v[k], &rows[i]);
        rc = auth_can_user(s, actor, AUTH_USER_SEE, &v[k], &no);
        if (rc == DTI_OK)
            k++;
        else if (rc != DTI_ERR_NOTFOUND) {
            if (e)
                *e = no;
            goto fail;
        }
    }
    free(rows);
    *out = v;
    *n = k;
    return DTI_OK;
fail:
    free(rows);
    free(v);
    return rc;
}

dti_rc auth_user_list(app *a, auth_user **out, size_t *n, dti_err *e)
{
    auth_user actor;
    *out = NULL;
    *n = 0;
    dti_rc rc = auth_actor_needed(a, &actor, "--as", e);
    return rc ? rc : user_list(a->st, &actor, out, n, e);
}

/* ---- logins ---------------------------------------------------------------- */

/* Record one more failure for NAME at NOW; lock at AUTH_FAIL_LOCK. */
static dti_rc failure_add(store *s, const char *name, const store_login_failure *f, time_t now,
                          dti_err *e)
{
    char ts[AUTH_TS_LEN], lock[AUTH_TS_LEN];
    int64_t count = f->count + 1;
    auth_ts(now, ts);
    if (count >= AUTH_FAIL_LOCK)
        auth_ts(now + AUTH_LOCK_SECONDS, lock);
    return store_login_failure_put(s, name, count, ts, count >= AUTH_FAIL_LOCK ? lock : NULL, e);
}

/* A hash of a password nobody has, checked for unknown names so that an
 * unknown name costs what a known one does. */
static char dummy_hash[128];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void dummy_make(void)
{
    unsigned char r[16];
    char pw[33];
    randombytes_buf(r, sizeof r);
    sodium_bin2hex(pw, sizeof pw, r, sizeof r);
    pthread_mutex_lock(&pwhash_mu);
    if (crypto_pwhash_str(dummy_hash, pw, strlen(pw), AUTH_PWHASH_OPS, AUTH_PWHASH_MEM) != 0)
        dummy_hash[0] = 0;
    pthread_mutex_unlock(&pwhash_mu);
}

struct login_user {
    auth_user u;
    char hash[STORE_USER_HASH_MAX + 1];
    int found;
};

/* Tests only (auth_int.h): called, when set, while a login verifies its
 * password, with the login's store. */
void (*auth_login_verify_hook)(store *s);

/* The throttle's gate for NAME at NOW given its failure row F (F_FOUND 0:
 * none): DTI_OK when an attempt may be made now (a lock that is over
 * resets *F's count, so that counting starts again), else DTI_ERR_AUTH
 * saying how long to wait. Reads nothing: the caller read F. */
static dti_rc login_gate(const char *name, store_login_failure *f, int f_found, time_t now, dti_err *e)
{
    char ts[AUTH_TS_LEN];
    if (f_found && f->locked_until[0]) {
        if (strcmp(f->locked_until, auth_ts(now, ts)) > 0)
            return dti_fail(e, DTI_ERR_AUTH, "name", "tài khoản %s tạm khóa đến %s (UTC) vì đăng nhập sai %d lần",
                            "%s is locked until %s (UTC) after %d failed logins", name, f->locked_until,
                            AUTH_FAIL_LOCK);
        /* the lock is over: start counting again */
        f->count = 0;
        f->locked_until[0] = 0;
    } else if (f_found && f->count >= AUTH_FAIL_FREE) {
        int shift = (int)(f->count - AUTH_FAIL_FREE);
        long wait = shift > 10 ? AUTH_FAIL_DELAY_MAX : (long)AUTH_FAIL_DELAY << shift;
        if (wait > AUTH_FAIL_DELAY_MAX)
            wait = AUTH_FAIL_DELAY_MAX;
        if (strcmp(f->last_at, auth_ts(now - wait, ts)) > 0)
            return dti_fail(e, DTI_ERR_AUTH, "name", "đăng nhập sai nhiều lần: hãy chờ %ld giây rồi thử lại",
                            "too many failed logins: wait %ld seconds and try again", wait);
    }
    return DTI_OK;
}

/* The throttle's row and the account with its hash for NAME, in the
 * caller's transaction (read or write). */
static dti_rc login_read(store *s, const char *name, store_login_failure *f, int *f_found, struct login_user *l,
                         dti_err *e)
{
    store_user r;
    dti_rc rc;
    memset(f, 0, sizeof *f);
    *f_found = 0;
    if ((rc = store_login_failure_get(s, name, f, f_found, e)) ||
        (rc = store_user_login(s, name, &r, l->hash, &l->found, e)))
        return rc;
    if (l->found)
        user_from(&l->u, &r);
    return DTI_OK;
}

/* "m=32768,t=4,p=1": the Argon2id parameters of the hash H (never its salt
 * or digest), for the audit log; "?" when H is not an argon2id hash. */
static void pwhash_params(const char *h, char out[48])
{
    const char *p = strstr(h, "$m=");
    size_t n = p ? strcspn(p + 1, "$") : 0;
    if (!p || n == 0 || n >= 48)
        snprintf(out, 48, "?");
    else
        snprintf(out, 48, "%.*s", (int)n, p + 1);
}

/* A login (design in auth.h): the password is verified with no transaction
 * open, so that the tenth of a second Argon2id takes never holds the one
 * writer's lock (every other writer of every server process waited behind
 * each login before):
 *   1. a read transaction reads the throttle's row and the account's hash,
 *      and the gate refuses a locked or too early name at once;
 *   2. no transaction: the password is verified (and, when the hash was
 *      made with other parameters than the current ones and the password
 *      is right, hashed again with the current ones);
 *   3. one short write reads both again and decides on what it reads:
 *      the gate again (a concurrent attempt on the same name may have
 *      recorded a failure or a lock since 1: then this attempt is refused
 *      as too early, uncounted, whatever its password, exactly as if it had
 *      come after that one), the count from the row as it is now (two
 *      concurrent failures count two), the account as it is now (deactivated
 *      or its password changed since 1: refused as a wrong password,
 *      uncounted when the password was right); then records the failure, or
 *      clears the failures, stores the new hash (audited "user.rehash" by
 *      the user itself) and opens the session when SID is not NULL.
 * REHASH 0 skips the rehash (the password is about to be replaced). */
static dti_rc login_run(store *s, const char *name, const char *password, time_t now, int rehash, auth_user *out,
                        char sid[AUTH_TOKEN_HEX], char csrf[AUTH_TOKEN_HEX], dti_err *e)
{
    dti_rc rc;
    store_login_failure f;
    int f_found = 0, in_tx = 0, good = 0, fresh = 0;
    struct login_user l, w;
    char newhash[128];
    json_t *before = NULL, *after = NULL;

    memset(&l, 0, sizeof l);
    memset(&w, 0, sizeof w);
    newhash[0] = 0;
    if ((rc = auth_init(e)))
        return rc;
    if (!name || !*name || strlen(name) > AUTH_NAME_MAX || !password)
        return dti_fail(e, DTI_ERR_AUTH, "name", "sai tên đăng nhập hoặc mật khẩu", "wrong user name or password");
    /* 1. read */
    if ((rc = store_begin_read(s, e)))
        goto out;
    in_tx = 1;
    if ((rc = login_read(s, name, &f, &f_found, &l, e)) || (rc = login_gate(name, &f, f_found, now, e)))
        goto out;
    if ((rc = store_commit(s, e)))
        goto out;
    in_tx = 0;
    /* 2. verify, no transaction open */
    if (auth_login_verify_hook)
        auth_login_verify_hook(s);
    if (l.found) {
        good = auth_password_check(l.hash, password) && l.u.active;
        if (good && rehash &&
            crypto_pwhash_str_needs_rehash(l.hash, AUTH_PWHASH_OPS, AUTH_PWHASH_MEM) != 0 &&
            auth_password_hash(password, newhash, NULL) != DTI_OK)
            newhash[0] = 0; /* out of memory: the old hash still serves */
    } else {
        pthread_once(&dummy_once, dummy_make);
        (void)auth_password_check(dummy_hash, password);
    }
    /* 3. one short write */
    if ((rc = store_begin(s, e)))
        goto out;
    in_tx = 1;
    if ((rc = login_read(s, name, &f, &f_found, &w, e)) || (rc = login_gate(name, &f, f_found, now, e)))
        goto out;
    fresh = w.found == l.found && (!l.found || (strcmp(w.hash, l.hash) == 0 && w.u.active));
    if (!good || !fresh) {
        if (!good && (rc = failure_add(s, name, &f, now, e)))
            goto out;
        if ((rc = store_commit(s, e)))
            goto out;
        in_tx = 0;
        rc = dti_fail(e, DTI_ERR_AUTH, "name", "sai tên đăng nhập hoặc mật khẩu", "wrong user name or password");
        goto out;
    }
    if (f_found && (rc = store_login_failure_clear(s, name, e)))
        goto out;
    if (newhash[0]) {
        char was[48], now_p[48];
        pwhash_params(w.hash, was);
        pwhash_params(newhash, now_p);
        if (!(before = json_pack("{s:s}", "argon2id", was)) || !(after = json_pack("{s:s}", "argon2id", now_p))) {
            rc = app_nomem(e);
            goto out;
        }
        if ((rc = store_user_set_password(s, w.u.id, newhash, e)) ||
            (rc = audit_append_id(s, &w.u, now, "user.rehash", "user", w.u.id, before, after, e)))
            goto out;
    }
    if (sid) {
        app a = {.st = s, .now = now};
        if ((rc = auth_session_new(&a, &w.u, sid, csrf, e)))
            goto out;
    }
    if ((rc = store_commit(s, e)))
        goto out;
    in_tx = 0;
    if (out)
        *out = w.u;
out:
    if (in_tx)
        store_rollback(s);
    if (rc && sid) {
        sodium_memzero(sid, AUTH_TOKEN_HEX);
        sodium_memzero(csrf, AUTH_TOKEN_HEX);
    }
    sodium_memzero(l.hash, sizeof l.hash);
    sodium_memzero(w.hash, sizeof w.hash);
    sodium_memzero(newhash, sizeof newhash);
    json_decref(before);
    json_decref(after);
    return rc;
}

dti_rc auth_login_check(store *s, const char *name, const char *password, time_t now,
                        auth_user *out, dti_err *e)
{
    return login_run(s, name, password, now, 0, out, NULL, NULL, e);
}

dti_rc auth_login(app *a, const char *name, const char *password, auth_user *out, dti_err *e)
{
    return login_run(a->st, name, password, a->now, 1, out, NULL, NULL, e);
}

dti_rc auth_login_session(app *a, const char *name, const char *password, auth_user *out,
                          char sid[AUTH_TOKEN_HEX], char csrf[AUTH_TOKEN_HEX], dti_err *e)
{
    return login_run(a->st, name, password, a->now, 1, out, sid, csrf, e);
}

/* ---- sessions -------------------------------------------------------------- */

static void token_hex(char out[AUTH_TOKEN_HEX])
{
    unsigned char r[32];
    randombytes_buf(r, sizeof r);
    sodium_bin2hex(out, AUTH_TOKEN_HEX, r, sizeof r);
    sodium_memzero(r, sizeof r);
}

dti_rc auth_session_new(app *a, const auth_user *u, char id[AUTH_TOKEN_HEX], char csrf[AUTH_TOKEN_HEX],
                        dti_err *e)
{
    store *s = a->st;
    time_t now = a->now;
    dti_rc rc;
    char hash[65], ts[AUTH_TS_LEN], exp[AUTH_TS_LEN];
    if ((rc = auth_init(e)))
        return rc;
    if (!u || u->id <= 0 || !u->active)
        return dti_fail(e, DTI_ERR_AUTH, NULL, "người dùng không hợp lệ", "not a valid user");
    token_hex(id);
    token_hex(csrf);
    file_sha256_hex(id, strlen(id), hash);
    auth_ts(now, ts);
    auth_ts(now + AUTH_SESSION_MAX, exp);
    rc = store_session_insert(s, hash, u->id, ts, exp, csrf, e);
    if (rc) {
        sodium_memzero(id, AUTH_TOKEN_HEX);
        sodium_memzero(csrf, AUTH_TOKEN_HEX);
    }
    return rc;
}

/* ---- the session cache ----------------------------------------------------
 *
 * A request of a logged-in user used to cost one statement here (the
 * session, its user and the generation), and on a busy server that one read
 * transaction, with its file locks and the mutexes SQLite's VFS shares
 * between threads, cost more than the rest of a cached dashboard request.
 * So each thread keeps the sessions it checked, keyed on the data
 * generation (store/store_generation.h: THE "has anything changed"
 * mechanism, the one app/score/score_cache.c keys on too) as read in the
 * same statement as the session. A session is answered from the cache only
 * while the generation is unchanged, and under the same expiry, idle and
 * touch rules as the statement's answer, computed from the times it read.
 * What ends or changes a session bumps the generation by a trigger in the
 * same transaction, in whatever process it commits: a logout or any other
 * end of sessions (DELETE on sessions, migration 010), an account disabled
 * or its role, org or name changed (users), its org renamed (orgs). The
 * next check then reads the database again: revocation stays immediate
 * across server processes. The generation is known without a statement
 * only while the store can vouch for it (store_generation_known: on
 * SQLite, while the WAL data version shows no commit since it was read;
 * never inside a transaction); otherwise the check reads the database, as
 * without the cache.
 *
 * Direct-mapped by the session hash, SESSION_SLOTS per thread, in static
 * thread-local storage (no allocation, nothing to free when a thread
 * ends); a collision only costs a statement. The slot of a session ended
 * by this thread is wiped. */
#define SESSION_SLOTS 64

struct session_slot {
    char hash[65];                          /* SHA-256 of the id, hex; "" = empty */
    store_gen gen;                          /* the generation read with it */
    time_t last_seen, expires;
    char csrf[AUTH_TOKEN_HEX];
    auth_user user;
};

static _Thread_local struct session_slot session_slots[SESSION_SLOTS];

static struct session_slot *session_slot_of(const char *hash)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        int c = hash[i];
        v = v * 16 + (unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return &session_slots[v % SESSION_SLOTS];
}

static void session_slot_wipe(struct session_slot *c)
{
    sodium_memzero(c, sizeof *c);
}

/* "2026-04-08T09:30:00Z" (auth_ts) as a time, or -1. */
static time_t ts_parse(const char *ts)
{
    struct tm tm;
    int y, mo, d, h, mi, se;
    char z;
    memset(&tm, 0, sizeof tm);
    if (sscanf(ts, "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &se, &z) != 7 || z != 'Z')
        return (time_t)-1;
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = se;
    return timegm(&tm);
}

/* The cached answer for HASH at NOW under the generation G, or NULL. The
 * rules are the statement's (below): live while expires > now and
 * last_seen >= now - AUTH_SESSION_IDLE; and last_seen older than
 * AUTH_SESSION_TOUCH is not answered here, so that the database path
 * writes it. */
static const struct session_slot *session_cached(const char *hash, const store_gen *g, time_t now)
{
    const struct session_slot *c = session_slot_of(hash);
    if (!c->hash[0] || memcmp(c->hash, hash, 64) != 0 || c->gen.gen != g->gen ||
        strcmp(c->gen.uid, g->uid) != 0)
        return NULL;
    if (c->expires <= now || c->last_seen < now - AUTH_SESSION_TOUCH)
        return NULL;
    return c;
}

static void gen_to_user(auth_user *u, const store_gen *g)
{
    u->gen_known = 1;
    u->gen = g->gen;
    snprintf(u->gen_uid, sizeof u->gen_uid, "%s", g->uid);
}

dti_rc auth_session_check(app *a, const char *id, auth_user *u, char csrf[AUTH_TOKEN_HEX], dti_err *e)
{
    store *s = a->st;
    time_t now = a->now;
    dti_rc rc;
    char hash[65], ts[AUTH_TS_LEN], idle[AUTH_TS_LEN], touch[AUTH_TS_LEN];
    store_gen g;
    store_session x;
    auth_user who;
    int touched = 0, found = 0;
    if (!id || strlen(id) != AUTH_TOKEN_HEX - 1)
        return dti_fail(e, DTI_ERR_AUTH, "session", "phiên không hợp lệ, hãy đăng nhập lại",
                        "no valid session: log in again");
    file_sha256_hex(id, strlen(id), hash);
    if (store_generation_known(s, &g)) {
        const struct session_slot *c = session_cached(hash, &g, now);
        if (c) {
            if (u)
                *u = c->user;
            if (csrf)
                memcpy(csrf, c->csrf, AUTH_TOKEN_HEX);
            return DTI_OK;
        }
    }
    if ((rc = store_session_get(s, hash, &x, &found, e)))
        return rc;
    if (!found)
        return dti_fail(e, DTI_ERR_AUTH, "session", "phiên không hợp lệ, hãy đăng nhập lại",
                        "no valid session: log in again");
    auth_ts(now, ts);
    auth_ts(now - AUTH_SESSION_IDLE, idle);
    if (strcmp(x.expires_at, ts) <= 0 || strcmp(x.last_seen, idle) < 0) {
        (void)store_session_delete(s, hash, NULL);
        return dti_fail(e, DTI_ERR_AUTH, "session", "phiên đã hết hạn, hãy đăng nhập lại",
                        "the session has expired: log in again");
    }
    if (!x.user_found)
        return dti_fail(e, DTI_ERR_NOTFOUND, "user", "không có người dùng số %lld",
                        "no user with id %lld", (long long)x.user_id);
    user_from(&who, &x.user);
    if (x.gen_known)
        gen_to_user(&who, &x.gen);
    if (!who.active) {
        (void)store_session_delete(s, hash, NULL);
        return dti_fail(e, DTI_ERR_AUTH, "session", "người dùng %s đã bị khóa",
                        "user %s is deactivated", who.name);
    }
    /* last_seen moves at most once per AUTH_SESSION_TOUCH: a write (and its
     * fsync) per request would cost more than the request itself */
    auth_ts(now - AUTH_SESSION_TOUCH, touch);
    if (strcmp(x.last_seen, touch) < 0) {
        if ((rc = store_session_touch(s, hash, ts, e)))
            return rc;
        touched = 1;
    }
    if (x.gen_known) {
        /* the touch bumps no generation: the next check may answer from
         * here with the last_seen just written */
        struct session_slot *c = session_slot_of(hash);
        time_t seen = touched ? now : ts_parse(x.last_seen), until = ts_parse(x.expires_at);
        char back[AUTH_TS_LEN], back2[AUTH_TS_LEN];
        /* only times that read back as written: a hand-edited "…:99Z"
         * compares as text in the statement, not as timegm() would make it */
        if (seen != (time_t)-1 && until != (time_t)-1 &&
            (touched || strcmp(auth_ts(seen, back), x.last_seen) == 0) &&
            strcmp(auth_ts(until, back2), x.expires_at) == 0) {
            memcpy(c->hash, hash, sizeof c->hash);
            c->gen = x.gen;
            c->last_seen = seen;
            c->expires = until;
            memcpy(c->csrf, x.csrf, AUTH_TOKEN_HEX);
            c->user = who;
        }
    }
    if (u)
        *u = who;
    if (csrf)
        snprintf(csrf, AUTH_TOKEN_HEX, "%s", x.csrf);
    return DTI_OK;
}

dti_rc auth_session_end(app *a, const char *id, dti_err *e)
{
    store *s = a->st;
    char hash[65];
    if (!id)
        return DTI_OK;
    file_sha256_hex(id, strlen(id), hash);
    struct session_slot *c = session_slot_of(hash);
    if (memcmp(c->hash, hash, 64) == 0)
        session_slot_wipe(c);
    return store_session_delete(s, hash, e);
}

int auth_csrf_ok(const char *expected, const char *given)
{
    if (!expected || !given)
        return 0;
    size_t n = strlen(expected);
    if (n == 0 || strlen(given) != n)
        return 0;
    return sodium_memcmp(expected, given, n) == 0;
}

/* ---- permissions ----------------------------------------------------------- */

static dti_rc org_parent(store *s, int64_t org_id, int64_t *parent, int *found, dti_err *e)
{
    return store_user_org_parent(s, org_id, parent, found, e);
}

/* *YES = 1 when ORG lies at or under ANCESTOR. */
static dti_rc org_under(store *s, int64_t org, int64_t ancestor, int *yes, dti_err *e)
{
    *yes = 0;
    for (int depth = 0; org > 0 && depth < AUTH_TREE_DEPTH_MAX; depth++) {
        if (org == ancestor) {
            *yes = 1;
            return DTI_OK;
        }
        int found = 0;
        int64_t parent = 0;
        dti_rc rc = org_parent(s, org, &parent, &found, e);
        if (rc)
            return rc;
        if (!found)
            return DTI_OK;
        org = parent;
    }
    return DTI_OK;
}

dti_rc auth_in_scope(store *s, const auth_user *u, int64_t org_id, int *yes, dti_err *e)
{
    *yes = 0;
    if (!u || !u->active)
        return DTI_OK;
    if (u->role == ROLE_ADMIN) {
        *yes = 1;
        return DTI_OK;
    }
    if (u->org_id <= 0 || org_id <= 0)
        return DTI_OK;
    return org_under(s, org_id, u->org_id, yes, e);
}

static const char *action_vi(auth_action a)
{
    switch (a) {
    case AUTH_READ: return "xem dữ liệu";
    case AUTH_REPORT_WRITE: return "ghi báo cáo";
    case AUTH_REVIEW: return "thẩm định báo cáo";
    case AUTH_PLAN_WRITE: return "sửa kế hoạch, phân công, lịch báo cáo";
    case AUTH_USER_ADMIN: return "quản lý người dùng";
    case AUTH_AUDIT: return "xem nhật ký";
    }
    return "?";
}

static const char *action_en(auth_action a)
{
    switch (a) {
    case AUTH_READ: return "read the data";
    case AUTH_REPORT_WRITE: return "write the report";
    case AUTH_REVIEW: return "review the report";
    case AUTH_PLAN_WRITE: return "edit the plan, assignments or calendar";
    case AUTH_USER_ADMIN: return "manage users";
    case AUTH_AUDIT: return "read the audit log";
    }
    return "?";
}

static dti_rc refuse(const auth_user *u, auth_action act, int64_t org_id, dti_err *e)
{
    return dti_fail(e, DTI_ERR_PERM, "permission",
                    "%s (%s) không có quyền %s của đơn vị số %lld",
                    "%s (%s) may not %s of org %lld", u ? u->name : "?",
                    u ? auth_role_name(u->role) : "?",
                    lang_get() == LANG_EN ? action_en(act) : action_vi(act), (long long)org_id);
}

dti_rc auth_not_found(dti_err *e)
{
    return dti_fail(e, DTI_ERR_NOTFOUND, NULL,
                    "không tìm thấy dữ liệu được yêu cầu, hoặc dữ liệu nằm ngoài phạm vi của bạn",
                    "not found, or outside your scope");
}

dti_rc auth_can(store *s, const auth_user *u, auth_action act, int64_t org_id, dti_err *e)
{
    dti_rc rc;
    int in = 0;
    if (!u || !u->active)
        return dti_fail(e, DTI_ERR_AUTH, NULL, "chưa xác định người thực hiện",
                        "no acting user");
    if (u->role == ROLE_ADMIN)
        return DTI_OK;
    if (org_id <= 0) {
        if (act == AUTH_AUDIT && u->role == ROLE_COORDINATOR)
            return DTI_OK;
        return refuse(u, act, org_id, e);
    }
    if ((rc = auth_in_scope(s, u, org_id, &in, e)))
        return rc;
    if (!in)
        return auth_not_found(e);
    switch (u->role) {
    case ROLE_ADMIN:
        return DTI_OK;
    case ROLE_COORDINATOR:
        if (act == AUTH_REPORT_WRITE && org_id != u->org_id)
            return refuse(u, act, org_id, e);
        if (act == AUTH_USER_ADMIN)
            return refuse(u, act, org_id, e);
        return DTI_OK;
    case ROLE_REPORTER:
        if (act == AUTH_READ || act == AUTH_REPORT_WRITE)
            return DTI_OK;
        return refuse(u, act, org_id, e);
    case ROLE_VIEWER:
        if (act == AUTH_READ)
            return DTI_OK;
        return refuse(u, act, org_id, e);
    }
    return refuse(u, act, org_id, e);
}

dti_rc auth_can_plan(store *s, const auth_user *u, auth_action act, int64_t plan_id, dti_err *e)
{
    int found = 0;
    int64_t org = 0;
    dti_rc rc = store_user_plan_org(s, plan_id, &org, &found, e);
    if (rc)
        return rc;
    if (!found)
        return dti_fail(e, DTI_ERR_NOTFOUND, "plan", "không có kế hoạch số %lld",
                        "no plan with id %lld", (long long)plan_id);
    /* a reporter sees the plans of the orgs above it: such a plan is in its
     * view, so what else it asks of it is refused, not hidden */
    int under = 0;
    if (u && u->active && u->role == ROLE_REPORTER && org > 0 &&
        (rc = org_under(s, u->org_id, org, &under, e)))
        return rc;
    if (under && act == AUTH_READ)
        return DTI_OK;
    rc = auth_can(s, u, act, org, e);
    if (rc == DTI_ERR_NOTFOUND && under)
        return refuse(u, act, org, e);
    if (rc == DTI_ERR_NOTFOUND)
        return dti_fail(e, DTI_ERR_NOTFOUND, "plan", "không có kế hoạch số %lld",
                        "no plan with id %lld", (long long)plan_id);
    return rc;
}
