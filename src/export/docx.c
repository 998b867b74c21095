/* docx.c — the WordprocessingML writer of docx.h.
 *
 * word/document.xml is written as it goes with one xmlTextWriter over an
 * xmlBuffer (escaping is libxml2's); the first failing call sets a sticky
 * error and every later call does nothing. docx_finish() closes the body,
 * writes the core and custom properties with their own writers, and zips
 * them with the embedded templates (libzip, in memory). Text runs keep
 * spaces (xml:space="preserve") and turn '\n' into <w:br/>. */
#include <stdlib.h>
#include <string.h>
#include <libxml/xmlwriter.h>
#include <zip.h>
#include "base/embed.h"
#include "export/docx.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

struct docx {
    xmlBufferPtr xb;
    xmlTextWriterPtr w;
    int failed;             /* sticky: 0 or a dti_rc */
    size_t ncols;
    int widths[DOCX_TABLE_COLS_MAX];
    int in_p;
    int html;               /* 1: the same calls write the print view (HTML), docx.h */
    long table_w;           /* twips of the open table (html: column widths in %) */
};

static void chk(docx *d, int r)
{
    if (r < 0 && !d->failed)
        d->failed = DTI_ERR_NOMEM;
    if (!d->failed && d->xb && (size_t)xmlBufferLength(d->xb) > DOCX_MAX_BYTES)
        d->failed = DTI_ERR_TOOBIG;
}

static void el(docx *d, const char *name)
{
    if (!d->failed)
        chk(d, xmlTextWriterStartElement(d->w, BAD_CAST name));
}

/* The end of an element: in HTML a non-void element always gets its end
 * tag ("<p></p>", never "<p/>"); void ones (br, hr, meta, link, col) end
 * with end_void. */
static void end(docx *d)
{
    if (!d->failed)
        chk(d, d->html ? xmlTextWriterFullEndElement(d->w) : xmlTextWriterEndElement(d->w));
}

static void end_void(docx *d)
{
    if (!d->failed)
        chk(d, xmlTextWriterEndElement(d->w));
}

static void at(docx *d, const char *name, const char *v)
{
    if (!d->failed)
        chk(d, xmlTextWriterWriteAttribute(d->w, BAD_CAST name, BAD_CAST v));
}

static void ati(docx *d, const char *name, long v)
{
    char s[32];
    snprintf(s, sizeof s, "%ld", v);
    at(d, name, s);
}

/* <NAME w:val="V"/> */
static void val(docx *d, const char *name, const char *v)
{
    el(d, name);
    if (v)
        at(d, "w:val", v);
    end(d);
}

static void vali(docx *d, const char *name, long v)
{
    el(d, name);
    ati(d, "w:val", v);
    end(d);
}

/* ---- the print view: the same calls as HTML (docx.h docx_new_html) ----- */

static void cls(docx *d, const char *a, const char *b, const char *c, const char *x)
{
    char v[160];
    snprintf(v, sizeof v, "%s%s%s%s%s%s%s", a ? a : "", b && *b ? " " : "", b ? b : "", c && *c ? " " : "",
             c ? c : "", x && *x ? " " : "", x ? x : "");
    char *t = v;
    while (*t == ' ')
        t++;
    if (*t)
        at(d, "class", t);
}

static const char *al_class(docx_align a)
{
    switch (a) {
    case DOCX_AL_LEFT: return "al-left";
    case DOCX_AL_CENTER: return "al-center";
    case DOCX_AL_RIGHT: return "al-right";
    case DOCX_AL_BOTH: return "al-both";
    default: return NULL;
    }
}

static void raw(docx *d, const char *s)
{
    if (!d->failed)
        chk(d, xmlTextWriterWriteRaw(d->w, BAD_CAST s));
}

