/* read_text.c — plain text, and text extracted from PDF (pdftotext).
 *
 * The fallback reader: it bids a little for any text. It rebuilds what the
 * page layout broke:
 *
 * Paragraphs. A PDF wraps lines at the page width. Consecutive lines join
 * into one paragraph unless the next one starts a list item ("- ", "+ ",
 * "a)", "1.", "1.2.", "I.") or the line before ended a sentence and the next
 * starts with a capital, or the line before is a short all-capitals title.
 * Across blank lines, a page break (form feed) or a page-number line, a
 * paragraph continues only when it did not end a sentence and the next line
 * starts in lower case (a paragraph cut by a page break).
 *
 * Tables in `pdftotext -layout` text. A header line starts with "STT"/"TT"
 * and has at least three chunks separated by runs of two spaces or more; the
 * rows start at lines whose first word, at the left edge, is a row code
 * ("1", "1.1", "2.3.", "I", "II.", "a)") that follows the codes before it.
 * Every other line up to the end of the table is a continuation of the
 * current row. pdftotext places words by their x position but keeps one
 * blank between words, so narrow columns pack: a row's first line is often
 * squeezed left, cells are one blank apart, and each page is shifted and
 * scaled on its own. So:
 *  - column starts are counted per page (chunk starts), each page is laid
 *    on the page with most lines (anchored on its name column, the text
 *    right after the codes, then scaled), the counts are pooled and the
 *    columns are their peaks (see "column starts"); a remark column that
 *    only its header names is added from the header;
 *  - each row's first line moves the columns to where its chunks start;
 *  - each word (not each chunk) is given a column by words_assign(), a
 *    least-cost split of the line's words into cells (see "words and
 *    columns"), where a cell's words on one line must fit its column;
 *  - a cell's line that ended with room for the next capitalised word, or a
 *    line of the row that left the cell empty, starts a paragraph ('\n':
 *    one unit per paragraph);
 *  - a word split by a narrow cell ("Chuyể" / "n đổi") is glued back
 *    (glue_split_words: only a vowel-free piece of small letters, or one
 *    starting with a combining mark);
 *  - page numbers, a header repeated on a new page and blank lines are
 *    dropped; short lines at a page's left edge before its first row are
 *    cells pdftotext moved there, not the end of the table; a group title
 *    (one run of words across columns) stays in the first text column.
 * The table ends at a line at the left edge that is not a row, a title
 * ("Phụ lục", "Nơi nhận") or prose. With fewer than two rows or three
 * columns it is left as paragraphs. What this cannot recover: a row whose
 * empty cells pdftotext closed up (the later cells slide left into them),
 * and lower-case words pushed into the next column by packing.
 *
 * Tables in plain `pdftotext` text (no -layout). Cells come one per line or
 * wrapped over several lines. A header is a line "STT"/"TT" followed by lines
 * starting header words (Nội dung, Chỉ tiêu, Đơn vị chủ trì, Thời gian …);
 * rows start at lines that are only a row code, and a line starting with a
 * capital letter starts the next cell. When pdftotext wrote each cell as a
 * block followed by a blank line (the code stands alone between blanks),
 * blocks are the cells instead, header cells too ("Cơ quan" / "phối hợp" is
 * one), whatever the case of their lines. A lone number is a page number
 * only as the first or last line of a page and when it is not the next
 * top-level code ("4" after "3.2" at a page's top is a row). Where a row has more cells than the
 * header, the whole region stays paragraphs: a wrong table is worse than
 * none. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "base/buf.h"
#include "base/text.h"
#include "import/pdf.h"
#include "import/pdf_plain.h"
#include "import/reader.h"

#define TEXT_MAX_CHUNKS   DOC_MAX_COLS   /* chunks looked at on one line */
#define TEXT_MAX_WIDTH    512            /* character columns tracked for layout */
#define TEXT_MAX_HEADER   12             /* header lines of a layout table */

typedef struct tline {
    const char *s;      /* the line without its end of line and form feeds */
    size_t n;
    int no;             /* 1-based line number */
    int page;           /* pages start at form feeds */
    int blank;
    int indent;         /* character column of the first non-blank character */
} tline;

typedef struct chunk {
    const char *s;
    size_t n;
    int col;            /* character column of its first character */
} chunk;

/* ---- lines ---- */

static int split_lines(const char *data, size_t n, tline **out, size_t *count)
{
    size_t cap = 64, k = 0;
    tline *v = malloc(cap * sizeof *v);
    if (!v)
        return -1;
    const char *p = data, *end = data + n;
    int no = 0, page = 0;
    while (p < end) {
        const char *q = p;
        while (q < end && *q != '\n')
            q++;
        const char *s = p, *e = q;
        if (e > s && e[-1] == '\r')
            e--;
        no++;
        while (s < e && *s == '\f') {
            page++;
            s++;
        }
        if (k == cap) {
            tline *w = realloc(v, cap * 2 * sizeof *v);
            if (!w) {
                free(v);
                return -1;
            }
            v = w;
            cap *= 2;
        }
        tline *l = &v[k++];
        l->s = s;
        l->n = (size_t)(e - s);
        l->no = no;
        l->page = page;
        l->blank = 1;
        l->indent = 0;
        int col = 0;
        for (const char *c = s; c < e; c++) {
            if (*c != ' ' && *c != '\t' && *c != '\f' && *c != '\v') {
                l->blank = 0;
                l->indent = col;
                break;
            }
            col += *c == '\t' ? 8 - col % 8 : 1;
        }
        p = q < end ? q + 1 : q;
    }
    *out = v;
    *count = k;
    return 0;
}

/* Chunks of L separated by runs of two blanks or more (or a tab). */
static size_t chunks_of(const tline *l, chunk *ch, size_t max)
{
    size_t k = 0;
    int col = 0;
    const char *s = l->s, *e = l->s + l->n;
    const char *p = s;
    while (p < e && k < max) {
        while (p < e && (*p == ' ' || *p == '\t' || *p == '\f' || *p == '\v')) {
            col += *p == '\t' ? 8 - col % 8 : 1;
            p++;
        }
        if (p >= e)
            break;
        chunk *c = &ch[k++];
        c->s = p;
        c->col = col;
        for (;;) {
            while (p < e && *p != ' ' && *p != '\t') {
                if (((unsigned char)*p & 0xC0) != 0x80)
                    col++;
                p++;
            }
            /* one space inside a chunk; two or a tab end it */
            if (p < e && *p == ' ' && p + 1 < e && p[1] != ' ' && p[1] != '\t') {
                p++;
                col++;
                continue;
            }
            break;
        }
        c->n = (size_t)(p - c->s);
    }
    return k;
}

static int is_page_number(const tline *l)
{
    const char *p = l->s, *e = l->s + l->n;
    size_t digits = 0;
    while (p < e && strchr(" \t-", *p))
        p++;
    if (e - p >= 5 && (memcmp(p, "Trang", 5) == 0 || memcmp(p, "trang", 5) == 0))
        p += 5;
    while (p < e && *p == ' ')
        p++;
    while (p < e && *p >= '0' && *p <= '9')
        p++, digits++;
    while (p < e && strchr(" \t-", *p))
        p++;
    return p == e && digits >= 1 && digits <= 3;
}

static utf8proc_int32_t cp_at(const char *s, const char *e)
{
    utf8proc_int32_t c = 0;
    if (s < e && utf8proc_iterate((const utf8proc_uint8_t *)s, e - s, &c) < 0)
        c = 0;
    return c;
}

/* The code point that ends at E (S is the start of the text). */
static utf8proc_int32_t cp_before(const char *s, const char *e)
{
    const char *p = e;
    while (p > s && ((unsigned char)p[-1] & 0xC0) == 0x80)
        p--;
    if (p > s)
        p--;
    return cp_at(p, e);
}

