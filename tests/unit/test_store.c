/* test_store.c — the store (store.c, store_sqlite.c) and its plan and org
 * repositories, on a temporary SQLite file. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <glob.h>
#include <pthread.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>
#include "base/embed.h"
#include "base/file.h"
#include "store/store.h"
#include "store/store_org.h"
#include "store/store_plan.h"
#include "store/store_int.h"

static char dir[] = "/tmp/dti-test-store-XXXXXX";
static char path[256];

static int setup(void **state)
{
    (void)state;
    static int n;
    if (n++ == 0 && !mkdtemp(dir))
        return -1;
    snprintf(path, sizeof path, "%s/sub/folder/t%d.db", dir, n);
    return 0;
}

static store *open_db(void)
{
    store *s = NULL;
    dti_err e;
    dti_err_clear(&e);
    if (store_open(path, &s, &e))
        fail_msg("store_open: %s", e.msg);
    assert_non_null(s);
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

static void test_open_and_migrate(void **state)
{
    (void)state;
    store *s = open_db();
    assert_string_equal(store_engine(s), "sqlite");
    int64_t files = 0;
    for (const struct embed_file *f = embed_files; f->path; f++)
        files += strncmp(f->path, "sql/sqlite/", 11) == 0;
    assert_true(files >= 1);
    assert_int_equal(count(s, "SELECT COUNT(*) FROM schema_version"), files);
    assert_int_equal(count(s, "SELECT MIN(version) FROM schema_version"), 1);
    /* the pragmas are in force */
    assert_int_equal(count(s, "PRAGMA foreign_keys"), 1);
    /* NORMAL: the WAL is synced by the group sync after each commit
     * (store_sqlite.c), not inside COMMIT */
    assert_int_equal(count(s, "PRAGMA synchronous"), 1);
    char *mode = NULL;
    dti_err e;
    assert_int_equal(store_query_text(s, "PRAGMA journal_mode", NULL, 0, &mode, &e), DTI_OK);
    assert_string_equal(mode, "wal");
    free(mode);
    store_close(s);
    /* opening again applies nothing twice */
    s = open_db();
    assert_int_equal(count(s, "SELECT COUNT(*) FROM schema_version"), files);
    store_close(s);
    store_close(NULL);
    /* a newer schema is refused */
    s = open_db();
    assert_int_equal(store_exec(s, "INSERT INTO schema_version VALUES (99999, 'x', 'now')", NULL, 0, &e), DTI_OK);
    store_close(s);
    s = NULL;
    assert_int_equal(store_open(path, &s, &e), DTI_ERR_CONFLICT);
    assert_null(s);
    /* a PostgreSQL server that is not there: said so, the password not shown */
    assert_int_equal(store_open("postgres://u:secret@127.0.0.1:1/db", &s, &e), DTI_ERR_STORE);
    assert_non_null(strstr(e.msg, "PostgreSQL"));
    assert_non_null(strstr(e.msg, "127.0.0.1:1/db"));
    assert_null(strstr(e.msg, "secret"));
    assert_null(s);
}

static void test_transactions(void **state)
{
    (void)state;
    store *s = open_db();
    dti_err e;
    const char *ins = "INSERT INTO orgs (kind, name, folded, valid_from, created_at) VALUES ('province', ?, ?, 'd', 't')";
    /* commit at depth 2 then 1 */
    assert_int_equal(store_begin(s, &e), DTI_OK);
    assert_int_equal(store_begin(s, &e), DTI_OK);
    assert_int_equal(store_exec(s, ins, (store_val[]){SV_T("A"), SV_T("a")}, 2, &e), DTI_OK);
    assert_int_equal(store_commit(s, &e), DTI_OK);
    assert_int_equal(store_commit(s, &e), DTI_OK);
    assert_int_equal(count(s, "SELECT COUNT(*) FROM orgs"), 1);
    /* a rollback at depth 2 rolls everything back; the outer commit fails */
    assert_int_equal(store_begin(s, &e), DTI_OK);
    assert_int_equal(store_exec(s, ins, (store_val[]){SV_T("B"), SV_T("b")}, 2, &e), DTI_OK);
    assert_int_equal(store_begin(s, &e), DTI_OK);
    assert_int_equal(store_exec(s, ins, (store_val[]){SV_T("C"), SV_T("c")}, 2, &e), DTI_OK);
    store_rollback(s);
    /* statements between the inner rollback and the outer unwind fail */
    assert_int_equal(store_exec(s, ins, (store_val[]){SV_T("D"), SV_T("d")}, 2, &e), DTI_ERR_STORE);
    assert_int_equal(store_commit(s, &e), DTI_ERR_STORE);
    assert_int_equal(count(s, "SELECT COUNT(*) FROM orgs"), 1);
    /* the store works again afterwards */
    assert_int_equal(store_begin(s, &e), DTI_OK);
    assert_int_equal(store_exec(s, ins, (store_val[]){SV_T("E"), SV_T("e")}, 2, &e), DTI_OK);
    store_rollback(s);
    assert_int_equal(count(s, "SELECT COUNT(*) FROM orgs"), 1);
    store_rollback(s);     /* no transaction: no-op */
    assert_int_equal(store_commit(s, &e), DTI_ERR_INTERNAL);
    /* a constraint is a conflict, and the unique live key holds */
    assert_int_equal(store_exec(s, ins, (store_val[]){SV_T("A2"), SV_T("a")}, 2, &e), DTI_ERR_CONFLICT);
    /* wrong parameter count is caught */
    assert_int_equal(store_exec(s, ins, (store_val[]){SV_T("F")}, 1, &e), DTI_ERR_INTERNAL);
    /* query helpers */
    int64_t v = 0;
    int found = 1;
    assert_int_equal(store_query_int(s, "SELECT id FROM orgs WHERE name = ?", (store_val[]){SV_T("zz")}, 1, &v,
                                     &found, &e), DTI_OK);
    assert_int_equal(found, 0);
    assert_int_equal(store_query_int(s, "SELECT id FROM orgs WHERE name = ?", (store_val[]){SV_T("zz")}, 1, &v,
                                     NULL, &e), DTI_ERR_NOTFOUND);
    char *t = NULL;
    assert_int_equal(store_query_text(s, "SELECT name FROM orgs WHERE folded = 'a'", NULL, 0, &t, &e), DTI_OK);
    assert_string_equal(t, "A");
    free(t);
    assert_int_equal(store_query_text(s, "SELECT name FROM orgs WHERE 0", NULL, 0, &t, &e), DTI_OK);
    assert_null(t);
    store_close(s);
}

