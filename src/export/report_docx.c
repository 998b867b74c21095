/* report_docx.c — the commune's periodic report (or year-end summary) as
 * a Word document, laid out as Nghị định 30/2020/NĐ-CP, Phụ lục I sets it
 * (../shared/spec/report-docx.md; docs/outputs.md):
 *
 *   heading   a borderless two-column table: the issuing body over its
 *             rule and "Số: …/BC-UBND" on the left; the national name, the
 *             motto over its rule and "<place>, ngày … tháng … năm …" on
 *             the right;
 *   title     "BÁO CÁO", the subject, a short rule;
 *   body      I results (general situation, each pillar's indicators,
 *             tasks), II assessment (strengths, shortcomings with the
 *             units responsible and the at-risk indicators, the index with
 *             completeness and rank; the year's course for the summary),
 *             III difficulties and IV proposals quoted and attributed,
 *             V next period's focus;
 *   closing   a borderless two-column table: "Nơi nhận:" and its list on
 *             the left, the signature block on the right;
 *   appendix  a landscape section with the indicator table (STT, code,
 *             indicator, unit, target, value, achievement, status, lead).
 *
 * Everything comes from the export_report (report.h), which holds approved
 * data only; what is missing is said ("chưa có số liệu"), never filled. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "base/text.h"
#include "export/docx.h"
#include "export/docx_blocks.h"
#include "export/report.h"

#define PT(n) ((n) * 2)     /* points to half-points */

static const docx_pfmt BODY = {.style = "BodyText"};
static const docx_pfmt H1 = {.style = "Heading1"};
static const docx_pfmt H2 = {.style = "Heading2"};
static const docx_pfmt CENTER = {.align = DOCX_AL_CENTER, .before = -1, .after = -1};

static void body(docx *d, const char *text)
{
    docx_p(d, &BODY, text, 0, 0);
}

