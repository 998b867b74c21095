/* test_read_office.c — the .docx and .xlsx readers (import/read_docx.c,
 * read_xlsx.c, ooxml.c): the real plans in $SHARED/plans/office, and small
 * packages built here from literal XML for each rule and each refusal. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "base/buf.h"
#include "base/file.h"
#include "import/doc.h"
#include "import/ooxml.h"
#include "import/reader.h"

/* ---- helpers ---- */

static char *read_shared(const char *rel, size_t *n)
{
    const char *shared = getenv("SHARED");
    if (!shared || !*shared)
        fail_msg("SHARED is not set (tests/run.sh sets it to the shared data folder)");
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", shared, rel);
    char *data = NULL;
    dti_err e;
    if (file_read(path, IMPORT_MAX_BYTES, &data, n, &e))
        fail_msg("cannot read %s: %s", path, e.msg);
    return data;
}

static doc *read_ok(const reader_ops *r, const char *data, size_t n, const char *name)
{
    doc *d = NULL;
    dti_err e;
    dti_err_clear(&e);
    dti_rc rc = r ? r->read(data, n, name, &d, &e) : reader_read(data, n, name, &d, &e);
    if (rc)
        fail_msg("%s: %s", name, e.msg);
    assert_non_null(d);
    return d;
}

static doc_table *nth_table(doc *d, size_t k)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->blocks[i].kind == DOC_TABLE && k-- == 0)
            return d->blocks[i].table;
    return NULL;
}

static size_t count_tables(const doc *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++)
        n += d->blocks[i].kind == DOC_TABLE;
    return n;
}

static const doc_block *find_para(const doc *d, const char *text)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->blocks[i].kind == DOC_PARA && strcmp(d->blocks[i].text, text) == 0)
            return &d->blocks[i];
    return NULL;
}

/* The row whose column COL reads TEXT, or -1. */
static long find_row(doc_table *t, size_t col, const char *text)
{
    for (size_t r = 0; r < t->nrows; r++)
        if (strcmp(doc_cell_at(t, r, col)->text, text) == 0)
            return (long)r;
    return -1;
}

static void assert_cell(doc_table *t, size_t r, size_t c, const char *text, int merged)
{
    doc_cell *x = doc_cell_at(t, r, c);
    assert_non_null(x);
    assert_string_equal(x->text, text);
    assert_int_equal(x->merged, merged);
}

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " \
             "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
#define S_NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " \
             "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

/* A .docx whose body is BODY, with NUMBERING and STYLES parts when not NULL. */
static char *make_docx(const char *body, const char *numbering, const char *styles, size_t *n)
{
    char *docxml = NULL;
    size_t len = strlen(body) + 512;
    docxml = malloc(len);
    assert_non_null(docxml);
    snprintf(docxml, len, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document " W_NS "><w:body>%s</w:body></w:document>",
             body);
    const char *names[4] = {"[Content_Types].xml", "word/document.xml"};
    const char *texts[4] = {"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>", docxml};
    size_t k = 2;
    char *num = NULL, *sty = NULL;
    if (numbering) {
        size_t l = strlen(numbering) + 256;
        num = malloc(l);
        assert_non_null(num);
        snprintf(num, l, "<w:numbering " W_NS ">%s</w:numbering>", numbering);
        names[k] = "word/numbering.xml";
        texts[k++] = num;
    }
    if (styles) {
        size_t l = strlen(styles) + 256;
        sty = malloc(l);
        assert_non_null(sty);
        snprintf(sty, l, "<w:styles " W_NS ">%s</w:styles>", styles);
        names[k] = "word/styles.xml";
        texts[k++] = sty;
    }
    char *out = NULL;
    assert_int_equal(ooxml_zip_build(names, texts, k, &out, n), 0);
    free(docxml);
    free(num);
    free(sty);
    return out;
}

/* A .xlsx with the given workbook <sheets>, the sheets' XML (sheet1, sheet2),
 * shared strings and styles (NULL: absent). */
static char *make_xlsx(const char *sheets, const char *sheet1, const char *sheet2, const char *sst,
                       const char *styles, size_t *n)
{
    char wb[2048];
    snprintf(wb, sizeof wb, "<workbook " S_NS "><sheets>%s</sheets></workbook>", sheets);
    const char *rels =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/>"
        "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"./styles.xml\"/>"
        "<Relationship Id=\"rId5\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"http://example.org/\" TargetMode=\"External\"/>"
        "</Relationships>";
    const char *names[6] = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels"};
    const char *texts[6] = {wb, rels};
    size_t k = 2;
    if (sheet1) {
        names[k] = "xl/worksheets/sheet1.xml";
        texts[k++] = sheet1;
    }
    if (sheet2) {
        names[k] = "xl/worksheets/sheet2.xml";
        texts[k++] = sheet2;
    }
    if (sst) {
        names[k] = "xl/sharedStrings.xml";
        texts[k++] = sst;
    }
    if (styles) {
        names[k] = "xl/styles.xml";
        texts[k++] = styles;
    }
    char *out = NULL;
    assert_int_equal(ooxml_zip_build(names, texts, k, &out, n), 0);
    return out;
}

