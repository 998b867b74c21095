/* read_md.c — Markdown (CommonMark + GFM pipe tables) into a doc, with md4c.
 *
 * md4c calls back on entering and leaving blocks and spans and for each run
 * of text; this file keeps a small state machine over those callbacks:
 *   - paragraph-like blocks (P, H1..H6, a tight list item's own text) gather
 *     their text in `para`; on leaving they become doc paragraphs. A hard line
 *     break ("  \n") ends a doc paragraph too: title blocks such as
 *     "**KẾ HOẠCH**  \n**Chuyển đổi số xã …**" are separate lines in print.
 *   - a paragraph is bold when all its non-blank text sits inside ** **;
 *     headings keep their level; list items get "- " (bullets) or "N. "
 *     (ordered lists: md4c eats the number, the plan needs it back).
 *   - tables gather rows of cell strings; on leaving the table they become a
 *     doc_table (the header row first). "<br>" inside a cell is a paragraph
 *     break ('\n'); other inline HTML tags are dropped ("<p>", "</p>" and
 *     "<li>" also break paragraphs).
 *   - a table whose header row is all empty ("| | | |" over the delimiter
 *     row) is a fragment of the table before it, cut by a page break in the
 *     PDF → Markdown conversion: the empty row is dropped and the table is
 *     marked `continued`.
 * Entities (&amp;, &#7881;) are decoded. Source lines are found from the text
 * pointers md4c hands back (they point into the input).
 *
 * Limits: the doc's own (DOC_MAX_*); a cell or paragraph over DOC_MAX_CELL is
 * cut there (buf max). */
#include <md4c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "base/buf.h"
#include "base/lang.h"
#include "base/text.h"
#include "import/reader.h"

#define MD_MAX_LIST_DEPTH 32

typedef struct md_row {
    char **cell;
    size_t n;
    int bold_all;       /* every non-empty cell fully bold (unused today) */
} md_row;

typedef struct md_state {
    doc *d;
    const char *src;
    size_t srclen;
    /* line lookup cache */
    size_t line_off;
    int line_no;
    /* current paragraph */
    buf para;
    int para_line;
    int in_para;        /* inside P/H/LI text */
    int heading;
    size_t nonbold;     /* non-blank chars outside ** in the paragraph */
    size_t boldchars;
    int strong;         /* depth of STRONG spans */
    /* list items */
    int list_ordered[MD_MAX_LIST_DEPTH];
    unsigned list_next[MD_MAX_LIST_DEPTH];
    char list_delim[MD_MAX_LIST_DEPTH];
    int list_depth;
    char prefix[16];    /* marker waiting for the item's first paragraph */
    /* tables */
    int in_table;
    int in_cell;
    int in_html_block;  /* raw HTML block: keep its text, drop its tags */
    buf cell;
    md_row *rows;
    size_t nrows, caprows;
    md_row cur;
    size_t capcur;
    int table_line;
    int failed;
} md_state;

static int line_of(md_state *s, const char *p)
{
    if (!p || p < s->src || p > s->src + s->srclen)
        return 0;
    size_t off = (size_t)(p - s->src);
    if (off < s->line_off) {
        s->line_off = 0;
        s->line_no = 1;
    }
    for (size_t i = s->line_off; i < off; i++)
        if (s->src[i] == '\n')
            s->line_no++;
    s->line_off = off;
    return s->line_no;
}

/* Emit the gathered paragraph (if any text) as a doc paragraph. */
static void flush_para(md_state *s)
{
    if (s->failed)
        return;
    if (buf_failed(&s->para)) {
        s->failed = 1;
        return;
    }
    if (s->para.len) {
        buf b;
        buf_init(&b, DOC_MAX_CELL + 32);
        if (s->prefix[0])
            buf_adds(&b, s->prefix);
        buf_add(&b, s->para.ptr, s->para.len);
        char *t = buf_detach(&b);
        if (!t) {
            s->failed = 1;
            return;
        }
        char *c = text_clean(t);
        free(t);
        if (!c) {
            s->failed = 1;
            return;
        }
        if (*c && strcmp(c, "-") != 0) {
            doc_block *blk = doc_add_para(s->d, c, s->para_line);
            if (!blk)
                s->failed = 1;
            else {
                blk->heading = s->heading;
                blk->bold = s->boldchars > 0 && s->nonbold == 0;
            }
            s->prefix[0] = 0;
        }
        free(c);
    }
    buf_reset(&s->para);
    s->nonbold = s->boldchars = 0;
    s->para_line = 0;
}

