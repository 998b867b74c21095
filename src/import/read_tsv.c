/* read_tsv.c — text whose tables are tab-separated rows with HTML in cells.
 *
 * This is what comes out when a Word plan is copied as text by some
 * converters: prose paragraphs keep Markdown-ish markers (**bold**, leading
 * #s for headings), and every table row is one line with its cells separated
 * by tabs; a cell may hold HTML (<p>, <br>, <ul><li>, <b>, entities).
 *
 * Lines are read one at a time:
 *   - a line with a tab is a table row; consecutive rows form one table, a
 *     row with fewer cells is padded. A cell that starts with '"' and is not
 *     closed on its line is an Excel-style quoted cell spanning lines.
 *   - blank lines and page-number lines between rows end a table fragment;
 *     the next fragment, when only such lines stand between, is a new
 *     doc_table with `continued` set (a page break in the source), widened to
 *     the width of the table it continues; a repeat of the first fragment's
 *     header row at its top is dropped.
 *   - any other line is a paragraph: leading #s give the heading level, a
 *     line wholly in **…** is bold, the markers are removed. A paragraph cut
 *     by a page break or hard-wrapped (no sentence end, the next line starts
 *     in lower case, after up to three blank lines or none) is joined to the
 *     one before.
 * Cell HTML goes through libxml2's HTML parser (no network, errors silenced,
 * recover mode): <p>, <div>, <br>, <li>, <tr>, headings become paragraph
 * breaks ('\n'), a list item gets "- " unless it already starts with a
 * marker, other tags are dropped, a cell all in <b>/<strong> is bold. */
#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <utf8proc.h>
#include "base/buf.h"
#include "base/lang.h"
#include "base/text.h"
#include "import/reader.h"

#define TSV_MAX_QUOTED_LINES 200   /* lines one quoted cell may span */
#define TSV_MAX_HTML_DEPTH   64    /* nesting followed when flattening cell HTML */
#define TSV_SNIFF_LINES      2000  /* lines looked at by sniff() */

/* ---- small text helpers ---- */

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\r\f\v", s[i]))
            return 0;
    return 1;
}

/* A line that only holds a page number ("12", "- 12 -", "Trang 12"). */
static int is_page_number(const char *s, size_t n)
{
    size_t i = 0, digits = 0;
    while (i < n && strchr(" \t\r\f-", s[i]))
        i++;
    if (n - i >= 5 && (memcmp(s + i, "Trang", 5) == 0 || memcmp(s + i, "trang", 5) == 0))
        i += 5;
    while (i < n && s[i] == ' ')
        i++;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++, digits++;
    while (i < n && strchr(" \t\r\f-", s[i]))
        i++;
    return i == n && digits >= 1 && digits <= 4;
}

/* First code point of S; 0 at the end. */
static utf8proc_int32_t first_cp(const char *s)
{
    utf8proc_int32_t c = 0;
    if (*s && utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &c) < 0)
        c = 0;
    return c;
}

static int starts_lower(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return utf8proc_category(first_cp(s)) == UTF8PROC_CATEGORY_LL;
}

/* "a) …", "b. …", "đ) …": a lettered item of a list, never a wrapped line. */
static int letter_item(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t k = 1;
    if ((unsigned char)s[0] == 0xC4 && (unsigned char)s[1] == 0x91)   /* đ */
        k = 2;
    else if (!(s[0] >= 'a' && s[0] <= 'z'))
        return 0;
    return (s[k] == ')' || s[k] == '.') && (s[k + 1] == ' ' || s[k + 1] == 0);
}

/* The text ends a sentence (or a clause that ends a paragraph). */
static int ends_sentence(const char *s)
{
    size_t n = strlen(s);
    while (n && strchr(" \t\r*", s[n - 1]))
        n--;
    return n == 0 || strchr(".;:!?)\"", s[n - 1]) != NULL;
}

