/* duty.c — an org's work on a plan: its items in force and the periods it
 * owes (duty.h). Reads only: the assignments, the calendar's periods and
 * the org's reports, loaded once each and joined here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app_util.h"
#include "app/report/duty.h"
#include "app/remind/remind.h"
#include "app/report/report.h"
#include "app/report/report_int.h"
#include "base/lang.h"
#include "core/period.h"
#include "store/store_duty.h"
#include "store/store_report.h"

#define DUTY_ROWS_MAX 100000    /* assignments, periods or reports of one org read at most */

const char *report_duty_when_name(report_duty_when w)
{
    switch (w) {
    case REPORT_DUTY_NONE: return "none";
    case REPORT_DUTY_CURRENT: return "current";
    case REPORT_DUTY_PAST: return "past";
    }
    return "none";
}

report_duty_when report_duty_period(const period_entry *pe, int32_t today, int assigned, int approved)
{
    if (!pe || !assigned || pe->start > today)
        return REPORT_DUTY_NONE;
    int32_t closes = pe->end;
    if (pe->unit_due != PERIOD_NO_DAY && pe->unit_due > closes)
        closes = pe->unit_due;
    if (today <= closes)
        return REPORT_DUTY_CURRENT;
    return approved ? REPORT_DUTY_NONE : REPORT_DUTY_PAST;
}

/* ---- loading ----------------------------------------------------------------- */

struct span { int lead; int32_t from, to; };   /* to: PERIOD_NO_DAY = open */

struct spans {
    struct span *v;
    size_t n, cap;
    int nomem;
};

/* Day of an ISO date or timestamp column ("2026-03-16", "2026-03-16T…"). */
static int32_t col_day(const store_row *r, size_t i, int32_t none)
{
    const char *s = app_col(r, i);
    char d[PERIOD_DATE_LEN];
    int32_t day;
    if (!s)
        return none;
    snprintf(d, sizeof d, "%.10s", s);
    return period_date_parse(d, &day) == 0 ? day : none;
}

/* V with room for element N (of SIZE bytes; *CAP updated), or NULL (V
 * unchanged) when memory or DUTY_ROWS_MAX runs out. */
static void *grow(void *v, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return v;
    if (n >= DUTY_ROWS_MAX)
        return NULL;
    size_t c = *cap ? *cap * 2 : 32;
    void *p = realloc(v, c * size);
    if (p)
        *cap = c;
    return p;
}

static int span_row(void *ctx, const store_row *r)
{
    struct spans *c = ctx;
    void *g = grow(c->v, &c->cap, c->n, sizeof *c->v);
    if (!g) {
        c->nomem = 1;
        return 1;
    }
    c->v = g;
    const char *role = app_col(r, 0);
    struct span *s = &c->v[c->n++];
    s->lead = role && strcmp(role, "lead") == 0;
    s->from = col_day(r, 1, INT32_MAX);
    s->to = col_day(r, 2, PERIOD_NO_DAY);
    return 0;
}

/* In force on DAY: from on or before it, to after it or open. *LEAD gets
 * whether a lead role is among them. */
static int spans_at(const struct spans *c, int32_t day, int *lead)
{
    int any = 0;
    *lead = 0;
    for (size_t i = 0; i < c->n; i++) {
        const struct span *s = &c->v[i];
        if (s->from <= day && (s->to == PERIOD_NO_DAY || s->to > day)) {
            any = 1;
            if (s->lead)
                *lead = 1;
        }
    }
    return any;
}

struct rep_row {
    char period[REPORT_PERIOD_MAX];
    int version;
    char state[16];
    char submitted[AUTH_TS_LEN];    /* of the newest version; "" when none */
    char first[AUTH_TS_LEN];        /* first submission of any version; "" when none */
    char returned[AUTH_TS_LEN];     /* newest version's return; "" when none */
    char *reason;                   /* owned; newest version's */
};

struct reps {
    struct rep_row *v;
    size_t n, cap;
    int nomem;
};

