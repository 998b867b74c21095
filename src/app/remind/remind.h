/* remind.h — reminders that reach people (issue 13, point 7;
 * docs/reminders.md): before and after each units' deadline, on returns and
 * approvals, and a digest of who is late for the coordinator; recorded as
 * notices in the store (the in-app list), e-mailed through the operator's
 * SMTP server when one is configured.
 *
 * The rules, decided here (Vietnam's dates throughout; "today" is
 * period_today_vn(now), now from app_now() and so DTI_NOW):
 *  - A plan's schedule is a list of day offsets from a deadline (default
 *    "-3,0,1,3": 3 days before, on the day, 1 and 3 days after). On a run,
 *    for each period of the plan, the step that falls due is the latest one
 *    whose day is on or before today and at most REMIND_CATCHUP_DAYS ago (a
 *    server that was down for a day still sends it; a first run on an old
 *    database does not send the whole history).
 *  - Reminders go only to the leads expected to report (the leads in force
 *    at the period's end, as completeness counts them) whose newest report
 *    is missing or a draft: a submitted or approved report stops them.
 *  - Who: before the deadline and on the day, the unit's reporters ("before",
 *    "due"); after it, also the unit's head — an active viewer account of
 *    the unit itself ("after", and "escalate" at the last step). On every
 *    step after the deadline the coordinators of the plan's commune get one
 *    digest listing every unit still late for that period, and whether
 *    anyone there can receive the reminders ("digest"): one message per
 *    period and step rather than one per late unit, so that escalation
 *    reaches them without burying them.
 *  - A returned report has a new deadline: the plan's return_days working
 *    days (Monday to Friday; public holidays are not known to dti) after the
 *    day it was returned (remind_return_due). The unit's reporters are told
 *    at once ("returned", with the reason and the new deadline), then the
 *    same schedule runs against the new deadline, skipping steps on or
 *    before the return day. An approval is told to the unit's reporters
 *    ("approved"). Returns and approvals older than REMIND_REVIEW_DAYS are
 *    not told (a first run on an old database).
 *  - Each notice has a key (kind, plan, period, org, user, step; step names
 *    the deadline and offset, or the return's or approval's time): a run
 *    adds only the notices whose key is new, so none is made or sent twice,
 *    however often runs repeat (cron, the server's thread, both at once).
 *  - E-mail: a notice made while a mail server is configured and the user
 *    has an address is 'pending'; a sender claims it, sends it, and marks it
 *    'sent', or 'pending' again after a failure until REMIND_MAIL_ATTEMPTS,
 *    then 'failed'. A claim older than REMIND_MAIL_STALE_S (a sender that
 *    died mid-send) is taken again: at most that case can repeat a mail.
 *  - Ad-hoc and weekly requests (app/plan/request.h) are reminded as
 *    periods, against the request's deadline, to the units it asks (not
 *    the plan's leads), until it is cancelled. The units' reporters are
 *    told of a request ("opened") from REMIND_ANNOUNCE_DAYS days before it
 *    starts (at once when opened later) until its deadline; of an edit
 *    ("changed": the terms now, or that the unit is no longer asked) and of
 *    a cancellation ("cancelled", with the reason) within
 *    REMIND_REVIEW_DAYS, and then only those who were told it was opened:
 *    a week cancelled before it was announced is news to no one.
 * No permission is needed to run reminders (the operator's cron, the
 * server); reading and marking notices is each user's own. */
#ifndef DTI_REMIND_H
#define DTI_REMIND_H
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <jansson.h>
#include "app/auth/auth.h"
#include "base/err.h"
#include "store/store.h"

typedef struct app app;     /* app/app.h: the context */

#define REMIND_SCHEDULE_DEFAULT "-3,0,1,3"
#define REMIND_RETURN_DAYS_DEFAULT 3
#define REMIND_STEPS_MAX 8
#define REMIND_OFFSET_MAX 60        /* days before or after a deadline */
#define REMIND_RETURN_DAYS_MAX 60
#define REMIND_CATCHUP_DAYS 2
#define REMIND_REVIEW_DAYS 7
#define REMIND_ANNOUNCE_DAYS 7      /* a request is announced this many days before it starts */
#define REMIND_MAIL_ATTEMPTS 5
#define REMIND_MAIL_STALE_S 900
#define REMIND_EMAIL_MAX 254
#define REMIND_NOTICES_MAX 200      /* notices one list answers */