static const char *skip_blank(const char *s, const char *e)
{
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\f'))
        s++;
    return s;
}

static int cat_at(const char *s, const char *e)
{
    return utf8proc_category(cp_at(skip_blank(s, e), e));
}

static int starts_lower(const tline *l)
{
    return cat_at(l->s, l->s + l->n) == UTF8PROC_CATEGORY_LL;
}

static int starts_upper_or_digit(const char *s, const char *e)
{
    int c = cat_at(s, e);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT || c == UTF8PROC_CATEGORY_ND;
}

static int ends_sentence(const char *s, size_t n)
{
    while (n && strchr(" \t\r", s[n - 1]))
        n--;
    return n == 0 || strchr(".;:!?", s[n - 1]) != NULL;
}

/* S opens a bracket before a capital, a digit or a footnote star: "(*)
 * Theo Nghị định …", "(1) …", "(Kèm theo …)". After a line that ended a
 * sentence it starts a paragraph, as a capital does: a footnote under the
 * targets is not the last target's tail. */
static int note_start(const char *s, const char *e)
{
    return e - s >= 2 && s[0] == '(' && (s[1] == '*' || starts_upper_or_digit(s + 1, e));
}

/* No lower-case letter and at least two letters: a title line. */
static int all_caps(const char *s, size_t n)
{
    const char *p = s, *e = s + n;
    int letters = 0;
    while (p < e) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)p, e - p, &c);
        if (k <= 0)
            return 0;
        int cat = utf8proc_category(c);
        if (cat == UTF8PROC_CATEGORY_LL)
            return 0;
        if (cat == UTF8PROC_CATEGORY_LU)
            letters++;
        p += k;
    }
    return letters >= 2;
}

/* Length of a row code at S ("1", "1.1", "2.3.", "I", "II.", "a)"), the
 * whole word; 0 when S does not start with one. */
static size_t code_len(const char *s, const char *e)
{
    const char *p = s;
    if (p < e && *p >= '0' && *p <= '9') {
        for (;;) {
            const char *d = p;
            while (p < e && *p >= '0' && *p <= '9' && p - d < 3)
                p++;
            if (p == d)
                return 0;
            if (p < e && *p == '.' && p + 1 < e && p[1] >= '0' && p[1] <= '9') {
                p++;
                continue;
            }
            break;
        }
        if (p < e && (*p == '.' || *p == ')'))
            p++;
    } else if (p < e && strchr("IVX", *p)) {
        while (p < e && strchr("IVX", *p) && p - s < 5)
            p++;
        if (p < e && *p == '.')
            p++;
    } else if (p + 1 < e && *p >= 'a' && *p <= 'z' && p[1] == ')') {
        p += 2;
    } else {
        return 0;
    }
    if (p < e && *p != ' ' && *p != '\t')
        return 0;
    return (size_t)(p - s);
}

/* A list item or a numbered heading starts the line. */
static int starts_item(const tline *l)
{
    const char *s = skip_blank(l->s, l->s + l->n), *e = l->s + l->n;
    if (e - s >= 2 && (s[0] == '-' || s[0] == '+' || s[0] == '*') && s[1] == ' ')
        return 1;
    if (e - s >= 3 && (!memcmp(s, "\xe2\x80\xa2", 3) || !memcmp(s, "\xe2\x80\x93", 3))) /* • – */
        return 1;
    size_t k = code_len(s, e);
    /* "2026" alone is a number, not an item; an item code ends in . or ) or is roman */
    return k && (s[k - 1] == '.' || s[k - 1] == ')' || (s[0] >= 'I' && s[0] <= 'X') || memchr(s, '.', k));
}

/* ---- building text ---- */

/* Append S (N bytes) to B with one space between (or '\n' when NL). */
static void append(buf *b, const char *s, size_t n, int nl)
{
    if (!n)
        return;
    if (b->len)
        buf_addc(b, nl ? '\n' : ' ');
    buf_add(b, s, n);
}

typedef struct grid {
    buf *b;             /* rows * ncols cell texts */
    size_t rows, cap, ncols;
} grid;

static void grid_release(grid *g)
{
    for (size_t i = 0; i < g->rows * g->ncols; i++)
        buf_release(&g->b[i]);
    free(g->b);
    g->b = NULL;
    g->rows = g->cap = 0;
}

static buf *grid_add_row(grid *g)
{
    if (g->rows >= DOC_MAX_ROWS)
        return NULL;
    if (g->rows == g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 16;
        buf *nb = realloc(g->b, cap * g->ncols * sizeof *nb);
        if (!nb)
            return NULL;
        g->b = nb;
        g->cap = cap;
    }
    buf *r = &g->b[g->rows * g->ncols];
    for (size_t c = 0; c < g->ncols; c++)
        buf_init(&r[c], DOC_MAX_CELL);
    g->rows++;
    return r;
}

/* Words split inside a syllable. Where a cell is narrower than a word, Word
 * breaks the word and pdftotext keeps the pieces apart: "Chuyể" / "n đổi",
 * "phươn" / "g", "quan/Đơ" / "n vị". A Vietnamese syllable always has a
 * vowel, so a piece of small letters without any vowel (a, e, i, o, u, y
 * with whatever marks), or a piece that starts with a combining mark, is not
 * a word of its own: it is glued to the letter before it. Capitals are left
 * alone (abbreviations: "CNTT", "HĐND&U" / "BND" stays split). A hyphen
 * or an ampersand glued to the word before it ("VH-" / "XH", "QĐ-" / "TTg",
 * "KH&" / "CN") joins the next word without a blank; "Văn hóa - Xã hội" and
 * "HĐND & UBND" (blanks around) are left alone. */
static int vowel_free_piece(const char *s, const char *e)
{
    int letters = 0;
    while (s < e && *s != ' ') {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, e - s, &c);
        if (k <= 0)
            return 0;
        int cat = utf8proc_category(c);
        if (!letters && (cat == UTF8PROC_CATEGORY_MN))
            return 1;
        if (cat != UTF8PROC_CATEGORY_LL)
            return letters > 0 && strchr(".,;:)", *s) != NULL; /* "n," */
        utf8proc_int32_t base[4];
        int opt = UTF8PROC_DECOMPOSE;
        utf8proc_ssize_t nb = utf8proc_decompose_char(c, base, 4, (utf8proc_option_t)opt, NULL);
        if (nb <= 0)
            return 0;
        if (base[0] < 128 && strchr("aeiouy", (int)base[0]))
            return 0;
        letters++;
        s += k;
    }
    return letters > 0 && letters <= 2;
}

static void glue_split_words(buf *b)
{
    if (buf_failed(b) || !b->len)
        return;
    char *p = b->ptr, *e = b->ptr + b->len, *o = p;
    for (char *q = p; q < e; q++) {
        if (*q == ' ' && q > p && q + 1 < e && o > p &&
            utf8proc_category(cp_before(p, o)) == UTF8PROC_CATEGORY_LL && vowel_free_piece(q + 1, e))
            continue;
        /* "VH-" / "XH", "QĐ-" / "TTg": a hyphen glued to the word before it
         * ended a line inside a compound */
        if (*q == ' ' && o - p >= 2 && (o[-1] == '-' || o[-1] == '&') && o[-2] != ' ' && q + 1 < e &&
            q[1] != ' ' && q[1] != '-')
            continue;
        *o++ = *q;
    }
    b->len = (size_t)(o - p);
    b->ptr[b->len] = 0;
}

