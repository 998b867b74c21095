/* scoring.c — the dashboard's view of a plan's score (scoring.h): the
 * figures of app/score.h's one computation (scoring_compute_unchecked, the unit
 * ranking scoring_rank_units) and the period's completeness, as the JSON the
 * dashboard, `dti score` and the score cache read. No figure is computed
 * here. Every figure goes out with its inputs so that a person can
 * recompute it. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app_util.h"
#include "app/audit/audit.h"
#include "app/report/report_int.h"
#include "app/score/score.h"
#include "app/score/score_int.h"
#include "app/score/scoring.h"
#include "base/lang.h"
#include "core/period.h"
#include "core/score.h"
#include "store/store_score.h"

/* The dashboard's figures in two decimals' worth of noise less: every
 * number rounded to 6 decimals (the index is printed with 4). */
static json_t *num(double v)
{
    /* what JSON cannot hold is null, never a failed page; a figure too
     * large to round at 6 decimals is already whole */
    if (!isfinite(v))
        return json_null();
    return json_real(fabs(v) < 1e9 ? round(v * 1e6) / 1e6 : v);
}

static json_t *ind_json(const scoring_ind *d)
{
    char day[PERIOD_DATE_LEN];
    int text = d->has_target && d->target.op == TARGET_TEXT;
    json_t *obs = json_array();
    if (!obs)
        return NULL;
    for (size_t i = 0; i < d->ninputs; i++) {
        const scoring_input *x = &d->inputs[i];
        json_t *o = json_pack("{s:s, s:s, s:I, s:o, s:o}", "period", x->period, "org", x->org,
                              "org_id", (json_int_t)x->org_id,
                              "value", x->has_value ? num(x->value) : json_null(),
                              "met", x->verdict >= 0 ? json_boolean(x->verdict) : json_null());
        if (!o || json_array_append_new(obs, o)) {
            json_decref(obs);
            return NULL;
        }
    }
    const score_trend *t = &d->trend;
    json_t *val = json_null();
    if (!text && d->has_value)
        val = num(d->value);
    else if (text && d->level)
        val = num(d->value);        /* a stated level 0..1 */
    else if (text && d->verdict >= 0)
        val = json_boolean(d->verdict == 1);
    json_t *tg = d->has_target
        ? json_pack("{s:i, s:s, s:o, s:s, s:s}", "year", d->target_year, "op", plan_op_str(d->target.op), "value",
                    text ? json_null() : num(d->target.value), "unit", d->unit ? d->unit : "",
                    "text", d->target_text ? d->target_text : "")
        : json_null();
    return json_pack("{s:I, s:s, s:s, s:s, s:s, s:o, s:o, s:o, s:s, s:o, s:o, s:o, s:s, s:s, s:o, s:o, s:o, s:i}",
                     "id", (json_int_t)d->id, "code", d->code, "group", d->group ? d->group : "",
                     "name", d->name ? d->name : "", "aggregation", d->agg == SCORING_AGG_SUM ? "sum" : "last",
                     "target", tg, "observations", obs, "value", val,
                     "value_period", d->nobs ? d->obs[d->nobs - 1].period : "",
                     "achievement", t->latest.has_data ? num(t->latest.achievement) : json_null(),
                     "met", t->latest.has_data ? json_boolean(t->latest.met) : json_null(),
                     "points", d->counted ? num(score_points(t->latest.achievement, d->max)) : json_null(),
                     "status", score_status_name(t->status), "status_label", score_status_label(t->status),
                     "forecast", t->projected ? num(t->forecast) : json_null(),
                     "due", d->has_target ? json_string(period_date_vn(d->due, day)) : json_null(),
                     "max", num(d->max), "observations_used", (int)t->used);
}

