/* period.c — dates, period codes, reporting regimes and timeliness.
 *
 * Dates are day numbers (days since 1970-01-01) computed with Howard
 * Hinnant's days_from_civil / civil_from_days, exact for every Gregorian
 * date; no time_t broken-down time, no TZ. The rule parser works on a
 * bounded copy of the text split into tokens at ':' and ','; a token without
 * '=' continues the previous "window=" list. Every structure is fixed-size:
 * nothing to allocate or free. See period.h for the syntax and the choices. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "core/period.h"
#include "base/lang.h"

#define VN_OFFSET (7 * 3600)
#define DAY_SECONDS 86400

/* ---- dates ------------------------------------------------------------ */

int period_is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int period_month_days(int y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    return m == 2 && period_is_leap(y) ? 29 : len[m - 1];
}

int period_date_valid(int y, int m, int d)
{
    return y >= PERIOD_YEAR_MIN && y <= PERIOD_YEAR_MAX && m >= 1 && m <= 12 &&
           d >= 1 && d <= period_month_days(y, m);
}

int32_t period_days(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;                                    /* 0..399 */
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;   /* 0..365 */
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            /* 0..146096 */
    return (int32_t)(era * 146097 + doe - 719468);
}

period_ymd period_ymd_of(int32_t days)
{
    int64_t z = (int64_t)days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    period_ymd r;
    r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
    r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
    r.y = (int)(yoe + era * 400 + (r.m <= 2));
    return r;
}

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

int32_t period_today_vn(time_t now)
{
    return (int32_t)floor_div((int64_t)now + VN_OFFSET, DAY_SECONDS);
}

time_t period_deadline_instant(int32_t day)
{
    return (time_t)(((int64_t)day + 1) * DAY_SECONDS - VN_OFFSET - 1);
}

char *period_date_vn(int32_t day, char out[PERIOD_DATE_LEN])
{
    if (day == PERIOD_NO_DAY) {
        out[0] = 0;
        return out;
    }
    period_ymd t = period_ymd_of(day);
    snprintf(out, PERIOD_DATE_LEN, "%02u/%02u/%04u", (unsigned)t.d % 100u,
             (unsigned)t.m % 100u, (unsigned)t.y % 10000u);
    return out;
}

char *period_date_iso(int32_t day, char out[PERIOD_DATE_LEN])
{
    if (day == PERIOD_NO_DAY) {
        out[0] = 0;
        return out;
    }
    period_ymd t = period_ymd_of(day);
    snprintf(out, PERIOD_DATE_LEN, "%04u-%02u-%02u", (unsigned)t.y % 10000u,
             (unsigned)t.m % 100u, (unsigned)t.d % 100u);
    return out;
}

/* Read 1..MAXD digits at *S into *V, advancing *S. 0 or -1. */
static int read_num(const char **s, int maxd, int *v)
{
    int n = 0, x = 0;
    while (isdigit((unsigned char)**s) && n < maxd) {
        x = x * 10 + (**s - '0');
        (*s)++;
        n++;
    }
    if (n == 0 || isdigit((unsigned char)**s))
        return -1;
    *v = x;
    return 0;
}

int period_date_parse(const char *s, int32_t *day)
{
    int a, b, c;
    if (!s || !day)
        return -1;
    while (*s == ' ' || *s == '\t')
        s++;
    const char *p = s;
    if (read_num(&p, 4, &a) < 0)
        return -1;
    int y, m, d;
    if (p - s == 4) {                   /* yyyy-mm-dd */
        const char *q = p + 1;
        if (*p++ != '-' || read_num(&p, 2, &b) < 0 || p - q != 2 || *p++ != '-')
            return -1;
        q = p;
        if (read_num(&p, 2, &c) < 0 || p - q != 2)
            return -1;
        y = a; m = b; d = c;
    } else if (p - s <= 2) {            /* dd/mm/yyyy, dd-mm-yyyy */
        char sep = *p;
        if (sep != '/' && sep != '-')
            return -1;
        p++;
        if (read_num(&p, 2, &b) < 0 || *p++ != sep)
            return -1;
        const char *ys = p;
        if (read_num(&p, 4, &c) < 0 || p - ys != 4)
            return -1;
        d = a; m = b; y = c;
    } else {
        return -1;
    }
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p || !period_date_valid(y, m, d))
        return -1;
    *day = period_days(y, m, d);
    return 0;
}

