/* pdf_sheet.c — a spreadsheet printed to PDF, made to read like a table
 * printed by Word (issue 11, "PDF, read directly"; branch pdfcalc).
 *
 * Communes publish the plan's Excel appendix as a PDF: LibreOffice Calc's
 * export, Excel's "Save as PDF", a print to a PDF printer. Such a page
 * differs from a Word table in three ways pdf_layout.c cannot read:
 *
 * Packed cells. A cell's text starts two points after its grid line and
 * wraps at two points before the next: the blank between two cells is no
 * wider than a space, so no river parts the columns, and a number
 * right-aligned against the next column ("1" before the name, "150" before
 * "Ngân sách xã") joins its neighbour. The grid is found from where words
 * start: a column's left-aligned text starts at one x on every line of
 * every wrapped cell. A start is a grid line when at least three lines have
 * a word starting there, at most a third of them have a word across it (a
 * title merged across the sheet), and its word is not always one space
 * after another ("Năm 2026: 60%" down a column); two lines do when no word
 * lies across and none comes one space before ("Ghi chú", mostly empty).
 * Cells are packed when, on lines of the table (words on three grid lines),
 * a word on a grid line starts less than a river (1.25 spaces) after the
 * word before it. A column holding only right-aligned numbers (a year's
 * targets) shows its grid line by where the numbers end: a cell's padding
 * after three ends at one x. A document is a sheet when it has three grid
 * lines or more and three packed table lines or more (Word and Writer pad cells
 * with ~3 points each side, so a Word table has none), or, with cells wide
 * enough to leave rivers, when its page header is a sheet's name ("Sheet1",
 * Calc's default) or its footer "Page 1" or "Page 1 of 2" (Calc's default,
 * Excel's usual; a Word document's Vietnamese "Trang 1" is not taken), and
 * three lines or more are the table's (words on three grid lines).
 * Then a gutter is opened at each grid line: every word of the lines
 * between the first and the last line of a page with a word on a grid line
 * moves right by one gutter per grid line at or left of its start, so that
 * a column's words move together and the rivers pdf_layout.c looks for are
 * there. Lines above and below (the title, the signature block, written in
 * cells merged across the sheet) do not move. Text overflowing into the
 * empty cell on its right (a group name not wrapped) follows its word one
 * space apart and not on a grid line: it moves with its cell. A number
 * right-aligned against the next grid line, alone on its cell's line, is
 * moved to its column's start, as Word would print it.
 *
 * Page header and footer. Calc prints "Sheet1" over and "Page 1" under
 * every page, Excel what the workbook's page setup says ("Page 1 of 2",
 * the file's name, the date). A page number among the last three lines of
 * every page is a footer (text of a cell merged across the page break may
 * be drawn below it). A first (last) line of every page whose text,
 * with its digits ignored, is the same on every page and that stands apart
 * from the page's other lines (centres 1.4 word heights apart or more) is a
 * page header (footer) and is dropped; so is a lone page-number line ("Page
 * 3 of 5", "Trang 3/5") at a sheet's last line and a lone sheet name
 * ("Sheet1", "Trang tính1") on its first line when there is only one page.
 * A header row the workbook repeats on every page (Excel's print titles) is
 * kept: it touches the rows under it, and pdf_layout.c drops repeated
 * headers itself.
 *
 * Bottom-aligned cells (Excel's default: the code "1" sits on the last line
 * of its row) are pdf_layout.c's concern: see "bottom" there.
 *
 * Only sheets are touched: a document that is not one is left as it is. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "import/pdf.h"

#define SHEET_MAXB 64   /* grid lines looked at */

typedef struct sline {
    size_t *w;      /* word indices into the page, left to right */
    size_t n;
    double y0, y1, yc;
} sline;

typedef struct spage {
    sline *ln;      /* owned */
    size_t nln;
    size_t *idx;    /* owned: word indices sorted by line, then x */
    double h, sp;
} spage;

static const pdf_page *sort_pg;

static int cmp_y(const void *a, const void *b)
{
    const pdf_word *x = &sort_pg->words[*(const size_t *)a], *y = &sort_pg->words[*(const size_t *)b];
    double cx = (x->y0 + x->y1) / 2, cy = (y->y0 + y->y1) / 2;
    if (cx != cy)
        return (cx > cy) - (cx < cy);
    return (x->x0 > y->x0) - (x->x0 < y->x0);
}

