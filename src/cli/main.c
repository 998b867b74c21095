/* main.c — dti's entry point: global options, then one sub-command.
 *
 *   dti [--db FILE] [--lang vi|en] [--as USER] COMMAND [ARGS]
 *
 * The same binary is the command-line tool and (with `serve`) the web
 * server. Messages are in Vietnamese unless --lang en or DTI_LANG=en.
 *
 * `dti --help` and `dti COMMAND ... --help` (or -h, anywhere before a "--")
 * print the usage on stdout and exit 0 without running anything; a usage
 * error prints it on stderr and exits 2. */
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
    {"import", cmd_import, "import TỆP [--plan KH.json]  lưu kế hoạch trong tài liệu (hoặc bản đã sửa KH.json), in tóm tắt",
     "import FILE [--plan P.json] store the plan in a document (or its corrected P.json), print a summary"},
    {"plans", cmd_plans, "plans              liệt kê các kế hoạch đã lưu",
     "plans              list the stored plans"},
    {"export", cmd_export, "export plan SỐ --json  in kế hoạch đã lưu dưới dạng dti.plan/1",
     "export plan ID --json  print a stored plan as dti.plan/1"},
    {"user", cmd_user, "user add|passwd|list|disable|enable  người dùng (mật khẩu qua stdin/DTI_PASSWORD)",
     "user add|passwd|list|disable|enable  users (password from stdin/DTI_PASSWORD)"},
    {"report", cmd_report, "report fill|attach|submit|return|approve|show|versions|check|status  báo cáo",
     "report fill|attach|submit|return|approve|show|versions|check|status  reports"},
    {"assign", cmd_assign, "assign list|set KH …  phân công chủ trì, phối hợp",
     "assign list|set PLAN …  who leads and supports each item"},
    {"org", cmd_org, "org rename|merge|close|history …  đổi tên, sáp nhập, giải thể xã và đơn vị (có ngày hiệu lực)",
     "org rename|merge|close|history …  rename, merge, close communes and units (with the day it takes effect)"},
    {"audit", cmd_audit, "audit log|verify    nhật ký thay đổi, kiểm tra chuỗi băm",
     "audit log|verify    the audit log, check its hash chain"},
    {"calendar", cmd_calendar, "calendar set|show|request|request-edit|request-cancel KH …  lịch báo cáo, yêu cầu đột xuất/tuần",
     "calendar set|show|request|request-edit|request-cancel PLAN …  a plan's calendar, ad-hoc/weekly requests"},
    {"periods", cmd_periods, "periods KH [NĂM]   các kỳ báo cáo và hạn", "periods PLAN [YEAR] periods and deadlines"},
    {"score", cmd_score, "score KẾ_HOẠCH KỲ   bảng điểm: nhóm, chỉ tiêu, trạng thái, chỉ số (--json: mọi số liệu đầu vào)",
     "score PLAN PERIOD  scores: groups, indicators, statuses, index (--json: every input)"},
    {"rank", cmd_rank, "rank KẾ_HOẠCH KỲ    xếp hạng đơn vị (--units) hoặc các xã của tỉnh (--communes)",
     "rank PLAN PERIOD   rank the units (--units) or the province's communes (--communes)"},
    {"index", cmd_index, "index load KẾ_HOẠCH TỆP  nạp bộ chỉ số (CSV hoặc JSON)",
     "index load PLAN FILE  load a point table (CSV or JSON)"},
    {"serve", cmd_serve,
     "serve [--listen ĐC:CỔNG] [--threads N] [--tls-cert TỆP --tls-key TỆP] [--trust-proxy]\n"
     "        [--max-connections N] [--max-per-ip N] [--idle-timeout GIÂY] [--admin TÊN] [--log]\n"
     "        [--reuse-port] [--workers N]  chạy máy chủ web (--reuse-port: nhiều tiến trình chung một cổng;\n"
     "        --workers N: một lệnh chạy N tiến trình như thế, có tiến trình cha giám sát)",
     "serve [--listen HOST:PORT] [--threads N] [--tls-cert FILE --tls-key FILE] [--trust-proxy]\n"
     "        [--max-connections N] [--max-per-ip N] [--idle-timeout SECONDS] [--admin NAME] [--log]\n"
     "        [--reuse-port] [--workers N]  run the web server (--reuse-port: several processes on one port;\n"
     "        --workers N: one command runs N of them under a supervising parent)"},
    {"remind", cmd_remind, "remind [--dry-run]  gửi nhắc hạn, báo trả lại/duyệt, tổng hợp đơn vị chậm (cho cron)",
     "remind [--dry-run]  send deadline reminders, return/approval notices, the late digest (for cron)"},
    {"demo", cmd_demo, "demo [--force]     tạo dữ liệu mẫu (xã Hòa Bình, người dùng, báo cáo từ tháng ban hành kế hoạch)",
     "demo [--force]     make the demo data (Hòa Bình commune, users, reports since the plan was issued)"},
    {"gen", cmd_gen, "gen country [--provinces N] [--communes N] [--seed S] | province --communes N  dữ liệu tổng hợp: cả nước (đo hiệu năng), một tỉnh (thử)",
     "gen country [--provinces N] [--communes N] [--seed S] | province --communes N  synthetic data: a country (benchmarks), one province (trials)"},
    {"province", cmd_province, "province list|home|indicators|compare|table|gen  trang của tỉnh: các xã, chỉ tiêu, bộ chỉ số chung",
     "province list|home|indicators|compare|table|gen  the province's home: communes, indicators, one point table"},
    {"backup", cmd_backup, "backup TỆP [--no-key]  sao lưu cơ sở dữ liệu (khi máy chủ đang chạy), kèm khóa nhật ký",
     "backup FILE [--no-key]  back up the database (while the server runs), with the audit key"},
    {"restore", cmd_backup, "restore TỆP [--force]  khôi phục từ bản sao lưu (máy chủ phải dừng)",
     "restore FILE [--force]  restore from a backup (the server must be stopped)"},
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
    fprintf(f, "%s\n\n", TR("Cách dùng: dti [--db TỆP] [--lang vi|en] [--as NGƯỜI_DÙNG] LỆNH ...",
                            "Usage: dti [--db FILE] [--lang vi|en] [--as USER] COMMAND ..."));
    for (const struct command *c = COMMANDS; c->name; c++)
        fprintf(f, "  %s\n", TR(c->help_vi, c->help_en));
    fprintf(f, "\n%s\n", TR("Tùy chọn chung: --db (mặc định var/dti.db), --lang, --as, --json",
                          "Global options: --db (default var/dti.db), --lang, --as, --json"));
}

