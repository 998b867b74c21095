/* test_num.c — the number syntax and the checks per kind (base/num.c).
 * tests/data/num_cases.tsv is the table shared with the web form's parser
 * (web/js/num.js, tests/api/num.test.mjs): both must read every line alike. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <cmocka.h>
#include "base/num.h"

static double read_ok(const char *s)
{
    num_read r;
    dti_err e;
    dti_err_clear(&e);
    if (num_parse(s, &r, &e) != DTI_OK || !r.has)
        fail_msg("\"%s\" refused: %s", s, e.msg);
    return r.value;
}

static void refused(const char *s, const char *why)
{
    num_read r;
    dti_err e;
    dti_err_clear(&e);
    if (num_parse(s, &r, &e) == DTI_OK)
        fail_msg("\"%s\" read as %g", s, r.value);
    if (why && !strstr(e.msg, why))
        fail_msg("\"%s\": message \"%s\" does not say \"%s\"", s, e.msg, why);
    assert_int_equal(r.has, 0);
}

static void test_vietnamese_notation(void **state)
{
    (void)state;
    assert_true(read_ok("2.100") == 2100);
    assert_true(read_ok("2,5") == 2.5);
    assert_true(read_ok("1.234.567") == 1234567);
    assert_true(read_ok("1.234.567,89") == 1234567.89);
    assert_true(read_ok("2 100") == 2100);
    assert_true(read_ok("2\xC2\xA0" "100") == 2100);          /* NBSP */
    assert_true(read_ok("1\xE2\x80\xAF" "234,5") == 1234.5);   /* narrow NBSP */
    assert_true(read_ok("  42 ") == 42);
    assert_true(read_ok("35%") == 35);
    assert_true(read_ok("35 %") == 35);
    assert_true(read_ok("0,70") == 0.7);
    assert_true(read_ok("007") == 7);
    assert_true(read_ok("-5") == -5);
    assert_true(read_ok("\xE2\x88\x92" "5") == -5);           /* U+2212 */
    assert_true(read_ok("0,000000001") == 1e-9);
    assert_true(read_ok("999.999.999.999.999") == 999999999999999.0);
}

static void test_decimal_point_where_it_cannot_group(void **state)
{
    (void)state;
    assert_true(read_ok("2.5") == 2.5);
    assert_true(read_ok("0.75") == 0.75);
    assert_true(read_ok("0.100") == 0.1);      /* 0 cannot start a group */
    assert_true(read_ok("2.1000") == 2.1);
    assert_true(read_ok("12.34") == 12.34);
}

static void test_other_reading_kept(void **state)
{
    (void)state;
    num_read r;
    assert_int_equal(num_parse("2.100", &r, NULL), DTI_OK);
    assert_true(r.has_alt && r.alt == 2.1 && r.value == 2100 && r.grouped);
    assert_int_equal(num_parse("1,234", &r, NULL), DTI_OK);
    assert_true(r.has_alt && r.alt == 1234 && r.value == 1.234);
    assert_int_equal(num_parse("0,125", &r, NULL), DTI_OK);
    assert_false(r.has_alt);                   /* English never writes 0,125 for 125 */
    assert_int_equal(num_parse("1.234,5", &r, NULL), DTI_OK);
    assert_false(r.has_alt);
    assert_int_equal(num_parse("1.234.567", &r, NULL), DTI_OK);
    assert_false(r.has_alt);
    assert_int_equal(num_parse("", &r, NULL), DTI_OK);
    assert_false(r.has);
    assert_int_equal(num_parse("   ", &r, NULL), DTI_OK);
    assert_false(r.has);
    assert_int_equal(num_parse(NULL, &r, NULL), DTI_OK);
    assert_false(r.has);
}

static void test_refused_with_reason(void **state)
{
    (void)state;
    refused("1e308", "số mũ");
    refused("1e-400", "số mũ");
    refused("1E5", "số mũ");
    refused("0x10", "hệ 16");
    refused("inf", "không phải là số");
    refused("nan", "không phải là số");
    refused("-inf", "không phải là số");
    refused("1,234.5", "1.234,5");
    refused("1,234,567", "dấu phẩy");
    refused("12.34.567", "3 chữ số");
    refused("1.234 567", "chọn một");
    refused(",5", "trước dấu phẩy");
    refused(".5", "trước dấu chấm");
    refused("5,", "sau dấu phẩy");
    refused("5.", "sau dấu chấm");
    refused("2..100", NULL);
    refused("%", "không có chữ số");
    refused("5%5", "ở cuối");
    refused("12a", "không phải là số");
    refused("1234567890123456", "chữ số có nghĩa");
    refused("0,1234567891", "thập phân");
    refused("1 2", "3 chữ số");
    refused("11111111111111111111111111111111111111111111111111111111111111111", "dài quá");
}

static void check(const char *s, num_kind k, const char *why)
{
    num_read r;
    dti_err e;
    dti_err_clear(&e);
    assert_int_equal(num_parse(s, &r, &e), DTI_OK);
    dti_rc rc = num_check(&r, k, &e);
    if (!why) {
        if (rc != DTI_OK)
            fail_msg("\"%s\" refused: %s", s, e.msg);
        return;
    }
    if (rc == DTI_OK)
        fail_msg("\"%s\" accepted for kind %d", s, (int)k);
    if (!strstr(e.msg, why))
        fail_msg("\"%s\": message \"%s\" does not say \"%s\"", s, e.msg, why);
}