static int rep_row_fn(void *ctx, const store_row *r)
{
    struct reps *c = ctx;
    const char *code = app_col(r, 0), *state = app_col(r, 2), *sub = app_col(r, 3), *reason = app_col(r, 4);
    struct rep_row *x = c->n ? &c->v[c->n - 1] : NULL;
    if (!code)
        return 0;
    /* rows come by period then version: a new period starts a new entry */
    if (!x || strcmp(x->period, code) != 0) {
        void *g = grow(c->v, &c->cap, c->n, sizeof *c->v);
        if (!g) {
            c->nomem = 1;
            return 1;
        }
        c->v = g;
        x = &c->v[c->n++];
        memset(x, 0, sizeof *x);
        snprintf(x->period, sizeof x->period, "%s", code);
    }
    x->version = (int)r->v[1].i;
    snprintf(x->state, sizeof x->state, "%s", state ? state : "");
    snprintf(x->submitted, sizeof x->submitted, "%s", sub ? sub : "");
    if (sub && (!x->first[0] || strcmp(sub, x->first) < 0))
        snprintf(x->first, sizeof x->first, "%s", sub);
    snprintf(x->returned, sizeof x->returned, "%s", app_col(r, 5) ? app_col(r, 5) : "");
    free(x->reason);
    x->reason = NULL;
    if (reason && !(x->reason = strdup(reason))) {
        c->nomem = 1;
        return 1;
    }
    return 0;
}

static const struct rep_row *rep_find(const struct reps *c, const char *code)
{
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->v[i].period, code) == 0)
            return &c->v[i];
    return NULL;
}

struct per {
    period_entry pe;
    report_duty_when when;
    int expected;
    int32_t return_due;     /* a returned report's new deadline (remind_return_due), else PERIOD_NO_DAY */
};

struct pers {
    struct per *v;
    size_t n, cap;
    int nomem;
};

static int per_row(void *ctx, const store_row *r)
{
    struct pers *c = ctx;
    period p;
    const char *code = app_col(r, 0);
    if (!code || period_parse(code, &p) != 0)
        return 0;   /* the calendar writes only codes it reads: skip anything else */
    void *g = grow(c->v, &c->cap, c->n, sizeof *c->v);
    if (!g) {
        c->nomem = 1;
        return 1;
    }
    c->v = g;
    struct per *x = &c->v[c->n++];
    memset(x, 0, sizeof *x);
    x->pe.p = p;
    period_format(&p, x->pe.code);
    x->pe.start = col_day(r, 1, period_start(&p));
    x->pe.end = col_day(r, 2, period_end(&p));
    x->pe.unit_due = col_day(r, 3, PERIOD_NO_DAY);
    x->pe.commune_due = PERIOD_NO_DAY;
    return 0;
}

/* Returned reports first (by their new deadline), then by the units'
 * deadline (the end where none), then kind, then code. */
static int per_cmp(const void *a, const void *b)
{
    const struct per *x = a, *y = b;
    if ((x->return_due != PERIOD_NO_DAY) != (y->return_due != PERIOD_NO_DAY))
        return x->return_due != PERIOD_NO_DAY ? -1 : 1;
    if (x->return_due != y->return_due)
        return x->return_due < y->return_due ? -1 : 1;
    int32_t dx = x->pe.unit_due != PERIOD_NO_DAY ? x->pe.unit_due : x->pe.end;
    int32_t dy = y->pe.unit_due != PERIOD_NO_DAY ? y->pe.unit_due : y->pe.end;
    if (dx != dy)
        return dx < dy ? -1 : 1;
    if (x->pe.p.kind != y->pe.p.kind)
        return x->pe.p.kind < y->pe.p.kind ? -1 : 1;
    return strcmp(x->pe.code, y->pe.code);
}

/* ---- items ------------------------------------------------------------------- */

struct items_ctx {
    json_t *arr;
    int is_task;
    int nomem;
};

static json_t *jtext(const char *s)
{
    return s ? json_string(s) : json_null();
}

