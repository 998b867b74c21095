/* reader.c — choose the reader for a document by its content.
 *
 * UTF-16 text (Notepad's "Unicode", with or without a byte-order mark) is
 * turned into UTF-8 first by reader_read(). Order of checks: empty; zip (PK\3\4) → docx or xlsx by their sniff, else
 * "a zip that is not a Word or Excel document"; OLE2 (D0 CF 11 E0) → an
 * encrypted (password-protected) Office file or an old .doc/.xls; %PDF →
 * a PDF (read with poppler-glib, loaded when needed: pdf.h); NUL
 * bytes, invalid UTF-8 or more than 1% control characters → binary; then the
 * text readers bid with sniff() and the highest wins (Markdown tables,
 * tab-separated rows, plain text). Tab-separated table rows are decisive
 * when the tsv reader is sure of them (score >= TSV_SURE): such text often
 * carries Markdown-ish **bold** and # headings in its prose too, which the
 * Markdown reader would also bid for; the tsv sniff itself stands down when
 * the text holds GFM pipe tables. Plain text always bids a little, so valid
 * UTF-8 text is never refused. */
#include <stdlib.h>
#include <string.h>
#include "base/lang.h"
#include "base/text.h"
#include "import/reader.h"

static const reader_ops *const TEXT_READERS[] = {&reader_md, &reader_tsv, &reader_text};

#define TSV_SURE 70

/* Control characters other than tab, line and page breaks, in per-mille. */
static size_t controls_permille(const char *data, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)data[i];
        if ((c < 0x20 && !strchr("\t\n\r\f\v", c)) || c == 0x7f)
            k++;
    }
    return n ? k * 1000 / n : 0;
}

const reader_ops *reader_detect(const char *data, size_t n, const char *name, dti_err *e)
{
    if (n > IMPORT_MAX_BYTES) {
        dti_fail(e, DTI_ERR_TOOBIG, name, "%s: tệp quá lớn (%zu byte, tối đa 50 MB)",
                 "%s: file too large (%zu bytes, at most 50 MB)", name, n);
        return NULL;
    }
    size_t ws = 0;
    while (ws < n && data[ws] && strchr(" \t\r\n\f\v", data[ws]))
        ws++;
    if (ws == n) {
        dti_fail(e, DTI_ERR_FORMAT, name, "%s: tệp rỗng", "%s: the file is empty", name);
        return NULL;
    }
    if (n >= 4 && memcmp(data, "PK\x03\x04", 4) == 0) {
        if (reader_docx.sniff(data, n, name) > 0)
            return &reader_docx;
        if (reader_xlsx.sniff(data, n, name) > 0)
            return &reader_xlsx;
        dti_fail(e, DTI_ERR_FORMAT, name,
                 "%s: tệp nén zip nhưng không phải tài liệu Word (.docx) hay Excel (.xlsx), hoặc bị hỏng",
                 "%s: a zip file but not a Word (.docx) or Excel (.xlsx) document, or damaged", name);
        return NULL;
    }
    if (n >= 4 && memcmp(data, "PK", 2) == 0) {
        dti_fail(e, DTI_ERR_FORMAT, name, "%s: tệp nén bị hỏng hoặc không đầy đủ",
                 "%s: damaged or truncated zip file", name);
        return NULL;
    }
    if (n >= 8 && memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) {
        dti_fail(e, DTI_ERR_FORMAT, name,
                 "%s: tài liệu Office có mật khẩu hoặc định dạng cũ (.doc/.xls); hãy bỏ mật khẩu và lưu lại dạng .docx/.xlsx",
                 "%s: a password-protected or old-format (.doc/.xls) Office file; remove the password and save as .docx/.xlsx",
                 name);
        return NULL;
    }
    if (reader_pdf.sniff(data, n, name) > 0)
        return &reader_pdf;
    if (memchr(data, 0, n) || !text_utf8_valid(data, n) || controls_permille(data, n) > 10) {
        dti_fail(e, DTI_ERR_FORMAT, name,
                 "%s: tệp nhị phân hoặc không phải văn bản UTF-8/UTF-16; dti đọc .docx, .xlsx, .pdf, .md, .txt",
                 "%s: a binary file or text not in UTF-8/UTF-16; dti reads .docx, .xlsx, .pdf, .md, .txt", name);
        return NULL;
    }
    if (reader_tsv.sniff(data, n, name) >= TSV_SURE)
        return &reader_tsv;
    const reader_ops *best = NULL;
    int best_score = 0;
    for (size_t i = 0; i < sizeof TEXT_READERS / sizeof *TEXT_READERS; i++) {
        int s = TEXT_READERS[i]->sniff(data, n, name);
        if (s > best_score) {
            best_score = s;
            best = TEXT_READERS[i];
        }
    }
    if (!best)
        dti_fail(e, DTI_ERR_FORMAT, name, "%s: không nhận ra định dạng tài liệu",
                 "%s: unrecognized document format", name);
    return best;
}

