/* store_user.c — the users repository over store.h (any engine): accounts,
 * login failures, sessions, and the org reads of permission checks
 * (contracts in store_user.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store/store_user.h"
#include "base/vec.h"

static store_val text_or_null(const char *s)
{
    return s ? SV_T(s) : SV_NUL();
}

static const char *str(const store_val *v)
{
    return v->t == SV_NULL || !v->s ? "" : v->s;
}

/* ---- accounts ---- */

/* The account's columns; the last, the name of its org (NULL without
 * one), so that a session check gives the name the UI shows at no extra
 * cost. */
#define USER_COLS "users.id, users.name, users.display_name, users.role, COALESCE(users.org_id, 0)," \
                  " users.active, (SELECT o.name FROM orgs AS o WHERE o.id = users.org_id)"
#define USER_NCOLS 7

static void user_fill(store_user *u, const store_val *v)
{
    memset(u, 0, sizeof *u);
    u->id = v[0].i;
    snprintf(u->name, sizeof u->name, "%s", str(&v[1]));
    snprintf(u->display, sizeof u->display, "%s", str(&v[2]));
    snprintf(u->role, sizeof u->role, "%s", str(&v[3]));
    u->org_id = v[4].i;
    u->active = (int)v[5].i;
    if (v[6].t == SV_TEXT)
        snprintf(u->org_name, sizeof u->org_name, "%s", str(&v[6]));
}

struct one_user {
    store_user *u;
    char *hash;     /* NULL: not asked for */
    int found;
};

static int one_user_row(void *ctx, const store_row *r)
{
    struct one_user *x = ctx;
    if (r->n < USER_NCOLS)
        return 1;
    user_fill(x->u, r->v);
    if (x->hash && r->n > USER_NCOLS)
        snprintf(x->hash, STORE_USER_HASH_MAX + 1, "%s", str(&r->v[USER_NCOLS]));
    x->found = 1;
    return 1;
}

dti_rc store_user_count(store *s, int64_t *n, dti_err *e)
{
    return store_query_int(s, "SELECT COUNT(*) FROM users", NULL, 0, n, NULL, e);
}

dti_rc store_user_by_name(store *s, const char *name, store_user *out, int *found, dti_err *e)
{
    store_user u;
    struct one_user x = {&u, NULL, 0};
    dti_rc rc = store_query(s, "SELECT " USER_COLS " FROM users WHERE name = ?",
                            (store_val[]){text_or_null(name)}, 1, one_user_row, &x, e);
    *found = !rc && x.found;
    if (*found)
        *out = u;
    return rc;
}

dti_rc store_user_by_id(store *s, int64_t id, store_user *out, int *found, dti_err *e)
{
    store_user u;
    struct one_user x = {&u, NULL, 0};
    dti_rc rc = store_query(s, "SELECT " USER_COLS " FROM users WHERE id = ?", (store_val[]){SV_I(id)}, 1,
                            one_user_row, &x, e);
    *found = !rc && x.found;
    if (*found)
        *out = u;
    return rc;
}

dti_rc store_user_login(store *s, const char *name, store_user *out, char hash[STORE_USER_HASH_MAX + 1],
                        int *found, dti_err *e)
{
    struct one_user x = {out, hash, 0};
    hash[0] = 0;
    dti_rc rc = store_query(s, "SELECT " USER_COLS ", users.pw_hash FROM users WHERE name = ?",
                            (store_val[]){text_or_null(name)}, 1, one_user_row, &x, e);
    *found = !rc && x.found;
    return rc;
}

struct user_list {
    store_user *v;
    size_t n, cap;
    int nomem;
};

static int user_list_row(void *ctx, const store_row *r)
{
    struct user_list *l = ctx;
    store_user *v = vec_grow(l->v, l->n, &l->cap, sizeof *v, 16);
    if (!v) {
        l->nomem = 1;
        return 1;
    }
    l->v = v;
    if (r->n >= USER_NCOLS)
        user_fill(&l->v[l->n++], r->v);
    return 0;
}