/* Emit G as a table; 0 or -1 (out of memory or over a limit). */
static int grid_emit(doc *d, grid *g, int line)
{
    doc_table *t = doc_add_table(d, g->rows, g->ncols, line);
    if (!t)
        return -1;
    for (size_t r = 0; r < g->rows; r++)
        for (size_t c = 0; c < g->ncols; c++) {
            buf *b = &g->b[r * g->ncols + c];
            glue_split_words(b);
            if (buf_failed(b) || (b->len && doc_cell_set(t, r, c, b->ptr)))
                return -1;
        }
    return 0;
}

/* ---- tables in -layout text ---- */

static int is_header_start(const tline *l)
{
    chunk ch[TEXT_MAX_CHUNKS];
    size_t k = chunks_of(l, ch, TEXT_MAX_CHUNKS);
    if (k < 3 || l->indent > 4)
        return 0;
    char *f = text_clean_n(ch[0].s, ch[0].n);
    char *g = f ? text_fold(f) : NULL;
    int yes = g && (!strcmp(g, "stt") || !strcmp(g, "tt") || !strcmp(g, "so tt"));
    free(f);
    free(g);
    return yes;
}

/* L is one chunk only. */
static int lone_chunk(const tline *l)
{
    chunk ch[2];
    return chunks_of(l, ch, 2) == 1;
}

/* L repeats one of the header lines V[H .. E). */
static int is_header_line(const tline *v, size_t h, size_t e, const tline *l)
{
    char *a = text_clean_n(l->s, l->n);
    int yes = 0;
    for (size_t i = h; a && *a && i < e && !yes; i++) {
        char *b = text_clean_n(v[i].s, v[i].n);
        yes = b && text_fold_eq(a, b);
        free(b);
    }
    free(a);
    return yes;
}

/* L starts a row: a code at the left edge. LEFT is the code column. */
static int is_code_line(const tline *l, int left)
{
    if (l->blank || l->indent > left + 1)
        return 0;
    const char *s = skip_blank(l->s, l->s + l->n);
    return code_len(s, l->s + l->n) > 0;
}

/* ---- column starts ----
 *
 * A column's start is a position where the chunks (text after two blanks or
 * more, or at the line's start) of many lines start. pdftotext -layout lays
 * out each page on its own: the text columns of one table sit at other
 * positions on another page (the code column stays at the left edge, the
 * others move together by a few positions). So the starts are counted per
 * page (page_hist), each page's counts are aligned on its name column (the
 * first well-used start after the code column), the aligned counts of all
 * pages are pooled, and the columns are the peaks of the pooled counts: a
 * position counted on at least TEXT_COL_SHARE of the table's lines, no
 * nearer than TEXT_COL_GAP to a stronger peak. Each page then has every
 * column, at its own name column plus the pooled offset, snapped to the
 * page's own nearest count within two positions. */

#define TEXT_COL_GAP    4       /* the narrowest column, in character columns */
#define TEXT_COL_SHARE  20      /* a column is used by 1/20 of the lines or more */

/* Count the chunk starts of the lines V[FROM .. TO) into HIST
 * (TEXT_MAX_WIDTH); returns the number of lines counted. */
static size_t page_hist(const tline *v, size_t from, size_t to, int left, int *hist)
{
    size_t lines = 0;
    memset(hist, 0, TEXT_MAX_WIDTH * sizeof *hist);
    for (size_t i = from; i < to; i++) {
        if (v[i].blank || is_page_number(&v[i]) || (v[i].indent <= left + 1 && !is_code_line(&v[i], left) && i > from && lone_chunk(&v[i])))
            continue;
        chunk ch[TEXT_MAX_CHUNKS];
        size_t k = chunks_of(&v[i], ch, TEXT_MAX_CHUNKS);
        for (size_t j = 0; j < k; j++)
            if (ch[j].col > left + 1 && ch[j].col < TEXT_MAX_WIDTH)
                hist[ch[j].col]++;
        lines++;
    }
    return lines;
}

#define TEXT_MAX_SHIFT  40      /* how far a page's columns may move */
#define TEXT_POOL_OFF   64
#define TEXT_POOL       (TEXT_MAX_WIDTH + 2 * TEXT_POOL_OFF)

/* Where a page's columns sit against the reference page's: its name
 * column A is the reference's AREF, and its positions right of it are K
 * per cent of the reference's (pdftotext scales each page on its own). */
typedef struct pmap {
    int a, aref, k;
} pmap;

static int pmap_to_ref(const pmap *m, int x)
{
    int d = (x - m->a) * 100;
    return m->aref + (d >= 0 ? d + m->k / 2 : d - m->k / 2) / m->k;
}

static int pmap_from_ref(const pmap *m, int r)
{
    int d = (r - m->aref) * m->k;
    return m->a + (d >= 0 ? d + 50 : d - 50) / 100;
}

/* The scale (per cent, TEXT_MIN_SCALE..TEXT_MAX_SCALE) that best lays the
 * counts HP of a page, anchored at its name column A, on the reference
 * page's R anchored at AREF; 100 on a tie. */
#define TEXT_MIN_SCALE 80
#define TEXT_MAX_SCALE 125
static int page_scale(const int *hp, const int *r, int a, int aref)
{
    long best = -1;
    int arg = 100;
    for (int d = 0; d <= 2 * (TEXT_MAX_SCALE - TEXT_MIN_SCALE); d++) {
        int k = 100 + (d % 2 ? (d + 1) / 2 : -(d / 2));
        if (k < TEXT_MIN_SCALE || k > TEXT_MAX_SCALE)
            continue;
        pmap m = {a, aref, k};
        long sum = 0;
        for (int x = 0; x < TEXT_MAX_WIDTH; x++) {
            int y = pmap_to_ref(&m, x);
            if (!hp[x] || y < 1 || y + 1 >= TEXT_MAX_WIDTH)
                continue;
            sum += (long)hp[x] * (r[y - 1] + 2 * r[y] + r[y + 1]);
        }
        if (sum > best) {
            best = sum;
            arg = k;
        }
    }
    return arg;
}

/* How far the columns of a page (counts H) sit right of the reference
 * page's (counts R): the shift that best lays one on the other (the
 * counts' product, R smoothed over three positions); the smallest such. */
static int page_shift(const int *hp, const int *r)
{
    long best = -1;
    int arg = 0;
    for (int d = 0; d <= 2 * TEXT_MAX_SHIFT; d++) {
        int s = d % 2 ? (d + 1) / 2 : -(d / 2); /* 0, 1, -1, 2, -2 ... */
        long sum = 0;
        for (int x = 0; x < TEXT_MAX_WIDTH; x++) {
            int y = x - s;
            if (!hp[x] || y < 1 || y + 1 >= TEXT_MAX_WIDTH)
                continue;
            sum += (long)hp[x] * (r[y - 1] + 2 * r[y] + r[y + 1]);
        }
        if (sum > best) {
            best = sum;
            arg = s;
        }
    }
    return arg;
}

/* The name column of the lines V[FROM .. TO): where the text after the code
 * starts on most row lines (two at least); -1 if unknown. A row's first
 * line starts its name cell right after the code, so this is the surest
 * anchor of a page's layout. */
static int name_column(const tline *v, size_t from, size_t to, int left)
{
    int seen[TEXT_MAX_WIDTH] = {0}, best = -1;
    for (size_t i = from; i < to; i++) {
        chunk ch[2];
        if (!is_code_line(&v[i], left) || chunks_of(&v[i], ch, 2) < 2 || ch[1].col >= TEXT_MAX_WIDTH)
            continue;
        seen[ch[1].col]++;
        if (best < 0 || seen[ch[1].col] > seen[best])
            best = ch[1].col;
    }
    return best >= 0 && seen[best] >= 2 ? best : -1;
}

