/* test_extract.c — the extractor (import/extract*.c) on docs built by hand,
 * one layout rule per test: two header rows with merged cells, tables cut
 * by page breaks, group rows, unit names, indicator vs task rows, prose
 * targets, restated prose targets, heading fields, and an empty doc. The
 * fictional commune "Hòa Bình" stands in for real plans. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <jansson.h>
#include "import/extract.h"

#define M_LEFT "\x01"   /* cell covered by the cell to its left */
#define M_UP "\x02"     /* cell covered by the cell above */

/* A table of NROWS x NCOLS from row-major strings (M_LEFT, M_UP for merges). */
static doc_table *table(doc *d, size_t nrows, size_t ncols, const char *const *cells)
{
    doc_table *t = doc_add_table(d, nrows, ncols, 0);
    assert_non_null(t);
    for (size_t r = 0; r < nrows; r++)
        for (size_t c = 0; c < ncols; c++) {
            const char *s = cells[r * ncols + c];
            if (!strcmp(s, M_LEFT) || !strcmp(s, M_UP)) {
                doc_cell_at(t, r, c)->merged = !strcmp(s, M_LEFT) ? DOC_MERGE_LEFT : DOC_MERGE_UP;
                continue;
            }
            assert_int_equal(doc_cell_set(t, r, c, s), 0);
        }
    return t;
}

static void para(doc *d, const char *s)
{
    assert_non_null(doc_add_para(d, s, 0));
}

static plan *run(doc *d, strlist *warn)
{
    plan *p = NULL;
    dti_err e;
    dti_err_clear(&e);
    assert_int_equal(extract_plan(d, &p, warn, &e), DTI_OK);
    assert_non_null(p);
    return p;
}

static plan_indicator *ind(const plan *p, const char *code)
{
    for (size_t i = 0; i < p->nindicators; i++)
        if (!strcmp(p->indicators[i]->code, code))
            return p->indicators[i];
    fail_msg("no indicator %s", code);
    return NULL;
}

static plan_task *task(const plan *p, const char *group, const char *code)
{
    for (size_t i = 0; i < p->ntasks; i++)
        if (!strcmp(p->tasks[i]->code, code) && p->tasks[i]->group && !strcmp(p->tasks[i]->group, group))
            return p->tasks[i];
    fail_msg("no task %s/%s", group, code);
    return NULL;
}

static void test_two_header_rows_merged(void **state)
{
    (void)state;
    doc *d = doc_new("t");
    para(d, "KẾ HOẠCH");
    para(d, "Chuyển đổi số xã Hòa Bình giai đoạn 2026 - 2030");
    static const char *const cells[] = {
        "STT", "Tên chỉ tiêu", "Cơ quan chủ trì", "Phân công tại cấp xã", M_LEFT, "Năm 2026", "Đến năm 2030",
        M_UP, M_UP, M_UP, "Phòng ban tiếp nhận", "Phòng ban phối hợp", M_UP, M_UP,
        "1.", "Hạ tầng số", M_LEFT, M_LEFT, M_LEFT, M_LEFT, M_LEFT,
        "1.1", "Tỷ lệ hộ gia đình có Internet cáp quang", "Sở KH&CN", "Phòng Kinh tế", "Các thôn",
        "Đạt trên 60%", "90%",
    };
    table(d, 4, 7, cells);
    plan *p = run(d, NULL);
    assert_int_equal(p->nindicators, 1);
    plan_indicator *i = ind(p, "1.1");
    assert_string_equal(i->group, "1");
    assert_string_equal(i->name, "Tỷ lệ hộ gia đình có Internet cáp quang");
    assert_int_equal(i->lead.n, 1);
    assert_string_equal(i->lead.v[0], "Phòng Kinh tế");
    assert_int_equal(i->support.n, 1);
    assert_string_equal(i->support.v[0], "Các thôn");
    assert_non_null(i->x);
    json_t *pl = json_object_get(i->x, "parent_lead");
    assert_true(json_is_array(pl));
    assert_string_equal(json_string_value(json_array_get(pl, 0)), "Sở KH&CN");
    assert_int_equal(i->ntargets, 2);
    assert_int_equal(i->targets[0].year, 2026);
    assert_int_equal(i->targets[0].op, TARGET_GT);
    assert_true(i->targets[0].value == 60);
    assert_string_equal(i->targets[0].unit, "%");
    assert_int_equal(i->targets[1].year, 2030);
    assert_int_equal(i->targets[1].op, TARGET_GE);
    assert_true(i->targets[1].value == 90);
    assert_int_equal(p->ngroups, 1);
    assert_string_equal(p->groups[0]->name, "Hạ tầng số");
    plan_free(p);
    doc_free(d);
}

static void test_page_break_continuation(void **state)
{
    (void)state;
    doc *d = doc_new("t");
    static const char *const a[] = {
        "TT", "Chỉ số", "Đơn vị chủ trì", "Năm 2026",
        "1.1", "Tỷ lệ hộ gia đình có kết nối", "Phòng Văn hóa - Xã hội; Công an", "70%",
    };
    static const char *const b[] = {
        "", "Internet cáp quang", "xã", "",
        "1.2", "Tỷ lệ người dân có chữ ký số", "Công an xã", "30%",
    };
    table(d, 2, 4, a);
    para(d, "3");       /* a page number between the fragments */
    doc_table *t = table(d, 2, 4, b);
    (void)t;
    plan *p = run(d, NULL);
    assert_int_equal(p->nindicators, 2);
    plan_indicator *i = ind(p, "1.1");
    assert_string_equal(i->name, "Tỷ lệ hộ gia đình có kết nối Internet cáp quang");
    assert_int_equal(i->lead.n, 2);
    assert_string_equal(i->lead.v[1], "Công an xã");
    assert_true(ind(p, "1.2")->targets[0].value == 30);
    plan_free(p);
    doc_free(d);

    /* a fragment marked continued whose first row brings the code */
    d = doc_new("t");
    static const char *const c[] = {
        "TT", "Nhiệm vụ", "Cơ quan chủ trì", "Sản phẩm đầu ra", "Thời gian hoàn thành",
        "1", "Nâng cấp mạng nội bộ", "Văn phòng HĐND&UBND", "Mạng LAN", "Năm 2026",
        "", "Tổ chức tập huấn cho tổ", "Phòng Văn hóa - Xã hội", "Các lớp", "Quý II năm 2026",
    };
    static const char *const e[] = {
        "2", "công nghệ số cộng đồng", "", "tập huấn", "",
    };
    table(d, 3, 5, c);
    table(d, 1, 5, e)->continued = 1;
    p = run(d, NULL);
    assert_int_equal(p->ntasks, 2);
    assert_string_equal(p->tasks[1]->code, "2");
    assert_string_equal(p->tasks[1]->name, "Tổ chức tập huấn cho tổ công nghệ số cộng đồng");
    assert_string_equal(p->tasks[1]->outputs.v[0], "Các lớp tập huấn");
    assert_string_equal(p->tasks[1]->due_text, "Quý II năm 2026");
    assert_string_equal(p->tasks[0]->due_text, "Năm 2026");
    plan_free(p);
    doc_free(d);
}

static void test_group_rows(void **state)
{
    (void)state;
    doc *d = doc_new("t");
    static const char *const cells[] = {
        "TT", "Chỉ tiêu/nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành",
        "I", "Các chỉ tiêu năm 2026", "", "",
        "1.", "Hạ tầng số:", "", "",
        "1.1", "Tỷ lệ phủ sóng 5G: Đạt tối thiểu 70%", "Phòng Văn hóa - Xã hội", "Tháng 12/2026",
        "2", "Nhân lực số", "", "",
        "2.1", "100% cán bộ được bồi dưỡng kỹ năng số", "Phòng Văn hóa - Xã hội", "Thường xuyên",
        "II. Xây dựng các văn bản", "", "", "",
        "1", "Kế hoạch chuyển đổi số năm 2027 đạt 100%", "Phòng Văn hóa - Xã hội", "Quý IV/2026",
    };
    table(d, 8, 4, cells);
    plan *p = run(d, NULL);
    /* "I" only wraps groups 1 and 2: not a group itself */
    assert_int_equal(p->ngroups, 3);
    assert_string_equal(p->groups[0]->code, "1");
    assert_string_equal(p->groups[0]->name, "Hạ tầng số");
    assert_string_equal(p->groups[1]->code, "2");
    assert_string_equal(p->groups[2]->code, "II");
    assert_string_equal(p->groups[2]->name, "Xây dựng các văn bản");
    assert_string_equal(ind(p, "1.1")->group, "1");
    assert_string_equal(ind(p, "1.1")->due, "2026-12");
    assert_string_equal(ind(p, "2.1")->group, "2");
    assert_string_equal(ind(p, "2.1")->name, "Cán bộ được bồi dưỡng kỹ năng số");
    assert_string_equal(ind(p, "2.1")->due, "recurring");
    /* documents to issue are tasks, whatever numbers they carry */
    assert_int_equal(p->ntasks, 1);
    assert_string_equal(task(p, "II", "1")->name, "Kế hoạch chuyển đổi số năm 2027 đạt 100%");
    plan_free(p);
    doc_free(d);
}

