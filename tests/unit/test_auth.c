/* test_auth.c — users, password hashing, login throttling and sessions (app/auth.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include <sodium.h>
#include <unistd.h>
#include "app_fixture.h"
#include "app/auth/auth_int.h"
#include "store/store_user.h"

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

/* ---- logins verify the password outside the write (brief: fixes 1, 2) ---- */

/* A second handle on the fixture's database, and what the hook saw. */
static store *other;
static int hook_calls;
static dti_rc hook_write_rc;
static const char *hook_login_name, *hook_login_pw;
static dti_rc hook_login_rc;

/* Another writer, while a login verifies its password: before, the login
 * held the write lock then, and this waited for it (DTI_ERR_BUSY after the
 * busy timeout, since the holder is this very thread). */
static void hook_write(store *s)
{
    (void)s;
    dti_err e;
    hook_calls++;
    hook_write_rc = store_begin(other, &e);
    if (hook_write_rc == DTI_OK) {
        hook_write_rc = store_exec(other, "UPDATE orgs SET name = name WHERE id = 1", NULL, 0, &e);
        if (hook_write_rc == DTI_OK)
            hook_write_rc = store_commit(other, &e);
        else
            store_rollback(other);
    }
}

/* Another login on the same name, while the first verifies its password. */
static void hook_login(store *s)
{
    (void)s;
    dti_err e;
    hook_calls++;
    auth_login_verify_hook = NULL; /* once */
    hook_login_rc = auth_login(FIX_APP(other, NULL, FIX_NOW + 100), hook_login_name, hook_login_pw, NULL, &e);
}

static const char *two_handles(char dir[64], char db[128])
{
    if (test_db_pg())
        return test_db(":memory:");
    snprintf(dir, 64, "/tmp/test_auth_XXXXXX");
    if (!mkdtemp(dir))
        return NULL;
    snprintf(db, 128, "%s/a.db", dir);
    return db;
}

static void two_handles_end(fixture *f, const char *dir, const char *db)
{
    char side[256];
    store_close(other);
    other = NULL;
    fixture_close(f);
    auth_login_verify_hook = NULL;
    if (test_db_pg())
        return;
    unlink(db);
    snprintf(side, sizeof side, "%s-wal", db);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", db);
    unlink(side);
    rmdir(dir);
}

static int64_t failures_of(store *s, const char *name)
{
    int64_t n = 0;
    int found = 0;
    dti_err e;
    store_val p[] = {SV_T(name)};
    assert_int_equal(store_query_int(s, "SELECT count FROM login_failures WHERE name = ?", p, 1, &n, &found, &e),
                     DTI_OK);
    return found ? n : 0;
}

static void test_login_outside_write(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    auth_user u;
    char dir[64], path[128];
    char sid[AUTH_TOKEN_HEX], csrf[AUTH_TOKEN_HEX];
    const char *db = two_handles(dir, path);
    assert_non_null(db);
    assert_int_equal(fixture_open_at(&f, 1, db), 0);
    assert_int_equal(store_open(db, &other, &e), DTI_OK);
    /* a right and a wrong password: another writer commits meanwhile */
    hook_calls = 0;
    auth_login_verify_hook = hook_write;
    assert_int_equal(auth_login(FIX_APP(f.s, NULL, FIX_NOW), "rep_a1", FIX_PW, &u, &e), DTI_OK);
    assert_int_equal(hook_calls, 1);
    assert_int_equal(hook_write_rc, DTI_OK);
    assert_int_equal(auth_login(FIX_APP(f.s, NULL, FIX_NOW + 1), "rep_a1", "sai-mat-khau", NULL, &e), DTI_ERR_AUTH);
    assert_int_equal(hook_calls, 2);
    assert_int_equal(hook_write_rc, DTI_OK);
    assert_int_equal(failures_of(f.s, "rep_a1"), 1);
    /* the web's login opens its session in the same write */
    assert_int_equal(auth_login_session(FIX_APP(f.s, NULL, FIX_NOW + 2), "rep_a1", FIX_PW, &u, sid, csrf, &e),
                     DTI_OK);
    assert_int_equal(hook_write_rc, DTI_OK);
    assert_int_equal(failures_of(f.s, "rep_a1"), 0);
    auth_user back;
    assert_int_equal(auth_session_check(FIX_APP(f.s, NULL, FIX_NOW + 3), sid, &back, NULL, &e), DTI_OK);
    assert_string_equal(back.name, "rep_a1");
    auth_login_verify_hook = NULL;

    /* two concurrent wrong attempts on one name both count */
    hook_login_name = "rep_a2";
    hook_login_pw = "sai-mat-khau-2";
    hook_calls = 0;
    auth_login_verify_hook = hook_login;
    assert_int_equal(auth_login(FIX_APP(f.s, NULL, FIX_NOW + 100), "rep_a2", "sai-mat-khau", NULL, &e), DTI_ERR_AUTH);
    assert_int_equal(hook_calls, 1);
    assert_int_equal(hook_login_rc, DTI_ERR_AUTH);
    assert_int_equal(failures_of(f.s, "rep_a2"), 2);

    /* at AUTH_FAIL_FREE - 1 failures, two at once: the one that records
     * its failure first wins; the other, slowed by that failure, is refused
     * as too early and not counted, right password or not */
    assert_int_equal(AUTH_FAIL_FREE, 3);
    hook_calls = 0;
    auth_login_verify_hook = hook_login;
    assert_int_equal(auth_login(FIX_APP(f.s, NULL, FIX_NOW + 100), "rep_a2", FIX_PW, NULL, &e), DTI_ERR_AUTH);
    assert_int_equal(hook_calls, 1);
    assert_int_equal(hook_login_rc, DTI_ERR_AUTH);
    assert_non_null(strstr(e.msg, "chờ 2 giây"));
    assert_int_equal(failures_of(f.s, "rep_a2"), 3);
    two_handles_end(&f, dir, db);
}

