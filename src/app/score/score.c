/* score.c — a plan's figures for a period, computed on read from the
 * approved reports (app/score.h says what is read and why; the arithmetic
 * is core/score.c and core/rules.c).
 *
 * The steps of scoring_compute_as: the period's dates; the indicators with
 * their year's target and aggregation; the approved values of the year up
 * to the period's end, folded per indicator into observations (last or
 * running sum); status and achievement per indicator; the point table in
 * force, if any, and each criterion's points; the group and plan sums. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app_util.h"
#include "base/num.h"
#include "base/vec.h"
#include "app/score/score.h"
#include "app/score/score_int.h"
#include "base/text.h"
#include "core/period.h"
#include "core/plan.h"
#include "store/store_score.h"
#include "store/store_org_change.h"
#include "app/orgs/orgs.h"

static char *dup_or_null(const char *s)
{
    return s ? text_dup(s) : NULL;
}

/* ---- periods ------------------------------------------------------------- */

struct pend {
    char code[16];
    period p;
    int32_t start, end;
};

struct plist {
    struct pend *v;
    size_t n, cap;
    int nomem;
};

static int plist_row(void *ctx, const store_row *r)
{
    struct plist *L = ctx;
    const char *code = app_col(r, 0), *sd = app_col(r, 1), *ed = app_col(r, 2);
    struct pend pe;
    memset(&pe, 0, sizeof pe);
    if (!code || period_parse(code, &pe.p) != 0 || !sd || !ed || period_date_parse(sd, &pe.start) ||
        period_date_parse(ed, &pe.end))
        return 0;
    period_format(&pe.p, pe.code);
    struct pend *nv = vec_grow(L->v, L->n, &L->cap, sizeof *nv, 32);
    if (!nv) {
        L->nomem = 1;
        return 1;
    }
    L->v = nv;
    L->v[L->n++] = pe;
    return 0;
}

dti_rc scoring_periods_load(store *s, int64_t plan_id, struct plist **out, dti_err *e)
{
    dti_rc rc;
    struct plist *L = calloc(1, sizeof *L);
    if (!L)
        return app_nomem(e);
    if ((rc = store_score_periods(s, plan_id, plist_row, L, e))) {
        scoring_periods_free(L);
        return rc;
    }
    if (L->nomem) {
        scoring_periods_free(L);
        return app_nomem(e);
    }
    *out = L;
    return DTI_OK;
}

void scoring_periods_free(struct plist *L)
{
    if (!L)
        return;
    free(L->v);
    free(L);
}

/* Dates of P: the plan's calendar when it lists P, else the code's. */
void scoring_period_dates(const struct plist *L, const period *p, int32_t *start, int32_t *end)
{
    char code[PERIOD_CODE_LEN];
    period_format(p, code);
    for (size_t i = 0; L && i < L->n; i++)
        if (strcmp(L->v[i].code, code) == 0) {
            *start = L->v[i].start;
            *end = L->v[i].end;
            return;
        }
    *start = period_start(p);
    *end = period_end(p);
}

/* ---- indicators ---------------------------------------------------------- */

struct ctx {
    scoring_result *sc;
    int nomem;
    int toobig;
};

/* The baseline the import kept for indicator D (x.baseline = {"year",
 * "value", "unit", "text"}, docs/internals/import.md) from X, the item's
 * extension object as JSON text (NULL: none). Decision: it is used only
 * when it is a finite number in the target's unit (or either has no
 * unit), since a baseline in another unit says nothing about the
 * distance to the target; core/score.c uses it for lower-is-better
 * targets only ("không quá 5%" from 12%: (B - A) / (B - T)). */
static void baseline_of(scoring_ind *d, const char *x)
{
    if (!x || !strstr(x, "\"baseline\""))
        return;
    json_t *j = json_loads(x, 0, NULL);
    const json_t *b = json_object_get(json_object_get(j, "baseline"), "value");
    const char *bu = json_string_value(json_object_get(json_object_get(j, "baseline"), "unit"));
    if (json_is_number(b) && isfinite(json_number_value(b)) &&
        (!bu || !*bu || !d->unit || !*d->unit || !strcmp(bu, d->unit))) {
        d->target.has_baseline = 1;
        d->target.baseline = json_number_value(b);
    }
    json_decref(j);
}

static int ind_row(void *vc, const store_row *r)
{
    struct ctx *c = vc;
    scoring_result *sc = c->sc;
    if (sc->ninds >= SCORING_ITEMS_MAX) {
        c->toobig = 1;
        return 1;
    }
    scoring_ind *d = &sc->inds[sc->ninds];
    memset(d, 0, sizeof *d);
    d->id = r->v[0].i;
    d->code = dup_or_null(app_col(r, 1) ? app_col(r, 1) : "");
    d->group = dup_or_null(app_col(r, 2));
    d->name = dup_or_null(app_col(r, 3));
    d->unit = dup_or_null(app_col(r, 7));
    d->target_text = dup_or_null(app_col(r, 8));
    sc->ninds++;
    if (!d->code || (app_col(r, 2) && !d->group) || (app_col(r, 3) && !d->name) ||
        (app_col(r, 7) && !d->unit) || (app_col(r, 8) && !d->target_text)) {
        c->nomem = 1;
        return 1;
    }
    const char *op = app_col(r, 5);
    int o = op ? plan_op_parse(op) : -1;
    if (o >= 0 && (o == TARGET_TEXT || r->v[6].t != SV_NULL)) {
        d->has_target = 1;
        d->target.op = (target_op)o;
        d->target.value = r->v[6].t == SV_REAL ? r->v[6].d : (double)r->v[6].i;
        /* a target stored before targets were range-checked: not judged */
        if (o != TARGET_TEXT && num_check_value(d->target.value, NUM_TARGET, NULL) != DTI_OK)
            d->has_target = 0;
    }
    if (d->has_target && o != TARGET_TEXT)
        baseline_of(d, app_col(r, 11));
    const char *agg = app_col(r, 9);
    d->agg = agg && strcmp(agg, "sum") == 0 ? SCORING_AGG_SUM : SCORING_AGG_LAST;
    /* the target's year: Y, else the nearest later one; its due day: the
     * indicator's due period when it falls in that year, else 31/12 */
    d->target_year = d->has_target && r->v[10].t == SV_INT ? (int)r->v[10].i : sc->year;
    period dp;
    const char *due = app_col(r, 4);
    d->due = period_days(d->target_year, 12, 31);
    if (due && period_parse(due, &dp) == 0 && dp.year == d->target_year)
        d->due = period_end(&dp);
    d->verdict = -1;
    d->max = d->has_target ? 1 : 0;
    return 0;
}