/* Peaks of the pooled counts POOL (positions on the reference page plus
 * TEXT_POOL_OFF) into REL (positions on the reference page), in order;
 * returns how many. */
static size_t pool_peaks(const int *pool, size_t lines, int *rel, int *wt, size_t max)
{
    int need = (int)(lines / TEXT_COL_SHARE);
    if (need < 2)
        need = 2;
    int taken[TEXT_POOL] = {0};
    size_t n = 0;
    while (n < max && n < DOC_MAX_COLS) {
        int best = -1, bv = 0;
        for (int x = 1; x + 1 < TEXT_POOL; x++) {
            if (taken[x])
                continue;
            int w = pool[x - 1] + 2 * pool[x] + pool[x + 1];
            if (pool[x] && w > bv) {
                bv = w;
                best = x;
            }
        }
        if (best < 0 || bv < 2 * need)
            break;
        /* a weak peak just left or right of a much stronger one: the
         * stronger column's cells, moved by packed lines */
        int shadow = 0;
        for (size_t i = 0; i < n; i++)
            if (rel[i] + TEXT_POOL_OFF > best - 2 * TEXT_COL_GAP && rel[i] + TEXT_POOL_OFF < best + 2 * TEXT_COL_GAP &&
                wt[i] >= 5 * bv)
                shadow = 1;
        if (!shadow) {
            wt[n] = bv;
            rel[n++] = best - TEXT_POOL_OFF;
        }
        for (int x = best - TEXT_COL_GAP; x <= best + TEXT_COL_GAP; x++)
            if (x >= 0 && x < TEXT_POOL)
                taken[x] = 1;
    }
    /* in order */
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && rel[j - 1] > rel[j]; j--) {
            int t = rel[j];
            rel[j] = rel[j - 1];
            rel[j - 1] = t;
            t = wt[j];
            wt[j] = wt[j - 1];
            wt[j - 1] = t;
        }
    return n;
}

/* A column left empty in most rows ("Ghi chú") has too few starts to be a
 * peak; its header still names it. Add to REL (N positions on the
 * reference page, in order; M maps this page to it) each
 * capitalised word of the header's first line L that starts at least
 * TEXT_COL_GAP right of the last known column (a remark column is the last
 * one), or 2 * TEXT_COL_GAP left of the next one (a column's cells start a
 * little right of its header in packed lines); returns the new count. */
static size_t header_columns(const tline *l, int left, const pmap *m, int *rel, size_t n, size_t max)
{
    const char *p = l->s, *e = l->s + l->n;
    int col = 0, prev_blank = 1;
    while (p < e) {
        if (*p == ' ' || *p == '\t') {
            col += *p == '\t' ? 8 - col % 8 : 1;
            prev_blank = 1;
            p++;
            continue;
        }
        int c = prev_blank ? utf8proc_category(cp_at(p, e)) : 0;
        if (c == UTF8PROC_CATEGORY_LU && n < max && col > left + 1) {
            int x = pmap_to_ref(m, col), far = 1;
            for (size_t i = 0; i < n; i++) {
                int d = rel[i] > x ? rel[i] - x : x - rel[i];
                if (d < TEXT_COL_GAP || (rel[i] > x && d < 2 * TEXT_COL_GAP))
                    far = 0;
            }
            if (far) {
                size_t i = n++;
                for (; i > 0 && rel[i - 1] > x; i--)
                    rel[i] = rel[i - 1];
                rel[i] = x;
            }
        }
        prev_blank = 0;
        if (((unsigned char)*p & 0xC0) != 0x80)
            col++;
        p++;
    }
    return n;
}

/* ---- words and columns ----
 *
 * pdftotext -layout places each word at a character column computed from its
 * x position, but keeps at least one blank between words: where a column is
 * narrow its text pushes into the next one, and the first line of a row is
 * often packed tighter than its continuation lines, so that a cell starts a
 * few positions left or right of its column and two cells are separated by
 * one blank only. A chunk (two blanks) is then not a cell. Each word of a
 * line is therefore given a column by words_assign(): the line's words are
 * split, in order, into consecutive runs, one run per column used, at the
 * least cost, where
 *  - starting a cell at a word costs its distance from the column's start
 *    (half of it for a capital or a digit on a row's first line: cells start
 *    with one), plus a little where only one blank separates it from the word
 *    before, plus much for a lower-case word on a row's first line;
 *  - keeping a word in the cell before costs where two blanks or more
 *    separate it (a cell's words are one blank apart), where it is the
 *    capital nearest a later column's start on a row's first line, on a
 *    continuation line where it starts past (or, a capital, just before)
 *    the next column's start, and much where the cell's words on this line
 *    would be wider than the column.
 * Costs are small integers; the table of costs is at most TEXT_MAX_WORDS x
 * DOC_MAX_COLS. */

typedef struct word {
    const char *s;
    size_t n;
    int x;              /* character column of its first character */
    int gap;            /* blanks before it on the line (large for the first) */
    int upper;          /* starts with a capital letter or a digit */
} word;

#define TEXT_MAX_WORDS 160

static size_t words_of(const tline *l, word *w, size_t max)
{
    size_t k = 0;
    int col = 0, gap = 1000;
    const char *p = l->s, *e = l->s + l->n;
    while (p < e && k < max) {
        if (*p == ' ' || *p == '\t' || *p == '\f' || *p == '\v') {
            int step = *p == '\t' ? 8 - col % 8 : 1;
            col += step;
            gap += step;
            p++;
            continue;
        }
        word *x = &w[k++];
        x->s = p;
        x->x = col;
        x->gap = gap;
        x->upper = starts_upper_or_digit(p, e);
        while (p < e && *p != ' ' && *p != '\t' && *p != '\f' && *p != '\v') {
            if (((unsigned char)*p & 0xC0) != 0x80)
                col++;
            p++;
        }
        x->n = (size_t)(p - x->s);
        gap = 0;
    }
    return k;
}

/* The column whose start is at or left of COL (two positions of slack). */
static size_t column_of(const int *cols, size_t n, int col)
{
    size_t best = 0;
    for (size_t i = 0; i < n; i++)
        if (cols[i] <= col + 2)
            best = i;
    return best;
}

/* Width in character columns of S (N bytes): one per code point. */
static int text_width(const char *s, size_t n)
{
    int w = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            w++;
    return w;
}

/* The column (1 ..) that word I of W[0 .. M) most likely starts: one
 * within 6 positions of it, when no other capitalised word of the line is
 * nearer to that column; 0 if none. */
static size_t likely_start(const word *w, size_t m, size_t i, const int *cols, size_t k)
{
    if (!w[i].upper)
        return 0;
    size_t q = 0;
    int bd = 7;
    for (size_t c = 1; c < k; c++) {
        int d = w[i].x > cols[c] ? w[i].x - cols[c] : cols[c] - w[i].x;
        if (d < bd) {
            bd = d;
            q = c;
        }
    }
    for (size_t o = 0; q && o < m; o++) {
        int d = w[o].x > cols[q] ? w[o].x - cols[q] : cols[q] - w[o].x;
        if (o != i && w[o].upper && d < bd)
            q = 0;
    }
    return q;
}

static int start_cost(const word *w, const int *cols, size_t j, int row_first)
{
    int d = w->x > cols[j] ? w->x - cols[j] : cols[j] - w->x;
    int cost = row_first && w->upper ? d : 2 * d;
    if (w->gap == 1)
        cost += 1;
    if (row_first && !w->upper)
        cost += 10;
    return cost;
}

