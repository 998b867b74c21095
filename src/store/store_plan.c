/* store_plan.c — plan repository over store.h (any engine).
 *
 * Tables (sql/<engine>/001_plans.sql): documents, plans, plan_groups,
 * indicators, indicator_targets, tasks, task_outputs, assignments. Every
 * list keeps the document's order in a seq column; strings the model holds
 * as NULL are stored as NULL, so a load gives back exactly what was saved.
 * The `x` objects are kept as JSON text verbatim (x.parent_lead stays in
 * x for the round trip, and is linked to orgs as parent_lead assignments). */
#include <stdlib.h>
#include <string.h>
#include "core/period_span.h"
#include "store/store_plan.h"

#define X_FLAGS (JSON_COMPACT | JSON_PRESERVE_ORDER)

static dti_rc nomem(dti_err *e)
{
    return dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
}

/* ---- save ---- */

typedef struct saver {
    store *s;
    const store_plan_in *in;
    int64_t plan_id;
    const char *valid_from;
    int64_t *group_ids;
} saver;

static int64_t group_id_of(const saver *sv, const char *code)
{
    for (size_t i = 0; code && i < sv->in->p->ngroups; i++)
        if (strcmp(sv->in->p->groups[i]->code, code) == 0)
            return sv->group_ids[i];
    return 0;
}

static dti_rc save_name(saver *sv, int64_t ind_id, int64_t task_id, const char *role, size_t seq,
                        const char *name, dti_err *e)
{
    int64_t org = sv->in->org_of ? sv->in->org_of(sv->in->org_ctx, role, name) : 0;
    return store_exec(sv->s,
        "INSERT INTO assignments (plan_id, indicator_id, task_id, org_id, role, seq, name, valid_from)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (store_val[]){SV_I(sv->plan_id), ind_id ? SV_I(ind_id) : SV_NUL(),
                      task_id ? SV_I(task_id) : SV_NUL(), org ? SV_I(org) : SV_NUL(), SV_T(role),
                      SV_I(seq), SV_T(name), SV_T(sv->valid_from)}, 8, e);
}

static dti_rc save_names(saver *sv, int64_t ind_id, int64_t task_id, const char *role, char *const *v,
                         size_t n, dti_err *e)
{
    for (size_t i = 0; i < n; i++) {
        dti_rc rc = save_name(sv, ind_id, task_id, role, i, v[i], e);
        if (rc)
            return rc;
    }
    return DTI_OK;
}

/* x.parent_lead, when it is a list of strings: every one of them (a fixed
 * array here once dropped all names past the 256th without a word). */
static dti_rc save_parent_lead(saver *sv, int64_t ind_id, int64_t task_id, const json_t *x, dti_err *e)
{
    const json_t *pl = json_object_get(x, "parent_lead");
    size_t i, k = 0;
    json_t *v;
    json_array_foreach(pl, i, v) {
        if (!json_is_string(v))
            continue;
        dti_rc rc = save_name(sv, ind_id, task_id, "parent_lead", k++, json_string_value(v), e);
        if (rc)
            return rc;
    }
    return DTI_OK;
}

/* X as JSON text (*OUT NULL for no x). */
static dti_rc x_text(const json_t *x, char **out, dti_err *e)
{
    *out = NULL;
    if (!x)
        return DTI_OK;
    *out = json_dumps(x, X_FLAGS);
    return *out ? DTI_OK : nomem(e);
}

static dti_rc save_indicator(saver *sv, size_t seq, const plan_indicator *d, dti_err *e)
{
    char *x = NULL;
    int64_t id = 0, gid = group_id_of(sv, d->group);
    dti_rc rc = x_text(d->x, &x, e);
    if (rc)
        return rc;
    rc = store_query_int(sv->s,
        "INSERT INTO indicators (plan_id, seq, code, group_id, group_code, name, due, due_text, basis,"
        " action, x) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (store_val[]){SV_I(sv->plan_id), SV_I(seq), SV_T(d->code), gid ? SV_I(gid) : SV_NUL(),
                      SV_T(d->group), SV_T(d->name), SV_T(d->due), SV_T(d->due_text), SV_T(d->basis),
                      SV_T(d->action), SV_T(x)}, 11, &id, NULL, e);
    free(x);
    if (rc)
        return rc;
    for (size_t k = 0; k < d->ntargets; k++) {
        const plan_target *t = &d->targets[k];
        if ((rc = store_exec(sv->s,
                "INSERT INTO indicator_targets (indicator_id, year, op, value, unit, text)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (store_val[]){SV_I(id), SV_I(t->year), SV_T(plan_op_str(t->op)),
                              t->has_value ? SV_R(t->value) : SV_NUL(), SV_T(t->unit ? t->unit : ""),
                              SV_T(t->text)}, 6, e)))
            return rc;
    }
    if ((rc = save_names(sv, id, 0, "lead", d->lead.v, d->lead.n, e)) ||
        (rc = save_names(sv, id, 0, "support", d->support.v, d->support.n, e)) ||
        (rc = save_parent_lead(sv, id, 0, d->x, e)))
        return rc;
    return DTI_OK;
}