/* UTF-16 text (Windows Notepad's "Unicode"): a byte-order mark FF FE or
 * FE FF, or, without one, NULs in every other byte of the first 200
 * (then 40% of the pairs have the NUL on one side and none on the other). The
 * UTF-8 copy in *OUT (caller frees; NUL-terminated), or 0 when DATA is not
 * UTF-16. A broken surrogate becomes U+FFFD. Returns -1 out of memory. */
static int utf16_to_utf8(const char *data, size_t n, char **out, size_t *outn)
{
    const unsigned char *u = (const unsigned char *)data;
    int be = -1;
    size_t i = 0;
    if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE)
        be = 0, i = 2;
    else if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF)
        be = 1, i = 2;
    else if (n >= 8) {
        size_t lim = n < 200 ? n & ~(size_t)1 : 200, zl = 0, zb = 0;
        for (size_t k = 0; k + 1 < lim; k += 2) {
            zl += u[k + 1] == 0 && u[k] != 0;
            zb += u[k] == 0 && u[k + 1] != 0;
        }
        /* Vietnamese text is mostly ASCII: most pairs carry one NUL */
        if (zl * 10 >= lim / 2 * 4 && zb == 0)
            be = 0;
        else if (zb * 10 >= lim / 2 * 4 && zl == 0)
            be = 1;
    }
    if (be < 0)
        return 0;
    char *o = malloc((n - i) / 2 * 3 + 4);
    if (!o)
        return -1;
    size_t k = 0;
    for (; i + 1 < n; i += 2) {
        unsigned c = be ? (unsigned)u[i] << 8 | u[i + 1] : (unsigned)u[i + 1] << 8 | u[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 3 < n) {
            unsigned d = be ? (unsigned)u[i + 2] << 8 | u[i + 3] : (unsigned)u[i + 3] << 8 | u[i + 2];
            if (d >= 0xDC00 && d <= 0xDFFF) {
                c = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
                i += 2;
            } else
                c = 0xFFFD;
        } else if (c >= 0xD800 && c <= 0xDFFF)
            c = 0xFFFD;
        if (c < 0x80)
            o[k++] = (char)c;
        else if (c < 0x800)
            o[k++] = (char)(0xC0 | c >> 6), o[k++] = (char)(0x80 | (c & 0x3F));
        else if (c < 0x10000)
            o[k++] = (char)(0xE0 | c >> 12), o[k++] = (char)(0x80 | (c >> 6 & 0x3F)),
            o[k++] = (char)(0x80 | (c & 0x3F));
        else
            o[k++] = (char)(0xF0 | c >> 18), o[k++] = (char)(0x80 | (c >> 12 & 0x3F)),
            o[k++] = (char)(0x80 | (c >> 6 & 0x3F)), o[k++] = (char)(0x80 | (c & 0x3F));
    }
    o[k] = 0;
    *out = o;
    *outn = k;
    return 1;
}

dti_rc reader_read(const char *data, size_t n, const char *name, doc **out, dti_err *e)
{
    *out = NULL;
    char *u8 = NULL;
    size_t n8 = 0;
    int w = n <= IMPORT_MAX_BYTES ? utf16_to_utf8(data, n, &u8, &n8) : 0;
    if (w < 0)
        return dti_fail(e, DTI_ERR_NOMEM, name, "%s: hết bộ nhớ", "%s: out of memory", name);
    if (w > 0) {
        dti_rc rc = reader_read(u8, n8, name, out, e);
        free(u8);
        return rc;
    }
    const reader_ops *r = reader_detect(data, n, name, e);
    if (!r)
        return e ? e->code : DTI_ERR_FORMAT;
    return r->read(data, n, name, out, e);
}
