/* province.c — the province's home: its communes for a period, one
 * indicator across communes, the indicators they share, the provinces a
 * user may open (province.h; the rules and decisions are there).
 *
 * Each commune is one scoring_compute_as of its plan for the period and one
 * for the previous period of the same kind (the change); nothing is cached
 * here: the score wing's computation is cheap (a commune's plan is a few
 * dozen indicators) and the commune's own report state reads the audit
 * trail, which does not bump the data generation score_cache.h keys on. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app_util.h"
#include "app/auth/auth.h"
#include "app/orgs/orgs.h"
#include "app/province/province.h"
#include "app/report/report.h"
#include "app/score/score.h"
#include "base/lang.h"
#include "base/text.h"
#include "core/period.h"
#include "core/rank.h"
#include "core/score.h"
#include "store/store_org.h"
#include "store/store_province.h"

/* ---- entering: the actor, the province, the period --------------------- */

typedef struct prov_ctx {
    app *a;
    auth_user u;
    int64_t province;
    store_org org;
    period p;
    char code[PERIOD_CODE_LEN];
    store_province_commune *communes;   /* owned */
    size_t n;
} prov_ctx;

static void ctx_release(prov_ctx *c)
{
    store_org_release(&c->org);
    store_province_communes_free(c->communes, c->n);
    c->communes = NULL;
    c->n = 0;
}

static dti_rc bad_period(const char *code, dti_err *e)
{
    return dti_fail(e, DTI_ERR_INPUT, "period", "kỳ báo cáo không hợp lệ: %s (ví dụ 2026-10, 2026-Q4, 2026-H1, 2026)",
                    "not a period: %s (e.g. 2026-10, 2026-Q4, 2026-H1, 2026)", code ? code : "");
}

/* The acting user with AUTH_READ (or ACT) on PROVINCE, a live province;
 * the period CODE parsed (NULL CODE: none needed); the communes read. */
static dti_rc enter(app *a, int64_t province, auth_action act, const char *code, prov_ctx *c, dti_err *e)
{
    memset(c, 0, sizeof *c);
    c->a = a;
    c->province = province;
    dti_rc rc = app_actor(a, &c->u, NULL, e);
    if (rc)
        return rc;
    if (province <= 0)
        return auth_not_found(e);
    if ((rc = auth_can(a->st, &c->u, act, province, e)))
        return rc;
    if ((rc = store_org_get(a->st, province, &c->org, e)))
        return rc == DTI_ERR_NOTFOUND ? auth_not_found(e) : rc;
    if (c->org.kind != ORG_PROVINCE || c->org.valid_to)
        return dti_fail(e, DTI_ERR_INPUT, "province", "%s không phải một tỉnh đang hoạt động",
                        "%s is not a live province", c->org.name ? c->org.name : "?");
    if (code) {
        if (strlen(code) >= sizeof c->code || period_parse(code, &c->p))
            return bad_period(code, e);
        period_format(&c->p, c->code);
    }
    /* a period's communes are those in force on its last day, under the
     * names they had then (docs/orgs.md); one merged since says what it is
     * now: "Hòa Bình (nay là Hòa Phú)" */
    char day[PERIOD_DATE_LEN];
    if (code)
        period_date_iso(period_end(&c->p), day);
    if ((rc = store_province_communes(a->st, province, code ? c->p.year : period_ymd_of(period_today_vn(a->now)).y,
                                      code ? day : NULL, PROVINCE_COMMUNES_MAX, &c->communes, &c->n, e)))
        return rc;
    for (size_t i = 0; i < c->n; i++) {
        store_province_commune *w = &c->communes[i];
        if (!w->now_name)
            continue;
        char *l = orgs_label(w->name, w->now_name);
        if (!l)
            return app_nomem(e);
        free(w->name);
        w->name = l;
    }
    return DTI_OK;
}

/* ---- the commune's own report ------------------------------------------- */

struct exports {
    const char *code;
    int64_t *plan;          /* the first export.report per plan for CODE */
    char (*at)[32];
    size_t n, cap;
    int nomem;
};

