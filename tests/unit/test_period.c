/* test_period.c — dates, period codes, reporting regimes, timeliness (core/period.c).
 *
 * Expected dates are written out by hand from the calendar (and the plans'
 * own words, quoted); day numbers were checked against Python's
 * datetime.date(...).toordinal() - date(1970,1,1).toordinal(). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "core/period.h"
#include "core/period_span.h"

/* thread-local-free scratch for formatting in asserts */
static char dbuf[8][PERIOD_DATE_LEN];
static int dnext;
static const char *vn(int32_t day)
{
    char *b = dbuf[dnext++ % 8];
    return period_date_vn(day, b);
}

static int32_t D(const char *ddmmyyyy)
{
    int32_t day = PERIOD_NO_DAY;
    assert_int_equal(period_date_parse(ddmmyyyy, &day), 0);
    return day;
}

static void regime(const char *text, period_regime *r)
{
    dti_err e;
    dti_err_clear(&e);
    dti_rc rc = period_regime_parse_text(text, r, &e);
    if (rc != DTI_OK)
        fprintf(stderr, "regime \"%s\": %s\n", text, e.msg);
    assert_int_equal(rc, DTI_OK);
}

static period P(const char *code)
{
    period p;
    assert_int_equal(period_parse(code, &p), 0);
    return p;
}

static period_entry entry(const period_regime *r, const char *code)
{
    period p = P(code);
    period_entry e;
    assert_int_equal(period_regime_entry(r, &p, &e), 0);
    assert_string_equal(e.code, code);
    return e;
}

/* ---- dates ---- */

static void test_leap_years(void **state)
{
    (void)state;
    assert_true(period_is_leap(2028));
    assert_true(period_is_leap(2000));      /* divisible by 400 */
    assert_false(period_is_leap(2100));     /* by 100, not by 400 */
    assert_false(period_is_leap(1900));
    assert_false(period_is_leap(2026));
    assert_int_equal(period_month_days(2028, 2), 29);
    assert_int_equal(period_month_days(2100, 2), 28);
    assert_int_equal(period_month_days(2000, 2), 29);
    assert_int_equal(period_month_days(2026, 2), 28);
    assert_int_equal(period_month_days(2026, 4), 30);
    assert_int_equal(period_month_days(2026, 1), 31);
    assert_int_equal(period_month_days(2026, 12), 31);
    assert_int_equal(period_month_days(2026, 0), 0);
    assert_int_equal(period_month_days(2026, 13), 0);
    assert_true(period_date_valid(2028, 2, 29));
    assert_false(period_date_valid(2100, 2, 29));
    assert_false(period_date_valid(2026, 4, 31));
    assert_false(period_date_valid(1899, 12, 31));
    assert_false(period_date_valid(2026, 1, 0));
}

static void test_day_numbers(void **state)
{
    (void)state;
    assert_int_equal(period_days(1970, 1, 1), 0);
    assert_int_equal(period_days(1969, 12, 31), -1);
    assert_int_equal(period_days(2000, 3, 1), 11017);
    assert_int_equal(period_days(2026, 1, 1), 20454);
    assert_int_equal(period_days(2026, 3, 15), 20527);
    assert_int_equal(period_days(2100, 3, 1), 47541);
    assert_int_equal(period_days(1900, 1, 1), -25567);
    assert_int_equal(period_days(9999, 12, 31), 2932896);
    /* 2100 is not leap: 28/02 and 01/03 are consecutive; 2000 is */
    assert_int_equal(period_days(2100, 3, 1) - period_days(2100, 2, 28), 1);
    assert_int_equal(period_days(2000, 3, 1) - period_days(2000, 2, 28), 2);
    assert_int_equal(period_days(2029, 1, 1) - period_days(2028, 1, 1), 366);

    /* walk every day 1900..2100 by hand-rolled calendar: numbers consecutive
     * and ymd_of the inverse */
    int32_t n = period_days(1900, 1, 1);
    for (int y = 1900; y <= 2100; y++)
        for (int m = 1; m <= 12; m++)
            for (int d = 1; d <= period_month_days(y, m); d++, n++) {
                period_ymd t = period_ymd_of(n);
                if (t.y != y || t.m != m || t.d != d || period_days(y, m, d) != n)
                    fail_msg("day %d: %d-%d-%d", (int)n, y, m, d);
            }
}

static void test_today_vn(void **state)
{
    (void)state;
    /* 2026-03-14 17:00:00 UTC = 15/03/2026 00:00 in Vietnam */
    assert_string_equal(vn(period_today_vn((time_t)1773507600)), "15/03/2026");
    assert_string_equal(vn(period_today_vn((time_t)1773507599)), "14/03/2026");
    /* the epoch: 1970-01-01 07:00 in Vietnam; 1969-12-31 16:59:59 UTC is the 31st */
    assert_int_equal(period_today_vn(0), 0);
    assert_int_equal(period_today_vn(-25200), 0);
    assert_int_equal(period_today_vn(-25201), -1);
    /* end of 15/03/2026 in Vietnam = 2026-03-15 16:59:59 UTC */
    assert_int_equal((long long)period_deadline_instant(D("15/03/2026")), 1773593999LL);
    assert_int_equal(period_today_vn(period_deadline_instant(D("15/03/2026"))), D("15/03/2026"));
    assert_int_equal(period_today_vn(period_deadline_instant(D("15/03/2026")) + 1), D("16/03/2026"));
}

