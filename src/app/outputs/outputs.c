/* outputs.c — the export use cases of outputs.h: gather the approved data
 * of a plan's period into an export_report (export/report.h), hand it to
 * export/'s writers, audit the export and stamp the audit head.
 *
 * The figures are scoring_plan()'s JSON (the one computation), read back
 * into the model; the plan (tasks, leads, units of measure) is
 * store_plan_load()'s; the units' texts, task progress and evidence counts
 * are three queries over the newest approved version of each unit's report
 * (SQL here, as report.c keeps its own, until app/ gets repositories). The
 * settings are outputs_settings.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "app/app_util.h"
#include "app/audit/audit.h"
#include "app/plan/calendar.h"
#include "app/outputs/outputs.h"
#include "app/outputs/outputs_int.h"
#include "app/report/report.h"
#include "app/score/score.h"
#include "app/score/scoring.h"
#include "base/text.h"
#include "core/period.h"
#include "core/plan.h"
#include "export/opendata.h"
#include "export/report.h"
#include "store/store_export.h"
#include "store/store_plan.h"

/* ---- small helpers ------------------------------------------------------- */

static const char *jstr(const json_t *o, const char *k)
{
    return json_string_value(json_object_get(o, k));
}

static int jnum(const json_t *o, const char *k, double *v)
{
    const json_t *x = json_object_get(o, k);
    if (!json_is_number(x))
        return 0;
    *v = json_number_value(x);
    return 1;
}

static long jlong(const json_t *o, const char *k)
{
    return (long)json_integer_value(json_object_get(o, k));
}

