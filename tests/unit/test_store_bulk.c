/* test_store_bulk.c — the bulk load (store_bulk.h): an SQLite source into
 * a destination of the test's engine (an SQLite file under make test, a
 * PostgreSQL database under make test-pg: COPY). What must hold: every byte
 * of text and blob arrives as it left (tabs, newlines, backslashes, quotes,
 * bytes 0..255: COPY's text format escapes them), reals exactly, NULLs as
 * NULL, parents before children; the ids go on after the loaded ones; the
 * generation counter moved; a pristine check refuses a destination with
 * data; a failing row leaves the destination as it was. */
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
#include "store/store_bulk.h"
#include "store/store_org.h"
#include "test_db.h"

static char dir[] = "/tmp/dti-test-store-bulk-XXXXXX";

static void rm_db(const char *path)
{
    char p[300];
    const char *suffix[] = {"", "-wal", "-shm", "-journal"};
    for (int i = 0; i < 4; i++) {
        snprintf(p, sizeof p, "%s%s", path, suffix[i]);
        unlink(p);
    }
}

typedef struct got {
    char name[128];
    unsigned char bytes[512];
    size_t nbytes;
    double value;
    int value_null;
    int rows;
} got;

static int doc_row(void *ctx, const store_row *row)
{
    got *g = ctx;
    snprintf(g->name, sizeof g->name, "%s", row->v[0].s ? row->v[0].s : "");
    g->nbytes = row->v[1].n < sizeof g->bytes ? row->v[1].n : sizeof g->bytes;
    memcpy(g->bytes, row->v[1].s, g->nbytes);
    g->rows++;
    return 0;
}

static int target_row(void *ctx, const store_row *row)
{
    got *g = ctx;
    if (row->v[0].t == SV_NULL)
        g->value_null++;
    else
        g->value = row->v[0].t == SV_REAL ? row->v[0].d : (double)row->v[0].i;
    g->rows++;
    return 0;
}

static int tables;
static void progress(void *ctx, const char *table, int64_t rows, size_t done, size_t total)
{
    (void)ctx;
    (void)table;
    (void)rows;
    assert_true(done >= 1 && done <= total);
    tables++;
}

static const char *const NAME = "tab\there, line\nnext, back\\slash \\N 'q' \"dq\" Hòa Bình";

/* A source with a province, a commune under it, a document whose name and
 * bytes need escaping, a plan, and two targets (a real, a NULL). */
static void fill_source(store *s, int64_t *commune)
{
    dti_err e;
    int64_t prov = 0;
    unsigned char bytes[256];
    for (int i = 0; i < 256; i++)
        bytes[i] = (unsigned char)i;
    assert_int_equal(store_org_create(s, 0, ORG_PROVINCE, "Tỉnh A", "tinh a", 0, &prov, &e), DTI_OK);
    assert_int_equal(store_org_create(s, prov, ORG_COMMUNE, "Xã B", "xa b", 0, commune, &e), DTI_OK);
    store_val d[] = {SV_T("abc"), SV_T(NAME), SV_I(256), SV_T("text/plain"), SV_B(bytes, 256),
                     SV_T("2026-01-01T00:00:00Z")};
    assert_int_equal(store_exec(s, "INSERT INTO documents (id, sha256, name, size, media_type, bytes, created_at) "
                                   "VALUES (7, ?, ?, ?, ?, ?, ?)", d, 6, &e), DTI_OK);
    store_val p[] = {SV_I(*commune)};
    assert_int_equal(store_exec(s, "INSERT INTO plans (id, org_id, document_id, title, created_at) "
                                   "VALUES (3, ?, 7, 'Kế hoạch', '2026-01-01T00:00:00Z')", p, 1, &e), DTI_OK);
    assert_int_equal(store_exec(s, "INSERT INTO plan_groups (id, plan_id, seq, code, name) VALUES (1, 3, 1, '1', 'G')",
                                NULL, 0, &e), DTI_OK);
    assert_int_equal(store_exec(s, "INSERT INTO indicators (id, plan_id, group_id, seq, code, name) "
                                   "VALUES (1, 3, 1, 1, '1.1', 'Chỉ tiêu')", NULL, 0, &e), DTI_OK);
    store_val t1[] = {SV_R(0.1 + 0.2)};
    assert_int_equal(store_exec(s, "INSERT INTO indicator_targets (id, indicator_id, year, op, value, text) "
                                   "VALUES (1, 1, 2026, '>=', ?, 'x')", t1, 1, &e), DTI_OK);
    assert_int_equal(store_exec(s, "INSERT INTO indicator_targets (id, indicator_id, year, op, value, text) "
                                   "VALUES (2, 1, 2030, 'text', NULL, 'y')", NULL, 0, &e), DTI_OK);
}

