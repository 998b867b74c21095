/* remind.c — what reminders fall due and to whom (remind.h has the rules),
 * the plan's reminder settings, and each user's notices and address.
 *
 * A run reads, for each plan with a commune and a calendar, the periods
 * whose units' deadline lies within reach of the schedule, the leads
 * expected for each, the reports returned or approved lately, and the
 * accounts to tell; it adds the notices whose key is new (store_notice.c)
 * in one transaction, then hands the pending e-mails to the sender
 * (remind_mail.c). The texts are Vietnamese: the people who receive them
 * are; the command line prints its own lines in either language. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app.h"
#include "app/app_util.h"
#include "app/audit/audit.h"
#include "app/remind/remind.h"
#include "app/report/report.h"
#include "base/lang.h"
#include "base/buf.h"
#include "base/text.h"
#include "base/vec.h"
#include "core/period.h"
#include "core/period_week.h"
#include "store/store_request.h"
#include "store/store_notice.h"

#define PNAME_MAX 360       /* a period's name: a request's title is up to 300 bytes */

/* ---- the schedule -------------------------------------------------------------- */

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return x < y ? -1 : x > y;
}

dti_rc remind_schedule_parse(const char *text, remind_schedule *out, dti_err *e)
{
    const char *p = text ? text : "";
    memset(out, 0, sizeof *out);
    for (;;) {
        while (*p == ' ' || *p == ',' || *p == '\t' || *p == ';')
            p++;
        if (!*p)
            break;
        char *end = NULL;
        long v = strtol(p, &end, 10);
        if (end == p || (*end && *end != ',' && *end != ' ' && *end != ';' && *end != '\t'))
            return dti_fail(e, DTI_ERR_INPUT, "schedule",
                            "Lịch nhắc “%s”: “%.20s” không phải số ngày (ví dụ: -3,0,1,3)",
                            "Reminder schedule “%s”: “%.20s” is not a number of days (e.g. -3,0,1,3)", text, p);
        if (v < -REMIND_OFFSET_MAX || v > REMIND_OFFSET_MAX)
            return dti_fail(e, DTI_ERR_INPUT, "schedule",
                            "Lịch nhắc: %ld ngày nằm ngoài khoảng -%d..%d", "Reminder schedule: %ld days is outside -%d..%d",
                            v, REMIND_OFFSET_MAX, REMIND_OFFSET_MAX);
        int dup = 0;
        for (int i = 0; i < out->n; i++)
            dup |= out->off[i] == (int)v;
        if (!dup) {
            if (out->n == REMIND_STEPS_MAX)
                return dti_fail(e, DTI_ERR_INPUT, "schedule", "Lịch nhắc có quá %d mốc",
                                "The reminder schedule has more than %d steps", REMIND_STEPS_MAX);
            out->off[out->n++] = (int)v;
        }
        p = end;
    }
    if (out->n == 0)
        return dti_fail(e, DTI_ERR_INPUT, "schedule", "Lịch nhắc trống: cần ít nhất một mốc (ví dụ: -3,0,1,3)",
                        "The reminder schedule is empty: give at least one step (e.g. -3,0,1,3)");
    qsort(out->off, (size_t)out->n, sizeof out->off[0], cmp_int);
    return DTI_OK;
}

void remind_schedule_format(const remind_schedule *s, char *out, size_t n)
{
    size_t len = 0;
    if (n)
        out[0] = 0;
    for (int i = 0; i < s->n && len < n; i++) {
        int w = snprintf(out + len, n - len, "%s%d", i ? "," : "", s->off[i]);
        if (w < 0)
            break;
        len += (size_t)w;
    }
}

/* 0 = Sunday .. 6 = Saturday: day 0 (1970-01-01) was a Thursday. */
static int weekday(int32_t day)
{
    int w = (int)((day + 4) % 7);
    return w < 0 ? w + 7 : w;
}

int32_t remind_add_workdays(int32_t day, int n)
{
    while (n > 0) {
        day++;
        int w = weekday(day);
        if (w != 0 && w != 6)
            n--;
    }
    return day;
}

int remind_step_due(const remind_schedule *s, int32_t deadline, int32_t today, int32_t after)
{
    for (int i = s->n - 1; i >= 0; i--) {
        int32_t d = deadline + s->off[i];
        if (d > today)
            continue;
        if (after != PERIOD_NO_DAY && d <= after)
            return -1;
        return today - d <= REMIND_CATCHUP_DAYS ? i : -1;
    }
    return -1;
}

/* ---- settings ------------------------------------------------------------------- */

dti_rc remind_settings_get(store *s, int64_t plan_id, remind_schedule *sched, int *return_days, dti_err *e)
{
    char *text = NULL;
    int days = 0, found = 0;
    dti_rc rc = store_remind_settings_get(s, plan_id, &text, &days, &found, e);
    if (rc)
        return rc;
    if (!found || remind_schedule_parse(text, sched, NULL) != DTI_OK)
        remind_schedule_parse(REMIND_SCHEDULE_DEFAULT, sched, NULL);
    *return_days = found && days >= 1 && days <= REMIND_RETURN_DAYS_MAX ? days : REMIND_RETURN_DAYS_DEFAULT;
    free(text);
    return DTI_OK;
}

dti_rc remind_settings_set_as(store *s, const auth_user *u, int64_t plan_id, const char *schedule, int return_days,
                           time_t now, dti_err *e)
{
    remind_schedule old, nw;
    int old_days = 0;
    char old_text[128], new_text[128], ts[AUTH_TS_LEN];
    json_t *before = NULL, *after = NULL;
    dti_rc rc = store_begin(s, e);
    if (rc)
        return rc;
    if ((rc = auth_can_plan(s, u, AUTH_PLAN_WRITE, plan_id, e)) ||
        (rc = remind_settings_get(s, plan_id, &old, &old_days, e)))
        goto fail;
    nw = old;
    if (schedule && (rc = remind_schedule_parse(schedule, &nw, e)))
        goto fail;
    if (return_days && (return_days < 1 || return_days > REMIND_RETURN_DAYS_MAX)) {
        rc = dti_fail(e, DTI_ERR_INPUT, "return_days", "Số ngày làm việc để sửa báo cáo bị trả lại phải từ 1 đến %d",
                      "The working days to correct a returned report must be 1 to %d", REMIND_RETURN_DAYS_MAX);
        goto fail;
    }
    remind_schedule_format(&old, old_text, sizeof old_text);
    remind_schedule_format(&nw, new_text, sizeof new_text);
    int days = return_days ? return_days : old_days;
    auth_ts(now, ts);
    if ((rc = store_remind_settings_set(s, plan_id, new_text, days, ts, u->id, e)))
        goto fail;
    before = json_pack("{s:s, s:i}", "schedule", old_text, "return_days", old_days);
    after = json_pack("{s:s, s:i}", "schedule", new_text, "return_days", days);
    if (!before || !after) {
        rc = app_nomem(e);
        goto fail;
    }
    if ((rc = audit_append_id(s, u, now, "plan.reminders", "plan", plan_id, before, after, e)))
        goto fail;
    json_decref(before);
    json_decref(after);
    return store_commit(s, e);
fail:
    json_decref(before);
    json_decref(after);
    store_rollback(s);
    return rc;
}

