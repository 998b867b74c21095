/* test_auth.c — users, password hashing, login throttling and sessions (app/auth.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include "app_fixture.h"

static void test_hash(void **state)
{
    (void)state;
    char h[128], h2[128];
    dti_err e;
    assert_int_equal(auth_password_hash("dung-roi-123", h, &e), DTI_OK);
    assert_true(strncmp(h, "$argon2id$", 10) == 0);
    assert_null(strstr(h, "dung-roi-123"));
    assert_true(auth_password_check(h, "dung-roi-123"));
    assert_false(auth_password_check(h, "dung-roi-124"));
    assert_false(auth_password_check(h, ""));
    /* salted: the same password hashes differently */
    assert_int_equal(auth_password_hash("dung-roi-123", h2, &e), DTI_OK);
    assert_string_not_equal(h, h2);
    assert_int_equal(auth_password_hash("ngan", h, &e), DTI_ERR_INPUT);
}

static void test_bootstrap_and_users(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    auth_user u;
    assert_int_equal(fixture_open(&f, 0), 0);
    /* the first user must be an admin */
    assert_int_equal(auth_user_add(f.s, NULL, "coord", NULL, ROLE_COORDINATOR, f.A, FIX_PW, FIX_NOW,
                                   NULL, &e), DTI_ERR_INPUT);
    assert_int_equal(auth_user_add(f.s, NULL, "root", "Quản trị", ROLE_ADMIN, 0, FIX_PW, FIX_NOW,
                                   NULL, &e), DTI_OK);
    /* then no more bootstrap */
    assert_int_equal(auth_user_add(f.s, NULL, "root2", NULL, ROLE_ADMIN, 0, FIX_PW, FIX_NOW, NULL, &e),
                     DTI_ERR_AUTH);
    assert_int_equal(auth_acting(f.s, "root", &u, &e), DTI_OK);
    assert_int_equal(u.role, ROLE_ADMIN);
    assert_string_equal(u.display, "Quản trị");
    /* bad names, duplicate, reporter without org, missing org */
    assert_int_equal(auth_user_add(f.s, &u, "Bad Name", NULL, ROLE_VIEWER, f.A, FIX_PW, FIX_NOW, NULL, &e),
                     DTI_ERR_INPUT);
    assert_int_equal(auth_user_add(f.s, &u, "root", NULL, ROLE_ADMIN, 0, FIX_PW, FIX_NOW, NULL, &e),
                     DTI_ERR_CONFLICT);
    assert_int_equal(auth_user_add(f.s, &u, "r1", NULL, ROLE_REPORTER, 0, FIX_PW, FIX_NOW, NULL, &e),
                     DTI_ERR_INPUT);
    assert_int_equal(auth_user_add(f.s, &u, "r1", NULL, ROLE_REPORTER, 999, FIX_PW, FIX_NOW, NULL, &e),
                     DTI_ERR_NOTFOUND);
    assert_int_equal(auth_user_add(f.s, &u, "r1", NULL, ROLE_REPORTER, f.A1, FIX_PW, FIX_NOW, NULL, &e),
                     DTI_OK);
    /* a reporter cannot add users; nor set another's password (one it cannot see: "not found") */
    auth_user r1;
    assert_int_equal(auth_acting(f.s, "r1", &r1, &e), DTI_OK);
    assert_int_equal(auth_user_add(f.s, &r1, "r2", NULL, ROLE_REPORTER, f.A1, FIX_PW, FIX_NOW, NULL, &e),
                     DTI_ERR_PERM);
    assert_int_equal(auth_user_passwd(FIX_APP(f.s, &r1, FIX_NOW), "root", "khac-mat-khau", &e), DTI_ERR_NOTFOUND);
    /* but its own */
    assert_int_equal(auth_user_passwd(FIX_APP(f.s, &r1, FIX_NOW), "r1", "mat-khau-moi", &e), DTI_OK);
    assert_int_equal(auth_login(FIX_APP(f.s, NULL, FIX_NOW), "r1", "mat-khau-moi", NULL, &e), DTI_OK);
    assert_int_equal(auth_login(FIX_APP(f.s, NULL, FIX_NOW + 1), "r1", FIX_PW, NULL, &e), DTI_ERR_AUTH);
    /* a deactivated user cannot act or log in */
    assert_int_equal(auth_user_set_active(FIX_APP(f.s, &u, FIX_NOW), "r1", 0, &e), DTI_OK);
    assert_int_equal(auth_acting(f.s, "r1", &r1, &e), DTI_ERR_AUTH);
    assert_int_equal(auth_login(FIX_APP(f.s, NULL, FIX_NOW + 100), "r1", "mat-khau-moi", NULL, &e), DTI_ERR_AUTH);
    /* the list a reporter would see: only its scope */
    auth_user *list = NULL;
    size_t n = 0;
    assert_int_equal(auth_user_list(FIX_APP(f.s, &u, FIX_NOW), &list, &n, &e), DTI_OK);
    assert_int_equal(n, 2);
    free(list);
    fixture_close(&f);
}

