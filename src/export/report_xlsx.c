/* report_xlsx.c — the period's workbook (issue 10 §2) with libxlsxwriter:
 *
 *   Kết quả          one row per indicator: code, pillar, indicator, unit,
 *                    target, value, achievement, status, lead, support,
 *                    evidence files, the reporting unit's timeliness;
 *   Nhiệm vụ         one row per task: status, percent, product, due,
 *                    overdue;
 *   Báo cáo đơn vị   one row per unit expected: the period's state, date
 *                    submitted, on time or late by days; over the year:
 *                    expected, received, on time, late, missing;
 *   Xếp hạng         the units ranked (on-time rate, then achievement),
 *                    and the index with completeness and the commune's rank.
 *
 * Every sheet: a title row, the header row frozen and repeated on each
 * printed page, widths set, long texts wrapped, A4 landscape fitted to
 * the page width. Numbers are real numbers (formats "#,##0.00", "0.00%":
 * Excel shows them with the reader's separators, a comma in a Vietnamese
 * Windows) and dates real dates shown dd/mm/yyyy (xlsx_file.h: through a
 * private temporary file). Properties: title, author, and the custom properties
 * dti.audit_head, dti.plan_id, dti.period. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>
#include "export/report.h"
#include "export/xlsx_file.h"

struct fmts {
    lxw_format *title, *head, *text, *wrap, *center, *num, *pct, *date, *bold;
};

static void fmts_init(lxw_workbook *wb, struct fmts *f)
{
    f->title = workbook_add_format(wb);
    format_set_bold(f->title);
    format_set_font_size(f->title, 14);
    f->head = workbook_add_format(wb);
    format_set_bold(f->head);
    format_set_text_wrap(f->head);
    format_set_align(f->head, LXW_ALIGN_CENTER);
    format_set_align(f->head, LXW_ALIGN_VERTICAL_CENTER);
    format_set_border(f->head, LXW_BORDER_THIN);
    format_set_bg_color(f->head, 0xD9E1F2);
    f->text = workbook_add_format(wb);
    format_set_border(f->text, LXW_BORDER_THIN);
    format_set_align(f->text, LXW_ALIGN_VERTICAL_TOP);
    f->wrap = workbook_add_format(wb);
    format_set_text_wrap(f->wrap);
    format_set_border(f->wrap, LXW_BORDER_THIN);
    format_set_align(f->wrap, LXW_ALIGN_VERTICAL_TOP);
    f->center = workbook_add_format(wb);
    format_set_align(f->center, LXW_ALIGN_CENTER);
    format_set_align(f->center, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(f->center, LXW_BORDER_THIN);
    f->num = workbook_add_format(wb);
    format_set_num_format(f->num, "#,##0.00");
    format_set_border(f->num, LXW_BORDER_THIN);
    format_set_align(f->num, LXW_ALIGN_VERTICAL_TOP);
    f->pct = workbook_add_format(wb);
    format_set_num_format(f->pct, "0.00%");
    format_set_border(f->pct, LXW_BORDER_THIN);
    format_set_align(f->pct, LXW_ALIGN_VERTICAL_TOP);
    f->date = workbook_add_format(wb);
    format_set_num_format(f->date, "dd/mm/yyyy");
    format_set_border(f->date, LXW_BORDER_THIN);
    format_set_align(f->date, LXW_ALIGN_VERTICAL_TOP);
    f->bold = workbook_add_format(wb);
    format_set_bold(f->bold);
}

/* A sheet with TITLE in row 0, SUB in row 1, the header in row 3 (frozen,
 * repeated), columns of WIDTHS. */
static lxw_worksheet *sheet(lxw_workbook *wb, const struct fmts *f, const char *name, const char *title,
                            const char *sub, const char *const *heads, const double *widths, size_t n)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, name);
    if (!ws)
        return NULL;
    worksheet_write_string(ws, 0, 0, title, f->title);
    worksheet_write_string(ws, 1, 0, sub, NULL);
    for (size_t i = 0; i < n; i++) {
        worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, widths[i], NULL);
        worksheet_write_string(ws, 3, (lxw_col_t)i, heads[i], f->head);
    }
    worksheet_set_row(ws, 3, 32, NULL);
    worksheet_freeze_panes(ws, 4, 0);
    worksheet_repeat_rows(ws, 3, 3);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);     /* A4 */
    worksheet_set_margins(ws, 0.6, 0.4, 0.6, 0.6);
    worksheet_fit_to_pages(ws, 1, 0);
    return ws;
}

