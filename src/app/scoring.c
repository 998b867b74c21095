/* scoring.c — gathering a plan's values, targets and reports for a period
 * and handing them to core/score and core/rank (rules in scoring.h). Every
 * figure goes out with its inputs so that a person can recompute it. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app_util.h"
#include "app/audit.h"
#include "app/report_int.h"
#include "app/scoring.h"
#include "base/lang.h"
#include "core/period.h"
#include "core/rank.h"
#include "core/score.h"

#define SCORING_OBS_MAX 24          /* periods of one kind in a year: at most 12 */
#define SCORING_ROWS_MAX 96         /* approved values of one indicator in a year (leads × periods) */
#define SCORING_ITEMS_MAX 2000      /* indicators in a plan */

typedef struct obs_row {
    char code[PERIOD_CODE_LEN];
    int32_t day;
    int has_value;
    double value;
    int has_met;
    int met;
    int64_t org_id;
    char org[192];
} obs_row;

typedef struct ind {
    int64_t id;
    char code[64], group[64], name[512], due[16];
    int sum;
    int has_target, tyear;
    score_target t;
    char unit[64], ttext[256];
    obs_row rows[SCORING_ROWS_MAX];
    size_t nrows;
    score_obs obs[SCORING_OBS_MAX];
    char obs_code[SCORING_OBS_MAX][PERIOD_CODE_LEN];
    size_t nobs;
    score_trend trend;
    int32_t due_day;
    double points;
} ind;

struct ind_list {
    ind *v;
    size_t n, cap;
    int nomem;
    size_t *by_id;              /* indexes into v sorted by id (ind_index) */
};

static _Thread_local const ind *cmp_base;

static int cmp_by_id(const void *a, const void *b)
{
    int64_t x = cmp_base[*(const size_t *)a].id, y = cmp_base[*(const size_t *)b].id;
    return x < y ? -1 : x > y;
}

/* Sort L's indexes by indicator id so that batched rows (targets,
 * observations of every indicator at once) find their indicator. Called
 * under no lock but only from one thread per list: cmp_base is set and
 * used within one qsort call, so it is made thread-local. */
static int ind_index(struct ind_list *l)
{
    if (!l->n)
        return 0;
    if (!(l->by_id = malloc(l->n * sizeof *l->by_id)))
        return -1;
    for (size_t i = 0; i < l->n; i++)
        l->by_id[i] = i;
    cmp_base = l->v;
    qsort(l->by_id, l->n, sizeof *l->by_id, cmp_by_id);
    cmp_base = NULL;
    return 0;
}

