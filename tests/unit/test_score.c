/* test_score.c — achievement, status, projection, points, indices, province
 * figure, completeness (core/score.c) and rankings (core/rank.c).
 * Every expected figure is computed by hand in the comment beside it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <math.h>
#include <string.h>
#include <cmocka.h>
#include "core/score.h"
#include "core/rank.h"
#include "core/period.h"
#include "base/lang.h"

#define EPS 1e-9

static score_result ach(target_op op, double target, double actual)
{
    score_target t = {op, target, 0, 0};
    score_value v = {1, actual, SCORE_VERDICT_NONE, 0};
    score_result r;
    dti_err e;
    assert_int_equal(score_achievement(&t, &v, &r, &e), DTI_OK);
    assert_true(r.has_data);
    return r;
}

static score_result ach_base(target_op op, double target, double baseline, double actual)
{
    score_target t = {op, target, 1, baseline};
    score_value v = {1, actual, SCORE_VERDICT_NONE, 0};
    score_result r;
    assert_int_equal(score_achievement(&t, &v, &r, NULL), DTI_OK);
    return r;
}

static void test_higher_is_better(void **state)
{
    (void)state;
    score_result r;
    r = ach(TARGET_GE, 70, 56);         /* 56/70 = 0.8 */
    assert_float_equal(r.achievement, 0.8, EPS);
    assert_false(r.met);
    r = ach(TARGET_GE, 70, 84);         /* min(1, 84/70) = 1 */
    assert_float_equal(r.achievement, 1, EPS);
    assert_true(r.met);
    r = ach(TARGET_GE, 70, 70);
    assert_true(r.met);
    r = ach(TARGET_GE, 70, 0);
    assert_float_equal(r.achievement, 0, EPS);
    r = ach(TARGET_GE, 70, -5);         /* clamped at 0 */
    assert_float_equal(r.achievement, 0, EPS);
    /* "Đạt trên 1%": 1% exactly is not above 1% but its ratio is 1 */
    r = ach(TARGET_GT, 1, 1);
    assert_float_equal(r.achievement, 1, EPS);
    assert_false(r.met);
    r = ach(TARGET_GT, 1, 1.5);
    assert_true(r.met);
    r = ach(TARGET_GT, 1, 0.5);         /* 0.5/1 */
    assert_float_equal(r.achievement, 0.5, EPS);
    /* target 0: met or not, no ratio */
    r = ach(TARGET_GE, 0, 0);
    assert_float_equal(r.achievement, 1, EPS);
    assert_true(r.met);
    r = ach(TARGET_GT, 0, 0);
    assert_float_equal(r.achievement, 0, EPS);
    assert_false(r.met);
    r = ach(TARGET_GT, 0, 3);
    assert_float_equal(r.achievement, 1, EPS);
    /* negative target (a fall of at most 2%): -3 misses, -1 meets */
    r = ach(TARGET_GE, -2, -3);
    assert_float_equal(r.achievement, 0, EPS);
    r = ach(TARGET_GE, -2, -1);
    assert_float_equal(r.achievement, 1, EPS);
}

static void test_lower_is_better(void **state)
{
    (void)state;
    score_result r;
    /* "không quá 5 ngày" without baseline: min(1, 5/A) */
    r = ach(TARGET_LE, 5, 4);
    assert_float_equal(r.achievement, 1, EPS);
    assert_true(r.met);
    r = ach(TARGET_LE, 5, 10);          /* 5/10 */
    assert_float_equal(r.achievement, 0.5, EPS);
    assert_false(r.met);
    r = ach(TARGET_LE, 5, 0);
    assert_float_equal(r.achievement, 1, EPS);
    r = ach(TARGET_LE, 0, 0);           /* target 0, actual 0: met */
    assert_float_equal(r.achievement, 1, EPS);
    r = ach(TARGET_LE, 0, 2);           /* target 0 missed: 0 */
    assert_float_equal(r.achievement, 0, EPS);
    r = ach(TARGET_LT, 5, 5);           /* strict: not met, ratio 1 */
    assert_float_equal(r.achievement, 1, EPS);
    assert_false(r.met);
    r = ach(TARGET_LT, 5, 4);
    assert_true(r.met);
    /* baseline 20, target 5: (20-10)/(20-5) = 10/15 = 0.6667 */
    r = ach_base(TARGET_LE, 5, 20, 10);
    assert_float_equal(r.achievement, 10.0 / 15.0, EPS);
    r = ach_base(TARGET_LE, 5, 20, 25);     /* worse than the baseline: 0 */
    assert_float_equal(r.achievement, 0, EPS);
    r = ach_base(TARGET_LE, 5, 20, 20);     /* no progress: 0 */
    assert_float_equal(r.achievement, 0, EPS);
    r = ach_base(TARGET_LE, 5, 20, 5);
    assert_float_equal(r.achievement, 1, EPS);
    assert_true(r.met);
    /* baseline equal to target: no range, falls back to 5/10 */
    r = ach_base(TARGET_LE, 5, 5, 10);
    assert_float_equal(r.achievement, 0.5, EPS);
    /* baseline already better than the target: ignored, 5/10 */
    r = ach_base(TARGET_LE, 5, 2, 10);
    assert_float_equal(r.achievement, 0.5, EPS);
    /* a baseline on a >= target is not used: 56/70 */
    r = ach_base(TARGET_GE, 70, 40, 56);
    assert_float_equal(r.achievement, 0.8, EPS);
}