static void test_date_text(void **state)
{
    (void)state;
    int32_t d = 0;
    char b[PERIOD_DATE_LEN];
    assert_int_equal(period_date_parse("05/12/2026", &d), 0);
    assert_string_equal(period_date_iso(d, b), "2026-12-05");
    assert_int_equal(period_date_parse("5/1/2026", &d), 0);
    assert_string_equal(period_date_vn(d, b), "05/01/2026");
    assert_int_equal(period_date_parse(" 2028-02-29 ", &d), 0);
    assert_string_equal(period_date_vn(d, b), "29/02/2028");
    assert_int_equal(period_date_parse("31-12-2026", &d), 0);
    assert_string_equal(period_date_iso(d, b), "2026-12-31");
    assert_int_equal(period_date_parse("29/02/2100", &d), -1);
    assert_int_equal(period_date_parse("29/02/2000", &d), 0);
    assert_int_equal(period_date_parse("31/04/2026", &d), -1);
    assert_int_equal(period_date_parse("00/01/2026", &d), -1);
    assert_int_equal(period_date_parse("01/13/2026", &d), -1);
    assert_int_equal(period_date_parse("01/01/26", &d), -1);
    assert_int_equal(period_date_parse("01/01-2026", &d), -1);
    assert_int_equal(period_date_parse("2026-1-01", &d), -1);
    assert_int_equal(period_date_parse("01/01/2026x", &d), -1);
    assert_int_equal(period_date_parse("001/01/2026", &d), -1);
    assert_int_equal(period_date_parse("", &d), -1);
    assert_int_equal(period_date_parse(NULL, &d), -1);
    assert_string_equal(period_date_vn(PERIOD_NO_DAY, b), "");
    assert_string_equal(period_date_iso(PERIOD_NO_DAY, b), "");
}

/* ---- periods ---- */

static void test_codes(void **state)
{
    (void)state;
    period p;
    char b[PERIOD_CODE_LEN];
    static const char *good[][2] = {
        {"2026-03", "2026-03"}, {"2026-12", "2026-12"}, {"2026-Q1", "2026-Q1"},
        {"2026-q4", "2026-Q4"}, {"2026-H1", "2026-H1"}, {"2026-h2", "2026-H2"}, {"2026", "2026"},
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        assert_int_equal(period_parse(good[i][0], &p), 0);
        assert_string_equal(period_format(&p, b), good[i][1]);
    }
    assert_int_equal(period_parse("2026-Q3", &p), 0);
    assert_int_equal(p.kind, PERIOD_QUARTER);
    assert_int_equal(p.year, 2026);
    assert_int_equal(p.index, 3);
    static const char *bad[] = {"2026-13", "2026-00", "2026-3", "2026-Q5", "2026-Q0", "2026-H3",
                                "2026-Q", "26", "202", "20260", "2026-", "2026-Q12", "1899",
                                "2026-W1", "2026 ", "abcd", ""};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (period_parse(bad[i], &p) == 0)
            fail_msg("\"%s\" read as a period", bad[i]);
    assert_int_equal(period_parse(NULL, &p), -1);
    period q = {PERIOD_MONTH, 2026, 13};
    assert_string_equal(period_format(&q, b), "");
    assert_string_equal(period_kind_name(PERIOD_HALF), "half");
    assert_int_equal(period_kind_count(PERIOD_QUARTER), 4);
}

static void test_calendar_dates(void **state)
{
    (void)state;
    static const char *want[][3] = {
        {"2026-01", "01/01/2026", "31/01/2026"},
        {"2026-02", "01/02/2026", "28/02/2026"},
        {"2028-02", "01/02/2028", "29/02/2028"},    /* leap */
        {"2100-02", "01/02/2100", "28/02/2100"},    /* not leap */
        {"2000-02", "01/02/2000", "29/02/2000"},    /* leap */
        {"2026-04", "01/04/2026", "30/04/2026"},
        {"2026-12", "01/12/2026", "31/12/2026"},
        {"2026-Q1", "01/01/2026", "31/03/2026"},
        {"2026-Q2", "01/04/2026", "30/06/2026"},
        {"2026-Q3", "01/07/2026", "30/09/2026"},
        {"2026-Q4", "01/10/2026", "31/12/2026"},
        {"2026-H1", "01/01/2026", "30/06/2026"},
        {"2026-H2", "01/07/2026", "31/12/2026"},
        {"2026", "01/01/2026", "31/12/2026"},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        period p = P(want[i][0]);
        assert_string_equal(vn(period_start(&p)), want[i][1]);
        assert_string_equal(vn(period_end(&p)), want[i][2]);
    }
    period q = P("2026-Q3");
    assert_int_equal(period_first_month(&q), 7);
    assert_int_equal(period_last_month(&q), 9);
}

static void test_next_prev_of(void **state)
{
    (void)state;
    char b[PERIOD_CODE_LEN];
    period p = P("2026-12");
    p = period_next(p);
    assert_string_equal(period_format(&p, b), "2027-01");
    p = period_prev(p);
    assert_string_equal(period_format(&p, b), "2026-12");
    p = period_prev(P("2026-Q1"));
    assert_string_equal(period_format(&p, b), "2025-Q4");
    p = period_next(P("2026-H2"));
    assert_string_equal(period_format(&p, b), "2027-H1");
    p = period_next(P("2026"));
    assert_string_equal(period_format(&p, b), "2027");
    p = period_next(P("2026-05"));
    assert_string_equal(period_format(&p, b), "2026-06");

    p = period_of(PERIOD_MONTH, D("29/02/2028"));
    assert_string_equal(period_format(&p, b), "2028-02");
    p = period_of(PERIOD_QUARTER, D("01/04/2026"));
    assert_string_equal(period_format(&p, b), "2026-Q2");
    p = period_of(PERIOD_QUARTER, D("31/03/2026"));
    assert_string_equal(period_format(&p, b), "2026-Q1");
    p = period_of(PERIOD_HALF, D("01/07/2026"));
    assert_string_equal(period_format(&p, b), "2026-H2");
    p = period_of(PERIOD_YEAR, D("31/12/2026"));
    assert_string_equal(period_format(&p, b), "2026");

    period a = P("2026-03"), q = P("2026-Q1"), y = P("2026");
    assert_int_equal(period_cmp(&a, &q), -1);   /* same end, month first */
    assert_int_equal(period_cmp(&q, &a), 1);
    assert_int_equal(period_cmp(&q, &y), -1);
    assert_int_equal(period_cmp(&a, &a), 0);
}