static int export_row(void *ctx, const store_row *r)
{
    struct exports *X = ctx;
    const char *id = app_col(r, 0), *at = app_col(r, 1), *after = app_col(r, 2);
    if (!id || !at || !after)
        return 0;
    json_t *j = json_loads(after, 0, NULL);
    const char *pc = json_string_value(json_object_get(j, "period"));
    int same = pc && strcmp(pc, X->code) == 0;
    json_decref(j);
    if (!same)
        return 0;
    char *end;
    long long pid = strtoll(id, &end, 10);
    if (*end || pid <= 0)
        return 0;
    for (size_t i = 0; i < X->n; i++)
        if (X->plan[i] == pid)
            return 0;       /* oldest first: the first one stays */
    if (X->n == X->cap) {
        size_t cap = X->cap ? X->cap * 2 : 64;
        int64_t *np = realloc(X->plan, cap * sizeof *np);
        if (np)
            X->plan = np;
        char (*na)[32] = np ? realloc(X->at, cap * sizeof *na) : NULL;
        if (!np || !na) {
            X->nomem = 1;
            return 1;
        }
        X->at = na;
        X->cap = cap;
    }
    X->plan[X->n] = pid;
    snprintf(X->at[X->n], sizeof X->at[X->n], "%s", at);
    X->n++;
    return 0;
}

/* KEY's state {state, label, due, at, late_days} into *OUT; *REPORTED 1
 * when its report was made (on time or late, or made with no deadline). */
static dti_rc own_report(prov_ctx *c, int64_t plan_id, const struct exports *X, json_t **out, int *reported,
                         dti_err *e)
{
    char *due = NULL, d[PERIOD_DATE_LEN], buf[64];
    const char *at = NULL, *state, *label;
    long late = 0;
    *reported = 0;
    for (size_t i = 0; i < X->n && !at; i++)
        if (X->plan[i] == plan_id)
            at = X->at[i];
    dti_rc rc = store_province_commune_due(c->a->st, plan_id, c->code, &due, e);
    if (rc)
        return rc;
    int32_t day = PERIOD_NO_DAY;
    d[0] = 0;
    if (!due || period_date_parse(due, &day)) {
        state = "no_deadline";
        label = at ? TR("đã lập, không có hạn", "made, no deadline") : TR("không có hạn", "no deadline");
        *reported = at != NULL;
    } else {
        period_date_vn(day, d);
        time_t limit = period_deadline_instant(day);
        if (at) {
            time_t t = report_ts_parse(at);
            *reported = 1;
            if (t <= limit) {
                state = "on_time";
                label = TR("đúng hạn", "on time");
            } else {
                late = (long)(period_today_vn(t) - day);
                if (late < 1)
                    late = 1;
                state = "late";
                if (lang_get() == LANG_EN)
                    snprintf(buf, sizeof buf, "%ld days late", late);
                else
                    snprintf(buf, sizeof buf, "trễ %ld ngày", late);
                label = buf;
            }
        } else if (c->a->now > limit) {
            state = "missing";
            label = TR("chưa gửi", "not sent");
        } else {
            state = "not_due";
            label = TR("chưa đến hạn", "not due yet");
        }
    }
    free(due);
    *out = json_pack("{s:s, s:s, s:o, s:o, s:o}", "state", state, "label", label,
                     "due", d[0] ? json_string(d) : json_null(), "at", at ? json_string(at) : json_null(),
                     "late_days", late ? json_integer(late) : json_null());
    return *out ? DTI_OK : app_nomem(e);
}

/* ---- contacts ----------------------------------------------------------- */

struct contacts {
    json_t *by_org;     /* {"org id": [{name, display}]} */
    int nomem;
};

