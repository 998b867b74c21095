/* test_request_cost.c — what a dashboard request costs the store, held to
 * the figures docs/performance.md was measured with: statements are
 * prepared once per handle and reused (store_sqlite.c); the session check
 * reads the session, the user and the data generation in one statement
 * (app/auth.c) and then answers from its per-thread cache while the
 * store's data version holds, so that a request of a known session for a
 * cached view (app/score_cache.c) runs no statement at all; yet any commit,
 * by another handle or another process, sends the next check back to the
 * database, so a disabled account or an ended session is refused at once;
 * a cached view is still per user and follows the generation; and write
 * transactions of one process queue for the write lock (store.c,
 * store_sqlite.c) instead of sleeping in SQLite's busy handler. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>
#include "app_fixture.h"
#include "app/score/score_cache.h"

static store_stats stats(store *s)
{
    store_stats x;
    store_stats_get(s, &x);
    return x;
}

static void test_prepared_once(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    assert_int_equal(fixture_open(&f, 0), 0);
    const char *sql = "SELECT COUNT(*) FROM orgs WHERE id >= ?";
    int64_t n = 0;
    assert_int_equal(store_query_int(f.s, sql, (store_val[]){SV_I(1)}, 1, &n, NULL, &e), DTI_OK);
    assert_int_equal(n, 6);
    store_stats a = stats(f.s);
    for (int i = 0; i < 50; i++) {
        assert_int_equal(store_query_int(f.s, sql, (store_val[]){SV_I(i + 1)}, 1, &n, NULL, &e), DTI_OK);
        assert_int_equal(n, i < 6 ? 6 - i : 0);     /* reset and rebound each time */
    }
    store_stats b = stats(f.s);
    assert_int_equal(b.statements - a.statements, 50);
    assert_int_equal(b.prepares - a.prepares, 0);
    /* another text is prepared, once */
    assert_int_equal(store_query_int(f.s, "SELECT COUNT(*) FROM plans", NULL, 0, &n, NULL, &e), DTI_OK);
    assert_int_equal(store_query_int(f.s, "SELECT COUNT(*) FROM plans", NULL, 0, &n, NULL, &e), DTI_OK);
    assert_int_equal(stats(f.s).prepares - b.prepares, 1);
    fixture_close(&f);
}

static int calls;

static dti_rc view_fn(store *s, void *ctx, json_t **out, dti_err *e)
{
    const auth_user *u = ctx;
    calls++;
    *out = json_pack("{s:I, s:s}", "user", (json_int_t)u->id, "role", auth_role_name(u->role));
    return *out ? DTI_OK : dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
}

/* The session check of ID for one request and a cached view: *STMTS gets
 * the statements they ran. */
static dti_rc request(fixture *f, const char *id, auth_user *u, char **body, uint64_t *stmts, dti_err *e)
{
    store_stats a = stats(f->s);
    size_t len = 0;
    dti_rc rc = auth_session_check(FIX_APP(f->s, NULL, FIX_NOW), id, u, NULL, e);
    if (rc == DTI_OK)
        rc = scoring_cache_json_as(f->s, u, "view/1", FIX_NOW, view_fn, u, body, &len, NULL, e);
    *stmts = stats(f->s).statements - a.statements;
    return rc;
}