static char *dup0(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* "dd/mm/yyyy" to a day number; PERIOD_NO_DAY when not that form. */
static int32_t dmy_day(const char *s)
{
    int d, m, y;
    if (!s || sscanf(s, "%d/%d/%d", &d, &m, &y) != 3 || !period_date_valid(y, m, d))
        return PERIOD_NO_DAY;
    return period_days(y, m, d);
}

void outputs_period_label(const char *code, char *out, size_t n)
{
    int y = 0, k = 0;
    char c = 0;
    static const char *const q[] = {"I", "II", "III", "IV"};
    if (sscanf(code, "%d-Q%d", &y, &k) == 2 && k >= 1 && k <= 4)
        snprintf(out, n, "quý %s/%d", q[k - 1], y);
    else if (sscanf(code, "%d-H%d", &y, &k) == 2 && (k == 1 || k == 2))
        snprintf(out, n, "6 tháng %s năm %d", k == 1 ? "đầu" : "cuối", y);
    else if (sscanf(code, "%d-%d%c", &y, &k, &c) == 2 && k >= 1 && k <= 12)
        snprintf(out, n, "tháng %02d/%d", k, y);
    else
        snprintf(out, n, "năm %s", code);
}

/* ---- what the store holds beside the figures -------------------------------- */

struct texts {
    export_text *v;
    size_t n;
    int failed;
};

/* Add TEXT by ORG, merged with the same words (folded) said before. */
static void text_add(struct texts *t, const char *org, const char *text)
{
    char *clean = text ? text_clean(text) : NULL;
    if (!clean || !*clean) {
        free(clean);
        return;
    }
    for (size_t i = 0; i < t->n; i++)
        if (text_fold_eq(t->v[i].text, clean)) {
            if (strlist_find(&t->v[i].orgs, org) < 0 && strlist_add(&t->v[i].orgs, org))
                t->failed = 1;
            free(clean);
            return;
        }
    export_text *nv = realloc(t->v, (t->n + 1) * sizeof *nv);
    if (!nv) {
        free(clean);
        t->failed = 1;
        return;
    }
    t->v = nv;
    memset(&t->v[t->n], 0, sizeof t->v[t->n]);
    t->v[t->n].text = clean;
    if (strlist_add(&t->v[t->n].orgs, org))
        t->failed = 1;
    t->n++;
}

struct gather {
    export_report *r;
    struct texts results, difficulties, proposals;
    strlist result_orgs;        /* year summary: the newest results per unit only */
    const plan *p;
    int failed;
};

static int text_row(void *ctx, const store_row *row)
{
    struct gather *g = ctx;
    const char *org = app_col(row, 0);
    if (!org)
        return 0;
    text_add(&g->difficulties, org, app_col(row, 3));
    text_add(&g->proposals, org, app_col(row, 4));
    /* the year summary quotes each unit's newest results only (rows come
     * newest period first); difficulties and proposals of every month,
     * merged where the words repeat */
    if (g->r->kind == EXPORT_YEAR) {
        if (!app_col(row, 2) || strlist_find(&g->result_orgs, org) >= 0)
            return 0;
        if (strlist_add(&g->result_orgs, org))
            g->failed = 1;
    }
    text_add(&g->results, org, app_col(row, 2));
    return 0;
}


static int task_row(void *ctx, const store_row *row)
{
    struct gather *g = ctx;
    export_report *r = g->r;
    const char *code = app_col(row, 0), *grp = app_col(row, 1);
    for (size_t i = 0; i < r->ntasks; i++) {
        export_task *t = &r->tasks[i];
        if (!code || !t->code || strcmp(t->code, code) != 0)
            continue;
        if ((grp == NULL) != (t->group == NULL) || (grp && strcmp(grp, t->group) != 0))
            continue;
        /* rows come oldest period first: the last one wins */
        free(t->status);
        free(t->products);
        free(t->period);
        t->status = dup0(app_col(row, 2));
        t->has_percent = row->v[3].t != SV_NULL;
        t->percent = row->v[3].t == SV_REAL ? row->v[3].d : (double)row->v[3].i;
        t->products = dup0(app_col(row, 4));
        t->period = dup0(app_col(row, 5));
        if ((app_col(row, 2) && !t->status) || (app_col(row, 4) && !t->products) || !t->period)
            g->failed = 1;
        break;
    }
    return 0;
}

static int evidence_row(void *ctx, const store_row *row)
{
    struct gather *g = ctx;
    int64_t id = row->v[0].i;
    for (size_t i = 0; i < g->r->ninds; i++)
        if ((int64_t)g->r->inds[i].evidence == -id) {
            g->r->inds[i].evidence = (size_t)row->v[1].i;
            return 0;
        }
    return 0;
}

/* ---- the model from the score JSON ------------------------------------------- */

static const plan_indicator *plan_ind(const plan *p, const char *code, const char *group)
{
    for (size_t i = 0; p && i < p->nindicators; i++) {
        const plan_indicator *x = p->indicators[i];
        if (x->code && code && strcmp(x->code, code) == 0 &&
            (!group || !x->group || strcmp(x->group, group) == 0))
            return x;
    }
    return NULL;
}

static char *join(const strlist *l)
{
    size_t n = 1;
    for (size_t i = 0; i < l->n; i++)
        n += strlen(l->v[i]) + 2;
    char *s = malloc(n);
    if (!s)
        return NULL;
    s[0] = '\0';
    for (size_t i = 0; i < l->n; i++) {
        if (i)
            strcat(s, ", ");
        strcat(s, l->v[i]);
    }
    return s;
}

static dti_rc model_indicators(export_report *r, const json_t *j, const plan *p, dti_err *e)
{
    const json_t *inds = json_object_get(j, "indicators");
    size_t n = json_array_size(inds);
    if (n && !(r->inds = calloc(n, sizeof *r->inds)))
        return app_nomem(e);
    r->ninds = n;
    for (size_t i = 0; i < n; i++) {
        const json_t *x = json_array_get(inds, i);
        export_indicator *o = &r->inds[i];
        const json_t *t = json_object_get(x, "target");
        const plan_indicator *pi = plan_ind(p, jstr(x, "code"), jstr(x, "group"));
        o->code = dup0(jstr(x, "code"));
        o->group = dup0(jstr(x, "group"));
        o->name = dup0(jstr(x, "name"));
        o->status = dup0(jstr(x, "status"));
        o->status_label = dup0(jstr(x, "status_label"));
        o->due = dup0(jstr(x, "due"));
        o->lead = pi && pi->lead.n ? join(&pi->lead) : NULL;
        o->support = pi && pi->support.n ? join(&pi->support) : NULL;
        {
            size_t k;
            const json_t *ob;
            const char *vp = jstr(x, "value_period");
            json_array_foreach(json_object_get(x, "observations"), k, ob)
                if (vp && jstr(ob, "period") && strcmp(vp, jstr(ob, "period")) == 0 && jstr(ob, "org")) {
                    free(o->reporter);
                    o->reporter = strdup(jstr(ob, "org"));
                }
        }
        o->verdict = -1;
        if (json_is_object(t)) {
            o->target_text = dup0(jstr(t, "text"));
            o->unit = dup0(jstr(t, "unit"));
            o->percent = jstr(t, "unit") && strcmp(jstr(t, "unit"), "%") == 0;
            if (jnum(t, "value", &o->target) && jstr(t, "op")) {
                o->has_target = 1;
                snprintf(o->op, sizeof o->op, "%s", jstr(t, "op"));
            }
        }
        const json_t *v = json_object_get(x, "value");
        if (json_is_boolean(v))
            o->verdict = json_is_true(v);
        else
            o->has_value = jnum(x, "value", &o->value);
        o->has_achievement = jnum(x, "achievement", &o->achievement);
        o->has_forecast = jnum(x, "forecast", &o->forecast);
        o->evidence = (size_t)-(int64_t)json_integer_value(json_object_get(x, "id")); /* id until counted */
        if (!o->code || !o->status)
            return app_nomem(e);
    }
    return DTI_OK;
}

static void group_counts(export_report *r, export_group *g)
{
    for (size_t i = 0; i < r->ninds; i++) {
        const export_indicator *x = &r->inds[i];
        if (!x->group || !g->code || strcmp(x->group, g->code) != 0)
            continue;
        g->nind++;
        if (strcmp(x->status, "met") == 0)
            g->nmet++;
        else if (strcmp(x->status, "at_risk") == 0)
            g->nat_risk++;
        else if (strcmp(x->status, "not_met") == 0)
            g->nnot_met++;
        else if (strcmp(x->status, "no_data") == 0)
            g->nno_data++;
    }
}

static dti_rc model_groups(export_report *r, const json_t *j, dti_err *e)
{
    const json_t *gs = json_object_get(j, "groups");
    size_t n = json_array_size(gs);
    if (n && !(r->groups = calloc(n, sizeof *r->groups)))
        return app_nomem(e);
    r->ngroups = n;
    for (size_t i = 0; i < n; i++) {
        const json_t *x = json_array_get(gs, i);
        export_group *g = &r->groups[i];
        g->code = dup0(jstr(x, "code"));
        g->name = dup0(jstr(x, "name"));
        g->has_value = jnum(x, "index", &g->value);
        g->value_text = g->has_value ? dup0(jstr(x, "index_text")) : NULL;
        jnum(x, "points", &g->points);
        jnum(x, "max", &g->max);
        g->counted = jlong(x, "counted");
        g->nodata = jlong(x, "nodata");
        group_counts(r, g);
    }
    const json_t *p = json_object_get(j, "total");
    r->has_index = jnum(p, "index", &r->index);
    r->index_text = r->has_index ? dup0(jstr(p, "index_text")) : NULL;
    jnum(p, "points", &r->points);
    jnum(p, "max", &r->max);
    r->counted = jlong(p, "counted");
    r->nodata = jlong(p, "nodata");
    const json_t *c = json_object_get(j, "completeness");
    r->expected = jlong(c, "expected");
    r->received = jlong(c, "received");
    r->on_time = jlong(c, "on_time");
    const json_t *tr = json_object_get(j, "trend");
    size_t nt = json_array_size(tr);
    if (nt && !(r->trend = calloc(nt, sizeof *r->trend)))
        return app_nomem(e);
    r->ntrend = nt;
    for (size_t i = 0; i < nt; i++) {
        const json_t *x = json_array_get(tr, i);
        snprintf(r->trend[i].period, sizeof r->trend[i].period, "%s", jstr(x, "period") ? jstr(x, "period") : "");
        r->trend[i].has_value = jnum(x, "index", &r->trend[i].value);
    }
    if (nt >= 2 && r->trend[nt - 2].has_value) {
        r->has_prev = 1;
        r->prev_index = r->trend[nt - 2].value;
        snprintf(r->prev_period, sizeof r->prev_period, "%s", r->trend[nt - 2].period);
    }
    return DTI_OK;
}

static dti_rc model_units(export_report *r, const json_t *j, dti_err *e)
{
    const json_t *orgs = json_object_get(json_object_get(j, "completeness"), "orgs");
    const json_t *rank = json_object_get(j, "ranking");
    size_t n = json_array_size(orgs);
    if (n && !(r->units = calloc(n, sizeof *r->units)))
        return app_nomem(e);
    r->nunits = n;
    for (size_t i = 0; i < n; i++) {
        const json_t *x = json_array_get(orgs, i);
        export_unit *u = &r->units[i];
        const char *state = jstr(x, "state");
        int st = state ? report_state_parse(state) : -1;
        const json_t *tl = json_object_get(x, "timeliness");
        u->org = dup0(jstr(x, "org"));
        u->state = strdup(st >= 0 ? report_state_label((report_state)st) : "chưa nộp");
        u->timeliness = dup0(jstr(tl, "label"));
        u->late_days = jlong(tl, "late_days");
        const char *sub = jstr(x, "first_submitted_at");
        if (sub) {
            time_t t = report_ts_parse(sub);
            char d[PERIOD_DATE_LEN];
            period_date_vn(period_today_vn(t), d);
            u->submitted = strdup(d);
        }
        size_t k;
        const json_t *rr;
        json_array_foreach(rank, k, rr) {
            if (json_integer_value(json_object_get(rr, "org_id")) != json_integer_value(json_object_get(x, "org_id")))
                continue;
            u->rank = (int)jlong(rr, "rank");
            u->expected = jlong(rr, "periods_due");
            u->on_time = jlong(rr, "on_time");
            u->late = jlong(rr, "late");
            u->missing = jlong(rr, "missing");
            u->received = u->on_time + u->late;
        }
        if (!u->org || !u->state)
            return app_nomem(e);
        if (st != REPORT_APPROVED) {
            char s[512];
            snprintf(s, sizeof s, "%s (%s)", u->org, st >= 0 ? report_state_label((report_state)st) : "chưa nộp");
            if (strlist_add(&r->unapproved, s))
                return app_nomem(e);
        }
    }
    return DTI_OK;
}

static dti_rc model_tasks(export_report *r, const plan *p, int32_t end, dti_err *e)
{
    if (!p || !p->ntasks)
        return DTI_OK;
    if (!(r->tasks = calloc(p->ntasks, sizeof *r->tasks)))
        return app_nomem(e);
    r->ntasks = p->ntasks;
    for (size_t i = 0; i < p->ntasks; i++) {
        const plan_task *t = p->tasks[i];
        export_task *o = &r->tasks[i];
        o->code = dup0(t->code ? t->code : "");
        o->group = dup0(t->group);
        o->name = dup0(t->name);
        o->lead = t->lead.n ? join(&t->lead) : NULL;
        o->due_text = dup0(t->due_text);
        o->outputs = t->outputs.n ? join(&t->outputs) : NULL;
        if (!o->code)
            return app_nomem(e);
    }
    (void)end;
    return DTI_OK;
}

/* A task is overdue when its due period ended on or before END and the
 * newest approved report does not say it is done. */
static void mark_overdue(export_report *r, const plan *p, int32_t end)
{
    for (size_t i = 0; i < r->ntasks && p && i < p->ntasks; i++) {
        const plan_task *t = p->tasks[i];
        period pd;
        if (!t->due || period_parse(t->due, &pd))
            continue;
        if (period_end(&pd) <= end && !(r->tasks[i].status && strcmp(r->tasks[i].status, "hoàn thành") == 0))
            r->tasks[i].overdue = 1;
    }
}

/* Next period's focus: the overdue tasks, the tasks due in the next
 * period, the indicators at risk or not met. */
static dti_rc derive_focus(export_report *r, const plan *p, int32_t end, dti_err *e)
{
    char s[2048], a[32], b[32];
    for (size_t i = 0; i < r->ninds && r->focus.n < OUTPUTS_FOCUS_MAX; i++) {
        const export_indicator *x = &r->inds[i];
        if (strcmp(x->status, "at_risk") != 0 && strcmp(x->status, "not_met") != 0)
            continue;
        snprintf(s, sizeof s, "Tập trung nâng chỉ tiêu %s (%s) từ %s lên mục tiêu %s%s; chủ trì: %s.", x->code,
                 x->name ? x->name : "", x->has_value ? export_num(x->value, 2, a) : "chưa có số liệu",
                 x->has_target ? export_num(x->target, 2, b) : (x->target_text ? x->target_text : ""),
                 x->percent ? "%" : "", x->lead ? x->lead : "chưa giao");
        if (strlist_add(&r->focus, s))
            return app_nomem(e);
    }
    for (size_t i = 0; i < r->ntasks && r->focus.n < OUTPUTS_FOCUS_MAX; i++) {
        const export_task *t = &r->tasks[i];
        const plan_task *pt = p && i < p->ntasks ? p->tasks[i] : NULL;
        period pd;
        int due_next = pt && pt->due && !period_parse(pt->due, &pd) && period_end(&pd) > end &&
                       period_start(&pd) <= end + 92;
        if (!t->overdue && !due_next)
            continue;
        if (t->status && strcmp(t->status, "hoàn thành") == 0)
            continue;
        snprintf(s, sizeof s, "%s nhiệm vụ %s. %s%s%s%s.", t->overdue ? "Khẩn trương hoàn thành (quá hạn)" : "Hoàn thành đúng hạn",
                 t->code, t->name ? t->name : "", t->due_text ? " (thời hạn: " : "", t->due_text ? t->due_text : "",
                 t->due_text ? ")" : "");
        if (strlist_add(&r->focus, s))
            return app_nomem(e);
    }
    for (size_t i = 0; i < r->nunits && r->focus.n < OUTPUTS_FOCUS_MAX; i++) {
        /* the units late or missing this period */
        if (r->units[i].late_days <= 0 && strcmp(r->units[i].state, "chưa nộp") != 0)
            continue;
        snprintf(s, sizeof s, "Đôn đốc %s báo cáo đầy đủ, đúng hạn.", r->units[i].org);
        if (strlist_add(&r->focus, s))
            return app_nomem(e);
    }
    return DTI_OK;
}

static dti_rc focus_from_text(export_report *r, const char *text, dti_err *e)
{
    const char *s = text;
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        char *line = text_clean_n(s, n);
        if (!line)
            return app_nomem(e);
        /* a leading "1." or "-" the editor typed is the writer's to add */
        char *b = line;
        while (*b == '-' || *b == '*' || *b == ' ' || (*b >= '0' && *b <= '9') || *b == '.' || *b == ')')
            b++;
        if (*b) {
            if (r->focus.n >= OUTPUTS_FOCUS_MAX) {
                free(line);
                return dti_fail(e, DTI_ERR_TOOBIG, "focus", "trọng tâm kỳ tới: quá %d mục",
                                "next period's focus: over %d items", OUTPUTS_FOCUS_MAX);
            }
            if (strlen(b) > OUTPUTS_TEXT_MAX) {
                free(line);
                return dti_fail(e, DTI_ERR_TOOBIG, "focus", "trọng tâm kỳ tới: một mục dài quá %d byte",
                                "next period's focus: an item over %d bytes", OUTPUTS_TEXT_MAX);
            }
            if (strlist_add(&r->focus, b)) {
                free(line);
                return app_nomem(e);
            }
        }
        free(line);
        if (!nl)
            break;
        s = nl + 1;
    }
    return DTI_OK;
}

