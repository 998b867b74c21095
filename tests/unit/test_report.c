/* test_report.c — report use cases (app/report.c, evidence.c, assign.c,
 * calendar.c) and the CSV reader (base/csv.c): value checks that refuse
 * and change nothing, the state machine, versions, evidence types and
 * storage, assignments changed over time. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include "app_fixture.h"
#include "app/plan/assign.h"
#include "app/audit/audit.h"
#include "app/plan/calendar.h"
#include "app/demo/demo.h"
#include "app/report/report.h"
#include "app/report/report_int.h"
#include "app/score/score.h"
#include "base/csv.h"

static report_key key(int64_t plan_id, int64_t org, const char *period)
{
    report_key k;
    memset(&k, 0, sizeof k);
    k.plan_id = plan_id;
    k.org_id = org;
    snprintf(k.period, sizeof k.period, "%s", period);
    return k;
}

static int64_t count(fixture *f, const char *sql)
{
    int64_t n = -1;
    dti_err e;
    assert_int_equal(store_query_int(f->s, sql, NULL, 0, &n, NULL, &e), DTI_OK);
    return n;
}

struct rows {
    char cells[8][4][32];
    size_t n, nf[8], lines[8];
};

static dti_rc row_fn(void *ctx, size_t line, char **f, size_t n, dti_err *e)
{
    struct rows *r = ctx;
    (void)e;
    if (r->n < 8) {
        r->nf[r->n] = n;
        r->lines[r->n] = line;
        for (size_t i = 0; i < n && i < 4; i++)
            snprintf(r->cells[r->n][i], 32, "%s", f[i]);
        r->n++;
    }
    return DTI_OK;
}

static void test_csv(void **state)
{
    (void)state;
    struct rows r;
    dti_err e;
    const char a[] = "\xEF\xBB\xBF" "code;value;note\r\n4.1;12,5;\"a; \"\"b\"\"\nc\"\r\n\r\n4.2;;x\n";
    memset(&r, 0, sizeof r);
    assert_int_equal(csv_parse("a.csv", a, strlen(a), 10, row_fn, &r, &e), DTI_OK);
    assert_int_equal(r.n, 3);
    assert_string_equal(r.cells[0][0], "code");
    assert_string_equal(r.cells[1][1], "12,5");
    assert_string_equal(r.cells[1][2], "a; \"b\"\nc");
    assert_int_equal(r.lines[2], 5);
    assert_string_equal(r.cells[2][2], "x");
    const char b[] = "a,b\n\"open,x\n";
    memset(&r, 0, sizeof r);
    assert_int_equal(csv_parse("b.csv", b, strlen(b), 10, row_fn, &r, &e), DTI_ERR_INPUT);
    assert_non_null(strstr(e.msg, "b.csv"));
    const char c[] = "a\nb\nc\n";
    memset(&r, 0, sizeof r);
    assert_int_equal(csv_parse("c.csv", c, strlen(c), 2, row_fn, &r, &e), DTI_ERR_TOOBIG);
}

/* Each refused file names the indicator and the rule, and leaves the store as it was. */
static void test_value_checks(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    report_fill_result r;
    assert_int_equal(fixture_open(&f, 1), 0);
    report_key k = key(f.plan, f.A1, "2026-03");
    const char ok[] = "code,numerator,denominator,value\nI1,3,4,\n";
    assert_int_equal(report_fill_csv_as(f.s, &f.rep_a1, &k, ok, strlen(ok), FIX_NOW, &r, &e), DTI_OK);
    int64_t audits = count(&f, "SELECT COUNT(*) FROM audit");
    static const struct { const char *csv, *want; } bad[] = {
        {"code,numerator,denominator\nI1,1,0\n", "mẫu số phải lớn hơn 0"},
        {"code,numerator,denominator\nI1,5,4\n", "tử số phải từ 0 đến mẫu số"},
        {"code,numerator,denominator\nI1,-1,4\n", "cột tử số: \"-1\": số liệu không được âm"},
        {"code,value\nI1,100.5\n", "tỷ lệ phải từ 0 đến 100"},
        {"code,numerator,denominator,value\nI1,1,4,30\n", "không khớp"},
        {"code,numerator\nI1,1\n", "cần cả tử số và mẫu số"},
        {"code,value\nI1,abc\n", "không phải là số"},
        {"code,value\nI1,1e308\n", "số mũ"},
        {"code,value\nI1,2.100\n", "không rõ"},
        {"code,numerator,denominator\nI1,0x10,20\n", "hệ 16"},
        {"code,value\nI1,inf\n", "không phải là số"},
        {"code,value,note\nI1,50,\"a\0b\"\n", "NUL"},
        {"code,value,met\nI1,50,có\n", "mục tiêu là một con số"},
        {"code,value\nZ9,1\n", "không có chỉ tiêu hay nhiệm vụ mã Z9"},
        {"code,value\nI2,1\n", "không được phân công"},
        {"code,colour\nI1,red\n", "không biết"},
        {"kind,code,status\ntask,K1,xong\n", "tình trạng"},
        {"kind,code,status,percent\ntask,K1,đang triển khai,120\n", "phần trăm"},
        {"code,value\n", "không có dòng"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        dti_err_clear(&e);
        size_t len = strlen(bad[i].csv);
        if (strstr(bad[i].want, "NUL"))
            len += 1 + strlen(bad[i].csv + len + 1);    /* the text goes on after its NUL */
        assert_int_not_equal(report_fill_csv_as(f.s, &f.rep_a1, &k, bad[i].csv, len, FIX_NOW, &r, &e),
                             DTI_OK);
        if (!strstr(e.msg, bad[i].want))
            fail_msg("case %zu: \"%s\" lacks \"%s\"", i, e.msg, bad[i].want);
    }
    /* the first rows good, the last bad: nothing of the file is kept */
    const char half[] = "code,numerator,denominator\nI1,4,4\nI1,5,4\n";
    assert_int_not_equal(report_fill_csv_as(f.s, &f.rep_a1, &k, half, strlen(half), FIX_NOW, &r, &e), DTI_OK);
    assert_non_null(strstr(e.msg, "dòng 3"));
    assert_int_equal(count(&f, "SELECT COUNT(*) FROM audit"), audits);
    assert_int_equal(count(&f, "SELECT CAST(value AS INTEGER) FROM report_values"), 75);
    /* a rate computed from numerator and denominator; a count is not a rate */
    const char count_csv[] = "code,value,note\nI2,12,mười hai buổi\n";
    report_key k2 = key(f.plan, f.A2, "2026-03");
    assert_int_equal(report_fill_csv_as(f.s, &f.rep_a2, &k2, count_csv, strlen(count_csv), FIX_NOW, &r, &e), DTI_OK);
    assert_int_equal(r.values, 1);
    /* Vietnamese headers, decimal comma, tasks and texts */
    const char vi[] = "Loại;Mã;Tử số;Mẫu số;Ghi chú;Trạng thái;Phần trăm;Sản phẩm\n"
                      "chỉ tiêu;I1;7;10;ghi chú;;;\nnhiệm vụ;K1;;;;hoàn thành;100;Kho hồ sơ số\n"
                      "khó khăn;;;;Thiếu máy quét;;;\n";
    assert_int_equal(report_fill_csv_as(f.s, &f.rep_a1, &k, vi, strlen(vi), FIX_NOW, &r, &e), DTI_OK);
    assert_int_equal(r.values, 1);
    assert_int_equal(r.tasks, 1);
    assert_int_equal(r.texts, 1);
    json_t *j = NULL;
    assert_int_equal(report_show_as(f.s, &f.rep_a1, &k, 0, FIX_NOW, &j, &e), DTI_OK);
    assert_string_equal(json_string_value(json_object_get(j, "difficulties")), "Thiếu máy quét");
    json_t *t = json_array_get(json_object_get(j, "tasks"), 0);
    assert_string_equal(json_string_value(json_object_get(t, "status")), "hoàn thành");
    assert_true(json_real_value(json_object_get(json_array_get(json_object_get(j, "values"), 0), "value")) == 70.0);
    json_decref(j);
    /* a user who may not write this report hears of that, not of the CSV's
     * errors (the rows are read before the lock: their errors only count
     * once the permission is checked, report.c) */
    const char bad_code[] = "code,value\nZ9-secret,1\n";
    dti_err_clear(&e);
    assert_int_not_equal(report_fill_csv_as(f.s, &f.coord_b, &k, bad_code, strlen(bad_code), FIX_NOW, &r, &e),
                         DTI_OK);
    assert_null(strstr(e.msg, "Z9-secret"));
    assert_int_equal(count(&f, "SELECT COUNT(*) FROM audit"), audits + 3);
    fixture_close(&f);
}

/* Between the rows' first reading (before the write lock) and the lock,
 * another writer takes the org off the indicator: the save must read the
 * rows again under the lock and refuse, as if it had come after; a write
 * elsewhere that moves nothing they depend on leaves them standing. */
struct between {
    const char *url;
    const char *sql;
    int calls;
};

static void between_write(void *ctx)
{
    struct between *b = ctx;
    store *s2 = NULL;
    dti_err e;
    b->calls++;
    if (!b->sql)
        return;
    assert_int_equal(store_open(b->url, &s2, &e), DTI_OK);
    assert_int_equal(store_exec(s2, b->sql, NULL, 0, &e), DTI_OK);
    store_close(s2);
}

/* The seam is reset whatever the test did (a failed assertion leaves the
 * function at once: the next tests must not call it). */
static int between_reset(void **state)
{
    (void)state;
    report_fill_between = NULL;
    report_fill_between_ctx = NULL;
    return 0;
}

static void test_rows_read_again_when_moved(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    report_fill_result r;
    static char path[64];
    snprintf(path, sizeof path, "/tmp/test_report_between_%ld.db", (long)getpid());
    unlink(path);
    const char *url = test_db(path);
    assert_int_equal(fixture_open_at(&f, 1, url), 0);
    report_key k = key(f.plan, f.A1, "2026-03");
    const char csv[] = "code,value\nI1,50\n";
    static struct between b;
    b.url = url;
    b.sql = NULL;
    b.calls = 0;
    report_fill_between = between_write;
    report_fill_between_ctx = &b;
    /* nothing written in between: the save goes through */
    assert_int_equal(report_fill_csv_as(f.s, &f.rep_a1, &k, csv, strlen(csv), FIX_NOW, &r, &e), DTI_OK);
    assert_int_equal(b.calls, 1);
    /* another unit's draft saved in between (it moves the global
     * generation, not the plan's): the rows read before stand */
    report_fill_between = NULL;
    report_key ka2 = key(f.plan, f.A2, "2026-03");
    const char csv_a2[] = "code,value\nI2,12\n";
    assert_int_equal(report_fill_csv_as(f.s, &f.rep_a2, &ka2, csv_a2, strlen(csv_a2), FIX_NOW, &r, &e), DTI_OK);
    report_fill_between = between_write;
    unsigned long reread0 = atomic_load(&report_fill_reread);
    static char draft_sql[200];
    snprintf(draft_sql, sizeof draft_sql, "UPDATE report_values SET note = 'giữa chừng' WHERE report_id = "
             "(SELECT id FROM reports WHERE org_id = %lld)", (long long)f.A2);
    b.sql = draft_sql;
    int64_t gen0 = count(&f, "SELECT gen FROM score_generation");
    assert_int_equal(report_fill_csv_as(f.s, &f.rep_a1, &k, csv, strlen(csv), FIX_NOW, &r, &e), DTI_OK);
    assert_true(count(&f, "SELECT gen FROM score_generation") > gen0 + 1);
    assert_int_equal(count(&f, "SELECT COUNT(*) FROM report_values WHERE note = 'giữa chừng'"), 1);
    assert_int_equal(atomic_load(&report_fill_reread), reread0);
    /* the org's assignment removed in between: refused, nothing written */
    int64_t audits = count(&f, "SELECT COUNT(*) FROM audit");
    static char sql[160];
    snprintf(sql, sizeof sql, "DELETE FROM assignments WHERE org_id = %lld AND indicator_id = %lld",
             (long long)f.A1, (long long)f.i1);
    b.sql = sql;
    const char csv2[] = "code,value\nI1,60\n";
    dti_err_clear(&e);
    assert_int_equal(report_fill_csv_as(f.s, &f.rep_a1, &k, csv2, strlen(csv2), FIX_NOW, &r, &e), DTI_ERR_PERM);
    assert_non_null(strstr(e.msg, "không được phân công"));
    assert_int_equal(b.calls, 3);
    assert_int_equal(atomic_load(&report_fill_reread), reread0 + 1);
    assert_int_equal(count(&f, "SELECT COUNT(*) FROM audit"), audits);
    char vq[160];
    snprintf(vq, sizeof vq, "SELECT CAST(value AS INTEGER) FROM report_values WHERE indicator_id = %lld",
             (long long)f.i1);
    assert_int_equal(count(&f, vq), 50);
    report_fill_between = NULL;
    report_fill_between_ctx = NULL;
    fixture_close(&f);
    unlink(path);
    static const char *const sides[] = {"-wal", "-shm", ".audit-key", ".audit-anchor"};
    for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++) {
        char side[96];
        snprintf(side, sizeof side, "%s%s", path, sides[i]);
        unlink(side);
    }
}