/* ---- observations -------------------------------------------------------- */

/* One approved figure, before folding. */
struct raw {
    int64_t ind, org;
    char org_name[192];
    period p;
    char code[16];
    int32_t end;
    int has_value;
    double value;
    int has_ratio;
    double num, den;
    int met;                /* -1 none */
    char approved[24];
};

/* A lead assignment of an indicator, with the days it is in force. */
struct lead {
    int64_t ind, org;
    int32_t from, to;           /* to: PERIOD_NO_DAY while open */
};

struct rawlist {
    struct raw *v;
    size_t n, cap;
    struct lead *leads;         /* sorted by ind */
    size_t nleads, capleads;
    const struct plist *periods;
    int year;
    int32_t until;
    int nomem, toobig;
};

static double num_col(const store_val *v)
{
    return v->t == SV_REAL ? v->d : (double)v->i;
}

static int lead_row(void *vc, const store_row *r)
{
    struct rawlist *L = vc;
    const char *from = app_col(r, 2), *to = app_col(r, 3);
    struct lead x = {r->v[0].i, r->v[1].i, 0, PERIOD_NO_DAY};
    if (!from || period_date_parse(from, &x.from) != 0)
        return 0;
    if (to && period_date_parse(to, &x.to) != 0)
        x.to = PERIOD_NO_DAY;
    if (L->nleads == L->capleads) {
        size_t nc = L->capleads ? L->capleads * 2 : 64;
        struct lead *nv = realloc(L->leads, nc * sizeof *nv);
        if (!nv) {
            L->nomem = 1;
            return 1;
        }
        L->leads = nv;
        L->capleads = nc;
    }
    L->leads[L->nleads++] = x;
    return 0;
}

/* 1 when ORG's figure of indicator IND for a period ending on DAY counts:
 * ORG led IND on DAY (from <= day < to); when nobody led IND on DAY (a
 * period before the indicator was first assigned, e.g. before the plan was
 * issued), ORG is among the leads whose assignment began first after it. */
static int led_on(const struct rawlist *L, int64_t ind, int64_t org, int32_t day)
{
    size_t lo = 0, hi = L->nleads;
    while (lo < hi) {       /* the first lead of IND */
        size_t mid = lo + (hi - lo) / 2;
        if (L->leads[mid].ind < ind)
            lo = mid + 1;
        else
            hi = mid;
    }
    int any = 0, mine = 0;
    int32_t next = PERIOD_NO_DAY;
    for (size_t i = lo; i < L->nleads && L->leads[i].ind == ind; i++) {
        const struct lead *a = &L->leads[i];
        if (a->from <= day && (a->to == PERIOD_NO_DAY || a->to > day)) {
            any = 1;
            mine |= a->org == org;
        } else if (a->from > day && (next == PERIOD_NO_DAY || a->from < next)) {
            next = a->from;
        }
    }
    if (any)
        return mine;
    for (size_t i = lo; next != PERIOD_NO_DAY && i < L->nleads && L->leads[i].ind == ind; i++)
        if (L->leads[i].org == org && L->leads[i].from == next)
            return 1;
    return 0;
}

/* snprintf(DST, CAP, "%s", SRC ? SRC : "") without printf: raw_row runs
 * once per stored figure of a plan (a cold national ranking: 1.4M) */
static void copy_text(char *dst, size_t cap, const char *src)
{
    size_t n = src ? strnlen(src, cap - 1) : 0;
    memcpy(dst, src ? src : "", n);
    dst[n] = 0;
}

static int raw_row(void *vc, const store_row *r)
{
    struct rawlist *L = vc;
    struct raw x;
    memset(&x, 0, sizeof x);
    x.ind = r->v[0].i;
    const char *code = app_col(r, 1);
    if (!code || period_parse(code, &x.p) != 0 || x.p.year != L->year)
        return 0;
    int32_t st;
    scoring_period_dates(L->periods, &x.p, &st, &x.end);
    if (x.end > L->until)
        return 0;
    x.org = r->v[7].i;
    if (!led_on(L, x.ind, x.org, x.end))
        return 0;       /* not the lead in force at the period's end */
    copy_text(x.org_name, sizeof x.org_name, app_col(r, 8));
    period_format(&x.p, x.code);
    if (r->v[3].t != SV_NULL && r->v[4].t != SV_NULL && num_col(&r->v[4]) > 0 &&
        num_check_value(num_col(&r->v[3]), NUM_MEASURE, NULL) == DTI_OK &&
        num_check_value(num_col(&r->v[4]), NUM_MEASURE, NULL) == DTI_OK) {
        x.has_ratio = 1;
        x.num = num_col(&r->v[3]);
        x.den = num_col(&r->v[4]);
    }
    if (r->v[2].t != SV_NULL && num_check_value(num_col(&r->v[2]), NUM_TARGET, NULL) == DTI_OK) {
        x.has_value = 1;
        x.value = num_col(&r->v[2]);
    } else if (x.has_ratio) {
        x.has_value = 1;
        x.value = x.num / x.den * 100.0;
    }
    x.met = r->v[5].t == SV_NULL ? -1 : (r->v[5].i != 0);
    copy_text(x.approved, sizeof x.approved, app_col(r, 6));
    if (!x.has_value && x.met < 0)
        return 0;
    if (L->n >= (size_t)SCORING_ITEMS_MAX * 4) {
        L->toobig = 1;
        return 1;
    }
    struct raw *nv = vec_grow(L->v, L->n, &L->cap, sizeof *nv, 64);
    if (!nv) {
        L->nomem = 1;
        return 1;
    }
    L->v = nv;
    L->v[L->n++] = x;
    return 0;
}

