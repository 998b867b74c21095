/* calendar.c — setting and reading a plan's reporting regime (calendar.h):
 * the rule text is parsed by core/period, stored rule by rule, and expanded
 * into the periods table with both deadlines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app_util.h"
#include "app/audit/audit.h"
#include "app/plan/calendar.h"
#include "base/lang.h"
#include "core/period.h"
#include "core/period_span.h"
#include "core/period_text.h"
#include "store/store_calendar.h"
#include "store/store_plan.h"

struct years {
    int from, to;               /* the years the periods are made for */
    int tfrom, tto;             /* the targets' years (plans.year_from..year_to), 0 when none */
    int sfrom, sto;             /* the span the title states, 0 when none */
    char issued[16];
};

static int years_row(void *ctx, const store_row *r)
{
    struct years *y = ctx;
    y->tfrom = r->v[0].t == SV_NULL ? 0 : (int)r->v[0].i;
    y->tto = r->v[1].t == SV_NULL ? 0 : (int)r->v[1].i;
    snprintf(y->issued, sizeof y->issued, "%s", app_col(r, 2) ? app_col(r, 2) : "");
    period_span_parse(app_col(r, 3), &y->sfrom, &y->sto);
    return 1;
}

/* The years of PLAN_ID's periods: the span its title states ("giai đoạn
 * 2025–2030") joined with its targets' years; neither: the year issued,
 * else the current year. */
static dti_rc plan_years(store *s, int64_t plan_id, time_t now, struct years *y, dti_err *e)
{
    memset(y, 0, sizeof *y);
    dti_rc rc = store_plan_head(s, plan_id, years_row, y, e);
    if (rc)
        return rc;
    if (!y->tfrom)
        y->tfrom = y->tto;
    if (!y->tto)
        y->tto = y->tfrom;
    y->from = y->sfrom;
    y->to = y->sto;
    if (y->tfrom && (!y->from || y->tfrom < y->from))
        y->from = y->tfrom;
    if (y->tto && y->tto > y->to)
        y->to = y->tto;
    if (!y->from) {
        int iy = 0;
        if (strlen(y->issued) >= 4)
            iy = (y->issued[0] - '0') * 1000 + (y->issued[1] - '0') * 100 + (y->issued[2] - '0') * 10 +
                 (y->issued[3] - '0');
        if ((iy < PERIOD_YEAR_MIN || iy > PERIOD_YEAR_MAX) && now)
            iy = period_ymd_of(period_today_vn(now)).y;
        if (iy >= PERIOD_YEAR_MIN && iy <= PERIOD_YEAR_MAX)
            y->from = y->to = iy;
    }
    return DTI_OK;
}

struct rules_ctx {
    json_t *arr;
    int nomem;
};

static int rule_row(void *ctx, const store_row *r)
{
    struct rules_ctx *c = ctx;
    if (json_array_append_new(c->arr, json_string(app_col(r, 0) ? app_col(r, 0) : ""))) {
        c->nomem = 1;
        return 1;
    }
    return 0;
}

static dti_rc rules_json(store *s, int64_t plan_id, json_t **out, dti_err *e)
{
    struct rules_ctx c = {json_array(), 0};
    if (!c.arr)
        return app_nomem(e);
    dti_rc rc = store_calendar_rules(s, plan_id, rule_row, &c, e);
    if (!rc && c.nomem)
        rc = app_nomem(e);
    if (rc) {
        json_decref(c.arr);
        return rc;
    }
    *out = c.arr;
    return DTI_OK;
}

/* Day D as "YYYY-MM-DD" in BUF, or NULL for none. */
static const char *day_val(int32_t d, char buf[PERIOD_DATE_LEN])
{
    if (d == PERIOD_NO_DAY)
        return NULL;
    period_date_iso(d, buf);
    return buf;
}

/* Replace PLAN_ID's rules and periods by RG's, audited as WHO (NULL: the
 * system), within the caller's transaction. */