static dti_rc save_task(saver *sv, size_t seq, const plan_task *t, dti_err *e)
{
    char *x = NULL;
    int64_t id = 0, gid = group_id_of(sv, t->group);
    dti_rc rc = x_text(t->x, &x, e);
    if (rc)
        return rc;
    rc = store_query_int(sv->s,
        "INSERT INTO tasks (plan_id, seq, code, group_id, group_code, name, due, due_text, funding, x)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (store_val[]){SV_I(sv->plan_id), SV_I(seq), SV_T(t->code), gid ? SV_I(gid) : SV_NUL(),
                      SV_T(t->group), SV_T(t->name), SV_T(t->due), SV_T(t->due_text), SV_T(t->funding),
                      SV_T(x)}, 10, &id, NULL, e);
    free(x);
    if (rc)
        return rc;
    for (size_t k = 0; k < t->outputs.n; k++)
        if ((rc = store_exec(sv->s, "INSERT INTO task_outputs (task_id, seq, text) VALUES (?, ?, ?)",
                             (store_val[]){SV_I(id), SV_I(k), SV_T(t->outputs.v[k])}, 3, e)))
            return rc;
    if ((rc = save_names(sv, 0, id, "lead", t->lead.v, t->lead.n, e)) ||
        (rc = save_names(sv, 0, id, "support", t->support.v, t->support.n, e)) ||
        (rc = save_parent_lead(sv, 0, id, t->x, e)))
        return rc;
    return DTI_OK;
}

/* The years the plan covers: the span its title states ("giai đoạn
 * 2025–2030", core/period_span.h) joined with its targets' years, else the
 * year issued. */
static void plan_years(const plan *p, int64_t *from, int64_t *to)
{
    int sf = 0, st = 0;
    *from = *to = 0;
    if (period_span_parse(p->title, &sf, &st)) {
        *from = sf;
        *to = st;
    }
    for (size_t i = 0; i < p->nindicators; i++)
        for (size_t k = 0; k < p->indicators[i]->ntargets; k++) {
            int y = p->indicators[i]->targets[k].year;
            if (!*from || y < *from)
                *from = y;
            if (y > *to)
                *to = y;
        }
    if (!*from && p->issued && strlen(p->issued) >= 4) {
        char *end = NULL;
        long y = strtol(p->issued, &end, 10);
        if (end == p->issued + 4 && y > 1900 && y < 2200)
            *from = *to = y;
    }
}

dti_rc store_document_find(store *s, const char *sha256, int64_t *doc_id, int64_t *plan_id, dti_err *e)
{
    int found = 0;
    *doc_id = 0;
    if (plan_id)
        *plan_id = 0;
    dti_rc rc = store_query_int(s, "SELECT id FROM documents WHERE sha256 = ?", (store_val[]){SV_T(sha256)},
                                1, doc_id, &found, e);
    if (rc || !found || !plan_id)
        return rc;
    rc = store_query_int(s, "SELECT id FROM plans WHERE document_id = ?", (store_val[]){SV_I(*doc_id)}, 1,
                         plan_id, &found, e);
    if (!found)
        *plan_id = 0;
    return rc;
}