static void test_bulk_copy(void **state)
{
    (void)state;
    char src_path[256], fresh_path[256], dst_path[256];
    store *src = NULL, *fresh = NULL, *dst = NULL;
    dti_err e;
    int64_t commune = 0, rows = 0, id = 0, gen0 = 0, gen1 = 0;
    assert_non_null(mkdtemp(dir));
    snprintf(src_path, sizeof src_path, "%s/src.db", dir);
    snprintf(fresh_path, sizeof fresh_path, "%s/fresh.db", dir);
    snprintf(dst_path, sizeof dst_path, "%s/dst.db", dir);
    assert_int_equal(store_open(src_path, &src, &e), DTI_OK);
    assert_int_equal(store_open(fresh_path, &fresh, &e), DTI_OK);
    assert_int_equal(store_open(test_db(dst_path), &dst, &e), DTI_OK);
    fill_source(src, &commune);

    /* a new destination is pristine; the source (with data) is not */
    assert_int_equal(store_bulk_pristine(dst, fresh, &e), DTI_OK);
    assert_int_equal(store_bulk_pristine(src, fresh, &e), DTI_ERR_CONFLICT);
    assert_non_null(strstr(e.msg, "orgs") ? e.msg : strstr(e.msg, "documents"));

    /* a destination table the source lacks: refused, named, nothing written */
    assert_int_equal(store_exec(dst, "CREATE TABLE zz_guard (id INTEGER)", NULL, 0, &e), DTI_OK);
    assert_int_equal(store_bulk_copy(src, dst, fresh, NULL, NULL, &rows, &e), DTI_ERR_CONFLICT);   /* src has no zz_guard */
    assert_non_null(strstr(e.msg, "zz_guard"));
    assert_int_equal(store_exec(dst, "DROP TABLE zz_guard", NULL, 0, &e), DTI_OK);

    assert_int_equal(store_query_int(dst, "SELECT gen FROM score_generation", NULL, 0, &gen0, NULL, &e), DTI_OK);
    assert_int_equal(store_bulk_copy(src, dst, fresh, progress, NULL, &rows, &e), DTI_OK);
    assert_true(tables > 10);
    assert_true(rows >= 7);

    got g;
    memset(&g, 0, sizeof g);
    assert_int_equal(store_query(dst, "SELECT name, bytes FROM documents WHERE id = 7", NULL, 0, doc_row, &g, &e),
                     DTI_OK);
    assert_int_equal(g.rows, 1);
    assert_string_equal(g.name, NAME);
    assert_int_equal(g.nbytes, 256);
    for (int i = 0; i < 256; i++)
        assert_int_equal(g.bytes[i], i);
    memset(&g, 0, sizeof g);
    assert_int_equal(store_query(dst, "SELECT value FROM indicator_targets ORDER BY id", NULL, 0, target_row, &g, &e),
                     DTI_OK);
    assert_int_equal(g.rows, 2);
    assert_true(g.value == 0.1 + 0.2);      /* exactly: %.17g both ways */
    assert_int_equal(g.value_null, 1);
    int64_t parent = 0;
    store_val c[] = {SV_I(commune)};
    assert_int_equal(store_query_int(dst, "SELECT parent_id FROM orgs WHERE id = ?", c, 1, &parent, NULL, &e), DTI_OK);
    assert_true(parent > 0 && parent != commune);

    /* the ids go on after the loaded ones; the generation moved */
    assert_int_equal(store_org_create(dst, parent, ORG_COMMUNE, "Xã C", "xa c", 0, &id, &e), DTI_OK);
    assert_int_equal(id, commune + 1);
    assert_int_equal(store_query_int(dst, "SELECT gen FROM score_generation", NULL, 0, &gen1, NULL, &e), DTI_OK);
    assert_true(gen1 > gen0);

    /* loaded, the destination is no longer pristine, and a second load is
     * refused inside its transaction: nothing of it deleted */
    assert_int_equal(store_bulk_pristine(dst, fresh, &e), DTI_ERR_CONFLICT);
    int64_t orgs = 0;
    assert_int_equal(store_query_int(dst, "SELECT COUNT(*) FROM orgs", NULL, 0, &orgs, NULL, &e), DTI_OK);
    assert_int_equal(store_bulk_copy(src, dst, fresh, NULL, NULL, &rows, &e), DTI_ERR_CONFLICT);
    int64_t orgs2 = 0;
    assert_int_equal(store_query_int(dst, "SELECT COUNT(*) FROM orgs", NULL, 0, &orgs2, NULL, &e), DTI_OK);
    assert_int_equal(orgs2, orgs);

    store_close(src);
    store_close(fresh);
    store_close(dst);
    rm_db(src_path);
    rm_db(fresh_path);
    rm_db(dst_path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bulk_copy),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