/* ---- the period -------------------------------------------------------------- */

/* Decide the scored period for CODE (outputs.h "Periods"). */
static dti_rc choose_period(store *s, const auth_user *u, int64_t plan_id, const char *code, time_t now,
                            export_report *r, int32_t *end, dti_err *e)
{
    period pd;
    json_t *cal = NULL;
    dti_rc rc;
    if (!code || strlen(code) >= sizeof r->period || period_parse(code, &pd))
        return dti_fail(e, DTI_ERR_INPUT, "period", "kỳ báo cáo không hợp lệ: %s (ví dụ 2026-10, 2026-Q4, 2026)",
                        "not a period: %s (e.g. 2026-10, 2026-Q4, 2026)", code ? code : "");
    snprintf(r->period, sizeof r->period, "%s", code);
    r->year = atoi(code);
    r->kind = strlen(code) == 4 ? EXPORT_YEAR : EXPORT_PERIOD;
    snprintf(r->scored_period, sizeof r->scored_period, "%s", code);
    *end = period_end(&pd);
    if (r->kind == EXPORT_PERIOD) {
        outputs_period_label(code, r->period_label, sizeof r->period_label);
        return DTI_OK;
    }
    if ((rc = plans_calendar_get_as(s, u, plan_id, r->year, &cal, e)))
        return rc;
    const json_t *ps = json_object_get(cal, "periods");
    int32_t today = period_today_vn(now), best_end = PERIOD_NO_DAY;
    const char *best = NULL;
    int has_year = 0;
    size_t i;
    const json_t *x;
    json_array_foreach(ps, i, x) {
        const char *c = jstr(x, "code");
        int32_t pe = dmy_day(jstr(x, "end"));
        if (c && strcmp(c, code) == 0) {
            has_year = 1;
            *end = pe;
        }
        if (c && pe != PERIOD_NO_DAY && pe < today && (best_end == PERIOD_NO_DAY || pe > best_end)) {
            best_end = pe;
            best = c;
        }
    }
    if (has_year || json_array_size(ps) == 0) {
        snprintf(r->period_label, sizeof r->period_label, "năm %d", r->year);
        json_decref(cal);
        return DTI_OK;
    }
    if (!best) {
        json_decref(cal);
        return dti_fail(e, DTI_ERR_INPUT, "period",
                        "chưa có kỳ báo cáo nào của năm %d kết thúc: chưa thể lập báo cáo tổng kết",
                        "no reporting period of %d has ended yet: no year summary to make", r->year);
    }
    char lbl[40];
    snprintf(r->scored_period, sizeof r->scored_period, "%s", best);
    outputs_period_label(best, lbl, sizeof lbl);
    snprintf(r->period_label, sizeof r->period_label, "năm %d (tính đến hết %s)", r->year, lbl);
    *end = best_end;
    json_decref(cal);
    return DTI_OK;
}

