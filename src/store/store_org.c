/* store_org.c — organisation tree repository over store.h (any engine). */
#include <stdlib.h>
#include <string.h>
#include "store/store_org.h"
#include "base/vec.h"

static const char *const KINDS[] = {"province", "commune", "unit"};

const char *org_kind_str(org_kind k)
{
    return (unsigned)k <= ORG_UNIT ? KINDS[k] : "unit";
}

int org_kind_parse(const char *s)
{
    for (int i = 0; s && i <= ORG_UNIT; i++)
        if (strcmp(s, KINDS[i]) == 0)
            return i;
    return -1;
}

static store_val parent_val(int64_t parent_id)
{
    return parent_id ? SV_I(parent_id) : SV_NUL();
}

dti_rc store_org_find(store *s, int64_t parent_id, const char *key, int64_t *id, dti_err *e)
{
    int found = 0;
    *id = 0;
    dti_rc rc = store_query_int(s,
        "SELECT id FROM orgs WHERE COALESCE(parent_id, 0) = ? AND folded = ? AND valid_to IS NULL",
        (store_val[]){SV_I(parent_id), SV_T(key)}, 2, id, &found, e);
    if (rc || found)
        return rc;
    rc = store_query_int(s,
        "SELECT o.id FROM org_aliases a JOIN orgs o ON o.id = a.org_id"
        " WHERE COALESCE(o.parent_id, 0) = ? AND a.folded = ? AND o.valid_to IS NULL"
        " ORDER BY o.id LIMIT 1",
        (store_val[]){SV_I(parent_id), SV_T(key)}, 2, id, &found, e);
    if (!found)
        *id = 0;
    return rc;
}

dti_rc store_org_create(store *s, int64_t parent_id, org_kind kind, const char *name, const char *key,
                        time_t now, int64_t *id, dti_err *e)
{
    char ts[STORE_TS_LEN], day[11];
    store_stamp(now, ts, day);
    const char *at = ts, *from = day;
    *id = 0;
    dti_rc rc = store_query_int(s,
        "INSERT INTO orgs (parent_id, kind, name, folded, valid_from, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        (store_val[]){parent_val(parent_id), SV_T(org_kind_str(kind)), SV_T(name), SV_T(key),
                      SV_T(from), SV_T(at)}, 6, id, NULL, e);
    if (rc == DTI_ERR_CONFLICT)
        return dti_fail(e, rc, "name", "đã có đơn vị \"%s\" ở cấp này", "there is already an org \"%s\" here",
                        name);
    return rc;
}

dti_rc store_org_ensure(store *s, int64_t parent_id, org_kind kind, const char *name, const char *key,
                        time_t now, int64_t *id, int *created, dti_err *e)
{
    if (created)
        *created = 0;
    dti_rc rc = store_org_find(s, parent_id, key, id, e);
    if (rc || *id)
        return rc;
    if ((rc = store_org_create(s, parent_id, kind, name, key, now, id, e)))
        return rc;
    if (created)
        *created = 1;
    return DTI_OK;
}

dti_rc store_org_add_alias(store *s, int64_t org_id, const char *alias, const char *key, time_t now,
                           dti_err *e)
{
    char ts[STORE_TS_LEN];
    store_stamp(now, ts, NULL);
    const char *at = ts;
    int64_t have = 0;
    int found = 0;
    dti_rc rc = store_query_int(s, "SELECT id FROM org_aliases WHERE org_id = ? AND alias = ?",
                                (store_val[]){SV_I(org_id), SV_T(alias)}, 2, &have, &found, e);
    if (rc || found)
        return rc;
    return store_exec(s, "INSERT INTO org_aliases (org_id, alias, folded, created_at) VALUES (?, ?, ?, ?)",
                      (store_val[]){SV_I(org_id), SV_T(alias), SV_T(key), SV_T(at)}, 4, e);
}

static char *dup_val(const store_val *v, int *nomem)
{
    if (v->t != SV_TEXT)
        return NULL;
    char *r = strndup(v->s, v->n);
    if (!r)
        *nomem = 1;
    return r;
}

void store_org_release(store_org *o)
{
    if (!o)
        return;
    free(o->name);
    free(o->folded);
    free(o->valid_from);
    free(o->valid_to);
    memset(o, 0, sizeof *o);
}

void store_org_list_free(store_org *v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        store_org_release(&v[i]);
    free(v);
}