static ind *ind_find(struct ind_list *l, int64_t id)
{
    size_t lo = 0, hi = l->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int64_t m = l->v[l->by_id[mid]].id;
        if (m == id)
            return &l->v[l->by_id[mid]];
        if (m < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static void cpy(char *dst, size_t n, const char *src)
{
    snprintf(dst, n, "%s", src ? src : "");
}

static int ind_row(void *ctx, const store_row *r)
{
    struct ind_list *l = ctx;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 32;
        if (cap > SCORING_ITEMS_MAX) {
            l->nomem = 1;
            return 1;
        }
        ind *v = realloc(l->v, cap * sizeof *v);
        if (!v) {
            l->nomem = 1;
            return 1;
        }
        l->v = v;
        l->cap = cap;
    }
    ind *x = &l->v[l->n++];
    memset(x, 0, sizeof *x);
    x->id = r->v[0].i;
    cpy(x->code, sizeof x->code, app_col(r, 1));
    cpy(x->group, sizeof x->group, app_col(r, 2));
    cpy(x->name, sizeof x->name, app_col(r, 3));
    cpy(x->due, sizeof x->due, app_col(r, 4));
    x->sum = app_col(r, 5) && strcmp(app_col(r, 5), "sum") == 0;
    return 0;
}

/* Rows: indicator_id, year, op, value, unit, text, ordered by indicator
 * and by distance from the period's year; the first row of each wins. */
static int tgt_row(void *ctx, const store_row *r)
{
    struct ind_list *l = ctx;
    ind *x = ind_find(l, r->v[0].i);
    if (!x || x->has_target)
        return 0;
    r = &(store_row){r->n - 1, r->v + 1};
    x->has_target = 1;
    x->tyear = (int)r->v[0].i;
    int op = plan_op_parse(app_col(r, 1));
    x->t.op = op < 0 ? TARGET_TEXT : (target_op)op;
    x->t.value = r->v[2].t == SV_NULL ? 0 : (r->v[2].t == SV_INT ? (double)r->v[2].i : r->v[2].d);
    if (r->v[2].t == SV_NULL)
        x->t.op = TARGET_TEXT;
    cpy(x->unit, sizeof x->unit, app_col(r, 3));
    cpy(x->ttext, sizeof x->ttext, app_col(r, 4));
    return 0;
}

/* Rows: indicator_id then the observation's columns (see scoring_plan). */
static int obs_fn(void *ctx, const store_row *r)
{
    struct ind_list *l = ctx;
    ind *x = ind_find(l, r->v[0].i);
    if (!x || x->nrows >= sizeof x->rows / sizeof x->rows[0])
        return 0;
    r = &(store_row){r->n - 1, r->v + 1};
    obs_row *o = &x->rows[x->nrows];
    memset(o, 0, sizeof *o);
    period p;
    if (!app_col(r, 0) || period_parse(app_col(r, 0), &p) != 0)
        return 0;
    period_format(&p, o->code);
    int32_t d;
    o->day = app_col(r, 1) && period_date_parse(app_col(r, 1), &d) == 0 ? d : period_end(&p);
    o->has_value = r->v[2].t != SV_NULL;
    o->value = r->v[2].t == SV_INT ? (double)r->v[2].i : r->v[2].d;
    o->has_met = r->v[3].t != SV_NULL;
    o->met = (int)r->v[3].i;
    o->org_id = r->v[4].i;
    cpy(o->org, sizeof o->org, app_col(r, 5));
    if (o->has_value || o->has_met)
        x->nrows++;
    return 0;
}

static int cmp_obs_row(const void *a, const void *b)
{
    const obs_row *x = a, *y = b;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    return x->org_id < y->org_id ? -1 : x->org_id > y->org_id;
}

/* Turn X's rows into one observation per period (last: first lead; sum:
 * all leads, cumulated over the year). */
static void build_obs(ind *x)
{
    qsort(x->rows, x->nrows, sizeof x->rows[0], cmp_obs_row);
    double cum = 0;
    x->nobs = 0;
    for (size_t i = 0; i < x->nrows && x->nobs < SCORING_OBS_MAX;) {
        size_t j = i;
        score_obs *o = &x->obs[x->nobs];
        memset(o, 0, sizeof *o);
        o->day = x->rows[i].day;
        memcpy(x->obs_code[x->nobs], x->rows[i].code, PERIOD_CODE_LEN);
        if (x->t.op == TARGET_TEXT) {
            o->v.verdict = x->rows[i].has_met ? (x->rows[i].met ? SCORE_VERDICT_YES : SCORE_VERDICT_NO)
                                              : SCORE_VERDICT_NONE;
        } else if (x->sum) {
            double s = 0;
            int any = 0;
            for (size_t k = i; k < x->nrows && x->rows[k].day == o->day; k++)
                if (x->rows[k].has_value) {
                    s += x->rows[k].value;
                    any = 1;
                }
            cum += s;
            o->v.has_value = any;
            o->v.value = cum;
        } else {
            for (size_t k = i; k < x->nrows && x->rows[k].day == o->day; k++)
                if (x->rows[k].has_value) {
                    o->v.has_value = 1;
                    o->v.value = x->rows[k].value;
                    break;
                }
        }
        while (j < x->nrows && x->rows[j].day == o->day)
            j++;
        i = j;
        x->nobs++;
    }
}

static json_t *num(double v)
{
    return json_real(round(v * 1e6) / 1e6);
}

static json_t *ind_json(const ind *x)
{
    char d[PERIOD_DATE_LEN];
    json_t *obs = json_array();
    if (!obs)
        return NULL;
    for (size_t i = 0; i < x->nrows; i++) {
        json_t *o = json_pack("{s:s, s:s, s:o, s:o}", "period", x->rows[i].code, "org", x->rows[i].org,
                              "value", x->rows[i].has_value ? num(x->rows[i].value) : json_null(),
                              "met", x->rows[i].has_met ? json_boolean(x->rows[i].met) : json_null());
        if (!o || json_array_append_new(obs, o)) {
            json_decref(obs);
            return NULL;
        }
    }
    const score_result *lr = &x->trend.latest;
    json_t *val = json_null();
    if (x->nobs && x->t.op != TARGET_TEXT && x->obs[x->nobs - 1].v.has_value)
        val = num(x->obs[x->nobs - 1].v.value);
    else if (x->nobs && x->t.op == TARGET_TEXT && x->obs[x->nobs - 1].v.verdict != SCORE_VERDICT_NONE)
        val = json_boolean(x->obs[x->nobs - 1].v.verdict == SCORE_VERDICT_YES);
    json_t *tg = x->has_target
        ? json_pack("{s:i, s:s, s:o, s:s, s:s}", "year", x->tyear, "op", plan_op_str(x->t.op), "value",
                    x->t.op == TARGET_TEXT ? json_null() : num(x->t.value), "unit", x->unit, "text", x->ttext)
        : json_null();
    return json_pack("{s:I, s:s, s:s, s:s, s:s, s:o, s:o, s:o, s:s, s:o, s:o, s:o, s:s, s:s, s:o, s:o, s:o, s:i}",
                     "id", (json_int_t)x->id, "code", x->code, "group", x->group, "name", x->name, "aggregation", x->sum ? "sum" : "last",
                     "target", tg, "observations", obs, "value", val,
                     "value_period", x->nobs ? x->obs_code[x->nobs - 1] : "",
                     "achievement", lr->has_data ? num(lr->achievement) : json_null(),
                     "met", lr->has_data ? json_boolean(lr->met) : json_null(),
                     "points", lr->has_data ? num(x->points) : json_null(),
                     "status", score_status_name(x->trend.status), "status_label",
                     score_status_label(x->trend.status),
                     "forecast", x->trend.projected ? num(x->trend.forecast) : json_null(),
                     "due", x->due_day == PERIOD_NO_DAY ? json_null() : json_string(period_date_vn(x->due_day, d)),
                     "max", json_integer(1), "observations_used", (int)x->trend.used);
}

static json_t *sum_json(const score_sum *s)
{
    char f[SCORE_FMT_LEN];
    return json_pack("{s:o, s:o, s:o, s:s, s:I, s:I}", "points", num(s->points), "max", num(s->max),
                     "value", s->has_value ? num(s->value) : json_null(),
                     "value_text", s->has_value ? score_format_index(s->value, f) : "",
                     "counted", (json_int_t)s->counted, "nodata", (json_int_t)s->nodata);
}

struct grp_ctx {
    json_t *arr;
    const score_item *items;
    size_t n;
    int nomem;
    dti_rc rc;
    dti_err *e;
};

static int grp_row(void *ctx, const store_row *r)
{
    struct grp_ctx *g = ctx;
    score_sum s;
    const char *code = app_col(r, 0) ? app_col(r, 0) : "";
    if ((g->rc = score_sum_items(g->items, g->n, code, SCORE_FROM_SELF, SCORE_NODATA_EXCLUDE, &s, g->e)))
        return 1;
    json_t *o = sum_json(&s);
    if (!o || json_object_set_new(o, "code", json_string(code)) ||
        json_object_set_new(o, "name", json_string(app_col(r, 1) ? app_col(r, 1) : ""))) {
        json_decref(o);
        g->nomem = 1;
        return 1;
    }
    if (json_array_append_new(g->arr, o)) {
        g->nomem = 1;
        return 1;
    }
    return 0;
}

/* ---- ranking of units -------------------------------------------------- */

typedef struct unit {
    int64_t id;
    char name[192];
    size_t expected, on_time, late, missing;
    double ach_sum;
    size_t ach_n;
    int32_t from_day;           /* first lead assignment, PERIOD_NO_DAY if unknown */
} unit;

struct unit_list {
    unit *v;
    size_t n, cap;
    int nomem;
};

static int unit_row(void *ctx, const store_row *r)
{
    struct unit_list *l = ctx;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        unit *v = realloc(l->v, cap * sizeof *v);
        if (!v) {
            l->nomem = 1;
            return 1;
        }
        l->v = v;
        l->cap = cap;
    }
    unit *u = &l->v[l->n++];
    memset(u, 0, sizeof *u);
    u->id = r->v[0].i;
    u->from_day = PERIOD_NO_DAY;
    cpy(u->name, sizeof u->name, app_col(r, 1));
    return 0;
}

