/* cmd_extract.c — `dti extract FILE`: print a document's plan as dti.plan/1.
 * Touches no database. `--doc` prints the reader's paragraphs and tables
 * instead (for diagnosing a layout the extractor does not know). */
#include <stdlib.h>
#include <string.h>
#include "base/file.h"
#include "base/lang.h"
#include "cli/cli.h"
#include "import/extract.h"
#include "import/reader.h"

int cmd_extract(cli_ctx *ctx, int argc, char **argv)
{
    (void)ctx;
    int dump_doc = 0;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--doc") == 0)
            dump_doc = 1;
        else if (!path)
            path = argv[i];
        else
            path = NULL, i = argc;
    }
    if (!path)
        return cli_usage("extract [--doc] TỆP", "extract [--doc] FILE");
    dti_err e;
    dti_err_clear(&e);
    if (dump_doc) {
        char *data = NULL;
        size_t n = 0;
        doc *d = NULL;
        if (file_read(path, IMPORT_MAX_BYTES, &data, &n, &e) || reader_read(data, n, path, &d, &e)) {
            free(data);
            return cli_error(&e);
        }
        doc_dump(d, stdout);
        doc_free(d);
        free(data);
        return CLI_OK;
    }
    plan *p = NULL;
    strlist warn = STRLIST_INIT;
    if (extract_file(path, &p, &warn, NULL, NULL, &e)) {
        strlist_release(&warn);
        return cli_error(&e);
    }
    for (size_t i = 0; i < warn.n; i++)
        fprintf(stderr, "dti: %s: %s: %s\n", path, TR("cảnh báo", "warning"), warn.v[i]);
    strlist_release(&warn);
    char *s = plan_to_string(p);
    plan_free(p);
    if (!s) {
        fprintf(stderr, "dti: %s\n", TR("hết bộ nhớ", "out of memory"));
        return CLI_FAIL;
    }
    fputs(s, stdout);
    free(s);
    return CLI_OK;
}