dti_rc docx_new_html(docx **out, const char *title, const char *css, dti_err *e)
{
    docx *d = calloc(1, sizeof *d);
    if (!d || !(d->xb = xmlBufferCreate()) || !(d->w = xmlNewTextWriterMemory(d->xb, 0))) {
        if (d && d->xb)
            xmlBufferFree(d->xb);
        free(d);
        *out = NULL;
        return dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
    }
    d->html = 1;
    raw(d, "<!DOCTYPE html>\n");
    el(d, "html");
    at(d, "lang", "vi");
    el(d, "head");
    el(d, "meta");
    at(d, "charset", "utf-8");
    end_void(d);
    el(d, "title");
    if (!d->failed)
        chk(d, xmlTextWriterWriteString(d->w, BAD_CAST (title ? title : "")));
    end(d);
    el(d, "link");
    at(d, "rel", "stylesheet");
    at(d, "href", css);
    end_void(d);
    end(d);     /* head */
    el(d, "body");
    el(d, "div");
    at(d, "class", "section");
    *out = d;
    return DTI_OK;
}

dti_rc docx_finish_html(docx *d, int landscape, void **data, size_t *len, dti_err *e)
{
    *data = NULL;
    *len = 0;
    end(d);     /* the last section */
    if (landscape) {
        /* the last section turned: a class on an empty marker the style sheet reads */
        el(d, "div");
        at(d, "class", "last-landscape");
        end(d);
    }
    end(d);     /* body */
    end(d);     /* html */
    if (!d->failed)
        chk(d, xmlTextWriterFlush(d->w));
    if (d->failed)
        return dti_fail(e, d->failed, NULL, "không viết được bản in", "could not write the print view");
    size_t n = (size_t)xmlBufferLength(d->xb);
    char *p = malloc(n + 1);
    if (!p)
        return dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
    memcpy(p, xmlBufferContent(d->xb), n);
    p[n] = '\0';
    *data = p;
    *len = n;
    d->failed = DTI_ERR_INTERNAL;   /* spent */
    return DTI_OK;
}

dti_rc docx_new(docx **out, dti_err *e)
{
    docx *d = calloc(1, sizeof *d);
    if (!d || !(d->xb = xmlBufferCreate()) || !(d->w = xmlNewTextWriterMemory(d->xb, 0))) {
        if (d && d->xb)
            xmlBufferFree(d->xb);
        free(d);
        *out = NULL;
        return dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
    }
    chk(d, xmlTextWriterStartDocument(d->w, "1.0", "UTF-8", "yes"));
    el(d, "w:document");
    at(d, "xmlns:w", W_NS);
    at(d, "xmlns:r", R_NS);
    el(d, "w:body");
    *out = d;
    return DTI_OK;
}

void docx_free(docx *d)
{
    if (!d)
        return;
    if (d->w)
        xmlFreeTextWriter(d->w);
    if (d->xb)
        xmlBufferFree(d->xb);
    free(d);
}

static const char *align_name(docx_align a)
{
    switch (a) {
    case DOCX_AL_LEFT: return "left";
    case DOCX_AL_CENTER: return "center";
    case DOCX_AL_RIGHT: return "right";
    case DOCX_AL_BOTH: return "both";
    default: return NULL;
    }
}

static void rule_border(docx *d, const char *side)
{
    el(d, side);
    at(d, "w:val", "single");
    at(d, "w:sz", "6");
    at(d, "w:space", "1");
    at(d, "w:color", "000000");
    end(d);
}

