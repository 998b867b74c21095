/* cmd_audit.c — `dti audit`: the audit log and its hash chain.
 *
 *   audit log [--entity KIND [ID]] [--limit N] [--json]
 *   audit verify [--head SEQ-HASH]...
 *                         exit 0 when the log holds (chain, key, anchor log,
 *                         the published heads given, every report against its
 *                         after-images); else exit 1 naming what was found
 *   audit head            print the head ("SEQ-HASH16", the form printed on
 *                         published rankings) and append it to the anchor log
 * Needs an admin or a coordinator (--as); `audit head` an admin or a
 * coordinator too (it writes the anchor log). app/audit.h has the design. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app.h"
#include "app/audit/audit.h"
#include "app/auth/auth.h"
#include "base/lang.h"
#include "cli/cli.h"

static const char *jstr(const json_t *o, const char *k)
{
    const char *s = json_string_value(json_object_get(o, k));
    return s ? s : "";
}

/* Cut S to at most N bytes on a UTF-8 character boundary, with "…" when cut. */
static void print_cut(const char *label, const char *s, size_t n)
{
    size_t len = strlen(s);
    if (len <= n) {
        printf("      %s %s\n", label, s);
        return;
    }
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    printf("      %s %.*s…\n", label, (int)n, s);
}

int cmd_audit(cli_ctx *ctx, int argc, char **argv)
{
    static const char *uvi = "audit log [--entity LOẠI [SỐ]] [--limit N] [--json] | audit verify "
                             "[--head SỐ-MÃ]... | audit head";
    static const char *uen = "audit log [--entity KIND [ID]] [--limit N] [--json] | audit verify "
                             "[--head SEQ-HASH]... | audit head";
    if (argc < 2)
        return cli_usage(uvi, uen);
    const char *entity = NULL, *entity_id = NULL;
    const char *heads[AUDIT_HEADS_MAX];
    size_t nheads = 0;
    long limit = 0;
    int json = ctx->json;
    int is_log = strcmp(argv[1], "log") == 0, is_head = strcmp(argv[1], "head") == 0;
    if (!is_log && !is_head && strcmp(argv[1], "verify") != 0)
        return cli_usage(uvi, uen);
    for (int i = 2; i < argc; i++) {
        if (!is_log && !is_head && i + 1 < argc && strcmp(argv[i], "--head") == 0) {
            if (nheads == AUDIT_HEADS_MAX)
                return cli_usage(uvi, uen);
            heads[nheads++] = argv[++i];
        } else if (is_log && i + 1 < argc && strcmp(argv[i], "--entity") == 0) {
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
    if (is_head) {
        audit_mark m;
        char txt[AUDIT_HEAD_TEXT];
        /* the same permission as verify: the head is the log's */
        if (auth_can(a.st, &u, AUTH_AUDIT, 0, &e) || audit_anchor(a.st, "head", a.now, &m, &e)) {
            status = cli_error(&e);
        } else if (json) {
            json_t *o = json_pack("{s:I, s:s, s:s, s:b}", "seq", (json_int_t)m.seq, "hash", m.hash, "head",
                                  audit_head_text(&m, txt), "keyed", m.keyed);
            cli_print_json(o);
            json_decref(o);
        } else {
            printf("%s: %s\n", TR("Đầu nhật ký kiểm toán", "Audit log head"), audit_head_text(&m, txt));
            printf("  %s %lld, %s %s\n", TR("mục", "entry"), (long long)m.seq, TR("mã", "hash"), m.hash);
        }
        app_close(&a);
        return status;
    }
    if (!is_log) {
        audit_check c;
        char txt[AUDIT_HEAD_TEXT];
        if (audit_verify_heads(&a, heads, nheads, &c, &e)) {
            status = cli_error(&e);
        } else if (c.ok) {
            printf("%s: %lld %s\n", TR("Nhật ký nguyên vẹn", "The audit log holds"), (long long)c.entries,
                   TR("mục, chuỗi băm khớp", "entries, hash chain intact"));
            if (c.keyed_from > 1)
                printf("  %s %lld%s %lld\n",
                       TR("chuỗi có khóa (HMAC-SHA-256) từ mục", "keyed chain (HMAC-SHA-256) from entry"),
                       (long long)c.keyed_from, TR("; SHA-256 không khóa, trước khi nâng cấp: mục 1 đến",
                                                   "; unkeyed SHA-256, from before the upgrade: entries 1 to"),
                       (long long)c.keyed_from - 1);
            else
                printf("  %s\n", TR("chuỗi có khóa (HMAC-SHA-256) từ mục 1", "keyed chain (HMAC-SHA-256) from entry 1"));
            printf("  %lld %s, %lld %s, %lld %s\n", (long long)c.anchors,
                   TR("dòng neo khớp", "anchor lines hold"), (long long)c.heads,
                   TR("đầu đã công bố khớp", "published heads hold"), (long long)c.reports,
                   TR("báo cáo khớp với nhật ký", "reports match the log"));
            printf("  %s: %s\n", TR("đầu nhật ký", "head"), audit_head_text(&c.head, txt));
        } else {
            if (c.no_key)
                printf("%s: %s\n", TR("Không kiểm tra được nhật ký", "The audit log cannot be checked"), c.why);
            else if (c.bad_seq > 0)
                printf("%s %lld: %s\n", TR("Nhật ký bị can thiệp: mục", "The audit log was tampered with: entry"),
                       (long long)c.bad_seq, c.why);
            else
                printf("%s: %s\n", TR("Nhật ký bị can thiệp", "The audit log was tampered with"), c.why);
            status = CLI_FAIL;
        }
        app_close(&a);
        return status;
    }
    json_t *log = NULL;
    if (audit_log(&a, entity, entity_id, limit, &log, &e)) {
        status = cli_error(&e);
    } else if (json) {
        cli_print_json(log);
    } else {
        size_t i;
        const json_t *x;
        char when[CLI_TIME_LEN]; /* Vietnam time; --json keeps the UTC instant */
        json_array_foreach(log, i, x) {
            char *b = json_dumps(json_object_get(x, "before"), JSON_COMPACT | JSON_ENCODE_ANY);
            char *af = json_dumps(json_object_get(x, "after"), JSON_COMPACT | JSON_ENCODE_ANY);
            printf("%5lld %s %-12s %-22s %s %s\n", (long long)json_integer_value(json_object_get(x, "seq")),
                   cli_time_vn(jstr(x, "at"), when), jstr(x, "user"), jstr(x, "action"), jstr(x, "entity"), jstr(x, "entity_id"));
            if (b && strcmp(b, "null") != 0)
                print_cut(TR("trước:", "before:"), b, 300);
            if (af && strcmp(af, "null") != 0)
                print_cut(TR("sau:  ", "after: "), af, 300);
            free(b);
            free(af);
        }
    }
    json_decref(log);
    app_close(&a);
    return status;
}
