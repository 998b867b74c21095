/* store_notice.h — the reminders' repository: notices, the plan's reminder
 * settings, users' e-mail addresses, and the reads a reminder run makes
 * (sql/sqlite/007_notices.sql; app/remind.h decides what goes to whom).
 *
 * Reads hand rows to a store_row_fn with the columns each function lists;
 * times are ISO 8601 UTC text, days "YYYY-MM-DD". No permission is checked
 * here (app/ does). */
#ifndef DTI_STORE_NOTICE_H
#define DTI_STORE_NOTICE_H
#include <stdint.h>
#include "store/store.h"

/* A notice to add. Every text borrowed; EMAIL NULL when the user has none. */
typedef struct store_notice_new {
    const char *kind;       /* before, due, after, escalate, digest, returned, approved, opened, changed, cancelled */
    int64_t plan_id;
    const char *period;
    int64_t org_id;
    int64_t user_id;
    const char *step;
    const char *subject, *body;
    const char *created_at;
    const char *email;
    int mail;               /* 1: e-mail it ('pending'), 0: in the app only ('none') */
} store_notice_new;

/* Add N unless a notice with its key (kind, plan, period, org, user, step)
 * exists: *ADDED 1 when added, 0 when it was there (nothing changes). */
dti_rc store_notice_add(store *s, const store_notice_new *n, int *added, dti_err *e);
/* When the notice with N's key was made: *AT (owned; NULL when none). */
dti_rc store_notice_created(store *s, const store_notice_new *n, char **at, dti_err *e);
/* Whether a notice with that key exists (*FOUND). */
dti_rc store_notice_exists(store *s, const store_notice_new *n, int *found, dti_err *e);

/* USER_ID's notices, newest first, at most LIMIT, only unread with
 * UNREAD_ONLY. Columns: id, kind, plan_id, period, org_id, subject, body,
 * created_at, read_at, email_state. */
dti_rc store_notice_list(store *s, int64_t user_id, int unread_only, int limit, store_row_fn fn, void *ctx,
                         dti_err *e);
/* Whether notice ID is USER_ID's (*FOUND). */
dti_rc store_notice_owned(store *s, int64_t id, int64_t user_id, int *found, dti_err *e);
dti_rc store_notice_unread(store *s, int64_t user_id, int64_t *n, dti_err *e);
/* Mark USER_ID's notice ID (0: all of them) read at AT; *CHANGED rows. */
dti_rc store_notice_mark_read(store *s, int64_t user_id, int64_t id, const char *at, int64_t *changed,
                              dti_err *e);

/* Claim one notice to e-mail, the lowest id above AFTER_ID: 'pending', or
 * 'sending' since before STALE_BEFORE (a sender that died), with fewer
 * than MAX_ATTEMPTS attempts; it becomes 'sending' since AT. *ID 0 when
 * none. (A sender passes the last id it tried, so that one pass tries each
 * notice once.) The claim is
 * one conditional UPDATE, so two senders never take the same notice. The
 * caller then reads it with store_notice_mail_get. */
dti_rc store_notice_claim(store *s, int64_t after_id, const char *at, const char *stale_before, int max_attempts,
                          int64_t *id, dti_err *e);
/* Columns: email, subject, body, attempts. */
dti_rc store_notice_mail_get(store *s, int64_t id, store_row_fn fn, void *ctx, dti_err *e);
/* The outcome of sending ID: sent, or failed with ERROR (back to
 * 'pending' while attempts stay under MAX_ATTEMPTS, else 'failed'). */
dti_rc store_notice_mail_done(store *s, int64_t id, int ok, const char *error, const char *at, int max_attempts,
                              dti_err *e);

/* A user's e-mail (*OUT caller frees; NULL when none). */
dti_rc store_user_email_get(store *s, int64_t user_id, char **out, dti_err *e);
/* Set it (NULL clears). DTI_ERR_NOTFOUND when there is no such user. */
dti_rc store_user_email_set(store *s, int64_t user_id, const char *email, dti_err *e);

/* A plan's reminder settings: *FOUND 0 when it has none (defaults). */
dti_rc store_remind_settings_get(store *s, int64_t plan_id, char **schedule, int *return_days, int *found,
                                 dti_err *e);
dti_rc store_remind_settings_set(store *s, int64_t plan_id, const char *schedule, int return_days, const char *at,
                                 int64_t by, dti_err *e);

/* ---- what a reminder run reads ---- */

/* Plans with a commune and a calendar or a request. Columns: id, org_id, title. */
dti_rc store_remind_plans(store *s, store_row_fn fn, void *ctx, dti_err *e);
/* PLAN_ID's periods with a units' deadline between FROM and TO (days).
 * Columns: code, end_date, unit_due. */
dti_rc store_remind_periods(store *s, int64_t plan_id, const char *from, const char *to, store_row_fn fn,
                            void *ctx, dti_err *e);
/* The orgs leading something of PLAN_ID in force on day END, with their
 * newest report on PERIOD. Columns: org_id, org name, state (NULL: no
 * report). */
dti_rc store_remind_leads(store *s, int64_t plan_id, const char *period, const char *end, store_row_fn fn,
                          void *ctx, dti_err *e);
/* Active users of ORG_ID with ROLE. Columns: id, name, display_name, email. */
dti_rc store_remind_users(store *s, int64_t org_id, const char *role, store_row_fn fn, void *ctx, dti_err *e);
/* PLAN_ID's reports whose newest version is in STATE ('returned' or
 * 'approved') with its time column on or after SINCE. Columns: org_id,
 * org name, period, version, the time (returned_at or approved_at), reason. */
dti_rc store_remind_reviewed(store *s, int64_t plan_id, const char *state, const char *since, store_row_fn fn,
                             void *ctx, dti_err *e);
/* The newest version of a report: *STATE (caller frees, NULL when none) and
 * *RETURNED_AT (caller frees, may be NULL). Either pointer may be NULL. */
dti_rc store_remind_report_state(store *s, int64_t plan_id, int64_t org_id, const char *period, char **state,
                                 char **returned_at, dti_err *e);

#endif