static unit *unit_find(struct unit_list *l, int64_t id)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i].id == id)
            return &l->v[i];
    return NULL;
}

/* Rows: org_id, first day it was made a lead. */
static int from_row(void *ctx, const store_row *r)
{
    unit *x = unit_find(ctx, r->v[0].i);
    int32_t d;
    if (x && app_col(r, 1) && period_date_parse(app_col(r, 1), &d) == 0)
        x->from_day = d;
    return 0;
}

struct sub {
    int64_t org_id;
    char code[PERIOD_CODE_LEN];
    time_t t;
};

struct sub_list {
    struct sub *v;
    size_t n, cap;
    int nomem;
};

/* Rows: org_id, period, first submission time. */
static int sub_row(void *ctx, const store_row *r)
{
    struct sub_list *l = ctx;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 32;
        struct sub *v = realloc(l->v, cap * sizeof *v);
        if (!v) {
            l->nomem = 1;
            return 1;
        }
        l->v = v;
        l->cap = cap;
    }
    struct sub *x = &l->v[l->n];
    x->org_id = r->v[0].i;
    if (!app_col(r, 1) || strlen(app_col(r, 1)) >= sizeof x->code)
        return 0;
    cpy(x->code, sizeof x->code, app_col(r, 1));
    x->t = report_ts_parse(app_col(r, 2));
    l->n++;
    return 0;
}