dti_rc store_user_list(store *s, store_user **out, size_t *n, dti_err *e)
{
    struct user_list l = {NULL, 0, 0, 0};
    *out = NULL;
    *n = 0;
    /* users.name: the org's name of USER_COLS is a column "name" too (PostgreSQL: ambiguous) */
    dti_rc rc = store_query(s, "SELECT " USER_COLS " FROM users ORDER BY users.name", NULL, 0, user_list_row, &l, e);
    if (!rc && l.nomem)
        rc = dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
    if (rc) {
        free(l.v);
        return rc;
    }
    *out = l.v;
    *n = l.n;
    return DTI_OK;
}

dti_rc store_user_insert(store *s, const char *name, const char *display, const char *pw_hash, const char *role,
                         int64_t org_id, const char *created_at, int64_t *id, dti_err *e)
{
    *id = 0;
    return store_query_int(s, "INSERT INTO users (name, display_name, pw_hash, role, org_id, active, created_at)"
                              " VALUES (?, ?, ?, ?, ?, 1, ?) RETURNING id",
                           (store_val[]){text_or_null(name), text_or_null(display), text_or_null(pw_hash),
                                         text_or_null(role), org_id > 0 ? SV_I(org_id) : SV_NUL(),
                                         text_or_null(created_at)},
                           6, id, NULL, e);
}

dti_rc store_user_set_password(store *s, int64_t id, const char *pw_hash, dti_err *e)
{
    return store_exec(s, "UPDATE users SET pw_hash = ? WHERE id = ?", (store_val[]){text_or_null(pw_hash), SV_I(id)},
                      2, e);
}

dti_rc store_user_set_active(store *s, int64_t id, int active, dti_err *e)
{
    return store_exec(s, "UPDATE users SET active = ? WHERE id = ?", (store_val[]){SV_I(active), SV_I(id)}, 2, e);
}

dti_rc store_user_update(store *s, int64_t id, const char *display, const char *role, int64_t org_id, int active,
                         dti_err *e)
{
    return store_exec(s, "UPDATE users SET display_name = ?, role = ?, org_id = ?, active = ? WHERE id = ?",
                      (store_val[]){text_or_null(display), text_or_null(role), org_id > 0 ? SV_I(org_id) : SV_NUL(),
                                    SV_I(active), SV_I(id)},
                      5, e);
}

/* ---- login failures ---- */

struct failure_read {
    store_login_failure *f;
    int found;
};

static int failure_row(void *ctx, const store_row *r)
{
    struct failure_read *x = ctx;
    x->found = 1;
    x->f->count = r->v[0].i;
    snprintf(x->f->last_at, sizeof x->f->last_at, "%s", str(&r->v[1]));
    snprintf(x->f->locked_until, sizeof x->f->locked_until, "%s", str(&r->v[2]));
    return 1;
}

dti_rc store_login_failure_get(store *s, const char *name, store_login_failure *out, int *found, dti_err *e)
{
    struct failure_read x = {out, 0};
    memset(out, 0, sizeof *out);
    dti_rc rc = store_query(s, "SELECT count, last_at, locked_until FROM login_failures WHERE name = ?",
                            (store_val[]){text_or_null(name)}, 1, failure_row, &x, e);
    *found = !rc && x.found;
    return rc;
}

dti_rc store_login_failure_put(store *s, const char *name, int64_t count, const char *last_at,
                               const char *locked_until, dti_err *e)
{
    /* engine: ON CONFLICT ... DO UPDATE (SQLite 3.24+, PostgreSQL 9.5+) */
    return store_exec(s, "INSERT INTO login_failures (name, count, last_at, locked_until) VALUES (?, ?, ?, ?)"
                         " ON CONFLICT (name) DO UPDATE SET count = excluded.count, last_at = excluded.last_at,"
                         " locked_until = excluded.locked_until",
                      (store_val[]){text_or_null(name), SV_I(count), text_or_null(last_at),
                                    locked_until && *locked_until ? SV_T(locked_until) : SV_NUL()},
                      4, e);
}

