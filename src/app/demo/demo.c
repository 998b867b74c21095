/* demo.c — `dti demo`: a fictional commune with a plan, users, three
 * months of reports that tell a story and, before them, the months since
 * the plan was issued, reported and approved (demo.h says which).
 *
 * The data are tables: who logs in (USERS), what each reporting unit writes
 * month by month and how its reports go (UNITS: on time, late, returned and
 * corrected, waiting for review, returned, left in draft; for the history,
 * how much each value rose a month and in which months the unit was late),
 * and the evidence files (EVIDENCE). From them demo_create() builds a list
 * of events — fill,
 * submit, return, correct, approve — each at its instant in the month after
 * the period, sorts them by time and plays them through report.h as the
 * unit's reporter or the coordinator, so that the audit log reads as the
 * months went. Nothing here writes SQL: every write goes through a use case
 * that checks permissions, validates and audits it. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app_util.h"
#include "app/demo/demo.h"
#include "app/plan/plans.h"
#include "store/store_plan.h"
#include "base/buf.h"
#include "base/embed.h"
#include "base/lang.h"
#include "core/period.h"
#include "import/extract.h"
#include "import/reader.h"

#define DEMO_VALUES_MAX 8
#define DEMO_TASKS_MAX 4
#define DEMO_CSV_MAX ((size_t)64 << 10)
#define VN_OFFSET (7 * 3600)

/* ---- who logs in ------------------------------------------------------ */

/* The commune and province names are those of the sample plan. */
#define COMMUNE "Hòa Bình"
#define PROVINCE "Bình Nguyên"

static const demo_user USERS[] = {
    {"admin", ROLE_ADMIN, "", "Quản trị hệ thống"},
    {"dieuphoi", ROLE_COORDINATOR, COMMUNE, "Phòng Văn hóa - Xã hội (điều phối)"},
    {"vhxh", ROLE_REPORTER, "Phòng Văn hóa - Xã hội", "Cán bộ Phòng Văn hóa - Xã hội"},
    {"vanphong", ROLE_REPORTER, "Văn phòng HĐND và UBND xã", "Văn phòng HĐND và UBND xã"},
    {"congan", ROLE_REPORTER, "Công an xã", "Công an xã Hòa Bình"},
    {"hcc", ROLE_REPORTER, "Trung tâm phục vụ hành chính công", "Trung tâm phục vụ hành chính công"},
    {"kinhte", ROLE_REPORTER, "Phòng Kinh tế xã", "Phòng Kinh tế xã"},
    {"yte", ROLE_REPORTER, "Trạm Y tế xã", "Trạm Y tế xã Hòa Bình"},
    {"tocnscd", ROLE_REPORTER, "Tổ công nghệ số cộng đồng", "Tổ công nghệ số cộng đồng"},
    {"chutich", ROLE_VIEWER, COMMUNE, "Nguyễn Văn An, Chủ tịch UBND xã"},
    {"tinh", ROLE_VIEWER, PROVINCE, "Sở Khoa học và Công nghệ tỉnh Bình Nguyên"},
};
#define NUSERS (sizeof USERS / sizeof USERS[0])
#define U_ADMIN 0
#define U_COORD 1

const demo_user *demo_users(size_t *n)
{
    *n = NUSERS;
    return USERS;
}

/* ---- what the units report ------------------------------------------------ */

/* How one month's report goes. */
typedef enum {
    GO_ON_TIME = 0,     /* submitted before the 15th, approved */
    GO_LATE,            /* submitted after the 15th, approved */
    GO_FIXED,           /* submitted on time, returned with a reason, corrected, approved */
    GO_WAITING,         /* submitted, not reviewed yet */
    GO_RETURNED,        /* submitted, returned, not corrected yet */
    GO_DRAFT            /* filled, never submitted */
} demo_story;

/* A story month's figures are given; a history month K months before the
 * first story month has num[0] - K × step (never below 0, nor above the
 * denominator) over den[0] - K × dstep (never below half of den[0]). */
typedef struct demo_value {
    const char *code;
    double num[DEMO_MONTHS];    /* the value, or the numerator when den[m] > 0 */
    double den[DEMO_MONTHS];
    const char *note;           /* first story month's note, or NULL */
    double step, dstep;         /* the rise a month before the story months */
} demo_value;

/* A history month K months back has percent[0] - K × step (not below 0):
 * "hoàn thành" at 100, "chưa triển khai" at 0, "đang triển khai" between. */
typedef struct demo_task {
    const char *code;
    const char *status[DEMO_MONTHS];
    int percent[DEMO_MONTHS];
    const char *products;
    int step;
} demo_task;

