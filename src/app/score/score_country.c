/* scoring_country.c — the national ranking; see score_country.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app_util.h"
#include "app/auth/auth.h"
#include "app/score/score.h"
#include "app/score/score_cache.h"
#include "app/score/score_country.h"
#include "app/orgs/orgs.h"
#include "app/score/score_int.h"
#include "app/score/score_memo.h"
#include "base/text.h"
#include "base/vec.h"
#include "core/period.h"
#include "core/rank.h"
#include "store/store_country.h"
#include "store/store_generation.h"
#include "store/store_score.h"

struct crows {
    scoring_country_row *v;
    size_t n, cap;
    int nomem;
};

static int commune_row(void *ctx, const store_row *r)
{
    struct crows *R = ctx;
    if (R->n >= RANK_ITEMS_MAX)
        return 1;
    scoring_country_row *nv = vec_grow(R->v, R->n, &R->cap, sizeof *nv, 256);
    if (!nv) {
        R->nomem = 1;
        return 1;
    }
    R->v = nv;
    scoring_country_row *w = &R->v[R->n];
    memset(w, 0, sizeof *w);
    w->org_id = r->v[0].i;
    w->province_id = r->v[2].t == SV_INT ? r->v[2].i : 0;
    w->plan_id = r->v[4].t == SV_INT ? r->v[4].i : 0;
    /* history keeps the old names; one merged since says what it is now */
    w->name = orgs_label(app_col(r, 1) ? app_col(r, 1) : "", app_col(r, 5));
    w->province = text_dup(app_col(r, 3) ? app_col(r, 3) : "");
    if (!w->name || !w->province) {
        free(w->name);
        free(w->province);
        R->nomem = 1;
        return 1;
    }
    R->n++;
    return 0;
}

/* Every plan's own generation (store_score_plan_gens), by plan id. */
struct pgens {
    int64_t (*v)[2];
    size_t n, cap;
    int nomem;
};

static int pgen_row(void *ctx, const store_row *r)
{
    struct pgens *G = ctx;
    int64_t (*nv)[2] = vec_grow(G->v, G->n, &G->cap, sizeof *nv, 1024);
    if (!nv) {
        G->nomem = 1;
        return 1;
    }
    G->v = nv;
    G->v[G->n][0] = r->v[0].i;
    G->v[G->n][1] = r->v[1].i;
    G->n++;
    return 0;
}

/* PLAN_ID's generation in G (sorted by plan id): 1 and *GEN, else 0. */
static int pgen_of(const struct pgens *G, int64_t plan_id, int64_t *gen)
{
    size_t lo = 0, hi = G->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (G->v[mid][0] < plan_id)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < G->n && G->v[lo][0] == plan_id) {
        *gen = G->v[lo][1];
        return 1;
    }
    return 0;
}

/* The generations the memo of plans' figures (score_memo.h) keys on, read
 * in the caller's read transaction: *OK 0 when this database has none (the
 * figures are then computed, not kept). */
static dti_rc memo_keys(store *s, store_gen *g, int64_t *shared, struct pgens *G, int *ok, dti_err *e)
{
    int found = 0, sfound = 0;
    dti_rc rc;
    *ok = 0;
    if ((rc = store_generation(s, g, &found, e)) || !found)
        return rc;
    if ((rc = store_score_shared_gen(s, shared, &sfound, e)) || !sfound)
        return rc;
    if ((rc = store_score_plan_gens(s, pgen_row, G, e)))
        return rc;
    if (G->nomem)
        return app_nomem(e);
    *ok = 1;
    return DTI_OK;
}

static void crows_release(struct crows *R)
{
    for (size_t i = 0; i < R->n; i++) {
        free(R->v[i].name);
        free(R->v[i].province);
    }
    free(R->v);
    memset(R, 0, sizeof *R);
}

/* The communes in force for period P (code CODE) into R, each with its
 * plan's figure: kept (score_memo.h) while neither the plan's own
 * generation nor the shared one moved, else computed and kept. One read
 * transaction. STOP (may be NULL) is asked before each plan computed: a
 * non-zero answer ends the reading there (DTI_OK, R incomplete: for the
 * warm-up only, which also goes through the communes in reverse). *COMPUTED (may be NULL): the plans computed, not kept. */
