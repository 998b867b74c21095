/* read_docx.c — Word .docx → doc (paragraphs and tables).
 *
 * The main part word/document.xml is walked in order (libxml2 tree, parts
 * read through ooxml.h with its zip-bomb and entity guards):
 *   - a paragraph (w:p) is the text of its runs (w:r/w:t), looking through
 *     hyperlinks, content controls, smart tags, simple fields and inserted
 *     text, skipping deleted text; w:tab and w:br (a soft line break is not a
 *     paragraph break) become a space. It is `bold` when every run carrying
 *     text is bold (w:b, else the run's character style, else the paragraph
 *     style), `heading` 1..6 from the paragraph style (Heading1..6, "heading
 *     N" by name, Title) or an outline level, `center` from w:jc.
 *   - a list paragraph (w:numPr, directly or through its style) whose level
 *     is a bullet in numbering.xml gets "- " in front, as doc.h asks. A
 *     numbered item gets nothing: its number is computed by Word from
 *     counters, restarts and overrides spread over the document, which we
 *     cannot reproduce reliably, and a wrong "3." would be worse than none.
 *   - a table (w:tbl) becomes a rectangular doc_table: w:gridSpan fills the
 *     covered slots with DOC_MERGE_LEFT, a w:vMerge continuation cell is
 *     DOC_MERGE_UP with text "" (its content is ignored, as Word shows the
 *     merged cell's text only), w:gridBefore/w:gridAfter leave empty slots.
 *     The paragraphs of a cell are joined by '\n'; a table nested in a cell
 *     is flattened into the cell, one line per paragraph of its cells.
 *     A table that directly follows another table (only empty paragraphs,
 *     such as a page break, between them) with the same number of columns is
 *     marked `continued`.
 *   - text boxes (w:txbxContent in a drawing or VML shape) are read lightly:
 *     their paragraphs and tables follow the paragraph that anchors them, in
 *     the same place (document or cell). Of mc:AlternateContent only the
 *     first mc:Choice is read, so a box is not read twice through its VML
 *     fallback. Headers, footers, footnotes and comments are not read.
 *   - a Word file made from a PDF holds one paragraph per printed line: when
 *     the document is of that kind its lines cut mid-sentence are joined
 *     (printed_lines()); a unit cut after its hyphen is joined in any file.
 * Block line numbers are 0 (unknown): document.xml is usually one line. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <strings.h>
#include "base/buf.h"
#include "base/text.h"
#include "import/ooxml.h"
#include "import/reader.h"

static int wrapped_line(const char *s);
static int printed_lines(doc *d);

#define DOCX_MAIN       "word/document.xml"
#define DOCX_MAX_DEPTH  24                  /* tables in cells, boxes, content controls */
#define DOCX_MAX_PARA   ((size_t)1 << 20)   /* bytes of one paragraph's text */
#define DOCX_MAX_STYLES 20000
#define DOCX_MAX_NUMS   20000
#define DOCX_MAX_BOXES  16                  /* text boxes anchored in one paragraph */
#define DOCX_MAX_CELLS  4096                /* w:tc in one row, before spans */
#define DOCX_STYLE_HOPS 16                  /* basedOn chain */

typedef struct style {
    char *id;
    char *based_on;
    int heading;        /* 1..6, 0 none, -1 unset (inherit) */
    int bold;           /* 0/1, -1 unset */
    int center;         /* 0/1, -1 unset */
    long num_id;        /* -1 unset */
    long ilvl;          /* -1 unset */
} style;

typedef struct num {
    long id;            /* w:numId, or w:abstractNumId for an abstract */
    long abstract;      /* for a w:num: its abstract's id */
    unsigned bullets;   /* for an abstract: bit L set when level L is a bullet */
} num;

typedef struct ctx {
    doc *d;
    const char *name;
    dti_err *e;
    style *styles;      /* sorted by id */
    size_t nstyles;
    long default_para;  /* index of the default paragraph style, or -1 */
    num *nums, *abstracts;
    size_t nnums, nabstracts;
} ctx;

/* Where blocks go: the document, or the text of one table cell. */
typedef struct sink {
    buf *cell;          /* NULL: the document */
    long runs, bold_runs;
} sink;

typedef struct para {
    buf text;
    long runs, bold_runs;   /* runs carrying visible text, and the bold ones */
    const xmlNode *boxes[DOCX_MAX_BOXES];
    size_t nboxes;
} para;

static dti_rc nomem(ctx *c)
{
    return dti_fail(c->e, DTI_ERR_NOMEM, c->name, "hết bộ nhớ", "out of memory");
}

static dti_rc toobig(ctx *c, const char *vi_what, const char *en_what)
{
    return dti_fail(c->e, DTI_ERR_TOOBIG, c->name, "%s: %s%.0s", "%s: %.0s%s", c->name, vi_what, en_what);
}

