/* fuzz_pdf.c — libFuzzer target for the PDF reader (import/read_pdf.c,
 * pdf_poppler.c, pdf_layout.c).
 *
 * An input starting with "%PDF-" is read as a whole PDF through poppler-glib
 * (dlopen'd; poppler itself is not instrumented, dti's use of it is). Any
 * other input is a list of words given straight to the layout, so that
 * mutations reach the table and paragraph rebuilding without having to make
 * a valid PDF: records of 8 bytes (page 0..3, x, y, width, height as bytes
 * scaled to points, bold, length of the text) followed by the text. Nothing
 * may crash or leak; errors are expected. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "import/pdf.h"
#include "import/reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    doc *d = NULL;
    dti_err e;
    dti_err_clear(&e);
    if (size >= 5 && memcmp(data, "%PDF-", 5) == 0) {
        char *s = malloc(size + 1);
        if (!s)
            return 0;
        memcpy(s, data, size);
        s[size] = 0;
        if (reader_pdf.read(s, size, "fuzz.pdf", &d, &e) == DTI_OK && !d)
            abort();
        doc_free(d);
        free(s);
        return 0;
    }
    enum { NPAGES = 4 };
    pdf_page *pages = calloc(NPAGES, sizeof *pages);
    if (!pages)
        return 0;
    for (size_t i = 0; i < NPAGES; i++) {
        pages[i].width = 595;
        pages[i].height = 842;
        pages[i].space = 3.5;
    }
    size_t i = 0;
    while (i + 8 <= size) {
        const uint8_t *r = data + i;
        size_t len = r[7] % 24;
        if (i + 8 + len > size)
            break;
        pdf_page *pg = &pages[r[0] % NPAGES];
        double x = r[1] * 2.3, y = r[2] * 3.3, w = 1 + r[3] * 0.4, h = 4 + r[4] % 16;
        if (len && pdf_page_add(pg, (const char *)r + 8, len, x, y, x + w, y + h, r[5] & 1))
            break;
        i += 8 + len;
    }
    if (pdf_layout(pages, NPAGES, "fuzz.pdf", &d, &e) == DTI_OK && !d)
        abort();
    doc_free(d);
    pdf_pages_free(pages, NPAGES);
    return 0;
}
