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