void docx_p_begin(docx *d, const docx_pfmt *f)
{
    if (d->html) {
        el(d, "p");
        d->in_p = 1;
        if (f)
            cls(d, f->style, al_class(f->align), f->before >= 120 ? "gap" : NULL, f->first_line < 0 ? "noind" : NULL);
        return;
    }
    el(d, "w:p");
    d->in_p = 1;
    if (!f)
        return;
    el(d, "w:pPr");
    if (f->style)
        val(d, "w:pStyle", f->style);
    if (f->keep_next)
        val(d, "w:keepNext", NULL);
    if (f->rule_top) {
        el(d, "w:pBdr");
        rule_border(d, "w:top");
        end(d);
    }
    if (f->before || f->after) {
        el(d, "w:spacing");
        if (f->before)
            ati(d, "w:before", f->before < 0 ? 0 : f->before);
        if (f->after)
            ati(d, "w:after", f->after < 0 ? 0 : f->after);
        end(d);
    }
    if (f->first_line || f->ind_left || f->ind_right) {
        el(d, "w:ind");
        if (f->ind_left)
            ati(d, "w:left", f->ind_left);
        if (f->ind_right)
            ati(d, "w:right", f->ind_right);
        if (f->first_line)
            ati(d, "w:firstLine", f->first_line < 0 ? 0 : f->first_line);
        end(d);
    }
    if (align_name(f->align))
        val(d, "w:jc", align_name(f->align));
    end(d);
}

static void rpr(docx *d, unsigned flags, int size)
{
    if (!flags && !size)
        return;
    el(d, "w:rPr");
    if (flags & DOCX_BOLD) {
        val(d, "w:b", NULL);
        val(d, "w:bCs", NULL);
    }
    if (flags & DOCX_ITALIC) {
        val(d, "w:i", NULL);
        val(d, "w:iCs", NULL);
    }
    if (flags & DOCX_UNDERLINE)
        val(d, "w:u", "single");
    if (size) {
        vali(d, "w:sz", size);
        vali(d, "w:szCs", size);
    }
    end(d);
}

void docx_run(docx *d, const char *text, unsigned flags, int size)
{
    if (!text)
        text = "";
    if (d->html) {
        char sz[16];
        snprintf(sz, sizeof sz, "sz%d", size);
        el(d, "span");
        cls(d, flags & DOCX_BOLD ? "b" : NULL, flags & DOCX_ITALIC ? "i" : NULL, flags & DOCX_UNDERLINE ? "u" : NULL,
            size ? sz : NULL);
        for (const char *s = text;;) {
            const char *nl = strchr(s, '\n');
            size_t n = nl ? (size_t)(nl - s) : strlen(s);
            if (n && !d->failed)
                chk(d, xmlTextWriterWriteFormatString(d->w, "%.*s", (int)n, s));
            if (!nl)
                break;
            el(d, "br");
            end_void(d);
            s = nl + 1;
        }
        end(d);
        return;
    }
    el(d, "w:r");
    rpr(d, flags, size);
    const char *s = text;
    for (;;) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        if (n || !nl) {
            el(d, "w:t");
            at(d, "xml:space", "preserve");
            if (!d->failed)
                chk(d, xmlTextWriterWriteFormatString(d->w, "%.*s", (int)n, s));
            end(d);
        }
        if (!nl)
            break;
        val(d, "w:br", NULL);
        s = nl + 1;
    }
    end(d);
}

static void fld(docx *d, const char *type)
{
    el(d, "w:r");
    el(d, "w:fldChar");
    at(d, "w:fldCharType", type);
    end(d);
    end(d);
}

void docx_page_field(docx *d)
{
    if (d->html)
        return;     /* the browser numbers printed pages itself */
    fld(d, "begin");
    el(d, "w:r");
    el(d, "w:instrText");
    at(d, "xml:space", "preserve");
    if (!d->failed)
        chk(d, xmlTextWriterWriteString(d->w, BAD_CAST " PAGE "));
    end(d);
    end(d);
    fld(d, "separate");
    docx_run(d, "1", 0, 0);
    fld(d, "end");
}

void docx_p_end(docx *d)
{
    end(d);
    d->in_p = 0;
}

void docx_p(docx *d, const docx_pfmt *f, const char *text, unsigned flags, int size)
{
    docx_p_begin(d, f);
    if (text && *text)
        docx_run(d, text, flags, size);
    docx_p_end(d);
}