/* Each figure of L (sorted by raw_cmp) under the name its org had on its
 * period's last day (history keeps the old names: docs/orgs.md), "(nay là
 * …)" for an org merged since (orgs_name_then). Nothing to do, and no
 * statement but one, while no org has ever changed; then one lookup per
 * org and day. */
static dti_rc names_then(store *s, struct rawlist *L, dti_err *e)
{
    int any = 0;
    dti_rc rc = store_org_changes_any(s, &any, e);
    if (rc || !any)
        return rc;
    for (size_t i = 0; i < L->n; i++) {
        struct raw *x = &L->v[i];
        /* L is sorted by end day (raw_cmp): the same org and day, if seen,
         * is among the figures just before of that day, its name known */
        size_t j = i;
        while (j > 0 && L->v[j - 1].end == x->end && L->v[j - 1].org != x->org)
            j--;
        if (j > 0 && L->v[j - 1].end == x->end) {
            memcpy(x->org_name, L->v[j - 1].org_name, sizeof x->org_name);
            continue;
        }
        char day[PERIOD_DATE_LEN], *label = NULL;
        if ((rc = orgs_name_then(s, x->org, period_date_iso(x->end, day), &label, e)))
            return rc;
        snprintf(x->org_name, sizeof x->org_name, "%s", label);
        free(label);
    }
    return DTI_OK;
}

/* Order: end date, then the longer period, then the later approval. */
static int raw_cmp(const void *a, const void *b)
{
    const struct raw *x = a, *y = b;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    if (x->p.kind != y->p.kind)
        return x->p.kind < y->p.kind ? -1 : 1;
    return strcmp(x->approved, y->approved);
}

/* Keep X among D's inputs (room made by fold). */
static void keep_input(scoring_ind *d, const struct raw *x)
{
    scoring_input *in = &d->inputs[d->ninputs++];
    copy_text(in->period, sizeof in->period, x->code);
    copy_text(in->org, sizeof in->org, x->org_name);
    in->org_id = x->org;
    in->has_value = x->has_value;
    in->value = x->value;
    in->verdict = x->met;
}

/* Fold the raw figures of D (RAW sorted by raw_cmp) into its observations
 * and keep the figures used as its inputs. -1 when out of memory. */
static int fold(scoring_ind *d, const struct raw *raw, size_t n)
{
    int text = d->has_target && d->target.op == TARGET_TEXT;
    size_t cnt = 0;
    for (size_t i = 0; i < n; i++)
        cnt += raw[i].ind == d->id;
    if (cnt && !(d->inputs = calloc(cnt, sizeof *d->inputs)))
        return -1;
    if (d->agg == SCORING_AGG_LAST) {
        for (size_t i = 0; i < n; i++) {
            const struct raw *x = &raw[i];
            /* a text target: yes/no, or a stated level 0..1 in value */
            int level = text && x->has_value && x->value >= 0 && x->value <= 1;
            if (x->ind != d->id || (text ? x->met < 0 && !level : !x->has_value))
                continue;
            keep_input(d, x);
            /* one observation per end day: a later one replaces it */
            scoring_obs *o = d->nobs && d->obs[d->nobs - 1].end == x->end ? &d->obs[d->nobs - 1]
                               : d->nobs < SCORING_OBS_MAX ? &d->obs[d->nobs++] : NULL;
            if (!o)
                continue;
            copy_text(o->period, sizeof o->period, x->code);
            o->end = x->end;
            o->value = x->value;
            o->verdict = x->met;
            o->level = level;
            d->has_value = !text || level;
            d->value = x->value;
            d->verdict = x->met;
            d->level = level;
            d->has_ratio = x->has_ratio;
            d->num = x->num;
            d->den = x->den;
        }
        return 0;
    }
    /* sum: the finest kind reported */
    int kind = PERIOD_NKINDS;
    for (size_t i = 0; i < n; i++)
        if (raw[i].ind == d->id && raw[i].has_value && (int)raw[i].p.kind < kind)
            kind = (int)raw[i].p.kind;
    if (kind == PERIOD_NKINDS)
        return 0;
    double total = 0, tn = 0, td = 0;
    int all_ratio = 1;
    for (size_t i = 0; i < n; i++) {
        const struct raw *x = &raw[i];
        if (x->ind != d->id || !x->has_value || (int)x->p.kind != kind)
            continue;
        keep_input(d, x);
        total += x->value;
        if (x->has_ratio) {
            tn += x->num;
            td += x->den;
        } else {
            all_ratio = 0;
        }
        scoring_obs *o = d->nobs && d->obs[d->nobs - 1].end == x->end ? &d->obs[d->nobs - 1]
                           : d->nobs < SCORING_OBS_MAX ? &d->obs[d->nobs++] : NULL;
        if (!o)
            continue;
        copy_text(o->period, sizeof o->period, x->code);
        o->end = x->end;
        o->value = total;
        o->verdict = -1;
    }
    d->has_value = 1;
    d->value = total;
    d->has_ratio = all_ratio && td > 0;
    d->num = tn;
    d->den = td;
    return 0;
}

static dti_rc judge(scoring_result *sc, scoring_ind *d, dti_err *e)
{
    dti_rc rc;
    score_obs obs[SCORING_OBS_MAX];
    if (!d->has_target) {
        d->trend.status = SCORE_NO_DATA;
        d->trend.latest_day = PERIOD_NO_DAY;
        return DTI_OK;
    }
    for (size_t i = 0; i < d->nobs; i++) {
        memset(&obs[i], 0, sizeof obs[i]);
        obs[i].day = d->obs[i].end;
        if (d->target.op == TARGET_TEXT && d->obs[i].level) {
            obs[i].v.verdict = SCORE_VERDICT_LEVEL;
            obs[i].v.level = d->obs[i].value;
        } else if (d->target.op == TARGET_TEXT) {
            obs[i].v.verdict = d->obs[i].verdict == 1   ? SCORE_VERDICT_YES
                               : d->obs[i].verdict == 0 ? SCORE_VERDICT_NO
                                                        : SCORE_VERDICT_NONE;
        } else {
            obs[i].v.has_value = 1;
            obs[i].v.value = d->obs[i].value;
        }
    }
    if ((rc = score_status_of(&d->target, obs, d->nobs, d->due, sc->asof, &d->trend, e))) {
        char m[sizeof e->msg];
        snprintf(m, sizeof m, "%s", e->msg);
        return dti_fail(e, rc, "value", "chỉ tiêu %s: %s", "indicator %s: %s", d->code, m);
    }
    d->counted = d->trend.latest.has_data && d->max > 0;
    return DTI_OK;
}