static void test_equal_and_text(void **state)
{
    (void)state;
    score_result r;
    r = ach(TARGET_EQ, 9, 9);           /* "9/9 nền tảng" */
    assert_float_equal(r.achievement, 1, EPS);
    assert_true(r.met);
    r = ach(TARGET_EQ, 9, 6);           /* below: 6/9 */
    assert_float_equal(r.achievement, 6.0 / 9.0, EPS);
    assert_false(r.met);
    r = ach(TARGET_EQ, 9, 12);          /* above: 9/12 = 0.75 */
    assert_float_equal(r.achievement, 0.75, EPS);
    r = ach(TARGET_EQ, 0, 0);
    assert_float_equal(r.achievement, 1, EPS);
    r = ach(TARGET_EQ, 0, 1);
    assert_float_equal(r.achievement, 0, EPS);
    r = ach(TARGET_EQ, 0.7, 0.7000000000001);   /* within the tolerance */
    assert_true(r.met);

    score_target t = {TARGET_TEXT, 0, 0, 0};
    score_value v = {0, 0, SCORE_VERDICT_YES, 0};
    assert_int_equal(score_achievement(&t, &v, &r, NULL), DTI_OK);
    assert_true(r.has_data && r.met);
    assert_float_equal(r.achievement, 1, EPS);
    v.verdict = SCORE_VERDICT_NO;
    assert_int_equal(score_achievement(&t, &v, &r, NULL), DTI_OK);
    assert_true(r.has_data && !r.met);
    assert_float_equal(r.achievement, 0, EPS);
    v.verdict = SCORE_VERDICT_LEVEL;
    v.level = 0.5;
    assert_int_equal(score_achievement(&t, &v, &r, NULL), DTI_OK);
    assert_float_equal(r.achievement, 0.5, EPS);
    assert_false(r.met);
    v.level = 1;
    assert_int_equal(score_achievement(&t, &v, &r, NULL), DTI_OK);
    assert_true(r.met);
    v.level = 1.5;
    assert_int_equal(score_achievement(&t, &v, &r, NULL), DTI_ERR_INPUT);
    v.level = NAN;
    assert_int_equal(score_achievement(&t, &v, &r, NULL), DTI_ERR_INPUT);
    v.verdict = SCORE_VERDICT_NONE;
    assert_int_equal(score_achievement(&t, &v, &r, NULL), DTI_OK);
    assert_false(r.has_data);
    assert_false(score_met(&t, 1));
}

static void test_refused_and_missing(void **state)
{
    (void)state;
    score_result r;
    dti_err e;
    score_target t = {TARGET_GE, 70, 0, 0};
    score_value v = {1, NAN, SCORE_VERDICT_NONE, 0};
    assert_int_equal(score_achievement(&t, &v, &r, &e), DTI_ERR_INPUT);
    assert_string_equal(e.field, "value");
    v.value = INFINITY;
    assert_int_equal(score_achievement(&t, &v, &r, &e), DTI_ERR_INPUT);
    v.value = 50;
    t.value = NAN;
    assert_int_equal(score_achievement(&t, &v, &r, &e), DTI_ERR_INPUT);
    t.value = 70;
    t.op = TARGET_LE;
    t.has_baseline = 1;
    t.baseline = NAN;
    assert_int_equal(score_achievement(&t, &v, &r, &e), DTI_ERR_INPUT);
    t.has_baseline = 0;
    t.op = (target_op)99;
    assert_int_equal(score_achievement(&t, &v, &r, &e), DTI_ERR_INPUT);
    /* no value: no data, never a zero */
    t.op = TARGET_GE;
    v.has_value = 0;
    assert_int_equal(score_achievement(&t, &v, &r, &e), DTI_OK);
    assert_false(r.has_data);
    assert_false(r.met);
}