/* The audit images of a save are written as text (report_snapshot_text):
 * byte for byte what jansson gives for report_snapshot, for reports with
 * nulls, reals, quotes, tabs and Vietnamese in their fields; and the saved
 * entry's after-image is that text. */
static void test_snapshot_text(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    report_fill_result r;
    assert_int_equal(fixture_open(&f, 1), 0);
    report_key k = key(f.plan, f.A1, "2026-03");
    const char a[] = "kind,code,numerator,denominator,value,note,status,percent,products\n"
                     "indicator,I1,1,3,,\"ghi \"\"chú\"\" \\ dấu\tx\",,,\n"
                     "task,K1,,,,,đang triển khai,12.5,\"Sản phẩm / \"\"A\"\"\"\n"
                     "results,,,,,Kết quả: tốt\n";
    assert_int_equal(report_fill_csv_as(f.s, &f.rep_a1, &k, a, strlen(a), FIX_NOW, &r, &e), DTI_OK);
    report_key k2 = key(f.plan, f.A2, "2026-03");
    const char b[] = "code,value\nI2,12\n";
    assert_int_equal(report_fill_csv_as(f.s, &f.rep_a2, &k2, b, strlen(b), FIX_NOW, &r, &e), DTI_OK);
    int64_t ids[2] = {0, 0};
    ids[0] = count(&f, "SELECT MIN(id) FROM reports");
    ids[1] = count(&f, "SELECT MAX(id) FROM reports");
    assert_true(ids[0] > 0 && ids[1] > ids[0]);
    for (int i = 0; i < 2; i++) {
        json_t *j = NULL;
        char *text = NULL;
        assert_int_equal(report_snapshot(f.s, ids[i], 1, &j, &e), DTI_OK);
        char *want = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
        assert_int_equal(report_snapshot_text(f.s, ids[i], &text, &e), DTI_OK);
        assert_string_equal(text, want);
        store_val p[] = {SV_T(text)};
        int64_t n = 0;
        assert_int_equal(store_query_int(f.s, "SELECT COUNT(*) FROM audit WHERE action = 'report.fill' AND "
                                              "after_json = ?", p, 1, &n, NULL, &e), DTI_OK);
        assert_int_equal(n, 1);
        free(text);
        free(want);
        json_decref(j);
    }
    {
        char *none = NULL;
        assert_int_equal(report_snapshot_text(f.s, 999999, &none, &e), DTI_ERR_NOTFOUND);
        assert_null(none);
    }
    audit_check c;
    assert_int_equal(audit_verify(f.s, &f.admin, &c, &e), DTI_OK);
    assert_true(c.ok);
    fixture_close(&f);
}

