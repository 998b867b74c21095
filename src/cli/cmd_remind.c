/* cmd_remind.c — `dti remind`: reminders from the command line (cron), and
 * a plan's reminder settings.
 *
 *   dti --db F remind [--dry-run] [--json] [--smtp URL] [--from ADDR]
 *   dti --db F --as NAME remind settings PLAN [--schedule "-3,0,1,3"] [--return-days N]
 *
 * The first does what `dti serve` does on its own schedule (app/remind.h):
 * records the notices due now (DTI_NOW when set) and e-mails them through
 * the server of DTI_SMTP_URL (or --smtp), listing each notice it adds; with
 * --dry-run it lists what it would add and changes nothing. It needs no
 * --as: it is the operator's job, run by whoever can open the database, and
 * writes only notices. `settings` shows a plan's schedule and the working
 * days a returned report has, or changes them (a coordinator of the plan). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app.h"
#include "app/auth/auth.h"
#include "app/remind/remind.h"
#include "base/lang.h"
#include "cli/cli.h"

static const char USAGE_VI[] = "remind [--dry-run] [--json] [--smtp URL] [--from ĐỊA_CHỈ] | "
                               "remind settings KẾ_HOẠCH [--schedule \"-3,0,1,3\"] [--return-days N]";
static const char USAGE_EN[] = "remind [--dry-run] [--json] [--smtp URL] [--from ADDRESS] | "
                               "remind settings PLAN [--schedule \"-3,0,1,3\"] [--return-days N]";

static const char *kind_label(const char *k)
{
    if (strcmp(k, "before") == 0) return TR("trước hạn", "before");
    if (strcmp(k, "due") == 0) return TR("đúng hạn", "due today");
    if (strcmp(k, "after") == 0) return TR("quá hạn", "overdue");
    if (strcmp(k, "escalate") == 0) return TR("báo lên", "escalated");
    if (strcmp(k, "digest") == 0) return TR("tổng hợp", "digest");
    if (strcmp(k, "returned") == 0) return TR("trả lại", "returned");
    if (strcmp(k, "approved") == 0) return TR("đã duyệt", "approved");
    if (strcmp(k, "opened") == 0) return TR("yêu cầu mới", "new request");
    if (strcmp(k, "changed") == 0) return TR("yêu cầu đổi", "request changed");
    if (strcmp(k, "cancelled") == 0) return TR("yêu cầu hủy", "request cancelled");
    return k;
}

static int settings(cli_ctx *ctx, int argc, char **argv)
{
    const char *plan_arg = NULL, *sched = NULL;
    int days = 0, status = CLI_OK;
    int64_t plan_id = 0;
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--schedule") == 0 && i + 1 < argc)
            sched = argv[++i];
        else if (strcmp(argv[i], "--return-days") == 0 && i + 1 < argc) {
            char *end = NULL;
            long v = strtol(argv[++i], &end, 10);
            if (!*argv[i] || *end || v < 1 || v > REMIND_RETURN_DAYS_MAX)
                return cli_usage(USAGE_VI, USAGE_EN);
            days = (int)v;
        } else if (!plan_arg && argv[i][0] != '-')
            plan_arg = argv[i];
        else
            return cli_usage(USAGE_VI, USAGE_EN);
    }
    if (!plan_arg || cli_parse_id(plan_arg, &plan_id) != 0)
        return cli_usage(USAGE_VI, USAGE_EN);
    app a;
    auth_user u;
    dti_err e;
    remind_schedule sc;
    char text[128];
    dti_err_clear(&e);
    if ((status = cli_open_as(ctx, &a, &u)) != CLI_OK)
        return status;
    a.account = &u;     /* read by cli_open_as */
    if ((sched || days) && remind_settings_set(&a, plan_id, sched, days, &e) != DTI_OK) {
        status = cli_error(&e);
        goto out;
    }
    if (remind_settings_read(&a, plan_id, &sc, &days, &e) != DTI_OK) {
        status = cli_error(&e);
        goto out;
    }
    remind_schedule_format(&sc, text, sizeof text);
    printf("%s %lld: %s %s · %s %d %s\n", TR("Kế hoạch", "Plan"), (long long)plan_id,
           TR("nhắc hạn vào các ngày (so với hạn)", "reminders on the days (from the deadline)"), text,
           TR("báo cáo bị trả lại có", "a returned report has"), days, TR("ngày làm việc để nộp lại", "working days to resubmit"));
