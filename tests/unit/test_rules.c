/* test_rules.c — criterion rules of a point table (core/rules.c): reading
 * the Vietnamese steps and levels phrases, and computing points. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <math.h>
#include <string.h>
#include <cmocka.h>
#include "core/rules.h"
#include "base/lang.h"

#define EPS 1e-9

static score_rule rule(const char *kind, const char *text, double max)
{
    score_rule r;
    dti_err e;
    dti_err_clear(&e);
    dti_rc rc = score_rule_parse(kind, text, max, &r, &e);
    if (rc != DTI_OK)
        fail_msg("rule \"%s\": %s", text ? text : "", e.msg);
    return r;
}

static double pts_x(const score_rule *r, double max, double x)
{
    score_rule_input in = {0};
    double p = -1;
    in.x = x;
    assert_int_equal(score_rule_points(r, max, &in, &p, NULL), DTI_OK);
    return p;
}

/* "họp 4 lần/năm: 20 điểm; 3 lần: 15; 2 lần: 10; 1 lần: 5; còn lại: 0"
 * points grow with the count: each bare count means "at least N":
 * [4, ∞) 20, [3, 4) 15, [2, 3) 10, [1, 2) 5, otherwise 0. */
static void test_steps_meetings(void **state)
{
    (void)state;
    score_rule r = rule(NULL, "Ban Chỉ đạo họp 4 lần/năm: 20 điểm; 3 lần: 15; 2 lần: 10; 1 lần: 5; còn lại: 0",
                        20);
    assert_int_equal(r.kind, SCORE_RULE_STEPS);
    assert_int_equal(r.nsteps, 5);
    assert_float_equal(pts_x(&r, 20, 4), 20, EPS);
    assert_float_equal(pts_x(&r, 20, 6), 20, EPS);
    assert_float_equal(pts_x(&r, 20, 3), 15, EPS);
    assert_float_equal(pts_x(&r, 20, 2), 10, EPS);
    assert_float_equal(pts_x(&r, 20, 1), 5, EPS);
    assert_float_equal(pts_x(&r, 20, 0), 0, EPS);
    assert_float_equal(pts_x(&r, 20, 2.5), 10, EPS);
    assert_true(r.steps[4].otherwise);
    char d[512];
    assert_true(score_rule_describe(&r, d, sizeof d) > 0);
    assert_string_equal(d, "steps: [4, ∞) → 20; [3, 4) → 15; [2, 3) → 10; [1, 2) → 5; còn lại → 0");
    assert_int_equal(score_rule_describe(&r, d, 10), -1);
    /* the same written ascending means the same */
    score_rule a = rule("steps", "1 lần: 5 điểm; 2 lần: 10 điểm; 3 lần: 15 điểm; 4 lần: 20 điểm", 20);
    assert_float_equal(pts_x(&a, 20, 4), 20, EPS);
    assert_float_equal(pts_x(&a, 20, 1), 5, EPS);
    assert_float_equal(pts_x(&a, 20, 0), 0, EPS);     /* no step, no otherwise: 0 */
}

/* Percentage bands with explicit words:
 * "Từ 80% trở lên: 10 điểm; từ 50% đến dưới 80%: 5 điểm; dưới 50%: 0 điểm"
 * → [80, ∞) 10, [50, 80) 5, (-∞, 50) 0. */