static json_t *ranking_json(const scoring_ranking *r)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < r->n; i++) {
        const scoring_rank_row *w = &r->rows[i];
        json_t *o = json_pack("{s:i, s:I, s:s, s:I, s:I, s:I, s:I, s:o, s:I, s:o}", "rank", w->rank,
                              "org_id", (json_int_t)w->org_id, "org", w->name, "periods_due", (json_int_t)w->expected,
                              "on_time", (json_int_t)w->on_time, "late", (json_int_t)w->late,
                              "missing", (json_int_t)w->missing,
                              "on_time_rate", w->has_key ? num(w->key) : json_null(),
                              "indicators_with_data", (json_int_t)w->led_data,
                              "achievement", w->has_key2 ? num(w->key2) : json_null());
        if (!o || json_array_append_new(arr, o)) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}

/* ---- a period the calendar covers with finer ones ------------------------ */

/* Decision — any period. A monthly calendar has no quarter, half-year or
 * year of its own, yet leaders read the plan by quarter and year. Such a
 * period P is scored as app/score.h scores any code (the approved figures
 * of P's year up to its end, folded by each indicator's aggregation: last
 * or sum), and its completeness is the sum over the calendar's periods
 * inside it ("parts"), each org listed once with its worst timeliness
 * (missing, then late, then not due, then on time) and its counts. */

struct parts_ctx {
    const period *P;
    json_t *codes;
    int nomem;
};

static int part_row(void *ctx, const store_row *r)
{
    struct parts_ctx *c = ctx;
    const char *code = app_col(r, 0);
    period q;
    if (!code || period_parse(code, &q) != 0 || q.kind >= c->P->kind || period_start(&q) < period_start(c->P) ||
        period_end(&q) > period_end(c->P))
        return 0;
    if (json_array_append_new(c->codes, json_string(code))) {
        c->nomem = 1;
        return 1;
    }
    return 0;
}

/* P in PLAN_ID's calendar (or the plan has none): *PARTS = NULL. Else, for
 * a quarter, half-year or year holding calendar periods of a finer kind:
 * *PARTS = their codes, oldest first (new reference). Else the calendar's
 * refusal (DTI_ERR_INPUT, field "period"). */
static dti_rc calendar_parts(store *s, int64_t plan_id, const period *P, json_t **parts, dti_err *e)
{
    char code[PERIOD_CODE_LEN];
    dti_rc rc;
    struct parts_ctx c = {P, NULL, 0};
    *parts = NULL;
    period_format(P, code);
    if ((rc = report_check_period(s, plan_id, code, e)) != DTI_ERR_INPUT || P->kind == PERIOD_MONTH)
        return rc;
    if (!(c.codes = json_array()))
        return app_nomem(e);
    dti_err e2;
    dti_err_clear(&e2);
    if (store_score_period_codes(s, plan_id, part_row, &c, &e2) ||
        c.nomem || json_array_size(c.codes) == 0) {
        json_decref(c.codes);
        return c.nomem ? app_nomem(e) : rc;     /* e still holds the calendar's refusal */
    }
    dti_err_clear(e);
    *parts = c.codes;
    return DTI_OK;
}

static int timely_rank(const char *st)
{
    return !st ? 0 : strcmp(st, "missing") == 0 ? 4 : strcmp(st, "late") == 0 ? 3
                   : strcmp(st, "not_due") == 0 ? 2 : strcmp(st, "on_time") == 0 ? 1 : 0;
}

static void add_int(json_t *o, const char *key, json_int_t n)
{
    json_object_set_new(o, key, json_integer(json_integer_value(json_object_get(o, key)) + n));
}

/* Fold one part's completeness C into the period's TOTAL. 0, or -1 when
 * out of memory. */