dti_rc store_login_failure_clear(store *s, const char *name, dti_err *e)
{
    return store_exec(s, "DELETE FROM login_failures WHERE name = ?", (store_val[]){text_or_null(name)}, 1, e);
}

/* ---- sessions ---- */

dti_rc store_session_insert(store *s, const char *id_hash, int64_t user_id, const char *created_at,
                            const char *expires_at, const char *csrf, dti_err *e)
{
    return store_exec(s, "INSERT INTO sessions (id_hash, user_id, created_at, last_seen, expires_at, csrf)"
                         " VALUES (?, ?, ?, ?, ?, ?)",
                      (store_val[]){text_or_null(id_hash), SV_I(user_id), text_or_null(created_at),
                                    text_or_null(created_at), text_or_null(expires_at), text_or_null(csrf)},
                      6, e);
}

/* The session, its user and the data generation in one statement (one
 * read transaction per request instead of three): the session's columns,
 * then USER_COLS (NULL when the user is gone), then score_generation's gen
 * and uid (NULL before migration 004). */
#define SESSION_SQL                                                                  \
    "SELECT x.user_id, x.last_seen, x.expires_at, x.csrf, " USER_COLS ","            \
    " (SELECT gen FROM score_generation WHERE id = 1),"                              \
    " (SELECT uid FROM score_generation WHERE id = 1)"                               \
    " FROM sessions AS x LEFT JOIN users ON users.id = x.user_id WHERE x.id_hash = ?"
#define SESSION_COLS 4

struct session_read {
    store_session *x;
    int found;
};

static int session_row(void *ctx, const store_row *r)
{
    struct session_read *sr = ctx;
    store_session *x = sr->x;
    sr->found = 1;
    x->user_id = r->v[0].i;
    snprintf(x->last_seen, sizeof x->last_seen, "%s", str(&r->v[1]));
    snprintf(x->expires_at, sizeof x->expires_at, "%s", str(&r->v[2]));
    snprintf(x->csrf, sizeof x->csrf, "%s", str(&r->v[3]));
    if (r->n != SESSION_COLS + USER_NCOLS + 2)
        return 1;
    if (r->v[SESSION_COLS].t != SV_NULL) {
        user_fill(&x->user, r->v + SESSION_COLS);
        x->user_found = 1;
    }
    const store_val *g = r->v + SESSION_COLS + USER_NCOLS;
    if (g[0].t == SV_INT && g[1].t == SV_TEXT && g[1].n <= STORE_GEN_UID_MAX) {
        x->gen_known = 1;
        x->gen.gen = g[0].i;
        memcpy(x->gen.uid, g[1].s, g[1].n);
        x->gen.uid[g[1].n] = 0;
    }
    return 1;
}

dti_rc store_session_get(store *s, const char *id_hash, store_session *out, int *found, dti_err *e)
{
    unsigned char v[STORE_VERSION_LEN];
    struct session_read sr = {out, 0};
    memset(out, 0, sizeof *out);
    /* the version first: it vouches only for what is read after it */
    int have = store_data_version(s, v);
    dti_rc rc = store_query(s, SESSION_SQL, (store_val[]){text_or_null(id_hash)}, 1, session_row, &sr, e);
    *found = !rc && sr.found;
    if (!rc && sr.found && out->gen_known)
        store_generation_note(v, have, &out->gen);
    return rc;
}

dti_rc store_session_touch(store *s, const char *id_hash, const char *at, dti_err *e)
{
    return store_exec(s, "UPDATE sessions SET last_seen = ? WHERE id_hash = ?",
                      (store_val[]){text_or_null(at), text_or_null(id_hash)}, 2, e);
}

dti_rc store_session_delete(store *s, const char *id_hash, dti_err *e)
{
    return store_exec(s, "DELETE FROM sessions WHERE id_hash = ?", (store_val[]){text_or_null(id_hash)}, 1, e);
}

