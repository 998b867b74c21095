/* store_request.c — ad-hoc and weekly requests over store.h (any engine);
 * see store_request.h. */
#include <stdio.h>
#include <string.h>
#include "store/store_request.h"

dti_rc store_request_add(store *s, int64_t plan_id, const char *code, const char *kind, const char *title,
                         const char *start, const char *end, const char *unit_due, int64_t created_by,
                         const char *created_at, int64_t *id, dti_err *e)
{
    store_val q[] = {SV_I(plan_id), SV_T(code), SV_T(kind), SV_T(title), SV_T(start), SV_T(end), SV_T(unit_due),
                     created_by > 0 ? SV_I(created_by) : SV_NUL(), SV_T(created_at)};
    return store_query_int(s, "INSERT INTO requests (plan_id, code, kind, title, start_date, end_date, unit_due, "
                              "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                           q, 9, id, NULL, e);
}

dti_rc store_request_org_add(store *s, int64_t request_id, int64_t org_id, dti_err *e)
{
    store_val q[] = {SV_I(request_id), SV_I(org_id)};
    /* engine: ON CONFLICT … DO UPDATE (SQLite 3.24+, PostgreSQL): a unit an
     * edit dropped and a later edit asks again is asked again */
    return store_exec(s, "INSERT INTO request_orgs (request_id, org_id) VALUES (?, ?) "
                         "ON CONFLICT (request_id, org_id) DO UPDATE SET dropped_at = NULL", q, 2, e);
}

dti_rc store_request_adhoc_count(store *s, int64_t plan_id, int year, int64_t *n, dti_err *e)
{
    char y4[16];
    snprintf(y4, sizeof y4, "%04d", year > 0 && year <= 9999 ? year : 0);
    const char *yp = y4;
    int found = 0;
    *n = 0;
    return store_query_int(s, "SELECT COUNT(*) FROM requests WHERE plan_id = ? AND kind = 'adhoc' "
                              "AND substr(code, 1, 4) = ?",
                           (store_val[]){SV_I(plan_id), SV_T(yp)}, 2, n, &found, e);
}

dti_rc store_request_exists(store *s, int64_t plan_id, const char *code, int *found, dti_err *e)
{
    int64_t n = 0;
    *found = 0;
    dti_rc rc = store_query_int(s, "SELECT 1 FROM requests WHERE plan_id = ? AND code = ?",
                                (store_val[]){SV_I(plan_id), SV_T(code)}, 2, &n, found, e);
    return rc;
}

dti_rc store_request_asked(store *s, int64_t plan_id, const char *code, int64_t org_id, int *found, dti_err *e)
{
    int64_t n = 0;
    *found = 0;
    return store_query_int(s, "SELECT 1 FROM requests r JOIN request_orgs ro ON ro.request_id = r.id "
                              "WHERE r.plan_id = ? AND r.code = ? AND ro.org_id = ? AND ro.dropped_at IS NULL",
                           (store_val[]){SV_I(plan_id), SV_T(code), SV_I(org_id)}, 3, &n, found, e);
}

dti_rc store_request_plan_leads(store *s, int64_t plan_id, store_row_fn fn, void *ctx, dti_err *e)
{
    return store_query(s, "SELECT DISTINCT org_id FROM assignments WHERE plan_id = ? AND role = 'lead' "
                          "AND org_id IS NOT NULL ORDER BY org_id",
                       (store_val[]){SV_I(plan_id)}, 1, fn, ctx, e);
}

dti_rc store_request_list(store *s, int64_t plan_id, store_row_fn fn, void *ctx, dti_err *e)
{
    return store_query(s, "SELECT r.code, r.kind, r.title, r.start_date, r.end_date, r.unit_due, r.created_at, "
                          "o.id, o.name, r.updated_at, r.cancelled_at, r.cancel_reason, "
                          "(SELECT COALESCE(NULLIF(u.display_name, ''), u.name) FROM users u WHERE u.id = r.cancelled_by), "
                          "(SELECT COUNT(*) FROM reports x WHERE x.plan_id = r.plan_id AND x.period = r.code) "
                          "FROM requests r JOIN request_orgs ro ON ro.request_id = r.id AND ro.dropped_at IS NULL "
                          "JOIN orgs o ON o.id = ro.org_id WHERE r.plan_id = ? "
                          "ORDER BY r.unit_due, r.code, o.name",
                       (store_val[]){SV_I(plan_id)}, 1, fn, ctx, e);
}

dti_rc store_request_of_org(store *s, int64_t plan_id, int64_t org_id, store_row_fn fn, void *ctx, dti_err *e)
{
    return store_query(s, "SELECT r.code, r.kind, r.title, r.start_date, r.end_date, r.unit_due FROM requests r "
                          "JOIN request_orgs ro ON ro.request_id = r.id WHERE r.plan_id = ? AND ro.org_id = ? "
                          "AND ro.dropped_at IS NULL AND r.cancelled_at IS NULL ORDER BY r.unit_due, r.code",
                       (store_val[]){SV_I(plan_id), SV_I(org_id)}, 2, fn, ctx, e);
}

dti_rc store_request_get(store *s, int64_t plan_id, const char *code, store_row_fn fn, void *ctx, dti_err *e)
{
    return store_query(s, "SELECT id, kind, title, start_date, end_date, unit_due, cancelled_at, cancel_reason "
                          "FROM requests WHERE plan_id = ? AND code = ?",
                       (store_val[]){SV_I(plan_id), SV_T(code)}, 2, fn, ctx, e);
}

dti_rc store_request_orgs(store *s, int64_t request_id, store_row_fn fn, void *ctx, dti_err *e)
{
    return store_query(s, "SELECT org_id FROM request_orgs WHERE request_id = ? AND dropped_at IS NULL "
                          "ORDER BY org_id",
                       (store_val[]){SV_I(request_id)}, 1, fn, ctx, e);
}

dti_rc store_request_reports(store *s, int64_t plan_id, const char *code, int64_t *n, dti_err *e)
{
    int found = 0;
    *n = 0;
    return store_query_int(s, "SELECT COUNT(*) FROM reports WHERE plan_id = ? AND period = ?",
                           (store_val[]){SV_I(plan_id), SV_T(code)}, 2, n, &found, e);
}

dti_rc store_request_update(store *s, int64_t request_id, const char *title, const char *unit_due,
                            int64_t updated_by, const char *updated_at, dti_err *e)
{
    store_val q[] = {SV_T(title), SV_T(unit_due), updated_by > 0 ? SV_I(updated_by) : SV_NUL(), SV_T(updated_at),
                     SV_I(request_id)};
    return store_exec(s, "UPDATE requests SET title = ?, unit_due = ?, updated_by = ?, updated_at = ? WHERE id = ?",
                      q, 5, e);
}

dti_rc store_request_org_drop(store *s, int64_t request_id, int64_t org_id, const char *at, dti_err *e)
{
    store_val q[] = {SV_T(at), SV_I(request_id), SV_I(org_id)};
    return store_exec(s, "UPDATE request_orgs SET dropped_at = ? WHERE request_id = ? AND org_id = ? "
                         "AND dropped_at IS NULL", q, 3, e);
}

dti_rc store_request_cancel(store *s, int64_t request_id, int64_t by, const char *at, const char *reason,
                            dti_err *e)
{
    store_val q[] = {SV_T(at), by > 0 ? SV_I(by) : SV_NUL(), SV_T(reason), SV_I(request_id)};
    return store_exec(s, "UPDATE requests SET cancelled_at = ?, cancelled_by = ?, cancel_reason = ? "
                         "WHERE id = ? AND cancelled_at IS NULL", q, 4, e);
}

dti_rc store_request_expected(store *s, int64_t plan_id, const char *code, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val q[] = {SV_T(code), SV_T(code), SV_T(code), SV_I(plan_id), SV_T(code)};
    return store_query(s,
        "SELECT o.id, o.name, "
        "(SELECT MIN(x.submitted_at) FROM reports x WHERE x.plan_id = r.plan_id AND x.org_id = o.id AND x.period = ?), "
        "(SELECT x.state FROM reports x WHERE x.plan_id = r.plan_id AND x.org_id = o.id AND x.period = ? "
        " ORDER BY x.version DESC LIMIT 1), "
        "(SELECT MAX(x.version) FROM reports x WHERE x.plan_id = r.plan_id AND x.org_id = o.id AND x.period = ?) "
        "FROM requests r JOIN request_orgs ro ON ro.request_id = r.id AND ro.dropped_at IS NULL "
        "JOIN orgs o ON o.id = ro.org_id WHERE r.plan_id = ? AND r.code = ? ORDER BY o.name",
        q, 5, fn, ctx, e);
}

dti_rc store_request_remind_due(store *s, int64_t plan_id, const char *from, const char *to, store_row_fn fn,
                                void *ctx, dti_err *e)
{
    store_val p[] = {SV_I(plan_id), SV_T(from), SV_T(to)};
    return store_query(s, "SELECT code, end_date, unit_due, title FROM requests WHERE plan_id = ? "
                          "AND cancelled_at IS NULL AND unit_due >= ? AND unit_due <= ? ORDER BY unit_due, code",
                       p, 3, fn, ctx, e);
}

dti_rc store_request_remind_leads(store *s, int64_t plan_id, const char *code, store_row_fn fn, void *ctx,
                                  dti_err *e)
{
    store_val p[] = {SV_T(code), SV_I(plan_id), SV_T(code)};
    return store_query(s,
        "SELECT o.id, o.name, (SELECT x.state FROM reports x WHERE x.plan_id = r.plan_id AND x.org_id = o.id "
        "AND x.period = ? ORDER BY x.version DESC LIMIT 1) FROM requests r "
        "JOIN request_orgs ro ON ro.request_id = r.id AND ro.dropped_at IS NULL JOIN orgs o ON o.id = ro.org_id "
        "WHERE r.plan_id = ? AND r.code = ? ORDER BY o.name",
        p, 3, fn, ctx, e);
}

dti_rc store_request_remind_events(store *s, int64_t plan_id, const char *until, const char *since,
                                   store_row_fn fn, void *ctx, dti_err *e)
{
    store_val p[] = {SV_I(plan_id), SV_T(until), SV_T(since), SV_T(since), SV_T(since)};
    return store_query(s,
        "SELECT r.code, r.kind, r.title, r.start_date, r.end_date, r.unit_due, r.created_at, r.updated_at, "
        "r.cancelled_at, r.cancel_reason, o.id, o.name, ro.dropped_at FROM requests r "
        "JOIN request_orgs ro ON ro.request_id = r.id JOIN orgs o ON o.id = ro.org_id "
        "WHERE r.plan_id = ? AND r.start_date <= ? AND (r.unit_due >= ? OR r.updated_at >= ? OR r.cancelled_at >= ?) "
        "ORDER BY r.unit_due, r.code, o.name",
        p, 5, fn, ctx, e);
}

dti_rc store_request_status(store *s, int64_t plan_id, const char *code, store_row_fn fn, void *ctx, dti_err *e)
{
    return store_query(s, "SELECT code, kind, title, start_date, end_date, unit_due, cancelled_at, cancel_reason "
                          "FROM requests WHERE plan_id = ? AND code = ?",
                       (store_val[]){SV_I(plan_id), SV_T(code)}, 2, fn, ctx, e);
}
