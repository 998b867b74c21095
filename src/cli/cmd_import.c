/* cmd_import.c — `dti --db FILE import DOC [--plan CORRECTED.json]`: store a
 * plan document and print what was stored: groups, indicators, tasks, the
 * units named and how each name was matched, collective names left to the
 * coordinator, warnings.
 *
 * --plan: the plan as the coordinator corrected it, for one who works at the
 * command line as the web preview's user works in the browser: `dti extract
 * DOC > p.json`, edit p.json, `dti import DOC --plan p.json`. The document
 * stays the plan's source and the audit entry says what was corrected
 * (plans_import_file_corrected). */
#include <stdio.h>
#include <string.h>
#include "app/app.h"
#include "app/plan/plans.h"
#include "app/auth/auth.h"
#include "base/lang.h"
#include "core/period_text.h"
#include "cli/cli.h"

/* The reporting calendar the import set from the document, or that it
 * found none (the coordinator then sets it). */
static void print_calendar(const plans_import_result *r)
{
    if (r->existed)
        return;
    if (!r->cal_set && r->cal_unread.n) {
        /* never "none" over sentences that were not understood: quote them */
        printf("%s\n", TR("Lịch báo cáo: chưa đặt; văn bản có các câu về báo cáo mà dti chưa hiểu được, hãy đọc "
                          "và đặt lịch (dti calendar set KH QUY_TẮC…):",
                          "Reporting calendar: not set; the document has sentences on reporting that dti did not "
                          "understand: read them and set it (dti calendar set PLAN RULE…):"));
        for (size_t i = 0; i < r->cal_unread.n; i++)
            printf("  «%s»\n", r->cal_unread.v[i]);
        return;
    }
    if (!r->cal_set) {
        printf("%s\n", TR("Lịch báo cáo: văn bản không nêu chế độ báo cáo định kỳ; chưa đặt lịch (điều phối viên "
                          "đặt bằng: dti calendar set KH QUY_TẮC…).",
                          "Reporting calendar: the document states no periodic reporting regime; none set (the "
                          "coordinator sets it: dti calendar set PLAN RULE…)."));
        return;
    }
    printf("%s (%zu %s):\n", TR("Lịch báo cáo đã đặt theo văn bản", "Reporting calendar set from the document"),
           r->cal_periods, TR("kỳ", "periods"));
    for (size_t i = 0; i < r->cal_rules.n; i++) {
        period_rule pr;
        dti_err e;
        char words[PERIOD_DESCRIBE_MAX] = "";
        if (period_rule_parse(r->cal_rules.v[i], &pr, &e) == DTI_OK)
            period_rule_describe(&pr, lang_get(), words, sizeof words);
        printf("  %s — %s\n", r->cal_rules.v[i], words);
        /* a sentence stating several kinds is quoted once */
        if (i < r->cal_sources.n && (i == 0 || strcmp(r->cal_sources.v[i], r->cal_sources.v[i - 1]) != 0)) {
            const char *s = r->cal_sources.v[i];
            while (*s) {
                const char *nl = strchr(s, '\n');
                int len = nl ? (int)(nl - s) : (int)strlen(s);
                printf("    «%.*s»\n", len, s);
                s += len + (nl ? 1 : 0);
            }
        }
    }
}