/* Remove every "**" from S in place. */
static void strip_stars(char *s)
{
    char *w = s;
    for (const char *r = s; *r;) {
        if (r[0] == '*' && r[1] == '*') {
            r += 2;
            continue;
        }
        *w++ = *r++;
    }
    *w = 0;
}

/* S (trimmed) is wholly wrapped in ** … **. */
static int all_bold_md(const char *s)
{
    size_t n = strlen(s);
    if (n < 5 || memcmp(s, "**", 2) != 0 || memcmp(s + n - 2, "**", 2) != 0)
        return 0;
    /* "**a** and **b**" is not wholly bold */
    const char *inner = strstr(s + 2, "**");
    return inner == s + n - 2;
}

/* ---- HTML in cells ---- */

typedef struct flat {
    buf out;
    size_t bold_chars, plain_chars;
} flat;

static int is_break_tag(const char *name)
{
    static const char *const tags[] = {"p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2",
                                       "h3", "h4", "h5", "h6", "blockquote", "dd", "dt", NULL};
    for (size_t i = 0; tags[i]; i++)
        if (strcmp(name, tags[i]) == 0)
            return 1;
    return 0;
}

static void flat_text(flat *f, const char *s, int bold)
{
    for (const char *p = s; *p; p++) {
        char c = *p;
        if (c == '\n' || c == '\r' || c == '\t')
            c = ' ';
        buf_addc(&f->out, c);
        if (c != ' ') {
            if (bold)
                f->bold_chars++;
            else
                f->plain_chars++;
        }
    }
}

static void flat_break(flat *f)
{
    if (f->out.len && f->out.ptr[f->out.len - 1] != '\n')
        buf_addc(&f->out, '\n');
}

/* The list item text at S already starts with a marker of its own. */
static int has_marker(const char *s)
{
    while (*s == ' ')
        s++;
    if ((s[0] == '-' || s[0] == '+' || s[0] == '*') && s[1] == ' ')
        return 1;
    return strncmp(s, "\xe2\x80\xa2", 3) == 0 || strncmp(s, "\xe2\x80\x93 ", 4) == 0; /* • – */
}

static void flatten(flat *f, xmlNode *n, int bold, int depth)
{
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content)
                flat_text(f, (const char *)n->content, bold);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE || !n->name)
            continue;
        const char *name = (const char *)n->name;
        if (strcmp(name, "script") == 0 || strcmp(name, "style") == 0)
            continue;
        int b = bold || strcmp(name, "b") == 0 || strcmp(name, "strong") == 0;
        int brk = is_break_tag(name);
        if (brk)
            flat_break(f);
        if (strcmp(name, "li") == 0) {
            size_t at = f->out.len;
            if (depth < TSV_MAX_HTML_DEPTH)
                flatten(f, n->children, b, depth + 1);
            if (!buf_failed(&f->out) && f->out.len > at && !has_marker(f->out.ptr + at)) {
                /* insert "- " at AT: append two bytes, shift the item right */
                buf_add(&f->out, "  ", 2);
                if (!buf_failed(&f->out)) {
                    memmove(f->out.ptr + at + 2, f->out.ptr + at, f->out.len - at - 2);
                    memcpy(f->out.ptr + at, "- ", 2);
                }
            }
        } else if (depth < TSV_MAX_HTML_DEPTH) {
            flatten(f, n->children, b, depth + 1);
        }
        if (brk)
            flat_break(f);
    }
}

/* The cell text holds HTML: a tag ("<p", "</", "<br") or an entity ("&amp;", "&#39;"). */
static int looks_html(const char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] == '<' && (s[i + 1] == '/' || s[i + 1] == '!' ||
                            (s[i + 1] >= 'a' && s[i + 1] <= 'z') || (s[i + 1] >= 'A' && s[i + 1] <= 'Z')))
            return 1;
        if (s[i] == '&') {
            size_t j = i + 1;
            if (s[j] == '#')
                j++;
            size_t k = j;
            while (k < n && k - j < 10 && ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') ||
                                          (s[k] >= '0' && s[k] <= '9')))
                k++;
            if (k > j && k < n && s[k] == ';')
                return 1;
        }
    }
    return 0;
}

