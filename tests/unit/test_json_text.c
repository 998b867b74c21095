/* test_json_text.c — base/json_text.c and app/audit/audit_canon.c against
 * jansson itself: every string, integer and real, and every audit entry's
 * canonical text, must come out byte for byte as json_dumps writes it
 * (audit_canon.h: the chain's old entries are hashed over jansson's bytes),
 * and whatever jansson refuses (invalid UTF-8, NaN) is refused. Fixed
 * cases, then random ones from a fixed seed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <cmocka.h>
#include <jansson.h>
#include "app/audit/audit_canon.h"
#include "base/json_text.h"

#define FLAGS (JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY)

/* S as jansson writes it, or NULL when jansson refuses it. */
static char *jansson_str(const char *s)
{
    json_t *j = json_string(s);
    char *r = j ? json_dumps(j, FLAGS) : NULL;
    json_decref(j);
    return r;
}

static void same_str(const char *s)
{
    char *want = jansson_str(s);
    buf b;
    buf_init(&b, 0);
    int r = json_text_str(&b, s);
    if (!want) {
        if (r == 0)
            fail_msg("json_text_str accepted what jansson refuses: \"%s\"", s);
    } else {
        if (r != 0)
            fail_msg("json_text_str refused what jansson writes as %s", want);
        assert_false(buf_failed(&b));
        assert_string_equal(b.ptr, want);
    }
    buf_release(&b);
    free(want);
}

static void same_real(double v)
{
    json_t *j = json_real(v);
    char *want = j ? json_dumps(j, FLAGS) : NULL;
    json_decref(j);
    buf b;
    buf_init(&b, 0);
    int r = json_text_real(&b, v);
    if (!want) {
        assert_int_equal(r, -1);
    } else {
        assert_int_equal(r, 0);
        if (strcmp(b.ptr, want) != 0)
            fail_msg("%.17g: json_text_real wrote %s, jansson %s", v, b.ptr, want);
    }
    buf_release(&b);
    free(want);
}

static void test_strings_fixed(void **state)
{
    (void)state;
    const char *cases[] = {
        "", "a", "Báo cáo kỳ 2026-03", "\"quoted\" and \\back\\slash", "a/b </script>",
        "\b\f\n\r\t", "\x01\x02\x1f\x7f", "tab\there", "{\"k\":\"v\\\"\",\"n\":[1,2.5,null]}",
        "emoji \xF0\x9F\x98\x80 and \xE2\x80\xA8 (U+2028)", "\xEF\xBF\xBF max BMP", "\xF4\x8F\xBF\xBF max",
        /* refused by jansson: */
        "\xC0\x80", "\xC1\xBF", "\x80", "abc\xE2\x82", "\xED\xA0\x80 surrogate", "\xF4\x90\x80\x80 above",
        "\xE0\x80\x80 overlong", "\xF0\x80\x80\x80 overlong", "\xF5\x80\x80\x80", "\xFF", "ok\xC3",
        "\xC3\x28",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        same_str(cases[i]);
}

static void test_strings_random(void **state)
{
    (void)state;
    srand(20261207);
    char s[64];
    for (int i = 0; i < 20000; i++) {
        size_t n = (size_t)(rand() % 40);
        for (size_t k = 0; k < n; k++) {
            int pick = rand() % 4;
            /* ASCII, controls, and high bytes (valid and invalid UTF-8) */
            s[k] = (char)(pick == 0 ? rand() % 0x20 + 1 : pick == 1 ? 0x80 + rand() % 0x80
                                    : pick == 2 ? 0xC2 + rand() % 0x33 : 0x20 + rand() % 0x60);
        }
        s[n] = 0;
        same_str(s);
    }
}

static void test_reals(void **state)
{
    (void)state;
    const double cases[] = {0, -0.0, 1, -3, 0.1, 12.5, 100, 1e16, 1e17, 1e20, 1e-5, 1e-300, 1e300,
                            123456789012345678.0, 2.5e-7, 1.0 / 3, 99.99, 4.35, 1e21, 5e-324,
                            NAN, INFINITY, -INFINITY};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        same_real(cases[i]);
    srand(7);
    for (int i = 0; i < 20000; i++) {
        double m = (double)rand() / RAND_MAX, x = pow(10, rand() % 60 - 30);
        same_real((rand() % 2 ? m : -m) * x);
        same_real((double)(rand() % 100000) / (rand() % 1000 + 1));
        /* whole numbers (json_text_real's own path below 10^15) */
        same_real((double)(rand() % 2000001 - 1000000));
        same_real((rand() % 2 ? 1 : -1) * floor(m * pow(10, rand() % 17)));
    }
    const double edges[] = {999999999999999.0, -999999999999999.0, 1e15, -1e15, 1e15 + 1, 1e15 - 1,
                            -1, 10, 1000000, 9007199254740992.0, 0.5, -0.5};
    for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++)
        same_real(edges[i]);
}