static dti_rc read_fail(const reader_ops *r, const char *data, size_t n, const char *name, dti_err *e)
{
    doc *d = NULL;
    dti_err_clear(e);
    dti_rc rc = r ? r->read(data, n, name, &d, e) : reader_read(data, n, name, &d, e);
    assert_null(d);
    assert_int_not_equal(rc, DTI_OK);
    assert_int_equal(rc, e->code);
    assert_non_null(strstr(e->msg, name));       /* one line naming the file */
    assert_null(strchr(e->msg, '\n'));
    return rc;
}

/* Offset of the central directory header of entry NAME in a zip, or -1. */
static long central_entry(const char *z, size_t n, const char *name)
{
    size_t nl = strlen(name);
    for (size_t i = 0; i + 46 + nl <= n; i++)
        if (memcmp(z + i, "PK\x01\x02", 4) == 0 && (size_t)((unsigned char)z[i + 28] | (unsigned char)z[i + 29] << 8) == nl &&
            memcmp(z + i + 46, name, nl) == 0)
            return (long)i;
    return -1;
}

static long local_entry(const char *z, size_t n, const char *name)
{
    size_t nl = strlen(name);
    for (size_t i = 0; i + 30 + nl <= n; i++)
        if (memcmp(z + i, "PK\x03\x04", 4) == 0 && (size_t)((unsigned char)z[i + 26] | (unsigned char)z[i + 27] << 8) == nl &&
            memcmp(z + i + 30, name, nl) == 0)
            return (long)i;
    return -1;
}

static void put32(char *p, uint32_t v)
{
    p[0] = (char)(v & 0xFF);
    p[1] = (char)(v >> 8 & 0xFF);
    p[2] = (char)(v >> 16 & 0xFF);
    p[3] = (char)(v >> 24 & 0xFF);
}

/* ---- the real plans ---- */

static void test_minh_duc_docx(void **state)
{
    (void)state;
    size_t n;
    char *data = read_shared("plans/office/minh-duc-2026-2030-dti.docx", &n);
    assert_int_equal(reader_docx.sniff(data, n, "x"), 90);
    assert_int_equal(reader_xlsx.sniff(data, n, "x"), 0);
    doc *d = read_ok(NULL, data, n, "minh-duc.docx");   /* through detection */
    assert_true(d->n > 80);
    assert_int_equal(d->blocks[0].kind, DOC_PARA);
    assert_string_equal(d->blocks[0].text, "KẾ HOẠCH");
    assert_non_null(find_para(d, "trên địa bàn xã Minh Đức"));
    const doc_block *app = find_para(d, "PHỤ LỤC PHÂN CÔNG CHI TIẾT THỰC HIỆN CÁC CHỈ TIÊU DTI GIAI ĐOẠN 2026 - 2030 TẠI XÃ MINH ĐỨC");
    assert_non_null(app);
    assert_true(app->bold);
    assert_true(app->center);
    assert_false(find_para(d, "KẾ HOẠCH")->bold);

    assert_int_equal(count_tables(d), 1);
    doc_table *t = nth_table(d, 0);
    assert_int_equal(t->ncols, 9);
    assert_int_equal(t->nrows, 30);
    assert_false(t->continued);
    assert_cell(t, 0, 0, "Stt", DOC_MERGE_NONE);
    assert_cell(t, 0, 1, "Chỉ số", DOC_MERGE_NONE);
    assert_true(doc_cell_at(t, 0, 0)->bold);
    assert_cell(t, 0, 3, "Phân công tại cấp xã", DOC_MERGE_NONE);
    assert_cell(t, 0, 4, "", DOC_MERGE_LEFT);           /* gridSpan 2 */
    assert_cell(t, 1, 0, "", DOC_MERGE_UP);             /* vMerge continue */
    assert_cell(t, 1, 3, "Phòng ban tiếp nhận triển khai", DOC_MERGE_NONE);
    assert_cell(t, 1, 8, "", DOC_MERGE_UP);
    long g = find_row(t, 1, "Hạ tầng và Nền tảng số");
    assert_int_equal(g, 2);
    assert_cell(t, 2, 0, "1.", DOC_MERGE_NONE);
    for (size_t c = 2; c < 9; c++)
        assert_cell(t, 2, c, "", DOC_MERGE_LEFT);
    long r = find_row(t, 0, "4.4");
    assert_true(r > 0);
    assert_cell(t, (size_t)r, 5, "Đạt trên 1%", DOC_MERGE_NONE);
    assert_cell(t, (size_t)r, 4, "", DOC_MERGE_NONE);   /* an empty cell, not merged */
    assert_false(doc_cell_at(t, (size_t)r, 1)->bold);
    doc_free(d);
    free(data);
}

