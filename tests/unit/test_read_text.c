/* test_read_text.c — the text readers (import/read_tsv.c, import/read_text.c)
 * and the detection of text formats (import/reader.c). Fixtures under
 * tests/data/ are fictional plans in the layouts pdftotext produces; the real
 * tab-separated plan is read from $SHARED/plans. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "base/file.h"
#include "import/reader.h"

static doc *read_with(const reader_ops *r, const char *text)
{
    doc *d = NULL;
    dti_err e;
    dti_err_clear(&e);
    assert_int_equal(r->read(text, strlen(text), "test", &d, &e), DTI_OK);
    assert_non_null(d);
    return d;
}

static doc *read_file_doc(const char *path, const reader_ops **used)
{
    char *data = NULL;
    size_t n = 0;
    dti_err e;
    dti_err_clear(&e);
    assert_int_equal(file_read(path, IMPORT_MAX_BYTES, &data, &n, &e), DTI_OK);
    *used = reader_detect(data, n, path, &e);
    assert_non_null(*used);
    doc *d = NULL;
    assert_int_equal((*used)->read(data, n, path, &d, &e), DTI_OK);
    free(data);
    return d;
}

static char *data_path(const char *rel)
{
    const char *root = getenv("ROOT");
    static char path[4096];
    snprintf(path, sizeof path, "%s/%s", root ? root : ".", rel);
    return path;
}

static doc_table *nth_table(doc *d, size_t k)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->blocks[i].kind == DOC_TABLE && k-- == 0)
            return d->blocks[i].table;
    return NULL;
}

static size_t count_tables(doc *d)
{
    size_t k = 0;
    for (size_t i = 0; i < d->n; i++)
        k += d->blocks[i].kind == DOC_TABLE;
    return k;
}

static const char *cell(doc_table *t, size_t r, size_t c)
{
    doc_cell *x = doc_cell_at(t, r, c);
    assert_non_null(x);
    return x->text;
}

static const doc_block *find_para(doc *d, const char *prefix)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->blocks[i].kind == DOC_PARA && strncmp(d->blocks[i].text, prefix, strlen(prefix)) == 0)
            return &d->blocks[i];
    return NULL;
}

/* ---- tab-separated text with HTML cells ---- */

static const char TSV[] =
    "**KẾ HOẠCH**  \n"
    "## **1. Mục tiêu**\n"
    "- Tỷ lệ hồ sơ trực tuyến đạt 80%; **quan trọng**\n"
    "\n"
    "TT\tNhiệm vụ\tĐơn vị chủ trì\tMục tiêu\n"
    "<b>1</b>\t<b>Hạ tầng số</b>\t\t\n"
    "1.1\t<p>Lắp wifi</p>\tVăn phòng HĐND&amp;UBND\t<p>* Mục tiêu:</p> <ul><li>- Phủ sóng thôn</li><li>Hỗ trợ&nbsp;người dân</li></ul>\n"
    "1.2\tTập huấn<br>kỹ năng số\tPhòng <strong>VH-XH</strong>\t\"Dòng một\n"
    "dòng hai\"\n"
    "\n"
    "12\n"
    "\n"
    "TT\tNhiệm vụ\tĐơn vị chủ trì\tMục tiêu\n"
    "1.3\tSố hóa hồ sơ\tTrung tâm PVHCC\n"
    "\n"
    "Nơi nhận: UBND tỉnh và\n"
    "\n"
    "các phòng ban.\n";

