/* multipart.c — multipart/form-data split in place; see multipart.h.
 *
 * The body is walked once: find the first "--BOUNDARY" (at the start or
 * after a CRLF), then for each part read its header block up to the empty
 * line (copied into a bounded local buffer, where the parameters are cut
 * out as C strings), find the next "\r\n--BOUNDARY" with memmem, write a
 * NUL over its CR, and look at what follows the boundary: "--" ends the
 * body, CRLF (after optional spaces) starts the next part, anything else
 * is an error. Header parameters follow RFC 7578 as browsers send them:
 * quoted strings with backslash escapes, or bare tokens; "filename*" is
 * not used by browsers for form data and is ignored. */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "base/text.h"
#include "http/multipart.h"

/* Find NEEDLE (NLEN bytes) in HAY (HLEN bytes), or NULL. */
static char *find(char *hay, size_t hlen, const char *needle, size_t nlen)
{
    if (nlen == 0 || hlen < nlen)
        return NULL;
    for (size_t i = 0; i + nlen <= hlen; i++) {
        char *p = memchr(hay + i, needle[0], hlen - nlen - i + 1);
        if (!p)
            return NULL;
        if (memcmp(p, needle, nlen) == 0)
            return p;
        i = (size_t)(p - hay);
    }
    return NULL;
}

/* The boundary parameter of CT into OUT (at most MULTIPART_MAX_BOUNDARY
 * characters), or -1. */
static int get_boundary(const char *ct, char *out)
{
    if (!ct || strncasecmp(ct, "multipart/form-data", 19) != 0)
        return -1;
    const char *p = ct + 19;
    while (*p) {
        while (*p == ';' || *p == ' ' || *p == '\t')
            p++;
        if (strncasecmp(p, "boundary=", 9) == 0) {
            p += 9;
            size_t n = 0;
            if (*p == '"') {
                p++;
                while (p[n] && p[n] != '"')
                    n++;
                if (p[n] != '"')
                    return -1;
            } else {
                while (p[n] && p[n] != ';' && p[n] != ' ' && p[n] != '\t')
                    n++;
            }
            if (n == 0 || n > MULTIPART_MAX_BOUNDARY)
                return -1;
            for (size_t i = 0; i < n; i++)
                if ((unsigned char)p[i] < 0x20 || (unsigned char)p[i] > 0x7e)
                    return -1;
            memcpy(out, p, n);
            out[n] = 0;
            return 0;
        }
        while (*p && *p != ';')
            p++;
    }
    return -1;
}

/* Valid UTF-8 without control characters. */
static int good_text(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
            return 0;
    return text_utf8_valid(s, n);
}

/* In the NUL-terminated header value V (Content-Disposition), find the
 * parameter KEY and return its value, cut in place (V is modified), or
 * NULL. *BAD is set for an unterminated quoted string. */
static char *param(char *v, const char *key, int *bad)
{
    size_t kl = strlen(key);
    char *p = strchr(v, ';');
    while (p) {
        p++;
        while (*p == ' ' || *p == '\t')
            p++;
        char *k = p;
        while (*p && *p != '=' && *p != ';')
            p++;
        size_t n = (size_t)(p - k);
        while (n > 0 && (k[n - 1] == ' ' || k[n - 1] == '\t'))
            n--;
        if (*p != '=') {
            p = strchr(p, ';');
            continue;
        }
        p++;
        while (*p == ' ' || *p == '\t')
            p++;
        char *val = p, *w = p;
        if (*p == '"') {
            p++;
            val = w = p;
            while (*p && *p != '"') {
                if (*p == '\\' && p[1])
                    p++;
                *w++ = *p++;
            }
            if (*p != '"') {
                *bad = 1;
                return NULL;
            }
            p++;
        } else {
            while (*p && *p != ';' && *p != ' ' && *p != '\t')
                w++, p++;
        }
        char next = *p;
        int match = n == kl && strncasecmp(k, key, kl) == 0;
        if (match) {
            *w = 0;
            return val;
        }
        if (!next)
            return NULL;
        p = strchr(p, ';');
    }
    return NULL;
}

