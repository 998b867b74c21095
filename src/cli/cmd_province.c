/* cmd_province.c — `dti province`: the province's home from the command
 * line (app/province/province.h, docs/province.md):
 *
 *   province list                               the provinces the user may open
 *   province home PROVINCE PERIOD               its communes for the period (--json: everything)
 *   province indicators PROVINCE PERIOD         the indicators the communes' plans share
 *   province compare PROVINCE PERIOD CODE NAME  one indicator across the communes
 *   province table PROVINCE FILE [--year Y]     load one point table for every commune's plan
 *   province export PROVINCE PERIOD --xlsx FILE [--code C --name N]
 *                                               the home as a workbook (FILE "-": stdout)
 *   province gen --communes N [--seed S] [--period YYYY-MM]
 *                                               test data: N communes in one province
 *
 * The province's Word and Excel summary is `dti export province`. --as
 * names the acting user (app/ decides what it may do); without it, the
 * system only while no user exists (`province gen` on an empty store). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app.h"
#include "app/gen/gen.h"
#include "app/province/province.h"
#include "base/file.h"
#include "base/lang.h"
#include "cli/cli.h"

#define TABLE_FILE_MAX ((size_t)2 << 20)

static int usage(void)
{
    return cli_usage("province list | home TỈNH KỲ | indicators TỈNH KỲ | compare TỈNH KỲ MÃ TÊN | "
                     "table TỈNH TỆP [--year NĂM] | export TỈNH KỲ --xlsx TỆP [--code MÃ --name TÊN] | "
                     "gen --communes N [--seed S] [--period YYYY-MM]",
                     "province list | home PROVINCE PERIOD | indicators PROVINCE PERIOD | compare PROVINCE PERIOD "
                     "CODE NAME | table PROVINCE FILE [--year YEAR] | export PROVINCE PERIOD --xlsx FILE [--code CODE "
                     "--name NAME] | gen --communes N [--seed S] [--period YYYY-MM]");
}

static int num_arg(const char *s, long long min, long long max, long long *out)
{
    char *end = NULL;
    errno = 0;
    long long v = s ? strtoll(s, &end, 10) : 0;
    if (!s || errno || end == s || *end || v < min || v > max)
        return -1;
    *out = v;
    return 0;
}

/* The home as a table a person reads: rank, name, index, change, report, at risk. */
static void print_home(const json_t *j)
{
    const json_t *pi = json_object_get(j, "province_index");
    printf("%s — %s %s (%s %s)\n", json_string_value(json_object_get(json_object_get(j, "province"), "name")),
           TR("kỳ", "period"), json_string_value(json_object_get(j, "period")), TR("đánh giá ngày", "judged on"),
           json_string_value(json_object_get(j, "judged_on")));
    printf("%s: %s (%s)\n", TR("Chỉ số của tỉnh", "Province index"),
           json_is_string(json_object_get(pi, "index_text")) ? json_string_value(json_object_get(pi, "index_text")) : "—",
           json_string_value(json_object_get(pi, "mode_label")));
    printf("%-5s %-28s %-8s %-9s %-6s %-18s %s\n", TR("Hạng", "Rank"), TR("Xã", "Commune"), TR("Chỉ số", "Index"),
           TR("Thay đổi", "Change"), TR("Đủ", "Compl."), TR("Báo cáo của xã", "Own report"), TR("Nguy cơ", "At risk"));
    size_t i;
    const json_t *c;
    json_array_foreach(json_object_get(j, "communes"), i, c) {
        const json_t *rank = json_object_get(c, "rank"), *cp = json_object_get(c, "completeness");
        char rk[16] = "—", comp[24] = "—";
        if (json_is_integer(rank))
            snprintf(rk, sizeof rk, "%lld", (long long)json_integer_value(rank));
        if (json_integer_value(json_object_get(cp, "expected")))
            snprintf(comp, sizeof comp, "%lld/%lld", (long long)json_integer_value(json_object_get(cp, "reported")),
                     (long long)json_integer_value(json_object_get(cp, "expected")));
        const char *it = json_string_value(json_object_get(c, "index_text"));
        const char *ch = json_string_value(json_object_get(c, "change_text"));
        printf("%-5s %-28s %-8s %-9s %-6s %-18s %lld\n", rk, json_string_value(json_object_get(c, "name")),
               it ? it : "—", ch ? ch : "—", comp,
               json_string_value(json_object_get(json_object_get(c, "report"), "label")),
               (long long)json_integer_value(json_object_get(c, "at_risk")));
    }
    const json_t *s = json_object_get(j, "summary");
    printf("%s: %lld / %lld; %s: %lld\n", TR("Đã báo cáo", "Reported"),
           (long long)json_integer_value(json_object_get(s, "reported")),
           (long long)json_integer_value(json_object_get(s, "communes")), TR("trễ hoặc chưa gửi", "late or missing"),
           (long long)json_integer_value(json_object_get(s, "late")));
}

