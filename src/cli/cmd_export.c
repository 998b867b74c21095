/* cmd_export.c — `dti export`: a stored plan as dti.plan/1, and the
 * official outputs of issue 10 (app/outputs.h, docs/outputs.md):
 *
 *   export plan ID [--json]                 the plan, byte for byte what
 *                                           `dti extract` printed for its
 *                                           document (plan_to_string)
 *   export report PLAN PERIOD --docx FILE | --xlsx FILE | --html FILE [document options]
 *                                           (--html: the print view, styled by /print.css)
 *   export data PLAN PERIOD --csv FILE | --json FILE
 *   export province PROVINCE PERIOD --docx FILE | --xlsx FILE
 *   export settings PLAN [setting options]  show, or change, the heading
 *                                           and signature of the plan's
 *                                           commune
 *
 * Document options (this document only) and setting options (stored):
 *   --place TEXT --body TEXT --parent TEXT --number-pattern TEXT
 *   --authority TEXT --deputy TEXT --title TEXT --signer NAME
 *   --recipients FILE (one a line)
 * and for a document only: --number N (its number; blank otherwise),
 * --focus FILE (next period's focus, one item a line, instead of the one
 * derived from the plan). FILE "-" is standard output. With --as the user
 * must be allowed (app/ decides); `export plan` without --as only while no
 * user exists. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app.h"
#include "app/plan/plans.h"
#include "app/auth/auth.h"
#include "app/outputs/outputs.h"
#include "base/file.h"
#include "base/lang.h"
#include "cli/cli.h"

#define OPTION_FILE_MAX ((size_t)256 << 10)

static int export_plan(cli_ctx *ctx, int argc, char **argv)
{
    const char *idtxt = NULL;
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            continue;
        if (!idtxt)
            idtxt = argv[i];
        else
            return cli_usage("export plan SỐ [--json]", "export plan ID [--json]");
    }
    if (!idtxt)
        return cli_usage("export plan SỐ [--json]", "export plan ID [--json]");
    char *end = NULL;
    errno = 0;
    long long id = strtoll(idtxt, &end, 10);
    if (errno || end == idtxt || *end || id <= 0) {
        fprintf(stderr, "dti: %s: %s\n", idtxt, TR("số kế hoạch không hợp lệ", "not a valid plan id"));
        return CLI_BAD_INPUT;
    }
    dti_err e;
    dti_err_clear(&e);
    app a;
    char *s = NULL;
    int status = CLI_OK;
    if ((status = cli_open_opt_as(ctx, &a)) != CLI_OK)
        return status;
    if (plans_export(&a, id, &s, &e))
        status = cli_error(&e);
    else
        fputs(s, stdout);
    free(s);
    app_close(&a);
    return status;
}

/* The options of a report, data or settings command. */
struct opts {
    const char *pos[2];
    int npos;
    const char *docx, *xlsx, *csv, *json, *html;
    const char *number, *focus_file, *recipients_file;
    outputs_settings set;
    int nset;
    char *focus, *recipients;   /* read from the files; owned */
};

static const char *USAGE_VI =
    "export report KH KỲ --docx TỆP | --xlsx TỆP | --html TỆP [--number SỐ] [--focus TỆP] [--signer TÊN] ...\n"
    "       export data KH KỲ --csv TỆP | --json TỆP\n"
    "       export province TỈNH KỲ --docx TỆP | --xlsx TỆP\n"
    "       export settings KH [--place ĐỊA-DANH] [--body TÊN-CƠ-QUAN] [--parent CƠ-QUAN-CHỦ-QUẢN]\n"
    "            [--number-pattern /BC-UBND] [--authority 'TM. ỦY BAN NHÂN DÂN'] [--deputy 'KT. CHỦ TỊCH']\n"
    "            [--title 'PHÓ CHỦ TỊCH'] [--signer TÊN] [--recipients TỆP]\n"
    "       export plan SỐ [--json]";