/* ---- the plans' regimes ---- */

/* Minh Đức: "các đơn vị gửi báo cáo ... trước ngày 15 hằng tháng", the
 * commune to the Sở KH&CN "trước ngày 20 hằng tháng", under the state
 * regime's 15→14 cut-off (Nghị định 09/2019/NĐ-CP, the default): January
 * runs 15/12/2025–14/01/2026, due 15/01 (units) and 20/01 (commune). */
static void test_regime_minh_duc(void **state)
{
    (void)state;
    period_regime r;
    regime("month:unit=15@last,commune=20@last", &r);
    assert_int_equal(r.rules[0].cutoff, PERIOD_CUTOFF_DEFAULT);
    period_entry e = entry(&r, "2026-01");
    assert_string_equal(vn(e.start), "15/12/2025");
    assert_string_equal(vn(e.end), "14/01/2026");
    assert_string_equal(vn(e.unit_due), "15/01/2026");
    assert_string_equal(vn(e.commune_due), "20/01/2026");
    assert_int_equal(period_entry_early(&e), 0);
    e = entry(&r, "2026-12");
    assert_string_equal(vn(e.start), "15/11/2026");
    assert_string_equal(vn(e.end), "14/12/2026");
    assert_string_equal(vn(e.unit_due), "15/12/2026");

    /* calendar months when the plan says so (cutoff=none) */
    regime("month:cutoff=none:unit=15+1,commune=20+1", &r);
    assert_int_equal(r.rules[0].cutoff, 0);
    e = entry(&r, "2026-01");
    assert_string_equal(vn(e.start), "01/01/2026");
    assert_string_equal(vn(e.end), "31/01/2026");
    assert_string_equal(vn(e.unit_due), "15/02/2026");
    assert_string_equal(vn(e.commune_due), "20/02/2026");
    e = entry(&r, "2026-12");      /* the month after is in the next year */
    assert_string_equal(vn(e.unit_due), "15/01/2027");
    assert_string_equal(vn(e.commune_due), "20/01/2027");
    period_entry list[PERIOD_LIST_MAX];
    size_t n = period_list(&r, 2026, list, PERIOD_LIST_MAX);
    assert_int_equal(n, 12);
    assert_string_equal(list[0].code, "2026-01");
    assert_string_equal(list[11].code, "2026-12");
    assert_string_equal(vn(list[1].unit_due), "15/03/2026");
    /* no quarter rule: a quarter is not part of this regime */
    period q = P("2026-Q1");
    assert_int_equal(period_regime_entry(&r, &q, &e), -1);
    assert_string_equal(vn(e.start), "01/01/2026");
    assert_int_equal(e.unit_due, PERIOD_NO_DAY);
}

/* Vĩnh Thuận: "hằng quý trước ngày 18 của tháng cuối quý, báo cáo hằng năm
 * trước ngày 18 tháng 12". With the default cut-off every deadline is after
 * its period's end (Q1 15/12–14/03 due 18/03); with calendar quarters
 * (the finding) Q1 01/01–31/03 would be due 18/03, before its end. */
static void test_regime_vinh_thuan(void **state)
{
    (void)state;
    period_regime r;
    regime("quarter:unit=18@last year:unit=18/12", &r);
    static const char *want[][4] = {
        {"2026-Q1", "15/12/2025", "14/03/2026", "18/03/2026"},
        {"2026-Q2", "15/03/2026", "14/06/2026", "18/06/2026"},
        {"2026-Q3", "15/06/2026", "14/09/2026", "18/09/2026"},
        {"2026-Q4", "15/09/2026", "14/12/2026", "18/12/2026"},
        {"2026", "15/12/2025", "14/12/2026", "18/12/2026"},
    };
    period_entry list[PERIOD_LIST_MAX];
    size_t n = period_list(&r, 2026, list, PERIOD_LIST_MAX);
    assert_int_equal(n, 5);
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(list[i].code, want[i][0]);
        assert_string_equal(vn(list[i].start), want[i][1]);
        assert_string_equal(vn(list[i].end), want[i][2]);
        assert_string_equal(vn(list[i].unit_due), want[i][3]);
        assert_int_equal(list[i].commune_due, PERIOD_NO_DAY);
        assert_int_equal(period_entry_early(&list[i]), 0);
    }
    regime("quarter:cutoff=none:unit=18@last", &r);
    period_entry e = entry(&r, "2026-Q1");
    assert_string_equal(vn(e.end), "31/03/2026");
    assert_string_equal(vn(e.unit_due), "18/03/2026");
    assert_int_equal(period_entry_early(&e), PERIOD_STATED_UNIT);
    regime("quarter:unit=18@last year:unit=18/12", &r);
    n = period_list(&r, 2026, list, PERIOD_LIST_MAX);
    assert_int_equal(list[4].rule, 1);
    assert_int_equal(list[0].rule, 0);
}