static void row_push_cell(md_state *s)
{
    char *t = buf_detach(&s->cell);
    if (!t) {
        s->failed = 1;
        return;
    }
    if (s->cur.n == s->capcur) {
        size_t cap = s->capcur ? s->capcur * 2 : 16;
        char **v = realloc(s->cur.cell, cap * sizeof *v);
        if (!v) {
            free(t);
            s->failed = 1;
            return;
        }
        s->cur.cell = v;
        s->capcur = cap;
    }
    s->cur.cell[s->cur.n++] = t;
    buf_init(&s->cell, DOC_MAX_CELL);
}

static void table_push_row(md_state *s)
{
    if (s->nrows >= DOC_MAX_ROWS) {
        s->failed = 1;
        return;
    }
    if (s->nrows == s->caprows) {
        size_t cap = s->caprows ? s->caprows * 2 : 32;
        md_row *v = realloc(s->rows, cap * sizeof *v);
        if (!v) {
            s->failed = 1;
            return;
        }
        s->rows = v;
        s->caprows = cap;
    }
    s->rows[s->nrows++] = s->cur;
    memset(&s->cur, 0, sizeof s->cur);
    s->capcur = 0;
}

static void rows_free(md_state *s)
{
    for (size_t r = 0; r < s->nrows; r++) {
        for (size_t c = 0; c < s->rows[r].n; c++)
            free(s->rows[r].cell[c]);
        free(s->rows[r].cell);
    }
    free(s->rows);
    s->rows = NULL;
    s->nrows = s->caprows = 0;
    for (size_t c = 0; c < s->cur.n; c++)
        free(s->cur.cell[c]);
    free(s->cur.cell);
    memset(&s->cur, 0, sizeof s->cur);
    s->capcur = 0;
}

static int row_empty(const md_row *r)
{
    for (size_t c = 0; c < r->n; c++)
        for (const char *p = r->cell[c]; *p; p++)
            if (!strchr(" \t\n\r", *p))
                return 0;
    return 1;
}

/* A body row that repeats the delimiter ("| --- | --- |"): converter noise. */
static int row_is_rule(const md_row *r)
{
    int dash = 0;
    for (size_t c = 0; c < r->n; c++)
        for (const char *p = r->cell[c]; *p; p++) {
            if (*p == '-')
                dash = 1;
            else if (!strchr(": \t\n\r", *p))
                return 0;
        }
    return dash;
}

static void flush_table(md_state *s)
{
    if (s->failed || !s->nrows)
        goto out;
    size_t ncols = 0;
    for (size_t r = 0; r < s->nrows; r++)
        if (s->rows[r].n > ncols)
            ncols = s->rows[r].n;
    if (ncols > DOC_MAX_COLS)
        ncols = DOC_MAX_COLS;
    size_t first = 0;
    int continued = 0;
    if (row_empty(&s->rows[0])) {
        first = 1;
        continued = 1;
    }
    size_t keep = 0;
    for (size_t r = first; r < s->nrows; r++)
        keep += !row_is_rule(&s->rows[r]);
    doc_table *t = doc_add_table(s->d, keep, ncols, s->table_line);
    if (!t) {
        s->failed = 1;
        goto out;
    }
    t->continued = continued;
    size_t out_r = 0;
    for (size_t r = first; r < s->nrows; r++) {
        if (row_is_rule(&s->rows[r]))
            continue;
        for (size_t c = 0; c < s->rows[r].n && c < ncols; c++)
            if (doc_cell_set(t, out_r, c, s->rows[r].cell[c]) < 0) {
                s->failed = 1;
                goto out;
            }
        out_r++;
    }
out:
    rows_free(s);
}

/* Where text goes: the current cell or the current paragraph. */
static buf *sink(md_state *s)
{
    return s->in_cell ? &s->cell : &s->para;
}

static void add_text(md_state *s, const char *t, size_t n)
{
    buf *b = sink(s);
    buf_add(b, t, n);
    if (!s->in_cell) {
        for (size_t i = 0; i < n; i++)
            if (!strchr(" \t\n\r", t[i])) {
                if (s->strong)
                    s->boldchars++;
                else
                    s->nonbold++;
            }
    }
}

static void add_break(md_state *s)
{
    if (s->in_cell)
        buf_addc(&s->cell, '\n');
    else
        buf_addc(&s->para, ' ');
}

