/* province_docx.c — the province's summary over its communes as a Word
 * document: the decree's heading and closing (docx_blocks.h), "BÁO CÁO" and
 * the subject, the general situation (communes with a plan, with data, the
 * province's figure and how it is made), the communes that did not report,
 * the at-risk indicators counted, then the table of every commune (rank,
 * index, change since the previous period, completeness, its own report's
 * arrival, at-risk count) in a landscape section. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "base/text.h"
#include "export/docx.h"
#include "export/docx_blocks.h"
#include "export/province.h"

#define PT(n) ((n) * 2)

static const docx_pfmt BODY = {.style = "BodyText"};
static const docx_pfmt H1 = {.style = "Heading1"};
static const docx_pfmt CENTER = {.align = DOCX_AL_CENTER, .before = -1, .after = -1};

static void bodyf(docx *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void bodyf(docx *d, const char *fmt, ...)
{
    char s[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s, sizeof s, fmt, ap);
    va_end(ap);
    docx_p(d, &BODY, s, 0, 0);
}

static void table(docx *d, const export_province *p)
{
    static const int w[9] = {800, 2970, 1500, 1500, 1500, 1800, 2200, 1200, 1100};
    static const char *const heads[9] = {"Hạng", "Xã, phường", "Chỉ số kỳ", "Kỳ trước", "Thay đổi",
                                         "Báo cáo đơn vị (đã nộp/phải nộp)", "Báo cáo của xã gửi tỉnh",
                                         "Chỉ tiêu nguy cơ", "Ghi chú"};
    char s[256], a[32], b[32];
    docx_p(d, &CENTER, "PHỤ LỤC", DOCX_BOLD, PT(14));
    snprintf(s, sizeof s, "CHỈ SỐ CHUYỂN ĐỔI SỐ CÁC XÃ, PHƯỜNG — %s", p->period_label);
    char *up = text_upper1(s);
    docx_p(d, &CENTER, up ? up : s, DOCX_BOLD, PT(13));
    free(up);
    docx_table_begin(d, 9, w, 1);
    docx_row_begin(d, 1);
    for (size_t c = 0; c < 9; c++)
        docx_cell_text(d, c, heads[c], DOCX_AL_CENTER, DOCX_BOLD);
    docx_row_end(d);
    for (size_t i = 0; i < p->ncommunes; i++) {
        const export_commune *c = &p->communes[i];
        docx_row_begin(d, 0);
        snprintf(s, sizeof s, "%d", c->rank);
        docx_cell_text(d, 0, c->rank > 0 ? s : "—", DOCX_AL_CENTER, 0);
        docx_cell_text(d, 1, c->name, DOCX_AL_LEFT, 0);
        docx_cell_text(d, 2, c->has_index && c->index_text ? c->index_text : "chưa có số liệu", DOCX_AL_CENTER, 0);
        docx_cell_text(d, 3, c->has_prev ? export_num(c->prev, 4, a) : "—", DOCX_AL_CENTER, 0);
        if (c->has_prev && c->has_index) {
            double diff = c->index - c->prev;
            snprintf(s, sizeof s, "%s%s", diff >= 0 ? "+" : "−", export_num(diff >= 0 ? diff : -diff, 4, b));
        } else {
            snprintf(s, sizeof s, "—");
        }
        docx_cell_text(d, 4, s, DOCX_AL_CENTER, 0);
        snprintf(s, sizeof s, "%ld/%ld (đúng hạn %ld)", c->received, c->expected, c->on_time);
        docx_cell_text(d, 5, c->plan_id ? s : "—", DOCX_AL_CENTER, 0);
        snprintf(s, sizeof s, "%s%s%s%s", c->report ? c->report : "—", c->report_due ? " (hạn " : "",
                 c->report_due ? c->report_due : "", c->report_due ? ")" : "");
        docx_cell_text(d, 6, s, DOCX_AL_CENTER, 0);
        snprintf(s, sizeof s, "%ld", c->at_risk);
        docx_cell_text(d, 7, c->plan_id ? s : "—", DOCX_AL_CENTER, 0);
        docx_cell_text(d, 8, c->note ? c->note : "", DOCX_AL_LEFT, 0);
        docx_row_end(d);
    }
    docx_table_end(d);
}

dti_rc export_province_docx(const export_province *p, void **data, size_t *len, dti_err *e)
{
    docx *d = NULL;
    dti_rc rc = docx_new(&d, e);
    char s[1024], a[32];
    if (rc)
        return rc;
    export_doc_heading(d, &p->set, p->day, p->month, p->doc_year);
    docx_pfmt f = CENTER;
    f.before = 240;
    docx_p(d, &f, "BÁO CÁO", DOCX_BOLD, PT(14));
    char *lbl = text_upper1(p->period_label);
    snprintf(s, sizeof s, "Tình hình thực hiện chuyển đổi số của các xã, phường trên địa bàn tỉnh %s (%s)",
             p->province ? p->province : "", lbl ? lbl : p->period_label);
    free(lbl);
    docx_p(d, &CENTER, s, DOCX_BOLD, PT(14));
    docx_rule(d, 1800, DOCX_TEXT_W);

    size_t with_plan = 0, with_data = 0, ontime = 0, late = 0, missing = 0;
    long risk = 0;
    for (size_t i = 0; i < p->ncommunes; i++) {
        const export_commune *c = &p->communes[i];
        with_plan += c->plan_id != 0;
        with_data += c->has_index;
        risk += c->at_risk;
        if (c->report && strcmp(c->report, "đúng hạn") == 0)
            ontime++;
        else if (c->report && strncmp(c->report, "trễ", strlen("trễ")) == 0)
            late++;
        else if (c->report && strcmp(c->report, "chưa gửi") == 0)
            missing++;
    }
    docx_p(d, &H1, "I. TÌNH HÌNH CHUNG", 0, 0);
    bodyf(d, "Toàn tỉnh có %zu xã, phường; %zu có kế hoạch chuyển đổi số năm %d được theo dõi trên hệ thống, "
          "%zu có số liệu được duyệt cho %s. Số liệu trong báo cáo chỉ lấy từ các báo cáo đã được duyệt.",
          p->ncommunes, with_plan, p->year, with_data, p->period_label);
    if (p->has_value)
        bodyf(d, "Chỉ số chuyển đổi số của tỉnh %s: %s (cách tính: %s).", p->period_label, export_num(p->value, 4, a),
              p->mode ? p->mode : "");
    else
        bodyf(d, "Chỉ số chuyển đổi số của tỉnh %s: chưa có số liệu.", p->period_label);
    bodyf(d, "Báo cáo của các xã gửi tỉnh: %zu đúng hạn, %zu trễ hạn, %zu chưa gửi. Tổng số chỉ tiêu có nguy cơ "
          "không đạt: %ld.", ontime, late, missing, risk);
    docx_p(d, &H1, "II. KẾT QUẢ CỦA CÁC XÃ, PHƯỜNG", 0, 0);
    for (size_t i = 0; i < p->ncommunes; i++) {
        const export_commune *c = &p->communes[i];
        if (!c->has_index)
            continue;
        bodyf(d, "- %s: chỉ số %s, xếp thứ %d; báo cáo đơn vị %ld/%ld; %ld chỉ tiêu có nguy cơ không đạt.", c->name,
              c->index_text ? c->index_text : "", c->rank, c->received, c->expected, c->at_risk);
    }
    docx_p(d, &H1, "III. CÁC XÃ, PHƯỜNG CHƯA CÓ SỐ LIỆU HOẶC CHƯA BÁO CÁO", 0, 0);
    int any = 0;
    for (size_t i = 0; i < p->ncommunes; i++) {
        const export_commune *c = &p->communes[i];
        if (c->has_index && !(c->report && strcmp(c->report, "chưa gửi") == 0))
            continue;
        any = 1;
        bodyf(d, "- %s: %s.", c->name, c->note ? c->note : c->report ? c->report : "chưa có số liệu");
    }
    if (!any)
        bodyf(d, "Tất cả các xã, phường đã có số liệu và đã gửi báo cáo.");
    export_doc_closing(d, &p->set);
    docx_section(d, 0, 1);
    table(d, p);
    const char *names[] = {"dti.period", "dti.audit_head", "dti.exported_by", "dti.exported_at"};
    const char *values[] = {p->period, p->audit_head ? p->audit_head : "", p->author ? p->author : "", p->created};
    docx_props props = {.title = "Báo cáo chuyển đổi số các xã, phường", .subject = p->period_label,
                        .creator = p->author, .created = p->created, .custom_names = names,
                        .custom_values = values, .ncustom = 4};
    rc = docx_finish(d, 1, 0, &props, data, len, e);
    docx_free(d);
    return rc;
}