/* Vĩnh Trụ: "hằng tháng (trước ngày 20), hằng quý (trước ngày 20 tháng cuối
 * quý), và năm (trước ngày 05/12)". */
static void test_regime_vinh_tru(void **state)
{
    (void)state;
    period_regime r;
    regime("month:unit=20@last; quarter:unit=20@last; year:unit=05/12", &r);
    period_entry list[PERIOD_LIST_MAX];
    size_t n = period_list(&r, 2026, list, PERIOD_LIST_MAX);
    assert_int_equal(n, 17);
    /* ordered by end date, month before quarter before year on the same end */
    static const char *order[] = {"2026-01", "2026-02", "2026-03", "2026-Q1", "2026-04", "2026-05",
                                  "2026-06", "2026-Q2", "2026-07", "2026-08", "2026-09", "2026-Q3",
                                  "2026-10", "2026-11", "2026-12", "2026-Q4", "2026"};
    for (size_t i = 0; i < n; i++)
        assert_string_equal(list[i].code, order[i]);
    assert_string_equal(vn(list[0].unit_due), "20/01/2026");     /* January */
    assert_string_equal(vn(list[2].unit_due), "20/03/2026");     /* March, as Q1 */
    assert_string_equal(vn(list[3].unit_due), "20/03/2026");     /* Q1 */
    assert_string_equal(vn(list[14].unit_due), "20/12/2026");    /* December */
    assert_string_equal(vn(list[15].unit_due), "20/12/2026");    /* Q4 */
    assert_string_equal(vn(list[16].unit_due), "05/12/2026");    /* year */
    for (size_t i = 0; i < 16; i++)
        assert_int_equal(period_entry_early(&list[i]), 0);
    /* the yearly report is due 05/12, before its year ends on 14/12: legal,
     * but flagged so that the coordinator is told */
    assert_string_equal(vn(list[16].end), "14/12/2026");
    assert_int_equal(period_entry_early(&list[16]), PERIOD_STATED_UNIT);
}

/* Đại Hải: three quarter windows and a year ("Quý I: 01/01–09/03, Quý II:
 * 10/03–09/06, Quý III: 10/06–09/09; năm: 01/01–09/12"): exactly the
 * windows stated, no fourth quarter invented. */
static void test_regime_three_windows(void **state)
{
    (void)state;
    period_regime r;
    regime("quarter:window=01/01-09/03,10/03-09/06,10/06-09/09:unit=10@last "
           "year:window=01/01-09/12:unit=10@last", &r);
    period_entry list[PERIOD_LIST_MAX];
    size_t n = period_list(&r, 2026, list, PERIOD_LIST_MAX);
    assert_int_equal(n, 4);
    assert_string_equal(list[0].code, "2026-Q1");
    assert_string_equal(list[2].code, "2026-Q3");
    assert_string_equal(vn(list[2].end), "09/09/2026");
    assert_string_equal(list[3].code, "2026");
    period q4 = P("2026-Q4");
    period_entry e;
    assert_int_equal(period_regime_entry(&r, &q4, &e), -1);
    assert_int_equal(e.unit_due, PERIOD_NO_DAY);
    assert_int_equal(period_regime_find(&r, PERIOD_QUARTER, D("01/11/2026"), &e), -1);
    assert_int_equal(period_regime_find(&r, PERIOD_QUARTER, D("01/08/2026"), &e), 0);
    assert_string_equal(e.code, "2026-Q3");
    char t[PERIOD_REGIME_TEXT_MAX];
    assert_true(period_regime_format(&r, t, sizeof t) > 0);
    assert_string_equal(t, "quarter:window=01/01-09/03,10/03-09/06,10/06-09/09:unit=10@last "
                           "year:window=01/01-09/12:unit=10@last");
    /* an override for the missing quarter adds it, with calendar dates */
    regime("quarter:window=01/01-09/03,10/03-09/06,10/06-09/09:unit=10@last 2026-Q4:unit=10/12/2026", &r);
    assert_int_equal(period_list(&r, 2026, list, PERIOD_LIST_MAX), 4);
    assert_string_equal(list[3].code, "2026-Q4");
}

/* The commune with windows of its own: Q1 01/01–09/03, Q2 10/03–09/06,
 * Q3 10/06–09/09, year 01/01–09/12, each due the 10th of the window's last
 * month. Q4 runs on to 09/12 with the year. */
