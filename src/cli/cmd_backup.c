/* cmd_backup.c — `dti backup DEST [--no-key]` and `dti restore SRC
 * [--force]`: the database file with its audit key and anchor log
 * (app/backup.h has the decisions; docs/backup.md the operator's guide).
 *
 * Both act on the file, as the operator account that runs dti: no --as
 * (the file's permissions are the check), nothing printed but what was
 * done. backup works while the server runs and does not migrate (a newer
 * dti can back up a database an older server still serves); restore
 * refuses while any process has the database open. */
#include <stdio.h>
#include <string.h>
#include "app/app.h"
#include "app/audit/backup.h"
#include "base/lang.h"
#include "cli/cli.h"

static int do_backup(cli_ctx *ctx, const char *dest, int with_key)
{
    dti_err e;
    audit_backup_result r;
    char head[AUDIT_HEAD_TEXT];
    dti_err_clear(&e);
    int status = CLI_OK;
    if (audit_backup_db(ctx->db, dest, with_key, app_now(), &r, &e)) {
        status = cli_error(&e);
    } else if (ctx->json) {
        json_t *o = json_pack("{s:s, s:I, s:s, s:b, s:b, s:b}", "backup", dest, "audit_seq", (json_int_t)r.head.seq,
                              "audit_head", audit_head_text(&r.head, head), "anchored", r.anchored, "key_copied",
                              r.key_copied, "anchor_copied", r.anchor_copied);
        cli_print_json(o);
        json_decref(o);
    } else {
        printf("%s %s\n", TR("Đã sao lưu vào", "Backed up to"), dest);
        if (r.anchored || r.head.seq > 0)
            printf("  %s: %s%s\n", TR("đầu nhật ký kiểm toán", "audit log head"), audit_head_text(&r.head, head),
                   r.anchored ? TR(" (đã neo)", " (anchored)") : "");
        if (r.key_copied)
            printf("  %s %s.audit-key %s\n", TR("khóa nhật ký:", "audit key:"), dest,
                   TR("(bí mật: cất bản sao lưu cẩn thận như cất khóa)", "(secret: keep the backup as safe as the key)"));
        else if (!with_key)
            printf("  %s\n", TR("không chép khóa nhật ký (--no-key): hãy giữ tệp .audit-key ở nơi an toàn",
                                "the audit key was not copied (--no-key): keep the .audit-key file safe elsewhere"));
    }
    return status;
}

static int do_restore(cli_ctx *ctx, const char *src, int force)
{
    dti_err e;
    audit_restore_result r;
    char head[AUDIT_HEAD_TEXT];
    dti_err_clear(&e);
    if (audit_restore(ctx->db, src, force, app_now(), &r, &e))
        return cli_error(&e);
    printf("%s %s %s %s\n", TR("Đã khôi phục", "Restored"), ctx->db, TR("từ", "from"), src);
    if (r.kept[0])
        printf("  %s %s\n", TR("cơ sở dữ liệu cũ giữ ở", "the old database is kept at"), r.kept);
    printf("  %s: %s; %s: %lld %s, %s%s%s\n", TR("toàn vẹn", "integrity"), "ok", TR("nhật ký kiểm toán", "audit log"),
           (long long)r.check.entries, TR("mục", "entries"), r.check.ok ? TR("nguyên vẹn", "holds") :
           TR("KHÔNG nguyên vẹn", "does NOT hold"), r.check.ok ? "" : ": ", r.check.ok ? "" : r.check.why);
    printf("  %s: %s\n", TR("đầu nhật ký trước khi ghi việc khôi phục", "head before the restore was logged"),
           audit_head_text(&r.check.head, head));
    return r.check.ok ? CLI_OK : CLI_FAIL;
}

int cmd_backup(cli_ctx *ctx, int argc, char **argv)
{
    int restore = strcmp(argv[0], "restore") == 0;
    const char *path = NULL;
    int flag = 0;
    static const char *uvi[2] = {"backup TỆP_ĐÍCH [--no-key] [--json]", "restore TỆP_SAO_LƯU [--force]"};
    static const char *uen[2] = {"backup DEST_FILE [--no-key] [--json]", "restore BACKUP_FILE [--force]"};
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            printf("%s: dti %s\n", TR("cách dùng", "usage"), TR(uvi[restore], uen[restore]));
            return CLI_OK;
        }
        if (!restore && strcmp(argv[i], "--no-key") == 0)
            flag = 1;
        else if (restore && strcmp(argv[i], "--force") == 0)
            flag = 1;
        else if (strcmp(argv[i], "--json") == 0)
            ctx->json = 1;
        else if (argv[i][0] != '-' && !path)
            path = argv[i];
        else
            path = NULL, i = argc;
    }
    if (!path)
        return cli_usage(uvi[restore], uen[restore]);
    return restore ? do_restore(ctx, path, flag) : do_backup(ctx, path, !flag);
}