/* ---- styles.xml ---- */

static int style_cmp(const void *a, const void *b)
{
    return strcmp(((const style *)a)->id, ((const style *)b)->id);
}

static style *style_find(const ctx *c, const char *id)
{
    if (!id || !c->nstyles)
        return NULL;
    style key = {.id = (char *)id};
    return bsearch(&key, c->styles, c->nstyles, sizeof *c->styles, style_cmp);
}

/* Heading level named by a style's name or id: "heading 2", "Heading2", "Title". */
static int heading_of_name(const char *s)
{
    if (!s)
        return 0;
    if (strcasecmp(s, "Title") == 0)
        return 1;
    if (strncasecmp(s, "heading", 7) != 0)
        return 0;
    s += 7;
    if (*s == ' ')
        s++;
    if (s[0] >= '1' && s[0] <= '6' && s[1] == 0)
        return s[0] - '0';
    return 0;
}

static void read_numpr(const xmlNode *ppr, long *num_id, long *ilvl)
{
    const xmlNode *np = ooxml_child(ppr, OOXML_NS_W, "numPr");
    if (!np)
        return;
    long v;
    if (!ooxml_long(ooxml_attr(ooxml_child(np, OOXML_NS_W, "numId"), OOXML_NS_W, "val"), 0, 1L << 30, &v))
        *num_id = v;
    if (!ooxml_long(ooxml_attr(ooxml_child(np, OOXML_NS_W, "ilvl"), OOXML_NS_W, "val"), 0, 8, &v))
        *ilvl = v;
}

static int outline_heading(const xmlNode *ppr)
{
    long v;
    if (!ooxml_long(ooxml_attr(ooxml_child(ppr, OOXML_NS_W, "outlineLvl"), OOXML_NS_W, "val"), 0, 9, &v))
        return v <= 5 ? (int)v + 1 : 0;
    return -1;
}

static int jc_center(const xmlNode *ppr)
{
    const char *jc = ooxml_attr(ooxml_child(ppr, OOXML_NS_W, "jc"), OOXML_NS_W, "val");
    if (!jc)
        return -1;
    return strcmp(jc, "center") == 0;
}

static int rpr_bold(const xmlNode *rpr)
{
    const xmlNode *b = ooxml_child(rpr, OOXML_NS_W, "b");
    if (!b)
        return -1;
    return ooxml_on(ooxml_attr(b, OOXML_NS_W, "val"));
}

static dti_rc load_styles(ctx *c, const xmlDoc *x)
{
    const xmlNode *root = xmlDocGetRootElement((xmlDoc *)x);
    size_t cap = 0;
    c->default_para = -1;
    const char *default_id = NULL;
    for (const xmlNode *n = root->children; n; n = n->next) {
        if (!ooxml_is(n, OOXML_NS_W, "style"))
            continue;
        const char *id = ooxml_attr(n, OOXML_NS_W, "styleId");
        const char *type = ooxml_attr(n, OOXML_NS_W, "type");
        if (!id || (type && strcmp(type, "paragraph") && strcmp(type, "character")))
            continue;
        if (c->nstyles >= DOCX_MAX_STYLES)
            return toobig(c, "quá nhiều kiểu định dạng (styles.xml)", "too many styles (styles.xml)");
        if (c->nstyles == cap) {
            size_t nc = cap ? cap * 2 : 64;
            style *v = realloc(c->styles, nc * sizeof *v);
            if (!v)
                return nomem(c);
            c->styles = v;
            cap = nc;
        }
        style *s = &c->styles[c->nstyles];
        memset(s, 0, sizeof *s);
        s->id = strdup(id);
        const char *based = ooxml_attr(ooxml_child(n, OOXML_NS_W, "basedOn"), OOXML_NS_W, "val");
        s->based_on = based ? strdup(based) : NULL;
        c->nstyles++;
        if (!s->id || (based && !s->based_on))
            return nomem(c);
        const xmlNode *ppr = ooxml_child(n, OOXML_NS_W, "pPr");
        int h = heading_of_name(ooxml_attr(ooxml_child(n, OOXML_NS_W, "name"), OOXML_NS_W, "val"));
        if (!h)
            h = heading_of_name(id);
        s->heading = h ? h : outline_heading(ppr);
        s->bold = rpr_bold(ooxml_child(n, OOXML_NS_W, "rPr"));
        s->center = jc_center(ppr);
        s->num_id = s->ilvl = -1;
        read_numpr(ppr, &s->num_id, &s->ilvl);
        if (type && strcmp(type, "paragraph") == 0 && ooxml_on(ooxml_attr(n, OOXML_NS_W, "default")) &&
            ooxml_attr(n, OOXML_NS_W, "default"))
            default_id = s->id;
    }
    if (!c->nstyles)
        return DTI_OK;
    qsort(c->styles, c->nstyles, sizeof *c->styles, style_cmp);
    /* Resolve what each style inherits through basedOn, so that lookups are flat. */
    for (size_t i = 0; i < c->nstyles; i++) {
        style *s = &c->styles[i];
        const style *b = s;
        for (int hop = 0; hop < DOCX_STYLE_HOPS && b->based_on; hop++) {
            b = style_find(c, b->based_on);
            if (!b)
                break;
            if (s->heading < 0)
                s->heading = b->heading;
            if (s->bold < 0)
                s->bold = b->bold;
            if (s->center < 0)
                s->center = b->center;
            if (s->num_id < 0)
                s->num_id = b->num_id;
            if (s->ilvl < 0)
                s->ilvl = b->ilvl;
        }
    }
    if (default_id) {
        style *s = style_find(c, default_id);
        if (s)
            c->default_para = s - c->styles;
    }
    return DTI_OK;
}

