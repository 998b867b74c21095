/* cmd_export.c — `dti --db FILE export plan ID [--json]`: print a stored
 * plan as dti.plan/1, byte for byte what `dti extract` printed for its
 * document (plan_to_string is the one canonical form). Other formats
 * (xlsx, docx, csv) come with export/. With --as the plan must be one the
 * user may read (app_plan_export); without, only while no user exists. */
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
    char *s = NULL;
    int status = CLI_OK;
    if ((status = cli_open_opt_as(ctx, &a)) != CLI_OK)
        return status;
    if (app_plan_export(&a, id, &s, &e))
        status = cli_error(&e);
    else
        fputs(s, stdout);
    free(s);
    app_close(&a);
    return status;
}
