/* province_home_xlsx.c — the province's home as a workbook
 * (province_home.h). Numbers are written as numbers with number formats,
 * so Excel shows them the Vietnamese way (0,7071) in a Vietnamese locale
 * and sums and sorts them; texts as the page writes them. */
#include <stdio.h>
#include <string.h>
#include "export/province_home.h"
#include "export/xlsx_file.h"

typedef struct fmts {
    lxw_format *title, *head, *cell, *idx, *pct, *num, *bold;
} fmts;

static lxw_worksheet *sheet(lxw_workbook *wb, const fmts *f, const char *name, const char *title, const char *sub,
                            const char *const *heads, const double *w, size_t n)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, name);
    if (!ws)
        return NULL;
    worksheet_write_string(ws, 0, 0, title, f->title);
    worksheet_write_string(ws, 1, 0, sub, NULL);
    for (size_t i = 0; i < n; i++) {
        worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, w[i], NULL);
        worksheet_write_string(ws, 3, (lxw_col_t)i, heads[i], f->head);
    }
    worksheet_set_row(ws, 3, 32, NULL);
    worksheet_freeze_panes(ws, 4, 2);
    worksheet_repeat_rows(ws, 3, 3);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
    return ws;
}

static void str(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s, lxw_format *f)
{
    worksheet_write_string(ws, r, c, s ? s : "", f);
}

