/* pdf_plain.h — tables in plain `pdftotext` text (no -layout): one cell a
 * block of lines, read back into rows of cells (design in pdf_plain.c). */
#ifndef DTI_PDF_PLAIN_H
#define DTI_PDF_PLAIN_H
#include <stddef.h>
#include "import/doc.h"

/* One line of the text, as the text reader split it. */
typedef struct pdf_plain_line {
    const char *s;      /* the line, without its end of line and form feeds */
    size_t n;
    int no;             /* 1-based line number */
    int page;           /* pages start at form feeds */
} pdf_plain_line;

/* Non-zero when line L may open such a table: it is, or starts with, the
 * code column's header "STT"/"TT"/"Số TT". */
int pdf_plain_head(const pdf_plain_line *l);

/* Non-zero when line H of V (COUNT lines) may open such a table with no
 * code column: H is the name column's header alone ("Nội dung chỉ tiêu"),
 * at least two other header cells follow, then a first row whose code
 * leads its name ("1. Hạ tầng số", "1.1. Tỷ lệ …"), before any "STT" line. */
int pdf_plain_bare(const pdf_plain_line *v, size_t count, size_t h);

/* Read a table whose header starts at line H of V (COUNT lines: a line
 * pdf_plain_head() or pdf_plain_bare() accepts) and append
 * it to D (a header row, then one row per row code). Returns 1 and sets
 * *END to the first line after the table; 0 when no table is read there
 * (D unchanged); -1 when out of memory. */
int pdf_plain_table(doc *d, const pdf_plain_line *v, size_t count, size_t h, size_t *end);

#endif