/* ---- the year summary's course -------------------------------------------------- */

/* Each group's value at every period of the trend, and the previous year's
 * index: scoring_compute_as (the one computation) per period. A period that
 * cannot be computed is left without a value. */
static dti_rc year_course(store *s, const auth_user *u, export_report *r, dti_err *e)
{
    for (size_t g = 0; g < r->ngroups; g++)
        if (r->ntrend && (!(r->groups[g].trend = calloc(r->ntrend, sizeof(double))) ||
                          !(r->groups[g].has_trend = calloc(r->ntrend, sizeof(int)))))
            return app_nomem(e);
    for (size_t t = 0; t < r->ntrend; t++) {
        scoring_result sc;
        dti_err e2;
        memset(&sc, 0, sizeof sc);
        if (scoring_compute_as(s, u, r->plan_id, r->trend[t].period, &sc, &e2) == DTI_OK) {
            for (size_t g = 0; g < r->ngroups; g++)
                for (size_t k = 0; k < sc.ngroups; k++)
                    if (sc.groups[k].code && r->groups[g].code && strcmp(sc.groups[k].code, r->groups[g].code) == 0 &&
                        sc.groups[k].sum.has_value) {
                        r->groups[g].trend[t] = sc.groups[k].sum.value;
                        r->groups[g].has_trend[t] = 1;
                    }
        } else if (e2.code == DTI_ERR_NOMEM) {
            scoring_release(&sc);
            return app_nomem(e);
        }
        scoring_release(&sc);
    }
    /* last year, over the same plan: its figures for the whole year when it holds approved data */
    char prev[16];
    scoring_result sc;
    dti_err e2;
    memset(&sc, 0, sizeof sc);
    snprintf(prev, sizeof prev, "%d", r->year - 1);
    if (r->year - 1 >= PERIOD_YEAR_MIN && scoring_compute_as(s, u, r->plan_id, prev, &sc, &e2) == DTI_OK &&
        sc.total.has_value) {
        r->has_prev_year = 1;
        r->prev_year_index = sc.total.value;
    }
    scoring_release(&sc);
    return DTI_OK;
}