/* ---- periods ---------------------------------------------------------- */

const char *period_kind_name(period_kind k)
{
    switch (k) {
    case PERIOD_MONTH: return "month";
    case PERIOD_QUARTER: return "quarter";
    case PERIOD_HALF: return "half";
    case PERIOD_YEAR: return "year";
    }
    return NULL;
}

int period_kind_count(period_kind k)
{
    switch (k) {
    case PERIOD_MONTH: return 12;
    case PERIOD_QUARTER: return 4;
    case PERIOD_HALF: return 2;
    case PERIOD_YEAR: return 1;
    }
    return 0;
}

/* Months in one period of kind K. */
static int kind_months(period_kind k)
{
    int n = period_kind_count(k);
    return n ? 12 / n : 0;
}

int period_valid(const period *p)
{
    return p && period_kind_count(p->kind) > 0 && p->year >= PERIOD_YEAR_MIN &&
           p->year <= PERIOD_YEAR_MAX && p->index >= 1 && p->index <= period_kind_count(p->kind);
}

int period_parse(const char *code, period *out)
{
    const char *p = code;
    int y, i;
    period r;
    if (!code || !out)
        return -1;
    if (read_num(&p, 4, &y) < 0 || p - code != 4)
        return -1;
    r.year = y;
    if (*p == 0) {
        r.kind = PERIOD_YEAR;
        r.index = 1;
    } else if (*p++ == '-') {
        char c = (char)toupper((unsigned char)*p);
        const char *q;
        if (c == 'Q' || c == 'H') {
            r.kind = c == 'Q' ? PERIOD_QUARTER : PERIOD_HALF;
            q = ++p;
            if (read_num(&p, 1, &i) < 0)
                return -1;
        } else {
            r.kind = PERIOD_MONTH;
            q = p;
            if (read_num(&p, 2, &i) < 0 || p - q != 2)
                return -1;
        }
        (void)q;
        if (*p)
            return -1;
        r.index = i;
    } else {
        return -1;
    }
    if (!period_valid(&r))
        return -1;
    *out = r;
    return 0;
}

char *period_format(const period *p, char out[PERIOD_CODE_LEN])
{
    out[0] = 0;
    if (!period_valid(p))
        return out;
    /* "%04u-%02u", "%04u-Q%u", "%04u-H%u", "%04u" written digit by digit:
     * scores format a period per stored figure, and snprintf cost more
     * than the rest of the row (a cold national ranking, perf) */
    unsigned y = (unsigned)p->year % 10000u, i = (unsigned)p->index;
    char *o = out;
    *o++ = (char)('0' + y / 1000u);
    *o++ = (char)('0' + y / 100u % 10u);
    *o++ = (char)('0' + y / 10u % 10u);
    *o++ = (char)('0' + y % 10u);
    switch (p->kind) {
    case PERIOD_MONTH:
        *o++ = '-';
        *o++ = (char)('0' + i % 100u / 10u);
        *o++ = (char)('0' + i % 10u);
        break;
    case PERIOD_QUARTER:
    case PERIOD_HALF:
        *o++ = '-';
        *o++ = p->kind == PERIOD_QUARTER ? 'Q' : 'H';
        *o++ = (char)('0' + i % 10u);
        break;
    case PERIOD_YEAR:
        break;
    }
    *o = 0;
    return out;
}

int period_first_month(const period *p)
{
    return (p->index - 1) * kind_months(p->kind) + 1;
}

int period_last_month(const period *p)
{
    return p->index * kind_months(p->kind);
}

int32_t period_start(const period *p)
{
    return period_days(p->year, period_first_month(p), 1);
}

int32_t period_end(const period *p)
{
    int m = period_last_month(p);
    return period_days(p->year, m, period_month_days(p->year, m));
}

period period_next(period p)
{
    if (++p.index > period_kind_count(p.kind)) {
        p.index = 1;
        p.year++;
    }
    return p;
}

period period_prev(period p)
{
    if (--p.index < 1) {
        p.index = period_kind_count(p.kind);
        p.year--;
    }
    return p;
}

period period_of(period_kind k, int32_t day)
{
    period_ymd t = period_ymd_of(day);
    period p;
    p.kind = k;
    p.year = t.y;
    p.index = kind_months(k) ? (t.m - 1) / kind_months(k) + 1 : 1;
    return p;
}