/* The Vietnamese day of an ISO UTC timestamp, or PERIOD_NO_DAY. */
static int32_t ts_day(const char *ts)
{
    time_t t = ts ? report_ts_parse(ts) : -1;
    return t < 0 ? PERIOD_NO_DAY : period_today_vn(t);
}

dti_rc remind_return_due(store *s, int64_t plan_id, const char *returned_at, int32_t *due, dti_err *e)
{
    remind_schedule sc;
    int days = REMIND_RETURN_DAYS_DEFAULT;
    *due = PERIOD_NO_DAY;
    dti_rc rc = remind_settings_get(s, plan_id, &sc, &days, e);
    if (rc)
        return rc;
    int32_t r = ts_day(returned_at);
    if (r != PERIOD_NO_DAY)
        *due = remind_add_workdays(r, days);
    return DTI_OK;
}

/* ---- a run ---------------------------------------------------------------------- */

struct user_row {
    int64_t id;
    char name[64];
    char *display, *email;          /* owned */
};

struct users {
    struct user_row *v;
    size_t n, cap;
    int nomem;
};

static void users_free(struct users *u)
{
    for (size_t i = 0; i < u->n; i++) {
        free(u->v[i].display);
        free(u->v[i].email);
    }
    free(u->v);
    memset(u, 0, sizeof *u);
}

static int user_row_fn(void *ctx, const store_row *r)
{
    struct users *c = ctx;
    struct user_row *nv = vec_grow(c->v, c->n, &c->cap, sizeof *nv, 8);
    if (!nv) {
        c->nomem = 1;
        return 1;
    }
    c->v = nv;
    struct user_row *x = &c->v[c->n];
    memset(x, 0, sizeof *x);
    x->id = r->v[0].i;
    snprintf(x->name, sizeof x->name, "%s", app_col(r, 1) ? app_col(r, 1) : "");
    x->display = strdup(app_col(r, 2) ? app_col(r, 2) : "");
    x->email = app_col(r, 3) && *app_col(r, 3) ? strdup(app_col(r, 3)) : NULL;
    if (!x->display || (app_col(r, 3) && *app_col(r, 3) && !x->email)) {
        free(x->display);
        free(x->email);
        c->nomem = 1;
        return 1;
    }
    c->n++;
    return 0;
}

/* Everything one run keeps. */
struct run {
    store *s;
    time_t now;
    int32_t today;
    int dry, mail;
    char ts[AUTH_TS_LEN];
    const char *app_url;
    remind_result *r;
    dti_err *e;
    /* the plan at hand */
    int64_t plan_id, commune_id;
    char title[512];
    remind_schedule sched;
    int return_days;
    const char *rtitle;             /* the request at hand's title (period_name), or NULL */
};

/* "Tháng 11/2026", "Quý IV/2026", "6 tháng đầu năm 2026", "Năm 2026"; a
 * request's "tuần 49/2026" or "đột xuất “TITLE”" (TITLE: the run's request
 * at hand, else the code); the code itself for anything else. */
static void period_name_of(const char *code, const char *title, char *out, size_t n)
{
    static const char *const ROMAN[] = {"I", "II", "III", "IV"};
    period p;
    char rk;
    int ry, rn;
    if (period_request_parse(code, &rk, &ry, &rn) == 0) {
        if (rk == 'W')
            snprintf(out, n, "tuần %d/%d", rn, ry);
        else if (title && *title)
            snprintf(out, n, "đột xuất “%s”", title);
        else
            snprintf(out, n, "đột xuất %s", code);
        return;
    }
    if (period_parse(code, &p) != 0) {
        snprintf(out, n, "kỳ %s", code);
        return;
    }
    int first = period_first_month(&p);
    int y = period_ymd_of(period_start(&p)).y;
    switch (p.kind) {
    case PERIOD_MONTH: snprintf(out, n, "tháng %02d/%d", first, y); break;
    case PERIOD_QUARTER: snprintf(out, n, "quý %s/%d", ROMAN[((first - 1) / 3) & 3], y); break;
    case PERIOD_HALF: snprintf(out, n, "6 tháng %s năm %d", first <= 6 ? "đầu" : "cuối", y); break;
    default: snprintf(out, n, "năm %d", y); break;
    }
}

static const char *kind_of_step(const remind_schedule *sc, int i)
{
    int off = sc->off[i];
    if (off < 0)
        return "before";
    if (off == 0)
        return "due";
    return i == sc->n - 1 ? "escalate" : "after";
}

static dti_rc add_item(struct run *u, const char *kind, const struct user_row *to, const char *org,
                       const char *code, const char *subject)
{
    remind_result *r = u->r;
    remind_item *nv = vec_grow(r->v, r->n, &r->cap, sizeof *nv, 16);
    if (!nv)
        return app_nomem(u->e);
    r->v = nv;
    remind_item *x = &r->v[r->n];
    memset(x, 0, sizeof *x);
    snprintf(x->kind, sizeof x->kind, "%s", kind);
    snprintf(x->user, sizeof x->user, "%s", to->name);
    snprintf(x->period, sizeof x->period, "%s", code);
    x->email = to->email ? strdup(to->email) : NULL;
    x->org = strdup(org ? org : "");
    x->subject = strdup(subject);
    if ((to->email && !x->email) || !x->org || !x->subject) {
        free(x->email);
        free(x->org);
        free(x->subject);
        return app_nomem(u->e);
    }
    r->n++;
    return DTI_OK;
}

