/* pdf_text.c — `pdftotext -layout` text laid out again as a PDF's words.
 *
 * pdftotext -layout keeps a page's geometry in character cells: a word's
 * column is its x position divided by a character's width, blank lines
 * stand for vertical gaps, a form feed ends a page. That is what
 * pdf_layout.c rebuilds tables from (rivers between columns, rows anchored
 * on their codes, centred cells split on their codes, tables continued
 * across pages, headers alone at a page's foot), so the text is turned back
 * into words with boxes and handed to it, rather than rebuilt a second way:
 *   - a word is a run of non-blank characters; its box is its character
 *     columns times PT_CHAR points wide and its line's index times PT_LINE
 *     points down, PT_WORD points high (a line pitch a little over a word's
 *     height, as printed text has);
 *   - one blank between two words is the usual space (PT_CHAR), so two
 *     blanks or more (how pdftotext separates cells) make a chunk break;
 *   - columns count code points, not bytes: "Ủy" is two characters wide.
 * Fonts are lost: no word is bold. What this cannot mend is what pdftotext
 * already lost: a row whose empty cells it closed up, and words it pushed
 * a column over to keep one blank between them (narrow packed columns).
 *
 * pdf_text_looks_layout() tells such text from prose and from plain
 * pdftotext: at least two pages or a form feed, and three lines or more
 * with three runs of words two blanks apart or more (a table's lines; a
 * short table of centred rows has few: its header, and a line or two
 * where every cell of a row meets its code's line). */
#include <stdlib.h>
#include <string.h>
#include "import/pdf.h"

#define PT_CHAR 5.0
#define PT_LINE 12.0
#define PT_WORD 10.0

/* Character columns from S to E (code points; a combining mark, U+0300…
 * U+036F, takes none: pdftotext writes decomposed marks after their letter). */
static size_t width_of(const char *s, const char *e)
{
    size_t w = 0;
    while (s < e) {
        unsigned char c = (unsigned char)*s;
        if ((c & 0xC0) != 0x80) {
            if (c == 0xCC && s + 1 < e && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0xAF)
                ;   /* U+0300..U+032F */
            else if (c == 0xCD && s + 1 < e && (unsigned char)s[1] <= 0xAF)
                ;   /* U+0340..U+036F */
            else
                w++;
        }
        s++;
    }
    return w;
}

int pdf_text_looks_layout(const char *data, size_t n)
{
    int ff = memchr(data, '\f', n) != NULL;
    size_t rich = 0;
    const char *p = data, *end = data + n;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        int runs = 0, blanks = 2;
        for (const char *q = p; q < le; q++) {
            if (*q == ' ' || *q == '\f' || *q == '\r') {
                blanks++;
            } else {
                if (blanks >= 2)
                    runs++;
                blanks = 0;
            }
        }
        rich += runs >= 3;
        p = nl ? nl + 1 : end;
    }
    return ff && rich >= 3;
}

dti_rc pdf_text_pages(const char *data, size_t n, const char *name, pdf_page **out, size_t *npages, dti_err *e)
{
    size_t cap = 8, np = 1;
    pdf_page *pg = calloc(cap, sizeof *pg);
    *out = NULL;
    *npages = 0;
    if (!pg)
        goto nomem;
    size_t line = 0;
    const char *p = data, *end = data + n;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *q = p;
        while (q < le && *q == '\f') {   /* a new page at each form feed */
            if (np >= PDF_MAX_PAGES)
                break;
            if (np == cap) {
                pdf_page *g = realloc(pg, 2 * cap * sizeof *pg);
                if (!g)
                    goto nomem;
                memset(g + cap, 0, cap * sizeof *g);
                pg = g, cap *= 2;
            }
            np++;
            line = 0;
            q++;
        }
        pdf_page *cur = &pg[np - 1];
        cur->width = 595, cur->height = 842, cur->space = PT_CHAR, cur->grid = 1;
        size_t col = 0;
        const char *ls = q;
        for (const char *s = q; s < le;) {
            if (*s == ' ' || *s == '\r' || *s == '\t' || *s == '\f') {
                s++;
                continue;
            }
            const char *w = s;
            while (s < le && *s != ' ' && *s != '\r' && *s != '\t' && *s != '\f')
                s++;
            col = width_of(ls, w);
            size_t wd = width_of(w, s);
            double y0 = 40.0 + (double)line * PT_LINE;
            if (pdf_page_add(cur, w, (size_t)(s - w), 40.0 + (double)col * PT_CHAR, y0,
                             40.0 + (double)(col + wd) * PT_CHAR - 1.0, y0 + PT_WORD, 0))
                goto nomem;
        }
        line++;
        p = nl ? nl + 1 : end;
    }
    *out = pg;
    *npages = np;
    return DTI_OK;
nomem:
    pdf_pages_free(pg, np);
    return dti_fail(e, DTI_ERR_NOMEM, name, "%s: hết bộ nhớ khi đọc", "%s: out of memory while reading", name);
}
