/* test_auth_users.c — who may see and manage which account (auth_can_user,
 * auth_users.c), and the use cases on it: add, update, reset, own change,
 * the org picker. Fixture: P › A (A1, A2), P › B (B1); see app_fixture.h. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include "app_fixture.h"

/* An account as it would be: role R at ORG, not yet stored. */
static auth_user to_be(auth_role r, int64_t org)
{
    auth_user u;
    memset(&u, 0, sizeof u);
    u.role = r;
    u.org_id = org;
    u.active = 1;
    return u;
}

static int64_t count(store *s, const char *sql)
{
    int64_t n = -1;
    dti_err e;
    assert_int_equal(store_query_int(s, sql, NULL, 0, &n, NULL, &e), DTI_OK);
    return n;
}

static void test_rules(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    assert_int_equal(fixture_open(&f, 1), 0);
    const auth_user *all[] = {&f.admin, &f.coord_a, &f.rep_a1, &f.rep_a2, &f.view_a, &f.coord_b, &f.view_p};
    /* admin: every account, every role */
    for (size_t i = 0; i < 7; i++) {
        assert_int_equal(auth_can_user(f.s, &f.admin, AUTH_USER_SEE, all[i], &e), DTI_OK);
        assert_int_equal(auth_can_user(f.s, &f.admin, AUTH_USER_MANAGE, all[i], &e), DTI_OK);
    }
    auth_user na = to_be(ROLE_ADMIN, 0);
    assert_int_equal(auth_can_user(f.s, &f.admin, AUTH_USER_MANAGE, &na, &e), DTI_OK);
    assert_int_equal(auth_roles_grantable(&f.admin), 0xfu);

    /* coordinator of A: sees A's accounts and itself, manages reporters and viewers of A */
    assert_int_equal(auth_roles_grantable(&f.coord_a), 1u << ROLE_REPORTER | 1u << ROLE_VIEWER);
    assert_int_equal(auth_can_user(f.s, &f.coord_a, AUTH_USER_MANAGE, &f.rep_a1, &e), DTI_OK);
    assert_int_equal(auth_can_user(f.s, &f.coord_a, AUTH_USER_MANAGE, &f.view_a, &e), DTI_OK);
    assert_int_equal(auth_can_user(f.s, &f.coord_a, AUTH_USER_SEE, &f.coord_a, &e), DTI_OK);
    assert_int_equal(auth_can_user(f.s, &f.coord_a, AUTH_USER_MANAGE, &f.coord_a, &e), DTI_ERR_PERM);
    assert_string_equal(e.field, "role");
    /* not the admin, not B, not the province's viewer: unseen, as if missing */
    assert_int_equal(auth_can_user(f.s, &f.coord_a, AUTH_USER_SEE, &f.admin, &e), DTI_ERR_NOTFOUND);
    assert_string_equal(e.field, "user");
    assert_int_equal(auth_can_user(f.s, &f.coord_a, AUTH_USER_MANAGE, &f.coord_b, &e), DTI_ERR_NOTFOUND);
    assert_int_equal(auth_can_user(f.s, &f.coord_a, AUTH_USER_MANAGE, &f.view_p, &e), DTI_ERR_NOTFOUND);
    /* new accounts: reporter/viewer in A yes; elsewhere 404 on org_id; admin/coordinator 403 on role */
    auth_user r_a2 = to_be(ROLE_REPORTER, f.A2), v_a = to_be(ROLE_VIEWER, f.A), r_b1 = to_be(ROLE_REPORTER, f.B1);
    auth_user v_p = to_be(ROLE_VIEWER, f.P), c_a1 = to_be(ROLE_COORDINATOR, f.A1);
    assert_int_equal(auth_can_user(f.s, &f.coord_a, AUTH_USER_MANAGE, &r_a2, &e), DTI_OK);
    assert_int_equal(auth_can_user(f.s, &f.coord_a, AUTH_USER_MANAGE, &v_a, &e), DTI_OK);
    assert_int_equal(auth_can_user(f.s, &f.coord_a, AUTH_USER_MANAGE, &r_b1, &e), DTI_ERR_NOTFOUND);
    assert_string_equal(e.field, "org_id");
    assert_int_equal(auth_can_user(f.s, &f.coord_a, AUTH_USER_MANAGE, &v_p, &e), DTI_ERR_NOTFOUND);
    assert_int_equal(auth_can_user(f.s, &f.coord_a, AUTH_USER_MANAGE, &na, &e), DTI_ERR_PERM);
    assert_string_equal(e.field, "role");
    assert_int_equal(auth_can_user(f.s, &f.coord_a, AUTH_USER_MANAGE, &c_a1, &e), DTI_ERR_PERM);
    assert_int_equal(auth_can_user(f.s, &f.coord_b, AUTH_USER_MANAGE, &r_a2, &e), DTI_ERR_NOTFOUND);

    /* reporters and viewers: themselves only, managing nothing */
    for (size_t i = 2; i < 7; i++) {
        const auth_user *a = all[i];
        if (a->role == ROLE_COORDINATOR)
            continue;
        assert_int_equal(auth_roles_grantable(a), 0);
        assert_int_equal(auth_can_user(f.s, a, AUTH_USER_SEE, a, &e), DTI_OK);
        assert_int_equal(auth_can_user(f.s, a, AUTH_USER_MANAGE, a, &e), DTI_ERR_PERM);
        auth_user here = to_be(ROLE_REPORTER, a->org_id);
        assert_int_equal(auth_can_user(f.s, a, AUTH_USER_MANAGE, &here, &e), DTI_ERR_PERM);
        for (size_t j = 0; j < 7; j++)
            if (all[j] != a)
                assert_int_equal(auth_can_user(f.s, a, AUTH_USER_SEE, all[j], &e), DTI_ERR_NOTFOUND);
    }
    /* out of scope is "not found" before any question of role */
    assert_int_equal(auth_can_user(f.s, &f.rep_a1, AUTH_USER_MANAGE, &r_a2, &e), DTI_ERR_NOTFOUND);
    assert_int_equal(auth_can_user(f.s, &f.view_a, AUTH_USER_MANAGE, &r_b1, &e), DTI_ERR_NOTFOUND);
    /* an inactive actor is nobody */
    auth_user off = f.coord_a;
    off.active = 0;
    assert_int_equal(auth_can_user(f.s, &off, AUTH_USER_SEE, &f.rep_a1, &e), DTI_ERR_AUTH);
    assert_int_equal(auth_roles_grantable(&off), 0);

    /* the list follows the same rule */
    auth_user *list = NULL;
    size_t n = 0;
    assert_int_equal(auth_user_list(FIX_APP(f.s, &f.coord_a, FIX_NOW), &list, &n, &e), DTI_OK);
    assert_int_equal(n, 4); /* coord_a, rep_a1, rep_a2, view_a */
    for (size_t i = 0; i < n; i++)
        assert_true(list[i].org_id == f.A || list[i].org_id == f.A1 || list[i].org_id == f.A2);
    free(list);
    assert_int_equal(auth_user_list(FIX_APP(f.s, &f.view_p, FIX_NOW), &list, &n, &e), DTI_OK);
    assert_int_equal(n, 1);
    assert_string_equal(list[0].name, "view_p");
    free(list);
    fixture_close(&f);
}