static int item_row(void *ctx, const store_row *r)
{
    struct items_ctx *c = ctx;
    const char *code = app_col(r, 1) ? app_col(r, 1) : "", *group = app_col(r, 2) ? app_col(r, 2) : "";
    /* how a report's CSV names it: GROUP/CODE where the plan repeats the code */
    char ref[160];
    if (r->v[7].i > 1 && *group)
        snprintf(ref, sizeof ref, "%s/%s", group, code);
    else
        snprintf(ref, sizeof ref, "%s", code);
    json_t *o = json_pack("{s:s, s:I, s:s, s:s, s:s, s:s, s:s, s:o, s:o}", "kind", c->is_task ? "task" : "indicator",
                          "id", (json_int_t)r->v[0].i, "code", code, "ref", ref,
                          "group", group, "name", app_col(r, 3) ? app_col(r, 3) : "",
                          "role", app_col(r, 6) && strcmp(app_col(r, 6), "lead") == 0 ? "lead" : "support",
                          "due", jtext(app_col(r, 4)), "due_text", jtext(app_col(r, 5)));
    if (!o || json_array_append_new(c->arr, o)) {
        c->nomem = 1;
        return 1;
    }
    return 0;
}

struct target_ctx {
    json_t *target;     /* new reference or NULL */
    char unit[64];
    int is_text;
    int nomem;
};

static int target_row(void *ctx, const store_row *r)
{
    struct target_ctx *c = ctx;
    const char *op = app_col(r, 1), *unit = app_col(r, 3);
    c->target = json_pack("{s:I, s:s, s:o, s:s, s:o}", "year", (json_int_t)r->v[0].i, "op", op ? op : "",
                          "value", r->v[2].t == SV_NULL ? json_null()
                                   : json_real(r->v[2].t == SV_REAL ? r->v[2].d : (double)r->v[2].i),
                          "unit", unit ? unit : "", "text", jtext(app_col(r, 4)));
    if (!c->target)
        c->nomem = 1;
    snprintf(c->unit, sizeof c->unit, "%s", unit ? unit : "");
    c->is_text = op && strcmp(op, "text") == 0;
    return 1;
}

/* Add "target", "unit", "rate" and "text_target" to indicator item IT for YEAR
 * (the target rule of report.c: that year's, else the next, else the latest). */
static dti_rc item_target(store *s, json_t *it, int year, dti_err *e)
{
    struct target_ctx c;
    memset(&c, 0, sizeof c);
    dti_rc rc = store_report_target(s, json_integer_value(json_object_get(it, "id")), year, target_row, &c, e);
    if (rc || c.nomem) {
        json_decref(c.target);
        return rc ? rc : app_nomem(e);
    }
    if (json_object_set_new(it, "target", c.target ? c.target : json_null()) ||
        json_object_set_new(it, "unit", json_string(c.unit)) ||
        json_object_set_new(it, "rate", json_boolean(strcmp(c.unit, "%") == 0)) ||
        json_object_set_new(it, "text_target", json_boolean(c.is_text)))
        return app_nomem(e);
    return DTI_OK;
}

/* The org's indicators and tasks in force on DAY, in the plan's order. */
static dti_rc load_items(store *s, int64_t plan_id, int64_t org_id, int32_t day, json_t **out, dti_err *e)
{
    char d[PERIOD_DATE_LEN];
    dti_rc rc = DTI_OK;
    json_t *arr = json_array();
    if (!arr)
        return app_nomem(e);
    period_date_iso(day, d);
    int year = period_ymd_of(day).y;
    for (int t = 0; t < 2; t++) {
        struct items_ctx c = {arr, t, 0};
        size_t first = json_array_size(arr);
        if ((rc = store_duty_items(s, plan_id, org_id, t, d, item_row, &c, e)))
            goto fail;
        if (c.nomem) {
            rc = app_nomem(e);
            goto fail;
        }
        for (size_t i = first; !t && i < json_array_size(arr); i++)
            if ((rc = item_target(s, json_array_get(arr, i), year, e)))
                goto fail;
    }
    *out = arr;
    return DTI_OK;
fail:
    json_decref(arr);
    return rc;
}

/* ---- access ------------------------------------------------------------------ */

static dti_rc not_found(dti_err *e, int64_t plan_id, int64_t org_id)
{
    return dti_fail(e, DTI_ERR_NOTFOUND, "org", "không có đơn vị số %lld trong kế hoạch số %lld",
                    "no org %lld in plan %lld", (long long)org_id, (long long)plan_id);
}

/* The plan readable by U, ORG_ID the plan's org or under it and readable
 * by U; *NAME (caller frees) gets its name. Everything else is "not found". */