static void test_cached_request(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    auth_user u, v;
    char id[AUTH_TOKEN_HEX], id2[AUTH_TOKEN_HEX], csrf[AUTH_TOKEN_HEX], *body = NULL;
    uint64_t n = 0;
    assert_int_equal(fixture_open(&f, 1), 0);
    scoring_cache_clear();
    calls = 0;
    assert_int_equal(auth_session_new(FIX_APP(f.s, NULL, FIX_NOW), &f.coord_a, id, csrf, &e), DTI_OK);
    assert_int_equal(auth_session_new(FIX_APP(f.s, NULL, FIX_NOW), &f.view_a, id2, csrf, &e), DTI_OK);

    /* the session check alone: one statement, and it brings the generation;
     * checked again with nothing committed in between: none */
    store_stats a = stats(f.s);
    assert_int_equal(auth_session_check(FIX_APP(f.s, NULL, FIX_NOW), id, &u, NULL, &e), DTI_OK);
    assert_int_equal(stats(f.s).statements - a.statements, 1);
    a = stats(f.s);
    memset(&u, 0, sizeof u);
    assert_int_equal(auth_session_check(FIX_APP(f.s, NULL, FIX_NOW), id, &u, NULL, &e), DTI_OK);
    assert_int_equal(stats(f.s).statements - a.statements, 0);
    assert_int_equal(u.id, f.coord_a.id);
    assert_int_equal(u.role, ROLE_COORDINATOR);
    assert_true(u.gen_known);
    int64_t gen = -1;
    assert_int_equal(store_query_int(f.s, "SELECT gen FROM score_generation", NULL, 0, &gen, NULL, &e), DTI_OK);
    assert_int_equal(u.gen, gen);
    assert_int_equal(strlen(u.gen_uid), 32);

    /* first request computes; the next runs no statement at all */
    assert_int_equal(request(&f, id, &u, &body, &n, &e), DTI_OK);
    assert_int_equal(calls, 1);
    scoring_cache_free(body);
    assert_int_equal(request(&f, id, &u, &body, &n, &e), DTI_OK);
    assert_int_equal(calls, 1);
    assert_int_equal(n, 0);
    assert_int_equal(u.id, f.coord_a.id);
    assert_int_equal(u.gen, gen);
    /* and not copied: two replies being sent share the cache's text */
    char *body2 = NULL;
    assert_int_equal(request(&f, id, &u, &body2, &n, &e), DTI_OK);
    assert_ptr_equal(body, body2);
    scoring_cache_free(body2);
    scoring_cache_clear();        /* the replies' references outlive the cache's */
    assert_non_null(strstr(body, "\"coordinator\""));
    scoring_cache_free(body);
    assert_int_equal(request(&f, id, &u, &body, &n, &e), DTI_OK);     /* computed again */
    assert_int_equal(calls, 2);
    scoring_cache_free(body);
    calls = 1;
    /* still per user: another user's request computes its own */
    assert_int_equal(request(&f, id2, &v, &body, &n, &e), DTI_OK);
    assert_int_equal(calls, 2);
    assert_non_null(strstr(body, "\"viewer\""));
    scoring_cache_free(body);
    /* a write to the data: the next request reads the session again (one
     * statement, with the new generation) and recomputes */
    assert_int_equal(store_exec(f.s, "UPDATE plans SET title = title || '.'", NULL, 0, &e), DTI_OK);
    assert_int_equal(request(&f, id, &u, &body, &n, &e), DTI_OK);
    assert_int_equal(calls, 3);
    assert_true(u.gen > gen);
    assert_true(n >= 1);
    scoring_cache_free(body);
    /* a role changed is seen at once (the cached account is not used) */
    assert_int_equal(store_exec(f.s, "UPDATE users SET role = 'viewer' WHERE id = ?",
                                (store_val[]){SV_I(f.coord_a.id)}, 1, &e), DTI_OK);
    assert_int_equal(auth_session_check(FIX_APP(f.s, NULL, FIX_NOW), id, &u, NULL, &e), DTI_OK);
    assert_int_equal(u.role, ROLE_VIEWER);
    assert_int_equal(store_exec(f.s, "UPDATE users SET role = 'coordinator' WHERE id = ?",
                                (store_val[]){SV_I(f.coord_a.id)}, 1, &e), DTI_OK);
    /* an account made inactive is refused at once, cache or not */
    assert_int_equal(store_exec(f.s, "UPDATE users SET active = 0 WHERE id = ?", (store_val[]){SV_I(f.coord_a.id)},
                                1, &e), DTI_OK);
    assert_int_equal(request(&f, id, &u, &body, &n, &e), DTI_ERR_AUTH);
    /* a session ended is refused at once */
    assert_int_equal(request(&f, id2, &v, &body, &n, &e), DTI_OK);
    scoring_cache_free(body);
    assert_int_equal(auth_session_end(FIX_APP(f.s, NULL, 0), id2, &e), DTI_OK);
    assert_int_equal(request(&f, id2, &v, &body, &n, &e), DTI_ERR_AUTH);
    /* an account got any other way reads the generation itself */
    assert_int_equal(auth_user_get_id(f.s, f.view_a.id, &v, &e), DTI_OK);
    assert_false(v.gen_known);
    scoring_cache_clear();
    fixture_close(&f);
}

/* ---- the session cache against other handles and processes ---- */

static char cdir[] = "/tmp/dti-test-scache-XXXXXX";

static uint64_t check_cost(store *s, const char *id, time_t now, dti_rc *rc)
{
    dti_err e;
    auth_user u;
    store_stats a = stats(s);
    *rc = auth_session_check(FIX_APP(s, NULL, now), id, &u, NULL, &e);
    return stats(s).statements - a.statements;
}

