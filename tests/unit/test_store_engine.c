/* test_store_engine.c — the store's contract (store.h) that every engine
 * keeps, run on the engine test_db() gives: a temporary SQLite file under
 * `make test`, a new PostgreSQL database under `make test-pg`. (test_store.c
 * holds what only SQLite has: PRAGMAs, the WAL, the file.) */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>
#include "base/embed.h"
#include "store/store.h"
#include "store/store_generation.h"
#include "store/store_pg.h"
#include "test_db.h"

static char dir[] = "/tmp/dti-test-engine-XXXXXX";
static char url[600];

static int setup(void **state)
{
    (void)state;
    static int n;
    char path[300];
    if (n++ == 0 && !mkdtemp(dir))
        return -1;
    snprintf(path, sizeof path, "%s/e%d.db", dir, n);
    snprintf(url, sizeof url, "%s", test_db(path));
    return 0;
}

static store *open_db(void)
{
    store *s = NULL;
    dti_err e;
    if (store_open(url, &s, &e))
        fail_msg("store_open %s: %s", url, e.msg);
    return s;
}

static int64_t count(store *s, const char *sql)
{
    int64_t n = -1;
    dti_err e;
    if (store_query_int(s, sql, NULL, 0, &n, NULL, &e))
        fail_msg("%s: %s", sql, e.msg);
    return n;
}

static const char *INS = "INSERT INTO orgs (kind, name, folded, valid_from, created_at) "
                         "VALUES ('province', ?, ?, 'd', 't') RETURNING id";

static int64_t add_org(store *s, const char *name)
{
    int64_t id = 0;
    dti_err e;
    if (store_query_int(s, INS, (store_val[]){SV_T(name), SV_T(name)}, 2, &id, NULL, &e))
        fail_msg("insert %s: %s", name, e.msg);
    return id;
}

/* Every migration of the engine is applied once and recorded. */
static void test_migrations(void **state)
{
    (void)state;
    store *s = open_db();
    char prefix[32];
    int64_t files = 0;
    snprintf(prefix, sizeof prefix, "sql/%s/", store_engine(s));
    for (const struct embed_file *f = embed_files; f->path; f++)
        files += strncmp(f->path, prefix, strlen(prefix)) == 0;
    assert_true(files >= 9);
    assert_int_equal(count(s, "SELECT COUNT(*) FROM schema_version"), files);
    store_close(s);
    s = open_db();      /* again: nothing applied twice */
    assert_int_equal(count(s, "SELECT COUNT(*) FROM schema_version"), files);
    assert_string_equal(store_engine(s), test_db_pg() ? "postgres" : "sqlite");
    store_close(s);
}

struct vals { int n; store_val v[8]; char text[64]; char blob[16]; size_t blen; };

static int keep_row(void *ctx, const store_row *row)
{
    struct vals *x = ctx;
    x->n = (int)row->n;
    for (size_t i = 0; i < row->n && i < 8; i++) {
        x->v[i] = row->v[i];
        if (row->v[i].t == SV_TEXT)
            snprintf(x->text, sizeof x->text, "%s", row->v[i].s);
        if (row->v[i].t == SV_BLOB && row->v[i].n <= sizeof x->blob) {
            memcpy(x->blob, row->v[i].s, row->v[i].n);
            x->blen = row->v[i].n;
        }
    }
    return 1;
}

/* Values go in and come back with their types; `?` inside a literal is
 * text; `?N` reuses a parameter; RETURNING id gives the new id. */
