/* cmd_score.c — `dti score PLAN PERIOD [--json]`: each indicator's value,
 * achievement, status and points, the group and plan index, the at-risk
 * list, completeness and the ranking of units (app/scoring.h says what
 * counts). --json prints every figure with its inputs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app.h"
#include "app/auth.h"
#include "app/scoring.h"
#include "base/lang.h"
#include "cli/cli.h"
#include "core/score.h"

static const char *jstr(const json_t *o, const char *k)
{
    const char *s = json_string_value(json_object_get(o, k));
    return s ? s : "";
}

static const char *fig(const json_t *v, int decimals, char out[SCORE_FMT_LEN])
{
    if (!json_is_number(v))
        return "—";
    return score_format(json_number_value(v), decimals, lang_get() == LANG_EN ? '.' : ',', out);
}

static void print_score(const json_t *j)
{
    char a[SCORE_FMT_LEN], b[SCORE_FMT_LEN], c[SCORE_FMT_LEN];
    printf("%s %lld · %s %s (%s %s)\n", TR("Kế hoạch", "Plan"), (long long)json_integer_value(json_object_get(j, "plan_id")),
           TR("kỳ", "period"), jstr(j, "period"), TR("tính đến", "as of"), jstr(j, "judged_on"));
    printf("%-6s %-10s %-10s %-8s %-7s %s\n", TR("mã", "code"), TR("mục tiêu", "target"), TR("giá trị", "value"),
           TR("mức đạt", "achiev."), TR("điểm", "points"), TR("trạng thái", "status"));
    size_t i;
    const json_t *x;
    json_array_foreach(json_object_get(j, "indicators"), i, x) {
        const json_t *t = json_object_get(x, "target");
        char tg[48];
        if (json_is_object(t) && json_is_number(json_object_get(t, "value")))
            snprintf(tg, sizeof tg, "%s%s%s", jstr(t, "op"), fig(json_object_get(t, "value"), 2, a), jstr(t, "unit"));
        else
            snprintf(tg, sizeof tg, "%s", json_is_object(t) ? TR("(định tính)", "(text)") : "—");
        const json_t *v = json_object_get(x, "value");
        printf("%-6s %-10.10s %-10s %-8s %-7s %s\n", jstr(x, "code"), tg,
               json_is_boolean(v) ? (json_is_true(v) ? TR("có", "yes") : TR("không", "no")) : fig(v, 2, b),
               fig(json_object_get(x, "achievement"), 4, c), fig(json_object_get(x, "points"), 4, a),
               jstr(x, "status_label"));
    }
    printf("%s\n", TR("Nhóm:", "Groups:"));
    json_array_foreach(json_object_get(j, "groups"), i, x)
        printf("  %-4s %-40.40s %s/%s = %s (%s %lld)\n", jstr(x, "code"), jstr(x, "name"),
               fig(json_object_get(x, "points"), 4, a), fig(json_object_get(x, "max"), 0, b),
               json_is_number(json_object_get(x, "value")) ? jstr(x, "value_text") : "—",
               TR("chưa có số liệu:", "no data:"), (long long)json_integer_value(json_object_get(x, "nodata")));
    const json_t *p = json_object_get(j, "plan");
    printf("%s: %s (%s/%s; %s %lld)\n", TR("Chỉ số của kế hoạch", "Plan index"),
           json_is_number(json_object_get(p, "value")) ? jstr(p, "value_text") : "—",
           fig(json_object_get(p, "points"), 4, a), fig(json_object_get(p, "max"), 0, b),
           TR("chưa có số liệu:", "no data:"), (long long)json_integer_value(json_object_get(p, "nodata")));
    printf("%s:", TR("Nguy cơ không đạt", "At risk"));
    json_array_foreach(json_object_get(j, "at_risk"), i, x)
        printf(" %s", json_string_value(x));
    printf("\n%s:", TR("Chưa đạt (đã quá hạn)", "Not met (past due)"));
    json_array_foreach(json_object_get(j, "not_met"), i, x)
        printf(" %s", json_string_value(x));
    const json_t *cp = json_object_get(j, "completeness");
    printf("\n%s: %lld/%lld %s, %lld %s\n", TR("Báo cáo kỳ này", "Reports this period"),
           (long long)json_integer_value(json_object_get(cp, "received")),
           (long long)json_integer_value(json_object_get(cp, "expected")), TR("đã nộp", "received"),
           (long long)json_integer_value(json_object_get(cp, "on_time")), TR("đúng hạn", "on time"));
    printf("%s\n", TR("Xếp hạng đơn vị (tỷ lệ đúng hạn, rồi mức đạt):", "Units ranked (on-time rate, then achievement):"));
    json_array_foreach(json_object_get(j, "ranking"), i, x)
        printf("  %2lld. %-40s %s %s · %s %s\n", (long long)json_integer_value(json_object_get(x, "rank")),
               jstr(x, "org"), TR("đúng hạn", "on time"), fig(json_object_get(x, "on_time_rate"), 4, a),
               TR("mức đạt", "achievement"), fig(json_object_get(x, "achievement"), 4, b));
}

int cmd_score(cli_ctx *ctx, int argc, char **argv)
{
    int json = ctx->json, npos = 0;
    const char *pos[2] = {NULL, NULL};
    const char *agg_code = NULL, *agg = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else if (i + 2 < argc && strcmp(argv[i], "--aggregation") == 0)
            agg_code = argv[++i], agg = argv[++i];
        else if (npos < 2 && argv[i][0] != '-')
            pos[npos++] = argv[i];
        else
            npos = 3;
    }
    int64_t plan_id = 0;
    if (!(npos == 2 || (npos == 1 && agg)) || cli_parse_id(pos[0], &plan_id))
        return cli_usage("score KH KỲ [--json] | score KH --aggregation MÃ last|sum",
                         "score PLAN PERIOD [--json] | score PLAN --aggregation CODE last|sum");
    app a;
    auth_user u;
    int status = cli_open_as(ctx, &a, &u);
    if (status)
        return status;
    dti_err e;
    dti_err_clear(&e);
    json_t *j = NULL;
    if (agg) {
        if (scoring_set_aggregation(a.st, &u, plan_id, agg_code, agg, app_now(), &e))
            status = cli_error(&e);
        else
            printf("%s %s: %s\n", TR("Cách cộng dồn của chỉ tiêu", "Aggregation of indicator"), agg_code, agg);
    } else if (scoring_plan(a.st, &u, plan_id, pos[1], app_now(), &j, &e)) {
        status = cli_error(&e);
    } else if (json) {
        cli_print_json(j);
    } else {
        print_score(j);
    }
    json_decref(j);
    app_close(&a);
    return status;
}