/* ---- the point table ----------------------------------------------------- */

static int crit_row(void *vc, const store_row *r)
{
    struct ctx *c = vc;
    scoring_result *sc = c->sc;
    if (sc->ncrits >= SCORING_ITEMS_MAX) {
        c->toobig = 1;
        return 1;
    }
    scoring_crit *k = &sc->crits[sc->ncrits++];
    memset(k, 0, sizeof *k);
    k->id = r->v[0].i;
    k->code = dup_or_null(app_col(r, 1));
    k->group = dup_or_null(app_col(r, 2));
    k->group_name = dup_or_null(app_col(r, 3));
    k->name = dup_or_null(app_col(r, 4));
    k->max = num_col(&r->v[5]);
    k->indicators = dup_or_null(app_col(r, 6) ? app_col(r, 6) : "");
    k->evidence = dup_or_null(app_col(r, 7));
    int kind = score_rule_kind_parse(app_col(r, 8) ? app_col(r, 8) : "");
    k->kind = kind < 0 ? SCORE_RULE_REVIEWER : (score_rule_kind)kind;
    k->rule_text = dup_or_null(app_col(r, 9));
    if (!k->code || !k->group || !k->name || !k->indicators || (app_col(r, 3) && !k->group_name) ||
        (app_col(r, 7) && !k->evidence) || (app_col(r, 9) && !k->rule_text)) {
        c->nomem = 1;
        return 1;
    }
    return 0;
}

static int pts_row(void *vc, const store_row *r)
{
    struct ctx *c = vc;
    scoring_result *sc = c->sc;
    for (size_t i = 0; i < sc->ncrits; i++) {
        scoring_crit *k = &sc->crits[i];
        if (k->id != r->v[0].i)
            continue;
        if (r->v[1].t != SV_NULL) {
            k->self_given = 1;
            k->has_self = 1;
            k->self = num_col(&r->v[1]);
            if (app_col(r, 2) && !(k->self_note = text_dup(app_col(r, 2))))
                c->nomem = 1;
        }
        if (r->v[3].t != SV_NULL) {
            k->has_review = 1;
            k->review = num_col(&r->v[3]);
            if (app_col(r, 4) && !(k->reason = text_dup(app_col(r, 4))))
                c->nomem = 1;
        }
    }
    return c->nomem;
}

/* The first indicator of K (codes separated by ';') with data, or NULL;
 * *NIND gets how many codes it names. */
static const scoring_ind *crit_ind(scoring_result *sc, const scoring_crit *k, size_t nth, int *found)
{
    const char *s = k->indicators;
    size_t i = 0;
    *found = 0;
    while (s && *s) {
        const char *semi = strchr(s, ';');
        size_t len = semi ? (size_t)(semi - s) : strlen(s);
        while (len && (*s == ' ')) {
            s++;
            len--;
        }
        while (len && s[len - 1] == ' ')
            len--;
        if (len) {
            if (i == nth) {
                for (size_t j = 0; j < sc->ninds; j++)
                    if (strlen(sc->inds[j].code) == len && memcmp(sc->inds[j].code, s, len) == 0) {
                        *found = 1;
                        return &sc->inds[j];
                    }
                *found = 1;
                return NULL;
            }
            i++;
        }
        s = semi ? semi + 1 : s + strlen(s);
    }
    return NULL;
}

static dti_rc crit_compute(scoring_result *sc, scoring_crit *k, dti_err *e)
{
    score_rule rule;
    score_rule_input in;
    dti_rc rc;
    int found;
    memset(&in, 0, sizeof in);
    in.level = -1;
    if ((rc = score_rule_parse(score_rule_kind_name(k->kind), k->rule_text, k->max, &rule, e)))
        return rc;
    score_rule_describe(&rule, k->rule_desc, sizeof k->rule_desc);
    const scoring_ind *d = NULL;
    switch (k->kind) {
    case SCORE_RULE_ACHIEVEMENT: {
        double sum = 0;
        size_t nd = 0;
        for (size_t i = 0;; i++) {
            const scoring_ind *x = crit_ind(sc, k, i, &found);
            if (!found)
                break;
            if (x && x->has_target && x->trend.latest.has_data) {
                sum += x->trend.latest.achievement;
                nd++;
            }
        }
        if (!nd)
            return DTI_OK;
        in.given = sum / (double)nd;
        snprintf(k->computed_from, sizeof k->computed_from, "achievement=%.6g (%zu)", in.given, nd);
        break;
    }
    case SCORE_RULE_RATIO:
    case SCORE_RULE_STEPS:
    case SCORE_RULE_YESNO:
        for (size_t i = 0;; i++) {
            const scoring_ind *x = crit_ind(sc, k, i, &found);
            if (!found)
                break;
            if (x && (x->has_value || x->verdict >= 0)) {
                d = x;
                break;
            }
        }
        if (!d)
            return DTI_OK;
        if (k->kind == SCORE_RULE_RATIO) {
            if (d->has_ratio) {
                in.a = d->num;
                in.b = d->den;
            } else if (d->has_value && d->unit && strcmp(d->unit, "%") == 0) {
                in.a = d->value;
                in.b = 100;
            } else if (d->has_value && d->has_target && d->target.value > 0) {
                in.a = d->value;
                in.b = d->target.value;
            } else {
                return DTI_OK;
            }
            if (in.a < 0)
                in.a = 0;
            snprintf(k->computed_from, sizeof k->computed_from, "%s: a=%.6g, b=%.6g", d->code, in.a, in.b);
        } else if (k->kind == SCORE_RULE_STEPS) {
            if (!d->has_value)
                return DTI_OK;
            in.x = d->value;
            snprintf(k->computed_from, sizeof k->computed_from, "%s: x=%.6g", d->code, in.x);
        } else {
            in.yes = d->verdict >= 0 ? d->verdict == 1 : (d->trend.latest.has_data && d->trend.latest.met);
            snprintf(k->computed_from, sizeof k->computed_from, "%s: %s", d->code, in.yes ? "yes" : "no");
        }
        break;
    default:
        return DTI_OK;      /* levels and reviewer: points are given */
    }
    if ((rc = score_rule_points(&rule, k->max, &in, &k->computed, e)))
        return rc;
    k->has_computed = 1;
    return DTI_OK;
}