out:
    app_close(&a);
    return status;
}

int cmd_remind(cli_ctx *ctx, int argc, char **argv)
{
    int dry = 0, status = CLI_OK;
    const char *smtp = NULL, *from = NULL;
    if (argc >= 2 && strcmp(argv[1], "settings") == 0)
        return settings(ctx, argc, argv);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--dry-run") == 0)
            dry = 1;
        else if (strcmp(argv[i], "--json") == 0)
            ctx->json = 1;
        else if (strcmp(argv[i], "--smtp") == 0 && i + 1 < argc)
            smtp = argv[++i];
        else if (strcmp(argv[i], "--from") == 0 && i + 1 < argc)
            from = argv[++i];
        else
            return cli_usage(USAGE_VI, USAGE_EN);
    }
    /* the flags stand for their variables (never a password: those stay in the environment) */
    if ((smtp && setenv("DTI_SMTP_URL", smtp, 1) != 0) || (from && setenv("DTI_SMTP_FROM", from, 1) != 0))
        return cli_usage(USAGE_VI, USAGE_EN);
    app a;
    dti_err e;
    remind_mail_cfg mail;
    remind_result r;
    memset(&r, 0, sizeof r);
    dti_err_clear(&e);
    if (remind_mail_from_env(&mail, &e) != DTI_OK)
        return cli_error(&e);
    if (app_open(&a, ctx->db, 0, &e) != DTI_OK)
        return cli_error(&e);
    dti_rc rc = remind_run(&a, &mail, dry, &r, &e);
    if (ctx->json) {
        json_t *arr = json_array();
        for (size_t i = 0; arr && i < r.n; i++)
            json_array_append_new(arr, json_pack("{s:s, s:s, s:o, s:s, s:s, s:s}", "kind", r.v[i].kind, "user",
                                                 r.v[i].user, "email", r.v[i].email ? json_string(r.v[i].email)
                                                                                    : json_null(),
                                                 "org", r.v[i].org, "period", r.v[i].period, "subject",
                                                 r.v[i].subject));
        json_t *o = json_pack("{s:b, s:o, s:I, s:I, s:b}", "dry_run", dry, "notices", arr ? arr : json_array(),
                              "mailed", (json_int_t)r.mailed, "failed", (json_int_t)r.failed, "mail_configured",
                              mail.enabled);
        if (o)
            cli_print_json(o);
        json_decref(o);
    } else {
        for (size_t i = 0; i < r.n; i++)
            printf("%-10s %-12s %-28s %s\n", kind_label(r.v[i].kind), r.v[i].user,
                   r.v[i].email ? r.v[i].email : TR("(chỉ trong dti)", "(in dti only)"), r.v[i].subject);
        if (dry)
            printf("%s: %zu %s\n", TR("Chạy thử", "Dry run"), r.n,
                   TR("thông báo sẽ được ghi (chưa ghi, chưa gửi gì)", "notices would be recorded (nothing recorded or sent)"));
        else
            printf("%s %zu %s; %s %zu, %s %zu%s\n", TR("Đã ghi", "Recorded"), r.n, TR("thông báo", "notices"),
                   TR("thư đã gửi", "mails sent"), r.mailed, TR("lỗi", "failed"), r.failed,
                   mail.enabled ? "" : TR(" (chưa cấu hình máy chủ thư: DTI_SMTP_URL)", " (no mail server: DTI_SMTP_URL)"));
    }
    if (rc != DTI_OK)
        status = cli_error(&e);
    else if (r.failed)
        status = CLI_FAIL;
    remind_result_release(&r);
    app_close(&a);
    return status;
}