dti_rc store_plan_save(store *s, const store_plan_in *in, int64_t *plan_id, dti_err *e)
{
    const plan *p = in->p;
    char ts[STORE_TS_LEN], day[11];
    char *x = NULL;
    int64_t doc_id = 0, existing = 0, y0, y1;
    saver sv = {s, in, 0, NULL, NULL};
    *plan_id = 0;
    if (in->doc.len > STORE_DOC_MAX_BYTES)
        return dti_fail(e, DTI_ERR_TOOBIG, "document", "tài liệu quá lớn để lưu (%zu byte)",
                        "document too large to keep (%zu bytes)", in->doc.len);
    store_stamp(in->now, ts, day);
    const char *at = ts;
    sv.valid_from = p->issued ? p->issued : day;
    plan_years(p, &y0, &y1);
    if (p->ngroups && !(sv.group_ids = calloc(p->ngroups, sizeof *sv.group_ids)))
        return nomem(e);
    dti_rc rc = x_text(p->x, &x, e);
    if (rc)
        goto out;
    if ((rc = store_begin(s, e)))
        goto out;
    if ((rc = store_document_find(s, in->doc.sha256, &doc_id, &existing, e)))
        goto fail;
    if (existing) {
        rc = dti_fail(e, DTI_ERR_CONFLICT, "document", "tài liệu này đã được nhập (kế hoạch số %lld)",
                      "this document has already been imported (plan %lld)", (long long)existing);
        goto fail;
    }
    if (!doc_id && (rc = store_query_int(s,
            "INSERT INTO documents (sha256, name, size, media_type, bytes, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
            (store_val[]){SV_T(in->doc.sha256), SV_T(in->doc.name ? in->doc.name : ""), SV_I(in->doc.len),
                          SV_T(in->doc.media_type ? in->doc.media_type : "application/octet-stream"),
                          SV_B(in->doc.data ? in->doc.data : "", in->doc.len), SV_T(at)}, 6,
            &doc_id, NULL, e)))
        goto fail;
    if ((rc = store_query_int(s,
            "INSERT INTO plans (org_id, document_id, title, commune, province, number, issued, year_from,"
            " year_to, created_at, created_by, x) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (store_val[]){in->org_id ? SV_I(in->org_id) : SV_NUL(), SV_I(doc_id), SV_T(p->title),
                          SV_T(p->commune), SV_T(p->province), SV_T(p->number), SV_T(p->issued),
                          y0 ? SV_I(y0) : SV_NUL(), y1 ? SV_I(y1) : SV_NUL(), SV_T(at), SV_I(in->user_id),
                          SV_T(x)}, 12, &sv.plan_id, NULL, e)))
        goto fail;
    for (size_t i = 0; i < p->ngroups; i++)
        if ((rc = store_query_int(s, "INSERT INTO plan_groups (plan_id, seq, code, name) VALUES (?, ?, ?, ?)"
                                  " RETURNING id",
                                  (store_val[]){SV_I(sv.plan_id), SV_I(i), SV_T(p->groups[i]->code),
                                                SV_T(p->groups[i]->name)}, 4, &sv.group_ids[i], NULL, e)))
            goto fail;
    for (size_t i = 0; i < p->nindicators; i++)
        if ((rc = save_indicator(&sv, i, p->indicators[i], e)))
            goto fail;
    for (size_t i = 0; i < p->ntasks; i++)
        if ((rc = save_task(&sv, i, p->tasks[i], e)))
            goto fail;
    if ((rc = store_commit(s, e)))
        goto out;
    *plan_id = sv.plan_id;
    goto out;
fail:
    store_rollback(s);
out:
    free(sv.group_ids);
    free(x);
    return rc;
}

/* ---- load ---- */

typedef struct loader {
    plan *p;
    int nomem;
    dti_rc bad;             /* a stored value the model cannot hold */
    int64_t *ind_ids, *task_ids;
    size_t nind_ids, ntask_ids;
} loader;

static char *col_str(const store_row *r, size_t i, int *nomem)
{
    if (i >= r->n || r->v[i].t != SV_TEXT)
        return NULL;
    char *s = strndup(r->v[i].s, r->v[i].n);
    if (!s)
        *nomem = 1;
    return s;
}

static json_t *col_json(const store_row *r, size_t i, int *bad)
{
    if (i >= r->n || r->v[i].t != SV_TEXT)
        return NULL;
    json_t *j = json_loadb(r->v[i].s, r->v[i].n, 0, NULL);
    if (!j)
        *bad = 1;
    return j;
}

static int64_t col_int(const store_row *r, size_t i)
{
    return i < r->n && r->v[i].t == SV_INT ? r->v[i].i : 0;
}

