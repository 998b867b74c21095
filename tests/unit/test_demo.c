/* test_demo.c — the demo data (app/demo.c, app/demo_files.c): the months
 * chosen from the date, the generated evidence files, the logins made, and
 * that a store with data is refused without a change. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "app/app.h"
#include "app/audit.h"
#include "app/auth.h"
#include "app/demo.h"
#include "app/report.h"
#include "core/period.h"

/* 09:00 in Vietnam on Y-M-D. */
static time_t vn(int y, int m, int d)
{
    return (time_t)period_days(y, m, d) * 86400 + 2 * 3600;
}

static void test_months(void **state)
{
    (void)state;
    char m[DEMO_MONTHS][REPORT_PERIOD_MAX];
    demo_months(vn(2026, 11, 23), m);
    assert_string_equal(m[0], "2026-08");
    assert_string_equal(m[2], "2026-10");
    /* before the 21st the month before last is the newest whose commune deadline passed */
    demo_months(vn(2026, 11, 20), m);
    assert_string_equal(m[0], "2026-07");
    assert_string_equal(m[2], "2026-09");
    demo_months(vn(2026, 11, 21), m);
    assert_string_equal(m[2], "2026-10");
    /* across a year */
    demo_months(vn(2027, 2, 1), m);
    assert_string_equal(m[0], "2026-10");
    assert_string_equal(m[1], "2026-11");
    assert_string_equal(m[2], "2026-12");
    /* within the plan's years: not before April 2026, not after December 2030 */
    demo_months(vn(2026, 5, 30), m);
    assert_string_equal(m[0], "2026-04");
    assert_string_equal(m[2], "2026-06");
    demo_months(vn(2035, 1, 1), m);
    assert_string_equal(m[0], "2030-10");
    assert_string_equal(m[2], "2030-12");
    /* 23:30 on the 20th in Vietnam is 16:30 UTC: still the 20th */
    demo_months((time_t)period_days(2026, 11, 20) * 86400 + 16 * 3600 + 1800, m);
    assert_string_equal(m[2], "2026-09");
    demo_months((time_t)period_days(2026, 11, 20) * 86400 + 17 * 3600 + 60, m);
    assert_string_equal(m[2], "2026-10");
}

static void test_files(void **state)
{
    (void)state;
    char *p = NULL;
    size_t n = 0;
    dti_err e;
    assert_int_equal(demo_pdf("Bien ban (so 1)", "dong \\ hai \xc3\xa1", &p, &n, &e), DTI_OK);
    assert_string_equal(report_media_type(p, n), "application/pdf");
    assert_true(n > 200 && memcmp(p + n - 6, "%%EOF\n", 6) == 0);
    /* parentheses and backslashes escaped, non-ASCII replaced */
    assert_non_null(strstr(p, "(Bien ban \\(so 1\\)) Tj"));
    assert_non_null(strstr(p, "(dong \\\\ hai \?\?) Tj"));
    /* the cross-reference offsets point at the objects */
    char *x = strstr(p, "xref\n0 6\n");
    assert_non_null(x);
    for (int i = 1; i <= 5; i++) {
        long off = strtol(x + 9 + 20 * i, NULL, 10);
        char want[16];
        snprintf(want, sizeof want, "%d 0 obj", i);
        assert_true(off > 0 && (size_t)off < n);
        assert_memory_equal(p + off, want, strlen(want));
    }
    free(p);
    double bars[] = {0.2, 0.9, 1.5};
    assert_int_equal(demo_png(64, 30, 0x2ca02c, bars, 3, &p, &n, &e), DTI_OK);
    assert_string_equal(report_media_type(p, n), "image/png");
    /* IHDR: 64 × 30, 8-bit RGB */
    const unsigned char *u = (const unsigned char *)p;
    assert_memory_equal(p + 12, "IHDR", 4);
    assert_int_equal((u[16] << 24) | (u[17] << 16) | (u[18] << 8) | u[19], 64);
    assert_int_equal((u[20] << 24) | (u[21] << 16) | (u[22] << 8) | u[23], 30);
    assert_int_equal(u[24], 8);
    assert_int_equal(u[25], 2);
    assert_memory_equal(p + n - 8, "IEND", 4);
    free(p);
    assert_int_equal(demo_png(0, 30, 0, NULL, 0, &p, &n, &e), DTI_ERR_INPUT);
    assert_null(p);
    assert_int_equal(demo_png(64, 5000, 0, NULL, 0, &p, &n, &e), DTI_ERR_INPUT);
}

static void test_create(void **state)
{
    (void)state;
    app a;
    dti_err e;
    demo_result r;
    auth_user u;
    int empty = 0;
    assert_int_equal(app_open(&a, ":memory:", 0, &e), DTI_OK);
    assert_int_equal(demo_store_empty(&a, &empty, &e), DTI_OK);
    assert_int_equal(empty, 1);
    time_t now = vn(2026, 11, 23);
    assert_int_equal(demo_create(&a, now, &r, &e), DTI_OK);
    assert_int_equal(r.plan_id, 1);
    assert_int_equal(r.indicators, 23);
    assert_int_equal(r.tasks, 10);
    assert_string_equal(r.months[0], "2026-08");
    assert_int_equal(r.reports[REPORT_APPROVED], 18);
    assert_int_equal(r.reports[REPORT_SUBMITTED], 1);
    assert_int_equal(r.reports[REPORT_RETURNED], 1);
    assert_int_equal(r.reports[REPORT_DRAFT], 1);
    assert_int_equal(r.evidence, 11);
    /* every login works with the documented password, and has its role */
    size_t nu = 0;
    const demo_user *du = demo_users(&nu);
    assert_true(nu >= 10);
    for (size_t i = 0; i < nu; i++) {
        assert_int_equal(auth_login(a.st, du[i].name, DEMO_PASSWORD, now + (time_t)i, &u, &e), DTI_OK);
        assert_int_equal(u.role, du[i].role);
        assert_int_equal(u.org_id == 0, du[i].role == ROLE_ADMIN);
    }
    assert_int_equal(auth_login(a.st, "dieuphoi", "sai-mat-khau", now, NULL, &e), DTI_ERR_AUTH);
    /* the audit log holds */
    audit_check chk;
    assert_int_equal(auth_user_get(a.st, "admin", &u, &e), DTI_OK);
    assert_int_equal(audit_verify(a.st, &u, &chk, &e), DTI_OK);
    assert_true(chk.ok);
    int64_t entries = chk.entries;
    assert_true(entries > 50);
    /* a second run is refused and writes nothing */
    assert_int_equal(demo_store_empty(&a, &empty, &e), DTI_OK);
    assert_int_equal(empty, 0);
    assert_int_equal(demo_create(&a, now, &r, &e), DTI_ERR_CONFLICT);
    assert_non_null(strstr(e.msg, "trống"));
    assert_int_equal(audit_verify(a.st, &u, &chk, &e), DTI_OK);
    assert_int_equal(chk.entries, entries);
    app_close(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_months),
        cmocka_unit_test(test_files),
        cmocka_unit_test(test_create),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