int period_cmp(const period *a, const period *b)
{
    int32_t ea = period_end(a), eb = period_end(b);
    if (ea != eb)
        return ea < eb ? -1 : 1;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    return 0;
}

/* ---- rule dates and deadlines ----------------------------------------- */

/* Day D of month M in year Y, D clamped to the month's length. */
static int32_t clamped(int y, int m, int d)
{
    int n = period_month_days(y, m);
    return period_days(y, m, d < n ? d : n);
}

static int window_wraps(const period_window *w)
{
    return w->sm * 100 + w->sd > w->em * 100 + w->ed;
}

void period_rule_dates(const period_rule *r, const period *p, int32_t *start, int32_t *end)
{
    if (r && r->nwindows > 0 && p->index >= 1 && p->index <= r->nwindows) {
        const period_window *w = &r->windows[p->index - 1];
        *start = clamped(window_wraps(w) ? p->year - 1 : p->year, w->sm, w->sd);
        *end = clamped(p->year, w->em, w->ed);
    } else if (r && r->cutoff >= 2) {
        int fm = period_first_month(p), y0 = p->year;
        if (--fm < 1) {
            fm = 12;
            y0--;
        }
        *start = period_days(y0, fm, r->cutoff);
        *end = period_days(p->year, period_last_month(p), r->cutoff - 1);
    } else {
        *start = period_start(p);
        *end = period_end(p);
    }
}

int32_t period_deadline_day(const period_deadline *d, const period *p, int32_t end)
{
    switch (d->kind) {
    case DEADLINE_NONE:
        return PERIOD_NO_DAY;
    case DEADLINE_AFTER: {
        period_ymd t = period_ymd_of(end);
        int m0 = t.m - 1 + d->months;
        return clamped(t.y + m0 / 12, m0 % 12 + 1, d->day);
    }
    case DEADLINE_FIXED:
        return clamped(p->year, d->month, d->day);
    case DEADLINE_DATE:
        return d->date;
    }
    return PERIOD_NO_DAY;
}

/* ---- rule syntax ------------------------------------------------------ */

#define TOKENS_MAX 64

static int eq_nocase(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return 0;
    return *a == *b;
}

