/* cli_app.c — what the issue-3 commands share: opening the store as the
 * --as user, reading a password without putting it on the command line,
 * and parsing ids. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <sodium.h>
#include "app/app.h"
#include "app/auth/auth.h"
#include "base/lang.h"
#include "core/period.h"
#include "cli/cli.h"

int cli_open_as(cli_ctx *ctx, app *a, auth_user *u)
{
    dti_err e;
    dti_err_clear(&e);
    if (app_open(a, ctx->db, 0, &e))
        return cli_error(&e);
    if (auth_acting(a->st, ctx->as_user, u, &e)) {
        app_close(a);
        return cli_error(&e);
    }
    a->user_id = u->id;
    return CLI_OK;
}

int cli_open_opt_as(cli_ctx *ctx, app *a)
{
    auth_user u;
    dti_err e;
    dti_err_clear(&e);
    if (ctx->as_user)
        return cli_open_as(ctx, a, &u);
    if (app_open(a, ctx->db, 0, &e))
        return cli_error(&e);
    return CLI_OK;
}

int cli_read_password(const char *prompt, char *out, size_t n)
{
    const char *env = getenv("DTI_PASSWORD");
    if (env) {
        if (strlen(env) >= n)
            return -1;
        snprintf(out, n, "%s", env);
        return 0;
    }
    int tty = isatty(STDIN_FILENO);
    struct termios old, quiet;
    if (tty) {
        fprintf(stderr, "%s", prompt);
        if (tcgetattr(STDIN_FILENO, &old) == 0) {
            quiet = old;
            quiet.c_lflag &= ~(tcflag_t)ECHO;
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        } else {
            tty = 0;
        }
    }
    char *ok = fgets(out, (int)n, stdin);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        fprintf(stderr, "\n");
    }
    if (!ok)
        return -1;
    size_t len = strlen(out);
    if (len + 1 >= n && out[len - 1] != '\n') {
        sodium_memzero(out, n);
        return -1;
    }
    while (len && (out[len - 1] == '\n' || out[len - 1] == '\r'))
        out[--len] = 0;
    return 0;
}

int cli_parse_id(const char *s, int64_t *out)
{
    char *end = NULL;
    if (!s || !*s)
        return -1;
    long long v = strtoll(s, &end, 10);
    if (!end || *end || v <= 0)
        return -1;
    *out = v;
    return 0;
}

void cli_print_json(const json_t *j)
{
    char *s = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (s) {
        printf("%s\n", s);
        free(s);
    }
}

const char *cli_time_vn(const char *iso, char out[CLI_TIME_LEN])
{
    int y, mo, d, h, mi, sec, n = 0;
    snprintf(out, CLI_TIME_LEN, "%s", iso ? iso : "");
    if (!iso || sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &y, &mo, &d, &h, &mi, &sec, &n) != 6 ||
        (size_t)n != strlen(iso) || !period_date_valid(y, mo, d) || h > 23 || mi > 59 || sec > 60)
        return out;
    int64_t t = (int64_t)period_days(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec + 7 * 3600;
    int32_t day = (int32_t)(t / 86400);
    int rest = (int)(t % 86400);
    period_ymd v = period_ymd_of(day);
    snprintf(out, CLI_TIME_LEN, "%02d/%02d/%04d %02d:%02d", v.d, v.m, v.y, rest / 3600, rest / 60 % 60);
    return out;
}
