/* ooxml.c — zipped XML packages (.docx, .xlsx) read with guards; see ooxml.h.
 *
 * libzip reads the zip from memory (zip_source_buffer_create, no copy); each
 * part is stat'ed first (size, encryption) and read in chunks into a buf
 * whose maximum is the declared size, so an entry cannot inflate past what
 * it claims, and libzip's CRC check catches the rest of a damaged entry.
 * libxml2 parses with its errors captured (never printed) so that the first
 * one can be reported as one line naming the part. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <errno.h>
#include <zip.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include "import/ooxml.h"

struct ooxml {
    zip_t *zip;
    char *name;         /* the file name, for messages */
    size_t total;       /* bytes inflated so far */
};

static const char *const NS_URI[][2] = {
    [OOXML_NS_NONE] = {NULL, NULL},
    [OOXML_NS_W] = {"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                    "http://purl.oclc.org/ooxml/wordprocessingml/main"},
    [OOXML_NS_S] = {"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                    "http://purl.oclc.org/ooxml/spreadsheetml/main"},
    [OOXML_NS_R] = {"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                    "http://purl.oclc.org/ooxml/officeDocument/relationships"},
    [OOXML_NS_PKG] = {"http://schemas.openxmlformats.org/package/2006/relationships", NULL},
    [OOXML_NS_MC] = {"http://schemas.openxmlformats.org/markup-compatibility/2006", NULL},
};

static dti_rc damaged(const ooxml *z, dti_err *e)
{
    return dti_fail(e, DTI_ERR_FORMAT, z->name, "%s: tệp nén bị hỏng hoặc không đầy đủ",
                    "%s: damaged or truncated zip file", z->name);
}

static zip_t *zip_from_memory(const char *data, size_t n, int *zerr)
{
    zip_error_t ze;
    zip_error_init(&ze);
    *zerr = 0;
    zip_source_t *src = zip_source_buffer_create(data, n, 0, &ze);
    if (!src) {
        *zerr = zip_error_code_zip(&ze);
        zip_error_fini(&ze);
        return NULL;
    }
    zip_t *za = zip_open_from_source(src, ZIP_RDONLY, &ze);
    if (!za) {
        *zerr = zip_error_code_zip(&ze);
        zip_source_free(src);
    }
    zip_error_fini(&ze);
    return za;
}

dti_rc ooxml_open(const char *data, size_t n, const char *name, ooxml **out, dti_err *e)
{
    dti_rc rc = DTI_OK;
    *out = NULL;
    ooxml *z = calloc(1, sizeof *z);
    if (!z || !(z->name = strdup(name ? name : ""))) {
        rc = dti_fail(e, DTI_ERR_NOMEM, name, "hết bộ nhớ", "out of memory");
        goto fail;
    }
    int zerr;
    z->zip = zip_from_memory(data, n, &zerr);
    if (!z->zip) {
        if (zerr == ZIP_ER_MEMORY)
            rc = dti_fail(e, DTI_ERR_NOMEM, name, "hết bộ nhớ", "out of memory");
        else
            rc = damaged(z, e);
        goto fail;
    }
    zip_int64_t entries = zip_get_num_entries(z->zip, 0);
    if (entries < 0) {
        rc = damaged(z, e);
        goto fail;
    }
    if (entries > OOXML_MAX_ENTRIES) {
        rc = dti_fail(e, DTI_ERR_TOOBIG, z->name, "%s: tệp nén có quá nhiều phần (%lld, tối đa %d)",
                      "%s: too many entries in the zip (%lld, at most %d)", z->name,
                      (long long)entries, OOXML_MAX_ENTRIES);
        goto fail;
    }
    *out = z;
    return DTI_OK;
fail:
    ooxml_close(z);
    return rc;
}

void ooxml_close(ooxml *z)
{
    if (!z)
        return;
    if (z->zip)
        zip_discard(z->zip);
    free(z->name);
    free(z);
}

static zip_int64_t locate(zip_t *za, const char *path)
{
    while (*path == '/')
        path++;
    return zip_name_locate(za, path, ZIP_FL_NOCASE);
}

int ooxml_has(ooxml *z, const char *path)
{
    return z && locate(z->zip, path) >= 0;
}

int ooxml_sniff(const char *data, size_t n, const char *path)
{
    if (n < 4 || memcmp(data, "PK\x03\x04", 4) != 0)
        return 0;
    int zerr;
    zip_t *za = zip_from_memory(data, n, &zerr);
    if (!za)
        return -1;
    int has = locate(za, path) >= 0;
    zip_discard(za);
    return has;
}

static dti_rc password(const ooxml *z, const char *path, dti_err *e)
{
    return dti_fail(e, DTI_ERR_FORMAT, z->name,
                    "%s: tệp có mật khẩu (phần %s được mã hóa); hãy bỏ mật khẩu rồi lưu lại",
                    "%s: password-protected (the part %s is encrypted); remove the password and save again",
                    z->name, path);
}

dti_rc ooxml_read(ooxml *z, const char *path, char **out, size_t *len, dti_err *e)
{
    dti_rc rc = DTI_OK;
    zip_file_t *f = NULL;
    buf b;
    buf_init(&b, 1);
    *out = NULL;
    *len = 0;
    zip_int64_t idx = locate(z->zip, path);
    if (idx < 0)
        return dti_fail(e, DTI_ERR_NOTFOUND, z->name, "%s: thiếu phần %s", "%s: the part %s is missing",
                        z->name, path);
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(z->zip, (zip_uint64_t)idx, 0, &st) < 0 || !(st.valid & ZIP_STAT_SIZE))
        return damaged(z, e);
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
        return password(z, path, e);
    if (st.size > IMPORT_MAX_UNZIPPED || st.size > OOXML_MAX_TOTAL - z->total)
        return dti_fail(e, DTI_ERR_TOOBIG, z->name,
                        "%s: phần %s quá lớn khi giải nén (%llu byte, tối đa %zu MB tổng cộng)",
                        "%s: the part %s is too large uncompressed (%llu bytes, at most %zu MB in all)",
                        z->name, path, (unsigned long long)st.size, (size_t)(OOXML_MAX_TOTAL >> 20));
    buf_init(&b, st.size ? (size_t)st.size : 1);
    f = zip_fopen_index(z->zip, (zip_uint64_t)idx, 0);
    if (!f) {
        int ze = zip_error_code_zip(zip_get_error(z->zip));
        rc = ze == ZIP_ER_NOPASSWD || ze == ZIP_ER_WRONGPASSWD || ze == ZIP_ER_ENCRNOTSUPP
                 ? password(z, path, e)
                 : ze == ZIP_ER_MEMORY ? dti_fail(e, DTI_ERR_NOMEM, z->name, "hết bộ nhớ", "out of memory")
                                       : damaged(z, e);
        goto out;
    }
    char chunk[16384];
    for (;;) {
        zip_int64_t got = zip_fread(f, chunk, sizeof chunk);
        if (got < 0) {
            rc = damaged(z, e);
            goto out;
        }
        if (got == 0)
            break;
        if (buf_add(&b, chunk, (size_t)got)) {
            /* more bytes than the entry declared, or out of memory */
            rc = b.failed == DTI_ERR_NOMEM ? dti_fail(e, DTI_ERR_NOMEM, z->name, "hết bộ nhớ", "out of memory")
                                           : damaged(z, e);
            goto out;
        }
    }
    if (b.len != st.size) {
        rc = damaged(z, e);
        goto out;
    }
    z->total += b.len;
    *len = b.len;
    *out = buf_detach(&b);
    if (!*out)
        rc = dti_fail(e, DTI_ERR_NOMEM, z->name, "hết bộ nhớ", "out of memory");
out:
    if (f)
        zip_fclose(f);
    buf_release(&b);
    return rc;
}

static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

dti_rc ooxml_parse(ooxml *z, const char *path, int required, xmlDoc **out, dti_err *e)
{
    dti_rc rc;
    char *data = NULL;
    size_t len = 0;
    xmlParserCtxtPtr ctxt = NULL;
    *out = NULL;
    if (!ooxml_has(z, path)) {
        if (!required)
            return DTI_OK;
        return dti_fail(e, DTI_ERR_FORMAT, z->name, "%s: thiếu phần %s, tài liệu không đúng dạng hoặc bị hỏng",
                        "%s: the part %s is missing; not the expected document, or damaged", z->name, path);
    }
    if ((rc = ooxml_read(z, path, &data, &len, e)))
        goto out;
    ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        rc = dti_fail(e, DTI_ERR_NOMEM, z->name, "hết bộ nhớ", "out of memory");
        goto out;
    }
    /* Some libxml2 errors (encoding conversion, I/O) ignore XML_PARSE_NOERROR
     * and go to the thread's generic handler: silence it for this parse. */
    xmlGenericErrorFunc old_fn = xmlGenericError;
    void *old_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, quiet);
    xmlDoc *d = xmlCtxtReadMemory(ctxt, data, (int)len, path, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    xmlSetGenericErrorFunc(old_ctx, old_fn);
    if (!d) {
        xmlErrorPtr xe = xmlCtxtGetLastError(ctxt);
        char why[160] = "";
        if (xe && xe->message) {
            snprintf(why, sizeof why, "%s", xe->message);
            why[strcspn(why, "\r\n")] = 0;
        }
        rc = dti_fail(e, DTI_ERR_FORMAT, z->name, "%s: lỗi XML trong phần %s (dòng %d): %s",
                      "%s: XML error in the part %s (line %d): %s", z->name, path, xe ? xe->line : 0, why);
        goto out;
    }
    if (d->intSubset || d->extSubset) {
        xmlFreeDoc(d);
        rc = dti_fail(e, DTI_ERR_FORMAT, z->name, "%s: phần %s có khai báo DTD, không được phép trong tài liệu Office",
                      "%s: the part %s declares a DTD, which Office documents may not", z->name, path);
        goto out;
    }
    if (!xmlDocGetRootElement(d)) {
        xmlFreeDoc(d);
        rc = dti_fail(e, DTI_ERR_FORMAT, z->name, "%s: phần %s rỗng", "%s: the part %s is empty", z->name, path);
        goto out;
    }
    *out = d;
out:
    if (ctxt)
        xmlFreeParserCtxt(ctxt);
    free(data);
    return rc;
}

/* ---- relationships ---- */

/* Resolve TARGET against the folder of SOURCE into OUT (a part name without
 * a leading '/', "." and ".." segments removed). 0, or -1 when too long or
 * climbing above the root. */
static int resolve(const char *source, const char *target, char *out, size_t cap)
{
    char tmp[OOXML_MAX_PATH * 2];
    if (*target == '/') {
        if (snprintf(tmp, sizeof tmp, "%s", target + 1) >= (int)sizeof tmp)
            return -1;
    } else {
        const char *slash = strrchr(source, '/');
        int dir = slash ? (int)(slash - source) : 0;
        if (snprintf(tmp, sizeof tmp, "%.*s%s%s", dir, source, dir ? "/" : "", target) >= (int)sizeof tmp)
            return -1;
    }
    size_t o = 0;
    const char *p = tmp;
    while (*p) {
        size_t n = strcspn(p, "/");
        if (n == 0 || (n == 1 && p[0] == '.')) {
            /* skip empty and "." segments */
        } else if (n == 2 && p[0] == '.' && p[1] == '.') {
            if (o == 0)
                return -1;
            while (o > 0 && out[o - 1] != '/')
                o--;
            if (o > 0)
                o--;            /* drop the '/' too */
        } else {
            if (o + (o ? 1 : 0) + n + 1 > cap)
                return -1;
            if (o)
                out[o++] = '/';
            memcpy(out + o, p, n);
            o += n;
        }
        p += n;
        if (*p == '/')
            p++;
    }
    if (o == 0)
        return -1;
    out[o] = 0;
    return 0;
}

void ooxml_rels_release(ooxml_rels *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n; i++) {
        free(r->v[i].id);
        free(r->v[i].type);
        free(r->v[i].target);
    }
    free(r->v);
    r->v = NULL;
    r->n = 0;
}