static void test_fit(void **state)
{
    (void)state;
    score_line l;
    dti_err e;
    score_point a[] = {{0, 1}, {1, 3}, {2, 5}};     /* y = 2x + 1 exactly */
    assert_int_equal(score_fit(a, 3, &l, &e), DTI_OK);
    assert_float_equal(l.slope, 2, EPS);
    assert_float_equal(l.intercept, 1, EPS);
    assert_float_equal(score_line_at(&l, 10), 21, EPS);
    /* (0,1) (1,2) (2,2): x̄ = 1, ȳ = 5/3; Sxx = 2, Sxy = (-1)(-2/3) + (1)(1/3) = 1;
     * slope 1/2, intercept 5/3 - 1/2 = 7/6; at 4: 7/6 + 2 = 19/6 */
    score_point b[] = {{0, 1}, {1, 2}, {2, 2}};
    assert_int_equal(score_fit(b, 3, &l, &e), DTI_OK);
    assert_float_equal(l.slope, 0.5, EPS);
    assert_float_equal(l.intercept, 7.0 / 6.0, EPS);
    assert_float_equal(score_line_at(&l, 4), 19.0 / 6.0, EPS);
    assert_int_equal(l.n, 3);
    /* day numbers near 20,000 give the same line, shifted */
    score_point c[] = {{20454, 1}, {20455, 3}, {20456, 5}};
    assert_int_equal(score_fit(c, 3, &l, &e), DTI_OK);
    assert_float_equal(l.slope, 2, 1e-7);
    assert_float_equal(score_line_at(&l, 20464), 21, 1e-6);
    /* one point, or one x: flat through the mean */
    score_point d[] = {{5, 7}};
    assert_int_equal(score_fit(d, 1, &l, &e), DTI_OK);
    assert_float_equal(l.slope, 0, EPS);
    assert_float_equal(score_line_at(&l, 100), 7, EPS);
    score_point f[] = {{5, 2}, {5, 4}};
    assert_int_equal(score_fit(f, 2, &l, &e), DTI_OK);
    assert_float_equal(score_line_at(&l, 9), 3, EPS);
    assert_int_equal(score_fit(f, 0, &l, &e), DTI_ERR_INPUT);
    score_point g[] = {{0, 1}, {NAN, 2}};
    assert_int_equal(score_fit(g, 2, &l, &e), DTI_ERR_INPUT);
    /* finite but huge: the sums overflow; refused, and the line left finite */
    score_point h[] = {{1e308, 1e308}, {-1e308, -1e308}, {1e308, 1e308}};
    assert_int_equal(score_fit(h, 3, &l, &e), DTI_ERR_INPUT);
    assert_true(isfinite(l.slope) && isfinite(l.intercept));
}

/* observations at D0, D0+30, D0+60 (evenly spaced), due D0+300 */
#define D0 20484    /* 31/01/2026 */

static score_trend trend(target_op op, double target, const double *vals, size_t n,
                         int32_t today)
{
    score_target t = {op, target, 0, 0};
    score_obs o[8];
    for (size_t i = 0; i < n; i++) {
        o[i].day = D0 + 30 * (int32_t)i;
        o[i].v = (score_value){!isnan(vals[i]), isnan(vals[i]) ? 0 : vals[i], SCORE_VERDICT_NONE, 0};
    }
    score_trend s;
    assert_int_equal(score_status_of(&t, o, n, D0 + 300, today, &s, NULL), DTI_OK);
    return s;
}

