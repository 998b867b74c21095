/* csv.h — reading CSV text (RFC 4180) with limits.
 *
 * Fields are separated by ',' or ';' or a tab: the separator is the first
 * of these found outside quotes on the first line (Excel in a Vietnamese
 * locale writes ';'). Quoted fields may hold separators, line breaks and ""
 * for a quote. Lines end in LF or CRLF; a UTF-8 byte-order mark is skipped;
 * blank lines are skipped. Every field is handed over as a NUL-terminated
 * string, not cleaned (the caller cleans with text.h). */
#ifndef DTI_CSV_H
#define DTI_CSV_H
#include <stddef.h>
#include "base/err.h"

#define CSV_MAX_FIELDS 64           /* fields in a row */
#define CSV_MAX_FIELD_BYTES 65536   /* bytes of one field */

/* Called once per row: LINE is the 1-based line the row starts on, F the N
 * fields (valid until the callback returns). Return DTI_OK to go on, or an
 * error code (with E filled) to stop: csv_parse returns it. */
typedef dti_rc (*csv_row_fn)(void *ctx, size_t line, char **f, size_t n, dti_err *e);

/* Parse the N bytes at S, at most MAX_ROWS rows. DTI_ERR_INPUT for an
 * unterminated quote, text after a closing quote or a NUL byte (fields
 * are C strings: it would cut one short), DTI_ERR_TOOBIG over a
 * limit; the message names the line. NAME names the input in messages. */
dti_rc csv_parse(const char *name, const char *s, size_t n, size_t max_rows, csv_row_fn fn,
                 void *ctx, dti_err *e);

#endif