static void test_steps_bands(void **state)
{
    (void)state;
    score_rule r = rule(NULL, "Từ 80% trở lên: 10 điểm; từ 50% đến dưới 80%: 5 điểm; dưới 50%: 0 điểm.", 10);
    assert_int_equal(r.kind, SCORE_RULE_STEPS);
    assert_float_equal(pts_x(&r, 10, 100), 10, EPS);
    assert_float_equal(pts_x(&r, 10, 80), 10, EPS);
    assert_float_equal(pts_x(&r, 10, 79.9), 5, EPS);
    assert_float_equal(pts_x(&r, 10, 50), 5, EPS);
    assert_float_equal(pts_x(&r, 10, 49.99), 0, EPS);
    assert_float_equal(r.steps[1].lo, 50, EPS);
    assert_float_equal(r.steps[1].hi, 80, EPS);
    assert_false(r.steps[1].lo_open);
    assert_true(r.steps[1].hi_open);
    /* "trên", "lớn hơn", "tối thiểu", "không quá", "trở xuống" */
    score_rule g = rule(NULL, "Trên 90%: tối đa; lớn hơn 70%: 1/2 tối đa; tối thiểu 50%: 2 điểm; còn lại: 0", 8);
    assert_float_equal(pts_x(&g, 8, 90.5), 8, EPS);
    assert_float_equal(pts_x(&g, 8, 90), 4, EPS);     /* not above 90, above 70: 8/2 */
    assert_float_equal(pts_x(&g, 8, 70), 2, EPS);     /* not above 70, at least 50 */
    assert_float_equal(pts_x(&g, 8, 10), 0, EPS);
    score_rule l = rule(NULL, "Không quá 2 ngày: 6 điểm; 5 ngày trở xuống: 3 điểm; nhiều hơn 5 ngày: 0", 6);
    assert_float_equal(pts_x(&l, 6, 2), 6, EPS);
    assert_float_equal(pts_x(&l, 6, 4), 3, EPS);
    assert_float_equal(pts_x(&l, 6, 5), 3, EPS);
    assert_float_equal(pts_x(&l, 6, 5.5), 0, EPS);
    /* ranges with a dash and with "đến"; thousands and decimal marks */
    score_rule d = rule(NULL, "1-2 lần: 5; 3 – 4 lần: 10; trên 4 lần: 15", 15);
    assert_float_equal(pts_x(&d, 15, 2), 5, EPS);
    assert_float_equal(pts_x(&d, 15, 3), 10, EPS);
    assert_float_equal(pts_x(&d, 15, 4), 10, EPS);
    assert_float_equal(pts_x(&d, 15, 5), 15, EPS);
    assert_float_equal(pts_x(&d, 15, 0), 0, EPS);
    score_rule k = rule(NULL, "Từ 1.000 đến 2.000 tài khoản: 2,5 điểm; trên 2.000 tài khoản: 5 điểm", 5);
    assert_float_equal(pts_x(&k, 5, 1500), 2.5, EPS);
    assert_float_equal(pts_x(&k, 5, 2000), 2.5, EPS);
    assert_float_equal(pts_x(&k, 5, 2001), 5, EPS);
    assert_float_equal(pts_x(&k, 5, 999), 0, EPS);
}

/* Fewer is better: "0 vụ: 10 điểm; 1 vụ: 5 điểm; 2 vụ: 2 điểm"; the points
 * fall as the count grows, so each bare count means "at most N":
 * (-∞, 0] 10, (0, 1] 5, (1, 2] 2; 3 incidents: no step, 0. */
static void test_steps_fewer_is_better(void **state)
{
    (void)state;
    score_rule r = rule(NULL, "Không để xảy ra sự cố (0 vụ): 10 điểm; 1 vụ: 5 điểm; 2 vụ: 2 điểm", 10);
    assert_int_equal(r.kind, SCORE_RULE_STEPS);
    assert_float_equal(pts_x(&r, 10, 0), 10, EPS);
    assert_float_equal(pts_x(&r, 10, 1), 5, EPS);
    assert_float_equal(pts_x(&r, 10, 2), 2, EPS);
    assert_float_equal(pts_x(&r, 10, 3), 0, EPS);
    /* neither rising nor falling: exact counts */
    score_rule x = rule(NULL, "1 lần: 5; 2 lần: 10; 3 lần: 4", 10);
    assert_float_equal(pts_x(&x, 10, 2), 10, EPS);
    assert_float_equal(pts_x(&x, 10, 2.5), 0, EPS);
    assert_float_equal(pts_x(&x, 10, 3), 4, EPS);
    /* a single bare number is "at least" */
    score_rule o = rule(NULL, "3 văn bản: 4 điểm; còn lại: 1 điểm", 4);
    assert_float_equal(pts_x(&o, 4, 7), 4, EPS);
    assert_float_equal(pts_x(&o, 4, 2), 1, EPS);
}

