/* store_report.c — SQL of the reports (store_report.h), written once for
 * every engine: `?` placeholders, INSERT ... RETURNING id, ON CONFLICT ...
 * DO UPDATE (SQLite 3.24+ and PostgreSQL 9.5+). The statements are those
 * app/report/ ran itself before the store split, unchanged: each function
 * is one statement (store_report_insert with a copy is four, in the
 * caller's transaction). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store/store_int.h"
#include "store/store_report.h"

/* ---- orgs ---- */

dti_rc store_report_org_exists(store *s, int64_t id, int *found, dti_err *e)
{
    int64_t one = 0;
    store_val p[] = {SV_I(id)};
    return store_query_int(s, "SELECT id FROM orgs WHERE id = ?", p, 1, &one, found, e);
}

dti_rc store_report_org_by_key(store *s, int64_t plan_id, const char *key, store_row_fn fn, void *ctx,
                               dti_err *e)
{
    store_val p[] = {SV_I(plan_id), SV_T(key), SV_T(key)};
    return store_query(s, plan_id > 0
        ? "SELECT o.id FROM orgs o, plans p WHERE p.id = ? AND o.valid_to IS NULL AND "
          "(o.id = p.org_id OR o.parent_id = p.org_id) AND (o.folded = ? OR o.id IN "
          "(SELECT org_id FROM org_aliases WHERE folded = ?)) ORDER BY o.id"
        : "SELECT o.id FROM orgs o WHERE ? > -1 AND o.valid_to IS NULL AND (o.folded = ? OR o.id IN "
          "(SELECT org_id FROM org_aliases WHERE folded = ?)) ORDER BY o.id",
        p, 3, fn, ctx, e);
}

dti_rc store_report_org_by_key_under(store *s, const char *place_key, const char *key, store_row_fn fn, void *ctx,
                                     dti_err *e)
{
    store_val p[] = {SV_T(place_key), SV_T(key), SV_T(key)};
    return store_query(s,
        "SELECT o.id FROM orgs o JOIN orgs up ON up.id = o.parent_id WHERE up.folded = ? AND "
        "up.valid_to IS NULL AND o.valid_to IS NULL AND (o.folded = ? OR o.id IN "
        "(SELECT org_id FROM org_aliases WHERE folded = ?)) ORDER BY o.id",
        p, 3, fn, ctx, e);
}

dti_rc store_report_org_by_folded(store *s, const char *folded, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val p[] = {SV_T(folded)};
    return store_query(s, "SELECT id FROM orgs WHERE valid_to IS NULL AND folded = ? ORDER BY id", p, 1, fn, ctx, e);
}

dti_rc store_report_org_name(store *s, int64_t id, char **name, dti_err *e)
{
    store_val p[] = {SV_I(id)};
    return store_query_text(s, "SELECT name FROM orgs WHERE id = ?", p, 1, name, e);
}

dti_rc store_report_org_kind(store *s, int64_t id, char **kind, dti_err *e)
{
    store_val p[] = {SV_I(id)};
    return store_query_text(s, "SELECT kind FROM orgs WHERE id = ?", p, 1, kind, e);
}

dti_rc store_report_org_parent(store *s, int64_t id, int64_t *parent, int *found, dti_err *e)
{
    store_val p[] = {SV_I(id)};
    *parent = 0;
    return store_query_int(s, "SELECT COALESCE(parent_id, 0) FROM orgs WHERE id = ?", p, 1, parent, found, e);
}

dti_rc store_report_plan_org(store *s, int64_t plan_id, int64_t *org, int *found, dti_err *e)
{
    store_val p[] = {SV_I(plan_id)};
    *org = 0;
    return store_query_int(s, "SELECT COALESCE(org_id, 0) FROM plans WHERE id = ?", p, 1, org, found, e);
}

struct plan_gen {
    int64_t gen, shared;
    int found;
};

static int plan_gen_row(void *ctx, const store_row *r)
{
    struct plan_gen *g = ctx;
    g->found = 1;
    g->gen = r->v[0].i;
    g->shared = r->v[1].i;
    return 1;
}

dti_rc store_report_plan_gen(store *s, int64_t plan_id, int64_t *gen, int64_t *shared, int *found, dti_err *e)
{
    struct plan_gen g = {0, 0, 0};
    store_val p[] = {SV_I(plan_id)};
    dti_rc rc = store_query(s, "SELECT g.gen, s.shared FROM plan_generation g, score_generation s "
                               "WHERE g.plan_id = ? AND s.id = 1", p, 1, plan_gen_row, &g, e);
    *gen = g.gen;
    *shared = g.shared;
    *found = rc == DTI_OK && g.found;
    return rc;
}

/* ---- the calendar ---- */

dti_rc store_report_period_count(store *s, int64_t plan_id, int64_t *n, dti_err *e)
{
    store_val p[] = {SV_I(plan_id)};
    *n = 0;
    return store_query_int(s, "SELECT COUNT(*) FROM periods WHERE plan_id = ?", p, 1, n, NULL, e);
}

dti_rc store_report_period_exists(store *s, int64_t plan_id, const char *code, int *found, dti_err *e)
{
    int64_t one = 0;
    store_val p[] = {SV_I(plan_id), SV_T(code)};
    return store_query_int(s, "SELECT 1 FROM periods WHERE plan_id = ? AND code = ?", p, 2, &one, found, e);
}

