/* store_export.c — the official outputs' settings and readings over
 * store.h; see store_export.h. */
#include <stdio.h>
#include "store/store_export.h"

dti_rc store_export_settings_get(store *s, int64_t org_id, store_row_fn fn, void *ctx, dti_err *e)
{
    return store_query(s, "SELECT body_parent, body_name, place, number_pattern, sign_authority, "
                          "sign_deputy, sign_title, sign_name, recipients FROM export_settings WHERE org_id = ?",
                       (store_val[]){SV_I(org_id)}, 1, fn, ctx, e);
}

dti_rc store_export_settings_put(store *s, int64_t org_id, const char *const v[STORE_EXPORT_FIELDS],
                                 const char *updated_at, int64_t updated_by, dti_err *e)
{
    store_val p[] = {SV_I(org_id), SV_T(v[0]), SV_T(v[1]), SV_T(v[2]), SV_T(v[3]), SV_T(v[4]), SV_T(v[5]),
                     SV_T(v[6]), SV_T(v[7]), SV_T(v[8]), SV_T(updated_at), SV_I(updated_by)};
    /* engine: INSERT ... ON CONFLICT DO UPDATE (upsert), accepted by SQLite >= 3.24 and PostgreSQL >= 9.5 */
    return store_exec(s, "INSERT INTO export_settings (org_id, body_parent, body_name, place, number_pattern, "
                         "sign_authority, sign_deputy, sign_title, sign_name, recipients, updated_at, updated_by) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (org_id) DO UPDATE SET "
                         "body_parent = excluded.body_parent, body_name = excluded.body_name, "
                         "place = excluded.place, number_pattern = excluded.number_pattern, "
                         "sign_authority = excluded.sign_authority, sign_deputy = excluded.sign_deputy, "
                         "sign_title = excluded.sign_title, sign_name = excluded.sign_name, "
                         "recipients = excluded.recipients, updated_at = excluded.updated_at, "
                         "updated_by = excluded.updated_by",
                      p, 12, e);
}

/* engine: numbered placeholders ?1..?5 (SQLite; PostgreSQL's $1..$5) and
 * substr(): the parameters are SCOPE's, in order: plan_id, period,
 * year_mode, year, end. */
#define APPROVED_WHERE                                                                            \
    "r.plan_id = ?1 AND r.state = 'approved' "                                                    \
    "AND r.version = (SELECT MAX(r2.version) FROM reports r2 WHERE r2.plan_id = r.plan_id "       \
    "AND r2.org_id = r.org_id AND r2.period = r.period AND r2.state = 'approved') "               \
    "AND (r.period = ?2 OR (?3 = 1 AND r.period IN (SELECT p.code FROM periods p WHERE "          \
    "p.plan_id = ?1 AND substr(p.code, 1, 4) = ?4 AND p.end_date <= ?5))) "

static dti_rc scoped(store *s, const char *sql, const store_export_scope *sc, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val pv[] = {SV_I(sc->plan_id), SV_T(sc->period), SV_I(sc->year_mode != 0), SV_T(sc->year),
                      SV_T(sc->end)};
    return store_query(s, sql, pv, 5, fn, ctx, e);
}

dti_rc store_export_texts(store *s, const store_export_scope *sc, store_row_fn fn, void *ctx, dti_err *e)
{
    return scoped(s, "SELECT o.name, r.period, r.results, r.difficulties, r.proposals "
                     "FROM reports r JOIN orgs o ON o.id = r.org_id "
                     "LEFT JOIN periods pp ON pp.plan_id = r.plan_id AND pp.code = r.period "
                     "WHERE " APPROVED_WHERE "ORDER BY pp.end_date DESC, r.period DESC, o.name",
                  sc, fn, ctx, e);
}

dti_rc store_export_tasks(store *s, const store_export_scope *sc, store_row_fn fn, void *ctx, dti_err *e)
{
    return scoped(s, "SELECT t.code, t.group_code, rt.status, rt.percent, rt.products, r.period "
                     "FROM report_tasks rt JOIN reports r ON r.id = rt.report_id "
                     "JOIN tasks t ON t.id = rt.task_id "
                     "LEFT JOIN periods pp ON pp.plan_id = r.plan_id AND pp.code = r.period "
                     "WHERE " APPROVED_WHERE "AND rt.status IS NOT NULL "
                     "ORDER BY pp.end_date, r.period, r.id",
                  sc, fn, ctx, e);
}

dti_rc store_export_evidence(store *s, const store_export_scope *sc, store_row_fn fn, void *ctx, dti_err *e)
{
    return scoped(s, "SELECT e.indicator_id, COUNT(*) FROM evidence e JOIN reports r ON r.id = e.report_id "
                     "WHERE " APPROVED_WHERE "AND e.indicator_id IS NOT NULL GROUP BY e.indicator_id",
                  sc, fn, ctx, e);
}

dti_rc store_export_first_report(store *s, int64_t plan_id, const char *code, char **at, dti_err *e)
{
    char id[24];
    const char *idp = id;
    snprintf(id, sizeof id, "%lld", (long long)plan_id);
    /* engine: json_extract() is SQLite's, PostgreSQL reads the text as json
     * (after_json::json ->> 'period'); the audit keeps entity_id as text */
    return store_query_text(s, store_is_pg(s)
                               ? "SELECT MIN(at) FROM audit WHERE action = 'export.report' AND entity = 'plan' "
                                 "AND entity_id = ? AND after_json::json ->> 'period' = ?"
                               : "SELECT MIN(at) FROM audit WHERE action = 'export.report' AND entity = 'plan' "
                                 "AND entity_id = ? AND json_extract(after_json, '$.period') = ?",
                            (store_val[]){SV_T(idp), SV_T(code)}, 2, at, e);
}
