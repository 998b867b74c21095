/* test_read_pdf.c — the PDF reader: the layout (import/pdf_layout.c) on word
 * lists written here, one rule each, and the whole reader (poppler-glib) on
 * a fixture PDF and on a PDF without text. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "base/file.h"
#include "import/doc.h"
#include "import/pdf.h"
#include "import/reader.h"

/* Words of one line: "text@x" separated by '|' at height Y (12 pt type,
 * each character 6 pt wide, a space 3.5 pt). */
static void line_at(pdf_page *pg, double y, const char *spec, int bold)
{
    char buf[2048];
    snprintf(buf, sizeof buf, "%s", spec);
    for (char *cell = buf, *next; cell; cell = next) {
        next = strchr(cell, '|');
        if (next)
            *next++ = 0;
        char *at = strrchr(cell, '@');
        assert_non_null(at);
        *at = 0;
        double x = strtod(at + 1, NULL);
        char *w = cell;
        while (*w) {
            char *sp = strchr(w, ' ');
            size_t n = sp ? (size_t)(sp - w) : strlen(w);
            double wd = 0;
            for (size_t i = 0; i < n; i++)
                wd += ((unsigned char)w[i] & 0xC0) == 0x80 ? 0 : 6.0;
            assert_int_equal(pdf_page_add(pg, w, n, x, y, x + wd, y + 14, bold), 0);
            x += wd + 3.5;
            w += n;
            while (*w == ' ')
                w++;
        }
    }
}

static doc *layout(pdf_page *pages, size_t n)
{
    doc *d = NULL;
    dti_err e;
    dti_err_clear(&e);
    if (pdf_layout(pages, n, "t.pdf", &d, &e))
        fail_msg("pdf_layout: %s", e.msg);
    return d;
}

static pdf_page *pages_new(size_t n)
{
    pdf_page *p = calloc(n, sizeof *p);
    assert_non_null(p);
    for (size_t i = 0; i < n; i++)
        p[i].width = 595, p[i].height = 842, p[i].space = 3.5;
    return p;
}

static const doc_table *nth_table(const doc *d, int k)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->blocks[i].kind == DOC_TABLE && k-- == 0)
            return d->blocks[i].table;
    return NULL;
}

static const char *cell(const doc_table *t, size_t r, size_t c)
{
    return doc_cell_at((doc_table *)t, r, c)->text;
}

/* A table split by a page break, its header repeated on the next page, a
 * cell's text wrapped and a unit on a line of its own; prose before it
 * joined into one paragraph; a page number dropped. */
static void test_table_across_pages(void **state)
{
    (void)state;
    pdf_page *pg = pages_new(2);
    line_at(&pg[0], 60, "Thực hiện Kế hoạch số 12/KH-UBND của Ủy ban nhân dân tỉnh về chuyển đổi số@60", 0);
    line_at(&pg[0], 75, "năm 2026, Ủy ban nhân dân xã ban hành Kế hoạch như sau:@60", 0);
    line_at(&pg[0], 110, "STT@60|Nội dung@110|Chỉ tiêu@330|Chủ trì@400", 1);
    line_at(&pg[0], 126, "1@60|Tỷ lệ hồ sơ được xử lý@110|90%@330|Công an xã@400", 0);
    line_at(&pg[0], 142, "trực tuyến toàn trình@110|Các thôn@400", 0);
    line_at(&pg[0], 158, "2@60|Số hộ gia đình có Internet@110|Trên 500 hộ@330|Phòng Kinh tế@400", 0);
    line_at(&pg[0], 800, "7@290", 0);
    line_at(&pg[1], 60, "STT@60|Nội dung@110|Chỉ tiêu@330|Chủ trì@400", 1);
    line_at(&pg[1], 76, "cáp quang@110", 0);
    line_at(&pg[1], 92, "3@60|Tỷ lệ người dân có chữ ký số@110|50%@330|Công an xã@400", 0);
    doc *d = layout(pg, 2);
    if (getenv("DTI_PDF_DEBUG"))
        doc_dump(d, stderr);
    assert_int_equal(d->blocks[0].kind, DOC_PARA);
    assert_string_equal(d->blocks[0].text,
                        "Thực hiện Kế hoạch số 12/KH-UBND của Ủy ban nhân dân tỉnh về chuyển đổi số năm 2026, "
                        "Ủy ban nhân dân xã ban hành Kế hoạch như sau:");
    const doc_table *t = nth_table(d, 0);
    assert_non_null(t);
    assert_null(nth_table(d, 1));
    assert_int_equal(t->ncols, 4);
    assert_int_equal(t->nrows, 4);
    assert_string_equal(cell(t, 0, 1), "Nội dung");
    assert_string_equal(cell(t, 1, 1), "Tỷ lệ hồ sơ được xử lý trực tuyến toàn trình");
    assert_string_equal(cell(t, 1, 3), "Công an xã\nCác thôn");
    assert_string_equal(cell(t, 2, 1), "Số hộ gia đình có Internet cáp quang");
    assert_string_equal(cell(t, 3, 0), "3");
    assert_string_equal(cell(t, 3, 2), "50%");
    doc_free(d);
    pdf_pages_free(pg, 2);
}

