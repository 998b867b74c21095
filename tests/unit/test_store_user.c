/* test_store_user.c — the users and audit repositories (store_user.c,
 * store_audit.c) and the one change mechanism (store_generation.c), on a
 * temporary SQLite file with two handles, as two server threads or two
 * processes hold it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "store/store.h"
#include "store/store_audit.h"
#include "store/store_generation.h"
#include "store/store_org.h"
#include "store/store_user.h"

static char dir[] = "/tmp/dti-test-store-user-XXXXXX";
static char path[256];

static uint64_t statements(store *s)
{
    store_stats x;
    store_stats_get(s, &x);
    return x.statements;
}

static void cleanup(void)
{
    char p[300];
    const char *suffix[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s%s", path, suffix[i]);
        unlink(p);
    }
    rmdir(dir);
}

static void test_users_and_sessions(void **state)
{
    (void)state;
    store *s = NULL, *other = NULL;
    dti_err e;
    int found = -1;
    int64_t id = 0, id2 = 0, n = 0, org = 0;
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/u.db", dir);
    assert_int_equal(store_open(path, &s, &e), DTI_OK);
    assert_int_equal(store_open(path, &other, &e), DTI_OK);

    assert_int_equal(store_org_create(s, 0, ORG_PROVINCE, "Tỉnh", "tinh", 0, &org, &e), DTI_OK);
    /* accounts: insert, read by name and id, a name taken, update, list */
    assert_int_equal(store_user_insert(s, "an", "An", "hash-1", "admin", 0, "2026-04-01T00:00:00Z", &id, &e), DTI_OK);
    assert_true(id > 0);
    assert_int_equal(store_user_insert(s, "an", "An 2", "hash-2", "viewer", 0, "2026-04-01T00:00:00Z", &id2, &e),
                     DTI_ERR_CONFLICT);
    assert_int_equal(store_user_insert(s, "binh", "Bình", "hash-2", "viewer", org, "2026-04-01T00:00:00Z", &id2, &e),
                     DTI_OK);
    store_user u;
    char hash[STORE_USER_HASH_MAX + 1];
    assert_int_equal(store_user_by_name(other, "an", &u, &found, &e), DTI_OK);
    assert_int_equal(found, 1);
    assert_int_equal(u.id, id);
    assert_string_equal(u.role, "admin");
    assert_int_equal(u.active, 1);
    assert_int_equal(u.org_id, 0);
    assert_string_equal(u.org_name, "");
    assert_int_equal(store_user_by_name(other, "nobody", &u, &found, &e), DTI_OK);
    assert_int_equal(found, 0);
    assert_int_equal(store_user_login(other, "binh", &u, hash, &found, &e), DTI_OK);
    assert_int_equal(found, 1);
    assert_string_equal(hash, "hash-2");
    assert_int_equal(store_user_update(s, id2, "Bình mới", "coordinator", org, 0, &e), DTI_OK);
    assert_int_equal(store_user_by_id(other, id2, &u, &found, &e), DTI_OK);
    assert_string_equal(u.display, "Bình mới");
    assert_string_equal(u.role, "coordinator");
    assert_int_equal(u.active, 0);
    assert_int_equal(u.org_id, org);
    assert_string_equal(u.org_name, "Tỉnh");
    store_user *list = NULL;
    size_t nlist = 0;
    assert_int_equal(store_user_list(other, &list, &nlist, &e), DTI_OK);
    assert_int_equal(nlist, 2);
    assert_string_equal(list[0].name, "an");
    assert_string_equal(list[1].name, "binh");
    free(list);
    assert_int_equal(store_user_count(other, &n, &e), DTI_OK);
    assert_int_equal(n, 2);

    /* login failures: put (insert, then replace), get, clear */
    store_login_failure f;
    assert_int_equal(store_login_failure_put(s, "an", 1, "2026-04-01T00:00:01Z", NULL, &e), DTI_OK);
    assert_int_equal(store_login_failure_put(s, "an", 2, "2026-04-01T00:00:02Z", "2026-04-01T00:15:02Z", &e),
                     DTI_OK);
    assert_int_equal(store_login_failure_get(other, "an", &f, &found, &e), DTI_OK);
    assert_int_equal(found, 1);
    assert_int_equal(f.count, 2);
    assert_string_equal(f.locked_until, "2026-04-01T00:15:02Z");
    assert_int_equal(store_login_failure_clear(s, "an", &e), DTI_OK);
    assert_int_equal(store_login_failure_get(other, "an", &f, &found, &e), DTI_OK);
    assert_int_equal(found, 0);

    /* sessions: the session, its user and the generation in one statement */
    store_session x;
    assert_int_equal(store_session_insert(s, "h1", id, "2026-04-01T00:00:00Z", "2026-04-01T12:00:00Z",
                                          "csrf-1", &e), DTI_OK);
    assert_int_equal(store_session_insert(s, "h2", id, "2026-04-01T00:00:00Z", "2026-04-01T12:00:00Z",
                                          "csrf-2", &e), DTI_OK);
    uint64_t before = statements(other);
    assert_int_equal(store_session_get(other, "h1", &x, &found, &e), DTI_OK);
    assert_int_equal(statements(other) - before, 1);
    assert_int_equal(found, 1);
    assert_int_equal(x.user_found, 1);
    assert_int_equal(x.user.id, id);
    assert_string_equal(x.csrf, "csrf-1");
    assert_string_equal(x.last_seen, "2026-04-01T00:00:00Z");
    assert_int_equal(x.gen_known, 1);
    assert_int_equal(strlen(x.gen.uid), 32);

    /* the generation: noted by the session read, then known without a
     * statement while nothing commits, through either handle */
    store_gen g, g2;
    assert_int_equal(store_generation_known(other, &g), 1);
    assert_int_equal(g.gen, x.gen.gen);
    assert_string_equal(g.uid, x.gen.uid);
    before = statements(s);
    assert_int_equal(store_generation(s, &g2, &found, &e), DTI_OK);
    assert_int_equal(statements(s) - before, 0);
    assert_int_equal(found, 1);
    assert_int_equal(g2.gen, g.gen);

    /* the touch of last_seen commits (the memo is dropped) but bumps nothing */
    assert_int_equal(store_session_touch(s, "h1", "2026-04-01T00:05:00Z", &e), DTI_OK);
    assert_int_equal(store_generation_known(other, &g2), 0);
    before = statements(other);
    assert_int_equal(store_generation(other, &g2, &found, &e), DTI_OK);
    assert_int_equal(statements(other) - before, 1);
    assert_int_equal(g2.gen, g.gen);
    assert_int_equal(store_generation_known(other, &g2), 1);

    /* ending a session bumps it (migration 010), as does a change of an
     * account (004); a new session does not */
    assert_int_equal(store_session_delete(s, "h2", &e), DTI_OK);
    assert_int_equal(store_generation(other, &g2, &found, &e), DTI_OK);
    assert_true(g2.gen > g.gen);
    g = g2;
    assert_int_equal(store_session_insert(s, "h3", id, "2026-04-01T00:00:00Z", "2026-04-01T12:00:00Z",
                                          "csrf-3", &e), DTI_OK);
    assert_int_equal(store_generation(other, &g2, &found, &e), DTI_OK);
    assert_int_equal(g2.gen, g.gen);
    assert_int_equal(store_user_set_active(s, id2, 1, &e), DTI_OK);
    assert_int_equal(store_generation(other, &g2, &found, &e), DTI_OK);
    assert_true(g2.gen > g.gen);
    g = g2;
    assert_int_equal(store_session_delete_user(s, id, "h1", &e), DTI_OK);     /* h3 goes, h1 stays */
    assert_int_equal(store_generation(other, &g2, &found, &e), DTI_OK);
    assert_true(g2.gen > g.gen);
    assert_int_equal(store_session_get(other, "h3", &x, &found, &e), DTI_OK);
    assert_int_equal(found, 0);
    assert_int_equal(store_session_get(other, "h1", &x, &found, &e), DTI_OK);
    assert_int_equal(found, 1);
    assert_string_equal(x.last_seen, "2026-04-01T00:05:00Z");
    /* inside a transaction nothing is known from memory */
    assert_int_equal(store_begin_read(other, &e), DTI_OK);
    assert_int_equal(store_generation_known(other, &g2), 0);
    assert_int_equal(store_commit(other, &e), DTI_OK);

    store_close(other);
    store_close(s);
    cleanup();
}