static int load_head(void *ctx, const store_row *r)
{
    loader *L = ctx;
    int bad = 0;
    L->p->title = col_str(r, 0, &L->nomem);
    L->p->commune = col_str(r, 1, &L->nomem);
    L->p->province = col_str(r, 2, &L->nomem);
    L->p->number = col_str(r, 3, &L->nomem);
    L->p->issued = col_str(r, 4, &L->nomem);
    L->p->x = col_json(r, 5, &bad);
    if (bad)
        L->bad = DTI_ERR_STORE;
    return 1;
}

static int load_group(void *ctx, const store_row *r)
{
    loader *L = ctx;
    char *code = col_str(r, 0, &L->nomem), *name = col_str(r, 1, &L->nomem);
    if (!L->nomem && !plan_add_group(L->p, code, name))
        L->nomem = 1;
    free(code);
    free(name);
    return L->nomem;
}

static int push_id(int64_t **v, size_t *n, int64_t id)
{
    int64_t *a = realloc(*v, (*n + 1) * sizeof *a);
    if (!a)
        return -1;
    a[(*n)++] = id;
    *v = a;
    return 0;
}

/* id, code, group_code, name, due, due_text, basis, action, x */
static int load_indicator(void *ctx, const store_row *r)
{
    loader *L = ctx;
    int bad = 0;
    plan_indicator *d = plan_add_indicator(L->p);
    if (!d || push_id(&L->ind_ids, &L->nind_ids, col_int(r, 0))) {
        L->nomem = 1;
        return 1;
    }
    d->code = col_str(r, 1, &L->nomem);
    d->group = col_str(r, 2, &L->nomem);
    d->name = col_str(r, 3, &L->nomem);
    d->due = col_str(r, 4, &L->nomem);
    d->due_text = col_str(r, 5, &L->nomem);
    d->basis = col_str(r, 6, &L->nomem);
    d->action = col_str(r, 7, &L->nomem);
    d->x = col_json(r, 8, &bad);
    if (bad)
        L->bad = DTI_ERR_STORE;
    return L->nomem;
}

/* id, code, group_code, name, due, due_text, funding, x */
static int load_task(void *ctx, const store_row *r)
{
    loader *L = ctx;
    int bad = 0;
    plan_task *t = plan_add_task(L->p);
    if (!t || push_id(&L->task_ids, &L->ntask_ids, col_int(r, 0))) {
        L->nomem = 1;
        return 1;
    }
    t->code = col_str(r, 1, &L->nomem);
    t->group = col_str(r, 2, &L->nomem);
    t->name = col_str(r, 3, &L->nomem);
    t->due = col_str(r, 4, &L->nomem);
    t->due_text = col_str(r, 5, &L->nomem);
    t->funding = col_str(r, 6, &L->nomem);
    t->x = col_json(r, 7, &bad);
    if (bad)
        L->bad = DTI_ERR_STORE;
    return L->nomem;
}

/* Index of ID in V (ids ascend with seq, so binary search), or -1. */
static long find_id(const int64_t *v, size_t n, int64_t id)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid] == id)
            return (long)mid;
        if (v[mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = 0; i < n; i++)  /* ids out of order: a plan edited later */
        if (v[i] == id)
            return (long)i;
    return -1;
}

/* indicator_id, year, op, value, unit, text */
static int load_target(void *ctx, const store_row *r)
{
    loader *L = ctx;
    long at = find_id(L->ind_ids, L->nind_ids, col_int(r, 0));
    int op = r->v[2].t == SV_TEXT ? plan_op_parse(r->v[2].s) : -1;
    if (at < 0 || op < 0) {
        L->bad = DTI_ERR_STORE;
        return 1;
    }
    int has = r->v[3].t == SV_REAL || r->v[3].t == SV_INT;
    double v = r->v[3].t == SV_REAL ? r->v[3].d : (double)r->v[3].i;
    char *unit = col_str(r, 4, &L->nomem), *text = col_str(r, 5, &L->nomem);
    if (!L->nomem && plan_indicator_add_target(L->p->indicators[at], (int)col_int(r, 1), (target_op)op, has,
                                               has ? v : 0, unit, text))
        L->nomem = 1;
    free(unit);
    free(text);
    return L->nomem;
}