static void test_unit_splitting(void **state)
{
    (void)state;
    doc *d = doc_new("t");
    static const char *const cells[] = {
        "TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
        "1", "Số hóa hồ sơ", "Phòng Văn hóa - Xã hội; Công an xã;",
        "Các phòng chuyên môn xã, các cơ quan, đơn vị có liên quan",
        "2", "Tuyên truyền", "Văn phòng HĐND&UBND Phòng Văn hoá-Xã hội", "- Các thôn.\n- Các doanh nghiệp\nĐoàn Thanh niên",
    };
    table(d, 3, 4, cells);
    plan *p = run(d, NULL);
    assert_int_equal(p->ntasks, 2);
    plan_task *a = p->tasks[0], *b = p->tasks[1];
    assert_int_equal(a->lead.n, 2);
    assert_string_equal(a->lead.v[0], "Phòng Văn hóa - Xã hội");
    assert_string_equal(a->lead.v[1], "Công an xã");
    /* commas do not split */
    assert_int_equal(a->support.n, 1);
    assert_string_equal(a->support.v[0], "Các phòng chuyên môn xã, các cơ quan, đơn vị có liên quan");
    /* a lost line break between two unit names */
    assert_int_equal(b->lead.n, 2);
    assert_string_equal(b->lead.v[1], "Phòng Văn hoá-Xã hội");
    /* list markers and paragraph breaks */
    assert_int_equal(b->support.n, 3);
    assert_string_equal(b->support.v[0], "Các thôn");
    assert_string_equal(b->support.v[2], "Đoàn Thanh niên");
    plan_free(p);
    doc_free(d);
    /* round 10: two paragraphs of a cell glued by a PDF reader ("Bưu điện xã"
     * / "Trưởng các thôn", "Quyết định kiện toàn" / "Báo cáo hoạt động");
     * "Trưởng Công an xã" is one post */
    d = doc_new("t");
    static const char *const cells2[] = {
        "TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm",
        "1", "Gắn địa chỉ số", "Trưởng Công an xã", "Bưu điện xã Trưởng các thôn",
        "Quyết định kiện toàn Báo cáo hoạt động",
    };
    table(d, 2, 5, cells2);
    p = run(d, NULL);
    assert_int_equal(p->ntasks, 1);
    a = p->tasks[0];
    assert_int_equal(a->lead.n, 1);
    assert_int_equal(a->support.n, 2);
    assert_string_equal(a->support.v[1], "Trưởng các thôn");
    assert_int_equal(a->outputs.n, 2);
    assert_string_equal(a->outputs.v[1], "Báo cáo hoạt động");
    plan_free(p);
    doc_free(d);
}

static void test_indicator_vs_task(void **state)
{
    (void)state;
    doc *d = doc_new("t");
    para(d, "KẾ HOẠCH Chuyển đổi số xã Hòa Bình năm 2026");
    static const char *const cells[] = {
        "TT", "Chỉ tiêu/nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp",
        "1", "Tỷ lệ hồ sơ được số hóa: Đạt tối thiểu 80%", "Phòng A", "Phòng B",
        "2", "Xây dựng kho dữ liệu dùng chung của xã", "Phòng A", "",
        "3", "Chỉ số chuyển đổi số cấp xã đạt tối thiểu 0,70", "Phòng A", "",
        "4", "Doanh nghiệp công nghệ số: 01 doanh nghiệp/1.000 dân", "Phòng A", "",
    };
    table(d, 5, 4, cells);
    plan *p = run(d, NULL);
    assert_int_equal(p->nindicators, 3);
    assert_int_equal(p->ntasks, 1);
    plan_indicator *i = ind(p, "1");
    assert_string_equal(i->name, "Tỷ lệ hồ sơ được số hóa");
    assert_int_equal(i->targets[0].year, 2026);
    assert_true(i->targets[0].value == 80);
    assert_string_equal(ind(p, "3")->name, "Chỉ số chuyển đổi số cấp xã");
    assert_true(ind(p, "3")->targets[0].value > 0.69 && ind(p, "3")->targets[0].value < 0.71);
    assert_string_equal(ind(p, "3")->targets[0].unit, "");
    assert_true(ind(p, "4")->targets[0].value == 1);
    assert_string_equal(ind(p, "4")->targets[0].unit, "doanh nghiệp/1.000 dân");
    assert_string_equal(p->tasks[0]->name, "Xây dựng kho dữ liệu dùng chung của xã");
    plan_free(p);
    doc_free(d);
}

static void test_prose_targets(void **state)
{
    (void)state;
    doc *d = doc_new("t");
    para(d, "KẾ HOẠCH");
    para(d, "Chuyển đổi số xã Hòa Bình năm 2026");
    para(d, "I. MỤC ĐÍCH, YÊU CẦU");
    para(d, "- Phấn đấu 100% cán bộ tham gia phong trào.");
    para(d, "II. MỤC TIÊU");
    para(d, "1. Mục tiêu chung");
    para(d, "- Hoàn thành 100% các chỉ tiêu tỉnh giao.");
    para(d, "2. Mục tiêu cụ thể");
    para(d, "- Tỷ lệ phủ sóng 5G trên dân số: Đạt tối thiểu 70%.");
    para(d, "- Phấn đấu 100% hồ sơ được số hóa; tỷ lệ người dân từ 15 tuổi trở lên có tài khoản "
            "đạt 90%.");
    para(d, "III. NHIỆM VỤ VÀ GIẢI PHÁP");
    para(d, "1. Hạ tầng số");
    para(d, "a) Phát triển mạng cáp quang, đảm bảo tỷ lệ hộ gia đình có cáp quang đạt tối thiểu "
            "50% trong năm 2026, đến năm 2030 đạt từ 80% trở lên.");
    para(d, "b) Kiểm tra an toàn thông tin cho 100% hệ thống.");
    para(d, "IV. TỔ CHỨC THỰC HIỆN");
    para(d, "- Bảo đảm 100% đơn vị báo cáo đúng hạn.");
    plan *p = run(d, NULL);
    assert_int_equal(p->nindicators, 4);
    plan_indicator *a = ind(p, "T1"), *b = ind(p, "T2"), *c = ind(p, "T3"), *e = ind(p, "T4");
    assert_string_equal(a->name, "Tỷ lệ phủ sóng 5G trên dân số");
    assert_string_equal(a->group, "2");
    assert_int_equal(a->targets[0].op, TARGET_GE);
    assert_true(a->targets[0].value == 70);
    assert_string_equal(b->name, "Hồ sơ được số hóa");
    assert_true(b->targets[0].value == 100);
    assert_string_equal(c->name, "Tỷ lệ người dân từ 15 tuổi trở lên có tài khoản");
    assert_true(c->targets[0].value == 90);
    assert_string_equal(e->name, "Tỷ lệ hộ gia đình có cáp quang");
    assert_string_equal(e->group, "1");
    assert_int_equal(e->ntargets, 2);
    assert_int_equal(e->targets[0].year, 2026);
    assert_true(e->targets[0].value == 50);
    assert_int_equal(e->targets[1].year, 2030);
    assert_true(e->targets[1].value == 80);
    assert_int_equal(p->ntasks, 0);     /* bullets are never tasks */
    plan_free(p);
    doc_free(d);

    /* unnumbered headings in capitals open and close sections too */
    d = doc_new("t");
    para(d, "KẾ HOẠCH Chuyển đổi số xã Hòa Bình năm 2026");
    para(d, "MỤC TIÊU CỤ THỂ");
    para(d, "- Tỷ lệ hồ sơ trực tuyến: Đạt tối thiểu 80%.");
    para(d, "TỔ CHỨC THỰC HIỆN");
    para(d, "- Đảm bảo 100% đơn vị báo cáo đúng hạn.");
    p = run(d, NULL);
    assert_int_equal(p->nindicators, 1);
    assert_string_equal(p->indicators[0]->name, "Tỷ lệ hồ sơ trực tuyến");
    assert_null(p->indicators[0]->group);
    plan_free(p);
    doc_free(d);
}

static void test_prose_restating_a_row(void **state)
{
    (void)state;
    doc *d = doc_new("t");
    para(d, "KẾ HOẠCH Chuyển đổi số xã Hòa Bình năm 2026");
    para(d, "II. MỤC TIÊU CỤ THỂ");
    para(d, "1. Hạ tầng số");
    para(d, "- Tỷ lệ người dân có Sổ sức khỏe điện tử: Đạt tối thiểu 40%.");
    para(d, "- Tỷ lệ giáo viên được tập huấn dạy học trên nền tảng số đạt 100%.");
    para(d, "Phụ lục 1");
    static const char *const cells[] = {
        "TT", "Chỉ tiêu", "Đơn vị chủ trì", "Năm 2026",
        "1", "Tỷ lệ người dân có Số sức khỏe điện tử", "Trạm Y tế", "40%",
    };
    table(d, 2, 4, cells);
    plan *p = run(d, NULL);
    assert_int_equal(p->nindicators, 2);
    assert_string_equal(ind(p, "1")->name, "Tỷ lệ người dân có Số sức khỏe điện tử");
    assert_string_equal(ind(p, "T1")->name, "Tỷ lệ giáo viên được tập huấn dạy học trên nền tảng số");
    /* the prose group "1" clashes with nothing: it keeps its code */
    assert_string_equal(ind(p, "T1")->group, "1");
    plan_free(p);
    doc_free(d);
}