/* Record one notice to each of USERS (unless its key exists). */
static dti_rc tell(struct run *u, const struct users *users, const char *kind, int64_t org_id, const char *org,
                   const char *code, const char *step, const char *subject, const char *body)
{
    for (size_t i = 0; i < users->n; i++) {
        const struct user_row *to = &users->v[i];
        store_notice_new n = {kind, u->plan_id, code, org_id, to->id, step, subject, body, u->ts, to->email,
                              u->mail};
        int added = 0;
        dti_rc rc = u->dry ? store_notice_exists(u->s, &n, &added, u->e) : store_notice_add(u->s, &n, &added, u->e);
        if (rc)
            return rc;
        if (u->dry)
            added = !added;
        if (added && (rc = add_item(u, kind, to, org, code, subject)))
            return rc;
    }
    return DTI_OK;
}

static dti_rc load_users(struct run *u, int64_t org_id, const char *role, struct users *out)
{
    dti_rc rc = store_remind_users(u->s, org_id, role, user_row_fn, out, u->e);
    if (rc == DTI_OK && out->nomem)
        rc = app_nomem(u->e);
    return rc;
}

/* The unit's people for KIND: reporters; with its head after the deadline
 * (the coordinators hear of it in the digest). */
static dti_rc recipients(struct run *u, const char *kind, int64_t org_id, struct users *out)
{
    dti_rc rc = load_users(u, org_id, "reporter", out);
    if (!rc && (strcmp(kind, "after") == 0 || strcmp(kind, "escalate") == 0))
        rc = load_users(u, org_id, "viewer", out);
    return rc;
}

/* Where to go next: the unit's "Việc của tôi", or (SCREEN) another screen. */
static void link_line(struct run *u, buf *b, const char *screen)
{
    if (!screen)
        screen = "Việc của tôi";
    if (u->app_url && *u->app_url)
        buf_printf(b, "\nMở dti: %s (mục “%s”).\n", u->app_url, screen);
    else
        buf_printf(b, "\nMở dti, mục “%s”.\n", screen);
}

/* One deadline reminder to the unit ORG for step I of the deadline DUE. */
static dti_rc remind_unit(struct run *u, int64_t org_id, const char *org, const char *code, int32_t due, int i,
                          const char *why)
{
    const char *kind = kind_of_step(&u->sched, i);
    int off = u->sched.off[i];
    int32_t day = due + off;
    int left = due - u->today;
    char pname[PNAME_MAX], dd[PERIOD_DATE_LEN], di[PERIOD_DATE_LEN], step[40], subject[512];
    struct users to = {0};
    buf b;
    dti_rc rc;
    (void)day;
    period_name_of(code, u->rtitle, pname, sizeof pname);
    period_date_vn(due, dd);
    snprintf(step, sizeof step, "%s:%d", period_date_iso(due, di), off);
    if (left > 0)
        snprintf(subject, sizeof subject, "Nhắc hạn: báo cáo %s của %s, hạn %s (còn %d ngày)", pname, org, dd, left);
    else if (left == 0)
        snprintf(subject, sizeof subject, "Hôm nay hết hạn: báo cáo %s của %s (hạn %s)", pname, org, dd);
    else
        snprintf(subject, sizeof subject, "Quá hạn %d ngày: báo cáo %s của %s (hạn %s)", -left, pname, org, dd);
    buf_init(&b, 1 << 16);
    buf_printf(&b, "Kế hoạch: %s\nĐơn vị: %s\nKỳ báo cáo: %s\nHạn nộp: %s%s\n", u->title, org, pname, dd, why);
    if (left > 0)
        buf_printf(&b, "Còn %d ngày đến hạn; đơn vị chưa nộp báo cáo.\n", left);
    else if (left == 0)
        buf_adds(&b, "Hôm nay là ngày cuối cùng; đơn vị chưa nộp báo cáo.\n");
    else
        buf_printf(&b, "Đã quá hạn %d ngày; đơn vị chưa nộp báo cáo.%s\n", -left,
                   strcmp(kind, "escalate") == 0
                       ? " Đây là lần nhắc cuối; thư này cũng gửi lãnh đạo đơn vị, và bộ phận điều phối đã có "
                         "danh sách các đơn vị chưa nộp."
                       : " Thư này cũng gửi lãnh đạo đơn vị; bộ phận điều phối nhận danh sách các đơn vị chưa nộp.");
    link_line(u, &b, NULL);
    if (buf_failed(&b)) {
        buf_release(&b);
        return app_nomem(u->e);
    }
    if (!(rc = recipients(u, kind, org_id, &to)))
        rc = tell(u, &to, kind, org_id, org, code, step, subject, b.ptr);
    users_free(&to);
    buf_release(&b);
    return rc;
}

struct lead {
    int64_t id;
    char *name;         /* owned */
    char state[16];     /* "" when no report */
};

struct leads {
    struct lead *v;
    size_t n, cap;
    int nomem;
};

static int lead_row(void *ctx, const store_row *r)
{
    struct leads *c = ctx;
    struct lead *nv = vec_grow(c->v, c->n, &c->cap, sizeof *nv, 16);
    if (!nv || !(c->v = nv, c->v[c->n].name = strdup(app_col(r, 1) ? app_col(r, 1) : ""))) {
        c->nomem = 1;
        return 1;
    }
    c->v[c->n].id = r->v[0].i;
    snprintf(c->v[c->n].state, sizeof c->v[c->n].state, "%s", app_col(r, 2) ? app_col(r, 2) : "");
    c->n++;
    return 0;
}

static void leads_free(struct leads *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i].name);
    free(l->v);
}