dti_rc ooxml_rels_load(ooxml *z, const char *source, ooxml_rels *out, dti_err *e)
{
    dti_rc rc = DTI_OK;
    xmlDoc *d = NULL;
    out->v = NULL;
    out->n = 0;
    char path[OOXML_MAX_PATH];
    const char *slash = strrchr(source, '/');
    int dir = slash ? (int)(slash - source) : 0;
    const char *base = slash ? slash + 1 : source;
    if (snprintf(path, sizeof path, "%.*s%s_rels/%s.rels", dir, source, dir ? "/" : "", base) >= (int)sizeof path)
        return DTI_OK;
    if ((rc = ooxml_parse(z, path, 0, &d, e)) || !d)
        return rc;
    xmlNode *root = xmlDocGetRootElement(d);
    size_t cap = 0;
    for (xmlNode *n = root->children; n; n = n->next) {
        if (!ooxml_is(n, OOXML_NS_PKG, "Relationship"))
            continue;
        const char *id = ooxml_attr(n, OOXML_NS_NONE, "Id");
        const char *type = ooxml_attr(n, OOXML_NS_NONE, "Type");
        const char *target = ooxml_attr(n, OOXML_NS_NONE, "Target");
        const char *mode = ooxml_attr(n, OOXML_NS_NONE, "TargetMode");
        char part[OOXML_MAX_PATH];
        if (!id || !type || !target || (mode && strcmp(mode, "External") == 0) ||
            resolve(source, target, part, sizeof part))
            continue;
        if (out->n >= OOXML_MAX_RELS) {
            rc = dti_fail(e, DTI_ERR_TOOBIG, z->name, "%s: phần %s có quá nhiều quan hệ",
                          "%s: the part %s has too many relationships", z->name, path);
            goto fail;
        }
        if (out->n == cap) {
            size_t nc = cap ? cap * 2 : 16;
            ooxml_rel *v = realloc(out->v, nc * sizeof *v);
            if (!v)
                goto nomem;
            out->v = v;
            cap = nc;
        }
        ooxml_rel *r = &out->v[out->n];
        r->id = strdup(id);
        r->type = strdup(type);
        r->target = strdup(part);
        out->n++;
        if (!r->id || !r->type || !r->target)
            goto nomem;
    }
    xmlFreeDoc(d);
    return DTI_OK;
nomem:
    rc = dti_fail(e, DTI_ERR_NOMEM, z->name, "hết bộ nhớ", "out of memory");
fail:
    xmlFreeDoc(d);
    ooxml_rels_release(out);
    return rc;
}