/* ---- numbering.xml ---- */

static dti_rc load_numbering(ctx *c, const xmlDoc *x)
{
    const xmlNode *root = xmlDocGetRootElement((xmlDoc *)x);
    size_t cap_n = 0, cap_a = 0;
    for (const xmlNode *n = root->children; n; n = n->next) {
        long id;
        if (ooxml_is(n, OOXML_NS_W, "abstractNum") &&
            !ooxml_long(ooxml_attr(n, OOXML_NS_W, "abstractNumId"), 0, 1L << 30, &id)) {
            if (c->nabstracts >= DOCX_MAX_NUMS)
                return toobig(c, "quá nhiều kiểu danh sách (numbering.xml)", "too many list styles (numbering.xml)");
            if (c->nabstracts == cap_a) {
                size_t nc = cap_a ? cap_a * 2 : 16;
                num *v = realloc(c->abstracts, nc * sizeof *v);
                if (!v)
                    return nomem(c);
                c->abstracts = v;
                cap_a = nc;
            }
            num *a = &c->abstracts[c->nabstracts++];
            a->id = id;
            a->abstract = -1;
            a->bullets = 0;
            for (const xmlNode *l = n->children; l; l = l->next) {
                long lvl;
                if (!ooxml_is(l, OOXML_NS_W, "lvl") || ooxml_long(ooxml_attr(l, OOXML_NS_W, "ilvl"), 0, 8, &lvl))
                    continue;
                const char *fmt = ooxml_attr(ooxml_child(l, OOXML_NS_W, "numFmt"), OOXML_NS_W, "val");
                if (fmt && strcmp(fmt, "bullet") == 0)
                    a->bullets |= 1u << lvl;
            }
        } else if (ooxml_is(n, OOXML_NS_W, "num") && !ooxml_long(ooxml_attr(n, OOXML_NS_W, "numId"), 0, 1L << 30, &id)) {
            long abs;
            if (ooxml_long(ooxml_attr(ooxml_child(n, OOXML_NS_W, "abstractNumId"), OOXML_NS_W, "val"), 0, 1L << 30, &abs))
                continue;
            if (c->nnums >= DOCX_MAX_NUMS)
                return toobig(c, "quá nhiều danh sách (numbering.xml)", "too many lists (numbering.xml)");
            if (c->nnums == cap_n) {
                size_t nc = cap_n ? cap_n * 2 : 16;
                num *v = realloc(c->nums, nc * sizeof *v);
                if (!v)
                    return nomem(c);
                c->nums = v;
                cap_n = nc;
            }
            c->nums[c->nnums++] = (num){.id = id, .abstract = abs, .bullets = 0};
        }
    }
    return DTI_OK;
}

static int is_bullet(const ctx *c, long num_id, long ilvl)
{
    if (num_id <= 0)        /* numId 0 removes numbering */
        return 0;
    if (ilvl < 0 || ilvl > 8)
        ilvl = 0;
    for (size_t i = 0; i < c->nnums; i++) {
        if (c->nums[i].id != num_id)
            continue;
        for (size_t k = 0; k < c->nabstracts; k++)
            if (c->abstracts[k].id == c->nums[i].abstract)
                return (c->abstracts[k].bullets >> ilvl) & 1;
        return 0;
    }
    return 0;
}

/* ---- paragraphs ---- */

/* The branch of mc:AlternateContent to read: the first mc:Choice, else mc:Fallback. */
static const xmlNode *alt_branch(const xmlNode *alt)
{
    const xmlNode *ch = ooxml_child(alt, OOXML_NS_MC, "Choice");
    return ch ? ch : ooxml_child(alt, OOXML_NS_MC, "Fallback");
}