void docx_rule(docx *d, int width, int span)
{
    if (d->html) {
        char w[16];
        snprintf(w, sizeof w, "%d%%", span > 0 ? (int)(100L * width / span) : 100);
        el(d, "hr");
        at(d, "width", w);
        end_void(d);
        return;
    }
    int side = span > width ? (span - width) / 2 : 0;
    docx_pfmt f = {.rule_top = 1, .ind_left = side, .ind_right = side, .before = 60, .after = -1};
    docx_p_begin(d, &f);
    docx_run(d, "", 0, 4);
    docx_p_end(d);
}

static void borders(docx *d, int on)
{
    static const char *const sides[] = {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"};
    el(d, "w:tblBorders");
    for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++) {
        el(d, sides[i]);
        at(d, "w:val", on ? "single" : "nil");
        if (on) {
            at(d, "w:sz", "4");
            at(d, "w:space", "0");
            at(d, "w:color", "000000");
        }
        end(d);
    }
    end(d);
}

void docx_table_begin(docx *d, size_t ncols, const int *widths, int bordered)
{
    if (ncols == 0 || ncols > DOCX_TABLE_COLS_MAX) {
        if (!d->failed)
            d->failed = DTI_ERR_INTERNAL;
        return;
    }
    d->ncols = ncols;
    long total = 0;
    for (size_t i = 0; i < ncols; i++) {
        d->widths[i] = widths[i];
        total += widths[i];
    }
    d->table_w = total;
    if (d->html) {
        el(d, "table");
        at(d, "class", bordered ? "grid" : "plain");
        el(d, "colgroup");
        for (size_t i = 0; i < ncols; i++) {
            char w[16];
            snprintf(w, sizeof w, "%ld%%", total > 0 ? 100L * widths[i] / total : 0);
            el(d, "col");
            at(d, "width", w);
            end_void(d);
        }
        end(d);
        return;
    }
    el(d, "w:tbl");
    el(d, "w:tblPr");
    el(d, "w:tblW");
    ati(d, "w:w", total);
    at(d, "w:type", "dxa");
    end(d);
    val(d, "w:jc", "center");
    borders(d, bordered);
    el(d, "w:tblLayout");
    at(d, "w:type", "fixed");
    end(d);
    end(d);
    el(d, "w:tblGrid");
    for (size_t i = 0; i < ncols; i++) {
        el(d, "w:gridCol");
        ati(d, "w:w", widths[i]);
        end(d);
    }
    end(d);
}

void docx_row_begin(docx *d, int header)
{
    if (d->html) {
        el(d, "tr");
        if (header)
            at(d, "class", "head");
        return;
    }
    el(d, "w:tr");
    el(d, "w:trPr");
    val(d, "w:cantSplit", NULL);
    if (header)
        val(d, "w:tblHeader", NULL);
    end(d);
}

void docx_cell_begin(docx *d, size_t col, size_t span)
{
    long w = 0;
    for (size_t i = col; i < col + span && i < d->ncols; i++)
        w += d->widths[i];
    if (d->html) {
        el(d, "td");
        if (span > 1) {
            char n[24];
            snprintf(n, sizeof n, "%zu", span);
            at(d, "colspan", n);
        }
        return;
    }
    el(d, "w:tc");
    el(d, "w:tcPr");
    el(d, "w:tcW");
    ati(d, "w:w", w);
    at(d, "w:type", "dxa");
    end(d);
    if (span > 1)
        vali(d, "w:gridSpan", (long)span);
    end(d);
}

void docx_cell_end(docx *d)
{
    end(d);
}

void docx_row_end(docx *d)
{
    end(d);
}

void docx_table_end(docx *d)
{
    end(d);
    if (d->html)
        return;
    /* Word needs a paragraph between a table and what follows */
    docx_pfmt f = {.before = -1, .after = -1};
    docx_p_begin(d, &f);
    docx_run(d, "", 0, 8);
    docx_p_end(d);
}