static void test_add_and_update(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    int64_t id = 0;
    auth_user u;
    assert_int_equal(fixture_open(&f, 1), 0);
    int64_t audit0 = count(f.s, "SELECT COUNT(*) FROM audit");
    /* a coordinator onboards a unit's reporter; not an admin, not outside A */
    assert_int_equal(auth_user_add(f.s, &f.coord_a, "r_new", "Cán bộ mới", ROLE_REPORTER, f.A2, FIX_PW, FIX_NOW,
                                   &id, &e), DTI_OK);
    assert_int_equal(auth_user_add(f.s, &f.coord_a, "a_new", NULL, ROLE_ADMIN, 0, FIX_PW, FIX_NOW, NULL, &e),
                     DTI_ERR_PERM);
    assert_int_equal(auth_user_add(f.s, &f.coord_a, "c_new", NULL, ROLE_COORDINATOR, f.A1, FIX_PW, FIX_NOW, NULL,
                                   &e), DTI_ERR_PERM);
    assert_int_equal(auth_user_add(f.s, &f.coord_a, "b_new", NULL, ROLE_REPORTER, f.B1, FIX_PW, FIX_NOW, NULL, &e),
                     DTI_ERR_NOTFOUND);
    assert_int_equal(auth_user_add(f.s, &f.rep_a1, "x_new", NULL, ROLE_REPORTER, f.A1, FIX_PW, FIX_NOW, NULL, &e),
                     DTI_ERR_PERM);
    assert_int_equal(count(f.s, "SELECT COUNT(*) FROM users WHERE name LIKE '%_new'"), 1);
    assert_int_equal(count(f.s, "SELECT COUNT(*) FROM audit"), audit0 + 1);

    /* updates: display, then role and org within A; sessions end on a role change */
    auth_user_change c = {"  Cán bộ  Y tế ", -1, -1, -1};
    assert_int_equal(auth_user_update(FIX_APP(f.s, &f.coord_a, FIX_NOW), id, &c, &u, &e), DTI_OK);
    assert_string_equal(u.display, "Cán bộ Y tế");
    char sid[AUTH_TOKEN_HEX], csrf[AUTH_TOKEN_HEX];
    assert_int_equal(auth_session_new(FIX_APP(f.s, NULL, FIX_NOW), &u, sid, csrf, &e), DTI_OK);
    c = (auth_user_change){NULL, ROLE_VIEWER, f.A, -1};
    assert_int_equal(auth_user_update(FIX_APP(f.s, &f.coord_a, FIX_NOW), id, &c, &u, &e), DTI_OK);
    assert_int_equal(u.role, ROLE_VIEWER);
    assert_int_equal(u.org_id, f.A);
    assert_int_equal(auth_session_check(FIX_APP(f.s, NULL, FIX_NOW + 1), sid, NULL, NULL, &e), DTI_ERR_AUTH);
    /* refused, and nothing changes: a role it may not give, an org outside, itself, others' */
    int64_t audit1 = count(f.s, "SELECT COUNT(*) FROM audit");
    c = (auth_user_change){NULL, ROLE_COORDINATOR, -1, -1};
    assert_int_equal(auth_user_update(FIX_APP(f.s, &f.coord_a, FIX_NOW), id, &c, NULL, &e), DTI_ERR_PERM);
    c = (auth_user_change){NULL, -1, f.B1, -1};
    assert_int_equal(auth_user_update(FIX_APP(f.s, &f.coord_a, FIX_NOW), id, &c, NULL, &e), DTI_ERR_NOTFOUND);
    c = (auth_user_change){NULL, -1, 0, -1};
    assert_int_equal(auth_user_update(FIX_APP(f.s, &f.coord_a, FIX_NOW), id, &c, NULL, &e), DTI_ERR_INPUT);
    assert_string_equal(e.field, "org_id");
    c = (auth_user_change){NULL, -1, 99999, -1};
    assert_int_equal(auth_user_update(FIX_APP(f.s, &f.admin, FIX_NOW), id, &c, NULL, &e), DTI_ERR_NOTFOUND);
    c = (auth_user_change){"", -1, -1, -1};
    assert_int_equal(auth_user_update(FIX_APP(f.s, &f.coord_a, FIX_NOW), id, &c, NULL, &e), DTI_ERR_INPUT);
    assert_string_equal(e.field, "display");
    c = (auth_user_change){NULL, -1, -1, 0};
    assert_int_equal(auth_user_update(FIX_APP(f.s, &f.coord_b, FIX_NOW), id, &c, NULL, &e), DTI_ERR_NOTFOUND);
    assert_int_equal(auth_user_update(FIX_APP(f.s, &f.admin, FIX_NOW), f.admin.id, &c, NULL, &e), DTI_ERR_PERM);
    assert_int_equal(auth_user_update(FIX_APP(f.s, &f.coord_a, FIX_NOW), f.coord_a.id, &c, NULL, &e), DTI_ERR_PERM);
    assert_int_equal(auth_user_set_active(FIX_APP(f.s, &f.admin, FIX_NOW), "admin", 0, &e), DTI_ERR_PERM);
    assert_int_equal(count(f.s, "SELECT COUNT(*) FROM audit"), audit1);
    assert_int_equal(auth_user_get_id(f.s, id, &u, &e), DTI_OK);
    assert_int_equal(u.role, ROLE_VIEWER);
    assert_int_equal(u.active, 1);
    /* disabled: no login, audited as user.deactivate */
    assert_int_equal(auth_user_update(FIX_APP(f.s, &f.coord_a, FIX_NOW), id, &c, &u, &e), DTI_OK);
    assert_int_equal(auth_login(FIX_APP(f.s, NULL, FIX_NOW + 5), "r_new", FIX_PW, NULL, &e), DTI_ERR_AUTH);
    assert_int_equal(count(f.s, "SELECT COUNT(*) FROM audit WHERE action = 'user.deactivate'"), 1);
    assert_int_equal(count(f.s, "SELECT COUNT(*) FROM audit WHERE after_json LIKE '%argon2%' OR before_json LIKE '%argon2%'"), 0);
    fixture_close(&f);
}