/* The smallest PDF the evidence check (app/evidence.c) takes as one. */
static const char MINI_PDF[] = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

static void test_state_machine_and_versions(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    report_fill_result r;
    json_t *j = NULL;
    assert_int_equal(fixture_open(&f, 1), 0);
    report_key k = key(f.plan, f.A1, "2026-q1");     /* canonicalised to 2026-Q1 */
    const char v1[] = "code,value\nI1,50\n";
    const char v2[] = "code,value\nI1,60\n";
    time_t t = FIX_NOW;
    /* nothing to submit, return or approve yet */
    assert_int_equal(report_submit_as(f.s, &f.rep_a1, &k, t, NULL, &e), DTI_ERR_NOTFOUND);
    assert_int_equal(report_fill_csv_as(f.s, &f.rep_a1, &k, v1, strlen(v1), t, &r, &e), DTI_OK);
    assert_int_equal(report_approve_as(f.s, &f.coord_a, &k, t, &e), DTI_ERR_CONFLICT);
    size_t missing = 0;
    assert_int_equal(report_submit_as(f.s, &f.rep_a1, &k, t + 10, &missing, &e), DTI_OK);
    assert_int_equal(missing, 1);   /* task K1 has no entry */
    assert_int_equal(report_submit_as(f.s, &f.rep_a1, &k, t + 11, NULL, &e), DTI_ERR_CONFLICT);
    assert_int_equal(report_fill_csv_as(f.s, &f.rep_a1, &k, v2, strlen(v2), t, &r, &e), DTI_ERR_CONFLICT);
    assert_int_equal(report_return_as(f.s, &f.coord_a, &k, "", t + 20, &e), DTI_ERR_INPUT);
    assert_int_equal(report_return_as(f.s, &f.coord_a, &k, "Thiếu minh chứng", t + 20, &e), DTI_OK);
    assert_int_equal(report_approve_as(f.s, &f.coord_a, &k, t + 21, &e), DTI_ERR_CONFLICT);
    assert_int_equal(report_fill_csv_as(f.s, &f.rep_a1, &k, v2, strlen(v2), t + 30, &r, &e), DTI_OK);
    assert_int_equal(report_submit_as(f.s, &f.rep_a1, &k, t + 40, NULL, &e), DTI_OK);
    assert_int_equal(report_approve_as(f.s, &f.coord_a, &k, t + 50, &e), DTI_OK);
    /* first submission kept */
    assert_int_equal(report_show_as(f.s, &f.coord_a, &k, 0, t + 60, &j, &e), DTI_OK);
    char ts[AUTH_TS_LEN];
    assert_string_equal(json_string_value(json_object_get(j, "submitted_at")), auth_ts(t + 10, ts));
    assert_string_equal(json_string_value(json_object_get(j, "period")), "2026-Q1");
    json_decref(j);
    /* approved means locked: no fill, no evidence; a reopen by a coordinator
     * with a reason makes version 2, a copy, the approved one kept */
    const char v3[] = "code,value\nI1,65\n";
    assert_int_equal(report_fill_csv_as(f.s, &f.rep_a1, &k, v3, strlen(v3), t + 70, &r, &e), DTI_ERR_CONFLICT);
    assert_non_null(strstr(e.msg, "reopen"));
    assert_int_equal(report_attach_as(f.s, &f.rep_a1, &k, 'i', "I1", "a.pdf", MINI_PDF, sizeof MINI_PDF - 1, 0, t + 70, NULL, NULL,
                                   &e), DTI_ERR_CONFLICT);
    int ver = 0;
    assert_int_equal(report_reopen_as(f.s, &f.coord_a, &k, "", t + 71, &ver, &e), DTI_ERR_INPUT);
    assert_int_equal(report_reopen_as(f.s, &f.rep_a1, &k, "Sửa số liệu", t + 71, &ver, &e), DTI_ERR_PERM);
    assert_int_equal(report_reopen_as(f.s, &f.coord_a, &k, "Sửa số liệu tháng 3", t + 71, &ver, &e), DTI_OK);
    assert_int_equal(ver, 2);
    assert_int_equal(report_reopen_as(f.s, &f.coord_a, &k, "lần nữa", t + 72, &ver, &e), DTI_ERR_CONFLICT);
    assert_int_equal(report_fill_csv_as(f.s, &f.rep_a1, &k, v3, strlen(v3), t + 73, &r, &e), DTI_OK);
    assert_int_equal(r.version, 2);
    assert_false(r.new_version);
    assert_int_equal(report_versions_as(f.s, &f.rep_a1, &k, &j, &e), DTI_OK);
    assert_int_equal(json_array_size(j), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(j, 0), "state")), "approved");
    assert_string_equal(json_string_value(json_object_get(json_array_get(j, 1), "state")), "returned");
    assert_string_equal(json_string_value(json_object_get(json_array_get(j, 1), "reason")), "Sửa số liệu tháng 3");
    json_decref(j);
    assert_int_equal(report_show_as(f.s, &f.rep_a1, &k, 1, t, &j, &e), DTI_OK);
    assert_true(json_real_value(json_object_get(json_array_get(json_object_get(j, "values"), 0), "value")) == 60.0);
    json_decref(j);
    assert_int_equal(report_show_as(f.s, &f.rep_a1, &k, 2, t, &j, &e), DTI_OK);
    assert_true(json_real_value(json_object_get(json_array_get(json_object_get(j, "values"), 0), "value")) == 65.0);
    json_decref(j);
    assert_int_equal(count(&f, "SELECT COUNT(*) FROM audit WHERE action = 'report.reopen' AND "
                               "before_json IS NOT NULL AND after_json LIKE '%Sửa số liệu tháng 3%'"), 1);
    /* bad periods */
    report_key bad = key(f.plan, f.A1, "2026-13");
    assert_int_equal(report_fill_csv_as(f.s, &f.rep_a1, &bad, v1, strlen(v1), t, &r, &e), DTI_ERR_INPUT);
    /* the log holds every step, chained */
    audit_check c;
    assert_int_equal(audit_verify(f.s, &f.admin, &c, &e), DTI_OK);
    assert_true(c.ok);
    assert_int_equal(count(&f, "SELECT COUNT(*) FROM audit WHERE action IN ('report.submit', 'report.return', "
                               "'report.approve', 'report.reopen')"), 5);
    fixture_close(&f);
}