static int fold_completeness(json_t *total, json_t *c)
{
    static const char *const COUNTS[] = {"expected", "received", "on_time", "late", "missing"};
    json_t *orgs = json_object_get(total, "orgs"), *o;
    size_t i;
    for (size_t k = 0; k < sizeof COUNTS / sizeof *COUNTS; k++)
        add_int(total, COUNTS[k], json_integer_value(json_object_get(c, COUNTS[k])));
    json_object_set(total, "unit_deadline", json_object_get(c, "unit_deadline"));
    json_array_foreach(json_object_get(c, "orgs"), i, o) {
        json_int_t id = json_integer_value(json_object_get(o, "org_id"));
        json_t *t = json_object_get(o, "timeliness");
        const char *st = json_string_value(json_object_get(t, "status"));
        json_t *m = NULL, *x;
        size_t j;
        json_array_foreach(orgs, j, x)
            if (json_integer_value(json_object_get(x, "org_id")) == id)
                m = x;
        if (!m) {
            m = json_pack("{s:I, s:O, s:O, s:I, s:I, s:I, s:I}", "org_id", id, "org", json_object_get(o, "org"),
                          "timeliness", t, "on_time", (json_int_t)0, "late", (json_int_t)0,
                          "missing", (json_int_t)0, "not_due", (json_int_t)0);
            if (!m || json_array_append_new(orgs, m))
                return -1;
        } else if (timely_rank(st) > timely_rank(json_string_value(json_object_get(
                       json_object_get(m, "timeliness"), "status")))) {
            json_object_set(m, "timeliness", t);
        }
        if (timely_rank(st) > 0)
            add_int(m, st, 1);
    }
    return 0;
}

/* The completeness of PERIOD over its calendar PARTS: the shape of
 * report_completeness with the counts summed, "parts" the codes, the unit
 * deadline the last part's. *OUT new reference. */
static dti_rc parts_completeness(store *s, const auth_user *u, int64_t plan_id, const char *period_code,
                                 json_t *parts, time_t now, json_t **out, dti_err *e)
{
    dti_rc rc = DTI_OK;
    size_t i;
    json_t *code;
    json_t *total = json_pack("{s:I, s:s, s:O, s:n, s:I, s:I, s:I, s:I, s:I, s:[]}", "plan_id", (json_int_t)plan_id,
                              "period", period_code, "parts", parts, "unit_deadline", "expected", (json_int_t)0,
                              "received", (json_int_t)0, "on_time", (json_int_t)0, "late", (json_int_t)0,
                              "missing", (json_int_t)0, "orgs");
    *out = NULL;
    if (!total)
        return app_nomem(e);
    json_array_foreach(parts, i, code) {
        json_t *c = NULL;
        if ((rc = report_completeness_as(s, u, plan_id, json_string_value(code), now, &c, e)))
            break;
        int bad = fold_completeness(total, c);
        json_decref(c);
        if (bad) {
            rc = app_nomem(e);
            break;
        }
    }
    if (rc) {
        json_decref(total);
        return rc;
    }
    json_int_t ex = json_integer_value(json_object_get(total, "expected"));
    json_object_set_new(total, "completeness", ex > 0 ? json_real((double)json_integer_value(json_object_get(total, "received")) / (double)ex) : json_null());
    json_object_set_new(total, "timeliness", ex > 0 ? json_real((double)json_integer_value(json_object_get(total, "on_time")) / (double)ex) : json_null());
    *out = total;
    return DTI_OK;
}

/* ---- the trend ------------------------------------------------------------ */

/* The plan's index for every period of P's kind in P's year up to P that
 * the plan's calendar holds, oldest first: [{"period"} and the score's
 * keys (scoring_sum_json)], index null when nothing is counted.
 * P's own entry is SC's total, the others are computed as it is. *OUT new
 * reference. */
static dti_rc trend_json(store *s, int64_t plan_id, const period *P, const scoring_result *sc, json_t **out, dti_err *e)
{
    dti_rc rc = DTI_OK;
    json_t *arr = json_array();
    if (!arr)
        return app_nomem(e);
    for (int i = 1; i <= P->index; i++) {
        period q = {P->kind, P->year, i};
        char code[PERIOD_CODE_LEN];
        scoring_result one;
        const scoring_result *use = sc;
        dti_err ignore;
        period_format(&q, code);
        memset(&one, 0, sizeof one);
        if (i < P->index) {
            json_t *qparts = NULL;
            if (calendar_parts(s, plan_id, &q, &qparts, &ignore) != DTI_OK)
                continue;               /* not in the calendar (before the plan) */
            json_decref(qparts);
            if ((rc = scoring_compute_unchecked(s, plan_id, code, &one, e)))
                break;
            use = &one;
        }
        json_t *o = scoring_sum_json_rounded(&use->total);
        if (!o || json_object_set_new(o, "period", json_string(code)) || json_array_append_new(arr, o))
            rc = app_nomem(e);
        if (use == &one)
            scoring_release(&one);
        if (rc)
            break;
    }
    if (rc) {
        json_decref(arr);
        return rc;
    }
    *out = arr;
    return DTI_OK;
}