/* The digest of the units still late for period CODE at step I. */
static dti_rc digest(struct run *u, const char *code, int32_t due, int i, const struct leads *l)
{
    char pname[PNAME_MAX], dd[PERIOD_DATE_LEN], di[PERIOD_DATE_LEN], step[40], subject[512];
    struct users to = {0};
    size_t late = 0;
    dti_rc rc = DTI_OK;
    buf b;
    period_name_of(code, u->rtitle, pname, sizeof pname);
    period_date_vn(due, dd);
    snprintf(step, sizeof step, "%s:%d", period_date_iso(due, di), u->sched.off[i]);
    buf_init(&b, 1 << 18);
    buf_printf(&b, "Kế hoạch: %s\nKỳ báo cáo: %s · hạn đơn vị nộp %s (quá hạn %d ngày)\n\nĐơn vị chưa nộp:\n",
               u->title, pname, dd, u->today - due);
    for (size_t k = 0; k < l->n; k++) {
        const struct lead *x = &l->v[k];
        if (*x->state && strcmp(x->state, "draft") != 0)
            continue;
        struct users rep = {0};
        if ((rc = load_users(u, x->id, "reporter", &rep))) {
            users_free(&rep);
            break;
        }
        size_t mails = 0;
        for (size_t j = 0; j < rep.n; j++)
            mails += rep.v[j].email != NULL;
        buf_printf(&b, "  - %s: %s", x->name, *x->state ? "có bản nháp, chưa nộp" : "chưa có báo cáo");
        if (!rep.n)
            buf_adds(&b, " (đơn vị chưa có tài khoản: không ai nhận được nhắc hạn)");
        else if (!mails)
            buf_adds(&b, " (tài khoản chưa có thư điện tử: chỉ thấy nhắc trong dti)");
        buf_addc(&b, '\n');
        users_free(&rep);
        late++;
    }
    if (!rc && late) {
        snprintf(subject, sizeof subject, "Tổng hợp: %zu đơn vị chưa nộp báo cáo %s (hạn %s)", late, pname, dd);
        link_line(u, &b, "Tổng quan");
        if (buf_failed(&b))
            rc = app_nomem(u->e);
        else if (!(rc = load_users(u, u->commune_id, "coordinator", &to)))
            rc = tell(u, &to, "digest", u->commune_id, "", code, step, subject, b.ptr);
    }
    users_free(&to);
    buf_release(&b);
    return rc;
}

struct per_row {
    char code[16];
    char end[16];
    int32_t due;
};

struct pers {
    struct per_row *v;
    size_t n, cap;
    int nomem;
};

static int per_row_fn(void *ctx, const store_row *r)
{
    struct pers *c = ctx;
    int32_t due;
    if (!app_col(r, 0) || !app_col(r, 2) || period_date_parse(app_col(r, 2), &due) != 0)
        return 0;
    struct per_row *nv = vec_grow(c->v, c->n, &c->cap, sizeof *nv, 16);
    if (!nv) {
        c->nomem = 1;
        return 1;
    }
    c->v = nv;
    snprintf(c->v[c->n].code, sizeof c->v[c->n].code, "%s", app_col(r, 0));
    snprintf(c->v[c->n].end, sizeof c->v[c->n].end, "%.10s", app_col(r, 1) ? app_col(r, 1) : "");
    c->v[c->n].due = due;
    c->n++;
    return 0;
}

/* ---- ad-hoc and weekly requests (app/plan/request.h) ---- */

struct req_due {
    char code[16], end[16];
    char *title;        /* owned */
    int32_t due;
};

struct req_dues {
    struct req_due *v;
    size_t n, cap;
    int nomem;
};

static int req_due_row(void *ctx, const store_row *r)
{
    struct req_dues *c = ctx;
    int32_t due;
    if (!app_col(r, 0) || !app_col(r, 2) || period_date_parse(app_col(r, 2), &due) != 0)
        return 0;
    struct req_due *nv = vec_grow(c->v, c->n, &c->cap, sizeof *nv, 16);
    if (!nv || !(c->v = nv, c->v[c->n].title = strdup(app_col(r, 3) ? app_col(r, 3) : ""))) {
        c->nomem = 1;
        return 1;
    }
    snprintf(c->v[c->n].code, sizeof c->v[c->n].code, "%s", app_col(r, 0));
    snprintf(c->v[c->n].end, sizeof c->v[c->n].end, "%.10s", app_col(r, 1) ? app_col(r, 1) : "");
    c->v[c->n].due = due;
    c->n++;
    return 0;
}

/* The deadline reminders and digests of the plan's requests not cancelled
 * whose deadline lies in FROM..TO, to the units each asks (as periods). */
static dti_rc run_request_deadlines(struct run *u, const char *from, const char *to)
{
    struct req_dues rq = {0};
    dti_rc rc = store_request_remind_due(u->s, u->plan_id, from, to, req_due_row, &rq, u->e);
    if (!rc && rq.nomem)
        rc = app_nomem(u->e);
    for (size_t k = 0; !rc && k < rq.n; k++) {
        const struct req_due *p = &rq.v[k];
        int i = remind_step_due(&u->sched, p->due, u->today, PERIOD_NO_DAY);
        if (i < 0)
            continue;
        struct leads l = {0};
        u->rtitle = p->title;
        if (!(rc = store_request_remind_leads(u->s, u->plan_id, p->code, lead_row, &l, u->e)) && l.nomem)
            rc = app_nomem(u->e);
        for (size_t j = 0; !rc && j < l.n; j++)
            if (!*l.v[j].state || strcmp(l.v[j].state, "draft") == 0)
                rc = remind_unit(u, l.v[j].id, l.v[j].name, p->code, p->due, i, "");
        if (!rc && u->sched.off[i] > 0)
            rc = digest(u, p->code, p->due, i, &l);
        u->rtitle = NULL;
        leads_free(&l);
    }
    for (size_t k = 0; k < rq.n; k++)
        free(rq.v[k].title);
    free(rq.v);
    return rc;
}

/* Deadline reminders and digests of the plan at hand. */
static dti_rc run_deadlines(struct run *u)
{
    struct pers pr = {0};
    char from[PERIOD_DATE_LEN], to[PERIOD_DATE_LEN];
    int lo = u->sched.off[0], hi = u->sched.off[u->sched.n - 1];
    period_date_iso(u->today - hi - REMIND_CATCHUP_DAYS, from);
    period_date_iso(u->today - lo, to);
    dti_rc rc = store_remind_periods(u->s, u->plan_id, from, to, per_row_fn, &pr, u->e);
    if (!rc && pr.nomem)
        rc = app_nomem(u->e);
    for (size_t k = 0; !rc && k < pr.n; k++) {
        const struct per_row *p = &pr.v[k];
        int i = remind_step_due(&u->sched, p->due, u->today, PERIOD_NO_DAY);
        if (i < 0)
            continue;
        struct leads l = {0};
        if (!(rc = store_remind_leads(u->s, u->plan_id, p->code, p->end, lead_row, &l, u->e)) && l.nomem)
            rc = app_nomem(u->e);
        for (size_t j = 0; !rc && j < l.n; j++)
            if (!*l.v[j].state || strcmp(l.v[j].state, "draft") == 0)
                rc = remind_unit(u, l.v[j].id, l.v[j].name, p->code, p->due, i, "");
        if (!rc && u->sched.off[i] > 0)
            rc = digest(u, p->code, p->due, i, &l);
        leads_free(&l);
    }
    free(pr.v);
    return rc ? rc : run_request_deadlines(u, from, to);
}

