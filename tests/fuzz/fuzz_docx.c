/* fuzz_docx.c — libFuzzer target for the Word reader (import/read_docx.c).
 *
 * An input starting with "PK" is read as a whole .docx, which exercises the
 * zip layer (ooxml.c). Any other input is split at lines "@@" into
 * word/document.xml, word/numbering.xml and word/styles.xml and zipped here,
 * so that mutations reach the XML walker instead of failing libzip's CRC
 * check. Nothing may crash or leak; errors are expected. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "import/ooxml.h"
#include "import/reader.h"

#define SEP "\n@@\n"

static void run(const char *data, size_t n)
{
    doc *d = NULL;
    dti_err e;
    dti_err_clear(&e);
    if (reader_docx.read(data, n, "fuzz.docx", &d, &e) == DTI_OK && !d)
        abort();        /* success must give a doc */
    doc_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = 0;
    if (size >= 2 && s[0] == 'P' && s[1] == 'K') {
        run(s, size);
        free(s);
        return 0;
    }
    const char *names[3] = {"word/document.xml", "word/numbering.xml", "word/styles.xml"};
    const char *texts[3];
    size_t k = 0;
    char *p = s;
    while (k < 3) {
        texts[k++] = p;
        char *sep = strstr(p, SEP);
        if (!sep)
            break;
        *sep = 0;
        p = sep + strlen(SEP);
    }
    char *zip = NULL;
    size_t zn = 0;
    if (ooxml_zip_build(names, texts, k, &zip, &zn) == 0)
        run(zip, zn);
    free(zip);
    free(s);
    return 0;
}
