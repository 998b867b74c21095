/* cmd_report.c — `dti report`: a unit's report for a plan and a period.
 *
 *   report fill PLAN ORG PERIOD --csv FILE       values and task progress (CSV form: report.h)
 *   report attach PLAN ORG PERIOD FILE [--indicator CODE | --task CODE] [--name NAME]
 *   report submit PLAN ORG PERIOD
 *   report withdraw PLAN ORG PERIOD              take a submitted report back before review
 *   report return PLAN ORG PERIOD --reason TEXT
 *   report approve PLAN ORG PERIOD                 not by whoever filled or submitted it (report.h)
 *   report reopen PLAN ORG PERIOD --reason TEXT    an approved report: a new version, returned
 *   report self-approval COMMUNE on|off [--reason TEXT]   a commune with a single official (admin)
 *   report show PLAN ORG PERIOD [--version N] [--json]
 *   report versions PLAN ORG PERIOD [--json]
 *   report check EVIDENCE [--undo]               the reviewer has looked at a file
 *   report status PLAN PERIOD [--json]           completeness and timeliness of a period
 *
 * PLAN is a plan id; ORG an org id or name ("Công an xã"); PERIOD a code
 * (2026-03, 2026-Q1, 2026-H1, 2026). Every command acts as --as USER. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app.h"
#include "app/auth/auth.h"
#include "app/report/report.h"
#include "base/file.h"
#include "base/lang.h"
#include "cli/cli.h"

typedef struct opts {
    const char *csv, *item, *name, *reason;
    char item_kind;
    int version, json, undo;
    const char *pos[4];
    int npos;
    int bad;
} opts;

static void parse(opts *o, int argc, char **argv, int json)
{
    memset(o, 0, sizeof *o);
    o->json = json;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (i + 1 < argc && strcmp(a, "--csv") == 0)
            o->csv = argv[++i];
        else if (i + 1 < argc && strcmp(a, "--indicator") == 0)
            o->item = argv[++i], o->item_kind = 'i';
        else if (i + 1 < argc && strcmp(a, "--task") == 0)
            o->item = argv[++i], o->item_kind = 't';
        else if (i + 1 < argc && strcmp(a, "--name") == 0)
            o->name = argv[++i];
        else if (i + 1 < argc && strcmp(a, "--reason") == 0)
            o->reason = argv[++i];
        else if (i + 1 < argc && strcmp(a, "--version") == 0) {
            char *end = NULL;
            long v = strtol(argv[++i], &end, 10);
            if (!end || *end || v < 1 || v > 100000)
                o->bad = 1;
            o->version = (int)v;
        } else if (strcmp(a, "--json") == 0)
            o->json = 1;
        else if (strcmp(a, "--undo") == 0)
            o->undo = 1;
        else if (a[0] == '-' && a[1])
            o->bad = 1;
        else if (o->npos < 4)
            o->pos[o->npos++] = a;
        else
            o->bad = 1;
    }
}

/* PLAN ORG PERIOD from the first three positional words. */
static int key_of(app *a, const opts *o, report_key *k)
{
    dti_err e;
    dti_err_clear(&e);
    memset(k, 0, sizeof *k);
    if (cli_parse_id(o->pos[0], &k->plan_id)) {
        fprintf(stderr, "dti: %s: %s\n", TR("số kế hoạch không hợp lệ", "not a plan id"), o->pos[0]);
        return CLI_BAD_INPUT;
    }
    if (report_org_lookup(a, k->plan_id, o->pos[1], &k->org_id, &e))
        return cli_error(&e);
    if (strlen(o->pos[2]) >= sizeof k->period) {
        fprintf(stderr, "dti: %s: %s\n", TR("kỳ không hợp lệ", "not a period"), o->pos[2]);
        return CLI_BAD_INPUT;
    }
    snprintf(k->period, sizeof k->period, "%s", o->pos[2]);
    return CLI_OK;
}

static const char *jstr(const json_t *o, const char *k)
{
    const char *s = json_string_value(json_object_get(o, k));
    return s ? s : "";
}

