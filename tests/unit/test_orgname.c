/* test_orgname.c — unit-name keys (core/orgname.c) over the spellings real plans use. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "core/orgname.h"

static char *key(const char *name)
{
    char *k = orgname_key(name, NULL);
    assert_non_null(k);
    return k;
}

static void assert_key(const char *name, const char *want)
{
    char *k = key(name);
    assert_string_equal(k, want);
    free(k);
}

/* Every name in LIST folds to the key of the first. */
static void assert_same(const char *const *list)
{
    char *first = key(list[0]);
    for (size_t i = 1; list[i]; i++) {
        char *k = key(list[i]);
        if (strcmp(k, first) != 0)
            fail_msg("\"%s\" → \"%s\", but \"%s\" → \"%s\"", list[i], k, list[0], first);
        free(k);
    }
    free(first);
}

static void assert_differ(const char *a, const char *b)
{
    char *x = key(a), *y = key(b);
    if (strcmp(x, y) == 0)
        fail_msg("\"%s\" and \"%s\" both fold to \"%s\"", a, b, x);
    free(x);
    free(y);
}

static void test_the_four_spellings(void **state)
{
    (void)state;
    static const char *const v[] = {"Phòng VH-XH", "Phòng Văn hóa - Xã hội", "Phòng Văn hoá-Xã hội",
                                    "Phòng Văn hóa - XH", NULL};
    assert_same(v);
    assert_key("Phòng VH-XH", "phong van hoa xa hoi");
    static const char *const more[] = {"Phòng Văn hoá - Xã hội", "Phòng Văn hoá- Xã hội", "phòng vh - xh",
                                       "PHÒNG VĂN HÓA – XÃ HỘI", "Phòng VHXH", "Phòng Văn hóa và Xã hội",
                                       "Phòng VH–XH xã", "Phòng Văn hóa - Xã hội xã", NULL};
    assert_same(more);
    char *a = key(v[0]), *b = key(more[0]);
    assert_string_equal(a, b);
    free(a);
    free(b);
}

static void test_offices(void **state)
{
    (void)state;
    static const char *const vp[] = {"Văn phòng HĐND & UBND xã", "Văn phòng HDND & UBND xã",
                                     "Văn phòng HND&UBND", "Văn phòng HĐND&UBND", "Văn phòng HĐND&UBND xã",
                                     "Văn phòng HĐND-UBND", "Văn phòng UBND&HĐND",
                                     "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã",
                                     "VP HĐND và UBND", NULL};
    assert_same(vp);
    assert_key("Văn phòng HĐND & UBND xã", "van phong hoi dong nhan dan uy ban nhan dan");
    static const char *const kt[] = {"Phòng Kinh tế", "Phòng Kinh tế xã", "Phòng KT", "phòng kinh tế", NULL};
    assert_same(kt);
}

static void test_centres(void **state)
{
    (void)state;
    static const char *const hcc[] = {"TTPVHCC", "Trung tâm PVHCC", "Trung tâm phục vụ Hành chính công",
                                      "Trung tâm phục vụ hành chính công", "Trung tâm phục vụ hành chính công xã",
                                      "TT PVHCC", "PVHCC", "TT Phục vụ HCC", NULL};
    assert_same(hcc);
    assert_key("TTPVHCC", "trung tam phuc vu hanh chinh cong");
    static const char *const dv[] = {"TT DV Sự nghiệp công", "Trung tâm dịch vụ sự nghiệp công",
                                     "Trung tâm Dịch vụ sự nghiệp công xã", NULL};
    assert_same(dv);
    static const char *const th[] = {"TTDVTH", "Trung tâm dịch vụ tổng hợp", "TT DV tổng hợp",
                                     "TT DVTH", NULL};
    assert_same(th);
    assert_differ("Trung tâm dịch vụ tổng hợp", "Trung tâm dịch vụ sự nghiệp công");
    assert_differ("Trung tâm dịch vụ tổng hợp", "Trung tâm phục vụ hành chính công");
}

