/* cmd_user.c — `dti user`: add, passwd, list, disable, enable, set.
 *
 *   dti --db F [--as ADMIN] user add NAME --role admin|coordinator|reporter|viewer
 *                                      [--org ORG] [--display "Tên hiển thị"]
 *   dti --db F --as NAME user passwd [USER]
 *   dti --db F --as NAME user list [--json]
 *   dti --db F --as ADMIN user disable|enable USER
 *   dti --db F --as ADMIN user set USER [--role ROLE] [--org ORG] [--display "Tên"]
 *   dti --db F --as NAME user email USER [ADDRESS | --clear]   (reminders: app/remind.h)
 *
 * Passwords are read from DTI_PASSWORD or the first line of standard input,
 * never from the command line (argv is visible to every user of the
 * machine). Bootstrap: on a store without users, `user add NAME --role
 * admin` needs no --as and creates the first admin. ORG is an org id or
 * name (report_org_find). Who may do what is app/auth.h's (a coordinator
 * manages the reporter and viewer accounts of its scope). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "app/app.h"
#include "app/auth/auth.h"
#include "app/remind/remind.h"
#include "app/report/report.h"
#include "base/lang.h"
#include "cli/cli.h"

static int user_add(cli_ctx *ctx, int argc, char **argv)
{
    const char *name = NULL, *role = NULL, *org = NULL, *display = NULL;
    for (int i = 1; i < argc; i++) {
        if (i + 1 < argc && strcmp(argv[i], "--role") == 0)
            role = argv[++i];
        else if (i + 1 < argc && strcmp(argv[i], "--org") == 0)
            org = argv[++i];
        else if (i + 1 < argc && strcmp(argv[i], "--display") == 0)
            display = argv[++i];
        else if (argv[i][0] != '-' && !name)
            name = argv[i];
        else
            name = NULL, i = argc;
    }
    if (!name || !role)
        return cli_usage("user add TÊN --role admin|coordinator|reporter|viewer [--org ĐƠN_VỊ] [--display TÊN]",
                         "user add NAME --role admin|coordinator|reporter|viewer [--org ORG] [--display NAME]");
    int r = auth_role_parse(role);
    if (r < 0) {
        fprintf(stderr, "dti: %s: %s\n", TR("vai trò không có", "no such role"), role);
        return CLI_BAD_INPUT;
    }
    dti_err e;
    dti_err_clear(&e);
    app a;
    auth_user actor, *ap = NULL;
    int status = CLI_OK;
    if (app_open(&a, ctx->db, 0, &e))
        return cli_error(&e);
    if (ctx->as_user) {
        if (auth_acting(a.st, ctx->as_user, &actor, &e)) {
            status = cli_error(&e);
            goto out;
        }
        ap = &actor;
    }
    int64_t org_id = 0;
    if (org && report_org_find(a.st, 0, org, &org_id, &e)) {
        status = cli_error(&e);
        goto out;
    }
    char pw[AUTH_PASSWORD_MAX + 2];
    if (cli_read_password(TR("Mật khẩu: ", "Password: "), pw, sizeof pw)) {
        fprintf(stderr, "dti: %s\n", TR("không đọc được mật khẩu (stdin hoặc DTI_PASSWORD)",
                                        "no password read (stdin or DTI_PASSWORD)"));
        status = CLI_BAD_INPUT;
        goto out;
    }
    int64_t id = 0;
    dti_rc rc = auth_user_add(a.st, ap, name, display, (auth_role)r, org_id, pw, a.now, &id, &e);
    sodium_memzero(pw, sizeof pw);
    if (rc) {
        status = cli_error(&e);
        goto out;
    }
    printf("%s %s (%s, %s %lld)\n", TR("Đã thêm người dùng", "Added user"), name, auth_role_name((auth_role)r),
           TR("số", "id"), (long long)id);
out:
    app_close(&a);
    return status;
}

static int user_passwd(cli_ctx *ctx, int argc, char **argv)
{
    if (argc > 2)
        return cli_usage("user passwd [TÊN]", "user passwd [NAME]");
    app a;
    auth_user u;
    int status = cli_open_as(ctx, &a, &u);
    if (status)
        return status;
    dti_err e;
    dti_err_clear(&e);
    const char *name = argc == 2 ? argv[1] : u.name;
    char pw[AUTH_PASSWORD_MAX + 2];
    if (cli_read_password(TR("Mật khẩu mới: ", "New password: "), pw, sizeof pw)) {
        fprintf(stderr, "dti: %s\n", TR("không đọc được mật khẩu (stdin hoặc DTI_PASSWORD)",
                                        "no password read (stdin or DTI_PASSWORD)"));
        app_close(&a);
        return CLI_BAD_INPUT;
    }
    dti_rc rc = auth_user_passwd(&a, name, pw, &e);
    sodium_memzero(pw, sizeof pw);
    if (rc)
        status = cli_error(&e);
    else
        printf("%s %s\n", TR("Đã đổi mật khẩu của", "Changed the password of"), name);
    app_close(&a);
    return status;
}

static int user_list(cli_ctx *ctx, int argc, char **argv)
{
    int json = ctx->json;
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else
            return cli_usage("user list [--json]", "user list [--json]");
    app a;
    auth_user u, *list = NULL;
    size_t n = 0;
    int status = cli_open_as(ctx, &a, &u);
    if (status)
        return status;
    dti_err e;
    dti_err_clear(&e);
    if (auth_user_list(&a, &list, &n, &e)) {
        status = cli_error(&e);
        goto out;
    }
    if (json) {
        json_t *arr = json_array();
        for (size_t i = 0; arr && i < n; i++)
            json_array_append_new(arr, json_pack("{s:I, s:s, s:s, s:s, s:I, s:b}", "id", (json_int_t)list[i].id,
                                                 "name", list[i].name, "display_name", list[i].display, "role",
                                                 auth_role_name(list[i].role), "org_id", (json_int_t)list[i].org_id,
                                                 "active", list[i].active));
        cli_print_json(arr);
        json_decref(arr);
    } else {
        printf("%-20s %-12s %-8s %-6s %s\n", TR("tên", "name"), TR("vai trò", "role"), TR("đơn vị", "org"),
               TR("còn", "active"), TR("tên hiển thị", "display name"));
        for (size_t i = 0; i < n; i++)
            printf("%-20s %-12s %-8lld %-6s %s\n", list[i].name, auth_role_name(list[i].role),
                   (long long)list[i].org_id, list[i].active ? TR("có", "yes") : TR("khóa", "no"), list[i].display);
    }
out:
    free(list);
    app_close(&a);
    return status;
}

static int user_active(cli_ctx *ctx, int argc, char **argv, int active)
{
    if (argc != 2)
        return cli_usage("user disable|enable TÊN", "user disable|enable NAME");
    app a;
    auth_user u;
    int status = cli_open_as(ctx, &a, &u);
    if (status)
        return status;
    dti_err e;
    dti_err_clear(&e);
    if (auth_user_set_active(&a, argv[1], active, &e))
        status = cli_error(&e);
    else
        printf("%s %s\n", active ? TR("Đã mở khóa", "Enabled") : TR("Đã khóa", "Disabled"), argv[1]);
    app_close(&a);
    return status;
}

static int user_set(cli_ctx *ctx, int argc, char **argv)
{
    const char *name = NULL, *role = NULL, *org = NULL, *display = NULL;
    for (int i = 1; i < argc; i++) {
        if (i + 1 < argc && strcmp(argv[i], "--role") == 0)
            role = argv[++i];
        else if (i + 1 < argc && strcmp(argv[i], "--org") == 0)
            org = argv[++i];
        else if (i + 1 < argc && strcmp(argv[i], "--display") == 0)
            display = argv[++i];
        else if (argv[i][0] != '-' && !name)
            name = argv[i];
        else
            name = NULL, i = argc;
    }
    if (!name || (!role && !org && !display))
        return cli_usage("user set TÊN [--role VAI_TRÒ] [--org ĐƠN_VỊ] [--display TÊN]",
                         "user set NAME [--role ROLE] [--org ORG] [--display NAME]");
    auth_user_change c = {display, -1, -1, -1};
    if (role && (c.role = auth_role_parse(role)) < 0) {
        fprintf(stderr, "dti: %s: %s\n", TR("vai trò không có", "no such role"), role);
        return CLI_BAD_INPUT;
    }
    app a;
    auth_user u, target;
    int status = cli_open_as(ctx, &a, &u);
    if (status)
        return status;
    dti_err e;
    dti_err_clear(&e);
    if ((org && report_org_find(a.st, 0, org, &c.org_id, &e)) || auth_user_get(a.st, name, &target, &e) ||
        auth_user_update(&a, target.id, &c, &target, &e))
        status = cli_error(&e);
    else
        printf("%s %s (%s, %s %lld)\n", TR("Đã sửa người dùng", "Changed user"), target.name,
               auth_role_name(target.role), TR("đơn vị", "org"), (long long)target.org_id);
    app_close(&a);
    return status;
}

/* `user email USER [ADDRESS | --clear]`: show or set the address reminders go to. */
static int user_email(cli_ctx *ctx, int argc, char **argv)
{
    if (argc < 2 || argc > 3)
        return cli_usage("user email TÊN [ĐỊA_CHỈ | --clear]", "user email NAME [ADDRESS | --clear]");
    app a;
    auth_user u, target;
    char *addr = NULL;
    int status = cli_open_as(ctx, &a, &u);
    if (status)
        return status;
    dti_err e;
    dti_err_clear(&e);
    if (auth_user_get(a.st, argv[1], &target, &e))
        status = cli_error(&e);
    else if (argc == 3 && remind_email_set_as(a.st, &u, target.id, strcmp(argv[2], "--clear") == 0 ? NULL : argv[2],
                                           a.now, &e))
        status = cli_error(&e);
    else if (remind_email_get_as(a.st, &u, target.id, &addr, &e))
        status = cli_error(&e);
    else
        printf("%s: %s\n", target.name, addr ? addr : TR("(chưa có thư điện tử)", "(no e-mail)"));
    free(addr);
    app_close(&a);
    return status;
}

int cmd_user(cli_ctx *ctx, int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "email") == 0)
        return user_email(ctx, argc - 1, argv + 1);
    if (argc >= 2 && strcmp(argv[1], "set") == 0)
        return user_set(ctx, argc - 1, argv + 1);
    if (argc >= 2 && strcmp(argv[1], "add") == 0)
        return user_add(ctx, argc - 1, argv + 1);
    if (argc >= 2 && strcmp(argv[1], "passwd") == 0)
        return user_passwd(ctx, argc - 1, argv + 1);
    if (argc >= 2 && strcmp(argv[1], "list") == 0)
        return user_list(ctx, argc - 1, argv + 1);
    if (argc >= 2 && strcmp(argv[1], "disable") == 0)
        return user_active(ctx, argc - 1, argv + 1, 0);
    if (argc >= 2 && strcmp(argv[1], "enable") == 0)
        return user_active(ctx, argc - 1, argv + 1, 1);
    return cli_usage("user add|passwd|list|disable|enable|set|email ...",
                     "user add|passwd|list|disable|enable|set|email ...");
}
