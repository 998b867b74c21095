/* api_work.c — what a unit owes and what waits for review, over
 * app/duty.h and app/report.h:
 *
 *   GET /api/v1/plans/:id/assignments/:org[?period=CODE]   report_duty_list
 *   GET /api/v1/plans/:id/reports[?state=submitted][&period=CODE]   report_queue
 *
 * :org is an org id or a name as documents write it (report_org_find);
 * an org the user may not read is "not found", like a plan. app/ decides
 * every permission; this file only translates. */
#include <string.h>
#include "app/app.h"
#include "app/auth/auth.h"
#include "app/report/duty.h"
#include "app/report/report.h"
#include "http/api.h"
#include "http/server.h"

/* An empty query parameter counts as absent ("?period=" from a form). */
static const char *query(http_req *r, const char *name)
{
    const char *v = http_query(r, name);
    return v && *v ? v : NULL;
}

void api_org_duties(http_req *r)
{
    dti_err e;
    int64_t plan_id = 0, org_id = 0;
    json_t *out = NULL;
    dti_err_clear(&e);
    const char *org = http_param(r, "org");
    app *a = http_app(r, &e);
    if (!a || http_param_id(r, "id", &plan_id, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    dti_rc rc = report_org_lookup(a, plan_id, org ? org : "", &org_id, &e);
    if (rc == DTI_ERR_NOTFOUND || rc == DTI_ERR_INPUT)
        rc = auth_not_found(&e);    /* as in api_reports.c: nothing of other orgs leaks */
    if (rc == DTI_OK)
        rc = report_duty_list(a, plan_id, org_id, query(r, "period"), &out, &e);
    if (rc == DTI_ERR_NOTFOUND)
        rc = auth_not_found(&e);    /* an org not in the plan: the same 404, nothing named */
    if (rc != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    http_reply_json(r, 200, out);
}

void api_report_queue(http_req *r)
{
    dti_err e;
    int64_t plan_id = 0;
    json_t *out = NULL;
    dti_err_clear(&e);
    app *a = http_app(r, &e);
    if (!a || http_param_id(r, "id", &plan_id, &e) != DTI_OK ||
        report_queue(a, plan_id, query(r, "state"), query(r, "period"), &out, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    http_reply_json(r, 200, out);
}