struct lead_ctx {
    struct unit_list *ul;
    struct ind_list *il;
};

/* Rows: indicator_id, org_id of a lead assignment in force. */
static int lead_row(void *ctx, const store_row *r)
{
    struct lead_ctx *c = ctx;
    const ind *x = ind_find(c->il, r->v[0].i);
    unit *u = unit_find(c->ul, r->v[1].i);
    if (x && u && x->trend.latest.has_data) {
        u->ach_sum += x->trend.latest.achievement;
        u->ach_n++;
    }
    return 0;
}

struct per_row {
    char code[PERIOD_CODE_LEN];
    int32_t end, due;
};

struct per_list {
    struct per_row v[SCORING_OBS_MAX];
    size_t n;
    int kind;
    int year;
    int32_t end;
};

static int per_fn(void *ctx, const store_row *r)
{
    struct per_list *l = ctx;
    period p;
    if (l->n >= SCORING_OBS_MAX || !app_col(r, 0) || period_parse(app_col(r, 0), &p) != 0)
        return 0;
    if ((int)p.kind != l->kind || p.year != l->year)
        return 0;
    int32_t end, due = PERIOD_NO_DAY;
    if (!app_col(r, 1) || period_date_parse(app_col(r, 1), &end) != 0 || end > l->end)
        return 0;
    if (app_col(r, 2) && period_date_parse(app_col(r, 2), &due) != 0)
        due = PERIOD_NO_DAY;
    period_format(&p, l->v[l->n].code);
    l->v[l->n].due = due;
    l->v[l->n].end = end;
    l->n++;
    return 0;
}

