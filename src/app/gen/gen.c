/* gen.c — `dti gen country` (gen.h has the decisions): a fictional country
 * made through the real use cases.
 *
 * For each commune, in order: its plan document is written as Markdown in
 * the layout of samples/hoa-binh-2026.md (letterhead, section V stating the
 * monthly regime, Phụ lục I with the indicators in groups, Phụ lục II with
 * a few tasks), read and extracted like any upload, imported by the admin
 * at the plan's issue time; then every unit that leads an indicator plays
 * its months (fill, submit, maybe return and fix, approve) at instants
 * computed from the deadline and the seeded draws. One transaction per
 * commune. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "app/app_util.h"
#include "app/auth/auth.h"
#include "app/demo/demo.h"
#include "app/gen/gen.h"
#include "app/gen/gen_int.h"
#include "app/plan/plans.h"
#include "app/report/report.h"
#include "base/buf.h"
#include "core/period.h"
#include "import/extract.h"
#include "import/reader.h"
#include "store/store_bulk.h"
#include "store/store_org.h"

#define DAY 86400
#define MAX_UNITS 24
#define MAX_IND 64

/* ---- seeded draws ---- */

static uint64_t mix(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/* A draw for (SEED, A, B, C, D, SALT): the same tuple, the same number. */
static uint64_t draw(uint64_t seed, uint64_t a, uint64_t b, uint64_t c, uint64_t d, uint64_t salt)
{
    uint64_t h = mix(seed ^ 0x5bd1e995ULL);
    h = mix(h ^ a);
    h = mix(h ^ (b << 16));
    h = mix(h ^ (c << 32));
    h = mix(h ^ (d << 40));
    return mix(h ^ salt);
}

/* A draw in [0, 1). */
static double unit_draw(uint64_t x)
{
    return (double)(x >> 11) / 9007199254740992.0;
}

/* ---- names ---- */

static const char *const SYL[] = {
    "An", "Bình", "Hòa", "Phú", "Tân", "Thanh", "Vĩnh", "Long", "Hưng", "Đông", "Tây", "Nam", "Bắc",
    "Kim", "Ngọc", "Sơn", "Hải", "Minh", "Quang", "Trung", "Phước", "Thạnh", "Lộc", "Thuận", "Định",
    "Khánh", "Lâm", "Mỹ", "Đức", "Xuân", "Hiệp", "Thái",
};
#define NSYL (sizeof SYL / sizeof SYL[0])

/* The name of the I-th province ("Bình Lâm"): two syllables, distinct for
 * I < NSYL * (NSYL - 1). */
static void province_name(unsigned i, char *out, size_t n)
{
    unsigned a = (i * 7u + 3u) % NSYL, b = (a + 1u + i / NSYL) % NSYL;
    if (b == a)
        b = (b + 1u) % NSYL;
    snprintf(out, n, "%s %s", SYL[a], SYL[b]);
}

/* The name of the J-th commune of province P: two syllables, numbered
 * when the pairs run out (a province has at most a few hundred). */
static void commune_name(unsigned p, unsigned j, char *out, size_t n)
{
    unsigned k = j % (NSYL * (NSYL - 1)), a = (k + p * 5u) % NSYL, b = (a + 1u + k / NSYL) % NSYL;
    if (b == a)
        b = (b + 1u) % NSYL;
    if (j < NSYL * (NSYL - 1))
        snprintf(out, n, "%s %s", SYL[b], SYL[a]);
    else
        snprintf(out, n, "%s %s %u", SYL[b], SYL[a], j / (unsigned)(NSYL * (NSYL - 1)) + 1u);
}

/* ---- the national list ---- */

/* The units a commune has; %s is the commune's name. The first LEAD_UNITS
 * lead indicators. */
static const char *const UNITS[] = {
    "Phòng Văn hóa - Xã hội",
    "Văn phòng HĐND và UBND xã",
    "Phòng Kinh tế",
    "Trung tâm phục vụ hành chính công",
    "Công an xã",
    "Trạm Y tế xã",
    "Trường Trung học cơ sở %s",
    "Trường Tiểu học %s",
    "Trường Mầm non %s",
    "Tổ công nghệ số cộng đồng",
    "Đoàn Thanh niên xã",
    "Hội Nông dân xã",
    "Hội Liên hiệp Phụ nữ xã",
    "Ban Chỉ huy Quân sự xã",
    "Hợp tác xã Nông nghiệp %s",
};
#define NUNITS (sizeof UNITS / sizeof UNITS[0])
#define LEAD_UNITS 9

typedef enum { K_PCT, K_COUNT, K_MAX } ind_kind;

typedef struct ind_def {
    const char *group;      /* NULL: same as the previous */
    const char *name;
    ind_kind kind;
    double target;          /* the 2026 target: a percentage, a count, or a ceiling */
    const char *unit;       /* of a count */
    unsigned lead;          /* index into UNITS */
    unsigned support;
} ind_def;

static const ind_def IND[] = {
    {"Hạ tầng số", "Tỷ lệ phủ sóng 5G trên dân số", K_PCT, 70, NULL, 0, 1},
    {NULL, "Tỷ lệ hộ gia đình có đường Internet cáp quang băng rộng", K_PCT, 85, NULL, 0, 9},
    {NULL, "Tỷ lệ cơ quan, đơn vị kết nối mạng truyền số liệu chuyên dùng", K_PCT, 100, NULL, 1, 0},
    {NULL, "Tỷ lệ thôn có điểm truy cập Internet công cộng", K_PCT, 60, NULL, 0, 9},
    {NULL, "Số camera giám sát an ninh được kết nối", K_COUNT, 20, "camera", 4, 1},
    {NULL, "Tỷ lệ trường học có mạng không dây phủ toàn trường", K_PCT, 90, NULL, 6, 0},
    {"Nhân lực số", "Tỷ lệ cán bộ, công chức được tập huấn kỹ năng số", K_PCT, 90, NULL, 0, 1},
    {NULL, "Tỷ lệ người dân trong độ tuổi lao động được phổ cập kỹ năng số cơ bản", K_PCT, 50, NULL, 0, 9},
    {NULL, "Số thành viên Tổ công nghệ số cộng đồng được tập huấn", K_COUNT, 30, "người", 0, 9},
    {NULL, "Tỷ lệ giáo viên sử dụng thành thạo học liệu số", K_PCT, 80, NULL, 6, 7},
    {NULL, "Số lớp tập huấn kỹ năng số cho người dân", K_COUNT, 6, "lớp", 0, 10},
    {"An toàn thông tin", "Tỷ lệ hệ thống thông tin được phê duyệt cấp độ an toàn thông tin", K_PCT, 100, NULL, 1, 4},
    {NULL, "Tỷ lệ máy tính của cơ quan được cài phần mềm phòng chống mã độc", K_PCT, 100, NULL, 1, 0},
    {NULL, "Số sự cố mất an toàn thông tin nghiêm trọng", K_MAX, 0, "sự cố", 4, 1},
    {NULL, "Tỷ lệ cán bộ được phổ biến kiến thức an toàn thông tin", K_PCT, 95, NULL, 4, 1},
    {"Chính quyền số", "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình", K_PCT, 80, NULL, 3, 1},
    {NULL, "Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa", K_PCT, 100, NULL, 3, 2},
    {NULL, "Tỷ lệ văn bản đi, đến được xử lý trên môi trường điện tử", K_PCT, 98, NULL, 1, 0},
    {NULL, "Tỷ lệ cuộc họp của UBND xã được tổ chức không giấy", K_PCT, 60, NULL, 1, 0},
    {NULL, "Số nền tảng số dùng chung của tỉnh được khai thác", K_COUNT, 9, "nền tảng", 0, 3},
    {NULL, "Tỷ lệ thủ tục hành chính có phát sinh hồ sơ trực tuyến", K_PCT, 70, NULL, 3, 1},
    {NULL, "Tỷ lệ người dân hài lòng với dịch vụ công trực tuyến", K_PCT, 85, NULL, 3, 0},
    {NULL, "Tỷ lệ hồ sơ thanh toán phí, lệ phí trực tuyến", K_PCT, 50, NULL, 3, 2},
    {NULL, "Số cơ sở dữ liệu chuyên ngành được cập nhật thường xuyên", K_COUNT, 5, "cơ sở dữ liệu", 1, 2},
    {"Kinh tế số", "Tỷ lệ doanh nghiệp trên địa bàn sử dụng hợp đồng điện tử", K_PCT, 60, NULL, 2, 0},
    {NULL, "Số doanh nghiệp công nghệ số trên địa bàn", K_COUNT, 2, "doanh nghiệp", 2, 0},
    {NULL, "Tỷ lệ sản phẩm OCOP được đưa lên sàn thương mại điện tử", K_PCT, 100, NULL, 2, 9},
    {NULL, "Tỷ lệ hộ kinh doanh sử dụng thanh toán không dùng tiền mặt", K_PCT, 60, NULL, 2, 9},
    {NULL, "Số hộ sản xuất có gian hàng trên sàn thương mại điện tử", K_COUNT, 40, "hộ", 2, 9},
    {NULL, "Tỷ lệ hộ kinh doanh sử dụng hóa đơn điện tử", K_PCT, 80, NULL, 2, 1},
    {NULL, "Tỷ lệ hợp tác xã ứng dụng công nghệ số trong sản xuất", K_PCT, 40, NULL, 2, 9},
    {"Xã hội số", "Tỷ lệ người dân từ 14 tuổi trở lên có tài khoản định danh điện tử mức 2", K_PCT, 90, NULL, 4, 9},
    {NULL, "Tỷ lệ người dân có hồ sơ sức khỏe điện tử", K_PCT, 80, NULL, 5, 4},
    {NULL, "Tỷ lệ giao dịch thanh toán không dùng tiền mặt tại trạm y tế", K_PCT, 70, NULL, 5, 0},
    {NULL, "Tỷ lệ học sinh được thu học phí không dùng tiền mặt", K_PCT, 90, NULL, 6, 7},
    {NULL, "Tỷ lệ người cao tuổi nhận trợ cấp qua tài khoản", K_PCT, 80, NULL, 0, 3},
    {NULL, "Tỷ lệ hộ gia đình có điện thoại thông minh", K_PCT, 85, NULL, 9, 0},
    {NULL, "Tỷ lệ trường học sử dụng sổ điểm điện tử", K_PCT, 100, NULL, 7, 6},
    {NULL, "Tỷ lệ trẻ em được tiêm chủng quản lý bằng phần mềm", K_PCT, 95, NULL, 5, 8},
    {NULL, "Số lượt người dân được hướng dẫn dịch vụ công trực tuyến", K_COUNT, 600, "lượt", 9, 3},
    {NULL, "Tỷ lệ thôn có nhóm thông tin trên mạng xã hội", K_PCT, 100, NULL, 9, 0},
    {"Dữ liệu số", "Tỷ lệ dữ liệu dân cư được làm sạch, đồng bộ", K_PCT, 95, NULL, 4, 1},
    {NULL, "Tỷ lệ thửa đất được số hóa hồ sơ địa chính", K_PCT, 70, NULL, 2, 1},
    {NULL, "Số bộ dữ liệu mở được công bố", K_COUNT, 3, "bộ dữ liệu", 1, 0},
    {NULL, "Tỷ lệ hộ nghèo được quản lý trên phần mềm", K_PCT, 100, NULL, 0, 9},
    {NULL, "Tỷ lệ hồ sơ hộ tịch được số hóa", K_PCT, 90, NULL, 1, 3},
    {"Chỉ số chuyển đổi số", "Chỉ số chuyển đổi số cấp xã (DTI)", K_PCT, 70, NULL, 0, 1},
    {NULL, "Tỷ lệ nhiệm vụ chuyển đổi số hoàn thành đúng hạn", K_PCT, 90, NULL, 0, 1},
    {NULL, "Tỷ lệ đơn vị báo cáo đúng hạn", K_PCT, 95, NULL, 1, 0},
    {NULL, "Số sáng kiến chuyển đổi số được công nhận", K_COUNT, 2, "sáng kiến", 0, 10},
};
#define NIND (sizeof IND / sizeof IND[0])

/* One commune's choice: which indicators, under which codes. */
typedef struct commune_plan {
    char province[64], commune[64];
    char units[NUNITS][128];
    int64_t unit_org[NUNITS];   /* the org the import linked each unit's name to; 0: not named */
    unsigned nind;
    unsigned ind[MAX_IND];      /* into IND, in list order */
    char code[MAX_IND][8];      /* "3.2" */
    double level;               /* the commune's reach: 0.6 .. 1.1 of its targets */
} commune_plan;

/* Choose commune (P, J)'s plan: every indicator of the national list kept
 * with a probability that gives 25-50 of them (at least one per group). */
static void choose(uint64_t seed, unsigned p, unsigned j, commune_plan *cp)
{
    province_name(p, cp->province, sizeof cp->province);
    commune_name(p, j, cp->commune, sizeof cp->commune);
    for (unsigned u = 0; u < NUNITS; u++) {
        const char *pc = strstr(UNITS[u], "%s");
        if (pc)
            snprintf(cp->units[u], sizeof cp->units[u], "%.*s%s%s", (int)(pc - UNITS[u]), UNITS[u], cp->commune,
                     pc + 2);
        else
            snprintf(cp->units[u], sizeof cp->units[u], "%s", UNITS[u]);
    }
    double keep = 0.5 + 0.5 * unit_draw(draw(seed, p, j, 0, 0, 1));   /* 25..50 of 50 */
    cp->level = 0.6 + 0.5 * unit_draw(draw(seed, p, j, 0, 0, 2));
    cp->nind = 0;
    unsigned group = 0, in_group = 0;
    for (unsigned i = 0; i < NIND && cp->nind < MAX_IND; i++) {
        if (IND[i].group) {
            group++;
            in_group = 0;
        }
        int first = IND[i].group != NULL;
        if (!first && unit_draw(draw(seed, p, j, i, 0, 3)) >= keep)
            continue;
        cp->ind[cp->nind] = i;
        snprintf(cp->code[cp->nind], sizeof cp->code[0], "%u.%u", group, ++in_group);
        cp->nind++;
    }
}

/* The text of a target ("Đạt tối thiểu 70%", "20 camera", "Không quá 0 sự cố"). */
static void target_text(const ind_def *d, double scale, char *out, size_t n)
{
    double t = d->target * scale;
    switch (d->kind) {
    case K_PCT:
        snprintf(out, n, "Đạt tối thiểu %.0f%%", t > 100 ? 100 : t);
        break;
    case K_COUNT:
        snprintf(out, n, "%.0f %s", t < 1 ? 1 : t, d->unit);
        break;
    case K_MAX:
        snprintf(out, n, "Không quá %.0f %s", d->target, d->unit);
        break;
    }
}

/* CP's plan document in Markdown, issued on ISSUED (y, m, d). */
static char *plan_text(const commune_plan *cp, int year, int issued_m, int issued_d)
{
    buf b;
    buf_init(&b, (size_t)1 << 20);
    buf_printf(&b, "ỦY BAN NHÂN DÂN XÃ %s\n\nSố: %u/KH-UBND\n\n%s, ngày %02d tháng %d năm %d\n\n",
               cp->commune, 10u + (unsigned)(issued_d % 50), cp->commune, issued_d, issued_m, year);
    buf_printf(&b, "**KẾ HOẠCH**  \n**Chuyển đổi số xã %s năm %d, định hướng đến năm 2030**\n\n", cp->commune, year);
    buf_printf(&b, "*(Dữ liệu tổng hợp do `dti gen country` tạo: xã %s, tỉnh %s và mọi số liệu đều là hư cấu.)*\n\n",
               cp->commune, cp->province);
    buf_printf(&b, "Thực hiện Kế hoạch số 41/KH-UBND ngày 10/01/%d của UBND tỉnh %s về chuyển đổi số tỉnh %s năm "
               "%d, Ủy ban nhân dân xã %s xây dựng Kế hoạch chuyển đổi số năm %d như sau:\n\n",
               year, cp->province, cp->province, year, cp->commune, year);
    buf_printf(&b, "**I. MỤC TIÊU**\n\nPhát triển chính quyền số, kinh tế số, xã hội số trên địa bàn xã.\n\n"
               "*(Chi tiết các chỉ tiêu tại Phụ lục I; các nhiệm vụ tại Phụ lục II.)*\n\n");
    buf_printf(&b, "**II. TỔ CHỨC THỰC HIỆN**\n\n**1. %s**\n\n- Là cơ quan thường trực, theo dõi, đôn đốc, tổng hợp "
               "kết quả thực hiện Kế hoạch; tham mưu UBND xã báo cáo định kỳ hằng tháng (theo tháng dương lịch) gửi "
               "về Sở Khoa học và Công nghệ trước ngày 20 của tháng sau.\n\n", cp->units[0]);
    buf_printf(&b, "**2. Các phòng, ban, đơn vị, các thôn**\n\n- Căn cứ nhiệm vụ được giao, chủ động triển khai; định "
               "kỳ hằng tháng (theo tháng dương lịch), gửi báo cáo kết quả kèm tài liệu kiểm chứng về %s trước ngày "
               "15 của tháng sau.\n\n", cp->units[0]);
    buf_printf(&b, "**TM. ỦY BAN NHÂN DÂN**  \n**CHỦ TỊCH**  \nNguyễn Văn An\n\n## Phụ lục I\n\n"
               "**CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ XÃ %s NĂM %d**  \n\n", cp->commune, year);
    buf_adds(&b, "| STT | Chỉ tiêu | Đơn vị chủ trì | Đơn vị phối hợp | Năm 2026 | Năm 2030 | Thời gian hoàn thành |\n"
                 "|---|---|---|---|---|---|---|\n");
    unsigned group = 0;
    const char *gname = NULL;
    for (unsigned k = 0; k < cp->nind; k++) {
        const ind_def *d = &IND[cp->ind[k]];
        unsigned g = (unsigned)atoi(cp->code[k]);
        for (unsigned i = cp->ind[k] + 1; i-- > 0;)
            if (IND[i].group) {
                gname = IND[i].group;
                break;
            }
        if (g != group) {
            buf_printf(&b, "| **%u** | **%s** | | | | | |\n", g, gname);
            group = g;
        }
        char t26[64], t30[64];
        target_text(d, 1.0, t26, sizeof t26);
        target_text(d, d->kind == K_COUNT ? 2.0 : 1.2, t30, sizeof t30);
        buf_printf(&b, "| %s | %s | %s | %s | %s | %s | Tháng 12/%d |\n", cp->code[k], d->name, cp->units[d->lead],
                   cp->units[d->support], t26, t30, year);
    }
    buf_printf(&b, "\n## Phụ lục II\n\n**DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM %d**\n\n", year);
    buf_adds(&b, "| STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Sản phẩm | Thời gian hoàn thành | Kinh phí |\n"
                 "|---|---|---|---|---|---|---|\n");
    buf_printf(&b, "| 1 | Kiện toàn Tổ công nghệ số cộng đồng ở các thôn. | %s | %s | Quyết định kiện toàn | Quý I/%d "
               "| Ngân sách xã |\n", cp->units[0], cp->units[9], year);
    buf_printf(&b, "| 2 | Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực. | %s | %s | Dữ liệu hồ sơ "
               "đã số hóa | Tháng 12/%d | Ngân sách xã |\n", cp->units[3], cp->units[1], year);
    buf_printf(&b, "| 3 | Tập huấn kỹ năng số cho cán bộ, công chức. | %s | %s | 02 lớp tập huấn | Quý III/%d | "
               "Không |\n", cp->units[0], cp->units[10], year);
    return buf_detach(&b);
}

/* ---- acting ---- */

typedef struct gen_ctx {
    app *a;
    const gen_opts *o;
    gen_result *r;
    auth_user admin;
    auth_user coord;            /* the current province's coordinator */
    int64_t province_org;       /* of the current province; 0 before its first commune */
    unsigned province;
    time_t now;
    int year, months;
} gen_ctx;

static time_t at_vn(int y, int m, int d, int hour)
{
    return (time_t)period_days(y, m, d) * DAY + (time_t)(hour - 7) * 3600;
}

/* The unit's CSV for month M (1..12) of commune CP: every indicator it leads. */
static char *unit_csv(gen_ctx *c, const commune_plan *cp, unsigned pi, unsigned ci, unsigned u, int m,
                      int retry)
{
    buf b;
    buf_init(&b, (size_t)1 << 20);
    buf_adds(&b, "kind,code,numerator,denominator,value,note\n");
    for (unsigned k = 0; k < cp->nind; k++) {
        const ind_def *d = &IND[cp->ind[k]];
        if (d->lead != u)
            continue;
        double x = unit_draw(draw(c->o->seed, pi, ci, cp->ind[k], (uint64_t)m, 10 + (uint64_t)retry));
        double v;
        switch (d->kind) {
        case K_PCT: {
            double goal = d->target * cp->level, start = d->target * 0.5;
            v = start + (goal - start) * m / 12.0 + (x - 0.5) * 6.0;
            v = v < 0 ? 0 : v > 100 ? 100 : v;
            buf_printf(&b, "indicator,%s,,,%.1f,\n", cp->code[k], v);
            break;
        }
        case K_COUNT:
            v = d->target * cp->level * m / 12.0 + (x - 0.5) * d->target * 0.1;
            buf_printf(&b, "indicator,%s,,,%.0f,\n", cp->code[k], v < 0 ? 0 : v);
            break;
        case K_MAX:
            buf_printf(&b, "indicator,%s,,,%d,\n", cp->code[k], x < 0.05 ? 1 : 0);
            break;
        }
    }
    return buf_detach(&b);
}

static dti_rc fill(gen_ctx *c, const commune_plan *cp, unsigned pi, unsigned ci, unsigned u, int m, int retry,
                   const report_key *key, time_t at, dti_err *e)
{
    char *csv = unit_csv(c, cp, pi, ci, u, m, retry);
    report_fill_result fr;
    if (!csv)
        return app_nomem(e);
    dti_rc rc = report_fill_csv_as(c->a->st, &c->admin, key, csv, strlen(csv), at, &fr, e);
    free(csv);
    return rc;
}

/* Play unit U's month M of commune (PI, CI). */
static dti_rc play(gen_ctx *c, const commune_plan *cp, unsigned pi, unsigned ci, unsigned u, int64_t plan_id,
                   int64_t org, int m, dti_err *e)
{
    uint64_t s = c->o->seed;
    double x = unit_draw(draw(s, pi, ci, u, (uint64_t)m, 20));
    int y = c->year, dm = m == 12 ? 1 : m + 1, dy = m == 12 ? y + 1 : y;
    report_key key = {plan_id, org, ""};
    snprintf(key.period, sizeof key.period, "%04d-%02d", y, m);
    c->r->reports++;
    if (x < 0.04) {                             /* never reported */
        c->r->missing++;
        return DTI_OK;
    }
    int days = (int)(draw(s, pi, ci, u, (uint64_t)m, 21) % 20);
    time_t t;
    int late = 0, ret = 0;
    if (x < 0.06) {                             /* a draft left */
        t = at_vn(dy, dm, 1 + days % 14, 9);
        if (t > c->now) {
            c->r->missing++;
            return DTI_OK;
        }
        c->r->drafts++;
        return fill(c, cp, pi, ci, u, m, 0, &key, t, e);
    }
    if (x < 0.18) {                             /* late */
        t = at_vn(dy, dm, 15, 9) + (time_t)(1 + days) * DAY;
        late = 1;
    } else {
        t = at_vn(dy, dm, 15, 9) - (time_t)(days % 11) * DAY;
        ret = x > 0.95;                         /* returned once */
    }
    if (t > c->now) {
        c->r->missing++;
        return DTI_OK;
    }
    dti_rc rc;
    if ((rc = fill(c, cp, pi, ci, u, m, 0, &key, t, e)) ||
        (rc = report_submit_as(c->a->st, &c->admin, &key, t + 600, NULL, e)))
        return rc;
    if (late)
        c->r->late++;
    t += 600;
    if (ret) {
        time_t back = t + 2 * DAY, again = t + 3 * DAY;
        if (back > c->now) {
            c->r->submitted++;
            return DTI_OK;
        }
        c->r->returns++;
        if ((rc = report_return_as(c->a->st, &c->coord, &key,
                                "Số liệu chưa khớp với tài liệu kiểm chứng; đề nghị rà soát và gửi lại.", back, e)))
            return rc;
        if (again > c->now) {
            c->r->returned++;
            return DTI_OK;
        }
        if ((rc = fill(c, cp, pi, ci, u, m, 1, &key, again, e)) ||
            (rc = report_submit_as(c->a->st, &c->admin, &key, again + 600, NULL, e)))
            return rc;
        t = again + 600;
    }
    time_t ok = t + (time_t)(1 + draw(s, pi, ci, u, (uint64_t)m, 22) % 4) * DAY;
    if (ok > c->now) {
        c->r->submitted++;
        return DTI_OK;
    }
    if ((rc = report_approve_as(c->a->st, &c->coord, &key, ok, e)))
        return rc;
    c->r->approved++;
    return DTI_OK;
}

dti_rc gen_import_text(app *a, const char *text, const char *fname, time_t at, plans_import_result *ir, plan **pp,
                       dti_err *e)
{
    doc *d = NULL;
    plan *p = NULL;
    dti_rc rc;
    if (pp)
        *pp = NULL;
    if ((rc = reader_read(text, strlen(text), fname, &d, e)) || (rc = extract_plan(d, &p, NULL, e)))
        goto out;
    /* the import records the time of the context */
    time_t saved = a->now;
    a->now = at;
    rc = plans_import_plan(a, p, fname, text, strlen(text), ir, e);
    a->now = saved;
out:
    if (!rc && pp) {
        *pp = p;
        p = NULL;
    }
    plan_free(p);
    doc_free(d);
    return rc;
}

/* Import commune (PI, CI)'s plan as the admin at its issue time. */
static dti_rc import_commune(gen_ctx *c, commune_plan *cp, int64_t *plan_id, int64_t *commune_org,
                             dti_err *e)
{
    int im = 1, id = 5;
    char *text = plan_text(cp, c->year, im, id), name[160];
    plans_import_result ir;
    dti_rc rc;
    memset(&ir, 0, sizeof ir);
    if (!text)
        return app_nomem(e);
    snprintf(name, sizeof name, "ke-hoach-cds-%s.md", cp->commune);
    if ((rc = gen_import_text(c->a, text, name, at_vn(c->year, im, id, 8), &ir, NULL, e)))
        goto out;
    if (!ir.cal_set) {
        rc = dti_fail(e, DTI_ERR_INTERNAL, name, "kế hoạch tạo ra không có lịch báo cáo",
                      "the generated plan got no reporting calendar");
        goto out;
    }
    *plan_id = ir.plan_id;
    *commune_org = ir.commune_id;
    for (size_t i = 0; i < ir.nmatches; i++)
        for (unsigned u = 0; u < NUNITS; u++)
            if (strcmp(ir.matches[i].name, cp->units[u]) == 0)
                cp->unit_org[u] = ir.matches[i].org_id;
    c->r->indicators += ir.nindicators;
    c->r->units += ir.nunits;
out:
    plans_import_result_release(&ir);
    free(text);
    return rc;
}

static dti_rc province_users(gen_ctx *c, int64_t province_org, const commune_plan *cp, dti_err *e)
{
    char login[32], display[160];
    int64_t id = 0;
    dti_rc rc;
    time_t t = at_vn(c->year, 1, 5, 8);
    snprintf(login, sizeof login, "sokhcn-%02u", c->province + 1);
    snprintf(display, sizeof display, "Sở Khoa học và Công nghệ tỉnh %s", cp->province);
    if ((rc = auth_user_add(c->a->st, &c->admin, login, display, ROLE_COORDINATOR, province_org, c->o->password,
                            t, &id, e)) ||
        (rc = auth_user_get_id(c->a->st, id, &c->coord, e)))
        return rc;
    snprintf(login, sizeof login, "tinh-%02u", c->province + 1);
    snprintf(display, sizeof display, "UBND tỉnh %s", cp->province);
    return auth_user_add(c->a->st, &c->admin, login, display, ROLE_VIEWER, province_org, c->o->password, t, NULL,
                         e);
}

static dti_rc one_commune(gen_ctx *c, unsigned pi, unsigned ci, dti_err *e)
{
    commune_plan cp;
    memset(&cp, 0, sizeof cp);
    int64_t plan_id = 0, commune_org = 0;
    dti_rc rc;
    choose(c->o->seed, pi, ci, &cp);
    if ((rc = import_commune(c, &cp, &plan_id, &commune_org, e)))
        return rc;
    if (!c->r->first_plan_id)
        c->r->first_plan_id = plan_id;
    if (!c->province_org) {
        store_org o;
        memset(&o, 0, sizeof o);
        if ((rc = store_org_get(c->a->st, commune_org, &o, e)))
            return rc;
        c->province_org = o.parent_id;
        store_org_release(&o);
        if (!c->province_org)
            return dti_fail(e, DTI_ERR_INTERNAL, cp.commune, "xã %s không thuộc tỉnh nào",
                            "commune %s is under no province", cp.commune);
        if ((rc = province_users(c, c->province_org, &cp, e)))
            return rc;
    }
    for (unsigned u = 0; u < LEAD_UNITS; u++) {
        int leads = 0;
        for (unsigned k = 0; k < cp.nind && !leads; k++)
            leads = IND[cp.ind[k]].lead == u;
        if (!leads)
            continue;
        int64_t org = cp.unit_org[u];
        if (!org)
            return dti_fail(e, DTI_ERR_INTERNAL, cp.units[u], "đơn vị %s không được nhận khi nhập kế hoạch",
                            "unit %s was not linked by the import", cp.units[u]);
        for (int m = 1; m <= c->months; m++)
            if ((rc = play(c, &cp, pi, ci, u, plan_id, org, m, e)))
                return rc;
    }
    return DTI_OK;
}

/* The country of O made in A's store (empty: checked by the caller). */
static dti_rc generate(app *a, const gen_opts *o, gen_result *r, dti_err *e)
{
    gen_ctx c;
    dti_rc rc;
    gen_opts opt = *o;
    memset(&c, 0, sizeof c);
    c.a = a;
    c.o = &opt;
    c.r = r;
    c.now = a->now;
    if (opt.year) {
        c.year = opt.year;
    } else {
        period_ymd t = period_ymd_of(period_today_vn(a->now));
        c.year = t.m == 1 ? t.y - 1 : t.y;
    }
    /* the months whose units' deadline (the 15th of the month after) has passed */
    c.months = 0;
    for (int m = 1; m <= opt.months; m++)
        if (at_vn(m == 12 ? c.year + 1 : c.year, m == 12 ? 1 : m + 1, 15, 23) < c.now)
            c.months = m;
    if (c.months == 0)
        return dti_fail(e, DTI_ERR_INPUT, "--year", "chưa có tháng nào của năm %d đến hạn báo cáo",
                        "no month of %d is due yet", c.year);
    r->year = c.year;
    r->months = c.months;
    int64_t admin_id = 0;
    if ((rc = store_begin(a->st, e)))
        return rc;
    if ((rc = auth_user_add(a->st, NULL, "admin", "Quản trị hệ thống", ROLE_ADMIN, 0, opt.password,
                            at_vn(c.year, 1, 2, 8), &admin_id, e)) ||
        (rc = store_commit(a->st, e))) {
        store_rollback(a->st);
        return rc;
    }
    if ((rc = auth_user_get_id(a->st, admin_id, &c.admin, e)))
        return rc;
    a->user_id = admin_id;
    a->account = NULL;
    unsigned done = 0;
    for (unsigned pi = 0; pi < opt.provinces; pi++) {
        /* communes spread as evenly as they go: the first ones get one more */
        unsigned n = opt.communes / opt.provinces + (pi < opt.communes % opt.provinces);
        c.province = pi;
        c.province_org = 0;
        for (unsigned ci = 0; ci < n; ci++) {
            if ((rc = store_begin(a->st, e)))
                return rc;
            if ((rc = one_commune(&c, pi, ci, e))) {
                store_rollback(a->st);
                char name[64];
                commune_name(pi, ci, name, sizeof name);
                dti_err inner = *e;
                return dti_fail(e, rc, "gen", "xã %s (tỉnh thứ %u): %s", "commune %s (province %u): %s", name,
                                pi + 1, inner.msg);
            }
            if ((rc = store_commit(a->st, e)))
                return rc;
            r->communes++;
            ++done;
            if (opt.progress)
                opt.progress(opt.progress_ctx, done, opt.communes);
        }
        r->provinces++;
        if (opt.province_done)
            opt.province_done(opt.progress_ctx, pi + 1, opt.provinces, done, opt.communes);
    }
    return DTI_OK;
}

/* ---- PostgreSQL: made in a staging file, loaded at once (gen.h) ---- */

#define STAGING_SUFFIX ".gen-staging.db"

/* Copy the file FROM to TO (created, mode 0600, fsynced; EXCL: TO must not
 * exist) or append it to TO (APPEND, created 0600 when missing). */
static dti_rc file_put(const char *from, const char *to, int append, dti_err *e)
{
    char b[65536];
    int in = open(from, O_RDONLY | O_CLOEXEC), out = -1;
    dti_rc rc = DTI_OK;
    if (in < 0)
        return dti_fail(e, DTI_ERR_IO, from, "%s: không đọc được (%s)", "%s: cannot read (%s)", from,
                        strerror(errno));
    out = open(to, O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_EXCL), 0600);
    if (out < 0) {
        rc = dti_fail(e, DTI_ERR_IO, to, "%s: không ghi được (%s)", "%s: cannot write (%s)", to, strerror(errno));
        goto out;
    }
    for (;;) {
        ssize_t n = read(in, b, sizeof b);
        if (n == 0)
            break;
        if (n < 0 || write(out, b, (size_t)n) != n) {
            rc = dti_fail(e, DTI_ERR_IO, to, "%s: không chép được (%s)", "%s: cannot copy (%s)", to,
                          strerror(errno));
            goto out;
        }
    }
    if (fsync(out) != 0)
        rc = dti_fail(e, DTI_ERR_IO, to, "%s: không ghi được xuống đĩa (%s)", "%s: cannot sync (%s)", to,
                      strerror(errno));
out:
    if (out >= 0)
        close(out);
    close(in);
    return rc;
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Remove the staging file STAGE and the files beside it. */
static void stage_remove(const char *stage)
{
    static const char *const ext[] = {"", "-wal", "-shm", "-journal", ".audit-key", ".audit-anchor"};
    char p[PATH_MAX + 32];
    for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
        snprintf(p, sizeof p, "%s%s", stage, ext[i]);
        unlink(p);
    }
}

