/* score_rank.c — rankings: the units of a commune by on-time rate and by
 * achievement of the indicators they lead (scoring_rank_units, also the
 * dashboard's ranking, scoring.h), and the communes of a province by index
 * (app/score.h). The order and tie-breaks are core/rank.h's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app_util.h"
#include "base/vec.h"
#include "app/score/score.h"
#include "app/score/score_int.h"
#include "app/report/report.h"
#include "base/text.h"
#include "core/period.h"
#include "core/rank.h"
#include "store/store_score.h"

struct rows {
    scoring_rank_row *v;
    size_t n, cap;
    int nomem;
};

static int org_row(void *ctx, const store_row *r)
{
    struct rows *R = ctx;
    if (R->n >= RANK_ITEMS_MAX)
        return 1;
    scoring_rank_row *nv = vec_grow(R->v, R->n, &R->cap, sizeof *nv, 16);
    if (!nv) {
        R->nomem = 1;
        return 1;
    }
    R->v = nv;
    scoring_rank_row *w = &R->v[R->n];
    memset(w, 0, sizeof *w);
    w->org_id = r->v[0].i;
    if (!(w->name = text_dup(app_col(r, 1) ? app_col(r, 1) : ""))) {
        R->nomem = 1;
        return 1;
    }
    R->n++;
    return 0;
}

struct lead { int64_t org, ind; };
struct leads {
    struct lead *v;
    size_t n, cap;
    int nomem;
};

static int lead_row(void *ctx, const store_row *r)
{
    struct leads *L = ctx;
    struct lead *nv = vec_grow(L->v, L->n, &L->cap, sizeof *nv, 64);
    if (!nv) {
        L->nomem = 1;
        return 1;
    }
    L->v = nv;
    L->v[L->n].org = r->v[0].i;
    L->v[L->n].ind = r->v[1].i;
    L->n++;
    return 0;
}

/* A period of the plan's calendar counted in the on-time rate. */
struct pday {
    char code[16];
    int32_t end, due;
};
struct pdays {
    struct pday v[PERIOD_LIST_MAX * 4];
    size_t n;
    int year;
    int32_t until;
};

static int pday_row(void *ctx, const store_row *r)
{
    struct pdays *P = ctx;
    period p;
    int32_t end, due = PERIOD_NO_DAY;
    const char *code = app_col(r, 0), *ed = app_col(r, 1), *ud = app_col(r, 2);
    if (!code || period_parse(code, &p) || p.year != P->year || !ed || period_date_parse(ed, &end) ||
        end > P->until)
        return 0;
    if (ud && period_date_parse(ud, &due))
        due = PERIOD_NO_DAY;
    if (P->n >= sizeof P->v / sizeof P->v[0])
        return 1;
    period_format(&p, P->v[P->n].code);
    P->v[P->n].end = end;
    P->v[P->n].due = due;
    P->n++;
    return 0;
}

/* An org's lead assignment (an indicator's or a task's) with its days in
 * force, or its first submission of a period. */
struct span {
    int64_t org;
    int32_t from, to;           /* to: PERIOD_NO_DAY while open */
    char code[16];              /* submissions: the period */
    time_t t;                   /* submissions: first submitted */
};
struct spans {
    struct span *v;
    size_t n, cap;
    int sub;                    /* rows are submissions */
    int nomem;
};

static int span_row(void *ctx, const store_row *r)
{
    struct spans *L = ctx;
    struct span x;
    memset(&x, 0, sizeof x);
    x.org = r->v[0].i;
    if (L->sub) {
        const char *c = app_col(r, 1), *t = app_col(r, 2);
        if (!c || !t || strlen(c) >= sizeof x.code)
            return 0;
        memcpy(x.code, c, strlen(c) + 1);
        x.t = report_ts_parse(t);
    } else {
        x.to = PERIOD_NO_DAY;
        if (!app_col(r, 1) || period_date_parse(app_col(r, 1), &x.from))
            return 0;
        if (app_col(r, 2) && period_date_parse(app_col(r, 2), &x.to))
            x.to = PERIOD_NO_DAY;
    }
    struct span *nv = vec_grow(L->v, L->n, &L->cap, sizeof *nv, 64);
    if (!nv) {
        L->nomem = 1;
        return 1;
    }
    L->v = nv;
    L->v[L->n++] = x;
    return 0;
}