/* ---- groups and sums ----------------------------------------------------- */

static int group_row(void *vc, const store_row *r)
{
    struct ctx *c = vc;
    scoring_result *sc = c->sc;
    const char *code = app_col(r, 0);
    if (!code)
        return 0;
    for (size_t i = 0; i < sc->ngroups; i++)
        if (strcmp(sc->groups[i].code, code) == 0)
            return 0;
    if (sc->ngroups >= SCORING_ITEMS_MAX) {
        c->toobig = 1;
        return 1;
    }
    scoring_group *g = &sc->groups[sc->ngroups++];
    memset(g, 0, sizeof *g);
    g->code = text_dup(code);
    g->name = dup_or_null(app_col(r, 1));
    if (!g->code || (app_col(r, 1) && !g->name))
        c->nomem = 1;
    return c->nomem;
}

static dti_rc add_group(scoring_result *sc, const char *code, const char *name, dti_err *e)
{
    store_val v[2] = {app_sv_text(code), app_sv_text(name)};
    store_row r = {2, v};
    struct ctx c = {sc, 0, 0};
    group_row(&c, &r);
    if (c.nomem)
        return app_nomem(e);
    if (c.toobig)
        return dti_fail(e, DTI_ERR_TOOBIG, NULL, "quá nhiều nhóm", "too many groups");
    return DTI_OK;
}

static dti_rc sums(scoring_result *sc, dti_err *e)
{
    dti_rc rc = DTI_OK;
    size_t n = sc->has_table ? sc->ncrits : sc->ninds;
    score_item *items = calloc(n ? n : 1, sizeof *items);
    if (!items)
        return app_nomem(e);
    for (size_t i = 0; i < n; i++) {
        score_item *it = &items[i];
        if (sc->has_table) {
            const scoring_crit *k = &sc->crits[i];
            it->code = k->code;
            it->group = k->group;
            it->max = k->max;
            it->has_self = k->has_self;
            it->self = k->self;
            it->has_review = k->has_review;
            it->review = k->review;
            it->reason = k->reason;
        } else {
            const scoring_ind *d = &sc->inds[i];
            it->code = d->code;
            it->group = d->group ? d->group : "";
            it->max = d->max;
            it->has_self = d->has_target && d->trend.latest.has_data;
            it->self = it->has_self ? score_points(d->trend.latest.achievement, d->max) : 0;
        }
    }
    for (size_t g = 0; g < sc->ngroups; g++) {
        if ((rc = score_sum_items(items, n, sc->groups[g].code, SCORE_FROM_REVIEW, SCORE_NODATA_ZERO,
                                  &sc->groups[g].sum, e)) ||
            (rc = score_sum_items(items, n, sc->groups[g].code, SCORE_FROM_SELF, SCORE_NODATA_ZERO,
                                  &sc->groups[g].sum_self, e)))
            goto out;
    }
    if ((rc = score_sum_items(items, n, NULL, SCORE_FROM_REVIEW, SCORE_NODATA_ZERO, &sc->total, e)) ||
        (rc = score_sum_items(items, n, NULL, SCORE_FROM_SELF, SCORE_NODATA_ZERO, &sc->total_self, e)))
        goto out;
out:
    free(items);
    return rc;
}

/* ---- compute ------------------------------------------------------------- */