struct rev {
    int64_t org_id;
    char *org, *at, *reason;    /* owned */
    char period[16];
};

struct revs {
    struct rev *v;
    size_t n, cap;
    int nomem;
};

static int rev_row(void *ctx, const store_row *r)
{
    struct revs *c = ctx;
    struct rev *nv = vec_grow(c->v, c->n, &c->cap, sizeof *nv, 16);
    if (!nv) {
        c->nomem = 1;
        return 1;
    }
    c->v = nv;
    struct rev *x = &c->v[c->n];
    memset(x, 0, sizeof *x);
    x->org_id = r->v[0].i;
    snprintf(x->period, sizeof x->period, "%s", app_col(r, 2) ? app_col(r, 2) : "");
    x->org = strdup(app_col(r, 1) ? app_col(r, 1) : "");
    x->at = strdup(app_col(r, 4) ? app_col(r, 4) : "");
    x->reason = strdup(app_col(r, 5) ? app_col(r, 5) : "");
    if (!x->org || !x->at || !x->reason) {
        free(x->org);
        free(x->at);
        free(x->reason);
        c->nomem = 1;
        return 1;
    }
    c->n++;
    return 0;
}

static void revs_free(struct revs *v)
{
    for (size_t i = 0; i < v->n; i++) {
        free(v->v[i].org);
        free(v->v[i].at);
        free(v->v[i].reason);
    }
    free(v->v);
}

/* The UTC timestamp of the start of Vietnamese day DAY. */
static void day_ts(int32_t day, char out[AUTH_TS_LEN])
{
    auth_ts((time_t)((int64_t)day * 86400 - 7 * 3600), out);
}

/* Returns (told at once, then reminded against the new deadline) and approvals. */
static dti_rc run_reviews(struct run *u)
{
    struct revs ret = {0}, apr = {0};
    char since[AUTH_TS_LEN];
    dti_rc rc;
    /* far enough back for the reminders of the longest return window */
    day_ts(u->today - (u->return_days * 7 / 5 + 3) - u->sched.off[u->sched.n - 1] - REMIND_CATCHUP_DAYS -
               REMIND_REVIEW_DAYS, since);
    if ((rc = store_remind_reviewed(u->s, u->plan_id, "returned", since, rev_row, &ret, u->e)))
        goto out;
    day_ts(u->today - REMIND_REVIEW_DAYS, since);
    if ((rc = store_remind_reviewed(u->s, u->plan_id, "approved", since, rev_row, &apr, u->e)))
        goto out;
    if (ret.nomem || apr.nomem) {
        rc = app_nomem(u->e);
        goto out;
    }
    for (size_t k = 0; k < ret.n; k++) {
        const struct rev *x = &ret.v[k];
        int32_t rday = ts_day(x->at);
        if (rday == PERIOD_NO_DAY)
            continue;
        int32_t due = remind_add_workdays(rday, u->return_days);
        char pname[PNAME_MAX], dd[PERIOD_DATE_LEN], rd[PERIOD_DATE_LEN], subject[512], why[128];
        period_name_of(x->period, NULL, pname, sizeof pname);
        period_date_vn(due, dd);
        period_date_vn(rday, rd);
        if (u->today - rday <= REMIND_REVIEW_DAYS && u->today <= due + REMIND_CATCHUP_DAYS) {
            struct users to = {0};
            buf b;
            buf_init(&b, 1 << 16);
            snprintf(subject, sizeof subject, "Báo cáo %s của %s bị trả lại ngày %s: cần sửa trước hạn %s", pname,
                     x->org, rd, dd);
            buf_printf(&b, "Kế hoạch: %s\nĐơn vị: %s\nKỳ báo cáo: %s\nBị trả lại ngày: %s\nLý do: %s\n"
                           "Hạn nộp lại: %s (%d ngày làm việc kể từ ngày trả lại).\n",
                       u->title, x->org, pname, rd, x->reason, dd, u->return_days);
            link_line(u, &b, NULL);
            if (buf_failed(&b))
                rc = app_nomem(u->e);
            else if (!(rc = load_users(u, x->org_id, "reporter", &to)))
                rc = tell(u, &to, "returned", x->org_id, x->org, x->period, x->at, subject, b.ptr);
            users_free(&to);
            buf_release(&b);
            if (rc)
                goto out;
        }
        int i = remind_step_due(&u->sched, due, u->today, rday);
        if (i >= 0) {
            snprintf(why, sizeof why, " (hạn nộp lại sau khi bị trả lại ngày %s)", rd);
            if ((rc = remind_unit(u, x->org_id, x->org, x->period, due, i, why)))
                goto out;
        }
    }
    for (size_t k = 0; k < apr.n; k++) {
        const struct rev *x = &apr.v[k];
        char pname[PNAME_MAX], subject[512];
        struct users to = {0};
        buf b;
        period_name_of(x->period, NULL, pname, sizeof pname);
        snprintf(subject, sizeof subject, "Báo cáo %s của %s đã được duyệt", pname, x->org);
        buf_init(&b, 1 << 16);
        buf_printf(&b, "Kế hoạch: %s\nĐơn vị: %s\nKỳ báo cáo: %s\nBáo cáo đã được duyệt; số liệu đã vào chỉ số.\n",
                   u->title, x->org, pname);
        link_line(u, &b, NULL);
        if (buf_failed(&b))
            rc = app_nomem(u->e);
        else if (!(rc = load_users(u, x->org_id, "reporter", &to)))
            rc = tell(u, &to, "approved", x->org_id, x->org, x->period, x->at, subject, b.ptr);
        users_free(&to);
        buf_release(&b);
        if (rc)
            goto out;
    }
out:
    revs_free(&ret);
    revs_free(&apr);
    return rc;
}

/* One row of store_request_remind_events. */
static int32_t col_day10(const char *v)
{
    char d[PERIOD_DATE_LEN];
    int32_t day;
    if (!v)
        return PERIOD_NO_DAY;
    snprintf(d, sizeof d, "%.10s", v);
    return period_date_parse(d, &day) == 0 ? day : PERIOD_NO_DAY;
}

/* KIND to each of TO who was told the request CODE (opened at OPENED) before
 * WHEN: a change or cancellation is news only to those who heard of the
 * request before it; who hears of it later hears of it as it is. */
