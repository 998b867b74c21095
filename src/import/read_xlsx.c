/* read_xlsx.c — Excel .xlsx → doc: one table per worksheet.
 *
 * xl/workbook.xml lists the sheets in order; xl/_rels/workbook.xml.rels maps
 * each to its part. Every visible worksheet becomes one doc_table (hidden
 * sheets, usually lookup lists, and chart sheets are skipped); a sheet with
 * no text gives no table. The workbook gives no paragraphs: title rows above
 * a table (often merged across) are simply rows of it, left to the extractor.
 *
 * Cells: shared strings (xl/sharedStrings.xml, plain <t> or rich <r><t>,
 * phonetic runs skipped), inline strings (<is>), formula strings and cached
 * formula values (<v>), booleans as TRUE/FALSE, errors as written. A number
 * keeps the text Excel stored, except that float noise beyond 15 significant
 * digits is rounded as Excel shows it ("0.70000000000000007" → "0.7"); a
 * number formatted as a percentage is shown as one ("0.7" → "70%"), and a
 * date as dd/mm/yyyy (the cell style's number format tells; other formats
 * such as thousands separators are not applied). A line break inside a cell
 * separates paragraphs ('\n', doc.h), and the _xHHHH_ escapes of OOXML
 * strings are decoded.
 *
 * Cell references ("B12") place cells; a cell without one follows the
 * previous. Empty rows and columns around the text are trimmed (inner empty
 * rows stay). Merged ranges (<mergeCell ref="A1:C2"/>) mark their covered
 * slots DOC_MERGE_LEFT on the range's first row and DOC_MERGE_UP below, with
 * text "" as Excel keeps only the top-left value. Over DOC_MAX_ROWS rows or
 * DOC_MAX_COLS columns of text in a sheet is refused with a message naming
 * the sheet. Table `line` is the sheet row number of its first row. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "base/buf.h"
#include "base/text.h"
#include "import/ooxml.h"
#include "import/reader.h"

#define XLSX_WORKBOOK     "xl/workbook.xml"
#define XLSX_MAX_SHEETS   256
#define XLSX_MAX_STRINGS  ((size_t)1 << 20)     /* shared strings */
#define XLSX_MAX_CELLS    ((size_t)1 << 20)     /* cells with text in one sheet */
#define XLSX_MAX_XF       65536                 /* cell formats */
#define XLSX_MAX_MERGES   100000
#define XLSX_MAX_ROW      1048576L              /* Excel's own limits */
#define XLSX_MAX_COL      16384L

enum { FMT_PLAIN = 0, FMT_PERCENT = 1, FMT_DATE = 2 };

typedef struct xf {
    unsigned char fmt;  /* FMT_* */
    unsigned char bold;
} xf;

typedef struct xcell {
    long row, col;      /* 1-based */
    char *text;
    int bold;
} xcell;

typedef struct ctx {
    doc *d;
    const char *name;
    dti_err *e;
    ooxml *z;
    char **strings;
    size_t nstrings;
    xf *xfs;
    size_t nxfs;
    int date1904;
} ctx;

static dti_rc nomem(ctx *c)
{
    return dti_fail(c->e, DTI_ERR_NOMEM, c->name, "hết bộ nhớ", "out of memory");
}

/* ---- strings ---- */

static int hexval(char ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return -1;
}

/* Decode the _xHHHH_ escapes of OOXML strings in place (the result is never
 * longer: 7 bytes become at most 3). */