/* ---- the whole model --------------------------------------------------------- */

static dti_rc commune_rank(store *s, int64_t plan_id, const char *code, time_t now, export_report *r)
{
    /* computed over the province whatever the exporter's scope (outputs.h) */
    auth_user sys;
    memset(&sys, 0, sizeof sys);
    sys.role = ROLE_ADMIN;
    sys.active = 1;
    snprintf(sys.name, sizeof sys.name, "system");
    scoring_ranking rk;
    dti_err e2;
    memset(&rk, 0, sizeof rk);
    if (scoring_rank_as(s, &sys, plan_id, code, SCORING_RANK_COMMUNES, SCORE_PROVINCE_MEAN, now, &rk, &e2) == DTI_OK) {
        r->ncommunes = (int)rk.n;
        for (size_t i = 0; i < rk.n; i++)
            if (rk.rows[i].plan_id == plan_id)
                r->rank = rk.rows[i].rank;
    }
    scoring_ranking_release(&rk);
    return DTI_OK;
}

dti_rc outputs_build(store *s, const auth_user *u, const outputs_req *q, time_t now, export_report *r,
                     dti_err *e)
{
    json_t *j = NULL;
    plan *p = NULL;
    int64_t commune = 0;
    int32_t end = 0;
    struct gather g;
    dti_rc rc;
    memset(&g, 0, sizeof g);
    memset(r, 0, sizeof *r);
    if ((rc = auth_can_plan(s, u, AUTH_READ, q->plan_id, e)))
        return rc;
    if (u->role == ROLE_REPORTER)
        return dti_fail(e, DTI_ERR_PERM, NULL, "người dùng %s (báo cáo) không được xuất báo cáo của xã",
                        "user %s (reporter) may not export the commune's report", u->name);
    r->plan_id = q->plan_id;
    if ((rc = choose_period(s, u, q->plan_id, q->period, now, r, &end, e)))
        goto out;
    if ((rc = scoring_plan(s, u, q->plan_id, r->scored_period, now, &j, e)))
        goto out;
    if ((rc = store_plan_load(s, q->plan_id, &p, e)))
        goto out;
    snprintf(r->asof, sizeof r->asof, "%s", jstr(j, "judged_on") ? jstr(j, "judged_on") : "");
    r->plan_title = dup0(p->title);
    r->plan_number = dup0(p->number);
    r->commune = dup0(p->commune);
    r->province = dup0(p->province);
    if ((rc = model_indicators(r, j, p, e)) || (rc = model_groups(r, j, e)) || (rc = model_units(r, j, e)) ||
        (rc = model_tasks(r, p, end, e)))
        goto out;
    {
        char year[8], endd[PERIOD_DATE_LEN];
        snprintf(year, sizeof year, "%04d", r->year);
        period_date_iso(end, endd);
        store_export_scope sc = {q->plan_id, r->scored_period, r->kind == EXPORT_YEAR, year, endd};
        g.r = r;
        g.p = p;
        if ((rc = store_export_texts(s, &sc, text_row, &g, e)))
            goto out;
        if ((rc = store_export_tasks(s, &sc, task_row, &g, e)))
            goto out;
        if ((rc = store_export_evidence(s, &sc, evidence_row, &g, e)))
            goto out;
        for (size_t i = 0; i < r->ninds; i++)
            if ((int64_t)r->inds[i].evidence <= 0)
                r->inds[i].evidence = 0;
    }
    if (g.failed || g.results.failed || g.difficulties.failed || g.proposals.failed) {
        rc = app_nomem(e);
        goto out;
    }
    r->results = g.results.v, r->nresults = g.results.n, g.results.v = NULL;
    r->difficulties = g.difficulties.v, r->ndifficulties = g.difficulties.n, g.difficulties.v = NULL;
    r->proposals = g.proposals.v, r->nproposals = g.proposals.n, g.proposals.v = NULL;
    mark_overdue(r, p, end);
    if (r->kind == EXPORT_YEAR && (rc = year_course(s, u, r, e)))
        goto out;
    commune_rank(s, q->plan_id, r->scored_period, now, r);
    if ((rc = q->focus ? focus_from_text(r, q->focus, e) : derive_focus(r, p, end, e)))
        goto out;
    if ((rc = outputs_plan_commune(s, u, q->plan_id, &commune, e)) ||
        (rc = outputs_settings_model(s, commune, r->commune, r->province, q->over, q->number, 0, &r->set, e)))
        goto out;
    {
        period_ymd t = period_ymd_of(period_today_vn(now));
        r->day = t.d, r->month = t.m, r->doc_year = t.y;
    }
    r->author = strdup(u->display[0] ? u->display : u->name);
    auth_ts(now, r->created);
    if (!r->author)
        rc = app_nomem(e);
out:
    for (size_t i = 0; i < g.results.n && g.results.v; i++) {
        free(g.results.v[i].text);
        strlist_release(&g.results.v[i].orgs);
    }
    free(g.results.v);
    for (size_t i = 0; i < g.difficulties.n && g.difficulties.v; i++) {
        free(g.difficulties.v[i].text);
        strlist_release(&g.difficulties.v[i].orgs);
    }
    free(g.difficulties.v);
    for (size_t i = 0; i < g.proposals.n && g.proposals.v; i++) {
        free(g.proposals.v[i].text);
        strlist_release(&g.proposals.v[i].orgs);
    }
    free(g.proposals.v);
    strlist_release(&g.result_orgs);
    plan_free(p);
    json_decref(j);
    return rc;
}