/* In a child process: open DB, run SQL, exit 0 when it committed. */
static void in_child(const char *db, const char *sql, int64_t arg)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        store *s = NULL;
        dti_err e;
        int ok = store_open(db, &s, &e) == DTI_OK &&
                 store_exec(s, sql, (store_val[]){SV_I(arg)}, 1, &e) == DTI_OK;
        store_close(s);
        _exit(ok ? 0 : 1);
    }
    int st = 0;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
}

struct check_arg {
    const char *db, *id;
    uint64_t stmts[2];
    dti_rc rc[2];
};

static void *check_thread(void *arg)
{
    struct check_arg *c = arg;
    store *s = NULL;
    dti_err e;
    if (store_open(c->db, &s, &e) != DTI_OK)
        return NULL;
    c->stmts[0] = check_cost(s, c->id, FIX_NOW, &c->rc[0]);
    c->stmts[1] = check_cost(s, c->id, FIX_NOW, &c->rc[1]);
    store_close(s);
    return NULL;
}

static void test_session_cache_shared(void **state)
{
    (void)state;
    char db[256];
    fixture f;
    store *other = NULL;
    dti_err e;
    dti_rc rc;
    char id[AUTH_TOKEN_HEX], id2[AUTH_TOKEN_HEX], csrf[AUTH_TOKEN_HEX];
    unsigned char v0[STORE_VERSION_LEN], v1[STORE_VERSION_LEN];
    assert_non_null(mkdtemp(cdir));
    snprintf(db, sizeof db, "%s/c.db", cdir);
    assert_int_equal(fixture_open_at(&f, 1, db), 0);
    assert_int_equal(store_open(db, &other, &e), DTI_OK);
    assert_int_equal(auth_session_new(FIX_APP(f.s, NULL, FIX_NOW), &f.coord_a, id, csrf, &e), DTI_OK);
    assert_int_equal(auth_session_new(FIX_APP(f.s, NULL, FIX_NOW), &f.rep_a1, id2, csrf, &e), DTI_OK);

    /* the data version: the same through both handles, unmoved by reads,
     * none inside a transaction */
    assert_int_equal(store_data_version(f.s, v0), 1);
    assert_int_equal(store_data_version(other, v1), 1);
    assert_memory_equal(v0, v1, STORE_VERSION_LEN);
    int64_t n = 0;
    assert_int_equal(store_query_int(other, "SELECT COUNT(*) FROM users", NULL, 0, &n, NULL, &e), DTI_OK);
    assert_int_equal(store_data_version(f.s, v1), 1);
    assert_memory_equal(v0, v1, STORE_VERSION_LEN);
    assert_int_equal(store_begin_read(f.s, &e), DTI_OK);
    assert_int_equal(store_data_version(f.s, v1), 0);
    assert_int_equal(store_commit(f.s, &e), DTI_OK);

    /* a known session costs no statement until something commits */
    assert_int_equal(check_cost(f.s, id, FIX_NOW, &rc), 1);
    assert_int_equal(rc, DTI_OK);
    assert_int_equal(check_cost(f.s, id, FIX_NOW, &rc), 0);
    assert_int_equal(rc, DTI_OK);
    assert_int_equal(check_cost(f.s, id2, FIX_NOW, &rc), 1);
    assert_int_equal(check_cost(f.s, id2, FIX_NOW + 30, &rc), 0);
    assert_int_equal(rc, DTI_OK);

    /* another handle commits (another server thread): the version moves,
     * the next check reads */
    assert_int_equal(store_exec(other, "UPDATE plans SET title = title || '.'", NULL, 0, &e), DTI_OK);
    assert_int_equal(store_data_version(f.s, v1), 1);
    assert_memory_not_equal(v0, v1, STORE_VERSION_LEN);
    assert_int_equal(check_cost(f.s, id, FIX_NOW, &rc), 1);
    assert_int_equal(rc, DTI_OK);

    /* another process disables the account (the CLI beside the server):
     * refused at the very next check */
    assert_int_equal(check_cost(f.s, id, FIX_NOW, &rc), 0);
    in_child(db, "UPDATE users SET active = 0 WHERE id = ?", f.coord_a.id);
    assert_true(check_cost(f.s, id, FIX_NOW, &rc) >= 1);     /* read (and delete the session) */
    assert_int_equal(rc, DTI_ERR_AUTH);
    /* another process ends a session, by hand, with no dti code involved */
    assert_int_equal(check_cost(f.s, id2, FIX_NOW, &rc), 1);
    assert_int_equal(check_cost(f.s, id2, FIX_NOW, &rc), 0);
    in_child(db, "DELETE FROM sessions WHERE user_id = ?", f.rep_a1.id);
    assert_int_equal(check_cost(f.s, id2, FIX_NOW, &rc), 1);
    assert_int_equal(rc, DTI_ERR_AUTH);

    /* the limits hold from the cache as from the database: past the touch
     * interval it reads (and writes last_seen), past the maximum it refuses */
    char id3[AUTH_TOKEN_HEX];
    assert_int_equal(auth_session_new(FIX_APP(f.s, NULL, FIX_NOW), &f.view_a, id3, csrf, &e), DTI_OK);
    assert_int_equal(check_cost(f.s, id3, FIX_NOW, &rc), 1);
    assert_int_equal(check_cost(f.s, id3, FIX_NOW + AUTH_SESSION_TOUCH, &rc), 0);
    assert_int_equal(rc, DTI_OK);
    assert_true(check_cost(f.s, id3, FIX_NOW + AUTH_SESSION_TOUCH + 1, &rc) >= 2);  /* read + touch */
    assert_int_equal(rc, DTI_OK);
    assert_int_equal(check_cost(f.s, id3, FIX_NOW + AUTH_SESSION_TOUCH + 2, &rc), 1);
    assert_int_equal(check_cost(f.s, id3, FIX_NOW + AUTH_SESSION_TOUCH + 3, &rc), 0);
    assert_int_equal(rc, DTI_OK);
    time_t t = FIX_NOW;
    while (t + AUTH_SESSION_IDLE / 2 < FIX_NOW + AUTH_SESSION_MAX - 1) {
        t += AUTH_SESSION_IDLE / 2;     /* keep it from going idle */
        assert_int_equal(check_cost(f.s, id3, t, &rc), 2);  /* read + touch */
        assert_int_equal(rc, DTI_OK);
    }
    assert_int_equal(check_cost(f.s, id3, FIX_NOW + AUTH_SESSION_MAX - 2, &rc), 2);
    assert_int_equal(check_cost(f.s, id3, FIX_NOW + AUTH_SESSION_MAX - 1, &rc), 1);
    assert_int_equal(rc, DTI_OK);
    assert_int_equal(check_cost(f.s, id3, FIX_NOW + AUTH_SESSION_MAX - 1, &rc), 0);
    assert_int_equal(rc, DTI_OK);
    check_cost(f.s, id3, FIX_NOW + AUTH_SESSION_MAX, &rc);
    assert_int_equal(rc, DTI_ERR_AUTH);

    /* per thread: another thread reads once, then has it cached */
    char id4[AUTH_TOKEN_HEX];
    assert_int_equal(auth_session_new(FIX_APP(f.s, NULL, FIX_NOW), &f.view_p, id4, csrf, &e), DTI_OK);
    assert_int_equal(check_cost(f.s, id4, FIX_NOW, &rc), 1);
    struct check_arg c = {db, id4, {9, 9}, {-1, -1}};
    pthread_t th;
    assert_int_equal(pthread_create(&th, NULL, check_thread, &c), 0);
    assert_int_equal(pthread_join(th, NULL), 0);
    assert_int_equal(c.rc[0], DTI_OK);
    assert_int_equal(c.rc[1], DTI_OK);
    assert_int_equal(c.stmts[0], 1);
    assert_int_equal(c.stmts[1], 0);
    /* logout: refused at once */
    assert_int_equal(auth_session_end(FIX_APP(f.s, NULL, 0), id4, &e), DTI_OK);
    assert_int_equal(check_cost(f.s, id4, FIX_NOW, &rc), 1);
    assert_int_equal(rc, DTI_ERR_AUTH);

    /* every handle closed, the data changed by another process, the file
     * opened again (SQLite may rebuild the same header): not from the cache */
    char id5[AUTH_TOKEN_HEX];
    assert_int_equal(auth_session_new(FIX_APP(f.s, NULL, FIX_NOW), &f.view_p, id5, csrf, &e), DTI_OK);
    store_close(other);
    fixture_close(&f);
    store *s1 = NULL;
    assert_int_equal(store_open(db, &s1, &e), DTI_OK);
    assert_int_equal(check_cost(s1, id5, FIX_NOW, &rc), 1);
    assert_int_equal(rc, DTI_OK);
    assert_int_equal(check_cost(s1, id5, FIX_NOW, &rc), 0);
    store_close(s1);
    in_child(db, "DELETE FROM sessions WHERE user_id = ?", f.view_p.id);
    assert_int_equal(store_open(db, &s1, &e), DTI_OK);
    assert_int_equal(check_cost(s1, id5, FIX_NOW, &rc), 1);
    assert_int_equal(rc, DTI_ERR_AUTH);
    store_close(s1);
    char path[300];
    const char *suffix[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s%s", db, suffix[i]);
        unlink(path);
    }
    rmdir(cdir);
}

