/* province_xlsx.c — the province's summary as a workbook: one sheet of
 * every commune (rank, index, previous period, change, units' reports
 * expected / received / on time, its own report to the province, at-risk
 * indicators, note), the province's figure under it; the header frozen and
 * repeated, A4 landscape, numbers as numbers. */
#include <stdio.h>
#include <string.h>
#include "export/province.h"
#include "export/xlsx_file.h"

dti_rc export_province_xlsx(const export_province *p, void **data, size_t *len, dti_err *e)
{
    static const char *const heads[] = {"Hạng", "Xã, phường", "Chỉ số kỳ", "Kỳ trước", "Thay đổi",
                                        "Báo cáo phải nộp", "Đã nộp", "Đúng hạn", "Báo cáo của xã gửi tỉnh",
                                        "Hạn", "Chỉ tiêu nguy cơ", "Ghi chú"};
    static const double w[] = {7, 32, 11, 11, 10, 11, 9, 9, 20, 12, 11, 36};
    char path[EXPORT_XLSX_PATH_MAX], s[512];
    lxw_workbook *wb = export_xlsx_new(path, e);
    *data = NULL;
    *len = 0;
    if (!wb)
        return e ? e->code : DTI_ERR_IO;
    lxw_format *title = workbook_add_format(wb), *head = workbook_add_format(wb), *cell = workbook_add_format(wb),
               *idx = workbook_add_format(wb), *bold = workbook_add_format(wb);
    format_set_bold(title);
    format_set_font_size(title, 14);
    format_set_bold(head);
    format_set_text_wrap(head);
    format_set_align(head, LXW_ALIGN_CENTER);
    format_set_border(head, LXW_BORDER_THIN);
    format_set_bg_color(head, 0xD9E1F2);
    format_set_border(cell, LXW_BORDER_THIN);
    format_set_text_wrap(cell);
    format_set_align(cell, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(idx, LXW_BORDER_THIN);
    format_set_num_format(idx, "0.0000");
    format_set_bold(bold);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Các xã");
    snprintf(s, sizeof s, "CHỈ SỐ CHUYỂN ĐỔI SỐ CÁC XÃ, PHƯỜNG TỈNH %s", p->province ? p->province : "");
    worksheet_write_string(ws, 0, 0, s, title);
    snprintf(s, sizeof s, "%s; số liệu đã duyệt", p->period_label);
    worksheet_write_string(ws, 1, 0, s, NULL);
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++) {
        worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, w[i], NULL);
        worksheet_write_string(ws, 3, (lxw_col_t)i, heads[i], head);
    }
    worksheet_set_row(ws, 3, 32, NULL);
    worksheet_freeze_panes(ws, 4, 2);
    worksheet_repeat_rows(ws, 3, 3);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
    lxw_row_t row = 4;
    for (size_t i = 0; i < p->ncommunes; i++, row++) {
        const export_commune *c = &p->communes[i];
        if (c->rank > 0)
            worksheet_write_number(ws, row, 0, c->rank, cell);
        else
            worksheet_write_string(ws, row, 0, "—", cell);
        worksheet_write_string(ws, row, 1, c->name, cell);
        if (c->has_index)
            worksheet_write_number(ws, row, 2, c->index, idx);
        else
            worksheet_write_string(ws, row, 2, "chưa có số liệu", cell);
        if (c->has_prev)
            worksheet_write_number(ws, row, 3, c->prev, idx);
        else
            worksheet_write_blank(ws, row, 3, cell);
        if (c->has_prev && c->has_index)
            worksheet_write_number(ws, row, 4, c->index - c->prev, idx);
        else
            worksheet_write_blank(ws, row, 4, cell);
        worksheet_write_number(ws, row, 5, (double)c->expected, cell);
        worksheet_write_number(ws, row, 6, (double)c->received, cell);
        worksheet_write_number(ws, row, 7, (double)c->on_time, cell);
        worksheet_write_string(ws, row, 8, c->report ? c->report : "—", cell);
        worksheet_write_string(ws, row, 9, c->report_due ? c->report_due : "", cell);
        worksheet_write_number(ws, row, 10, (double)c->at_risk, cell);
        worksheet_write_string(ws, row, 11, c->note ? c->note : "", cell);
    }
    row++;
    if (p->has_value) {
        snprintf(s, sizeof s, "Chỉ số của tỉnh (%s):", p->mode ? p->mode : "");
        worksheet_write_string(ws, row, 1, s, bold);
        worksheet_write_number(ws, row, 2, p->value, idx);
    } else {
        worksheet_write_string(ws, row, 1, "Chỉ số của tỉnh: chưa có số liệu", bold);
    }
    lxw_doc_properties props = {.title = (char *)"Chỉ số chuyển đổi số các xã, phường", .author = p->author};
    workbook_set_properties(wb, &props);
    workbook_set_custom_property_string(wb, "dti.audit_head", p->audit_head ? p->audit_head : "");
    workbook_set_custom_property_string(wb, "dti.period", p->period);
    return export_xlsx_finish(wb, path, data, len, e);
}