static int keep_cost(const word *w, size_t likely, const int *cols, size_t k, size_t j, int row_first)
{
    int cost = 0;
    if (w->gap >= 3)
        cost += 20;
    else if (w->gap == 2)
        cost += 12;
    if (row_first && likely > j)
        cost += 8;
    if (!row_first && j + 1 < k && w->x >= cols[j + 1] - 1)
        cost += 4;
    else if (!row_first && j + 1 < k && w->upper && w->gap == 1 && w->x >= cols[j + 1] - 3)
        cost += 6;
    return cost;
}

/* Give each of the M words of a line a column (OUT[i], in 0..K-1, never
 * decreasing) at the least cost (see above). ROW_FIRST is 1 for the first
 * line of a header or a row, 2 for a row's line that starts with its code
 * (then only the first word takes column 0). FIT: a cell's words on one line
 * must fit in its column's width (not in a header: its labels are packed
 * tighter than the columns' widths). */
static void words_assign(const word *w, size_t m, const int *cols, size_t k, int row_first, int fit, size_t *out)
{
    static const int inf = 1 << 28;
    int cost[TEXT_MAX_WORDS][DOC_MAX_COLS];
    unsigned char from[TEXT_MAX_WORDS][DOC_MAX_COLS];
    unsigned char run[TEXT_MAX_WORDS][DOC_MAX_COLS];   /* first word of the cell */
    size_t likely[TEXT_MAX_WORDS];
    if (!m || !k)
        return;
    for (size_t i = 0; i < m; i++)
        likely[i] = likely_start(w, m, i, cols, k);
    for (size_t j = 0; j < k; j++) {
        int d = w[0].x > cols[j] ? w[0].x - cols[j] : cols[j] - w[0].x;
        cost[0][j] = 2 * d;
        from[0][j] = (unsigned char)j;
        run[0][j] = 0;
    }
    for (size_t i = 1; i < m; i++)
        for (size_t j = 0; j < k; j++) {
            int best = cost[i - 1][j] + keep_cost(&w[i], likely[i], cols, k, j, row_first);
            /* a cell's text on one line is no wider than its column */
            const word *r0 = &w[run[i - 1][j]];
            if (fit && j + 1 < k && w[i].x + text_width(w[i].s, w[i].n) - r0->x > cols[j + 1] - cols[j] - 1)
                best += 10;
            size_t arg = j;
            int sc = start_cost(&w[i], cols, j, row_first);
            if (j == 0 && row_first == 2) {
                /* only the code itself sits in a row's code column */
                cost[i][j] = inf;
                from[i][j] = 0;
                run[i][j] = (unsigned char)i;
                continue;
            }
            for (size_t q = 0; q < j; q++)
                if (cost[i - 1][q] < inf && cost[i - 1][q] + sc < best) {
                    best = cost[i - 1][q] + sc;
                    arg = q;
                }
            cost[i][j] = best < inf ? best : inf;
            from[i][j] = (unsigned char)arg;
            run[i][j] = arg == j ? run[i - 1][j] : (unsigned char)i;
        }
    size_t j = 0;
    for (size_t q = 1; q < k; q++)
        if (cost[m - 1][q] < cost[m - 1][j])
            j = q;
    for (size_t i = m; i-- > 0;) {
        out[i] = j;
        j = from[i][j];
    }
}

/* The columns of one row: pdftotext lays out a row's lines together, a few
 * positions off the page's columns PC (PK of them), and the chunks of the
 * row's first line CH[1 .. K) start its cells. Each chunk moves the nearest
 * page column after the last one moved (within TEXT_ROW_SLACK) to itself;
 * a column with no chunk moves as the one left of it did. Fills RC. */
#define TEXT_ROW_SLACK 6
static void row_columns(const chunk *ch, size_t k, const int *pc, size_t pk, int *rc)
{
    int matched[DOC_MAX_COLS] = {0};
    memcpy(rc, pc, pk * sizeof *rc);
    size_t next = 1;
    for (size_t j = 1; j < k && next < pk; j++) {
        size_t best = 0;
        int bd = TEXT_ROW_SLACK + 1;
        for (size_t q = next; q < pk; q++) {
            int d = ch[j].col > pc[q] ? ch[j].col - pc[q] : pc[q] - ch[j].col;
            if (d < bd) {
                bd = d;
                best = q;
            }
        }
        if (!best)
            continue;
        rc[best] = ch[j].col;
        matched[best] = 1;
        next = best + 1;
    }
    int off = 0;
    for (size_t q = 1; q < pk; q++) {
        if (matched[q])
            off = rc[q] - pc[q];
        else
            rc[q] = pc[q] + off;
        if (rc[q] <= rc[q - 1])
            rc[q] = rc[q - 1] + 1;
    }
}

/* L starts a row (is_code_line) whose code follows the rows before: its
 * first number is at most one more than the last row's (*TOP; a roman
 * numeral starts over). "25" at the left edge after row 7 is the tail of a
 * date cut by a cell's width ("03/12/20" / "25 của"), not row 25. */
static int row_code(const tline *l, int left, int *top)
{
    if (!is_code_line(l, left))
        return 0;
    const char *s = skip_blank(l->s, l->s + l->n), *e = l->s + l->n;
    if (s < e && *s >= '0' && *s <= '9') {
        int n = 0;
        while (s < e && *s >= '0' && *s <= '9' && n < 10000)
            n = n * 10 + (*s++ - '0');
        if (*top >= 0 && n > *top + 1 && n != 1)
            return 0;
        *top = n;
    } else if (s < e && strchr("IVX", *s)) {
        *top = 0;
    }
    return 1;
}

/* S starts with a capitalised word: a capital, then a small letter. */
static int title_word(const char *s, const char *e)
{
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, e - s, &c);
    return k > 0 && utf8proc_category(c) == UTF8PROC_CATEGORY_LU &&
           utf8proc_category(cp_at(s + k, e)) == UTF8PROC_CATEGORY_LL;
}

/* A line that never continues a table: an appendix or closing title. */
static int is_title_line(const tline *l)
{
    static const char *const w[] = {"phu luc", "noi nhan", "tm.", "kt.", NULL};
    char *c = text_clean_n(l->s, l->n);
    int yes = c && all_caps(c, strlen(c)) && strlen(c) > 12;
    for (size_t i = 0; c && !yes && w[i]; i++)
        yes = text_fold_starts(c, w[i]);
    free(c);
    return yes;
}

/* L looks like a piece of table at a page's left edge: short chunks only
 * (a cell's tail that pdftotext moved there because the columns to its left
 * are empty on that page), not a line of prose. */
static int narrow_chunks(const tline *l)
{
    chunk ch[TEXT_MAX_CHUNKS];
    size_t k = chunks_of(l, ch, TEXT_MAX_CHUNKS);
    for (size_t j = 0; j < k; j++)
        if (text_width(ch[j].s, ch[j].n) > (k == 1 ? 40 : 30))
            return 0;
    return k > 0;
}

/* Try a -layout table whose header starts at V[H]. On success fills *END
 * (one past its last line) and adds the table to D; returns 1. Returns 0
 * when there is no table there, -1 on out of memory. */