/* Parse the header block H (NUL-terminated, modified) of part number NO
 * into PT; FNBUF (MULTIPART_MAX_HEADER + 1 bytes) holds the file name. */
static dti_rc part_headers(char *h, int no, multipart_part *pt, char *fnbuf, dti_err *e)
{
    char *disp = NULL;
    pt->name = pt->filename = pt->content_type = NULL;
    for (char *line = h; *line;) {
        char *end = strstr(line, "\r\n");
        char *next = end ? end + 2 : line + strlen(line);
        if (end)
            *end = 0;
        char *colon = strchr(line, ':');
        if (!colon)
            return dti_fail(e, DTI_ERR_INPUT, "body", "Phần %d của biểu mẫu có dòng tiêu đề không hợp lệ",
                            "Part %d of the form has an invalid header line", no);
        *colon = 0;
        char *v = colon + 1;
        while (*v == ' ' || *v == '\t')
            v++;
        if (strcasecmp(line, "Content-Disposition") == 0)
            disp = v;
        else if (strcasecmp(line, "Content-Type") == 0)
            pt->content_type = v;
        line = next;
    }
    if (!disp || strncasecmp(disp, "form-data", 9) != 0 || (disp[9] && disp[9] != ';' && disp[9] != ' '))
        return dti_fail(e, DTI_ERR_INPUT, "body", "Phần %d của biểu mẫu thiếu Content-Disposition: form-data",
                        "Part %d of the form lacks Content-Disposition: form-data", no);
    /* Cut each parameter out of its own copy: param() writes into its input. */
    snprintf(fnbuf, MULTIPART_MAX_HEADER + 1, "%s", disp);
    int bad = 0;
    char *name = param(disp, "name", &bad);
    char *fname = bad ? NULL : param(fnbuf, "filename", &bad);
    if (bad)
        return dti_fail(e, DTI_ERR_INPUT, "body", "Phần %d của biểu mẫu có chuỗi trong ngoặc kép không đóng",
                        "Part %d of the form has an unterminated quoted string", no);
    if (!name || !*name)
        return dti_fail(e, DTI_ERR_INPUT, "body", "Phần %d của biểu mẫu không có tên (name)",
                        "Part %d of the form has no name", no);
    if (!good_text(name))
        return dti_fail(e, DTI_ERR_INPUT, "body", "Tên trường của phần %d không phải văn bản UTF-8 hợp lệ",
                        "The field name of part %d is not valid UTF-8 text", no);
    if (fname && !good_text(fname))
        return dti_fail(e, DTI_ERR_INPUT, name, "Tên tệp gửi lên (trường “%s”) không phải văn bản UTF-8 hợp lệ",
                        "The file name sent (field “%s”) is not valid UTF-8 text", name);
    if (pt->content_type && !good_text(pt->content_type))
        return dti_fail(e, DTI_ERR_INPUT, name, "Content-Type của trường “%s” không hợp lệ",
                        "The Content-Type of field “%s” is invalid", name);
    pt->name = name;
    pt->filename = fname;
    return DTI_OK;
}