int cmd_province(cli_ctx *ctx, int argc, char **argv)
{
    if (argc < 2)
        return usage();
    const char *sub = argv[1];
    app a;
    dti_err e;
    json_t *out = NULL;
    int status;
    long long pid = 0;
    dti_err_clear(&e);
    memset(&a, 0, sizeof a);
    if (!strcmp(sub, "gen"))    /* an alias of `dti gen province` (cmd_gen.c) */
        return cmd_gen_province(ctx, argc - 1, argv + 1);
    if (!strcmp(sub, "list")) {
        if (argc != 2)
            return usage();
    } else {
        if (argc < 4 || num_arg(argv[2], 1, INT64_MAX, &pid)) {
            if (argc >= 4)
                fprintf(stderr, "dti: %s: %s\n", argv[2], TR("số tỉnh không hợp lệ", "not a valid province id"));
            return argc >= 4 ? CLI_BAD_INPUT : usage();
        }
    }
    if ((status = cli_open_opt_as(ctx, &a)))
        return status;
    dti_rc rc;
    if (!strcmp(sub, "list")) {
        rc = province_list(&a, &out, &e);
    } else if (!strcmp(sub, "home") && argc == 4) {
        rc = province_home(&a, pid, argv[3], &out, &e);
        if (!rc && !ctx->json) {
            print_home(out);
            json_decref(out);
            app_close(&a);
            return CLI_OK;
        }
    } else if (!strcmp(sub, "indicators") && argc == 4) {
        rc = province_indicators(&a, pid, argv[3], &out, &e);
    } else if (!strcmp(sub, "compare") && argc == 6) {
        rc = province_compare(&a, pid, argv[3], argv[4], argv[5], &out, &e);
    } else if (!strcmp(sub, "table") && (argc == 4 || argc == 6)) {
        long long year = 0;
        if (argc == 6 && (strcmp(argv[4], "--year") || num_arg(argv[5], 1900, 9999, &year))) {
            app_close(&a);
            return usage();
        }
        char *data = NULL;
        size_t len = 0;
        rc = file_read(argv[3], TABLE_FILE_MAX, &data, &len, &e);
        if (!rc)
            rc = province_table_load(&a, pid, (int)year, argv[3], data, len, &out, &e);
        free(data);
    } else if (!strcmp(sub, "export") && argc >= 6) {
        const char *file = NULL, *code = NULL, *name = NULL;
        for (int i = 4; i < argc; i++) {
            const char **to = !strcmp(argv[i], "--xlsx") ? &file : !strcmp(argv[i], "--code") ? &code
                              : !strcmp(argv[i], "--name") ? &name : NULL;
            if (!to || i + 1 >= argc) {
                app_close(&a);
                return usage();
            }
            *to = argv[++i];
        }
        if (!file) {
            app_close(&a);
            return usage();
        }
        void *data = NULL;
        size_t len = 0;
        rc = province_export(&a, pid, argv[3], code, name, &data, &len, NULL, &e);
        app_close(&a);
        if (!rc)
            rc = strcmp(file, "-") ? file_write_atomic(file, data, len, &e)
                                   : (fwrite(data, 1, len, stdout) == len ? DTI_OK : DTI_ERR_IO);
        free(data);
        if (rc)
            return e.msg[0] ? cli_error(&e) : CLI_FAIL;
        return CLI_OK;
    } else {
        app_close(&a);
        return usage();
    }
    app_close(&a);
    if (rc)
        return cli_error(&e);
    cli_print_json(out);
    json_decref(out);
    return CLI_OK;
}