/* ---- audit --------------------------------------------------------------------- */

dti_rc outputs_audit(store *s, const auth_user *u, time_t now, const char *action, const char *entity, int64_t id,
                     const char *code, const char *format, const char *kind, char **head,
                     dti_err *e)
{
    json_t *after = json_pack("{s:s, s:s, s:s}", "period", code, "format", format, "kind", kind);
    if (!after)
        return app_nomem(e);
    dti_rc rc = store_begin(s, e);
    if (!rc && (rc = audit_append_id(s, u, now, action, entity, id, NULL, after, e)))
        store_rollback(s);
    else if (!rc)
        rc = store_commit(s, e);
    json_decref(after);
    if (rc)
        return rc;
    /* the head after this entry, into the anchor log (audit.h) and the
     * document; the entry is committed: a failed anchoring is said, not fatal */
    audit_mark m;
    dti_err ae;
    char txt[AUDIT_HEAD_TEXT];
    if (audit_anchor(s, "export", now, &m, &ae)) {
        fprintf(stderr, "dti: %s\n", ae.msg);
        if (audit_head(s, &m, &ae))
            memset(&m, 0, sizeof m);
    }
    if (!(*head = strdup(audit_head_text(&m, txt))))
        return app_nomem(e);
    return DTI_OK;
}

