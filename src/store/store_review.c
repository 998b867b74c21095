/* store_review.c — the review screen's reads (store_review.h). */
#include <string.h>
#include "store/store_review.h"

dti_rc store_review_evidence(store *s, int64_t plan_id, int64_t org_id, const char *period, store_row_fn fn,
                             void *ctx, dti_err *e)
{
    store_val p[] = {SV_I(plan_id), SV_I(org_id), SV_T(period)};
    return store_query(s,
        "SELECT v.id, v.name, f.size, f.media_type, v.checked, "
        "CASE WHEN cu.display_name <> '' THEN cu.display_name ELSE cu.name END, "
        "CASE WHEN au.display_name <> '' THEN au.display_name ELSE au.name END, "
        "v.created_at, i.code, t.code, r.version "
        "FROM evidence v JOIN reports r ON r.id = v.report_id "
        "JOIN evidence_files f ON f.sha256 = v.sha256 "
        "LEFT JOIN users au ON au.id = v.attached_by LEFT JOIN users cu ON cu.id = v.checked_by "
        "LEFT JOIN indicators i ON i.id = v.indicator_id LEFT JOIN tasks t ON t.id = v.task_id "
        "WHERE r.id = (SELECT r2.id FROM reports r2 WHERE r2.plan_id = ? AND r2.org_id = ? AND r2.period = ? "
        "ORDER BY r2.version DESC LIMIT 1) ORDER BY v.id",
        p, 3, fn, ctx, e);
}

dti_rc store_units_rename(store *s, int64_t id, const char *name, const char *key, dti_err *e)
{
    int64_t clash = 0;
    int found = 0;
    store_val q[] = {SV_I(id), SV_T(key), SV_I(id)};
    dti_rc rc = store_query_int(s, "SELECT o.id FROM orgs o JOIN orgs me ON me.id = ? WHERE "
                                   "COALESCE(o.parent_id, 0) = COALESCE(me.parent_id, 0) AND o.folded = ? AND "
                                   "o.valid_to IS NULL AND o.id <> ?", q, 3, &clash, &found, e);
    if (rc)
        return rc;
    if (found)
        return dti_fail(e, DTI_ERR_CONFLICT, "name", "Đã có đơn vị tên «%s»", "A unit named «%s» exists", name);
    store_val p[] = {SV_T(name), SV_T(key), SV_I(id)};
    return store_exec(s, "UPDATE orgs SET name = ?, folded = ? WHERE id = ?", p, 3, e);
}