static void test_status(void **state)
{
    (void)state;
    score_trend s;
    /* 61, 64, 67: +3 per 30 days = 0.1/day; at +300: 61 + 30 = 91 >= 90 */
    double up[] = {61, 64, 67};
    s = trend(TARGET_GE, 90, up, 3, D0 + 60);
    assert_int_equal(s.status, SCORE_ON_TRACK);
    assert_true(s.projected);
    assert_float_equal(s.forecast, 91, 1e-6);
    assert_float_equal(s.latest.achievement, 67.0 / 90.0, EPS);
    assert_int_equal(s.latest_day, D0 + 60);
    assert_int_equal(s.used, 3);
    /* 60, 62, 64: 0.2/3 per day; at +300: 60 + 20 = 80 < 90: at risk */
    double slow[] = {60, 62, 64};
    s = trend(TARGET_GE, 90, slow, 3, D0 + 60);
    assert_int_equal(s.status, SCORE_AT_RISK);
    assert_float_equal(s.forecast, 80, 1e-6);
    /* the due date passed (today = due + 1) and 64 < 90: not met */
    s = trend(TARGET_GE, 90, slow, 3, D0 + 301);
    assert_int_equal(s.status, SCORE_NOT_MET);
    /* on the due day itself it is still judged by projection */
    s = trend(TARGET_GE, 90, slow, 3, D0 + 300);
    assert_int_equal(s.status, SCORE_AT_RISK);
    /* the latest value meets it: met, even after the due date */
    double done[] = {60, 80, 95};
    s = trend(TARGET_GE, 90, done, 3, D0 + 400);
    assert_int_equal(s.status, SCORE_MET);
    /* met earlier but the latest falls below: judged on the latest */
    double fell[] = {95, 80, 85};
    s = trend(TARGET_GE, 90, fell, 3, D0 + 60);
    assert_int_equal(s.status, SCORE_AT_RISK);
    /* one value: flat projection, 60 stays 60 < 90: at risk */
    double one[] = {60};
    s = trend(TARGET_GE, 90, one, 1, D0);
    assert_int_equal(s.status, SCORE_AT_RISK);
    assert_float_equal(s.forecast, 60, EPS);
    /* no values at all: no data, not zero */
    double none[] = {NAN, NAN};
    s = trend(TARGET_GE, 90, none, 2, D0 + 30);
    assert_int_equal(s.status, SCORE_NO_DATA);
    assert_int_equal(s.used, 0);
    assert_int_equal(s.latest_day, INT32_MIN);
    s = trend(TARGET_GE, 90, none, 0, D0 + 30);
    assert_int_equal(s.status, SCORE_NO_DATA);
    /* a gap is skipped: 61, -, 67 at 0 and 60: 0.1/day, 91 at +300 */
    double gap[] = {61, NAN, 67};
    s = trend(TARGET_GE, 90, gap, 3, D0 + 60);
    assert_int_equal(s.status, SCORE_ON_TRACK);
    assert_float_equal(s.forecast, 91, 1e-6);
    /* lower is better: late files 5%, 4%, 3% → -1/30 per day → -5 at +300 <= 2 */
    double falling[] = {5, 4, 3};
    s = trend(TARGET_LE, 2, falling, 3, D0 + 60);
    assert_int_equal(s.status, SCORE_ON_TRACK);
    assert_float_equal(s.forecast, -5, 1e-6);
    double stuck[] = {5, 5, 5};
    s = trend(TARGET_LE, 2, stuck, 3, D0 + 60);
    assert_int_equal(s.status, SCORE_AT_RISK);

    /* observations in any order: the latest by day counts */
    score_target t = {TARGET_GE, 90, 0, 0};
    score_obs o[] = {{D0 + 60, {1, 95, 0, 0}}, {D0, {1, 50, 0, 0}}};
    assert_int_equal(score_status_of(&t, o, 2, D0 + 300, D0 + 60, &s, NULL), DTI_OK);
    assert_int_equal(s.status, SCORE_MET);
    /* no due date known: never "not met", not projected */
    score_obs o2[] = {{D0, {1, 50, 0, 0}}};
    assert_int_equal(score_status_of(&t, o2, 1, PERIOD_NO_DAY, D0 + 900, &s, NULL), DTI_OK);
    assert_int_equal(s.status, SCORE_ON_TRACK);
    assert_false(s.projected);
    /* a text milestone: no before the due date is on track, after it not met */
    score_target tt = {TARGET_TEXT, 0, 0, 0};
    score_obs o3[] = {{D0, {0, 0, SCORE_VERDICT_NO, 0}}};
    assert_int_equal(score_status_of(&tt, o3, 1, D0 + 300, D0, &s, NULL), DTI_OK);
    assert_int_equal(s.status, SCORE_ON_TRACK);
    assert_int_equal(score_status_of(&tt, o3, 1, D0 + 300, D0 + 301, &s, NULL), DTI_OK);
    assert_int_equal(s.status, SCORE_NOT_MET);
    o3[0].v.verdict = SCORE_VERDICT_YES;
    assert_int_equal(score_status_of(&tt, o3, 1, D0 + 300, D0 + 301, &s, NULL), DTI_OK);
    assert_int_equal(s.status, SCORE_MET);
    /* a NaN value is refused, not projected */
    score_obs o4[] = {{D0, {1, NAN, 0, 0}}};
    dti_err e;
    assert_int_equal(score_status_of(&t, o4, 1, D0 + 300, D0, &s, &e), DTI_ERR_INPUT);

    assert_string_equal(score_status_name(SCORE_AT_RISK), "at_risk");
    assert_string_equal(score_status_label(SCORE_AT_RISK), "nguy cơ");
    assert_string_equal(score_status_label(SCORE_NO_DATA), "chưa có số liệu");
    assert_string_equal(score_status_label(SCORE_ON_TRACK), "đúng tiến độ");
    assert_string_equal(score_status_label(SCORE_NOT_MET), "chưa đạt");
    assert_string_equal(score_status_label(SCORE_MET), "đạt");
    lang_set(LANG_EN);
    assert_string_equal(score_status_label(SCORE_AT_RISK), "at risk");
    lang_set(LANG_VI);
}