static void test_tsv_html_cells(void **state)
{
    (void)state;
    doc *d = read_with(&reader_tsv, TSV);
    const doc_block *b = find_para(d, "KẾ HOẠCH");
    assert_non_null(b);
    assert_true(b->bold);
    b = find_para(d, "1. Mục tiêu");
    assert_non_null(b);
    assert_int_equal(b->heading, 2);
    assert_true(b->bold);
    b = find_para(d, "- Tỷ lệ hồ sơ");
    assert_non_null(b);
    assert_string_equal(b->text, "- Tỷ lệ hồ sơ trực tuyến đạt 80%; quan trọng");
    assert_false(b->bold);

    assert_int_equal(count_tables(d), 2);
    doc_table *t = nth_table(d, 0);
    assert_int_equal(t->ncols, 4);
    assert_int_equal(t->nrows, 4);
    assert_false(t->continued);
    assert_string_equal(cell(t, 1, 0), "1");
    assert_true(doc_cell_at(t, 1, 1)->bold);
    assert_false(doc_cell_at(t, 2, 1)->bold);
    assert_string_equal(cell(t, 2, 1), "Lắp wifi");
    assert_string_equal(cell(t, 2, 2), "Văn phòng HĐND&UBND");
    /* <p> and <li> split paragraphs; an item keeps its own marker or gets "- " */
    assert_string_equal(cell(t, 2, 3), "* Mục tiêu:\n- Phủ sóng thôn\n- Hỗ trợ người dân");
    assert_string_equal(cell(t, 3, 1), "Tập huấn\nkỹ năng số");
    assert_string_equal(cell(t, 3, 2), "Phòng VH-XH");
    assert_false(doc_cell_at(t, 3, 2)->bold);
    /* a quoted cell spanning two lines */
    assert_string_equal(cell(t, 3, 3), "Dòng một\ndòng hai");

    /* after a page number: a continued fragment, the header not repeated */
    doc_table *u = nth_table(d, 1);
    assert_true(u->continued);
    assert_int_equal(u->nrows, 1);
    assert_int_equal(u->ncols, 4);
    assert_string_equal(cell(u, 0, 0), "1.3");
    assert_string_equal(cell(u, 0, 3), "");

    /* a paragraph cut by a page break is joined */
    b = find_para(d, "Nơi nhận");
    assert_non_null(b);
    assert_string_equal(b->text, "Nơi nhận: UBND tỉnh và các phòng ban.");
    doc_free(d);
}

static void test_tsv_real_plan(void **state)
{
    (void)state;
    const char *shared = getenv("SHARED");
    assert_non_null(shared);
    char path[4096];
    snprintf(path, sizeof path, "%s/plans/vinh-tru-2026.txt", shared);
    const reader_ops *used = NULL;
    doc *d = read_file_doc(path, &used);
    assert_ptr_equal(used, &reader_tsv);
    assert_true(count_tables(d) > 0);
    /* the tasks table: a cell of <p> and <li> items splits into paragraphs */
    int found = 0, header = 0;
    for (size_t i = 0; i < d->n; i++) {
        if (d->blocks[i].kind != DOC_TABLE)
            continue;
        doc_table *t = d->blocks[i].table;
        for (size_t r = 0; r < t->nrows; r++)
            for (size_t c = 0; c < t->ncols; c++) {
                const char *x = cell(t, r, c);
                assert_null(strstr(x, "<p>"));
                assert_null(strstr(x, "&amp;"));
                if (!strncmp(x, "* Mục tiêu:\n- Hoàn thiện hạ tầng số", strlen("* Mục tiêu:\n- Hoàn thiện hạ tầng số")))
                    found++;
            }
        if (!t->continued && t->nrows && !strcmp(cell(t, 0, 0), "TT"))
            header++;
    }
    assert_int_equal(found, 1);
    assert_true(header >= 2);
    doc_free(d);
}

/* ---- PDF text ---- */