/* "&amp;" "&#7881;" "&#x1EC9;" → UTF-8 into B. */
static void add_entity(md_state *s, const char *t, size_t n)
{
    static const struct { const char *name; const char *text; } NAMED[] = {
        {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"},
        {"&nbsp;", " "}, {"&ndash;", "–"}, {"&mdash;", "—"}, {"&hellip;", "…"},
        {"&ldquo;", "“"}, {"&rdquo;", "”"}, {"&lsquo;", "‘"}, {"&rsquo;", "’"},
    };
    for (size_t i = 0; i < sizeof NAMED / sizeof *NAMED; i++)
        if (strlen(NAMED[i].name) == n && memcmp(NAMED[i].name, t, n) == 0) {
            add_text(s, NAMED[i].text, strlen(NAMED[i].text));
            return;
        }
    if (n >= 4 && t[1] == '#') {
        char tmp[16];
        size_t k = n - 3 < sizeof tmp - 1 ? n - 3 : sizeof tmp - 1;
        int hex = t[2] == 'x' || t[2] == 'X';
        memcpy(tmp, t + 2 + hex, k - hex);
        tmp[k - hex] = 0;
        char *end = NULL;
        long cp = strtol(tmp, &end, hex ? 16 : 10);
        if (end && *end == 0 && cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
            char u[4];
            size_t m;
            if (cp < 0x80) {
                u[0] = (char)cp;
                m = 1;
            } else if (cp < 0x800) {
                u[0] = (char)(0xC0 | (cp >> 6));
                u[1] = (char)(0x80 | (cp & 0x3F));
                m = 2;
            } else if (cp < 0x10000) {
                u[0] = (char)(0xE0 | (cp >> 12));
                u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
                u[2] = (char)(0x80 | (cp & 0x3F));
                m = 3;
            } else {
                u[0] = (char)(0xF0 | (cp >> 18));
                u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
                u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
                u[3] = (char)(0x80 | (cp & 0x3F));
                m = 4;
            }
            add_text(s, u, m);
            return;
        }
    }
    add_text(s, t, n);
}

/* Inline HTML: <br> and paragraph-ish tags break, the rest is dropped. */
static void add_html(md_state *s, const char *t, size_t n)
{
    char tag[16];
    size_t i = 1, k = 0;
    if (n < 3 || t[0] != '<')
        return;
    if (t[i] == '/')
        i++;
    while (i < n && k < sizeof tag - 1 && ((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z')))
        tag[k++] = (char)(t[i++] | 0x20);
    tag[k] = 0;
    if (!strcmp(tag, "br") || !strcmp(tag, "p") || !strcmp(tag, "li") || !strcmp(tag, "div")
        || !strcmp(tag, "ul") || !strcmp(tag, "ol"))
        add_break(s);
}

/* Text of a raw HTML block: tags dropped (block tags end a paragraph). */
static void add_html_text(md_state *s, const char *t, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (t[i] == '<') {
            size_t j = i;
            while (j < n && t[j] != '>')
                j++;
            add_html(s, t + i, j < n ? j - i + 1 : n - i);
            if (!s->in_cell && s->para.len && s->para.ptr[s->para.len - 1] == ' ')
                flush_para(s);
            i = j < n ? j + 1 : n;
            continue;
        }
        size_t j = i;
        while (j < n && t[j] != '<')
            j++;
        add_text(s, t + i, j - i);
        i = j;
    }
}

static int enter_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
    md_state *s = ud;
    switch (type) {
    case MD_BLOCK_P:
        flush_para(s);
        s->in_para = 1;
        s->heading = 0;
        break;
    case MD_BLOCK_H:
        flush_para(s);
        s->in_para = 1;
        s->heading = (int)((MD_BLOCK_H_DETAIL *)detail)->level;
        break;
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
        flush_para(s);
        if (s->list_depth < MD_MAX_LIST_DEPTH) {
            s->list_ordered[s->list_depth] = type == MD_BLOCK_OL;
            s->list_next[s->list_depth] = type == MD_BLOCK_OL ? ((MD_BLOCK_OL_DETAIL *)detail)->start : 0;
            s->list_delim[s->list_depth] = type == MD_BLOCK_OL ? ((MD_BLOCK_OL_DETAIL *)detail)->mark_delimiter : '-';
        }
        s->list_depth++;
        break;
    case MD_BLOCK_LI:
        flush_para(s);
        s->heading = 0;
        if (s->list_depth > 0 && s->list_depth <= MD_MAX_LIST_DEPTH && s->list_ordered[s->list_depth - 1])
            snprintf(s->prefix, sizeof s->prefix, "%u%c ", s->list_next[s->list_depth - 1]++,
                     s->list_delim[s->list_depth - 1] == ')' ? ')' : '.');
        else
            snprintf(s->prefix, sizeof s->prefix, "- ");
        break;
    case MD_BLOCK_TABLE:
        flush_para(s);
        s->prefix[0] = 0;
        rows_free(s);
        s->in_table = 1;
        s->table_line = 0;
        break;
    case MD_BLOCK_TR:
        for (size_t c = 0; c < s->cur.n; c++)
            free(s->cur.cell[c]);
        s->cur.n = 0;
        break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
        s->in_cell = 1;
        buf_reset(&s->cell);
        break;
    case MD_BLOCK_HTML:
        flush_para(s);
        s->in_html_block = 1;
        break;
    case MD_BLOCK_HR:
    case MD_BLOCK_CODE:
    case MD_BLOCK_QUOTE:
        flush_para(s);
        break;
    default:
        break;
    }
    return s->failed ? -1 : 0;
}

static int leave_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
    md_state *s = ud;
    (void)detail;
    switch (type) {
    case MD_BLOCK_P:
    case MD_BLOCK_H:
    case MD_BLOCK_CODE:
    case MD_BLOCK_HTML:
        flush_para(s);
        s->in_html_block = 0;
        s->in_para = 0;
        s->heading = 0;
        break;
    case MD_BLOCK_LI:
        flush_para(s);
        s->prefix[0] = 0;
        break;
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
        flush_para(s);
        if (s->list_depth > 0)
            s->list_depth--;
        break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
        s->in_cell = 0;
        row_push_cell(s);
        break;
    case MD_BLOCK_TR:
        table_push_row(s);
        break;
    case MD_BLOCK_TABLE:
        flush_table(s);
        s->in_table = 0;
        break;
    default:
        break;
    }
    return s->failed ? -1 : 0;
}

static int enter_span(MD_SPANTYPE type, void *detail, void *ud)
{
    md_state *s = ud;
    (void)detail;
    if (type == MD_SPAN_STRONG)
        s->strong++;
    return 0;
}

static int leave_span(MD_SPANTYPE type, void *detail, void *ud)
{
    md_state *s = ud;
    (void)detail;
    if (type == MD_SPAN_STRONG && s->strong > 0)
        s->strong--;
    return 0;
}

static int on_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *ud)
{
    md_state *s = ud;
    if (!s->in_cell && !s->para_line)
        s->para_line = line_of(s, text);
    if (s->in_cell && !s->table_line)
        s->table_line = line_of(s, text);
    switch (type) {
    case MD_TEXT_BR:
        if (s->in_cell)
            buf_addc(&s->cell, '\n');
        else {
            /* a hard break ends a printed line: a paragraph of its own */
            int h = s->heading;
            flush_para(s);
            s->heading = h;
        }
        break;
    case MD_TEXT_SOFTBR:
        buf_addc(sink(s), ' ');
        break;
    case MD_TEXT_NULLCHAR:
        break;
    case MD_TEXT_ENTITY:
        add_entity(s, text, size);
        break;
    case MD_TEXT_HTML:
        if (s->in_html_block)
            add_html_text(s, text, size);
        else
            add_html(s, text, size);
        break;
    default:
        add_text(s, text, size);
        break;
    }
    return 0;
}