/* The lines a wrapped text takes in a column WIDTH characters wide (rows
 * do not grow by themselves: libxlsxwriter sets no height, and Calc keeps
 * the default one when opening). */
static double lines_of(const char *s, double width)
{
    size_t chars = 0;
    for (const char *p = s ? s : ""; *p; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80;
    double per = width > 2 ? width * 1.1 - 1 : 1;
    double n = (double)chars / per;
    return n <= 1 ? 1 : (double)(long)(n + 0.999);
}

/* Set ROW's height to the tallest of its N cells TEXTS in columns WIDTHS. */
static void fit_row(lxw_worksheet *ws, lxw_row_t row, const char *const *texts, const double *widths, size_t n)
{
    double lines = 1;
    for (size_t i = 0; i < n; i++) {
        double l = lines_of(texts[i], widths[i]);
        if (l > lines)
            lines = l;
    }
    if (lines > 1)
        worksheet_set_row(ws, row, 15.0 * (lines > 10 ? 10 : lines), NULL);
}

static void str(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s, lxw_format *f)
{
    if (s && *s)
        worksheet_write_string(ws, r, c, s, f);
    else
        worksheet_write_blank(ws, r, c, f);
}

static void numc(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, int has, double v, lxw_format *f, lxw_format *blank)
{
    if (has)
        worksheet_write_number(ws, r, c, v, f);
    else
        worksheet_write_string(ws, r, c, "—", blank);
}

static const char *unit_timeliness(const export_report *r, const char *org)
{
    for (size_t i = 0; org && i < r->nunits; i++)
        if (r->units[i].org && strcmp(r->units[i].org, org) == 0)
            return r->units[i].timeliness;
    return NULL;
}

static const char *group_name(const export_report *r, const char *code)
{
    for (size_t g = 0; code && g < r->ngroups; g++)
        if (r->groups[g].code && strcmp(r->groups[g].code, code) == 0)
            return r->groups[g].name ? r->groups[g].name : code;
    return code;
}

static void results(lxw_workbook *wb, const struct fmts *f, const export_report *r, const char *sub)
{
    static const char *const heads[] = {"STT", "Mã", "Trụ cột", "Chỉ tiêu", "Đơn vị tính", "Phép so sánh",
                                        "Mục tiêu năm", "Giá trị", "Mức đạt", "Tình trạng", "Chủ trì",
                                        "Phối hợp", "Số tệp kiểm chứng", "Đơn vị báo cáo", "Đúng hạn"};
    static const double w[] = {5, 7, 18, 48, 10, 9, 12, 12, 10, 16, 26, 26, 10, 26, 12};
    lxw_worksheet *ws = sheet(wb, f, "Kết quả", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", sub, heads, w, 15);
    if (!ws)
        return;
    for (size_t i = 0; i < r->ninds; i++) {
        const export_indicator *x = &r->inds[i];
        lxw_row_t row = (lxw_row_t)(4 + i);
        worksheet_write_number(ws, row, 0, (double)(i + 1), f->center);
        str(ws, row, 1, x->code, f->center);
        str(ws, row, 2, group_name(r, x->group), f->wrap);
        str(ws, row, 3, x->name, f->wrap);
        str(ws, row, 4, x->unit, f->center);
        str(ws, row, 5, x->has_target ? x->op : "", f->center);
        if (x->has_target)
            worksheet_write_number(ws, row, 6, x->target, f->num);
        else
            str(ws, row, 6, x->target_text, f->wrap);
        if (x->has_value)
            worksheet_write_number(ws, row, 7, x->value, f->num);
        else
            str(ws, row, 7, x->verdict < 0 ? "chưa có số liệu" : x->verdict ? "có" : "không", f->center);
        numc(ws, row, 8, x->has_achievement, x->achievement, f->pct, f->center);
        str(ws, row, 9, x->status && strcmp(x->status, "at_risk") == 0 ? "nguy cơ không đạt" : x->status_label, f->wrap);
        str(ws, row, 10, x->lead, f->wrap);
        str(ws, row, 11, x->support, f->wrap);
        worksheet_write_number(ws, row, 12, (double)x->evidence, f->center);
        str(ws, row, 13, x->reporter, f->wrap);
        str(ws, row, 14, unit_timeliness(r, x->reporter), f->center);
        const char *t[] = {"", "", group_name(r, x->group), x->name, x->unit, "", "", "", "", "", x->lead, x->support,
                           "", x->reporter, ""};
        fit_row(ws, row, t, w, 15);
    }
}

static void tasks(lxw_workbook *wb, const struct fmts *f, const export_report *r, const char *sub)
{
    static const char *const heads[] = {"STT", "Mã", "Nhiệm vụ", "Chủ trì", "Sản phẩm theo kế hoạch", "Thời hạn",
                                        "Trạng thái", "Tiến độ", "Sản phẩm đã có", "Kỳ báo cáo", "Quá hạn"};
    static const double w[] = {5, 7, 48, 26, 30, 16, 16, 9, 30, 11, 9};
    lxw_worksheet *ws = sheet(wb, f, "Nhiệm vụ", "TIẾN ĐỘ CÁC NHIỆM VỤ", sub, heads, w, 11);
    if (!ws)
        return;
    for (size_t i = 0; i < r->ntasks; i++) {
        const export_task *t = &r->tasks[i];
        lxw_row_t row = (lxw_row_t)(4 + i);
        worksheet_write_number(ws, row, 0, (double)(i + 1), f->center);
        str(ws, row, 1, t->code, f->center);
        str(ws, row, 2, t->name, f->wrap);
        str(ws, row, 3, t->lead, f->wrap);
        str(ws, row, 4, t->outputs, f->wrap);
        str(ws, row, 5, t->due_text, f->wrap);
        str(ws, row, 6, t->status ? t->status : "chưa có báo cáo được duyệt", f->wrap);
        numc(ws, row, 7, t->has_percent, t->percent / 100.0, f->pct, f->center);
        str(ws, row, 8, t->products, f->wrap);
        str(ws, row, 9, t->period, f->center);
        str(ws, row, 10, t->overdue ? "có" : "không", f->center);
        const char *tx[] = {"", "", t->name, t->lead, t->outputs, t->due_text, t->status, "", t->products, "", ""};
        fit_row(ws, row, tx, w, 11);
    }
}

static int dmy(const char *s, lxw_datetime *dt)
{
    int d, m, y;
    if (!s || sscanf(s, "%d/%d/%d", &d, &m, &y) != 3)
        return 0;
    memset(dt, 0, sizeof *dt);
    dt->year = y, dt->month = m, dt->day = d;
    return 1;
}

static void units(lxw_workbook *wb, const struct fmts *f, const export_report *r, const char *sub)
{
    static const char *const heads[] = {"STT", "Đơn vị", "Trạng thái báo cáo kỳ", "Ngày nộp", "Đúng hạn",
                                        "Trễ (ngày)", "Số kỳ phải nộp từ đầu năm", "Đã nộp", "Đúng hạn",
                                        "Trễ hạn", "Chưa nộp"};
    static const double w[] = {5, 36, 18, 12, 12, 9, 12, 9, 9, 9, 9};
    lxw_worksheet *ws = sheet(wb, f, "Báo cáo đơn vị", "TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ", sub, heads, w, 11);
    if (!ws)
        return;
    for (size_t i = 0; i < r->nunits; i++) {
        const export_unit *u = &r->units[i];
        lxw_row_t row = (lxw_row_t)(4 + i);
        lxw_datetime dt;
        worksheet_write_number(ws, row, 0, (double)(i + 1), f->center);
        str(ws, row, 1, u->org, f->wrap);
        str(ws, row, 2, u->state, f->center);
        if (dmy(u->submitted, &dt))
            worksheet_write_datetime(ws, row, 3, &dt, f->date);
        else
            str(ws, row, 3, "", f->center);
        str(ws, row, 4, u->timeliness, f->center);
        worksheet_write_number(ws, row, 5, (double)u->late_days, f->center);
        worksheet_write_number(ws, row, 6, (double)u->expected, f->center);
        worksheet_write_number(ws, row, 7, (double)u->received, f->center);
        worksheet_write_number(ws, row, 8, (double)u->on_time, f->center);
        worksheet_write_number(ws, row, 9, (double)u->late, f->center);
        worksheet_write_number(ws, row, 10, (double)u->missing, f->center);
    }
}

static void ranking(lxw_workbook *wb, const struct fmts *f, const export_report *r, const char *sub)
{
    static const char *const heads[] = {"Hạng", "Đơn vị", "Tỷ lệ đúng hạn", "Số kỳ phải nộp", "Đúng hạn",
                                        "Trễ hạn", "Chưa nộp"};
    static const double w[] = {7, 40, 14, 12, 10, 10, 10};
    lxw_worksheet *ws = sheet(wb, f, "Xếp hạng", "XẾP HẠNG CÁC ĐƠN VỊ", sub, heads, w, 7);
    if (!ws)
        return;
    size_t row = 4;
    for (int rank = 1; rank <= (int)r->nunits + 1; rank++)
        for (size_t i = 0; i < r->nunits; i++) {
            const export_unit *u = &r->units[i];
            if ((rank <= (int)r->nunits && u->rank != rank) || (rank == (int)r->nunits + 1 && u->rank != 0))
                continue;
            if (u->rank > 0)
                worksheet_write_number(ws, (lxw_row_t)row, 0, u->rank, f->center);
            else
                str(ws, (lxw_row_t)row, 0, "—", f->center);
            str(ws, (lxw_row_t)row, 1, u->org, f->wrap);
            numc(ws, (lxw_row_t)row, 2, u->expected > 0, u->expected ? (double)u->on_time / (double)u->expected : 0,
                 f->pct, f->center);
            worksheet_write_number(ws, (lxw_row_t)row, 3, (double)u->expected, f->center);
            worksheet_write_number(ws, (lxw_row_t)row, 4, (double)u->on_time, f->center);
            worksheet_write_number(ws, (lxw_row_t)row, 5, (double)u->late, f->center);
            worksheet_write_number(ws, (lxw_row_t)row, 6, (double)u->missing, f->center);
            row++;
        }
    row++;
    char s[512], a[32];
    snprintf(s, sizeof s, "Chỉ số của kế hoạch %s: %s; báo cáo đã nộp %ld/%ld, đúng hạn %ld.", r->period_label,
             r->has_index && r->index_text ? r->index_text : "chưa có số liệu", r->received, r->expected, r->on_time);
    worksheet_write_string(ws, (lxw_row_t)row++, 1, s, f->bold);
    if (r->rank > 0)
        snprintf(s, sizeof s, "Xếp hạng của xã trong tỉnh: %d/%d.", r->rank, r->ncommunes);
    else
        snprintf(s, sizeof s, "Xếp hạng của xã trong tỉnh: chưa có số liệu.");
    worksheet_write_string(ws, (lxw_row_t)row++, 1, s, f->bold);
    (void)a;
}

dti_rc export_report_xlsx(const export_report *r, void **data, size_t *len, dti_err *e)
{
    char path[EXPORT_XLSX_PATH_MAX], sub[512], pid[32];
    *data = NULL;
    *len = 0;
    lxw_workbook *wb = export_xlsx_new(path, e);
    if (!wb)
        return e ? e->code : DTI_ERR_IO;
    struct fmts f;
    fmts_init(wb, &f);
    snprintf(sub, sizeof sub, "%s%s%s — %s; số liệu đã duyệt, tính đến ngày %s", r->set.body_name ? r->set.body_name : "",
             r->plan_title ? " — " : "", r->plan_title ? r->plan_title : "", r->period_label, r->asof);
    results(wb, &f, r, sub);
    tasks(wb, &f, r, sub);
    units(wb, &f, r, sub);
    ranking(wb, &f, r, sub);
    lxw_doc_properties props = {.title = (char *)"Kết quả thực hiện Kế hoạch chuyển đổi số",
                                .subject = (char *)r->period_label, .author = r->author,
                                .company = r->set.body_name, .comments = (char *)"dti: số liệu đã duyệt"};
    workbook_set_properties(wb, &props);
    snprintf(pid, sizeof pid, "%lld", (long long)r->plan_id);
    workbook_set_custom_property_string(wb, "dti.audit_head", r->audit_head ? r->audit_head : "");
    workbook_set_custom_property_string(wb, "dti.plan_id", pid);
    workbook_set_custom_property_string(wb, "dti.period", r->period);
    return export_xlsx_finish(wb, path, data, len, e);
}
