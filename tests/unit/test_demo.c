/* test_demo.c — the demo data (app/demo.c, app/demo_files.c): the months
 * chosen from the date (the story's and the history since the plan's
 * issue), the generated evidence files, the logins made, that every unit
 * owes nothing but the story's unfinished reports (My work, duty.h), and
 * that a store with data is refused without a change. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "test_db.h"
#include "app/app.h"
#include "app/audit/audit.h"
#include "app/auth/auth.h"

/* The demo's context A at NOW (the logins of the demo's users). */
static app *demo_app(app *a, time_t now)
{
    static app c;
    c = *a;
    c.now = now;
    return &c;
}
#define DEMO_APP(a, now) demo_app((a), (now))
#include "app/demo/demo.h"
#include "app/report/duty.h"
#include "app/report/report.h"
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

/* The history: from the issue month up to the month before the story's. */
static void test_history(void **state)
{
    (void)state;
    char first[REPORT_PERIOD_MAX];
    const char *issued = "2026-03-16";
    /* 23/11/2026: story 08..10, history 03..07 */
    assert_int_equal(demo_history(vn(2026, 11, 23), issued, first), 5);
    assert_string_equal(first, "2026-03");
    assert_int_equal(demo_history(vn(2026, 11, 20), issued, first), 4);
    /* across a year: story 2026-10..12, history 03..09 */
    assert_int_equal(demo_history(vn(2027, 2, 1), issued, first), 7);
    /* story 2027-08..10: March 2026 to July 2027 */
    assert_int_equal(demo_history(vn(2027, 11, 23), issued, first), 12 + 5);
    assert_string_equal(first, "2026-03");
    /* early: the story is April..June (DEMO_FIRST_MONTH), March alone before it */
    assert_int_equal(demo_history(vn(2026, 5, 30), issued, first), 1);
    assert_int_equal(demo_history(vn(2026, 3, 16), issued, first), 1);
    /* before the plan's issue day nobody owes anything: no history */
    assert_int_equal(demo_history(vn(2026, 3, 15), issued, first), 0);
    assert_string_equal(first, "");
    assert_int_equal(demo_history(vn(2026, 2, 10), issued, first), 0);
    /* an issue month within or after the story months: nothing before them */
    assert_int_equal(demo_history(vn(2026, 11, 23), "2026-08-01", first), 0);
    assert_int_equal(demo_history(vn(2026, 11, 23), "2026-07-31", first), 1);
    assert_string_equal(first, "2026-07");
    /* no date, a bad date */
    assert_int_equal(demo_history(vn(2026, 11, 23), NULL, first), 0);
    assert_int_equal(demo_history(vn(2026, 11, 23), "16/13/2026", first), 0);
    /* the latest story (2030-10..12) keeps the whole history, within DEMO_HISTORY_MAX */
    int n = demo_history(vn(2035, 1, 1), issued, NULL);
    assert_int_equal(n, (2030 - 2026) * 12 + 9 - 3 + 1);
    assert_true(n <= DEMO_HISTORY_MAX);
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
    assert_int_equal(app_open(&a, test_db(":memory:"), 0, &e), DTI_OK);
    assert_int_equal(demo_store_empty(&a, &empty, &e), DTI_OK);
    assert_int_equal(empty, 1);
    time_t now = vn(2026, 11, 23);
    assert_int_equal(demo_create(&a, now, &r, &e), DTI_OK);
    assert_int_equal(r.plan_id, 1);
    assert_int_equal(r.indicators, 23);
    assert_int_equal(r.tasks, 10);
    assert_string_equal(r.months[0], "2026-08");
    /* the history: the sample plan is issued 16/03/2026 */
    assert_int_equal(r.history, demo_history(now, "2026-03-16", NULL));
    assert_string_equal(r.first, "2026-03");
    /* a report for every reporter (one per unit) and every month, history and story */
    size_t nu = 0, reporters = 0, total = 0;
    const demo_user *du = demo_users(&nu);
    for (size_t i = 0; i < nu; i++)
        reporters += du[i].role == ROLE_REPORTER;
    assert_int_equal(r.reporters, reporters);
    for (int i = 0; i < 4; i++)
        total += r.reports[i];
    assert_int_equal(total, reporters * (size_t)(r.history + DEMO_MONTHS));
    /* the story: one waiting, one returned, one draft; all the rest approved */
    assert_int_equal(r.reports[REPORT_SUBMITTED], 1);
    assert_int_equal(r.reports[REPORT_RETURNED], 1);
    assert_int_equal(r.reports[REPORT_DRAFT], 1);
    assert_int_equal(r.reports[REPORT_APPROVED], total - 3);
    assert_int_equal(r.evidence, 11);
    /* My work: no unit owes a month it has no report for; what is owed past
     * its deadline is exactly the story's unfinished reports, and the one
     * month owed now is the current one (November) */
    size_t past = 0;
    for (size_t i = 0; i < nu; i++) {
        if (du[i].role != ROLE_REPORTER)
            continue;
        json_t *w = NULL, *p;
        size_t k;
        assert_int_equal(auth_user_get(a.st, du[i].name, &u, &e), DTI_OK);
        assert_int_equal(report_duty_list_as(a.st, &u, r.plan_id, u.org_id, NULL, now, &w, &e), DTI_OK);
        json_array_foreach(json_object_get(w, "periods"), k, p) {
            const char *code = json_string_value(json_object_get(p, "code"));
            const char *when = json_string_value(json_object_get(p, "when"));
            const char *st = json_string_value(json_object_get(p, "state"));
            if (strcmp(when, "current") == 0) {
                assert_string_equal(code, "2026-11");
                continue;
            }
            assert_string_equal(when, "past");
            assert_non_null(st);
            assert_string_not_equal(st, "approved");
            assert_true(strcmp(code, r.months[0]) >= 0 && strcmp(code, r.months[DEMO_MONTHS - 1]) <= 0);
            past++;
        }
        json_decref(w);
    }
    assert_int_equal(past, r.reports[REPORT_SUBMITTED] + r.reports[REPORT_RETURNED] + r.reports[REPORT_DRAFT]);
    /* every login works with the documented password, and has its role */
    assert_true(nu >= 10);
    for (size_t i = 0; i < nu; i++) {
        assert_int_equal(auth_login(DEMO_APP(&a, now + (time_t)i), du[i].name, DEMO_PASSWORD, &u, &e), DTI_OK);
        assert_int_equal(u.role, du[i].role);
        assert_int_equal(u.org_id == 0, du[i].role == ROLE_ADMIN);
    }
    assert_int_equal(auth_login(DEMO_APP(&a, now), "dieuphoi", "sai-mat-khau", NULL, &e), DTI_ERR_AUTH);
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
        cmocka_unit_test(test_history),
        cmocka_unit_test(test_files),
        cmocka_unit_test(test_create),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
