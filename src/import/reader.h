/* reader.h — document readers and format detection.
 *
 * One reader per format behind struct reader_ops (STYLE.md rule 8). A reader
 * turns bytes into a doc (doc.h) and knows nothing of plans. The format is
 * decided by content (zip entries, magic bytes, the shape of text), and the
 * file name only breaks ties.
 *
 * Errors name the file and what is wrong in one line: empty, binary,
 * truncated or damaged zip, password-protected (an encrypted Office file is
 * an OLE2 container), over IMPORT_MAX_BYTES, or of no format dti reads. */
#ifndef DTI_READER_H
#define DTI_READER_H
#include <stddef.h>
#include "base/err.h"
#include "import/doc.h"

#define IMPORT_MAX_BYTES ((size_t)50 * 1024 * 1024)
/* Limit on the uncompressed size of one entry of a zipped Office file. */
#define IMPORT_MAX_UNZIPPED ((size_t)200 * 1024 * 1024)

typedef struct reader_ops {
    const char *name;   /* "md", "tsv", "text", "docx", "xlsx", "pdf" */
    /* How sure the reader is that DATA is its format: 0 (not mine) .. 100. */
    int (*sniff)(const char *data, size_t n, const char *filename);
    /* Read DATA (N bytes; DATA[N] is NUL) into a new doc (*OUT, caller frees). */
    dti_rc (*read)(const char *data, size_t n, const char *name, doc **out, dti_err *e);
} reader_ops;

extern const reader_ops reader_md;      /* Markdown, GFM pipe tables (md4c) */
extern const reader_ops reader_tsv;     /* tab-separated rows, HTML inside cells */
extern const reader_ops reader_text;    /* plain text, text extracted from PDF */
extern const reader_ops reader_docx;    /* Word .docx */
extern const reader_ops reader_xlsx;    /* Excel .xlsx */
extern const reader_ops reader_pdf;     /* PDF with a text layer (pdf.h) */

/* Pick the reader for DATA (checks emptiness, binary content, encrypted and
 * unknown containers first), then read. NAME is used in messages. */
dti_rc reader_read(const char *data, size_t n, const char *name, doc **out, dti_err *e);

/* The reader reader_read() would use, or NULL with E filled. */
const reader_ops *reader_detect(const char *data, size_t n, const char *name, dti_err *e);

#endif