static dti_rc sort_rows(scoring_ranking *out, rank_order order, dti_err *e)
{
    dti_rc rc = DTI_OK;
    rank_item *it = calloc(out->n ? out->n : 1, sizeof *it);
    scoring_rank_row *sorted = calloc(out->n ? out->n : 1, sizeof *sorted);
    if (!it || !sorted) {
        rc = app_nomem(e);
        goto out;
    }
    for (size_t i = 0; i < out->n; i++) {
        it[i].name = out->rows[i].name;
        it[i].has_key = out->rows[i].has_key;
        it[i].key = out->rows[i].key;
        it[i].has_key2 = out->rows[i].has_key2;
        it[i].key2 = out->rows[i].key2;
        it[i].index = i;
    }
    if ((rc = rank_sort(it, out->n, order, e)))
        goto out;
    for (size_t i = 0; i < out->n; i++) {
        sorted[i] = out->rows[it[i].index];
        sorted[i].rank = it[i].rank;
    }
    free(out->rows);
    out->rows = sorted;
    sorted = NULL;
out:
    free(it);
    free(sorted);
    return rc;
}

dti_rc scoring_rank_units(store *s, const auth_user *u, const scoring_result *sc, scoring_rank_kind kind, time_t now,
                         scoring_ranking *out, dti_err *e)
{
    dti_rc rc;
    struct rows R;
    struct leads L;
    struct spans A, S;
    struct pdays *P = NULL;
    char end[PERIOD_DATE_LEN];
    memset(&R, 0, sizeof R);
    memset(&L, 0, sizeof L);
    memset(&A, 0, sizeof A);
    memset(&S, 0, sizeof S);
    S.sub = 1;
    memset(out, 0, sizeof *out);
    out->kind = kind;
    snprintf(out->period, sizeof out->period, "%s", sc->period);
    period_date_iso(sc->end, end);
    /* the units: leads in force at P's end, with the indicators they lead;
     * every lead assignment with its days (who owed which period's report);
     * every first submission */
    if ((rc = store_score_lead_units(s, sc->plan_id, end, org_row, &R, e)) ||
        (rc = store_score_lead_indicators(s, sc->plan_id, end, lead_row, &L, e)) ||
        (rc = store_score_lead_spans(s, sc->plan_id, span_row, &A, e)) ||
        (rc = store_score_first_submissions(s, sc->plan_id, span_row, &S, e)))
        goto out;
    if (R.nomem || L.nomem || A.nomem || S.nomem) {
        rc = app_nomem(e);
        goto out;
    }
    /* only the units in U's scope */
    size_t kept = 0;
    for (size_t i = 0; i < R.n; i++) {
        int in = 0;
        if ((rc = auth_in_scope(s, u, R.v[i].org_id, &in, e)))
            goto out;
        if (in)
            R.v[kept++] = R.v[i];
        else
            free(R.v[i].name);
    }
    R.n = kept;
    if (!(P = calloc(1, sizeof *P))) {
        rc = app_nomem(e);
        goto out;
    }
    P->year = sc->year;
    P->until = sc->end;
    if ((rc = store_score_period_deadlines(s, sc->plan_id, pday_row, P, e)))
        goto out;
    if (P->n == 0) {        /* no calendar: the period alone, no deadline */
        snprintf(P->v[0].code, sizeof P->v[0].code, "%s", sc->period);
        P->v[0].end = sc->end;
        P->v[0].due = PERIOD_NO_DAY;
        P->n = 1;
    }
    for (size_t i = 0; i < R.n; i++) {
        scoring_rank_row *w = &R.v[i];
        for (size_t k = 0; k < P->n; k++) {
            /* owed: a lead in force at the period's end (as completeness) */
            int owed = 0;
            for (size_t j = 0; j < A.n && !owed; j++)
                owed = A.v[j].org == w->org_id && A.v[j].from <= P->v[k].end &&
                       (A.v[j].to == PERIOD_NO_DAY || A.v[j].to > P->v[k].end);
            if (!owed)
                continue;
            time_t t = (time_t)-1;
            for (size_t j = 0; j < S.n; j++)
                if (S.v[j].org == w->org_id && strcmp(S.v[j].code, P->v[k].code) == 0) {
                    t = S.v[j].t;
                    break;
                }
            period_timely st = period_timeliness(t != (time_t)-1, t, P->v[k].due, now, NULL);
            if (st == TIMELY_NOT_DUE)
                continue;
            w->expected++;
            if (st == TIMELY_ON_TIME || st == TIMELY_LATE)
                w->received++;
            if (st == TIMELY_ON_TIME)
                w->on_time++;
            else if (st == TIMELY_LATE)
                w->late++;
            else
                w->missing++;
        }
        double sum = 0;
        for (size_t k = 0; k < L.n; k++) {
            if (L.v[k].org != w->org_id)
                continue;
            for (size_t j = 0; j < sc->ninds; j++) {
                const scoring_ind *d = &sc->inds[j];
                if (d->id != L.v[k].ind || !d->has_target)
                    continue;
                w->led++;
                if (d->trend.latest.has_data) {
                    w->led_data++;
                    sum += d->trend.latest.achievement;
                }
            }
        }
        int has_on = w->expected > 0, has_ach = w->led_data > 0;
        double on = has_on ? (double)w->on_time / (double)w->expected : 0;
        double ach = has_ach ? sum / (double)w->led_data : 0;
        if (kind == SCORING_RANK_UNITS_ONTIME) {
            w->has_key = has_on, w->key = on, w->has_key2 = has_ach, w->key2 = ach;
        } else {
            w->has_key = has_ach, w->key = ach, w->has_key2 = has_on, w->key2 = on;
        }
    }
    out->rows = R.v;
    out->n = R.n;
    R.v = NULL;
    R.n = 0;
    rc = sort_rows(out, RANK_DESCENDING, e);
out:
    for (size_t i = 0; i < R.n; i++)
        free(R.v[i].name);
    free(R.v);
    free(L.v);
    free(A.v);
    free(S.v);
    free(P);
    return rc;
}