static void test_pdf_layout(void **state)
{
    (void)state;
    const reader_ops *used = NULL;
    doc *d = read_file_doc(data_path("tests/data/pdf-layout-hoabinh.txt"), &used);
    assert_ptr_equal(used, &reader_text);
    assert_int_equal(count_tables(d), 1);
    doc_table *t = nth_table(d, 0);
    assert_int_equal(t->ncols, 5);
    /* header + 2 groups + 3 rows; the page number and the repeated header are gone */
    assert_int_equal(t->nrows, 6);
    assert_string_equal(cell(t, 0, 0), "STT");
    assert_string_equal(cell(t, 0, 4), "Thời gian hoàn thành");
    assert_string_equal(cell(t, 1, 0), "1.");
    assert_string_equal(cell(t, 1, 1), "Hạ tầng số");
    assert_string_equal(cell(t, 2, 1), "Tỷ lệ thôn có wifi công cộng đạt 100%");
    assert_string_equal(cell(t, 2, 2), "Phòng Văn hóa - Xã hội");
    assert_string_equal(cell(t, 2, 3), "Các thôn; Bưu điện xã");
    assert_string_equal(cell(t, 2, 4), "Tháng 12/2026");
    assert_string_equal(cell(t, 3, 4), "Quý III năm 2026");
    assert_string_equal(cell(t, 4, 0), "2.");
    assert_string_equal(cell(t, 5, 0), "2.1");
    assert_string_equal(cell(t, 5, 2), "Văn phòng HĐND và UBND xã");
    assert_string_equal(cell(t, 5, 4), "Thường xuyên");
    for (size_t r = 1; r < t->nrows; r++)
        assert_string_not_equal(cell(t, r, 0), "STT");
    /* paragraphs: wrapped lines joined, a page break inside a sentence joined */
    const doc_block *b = find_para(d, "Thực hiện Kế hoạch");
    assert_non_null(b);
    assert_string_equal(b->text, "Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2026 của Ủy ban nhân dân tỉnh "
                                 "Hòa Phong về chuyển đổi số, Ủy ban nhân dân xã Hòa Bình ban hành kế hoạch "
                                 "thực hiện như sau:");
    b = find_para(d, "- Tỷ lệ thôn");
    assert_non_null(b);
    assert_non_null(strstr(b->text, "duy trì thường xuyên đến hết năm."));
    assert_non_null(find_para(d, "Nơi nhận:"));
    assert_non_null(find_para(d, "- UBND tỉnh;"));
    doc_free(d);
}

static void test_pdf_raw(void **state)
{
    (void)state;
    const reader_ops *used = NULL;
    doc *d = read_file_doc(data_path("tests/data/pdf-raw-hoabinh.txt"), &used);
    assert_ptr_equal(used, &reader_text);
    assert_int_equal(count_tables(d), 1);
    doc_table *t = nth_table(d, 0);
    assert_int_equal(t->ncols, 5);
    assert_int_equal(t->nrows, 6);
    assert_string_equal(cell(t, 0, 2), "Đơn vị chủ trì");
    assert_string_equal(cell(t, 2, 0), "1.1");
    assert_string_equal(cell(t, 2, 1), "Tỷ lệ thôn có wifi công cộng đạt 100%");
    assert_string_equal(cell(t, 2, 2), "Phòng Văn hóa - Xã hội");
    assert_string_equal(cell(t, 2, 4), "Tháng 12/2026");
    assert_string_equal(cell(t, 3, 3), "Đoàn Thanh niên xã");
    assert_string_equal(cell(t, 5, 2), "Văn phòng HĐND và UBND xã");
    assert_string_equal(cell(t, 5, 4), "Thường xuyên");
    const doc_block *b = find_para(d, "Căn cứ Nghị quyết");
    assert_non_null(b);
    assert_string_equal(b->text, "Căn cứ Nghị quyết số 03/NQ-HĐND ngày 10/01/2026 của Hội đồng nhân dân xã Hòa "
                                 "Bình về nhiệm vụ năm 2026;");
    assert_non_null(find_para(d, "NƠI NHẬN"));
    doc_free(d);
}

/* Narrow columns, cells one blank apart, a packed first line, words split
 * by the cell's width, a page number, a repeated header and a page whose
 * columns sit four positions further left. */