static void fmt_num(const json_t *v, char *out, size_t n)
{
    if (!json_is_number(v)) {
        snprintf(out, n, "—");
        return;
    }
    double d = json_number_value(v);
    if (fabs(d - round(d)) < 1e-9)
        snprintf(out, n, "%.0f", d);
    else
        snprintf(out, n, "%.2f", d);
}

static void print_report(const json_t *r)
{
    const json_t *t = json_object_get(r, "timeliness");
    printf("%s %s · %s %s · %s %lld · %s: %s\n", TR("Báo cáo kỳ", "Report for"), jstr(r, "period"),
           TR("đơn vị", "org"), jstr(r, "org"), TR("phiên bản", "version"),
           (long long)json_integer_value(json_object_get(r, "version")), TR("trạng thái", "state"),
           jstr(r, "state_label"));
    printf("  %s: %s", TR("Thời hạn", "Timeliness"), jstr(t, "label"));
    if (json_integer_value(json_object_get(t, "late_days")) > 0)
        printf(" (%lld %s)", (long long)json_integer_value(json_object_get(t, "late_days")), TR("ngày", "days"));
    if (json_is_string(json_object_get(t, "deadline")))
        printf(" · %s %s", TR("hạn", "deadline"), jstr(t, "deadline"));
    printf("\n");
    if (json_is_string(json_object_get(r, "reason")))
        printf("  %s: %s\n", TR("Lý do trả lại", "Returned because"), jstr(r, "reason"));
    if (json_is_true(json_object_get(r, "self_approved")))
        printf("  %s\n", TR("Tự duyệt: người nhập hoặc nộp báo cáo đã duyệt (xã cho phép vì chỉ có một cán bộ)",
                             "Self-approved: approved by the one who filled or submitted it (the commune allows it)"));
    const json_t *vals = json_object_get(r, "values");
    if (json_array_size(vals))
        printf("%s\n", TR("Số liệu:", "Values:"));
    size_t i;
    const json_t *v;
    json_array_foreach(vals, i, v) {
        char a[32], b[32], c[32];
        fmt_num(json_object_get(v, "numerator"), a, sizeof a);
        fmt_num(json_object_get(v, "denominator"), b, sizeof b);
        fmt_num(json_object_get(v, "value"), c, sizeof c);
        const json_t *met = json_object_get(v, "met");
        printf("  %-6s %-10s %s/%s  %s%s%s\n", jstr(v, "code"), c, a, b,
               json_is_boolean(met) ? (json_is_true(met) ? TR("đạt ", "met ") : TR("chưa đạt ", "not met ")) : "",
               jstr(v, "note"), strcmp(jstr(v, "role"), "support") == 0 ? TR(" [phối hợp]", " [support]") : "");
    }
    const json_t *tasks = json_object_get(r, "tasks");
    if (json_array_size(tasks))
        printf("%s\n", TR("Nhiệm vụ:", "Tasks:"));
    json_array_foreach(tasks, i, v) {
        char p[32];
        fmt_num(json_object_get(v, "percent"), p, sizeof p);
        printf("  %-6s %-16s %s%%  %s %s\n", jstr(v, "code"), jstr(v, "status"), p, jstr(v, "products"),
               jstr(v, "note"));
    }
    static const char *texts[3][3] = {{"results", "Kết quả", "Results"},
                                      {"difficulties", "Khó khăn, vướng mắc", "Difficulties"},
                                      {"proposals", "Đề xuất, kiến nghị", "Proposals"}};
    for (int k = 0; k < 3; k++)
        if (json_is_string(json_object_get(r, texts[k][0])))
            printf("%s: %s\n", TR(texts[k][1], texts[k][2]), jstr(r, texts[k][0]));
    const json_t *ev = json_object_get(r, "evidence");
    if (json_array_size(ev))
        printf("%s\n", TR("Tài liệu kiểm chứng:", "Evidence:"));
    json_array_foreach(ev, i, v) {
        const char *on = json_is_string(json_object_get(v, "indicator")) ? jstr(v, "indicator")
                       : json_is_string(json_object_get(v, "task")) ? jstr(v, "task") : TR("cả báo cáo", "report");
        printf("  #%lld %s (%s, %lld B, %.12s…) → %s · %s%s\n", (long long)json_integer_value(json_object_get(v, "id")),
               jstr(v, "name"), jstr(v, "media_type"), (long long)json_integer_value(json_object_get(v, "size")),
               jstr(v, "sha256"), on, jstr(v, "org"),
               json_is_true(json_object_get(v, "checked")) ? TR(" · đã kiểm tra", " · checked") : "");
    }
    const json_t *sup = json_object_get(r, "support");
    if (json_array_size(sup))
        printf("%s\n", TR("Ý kiến của đơn vị phối hợp:", "From support orgs:"));
    json_array_foreach(sup, i, v)
        printf("  %s · %s: %s\n", jstr(v, "indicator"), jstr(v, "org"), jstr(v, "note"));
}