typedef struct demo_unit {
    size_t user;                /* index in USERS: the reporter */
    const char *late;           /* history: month I after the issue month is late when
                                   late[I % strlen(late)] is 'L' (NULL: never) */
    demo_story go[DEMO_MONTHS];
    demo_value values[DEMO_VALUES_MAX];
    demo_task tasks[DEMO_TASKS_MAX];
    const char *results;        /* the "results" text, after "Tháng 08/2026: " */
    const char *difficulties;   /* or NULL */
    const char *reason;         /* the coordinator's reason when it returns a report */
} demo_unit;

#define ING "đang triển khai"
#define DONE "hoàn thành"

/* 2026 targets (samples/hoa-binh-2026.md) and what the values say:
 * 1.1 >=70% by 12/2026 rises 2 points a month: at risk; 2.2 >=50% at
 * risk; 5.1 >=60% at risk; 5.2 1/1000 at risk; 6.2 >=80% at risk; 3.1
 * 100% by 06/2026, 3.2 100% by 09/2026 and 5.3 100% by Q3 missed; the
 * others met or on track. The history steps continue each value's slope
 * in the story months backward (1.1: 48% in March 2026), so the forecast
 * of a whole year's figures says the same. Late in the history, with five
 * months (March to July 2026): VH-XH May; Công an March; Kinh tế May; Y tế
 * April and July; Tổ CNSCĐ June — on 23/11/2026 the on-time rates over
 * March..October are VP, TTPVHCC 8/8; CA 7/8; VH-XH, TYT 6/8; Tổ 5/8; KT
 * 4/8. */
static const demo_unit UNITS[] = {
    {2, "..L..", {GO_ON_TIME, GO_LATE, GO_ON_TIME},
     {{"1.1", {58, 60, 62}, {0, 0, 0}, "Theo số liệu của các doanh nghiệp viễn thông", 2, 0},
      {"1.2", {1968, 2016, 2064}, {2400, 2400, 2400}, NULL, 48, 0},
      {"2.1", {42, 44, 46}, {50, 50, 50}, NULL, 1, 0},
      {"2.3", {3, 3, 3}, {0, 0, 0}, NULL, 0, 0},
      {"4.5", {7, 8, 8}, {0, 0, 0}, "Đã khai thác: một cửa điện tử, văn bản điều hành, thư điện tử công vụ…", 1, 0},
      {"7.1", {0.61, 0.64, 0.66}, {0, 0, 0}, "Tự đánh giá theo bộ chỉ số của tỉnh", 0.03, 0}},
     {{"1", {DONE, DONE, DONE}, {100, 100, 100}, "Kế hoạch số 17/KH-UBND", 0},
      {"2", {DONE, DONE, DONE}, {100, 100, 100}, "Quyết định kiện toàn; Danh sách thành viên", 0},
      {"6", {ING, ING, DONE}, {30, 60, 100}, "02 lớp tập huấn", 30},
      {"10", {ING, ING, ING}, {60, 70, 80}, "Báo cáo quý", 10}},
     "tổng hợp báo cáo của các đơn vị; 3 thôn duy trì Tổ công nghệ số cộng đồng.",
     "Vùng phủ sóng 5G ở Thôn Bến còn hạn chế.", NULL},
    {3, NULL, {GO_ON_TIME, GO_ON_TIME, GO_WAITING},
     {{"1.3", {14, 14, 14}, {14, 14, 14}, NULL, 0, 0},
      {"3.1", {2, 2, 2}, {3, 3, 3}, "Hệ thống một cửa điện tử chưa được phê duyệt cấp độ", 0, 0},
      {"3.2", {22, 24, 25}, {25, 25, 25}, NULL, 1, 0},
      {"4.3", {97.5, 98.2, 98.8}, {0, 0, 0}, NULL, 0.5, 0},
      {"4.4", {9, 10, 11}, {20, 20, 20}, NULL, 1, 0}},
     {{"3", {DONE, DONE, DONE}, {100, 100, 100}, "Hệ thống mạng LAN; Tường lửa", 20},
      {"4", {ING, DONE, DONE}, {80, 100, 100}, "Hợp đồng dịch vụ; Báo cáo giám sát", 15}},
     "văn bản đi, đến được xử lý trên môi trường điện tử; họp không giấy.", NULL, NULL},
    {4, "L.....", {GO_FIXED, GO_ON_TIME, GO_ON_TIME},
     {{"3.3", {1, 0, 0}, {0, 0, 0}, "01 sự cố mã độc tại bộ phận một cửa, đã xử lý", 1, 0},
      {"6.1", {7644, 8134, 8526}, {9800, 9800, 9800}, NULL, 490, 0}},
     {{"8", {ING, ING, ING}, {70, 80, 90}, "Báo cáo kết quả", 5}},
     "tuyên truyền, hỗ trợ kích hoạt tài khoản định danh điện tử mức 2 tại các thôn.", NULL,
     "Thiếu tài liệu kiểm chứng chỉ tiêu 6.1: đề nghị gửi danh sách tài khoản định danh điện tử mức 2 đã kích hoạt."},
    {5, NULL, {GO_ON_TIME, GO_ON_TIME, GO_ON_TIME},
     {{"4.1", {295, 329, 357}, {410, 436, 452}, "Hồ sơ tiếp nhận trong tháng", 19, 12},
      {"4.2", {360, 402, 430}, {410, 436, 452}, NULL, 20, 12}},
     {{"5", {ING, ING, ING}, {60, 70, 80}, "Dữ liệu hồ sơ đã số hóa", 10}},
     "tiếp nhận và giải quyết hồ sơ thủ tục hành chính trực tuyến.", NULL, NULL},
    {6, ".L", {GO_LATE, GO_ON_TIME, GO_LATE},
     {{"5.1", {12, 13, 14}, {40, 40, 40}, NULL, 1, 0},
      {"5.2", {0.4, 0.4, 0.5}, {0, 0, 0}, NULL, 0, 0},
      {"5.3", {6, 7, 8}, {10, 10, 10}, "Sản phẩm OCOP đã có gian hàng trên sàn", 1, 0},
      {"5.4", {0.6, 0.7, 0.8}, {0, 0, 0}, "Ước tính", 0.05, 0}},
     {{"7", {ING, ING, "quá hạn"}, {60, 80, 90}, "Gian hàng trên sàn thương mại điện tử", 10}},
     "hỗ trợ hộ sản xuất, hợp tác xã đưa sản phẩm lên sàn thương mại điện tử.",
     "Nhiều doanh nghiệp nhỏ chưa quen sử dụng hợp đồng điện tử.", NULL},
    {7, ".L..L.", {GO_ON_TIME, GO_ON_TIME, GO_RETURNED},
     {{"6.2", {6240, 6720, 6480}, {12000, 12000, 12000}, NULL, 480, 0},
      {"6.3", {62, 66, 69}, {0, 0, 0}, NULL, 3, 0}},
     {{"9", {ING, ING, ING}, {50, 60, 65}, "Hồ sơ sức khỏe điện tử", 8}},
     "lập hồ sơ sức khỏe điện tử, thu phí không dùng tiền mặt.", NULL,
     "Tỷ lệ hồ sơ sức khỏe điện tử thấp hơn tháng trước: đề nghị kiểm tra lại số liệu và gửi kèm trích xuất từ phần mềm."},
    {8, "...L", {GO_ON_TIME, GO_LATE, GO_DRAFT},
     {{"2.2", {1976, 2080, 2184}, {5200, 5200, 5200}, "Người trong độ tuổi lao động", 104, 0}},
     {{NULL, {NULL}, {0}, NULL, 0}},
     "phổ cập kỹ năng số cơ bản cho người dân tại 3 thôn.", NULL, NULL},
};
#define NUNITS (sizeof UNITS / sizeof UNITS[0])

