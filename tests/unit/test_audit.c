/* test_audit.c — the hash-chained audit log (app/audit.c): appending,
 * reading, and finding the entry altered or removed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <cmocka.h>
#include "app_fixture.h"
#include "app/audit/audit.h"
#include "app/report/report.h"
#include "base/file.h"

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
    assert_int_equal(audit_log(FIX_APP(f.s, &f.view_a, FIX_NOW), NULL, NULL, 0, &log, &e), DTI_ERR_PERM);
    /* the history of one entity */
    assert_int_equal(audit_log(FIX_APP(f.s, &f.coord_a, FIX_NOW), "thing", "43", 0, &log, &e), DTI_OK);
    assert_int_equal(json_array_size(log), 1);
    json_t *x = json_array_get(log, 0);
    assert_string_equal(json_string_value(json_object_get(x, "user")), "coord_a");
    assert_string_equal(json_string_value(json_object_get(x, "action")), "test.edit");
    assert_int_equal(json_integer_value(json_object_get(json_object_get(x, "after"), "n")), 2);
    assert_string_equal(json_string_value(json_object_get(json_object_get(x, "before"), "t")), "trước");
    json_decref(log);
    assert_int_equal(audit_log(FIX_APP(f.s, &f.admin, FIX_NOW), "user", NULL, 3, &log, &e), DTI_OK);
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
    /* two private stores share the process's key in memory; two
     * PostgreSQL databases have a key file each: give them one */
    char key[64];
    snprintf(key, sizeof key, "/tmp/dti-test-audit-key-%ld", (long)getpid());
    if (test_db_pg())
        setenv("DTI_AUDIT_KEY", key, 1);
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
    unsetenv("DTI_AUDIT_KEY");
    unlink(key);
    free(at); free(act); free(after); free(hash); free(p1); free(p2);
    fixture_close(&f);
    fixture_close(&g);
}

/* Keyed: the log rewritten with plain SHA-256 hashes (what it held before
 * the key, recomputed by anyone) holds only while the switch point says the
 * entries are pre-key ones; with the key in force from entry 1 it fails at 1. */
/* The canonical JSON of an audit row (audit.h): its fields by name, keys
 * sorted, compact, UTF-8 as is (jansson, as app/audit writes it). */
static int canon_row(void *ctx, const store_row *r)
{
    static const char *const keys[] = {"action", "after", "at", "before", "entity", "entity_id", "seq", "user",
                                       "user_id"};
    json_t *o = json_object();
    for (size_t i = 0; i < 9 && o; i++) {
        const store_val *v = &r->v[i];
        json_t *x = v->t == SV_INT ? json_integer(v->i) : v->t == SV_TEXT ? json_stringn(v->s, v->n) : json_null();
        json_object_set_new(o, keys[i], x);
    }
    *(char **)ctx = o ? json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    json_decref(o);
    return 1;
}

static void test_plain_hash_rejected(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    audit_check c;
    open_log(&f);
    int64_t from = 0;
    assert_int_equal(store_query_int(f.s, "SELECT from_seq FROM audit_keying", NULL, 0, &from, NULL, &e), DTI_OK);
    assert_int_equal(from, 1);
    char prev[65] = "0000000000000000000000000000000000000000000000000000000000000000";
    for (int64_t seq = 1; seq <= 10; seq++) {
        char *canon = NULL, hex[65];
        store_val q[] = {SV_I(seq)};
        /* the entry's canonical JSON (audit.h), built here from its columns */
        assert_int_equal(store_query(f.s, "SELECT action, after_json, at, before_json, entity, entity_id, seq, "
                                          "user_name, user_id FROM audit WHERE seq = ?", q, 1, canon_row, &canon, &e), 0);
        assert_non_null(canon);
        size_t a = strlen(prev), b = strlen(canon);
        char *m = malloc(a + b + 1);
        assert_non_null(m);
        memcpy(m, prev, a);
        memcpy(m + a, canon, b + 1);
        file_sha256_hex(m, a + b, hex);
        const char *pv = prev, *hx = hex;
        store_val p[] = {SV_T(pv), SV_T(hx), SV_I(seq)};
        assert_int_equal(store_exec(f.s, "UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", p, 3, &e), DTI_OK);
        memcpy(prev, hex, sizeof prev);
        free(m);
        free(canon);
    }
    const char *last = prev;
    store_val h[] = {SV_T(last)};
    assert_int_equal(store_exec(f.s, "UPDATE audit_head SET hash = ?", h, 1, &e), DTI_OK);
    run(&f, "UPDATE audit_keying SET from_seq = 11");
    assert_int_equal(audit_verify(f.s, &f.admin, &c, &e), DTI_OK);
    if (test_db_pg()) {
        /* a PostgreSQL store has its anchor log (store_side_path), as an
         * SQLite file has: the switch point written there at the key's
         * first use gives the moved one away */
        assert_false(c.ok);
    } else {
        assert_true(c.ok);
        assert_int_equal(c.keyed_from, 11);
    }
    run(&f, "UPDATE audit_keying SET from_seq = 1");
    expect(&f, 0, 1);
    fixture_close(&f);
}

