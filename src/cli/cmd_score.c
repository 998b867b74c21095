/* cmd_score.c — scoring on the command line.
 * One computation (app/score.h) behind two views: `score PLAN PERIOD`
 * prints the dashboard's view (app/scoring.h: indicators, groups, index,
 * completeness and the unit ranking; `--aggregation` sets last/sum) unless
 * the plan has a point table loaded (or --table is given): then the table
 * view (criteria with self-assessed and reviewed points, scoring_result_json).
 * Both show the same index.
 * Commands (app/score.h):
 *   dti [--as U] score PLAN PERIOD [--json]           the plan's figures
 *   dti --as U score self PLAN PERIOD CODE POINTS [--note TEXT]
 *   dti --as U score review PLAN PERIOD CODE POINTS --reason TEXT
 *   dti [--as U] rank PLAN PERIOD [--units|--communes] [--by ontime|achievement]
 *                     [--mean|--pooled] [--json]
 *   dti --as U index load PLAN FILE                   load a point table
 * (score, rank and index share the acting-user and number helpers, so
 * they live in one file.) The table is Vietnamese by default: groups, indicators with their status
 * words, the index with 4 decimals and a decimal comma ("0,7071"). */
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app.h"
#include "app/auth/auth.h"
#include "app/score/score.h"
#include "app/score/scoring.h"
#include "base/file.h"
#include "base/lang.h"
#include "base/num.h"
#include "cli/cli.h"
#include "core/period.h"
#include "core/score.h"

/* The command's app context: --as NAME (its account, read once and handed
 * to app/ in the context, U its storage), else user 0, which app/ accepts
 * as the system only while the store has no users (app_actor). CLI_OK, or
 * the exit status after printing the error. */
static int open_app(cli_ctx *ctx, app *a, auth_user *u)
{
    dti_err e;
    dti_err_clear(&e);
    if (ctx->as_user) {
        int status = cli_open_as(ctx, a, u);
        if (status == CLI_OK)
            a->account = u;
        return status;
    }
    if (app_open(a, ctx->db, 0, &e))
        return cli_error(&e);
    return CLI_OK;
}

static int parse_id(const char *s, int64_t *out)
{
    char *end = NULL;
    errno = 0;
    long long v = s ? strtoll(s, &end, 10) : 0;
    if (!s || end == s || *end || errno || v <= 0)
        return -1;
    *out = v;
    return 0;
}

/* Points as people write them (base/num.h: "2,5", "1.000"), >= 0. */
static int parse_points(const char *s, double *out)
{
    num_read r;
    if (num_parse(s, &r, NULL) != DTI_OK || !r.has || num_check(&r, NUM_MEASURE, NULL) != DTI_OK)
        return -1;
    *out = r.value;
    return 0;
}

static int print_json(json_t *j)
{
    char *s = j ? json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10)) : NULL;
    if (!s) {
        fprintf(stderr, "dti: %s\n", TR("hết bộ nhớ", "out of memory"));
        return CLI_FAIL;
    }
    printf("%s\n", s);
    free(s);
    return CLI_OK;
}

/* S left-aligned in WIDTH characters (UTF-8), cut to WIDTH when longer. */
static void cell(const char *s, int width)
{
    int n = 0;
    const char *c = s ? s : "";
    const char *cut = NULL;
    for (; *c; c++) {
        if (((unsigned char)*c & 0xC0) != 0x80) {
            if (n == width - 1 && !cut)
                cut = c;
            n++;
        }
    }
    if (n > width && cut) {
        printf("%.*s…  ", (int)(cut - (s ? s : "")), s ? s : "");
        return;
    }
    printf("%s%*s  ", s ? s : "", n < width ? width - n : 0, "");
}

static const char *fmt2(int has, double v, char buf[SCORE_FMT_LEN])
{
    if (!has)
        return "—";
    return score_format(v, 2, lang_get() == LANG_EN ? '.' : ',', buf);
}

static void print_sum(const char *label, const score_sum *m)
{
    char a[SCORE_FMT_LEN], b[SCORE_FMT_LEN], c[SCORE_FMT_LEN];
    printf("%s: %s  (%s %s / %s; %zu %s, %zu %s)\n", label,
           m->has_value ? score_format_index(m->value, a) : TR("chưa có số liệu", "no data"),
           TR("điểm", "points"), fmt2(1, m->points, b), fmt2(1, m->max, c), m->counted,
           TR("mục được tính", "items counted"), m->nodata, TR("mục chưa có số liệu", "items without data"));
}

