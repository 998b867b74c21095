/* main.c — dti's entry point: global options, then one sub-command.
 *
 *   dti [--db FILE] [--lang vi|en] [--as USER] COMMAND [ARGS]
 *
 * The same binary is the command-line tool and (with `serve`) the web
 * server. Messages are in Vietnamese unless --lang en or DTI_LANG=en. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "base/lang.h"
#include "cli/cli.h"

struct command {
    const char *name;
    cli_fn fn;
    const char *help_vi;
    const char *help_en;
};

static const struct command COMMANDS[] = {
    {"extract", cmd_extract, "extract TỆP        in kế hoạch trong tài liệu dưới dạng JSON dti.plan/1",
     "extract FILE       print the plan in a document as dti.plan/1 JSON"},
    {"import", cmd_import, "import TỆP         lưu kế hoạch trong tài liệu vào cơ sở dữ liệu, in tóm tắt",
     "import FILE        store the plan in a document, print a summary"},
    {"plans", cmd_plans, "plans              liệt kê các kế hoạch đã lưu",
     "plans              list the stored plans"},
    {"export", cmd_export, "export plan SỐ --json  in kế hoạch đã lưu dưới dạng dti.plan/1",
     "export plan ID --json  print a stored plan as dti.plan/1"},
    {"serve", cmd_serve, "serve [--listen ĐC:CỔNG] [--threads N]  chạy máy chủ web",
     "serve [--listen HOST:PORT] [--threads N]  run the web server"},
    {NULL, NULL, NULL, NULL}
};

int cli_error(const dti_err *e)
{
    fprintf(stderr, "dti: %s\n", e->msg[0] ? e->msg : dti_rc_name(e->code));
    switch (e->code) {
    case DTI_OK: return CLI_OK;
    case DTI_ERR_INPUT: case DTI_ERR_FORMAT: case DTI_ERR_TOOBIG: case DTI_ERR_IO:
        return CLI_BAD_INPUT;
    default:
        return CLI_FAIL;
    }
}

int cli_usage(const char *usage_vi, const char *usage_en)
{
    fprintf(stderr, "%s: dti %s\n", TR("cách dùng", "usage"), TR(usage_vi, usage_en));
    return CLI_BAD_INPUT;
}

static void help(FILE *f)
{
    fprintf(f, "%s\n\n", TR("dti — theo dõi kế hoạch chuyển đổi số và chỉ số DTI",
                            "dti — digital-transformation plans and the DTI score"));
    fprintf(f, "%s: dti [--db TỆP] [--lang vi|en] [--as NGƯỜI_DÙNG] %s\n\n", TR("Cách dùng", "Usage"),
            TR("LỆNH ...", "COMMAND ..."));
    for (const struct command *c = COMMANDS; c->name; c++)
        fprintf(f, "  %s\n", TR(c->help_vi, c->help_en));
    fprintf(f, "\n%s\n", TR("Tùy chọn chung: --db (mặc định var/dti.db), --lang, --as, --json",
                          "Global options: --db (default var/dti.db), --lang, --as, --json"));
}

int main(int argc, char **argv)
{
    cli_ctx ctx = {"var/dti.db", NULL, 0};
    const char *env = getenv("DTI_LANG");
    lang_set(lang_parse(env ? env : "vi"));
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            help(stdout);
            return CLI_OK;
        } else if (strcmp(a, "--json") == 0) {
            ctx.json = 1;
        } else if (i + 1 < argc && strcmp(a, "--db") == 0) {
            ctx.db = argv[++i];
        } else if (i + 1 < argc && strcmp(a, "--lang") == 0) {
            lang_set(lang_parse(argv[++i]));
        } else if (i + 1 < argc && strcmp(a, "--as") == 0) {
            ctx.as_user = argv[++i];
        } else {
            fprintf(stderr, "dti: %s: %s\n", TR("tùy chọn không hợp lệ", "unknown option"), a);
            help(stderr);
            return CLI_BAD_INPUT;
        }
    }
    if (i >= argc) {
        help(stderr);
        return CLI_BAD_INPUT;
    }
    for (const struct command *c = COMMANDS; c->name; c++)
        if (strcmp(c->name, argv[i]) == 0)
            return c->fn(&ctx, argc - i, argv + i);
    fprintf(stderr, "dti: %s: %s\n", TR("lệnh không có", "no such command"), argv[i]);
    help(stderr);
    return CLI_BAD_INPUT;
}