static dti_rc rank_units(store *s, const auth_user *u, int64_t plan_id, const period *P, int32_t pend,
                         struct ind_list *il, time_t now, json_t **out, dti_err *e)
{
    dti_rc rc;
    struct unit_list ul = {NULL, 0, 0, 0};
    struct sub_list sl = {NULL, 0, 0, 0};
    struct per_list pl;
    rank_item *items = NULL;
    json_t *arr = NULL;
    memset(&pl, 0, sizeof pl);
    pl.kind = (int)P->kind;
    pl.year = P->year;
    pl.end = pend;
    store_val pp[] = {SV_I(plan_id)};
    if ((rc = store_query(s, "SELECT DISTINCT o.id, o.name FROM assignments a JOIN orgs o ON o.id = a.org_id "
                             "WHERE a.plan_id = ? AND a.role = 'lead' AND a.valid_to IS NULL ORDER BY o.id",
                          pp, 1, unit_row, &ul, e)) ||
        (rc = store_query(s, "SELECT code, end_date, unit_due FROM periods WHERE plan_id = ? ORDER BY end_date",
                          pp, 1, per_fn, &pl, e)))
        goto out;
    if (ul.nomem) {
        rc = app_nomem(e);
        goto out;
    }
    /* keep the units in the user's scope */
    size_t k = 0;
    for (size_t i = 0; i < ul.n; i++) {
        int in = 0;
        if ((rc = auth_in_scope(s, u, ul.v[i].id, &in, e)))
            goto out;
        if (in)
            ul.v[k++] = ul.v[i];
    }
    ul.n = k;
    /* the first assignment, the submissions and the indicators led, of
     * every unit at once */
    if ((rc = store_query(s, "SELECT org_id, MIN(substr(valid_from, 1, 10)) FROM assignments WHERE plan_id = ? "
                             "AND role = 'lead' GROUP BY org_id", pp, 1, from_row, &ul, e)) ||
        (rc = store_query(s, "SELECT org_id, period, MIN(submitted_at) FROM reports WHERE plan_id = ? "
                             "GROUP BY org_id, period", pp, 1, sub_row, &sl, e)))
        goto out;
    if (sl.nomem) {
        rc = app_nomem(e);
        goto out;
    }
    struct lead_ctx lc = {&ul, il};
    if ((rc = store_query(s, "SELECT DISTINCT indicator_id, org_id FROM assignments WHERE plan_id = ? AND "
                             "indicator_id IS NOT NULL AND role = 'lead' AND valid_to IS NULL", pp, 1, lead_row, &lc, e)))
        goto out;
    for (size_t i = 0; i < ul.n; i++) {
        unit *x = &ul.v[i];
        /* a unit answers for the periods ending after it was first assigned */
        for (size_t j = 0; j < pl.n; j++) {
            if (x->from_day != PERIOD_NO_DAY && pl.v[j].end < x->from_day)
                continue;
            time_t t = -1;
            for (size_t k2 = 0; k2 < sl.n; k2++)
                if (sl.v[k2].org_id == x->id && strcmp(sl.v[k2].code, pl.v[j].code) == 0) {
                    t = sl.v[k2].t;
                    break;
                }
            int late = 0;
            period_timely tl = period_timeliness(t >= 0, t, pl.v[j].due, now, &late);
            if (tl == TIMELY_NOT_DUE)
                continue;
            x->expected++;
            if (tl == TIMELY_ON_TIME)
                x->on_time++;
            else if (tl == TIMELY_LATE)
                x->late++;
            else
                x->missing++;
        }
    }
    if (ul.n && !(items = calloc(ul.n, sizeof *items))) {
        rc = app_nomem(e);
        goto out;
    }
    for (size_t i = 0; i < ul.n; i++) {
        items[i].name = ul.v[i].name;
        items[i].has_key = ul.v[i].expected > 0;
        items[i].key = items[i].has_key ? (double)ul.v[i].on_time / (double)ul.v[i].expected : 0;
        items[i].has_key2 = ul.v[i].ach_n > 0;
        items[i].key2 = items[i].has_key2 ? ul.v[i].ach_sum / (double)ul.v[i].ach_n : 0;
        items[i].index = i;
    }
    if ((rc = rank_sort(items, ul.n, RANK_DESCENDING, e)))
        goto out;
    if (!(arr = json_array())) {
        rc = app_nomem(e);
        goto out;
    }
    for (size_t i = 0; i < ul.n; i++) {
        const unit *x = &ul.v[items[i].index];
        json_t *o = json_pack("{s:i, s:I, s:s, s:I, s:I, s:I, s:I, s:o, s:I, s:o}", "rank", items[i].rank,
                              "org_id", (json_int_t)x->id, "org", x->name, "periods_due", (json_int_t)x->expected,
                              "on_time", (json_int_t)x->on_time, "late", (json_int_t)x->late,
                              "missing", (json_int_t)x->missing,
                              "on_time_rate", items[i].has_key ? num(items[i].key) : json_null(),
                              "indicators_with_data", (json_int_t)x->ach_n,
                              "achievement", items[i].has_key2 ? num(items[i].key2) : json_null());
        if (!o || json_array_append_new(arr, o)) {
            rc = app_nomem(e);
            goto out;
        }
    }
    *out = arr;
    arr = NULL;
    rc = DTI_OK;
out:
    json_decref(arr);
    free(items);
    free(sl.v);
    free(ul.v);
    return rc;
}