static int contact_row(void *ctx, const store_row *r)
{
    struct contacts *C = ctx;
    char key[24];
    snprintf(key, sizeof key, "%lld", (long long)r->v[0].i);
    json_t *arr = json_object_get(C->by_org, key);
    if (!arr && (!(arr = json_array()) || json_object_set_new(C->by_org, key, arr))) {
        C->nomem = 1;
        return 1;
    }
    const char *disp = app_col(r, 2);
    if (json_array_append_new(arr, json_pack("{s:s, s:s}", "name", app_col(r, 1) ? app_col(r, 1) : "", "display",
                                             disp && *disp ? disp : (app_col(r, 1) ? app_col(r, 1) : "")))) {
        C->nomem = 1;
        return 1;
    }
    return 0;
}

/* ---- the home ----------------------------------------------------------- */

static json_t *num_or_null(int has, double v)
{
    return has ? json_real(v) : json_null();
}

static json_t *text_of(int has, double v)
{
    char t[SCORE_FMT_LEN];
    return has ? json_string(score_format(v, 4, ',', t)) : json_null();
}

dti_rc province_home(app *a, int64_t province, const char *period_code, json_t **out, dti_err *e)
{
    prov_ctx c;
    struct exports X;
    struct contacts C = {NULL, 0};
    rank_item *items = NULL;
    score_sum *sums = NULL;
    json_t **rows = NULL, *arr = NULL, *o = NULL, *notrep = NULL;
    char prev_code[PERIOD_CODE_LEN];
    size_t with_plan = 0, nrep = 0, nlate = 0, nrisk = 0;
    const char *table = NULL;
    int mixed = 0;
    memset(&X, 0, sizeof X);
    *out = NULL;
    dti_rc rc = enter(a, province, AUTH_READ, period_code ? period_code : "", &c, e);
    if (rc)
        goto out;
    period pp = period_prev(c.p);
    period_format(&pp, prev_code);
    X.code = c.code;
    if ((rc = store_province_report_exports(a->st, export_row, &X, e)))
        goto out;
    if (X.nomem || !(C.by_org = json_object())) {
        rc = app_nomem(e);
        goto out;
    }
    if ((rc = store_province_contacts(a->st, province, contact_row, &C, e)))
        goto out;
    if (C.nomem || !(items = calloc(c.n ? c.n : 1, sizeof *items)) || !(sums = calloc(c.n ? c.n : 1, sizeof *sums)) ||
        !(rows = calloc(c.n ? c.n : 1, sizeof *rows))) {
        rc = app_nomem(e);
        goto out;
    }
    for (size_t i = 0; i < c.n; i++) {
        const store_province_commune *w = &c.communes[i];
        scoring_result sc, sp;
        dti_err e2;
        json_t *rep = NULL, *note = json_null(), *ptable = json_null();
        int reported = 0, has = 0, has_prev = 0;
        double idx = 0, prev = 0;
        size_t risk = 0, reported_n = 0, expected_n = 0;
        char plan_title[256] = "";
        memset(&sc, 0, sizeof sc);
        memset(&sp, 0, sizeof sp);
        items[i].name = w->name;
        items[i].index = i;
        if (w->plan_id) {
            with_plan++;
            dti_err_clear(&e2);
            rc = scoring_compute_as(a->st, &c.u, w->plan_id, c.code, &sc, &e2);
            if (rc == DTI_ERR_NOMEM) {
                scoring_release(&sc);
                *e = e2;
                goto out;
            }
            if (rc) {
                note = json_string(e2.msg);
                rc = DTI_OK;
            } else {
                has = sc.total.has_value;
                idx = sc.total.value;
                sums[i] = sc.total;
                risk = sc.nat_risk;
                reported_n = sc.total.counted >= sc.total.nodata ? sc.total.counted - sc.total.nodata : 0;
                expected_n = sc.total.counted;
                snprintf(plan_title, sizeof plan_title, "%s", sc.plan_title ? sc.plan_title : "");
                if (sc.has_table && sc.table_name)
                    ptable = json_string(sc.table_name);
                /* a previous period with no approved figure at all (before the
                 * plan began, a year the plan does not cover) has no index to
                 * compare with: its 0 would read as a leap */
                if (scoring_compute_as(a->st, &c.u, w->plan_id, prev_code, &sp, &e2) == DTI_OK &&
                    sp.total.counted > sp.total.nodata) {
                    has_prev = sp.total.has_value;
                    prev = sp.total.value;
                }
            }
            scoring_release(&sp);
            scoring_release(&sc);
            if ((rc = own_report(&c, w->plan_id, &X, &rep, &reported, e)))
                goto out;
        } else {
            note = json_string(TR("chưa có kế hoạch trên hệ thống cho năm này", "no plan in the system for this year"));
            rep = json_pack("{s:s, s:s, s:n, s:n, s:n}", "state", "no_plan", "label",
                            TR("chưa có kế hoạch", "no plan"), "due", "at", "late_days");
        }
        items[i].has_key = has;
        items[i].key = idx;
        char key[24];
        snprintf(key, sizeof key, "%lld", (long long)w->org_id);
        json_t *ct = json_object_get(C.by_org, key);
        const char *rs = json_string_value(json_object_get(rep, "state"));
        if (reported)
            nrep++;
        if (rs && (!strcmp(rs, "late") || !strcmp(rs, "missing")))
            nlate++;
        if (risk)
            nrisk++;
        rows[i] = json_pack("{s:I, s:s, s:o, s:s, s:n, s:o, s:o, s:{s:I, s:I, s:o}, s:s, s:o, s:o, s:o, s:I, s:o, "
                            "s:o, s:b, s:O, s:o}",
                            "org_id", (json_int_t)w->org_id, "name", w->name,
                            "plan_id", w->plan_id ? json_integer(w->plan_id) : json_null(), "plan", plan_title,
                            "rank", "index", num_or_null(has, idx), "index_text", text_of(has, idx),
                            "completeness", "reported", (json_int_t)reported_n, "expected", (json_int_t)expected_n,
                            "rate", expected_n ? json_real((double)reported_n / (double)expected_n) : json_null(),
                            "previous_period", prev_code, "previous_index", num_or_null(has_prev, prev),
                            "change", num_or_null(has && has_prev, idx - prev),
                            "change_text", has && has_prev ? text_of(1, idx - prev) : json_null(),
                            "at_risk", (json_int_t)risk, "table", ptable, "report", rep, "reported", reported,
                            "contacts", ct ? ct : json_null(), "note", note);
        if (!rows[i]) {
            rc = app_nomem(e);
            goto out;
        }
        const char *tn = json_string_value(ptable);
        if (w->plan_id && !json_is_null(json_object_get(rows[i], "index")) && !mixed) {
            if (!table)
                table = tn ? tn : "";
            else if (strcmp(table, tn ? tn : ""))
                mixed = 1;
        }
    }
    score_sum prov;
    memset(&prov, 0, sizeof prov);
    if ((rc = rank_sort(items, c.n, RANK_DESCENDING, e)) ||
        (rc = score_province(sums, c.n, SCORE_PROVINCE_MEAN, &prov, e)))
        goto out;
    if (!(arr = json_array()) || !(notrep = json_array())) {
        rc = app_nomem(e);
        goto out;
    }
    for (size_t k = 0; k < c.n; k++) {
        json_t *r = rows[items[k].index];
        if (items[k].rank)
            json_object_set_new(r, "rank", json_integer(items[k].rank));
        if (json_array_append(arr, r)) {
            rc = app_nomem(e);
            goto out;
        }
    }
    for (size_t i = 0; i < c.n; i++)
        if (!json_is_true(json_object_get(rows[i], "reported")) &&
            json_array_append_new(notrep, json_integer(c.communes[i].org_id))) {
            rc = app_nomem(e);
            goto out;
        }
    char jd[PERIOD_DATE_LEN];
    int32_t e0 = period_end(&c.p);
    o = json_pack("{s:{s:I, s:s}, s:s, s:s, s:O, s:{s:I, s:I, s:I, s:I, s:I, s:I}, s:{s:s, s:s, s:o, s:o}, s:o, "
                  "s:O}",
                  "province", "id", (json_int_t)province, "name", c.org.name, "period", c.code, "judged_on",
                  period_date_vn(e0 + 1, jd), "communes", arr, "summary", "communes", (json_int_t)c.n, "with_plan",
                  (json_int_t)with_plan, "reported", (json_int_t)nrep, "not_reported", (json_int_t)(c.n - nrep),
                  "late", (json_int_t)nlate, "at_risk_communes", (json_int_t)nrisk, "province_index", "mode",
                  score_province_mode_name(SCORE_PROVINCE_MEAN), "mode_label",
                  score_province_mode_label(SCORE_PROVINCE_MEAN), "index", num_or_null(prov.has_value, prov.value),
                  "index_text", text_of(prov.has_value, prov.value), "table",
                  table && *table && !mixed ? json_string(table) : json_null(), "not_reported", notrep);
    if (!o) {
        rc = app_nomem(e);
        goto out;
    }
    *out = o;
out:
    for (size_t i = 0; rows && i < c.n; i++)
        json_decref(rows[i]);
    free(rows);
    free(items);
    free(sums);
    json_decref(arr);
    json_decref(notrep);
    json_decref(C.by_org);
    free(X.plan);
    free(X.at);
    ctx_release(&c);
    return rc;
}

