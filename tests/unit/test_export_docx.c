/* test_export_docx.c — the Word writer (export/docx.c), the report laid
 * out from a model built here without a store (export/report_docx.c), and
 * the open data's CSV quoting (export/opendata.c). The package is read
 * back with libzip and every XML part parsed with libxml2. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <libxml/parser.h>
#include <zip.h>
#include "export/docx.h"
#include "export/opendata.h"
#include "export/report.h"

/* Part NAME of the zip at P (N bytes), NUL-terminated (caller frees), or NULL. */
static char *part(const void *p, size_t n, const char *name)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(p, n, 0, &ze);
    assert_non_null(src);
    zip_t *z = zip_open_from_source(src, ZIP_RDONLY, &ze);
    assert_non_null(z);
    zip_stat_t st;
    char *out = NULL;
    if (zip_stat(z, name, 0, &st) == 0) {
        zip_file_t *f = zip_fopen(z, name, 0);
        assert_non_null(f);
        out = malloc(st.size + 1);
        assert_non_null(out);
        assert_int_equal(zip_fread(f, out, st.size), (zip_int64_t)st.size);
        out[st.size] = '\0';
        zip_fclose(f);
    }
    zip_discard(z);
    return out;
}

static void well_formed(const char *xml)
{
    xmlDocPtr d = xmlReadMemory(xml, (int)strlen(xml), "part.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
    assert_non_null(d);
    xmlFreeDoc(d);
}

static void test_primitives(void **state)
{
    (void)state;
    docx *d = NULL;
    dti_err e;
    assert_int_equal(docx_new(&d, &e), DTI_OK);
    docx_pfmt f = {.style = "BodyText", .align = DOCX_AL_CENTER};
    docx_p_begin(d, &f);
    docx_run(d, "a < b & c > \"d\"\nthứ hai", DOCX_BOLD | DOCX_ITALIC, 26);
    docx_p_end(d);
    int w[2] = {3000, 6000};
    docx_table_begin(d, 2, w, 0);
    docx_row_begin(d, 1);
    docx_cell_text(d, 0, "trái", DOCX_AL_LEFT, 0);
    docx_cell_text(d, 1, "phải", DOCX_AL_RIGHT, 0);
    docx_row_end(d);
    docx_table_end(d);
    docx_section(d, 0, 1);
    const char *names[] = {"dti.audit_head"}, *values[] = {"7:<abc>"};
    docx_props p = {.title = "Tiêu đề", .creator = "điều phối", .created = "2026-11-23T03:00:00Z",
                    .custom_names = names, .custom_values = values, .ncustom = 1};
    void *data = NULL;
    size_t len = 0;
    assert_int_equal(docx_finish(d, 1, 0, &p, &data, &len, &e), DTI_OK);
    docx_free(d);
    static const char *const parts[] = {"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
                                        "word/styles.xml", "word/settings.xml", "word/header1.xml",
                                        "docProps/app.xml", "docProps/core.xml", "docProps/custom.xml",
                                        "word/document.xml"};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        char *x = part(data, len, parts[i]);
        assert_non_null(x);
        well_formed(x);
        free(x);
    }
    char *doc = part(data, len, "word/document.xml");
    assert_non_null(strstr(doc, "a &lt; b &amp; c &gt; &quot;d&quot;"));
    assert_non_null(strstr(doc, "<w:br/>"));
    assert_non_null(strstr(doc, "thứ hai"));
    assert_non_null(strstr(doc, "<w:b/>"));
    assert_non_null(strstr(doc, "<w:sz w:val=\"26\"/>"));
    assert_non_null(strstr(doc, "<w:jc w:val=\"center\"/>"));
    assert_non_null(strstr(doc, "<w:tblHeader/>"));
    assert_non_null(strstr(doc, "w:val=\"nil\""));
    /* two sections: portrait with a title page, then landscape */
    const char *first = strstr(doc, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>");
    const char *second = strstr(doc, "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>");
    assert_non_null(first);
    assert_non_null(second);
    assert_true(first < second);
    assert_non_null(strstr(doc, "<w:titlePg/>"));
    free(doc);
    char *custom = part(data, len, "docProps/custom.xml");
    assert_non_null(strstr(custom, "name=\"dti.audit_head\"><vt:lpwstr>7:&lt;abc&gt;</vt:lpwstr>"));
    free(custom);
    free(data);
}

static void test_sticky_error(void **state)
{
    (void)state;
    docx *d = NULL;
    dti_err e;
    assert_int_equal(docx_new(&d, &e), DTI_OK);
    int w[1] = {100};
    docx_table_begin(d, 0, w, 1);       /* no columns: a bug, and every later call a no-op */
    docx_p(d, NULL, "after", 0, 0);
    void *data = (void *)1;
    size_t len = 1;
    assert_int_equal(docx_finish(d, 0, 0, NULL, &data, &len, &e), DTI_ERR_INTERNAL);
    assert_null(data);
    assert_int_equal(len, 0);
    docx_free(d);
    docx_free(NULL);
}

/* A small report: two pillars, a figure, a yes/no and a missing value, a
 * task, one difficulty said by two units, no proposal. */
static void model(export_report *r)
{
    memset(r, 0, sizeof *r);
    r->kind = EXPORT_PERIOD;
    snprintf(r->period, sizeof r->period, "2026-Q4");
    snprintf(r->scored_period, sizeof r->scored_period, "2026-Q4");
    snprintf(r->period_label, sizeof r->period_label, "quý IV/2026");
    snprintf(r->asof, sizeof r->asof, "01/01/2027");
    r->year = 2026;
    r->day = 5, r->month = 1, r->doc_year = 2027;
    r->plan_id = 3;
    r->commune = strdup("Vĩnh Trụ");
    r->province = strdup("Ninh Bình");
    r->set.body_parent = strdup("ỦY BAN NHÂN DÂN");
    r->set.body_name = strdup("XÃ VĨNH TRỤ");
    r->set.place = strdup("Vĩnh Trụ");
    r->set.number = strdup("Số: 7/BC-UBND");
    r->set.sign_authority = strdup("TM. ỦY BAN NHÂN DÂN");
    r->set.sign_title = strdup("CHỦ TỊCH");
    r->set.sign_name = strdup("Trần Thị B");
    strlist_add(&r->set.recipients, "Sở Khoa học và Công nghệ tỉnh");
    strlist_add(&r->set.recipients, "Lưu: VT");
    r->ngroups = 2;
    r->groups = calloc(2, sizeof *r->groups);
    r->groups[0].code = strdup("1"), r->groups[0].name = strdup("Hạ tầng số");
    r->groups[0].has_value = 1, r->groups[0].value = 0.5, r->groups[0].value_text = strdup("0,5000");
    r->groups[0].points = 1, r->groups[0].max = 2, r->groups[0].nind = 2;
    r->groups[1].code = strdup("2"), r->groups[1].name = strdup("Xã hội số"), r->groups[1].nind = 1;
    r->ninds = 3;
    r->inds = calloc(3, sizeof *r->inds);
    export_indicator *x = r->inds;
    x[0].code = strdup("1.1"), x[0].group = strdup("1"), x[0].name = strdup("Phủ sóng 5G");
    x[0].status = strdup("at_risk"), x[0].status_label = strdup("nguy cơ");
    x[0].has_target = 1, x[0].target = 70, x[0].percent = 1, x[0].unit = strdup("%");
    snprintf(x[0].op, sizeof x[0].op, ">=");
    x[0].has_value = 1, x[0].value = 62, x[0].has_achievement = 1, x[0].achievement = 62.0 / 70, x[0].verdict = -1;
    x[0].lead = strdup("Phòng Văn hóa - Xã hội");
    x[1].code = strdup("1.2"), x[1].group = strdup("1"), x[1].name = strdup("Có quy chế");
    x[1].status = strdup("met"), x[1].status_label = strdup("đạt"), x[1].verdict = 1;
    x[1].target_text = strdup("Ban hành quy chế");
    x[2].code = strdup("2.1"), x[2].group = strdup("2"), x[2].name = strdup("Hồ sơ sức khỏe");
    x[2].status = strdup("no_data"), x[2].status_label = strdup("chưa có số liệu"), x[2].verdict = -1;
    r->ntasks = 1;
    r->tasks = calloc(1, sizeof *r->tasks);
    r->tasks[0].code = strdup("NV1"), r->tasks[0].name = strdup("Nâng cấp mạng LAN");
    r->tasks[0].status = strdup("hoàn thành"), r->tasks[0].has_percent = 1, r->tasks[0].percent = 100;
    r->ndifficulties = 1;
    r->difficulties = calloc(1, sizeof *r->difficulties);
    r->difficulties[0].text = strdup("Thiếu máy tính.");
    strlist_add(&r->difficulties[0].orgs, "Trạm Y tế xã");
    strlist_add(&r->difficulties[0].orgs, "Phòng Kinh tế");
    strlist_add(&r->unapproved, "Công an xã (đã nộp)");
    r->author = strdup("dieuphoi");
    snprintf(r->created, sizeof r->created, "2027-01-05T02:00:00Z");
    r->audit_head = strdup("42:abcdef");
}

static void test_report_docx(void **state)
{
    (void)state;
    export_report r;
    dti_err e;
    void *data = NULL;
    size_t len = 0;
    model(&r);
    assert_int_equal(export_report_docx(&r, &data, &len, &e), DTI_OK);
    char *doc = part(data, len, "word/document.xml");
    assert_non_null(doc);
    well_formed(doc);
    static const char *const want[] = {
        "XÃ VĨNH TRỤ", "Số: 7/BC-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        /* the decree: a leading 0 for days below 10 and months 1 and 2 */
        "Vĩnh Trụ, ngày 05 tháng 01 năm 2027", "BÁO CÁO",
        "Kết quả thực hiện Kế hoạch chuyển đổi số năm 2026 (Quý IV/2026)",
        "- 1.1. Phủ sóng 5G: ", "kết quả 62,00%", "nguy cơ không đạt", "kết quả có", "kết quả chưa có số liệu",
        "Công an xã (đã nộp)", "Trạm Y tế xã, Phòng Kinh tế", "Thiếu máy tính.",
        "không nêu đề xuất, kiến nghị", "Nơi nhận:", "- Sở Khoa học và Công nghệ tỉnh;", "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Thị B", "PHỤ LỤC", "NV1. Nâng cấp mạng LAN",
        "hoàn thành, 100%", "2.2. Xã hội số: chưa có số liệu"};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        if (!strstr(doc, want[i]))
            fail_msg("not in the document: %s", want[i]);
    free(doc);
    char *custom = part(data, len, "docProps/custom.xml");
    assert_non_null(strstr(custom, "42:abcdef"));
    free(custom);
    free(data);
    /* March: no leading 0 for the month */
    r.month = 3, r.day = 15;
    assert_int_equal(export_report_docx(&r, &data, &len, &e), DTI_OK);
    doc = part(data, len, "word/document.xml");
    assert_non_null(strstr(doc, "ngày 15 tháng 3 năm 2027"));
    free(doc);
    free(data);
    export_report_release(&r);
    export_report_release(&r);      /* released twice: a no-op */
}

static void test_csv(void **state)
{
    (void)state;
    export_report r;
    dti_err e;
    void *data = NULL;
    size_t len = 0;
    model(&r);
    free(r.inds[0].name);
    r.inds[0].name = strdup("Tỷ lệ \"5G\", toàn xã");
    assert_int_equal(export_opendata_csv(&r, &data, &len, &e), DTI_OK);
    const char *s = data;
    assert_memory_equal(s, "\xEF\xBB\xBF" "commune,province,plan_id,period,", 3 + 32);
    assert_non_null(strstr(s, ",\"Tỷ lệ \"\"5G\"\", toàn xã\","));
    assert_non_null(strstr(s, ",1.1,"));
    assert_non_null(strstr(s, ",>=,70,62,,0.8857142857,at_risk,"));
    size_t lines = 0;
    for (size_t i = 0; i < len; i++)
        lines += s[i] == '\n';
    assert_int_equal(lines, 4);     /* header + 3 indicators, CRLF */
    free(data);
    assert_int_equal(export_opendata_json(&r, &data, &len, &e), DTI_OK);
    assert_non_null(strstr(data, "\"audit_head\": \"42:abcdef\""));
    assert_non_null(strstr(data, "\"value\": null"));
    free(data);
    export_report_release(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_primitives),
        cmocka_unit_test(test_sticky_error),
        cmocka_unit_test(test_report_docx),
        cmocka_unit_test(test_csv),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