static int kind_parse(const char *s, period_kind *k)
{
    static const struct { const char *name; period_kind k; } names[] = {
        {"month", PERIOD_MONTH}, {"thang", PERIOD_MONTH}, {"monthly", PERIOD_MONTH},
        {"quarter", PERIOD_QUARTER}, {"quy", PERIOD_QUARTER}, {"quarterly", PERIOD_QUARTER},
        {"half", PERIOD_HALF}, {"half-year", PERIOD_HALF}, {"nua-nam", PERIOD_HALF},
        {"year", PERIOD_YEAR}, {"nam", PERIOD_YEAR}, {"yearly", PERIOD_YEAR},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (eq_nocase(s, names[i].name)) {
            *k = names[i].k;
            return 0;
        }
    return -1;
}

/* "DD/MM" (day checked against a leap year's month) at *S. */
static int read_daymonth(const char **s, int *d, int *m)
{
    if (read_num(s, 2, d) < 0 || **s != '/')
        return -1;
    (*s)++;
    if (read_num(s, 2, m) < 0 || *m < 1 || *m > 12 || *d < 1 || *d > period_month_days(2000, *m))
        return -1;
    return 0;
}

static dti_rc deadline_parse(const char *v, const char *key, period_deadline *out, dti_err *e)
{
    const char *p = v;
    int a, b, c;
    memset(out, 0, sizeof *out);
    if (eq_nocase(v, "none") || eq_nocase(v, "khong")) {
        out->kind = DEADLINE_NONE;
        return DTI_OK;
    }
    if (read_num(&p, 2, &a) < 0)
        goto bad;
    if (*p == '+' || *p == '@') {
        if (a < 1 || a > 31)
            goto bad;
        out->kind = DEADLINE_AFTER;
        out->day = a;
        if (*p == '@') {
            if (!eq_nocase(p + 1, "last") && !eq_nocase(p + 1, "cuoi"))
                goto bad;
            out->months = 0;
            return DTI_OK;
        }
        p++;
        if (read_num(&p, 2, &b) < 0 || *p || b > 12)
            goto bad;
        out->months = b;
        return DTI_OK;
    }
    p = v;
    if (read_daymonth(&p, &a, &b) < 0)
        goto bad;
    if (*p == 0) {
        out->kind = DEADLINE_FIXED;
        out->day = a;
        out->month = b;
        return DTI_OK;
    }
    const char *ys = ++p;
    if (p[-1] != '/' || read_num(&p, 4, &c) < 0 || p - ys != 4 || *p || !period_date_valid(c, b, a))
        goto bad;
    out->kind = DEADLINE_DATE;
    out->date = period_days(c, b, a);
    return DTI_OK;
bad:
    return dti_fail(e, DTI_ERR_INPUT, key,
                    "Hạn \"%s=%s\" không đọc được: viết N+K (ngày N của tháng thứ K sau kỳ), "
                    "N@last (ngày N của tháng cuối kỳ), DD/MM, DD/MM/YYYY hoặc none",
                    "Deadline \"%s=%s\" cannot be read: write N+K (day N of the K-th month after "
                    "the period), N@last (day N of the period's last month), DD/MM, DD/MM/YYYY or none",
                    key, v);
}

static dti_rc window_parse(const char *v, period_window *w, dti_err *e)
{
    const char *p = v;
    if (read_daymonth(&p, &w->sd, &w->sm) < 0 || *p++ != '-' ||
        read_daymonth(&p, &w->ed, &w->em) < 0 || *p)
        return dti_fail(e, DTI_ERR_INPUT, "window",
                        "Khung kỳ \"%s\" không đọc được: viết DD/MM-DD/MM (01/01-09/03)",
                        "Window \"%s\" cannot be read: write DD/MM-DD/MM (01/01-09/03)", v);
    return DTI_OK;
}

/* Windows in order, not overlapping; only the first may wrap the year. */
static dti_rc windows_check(const period_rule *r, dti_err *e)
{
    int n = r->nwindows, most = period_kind_count(r->kind);
    if (n < 1 || n > most)
        return dti_fail(e, DTI_ERR_INPUT, "window",
                        "Kỳ loại %s có nhiều nhất %d khung, đã cho %d",
                        "A %s rule has at most %d windows, %d given",
                        period_kind_name(r->kind), most, r->nwindows);
    for (int i = 0; i < n; i++) {
        const period_window *w = &r->windows[i];
        if (i > 0 && window_wraps(w))
            return dti_fail(e, DTI_ERR_INPUT, "window",
                            "Khung thứ %d bắt đầu sau khi kết thúc; chỉ khung đầu được bắt đầu từ năm trước",
                            "Window %d starts after it ends; only the first may start in the previous year",
                            i + 1);
        if (i > 0) {
            const period_window *q = &r->windows[i - 1];
            if (w->sm * 100 + w->sd <= q->em * 100 + q->ed)
                return dti_fail(e, DTI_ERR_INPUT, "window",
                                "Khung thứ %d chồng lên hoặc đứng trước khung thứ %d",
                                "Window %d overlaps or comes before window %d", i + 1, i);
        }
    }
    const period_window *f = &r->windows[0], *l = &r->windows[n - 1];
    if (window_wraps(f) && f->sm * 100 + f->sd <= l->em * 100 + l->ed)
        return dti_fail(e, DTI_ERR_INPUT, "window",
                        "Khung đầu (từ năm trước) chồng lên khung cuối",
                        "The first window (from the previous year) overlaps the last one");
    return DTI_OK;
}

dti_rc period_rule_parse(const char *text, period_rule *out, dti_err *e)
{
    char tmp[PERIOD_RULE_TEXT_MAX];
    char *tok[TOKENS_MAX];
    size_t ntok = 0, len;
    const char *key = NULL;
    int cutoff_given = 0;
    dti_rc rc;

    if (!text || !out)
        return dti_fail(e, DTI_ERR_INPUT, "rule", "Thiếu quy tắc lịch báo cáo", "No calendar rule given");
    len = strlen(text);
    if (len >= sizeof tmp)
        return dti_fail(e, DTI_ERR_TOOBIG, "rule", "Quy tắc lịch dài quá %d byte",
                        "Calendar rule longer than %d bytes", PERIOD_RULE_TEXT_MAX - 1);
    memcpy(tmp, text, len + 1);
    memset(out, 0, sizeof *out);

    /* kind, then tokens split at ':' and ',' */
    char *p = tmp, *colon = strchr(tmp, ':');
    if (colon)
        *colon = 0;
    if (isdigit((unsigned char)*p)) {
        if (period_parse(p, &out->code) < 0)
            return dti_fail(e, DTI_ERR_INPUT, "rule", "Mã kỳ \"%s\" không đúng (2026-03, 2026-Q1, 2026-H1, 2026)",
                            "Bad period code \"%s\" (2026-03, 2026-Q1, 2026-H1, 2026)", p);
        out->is_override = 1;
        out->kind = out->code.kind;
    } else if (kind_parse(p, &out->kind) < 0) {
        return dti_fail(e, DTI_ERR_INPUT, "rule",
                        "Loại kỳ \"%s\" không rõ: month, quarter, half, year hoặc một mã kỳ",
                        "Unknown period kind \"%s\": month, quarter, half, year or a period code", p);
    }
    if (colon) {
        for (p = colon + 1;;) {
            size_t n = strcspn(p, ":,");
            char end = p[n];
            if (ntok == TOKENS_MAX)
                return dti_fail(e, DTI_ERR_TOOBIG, "rule", "Quy tắc lịch có quá nhiều phần",
                                "Calendar rule has too many parts");
            p[n] = 0;
            tok[ntok++] = p;
            if (!end)
                break;
            p += n + 1;
        }
    }

    for (size_t i = 0; i < ntok; i++) {
        char *t = tok[i], *eq = strchr(t, '=');
        if (!*t)
            return dti_fail(e, DTI_ERR_INPUT, "rule", "Quy tắc \"%s\" có phần rỗng (thừa ':' hoặc ',')",
                            "Rule \"%s\" has an empty part (extra ':' or ',')", text);
        if (!eq) {
            if (!key || strcmp(key, "window") != 0)
                return dti_fail(e, DTI_ERR_INPUT, "rule", "Phần \"%s\" thiếu tên (unit=, commune=, cutoff=, window=)",
                                "Part \"%s\" has no name (unit=, commune=, cutoff=, window=)", t);
            goto add_window;
        }
        *eq = 0;
        key = t;
        t = eq + 1;
        if (eq_nocase(key, "unit") || eq_nocase(key, "don-vi")) {
            if (out->stated & PERIOD_STATED_UNIT)
                goto twice;
            if ((rc = deadline_parse(t, "unit", &out->unit, e)) != DTI_OK)
                return rc;
            out->stated |= PERIOD_STATED_UNIT;
            key = "unit";
        } else if (eq_nocase(key, "commune") || eq_nocase(key, "xa")) {
            if (out->stated & PERIOD_STATED_COMMUNE)
                goto twice;
            if ((rc = deadline_parse(t, "commune", &out->commune, e)) != DTI_OK)
                return rc;
            out->stated |= PERIOD_STATED_COMMUNE;
            key = "commune";
        } else if (eq_nocase(key, "cutoff") || eq_nocase(key, "chot")) {
            const char *q = t;
            int c;
            key = "cutoff";
            if (cutoff_given)
                goto twice;
            cutoff_given = 1;
            if (eq_nocase(t, "none") || eq_nocase(t, "khong") || eq_nocase(t, "calendar") ||
                eq_nocase(t, "lich")) {
                out->cutoff = 0;
                continue;
            }
            if (read_num(&q, 2, &c) < 0 || *q || c < 2 || c > 28)
                return dti_fail(e, DTI_ERR_INPUT, "cutoff",
                                "Ngày chốt \"%s\" phải từ 2 đến 28, hoặc none (kỳ theo lịch dương)",
                                "Cut-off day \"%s\" must be 2 to 28, or none (calendar periods)", t);
            out->cutoff = c;
        } else if (eq_nocase(key, "window") || eq_nocase(key, "khung")) {
            key = "window";
            if (out->nwindows)
                goto twice;
            goto add_window;
        } else {
            return dti_fail(e, DTI_ERR_INPUT, "rule", "Tên \"%s\" không rõ: unit, commune, cutoff, window",
                            "Unknown name \"%s\": unit, commune, cutoff, window", key);
        }
        continue;
add_window:
        if (out->nwindows >= 12)
            return dti_fail(e, DTI_ERR_INPUT, "window", "Quá 12 khung kỳ", "More than 12 windows");
        if ((rc = window_parse(t, &out->windows[out->nwindows], e)) != DTI_OK)
            return rc;
        out->nwindows++;
    }

    if (out->is_override && (cutoff_given || out->nwindows))
        return dti_fail(e, DTI_ERR_INPUT, "rule",
                        "Quy tắc cho một kỳ (%s) chỉ đặt hạn unit= và commune=",
                        "A rule for one period (%s) sets only unit= and commune=", text);
    if (out->cutoff && out->nwindows)
        return dti_fail(e, DTI_ERR_INPUT, "rule", "Không dùng cùng lúc cutoff= và window=",
                        "cutoff= and window= cannot be used together");
    if (out->nwindows && (rc = windows_check(out, e)) != DTI_OK)
        return rc;
    /* Nghị định 09/2019/NĐ-CP, Điều 12: without windows or a stated
     * cut-off, figures close on the 14th ("15th to 14th") */
    if (!out->is_override && !out->nwindows && !cutoff_given)
        out->cutoff = PERIOD_CUTOFF_DEFAULT;
    return DTI_OK;
twice:
    return dti_fail(e, DTI_ERR_INPUT, key, "\"%s=\" được ghi hai lần", "\"%s=\" is given twice", key);
}

static int same_rule_slot(const period_rule *a, const period_rule *b)
{
    if (a->is_override != b->is_override)
        return 0;
    if (!a->is_override)
        return a->kind == b->kind;
    return a->code.kind == b->code.kind && a->code.year == b->code.year && a->code.index == b->code.index;
}

dti_rc period_regime_parse(const char *const *rules, size_t n, period_regime *out, dti_err *e)
{
    dti_rc rc;
    if (!out)
        return dti_fail(e, DTI_ERR_INPUT, "rule", "Thiếu lịch báo cáo", "No regime given");
    memset(out, 0, sizeof *out);
    if (n > PERIOD_RULES_MAX)
        return dti_fail(e, DTI_ERR_TOOBIG, "rule", "Lịch báo cáo có quá %d quy tắc",
                        "A regime has more than %d rules", PERIOD_RULES_MAX);
    for (size_t i = 0; i < n; i++) {
        period_rule *r = &out->rules[i];
        if ((rc = period_rule_parse(rules[i], r, e)) != DTI_OK)
            return rc;
        for (size_t j = 0; j < i; j++)
            if (same_rule_slot(&out->rules[j], r))
                return dti_fail(e, DTI_ERR_INPUT, "rule",
                                "Quy tắc \"%s\" trùng loại kỳ với một quy tắc trước",
                                "Rule \"%s\" repeats the kind of an earlier rule", rules[i]);
        out->nrules = i + 1;
    }
    return DTI_OK;
}

dti_rc period_regime_parse_text(const char *text, period_regime *out, dti_err *e)
{
    char tmp[PERIOD_REGIME_TEXT_MAX];
    const char *words[PERIOD_RULES_MAX + 1];
    size_t n = 0, len;
    if (!text)
        text = "";
    len = strlen(text);
    if (len >= sizeof tmp)
        return dti_fail(e, DTI_ERR_TOOBIG, "rule", "Lịch báo cáo dài quá %d byte",
                        "Regime text longer than %d bytes", PERIOD_REGIME_TEXT_MAX - 1);
    memcpy(tmp, text, len + 1);
    for (char *p = tmp; *p;) {
        p += strspn(p, " \t\r\n;");
        if (!*p)
            break;
        size_t k = strcspn(p, " \t\r\n;");
        if (n == PERIOD_RULES_MAX)
            return dti_fail(e, DTI_ERR_TOOBIG, "rule", "Lịch báo cáo có quá %d quy tắc",
                            "A regime has more than %d rules", PERIOD_RULES_MAX);
        words[n++] = p;
        if (p[k])
            p[k++] = 0;
        p += k;
    }
    return period_regime_parse(words, n, out, e);
}

static int deadline_format(const period_deadline *d, char *out, size_t n)
{
    char tmp[PERIOD_DATE_LEN];
    switch (d->kind) {
    case DEADLINE_NONE: return snprintf(out, n, "none");
    case DEADLINE_AFTER:
        return d->months ? snprintf(out, n, "%d+%d", d->day, d->months)
                         : snprintf(out, n, "%d@last", d->day);
    case DEADLINE_FIXED: return snprintf(out, n, "%02d/%02d", d->day, d->month);
    case DEADLINE_DATE: return snprintf(out, n, "%s", period_date_vn(d->date, tmp));
    }
    return snprintf(out, n, "none");
}

int period_rule_format(const period_rule *r, char *out, size_t n)
{
    char b[PERIOD_RULE_TEXT_MAX], d[32], code[PERIOD_CODE_LEN];
    size_t len = 0;
    int k;
#define PUT(...) do {                                            \
        k = snprintf(b + len, sizeof b - len, __VA_ARGS__);         \
        if (k < 0 || (size_t)k >= sizeof b - len) {                 \
            return -1;                                              \
        }                                                           \
        len += (size_t)k;                                           \
    } while (0)
    if (r->is_override)
        PUT("%s", period_format(&r->code, code));
    else
        PUT("%s", period_kind_name(r->kind) ? period_kind_name(r->kind) : "?");
    if (r->cutoff && r->cutoff != PERIOD_CUTOFF_DEFAULT)
        PUT(":cutoff=%d", r->cutoff);
    else if (!r->cutoff && !r->nwindows && !r->is_override)
        PUT(":cutoff=none");
    for (int i = 0; i < r->nwindows && i < 12; i++) {
        const period_window *w = &r->windows[i];
        PUT("%s%02d/%02d-%02d/%02d", i ? "," : ":window=", w->sd, w->sm, w->ed, w->em);
    }
    if (r->stated & PERIOD_STATED_UNIT) {
        deadline_format(&r->unit, d, sizeof d);
        PUT(":unit=%s", d);
    }
    if (r->stated & PERIOD_STATED_COMMUNE) {
        deadline_format(&r->commune, d, sizeof d);
        PUT("%scommune=%s", (r->stated & PERIOD_STATED_UNIT) ? "," : ":", d);
    }
#undef PUT
    if (len >= n)
        return -1;
    memcpy(out, b, len + 1);
    return (int)len;
}