static dti_rc tell_told(struct run *u, const struct users *to, const char *kind, int64_t org_id, const char *org,
                        const char *code, const char *opened, const char *when, const char *step,
                        const char *subject, const char *body)
{
    for (size_t i = 0; i < to->n; i++) {
        store_notice_new k = {"opened", u->plan_id, code, org_id, to->v[i].id, opened, "", "", u->ts, NULL, 0};
        char *told = NULL;
        dti_rc rc = store_notice_created(u->s, &k, &told, u->e);
        if (rc)
            return rc;
        int before = told && strcmp(told, when) < 0;
        free(told);
        struct users one = {&to->v[i], 1, 1, 0};
        if (before && (rc = tell(u, &one, kind, org_id, org, code, step, subject, body)))
            return rc;
    }
    return DTI_OK;
}

struct req_ev {
    struct run *u;
    dti_rc rc;
};

/* The notices of one (request, unit) row: "opened" from REMIND_ANNOUNCE_DAYS
 * before the request starts until its deadline; "changed" (an edit, or the
 * unit dropped by one) and "cancelled" within REMIND_REVIEW_DAYS, to the
 * unit's reporters who were told it was opened. */
static int req_ev_row(void *ctx, const store_row *r)
{
    struct req_ev *c = ctx;
    struct run *u = c->u;
    const char *code = app_col(r, 0), *title = app_col(r, 2), *created = app_col(r, 6), *updated = app_col(r, 7),
               *cancelled = app_col(r, 8), *reason = app_col(r, 9), *org = app_col(r, 11), *dropped = app_col(r, 12);
    int64_t org_id = r->v[10].i;
    int32_t start = col_day10(app_col(r, 3)), end = col_day10(app_col(r, 4)), due = col_day10(app_col(r, 5));
    char pname[PNAME_MAX], ds[PERIOD_DATE_LEN], de[PERIOD_DATE_LEN], dd[PERIOD_DATE_LEN], subject[512];
    char step[AUTH_TS_LEN + 8];
    struct users to = {0};
    const char *kind = NULL;
    buf b;
    if (!code || !created || start == PERIOD_NO_DAY || end == PERIOD_NO_DAY || due == PERIOD_NO_DAY)
        return 0;
    if (!org)
        org = "";
    period_name_of(code, title, pname, sizeof pname);
    period_date_vn(start, ds);
    period_date_vn(end, de);
    period_date_vn(due, dd);
    buf_init(&b, 1 << 16);
    buf_printf(&b, "Kế hoạch: %s\nĐơn vị: %s\nYêu cầu báo cáo: %s (%s)\nSố liệu từ %s đến %s\n", u->title, org,
               pname, code, ds, de);
    if (cancelled) {
        if (dropped || u->today - col_day10(cancelled) > REMIND_REVIEW_DAYS)
            goto done;
        kind = "cancelled";
        snprintf(step, sizeof step, "%s", cancelled);
        snprintf(subject, sizeof subject, "Đã hủy yêu cầu báo cáo %s của %s", pname, org);
        buf_printf(&b, "Yêu cầu này đã bị hủy; đơn vị không phải nộp báo cáo.\nLý do: %s\n"
                       "Báo cáo đơn vị đã lưu theo yêu cầu này (nếu có) vẫn được giữ.\n", reason ? reason : "");
    } else if (dropped) {
        if (u->today - col_day10(dropped) > REMIND_REVIEW_DAYS)
            goto done;
        kind = "changed";
        snprintf(step, sizeof step, "drop:%s", dropped);
        snprintf(subject, sizeof subject, "Không còn yêu cầu %s báo cáo %s", org, pname);
        buf_adds(&b, "Điều phối viên đã sửa yêu cầu: đơn vị không còn phải nộp báo cáo này.\n");
    } else if (updated && u->today - col_day10(updated) <= REMIND_REVIEW_DAYS && u->today <= due) {
        kind = "changed";
        snprintf(step, sizeof step, "%s", updated);
        snprintf(subject, sizeof subject, "Yêu cầu báo cáo %s của %s đã thay đổi: hạn %s", pname, org, dd);
        buf_printf(&b, "Hạn nộp: %s\nĐiều phối viên đã sửa yêu cầu (tên, hạn nộp hoặc các đơn vị được yêu cầu); "
                       "trên đây là nội dung hiện hành.\n", dd);
    }
    if (kind) {
        link_line(u, &b, NULL);
        if (buf_failed(&b))
            c->rc = app_nomem(u->e);
        else if (!(c->rc = load_users(u, org_id, "reporter", &to)))
            c->rc = tell_told(u, &to, kind, org_id, org, code, created, cancelled ? cancelled : dropped ? dropped : updated,
                              step, subject, b.ptr);
        users_free(&to);
        if (c->rc || cancelled || dropped)
            goto done;
    }
    /* opened: announced from a few days before the start until the deadline */
    if (u->today >= start - REMIND_ANNOUNCE_DAYS && u->today <= due) {
        buf_release(&b);
        buf_init(&b, 1 << 16);
        int left = due - u->today;
        snprintf(subject, sizeof subject, "Yêu cầu báo cáo mới: %s của %s, hạn %s", pname, org, dd);
        buf_printf(&b, "Kế hoạch: %s\nĐơn vị: %s\nYêu cầu báo cáo: %s (%s)\nSố liệu từ %s đến %s\n"
                       "Hạn nộp: %s (còn %d ngày)\nĐơn vị báo cáo theo mã %s như mọi kỳ báo cáo.\n",
                   u->title, org, pname, code, ds, de, dd, left, code);
        link_line(u, &b, NULL);
        struct users to2 = {0};
        if (buf_failed(&b))
            c->rc = app_nomem(u->e);
        else if (!(c->rc = load_users(u, org_id, "reporter", &to2)))
            c->rc = tell(u, &to2, "opened", org_id, org, code, created, subject, b.ptr);
        users_free(&to2);
    }
done:
    buf_release(&b);
    return c->rc ? 1 : 0;
}

/* The opened/changed/cancelled notices of the plan's requests. */
static dti_rc run_request_events(struct run *u)
{
    char until[PERIOD_DATE_LEN], since[PERIOD_DATE_LEN];
    struct req_ev c = {u, DTI_OK};
    period_date_iso(u->today + REMIND_ANNOUNCE_DAYS, until);
    period_date_iso(u->today - REMIND_REVIEW_DAYS, since);
    dti_rc rc = store_request_remind_events(u->s, u->plan_id, until, since, req_ev_row, &c, u->e);
    return rc ? rc : c.rc;
}