static plan *sample_plan(void)
{
    plan *p = plan_new();
    assert_non_null(p);
    p->title = strdup("Kế hoạch Chuyển đổi số xã Hòa Bình năm 2026");
    p->commune = strdup("Hòa Bình");
    p->province = NULL;                 /* unknown stays null */
    p->number = strdup("17/KH-UBND");
    p->issued = strdup("2026-03-15");
    assert_non_null(plan_add_group(p, "1", "Hạ tầng số"));
    assert_non_null(plan_add_group(p, "2", "Nhân lực số"));
    assert_non_null(plan_add_group(p, "I", ""));
    plan_indicator *d = plan_add_indicator(p);
    d->code = strdup("1.1");
    d->group = strdup("1");
    d->name = strdup("Tỷ lệ phủ sóng 5G trên dân số");
    assert_int_equal(plan_indicator_add_target(d, 2030, TARGET_GE, 1, 90, "%", "Đạt tối thiểu 90%"), 0);
    assert_int_equal(plan_indicator_add_target(d, 2026, TARGET_GT, 1, 0.7, "", ">0,70"), 0);
    strlist_add(&d->lead, "Phòng VH-XH");
    strlist_add(&d->support, "Các thôn");
    strlist_add(&d->support, "Công an xã");
    d->due = strdup("2026-12");
    d->due_text = strdup("Tháng 12/2026");
    d->basis = strdup("Nghị quyết 57");
    d->x = json_pack("{s:[s,s], s:i, s:f}", "parent_lead", "Sở KH&CN", "UBND xã", "n", 3, "r", 0.1);
    d = plan_add_indicator(p);
    d->code = strdup("T1");
    d->name = strdup("Hồ sơ được số hóa");
    assert_int_equal(plan_indicator_add_target(d, 2026, TARGET_TEXT, 0, 0, "", "Hoàn thành"), 0);
    assert_int_equal(plan_indicator_add_target(d, 2027, TARGET_LE, 1, 1.0 / 3.0, "doanh nghiệp/1.000 dân", NULL), 0);
    plan_task *t = plan_add_task(p);
    t->code = strdup("1");
    t->group = strdup("I");
    t->name = strdup("Xây dựng kế hoạch.");
    strlist_add(&t->lead, "Phòng Văn hóa - Xã hội");
    strlist_add(&t->outputs, "Kế hoạch");
    strlist_add(&t->outputs, "Báo cáo");
    t->due_text = strdup("Thường xuyên");
    t->due = strdup("recurring");
    t->funding = strdup("Ngân sách xã");
    t = plan_add_task(p);
    t->code = strdup("2");
    t->name = strdup("");
    p->x = json_pack("{s:s}", "note", "ghi chú");
    return p;
}

static int64_t org_of(void *ctx, const char *role, const char *name)
{
    (void)role;
    return strcmp(name, "Các thôn") == 0 ? 0 : *(int64_t *)ctx;
}

/* The group sync (store_sqlite.c): a commit that wrote, and a write
 * outside a transaction, are synced before they return; a read
 * transaction, a read statement and a rollback are not. */
static uint64_t syncs_of(store *s)
{
    store_stats st;
    store_stats_get(s, &st);
    return st.syncs;
}

#define GS_THREADS 6
#define GS_COMMITS 30

struct gs_arg {
    int no;
    uint64_t syncs;
    dti_rc rc;
    int failed;     /* transactions that failed and were rolled back */
};