/* ---- the whole score ------------------------------------------------------ */

dti_rc scoring_plan(store *s, const auth_user *u, int64_t plan_id, const char *period_code, time_t now,
                    json_t **out, dti_err *e)
{
    dti_rc rc;
    period P;
    char code[PERIOD_CODE_LEN], dd[PERIOD_DATE_LEN];
    scoring_result sc;
    scoring_ranking rk;
    json_t *o = NULL, *inds = NULL, *groups = NULL, *risk = NULL, *notmet = NULL, *comp = NULL, *ranking = NULL,
           *trend = NULL, *parts = NULL;
    int64_t porg = 0;
    int found = 0;

    *out = NULL;
    memset(&sc, 0, sizeof sc);
    memset(&rk, 0, sizeof rk);
    if ((rc = store_score_plan_org(s, plan_id, &porg, &found, e)))
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
    if (!period_code || period_parse(period_code, &P) != 0) {
        /* an ad-hoc or weekly request is not a period of the index
         * (docs/calendar.md): said, not answered with an empty score */
        if ((rc = report_check_period(s, plan_id, period_code, e)))
            return rc;
        return dti_fail(e, DTI_ERR_INPUT, "period",
                        "%s là một yêu cầu báo cáo đột xuất hoặc hằng tuần: yêu cầu không tính chỉ số chuyển "
                        "đổi số; xem tình hình nộp bằng dti report status",
                        "%s is an ad-hoc or weekly request: requests do not count in the index; see who "
                        "has reported with dti report status", period_code);
    }
    period_format(&P, code);
    if ((rc = calendar_parts(s, plan_id, &P, &parts, e)))
        return rc;
    if ((rc = scoring_compute_unchecked(s, plan_id, code, &sc, e)) ||
        (rc = parts ? parts_completeness(s, u, plan_id, code, parts, now, &comp, e)
                    : report_completeness_as(s, u, plan_id, code, now, &comp, e)) ||
        (rc = scoring_rank_units(s, u, &sc, SCORING_RANK_UNITS_ONTIME, now, &rk, e)) ||
        (rc = trend_json(s, plan_id, &P, &sc, &trend, e)))
        goto out;
    if (!(inds = json_array()) || !(risk = json_array()) || !(notmet = json_array()) || !(groups = json_array()) ||
        !(ranking = ranking_json(&rk))) {
        rc = app_nomem(e);
        goto out;
    }
    for (size_t i = 0; i < sc.ninds; i++) {
        const scoring_ind *d = &sc.inds[i];
        json_t *j = ind_json(d);
        if (!j || json_array_append_new(inds, j)) {
            rc = app_nomem(e);
            goto out;
        }
        json_t *lst = !d->has_target ? NULL : d->trend.status == SCORE_AT_RISK ? risk
                                            : d->trend.status == SCORE_NOT_MET ? notmet : NULL;
        if (lst && json_array_append_new(lst, json_string(d->code))) {
            rc = app_nomem(e);
            goto out;
        }
    }
    for (size_t g = 0; g < sc.ngroups; g++) {
        json_t *o2 = scoring_sum_json_rounded(&sc.groups[g].sum);
        if (!o2 || json_object_set_new(o2, "code", json_string(sc.groups[g].code)) ||
            json_object_set_new(o2, "name", json_string(sc.groups[g].name ? sc.groups[g].name : "")) ||
            json_array_append_new(groups, o2)) {
            rc = app_nomem(e);
            goto out;
        }
    }
    o = json_pack("{s:I, s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:O, s:O, s:O}", "plan_id", (json_int_t)plan_id,
                  "period", sc.period, "judged_on", period_date_vn(sc.asof, dd),
                  "method", sc.has_table
                      ? TR("theo bộ chỉ số đã nạp: điểm của các tiêu chí (điểm thẩm định khi có) / tổng điểm tối đa; "
                           "tiêu chí chưa có điểm không tính, đếm riêng",
                           "by the loaded point table: the criteria's points (the reviewer's where given) over their "
                           "maxima; criteria without points are left out and counted apart")
                      : TR("mỗi chỉ tiêu tối đa 1 điểm (chưa nạp bộ chỉ số); điểm = mức đạt; chỉ số = tổng điểm / "
                           "tổng điểm tối đa; chỉ tiêu chưa có số liệu không tính, liệt kê riêng",
                           "every indicator has maximum 1 (no point table loaded); points = achievement; "
                           "index = points / maximum points; indicators without data are left out and "
                           "listed apart"),
                  "table", sc.has_table ? json_pack("{s:I, s:s}", "id", (json_int_t)sc.table_id, "name",
                                                    sc.table_name ? sc.table_name : "")
                                        : json_null(),
                  "indicators", inds, "groups", groups, "total", scoring_sum_json_rounded(&sc.total), "at_risk", risk,
                  "not_met", notmet, "completeness", comp, "ranking", ranking, "trend", trend);
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
    json_decref(trend);
    json_decref(parts);
    scoring_ranking_release(&rk);
    scoring_release(&sc);
    return rc;
}