static void test_regime_windows(void **state)
{
    (void)state;
    period_regime r;
    regime("quarter:window=01/01-09/03,10/03-09/06,10/06-09/09,10/09-09/12:unit=10@last "
           "year:window=01/01-09/12:unit=10@last", &r);
    static const char *want[][4] = {
        {"2026-Q1", "01/01/2026", "09/03/2026", "10/03/2026"},
        {"2026-Q2", "10/03/2026", "09/06/2026", "10/06/2026"},
        {"2026-Q3", "10/06/2026", "09/09/2026", "10/09/2026"},
        {"2026-Q4", "10/09/2026", "09/12/2026", "10/12/2026"},
        {"2026", "01/01/2026", "09/12/2026", "10/12/2026"},
    };
    period_entry list[PERIOD_LIST_MAX];
    size_t n = period_list(&r, 2026, list, PERIOD_LIST_MAX);
    assert_int_equal(n, 5);
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(list[i].code, want[i][0]);
        assert_string_equal(vn(list[i].start), want[i][1]);
        assert_string_equal(vn(list[i].end), want[i][2]);
        assert_string_equal(vn(list[i].unit_due), want[i][3]);
    }
    /* which window holds a date */
    period_entry e;
    assert_int_equal(period_regime_find(&r, PERIOD_QUARTER, D("09/03/2026"), &e), 0);
    assert_string_equal(e.code, "2026-Q1");
    assert_int_equal(period_regime_find(&r, PERIOD_QUARTER, D("10/03/2026"), &e), 0);
    assert_string_equal(e.code, "2026-Q2");
    /* 20/12 is in no window of 2026 (Q4 ended 09/12) nor of 2027 */
    assert_int_equal(period_regime_find(&r, PERIOD_QUARTER, D("20/12/2026"), &e), -1);
    assert_int_equal(period_regime_find(&r, PERIOD_MONTH, D("20/12/2026"), &e), -1);

    /* the issue's own spelling, Q4 to 31/12, reads too */
    regime("quarter:window=01/01-09/03,10/03-09/06,10/06-09/09,10/09-31/12:unit=10@last", &r);
    e = entry(&r, "2028-Q4");
    assert_string_equal(vn(e.end), "31/12/2028");
    assert_string_equal(vn(e.unit_due), "10/12/2028");
}

/* "15th to 14th": month M runs 15/(M-1) to 14/M, the year 15/12 to 14/12;
 * periods cross the year boundary at their start. */
static void test_regime_cutoff(void **state)
{
    (void)state;
    period_regime r;
    regime("month:cutoff=15:unit=20@last,commune=25@last quarter:cutoff=15 half:cutoff=15 "
           "year:cutoff=15:unit=18@last", &r);
    period_entry e = entry(&r, "2026-01");
    assert_string_equal(vn(e.start), "15/12/2025");
    assert_string_equal(vn(e.end), "14/01/2026");
    assert_string_equal(vn(e.unit_due), "20/01/2026");
    assert_string_equal(vn(e.commune_due), "25/01/2026");
    e = entry(&r, "2026-03");
    assert_string_equal(vn(e.start), "15/02/2026");
    assert_string_equal(vn(e.end), "14/03/2026");
    e = entry(&r, "2028-03");      /* February of a leap year is inside */
    assert_int_equal(e.end - e.start + 1, 29);
    e = entry(&r, "2026-03");
    assert_int_equal(e.end - e.start + 1, 28);
    e = entry(&r, "2026-Q1");
    assert_string_equal(vn(e.start), "15/12/2025");
    assert_string_equal(vn(e.end), "14/03/2026");
    e = entry(&r, "2026-H2");
    assert_string_equal(vn(e.start), "15/06/2026");
    assert_string_equal(vn(e.end), "14/12/2026");
    e = entry(&r, "2026");
    assert_string_equal(vn(e.start), "15/12/2025");
    assert_string_equal(vn(e.end), "14/12/2026");
    assert_string_equal(vn(e.unit_due), "18/12/2026");
    /* 20/12/2026 is already in January 2027's month and in year 2027 */
    assert_int_equal(period_regime_find(&r, PERIOD_MONTH, D("20/12/2026"), &e), 0);
    assert_string_equal(e.code, "2027-01");
    assert_int_equal(period_regime_find(&r, PERIOD_YEAR, D("20/12/2026"), &e), 0);
    assert_string_equal(e.code, "2027");
    assert_int_equal(period_regime_find(&r, PERIOD_MONTH, D("14/01/2026"), &e), 0);
    assert_string_equal(e.code, "2026-01");
    assert_int_equal(period_regime_find(&r, PERIOD_MONTH, D("15/01/2026"), &e), 0);
    assert_string_equal(e.code, "2026-02");
    /* consecutive months tile the time line: next start = end + 1 */
    for (int m = 1; m < 12; m++) {
        period a = {PERIOD_MONTH, 2026, m}, b = period_next(a);
        period_entry ea, eb;
        period_regime_entry(&r, &a, &ea);
        period_regime_entry(&r, &b, &eb);
        assert_int_equal(eb.start, ea.end + 1);
    }
    /* a year-wrapping window spelled out is the same as the cut-off */
    regime("year:window=15/12-14/12", &r);
    e = entry(&r, "2026");
    assert_string_equal(vn(e.start), "15/12/2025");
    assert_string_equal(vn(e.end), "14/12/2026");
}

/* Days past a month's end are clamped: 31 of February is its last day. */
static void test_regime_month_ends(void **state)
{
    (void)state;
    period_regime r;
    regime("month:unit=31+1,commune=30@last quarter:unit=31@last year:unit=29/02,commune=31/12", &r);
    static const char *want[][3] = {
        {"2026-01", "28/02/2026", "30/01/2026"},
        {"2028-01", "29/02/2028", "30/01/2028"},   /* leap */
        {"2100-01", "28/02/2100", "30/01/2100"},   /* not leap */
        {"2000-01", "29/02/2000", "30/01/2000"},   /* leap */
        {"2026-02", "31/03/2026", "28/02/2026"},
        {"2028-02", "31/03/2028", "29/02/2028"},
        {"2026-03", "30/04/2026", "30/03/2026"},
        {"2026-08", "30/09/2026", "30/08/2026"},
        {"2026-11", "31/12/2026", "30/11/2026"},
        {"2026-12", "31/01/2027", "30/12/2026"},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        period_entry e = entry(&r, want[i][0]);
        assert_string_equal(vn(e.unit_due), want[i][1]);
        assert_string_equal(vn(e.commune_due), want[i][2]);
    }
    assert_string_equal(vn(entry(&r, "2026-Q2").unit_due), "30/06/2026");
    assert_string_equal(vn(entry(&r, "2026-Q1").unit_due), "31/03/2026");
    assert_string_equal(vn(entry(&r, "2027").unit_due), "28/02/2027");
    assert_string_equal(vn(entry(&r, "2028").unit_due), "29/02/2028");
    assert_string_equal(vn(entry(&r, "2028").commune_due), "31/12/2028");
    /* two months after */
    regime("quarter:unit=15+2", &r);
    assert_string_equal(vn(entry(&r, "2026-Q4").unit_due), "15/02/2027");
    regime("month:unit=10+12", &r);
    assert_string_equal(vn(entry(&r, "2026-05").unit_due), "10/05/2027");
}

