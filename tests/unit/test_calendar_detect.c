/* test_calendar_detect.c — the reporting regime read from a plan's prose
 * (import/extract_calendar.c): the three shared plans' own sentences, read
 * from ../shared/plans, and varied phrasings of the same family, each with
 * the rules a coordinator would write by hand (docs/calendar.md). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "base/strlist.h"
#include "import/extract.h"
#include "import/extract_calendar.h"
#include "import/reader.h"

/* The rules found in TEXT, space-separated, into a static buffer. */
static const char *rules_of(const char *text)
{
    static char out[1024];
    calendar_found f = CALENDAR_FOUND_INIT;
    dti_err e;
    assert_int_equal(extract_calendar_text(text, &f, &e), DTI_OK);
    assert_int_equal(f.rules.n, f.sources.n);
    out[0] = 0;
    for (size_t i = 0; i < f.rules.n; i++) {
        size_t l = strlen(out);
        snprintf(out + l, sizeof out - l, "%s%s", i ? " " : "", f.rules.v[i]);
        assert_true(f.sources.v[i][0] != 0);
    }
    calendar_found_release(&f);
    return out;
}

static void test_monthly(void **state)
{
    (void)state;
    assert_string_equal(rules_of("Định kỳ hàng tháng, các đơn vị gửi báo cáo về UBND xã trước ngày 15 hằng tháng."),
                        "month:unit=15@last");
    /* a plan that says calendar months: cutoff=none */
    assert_string_equal(rules_of("Định kỳ hằng tháng (theo tháng dương lịch), các đơn vị gửi báo cáo trước ngày 15 "
                                 "của tháng sau."),
                        "month:cutoff=none:unit=15+1");
    /* before the 15th (the cut-off) a month's deadline falls in the next month */
    assert_string_equal(rules_of("Các đơn vị gửi báo cáo trước ngày 05 hằng tháng."), "month:unit=5+1");
    assert_string_equal(rules_of("Các đơn vị báo cáo hằng tháng trước ngày 25 tháng sau."), "month:unit=25+1");
    assert_string_equal(rules_of("Hàng tháng, các phòng chuyên môn báo cáo kết quả chậm nhất vào ngày 10 của tháng "
                                 "tiếp theo."),
                        "month:unit=10+1");
    /* "trong tháng": due within the month reported on */
    assert_string_equal(rules_of("Báo cáo tháng gửi về Văn phòng trước ngày 25 của tháng cuối kỳ."),
                        "month:unit=25@last");
    /* the commune to the province, in a separate sentence: commune= */
    assert_string_equal(rules_of("Các đơn vị gửi báo cáo định kỳ hàng tháng trước ngày 15 hằng tháng. Phòng Văn hóa - "
                                 "Xã hội tổng hợp, tham mưu UBND xã báo cáo định kỳ gửi về Sở Khoa học và Công nghệ "
                                 "trước ngày 20 hằng tháng."),
                        "month:unit=15@last,commune=20@last");
}

static void test_quarter_half_year(void **state)
{
    (void)state;
    assert_string_equal(rules_of("Định kỳ báo cáo tổng hợp số liệu hằng quý trước ngày 18 của tháng cuối quý, báo "
                                 "cáo hằng năm trước ngày 18 tháng 12 hoặc đột xuất theo yêu cầu."),
                        "quarter:unit=18@last year:unit=18/12");
    assert_string_equal(rules_of("Định kỳ hằng tháng (trước ngày 20), hằng quý (trước ngày 20 tháng cuối quý), và năm "
                                 "(trước ngày 05/12) các cơ quan, đơn vị báo cáo kết quả."),
                        "month:unit=20@last quarter:unit=20@last year:unit=05/12");
    assert_string_equal(rules_of("Các đơn vị báo cáo hàng quý trước ngày 10 tháng đầu quý sau."), "quarter:unit=10+1");
    assert_string_equal(rules_of("Báo cáo 6 tháng trước ngày 15/6, báo cáo năm trước ngày 15/12."),
                        "half:unit=15@last year:unit=15/12");
    assert_string_equal(rules_of("Báo cáo sáu tháng gửi trước ngày 05/7; báo cáo năm trước ngày 15 tháng 01 năm sau."),
                        "half:unit=5+1 year:unit=15+1");
    assert_string_equal(rules_of("Định kỳ 6 tháng, các thôn báo cáo trước ngày 20 tháng cuối kỳ."), "half:unit=20@last");
    /* quarterly by a fixed day of the quarter's first period */
    assert_string_equal(rules_of("Báo cáo quý trước ngày 25/3."), "quarter:unit=25@last");
    /* a list of kinds paired with a list of deadlines in order, or one
     * deadline for every kind listed (plans by other writers) */
    assert_string_equal(rules_of("Định kỳ 6 tháng, hằng năm, các cơ quan, đơn vị báo cáo kết quả thực hiện về Phòng "
                                 "Văn hóa - Xã hội trước ngày 15/6 và ngày 15/12 để tổng hợp."),
                        "half:unit=15@last year:unit=15/12");
    assert_string_equal(rules_of("Định kỳ hằng quý, 6 tháng và năm, các đơn vị báo cáo chậm nhất vào ngày 10 của tháng "
                                 "cuối kỳ."),
                        "quarter:unit=10@last half:unit=10@last year:unit=10@last");
    /* the kind after a day and month */
    assert_string_equal(rules_of("Các đơn vị báo cáo kết quả thực hiện về Phòng Văn hóa - Xã hội trước ngày 15 tháng 12 "
                                 "hằng năm."),
                        "year:unit=15/12");
    /* the same kind stated twice: the first deadline wins */
    assert_string_equal(rules_of("Hằng quý báo cáo trước ngày 18 tháng cuối quý. Hằng quý báo cáo trước ngày 25 tháng "
                                 "cuối quý."),
                        "quarter:unit=18@last");
}