/* ---- the indicators the communes share ---------------------------------- */

typedef struct shared {
    char *code, *name;      /* owned: the first spelling seen */
    size_t communes;
    int64_t last_org;       /* the commune counted last (one count per commune) */
} shared;

struct sh_list {
    shared *v;
    size_t n, cap;
    int64_t org;
    int nomem, toobig;
};

static int sh_row(void *ctx, const store_row *r)
{
    struct sh_list *L = ctx;
    const char *code = app_col(r, 0), *name = app_col(r, 1) ? app_col(r, 1) : "";
    if (!code)
        return 0;
    for (size_t i = 0; i < L->n; i++)
        if (!strcmp(L->v[i].code, code) && app_index_names_match(L->v[i].name, name)) {
            if (L->v[i].last_org != L->org) {
                L->v[i].communes++;
                L->v[i].last_org = L->org;
            }
            return 0;
        }
    if (L->n >= PROVINCE_INDICATORS_MAX) {
        L->toobig = 1;
        return 1;
    }
    if (L->n == L->cap) {
        size_t cap = L->cap ? L->cap * 2 : 64;
        shared *nv = realloc(L->v, cap * sizeof *nv);
        if (!nv) {
            L->nomem = 1;
            return 1;
        }
        L->v = nv;
        L->cap = cap;
    }
    shared *w = &L->v[L->n];
    w->code = strdup(code);
    w->name = strdup(name);
    w->communes = 1;
    w->last_org = L->org;
    if (!w->code || !w->name) {
        free(w->code);
        free(w->name);
        L->nomem = 1;
        return 1;
    }
    L->n++;
    return 0;
}

