/* app_fixture.h — a store in memory with a small org tree, a plan and users,
 * shared by the app/ unit tests (test_auth, test_perm, test_audit, test_report).
 *
 *   province Tỉnh (P) ─ commune Xã An (A) ─ units A1 "Công an xã", A2 "Trạm Y tế"
 *                     └ commune Xã Bình (B) ─ unit B1 "Công an xã"
 *
 * Plan 1 belongs to A with indicators I1 (rate, 2026 >= 70 %, lead A1,
 * support A2), I2 (count, 2026 >= 5 lượt, lead A2) and task K1 (lead A1).
 * Users: admin, coord_a (coordinator of A), rep_a1, rep_a2 (reporters),
 * view_a (viewer of A), coord_b (coordinator of B), view_p (viewer of P);
 * every password "mat-khau-1". */
#ifndef APP_FIXTURE_H
#define APP_FIXTURE_H
#include <stdio.h>
#include <string.h>
#include "store/store.h"
#include "app/app.h"
#include "app/auth/auth.h"
#include "base/lang.h"
#include "test_db.h"

#define FIX_PW "mat-khau-1"
#define FIX_NOW ((time_t)1775000000)    /* 2026-03-31T23:33:20Z */
/* The context of user U (an auth_user *, as the session check read it) on
 * store S at instant T, for the use cases that take `app *` (app/app.h). */
#define FIX_AS(s, u, t) (&(app){.st = (s), .user_id = (u)->id, .account = (u), .now = (t)})

/* A context acting as U (NULL: the system, or no actor for the session
 * use cases) on S at NOW, for the use cases that take one. FIX_APP's
 * context lives until the end of the enclosing block. */
static inline app *fix_app_init(app *a, store *s, const auth_user *u, time_t now)
{
    a->st = s;
    a->user_id = u ? u->id : 0;
    a->account = u;
    a->now = now;
    a->lang = lang_get();
    return a;
}
#define FIX_APP(s, u, now) fix_app_init(&(app){0}, (s), (u), (now))

typedef struct fixture {
    store *s;
    int64_t P, A, A1, A2, B, B1;
    int64_t plan, i1, i2, k1;
    auth_user admin, coord_a, rep_a1, rep_a2, view_a, coord_b, view_p;
} fixture;

static int64_t fix_org(store *s, int64_t parent, const char *kind, const char *name)
{
    int64_t id = 0;
    dti_err e;
    store_val p[] = {parent ? SV_I(parent) : SV_NUL(), SV_T(kind), SV_T(name), SV_T(name)};
    if (store_query_int(s, "INSERT INTO orgs (parent_id, kind, name, folded, valid_from, created_at) "
                           "VALUES (?, ?, ?, ?, '2026-01-01', '2026-01-01T00:00:00Z') RETURNING id",
                        p, 4, &id, NULL, &e)) {
        fprintf(stderr, "fixture: %s\n", e.msg);
        return 0;
    }
    return id;
}

static int64_t fix_ins(store *s, const char *sql, const store_val *p, size_t n)
{
    int64_t id = 0;
    dti_err e;
    if (store_query_int(s, sql, p, n, &id, NULL, &e)) {
        fprintf(stderr, "fixture: %s: %s\n", sql, e.msg);
        return 0;
    }
    return id;
}

static void fix_assign(store *s, int64_t plan_id, int64_t ind, int64_t task, int64_t org, const char *role)
{
    store_val p[] = {SV_I(plan_id), ind ? SV_I(ind) : SV_NUL(), task ? SV_I(task) : SV_NUL(), SV_I(org),
                     SV_T(role)};
    dti_err e;
    if (store_exec(s, "INSERT INTO assignments (plan_id, indicator_id, task_id, org_id, role, seq, name, "
                      "valid_from) VALUES (?, ?, ?, ?, ?, 1, 'x', '2026-01-01')", p, 5, &e))
        fprintf(stderr, "fixture: %s\n", e.msg);
}

static int fix_user(fixture *f, auth_user *out, const char *name, auth_role role, int64_t org)
{
    dti_err e;
    const auth_user *actor = f->admin.id ? &f->admin : NULL;
    if (auth_user_add(f->s, actor, name, name, role, org, FIX_PW, FIX_NOW, NULL, &e) ||
        auth_acting(f->s, name, out, &e)) {
        fprintf(stderr, "fixture: user %s: %s\n", name, e.msg);
        return -1;
    }
    return 0;
}

/* 0, or -1 (printed) when the fixture could not be built; in the store at
 * DB (store_open's URL: a file for tests that need other handles on it). */