static void *gs_writer(void *p)
{
    struct gs_arg *a = p;
    store *s = NULL;
    dti_err e;
    if ((a->rc = store_open(path, &s, &e)))
        return NULL;
    for (int i = 0; i < GS_COMMITS && !a->rc; i++) {
        char name[32];
        snprintf(name, sizeof name, "gs-%d-%d", a->no, i);
        const char *nm = name;
        if (!(a->rc = store_begin(s, &e))) {
            a->rc = store_exec(s, "INSERT INTO orgs (kind, name, folded, valid_from, created_at) "
                                  "VALUES ('province', ?, ?, 'd', 't')",
                               (store_val[]){SV_T(nm), SV_T(nm)}, 2, &e);
            /* every third one fails after its first row (the same name
             * again: a conflict) and is rolled back, between the others'
             * commits and syncs: it leaves nothing, they lose nothing */
            if (!a->rc && i % 3 == 2) {
                snprintf(name, sizeof name, "gs-%d-%d-x", a->no, i);
                a->rc = store_exec(s, "INSERT INTO orgs (kind, name, folded, valid_from, created_at) "
                                      "VALUES ('province', ?, ?, 'd', 't')",
                                   (store_val[]){SV_T(nm), SV_T(nm)}, 2, &e);
                snprintf(name, sizeof name, "gs-%d-%d-y", a->no, i);
                if (a->rc == DTI_OK)
                    a->rc = store_exec(s, "INSERT INTO orgs (kind, name, folded, valid_from, created_at) "
                                          "VALUES ('province', ?, 'gs-dup', 'd', 't')",
                                       (store_val[]){SV_T(nm)}, 1, &e);
                if (a->rc == DTI_OK)
                    a->rc = store_exec(s, "INSERT INTO orgs (kind, name, folded, valid_from, created_at) "
                                          "VALUES ('province', ?, 'gs-dup', 'd', 't')",
                                       (store_val[]){SV_T(nm)}, 1, &e);
                if (a->rc != DTI_ERR_CONFLICT) {
                    a->rc = DTI_ERR_INTERNAL;   /* the conflict was expected */
                    store_rollback(s);
                    break;
                }
                store_rollback(s);
                a->failed++;
                a->rc = DTI_OK;
                continue;
            }
            a->rc = a->rc ? (store_rollback(s), a->rc) : store_commit(s, &e);
        }
    }
    a->syncs = syncs_of(s);
    store_close(s);
    return NULL;
}

static int gs_fail(void)
{
    return SQLITE_IOERR_FSYNC;
}

static void test_group_sync(void **state)
{
    (void)state;
    store *s = open_db();
    dti_err e;
    const char *ins = "INSERT INTO orgs (kind, name, folded, valid_from, created_at) VALUES ('province', ?, ?, 'd', 't')";
    uint64_t n0 = syncs_of(s);
    assert_int_equal(store_begin(s, &e), DTI_OK);
    assert_int_equal(store_exec(s, ins, (store_val[]){SV_T("A"), SV_T("a")}, 2, &e), DTI_OK);
    assert_int_equal(store_commit(s, &e), DTI_OK);
    assert_int_equal(syncs_of(s), n0 + 1);       /* alone: it leads its own sync */
    assert_int_equal(store_begin_read(s, &e), DTI_OK);
    assert_int_equal(count(s, "SELECT COUNT(*) FROM orgs"), 1);
    assert_int_equal(store_commit(s, &e), DTI_OK);
    assert_int_equal(count(s, "SELECT COUNT(*) FROM orgs"), 1);
    assert_int_equal(syncs_of(s), n0 + 1);       /* reads: none */
    assert_int_equal(store_begin(s, &e), DTI_OK);
    assert_int_equal(store_exec(s, ins, (store_val[]){SV_T("B"), SV_T("b")}, 2, &e), DTI_OK);
    store_rollback(s);
    assert_int_equal(syncs_of(s), n0 + 1);       /* a rollback: none */
    assert_int_equal(store_exec(s, ins, (store_val[]){SV_T("C"), SV_T("c")}, 2, &e), DTI_OK);
    assert_int_equal(syncs_of(s), n0 + 2);       /* a write in autocommit: synced */
    assert_int_equal(store_exec(s, ins, (store_val[]){SV_T("C2"), SV_T("c")}, 2, &e), DTI_ERR_CONFLICT);
    /* a failed sync: the commit is not acknowledged (DTI_ERR_IO), and a
     * deferred ticket it covered fails as well; the next sync works */
    store_sqlite_sync_hook = gs_fail;
    assert_int_equal(store_begin(s, &e), DTI_OK);
    assert_int_equal(store_exec(s, ins, (store_val[]){SV_T("D"), SV_T("d")}, 2, &e), DTI_OK);
    assert_int_equal(store_commit(s, &e), DTI_ERR_IO);
    store_sync_ticket t;
    assert_int_equal(store_sync_take(&t), 0);
    store_sync_defer(1);
    assert_int_equal(store_begin(s, &e), DTI_OK);
    assert_int_equal(store_exec(s, ins, (store_val[]){SV_T("E"), SV_T("e")}, 2, &e), DTI_OK);
    assert_int_equal(store_commit(s, &e), DTI_OK);        /* deferred: not durable yet */
    store_sync_defer(0);
    assert_int_equal(store_sync_take(&t), 1);
    assert_int_equal(store_sync_take(&t), 1 - 1);         /* taken once */
    store_sync_ticket t2 = t;
    assert_int_equal(store_sync_wait(s, &t2, &e), DTI_ERR_IO);
    store_sqlite_sync_hook = NULL;
    assert_int_equal(store_sync_wait(s, &t2, &e), DTI_ERR_IO);    /* never retried into a success */
    store_sync_defer(1);
    assert_int_equal(store_exec(s, ins, (store_val[]){SV_T("F"), SV_T("f")}, 2, &e), DTI_OK);
    store_sync_defer(0);
    assert_int_equal(store_sync_take(&t), 1);
    assert_true(t.n > t2.n);
    assert_int_equal(store_sync_wait(s, &t, &e), DTI_OK);
    /* a later good sync does not turn the failed ticket into a success */
    assert_int_equal(store_sync_wait(s, &t2, &e), DTI_ERR_IO);
    /* writers on several threads, each its own handle: every commit kept,
     * never more syncs than commits (the count of syncs shared depends on
     * the timing, so only its bounds are asserted) */
    pthread_t th[GS_THREADS];
    struct gs_arg a[GS_THREADS];
    for (int i = 0; i < GS_THREADS; i++) {
        a[i] = (struct gs_arg){i, 0, DTI_OK, 0};
        assert_int_equal(pthread_create(&th[i], NULL, gs_writer, &a[i]), 0);
    }
    uint64_t total = 0;
    int failed = 0;
    for (int i = 0; i < GS_THREADS; i++) {
        pthread_join(th[i], NULL);
        assert_int_equal(a[i].rc, DTI_OK);
        total += a[i].syncs;
        failed += a[i].failed;
    }
    int committed = GS_THREADS * GS_COMMITS - failed;
    assert_int_equal(failed, GS_THREADS * (GS_COMMITS / 3));
    assert_int_equal(count(s, "SELECT COUNT(*) FROM orgs WHERE name LIKE 'gs-%'"), committed);
    assert_int_equal(count(s, "SELECT COUNT(*) FROM orgs WHERE folded = 'gs-dup' OR name LIKE 'gs-%-x' "
                              "OR name LIKE 'gs-%-y'"), 0);
    assert_true(total >= 1 && total <= (uint64_t)committed);
    store_close(s);
}

