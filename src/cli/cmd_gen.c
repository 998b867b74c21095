/* cmd_gen.c — the generators (app/gen/gen.h), one command:
 *   `dti --db DB gen province --communes N [--seed S] [--period YYYY-MM]`:
 *   one province of the sample plan's communes for tests and trials (also
 *   `dti province gen ...`, the same code: cmd_province passes it here);
 *   `dti --db DB gen country [--provinces N] [--communes N] [--seed S]
 *   [--year Y] [--months M] [--direct] [--json]`: a synthetic country in an
 *   empty database (app/gen/gen.h has what is made and why; on PostgreSQL
 *   made in a staging file and bulk-loaded, unless --direct: statement by
 *   statement, slow, for comparing the engines), for the national
 *   benchmarks (bench/national.sh) and for trying the province's screens at
 *   full size. Every user's password is DTI_PASSWORD when set, else
 *   GEN_PASSWORD. The country is a long operation: a line per province goes
 *   to stderr, and on PostgreSQL a line per table loaded (on a terminal also
 *   a count of communes, rewritten); the summary (or --json) to stdout, with
 *   the seconds it took. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "app/app.h"
#include "app/gen/gen.h"
#include "base/lang.h"
#include "cli/cli.h"

static struct timespec started;

static double since_start(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - started.tv_sec) + (double)(t.tv_nsec - started.tv_nsec) / 1e9;
}

/* On a terminal: the communes made, on one line rewritten. */
static void progress(void *ctx, unsigned done, unsigned total)
{
    (void)ctx;
    if (done % 25 == 0)
        fprintf(stderr, "\r%s %u/%u", TR("đã tạo xã", "communes made"), done, total);
}

/* Always (a long operation says what it does): one line per province. */
static void province_done(void *ctx, unsigned p, unsigned np, unsigned done, unsigned total)
{
    fprintf(stderr, "%s%s %u/%u: %u/%u %s, %.1f s\n", ctx ? "\r" : "", TR("xong tỉnh", "province done"), p, np,
            done, total, TR("xã", "communes"), since_start());
}

static void load_progress(void *ctx, const char *table, int64_t rows, size_t done, size_t total)
{
    (void)ctx;
    if (!done)
        fprintf(stderr, "%s (%.1f s)\n", TR("đang nạp vào PostgreSQL, một giao dịch (COPY từng bảng)",
                                             "loading into PostgreSQL, one transaction (COPY per table)"),
                since_start());
    else if (rows || done == total)
        fprintf(stderr, "%s %zu/%zu %s: %lld %s, %.1f s\n", TR("bảng", "table"), done, total, table, (long long)rows,
                TR("dòng", "rows"), since_start());
}

/* A whole number in LO..HI from S into *OUT; 0, or -1. */
static int num(const char *s, unsigned long long lo, unsigned long long hi, unsigned long long *out)
{
    char *end;
    if (!s || !*s || *s == '-')
        return -1;
    unsigned long long v = strtoull(s, &end, 10);
    if (*end || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}


int cmd_gen_province(cli_ctx *ctx, int argc, char **argv)
{
    static const char *usage_vi = "gen province --communes N [--seed S] [--period YYYY-MM]";
    static const char *usage_en = "gen province --communes N [--seed S] [--period YYYY-MM]";
    app a;
    dti_err e;
    json_t *out = NULL;
    int status;
    dti_err_clear(&e);
    memset(&a, 0, sizeof a);
    gen_province_opts o = {0, 2026, NULL};
    unsigned long long v;
    int json = ctx->json;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--json"))
            json = 1;
        else if (!strcmp(argv[i], "--communes") && i + 1 < argc && !num(argv[i + 1], 1, GEN_PROVINCE_MAX, &v))
            o.communes = (size_t)v, i++;
        else if (!strcmp(argv[i], "--seed") && i + 1 < argc && !num(argv[i + 1], 1, 4294967295ULL, &v))
            o.seed = (unsigned)v, i++;
        else if (!strcmp(argv[i], "--period") && i + 1 < argc)
            o.period = argv[++i];
        else
            return cli_usage(usage_vi, usage_en);
    }
    if (!o.communes)
        return cli_usage(usage_vi, usage_en);
    if ((status = cli_open_opt_as(ctx, &a)))
        return status;
    gen_province_result r;
    if (gen_province(&a, &o, &r, &e)) {
        app_close(&a);
        return cli_error(&e);
    }
    app_close(&a);
    if (json) {
        out = json_pack("{s:I, s:I, s:I, s:I, s:I, s:s}", "province", (json_int_t)r.province, "communes",
                        (json_int_t)r.communes, "reports", (json_int_t)r.reports, "exports", (json_int_t)r.exports,
                        "renamed", (json_int_t)r.renamed, "period", r.period);
        cli_print_json(out);
        json_decref(out);
    } else {
        if (lang_get() == LANG_EN)
            printf("Province %lld: %zu communes, %zu approved reports, %zu communes made their report for %s, "
                   "%zu name indicator 1.1 otherwise\n",
                   (long long)r.province, r.communes, r.reports, r.exports, r.period, r.renamed);
        else
            printf("Tỉnh số %lld: %zu xã, %zu báo cáo đã duyệt, %zu xã đã lập báo cáo kỳ %s, %zu xã đặt tên khác "
                   "cho chỉ tiêu 1.1\n",
                   (long long)r.province, r.communes, r.reports, r.exports, r.period, r.renamed);
    }
    return CLI_OK;
}