/* Codes "1.10" after "1.9": compare digit runs as numbers. */
static int code_cmp(const char *a, const char *b)
{
    while (*a && *b) {
        if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
            char *ea, *eb;
            unsigned long long x = strtoull(a, &ea, 10), y = strtoull(b, &eb, 10);
            if (x != y)
                return x < y ? -1 : 1;
            a = ea;
            b = eb;
            continue;
        }
        if (*a != *b)
            return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
        a++;
        b++;
    }
    return *a ? 1 : *b ? -1 : 0;
}

static int shared_cmp(const void *x, const void *y)
{
    const shared *a = x, *b = y;
    if (a->communes != b->communes)
        return a->communes > b->communes ? -1 : 1;
    int c = code_cmp(a->code, b->code);
    return c ? c : strcmp(a->name, b->name);
}

dti_rc province_indicators(app *a, int64_t province, const char *period_code, json_t **out, dti_err *e)
{
    prov_ctx c;
    struct sh_list L;
    json_t *arr = NULL;
    memset(&L, 0, sizeof L);
    *out = NULL;
    dti_rc rc = enter(a, province, AUTH_READ, period_code ? period_code : "", &c, e);
    for (size_t i = 0; !rc && i < c.n; i++) {
        if (!c.communes[i].plan_id)
            continue;
        L.org = c.communes[i].org_id;
        rc = store_province_indicators(a->st, c.communes[i].plan_id, sh_row, &L, e);
        if (!rc && L.nomem)
            rc = app_nomem(e);
        if (!rc && L.toobig)
            rc = dti_fail(e, DTI_ERR_TOOBIG, "province", "quá %d chỉ tiêu khác nhau", "over %d distinct indicators",
                          PROVINCE_INDICATORS_MAX);
    }
    if (rc)
        goto out;
    qsort(L.v, L.n, sizeof *L.v, shared_cmp);
    if (!(arr = json_array())) {
        rc = app_nomem(e);
        goto out;
    }
    for (size_t i = 0; i < L.n; i++) {
        if (L.v[i].communes < 2)
            continue;
        if (json_array_append_new(arr, json_pack("{s:s, s:s, s:I}", "code", L.v[i].code, "name", L.v[i].name,
                                                 "communes", (json_int_t)L.v[i].communes))) {
            rc = app_nomem(e);
            goto out;
        }
    }
    if (!(*out = json_pack("{s:I, s:s, s:O}", "province", (json_int_t)province, "period", c.code, "indicators", arr)))
        rc = app_nomem(e);
out:
    json_decref(arr);
    for (size_t i = 0; i < L.n; i++) {
        free(L.v[i].code);
        free(L.v[i].name);
    }
    free(L.v);
    ctx_release(&c);
    return rc;
}

