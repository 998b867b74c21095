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
    return store_exec(s, "INSERT INTO request_orgs (request_id, org_id) VALUES (?, ?)", q, 2, e);
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
                              "WHERE r.plan_id = ? AND r.code = ? AND ro.org_id = ?",
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
                          "o.id, o.name FROM requests r JOIN request_orgs ro ON ro.request_id = r.id "
                          "JOIN orgs o ON o.id = ro.org_id WHERE r.plan_id = ? "
                          "ORDER BY r.unit_due, r.code, o.name",
                       (store_val[]){SV_I(plan_id)}, 1, fn, ctx, e);
}

dti_rc store_request_of_org(store *s, int64_t plan_id, int64_t org_id, store_row_fn fn, void *ctx, dti_err *e)
{
    return store_query(s, "SELECT r.code, r.kind, r.title, r.start_date, r.end_date, r.unit_due FROM requests r "
                          "JOIN request_orgs ro ON ro.request_id = r.id WHERE r.plan_id = ? AND ro.org_id = ? "
                          "ORDER BY r.unit_due, r.code",
                       (store_val[]){SV_I(plan_id), SV_I(org_id)}, 2, fn, ctx, e);
}