/* A group row merged across the table spans it; the letterhead's two
 * columns are read one after the other. */
static void test_group_row_and_letterhead(void **state)
{
    (void)state;
    pdf_page *pg = pages_new(1);
    line_at(&pg[0], 30, "ỦY BAN NHÂN DÂN@60|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM@300", 1);
    line_at(&pg[0], 45, "XÃ AN PHÚ@80|Độc lập - Tự do - Hạnh phúc@320", 1);
    line_at(&pg[0], 100, "TT@60|Tên chỉ tiêu@110|Mục tiêu@330|Phối hợp@400", 1);
    line_at(&pg[0], 116, "I@60|Hạ tầng số và nền tảng số của xã@110", 1);
    line_at(&pg[0], 132, "1@60|Tỷ lệ thôn có 5G@110|100%@330|Các thôn@400", 0);
    line_at(&pg[0], 148, "2@60|Số điểm Wi-Fi@110|10 điểm@330|Các thôn@400", 0);
    doc *d = layout(pg, 1);
    const doc_table *h = nth_table(d, 0);
    assert_non_null(h);
    assert_int_equal(h->ncols, 2);
    assert_string_equal(cell(h, 0, 0), "ỦY BAN NHÂN DÂN\nXÃ AN PHÚ");
    assert_string_equal(cell(h, 0, 1), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc");
    const doc_table *t = nth_table(d, 1);
    assert_non_null(t);
    assert_int_equal(t->ncols, 4);
    assert_string_equal(cell(t, 1, 0), "I");
    assert_string_equal(cell(t, 1, 1), "Hạ tầng số và nền tảng số của xã");
    assert_int_equal(doc_cell_at((doc_table *)t, 1, 2)->merged, DOC_MERGE_LEFT);
    assert_string_equal(cell(t, 3, 2), "10 điểm");
    doc_free(d);
    pdf_pages_free(pg, 1);
}

/* A table ended by an appendix title inside one of its columns ("Phụ lục
 * 2" centred); the next table's header alone at the page's foot goes with
 * its body on the next page; a year under a header word ("năm" / "2026")
 * is no row code. */
static void test_header_at_page_foot(void **state)
{
    (void)state;
    pdf_page *pg = pages_new(2);
    line_at(&pg[0], 100, "TT@60|Tên văn bản@110|Chủ trì@300|Thời gian@440", 1);
    line_at(&pg[0], 124, "1@60|Kế hoạch tuyên truyền@110|Phòng Văn hóa - Xã hội@300|Tháng 3/2026@440", 0);
    line_at(&pg[0], 148, "2@60|Quy chế chữ ký số@110|Văn phòng@300|Tháng 4/2026@440", 0);
    line_at(&pg[0], 172, "Phụ lục 2@310", 1);
    line_at(&pg[0], 196, "NHIỆM VỤ TRỌNG TÂM NĂM 2026@200", 1);
    line_at(&pg[0], 780, "Mục tiêu năm@330", 1);
    line_at(&pg[0], 794, "TT@60|Nhiệm vụ@110|2026@330|Chủ trì@420", 1);
    line_at(&pg[1], 60, "1@60|Số hóa hồ sơ lưu trữ@110|100%@330|Văn phòng@420", 0);
    line_at(&pg[1], 84, "2@60|Xây dựng bản đồ số@110|01 bản đồ@330|Phòng Kinh tế@420", 0);
    doc *d = layout(pg, 2);
    if (getenv("DTI_PDF_DEBUG"))
        doc_dump(d, stderr);
    const doc_table *a = nth_table(d, 0), *b = nth_table(d, 1);
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(a->nrows, 3);
    assert_int_equal(a->ncols, 4);
    assert_string_equal(cell(a, 2, 2), "Văn phòng");
    assert_int_equal(b->ncols, 4);
    assert_int_equal(b->nrows, 3);
    assert_string_equal(cell(b, 0, 1), "Nhiệm vụ");
    assert_string_equal(cell(b, 0, 2), "Mục tiêu năm 2026");
    assert_string_equal(cell(b, 1, 0), "1");
    assert_string_equal(cell(b, 2, 3), "Phòng Kinh tế");
    int title = 0;
    for (size_t i = 0; i < d->n; i++)
        title += d->blocks[i].kind == DOC_PARA && strcmp(d->blocks[i].text, "Phụ lục 2") == 0;
    assert_int_equal(title, 1);
    doc_free(d);
    pdf_pages_free(pg, 2);
}

/* A two-row header (a merged "Chỉ tiêu theo năm" over the year columns)
 * repeated at the top of the next page, a row's name cut by the page
 * break: one table, the repeated header dropped, the name's tail finishing
 * its row (pdf_layout.c repeated_head). Before, the spanning line fitted no
 * river, so a second table began and took the tail as a row of its own. */
static void test_two_row_header_repeated(void **state)
{
    (void)state;
    pdf_page *pg = pages_new(2);
    for (int p = 0; p < 2; p++) {
        double y = p ? 60 : 100;
        line_at(&pg[p], y, "Chỉ tiêu theo năm@300", 1);
        line_at(&pg[p], y + 16, "TT@60|Chỉ tiêu@100|Năm 2026@300|Năm 2027@370|Chủ trì@440", 1);
    }
    line_at(&pg[0], 140, "1@60|Tỷ lệ hồ sơ trực tuyến@100|60%@300|70%@370|Văn phòng@440", 0);
    line_at(&pg[0], 164, "2@60|Tỷ lệ hộ dân có tài khoản@100|50%@300|65%@370|Công an xã@440", 0);
    line_at(&pg[1], 100, "điện tử@100", 0);
    line_at(&pg[1], 124, "3@60|Số lượt tập huấn@100|500@300|800@370|Đoàn Thanh niên@440", 0);
    doc *d = layout(pg, 2);
    if (getenv("DTI_PDF_DEBUG"))
        doc_dump(d, stderr);
    const doc_table *t = nth_table(d, 0);
    assert_non_null(t);
    assert_null(nth_table(d, 1));
    assert_int_equal(t->ncols, 5);
    assert_int_equal(t->nrows, 5);   /* two header rows, three items */
    assert_string_equal(cell(t, 1, 2), "Năm 2026");
    assert_string_equal(cell(t, 3, 1), "Tỷ lệ hộ dân có tài khoản điện tử");
    assert_string_equal(cell(t, 3, 3), "65%");
    assert_string_equal(cell(t, 4, 0), "3");
    assert_string_equal(cell(t, 4, 1), "Số lượt tập huấn");
    assert_string_equal(cell(t, 4, 4), "Đoàn Thanh niên");
    doc_free(d);
    pdf_pages_free(pg, 2);
}

/* A line opening with a label ("Phối hợp: …") starts a paragraph of its
 * cell even when the line above filled the column. */
static void test_label_paragraphs(void **state)
{
    (void)state;
    pdf_page *pg = pages_new(1);
    line_at(&pg[0], 100, "TT@60|Chỉ tiêu@100|Cơ quan chủ trì/phối hợp@300", 1);
    line_at(&pg[0], 124, "1@60|Tỷ lệ văn bản ký số@100|Chủ trì: Văn phòng HĐND@300", 0);
    line_at(&pg[0], 140, "Phối hợp: Các phòng, ban@300", 0);
    line_at(&pg[0], 164, "2@60|Tỷ lệ hồ sơ trực tuyến@100|Chủ trì: Trung tâm Phục vụ@300", 0);
    line_at(&pg[0], 180, "hành chính công xã@300", 0);
    doc *d = layout(pg, 1);
    const doc_table *t = nth_table(d, 0);
    assert_non_null(t);
    assert_int_equal(t->nrows, 3);
    assert_string_equal(cell(t, 1, 2), "Chủ trì: Văn phòng HĐND\nPhối hợp: Các phòng, ban");
    assert_string_equal(cell(t, 2, 2), "Chủ trì: Trung tâm Phục vụ hành chính công xã");
    doc_free(d);
    pdf_pages_free(pg, 1);
}

/* No words at all: a scan, refused with a message saying so. */
/* pdf_sheet.c: a sheet's packed cells get a gutter at each grid line (a
 * column's words move together), "Sheet1" and "Page 1" go; a table whose
 * cells leave rivers, without a sheet's header or footer, is no sheet and
 * nothing moves. */
static const pdf_word *word_named(const pdf_page *pg, const char *text)
{
    for (size_t i = 0; i < pg->n; i++)
        if (strcmp(pg->words[i].text, text) == 0)
            return &pg->words[i];
    return NULL;
}

static void sheet_page(pdf_page *pg, double pad, int calc)
{
    /* grid lines at 90, 148 + pad, 210 + 2 pad: "aaaaaaaaa" ends at 144 */
    char l[4][128];
    snprintf(l[0], sizeof l[0], "STT@60|Nội dung@90|Chủ trì@%g|Thời gian@%g", 148 + pad, 210 + 2 * pad);
    snprintf(l[1], sizeof l[1], "aaaaaaaaa@90|Công an@%g|Quý II@%g", 148 + pad, 210 + 2 * pad);
    snprintf(l[2], sizeof l[2], "bbbbbbbbb@90|Phòng@%g|Năm 2026@%g", 148 + pad, 210 + 2 * pad);
    snprintf(l[3], sizeof l[3], "ccccccccc@90|Các thôn@%g|Tháng 6@%g", 148 + pad, 210 + 2 * pad);
    if (calc)   /* Calc's page header and footer */
        line_at(pg, 40, "Sheet1@280", 0);
    for (int i = 0; i < 4; i++)
        line_at(pg, 100 + 14 * i, l[i], 0);
    if (calc)
        line_at(pg, 800, "Page 1@280", 0);
}

static void test_sheet_gutters(void **state)
{
    (void)state;
    pdf_page *pg = pages_new(1);
    sheet_page(pg, 0, 1);
    size_t n = pg->n;
    assert_int_equal(pdf_sheet_normalise(pg, 1), 1);
    assert_int_equal(pg->n, n - 3);   /* "Sheet1", "Page", "1" */
    assert_null(word_named(pg, "Sheet1"));
    assert_null(word_named(pg, "Page"));
    double g = 3.0 * 3.5;
    assert_true(word_named(pg, "aaaaaaaaa")->x0 == 90);
    assert_true(word_named(pg, "Công")->x0 == 148 + g);
    assert_true(word_named(pg, "an")->x0 == word_named(pg, "Công")->x1 + 3.5);
    assert_true(word_named(pg, "Quý")->x0 == 210 + 2 * g);
    assert_int_equal(pg->sheet, 1);
    pdf_pages_free(pg, 1);

    /* the same table, its cells packed, without Calc's header and footer:
     * still a sheet */
    pg = pages_new(1);
    sheet_page(pg, 0, 0);
    assert_int_equal(pdf_sheet_normalise(pg, 1), 1);
    assert_true(word_named(pg, "Công")->x0 == 148 + g);
    pdf_pages_free(pg, 1);

    /* with cells padded as Word pads them: no sheet, nothing moves */
    pg = pages_new(1);
    sheet_page(pg, 8, 0);
    n = pg->n;
    assert_int_equal(pdf_sheet_normalise(pg, 1), 0);
    assert_int_equal(pg->n, n);
    assert_true(word_named(pg, "Công")->x0 == 156);
    assert_int_equal(pg->sheet, 0);
    pdf_pages_free(pg, 1);
}

static void test_scan(void **state)
{
    (void)state;
    pdf_page *pg = pages_new(3);
    doc *d = NULL;
    dti_err e;
    dti_err_clear(&e);
    assert_int_equal(pdf_layout(pg, 3, "scan.pdf", &d, &e), DTI_ERR_FORMAT);
    assert_null(d);
    assert_non_null(strstr(e.msg, "scan.pdf"));
    assert_non_null(strstr(e.msg, "OCR"));
    pdf_pages_free(pg, 3);
}

/* The whole reader on a fixture PDF (a .docx printed by LibreOffice). */
static void test_fixture_pdf(void **state)
{
    (void)state;
    const char *root = getenv("ROOT");
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/data/plans/nam-son-2026.pdf", root && *root ? root : ".");
    char *data = NULL;
    size_t n = 0;
    dti_err e;
    dti_err_clear(&e);
    if (file_read(path, IMPORT_MAX_BYTES, &data, &n, &e))
        fail_msg("%s", e.msg);
    doc *d = NULL;
    assert_ptr_equal(reader_detect(data, n, path, &e), &reader_pdf);
    if (reader_read(data, n, path, &d, &e))
        fail_msg("%s", e.msg);
    const doc_table *t = NULL;
    for (int k = 0; (t = nth_table(d, k)) && t->ncols < 5; k++)
        ;
    assert_non_null(t);
    assert_int_equal(t->ncols, 7);
    assert_string_equal(cell(t, 0, 2), "Kết quả thực hiện năm 2025");
    assert_string_equal(cell(t, 0, 6), "Đơn vị chủ trì");
    assert_string_equal(cell(t, 2, 0), "1.1");
    assert_string_equal(cell(t, 2, 4), "≥ 80%");
    doc_free(d);
    /* damaged */
    assert_int_equal(reader_read("%PDF-1.7\n1 0 obj\n", 17, "bad.pdf", &d, &e), DTI_ERR_FORMAT);
    assert_non_null(strstr(e.msg, "bad.pdf"));
    free(data);
}

/* Other programs' PDFs (docs/internals/import.md, "PDFs from other
 * programs"): a browser's page furniture is dropped (the stamp on top, the
 * address and page counter at the foot, which would else join the table),
 * and a narrow code column's header cut "ST" / "T" is one header cell, the
 * table's body starting at its first code, not at the "T". */
static void test_other_producers(void **state)
{
    (void)state;
    pdf_page *pg = pages_new(1);
    pg[0].width = 595, pg[0].height = 842;
    line_at(&pg[0], 10, "12/7/26, 8:59 AM@24|ke-hoach@300", 0);
    line_at(&pg[0], 60, "Thực hiện Kế hoạch số 12/KH-UBND, Ủy ban nhân dân xã ban hành Kế hoạch như sau:@60", 0);
    line_at(&pg[0], 100, "ST@60|Mục tiêu@240|Chủ trì@330", 1);
    line_at(&pg[0], 107, "Nội dung@100", 1);
    line_at(&pg[0], 114, "T@60", 1);
    line_at(&pg[0], 140, "1@60|Tỷ lệ hồ sơ trực tuyến@100|80%@240|Văn phòng@330", 0);
    line_at(&pg[0], 160, "2@60|Số điểm Wi-Fi@100|10 điểm@240|Các thôn@330", 0);
    line_at(&pg[0], 820, "file:///tmp/ke-hoach.html@24|1/1@560", 0);
    doc *d = layout(pg, 1);
    if (getenv("DTI_PDF_DEBUG"))
        doc_dump(d, stderr);
    assert_int_equal(d->blocks[0].kind, DOC_PARA);
    assert_string_equal(d->blocks[0].text, "Thực hiện Kế hoạch số 12/KH-UBND, Ủy ban nhân dân xã ban hành Kế hoạch như sau:");
    const doc_table *t = nth_table(d, 0);
    assert_non_null(t);
    assert_null(nth_table(d, 1));
    assert_int_equal(t->ncols, 4);
    assert_int_equal(t->nrows, 3);
    assert_string_equal(cell(t, 0, 0), "STT");
    assert_string_equal(cell(t, 0, 1), "Nội dung");
    assert_string_equal(cell(t, 1, 0), "1");
    assert_string_equal(cell(t, 2, 0), "2");
    assert_string_equal(cell(t, 2, 3), "Các thôn");
    for (size_t i = 0; i < d->n; i++)
        if (d->blocks[i].kind == DOC_PARA) {
            assert_null(strstr(d->blocks[i].text, "file://"));
            assert_null(strstr(d->blocks[i].text, "8:59"));
        }
    doc_free(d);
    pdf_pages_free(pg, 1);
}

/* A table of one row per (indicator, year), its indicator cells merged down
 * over the item's year rows and printed once, centred on them, as
 * LibreOffice prints such a .docx (ia-phin-2026-2028): each year line is a row
 * of its own with its target; the code, name, unit and lead stand on the
 * first year row, merged up below; a group name's second line stays the
 * group's and a three-line name centred on its middle year is whole
 * (pdf_layout.c year_rows, yr_home). Before: one row per item, "2026 2027
 * 2028" in one cell and only the first target read. */
static void test_year_rows(void **state)
{
    (void)state;
    pdf_page *pg = pages_new(1);
    line_at(&pg[0], 110, "STT@60|Tên chỉ tiêu@100|ĐVT@250|Năm@290|Chỉ tiêu@330|Chủ trì@420", 1);
    line_at(&pg[0], 150, "1.@60|Hạ tầng số và chính@100", 0);
    line_at(&pg[0], 172, "quyền số@100", 0);
    line_at(&pg[0], 200, "2026@290|≥ 90@330", 0);
    line_at(&pg[0], 224, "1.1@60|Tỷ lệ thôn có 4G@100|%@250|2027@290|≥ 95@330|Phòng Kinh tế@420", 0);
    line_at(&pg[0], 248, "2028@290|100@330", 0);
    line_at(&pg[0], 276, "Tối thiểu@330", 0);
    line_at(&pg[0], 283, "2026@290", 0);
    line_at(&pg[0], 290, "70@330", 0);
    line_at(&pg[0], 293, "Tỷ lệ hồ sơ thủ tục@100", 0);
    line_at(&pg[0], 307, "1.2@60|được tiếp nhận@100|%@250|2027@290|80@330|Trung tâm@420", 0);
    line_at(&pg[0], 321, "trực tuyến@100|Phục vụ@420", 0);
    line_at(&pg[0], 331, "2028@290|90@330", 0);
    doc *d = layout(pg, 1);
    if (getenv("DTI_PDF_DEBUG"))
        doc_dump(d, stderr);
    const doc_table *t = nth_table(d, 0);
    assert_non_null(t);
    assert_int_equal(t->ncols, 6);
    assert_int_equal(t->nrows, 8);
    assert_string_equal(cell(t, 1, 1), "Hạ tầng số và chính quyền số");
    assert_string_equal(cell(t, 2, 0), "1.1");
    assert_string_equal(cell(t, 2, 1), "Tỷ lệ thôn có 4G");
    assert_string_equal(cell(t, 2, 3), "2026");
    assert_string_equal(cell(t, 2, 4), "≥ 90");
    assert_string_equal(cell(t, 2, 5), "Phòng Kinh tế");
    assert_string_equal(cell(t, 3, 3), "2027");
    assert_string_equal(cell(t, 3, 4), "≥ 95");
    assert_int_equal(doc_cell_at((doc_table *)t, 3, 1)->merged, DOC_MERGE_UP);
    assert_string_equal(cell(t, 4, 3), "2028");
    assert_string_equal(cell(t, 4, 4), "100");
    assert_string_equal(cell(t, 5, 0), "1.2");
    assert_string_equal(cell(t, 5, 1), "Tỷ lệ hồ sơ thủ tục được tiếp nhận trực tuyến");
    assert_string_equal(cell(t, 5, 4), "Tối thiểu 70");
    assert_string_equal(cell(t, 5, 5), "Trung tâm Phục vụ");
    assert_string_equal(cell(t, 6, 4), "80");
    assert_int_equal(doc_cell_at((doc_table *)t, 6, 5)->merged, DOC_MERGE_UP);
    assert_string_equal(cell(t, 7, 3), "2028");
    assert_string_equal(cell(t, 7, 4), "90");
    doc_free(d);
    pdf_pages_free(pg, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table_across_pages),
        cmocka_unit_test(test_group_row_and_letterhead),
        cmocka_unit_test(test_header_at_page_foot),
        cmocka_unit_test(test_two_row_header_repeated),
        cmocka_unit_test(test_label_paragraphs),
        cmocka_unit_test(test_other_producers),
        cmocka_unit_test(test_year_rows),

        cmocka_unit_test(test_sheet_gutters),
        cmocka_unit_test(test_scan),
        cmocka_unit_test(test_fixture_pdf),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
