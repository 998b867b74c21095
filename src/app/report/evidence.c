/* evidence.c — evidence files for reports (report.h): type by structure,
 * size limit, stored once by SHA-256, attached to a report, a value or a
 * task; checked by the reviewer; read back only within scope.
 *
 * A file's type is decided by more than its first bytes, enough to know it
 * opens: a PNG's chunks are walked (lengths inside the file, CRCs right,
 * IHDR first with a non-zero size, IDAT, IEND); a JPEG's segments up to
 * the scan (a frame header SOFn before SOS, an EOI after); a PDF has its
 * "%PDF-d.d" header, at least one object and "%%EOF" in its last 1024
 * bytes (a cut upload has none); an Office file is a zip that libzip opens
 * with the entries of its kind. The stored name ends with an extension of
 * the type: "x.html" holding a PDF is kept as "x.html.pdf", so that
 * whoever downloads it opens it with the right program. The file name
 * must be valid UTF-8 (400 before anything is written), and the evidence
 * row, its file and its audit row are written in one transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>
#include <zlib.h>
#include "app/app_util.h"
#include "app/audit/audit.h"
#include "app/report/report_int.h"
#include "base/file.h"
#include "base/lang.h"
#include "base/text.h"
#include "store/store_report.h"

#define MT_DOCX "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#define MT_XLSX "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#define MT_PPTX "application/vnd.openxmlformats-officedocument.presentationml.presentation"

/* Which Office Open XML file a zip is, by its entries; NULL for none. */
static const char *office_type(const void *p, size_t n)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(p, n, 0, &ze);
    const char *mt = NULL;
    if (!src)
        goto out;
    zip_t *z = zip_open_from_source(src, ZIP_RDONLY, &ze);
    if (!z) {
        zip_source_free(src);
        goto out;
    }
    if (zip_name_locate(z, "[Content_Types].xml", 0) >= 0) {
        if (zip_name_locate(z, "word/document.xml", 0) >= 0)
            mt = MT_DOCX;
        else if (zip_name_locate(z, "xl/workbook.xml", 0) >= 0)
            mt = MT_XLSX;
        else if (zip_name_locate(z, "ppt/presentation.xml", 0) >= 0)
            mt = MT_PPTX;
    }
    zip_discard(z);
out:
    zip_error_fini(&ze);
    return mt;
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* A PNG whose chunks hold together (see the top of the file). */
static int png_ok(const unsigned char *b, size_t n)
{
    size_t i = 8;
    int idat = 0;
    if (n < 8 + 25 + 12 || memcmp(b, "\x89PNG\r\n\x1a\n", 8) != 0)
        return 0;
    while (n - i >= 12) {
        uint32_t len = be32(b + i);
        const unsigned char *t = b + i + 4;
        if (len > n - i - 12)
            return 0;
        if (i == 8 && (memcmp(t, "IHDR", 4) != 0 || len != 13 || be32(t + 4) == 0 || be32(t + 8) == 0))
            return 0;
        if (crc32(crc32(0L, Z_NULL, 0), t, (uInt)len + 4) != be32(t + 4 + len))
            return 0;
        if (memcmp(t, "IDAT", 4) == 0)
            idat = 1;
        i += 12 + (size_t)len;
        if (memcmp(t, "IEND", 4) == 0)
            return idat;
    }
    return 0;
}

/* A JPEG whose segments hold together up to its scan, and which ends. */
static int jpeg_ok(const unsigned char *b, size_t n)
{
    size_t i = 2;
    int sof = 0;
    if (n < 4 || b[0] != 0xFF || b[1] != 0xD8)
        return 0;
    while (n - i >= 4) {
        unsigned char m = b[i + 1];
        if (b[i] != 0xFF)
            return 0;
        if (m == 0xFF) {        /* fill byte */
            i++;
            continue;
        }
        if (m == 0x01 || (m >= 0xD0 && m <= 0xD7)) {   /* markers without a length */
            i += 2;
            continue;
        }
        if (m == 0xD8 || m == 0xD9 || m == 0x00)
            return 0;
        size_t len = (size_t)b[i + 2] << 8 | b[i + 3];
        if (len < 2 || len > n - i - 2)
            return 0;
        if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
            /* SOFn: precision, height, width, components; a width of 0 never opens */
            if (len < 8 || (b[i + 7] == 0 && b[i + 8] == 0) || b[i + 9] == 0)
                return 0;
            sof = 1;
        }
        i += 2 + len;
        if (m == 0xDA) {        /* the scan: entropy-coded data, then EOI */
            if (!sof)
                return 0;
            for (size_t j = n; j >= i + 2; j--)
                if (b[j - 2] == 0xFF && b[j - 1] == 0xD9)
                    return 1;
            return 0;
        }
    }
    return 0;
}