/* Group A: achievements 1, 0.5, 0.7 with maxima 10, 10, 20
 *   → points 10 + 5 + 14 = 29 over 40 = 0,7250.
 * Group B: 5 of 5 and 0 of 5 → 5/10 = 0,5000.
 * Plan: (29 + 5) / (40 + 10) = 34/50 = 0,6800 — not the mean of the
 * groups, (0,725 + 0,5)/2 = 0,6125.
 * Group C: one criterion of maximum 10 with no data: left out → 34/50
 * still, flagged; counted as zero → 34/60 = 0,5667.
 * A criterion of maximum 0 (with 0 points) is kept, not counted. */
static void test_points_and_index(void **state)
{
    (void)state;
    score_item it[] = {
        {"1.1", "A", 10, 1, score_points(1.0, 10), 0, 0, NULL},
        {"1.2", "A", 10, 1, score_points(0.5, 10), 0, 0, NULL},
        {"1.3", "A", 20, 1, score_points(0.7, 20), 0, 0, NULL},
        {"2.1", "B", 5, 1, 5, 0, 0, NULL},
        {"2.2", "B", 5, 1, 0, 0, 0, NULL},
        {"3.1", "C", 10, 0, 0, 0, 0, NULL},
        {"3.2", "C", 0, 1, 0, 0, 0, NULL},
    };
    size_t n = sizeof it / sizeof it[0];
    score_sum s;
    char b[SCORE_FMT_LEN];
    dti_err e;
    assert_int_equal(score_sum_items(it, n, "A", SCORE_FROM_SELF, SCORE_NODATA_EXCLUDE, &s, &e), DTI_OK);
    assert_float_equal(s.points, 29, EPS);
    assert_float_equal(s.max, 40, EPS);
    assert_string_equal(score_format_index(s.value, b), "0,7250");
    assert_int_equal(s.counted, 3);
    double ga = s.value;
    assert_int_equal(score_sum_items(it, n, "B", SCORE_FROM_SELF, SCORE_NODATA_EXCLUDE, &s, &e), DTI_OK);
    assert_string_equal(score_format_index(s.value, b), "0,5000");
    double gb = s.value;
    assert_int_equal(score_sum_items(it, n, NULL, SCORE_FROM_SELF, SCORE_NODATA_EXCLUDE, &s, &e), DTI_OK);
    assert_float_equal(s.points, 34, EPS);
    assert_float_equal(s.max, 50, EPS);
    assert_string_equal(score_format_index(s.value, b), "0,6800");
    assert_true(fabs(s.value - (ga + gb) / 2) > 0.05);    /* 0,6800 vs 0,6125 */
    assert_int_equal(s.counted, 5);
    assert_int_equal(s.nodata, 1);
    assert_int_equal(s.zero_max, 1);
    assert_int_equal(score_sum_items(it, n, NULL, SCORE_FROM_SELF, SCORE_NODATA_ZERO, &s, &e), DTI_OK);
    assert_float_equal(s.max, 60, EPS);
    assert_string_equal(score_format_index(s.value, b), "0,5667");
    assert_int_equal(s.counted, 6);
    assert_int_equal(s.nodata, 1);
    /* group C alone: nothing counted, no value (not 0) */
    assert_int_equal(score_sum_items(it, n, "C", SCORE_FROM_SELF, SCORE_NODATA_EXCLUDE, &s, &e), DTI_OK);
    assert_false(s.has_value);
    assert_int_equal(s.nodata, 1);
    assert_int_equal(s.zero_max, 1);
    /* an unknown group: nothing */
    assert_int_equal(score_sum_items(it, n, "Z", SCORE_FROM_SELF, SCORE_NODATA_EXCLUDE, &s, &e), DTI_OK);
    assert_int_equal(s.counted + s.nodata + s.zero_max, 0);

    /* the reviewer lowers 2.1 from 5 to 3 and scores 3.1 (no self) at 4:
     * self: 34/50 = 0,6800; reviewed: (29 + 3 + 0 + 4)/(40 + 10 + 10) = 36/60 = 0,6000 */
    it[3].has_review = 1;
    it[3].review = 3;
    it[3].reason = "Biên bản họp thiếu chữ ký";
    it[5].has_review = 1;
    it[5].review = 4;
    assert_int_equal(score_sum_items(it, n, NULL, SCORE_FROM_SELF, SCORE_NODATA_EXCLUDE, &s, &e), DTI_OK);
    assert_string_equal(score_format_index(s.value, b), "0,6800");
    assert_int_equal(s.reviewed, 2);
    assert_int_equal(score_sum_items(it, n, NULL, SCORE_FROM_REVIEW, SCORE_NODATA_EXCLUDE, &s, &e), DTI_OK);
    assert_float_equal(s.points, 36, EPS);
    assert_float_equal(s.max, 60, EPS);
    assert_string_equal(score_format_index(s.value, b), "0,6000");
    assert_int_equal(s.nodata, 0);
    /* a reviewer confirming the same points is not a change */
    it[3].review = 5;
    assert_int_equal(score_sum_items(it, n, "B", SCORE_FROM_REVIEW, SCORE_NODATA_EXCLUDE, &s, &e), DTI_OK);
    assert_int_equal(s.reviewed, 0);

    /* refused: points above the maximum, negative maximum, NaN */
    score_item bad = {"9.9", NULL, 10, 1, 11, 0, 0, NULL};
    assert_int_equal(score_sum_items(&bad, 1, NULL, SCORE_FROM_SELF, SCORE_NODATA_EXCLUDE, &s, &e),
                     DTI_ERR_INPUT);
    assert_string_equal(e.field, "9.9");
    bad.self = 5;
    bad.max = -1;
    assert_int_equal(score_sum_items(&bad, 1, NULL, SCORE_FROM_SELF, SCORE_NODATA_EXCLUDE, &s, &e),
                     DTI_ERR_INPUT);
    bad.max = 10;
    bad.self = NAN;
    assert_int_equal(score_sum_items(&bad, 1, NULL, SCORE_FROM_SELF, SCORE_NODATA_EXCLUDE, &s, &e),
                     DTI_ERR_INPUT);
    bad.self = 5;
    bad.has_review = 1;
    bad.review = -1;
    assert_int_equal(score_sum_items(&bad, 1, NULL, SCORE_FROM_SELF, SCORE_NODATA_EXCLUDE, &s, &e),
                     DTI_ERR_INPUT);
    bad.max = NAN;
    assert_int_equal(score_sum_items(&bad, 1, NULL, SCORE_FROM_SELF, SCORE_NODATA_EXCLUDE, &s, &e),
                     DTI_ERR_INPUT);
    /* no items: no value */
    assert_int_equal(score_sum_items(NULL, 0, NULL, SCORE_FROM_SELF, SCORE_NODATA_EXCLUDE, &s, &e), DTI_OK);
    assert_false(s.has_value);
}