/* How sure we are that DATA is Markdown: GFM pipe tables (a row of pipes
 * over a delimiter row) 80; Markdown markers (**bold**, # headings) 50; else 0. */
static int sniff(const char *data, size_t n, const char *filename)
{
    (void)filename;
    int pipe_row = 0, markers = 0;
    const char *p = data, *end = data + n;
    int prev_pipe = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *q = p;
        while (q < le && (*q == ' ' || *q == '\t'))
            q++;
        if (q < le && *q == '|') {
            /* a delimiter row: only | - : and blanks, with at least one - */
            int delim = 1, dash = 0;
            for (const char *r = q; r < le; r++) {
                if (*r == '-')
                    dash = 1;
                else if (!strchr("|: \t\r", *r))
                    delim = 0;
            }
            if (delim && dash && prev_pipe)
                pipe_row++;
            prev_pipe = 1;
        } else
            prev_pipe = 0;
        if (q + 1 < le && q[0] == '#' && (q[1] == ' ' || q[1] == '#'))
            markers++;
        if (q + 2 < le && q[0] == '*' && q[1] == '*' && q[2] != ' ') {
            const char *r = q + 2;
            while (r + 1 < le && !(r[0] == '*' && r[1] == '*'))
                r++;
            if (r + 1 < le)
                markers++;
        }
        p = le + 1;
    }
    if (pipe_row)
        return 80;
    if (markers)
        return 50;
    return 0;
}

