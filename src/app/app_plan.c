/* app_plan.c — opening the application's store; reading plans. */
#include "app/app.h"

dti_rc app_open(app *a, const char *db, int64_t user_id, dti_err *e)
{
    a->st = NULL;
    a->user_id = user_id;
    return store_open(db, &a->st, e);
}

void app_close(app *a)
{
    if (!a)
        return;
    store_close(a->st);
    a->st = NULL;
}

dti_rc app_plan_list(app *a, store_plan_row **out, size_t *n, dti_err *e)
{
    return store_plan_list(a->st, out, n, e);
}

dti_rc app_plan_get(app *a, int64_t id, plan **out, dti_err *e)
{
    return store_plan_load(a->st, id, out, e);
}