/* Turn one cell's source (S, N bytes) into doc text: paragraphs separated
 * by '\n', markup removed. *BOLD tells whether the whole cell is bold.
 * Returns a new string or NULL (out of memory, or over DOC_MAX_CELL). */
static char *cell_text(const char *s, size_t n, int *bold)
{
    *bold = 0;
    flat f = {.bold_chars = 0, .plain_chars = 0};
    buf_init(&f.out, DOC_MAX_CELL);
    if (n > DOC_MAX_CELL)
        return NULL;
    if (looks_html(s, n)) {
        htmlDocPtr h = htmlReadMemory(s, (int)n, NULL, "UTF-8",
                                      HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                          HTML_PARSE_RECOVER);
        if (h) {
            flatten(&f, xmlDocGetRootElement(h), 0, 0);
            xmlFreeDoc(h);
        }
        *bold = f.bold_chars > 0 && f.plain_chars == 0;
    } else {
        for (size_t i = 0; i < n; i++)
            buf_addc(&f.out, s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
    }
    char *t = buf_detach(&f.out);
    if (!t)
        return NULL;
    char *tt = text_trim(t, "");
    if (all_bold_md(tt))
        *bold = 1;
    strip_stars(t);
    if (tt != t)
        memmove(t, tt, strlen(tt) + 1);
    return t;
}

/* ---- lines and fields ---- */

typedef struct cursor {
    const char *p, *end;
    int line;           /* number of the line at p, 1-based */
} cursor;

/* Next line [*s, *s + *n) without its end of line; 0 at the end of input. */
static int next_line(cursor *c, const char **s, size_t *n)
{
    if (c->p >= c->end)
        return 0;
    const char *q = c->p;
    while (q < c->end && *q != '\n' && *q != '\r')
        q++;
    *s = c->p;
    *n = (size_t)(q - c->p);
    if (q < c->end && *q == '\r')
        q++;
    if (q < c->end && *q == '\n' && (q == c->p || q[-1] != '\n'))
        q++;
    c->p = q;
    c->line++;
    return 1;
}

typedef struct row {
    char *cell[DOC_MAX_COLS];
    int bold[DOC_MAX_COLS];
    size_t n;
} row;

static void row_release(row *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->cell[i]);
    r->n = 0;
}

/* Split the row starting at LINE (N bytes) into cells; a quoted cell may
 * pull further lines from C. Returns DTI_OK or an error code. */