static void print_table(const scoring_result *sc)
{
    char a[SCORE_FMT_LEN], b[SCORE_FMT_LEN], c[SCORE_FMT_LEN], d1[PERIOD_DATE_LEN], d2[PERIOD_DATE_LEN];
    printf("%s %lld%s%s — %s %s (%s–%s)\n", TR("Kế hoạch", "Plan"), (long long)sc->plan_id,
           sc->org_name ? ", " : "", sc->org_name ? sc->org_name : "", TR("kỳ", "period"), sc->period,
           period_date_vn(sc->start, d1), period_date_vn(sc->end, d2));
    if (sc->has_table)
        printf("%s: %s\n", TR("Bộ chỉ số", "Point table"), sc->table_name ? sc->table_name : "");
    else
        printf("%s\n", TR("Chưa nạp bộ chỉ số: mọi chỉ tiêu có cùng trọng số (tối đa 1 điểm).",
                          "No point table loaded: every indicator weighs the same (maximum 1 point)."));
    for (size_t g = 0; g < sc->ngroups; g++) {
        const scoring_group *G = &sc->groups[g];
        printf("\n%s %s%s%s — ", TR("Nhóm", "Group"), G->code, G->name ? ". " : "", G->name ? G->name : "");
        printf("%s %s\n", TR("chỉ số", "index"),
               G->sum.has_value ? score_format_index(G->sum.value, a) : TR("chưa có số liệu", "no data"));
        if (!sc->has_table) {
            for (size_t i = 0; i < sc->ninds; i++) {
                const scoring_ind *d = &sc->inds[i];
                if (strcmp(d->group ? d->group : "", G->code) != 0)
                    continue;
                printf("  ");
                cell(d->code, 6);
                cell(d->name, 44);
                cell(d->has_target ? (d->target_text ? d->target_text : "") : TR("(không có chỉ tiêu năm)", "(no target this year)"), 20);
                printf("%8s  %8s  ", fmt2(d->has_value, d->value, b),
                       fmt2(d->trend.latest.has_data, d->trend.latest.achievement, c));
                printf("%s\n", d->has_target ? score_status_label(d->trend.status) : "—");
            }
        } else {
            for (size_t i = 0; i < sc->ncrits; i++) {
                const scoring_crit *k = &sc->crits[i];
                if (strcmp(k->group, G->code) != 0)
                    continue;
                printf("  ");
                cell(k->code, 6);
                cell(k->name, 44);
                printf("%8s / %-6s ", fmt2(k->has_points, k->points, a), fmt2(1, k->max, b));
                if (k->has_review)
                    printf("%s %s, %s: %s", TR("tự chấm", "self"), fmt2(k->has_self, k->self, c),
                           TR("thẩm định", "reviewed"), k->reason ? k->reason : "");
                else if (!k->has_self)
                    printf("%s", TR("chưa có số liệu", "no data"));
                printf("\n");
            }
        }
    }
    printf("\n");
    print_sum(TR("Chỉ số của kế hoạch", "Plan index"), &sc->total);
    if (sc->has_table)
        print_sum(TR("Theo điểm tự chấm", "Self-assessed"), &sc->total_self);
    printf("%s: %zu %s, %zu %s, %zu %s, %zu %s, %zu %s\n", TR("Trạng thái", "Statuses"), sc->nmet,
           score_status_label(SCORE_MET), sc->non_track, score_status_label(SCORE_ON_TRACK), sc->nat_risk,
           score_status_label(SCORE_AT_RISK), sc->nnot_met, score_status_label(SCORE_NOT_MET), sc->nno_data,
           score_status_label(SCORE_NO_DATA));
    if (sc->nat_risk) {
        printf("%s:", TR("Chỉ tiêu có nguy cơ không đạt", "Indicators at risk"));
        for (size_t i = 0; i < sc->ninds; i++)
            if (sc->inds[i].has_target && sc->inds[i].trend.status == SCORE_AT_RISK)
                printf(" %s", sc->inds[i].code);
        printf("\n");
    }
}

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

