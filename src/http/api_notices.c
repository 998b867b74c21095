/* api_notices.c — reminders and notices over app/remind.h:
 *
 *   GET  /api/v1/notices[?unread=1]        the logged-in user's notices, newest first, and the unread count
 *   POST /api/v1/notices/:nid/read         mark one read (one's own only)
 *   POST /api/v1/notices/read              mark all of one's notices read
 *   GET  /api/v1/users/:uid/email          an account's e-mail address (itself, or who may see it)
 *   PUT  /api/v1/users/:uid/email          {"email": "a@b.vn" | null}: set or clear it
 *   GET  /api/v1/plans/:id/reminders       the plan's schedule and return days
 *   PUT  /api/v1/plans/:id/reminders       {"schedule": "-3,0,1,3", "return_days": 3} (either)
 *   POST /api/v1/reminders/run[?dry_run=1] an admin runs the reminders now (what the server's
 *                                          thread and `dti remind` do), answered with what it added
 *
 * app/remind.c decides every permission; this file only translates. */
#include <string.h>
#include "app/app.h"
#include "app/auth/auth.h"
#include "app/remind/remind.h"
#include "http/api.h"
#include "http/server.h"

void api_notices_list(http_req *r)
{
    dti_err e;
    json_t *out = NULL;
    dti_err_clear(&e);
    const char *unread = http_query(r, "unread");
    app *a = http_app(r, &e);
    if (!a || remind_notices(a, unread && strcmp(unread, "1") == 0, &out, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    http_reply_json(r, 200, out);
}

static void mark(http_req *r, int all)
{
    dti_err e;
    int64_t id = 0;
    json_t *out = NULL;
    dti_err_clear(&e);
    app *a = http_app(r, &e);
    if (!a || (!all && http_param_id(r, "nid", &id, &e) != DTI_OK) || remind_notice_read(a, id, &e) != DTI_OK ||
        remind_notices(a, 0, &out, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    http_reply_json(r, 200, out);
}

void api_notice_read(http_req *r) { mark(r, 0); }
void api_notices_read_all(http_req *r) { mark(r, 1); }

static void reply_email(http_req *r, app *a, int64_t id)
{
    dti_err e;
    char *addr = NULL;
    dti_err_clear(&e);
    if (remind_email_get(a, id, &addr, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    http_reply_json(r, 200, json_pack("{s:I, s:o}", "id", (json_int_t)id, "email", addr ? json_string(addr) : json_null()));
    free(addr);
}

void api_user_email_get(http_req *r)
{
    dti_err e;
    int64_t id = 0;
    dti_err_clear(&e);
    app *a = http_app(r, &e);
    if (!a || http_param_id(r, "uid", &id, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    reply_email(r, a, id);
}

void api_user_email_set(http_req *r)
{
    dti_err e;
    int64_t id = 0;
    json_t *body;
    dti_err_clear(&e);
    app *a = http_app(r, &e);
    if (!a || http_param_id(r, "uid", &id, &e) != DTI_OK || http_json_body(r, &body, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    json_t *v = json_object_get(body, "email");
    if (!v || !(json_is_string(v) || json_is_null(v))) {
        http_reply_fail(r, DTI_ERR_INPUT, "email", "Cần “email”: một địa chỉ thư điện tử, hoặc null để xóa",
                        "“email” is needed: an e-mail address, or null to clear it");
        return;
    }
    if (remind_email_set(a, id, json_string_value(v), &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    reply_email(r, a, id);
}

static void reply_settings(http_req *r, app *a, int64_t plan_id)
{
    dti_err e;
    remind_schedule sc;
    int days = 0;
    char text[128];
    dti_err_clear(&e);
    if (remind_settings_read(a, plan_id, &sc, &days, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    remind_schedule_format(&sc, text, sizeof text);
    json_t *offs = json_array();
    for (int i = 0; offs && i < sc.n; i++)
        json_array_append_new(offs, json_integer(sc.off[i]));
    http_reply_json(r, 200, offs ? json_pack("{s:I, s:s, s:o, s:i}", "plan_id", (json_int_t)plan_id, "schedule", text,
                                             "offsets", offs, "return_days", days)
                                 : NULL);
}

void api_plan_reminders_get(http_req *r)
{
    dti_err e;
    int64_t plan_id = 0;
    dti_err_clear(&e);
    app *a = http_app(r, &e);
    if (!a || http_param_id(r, "id", &plan_id, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    reply_settings(r, a, plan_id);
}

void api_plan_reminders_set(http_req *r)
{
    dti_err e;
    int64_t plan_id = 0;
    json_t *body;
    dti_err_clear(&e);
    app *a = http_app(r, &e);
    if (!a || http_param_id(r, "id", &plan_id, &e) != DTI_OK || http_json_body(r, &body, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    json_t *sc = json_object_get(body, "schedule"), *days = json_object_get(body, "return_days");
    if ((sc && !json_is_string(sc)) || (days && !json_is_integer(days)) || (!sc && !days)) {
        http_reply_fail(r, DTI_ERR_INPUT, sc && !json_is_string(sc) ? "schedule" : "return_days",
                        "Cần “schedule” (ví dụ \"-3,0,1,3\") và/hoặc “return_days” (số ngày làm việc)",
                        "Give “schedule” (e.g. \"-3,0,1,3\") and/or “return_days” (working days)");
        return;
    }
    json_int_t d = days ? json_integer_value(days) : 0;
    if (days && (d < 1 || d > REMIND_RETURN_DAYS_MAX)) {
        http_reply_fail(r, DTI_ERR_INPUT, "return_days", "Số ngày làm việc phải từ 1 đến %d",
                        "The working days must be 1 to %d", REMIND_RETURN_DAYS_MAX);
        return;
    }
    if (remind_settings_set(a, plan_id, sc ? json_string_value(sc) : NULL, (int)d, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    reply_settings(r, a, plan_id);
}

void api_reminders_run(http_req *r)
{
    dti_err e;
    remind_mail_cfg mail;
    remind_result res;
    memset(&res, 0, sizeof res);
    dti_err_clear(&e);
    const char *dry = http_query(r, "dry_run");
    int is_dry = dry && strcmp(dry, "1") == 0;
    app *a = http_app(r, &e);
    if (!a || remind_run_allowed(a, &e) != DTI_OK || remind_mail_from_env(&mail, &e) != DTI_OK ||
        remind_run(a, &mail, is_dry, &res, &e) != DTI_OK) {
        remind_result_release(&res);
        http_reply_error(r, &e);
        return;
    }
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < res.n; i++)
        json_array_append_new(arr, json_pack("{s:s, s:s, s:o, s:s, s:s, s:s}", "kind", res.v[i].kind, "user",
                                             res.v[i].user, "email",
                                             res.v[i].email ? json_string(res.v[i].email) : json_null(), "org",
                                             res.v[i].org, "period", res.v[i].period, "subject", res.v[i].subject));
    http_reply_json(r, 200, arr ? json_pack("{s:b, s:o, s:I, s:I}", "dry_run", is_dry, "notices", arr, "mailed",
                                            (json_int_t)res.mailed, "failed", (json_int_t)res.failed)
                                : NULL);
    remind_result_release(&res);
}