/* indicator_id, task_id, role, name */
static int load_assignment(void *ctx, const store_row *r)
{
    loader *L = ctx;
    strlist *lead, *support;
    int64_t ind = col_int(r, 0), task = col_int(r, 1);
    if (ind) {
        long at = find_id(L->ind_ids, L->nind_ids, ind);
        if (at < 0)
            goto bad;
        lead = &L->p->indicators[at]->lead;
        support = &L->p->indicators[at]->support;
    } else {
        long at = find_id(L->task_ids, L->ntask_ids, task);
        if (at < 0)
            goto bad;
        lead = &L->p->tasks[at]->lead;
        support = &L->p->tasks[at]->support;
    }
    if (r->v[2].t != SV_TEXT || r->v[3].t != SV_TEXT)
        goto bad;
    strlist *l = strcmp(r->v[2].s, "lead") == 0 ? lead : strcmp(r->v[2].s, "support") == 0 ? support : NULL;
    if (l && strlist_take(l, strndup(r->v[3].s, r->v[3].n)))
        L->nomem = 1;
    return L->nomem;
bad:
    L->bad = DTI_ERR_STORE;
    return 1;
}

/* task_id, text */
static int load_output(void *ctx, const store_row *r)
{
    loader *L = ctx;
    long at = find_id(L->task_ids, L->ntask_ids, col_int(r, 0));
    if (at < 0 || r->v[1].t != SV_TEXT) {
        L->bad = DTI_ERR_STORE;
        return 1;
    }
    if (strlist_take(&L->p->tasks[at]->outputs, strndup(r->v[1].s, r->v[1].n)))
        L->nomem = 1;
    return L->nomem;
}

static dti_rc load_step(store *s, loader *L, const char *sql, int64_t id, store_row_fn fn, dti_err *e)
{
    dti_rc rc = store_query(s, sql, (store_val[]){SV_I(id)}, 1, fn, L, e);
    if (rc)
        return rc;
    if (L->nomem)
        return nomem(e);
    if (L->bad)
        return dti_fail(e, DTI_ERR_STORE, "", "dữ liệu kế hoạch số %lld trong cơ sở dữ liệu bị hỏng",
                        "the stored data of plan %lld is damaged", (long long)id);
    return DTI_OK;
}

dti_rc store_plan_load(store *s, int64_t id, plan **out, dti_err *e)
{
    loader L = {NULL, 0, DTI_OK, NULL, NULL, 0, 0};
    int64_t have = 0;
    int found = 0;
    *out = NULL;
    dti_rc rc = store_query_int(s, "SELECT id FROM plans WHERE id = ?", (store_val[]){SV_I(id)}, 1, &have,
                                &found, e);
    if (rc)
        return rc;
    if (!found)
        return dti_fail(e, DTI_ERR_NOTFOUND, "plan", "không có kế hoạch số %lld", "no plan %lld",
                        (long long)id);
    if (!(L.p = plan_new()))
        return nomem(e);
    if ((rc = load_step(s, &L, "SELECT title, commune, province, number, issued, x FROM plans WHERE id = ?",
                        id, load_head, e)) ||
        (rc = load_step(s, &L, "SELECT code, name FROM plan_groups WHERE plan_id = ? ORDER BY seq", id,
                        load_group, e)) ||
        (rc = load_step(s, &L, "SELECT id, code, group_code, name, due, due_text, basis, action, x"
                        " FROM indicators WHERE plan_id = ? ORDER BY seq", id, load_indicator, e)) ||
        (rc = load_step(s, &L, "SELECT t.indicator_id, t.year, t.op, t.value, t.unit, t.text"
                        " FROM indicator_targets t JOIN indicators i ON i.id = t.indicator_id"
                        " WHERE i.plan_id = ? ORDER BY i.seq, t.year", id, load_target, e)) ||
        (rc = load_step(s, &L, "SELECT id, code, group_code, name, due, due_text, funding, x"
                        " FROM tasks WHERE plan_id = ? ORDER BY seq", id, load_task, e)) ||
        (rc = load_step(s, &L, "SELECT o.task_id, o.text FROM task_outputs o JOIN tasks t ON t.id = o.task_id"
                        " WHERE t.plan_id = ? ORDER BY t.seq, o.seq", id, load_output, e)) ||
        (rc = load_step(s, &L, "SELECT indicator_id, task_id, role, name FROM assignments"
                        " WHERE plan_id = ? AND valid_to IS NULL ORDER BY seq, id", id, load_assignment, e)))
        goto fail;
    *out = L.p;
    L.p = NULL;
fail:
    plan_free(L.p);
    free(L.ind_ids);
    free(L.task_ids);
    return rc;
}