int cmd_gen(cli_ctx *ctx, int argc, char **argv)
{
    static const char *usage_vi = "gen country [--provinces N] [--communes N] [--seed S] [--year NĂM] [--months M] [--direct] [--json]";
    static const char *usage_en = "gen country [--provinces N] [--communes N] [--seed S] [--year YEAR] [--months M] [--direct] [--json]";
    gen_opts o;
    int json = ctx->json;
    memset(&o, 0, sizeof o);
    o.provinces = 34;
    o.communes = 3321;
    o.seed = 1;
    o.months = 12;
    if (argc >= 2 && strcmp(argv[1], "province") == 0)
        return cmd_gen_province(ctx, argc - 1, argv + 1);
    if (argc < 2 || strcmp(argv[1], "country") != 0)
        return cli_usage(usage_vi, usage_en);
    for (int i = 2; i < argc; i++) {
        unsigned long long v = 0;
        const char *opt = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(opt, "--json") == 0) {
            json = 1;
            continue;
        }
        if (strcmp(opt, "--direct") == 0) {
            o.direct = 1;
            continue;
        }
        if (strcmp(opt, "--provinces") == 0 && num(val, 1, 99, &v) == 0)
            o.provinces = (unsigned)v;
        else if (strcmp(opt, "--communes") == 0 && num(val, 1, 20000, &v) == 0)
            o.communes = (unsigned)v;
        else if (strcmp(opt, "--seed") == 0 && num(val, 0, ~0ULL, &v) == 0)
            o.seed = v;
        else if (strcmp(opt, "--year") == 0 && num(val, 2000, 2100, &v) == 0)
            o.year = (int)v;
        else if (strcmp(opt, "--months") == 0 && num(val, 1, 12, &v) == 0)
            o.months = (int)v;
        else {
            fprintf(stderr, "dti: %s%s%s: %s\n", opt, val ? " " : "", val ? val : "",
                    TR("tùy chọn hoặc giá trị không hợp lệ", "bad option or value"));
            return cli_usage(usage_vi, usage_en);
        }
        i++;
    }
    if (o.communes < o.provinces) {
        fprintf(stderr, "dti: --communes %u: %s\n", o.communes,
                TR("số xã không được ít hơn số tỉnh", "there cannot be fewer communes than provinces"));
        return CLI_BAD_INPUT;
    }
    const char *pw = getenv("DTI_PASSWORD");
    o.password = pw && *pw ? pw : NULL;
    static int tty = 1;
    if (isatty(2)) {
        o.progress = progress;
        o.progress_ctx = &tty;
    }
    o.province_done = province_done;
    o.load_progress = load_progress;
    dti_err e;
    dti_err_clear(&e);
    app a;
    gen_result r;
    struct timespec t0, t1;
    if (app_open(&a, ctx->db, 0, &e))
        return cli_error(&e);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    started = t0;
    dti_rc rc = gen_country(&a, &o, &r, &e);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    app_close(&a);
    if (rc)
        return cli_error(&e);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    if (json) {
        json_t *j = json_pack("{s:i, s:i, s:I, s:I, s:i, s:i, s:{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I}, s:I, s:s, s:f}",
                              "provinces", (int)r.provinces, "communes", (int)r.communes,
                              "units", (json_int_t)r.units, "indicators", (json_int_t)r.indicators,
                              "year", r.year, "months", r.months,
                              "reports", "owed", (json_int_t)r.reports, "approved", (json_int_t)r.approved,
                              "submitted", (json_int_t)r.submitted, "returned", (json_int_t)r.returned,
                              "draft", (json_int_t)r.drafts, "missing", (json_int_t)r.missing,
                              "late", (json_int_t)r.late, "returns", (json_int_t)r.returns,
                              "first_plan_id", (json_int_t)r.first_plan_id,
                              "password", o.password ? "(DTI_PASSWORD)" : GEN_PASSWORD, "seconds", secs);
        cli_print_json(j);
        json_decref(j);
    } else {
        const char *pwd = o.password ? "DTI_PASSWORD" : GEN_PASSWORD;
        if (lang_get() == LANG_EN) {
            printf("Made %u provinces, %u communes, %zu units, %zu indicators; year %d, %d months of reports.\n",
                   r.provinces, r.communes, r.units, r.indicators, r.year, r.months);
            printf("Reports owed %zu: approved %zu, awaiting review %zu, returned %zu, draft %zu, missing %zu "
                   "(late %zu; returned once %zu).\n", r.reports, r.approved, r.submitted, r.returned, r.drafts, r.missing,
                   r.late, r.returns);
            printf("Logins: admin, sokhcn-NN (province coordinators), tinh-NN (viewers), NN = 01 … %02u; "
                   "password %s.\nTime: %.1f s.\n", r.provinces, pwd, secs);
        } else {
            printf("Đã tạo %u tỉnh, %u xã, %zu đơn vị, %zu chỉ tiêu; năm %d, %d tháng báo cáo.\n",
                   r.provinces, r.communes, r.units, r.indicators, r.year, r.months);
            printf("Báo cáo phải nộp %zu: đã duyệt %zu, chờ duyệt %zu, bị trả lại %zu, nháp %zu, không nộp %zu "
                   "(nộp muộn %zu; bị trả lại một lần %zu).\n", r.reports, r.approved, r.submitted, r.returned, r.drafts,
                   r.missing, r.late, r.returns);
            printf("Đăng nhập: admin, sokhcn-NN (điều phối tỉnh), tinh-NN (xem), NN = 01 … %02u; mật khẩu %s.\n"
                   "Thời gian: %.1f giây.\n", r.provinces, pwd, secs);
        }
    }
    return CLI_OK;
}