dti_rc store_report_period_unit_due(store *s, int64_t plan_id, const char *code, char **day, dti_err *e)
{
    /* a regime period, or an ad-hoc or weekly request (store_request.h) */
    store_val p[] = {SV_I(plan_id), SV_T(code), SV_I(plan_id), SV_T(code)};
    return store_query_text(s, "SELECT unit_due FROM periods WHERE plan_id = ? AND code = ? UNION ALL "
                               "SELECT unit_due FROM requests WHERE plan_id = ? AND code = ?", p, 4, day, e);
}

dti_rc store_report_period_end(store *s, int64_t plan_id, const char *code, char **day, dti_err *e)
{
    store_val p[] = {SV_I(plan_id), SV_T(code)};
    return store_query_text(s, "SELECT end_date FROM periods WHERE plan_id = ? AND code = ?", p, 2, day, e);
}

dti_rc store_report_periods(store *s, int64_t plan_id, const char *code, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val p[] = {SV_I(plan_id), SV_T(code)};
    if (code)
        return store_query(s, "SELECT code, start_date, end_date, unit_due FROM periods WHERE plan_id = ? AND code = ?",
                           p, 2, fn, ctx, e);
    return store_query(s, "SELECT code, start_date, end_date, unit_due FROM periods WHERE plan_id = ?", p, 1, fn,
                       ctx, e);
}

/* ---- items and assignments ---- */

dti_rc store_report_item_lookup(store *s, int64_t plan_id, int is_task, const char *code, const char *group_code,
                                int64_t org_id, int year, store_row_fn fn, void *ctx, dti_err *e)
{
    /* the target's row through its id, the one store_report_target picks
     * (that year's, else the nearest later year's, else the latest before:
     * two subqueries that walk the (indicator_id, year) index, so no sort
     * and no temporary table per row; both engines).
     * The assignments are found by the item's index (assignments_indicator
     * or _task: a few rows); the unary + keeps SQLite's planner, which has
     * no statistics, off plan_id's and org_id's (all of a plan's or an
     * org's assignments, scanned for each row). Both engines accept it. */
    static const char *const sql[2][2] = {
        {"SELECT i.id, i.name, "
         "(SELECT COUNT(*) FROM assignments a WHERE +a.plan_id = i.plan_id AND a.indicator_id = i.id "
         "AND +a.org_id = ? AND a.role = 'lead' AND a.valid_to IS NULL), "
         "(SELECT COUNT(*) FROM assignments a WHERE +a.plan_id = i.plan_id AND a.indicator_id = i.id "
         "AND +a.org_id = ? AND a.role = 'support' AND a.valid_to IS NULL), "
         "t.year, t.op, t.value, t.unit, t.text FROM indicators i LEFT JOIN indicator_targets t ON t.id = COALESCE("
         "(SELECT t2.id FROM indicator_targets t2 WHERE t2.indicator_id = i.id AND t2.year >= ? "
         "ORDER BY t2.year LIMIT 1), "
         "(SELECT t2.id FROM indicator_targets t2 WHERE t2.indicator_id = i.id AND t2.year < ? "
         "ORDER BY t2.year DESC LIMIT 1)) "
         "WHERE i.plan_id = ? AND i.code = ? ORDER BY i.seq",
         "SELECT i.id, i.name, "
         "(SELECT COUNT(*) FROM assignments a WHERE +a.plan_id = i.plan_id AND a.indicator_id = i.id "
         "AND +a.org_id = ? AND a.role = 'lead' AND a.valid_to IS NULL), "
         "(SELECT COUNT(*) FROM assignments a WHERE +a.plan_id = i.plan_id AND a.indicator_id = i.id "
         "AND +a.org_id = ? AND a.role = 'support' AND a.valid_to IS NULL), "
         "t.year, t.op, t.value, t.unit, t.text FROM indicators i LEFT JOIN indicator_targets t ON t.id = COALESCE("
         "(SELECT t2.id FROM indicator_targets t2 WHERE t2.indicator_id = i.id AND t2.year >= ? "
         "ORDER BY t2.year LIMIT 1), "
         "(SELECT t2.id FROM indicator_targets t2 WHERE t2.indicator_id = i.id AND t2.year < ? "
         "ORDER BY t2.year DESC LIMIT 1)) "
         "WHERE i.plan_id = ? AND i.code = ? AND i.group_code = ? ORDER BY i.seq"},
        {"SELECT t.id, t.name, "
         "(SELECT COUNT(*) FROM assignments a WHERE +a.plan_id = t.plan_id AND a.task_id = t.id "
         "AND +a.org_id = ? AND a.role = 'lead' AND a.valid_to IS NULL), "
         "(SELECT COUNT(*) FROM assignments a WHERE +a.plan_id = t.plan_id AND a.task_id = t.id "
         "AND +a.org_id = ? AND a.role = 'support' AND a.valid_to IS NULL), "
         "NULL, NULL, NULL, NULL, NULL FROM tasks t WHERE t.plan_id = ? AND t.code = ? ORDER BY t.seq",
         "SELECT t.id, t.name, "
         "(SELECT COUNT(*) FROM assignments a WHERE +a.plan_id = t.plan_id AND a.task_id = t.id "
         "AND +a.org_id = ? AND a.role = 'lead' AND a.valid_to IS NULL), "
         "(SELECT COUNT(*) FROM assignments a WHERE +a.plan_id = t.plan_id AND a.task_id = t.id "
         "AND +a.org_id = ? AND a.role = 'support' AND a.valid_to IS NULL), "
         "NULL, NULL, NULL, NULL, NULL FROM tasks t WHERE t.plan_id = ? AND t.code = ? "
         "AND t.group_code = ? ORDER BY t.seq"}};
    store_val pi[] = {SV_I(org_id), SV_I(org_id), SV_I(year), SV_I(year), SV_I(plan_id), SV_T(code), SV_T(group_code)};
    store_val pt[] = {SV_I(org_id), SV_I(org_id), SV_I(plan_id), SV_T(code), SV_T(group_code)};
    if (is_task)
        return store_query(s, sql[1][group_code ? 1 : 0], pt, group_code ? 5 : 4, fn, ctx, e);
    return store_query(s, sql[0][group_code ? 1 : 0], pi, group_code ? 7 : 6, fn, ctx, e);
}