static int fixture_open_at(fixture *f, int with_users, const char *db)
{
    dti_err e;
    memset(f, 0, sizeof *f);
    if (store_open(db, &f->s, &e)) {
        fprintf(stderr, "fixture: %s\n", e.msg);
        return -1;
    }
    f->P = fix_org(f->s, 0, "province", "Tỉnh");
    f->A = fix_org(f->s, f->P, "commune", "Xã An");
    f->A1 = fix_org(f->s, f->A, "unit", "Công an xã");
    f->A2 = fix_org(f->s, f->A, "unit", "Trạm Y tế");
    f->B = fix_org(f->s, f->P, "commune", "Xã Bình");
    f->B1 = fix_org(f->s, f->B, "unit", "Công an xã");
    store_val d[] = {SV_T("doc"), SV_B("A", 1)};
    int64_t doc = fix_ins(f->s, "INSERT INTO documents (sha256, name, size, media_type, bytes, created_at) "
                                "VALUES (?, 'plan.md', 1, 'text/markdown', ?, '2026-01-01T00:00:00Z') "
                                "RETURNING id", d, 2);
    store_val pl[] = {SV_I(f->A), SV_I(doc)};
    f->plan = fix_ins(f->s, "INSERT INTO plans (org_id, document_id, title, commune, year_from, year_to, "
                            "created_at) VALUES (?, ?, 'Kế hoạch CĐS xã An 2026', 'An', 2026, 2026, "
                            "'2026-01-01T00:00:00Z') RETURNING id", pl, 2);
    store_val i1[] = {SV_I(f->plan), SV_I(1), SV_T("I1"), SV_T("Tỷ lệ hồ sơ trực tuyến")};
    store_val i2[] = {SV_I(f->plan), SV_I(2), SV_T("I2"), SV_T("Số lượt tập huấn")};
    const char *isql = "INSERT INTO indicators (plan_id, seq, code, group_code, name) "
                       "VALUES (?, ?, ?, '1', ?) RETURNING id";
    f->i1 = fix_ins(f->s, isql, i1, 4);
    f->i2 = fix_ins(f->s, isql, i2, 4);
    store_val t1[] = {SV_I(f->i1)}, t2[] = {SV_I(f->i2)};
    fix_ins(f->s, "INSERT INTO indicator_targets (indicator_id, year, op, value, unit) "
                  "VALUES (?, 2026, '>=', 70, '%') RETURNING id", t1, 1);
    fix_ins(f->s, "INSERT INTO indicator_targets (indicator_id, year, op, value, unit) "
                  "VALUES (?, 2026, '>=', 5, 'lượt') RETURNING id", t2, 1);
    store_val k[] = {SV_I(f->plan)};
    f->k1 = fix_ins(f->s, "INSERT INTO tasks (plan_id, seq, code, group_code, name) "
                          "VALUES (?, 1, 'K1', '1', 'Số hóa hồ sơ') RETURNING id", k, 1);
    fix_assign(f->s, f->plan, f->i1, 0, f->A1, "lead");
    fix_assign(f->s, f->plan, f->i1, 0, f->A2, "support");
    fix_assign(f->s, f->plan, f->i2, 0, f->A2, "lead");
    fix_assign(f->s, f->plan, 0, f->k1, f->A1, "lead");
    if (!f->P || !f->A || !f->A1 || !f->A2 || !f->B || !f->B1 || !f->plan || !f->i1 || !f->i2 || !f->k1)
        return -1;
    if (!with_users)
        return 0;
    if (fix_user(f, &f->admin, "admin", ROLE_ADMIN, 0) ||
        fix_user(f, &f->coord_a, "coord_a", ROLE_COORDINATOR, f->A) ||
        fix_user(f, &f->rep_a1, "rep_a1", ROLE_REPORTER, f->A1) ||
        fix_user(f, &f->rep_a2, "rep_a2", ROLE_REPORTER, f->A2) ||
        fix_user(f, &f->view_a, "view_a", ROLE_VIEWER, f->A) ||
        fix_user(f, &f->coord_b, "coord_b", ROLE_COORDINATOR, f->B) ||
        fix_user(f, &f->view_p, "view_p", ROLE_VIEWER, f->P))
        return -1;
    return 0;
}

/* The fixture in a private store in memory. */
static int fixture_open(fixture *f, int with_users)
{
    return fixture_open_at(f, with_users, test_db(":memory:"));
}

static void fixture_close(fixture *f)
{
    store_close(f->s);
    f->s = NULL;
}

#endif