static void find_boxes(const xmlNode *n, para *p, int depth)
{
    if (depth > 64 || p->nboxes >= DOCX_MAX_BOXES)
        return;
    if (ooxml_is(n, OOXML_NS_W, "txbxContent")) {
        p->boxes[p->nboxes++] = n;
        return;
    }
    if (ooxml_is(n, OOXML_NS_MC, "AlternateContent")) {
        const xmlNode *b = alt_branch(n);
        if (b)
            find_boxes(b, p, depth + 1);
        return;
    }
    for (const xmlNode *k = n->children; k; k = k->next)
        if (k->type == XML_ELEMENT_NODE)
            find_boxes(k, p, depth + 1);
}

/* Append text to P, a line break or tab inside it becoming a space. */
static void para_text(para *p, const xmlNode *t)
{
    size_t from = p->text.len;
    ooxml_text(t, &p->text);
    for (size_t i = from; i < p->text.len; i++)
        if (p->text.ptr[i] == '\n' || p->text.ptr[i] == '\r' || p->text.ptr[i] == '\t')
            p->text.ptr[i] = ' ';
}

static int has_visible(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ')
            return 1;
    return 0;
}

static void run(const ctx *c, para *p, const xmlNode *r, int para_bold)
{
    const xmlNode *rpr = ooxml_child(r, OOXML_NS_W, "rPr");
    int bold = rpr_bold(rpr);
    if (bold < 0) {
        const style *cs = style_find(c, ooxml_attr(ooxml_child(rpr, OOXML_NS_W, "rStyle"), OOXML_NS_W, "val"));
        bold = cs && cs->bold >= 0 ? cs->bold : para_bold;
    }
    size_t from = p->text.len;
    for (const xmlNode *k = r->children; k; k = k->next) {
        if (ooxml_is(k, OOXML_NS_W, "t"))
            para_text(p, k);
        else if (ooxml_is(k, OOXML_NS_W, "tab") || ooxml_is(k, OOXML_NS_W, "ptab") ||
                 ooxml_is(k, OOXML_NS_W, "br") || ooxml_is(k, OOXML_NS_W, "cr"))
            buf_addc(&p->text, ' ');
        else if (ooxml_is(k, OOXML_NS_W, "noBreakHyphen"))
            buf_addc(&p->text, '-');
        else if (ooxml_is(k, OOXML_NS_W, "drawing") || ooxml_is(k, OOXML_NS_W, "pict") ||
                 ooxml_is(k, OOXML_NS_MC, "AlternateContent") || ooxml_is(k, OOXML_NS_W, "object"))
            find_boxes(k, p, 0);
    }
    if (!buf_failed(&p->text) && p->text.len > from && has_visible(p->text.ptr + from, p->text.len - from)) {
        p->runs++;
        p->bold_runs += bold > 0;
    }
}

static void inline_content(const ctx *c, para *p, const xmlNode *parent, int para_bold, int depth)
{
    if (depth > DOCX_MAX_DEPTH)
        return;
    for (const xmlNode *k = parent->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        if (ooxml_is(k, OOXML_NS_W, "r"))
            run(c, p, k, para_bold);
        else if (ooxml_is(k, OOXML_NS_W, "hyperlink") || ooxml_is(k, OOXML_NS_W, "ins") ||
                 ooxml_is(k, OOXML_NS_W, "moveTo") || ooxml_is(k, OOXML_NS_W, "smartTag") ||
                 ooxml_is(k, OOXML_NS_W, "fldSimple") || ooxml_is(k, OOXML_NS_W, "customXml") ||
                 ooxml_is(k, OOXML_NS_W, "bdo") || ooxml_is(k, OOXML_NS_W, "dir") ||
                 ooxml_is(k, OOXML_NS_W, "sdtContent"))
            inline_content(c, p, k, para_bold, depth + 1);
        else if (ooxml_is(k, OOXML_NS_W, "sdt"))
            inline_content(c, p, ooxml_child(k, OOXML_NS_W, "sdtContent") ? ooxml_child(k, OOXML_NS_W, "sdtContent") : k,
                           para_bold, depth + 1);
        else if (ooxml_is(k, OOXML_NS_MC, "AlternateContent") && alt_branch(k))
            inline_content(c, p, alt_branch(k), para_bold, depth + 1);
        /* w:del, w:moveFrom (deleted text), w:pPr, bookmarks, math: nothing to read */
    }
}

static dti_rc blocks(ctx *c, const xmlNode *parent, sink *s, int depth);

static int starts_with_marker(const char *s)
{
    while (*s == ' ')
        s++;
    return *s == '-' || *s == '+' || *s == '*' || strncmp(s, "\xe2\x80\xa2", 3) == 0 /* • */ ||
           strncmp(s, "\xe2\x80\x93", 3) == 0 /* – */;
}