/* ---- the item memo (store_report_item_lookup_at) ---- */

#define MEMO_COLS 9     /* the look-up's columns */

struct memo_ent {
    int used;
    int64_t gen, shared, plan_id, org_id;
    int is_task, year;
    char *code, *group;         /* owned; group NULL for none */
    size_t nrows;
    store_val v[STORE_ITEM_MEMO_ROWS][MEMO_COLS];   /* texts owned */
};

struct memo_fill {
    struct memo_ent *m;
    int over;       /* more rows than kept, or out of memory */
    store_row_fn fn;
    void *ctx;
    int stopped;
};

static void memo_ent_clear(struct memo_ent *m)
{
    for (size_t r = 0; r < m->nrows; r++)
        for (size_t c = 0; c < MEMO_COLS; c++)
            if (m->v[r][c].t == SV_TEXT || m->v[r][c].t == SV_BLOB)
                free((char *)m->v[r][c].s);
    free(m->code);
    free(m->group);
    memset(m, 0, sizeof *m);
}

void store_report_memo_free(store *s)
{
    struct memo_ent *t = s->item_memo;
    if (!t)
        return;
    for (size_t i = 0; i < STORE_ITEM_MEMO; i++)
        memo_ent_clear(&t[i]);
    free(t);
    s->item_memo = NULL;
}

static int memo_row(void *ctx, const store_row *row)
{
    struct memo_fill *f = ctx;
    struct memo_ent *m = f->m;
    if (!f->over && (m->nrows == STORE_ITEM_MEMO_ROWS || row->n != MEMO_COLS))
        f->over = 1;
    if (!f->over) {
        store_val *v = m->v[m->nrows++];
        for (size_t c = 0; c < MEMO_COLS; c++) {
            v[c] = row->v[c];
            if (v[c].t == SV_TEXT || v[c].t == SV_BLOB) {
                char *copy = malloc(v[c].n + 1);
                if (!copy) {
                    v[c] = SV_NUL();
                    f->over = 1;
                    continue;
                }
                memcpy(copy, row->v[c].s, v[c].n);
                copy[v[c].n] = 0;
                v[c].s = copy;
            }
        }
    }
    if (!f->stopped && f->fn(f->ctx, row))
        f->stopped = 1;
    return f->stopped && f->over;
}