static const char *USAGE_EN =
    "export report PLAN PERIOD --docx FILE | --xlsx FILE | --html FILE [--number N] [--focus FILE] [--signer NAME] ...\n"
    "       export data PLAN PERIOD --csv FILE | --json FILE\n"
    "       export province PROVINCE PERIOD --docx FILE | --xlsx FILE\n"
    "       export settings PLAN [--place NAME] [--body NAME] [--parent NAME] [--number-pattern /BC-UBND]\n"
    "            [--authority TEXT] [--deputy TEXT] [--title TEXT] [--signer NAME] [--recipients FILE]\n"
    "       export plan ID [--json]";

static int parse(int argc, char **argv, struct opts *o)
{
    memset(o, 0, sizeof *o);
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        const char **slot = NULL;
        if (a[0] != '-' || strcmp(a, "-") == 0) {
            if (o->npos >= 2)
                return -1;
            o->pos[o->npos++] = a;
            continue;
        }
        if (i + 1 >= argc)
            return -1;
        if (strcmp(a, "--docx") == 0) slot = &o->docx;
        else if (strcmp(a, "--xlsx") == 0) slot = &o->xlsx;
        else if (strcmp(a, "--csv") == 0) slot = &o->csv;
        else if (strcmp(a, "--json") == 0) slot = &o->json;
        else if (strcmp(a, "--html") == 0) slot = &o->html;
        else if (strcmp(a, "--number") == 0) slot = &o->number;
        else if (strcmp(a, "--focus") == 0) slot = &o->focus_file;
        else if (strcmp(a, "--recipients") == 0) slot = &o->recipients_file;
        else if (strcmp(a, "--place") == 0) slot = &o->set.place;
        else if (strcmp(a, "--body") == 0) slot = &o->set.body_name;
        else if (strcmp(a, "--parent") == 0) slot = &o->set.body_parent;
        else if (strcmp(a, "--number-pattern") == 0) slot = &o->set.number_pattern;
        else if (strcmp(a, "--authority") == 0) slot = &o->set.sign_authority;
        else if (strcmp(a, "--deputy") == 0) slot = &o->set.sign_deputy;
        else if (strcmp(a, "--title") == 0) slot = &o->set.sign_title;
        else if (strcmp(a, "--signer") == 0) slot = &o->set.sign_name;
        else
            return -1;
        if (slot != &o->docx && slot != &o->xlsx && slot != &o->csv && slot != &o->json && slot != &o->html &&
            slot != &o->number && slot != &o->focus_file)
            o->nset++;
        *slot = argv[++i];
    }
    return 0;
}

static int read_option_file(const char *path, const char *what, char **out)
{
    dti_err e;
    size_t n = 0;
    dti_err_clear(&e);
    if (file_read(path, OPTION_FILE_MAX, out, &n, &e)) {
        fprintf(stderr, "dti: %s: %s\n", what, e.msg);
        return CLI_BAD_INPUT;
    }
    return CLI_OK;
}

static int write_out(const char *path, const void *p, size_t n)
{
    dti_err e;
    dti_err_clear(&e);
    if (strcmp(path, "-") == 0) {
        if (fwrite(p, 1, n, stdout) != n || fflush(stdout)) {
            fprintf(stderr, "dti: %s\n", TR("không ghi được ra đầu ra chuẩn", "cannot write to standard output"));
            return CLI_FAIL;
        }
        return CLI_OK;
    }
    if (file_write_atomic(path, p, n, &e))
        return cli_error(&e);
    fprintf(stderr, "%s %s (%zu %s)\n", TR("Đã ghi", "Wrote"), path, n, TR("byte", "bytes"));
    return CLI_OK;
}

static void print_settings(const outputs_settings_owned *s)
{
    printf("%-16s %s\n", TR("cơ quan chủ quản", "parent body"), s->body_parent);
    printf("%-16s %s\n", TR("cơ quan ban hành", "issuing body"), s->body_name);
    printf("%-16s %s\n", TR("địa danh", "place"), s->place);
    printf("%-16s Số:      %s\n", TR("số, ký hiệu", "number"), s->number_pattern);
    printf("%-16s %s\n", TR("thẩm quyền ký", "authority"), s->sign_authority);
    printf("%-16s %s\n", TR("ký thay", "deputy"), *s->sign_deputy ? s->sign_deputy : "—");
    printf("%-16s %s\n", TR("chức vụ", "title"), s->sign_title);
    printf("%-16s %s\n", TR("người ký", "signer"), *s->sign_name ? s->sign_name : "—");
    printf("%s\n", TR("Nơi nhận:", "Recipients:"));
    const char *p = s->recipients;
    while (p && *p) {
        const char *nl = strchr(p, '\n');
        int n = nl ? (int)(nl - p) : (int)strlen(p);
        printf("  - %.*s\n", n, p);
        if (!nl)
            break;
        p = nl + 1;
    }
}