static int layout_table(doc *d, const tline *v, size_t count, size_t h, size_t *end)
{
    int rc = -1;
    grid g = {0};
    int left = v[h].indent;
    /* the header: up to the first row line */
    size_t i = h + 1;
    while (i < count && i - h < TEXT_MAX_HEADER && !is_code_line(&v[i], left))
        i++;
    if (i >= count || !is_code_line(&v[i], left))
        return 0;
    size_t first_row = i;
    if (v[first_row].indent < left)
        left = v[first_row].indent; /* the codes make the left edge */
    /* the region: rows, continuations, blanks, page numbers, repeated
     * headers, and lone words at the left edge of a page before its first
     * row (a cell's tail that pdftotext put at the page's left edge) */
    size_t rows = 0;
    int page = v[first_row].page, page_has_row = 1, top = -1;
    while (i < count) {
        const tline *l = &v[i];
        if (l->blank || is_page_number(l)) {
            i++;
            continue;
        }
        if (l->page != page) {
            page = l->page;
            page_has_row = 0;
        }
        if (row_code(l, left, &top)) {
            rows++;
            page_has_row = 1;
        } else if (l->indent <= left + 1 && !(l->page != v[h].page && is_header_line(v, h, first_row, l)) &&
                   !(!page_has_row && !is_title_line(l) &&
                     narrow_chunks(l))) {
            break;
        }
        i++;
    }
    size_t stop = i;
    while (stop > first_row && (v[stop - 1].blank || is_page_number(&v[stop - 1])))
        stop--;
    if (rows < 2)
        return 0;
    /* columns: pooled over the pages, placed on each page */
    enum { MAX_PAGES = 64 };
    int page0 = v[h].page;
    int pages = v[stop - 1].page - page0 + 1;
    if (pages > MAX_PAGES)
        pages = MAX_PAGES;
    int (*hist)[TEXT_MAX_WIDTH] = calloc((size_t)pages, sizeof *hist);
    pmap pm[MAX_PAGES];
    int has_row[MAX_PAGES], name[MAX_PAGES], pool[TEXT_POOL] = {0};
    int cols[MAX_PAGES][DOC_MAX_COLS], rel[DOC_MAX_COLS];
    size_t nlines[MAX_PAGES], lines = 0, ncols = 0;
    int ref = -1;
    if (!hist)
        goto out;
    for (int p = 0; p < pages; p++) {
        size_t a = h, b;
        while (a < stop && v[a].page < page0 + p)
            a++;
        b = a;
        while (b < stop && (v[b].page == page0 + p || p == pages - 1))
            b++;
        nlines[p] = page_hist(v, a, b, left, hist[p]);
        has_row[p] = 0;
        for (size_t q = a; q < b && !has_row[p]; q++)
            has_row[p] = is_code_line(&v[q], left);
        name[p] = name_column(v, a, b, left);
        /* a page without a row is laid out from its own left edge */
        if (has_row[p] && (ref < 0 || nlines[p] > nlines[ref]))
            ref = p;
    }
    int aref = ref >= 0 && name[ref] >= 0 ? name[ref] : 0;
    for (int p = 0; p < pages; p++) {
        pm[p].aref = aref;
        pm[p].k = 100;
        if (ref < 0 || !has_row[p]) {
            pm[p].a = p ? pm[p - 1].a : aref;
            pm[p].k = p ? pm[p - 1].k : 100;
            continue;
        }
        if (name[p] >= 0 && name[ref] >= 0) {
            pm[p].a = name[p];
            pm[p].k = page_scale(hist[p], hist[ref], name[p], aref);
        } else {
            pm[p].a = aref + page_shift(hist[p], hist[ref]);
        }
        lines += nlines[p];
        for (int x = 0; x < TEXT_MAX_WIDTH; x++) {
            int r = pmap_to_ref(&pm[p], x) + TEXT_POOL_OFF;
            if (hist[p][x] && r >= 0 && r < TEXT_POOL)
                pool[r] += hist[p][x];
        }
    }
    int wt[DOC_MAX_COLS];
    ncols = 1 + pool_peaks(pool, lines, rel, wt, DOC_MAX_COLS - 1);
    /* a weak peak between two strong ones: cells of the columns around it,
     * moved by packed lines */
    for (size_t c = 1; c + 2 < ncols;) {
        int lo = wt[c - 1] < wt[c + 1] ? wt[c - 1] : wt[c + 1];
        if (4 * wt[c] < lo) {
            memmove(&rel[c], &rel[c + 1], (ncols - 2 - c) * sizeof *rel);
            memmove(&wt[c], &wt[c + 1], (ncols - 2 - c) * sizeof *wt);
            ncols--;
        } else {
            c++;
        }
    }
    ncols = 1 + header_columns(&v[h], left, &pm[0], rel, ncols - 1, DOC_MAX_COLS - 1);
    for (int p = 0; p < pages; p++) {
        cols[p][0] = left;
        for (size_t c = 1; c < ncols; c++) {
            int x = pmap_from_ref(&pm[p], rel[c - 1]), best = x;
            for (int dx = 1; dx <= 2; dx++) {
                if (x - dx > 0 && x - dx < TEXT_MAX_WIDTH && best >= 0 && best < TEXT_MAX_WIDTH &&
                    hist[p][x - dx] > hist[p][best])
                    best = x - dx;
                if (x + dx >= 0 && x + dx < TEXT_MAX_WIDTH && best >= 0 && best < TEXT_MAX_WIDTH &&
                    hist[p][x + dx] > hist[p][best])
                    best = x + dx;
            }
            if (best <= cols[p][c - 1])
                best = cols[p][c - 1] + 1;
            cols[p][c] = best;
        }
    }
    free(hist);
    size_t ncol_page[MAX_PAGES];
    for (int p = 0; p < pages; p++)
        ncol_page[p] = ncols;
    if (ncols < 3)
        return 0;
    g.ncols = ncols;
    /* the header row */
    buf *row = grid_add_row(&g);
    if (!row)
        goto out;
    int in_header = 1, span = 0, rcols[DOC_MAX_COLS], rcols_page = -1;
    int seg[DOC_MAX_COLS] = {0};   /* width of each cell's last line */
    int gap[DOC_MAX_COLS] = {0};   /* a line of the row passed the cell by */
    int row_line = 0;              /* the last line read was a row's */
    top = -1;
    size_t last_col = 0;
    for (i = h; i < stop; i++) {
        const tline *l = &v[i];
        if (l->blank || is_page_number(l)) {
            /* a blank line inside a row, on one page: a paragraph break in
             * every cell that goes on below it */
            size_t nx = i + 1;
            while (nx < stop && (v[nx].blank || is_page_number(&v[nx])))
                nx++;
            if (!in_header && l->blank && row_line && nx < stop && v[nx].page == l->page)
                for (size_t c = 0; c < DOC_MAX_COLS; c++)
                    gap[c] = 1;
            continue;
        }
        int p = l->page - page0 < 64 ? l->page - page0 : 63;
        int code = row_code(l, left, &top);
        if (code) {
            in_header = 0;
            row = grid_add_row(&g);
            if (!row)
                goto out;
            memset(seg, 0, sizeof seg);
            memset(gap, 0, sizeof gap);
        } else if (!in_header && l->page != v[h].page && is_header_line(v, h, first_row, l)) {
            row_line = 0;
            continue; /* a header repeated on a new page */
        }
        chunk ch[TEXT_MAX_CHUNKS];
        size_t k = chunks_of(l, ch, TEXT_MAX_CHUNKS);
        if (!code && !in_header && l->indent <= left + 1 && k == 1) {
            /* a lone chunk at the left edge of a page: the cell it continues */
            append(&row[last_col], ch[0].s, ch[0].n, 0);
            continue;
        }
        const int *pc = cols[p];
        size_t pk = ncol_page[p];
        if (code || i == h) {
            row_columns(ch, k, pc, pk, rcols);
            rcols_page = p;
        }
        if (rcols_page == p)
            pc = rcols;
        if (code) {
            /* a row whose text after the code is one run of words crossing
             * a column's start spans the row (a group title): it and its
             * continuation lines of one chunk go to the first text column */
            span = k == 2 && pk > 2 && ch[1].col < pc[2] && ch[1].col + text_width(ch[1].s, ch[1].n) > pc[2] + 2;
            /* ... unless the row goes on in several columns: then its first
             * line is packed cells ("… công chức Phòng Văn hóa - Các …") */
            size_t nx = i + 1;
            while (nx < stop && (v[nx].blank || is_page_number(&v[nx])))
                nx++;
            if (span && nx < stop && !is_code_line(&v[nx], left) && !lone_chunk(&v[nx]))
                span = 0;
        }
        if (span && (code ? k == 2 : k == 1)) {
            size_t c = column_of(pc, pk, ch[k - 1].col);
            if (c == 0)
                c = 1;
            if (code)
                append(&row[0], ch[0].s, ch[0].n, 0);
            append(&row[c], ch[k - 1].s, ch[k - 1].n, 0);
            last_col = c;
            continue;
        }
        if (!code)
            span = 0;
        word w[TEXT_MAX_WORDS];
        size_t at[TEXT_MAX_WORDS];
        size_t m = words_of(l, w, TEXT_MAX_WORDS);
        words_assign(w, m, pc, pk, code ? 2 : i == h, !in_header, at);
        /* only a row's first line has a code */
        for (size_t j = 0; !code && !in_header && j < m && at[j] == 0; j++)
            at[j] = 1;
        unsigned char used[DOC_MAX_COLS] = {0};
        for (size_t j = 0; j < m;) {
            size_t c = at[j], e = j + 1;
            while (e < m && at[e] == c)
                e++;
            const char *s = w[j].s;
            size_t n = (size_t)(w[e - 1].s + w[e - 1].n - s);
            /* "- " after a clause end is a list item; else it may be a
             * wrapped "Văn hóa - Xã hội" */
            int item = n > 2 && (s[0] == '-' || s[0] == '+') && s[1] == ' ' && row[c].len &&
                       strchr(".;:", row[c].ptr[row[c].len - 1]);
            /* a line of the cell that ended although the next line's first
             * word would have fitted after it: a paragraph break (one unit
             * per paragraph: "… đơn vị" / "Các thôn") */
            int width = c + 1 < pk ? pc[c + 1] - pc[c] - 1 : 0;
            if (!code && !in_header && row[c].len && seg[c] > 0 && width > 0 && title_word(s, s + n) &&
                3 * (seg[c] + 1 + text_width(w[j].s, w[j].n)) <= 2 * width)
                item = 1;
            /* a cell left empty on a line of its row, then going on: the
             * space between two paragraphs ("Các thôn" / "" / "Bưu điện xã") */
            if (!code && !in_header && gap[c] && row[c].len)
                item = 1;
            append(&row[c], s, n, item);
            seg[c] = text_width(s, n);
            used[c] = 1;
            last_col = c;
            j = e;
        }
        for (size_t c = 0; c < pk; c++)
            gap[c] = used[c] ? 0 : row[c].len ? 1 : gap[c];
        row_line = 1;
    }
    if (grid_emit(d, &g, v[h].no))
        goto out;
    *end = i;
    rc = 1;
out:
    grid_release(&g);
    return rc;
}