static void test_values(void **state)
{
    (void)state;
    store *s = open_db();
    dti_err e;
    const char blob[] = {'a', 0, 'b', (char)0xff};
    int64_t a = add_org(s, "A?'b"), b = add_org(s, "B");
    assert_true(a > 0 && b > a);
    int64_t doc = 0;
    assert_int_equal(store_query_int(s, "INSERT INTO documents (sha256, name, size, media_type, bytes, created_at) "
                                        "VALUES (?, 'x?.md', ?, 'text/plain', ?, 't') RETURNING id",
                                     (store_val[]){SV_T("h1"), SV_I(4), SV_B(blob, 4)}, 3, &doc, NULL, &e), DTI_OK);
    struct vals x;
    memset(&x, 0, sizeof x);
    assert_int_equal(store_query(s, "SELECT bytes, size, name, NULL FROM documents WHERE id = ?",
                                 (store_val[]){SV_I(doc)}, 1, keep_row, &x, &e), DTI_OK);
    assert_int_equal(x.n, 4);
    assert_int_equal(x.v[0].t, SV_BLOB);
    assert_int_equal(x.blen, 4);
    assert_memory_equal(x.blob, blob, 4);
    assert_int_equal(x.v[1].t, SV_INT);
    assert_int_equal(x.v[1].i, 4);
    assert_int_equal(x.v[2].t, SV_TEXT);
    assert_string_equal(x.text, "x?.md");
    assert_int_equal(x.v[3].t, SV_NULL);
    /* a real, an integer compared with a text parameter's number, ?N twice */
    memset(&x, 0, sizeof x);
    assert_int_equal(store_query(s, "SELECT COUNT(*) FROM orgs WHERE (name = ?1 OR folded = ?1) AND id <> ?2",
                                 (store_val[]){SV_T("A?'b"), SV_I(b)}, 2, keep_row, &x, &e), DTI_OK);
    assert_int_equal(x.v[0].i, 1);
    int64_t id = 0;
    assert_int_equal(store_query_int(s, "SELECT id FROM orgs WHERE name = 'A?''b' AND ? IS NULL",
                                     (store_val[]){SV_NUL()}, 1, &id, NULL, &e), DTI_OK);
    assert_int_equal(id, a);
    int64_t ch = -1;
    assert_int_equal(store_exec_changes(s, "UPDATE orgs SET valid_to = ? WHERE kind = 'province'",
                                        (store_val[]){SV_T("2026-01-01")}, 1, &ch, &e), DTI_OK);
    assert_int_equal(ch, 2);
    /* a constraint: CONFLICT, nothing changed */
    assert_int_equal(store_exec(s, "INSERT INTO documents (sha256, name, size, media_type, bytes, created_at) "
                                   "VALUES ('h1', 'y', 1, 'text/plain', ?, 't')",
                                (store_val[]){SV_B("z", 1)}, 1, &e), DTI_ERR_CONFLICT);
    assert_int_equal(count(s, "SELECT COUNT(*) FROM documents"), 1);
    /* a wrong parameter count is a bug, said so */
    assert_int_equal(store_exec(s, "SELECT ?", NULL, 0, &e), DTI_ERR_INTERNAL);
    store_close(s);
}

/* Nested transactions: only the outermost commit commits; a rollback at
 * any depth rolls everything back; a failed statement inside a transaction
 * leaves nothing once rolled back. */
static void test_transactions(void **state)
{
    (void)state;
    store *s = open_db();
    dti_err e;
    assert_int_equal(store_begin(s, &e), DTI_OK);
    add_org(s, "T1");
    assert_int_equal(store_begin(s, &e), DTI_OK);
    add_org(s, "T2");
    assert_int_equal(store_commit(s, &e), DTI_OK);
    assert_int_equal(store_commit(s, &e), DTI_OK);
    assert_int_equal(count(s, "SELECT COUNT(*) FROM orgs"), 2);
    assert_int_equal(store_begin(s, &e), DTI_OK);
    add_org(s, "T3");
    assert_int_equal(store_begin(s, &e), DTI_OK);
    store_rollback(s);
    assert_int_equal(store_exec(s, "DELETE FROM orgs", NULL, 0, &e), DTI_ERR_STORE);
    assert_int_equal(store_commit(s, &e), DTI_ERR_STORE);
    assert_int_equal(count(s, "SELECT COUNT(*) FROM orgs"), 2);
    /* a statement that fails inside: the transaction is rolled back whole */
    assert_int_equal(store_begin(s, &e), DTI_OK);
    add_org(s, "T4");
    assert_int_equal(store_query_int(s, INS, (store_val[]){SV_T("T4"), SV_T("T4")}, 2, &(int64_t){0}, NULL, &e),
                     DTI_ERR_CONFLICT);
    store_rollback(s);
    assert_int_equal(count(s, "SELECT COUNT(*) FROM orgs"), 2);
    store_close(s);
}

struct writer { const char *url; volatile int done; dti_rc rc; };

