/* report_withdraw.c — a unit takes back a submitted report before the
 * coordinator reviews it (issue 13, point 5: "withdraw a submitted report
 * to fix a typo"), report.h: report_withdraw.
 *
 * Decisions:
 *  - Only the newest version, only while it is 'submitted', and only before
 *    review has begun: once the reviewer has marked any of its evidence
 *    checked (report_check_evidence), the review is under way and the unit
 *    asks to have it returned instead (DTI_ERR_CONFLICT saying so).
 *  - Who: whoever may submit it (AUTH_REPORT_WRITE on the org).
 *  - The report goes back to 'draft' and its submission time and submitter
 *    are cleared: a withdrawn report is not in the coordinator's hands, so
 *    its timeliness is judged by the next submission, and the reminders of
 *    app/remind.h resume for it. The audit entry ("report.withdraw") keeps
 *    the submission it undid (before/after snapshots): nothing is lost.
 * Kept apart from report.c's state machine so that the two change
 * independently; the transition is the same shape (one transaction,
 * snapshot before and after, audit). */
#include <stdio.h>
#include <string.h>
#include "app/app_util.h"
#include "app/audit/audit.h"
#include "app/report/report.h"
#include "app/report/report_int.h"
#include "base/lang.h"
#include "core/period.h"
#include "store/store_report.h"

dti_rc report_withdraw_as(store *s, const auth_user *u, const report_key *key_in, time_t now, dti_err *e)
{
    dti_rc rc;
    report_ver r;
    json_t *before = NULL, *after = NULL;
    char ts[AUTH_TS_LEN];
    int64_t checked = 0;
    report_key key = *key_in;
    period p;
    if (period_parse(key_in->period, &p) == 0) {
        char c[PERIOD_CODE_LEN];
        period_format(&p, c);
        snprintf(key.period, sizeof key.period, "%s", c);
    }
    auth_ts(now, ts);
    if ((rc = store_begin(s, e)))
        return rc;
    if ((rc = auth_can(s, u, AUTH_REPORT_WRITE, key.org_id, e)) || (rc = report_latest(s, &key, 0, &r, e)))
        goto fail;
    if (!r.found) {
        rc = dti_fail(e, DTI_ERR_NOTFOUND, "report", "chưa có báo cáo kỳ %s của đơn vị số %lld",
                      "no %s report from org %lld", key.period, (long long)key.org_id);
        goto fail;
    }
    if (r.state != REPORT_SUBMITTED) {
        rc = dti_fail(e, DTI_ERR_CONFLICT, "state",
                      "Báo cáo kỳ %s đang ở trạng thái “%s”: chỉ rút lại được báo cáo đã nộp và chưa được duyệt.",
                      "The %s report is %s: only a submitted report not yet reviewed can be withdrawn.", key.period,
                      report_state_label(r.state));
        goto fail;
    }
    if ((rc = store_report_evidence_checked(s, r.id, &checked, e)))
        goto fail;
    if (checked > 0) {
        rc = dti_fail(e, DTI_ERR_CONFLICT, "state",
                      "Bộ phận điều phối đã bắt đầu thẩm định báo cáo kỳ %s (đã kiểm tra %lld tài liệu): không rút lại "
                      "được nữa; hãy đề nghị trả lại để sửa.",
                      "The coordinator has begun reviewing the %s report (%lld files checked): it can no longer be "
                      "withdrawn; ask for it to be returned instead.", key.period, (long long)checked);
        goto fail;
    }
    if ((rc = report_snapshot(s, r.id, 0, &before, e)))
        goto fail;
    if ((rc = store_report_unsubmit(s, r.id, ts, e)))
        goto fail;
    if ((rc = report_snapshot(s, r.id, 0, &after, e)) ||
        (rc = audit_append_id(s, u, now, "report.withdraw", "report", r.id, before, after, e)))
        goto fail;
    json_decref(before);
    json_decref(after);
    return store_commit(s, e);
fail:
    store_rollback(s);
    json_decref(before);
    json_decref(after);
    return rc;
}