static dti_rc check_access(store *s, const auth_user *u, int64_t plan_id, int64_t org_id, char **name,
                           dti_err *e)
{
    dti_rc rc;
    int64_t porg = 0;
    int found = 0;
    *name = NULL;
    if ((rc = auth_can_plan(s, u, AUTH_READ, plan_id, e)))
        return rc == DTI_ERR_PERM
                   ? dti_fail(e, DTI_ERR_NOTFOUND, "plan", "không có kế hoạch số %lld", "no plan with id %lld",
                              (long long)plan_id)
                   : rc;
    if ((rc = store_report_plan_org(s, plan_id, &porg, &found, e)))
        return rc;
    int under = porg == 0 || porg == org_id;
    int64_t org = org_id;
    for (int d = 0; !under && d < AUTH_TREE_DEPTH_MAX && org > 0; d++) {
        int64_t parent = 0;
        int f = 0;
        if ((rc = store_report_org_parent(s, org, &parent, &f, e)))
            return rc;
        if (!f)
            break;
        under = parent == porg;
        org = parent;
    }
    if (!under)
        return not_found(e, plan_id, org_id);
    if ((rc = auth_can(s, u, AUTH_READ, org_id, e)))
        return rc == DTI_ERR_PERM || rc == DTI_ERR_NOTFOUND ? not_found(e, plan_id, org_id) : rc;
    if ((rc = store_report_org_name(s, org_id, name, e)))
        return rc;
    if (!*name)
        return not_found(e, plan_id, org_id);
    return DTI_OK;
}

/* ---- the answer -------------------------------------------------------------- */

static json_t *jday(int32_t day, int iso)
{
    char d[PERIOD_DATE_LEN];
    if (day == PERIOD_NO_DAY)
        return json_null();
    return json_string(iso ? period_date_iso(day, d) : period_date_vn(day, d));
}

static json_t *period_json(const struct per *x, const struct rep_row *rr, int32_t today, time_t now)
{
    const period_entry *pe = &x->pe;
    json_t *tl = report_timeliness_json(rr && rr->first[0] ? rr->first : NULL, pe->unit_due, now);
    if (!tl)
        return NULL;
    /* a returned report: when, and the new deadline its days_left counts to */
    int ret = x->return_due != PERIOD_NO_DAY;
    json_t *o = json_pack("{s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:s, s:b, s:o, s:o, s:o, s:o, s:o, s:o}",
                     "code", pe->code, "kind", period_kind_name(pe->p.kind),
                     "start", jday(pe->start, 0), "end", jday(pe->end, 0),
                     "start_iso", jday(pe->start, 1), "end_iso", jday(pe->end, 1),
                     "unit_due", jday(pe->unit_due, 0), "unit_due_iso", jday(pe->unit_due, 1),
                     "days_left", ret ? json_integer(x->return_due - today)
                                  : pe->unit_due == PERIOD_NO_DAY ? json_null() : json_integer(pe->unit_due - today),
                     "when", report_duty_when_name(x->when), "expected", x->expected,
                     "state", rr && rr->state[0] ? json_string(rr->state) : json_null(),
                     "version", rr ? json_integer(rr->version) : json_null(),
                     "submitted_at", rr && rr->submitted[0] ? json_string(rr->submitted) : json_null(),
                     "first_submitted_at", rr && rr->first[0] ? json_string(rr->first) : json_null(),
                     "reason", rr && rr->reason && strcmp(rr->state, "returned") == 0 ? json_string(rr->reason)
                                                                                     : json_null(),
                     "timeliness", tl);
    if (o && (json_object_set_new(o, "returned_at", ret ? json_string(rr->returned) : json_null()) ||
              json_object_set_new(o, "return_due", jday(ret ? x->return_due : PERIOD_NO_DAY, 0)) ||
              json_object_set_new(o, "return_due_iso", jday(ret ? x->return_due : PERIOD_NO_DAY, 1)))) {
        json_decref(o);
        return NULL;
    }
    return o;
}