static void unescape_x(char *s)
{
    char *w = s;
    for (const char *p = s; *p;) {
        int h0, h1, h2, h3;
        if (p[0] == '_' && p[1] == 'x' && (h0 = hexval(p[2])) >= 0 && (h1 = hexval(p[3])) >= 0 &&
            (h2 = hexval(p[4])) >= 0 && (h3 = hexval(p[5])) >= 0 && p[6] == '_') {
            unsigned cp = (unsigned)(h0 << 12 | h1 << 8 | h2 << 4 | h3);
            p += 7;
            if (cp == '\n')
                *w++ = '\n';
            else if (cp == '\r')
                ;
            else if (cp < 0x20)
                *w++ = ' ';
            else if (cp < 0x80)
                *w++ = (char)cp;
            else if (cp < 0x800) {
                *w++ = (char)(0xC0 | cp >> 6);
                *w++ = (char)(0x80 | (cp & 0x3F));
            } else {
                if (cp >= 0xD800 && cp <= 0xDFFF)
                    cp = 0xFFFD;
                *w++ = (char)(0xE0 | cp >> 12);
                *w++ = (char)(0x80 | ((cp >> 6) & 0x3F));
                *w++ = (char)(0x80 | (cp & 0x3F));
            }
            continue;
        }
        *w++ = *p++;
    }
    *w = 0;
}

/* The text of an <si> or <is>: its <t>, or the <t> of each rich run <r>. */
static void rich_text(const xmlNode *n, buf *b)
{
    for (const xmlNode *k = n ? n->children : NULL; k; k = k->next) {
        if (ooxml_is(k, OOXML_NS_S, "t"))
            ooxml_text(k, b);
        else if (ooxml_is(k, OOXML_NS_S, "r"))
            ooxml_text(ooxml_child(k, OOXML_NS_S, "t"), b);
        /* rPh (phonetic guide), phoneticPr: not shown text */
    }
}

static char *string_of(ctx *c, const xmlNode *n)
{
    buf b;
    buf_init(&b, DOC_MAX_CELL);
    rich_text(n, &b);
    if (buf_failed(&b)) {
        int toobig = b.failed == DTI_ERR_TOOBIG;
        buf_release(&b);
        if (toobig)
            dti_fail(c->e, DTI_ERR_TOOBIG, c->name, "%s: một ô quá dài", "%s: a cell is too long", c->name);
        else
            nomem(c);
        return NULL;
    }
    char *s = buf_detach(&b);
    if (!s)
        nomem(c);
    else
        unescape_x(s);
    return s;
}

static dti_rc load_strings(ctx *c, const char *path)
{
    xmlDoc *x = NULL;
    dti_rc rc = ooxml_parse(c->z, path, 0, &x, c->e);
    if (rc || !x)
        return rc;
    size_t cap = 0;
    for (const xmlNode *n = xmlDocGetRootElement(x)->children; n; n = n->next) {
        if (!ooxml_is(n, OOXML_NS_S, "si"))
            continue;
        if (c->nstrings >= XLSX_MAX_STRINGS) {
            rc = dti_fail(c->e, DTI_ERR_TOOBIG, c->name, "%s: quá nhiều chuỗi (sharedStrings.xml)",
                          "%s: too many strings (sharedStrings.xml)", c->name);
            goto out;
        }
        if (c->nstrings == cap) {
            size_t nc = cap ? cap * 2 : 256;
            char **v = realloc(c->strings, nc * sizeof *v);
            if (!v) {
                rc = nomem(c);
                goto out;
            }
            c->strings = v;
            cap = nc;
        }
        char *s = string_of(c, n);
        if (!s) {
            rc = c->e ? c->e->code : DTI_ERR_NOMEM;
            goto out;
        }
        c->strings[c->nstrings++] = s;
    }
out:
    xmlFreeDoc(x);
    return rc;
}

/* ---- number formats ---- */

/* What a custom format code shows: a percentage, a date, or a plain number.
 * Quoted text, backslash escapes and [colour/condition] brackets are skipped. */
static int fmt_kind(const char *code)
{
    int date = 0;
    for (const char *p = code; *p; p++) {
        if (*p == '"') {
            p = strchr(p + 1, '"');
            if (!p)
                break;
        } else if (*p == '\\' && p[1]) {
            p++;
        } else if (*p == '[') {
            p = strchr(p, ']');
            if (!p)
                break;
        } else if (*p == '%') {
            return FMT_PERCENT;
        } else if (*p == 'd' || *p == 'D' || *p == 'y' || *p == 'Y') {
            date = 1;
        } else if (*p == ';') {
            break;      /* the first section decides */
        }
    }
    return date ? FMT_DATE : FMT_PLAIN;
}