static dti_rc rank_communes(store *s, const auth_user *u, int64_t plan_id, scoring_ranking *out, dti_err *e)
{
    dti_rc rc;
    int64_t prov = 0;
    int found = 0;
    struct rows R;
    score_sum *sums = NULL;
    period p;
    memset(&R, 0, sizeof R);
    if ((rc = store_score_plan_province(s, plan_id, &prov, &found, e)))
        return rc;
    if (!found)
        return dti_fail(e, DTI_ERR_INPUT, "plan", "kế hoạch số %lld không thuộc xã nào của một tỉnh",
                        "plan %lld belongs to no commune of a province", (long long)plan_id);
    /* the plan is in the user's view (scoring_rank_as checked it); the province's
     * other communes may not be: refused (403), not hidden (auth.h) */
    if ((rc = auth_can(s, u, AUTH_READ, prov, e)) == DTI_ERR_NOTFOUND)
        return dti_fail(e, DTI_ERR_PERM, "by", "%s không có quyền xem xếp hạng các xã của tỉnh",
                        "%s may not see the ranking of the province's communes", u ? u->name : "?");
    if (rc)
        return rc;
    period_parse(out->period, &p);
    if ((rc = store_score_communes(s, prov, org_row, &R, e)))
        goto out;
    if (R.nomem) {
        rc = app_nomem(e);
        goto out;
    }
    if (!(sums = calloc(R.n ? R.n : 1, sizeof *sums))) {
        rc = app_nomem(e);
        goto out;
    }
    for (size_t i = 0; i < R.n; i++) {
        scoring_rank_row *w = &R.v[i];
        int64_t pid = 0;
        int pf = 0;
        /* the plan that covers the period's year (its span or targets' years,
         * core/period_span.h); of several (a 2026 plan beside a 2025–2030
         * one) the one made for the shortest span, then the newest: the
         * ranking names it (plan_id, plan) */
        if ((rc = store_score_commune_plan(s, w->org_id, p.year, &pid, &pf, e)))
            goto out;
        if (!pf)
            continue;
        scoring_result sc;
        if ((rc = scoring_compute_unchecked(s, pid, out->period, &sc, e))) {
            scoring_release(&sc);
            goto out;
        }
        w->plan_id = pid;
        snprintf(w->plan_title, sizeof w->plan_title, "%s", sc.plan_title ? sc.plan_title : "");
        w->sum = sc.total;
        sums[i] = sc.total;
        w->has_key = sc.total.has_value;
        w->key = sc.total.value;
        scoring_release(&sc);
    }
    if ((rc = score_province(sums, R.n, out->mode, &out->province, e)))
        goto out;
    out->rows = R.v;
    out->n = R.n;
    R.v = NULL;
    R.n = 0;
    rc = sort_rows(out, RANK_DESCENDING, e);
out:
    for (size_t i = 0; i < R.n; i++)
        free(R.v[i].name);
    free(R.v);
    free(sums);
    return rc;
}

dti_rc scoring_rank_as(store *s, const auth_user *u, int64_t plan_id, const char *code, scoring_rank_kind kind,
                score_province_mode mode, time_t now, scoring_ranking *out, dti_err *e)
{
    dti_rc rc;
    period p;
    memset(out, 0, sizeof *out);
    out->kind = kind;
    out->mode = mode;
    if ((rc = auth_can_plan(s, u, AUTH_READ, plan_id, e)))
        return rc;
    if (!code || period_parse(code, &p) != 0)
        return dti_fail(e, DTI_ERR_INPUT, "period",
                        "kỳ \"%s\" không hợp lệ (dạng 2026-03, 2026-Q1, 2026-H1, 2026)",
                        "\"%s\" is not a period (2026-03, 2026-Q1, 2026-H1, 2026)", code ? code : "");
    period_format(&p, out->period);
    if (kind == SCORING_RANK_COMMUNES)
        return rank_communes(s, u, plan_id, out, e);
    scoring_result sc;
    if ((rc = scoring_compute_unchecked(s, plan_id, out->period, &sc, e)) == DTI_OK)
        rc = scoring_rank_units(s, u, &sc, kind, now, out, e);
    scoring_release(&sc);
    return rc;
}

