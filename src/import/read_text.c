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
 * ("1", "1.1", "2.3.", "I", "II.", "a)"). Every other line up to the end of
 * the table is a wrapped continuation whose chunks go to the cells of the
 * current row by column. Column positions are found per page (pdftotext
 * shifts and scales them from page to page): the starts of chunks are
 * counted over the page's table lines and positions used by several lines
 * become columns, in order. Page-number lines and a header repeated on a
 * new page are dropped; the table ends at a line at the left edge that is not
 * a row. With fewer than two rows or three columns it is left as paragraphs.
 *
 * Tables in plain `pdftotext` text (no -layout). Cells come one per line or
 * wrapped over several lines. A header is a line "STT"/"TT" followed by lines
 * starting header words (Nội dung, Chỉ tiêu, Đơn vị chủ trì, Thời gian …);
 * rows start at lines that are only a row code, and a line starting with a
 * capital letter starts the next cell. Where a row has more cells than the
 * header, the whole region stays paragraphs: a wrong table is worse than
 * none. */
#include <string.h>
#include <utf8proc.h>
#include "base/buf.h"
#include "base/text.h"
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

/* Emit G as a table; 0 or -1 (out of memory or over a limit). */
static int grid_emit(doc *d, grid *g, int line)
{
    doc_table *t = doc_add_table(d, g->rows, g->ncols, line);
    if (!t)
        return -1;
    for (size_t r = 0; r < g->rows; r++)
        for (size_t c = 0; c < g->ncols; c++) {
            buf *b = &g->b[r * g->ncols + c];
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

/* Column starts of one page of a table: positions where chunks start on
 * several lines. Returns how many (at most DOC_MAX_COLS). */
static size_t page_columns(const tline *v, size_t from, size_t to, int left, int *cols)
{
    static const int tol = 2;
    int hist[TEXT_MAX_WIDTH] = {0};
    size_t lines = 0;
    for (size_t i = from; i < to; i++) {
        if (v[i].blank || is_page_number(&v[i]))
            continue;
        chunk ch[TEXT_MAX_CHUNKS];
        size_t k = chunks_of(&v[i], ch, TEXT_MAX_CHUNKS);
        for (size_t j = 0; j < k; j++)
            if (ch[j].col < TEXT_MAX_WIDTH)
                hist[ch[j].col]++;
        lines++;
    }
    int need = lines >= 20 ? (int)(lines / 10) : 2;
    if (lines < 4)
        need = 1;
    /* the code column is always the first; the codes alone are too few to count */
    size_t n = 0;
    cols[n++] = left;
    int x = left + tol + 1;
    while (x < TEXT_MAX_WIDTH && n < DOC_MAX_COLS) {
        if (!hist[x]) {
            x++;
            continue;
        }
        /* a cluster: positions with counts, gaps of at most TOL */
        int start = x, sum = 0, last = x;
        while (x < TEXT_MAX_WIDTH && x <= last + tol) {
            if (hist[x]) {
                sum += hist[x];
                last = x;
            }
            x++;
        }
        if (sum >= need)
            cols[n++] = start;
    }
    return n;
}

/* pdftotext sometimes leaves one space only between two columns: split a
 * chunk where a word with a capital or a digit starts at a later column's
 * position (two columns of slack: positions drift with proportional fonts). Returns the new number of chunks in CH. */
static size_t split_at_columns(chunk *ch, size_t k, const int *cols, size_t ncols)
{
    chunk out[TEXT_MAX_CHUNKS];
    size_t m = 0;
    for (size_t j = 0; j < k && m < TEXT_MAX_CHUNKS; j++) {
        chunk c = ch[j];
        const char *p = c.s, *e = c.s + c.n;
        int col = c.col;
        while (p < e) {
            if (((unsigned char)*p & 0xC0) != 0x80)
                col++;
            p++;
            if (p < e && p[-1] == ' ') {
                int hit = 0;
                for (size_t i = 0; i < ncols; i++)
                    if (cols[i] > c.col + 2 && col >= cols[i] - 2 && col <= cols[i] + 2)
                        hit = 1;
                /* a cell starts with a capital or a digit ("Các phòng", "Tháng 12") */
                if (hit && starts_upper_or_digit(p, e) && m + 1 < TEXT_MAX_CHUNKS) {
                    out[m].s = c.s;
                    out[m].n = (size_t)(p - 1 - c.s);
                    out[m].col = c.col;
                    m++;
                    c.s = p;
                    c.n = (size_t)(e - p);
                    c.col = col;
                }
            }
        }
        out[m++] = c;
    }
    memcpy(ch, out, m * sizeof *out);
    return m;
}

static size_t column_of(const int *cols, size_t n, int col)
{
    size_t best = 0;
    for (size_t i = 0; i < n; i++)
        if (cols[i] <= col + 2)
            best = i;
    return best;
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
    /* the region: rows, continuations, blanks, page numbers, repeated
     * headers, and lone words at the left edge of a page before its first
     * row (a cell's tail that pdftotext put at the page's left edge) */
    size_t rows = 0;
    int page = v[first_row].page, page_has_row = 1;
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
        if (is_code_line(l, left)) {
            rows++;
            page_has_row = 1;
        } else if (l->indent <= left + 1 && !(l->page != v[h].page && is_header_line(v, h, first_row, l)) &&
                   !(!page_has_row && l->n <= 40 && lone_chunk(l))) {
            break;
        }
        i++;
    }
    size_t stop = i;
    while (stop > first_row && (v[stop - 1].blank || is_page_number(&v[stop - 1])))
        stop--;
    if (rows < 2)
        return 0;
    /* columns per page; the widest page gives the width */
    size_t ncols = 0;
    int cols[64][DOC_MAX_COLS];
    size_t ncol_page[64];
    int page0 = v[h].page;
    int pages = v[stop - 1].page - page0 + 1;
    if (pages > 64)
        pages = 64;
    for (int p = 0; p < pages; p++) {
        size_t a = h, b;
        while (a < stop && v[a].page < page0 + p)
            a++;
        b = a;
        while (b < stop && (v[b].page == page0 + p || p == pages - 1))
            b++;
        ncol_page[p] = page_columns(v, a, b, left, cols[p]);
        if (ncol_page[p] > ncols)
            ncols = ncol_page[p];
    }
    if (ncols < 3)
        return 0;
    g.ncols = ncols;
    /* the header row */
    buf *row = grid_add_row(&g);
    if (!row)
        goto out;
    int in_header = 1;
    size_t last_col = 0;
    for (i = h; i < stop; i++) {
        const tline *l = &v[i];
        if (l->blank || is_page_number(l))
            continue;
        int p = l->page - page0 < 64 ? l->page - page0 : 63;
        int code = is_code_line(l, left);
        if (code) {
            in_header = 0;
            row = grid_add_row(&g);
            if (!row)
                goto out;
        } else if (!in_header && l->page != v[h].page && is_header_line(v, h, first_row, l)) {
            continue; /* a header repeated on a new page */
        }
        chunk ch[TEXT_MAX_CHUNKS];
        size_t k = chunks_of(l, ch, TEXT_MAX_CHUNKS);
        if (!code && !in_header && l->indent <= left + 1) {
            /* a lone word at the left edge of a page: the cell it continues */
            for (size_t j = 0; j < k; j++)
                append(&row[last_col], ch[j].s, ch[j].n, 0);
            continue;
        }
        k = split_at_columns(ch, k, cols[p], ncol_page[p]);
        for (size_t j = 0; j < k; j++) {
            size_t c = column_of(cols[p], ncol_page[p], ch[j].col);
            const char *s = ch[j].s;
            /* "- " after a clause end is a list item; else it may be a
             * wrapped "Văn hóa - Xã hội" */
            int item = ch[j].n > 2 && (s[0] == '-' || s[0] == '+') && s[1] == ' ' && row[c].len &&
                       strchr(".;:", row[c].ptr[row[c].len - 1]);
            append(&row[c], s, ch[j].n, item);
            last_col = c;
        }
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
    while (i < count && (v[i].blank || is_header_word(&v[i]) || (cells && !is_code_alone(&v[i]) && starts_lower(&v[i])))) {
        if (!v[i].blank && is_header_word(&v[i]))
            cells++;
        i++;
    }
    *next = i;
    return cells;
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
        if (is_header_word(&v[k]) && c < hc)
            c++;
        append(&row[c], v[k].s, v[k].n, 0);
    }
    size_t rows = 0;
    while (i < count) {
        const tline *l = &v[i];
        if (l->blank || is_page_number(l)) {
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
        append(&row[0], skip_blank(l->s, l->s + l->n), (size_t)(l->s + l->n - skip_blank(l->s, l->s + l->n)), 0);
        c = 0;
        for (i++; i < count; i++) {
            const tline *m = &v[i];
            if (m->blank || is_page_number(m))
                continue;
            if (is_code_alone(m) || raw_header(v, count, i, &nx) == hc)
                break;
            if (all_caps(m->s, m->n) && m->n > 12)
                break;
            if (c == 0 || (starts_upper_or_digit(m->s, m->s + m->n) &&
                           !(cat_at(m->s, m->s + m->n) == UTF8PROC_CATEGORY_ND && wants_number(&row[c])))) {
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

static dti_rc rd(const char *data, size_t n, const char *name, doc **out, dti_err *e)
{
    dti_rc rc = DTI_ERR_NOMEM;
    *out = NULL;
    tline *v = NULL;
    size_t count = 0;
    buf para;
    buf_init(&para, DOC_MAX_CELL);
    doc *d = doc_new(name);
    if (!d || split_lines(data, n, &v, &count))
        goto fail;
    /* the usual width of a full line, to tell a short last line */
    size_t widest = 0;
    for (size_t i = 0; i < count; i++)
        if (!v[i].blank && v[i].n > widest && v[i].n < 400)
            widest = v[i].n;
    int para_line = 0, gap = 0;
    const tline *prev = NULL;   /* the last line added to PARA */
    for (size_t i = 0; i < count; i++) {
        const tline *l = &v[i];
        if (l->blank || is_page_number(l)) {
            gap = 1;
            continue;
        }
        size_t end = i;
        int t = 0, header = is_header_start(l), raw = !header && is_alone(l, STT);
        if ((header || raw) && para.len) {
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
                cont = !starts_item(l) && !(ended && starts_upper_or_digit(s, s + sn)) &&
                       !all_caps(prev->s, prev->n) &&
                       !(all_caps(s, sn) && !all_caps(prev->s, prev->n)) &&
                       !(prev->n * 10 < widest * 6 && starts_upper_or_digit(s, s + sn) && !starts_lower(l));
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
    doc_free(d);
    return rc;
}

const reader_ops reader_text = {"text", sniff, rd};