static size_t memo_slot(int64_t plan_id, int is_task, const char *code, const char *group, int64_t org_id, int year)
{
    uint64_t h = 1469598103934665603ull;
    const int64_t k[4] = {plan_id, is_task, org_id, year};
    for (size_t i = 0; i < 4; i++)
        h = (h ^ (uint64_t)k[i]) * 1099511628211ull;
    for (const char *p = code; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ull;
    h = (h ^ '/') * 1099511628211ull;
    for (const char *p = group ? group : ""; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ull;
    return (size_t)(h % STORE_ITEM_MEMO);
}

dti_rc store_report_item_lookup_at(store *s, int64_t gen, int64_t shared, int64_t plan_id, int is_task,
                                   const char *code, const char *group_code, int64_t org_id, int year,
                                   store_row_fn fn, void *ctx, dti_err *e)
{
    if (!s->item_memo && !(s->item_memo = calloc(STORE_ITEM_MEMO, sizeof(struct memo_ent))))
        return store_report_item_lookup(s, plan_id, is_task, code, group_code, org_id, year, fn, ctx, e);
    struct memo_ent *m = &((struct memo_ent *)s->item_memo)[memo_slot(plan_id, is_task, code, group_code, org_id,
                                                                        year)];
    if (m->used && m->gen == gen && m->shared == shared && m->plan_id == plan_id && m->org_id == org_id &&
        m->is_task == is_task && m->year == year && strcmp(m->code, code) == 0 &&
        (group_code ? m->group && strcmp(m->group, group_code) == 0 : !m->group)) {
        for (size_t r = 0; r < m->nrows; r++) {
            store_row row = {MEMO_COLS, m->v[r]};
            if (fn(ctx, &row))
                break;
        }
        return DTI_OK;
    }
    memo_ent_clear(m);
    struct memo_fill f = {m, 0, fn, ctx, 0};
    m->code = strdup(code);
    m->group = group_code ? strdup(group_code) : NULL;
    if (!m->code || (group_code && !m->group))
        f.over = 1;
    dti_rc rc = store_report_item_lookup(s, plan_id, is_task, code, group_code, org_id, year, memo_row, &f, e);
    if (rc || f.over) {
        memo_ent_clear(m);
        return rc;
    }
    m->used = 1;
    m->gen = gen;
    m->shared = shared;
    m->plan_id = plan_id;
    m->org_id = org_id;
    m->is_task = is_task;
    m->year = year;
    return DTI_OK;
}

dti_rc store_report_item_assigned(store *s, int64_t plan_id, int is_task, const char *code, int64_t org_id,
                                  int64_t *id, int *found, dti_err *e)
{
    store_val p[] = {SV_I(plan_id), SV_T(code), SV_I(org_id)};
    *id = 0;
    return store_query_int(s, is_task
                                  ? "SELECT t.id FROM tasks t WHERE t.plan_id = ? AND t.code = ? AND EXISTS "
                                    "(SELECT 1 FROM assignments a WHERE a.task_id = t.id AND a.org_id = ? "
                                    "AND a.valid_to IS NULL) ORDER BY t.seq"
                                  : "SELECT i.id FROM indicators i WHERE i.plan_id = ? AND i.code = ? AND EXISTS "
                                    "(SELECT 1 FROM assignments a WHERE a.indicator_id = i.id AND a.org_id = ? "
                                    "AND a.valid_to IS NULL) ORDER BY i.seq",
                           p, 3, id, found, e);
}

dti_rc store_report_target(store *s, int64_t indicator_id, int year, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val p[] = {SV_I(indicator_id), SV_I(year), SV_I(year)};
    return store_query(s, "SELECT year, op, value, unit, text FROM indicator_targets WHERE indicator_id = ? "
                          "ORDER BY CASE WHEN year >= ? THEN 0 ELSE 1 END, ABS(year - ?) LIMIT 1",
                       p, 3, fn, ctx, e);
}

/* ---- reports ---- */

dti_rc store_report_find(store *s, int64_t plan_id, int64_t org_id, const char *period, int version,
                         store_row_fn fn, void *ctx, dti_err *e)
{
    store_val p[] = {SV_I(plan_id), SV_I(org_id), SV_T(period), SV_I(version)};
    return store_query(s, version > 0
                              ? "SELECT id, version, state, submitted_at FROM reports WHERE plan_id = ? "
                                "AND org_id = ? AND period = ? AND version = ?"
                              : "SELECT id, version, state, submitted_at FROM reports WHERE plan_id = ? "
                                "AND org_id = ? AND period = ? AND ? = 0 ORDER BY version DESC LIMIT 1",
                       p, 4, fn, ctx, e);
}

dti_rc store_report_versions(store *s, int64_t plan_id, int64_t org_id, const char *period, store_row_fn fn,
                             void *ctx, dti_err *e)
{
    store_val p[] = {SV_I(plan_id), SV_I(org_id), SV_T(period)};
    return store_query(s, "SELECT id, version, state, created_at, submitted_at, returned_at, approved_at, "
                          "reason FROM reports WHERE plan_id = ? AND org_id = ? AND period = ? "
                          "ORDER BY version", p, 3, fn, ctx, e);
}

dti_rc store_report_version_stats(store *s, int64_t plan_id, int64_t org_id, const char *period, int64_t *n,
                                  char **first, dti_err *e)
{
    dti_rc rc;
    store_val p[] = {SV_I(plan_id), SV_I(org_id), SV_T(period)};
    if (n && (rc = store_query_int(s, "SELECT COUNT(*) FROM reports WHERE plan_id = ? AND org_id = ? AND period = ?",
                                   p, 3, n, NULL, e)))
        return rc;
    if (first)
        return store_query_text(s, "SELECT MIN(submitted_at) FROM reports WHERE plan_id = ? AND org_id = ? "
                                   "AND period = ?", p, 3, first, e);
    return DTI_OK;
}

dti_rc store_report_head(store *s, int64_t id, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val p[] = {SV_I(id)};
    return store_query(s, "SELECT id, plan_id, org_id, period, version, state, submitted_at, "
                          "returned_at, approved_at, reason, results, difficulties, proposals, self_approved "
                          "FROM reports WHERE id = ?", p, 1, fn, ctx, e);
}

dti_rc store_report_values(store *s, int64_t id, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val p[] = {SV_I(id)};
    return store_query(s, "SELECT i.code, v.numerator, v.denominator, v.value, v.met, v.note "
                          "FROM report_values v JOIN indicators i ON i.id = v.indicator_id "
                          "WHERE v.report_id = ? ORDER BY i.seq", p, 1, fn, ctx, e);
}

dti_rc store_report_tasks(store *s, int64_t id, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val p[] = {SV_I(id)};
    return store_query(s, "SELECT t.code, r.status, r.percent, r.products, r.note "
                          "FROM report_tasks r JOIN tasks t ON t.id = r.task_id "
                          "WHERE r.report_id = ? ORDER BY t.seq", p, 1, fn, ctx, e);
}

dti_rc store_report_heads_between(store *s, int64_t lo, int64_t hi, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val p[] = {SV_I(lo), SV_I(hi)};
    return store_query(s, "SELECT id, plan_id, org_id, period, version, state, submitted_at, "
                          "returned_at, approved_at, reason, results, difficulties, proposals, self_approved "
                          "FROM reports WHERE id BETWEEN ? AND ? ORDER BY id", p, 2, fn, ctx, e);
}

dti_rc store_report_values_between(store *s, int64_t lo, int64_t hi, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val p[] = {SV_I(lo), SV_I(hi)};
    return store_query(s, "SELECT i.code, v.numerator, v.denominator, v.value, v.met, v.note, v.report_id "
                          "FROM report_values v JOIN indicators i ON i.id = v.indicator_id "
                          "WHERE v.report_id BETWEEN ? AND ? ORDER BY v.report_id, i.seq", p, 2, fn, ctx, e);
}

dti_rc store_report_tasks_between(store *s, int64_t lo, int64_t hi, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val p[] = {SV_I(lo), SV_I(hi)};
    return store_query(s, "SELECT t.code, r.status, r.percent, r.products, r.note, r.report_id "
                          "FROM report_tasks r JOIN tasks t ON t.id = r.task_id "
                          "WHERE r.report_id BETWEEN ? AND ? ORDER BY r.report_id, t.seq", p, 2, fn, ctx, e);
}

dti_rc store_report_insert(store *s, const store_report_new *n, int64_t *id, dti_err *e)
{
    dti_rc rc;
    int64_t old = n->copy_of;
    store_val p[] = {SV_I(n->plan_id), SV_I(n->org_id), SV_T(n->period), SV_I(n->version), SV_T(n->state),
                     SV_T(n->at), SV_I(n->by), SV_T(n->at), SV_T(n->returned_at), SV_T(n->reason), SV_I(old)};
    /* a new version starts as a copy of the approved one's texts */
    if ((rc = store_query_int(s, old
                                  ? "INSERT INTO reports (plan_id, org_id, period, version, state, created_at, "
                                    "created_by, updated_at, returned_at, reason, results, difficulties, "
                                    "proposals) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, results, difficulties, "
                                    "proposals FROM reports WHERE id = ? RETURNING id"
                                  : "INSERT INTO reports (plan_id, org_id, period, version, state, created_at, "
                                    "created_by, updated_at, returned_at, reason) VALUES (?, ?, ?, ?, ?, ?, ?, "
                                    "?, ?, ?) RETURNING id",
                              p, old ? 11 : 10, id, NULL, e)))
        return rc;
    if (!old)
        return DTI_OK;
    store_val q[] = {SV_I(*id), SV_I(old)};
    if ((rc = store_exec(s, "INSERT INTO report_values (report_id, indicator_id, numerator, denominator, "
                            "value, met, note) SELECT ?, indicator_id, numerator, denominator, value, met, "
                            "note FROM report_values WHERE report_id = ?", q, 2, e)) ||
        (rc = store_exec(s, "INSERT INTO report_tasks (report_id, task_id, status, percent, products, note) "
                            "SELECT ?, task_id, status, percent, products, note FROM report_tasks "
                            "WHERE report_id = ?", q, 2, e)))
        return rc;
    return store_exec(s, "INSERT INTO evidence (sha256, name, report_id, indicator_id, task_id, checked, "
                         "checked_by, attached_by, created_at) SELECT sha256, name, ?, indicator_id, "
                         "task_id, checked, checked_by, attached_by, created_at FROM evidence "
                         "WHERE report_id = ?", q, 2, e);
}

static store_val opt_num(int has, double v)
{
    return has ? SV_R(v) : SV_NUL();
}

dti_rc store_report_value_put(store *s, int64_t id, const store_report_value *v, dti_err *e)
{
    store_val q[] = {SV_I(id), SV_I(v->indicator_id), opt_num(v->has_num, v->num), opt_num(v->has_den, v->den),
                     opt_num(v->has_val, v->val), v->met >= 0 ? SV_I(v->met) : SV_NUL(), SV_T(v->note)};
    /* engine: ON CONFLICT ... DO UPDATE with excluded (SQLite 3.24+, PostgreSQL 9.5+) and a WHERE
     * with IS DISTINCT FROM (SQLite 3.39+): a row written back unchanged (a form saved again with
     * most of its rows as they were) is not rewritten, so it fires no trigger and dirties no page */
    return store_exec(s, "INSERT INTO report_values (report_id, indicator_id, numerator, denominator, "
                         "value, met, note) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (report_id, "
                         "indicator_id) DO UPDATE SET numerator = excluded.numerator, denominator = "
                         "excluded.denominator, value = excluded.value, met = excluded.met, note = "
                         "excluded.note WHERE report_values.numerator IS DISTINCT FROM excluded.numerator "
                         "OR report_values.denominator IS DISTINCT FROM excluded.denominator OR "
                         "report_values.value IS DISTINCT FROM excluded.value OR report_values.met IS "
                         "DISTINCT FROM excluded.met OR report_values.note IS DISTINCT FROM excluded.note",
                      q, 7, e);
}

dti_rc store_report_task_put(store *s, int64_t id, int64_t task_id, const char *status, int has_pct, double pct,
                             const char *products, const char *note, dti_err *e)
{
    store_val q[] = {SV_I(id), SV_I(task_id), SV_T(status), opt_num(has_pct, pct), SV_T(products), SV_T(note)};
    /* engine: ON CONFLICT ... DO UPDATE with excluded, unchanged rows not rewritten (as above) */
    return store_exec(s, "INSERT INTO report_tasks (report_id, task_id, status, percent, products, note) "
                         "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (report_id, task_id) DO UPDATE SET "
                         "status = excluded.status, percent = excluded.percent, products = "
                         "excluded.products, note = excluded.note WHERE report_tasks.status IS DISTINCT "
                         "FROM excluded.status OR report_tasks.percent IS DISTINCT FROM excluded.percent "
                         "OR report_tasks.products IS DISTINCT FROM excluded.products OR "
                         "report_tasks.note IS DISTINCT FROM excluded.note", q, 6, e);
}

dti_rc store_report_text_set(store *s, int64_t id, store_report_text which, const char *text, dti_err *e)
{
    static const char *const sql[3] = {"UPDATE reports SET results = ? WHERE id = ?",
                                       "UPDATE reports SET difficulties = ? WHERE id = ?",
                                       "UPDATE reports SET proposals = ? WHERE id = ?"};
    store_val q[] = {SV_T(text), SV_I(id)};
    if ((unsigned)which > STORE_REPORT_PROPOSALS)
        return dti_fail(e, DTI_ERR_INTERNAL, NULL, "văn bản báo cáo không rõ", "unknown report text");
    return store_exec(s, sql[which], q, 2, e);
}

dti_rc store_report_touch(store *s, int64_t id, const char *at, dti_err *e)
{
    store_val q[] = {SV_T(at), SV_I(id)};
    return store_exec(s, "UPDATE reports SET updated_at = ? WHERE id = ?", q, 2, e);
}

dti_rc store_report_entries(store *s, int64_t id, int64_t *values, int64_t *tasks, int64_t *texts, dti_err *e)
{
    dti_rc rc;
    store_val q[] = {SV_I(id)};
    *values = *tasks = *texts = 0;
    if ((rc = store_query_int(s, "SELECT COUNT(*) FROM report_values WHERE report_id = ?", q, 1, values, NULL, e)) ||
        (rc = store_query_int(s, "SELECT COUNT(*) FROM report_tasks WHERE report_id = ?", q, 1, tasks, NULL, e)))
        return rc;
    return store_query_int(s, "SELECT COUNT(*) FROM reports WHERE id = ? AND (results IS NOT NULL "
                              "OR difficulties IS NOT NULL OR proposals IS NOT NULL)", q, 1, texts, NULL, e);
}

dti_rc store_report_missing(store *s, int64_t plan_id, int64_t org_id, int64_t id, int64_t *n, dti_err *e)
{
    store_val w[] = {SV_I(plan_id), SV_I(org_id), SV_I(id), SV_I(id)};
    *n = 0;
    return store_query_int(s,
        "SELECT COUNT(DISTINCT COALESCE(a.indicator_id, -a.task_id)) FROM assignments a "
        "WHERE a.plan_id = ? AND a.org_id = ? AND a.role = 'lead' AND a.valid_to IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM report_values v WHERE v.report_id = ? AND "
        "v.indicator_id = a.indicator_id) AND NOT EXISTS (SELECT 1 FROM report_tasks t "
        "WHERE t.report_id = ? AND t.task_id = a.task_id)", w, 4, n, NULL, e);
}

dti_rc store_report_authored(store *s, int64_t id, int64_t user_id, int64_t *n, dti_err *e)
{
    char eid[24];
    snprintf(eid, sizeof eid, "%lld", (long long)id);
    store_val q[] = {SV_I(id), SV_I(user_id), (store_val){SV_TEXT, 0, 0, eid, strlen(eid)}, SV_I(user_id), SV_I(id), SV_I(user_id)};
    *n = 0;
    return store_query_int(s,
        "SELECT (SELECT COUNT(*) FROM reports WHERE id = ? AND submitted_by = ?) + (SELECT COUNT(*) FROM "
        "audit WHERE entity = 'report' AND entity_id = ? AND user_id = ? AND action IN ('report.create', "
        "'report.new_version', 'report.fill', 'report.submit')) + (SELECT COUNT(*) FROM evidence WHERE "
        "report_id = ? AND attached_by = ?)", q, 6, n, NULL, e);
}

dti_rc store_report_mark_submitted(store *s, int64_t id, const char *state, const char *at, int64_t by,
                                   const char *reason, dti_err *e)
{
    store_val q[] = {SV_T(state), SV_T(at), SV_T(at), SV_I(by), SV_T(reason), SV_I(id)};
    return store_exec(s, "UPDATE reports SET state = ?, updated_at = ?, submitted_at = "
                         "COALESCE(submitted_at, ?), submitted_by = COALESCE(submitted_by, ?), "
                         "reason = COALESCE(?, reason) WHERE id = ?", q, 6, e);
}

dti_rc store_report_mark_reviewed(store *s, int64_t id, const char *state, int approved, const char *at,
                                  int64_t by, const char *reason, int self, dti_err *e)
{
    store_val q[] = {SV_T(state), SV_T(at), SV_T(at), SV_I(by), SV_T(reason), SV_I(self), SV_I(id)};
    return store_exec(s, approved
                             ? "UPDATE reports SET state = ?, updated_at = ?, approved_at = ?, reviewed_by = ?, "
                               "reason = COALESCE(?, reason), self_approved = ? WHERE id = ?"
                             : "UPDATE reports SET state = ?, updated_at = ?, returned_at = ?, reviewed_by = ?, "
                               "reason = COALESCE(?, reason), self_approved = ? WHERE id = ?",
                      q, 7, e);
}

dti_rc store_report_unsubmit(store *s, int64_t id, const char *at, dti_err *e)
{
    store_val q[] = {SV_T(at), SV_I(id)};
    return store_exec(s, "UPDATE reports SET state = 'draft', updated_at = ?, submitted_at = NULL, "
                         "submitted_by = NULL WHERE id = ? AND state = 'submitted'", q, 2, e);
}

/* ---- self-approval ---- */

dti_rc store_report_self_approval_get(store *s, int64_t org_id, int64_t *allow, int *found, dti_err *e)
{
    int f = 0;
    store_val q[] = {SV_I(org_id)};
    *allow = 0;
    dti_rc rc = store_query_int(s, "SELECT allow_self_approval FROM org_review_settings WHERE org_id = ?", q, 1,
                                allow, &f, e);
    if (found)
        *found = f;
    return rc;
}

dti_rc store_report_self_approval_put(store *s, int64_t org_id, int allow, int64_t by, const char *at,
                                      const char *reason, dti_err *e)
{
    store_val w[] = {SV_I(org_id), SV_I(allow ? 1 : 0), SV_I(by), SV_T(at), SV_T(reason)};
    /* engine: ON CONFLICT ... DO UPDATE with excluded */
    return store_exec(s, "INSERT INTO org_review_settings (org_id, allow_self_approval, set_by, set_at, reason) "
                         "VALUES (?, ?, ?, ?, ?) ON CONFLICT (org_id) DO UPDATE SET allow_self_approval = "
                         "excluded.allow_self_approval, set_by = excluded.set_by, set_at = excluded.set_at, "
                         "reason = excluded.reason", w, 5, e);
}

/* ---- report_show ---- */

dti_rc store_report_show_values(store *s, int64_t plan_id, int64_t org_id, int64_t id, store_row_fn fn, void *ctx,
                                dti_err *e)
{
    store_val p[] = {SV_I(plan_id), SV_I(org_id), SV_I(id)};
    return store_query(s, "SELECT i.code, i.name, v.numerator, v.denominator, v.value, v.met, v.note, "
                          "(SELECT MIN(a.role) FROM assignments a WHERE a.plan_id = ? AND a.indicator_id = "
                          "i.id AND a.org_id = ? AND a.valid_to IS NULL) FROM report_values v JOIN "
                          "indicators i ON i.id = v.indicator_id WHERE v.report_id = ? ORDER BY i.seq",
                       p, 3, fn, ctx, e);
}

dti_rc store_report_show_tasks(store *s, int64_t id, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val p[] = {SV_I(id)};
    return store_query(s, "SELECT t.code, t.name, r.status, r.percent, r.products, r.note FROM report_tasks r "
                          "JOIN tasks t ON t.id = r.task_id WHERE r.report_id = ? ORDER BY t.seq", p, 1, fn, ctx, e);
}

dti_rc store_report_show_evidence(store *s, int64_t plan_id, int64_t org_id, int64_t id, store_row_fn fn,
                                  void *ctx, dti_err *e)
{
    store_val p[] = {SV_I(id), SV_I(plan_id), SV_I(id), SV_I(org_id), SV_I(plan_id), SV_I(org_id), SV_I(plan_id),
                     SV_I(org_id)};
    return store_query(s,
        "SELECT v.id, v.name, v.sha256, f.size, f.media_type, i.code, t.code, v.checked, "
        "o.name FROM evidence v JOIN evidence_files f ON f.sha256 = v.sha256 JOIN reports r "
        "ON r.id = v.report_id JOIN orgs o ON o.id = r.org_id LEFT JOIN indicators i ON "
        "i.id = v.indicator_id LEFT JOIN tasks t ON t.id = v.task_id WHERE v.report_id = ? "
        "OR (v.id IN (SELECT v2.id FROM evidence v2 JOIN reports r2 ON r2.id = v2.report_id "
        "WHERE r2.plan_id = ? AND r2.period = (SELECT period FROM reports WHERE id = ?) "
        "AND r2.org_id <> ? AND r2.version = (SELECT MAX(version) FROM reports r3 WHERE "
        "r3.plan_id = r2.plan_id AND r3.org_id = r2.org_id AND r3.period = r2.period) AND "
        "(v2.indicator_id IN (SELECT indicator_id FROM assignments WHERE plan_id = ? AND "
        "org_id = ? AND role = 'lead' AND valid_to IS NULL) OR v2.task_id IN (SELECT "
        "task_id FROM assignments WHERE plan_id = ? AND org_id = ? AND role = 'lead' AND "
        "valid_to IS NULL)))) ORDER BY v.id", p, 8, fn, ctx, e);
}

dti_rc store_report_show_support(store *s, int64_t plan_id, int64_t org_id, int64_t id, store_row_fn fn,
                                 void *ctx, dti_err *e)
{
    store_val p[] = {SV_I(plan_id), SV_I(org_id), SV_I(id), SV_I(plan_id), SV_I(org_id), SV_I(plan_id),
                     SV_I(org_id)};
    return store_query(s,
        "SELECT o.name, COALESCE(i.code, t.code), CASE WHEN i.code IS NULL THEN 'task' ELSE "
        "'indicator' END, COALESCE(v.note, rt.note), r2.version FROM reports r2 JOIN orgs o "
        "ON o.id = r2.org_id LEFT JOIN report_values v ON v.report_id = r2.id LEFT JOIN "
        "report_tasks rt ON rt.report_id = r2.id AND v.id IS NULL LEFT JOIN indicators i ON "
        "i.id = v.indicator_id LEFT JOIN tasks t ON t.id = rt.task_id WHERE r2.plan_id = ? "
        "AND r2.org_id <> ? AND r2.period = (SELECT period FROM reports WHERE id = ?) AND "
        "r2.version = (SELECT MAX(version) FROM reports r3 WHERE r3.plan_id = r2.plan_id AND "
        "r3.org_id = r2.org_id AND r3.period = r2.period) AND COALESCE(v.note, rt.note) IS "
        "NOT NULL AND (v.indicator_id IN (SELECT indicator_id FROM assignments WHERE plan_id "
        "= ? AND org_id = ? AND role = 'lead' AND valid_to IS NULL) OR rt.task_id IN "
        "(SELECT task_id FROM assignments WHERE plan_id = ? AND org_id = ? AND role = "
        "'lead' AND valid_to IS NULL)) ORDER BY o.name", p, 7, fn, ctx, e);
}

/* ---- completeness, queue ---- */

dti_rc store_report_expected(store *s, int64_t plan_id, const char *period, const char *end, store_row_fn fn,
                             void *ctx, dti_err *e)
{
    store_val q[] = {SV_T(period), SV_T(period), SV_T(period), SV_I(plan_id), SV_T(end), SV_T(end)};
    /* engine: substr() (SQLite and PostgreSQL both have it) */
    return store_query(s,
        "SELECT o.id, o.name, "
        "(SELECT MIN(r.submitted_at) FROM reports r WHERE r.plan_id = a.plan_id AND r.org_id = o.id AND r.period = ?), "
        "(SELECT r.state FROM reports r WHERE r.plan_id = a.plan_id AND r.org_id = o.id AND r.period = ? "
        " ORDER BY r.version DESC LIMIT 1), "
        "(SELECT MAX(r.version) FROM reports r WHERE r.plan_id = a.plan_id AND r.org_id = o.id AND r.period = ?) "
        "FROM assignments a JOIN orgs o ON o.id = a.org_id WHERE a.plan_id = ? AND a.role = 'lead' "
        "AND substr(a.valid_from, 1, 10) <= ? AND (a.valid_to IS NULL OR substr(a.valid_to, 1, 10) > ?) "
        "GROUP BY o.id, o.name, a.plan_id ORDER BY o.name",
        q, 6, fn, ctx, e);
}

dti_rc store_report_queue(store *s, int64_t plan_id, const char *state, const char *period, store_row_fn fn,
                          void *ctx, dti_err *e)
{
    const char *code = period ? period : "";
    store_val v[] = {SV_I(plan_id), SV_T(state), SV_T(code), SV_T(code)};
    /* engine: NULLS LAST (SQLite 3.30+, PostgreSQL): PostgreSQL takes an output
     * column's name in ORDER BY only bare, not inside "first_sub IS NULL" */
    return store_query(s,
        "SELECT r.org_id, o.name, r.period, r.version, r.state, r.submitted_at, "
        "(SELECT MIN(x.submitted_at) FROM reports x WHERE x.plan_id = r.plan_id AND x.org_id = r.org_id "
        " AND x.period = r.period) AS first_sub, COALESCE(pe.unit_due, rq.unit_due), COALESCE(pe.kind, rq.kind) "
        "FROM reports r JOIN orgs o ON o.id = r.org_id "
        "LEFT JOIN periods pe ON pe.plan_id = r.plan_id AND pe.code = r.period "
        "LEFT JOIN requests rq ON rq.plan_id = r.plan_id AND rq.code = r.period "
        "WHERE r.plan_id = ? AND r.state = ? AND (? = '' OR r.period = ?) "
        "AND r.version = (SELECT MAX(y.version) FROM reports y WHERE y.plan_id = r.plan_id "
        " AND y.org_id = r.org_id AND y.period = r.period) "
        "ORDER BY first_sub NULLS LAST, o.name, r.period",
        v, 4, fn, ctx, e);
}

/* ---- evidence ---- */

dti_rc store_report_file_exists(store *s, const char *sha256, int *found, dti_err *e)
{
    int64_t one = 0;
    store_val q[] = {SV_T(sha256)};
    return store_query_int(s, "SELECT 1 FROM evidence_files WHERE sha256 = ?", q, 1, &one, found, e);
}

dti_rc store_report_file_put(store *s, const char *sha256, const void *p, size_t n, const char *media_type,
                             const char *at, dti_err *e)
{
    store_val w[] = {SV_T(sha256), SV_I(n), SV_T(media_type), SV_B(p, n), SV_T(at)};
    return store_exec(s, "INSERT INTO evidence_files (sha256, size, media_type, bytes, created_at) "
                         "VALUES (?, ?, ?, ?, ?)", w, 5, e);
}

dti_rc store_report_evidence_add(store *s, const char *sha256, const char *name, int64_t report_id,
                                 int64_t indicator_id, int64_t task_id, int64_t by, const char *at, int64_t *id,
                                 dti_err *e)
{
    store_val q[] = {SV_T(sha256), SV_T(name), SV_I(report_id), indicator_id ? SV_I(indicator_id) : SV_NUL(),
                     task_id ? SV_I(task_id) : SV_NUL(), SV_I(by), SV_T(at)};
    return store_query_int(s, "INSERT INTO evidence (sha256, name, report_id, indicator_id, task_id, "
                              "checked, attached_by, created_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?) "
                              "RETURNING id", q, 7, id, NULL, e);
}

dti_rc store_report_evidence_state(store *s, int64_t id, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val p[] = {SV_I(id)};
    return store_query(s, "SELECT r.org_id, v.checked FROM evidence v JOIN reports r ON r.id = v.report_id "
                          "WHERE v.id = ?", p, 1, fn, ctx, e);
}

dti_rc store_report_evidence_check(store *s, int64_t id, int checked, int64_t by, dti_err *e)
{
    store_val q[] = {SV_I(checked ? 1 : 0), checked ? SV_I(by) : SV_NUL(), SV_I(id)};
    return store_exec(s, "UPDATE evidence SET checked = ?, checked_by = ? WHERE id = ?", q, 3, e);
}

dti_rc store_report_evidence_file(store *s, int64_t id, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val q[] = {SV_I(id)};
    return store_query(s, "SELECT r.org_id, f.bytes, v.name, f.media_type FROM evidence v JOIN reports r "
                          "ON r.id = v.report_id JOIN evidence_files f ON f.sha256 = v.sha256 WHERE v.id = ?",
                       q, 1, fn, ctx, e);
}

dti_rc store_report_evidence_led_by(store *s, int64_t id, int64_t org_id, int64_t *n, dti_err *e)
{
    store_val w[] = {SV_I(org_id), SV_I(id)};
    *n = 0;
    return store_query_int(s, "SELECT COUNT(*) FROM evidence v JOIN reports r ON r.id = v.report_id "
                              "JOIN assignments a ON a.plan_id = r.plan_id AND a.org_id = ? AND "
                              "a.role = 'lead' AND a.valid_to IS NULL AND (a.indicator_id = "
                              "v.indicator_id OR a.task_id = v.task_id) WHERE v.id = ?",
                           w, 2, n, NULL, e);
}

dti_rc store_report_evidence_checked(store *s, int64_t id, int64_t *n, dti_err *e)
{
    store_val q[] = {SV_I(id)};
    *n = 0;
    return store_query_int(s, "SELECT COUNT(*) FROM evidence WHERE report_id = ? AND checked = 1", q, 1, n, NULL, e);
}