/* Non-zero when ARGV (ARGC items) asks for help before any "--". */
static int wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            return 0;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return 1;
    }
    return 0;
}

/* `dti COMMAND --help`: its usage on stdout. */
static void command_help(const struct command *c)
{
    printf("%s: dti [--db %s] [--lang vi|en] [--as %s] %s\n", TR("Cách dùng", "Usage"), TR("TỆP", "FILE"),
           TR("NGƯỜI_DÙNG", "USER"), TR(c->help_vi, c->help_en));
    printf("%s\n", TR("Tùy chọn chung: --db (mặc định var/dti.db), --lang, --as, --json; xem thêm README.md",
                      "Global options: --db (default var/dti.db), --lang, --as, --json; see also README.md"));
}

/* A command's output that did not reach stdout (disk full, closed pipe) is
 * a failure: `dti export plan 1 > f.json` must not exit 0 with f.json cut. */
static int finish(int status)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "dti: %s\n", TR("không ghi được kết quả ra đầu ra chuẩn (stdout)",
                                        "cannot write the output to stdout"));
        return status ? status : CLI_FAIL;
    }
    return status;
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
        } else if (strcmp(a, "--db") == 0 || strcmp(a, "--lang") == 0 || strcmp(a, "--as") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "dti: %s: %s\n", a, TR("thiếu giá trị", "a value is missing"));
                return CLI_BAD_INPUT;
            }
            const char *v = argv[++i];
            if (a[2] == 'd')
                ctx.db = v;
            else if (a[2] == 'l')
                lang_set(lang_parse(v));
            else
                ctx.as_user = v;
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
    for (const struct command *c = COMMANDS; c->name; c++) {
        if (strcmp(c->name, argv[i]) != 0)
            continue;
        if (wants_help(argc - i, argv + i)) {
            command_help(c);
            return finish(CLI_OK);
        }
        return finish(c->fn(&ctx, argc - i, argv + i));
    }
    fprintf(stderr, "dti: %s: %s\n", TR("lệnh không có", "no such command"), argv[i]);
    help(stderr);
    return CLI_BAD_INPUT;
}