dti_rc store_session_delete_user(store *s, int64_t user_id, const char *keep_hash, dti_err *e)
{
    if (keep_hash)
        return store_exec(s, "DELETE FROM sessions WHERE user_id = ? AND id_hash <> ?",
                          (store_val[]){SV_I(user_id), SV_T(keep_hash)}, 2, e);
    return store_exec(s, "DELETE FROM sessions WHERE user_id = ?", (store_val[]){SV_I(user_id)}, 1, e);
}

/* ---- org reads ---- */

dti_rc store_user_org_parent(store *s, int64_t org_id, int64_t *parent, int *found, dti_err *e)
{
    return store_query_int(s, "SELECT COALESCE(parent_id, 0) FROM orgs WHERE id = ?", (store_val[]){SV_I(org_id)}, 1,
                           parent, found, e);
}

dti_rc store_user_org_live(store *s, int64_t org_id, int *live, dti_err *e)
{
    int64_t one = 0;
    return store_query_int(s, "SELECT 1 FROM orgs WHERE id = ? AND valid_to IS NULL", (store_val[]){SV_I(org_id)}, 1,
                           &one, live, e);
}

dti_rc store_user_plan_org(store *s, int64_t plan_id, int64_t *org_id, int *found, dti_err *e)
{
    return store_query_int(s, "SELECT COALESCE(org_id, 0) FROM plans WHERE id = ?", (store_val[]){SV_I(plan_id)}, 1,
                           org_id, found, e);
}

struct org_list {
    store_user_org *v;
    size_t n, cap;
    int nomem;
};

static int org_row(void *ctx, const store_row *r)
{
    struct org_list *l = ctx;
    store_user_org *v = vec_grow(l->v, l->n, &l->cap, sizeof *v, 32);
    if (!v) {
        l->nomem = 1;
        return 1;
    }
    l->v = v;
    store_user_org *o = &l->v[l->n];
    memset(o, 0, sizeof *o);
    o->id = r->v[0].i;
    o->parent_id = r->v[1].i;
    snprintf(o->kind, sizeof o->kind, "%s", str(&r->v[2]));
    o->name = strdup(str(&r->v[3]));
    o->live = (int)r->v[4].i;
    if (!o->name) {
        l->nomem = 1;
        return 1;
    }
    l->n++;
    return 0;
}

#define ORG_COLS "o.id, COALESCE(o.parent_id, 0), o.kind, o.name, CASE WHEN o.valid_to IS NULL THEN 1 ELSE 0 END"

dti_rc store_user_orgs(store *s, int64_t root_id, int depth_max, store_user_org **out, size_t *n, dti_err *e)
{
    struct org_list l;
    dti_rc rc;
    memset(&l, 0, sizeof l);
    *out = NULL;
    *n = 0;
    if (root_id <= 0)
        rc = store_query(s, "SELECT " ORG_COLS " FROM orgs o ORDER BY o.folded, o.id", NULL, 0, org_row, &l, e);
    else
        rc = store_query(s, "WITH RECURSIVE t(id, depth) AS (SELECT id, 1 FROM orgs WHERE id = ? "
                            "UNION SELECT c.id, t.depth + 1 FROM orgs c JOIN t ON c.parent_id = t.id "
                            "WHERE t.depth < ?) "
                            "SELECT " ORG_COLS " FROM orgs o WHERE o.id IN (SELECT id FROM t) "
                            "ORDER BY o.folded, o.id",
                         (store_val[]){SV_I(root_id), SV_I(depth_max)}, 2, org_row, &l, e);
    if (!rc && l.nomem)
        rc = dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
    if (rc) {
        store_user_orgs_free(l.v, l.n);
        return rc;
    }
    *out = l.v;
    *n = l.n;
    return DTI_OK;
}

void store_user_orgs_free(store_user_org *v, size_t n)
{
    if (!v)
        return;
    for (size_t i = 0; i < n; i++)
        free(v[i].name);
    free(v);
}