/* Hashes made with other parameters are made again on a right login. */
static void test_rehash(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    auth_user u;
    char old[crypto_pwhash_STRBYTES], *h = NULL;
    assert_int_equal(fixture_open(&f, 1), 0);
    /* libsodium's INTERACTIVE parameters, this program's until issue 12 */
    assert_int_equal(crypto_pwhash_str(old, FIX_PW, strlen(FIX_PW), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                       crypto_pwhash_MEMLIMIT_INTERACTIVE), 0);
    assert_int_equal(store_user_set_password(f.s, f.rep_a1.id, old, &e), DTI_OK);
    /* a wrong password changes nothing */
    assert_int_equal(auth_login(FIX_APP(f.s, NULL, FIX_NOW), "rep_a1", "sai-mat-khau", NULL, &e), DTI_ERR_AUTH);
    store_val p[] = {SV_I(f.rep_a1.id)};
    assert_int_equal(store_query_text(f.s, "SELECT pw_hash FROM users WHERE id = ?", p, 1, &h, &e), DTI_OK);
    assert_string_equal(h, old);
    free(h);
    h = NULL;
    /* the right one: hashed again with 32 MiB x 4, audited as such */
    assert_int_equal(auth_login(FIX_APP(f.s, NULL, FIX_NOW + 1), "rep_a1", FIX_PW, &u, &e), DTI_OK);
    assert_int_equal(store_query_text(f.s, "SELECT pw_hash FROM users WHERE id = ?", p, 1, &h, &e), DTI_OK);
    assert_string_not_equal(h, old);
    assert_non_null(strstr(h, "$m=32768,t=4,p=1$"));
    assert_int_equal(crypto_pwhash_str_needs_rehash(h, 4, (size_t)32 << 20), 0);
    assert_true(auth_password_check(h, FIX_PW));
    free(h);
    h = NULL;
    char idt[24];
    snprintf(idt, sizeof idt, "%lld", (long long)f.rep_a1.id);
    store_val pt[] = {{SV_TEXT, 0, 0, idt, strlen(idt)}};
    assert_int_equal(store_query_text(f.s, "SELECT before_json || ' ' || after_json FROM audit "
                                           "WHERE action = 'user.rehash' AND entity_id = ?", pt, 1, &h, &e),
                     DTI_OK);
    assert_non_null(strstr(h, "m=65536,t=2,p=1"));
    assert_non_null(strstr(h, "m=32768,t=4,p=1"));
    assert_null(strstr(h, "argon2id$v="));
    free(h);
    h = NULL;
    /* the next login finds nothing to do */
    assert_int_equal(auth_login(FIX_APP(f.s, NULL, FIX_NOW + 2), "rep_a1", FIX_PW, &u, &e), DTI_OK);
    int64_t n = 0;
    assert_int_equal(store_query_int(f.s, "SELECT count(*) FROM audit WHERE action = 'user.rehash'", NULL, 0,
                                     &n, NULL, &e), DTI_OK);
    assert_int_equal(n, 1);
    fixture_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hash),
        cmocka_unit_test(test_bootstrap_and_users),
        cmocka_unit_test(test_lockout),
        cmocka_unit_test(test_sessions),
        cmocka_unit_test(test_login_outside_write),
        cmocka_unit_test(test_rehash),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
