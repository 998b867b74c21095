/* pdf.h — a PDF's words with their boxes, and the layout that rebuilds
 * paragraphs and tables from them.
 *
 * Two halves, so that the layout can be tested and fuzzed without a PDF:
 *   pdf_load()    (pdf_poppler.c) asks poppler-glib for every page's words:
 *                 text, box in points from the page's top-left corner, bold;
 *   pdf_layout()  (pdf_layout.c) turns those pages into a doc (doc.h):
 *                 lines, paragraphs, two-column letterheads, tables rebuilt
 *                 from column positions across page breaks.
 * reader_pdf (read_pdf.c) chains them.
 *
 * poppler-glib is loaded with dlopen() the first time a PDF is read, never
 * at start-up: linking it would add ~50 shared libraries (cairo, glib, nss,
 * freetype …) to every run of dti, ~7 ms before main() even for
 * `dti --help` (docs/performance.md). */
#ifndef DTI_PDF_H
#define DTI_PDF_H
#include <stddef.h>
#include "base/err.h"
#include "import/doc.h"

typedef struct pdf_word {
    double x0, y0, x1, y1;  /* box in points, y grows downwards */
    char *text;             /* owned; UTF-8, no white space inside */
    int bold;               /* set in a bold face */
} pdf_word;

typedef struct pdf_page {
    double width, height;   /* points */
    double space;           /* median width of a space between words; 0 unknown */
    int grid;               /* made from pdftotext -layout text (pdf_text.c): cells may be one blank apart */
    int sheet;              /* a spreadsheet's grid, gutters opened by pdf_sheet.c: cells bottom-aligned */
    pdf_word *words;        /* owned; in poppler's order */
    size_t n, cap;
} pdf_page;

/* Limits (STYLE.md rule 5). */
#define PDF_MAX_PAGES 2000
#define PDF_MAX_WORDS 2000000

/* Read the PDF in DATA (N bytes) into *PAGES (*NPAGES of them; caller frees
 * with pdf_pages_free). Fails with a message naming NAME when poppler-glib
 * cannot be loaded, the file is damaged or password-protected, or it has
 * more than PDF_MAX_PAGES pages. A PDF without any text (a scan) is not an
 * error here: its pages have no words. */
dti_rc pdf_load(const char *data, size_t n, const char *name,
                pdf_page **pages, size_t *npages, dti_err *e);
void pdf_pages_free(pdf_page *pages, size_t n);

/* Append a word to PAGE (copies TEXT, N bytes). 0 or -1 (out of memory or
 * over PDF_MAX_WORDS on this page). */
int pdf_page_add(pdf_page *page, const char *text, size_t n,
                 double x0, double y0, double x1, double y1, int bold);

/* A spreadsheet printed to PDF (pdf_sheet.c): when PAGES look like one
 * (cells packed against a grid of column starts), opens a gutter at each
 * grid line and drops the page headers and footers, in place, so that
 * pdf_layout() reads the sheet as a Word table. 1 when the pages were a
 * sheet, 0 when they were left alone, -1 when out of memory. */
int pdf_sheet_normalise(pdf_page *pages, size_t npages);

/* Rebuild the document from its pages (see pdf_layout.c for how). A
 * document with no word at all fails: "a scan without a text layer". */
dti_rc pdf_layout(const pdf_page *pages, size_t npages, const char *name,
                  doc **out, dti_err *e);
/* The same, and *CENTRED set when a table's cells were found centred on
 * their row codes (rows rise above the code's line). */
dti_rc pdf_layout_centred(const pdf_page *pages, size_t npages, const char *name,
                          int *centred, doc **out, dti_err *e);

/* `pdftotext -layout` text (pdf_text.c): non-zero when DATA (N bytes) looks
 * like it (form feeds between pages, lines of three runs of words two
 * blanks apart); its words with boxes made from their character columns and
 * lines, one page per form feed, for pdf_layout(). Fails only when out of
 * memory. */
int pdf_text_looks_layout(const char *data, size_t n);
dti_rc pdf_text_pages(const char *data, size_t n, const char *name,
                      pdf_page **pages, size_t *npages, dti_err *e);

#endif