static void test_heading_fields(void **state)
{
    (void)state;
    doc *d = doc_new("t");
    para(d, "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH");
    para(d, "Số: 12 /KH-UBND");
    para(d, "Hòa Bình, ngày 05 tháng 3 năm 2026");
    para(d, "KẾ HOẠCH");
    para(d, "Nâng cao chỉ số chuyển đổi số (DTI)");
    para(d, "xã Hòa Bình năm 2026");
    para(d, "Căn cứ Kế hoạch số 99/KH-UBND ngày 01/02/2026 của UBND tỉnh Lạng Sơn về chuyển đổi số;");
    strlist warn = STRLIST_INIT;
    plan *p = run(d, &warn);
    assert_string_equal(p->title, "Kế hoạch Nâng cao chỉ số chuyển đổi số (DTI) xã Hòa Bình năm 2026");
    assert_string_equal(p->commune, "Hòa Bình");
    assert_string_equal(p->province, "Lạng Sơn");
    assert_string_equal(p->number, "12/KH-UBND");
    assert_string_equal(p->issued, "2026-03-05");
    /* no indicator, no task: a warning */
    assert_int_equal(warn.n, 1);
    strlist_release(&warn);
    plan_free(p);
    doc_free(d);
}

static void test_header_under_title_rows(void **state)
{
    (void)state;
    doc *d = doc_new("t");
    static const char *const cells[] = {
        "DANH MỤC NHIỆM VỤ NĂM 2026", M_LEFT, M_LEFT, M_LEFT,
        "(Kèm theo Kế hoạch số 7/KH-UBND)", M_LEFT, M_LEFT, M_LEFT,
        "TT", "Nhiệm vụ", "Đơn vị chủ trì", "Sản phẩm",
        "1", "Số hóa hồ sơ địa chính", "Phòng Kinh tế", "Cơ sở dữ liệu",
        "2.1", "Một dòng có mã", "Phòng Kinh tế", "Tháng 12/2026",
    };
    table(d, 5, 4, cells);
    plan *p = run(d, NULL);
    /* the data rows under the header are never taken for a header */
    assert_int_equal(p->ntasks, 2);
    assert_string_equal(p->tasks[0]->name, "Số hóa hồ sơ địa chính");
    assert_string_equal(p->tasks[0]->outputs.v[0], "Cơ sở dữ liệu");
    plan_free(p);
    doc_free(d);
}

/* "Chỉ tiêu/nhiệm vụ" with products and funding: rows still told apart. */
static void test_mixed_with_products(void **state)
{
    (void)state;
    doc *d = doc_new("t");
    para(d, "KẾ HOẠCH Chuyển đổi số xã Hòa Bình năm 2026");
    static const char *const cells[] = {
        "STT", "Chỉ tiêu/nhiệm vụ", "Đơn vị chủ trì", "Sản phẩm", "Kinh phí",
        "1", "Tỷ lệ hồ sơ xử lý trên môi trường mạng đạt tối thiểu 90%", "Phòng A", "Báo cáo", "",
        "2", "Triển khai họp trực tuyến với các thôn", "Phòng A", "Hệ thống họp", "Ngân sách xã",
    };
    table(d, 3, 5, cells);
    plan *p = run(d, NULL);
    assert_int_equal(p->nindicators, 1);
    assert_int_equal(p->ntasks, 1);
    assert_string_equal(ind(p, "1")->name, "Tỷ lệ hồ sơ xử lý trên môi trường mạng");
    assert_string_equal(p->tasks[0]->outputs.v[0], "Hệ thống họp");
    assert_string_equal(p->tasks[0]->funding, "Ngân sách xã");
    plan_free(p);
    doc_free(d);
}

/* A baseline column is no target; a province lead column after the
 * commune's is x.parent_lead; a sheet's year comes from its title row. */
static void test_baseline_and_province_lead(void **state)
{
    (void)state;
    doc *d = doc_new("t");
    static const char *const cells[] = {
        "CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2026", M_LEFT, M_LEFT, M_LEFT, M_LEFT, M_LEFT,
        "TT", "Tên chỉ tiêu", "Kết quả thực hiện năm 2025", "Mục tiêu", "Chủ trì tại phường",
        "Sở, ngành chủ trì",
        "1", "Tỷ lệ hồ sơ trực tuyến", "55%", "Tối thiểu 70%", "Trung tâm PVHCC", "Văn phòng UBND tỉnh",
    };
    table(d, 3, 6, cells);
    plan *p = run(d, NULL);
    plan_indicator *i = ind(p, "1");
    assert_int_equal(i->ntargets, 1);
    assert_int_equal(i->targets[0].year, 2026);
    assert_true(i->targets[0].value == 70);
    assert_int_equal(i->lead.n, 1);
    assert_string_equal(i->lead.v[0], "Trung tâm PVHCC");
    json_t *pl = json_object_get(i->x, "parent_lead");
    assert_string_equal(json_string_value(json_array_get(pl, 0)), "Văn phòng UBND tỉnh");
    plan_free(p);
    doc_free(d);
}

/* A title line may start with "Thực hiện"; a body line citing a plan not. */
static void test_title_thuc_hien(void **state)
{
    (void)state;
    doc *d = doc_new("t");
    para(d, "KẾ HOẠCH");
    para(d, "Thực hiện nhiệm vụ chuyển đổi số năm 2026 trên địa bàn xã Hòa Bình");
    para(d, "Thực hiện Kế hoạch số 18/KH-UBND ngày 14/01/2026 của UBND tỉnh Lạng Sơn");
    plan *p = run(d, NULL);
    assert_string_equal(p->title, "Kế hoạch Thực hiện nhiệm vụ chuyển đổi số năm 2026 trên địa bàn xã Hòa Bình");
    plan_free(p);
    doc_free(d);
}

/* "85% năm 2026 và 95% vào năm 2028": two targets; "đến năm 2028" before
 * the phrase is the target's year, not part of the name. */
static void test_prose_years(void **state)
{
    (void)state;
    doc *d = doc_new("t");
    para(d, "KẾ HOẠCH");
    para(d, "Chuyển đổi số xã Hòa Bình giai đoạn 2026 - 2028");
    para(d, "II. MỤC TIÊU");
    para(d, "2. Mục tiêu cụ thể");
    para(d, "- Tỷ lệ hộ có cáp quang: Đạt tối thiểu 85% năm 2026 và 95% vào năm 2028.");
    para(d, "- Tỷ lệ người dân có Sổ sức khỏe điện tử đến năm 2027 đạt tối thiểu 90%.");
    plan *p = run(d, NULL);
    plan_indicator *a = ind(p, "T1"), *b = ind(p, "T2");
    assert_int_equal(a->ntargets, 2);
    assert_int_equal(a->targets[0].year, 2026);
    assert_true(a->targets[0].value == 85);
    assert_int_equal(a->targets[1].year, 2028);
    assert_true(a->targets[1].value == 95);
    assert_string_equal(b->name, "Tỷ lệ người dân có Sổ sức khỏe điện tử");
    assert_int_equal(b->targets[0].year, 2027);
    plan_free(p);
    doc_free(d);
}

/* Units named only in "Tổ chức thực hiện" go to x.units; collective names
 * ("Các cơ quan, đơn vị", "Trưởng các thôn") name no one unit and stay out
 * (app/app.h), without cutting the unit named after them. */
/* A duration under an upper bound is a service time, a target ("không quá
 * 05 ngày làm việc", "dưới 24 giờ"); one without ("trong 30 ngày") is not;
 * "dụng" of "ứng dụng" is no "đúng" (both fold to "dung"). */
static void test_prose_service_time(void **state)
{
    (void)state;
    doc *d = doc_new("t");
    para(d, "KẾ HOẠCH Chuyển đổi số xã Hòa Bình năm 2026");
    para(d, "I. MỤC TIÊU");
    para(d, "2. Các chỉ tiêu chủ yếu");
    para(d, "a) Thời gian xử lý phản ánh của người dân trên ứng dụng không quá 05 ngày làm việc;");
    para(d, "b) Thời gian khắc phục sự cố mạng dưới 24 giờ;");
    para(d, "c) Hồ sơ được trả kết quả trong 30 ngày.");
    plan *p = run(d, NULL);
    assert_int_equal(p->nindicators, 2);
    plan_indicator *a = p->indicators[0], *b = p->indicators[1];
    assert_string_equal(a->name, "Thời gian xử lý phản ánh của người dân trên ứng dụng");
    assert_int_equal(a->ntargets, 1);
    assert_int_equal(a->targets[0].op, TARGET_LE);
    assert_true(a->targets[0].value == 5);
    assert_string_equal(a->targets[0].unit, "ngày làm việc");
    assert_string_equal(a->targets[0].text, "không quá 05 ngày làm việc");
    assert_int_equal(b->targets[0].op, TARGET_LT);
    assert_string_equal(b->targets[0].unit, "giờ");
    plan_free(p);
    doc_free(d);
}