static void test_ints(void **state)
{
    (void)state;
    const long long cases[] = {0, 1, -1, 42, 9223372036854775807LL, -9223372036854775807LL - 1};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        json_t *j = json_integer(cases[i]);
        char *want = json_dumps(j, FLAGS);
        buf b;
        buf_init(&b, 0);
        json_text_int(&b, cases[i]);
        assert_string_equal(b.ptr, want);
        buf_release(&b);
        free(want);
        json_decref(j);
    }
}

static void same_canon(int64_t seq, const char *at, int64_t uid, const char *user, const char *action,
                       const char *entity, const char *id, const char *before, const char *after)
{
    char *a = audit_canon_text(seq, at, uid, user, action, entity, id, before, after);
    char *b = audit_canon_json(seq, at, uid, user, action, entity, id, before, after);
    if (!b) {
        if (a)
            fail_msg("audit_canon_text wrote what jansson refuses: %s", a);
    } else {
        if (!a)
            fail_msg("audit_canon_text refused what jansson writes: %s", b);
        assert_string_equal(a, b);
    }
    free(a);
    free(b);
}

static void test_canon(void **state)
{
    (void)state;
    /* a report save's entry, as audit_append writes it */
    const char *img = "{\"approved_at\":null,\"difficulties\":\"Thiếu \\\"máy\\\"\\n\",\"id\":7,"
                      "\"values\":[{\"indicator\":\"1.1\",\"met\":true,\"value\":12.5}],\"version\":1}";
    same_canon(1, "2027-01-20T03:00:00Z", 3, "admin", "report.fill", "report", "7", img, img);
    same_canon(123456, "2027-01-20T03:00:00Z", 0, "system", "report.create", "report", "7", NULL, img);
    same_canon(2, "2027-01-20T03:00:00Z", 9, "Nguyễn \"Văn\" A\t", "user.update", "user", "9", img, NULL);
    same_canon(3, "t", -1, "u", "a", "e", "i", NULL, NULL);
    same_canon(4, "t", 1, "bad \xC0\x80", "a", "e", "i", NULL, NULL);       /* refused by both */
    same_canon(5, "t", 1, "u", "a", "e", "i", "bad \xED\xA0\x80", NULL);    /* refused by both */
    srand(12);
    char bb[200], aa[200];
    for (int i = 0; i < 3000; i++) {
        size_t n = (size_t)(rand() % 150), m = (size_t)(rand() % 150);
        for (size_t k = 0; k < n; k++)
            bb[k] = (char)(rand() % 5 ? 0x20 + rand() % 0x5f : rand() % 2 ? rand() % 0x20 + 1 : 0x80 + rand() % 0x7f);
        for (size_t k = 0; k < m; k++)
            aa[k] = (char)(rand() % 9 ? 0x20 + rand() % 0x5f : '"');
        bb[n] = aa[m] = 0;
        same_canon(i, "2027-01-20T03:00:00Z", rand(), "user", "report.fill", "report", "1", rand() % 3 ? bb : NULL,
                   rand() % 3 ? aa : NULL);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strings_fixed), cmocka_unit_test(test_strings_random),
        cmocka_unit_test(test_reals),         cmocka_unit_test(test_ints),
        cmocka_unit_test(test_canon),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
