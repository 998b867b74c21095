/* store_plan_item.c — one plan item read and rewritten in place, over
 * store.h (any engine); see store_plan_item.h. */
#include "store/store_plan_item.h"

dti_rc store_plan_item_find(store *s, int64_t plan_id, int is_task, const char *code, const char *group,
                            store_row_fn fn, void *ctx, dti_err *e)
{
    store_val p[] = {SV_I(plan_id), SV_T(code), SV_T(group ? group : "")};
    const char *sql;
    if (!group)
        sql = is_task ? "SELECT id, group_code FROM tasks WHERE plan_id = ? AND code = ? ORDER BY seq"
                      : "SELECT id, group_code FROM indicators WHERE plan_id = ? AND code = ? ORDER BY seq";
    else
        sql = is_task ? "SELECT id, group_code FROM tasks WHERE plan_id = ? AND code = ? AND "
                        "COALESCE(group_code, '') = ? ORDER BY seq"
                      : "SELECT id, group_code FROM indicators WHERE plan_id = ? AND code = ? AND "
                        "COALESCE(group_code, '') = ? ORDER BY seq";
    return store_query(s, sql, p, group ? 3 : 2, fn, ctx, e);
}

dti_rc store_plan_item_index(store *s, int64_t plan_id, int is_task, int64_t id, int64_t *idx, dti_err *e)
{
    store_val q[] = {SV_I(plan_id), SV_I(id)};
    *idx = 0;
    return store_query_int(s, is_task ? "SELECT COUNT(*) FROM tasks WHERE plan_id = ? AND seq < "
                                        "(SELECT seq FROM tasks WHERE id = ?)"
                                      : "SELECT COUNT(*) FROM indicators WHERE plan_id = ? AND seq < "
                                        "(SELECT seq FROM indicators WHERE id = ?)",
                           q, 2, idx, NULL, e);
}

dti_rc store_plan_group_find(store *s, int64_t plan_id, const char *code, int64_t *id, int *found, dti_err *e)
{
    store_val q[] = {SV_I(plan_id), SV_T(code)};
    *id = 0;
    return store_query_int(s, "SELECT id FROM plan_groups WHERE plan_id = ? AND code = ? ORDER BY seq", q, 2, id,
                           found, e);
}

dti_rc store_plan_item_update(store *s, int is_task, int64_t id, const store_plan_item_in *in, dti_err *e)
{
    store_val p[] = {SV_T(in->name), SV_T(in->group_code), in->group_id ? SV_I(in->group_id) : SV_NUL(),
                     SV_T(in->due), SV_T(in->due_text), SV_T(in->more), SV_I(id)};
    return store_exec(s, is_task ? "UPDATE tasks SET name = ?, group_code = ?, group_id = ?, due = ?, "
                                   "due_text = ?, funding = ? WHERE id = ?"
                                 : "UPDATE indicators SET name = ?, group_code = ?, group_id = ?, due = ?, "
                                   "due_text = ?, basis = ? WHERE id = ?",
                      p, 7, e);
}

dti_rc store_plan_task_outputs_clear(store *s, int64_t id, dti_err *e)
{
    return store_exec(s, "DELETE FROM task_outputs WHERE task_id = ?", (store_val[]){SV_I(id)}, 1, e);
}

dti_rc store_plan_targets_clear(store *s, int64_t id, dti_err *e)
{
    return store_exec(s, "DELETE FROM indicator_targets WHERE indicator_id = ?", (store_val[]){SV_I(id)}, 1, e);
}

dti_rc store_plan_task_output_add(store *s, int64_t id, int64_t seq, const char *text, dti_err *e)
{
    store_val o[] = {SV_I(id), SV_I(seq), SV_T(text)};
    return store_exec(s, "INSERT INTO task_outputs (task_id, seq, text) VALUES (?, ?, ?)", o, 3, e);
}

dti_rc store_plan_target_add(store *s, int64_t id, int64_t year, const char *op, int has_value, double value,
                             const char *unit, const char *text, dti_err *e)
{
    store_val t[] = {SV_I(id), SV_I(year), SV_T(op), has_value ? SV_R(value) : SV_NUL(), SV_T(unit ? unit : ""),
                     SV_T(text)};
    return store_exec(s, "INSERT INTO indicator_targets (indicator_id, year, op, value, unit, text) "
                         "VALUES (?, ?, ?, ?, ?, ?)", t, 6, e);
}