static void test_vinh_tru_docx(void **state)
{
    (void)state;
    size_t n;
    char *data = read_shared("plans/office/vinh-tru-2026.docx", &n);
    doc *d = read_ok(&reader_docx, data, n, "vinh-tru.docx");
    assert_string_equal(d->blocks[0].text, "Số: 35/KH-UBND");
    assert_int_equal(count_tables(d), 2);
    doc_table *t1 = nth_table(d, 0), *t2 = nth_table(d, 1);
    assert_int_equal(t1->ncols, 6);
    assert_int_equal(t2->ncols, 7);
    assert_false(t2->continued);        /* headings between, and another width */
    assert_cell(t1, 0, 0, "TT", DOC_MERGE_NONE);
    long r = find_row(t1, 0, "1.1");
    assert_true(r > 0);
    /* two paragraphs in one cell */
    assert_cell(t1, (size_t)r, 3, "Các phòng, ban, cơ quan, đơn vị\nCác thôn", DOC_MERGE_NONE);
    r = find_row(t1, 0, "2.");
    assert_true(r > 0);
    assert_cell(t1, (size_t)r, 1, "Hạ tầng số", DOC_MERGE_NONE);
    assert_cell(t1, (size_t)r, 5, "", DOC_MERGE_LEFT);
    r = find_row(t1, 0, "5.1");
    assert_true(r > 0);
    assert_non_null(strstr(doc_cell_at(t1, (size_t)r, 1)->text, "Đạt tối thiểu 0.70"));
    assert_cell(t2, 0, 1, "Nhiệm vụ", DOC_MERGE_NONE);
    r = find_row(t2, 0, "7");
    assert_true(r > 0);
    assert_cell(t2, (size_t)r, 5, "Quý II năm 2026", DOC_MERGE_NONE);
    doc_free(d);
    free(data);
}

static void test_vinh_thuan_docx(void **state)
{
    (void)state;
    size_t n;
    char *data = read_shared("plans/office/vinh-thuan-2026-dti.docx", &n);
    doc *d = read_ok(&reader_docx, data, n, "vinh-thuan.docx");
    assert_int_equal(count_tables(d), 0);
    assert_true(d->n >= 60);
    assert_string_equal(d->blocks[0].text, "KẾ HOẠCH");
    assert_non_null(find_para(d, "xã Vĩnh Thuận năm 2026"));
    for (size_t i = 0; i < d->n; i++) {
        assert_non_null(d->blocks[i].text);
        assert_int_not_equal(d->blocks[i].text[0], 0);      /* empty paragraphs skipped */
        assert_null(strchr(d->blocks[i].text, '\n'));
    }
    doc_free(d);
    free(data);
}

static void test_minh_duc_xlsx(void **state)
{
    (void)state;
    size_t n, nd;
    char *data = read_shared("plans/office/minh-duc-2026-2030-dti.xlsx", &n);
    char *ddata = read_shared("plans/office/minh-duc-2026-2030-dti.docx", &nd);
    assert_int_equal(reader_xlsx.sniff(data, n, "x"), 90);
    assert_int_equal(reader_docx.sniff(data, n, "x"), 0);
    doc *d = read_ok(NULL, data, n, "minh-duc.xlsx");
    doc *w = read_ok(&reader_docx, ddata, nd, "minh-duc.docx");
    assert_int_equal(d->n, 1);
    doc_table *t = nth_table(d, 0), *tw = nth_table(w, 0);
    assert_int_equal(t->line, 1);
    assert_cell(t, 0, 0, "Stt", DOC_MERGE_NONE);
    assert_cell(t, 0, 4, "", DOC_MERGE_LEFT);           /* D1:E1 */
    assert_cell(t, 1, 0, "", DOC_MERGE_UP);             /* A1:A2 */
    assert_cell(t, 1, 4, "Phòng ban phối hợp", DOC_MERGE_NONE);
    assert_cell(t, 2, 1, "Hạ tầng và Nền tảng số", DOC_MERGE_NONE);
    assert_cell(t, 2, 8, "", DOC_MERGE_LEFT);           /* B3:I3 */
    /* the workbook holds the same table as the Word document, slot for slot */
    assert_int_equal(t->nrows, tw->nrows);
    assert_int_equal(t->ncols, tw->ncols);
    for (size_t r = 0; r < t->nrows; r++)
        for (size_t c = 0; c < t->ncols; c++)
            assert_cell(t, r, c, doc_cell_at(tw, r, c)->text, doc_cell_at(tw, r, c)->merged);
    doc_free(d);
    doc_free(w);
    free(data);
    free(ddata);
}

/* ---- docx rules on small documents ---- */

#define P(text) "<w:p><w:r><w:t>" text "</w:t></w:r></w:p>"
#define TC(props, body) "<w:tc><w:tcPr>" props "</w:tcPr>" body "</w:tc>"