static void test_lockout(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    auth_user u;
    assert_int_equal(fixture_open(&f, 0), 0);
    assert_int_equal(auth_user_add(f.s, NULL, "root", NULL, ROLE_ADMIN, 0, FIX_PW, FIX_NOW, NULL, &e),
                     DTI_OK);
    time_t t = FIX_NOW;
    /* AUTH_FAIL_FREE failures are not slowed */
    for (int i = 0; i < AUTH_FAIL_FREE; i++)
        assert_int_equal(auth_login(FIX_APP(f.s, NULL, t++), "root", "sai-mat-khau", NULL, &e), DTI_ERR_AUTH);
    assert_non_null(strstr(e.msg, "sai tên đăng nhập hoặc mật khẩu"));
    /* the next attempt at once is refused without looking at the password */
    assert_int_equal(auth_login(FIX_APP(f.s, NULL, t), "root", FIX_PW, &u, &e), DTI_ERR_AUTH);
    assert_non_null(strstr(e.msg, "chờ 2 giây"));
    /* after the delay the right password works and clears the count */
    t += AUTH_FAIL_DELAY;
    assert_int_equal(auth_login(FIX_APP(f.s, NULL, t), "root", FIX_PW, &u, &e), DTI_OK);
    assert_string_equal(u.name, "root");
    int64_t left = -1;
    int found = 1;
    store_val p[] = {SV_T("root")};
    assert_int_equal(store_query_int(f.s, "SELECT count FROM login_failures WHERE name = ?", p, 1, &left,
                                     &found, &e), DTI_OK);
    assert_false(found);
    /* AUTH_FAIL_LOCK failures, each waited out, lock the name */
    for (int i = 0; i < AUTH_FAIL_LOCK; i++) {
        t += AUTH_FAIL_DELAY_MAX + 1;
        assert_int_equal(auth_login(FIX_APP(f.s, NULL, t), "root", "sai-mat-khau", NULL, &e), DTI_ERR_AUTH);
    }
    t += AUTH_FAIL_DELAY_MAX + 1;
    assert_int_equal(auth_login(FIX_APP(f.s, NULL, t), "root", FIX_PW, NULL, &e), DTI_ERR_AUTH);
    assert_non_null(strstr(e.msg, "tạm khóa"));
    t += AUTH_LOCK_SECONDS - AUTH_FAIL_DELAY_MAX - 10;
    assert_int_equal(auth_login(FIX_APP(f.s, NULL, t), "root", FIX_PW, NULL, &e), DTI_ERR_AUTH);
    t += AUTH_FAIL_DELAY_MAX + 10;
    assert_int_equal(auth_login(FIX_APP(f.s, NULL, t), "root", FIX_PW, NULL, &e), DTI_OK);
    /* unknown names are counted too, with the same message */
    assert_int_equal(auth_login(FIX_APP(f.s, NULL, t), "khong-co", FIX_PW, NULL, &e), DTI_ERR_AUTH);
    assert_non_null(strstr(e.msg, "sai tên đăng nhập hoặc mật khẩu"));
    store_val q[] = {SV_T("khong-co")};
    assert_int_equal(store_query_int(f.s, "SELECT count FROM login_failures WHERE name = ?", q, 1, &left,
                                     NULL, &e), DTI_OK);
    assert_int_equal(left, 1);
    fixture_close(&f);
}