/* "Trưởng ban là Chủ tịch: tối đa; là Phó Chủ tịch: 1/2 tối đa; chưa có: 0"
 * with a maximum of 10: 10, 5, 0. */
static void test_levels(void **state)
{
    (void)state;
    score_rule r = rule(NULL, "Trưởng ban là Chủ tịch UBND xã: tối đa; là Phó Chủ tịch: 1/2 tối đa; chưa có: 0",
                        10);
    assert_int_equal(r.kind, SCORE_RULE_LEVELS);
    assert_int_equal(r.nlevels, 3);
    assert_string_equal(r.levels[0].label, "Trưởng ban là Chủ tịch UBND xã");
    assert_string_equal(r.levels[1].label, "là Phó Chủ tịch");
    assert_string_equal(r.levels[2].label, "chưa có");
    score_rule_input in = {0};
    double p;
    dti_err e;
    in.level = 0;
    assert_int_equal(score_rule_points(&r, 10, &in, &p, &e), DTI_OK);
    assert_float_equal(p, 10, EPS);
    in.level = -1;
    in.label = "LÀ PHÓ CHỦ TỊCH";          /* compared folded */
    assert_int_equal(score_rule_points(&r, 10, &in, &p, &e), DTI_OK);
    assert_float_equal(p, 5, EPS);
    in.label = "chua co";
    assert_int_equal(score_rule_points(&r, 10, &in, &p, &e), DTI_OK);
    assert_float_equal(p, 0, EPS);
    in.label = "Ủy viên";
    assert_int_equal(score_rule_points(&r, 10, &in, &p, &e), DTI_ERR_INPUT);
    in.label = NULL;
    in.level = 3;
    assert_int_equal(score_rule_points(&r, 10, &in, &p, &e), DTI_ERR_INPUT);
    char d[512];
    assert_true(score_rule_describe(&r, d, sizeof d) > 0);
    assert_string_equal(d, "levels: Trưởng ban là Chủ tịch UBND xã → tối đa; là Phó Chủ tịch → 0.5 × tối đa; "
                           "chưa có → 0");
    /* bullets and line breaks; other spellings of the amounts (max 8) */
    score_rule b = rule("levels", "- Có quy chế, ban hành đúng hạn: 100% điểm tối đa\n"
                                  "- Có quy chế, ban hành chậm: một nửa số điểm tối đa\n"
                                  "- Có dự thảo: 0,5 điểm\n"
                                  "- Không có: không điểm.", 8);
    assert_int_equal(b.nlevels, 4);
    static const double want[] = {8, 4, 0.5, 0};
    for (int i = 0; i < 4; i++) {
        in.level = i;
        assert_int_equal(score_rule_points(&b, 8, &in, &p, &e), DTI_OK);
        assert_float_equal(p, want[i], EPS);
    }
    assert_string_equal(b.levels[3].label, "Không có");
    /* "levels" forced even where numbers are written */
    score_rule n = rule("levels", "Có 2 thôn: 5; Có 1 thôn: 3", 5);
    assert_int_equal(n.kind, SCORE_RULE_LEVELS);
    assert_string_equal(n.levels[1].label, "Có 1 thôn");
}