#define ORG_COLS "id, COALESCE(parent_id, 0), kind, name, folded, valid_from, valid_to"

struct org_rows {
    store_org *v;
    size_t n, cap;
    int nomem;
};

static int org_row(void *ctx, const store_row *row)
{
    struct org_rows *r = ctx;
    store_org *v = vec_grow(r->v, r->n, &r->cap, sizeof *v, 8);
    if (!v) {
        r->nomem = 1;
        return 1;
    }
    r->v = v;
    store_org *o = &r->v[r->n++];
    memset(o, 0, sizeof *o);
    o->id = row->v[0].i;
    o->parent_id = row->v[1].i;
    int k = row->v[2].t == SV_TEXT ? org_kind_parse(row->v[2].s) : -1;
    o->kind = k < 0 ? ORG_UNIT : (org_kind)k;
    o->name = dup_val(&row->v[3], &r->nomem);
    o->folded = dup_val(&row->v[4], &r->nomem);
    o->valid_from = dup_val(&row->v[5], &r->nomem);
    o->valid_to = dup_val(&row->v[6], &r->nomem);
    return r->nomem;
}

dti_rc store_org_get(store *s, int64_t id, store_org *out, dti_err *e)
{
    struct org_rows r = {NULL, 0, 0, 0};
    memset(out, 0, sizeof *out);
    dti_rc rc = store_query(s, "SELECT " ORG_COLS " FROM orgs WHERE id = ?", (store_val[]){SV_I(id)}, 1,
                            org_row, &r, e);
    if (!rc && r.nomem)
        rc = dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
    if (!rc && r.n == 0)
        rc = dti_fail(e, DTI_ERR_NOTFOUND, "org", "không có đơn vị số %lld", "no org %lld", (long long)id);
    if (!rc) {
        *out = r.v[0];
        r.v[0] = (store_org){0};
    }
    store_org_list_free(r.v, r.n);
    return rc;
}

dti_rc store_org_children(store *s, int64_t parent_id, store_org **out, size_t *n, dti_err *e)
{
    struct org_rows r = {NULL, 0, 0, 0};
    *out = NULL;
    *n = 0;
    dti_rc rc = store_query(s, "SELECT " ORG_COLS " FROM orgs WHERE COALESCE(parent_id, 0) = ?"
                            " AND valid_to IS NULL ORDER BY name, id",
                            (store_val[]){SV_I(parent_id)}, 1, org_row, &r, e);
    if (!rc && r.nomem)
        rc = dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
    if (rc) {
        store_org_list_free(r.v, r.n);
        return rc;
    }
    *out = r.v;
    *n = r.n;
    return DTI_OK;
}

dti_rc store_org_alias_count(store *s, int64_t org_id, int64_t *n, dti_err *e)
{
    return store_query_int(s, "SELECT COUNT(*) FROM org_aliases WHERE org_id = ?",
                           (store_val[]){SV_I(org_id)}, 1, n, NULL, e);
}

dti_rc store_org_parent_live(store *s, int64_t org_id, int64_t *parent, int *found, dti_err *e)
{
    *parent = 0;
    return store_query_int(s, "SELECT COALESCE(parent_id, 0) FROM orgs WHERE id = ? AND valid_to IS NULL",
                           (store_val[]){SV_I(org_id)}, 1, parent, found, e);
}

dti_rc store_org_name(store *s, int64_t org_id, char **name, dti_err *e)
{
    return store_query_text(s, "SELECT name FROM orgs WHERE id = ?", (store_val[]){SV_I(org_id)}, 1, name, e);
}

dti_rc store_org_children_aliases(store *s, int64_t parent_id, store_row_fn fn, void *ctx, dti_err *e)
{
    return store_query(s, "SELECT o.id, o.name, a.alias FROM orgs o LEFT JOIN org_aliases a ON a.org_id = o.id "
                          "WHERE o.parent_id = ? AND o.valid_to IS NULL ORDER BY o.name, o.id, a.alias",
                       (store_val[]){SV_I(parent_id)}, 1, fn, ctx, e);
}

dti_rc store_org_names(store *s, int64_t org_id, store_row_fn fn, void *ctx, dti_err *e)
{
    return store_query(s, "SELECT c.name, p.name FROM orgs c LEFT JOIN orgs p ON p.id = c.parent_id WHERE c.id = ?",
                       (store_val[]){SV_I(org_id)}, 1, fn, ctx, e);
}