static void test_passwords(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    assert_int_equal(fixture_open(&f, 1), 0);
    /* reset: by the coordinator of the reporter's commune; not its own, not a coordinator's */
    assert_int_equal(auth_user_reset_password(FIX_APP(f.s, &f.coord_a, FIX_NOW), f.rep_a1.id, "ngan", &e), DTI_ERR_INPUT);
    assert_int_equal(auth_user_reset_password(FIX_APP(f.s, &f.coord_b, FIX_NOW), f.rep_a1.id, "mat-khau-2", &e),
                     DTI_ERR_NOTFOUND);
    assert_int_equal(auth_user_reset_password(FIX_APP(f.s, &f.coord_a, FIX_NOW), f.coord_a.id, "mat-khau-2", &e),
                     DTI_ERR_PERM);
    assert_int_equal(auth_user_reset_password(FIX_APP(f.s, &f.admin, FIX_NOW), f.admin.id, "mat-khau-2", &e), DTI_ERR_PERM);
    assert_int_equal(auth_user_reset_password(FIX_APP(f.s, &f.rep_a2, FIX_NOW), f.rep_a1.id, "mat-khau-2", &e),
                     DTI_ERR_NOTFOUND);
    assert_int_equal(auth_user_reset_password(FIX_APP(f.s, &f.coord_a, FIX_NOW), f.rep_a1.id, "mat-khau-2", &e), DTI_OK);
    assert_int_equal(auth_login(FIX_APP(f.s, NULL, FIX_NOW), "rep_a1", FIX_PW, NULL, &e), DTI_ERR_AUTH);
    assert_int_equal(auth_login(FIX_APP(f.s, NULL, FIX_NOW + 1), "rep_a1", "mat-khau-2", NULL, &e), DTI_OK);

    /* own change: the current password is needed; this session stays, the others end */
    char s1[AUTH_TOKEN_HEX], s2[AUTH_TOKEN_HEX], c1[AUTH_TOKEN_HEX], c2[AUTH_TOKEN_HEX];
    assert_int_equal(auth_session_new(FIX_APP(f.s, NULL, FIX_NOW), &f.view_a, s1, c1, &e), DTI_OK);
    assert_int_equal(auth_session_new(FIX_APP(f.s, NULL, FIX_NOW), &f.view_a, s2, c2, &e), DTI_OK);
    assert_int_equal(auth_password_change(FIX_APP(f.s, &f.view_a, FIX_NOW), "sai-roi-123", "mat-khau-3", s1, &e),
                     DTI_ERR_INPUT);
    assert_string_equal(e.field, "current");
    assert_int_equal(auth_password_change(FIX_APP(f.s, &f.view_a, FIX_NOW), FIX_PW, FIX_PW, s1, &e), DTI_ERR_INPUT);
    assert_string_equal(e.field, "password");
    assert_int_equal(auth_password_change(FIX_APP(f.s, &f.view_a, FIX_NOW), FIX_PW, "ngan", s1, &e), DTI_ERR_INPUT);
    assert_int_equal(auth_password_change(FIX_APP(f.s, &f.view_a, FIX_NOW), NULL, "mat-khau-3", s1, &e), DTI_ERR_INPUT);
    assert_int_equal(auth_session_check(FIX_APP(f.s, NULL, FIX_NOW), s2, NULL, NULL, &e), DTI_OK);
    assert_int_equal(auth_password_change(FIX_APP(f.s, &f.view_a, FIX_NOW + 10), FIX_PW, "mat-khau-3", s1, &e), DTI_OK);
    assert_int_equal(auth_session_check(FIX_APP(f.s, NULL, FIX_NOW + 11), s1, NULL, NULL, &e), DTI_OK);
    assert_int_equal(auth_session_check(FIX_APP(f.s, NULL, FIX_NOW + 11), s2, NULL, NULL, &e), DTI_ERR_AUTH);
    assert_int_equal(auth_login(FIX_APP(f.s, NULL, FIX_NOW + 12), "view_a", "mat-khau-3", NULL, &e), DTI_OK);
    /* wrong current passwords are slowed as failed logins are */
    time_t t = FIX_NOW + 100;
    for (int i = 0; i < AUTH_FAIL_FREE; i++)
        assert_int_equal(auth_password_change(FIX_APP(f.s, &f.view_a, t++), "sai-roi-123", "mat-khau-4", s1, &e),
                         DTI_ERR_INPUT);
    assert_int_equal(auth_password_change(FIX_APP(f.s, &f.view_a, t), "mat-khau-3", "mat-khau-4", s1, &e), DTI_ERR_INPUT);
    assert_non_null(strstr(e.msg, "chờ"));
    assert_int_equal(count(f.s, "SELECT COUNT(*) FROM audit WHERE action = 'user.passwd'"), 2);
    assert_int_equal(count(f.s, "SELECT COUNT(*) FROM audit WHERE after_json LIKE '%argon2%' OR after_json LIKE "
                                "'%mat-khau%'"), 0);
    fixture_close(&f);
}

