/* app_auth.c — the acting user of an app context, and the time use cases
 * record (app.h). */
#include <stdlib.h>
#include <string.h>
#include "app/app.h"
#include "app/auth/auth.h"
#include "app/report/report.h"

dti_rc app_actor(app *a, auth_user *u, int *system, dti_err *e)
{
    memset(u, 0, sizeof *u);
    if (system)
        *system = 0;
    if (a->user_id == 0) {
        int64_t n = 0;
        dti_rc rc = auth_user_count(a->st, &n, e);
        if (rc)
            return rc;
        if (n > 0)
            return dti_fail(e, DTI_ERR_AUTH, "--as",
                            "cần --as NGƯỜI_DÙNG: lệnh này ghi nhật ký theo người thực hiện",
                            "--as USER is needed: this command is logged under who runs it");
        if (system)
            *system = 1;
        return DTI_OK;
    }
    if (a->account && a->account->id == a->user_id) {
        *u = *a->account;       /* read by the session check of this request */
        if (!u->active)
            return dti_fail(e, DTI_ERR_AUTH, "user", "người dùng %s đã bị khóa", "user %s is deactivated",
                            u->name);
        return DTI_OK;
    }
    dti_rc rc = auth_user_get_id(a->st, a->user_id, u, e);
    if (rc == DTI_ERR_NOTFOUND)
        return dti_fail(e, DTI_ERR_AUTH, "user", "không có người dùng số %lld", "no user with id %lld",
                        (long long)a->user_id);
    if (rc)
        return rc;
    if (!u->active)
        return dti_fail(e, DTI_ERR_AUTH, "user", "người dùng %s đã bị khóa", "user %s is deactivated",
                        u->name);
    return DTI_OK;
}

time_t app_now(void)
{
    const char *s = getenv("DTI_NOW");
    if (s && *s) {
        time_t t = report_ts_parse(s);
        if (t >= 0)
            return t;
    }
    return time(NULL);
}