static void test_kinds(void **state)
{
    (void)state;
    check("2.100", NUM_COUNT, NULL);
    check("2,5", NUM_COUNT, "số nguyên");
    check("-5", NUM_COUNT, "âm");
    check("5%", NUM_COUNT, "số đếm");
    check("1.000.000.000.001", NUM_COUNT, "lớn quá");
    check("1,234", NUM_COUNT, "không rõ");       /* 1,234 cannot be a count; 1234 could */
    check("2,0", NUM_COUNT, NULL);
    check("1,234", NUM_RATE, NULL);              /* 1,234 % */
    check("2.100", NUM_RATE, "không rõ");        /* 2100 % cannot be; 2,1 % could */
    check("100,5", NUM_RATE, "0 đến 100");
    check("100", NUM_RATE, NULL);
    check("0,5", NUM_LEVEL, NULL);
    check("1", NUM_LEVEL, NULL);
    check("1,5", NUM_LEVEL, "0 đến 1");
    check("50%", NUM_LEVEL, "0 đến 1");
    check("2.100", NUM_MEASURE, NULL);
    check("-1", NUM_MEASURE, "âm");
    check("-1", NUM_TARGET, NULL);
    check("999.999.999.999.999", NUM_MEASURE, NULL);
}

static void test_check_value(void **state)
{
    (void)state;
    assert_int_equal(num_check_value(70, NUM_TARGET, NULL), DTI_OK);
    assert_int_equal(num_check_value(1e308, NUM_TARGET, NULL), DTI_ERR_INPUT);
    assert_int_equal(num_check_value(-1e308, NUM_TARGET, NULL), DTI_ERR_INPUT);
    assert_int_equal(num_check_value(1e-320, NUM_TARGET, NULL), DTI_ERR_INPUT);
    assert_int_equal(num_check_value(INFINITY, NUM_MEASURE, NULL), DTI_ERR_INPUT);
    assert_int_equal(num_check_value(NAN, NUM_MEASURE, NULL), DTI_ERR_INPUT);
    assert_int_equal(num_check_value(0, NUM_COUNT, NULL), DTI_OK);
    assert_int_equal(num_check_value(2.5, NUM_COUNT, NULL), DTI_ERR_INPUT);
    dti_err e;
    assert_int_equal(num_check_value(1e-320, NUM_TARGET, &e), DTI_ERR_INPUT);
    assert_non_null(strstr(e.msg, "nhỏ quá"));
}

static void test_format(void **state)
{
    (void)state;
    char b[NUM_FMT_LEN];
    assert_string_equal(num_format(2100, 2, b), "2.100");
    assert_string_equal(num_format(2.5, 2, b), "2,5");
    assert_string_equal(num_format(-1234.56, 2, b), "-1.234,56");
    assert_string_equal(num_format(1234567.891, 2, b), "1.234.567,89");
    assert_string_equal(num_format(0, 2, b), "0");
    assert_string_equal(num_format(-0.0001, 2, b), "0");
    assert_string_equal(num_format(INFINITY, 2, b), "?");
}

/* Every line of the shared table: TEXT <tab> KIND <tab> EXPECTED, where
 * EXPECTED is the value read or "!" for refused (parse or check). */
static void test_shared_table(void **state)
{
    (void)state;
    FILE *f = fopen("tests/data/num_cases.tsv", "r");
    if (!f)
        f = fopen("../../tests/data/num_cases.tsv", "r");
    assert_non_null(f);
    char line[512];
    int n = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        line[strcspn(line, "\n")] = 0;
        char *t1 = strchr(line, '\t');
        assert_non_null(t1);
        *t1++ = 0;
        char *t2 = strchr(t1, '\t');
        assert_non_null(t2);
        *t2++ = 0;
        num_kind k = !strcmp(t1, "count") ? NUM_COUNT : !strcmp(t1, "rate") ? NUM_RATE
                   : !strcmp(t1, "level") ? NUM_LEVEL : !strcmp(t1, "target") ? NUM_TARGET : NUM_MEASURE;
        num_read r;
        dti_err e;
        dti_rc rc = num_parse(line, &r, &e);
        if (rc == DTI_OK && r.has)
            rc = num_check(&r, k, &e);
        if (!strcmp(t2, "!")) {
            if (rc == DTI_OK)
                fail_msg("line \"%s\" (%s): accepted as %g, expected refused", line, t1, r.value);
        } else {
            if (rc != DTI_OK)
                fail_msg("line \"%s\" (%s): refused: %s", line, t1, e.msg);
            if (fabs(r.value - strtod(t2, NULL)) > 1e-12)
                fail_msg("line \"%s\" (%s): %g, expected %s", line, t1, r.value, t2);
        }
        n++;
    }
    fclose(f);
    assert_true(n >= 40);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vietnamese_notation),
        cmocka_unit_test(test_decimal_point_where_it_cannot_group),
        cmocka_unit_test(test_other_reading_kept),
        cmocka_unit_test(test_refused_with_reason),
        cmocka_unit_test(test_kinds),
        cmocka_unit_test(test_check_value),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_shared_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
