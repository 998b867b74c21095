/* store_assign.c — plan items and their assignments over store.h (any
 * engine); see store_assign.h. Every statement is in the subset SQLite and
 * PostgreSQL both accept. */
#include <stdlib.h>
#include <string.h>
#include "store/store_assign.h"

dti_rc store_assign_items(store *s, int64_t plan_id, int is_task, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val p[] = {SV_I(plan_id)};
    return store_query(s, is_task ? "SELECT id, code, group_code, name FROM tasks WHERE plan_id = ? ORDER BY seq"
                                  : "SELECT id, code, group_code, name FROM indicators WHERE plan_id = ? ORDER BY seq",
                       p, 1, fn, ctx, e);
}

dti_rc store_assign_in_force(store *s, int64_t plan_id, int is_task, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val p[] = {SV_I(plan_id)};
    return store_query(s, is_task ? "SELECT a.task_id, a.role, a.org_id, o.name, a.name FROM assignments a LEFT JOIN orgs o "
                                    "ON o.id = a.org_id WHERE a.plan_id = ? AND a.task_id IS NOT NULL AND a.valid_to "
                                    "IS NULL AND a.role IN ('lead', 'support') ORDER BY a.role, a.seq, a.id"
                                  : "SELECT a.indicator_id, a.role, a.org_id, o.name, a.name FROM assignments a LEFT "
                                    "JOIN orgs o ON o.id = a.org_id WHERE a.plan_id = ? AND a.indicator_id IS NOT NULL "
                                    "AND a.valid_to IS NULL AND a.role IN ('lead', 'support') ORDER BY a.role, a.seq, a.id",
                       p, 1, fn, ctx, e);
}

dti_rc store_assign_role(store *s, int64_t plan_id, int is_task, int64_t item, const char *role,
                         store_row_fn fn, void *ctx, dti_err *e)
{
    store_val p[] = {SV_I(plan_id), SV_I(item), SV_T(role)};
    return store_query(s, is_task ? "SELECT org_id, name FROM assignments WHERE plan_id = ? AND task_id = ? AND role = ? "
                                    "AND valid_to IS NULL ORDER BY seq, id"
                                  : "SELECT org_id, name FROM assignments WHERE plan_id = ? AND indicator_id = ? AND "
                                    "role = ? AND valid_to IS NULL ORDER BY seq, id",
                       p, 3, fn, ctx, e);
}

dti_rc store_assign_item_by_code(store *s, int64_t plan_id, int is_task, const char *code, int64_t *id,
                                 int *found, dti_err *e)
{
    store_val q[] = {SV_I(plan_id), SV_T(code)};
    return store_query_int(s, is_task ? "SELECT id FROM tasks WHERE plan_id = ? AND code = ? ORDER BY seq"
                                      : "SELECT id FROM indicators WHERE plan_id = ? AND code = ? ORDER BY seq",
                           q, 2, id, found, e);
}

struct code_ctx {
    char *code;
    int nomem;
};

static int code_fn(void *ctx, const store_row *r)
{
    struct code_ctx *c = ctx;
    const char *v = r->n > 0 && r->v[0].t != SV_NULL && r->v[0].s ? r->v[0].s : "";
    if (!(c->code = strdup(v)))
        c->nomem = 1;
    return 1;
}

dti_rc store_assign_item_code(store *s, int64_t plan_id, int is_task, int64_t id, char **code, dti_err *e)
{
    struct code_ctx c = {NULL, 0};
    store_val q[] = {SV_I(id), SV_I(plan_id)};
    *code = NULL;
    dti_rc rc = store_query(s, is_task ? "SELECT code FROM tasks WHERE id = ? AND plan_id = ?"
                                       : "SELECT code FROM indicators WHERE id = ? AND plan_id = ?",
                            q, 2, code_fn, &c, e);
    if (!rc && c.nomem)
        rc = dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
    if (rc) {
        free(c.code);
        return rc;
    }
    *code = c.code;
    return DTI_OK;
}

dti_rc store_assign_close(store *s, int64_t plan_id, int is_task, int64_t item, const char *role,
                          const char *day, dti_err *e)
{
    store_val c[] = {SV_T(day), SV_I(plan_id), SV_I(item), SV_T(role)};
    return store_exec(s, is_task ? "UPDATE assignments SET valid_to = ? WHERE plan_id = ? AND task_id = ? AND role = ? "
                                   "AND valid_to IS NULL"
                                 : "UPDATE assignments SET valid_to = ? WHERE plan_id = ? AND indicator_id = ? AND "
                                   "role = ? AND valid_to IS NULL",
                      c, 4, e);
}

dti_rc store_assign_add(store *s, int64_t plan_id, int is_task, int64_t item, int64_t org_id, const char *role,
                        int64_t seq, const char *name, const char *day, dti_err *e)
{
    store_val x[] = {SV_I(plan_id), is_task ? SV_NUL() : SV_I(item), is_task ? SV_I(item) : SV_NUL(),
                     org_id ? SV_I(org_id) : SV_NUL(), SV_T(role), SV_I(seq), SV_T(name), SV_T(day)};
    return store_exec(s, "INSERT INTO assignments (plan_id, indicator_id, task_id, org_id, role, seq, name, valid_from) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", x, 8, e);
}
