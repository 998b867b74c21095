/* cmd_org.c — `dti org`: communes and units change (app/orgs/orgs.h,
 * docs/orgs.md).
 *
 *   org rename ORG "Tên mới" --date DAY [--note "…"]
 *   org merge ORG ORG [ORG…] (--into ORG | --name "Tên mới") --date DAY [--note "…"]
 *   org close ORG --date DAY [--note "…"]
 *   org history [ORG] [--json]          the changes (all those the user sees)
 *
 * ORG is an org id or a live org's name (report_org_find); DAY is
 * "2026-07-01" or "01/07/2026", the day the change takes effect. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app.h"
#include "app/auth/auth.h"
#include "app/orgs/orgs.h"
#include "app/report/report.h"
#include "base/lang.h"
#include "cli/cli.h"

/* E's message, with the field it names. */
static int org_error(const dti_err *e)
{
    if (e->field[0] && e->code == DTI_ERR_INPUT) {
        fprintf(stderr, "dti: %s: %s\n", e->field, e->msg);
        return CLI_BAD_INPUT;
    }
    return cli_error(e);
}

static const char *jstr(const json_t *o, const char *k)
{
    const char *s = json_string_value(json_object_get(o, k));
    return s ? s : "";
}

static int history(app *a, const char *ref, int json)
{
    dti_err e;
    dti_err_clear(&e);
    int64_t org = 0;
    json_t *j = NULL;
    if (ref && report_org_find(a->st, 0, ref, &org, &e))
        return org_error(&e);
    if (orgs_changes_list(a, org, &j, &e))
        return org_error(&e);
    if (json) {
        cli_print_json(j);
    } else {
        size_t i, k;
        json_t *c, *b;
        json_array_foreach(j, i, c) {
            printf("%s  %-6s  ", jstr(c, "date"), jstr(c, "kind"));
            json_array_foreach(json_object_get(c, "before"), k, b)
                printf("%s%s (%lld)", k ? ", " : "", jstr(b, "name"),
                       (long long)json_integer_value(json_object_get(b, "id")));
            const json_t *af = json_object_get(c, "after");
            if (json_is_object(af))
                printf(" → %s (%lld)", jstr(af, "name"), (long long)json_integer_value(json_object_get(af, "id")));
            if (*jstr(c, "note"))
                printf("  · %s", jstr(c, "note"));
            printf("\n");
        }
    }
    json_decref(j);
    return CLI_OK;
}

int cmd_org(cli_ctx *ctx, int argc, char **argv)
{
    static const char *uvi = "org rename ĐV \"Tên mới\" --date NGÀY | org merge ĐV ĐV… (--into ĐV | --name \"Tên\") "
                             "--date NGÀY | org close ĐV --date NGÀY  [--note \"…\"] | org history [ĐV] [--json]";
    static const char *uen = "org rename ORG \"New name\" --date DAY | org merge ORG ORG… (--into ORG | --name \"Name\") "
                             "--date DAY | org close ORG --date DAY  [--note \"…\"] | org history [ORG] [--json]";
    if (argc < 2)
        return cli_usage(uvi, uen);
    const char *verb = argv[1];
    int rename = strcmp(verb, "rename") == 0, merge = strcmp(verb, "merge") == 0, close = strcmp(verb, "close") == 0;
    int hist = strcmp(verb, "history") == 0;
    if (!rename && !merge && !close && !hist)
        return cli_usage(uvi, uen);
    const char *refs[ORGS_CHANGE_MAX + 1], *into = NULL, *name = NULL, *date = NULL, *note = NULL;
    size_t nref = 0;
    int json = ctx->json;
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else if (i + 1 < argc && strcmp(argv[i], "--into") == 0)
            into = argv[++i];
        else if (i + 1 < argc && strcmp(argv[i], "--name") == 0)
            name = argv[++i];
        else if (i + 1 < argc && strcmp(argv[i], "--date") == 0)
            date = argv[++i];
        else if (i + 1 < argc && strcmp(argv[i], "--note") == 0)
            note = argv[++i];
        else if (argv[i][0] != '-' && nref <= ORGS_CHANGE_MAX)
            refs[nref++] = argv[i];
        else
            return cli_usage(uvi, uen);
    }
    if (rename && nref == 2 && !name)
        name = refs[--nref];
    if ((hist && nref > 1) || (!hist && nref == 0))
        return cli_usage(uvi, uen);
    app a;
    auth_user u;
    int status = cli_open_as(ctx, &a, &u);
    if (status)
        return status;
    if (hist) {
        status = history(&a, nref ? refs[0] : NULL, json);
        app_close(&a);
        return status;
    }
    dti_err e;
    dti_err_clear(&e);
    int64_t ids[ORGS_CHANGE_MAX + 1], into_id = 0, cid = 0, after = 0;
    for (size_t i = 0; i < nref && !status; i++)
        if (report_org_find(a.st, 0, refs[i], &ids[i], &e))
            status = org_error(&e);
    if (!status && into && report_org_find(a.st, 0, into, &into_id, &e))
        status = org_error(&e);
    if (!status) {
        orgs_change_req q = {verb, ids, nref, into_id, name, date, note};
        if (orgs_change(&a, &q, &cid, &after, &e))
            status = org_error(&e);
        else if (after)
            printf("%s %lld: %s → %lld\n", TR("Đã ghi thay đổi", "Recorded change"), (long long)cid, verb,
                   (long long)after);
        else
            printf("%s %lld: %s\n", TR("Đã ghi thay đổi", "Recorded change"), (long long)cid, verb);
    }
    app_close(&a);
    return status;
}