static void test_plan_roundtrip(void **state)
{
    (void)state;
    store *s = open_db();
    dti_err e;
    dti_err_clear(&e);
    plan *p = sample_plan();
    char *want = plan_to_string(p);
    const char bytes[] = "# Kế hoạch\n\x00binary-safe";
    char sha[65];
    file_sha256_hex(bytes, sizeof bytes, sha);
    int64_t prov = 0, comm = 0, unit = 0, id = 0, id2 = 0;
    assert_int_equal(store_org_create(s, 0, ORG_PROVINCE, "Tỉnh X", "x", 0, &prov, &e), DTI_OK);
    assert_int_equal(store_org_create(s, prov, ORG_COMMUNE, "Hòa Bình", "hoa binh", 0, &comm, &e), DTI_OK);
    assert_int_equal(store_org_create(s, comm, ORG_UNIT, "Phòng Văn hóa - Xã hội", "phong van hoa xa hoi", 0,
                                      &unit, &e), DTI_OK);
    store_plan_in in = {p, comm, 0, {"hb.md", "text/markdown", bytes, sizeof bytes, sha}, org_of, &unit, 0};
    if (store_plan_save(s, &in, &id, &e))
        fail_msg("save: %s", e.msg);
    assert_true(id > 0);
    plan *q = NULL;
    if (store_plan_load(s, id, &q, &e))
        fail_msg("load: %s", e.msg);
    char *got = plan_to_string(q);
    assert_string_equal(got, want);
    /* exact doubles and NULLs survive */
    assert_true(q->indicators[1]->targets[1].value == 1.0 / 3.0);
    assert_null(q->province);
    assert_null(q->indicators[1]->group);
    assert_false(q->indicators[1]->targets[0].has_value);
    free(got);
    plan_free(q);
    /* assignments: one per name, linked except the collective, parent_lead kept */
    assert_int_equal(count(s, "SELECT COUNT(*) FROM assignments"), 6);
    assert_int_equal(count(s, "SELECT COUNT(*) FROM assignments WHERE org_id IS NULL"), 1);
    assert_int_equal(count(s, "SELECT COUNT(*) FROM assignments WHERE role = 'parent_lead'"), 2);
    assert_int_equal(count(s, "SELECT year_from * 10000 + year_to FROM plans"), 20262030);
    /* the document is kept whole, binary-safe */
    assert_int_equal(count(s, "SELECT length(bytes) FROM documents"), (int64_t)sizeof bytes);
    int64_t doc = 0, owner = 0;
    assert_int_equal(store_document_find(s, sha, &doc, &owner, &e), DTI_OK);
    assert_true(doc > 0);
    assert_int_equal(owner, id);
    /* the same document again: refused, stored once, nothing half-written */
    assert_int_equal(store_plan_save(s, &in, &id2, &e), DTI_ERR_CONFLICT);
    assert_int_equal(id2, 0);
    assert_int_equal(count(s, "SELECT COUNT(*) FROM documents"), 1);
    assert_int_equal(count(s, "SELECT COUNT(*) FROM plans"), 1);
    assert_int_equal(count(s, "SELECT COUNT(*) FROM indicators"), 2);
    /* the list */
    store_plan_row *rows = NULL;
    size_t n = 0;
    assert_int_equal(store_plan_list(s, &rows, &n, &e), DTI_OK);
    assert_int_equal(n, 1);
    assert_int_equal(rows[0].id, id);
    assert_string_equal(rows[0].commune, "Hòa Bình");
    assert_string_equal(rows[0].document_name, "hb.md");
    assert_int_equal(rows[0].ngroups, 3);
    assert_int_equal(rows[0].nindicators, 2);
    assert_int_equal(rows[0].ntasks, 2);
    store_plan_rows_free(rows, n);
    assert_int_equal(store_plan_load(s, 999, &q, &e), DTI_ERR_NOTFOUND);
    assert_null(q);
    /* survives closing and opening */
    store_close(s);
    s = open_db();
    assert_int_equal(store_plan_load(s, id, &q, &e), DTI_OK);
    got = plan_to_string(q);
    assert_string_equal(got, want);
    free(got);
    plan_free(q);
    store_close(s);
    plan_free(p);
    free(want);
}