static dti_rc plan_sums(app *a, const period *pp, const char *code, struct crows *R, int (*stop)(void *),
                        void *arg, size_t *computed, dti_err *e)
{
    dti_rc rc;
    int memo = 0;
    store_gen g;
    int64_t shared = 0;
    struct pgens G = {NULL, 0, 0, 0};
    period p = *pp;
    if (computed)
        *computed = 0;
    if ((rc = app_read_begin(a, e)))
        return rc;
    char day[PERIOD_DATE_LEN];
    if ((rc = store_country_communes(a->st, p.year, period_date_iso(period_end(&p), day), commune_row, R, e)))
        goto out;
    if (R->nomem) {
        rc = app_nomem(e);
        goto out;
    }
    if ((rc = memo_keys(a->st, &g, &shared, &G, &memo, e)))
        goto out;
    for (size_t k = 0; k < R->n; k++) {
        /* the warm-up goes from the last commune back: a ranking asked
         * meanwhile computes from the first and finds the rest kept */
        size_t i = stop ? R->n - 1 - k : k;
        int64_t pg = 0;
        int keyed;
        if (!R->v[i].plan_id)
            continue;
        keyed = memo && pgen_of(&G, R->v[i].plan_id, &pg);
        if (keyed && score_memo_get(g.uid, R->v[i].plan_id, code, pg, shared, &R->v[i].sum))
            continue;
        if (stop && stop(arg))
            break;
        scoring_result sc;
        rc = scoring_compute_unchecked(a->st, R->v[i].plan_id, code, &sc, e);
        if (rc == DTI_OK) {
            R->v[i].sum = sc.total;
            if (keyed)
                score_memo_put(g.uid, R->v[i].plan_id, code, pg, shared, &sc.total);
            if (computed)
                (*computed)++;
        }
        scoring_release(&sc);
        if (rc)
            goto out;
    }
out:
    app_read_end(a);
    free(G.v);
    return rc;
}

static int by_province(const void *x, const void *y)
{
    const scoring_country_row *a = x, *b = y;
    return a->province_id < b->province_id ? -1 : a->province_id > b->province_id ? 1 : 0;
}

/* Each province's figure over its communes (ROWS sorted by province). */
static dti_rc provinces(scoring_country *c, score_sum *sums, dti_err *e)
{
    for (size_t i = 0; i < c->n;) {
        size_t j = i;
        while (j < c->n && c->rows[j].province_id == c->rows[i].province_id)
            j++;
        scoring_country_prov *nv = realloc(c->provs, (c->nprovs + 1) * sizeof *nv);
        if (!nv)
            return app_nomem(e);
        c->provs = nv;
        scoring_country_prov *p = &c->provs[c->nprovs];
        memset(p, 0, sizeof *p);
        p->id = c->rows[i].province_id;
        p->communes = j - i;
        if (!(p->name = text_dup(c->rows[i].province)))
            return app_nomem(e);
        c->nprovs++;
        for (size_t k = i; k < j; k++)
            sums[k - i] = c->rows[k].sum;
        dti_rc rc = score_province(sums, j - i, c->mode, &p->sum, e);
        if (rc)
            return rc;
        i = j;
    }
    return DTI_OK;
}

dti_rc scoring_country_rank(app *a, const char *code, score_province_mode mode, scoring_country *out, dti_err *e)
{
    dti_rc rc;
    auth_user u;
    period p;
    struct crows R;
    score_sum *sums = NULL;
    rank_item *it = NULL;
    scoring_country_row *sorted = NULL;
    memset(out, 0, sizeof *out);
    memset(&R, 0, sizeof R);
    out->mode = mode;
    if (a->account)
        u = *a->account;
    else if ((rc = app_actor(a, &u, NULL, e)))
        return rc;
    if (u.role != ROLE_ADMIN || !u.active)
        return dti_fail(e, DTI_ERR_PERM, "by", "%s không có quyền xem xếp hạng toàn quốc (chỉ quản trị)",
                        "%s may not see the national ranking (administrators only)", u.name);
    if (!code || period_parse(code, &p) != 0)
        return dti_fail(e, DTI_ERR_INPUT, "period",
                        "kỳ \"%s\" không hợp lệ (dạng 2026-03, 2026-Q1, 2026-H1, 2026)",
                        "\"%s\" is not a period (2026-03, 2026-Q1, 2026-H1, 2026)", code ? code : "");
    period_format(&p, out->period);
    if ((rc = plan_sums(a, &p, out->period, &R, NULL, NULL, NULL, e)))
        goto out;
    out->rows = R.v;
    out->n = R.n;
    R.v = NULL;
    R.n = 0;
    if (!(sums = calloc(out->n ? out->n : 1, sizeof *sums)) || !(it = calloc(out->n ? out->n : 1, sizeof *it)) ||
        !(sorted = calloc(out->n ? out->n : 1, sizeof *sorted))) {
        rc = app_nomem(e);
        goto out;
    }
    for (size_t i = 0; i < out->n; i++)
        sums[i] = out->rows[i].sum;
    if ((rc = score_province(sums, out->n, mode, &out->country, e)))
        goto out;
    /* the provinces' figures (rows by province, a stable order: by id within) */
    qsort(out->rows, out->n, sizeof *out->rows, by_province);
    if ((rc = provinces(out, sums, e)))
        goto out;
    for (size_t i = 0; i < out->n; i++) {
        it[i].name = out->rows[i].name;
        it[i].has_key = out->rows[i].sum.has_value;
        it[i].key = out->rows[i].sum.value;
        it[i].index = i;
    }
    if ((rc = rank_sort(it, out->n, RANK_DESCENDING, e)))
        goto out;
    for (size_t i = 0; i < out->n; i++) {
        sorted[i] = out->rows[it[i].index];
        sorted[i].rank = it[i].rank;
    }
    free(out->rows);
    out->rows = sorted;
    sorted = NULL;
out:
    crows_release(&R);
    free(sums);
    free(it);
    free(sorted);
    return rc;
}