/* The header repeated on the next page as a table of its own (Markdown from
 * a PDF): the same table goes on, its cut row and its group with it. */
static void test_repeated_header_table(void **state)
{
    (void)state;
    doc *d = doc_new("t");
    static const char *const a[] = {
        "STT", "Nội dung chỉ tiêu", "Năm 2026", "Cơ quan chủ trì",
        "I", "KINH TẾ SỐ", "", "",
        "1", "Số hộ kinh doanh", "30", "Phòng Kinh tế",
    };
    static const char *const b[] = {
        "STT", "Nội dung chỉ tiêu", "Năm 2026", "Cơ quan chủ trì",
        "", "dùng hóa đơn điện tử", "", "",
        "2", "Tỷ lệ chợ có thanh toán số", "50%", "Phòng Kinh tế",
    };
    table(d, 3, 4, a);
    table(d, 3, 4, b);
    plan *p = run(d, NULL);
    assert_int_equal(p->nindicators, 2);
    assert_string_equal(ind(p, "1")->name, "Số hộ kinh doanh dùng hóa đơn điện tử");
    assert_string_equal(ind(p, "2")->group, "I");
    plan_free(p);
    doc_free(d);
}

/* Round 10 of the plans by other writers: prose targets with a starting
 * point or a change in the sentence, a time before or after the phrase, a
 * footnote marker; a verb before "100% X". */
static void test_prose_round10(void **state)
{
    (void)state;
    doc *d = doc_new("t");
    para(d, "KẾ HOẠCH Chuyển đổi số xã Hòa Bình giai đoạn 2025 - 2030");
    para(d, "II. MỤC TIÊU");
    para(d, "2. Mục tiêu cụ thể đến năm 2030");
    para(d, "- Tỷ lệ giao dịch không dùng tiền mặt tại chợ xã tăng từ 45% năm 2025 lên 70% vào năm 2030.");
    para(d, "- Tỷ lệ người dân có tài khoản định danh điện tử đạt 85% (tăng 10% so với năm 2025).");
    para(d, "- Đến năm 2030, trên 95% người dân từ 14 tuổi trở lên có tài khoản định danh điện tử (**).");
    para(d, "- Số hộ kinh doanh bán hàng trên sàn thương mại điện tử đạt ít nhất 150 hộ vào năm 2030.");
    para(d, "- Số hóa 100% sổ hộ tịch lưu trữ tại xã.");
    para(d, "- Tỷ lệ hồ sơ trễ hạn giảm từ 3,2% năm 2025 xuống dưới 1% vào năm 2030.");
    para(d, "- Đến hết năm 2027, có ít nhất 500 người được tập huấn kỹ năng số.");
    para(d, "- Phủ sóng 4G tới 100% thôn, bản vào năm 2026.");
    para(d, "- Tỷ lệ hộ nghèo có điện thoại thông minh tăng lên 60% vào năm 2028.");
    plan *p = run(d, NULL);
    assert_int_equal(p->nindicators, 9);
    assert_string_equal(p->indicators[6]->name, "Người được tập huấn kỹ năng số");
    assert_int_equal(p->indicators[6]->targets[0].year, 2027);
    assert_string_equal(p->indicators[7]->name, "Phủ sóng 4G tới thôn, bản");
    assert_int_equal(p->indicators[7]->targets[0].year, 2026);
    assert_string_equal(p->indicators[8]->name, "Tỷ lệ hộ nghèo có điện thoại thông minh");
    plan_indicator *e = p->indicators[5];
    assert_string_equal(e->name, "Tỷ lệ hồ sơ trễ hạn");
    assert_int_equal(e->ntargets, 1);
    assert_int_equal(e->targets[0].op, TARGET_LT);
    assert_true(e->targets[0].value == 1);
    plan_indicator *a = p->indicators[0];
    assert_string_equal(a->name, "Tỷ lệ giao dịch không dùng tiền mặt tại chợ xã");
    assert_int_equal(a->ntargets, 1);
    assert_int_equal(a->targets[0].year, 2030);
    assert_true(a->targets[0].value == 70);
    plan_indicator *b = p->indicators[1];
    assert_int_equal(b->ntargets, 1);
    assert_true(b->targets[0].value == 85);
    assert_string_equal(p->indicators[2]->name, "Người dân từ 14 tuổi trở lên có tài khoản định danh điện tử");
    assert_int_equal(p->indicators[2]->targets[0].op, TARGET_GT);
    plan_indicator *c = p->indicators[3];
    assert_string_equal(c->name, "Số hộ kinh doanh bán hàng trên sàn thương mại điện tử");
    assert_string_equal(c->targets[0].unit, "hộ");
    assert_int_equal(c->targets[0].year, 2030);
    assert_string_equal(p->indicators[4]->name, "Số hóa sổ hộ tịch lưu trữ tại xã");
    plan_free(p);
    doc_free(d);
}

/* Sub-rows "a)", "b)" under item "3" are "3.a", "3.b"; the header repeated
 * inside one table (a text form keeps the page's rows in one table) is a
 * page boundary: the row cut by it goes on. */
static void test_subrows_and_inner_header(void **state)
{
    (void)state;
    doc *d = doc_new("t");
    static const char *const cells[] = {
        "STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành",
        "I", "CHÍNH QUYỀN SỐ", "", "",
        "3", "Số hóa dữ liệu của xã, gồm:", "Văn phòng HĐND và UBND xã", "Năm 2026",
        "a)", "Xây dựng cơ sở dữ liệu hộ tịch", "Công chức Tư pháp - Hộ tịch", "Quý III/2026",
        "b)", "Xây dựng cơ sở dữ liệu người có công", "Phòng Văn hóa - Xã hội", "Quý IV/2026",
        "4", "Rà soát, thay thế máy tính của", "Văn phòng HĐND và UBND xã", "Quý II/2026",
        "STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành",
        "", "bộ phận một cửa", "", "",
        "5", "Tập huấn kỹ năng số", "Phòng Văn hóa - Xã hội", "Quý III/2026",
    };
    table(d, 9, 4, cells);
    plan *p = run(d, NULL);
    assert_int_equal(p->ntasks, 5);
    assert_string_equal(task(p, "I", "3.a")->name, "Xây dựng cơ sở dữ liệu hộ tịch");
    assert_string_equal(task(p, "I", "3.b")->due, "2026-Q4");
    assert_string_equal(task(p, "I", "4")->name, "Rà soát, thay thế máy tính của bộ phận một cửa");
    assert_non_null(task(p, "I", "5"));
    plan_free(p);
    doc_free(d);
}

/* Round 11: a plan attached to a Decision comes after the Decision's own
 * "Nơi nhận"; its prose targets are read (they were not: "Nơi nhận" ended
 * the prose pass). */
static void test_plan_after_decision(void **state)
{
    (void)state;
    doc *d = doc_new("t");
    para(d, "QUYẾT ĐỊNH");
    para(d, "Về việc ban hành Kế hoạch chuyển đổi số phường An Hòa năm 2026");
    para(d, "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số phường An Hòa năm 2026.");
    para(d, "Nơi nhận:");
    para(d, "- Như Điều 3;");
    para(d, "- Lưu: VT.");
    para(d, "KẾ HOẠCH");
    para(d, "Chuyển đổi số phường An Hòa năm 2026");
    para(d, "II. MỤC TIÊU");
    para(d, "2. Mục tiêu cụ thể");
    para(d, "a) Tỷ lệ hồ sơ được giải quyết trực tuyến toàn trình đạt 90% trở lên.");
    para(d, "b) Tối thiểu 85% người dân trưởng thành có tài khoản định danh điện tử mức độ 2.");
    para(d, "Nơi nhận:");
    para(d, "- Tỷ lệ hộ có cáp quang đạt 70%.");
    plan *p = run(d, NULL);
    assert_int_equal(p->nindicators, 2);
    assert_true(p->indicators[0]->targets[0].value == 90);
    assert_string_equal(p->indicators[1]->name, "Người dân trưởng thành có tài khoản định danh điện tử mức độ 2");
    plan_free(p);
    doc_free(d);
}

/* Round 11: a unit named once in full with the short name it goes by, the
 * tables writing the short name only: the short name reads as the full one;
 * a short name never defined, or a name that only contains one, stays. */