/* Custom windows over several paragraphs, their deadline stated for no kind
 * (issue 11); sentences not understood are quoted, never "none". */
static void test_windows_and_unread(void **state)
{
    (void)state;
    assert_string_equal(rules_of("Kỳ báo cáo được quy định như sau:\n"
                                 "- Báo cáo quý I: Từ ngày 01/01/2026 đến ngày 09/03/2026;\n"
                                 "- Báo cáo quý II: Từ ngày 10/03/2026 đến ngày 09/06/2026;\n"
                                 "- Báo cáo quý III: Từ ngày 10/06/2026 đến ngày 09/09/2026;\n"
                                 "- Báo cáo quý IV: Từ ngày 10/09/2026 đến ngày 31/12/2026.\n"
                                 "Các đơn vị gửi báo cáo chậm nhất vào ngày 10 của tháng cuối kỳ báo cáo."),
                        "quarter:window=01/01-09/03,10/03-09/06,10/06-09/09,10/09-31/12:unit=10@last");
    /* three windows of four: no rule, and the sentences are quoted */
    calendar_found f = CALENDAR_FOUND_INIT;
    dti_err e;
    assert_int_equal(extract_calendar_text("Báo cáo quý I: Từ ngày 01/01/2026 đến ngày 09/03/2026.\n"
                                           "Các đơn vị báo cáo định kỳ theo kỳ báo cáo của tỉnh.", &f, &e), DTI_OK);
    assert_int_equal(f.rules.n, 0);
    assert_int_equal(f.unread.n, 1);
    assert_string_equal(f.unread.v[0], "Các đơn vị báo cáo định kỳ theo kỳ báo cáo của tỉnh");
    calendar_found_release(&f);
    /* a rule found: nothing quoted */
    calendar_found g = CALENDAR_FOUND_INIT;
    assert_int_equal(extract_calendar_text("Các đơn vị báo cáo hằng tháng trước ngày 25 tháng sau. Báo cáo định "
                                           "kỳ theo yêu cầu.", &g, &e), DTI_OK);
    assert_int_equal(g.rules.n, 1);
    assert_int_equal(g.unread.n, 0);
    calendar_found_release(&g);
}

static void test_nothing_stated(void **state)
{
    (void)state;
    /* no deadline, a deadline with no kind, a single dated deadline, no report */
    assert_string_equal(rules_of("Hằng quý, năm theo yêu cầu của Sở Khoa học và Công nghệ, tham mưu UBND xã báo cáo."), "");
    assert_string_equal(rules_of("Các đơn vị báo cáo trước ngày 15."), "");
    assert_string_equal(rules_of("Tổng hợp, báo cáo kết quả thực hiện Kế hoạch trước ngày 05/12/2026."), "");
    assert_string_equal(rules_of("Kinh phí được bố trí hằng năm; hoàn thành trước ngày 20 hằng tháng."), "");
    assert_string_equal(rules_of("Đánh giá an toàn thông tin định kỳ hằng năm cho 100% hệ thống."), "");
    assert_string_equal(rules_of(""), "");
    /* a day that is no day, a fixed day outside a quarter's months */
    assert_string_equal(rules_of("Hằng tháng báo cáo trước ngày 32."), "");
    assert_string_equal(rules_of("Báo cáo quý trước ngày 25/9."), "");
}

/* The shared plans, read as import reads them. */
static const char *plan_rules(const char *file, char *sources, size_t nsrc)
{
    static char out[1024];
    char path[512];
    const char *sh = getenv("DTI_SHARED");
    snprintf(path, sizeof path, "%s/plans/%s", sh && *sh ? sh : "../shared", file);
    FILE *fp = fopen(path, "rb");
    if (!fp)
        fail_msg("cannot open %s", path);
    static char data[1 << 20];
    size_t len = fread(data, 1, sizeof data, fp);
    fclose(fp);
    doc *d = NULL;
    dti_err e;
    assert_int_equal(reader_read(data, len, file, &d, &e), DTI_OK);
    calendar_found f = CALENDAR_FOUND_INIT;
    assert_int_equal(extract_calendar(d, &f, &e), DTI_OK);
    out[0] = sources[0] = 0;
    for (size_t i = 0; i < f.rules.n; i++) {
        size_t l = strlen(out), m = strlen(sources);
        snprintf(out + l, sizeof out - l, "%s%s", i ? " " : "", f.rules.v[i]);
        snprintf(sources + m, nsrc - m, "%s\n", f.sources.v[i]);
    }
    calendar_found_release(&f);
    doc_free(d);
    return out;
}

