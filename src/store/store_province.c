/* store_province.c — SQL of the province's home (store_province.h). */
#include <stdlib.h>
#include <string.h>
#include "base/vec.h"
#include "store/store_province.h"

struct crows {
    store_province_commune *v;
    size_t n, cap, max;
    int nomem, toobig;
};

static int commune_row(void *ctx, const store_row *r)
{
    struct crows *C = ctx;
    if (C->n >= C->max) {
        C->toobig = 1;
        return 1;
    }
    store_province_commune *nv = vec_grow(C->v, C->n, &C->cap, sizeof *nv, 32);
    if (!nv) {
        C->nomem = 1;
        return 1;
    }
    C->v = nv;
    store_province_commune *w = &C->v[C->n];
    memset(w, 0, sizeof *w);
    w->org_id = r->v[0].i;
    w->name = strdup(r->v[1].t == SV_TEXT && r->v[1].s ? r->v[1].s : "");
    w->plan_id = r->v[2].t == SV_INT ? r->v[2].i : 0;
    w->now_name = r->v[3].t == SV_TEXT && r->v[3].s ? strdup(r->v[3].s) : NULL;
    if (!w->name || (r->v[3].t == SV_TEXT && r->v[3].s && !w->now_name)) {
        free(w->name);
        free(w->now_name);
        C->nomem = 1;
        return 1;
    }
    C->n++;
    return 0;
}

dti_rc store_province_communes(store *s, int64_t province, int year, const char *day, size_t max,
                               store_province_commune **out, size_t *n, dti_err *e)
{
    struct crows C;
    memset(&C, 0, sizeof C);
    C.max = max;
    *out = NULL;
    *n = 0;
    /* no day: the live communes under their names now (no ended org is in
     * force after 9999-12-31, no name history or merger reaches it) */
    const char *d = day ? day : "9999-12-31";
    store_val q[] = {SV_T(d), SV_T(d), SV_I(year), SV_I(year), SV_I(province), SV_T(d), SV_T(d)};
    dti_rc rc = store_query(s,
        "SELECT o.id, COALESCE((SELECT n.name FROM org_names n WHERE n.org_id = o.id AND n.valid_from <= ? "
        "AND n.valid_to > ? ORDER BY n.valid_from DESC, n.id DESC LIMIT 1), o.name) AS then_name, "
        "(SELECT p.id FROM plans p WHERE p.org_id = o.id "
        "AND (p.year_from IS NULL OR p.year_from <= ?) AND (p.year_to IS NULL OR p.year_to >= ?) "
        "ORDER BY COALESCE(p.year_to, 9999) - COALESCE(p.year_from, 0), p.id DESC LIMIT 1), "
        "(SELECT so.name FROM org_change_before b JOIN org_changes c ON c.id = b.change_id "
        "JOIN orgs so ON so.id = c.org_after WHERE b.org_id = o.id AND c.kind = 'merge' AND c.org_after <> o.id "
        "ORDER BY c.effective DESC, c.id DESC LIMIT 1) "
        "FROM orgs o WHERE o.parent_id = ? AND o.kind = 'commune' AND (o.valid_to IS NULL OR o.valid_to > ?) "
        "AND NOT EXISTS (SELECT 1 FROM org_changes c WHERE c.org_after = o.id AND c.kind = 'merge' "
        "AND c.effective = o.valid_from AND c.effective > ?) ORDER BY then_name, o.id",
        q, 7, commune_row, &C, e);
    if (!rc && C.nomem)
        rc = dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
    if (!rc && C.toobig)
        rc = dti_fail(e, DTI_ERR_TOOBIG, "province", "tỉnh có quá %zu xã", "a province of over %zu communes", max);
    if (rc) {
        store_province_communes_free(C.v, C.n);
        return rc;
    }
    *out = C.v;
    *n = C.n;
    return DTI_OK;
}

void store_province_communes_free(store_province_commune *v, size_t n)
{
    for (size_t i = 0; v && i < n; i++) {
        free(v[i].name);
        free(v[i].now_name);
    }
    free(v);
}

dti_rc store_province_contacts(store *s, int64_t province, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val q[] = {SV_I(province)};
    return store_query(s,
        "SELECT u.org_id, u.name, u.display_name FROM users u JOIN orgs o ON o.id = u.org_id "
        "WHERE o.parent_id = ? AND o.kind = 'commune' AND u.role = 'coordinator' AND u.active = 1 "
        "ORDER BY u.org_id, u.name", q, 1, fn, ctx, e);
}

dti_rc store_province_commune_due(store *s, int64_t plan_id, const char *code, char **due, dti_err *e)
{
    store_val q[] = {SV_I(plan_id), SV_T(code)};
    *due = NULL;
    return store_query_text(s, "SELECT commune_due FROM periods WHERE plan_id = ? AND code = ?", q, 2, due, e);
}

dti_rc store_province_report_exports(store *s, store_row_fn fn, void *ctx, dti_err *e)
{
    return store_query(s, "SELECT entity_id, at, after_json FROM audit WHERE action = 'export.report' "
                          "AND entity = 'plan' ORDER BY seq", NULL, 0, fn, ctx, e);
}

dti_rc store_province_indicators(store *s, int64_t plan_id, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val q[] = {SV_I(plan_id)};
    return store_query(s, "SELECT code, name FROM indicators WHERE plan_id = ? AND code IS NOT NULL ORDER BY id",
                       q, 1, fn, ctx, e);
}

dti_rc store_province_any_plan(store *s, int64_t province, int64_t *plan_id, int *found, dti_err *e)
{
    store_val q[] = {SV_I(province)};
    *plan_id = 0;
    return store_query_int(s, "SELECT p.id FROM plans p JOIN orgs o ON o.id = p.org_id WHERE o.parent_id = ? "
                              "ORDER BY p.id DESC LIMIT 1", q, 1, plan_id, found, e);
}