static void test_short_names(void **state)
{
    (void)state;
    doc *d = doc_new("t");
    para(d, "KẾ HOẠCH Chuyển đổi số phường An Hòa năm 2026");
    para(d, "IV. TỔ CHỨC THỰC HIỆN");
    para(d, "1. Văn phòng HĐND và UBND phường (sau đây gọi là Văn phòng) là cơ quan thường trực.");
    para(d, "2. Phòng Kinh tế, Hạ tầng và Đô thị (sau đây gọi là Phòng Kinh tế) chủ trì các nhiệm vụ kinh tế số; "
            "Trung tâm Phục vụ hành chính công phường (viết tắt: TTPVHCC) chủ trì dịch vụ công trực tuyến.");
    para(d, "3. Giao Phòng Văn hóa - Xã hội phường (gọi tắt là Phòng VH-XH) phối hợp với Hội Nông dân phường "
            "(HND) tuyên truyền.");
    static const char *const cells[] = {
        "STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp",
        "1", "Rà soát thủ tục hành chính", "TTPVHCC", "Văn phòng",
        "2", "Hướng dẫn hộ kinh doanh dùng hóa đơn điện tử", "Phòng Kinh tế", "HND\nĐội Thuế phường",
        "3", "Tập huấn kỹ năng số", "Phòng VH-XH", "Văn phòng HĐND và UBND phường\nCông an",
    };
    table(d, 4, 4, cells);
    plan *p = run(d, NULL);
    assert_int_equal(p->ntasks, 3);
    assert_string_equal(p->tasks[0]->lead.v[0], "Trung tâm Phục vụ hành chính công phường");
    assert_string_equal(p->tasks[0]->support.v[0], "Văn phòng HĐND và UBND phường");
    assert_string_equal(p->tasks[1]->lead.v[0], "Phòng Kinh tế, Hạ tầng và Đô thị");
    assert_int_equal(p->tasks[1]->support.n, 2);
    assert_string_equal(p->tasks[1]->support.v[0], "Hội Nông dân phường");
    assert_string_equal(p->tasks[1]->support.v[1], "Đội Thuế phường");
    assert_string_equal(p->tasks[2]->lead.v[0], "Phòng Văn hóa - Xã hội phường");
    assert_string_equal(p->tasks[2]->support.v[0], "Văn phòng HĐND và UBND phường");
    assert_string_equal(p->tasks[2]->support.v[1], "Công an");
    plan_free(p);
    doc_free(d);
    /* a legend under the table, one entry per "-" line or after ";" */
    d = doc_new("t");
    para(d, "KẾ HOẠCH Chuyển đổi số xã Phú Xuân năm 2026");
    static const char *const c2[] = {
        "STT", "Nhiệm vụ", "Chủ trì", "Phối hợp",
        "1", "Rà soát thủ tục hành chính", "TTPVHCC", "VP",
        "2", "Tập huấn kỹ năng số", "VHXH", "ĐTN",
    };
    table(d, 3, 4, c2);
    para(d, "Ghi chú: TTPVHCC: Trung tâm Phục vụ hành chính công xã; VP: Văn phòng HĐND và UBND xã;");
    para(d, "- VHXH: Phòng Văn hóa - Xã hội");
    para(d, "- ĐTN: Đoàn Thanh niên xã.");
    para(d, "- DTI: Chỉ số chuyển đổi số");
    p = run(d, NULL);
    assert_string_equal(p->tasks[0]->lead.v[0], "Trung tâm Phục vụ hành chính công xã");
    assert_string_equal(p->tasks[0]->support.v[0], "Văn phòng HĐND và UBND xã");
    assert_string_equal(p->tasks[1]->lead.v[0], "Phòng Văn hóa - Xã hội");
    assert_string_equal(p->tasks[1]->support.v[0], "Đoàn Thanh niên xã");
    plan_free(p);
    doc_free(d);
}

/* Round 11: one table headed "Nội dung" whose "Kết quả cần đạt" holds a
 * level on some rows and a product on others: the product rows are tasks
 * (their words the outputs); a target in words ("Hoàn thành") stays a
 * level, and under "Tên chỉ tiêu" every row stays an indicator. */
static void test_result_column_products(void **state)
{
    (void)state;
    doc *d = doc_new("t");
    para(d, "KẾ HOẠCH Chuyển đổi số xã Mỹ Lộc năm 2026");
    static const char *const cells[] = {
        "STT", "Nội dung", "Chủ trì", "Kết quả cần đạt", "Thời hạn",
        "1.", "Chính quyền số", "", "", "",
        "1.1", "Tỷ lệ hồ sơ được số hóa kết quả giải quyết", "Văn phòng", "≥ 90%", "Tháng 12/2026",
        "1.2", "Ban hành Kế hoạch bảo đảm an toàn thông tin mạng", "Văn phòng", "Kế hoạch được ban hành",
        "Quý I/2026",
        "1.3", "Số hóa sổ hộ tịch", "Tư pháp", "Hoàn thành", "Năm 2026",
        "1.4", "Tỷ lệ văn bản được ký số", "Văn phòng", "100% (đạt)", "Thường xuyên",
        "1.5", "Phấn đấu 100% hồ sơ được số hóa", "Văn phòng", "Hồ sơ được số hóa trên Hệ thống", "Tháng 12/2026",
    };
    table(d, 7, 5, cells);
    plan *p = run(d, NULL);
    assert_int_equal(p->nindicators, 4);
    /* a product beside a name that states its target: an indicator */
    assert_string_equal(ind(p, "1.5")->name, "Hồ sơ được số hóa");
    assert_int_equal(ind(p, "1.5")->ntargets, 1);
    assert_true(ind(p, "1.5")->targets[0].value == 100);
    assert_int_equal(p->ntasks, 1);
    assert_string_equal(task(p, "1", "1.2")->outputs.v[0], "Kế hoạch được ban hành");
    assert_string_equal(task(p, "1", "1.2")->due, "2026-Q1");
    assert_true(ind(p, "1.4")->targets[0].value == 100);
    plan_free(p);
    doc_free(d);
    d = doc_new("t");
    para(d, "KẾ HOẠCH Chuyển đổi số xã Mỹ Lộc năm 2026");
    static const char *const c2[] = {
        "STT", "Tên chỉ tiêu", "Kết quả cần đạt",
        "1", "Mức độ sẵn sàng của hệ thống", "Hệ thống vận hành ổn định",
        "2", "Tỷ lệ hồ sơ trực tuyến", "80%",
    };
    table(d, 3, 3, c2);
    p = run(d, NULL);
    assert_int_equal(p->nindicators, 2);
    assert_int_equal(p->ntasks, 0);
    plan_free(p);
    doc_free(d);
    /* "Sản phẩm, chỉ tiêu cần đạt" beside "Nhiệm vụ": levels and products */
    d = doc_new("t");
    para(d, "KẾ HOẠCH Chuyển đổi số xã Phú Xuân năm 2026");
    static const char *const c3[] = {
        "STT", "Nhiệm vụ", "Sản phẩm, chỉ tiêu cần đạt",
        "1", "Tỷ lệ hồ sơ được số hóa", "≥ 90%",
        "2", "Ban hành Kế hoạch bảo đảm an toàn thông tin", "Kế hoạch được ban hành",
    };
    table(d, 3, 3, c3);
    p = run(d, NULL);
    assert_int_equal(p->nindicators, 1);
    assert_int_equal(p->ntasks, 1);
    assert_string_equal(p->tasks[0]->outputs.v[0], "Kế hoạch được ban hành");
    plan_free(p);
    doc_free(d);
}

/* Round 11: one row per (indicator, year) under a column headed "Năm",
 * the code, name, unit and lead merged down (Word) or empty (text forms):
 * each row gives its year's target; "-" none. */
static void test_year_rows(void **state)
{
    (void)state;
    for (int merged = 0; merged < 2; merged++) {
        const char *e = merged ? M_UP : "";
        doc *d = doc_new("t");
        para(d, "KẾ HOẠCH Chuyển đổi số xã Ia Phìn giai đoạn 2026 - 2028");
        const char *const cells[] = {
            "STT", "Tên chỉ tiêu", "ĐVT", "Năm", "Chỉ tiêu cần đạt", "Đơn vị chủ trì",
            "1.1", "Tỷ lệ làng có sóng 4G", "%", "2026", "≥ 90", "Phòng Kinh tế",
            e, e, e, "2027", "≥ 95", e,
            e, e, e, "2028", "100", e,
            "1.2", "Số hộ bán hàng qua sàn thương mại điện tử", "Hộ", "2026", "40", "Phòng Kinh tế",
            e, e, e, "2027", "-", e,
            e, e, e, "2028", "80 trở lên", e,
        };
        table(d, 7, 6, cells);
        plan *p = run(d, NULL);
        assert_int_equal(p->nindicators, 2);
        plan_indicator *a = ind(p, "1.1");
        assert_int_equal(a->ntargets, 3);
        assert_int_equal(a->targets[1].year, 2027);
        assert_true(a->targets[1].value == 95);
        assert_int_equal(a->targets[2].year, 2028);
        assert_true(a->targets[2].value == 100);
        assert_string_equal(a->targets[2].unit, "%");
        plan_indicator *b = ind(p, "1.2");
        assert_int_equal(b->ntargets, 2);
        assert_int_equal(b->targets[0].year, 2026);
        assert_int_equal(b->targets[1].year, 2028);
        assert_true(b->targets[1].value == 80);
        assert_string_equal(b->targets[1].unit, "Hộ");
        plan_free(p);
        doc_free(d);
    }
    /* the name written again on each year row (a spreadsheet filled down) */
    doc *d = doc_new("t");
    para(d, "KẾ HOẠCH Chuyển đổi số xã Phú Xuân giai đoạn 2026 - 2028");
    static const char *const c2[] = {
        "STT", "Tên chỉ tiêu", "ĐVT", "Năm", "Chỉ tiêu",
        "1", "Tỷ lệ hồ sơ trực tuyến toàn trình", "%", "Năm 2026", "70",
        "", "Tỷ lệ hồ sơ trực tuyến toàn trình", "%", "Năm 2027", "80",
        "1", "Tỷ lệ hồ sơ trực tuyến toàn trình", "%", "Năm 2028", "90",
    };
    table(d, 4, 5, c2);
    plan *p = run(d, NULL);
    assert_int_equal(p->nindicators, 1);
    assert_int_equal(p->indicators[0]->ntargets, 3);
    assert_int_equal(p->indicators[0]->targets[2].year, 2028);
    plan_free(p);
    doc_free(d);
    /* "Năm | Kế hoạch": the planned level of each year */
    d = doc_new("t");
    para(d, "KẾ HOẠCH Chuyển đổi số xã Phú Xuân giai đoạn 2026 - 2027");
    static const char *const c3[] = {
        "TT", "Nội dung chỉ tiêu", "Đơn vị tính", "Năm", "Kế hoạch",
        "1", "Tỷ lệ hồ sơ trực tuyến toàn trình", "%", "2026", "70",
        "", "", "", "2027", "80",
    };
    table(d, 3, 5, c3);
    p = run(d, NULL);
    assert_int_equal(p->nindicators, 1);
    assert_int_equal(p->ntasks, 0);
    assert_int_equal(p->indicators[0]->ntargets, 2);
    assert_true(p->indicators[0]->targets[1].value == 80);
    plan_free(p);
    doc_free(d);
}