/* ---- the schedule (pure) ---- */

typedef struct remind_schedule {
    int n;
    int off[REMIND_STEPS_MAX];      /* ascending, distinct */
} remind_schedule;

/* Read "-3,0,1,3" (offsets in days, separated by commas or blanks, each
 * within ±REMIND_OFFSET_MAX, at most REMIND_STEPS_MAX, in any order;
 * duplicates merged) into *OUT. DTI_ERR_INPUT naming the bad entry. */
dti_rc remind_schedule_parse(const char *text, remind_schedule *out, dti_err *e);
/* "-3,0,1,3" into OUT (N bytes). */
void remind_schedule_format(const remind_schedule *s, char *out, size_t n);
/* The day N working days (Monday..Friday) after DAY (a period.h day number). */
int32_t remind_add_workdays(int32_t day, int n);
/* The step of S due on TODAY for a deadline on day DEADLINE: its index, or
 * -1. Steps on or before day AFTER are skipped (PERIOD_NO_DAY: none). */
int remind_step_due(const remind_schedule *s, int32_t deadline, int32_t today, int32_t after);

/* ---- a plan's settings ---- */

/* PLAN_ID's schedule and return days (the defaults when it has none). */
dti_rc remind_settings_get(store *s, int64_t plan_id, remind_schedule *sched, int *return_days, dti_err *e);
/* Set them as U at NOW: a coordinator of the plan's commune or an admin
 * (AUTH_PLAN_WRITE, else "not found"/refused as auth_can_plan says).
 * SCHEDULE NULL keeps it, RETURN_DAYS 0 keeps it (1..REMIND_RETURN_DAYS_MAX).
 * Audited ("plan.reminders"). */
dti_rc remind_settings_set_as(store *s, const auth_user *u, int64_t plan_id, const char *schedule, int return_days,
                           time_t now, dti_err *e);
/* The new deadline of a report of PLAN_ID returned at RETURNED_AT (ISO
 * UTC): the plan's return days in working days after its Vietnamese day. */
dti_rc remind_return_due(store *s, int64_t plan_id, const char *returned_at, int32_t *due, dti_err *e);

/* ---- the mail server ---- */

/* Where e-mail goes, from the environment (docs/reminders.md):
 *   DTI_SMTP_URL       smtp://host:port (STARTTLS per DTI_SMTP_TLS) or smtps://host:port
 *                      (TLS from the start); unset: no e-mail, notices in the app only
 *   DTI_SMTP_FROM      the sender address (required with a URL)
 *   DTI_SMTP_USER, DTI_SMTP_PASSWORD   login, when the server wants one
 *   DTI_SMTP_TLS       "required" (default for a login: never send a password in
 *                      clear), "try", or "none"
 *   DTI_SMTP_CA        a CA bundle file to trust (a private server's)
 *   DTI_APP_URL        the address of dti's web app, written in the mails */
typedef struct remind_mail_cfg {
    int enabled;
    char url[512], from[REMIND_EMAIL_MAX + 1], user[256], password[256], ca[512], app_url[512];
    int tls;                        /* 0 none, 1 try, 2 required */
} remind_mail_cfg;

/* Fill C from the environment. A URL without a sender, or a bad value, is
 * DTI_ERR_INPUT naming the variable; nothing set is DTI_OK with enabled 0. */
dti_rc remind_mail_from_env(remind_mail_cfg *c, dti_err *e);
/* Send one message to TO with SUBJECT and BODY (UTF-8, plain text) through
 * C at NOW (its Date header). DTI_ERR_IO with curl's reason on failure. */
dti_rc remind_mail_send(const remind_mail_cfg *c, const char *to, const char *subject, const char *body,
                        time_t now, int64_t id, dti_err *e);
/* A plausible address (one '@', a dotted domain, no blanks or <>,;"),
 * at most REMIND_EMAIL_MAX bytes. */
int remind_email_valid(const char *s);

/* ---- a run ---- */

typedef struct remind_item {
    char kind[12];
    char user[64];                  /* the recipient's account name */
    char *email;                    /* owned; NULL when none */
    char *org;                      /* owned; the unit (the commune for a digest) */
    char period[16];
    char *subject;                  /* owned */
} remind_item;