/* ratio a/b × max, capped; with full points at 90%. */
static void test_ratio_yesno_reviewer(void **state)
{
    (void)state;
    score_rule r = rule("ratio", NULL, 10);
    score_rule_input in = {0};
    double p;
    dti_err e;
    in.a = 45;
    in.b = 50;                          /* 45/50 × 10 = 9 */
    assert_int_equal(score_rule_points(&r, 10, &in, &p, &e), DTI_OK);
    assert_float_equal(p, 9, EPS);
    in.a = 60;                          /* 60/50 > 1: capped at 10 */
    assert_int_equal(score_rule_points(&r, 10, &in, &p, &e), DTI_OK);
    assert_float_equal(p, 10, EPS);
    score_rule f = rule("ty-le", "đạt 90% thì tối đa", 10);
    assert_float_equal(f.full, 0.9, EPS);
    in.a = 45;                          /* 0.9/0.9 → 10 */
    assert_int_equal(score_rule_points(&f, 10, &in, &p, &e), DTI_OK);
    assert_float_equal(p, 10, EPS);
    in.a = 40;                          /* 0.8/0.9 × 10 = 8.8889 */
    assert_int_equal(score_rule_points(&f, 10, &in, &p, &e), DTI_OK);
    assert_float_equal(p, 80.0 / 9.0, EPS);
    in.b = 0;
    assert_int_equal(score_rule_points(&f, 10, &in, &p, &e), DTI_ERR_INPUT);
    in.b = 50;
    in.a = -1;
    assert_int_equal(score_rule_points(&f, 10, &in, &p, &e), DTI_ERR_INPUT);
    in.a = NAN;
    assert_int_equal(score_rule_points(&f, 10, &in, &p, &e), DTI_ERR_INPUT);
    score_rule scratch;
    assert_int_equal(score_rule_parse("ratio", "0%", 10, &scratch, &e), DTI_ERR_INPUT);
    assert_int_equal(score_rule_parse("ratio", "khi đủ", 10, &scratch, &e), DTI_ERR_INPUT);

    score_rule y = rule("yesno", NULL, 5);
    in.yes = 1;
    assert_int_equal(score_rule_points(&y, 5, &in, &p, &e), DTI_OK);
    assert_float_equal(p, 5, EPS);
    in.yes = 0;
    assert_int_equal(score_rule_points(&y, 5, &in, &p, &e), DTI_OK);
    assert_float_equal(p, 0, EPS);

    score_rule v = rule("reviewer", NULL, 5);
    in.given = 3.5;
    assert_int_equal(score_rule_points(&v, 5, &in, &p, &e), DTI_OK);
    assert_float_equal(p, 3.5, EPS);
    in.given = 5.5;
    assert_int_equal(score_rule_points(&v, 5, &in, &p, &e), DTI_ERR_INPUT);
    in.given = -1;
    assert_int_equal(score_rule_points(&v, 5, &in, &p, &e), DTI_ERR_INPUT);

    score_rule a = rule("achievement", NULL, 20);
    in.given = 0.7;                     /* 0.7 × 20 = 14 */
    assert_int_equal(score_rule_points(&a, 20, &in, &p, &e), DTI_OK);
    assert_float_equal(p, 14, EPS);
    in.given = 1.2;
    assert_int_equal(score_rule_points(&a, 20, &in, &p, &e), DTI_ERR_INPUT);
    /* a maximum of 0: every rule gives 0 */
    score_rule s = rule(NULL, "4 lần: 20; còn lại: 0", 0);
    assert_float_equal(pts_x(&s, 0, 4), 0, EPS);
    in.x = 1;
    assert_int_equal(score_rule_points(&s, -1, &in, &p, &e), DTI_ERR_INPUT);
    in.x = NAN;
    assert_int_equal(score_rule_points(&s, 20, &in, &p, &e), DTI_ERR_INPUT);

    assert_string_equal(score_rule_kind_name(SCORE_RULE_LEVELS), "levels");
    assert_int_equal(score_rule_kind_parse("bac"), SCORE_RULE_STEPS);
    assert_int_equal(score_rule_kind_parse("tham-dinh"), SCORE_RULE_REVIEWER);
    assert_int_equal(score_rule_kind_parse("co-khong"), SCORE_RULE_YESNO);
    assert_int_equal(score_rule_kind_parse("other"), -1);
    assert_int_equal(score_rule_kind_parse(NULL), -1);
    char d[128];
    assert_true(score_rule_describe(&f, d, sizeof d) > 0);
    assert_string_equal(d, "ratio: tối đa khi tỷ lệ đạt 0.9");
}