int cmd_report(cli_ctx *ctx, int argc, char **argv)
{
    static const char *usage_vi = "report fill|attach|submit|withdraw|return|approve|reopen|show|versions KH ĐƠN_VỊ KỲ … | "
                                  "report check SỐ [--undo] | report status KH KỲ | "
                                  "report self-approval XÃ on|off [--reason LÝ_DO]";
    static const char *usage_en = "report fill|attach|submit|withdraw|return|approve|reopen|show|versions PLAN ORG PERIOD … | "
                                  "report check ID [--undo] | report status PLAN PERIOD | "
                                  "report self-approval COMMUNE on|off [--reason TEXT]";
    if (argc < 2)
        return cli_usage(usage_vi, usage_en);
    const char *sub = argv[1];
    opts o;
    parse(&o, argc - 1, argv + 1, ctx->json);
    int need = 3;
    if (!strcmp(sub, "check"))
        need = 1;
    else if (!strcmp(sub, "status") || !strcmp(sub, "self-approval"))
        need = 2;
    else if (!strcmp(sub, "attach"))
        need = 4;
    if (o.bad || o.npos != need)
        return cli_usage(usage_vi, usage_en);
    if (!strcmp(sub, "fill") && !o.csv)
        return cli_usage("report fill KH ĐƠN_VỊ KỲ --csv TỆP", "report fill PLAN ORG PERIOD --csv FILE");
    if (!strcmp(sub, "reopen") && !o.reason)
        return cli_usage("report reopen KH ĐƠN_VỊ KỲ --reason \"LÝ DO\"",
                         "report reopen PLAN ORG PERIOD --reason \"REASON\"");
    if (!strcmp(sub, "self-approval") && strcmp(o.pos[1], "on") && strcmp(o.pos[1], "off"))
        return cli_usage("report self-approval XÃ on|off [--reason LÝ_DO]",
                         "report self-approval COMMUNE on|off [--reason TEXT]");
    if (!strcmp(sub, "return") && !o.reason)
        return cli_usage("report return KH ĐƠN_VỊ KỲ --reason LÝ_DO", "report return PLAN ORG PERIOD --reason TEXT");

    app a;
    auth_user u;
    int status = cli_open_as(ctx, &a, &u);
    if (status)
        return status;
    a.account = &u;     /* read by cli_open_as: app_actor need not read it again */
    dti_err e;
    dti_err_clear(&e);
    report_key k;
    json_t *j = NULL;
    char *data = NULL;
    size_t len = 0;

    if (!strcmp(sub, "check")) {
        int64_t id = 0;
        if (cli_parse_id(o.pos[0], &id)) {
            status = cli_usage("report check SỐ [--undo]", "report check ID [--undo]");
        } else if (report_check_evidence(&a, id, !o.undo, &e)) {
            status = cli_error(&e);
        } else {
            printf("%s #%lld\n", o.undo ? TR("Đã bỏ đánh dấu kiểm tra tài liệu", "Unchecked evidence")
                                        : TR("Đã đánh dấu kiểm tra tài liệu", "Checked evidence"), (long long)id);
        }
        goto out;
    }
    if (!strcmp(sub, "self-approval")) {
        int64_t org = 0;
        int on = !strcmp(o.pos[1], "on");
        if (report_org_lookup(&a, 0, o.pos[0], &org, &e) ||
            report_set_self_approval(&a, org, on, o.reason, &e)) {
            status = cli_error(&e);
            goto out;
        }
        printf("%s\n", on ? TR("Đã cho phép người nhập, nộp báo cáo của xã tự duyệt (báo cáo sẽ ghi rõ là tự duyệt)",
                               "The one who fills or submits a report of this commune may now approve it (the report "
                               "says so)")
                          : TR("Người nhập, nộp báo cáo không được tự duyệt", "Who fills or submits a report may not "
                               "approve it"));
        goto out;
    }
    if (!strcmp(sub, "status")) {
        int64_t plan_id = 0;
        if (cli_parse_id(o.pos[0], &plan_id)) {
            status = cli_usage("report status KH KỲ", "report status PLAN PERIOD");
            goto out;
        }
        if (report_completeness(&a, plan_id, o.pos[1], &j, &e)) {
            status = cli_error(&e);
            goto out;
        }
        if (o.json) {
            cli_print_json(j);
            goto out;
        }
        printf("%s %s · %s %s · %s %lld, %s %lld, %s %lld\n", TR("Kỳ", "Period"), jstr(j, "period"),
               TR("hạn đơn vị", "units' deadline"),
               json_is_string(json_object_get(j, "unit_deadline")) ? jstr(j, "unit_deadline") : "—",
               TR("phải nộp", "expected"), (long long)json_integer_value(json_object_get(j, "expected")),
               TR("đã nộp", "received"), (long long)json_integer_value(json_object_get(j, "received")),
               TR("đúng hạn", "on time"), (long long)json_integer_value(json_object_get(j, "on_time")));
        const json_t *rq = json_object_get(j, "request");
        if (rq) {
            printf("  %s", jstr(rq, "name"));
            char when[CLI_TIME_LEN];
            if (json_is_true(json_object_get(rq, "cancelled")))
                printf(" · %s %s: %s", TR("đã hủy lúc", "cancelled at"),
                       cli_time_vn(json_string_value(json_object_get(rq, "cancelled_at")), when),
                       jstr(rq, "cancel_reason"));
            printf("\n");
        }
        size_t i;
        const json_t *v;
        json_array_foreach(json_object_get(j, "orgs"), i, v) {
            const json_t *t = json_object_get(v, "timeliness");
            printf("  %-40s %-10s %s", jstr(v, "org"), json_is_string(json_object_get(v, "state")) ? jstr(v, "state") : "—",
                   jstr(t, "label"));
            if (json_integer_value(json_object_get(t, "late_days")) > 0)
                printf(" (%lld %s)", (long long)json_integer_value(json_object_get(t, "late_days")), TR("ngày", "days"));
            printf("\n");
        }
        goto out;
    }
    if ((status = key_of(&a, &o, &k)))
        goto out;
    if (!strcmp(sub, "fill")) {
        report_fill_result r;
        if (file_read(o.csv, REPORT_CSV_MAX_BYTES, &data, &len, &e) ||
            report_fill_csv(&a, &k, data, len, &r, &e)) {
            status = cli_error(&e);
            goto out;
        }
        printf("%s %s (%s %d%s): %zu %s, %zu %s, %zu %s\n", TR("Đã ghi báo cáo kỳ", "Filled the report for"),
               k.period, TR("phiên bản", "version"), r.version, r.new_version ? TR(", mới", ", new") : "",
               r.values, TR("số liệu", "values"), r.tasks, TR("nhiệm vụ", "tasks"), r.texts, TR("đoạn văn", "texts"));
    } else if (!strcmp(sub, "attach")) {
        int64_t id = 0;
        int fresh = 0;
        if (file_read(o.pos[3], REPORT_EVIDENCE_MAX + 1, &data, &len, &e)) {
            if (e.code == DTI_ERR_TOOBIG)
                dti_fail(&e, DTI_ERR_TOOBIG, o.pos[3], "%s: quá giới hạn %zu MB cho một tệp kiểm chứng",
                         "%s: over the %zu MB limit for one evidence file", o.pos[3], REPORT_EVIDENCE_MAX >> 20);
            status = cli_error(&e);
            goto out;
        }
        if (report_attach(&a, &k, o.item_kind, o.item, o.name ? o.name : o.pos[3], data, len, 0, &id, &fresh, &e)) {
            status = cli_error(&e);
            goto out;
        }
        printf("%s #%lld%s\n", TR("Đã đính kèm tài liệu kiểm chứng", "Attached evidence"), (long long)id,
               fresh ? "" : TR(" (tệp đã có, không lưu lại)", " (same file stored before: kept once)"));
    } else if (!strcmp(sub, "submit")) {
        size_t missing = 0;
        if (report_submit(&a, &k, &missing, &e)) {
            status = cli_error(&e);
            goto out;
        }
        printf("%s %s\n", TR("Đã nộp báo cáo kỳ", "Submitted the report for"), k.period);
        if (missing)
            fprintf(stderr, "dti: %s: %zu\n", TR("cảnh báo: chỉ tiêu, nhiệm vụ chủ trì chưa có số liệu",
                                                 "warning: led indicators and tasks without an entry"), missing);
    } else if (!strcmp(sub, "withdraw")) {
        if (report_withdraw(&a, &k, &e)) {
            status = cli_error(&e);
            goto out;
        }
        printf("%s %s\n", TR("Đã rút lại báo cáo kỳ (trở về bản nháp)", "Withdrew the report (back to draft) for"),
               k.period);
    } else if (!strcmp(sub, "return")) {
        if (report_return(&a, &k, o.reason, &e)) {
            status = cli_error(&e);
            goto out;
        }
        printf("%s %s\n", TR("Đã trả lại báo cáo kỳ", "Returned the report for"), k.period);
    } else if (!strcmp(sub, "approve")) {
        if (report_approve(&a, &k, &e)) {
            status = cli_error(&e);
            goto out;
        }
        printf("%s %s\n", TR("Đã duyệt báo cáo kỳ", "Approved the report for"), k.period);
    } else if (!strcmp(sub, "reopen")) {
        int ver = 0;
        if (report_reopen(&a, &k, o.reason, &ver, &e)) {
            status = cli_error(&e);
            goto out;
        }
        printf("%s %s: %s %d (%s)\n", TR("Đã mở lại báo cáo kỳ", "Reopened the report for"), k.period,
               TR("phiên bản", "version"), ver, TR("trả lại đơn vị để sửa", "returned to the unit to correct"));
    } else if (!strcmp(sub, "show")) {
        if (report_show(&a, &k, o.version, &j, &e)) {
            status = cli_error(&e);
            goto out;
        }
        if (o.json)
            cli_print_json(j);
        else
            print_report(j);
    } else if (!strcmp(sub, "versions")) {
        if (report_versions(&a, &k, &j, &e)) {
            status = cli_error(&e);
            goto out;
        }
        if (o.json) {
            cli_print_json(j);
        } else {
            size_t i;
            const json_t *v;
            char when[CLI_TIME_LEN];
            /* Vietnam time like every CLI date; --json keeps the UTC instant */
            json_array_foreach(j, i, v)
                printf("%lld  %-10s %s  %s\n", (long long)json_integer_value(json_object_get(v, "version")),
                       jstr(v, "state"), cli_time_vn(jstr(v, "created_at"), when), jstr(v, "reason"));
        }
    } else {
        status = cli_usage(usage_vi, usage_en);
    }
out:
    free(data);
    json_decref(j);
    app_close(&a);
    return status;
}