static void test_docx_merges(void **state)
{
    (void)state;
    const char *body =
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        "<w:tr>" TC("<w:gridSpan w:val=\"2\"/>", P("A")) TC("<w:vMerge w:val=\"restart\"/>", P("B")) "</w:tr>"
        "<w:tr>" TC("", P("C")) TC("", P("D1") P("") P("D2")) TC("<w:vMerge/>", P("ignored")) "</w:tr>"
        "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" TC("<w:gridSpan w:val=\"2\"/><w:vMerge w:val=\"continue\"/>", P("x")) "</w:tr>"
        "<w:tr>" TC("", P("E")) "</w:tr>"
        "</w:tbl>";
    size_t n;
    char *z = make_docx(body, NULL, NULL, &n);
    doc *d = read_ok(&reader_docx, z, n, "merge.docx");
    assert_int_equal(d->n, 1);
    doc_table *t = nth_table(d, 0);
    assert_int_equal(t->nrows, 4);
    assert_int_equal(t->ncols, 3);
    assert_cell(t, 0, 0, "A", DOC_MERGE_NONE);
    assert_cell(t, 0, 1, "", DOC_MERGE_LEFT);
    assert_cell(t, 0, 2, "B", DOC_MERGE_NONE);
    assert_cell(t, 1, 0, "C", DOC_MERGE_NONE);
    assert_cell(t, 1, 1, "D1\nD2", DOC_MERGE_NONE);     /* empty paragraph dropped */
    assert_cell(t, 1, 2, "", DOC_MERGE_UP);
    assert_cell(t, 2, 0, "", DOC_MERGE_NONE);           /* gridBefore */
    assert_cell(t, 2, 1, "", DOC_MERGE_UP);
    assert_cell(t, 2, 2, "", DOC_MERGE_UP);
    assert_cell(t, 3, 0, "E", DOC_MERGE_NONE);          /* short row padded */
    assert_cell(t, 3, 2, "", DOC_MERGE_NONE);
    doc_free(d);
    free(z);
}

static void test_docx_continued_and_nested(void **state)
{
    (void)state;
    const char *row2 = "<w:tr>" TC("", P("a")) TC("", P("b")) "</w:tr>";
    const char *row3 = "<w:tr>" TC("", P("a")) TC("", P("b")) TC("", P("c")) "</w:tr>";
    char body[4096];
    snprintf(body, sizeof body,
             "<w:tbl>%s</w:tbl>"
             "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
             "<w:tbl>%s</w:tbl>"             /* continues: same width, only an empty paragraph between */
             "<w:tbl>%s</w:tbl>"             /* another width */
             P("Bảng 2")
             "<w:tbl>%s</w:tbl>"             /* text between: a new table */
             "<w:tbl><w:tr>" TC("", P("outer")
                 "<w:tbl><w:tr>" TC("", P("n1")) TC("", P("n2") P("n3")) "</w:tr></w:tbl>") TC("", P("z")) "</w:tr></w:tbl>",
             row2, row2, row3, row3);
    size_t n;
    char *z = make_docx(body, NULL, NULL, &n);
    doc *d = read_ok(&reader_docx, z, n, "cont.docx");
    assert_int_equal(count_tables(d), 5);
    assert_false(nth_table(d, 0)->continued);
    assert_true(nth_table(d, 1)->continued);
    assert_false(nth_table(d, 2)->continued);
    assert_false(nth_table(d, 3)->continued);
    assert_false(nth_table(d, 4)->continued);   /* 2 columns after 3 */
    doc_table *t = nth_table(d, 4);
    assert_int_equal(t->ncols, 2);
    assert_cell(t, 0, 0, "outer\nn1\nn2\nn3", DOC_MERGE_NONE);  /* nested table flattened */
    assert_cell(t, 0, 1, "z", DOC_MERGE_NONE);
    doc_free(d);
    free(z);
}

/* A Word file made from a PDF: one paragraph per printed line. A line in
 * lower case after one cut mid-sentence goes on it; in a cell too, and
 * after a hyphen; a unit on a line of its own stays apart (issue 11). */