static void test_orgs(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    auth_org *o = NULL;
    size_t n = 0;
    assert_int_equal(fixture_open(&f, 1), 0);
    assert_int_equal(auth_org_list(FIX_APP(f.s, &f.admin, FIX_NOW), &o, &n, &e), DTI_OK);
    assert_int_equal(n, 6);
    auth_org_list_free(o, n);
    assert_int_equal(auth_org_list(FIX_APP(f.s, &f.coord_a, FIX_NOW), &o, &n, &e), DTI_OK);
    assert_int_equal(n, 3);
    for (size_t i = 0; i < n; i++) {
        assert_true(o[i].id == f.A || o[i].id == f.A1 || o[i].id == f.A2);
        assert_true(o[i].live);
        if (o[i].id == f.A) {
            assert_int_equal(o[i].parent_id, f.P);
            assert_string_equal(o[i].kind, "commune");
            assert_string_equal(o[i].name, "Xã An");
        }
    }
    auth_org_list_free(o, n);
    assert_int_equal(auth_org_list(FIX_APP(f.s, &f.rep_a2, FIX_NOW), &o, &n, &e), DTI_OK);
    assert_int_equal(n, 1);
    assert_int_equal(o[0].id, f.A2);
    auth_org_list_free(o, n);
    assert_int_equal(auth_org_list(FIX_APP(f.s, &f.view_p, FIX_NOW), &o, &n, &e), DTI_OK);
    assert_int_equal(n, 6);
    auth_org_list_free(o, n);
    auth_org_list_free(NULL, 0);
    fixture_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rules),
        cmocka_unit_test(test_add_and_update),
        cmocka_unit_test(test_passwords),
        cmocka_unit_test(test_orgs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
