/* test_audit.c — the hash-chained audit log (app/audit.c): appending,
 * reading, and finding the entry altered or removed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include "app_fixture.h"
#include "app/audit.h"

/* A store whose log holds the 7 user.add entries of the fixture and 3 more. */
static void open_log(fixture *f)
{
    dti_err e;
    assert_int_equal(fixture_open(f, 1), 0);
    for (int i = 0; i < 3; i++) {
        json_t *b = json_pack("{s:i, s:s}", "n", i, "t", "trước");
        json_t *a = json_pack("{s:i, s:s}", "n", i + 1, "t", "sau");
        assert_int_equal(audit_append_id(f->s, &f->coord_a, FIX_NOW + i, "test.edit", "thing", 42 + i,
                                         b, a, &e), DTI_OK);
        json_decref(b);
        json_decref(a);
    }
}

static void expect(fixture *f, int ok, int64_t bad)
{
    audit_check c;
    dti_err e;
    assert_int_equal(audit_verify(f->s, &f->admin, &c, &e), DTI_OK);
    assert_int_equal(c.ok, ok);
    assert_int_equal(c.bad_seq, bad);
    if (!ok)
        assert_true(c.why[0] != 0);
}

static void run(fixture *f, const char *sql)
{
    dti_err e;
    assert_int_equal(store_exec(f->s, sql, NULL, 0, &e), DTI_OK);
}

static void test_chain_holds(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    audit_check c;
    open_log(&f);
    assert_int_equal(audit_verify(f.s, &f.admin, &c, &e), DTI_OK);
    assert_true(c.ok);
    assert_int_equal(c.entries, 10);
    /* each entry links to the one before; the first to 64 zeros */
    int64_t links = 0;
    assert_int_equal(store_query_int(f.s, "SELECT COUNT(*) FROM audit a JOIN audit b ON b.seq = a.seq + 1 "
                                          "WHERE b.prev_hash = a.hash", NULL, 0, &links, NULL, &e), DTI_OK);
    assert_int_equal(links, 9);
    /* no password hash reaches the log */
    int64_t leaks = 0;
    assert_int_equal(store_query_int(f.s, "SELECT COUNT(*) FROM audit WHERE after_json LIKE '%argon2%'",
                                     NULL, 0, &leaks, NULL, &e), DTI_OK);
    assert_int_equal(leaks, 0);
    /* a reporter or viewer may not read or verify it */
    assert_int_equal(audit_verify(f.s, &f.rep_a1, &c, &e), DTI_ERR_PERM);
    json_t *log = NULL;
    assert_int_equal(audit_log(f.s, &f.view_a, NULL, NULL, 0, &log, &e), DTI_ERR_PERM);
    /* the history of one entity */
    assert_int_equal(audit_log(f.s, &f.coord_a, "thing", "43", 0, &log, &e), DTI_OK);
    assert_int_equal(json_array_size(log), 1);
    json_t *x = json_array_get(log, 0);
    assert_string_equal(json_string_value(json_object_get(x, "user")), "coord_a");
    assert_string_equal(json_string_value(json_object_get(x, "action")), "test.edit");
    assert_int_equal(json_integer_value(json_object_get(json_object_get(x, "after"), "n")), 2);
    assert_string_equal(json_string_value(json_object_get(json_object_get(x, "before"), "t")), "trước");
    json_decref(log);
    assert_int_equal(audit_log(f.s, &f.admin, "user", NULL, 3, &log, &e), DTI_OK);
    assert_int_equal(json_array_size(log), 3);
    assert_int_equal(json_integer_value(json_object_get(json_array_get(log, 2), "seq")), 7);
    json_decref(log);
    fixture_close(&f);
}

static void test_altered_content(void **state)
{
    (void)state;
    fixture f;
    open_log(&f);
    run(&f, "UPDATE audit SET after_json = '{\"n\":99,\"t\":\"sau\"}' WHERE seq = 9");
    expect(&f, 0, 9);
    fixture_close(&f);
}

static void test_altered_who(void **state)
{
    (void)state;
    fixture f;
    open_log(&f);
    run(&f, "UPDATE audit SET user_name = 'mallory' WHERE seq = 3");
    expect(&f, 0, 3);
    fixture_close(&f);
}

static void test_altered_link(void **state)
{
    (void)state;
    fixture f;
    open_log(&f);
    run(&f, "UPDATE audit SET prev_hash = (SELECT hash FROM audit WHERE seq = 2) WHERE seq = 5");
    expect(&f, 0, 5);
    fixture_close(&f);
}

static void test_removed_middle_and_end(void **state)
{
    (void)state;
    fixture f;
    open_log(&f);
    run(&f, "DELETE FROM audit WHERE seq = 4");
    expect(&f, 0, 4);
    fixture_close(&f);
    open_log(&f);
    run(&f, "DELETE FROM audit WHERE seq = 10");
    expect(&f, 0, 10);
    fixture_close(&f);
    open_log(&f);
    run(&f, "DELETE FROM audit WHERE seq = 1");
    expect(&f, 0, 1);
    fixture_close(&f);
}

static void test_rewritten_with_hash(void **state)
{
    (void)state;
    /* Build the same log twice, but with a different action at entry 8 in
     * the second; entry 8 of the second is self-consistent. Transplanting
     * it into the first must be named at 8 (entry 9 no longer links). */
    fixture f, g;
    dti_err e;
    open_log(&f);
    assert_int_equal(fixture_open(&g, 1), 0);
    json_t *a = json_pack("{s:i}", "n", 7);
    assert_int_equal(audit_append_id(g.s, &g.coord_a, FIX_NOW, "test.forged", "thing", 42, NULL, a, &e),
                     DTI_OK);
    json_decref(a);
    char *at = NULL, *act = NULL, *after = NULL, *hash = NULL;
    assert_int_equal(store_query_text(g.s, "SELECT at FROM audit WHERE seq = 8", NULL, 0, &at, &e), 0);
    assert_int_equal(store_query_text(g.s, "SELECT action FROM audit WHERE seq = 8", NULL, 0, &act, &e), 0);
    assert_int_equal(store_query_text(g.s, "SELECT after_json FROM audit WHERE seq = 8", NULL, 0, &after,
                                      &e), 0);
    assert_int_equal(store_query_text(g.s, "SELECT hash FROM audit WHERE seq = 8", NULL, 0, &hash, &e), 0);
    /* entries 1..7 are alike in both stores (same users, ids and times; no
     * password hash is logged), so entry 8's prev_hash is the same */
    char *p1 = NULL, *p2 = NULL;
    assert_int_equal(store_query_text(f.s, "SELECT prev_hash FROM audit WHERE seq = 8", NULL, 0, &p1, &e), 0);
    assert_int_equal(store_query_text(g.s, "SELECT prev_hash FROM audit WHERE seq = 8", NULL, 0, &p2, &e), 0);
    assert_string_equal(p1, p2);
    store_val p[] = {SV_T(at), SV_T(act), SV_T(after), SV_T(hash)};
    assert_int_equal(store_exec(f.s, "UPDATE audit SET at = ?, action = ?, before_json = NULL, after_json = ?, "
                                     "hash = ? WHERE seq = 8", p, 4, &e), DTI_OK);
    expect(&f, 0, 8);
    free(at); free(act); free(after); free(hash); free(p1); free(p2);
    fixture_close(&f);
    fixture_close(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chain_holds),
        cmocka_unit_test(test_altered_content),
        cmocka_unit_test(test_altered_who),
        cmocka_unit_test(test_altered_link),
        cmocka_unit_test(test_removed_middle_and_end),
        cmocka_unit_test(test_rewritten_with_hash),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