static int builtin_kind(long id)
{
    if (id == 9 || id == 10)
        return FMT_PERCENT;
    if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
        return FMT_DATE;
    return FMT_PLAIN;
}

static dti_rc load_styles(ctx *c, const char *path)
{
    dti_rc rc = DTI_OK;
    xmlDoc *x = NULL;
    long *custom_id = NULL;
    unsigned char *custom_kind = NULL, *font_bold = NULL;
    size_t ncustom = 0, nfonts = 0;
    if ((rc = ooxml_parse(c->z, path, 0, &x, c->e)) || !x)
        return rc;
    const xmlNode *root = xmlDocGetRootElement(x);
    const xmlNode *numfmts = ooxml_child(root, OOXML_NS_S, "numFmts");
    const xmlNode *fonts = ooxml_child(root, OOXML_NS_S, "fonts");
    const xmlNode *cellxfs = ooxml_child(root, OOXML_NS_S, "cellXfs");
    size_t cap = 0;
    for (const xmlNode *n = numfmts ? numfmts->children : NULL; n; n = n->next) {
        long id;
        const char *code = ooxml_attr(n, OOXML_NS_NONE, "formatCode");
        if (!ooxml_is(n, OOXML_NS_S, "numFmt") || !code ||
            ooxml_long(ooxml_attr(n, OOXML_NS_NONE, "numFmtId"), 0, 100000, &id) || ncustom >= XLSX_MAX_XF)
            continue;
        if (ncustom == cap) {
            cap = cap ? cap * 2 : 32;
            long *v = realloc(custom_id, cap * sizeof *v);
            if (v)
                custom_id = v;
            unsigned char *k = realloc(custom_kind, cap);
            if (k)
                custom_kind = k;
            if (!v || !k) {
                rc = nomem(c);
                goto out;
            }
        }
        custom_id[ncustom] = id;
        custom_kind[ncustom++] = (unsigned char)fmt_kind(code);
    }
    for (const xmlNode *n = fonts ? fonts->children : NULL; n; n = n->next)
        nfonts += ooxml_is(n, OOXML_NS_S, "font");
    if (nfonts > XLSX_MAX_XF)
        nfonts = XLSX_MAX_XF;
    if (nfonts && !(font_bold = calloc(nfonts, 1))) {
        rc = nomem(c);
        goto out;
    }
    size_t f = 0;
    for (const xmlNode *n = fonts ? fonts->children : NULL; n && f < nfonts; n = n->next) {
        if (!ooxml_is(n, OOXML_NS_S, "font"))
            continue;
        const xmlNode *b = ooxml_child(n, OOXML_NS_S, "b");
        font_bold[f++] = b && ooxml_on(ooxml_attr(b, OOXML_NS_NONE, "val"));
    }
    size_t nxf = 0;
    for (const xmlNode *n = cellxfs ? cellxfs->children : NULL; n; n = n->next)
        nxf += ooxml_is(n, OOXML_NS_S, "xf");
    if (nxf > XLSX_MAX_XF)
        nxf = XLSX_MAX_XF;
    if (nxf && !(c->xfs = calloc(nxf, sizeof *c->xfs))) {
        rc = nomem(c);
        goto out;
    }
    c->nxfs = nxf;
    size_t i = 0;
    for (const xmlNode *n = cellxfs ? cellxfs->children : NULL; n && i < nxf; n = n->next) {
        if (!ooxml_is(n, OOXML_NS_S, "xf"))
            continue;
        long id, font;
        xf *v = &c->xfs[i++];
        if (!ooxml_long(ooxml_attr(n, OOXML_NS_NONE, "numFmtId"), 0, 100000, &id)) {
            v->fmt = (unsigned char)builtin_kind(id);
            for (size_t k = 0; k < ncustom; k++)
                if (custom_id[k] == id)
                    v->fmt = custom_kind[k];
        }
        if (!ooxml_long(ooxml_attr(n, OOXML_NS_NONE, "fontId"), 0, (long)nfonts - 1, &font))
            v->bold = font_bold[font];
    }
out:
    free(custom_id);
    free(custom_kind);
    free(font_bold);
    xmlFreeDoc(x);
    return rc;
}