static dti_rc regime_write(store *s, const auth_user *who, int64_t plan_id, const period_regime *rg,
                           period_entry *list, time_t now, size_t *count, dti_err *e)
{
    dti_rc rc;
    json_t *before = NULL, *after = NULL;
    struct years y;
    char ts[AUTH_TS_LEN];

    if ((rc = plan_years(s, plan_id, now, &y, e)))
        goto out;
    if (y.to < y.from || y.to - y.from >= PLANS_CALENDAR_YEARS_MAX) {
        rc = dti_fail(e, DTI_ERR_INPUT, "plan", "kế hoạch số %lld có các năm %d-%d: quá %d năm",
                      "plan %lld spans %d-%d: over %d years", (long long)plan_id, y.from, y.to,
                      PLANS_CALENDAR_YEARS_MAX);
        goto out;
    }
    if ((rc = rules_json(s, plan_id, &before, e)))
        goto out;
    if ((rc = store_calendar_clear(s, plan_id, e)))
        goto out;
    auth_ts(now, ts);
    for (size_t i = 0; i < rg->nrules; i++) {
        char text[PERIOD_RULE_TEXT_MAX];
        if (period_rule_format(&rg->rules[i], text, sizeof text) < 0) {
            rc = dti_fail(e, DTI_ERR_TOOBIG, "rule", "quy tắc quá dài", "rule too long");
            goto out;
        }
        if ((rc = store_calendar_rule_add(s, plan_id, (int64_t)i + 1, text, ts, e)))
            goto out;
    }
    for (int year = y.from; year <= y.to; year++) {
        size_t k = period_list(rg, year, list, PERIOD_LIST_MAX);
        for (size_t i = 0; i < k; i++) {
            char a[PERIOD_DATE_LEN], b[PERIOD_DATE_LEN], c[PERIOD_DATE_LEN], d[PERIOD_DATE_LEN];
            if ((rc = store_calendar_period_add(s, plan_id, list[i].code, period_kind_name(list[i].p.kind),
                                                day_val(list[i].start, a), day_val(list[i].end, b),
                                                day_val(list[i].unit_due, c), day_val(list[i].commune_due, d), e)))
                goto out;
            (*count)++;
        }
    }
    if ((rc = rules_json(s, plan_id, &after, e)))
        goto out;
    rc = audit_append_id(s, who, now, "calendar.set", "plan", plan_id, before, after, e);
out:
    json_decref(before);
    json_decref(after);
    return rc;
}

/* plans_calendar_set and plans_calendar_apply: CHECK = 1 checks AUTH_PLAN_WRITE. */
static dti_rc set_rules(store *s, const auth_user *u, int check, int64_t plan_id, const char *const *rules,
                        size_t n, time_t now, size_t *nperiods, dti_err *e)
{
    dti_rc rc;
    period_regime *rg = NULL;
    period_entry *list = NULL;
    int in_tx = 0;
    size_t count = 0;

    if (nperiods)
        *nperiods = 0;
    if (n == 0)
        return dti_fail(e, DTI_ERR_INPUT, "rule", "cần ít nhất một quy tắc lịch (ví dụ month:unit=15+1,commune=20+1)",
                        "at least one calendar rule is needed (for example month:unit=15+1,commune=20+1)");
    if (!(rg = malloc(sizeof *rg)) || !(list = malloc(PERIOD_LIST_MAX * sizeof *list))) {
        rc = app_nomem(e);
        goto out;
    }
    if ((rc = period_regime_parse(rules, n, rg, e)))
        goto out;
    if ((rc = store_begin(s, e)))
        goto out;
    in_tx = 1;
    /* out of scope is "no such plan" (its existence does not leak), in
     * scope but read-only is a refusal */
    if (check && ((rc = auth_can_plan(s, u, AUTH_READ, plan_id, e)) ||
                  (rc = auth_can_plan(s, u, AUTH_PLAN_WRITE, plan_id, e))))
        goto out;
    if ((rc = regime_write(s, u, plan_id, rg, list, now, &count, e)))
        goto out;
    if ((rc = store_commit(s, e)))
        goto out;
    in_tx = 0;
    if (nperiods)
        *nperiods = count;
out:
    if (in_tx)
        store_rollback(s);
    free(rg);
    free(list);
    return rc;
}