/* One period with its own explicit deadline beside the rule of its kind. */
static void test_regime_override(void **state)
{
    (void)state;
    period_regime r;
    regime("quarter:unit=18@last,commune=20@last 2026-Q2:unit=25/06/2026", &r);
    period_entry e = entry(&r, "2026-Q2");
    assert_string_equal(vn(e.unit_due), "25/06/2026");
    assert_string_equal(vn(e.commune_due), "20/06/2026");    /* not stated: kept */
    e = entry(&r, "2027-Q2");
    assert_string_equal(vn(e.unit_due), "18/06/2027");
    period_entry list[PERIOD_LIST_MAX];
    assert_int_equal(period_list(&r, 2026, list, PERIOD_LIST_MAX), 4);
    /* "none" removes a deadline for that period */
    regime("quarter:unit=18@last,commune=20@last 2026-Q3:commune=none", &r);
    e = entry(&r, "2026-Q3");
    assert_string_equal(vn(e.unit_due), "18/09/2026");
    assert_int_equal(e.commune_due, PERIOD_NO_DAY);
    /* an override alone adds its one period, with calendar dates */
    regime("month:unit=15+1 2026-H1:unit=10/07/2026", &r);
    size_t n = period_list(&r, 2026, list, PERIOD_LIST_MAX);
    assert_int_equal(n, 13);
    assert_string_equal(list[6].code, "2026-H1");
    assert_string_equal(vn(list[6].unit_due), "10/07/2026");
    assert_string_equal(vn(list[6].start), "01/01/2026");
    assert_int_equal(list[6].rule, 1);
    assert_int_equal(period_list(&r, 2027, list, PERIOD_LIST_MAX), 12);
    /* the list is bounded by MAX */
    assert_int_equal(period_list(&r, 2026, list, 3), 3);
}

static void test_rule_aliases_and_format(void **state)
{
    (void)state;
    period_regime a, b;
    char t[PERIOD_REGIME_TEXT_MAX], u[PERIOD_REGIME_TEXT_MAX];
    regime("thang:don-vi=15+1,xa=20+1 QUY:unit=18@cuoi nam:chot=lich:unit=05/12", &a);
    regime("month:cutoff=15:unit=15+1,commune=20+1 quarter:unit=18@last year:cutoff=none:unit=05/12", &b);
    int k = period_regime_format(&a, t, sizeof t);
    assert_int_equal(k, (int)strlen(t));
    period_regime_format(&b, u, sizeof u);
    assert_string_equal(t, u);
    assert_string_equal(t, "month:unit=15+1,commune=20+1 quarter:unit=18@last year:cutoff=none:unit=05/12");
    /* every form survives format → parse → format */
    static const char *forms[] = {
        "month:cutoff=10:unit=20@last,commune=none",
        "month:unit=20@last,commune=none",
        "quarter:cutoff=none:unit=18@last",
        "quarter:window=01/01-09/03,10/03-09/06:unit=10@last",
        "quarter:window=01/01-09/03,10/03-09/06,10/06-09/09,10/09-31/12:unit=10@last",
        "year:window=15/12-14/12:commune=05/01/2027",
        "2026-Q2:unit=25/06/2026",
        "half",
        "month:commune=5+2",
    };
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        regime(forms[i], &a);
        assert_true(period_regime_format(&a, t, sizeof t) > 0);
        assert_string_equal(t, forms[i]);
        regime(t, &b);
        k = period_regime_format(&b, u, sizeof u);
        assert_int_equal(k, (int)strlen(t));
        assert_string_equal(t, u);
    }
    /* "15+0" is "15@last" */
    regime("month:unit=15+0", &a);
    period_regime_format(&a, t, sizeof t);
    assert_string_equal(t, "month:unit=15@last");
    /* too small a buffer is refused, not truncated */
    regime("month:unit=15+1,commune=20+1", &a);
    assert_int_equal(period_regime_format(&a, t, 10), -1);
    assert_int_equal(period_regime_format(&a, t, 0), -1);
    /* an empty regime */
    regime("  ;  ", &a);
    assert_int_equal(a.nrules, 0);
    assert_int_equal(period_regime_format(&a, t, sizeof t), 0);
    assert_string_equal(t, "");
}