static void test_pdf_layout_narrow(void **state)
{
    (void)state;
    const reader_ops *used = NULL;
    doc *d = read_file_doc(data_path("tests/data/pdf-layout-narrow.txt"), &used);
    assert_ptr_equal(used, &reader_text);
    assert_int_equal(count_tables(d), 1);
    doc_table *t = nth_table(d, 0);
    assert_int_equal(t->ncols, 6);
    assert_int_equal(t->nrows, 7); /* header, 2 groups, 4 rows: no page number, no second header */
    assert_string_equal(cell(t, 0, 2), "Đơn vị chủ trì");
    assert_string_equal(cell(t, 0, 3), "Đơn vị phối hợp");
    assert_string_equal(cell(t, 0, 4), "Năm 2026");
    assert_string_equal(cell(t, 0, 5), "Ghi chú");
    /* "Phòng Văn Các thôn Đạt": one blank between three cells */
    assert_string_equal(cell(t, 2, 0), "1.1");
    assert_string_equal(cell(t, 2, 1), "Tỷ lệ thôn có wifi công cộng phục vụ Chuyển đổi số");
    assert_string_equal(cell(t, 2, 2), "Phòng Văn hóa - Xã hội");
    assert_string_equal(cell(t, 2, 4), "Đạt 100%");
    /* "phươn" / "g án": a word split by the cell's width, glued */
    assert_string_equal(cell(t, 3, 1), "Tỷ lệ hộ có cáp quang theo phương án xã");
    assert_string_equal(cell(t, 3, 2), "Phòng Kinh tế");
    assert_string_equal(cell(t, 3, 3), "Các doanh nghiệp viễn thông");
    assert_string_equal(cell(t, 3, 4), "Đạt tối thiểu 80%");
    /* the second page: columns moved, group row, "Đoàn Thanh Các thôn" */
    assert_string_equal(cell(t, 4, 0), "2.");
    assert_string_equal(cell(t, 4, 1), "Nhân lực số");
    assert_string_equal(cell(t, 5, 2), "Văn phòng HĐND và UBND xã");
    assert_string_equal(cell(t, 5, 3), "Các phòng ban");
    assert_string_equal(cell(t, 6, 1), "Tổ công nghệ số được tập huấn");
    assert_string_equal(cell(t, 6, 2), "Đoàn Thanh niên xã");
    assert_string_equal(cell(t, 6, 3), "Các thôn");
    assert_string_equal(cell(t, 6, 4), "40 người");
    for (size_t r = 0; r < t->nrows; r++)
        for (size_t c = 0; c < t->ncols; c++)
            assert_null(strstr(cell(t, r, c), "Chuyể n"));
    doc_free(d);
}

/* Packed columns (cam-thach-2026, a plan kept aside, as pdftotext -layout
 * printed it): eight columns one blank apart on every line, each line laid
 * out on its own, so a cell's lines start a few characters apart ("… công
 * cộng Văn phòng" / "UBND   HĐND và" / "… hóa UBND xã"). */
static void test_pdf_layout_packed(void **state)
{
    (void)state;
    const reader_ops *used = NULL;
    doc *d = read_file_doc(data_path("tests/data/pdftext-var/holdout/cam-thach-2026-layout.txt"), &used);
    assert_ptr_equal(used, &reader_text);
    doc_table *t = NULL;
    for (size_t i = 0; i < count_tables(d) && !t; i++)
        if (nth_table(d, i)->ncols == 8)
            t = nth_table(d, i);
    assert_non_null(t);
    assert_string_equal(cell(t, 0, 2), "Đơn vị chủ trì");
    assert_string_equal(cell(t, 0, 5), "Lộ trình thực hiện");
    assert_string_equal(cell(t, 2, 1), "Lắp đặt hệ thống Wi-Fi công cộng tại trụ sở UBND xã và nhà văn hóa các thôn");
    assert_string_equal(cell(t, 2, 2), "Văn phòng HĐND và UBND xã");
    assert_string_equal(cell(t, 2, 4), "Hệ thống Wi-Fi hoạt động");
    assert_string_equal(cell(t, 2, 5), "Quý II/2026");
    /* "Báo cáo rà soát Tháng" / "vùng lõm sóng 10/2026" */
    assert_string_equal(cell(t, 3, 4), "Báo cáo rà soát vùng lõm sóng");
    assert_string_equal(cell(t, 3, 5), "Tháng 10/2026");
    /* a row cut by the page break, its lead cell on both pages */
    assert_string_equal(cell(t, 5, 2), "Văn phòng HĐND và UBND xã");
    assert_string_equal(cell(t, 5, 3), "Các phòng, ban, đơn vị");
    assert_string_equal(cell(t, 6, 2), "Trung tâm Phục vụ hành chính công xã");
    doc_free(d);
}