typedef struct load_ctx {
    const gen_opts *o;
} load_ctx;

static void table_loaded(void *ctx, const char *table, int64_t rows, size_t done, size_t total)
{
    const gen_opts *o = ((load_ctx *)ctx)->o;
    if (o->load_progress)
        o->load_progress(o->progress_ctx, table, rows, done, total);
}

static dti_rc staged(app *a, const gen_opts *o, gen_result *r, dti_err *e)
{
    const char *side = store_side_path(a->st);
    const char *env_key = getenv("DTI_AUDIT_KEY");
    int own_key = !(env_key && *env_key);   /* the key file is the one beside the database */
    char stage[PATH_MAX], skey[PATH_MAX + 32], sanchor[PATH_MAX + 32], dkey[PATH_MAX + 32],
        danchor[PATH_MAX + 32];
    store *st = NULL, *fresh = NULL;
    dti_rc rc;
    if (!side || strlen(side) + sizeof STAGING_SUFFIX >= sizeof stage)
        return dti_fail(e, DTI_ERR_INTERNAL, "db", "không có chỗ cho tệp tạm", "no place for the staging file");
    snprintf(stage, sizeof stage, "%s%s", side, STAGING_SUFFIX);
    snprintf(skey, sizeof skey, "%s.audit-key", stage);
    snprintf(sanchor, sizeof sanchor, "%s.audit-anchor", stage);
    snprintf(dkey, sizeof dkey, "%s.audit-key", side);
    snprintf(danchor, sizeof danchor, "%s.audit-anchor", side);
    stage_remove(stage);        /* a stale one, of an interrupted run */
    if (own_key && exists(dkey) && (rc = file_put(dkey, skey, 0, e)))
        goto out;
    /* FRESH: a newly migrated store, the yardstick of "empty" (store_bulk.h) */
    if ((rc = store_open(":memory:", &fresh, e)) || (rc = store_bulk_pristine(a->st, fresh, e)) ||
        (rc = store_open(stage, &st, e)))
        goto out;
    app b = *a;
    b.st = st;
    if ((rc = generate(&b, o, r, e)))
        goto out;
    /* the chain's key is the database's before any keyed row reaches it */
    if (own_key && !exists(dkey) && exists(skey) && (rc = file_put(skey, dkey, 0, e)))
        goto out;
    if (o->load_progress)
        o->load_progress(o->progress_ctx, NULL, 0, 0, 0);
    load_ctx lc = {o};
    if ((rc = store_bulk_copy(st, a->st, fresh, table_loaded, &lc, &r->rows_loaded, e)))
        goto out;
    r->staged = 1;
    if (exists(sanchor))
        rc = file_put(sanchor, danchor, 1, e);
out:
    store_close(st);
    store_close(fresh);
    stage_remove(stage);
    return rc;
}