static void test_rule_errors(void **state)
{
    (void)state;
    static const char *bad[] = {
        "week:unit=15+1", "", ":unit=15+1", "month:unit=32+1", "month:unit=0+1",
        "month:unit=15+13", "month:unit=15", "month:unit=15@first", "month:unit=",
        "month:unit=15+1,unit=16+1", "month:foo=1", "month::unit=15+1", "month:unit=15+1,",
        "month:cutoff=1", "month:cutoff=29", "month:cutoff=x", "month:cutoff=15:cutoff=16",
        ("month:cutoff=15:window=01/01-31/01,01/02-28/02,01/03-31/03,01/04-30/04,01/05-31/05,"
         "01/06-30/06,01/07-31/07,01/08-31/08,01/09-30/09,01/10-31/10,01/11-30/11,01/12-31/12"),
        "month:cutoff=none:cutoff=15", "2026-Q2:cutoff=none",
        ("quarter:window=01/01-09/03,10/03-09/06,10/06-09/09,10/09-09/12,"
         "10/12-31/12"),                                                /* 5 of 4 */
        "quarter:window=01/01-09/03,09/03-09/06,10/06-09/09,10/09-31/12", /* overlap */
        "quarter:window=01/01-09/03,10/03-09/06,10/09-09/06,10/09-31/12", /* wraps later */
        "half:window=01/07-30/06,01/06-31/12",                          /* wrap overlaps last */
        "half:window=01/01-30/06,01/07-31/12,01/01-02/01",
        "half:window=01/01-30/06:unit=1+1,01/07-31/12",                 /* bare after unit */
        "year:window=01/01-31/02", "year:window=1/1/2026-2/2", "year:unit=30/02",
        "year:unit=31/04/2026", "year:unit=05/12/26", "year:unit=05/12x",
        "2026-Q5:unit=25/06/2026", "2026-Q2:cutoff=15", "2026-Q2:window=01/04-30/06",
        "15+1",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        period_rule r;
        dti_err e;
        dti_err_clear(&e);
        if (period_rule_parse(bad[i], &r, &e) == DTI_OK)
            fail_msg("rule \"%s\" accepted", bad[i]);
        assert_int_equal(e.code, DTI_ERR_INPUT);
        assert_true(e.msg[0] != 0);
    }
    /* messages name the part, Vietnamese by default */
    period_rule r;
    dti_err e;
    assert_int_equal(period_rule_parse("month:unit=15", &r, &e), DTI_ERR_INPUT);
    assert_string_equal(e.field, "unit");
    assert_non_null(strstr(e.msg, "unit=15"));
    assert_non_null(strstr(e.msg, "Hạn"));
    /* limits */
    char big[PERIOD_RULE_TEXT_MAX + 8];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = 0;
    assert_int_equal(period_rule_parse(big, &r, &e), DTI_ERR_TOOBIG);
    assert_int_equal(period_rule_parse(NULL, &r, &e), DTI_ERR_INPUT);
    period_regime g;
    assert_int_equal(period_regime_parse_text("month quarter month", &g, &e), DTI_ERR_INPUT);
    assert_int_equal(period_regime_parse_text("2026-Q1:unit=1/4 2026-q1:unit=2/4", &g, &e), DTI_ERR_INPUT);
    assert_int_equal(period_regime_parse_text("month 2026-01:unit=2/4", &g, &e), DTI_OK);
    char many[PERIOD_REGIME_TEXT_MAX];
    many[0] = 0;
    for (int i = 1; i <= PERIOD_RULES_MAX + 1; i++) {
        char one[32];
        snprintf(one, sizeof one, "2026-%02d:unit=1/1 ", i > 12 ? 12 : i);
        strcat(many, one);
    }
    assert_int_equal(period_regime_parse_text(many, &g, &e), DTI_ERR_TOOBIG);
    const char *words[] = {"month", "quarter"};
    assert_int_equal(period_regime_parse(words, 2, &g, &e), DTI_OK);
    assert_int_equal(g.nrules, 2);
}

/* A plan's years from its title: "giai đoạn 2025–2030" (any dash, "đến"),
 * else "năm 2026"; numbers that are not years are ignored. */
static void test_span(void **state)
{
    (void)state;
    int a, b;
    assert_int_equal(period_span_parse("Kế hoạch nâng cao chỉ số DTI giai đoạn 2025–2030 xã X", &a, &b), 1);
    assert_int_equal(a, 2025);
    assert_int_equal(b, 2030);
    assert_int_equal(period_span_parse("Nâng cao chỉ số chuyển đổi số (DTI) giai đoạn 2026 - 2030", &a, &b), 1);
    assert_int_equal(a, 2026);
    assert_int_equal(b, 2030);
    assert_int_equal(period_span_parse("giai đoạn 2026 đến 2027", &a, &b), 1);
    assert_int_equal(b, 2027);
    assert_int_equal(period_span_parse("xã Vĩnh Thuận năm 2026", &a, &b), 1);
    assert_int_equal(a, 2026);
    assert_int_equal(b, 2026);
    /* a count, a reversed or too long span, a number in a run of digits */
    assert_int_equal(period_span_parse("Số 12345 - 2030 có 3000 hộ", &a, &b), 0);
    assert_int_equal(a, 0);
    assert_int_equal(period_span_parse("2030-2025", &a, &b), 0);
    assert_int_equal(period_span_parse("2001-2030", &a, &b), 0);
    assert_int_equal(period_span_parse(NULL, &a, &b), 0);
    assert_int_equal(period_span_parse("năm 2026, giai đoạn 2026–2030", &a, &b), 1);
    assert_int_equal(b, 2030);
}

/* ---- timeliness ---- */