dti_rc multipart_parse(char *body, size_t len, const char *content_type, multipart_fn fn, void *ctx,
                       dti_err *e)
{
    char bnd[MULTIPART_MAX_BOUNDARY + 5];
    char hdr[MULTIPART_MAX_HEADER + 1];
    char fnbuf[MULTIPART_MAX_HEADER + 1];
    bnd[0] = '\r';
    bnd[1] = '\n';
    bnd[2] = bnd[3] = '-';
    if (get_boundary(content_type, bnd + 4) != 0)
        return dti_fail(e, DTI_ERR_FORMAT, "Content-Type",
                        "Nội dung phải là multipart/form-data có tham số boundary hợp lệ",
                        "The body must be multipart/form-data with a valid boundary parameter");
    size_t bl = strlen(bnd);    /* "\r\n--" + boundary */
    char *p;
    /* The first delimiter: at the very start, or after a preamble and CRLF. */
    if (len >= bl - 2 && memcmp(body, bnd + 2, bl - 2) == 0)
        p = body + bl - 2;
    else if ((p = find(body, len, bnd, bl)) != NULL)
        p += bl;
    else
        return dti_fail(e, DTI_ERR_INPUT, "body", "Biểu mẫu gửi lên không có ranh giới (boundary) nào",
                        "The form sent has no boundary");
    char *end = body + len;
    for (int no = 1;; no++) {
        /* After a delimiter: "--" closes, else optional blanks then CRLF. */
        if (end - p >= 2 && p[0] == '-' && p[1] == '-')
            return DTI_OK;
        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
            return dti_fail(e, DTI_ERR_INPUT, "body",
                            "Biểu mẫu gửi lên bị cắt hoặc hỏng (thiếu ranh giới kết thúc)",
                            "The form sent is cut short or damaged (no closing boundary)");
        p += 2;
        if (no > MULTIPART_MAX_PARTS)
            return dti_fail(e, DTI_ERR_INPUT, "body", "Biểu mẫu gửi lên có quá %d phần",
                            "The form sent has more than %d parts", MULTIPART_MAX_PARTS);
        /* The header block, up to the empty line. */
        size_t avail = (size_t)(end - p);
        char *hend = NULL;
        if (avail >= 2 && p[0] == '\r' && p[1] == '\n')
            hend = p;   /* no header at all: caught below (no name) */
        else if ((hend = find(p, avail < MULTIPART_MAX_HEADER + 4 ? avail : MULTIPART_MAX_HEADER + 4,
                              "\r\n\r\n", 4)) != NULL)
            hend += 2;
        if (!hend || (size_t)(hend - p) > MULTIPART_MAX_HEADER) {
            if (avail > MULTIPART_MAX_HEADER)
                return dti_fail(e, DTI_ERR_INPUT, "body",
                                "Tiêu đề của phần %d trong biểu mẫu dài quá %d byte",
                                "The header of part %d of the form is longer than %d bytes", no,
                                MULTIPART_MAX_HEADER);
            return dti_fail(e, DTI_ERR_INPUT, "body",
                            "Biểu mẫu gửi lên bị cắt hoặc hỏng (thiếu ranh giới kết thúc)",
                            "The form sent is cut short or damaged (no closing boundary)");
        }
        size_t hl = (size_t)(hend - p);
        memcpy(hdr, p, hl);
        hdr[hl] = 0;
        if (memchr(hdr, 0, hl))
            return dti_fail(e, DTI_ERR_INPUT, "body", "Tiêu đề của phần %d trong biểu mẫu chứa byte 0",
                            "The header of part %d of the form holds a NUL byte", no);
        p = hend + 2;
        multipart_part pt;
        dti_rc rc = part_headers(hdr, no, &pt, fnbuf, e);
        if (rc != DTI_OK)
            return rc;
        /* The data, up to the next delimiter. */
        char *d = find(p, (size_t)(end - p), bnd, bl);
        if (!d)
            return dti_fail(e, DTI_ERR_INPUT, "body",
                            "Biểu mẫu gửi lên bị cắt hoặc hỏng (thiếu ranh giới kết thúc)",
                            "The form sent is cut short or damaged (no closing boundary)");
        pt.data = p;
        pt.len = (size_t)(d - p);
        *d = 0;     /* over the CR of the delimiter */
        if (fn && fn(ctx, &pt, e) != 0)
            return e && e->code != DTI_OK ? e->code : DTI_ERR_INPUT;
        p = d + bl;
    }
}
