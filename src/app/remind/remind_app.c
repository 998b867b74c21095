/* remind_app.c — the reminder use cases as entry points call them
 * (remind.h, "the entry points' door"): the context's acting user
 * (app_actor) and "now" handed to the _as twins, nothing else. */
#include "app/app.h"
#include "app/remind/remind.h"

dti_rc remind_settings_read(app *a, int64_t plan_id, remind_schedule *sched, int *return_days, dti_err *e)
{
    auth_user u;
    dti_rc rc = app_actor(a, &u, NULL, e);
    if (rc || (rc = auth_can_plan(a->st, &u, AUTH_READ, plan_id, e)))
        return rc;
    return remind_settings_get(a->st, plan_id, sched, return_days, e);
}

dti_rc remind_settings_set(app *a, int64_t plan_id, const char *schedule, int return_days, dti_err *e)
{
    auth_user u;
    dti_rc rc = app_actor(a, &u, NULL, e);
    return rc ? rc : remind_settings_set_as(a->st, &u, plan_id, schedule, return_days, a->now, e);
}

dti_rc remind_run(app *a, const remind_mail_cfg *mail, int dry, remind_result *r, dti_err *e)
{
    return remind_run_as(a->st, a->now, mail, dry, r, e);
}

dti_rc remind_notices(app *a, int unread_only, json_t **out, dti_err *e)
{
    auth_user u;
    dti_rc rc = app_actor(a, &u, NULL, e);
    return rc ? rc : remind_notices_as(a->st, &u, unread_only, out, e);
}

dti_rc remind_notice_read(app *a, int64_t id, dti_err *e)
{
    auth_user u;
    dti_rc rc = app_actor(a, &u, NULL, e);
    return rc ? rc : remind_notice_read_as(a->st, &u, id, a->now, e);
}

dti_rc remind_email_get(app *a, int64_t user_id, char **out, dti_err *e)
{
    auth_user u;
    *out = NULL;
    dti_rc rc = app_actor(a, &u, NULL, e);
    return rc ? rc : remind_email_get_as(a->st, &u, user_id, out, e);
}

dti_rc remind_email_set(app *a, int64_t user_id, const char *email, dti_err *e)
{
    auth_user u;
    dti_rc rc = app_actor(a, &u, NULL, e);
    return rc ? rc : remind_email_set_as(a->st, &u, user_id, email, a->now, e);
}