/* ---- values ---- */

static int digits_in(const char *s)
{
    int n = 0;
    for (; *s && *s != 'e' && *s != 'E'; s++)
        n += *s >= '0' && *s <= '9';
    return n;
}

/* Days since the epoch → civil date (Howard Hinnant's algorithm). */
static void civil(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

/* A number cell's text: RAW as stored, shown per its format KIND. */
static char *number_text(const ctx *c, const char *raw, int kind)
{
    char out[64];
    char *end;
    double v = strtod(raw, &end);
    while (*end == ' ')
        end++;
    if (end == raw || *end || !isfinite(v))
        return strdup(raw);
    if (kind == FMT_PERCENT) {
        snprintf(out, sizeof out, "%.15g%%", v * 100);
        return strdup(out);
    }
    if (kind == FMT_DATE && v >= 1 && v < 2958466) {
        /* serial 1 is 1900-01-01 in the 1900 system (with Lotus's phantom
         * 1900-02-29 counted, so serials from 61 on are one day ahead); serial
         * 0 is 1904-01-01 in the 1904 system */
        long serial = (long)floor(v);
        long days;      /* since 1970-01-01 */
        if (c->date1904)
            days = serial - 24106;
        else
            days = serial - (serial >= 61 ? 25569 : 25568);
        int y, m, d;
        civil(days, &y, &m, &d);
        snprintf(out, sizeof out, "%02d/%02d/%04d", d, m, y);
        return strdup(out);
    }
    if (digits_in(raw) > 15) {
        snprintf(out, sizeof out, "%.15g", v);
        return strdup(out);
    }
    return strdup(raw);
}

/* Parse a cell reference "B12" (column letters, row digits; "$" allowed). */
static int parse_ref(const char *s, long *row, long *col)
{
    long c = 0, r = 0;
    int nl = 0, nd = 0;
    if (*s == '$')
        s++;
    for (; (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z'); s++) {
        if (++nl > 3)
            return -1;
        c = c * 26 + ((*s | 0x20) - 'a' + 1);
    }
    if (*s == '$')
        s++;
    for (; *s >= '0' && *s <= '9'; s++) {
        if (++nd > 7)
            return -1;
        r = r * 10 + (*s - '0');
    }
    if (*s || !nl || !nd || c > XLSX_MAX_COL || r < 1 || r > XLSX_MAX_ROW)
        return -1;
    *row = r;
    *col = c;
    return 0;
}

static int has_text(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
            return 1;
    return 0;
}

/* The text of cell element CN, or NULL with *RC set when out of memory
 * (NULL with DTI_OK: no value). */
static char *cell_text(ctx *c, const xmlNode *cn, dti_rc *rc)
{
    *rc = DTI_OK;
    const char *t = ooxml_attr(cn, OOXML_NS_NONE, "t");
    const xmlNode *vn = ooxml_child(cn, OOXML_NS_S, "v");
    char *s = NULL;
    if (t && strcmp(t, "inlineStr") == 0) {
        s = string_of(c, ooxml_child(cn, OOXML_NS_S, "is"));
        if (!s)
            *rc = c->e ? c->e->code : DTI_ERR_NOMEM;
        return s;
    }
    if (!vn)
        return NULL;
    buf b;
    buf_init(&b, DOC_MAX_CELL);
    ooxml_text(vn, &b);
    if (buf_failed(&b) || !b.ptr) {
        int failed = buf_failed(&b);
        buf_release(&b);
        if (failed)
            *rc = dti_fail(c->e, DTI_ERR_TOOBIG, c->name, "%s: một ô quá dài", "%s: a cell is too long", c->name);
        return NULL;
    }
    const char *raw = b.ptr;
    if (t && strcmp(t, "s") == 0) {
        long i;
        if (!ooxml_long(raw, 0, (long)c->nstrings - 1, &i) && c->nstrings)
            s = strdup(c->strings[i]);
        else
            s = strdup("");     /* an index past the table: nothing to show */
    } else if (t && strcmp(t, "b") == 0) {
        s = strdup(strcmp(raw, "0") == 0 ? "FALSE" : "TRUE");
    } else if (t && (strcmp(t, "str") == 0 || strcmp(t, "e") == 0)) {
        s = strdup(raw);
        if (s)
            unescape_x(s);
    } else {
        long si;
        int kind = FMT_PLAIN;
        if (!ooxml_long(ooxml_attr(cn, OOXML_NS_NONE, "s"), 0, (long)c->nxfs - 1, &si) && c->nxfs)
            kind = c->xfs[si].fmt;
        s = number_text(c, raw, kind);
    }
    buf_release(&b);
    if (!s)
        *rc = nomem(c);
    return s;
}

/* ---- sheets ---- */

typedef struct cells {
    xcell *v;
    size_t n, cap;
} cells;

static void cells_release(cells *cs)
{
    for (size_t i = 0; i < cs->n; i++)
        free(cs->v[i].text);
    free(cs->v);
}

static dti_rc toobig_sheet(ctx *c, const char *sheet, const char *vi, const char *en)
{
    return dti_fail(c->e, DTI_ERR_TOOBIG, c->name, "%s: trang tính \"%s\" %s%.0s", "%s: sheet \"%s\" %.0s%s",
                    c->name, sheet, vi, en);
}

static dti_rc read_sheet(ctx *c, const char *path, const char *sheet)
{
    dti_rc rc = DTI_OK;
    xmlDoc *x = NULL;
    cells cs = {0};
    if ((rc = ooxml_parse(c->z, path, 1, &x, c->e)))
        return rc;
    const xmlNode *root = xmlDocGetRootElement(x);
    if (!ooxml_is(root, OOXML_NS_S, "worksheet"))
        goto out;       /* a chart or dialog sheet: no cells */
    const xmlNode *data = ooxml_child(root, OOXML_NS_S, "sheetData");
    long minr = XLSX_MAX_ROW + 1, maxr = 0, minc = XLSX_MAX_COL + 1, maxc = 0;
    long row = 0;
    for (const xmlNode *rn = data ? data->children : NULL; rn; rn = rn->next) {
        if (!ooxml_is(rn, OOXML_NS_S, "row"))
            continue;
        long r;
        row = !ooxml_long(ooxml_attr(rn, OOXML_NS_NONE, "r"), 1, XLSX_MAX_ROW, &r) ? r : row + 1;
        if (row > XLSX_MAX_ROW)
            break;
        long col = 0;
        for (const xmlNode *cn = rn->children; cn; cn = cn->next) {
            if (!ooxml_is(cn, OOXML_NS_S, "c"))
                continue;
            long rr, cc;
            const char *ref = ooxml_attr(cn, OOXML_NS_NONE, "r");
            if (ref && !parse_ref(ref, &rr, &cc)) {
                col = cc;       /* its row is the <row>'s, whatever the ref says */
            } else {
                col++;
            }
            if (col > XLSX_MAX_COL)
                break;
            char *text = cell_text(c, cn, &rc);
            if (rc)
                goto out;
            if (!text)
                continue;
            if (!has_text(text)) {
                free(text);
                continue;
            }
            if (cs.n >= XLSX_MAX_CELLS) {
                free(text);
                rc = toobig_sheet(c, sheet, "có quá nhiều ô", "has too many cells");
                goto out;
            }
            if (cs.n == cs.cap) {
                size_t nc = cs.cap ? cs.cap * 2 : 256;
                xcell *v = realloc(cs.v, nc * sizeof *v);
                if (!v) {
                    free(text);
                    rc = nomem(c);
                    goto out;
                }
                cs.v = v;
                cs.cap = nc;
            }
            long si;
            int bold = !ooxml_long(ooxml_attr(cn, OOXML_NS_NONE, "s"), 0, (long)c->nxfs - 1, &si) && c->nxfs &&
                       c->xfs[si].bold;
            cs.v[cs.n++] = (xcell){.row = row, .col = col, .text = text, .bold = bold};
            if (row < minr)
                minr = row;
            if (row > maxr)
                maxr = row;
            if (col < minc)
                minc = col;
            if (col > maxc)
                maxc = col;
        }
    }
    if (!cs.n)
        goto out;
    if (maxr - minr + 1 > DOC_MAX_ROWS) {
        rc = toobig_sheet(c, sheet, "có quá nhiều hàng (tối đa 20000)", "has too many rows (at most 20000)");
        goto out;
    }
    if (maxc - minc + 1 > DOC_MAX_COLS) {
        rc = toobig_sheet(c, sheet, "có quá nhiều cột (tối đa 64)", "has too many columns (at most 64)");
        goto out;
    }
    if (c->d->n >= DOC_MAX_BLOCKS) {
        rc = toobig_sheet(c, sheet, "vượt giới hạn số bảng", "is over the limit of tables");
        goto out;
    }
    size_t nrows = (size_t)(maxr - minr + 1), ncols = (size_t)(maxc - minc + 1);
    doc_table *t = doc_add_table(c->d, nrows, ncols, (int)minr);
    if (!t) {
        rc = nomem(c);
        goto out;
    }
    for (size_t i = 0; i < cs.n; i++) {
        size_t r = (size_t)(cs.v[i].row - minr), k = (size_t)(cs.v[i].col - minc);
        if (doc_cell_set(t, r, k, cs.v[i].text)) {
            rc = nomem(c);
            goto out;
        }
        doc_cell_at(t, r, k)->bold = cs.v[i].bold;
    }
    /* Merged ranges. Excel never overlaps them; a hostile file might, so the
     * work is bounded. */
    const xmlNode *merges = ooxml_child(root, OOXML_NS_S, "mergeCells");
    size_t nmerges = 0, work = 0, max_work = nrows * ncols + 1000000;
    for (const xmlNode *mn = merges ? merges->children : NULL; mn; mn = mn->next) {
        const char *ref = ooxml_attr(mn, OOXML_NS_NONE, "ref");
        if (!ooxml_is(mn, OOXML_NS_S, "mergeCell") || !ref)
            continue;
        if (++nmerges > XLSX_MAX_MERGES) {
            rc = toobig_sheet(c, sheet, "có quá nhiều ô gộp", "has too many merged cells");
            goto out;
        }
        char a[32], b[32];
        const char *colon = strchr(ref, ':');
        if (!colon || (size_t)(colon - ref) >= sizeof a || strlen(colon + 1) >= sizeof b)
            continue;
        snprintf(a, sizeof a, "%.*s", (int)(colon - ref), ref);
        snprintf(b, sizeof b, "%s", colon + 1);
        long r1, c1, r2, c2;
        if (parse_ref(a, &r1, &c1) || parse_ref(b, &r2, &c2))
            continue;
        if (r2 < r1) {
            long tmp = r1;
            r1 = r2;
            r2 = tmp;
        }
        if (c2 < c1) {
            long tmp = c1;
            c1 = c2;
            c2 = tmp;
        }
        if (r1 < minr || r1 > maxr || c1 < minc || c1 > maxc)
            continue;   /* its top-left cell is empty and trimmed away */
        if (r2 > maxr)
            r2 = maxr;
        if (c2 > maxc)
            c2 = maxc;
        for (long r = r1; r <= r2; r++)
            for (long k = c1; k <= c2; k++) {
                if (r == r1 && k == c1)
                    continue;
                if (++work > max_work) {
                    rc = toobig_sheet(c, sheet, "có các vùng gộp ô chồng lên nhau quá nhiều",
                                      "has too many overlapping merged ranges");
                    goto out;
                }
                size_t tr = (size_t)(r - minr), tk = (size_t)(k - minc);
                if (doc_cell_set(t, tr, tk, "")) {
                    rc = nomem(c);
                    goto out;
                }
                doc_cell_at(t, tr, tk)->merged = r == r1 ? DOC_MERGE_LEFT : DOC_MERGE_UP;
            }
    }
out:
    cells_release(&cs);
    xmlFreeDoc(x);
    return rc;
}

/* ---- the reader ---- */

/* 90 for a zip holding the main part; 10 for a damaged zip named *.xlsx,
 * so that read() reports the damage rather than an unknown format. */
static int sniff(const char *data, size_t n, const char *filename)
{
    int has = ooxml_sniff(data, n, XLSX_WORKBOOK);
    if (has > 0)
        return 90;
    size_t fl = filename ? strlen(filename) : 0;
    if (has < 0 && fl >= 5 && strcasecmp(filename + fl - 5, ".xlsx") == 0)
        return 10;
    return 0;
}

static dti_rc rd(const char *data, size_t n, const char *name, doc **out, dti_err *e)
{
    dti_rc rc;
    xmlDoc *wb = NULL;
    ooxml_rels rels = {0};
    ctx c = {.name = name, .e = e};
    *out = NULL;
    if ((rc = ooxml_open(data, n, name, &c.z, e)))
        goto out;
    if ((rc = ooxml_parse(c.z, XLSX_WORKBOOK, 1, &wb, e)))
        goto out;
    const xmlNode *root = xmlDocGetRootElement(wb);
    if (!ooxml_is(root, OOXML_NS_S, "workbook")) {
        rc = dti_fail(e, DTI_ERR_FORMAT, name, "%s: phần %s không phải sổ tính Excel",
                      "%s: the part %s is not an Excel workbook", name, XLSX_WORKBOOK);
        goto out;
    }
    const xmlNode *pr = ooxml_child(root, OOXML_NS_S, "workbookPr");
    const char *d1904 = ooxml_attr(pr, OOXML_NS_NONE, "date1904");
    c.date1904 = d1904 && ooxml_on(d1904);
    if ((rc = ooxml_rels_load(c.z, XLSX_WORKBOOK, &rels, e)))
        goto out;
    const ooxml_rel *ss = ooxml_rels_type(&rels, "sharedStrings");
    const ooxml_rel *st = ooxml_rels_type(&rels, "styles");
    if ((rc = load_strings(&c, ss ? ss->target : "xl/sharedStrings.xml")) ||
        (rc = load_styles(&c, st ? st->target : "xl/styles.xml")))
        goto out;
    if (!(c.d = doc_new(name))) {
        rc = nomem(&c);
        goto out;
    }
    const xmlNode *sheets = ooxml_child(root, OOXML_NS_S, "sheets");
    int nsheets = 0;
    for (const xmlNode *sn = sheets ? sheets->children : NULL; sn; sn = sn->next) {
        if (!ooxml_is(sn, OOXML_NS_S, "sheet"))
            continue;
        if (++nsheets > XLSX_MAX_SHEETS) {
            rc = dti_fail(e, DTI_ERR_TOOBIG, name, "%s: quá nhiều trang tính (tối đa %d)",
                          "%s: too many sheets (at most %d)", name, XLSX_MAX_SHEETS);
            goto out;
        }
        const char *state = ooxml_attr(sn, OOXML_NS_NONE, "state");
        if (state && strcmp(state, "visible") != 0)
            continue;
        const char *sheet = ooxml_attr(sn, OOXML_NS_NONE, "name");
        const ooxml_rel *r = ooxml_rels_id(&rels, ooxml_attr(sn, OOXML_NS_R, "id"));
        size_t tl = r ? strlen(r->type) : 0;
        if (!r || tl < 10 || strcmp(r->type + tl - 10, "/worksheet") != 0)
            continue;   /* chart sheets, dialog sheets, dangling ids */
        if ((rc = read_sheet(&c, r->target, sheet ? sheet : "")))
            goto out;
    }
    *out = c.d;
    c.d = NULL;
out:
    doc_free(c.d);
    for (size_t i = 0; i < c.nstrings; i++)
        free(c.strings[i]);
    free(c.strings);
    free(c.xfs);
    ooxml_rels_release(&rels);
    xmlFreeDoc(wb);
    ooxml_close(c.z);
    return rc;
}

const reader_ops reader_xlsx = {"xlsx", sniff, rd};
