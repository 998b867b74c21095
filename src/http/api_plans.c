/* api_plans.c — GET /api/v1/plans, GET /api/v1/plans/:id (dti.plan/1).
 *
 * The plans come from the store through app/ once the plan store is
 * built; until then the list is empty and no plan exists. */
#include "http/api.h"
#include "http/server.h"

void api_plans_list(http_req *r)
{
    http_reply_json(r, 200, json_pack("{s:[]}", "plans"));
}

void api_plan_get(http_req *r)
{
    int64_t id;
    dti_err e;
    dti_err_clear(&e);
    if (http_param_id(r, "id", &id, &e) == DTI_OK)
        dti_fail(&e, DTI_ERR_NOTFOUND, "id", "Không có kế hoạch số %lld", "No plan %lld", (long long)id);
    http_reply_error(r, &e);
}
