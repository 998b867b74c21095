/* reader.c — choose the reader for a document by its content.
 *
 * Order of checks: empty; zip (PK\3\4) → docx or xlsx by their sniff, else
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
                 "%s: tệp nhị phân hoặc không phải văn bản UTF-8; dti đọc .docx, .xlsx, .md, .txt",
                 "%s: a binary file or text not in UTF-8; dti reads .docx, .xlsx, .md, .txt", name);
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

dti_rc reader_read(const char *data, size_t n, const char *name, doc **out, dti_err *e)
{
    *out = NULL;
    const reader_ops *r = reader_detect(data, n, name, e);
    if (!r)
        return e ? e->code : DTI_ERR_FORMAT;
    return r->read(data, n, name, out, e);
}
