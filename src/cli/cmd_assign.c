/* cmd_assign.c — `dti assign`: who leads (chủ trì) and supports (phối hợp)
 * each indicator and task of a plan.
 *
 *   assign list PLAN [--json]        a reporter sees only its own items
 *   assign set PLAN CODE [--task] [--lead "ORG;ORG"] [--support "ORG;ORG"]
 *                                    replace the lead and/or support orgs
 *                                    (coordinator; audited; "" clears)
 * ORG is an org id or name; several are separated by ';'. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app.h"
#include "app/plan/assign.h"
#include "app/auth/auth.h"
#include "app/report/report.h"
#include "base/lang.h"
#include "base/text.h"
#include "cli/cli.h"

static const char *jstr(const json_t *o, const char *k)
{
    const char *s = json_string_value(json_object_get(o, k));
    return s ? s : "";
}

/* Resolve "ORG;ORG" into IDS (room for PLANS_ASSIGN_ORGS_MAX). */
static int orgs_of(app *a, int64_t plan_id, const char *list, int64_t *ids, size_t *n)
{
    *n = 0;
    char *copy = text_dup(list);
    if (!copy)
        return CLI_FAIL;
    int status = CLI_OK;
    char *p = copy;
    while (p && *p) {
        char *semi = strchr(p, ';');
        if (semi)
            *semi = 0;
        text_trim(p, NULL);
        if (*p) {
            dti_err e;
            dti_err_clear(&e);
            if (*n == PLANS_ASSIGN_ORGS_MAX) {
                fprintf(stderr, "dti: %s %d\n", TR("quá nhiều đơn vị, tối đa", "too many orgs, at most"), PLANS_ASSIGN_ORGS_MAX);
                status = CLI_BAD_INPUT;
                break;
            }
            if (report_org_find(a->st, plan_id, p, &ids[*n], &e)) {
                status = cli_error(&e);
                break;
            }
            (*n)++;
        }
        p = semi ? semi + 1 : NULL;
    }
    free(copy);
    return status;
}

static void names(const json_t *arr, const char *key)
{
    size_t i;
    const json_t *x;
    json_array_foreach(arr, i, x)
        printf("%s%s", i ? "; " : "", key ? jstr(x, key) : json_string_value(x));
}

int cmd_assign(cli_ctx *ctx, int argc, char **argv)
{
    static const char *uvi = "assign list KH [--json] | assign set KH MÃ [--task] [--lead \"ĐV;ĐV\"] [--support \"ĐV;ĐV\"]";
    static const char *uen = "assign list PLAN [--json] | assign set PLAN CODE [--task] [--lead \"ORG;ORG\"] [--support \"ORG;ORG\"]";
    int64_t plan_id = 0;
    if (argc < 3 || cli_parse_id(argv[2], &plan_id))
        return cli_usage(uvi, uen);
    int list = strcmp(argv[1], "list") == 0, set = strcmp(argv[1], "set") == 0;
    const char *code = NULL, *lead = NULL, *support = NULL;
    int is_task = 0, json = ctx->json;
    for (int i = 3; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else if (strcmp(argv[i], "--task") == 0)
            is_task = 1;
        else if (i + 1 < argc && strcmp(argv[i], "--lead") == 0)
            lead = argv[++i];
        else if (i + 1 < argc && strcmp(argv[i], "--support") == 0)
            support = argv[++i];
        else if (set && !code && argv[i][0] != '-')
            code = argv[i];
        else
            return cli_usage(uvi, uen);
    }
    if ((!list && !set) || (set && (!code || (!lead && !support))))
        return cli_usage(uvi, uen);
    app a;
    auth_user u;
    int status = cli_open_as(ctx, &a, &u);
    if (status)
        return status;
    dti_err e;
    dti_err_clear(&e);
    json_t *j = NULL;
    if (list) {
        if (plans_assign_list(&a, plan_id, &j, &e)) {
            status = cli_error(&e);
        } else if (json) {
            cli_print_json(j);
        } else {
            size_t i;
            const json_t *x;
            json_array_foreach(j, i, x) {
                printf("%-6s %s: ", jstr(x, "code"), TR("chủ trì", "lead"));
                names(json_object_get(x, "lead"), "name");
                printf(" · %s: ", TR("phối hợp", "support"));
                names(json_object_get(x, "support"), "name");
                if (json_array_size(json_object_get(x, "unresolved"))) {
                    printf(" · %s: ", TR("chưa xác định", "unresolved"));
                    names(json_object_get(x, "unresolved"), NULL);
                }
                printf("\n");
            }
        }
    } else {
        const char *roles[2] = {"lead", "support"};
        const char *given[2] = {lead, support};
        for (int r = 0; r < 2 && status == CLI_OK; r++) {
            if (!given[r])
                continue;
            int64_t ids[PLANS_ASSIGN_ORGS_MAX];
            size_t n = 0;
            if ((status = orgs_of(&a, plan_id, given[r], ids, &n)))
                break;
            if (plans_assign_set(&a, plan_id, is_task, code, roles[r], ids, n, &e))
                status = cli_error(&e);
            else
                printf("%s %s %s: %zu %s\n", TR("Đã phân công", "Assigned"), code,
                       r ? TR("phối hợp", "support") : TR("chủ trì", "lead"), n, TR("đơn vị", "orgs"));
        }
    }
    json_decref(j);
    app_close(&a);
    return status;
}