dti_rc scoring_rank(app *a, int64_t plan_id, const char *pcode, scoring_rank_kind kind, score_province_mode mode,
                    scoring_ranking *out, dti_err *e)
{
    auth_user u;
    memset(out, 0, sizeof *out);
    dti_rc rc = scoring_actor(a, &u, e);
    return rc ? rc : scoring_rank_as(a->st, &u, plan_id, pcode, kind, mode, a->now, out, e);
}

void scoring_ranking_release(scoring_ranking *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n; i++)
        free(r->rows[i].name);
    free(r->rows);
    memset(r, 0, sizeof *r);
}

static json_t *num_or_null(int has, double v)
{
    return has ? json_real(v) : json_null();
}

dti_rc scoring_ranking_json(const scoring_ranking *r, json_t **out, dti_err *e)
{
    static const char *const KINDS[] = {"units_on_time", "units_achievement", "communes"};
    json_t *rows = json_array(), *o = NULL;
    *out = NULL;
    if (!rows)
        return app_nomem(e);
    for (size_t i = 0; i < r->n; i++) {
        const scoring_rank_row *w = &r->rows[i];
        json_t *sj = r->kind == SCORING_RANK_COMMUNES ? scoring_sum_json(&w->sum) : NULL;   /* stolen below */
        json_t *cj = json_object_get(sj, "completeness");
        json_t *j = r->kind == SCORING_RANK_COMMUNES
            ? json_pack("{s:i, s:I, s:s, s:o, s:o, s:o, s:o, s:o}", "rank", w->rank, "org_id", (json_int_t)w->org_id,
                        "name", w->name, "plan_id", w->plan_id ? json_integer(w->plan_id) : json_null(),
                        "plan", w->plan_id ? json_string(w->plan_title) : json_null(),
                        "index", num_or_null(w->has_key, w->key), "sum", sj,
                        "completeness", cj ? json_incref(cj) : NULL)
            : json_pack("{s:i, s:I, s:s, s:o, s:o, s:I, s:I, s:I, s:I, s:I, s:I, s:I}", "rank", w->rank, "org_id",
                        (json_int_t)w->org_id, "name", w->name,
                        "on_time_rate", num_or_null(r->kind == SCORING_RANK_UNITS_ONTIME ? w->has_key : w->has_key2,
                                                    r->kind == SCORING_RANK_UNITS_ONTIME ? w->key : w->key2),
                        "achievement", num_or_null(r->kind == SCORING_RANK_UNITS_ONTIME ? w->has_key2 : w->has_key,
                                                   r->kind == SCORING_RANK_UNITS_ONTIME ? w->key2 : w->key),
                        "expected", (json_int_t)w->expected, "received", (json_int_t)w->received,
                        "on_time", (json_int_t)w->on_time, "late", (json_int_t)w->late,
                        "missing", (json_int_t)w->missing, "led", (json_int_t)w->led,
                        "led_with_data", (json_int_t)w->led_data);
        if (!j || json_array_append_new(rows, j)) {
            json_decref(rows);
            return app_nomem(e);
        }
    }
    o = json_pack("{s:s, s:s, s:o}", "ranking", KINDS[r->kind], "period", r->period, "rows", rows);
    if (o && r->kind == SCORING_RANK_COMMUNES) {
        /* the province's completeness: the communes with an index over the
         * communes listed (its sum counts communes, not indicators) */
        size_t with = 0;
        for (size_t i = 0; i < r->n; i++)
            with += r->rows[i].has_key != 0;
        json_t *ps = scoring_sum_json(&r->province);
        if (ps && json_object_set_new(ps, "completeness",
                                      json_pack("{s:I, s:I, s:o}", "reported", (json_int_t)with, "expected",
                                                (json_int_t)r->n, "rate",
                                                r->n ? json_real((double)with / (double)r->n) : json_null()))) {
            json_decref(ps);
            ps = NULL;
        }
        if (!ps || json_object_set_new(o, "province", json_pack("{s:s, s:s, s:o}", "mode",
                                                                score_province_mode_name(r->mode), "mode_label",
                                                                score_province_mode_label(r->mode), "sum", ps))) {
            json_decref(o);
            o = NULL;
        }
    }
    if (!o)
        return app_nomem(e);
    *out = o;
    return DTI_OK;
}