dti_rc scoring_compute_unchecked(store *s, int64_t plan_id, const char *code, scoring_result *sc, dti_err *e)
{
    dti_rc rc;
    period p;
    struct plist *periods = NULL;
    struct rawlist raw;
    struct ctx c;
    memset(&raw, 0, sizeof raw);
    memset(sc, 0, sizeof *sc);
    sc->plan_id = plan_id;
    c.sc = sc;
    c.nomem = c.toobig = 0;
    if (!code || period_parse(code, &p) != 0) {
        return dti_fail(e, DTI_ERR_INPUT, "period",
                        "kỳ \"%s\" không hợp lệ (dạng 2026-03, 2026-Q1, 2026-H1, 2026)",
                        "\"%s\" is not a period (2026-03, 2026-Q1, 2026-H1, 2026)", code ? code : "");
    }
    period_format(&p, sc->period);
    sc->year = p.year;
    {
        int found = 0;
        int64_t org = 0;
        if ((rc = store_score_plan_org(s, plan_id, &org, &found, e)))
            goto out;
        if (!found) {
            rc = dti_fail(e, DTI_ERR_NOTFOUND, "plan", "không có kế hoạch số %lld", "no plan %lld",
                          (long long)plan_id);
            goto out;
        }
        sc->org_id = org;
        if ((rc = store_score_plan_title(s, plan_id, &sc->plan_title, e)))
            goto out;
        if (org && (rc = store_score_org_name(s, org, &sc->org_name, e)))
            goto out;
    }
    if ((rc = scoring_periods_load(s, plan_id, &periods, e)))
        goto out;
    scoring_period_dates(periods, &p, &sc->start, &sc->end);
    sc->asof = sc->end + 1;

    /* indicators */
    {
        int64_t n = 0;
        if ((rc = store_score_indicator_count(s, plan_id, &n, e)))
            goto out;
        if (n > SCORING_ITEMS_MAX) {
            rc = dti_fail(e, DTI_ERR_TOOBIG, NULL, "kế hoạch có quá nhiều chỉ tiêu",
                          "the plan has too many indicators");
            goto out;
        }
        if (!(sc->inds = calloc((size_t)n + 1, sizeof *sc->inds))) {
            rc = app_nomem(e);
            goto out;
        }
        if ((rc = store_score_indicators(s, plan_id, p.year, ind_row, &c, e)))
            goto out;
        if (c.nomem || c.toobig) {
            rc = c.nomem ? app_nomem(e) : dti_fail(e, DTI_ERR_TOOBIG, NULL, "quá nhiều chỉ tiêu", "too many indicators");
            goto out;
        }
    }

    /* approved values of the year up to P's end */
    raw.periods = periods;
    raw.year = p.year;
    raw.until = sc->end;
    {
        if ((rc = store_score_leads(s, plan_id, lead_row, &raw, e)))
            goto out;
        if (raw.nomem) {
            rc = app_nomem(e);
            goto out;
        }
        if ((rc = store_score_approved_values(s, plan_id, raw_row, &raw, e)))
            goto out;
        if (raw.nomem || raw.toobig) {
            rc = raw.nomem ? app_nomem(e) : dti_fail(e, DTI_ERR_TOOBIG, NULL, "quá nhiều số liệu", "too many values");
            goto out;
        }
        if (raw.n)
            qsort(raw.v, raw.n, sizeof *raw.v, raw_cmp);
        if (raw.n && (rc = names_then(s, &raw, e)))
            goto out;
    }
    for (size_t i = 0; i < sc->ninds; i++) {
        scoring_ind *d = &sc->inds[i];
        if (fold(d, raw.v, raw.n)) {
            rc = app_nomem(e);
            goto out;
        }
        if ((rc = judge(sc, d, e)))
            goto out;
        if (!d->has_target)
            continue;
        switch (d->trend.status) {
        case SCORE_AT_RISK: sc->nat_risk++; break;
        case SCORE_MET: sc->nmet++; break;
        case SCORE_NOT_MET: sc->nnot_met++; break;
        case SCORE_ON_TRACK: sc->non_track++; break;
        case SCORE_NO_DATA: sc->nno_data++; break;
        }
    }

    /* the table in force */
    {
        int found = 0;
        if ((rc = store_score_table_in_force(s, plan_id, &sc->table_id, &found, e)))
            goto out;
        sc->has_table = found;
    }
    if (sc->has_table) {
        int64_t n = 0;
        if ((rc = store_score_table_name(s, sc->table_id, &sc->table_name, e)) ||
            (rc = store_score_criteria_count(s, sc->table_id, &n, e)))
            goto out;
        if (n > SCORING_ITEMS_MAX) {
            rc = dti_fail(e, DTI_ERR_TOOBIG, NULL, "bộ chỉ số quá lớn", "the point table is too large");
            goto out;
        }
        if (!(sc->crits = calloc((size_t)n + 1, sizeof *sc->crits)) ||
            !(sc->groups = calloc((size_t)n + 1, sizeof *sc->groups))) {
            rc = app_nomem(e);
            goto out;
        }
        if ((rc = store_score_criteria(s, sc->table_id, crit_row, &c, e)))
            goto out;
        if (c.nomem) {
            rc = app_nomem(e);
            goto out;
        }
        if ((rc = store_score_points(s, sc->table_id, sc->org_id, sc->period, pts_row, &c, e)))
            goto out;
        if (c.nomem) {
            rc = app_nomem(e);
            goto out;
        }
        for (size_t i = 0; i < sc->ncrits; i++) {
            scoring_crit *k = &sc->crits[i];
            if ((rc = crit_compute(sc, k, e))) {
                char m[sizeof e->msg];
                snprintf(m, sizeof m, "%s", e->msg);
                rc = dti_fail(e, rc, "criterion", "tiêu chí %s: %s", "criterion %s: %s", k->code, m);
                goto out;
            }
            if (!k->self_given && k->has_computed) {
                k->has_self = 1;
                k->self = k->computed;
            }
            k->has_points = k->has_review || k->has_self;
            k->points = k->has_review ? k->review : k->self;
            if ((rc = add_group(sc, k->group, k->group_name, e)))
                goto out;
        }
    } else {
        if (!(sc->groups = calloc(sc->ninds + 1, sizeof *sc->groups))) {
            rc = app_nomem(e);
            goto out;
        }
        if ((rc = store_score_plan_groups(s, plan_id, group_row, &c, e)))
            goto out;
        if (c.nomem) {
            rc = app_nomem(e);
            goto out;
        }
        /* keep only the groups holding indicators, and add those not listed */
        size_t w = 0;
        for (size_t g = 0; g < sc->ngroups; g++) {
            int used = 0;
            for (size_t i = 0; i < sc->ninds && !used; i++)
                used = sc->inds[i].group && strcmp(sc->inds[i].group, sc->groups[g].code) == 0;
            if (used)
                sc->groups[w++] = sc->groups[g];
            else {
                free(sc->groups[g].code);
                free(sc->groups[g].name);
            }
        }
        sc->ngroups = w;
        for (size_t i = 0; i < sc->ninds; i++)
            if ((rc = add_group(sc, sc->inds[i].group ? sc->inds[i].group : "", NULL, e)))
                goto out;
    }
    rc = sums(sc, e);
out:
    free(raw.v);
    free(raw.leads);
    scoring_periods_free(periods);
    return rc;
}

dti_rc scoring_compute_as(store *s, const auth_user *u, int64_t plan_id, const char *code,
                         scoring_result *out, dti_err *e)
{
    dti_rc rc;
    memset(out, 0, sizeof *out);
    if ((rc = auth_can_plan(s, u, AUTH_READ, plan_id, e)))
        return rc;
    return scoring_compute_unchecked(s, plan_id, code, out, e);
}