static dti_rc paragraph(ctx *c, const xmlNode *pn, sink *s, int depth)
{
    dti_rc rc = DTI_OK;
    char *clean = NULL;
    para p;
    memset(&p, 0, sizeof p);
    buf_init(&p.text, DOCX_MAX_PARA);
    const xmlNode *ppr = ooxml_child(pn, OOXML_NS_W, "pPr");
    const style *ps = style_find(c, ooxml_attr(ooxml_child(ppr, OOXML_NS_W, "pStyle"), OOXML_NS_W, "val"));
    if (!ps && c->default_para >= 0)
        ps = &c->styles[c->default_para];
    long num_id = -1, ilvl = -1;
    read_numpr(ppr, &num_id, &ilvl);
    if (num_id < 0 && ps) {
        num_id = ps->num_id;
        if (ilvl < 0)
            ilvl = ps->ilvl;
    }
    int heading = outline_heading(ppr);
    if (heading < 0)
        heading = ps && ps->heading > 0 ? ps->heading : 0;
    int center = jc_center(ppr);
    if (center < 0)
        center = ps && ps->center > 0;

    inline_content(c, &p, pn, ps && ps->bold > 0, depth);
    if (buf_failed(&p.text)) {
        rc = p.text.failed == DTI_ERR_NOMEM ? nomem(c)
                                            : toobig(c, "một đoạn văn quá dài", "a paragraph is too long");
        goto out;
    }
    clean = text_clean(p.text.ptr ? p.text.ptr : "");
    if (!clean) {
        rc = nomem(c);
        goto out;
    }
    int bullet = *clean && is_bullet(c, num_id, ilvl) && !starts_with_marker(clean);
    int bold = p.runs > 0 && p.bold_runs == p.runs;
    if (*clean && !s->cell) {
        if (c->d->n >= DOC_MAX_BLOCKS) {
            rc = toobig(c, "tài liệu có quá nhiều đoạn và bảng", "too many paragraphs and tables");
            goto out;
        }
        buf t;
        buf_init(&t, DOCX_MAX_PARA + 8);
        if (bullet)
            buf_adds(&t, "- ");
        buf_adds(&t, clean);
        char *text = buf_detach(&t);
        doc_block *b = text ? doc_add_para(c->d, text, 0) : NULL;
        free(text);
        if (!b) {
            rc = nomem(c);
            goto out;
        }
        b->bold = bold;
        b->heading = heading;
        b->center = center;
    } else if (*clean) {
        /* a line cut after a hyphen ("Phòng Văn hóa -" / "Xã hội") goes on
         * in the next paragraph; lines cut mid-sentence: printed_lines() */
        size_t cl = s->cell->len;
        const char *ct = s->cell->ptr;
        int cont = cl >= 2 && !bullet && ct[cl - 1] == '-' && ct[cl - 2] == ' ';
        if (cont)
            buf_addc(s->cell, ' ');
        else if (cl)
            buf_addc(s->cell, '\n');
        if (bullet)
            buf_adds(s->cell, "- ");
        buf_adds(s->cell, clean);
        s->runs += p.runs;
        s->bold_runs += p.bold_runs;
    }
    for (size_t i = 0; i < p.nboxes && !rc; i++)
        rc = blocks(c, p.boxes[i], s, depth + 1);
out:
    free(clean);
    buf_release(&p.text);
    return rc;
}

/* A is a line cut mid-sentence that B continues: A has no final stop and
 * is long enough to be a full printed line (or LONG is 0: a cell's line),
 * B starts in lower case and is not a lettered item. */
static int cut_pair(const char *a, const char *b, size_t longest)
{
    size_t n = strlen(a);
    return n && n >= longest && !strchr(".;:!?)\"", a[n - 1]) && wrapped_line(b);
}

/* Join in place the lines of one cell (separated by '\n') that cut_pair
 * says go on. */
static void join_cell(char *t)
{
    for (char *nl = strchr(t, '\n'); nl; nl = strchr(nl + 1, '\n')) {
        *nl = 0;
        const char *line = strrchr(t, '\n');
        line = line ? line + 1 : t;
        int join = cut_pair(line, nl + 1, 0);
        *nl = join ? ' ' : '\n';
    }
}

/* A Word file made from a PDF holds one paragraph per printed line: names
 * and sentences are cut ("…tiêu chuẩn chất" / "lượng …"). When the document
 * is of that kind — at least 5 paragraphs of 40 bytes or more cut
 * mid-sentence before a line in lower case, and they are a fifth of its
 * paragraphs — such lines are joined, in the body and inside table cells,
 * as the text reader joins wrapped lines. A Word file typed as such has
 * few (a title over two lines) and is left as it is. Returns -1 out of
 * memory. */