static void test_empty_plan(void **state)
{
    (void)state;
    store *s = open_db();
    dti_err e;
    plan *p = plan_new();
    char *want = plan_to_string(p);
    store_plan_in in = {p, 0, 0, {"e.txt", "text/plain", "x", 1, "00"}, NULL, NULL, 0};
    int64_t id = 0;
    assert_int_equal(store_plan_save(s, &in, &id, &e), DTI_OK);
    plan *q = NULL;
    assert_int_equal(store_plan_load(s, id, &q, &e), DTI_OK);
    char *got = plan_to_string(q);
    assert_string_equal(got, want);
    free(got); free(want);
    plan_free(p); plan_free(q);
    store_close(s);
}

/* Every x.parent_lead name becomes an assignment, however many there are
 * (a fixed array of 256 once dropped the rest silently). */
static void test_many_parent_leads(void **state)
{
    (void)state;
    store *s = open_db();
    dti_err e;
    plan *p = plan_new();
    plan_indicator *d = plan_add_indicator(p);
    d->code = strdup("1");
    d->name = strdup("a");
    json_t *names = json_array();
    for (int i = 0; i < 300; i++) {
        char n[32];
        snprintf(n, sizeof n, "Sở %d", i);
        json_array_append_new(names, json_string(n));
    }
    d->x = json_pack("{s:o}", "parent_lead", names);
    store_plan_in in = {p, 0, 0, {"m.txt", "text/plain", "m", 1, "01"}, NULL, NULL, 0};
    int64_t id = 0, n = 0, last = 0;
    assert_int_equal(store_plan_save(s, &in, &id, &e), DTI_OK);
    assert_int_equal(store_query_int(s, "SELECT COUNT(*) FROM assignments WHERE plan_id = ? AND role = 'parent_lead'",
                                     (store_val[]){SV_I(id)}, 1, &n, NULL, &e), DTI_OK);
    assert_int_equal(n, 300);
    assert_int_equal(store_query_int(s, "SELECT MAX(seq) FROM assignments WHERE plan_id = ? AND name = 'Sở 299'",
                                     (store_val[]){SV_I(id)}, 1, &last, NULL, &e), DTI_OK);
    assert_int_equal(last, 299);
    plan_free(p);
    store_close(s);
}

/* store_data_version: unmoved by reads, moved by every commit of any
 * handle (a rolled-back write need not move it), none inside a
 * transaction or while a statement runs; two databases never share one,
 * nor one database before and after all its handles closed (SQLite may
 * then rebuild the same header over changed data); a header being written
 * (copies unequal) or not SQLite's (bad checksum) gives none. */
struct in_row {
    store *s;
    int none;       /* rows where the handle gave no version */
};

/* A row callback: the handle is in the middle of its statement. */
static int version_in_row(void *ctx, const store_row *row)
{
    (void)row;
    struct in_row *x = ctx;
    unsigned char v[STORE_VERSION_LEN];
    x->none += store_data_version(x->s, v) == 0;
    return 1;
}