static void test_prose_units(void **state)
{
    (void)state;
    doc *d = doc_new("t");
    para(d, "KẾ HOẠCH Chuyển đổi số xã Hòa Bình năm 2026");
    para(d, "IV. TỔ CHỨC THỰC HIỆN");
    para(d, "1. Phòng Văn hóa - Xã hội");
    para(d, "Chủ trì, tham mưu UBND xã triển khai Kế hoạch.");
    para(d, "2. Các cơ quan, đơn vị trên địa bàn xã: căn cứ nhiệm vụ được giao, tổ chức thực hiện.");
    para(d, "- Trưởng các thôn chủ trì tuyên truyền tại thôn.");
    para(d, "Giao Công an xã chủ trì, phối hợp với các đơn vị liên quan làm sạch dữ liệu dân cư.");
    para(d, "Nơi nhận:");
    para(d, "- Trạm Y tế xã chủ trì.");
    plan *p = run(d, NULL);
    json_t *u = json_object_get(p->x, "units");
    assert_int_equal(json_array_size(u), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(u, 0), "name")),
                        "Phòng Văn hóa - Xã hội");
    assert_string_equal(json_string_value(json_object_get(json_array_get(u, 1), "name")), "Công an xã");
    plan_free(p);
    doc_free(d);
}

/* Every item says how sure the extractor is, and why (x.confidence). */
static const char *why_of(json_t *x, size_t k)
{
    return json_string_value(json_array_get(json_object_get(json_object_get(x, "confidence"), "why"), k));
}

static const char *level_of(json_t *x)
{
    return json_string_value(json_object_get(json_object_get(x, "confidence"), "level"));
}

static void test_confidence(void **state)
{
    (void)state;
    doc *d = doc_new("t");
    para(d, "KẾ HOẠCH Chuyển đổi số xã Hòa Bình năm 2026");
    static const char *const cells[] = {
        "TT", "Chỉ tiêu", "Chỉ tiêu năm 2026", "Đơn vị chủ trì",
        "1", "Tỷ lệ hồ sơ được xử lý trực tuyến", "90%", "Công an xã",
        "2", "Tỷ lệ người dân có tài khoản", "80%", "",
        "3", "hóa xã hội và", "50%", "Trạm Y tế",
    };
    table(d, 4, 4, cells);
    plan *p = run(d, NULL);
    assert_int_equal(p->nindicators, 3);
    assert_string_equal(level_of(ind(p, "1")->x), "high");
    assert_null(why_of(ind(p, "1")->x, 0));
    assert_string_equal(level_of(ind(p, "2")->x), "medium");
    assert_string_equal(why_of(ind(p, "2")->x, 0), "no_lead");
    assert_null(why_of(ind(p, "2")->x, 1));
    assert_string_equal(level_of(ind(p, "3")->x), "low");
    assert_string_equal(why_of(ind(p, "3")->x, 0), "name_cut");
    plan_free(p);
    doc_free(d);
}

/* A column's role set by the coordinator wins over its header words, and
 * every column read is listed in x.columns. */
static void test_column_roles(void **state)
{
    (void)state;
    doc *d = doc_new("t");
    para(d, "KẾ HOẠCH Chuyển đổi số xã Hòa Bình năm 2026");
    static const char *const cells[] = {
        "TT", "Chỉ tiêu", "Chỉ tiêu năm 2026", "Đầu mối", "Đơn vị chủ trì",
        "1", "Tỷ lệ hồ sơ được xử lý trực tuyến", "90%", "Công an xã", "Văn phòng HĐND và UBND xã",
    };
    table(d, 2, 5, cells);
    plan *p = run(d, NULL);
    assert_string_equal(p->indicators[0]->lead.v[0], "Văn phòng HĐND và UBND xã");
    json_t *cols = json_object_get(p->x, "columns");
    assert_int_equal(json_array_size(cols), 5);
    assert_string_equal(json_string_value(json_object_get(json_array_get(cols, 3), "header")), "Đầu mối");
    assert_string_equal(json_string_value(json_object_get(json_array_get(cols, 3), "role")), "none");
    assert_string_equal(json_string_value(json_object_get(json_array_get(cols, 4), "role")), "lead");
    plan_free(p);
    /* "Đầu mối" is the lead, "Đơn vị chủ trì" here the support */
    static const char *const hdr[] = {"đầu  MỐI", "Đơn vị chủ trì"}, *const role[] = {"lead", "support"};
    extract_opts o = {hdr, role, 2};
    dti_err e;
    dti_err_clear(&e);
    assert_int_equal(extract_plan_opts(d, &o, &p, NULL, &e), DTI_OK);
    assert_string_equal(p->indicators[0]->lead.v[0], "Công an xã");
    assert_string_equal(p->indicators[0]->support.v[0], "Văn phòng HĐND và UBND xã");
    cols = json_object_get(p->x, "columns");
    assert_string_equal(json_string_value(json_object_get(json_array_get(cols, 3), "role")), "lead");
    assert_true(extract_role_known("parent_lead"));
    assert_false(extract_role_known("lea"));
    assert_false(extract_role_known(""));
    plan_free(p);
    doc_free(d);
}

/* Plans by other writers (tests/data/holdout): letter groups, "Lộ trình
 * thực hiện", "Thực hiện năm 2025", a year-like number in a year column, a
 * spreadsheet's decimal point, a unit with a comma, two dates in one cell,
 * lead and support labelled on one line, a unit name wrapped over lines. */
static void test_other_writers(void **state)
{
    (void)state;
    doc *d = doc_new("t");
    static const char *const cells[] = {
        "Số TT", "Tên chỉ tiêu", "Thực hiện năm 2025", "2026", "2030", "Đơn vị chủ trì/phối hợp",
        "Lộ trình thực hiện",
        "A", "Chuyển đổi số", "", "", "", "", "",
        "1", "Doanh thu thương mại điện tử", "850", "1.000", "2000", "Chủ trì: Phòng Kinh tế; Phối hợp: Các hợp tác xã",
        "Tháng 3/2026; Tháng 9/2026",
        "B", "Xã hội số", "", "", "", "", "",
        "2", "Tỷ lệ hộ có tài khoản thanh toán", "48.5", "55%", "80%",
        "Trung tâm Phục vụ\nhành chính công xã\nHội Liên hiệp Phụ nữ\nxã", "Quý II/2026",
        "3", "Số tin tuyên truyền", "", "Tối thiểu 48 tin, bài", "", "Văn phòng HĐND và\nUBND xã",
        "Thường xuyên",
    };
    table(d, 6, 7, cells);
    plan *p = run(d, NULL);
    assert_int_equal(p->ngroups, 2);
    assert_string_equal(p->groups[0]->code, "A");
    assert_string_equal(p->groups[1]->code, "B");
    plan_indicator *a = ind(p, "1"), *b = ind(p, "2"), *c = ind(p, "3");
    assert_string_equal(a->group, "A");
    /* the baseline column is no target; "2000" under 2030 is the number */
    assert_int_equal(a->ntargets, 2);
    assert_int_equal(a->targets[0].year, 2026);
    assert_true(a->targets[0].value == 1000);
    assert_int_equal(a->targets[1].year, 2030);
    assert_true(a->targets[1].has_value && a->targets[1].value == 2000);
    /* two dates: no due, the words kept */
    assert_null(a->due);
    assert_string_equal(a->due_text, "Tháng 3/2026; Tháng 9/2026");
    assert_int_equal(a->lead.n, 1);
    assert_string_equal(a->lead.v[0], "Phòng Kinh tế");
    assert_int_equal(a->support.n, 1);
    assert_string_equal(a->support.v[0], "Các hợp tác xã");
    /* "48.5" as a spreadsheet stores it: the baseline 48.5 */
    json_t *base = b->x ? json_object_get(b->x, "baseline") : NULL;
    assert_non_null(base);
    assert_true(json_real_value(json_object_get(base, "value")) == 48.5);
    assert_string_equal(b->group, "B");
    assert_string_equal(b->due, "2026-Q2");
    /* wrapped lines of one name are one unit; the second paragraph starts a name */
    assert_int_equal(b->lead.n, 1);
    assert_string_equal(b->lead.v[0], "Trung tâm Phục vụ hành chính công xã");
    assert_int_equal(b->support.n, 1);
    assert_string_equal(b->support.v[0], "Hội Liên hiệp Phụ nữ xã");
    assert_int_equal(c->ntargets, 1);
    assert_string_equal(c->targets[0].unit, "tin, bài");
    assert_int_equal(c->lead.n, 1);
    assert_string_equal(c->lead.v[0], "Văn phòng HĐND và UBND xã");
    plan_free(p);
    doc_free(d);
}

