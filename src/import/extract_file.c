/* extract_file.c — read a document from disk and extract its plan. */
#include <stdlib.h>
#include "base/file.h"
#include "import/extract.h"
#include "import/reader.h"

dti_rc extract_file(const char *path, plan **out, strlist *warn,
                    char **data_out, size_t *len_out, dti_err *e)
{
    char *data = NULL;
    size_t len = 0;
    doc *d = NULL;
    *out = NULL;
    dti_rc rc = file_read(path, IMPORT_MAX_BYTES, &data, &len, e);
    if (rc)
        goto out;
    if ((rc = reader_read(data, len, path, &d, e)))
        goto out;
    if ((rc = extract_plan(d, out, warn, e)))
        goto out;
    if (data_out) {
        *data_out = data;
        *len_out = len;
        data = NULL;
    }
out:
    doc_free(d);
    free(data);
    return rc;
}