/* Find the N bytes of S in the LEN bytes at P. */
static int has_bytes(const unsigned char *p, size_t len, const char *s, size_t n)
{
    for (size_t i = 0; len >= n && i <= len - n; i++)
        if (p[i] == (unsigned char)s[0] && memcmp(p + i, s, n) == 0)
            return 1;
    return 0;
}

/* A PDF with its header, an object, and its end (see the top of the file). */
static int pdf_ok(const unsigned char *b, size_t n)
{
    if (n < 16 || memcmp(b, "%PDF-", 5) != 0 || b[5] < '1' || b[5] > '9' || b[6] != '.' || b[7] < '0' ||
        b[7] > '9')
        return 0;
    size_t tail = n > 1024 ? 1024 : n;
    return has_bytes(b + n - tail, tail, "%%EOF", 5) && has_bytes(b, n, "endobj", 6);
}

const char *report_media_type(const void *p, size_t n)
{
    const unsigned char *b = p;
    if (!p)
        return NULL;
    if (n >= 5 && memcmp(b, "%PDF-", 5) == 0)
        return pdf_ok(b, n) ? "application/pdf" : NULL;
    if (n >= 8 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0)
        return png_ok(b, n) ? "image/png" : NULL;
    if (n >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        return jpeg_ok(b, n) ? "image/jpeg" : NULL;
    if (n >= 4 && memcmp(b, "PK\x03\x04", 4) == 0)
        return office_type(p, n);
    return NULL;
}

/* The extensions a file of media type MT may have; the first is added to a
 * name that has none of them. */
static const char *const *type_exts(const char *mt)
{
    static const char *const pdf[] = {".pdf", NULL}, *const png[] = {".png", NULL},
                             *const jpg[] = {".jpg", ".jpeg", ".jpe", ".jfif", NULL},
                             *const docx[] = {".docx", NULL}, *const xlsx[] = {".xlsx", NULL},
                             *const pptx[] = {".pptx", NULL};
    if (strcmp(mt, "application/pdf") == 0)
        return pdf;
    if (strcmp(mt, "image/png") == 0)
        return png;
    if (strcmp(mt, "image/jpeg") == 0)
        return jpg;
    if (strcmp(mt, MT_DOCX) == 0)
        return docx;
    if (strcmp(mt, MT_XLSX) == 0)
        return xlsx;
    return pptx;
}

/* NAME (owned, may be replaced) with an extension of MT: returns the name
 * to store (the caller frees it), or NULL when out of memory. */
static char *name_for_type(char *name, const char *mt)
{
    const char *const *ext = type_exts(mt);
    const char *dot = strrchr(name, '.');
    for (size_t i = 0; dot && ext[i]; i++)
        if (strcasecmp(dot, ext[i]) == 0)
            return name;
    size_t n = strlen(name), x = strlen(ext[0]);
    char *out = malloc(n + x + 1);
    if (out) {
        memcpy(out, name, n);
        memcpy(out + n, ext[0], x + 1);
    }
    free(name);
    return out;
}

dti_rc report_attach_as(store *s, const auth_user *u, const report_key *key, char item_kind,
                     const char *item, const char *name, const void *p, size_t n, size_t max,
                     time_t now, int64_t *id, int *new_file, dti_err *e)
{
    dti_rc rc;
    report_ver r;
    int in_tx = 0;
    char sha[65], ts[AUTH_TS_LEN];
    char *nm = NULL;
    json_t *after = NULL;
    int64_t ind = 0, task = 0, eid = 0;
    int fresh = 0;

    if (max == 0)
        max = REPORT_EVIDENCE_MAX;
    if (name && !text_utf8_valid(name, strlen(name)))
        return dti_fail(e, DTI_ERR_INPUT, "name", "tên tệp kiểm chứng không phải văn bản UTF-8 hợp lệ",
                        "the evidence file name is not valid UTF-8 text");
    if (item && !text_utf8_valid(item, strlen(item)))
        return dti_fail(e, DTI_ERR_INPUT, "item", "mã chỉ tiêu/nhiệm vụ không phải văn bản UTF-8 hợp lệ",
                        "the indicator/task code is not valid UTF-8 text");
    nm = text_clean(name ? file_basename(name) : "");
    if (!nm)
        return app_nomem(e);
    if (!*nm || strlen(nm) > REPORT_EVIDENCE_NAME_MAX) {
        rc = dti_fail(e, DTI_ERR_INPUT, "name", "tên tệp kiểm chứng phải có 1-%d byte",
                      "an evidence file name is 1-%d bytes", REPORT_EVIDENCE_NAME_MAX);
        goto out;
    }
    if (n == 0) {
        rc = dti_fail(e, DTI_ERR_INPUT, nm, "%s: tệp rỗng", "%s: the file is empty", nm);
        goto out;
    }
    if (n > max) {
        rc = dti_fail(e, DTI_ERR_TOOBIG, nm, "%s: %zu byte, quá giới hạn %zu MB cho một tệp kiểm chứng",
                      "%s: %zu bytes, over the %zu MB limit for one evidence file", nm, n, max >> 20);
        goto out;
    }
    const char *mt = report_media_type(p, n);
    if (!mt) {
        rc = dti_fail(e, DTI_ERR_FORMAT, nm,
                      "%s: không phải tệp PDF, ảnh PNG/JPEG hay tệp Office (docx, xlsx, pptx) mở được "
                      "(tệp bị cắt, hỏng hoặc khác loại)",
                      "%s: not a PDF, a PNG/JPEG image or an Office file (docx, xlsx, pptx) that opens "
                      "(cut short, damaged or of another kind)", nm);
        goto out;
    }
    if (!(nm = name_for_type(nm, mt))) {
        rc = app_nomem(e);
        goto out;
    }
    if (strlen(nm) > REPORT_EVIDENCE_NAME_MAX) {
        rc = dti_fail(e, DTI_ERR_INPUT, "name", "tên tệp kiểm chứng phải có 1-%d byte",
                      "an evidence file name is 1-%d bytes", REPORT_EVIDENCE_NAME_MAX);
        goto out;
    }
    file_sha256_hex(p, n, sha);
    auth_ts(now, ts);
    if ((rc = store_begin(s, e)))
        goto out;
    in_tx = 1;
    if ((rc = report_for_write(s, u, key, now, &r, NULL, e)))
        goto out;
    if (item) {
        char *code = text_clean(item);
        if (!code) {
            rc = app_nomem(e);
            goto out;
        }
        int64_t item_id = 0;
        int found = 0;
        int is_task = item_kind == 't';
        rc = store_report_item_assigned(s, key->plan_id, is_task, code, key->org_id, &item_id, &found, e);
        if (!rc && !found)
            rc = dti_fail(e, DTI_ERR_INPUT, "item", "đơn vị không được phân công %s mã %s",
                          "the org is not assigned the %s with code %s",
                          is_task ? TR("nhiệm vụ", "task") : TR("chỉ tiêu", "indicator"), code);
        free(code);
        if (rc)
            goto out;
        if (is_task)
            task = item_id;
        else
            ind = item_id;
    }
    {
        int found = 0;
        if ((rc = store_report_file_exists(s, sha, &found, e)))
            goto out;
        if (!found) {
            if ((rc = store_report_file_put(s, sha, p, n, mt, ts, e)))
                goto out;
            fresh = 1;
        }
    }
    if ((rc = store_report_evidence_add(s, sha, nm, r.id, ind, task, u->id, ts, &eid, e)))
        goto out;
    after = json_pack("{s:I, s:s, s:s, s:I, s:s, s:o, s:o}", "report_id", (json_int_t)r.id, "name", nm,
                      "sha256", sha, "size", (json_int_t)n, "media_type", mt,
                      "indicator", item && !task ? json_string(item) : json_null(),
                      "task", task ? json_string(item) : json_null());
    if (!after) {
        rc = app_nomem(e);
        goto out;
    }
    if ((rc = audit_append_id(s, u, now, "evidence.attach", "evidence", eid, NULL, after, e)))
        goto out;
    if ((rc = store_commit(s, e)))
        goto out;
    in_tx = 0;
    if (id)
        *id = eid;
    if (new_file)
        *new_file = fresh;
out:
    if (in_tx)
        store_rollback(s);
    free(nm);
    json_decref(after);
    return rc;
}

struct ev {
    int found;
    int64_t org_id;
    int checked;
};

static int ev_row(void *ctx, const store_row *r)
{
    struct ev *v = ctx;
    v->found = 1;
    v->org_id = r->v[0].i;
    v->checked = (int)r->v[1].i;
    return 1;
}

dti_rc report_check_evidence_as(store *s, const auth_user *u, int64_t id, int checked, time_t now,
                             dti_err *e)
{
    dti_rc rc;
    struct ev v = {0, 0, 0};
    int in_tx = 0;
    json_t *b = NULL, *a = NULL;
    if ((rc = store_begin(s, e)))
        return rc;
    in_tx = 1;
    if ((rc = store_report_evidence_state(s, id, ev_row, &v, e)))
        goto out;
    if (!v.found) {
        rc = dti_fail(e, DTI_ERR_NOTFOUND, "evidence", "không có tài liệu kiểm chứng số %lld",
                      "no evidence with id %lld", (long long)id);
        goto out;
    }
    if ((rc = auth_can(s, u, AUTH_REVIEW, v.org_id, e))) {
        if (rc == DTI_ERR_NOTFOUND)     /* out of scope: as if missing */
            rc = dti_fail(e, DTI_ERR_NOTFOUND, "evidence", "không có tài liệu kiểm chứng số %lld",
                          "no evidence with id %lld", (long long)id);
        goto out;
    }
    if ((rc = store_report_evidence_check(s, id, checked, u->id, e)))
        goto out;
    b = json_pack("{s:b}", "checked", v.checked);
    a = json_pack("{s:b}", "checked", checked ? 1 : 0);
    if (!a || !b) {
        rc = app_nomem(e);
        goto out;
    }
    if ((rc = audit_append_id(s, u, now, "evidence.check", "evidence", id, b, a, e)))
        goto out;
    if ((rc = store_commit(s, e)))
        goto out;
    in_tx = 0;
out:
    if (in_tx)
        store_rollback(s);
    json_decref(a);
    json_decref(b);
    return rc;
}

struct blob {
    int found;
    int64_t org_id;
    char *p, *name, *mt;
    size_t n;
    int nomem;
};

static int blob_row(void *ctx, const store_row *r)
{
    struct blob *b = ctx;
    b->found = 1;
    b->org_id = r->v[0].i;
    b->n = r->v[1].n;
    b->p = malloc(b->n + 1);
    b->name = text_dup(app_col(r, 2));
    b->mt = text_dup(app_col(r, 3));
    if (!b->p || !b->name || !b->mt) {
        b->nomem = 1;
        return 1;
    }
    if (b->n)
        memcpy(b->p, r->v[1].s, b->n);
    b->p[b->n] = 0;
    return 1;
}

dti_rc report_evidence_get_as(store *s, const auth_user *u, int64_t id, char **p, size_t *n,
                           char **name, char **media_type, dti_err *e)
{
    dti_rc rc;
    struct blob b;
    memset(&b, 0, sizeof b);
    *p = NULL;
    *n = 0;
    if ((rc = store_report_evidence_file(s, id, blob_row, &b, e)))
        goto fail;
    if (b.nomem) {
        rc = app_nomem(e);
        goto fail;
    }
    if (!b.found) {
        rc = dti_fail(e, DTI_ERR_NOTFOUND, "evidence", "không có tài liệu kiểm chứng số %lld",
                      "no evidence with id %lld", (long long)id);
        goto fail;
    }
    if ((rc = auth_can(s, u, AUTH_READ, b.org_id, e))) {
        /* a support org's file backs an item the lead reports: the lead's
         * users see it too (report_show lists it) */
        int64_t lead = 0;
        dti_rc r2 = store_report_evidence_led_by(s, id, u ? u->org_id : 0, &lead, NULL);
        if (r2 || lead == 0) {
            if (rc == DTI_ERR_NOTFOUND)     /* out of scope: as if missing */
                rc = dti_fail(e, DTI_ERR_NOTFOUND, "evidence", "không có tài liệu kiểm chứng số %lld",
                              "no evidence with id %lld", (long long)id);
            goto fail;
        }
        dti_err_clear(e);
        rc = DTI_OK;
    }
    *p = b.p;
    *n = b.n;
    if (name)
        *name = b.name;
    else
        free(b.name);
    if (media_type)
        *media_type = b.mt;
    else
        free(b.mt);
    return DTI_OK;
fail:
    free(b.p);
    free(b.name);
    free(b.mt);
    return rc;
}
