/* cmd_calendar.c — `dti calendar set|show` and `dti periods`.
 *
 *   calendar set PLAN RULE…     the plan's reporting regime, in core/period.h's
 *                               syntax (docs/calendar.md), e.g. Minh Đức:
 *                               month:unit=15+1,commune=20+1
 *   calendar show PLAN          the rules
 *   periods PLAN [YEAR] [--json]  code, start, end and both deadlines (dd/mm/yyyy)
 *   calendar request PLAN adhoc|week …, calendar requests PLAN  (request.h)
 *   calendar request-edit PLAN CODE [--title T] [--due D] [--unit ID]…
 *   calendar request-cancel PLAN CODE --reason "…"
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app.h"
#include "app/auth/auth.h"
#include "app/plan/calendar.h"
#include "app/plan/request.h"
#include "base/lang.h"
#include "cli/cli.h"

static const char *jstr(const json_t *o, const char *k)
{
    const char *s = json_string_value(json_object_get(o, k));
    return s ? s : "—";
}

/* Deadlines before their period's end: told on stderr, never silently kept. */
static void print_warnings(const json_t *j)
{
    size_t i;
    const json_t *w;
    json_array_foreach(json_object_get(j, "warnings"), i, w)
        fprintf(stderr, "dti: %s: %s\n", TR("cảnh báo", "warning"), jstr(w, "message"));
}

/* `calendar request PLAN adhoc|week [--title T] --from D --to D [--due D]
 * [--days N] [--unit ID]…` and `calendar requests PLAN` (request.h). */
