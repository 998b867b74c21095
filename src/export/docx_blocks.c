/* docx_blocks.c — the blocks Nghị định 30/2020/NĐ-CP, Phụ lục I puts
 * around every administrative document, shared by the commune's report and
 * the province's summary (docx_blocks.h). */
#include <stdio.h>
#include <string.h>
#include "export/docx.h"
#include "export/docx_blocks.h"

#define PT(n) ((n) * 2)     /* points to half-points */

static const docx_pfmt CENTER = {.align = DOCX_AL_CENTER, .before = -1, .after = -1};

void export_doc_heading(docx *d, const export_settings *set, int day, int month, int year)
{
    const int wl = 3700, wr = DOCX_TEXT_W - 3700;
    int widths[2] = {wl, wr};
    char s[512];
    docx_table_begin(d, 2, widths, 0);
    docx_row_begin(d, 0);
    docx_cell_begin(d, 0, 1);
    docx_p(d, &CENTER, set->body_parent, 0, PT(12));
    docx_p(d, &CENTER, set->body_name, DOCX_BOLD, PT(12));
    docx_rule(d, wl / 3, wl - 216);
    docx_p(d, &CENTER, set->number, 0, PT(13));
    docx_cell_end(d);
    docx_cell_begin(d, 1, 1);
    docx_p(d, &CENTER, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", DOCX_BOLD, PT(12));
    docx_p(d, &CENTER, "Độc lập - Tự do - Hạnh phúc", DOCX_BOLD, PT(13));
    docx_rule(d, 3500, wr - 216);
    snprintf(s, sizeof s, "%s, ngày %02d tháng %s%d năm %d", set->place ? set->place : "",
             day, month < 3 ? "0" : "", month, year);
    docx_pfmt f = CENTER;
    f.before = 60;
    docx_p(d, &f, s, DOCX_ITALIC, PT(14));
    docx_cell_end(d);
    docx_row_end(d);
    docx_table_end(d);
}

void export_doc_closing(docx *d, const export_settings *set)
{
    const int wl = 3900, wr = DOCX_TEXT_W - 3900;
    int widths[2] = {wl, wr};
    char s[512];
    docx_pfmt left = {.align = DOCX_AL_LEFT, .before = -1, .after = -1};
    docx_table_begin(d, 2, widths, 0);
    docx_row_begin(d, 0);
    docx_cell_begin(d, 0, 1);
    docx_pfmt f = left;
    f.before = 120;
    docx_p(d, &f, "Nơi nhận:", DOCX_BOLD | DOCX_ITALIC, PT(12));
    for (size_t i = 0; i < set->recipients.n; i++) {
        snprintf(s, sizeof s, "- %s%s", set->recipients.v[i], i + 1 < set->recipients.n ? ";" : "");
        size_t n = strlen(s);
        if (i + 1 == set->recipients.n && n > 0 && s[n - 1] != '.')
            snprintf(s + n, sizeof s - n, ".");
        docx_p(d, &left, s, 0, PT(11));
    }
    docx_cell_end(d);
    docx_cell_begin(d, 1, 1);
    f = CENTER;
    f.before = 120;
    docx_p(d, &f, set->sign_authority, DOCX_BOLD, PT(14));
    if (set->sign_deputy && *set->sign_deputy)
        docx_p(d, &CENTER, set->sign_deputy, DOCX_BOLD, PT(14));
    docx_p(d, &CENTER, set->sign_title, DOCX_BOLD, PT(14));
    docx_p(d, &CENTER, "", 0, PT(14));
    docx_p(d, &CENTER, "", 0, PT(14));
    docx_p(d, &CENTER, "", 0, PT(14));
    docx_p(d, &CENTER, "", 0, PT(14));
    docx_p(d, &CENTER, set->sign_name ? set->sign_name : "", DOCX_BOLD, PT(14));
    docx_cell_end(d);
    docx_row_end(d);
    docx_table_end(d);
}

