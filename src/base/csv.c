/* csv.c — an RFC 4180 reader over a buffer (see csv.h): one pass, fields
 * gathered into one growable buffer per row, offsets turned into pointers
 * when the row ends. */
#include <stdlib.h>
#include <string.h>
#include "base/buf.h"
#include "base/csv.h"

static char detect_sep(const char *s, size_t n)
{
    int q = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '"')
            q = !q;
        else if (!q && (c == '\n' || c == '\r'))
            break;
        else if (!q && (c == ',' || c == ';' || c == '\t'))
            return c;
    }
    return ',';
}

dti_rc csv_parse(const char *name, const char *s, size_t n, size_t max_rows, csv_row_fn fn,
                 void *ctx, dti_err *e)
{
    dti_rc rc = DTI_OK;
    buf b;
    size_t off[CSV_MAX_FIELDS];
    char *f[CSV_MAX_FIELDS];
    size_t nf = 0, rows = 0, line = 1, row_line = 1, field_start = 0;
    size_t i = 0;
    int quoted = 0, after_quote = 0, any = 0;

    if (!name)
        name = "CSV";
    buf_init(&b, (size_t)CSV_MAX_FIELDS * (CSV_MAX_FIELD_BYTES + 1));
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    char sep = detect_sep(s + i, n - i);
    for (;; i++) {
        int end = i >= n;
        char c = end ? '\n' : s[i];
        if (!end && c == 0) {
            /* a field is handed over as a C string: a NUL would cut it short */
            rc = dti_fail(e, DTI_ERR_INPUT, name, "%s dòng %zu: có ký tự NUL (byte 0), không phải văn bản",
                          "%s line %zu: a NUL byte, which is not text", name, line);
            goto out;
        }
        if (quoted) {
            if (end) {
                rc = dti_fail(e, DTI_ERR_INPUT, name, "%s dòng %zu: thiếu dấu \" đóng",
                              "%s line %zu: a quote is not closed", name, row_line);
                goto out;
            }
            if (c == '"') {
                if (i + 1 < n && s[i + 1] == '"') {
                    buf_addc(&b, '"');
                    i++;
                } else {
                    quoted = 0;
                    after_quote = 1;
                }
            } else {
                if (c == '\n')
                    line++;
                buf_addc(&b, c);
            }
            goto check;
        }
        if (c == '\r' && !end && i + 1 < n && s[i + 1] == '\n')
            continue;
        if (c == sep || c == '\n' || c == '\r') {
            if (nf == CSV_MAX_FIELDS) {
                rc = dti_fail(e, DTI_ERR_TOOBIG, name, "%s dòng %zu: quá %d cột",
                              "%s line %zu: over %d fields", name, row_line, CSV_MAX_FIELDS);
                goto out;
            }
            off[nf++] = field_start;
            buf_addc(&b, 0);
            field_start = b.len;
            after_quote = 0;
            if (c != sep) {
                /* end of row: skip blank rows (one empty field) */
                int blank = nf == 1 && b.len == 1;
                if (!blank && any) {
                    if (buf_failed(&b)) {
                        rc = dti_fail(e, DTI_ERR_TOOBIG, name, "%s dòng %zu: dòng quá dài",
                                      "%s line %zu: row too long", name, row_line);
                        goto out;
                    }
                    if (++rows > max_rows) {
                        rc = dti_fail(e, DTI_ERR_TOOBIG, name, "%s: quá %zu dòng",
                                      "%s: over %zu rows", name, max_rows);
                        goto out;
                    }
                    for (size_t k = 0; k < nf; k++)
                        f[k] = b.ptr + off[k];
                    if ((rc = fn(ctx, row_line, f, nf, e)))
                        goto out;
                }
                nf = 0;
                any = 0;
                buf_reset(&b);
                field_start = 0;
                if (end)
                    break;
                line++;
                row_line = line;
            }
            continue;
        }
        if (after_quote) {
            rc = dti_fail(e, DTI_ERR_INPUT, name, "%s dòng %zu: có chữ sau dấu \" đóng",
                          "%s line %zu: text after a closing quote", name, row_line);
            goto out;
        }
        any = 1;
        if (c == '"' && b.len == field_start) {
            quoted = 1;
            continue;
        }
        buf_addc(&b, c);
    check:
        any = 1;
        if (b.len - field_start > CSV_MAX_FIELD_BYTES) {
            rc = dti_fail(e, DTI_ERR_TOOBIG, name, "%s dòng %zu: ô dài quá %d byte",
                          "%s line %zu: a field is over %d bytes", name, row_line, CSV_MAX_FIELD_BYTES);
            goto out;
        }
    }
out:
    buf_release(&b);
    return rc;
}
