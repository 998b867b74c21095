/* fuzz_xlsx.c — libFuzzer target for the Excel reader (import/read_xlsx.c).
 *
 * An input starting with "PK" is read as a whole .xlsx (the zip layer). Any
 * other input is split at lines "@@" into xl/workbook.xml,
 * xl/worksheets/sheet1.xml, xl/sharedStrings.xml and xl/styles.xml, zipped
 * here with a fixed xl/_rels/workbook.xml.rels (rId1 sheet1, rId2 sheet2 =
 * sheet1's text again, rId3 shared strings, rId4 styles), so that mutations
 * reach the XML walkers. Nothing may crash or leak. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "import/ooxml.h"
#include "import/reader.h"

#define SEP "\n@@\n"

static const char RELS[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"../xl/styles.xml\"/>"
    "</Relationships>";

static void run(const char *data, size_t n)
{
    doc *d = NULL;
    dti_err e;
    dti_err_clear(&e);
    if (reader_xlsx.read(data, n, "fuzz.xlsx", &d, &e) == DTI_OK && !d)
        abort();
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
    const char *names[6] = {"xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml",
                            "xl/sharedStrings.xml", "xl/styles.xml"};
    const char *texts[6] = {RELS};
    size_t k = 1;
    char *p = s;
    while (k < 5) {
        texts[k++] = p;
        char *sep = strstr(p, SEP);
        if (!sep)
            break;
        *sep = 0;
        p = sep + strlen(SEP);
    }
    if (k > 2) {        /* a second sheet, the same text: sheets in order */
        names[k] = "xl/worksheets/sheet2.xml";
        texts[k] = texts[2];
        k++;
    }
    char *zip = NULL;
    size_t zn = 0;
    if (ooxml_zip_build(names, texts, k, &zip, &zn) == 0)
        run(zip, zn);
    free(zip);
    free(s);
    return 0;
}