/* A report's figures and state against the after-images of the log. */
static void test_reports_against_log(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    audit_check c;
    report_fill_result r;
    assert_int_equal(fixture_open(&f, 1), 0);
    report_key k = {f.plan, f.A1, "2026-03"};
    const char csv[] = "code,numerator,denominator,value\nI1,30,40,75\n";
    assert_int_equal(report_fill_csv_as(f.s, &f.rep_a1, &k, csv, strlen(csv), FIX_NOW, &r, &e), DTI_OK);
    assert_int_equal(audit_verify(f.s, &f.admin, &c, &e), DTI_OK);
    assert_true(c.ok);
    assert_int_equal(c.reports, 1);
    run(&f, "UPDATE report_values SET value = 95");
    assert_int_equal(audit_verify(f.s, &f.admin, &c, &e), DTI_OK);
    assert_false(c.ok);
    assert_non_null(strstr(c.why, "values[I1].value"));
    run(&f, "UPDATE report_values SET value = 75");
    assert_int_equal(audit_verify(f.s, &f.admin, &c, &e), DTI_OK);
    assert_true(c.ok);
    run(&f, "UPDATE reports SET state = 'approved'");
    assert_int_equal(audit_verify(f.s, &f.admin, &c, &e), DTI_OK);
    assert_false(c.ok);
    assert_non_null(strstr(c.why, "state"));
    run(&f, "UPDATE reports SET state = 'draft'");
    run(&f, "INSERT INTO report_values (report_id, indicator_id, value) SELECT id, "
            "(SELECT id FROM indicators WHERE code = 'I2'), 9 FROM reports");
    assert_int_equal(audit_verify(f.s, &f.admin, &c, &e), DTI_OK);
    assert_false(c.ok);
    run(&f, "DELETE FROM report_values WHERE value = 9");
    /* a report written without the log */
    run(&f, "INSERT INTO reports (plan_id, org_id, period, created_at, created_by, updated_at) "
            "SELECT plan_id, org_id, '2026-04', created_at, created_by, updated_at FROM reports");
    assert_int_equal(audit_verify(f.s, &f.admin, &c, &e), DTI_OK);
    assert_false(c.ok);
    assert_non_null(strstr(c.why, "2026-04"));
    fixture_close(&f);
}

static void test_heads(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    audit_check c;
    audit_mark m;
    char txt[AUDIT_HEAD_TEXT], bad[AUDIT_HEAD_TEXT];
    open_log(&f);
    assert_int_equal(audit_anchor(f.s, "head", FIX_NOW, &m, &e), DTI_OK);
    assert_int_equal(m.seq, 10);
    assert_true(m.keyed);
    audit_head_text(&m, txt);
    assert_int_equal(strlen(txt), 3 + AUDIT_HEAD_HEX);
    const char *heads[] = {txt};
    assert_int_equal(audit_verify_heads(FIX_APP(f.s, &f.admin, FIX_NOW), heads, 1, &c, &e), DTI_OK);
    assert_true(c.ok);
    assert_int_equal(c.heads, 1);
    snprintf(bad, sizeof bad, "10-%s", m.hash[0] == 'a' ? "bbbbbbbb" : "aaaaaaaa");
    heads[0] = bad;
    assert_int_equal(audit_verify_heads(FIX_APP(f.s, &f.admin, FIX_NOW), heads, 1, &c, &e), DTI_OK);
    assert_false(c.ok);
    assert_int_equal(c.bad_seq, 10);
    heads[0] = "11-0123456789abcdef";
    assert_int_equal(audit_verify_heads(FIX_APP(f.s, &f.admin, FIX_NOW), heads, 1, &c, &e), DTI_OK);
    assert_false(c.ok);
    static const char *const malformed[] = {"10", "10-abc", "-1-0123456789", "x-0123456789", "10-0123456789g"};
    for (size_t i = 0; i < sizeof malformed / sizeof malformed[0]; i++) {
        heads[0] = malformed[i];
        assert_int_equal(audit_verify_heads(FIX_APP(f.s, &f.admin, FIX_NOW), heads, 1, &c, &e), DTI_ERR_INPUT);
    }
    fixture_close(&f);
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
        cmocka_unit_test(test_plain_hash_rejected),
        cmocka_unit_test(test_reports_against_log),
        cmocka_unit_test(test_heads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