static void test_format(void **state)
{
    (void)state;
    char b[SCORE_FMT_LEN];
    assert_string_equal(score_format_index(0.70710678, b), "0,7071");     /* √2/2 */
    assert_string_equal(score_format_index(29.0 / 40.0, b), "0,7250");
    assert_string_equal(score_format_index(1, b), "1,0000");
    assert_string_equal(score_format_index(0, b), "0,0000");
    assert_string_equal(score_format_index(-0.00001, b), "0,0000");
    assert_string_equal(score_format_index(2.0 / 3.0, b), "0,6667");
    assert_string_equal(score_format_index(NAN, b), "");
    assert_string_equal(score_format_index(INFINITY, b), "");
    lang_set(LANG_EN);
    assert_string_equal(score_format_index(0.70710678, b), "0.7071");
    lang_set(LANG_VI);
    assert_string_equal(score_format(12.5, 1, ',', b), "12,5");
    assert_string_equal(score_format(12.5, 0, ',', b), "12");         /* half to even */
    assert_string_equal(score_format(-3.25, 2, ',', b), "-3,25");
    assert_string_equal(score_format(1.5, 12, '.', b), "1.500000000");  /* capped at 9 */
    assert_string_equal(score_format(1.5, -1, '.', b), "2");
    assert_string_equal(score_format(1e300, 2, '.', b), "");
}

