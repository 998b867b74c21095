/* test_pdf_plain.c — tables in plain pdftotext text (import/pdf_plain.c),
 * read through the text reader as `dti extract` does. Each text is written
 * in the shapes pdftotext prints without -layout (one cell a block of lines,
 * blank lines between blocks, cells out of order); the cells each rule must
 * put in place are checked one by one. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "import/extract.h"
#include "import/reader.h"

static doc *read_text(const char *text)
{
    doc *d = NULL;
    dti_err e;
    dti_err_clear(&e);
    assert_int_equal(reader_text.read(text, strlen(text), "test", &d, &e), DTI_OK);
    assert_non_null(d);
    return d;
}

static doc_table *first_table(doc *d)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->blocks[i].kind == DOC_TABLE)
            return d->blocks[i].table;
    return NULL;
}

/* Text of the cell of row R under the header cell HEAD. */
static const char *cell(doc_table *t, size_t r, const char *head)
{
    for (size_t c = 0; c < t->ncols; c++)
        if (!strcmp(t->cells[c].text, head))
            return t->cells[r * t->ncols + c].text;
    fail_msg("no column %s", head);
    return NULL;
}

/* "STT Nội dung" on one line, cells one block each, a unit cell before the
 * target although the header puts targets first: columns by what cells hold. */