static void bodyf(docx *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void bodyf(docx *d, const char *fmt, ...)
{
    char s[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s, sizeof s, fmt, ap);
    va_end(ap);
    body(d, s);
}

static const char *roman(size_t i)
{
    static const char *const r[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
    return i < 10 ? r[i] : "X";
}

static const char *op_sign(const char *op)
{
    if (strcmp(op, ">=") == 0) return "≥ ";
    if (strcmp(op, "<=") == 0) return "≤ ";
    if (strcmp(op, ">") == 0) return "> ";
    if (strcmp(op, "<") == 0) return "< ";
    if (strcmp(op, "=") == 0) return "= ";
    return "";
}

/* A number without needless decimals: "70", "0,7", "12,5". */
static const char *short_num(double v, char out[32])
{
    export_num(v, 2, out);
    char *c = strchr(out, ',');
    if (c) {
        size_t n = strlen(out);
        while (n > 0 && out[n - 1] == '0')
            out[--n] = '\0';
        if (n > 0 && out[n - 1] == ',')
            out[--n] = '\0';
    }
    return out;
}

static void target_text(const export_indicator *x, char *out, size_t n)
{
    char a[32];
    if (x->has_target)
        snprintf(out, n, "%s%s%s", op_sign(x->op), short_num(x->target, a), x->percent ? "%" : "");
    else if (x->target_text)
        snprintf(out, n, "%s", x->target_text);
    else
        snprintf(out, n, "—");
}

/* The value as `dti score` prints it: "62,00"; "có"/"không" for a yes/no. */
static void value_text(const export_indicator *x, char *out, size_t n)
{
    char a[32];
    if (x->has_value)
        snprintf(out, n, "%s", export_num(x->value, 2, a));
    else if (x->verdict >= 0)
        snprintf(out, n, "%s", x->verdict ? "có" : "không");
    else
        snprintf(out, n, "chưa có số liệu");
}

static void ach_text(const export_indicator *x, char *out, size_t n)
{
    char a[32];
    if (x->has_achievement)
        snprintf(out, n, "%s%%", export_num(x->achievement * 100, 2, a));
    else
        snprintf(out, n, "—");
}

/* "đạt", "đúng tiến độ", "nguy cơ không đạt", "chưa đạt", "chưa có số liệu" */
static const char *status_words(const export_indicator *x)
{
    if (x->status && strcmp(x->status, "at_risk") == 0)
        return "nguy cơ không đạt";
    return x->status_label ? x->status_label : "chưa có số liệu";
}

static void title(docx *d, const export_report *r)
{
    char s[1024];
    docx_pfmt f = CENTER;
    f.before = 240;
    f.keep_next = 1;
    docx_p(d, &f, "BÁO CÁO", DOCX_BOLD, PT(14));
    if (r->kind == EXPORT_YEAR)
        snprintf(s, sizeof s, "Tổng kết thực hiện Kế hoạch chuyển đổi số năm %d", r->year);
    else {
        char *lbl = text_upper1(r->period_label);
        snprintf(s, sizeof s, "Kết quả thực hiện Kế hoạch chuyển đổi số năm %d (%s)", r->year, lbl ? lbl : r->period_label);
        free(lbl);
    }
    f.before = -1;
    docx_p(d, &f, s, DOCX_BOLD, PT(14));
    docx_rule(d, 1800, DOCX_TEXT_W);
}

/* ---- body ----------------------------------------------------------------- */

static void quote_texts(docx *d, const export_text *t, size_t n, const char *none)
{
    if (n == 0) {
        body(d, none);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        char who[1024] = "";
        size_t len = 0;
        for (size_t k = 0; k < t[i].orgs.n && len < sizeof who; k++)
            len += (size_t)snprintf(who + len, sizeof who - len, "%s%s", k ? ", " : "", t[i].orgs.v[k]);
        docx_p_begin(d, &BODY);
        docx_run(d, "- ", 0, 0);
        docx_run(d, who, DOCX_ITALIC, 0);
        docx_run(d, ": “", 0, 0);
        docx_run(d, t[i].text, 0, 0);
        docx_run(d, "”", 0, 0);
        docx_p_end(d);
    }
}

static void general(docx *d, const export_report *r)
{
    char a[32];
    docx_p(d, &H2, "1. Tình hình chung", 0, 0);
    bodyf(d, "Kỳ báo cáo %s, số liệu tính đến ngày %s. Số đơn vị phải báo cáo: %ld; đã nộp: %ld, "
          "trong đó đúng hạn: %ld%s%s%s.", r->period_label, r->asof, r->expected, r->received, r->on_time,
          r->expected ? " (mức đầy đủ " : "", r->expected ? export_num(100.0 * (double)r->received / (double)r->expected, 2, a) : "",
          r->expected ? "%)" : "");
    body(d, "Báo cáo này chỉ tổng hợp số liệu từ các báo cáo đã được duyệt.");
    if (r->unapproved.n) {
        char s[2048];
        size_t len = (size_t)snprintf(s, sizeof s, "Báo cáo chưa được duyệt, không đưa vào số liệu: ");
        for (size_t i = 0; i < r->unapproved.n && len < sizeof s; i++)
            len += (size_t)snprintf(s + len, sizeof s - len, "%s%s", i ? "; " : "", r->unapproved.v[i]);
        if (len < sizeof s)
            snprintf(s + len, sizeof s - len, ".");
        body(d, s);
    }
    if (r->nresults) {
        body(d, "Kết quả nổi bật do các đơn vị báo cáo:");
        quote_texts(d, r->results, r->nresults, "");
    }
}

static void pillars(docx *d, const export_report *r)
{
    char s[4096], t[128], v[64], ac[64], a[32], b[32];
    docx_p(d, &H2, "2. Kết quả thực hiện các chỉ tiêu theo từng trụ cột", 0, 0);
    for (size_t g = 0; g < r->ngroups; g++) {
        const export_group *gr = &r->groups[g];
        if (gr->has_value)
            snprintf(s, sizeof s, "2.%zu. %s: chỉ số %s (%s/%s điểm); %zu chỉ tiêu, trong đó đạt %zu, "
                     "nguy cơ không đạt %zu, chưa đạt %zu, chưa có số liệu %zu.",
                     g + 1, gr->name ? gr->name : gr->code, gr->value_text ? gr->value_text : "",
                     export_num(gr->points, 4, a), short_num(gr->max, b), gr->nind, gr->nmet, gr->nat_risk,
                     gr->nnot_met, gr->nno_data);
        else
            snprintf(s, sizeof s, "2.%zu. %s: chưa có số liệu (%zu chỉ tiêu).", g + 1,
                     gr->name ? gr->name : gr->code, gr->nind);
        docx_pfmt f = BODY;
        f.keep_next = 1;
        docx_p(d, &f, s, DOCX_BOLD | DOCX_ITALIC, 0);
        for (size_t i = 0; i < r->ninds; i++) {
            const export_indicator *x = &r->inds[i];
            if (!x->group || !gr->code || strcmp(x->group, gr->code) != 0)
                continue;
            target_text(x, t, sizeof t);
            value_text(x, v, sizeof v);
            ach_text(x, ac, sizeof ac);
            docx_p_begin(d, &BODY);
            snprintf(s, sizeof s, "- %s. %s: ", x->code, x->name ? x->name : "");
            docx_run(d, s, 0, 0);
            snprintf(s, sizeof s, "mục tiêu năm %d %s; kết quả %s%s; mức đạt %s; ", r->year, t, v,
                     x->has_value && x->percent ? "%" : "", ac);
            docx_run(d, s, 0, 0);
            docx_run(d, status_words(x), DOCX_ITALIC, 0);
            docx_run(d, ".", 0, 0);
            docx_p_end(d);
        }
    }
}

static int task_is(const export_task *t, const char *status)
{
    return t->status && strcmp(t->status, status) == 0;
}

static void tasks(docx *d, const export_report *r)
{
    size_t done = 0, doing = 0, overdue = 0, none = 0, other = 0;
    char s[4096], a[32];
    for (size_t i = 0; i < r->ntasks; i++) {
        const export_task *t = &r->tasks[i];
        if (t->overdue)
            overdue++;
        else if (task_is(t, "hoàn thành"))
            done++;
        else if (task_is(t, "đang triển khai"))
            doing++;
        else if (!t->status)
            none++;
        else
            other++;
    }
    docx_p(d, &H2, "3. Kết quả thực hiện các nhiệm vụ", 0, 0);
    bodyf(d, "Kế hoạch có %zu nhiệm vụ: hoàn thành %zu; đang triển khai %zu; quá hạn %zu; "
          "chưa triển khai hoặc tạm dừng %zu; chưa có báo cáo được duyệt %zu.",
          r->ntasks, done, doing, overdue, other, none);
    for (size_t i = 0; i < r->ntasks; i++) {
        const export_task *t = &r->tasks[i];
        size_t n = (size_t)snprintf(s, sizeof s, "- %s. %s", t->code, t->name ? t->name : "");
        if (t->lead && n < sizeof s)
            n += (size_t)snprintf(s + n, sizeof s - n, " (chủ trì: %s)", t->lead);
        if (n < sizeof s) {
            if (t->status)
                n += (size_t)snprintf(s + n, sizeof s - n, ": %s%s%s%s", t->overdue ? "quá hạn, " : "", t->status,
                                      t->has_percent ? ", " : "", t->has_percent ? export_num(t->percent, 0, a) : "");
            else
                n += (size_t)snprintf(s + n, sizeof s - n, ": %schưa có báo cáo được duyệt", t->overdue ? "quá hạn, " : "");
        }
        if (t->has_percent && n < sizeof s)
            n += (size_t)snprintf(s + n, sizeof s - n, "%%");
        if (t->products && *t->products && n < sizeof s)
            n += (size_t)snprintf(s + n, sizeof s - n, "; sản phẩm: %s", t->products);
        if (t->due_text && n < sizeof s)
            n += (size_t)snprintf(s + n, sizeof s - n, "; thời hạn: %s", t->due_text);
        if (n < sizeof s)
            snprintf(s + n, sizeof s - n, ".");
        body(d, s);
    }
}

static void list_codes(docx *d, const export_report *r, const char *status, const char *intro)
{
    char s[2048], a[32], t[128], v[64];
    int any = 0;
    for (size_t i = 0; i < r->ninds; i++) {
        const export_indicator *x = &r->inds[i];
        if (!x->status || strcmp(x->status, status) != 0)
            continue;
        if (!any)
            body(d, intro);
        any = 1;
        target_text(x, t, sizeof t);
        value_text(x, v, sizeof v);
        size_t n = (size_t)snprintf(s, sizeof s, "- %s. %s: %s so với mục tiêu %s", x->code, x->name ? x->name : "", v, t);
        if (x->has_forecast && strcmp(status, "at_risk") == 0 && n < sizeof s)
            n += (size_t)snprintf(s + n, sizeof s - n, "; dự báo đến %s chỉ đạt %s", x->due ? x->due : "hạn",
                                  export_num(x->forecast, 2, a));
        if (n < sizeof s)
            n += (size_t)snprintf(s + n, sizeof s - n, "; đơn vị chủ trì: %s.", x->lead ? x->lead : "chưa giao");
        body(d, s);
    }
}

static void assessment(docx *d, const export_report *r)
{
    char a[32], b[32], c[32];
    size_t nmet = 0, ntrack = 0, nrisk = 0, nnot = 0, nnone = 0;
    for (size_t i = 0; i < r->ninds; i++) {
        const char *st = r->inds[i].status ? r->inds[i].status : "no_data";
        if (strcmp(st, "met") == 0) nmet++;
        else if (strcmp(st, "on_track") == 0) ntrack++;
        else if (strcmp(st, "at_risk") == 0) nrisk++;
        else if (strcmp(st, "not_met") == 0) nnot++;
        else nnone++;
    }
    docx_p(d, &H1, "II. ĐÁNH GIÁ CHUNG", 0, 0);
    docx_p(d, &H2, "1. Ưu điểm", 0, 0);
    bodyf(d, "Trong %zu chỉ tiêu của kế hoạch, %zu chỉ tiêu đã đạt mục tiêu năm %d và %zu chỉ tiêu "
          "đúng tiến độ.", r->ninds, nmet, r->year, ntrack);
    const export_group *best = NULL;
    for (size_t g = 0; g < r->ngroups; g++)
        if (r->groups[g].has_value && (!best || r->groups[g].value > best->value))
            best = &r->groups[g];
    if (best)
        bodyf(d, "Trụ cột có kết quả cao nhất: %s (chỉ số %s).", best->name ? best->name : best->code,
              best->value_text ? best->value_text : "");
    size_t ontime_all = 0;
    for (size_t i = 0; i < r->nunits; i++)
        if (r->units[i].expected > 0 && r->units[i].on_time == r->units[i].expected)
            ontime_all++;
    if (r->nunits)
        bodyf(d, "%zu/%zu đơn vị nộp đúng hạn tất cả các kỳ báo cáo từ đầu năm.", ontime_all, r->nunits);

    docx_p(d, &H2, "2. Tồn tại, hạn chế", 0, 0);
    if (nnot + nrisk + nnone == 0)
        body(d, "Không có chỉ tiêu chưa đạt hoặc có nguy cơ không đạt.");
    list_codes(d, r, "not_met", "Các chỉ tiêu chưa đạt (đã đến hạn):");
    list_codes(d, r, "at_risk", "Các chỉ tiêu có nguy cơ không đạt mục tiêu năm (theo dự báo xu hướng):");
    list_codes(d, r, "no_data", "Các chỉ tiêu chưa có số liệu được duyệt:");
    for (size_t i = 0; i < r->nunits; i++) {
        const export_unit *u = &r->units[i];
        if (u->late || u->missing)
            bodyf(d, "- %s: %ld kỳ nộp muộn, %ld kỳ chưa nộp trên %ld kỳ phải báo cáo từ đầu năm.", u->org,
                  u->late, u->missing, u->expected);
    }

    docx_p(d, &H2, r->kind == EXPORT_YEAR ? "3. Chỉ số chuyển đổi số và diễn biến trong năm"
                                          : "3. Chỉ số chuyển đổi số của kỳ", 0, 0);
    if (r->has_index)
        bodyf(d, "Chỉ số của kế hoạch %s: %s (%s/%s điểm; %ld chỉ tiêu được tính, %ld chỉ tiêu chưa có số liệu "
              "tính 0 điểm). Mức đầy đủ báo cáo: %ld/%ld đơn vị đã nộp.", r->period_label,
              r->index_text ? r->index_text : "", export_num(r->points, 4, a), short_num(r->max, b), r->counted,
              r->nodata, r->received, r->expected);
    else
        bodyf(d, "Chỉ số của kế hoạch %s: chưa có số liệu được duyệt. Mức đầy đủ báo cáo: %ld/%ld đơn vị đã nộp.",
              r->period_label, r->received, r->expected);
    if (r->has_prev && r->has_index) {
        double diff = r->index - r->prev_index;
        bodyf(d, "So với kỳ trước (%s): %s, %s %s.", r->prev_period, export_num(r->prev_index, 4, a),
              diff >= 0 ? "tăng" : "giảm", export_num(diff >= 0 ? diff : -diff, 4, c));
    }
    if (r->rank > 0)
        bodyf(d, "Xếp hạng: thứ %d/%d xã, phường của tỉnh%s%s.", r->rank, r->ncommunes,
              r->province ? " " : "", r->province ? r->province : "");
    else
        body(d, "Xếp hạng trong tỉnh: chưa có số liệu.");
    if (r->kind == EXPORT_YEAR) {
        if (r->ntrend) {
            char s[4096];
            size_t n = (size_t)snprintf(s, sizeof s, "Diễn biến chỉ số qua các kỳ trong năm: ");
            for (size_t i = 0; i < r->ntrend && n < sizeof s; i++)
                n += (size_t)snprintf(s + n, sizeof s - n, "%s%s: %s", i ? "; " : "", r->trend[i].period,
                                      r->trend[i].has_value ? export_num(r->trend[i].value, 4, a) : "chưa có số liệu");
            if (n < sizeof s)
                snprintf(s + n, sizeof s - n, ".");
            body(d, s);
        }
        body(d, "Kết quả và diễn biến từng trụ cột trong năm:");
        for (size_t g = 0; g < r->ngroups; g++) {
            const export_group *gr = &r->groups[g];
            char s[4096];
            size_t n = (size_t)snprintf(s, sizeof s, "- %s: %s", gr->name ? gr->name : gr->code,
                                        gr->has_value && gr->value_text ? gr->value_text : "chưa có số liệu");
            if (gr->trend && r->ntrend > 1 && n < sizeof s) {
                n += (size_t)snprintf(s + n, sizeof s - n, " (qua các kỳ: ");
                for (size_t i = 0; i < r->ntrend && n < sizeof s; i++)
                    n += (size_t)snprintf(s + n, sizeof s - n, "%s%s %s", i ? "; " : "", r->trend[i].period,
                                          gr->has_trend[i] ? export_num(gr->trend[i], 4, a) : "—");
                if (n < sizeof s)
                    n += (size_t)snprintf(s + n, sizeof s - n, ")");
            }
            if (n < sizeof s)
                snprintf(s + n, sizeof s - n, ".");
            body(d, s);
        }
        if (r->has_prev_year && r->has_index)
            bodyf(d, "So với năm %d: %s (năm nay %s).", r->year - 1, export_num(r->prev_year_index, 4, a),
                  r->index_text ? r->index_text : "");
        else
            bodyf(d, "So với năm %d: chưa có số liệu được duyệt của năm trước để so sánh.", r->year - 1);
    }
}

static void appendix(docx *d, const export_report *r)
{
    /* 14570 twips of landscape text width */
    static const int widths[9] = {700, 700, 4270, 1000, 1700, 1300, 1100, 1500, 2300};
    static const char *const heads[9] = {"STT", "Mã", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu năm",
                                         "Giá trị", "Mức đạt", "Tình trạng", "Đơn vị chủ trì"};
    char s[1024], t[128], v[64], ac[64], n[16];
    docx_p(d, &CENTER, "PHỤ LỤC", DOCX_BOLD, PT(14));
    snprintf(s, sizeof s, "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU %s", r->kind == EXPORT_YEAR ? "NĂM" : "KỲ");
    docx_p(d, &CENTER, s, DOCX_BOLD, PT(13));
    const char *num = r->set.number && strncmp(r->set.number, "Số:", strlen("Số:")) == 0 ? r->set.number + strlen("Số:") : r->set.number;
    while (num && *num == ' ')
        num++;
    snprintf(s, sizeof s, "(Kèm theo Báo cáo số %s ngày %02d/%02d/%d của Ủy ban nhân dân xã %s; số liệu %s, "
             "tính đến ngày %s)", num && *num != '/' ? num : "     ", r->day, r->month, r->doc_year,
             r->commune ? r->commune : "", r->period_label, r->asof);
    docx_pfmt f = CENTER;
    f.after = 120;
    docx_p(d, &f, s, DOCX_ITALIC, PT(13));
    docx_table_begin(d, 9, widths, 1);
    docx_row_begin(d, 1);
    for (size_t c = 0; c < 9; c++)
        docx_cell_text(d, c, heads[c], DOCX_AL_CENTER, DOCX_BOLD);
    docx_row_end(d);
    size_t k = 0;
    for (size_t g = 0; g < r->ngroups; g++) {
        const export_group *gr = &r->groups[g];
        docx_row_begin(d, 0);
        docx_cell_text(d, 0, roman(g), DOCX_AL_CENTER, DOCX_BOLD);
        docx_pfmt cf = {.style = "TableText"};
        docx_cell_begin(d, 1, 8);
        snprintf(s, sizeof s, "%s%s%s", gr->name ? gr->name : gr->code, gr->has_value ? " — chỉ số " : "",
                 gr->has_value && gr->value_text ? gr->value_text : "");
        docx_p(d, &cf, s, DOCX_BOLD, 0);
        docx_cell_end(d);
        docx_row_end(d);
        for (size_t i = 0; i < r->ninds; i++) {
            const export_indicator *x = &r->inds[i];
            if (!x->group || !gr->code || strcmp(x->group, gr->code) != 0)
                continue;
            target_text(x, t, sizeof t);
            value_text(x, v, sizeof v);
            ach_text(x, ac, sizeof ac);
            snprintf(n, sizeof n, "%zu", ++k);
            docx_row_begin(d, 0);
            docx_cell_text(d, 0, n, DOCX_AL_CENTER, 0);
            docx_cell_text(d, 1, x->code, DOCX_AL_CENTER, 0);
            docx_cell_text(d, 2, x->name, DOCX_AL_LEFT, 0);
            docx_cell_text(d, 3, x->unit && *x->unit ? x->unit : "", DOCX_AL_CENTER, 0);
            docx_cell_text(d, 4, t, DOCX_AL_CENTER, 0);
            docx_cell_text(d, 5, v, DOCX_AL_CENTER, 0);
            docx_cell_text(d, 6, ac, DOCX_AL_CENTER, 0);
            docx_cell_text(d, 7, status_words(x), DOCX_AL_CENTER, 0);
            docx_cell_text(d, 8, x->lead ? x->lead : "", DOCX_AL_LEFT, 0);
            docx_row_end(d);
        }
    }
    docx_table_end(d);
}

/* The whole document, for either rendering (docx.h). */
static void layout(docx *d, const export_report *r)
{
    export_doc_heading(d, &r->set, r->day, r->month, r->doc_year);
    title(d, r);

    docx_p(d, &H1, "I. KẾT QUẢ THỰC HIỆN", 0, 0);
    general(d, r);
    pillars(d, r);
    tasks(d, r);
    assessment(d, r);
    docx_p(d, &H1, "III. KHÓ KHĂN, VƯỚNG MẮC", 0, 0);
    quote_texts(d, r->difficulties, r->ndifficulties,
                "Các báo cáo đã duyệt của các đơn vị không nêu khó khăn, vướng mắc.");
    docx_p(d, &H1, "IV. ĐỀ XUẤT, KIẾN NGHỊ", 0, 0);
    quote_texts(d, r->proposals, r->nproposals, "Các báo cáo đã duyệt của các đơn vị không nêu đề xuất, kiến nghị.");
    docx_p(d, &H1, r->kind == EXPORT_YEAR ? "V. NHIỆM VỤ TRỌNG TÂM NĂM TỚI" : "V. NHIỆM VỤ TRỌNG TÂM KỲ TỚI", 0, 0);
    if (r->focus.n == 0)
        body(d, "Tiếp tục thực hiện các nhiệm vụ của kế hoạch.");
    for (size_t i = 0; i < r->focus.n; i++)
        bodyf(d, "%zu. %s", i + 1, r->focus.v[i]);
    bodyf(d, "Trên đây là báo cáo %s thực hiện Kế hoạch chuyển đổi số năm %d của Ủy ban nhân dân xã %s./.",
          r->kind == EXPORT_YEAR ? "tổng kết" : "kết quả", r->year, r->commune ? r->commune : "");
    export_doc_closing(d, &r->set);
    docx_section(d, 0, 1);
    appendix(d, r);
}

dti_rc export_report_docx(const export_report *r, void **data, size_t *len, dti_err *e)
{
    docx *d = NULL;
    dti_rc rc = docx_new(&d, e);
    if (rc)
        return rc;
    char subject[512], desc[512];
    layout(d, r);
    snprintf(subject, sizeof subject, "Kế hoạch %lld · %s", (long long)r->plan_id, r->period_label);
    snprintf(desc, sizeof desc, "dti: số liệu đã duyệt, tính đến %s; audit %s", r->asof,
             r->audit_head ? r->audit_head : "");
    const char *names[] = {"dti.plan_id", "dti.period", "dti.audit_head", "dti.exported_by", "dti.exported_at"};
    char pid[32];
    snprintf(pid, sizeof pid, "%lld", (long long)r->plan_id);
    const char *values[] = {pid, r->period, r->audit_head ? r->audit_head : "", r->author ? r->author : "",
                            r->created};
    docx_props p = {.title = r->kind == EXPORT_YEAR ? "Báo cáo tổng kết chuyển đổi số" : "Báo cáo kết quả chuyển đổi số",
                    .subject = subject, .creator = r->author, .description = desc, .created = r->created,
                    .custom_names = names, .custom_values = values, .ncustom = 5};
    rc = docx_finish(d, 1, 0, &p, data, len, e);
    docx_free(d);
    return rc;
}

dti_rc export_report_html(const export_report *r, const char *css, void **data, size_t *len, dti_err *e)
{
    docx *d = NULL;
    char title[256];
    snprintf(title, sizeof title, "Báo cáo %s — %s", r->period_label, r->commune ? r->commune : "");
    dti_rc rc = docx_new_html(&d, title, css, e);
    if (rc)
        return rc;
    layout(d, r);
    rc = docx_finish_html(d, 1, data, len, e);
    docx_free(d);
    return rc;
}