/* Is [P, LE) a table delimiter row: only | - : and blanks, a | and a -? */
static int is_delim_row(const char *p, const char *le)
{
    int bar = 0, dash = 0;
    for (; p < le; p++) {
        if (*p == '|')
            bar = 1;
        else if (*p == '-')
            dash = 1;
        else if (!strchr(": \t\r", *p))
            return 0;
    }
    return bar && dash;
}

/* md4c 0.4 does not take a delimiter cell of fewer than three dashes
 * ("|--|"), which PDF converters write; widen such cells to "---". The copy
 * keeps every line break, so line numbers stay those of the source. */
static char *widen_delims(const char *data, size_t n, size_t *outn)
{
    buf b;
    buf_init(&b, IMPORT_MAX_BYTES * 2);
    const char *p = data, *end = data + n;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        if (is_delim_row(p, le)) {
            const char *q = p;
            while (q < le) {
                if (*q == '-') {
                    size_t run = 0;
                    while (q < le && *q == '-')
                        q++, run++;
                    buf_add(&b, "---", 3);
                    for (; run > 3; run--)
                        buf_addc(&b, '-');
                } else
                    buf_addc(&b, *q++);
            }
        } else
            buf_add(&b, p, (size_t)(le - p));
        if (nl)
            buf_addc(&b, '\n');
        p = nl ? nl + 1 : end;
    }
    *outn = b.len;
    return buf_detach(&b);
}

static dti_rc rd(const char *data, size_t n, const char *name, doc **out, dti_err *e)
{
    dti_rc rc = DTI_OK;
    size_t wn = 0;
    char *wide = widen_delims(data, n, &wn);
    md_state s;
    memset(&s, 0, sizeof s);
    *out = NULL;
    if (!wide) {
        rc = dti_fail(e, DTI_ERR_NOMEM, name, "%s: hết bộ nhớ", "%s: out of memory", name);
        goto out;
    }
    data = wide;
    n = wn;
    s.src = data;
    s.srclen = n;
    s.line_no = 1;
    buf_init(&s.para, DOC_MAX_CELL);
    buf_init(&s.cell, DOC_MAX_CELL);
    s.d = doc_new(name);
    if (!s.d) {
        rc = dti_fail(e, DTI_ERR_NOMEM, name, "%s: hết bộ nhớ", "%s: out of memory", name);
        goto out;
    }
    MD_PARSER parser;
    memset(&parser, 0, sizeof parser);
    parser.abi_version = 0;
    parser.flags = MD_DIALECT_GITHUB | MD_FLAG_NOINDENTEDCODEBLOCKS;
    parser.enter_block = enter_block;
    parser.leave_block = leave_block;
    parser.enter_span = enter_span;
    parser.leave_span = leave_span;
    parser.text = on_text;
    int r = md_parse(data, (MD_SIZE)n, &parser, &s);
    if (!s.failed)
        flush_para(&s);
    if (s.failed) {
        rc = dti_fail(e, DTI_ERR_TOOBIG, name,
                      "%s: tài liệu quá lớn hoặc hết bộ nhớ (tối đa %d bảng/đoạn, %d dòng mỗi bảng)",
                      "%s: document too large or out of memory (at most %d blocks, %d rows a table)",
                      name, DOC_MAX_BLOCKS, DOC_MAX_ROWS);
        goto out;
    }
    if (r != 0) {
        rc = dti_fail(e, DTI_ERR_FORMAT, name, "%s: không đọc được Markdown", "%s: unreadable Markdown", name);
        goto out;
    }
    *out = s.d;
    s.d = NULL;
out:
    rows_free(&s);
    buf_release(&s.para);
    buf_release(&s.cell);
    doc_free(s.d);
    free(wide);
    return rc;
}

const reader_ops reader_md = {"md", sniff, rd};