int period_regime_format(const period_regime *r, char *out, size_t n)
{
    size_t len = 0;
    if (n == 0)
        return -1;
    out[0] = 0;
    for (size_t i = 0; i < r->nrules; i++) {
        if (i) {
            if (len + 1 >= n)
                return -1;
            out[len++] = ' ';
            out[len] = 0;
        }
        int k = period_rule_format(&r->rules[i], out + len, n - len);
        if (k < 0)
            return -1;
        len += (size_t)k;
    }
    return (int)len;
}

/* ---- regime queries --------------------------------------------------- */

static const period_rule *rule_of_kind(const period_regime *r, period_kind k, size_t *at)
{
    for (size_t i = 0; i < r->nrules; i++)
        if (!r->rules[i].is_override && r->rules[i].kind == k) {
            if (at)
                *at = i;
            return &r->rules[i];
        }
    return NULL;
}

static const period_rule *override_of(const period_regime *r, const period *p, size_t *at)
{
    for (size_t i = 0; i < r->nrules; i++) {
        const period_rule *o = &r->rules[i];
        if (o->is_override && o->code.kind == p->kind && o->code.year == p->year &&
            o->code.index == p->index) {
            if (at)
                *at = i;
            return o;
        }
    }
    return NULL;
}

int period_regime_entry(const period_regime *r, const period *p, period_entry *out)
{
    size_t at = 0, oat = 0;
    const period_rule *base = r ? rule_of_kind(r, p->kind, &at) : NULL;
    const period_rule *ov = r ? override_of(r, p, &oat) : NULL;
    if (base && base->nwindows && p->index > base->nwindows)
        base = NULL;    /* the plan states fewer windows: no such period */
    memset(out, 0, sizeof *out);
    out->p = *p;
    period_format(p, out->code);
    period_rule_dates(base, p, &out->start, &out->end);
    out->unit_due = base ? period_deadline_day(&base->unit, p, out->end) : PERIOD_NO_DAY;
    out->commune_due = base ? period_deadline_day(&base->commune, p, out->end) : PERIOD_NO_DAY;
    out->rule = base ? at : oat;
    if (ov) {
        if (ov->stated & PERIOD_STATED_UNIT)
            out->unit_due = period_deadline_day(&ov->unit, p, out->end);
        if (ov->stated & PERIOD_STATED_COMMUNE)
            out->commune_due = period_deadline_day(&ov->commune, p, out->end);
    }
    return base || ov ? 0 : -1;
}