dti_rc scoring_dashboard(app *a, int64_t plan_id, const char *pcode, json_t **out, dti_err *e)
{
    auth_user u;
    *out = NULL;
    dti_rc rc = scoring_actor(a, &u, e);
    return rc ? rc : scoring_plan(a->st, &u, plan_id, pcode, a->now, out, e);
}

dti_rc scoring_set_aggregation(app *a, int64_t plan_id, const char *code, const char *aggregation, dti_err *e)
{
    store *s = a->st;
    auth_user user;
    const auth_user *u = &user;
    time_t now = a->now;
    dti_rc rc;
    int in_tx = 0;
    int64_t id = 0;
    int found = 0;
    char *old = NULL;
    json_t *jb = NULL, *ja = NULL;
    if (!aggregation || (strcmp(aggregation, "last") != 0 && strcmp(aggregation, "sum") != 0))
        return dti_fail(e, DTI_ERR_INPUT, "aggregation", "cách cộng dồn phải là last hoặc sum",
                        "the aggregation is last or sum");
    if ((rc = scoring_actor(a, &user, e)) || (rc = store_begin(s, e)))
        return rc;
    in_tx = 1;
    if ((rc = auth_can_plan(s, u, AUTH_PLAN_WRITE, plan_id, e)))
        goto out;
    if ((rc = store_score_indicator_by_code(s, plan_id, code, &id, &found, e)))
        goto out;
    if (!found) {
        rc = dti_fail(e, DTI_ERR_NOTFOUND, "code", "kế hoạch không có chỉ tiêu mã %s", "the plan has no indicator %s",
                      code ? code : "");
        goto out;
    }
    if ((rc = store_score_aggregation_get(s, id, &old, e)))
        goto out;
    if ((rc = store_score_aggregation_put(s, id, aggregation, e)))
        goto out;
    jb = json_pack("{s:s}", "aggregation", old ? old : "last");
    ja = json_pack("{s:s}", "aggregation", aggregation);
    if (!ja || !jb) {
        rc = app_nomem(e);
        goto out;
    }
    if ((rc = audit_append_id(s, u, now, "indicator.aggregation", "indicator", id, jb, ja, e)))
        goto out;
    if ((rc = store_commit(s, e)))
        goto out;
    in_tx = 0;
out:
    if (in_tx)
        store_rollback(s);
    free(old);
    json_decref(ja);
    json_decref(jb);
    return rc;
}