static void test_rule_errors(void **state)
{
    (void)state;
    score_rule r;
    dti_err e;
    /* a step above the maximum */
    assert_int_equal(score_rule_parse(NULL, "họp 4 lần: 25 điểm; 3 lần: 15", 20, &r, &e), DTI_ERR_INPUT);
    assert_non_null(strstr(e.msg, "25"));
    /* no ':' */
    assert_int_equal(score_rule_parse(NULL, "họp 4 lần được 20 điểm", 20, &r, &e), DTI_ERR_INPUT);
    /* unreadable points */
    assert_int_equal(score_rule_parse(NULL, "họp 4 lần: nhiều điểm", 20, &r, &e), DTI_ERR_INPUT);
    /* a fraction of the maximum above 1 */
    assert_int_equal(score_rule_parse(NULL, "Đủ: 150% điểm tối đa", 20, &r, &e), DTI_ERR_INPUT);
    /* steps forced on a levels text */
    assert_int_equal(score_rule_parse("steps", "Chủ tịch: tối đa; Phó Chủ tịch: 1/2 tối đa", 20, &r, &e),
                     DTI_ERR_INPUT);
    /* empty, unknown kind, bad maximum */
    assert_int_equal(score_rule_parse(NULL, "", 20, &r, &e), DTI_ERR_INPUT);
    assert_int_equal(score_rule_parse(NULL, NULL, 20, &r, &e), DTI_ERR_INPUT);
    assert_int_equal(score_rule_parse(NULL, " ; ; ", 20, &r, &e), DTI_ERR_INPUT);
    assert_int_equal(score_rule_parse("bands", "1: 2", 20, &r, &e), DTI_ERR_INPUT);
    assert_int_equal(score_rule_parse(NULL, "1: 2", -1, &r, &e), DTI_ERR_INPUT);
    assert_int_equal(score_rule_parse(NULL, "1: 2", NAN, &r, &e), DTI_ERR_INPUT);
    /* limits: 17 items, a text too long, a label too long */
    char many[512] = "";
    for (int i = 1; i <= SCORE_RULE_ITEMS_MAX + 1; i++) {
        char one[16];
        snprintf(one, sizeof one, "%d: 1;", i);
        strcat(many, one);
    }
    assert_int_equal(score_rule_parse(NULL, many, 20, &r, &e), DTI_ERR_TOOBIG);
    static char big[SCORE_RULE_TEXT_MAX + 10];
    memset(big, 'a', sizeof big - 1);
    assert_int_equal(score_rule_parse(NULL, big, 20, &r, &e), DTI_ERR_TOOBIG);
    char lab[400];
    memset(lab, 'a', 300);
    snprintf(lab + 300, 100, ": 1");
    assert_int_equal(score_rule_parse(NULL, lab, 20, &r, &e), DTI_ERR_INPUT);
    /* messages in English on request */
    lang_set(LANG_EN);
    assert_int_equal(score_rule_parse(NULL, "họp 4 lần được 20 điểm", 20, &r, &e), DTI_ERR_INPUT);
    assert_non_null(strstr(e.msg, "has no ':'"));
    lang_set(LANG_VI);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_steps_meetings),
        cmocka_unit_test(test_steps_bands),
        cmocka_unit_test(test_steps_fewer_is_better),
        cmocka_unit_test(test_levels),
        cmocka_unit_test(test_ratio_yesno_reviewer),
        cmocka_unit_test(test_rule_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
