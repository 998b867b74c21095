/* cmd_export.c — `dti --db FILE export plan ID [--json]`: print a stored
 * plan as dti.plan/1, byte for byte what `dti extract` printed for its
 * document (plan_to_string is the one canonical form). Other formats
 * (xlsx, docx, csv) come with export/. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app.h"
#include "base/lang.h"
#include "cli/cli.h"

int cmd_export(cli_ctx *ctx, int argc, char **argv)
{
    const char *what = NULL, *idtxt = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            continue;
        if (!what)
            what = argv[i];
        else if (!idtxt)
            idtxt = argv[i];
        else
            return cli_usage("export plan SỐ [--json]", "export plan ID [--json]");
    }
    if (!what || !idtxt || strcmp(what, "plan") != 0)
        return cli_usage("export plan SỐ [--json]", "export plan ID [--json]");
    char *end = NULL;
    errno = 0;
    long long id = strtoll(idtxt, &end, 10);
    if (errno || end == idtxt || *end || id <= 0) {
        fprintf(stderr, "dti: %s: %s\n", idtxt, TR("số kế hoạch không hợp lệ", "not a valid plan id"));
        return CLI_BAD_INPUT;
    }
    dti_err e;
    dti_err_clear(&e);
    app a;
    plan *p = NULL;
    int status = CLI_OK;
    if (app_open(&a, ctx->db, 0, &e))
        return cli_error(&e);
    if (app_plan_get(&a, id, &p, &e)) {
        status = cli_error(&e);
        goto out;
    }
    char *s = plan_to_string(p);
    if (!s) {
        fprintf(stderr, "dti: %s\n", TR("hết bộ nhớ", "out of memory"));
        status = CLI_FAIL;
        goto out;
    }
    fputs(s, stdout);
    free(s);
out:
    plan_free(p);
    app_close(&a);
    return status;
}