/* ---- the writer queue ---- */

static char qdir[] = "/tmp/dti-test-queue-XXXXXX";
static char qpath[256];

struct writer {
    store *s;       /* opened (and migrated) before the threads start */
    int id;
    int hold_ms;
    dti_rc rc;
    store_stats st;
    struct timespec got;
};

static pthread_mutex_t order_mu = PTHREAD_MUTEX_INITIALIZER;
static int order[16], norder;

static void *writer_main(void *arg)
{
    struct writer *w = arg;
    store *s = w->s;
    dti_err e;
    if ((w->rc = store_begin(s, &e)) == DTI_OK) {
        clock_gettime(CLOCK_MONOTONIC, &w->got);
        pthread_mutex_lock(&order_mu);
        order[norder++] = w->id;
        pthread_mutex_unlock(&order_mu);
        char name[16];
        snprintf(name, sizeof name, "q%d", w->id);
        w->rc = store_exec(s, "INSERT INTO orgs (kind, name, folded, valid_from, created_at) "
                              "VALUES ('unit', ?, ?, '2026-01-01', '2026-01-01T00:00:00Z')",
                           (store_val[]){{SV_TEXT, 0, 0, name, strlen(name)}, {SV_TEXT, 0, 0, name, strlen(name)}}, 2, &e);
        usleep((useconds_t)w->hold_ms * 1000);
        if (w->rc == DTI_OK)
            w->rc = store_commit(s, &e);
        else
            store_rollback(s);
    }
    store_stats_get(s, &w->st);
    return NULL;
}