/* ---- the whole score ------------------------------------------------------ */

dti_rc scoring_plan(store *s, const auth_user *u, int64_t plan_id, const char *period_code, time_t now,
                    json_t **out, dti_err *e)
{
    dti_rc rc;
    period P;
    char code[PERIOD_CODE_LEN], dd[PERIOD_DATE_LEN];
    struct ind_list il = {NULL, 0, 0, 0, NULL};
    score_item *items = NULL;
    json_t *o = NULL, *inds = NULL, *groups = NULL, *risk = NULL, *notmet = NULL, *comp = NULL, *ranking = NULL;
    int64_t porg = 0;
    int found = 0;

    *out = NULL;
    store_val pp[] = {SV_I(plan_id)};
    if ((rc = store_query_int(s, "SELECT COALESCE(org_id, 0) FROM plans WHERE id = ?", pp, 1, &porg, &found, e)))
        return rc;
    if (!found)
        return dti_fail(e, DTI_ERR_NOTFOUND, "plan", "không có kế hoạch số %lld", "no plan with id %lld",
                        (long long)plan_id);
    /* a plan out of the user's view is "not found"; a plan it sees but
     * whose whole score it may not read (a unit's reporter) is refused */
    if ((rc = auth_can_plan(s, u, AUTH_READ, plan_id, e)))
        return rc;
    if ((rc = auth_can(s, u, AUTH_READ, porg, e)) == DTI_ERR_NOTFOUND)
        return dti_fail(e, DTI_ERR_PERM, "plan", "%s không có quyền xem điểm của cả kế hoạch số %lld",
                        "%s may not see the score of the whole plan %lld", u ? u->name : "?",
                        (long long)plan_id);
    if (rc)
        return rc;
    if (!period_code || period_parse(period_code, &P) != 0)
        return rep_check_period(s, plan_id, period_code, e);
    period_format(&P, code);
    if ((rc = rep_check_period(s, plan_id, code, e)))
        return rc;
    int32_t pend = period_end(&P);
    {
        char *iso = NULL;
        store_val q[] = {SV_I(plan_id), app_sv_text(code)};
        if ((rc = store_query_text(s, "SELECT end_date FROM periods WHERE plan_id = ? AND code = ?", q, 2, &iso, e)))
            return rc;
        int32_t d;
        if (iso && period_date_parse(iso, &d) == 0)
            pend = d;
        free(iso);
    }
    if ((rc = store_query(s, "SELECT i.id, i.code, i.group_code, i.name, i.due, a.aggregation FROM indicators i "
                             "LEFT JOIN indicator_aggregation a ON a.indicator_id = i.id WHERE i.plan_id = ? "
                             "ORDER BY i.seq", pp, 1, ind_row, &il, e)))
        goto out;
    if (il.nomem) {
        rc = app_nomem(e);
        goto out;
    }
    if (il.n && !(items = calloc(il.n, sizeof *items))) {
        rc = app_nomem(e);
        goto out;
    }
    if (ind_index(&il)) {
        rc = app_nomem(e);
        goto out;
    }
    /* every indicator's target and observations in two queries */
    {
        char y4[8];
        snprintf(y4, sizeof y4, "%04d", P.year);
        store_val q[] = {SV_I(plan_id), SV_I(P.year), SV_I(P.year)};
        store_val w[] = {SV_I(plan_id), app_sv_text(y4)};
        if ((rc = store_query(s, "SELECT t.indicator_id, t.year, t.op, t.value, t.unit, t.text FROM indicator_targets t "
                                 "JOIN indicators i ON i.id = t.indicator_id WHERE i.plan_id = ? AND t.year >= ? "
                                 "ORDER BY t.indicator_id, t.year - ?", q, 3, tgt_row, &il, e)))
            goto out;
        if ((rc = store_query(s,
                 "SELECT v.indicator_id, r.period, pr.end_date, v.value, v.met, r.org_id, o.name FROM reports r "
                 "JOIN report_values v ON v.report_id = r.id JOIN orgs o ON o.id = r.org_id "
                 "LEFT JOIN periods pr ON pr.plan_id = r.plan_id AND pr.code = r.period "
                 "WHERE r.plan_id = ? AND r.state = 'approved' AND substr(r.period, 1, 4) = ? "
                 "AND r.version = (SELECT MAX(r2.version) FROM reports r2 WHERE r2.plan_id = r.plan_id AND "
                 "r2.org_id = r.org_id AND r2.period = r.period AND r2.state = 'approved') "
                 "AND EXISTS (SELECT 1 FROM assignments a WHERE a.plan_id = r.plan_id AND a.indicator_id = "
                 "v.indicator_id AND a.org_id = r.org_id AND a.role = 'lead' AND a.valid_to IS NULL)",
                 w, 2, obs_fn, &il, e)))
            goto out;
    }
    for (size_t i = 0; i < il.n; i++) {
        ind *x = &il.v[i];
        /* keep the periods of P's kind ending by P's end */
        size_t k = 0;
        for (size_t j = 0; j < x->nrows; j++) {
            period q2;
            if (period_parse(x->rows[j].code, &q2) == 0 && q2.kind == P.kind && x->rows[j].day <= pend)
                x->rows[k++] = x->rows[j];
        }
        x->nrows = k;
        build_obs(x);
        /* due: the indicator's due period in the target's year, else 31/12 */
        int ty = x->has_target ? x->tyear : P.year;
        period dp;
        x->due_day = period_days(ty, 12, 31);
        if (x->due[0] && period_parse(x->due, &dp) == 0 && dp.year == ty)
            x->due_day = period_end(&dp);
        memset(&x->trend, 0, sizeof x->trend);
        x->trend.status = SCORE_NO_DATA;
        if (x->has_target && (rc = score_status_of(&x->t, x->obs, x->nobs, x->due_day, pend, &x->trend, e)))
            goto out;
        x->points = x->trend.latest.has_data ? score_points(x->trend.latest.achievement, 1.0) : 0;
        items[i].code = x->code;
        items[i].group = x->group;
        items[i].max = x->has_target ? 1.0 : 0.0;
        items[i].has_self = x->trend.latest.has_data;
        items[i].self = x->points;
    }
    if (!(inds = json_array()) || !(risk = json_array()) || !(notmet = json_array()) || !(groups = json_array())) {
        rc = app_nomem(e);
        goto out;
    }
    for (size_t i = 0; i < il.n; i++) {
        json_t *j = ind_json(&il.v[i]);
        if (!j || json_array_append_new(inds, j)) {
            rc = app_nomem(e);
            goto out;
        }
        json_t *lst = il.v[i].trend.status == SCORE_AT_RISK ? risk : il.v[i].trend.status == SCORE_NOT_MET ? notmet : NULL;
        if (lst && json_array_append_new(lst, json_string(il.v[i].code))) {
            rc = app_nomem(e);
            goto out;
        }
    }
    struct grp_ctx g = {groups, items, il.n, 0, DTI_OK, e};
    if ((rc = store_query(s, "SELECT code, name FROM plan_groups WHERE plan_id = ? ORDER BY seq", pp, 1, grp_row, &g, e)))
        goto out;
    if (g.rc || g.nomem) {
        rc = g.rc ? g.rc : app_nomem(e);
        goto out;
    }
    score_sum all;
    if ((rc = score_sum_items(items, il.n, NULL, SCORE_FROM_SELF, SCORE_NODATA_EXCLUDE, &all, e)))
        goto out;
    if ((rc = report_completeness(s, u, plan_id, code, now, &comp, e)))
        goto out;
    if ((rc = rank_units(s, u, plan_id, &P, pend, &il, now, &ranking, e)))
        goto out;
    o = json_pack("{s:I, s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:O, s:O}", "plan_id", (json_int_t)plan_id,
                  "period", code, "judged_on", period_date_vn(pend, dd),
                  "method", TR("mỗi chỉ tiêu tối đa 1 điểm (chưa nạp bộ chỉ số); điểm = mức đạt; chỉ số = tổng điểm / "
                               "tổng điểm tối đa; chỉ tiêu chưa có số liệu không tính, liệt kê riêng",
                               "every indicator has maximum 1 (no point table loaded); points = achievement; "
                               "index = points / maximum points; indicators without data are left out and "
                               "listed apart"),
                  "indicators", inds, "groups", groups, "plan", sum_json(&all), "at_risk", risk, "not_met", notmet,
                  "completeness", comp, "ranking", ranking);
    inds = groups = risk = notmet = NULL;
    if (!o) {
        rc = app_nomem(e);
        goto out;
    }
    *out = o;
    rc = DTI_OK;
out:
    json_decref(inds);
    json_decref(groups);
    json_decref(risk);
    json_decref(notmet);
    json_decref(comp);
    json_decref(ranking);
    free(items);
    free(il.by_id);
    free(il.v);
    return rc;
}

