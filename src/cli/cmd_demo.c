/* cmd_demo.c — `dti --db FILE demo [--force]`: fill an empty database with
 * the demonstration data (app/demo.h: xã Hòa Bình, its sample plan, users,
 * the months since the plan was issued reported and approved, then three
 * months of reports that tell a story) and print the logins.
 *
 * A database that already holds users or plans is refused (exit 1) and left
 * untouched. With --force such a database file is first moved aside to
 * FILE.YYYYmmdd-HHMMSS (nothing is deleted) and a new one is made; a
 * PostgreSQL URL or ":memory:" is not a file and is never moved. The months
 * follow the clock (DTI_NOW when set, app.h). --json prints what was made:
 * {"plan_id", "months" (the story's three), "history": {"first": "2026-03"
 * or null, "months": 5}, "reporters", "password", "users", "reports" (the
 * newest version of every report of every month, by state), "evidence"}.
 * `dti demo --logins` only prints the logins (for scripts/run.sh). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "app/app.h"
#include "app/demo/demo.h"
#include "base/lang.h"
#include "cli/cli.h"
#include "core/period.h"

static const char *role_label(auth_role r)
{
    switch (r) {
    case ROLE_ADMIN: return TR("quản trị", "admin");
    case ROLE_COORDINATOR: return TR("điều phối", "coordinator");
    case ROLE_REPORTER: return TR("báo cáo", "reporter");
    case ROLE_VIEWER: return TR("xem", "viewer");
    }
    return "";
}

/* The file behind DB, or NULL when it is not a file. */
static const char *db_file(const char *db)
{
    if (strncmp(db, "postgres://", 11) == 0 || strncmp(db, "postgresql://", 13) == 0)
        return NULL;
    if (strncmp(db, "sqlite:", 7) == 0)
        db += 7;
    return strcmp(db, ":memory:") == 0 || !*db ? NULL : db;
}

/* Move FILE (and its -wal, -shm, .audit-key, .audit-anchor) to FILE.YYYYmmdd-HHMMSS. 0, or -1 with
 * the reason printed. */
static int move_aside(const char *file)
{
    char stamp[32], to[4096], from2[4096], to2[4096];
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    if ((size_t)snprintf(to, sizeof to, "%s.%s", file, stamp) >= sizeof to || access(to, F_OK) == 0) {
        fprintf(stderr, "dti: %s: %s\n", file, TR("không chọn được tên để chuyển cơ sở dữ liệu cũ sang",
                                                  "no free name to move the old database to"));
        return -1;
    }
    if (rename(file, to) != 0) {
        fprintf(stderr, "dti: %s: %s (%s)\n", file, TR("không chuyển được cơ sở dữ liệu cũ",
                                                      "cannot move the old database"), strerror(errno));
        return -1;
    }
    /* its audit key and anchor log go with it (app/audit.h): the new file gets its own */
    static const char *const side[] = {"-wal", "-shm", ".audit-key", ".audit-anchor"};
    for (size_t i = 0; i < sizeof side / sizeof side[0]; i++) {
        snprintf(from2, sizeof from2, "%s%s", file, side[i]);
        snprintf(to2, sizeof to2, "%s%s", to, side[i]);
        if (access(from2, F_OK) == 0 && rename(from2, to2) != 0) {
            fprintf(stderr, "dti: %s: %s (%s)\n", from2, TR("không chuyển được", "cannot move"), strerror(errno));
            return -1;
        }
    }
    fprintf(stderr, "%s %s\n", TR("Cơ sở dữ liệu cũ đã được chuyển sang", "The old database was moved to"), to);
    return 0;
}

/* S, then spaces up to WIDTH characters (UTF-8 aware). */
static void pad(const char *s, int width)
{
    int n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        n += (*p & 0xc0) != 0x80;
    printf("%s%*s", s, width > n ? width - n : 0, "");
}

static void month_vn(const char *code, char out[8])
{
    snprintf(out, 8, "%.2s/%.4s", code + 5, code);
}

static void print_logins(void);

static void print_result(const char *db, const demo_result *r)
{
    size_t total = 0, history = (size_t)r->history * r->reporters;
    char m[DEMO_MONTHS][8], first[8], last[8];
    for (int i = 0; i < DEMO_MONTHS; i++)
        month_vn(r->months[i], m[i]);
    for (int i = 0; i < 4; i++)
        total += r->reports[i];
    printf("%s %s (%s)\n", TR("Đã tạo dữ liệu mẫu trong", "Demo data made in"), db,
           TR("hư cấu", "fictional"));
    printf("  %s · %s %lld: %zu %s, %zu %s, %zu %s\n", TR("Xã Hòa Bình, tỉnh Bình Nguyên", "Hòa Bình commune, Bình Nguyên province"),
           TR("kế hoạch số", "plan"), (long long)r->plan_id, r->indicators, TR("chỉ tiêu", "indicators"), r->tasks,
           TR("nhiệm vụ", "tasks"), r->units, TR("đơn vị", "units"));
    if (r->history) {
        /* the history: every month from the plan's issue up to the story, approved */
        char code[PERIOD_CODE_LEN];
        period p;
        period_parse(r->months[0], &p);
        p = period_prev(p);
        month_vn(r->first, first);
        month_vn(period_format(&p, code), last);
        printf("  %s %s – %s: %zu %s %s\n", TR("Báo cáo tháng", "Reports of"), first, last, history,
               TR("báo cáo", "reports"), report_state_label(REPORT_APPROVED));
    }
    printf("  %s %s, %s, %s: %zu %s (%s %zu, %s %zu, %s %zu, %s %zu), %zu %s\n",
           TR("Báo cáo tháng", "Reports of"), m[0], m[1], m[2], total - history, TR("báo cáo", "reports"),
           report_state_label(REPORT_APPROVED), r->reports[REPORT_APPROVED] - history,
           report_state_label(REPORT_SUBMITTED), r->reports[REPORT_SUBMITTED],
           report_state_label(REPORT_RETURNED), r->reports[REPORT_RETURNED],
           report_state_label(REPORT_DRAFT), r->reports[REPORT_DRAFT], r->evidence,
           TR("tệp kiểm chứng", "evidence files"));
    print_logins();
}