/* Evidence: a file per row, attached when the report is filled (or, with
 * after_return, when it is corrected), named NAME-PERIOD.pdf or .png. */
typedef struct demo_evidence {
    size_t unit;            /* index in UNITS */
    int month;              /* 0 .. DEMO_MONTHS-1 */
    char kind;              /* 'i' indicator, 't' task, 0 the whole report */
    const char *item;
    const char *name;       /* stem */
    int png;                /* 1 PNG, 0 PDF */
    const char *title;      /* ASCII, for the PDF */
    int after_return;
} demo_evidence;

static const demo_evidence EVIDENCE[] = {
    {3, 0, 'i', "4.1", "bao-cao-dvc-truc-tuyen", 0, "Bao cao ho so truc tuyen toan trinh", 0},
    {3, 1, 'i', "4.1", "bao-cao-dvc-truc-tuyen", 0, "Bao cao ho so truc tuyen toan trinh", 0},
    {3, 2, 'i', "4.1", "bao-cao-dvc-truc-tuyen", 0, "Bao cao ho so truc tuyen toan trinh", 0},
    {2, 0, 't', "8", "anh-tuyen-truyen-vneid", 1, NULL, 0},
    {2, 0, 'i', "6.1", "danh-sach-dinh-danh-muc-2", 0, "Danh sach tai khoan dinh danh dien tu muc 2", 1},
    {0, 1, 'i', "1.1", "ban-do-phu-song-5g", 1, NULL, 0},
    {0, 2, 't', "6", "danh-sach-hoc-vien-tap-huan", 0, "Danh sach hoc vien tap huan ky nang so", 0},
    {1, 0, 'i', "3.1", "quyet-dinh-cap-do-attt", 0, "Ho so de xuat cap do an toan thong tin", 0},
    {4, 2, 'i', "5.1", "hop-dong-dien-tu", 0, "Thong ke doanh nghiep dung hop dong dien tu", 0},
    {5, 2, 'i', "6.2", "trich-xuat-so-suc-khoe", 1, NULL, 0},
    {6, 0, 'i', "2.2", "danh-sach-pho-cap-ky-nang-so", 0, "Danh sach nguoi dan duoc pho cap ky nang so", 0},
};
#define NEVIDENCE (sizeof EVIDENCE / sizeof EVIDENCE[0])
#define EVIDENCE_PER_REPORT_MAX 8
#define EVENTS_PER_REPORT 7