dti_rc scoring_actor(app *a, auth_user *u, dti_err *e)
{
    int sys = 0;
    dti_rc rc = app_actor(a, u, &sys, e);
    if (rc)
        return rc;
    if (sys) {
        u->id = 0;
        u->role = ROLE_ADMIN;
        u->active = 1;
        snprintf(u->name, sizeof u->name, "system");
    }
    return DTI_OK;
}

dti_rc scoring_compute(app *a, int64_t plan_id, const char *pcode, scoring_result *out, dti_err *e)
{
    auth_user u;
    memset(out, 0, sizeof *out);
    dti_rc rc = scoring_actor(a, &u, e);
    return rc ? rc : scoring_compute_as(a->st, &u, plan_id, pcode, out, e);
}

dti_rc scoring_has_table(app *a, int64_t plan_id, int *has, dti_err *e)
{
    auth_user u;
    int64_t id = 0;
    dti_err quiet;
    dti_rc rc;
    *has = 0;
    if ((rc = scoring_actor(a, &u, e)))
        return rc;
    /* out of view or missing: the view asked next says so */
    if (auth_can_plan(a->st, &u, AUTH_READ, plan_id, &quiet) != DTI_OK)
        return DTI_OK;
    return store_score_table_in_force(a->st, plan_id, &id, has, e);
}

void scoring_release(scoring_result *sc)
{
    if (!sc)
        return;
    for (size_t i = 0; i < sc->ninds; i++) {
        scoring_ind *d = &sc->inds[i];
        free(d->code);
        free(d->group);
        free(d->name);
        free(d->unit);
        free(d->target_text);
        free(d->inputs);
    }
    for (size_t i = 0; i < sc->ncrits; i++) {
        scoring_crit *k = &sc->crits[i];
        free(k->code);
        free(k->group);
        free(k->group_name);
        free(k->name);
        free(k->indicators);
        free(k->evidence);
        free(k->rule_text);
        free(k->self_note);
        free(k->reason);
    }
    for (size_t i = 0; i < sc->ngroups; i++) {
        free(sc->groups[i].code);
        free(sc->groups[i].name);
    }
    free(sc->inds);
    free(sc->crits);
    free(sc->groups);
    free(sc->plan_title);
    free(sc->org_name);
    free(sc->table_name);
    memset(sc, 0, sizeof *sc);
}

const scoring_ind *scoring_find(const scoring_result *sc, const char *code)
{
    for (size_t i = 0; sc && code && i < sc->ninds; i++)
        if (strcmp(sc->inds[i].code, code) == 0)
            return &sc->inds[i];
    return NULL;
}

int scoring_status(const scoring_result *sc, const char *code)
{
    const scoring_ind *d = scoring_find(sc, code);
    return d ? (int)d->trend.status : -1;
}

/* ---- JSON ------------------------------------------------------------------ */

static json_t *jnum_or_null(int has, double v)
{
    return has && isfinite(v) ? json_real(v) : json_null();
}

/* A figure as JSON: null rather than a failure for what JSON cannot hold. */
static json_t *jreal(double v)
{
    return jnum_or_null(1, v);
}

static json_t *jstr_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

/* V as JSON, rounded to 6 decimals when R6 (the dashboard's figures: what
 * JSON cannot hold is null; a figure too large to round is already whole). */
static json_t *jfig(double v, int r6)
{
    if (!isfinite(v))
        return json_null();
    return json_real(r6 && fabs(v) < 1e9 ? round(v * 1e6) / 1e6 : v);
}

/* The one JSON form of a score (scoring.h: "One vocabulary"). */
static json_t *sum_json(const score_sum *m, int r6)
{
    char f[SCORE_FMT_LEN];
    /* sums are made with SCORE_NODATA_ZERO: every counted item is expected,
     * those without data (nodata) scored 0 */
    size_t expected = m->counted, reported = m->counted >= m->nodata ? m->counted - m->nodata : 0;
    return json_pack("{s:o, s:o, s:o, s:o, s:I, s:I, s:I, s:{s:I, s:I, s:o}}", "points", jfig(m->points, r6),
                     "max", jfig(m->max, r6), "index", m->has_value ? jfig(m->value, r6) : json_null(),
                     "index_text", m->has_value ? json_string(score_format_index(m->value, f)) : json_null(),
                     "counted", (json_int_t)m->counted, "nodata", (json_int_t)m->nodata,
                     "zero_max", (json_int_t)m->zero_max, "completeness", "reported", (json_int_t)reported,
                     "expected", (json_int_t)expected, "rate",
                     expected ? jfig((double)reported / (double)expected, r6) : json_null());
}

json_t *scoring_sum_json(const score_sum *m)
{
    return sum_json(m, 0);
}

json_t *scoring_sum_json_rounded(const score_sum *m)
{
    return sum_json(m, 1);
}