static int cmd_request(cli_ctx *ctx, int argc, char **argv)
{
    static const char *uvi = "calendar request KH adhoc|week [--title TÊN] --from NGÀY --to NGÀY [--due NGÀY] "
                             "[--days N] [--unit SỐ]… | calendar requests KH";
    static const char *uen = "calendar request PLAN adhoc|week [--title TITLE] --from DATE --to DATE [--due DATE] "
                             "[--days N] [--unit ID]… | calendar requests PLAN";
    int64_t plan_id = 0;
    int list = strcmp(argv[1], "requests") == 0;
    if ((list && argc != 3) || (!list && argc < 4) || cli_parse_id(argv[2], &plan_id))
        return cli_usage(uvi, uen);
    plans_request_in in;
    int64_t orgs[PLANS_REQUEST_ORGS_MAX];
    memset(&in, 0, sizeof in);
    in.orgs = orgs;
    if (!list) {
        in.kind = argv[3];
        for (int i = 4; i < argc; i += 2) {
            const char *v = i + 1 < argc ? argv[i + 1] : NULL;
            if (!v)
                return cli_usage(uvi, uen);
            if (!strcmp(argv[i], "--title"))
                in.title = v;
            else if (!strcmp(argv[i], "--from"))
                in.from = v;
            else if (!strcmp(argv[i], "--to"))
                in.to = v;
            else if (!strcmp(argv[i], "--due"))
                in.due = v;
            else if (!strcmp(argv[i], "--days")) {
                char *end = NULL;
                long d = strtol(v, &end, 10);
                in.days = !end || *end || d < -1 || d > 1000 ? -1 : (int)d;
            } else if (!strcmp(argv[i], "--unit") && in.norgs < PLANS_REQUEST_ORGS_MAX) {
                if (cli_parse_id(v, &orgs[in.norgs++]))
                    return cli_usage(uvi, uen);
            } else
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
    json_t *j = NULL;
    size_t i;
    const json_t *x;
    if (list) {
        if (plans_request_list(&a, plan_id, &j, &e)) {
            status = cli_error(&e);
        } else if (ctx->json) {
            char *t = json_dumps(j, JSON_INDENT(2));
            if (t)
                printf("%s\n", t);
            free(t);
        } else {
            json_array_foreach(j, i, x) {
                printf("%s\t%s\t%s–%s\t%s %s\t", jstr(x, "code"), jstr(x, "name"), jstr(x, "start"),
                       jstr(x, "end"), TR("hạn", "due"), jstr(x, "unit_due"));
                size_t k;
                const json_t *o;
                json_array_foreach(json_object_get(x, "orgs"), k, o)
                    printf("%s%s", k ? ", " : "", jstr(o, "name"));
                char when[CLI_TIME_LEN];
                if (json_is_true(json_object_get(x, "cancelled")))
                    printf("\t%s (%s, %s): %s", TR("ĐÃ HỦY", "CANCELLED"), jstr(x, "cancelled_by"),
                           cli_time_vn(json_string_value(json_object_get(x, "cancelled_at")), when),
                           jstr(x, "cancel_reason"));
                printf("\n");
            }
        }
    } else if (plans_request_open(&a, plan_id, &in, &j, &e)) {
        status = cli_error(&e);
    } else {
        printf("%s %lld:", TR("Đã mở yêu cầu báo cáo cho kế hoạch", "Opened a report request on plan"),
               (long long)plan_id);
        json_array_foreach(json_object_get(j, "codes"), i, x)
            printf(" %s", json_string_value(x));
        printf(" (%zu %s)\n", json_array_size(json_object_get(j, "orgs")), TR("đơn vị", "units"));
    }
    json_decref(j);
    app_close(&a);
    return status;
}

/* `calendar request-edit PLAN CODE [--title T] [--due D] [--unit ID]…` and
 * `calendar request-cancel PLAN CODE --reason R` (request.h). */
static int cmd_request_change(cli_ctx *ctx, int argc, char **argv)
{
    static const char *uvi = "calendar request-edit KH MÃ [--title TÊN] [--due NGÀY] [--unit SỐ]… | "
                             "calendar request-cancel KH MÃ --reason \"LÝ DO\"";
    static const char *uen = "calendar request-edit PLAN CODE [--title TITLE] [--due DATE] [--unit ID]… | "
                             "calendar request-cancel PLAN CODE --reason \"REASON\"";
    int64_t plan_id = 0;
    int cancel = strcmp(argv[1], "request-cancel") == 0;
    if (argc < 4 || cli_parse_id(argv[2], &plan_id))
        return cli_usage(uvi, uen);
    const char *code = argv[3], *reason = NULL;
    plans_request_edit_in in;
    int64_t orgs[PLANS_REQUEST_ORGS_MAX];
    memset(&in, 0, sizeof in);
    in.orgs = orgs;
    for (int i = 4; i < argc; i += 2) {
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!v)
            return cli_usage(uvi, uen);
        if (cancel && !strcmp(argv[i], "--reason"))
            reason = v;
        else if (!cancel && !strcmp(argv[i], "--title"))
            in.title = v;
        else if (!cancel && !strcmp(argv[i], "--due"))
            in.due = v;
        else if (!cancel && !strcmp(argv[i], "--unit") && in.norgs < PLANS_REQUEST_ORGS_MAX) {
            in.set_orgs = 1;
            if (cli_parse_id(v, &orgs[in.norgs++]))
                return cli_usage(uvi, uen);
        } else
            return cli_usage(uvi, uen);
    }
    app a;
    auth_user u;
    int status = cli_open_as(ctx, &a, &u);
    if (status)
        return status;
    dti_err e;
    dti_err_clear(&e);
    json_t *j = NULL;
    if (cancel ? plans_request_cancel(&a, plan_id, code, reason, &j, &e)
               : plans_request_edit(&a, plan_id, code, &in, &j, &e)) {
        status = cli_error(&e);
    } else if (ctx->json) {
        cli_print_json(j);
    } else if (cancel) {
        printf("%s %s (%s): %s\n", TR("Đã hủy yêu cầu", "Cancelled request"), code, jstr(j, "name"),
               jstr(j, "cancel_reason"));
        long long kept = (long long)json_integer_value(json_object_get(j, "reports"));
        if (kept)
            printf("%s: %lld\n", TR("Báo cáo đã lưu được giữ lại", "Reports already saved, kept"), kept);
    } else {
        printf("%s %s: %s, %s %s, %zu %s\n", TR("Đã sửa yêu cầu", "Edited request"), code, jstr(j, "name"),
               TR("hạn", "due"), jstr(j, "unit_due"), json_array_size(json_object_get(j, "orgs")),
               TR("đơn vị", "units"));
    }
    json_decref(j);
    app_close(&a);
    return status;
}

int cmd_calendar(cli_ctx *ctx, int argc, char **argv)
{
    static const char *uvi = "calendar set KH QUY_TẮC… | calendar show KH | calendar request(s) KH … | "
                             "calendar request-edit|request-cancel KH MÃ …";
    static const char *uen = "calendar set PLAN RULE… | calendar show PLAN | calendar request(s) PLAN … | "
                             "calendar request-edit|request-cancel PLAN CODE …";
    if (argc >= 3 && (!strcmp(argv[1], "request") || !strcmp(argv[1], "requests")))
        return cmd_request(ctx, argc, argv);
    if (argc >= 2 && (!strcmp(argv[1], "request-edit") || !strcmp(argv[1], "request-cancel")))
        return cmd_request_change(ctx, argc, argv);
    int64_t plan_id = 0;
    int set = argc >= 4 && strcmp(argv[1], "set") == 0;
    int show = argc == 3 && strcmp(argv[1], "show") == 0;
    if ((!set && !show) || cli_parse_id(argv[2], &plan_id))
        return cli_usage(uvi, uen);
    app a;
    auth_user u;
    int status = cli_open_as(ctx, &a, &u);
    if (status)
        return status;
    dti_err e;
    dti_err_clear(&e);
    json_t *j = NULL;
    if (set) {
        size_t n = 0;
        if (plans_calendar_set(&a, plan_id, (const char *const *)(argv + 3), (size_t)(argc - 3), &n, &e)) {
            status = cli_error(&e);
        } else {
            printf("%s %lld: %zu %s\n", TR("Đã đặt lịch báo cáo cho kế hoạch", "Set the reporting calendar of plan"),
                   (long long)plan_id, n, TR("kỳ", "periods"));
            if (plans_calendar_get(&a, plan_id, 0, &j, &e) == DTI_OK)
                print_warnings(j);
        }
    } else if (plans_calendar_get(&a, plan_id, 0, &j, &e)) {
        status = cli_error(&e);
    } else {
        size_t i;
        const json_t *r;
        json_array_foreach(json_object_get(j, "rules"), i, r)
            printf("%s\n", json_string_value(r));
    }
    json_decref(j);
    app_close(&a);
    return status;
}

int cmd_periods(cli_ctx *ctx, int argc, char **argv)
{
    int64_t plan_id = 0;
    long year = 0;
    int json = ctx->json, npos = 0;
    const char *pos[2] = {NULL, NULL};
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else if (npos < 2)
            pos[npos++] = argv[i];
        else
            npos = 3;
    }
    if (npos < 1 || npos > 2 || cli_parse_id(pos[0], &plan_id))
        return cli_usage("periods KH [NĂM] [--json]", "periods PLAN [YEAR] [--json]");
    if (pos[1]) {
        char *end = NULL;
        year = strtol(pos[1], &end, 10);
        if (!end || *end || year < 1900 || year > 9999)
            return cli_usage("periods KH [NĂM] [--json]", "periods PLAN [YEAR] [--json]");
    }
    app a;
    auth_user u;
    int status = cli_open_as(ctx, &a, &u);
    if (status)
        return status;
    dti_err e;
    dti_err_clear(&e);
    json_t *j = NULL;
    if (plans_calendar_get(&a, plan_id, (int)year, &j, &e)) {
        status = cli_error(&e);
    } else if (json) {
        cli_print_json(j);
    } else {
        const json_t *per = json_object_get(j, "periods");
        const json_t *yrs = json_object_get(j, "years");
        int yf = (int)json_integer_value(json_object_get(yrs, "from"));
        int yt = (int)json_integer_value(json_object_get(yrs, "to"));
        if (!json_array_size(per)) {
            if (!json_array_size(json_object_get(j, "rules")))
                fprintf(stderr, "dti: %s\n", TR("kế hoạch chưa có lịch báo cáo: chưa có quy tắc nào "
                                                "(dti calendar set KH QUY_TẮC…)",
                                                "the plan has no reporting calendar: no rule is set "
                                                "(dti calendar set PLAN RULE…)"));
            else if (year && (year < yf || year > yt))
                fprintf(stderr, lang_get() == LANG_EN
                        ? "dti: the plan's calendar covers %d–%d; %ld is outside (a plan's years come from the "
                          "span in its title and its targets' years)\n"
                        : "dti: lịch báo cáo của kế hoạch có các năm %d–%d; năm %ld nằm ngoài (năm của kế "
                          "hoạch lấy từ giai đoạn ghi ở tên kế hoạch và năm của các chỉ tiêu)\n", yf, yt, year);
            else
                fprintf(stderr, "dti: %s\n", TR("lịch báo cáo không có kỳ nào trong năm này; đặt lại lịch để "
                                                "tạo các kỳ (dti calendar set)",
                                                "the calendar has no period in this year; set it again to "
                                                "make the periods (dti calendar set)"));
        }
        printf("%-8s %-8s %-10s %-10s %-12s %s\n", TR("kỳ", "period"), TR("loại", "kind"), TR("từ", "start"),
               TR("đến", "end"), TR("hạn đơn vị", "unit due"), TR("hạn xã", "commune due"));
        size_t i;
        const json_t *p;
        json_array_foreach(per, i, p)
            printf("%-8s %-8s %-10s %-10s %-12s %s\n", jstr(p, "code"), jstr(p, "kind"), jstr(p, "start"),
                   jstr(p, "end"), jstr(p, "unit_due"), jstr(p, "commune_due"));
        print_warnings(j);
    }
    json_decref(j);
    app_close(&a);
    return status;
}
