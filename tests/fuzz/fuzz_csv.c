/* fuzz_csv.c — libFuzzer target for the CSV reader (base/csv.c): the input
 * as given (NUL bytes included, no terminator), every row's fields checked
 * against the limits csv.h states, and the reader never reading outside it. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "base/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct seen {
    size_t rows, last_line;
};

static dti_rc row(void *ctx, size_t line, char **f, size_t n, dti_err *e)
{
    struct seen *s = ctx;
    (void)e;
    if (n == 0 || n > CSV_MAX_FIELDS || line < 1 || line < s->last_line)
        abort();
    for (size_t i = 0; i < n; i++)
        if (!f[i] || strlen(f[i]) > CSV_MAX_FIELD_BYTES)
            abort();
    s->last_line = line;
    s->rows++;
    return DTI_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* a copy of exactly SIZE bytes: ASan catches a read past the end */
    char *s = malloc(size ? size : 1);
    if (!s)
        return 0;
    if (size)
        memcpy(s, data, size);
    struct seen seen = {0, 0};
    dti_err e;
    dti_rc rc = csv_parse("fuzz.csv", s, size, 1000, row, &seen, &e);
    if (rc != DTI_OK && (rc != DTI_ERR_INPUT && rc != DTI_ERR_TOOBIG && rc != DTI_ERR_NOMEM))
        abort();
    if (rc == DTI_OK && memchr(s, 0, size))
        abort();        /* a NUL byte is refused, never cuts a field short */
    if (seen.rows > 1000)
        abort();
    free(s);
    return 0;
}