static void test_docx_printed_lines(void **state)
{
    (void)state;
#define PL(text) "<w:p><w:r><w:t xml:space=\"preserve\">" text "</w:t></w:r></w:p>"
#define TCL(paras) "<w:tc>" paras "</w:tc>"
    const char *body =
        PL("Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình đạt tối")
        PL("thiểu 80% trong năm 2026.")
        PL("a) Chỉ tiêu thứ nhất")
        PL("b) Chỉ tiêu thứ hai.")
        PL("Tăng cường ứng dụng công nghệ thông tin trong hoạt động của các cơ quan")
        PL("nhà nước, phục vụ người dân và doanh nghiệp trên địa bàn xã ngày càng")
        PL("tốt hơn, bảo đảm an toàn thông tin mạng và bảo vệ dữ liệu cá nhân theo")
        PL("quy định của pháp luật hiện hành về chuyển đổi số và an ninh mạng quốc")
        PL("gia.")
        "<w:tbl><w:tr>" TCL(PL("Tỷ lệ văn bản đi được ký số") PL("chuyên dùng")) TCL(PL("Phòng Văn hóa -") PL("Xã hội"))
        TCL(PL("Công an xã") PL("Các thôn")) "</w:tr></w:tbl>";
#undef PL
#undef TCL
    size_t n = 0;
    char *z = make_docx(body, NULL, NULL, &n);
    doc *d = read_ok(&reader_docx, z, n, "lines.docx");
    assert_int_equal(d->blocks[0].kind, DOC_PARA);
    assert_string_equal(d->blocks[0].text, "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình "
                                           "đạt tối thiểu 80% trong năm 2026.");
    assert_string_equal(d->blocks[1].text, "a) Chỉ tiêu thứ nhất");
    assert_string_equal(d->blocks[2].text, "b) Chỉ tiêu thứ hai.");
    assert_string_equal(d->blocks[3].text, "Tăng cường ứng dụng công nghệ thông tin trong hoạt động của các cơ quan "
                                           "nhà nước, phục vụ người dân và doanh nghiệp trên địa bàn xã ngày càng "
                                           "tốt hơn, bảo đảm an toàn thông tin mạng và bảo vệ dữ liệu cá nhân theo "
                                           "quy định của pháp luật hiện hành về chuyển đổi số và an ninh mạng quốc "
                                           "gia.");
    doc_table *t = d->blocks[4].table;
    assert_non_null(t);
    assert_string_equal(doc_cell_at(t, 0, 0)->text, "Tỷ lệ văn bản đi được ký số chuyên dùng");
    assert_string_equal(doc_cell_at(t, 0, 1)->text, "Phòng Văn hóa - Xã hội");
    assert_string_equal(doc_cell_at(t, 0, 2)->text, "Công an xã\nCác thôn");
    doc_free(d);
    free(z);
}

static void test_docx_lists_and_marks(void **state)
{
    (void)state;
    const char *numbering =
        "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/></w:lvl>"
        "<w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"decimal\"/></w:lvl></w:abstractNum>"
        "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"decimal\"/></w:lvl></w:abstractNum>"
        "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
        "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>";
    const char *styles =
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"u2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/>"
        "<w:rPr><w:b/></w:rPr></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"Sub\"><w:basedOn w:val=\"u2\"/><w:pPr><w:jc w:val=\"center\"/></w:pPr></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>";
#define NUMP(id, lvl, text) "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" lvl "\"/><w:numId w:val=\"" id "\"/></w:numPr></w:pPr><w:r><w:t>" text "</w:t></w:r></w:p>"
    const char *body =
        NUMP("1", "0", "mục một")
        NUMP("1", "1", "số ở cấp hai")
        NUMP("2", "0", "số một")
        NUMP("1", "0", "- đã có gạch")
        NUMP("0", "0", "không danh sách")
        "<w:p><w:pPr><w:pStyle w:val=\"ListBullet\"/></w:pPr><w:r><w:t>theo kiểu</w:t></w:r></w:p>"
        "<w:p><w:pPr><w:pStyle w:val=\"u2\"/></w:pPr><w:r><w:t>Tiêu đề hai</w:t></w:r></w:p>"
        "<w:p><w:pPr><w:pStyle w:val=\"Sub\"/></w:pPr><w:r><w:t>Kế thừa</w:t></w:r></w:p>"
        "<w:p><w:pPr><w:outlineLvl w:val=\"0\"/><w:jc w:val=\"center\"/></w:pPr><w:r><w:t>Cấp một</w:t></w:r></w:p>"
        "<w:p><w:r/><w:r><w:rPr><w:b/></w:rPr><w:t>Đậm </w:t></w:r><w:r><w:rPr><w:b w:val=\"1\"/></w:rPr><w:t>hết</w:t></w:r></w:p>"
        "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Đậm </w:t></w:r><w:r><w:t>một phần</w:t></w:r></w:p>"
        "<w:p><w:r><w:rPr><w:b w:val=\"0\"/></w:rPr><w:t>Không đậm</w:t></w:r></w:p>"
        "<w:p><w:r><w:rPr><w:b w:val=\"false\"/></w:rPr><w:t>Cũng không</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t> </w:t></w:r></w:p>"
        "<w:p><w:r><w:t>dòng</w:t><w:br/><w:t>mềm</w:t><w:tab/><w:t>tab</w:t></w:r>"
        "<w:del><w:r><w:delText>xoá</w:delText></w:r></w:del>"
        "<w:hyperlink><w:r><w:t xml:space=\"preserve\"> liên kết</w:t></w:r></w:hyperlink>"
        "<w:ins><w:r><w:t> chèn</w:t></w:r></w:ins></w:p>"
        "<w:sdt><w:sdtContent>" P("trong sdt") "</w:sdtContent></w:sdt>";
    size_t n;
    char *z = make_docx(body, numbering, styles, &n);
    doc *d = read_ok(&reader_docx, z, n, "list.docx");
    assert_non_null(find_para(d, "- mục một"));
    assert_non_null(find_para(d, "số ở cấp hai"));      /* numbered level: nothing added */
    assert_non_null(find_para(d, "số một"));
    assert_non_null(find_para(d, "- đã có gạch"));      /* marker not doubled */
    assert_non_null(find_para(d, "không danh sách"));
    assert_non_null(find_para(d, "- theo kiểu"));       /* numbering through the style */
    const doc_block *b = find_para(d, "Tiêu đề hai");
    assert_non_null(b);
    assert_int_equal(b->heading, 2);
    assert_true(b->bold);                               /* bold from the style */
    assert_false(b->center);
    b = find_para(d, "Kế thừa");
    assert_non_null(b);
    assert_int_equal(b->heading, 2);                    /* through basedOn */
    assert_true(b->center);
    b = find_para(d, "Cấp một");
    assert_int_equal(b->heading, 1);
    assert_true(b->center);
    assert_true(find_para(d, "Đậm hết")->bold);         /* empty run ignored */
    assert_false(find_para(d, "Đậm một phần")->bold);
    assert_false(find_para(d, "Không đậm")->bold);
    assert_false(find_para(d, "Cũng không")->bold);     /* a blank bold run does not count */
    assert_int_equal(find_para(d, "mục một") ? 1 : 0, 0);
    assert_non_null(find_para(d, "dòng mềm tab liên kết chèn"));
    assert_non_null(find_para(d, "trong sdt"));
    assert_int_equal(find_para(d, "không danh sách")->heading, 0);
    doc_free(d);
    free(z);
}