static void test_shared_plans(void **state)
{
    (void)state;
    char src[8192];
    assert_string_equal(plan_rules("minh-duc-2026-2030-dti.txt", src, sizeof src),
                        "month:unit=15@last,commune=20@last");
    assert_non_null(strstr(src, "trước ngày 15 hằng tháng"));
    assert_non_null(strstr(src, "gửi về Sở Khoa học và Công nghệ"));
    assert_string_equal(plan_rules("vinh-thuan-2026-dti.txt", src, sizeof src), "quarter:unit=18@last year:unit=18/12");
    assert_non_null(strstr(src, "hằng quý trước ngày 18 của tháng cuối quý"));
    assert_string_equal(plan_rules("vinh-tru-2026.txt", src, sizeof src),
                        "month:unit=20@last quarter:unit=20@last year:unit=05/12");
    assert_non_null(strstr(src, "Định kỳ hằng tháng (trước ngày 20)"));
}

/* A reporting regime as a table "Kỳ báo cáo | Thời hạn" (round 11): each
 * row is its kind's deadline ("15/3/2026" is the quarter's 15th of its last
 * month; "hằng năm" after a half-year's deadline says every year); a table
 * without those headers is not read; a dated deadline not understood is
 * quoted. */
static const char *table_rules(const char *const *cells, size_t nrows, size_t ncols, strlist *unread)
{
    static char out[1024];
    doc *d = doc_new("t");
    doc_table *t = doc_add_table(d, nrows, ncols, 0);
    assert_non_null(t);
    for (size_t r = 0; r < nrows; r++)
        for (size_t c = 0; c < ncols; c++)
            assert_int_equal(doc_cell_set(t, r, c, cells[r * ncols + c]), 0);
    calendar_found f = CALENDAR_FOUND_INIT;
    dti_err e;
    assert_int_equal(extract_calendar(d, &f, &e), DTI_OK);
    out[0] = 0;
    for (size_t i = 0; i < f.rules.n; i++) {
        size_t l = strlen(out);
        snprintf(out + l, sizeof out - l, "%s%s", i ? " " : "", f.rules.v[i]);
    }
    if (unread)
        assert_int_equal(strlist_copy(unread, &f.unread), 0);
    calendar_found_release(&f);
    doc_free(d);
    return out;
}

static void test_reporting_table(void **state)
{
    (void)state;
    static const char *const a[] = {
        "Kỳ báo cáo", "Thời hạn gửi báo cáo", "Số liệu tính đến",
        "Quý I", "Trước ngày 15/3/2026", "Ngày 14/3/2026",
        "6 tháng", "Trước ngày 15/6/2026", "Ngày 14/6/2026",
        "9 tháng", "Trước ngày 15/9/2026", "Ngày 14/9/2026",
        "Năm", "Trước ngày 15/12/2026", "Ngày 14/12/2026",
    };
    assert_string_equal(table_rules(a, 5, 3, NULL), "quarter:unit=15@last half:unit=15@last year:unit=15/12");
    static const char *const b[] = {
        "Kỳ báo cáo", "Thời hạn",
        "Báo cáo quý", "Trước ngày 15 của tháng cuối quý",
        "Báo cáo 6 tháng", "Trước ngày 15/6 hằng năm",
        "Báo cáo năm", "Trước ngày 10/12 hằng năm",
    };
    assert_string_equal(table_rules(b, 4, 2, NULL), "quarter:unit=15@last half:unit=15@last year:unit=10/12");
    /* a task table: not a regime */
    static const char *const c[] = {
        "STT", "Nhiệm vụ", "Thời hạn",
        "1", "Báo cáo quý kết quả chuyển đổi số", "Trước ngày 15 của tháng cuối quý",
    };
    assert_string_equal(table_rules(c, 2, 3, NULL), "");
    /* a sentence with a dated deadline and no rule: quoted */
    calendar_found f = CALENDAR_FOUND_INIT;
    dti_err e;
    assert_int_equal(extract_calendar_text("Tổng hợp, báo cáo kết quả thực hiện Kế hoạch trước ngày 05/12/2026.", &f, &e),
                     DTI_OK);
    assert_int_equal(f.rules.n, 0);
    assert_int_equal(f.unread.n, 1);
    calendar_found_release(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_monthly),
        cmocka_unit_test(test_quarter_half_year),
        cmocka_unit_test(test_windows_and_unread),
        cmocka_unit_test(test_nothing_stated),
        cmocka_unit_test(test_shared_plans),
        cmocka_unit_test(test_reporting_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