static void test_data_version(void **state)
{
    (void)state;
    store *a = NULL, *b = NULL, *m = NULL, *m2 = NULL;
    dti_err e;
    unsigned char v0[STORE_VERSION_LEN], v1[STORE_VERSION_LEN], w[STORE_VERSION_LEN];
    int64_t n = 0;
    assert_int_equal(store_open(path, &a, &e), DTI_OK);
    assert_int_equal(store_open(path, &b, &e), DTI_OK);
    assert_int_equal(store_data_version(a, v0), 1);
    assert_int_equal(store_query_int(b, "SELECT COUNT(*) FROM orgs", NULL, 0, &n, NULL, &e), DTI_OK);
    assert_int_equal(store_data_version(b, v1), 1);
    assert_memory_equal(v0, v1, STORE_VERSION_LEN);
    for (int i = 0; i < 3; i++) {       /* each commit, by either handle, moves it */
        store *by = i % 2 ? a : b;
        assert_int_equal(store_begin(by, &e), DTI_OK);
        assert_int_equal(store_data_version(by, w), 0);
        char name[8];
        snprintf(name, sizeof name, "v%d", i);
        const char *nm = name;
        store_val p[] = {SV_T(nm), SV_T(nm)};
        assert_int_equal(store_exec(by, "INSERT INTO orgs (kind, name, folded, valid_from, created_at) "
                                        "VALUES ('unit', ?, ?, '2026-01-01', '2026-01-01T00:00:00Z')",
                                    p, 2, &e), DTI_OK);
        /* uncommitted: the other handle's version has not moved */
        assert_int_equal(store_data_version(by == a ? b : a, w), 1);
        assert_memory_equal(w, v0, STORE_VERSION_LEN);
        assert_int_equal(store_commit(by, &e), DTI_OK);
        assert_int_equal(store_data_version(a, v1), 1);
        assert_memory_not_equal(v0, v1, STORE_VERSION_LEN);
        assert_int_equal(store_data_version(b, w), 1);
        assert_memory_equal(v1, w, STORE_VERSION_LEN);
        memcpy(v0, v1, STORE_VERSION_LEN);
    }
    /* in memory: the handle's own commits move it; two stores differ */
    assert_int_equal(store_open(":memory:", &m, &e), DTI_OK);
    assert_int_equal(store_open(":memory:", &m2, &e), DTI_OK);
    assert_int_equal(store_data_version(m, v0), 1);
    assert_int_equal(store_data_version(m2, w), 1);
    assert_memory_not_equal(v0, w, STORE_VERSION_LEN);
    assert_memory_not_equal(v0, v1, STORE_VERSION_LEN);
    assert_int_equal(store_query_int(m, "SELECT COUNT(*) FROM orgs", NULL, 0, &n, NULL, &e), DTI_OK);
    assert_int_equal(store_data_version(m, v1), 1);
    assert_memory_equal(v0, v1, STORE_VERSION_LEN);
    assert_int_equal(store_exec(m, "INSERT INTO orgs (kind, name, folded, valid_from, created_at) "
                                   "VALUES ('unit', 'v', 'v', '2026-01-01', '2026-01-01T00:00:00Z')",
                                NULL, 0, &e), DTI_OK);
    assert_int_equal(store_data_version(m, v1), 1);
    assert_memory_not_equal(v0, v1, STORE_VERSION_LEN);
    assert_int_equal(store_data_version(NULL, v1), 0);
    store_close(m2);
    store_close(m);

    /* the header as SQLite's readers check it: mapped here as a second
     * reader would see it, one byte of copy 1 changed (a writer half way),
     * then the checksum of both copies; restored after each */
    char shm[300];
    snprintf(shm, sizeof shm, "%s-shm", path);
    int fd = open(shm, O_RDWR);
    assert_true(fd >= 0);
    volatile unsigned char *h = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    assert_true(h != MAP_FAILED);
    assert_int_equal(store_data_version(a, v0), 1);
    h[48 + 8] ^= 1;                     /* copy 1's iChange */
    assert_int_equal(store_data_version(a, w), 0);
    h[48 + 8] ^= 1;
    assert_int_equal(store_data_version(a, w), 1);
    assert_memory_equal(v0, w, STORE_VERSION_LEN);
    h[40] ^= 1;                         /* aCksum[0], both copies */
    h[48 + 40] ^= 1;
    assert_int_equal(store_data_version(a, w), 0);
    h[40] ^= 1;
    h[48 + 40] ^= 1;
    assert_int_equal(store_data_version(a, w), 1);
    munmap((void *)h, 4096);
    close(fd);

    /* a statement still running on the handle: none */
    struct in_row x = {a, 0};
    assert_int_equal(store_query(a, "SELECT id FROM orgs", NULL, 0, version_in_row, &x, &e), DTI_OK);
    assert_int_equal(x.none, 1);
    assert_int_equal(store_data_version(a, w), 1);

    /* every handle closed and the file opened again: another version, though
     * SQLite rebuilt the header from an empty log both times */
    store_close(b);
    store_close(a);
    a = b = NULL;
    assert_int_equal(store_open(path, &a, &e), DTI_OK);
    assert_int_equal(store_data_version(a, v0), 1);
    store_close(a);
    assert_int_equal(store_open(path, &a, &e), DTI_OK);
    assert_int_equal(store_data_version(a, v1), 1);
    assert_memory_not_equal(v0, v1, STORE_VERSION_LEN);
    /* and another database, in the same state, is another version */
    char path2[300];
    snprintf(path2, sizeof path2, "%s.other.db", path);
    assert_int_equal(store_open(path2, &b, &e), DTI_OK);
    store_close(b);
    assert_int_equal(store_open(path2, &b, &e), DTI_OK);
    assert_int_equal(store_data_version(b, w), 1);
    assert_memory_not_equal(v1, w, STORE_VERSION_LEN);
    store_close(b);
    store_close(a);
}