static dti_rc split_row(cursor *c, const char *line, size_t n, row *r)
{
    const char *p = line, *end = line + n;
    r->n = 0;
    for (;;) {
        if (r->n >= DOC_MAX_COLS)
            return DTI_ERR_TOOBIG;
        const char *fs = p, *fe;
        char *raw = NULL;
        size_t rawn = 0;
        if (p < end && *p == '"') {
            /* Excel-style quoted cell: "" is a quote; may span lines */
            buf q;
            buf_init(&q, DOC_MAX_CELL);
            const char *s = p + 1, *e = end;
            cursor save = *c;
            int lines = 0, closed = 0;
            for (;;) {
                const char *k = s;
                while (k < e) {
                    if (*k == '"' && k + 1 < e && k[1] == '"') {
                        buf_addc(&q, '"');
                        k += 2;
                        continue;
                    }
                    if (*k == '"')
                        break;
                    buf_addc(&q, *k++);
                }
                if (k < e && (k + 1 == e || k[1] == '\t')) {
                    closed = 1;
                    p = k + 1;
                    end = e;
                    break;
                }
                if (k < e) /* a quote in the middle: not a quoted cell */
                    break;
                const char *ns;
                size_t nn;
                if (++lines > TSV_MAX_QUOTED_LINES || !next_line(c, &ns, &nn))
                    break;
                buf_addc(&q, '\n');
                s = ns;
                e = ns + nn;
            }
            if (closed && !buf_failed(&q)) {
                raw = buf_detach(&q);
                if (!raw)
                    return DTI_ERR_NOMEM;
                rawn = strlen(raw);
            } else {
                buf_release(&q);
                *c = save;
            }
        }
        if (!raw) {
            fe = memchr(p, '\t', (size_t)(end - p));
            if (!fe)
                fe = end;
            if ((size_t)(fe - fs) > DOC_MAX_CELL)
                return DTI_ERR_TOOBIG;
            r->cell[r->n] = cell_text(fs, (size_t)(fe - fs), &r->bold[r->n]);
            p = fe;
        } else {
            /* a quoted cell: its line breaks are paragraph breaks */
            char *t = cell_text(raw, rawn, &r->bold[r->n]);
            if (t && !looks_html(raw, rawn)) {
                free(t);
                t = text_dup(raw);
                if (t)
                    strip_stars(t);
            }
            free(raw);
            r->cell[r->n] = t;
        }
        if (!r->cell[r->n])
            return DTI_ERR_NOMEM;
        r->n++;
        if (p >= end)
            break;
        p++; /* the tab */
    }
    /* trailing empty cells do not count towards the width */
    while (r->n > 1 && !*r->cell[r->n - 1]) {
        free(r->cell[--r->n]);
    }
    return DTI_OK;
}

/* Number of non-blank tab-separated fields of S (N bytes); 0 without a tab. */
static int filled_fields(const char *s, size_t n)
{
    if (!memchr(s, '\t', n))
        return 0;
    int filled = 0;
    const char *p = s, *end = s + n;
    for (;;) {
        const char *t = memchr(p, '\t', (size_t)(end - p));
        const char *fe = t ? t : end;
        if (!is_blank(p, (size_t)(fe - p)))
            filled++;
        if (!t)
            break;
        p = t + 1;
    }
    return filled;
}

static int rows_fold_equal(doc_table *t, size_t r0, const row *r)
{
    size_t nonempty = 0;
    for (size_t c = 0; c < t->ncols; c++) {
        const char *a = t->cells[r0 * t->ncols + c].text;
        const char *b = c < r->n ? r->cell[c] : "";
        if (!text_fold_eq(a, b))
            return 0;
        nonempty += *a != 0;
    }
    return nonempty >= 2;
}

/* The next non-blank line after C is a table row of two cells or more. */
static int next_is_row(const cursor *c)
{
    cursor k = *c;
    const char *s;
    size_t n;
    while (next_line(&k, &s, &n))
        if (!is_blank(s, n))
            return filled_fields(s, n) >= 2;
    return 0;
}

/* ---- paragraphs ---- */

/* Add the paragraph line S (N bytes). JOIN: append it to the previous
 * paragraph (a paragraph cut by a page break). */