typedef struct remind_result {
    remind_item *v;                 /* owned: the notices added (or, dry, to add) */
    size_t n, cap;
    size_t mailed, failed;          /* e-mails sent and failed in this run */
} remind_result;

/* Find and record the notices due at NOW in every plan (rules above), then,
 * with MAIL enabled (may be NULL), e-mail the pending ones. DRY: record
 * nothing and send nothing; R lists what would be added. One transaction for
 * the notices; the mails after it commits. R released by the caller, also
 * after a failure. */
dti_rc remind_run_as(store *s, time_t now, const remind_mail_cfg *mail, int dry, remind_result *r, dti_err *e);
/* DTI_OK when U may run reminders by hand from the web (an admin: a run
 * covers every plan), else DTI_ERR_PERM. The command line needs no user. */
dti_rc remind_run_allowed(app *a, dti_err *e);
/* Only the sending part of remind_run (pending notices). */
dti_rc remind_send_pending(store *s, time_t now, const remind_mail_cfg *mail, remind_result *r, dti_err *e);
void remind_result_release(remind_result *r);

/* ---- a user's notices ---- */

/* U's notices, newest first: {"notices": [{"id", "kind", "plan_id",
 * "period", "org_id", "subject", "body", "created_at", "read": bool,
 * "email_state"}], "unread": n}. UNREAD_ONLY leaves read ones out. */
dti_rc remind_notices_as(store *s, const auth_user *u, int unread_only, json_t **out, dti_err *e);
/* Mark U's notice ID read (0: all of U's). Another user's notice, or none:
 * DTI_ERR_NOTFOUND. */
dti_rc remind_notice_read_as(store *s, const auth_user *u, int64_t id, time_t now, dti_err *e);

/* The e-mail of account USER_ID, as ACTOR may see it (itself, or
 * auth_can_user AUTH_USER_SEE). *OUT caller frees, NULL when none. */
dti_rc remind_email_get_as(store *s, const auth_user *actor, int64_t user_id, char **out, dti_err *e);
/* Set it (NULL or "" clears): one's own, or an account ACTOR manages
 * (AUTH_USER_MANAGE). A bad address is DTI_ERR_INPUT, field "email".
 * Audited ("user.email"). */
dti_rc remind_email_set_as(store *s, const auth_user *actor, int64_t user_id, const char *email, time_t now,
                        dti_err *e);

/* ---- the server's schedule ---- */

typedef struct remind_loop remind_loop;
/* Start a thread that runs reminders on DB_URL (its own store handle)
 * every EVERY_S seconds with the mail server of the environment, logging
 * what it sends on stderr. EVERY_S 0: nothing is started (*OUT NULL).
 * A bad mail configuration fails here. */
dti_rc remind_loop_start(const char *db_url, unsigned every_s, remind_loop **out, dti_err *e);
/* Stop the thread (waits for a run in progress) and free L. NULL: no-op. */
void remind_loop_stop(remind_loop *l);

/* ---- the entry points' door (remind_app.c) ---------------------------------
 * As for app/report/report.h: each is its _as twin above as A's acting
 * user (app_actor) at A->now, with the same permissions, errors and audit
 * entries. */

/* PLAN_ID's settings (remind_settings_get) when A's user may read the plan
 * (auth_can_plan's errors otherwise). */
dti_rc remind_settings_read(app *a, int64_t plan_id, remind_schedule *sched, int *return_days, dti_err *e);
dti_rc remind_settings_set(app *a, int64_t plan_id, const char *schedule, int return_days, dti_err *e);
/* remind_run_as at A->now. Needs no user (a command runs it as the
 * system; the web checks remind_run_allowed first). */
dti_rc remind_run(app *a, const remind_mail_cfg *mail, int dry, remind_result *r, dti_err *e);
dti_rc remind_notices(app *a, int unread_only, json_t **out, dti_err *e);
dti_rc remind_notice_read(app *a, int64_t id, dti_err *e);
dti_rc remind_email_get(app *a, int64_t user_id, char **out, dti_err *e);
dti_rc remind_email_set(app *a, int64_t user_id, const char *email, dti_err *e);

#endif
