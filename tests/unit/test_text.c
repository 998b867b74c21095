/* test_text.c — cleaning and folding Vietnamese text (base/text.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "base/text.h"
#include "base/buf.h"
#include "base/err.h"

static void assert_fold(const char *in, const char *want)
{
    char *f = text_fold(in);
    assert_non_null(f);
    assert_string_equal(f, want);
    free(f);
}

static void test_fold_unit_spellings(void **state)
{
    (void)state;
    assert_fold("Phòng Văn hóa - Xã hội", "phong van hoa xa hoi");
    assert_fold("Phòng Văn hoá-Xã hội", "phong van hoa xa hoi");
    assert_fold("PHÒNG VĂN HÓA – XÃ HỘI", "phong van hoa xa hoi");
    assert_fold("Đoàn  Thanh niên", "doan thanh nien");
    /* decomposed input (NFD) folds the same as composed */
    assert_fold("Pho\xcc\x80ng", "phong");
    assert_true(text_fold_eq("Trạm Y tế xã", "tram y te xa"));
    assert_false(text_fold_eq("Trạm Y tế", "Trạm Y tá"));
}

/* The table-driven fold agrees with the reference fold on every code point
 * it keeps (alone, between letters, after a space), twice (the table filled
 * and read), and on strings that leave the table: a code point beyond it,
 * invalid UTF-8, decomposed marks. */
static void fold_same(const char *in)
{
    char *a = text_fold(in), *b = text_fold_reference(in);
    assert_non_null(a);
    assert_non_null(b);
    if (strcmp(a, b) != 0)
        fail_msg("fold of \"%s\": \"%s\" != reference \"%s\"", in, a, b);
    free(a);
    free(b);
}

static void test_fold_table(void **state)
{
    (void)state;
    for (int pass = 0; pass < 2; pass++)
        for (unsigned cp = 1; cp < 0x2100; cp++) {
            if (cp >= 0xD800 && cp <= 0xDFFF)
                continue;
            char u[5] = {0}, s[32];
            if (cp < 0x80) {
                u[0] = (char)cp;
            } else if (cp < 0x800) {
                u[0] = (char)(0xC0 | (cp >> 6)), u[1] = (char)(0x80 | (cp & 0x3F));
            } else {
                u[0] = (char)(0xE0 | (cp >> 12)), u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
                u[2] = (char)(0x80 | (cp & 0x3F));
            }
            fold_same(u);
            snprintf(s, sizeof s, "Ab%sCd", u);
            fold_same(s);
            snprintf(s, sizeof s, "x %s-y", u);
            fold_same(s);
        }
    fold_same("Phòng Văn hoá-Xã hội, ĐOÀN Thanh niên ≥ 80% “TT” 𝐀 ﬁ");
    fold_same("bad \xC3 byte \xFF end");
    fold_same("Hoa\xCC\x80 ho\xCC\x81" "a");   /* decomposed marks */
    fold_same("");
    fold_same("  - ; ");
}

static void test_clean(void **state)
{
    (void)state;
    char *c = text_clean("  a\t\n b\xc2\xa0 c  ");
    assert_string_equal(c, "a b c");
    free(c);
    /* invalid UTF-8 is replaced, never passed through */
    c = text_clean("a\xff" "b");
    assert_string_equal(c, "a\xef\xbf\xbd" "b");
    free(c);
    /* NFC: decomposed marks composed (the long way); precomposed Vietnamese,
     * "≥" and "–" kept as they are (the short way) */
    c = text_clean("Ho\xCC\x80" "a  ho\xCC\x81" "a");
    assert_string_equal(c, "Hòa hóa");
    free(c);
    c = text_clean(" Tỷ lệ  ≥ 80% – Phòng Văn hóa\xE2\x80\x8B ");
    assert_string_equal(c, "Tỷ lệ ≥ 80% – Phòng Văn hóa");
    free(c);
    c = text_nfc("Ho\xCC\x80" "a");
    char *d = text_clean(c);
    assert_string_equal(c, d);
    free(c);
    free(d);
    c = text_upper1("  đạt tối thiểu");
    assert_string_equal(c, "Đạt tối thiểu");
    free(c);
    assert_null(text_clean(NULL));
}

static void test_contains_words(void **state)
{
    (void)state;
    assert_true(text_fold_contains("Mục tiêu cụ thể", "muc tieu"));
    assert_false(text_fold_contains("Mục tiêu cụ thể", "tieu c"));
    assert_true(text_fold_starts("Phụ lục 2: Danh mục", "phu luc"));
    assert_false(text_fold_starts("Phục lục", "phu"));
}

static void test_buf_limit(void **state)
{
    (void)state;
    buf b;
    buf_init(&b, 8);
    assert_int_equal(buf_adds(&b, "12345678"), 0);
    assert_int_not_equal(buf_adds(&b, "9"), 0);
    assert_true(buf_failed(&b));
    assert_null(buf_detach(&b));
    buf_printf(&b, "%d-%s", 42, "x");
    char *s = buf_detach(&b);
    assert_string_equal(s, "42-x");
    free(s);
}

/* A length that wraps len + n around SIZE_MAX must fail, not pass the limit
 * check and memcpy out of bounds. */
static void test_buf_size_overflow(void **state)
{
    (void)state;
    buf b;
    buf_init(&b, 0);
    assert_int_equal(buf_adds(&b, "ab"), 0);
    assert_int_equal(buf_add(&b, "x", SIZE_MAX), DTI_ERR_TOOBIG);
    assert_true(buf_failed(&b));
    buf_release(&b);
    buf_init(&b, SIZE_MAX);
    assert_int_equal(buf_adds(&b, "ab"), 0);
    assert_int_equal(buf_add(&b, "x", SIZE_MAX - 1), DTI_ERR_TOOBIG);
    buf_release(&b);
}

/* A length whose code-point array size wraps is refused, not under-allocated. */
static void test_clean_n_huge_length(void **state)
{
    (void)state;
    assert_null(text_clean_n("abc", SIZE_MAX));
    assert_null(text_clean_n("abc", SIZE_MAX / 4));
    char *s = text_clean_n("abc", 2);
    assert_string_equal(s, "ab");
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold_unit_spellings),
        cmocka_unit_test(test_fold_table),
        cmocka_unit_test(test_clean),
        cmocka_unit_test(test_contains_words),
        cmocka_unit_test(test_buf_limit),
        cmocka_unit_test(test_buf_size_overflow),
        cmocka_unit_test(test_clean_n_huge_length),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