static int printed_lines(doc *d)
{
    size_t paras = 0, cut = 0;
    for (size_t i = 0; i < d->n; i++) {
        if (d->blocks[i].kind != DOC_PARA)
            continue;
        paras++;
        if (i + 1 < d->n && d->blocks[i + 1].kind == DOC_PARA && !d->blocks[i].heading &&
            cut_pair(d->blocks[i].text, d->blocks[i + 1].text, 40))
            cut++;
    }
    if (cut < 5 || cut * 5 < paras)
        return 0;
    size_t w = 0;
    for (size_t i = 0; i < d->n; i++) {
        doc_block *b = &d->blocks[i];
        if (b->kind == DOC_TABLE) {
            for (size_t k = 0; k < b->table->nrows * b->table->ncols; k++)
                join_cell(b->table->cells[k].text);
        } else if (w && d->blocks[w - 1].kind == DOC_PARA && !d->blocks[w - 1].heading &&
                   !b->heading && b->bold == d->blocks[w - 1].bold && cut_pair(d->blocks[w - 1].text, b->text, 40)) {
            doc_block *pb = &d->blocks[w - 1];
            size_t pl = strlen(pb->text), bl = strlen(b->text);
            char *j = realloc(pb->text, pl + bl + 2);
            if (!j)
                return -1;
            j[pl] = ' ';
            memcpy(j + pl + 1, b->text, bl + 1);
            pb->text = j;
            free(b->text);
            b->text = NULL;
            continue;
        }
        d->blocks[w++] = *b;
    }
    d->n = w;
    return 0;
}

/* S goes on a printed line cut above: it starts with a small letter and is
 * not a lettered item ("a) …", "đ) …"). */
static int wrapped_line(const char *s)
{
    utf8proc_int32_t cp = 0;
    if (utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp) < 0 ||
        utf8proc_category(cp) != UTF8PROC_CATEGORY_LL)
        return 0;
    const char *p = s;
    p += (unsigned char)*p < 0x80 ? 1 : (unsigned char)*p < 0xE0 ? 2 : 3;
    return !((*p == ')' || *p == '.') && (p[1] == ' ' || !p[1]));
}

/* ---- tables ---- */

typedef struct ptrs {
    const xmlNode **v;
    size_t n, cap;
} ptrs;

/* Collect the children of PARENT named LOCAL, looking through content
 * controls and custom XML wrappers. -1 when over MAX or out of memory. */
static int gather(const xmlNode *parent, const char *local, ptrs *out, size_t max, int depth)
{
    if (depth > DOCX_MAX_DEPTH)
        return 0;
    for (const xmlNode *k = parent->children; k; k = k->next) {
        if (ooxml_is(k, OOXML_NS_W, local)) {
            if (out->n >= max)
                return -1;
            if (out->n == out->cap) {
                size_t nc = out->cap ? out->cap * 2 : 32;
                const xmlNode **v = realloc(out->v, nc * sizeof *v);
                if (!v)
                    return -1;
                out->v = v;
                out->cap = nc;
            }
            out->v[out->n++] = k;
        } else if (ooxml_is(k, OOXML_NS_W, "sdt")) {
            const xmlNode *sc = ooxml_child(k, OOXML_NS_W, "sdtContent");
            if (sc && gather(sc, local, out, max, depth + 1))
                return -1;
        } else if (ooxml_is(k, OOXML_NS_W, "customXml")) {
            if (gather(k, local, out, max, depth + 1))
                return -1;
        }
    }
    return 0;
}

static long span_of(const xmlNode *tcpr)
{
    long v;
    if (!ooxml_long(ooxml_attr(ooxml_child(tcpr, OOXML_NS_W, "gridSpan"), OOXML_NS_W, "val"), 1, DOC_MAX_COLS + 1, &v))
        return v;
    return 1;
}

static long tr_grid(const xmlNode *tr, const char *what)
{
    long v;
    const xmlNode *trpr = ooxml_child(tr, OOXML_NS_W, "trPr");
    if (!ooxml_long(ooxml_attr(ooxml_child(trpr, OOXML_NS_W, what), OOXML_NS_W, "val"), 0, DOC_MAX_COLS + 1, &v))
        return v;
    return 0;
}

/* Is the cell a continuation of a vertical merge? (w:vMerge without "restart") */
static int vmerge_continue(const xmlNode *tcpr)
{
    const xmlNode *vm = ooxml_child(tcpr, OOXML_NS_W, "vMerge");
    if (!vm)
        return 0;
    const char *v = ooxml_attr(vm, OOXML_NS_W, "val");
    return !v || strcmp(v, "restart") != 0;
}

static int hmerge_continue(const xmlNode *tcpr)
{
    const xmlNode *hm = ooxml_child(tcpr, OOXML_NS_W, "hMerge");
    if (!hm)
        return 0;
    const char *v = ooxml_attr(hm, OOXML_NS_W, "val");
    return !v || strcmp(v, "restart") != 0;
}