static void test_sessions(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    auth_user u, got;
    char id[AUTH_TOKEN_HEX], csrf[AUTH_TOKEN_HEX], csrf2[AUTH_TOKEN_HEX], id2[AUTH_TOKEN_HEX];
    assert_int_equal(fixture_open(&f, 0), 0);
    assert_int_equal(auth_user_add(f.s, NULL, "root", NULL, ROLE_ADMIN, 0, FIX_PW, FIX_NOW, NULL, &e),
                     DTI_OK);
    assert_int_equal(auth_acting(f.s, "root", &u, &e), DTI_OK);
    time_t t = FIX_NOW;
    assert_int_equal(auth_session_new(FIX_APP(f.s, NULL, t), &u, id, csrf, &e), DTI_OK);
    assert_int_equal(strlen(id), 64);
    assert_string_not_equal(id, csrf);
    /* the id is not stored, only its hash */
    int found = 1;
    int64_t one;
    store_val p[] = {(store_val){SV_TEXT, 0, 0, id, strlen(id)}};
    assert_int_equal(store_query_int(f.s, "SELECT 1 FROM sessions WHERE id_hash = ?", p, 1, &one, &found,
                                     &e), DTI_OK);
    assert_false(found);
    /* live within the idle limit, sliding */
    t += AUTH_SESSION_IDLE - 5;
    assert_int_equal(auth_session_check(FIX_APP(f.s, NULL, t), id, &got, csrf2, &e), DTI_OK);
    assert_string_equal(got.name, "root");
    assert_string_equal(csrf, csrf2);
    assert_true(auth_csrf_ok(csrf, csrf2));
    assert_false(auth_csrf_ok(csrf, "00"));
    assert_false(auth_csrf_ok(csrf, NULL));
    t += AUTH_SESSION_IDLE - 5;
    assert_int_equal(auth_session_check(FIX_APP(f.s, NULL, t), id, NULL, NULL, &e), DTI_OK);
    /* idle too long */
    t += AUTH_SESSION_IDLE + 1;
    assert_int_equal(auth_session_check(FIX_APP(f.s, NULL, t), id, NULL, NULL, &e), DTI_ERR_AUTH);
    assert_int_equal(auth_session_check(FIX_APP(f.s, NULL, t), id, NULL, NULL, &e), DTI_ERR_AUTH);
    /* absolute limit, however busy */
    time_t t0 = t;
    assert_int_equal(auth_session_new(FIX_APP(f.s, NULL, t), &u, id2, csrf, &e), DTI_OK);
    while (t + 600 < t0 + AUTH_SESSION_MAX) {
        t += 600;
        assert_int_equal(auth_session_check(FIX_APP(f.s, NULL, t), id2, NULL, NULL, &e), DTI_OK);
    }
    t = t0 + AUTH_SESSION_MAX;
    assert_int_equal(auth_session_check(FIX_APP(f.s, NULL, t), id2, NULL, NULL, &e), DTI_ERR_AUTH);
    /* logout; a changed password ends every session */
    assert_int_equal(auth_session_new(FIX_APP(f.s, NULL, t), &u, id, csrf, &e), DTI_OK);
    assert_int_equal(auth_session_new(FIX_APP(f.s, NULL, t), &u, id2, csrf, &e), DTI_OK);
    assert_int_equal(auth_session_end(FIX_APP(f.s, NULL, 0), id, &e), DTI_OK);
    assert_int_equal(auth_session_check(FIX_APP(f.s, NULL, t), id, NULL, NULL, &e), DTI_ERR_AUTH);
    assert_int_equal(auth_session_check(FIX_APP(f.s, NULL, t), id2, NULL, NULL, &e), DTI_OK);
    assert_int_equal(auth_user_passwd(FIX_APP(f.s, &u, t), "root", "mat-khau-moi", &e), DTI_OK);
    assert_int_equal(auth_session_check(FIX_APP(f.s, NULL, t), id2, NULL, NULL, &e), DTI_ERR_AUTH);
    assert_int_equal(auth_session_check(FIX_APP(f.s, NULL, t), "abc", NULL, NULL, &e), DTI_ERR_AUTH);
    fixture_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hash),
        cmocka_unit_test(test_bootstrap_and_users),
        cmocka_unit_test(test_lockout),
        cmocka_unit_test(test_sessions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