void docx_cell_text(docx *d, size_t col, const char *text, docx_align al, unsigned flags)
{
    docx_pfmt f = {.style = "TableText", .align = al};
    docx_cell_begin(d, col, 1);
    docx_p(d, &f, text, flags, 0);
    docx_cell_end(d);
}

static void sect_pr(docx *d, int landscape, int title_page)
{
    el(d, "w:sectPr");
    el(d, "w:headerReference");
    at(d, "w:type", "default");
    at(d, "r:id", "rId3");
    end(d);
    el(d, "w:pgSz");
    ati(d, "w:w", landscape ? DOCX_A4_H : DOCX_A4_W);
    ati(d, "w:h", landscape ? DOCX_A4_W : DOCX_A4_H);
    if (landscape)
        at(d, "w:orient", "landscape");
    end(d);
    el(d, "w:pgMar");
    /* landscape: the sheet turned, the binding edge (left) on top */
    ati(d, "w:top", landscape ? DOCX_MARGIN_LEFT : DOCX_MARGIN_TOP);
    ati(d, "w:right", landscape ? DOCX_MARGIN_BOTTOM : DOCX_MARGIN_RIGHT);
    ati(d, "w:bottom", landscape ? DOCX_MARGIN_RIGHT : DOCX_MARGIN_BOTTOM);
    ati(d, "w:left", landscape ? DOCX_MARGIN_TOP : DOCX_MARGIN_LEFT);
    ati(d, "w:header", 567);
    ati(d, "w:footer", 567);
    ati(d, "w:gutter", 0);
    end(d);
    if (title_page)
        val(d, "w:titlePg", NULL);
    end(d);
}

void docx_section(docx *d, int landscape, int title_page)
{
    if (d->html) {
        end(d);
        el(d, "div");
        at(d, "class", "section next");
        return;
    }
    el(d, "w:p");
    el(d, "w:pPr");
    sect_pr(d, landscape, title_page);
    end(d);
    end(d);
}

/* ---- properties ------------------------------------------------------- */

static dti_rc prop_writer(xmlBufferPtr *xb, xmlTextWriterPtr *w)
{
    if (!(*xb = xmlBufferCreate()))
        return DTI_ERR_NOMEM;
    if (!(*w = xmlNewTextWriterMemory(*xb, 0))) {
        xmlBufferFree(*xb);
        *xb = NULL;
        return DTI_ERR_NOMEM;
    }
    return xmlTextWriterStartDocument(*w, "1.0", "UTF-8", "yes") < 0 ? DTI_ERR_NOMEM : DTI_OK;
}

static int text_el(xmlTextWriterPtr w, const char *name, const char *v, const char *xsi_type)
{
    if (!v)
        return 0;
    int r = xmlTextWriterStartElement(w, BAD_CAST name);
    if (r >= 0 && xsi_type)
        r = xmlTextWriterWriteAttribute(w, BAD_CAST "xsi:type", BAD_CAST xsi_type);
    if (r >= 0)
        r = xmlTextWriterWriteString(w, BAD_CAST v);
    if (r >= 0)
        r = xmlTextWriterEndElement(w);
    return r;
}