dti_rc scoring_set_aggregation(store *s, const auth_user *u, int64_t plan_id, const char *code,
                               const char *aggregation, time_t now, dti_err *e)
{
    dti_rc rc;
    int in_tx = 0;
    int64_t id = 0;
    int found = 0;
    char *old = NULL;
    json_t *b = NULL, *a = NULL;
    if (!aggregation || (strcmp(aggregation, "last") != 0 && strcmp(aggregation, "sum") != 0))
        return dti_fail(e, DTI_ERR_INPUT, "aggregation", "cách cộng dồn phải là last hoặc sum",
                        "the aggregation is last or sum");
    if ((rc = store_begin(s, e)))
        return rc;
    in_tx = 1;
    if ((rc = auth_can_plan(s, u, AUTH_PLAN_WRITE, plan_id, e)))
        goto out;
    store_val q[] = {SV_I(plan_id), app_sv_text(code)};
    if ((rc = store_query_int(s, "SELECT id FROM indicators WHERE plan_id = ? AND code = ? ORDER BY seq", q, 2, &id,
                              &found, e)))
        goto out;
    if (!found) {
        rc = dti_fail(e, DTI_ERR_NOTFOUND, "code", "kế hoạch không có chỉ tiêu mã %s", "the plan has no indicator %s",
                      code ? code : "");
        goto out;
    }
    store_val w[] = {SV_I(id)};
    if ((rc = store_query_text(s, "SELECT aggregation FROM indicator_aggregation WHERE indicator_id = ?", w, 1, &old, e)))
        goto out;
    store_val x[] = {SV_I(id), app_sv_text(aggregation)};
    if ((rc = store_exec(s, "INSERT INTO indicator_aggregation (indicator_id, aggregation) VALUES (?, ?) "
                            "ON CONFLICT (indicator_id) DO UPDATE SET aggregation = excluded.aggregation", x, 2, e)))
        goto out;
    b = json_pack("{s:s}", "aggregation", old ? old : "last");
    a = json_pack("{s:s}", "aggregation", aggregation);
    if (!a || !b) {
        rc = app_nomem(e);
        goto out;
    }
    if ((rc = audit_append_id(s, u, now, "indicator.aggregation", "indicator", id, b, a, e)))
        goto out;
    if ((rc = store_commit(s, e)))
        goto out;
    in_tx = 0;
out:
    if (in_tx)
        store_rollback(s);
    free(old);
    json_decref(a);
    json_decref(b);
    return rc;
}