static int cmp_x(const void *a, const void *b)
{
    const pdf_word *x = &sort_pg->words[*(const size_t *)a], *y = &sort_pg->words[*(const size_t *)b];
    return (x->x0 > y->x0) - (x->x0 < y->x0);
}

static int cmp_dbl(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int word_ok(const pdf_word *w)
{
    return isfinite(w->x0) && isfinite(w->x1) && isfinite(w->y0) && isfinite(w->y1) && w->x1 >= w->x0 &&
           w->y1 > w->y0;
}

static void spage_release(spage *s)
{
    free(s->ln);
    free(s->idx);
    memset(s, 0, sizeof *s);
}

/* Lines of PG as pdf_layout.c makes them: centres within 0.3 of the median
 * word height. 0 or -1 (out of memory). */
static int spage_lines(spage *s, const pdf_page *pg)
{
    memset(s, 0, sizeof *s);
    if (!pg->n)
        return 0;
    s->idx = malloc(pg->n * sizeof *s->idx);
    s->ln = calloc(pg->n, sizeof *s->ln);
    double *hs = malloc(pg->n * sizeof *hs);
    if (!s->idx || !s->ln || !hs) {
        free(hs);
        spage_release(s);
        return -1;
    }
    size_t nw = 0;
    for (size_t i = 0; i < pg->n; i++)
        if (word_ok(&pg->words[i])) {
            hs[nw] = pg->words[i].y1 - pg->words[i].y0;
            s->idx[nw++] = i;
        }
    if (!nw) {
        free(hs);
        return 0;
    }
    qsort(hs, nw, sizeof *hs, cmp_dbl);
    s->h = hs[nw / 2];
    free(hs);
    s->sp = pg->space > 0 ? pg->space : s->h * 0.25;
    sort_pg = pg;
    qsort(s->idx, nw, sizeof *s->idx, cmp_y);
    size_t i = 0;
    while (i < nw) {
        const pdf_word *w = &pg->words[s->idx[i]];
        double yc = (w->y0 + w->y1) / 2;
        size_t j = i + 1;
        while (j < nw && (pg->words[s->idx[j]].y0 + pg->words[s->idx[j]].y1) / 2 - yc < 0.3 * s->h)
            j++;
        sline *L = &s->ln[s->nln++];
        L->w = &s->idx[i];
        L->n = j - i;
        qsort(L->w, L->n, sizeof *L->w, cmp_x);
        L->y0 = 1e18, L->y1 = -1e18;
        for (size_t k = 0; k < L->n; k++) {
            const pdf_word *x = &pg->words[L->w[k]];
            if (x->y0 < L->y0) L->y0 = x->y0;
            if (x->y1 > L->y1) L->y1 = x->y1;
        }
        L->yc = (L->y0 + L->y1) / 2;
        i = j;
    }
    return 0;
}

/* The text of L with every digit as '#' and no blank, into OUT (N bytes). */
static void line_key(const pdf_page *pg, const sline *L, char *out, size_t n)
{
    size_t o = 0;
    for (size_t k = 0; k < L->n && o + 1 < n; k++)
        for (const char *p = pg->words[L->w[k]].text; *p && o + 1 < n; p++)
            out[o++] = isdigit((unsigned char)*p) ? '#' : *p;
    out[o] = 0;
}

/* Line K of S stands apart from its neighbour on the page's side (the
 * next line for a header, the previous for a footer): centres 1.4 word
 * heights apart or more, where a cell's lines are about one and rows a
 * little more. */
static int apart(const spage *s, size_t k, int foot)
{
    const sline *L = &s->ln[k];
    if (foot)
        return k == 0 || L->yc - s->ln[k - 1].yc >= 1.4 * s->h;
    return k + 1 >= s->nln || s->ln[k + 1].yc - L->yc >= 1.4 * s->h;
}

/* A lone page number as a sheet prints it: "Page 3", "Page 3 of 5",
 * "Trang 3", "Trang 3/5", "Trang 3 / 5", "3/5", "3 of 5". */
static int page_number_key(const char *k)
{
    static const char *const forms[] = {"Page#", "Page#of#", "Trang#", "Trang#/#", "Trang#trên#",
                                        "Trang#của#", "#/#", "#of#", "-#-"};
    char t[64];
    size_t o = 0;
    for (const char *p = k; *p && o + 1 < sizeof t; p++)
        if (*p != '#' || o == 0 || t[o - 1] != '#')
            t[o++] = *p;   /* "##" → "#" */
    t[o] = 0;
    for (size_t i = 0; i < sizeof forms / sizeof *forms; i++)
        if (strcmp(t, forms[i]) == 0)
            return 1;
    return 0;
}

/* A sheet's default name: "Sheet1", "Trang tính1" (keys, digits as '#'). */
static int sheet_name_key(const char *k)
{
    return strcmp(k, "Sheet#") == 0 || strcmp(k, "Sheet##") == 0 || strcmp(k, "Trangtính#") == 0 ||
           strcmp(k, "Trangtính##") == 0;
}

static void drop_line(pdf_page *pg, const sline *L, unsigned char *gone)
{
    for (size_t k = 0; k < L->n; k++)
        gone[L->w[k]] = 1;
    (void)pg;
}

/* Marks in GONE[page][word] the page headers and footers (see the top of
 * the file); *NAMED set when they are a spreadsheet's own: a header that is
 * the sheet's name ("Sheet1"), a footer "Page 1" or "Page 1 of 2". 0 or
 * -1. */
static int headers_footers(pdf_page *pages, size_t np, spage *S, unsigned char **gone, int *named)
{
    *named = 0;
    char a[512], b[512];
    /* a page number among the last three lines of every page: text of a
     * cell merged across the page break may be drawn below it */
    int every = np > 0;
    for (size_t p = 0; p < np && every; p++) {
        int found = 0;
        for (size_t d = 0; d < 3 && d < S[p].nln && !found; d++) {
            line_key(&pages[p], &S[p].ln[S[p].nln - 1 - d], a, sizeof a);
            found = page_number_key(a);
        }
        every = found;
    }
    for (size_t p = 0; p < np && every; p++)
        for (size_t d = 0; d < 3 && d < S[p].nln; d++) {
            line_key(&pages[p], &S[p].ln[S[p].nln - 1 - d], a, sizeof a);
            if (page_number_key(a)) {
                drop_line(&pages[p], &S[p].ln[S[p].nln - 1 - d], gone[p]);
                *named |= strcmp(a, "Page#") == 0 || strcmp(a, "Page#of#") == 0;
                if (getenv("DTI_PDF_DEBUG"))
                    fprintf(stderr, "pdf: sheet footer dropped (page number): %s\n", a);
                break;
            }
        }
    for (int foot = 0; foot < 2; foot++) {
        /* up to three lines deep: "file name" over "Page 1 of 2" */
        for (size_t depth = 0; depth < 3; depth++) {
            int same = np >= 2, lone = np == 1;
            a[0] = 0;
            for (size_t p = 0; p < np; p++) {
                spage *s = &S[p];
                if (s->nln <= depth + 1) {
                    same = lone = 0;
                    break;
                }
                size_t k = foot ? s->nln - 1 - depth : depth;
                line_key(&pages[p], &s->ln[k], p ? b : a, sizeof a);
                /* a page number under a full page may come close to it */
                if (!apart(s, k, foot) && !(foot && page_number_key(p ? b : a))) {
                    same = lone = 0;
                    break;
                }
                if (p && strcmp(a, b) != 0)
                    same = 0;
            }
            if (lone)
                lone = foot ? page_number_key(a) : sheet_name_key(a);
            if (!same && !lone)
                break;
            for (size_t p = 0; p < np; p++) {
                spage *s = &S[p];
                size_t k = foot ? s->nln - 1 - depth : depth;
                drop_line(&pages[p], &s->ln[k], gone[p]);
            }
            /* Calc's default header and footer, Excel's usual footer */
            *named |= foot ? strcmp(a, "Page#") == 0 || strcmp(a, "Page#of#") == 0 : sheet_name_key(a);
            if (getenv("DTI_PDF_DEBUG"))
                fprintf(stderr, "pdf: sheet %s dropped: %s\n", foot ? "footer" : "header", a);
        }
    }
    return 0;
}

/* A line taken for a page header or footer that has two words or more
 * starting on grid lines is a row the workbook repeats on every page (print
 * titles): kept. */
static void keep_titles(const pdf_page *pages, size_t np, const spage *S, unsigned char **gone, const double *B,
                        size_t nb)
{
    for (size_t p = 0; p < np; p++)
        for (size_t i = 0; i < S[p].nln; i++) {
            const sline *L = &S[p].ln[i];
            if (!L->n || !gone[p][L->w[0]])
                continue;
            int at = 0;
            for (size_t k = 0; k < L->n; k++)
                for (size_t q = 0; q < nb; q++)
                    at += fabs(pages[p].words[L->w[k]].x0 - B[q]) < 0.6;
            if (at >= 2)
                for (size_t k = 0; k < L->n; k++)
                    gone[p][L->w[k]] = 0;
        }
}

typedef struct start {
    double x;
    size_t lines, packed, across;
    size_t apart;   /* lines where the word at x follows no word by one space */
} start;

/* A number as a sheet prints it: digits and ".,%-" only, a digit first. */
static int number_word(const char *t)
{
    if (!isdigit((unsigned char)*t))
        return 0;
    for (; *t; t++)
        if (!isdigit((unsigned char)*t) && !strchr(".,%-", *t))
            return 0;
    return 1;
}

static int cmp_x1(const void *a, const void *b)
{
    return cmp_dbl(a, b);
}

/* Columns of numbers (years' targets, codes) are right-aligned: their
 * numbers end two points before the next grid line, where no text may
 * start (a column of years under one "Năm" header each). Where three lines
 * or more have a number ending at one x, the next column starts a cell's
 * padding after it (measured where a text column starts there too;
 * otherwise 2 points): a grid line there is added when none is within 3
 * points. (Numbers of one width also start at one x: that start stays a
 * grid line, the left edge of a column of codes whose header is too short
 * to give one.) */
static void right_aligned(const pdf_page *pages, size_t np, const spage *S, unsigned char **gone, double *B,
                          size_t *nb)
{
    size_t cap = 0;
    for (size_t p = 0; p < np; p++)
        cap += pages[p].n;
    double *xe = malloc((cap + 1) * sizeof *xe);
    if (!xe)
        return;
    size_t ne = 0;
    for (size_t p = 0; p < np; p++)
        for (size_t i = 0; i < pages[p].n; i++)
            if (!gone[p][i] && number_word(pages[p].words[i].text))
                xe[ne++] = pages[p].words[i].x1;
    qsort(xe, ne, sizeof *xe, cmp_x1);
    double E[SHEET_MAXB];
    size_t nE = 0;
    for (size_t i = 0; i < ne && nE < SHEET_MAXB;) {
        size_t j = i + 1;
        while (j < ne && xe[j] - xe[j - 1] < 0.3 && xe[j] - xe[i] < 0.6)
            j++;
        if (j - i >= 3)
            E[nE++] = xe[j - 1];
        i = j;
    }
    free(xe);
    if (!nE)
        return;
    /* the padding: a number's end to the next text start */
    double pad = 2.0;
    for (size_t e = 0; e < nE; e++)
        for (size_t q = 0; q < *nb; q++)
            if (B[q] - E[e] > 0.5 && B[q] - E[e] < 4.0)
                pad = B[q] - E[e];
    (void)S;
    for (size_t e = 0; e < nE && *nb < SHEET_MAXB; e++) {
        double x = E[e] + pad;
        if (*nb && x < B[0])
            continue;
        size_t q = 0;
        int near = 0;
        for (; q < *nb; q++)
            near |= fabs(B[q] - x) < 3.0;
        if (near)
            continue;
        q = 0;
        while (q < *nb && B[q] < x)
            q++;
        memmove(&B[q + 1], &B[q], (*nb - q) * sizeof *B);
        B[q] = x;
        (*nb)++;
    }
}

/* Grid lines of the document (see the top of the file) into B (*NB of
 * them, ascending). Returns non-zero when the cells are packed, or, NAMED
 * (a page header is the sheet's name), when three lines or more are the
 * table's. */
static int find_grid(const pdf_page *pages, size_t np, const spage *S, unsigned char **gone, double *B,
                     size_t *nb, int named)
{
    *nb = 0;
    size_t cap = 0;
    for (size_t p = 0; p < np; p++)
        cap += pages[p].n;
    if (!cap)
        return 0;
    double *xs = malloc(cap * sizeof *xs);
    if (!xs)
        return 0;
    size_t nx = 0;
    for (size_t p = 0; p < np; p++)
        for (size_t i = 0; i < S[p].nln; i++)
            for (size_t k = 0; k < S[p].ln[i].n; k++)
                if (!gone[p][S[p].ln[i].w[k]])
                    xs[nx++] = pages[p].words[S[p].ln[i].w[k]].x0;
    qsort(xs, nx, sizeof *xs, cmp_dbl);
    start *st = malloc((nx / 3 + 1) * sizeof *st);
    if (!st) {
        free(xs);
        return 0;
    }
    size_t ns = 0;
    /* clusters of two starts or more within 0.6 point */
    for (size_t i = 0; i < nx;) {
        size_t j = i + 1;
        while (j < nx && xs[j] - xs[j - 1] < 0.3 && xs[j] - xs[i] < 0.6)
            j++;
        if (j - i >= 2) {
            st[ns].x = xs[i];
            st[ns].lines = st[ns].packed = st[ns].across = st[ns].apart = 0;
            ns++;
        }
        i = j;
    }
    free(xs);
    for (size_t q = 0; q < ns; q++)
        for (size_t p = 0; p < np; p++)
            for (size_t i = 0; i < S[p].nln; i++) {
                const sline *L = &S[p].ln[i];
                int at = 0, across = 0, apart = 0;
                for (size_t k = 0; k < L->n; k++) {
                    const pdf_word *w = &pages[p].words[L->w[k]];
                    if (gone[p][L->w[k]])
                        continue;
                    if (fabs(w->x0 - st[q].x) < 0.6) {
                        at = 1;
                        apart = k == 0 || w->x0 - pages[p].words[L->w[k - 1]].x1 >= 1.6 * S[p].sp;
                    }
                    else if (w->x0 < st[q].x - 0.6 && w->x1 > st[q].x + 0.5)
                        across = 1;
                }
                st[q].lines += at;
                st[q].across += across;
                st[q].apart += apart;
            }
    for (size_t q = 0; q < ns && *nb < SHEET_MAXB; q++) {
        /* a title in cells merged across the sheet may lie across a grid
         * line; a hanging indent inside a cell has most of the cell's
         * lines across it. A start of two lines only (a column mostly
         * empty: "Ghi chú") needs no word across it and no word one space
         * before it */
        if (st[q].lines < 2 || st[q].across * 3 > st[q].lines || (st[q].lines < 3 && (st[q].across || st[q].apart < st[q].lines)))
            continue;
        /* "Năm 2026: 60%" on every line of a column: "2026:" starts at one
         * x, but always one space after a word; a column's text starts
         * after a ragged edge, or first on its line */
        if (st[q].apart * 4 < st[q].lines)
            continue;
        if (*nb && st[q].x - B[*nb - 1] < 6.0)
            continue;   /* an indent, not a column */
        B[(*nb)++] = st[q].x;
    }
    free(st);
    /* packed: on a line of the table (words starting on two grid lines or
     * more), a word on a grid line less than a river after the word before
     * it. Counted on table lines only: in prose, any start lines up with
     * some column by chance one space after a word */
    size_t packed = 0, table = 0;
    for (size_t p = 0; p < np; p++)
        for (size_t i = 0; i < S[p].nln; i++) {
            const sline *L = &S[p].ln[i];
            int on = 0, pk = 0;
            for (size_t k = 0; k < L->n; k++) {
                const pdf_word *w = &pages[p].words[L->w[k]];
                if (gone[p][L->w[k]])
                    continue;
                for (size_t q = 0; q < *nb; q++)
                    if (fabs(w->x0 - B[q]) < 0.6) {
                        on++;
                        if (q > 0 && k > 0 && w->x0 - pages[p].words[L->w[k - 1]].x1 < 1.25 * S[p].sp)
                            pk = 1;
                    }
            }
            packed += on >= 3 && pk;
            table += on >= 3;
        }
    if (getenv("DTI_PDF_DEBUG")) {
        fprintf(stderr, "pdf: sheet? %zu packed table lines, starts:", packed);
        for (size_t q = 0; q < *nb; q++)
            fprintf(stderr, " %.1f", B[q]);
        fprintf(stderr, "\n");
    }
    if (!(packed >= 3 || (named && table >= 3)))
        return 0;
    /* a sheet: the grid lines that only right-aligned numbers show */
    right_aligned(pages, np, S, gone, B, nb);
    return 1;
}

int pdf_sheet_normalise(pdf_page *pages, size_t np)
{
    int rc = -1;
    spage *S = calloc(np ? np : 1, sizeof *S);
    unsigned char **gone = calloc(np ? np : 1, sizeof *gone);
    if (!S || !gone)
        goto out;
    for (size_t p = 0; p < np; p++) {
        if (spage_lines(&S[p], &pages[p]))
            goto out;
        if (!(gone[p] = calloc(pages[p].n + 1, 1)))
            goto out;
    }
    double B[SHEET_MAXB];
    size_t nb = 0;
    /* page headers and footers first, so that "Sheet1" across a grid line
     * does not hide it; then the grid */
    int named;
    if (headers_footers(pages, np, S, gone, &named))
        goto out;
    rc = 0;
    if (!find_grid(pages, np, S, gone, B, &nb, named) || nb < 3)
        goto out;
    rc = 1;
    keep_titles(pages, np, S, gone, B, nb);
    /* the gutter: wider than any river pdf_layout.c asks for */
    for (size_t p = 0; p < np; p++) {
        spage *s = &S[p];
        double g = 3.0 * s->sp;
        if (g < 6.0)
            g = 6.0;
        size_t first = s->nln, last = 0;
        for (size_t i = 0; i < s->nln; i++)
            for (size_t k = 0; k < s->ln[i].n; k++) {
                const pdf_word *w = &pages[p].words[s->ln[i].w[k]];
                for (size_t q = 1; q < nb; q++)
                    if (fabs(w->x0 - B[q]) < 0.6 && !gone[p][s->ln[i].w[k]]) {
                        if (first == s->nln)
                            first = i;
                        last = i;
                    }
            }
        for (size_t i = first; i < s->nln && i <= last; i++) {
            size_t pcol = 0;
            double px1 = -1e18;   /* the previous word's end, before it moved */
            for (size_t k = 0; k < s->ln[i].n; k++) {
                pdf_word *w = &pages[p].words[s->ln[i].w[k]];
                size_t col = 0;
                int on = 0;
                for (size_t q = 1; q < nb; q++) {
                    col += w->x0 >= B[q] - 1.0;
                    on |= fabs(w->x0 - B[q]) < 0.6;
                }
                /* text overflowing into the empty cell on its right (a
                 * group name not wrapped: "II. Chính quyền số") goes on one
                 * space after its word, not on a grid line: one cell */
                if (k > 0 && !on && w->x0 - px1 < 1.6 * s->sp && col > pcol)
                    col = pcol;
                px1 = w->x1;
                w->x0 += g * (double)col;
                w->x1 += g * (double)col;
                pcol = col;
            }
        }
        /* (the words have moved: column COL's grid lines are now B[COL] +
         * COL gutters on its left, B[COL + 1] + COL gutters on its right)
         * a number right-aligned against the next grid line (Excel's
         * General format) alone in its column on its line starts where
         * the column's text does, as in a Word table */
        for (size_t i = first; i < s->nln && i <= last; i++)
            for (size_t k = 0; k < s->ln[i].n; k++) {
                pdf_word *w = &pages[p].words[s->ln[i].w[k]];
                size_t col = 0;
                for (size_t q = 1; q < nb; q++)
                    col += w->x0 >= B[q] + g * (double)q - 1.0;
                if (col + 1 >= nb || !isdigit((unsigned char)w->text[0]))
                    continue;
                double next = B[col + 1] + g * (double)col, from = B[col] + g * (double)col;
                if (next - w->x1 > 4.0 || w->x0 - from < 3.0)
                    continue;
                if (k > 0 && pages[p].words[s->ln[i].w[k - 1]].x1 >= from - 1.0)
                    continue;   /* not alone in its cell's line */
                if (k + 1 < s->ln[i].n && pages[p].words[s->ln[i].w[k + 1]].x0 < next - 1.0)
                    continue;
                double wd = w->x1 - w->x0;
                w->x0 = from;
                w->x1 = from + wd;
            }
        pages[p].width += g * (double)(nb - 1);
        pages[p].sheet = 1;
        /* the dropped header and footer words */
        size_t o = 0;
        for (size_t i = 0; i < pages[p].n; i++) {
            if (gone[p][i]) {
                free(pages[p].words[i].text);
                continue;
            }
            pages[p].words[o++] = pages[p].words[i];
        }
        pages[p].n = o;
    }
    if (getenv("DTI_PDF_DEBUG")) {
        fprintf(stderr, "pdf: sheet: %zu grid lines:", nb);
        for (size_t q = 0; q < nb; q++)
            fprintf(stderr, " %.1f", B[q]);
        fprintf(stderr, "\n");
    }
out:
    for (size_t p = 0; S && p < np; p++)
        spage_release(&S[p]);
    for (size_t p = 0; gone && p < np; p++)
        free(gone[p]);
    free(S);
    free(gone);
    return rc;
}