/* A table inside a cell: its cells' paragraphs become lines of the cell. */
static dti_rc nested_table(ctx *c, const xmlNode *tbl, sink *s, int depth)
{
    dti_rc rc = DTI_OK;
    ptrs rows = {0}, cells = {0};
    if (gather(tbl, "tr", &rows, DOC_MAX_ROWS, 0)) {
        rc = toobig(c, "bảng lồng quá lớn", "a nested table is too large");
        goto out;
    }
    for (size_t r = 0; r < rows.n && !rc; r++) {
        cells.n = 0;
        if (gather(rows.v[r], "tc", &cells, DOCX_MAX_CELLS, 0)) {
            rc = toobig(c, "bảng lồng quá lớn", "a nested table is too large");
            goto out;
        }
        for (size_t k = 0; k < cells.n && !rc; k++)
            if (!vmerge_continue(ooxml_child(cells.v[k], OOXML_NS_W, "tcPr")))
                rc = blocks(c, cells.v[k], s, depth + 1);
    }
out:
    free(rows.v);
    free(cells.v);
    return rc;
}

static dti_rc table(ctx *c, const xmlNode *tbl, int depth)
{
    dti_rc rc = DTI_OK;
    ptrs rows = {0}, cells = {0};
    buf cell;
    buf_init(&cell, DOC_MAX_CELL);
    if (gather(tbl, "tr", &rows, DOC_MAX_ROWS, 0)) {
        rc = toobig(c, "bảng có quá nhiều hàng", "a table has too many rows");
        goto out;
    }
    /* Width: the grid, or the widest row if a row claims more slots. */
    size_t ncols = 0;
    const xmlNode *grid = ooxml_child(tbl, OOXML_NS_W, "tblGrid");
    for (const xmlNode *g = grid ? grid->children : NULL; g; g = g->next)
        ncols += ooxml_is(g, OOXML_NS_W, "gridCol");
    for (size_t r = 0; r < rows.n; r++) {
        cells.n = 0;
        if (gather(rows.v[r], "tc", &cells, DOCX_MAX_CELLS, 0)) {
            rc = toobig(c, "bảng có quá nhiều cột", "a table has too many columns");
            goto out;
        }
        size_t w = (size_t)tr_grid(rows.v[r], "gridBefore") + (size_t)tr_grid(rows.v[r], "gridAfter");
        for (size_t k = 0; k < cells.n && w <= DOC_MAX_COLS; k++)
            w += (size_t)span_of(ooxml_child(cells.v[k], OOXML_NS_W, "tcPr"));
        if (w > ncols)
            ncols = w;
    }
    if (ncols > DOC_MAX_COLS) {
        rc = toobig(c, "bảng có quá nhiều cột (tối đa 64)", "a table has too many columns (at most 64)");
        goto out;
    }
    if (ncols == 0 || rows.n == 0)
        goto out;
    if (c->d->n >= DOC_MAX_BLOCKS) {
        rc = toobig(c, "tài liệu có quá nhiều đoạn và bảng", "too many paragraphs and tables");
        goto out;
    }
    int continued = c->d->n > 0 && c->d->blocks[c->d->n - 1].kind == DOC_TABLE &&
                    c->d->blocks[c->d->n - 1].table->ncols == ncols;
    doc_table *t = doc_add_table(c->d, 0, ncols, 0);
    if (!t) {
        rc = nomem(c);
        goto out;
    }
    t->continued = continued;
    for (size_t r = 0; r < rows.n; r++) {
        if (doc_table_add_row(t) < 0) {
            rc = nomem(c);
            goto out;
        }
        cells.n = 0;
        if (gather(rows.v[r], "tc", &cells, DOCX_MAX_CELLS, 0)) {
            rc = nomem(c);
            goto out;
        }
        size_t col = (size_t)tr_grid(rows.v[r], "gridBefore");
        for (size_t k = 0; k < cells.n && col < ncols; k++) {
            const xmlNode *tcpr = ooxml_child(cells.v[k], OOXML_NS_W, "tcPr");
            size_t span = (size_t)span_of(tcpr);
            if (span > ncols - col)
                span = ncols - col;
            if (vmerge_continue(tcpr) && r > 0) {
                for (size_t j = 0; j < span; j++)
                    doc_cell_at(t, r, col + j)->merged = DOC_MERGE_UP;
            } else if (hmerge_continue(tcpr) && col > 0) {
                for (size_t j = 0; j < span; j++)
                    doc_cell_at(t, r, col + j)->merged = DOC_MERGE_LEFT;
            } else {
                sink s = {.cell = &cell};
                buf_reset(&cell);
                if ((rc = blocks(c, cells.v[k], &s, depth + 1)))
                    goto out;
                if (buf_failed(&cell)) {
                    rc = cell.failed == DTI_ERR_NOMEM ? nomem(c)
                                                      : toobig(c, "một ô của bảng quá dài", "a table cell is too long");
                    goto out;
                }
                if (doc_cell_set(t, r, col, cell.ptr ? cell.ptr : "")) {
                    rc = nomem(c);
                    goto out;
                }
                doc_cell_at(t, r, col)->bold = s.runs > 0 && s.bold_runs == s.runs;
                for (size_t j = 1; j < span; j++)
                    doc_cell_at(t, r, col + j)->merged = DOC_MERGE_LEFT;
            }
            col += span;
        }
    }
out:
    free(rows.v);
    free(cells.v);
    buf_release(&cell);
    return rc;
}