static dti_rc add_para(doc *d, const char *s, size_t n, int line, int join)
{
    dti_rc rc = DTI_ERR_NOMEM;
    char *t = text_clean_n(s, n);
    char *html = NULL;
    if (!t)
        goto out;
    int heading = 0, bold = 0;
    char *p = t;
    while (*p == '#' && heading < 7)
        p++, heading++;
    if (heading && heading <= 6 && (*p == ' ' || !*p)) {
        while (*p == ' ')
            p++;
    } else {
        p = t;
        heading = 0;
    }
    if (all_bold_md(p))
        bold = 1;
    strip_stars(p);
    /* a line wholly in *italics* */
    size_t pn = strlen(p);
    if (pn >= 3 && p[0] == '*' && p[1] != ' ' && p[pn - 1] == '*') {
        p[pn - 1] = 0;
        p++;
    }
    if (looks_html(p, strlen(p))) {
        int b;
        html = cell_text(p, strlen(p), &b);
        if (!html)
            goto out;
        bold |= b;
        p = html;
    }
    if (join && d->n && d->blocks[d->n - 1].kind == DOC_PARA) {
        doc_block *prev = &d->blocks[d->n - 1];
        buf b;
        buf_init(&b, BUF_DEFAULT_MAX);
        buf_printf(&b, "%s %s", prev->text, p);
        char *j = buf_detach(&b);
        char *c = j ? text_clean(j) : NULL;
        free(j);
        if (!c)
            goto out;
        free(prev->text);
        prev->text = c;
        rc = DTI_OK;
        goto out;
    }
    /* HTML may have made several paragraphs */
    for (char *q = p; *q;) {
        char *nl = strchr(q, '\n');
        size_t len = nl ? (size_t)(nl - q) : strlen(q);
        char *c = text_clean_n(q, len);
        if (!c)
            goto out;
        if (*c) {
            if (d->n >= DOC_MAX_BLOCKS) {
                free(c);
                rc = DTI_ERR_TOOBIG;
                goto out;
            }
            doc_block *blk = doc_add_para(d, c, line);
            free(c);
            if (!blk)
                goto out;
            blk->bold = bold;
            blk->heading = heading;
        } else {
            free(c);
        }
        q += len;
        if (*q == '\n')
            q++;
    }
    rc = DTI_OK;
out:
    free(html);
    free(t);
    return rc;
}

/* ---- the reader ---- */

static int sniff(const char *data, size_t n, const char *filename)
{
    (void)filename;
    cursor c = {data, data + n, 0};
    const char *s;
    size_t len;
    int rows = 0, html = 0, pipes = 0;
    while (c.line < TSV_SNIFF_LINES && next_line(&c, &s, &len)) {
        if (len >= 3 && (s[0] == '|' || (s[0] == ' ' && memchr(s, '|', len))) && memchr(s, '-', len)) {
            /* a GFM separator row: | --- | :--: | */
            size_t k = 0, bad = 0;
            for (size_t i = 0; i < len; i++)
                if (strchr("|-: \t", s[i]))
                    k++;
                else
                    bad++;
            if (!bad && k >= 3)
                pipes++;
        }
        if (filled_fields(s, len) >= 2) {
            rows++;
            if (looks_html(s, len))
                html++;
        }
    }
    if (rows == 0)
        return 0;
    int score = rows >= 3 ? 80 : 30;
    if (html)
        score += rows >= 3 ? 15 : 20;
    if (pipes)
        score = score > 30 ? 30 : score;
    return score;
}