/* Migrations apply in the order of their number, not of their path text:
 * "10_x.sql" after "9_y.sql", and two files of one version side by side
 * (so the duplicate check, which compares neighbours, sees them). */
static void test_migration_order(void **state)
{
    (void)state;
    static const struct embed_file f[] = {
        {"sql/sqlite/10_ten.sql", NULL, 0},
        {"sql/sqlite/9_nine.sql", NULL, 0},
        {"sql/sqlite/001_one.sql", NULL, 0},
        {"sql/sqlite/2_two.sql", NULL, 0},
        {"sql/sqlite/1_again.sql", NULL, 0},
    };
    const struct embed_file *v[5];
    for (size_t i = 0; i < 5; i++)
        v[i] = &f[i];
    store_migrations_order(v, 5);
    long want[] = {1, 1, 2, 9, 10};
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(store_migration_version(v[i]->path), want[i]);
    assert_int_equal(store_migration_version("sql/sqlite/x_a.sql"), -1);
    assert_int_equal(store_migration_version("sql/sqlite/3_a.txt"), -1);
}

static void test_orgs(void **state)
{
    (void)state;
    store *s = open_db();
    dti_err e;
    int64_t prov = 0, comm = 0, u = 0, found = 0, again = 0, n = 0;
    int created = 0;
    assert_int_equal(store_org_ensure(s, 0, ORG_PROVINCE, "Tỉnh Y", "y", 0, &prov, &created, &e), DTI_OK);
    assert_int_equal(created, 1);
    assert_int_equal(store_org_ensure(s, 0, ORG_PROVINCE, "tỉnh Y", "y", 0, &again, &created, &e), DTI_OK);
    assert_int_equal(created, 0);
    assert_int_equal(again, prov);
    assert_int_equal(store_org_create(s, prov, ORG_COMMUNE, "Hòa Bình", "hoa binh", 0, &comm, &e), DTI_OK);
    assert_int_equal(store_org_create(s, comm, ORG_UNIT, "Trạm Y tế xã", "tram y te", 0, &u, &e), DTI_OK);
    assert_int_equal(store_org_create(s, comm, ORG_UNIT, "Trạm y tế", "tram y te", 0, &again, &e), DTI_ERR_CONFLICT);
    /* the same key under another parent is another org */
    assert_int_equal(store_org_create(s, prov, ORG_UNIT, "Trạm y tế", "tram y te", 0, &again, &e), DTI_OK);
    assert_true(again != u);
    /* by alias */
    assert_int_equal(store_org_add_alias(s, u, "TYT", "tyt-special", 0, &e), DTI_OK);
    assert_int_equal(store_org_add_alias(s, u, "TYT", "tyt-special", 0, &e), DTI_OK);
    assert_int_equal(store_org_alias_count(s, u, &n, &e), DTI_OK);
    assert_int_equal(n, 1);
    assert_int_equal(store_org_find(s, comm, "tyt-special", &found, &e), DTI_OK);
    assert_int_equal(found, u);
    assert_int_equal(store_org_find(s, prov, "tyt-special", &found, &e), DTI_OK);
    assert_int_equal(found, 0);
    store_org o;
    assert_int_equal(store_org_get(s, u, &o, &e), DTI_OK);
    assert_string_equal(o.name, "Trạm Y tế xã");
    assert_int_equal(o.kind, ORG_UNIT);
    assert_int_equal(o.parent_id, comm);
    assert_null(o.valid_to);
    assert_int_equal(strlen(o.valid_from), 10);
    store_org_release(&o);
    assert_int_equal(store_org_get(s, 12345, &o, &e), DTI_ERR_NOTFOUND);
    store_org *kids = NULL;
    size_t nk = 0;
    assert_int_equal(store_org_children(s, prov, &kids, &nk, &e), DTI_OK);
    assert_int_equal(nk, 2);
    store_org_list_free(kids, nk);
    /* a unit with no such parent breaks the foreign key */
    assert_int_equal(store_org_create(s, 777, ORG_UNIT, "Z", "z", 0, &again, &e), DTI_ERR_CONFLICT);
    store_close(s);
}