dti_rc plans_calendar_set(app *a, int64_t plan_id, const char *const *rules, size_t n, size_t *nperiods, dti_err *e)
{
    auth_user u;
    dti_rc rc = app_actor(a, &u, NULL, e);
    if (rc)
        return rc;
    return set_rules(a->st, &u, 1, plan_id, rules, n, a->now, nperiods, e);
}

dti_rc plans_calendar_writable(app *a, int64_t plan_id, dti_err *e)
{
    auth_user u;
    dti_rc rc = app_actor(a, &u, NULL, e);
    if (rc)
        return rc;
    /* out of scope: not found (as every plan); in scope, read-only: refused */
    if ((rc = auth_can_plan(a->st, &u, AUTH_READ, plan_id, e)))
        return rc;
    return auth_can_plan(a->st, &u, AUTH_PLAN_WRITE, plan_id, e);
}

dti_rc plans_calendar_apply(store *s, const auth_user *who, int64_t plan_id, const char *const *rules, size_t n,
                      time_t now, size_t *nperiods, dti_err *e)
{
    return set_rules(s, who, 0, plan_id, rules, n, now, nperiods, e);
}

dti_rc plans_calendar_describe(const char *const *rules, size_t n, json_t **out, dti_err *e)
{
    json_t *a = json_array();
    *out = NULL;
    if (!a)
        return app_nomem(e);
    for (size_t i = 0; i < n; i++) {
        period_rule r;
        dti_err pe;
        char vi[PERIOD_DESCRIBE_MAX], en[PERIOD_DESCRIBE_MAX];
        vi[0] = en[0] = 0;
        if (rules[i] && period_rule_parse(rules[i], &r, &pe) == DTI_OK) {
            period_rule_describe(&r, LANG_VI, vi, sizeof vi);
            period_rule_describe(&r, LANG_EN, en, sizeof en);
        }
        if (json_array_append_new(a, json_pack("{s:s, s:s, s:s}", "rule", rules[i] ? rules[i] : "", "vi", vi,
                                               "en", en))) {
            json_decref(a);
            return app_nomem(e);
        }
    }
    *out = a;
    return DTI_OK;
}

struct per_ctx {
    json_t *arr;
    json_t *warn;       /* deadlines before their period's end */
    int nomem;
};

/* A warning when deadline DUE (ISO, may be NULL) of period CODE at LEVEL
 * ("unit", "commune") falls before the period's last day END (ISO). */
static int early_warning(struct per_ctx *c, const char *code, const char *level, const char *due, const char *end)
{
    int32_t dd, de;
    char a[PERIOD_DATE_LEN], b[PERIOD_DATE_LEN], msg[512];
    if (!due || !end || period_date_parse(due, &dd) || period_date_parse(end, &de) || dd >= de)
        return 0;
    period_date_vn(dd, a);
    period_date_vn(de, b);
    int unit = strcmp(level, "unit") == 0;
    if (lang_get() == LANG_EN)
        snprintf(msg, sizeof msg,
                 "Period %s: the %s deadline %s comes before the period ends (%s): the report is due before "
                 "its figures close. Keep it if the plan means it; otherwise change the deadline or the window.",
                 code, unit ? "units'" : "commune's", a, b);
    else
        snprintf(msg, sizeof msg,
                 "Kỳ %s: hạn %s %s đến trước khi kỳ kết thúc (%s): báo cáo phải nộp khi số liệu của kỳ chưa "
                 "khép lại. Giữ nếu kế hoạch muốn vậy; nếu không, sửa hạn hoặc khung kỳ.",
                 code, unit ? "đơn vị" : "của xã", a, b);
    json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s}", "code", code, "level", level, "due", a, "end", b,
                          "message", msg);
    if (!o || json_array_append_new(c->warn, o)) {
        c->nomem = 1;
        return 1;
    }
    return 0;
}

static json_t *vn_date(const char *iso)
{
    int32_t d;
    char out[PERIOD_DATE_LEN];
    if (!iso || period_date_parse(iso, &d) != 0)
        return json_null();
    return json_string(period_date_vn(d, out));
}