/* Round 9 of the plans by other writers: a "Nhiệm vụ, chỉ tiêu" column over
 * a "Chỉ tiêu 2026" column filled on some rows only (the rows with no value
 * are tasks, "-" is no value), and roles in brackets after the units of a
 * "Cơ quan chủ trì/phối hợp" column ("A (chủ trì)" / "B (phối hợp)", on
 * lines of their own or after ";"). */
static void test_mixed_with_target_column(void **state)
{
    (void)state;
    doc *d = doc_new("t");
    static const char *const cells[] = {
        "TT", "Nhiệm vụ, chỉ tiêu", "Chỉ tiêu 2026", "Cơ quan chủ trì/phối hợp", "Thời gian hoàn thành",
        "1", "Tỷ lệ hồ sơ giải quyết trực tuyến", "Trên 60%",
        "Trung tâm Phục vụ hành chính công xã (chủ trì)\nCác công chức chuyên môn (phối hợp)", "Tháng 12/2026",
        "2", "Lắp đặt hệ thống hội nghị truyền hình", "",
        "Văn phòng HĐND và UBND xã (chủ trì); Viễn thông tỉnh, Bưu điện xã (phối hợp).", "Quý III/2026",
        "3", "Rà soát thiết bị của bộ phận một cửa", "-", "Công an xã (chủ trì)", "Thường xuyên",
        "4", "Số hộ bán hàng trực tuyến đạt tối thiểu 25 hộ", "", "Phòng Kinh tế", "Tháng 11/2026",
    };
    table(d, 5, 5, cells);
    plan *p = run(d, NULL);
    assert_int_equal(p->nindicators, 2);
    assert_int_equal(p->ntasks, 2);
    plan_indicator *a = ind(p, "1"), *b = ind(p, "4");
    assert_int_equal(a->ntargets, 1);
    assert_true(a->targets[0].value == 60);
    assert_int_equal(a->lead.n, 1);
    assert_string_equal(a->lead.v[0], "Trung tâm Phục vụ hành chính công xã");
    assert_int_equal(a->support.n, 1);
    assert_string_equal(a->support.v[0], "Các công chức chuyên môn");
    /* no value in the column, but the row's own text states a target */
    assert_int_equal(b->ntargets, 1);
    assert_true(b->targets[0].value == 25);
    assert_string_equal(p->tasks[0]->code, "2");
    assert_int_equal(p->tasks[0]->lead.n, 1);
    assert_string_equal(p->tasks[0]->lead.v[0], "Văn phòng HĐND và UBND xã");
    assert_int_equal(p->tasks[0]->support.n, 1);
    assert_string_equal(p->tasks[0]->support.v[0], "Viễn thông tỉnh, Bưu điện xã");
    assert_string_equal(p->tasks[0]->due, "2026-Q3");
    assert_string_equal(p->tasks[1]->code, "3");
    assert_int_equal(p->tasks[1]->lead.n, 1);
    assert_string_equal(p->tasks[1]->lead.v[0], "Công an xã");
    assert_int_equal(p->tasks[1]->support.n, 0);
    plan_free(p);
    doc_free(d);
}

/* Header words of other writers: "Nhiệm vụ, giải pháp" names the tasks,
 * "Kết quả" alone is their product, "Kết quả cần đạt năm 2026" a target,
 * "Chỉ tiêu" after "Nội dung" the values. */
static void test_other_headers(void **state)
{
    (void)state;
    doc *d = doc_new("t");
    static const char *const tasks[] = {
        "STT", "Nhiệm vụ, giải pháp", "Cơ quan, đơn vị chủ trì", "Kết quả", "Thời gian hoàn thành",
        "1", "Nâng cấp đường truyền", "Văn phòng HĐND và UBND xã", "Đường truyền được nâng cấp", "Tháng 5/2026",
    };
    table(d, 2, 5, tasks);
    para(d, "Phụ lục 2");
    static const char *const inds[] = {
        "TT", "Chỉ số đánh giá", "Kết quả cần đạt năm 2026", "Đơn vị thực hiện",
        "1", "Tỷ lệ hồ sơ được ký số", "Trên 95%", "Trung tâm Phục vụ hành chính công xã",
    };
    table(d, 2, 4, inds);
    para(d, "Phụ lục 3");
    static const char *const values[] = {
        "STT", "Nội dung", "Chỉ tiêu", "Đơn vị chủ trì",
        "1", "Tỷ lệ hộ gia đình có địa chỉ số", "100%", "Công an xã",
    };
    table(d, 2, 4, values);
    plan *p = run(d, NULL);
    /* "Nội dung | Chỉ tiêu": the second holds the values */
    assert_int_equal(p->nindicators, 2);
    assert_string_equal(p->indicators[1]->name, "Tỷ lệ hộ gia đình có địa chỉ số");
    assert_int_equal(p->indicators[1]->ntargets, 1);
    assert_true(p->indicators[1]->targets[0].value == 100);
    assert_int_equal(p->ntasks, 1);
    assert_string_equal(p->tasks[0]->name, "Nâng cấp đường truyền");
    assert_int_equal(p->tasks[0]->outputs.n, 1);
    assert_string_equal(p->tasks[0]->outputs.v[0], "Đường truyền được nâng cấp");
    assert_int_equal(p->indicators[0]->ntargets, 1);
    assert_int_equal(p->indicators[0]->targets[0].year, 2026);
    assert_true(p->indicators[0]->targets[0].value == 95);
    plan_free(p);
    doc_free(d);
}

/* A province column beside the commune's "Bộ phận tham mưu cấp xã"; two
 * years' targets in one cell; a post named after an office is one unit. */
static void test_province_and_years_in_cell(void **state)
{
    (void)state;
    doc *d = doc_new("t");
    static const char *const cells[] = {
        "STT", "Chỉ tiêu", "Mục tiêu", "Sở, ngành chủ trì", "Bộ phận tham mưu cấp xã",
        "1", "Tỷ lệ hồ sơ tiếp nhận trực tuyến", "Năm 2026: 60%\nNăm 2027: 80%", "Văn phòng UBND tỉnh",
        "Công chức Văn phòng - Thống kê",
    };
    table(d, 2, 5, cells);
    plan *p = run(d, NULL);
    plan_indicator *a = ind(p, "1");
    assert_int_equal(a->ntargets, 2);
    assert_int_equal(a->targets[0].year, 2026);
    assert_true(a->targets[0].value == 60);
    assert_int_equal(a->targets[1].year, 2027);
    assert_true(a->targets[1].value == 80);
    assert_int_equal(a->lead.n, 1);
    assert_string_equal(a->lead.v[0], "Công chức Văn phòng - Thống kê");
    assert_non_null(a->x);
    assert_non_null(json_object_get(a->x, "parent_lead"));
    plan_free(p);
    doc_free(d);
}