static void test_blocks_by_kind(void **state)
{
    (void)state;
    doc *d = read_text("KẾ HOẠCH\nChuyển đổi số xã Thử năm 2026\n\n"
                       "STT Nội dung chỉ tiêu\n\nChỉ tiêu\nnăm 2026\n\nĐơn vị chủ\ntrì\n\nThời hạn\n\n"
                       "I\n\nHạ tầng số\n\n"
                       "1\n\nTỷ lệ thôn có điểm\nWi-Fi công cộng\n\nPhòng Văn hóa\n- Xã hội\n\nTối thiểu\n80%\n\nTháng\n10/2026\n\n"
                       "2\n\nSố camera an ninh\nđược kết nối\n\n12 camera\n\nCông an xã\n\nQuý\nIII/2026\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_int_equal(t->nrows, 4);
    assert_string_equal(t->cells[0].text, "STT");
    assert_string_equal(cell(t, 1, "STT"), "I");
    assert_string_equal(cell(t, 1, "Nội dung chỉ tiêu"), "Hạ tầng số");
    assert_string_equal(cell(t, 2, "Nội dung chỉ tiêu"), "Tỷ lệ thôn có điểm Wi-Fi công cộng");
    assert_string_equal(cell(t, 2, "Đơn vị chủ trì"), "Phòng Văn hóa - Xã hội");
    assert_string_equal(cell(t, 2, "Chỉ tiêu năm 2026"), "Tối thiểu 80%");
    assert_string_equal(cell(t, 2, "Thời hạn"), "Tháng 10/2026");
    assert_string_equal(cell(t, 3, "Chỉ tiêu năm 2026"), "12 camera");
    assert_string_equal(cell(t, 3, "Đơn vị chủ trì"), "Công an xã");
    assert_string_equal(cell(t, 3, "Thời hạn"), "Quý III/2026");
    /* the table model reads it: two indicators with their targets */
    plan *p = NULL;
    dti_err e;
    dti_err_clear(&e);
    assert_int_equal(extract_plan(d, &p, NULL, &e), DTI_OK);
    assert_int_equal(p->nindicators, 2);
    assert_int_equal(p->indicators[0]->lead.n, 1);
    assert_string_equal(p->indicators[0]->lead.v[0], "Phòng Văn hóa - Xã hội");
    plan_free(p);
    doc_free(d);
}

/* Two cells pdftotext interleaved line by line, and a second cell glued to
 * a line of the first, are taken apart; a code printed after its row's
 * cells opens the row that holds them. */
static void test_interleaved_and_late_code(void **state)
{
    (void)state;
    doc *d = read_text("STT\n\nNội dung\n\nĐơn vị chủ trì\n\nĐơn vị phối hợp\n\nThời hạn\n\n"
                       /* name and lead interleaved: lead on the name's 2nd line */
                       "1\n\nTỷ lệ hộ gia đình sử dụng Internet\nPhòng Kinh tế\ncáp quang băng rộng\n\n"
                       "Tháng 12/2026\n\n"
                       /* the lead glued to the name's first line */
                       "2\n\nSố hộ được hướng dẫn kỹ Phòng Văn hóa\nnăng số cơ bản\n- Xã hội\n\n"
                       "Các phòng\nchuyên môn\n\nQuý IV/2026\n\n"
                       /* row 3's cells before its code; lead and support interleaved */
                       "Tỷ lệ người dân có tài khoản định danh\n\n"
                       "Trung tâm Phục\nCác phòng\nvụ hành chính\nchuyên môn\ncông xã\n\nThường xuyên\n\n3\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_int_equal(t->nrows, 4);
    assert_string_equal(cell(t, 1, "Nội dung"), "Tỷ lệ hộ gia đình sử dụng Internet cáp quang băng rộng");
    assert_string_equal(cell(t, 1, "Đơn vị chủ trì"), "Phòng Kinh tế");
    assert_string_equal(cell(t, 1, "Đơn vị phối hợp"), "");
    assert_string_equal(cell(t, 2, "Nội dung"), "Số hộ được hướng dẫn kỹ năng số cơ bản");
    assert_string_equal(cell(t, 2, "Đơn vị chủ trì"), "Phòng Văn hóa - Xã hội");
    assert_string_equal(cell(t, 2, "Đơn vị phối hợp"), "Các phòng chuyên môn");
    assert_string_equal(cell(t, 3, "STT"), "3");
    assert_string_equal(cell(t, 3, "Nội dung"), "Tỷ lệ người dân có tài khoản định danh");
    assert_string_equal(cell(t, 3, "Đơn vị chủ trì"), "Trung tâm Phục vụ hành chính công xã");
    assert_string_equal(cell(t, 3, "Đơn vị phối hợp"), "Các phòng chuyên môn");
    assert_string_equal(cell(t, 3, "Thời hạn"), "Thường xuyên");
    doc_free(d);
}

/* Header cells among the first rows' cells and a page's right-hand cells
 * printed before "STT": each cell fills the next hole of its kind. */
static void test_cells_before_header(void **state)
{
    (void)state;
    doc *d = read_text("(Kèm theo Kế hoạch số 1/KH-UBND)\n"
                       "Năm 2026\n\nNăm 2027\n\n90%\n\n95%\n\n60%\n\n80%\n\n"
                       "STT\n\nChỉ tiêu\n\n1\n\nTỷ lệ thôn có sóng 4G\n\n"
                       "2\n\nTỷ lệ hộ có cáp quang\n\n"
                       "Nơi nhận:\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_int_equal(t->nrows, 3);
    assert_string_equal(cell(t, 1, "Năm 2026"), "90%");
    assert_string_equal(cell(t, 1, "Năm 2027"), "95%");
    assert_string_equal(cell(t, 2, "Năm 2026"), "60%");
    assert_string_equal(cell(t, 2, "Năm 2027"), "80%");
    /* the lines before "STT" are the table's, not paragraphs; the title stays */
    assert_int_equal(d->blocks[0].kind, DOC_PARA);
    assert_string_equal(d->blocks[0].text, "(Kèm theo Kế hoạch số 1/KH-UBND)");
    assert_int_equal(d->blocks[1].kind, DOC_TABLE);
    doc_free(d);
}

/* Before "TT", header cells and a body cell wrapped over two lines ("Quý" /
 * "II/2026", no line of it a due phrase alone): the lines are the table's. */
static void test_wrapped_cell_before_header(void **state)
{
    (void)state;
    doc *d = read_text("(Kèm theo Kế hoạch số 15/KH-UBND)\n"
                       "Đơn vị chủ\ntrì\n\nLộ trình\nthực\nhiện\n\nQuý\nII/2026\n\n"
                       "TT\n\nNội dung nhiệm\nvụ\n\n"
                       "1\n\nLắp đặt Wi-Fi công cộng\n\nPhòng Văn hóa\n- Xã hội\n\n"
                       "2\n\nSố hóa hồ sơ hộ tịch\n\nCông an xã\n\nTháng\n10/2026\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_int_equal(t->nrows, 3);
    assert_string_equal(cell(t, 1, "Lộ trình thực hiện"), "Quý II/2026");
    assert_string_equal(cell(t, 1, "Đơn vị chủ trì"), "Phòng Văn hóa - Xã hội");
    assert_string_equal(cell(t, 2, "Lộ trình thực hiện"), "Tháng 10/2026");
    doc_free(d);
}

/* A page number last on its page, a header repeated on the next page, a
 * name cut by the page break going on in lower case. */
static void test_page_break(void **state)
{
    (void)state;
    doc *d = read_text("STT\n\nNội dung\n\nĐơn vị chủ trì\n\nThời hạn\n\n"
                       "1\n\nTỷ lệ hồ sơ xử lý\n\nVăn phòng HĐND và\nUBND xã\n\nThường xuyên\n\n"
                       "2\n\nTỷ lệ văn bản đi được ký số và gửi\n\nCông an xã\n\nTháng 6/2026\n\n7\n"
                       "\fSTT\n\nNội dung\n\nĐơn vị chủ trì\n\nThời hạn\n\ntrên môi trường mạng\n\n"
                       "3\n\nSố người dân được tập huấn\n\nPhòng Kinh tế\n\nQuý I/2026\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_int_equal(t->nrows, 4);
    assert_string_equal(cell(t, 2, "Nội dung"), "Tỷ lệ văn bản đi được ký số và gửi trên môi trường mạng");
    assert_string_equal(cell(t, 1, "Đơn vị chủ trì"), "Văn phòng HĐND và UBND xã");
    assert_string_equal(cell(t, 3, "STT"), "3");
    assert_string_equal(cell(t, 3, "Thời hạn"), "Quý I/2026");
    doc_free(d);
}

/* Two header cells side by side whose lines alternate, the second's first
 * line itself a header ("Kết quả" / "Thời hạn" / "thực hiện" / "hoàn" …):
 * taken apart line by line, so the first is the baseline "Kết quả thực
 * hiện năm 2025", not a products column "Kết quả". */
static void test_alternating_headers(void **state)
{
    (void)state;
    doc *d = read_text("STT\n\nTên chỉ tiêu\n\n"
                       "Kết quả\nThời hạn\nthực hiện\nhoàn\nnăm\nthành\n2025\n\n"
                       "Chỉ tiêu\nnăm\n2026\n\n"
                       "1\n\nTỷ lệ hồ sơ trực tuyến\n\n65%\n\n80%\n\nTháng\n6/2026\n\n"
                       "2\n\nTỷ lệ văn bản ký số\n\n70%\n\n90%\n\nQuý\nIV/2026\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_int_equal(t->nrows, 3);
    assert_string_equal(cell(t, 1, "Kết quả thực hiện năm 2025"), "65%");
    assert_string_equal(cell(t, 1, "Chỉ tiêu năm 2026"), "80%");
    assert_string_equal(cell(t, 1, "Thời hạn hoàn thành"), "Tháng 6/2026");
    assert_string_equal(cell(t, 2, "Kết quả thực hiện năm 2025"), "70%");
    assert_string_equal(cell(t, 2, "Thời hạn hoàn thành"), "Quý IV/2026");
    doc_free(d);
}

/* Lines that are not blocks of cells (one word a line, nothing but names)
 * stay paragraphs: a wrong table is worse than none. */
static void test_unsure_is_paragraphs(void **state)
{
    (void)state;
    doc *d = read_text("STT Nội dung\n\n1\n\nMột việc cần làm\n\n2\n\nHai việc cần làm\n\n3\n\nBa việc\n");
    assert_null(first_table(d));
    assert_true(d->n > 0);
    doc_free(d);
}

/* No code column: each row's code leads its name ("1.1. Tỷ lệ …", a group
 * "1. Hạ tầng số" on the line before); the table opens at the name header.
 * A numbered list in prose with no header cells after it is no table. */
static void test_codes_lead_names(void **state)
{
    (void)state;
    doc *d = read_text("PHỤ LỤC\n(Kèm theo Kế hoạch số 1/KH-UBND)\nNội dung chỉ tiêu\n\nGiá trị\nmục tiêu\n\n"
                       "Đơn vị chủ trì\n\nThời hạn\nhoàn thành\n\n"
                       "1. Hạ tầng số\n1.1. Tỷ lệ thôn có điểm Wi-Fi\ncông cộng miễn phí\n\nTối thiểu\n80%\n\n"
                       "Phòng Văn hóa - Xã hội\n\nTháng\n8/2026\n\n"
                       "1.2. Số camera an ninh\nđược kết nối\n\n12 camera\n\nCông an xã\n\nQuý\nIII/2026\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_int_equal(t->nrows, 4);
    assert_string_equal(cell(t, 1, "STT"), "1");
    assert_string_equal(cell(t, 1, "Nội dung chỉ tiêu"), "Hạ tầng số");
    assert_string_equal(cell(t, 2, "STT"), "1.1");
    assert_string_equal(cell(t, 2, "Nội dung chỉ tiêu"), "Tỷ lệ thôn có điểm Wi-Fi công cộng miễn phí");
    assert_string_equal(cell(t, 2, "Giá trị mục tiêu"), "Tối thiểu 80%");
    assert_string_equal(cell(t, 2, "Đơn vị chủ trì"), "Phòng Văn hóa - Xã hội");
    assert_string_equal(cell(t, 3, "STT"), "1.2");
    assert_string_equal(cell(t, 3, "Giá trị mục tiêu"), "12 camera");
    assert_string_equal(cell(t, 3, "Thời hạn hoàn thành"), "Quý III/2026");
    doc_free(d);
    d = read_text("Nội dung\n\n1. Rà soát hạ tầng mạng của xã.\n2. Tập huấn kỹ năng số cho cán bộ.\n");
    assert_null(first_table(d));
    doc_free(d);
}

/* Two rows printed name by name (code, name, code, name), then the first
 * row's cells, then the second's: each row gets its own; and when the
 * cells after such a run are one row's worth, they are the last row's. */
static void test_rows_named_first(void **state)
{
    (void)state;
    doc *d = read_text("STT\n\nNội dung\n\nChỉ tiêu\n2026\n\nCơ quan chủ\ntrì\n\nCơ quan phối\nhợp\n\nThời gian\n\n"
                       "1\n\nSố tài khoản định danh\nđiện tử được kích hoạt\n\n"
                       "2\n\nTỷ lệ hộ gia đình được\nphổ biến kỹ năng số\n\n"
                       "4.500\n\nCông an xã\n\nCác thôn\n\nTháng\n12/2026\n\n"
                       "Trên 60%\n\nPhòng Văn hóa\n- Xã hội\n\nĐoàn Thanh niên xã\n\nQuý IV/2026\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_int_equal(t->nrows, 3);
    assert_string_equal(cell(t, 1, "Chỉ tiêu 2026"), "4.500");
    assert_string_equal(cell(t, 1, "Cơ quan chủ trì"), "Công an xã");
    assert_string_equal(cell(t, 1, "Cơ quan phối hợp"), "Các thôn");
    assert_string_equal(cell(t, 1, "Thời gian"), "Tháng 12/2026");
    assert_string_equal(cell(t, 2, "Chỉ tiêu 2026"), "Trên 60%");
    assert_string_equal(cell(t, 2, "Cơ quan chủ trì"), "Phòng Văn hóa - Xã hội");
    assert_string_equal(cell(t, 2, "Thời gian"), "Quý IV/2026");
    doc_free(d);
    d = read_text("STT\n\nNội dung\n\nChỉ tiêu\n2026\n\nCơ quan chủ\ntrì\n\nThời gian\n\n"
                  "1\n\nSố tài khoản định danh\nđiện tử được kích hoạt\n\n4.500\n\nCông an xã\n\nTháng\n12/2026\n\n"
                  "2\n\nSố hộ có địa chỉ số\n\n3\n\nTỷ lệ hộ gia đình được\nphổ biến kỹ năng số\n\n"
                  "Trên 60%\n\nPhòng Văn hóa\n- Xã hội\n\nQuý IV/2026\n\n4\n\nSố camera an ninh\n\n12 camera\n\n"
                  "Công an xã\n\nQuý II/2026\n");
    t = first_table(d);
    assert_non_null(t);
    assert_int_equal(t->nrows, 5);
    assert_string_equal(cell(t, 3, "Chỉ tiêu 2026"), "Trên 60%");
    assert_string_equal(cell(t, 3, "Thời gian"), "Quý IV/2026");
    assert_string_equal(cell(t, 4, "Chỉ tiêu 2026"), "12 camera");
    doc_free(d);
}

/* Codes printed as a run ("5" / "6"), then the rows' names in order, then
 * each row's cells: a row each, named in order. */
static void test_code_run(void **state)
{
    (void)state;
    doc *d = read_text("STT\n\nNội dung\n\nChỉ tiêu\n2026\n\nCơ quan chủ\ntrì\n\nThời gian\n\n"
                       "1\n\nTỷ lệ văn bản được ký số\n\n100%\n\nVăn phòng HĐND\nvà UBND xã\n\nThường xuyên\n\n"
                       "2\n\n3\n\nTỷ lệ thôn có cáp quang\nđến trung tâm thôn\n\nTỷ lệ máy tính được cài\nphần mềm diệt mã độc\n\n"
                       "Đạt 90%\n\nPhòng Văn hóa\n- Xã hội\n\nTháng\n9/2026\n\n"
                       "100%\n\nCông an xã\n\nTháng\n3/2026\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_int_equal(t->nrows, 4);
    assert_string_equal(cell(t, 2, "STT"), "2");
    assert_string_equal(cell(t, 2, "Nội dung"), "Tỷ lệ thôn có cáp quang đến trung tâm thôn");
    assert_string_equal(cell(t, 2, "Chỉ tiêu 2026"), "Đạt 90%");
    assert_string_equal(cell(t, 2, "Thời gian"), "Tháng 9/2026");
    assert_string_equal(cell(t, 3, "STT"), "3");
    assert_string_equal(cell(t, 3, "Nội dung"), "Tỷ lệ máy tính được cài phần mềm diệt mã độc");
    assert_string_equal(cell(t, 3, "Cơ quan chủ trì"), "Công an xã");
    assert_string_equal(cell(t, 3, "Thời gian"), "Tháng 3/2026");
    doc_free(d);
    /* the codes right after "STT", the name's header then the names with
     * no blank line between them */
    d = read_text("STT\n\n1\n\n2\n\nNhiệm vụ\nXây dựng chuyên mục\nchuyển đổi số\n\nSố hóa hồ sơ thủ tục\n\n"
                  "Đơn vị chủ trì\n\nPhòng Văn hóa - Xã hội\n\nThời gian hoàn\nthành\n\nTháng 4/2026\n\n"
                  "Trung tâm Phục vụ hành chính công xã\n\nQuý III/2026\n");
    t = first_table(d);
    assert_non_null(t);
    assert_int_equal(t->nrows, 3);
    assert_string_equal(cell(t, 1, "Nhiệm vụ"), "Xây dựng chuyên mục chuyển đổi số");
    assert_string_equal(cell(t, 1, "Thời gian hoàn thành"), "Tháng 4/2026");
    assert_string_equal(cell(t, 2, "Nhiệm vụ"), "Số hóa hồ sơ thủ tục");
    assert_string_equal(cell(t, 2, "Đơn vị chủ trì"), "Trung tâm Phục vụ hành chính công xã");
    assert_string_equal(cell(t, 2, "Thời gian hoàn thành"), "Quý III/2026");
    doc_free(d);
}

/* A group column ("Trụ cột") merged down over its rows: its names are
 * printed once, one beside its middle row's code ("Chính" / "2" / "quyền
 * số"), the others after the rows; each goes to the first row of its rows. */
static void test_group_column(void **state)
{
    (void)state;
    doc *d = read_text("STT\n\nTrụ cột\n\nChỉ tiêu\n\nChỉ tiêu\nnăm 2026\n\nThời hạn\n\n"
                       "1\n\nTỷ lệ hồ sơ xử lý\ntrên môi trường mạng\n\nTối thiểu\n90%\n\nTháng 6/2026\n\n"
                       "Chính\n2\nquyền số\n\nTỷ lệ thủ tục có hồ sơ\ntrực tuyến\n\nTrên 80%\n\nTháng 12/2026\n\n"
                       "3\n\nSố cuộc họp không\ngiấy tờ\n\n12 cuộc\n\nThường xuyên\n\n"
                       "4\n\nSố hợp tác xã bán\nhàng trực tuyến\n\n05 hợp tác xã\n\nQuý III/2026\n\n"
                       "5\n\nTỷ lệ người dân có\ntài khoản định danh\n\nĐạt 70%\n\nTháng 9/2026\n\n"
                       "Kinh tế\nsố\n\nXã hội\nsố\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_int_equal(t->nrows, 6);
    assert_string_equal(cell(t, 1, "Trụ cột"), "Chính quyền số");
    assert_string_equal(cell(t, 2, "Trụ cột"), "");
    assert_string_equal(cell(t, 2, "Chỉ tiêu"), "Tỷ lệ thủ tục có hồ sơ trực tuyến");
    assert_string_equal(cell(t, 3, "Trụ cột"), "");
    assert_string_equal(cell(t, 4, "Trụ cột"), "Kinh tế số");
    assert_string_equal(cell(t, 5, "Trụ cột"), "Xã hội số");
    plan *p = NULL;
    dti_err e;
    dti_err_clear(&e);
    assert_int_equal(extract_plan(d, &p, NULL, &e), DTI_OK);
    assert_int_equal(p->nindicators, 5);
    assert_int_equal(p->ngroups, 3);
    plan_free(p);
    doc_free(d);
    /* the group column's header printed before "STT" (the left-most column) */
    d = read_text("PHỤ LỤC\n(Kèm theo Kế hoạch số 1/KH-UBND)\nLĩnh vực\n\nSTT\n\nChỉ tiêu\n\nMục tiêu\nnăm 2026\n\n"
                  "Thời hạn\n\n1\n\nTỷ lệ thôn có sóng\ndi động 4G\n\n100%\n\nTháng 9/2026\n\n"
                  "Hạ tầng\nsố\n\n2\n\nTỷ lệ hộ có Internet\ncáp quang\n\nĐạt 75%\n\nTháng 12/2026\n\n"
                  "Chính\nquyền số\n\n3\n\nTỷ lệ văn bản đi\nđược ký số\n\nĐạt 100%\n\nThường xuyên\n\n"
                  "4\n\nTỷ lệ hồ sơ trực tuyến\ntoàn trình\n\nTrên 60%\n\nThường xuyên\n");
    t = first_table(d);
    assert_non_null(t);
    assert_int_equal(t->nrows, 5);
    assert_string_equal(cell(t, 1, "Lĩnh vực"), "Hạ tầng số");
    assert_string_equal(cell(t, 2, "Lĩnh vực"), "");
    assert_string_equal(cell(t, 3, "Lĩnh vực"), "Chính quyền số");
    assert_string_equal(cell(t, 3, "Chỉ tiêu"), "Tỷ lệ văn bản đi được ký số");
    doc_free(d);
    /* short products beside a group column stay the rows' products */
    d = read_text("STT\n\nLĩnh vực\n\nNhiệm vụ\n\nSản phẩm\n\nThời hạn\n\n"
                  "1\n\nXây dựng chuyên mục chuyển đổi số của xã\n\nChuyên mục mới\n\nTháng 4/2026\n\n"
                  "2\n\nSố hóa hồ sơ thủ tục hành chính còn hiệu lực\n\nKho dữ liệu số\n\nQuý III/2026\n\n"
                  "3\n\nTập huấn kỹ năng số cho cán bộ xã\n\nLớp tập huấn\n\nQuý II/2026\n\nHạ tầng số\n");
    t = first_table(d);
    assert_non_null(t);
    assert_int_equal(t->nrows, 4);
    assert_string_equal(cell(t, 1, "Sản phẩm"), "Chuyên mục mới");
    assert_string_equal(cell(t, 2, "Sản phẩm"), "Kho dữ liệu số");
    assert_string_equal(cell(t, 3, "Sản phẩm"), "Lớp tập huấn");
    assert_string_equal(cell(t, 1, "Lĩnh vực"), "Hạ tầng số");
    doc_free(d);
}

/* The header vocabulary is the table model's (extract_header_role). */
static void test_header_role(void **state)
{
    (void)state;
    int year = 0;
    assert_string_equal(extract_header_role("Chỉ tiêu năm 2027", &year), "target");
    assert_int_equal(year, 2027);
    assert_string_equal(extract_header_role("Cơ quan chủ trì/phối hợp", NULL), "lead_support");
    assert_string_equal(extract_header_role("Hiện trạng 2025", &year), "baseline");
    assert_string_equal(extract_header_role("STT", NULL), "code");
    assert_string_equal(extract_header_role("Phòng Văn hóa - Xã hội", NULL), "none");
}

/* The end target's column first ("Chỉ tiêu đến năm 2030 | Chỉ tiêu năm
 * 2026"), values printed in that order; rows printed name by name with a
 * group row between ("1.2", then "2" "Dữ liệu số", then "2.1"), their cells
 * after; "Đơn vị thực hiện" spanning "Chủ trì" and "Phối hợp" holds none. */
static void test_end_target_first(void **state)
{
    (void)state;
    doc *d = read_text("PHỤ LỤC\n\nTT\n\nTên chỉ tiêu\n\nI\n\nCHÍNH QUYỀN SỐ\n\n1\n\nDịch vụ công\n\n"
                       "1.1\n\nTỷ lệ hồ sơ nộp\ntrực tuyến\n\n1.2\n\nTỷ lệ kết quả trả\nbản điện tử\n\n"
                       "2\n\nDữ liệu số\n\n2.1\n\nSố cơ sở dữ liệu\ndùng chung\n\n"
                       "Chỉ tiêu\nđến năm\n2030\n\nChỉ tiêu\nnăm\n2026\n\nThời gian\nthực hiện\n\n≥ 80%\n\n"
                       "Đơn vị thực hiện\nChủ trì\n\nPhối hợp\n\n≥ 50%\n\nThường\nxuyên\n\n"
                       "Trung tâm\nPhục vụ hành\nchính công xã\n\nCác phòng\nchuyên môn\n\n"
                       "100%\n\nTối\nthiểu\n70%\n\nTháng\n12/2026\n\nCông an xã\n\nCác thôn\n\n"
                       "05 cơ sở\ndữ liệu\n\n02 cơ sở\ndữ liệu\n\nQuý\nIV/2026\n\nVăn phòng\nHĐND và\nUBND xã\n\n"
                       "Các phòng\nchuyên môn\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    for (size_t c = 0; c < t->ncols; c++)
        assert_string_not_equal(t->cells[c].text, "Đơn vị thực hiện");
    assert_string_equal(cell(t, 3, "TT"), "1.1");
    assert_string_equal(cell(t, 3, "Chỉ tiêu đến năm 2030"), "≥ 80%");
    assert_string_equal(cell(t, 3, "Chỉ tiêu năm 2026"), "≥ 50%");
    assert_string_equal(cell(t, 3, "Thời gian thực hiện"), "Thường xuyên");
    assert_string_equal(cell(t, 3, "Chủ trì"), "Trung tâm Phục vụ hành chính công xã");
    assert_string_equal(cell(t, 3, "Phối hợp"), "Các phòng chuyên môn");
    assert_string_equal(cell(t, 4, "Chỉ tiêu đến năm 2030"), "100%");
    assert_string_equal(cell(t, 4, "Chỉ tiêu năm 2026"), "Tối thiểu 70%");
    assert_string_equal(cell(t, 4, "Chủ trì"), "Công an xã");
    assert_string_equal(cell(t, 5, "TT"), "2");
    assert_string_equal(cell(t, 5, "Chỉ tiêu năm 2026"), "");
    assert_string_equal(cell(t, 6, "Chỉ tiêu năm 2026"), "02 cơ sở dữ liệu");
    assert_string_equal(cell(t, 6, "Thời gian thực hiện"), "Quý IV/2026");
    assert_string_equal(cell(t, 6, "Chủ trì"), "Văn phòng HĐND và UBND xã");
    doc_free(d);
}

/* "Năm" / "2026" printed before "Đến năm" / "2030" (glued under a spanning
 * "Phân công thực hiện") heads a year column; "Năm 2027" in a table of tasks
 * with no year column is a due phrase; a row's name holding a header's
 * word ("Tỷ lệ văn bản điện tử được ký số") is no header cell. */
static void test_year_headers_and_due(void **state)
{
    (void)state;
    doc *d = read_text("PHỤ LỤC\n\nMục tiêu\nSTT\n\nChỉ tiêu\n\n1\n\nHạ tầng số\n\n1.1\n\nTỷ lệ hộ có\nInternet cáp quang\n\n"
                       "1.2\n\nTỷ lệ văn bản điện tử được ký\nsố\n\n2\n\nChính quyền số\n\n2.1\n\n"
                       "Năm\n2026\n\n70%\n\nPhân công thực hiện\nĐến năm\n2030\n\nĐơn vị chủ trì\n\n≥ 90%\n\n"
                       "Phòng Văn hóa\n- Xã hội\n\nThời gian\nhoàn thành\n\nTháng\n12/2026\n\n50%\n\n100%\n\n"
                       "Công an xã\n\nNăm 2030\n\nTỷ lệ hồ sơ được\nsố hóa\n\nĐạt 80%\n\nĐạt 100%\n\n"
                       "Trung tâm Phục vụ\nhành chính công xã\n\nThường\nxuyên\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_int_equal(t->ncols, 6);
    assert_string_equal(cell(t, 2, "STT"), "1.1");
    assert_string_equal(cell(t, 2, "Năm 2026"), "70%");
    assert_string_equal(cell(t, 2, "Đến năm 2030"), "≥ 90%");
    assert_string_equal(cell(t, 2, "Đơn vị chủ trì"), "Phòng Văn hóa - Xã hội");
    assert_string_equal(cell(t, 2, "Thời gian hoàn thành"), "Tháng 12/2026");
    assert_string_equal(cell(t, 3, "Chỉ tiêu"), "Tỷ lệ văn bản điện tử được ký số");
    assert_string_equal(cell(t, 3, "Năm 2026"), "50%");
    assert_string_equal(cell(t, 3, "Đơn vị chủ trì"), "Công an xã");
    assert_string_equal(cell(t, 3, "Thời gian hoàn thành"), "Năm 2030");
    assert_string_equal(cell(t, 5, "Chỉ tiêu"), "Tỷ lệ hồ sơ được số hóa");
    assert_string_equal(cell(t, 5, "Đến năm 2030"), "Đạt 100%");
    assert_string_equal(cell(t, 5, "Thời gian hoàn thành"), "Thường xuyên");
    doc_free(d);
    d = read_text("PHỤ LỤC\n\nSTT\n\nNhiệm vụ\n\nĐơn vị chủ trì\n\nKết quả đầu ra\n\nLộ trình\nthực hiện\n\n"
                  "1\n\nXây dựng kế hoạch\nchuyển đổi số\n\nPhòng Văn hóa\n- Xã hội\n\nKế hoạch được\nban hành\n\n"
                  "Thường\nxuyên\n\n2\n\nLắp đặt truyền thanh\nthông minh\n\nVăn phòng\nHĐND và\nUBND xã\n\n"
                  "Hệ thống truyền\nthanh\n\nNăm 2027\n");
    t = first_table(d);
    assert_non_null(t);
    assert_int_equal(t->ncols, 5);
    assert_string_equal(cell(t, 2, "Lộ trình thực hiện"), "Năm 2027");
    assert_string_equal(cell(t, 2, "Kết quả đầu ra"), "Hệ thống truyền thanh");
    doc_free(d);
}

/* A due phrase whose head ends one line of a block and whose date ends the
 * next or the one after ("Báo cáo rà soát Tháng" / "vùng lõm sóng 10/2026";
 * bullets "Lớp bồi" / "dưỡng" / "Quý" / "Báo cáo kết" / "III/2026" /
 * "quả"): the rest is one cell, the due another; a span "2026 - 2027" is a
 * due phrase. */
static void test_due_split_in_block(void **state)
{
    (void)state;
    doc *d = read_text("PHỤ LỤC\n\nTT Nội dung nhiệm vụ\n\nĐơn vị chủ\ntrì\n\nKết quả đầu\nra\n\nThời gian\nhoàn thành\n\n"
                       "1\n\nRà soát vùng lõm sóng\n\nPhòng Văn hóa\n- Xã hội\n\nBáo cáo rà soát Tháng\nvùng lõm sóng 10/2026\n\n"
                       "2\n\nĐào tạo kỹ năng số\n\nVăn phòng HĐND\nvà UBND xã\n\n\xef\x82\xb7 Lớp bồi\ndưỡng\nQuý\n"
                       "\xef\x82\xb7 Báo cáo kết\nIII/2026\nquả\n\n"
                       "3\n\nSố hóa sổ hộ tịch\n\nCông an xã\n\nCơ sở dữ liệu\n\n2026 - 2027\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_string_equal(cell(t, 0, "TT"), "TT");
    assert_string_equal(cell(t, 1, "Kết quả đầu ra"), "Báo cáo rà soát vùng lõm sóng");
    assert_string_equal(cell(t, 1, "Thời gian hoàn thành"), "Tháng 10/2026");
    assert_string_equal(cell(t, 2, "Kết quả đầu ra"), "- Lớp bồi dưỡng\n- Báo cáo kết quả");
    assert_string_equal(cell(t, 2, "Thời gian hoàn thành"), "Quý III/2026");
    assert_string_equal(cell(t, 3, "Thời gian hoàn thành"), "2026 - 2027");
    doc_free(d);
}

/* A unit's name printed among a row name's lines, whole lines or glued at
 * their ends ("Lắp đặt hệ thống" / "Wi-Fi công cộng Văn phòng" / "tại trụ sở
 * UBND" / "HĐND và" / "xã và nhà văn hóa UBND xã" / "các thôn"), taken out
 * because another cell names the unit whole; a name that merely ends with
 * a unit ("… kết nối về" / "Công an xã") keeps it. */
static void test_unit_among_name_lines(void **state)
{
    (void)state;
    doc *d = read_text("PHỤ LỤC\n\nTT Nội dung nhiệm vụ\n\nĐơn vị chủ\ntrì\n\nĐơn vị phối\nhợp\n\nThời gian\nhoàn thành\n\n"
                       "1\n\nLắp đặt hệ thống\nWi-Fi công cộng Văn phòng\ntại trụ sở UBND\nHĐND và\n"
                       "xã và nhà văn hóa UBND xã\ncác thôn\n\nDoanh nghiệp\nviễn thông\n\nQuý\nII/2026\n\n"
                       "2\n\nSố hóa kết quả giải\nquyết thủ tục\n\nCông an xã\n\nVăn phòng\nHĐND và\nUBND xã\n\nTháng\n11/2026\n\n"
                       "3\n\nKết nối camera an\nninh về Công an\nxã\n\nCông an xã\n\nCác thôn\n\nTháng\n12/2026\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_string_equal(cell(t, 1, "Nội dung nhiệm vụ"),
                        "Lắp đặt hệ thống Wi-Fi công cộng tại trụ sở UBND xã và nhà văn hóa các thôn");
    assert_string_equal(cell(t, 1, "Đơn vị chủ trì"), "Văn phòng HĐND và UBND xã");
    assert_string_equal(cell(t, 1, "Đơn vị phối hợp"), "Doanh nghiệp viễn thông");
    assert_string_equal(cell(t, 2, "Đơn vị phối hợp"), "Văn phòng HĐND và UBND xã");
    assert_string_equal(cell(t, 3, "Nội dung nhiệm vụ"), "Kết nối camera an ninh về Công an xã");
    assert_string_equal(cell(t, 3, "Đơn vị chủ trì"), "Công an xã");
    doc_free(d);
}

/* Groups lettered "A", "B" (a capital alone on its line) open group rows,
 * the numbering under them going on; a capital is no group after numbered
 * rows unless "A" came first. */
static void test_capital_groups(void **state)
{
    (void)state;
    doc *d = read_text("PHỤ LỤC\n\nSTT Nội dung chỉ tiêu\n\nĐơn vị chủ\ntrì\n\nChỉ tiêu\nnăm 2026\n\n"
                       "A\n\nHạ tầng số\n\n1\n\nTỷ lệ thôn có điểm\nWi-Fi công cộng\n\nPhòng Văn hóa\n- Xã hội\n\nĐạt 80%\n\n"
                       "2\n\nSố camera an ninh\nđược kết nối\n\nCông an xã\n\n12 camera\n\n"
                       "B\n\nXã hội số\n\n3\n\nSố lớp tập huấn\nkỹ năng số\n\nĐoàn Thanh niên xã\n\n10 lớp\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_int_equal(t->nrows, 6);
    assert_string_equal(cell(t, 1, "STT"), "A");
    assert_string_equal(cell(t, 1, "Nội dung chỉ tiêu"), "Hạ tầng số");
    assert_string_equal(cell(t, 4, "STT"), "B");
    assert_string_equal(cell(t, 5, "STT"), "3");
    assert_string_equal(cell(t, 5, "Đơn vị chủ trì"), "Đoàn Thanh niên xã");
    assert_string_equal(cell(t, 5, "Chỉ tiêu năm 2026"), "10 lớp");
    assert_string_equal(cell(t, 3, "Chỉ tiêu năm 2026"), "12 camera");
    plan *p = NULL;
    dti_err e;
    dti_err_clear(&e);
    assert_int_equal(extract_plan(d, &p, NULL, &e), DTI_OK);
    assert_int_equal(p->nindicators, 3);
    plan_free(p);
    doc_free(d);
}

/* "03" after row "2" is a value (a row code has no leading zero unless the
 * rows are numbered so), and "Trong năm 2026" after the first row, with
 * "Chỉ tiêu 2026" headed already, is a due phrase, not a second year
 * column. */
static void test_zero_value_and_year_due(void **state)
{
    (void)state;
    doc *d = read_text("PHỤ LỤC\n\nSTT\n\nNội dung\n\nChỉ tiêu\n2026\n\nCơ quan\nchủ trì\n\nThời gian\n\n"
                       "I\n\nHạ tầng số\n\n1\n\nTỷ lệ thôn có cáp\nquang\n\n≥90%\n\nPhòng Văn hóa\n- Xã hội\n\n"
                       "Trong năm 2026\n\n2\n\nSố trạm 4G\nlắp mới\n\n03\n\nCông an xã\n\nQuý II/2026\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_int_equal(t->nrows, 4);
    assert_int_equal(t->ncols, 5);
    assert_string_equal(cell(t, 2, "Thời gian"), "Trong năm 2026");
    assert_string_equal(cell(t, 3, "STT"), "2");
    assert_string_equal(cell(t, 3, "Chỉ tiêu 2026"), "03");
    assert_string_equal(cell(t, 3, "Cơ quan chủ trì"), "Công an xã");
    doc_free(d);
}

/* Targets labelled by year in one "Mục tiêu" column ("Năm 2026:" / "60%"
 * / "Năm 2027:" / "80%"): values, not due phrases; a label seen again in a
 * block starts the next row's cell, one ending a line of a name is cut from
 * it; a second labelled cell of a row joins the first. A lead column of the
 * province ("Sở, ngành chủ trì", printed late) takes "Sở …" and "… tỉnh",
 * and stands before the commune's. */
static void test_year_labels_and_province(void **state)
{
    (void)state;
    doc *d = read_text("PHỤ LỤC\n\nSTT\n\n1\n\n2\n\nChỉ tiêu\n\nTỷ lệ hồ sơ được tiếp\nnhận trực tuyến\n\n"
                       "Tỷ lệ người dân có tài\nkhoản định danh\n\nMục tiêu\n\nNăm 2026:\n60%\nNăm 2027:\n80%\n\n"
                       "Bộ phận tham\nmưu cấp xã\n\nThời hạn\n\nVăn phòng\nUBND tỉnh\n\nCông chức Văn\nphòng - Thống kê\n\n"
                       "Tháng\n12/2027\n\nCông an tỉnh\n\nCông an xã\n\nTháng\n12/2027\n\nSở Khoa học và\nCông nghệ\n\n"
                       "Công chức Văn\nhóa - Xã hội\n\nTháng\n6/2027\n\nNăm 2026:\n85%\nNăm 2027:\n95%\nNăm 2026:\n05 điểm\n\n"
                       "3\n\nSở, ngành chủ\ntrì\n\nSố điểm bưu chính\ncó kết nối Internet Năm 2027:\n08 điểm\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_string_equal(t->cells[3].text, "Sở, ngành chủ trì");
    assert_string_equal(t->cells[4].text, "Bộ phận tham mưu cấp xã");
    assert_string_equal(cell(t, 1, "Mục tiêu"), "Năm 2026: 60% Năm 2027: 80%");
    assert_string_equal(cell(t, 1, "Sở, ngành chủ trì"), "Văn phòng UBND tỉnh");
    assert_string_equal(cell(t, 1, "Bộ phận tham mưu cấp xã"), "Công chức Văn phòng - Thống kê");
    assert_string_equal(cell(t, 2, "Mục tiêu"), "Năm 2026: 85% Năm 2027: 95%");
    assert_string_equal(cell(t, 2, "Bộ phận tham mưu cấp xã"), "Công an xã");
    assert_string_equal(cell(t, 3, "Chỉ tiêu"), "Số điểm bưu chính có kết nối Internet");
    assert_non_null(strstr(cell(t, 3, "Mục tiêu"), "Năm 2026: 05 điểm"));
    assert_non_null(strstr(cell(t, 3, "Mục tiêu"), "Năm 2027: 08 điểm"));
    assert_string_equal(cell(t, 3, "Sở, ngành chủ trì"), "Sở Khoa học và Công nghệ");
    doc_free(d);
}

/* A unit of three lines whose second starts in title case ("Ban công tác"
 * / "Mặt trận các" / "thôn, làng") stays one cell: a half ending in "các"
 * is no cell, so the lines are not two interleaved cells. */
static void test_dangling_half(void **state)
{
    (void)state;
    doc *d = read_text("PHỤ LỤC\n\nSTT Nội dung chỉ tiêu\n\nĐơn vị chủ\ntrì\n\nĐơn vị phối\nhợp\n\nThời gian\n\n"
                       "1\n\nSố thôn có Tổ công\nnghệ số cộng đồng\n\nPhòng Văn hóa\n- Xã hội\n\nBan công tác\nMặt trận các\n"
                       "thôn, làng\n\nQuý\nIII/2026\n\n2\n\nSố hộ dùng\nchữ ký số\n\nCông an xã\n\nCác thôn\n\nTháng\n9/2026\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_string_equal(cell(t, 1, "Đơn vị phối hợp"), "Ban công tác Mặt trận các thôn, làng");
    assert_string_equal(cell(t, 1, "Thời gian"), "Quý III/2026");
    assert_string_equal(cell(t, 2, "Đơn vị chủ trì"), "Công an xã");
    doc_free(d);
}

/* Support printed before lead (the taller cell first): a lead holding two
 * units and a support holding one are swapped, a lead being one unit. */
static void test_support_printed_first(void **state)
{
    (void)state;
    doc *d = read_text("PHỤ LỤC\n\nSTT Nội dung chỉ tiêu\n\nĐơn vị chủ\ntrì\n\nĐơn vị phối\nhợp\n\nThời gian\n\n"
                       "1\n\nSố sản phẩm OCOP trên\nsàn thương mại điện tử\n\nCác hợp tác xã;\nCác hộ sản xuất\n\n"
                       "Phòng Kinh tế\n\nQuý\nIV/2026\n\n2\n\nSố hộ dùng\nchữ ký số\n\nCông an xã\n\nCác thôn\n\nTháng\n9/2026\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_string_equal(cell(t, 1, "Đơn vị chủ trì"), "Phòng Kinh tế");
    assert_string_equal(cell(t, 1, "Đơn vị phối hợp"), "Các hợp tác xã; Các hộ sản xuất");
    assert_string_equal(cell(t, 2, "Đơn vị chủ trì"), "Công an xã");
    assert_string_equal(cell(t, 2, "Đơn vị phối hợp"), "Các thôn");
    doc_free(d);
}

/* "Tổ chức hội nghị …" and "Hội nghị được tổ chức" name work, not units; a
 * code printed after its row's name ("Cập nhật …" / "Phòng Kinh tế" / … /
 * "3" / "Các thôn") takes the cells the row before could not hold; a list
 * item after a page break continues the row's list of products. */
static void test_code_after_name(void **state)
{
    (void)state;
    doc *d = read_text("PHỤ LỤC\n\nSTT Nhiệm vụ\n\nĐơn vị chủ\ntrì\n\nĐơn vị phối\nhợp\n\nKết quả\n\nThời gian\n\n"
                       "1\n\nTổ chức hội nghị quán\ntriệt chuyển đổi số\n\nVăn phòng HĐND\nvà UBND xã\n\nCác phòng, ban\n\n"
                       "Hội nghị được tổ\nchức\n\nQuý I/2026\n\n2\n\nNâng cấp đường\ntruyền Internet\n\nVăn phòng HĐND\n"
                       "và UBND xã\n\nViễn thông tỉnh\n\nĐường truyền được\nnâng cấp\n\nTháng 5/2026\n\n"
                       "Cập nhật cơ sở dữ liệu\nđất đai\n\nPhòng Kinh tế\n\n\xef\x82\xb7 Dữ liệu được\ncập nhật\n\nTháng 11/2026\n\n"
                       "3\n\nCác thôn\n\f\xef\x82\xb7 Báo cáo kết quả\n\n4\n\nSố hóa hồ sơ hộ tịch\n\nCông an xã\n\nCác thôn\n\n"
                       "Dữ liệu hộ tịch\n\nQuý IV/2026\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_string_equal(cell(t, 1, "Nhiệm vụ"), "Tổ chức hội nghị quán triệt chuyển đổi số");
    assert_string_equal(cell(t, 1, "Kết quả"), "Hội nghị được tổ chức");
    assert_string_equal(cell(t, 3, "STT"), "3");
    assert_string_equal(cell(t, 3, "Nhiệm vụ"), "Cập nhật cơ sở dữ liệu đất đai");
    assert_string_equal(cell(t, 3, "Đơn vị chủ trì"), "Phòng Kinh tế");
    assert_string_equal(cell(t, 3, "Đơn vị phối hợp"), "Các thôn");
    assert_string_equal(cell(t, 3, "Kết quả"), "- Dữ liệu được cập nhật\n- Báo cáo kết quả");
    assert_string_equal(cell(t, 3, "Thời gian"), "Tháng 11/2026");
    assert_string_equal(cell(t, 4, "Nhiệm vụ"), "Số hóa hồ sơ hộ tịch");
    doc_free(d);
}

/* A target's words at line ends of a name with its figure on a line of its
 * own ("Tỷ lệ cán bộ, công" / "Tối" / "chức được bồi dưỡng thiểu" / "kỹ năng
 * số" / "95%"), and two units interleaved ("Văn phòng" / "Phòng Văn hóa
 * HĐND và" / "- Xã hội" / "UBND xã", the first named whole elsewhere): each
 * taken apart. */
static void test_target_and_units_among_lines(void **state)
{
    (void)state;
    doc *d = read_text("PHỤ LỤC\n\nSTT Tên chỉ tiêu\n\nChỉ tiêu\nnăm 2026\n\nĐơn vị chủ\ntrì\n\nĐơn vị phối\nhợp\n\n"
                       "1\n\nTỷ lệ cán bộ, công\nTối\nchức được bồi dưỡng thiểu\nkỹ năng số\n95%\n\n"
                       "Văn phòng\nPhòng Văn hóa HĐND và\n- Xã hội\nUBND xã\n\n"
                       "2\n\nSố hộ dùng chữ\nký số\n\n500 hộ\n\nVăn phòng HĐND và\nUBND xã\n\nCông an xã\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_string_equal(cell(t, 1, "Tên chỉ tiêu"), "Tỷ lệ cán bộ, công chức được bồi dưỡng kỹ năng số");
    assert_string_equal(cell(t, 1, "Chỉ tiêu năm 2026"), "Tối thiểu 95%");
    assert_string_equal(cell(t, 1, "Đơn vị chủ trì"), "Văn phòng HĐND và UBND xã");
    assert_string_equal(cell(t, 1, "Đơn vị phối hợp"), "Phòng Văn hóa - Xã hội");
    doc_free(d);
}

/* "1" right under a roman group, its name printed before it (glued to the
 * group's block) and a due phrase after it: a row all the same. */
static void test_first_row_after_group(void **state)
{
    (void)state;
    doc *d = read_text("PHỤ LỤC\n\nTT Nội dung nhiệm vụ\n\nĐơn vị chủ\ntrì\n\nThời gian\n\n"
                       "I\n\nHạ tầng số\n\n1\n\nLắp đặt Wi-Fi\ncông cộng\n\nPhòng Văn hóa\n- Xã hội\n\nQuý\nII/2026\n\n"
                       "II\n\nChính quyền số\n\n1\n\nThường\nxuyên\n\nSố hóa hồ sơ\n\nCông an xã\n\n"
                       "2\n\nTriển khai phần mềm\n\nVăn phòng HĐND\nvà UBND xã\n\nTháng\n9/2026\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_int_equal(t->nrows, 6);
    assert_string_equal(cell(t, 4, "TT"), "1");
    assert_string_equal(cell(t, 4, "Thời gian"), "Thường xuyên");
    assert_string_equal(cell(t, 4, "Đơn vị chủ trì"), "Công an xã");
    assert_string_equal(cell(t, 5, "TT"), "2");
    assert_string_equal(cell(t, 5, "Nội dung nhiệm vụ"), "Triển khai phần mềm");
    doc_free(d);
}

/* A unit listed as an item ("- Các hợp tác xã") first on a new page goes
 * on with the row's support when that is a list already. */
static void test_unit_item_after_break(void **state)
{
    (void)state;
    doc *d = read_text("PHỤ LỤC\n\nSTT Nội dung chỉ tiêu\n\nĐơn vị chủ\ntrì\n\nĐơn vị phối\nhợp\n\nThời gian\n\n"
                       "1\n\nSố hộ dùng chữ\nký số\n\nCông an xã\n\n\xef\x82\xb7 Các thôn\n\nTháng\n9/2026\n\n"
                       "2\n\nSố hộ nông dân dùng\nnhật ký điện tử\n\nPhòng Kinh tế\n\n\xef\x82\xb7 Hội Nông dân xã\n\nQuý\nIV/2026\n"
                       "\f\xef\x82\xb7 Các hợp tác xã\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_string_equal(cell(t, 2, "Đơn vị chủ trì"), "Phòng Kinh tế");
    assert_string_equal(cell(t, 2, "Đơn vị phối hợp"), "- Hội Nông dân xã\n- Các hợp tác xã");
    doc_free(d);
}

/* plain5: three header cells side by side, the third narrow ("Thời" /
 * "Kết quả, Ghi" / "gian thực" / "sản phẩm chú" / "hiện"); "Cơ quan chủ
 * trì/phối hợp" spanning "Chủ trì" and "Phối hợp" heads no column; a group
 * column lettered in capitals ("A. CHÍNH QUYỀN SỐ"), two names printed
 * together (neither beside its rows: the rows left are shared); "Từ tháng 3
 * đến tháng 9/2026" is a due phrase. */
static void test_three_headers_lettered_groups(void **state)
{
    (void)state;
    doc *d = read_text("PHỤ LỤC\n\nCơ quan chủ trì/phối hợp\nLĩnh vực\n\nTT\n\nNhiệm vụ\nChủ trì\n\nPhối hợp\n\n"
                       "Thời\nKết quả, Ghi\ngian thực\nsản phẩm chú\nhiện\n\n"
                       "1\n\nXây dựng kho dữ\nliệu số\n\nVăn phòng\nHĐND và\nUBND xã\n\nCông an xã\n\nQuý\nII/2026\n\n"
                       "Kho dữ liệu\n\n"
                       "2\n\nA.\nCHÍNH\nQUYỀN\nSỐ\n\nRà soát an toàn\nthông tin\n\nCông an xã\n\nCác thôn\n\n"
                       "Từ tháng\n3 đến\ntháng\n9/2026\n\nBáo cáo\n\n"
                       "3\n\nHỗ trợ hộ sản\nxuất bán hàng\n\nPhòng Kinh tế\n\nBưu điện xã\n\nThường\nxuyên\n\n"
                       "Gian hàng\n\nB. KINH\nTẾ SỐ\n\nC. XÃ\nHỘI SỐ\n\n"
                       "4\n\nHướng dẫn tiểu\nthương\n\nPhòng Kinh tế\n\nCác ngân hàng\n\nQuý\nIII/2026\n\nMã QR\n\n"
                       "5\n\nTập huấn kỹ\nnăng số\n\nPhòng Văn hóa\n- Xã hội\n\nĐoàn Thanh niên xã\n\nQuý\nIV/2026\n\n"
                       "Lớp tập huấn\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_int_equal(t->nrows, 6);
    for (size_t c = 0; c < t->ncols; c++)
        assert_string_not_equal(t->cells[c].text, "Cơ quan chủ trì/phối hợp");
    assert_string_equal(cell(t, 1, "Thời gian thực hiện"), "Quý II/2026");
    assert_string_equal(cell(t, 1, "Kết quả, sản phẩm"), "Kho dữ liệu");
    assert_string_equal(cell(t, 1, "Ghi chú"), "");
    assert_string_equal(cell(t, 1, "Chủ trì"), "Văn phòng HĐND và UBND xã");
    assert_string_equal(cell(t, 1, "Phối hợp"), "Công an xã");
    assert_string_equal(cell(t, 2, "Nhiệm vụ"), "Rà soát an toàn thông tin");
    assert_string_equal(cell(t, 2, "Thời gian thực hiện"), "Từ tháng 3 đến tháng 9/2026");
    assert_string_equal(cell(t, 1, "Lĩnh vực"), "A. CHÍNH QUYỀN SỐ");
    assert_string_equal(cell(t, 2, "Lĩnh vực"), "");
    assert_string_equal(cell(t, 4, "Lĩnh vực"), "B. KINH TẾ SỐ");
    assert_string_equal(cell(t, 5, "Lĩnh vực"), "C. XÃ HỘI SỐ");
    assert_string_equal(cell(t, 3, "Kết quả, sản phẩm"), "Gian hàng");
    doc_free(d);
}

/* plain5: the page's rows printed before the "STT" line, among them a
 * name wrapped onto a short line ending in ':' ("Số hóa dữ liệu của xã," /
 * "gồm:", no introduction: the region goes back over it); rows put back in
 * code order around roman groups ("I" before the least number printed
 * after it, "a)" under the number before it); a second products header
 * after body cells ("Kết quả số hóa" under "Sản phẩm") is a body cell. */
static void test_rows_before_stt_sorted(void **state)
{
    (void)state;
    doc *d = read_text("PHỤ LỤC\n(Kèm theo Kế hoạch số 1/KH-UBND)\nCơ quan chủ\ntrì\n\nSản phẩm\n\nThời gian\n\n"
                       "Số hóa hồ sơ thủ tục\nhành chính\n\nCông an xã\n\nKết quả số hóa\n\n"
                       "2\n\nSố hóa dữ liệu của xã,\ngồm:\n\nVăn phòng\nHĐND và\nUBND xã\n\nCơ sở dữ liệu\n\nNăm 2026\n\n"
                       "a)\n\nSố hóa sổ hộ tịch\n\nCông chức Tư pháp\n\nDữ liệu hộ tịch\n\nQuý\nIII/2026\n\n"
                       "STT\n\nNhiệm vụ\n\nI\n\nCHÍNH QUYỀN SỐ\n\n1\n\nTháng\n12/2026\n\nII\n\nKINH TẾ SỐ\n\n"
                       "3\n\nHỗ trợ bán hàng\ntrực tuyến\n\nPhòng Kinh tế\n\nGian hàng\n\nThường\nxuyên\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_int_equal(t->nrows, 7);
    const char *codes[] = {"I", "1", "2", "a)", "II", "3"};
    for (size_t r = 0; r < 6; r++)
        assert_string_equal(cell(t, r + 1, "STT"), codes[r]);
    assert_string_equal(cell(t, 2, "Nhiệm vụ"), "Số hóa hồ sơ thủ tục hành chính");
    assert_string_equal(cell(t, 2, "Sản phẩm"), "Kết quả số hóa");
    assert_string_equal(cell(t, 2, "Thời gian"), "Tháng 12/2026");
    assert_string_equal(cell(t, 3, "Nhiệm vụ"), "Số hóa dữ liệu của xã, gồm:");
    assert_string_equal(cell(t, 3, "Cơ quan chủ trì"), "Văn phòng HĐND và UBND xã");
    assert_string_equal(cell(t, 4, "Nhiệm vụ"), "Số hóa sổ hộ tịch");
    assert_string_equal(cell(t, 6, "Thời gian"), "Thường xuyên");
    doc_free(d);
}

/* plain5: the cells printed before the first row ("2") are the row whose
 * number comes just before it, its code printed after "STT" ("1"), placed
 * before the cells printed after that code; "Từ năm 1995" (a year before
 * 2000: since when) is no due; a group row ("III") keeps a run of rows
 * named one by one, and the same unit printed twice running goes to two
 * rows' leads, not one row's lead and support. */
static void test_first_row_cells_and_runs(void **state)
{
    (void)state;
    doc *d = read_text("PHỤ LỤC\n(Kèm theo Kế hoạch số 1/KH-UBND)\nCơ quan chủ\ntrì\n\nCơ quan phối\nhợp\n\n"
                       "Sản phẩm\n\nThời gian\n\n"
                       "Số hóa hồ sơ\n\nCông an xã\n\nKết quả số hóa\n\nTháng\n12/2026\n\n"
                       "2\n\nNâng cấp mạng\nnội bộ\n\nVăn phòng\nHĐND và\nUBND xã\n\nHệ thống\n\nQuý\nII/2026\n\n"
                       "STT\n\nNhiệm vụ\n\nI\n\nCHÍNH QUYỀN SỐ\n\n1\n\nCác thôn\n\nTừ năm 1995\n\n"
                       "II\n\nKINH TẾ SỐ\n\n3\n\nHỗ trợ bán hàng\ntrực tuyến\n\n4\n\nHướng dẫn thanh toán\nkhông dùng tiền mặt\n\n"
                       "III\n\nXÃ HỘI SỐ\n\nPhòng Kinh tế\n\nPhòng Kinh tế\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_int_equal(t->nrows, 8);
    assert_string_equal(cell(t, 2, "STT"), "1");
    assert_string_equal(cell(t, 2, "Nhiệm vụ"), "Số hóa hồ sơ");
    assert_string_equal(cell(t, 2, "Cơ quan chủ trì"), "Công an xã");
    assert_string_equal(cell(t, 2, "Cơ quan phối hợp"), "Các thôn");
    assert_string_equal(cell(t, 2, "Sản phẩm"), "Kết quả số hóa");
    assert_string_equal(cell(t, 2, "Thời gian"), "Tháng 12/2026");
    assert_string_equal(cell(t, 3, "Thời gian"), "Quý II/2026");
    assert_string_equal(cell(t, 5, "STT"), "3");
    assert_string_equal(cell(t, 5, "Cơ quan chủ trì"), "Phòng Kinh tế");
    assert_string_equal(cell(t, 5, "Cơ quan phối hợp"), "");
    assert_string_equal(cell(t, 6, "Cơ quan chủ trì"), "Phòng Kinh tế");
    for (size_t r = 1; r < t->nrows; r++)
        assert_string_not_equal(cell(t, r, "Thời gian"), "Từ năm 1995");
    doc_free(d);
}

/* plain5: a row's two units running right after its code ("Trung tâm
 * Phục vụ …" / "Các công chức …", then the next code) are its lead and
 * support, not its name; its name comes after a later row's, followed by
 * more cells than one row holds (three due phrases): they fill the rows'
 * holes in reading order, from the first row. */
static void test_name_printed_after_later_rows(void **state)
{
    (void)state;
    doc *d = read_text("PHỤ LỤC\n\nTT\n\nNhiệm vụ\n\nChủ trì\n\nPhối hợp\n\nThời gian\n\nSản phẩm\n\n"
                       "1\n\nTrung tâm Phục vụ\nhành chính công xã\n\nCác công chức\nchuyên môn\n\n"
                       "2\n\nVận hành hệ thống\nquản lý văn bản\n\nVăn phòng\nHĐND và\nUBND xã\n\n"
                       "3\n\nRà soát an toàn\nthông tin mạng\n\nVăn phòng\nHĐND và\nUBND xã\n\n"
                       "Cập nhật dữ liệu\nthủ tục hành chính\n\nQuý\nII/2026\n\nDữ liệu được\nchuẩn hóa\n\n"
                       "Thường\nxuyên\n\nVăn bản điện tử\n\nCông an xã\n\nTháng\n10/2026\n\nBáo cáo đánh giá\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_int_equal(t->nrows, 4);
    assert_string_equal(cell(t, 1, "Nhiệm vụ"), "Cập nhật dữ liệu thủ tục hành chính");
    assert_string_equal(cell(t, 1, "Chủ trì"), "Trung tâm Phục vụ hành chính công xã");
    assert_string_equal(cell(t, 1, "Phối hợp"), "Các công chức chuyên môn");
    assert_string_equal(cell(t, 1, "Thời gian"), "Quý II/2026");
    assert_string_equal(cell(t, 1, "Sản phẩm"), "Dữ liệu được chuẩn hóa");
    assert_string_equal(cell(t, 2, "Thời gian"), "Thường xuyên");
    assert_string_equal(cell(t, 2, "Sản phẩm"), "Văn bản điện tử");
    assert_string_equal(cell(t, 3, "Nhiệm vụ"), "Rà soát an toàn thông tin mạng");
    assert_string_equal(cell(t, 3, "Phối hợp"), "Công an xã");
    assert_string_equal(cell(t, 3, "Thời gian"), "Tháng 10/2026");
    assert_string_equal(cell(t, 3, "Sản phẩm"), "Báo cáo đánh giá");
    doc_free(d);
}

/* plain5: codes printed as a run ("3" / "4" / "5") whose names come later
 * among their other cells: the cells fill the rows from the row before the
 * run that holds its name only ("2"), the names go to the run's rows in
 * order; "Các thôn, ấp" printed among other rows' cells is a support. */
static void test_code_run_names_later(void **state)
{
    (void)state;
    doc *d = read_text("PHỤ LỤC\n\nTT\n\nTên chỉ tiêu\n\nĐơn vị chủ trì\n\nĐơn vị phối hợp\n\nChỉ tiêu năm 2026\n\n"
                       "Thời hạn\n\n"
                       "1\n\nTỷ lệ văn bản điện tử\nđược ký số\n\nVăn phòng HĐND\nvà UBND xã\n\nCác phòng chuyên môn\n\n"
                       "≥ 90%\n\nTháng\n12/2026\n\n"
                       "2\n\nTỷ lệ giao dịch không\ndùng tiền mặt\n\n3\n\n4\n\n5\n\n"
                       "Trên 50%\n\nTháng\n11/2026\n\nCác thôn, ấp\n\nĐạt 95%\n\nTháng\n9/2026\n\nCác thôn, ấp\n\n"
                       "Dưới 5%\n\nThường\nxuyên\n\n12 lớp\n\nQuý\nIV/2026\n\nPhòng Kinh tế\n\nCác ngân hàng\n\n"
                       "Tỷ lệ người dân có tài\nkhoản định danh\n\nCông an xã\n\nTỷ lệ hồ sơ sức khỏe\nchưa cập nhật\n\n"
                       "Trạm Y tế xã\n\nSố lớp tập huấn kỹ\nnăng số\n\nPhòng Văn hóa\n- Xã hội\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_int_equal(t->nrows, 6);
    assert_string_equal(cell(t, 2, "Chỉ tiêu năm 2026"), "Trên 50%");
    assert_string_equal(cell(t, 2, "Thời hạn"), "Tháng 11/2026");
    assert_string_equal(cell(t, 2, "Đơn vị chủ trì"), "Phòng Kinh tế");
    assert_string_equal(cell(t, 3, "TT"), "3");
    assert_string_equal(cell(t, 3, "Tên chỉ tiêu"), "Tỷ lệ người dân có tài khoản định danh");
    assert_string_equal(cell(t, 3, "Chỉ tiêu năm 2026"), "Đạt 95%");
    assert_string_equal(cell(t, 3, "Đơn vị chủ trì"), "Công an xã");
    assert_string_equal(cell(t, 3, "Đơn vị phối hợp"), "Các thôn, ấp");
    assert_string_equal(cell(t, 4, "Tên chỉ tiêu"), "Tỷ lệ hồ sơ sức khỏe chưa cập nhật");
    assert_string_equal(cell(t, 4, "Thời hạn"), "Thường xuyên");
    assert_string_equal(cell(t, 4, "Đơn vị chủ trì"), "Trạm Y tế xã");
    assert_string_equal(cell(t, 5, "Tên chỉ tiêu"), "Số lớp tập huấn kỹ năng số");
    assert_string_equal(cell(t, 5, "Chỉ tiêu năm 2026"), "12 lớp");
    assert_string_equal(cell(t, 5, "Đơn vị chủ trì"), "Phòng Văn hóa - Xã hội");
    doc_free(d);
}

/* plain5: a header repeated on a later page with its span glued to a year
 * column's ("Chỉ tiêu theo năm" / "Năm" / "2026", one block once the
 * header cells are past): no second column of that year. */
static void test_repeated_year_header(void **state)
{
    (void)state;
    char text[8192];
    size_t n = (size_t)snprintf(text, sizeof text, "PHỤ LỤC\n\nTT\n\nChỉ tiêu\n\nĐVT\n\nNăm\n2026\n\nNăm\n2027\n\n"
                                                    "Chủ trì\n\n");
    for (int r = 1; r <= 7; r++)    /* past 40 cells, under 8 rows: header cells still read */
        n += (size_t)snprintf(text + n, sizeof text - n, "%d\n\nTỷ lệ hồ sơ số %d\n\n%%\n\n%d\n\n%d\n\nCông an xã\n\n",
                              r, r, 40 + r, 50 + r);
    snprintf(text + n, sizeof text - n, "\fTT\n\nChỉ tiêu\n\nĐVT\n\nChỉ tiêu theo năm\nNăm\n2026\n\nNăm\n2027\n\n"
                                        "Chủ trì\n\n8\n\nTỷ lệ người dân có\nđịa chỉ số\n\n%%\n\n70\n\n80\n\n"
                                        "Phòng Văn hóa\n- Xã hội\n");
    doc *d = read_text(text);
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_int_equal(t->ncols, 6);
    assert_int_equal(t->nrows, 9);
    assert_string_equal(cell(t, 8, "Năm 2026"), "70");
    assert_string_equal(cell(t, 8, "Năm 2027"), "80");
    assert_string_equal(cell(t, 8, "Chủ trì"), "Phòng Văn hóa - Xã hội");
    doc_free(d);
}

/* plain5: a target glued at the head of a line of two interleaved units
 * ("Trung tâm Phục" / "Các phòng" / "Đạt 100% vụ hành chính" / "chuyên
 * môn" / "công xã"): the target is a cell of its own, the units are taken
 * apart as before. */
static void test_target_at_line_head(void **state)
{
    (void)state;
    doc *d = read_text("PHỤ LỤC\n\nSTT Nội dung chỉ tiêu\n\nĐơn vị chủ\ntrì\n\nĐơn vị phối\nhợp\n\n"
                       "Chỉ tiêu năm\n2026\n\n"
                       "1\n\nTỷ lệ hồ sơ được\nký số\n\n"
                       "Trung tâm Phục\nCác phòng\nĐạt 100% vụ hành chính\nchuyên môn\ncông xã\n\n"
                       "2\n\nSố tin bài\ntuyên truyền\n\nCông an xã\n\nCác thôn\n\nTối thiểu 12 tin\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_int_equal(t->nrows, 3);
    assert_string_equal(cell(t, 1, "Đơn vị chủ trì"), "Trung tâm Phục vụ hành chính công xã");
    assert_string_equal(cell(t, 1, "Đơn vị phối hợp"), "Các phòng chuyên môn");
    assert_string_equal(cell(t, 1, "Chỉ tiêu năm 2026"), "Đạt 100%");
    assert_string_equal(cell(t, 2, "Chỉ tiêu năm 2026"), "Tối thiểu 12 tin");
    doc_free(d);
}

/* plain5: a paragraph's last line ending in ':' ("như sau:", after a long
 * line) still ends the lines taken back before "STT"; only a short one
 * after a short line (a name wrapped in a cell: "gồm:") does not. */
static void test_intro_colon_stays_prose(void **state)
{
    (void)state;
    doc *d = read_text("UBND xã ban hành kế hoạch thực hiện chuyển đổi số năm 2026 với các chỉ tiêu, nhiệm vụ và "
                       "phân công cụ thể\nnhư sau:\nThường\nxuyên\n\nSTT Nội dung chỉ tiêu\n\nĐơn vị chủ\ntrì\n\n"
                       "Thời gian\n\n1\n\nTỷ lệ hồ sơ trực tuyến\n\nCông an xã\n\n"
                       "2\n\nSố camera an ninh\n\nPhòng Kinh tế\n\nQuý\nII/2026\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_int_equal(t->nrows, 3);
    for (size_t i = 0; i < t->nrows * t->ncols; i++)
        assert_null(strstr(t->cells[i].text, "như sau"));
    int kept = 0;   /* the paragraph keeps its last line */
    for (size_t i = 0; i < d->n; i++)
        kept |= d->blocks[i].kind == DOC_PARA && strstr(d->blocks[i].text, "cụ thể như sau:") != NULL;
    assert_true(kept);
    assert_string_equal(cell(t, 1, "Thời gian"), "Thường xuyên");
    assert_string_equal(cell(t, 2, "Nội dung chỉ tiêu"), "Số camera an ninh");
    doc_free(d);
}

/* plain5: two codes printed as a run ("2" / "3"), then one block holding
 * both names (the second starts at a line in title case) with an ĐVT word
 * beside the first on a line of its own ("Hộ"): cut into the two names,
 * the word the first row's ĐVT. */
static void test_two_names_one_block(void **state)
{
    (void)state;
    doc *d = read_text("PHỤ LỤC\n\nTT\n\nChỉ tiêu\n\nĐVT\n\nNăm\n2026\n\nCơ quan chủ\ntrì\n\n"
                       "1\n\nTỷ lệ hồ sơ trực tuyến\n\n%\n\n50\n\nCông an xã\n\n2\n\n3\n\n"
                       "Số hộ kinh doanh sử dụng\nHộ\nhóa đơn điện tử\nTỷ lệ hợp tác xã nông\n"
                       "nghiệp ứng dụng công nghệ số\n\n%\n\n80\n\nPhòng Kinh tế\n\n30\n\nPhòng Kinh tế\n");
    doc_table *t = first_table(d);
    assert_non_null(t);
    assert_int_equal(t->nrows, 4);
    assert_string_equal(cell(t, 2, "Chỉ tiêu"), "Số hộ kinh doanh sử dụng hóa đơn điện tử");
    assert_string_equal(cell(t, 2, "ĐVT"), "Hộ");
    assert_string_equal(cell(t, 3, "TT"), "3");
    assert_string_equal(cell(t, 3, "Chỉ tiêu"), "Tỷ lệ hợp tác xã nông nghiệp ứng dụng công nghệ số");
    assert_string_equal(cell(t, 3, "ĐVT"), "%");
    doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_blocks_by_kind),
        cmocka_unit_test(test_interleaved_and_late_code),
        cmocka_unit_test(test_cells_before_header),
        cmocka_unit_test(test_wrapped_cell_before_header),
        cmocka_unit_test(test_page_break),
        cmocka_unit_test(test_alternating_headers),
        cmocka_unit_test(test_unsure_is_paragraphs),
        cmocka_unit_test(test_codes_lead_names),
        cmocka_unit_test(test_rows_named_first),
        cmocka_unit_test(test_code_run),
        cmocka_unit_test(test_group_column),
        cmocka_unit_test(test_header_role),
        cmocka_unit_test(test_end_target_first),
        cmocka_unit_test(test_year_headers_and_due),
        cmocka_unit_test(test_due_split_in_block),
        cmocka_unit_test(test_unit_among_name_lines),
        cmocka_unit_test(test_capital_groups),
        cmocka_unit_test(test_zero_value_and_year_due),
        cmocka_unit_test(test_year_labels_and_province),
        cmocka_unit_test(test_dangling_half),
        cmocka_unit_test(test_support_printed_first),
        cmocka_unit_test(test_code_after_name),
        cmocka_unit_test(test_target_and_units_among_lines),
        cmocka_unit_test(test_first_row_after_group),
        cmocka_unit_test(test_unit_item_after_break),
        cmocka_unit_test(test_three_headers_lettered_groups),
        cmocka_unit_test(test_rows_before_stt_sorted),
        cmocka_unit_test(test_first_row_cells_and_runs),
        cmocka_unit_test(test_name_printed_after_later_rows),
        cmocka_unit_test(test_code_run_names_later),
        cmocka_unit_test(test_repeated_year_header),
        cmocka_unit_test(test_target_at_line_head),
        cmocka_unit_test(test_intro_colon_stays_prose),
        cmocka_unit_test(test_two_names_one_block),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