dti_rc export_province_home_xlsx(const export_home *h, void **data, size_t *len, dti_err *e)
{
    static const char *const HEADS[] = {"Hạng", "Xã, phường", "Chỉ số", "Đủ số liệu", "Đã có / phải có",
                                        "Thay đổi so với kỳ trước", "Báo cáo của xã gửi tỉnh", "Hạn",
                                        "Chỉ tiêu nguy cơ", "Liên hệ", "Ghi chú"};
    static const double W[] = {7, 28, 10, 10, 12, 12, 18, 12, 10, 40, 30};
    static const char *const MHEADS[] = {"STT", "Xã, phường", "Tình trạng", "Hạn", "Liên hệ"};
    static const double MW[] = {6, 28, 18, 12, 50};
    static const char *const CHEADS[] = {"STT", "Xã, phường", "Giá trị", "Chỉ tiêu năm", "Mức đạt", "Trạng thái"};
    static const double CW[] = {6, 28, 14, 24, 10, 18};
    char path[EXPORT_XLSX_PATH_MAX], s[1024], sub[512];
    *data = NULL;
    *len = 0;
    lxw_workbook *wb = export_xlsx_new(path, e);
    if (!wb)
        return e ? e->code : DTI_ERR_IO;
    fmts f = {workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb),
              workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb)};
    format_set_bold(f.title);
    format_set_font_size(f.title, 14);
    format_set_bold(f.head);
    format_set_text_wrap(f.head);
    format_set_align(f.head, LXW_ALIGN_CENTER);
    format_set_border(f.head, LXW_BORDER_THIN);
    format_set_bg_color(f.head, 0xD9E1F2);
    lxw_format *cells[] = {f.cell, f.idx, f.pct, f.num};
    for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
        format_set_border(cells[i], LXW_BORDER_THIN);
        format_set_align(cells[i], LXW_ALIGN_VERTICAL_TOP);
    }
    format_set_text_wrap(f.cell);
    format_set_num_format(f.idx, "0.0000");
    format_set_num_format(f.pct, "0.0%");
    format_set_num_format(f.num, "#,##0.##");
    format_set_bold(f.bold);

    snprintf(s, sizeof s, "CÁC XÃ, PHƯỜNG CỦA TỈNH %s", h->province ? h->province : "");
    snprintf(sub, sizeof sub, "Kỳ %s; số liệu đã duyệt, đánh giá ngày %s%s%s", h->period ? h->period : "",
             h->judged_on ? h->judged_on : "", h->table ? "; chấm theo bộ chỉ số: " : "", h->table ? h->table : "");
    lxw_worksheet *ws = sheet(wb, &f, "Các xã", s, sub, HEADS, W, sizeof W / sizeof W[0]);
    lxw_row_t row = 4;
    size_t nmiss = 0;
    for (size_t i = 0; ws && i < h->ncommunes; i++, row++) {
        const export_home_commune *c = &h->communes[i];
        if (c->rank > 0)
            worksheet_write_number(ws, row, 0, c->rank, f.cell);
        else
            str(ws, row, 0, "—", f.cell);
        str(ws, row, 1, c->name, f.cell);
        if (c->has_index)
            worksheet_write_number(ws, row, 2, c->index, f.idx);
        else
            str(ws, row, 2, "chưa có số liệu", f.cell);
        if (c->expected > 0)
            worksheet_write_number(ws, row, 3, (double)c->reported / (double)c->expected, f.pct);
        else
            worksheet_write_blank(ws, row, 3, f.cell);
        snprintf(s, sizeof s, "%ld/%ld", c->reported, c->expected);
        str(ws, row, 4, c->expected ? s : "", f.cell);
        if (c->has_change)
            worksheet_write_number(ws, row, 5, c->change, f.idx);
        else
            worksheet_write_blank(ws, row, 5, f.cell);
        str(ws, row, 6, c->report, f.cell);
        str(ws, row, 7, c->due, f.cell);
        worksheet_write_number(ws, row, 8, (double)c->at_risk, f.num);
        str(ws, row, 9, c->contacts, f.cell);
        str(ws, row, 10, c->note, f.cell);
        nmiss += !c->sent;
    }
    if (ws) {
        row++;
        snprintf(s, sizeof s, "Chỉ số của tỉnh (%s):", h->mode ? h->mode : "");
        worksheet_write_string(ws, row, 1, h->has_value ? s : "Chỉ số của tỉnh: chưa có số liệu", f.bold);
        if (h->has_value)
            worksheet_write_number(ws, row, 2, h->value, f.idx);
    }
    snprintf(s, sizeof s, "CÁC XÃ CHƯA BÁO CÁO (%zu)", nmiss);
    lxw_worksheet *wm = sheet(wb, &f, "Chưa báo cáo", s, sub, MHEADS, MW, sizeof MW / sizeof MW[0]);
    row = 4;
    for (size_t i = 0, k = 0; wm && i < h->ncommunes; i++) {
        const export_home_commune *c = &h->communes[i];
        if (c->sent)
            continue;
        worksheet_write_number(wm, row, 0, (double)++k, f.num);
        str(wm, row, 1, c->name, f.cell);
        str(wm, row, 2, c->report, f.cell);
        str(wm, row, 3, c->due, f.cell);
        str(wm, row, 4, c->contacts ? c->contacts : "chưa có tài khoản điều phối", f.cell);
        row++;
    }
    if (h->code) {
        snprintf(s, sizeof s, "CHỈ TIÊU %s — %s", h->code, h->ind_name ? h->ind_name : "");
        lxw_worksheet *wc = sheet(wb, &f, "So sánh chỉ tiêu", s, sub, CHEADS, CW, sizeof CW / sizeof CW[0]);
        if (wc && h->unit && *h->unit) {
            snprintf(s, sizeof s, "Giá trị (%s)", h->unit);
            worksheet_write_string(wc, 3, 2, s, f.head);
        }
        row = 4;
        for (size_t i = 0; wc && i < h->nvalues; i++, row++) {
            const export_home_value *v = &h->values[i];
            worksheet_write_number(wc, row, 0, (double)(i + 1), f.num);
            str(wc, row, 1, v->name, f.cell);
            if (!v->matched) {
                str(wc, row, 2, "kế hoạch không có chỉ tiêu này", f.cell);
                for (lxw_col_t c = 3; c < 6; c++)
                    worksheet_write_blank(wc, row, c, f.cell);
                continue;
            }
            if (v->text_value)
                str(wc, row, 2, v->text_value, f.cell);
            else if (v->has_value)
                worksheet_write_number(wc, row, 2, v->value, f.num);
            else
                str(wc, row, 2, "chưa có số liệu", f.cell);
            str(wc, row, 3, v->target, f.cell);
            if (v->has_ach)
                worksheet_write_number(wc, row, 4, v->achievement, f.pct);
            else
                worksheet_write_blank(wc, row, 4, f.cell);
            str(wc, row, 5, v->status, f.cell);
        }
    }
    lxw_doc_properties props = {.title = (char *)"Trang của tỉnh: các xã, phường", .author = (char *)h->author};
    workbook_set_properties(wb, &props);
    workbook_set_custom_property_string(wb, "dti.audit_head", h->audit_head ? h->audit_head : "");
    workbook_set_custom_property_string(wb, "dti.period", h->period ? h->period : "");
    return export_xlsx_finish(wb, path, data, len, e);
}