/* ---- months and instants ---------------------------------------------------- */

void demo_months(time_t now, char out[DEMO_MONTHS][REPORT_PERIOD_MAX])
{
    period_ymd t = period_ymd_of(period_today_vn(now));
    period last = {PERIOD_MONTH, t.y, t.m}, first, floor;
    last = period_prev(last);                   /* the month before this one ... */
    if (t.d <= 20)
        last = period_prev(last);               /* ... once its commune deadline has passed */
    period_parse(DEMO_FIRST_MONTH, &floor);
    first = last;
    for (int i = 1; i < DEMO_MONTHS; i++)
        first = period_prev(first);
    if (period_cmp(&first, &floor) < 0)
        first = floor;
    period top = {PERIOD_MONTH, DEMO_LAST_YEAR, 12 - DEMO_MONTHS + 1};
    if (period_cmp(&first, &top) > 0)
        first = top;
    for (int i = 0; i < DEMO_MONTHS; i++, first = period_next(first)) {
        char code[PERIOD_CODE_LEN];
        snprintf(out[i], REPORT_PERIOD_MAX, "%s", period_format(&first, code));
    }
}

int demo_history(time_t now, const char *issued, char first[REPORT_PERIOD_MAX])
{
    char story[DEMO_MONTHS][REPORT_PERIOD_MAX], code[PERIOD_CODE_LEN];
    int32_t day;
    period p, end;
    int n = 0;
    if (first)
        first[0] = '\0';
    if (!issued || period_date_parse(issued, &day) != 0 || period_today_vn(now) < day)
        return 0;
    demo_months(now, story);
    period_parse(story[0], &end);
    p = period_of(PERIOD_MONTH, day);
    for (period q = p; period_cmp(&q, &end) < 0 && n < DEMO_HISTORY_MAX; q = period_next(q))
        n++;
    if (n && first)
        snprintf(first, REPORT_PERIOD_MAX, "%.*s", (int)REPORT_PERIOD_MAX - 1, period_format(&p, code));
    return n;
}

/* Day DAY of the month after period P, at HH:MM Vietnamese time. */
static time_t after(const period *p, int day, int hh, int mm)
{
    period n = period_next(*p);
    int32_t d = period_days(n.year, n.index, day);
    return (time_t)d * 86400 + hh * 3600 + mm * 60 - VN_OFFSET;
}

/* ---- events ------------------------------------------------------------------- */

/* EV_ATTACH attaches the files of a fill, EV_FIX those of a correction. */
typedef enum { EV_FILL = 0, EV_ATTACH, EV_SUBMIT, EV_RETURN, EV_FIX, EV_APPROVE } ev_kind;

typedef struct demo_event {
    time_t at;
    size_t seq;         /* order of creation: ties keep it */
    size_t unit;
    int month;          /* index in the reported months: the history, then the story */
    ev_kind kind;
} demo_event;

