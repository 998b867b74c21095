/* read_pdf.c — the PDF reader: poppler's words (pdf_poppler.c), then the
 * layout that rebuilds paragraphs and tables (pdf_layout.c). */
#include <string.h>
#include "import/pdf.h"
#include "import/reader.h"

static int pdf_sniff(const char *data, size_t n, const char *filename)
{
    (void)filename;
    size_t lim = n < 1024 ? n : 1024;
    for (size_t i = 0; i + 5 <= lim; i++)
        if (memcmp(data + i, "%PDF-", 5) == 0)
            return 100;
    return 0;
}

static dti_rc pdf_read(const char *data, size_t n, const char *name, doc **out, dti_err *e)
{
    pdf_page *pages = NULL;
    size_t np = 0;
    *out = NULL;
    dti_rc rc = pdf_load(data, n, name, &pages, &np, e);
    if (rc == DTI_OK && pdf_sheet_normalise(pages, np) < 0)
        rc = dti_fail(e, DTI_ERR_NOMEM, name, "%s: hết bộ nhớ khi đọc bảng tính trong PDF",
                      "%s: out of memory reading the spreadsheet in the PDF", name);
    if (rc == DTI_OK)
        rc = pdf_layout(pages, np, name, out, e);
    pdf_pages_free(pages, np);
    return rc;
}

const reader_ops reader_pdf = {"pdf", pdf_sniff, pdf_read};