const ooxml_rel *ooxml_rels_id(const ooxml_rels *r, const char *id)
{
    for (size_t i = 0; id && i < r->n; i++)
        if (strcmp(r->v[i].id, id) == 0)
            return &r->v[i];
    return NULL;
}

const ooxml_rel *ooxml_rels_type(const ooxml_rels *r, const char *suffix)
{
    size_t sn = strlen(suffix);
    for (size_t i = 0; i < r->n; i++) {
        size_t tn = strlen(r->v[i].type);
        if (tn > sn && r->v[i].type[tn - sn - 1] == '/' && strcmp(r->v[i].type + tn - sn, suffix) == 0)
            return &r->v[i];
    }
    return NULL;
}

/* ---- XML helpers ---- */

static int ns_match(const xmlNs *ns, int which)
{
    if (which == OOXML_NS_NONE)
        return ns == NULL;
    if (!ns || !ns->href)
        return 0;
    const char *href = (const char *)ns->href;
    return (NS_URI[which][0] && strcmp(href, NS_URI[which][0]) == 0) ||
           (NS_URI[which][1] && strcmp(href, NS_URI[which][1]) == 0);
}

int ooxml_is(const xmlNode *n, int ns, const char *local)
{
    return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, local) == 0 && ns_match(n->ns, ns);
}