static int ev_cmp(const void *a, const void *b)
{
    const demo_event *x = a, *y = b;
    if (x->at != y->at)
        return x->at < y->at ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void ev_add(demo_event *v, size_t *n, time_t at, size_t unit, int month, ev_kind k)
{
    v[*n] = (demo_event){at, *n, unit, month, k};
    (*n)++;
}

/* How unit U's report of reported month M goes: the story's, or in the
 * NHIST months of history on time or late by its pattern. */
static demo_story story_of(size_t u, int m, int nhist)
{
    const char *late = UNITS[u].late;
    if (m >= nhist)
        return UNITS[u].go[m - nhist];
    return late && late[(size_t)m % strlen(late)] == 'L' ? GO_LATE : GO_ON_TIME;
}

/* The events of every unit's every month (at most EVENTS_PER_REPORT each), by time. */
static size_t plan_events(const period *months, int nmonths, int nhist, demo_event *v)
{
    size_t n = 0;
    for (size_t u = 0; u < NUNITS; u++)
        for (int m = 0; m < nmonths; m++) {
            const period *p = &months[m];
            int d = 6 + (int)u;             /* units spread over the days before the 15th */
            size_t first = n;
            switch (story_of(u, m, nhist)) {
            case GO_ON_TIME:
                ev_add(v, &n, after(p, d, 9, 0), u, m, EV_FILL);
                ev_add(v, &n, after(p, d, 15, 0), u, m, EV_SUBMIT);
                ev_add(v, &n, after(p, d + 2, 8, 30), u, m, EV_APPROVE);
                break;
            case GO_LATE:
                ev_add(v, &n, after(p, 17 + (int)u % 3, 9, 0), u, m, EV_FILL);
                ev_add(v, &n, after(p, 17 + (int)u % 3, 15, 0), u, m, EV_SUBMIT);
                ev_add(v, &n, after(p, 20, 8, 30), u, m, EV_APPROVE);
                break;
            case GO_FIXED:
                ev_add(v, &n, after(p, 12, 9, 0), u, m, EV_FILL);
                ev_add(v, &n, after(p, 12, 15, 0), u, m, EV_SUBMIT);
                ev_add(v, &n, after(p, 13, 9, 0), u, m, EV_RETURN);
                ev_add(v, &n, after(p, 14, 10, 0), u, m, EV_FIX);
                ev_add(v, &n, after(p, 14, 10, 10), u, m, EV_SUBMIT);
                ev_add(v, &n, after(p, 15, 9, 0), u, m, EV_APPROVE);
                break;
            case GO_WAITING:
                ev_add(v, &n, after(p, 12, 9, 0), u, m, EV_FILL);
                ev_add(v, &n, after(p, 12, 15, 0), u, m, EV_SUBMIT);
                break;
            case GO_RETURNED:
                ev_add(v, &n, after(p, 11, 9, 0), u, m, EV_FILL);
                ev_add(v, &n, after(p, 11, 15, 0), u, m, EV_SUBMIT);
                ev_add(v, &n, after(p, 13, 10, 0), u, m, EV_RETURN);
                break;
            case GO_DRAFT:
                ev_add(v, &n, after(p, 14, 9, 0), u, m, EV_FILL);
                break;
            }
            /* the files follow the fill by ten minutes (the history has none) */
            if (m >= nhist)
                ev_add(v, &n, v[first].at + 600, u, m, EV_ATTACH);
        }
    qsort(v, n, sizeof *v, ev_cmp);
    return n;
}

/* ---- the demo ----------------------------------------------------------------- */

#define MONTHS_MAX (DEMO_HISTORY_MAX + DEMO_MONTHS)

typedef struct demo_ctx {
    app *a;
    auth_user users[NUSERS];
    int64_t orgs[NUSERS];
    int64_t plan_id;
    int nmonths, nhist;                 /* the reported months: nhist of history, then the story's */
    period months[MONTHS_MAX];
    char codes[MONTHS_MAX][REPORT_PERIOD_MAX];
    int64_t evidence[NUNITS][DEMO_MONTHS][EVIDENCE_PER_REPORT_MAX];     /* by story month */
    size_t nevidence[NUNITS][DEMO_MONTHS];
    size_t attached;
} demo_ctx;

dti_rc demo_store_empty(app *a, int *empty, dti_err *e)
{
    int64_t users = 0;
    store_plan_row *plans = NULL;
    size_t nplans = 0;
    *empty = 0;
    dti_rc rc = auth_user_count(a->st, &users, e);
    if (!rc && users == 0)
        rc = store_plan_list(a->st, &plans, &nplans, e);
    store_plan_rows_free(plans, nplans);
    if (!rc)
        *empty = users == 0 && nplans == 0;
    return rc;
}

static void month_vn(const char *code, char out[8])
{
    /* "2026-08" → "08/2026" */
    snprintf(out, 8, "%.2s/%.4s", code + 5, code);
}

/* V as the Vietnamese write it (decimal comma, base/num.h): "0,61" */
static void csv_num(buf *b, double v)
{
    char t[32];
    snprintf(t, sizeof t, "%.10g", v);
    for (char *p = t; *p; p++)
        if (*p == '.')
            *p = ',';
    buf_adds(b, t);
}

/* V's figures in story month S, or BACK (> 0) months before the first
 * story month (demo_value's rule). */
static void value_at(const demo_value *v, int s, int back, double *num, double *den)
{
    if (back <= 0) {
        *num = v->num[s];
        *den = v->den[s];
        return;
    }
    double d = 0, x = v->num[0] - v->step * back;
    if (v->den[0] > 0) {
        d = v->den[0] - v->dstep * back;
        if (d < ceil(v->den[0] / 2))
            d = ceil(v->den[0] / 2);
    }
    if (x < 0)
        x = 0;
    if (d > 0 && x > d)
        x = d;
    *num = round(x * 1e6) / 1e6;        /* 0.61 - 5 × 0.03 reads 0.46 */
    *den = d;
}

/* T's status and percent in story month S, or BACK months before (demo_task's rule). */
static const char *task_at(const demo_task *t, int s, int back, int *percent)
{
    if (back <= 0) {
        *percent = t->percent[s];
        return t->status[s];
    }
    int p = t->percent[0] - t->step * back;
    *percent = p < 0 ? 0 : p;
    return *percent >= 100 ? DONE : *percent == 0 ? "chưa triển khai" : ING;
}

/* The CSV (tab-separated) of unit UN's report for story month S, or BACK
 * (> 0) months before the first story month; CODE is the month's code. */
static char *unit_csv(const demo_unit *un, int s, int back, const char *code)
{
    buf b;
    char mv[8];
    buf_init(&b, DEMO_CSV_MAX);
    buf_adds(&b, "kind\tcode\tnumerator\tdenominator\tvalue\tnote\tstatus\tpercent\tproducts\n");
    for (size_t i = 0; i < DEMO_VALUES_MAX && un->values[i].code; i++) {
        const demo_value *v = &un->values[i];
        double num, den;
        value_at(v, s, back, &num, &den);
        buf_printf(&b, "indicator\t%s\t", v->code);
        if (den > 0) {
            csv_num(&b, num);
            buf_addc(&b, '\t');
            csv_num(&b, den);
            buf_adds(&b, "\t\t");
        } else {
            buf_adds(&b, "\t\t");
            csv_num(&b, num);
            buf_addc(&b, '\t');
        }
        buf_printf(&b, "%s\t\t\t\n", back == 0 && s == 0 && v->note ? v->note : "");
    }
    for (size_t i = 0; i < DEMO_TASKS_MAX && un->tasks[i].code; i++) {
        const demo_task *t = &un->tasks[i];
        int percent;
        const char *status = task_at(t, s, back, &percent);
        buf_printf(&b, "task\t%s\t\t\t\t\t%s\t%d\t%s\n", t->code, status, percent, t->products ? t->products : "");
    }
    month_vn(code, mv);
    buf_printf(&b, "results\t\t\t\t\tTháng %s: %s\t\t\t\n", mv, un->results);
    if (un->difficulties)
        buf_printf(&b, "difficulties\t\t\t\t\t%s\t\t\t\n", un->difficulties);
    if (buf_failed(&b)) {
        buf_release(&b);
        return NULL;
    }
    return buf_detach(&b);
}

/* Attach unit U's files of reported month M (a story month: S = M - nhist). */
static dti_rc attach(demo_ctx *c, size_t u, int m, int after_return, time_t at, dti_err *e)
{
    const demo_unit *un = &UNITS[u];
    int s = m - c->nhist;
    report_key key = {c->plan_id, c->orgs[un->user], ""};
    snprintf(key.period, sizeof key.period, "%s", c->codes[m]);
    for (size_t i = 0; s >= 0 && i < NEVIDENCE; i++) {
        const demo_evidence *ev = &EVIDENCE[i];
        if (ev->unit != u || ev->month != s || ev->after_return != after_return)
            continue;
        if (c->nevidence[u][s] >= EVIDENCE_PER_REPORT_MAX)
            return dti_fail(e, DTI_ERR_INTERNAL, "evidence", "quá nhiều tệp mẫu", "too many demo files");
        char name[REPORT_EVIDENCE_NAME_MAX + 1], line[160], mv[8];
        char *data = NULL;
        size_t n = 0;
        snprintf(name, sizeof name, "%s-%s.%s", ev->name, c->codes[m], ev->png ? "png" : "pdf");
        month_vn(c->codes[m], mv);
        dti_rc rc;
        if (ev->png) {
            /* bars: the unit's first rate (a value with a denominator) over the story months so far */
            double bars[DEMO_MONTHS];
            const demo_value *v = &un->values[0];
            for (size_t k = 0; k < DEMO_VALUES_MAX && un->values[k].code; k++)
                if (un->values[k].den[0] > 0) {
                    v = &un->values[k];
                    break;
                }
            for (int k = 0; k <= s; k++)
                bars[k] = v->den[k] > 0 ? v->num[k] / v->den[k] : v->num[k] / 100.0;
            static const uint32_t colours[] = {0x1f77b4, 0x2ca02c, 0xd62728, 0x9467bd};
            rc = demo_png(240, 120, colours[u % 4], bars, (size_t)s + 1, &data, &n, e);
        } else {
            snprintf(line, sizeof line, "UBND xa Hoa Binh - thang %s - %s %s", mv,
                     ev->kind == 't' ? "nhiem vu" : "chi tieu", ev->item ? ev->item : "");
            rc = demo_pdf(ev->title, line, &data, &n, e);
        }
        int64_t id = 0;
        if (!rc)
            rc = report_attach_as(c->a->st, &c->users[un->user], &key, ev->kind ? ev->kind : 'i',
                               ev->kind ? ev->item : NULL, name, data, n, 0, at, &id, NULL, e);
        free(data);
        if (rc)
            return rc;
        c->evidence[u][s][c->nevidence[u][s]++] = id;
        c->attached++;
    }
    return DTI_OK;
}

static dti_rc play(demo_ctx *c, const demo_event *ev, dti_err *e)
{
    const demo_unit *un = &UNITS[ev->unit];
    const auth_user *reporter = &c->users[un->user], *coord = &c->users[U_COORD];
    int s = ev->month - c->nhist;
    report_key key = {c->plan_id, c->orgs[un->user], ""};
    snprintf(key.period, sizeof key.period, "%s", c->codes[ev->month]);
    dti_rc rc = DTI_OK;
    switch (ev->kind) {
    case EV_FILL: {
        char *csv = unit_csv(un, s < 0 ? 0 : s, s < 0 ? -s : 0, key.period);
        report_fill_result fr;
        if (!csv)
            return app_nomem(e);
        rc = report_fill_csv_as(c->a->st, reporter, &key, csv, strlen(csv), ev->at, &fr, e);
        free(csv);
        break;
    }
    case EV_ATTACH:
        rc = attach(c, ev->unit, ev->month, 0, ev->at, e);
        break;
    case EV_SUBMIT:
        rc = report_submit_as(c->a->st, reporter, &key, ev->at, NULL, e);
        break;
    case EV_RETURN:
        rc = report_return_as(c->a->st, coord, &key, un->reason, ev->at, e);
        break;
    case EV_FIX:
        rc = attach(c, ev->unit, ev->month, 1, ev->at, e);
        break;
    case EV_APPROVE:
        /* the coordinator opens every file before approving */
        for (size_t i = 0; !rc && s >= 0 && i < c->nevidence[ev->unit][s]; i++)
            rc = report_check_evidence_as(c->a->st, coord, c->evidence[ev->unit][s][i], 1, ev->at, e);
        if (!rc)
            rc = report_approve_as(c->a->st, coord, &key, ev->at, e);
        break;
    }
    return rc;
}

/* Read the embedded sample plan into *D and *P (the caller frees them). */
static dti_rc load_sample(doc **d, plan **p, dti_err *e)
{
    const struct embed_file *f = embed_find(DEMO_SAMPLE);
    if (!f)
        return dti_fail(e, DTI_ERR_INTERNAL, DEMO_SAMPLE, "chương trình thiếu kế hoạch mẫu %s",
                        "the sample plan %s is not built in", DEMO_SAMPLE);
    dti_rc rc = reader_read((const char *)f->data, f->len, DEMO_SAMPLE, d, e);
    return rc ? rc : extract_plan(*d, p, NULL, e);
}

/* Import the sample plan P as the admin at AT (the import records the
 * context's now: it is AT meanwhile). */
static dti_rc import_sample(demo_ctx *c, plan *p, time_t at, demo_result *r, dti_err *e)
{
    const struct embed_file *f = embed_find(DEMO_SAMPLE);
    plans_import_result ir;
    time_t now = c->a->now;
    dti_rc rc;
    memset(&ir, 0, sizeof ir);
    c->a->now = at;
    rc = plans_import_plan(c->a, p, "hoa-binh-2026.md", f->data, f->len, &ir, e);
    c->a->now = now;
    if (rc)
        goto out;
    /* the calendar is the one the sample plan states, set by the import as
     * for any document (docs/calendar.md): never a second, different one */
    if (!ir.cal_set || ir.cal_rules.n == 0) {
        rc = dti_fail(e, DTI_ERR_INTERNAL, DEMO_SAMPLE, "kế hoạch mẫu %s không nêu chế độ báo cáo",
                      "the sample plan %s states no reporting regime", DEMO_SAMPLE);
        goto out;
    }
    c->plan_id = ir.plan_id;
    if (r) {
        r->plan_id = ir.plan_id;
        r->indicators = ir.nindicators;
        r->tasks = ir.ntasks;
        r->units = ir.nunits;
    }
out:
    plans_import_result_release(&ir);
    return rc;
}

/* Count the newest version of every report by state, as the coordinator sees them. */
static dti_rc count_states(demo_ctx *c, time_t now, demo_result *r, dti_err *e)
{
    for (size_t u = 0; u < NUNITS; u++)
        for (int m = 0; m < c->nmonths; m++) {
            report_key key = {c->plan_id, c->orgs[UNITS[u].user], ""};
            json_t *j = NULL;
            snprintf(key.period, sizeof key.period, "%s", c->codes[m]);
            dti_rc rc = report_show_as(c->a->st, &c->users[U_COORD], &key, 0, now, &j, e);
            if (rc)
                return rc;
            int st = report_state_parse(json_string_value(json_object_get(j, "state")));
            json_decref(j);
            if (st < 0)
                return dti_fail(e, DTI_ERR_INTERNAL, "state", "trạng thái báo cáo lạ", "unknown report state");
            r->reports[st]++;
        }
    r->reporters = NUNITS;
    return DTI_OK;
}

/* The reported months of C at NOW for plan P: the history, then the story. */
static void set_months(demo_ctx *c, const plan *p, time_t now, demo_result *r)
{
    char story[DEMO_MONTHS][REPORT_PERIOD_MAX], first[REPORT_PERIOD_MAX];
    demo_months(now, story);
    c->nhist = demo_history(now, p->issued, first);
    c->nmonths = c->nhist + DEMO_MONTHS;
    period q;
    period_parse(c->nhist ? first : story[0], &q);
    for (int m = 0; m < c->nmonths; m++, q = period_next(q)) {
        char code[PERIOD_CODE_LEN];
        c->months[m] = q;
        snprintf(c->codes[m], REPORT_PERIOD_MAX, "%.*s", (int)REPORT_PERIOD_MAX - 1, period_format(&q, code));
    }
    memcpy(r->months, story, sizeof story);
    r->history = c->nhist;
    snprintf(r->first, sizeof r->first, "%s", first);
}

dti_rc demo_create(app *a, time_t now, demo_result *r, dti_err *e)
{
    demo_ctx *c = calloc(1, sizeof *c);
    demo_event *ev = malloc((size_t)MONTHS_MAX * NUNITS * EVENTS_PER_REPORT * sizeof *ev);
    demo_result local;
    doc *d = NULL;
    plan *p = NULL;
    int empty = 0, open = 0;
    dti_rc rc = DTI_OK;
    if (!r)
        r = &local;
    memset(r, 0, sizeof *r);
    if (!c || !ev) {
        rc = app_nomem(e);
        goto out;
    }
    c->a = a;
    if ((rc = load_sample(&d, &p, e)))
        goto out;
    set_months(c, p, now, r);
    if ((rc = store_begin(a->st, e)))
        goto out;
    open = 1;
    if ((rc = demo_store_empty(a, &empty, e)))
        goto out;
    if (!empty) {
        rc = dti_fail(e, DTI_ERR_CONFLICT, "db",
                      "cơ sở dữ liệu đã có người dùng hoặc kế hoạch: dữ liệu mẫu chỉ tạo trên cơ sở dữ liệu trống",
                      "the database already holds users or plans: the demo data are made only in an empty one");
        goto out;
    }
    /* set-up at 08:00 on the first day of the first reported month, or on
     * the plan's issue day when that is later (the plan is not imported
     * before it is issued) */
    period before = period_prev(c->months[0]);
    time_t t0 = after(&before, 1, 8, 0);
    int32_t issued;
    if (p->issued && period_date_parse(p->issued, &issued) == 0 &&
        (time_t)issued * 86400 + 8 * 3600 - VN_OFFSET > t0)
        t0 = (time_t)issued * 86400 + 8 * 3600 - VN_OFFSET;
    if ((rc = auth_user_add(a->st, NULL, USERS[U_ADMIN].name, USERS[U_ADMIN].display, ROLE_ADMIN, 0,
                            DEMO_PASSWORD, t0, &c->users[U_ADMIN].id, e)) ||
        (rc = auth_user_get_id(a->st, c->users[U_ADMIN].id, &c->users[U_ADMIN], e)))
        goto out;
    a->user_id = c->users[U_ADMIN].id;
    if ((rc = import_sample(c, p, t0 + 300, r, e)))
        goto out;
    /* the admin exists already: add the others */
    for (size_t i = 1; i < NUSERS; i++) {
        const demo_user *du = &USERS[i];
        int64_t id = 0;
        if ((rc = report_org_find(a->st, c->plan_id, du->org, &c->orgs[i], e)) ||
            (rc = auth_user_add(a->st, &c->users[U_ADMIN], du->name, du->display, du->role, c->orgs[i],
                                DEMO_PASSWORD, t0 + 600 + (time_t)i * 60, &id, e)) ||
            (rc = auth_user_get_id(a->st, id, &c->users[i], e)))
            goto out;
    }
    r->users = NUSERS;
    size_t n = plan_events(c->months, c->nmonths, c->nhist, ev);
    for (size_t i = 0; i < n; i++)
        if ((rc = play(c, &ev[i], e)))
            goto out;
    r->evidence = c->attached;
    if ((rc = count_states(c, now, r, e)))
        goto out;
    open = 0;
    rc = store_commit(a->st, e);
out:
    if (open)
        store_rollback(a->st);
    if (rc)
        r->plan_id = 0;
    plan_free(p);
    doc_free(d);
    free(c);
    free(ev);
    return rc;
}