dti_rc gen_country(app *a, const gen_opts *o, gen_result *r, dti_err *e)
{
    dti_rc rc;
    int empty = 0;
    memset(r, 0, sizeof *r);
    gen_opts opt = *o;
    if (!opt.password)
        opt.password = GEN_PASSWORD;
    if (opt.provinces < 1 || opt.provinces > 99)
        return dti_fail(e, DTI_ERR_INPUT, "--provinces", "số tỉnh phải từ 1 đến 99", "provinces must be 1..99");
    if (opt.communes < opt.provinces || opt.communes > 20000)
        return dti_fail(e, DTI_ERR_INPUT, "--communes", "số xã phải từ số tỉnh đến 20.000",
                        "communes must be between the number of provinces and 20,000");
    if (opt.months < 1 || opt.months > 12)
        return dti_fail(e, DTI_ERR_INPUT, "--months", "số tháng phải từ 1 đến 12", "months must be 1..12");
    if ((rc = demo_store_empty(a, &empty, e)))
        return rc;
    if (!empty)
        return dti_fail(e, DTI_ERR_CONFLICT, "db", "cơ sở dữ liệu đã có người dùng hoặc kế hoạch; chỉ tạo dữ liệu "
                        "tổng hợp trên cơ sở dữ liệu trống. Không có gì bị thay đổi.",
                        "the database already holds users or plans; the synthetic data are made only in an "
                        "empty one. Nothing was changed.");
    if (store_is_pg(a->st) && !opt.direct)
        return staged(a, &opt, r, e);
    return generate(a, &opt, r, e);
}