/* The fictional Tân An plan as LibreOffice and pdftotext -layout lay it out:
 * paragraphs inside a cell apart by a line where the cell is empty. */
static void test_pdf_layout_paragraph_cells(void **state)
{
    (void)state;
    const reader_ops *used = NULL;
    doc *d = read_file_doc(data_path("tests/data/pdf-layout-tanan.txt"), &used);
    assert_ptr_equal(used, &reader_text);
    assert_int_equal(count_tables(d), 1);
    doc_table *t = nth_table(d, 0);
    assert_int_equal(t->ncols, 6);
    assert_int_equal(t->nrows, 20);
    assert_string_equal(cell(t, 0, 4), "Thời gian hoàn thành");
    assert_string_equal(cell(t, 3, 0), "1.1");
    assert_string_equal(cell(t, 3, 3), "Các thôn\nBưu điện xã");
    assert_string_equal(cell(t, 3, 4), "Tháng 12/2026");
    /* a row cut by a page break and a repeated header */
    assert_string_equal(cell(t, 19, 0), "4.4");
    assert_string_equal(cell(t, 19, 1), "Tỷ lệ trường học sử dụng học bạ số: đạt 100%");
    assert_string_equal(cell(t, 19, 2), "Phòng Văn hóa - Xã hội");
    assert_string_equal(cell(t, 19, 4), "Tháng 8/2026");
    doc_free(d);
}

/* Pieces of one word on two lines of a cell are glued; words are not. */
static void test_pdf_layout_glue(void **state)
{
    (void)state;
    doc *d = read_with(&reader_text, "STT   Nội dung      Đơn vị       Thời gian\n"
                                     "1.1   Tỷ lệ hộ có   Sở KH&       Tháng\n"
                                     "      wifi          CN           12/2026\n"
                                     "1.2   Chỉ số        Phòng VH-    Quý II\n"
                                     "      Chuyể         XH           năm 2026\n"
                                     "      n đổi số\n"
                                     "1.3   Tỷ lệ thôn    Phòng Văn    Tháng\n"
                                     "      có wifi       hóa - Xã hội 9/2026\n");
    assert_int_equal(count_tables(d), 1);
    doc_table *t = nth_table(d, 0);
    assert_int_equal(t->nrows, 4);
    assert_string_equal(cell(t, 1, 2), "Sở KH&CN");
    assert_string_equal(cell(t, 1, 3), "Tháng 12/2026");
    assert_string_equal(cell(t, 2, 1), "Chỉ số Chuyển đổi số");
    assert_string_equal(cell(t, 2, 2), "Phòng VH-XH");
    assert_string_equal(cell(t, 2, 3), "Quý II năm 2026");
    /* "Văn hóa - Xã hội" keeps its blanks */
    assert_string_equal(cell(t, 3, 2), "Phòng Văn hóa - Xã hội");
    doc_free(d);
}

/* pdftotext -layout text of a table whose second page is set wider (each
 * column further right than the one before it moved) under a repeated
 * two-row header, its merged first line ("Chỉ tiêu theo năm") above the
 * table: one table, the header dropped on the second page, each year's
 * value in its own year (pdf_layout.c head_above, regrid). */