/* ---- tables in plain (non-layout) text ---- */

static const char *const HEADER_WORDS[] = {
    "noi dung", "chi tieu", "chi so", "nhiem vu", "don vi", "co quan", "thoi gian", "ghi chu", "san pham",
    "kinh phi", "du kien", "muc tieu", "ket qua", "can cu", "nam", "giai doan", "lo trinh", "chu tri",
    "phoi hop", "ten", "phan cong", "nguon", "hinh thuc", "tien do", "dau moi", NULL};

static int is_header_word(const tline *l)
{
    char *c = text_clean_n(l->s, l->n);
    int yes = 0;
    for (size_t i = 0; c && HEADER_WORDS[i]; i++)
        if (text_fold_starts(c, HEADER_WORDS[i]))
            yes = 1;
    free(c);
    return yes;
}

static int is_alone(const tline *l, const char *const *words)
{
    char *c = text_clean_n(l->s, l->n);
    char *f = c ? text_fold(c) : NULL;
    int yes = 0;
    for (size_t i = 0; f && words[i]; i++)
        if (!strcmp(f, words[i]))
            yes = 1;
    free(c);
    free(f);
    return yes;
}

static const char *const STT[] = {"stt", "tt", "so tt", NULL};

static int is_code_alone(const tline *l)
{
    const char *s = skip_blank(l->s, l->s + l->n), *e = l->s + l->n;
    size_t k = code_len(s, e);
    return k && skip_blank(s + k, e) == e;
}

/* The lines from I on are a raw header; returns the number of header cells
 * and sets *NEXT to the line after it, or 0. */
static size_t raw_header(const tline *v, size_t count, size_t i, size_t *next)
{
    if (!is_alone(&v[i], STT))
        return 0;
    size_t cells = 0;
    i++;
    /* cells as blocks after blank lines (see raw_table): "Cơ quan" /
     * "phối hợp" is one cell though both are header words */
    int blocks = i < count && v[i].blank;
    while (i < count && (v[i].blank || is_header_word(&v[i]) || (cells && !is_code_alone(&v[i]) && starts_lower(&v[i])))) {
        if (!v[i].blank && is_header_word(&v[i]) && !(blocks && cells && !v[i - 1].blank))
            cells++;
        i++;
    }
    *next = i;
    return cells;
}

/* Line I of a raw table is a page number: a lone number that is the first
 * or last non-blank line of its page and not the top-level code after LAST
 * (the leading number of the row before). A lone number elsewhere is a row code
 * ("1", "2" …): plain pdftotext puts each cell, the code too, on its own
 * lines. */
static int raw_page_number(const tline *v, size_t count, size_t i, int last)
{
    if (!is_page_number(&v[i]))
        return 0;
    /* the next top-level code ("4" after "3.2") at a page's top is a row */
    if (atoi(skip_blank(v[i].s, v[i].s + v[i].n)) == last + 1)
        return 0;
    size_t j = i;
    while (j > 0 && v[j - 1].blank)
        j--;
    if (j == 0 || v[j - 1].page != v[i].page)
        return 1;
    j = i + 1;
    while (j < count && v[j].blank)
        j++;
    return j >= count || v[j].page != v[i].page;
}

/* The previous line ends in a word after which a number continues the cell. */
static int wants_number(const buf *b)
{
    static const char *const w[] = {"thang", "nam", "quy", "ngay", "den", "tu", "so", "dat", "giai doan", NULL};
    if (!b->len)
        return 0;
    const char *e = b->ptr + b->len, *s = e;
    while (s > b->ptr && s[-1] != ' ' && s[-1] != '\n')
        s--;
    char *c = text_clean_n(s, (size_t)(e - s));
    char *f = c ? text_fold(c) : NULL;
    int yes = 0;
    for (size_t i = 0; f && w[i]; i++)
        if (!strcmp(f, w[i]))
            yes = 1;
    free(c);
    free(f);
    return yes;
}

