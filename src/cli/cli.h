/* cli.h — the command line: global options and one function per sub-command
 * (one file per sub-command, cmd_*.c, as git's builtin/). */
#ifndef DTI_CLI_H
#define DTI_CLI_H
#include <stdint.h>
#include <stdio.h>
#include <jansson.h>
#include "base/err.h"

typedef struct cli_ctx {
    const char *db;         /* --db FILE, default var/dti.db */
    const char *as_user;    /* --as NAME: the acting user, for permissions and the audit log */
    int json;               /* --json where a command supports it */
} cli_ctx;

typedef int (*cli_fn)(cli_ctx *ctx, int argc, char **argv);

/* Exit statuses: 0 done, 1 failed (store, permission, not found), 2 bad
 * input or usage (the file or argument named in the message). */
enum { CLI_OK = 0, CLI_FAIL = 1, CLI_BAD_INPUT = 2 };

/* Print E as one line "dti: MESSAGE" on stderr and return the exit status for it. */
int cli_error(const dti_err *e);
/* Print a usage line for a command on stderr; returns CLI_BAD_INPUT. */
int cli_usage(const char *usage_vi, const char *usage_en);

/* cli_app.c: open ctx->db as the --as user into A and U; CLI_OK, or the
 * exit status after printing why (no --as, unknown or inactive user). */
struct app;
struct auth_user;
int cli_open_as(cli_ctx *ctx, struct app *a, struct auth_user *u);
/* The same when --as is given; without it, ctx->db as the system actor
 * (user 0), which app/ allows only while no user exists (app_actor). */
int cli_open_opt_as(cli_ctx *ctx, struct app *a);
/* A password from DTI_PASSWORD, else the first line of standard input (not
 * echoed on a terminal, after PROMPT). Never from argv. 0, or -1. */
int cli_read_password(const char *prompt, char *out, size_t n);
/* A positive decimal id. 0, or -1. */
int cli_parse_id(const char *s, int64_t *out);
/* J pretty-printed on stdout. */
void cli_print_json(const json_t *j);
/* An instant the store keeps as UTC ISO 8601 ("2026-12-08T04:00:00Z") written
 * as the CLI writes every date, in Vietnam's time (UTC+7): "08/12/2026 11:00"
 * into OUT, which is returned. Text that is not such an instant is copied
 * unchanged (so nothing is ever hidden); NULL gives "". */
#define CLI_TIME_LEN 32
const char *cli_time_vn(const char *iso, char out[CLI_TIME_LEN]);

int cmd_extract(cli_ctx *ctx, int argc, char **argv);
int cmd_user(cli_ctx *ctx, int argc, char **argv);
int cmd_report(cli_ctx *ctx, int argc, char **argv);
int cmd_audit(cli_ctx *ctx, int argc, char **argv);
int cmd_calendar(cli_ctx *ctx, int argc, char **argv);
int cmd_periods(cli_ctx *ctx, int argc, char **argv);
int cmd_score(cli_ctx *ctx, int argc, char **argv);
int cmd_assign(cli_ctx *ctx, int argc, char **argv);
int cmd_org(cli_ctx *ctx, int argc, char **argv);
int cmd_import(cli_ctx *ctx, int argc, char **argv);
int cmd_plans(cli_ctx *ctx, int argc, char **argv);
int cmd_export(cli_ctx *ctx, int argc, char **argv);
int cmd_rank(cli_ctx *ctx, int argc, char **argv);
int cmd_rank_country(cli_ctx *ctx, int argc, char **argv);   /* cmd_rank's --country */
int cmd_index(cli_ctx *ctx, int argc, char **argv);
int cmd_serve(cli_ctx *ctx, int argc, char **argv);
int cmd_demo(cli_ctx *ctx, int argc, char **argv);
/* cmd_backup.c: `backup` and `restore` (argv[0] tells which). */
int cmd_backup(cli_ctx *ctx, int argc, char **argv);
int cmd_remind(cli_ctx *ctx, int argc, char **argv);
int cmd_gen(cli_ctx *ctx, int argc, char **argv);
/* `gen province ...` with ARGV[0] "province" (cmd_gen.c); `dti province gen`
 * comes here too. */
int cmd_gen_province(cli_ctx *ctx, int argc, char **argv);
int cmd_province(cli_ctx *ctx, int argc, char **argv);

#endif