/* ---- one indicator across communes -------------------------------------- */

static int cmp_rows(const void *x, const void *y)
{
    json_t *a = *(json_t *const *)x, *b = *(json_t *const *)y;
    json_t *ka = json_object_get(a, "achievement"), *kb = json_object_get(b, "achievement");
    if (json_is_number(ka) != json_is_number(kb))
        return json_is_number(ka) ? -1 : 1;
    if (json_is_number(ka)) {
        double da = json_number_value(ka), db = json_number_value(kb);
        if (da != db)
            return da > db ? -1 : 1;
    }
    return strcmp(json_string_value(json_object_get(a, "name")), json_string_value(json_object_get(b, "name")));
}

dti_rc province_compare(app *a, int64_t province, const char *period_code, const char *code, const char *name,
                        json_t **out, dti_err *e)
{
    prov_ctx c;
    json_t **rows = NULL, *arr = NULL;
    const char *unit = NULL;
    char *unit_own = NULL;
    size_t nrows = 0;
    *out = NULL;
    dti_rc rc = enter(a, province, AUTH_READ, period_code ? period_code : "", &c, e);
    if (rc)
        goto out;
    if (!code || !*code || strlen(code) > 64) {
        rc = dti_fail(e, DTI_ERR_INPUT, "code", "thiếu mã chỉ tiêu (code)", "the indicator's code is missing");
        goto out;
    }
    if (!name || !*name || strlen(name) > 1000) {
        rc = dti_fail(e, DTI_ERR_INPUT, "name", "thiếu tên chỉ tiêu (name): chỉ tiêu được so theo cả mã và tên",
                      "the indicator's name is missing: indicators are matched by code and name");
        goto out;
    }
    if (!(rows = calloc(c.n ? c.n : 1, sizeof *rows))) {
        rc = app_nomem(e);
        goto out;
    }
    for (size_t i = 0; i < c.n; i++) {
        const store_province_commune *w = &c.communes[i];
        scoring_result sc;
        dti_err e2;
        const scoring_ind *d = NULL;
        memset(&sc, 0, sizeof sc);
        if (w->plan_id) {
            dti_err_clear(&e2);
            rc = scoring_compute_as(a->st, &c.u, w->plan_id, c.code, &sc, &e2);
            if (rc == DTI_ERR_NOMEM) {
                scoring_release(&sc);
                *e = e2;
                goto out;
            }
            rc = DTI_OK;
            for (size_t k = 0; k < sc.ninds && !d; k++)
                if (sc.inds[k].code && !strcmp(sc.inds[k].code, code) && app_index_names_match(name, sc.inds[k].name))
                    d = &sc.inds[k];
        }
        json_t *r;
        if (d) {
            int text = d->has_target && d->target.op == TARGET_TEXT;
            json_t *val = json_null();
            if (!text && d->has_value)
                val = json_real(d->value);
            else if (text && d->level)
                val = json_real(d->value);
            else if (text && d->verdict >= 0)
                val = json_boolean(d->verdict == 1);
            if (!unit && d->unit && !(unit = unit_own = strdup(d->unit))) {
                scoring_release(&sc);
                rc = app_nomem(e);
                goto out;
            }
            r = json_pack("{s:I, s:s, s:O, s:b, s:s, s:o, s:s, s:o, s:o, s:s, s:s}", "org_id", (json_int_t)w->org_id,
                          "name", w->name, "plan_id", json_integer(w->plan_id), "matched", 1, "indicator_name",
                          d->name ? d->name : "", "value", val, "unit", d->unit ? d->unit : "", "target",
                          d->target_text ? json_string(d->target_text) : json_null(), "achievement",
                          d->trend.latest.has_data ? json_real(d->trend.latest.achievement) : json_null(),
                          "status", score_status_name(d->trend.status), "status_label",
                          score_status_label(d->trend.status));
        } else {
            r = json_pack("{s:I, s:s, s:o, s:b, s:n, s:n, s:n, s:n, s:n, s:n, s:n}", "org_id", (json_int_t)w->org_id,
                          "name", w->name, "plan_id", w->plan_id ? json_integer(w->plan_id) : json_null(), "matched",
                          0, "indicator_name", "value", "unit", "target", "achievement", "status", "status_label");
        }
        scoring_release(&sc);
        if (!r) {
            rc = app_nomem(e);
            goto out;
        }
        rows[nrows++] = r;
    }
    qsort(rows, nrows, sizeof *rows, cmp_rows);
    if (!(arr = json_array())) {
        rc = app_nomem(e);
        goto out;
    }
    for (size_t i = 0; i < nrows; i++)
        if (json_array_append(arr, rows[i])) {
            rc = app_nomem(e);
            goto out;
        }
    if (!(*out = json_pack("{s:I, s:s, s:s, s:s, s:s, s:O}", "province", (json_int_t)province, "period", c.code,
                           "code", code, "name", name, "unit", unit ? unit : "", "communes", arr)))
        rc = app_nomem(e);
out:
    for (size_t i = 0; i < nrows; i++)
        json_decref(rows[i]);
    free(rows);
    free(unit_own);
    json_decref(arr);
    ctx_release(&c);
    return rc;
}