static void print_summary(const plans_import_result *r, const char *path)
{
    if (r->existed)
        printf("%s %lld %s\n", TR("Tài liệu này đã được nhập trước đó: kế hoạch số",
                                  "This document was imported before: plan"),
               (long long)r->plan_id, TR("(không lưu thêm).", "(nothing stored again)."));
    else
        printf("%s %lld.\n", TR("Đã nhập kế hoạch số", "Imported plan"), (long long)r->plan_id);
    printf("  %s: %s\n", TR("Tiêu đề", "Title"), r->title ? r->title : "—");
    printf("  %s: %s · %s: %s · %s: %s\n", TR("Xã", "Commune"), r->commune ? r->commune : "—",
           TR("Tỉnh", "Province"), r->province ? r->province : "—", TR("Số", "Number"),
           r->number ? r->number : "—");
    printf("  %s: %s (SHA-256 %.16s…)\n", TR("Tài liệu", "Document"), path, r->sha256);
    printf("  %s: %zu · %s: %zu · %s: %zu", TR("Nhóm", "Groups"), r->ngroups, TR("Chỉ tiêu", "Indicators"),
           r->nindicators, TR("Nhiệm vụ", "Tasks"), r->ntasks);
    if (!r->existed)
        printf(" · %s: %zu (%s: %zu)", TR("Đơn vị được nêu", "Units named"), r->nunits, TR("mới", "new"),
               r->nunits_new);
    printf("\n");
    if (r->nmatches)
        printf("%s\n", TR("Đơn vị:", "Units:"));
    for (size_t i = 0; i < r->nmatches; i++) {
        const plans_match *m = &r->matches[i];
        const char *lvl = m->province_level ? TR(" [cấp tỉnh]", " [province level]") : "";
        switch (m->how) {
        case PLANS_MATCH_NONE:
            printf("  %s%s (%s)\n", m->name, lvl, TR("chưa gắn với tổ chức", "not linked"));
            break;
        case PLANS_MATCH_SELF:
            printf("  %s → %s%s (%s)\n", m->name, m->org_name, lvl,
                   m->province_level && strstr(m->name, "xã") == NULL ? TR("chính tỉnh", "the province itself")
                                                                      : TR("chính quyền cấp này", "the committee itself"));
            break;
        default:
            if (m->org_name && strcmp(m->name, m->org_name) != 0)
                printf("  %s → %s%s%s\n", m->name, m->org_name, lvl,
                       m->how == PLANS_MATCH_NEW ? TR(" (mới)", " (new)") : "");
            else
                printf("  %s%s%s\n", m->name, lvl,
                       m->how == PLANS_MATCH_NEW ? TR(" (mới)", " (new)") : TR(" (đã có)", " (known)"));
        }
    }
    if (r->collective.n)
        printf("%s\n", TR("Tên chung, chưa gắn với đơn vị cụ thể (điều phối viên cần xác định):",
                          "Collective names, not matched to one unit (for the coordinator to resolve):"));
    for (size_t i = 0; i < r->collective.n; i++)
        printf("  %s\n", r->collective.v[i]);
    print_calendar(r);
    if (r->warnings.n)
        printf("%s\n", TR("Cảnh báo:", "Warnings:"));
    for (size_t i = 0; i < r->warnings.n; i++)
        printf("  %s\n", r->warnings.v[i]);
}

int cmd_import(cli_ctx *ctx, int argc, char **argv)
{
    const char *path = NULL, *plan_path = NULL;
    for (int i = 1; i < argc; i++) {
        if (i + 1 < argc && strcmp(argv[i], "--plan") == 0)
            plan_path = argv[++i];
        else if (!path && argv[i][0] != '-')
            path = argv[i];
        else
            path = NULL, i = argc;      /* unknown option or a second file */
    }
    if (!path || (argc != 2 && !plan_path) || argc > 4)
        return cli_usage("import TỆP [--plan KẾ_HOẠCH_ĐÃ_SỬA.json]", "import FILE [--plan CORRECTED_PLAN.json]");
    dti_err e;
    dti_err_clear(&e);
    app a;
    plans_import_result r;
    memset(&r, 0, sizeof r);
    auth_user u;
    int status = CLI_OK;
    /* --as is needed once the store has users (app_actor); before that the
     * import runs as the system (the first import, `make run`) */
    if (ctx->as_user) {
        if ((status = cli_open_as(ctx, &a, &u)))
            return status;
    } else if (app_open(&a, ctx->db, 0, &e)) {
        return cli_error(&e);
    }
    if (plan_path ? plans_import_file_corrected(&a, path, plan_path, &r, &e) : plans_import_file(&a, path, &r, &e))
        status = cli_error(&e);
    else
        print_summary(&r, path);
    plans_import_result_release(&r);
    app_close(&a);
    return status;
}
