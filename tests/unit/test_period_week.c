/* test_period_week.c — ISO weeks and request codes (core/period_week.h):
 * weeks around New Year (the ISO year differs from the calendar year), a
 * year with week 53, and codes that are refused. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "core/period.h"
#include "core/period_week.h"

static void iso_weeks(void **state)
{
    (void)state;
    int y, w;
    period_iso_week(period_days(2026, 12, 7), &y, &w);      /* a Monday */
    assert_int_equal(y, 2026);
    assert_int_equal(w, 50);
    period_iso_week(period_days(2026, 12, 6), &y, &w);      /* the Sunday before */
    assert_int_equal(w, 49);
    period_iso_week(period_days(2027, 1, 1), &y, &w);       /* Friday: week 53 of 2026 */
    assert_int_equal(y, 2026);
    assert_int_equal(w, 53);
    period_iso_week(period_days(2024, 12, 30), &y, &w);     /* Monday: week 1 of 2025 */
    assert_int_equal(y, 2025);
    assert_int_equal(w, 1);
    assert_int_equal(period_week_monday(2026, 50), period_days(2026, 12, 7));
    assert_int_equal(period_week_monday(2025, 1), period_days(2024, 12, 30));
}

static void codes(void **state)
{
    (void)state;
    char k = 0, out[PERIOD_REQ_CODE_LEN];
    int y = 0, n = 0;
    assert_int_equal(period_request_parse("2026-W53", &k, &y, &n), 0);     /* 2026 has 53 weeks */
    assert_int_equal(k, 'W');
    assert_int_equal(n, 53);
    assert_int_equal(period_request_parse("2025-W53", &k, &y, &n), -1);    /* 2025 has 52 */
    assert_int_equal(period_request_parse("2026-D07", &k, &y, &n), 0);
    assert_int_equal(k, 'D');
    assert_int_equal(n, 7);
    assert_int_equal(period_request_parse("2026-D00", &k, &y, &n), -1);
    assert_int_equal(period_request_parse("2026-w49", &k, &y, &n), -1);
    assert_int_equal(period_request_parse("2026-Q1", &k, &y, &n), -1);
    assert_string_equal(period_request_format('W', 2026, 9, out), "2026-W09");
    assert_string_equal(period_request_format('D', 2027, 12, out), "2027-D12");
    /* request codes are no index period */
    period p;
    assert_int_equal(period_parse("2026-W49", &p), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(iso_weeks), cmocka_unit_test(codes)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