static void test_docx_text_box(void **state)
{
    (void)state;
    const char *box = "<w:txbxContent>" P("Trong hộp") "</w:txbxContent>";
    char body[2048];
    snprintf(body, sizeof body,
             "<w:p><w:r><w:t>Neo</w:t></w:r><w:r><mc:AlternateContent>"
             "<mc:Choice Requires=\"wps\"><w:drawing><x:shape xmlns:x=\"urn:x\"><x:txbx>%s</x:txbx></x:shape></w:drawing></mc:Choice>"
             "<mc:Fallback><w:pict><v:shape xmlns:v=\"urn:schemas-microsoft-com:vml\"><v:textbox>%s</v:textbox></v:shape></w:pict></mc:Fallback>"
             "</mc:AlternateContent></w:r></w:p>" P("Sau"),
             box, box);
    size_t n;
    char *z = make_docx(body, NULL, NULL, &n);
    doc *d = read_ok(&reader_docx, z, n, "box.docx");
    assert_int_equal(d->n, 3);                          /* the box once, not twice */
    assert_string_equal(d->blocks[0].text, "Neo");
    assert_string_equal(d->blocks[1].text, "Trong hộp");
    assert_string_equal(d->blocks[2].text, "Sau");
    doc_free(d);
    free(z);
}

/* ---- xlsx rules on small workbooks ---- */