static int per_row(void *ctx, const store_row *r)
{
    struct per_ctx *c = ctx;
    json_t *o = json_pack("{s:s, s:s, s:o, s:o, s:o, s:o}", "code", app_col(r, 0) ? app_col(r, 0) : "",
                          "kind", app_col(r, 1) ? app_col(r, 1) : "", "start", vn_date(app_col(r, 2)),
                          "end", vn_date(app_col(r, 3)), "unit_due", vn_date(app_col(r, 4)),
                          "commune_due", vn_date(app_col(r, 5)));
    if (!o || json_array_append_new(c->arr, o)) {
        c->nomem = 1;
        return 1;
    }
    const char *code = app_col(r, 0) ? app_col(r, 0) : "";
    if (early_warning(c, code, "unit", app_col(r, 4), app_col(r, 3)) ||
        early_warning(c, code, "commune", app_col(r, 5), app_col(r, 3)))
        return 1;
    return 0;
}

dti_rc plans_calendar_warnings(store *s, int64_t plan_id, strlist *out, dti_err *e)
{
    struct per_ctx c = {json_array(), json_array(), 0};
    dti_rc rc = DTI_OK;
    size_t i;
    json_t *w;
    if (!c.arr || !c.warn) {
        rc = app_nomem(e);
        goto out;
    }
    if ((rc = store_calendar_periods(s, plan_id, 0, per_row, &c, e)))
        goto out;
    if (c.nomem) {
        rc = app_nomem(e);
        goto out;
    }
    json_array_foreach(c.warn, i, w)
        if (strlist_add(out, json_string_value(json_object_get(w, "message")))) {
            rc = app_nomem(e);
            goto out;
        }
out:
    json_decref(c.arr);
    json_decref(c.warn);
    return rc;
}

dti_rc plans_calendar_get_as(store *s, const auth_user *u, int64_t plan_id, int year, json_t **out, dti_err *e)
{
    dti_rc rc;
    json_t *rules = NULL;
    struct per_ctx c = {NULL, NULL, 0};
    struct years y;
    *out = NULL;
    if ((rc = auth_can_plan(s, u, AUTH_READ, plan_id, e)))
        return rc;
    if ((rc = plan_years(s, plan_id, 0, &y, e)))
        return rc;
    if ((rc = rules_json(s, plan_id, &rules, e)))
        return rc;
    if (!(c.arr = json_array()) || !(c.warn = json_array())) {
        rc = app_nomem(e);
        goto fail;
    }
    /* a period belongs to the year of its code (store_calendar_periods) */
    if ((rc = store_calendar_periods(s, plan_id, year, per_row, &c, e)))
        goto fail;
    if (c.nomem) {
        rc = app_nomem(e);
        goto fail;
    }
    {
        size_t nr = json_array_size(rules);
        const char **rv = nr ? calloc(nr, sizeof *rv) : NULL;
        json_t *desc = NULL;
        if (nr && !rv) {
            rc = app_nomem(e);
            goto fail;
        }
        for (size_t i = 0; i < nr; i++)
            rv[i] = json_string_value(json_array_get(rules, i));
        rc = plans_calendar_describe(rv, nr, &desc, e);
        free(rv);
        if (rc)
            goto fail;
        json_t *years = json_pack("{s:i, s:i, s:o, s:o}", "from", y.from, "to", y.to, "stored",
                                  y.tfrom ? json_pack("[i, i]", y.tfrom, y.tto) : json_null(), "span",
                                  y.sfrom ? json_pack("[i, i]", y.sfrom, y.sto) : json_null());
        if (!(*out = json_pack("{s:I, s:o, s:o, s:o, s:o, s:o}", "plan_id", (json_int_t)plan_id, "rules", rules,
                               "descriptions", desc, "periods", c.arr, "warnings", c.warn, "years", years))) {
            rules = c.arr = c.warn = NULL;
            return app_nomem(e);
        }
    }
    return DTI_OK;
fail:
    json_decref(rules);
    json_decref(c.arr);
    json_decref(c.warn);
    return rc;
}

dti_rc plans_calendar_get(app *a, int64_t plan_id, int year, json_t **out, dti_err *e)
{
    *out = NULL;
    auth_user u;
    dti_rc rc = app_actor(a, &u, NULL, e);
    if (rc)
        return rc;
    return plans_calendar_get_as(a->st, &u, plan_id, year, out, e);
}