int cmd_export(cli_ctx *ctx, int argc, char **argv)
{
    if (argc < 2)
        return cli_usage(USAGE_VI, USAGE_EN);
    const char *what = argv[1];
    if (strcmp(what, "plan") == 0)
        return export_plan(ctx, argc, argv);
    int report = strcmp(what, "report") == 0, data = strcmp(what, "data") == 0;
    int province = strcmp(what, "province") == 0, settings = strcmp(what, "settings") == 0;
    struct opts o;
    if ((!report && !data && !province && !settings) || parse(argc, argv, &o))
        return cli_usage(USAGE_VI, USAGE_EN);
    int nout = !!o.docx + !!o.xlsx + !!o.csv + !!o.json + !!o.html;
    if ((settings && (o.npos != 1 || nout)) || (!settings && (o.npos != 2 || nout != 1)) ||
        ((report || province) && (o.csv || o.json)) || (data && (o.docx || o.xlsx || o.html)) || (province && o.html) ||
        ((data || province) && (o.nset || o.number || o.focus_file)))
        return cli_usage(USAGE_VI, USAGE_EN);
    int64_t id = 0;
    if (cli_parse_id(o.pos[0], &id)) {
        fprintf(stderr, "dti: %s: %s\n", o.pos[0],
                province ? TR("số tỉnh không hợp lệ", "not a valid province id") : TR("số kế hoạch không hợp lệ", "not a valid plan id"));
        return CLI_BAD_INPUT;
    }
    int status = CLI_OK;
    if (o.focus_file && (status = read_option_file(o.focus_file, "--focus", &o.focus)))
        goto done;
    if (o.recipients_file && (status = read_option_file(o.recipients_file, "--recipients", &o.recipients)))
        goto done;
    o.set.recipients = o.recipients;

    app a;
    auth_user u;
    if ((status = cli_open_as(ctx, &a, &u)) != CLI_OK)
        goto done;
    dti_err e;
    dti_err_clear(&e);
    void *bytes = NULL;
    size_t len = 0;
    if (settings) {
        outputs_settings_owned cur;
        memset(&cur, 0, sizeof cur);
        if (o.nset && outputs_settings_set(&a, id, &o.set, &e)) {
            status = cli_error(&e);
        } else if (outputs_settings_get(&a, id, &cur, &e)) {
            status = cli_error(&e);
        } else {
            print_settings(&cur);
        }
        outputs_settings_free(&cur);
    } else if (province) {
        outputs_format f = o.docx ? OUTPUTS_DOCX : OUTPUTS_XLSX;
        if (outputs_province(&a, id, o.pos[1], f, &bytes, &len, NULL, &e))
            status = cli_error(&e);
        else
            status = write_out(o.docx ? o.docx : o.xlsx, bytes, len);
    } else {
        outputs_req q = {.plan_id = id, .period = o.pos[1], .number = o.number, .focus = o.focus,
                         .over = o.nset ? &o.set : NULL};
        const char *path = o.docx ? o.docx : o.xlsx ? o.xlsx : o.csv ? o.csv : o.html ? o.html : o.json;
        q.format = o.docx ? OUTPUTS_DOCX : o.xlsx ? OUTPUTS_XLSX : o.csv ? OUTPUTS_CSV : o.html ? OUTPUTS_HTML : OUTPUTS_JSON;
        if (outputs_export(&a, &q, &bytes, &len, NULL, &e))
            status = cli_error(&e);
        else
            status = write_out(path, bytes, len);
    }
    free(bytes);
    app_close(&a);
done:
    free(o.focus);
    free(o.recipients);
    return status;
}