xmlNode *ooxml_child(const xmlNode *n, int ns, const char *local)
{
    for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (ooxml_is(c, ns, local))
            return c;
    return NULL;
}

const char *ooxml_attr(const xmlNode *n, int ns, const char *local)
{
    if (!n || n->type != XML_ELEMENT_NODE)
        return NULL;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (strcmp((const char *)a->name, local) != 0 || !ns_match(a->ns, ns))
            continue;
        if (!a->children)
            return "";
        if (a->children->type == XML_TEXT_NODE && !a->children->next && a->children->content)
            return (const char *)a->children->content;
        return NULL;    /* entity references in a value: not OOXML */
    }
    return NULL;
}

void ooxml_text(const xmlNode *n, buf *b)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            buf_adds(b, (const char *)c->content);
}

int ooxml_long(const char *s, long lo, long hi, long *out)
{
    if (!s)
        return -1;
    while (*s == ' ')
        s++;
    if (!*s)
        return -1;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    while (*end == ' ')
        end++;
    if (errno || *end || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

int ooxml_on(const char *val)
{
    if (!val)
        return 1;
    return !(strcmp(val, "0") == 0 || strcasecmp(val, "false") == 0 || strcasecmp(val, "off") == 0 ||
             strcasecmp(val, "none") == 0);
}

int ooxml_zip_build(const char *const *names, const char *const *texts, size_t n, char **out, size_t *len)
{
    int rc = -1;
    zip_error_t ze;
    zip_error_init(&ze);
    zip_t *za = NULL;
    char *data = NULL;
    *out = NULL;
    *len = 0;
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    if (!src)
        goto out;
    zip_source_keep(src);
    if (!(za = zip_open_from_source(src, ZIP_TRUNCATE, &ze)))
        goto out;
    for (size_t i = 0; i < n; i++) {
        zip_source_t *s = zip_source_buffer(za, texts[i], strlen(texts[i]), 0);
        if (!s)
            goto out;
        if (zip_file_add(za, names[i], s, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) < 0) {
            zip_source_free(s);
            goto out;
        }
    }
    int closed = zip_close(za);
    if (closed < 0)
        goto out;
    za = NULL;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_source_stat(src, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) || zip_source_open(src) < 0)
        goto out;
    data = malloc(st.size ? st.size : 1);
    zip_int64_t got = data ? zip_source_read(src, data, st.size) : -1;
    zip_source_close(src);
    if (got < 0 || (zip_uint64_t)got != st.size)
        goto out;
    *out = data;
    *len = (size_t)st.size;
    data = NULL;
    rc = 0;
out:
    if (za)
        zip_discard(za);
    if (src)
        zip_source_free(src);
    free(data);
    zip_error_fini(&ze);
    return rc;
}
