/* evidence_many.c — several evidence files in one go (issue 13, point 5:
 * "several evidence files at once"), report.h: report_attach_many.
 *
 * Decision: all or nothing. The files are attached one by one with
 * report_attach (its checks, limits and audit entry each) inside one outer
 * transaction, so that one refused file (a wrong type, too big) stores none
 * of them and the message names that file: the user fixes it and sends the
 * same selection again, with no half-attached set to sort out. */
#include <stdio.h>
#include <string.h>
#include "app/app.h"
#include "app/report/report.h"
#include "base/lang.h"

dti_rc report_attach_many(app *a, const report_key *key, char item_kind, const char *item, const report_file *files,
                          size_t n, size_t max, int64_t *ids, int *new_files, dti_err *e)
{
    auth_user u;
    store *s = a->st;
    if (n == 0)
        return dti_fail(e, DTI_ERR_INPUT, "file", "Chưa chọn tệp để tải lên", "No file was uploaded");
    if (n > REPORT_FILES_MAX)
        return dti_fail(e, DTI_ERR_TOOBIG, "file", "Tối đa %d tệp một lần (đã chọn %zu)",
                        "At most %d files at once (%zu chosen)", REPORT_FILES_MAX, n);
    dti_rc rc = app_actor(a, &u, NULL, e);
    if (rc || (rc = store_begin(s, e)))
        return rc;
    for (size_t i = 0; i < n; i++) {
        if ((rc = report_attach_as(s, &u, key, item_kind, item, files[i].name, files[i].data, files[i].len, max, a->now,
                                ids ? &ids[i] : NULL, new_files ? &new_files[i] : NULL, e))) {
            if (e && n > 1 && files[i].name && !strstr(e->msg, files[i].name)) {
                char msg[sizeof e->msg];
                memcpy(msg, e->msg, sizeof msg);
                snprintf(e->msg, sizeof e->msg, "%s: %s %s", files[i].name, msg,
                         TR("(chưa tệp nào được lưu)", "(no file was stored)"));
            }
            store_rollback(s);
            return rc;
        }
    }
    return store_commit(s, e);
}