static void *second_writer(void *arg)
{
    struct writer *w = arg;
    store *s = NULL;
    dti_err e;
    w->rc = store_open(w->url, &s, &e);
    if (!w->rc && !(w->rc = store_begin(s, &e))) {
        int64_t id = 0;
        w->rc = store_query_int(s, INS, (store_val[]){SV_T("W2"), SV_T("W2")}, 2, &id, NULL, &e);
        w->rc = w->rc ? (store_rollback(s), w->rc) : store_commit(s, &e);
    }
    store_close(s);
    __atomic_store_n(&w->done, 1, __ATOMIC_SEQ_CST);
    return NULL;
}

/* One writer at a time on a database, whatever the handle: a second
 * handle's store_begin() waits for the first one's commit (SQLite: BEGIN
 * IMMEDIATE and the writer queue; PostgreSQL: the advisory lock), and then
 * sees what it committed. A read transaction reads one snapshot. */
static void test_single_writer_and_snapshots(void **state)
{
    (void)state;
    store *a = open_db(), *r = open_db();
    dti_err e;
    struct writer w = {url, 0, DTI_OK};
    pthread_t t;
    assert_int_equal(store_begin(a, &e), DTI_OK);
    add_org(a, "W1");
    assert_int_equal(pthread_create(&t, NULL, second_writer, &w), 0);
    struct timespec ms300 = {0, 300000000L};
    nanosleep(&ms300, NULL);
    assert_int_equal(__atomic_load_n(&w.done, __ATOMIC_SEQ_CST), 0);    /* still waiting */
    /* the reader's snapshot holds through a commit */
    assert_int_equal(store_begin_read(r, &e), DTI_OK);
    assert_int_equal(count(r, "SELECT COUNT(*) FROM orgs"), 0);
    assert_int_equal(store_commit(a, &e), DTI_OK);
    pthread_join(t, NULL);
    assert_int_equal(w.rc, DTI_OK);
    assert_int_equal(count(r, "SELECT COUNT(*) FROM orgs"), 0);
    assert_int_equal(store_commit(r, &e), DTI_OK);
    assert_int_equal(count(r, "SELECT COUNT(*) FROM orgs"), 2);
    /* a write inside a read transaction is refused */
    assert_int_equal(store_begin_read(r, &e), DTI_OK);
    assert_int_equal(store_begin(r, &e), DTI_ERR_INTERNAL);
    store_rollback(r);
    store_close(a);
    store_close(r);
}

/* score_generation (the "has anything changed" row every process reads):
 * a write to a table the figures read bumps it, in the same transaction;
 * a session does not. */
static void test_generation(void **state)
{
    (void)state;
    store *s = open_db();
    dti_err e;
    int64_t g0 = count(s, "SELECT gen FROM score_generation WHERE id = 1");
    add_org(s, "G");
    int64_t g1 = count(s, "SELECT gen FROM score_generation WHERE id = 1");
    assert_true(g1 > g0);
    assert_int_equal(store_exec(s, "INSERT INTO users (name, pw_hash, role, created_at) VALUES ('u', 'x', 'admin', 't')",
                                NULL, 0, &e), DTI_OK);
    int64_t g2 = count(s, "SELECT gen FROM score_generation WHERE id = 1");
    assert_true(g2 > g1);
    assert_int_equal(store_exec(s, "INSERT INTO sessions (id_hash, user_id, created_at, last_seen, expires_at, csrf) "
                                   "VALUES ('h', (SELECT id FROM users WHERE name = 'u'), 't', 't', 't', 'c')",
                                NULL, 0, &e), DTI_OK);
    assert_int_equal(count(s, "SELECT gen FROM score_generation WHERE id = 1"), g2);
    char *uid = NULL;
    assert_int_equal(store_query_text(s, "SELECT uid FROM score_generation WHERE id = 1", NULL, 0, &uid, &e), DTI_OK);
    assert_non_null(uid);
    assert_int_equal(strlen(uid), 32);
    free(uid);
    store_close(s);
}

/* store_data_version on every engine (store.h's contract): unmoved by
 * reads, none inside a transaction, moved at once by this process's own
 * commits (through any of its handles), and by another process's commit
 * when it is known (PostgreSQL: when its notification arrived, which the
 * test waits for, up to 10 s; store_pg_notify.c). On PostgreSQL "another
 * process" is a handle opened with another URL of the same database: it has
 * a listener of its own, as another process would. And a lost listening
 * connection gives no version, then a new one, never an old one. */
