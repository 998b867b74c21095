/* fuzz_text.c — libFuzzer target for the plain and PDF text reader (import/read_text.c). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "import/reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = 0;
    doc *d = NULL;
    dti_err e;
    (void)reader_text.sniff(s, size, "fuzz.txt");
    if (reader_text.read(s, size, "fuzz.txt", &d, &e) == DTI_OK)
        doc_free(d);
    free(s);
    return 0;
}