static void test_xlsx_cells(void **state)
{
    (void)state;
    const char *sheets =
        "<sheet name=\"Ẩn\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/>"
        "<sheet name=\"Phụ lục\" sheetId=\"1\" r:id=\"rId1\"/>";
    const char *sst =
        "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        "<si><t>Chỉ tiêu</t></si>"
        "<si><r><rPr><b/></rPr><t>Đạt </t></r><r><t>tối thiểu</t></r><rPh><t>PHONETIC</t></rPh></si>"
        "<si><t>dòng một_x000D_\ndòng hai</t></si>"
        "<si><t>gạch_x005F_dưới</t></si>"
        "</sst>";
    const char *styles =
        "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        "<numFmts><numFmt numFmtId=\"164\" formatCode=\"0.0&quot;d&quot;%\"/><numFmt numFmtId=\"165\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
        "<fonts><font/><font><b/></font></fonts>"
        "<cellXfs><xf numFmtId=\"0\" fontId=\"0\"/><xf numFmtId=\"9\" fontId=\"0\"/><xf numFmtId=\"164\"/>"
        "<xf numFmtId=\"165\"/><xf numFmtId=\"0\" fontId=\"1\"/></cellXfs></styleSheet>";
    const char *sheet1 =
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        "<row r=\"2\"><c r=\"B2\" t=\"s\" s=\"4\"><v>0</v></c><c r=\"C2\" t=\"inlineStr\"><is><t>Năm 2026</t></is></c>"
        "<c r=\"D2\" s=\"4\"/></row>"
        "<row r=\"3\"><c r=\"B3\" t=\"s\"><v>1</v></c><c r=\"C3\" s=\"1\"><v>0.7</v></c><c r=\"D3\" s=\"2\"><v>0.25</v></c></row>"
        "<row r=\"5\"><c r=\"B5\" t=\"s\"><v>2</v></c><c><v>0.70000000000000007</v></c><c><v>12</v></c></row>"
        "<row r=\"6\"><c r=\"B6\" t=\"s\"><v>3</v></c><c r=\"C6\" s=\"3\"><v>46387</v></c>"
        "<c r=\"D6\" t=\"b\"><v>1</v></c><c r=\"E6\" t=\"str\"><v>  </v></c></row>"
        "<row r=\"7\"><c r=\"B7\" t=\"s\"><v>99</v></c><c r=\"H7\" t=\"inlineStr\"><is><t></t></is></c></row>"
        "</sheetData><mergeCells><mergeCell ref=\"C2:D2\"/><mergeCell ref=\"B5:B6\"/><mergeCell ref=\"A1:A9\"/></mergeCells></worksheet>";
    const char *sheet2 =
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>ẩn</t></is></c></row></sheetData></worksheet>";
    size_t n;
    char *z = make_xlsx(sheets, sheet1, sheet2, sst, styles, &n);
    doc *d = read_ok(NULL, z, n, "cells.xlsx");
    assert_int_equal(d->n, 1);                          /* the hidden sheet is skipped */
    doc_table *t = nth_table(d, 0);
    assert_int_equal(t->line, 2);                       /* empty row 1 trimmed */
    assert_int_equal(t->nrows, 5);                      /* rows 2..6: trailing empties trimmed */
    assert_int_equal(t->ncols, 3);                      /* B..D: empty A and E.. trimmed */
    assert_cell(t, 0, 0, "Chỉ tiêu", DOC_MERGE_NONE);
    assert_true(doc_cell_at(t, 0, 0)->bold);
    assert_false(doc_cell_at(t, 0, 1)->bold);
    assert_cell(t, 0, 1, "Năm 2026", DOC_MERGE_NONE);
    assert_cell(t, 0, 2, "", DOC_MERGE_LEFT);
    assert_cell(t, 1, 0, "Đạt tối thiểu", DOC_MERGE_NONE);    /* rich text, phonetic skipped */
    assert_cell(t, 1, 1, "70%", DOC_MERGE_NONE);        /* percent format */
    assert_cell(t, 1, 2, "25%", DOC_MERGE_NONE);        /* custom percent format */
    assert_cell(t, 2, 0, "", DOC_MERGE_NONE);           /* the empty row 4 stays */
    assert_cell(t, 3, 0, "dòng một\ndòng hai", DOC_MERGE_NONE);
    assert_cell(t, 3, 1, "0.7", DOC_MERGE_NONE);        /* float noise rounded */
    assert_cell(t, 3, 2, "12", DOC_MERGE_NONE);         /* cells without refs follow */
    assert_cell(t, 4, 0, "", DOC_MERGE_UP);             /* B5:B6; its own text dropped */
    assert_cell(t, 4, 1, "31/12/2026", DOC_MERGE_NONE); /* date format */
    assert_cell(t, 4, 2, "TRUE", DOC_MERGE_NONE);
    doc_free(d);
    free(z);

    /* the shared string with an escaped underscore, where the merge was */
    const char *sheet3 =
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        "<row><c t=\"s\"><v>3</v></c></row></sheetData></worksheet>";
    z = make_xlsx("<sheet name=\"a\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"b\" sheetId=\"2\" r:id=\"rId2\"/>",
                  sheet3, sheet3, sst, NULL, &n);
    d = read_ok(&reader_xlsx, z, n, "two.xlsx");
    assert_int_equal(count_tables(d), 2);               /* every visible sheet, in order */
    assert_cell(nth_table(d, 1), 0, 0, "gạch_dưới", DOC_MERGE_NONE);
    doc_free(d);
    free(z);
}

/* ---- refusals ---- */

static void test_damaged(void **state)
{
    (void)state;
    dti_err e;
    size_t n;
    char *data = read_shared("plans/office/minh-duc-2026-2030-dti.docx", &n);
    /* truncated: the central directory is gone */
    assert_int_equal(read_fail(&reader_docx, data, n / 2, "cut.docx", &e), DTI_ERR_FORMAT);
    assert_int_equal(read_fail(NULL, data, n - 30, "cut.docx", &e), DTI_ERR_FORMAT);
    assert_true(strstr(e.msg, "hỏng") || strstr(e.msg, "damaged"));
    assert_int_equal(read_fail(NULL, data, n - 30, "cut.bin", &e), DTI_ERR_FORMAT);
    assert_int_equal(reader_docx.sniff(data, n / 2, "cut.bin"), 0);
    assert_int_equal(reader_docx.sniff(data, n / 2, "cut.DOCX"), 10);  /* damaged: the name decides */
    assert_int_equal(reader_xlsx.sniff(data, n / 2, "cut.docx"), 0);
    free(data);

    /* a zip with neither part */
    const char *names[] = {"readme.txt"};
    const char *texts[] = {"hello"};
    char *z;
    assert_int_equal(ooxml_zip_build(names, texts, 1, &z, &n), 0);
    assert_int_equal(read_fail(NULL, z, n, "other.zip", &e), DTI_ERR_FORMAT);
    assert_int_equal(read_fail(&reader_docx, z, n, "other.zip", &e), DTI_ERR_FORMAT);
    assert_non_null(strstr(e.msg, "word/document.xml"));
    assert_int_equal(read_fail(&reader_xlsx, z, n, "other.zip", &e), DTI_ERR_FORMAT);
    assert_non_null(strstr(e.msg, "xl/workbook.xml"));
    free(z);

    /* XML errors name the part */
    const char *bad[] = {"word/document.xml"};
    const char *badx[] = {"<w:document " W_NS "><w:body><w:p></w:body></w:document>"};
    assert_int_equal(ooxml_zip_build(bad, badx, 1, &z, &n), 0);
    assert_int_equal(read_fail(&reader_docx, z, n, "badxml.docx", &e), DTI_ERR_FORMAT);
    assert_non_null(strstr(e.msg, "word/document.xml"));
    free(z);
    /* a DTD (the door to entity expansion) is refused */
    const char *dtd[] = {"<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
                         "<w:document " W_NS "><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"};
    assert_int_equal(ooxml_zip_build(bad, dtd, 1, &z, &n), 0);
    assert_int_equal(read_fail(&reader_docx, z, n, "dtd.docx", &e), DTI_ERR_FORMAT);
    free(z);
    /* a bad styles or numbering part is an error too, naming it */
    z = make_docx(P("x"), "<w:num", NULL, &n);
    assert_int_equal(read_fail(&reader_docx, z, n, "badnum.docx", &e), DTI_ERR_FORMAT);
    assert_non_null(strstr(e.msg, "word/numbering.xml"));
    free(z);
    /* a sheet named in the workbook but missing */
    z = make_xlsx("<sheet name=\"a\" sheetId=\"1\" r:id=\"rId1\"/>", NULL, NULL, NULL, NULL, &n);
    assert_int_equal(read_fail(&reader_xlsx, z, n, "nosheet.xlsx", &e), DTI_ERR_FORMAT);
    assert_non_null(strstr(e.msg, "xl/worksheets/sheet1.xml"));
    free(z);
}