static void test_other_units(void **state)
{
    (void)state;
    static const char *const ca[] = {"Công an xã", "Công An xã", "CA xã", "Công an", "CÔNG AN XÃ", NULL};
    assert_same(ca);
    /* "cả" is a word: only capital CA is công an */
    assert_differ("Tổ ca trực", "Tổ CA trực");
    static const char *const cn[] = {"Tổ CNSCĐ", "Tổ CNSCD", "Tổ công nghệ số cộng đồng",
                                     "Tổ Công nghệ số cộng đồng xã", NULL};
    assert_same(cn);
    static const char *const yt[] = {"Trạm y tế", "Trạm Y tế xã", "TYT xã", "Trạm YT", NULL};
    assert_same(yt);
    static const char *const so[] = {"Sở KH&CN", "Sở Khoa học và Công nghệ", "Sở KHCN", NULL};
    assert_same(so);
    static const char *const doan[] = {"Đoàn TNCS HCM", "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã",
                                       "Đoàn TNCS Hồ Chí Minh", NULL};
    assert_same(doan);
    assert_key("Đoàn thanh niên", "doan thanh nien");
    assert_differ("Phòng Kinh tế", "Phòng Văn hóa - Xã hội");
    assert_differ("Công an xã", "Trạm Y tế xã");
    assert_differ("Thôn Đông", "Thôn Đoài");
    /* a level word alone is kept, not folded away */
    assert_key("xã", "xa");
}

static void test_place(void **state)
{
    (void)state;
    char *a = orgname_key("Công an xã Hòa Bình", "Hòa Bình");
    char *b = orgname_key("Công an xã", "xã Hoà Bình");
    char *c = orgname_key("Công an Hòa Bình", "Hòa Bình");
    assert_string_equal(a, "cong an");
    assert_string_equal(b, "cong an");
    assert_string_equal(c, "cong an");
    free(a); free(b); free(c);
    char *p1 = orgname_place_key("xã Hòa Bình"), *p2 = orgname_place_key("Hoà Bình"),
         *p3 = orgname_place_key("Tỉnh Ninh Bình");
    assert_string_equal(p1, "hoa binh");
    assert_string_equal(p2, "hoa binh");
    assert_string_equal(p3, "ninh binh");
    free(p1); free(p2); free(p3);
    assert_null(orgname_key(NULL, NULL));
    assert_null(orgname_place_key(NULL));
}

static void test_collective_and_committee(void **state)
{
    (void)state;
    static const char *const coll[] = {"Các phòng ban liên quan", "Các cơ quan, đơn vị trên địa bàn xã",
                                       "Các thôn", "Ban điều hành các ấp, sóc", "Đơn vị liên quan",
                                       "Các doanh nghiệp viễn thông trên địa bàn",
                                       "Các phòng, ban, cơ quan, đơn vị, các thôn", "Tất cả các đơn vị", NULL};
    for (size_t i = 0; coll[i]; i++)
        if (!orgname_is_collective(coll[i]))
            fail_msg("\"%s\" should be collective", coll[i]);
    static const char *const one[] = {"Phòng VH-XH", "Công an xã", "Thôn Đông", "Trạm Y tế xã",
                                      "Tổ CNSCĐ", "Sở KH&CN", NULL};
    for (size_t i = 0; one[i]; i++)
        if (orgname_is_collective(one[i]))
            fail_msg("\"%s\" is one unit", one[i]);
    char *k = key("UBND xã"), *k2 = key("Ủy ban nhân dân tỉnh"), *k3 = key("Văn phòng HĐND & UBND");
    assert_true(orgname_is_committee(k));
    assert_true(orgname_is_committee(k2));
    assert_false(orgname_is_committee(k3));
    free(k); free(k2); free(k3);
}

static void test_bounded(void **state)
{
    (void)state;
    /* a very long name and bytes that are not UTF-8 give a bounded key, no crash */
    size_t n = 20000;
    char *s = malloc(n + 1);
    assert_non_null(s);
    for (size_t i = 0; i < n; i++)
        s[i] = (i % 7 == 6) ? ' ' : (i % 13 == 0 ? '\xff' : 'a');
    s[n] = 0;
    char *k = orgname_key(s, NULL);
    assert_non_null(k);
    assert_true(strlen(k) <= 4 * ORGNAME_MAX_BYTES);
    free(k);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_four_spellings),
        cmocka_unit_test(test_offices),
        cmocka_unit_test(test_centres),
        cmocka_unit_test(test_other_units),
        cmocka_unit_test(test_place),
        cmocka_unit_test(test_collective_and_committee),
        cmocka_unit_test(test_bounded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