dti_rc scoring_country_warm(app *a, const char *code, int (*stop)(void *), void *arg, size_t *computed,
                            dti_err *e)
{
    period p;
    char pcode[PERIOD_CODE_LEN];
    struct crows R;
    dti_rc rc;
    memset(&R, 0, sizeof R);
    if (computed)
        *computed = 0;
    if (!code || period_parse(code, &p) != 0)
        return dti_fail(e, DTI_ERR_INPUT, "period", "kỳ \"%s\" không hợp lệ", "\"%s\" is not a period",
                        code ? code : "");
    period_format(&p, pcode);
    rc = plan_sums(a, &p, pcode, &R, stop, arg, computed, e);
    crows_release(&R);
    return rc;
}

void scoring_country_release(scoring_country *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++) {
        free(c->rows[i].name);
        free(c->rows[i].province);
    }
    for (size_t i = 0; i < c->nprovs; i++)
        free(c->provs[i].name);
    free(c->rows);
    free(c->provs);
    memset(c, 0, sizeof *c);
}

static json_t *index_of(const score_sum *s)
{
    return s->has_value ? json_real(s->value) : json_null();
}

dti_rc scoring_country_json(const scoring_country *c, json_t **out, dti_err *e)
{
    json_t *rows = json_array(), *provs = json_array(), *o = NULL;
    *out = NULL;
    if (!rows || !provs)
        goto nomem;
    for (size_t i = 0; i < c->n; i++) {
        const scoring_country_row *w = &c->rows[i];
        /* completeness as every sum's (scoring_sum_json, SCORE_NODATA_ZERO):
         * every counted item is expected, those without data not reported */
        size_t expected = w->sum.counted, reported = w->sum.counted >= w->sum.nodata ? w->sum.counted - w->sum.nodata : 0;
        json_t *j = json_pack("{s:i, s:I, s:s, s:o, s:s, s:o, s:o, s:{s:I, s:I, s:o}}", "rank", w->rank, "org_id",
                              (json_int_t)w->org_id, "name", w->name, "province_id",
                              w->province_id ? json_integer(w->province_id) : json_null(), "province", w->province,
                              "plan_id", w->plan_id ? json_integer(w->plan_id) : json_null(), "index",
                              index_of(&w->sum), "completeness", "reported", (json_int_t)reported, "expected",
                              (json_int_t)expected, "rate",
                              expected ? json_real((double)reported / (double)expected) : json_null());
        if (!j || json_array_append_new(rows, j))
            goto nomem;
    }
    for (size_t i = 0; i < c->nprovs; i++) {
        const scoring_country_prov *p = &c->provs[i];
        json_t *j = json_pack("{s:o, s:s, s:I, s:o, s:o}", "id", p->id ? json_integer(p->id) : json_null(), "name",
                              p->name, "communes", (json_int_t)p->communes, "index", index_of(&p->sum), "sum",
                              scoring_sum_json(&p->sum));
        if (!j || json_array_append_new(provs, j))
            goto nomem;
    }
    o = json_pack("{s:s, s:s, s:s, s:o, s:o, s:o}", "ranking", "country", "period", c->period, "province_mode",
                  score_province_mode_name(c->mode), "country", scoring_sum_json(&c->country), "provinces", provs,
                  "rows", rows);
    if (!o)
        return app_nomem(e);
    *out = o;
    return DTI_OK;
nomem:
    json_decref(rows);
    json_decref(provs);
    return app_nomem(e);
}

struct country_ctx {
    app *a;
    const char *period;
    score_province_mode mode;
};

static dti_rc country_fn(store *s, void *ctx, json_t **out, dti_err *e)
{
    struct country_ctx *c = ctx;
    scoring_country sc;
    (void)s;    /* c->a's store */
    dti_rc rc = scoring_country_rank(c->a, c->period, c->mode, &sc, e);
    if (rc == DTI_OK)
        rc = scoring_country_json(&sc, out, e);
    scoring_country_release(&sc);
    return rc;
}

dti_rc scoring_country_text(app *a, const char *code, score_province_mode mode, char **body, size_t *len,
                            int *hit, dti_err *e)
{
    char what[SCORING_CACHE_WHAT_MAX + 8];
    struct country_ctx c = {a, code, mode};
    int n = snprintf(what, sizeof what, "country/rankings?province=%d&period=%s", (int)mode, code ? code : "");
    return scoring_cache_json(a, n > 0 && (size_t)n <= SCORING_CACHE_WHAT_MAX ? what : NULL, country_fn, &c, body,
                              len, hit, e);
}
