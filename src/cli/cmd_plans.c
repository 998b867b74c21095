/* cmd_plans.c — `dti --db FILE plans`: the stored plans, one a line
 * (id, commune, number, counts, title); with --json a JSON array. Only the
 * plans the --as user may read (plans_list); without --as only while the
 * store has no user. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app.h"
#include "app/plan/plans.h"
#include "base/lang.h"
#include "cli/cli.h"

static json_t *jstr(const char *s)
{
    return s ? json_string(s) : json_null();
}

static int print_json(const plans_row *v, size_t n)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < n; i++)
        json_array_append_new(arr, json_pack("{s:I, s:o, s:o, s:o, s:o, s:o, s:I, s:I, s:I, s:o}",
            "id", (json_int_t)v[i].id, "title", jstr(v[i].title), "commune", jstr(v[i].commune),
            "province", jstr(v[i].province), "number", jstr(v[i].number), "issued", jstr(v[i].issued),
            "groups", (json_int_t)v[i].ngroups, "indicators", (json_int_t)v[i].nindicators,
            "tasks", (json_int_t)v[i].ntasks, "document", jstr(v[i].document_name)));
    char *s = arr ? json_dumps(arr, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
    json_decref(arr);
    if (!s) {
        fprintf(stderr, "dti: %s\n", TR("hết bộ nhớ", "out of memory"));
        return CLI_FAIL;
    }
    printf("%s\n", s);
    free(s);
    return CLI_OK;
}

/* Print S left-aligned in WIDTH characters (not bytes: names are UTF-8). */
static void cell(const char *s, int width)
{
    int n = 0;
    for (const char *c = s; *c; c++)
        n += ((unsigned char)*c & 0xC0) != 0x80;
    printf("%s%*s  ", s, n < width ? width - n : 0, "");
}

int cmd_plans(cli_ctx *ctx, int argc, char **argv)
{
    int json = ctx->json;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else
            return cli_usage("plans [--json]", "plans [--json]");
    }
    dti_err e;
    dti_err_clear(&e);
    app a;
    plans_row *v = NULL;
    size_t n = 0;
    int status = CLI_OK;
    if ((status = cli_open_opt_as(ctx, &a)) != CLI_OK)
        return status;
    if (plans_list(&a, &v, &n, &e)) {
        status = cli_error(&e);
        goto out;
    }
    if (json) {
        status = print_json(v, n);
        goto out;
    }
    if (n == 0) {
        printf("%s\n", TR("Chưa có kế hoạch nào.", "No plans yet."));
        goto out;
    }
    printf("%-4s  ", "ID");
    cell(TR("Xã", "Commune"), 16);
    cell(TR("Số", "Number"), 14);
    printf("%5s  %8s  %8s  %s\n", TR("Nhóm", "Grps"), TR("Chỉ tiêu", "Indic."), TR("Nhiệm vụ", "Tasks"),
           TR("Tiêu đề", "Title"));
    for (size_t i = 0; i < n; i++) {
        printf("%-4lld  ", (long long)v[i].id);
        cell(v[i].commune ? v[i].commune : "—", 16);
        cell(v[i].number ? v[i].number : "—", 14);
        printf("%5lld  %8lld  %8lld  %s\n", (long long)v[i].ngroups, (long long)v[i].nindicators,
               (long long)v[i].ntasks, v[i].title ? v[i].title : v[i].document_name ? v[i].document_name : "—");
    }
out:
    plans_rows_free(v, n);
    app_close(&a);
    return status;
}