static int teardown_all(void **state)
{
    (void)state;
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* store_backup, store_file_in_use and the migration guard: a schema
 * upgrade is refused while another process (a child holding a handle) has
 * the file open, changes nothing, then runs after a backup once it closed. */
static void test_guard_and_backup(void **state)
{
    (void)state;
    store *s = open_db();
    dti_err e;
    char bk[300], pat[320], buf[1];
    int64_t n = 0;
    glob_t g;
    snprintf(bk, sizeof bk, "%s.bk", path);
    assert_int_equal(store_backup(s, bk, &e), DTI_OK);
    assert_int_equal(store_file_check(bk, &e), DTI_OK);
    assert_int_equal(store_backup(s, bk, &e), DTI_OK);      /* the store replaces; app/backup.c refuses */
    snprintf(pat, sizeof pat, "%s-wal", bk);
    assert_int_equal(access(pat, F_OK), -1);               /* one self-contained file */
    assert_int_equal(store_file_in_use(path, &e), DTI_ERR_INTERNAL);   /* this process has it open */
    /* an older dti's schema: migration 6 not applied */
    assert_int_equal(store_exec(s, "DROP TABLE audit_keying", NULL, 0, &e), DTI_OK);
    assert_int_equal(store_exec(s, "DELETE FROM schema_version WHERE version = 6", NULL, 0, &e), DTI_OK);
    store_close(s);
    assert_int_equal(store_file_in_use(path, &e), DTI_OK);
    int up[2], down[2];
    assert_int_equal(pipe(up), 0);
    assert_int_equal(pipe(down), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {     /* the older server: holds the file open */
        store *c = NULL;
        if (store_open_ex(path, STORE_OPEN_NO_MIGRATE, &c, &e) ||
            store_query_int(c, "SELECT COUNT(*) FROM schema_version", NULL, 0, &n, NULL, &e))
            _exit(1);
        if (write(up[1], "x", 1) != 1 || read(down[0], buf, 1) != 1)
            _exit(1);
        store_close(c);
        _exit(0);
    }
    assert_int_equal(read(up[0], buf, 1), 1);
    assert_int_equal(store_file_in_use(path, &e), DTI_ERR_CONFLICT);
    char want[32];
    snprintf(want, sizeof want, "PID %ld", (long)pid);
    assert_non_null(strstr(e.msg, want));
    s = NULL;
    assert_int_equal(store_open(path, &s, &e), DTI_ERR_CONFLICT);
    assert_null(s);
    assert_non_null(strstr(e.msg, want));
    snprintf(pat, sizeof pat, "%s.before-v*.bak", path);
    assert_int_equal(glob(pat, 0, NULL, &g), GLOB_NOMATCH);    /* refused: no backup, no change */
    assert_int_equal(write(down[1], "x", 1), 1);
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    s = open_db();
    assert_int_equal(store_query_int(s, "SELECT COUNT(*) FROM schema_version WHERE version = 6", NULL, 0, &n, NULL,
                                     &e), DTI_OK);
    assert_int_equal(n, 1);
    /* named by the newest version the file had (migration 6 missing, later ones there) */
    int64_t had = 0;
    assert_int_equal(store_query_int(s, "SELECT MAX(version) FROM schema_version WHERE version <> 6", NULL, 0, &had,
                                     NULL, &e), DTI_OK);
    snprintf(pat, sizeof pat, "%s.before-v%03lld-*.bak", path, (long long)had);
    assert_int_equal(glob(pat, 0, NULL, &g), 0);
    assert_int_equal(g.gl_pathc, 1);
    assert_int_equal(store_file_check(g.gl_pathv[0], &e), DTI_OK);
    globfree(&g);
    store_close(s);
    for (int i = 0; i < 2; i++) {
        close(up[i]);
        close(down[i]);
    }
}

/* The national communes query (store_country.c) reads the communes' rows
 * only, through the partial index orgs_communes (migration 016), not every
 * org: EXPLAIN QUERY PLAN of its outer query names that index. */
static int plan_row(void *ctx, const store_row *row)
{
    char *buf = ctx;
    if (row->n >= 4 && row->v[3].t == SV_TEXT) {
        size_t have = strlen(buf);
        snprintf(buf + have, 1024 - have, "%.*s\n", (int)row->v[3].n, row->v[3].s);
    }
    return 0;
}

static void test_communes_index(void **state)
{
    (void)state;
    store *s = open_db();
    char qp[1024] = "";
    dti_err e;
    dti_err_clear(&e);
    assert_int_equal(store_query(s, "EXPLAIN QUERY PLAN SELECT c.id, pr.name FROM orgs c LEFT JOIN orgs pr "
                                    "ON pr.id = c.parent_id WHERE c.kind = 'commune' AND (c.valid_to IS NULL "
                                    "OR c.valid_to > ?) ORDER BY c.id",
                                 (store_val[]){SV_T("2026-12-06")}, 1, plan_row, qp, &e), DTI_OK);
    if (!strstr(qp, "INDEX orgs_communes"))
        fail_msg("the communes are read without orgs_communes:\n%s", qp);
    assert_null(strstr(qp, "TEMP B-TREE"));     /* in id order: no sort */
    store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_open_and_migrate, setup),
        cmocka_unit_test_setup(test_transactions, setup),
        cmocka_unit_test_setup(test_group_sync, setup),
        cmocka_unit_test_setup(test_plan_roundtrip, setup),
        cmocka_unit_test_setup(test_empty_plan, setup),
        cmocka_unit_test_setup(test_many_parent_leads, setup),
        cmocka_unit_test(test_migration_order),
        cmocka_unit_test_setup(test_data_version, setup),
        cmocka_unit_test_setup(test_orgs, setup),
        cmocka_unit_test_setup(test_communes_index, setup),
        cmocka_unit_test_setup(test_guard_and_backup, setup),
    };
    return cmocka_run_group_tests(tests, NULL, teardown_all);
}