static dti_rc core_xml(const docx_props *p, xmlBufferPtr *xb)
{
    xmlTextWriterPtr w = NULL;
    dti_rc rc = prop_writer(xb, &w);
    int r = rc ? -1 : 0;
    if (r >= 0)
        r = xmlTextWriterStartElement(w, BAD_CAST "cp:coreProperties");
    if (r >= 0)
        r = xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:cp",
            BAD_CAST "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
    if (r >= 0)
        r = xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:dc", BAD_CAST "http://purl.org/dc/elements/1.1/");
    if (r >= 0)
        r = xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:dcterms", BAD_CAST "http://purl.org/dc/terms/");
    if (r >= 0)
        r = xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:xsi", BAD_CAST "http://www.w3.org/2001/XMLSchema-instance");
    if (r >= 0)
        r = text_el(w, "dc:title", p ? p->title : NULL, NULL);
    if (r >= 0)
        r = text_el(w, "dc:subject", p ? p->subject : NULL, NULL);
    if (r >= 0)
        r = text_el(w, "dc:creator", p ? p->creator : NULL, NULL);
    if (r >= 0)
        r = text_el(w, "dc:description", p ? p->description : NULL, NULL);
    if (r >= 0)
        r = text_el(w, "dcterms:created", p ? p->created : NULL, "dcterms:W3CDTF");
    if (r >= 0)
        r = xmlTextWriterEndDocument(w);
    if (w)
        xmlFreeTextWriter(w);
    return r < 0 ? DTI_ERR_NOMEM : DTI_OK;
}

static dti_rc custom_xml(const docx_props *p, xmlBufferPtr *xb)
{
    xmlTextWriterPtr w = NULL;
    dti_rc rc = prop_writer(xb, &w);
    int r = rc ? -1 : 0;
    if (r >= 0)
        r = xmlTextWriterStartElement(w, BAD_CAST "Properties");
    if (r >= 0)
        r = xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns",
            BAD_CAST "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties");
    if (r >= 0)
        r = xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:vt",
            BAD_CAST "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes");
    for (size_t i = 0; p && i < p->ncustom && r >= 0; i++) {
        char pid[16];
        snprintf(pid, sizeof pid, "%zu", i + 2);
        r = xmlTextWriterStartElement(w, BAD_CAST "property");
        if (r >= 0)
            r = xmlTextWriterWriteAttribute(w, BAD_CAST "fmtid", BAD_CAST "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}");
        if (r >= 0)
            r = xmlTextWriterWriteAttribute(w, BAD_CAST "pid", BAD_CAST pid);
        if (r >= 0)
            r = xmlTextWriterWriteAttribute(w, BAD_CAST "name", BAD_CAST p->custom_names[i]);
        if (r >= 0)
            r = text_el(w, "vt:lpwstr", p->custom_values[i] ? p->custom_values[i] : "", NULL);
        if (r >= 0)
            r = xmlTextWriterEndElement(w);
    }
    if (r >= 0)
        r = xmlTextWriterEndDocument(w);
    if (w)
        xmlFreeTextWriter(w);
    return r < 0 ? DTI_ERR_NOMEM : DTI_OK;
}

/* ---- the package ------------------------------------------------------ */

dti_rc docx_zip(size_t nfiles, const char *const *names, const void *const *data,
                const size_t *lens, void **out, size_t *outlen, dti_err *e)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_t *z = NULL;
    dti_rc rc = DTI_ERR_NOMEM;
    *out = NULL;
    *outlen = 0;
    if (!src)
        goto fail;
    zip_source_keep(src);
    if (!(z = zip_open_from_source(src, ZIP_TRUNCATE, &ze)))
        goto fail;
    for (size_t i = 0; i < nfiles; i++) {
        zip_source_t *fs = zip_source_buffer(z, data[i], lens[i], 0);
        if (!fs)
            goto fail;
        zip_int64_t idx = zip_file_add(z, names[i], fs, ZIP_FL_ENC_UTF_8);
        if (idx < 0) {
            zip_source_free(fs);
            goto fail;
        }
        /* a fixed time: the same content makes the same bytes */
        zip_file_set_mtime(z, (zip_uint64_t)idx, 315532800 + 86400, 0);
    }
    if (zip_close(z) < 0)
        goto fail;
    z = NULL;
    zip_stat_t st;
    if (zip_source_stat(src, &st) < 0 || zip_source_open(src) < 0)
        goto fail;
    char *p = malloc(st.size ? st.size : 1);
    if (!p) {
        zip_source_close(src);
        goto fail;
    }
    zip_int64_t got = zip_source_read(src, p, st.size);
    zip_source_close(src);
    if (got < 0 || (zip_uint64_t)got != st.size) {
        free(p);
        goto fail;
    }
    zip_source_free(src);
    *out = p;
    *outlen = (size_t)st.size;
    return DTI_OK;