static double ms_between(struct timespec a, struct timespec b)
{
    return (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6;
}

static void test_writer_queue(void **state)
{
    (void)state;
    assert_non_null(mkdtemp(qdir));
    snprintf(qpath, sizeof qpath, "%s/q.db", qdir);
    store *s = NULL;
    dti_err e;

    /* 4 writers; each holds the write transaction 400 ms. Queued, each next
     * one starts right after the previous commit: 3 waits in the queue
     * (SQLite's busy handler would sleep 100 ms at a time and keep no
     * count). 400 ms, not less: a thread started 20 ms after the previous
     * one must reach store_begin() while that one still holds the
     * transaction, and a loaded 2-core CI machine can delay a new thread
     * by a hundred milliseconds and more. */
    struct writer w[4];
    pthread_t t[4];
    memset(w, 0, sizeof w);
    norder = 0;
    for (int i = 0; i < 4; i++) {
        w[i].id = i;
        w[i].hold_ms = 400;
        assert_int_equal(store_open(qpath, &w[i].s, &e), DTI_OK);
    }
    for (int i = 0; i < 4; i++) {
        assert_int_equal(pthread_create(&t[i], NULL, writer_main, &w[i]), 0);
        usleep(20 * 1000);   /* in this order */
    }
    uint64_t queued = 0;
    for (int i = 0; i < 4; i++) {
        pthread_join(t[i], NULL);
        store_close(w[i].s);
        assert_int_equal(w[i].rc, DTI_OK);
        queued += w[i].st.queued;
    }
    assert_int_equal(norder, 4);
    assert_int_equal(queued, 3);
    /* every write committed */
    assert_int_equal(store_open(qpath, &s, &e), DTI_OK);
    int64_t n = 0;
    assert_int_equal(store_query_int(s, "SELECT COUNT(*) FROM orgs WHERE name LIKE 'q_'", NULL, 0, &n, NULL, &e),
                     DTI_OK);
    assert_int_equal(n, 4);
    /* a rolled back transaction lets the next writer in too */
    assert_int_equal(store_begin(s, &e), DTI_OK);
    store_rollback(s);
    assert_int_equal(store_begin(s, &e), DTI_OK);
    assert_int_equal(store_commit(s, &e), DTI_OK);
    assert_int_equal(stats(s).queued, 0);
    store_close(s);
    /* the writers were serialised: each got in only after the previous one
     * had held the transaction its 400 ms (no upper bound: a loaded machine
     * may delay any thread) */
    for (int i = 1; i < 4; i++) {
        int prev = order[i - 1], cur = order[i];
        double gap = ms_between(w[prev].got, w[cur].got);
        assert_true(gap >= 390);
    }
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", qdir);
    if (system(cmd) != 0)
        fail_msg("%s", cmd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_prepared_once),
        cmocka_unit_test(test_cached_request),
        cmocka_unit_test(test_session_cache_shared),
        cmocka_unit_test(test_writer_queue),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