/* ---- list ---- */

struct plan_rows {
    store_plan_row *v;
    size_t n, cap;
    int nomem;
};

static int plan_row(void *ctx, const store_row *r)
{
    struct plan_rows *R = ctx;
    if (R->n == R->cap) {
        size_t cap = R->cap ? R->cap * 2 : 8;
        store_plan_row *v = realloc(R->v, cap * sizeof *v);
        if (!v) {
            R->nomem = 1;
            return 1;
        }
        R->v = v;
        R->cap = cap;
    }
    store_plan_row *p = &R->v[R->n++];
    memset(p, 0, sizeof *p);
    p->id = col_int(r, 0);
    p->org_id = col_int(r, 1);
    p->document_id = col_int(r, 2);
    p->title = col_str(r, 3, &R->nomem);
    p->commune = col_str(r, 4, &R->nomem);
    p->province = col_str(r, 5, &R->nomem);
    p->number = col_str(r, 6, &R->nomem);
    p->issued = col_str(r, 7, &R->nomem);
    p->document_name = col_str(r, 8, &R->nomem);
    p->created_at = col_str(r, 9, &R->nomem);
    p->ngroups = col_int(r, 10);
    p->nindicators = col_int(r, 11);
    p->ntasks = col_int(r, 12);
    return R->nomem;
}

void store_plan_rows_free(store_plan_row *v, size_t n)
{
    for (size_t i = 0; v && i < n; i++) {
        free(v[i].title); free(v[i].commune); free(v[i].province); free(v[i].number);
        free(v[i].issued); free(v[i].document_name); free(v[i].created_at);
    }
    free(v);
}

dti_rc store_plan_list(store *s, store_plan_row **out, size_t *n, dti_err *e)
{
    struct plan_rows R = {NULL, 0, 0, 0};
    *out = NULL;
    *n = 0;
    dti_rc rc = store_query(s,
        "SELECT p.id, COALESCE(p.org_id, 0), p.document_id, p.title, p.commune, p.province, p.number,"
        " p.issued, d.name, p.created_at,"
        " (SELECT COUNT(*) FROM plan_groups g WHERE g.plan_id = p.id),"
        " (SELECT COUNT(*) FROM indicators i WHERE i.plan_id = p.id),"
        " (SELECT COUNT(*) FROM tasks t WHERE t.plan_id = p.id)"
        " FROM plans p JOIN documents d ON d.id = p.document_id ORDER BY p.id", NULL, 0, plan_row, &R, e);
    if (!rc && R.nomem)
        rc = nomem(e);
    if (rc) {
        store_plan_rows_free(R.v, R.n);
        return rc;
    }
    *out = R.v;
    *n = R.n;
    return DTI_OK;
}

dti_rc store_plan_org(store *s, int64_t id, int64_t *org, int *found, dti_err *e)
{
    *org = 0;
    return store_query_int(s, "SELECT COALESCE(org_id, 0) FROM plans WHERE id = ?", (store_val[]){SV_I(id)}, 1, org,
                           found, e);
}

dti_rc store_plan_head(store *s, int64_t id, store_row_fn fn, void *ctx, dti_err *e)
{
    return store_query(s, "SELECT year_from, year_to, issued, title FROM plans WHERE id = ?", (store_val[]){SV_I(id)},
                       1, fn, ctx, e);
}

dti_rc store_plan_span(store *s, int64_t id, int64_t *span, dti_err *e)
{
    *span = 0;
    return store_query_int(s, "SELECT COALESCE(year_to - year_from, 0) FROM plans WHERE id = ?",
                           (store_val[]){SV_I(id)}, 1, span, NULL, e);
}

dti_rc store_plan_latest_under(store *s, int64_t province, int64_t *id, int *found, dti_err *e)
{
    *id = 0;
    return store_query_int(s, "SELECT p.id FROM plans p JOIN orgs o ON o.id = p.org_id WHERE o.parent_id = ? "
                              "ORDER BY p.id DESC LIMIT 1",
                           (store_val[]){SV_I(province)}, 1, id, found, e);
}
