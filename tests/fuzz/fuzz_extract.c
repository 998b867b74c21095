/* fuzz_extract.c — libFuzzer target for the whole import path: format
 * detection, whichever reader wins, and the extractor (reader.c, extract.c). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "import/extract.h"
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
    if (reader_read(s, size, "fuzz", &d, &e) == DTI_OK) {
        plan *p = NULL;
        strlist warn = STRLIST_INIT;
        if (extract_plan(d, &p, &warn, &e) == DTI_OK)
            plan_free(p);
        strlist_release(&warn);
        doc_free(d);
    }
    free(s);
    return 0;
}