static dti_rc rd(const char *data, size_t n, const char *name, doc **out, dti_err *e)
{
    dti_rc rc = DTI_ERR_NOMEM;
    int told = 0;               /* E already says what is wrong */
    *out = NULL;
    doc *d = doc_new(name);
    row r = {.n = 0};
    if (!d)
        goto fail;
    cursor c = {data, data + n, 0};
    doc_table *t = NULL;        /* the table rows are being added to */
    size_t chain_first = 0;     /* block index of the first fragment of T's chain */
    int gap = 0;                /* blank or page-number lines since the last row */
    int para_gap = 0;           /* blank lines since the last paragraph */
    int last_para_ended = 1;    /* the last paragraph ended a sentence */
    const char *s;
    size_t len;
    while (next_line(&c, &s, &len)) {
        int line = c.line;
        if (is_blank(s, len) || (t && is_page_number(s, len))) {
            if (t)
                gap = 1;
            para_gap++;
            continue;
        }
        int filled = filled_fields(s, len);
        if (filled < 2 && !(filled == 1 && (t || next_is_row(&c)))) {
            t = NULL;
            gap = 0;
            /* never after a bold heading, nor for a lettered item "a) …", "đ) …" */
            /* a line right under the one before (no blank line) is the same
             * paragraph hard-wrapped, as PDF-origin text has it */
            int join = !last_para_ended && para_gap <= 3 && starts_lower(s) && !letter_item(s) &&
                       d->n && d->blocks[d->n - 1].kind == DOC_PARA && !d->blocks[d->n - 1].heading &&
                       !d->blocks[d->n - 1].bold;
            rc = add_para(d, s, len, line, join);
            if (rc)
                goto fail;
            if (d->n && d->blocks[d->n - 1].kind == DOC_PARA)
                last_para_ended = ends_sentence(d->blocks[d->n - 1].text) || d->blocks[d->n - 1].heading;
            para_gap = 0;
            continue;
        }
        para_gap = 0;
        last_para_ended = 1;
        rc = split_row(&c, s, len, &r);
        if (rc) {
            if (rc == DTI_ERR_TOOBIG)
                dti_fail(e, rc, name, "%s, dòng %d: hàng bảng quá lớn (tối đa %d cột, %d byte mỗi ô)",
                         "%s, line %d: table row too large (at most %d columns, %d bytes a cell)", name, line,
                         DOC_MAX_COLS, DOC_MAX_CELL);
            told = rc == DTI_ERR_TOOBIG;
            goto fail;
        }
        if (t && gap) {
            /* a new fragment after a page break: drop a repeated header */
            doc_table *first = d->blocks[chain_first].table;
            if (first->nrows && rows_fold_equal(first, 0, &r)) {
                row_release(&r);
                continue;
            }
        }
        if (!t || gap) {
            size_t width = r.n;
            int continued = t != NULL;
            if (continued && d->blocks[chain_first].table->ncols > width)
                width = d->blocks[chain_first].table->ncols;
            if (d->n >= DOC_MAX_BLOCKS) {
                rc = DTI_ERR_TOOBIG;
                dti_fail(e, rc, name, "%s: quá nhiều đoạn và bảng (tối đa %d)",
                         "%s: too many paragraphs and tables (at most %d)", name, DOC_MAX_BLOCKS);
                told = 1;
                goto fail;
            }
            t = doc_add_table(d, 0, width, line);
            if (!t)
                goto fail;
            t->continued = continued;
            if (!continued)
                chain_first = d->n - 1;
            gap = 0;
        }
        if (r.n > t->ncols) {
            /* widen the whole chain so its fragments keep one width */
            for (size_t i = chain_first; i < d->n; i++)
                if (d->blocks[i].kind == DOC_TABLE && doc_table_widen(d->blocks[i].table, r.n))
                    goto fail;
        }
        if (t->nrows >= DOC_MAX_ROWS) {
            rc = DTI_ERR_TOOBIG;
            dti_fail(e, rc, name, "%s, dòng %d: bảng quá nhiều hàng (tối đa %d)",
                     "%s, line %d: too many table rows (at most %d)", name, line, DOC_MAX_ROWS);
            told = 1;
            goto fail;
        }
        long ri = doc_table_add_row(t);
        if (ri < 0)
            goto fail;
        for (size_t k = 0; k < r.n; k++) {
            if (doc_cell_set(t, (size_t)ri, k, r.cell[k]))
                goto fail;
            t->cells[(size_t)ri * t->ncols + k].bold = r.bold[k] && *r.cell[k];
        }
        row_release(&r);
    }
    *out = d;
    return DTI_OK;
fail:
    row_release(&r);
    doc_free(d);
    if (rc == DTI_OK || rc == DTI_ERR_NOMEM) {
        rc = DTI_ERR_NOMEM;
        dti_fail(e, rc, name, "%s: hết bộ nhớ khi đọc", "%s: out of memory while reading", name);
    } else if (!told) {
        dti_fail(e, rc, name, "%s: tài liệu quá lớn", "%s: document too large", name);
    }
    return rc;
}

const reader_ops reader_tsv = {"tsv", sniff, rd};