static void test_pdf_layout_wider_page(void **state)
{
    (void)state;
    doc *d = read_with(&reader_text,
                       "                          Chỉ tiêu theo năm\n"
                       "TT   Chỉ tiêu             Năm    Năm    Năm    Chủ trì\n"
                       "                          2026   2027   2028\n"
                       "\n"
                       "     Tỷ lệ hồ sơ\n"
                       "1    trực tuyến           50     60     70     Văn phòng\n"
                       "     toàn trình\n"
                       "\n"
                       "     Số hộ dùng\n"
                       "2    ví điện tử           80     90     100    Kinh tế\n"
                       "     tại chợ\n"
                       "\n"
                       "     Tỷ lệ thôn\n"
                       "3    có mạng              40     50     60     Công an xã\n"
                       "\f"
                       "                               Chỉ tiêu theo năm\n"
                       "TT    Chỉ tiêu                 Năm       Năm        Năm        Chủ trì\n"
                       "                               2026      2027       2028\n"
                       "\n"
                       "      wifi\n"
                       "\n"
                       "      Số lượt tập\n"
                       "4     huấn kỹ năng             500       800        900        Đoàn xã\n"
                       "      số\n"
                       "\n"
                       "      Hộ có địa\n"
                       "5     chỉ số trên              60        80         100        Công an xã\n"
                       "      bản đồ\n");
    if (getenv("DTI_PDF_DEBUG"))
        doc_dump(d, stderr);
    assert_int_equal(count_tables(d), 1);
    doc_table *t = nth_table(d, 0);
    assert_int_equal(t->ncols, 6);
    assert_int_equal(t->nrows, 6);   /* one header row, five items */
    assert_string_equal(cell(t, 3, 1), "Tỷ lệ thôn có mạng wifi");
    assert_string_equal(cell(t, 4, 0), "4");
    assert_string_equal(cell(t, 4, 3), "800");
    assert_string_equal(cell(t, 4, 4), "900");
    assert_string_equal(cell(t, 4, 5), "Đoàn xã");
    assert_string_equal(cell(t, 5, 1), "Hộ có địa chỉ số trên bản đồ");
    assert_string_equal(cell(t, 5, 4), "100");
    assert_string_equal(cell(t, 5, 5), "Công an xã");
    doc_free(d);
}

static void test_raw_unsure_is_paragraphs(void **state)
{
    (void)state;
    /* row 1.1 has more cell starts than the header has columns */
    doc *d = read_with(&reader_text, "STT\nNội dung\nThời gian\n1.1\nMột\nHai\nBa\nBốn\n1.2\nNăm\nSáu\n");
    assert_int_equal(count_tables(d), 0);
    assert_true(d->n > 0);
    doc_free(d);
}

/* A footnote "(*) …" after a line that ended a sentence starts a paragraph
 * (as a capital does); a bracket in lower case goes on with its paragraph. */