fail:
    if (z)
        zip_discard(z);
    if (src)
        zip_source_free(src);
    zip_error_fini(&ze);
    return dti_fail(e, rc, NULL, "không tạo được tệp nén .docx", "could not build the .docx package");
}

static const char *const template_parts[][2] = {
    {"[Content_Types].xml", "templates/docx/content_types.xml"},
    {"_rels/.rels", "templates/docx/rels.xml"},
    {"word/_rels/document.xml.rels", "templates/docx/document_rels.xml"},
    {"word/styles.xml", "templates/docx/styles.xml"},
    {"word/settings.xml", "templates/docx/settings.xml"},
    {"word/header1.xml", "templates/docx/header.xml"},
    {"docProps/app.xml", "templates/docx/app.xml"},
};
#define NTEMPLATES (sizeof template_parts / sizeof template_parts[0])

dti_rc docx_finish(docx *d, int landscape, int title_page, const docx_props *p, void **data,
                   size_t *len, dti_err *e)
{
    xmlBufferPtr core = NULL, custom = NULL;
    dti_rc rc;
    *data = NULL;
    *len = 0;
    sect_pr(d, landscape, title_page);
    end(d);     /* body */
    end(d);     /* document */
    if (!d->failed)
        chk(d, xmlTextWriterEndDocument(d->w));
    if (!d->failed)
        chk(d, xmlTextWriterFlush(d->w));
    if (d->failed) {
        rc = d->failed == DTI_ERR_TOOBIG
                 ? dti_fail(e, DTI_ERR_TOOBIG, NULL, "văn bản quá lớn", "document too large")
                 : dti_fail(e, d->failed, NULL, "không viết được văn bản .docx", "could not write the .docx");
        goto out;
    }
    if (core_xml(p, &core) || custom_xml(p, &custom)) {
        rc = dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
        goto out;
    }
    const char *names[NTEMPLATES + 3];
    const void *bytes[NTEMPLATES + 3];
    size_t lens[NTEMPLATES + 3];
    for (size_t i = 0; i < NTEMPLATES; i++) {
        const struct embed_file *f = embed_find(template_parts[i][1]);
        if (!f) {
            rc = dti_fail(e, DTI_ERR_INTERNAL, template_parts[i][1], "thiếu mẫu %s trong chương trình",
                          "template %s missing from the program", template_parts[i][1]);
            goto out;
        }
        names[i] = template_parts[i][0];
        bytes[i] = f->data;
        lens[i] = f->len;
    }
    names[NTEMPLATES] = "word/document.xml";
    bytes[NTEMPLATES] = xmlBufferContent(d->xb);
    lens[NTEMPLATES] = (size_t)xmlBufferLength(d->xb);
    names[NTEMPLATES + 1] = "docProps/core.xml";
    bytes[NTEMPLATES + 1] = xmlBufferContent(core);
    lens[NTEMPLATES + 1] = (size_t)xmlBufferLength(core);
    names[NTEMPLATES + 2] = "docProps/custom.xml";
    bytes[NTEMPLATES + 2] = xmlBufferContent(custom);
    lens[NTEMPLATES + 2] = (size_t)xmlBufferLength(custom);
    rc = docx_zip(NTEMPLATES + 3, names, bytes, lens, data, len, e);
out:
    if (core)
        xmlBufferFree(core);
    if (custom)
        xmlBufferFree(custom);
    if (!d->failed)
        d->failed = DTI_ERR_INTERNAL;   /* spent */
    return rc;
}