static void test_timeliness(void **state)
{
    (void)state;
    int late = -1;
    int32_t due = D("15/02/2026");                 /* Minh Đức, January */
    time_t end = period_deadline_instant(due);     /* 15/02/2026 23:59:59 UTC+7 */
    /* made at 23:00 on the 15th, Vietnam time: on time */
    assert_int_equal(period_timeliness(1, end - 3599, due, end + 86400 * 30, &late), TIMELY_ON_TIME);
    assert_int_equal(late, 0);
    /* 00:30 on the 16th in Vietnam (17:30 UTC on the 15th): late by 1 day */
    assert_int_equal(period_timeliness(1, end + 1801, due, end, &late), TIMELY_LATE);
    assert_int_equal(late, 1);
    /* on the 20th: late by 5 */
    assert_int_equal(period_timeliness(1, period_deadline_instant(D("20/02/2026")) - 10, due, 0, &late),
                     TIMELY_LATE);
    assert_int_equal(late, 5);
    /* weeks early: on time */
    assert_int_equal(period_timeliness(1, end - 86400 * 20, due, end, &late), TIMELY_ON_TIME);
    /* nothing yet, last second of the 15th: not yet due */
    assert_int_equal(period_timeliness(0, 0, due, end, &late), TIMELY_NOT_DUE);
    assert_int_equal(late, 0);
    /* nothing, one second later: missing, 1 day overdue; 10 days later: 11 */
    assert_int_equal(period_timeliness(0, 0, due, end + 1, &late), TIMELY_MISSING);
    assert_int_equal(late, 1);
    assert_int_equal(period_timeliness(0, 0, due, end + 1 + 86400 * 10, &late), TIMELY_MISSING);
    assert_int_equal(late, 11);
    /* no deadline: submitted is on time, else not due */
    assert_int_equal(period_timeliness(1, end, PERIOD_NO_DAY, end, &late), TIMELY_ON_TIME);
    assert_int_equal(period_timeliness(0, 0, PERIOD_NO_DAY, end + 86400 * 999, &late), TIMELY_NOT_DUE);
    assert_int_equal(period_timeliness(1, end + 86400, due, end, NULL), TIMELY_LATE);
    assert_string_equal(period_timely_name(TIMELY_MISSING), "missing");
    assert_string_equal(period_timely_name(TIMELY_ON_TIME), "on_time");
    assert_string_equal(period_timely_label(TIMELY_LATE), "trễ hạn");
    assert_string_equal(period_timely_label(TIMELY_NOT_DUE), "chưa đến hạn");
}

/* The minutes around midnight in Vietnam (UTC 16:59, 17:00, 17:01) decide
 * the day, the period a moment falls in under the 15→14 cut-off, and
 * whether a report made then is on time. */
static void test_vn_midnight(void **state)
{
    (void)state;
    period_regime r;
    regime("month:unit=15@last,commune=20@last", &r);
    /* 2026-11-14 16:59 UTC = 14/11 23:59 in Vietnam; 17:00 = 15/11 00:00 */
    time_t t1659 = 1794675540, t1700 = t1659 + 60, t1701 = t1659 + 120;
    assert_int_equal(period_today_vn(t1659), D("14/11/2026"));
    assert_int_equal(period_today_vn(t1700), D("15/11/2026"));
    assert_int_equal(period_today_vn(t1701), D("15/11/2026"));
    period_entry e;
    assert_int_equal(period_regime_find(&r, PERIOD_MONTH, period_today_vn(t1659), &e), 0);
    assert_string_equal(e.code, "2026-11");         /* the last minute of November's figures */
    assert_int_equal(period_regime_find(&r, PERIOD_MONTH, period_today_vn(t1700), &e), 0);
    assert_string_equal(e.code, "2026-12");
    /* November is due 15/11: made at 23:59 on the 15th (16:59 UTC) on time,
     * at 00:00 or 00:01 on the 16th (17:00, 17:01 UTC) one day late */
    e = entry(&r, "2026-11");
    assert_int_equal(e.unit_due, D("15/11/2026"));
    int late = -1;
    assert_int_equal(period_timeliness(1, t1659 + 86400, e.unit_due, t1659 + 86400, &late), TIMELY_ON_TIME);
    assert_int_equal(period_timeliness(1, t1700 + 86400, e.unit_due, t1700 + 86400, &late), TIMELY_LATE);
    assert_int_equal(late, 1);
    assert_int_equal(period_timeliness(1, t1701 + 86400, e.unit_due, t1701 + 86400, &late), TIMELY_LATE);
    /* not submitted: not due at 16:59 UTC on the 15th, missing at 17:00 */
    assert_int_equal(period_timeliness(0, 0, e.unit_due, t1659 + 86400, &late), TIMELY_NOT_DUE);
    assert_int_equal(period_timeliness(0, 0, e.unit_due, t1700 + 86400, &late), TIMELY_MISSING);
    assert_int_equal(late, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_leap_years),
        cmocka_unit_test(test_day_numbers),
        cmocka_unit_test(test_today_vn),
        cmocka_unit_test(test_date_text),
        cmocka_unit_test(test_codes),
        cmocka_unit_test(test_calendar_dates),
        cmocka_unit_test(test_next_prev_of),
        cmocka_unit_test(test_regime_minh_duc),
        cmocka_unit_test(test_regime_vinh_thuan),
        cmocka_unit_test(test_regime_vinh_tru),
        cmocka_unit_test(test_regime_windows),
        cmocka_unit_test(test_regime_cutoff),
        cmocka_unit_test(test_regime_three_windows),
        cmocka_unit_test(test_span),
        cmocka_unit_test(test_vn_midnight),
        cmocka_unit_test(test_regime_month_ends),
        cmocka_unit_test(test_regime_override),
        cmocka_unit_test(test_rule_aliases_and_format),
        cmocka_unit_test(test_rule_errors),
        cmocka_unit_test(test_timeliness),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