dti_rc report_duty_list_as(store *s, const auth_user *u, int64_t plan_id, int64_t org_id, const char *period_code,
                 time_t now, json_t **out, dti_err *e)
{
    dti_rc rc;
    char *org_name = NULL;
    struct spans sp = {0};
    struct reps rp = {0};
    struct pers pr = {0};
    json_t *items = NULL, *periods = NULL, *o = NULL;
    period asked;
    char code[PERIOD_CODE_LEN] = "";
    int32_t today = period_today_vn(now);

    *out = NULL;
    if ((rc = check_access(s, u, plan_id, org_id, &org_name, e)))
        goto out;
    if (period_code) {
        if ((rc = report_check_period(s, plan_id, period_code, e)))
            goto out;
        period_parse(period_code, &asked);
        period_format(&asked, code);
    }
    if ((rc = store_duty_spans(s, plan_id, org_id, span_row, &sp, e)) ||
        (rc = store_duty_reports(s, plan_id, org_id, rep_row_fn, &rp, e)) ||
        (rc = store_report_periods(s, plan_id, code[0] ? code : NULL, per_row, &pr, e)))
        goto out;
    if (sp.nomem || rp.nomem || pr.nomem) {
        rc = app_nomem(e);
        goto out;
    }
    int has_calendar = pr.n > 0;
    if (code[0] && !pr.n) {
        /* no calendar: the asked period by its code, without deadlines */
        if (!(pr.v = calloc(1, sizeof *pr.v))) {
            rc = app_nomem(e);
            goto out;
        }
        pr.n = pr.cap = 1;
        pr.v[0].pe.p = asked;
        snprintf(pr.v[0].pe.code, sizeof pr.v[0].pe.code, "%s", code);
        pr.v[0].pe.start = period_start(&asked);
        pr.v[0].pe.end = period_end(&asked);
        pr.v[0].pe.unit_due = pr.v[0].pe.commune_due = PERIOD_NO_DAY;
    }
    /* judge every period; keep the owed ones (the asked one always) */
    size_t kept = 0;
    for (size_t i = 0; i < pr.n; i++) {
        struct per *x = &pr.v[i];
        const struct rep_row *rr = rep_find(&rp, x->pe.code);
        int assigned = spans_at(&sp, x->pe.end, &x->expected);
        x->when = report_duty_period(&x->pe, today, assigned, rr && strcmp(rr->state, "approved") == 0);
        x->return_due = PERIOD_NO_DAY;
        if (rr && strcmp(rr->state, "returned") == 0 && rr->returned[0] &&
            (rc = remind_return_due(s, plan_id, rr->returned, &x->return_due, e)))
            goto out;
        if (x->when != REPORT_DUTY_NONE || code[0])
            pr.v[kept++] = *x;
    }
    pr.n = kept;
    if (pr.n > 1)
        qsort(pr.v, pr.n, sizeof *pr.v, per_cmp);
    if ((rc = load_items(s, plan_id, org_id, code[0] ? pr.v[0].pe.end : today, &items, e)))
        goto out;
    if (!(periods = json_array())) {
        rc = app_nomem(e);
        goto out;
    }
    for (size_t i = 0; i < pr.n; i++) {
        json_t *j = period_json(&pr.v[i], rep_find(&rp, pr.v[i].pe.code), today, now);
        if (!j || json_array_append_new(periods, j)) {
            rc = app_nomem(e);
            goto out;
        }
    }
    o = json_pack("{s:I, s:I, s:s, s:o, s:o, s:b, s:o, s:O, s:O}", "plan_id", (json_int_t)plan_id,
                  "org_id", (json_int_t)org_id, "org", org_name, "today", jday(today, 0), "today_iso", jday(today, 1),
                  "calendar", has_calendar,
                  "note", has_calendar ? json_null()
                          : json_string(TR("Kế hoạch chưa có lịch báo cáo: điều phối viên cần đặt lịch (kỳ và hạn "
                                           "nộp) thì các kỳ phải báo cáo mới hiện ở đây.",
                                           "The plan has no reporting calendar yet: a coordinator must set its "
                                           "periods and deadlines before the periods to report appear here.")),
                  "items", items, "periods", periods);
    if (!o) {
        rc = app_nomem(e);
        goto out;
    }
    *out = o;
    rc = DTI_OK;
out:
    for (size_t i = 0; i < rp.n; i++)
        free(rp.v[i].reason);
    free(rp.v);
    free(sp.v);
    free(pr.v);
    free(org_name);
    json_decref(items);
    json_decref(periods);
    return rc;
}
