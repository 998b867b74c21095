/* doc.c — the paragraphs-and-tables model every reader produces. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "base/buf.h"
#include "base/text.h"
#include "import/doc.h"

/* The first code point of S starts a lower-case word: ASCII a-z, or a
 * multi-byte letter that text_upper1 changes (đ, ư, ơ, …). */
static int lower_start(const char *s)
{
    if (*s >= 'a' && *s <= 'z')
        return 1;
    if ((unsigned char)*s < 0x80)
        return 0;
    char first[8];
    size_t n = 1;
    while (n < 4 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n++;
    memcpy(first, s, n);
    first[n] = 0;
    char *u = text_upper1(first);
    int lower = u && strcmp(u, first) != 0;
    free(u);
    return lower;
}

static int lettered_item(const char *s)
{
    size_t k = 1;
    if ((unsigned char)s[0] == 0xC4 && (unsigned char)s[1] == 0x91)   /* đ */
        k = 2;
    else if (!(s[0] >= 'a' && s[0] <= 'z'))
        return 0;
    return (s[k] == ')' || s[k] == '.') && (s[k + 1] == ' ' || s[k + 1] == 0);
}

char *doc_para_joined(const doc *d, size_t i, size_t *last)
{
    *last = i;
    const doc_block *b = &d->blocks[i];
    size_t j = i, total = strlen(b->text ? b->text : "") + 1;
    while (j + 1 < d->n) {
        const doc_block *p = &d->blocks[j], *n = &d->blocks[j + 1];
        size_t pl = p->text ? strlen(p->text) : 0;
        if (p->kind != DOC_PARA || n->kind != DOC_PARA || !pl || !n->text || n->bold || n->heading ||
            p->heading || p->bold || strchr(".;:!?", p->text[pl - 1]) || !lower_start(n->text) || lettered_item(n->text))
            break;
        j++;
        total += strlen(n->text) + 1;
    }
    char *out = malloc(total);
    if (!out)
        return NULL;
    out[0] = 0;
    for (size_t k = i; k <= j; k++) {
        if (k > i)
            strcat(out, " ");
        strcat(out, d->blocks[k].text ? d->blocks[k].text : "");
    }
    *last = j;
    return out;
}

doc *doc_new(const char *name)
{
    doc *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->name = strdup(name ? name : "");
    if (!d->name) {
        free(d);
        return NULL;
    }
    return d;
}

static void table_free(doc_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->nrows * t->ncols; i++)
        free(t->cells[i].text);
    free(t->cells);
    free(t);
}

void doc_free(doc *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n; i++) {
        free(d->blocks[i].text);
        table_free(d->blocks[i].table);
    }
    free(d->blocks);
    free(d->name);
    free(d);
}

static doc_block *add_block(doc *d)
{
    if (d->n >= DOC_MAX_BLOCKS)
        return NULL;
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 64;
        doc_block *b = realloc(d->blocks, cap * sizeof *b);
        if (!b)
            return NULL;
        d->blocks = b;
        d->cap = cap;
    }
    doc_block *b = &d->blocks[d->n];
    memset(b, 0, sizeof *b);
    return b;
}

doc_block *doc_add_para(doc *d, const char *text, int line)
{
    char *c = text_clean(text ? text : "");
    if (!c)
        return NULL;
    if (!*c) {
        free(c);
        return NULL;
    }
    doc_block *b = add_block(d);
    if (!b) {
        free(c);
        return NULL;
    }
    b->kind = DOC_PARA;
    b->line = line;
    b->text = c;
    d->n++;
    return b;
}

doc_table *doc_add_table(doc *d, size_t nrows, size_t ncols, int line)
{
    if (nrows > DOC_MAX_ROWS || ncols > DOC_MAX_COLS)
        return NULL;
    doc_table *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->line = line;
    t->ncols = ncols;
    for (size_t r = 0; r < nrows; r++)
        if (doc_table_add_row(t) < 0) {
            table_free(t);
            return NULL;
        }
    doc_block *b = add_block(d);
    if (!b) {
        table_free(t);
        return NULL;
    }
    b->kind = DOC_TABLE;
    b->line = line;
    b->table = t;
    d->n++;
    return t;
}