static int raw_table(doc *d, const tline *v, size_t count, size_t h, size_t *end)
{
    size_t i;
    size_t hc = raw_header(v, count, h, &i);
    if (hc < 2 || i >= count || !is_code_alone(&v[i]))
        return 0;
    int rc = -1;
    grid g = {0};
    g.ncols = hc + 1;
    buf *row = grid_add_row(&g);
    if (!row)
        goto out;
    /* header cells */
    append(&row[0], skip_blank(v[h].s, v[h].s + v[h].n), (size_t)(v[h].s + v[h].n - skip_blank(v[h].s, v[h].s + v[h].n)), 0);
    size_t c = 0;
    for (size_t k = h + 1; k < i; k++) {
        if (v[k].blank)
            continue;
        if (is_header_word(&v[k]) && c < hc && !(v[h + 1].blank && c && !v[k - 1].blank))
            c++;
        append(&row[c], v[k].s, v[k].n, 0);
    }
    size_t rows = 0;
    int last = 0;   /* leading number of the last row code */
    while (i < count) {
        const tline *l = &v[i];
        if (l->blank || raw_page_number(v, count, i, last)) {
            i++;
            continue;
        }
        size_t nx;
        if (raw_header(v, count, i, &nx) == hc) {
            i = nx; /* a repeated header */
            continue;
        }
        if (!is_code_alone(l))
            break;
        row = grid_add_row(&g);
        if (!row)
            goto out;
        rows++;
        last = atoi(skip_blank(l->s, l->s + l->n));
        append(&row[0], skip_blank(l->s, l->s + l->n), (size_t)(l->s + l->n - skip_blank(l->s, l->s + l->n)), 0);
        c = 0;
        /* pdftotext writes each cell as a block followed by a blank line:
         * when the code stands so, a line after a blank starts a cell and
         * a line right under another continues it, whatever its case */
        int blocks = i + 1 < count && v[i + 1].blank, after_blank = 0;
        for (i++; i < count; i++) {
            const tline *m = &v[i];
            if (m->blank || raw_page_number(v, count, i, last)) {
                after_blank = 1;
                continue;
            }
            if (is_code_alone(m) || raw_header(v, count, i, &nx) == hc)
                break;
            if (all_caps(m->s, m->n) && m->n > 12)
                break;
            int fresh = blocks ? after_blank
                               : starts_upper_or_digit(m->s, m->s + m->n) &&
                                     !(cat_at(m->s, m->s + m->n) == UTF8PROC_CATEGORY_ND && wants_number(&row[c]));
            after_blank = 0;
            if (c == 0 || fresh) {
                if (++c > hc) {
                    rc = 0; /* more cells than the header: not sure, no table */
                    goto out;
                }
            }
            const char *s = skip_blank(m->s, m->s + m->n);
            append(&row[c], s, (size_t)(m->s + m->n - s), 0);
        }
    }
    if (rows < 2) {
        rc = 0;
        goto out;
    }
    if (grid_emit(d, &g, v[h].no))
        goto out;
    *end = i;
    rc = 1;
out:
    grid_release(&g);
    return rc;
}

/* ---- the reader ---- */

static int sniff(const char *data, size_t n, const char *filename)
{
    (void)filename;
    if (!n || memchr(data, 0, n) || !text_utf8_valid(data, n))
        return 0;
    return 10;
}

static dti_rc rd_lines(const char *data, size_t n, const char *name, doc **out, dti_err *e);

static dti_rc rd(const char *data, size_t n, const char *name, doc **out, dti_err *e)
{
    *out = NULL;
    dti_rc rc = rd_lines(data, n, name, out, e);
    if (rc != DTI_OK || !pdf_text_looks_layout(data, n))
        return rc;
    pdf_page *pages = NULL;
    size_t np = 0;
    doc *alt = NULL;
    int centred = 0;
    dti_err e2;
    dti_err_clear(&e2);
    if (pdf_text_pages(data, n, name, &pages, &np, &e2) == DTI_OK)
        pdf_layout_centred(pages, np, name, &centred, &alt, &e2);
    pdf_pages_free(pages, np);
    if (getenv("DTI_PDF_DEBUG"))
        fprintf(stderr, "pdftext: centred tables %d\n", centred);
    if (alt && centred) {
        doc_free(*out);
        *out = alt;
    } else {
        doc_free(alt);
    }
    return DTI_OK;
}

static dti_rc rd_lines(const char *data, size_t n, const char *name, doc **out, dti_err *e)
{
    dti_rc rc = DTI_ERR_NOMEM;
    *out = NULL;
    tline *v = NULL;
    pdf_plain_line *pv = NULL;  /* the lines for pdf_plain.c */
    size_t count = 0;
    buf para;
    buf_init(&para, DOC_MAX_CELL);
    doc *d = doc_new(name);
    if (!d || split_lines(data, n, &v, &count) || !(pv = malloc((count + 1) * sizeof *pv)))
        goto fail;
    for (size_t i = 0; i < count; i++)
        pv[i] = (pdf_plain_line){v[i].s, v[i].n, v[i].no, v[i].page};
    /* the usual width of a full line, to tell a short last line */
    size_t widest = 0;
    for (size_t i = 0; i < count; i++)
        if (!v[i].blank && v[i].n > widest && v[i].n < 400)
            widest = v[i].n;
    int para_line = 0, gap = 0;
    const tline *prev = NULL;   /* the last line added to PARA */
    size_t prev_sn = 0;         /* its length without the blanks before it (a
                                 * centred title in -layout text is short) */
    for (size_t i = 0; i < count; i++) {
        const tline *l = &v[i];
        if (l->blank || is_page_number(l)) {
            gap = 1;
            continue;
        }
        size_t end = i;
        int t = 0, header = is_header_start(l), raw = !header && is_alone(l, STT);
        int plain = !header && (pdf_plain_head(&pv[i]) || pdf_plain_bare(pv, count, i));   /* plain pdftotext: pdf_plain.c */
        if ((header || raw || plain) && para.len) {
            /* a table header never continues a paragraph */
            if (buf_failed(&para))
                goto toobig;
            if (!doc_add_para(d, para.ptr, para_line) && d->n >= DOC_MAX_BLOCKS)
                goto toobig;
            buf_reset(&para);
        }
        if (header)
            t = layout_table(d, v, count, i, &end);
        else if (raw)
            t = raw_table(d, v, count, i, &end);
        if (!t && plain)
            t = pdf_plain_table(d, pv, count, i, &end);
        if (t < 0)
            goto fail;
        if (t > 0) {
            prev = NULL;
            gap = 0;
            i = end - 1;
            continue;
        }
        const char *s = skip_blank(l->s, l->s + l->n);
        size_t sn = (size_t)(l->s + l->n - s);
        int cont = 0;
        if (prev && para.len) {
            int ended = ends_sentence(prev->s, prev->n);
            if (gap)
                cont = !ended && starts_lower(l) && !starts_item(l);
            else
                cont = !starts_item(l) && !(ended && (starts_upper_or_digit(s, s + sn) || note_start(s, s + sn))) &&
                       !all_caps(prev->s, prev->n) &&
                       !(all_caps(s, sn) && !all_caps(prev->s, prev->n)) &&
                       !(prev_sn * 10 < widest * 6 && starts_upper_or_digit(s, s + sn) && !starts_lower(l));
        }
        if (!cont && para.len) {
            if (buf_failed(&para))
                goto toobig;
            if (!doc_add_para(d, para.ptr, para_line) && d->n >= DOC_MAX_BLOCKS)
                goto toobig;
            buf_reset(&para);
        }
        if (!para.len)
            para_line = l->no;
        append(&para, s, sn, 0);
        prev = l;
        prev_sn = sn;
        gap = 0;
    }
    if (para.len) {
        if (buf_failed(&para))
            goto toobig;
        if (!doc_add_para(d, para.ptr, para_line) && d->n >= DOC_MAX_BLOCKS)
            goto toobig;
    }
    buf_release(&para);
    free(v);
    free(pv);
    *out = d;
    return DTI_OK;
toobig:
    rc = DTI_ERR_TOOBIG;
    dti_fail(e, rc, name, "%s: tài liệu quá lớn (đoạn hoặc bảng vượt giới hạn)",
             "%s: document too large (a paragraph or table over the limit)", name);
    goto out;
fail:
    dti_fail(e, rc, name, "%s: hết bộ nhớ khi đọc", "%s: out of memory while reading", name);
out:
    buf_release(&para);
    free(v);
    free(pv);
    doc_free(d);
    return rc;
}

const reader_ops reader_text = {"text", sniff, rd};