/* Due phrases of other writers (issue 11, cause 4). */
static void test_due_phrases(void **state)
{
    (void)state;
    doc *d = doc_new("t");
    para(d, "KẾ HOẠCH");
    para(d, "Chuyển đổi số xã Thử năm 2026");
    static const char *const cells[] = {
        "STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành",
        "1", "Việc một", "Phòng Kinh tế", "Quý I, II/ 2026",
        "2", "Việc hai", "Phòng Kinh tế", "06 tháng hoặc đột xuất",
        "3", "Việc ba", "Phòng Kinh tế", "Trong năm",
        "4", "Việc bốn", "Phòng Kinh tế", "6 tháng đầu năm 2026",
        "5", "Việc năm", "Phòng Kinh tế", "Tháng 6 và tháng 12 hằng năm",
        "6", "Việc sáu", "Phòng Kinh tế", "Năm 2026 - 2027",
        "7", "Việc bảy", "Phòng Kinh tế", "Tháng 3/2026; Tháng 9/2026",
        "8", "Việc tám", "Phòng Kinh tế", "Quý I - Quý II/2026",
        "9", "Việc chín", "Phòng Kinh tế", "Quý II đến Quý III năm 2026",
        /* a span of months (round 10): by its end; two months: none */
        "10", "Việc mười", "Phòng Kinh tế", "Từ tháng 3 đến tháng 9/2026",
        "11", "Việc mười một", "Phòng Kinh tế", "Tháng 3 - tháng 9 năm 2026",
        "12", "Việc mười hai", "Phòng Kinh tế", "Tháng 4 và tháng 10/2026",
    };
    table(d, 13, 4, cells);
    plan *p = run(d, NULL);
    static const char *const want[] = {"2026-Q2", "recurring", "2026", "2026-06", "recurring", "2027", NULL,
                                       "2026-Q2", "2026-Q3", "2026-09", "2026-09", NULL};
    assert_int_equal(p->ntasks, 12);
    for (size_t i = 0; i < 12; i++) {
        if (want[i])
            assert_string_equal(p->tasks[i]->due, want[i]);
        else
            assert_null(p->tasks[i]->due);
        assert_non_null(p->tasks[i]->due_text);
    }
    plan_free(p);
    doc_free(d);
}

/* No code column: the code at the start of the name cell. */
static void test_code_in_name(void **state)
{
    (void)state;
    doc *d = doc_new("t");
    static const char *const cells[] = {
        "Nội dung chỉ tiêu", "Giá trị mục tiêu năm 2026", "Đơn vị chủ trì",
        "1. Hạ tầng số", "", "",
        "1.1. Tỷ lệ ấp có Wi-Fi công cộng", "Tối thiểu 80%", "Phòng Văn hóa - Xã hội",
        "100% trường học có Internet", "100%", "Phòng Văn hóa - Xã hội",
    };
    table(d, 4, 3, cells);
    plan *p = run(d, NULL);
    assert_int_equal(p->nindicators, 2);
    assert_string_equal(ind(p, "1.1")->name, "Tỷ lệ ấp có Wi-Fi công cộng");
    assert_string_equal(ind(p, "1.1")->group, "1");
    /* "100%" at the start is no code */
    assert_string_equal(p->indicators[1]->code, "T1");
    plan_free(p);
    doc_free(d);
}

/* "Cơ quan chủ trì/phối hợp" merged over "Chủ trì | Phối hợp" (round 7 of
 * the plans by other writers): each column takes the role of the cell
 * under the merged one, not the merged text's "both in one cell". */
static void test_merged_lead_support_header(void **state)
{
    (void)state;
    doc *d = doc_new("t");
    para(d, "KẾ HOẠCH");
    para(d, "Chuyển đổi số xã Hòa Bình năm 2026");
    static const char *const cells[] = {
        "STT", "Chỉ tiêu", "Năm 2026", "Cơ quan chủ trì/phối hợp", M_LEFT,
        M_UP, M_UP, M_UP, "Chủ trì", "Phối hợp",
        "1", "Tỷ lệ hồ sơ trực tuyến", "60%", "Văn phòng UBND xã", "Các bộ phận chuyên môn",
    };
    table(d, 3, 5, cells);
    plan *p = run(d, NULL);
    assert_int_equal(p->nindicators, 1);
    plan_indicator *i = ind(p, "1");
    assert_int_equal(i->lead.n, 1);
    assert_string_equal(i->lead.v[0], "Văn phòng UBND xã");
    assert_int_equal(i->support.n, 1);
    assert_string_equal(i->support.v[0], "Các bộ phận chuyên môn");
    plan_free(p);
    doc_free(d);
}

/* "Kinh phí (triệu đồng)" over "Ngân sách | Xã hội hóa": the sub-row is a
 * header row (its cells name the parts of a spanned cell), and a task's
 * funding keeps both parts with their labels and the unit. Written once with
 * Word's merges and once as text keeps it (the spanned cell's blank). */
static void test_split_funding(void **state)
{
    (void)state;
    static const char *const merged[] = {
        "STT", "Nội dung công việc", "Cơ quan chủ trì", "Kinh phí (triệu đồng)", M_LEFT,
        M_UP, M_UP, M_UP, "Ngân sách", "Xã hội hóa",
        "1", "Lắp đặt camera an ninh", "Công an xã", "150", "80",
        "2", "Nâng cấp mạng nội bộ", "Văn phòng UBND xã", "60", "",
    };
    static const char *const text[] = {
        "STT", "Nội dung công việc", "Cơ quan chủ trì", "Kinh phí (triệu đồng)", "",
        "", "", "", "Ngân sách", "Xã hội hóa",
        "1", "Lắp đặt camera an ninh", "Công an xã", "150", "80",
        "2", "Nâng cấp mạng nội bộ", "Văn phòng UBND xã", "60", "",
    };
    const char *const *forms[] = {merged, text};
    for (int k = 0; k < 2; k++) {
        doc *d = doc_new("t");
        para(d, "KẾ HOẠCH");
        para(d, "Chuyển đổi số xã Hòa Bình năm 2026");
        table(d, 4, 5, forms[k]);
        plan *p = run(d, NULL);
        assert_int_equal(p->ntasks, 2);
        assert_string_equal(p->tasks[0]->name, "Lắp đặt camera an ninh");
        assert_string_equal(p->tasks[0]->funding, "Ngân sách: 150 triệu đồng; Xã hội hóa: 80 triệu đồng");
        assert_string_equal(p->tasks[1]->funding, "Ngân sách: 60 triệu đồng");
        plan_free(p);
        doc_free(d);
    }
}

/* A workbook (tables only) whose first sheet is a cover: the title from
 * its rows of one cell, stopping at "Số:"; the plan's year is the title's. */
static void test_cover_sheet_title(void **state)
{
    (void)state;
    doc *d = doc_new("t.xlsx");
    static const char *const cover[] = {
        "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH", "", "KẾ HOẠCH", "Chuyển đổi số xã Hòa Bình giai đoạn 2026 - 2030",
        "Số: 12/KH-UBND", "Hòa Bình, ngày 15 tháng 01 năm 2026",
    };
    table(d, 6, 1, cover);
    static const char *const cells[] = {
        "STT", "Chỉ tiêu", "Chỉ tiêu giao",
        "1", "Tỷ lệ hồ sơ trực tuyến", "90%",
    };
    table(d, 2, 3, cells);
    plan *p = run(d, NULL);
    assert_non_null(p->title);
    assert_string_equal(p->title, "Kế hoạch Chuyển đổi số xã Hòa Bình giai đoạn 2026 - 2030");
    assert_string_equal(p->commune, "Hòa Bình");
    assert_string_equal(p->number, "12/KH-UBND");
    assert_int_equal(p->nindicators, 1);
    assert_int_equal(p->indicators[0]->targets[0].year, 2030);
    plan_free(p);
    doc_free(d);
}

static void test_empty_doc(void **state)
{
    (void)state;
    doc *d = doc_new("empty");
    strlist warn = STRLIST_INIT;
    plan *p = run(d, &warn);
    assert_int_equal(p->nindicators, 0);
    assert_int_equal(p->ntasks, 0);
    assert_int_equal(p->ngroups, 0);
    assert_null(p->title);
    assert_int_equal(warn.n, 1);
    strlist_release(&warn);
    plan_free(p);
    /* NULL warn list is allowed */
    p = run(d, NULL);
    plan_free(p);
    doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_header_rows_merged),
        cmocka_unit_test(test_page_break_continuation),
        cmocka_unit_test(test_group_rows),
        cmocka_unit_test(test_unit_splitting),
        cmocka_unit_test(test_indicator_vs_task),
        cmocka_unit_test(test_prose_targets),
        cmocka_unit_test(test_prose_restating_a_row),
        cmocka_unit_test(test_heading_fields),
        cmocka_unit_test(test_header_under_title_rows),
        cmocka_unit_test(test_mixed_with_products),
        cmocka_unit_test(test_baseline_and_province_lead),
        cmocka_unit_test(test_title_thuc_hien),
        cmocka_unit_test(test_prose_years),
        cmocka_unit_test(test_prose_units),
        cmocka_unit_test(test_prose_service_time),
        cmocka_unit_test(test_repeated_header_table),
        cmocka_unit_test(test_confidence),
        cmocka_unit_test(test_column_roles),
        cmocka_unit_test(test_other_writers),
        cmocka_unit_test(test_code_in_name),
        cmocka_unit_test(test_other_headers),
        cmocka_unit_test(test_province_and_years_in_cell),
        cmocka_unit_test(test_due_phrases),
        cmocka_unit_test(test_merged_lead_support_header),
        cmocka_unit_test(test_split_funding),
        cmocka_unit_test(test_cover_sheet_title),
        cmocka_unit_test(test_mixed_with_target_column),
        cmocka_unit_test(test_prose_round10),
        cmocka_unit_test(test_plan_after_decision),
        cmocka_unit_test(test_short_names),
        cmocka_unit_test(test_result_column_products),
        cmocka_unit_test(test_year_rows),
        cmocka_unit_test(test_subrows_and_inner_header),
        cmocka_unit_test(test_empty_doc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