static void print_score_plain(const json_t *j)
{
    char a[SCORE_FMT_LEN], b[SCORE_FMT_LEN], c[SCORE_FMT_LEN];
    printf("%s %lld · %s %s (%s %s)\n", TR("Kế hoạch", "Plan"), (long long)json_integer_value(json_object_get(j, "plan_id")),
           TR("kỳ", "period"), jstr(j, "period"), TR("tính đến", "as of"), jstr(j, "judged_on"));
    printf("%-6s %-14s %-10s %-8s %-7s %s\n", TR("mã", "code"), TR("mục tiêu", "target"), TR("giá trị", "value"),
           TR("mức đạt", "achiev."), TR("điểm", "points"), TR("trạng thái", "status"));
    size_t i;
    const json_t *x;
    json_array_foreach(json_object_get(j, "indicators"), i, x) {
        const json_t *t = json_object_get(x, "target");
        char tg[48];
        if (json_is_object(t) && json_is_number(json_object_get(t, "value")))
            snprintf(tg, sizeof tg, "%s%s%s", jstr(t, "op"), fig(json_object_get(t, "value"), 2, a),
                     strcmp(jstr(t, "unit"), "%") == 0 ? "%" : "");
        else
            snprintf(tg, sizeof tg, "%s", json_is_object(t) ? TR("(định tính)", "(text)") : "—");
        const json_t *v = json_object_get(x, "value");
        printf("%-6s %-14s %-10s %-8s %-7s %s\n", jstr(x, "code"), tg,
               json_is_boolean(v) ? (json_is_true(v) ? TR("có", "yes") : TR("không", "no")) : fig(v, 2, b),
               fig(json_object_get(x, "achievement"), 4, c), fig(json_object_get(x, "points"), 4, a),
               jstr(x, "status_label"));
    }
    printf("%s\n", TR("Nhóm:", "Groups:"));
    json_array_foreach(json_object_get(j, "groups"), i, x)
        printf("  %-4s %s: %s/%s = %s (%s %lld)\n", jstr(x, "code"), jstr(x, "name"),
               fig(json_object_get(x, "points"), 4, a), fig(json_object_get(x, "max"), 0, b),
               json_is_number(json_object_get(x, "index")) ? jstr(x, "index_text") : "—",
               TR("chưa có số liệu:", "no data:"), (long long)json_integer_value(json_object_get(x, "nodata")));
    const json_t *p = json_object_get(j, "total");
    printf("%s: %s (%s/%s; %s %lld)\n", TR("Chỉ số của kế hoạch", "Plan index"),
           json_is_number(json_object_get(p, "index")) ? jstr(p, "index_text") : "—",
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

static int score_plain(cli_ctx *ctx, int argc, char **argv)
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
    int status = open_app(ctx, &a, &u);
    if (status)
        return status;
    dti_err e;
    dti_err_clear(&e);
    json_t *j = NULL;
    if (agg) {
        if (scoring_set_aggregation(&a, plan_id, agg_code, agg, &e))
            status = cli_error(&e);
        else
            printf("%s %s: %s\n", TR("Cách cộng dồn của chỉ tiêu", "Aggregation of indicator"), agg_code, agg);
    } else if (scoring_dashboard(&a, plan_id, pos[1], &j, &e)) {
        status = cli_error(&e);
    } else if (json) {
        cli_print_json(j);
    } else {
        print_score_plain(j);
    }
    json_decref(j);
    app_close(&a);
    return status;
}

static int usage_score(void)
{
    return cli_usage("score KẾ_HOẠCH KỲ [--json] | score self|review KẾ_HOẠCH KỲ MÃ ĐIỂM [--note|--reason LÝ_DO]",
                     "score PLAN PERIOD [--json] | score self|review PLAN PERIOD CODE POINTS [--note|--reason TEXT]");
}

int cmd_score(cli_ctx *ctx, int argc, char **argv)
{
    int json = ctx->json, status = CLI_OK;
    const char *pos[4] = {NULL, NULL, NULL, NULL}, *text = NULL;
    int npos = 0, review = -1;
    int64_t plan_id = 0;
    dti_err e;
    app a;
    auth_user u;
    scoring_result sc;
    json_t *j = NULL;
    dti_err_clear(&e);
    memset(&sc, 0, sizeof sc);
    int i = 1, table = 0;
    if (argc > 1 && (strcmp(argv[1], "self") == 0 || strcmp(argv[1], "review") == 0)) {
        review = strcmp(argv[1], "review") == 0;
        i = 2;
    }
    for (int k = 1; k < argc; k++)
        if (strcmp(argv[k], "--aggregation") == 0)
            return score_plain(ctx, argc, argv);
    for (; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else if (strcmp(argv[i], "--table") == 0 && review < 0)
            table = 1;
        else if ((strcmp(argv[i], "--reason") == 0 || strcmp(argv[i], "--note") == 0) && i + 1 < argc && review >= 0)
            text = argv[++i];
        else if (argv[i][0] != '-' && npos < 4)
            pos[npos++] = argv[i];
        else
            return usage_score();
    }
    if ((review < 0 && npos != 2) || (review >= 0 && npos != 4) || parse_id(pos[0], &plan_id))
        return usage_score();
    double points = 0;
    if (review >= 0 && parse_points(pos[3], &points))
        return usage_score();
    if ((status = open_app(ctx, &a, &u)))
        return status;
    if (review >= 0) {
        dti_rc rc = review ? scoring_review(&a, plan_id, pos[1], pos[2], points, text, &e)
                           : scoring_self(&a, plan_id, pos[1], pos[2], points, text, &e);
        if (rc) {
            status = cli_error(&e);
            goto out;
        }
        printf("%s %s: %s\n", review ? TR("Đã thẩm định điểm tiêu chí", "Reviewed criterion")
                                     : TR("Đã ghi điểm tự chấm tiêu chí", "Self-assessed criterion"),
               pos[2], pos[3]);
        goto out;
    }
    if (!table) {
        /* the app says which form the plan has: the dashboard's, or the table's */
        int has = 0;
        if (scoring_has_table(&a, plan_id, &has, &e)) {
            status = cli_error(&e);
            goto out;
        }
        if (!has) {
            app_close(&a);
            return score_plain(ctx, argc, argv);
        }
    }
    if (scoring_compute(&a, plan_id, pos[1], &sc, &e)) {
        status = cli_error(&e);
        goto out;
    }
    if (json) {
        if (scoring_result_json(&sc, &j, &e)) {
            status = cli_error(&e);
            goto out;
        }
        status = print_json(j);
        goto out;
    }
    print_table(&sc);
out:
    json_decref(j);
    scoring_release(&sc);
    app_close(&a);
    return status;
}

int cmd_rank(cli_ctx *ctx, int argc, char **argv)
{
    int json = ctx->json, status = CLI_OK, communes = 0, by_ach = 0;
    score_province_mode mode = SCORE_PROVINCE_MEAN;
    const char *pos[2] = {NULL, NULL};
    int npos = 0;
    int64_t plan_id = 0;
    dti_err e;
    app a;
    auth_user u;
    scoring_ranking r;
    json_t *j = NULL;
    dti_err_clear(&e);
    memset(&r, 0, sizeof r);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else if (strcmp(argv[i], "--units") == 0)
            communes = 0;
        else if (strcmp(argv[i], "--communes") == 0)
            communes = 1;
        else if (strcmp(argv[i], "--mean") == 0)
            mode = SCORE_PROVINCE_MEAN;
        else if (strcmp(argv[i], "--pooled") == 0)
            mode = SCORE_PROVINCE_POOLED;
        else if (strcmp(argv[i], "--by") == 0 && i + 1 < argc &&
                 (strcmp(argv[i + 1], "ontime") == 0 || strcmp(argv[i + 1], "achievement") == 0))
            by_ach = strcmp(argv[++i], "achievement") == 0;
        else if (argv[i][0] != '-' && npos < 2)
            pos[npos++] = argv[i];
        else
            npos = 99;
    }
    if (npos != 2 || parse_id(pos[0], &plan_id))
        return cli_usage("rank KẾ_HOẠCH KỲ [--units|--communes] [--by ontime|achievement] [--mean|--pooled] [--json]",
                         "rank PLAN PERIOD [--units|--communes] [--by ontime|achievement] [--mean|--pooled] [--json]");
    if ((status = open_app(ctx, &a, &u)))
        return status;
    if (scoring_rank(&a, plan_id, pos[1],
                     communes ? SCORING_RANK_COMMUNES : by_ach ? SCORING_RANK_UNITS_ACHIEVEMENT : SCORING_RANK_UNITS_ONTIME,
                     mode, &r, &e)) {
        status = cli_error(&e);
        goto out;
    }
    if (json) {
        if (scoring_ranking_json(&r, &j, &e)) {
            status = cli_error(&e);
            goto out;
        }
        status = print_json(j);
        goto out;
    }
    char a1[SCORE_FMT_LEN], a2[SCORE_FMT_LEN];
    if (communes) {
        printf("%s %s\n", TR("Xếp hạng các xã theo chỉ số, kỳ", "Communes ranked by index, period"), r.period);
        for (size_t i = 0; i < r.n; i++) {
            const scoring_rank_row *w = &r.rows[i];
            if (w->rank)
                printf("%4d  ", w->rank);
            else
                printf("%4s  ", "—");
            cell(w->name, 32);
            printf("%s\n", w->has_key ? score_format_index(w->key, a1)
                                      : (w->plan_id ? TR("chưa có số liệu", "no data") : TR("chưa có kế hoạch", "no plan")));
        }
        printf("%s: %s (%s)\n", TR("Chỉ số của tỉnh", "Province figure"),
               r.province.has_value ? score_format_index(r.province.value, a1) : TR("chưa có số liệu", "no data"),
               score_province_mode_label(mode));
        goto out;
    }
    printf("%s %s\n", by_ach ? TR("Xếp hạng đơn vị theo mức đạt chỉ tiêu chủ trì, kỳ", "Units ranked by achievement of what they lead, period")
                             : TR("Xếp hạng đơn vị theo tỷ lệ báo cáo đúng hạn, kỳ", "Units ranked by on-time rate, period"),
           r.period);
    printf("%4s  ", "#");
    cell(TR("Đơn vị", "Unit"), 36);
    printf("%10s  %10s  %s\n", TR("Đúng hạn", "On time"), TR("Mức đạt", "Achiev."), TR("Báo cáo", "Reports"));
    for (size_t i = 0; i < r.n; i++) {
        const scoring_rank_row *w = &r.rows[i];
        int has_on = by_ach ? w->has_key2 : w->has_key, has_ach = by_ach ? w->has_key : w->has_key2;
        double on = by_ach ? w->key2 : w->key, ach = by_ach ? w->key : w->key2;
        if (w->rank)
            printf("%4d  ", w->rank);
        else
            printf("%4s  ", "—");
        cell(w->name, 36);
        printf("%10s  %10s  %zu/%zu\n", fmt2(has_on, on * 100, a1), has_ach ? score_format_index(ach, a2) : "—",
               w->on_time, w->expected);
    }
out:
    json_decref(j);
    scoring_ranking_release(&r);
    app_close(&a);
    return status;
}