static int version_wait(store *s, unsigned char out[STORE_VERSION_LEN], const unsigned char *unlike)
{
    for (int i = 0; i < 1000; i++) {
        if (store_data_version(s, out) && (!unlike || memcmp(out, unlike, STORE_VERSION_LEN) != 0))
            return 1;
        usleep(10000);
    }
    return 0;
}

static void test_data_version(void **state)
{
    (void)state;
    store *a = open_db(), *b = open_db(), *c = NULL;
    dti_err e;
    char other[700];
    unsigned char v0[STORE_VERSION_LEN], v1[STORE_VERSION_LEN], w[STORE_VERSION_LEN];
    snprintf(other, sizeof other, "%s%s", url, test_db_pg() ? "?application_name=other" : "");
    assert_int_equal(store_open(other, &c, &e), DTI_OK);
    assert_true(version_wait(a, v0, NULL));
    assert_true(version_wait(c, w, NULL));
    /* reads move nothing */
    assert_int_equal(count(b, "SELECT COUNT(*) FROM orgs"), 0);
    assert_int_equal(store_data_version(b, v1), 1);
    assert_memory_equal(v0, v1, STORE_VERSION_LEN);
    /* none inside a transaction */
    assert_int_equal(store_begin_read(a, &e), DTI_OK);
    assert_int_equal(store_data_version(a, w), 0);
    assert_int_equal(store_commit(a, &e), DTI_OK);
    assert_int_equal(store_data_version(a, v1), 1);
    assert_memory_equal(v0, v1, STORE_VERSION_LEN);
    /* this process's commit, in a transaction or by itself: moved at once,
     * for every handle of the process */
    assert_int_equal(store_begin(b, &e), DTI_OK);
    add_org(b, "V1");
    assert_int_equal(store_commit(b, &e), DTI_OK);
    assert_int_equal(store_data_version(a, v1), 1);
    assert_memory_not_equal(v0, v1, STORE_VERSION_LEN);
    assert_int_equal(store_data_version(b, w), 1);
    assert_memory_equal(v1, w, STORE_VERSION_LEN);
    add_org(a, "V2");
    assert_int_equal(store_data_version(b, w), 1);
    assert_memory_not_equal(v1, w, STORE_VERSION_LEN);
    /* the generation read once is answered from memory until a commit (on
     * PostgreSQL the notifications of the commits above may still arrive
     * and move the version: read again until they have) */
    store_gen g0, g1;
    int found = 0, known = 0;
    for (int i = 0; i < 500 && !known; i++) {
        assert_int_equal(store_generation(a, &g0, &found, &e), DTI_OK);
        assert_int_equal(found, 1);
        usleep(i ? 20000 : 0);
        known = store_generation_known(a, &g1);
    }
    assert_int_equal(known, 1);
    assert_true(g1.gen == g0.gen);
    /* another process commits: the version moves (once notified) */
    assert_int_equal(store_data_version(a, v0), 1);
    add_org(c, "V3");
    assert_true(version_wait(a, v1, v0));
    assert_int_equal(store_generation_known(a, &g1), 0);
    assert_int_equal(store_generation(a, &g1, &found, &e), DTI_OK);
    assert_true(g1.gen > g0.gen);
    if (test_db_pg()) {
        /* the listening connection ends: no version until listening again,
         * then one unlike any before (what was missed cannot be told) */
        store_gen g2;
        assert_int_equal(store_data_version(a, v0), 1);
        assert_true(count(b, "SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                             "WHERE datname = current_database() AND application_name = 'dti-listen') t") >= 1);
        assert_true(version_wait(a, v1, v0));
        assert_int_equal(store_generation_known(a, &g2), 0);
        /* and it listens again: another process's commit is seen */
        assert_int_equal(store_generation(a, &g2, &found, &e), DTI_OK);
        assert_int_equal(store_data_version(a, v0), 1);
        add_org(c, "V4");
        assert_true(version_wait(a, v1, v0));
    }
    store_close(c);
    store_close(b);
    store_close(a);
}

/* A backup holds what was committed before it and is written whole; it
 * opens as a database of its own (SQLite: the file; PostgreSQL: the dump
 * restored into a new database, put in the place of the old one only while
 * nobody is connected, the old one kept). */
static void test_backup_restore(void **state)
{
    (void)state;
    store *s = open_db(), *b = NULL;
    dti_err e;
    char dest[400], *loaded = NULL;
    add_org(s, "B1");
    add_org(s, "B2");
    snprintf(dest, sizeof dest, "%s/backup-%ld", dir, (long)getpid());
    assert_int_equal(store_backup(s, dest, &e), DTI_OK);
    add_org(s, "after");
    if (!test_db_pg()) {
        assert_int_equal(store_open(dest, &b, &e), DTI_OK);
        assert_int_equal(count(b, "SELECT COUNT(*) FROM orgs"), 2);
        store_close(b);
        store_close(s);
        return;
    }
    /* not a dump: refused, nothing made */
    assert_int_equal(store_pg_load(url, "/etc/hostname", "x1", &loaded, &e), DTI_ERR_INPUT);
    assert_null(loaded);
    assert_int_equal(store_pg_load(url, dest, "t1", &loaded, &e), DTI_OK);
    assert_int_equal(store_open(loaded, &b, &e), DTI_OK);
    assert_int_equal(count(b, "SELECT COUNT(*) FROM orgs"), 2);
    assert_int_equal(count(b, "SELECT gen FROM score_generation"), count(s, "SELECT gen FROM score_generation") - 1);
    store_close(b);
    /* S is connected: in use, and the swap is refused, nothing changed */
    char kept[256], kname[80];
    snprintf(kname, sizeof kname, "kept_%ld", (long)getpid());
    assert_int_equal(store_pg_in_use(url, &e), DTI_ERR_CONFLICT);
    assert_int_equal(store_pg_swap(url, loaded, kname, kept, &e), DTI_ERR_STORE);
    assert_string_equal(kept, "");
    store_close(s);
    assert_int_equal(store_pg_in_use(url, &e), DTI_OK);
    assert_int_equal(store_pg_swap(url, loaded, kname, kept, &e), DTI_OK);
    assert_string_equal(kept, kname);
    s = open_db();
    assert_int_equal(count(s, "SELECT COUNT(*) FROM orgs"), 2);
    store_close(s);
    free(loaded);
}

/* store_stop_waits() (a stopping `dti serve`) ends the waits for the
 * writer lock already under way, not only later ones: a second handle
 * waiting for the first one's write transaction gets DTI_ERR_BUSY at once,
 * not after the 5 s lock timeout (on PostgreSQL it waits in the server's
 * lock queue: store_pg.c cancels it). Nothing of it is written. Runs last:
 * the stop cannot be undone in this process. */
static void test_stop_ends_waits(void **state)
{
    (void)state;
    store *a = open_db();
    dti_err e;
    struct writer w = {url, 0, DTI_OK};
    pthread_t t;
    struct timespec ms300 = {0, 300000000L}, t0, t1;
    assert_int_equal(store_begin(a, &e), DTI_OK);
    add_org(a, "S1");
    assert_int_equal(pthread_create(&t, NULL, second_writer, &w), 0);
    nanosleep(&ms300, NULL);
    assert_int_equal(__atomic_load_n(&w.done, __ATOMIC_SEQ_CST), 0);    /* waiting */
    clock_gettime(CLOCK_MONOTONIC, &t0);
    store_stop_waits();
    pthread_join(t, NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    assert_int_equal(w.rc, DTI_ERR_BUSY);
    /* far from the 5 s timeout (a few ms when all is well; 3 s leaves a
     * loaded machine room, and a wait left to its timeout still fails) */
    if (ms >= 3000)
        fail_msg("the waiting writer ended %.0f ms after the stop", ms);
    assert_int_equal(store_commit(a, &e), DTI_OK);
    assert_int_equal(count(a, "SELECT COUNT(*) FROM orgs WHERE name = 'W2'"), 0);
    store_close(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_migrations, setup),
        cmocka_unit_test_setup(test_values, setup),
        cmocka_unit_test_setup(test_transactions, setup),
        cmocka_unit_test_setup(test_single_writer_and_snapshots, setup),
        cmocka_unit_test_setup(test_generation, setup),
        cmocka_unit_test_setup(test_data_version, setup),
        cmocka_unit_test_setup(test_backup_restore, setup),
        cmocka_unit_test_setup(test_stop_ends_waits, setup),   /* last: store_stop_waits cannot be undone */
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