struct seen {
    int64_t seqs[8];
    int n;
    int nulls;
};

static int seen_fn(void *ctx, const store_audit_entry *x)
{
    struct seen *v = ctx;
    if (v->n < 8)
        v->seqs[v->n++] = x->seq;
    v->nulls += x->before == NULL;
    return 0;
}

static void test_audit_rows(void **state)
{
    (void)state;
    store *s = NULL;
    dti_err e;
    store_audit_state t;
    char *h = NULL;
    int64_t n = 0;
    int keyed = 0;
    assert_int_equal(store_open(":memory:", &s, &e), DTI_OK);
    assert_int_equal(store_audit_state_get(s, &t, &e), DTI_OK);
    assert_int_equal(t.have_head, 0);
    assert_int_equal(t.have_keying, 1);
    assert_string_equal(t.key_id, "");
    const char *z = "0000000000000000000000000000000000000000000000000000000000000000";
    store_audit_entry a = {1, "2026-04-01T00:00:00Z", 0, "system", "user.add", "user", "1", NULL, "{}", z, "h-1"};
    store_audit_entry b = {2, "2026-04-01T00:00:01Z", 1, "an", "report.save", "report", "7", "{}", "{\"x\":1}", "h-1",
                           "h-2"};
    assert_int_equal(store_begin(s, &e), DTI_OK);
    assert_int_equal(store_audit_append(s, &a, &e), DTI_OK);
    assert_int_equal(store_audit_append(s, &b, &e), DTI_OK);
    assert_int_equal(store_audit_key_id_set(s, "0123456789abcdef", &e), DTI_OK);
    assert_int_equal(store_commit(s, &e), DTI_OK);
    assert_int_equal(store_audit_state_get(s, &t, &e), DTI_OK);
    assert_int_equal(t.have_head, 1);
    assert_int_equal(t.head_seq, 2);
    assert_string_equal(t.head_hash, "h-2");
    assert_string_equal(t.key_id, "0123456789abcdef");
    assert_int_equal(store_audit_hash(s, 1, &h, &e), DTI_OK);
    assert_string_equal(h, "h-1");
    free(h);
    assert_int_equal(store_audit_hash(s, 9, &h, &e), DTI_OK);
    assert_null(h);
    assert_int_equal(store_audit_count_from(s, 2, &n, &e), DTI_OK);
    assert_int_equal(n, 1);
    struct seen v = {{0}, 0, 0};
    assert_int_equal(store_audit_walk(s, seen_fn, &v, &e), DTI_OK);
    assert_int_equal(v.n, 2);
    assert_int_equal(v.seqs[0], 1);
    assert_int_equal(v.nulls, 1);       /* entry 1's before is NULL, not "" */
    memset(&v, 0, sizeof v);
    assert_int_equal(store_audit_list(s, "report", NULL, 0, seen_fn, &v, &e), DTI_OK);
    assert_int_equal(v.n, 1);
    assert_int_equal(v.seqs[0], 2);
    memset(&v, 0, sizeof v);
    assert_int_equal(store_audit_list(s, NULL, NULL, 1, seen_fn, &v, &e), DTI_OK);
    assert_int_equal(v.n, 1);
    assert_int_equal(v.seqs[0], 2);     /* the newest LIMIT */
    memset(&v, 0, sizeof v);
    assert_int_equal(store_audit_after_images(s, "report", "7", seen_fn, &v, &e), DTI_OK);
    assert_int_equal(v.n, 1);
    int64_t gone = 0;
    int found = 0;
    assert_int_equal(store_audit_report_gone(s, &gone, &found, &e), DTI_OK);
    assert_int_equal(found, 1);         /* report 7 is in the log, not in reports */
    assert_int_equal(gone, 7);
    assert_int_equal(store_audit_schema_versions(s, &n, &e), DTI_OK);
    assert_true(n >= 10);
    assert_int_equal(store_audit_schema_keyed(s, &keyed, &e), DTI_OK);
    assert_int_equal(keyed, 1);
    store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_users_and_sessions),
        cmocka_unit_test(test_audit_rows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
