/* store_calendar.c — a plan's reporting calendar over store.h (any
 * engine); see store_calendar.h. */
#include <stdio.h>
#include "store/store_calendar.h"

dti_rc store_calendar_rules(store *s, int64_t plan_id, store_row_fn fn, void *ctx, dti_err *e)
{
    return store_query(s, "SELECT rule FROM calendar_rules WHERE plan_id = ? ORDER BY seq",
                       (store_val[]){SV_I(plan_id)}, 1, fn, ctx, e);
}

dti_rc store_calendar_clear(store *s, int64_t plan_id, dti_err *e)
{
    store_val pp[] = {SV_I(plan_id)};
    dti_rc rc = store_exec(s, "DELETE FROM calendar_rules WHERE plan_id = ?", pp, 1, e);
    if (!rc)
        rc = store_exec(s, "DELETE FROM periods WHERE plan_id = ?", pp, 1, e);
    return rc;
}

dti_rc store_calendar_rule_add(store *s, int64_t plan_id, int64_t seq, const char *rule, const char *created_at,
                               dti_err *e)
{
    store_val q[] = {SV_I(plan_id), SV_I(seq), SV_T(rule), SV_T(created_at)};
    return store_exec(s, "INSERT INTO calendar_rules (plan_id, seq, rule, created_at) VALUES (?, ?, ?, ?)", q, 4, e);
}

dti_rc store_calendar_period_add(store *s, int64_t plan_id, const char *code, const char *kind, const char *start,
                                 const char *end, const char *unit_due, const char *commune_due, dti_err *e)
{
    store_val q[] = {SV_I(plan_id), SV_T(code), SV_T(kind), SV_T(start), SV_T(end), SV_T(unit_due),
                     SV_T(commune_due)};
    return store_exec(s, "INSERT INTO periods (plan_id, code, kind, start_date, end_date, unit_due, "
                         "commune_due) VALUES (?, ?, ?, ?, ?, ?, ?)", q, 7, e);
}

dti_rc store_calendar_periods(store *s, int64_t plan_id, int year, store_row_fn fn, void *ctx, dti_err *e)
{
    if (year == 0)
        return store_query(s, "SELECT code, kind, start_date, end_date, unit_due, commune_due FROM periods "
                              "WHERE plan_id = ? ORDER BY end_date, CASE kind WHEN 'month' THEN 0 WHEN 'quarter' "
                              "THEN 1 WHEN 'half' THEN 2 ELSE 3 END",
                           (store_val[]){SV_I(plan_id)}, 1, fn, ctx, e);
    char y4[16];
    snprintf(y4, sizeof y4, "%04d", year > 0 && year <= 9999 ? year : 0);
    const char *yp = y4;
    store_val p[] = {SV_I(plan_id), SV_I(year), SV_T(yp)};
    return store_query(s, "SELECT code, kind, start_date, end_date, unit_due, commune_due FROM periods "
                          "WHERE plan_id = ? AND (? = 0 OR substr(code, 1, 4) = ?) "
                          "ORDER BY end_date, CASE kind WHEN 'month' THEN 0 WHEN 'quarter' THEN 1 "
                          "WHEN 'half' THEN 2 ELSE 3 END",
                       p, 3, fn, ctx, e);
}

dti_rc store_calendar_commune_due(store *s, int64_t plan_id, const char *code, char **due, dti_err *e)
{
    return store_query_text(s, "SELECT commune_due FROM periods WHERE plan_id = ? AND code = ?",
                            (store_val[]){SV_I(plan_id), SV_T(code)}, 2, due, e);
}