static int entry_cmp(const period_entry *a, const period_entry *b)
{
    if (a->end != b->end)
        return a->end < b->end ? -1 : 1;
    if (a->p.kind != b->p.kind)
        return a->p.kind < b->p.kind ? -1 : 1;
    return 0;
}

size_t period_list(const period_regime *r, int year, period_entry *out, size_t max)
{
    size_t n = 0;
    if (!r || !out)
        return 0;
    for (size_t i = 0; i < r->nrules; i++) {
        const period_rule *ru = &r->rules[i];
        if (ru->is_override) {
            const period_rule *kr = rule_of_kind(r, ru->kind, NULL);
            if (ru->code.year != year || (kr && (!kr->nwindows || ru->code.index <= kr->nwindows)))
                continue;   /* listed with its kind's rule, or another year */
            if (n < max)
                period_regime_entry(r, &ru->code, &out[n++]);
            continue;
        }
        int count = ru->nwindows ? ru->nwindows : period_kind_count(ru->kind);
        for (int k = 1; k <= count; k++) {
            period p = {ru->kind, year, k};
            if (n < max)
                period_regime_entry(r, &p, &out[n++]);
        }
    }
    /* stable insertion sort: end date, then kind */
    for (size_t i = 1; i < n; i++) {
        period_entry t = out[i];
        size_t j = i;
        for (; j > 0 && entry_cmp(&out[j - 1], &t) > 0; j--)
            out[j] = out[j - 1];
        out[j] = t;
    }
    return n;
}