static void test_paragraph_joining(void **state)
{
    (void)state;
    doc *d = read_with(&reader_text,
                       "I. NHIỆM VỤ\n"
                       "a) Triển khai nền tảng số dùng chung, bảo đảm kết nối\n"
                       "thông suốt giữa các cơ quan.\n"
                       "b) Tập huấn cho 100% cán bộ.\n"
                       "1. Hạ tầng số\n"
                       "+ 100% thôn có wifi;\n"
                       "Xã Hòa Bình giao các đơn vị thực hiện.\n"
                       "(*) Theo Nghị định số 30/2020/NĐ-CP về văn thư, văn bản giữa các cơ\n"
                       "(trừ văn bản mật) được ký số.\n"
                       "\n"
                       "Đề nghị các đơn vị phối hợp với Phòng Văn hóa - Xã hội\n"
                       "\n"
                       "3\n"
                       "\f"
                       "trong quá trình thực hiện.\n");
    const char *want[] = {"I. NHIỆM VỤ",
                          "a) Triển khai nền tảng số dùng chung, bảo đảm kết nối thông suốt giữa các cơ quan.",
                          "b) Tập huấn cho 100% cán bộ.",
                          "1. Hạ tầng số",
                          "+ 100% thôn có wifi;",
                          "Xã Hòa Bình giao các đơn vị thực hiện.",
                          "(*) Theo Nghị định số 30/2020/NĐ-CP về văn thư, văn bản giữa các cơ (trừ văn bản mật) được ký số.",
                          "Đề nghị các đơn vị phối hợp với Phòng Văn hóa - Xã hội trong quá trình thực hiện."};
    assert_int_equal(d->n, sizeof want / sizeof *want);
    for (size_t i = 0; i < d->n; i++) {
        assert_int_equal(d->blocks[i].kind, DOC_PARA);
        assert_string_equal(d->blocks[i].text, want[i]);
    }
    doc_free(d);
}

/* ---- detection ---- */

static void test_detect(void **state)
{
    (void)state;
    dti_err e;
    doc *d = NULL;
    assert_int_equal(reader_read("", 0, "rong.txt", &d, &e), DTI_ERR_FORMAT);
    assert_null(d);
    assert_non_null(strstr(e.msg, "rong.txt"));
    assert_int_equal(reader_read(" \n\t\n", 4, "trang.txt", &d, &e), DTI_ERR_FORMAT);
    assert_int_equal(reader_read("ab\0cd", 5, "nhiphan.bin", &d, &e), DTI_ERR_FORMAT);
    assert_int_equal(reader_read("ab\xff\xfe", 4, "latin.txt", &d, &e), DTI_ERR_FORMAT);
    const char ctl[] = "\x01\x02\x03\x04 abc \x05\x06\x07\x08\x0e\x0f";
    assert_int_equal(reader_read(ctl, sizeof ctl - 1, "ctl.bin", &d, &e), DTI_ERR_FORMAT);
    assert_null(d);
    const char *txt = "Kế hoạch chuyển đổi số xã Hòa Bình.\n";
    assert_ptr_equal(reader_detect(txt, strlen(txt), "a.txt", &e), &reader_text);
    assert_int_equal(reader_read(txt, strlen(txt), "a.txt", &d, &e), DTI_OK);
    assert_int_equal(d->n, 1);
    doc_free(d);
    /* tab rows with **bold** prose: the tsv reader */
    const char *tsv = "**KẾ HOẠCH**\n# Phụ lục\nTT\tNội dung\n1\tMột\n2\tHai\n";
    assert_ptr_equal(reader_detect(tsv, strlen(tsv), "b.txt", &e), &reader_tsv);
    /* one stray tab in prose does not make a table */
    const char *one = "Kế hoạch\tsố 5\nvà nội dung.\n";
    assert_true(reader_tsv.sniff(one, strlen(one), "c.txt") < 70);
    /* GFM pipe tables: the tsv reader stands down */
    const char *md = "| a | b |\n|---|---|\n| 1\t| 2 |\n| 3\t| 4 |\n| 5\t| 6 |\n";
    assert_true(reader_tsv.sniff(md, strlen(md), "d.md") <= 30);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tsv_html_cells),
        cmocka_unit_test(test_tsv_real_plan),
        cmocka_unit_test(test_pdf_layout),
        cmocka_unit_test(test_pdf_raw),
        cmocka_unit_test(test_pdf_layout_narrow),
        cmocka_unit_test(test_pdf_layout_packed),
        cmocka_unit_test(test_pdf_layout_paragraph_cells),
        cmocka_unit_test(test_pdf_layout_glue),
        cmocka_unit_test(test_pdf_layout_wider_page),
        cmocka_unit_test(test_raw_unsure_is_paragraphs),
        cmocka_unit_test(test_paragraph_joining),
        cmocka_unit_test(test_detect),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