/* ---- the use case -------------------------------------------------------------- */

static const char *format_name(outputs_format f)
{
    switch (f) {
    case OUTPUTS_DOCX: return "docx";
    case OUTPUTS_XLSX: return "xlsx";
    case OUTPUTS_CSV: return "csv";
    case OUTPUTS_HTML: return "html";
    default: return "json";
    }
}

static dti_rc export_as(store *s, const auth_user *u, const outputs_req *q, time_t now, void **data,
                        size_t *len, char **name, dti_err *e)
{
    export_report r;
    dti_rc rc;
    *data = NULL;
    *len = 0;
    if (name)
        *name = NULL;
    if ((rc = outputs_build(s, u, q, now, &r, e)))
        goto out;
    int data_kind = q->format == OUTPUTS_CSV || q->format == OUTPUTS_JSON;
    /* the entry first, so that the document carries the head that holds it */
    if ((rc = outputs_audit(s, u, now, data_kind ? "export.data" : "export.report", "plan", q->plan_id, r.period,
                            format_name(q->format), r.kind == EXPORT_YEAR ? "year" : "period", &r.audit_head, e)))
        goto out;
    switch (q->format) {
    case OUTPUTS_DOCX: rc = export_report_docx(&r, data, len, e); break;
    case OUTPUTS_XLSX: rc = export_report_xlsx(&r, data, len, e); break;
    case OUTPUTS_CSV: rc = export_opendata_csv(&r, data, len, e); break;
    case OUTPUTS_HTML: rc = export_report_html(&r, OUTPUTS_PRINT_CSS, data, len, e); break;
    default: rc = export_opendata_json(&r, data, len, e); break;
    }
    if (rc)
        goto out;
    if (name) {
        char n[128];
        snprintf(n, sizeof n, "%s-ke-hoach-%lld-%s.%s", data_kind ? "so-lieu" : r.kind == EXPORT_YEAR ? "bao-cao-tong-ket" : "bao-cao",
                 (long long)q->plan_id, r.period, format_name(q->format));
        if (!(*name = strdup(n)))
            rc = app_nomem(e);
    }
out:
    if (rc) {
        free(*data);
        *data = NULL;
        *len = 0;
    }
    export_report_release(&r);
    return rc;
}

dti_rc outputs_export(app *a, const outputs_req *q, void **data, size_t *len, char **name, dti_err *e)
{
    *data = NULL;
    *len = 0;
    if (name)
        *name = NULL;
    auth_user u;
    dti_rc rc = app_actor(a, &u, NULL, e);
    if (rc)
        return rc;
    return export_as(a->st, &u, q, a->now, data, len, name, e);
}