/* Communes: A 34/50 = 0,68, B 30/40 = 0,75, C no value (0/0).
 * mean of indices (0,68 + 0,75)/2 = 0,7150; pooled 64/90 = 0,7111. */
static void test_province(void **state)
{
    (void)state;
    score_sum c[3];
    memset(c, 0, sizeof c);
    c[0] = (score_sum){34, 50, 1, 0.68, 5, 0, 0, 0};
    c[1] = (score_sum){30, 40, 1, 0.75, 4, 1, 0, 0};
    c[2] = (score_sum){0, 0, 0, 0, 0, 2, 0, 0};
    score_sum p;
    char b[SCORE_FMT_LEN];
    dti_err e;
    assert_int_equal(score_province(c, 3, SCORE_PROVINCE_MEAN, &p, &e), DTI_OK);
    assert_string_equal(score_format_index(p.value, b), "0,7150");
    assert_int_equal(p.counted, 2);
    assert_int_equal(p.nodata, 1);
    assert_int_equal(score_province(c, 3, SCORE_PROVINCE_POOLED, &p, &e), DTI_OK);
    assert_string_equal(score_format_index(p.value, b), "0,7111");
    assert_float_equal(p.points, 64, EPS);
    assert_int_equal(score_province(c + 2, 1, SCORE_PROVINCE_MEAN, &p, &e), DTI_OK);
    assert_false(p.has_value);
    assert_int_equal(score_province(c, 3, (score_province_mode)7, &p, &e), DTI_ERR_INPUT);
    c[1].value = NAN;
    assert_int_equal(score_province(c, 3, SCORE_PROVINCE_MEAN, &p, &e), DTI_ERR_INPUT);
    assert_string_equal(score_province_mode_name(SCORE_PROVINCE_POOLED), "pooled");
    assert_int_equal(score_province_mode_parse("mean"), SCORE_PROVINCE_MEAN);
    assert_int_equal(score_province_mode_parse("pooled"), SCORE_PROVINCE_POOLED);
    assert_int_equal(score_province_mode_parse("median"), -1);
    assert_int_equal(score_province_mode_parse(NULL), -1);
    assert_string_equal(score_province_mode_label(SCORE_PROVINCE_MEAN), "trung bình cộng chỉ số các xã");
}

/* 12 reports expected, 10 received, 7 on time: 10/12 = 0,8333, 7/12 = 0,5833. */
static void test_completeness(void **state)
{
    (void)state;
    score_completeness c;
    char b[SCORE_FMT_LEN];
    dti_err e;
    assert_int_equal(score_completeness_of(12, 10, 7, &c, &e), DTI_OK);
    assert_true(c.has_rates);
    assert_string_equal(score_format_index(c.rate, b), "0,8333");
    assert_string_equal(score_format_index(c.on_time_rate, b), "0,5833");
    assert_int_equal(score_completeness_of(0, 0, 0, &c, &e), DTI_OK);
    assert_false(c.has_rates);
    assert_int_equal(score_completeness_of(3, 4, 0, &c, &e), DTI_ERR_INPUT);
    assert_int_equal(score_completeness_of(3, 2, 3, &c, &e), DTI_ERR_INPUT);
}