int period_regime_find(const period_regime *r, period_kind k, int32_t day, period_entry *out)
{
    if (!r || !out || !rule_of_kind(r, k, NULL))
        return -1;
    int y = period_ymd_of(day).y;
    static const int dy[3] = {0, 1, -1};
    for (int i = 0; i < 3; i++)
        for (int j = 1; j <= period_kind_count(k); j++) {
            period p = {k, y + dy[i], j};
            period_entry e;
            if (period_regime_entry(r, &p, &e) < 0)
                continue;
            if (day >= e.start && day <= e.end) {
                *out = e;
                return 0;
            }
        }
    return -1;
}

unsigned period_entry_early(const period_entry *en)
{
    unsigned f = 0;
    if (en->unit_due != PERIOD_NO_DAY && en->unit_due < en->end)
        f |= PERIOD_STATED_UNIT;
    if (en->commune_due != PERIOD_NO_DAY && en->commune_due < en->end)
        f |= PERIOD_STATED_COMMUNE;
    return f;
}

/* ---- timeliness ------------------------------------------------------- */

period_timely period_timeliness(int has_submitted, time_t submitted, int32_t due,
                                time_t now, int *late_days)
{
    period_timely t = TIMELY_NOT_DUE;
    int late = 0;
    if (has_submitted) {
        int32_t sd = period_today_vn(submitted);
        if (due == PERIOD_NO_DAY || sd <= due) {
            t = TIMELY_ON_TIME;
        } else {
            t = TIMELY_LATE;
            late = (int)(sd - due);
        }
    } else if (due != PERIOD_NO_DAY) {
        int32_t nd = period_today_vn(now);
        if (nd > due) {
            t = TIMELY_MISSING;
            late = (int)(nd - due);
        }
    }
    if (late_days)
        *late_days = late;
    return t;
}

const char *period_timely_name(period_timely t)
{
    switch (t) {
    case TIMELY_NOT_DUE: return "not_due";
    case TIMELY_ON_TIME: return "on_time";
    case TIMELY_LATE: return "late";
    case TIMELY_MISSING: return "missing";
    }
    return "not_due";
}

const char *period_timely_label(period_timely t)
{
    switch (t) {
    case TIMELY_NOT_DUE: return TR("chưa đến hạn", "not yet due");
    case TIMELY_ON_TIME: return TR("đúng hạn", "on time");
    case TIMELY_LATE: return TR("trễ hạn", "late");
    case TIMELY_MISSING: return TR("chưa nộp", "missing");
    }
    return "";
}
