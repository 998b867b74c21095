/* cmd_country.c — `dti --as ADMIN rank --country PERIOD [--mean|--pooled]
 * [--json]`: every commune of the country ranked by its plan's index
 * (app/score/score_country.h), with each province's figure and the
 * country's. Reached from cmd_rank when --country is given. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app.h"
#include "app/auth/auth.h"
#include "app/score/score_country.h"
#include "base/lang.h"
#include "cli/cli.h"
#include "core/score.h"

int cmd_rank_country(cli_ctx *ctx, int argc, char **argv)
{
    int json = ctx->json, status = CLI_OK;
    score_province_mode mode = SCORE_PROVINCE_MEAN;
    const char *code = NULL;
    int bad = 0;
    dti_err e;
    app a;
    auth_user u;
    scoring_country c;
    json_t *j = NULL;
    dti_err_clear(&e);
    memset(&c, 0, sizeof c);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--country") == 0)
            continue;
        if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else if (strcmp(argv[i], "--mean") == 0)
            mode = SCORE_PROVINCE_MEAN;
        else if (strcmp(argv[i], "--pooled") == 0)
            mode = SCORE_PROVINCE_POOLED;
        else if (argv[i][0] != '-' && !code)
            code = argv[i];
        else
            bad = 1;
    }
    if (bad || !code)
        return cli_usage("rank --country KỲ [--mean|--pooled] [--json]", "rank --country PERIOD [--mean|--pooled] [--json]");
    if ((status = cli_open_as(ctx, &a, &u)) != CLI_OK)
        return status;
    a.account = &u;
    if (scoring_country_rank(&a, code, mode, &c, &e)) {
        status = cli_error(&e);
        goto out;
    }
    if (json) {
        if (scoring_country_json(&c, &j, &e)) {
            status = cli_error(&e);
            goto out;
        }
        cli_print_json(j);
        goto out;
    }
    char buf[SCORE_FMT_LEN];
    printf("%s %s: %zu %s, %zu %s\n", TR("Xếp hạng toàn quốc theo chỉ số, kỳ", "National ranking by index, period"),
           c.period, c.n, TR("xã", "communes"), c.nprovs, TR("tỉnh", "provinces"));
    for (size_t i = 0; i < c.n; i++) {
        const scoring_country_row *w = &c.rows[i];
        if (w->rank)
            printf("%5d  ", w->rank);
        else
            printf("%5s  ", "—");
        printf("%s (%s)  %s\n", w->name, w->province,
               w->sum.has_value ? score_format_index(w->sum.value, buf)
                                : (w->plan_id ? TR("chưa có số liệu", "no data") : TR("chưa có kế hoạch", "no plan")));
    }
    printf("%s: %s (%s)\n", TR("Chỉ số cả nước", "Country figure"),
           c.country.has_value ? score_format_index(c.country.value, buf) : TR("chưa có số liệu", "no data"),
           score_province_mode_label(mode));
out:
    json_decref(j);
    scoring_country_release(&c);
    app_close(&a);
    return status;
}