/* Units by on-time rate, achievement second:
 *   Phòng Văn hóa - Xã hội 1.00/0.80 → 1
 *   Trạm Y tế 0.75/0.90 and Công an xã 0.75/0.90 → both 2, "cong an xa" first
 *   Trung tâm PVHCC 0.75/0.50 → 4
 *   Thôn 3 has no report expected (no key) → 0, last */
static void test_rank(void **state)
{
    (void)state;
    rank_item u[] = {
        {"Trạm Y tế", 1, 0.75, 1, 0.90, 0, 0},
        {"Thôn 3", 0, 0, 0, 0, 1, 0},
        {"Trung tâm PVHCC", 1, 0.75, 1, 0.50, 2, 0},
        {"Phòng Văn hóa - Xã hội", 1, 1.00, 1, 0.80, 3, 0},
        {"Công an xã", 1, 3.0 / 4.0, 1, 0.9, 4, 0},
    };
    dti_err e;
    assert_int_equal(rank_sort(u, 5, RANK_DESCENDING, &e), DTI_OK);
    static const char *order[] = {"Phòng Văn hóa - Xã hội", "Công an xã", "Trạm Y tế",
                                  "Trung tâm PVHCC", "Thôn 3"};
    static const int ranks[] = {1, 2, 2, 4, 0};
    static const size_t idx[] = {3, 4, 0, 2, 1};
    for (size_t i = 0; i < 5; i++) {
        assert_string_equal(u[i].name, order[i]);
        assert_int_equal(u[i].rank, ranks[i]);
        assert_int_equal(u[i].index, idx[i]);
    }
    /* 1/3 and 2/6 tie after rounding; same names: the caller's order decides */
    rank_item c[] = {
        {"Xã Vĩnh Trụ", 1, 2.0 / 6.0, 0, 0, 0, 0},
        {"xa vinh tru", 1, 1.0 / 3.0, 0, 0, 1, 0},
        {NULL, 1, 1.0 / 3.0, 0, 0, 2, 0},
        {"Xã Minh Đức", 1, 0.7071, 0, 0, 3, 0},
    };
    assert_int_equal(rank_sort(c, 4, RANK_DESCENDING, &e), DTI_OK);
    assert_string_equal(c[0].name, "Xã Minh Đức");
    assert_int_equal(c[0].rank, 1);
    assert_int_equal(c[1].index, 0);
    assert_int_equal(c[2].index, 1);
    assert_null(c[3].name);             /* no name: after the named ones */
    assert_int_equal(c[1].rank, 2);
    assert_int_equal(c[2].rank, 2);
    assert_int_equal(c[3].rank, 2);
    /* ascending (fewest days late first) */
    rank_item d[] = {{"a", 1, 5, 0, 0, 0, 0}, {"b", 1, 1, 0, 0, 1, 0}, {"c", 0, 0, 0, 0, 2, 0},
                     {"d", 1, 3, 0, 0, 3, 0}};
    assert_int_equal(rank_sort(d, 4, RANK_ASCENDING, &e), DTI_OK);
    assert_string_equal(d[0].name, "b");
    assert_string_equal(d[1].name, "d");
    assert_string_equal(d[2].name, "a");
    assert_string_equal(d[3].name, "c");
    assert_int_equal(d[3].rank, 0);
    /* a second key missing sorts after one present */
    rank_item g[] = {{"x", 1, 0.5, 0, 0, 0, 0}, {"y", 1, 0.5, 1, 0.1, 1, 0}};
    assert_int_equal(rank_sort(g, 2, RANK_DESCENDING, &e), DTI_OK);
    assert_string_equal(g[0].name, "y");
    assert_int_equal(g[1].rank, 2);
    rank_item bad[] = {{"x", 1, NAN, 0, 0, 0, 0}};
    assert_int_equal(rank_sort(bad, 1, RANK_DESCENDING, &e), DTI_ERR_INPUT);
    assert_int_equal(rank_sort(NULL, 0, RANK_DESCENDING, &e), DTI_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_higher_is_better),
        cmocka_unit_test(test_lower_is_better),
        cmocka_unit_test(test_equal_and_text),
        cmocka_unit_test(test_refused_and_missing),
        cmocka_unit_test(test_fit),
        cmocka_unit_test(test_status),
        cmocka_unit_test(test_points_and_index),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_province),
        cmocka_unit_test(test_completeness),
        cmocka_unit_test(test_rank),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