/* ---- the provinces a user may open --------------------------------------- */

dti_rc province_list(app *a, json_t **out, dti_err *e)
{
    auth_user u;
    int system = 0;
    store_org *tops = NULL;
    size_t n = 0;
    json_t *arr = NULL;
    *out = NULL;
    dti_rc rc = app_actor(a, &u, &system, e);
    if (rc)
        return rc;
    if ((rc = store_org_children(a->st, 0, &tops, &n, e)))
        return rc;
    if (!(arr = json_array())) {
        rc = app_nomem(e);
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        if (tops[i].kind != ORG_PROVINCE)
            continue;
        /* an admin sees every province; others only the province their scope is */
        if (!system && u.role != ROLE_ADMIN && u.org_id != tops[i].id)
            continue;
        store_province_commune *cv = NULL;
        size_t cn = 0;
        if ((rc = store_province_communes(a->st, tops[i].id, period_ymd_of(period_today_vn(a->now)).y, NULL,
                                          PROVINCE_COMMUNES_MAX, &cv, &cn, e)))
            goto out;
        store_province_communes_free(cv, cn);
        if (json_array_append_new(arr, json_pack("{s:I, s:s, s:I}", "id", (json_int_t)tops[i].id, "name",
                                                 tops[i].name, "communes", (json_int_t)cn))) {
            rc = app_nomem(e);
            goto out;
        }
    }
    if (!(*out = json_pack("{s:O}", "provinces", arr)))
        rc = app_nomem(e);
out:
    json_decref(arr);
    store_org_list_free(tops, n);
    return rc;
}