struct plan_row {
    int64_t id, org_id;
    char title[512];
};

struct plans {
    struct plan_row *v;
    size_t n, cap;
    int nomem;
};

static int plan_row_fn(void *ctx, const store_row *r)
{
    struct plans *c = ctx;
    struct plan_row *nv = vec_grow(c->v, c->n, &c->cap, sizeof *nv, 8);
    if (!nv) {
        c->nomem = 1;
        return 1;
    }
    c->v = nv;
    c->v[c->n].id = r->v[0].i;
    c->v[c->n].org_id = r->v[1].i;
    snprintf(c->v[c->n].title, sizeof c->v[c->n].title, "%s",
             app_col(r, 2) && *app_col(r, 2) ? app_col(r, 2) : "(chưa có tên)");
    c->n++;
    return 0;
}

/* One pass over every plan: DRY checks which notices exist (in a read
 * transaction), else adds them (in a write transaction). R gets the notices
 * added, or for DRY those that would be. */
static dti_rc run_pass(store *s, time_t now, const remind_mail_cfg *mail, int dry, remind_result *r, dti_err *e)
{
    struct plans pl = {0};
    struct run u;
    memset(&u, 0, sizeof u);
    memset(r, 0, sizeof *r);
    u.s = s;
    u.now = now;
    u.today = period_today_vn(now);
    u.dry = dry;
    u.mail = mail && mail->enabled;
    u.app_url = mail && mail->app_url[0] ? mail->app_url : getenv("DTI_APP_URL");
    u.r = r;
    u.e = e;
    auth_ts(now, u.ts);
    dti_rc rc = dry ? store_begin_read(s, e) : store_begin(s, e);
    if (rc)
        return rc;
    if (!(rc = store_remind_plans(s, plan_row_fn, &pl, e)) && pl.nomem)
        rc = app_nomem(e);
    for (size_t i = 0; !rc && i < pl.n; i++) {
        u.plan_id = pl.v[i].id;
        u.commune_id = pl.v[i].org_id;
        snprintf(u.title, sizeof u.title, "%s", pl.v[i].title);
        if (!(rc = remind_settings_get(s, u.plan_id, &u.sched, &u.return_days, e)) && !(rc = run_deadlines(&u)) &&
            !(rc = run_reviews(&u)))
            rc = run_request_events(&u);
    }
    free(pl.v);
    if (rc || dry) {
        store_rollback(s);
        return rc;
    }
    return store_commit(s, e);
}

/* Decision: a run first looks in a read transaction; only when something is
 * new does it take the write lock and add it (the server runs this every
 * minute, and most minutes there is nothing to add: the requests' writes
 * are not made to queue behind it for nothing). */
dti_rc remind_run_as(store *s, time_t now, const remind_mail_cfg *mail, int dry, remind_result *r, dti_err *e)
{
    dti_rc rc = run_pass(s, now, mail, 1, r, e);
    if (rc || dry)
        return rc;
    if (r->n) {
        remind_result_release(r);
        if ((rc = run_pass(s, now, mail, 0, r, e)))
            return rc;
    }
    if (mail && mail->enabled)
        return remind_send_pending(s, now, mail, r, e);
    return DTI_OK;
}

dti_rc remind_run_allowed(app *a, dti_err *e)
{
    auth_user user, *u = &user;
    dti_rc rc = app_actor(a, u, NULL, e);
    if (rc)
        return rc;
    if (u->id > 0 && u->active && u->role == ROLE_ADMIN)
        return DTI_OK;
    return dti_fail(e, DTI_ERR_PERM, "", "Chỉ quản trị hệ thống chạy nhắc hạn bằng tay (máy chủ tự chạy mỗi phút)",
                    "Only an administrator runs the reminders by hand (the server runs them every minute)");
}

void remind_result_release(remind_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n; i++) {
        free(r->v[i].email);
        free(r->v[i].org);
        free(r->v[i].subject);
    }
    free(r->v);
    memset(r, 0, sizeof *r);
}

struct mail_row {
    char *email, *subject, *body;
    int nomem;
};

static int mail_row_fn(void *ctx, const store_row *r)
{
    struct mail_row *c = ctx;
    c->email = app_col(r, 0) ? strdup(app_col(r, 0)) : NULL;
    c->subject = strdup(app_col(r, 1) ? app_col(r, 1) : "");
    c->body = strdup(app_col(r, 2) ? app_col(r, 2) : "");
    if ((app_col(r, 0) && !c->email) || !c->subject || !c->body)
        c->nomem = 1;
    return 1;
}

dti_rc remind_send_pending(store *s, time_t now, const remind_mail_cfg *mail, remind_result *r, dti_err *e)
{
    char ts[AUTH_TS_LEN], stale[AUTH_TS_LEN];
    dti_rc rc = DTI_OK;
    if (!mail || !mail->enabled)
        return DTI_OK;
    /* claims are stamped with the real clock: DTI_NOW pins what is due, not how long a send takes */
    int64_t last = 0;
    for (int guard = 0; guard < 100000; guard++) {
        int64_t id = 0;
        struct mail_row m = {NULL, NULL, NULL, 0};
        time_t real = time(NULL);
        auth_ts(real, ts);
        auth_ts(real - REMIND_MAIL_STALE_S, stale);
        if ((rc = store_notice_claim(s, last, ts, stale, REMIND_MAIL_ATTEMPTS, &id, e)) || !id)
            break;
        last = id;
        if ((rc = store_notice_mail_get(s, id, mail_row_fn, &m, e)) == DTI_OK && m.nomem)
            rc = app_nomem(e);
        if (rc == DTI_OK) {
            dti_err me;
            dti_err_clear(&me);
            int ok = m.email && remind_mail_send(mail, m.email, m.subject, m.body, now, id, &me) == DTI_OK;
            if (!m.email)
                snprintf(me.msg, sizeof me.msg, "%s", TR("không có địa chỉ", "no address"));
            rc = store_notice_mail_done(s, id, ok, ok ? NULL : me.msg, ts, REMIND_MAIL_ATTEMPTS, e);
            if (r) {
                if (ok)
                    r->mailed++;
                else
                    r->failed++;
            }
            if (!ok)
                fprintf(stderr, "dti: %s %lld: %s\n", TR("không gửi được thư của thông báo", "could not mail notice"),
                        (long long)id, me.msg);
        }
        free(m.email);
        free(m.subject);
        free(m.body);
        if (rc)
            break;
    }
    return rc;
}