/* Numbers as Vietnamese write them, per indicator kind (base/num.h). */
static void test_numbers(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    report_fill_result r;
    json_t *j = NULL;
    assert_int_equal(fixture_open(&f, 1), 0);
    report_key k2 = key(f.plan, f.A2, "2026-03");
    /* I2 is a count (">= 5 lượt"): 2.100 is two thousand one hundred */
    const char c1[] = "code,value\nI2,2.100\n";
    assert_int_equal(report_fill_csv_as(f.s, &f.rep_a2, &k2, c1, strlen(c1), FIX_NOW, &r, &e), DTI_OK);
    assert_int_equal(report_show_as(f.s, &f.rep_a2, &k2, 0, FIX_NOW, &j, &e), DTI_OK);
    assert_true(json_real_value(json_object_get(json_array_get(json_object_get(j, "values"), 0), "value")) == 2100.0);
    json_decref(j);
    static const struct { const char *csv, *want; } bad[] = {
        {"code,value\nI2,\"2,5\"\n", "số nguyên"},
        {"code,value\nI2,-5\n", "âm"},
        {"code,value\nI2,-1e308\n", "số mũ"},
        {"code,value\nI2,1e-400\n", "số mũ"},
        {"code,value\nI2,\"1,234\"\n", "không rõ"},
        {"code,value\nI2,1.000.000.000.001\n", "lớn quá"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        dti_err_clear(&e);
        assert_int_not_equal(report_fill_csv_as(f.s, &f.rep_a2, &k2, bad[i].csv, strlen(bad[i].csv), FIX_NOW, &r, &e),
                             DTI_OK);
        if (!strstr(e.msg, bad[i].want))
            fail_msg("case %zu: \"%s\" lacks \"%s\"", i, e.msg, bad[i].want);
        if (!strstr(e.msg, "chỉ tiêu I2"))
            fail_msg("case %zu: \"%s\" does not name the indicator", i, e.msg);
    }
    /* I1 is a rate: 2,1 and "1,234" are decimals; counts with grouping */
    report_key k1 = key(f.plan, f.A1, "2026-03");
    const char c2[] = "code;numerator;denominator\nI1;1.234;2.000\n";
    assert_int_equal(report_fill_csv_as(f.s, &f.rep_a1, &k1, c2, strlen(c2), FIX_NOW, &r, &e), DTI_OK);
    assert_int_equal(count(&f, "SELECT CAST(numerator AS INTEGER) FROM report_values WHERE numerator IS NOT NULL"),
                     1234);
    const char c3[] = "code;value\nI1;12,5 %\n";
    assert_int_equal(report_fill_csv_as(f.s, &f.rep_a1, &k1, c3, strlen(c3), FIX_NOW, &r, &e), DTI_OK);
    assert_int_equal(count(&f, "SELECT CAST(value * 10 AS INTEGER) FROM report_values v JOIN reports r ON "
                               "r.id = v.report_id WHERE r.org_id = (SELECT MIN(id) FROM orgs WHERE name = 'Công an xã')"),
                     125);
    fixture_close(&f);
}

/* A text target is met, not met, or met to a level 0..1: each is scored. */
static void test_text_target(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    report_fill_result r;
    assert_int_equal(fixture_open(&f, 1), 0);
    store_val ip[] = {SV_I(f.plan)};
    int64_t i3 = fix_ins(f.s, "INSERT INTO indicators (plan_id, seq, code, group_code, name) VALUES (?, 3, 'I3', '1', "
                              "'Triển khai nền tảng') RETURNING id", ip, 1);
    store_val tp[] = {SV_I(i3)};
    fix_ins(f.s, "INSERT INTO indicator_targets (indicator_id, year, op, value, unit, text) "
                 "VALUES (?, 2026, 'text', NULL, '', 'Triển khai') RETURNING id", tp, 1);
    fix_assign(f.s, f.plan, i3, 0, f.A1, "lead");
    report_key k = key(f.plan, f.A1, "2026-03");
    static const struct { const char *csv, *want; } bad[] = {
        {"code,value\nI3,\"1,5\"\n", "0 đến 1"},
        {"code,value\nI3,50%\n", "0 đến 1"},
        {"code,numerator,denominator\nI3,1,2\n", "định tính"},
        {"code,value,met\nI3,0.5,có\n", "trái với"},
        {"code,value,met\nI3,1,không\n", "trái với"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        dti_err_clear(&e);
        assert_int_not_equal(report_fill_csv_as(f.s, &f.rep_a1, &k, bad[i].csv, strlen(bad[i].csv), FIX_NOW, &r, &e),
                             DTI_OK);
        if (bad[i].want && !strstr(e.msg, bad[i].want))
            fail_msg("case %zu: \"%s\" lacks \"%s\"", i, e.msg, bad[i].want);
    }
    const char half[] = "code,value,met\nI3,\"0,5\",không\n";
    assert_int_equal(report_fill_csv_as(f.s, &f.rep_a1, &k, half, strlen(half), FIX_NOW, &r, &e), DTI_OK);
    assert_int_equal(report_submit_as(f.s, &f.rep_a1, &k, FIX_NOW + 1, NULL, &e), DTI_OK);
    assert_int_equal(report_approve_as(f.s, &f.coord_a, &k, FIX_NOW + 2, &e), DTI_OK);
    scoring_result sc;
    memset(&sc, 0, sizeof sc);
    assert_int_equal(scoring_compute_as(f.s, &f.coord_a, f.plan, "2026-03", &sc, &e), DTI_OK);
    const scoring_ind *d = scoring_find(&sc, "I3");
    assert_non_null(d);
    assert_true(d->trend.latest.has_data);
    assert_true(d->trend.latest.achievement == 0.5);
    assert_false(d->trend.latest.met);
    assert_true(d->counted);
    scoring_release(&sc);
    fixture_close(&f);
}

/* Who fills or submits does not approve, unless the commune allows it. */
static void test_no_self_approval(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    report_fill_result r;
    json_t *j = NULL;
    assert_int_equal(fixture_open(&f, 1), 0);
    /* the commune's own report, filled and submitted by its coordinator */
    fix_assign(f.s, f.plan, f.i2, 0, f.A, "lead");
    report_key k = key(f.plan, f.A, "2026-03");
    const char c[] = "code,value\nI2,6\n";
    assert_int_equal(report_fill_csv_as(f.s, &f.coord_a, &k, c, strlen(c), FIX_NOW, &r, &e), DTI_OK);
    assert_int_equal(report_submit_as(f.s, &f.coord_a, &k, FIX_NOW + 1, NULL, &e), DTI_OK);
    dti_rc arc = report_approve_as(f.s, &f.coord_a, &k, FIX_NOW + 2, &e);
    if (arc != DTI_ERR_PERM)
        fail_msg("approve: %d %s", (int)arc, e.msg);
    assert_non_null(strstr(e.msg, "không tự duyệt"));
    /* a reporter cannot allow it; the admin can, with a reason */
    assert_int_not_equal(report_set_self_approval_as(f.s, &f.coord_a, f.A, 1, "x", FIX_NOW, &e), DTI_OK);
    assert_int_equal(report_set_self_approval_as(f.s, &f.admin, f.A1, 1, "x", FIX_NOW, &e), DTI_ERR_INPUT);
    assert_int_equal(report_set_self_approval_as(f.s, &f.admin, f.A, 1, "", FIX_NOW, &e), DTI_ERR_INPUT);
    assert_int_equal(report_set_self_approval_as(f.s, &f.admin, f.A, 1, "Xã chỉ có một cán bộ", FIX_NOW, &e), DTI_OK);
    assert_int_equal(report_approve_as(f.s, &f.coord_a, &k, FIX_NOW + 3, &e), DTI_OK);
    assert_int_equal(report_show_as(f.s, &f.coord_a, &k, 0, FIX_NOW, &j, &e), DTI_OK);
    assert_true(json_is_true(json_object_get(j, "self_approved")));
    json_decref(j);
    assert_int_equal(count(&f, "SELECT COUNT(*) FROM audit WHERE action = 'report.approve_own'"), 1);
    assert_int_equal(count(&f, "SELECT COUNT(*) FROM audit WHERE action = 'org.self_approval'"), 1);
    /* a unit's report approved by the coordinator is not self-approved */
    report_key k1 = key(f.plan, f.A1, "2026-03");
    const char c1[] = "code,value\nI1,50\n";
    assert_int_equal(report_fill_csv_as(f.s, &f.rep_a1, &k1, c1, strlen(c1), FIX_NOW, &r, &e), DTI_OK);
    assert_int_equal(report_submit_as(f.s, &f.rep_a1, &k1, FIX_NOW + 1, NULL, &e), DTI_OK);
    assert_int_equal(report_approve_as(f.s, &f.coord_a, &k1, FIX_NOW + 2, &e), DTI_OK);
    assert_int_equal(report_show_as(f.s, &f.coord_a, &k1, 0, FIX_NOW, &j, &e), DTI_OK);
    assert_true(json_is_false(json_object_get(j, "self_approved")));
    json_decref(j);
    fixture_close(&f);
}

static void test_evidence(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    int64_t id = 0;
    int fresh = 0;
    assert_int_equal(fixture_open(&f, 1), 0);
    report_key k = key(f.plan, f.A1, "2026-03");
    /* Type by structure, not by the first bytes alone (issue 9): an 8-byte
     * "PNG", a 3-byte "JPEG", a PDF without its end are refused. */
    static const unsigned char png8[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    static const unsigned char jpg3[] = {0xFF, 0xD8, 0xFF};
    /* SOI, SOF0 1x1 one component, SOS, one byte of scan, EOI */
    static const unsigned char jpg[] = {0xFF, 0xD8, 0xFF, 0xC0, 0, 11, 8, 0, 1, 0, 1, 1, 1, 0x11, 0,
                                        0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 63, 0, 0x00, 0xFF, 0xD9};
    static const char pdf[] = "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
    char *png = NULL;
    size_t pngn = 0;
    assert_int_equal(demo_png(4, 3, 0x336699, NULL, 0, &png, &pngn, &e), DTI_OK);
    assert_string_equal(report_media_type(pdf, strlen(pdf)), "application/pdf");
    assert_null(report_media_type("%PDF-1.7\n", 9));
    assert_null(report_media_type(pdf, strlen(pdf) - 7));     /* cut before %%EOF */
    assert_string_equal(report_media_type(png, pngn), "image/png");
    assert_null(report_media_type(png, pngn - 1));            /* IEND cut */
    png[20] ^= 1;                                             /* IHDR's CRC no longer matches */
    assert_null(report_media_type(png, pngn));
    png[20] ^= 1;
    assert_null(report_media_type(png8, sizeof png8));
    assert_string_equal(report_media_type(jpg, sizeof jpg), "image/jpeg");
    assert_null(report_media_type(jpg, sizeof jpg - 2));      /* no EOI */
    assert_null(report_media_type(jpg3, sizeof jpg3));
    assert_null(report_media_type("PK\x03\x04garbage", 11));
    assert_null(report_media_type("MZ\x90\x00", 4));
    assert_null(report_media_type("hello", 5));
    /* a real docx from the shared plans is an Office file */
    char *docx = NULL;
    size_t n = 0;
    const char *shared = getenv("SHARED");
    char path[512];
    snprintf(path, sizeof path, "%s/plans/office/minh-duc-2026-2030-dti.docx", shared ? shared : "../shared");
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    docx = malloc(1 << 22);
    assert_non_null(docx);
    n = fread(docx, 1, 1 << 22, fp);
    fclose(fp);
    assert_string_equal(report_media_type(docx, n), "application/vnd.openxmlformats-officedocument."
                                                   "wordprocessingml.document");
    assert_int_equal(report_attach_as(f.s, &f.rep_a1, &k, 'i', "I1", "dir/bien ban.pdf", pdf, strlen(pdf), 0,
                                   FIX_NOW, &id, &fresh, &e), DTI_OK);
    assert_true(fresh);
    assert_int_equal(report_attach_as(f.s, &f.rep_a1, &k, 't', "K1", "lan2.pdf", pdf, strlen(pdf), 0, FIX_NOW, &id,
                                   &fresh, &e), DTI_OK);
    assert_false(fresh);
    assert_int_equal(count(&f, "SELECT COUNT(*) FROM evidence_files"), 1);
    assert_int_equal(count(&f, "SELECT COUNT(*) FROM evidence WHERE name = 'bien ban.pdf'"), 1);
    /* the stored name's extension follows the type: x.html holding a PDF
     * is kept as x.html.pdf; a .JPEG keeps its own */
    assert_int_equal(report_attach_as(f.s, &f.rep_a1, &k, 0, NULL, "x.html", pdf, strlen(pdf), 0, FIX_NOW, NULL, NULL,
                                   &e), DTI_OK);
    assert_int_equal(count(&f, "SELECT COUNT(*) FROM evidence WHERE name = 'x.html.pdf'"), 1);
    assert_int_equal(report_attach_as(f.s, &f.rep_a1, &k, 0, NULL, "ANH.JPEG", (const char *)jpg, sizeof jpg, 0,
                                   FIX_NOW, NULL, NULL, &e), DTI_OK);
    assert_int_equal(count(&f, "SELECT COUNT(*) FROM evidence WHERE name = 'ANH.JPEG'"), 1);
    assert_int_equal(report_attach_as(f.s, &f.rep_a1, &k, 0, NULL, "anh", png, pngn, 0, FIX_NOW, NULL, NULL, &e),
                     DTI_OK);
    assert_int_equal(count(&f, "SELECT COUNT(*) FROM evidence WHERE name = 'anh.png'"), 1);
    /* a file name that is not UTF-8: refused, nothing written (no evidence
     * row, no audit row) */
    int64_t nev = count(&f, "SELECT COUNT(*) FROM evidence"), naud = count(&f, "SELECT COUNT(*) FROM audit");
    assert_int_equal(report_attach_as(f.s, &f.rep_a1, &k, 0, NULL, "bi\xea\xff.pdf", pdf, strlen(pdf), 0, FIX_NOW, NULL,
                                   NULL, &e), DTI_ERR_INPUT);
    assert_int_equal(count(&f, "SELECT COUNT(*) FROM evidence"), nev);
    assert_int_equal(count(&f, "SELECT COUNT(*) FROM audit"), naud);
    free(png);
    /* limits and types, with clear messages */
    assert_int_equal(report_attach_as(f.s, &f.rep_a1, &k, 0, NULL, "big.pdf", pdf, strlen(pdf), 12, FIX_NOW, NULL,
                                   NULL, &e), DTI_ERR_TOOBIG);
    assert_non_null(strstr(e.msg, "big.pdf"));
    assert_int_equal(report_attach_as(f.s, &f.rep_a1, &k, 0, NULL, "a.exe", "MZ\x90\x00", 4, 0, FIX_NOW, NULL, NULL, &e),
                     DTI_ERR_FORMAT);
    assert_non_null(strstr(e.msg, "PDF"));
    assert_int_equal(report_attach_as(f.s, &f.rep_a1, &k, 'i', "I2", "x.pdf", "%PDF-1.4\n2 0 obj endobj\n%%EOF", 29,
                                   0, FIX_NOW, NULL, NULL, &e), DTI_ERR_INPUT);
    /* the reviewer marks it checked; a reporter cannot */
    assert_int_equal(report_check_evidence_as(f.s, &f.rep_a1, id, 1, FIX_NOW, &e), DTI_ERR_PERM);
    assert_int_equal(report_check_evidence_as(f.s, &f.coord_a, id, 1, FIX_NOW, &e), DTI_OK);
    assert_int_equal(count(&f, "SELECT SUM(checked) FROM evidence"), 1);
    free(docx);
    fixture_close(&f);
}

static void test_assignments(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    json_t *j = NULL;
    report_fill_result r;
    assert_int_equal(fixture_open(&f, 1), 0);
    /* a reporter sees only its own items */
    assert_int_equal(plans_assign_list(FIX_AS(f.s, &f.rep_a2, FIX_NOW), f.plan, &j, &e), DTI_OK);
    assert_int_equal(json_array_size(j), 2);    /* I1 (support), I2 (lead) */
    json_decref(j);
    assert_int_equal(plans_assign_list(FIX_AS(f.s, &f.coord_a, FIX_NOW), f.plan, &j, &e), DTI_OK);
    assert_int_equal(json_array_size(j), 3);
    json_decref(j);
    /* the coordinator moves I1's lead to A2 (audited); a reporter may not */
    int64_t to[] = {f.A2};
    assert_int_equal(plans_assign_set(FIX_AS(f.s, &f.rep_a1, FIX_NOW), f.plan, 0, "I1", "lead", to, 1, &e), DTI_ERR_PERM);
    int64_t out_of_scope[] = {f.B1};
    assert_int_equal(plans_assign_set(FIX_AS(f.s, &f.coord_a, FIX_NOW), f.plan, 0, "I1", "lead", out_of_scope, 1, &e),
                     DTI_ERR_NOTFOUND);   /* outside the scope: the same 404 as a missing org (issue 9) */
    assert_int_equal(plans_assign_set(FIX_AS(f.s, &f.coord_a, FIX_NOW), f.plan, 0, "I1", "lead", to, 1, &e), DTI_OK);
    const char v[] = "code,value\nI1,50\n";
    report_key k1 = key(f.plan, f.A1, "2026-04"), k2 = key(f.plan, f.A2, "2026-04");
    assert_int_equal(report_fill_csv_as(f.s, &f.rep_a1, &k1, v, strlen(v), FIX_NOW, &r, &e), DTI_ERR_PERM);
    assert_int_equal(report_fill_csv_as(f.s, &f.rep_a2, &k2, v, strlen(v), FIX_NOW, &r, &e), DTI_OK);
    /* the old row is closed, not deleted */
    assert_int_equal(count(&f, "SELECT COUNT(*) FROM assignments WHERE role = 'lead' AND valid_to IS NOT NULL"), 1);
    assert_int_equal(count(&f, "SELECT COUNT(*) FROM audit WHERE action = 'assignment.set'"), 1);
    fixture_close(&f);
}

static void test_calendar(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    json_t *j = NULL;
    size_t n = 0;
    assert_int_equal(fixture_open(&f, 1), 0);
    const char *bad[] = {"month:unit=15+1", "fortnight:unit=1+1"};
    assert_int_equal(plans_calendar_set(FIX_AS(f.s, &f.coord_a, FIX_NOW), f.plan, bad, 2, &n, &e), DTI_ERR_INPUT);
    const char *rules[] = {"month:unit=15+1,commune=20+1", "quarter:unit=18@last,commune=20@last"};
    assert_int_equal(plans_calendar_set(FIX_AS(f.s, &f.view_a, FIX_NOW), f.plan, rules, 2, &n, &e), DTI_ERR_PERM);
    assert_int_equal(plans_calendar_set(FIX_AS(f.s, &f.coord_a, FIX_NOW), f.plan, rules, 2, &n, &e), DTI_OK);
    assert_int_equal(n, 16);    /* one year: 12 months, 4 quarters */
    assert_int_equal(plans_calendar_get(FIX_AS(f.s, &f.rep_a1, FIX_NOW), f.plan, 2026, &j, &e), DTI_OK);
    json_t *p = json_array_get(json_object_get(j, "periods"), 2);     /* 2026-03 then 2026-Q1 */
    assert_string_equal(json_string_value(json_object_get(p, "code")), "2026-03");
    assert_string_equal(json_string_value(json_object_get(p, "unit_due")), "15/04/2026");
    p = json_array_get(json_object_get(j, "periods"), 3);
    assert_string_equal(json_string_value(json_object_get(p, "code")), "2026-Q1");
    assert_string_equal(json_string_value(json_object_get(p, "unit_due")), "18/03/2026");
    json_decref(j);
    /* a period the calendar does not have is refused for reports */
    const char v[] = "code,value\nI1,50\n";
    report_fill_result r;
    report_key k = key(f.plan, f.A1, "2026-H1");
    assert_int_equal(report_fill_csv_as(f.s, &f.rep_a1, &k, v, strlen(v), FIX_NOW, &r, &e), DTI_ERR_INPUT);
    assert_non_null(strstr(e.msg, "2026-H1"));
    fixture_close(&f);
}

/* The entry points' door (report_app.c): the context's user acts, at the
 * context's instant, with the _as twin's permissions; no user once users
 * exist is refused. */
static void test_entry_door(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    report_fill_result r;
    json_t *j = NULL;
    char ts[AUTH_TS_LEN], *at = NULL;
    assert_int_equal(fixture_open(&f, 1), 0);
    report_key k = key(f.plan, f.A1, "2026-03");
    const char csv[] = "code,numerator,denominator,value\nI1,3,4,\n";
    app sys = {.st = f.s, .user_id = 0, .now = FIX_NOW};
    assert_int_equal(report_fill_csv(&sys, &k, csv, strlen(csv), &r, &e), DTI_ERR_AUTH);
    assert_int_equal(count(&f, "SELECT COUNT(*) FROM reports"), 0);
    /* the reporter by id (its account read by app_actor), then the coordinator by its account */
    app rep = {.st = f.s, .user_id = f.rep_a1.id, .now = FIX_NOW + 60};
    assert_int_equal(report_fill_csv(&rep, &k, csv, strlen(csv), &r, &e), DTI_OK);
    assert_int_equal(report_submit(&rep, &k, NULL, &e), DTI_OK);
    app coord = {.st = f.s, .user_id = f.coord_a.id, .account = &f.coord_a, .now = FIX_NOW + 120};
    assert_int_equal(report_approve(&rep, &k, &e), DTI_ERR_PERM);      /* a reporter does not review */
    assert_int_equal(report_approve(&coord, &k, &e), DTI_OK);
    assert_int_equal(report_show(&coord, &k, 0, &j, &e), DTI_OK);
    assert_string_equal(json_string_value(json_object_get(j, "state")), "approved");
    assert_string_equal(json_string_value(json_object_get(j, "submitted_at")), auth_ts(FIX_NOW + 60, ts));
    assert_string_equal(json_string_value(json_object_get(j, "approved_at")), auth_ts(FIX_NOW + 120, ts));
    json_decref(j);
    store_val p[] = {SV_I(f.coord_a.id)};
    assert_int_equal(store_query_text(f.s, "SELECT MAX(at) FROM audit WHERE action = 'report.approve' AND user_id = ?",
                                      p, 1, &at, &e), DTI_OK);
    assert_non_null(at);
    assert_string_equal(at, auth_ts(FIX_NOW + 120, ts));
    free(at);
    fixture_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv),
        cmocka_unit_test(test_value_checks),
        cmocka_unit_test(test_snapshot_text),
        cmocka_unit_test_teardown(test_rows_read_again_when_moved, between_reset),
        cmocka_unit_test(test_state_machine_and_versions),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_text_target),
        cmocka_unit_test(test_no_self_approval),
        cmocka_unit_test(test_evidence),
        cmocka_unit_test(test_assignments),
        cmocka_unit_test(test_calendar),
        cmocka_unit_test(test_entry_door),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