int cmd_index(cli_ctx *ctx, int argc, char **argv)
{
    int64_t plan_id = 0;
    dti_err e;
    app a;
    auth_user u;
    char *data = NULL;
    size_t n = 0;
    int status = CLI_OK;
    scoring_index_result res;
    dti_err_clear(&e);
    if (argc != 4 || strcmp(argv[1], "load") != 0 || parse_id(argv[2], &plan_id))
        return cli_usage("index load KẾ_HOẠCH TỆP (CSV hoặc JSON, xem docs/index-table.md)",
                         "index load PLAN FILE (CSV or JSON, see docs/index-table.md)");
    if (file_read(argv[3], SCORING_INDEX_MAX_BYTES, &data, &n, &e))
        return cli_error(&e);
    if ((status = open_app(ctx, &a, &u))) {
        free(data);
        return status;
    }
    if (scoring_index_load(&a, plan_id, argv[3], data, n, &res, &e)) {
        status = cli_error(&e);
        goto out;
    }
    if (lang_get() == LANG_EN)
        printf("Loaded point table %lld for plan %lld: %zu criteria in %zu groups, maximum %g points%s\n",
               (long long)res.table_id, (long long)plan_id, res.ncriteria, res.ngroups, res.max_total,
               res.replaced ? " (replacing the previous one)" : "");
    else
        printf("Đã nạp bộ chỉ số số %lld cho kế hoạch %lld: %zu tiêu chí trong %zu nhóm, tổng điểm tối đa %g%s\n",
               (long long)res.table_id, (long long)plan_id, res.ncriteria, res.ngroups, res.max_total,
               res.replaced ? " (thay bộ trước)" : "");
out:
    free(data);
    app_close(&a);
    return status;
}