static void test_limits_and_password(void **state)
{
    (void)state;
    dti_err e;
    size_t n;
    char *z = make_docx(P("Nội dung"), NULL, NULL, &n);
    /* an entry claiming a huge uncompressed size is refused before inflating */
    char *huge = malloc(n);
    assert_non_null(huge);
    memcpy(huge, z, n);
    long c = central_entry(huge, n, "word/document.xml"), l = local_entry(huge, n, "word/document.xml");
    assert_true(c >= 0 && l >= 0);
    put32(huge + c + 24, 0x7FFFFFF0u);
    put32(huge + l + 22, 0x7FFFFFF0u);
    assert_int_equal(read_fail(&reader_docx, huge, n, "bomb.docx", &e), DTI_ERR_TOOBIG);
    assert_non_null(strstr(e.msg, "word/document.xml"));
    /* one claiming less than it holds cannot inflate past its claim */
    memcpy(huge, z, n);
    put32(huge + c + 24, 10);
    put32(huge + l + 22, 10);
    assert_int_equal(read_fail(&reader_docx, huge, n, "liar.docx", &e), DTI_ERR_FORMAT);
    /* an encrypted entry: a password message */
    memcpy(huge, z, n);
    huge[c + 8] |= 1;
    huge[l + 6] |= 1;
    assert_int_equal(read_fail(&reader_docx, huge, n, "locked.docx", &e), DTI_ERR_FORMAT);
    assert_true(strstr(e.msg, "mật khẩu") || strstr(e.msg, "password"));
    free(huge);
    /* the untouched package still reads */
    doc *d = read_ok(&reader_docx, z, n, "ok.docx");
    assert_string_equal(d->blocks[0].text, "Nội dung");
    doc_free(d);
    free(z);

    /* too many columns */
    buf b;
    buf_init(&b, 0);
    buf_adds(&b, "<w:tbl><w:tr>");
    for (int i = 0; i < DOC_MAX_COLS + 1; i++)
        buf_adds(&b, "<w:tc>" P("c") "</w:tc>");
    buf_adds(&b, "</w:tr></w:tbl>");
    assert_false(buf_failed(&b));
    z = make_docx(b.ptr, NULL, NULL, &n);
    buf_release(&b);
    assert_int_equal(read_fail(&reader_docx, z, n, "wide.docx", &e), DTI_ERR_TOOBIG);
    free(z);
    z = make_xlsx("<sheet name=\"rộng\" sheetId=\"1\" r:id=\"rId1\"/>",
                  "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                  "<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"BZ1\"><v>2</v></c></row></sheetData></worksheet>",
                  NULL, NULL, NULL, &n);
    assert_int_equal(read_fail(&reader_xlsx, z, n, "wide.xlsx", &e), DTI_ERR_TOOBIG);
    assert_non_null(strstr(e.msg, "rộng"));
    free(z);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_minh_duc_docx),
        cmocka_unit_test(test_vinh_tru_docx),
        cmocka_unit_test(test_vinh_thuan_docx),
        cmocka_unit_test(test_minh_duc_xlsx),
        cmocka_unit_test(test_docx_merges),
        cmocka_unit_test(test_docx_continued_and_nested),
        cmocka_unit_test(test_docx_printed_lines),
        cmocka_unit_test(test_docx_lists_and_marks),
        cmocka_unit_test(test_docx_text_box),
        cmocka_unit_test(test_xlsx_cells),
        cmocka_unit_test(test_damaged),
        cmocka_unit_test(test_limits_and_password),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