static json_t *ind_json(const scoring_result *sc, const scoring_ind *d)
{
    char day[PERIOD_DATE_LEN];
    json_t *obs = json_array();
    if (!obs)
        return NULL;
    for (size_t i = 0; i < d->nobs; i++) {
        const scoring_obs *o = &d->obs[i];
        json_t *j = json_pack("{s:s, s:s, s:o, s:o}", "period", o->period, "end", period_date_iso(o->end, day),
                              d->agg == SCORING_AGG_SUM ? "running_total" : "value",
                              (d->has_target && d->target.op == TARGET_TEXT && !o->level) ? json_null()
                                                                                          : jreal(o->value),
                              "met", o->verdict < 0 ? json_null() : json_boolean(o->verdict));
        if (!j || json_array_append_new(obs, j)) {
            json_decref(obs);
            return NULL;
        }
    }
    const score_trend *t = &d->trend;
    json_t *target = d->has_target
        ? json_pack("{s:i, s:s, s:o, s:o, s:o}", "year", d->target_year, "op", plan_op_str(d->target.op),
                    "value", d->target.op == TARGET_TEXT ? json_null() : jreal(d->target.value),
                    "unit", jstr_or_null(d->unit), "text", jstr_or_null(d->target_text))
        : json_null();
    double points = d->counted ? score_points(t->latest.achievement, d->max) : 0;
    char day2[PERIOD_DATE_LEN];
    return json_pack("{s:I, s:s, s:o, s:o, s:o, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:s, s:s, s:o, "
                     "s:o, s:f, s:s, s:b}",
                     "id", (json_int_t)d->id, "code", d->code, "group", jstr_or_null(d->group), "name", jstr_or_null(d->name),
                     "target", target, "aggregation", d->agg == SCORING_AGG_SUM ? "sum" : "last",
                     "due", period_date_iso(d->due, day), "observations", obs,
                     "value", jnum_or_null(d->has_value, d->value),
                     "numerator", jnum_or_null(d->has_ratio, d->num),
                     "denominator", jnum_or_null(d->has_ratio, d->den),
                     "met_verdict", d->verdict < 0 ? json_null() : json_boolean(d->verdict),
                     "achievement", jnum_or_null(t->latest.has_data, t->latest.achievement),
                     "met", t->latest.has_data ? json_boolean(t->latest.met) : json_null(),
                     "forecast", jnum_or_null(t->projected, t->forecast),
                     "status", score_status_name(t->status), "status_label", score_status_label(t->status),
                     "projection", t->projected ? json_pack("{s:o, s:o, s:I, s:s}", "slope_per_day", jreal(t->line.slope),
                                                            "intercept", jreal(t->line.intercept), "points",
                                                            (json_int_t)t->line.n, "x", "days since 1970-01-01")
                                                : json_null(),
                     "points", d->counted ? jreal(points) : json_null(), "max", d->max,
                     "judged_on", period_date_iso(sc->asof, day2), "counted", d->counted);
}

static json_t *crit_json(const scoring_crit *k)
{
    return json_pack("{s:s, s:s, s:o, s:s, s:f, s:s, s:o, s:s, s:o, s:s, s:o, s:o, s:b, s:o, s:o, s:o, s:o}",
                     "code", k->code, "group", k->group, "group_name", jstr_or_null(k->group_name),
                     "name", k->name, "max", k->max, "indicators", k->indicators,
                     "evidence", jstr_or_null(k->evidence), "rule", score_rule_kind_name(k->kind),
                     "rule_text", jstr_or_null(k->rule_text), "rule_read", k->rule_desc,
                     "computed", jnum_or_null(k->has_computed, k->computed),
                     "computed_from", k->has_computed ? json_string(k->computed_from) : json_null(),
                     "self_given", k->self_given, "self", jnum_or_null(k->has_self, k->self),
                     "review", jnum_or_null(k->has_review, k->review), "reason", jstr_or_null(k->reason),
                     "points", jnum_or_null(k->has_points, k->points));
}

dti_rc scoring_result_json(const scoring_result *sc, json_t **out, dti_err *e)
{
    char d1[PERIOD_DATE_LEN], d2[PERIOD_DATE_LEN], d3[PERIOD_DATE_LEN];
    json_t *o = NULL, *inds = json_array(), *crits = json_array(), *groups = json_array(), *risk = json_array();
    *out = NULL;
    if (!inds || !crits || !groups || !risk)
        goto nomem;
    for (size_t i = 0; i < sc->ninds; i++) {
        json_t *j = ind_json(sc, &sc->inds[i]);
        if (!j || json_array_append_new(inds, j))
            goto nomem;
        if (sc->inds[i].has_target && sc->inds[i].trend.status == SCORE_AT_RISK &&
            json_array_append_new(risk, json_string(sc->inds[i].code)))
            goto nomem;
    }
    for (size_t i = 0; i < sc->ncrits; i++) {
        json_t *j = crit_json(&sc->crits[i]);
        if (!j || json_array_append_new(crits, j))
            goto nomem;
    }
    for (size_t i = 0; i < sc->ngroups; i++) {
        json_t *j = json_pack("{s:s, s:o, s:o, s:o}", "code", sc->groups[i].code, "name",
                              jstr_or_null(sc->groups[i].name), "sum", scoring_sum_json(&sc->groups[i].sum),
                              "sum_self", sc->has_table ? scoring_sum_json(&sc->groups[i].sum_self) : json_null());
        if (!j || json_array_append_new(groups, j))
            goto nomem;
    }
    o = json_pack("{s:I, s:o, s:o, s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:O, s:O, s:O, s:o, s:o, s:O, s:{s:I, s:I, s:I, s:I, s:I}}",
                  "plan_id", (json_int_t)sc->plan_id, "plan", jstr_or_null(sc->plan_title),
                  "org", jstr_or_null(sc->org_name), "period", sc->period,
                  "start", period_date_iso(sc->start, d1), "end", period_date_iso(sc->end, d2),
                  "judged_on", period_date_iso(sc->asof, d3),
                  "method", sc->has_table ? "table: points of the criteria over their maxima"
                                          : "no table: every indicator with a target has maximum 1, points = achievement",
                  "table", sc->has_table ? json_pack("{s:I, s:o}", "id", (json_int_t)sc->table_id, "name",
                                                     jstr_or_null(sc->table_name))
                                         : json_null(),
                  "total", scoring_sum_json(&sc->total), "groups", groups, "indicators", inds, "criteria", crits,
                  "total_self", sc->has_table ? scoring_sum_json(&sc->total_self) : json_null(),
                  "nodata_rule", json_string("no approved data scores 0 points out of its maximum (counted in nodata; "
                                              "completeness = reported / expected beside every index)"),
                  "at_risk", risk,
                  "statuses", "met", (json_int_t)sc->nmet, "on_track", (json_int_t)sc->non_track,
                  "at_risk", (json_int_t)sc->nat_risk, "not_met", (json_int_t)sc->nnot_met,
                  "no_data", (json_int_t)sc->nno_data);
    if (!o)
        goto nomem;
    json_decref(inds);
    json_decref(crits);
    json_decref(groups);
    json_decref(risk);
    *out = o;
    return DTI_OK;
nomem:
    json_decref(inds);
    json_decref(crits);
    json_decref(groups);
    json_decref(risk);
    return app_nomem(e);
}