/* ---- blocks ---- */

static dti_rc blocks(ctx *c, const xmlNode *parent, sink *s, int depth)
{
    dti_rc rc = DTI_OK;
    if (depth > DOCX_MAX_DEPTH)
        return DTI_OK;      /* deeper nesting is not plan content; ignore it */
    for (const xmlNode *k = parent->children; k && !rc; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        if (ooxml_is(k, OOXML_NS_W, "p"))
            rc = paragraph(c, k, s, depth);
        else if (ooxml_is(k, OOXML_NS_W, "tbl"))
            rc = s->cell ? nested_table(c, k, s, depth) : table(c, k, depth);
        else if (ooxml_is(k, OOXML_NS_W, "sdt")) {
            const xmlNode *sc = ooxml_child(k, OOXML_NS_W, "sdtContent");
            if (sc)
                rc = blocks(c, sc, s, depth + 1);
        } else if (ooxml_is(k, OOXML_NS_W, "customXml") || ooxml_is(k, OOXML_NS_W, "ins") ||
                   ooxml_is(k, OOXML_NS_W, "moveTo")) {
            rc = blocks(c, k, s, depth + 1);
        } else if (ooxml_is(k, OOXML_NS_MC, "AlternateContent")) {
            const xmlNode *b = alt_branch(k);
            if (b)
                rc = blocks(c, b, s, depth + 1);
        }
    }
    return rc;
}

/* ---- the reader ---- */

/* 90 for a zip holding the main part; 10 for a damaged zip named *.docx,
 * so that read() reports the damage rather than an unknown format. */
static int sniff(const char *data, size_t n, const char *filename)
{
    int has = ooxml_sniff(data, n, DOCX_MAIN);
    if (has > 0)
        return 90;
    size_t fl = filename ? strlen(filename) : 0;
    if (has < 0 && fl >= 5 && strcasecmp(filename + fl - 5, ".docx") == 0)
        return 10;
    return 0;
}

static dti_rc load_part(ooxml *z, ctx *c, const ooxml_rels *rels, const char *type, const char *fallback,
                        dti_rc (*load)(ctx *, const xmlDoc *))
{
    const ooxml_rel *r = ooxml_rels_type(rels, type);
    xmlDoc *x = NULL;
    dti_rc rc = ooxml_parse(z, r ? r->target : fallback, 0, &x, c->e);
    if (!rc && x)
        rc = load(c, x);
    xmlFreeDoc(x);
    return rc;
}

static dti_rc rd(const char *data, size_t n, const char *name, doc **out, dti_err *e)
{
    dti_rc rc;
    ooxml *z = NULL;
    xmlDoc *x = NULL;
    ooxml_rels rels = {0};
    ctx c = {.name = name, .e = e, .default_para = -1};
    *out = NULL;
    if ((rc = ooxml_open(data, n, name, &z, e)))
        goto out;
    if ((rc = ooxml_parse(z, DOCX_MAIN, 1, &x, e)))
        goto out;
    const xmlNode *root = xmlDocGetRootElement(x);
    const xmlNode *body = ooxml_is(root, OOXML_NS_W, "document") ? ooxml_child(root, OOXML_NS_W, "body") : NULL;
    if (!body) {
        rc = dti_fail(e, DTI_ERR_FORMAT, name, "%s: phần %s không phải nội dung Word (thiếu w:body)",
                      "%s: the part %s is not Word content (no w:body)", name, DOCX_MAIN);
        goto out;
    }
    if ((rc = ooxml_rels_load(z, DOCX_MAIN, &rels, e)) ||
        (rc = load_part(z, &c, &rels, "styles", "word/styles.xml", load_styles)) ||
        (rc = load_part(z, &c, &rels, "numbering", "word/numbering.xml", load_numbering)))
        goto out;
    if (!(c.d = doc_new(name))) {
        rc = nomem(&c);
        goto out;
    }
    sink s = {0};
    if ((rc = blocks(&c, body, &s, 0)))
        goto out;
    if (printed_lines(c.d)) {
        rc = nomem(&c);
        goto out;
    }
    *out = c.d;
    c.d = NULL;
out:
    doc_free(c.d);
    for (size_t i = 0; i < c.nstyles; i++) {
        free(c.styles[i].id);
        free(c.styles[i].based_on);
    }
    free(c.styles);
    free(c.nums);
    free(c.abstracts);
    ooxml_rels_release(&rels);
    xmlFreeDoc(x);
    ooxml_close(z);
    return rc;
}

const reader_ops reader_docx = {"docx", sniff, rd};