long doc_table_add_row(doc_table *t)
{
    if (t->nrows >= DOC_MAX_ROWS)
        return -1;
    size_t n = (t->nrows + 1) * t->ncols;
    doc_cell *c = realloc(t->cells, (n ? n : 1) * sizeof *c);
    if (!c)
        return -1;
    t->cells = c;
    for (size_t i = t->nrows * t->ncols; i < n; i++) {
        c[i].text = strdup("");
        c[i].merged = 0;
        c[i].bold = 0;
        if (!c[i].text) {
            for (size_t j = t->nrows * t->ncols; j < i; j++)
                free(c[j].text);
            return -1;
        }
    }
    return (long)t->nrows++;
}

int doc_table_widen(doc_table *t, size_t ncols)
{
    if (ncols <= t->ncols)
        return 0;
    if (ncols > DOC_MAX_COLS)
        return -1;
    size_t total = t->nrows * ncols;
    doc_cell *c = calloc(total ? total : 1, sizeof *c);
    if (!c)
        return -1;
    for (size_t r = 0; r < t->nrows; r++)
        for (size_t k = 0; k < ncols; k++) {
            doc_cell *dst = &c[r * ncols + k];
            if (k < t->ncols) {
                *dst = t->cells[r * t->ncols + k];
            } else {
                dst->text = strdup("");
                if (!dst->text) {
                    /* leave the table as it was; free what we made */
                    for (size_t r2 = 0; r2 <= r; r2++)
                        for (size_t k2 = t->ncols; k2 < ncols; k2++)
                            if (r2 < r || k2 < k)
                                free(c[r2 * ncols + k2].text);
                    free(c);
                    return -1;
                }
            }
        }
    free(t->cells);
    t->cells = c;
    t->ncols = ncols;
    return 0;
}

doc_cell *doc_cell_at(doc_table *t, size_t r, size_t c)
{
    if (!t || r >= t->nrows || c >= t->ncols)
        return NULL;
    return &t->cells[r * t->ncols + c];
}

int doc_cell_set(doc_table *t, size_t r, size_t c, const char *text)
{
    doc_cell *cell = doc_cell_at(t, r, c);
    if (!cell)
        return -1;
    buf b;
    buf_init(&b, DOC_MAX_CELL);
    const char *p = text ? text : "";
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        char *para = text_clean_n(p, n);
        if (!para) {
            buf_release(&b);
            return -1;
        }
        if (*para) {
            if (b.len)
                buf_addc(&b, '\n');
            buf_adds(&b, para);
        }
        free(para);
        p += n;
        if (*p == '\n')
            p++;
    }
    char *s = buf_detach(&b);
    if (!s)
        return -1;
    free(cell->text);
    cell->text = s;
    return 0;
}

void doc_dump(const doc *d, void *file)
{
    FILE *f = file;
    for (size_t i = 0; i < d->n; i++) {
        const doc_block *b = &d->blocks[i];
        if (b->kind == DOC_PARA) {
            fprintf(f, "P%s%s L%d: %s\n", b->bold ? "b" : "", b->heading ? "h" : "", b->line, b->text);
            continue;
        }
        const doc_table *t = b->table;
        fprintf(f, "TABLE %zux%zu L%d%s\n", t->nrows, t->ncols, t->line, t->continued ? " (continued)" : "");
        for (size_t r = 0; r < t->nrows; r++) {
            fprintf(f, "  R%zu:", r);
            for (size_t c = 0; c < t->ncols; c++) {
                const doc_cell *x = &t->cells[r * t->ncols + c];
                fputs(" | ", f);
                if (x->merged == DOC_MERGE_LEFT)
                    fputs("<", f);
                else if (x->merged == DOC_MERGE_UP)
                    fputs("^", f);
                for (const char *p = x->text; *p; p++)
                    fputs(*p == '\n' ? " / " : (char[2]){*p, 0}, f);
            }
            fputs("\n", f);
        }
    }
}