static void print_logins(void)
{
    size_t nu = 0;
    const demo_user *u = demo_users(&nu);
    printf("%s %s):\n", TR("Tài khoản (mật khẩu chung:", "Logins (every password:"), DEMO_PASSWORD);
    for (size_t i = 0; i < nu; i++) {
        printf("  %-10s ", u[i].name);
        pad(role_label(u[i].role), 12);
        printf("%s", u[i].display);
        if (u[i].org[0] && strcmp(u[i].org, u[i].display) != 0)
            printf(" · %s", u[i].org);
        printf("\n");
    }
}

static void print_json(const demo_result *r)
{
    size_t nu = 0;
    const demo_user *u = demo_users(&nu);
    json_t *j = json_pack("{s:I, s:[], s:{s:s?, s:i}, s:I, s:s, s:[], s:{s:I, s:I, s:I, s:I}, s:I}", "plan_id",
                          (json_int_t)r->plan_id, "months", "history", "first", r->first[0] ? r->first : NULL,
                          "months", r->history, "reporters", (json_int_t)r->reporters, "password", DEMO_PASSWORD,
                          "users", "reports", "draft",
                          (json_int_t)r->reports[REPORT_DRAFT], "submitted", (json_int_t)r->reports[REPORT_SUBMITTED],
                          "returned", (json_int_t)r->reports[REPORT_RETURNED], "approved",
                          (json_int_t)r->reports[REPORT_APPROVED], "evidence", (json_int_t)r->evidence);
    if (!j)
        return;
    for (int i = 0; i < DEMO_MONTHS; i++)
        json_array_append_new(json_object_get(j, "months"), json_string(r->months[i]));
    for (size_t i = 0; i < nu; i++)
        json_array_append_new(json_object_get(j, "users"),
                              json_pack("{s:s, s:s, s:s, s:s}", "name", u[i].name, "role", auth_role_name(u[i].role),
                                        "org", u[i].org, "display", u[i].display));
    cli_print_json(j);
    json_decref(j);
}

int cmd_demo(cli_ctx *ctx, int argc, char **argv)
{
    int force = 0, json = ctx->json, empty = 0, logins = 0, status = CLI_OK;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--force") == 0)
            force = 1;
        else if (strcmp(argv[i], "--logins") == 0)
            logins = 1;
        else if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else
            return cli_usage("demo [--force] [--json] | demo --logins", "demo [--force] [--json] | demo --logins");
    }
    if (logins) {
        print_logins();
        return CLI_OK;
    }
    dti_err e;
    dti_err_clear(&e);
    app a;
    demo_result r;
    if (app_open(&a, ctx->db, 0, &e))
        return cli_error(&e);
    if (demo_store_empty(&a, &empty, &e)) {
        status = cli_error(&e);
        goto out;
    }
    if (!empty) {
        const char *file = db_file(ctx->db);
        if (!force || !file) {
            fprintf(stderr, "dti: %s: %s\n", ctx->db,
                    !force ? TR("cơ sở dữ liệu đã có người dùng hoặc kế hoạch; dữ liệu mẫu chỉ tạo trên cơ sở dữ "
                                "liệu trống. Không có gì bị thay đổi. Dùng --force để chuyển tệp cũ sang một tên "
                                "khác rồi tạo mới.",
                                "the database already holds users or plans; the demo data are made only in an "
                                "empty one. Nothing was changed. Use --force to move the old file aside and start "
                                "afresh.")
                           : TR("cơ sở dữ liệu này không phải một tệp: không thể chuyển sang tên khác (--force).",
                                "this database is not a file: it cannot be moved aside (--force)."));
            status = CLI_FAIL;
            goto out;
        }
        app_close(&a);
        if (move_aside(file))
            return CLI_FAIL;
        if (app_open(&a, ctx->db, 0, &e))
            return cli_error(&e);
    }
    if (demo_create(&a, a.now, &r, &e)) {
        status = cli_error(&e);
        goto out;
    }
    if (json)
        print_json(&r);
    else
        print_result(ctx->db, &r);
out:
    app_close(&a);
    return status;
}
