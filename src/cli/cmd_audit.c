/* cmd_audit.c — `dti audit`: the audit log and its hash chain.
 *
 *   audit log [--entity KIND [ID]] [--limit N] [--json]
 *   audit verify          exit 0 when the chain holds; else exit 1 naming
 *                         the first entry altered or removed
 * Needs an admin or a coordinator (--as). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app.h"
#include "app/audit.h"
#include "app/auth.h"
#include "base/lang.h"
#include "cli/cli.h"

static const char *jstr(const json_t *o, const char *k)
{
    const char *s = json_string_value(json_object_get(o, k));
    return s ? s : "";
}

int cmd_audit(cli_ctx *ctx, int argc, char **argv)
{
    static const char *uvi = "audit log [--entity LOẠI [SỐ]] [--limit N] [--json] | audit verify";
    static const char *uen = "audit log [--entity KIND [ID]] [--limit N] [--json] | audit verify";
    if (argc < 2)
        return cli_usage(uvi, uen);
    const char *entity = NULL, *entity_id = NULL;
    long limit = 0;
    int json = ctx->json;
    int is_log = strcmp(argv[1], "log") == 0;
    if (!is_log && strcmp(argv[1], "verify") != 0)
        return cli_usage(uvi, uen);
    for (int i = 2; i < argc; i++) {
        if (is_log && i + 1 < argc && strcmp(argv[i], "--entity") == 0) {
            entity = argv[++i];
            if (i + 1 < argc && argv[i + 1][0] != '-')
                entity_id = argv[++i];
        } else if (is_log && i + 1 < argc && strcmp(argv[i], "--limit") == 0) {
            char *end = NULL;
            limit = strtol(argv[++i], &end, 10);
            if (!end || *end || limit < 0)
                return cli_usage(uvi, uen);
        } else if (strcmp(argv[i], "--json") == 0) {
            json = 1;
        } else {
            return cli_usage(uvi, uen);
        }
    }
    app a;
    auth_user u;
    int status = cli_open_as(ctx, &a, &u);
    if (status)
        return status;
    dti_err e;
    dti_err_clear(&e);
    if (!is_log) {
        audit_check c;
        if (audit_verify(a.st, &u, &c, &e)) {
            status = cli_error(&e);
        } else if (c.ok) {
            printf("%s: %lld %s\n", TR("Nhật ký nguyên vẹn", "The audit log holds"), (long long)c.entries,
                   TR("mục, chuỗi băm khớp", "entries, hash chain intact"));
        } else {
            printf("%s %lld: %s\n", TR("Nhật ký bị can thiệp: mục", "The audit log was tampered with: entry"),
                   (long long)c.bad_seq, c.why);
            status = CLI_FAIL;
        }
        app_close(&a);
        return status;
    }
    json_t *log = NULL;
    if (audit_log(a.st, &u, entity, entity_id, limit, &log, &e)) {
        status = cli_error(&e);
    } else if (json) {
        cli_print_json(log);
    } else {
        size_t i;
        const json_t *x;
        json_array_foreach(log, i, x) {
            char *b = json_dumps(json_object_get(x, "before"), JSON_COMPACT | JSON_ENCODE_ANY);
            char *af = json_dumps(json_object_get(x, "after"), JSON_COMPACT | JSON_ENCODE_ANY);
            printf("%5lld %s %-12s %-22s %s %s\n", (long long)json_integer_value(json_object_get(x, "seq")),
                   jstr(x, "at"), jstr(x, "user"), jstr(x, "action"), jstr(x, "entity"), jstr(x, "entity_id"));
            if (b && strcmp(b, "null") != 0)
                printf("      %s %.300s\n", TR("trước:", "before:"), b);
            if (af && strcmp(af, "null") != 0)
                printf("      %s %.300s\n", TR("sau:  ", "after: "), af);
            free(b);
            free(af);
        }
    }
    json_decref(log);
    app_close(&a);
    return status;
}
