/* store_duty.c — SQL of an org's duties (store_duty.h), written once for
 * every engine. */
#include "store/store_duty.h"

dti_rc store_duty_spans(store *s, int64_t plan_id, int64_t org_id, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val p[] = {SV_I(plan_id), SV_I(org_id)};
    return store_query(s, "SELECT role, valid_from, valid_to FROM assignments WHERE plan_id = ? AND org_id = ? "
                          "AND role IN ('lead', 'support')", p, 2, fn, ctx, e);
}

dti_rc store_duty_reports(store *s, int64_t plan_id, int64_t org_id, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val p[] = {SV_I(plan_id), SV_I(org_id)};
    return store_query(s, "SELECT period, version, state, submitted_at, reason, returned_at FROM reports "
                          "WHERE plan_id = ? AND org_id = ? ORDER BY period, version", p, 2, fn, ctx, e);
}

dti_rc store_duty_items(store *s, int64_t plan_id, int64_t org_id, int is_task, const char *day, store_row_fn fn,
                        void *ctx, dti_err *e)
{
    /* engine: substr() on the ISO text columns (both engines have it) */
    static const char *const sql[2] = {
        "SELECT i.id, i.code, i.group_code, i.name, i.due, i.due_text, MIN(a.role), "
        "(SELECT COUNT(*) FROM indicators j WHERE j.plan_id = i.plan_id AND j.code = i.code) FROM assignments a "
        "JOIN indicators i ON i.id = a.indicator_id WHERE a.plan_id = ? AND a.org_id = ? "
        "AND a.role IN ('lead', 'support') AND substr(a.valid_from, 1, 10) <= ? "
        "AND (a.valid_to IS NULL OR substr(a.valid_to, 1, 10) > ?) "
        "GROUP BY i.id, i.code, i.group_code, i.name, i.due, i.due_text, i.seq, i.plan_id ORDER BY i.seq",
        "SELECT t.id, t.code, t.group_code, t.name, t.due, t.due_text, MIN(a.role), "
        "(SELECT COUNT(*) FROM tasks j WHERE j.plan_id = t.plan_id AND j.code = t.code) FROM assignments a "
        "JOIN tasks t ON t.id = a.task_id WHERE a.plan_id = ? AND a.org_id = ? "
        "AND a.role IN ('lead', 'support') AND substr(a.valid_from, 1, 10) <= ? "
        "AND (a.valid_to IS NULL OR substr(a.valid_to, 1, 10) > ?) "
        "GROUP BY t.id, t.code, t.group_code, t.name, t.due, t.due_text, t.seq, t.plan_id ORDER BY t.seq"};
    store_val p[] = {SV_I(plan_id), SV_I(org_id), SV_T(day), SV_T(day)};
    return store_query(s, sql[is_task ? 1 : 0], p, 4, fn, ctx, e);
}