/* ---- a user's notices ------------------------------------------------------------ */

struct list_ctx {
    json_t *arr;
    int nomem;
};

static int notice_row(void *ctx, const store_row *r)
{
    struct list_ctx *c = ctx;
    json_t *o = json_pack("{s:I, s:s, s:I, s:s, s:I, s:s, s:s, s:s, s:b, s:s}", "id", (json_int_t)r->v[0].i,
                          "kind", app_col(r, 1) ? app_col(r, 1) : "", "plan_id", (json_int_t)r->v[2].i,
                          "period", app_col(r, 3) ? app_col(r, 3) : "", "org_id", (json_int_t)r->v[4].i,
                          "subject", app_col(r, 5) ? app_col(r, 5) : "", "body", app_col(r, 6) ? app_col(r, 6) : "",
                          "created_at", app_col(r, 7) ? app_col(r, 7) : "", "read", app_col(r, 8) != NULL,
                          "email_state", app_col(r, 9) ? app_col(r, 9) : "none");
    if (!o || json_array_append_new(c->arr, o)) {
        c->nomem = 1;
        return 1;
    }
    return 0;
}

dti_rc remind_notices_as(store *s, const auth_user *u, int unread_only, json_t **out, dti_err *e)
{
    struct list_ctx c = {json_array(), 0};
    int64_t unread = 0;
    *out = NULL;
    if (!c.arr)
        return app_nomem(e);
    if (!u || u->id <= 0) {
        json_decref(c.arr);
        return dti_fail(e, DTI_ERR_AUTH, "", "cần đăng nhập", "login required");
    }
    dti_rc rc = store_notice_list(s, u->id, unread_only, REMIND_NOTICES_MAX, notice_row, &c, e);
    if (!rc && c.nomem)
        rc = app_nomem(e);
    if (!rc)
        rc = store_notice_unread(s, u->id, &unread, e);
    if (rc) {
        json_decref(c.arr);
        return rc;
    }
    if (!(*out = json_pack("{s:o, s:I}", "notices", c.arr, "unread", (json_int_t)unread)))
        return app_nomem(e);
    return DTI_OK;
}

dti_rc remind_notice_read_as(store *s, const auth_user *u, int64_t id, time_t now, dti_err *e)
{
    char ts[AUTH_TS_LEN];
    int64_t changed = 0;
    if (!u || u->id <= 0)
        return dti_fail(e, DTI_ERR_AUTH, "", "cần đăng nhập", "login required");
    auth_ts(now, ts);
    dti_rc rc = store_notice_mark_read(s, u->id, id, ts, &changed, e);
    if (rc || id == 0 || changed)
        return rc;
    /* already read is fine; another user's or none is not found */
    int found = 0;
    if ((rc = store_notice_owned(s, id, u->id, &found, e)))
        return rc;
    if (!found)
        return dti_fail(e, DTI_ERR_NOTFOUND, "notice", "không có thông báo số %lld", "no notice %lld", (long long)id);
    return DTI_OK;
}

/* ---- addresses --------------------------------------------------------------------- */

int remind_email_valid(const char *s)
{
    if (!s)
        return 0;
    size_t n = strlen(s);
    const char *at = strchr(s, '@');
    if (n < 3 || n > REMIND_EMAIL_MAX || !at || at == s || strchr(at + 1, '@'))
        return 0;
    for (const char *p = s; *p; p++)
        if ((unsigned char)*p <= ' ' || *p == 0x7f || strchr("<>,;\"()[]\\:", *p))
            return 0;
    const char *dot = strrchr(at + 1, '.');
    return dot && dot > at + 1 && dot[1] != 0;
}

/* The account ID as ACTOR may ACT on it. */
static dti_rc account(store *s, const auth_user *actor, int64_t id, auth_user_act act, auth_user *t, dti_err *e)
{
    if (!actor || actor->id <= 0)
        return dti_fail(e, DTI_ERR_AUTH, "", "cần đăng nhập", "login required");
    dti_rc rc = auth_user_get_id(s, id, t, e);
    if (rc == DTI_ERR_NOTFOUND || (rc == DTI_OK && t->id == 0))
        return dti_fail(e, DTI_ERR_NOTFOUND, "user", "không có người dùng số %lld", "no user %lld", (long long)id);
    if (rc)
        return rc;
    if (actor->id == id)
        return DTI_OK;
    return auth_can_user(s, actor, act, t, e);
}

dti_rc remind_email_get_as(store *s, const auth_user *actor, int64_t user_id, char **out, dti_err *e)
{
    auth_user t;
    *out = NULL;
    dti_rc rc = account(s, actor, user_id, AUTH_USER_SEE, &t, e);
    return rc ? rc : store_user_email_get(s, user_id, out, e);
}

dti_rc remind_email_set_as(store *s, const auth_user *actor, int64_t user_id, const char *email, time_t now,
                        dti_err *e)
{
    auth_user t;
    char *old = NULL, *clean = NULL;
    json_t *before = NULL, *after = NULL;
    dti_rc rc;
    if (email && *email) {
        if (!(clean = text_clean(email)))
            return app_nomem(e);
        if (!remind_email_valid(clean)) {
            rc = dti_fail(e, DTI_ERR_INPUT, "email", "Địa chỉ thư điện tử “%.80s” không hợp lệ (ví dụ: ten@xa.gov.vn)",
                          "The e-mail address “%.80s” is not valid (e.g. name@commune.gov.vn)", email);
            free(clean);
            return rc;
        }
    }
    if ((rc = store_begin(s, e))) {
        free(clean);
        return rc;
    }
    if ((rc = account(s, actor, user_id, AUTH_USER_MANAGE, &t, e)) ||
        (rc = store_user_email_get(s, user_id, &old, e)) ||
        (rc = store_user_email_set(s, user_id, clean && *clean ? clean : NULL, e)))
        goto fail;
    before = json_pack("{s:s, s:o}", "name", t.name, "email", old ? json_string(old) : json_null());
    after = json_pack("{s:s, s:o}", "name", t.name, "email", clean && *clean ? json_string(clean) : json_null());
    if (!before || !after) {
        rc = app_nomem(e);
        goto fail;
    }
    if ((rc = audit_append_id(s, actor, now, "user.email", "user", user_id, before, after, e)))
        goto fail;
    rc = store_commit(s, e);
    goto out;
fail:
    store_rollback(s);
out:
    json_decref(before);
    json_decref(after);
    free(old);
    free(clean);
    return rc;
}
