/* store_notice.c — SQL of the reminders (store_notice.h), written once for
 * every engine: `?` placeholders, ON CONFLICT DO NOTHING (SQLite 3.24+ and
 * PostgreSQL), no engine-specific functions. */
#include <stdlib.h>
#include <string.h>
#include "store/store_notice.h"

#define KEY_WHERE "kind = ? AND plan_id = ? AND period = ? AND org_id = ? AND user_id = ? AND step = ?"

dti_rc store_notice_add(store *s, const store_notice_new *n, int *added, dti_err *e)
{
    int64_t changes = 0;
    store_val p[] = {SV_T(n->kind), SV_I(n->plan_id), SV_T(n->period), SV_I(n->org_id), SV_I(n->user_id),
                     SV_T(n->step), SV_T(n->subject), SV_T(n->body), SV_T(n->created_at), SV_T(n->email),
                     SV_T(n->mail && n->email ? "pending" : "none")};
    dti_rc rc = store_exec_changes(s,
        "INSERT INTO notices (kind, plan_id, period, org_id, user_id, step, subject, body, created_at, email, "
        "email_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (kind, plan_id, period, org_id, user_id, step) DO NOTHING",
        p, 11, &changes, e);
    if (added)
        *added = rc == DTI_OK && changes > 0;
    return rc;
}

dti_rc store_notice_exists(store *s, const store_notice_new *n, int *found, dti_err *e)
{
    int64_t id = 0;
    store_val p[] = {SV_T(n->kind), SV_I(n->plan_id), SV_T(n->period), SV_I(n->org_id), SV_I(n->user_id),
                     SV_T(n->step)};
    return store_query_int(s, "SELECT id FROM notices WHERE " KEY_WHERE, p, 6, &id, found, e);
}

dti_rc store_notice_created(store *s, const store_notice_new *n, char **at, dti_err *e)
{
    store_val p[] = {SV_T(n->kind), SV_I(n->plan_id), SV_T(n->period), SV_I(n->org_id), SV_I(n->user_id),
                     SV_T(n->step)};
    return store_query_text(s, "SELECT created_at FROM notices WHERE " KEY_WHERE, p, 6, at, e);
}

dti_rc store_notice_list(store *s, int64_t user_id, int unread_only, int limit, store_row_fn fn, void *ctx,
                         dti_err *e)
{
    store_val p[] = {SV_I(user_id), SV_I(unread_only ? 1 : 0), SV_I(limit)};
    return store_query(s,
        "SELECT id, kind, plan_id, period, org_id, subject, body, created_at, read_at, email_state "
        "FROM notices WHERE user_id = ? AND (? = 0 OR read_at IS NULL) ORDER BY id DESC LIMIT ?",
        p, 3, fn, ctx, e);
}

dti_rc store_notice_owned(store *s, int64_t id, int64_t user_id, int *found, dti_err *e)
{
    int64_t x = 0;
    store_val p[] = {SV_I(id), SV_I(user_id)};
    return store_query_int(s, "SELECT id FROM notices WHERE id = ? AND user_id = ?", p, 2, &x, found, e);
}

dti_rc store_notice_unread(store *s, int64_t user_id, int64_t *n, dti_err *e)
{
    store_val p[] = {SV_I(user_id)};
    return store_query_int(s, "SELECT COUNT(*) FROM notices WHERE user_id = ? AND read_at IS NULL", p, 1, n,
                           NULL, e);
}

dti_rc store_notice_mark_read(store *s, int64_t user_id, int64_t id, const char *at, int64_t *changed,
                              dti_err *e)
{
    store_val p[] = {SV_T(at), SV_I(user_id), SV_I(id), SV_I(id)};
    return store_exec_changes(s,
        "UPDATE notices SET read_at = ? WHERE user_id = ? AND read_at IS NULL AND (? = 0 OR id = ?)",
        p, 4, changed, e);
}

dti_rc store_notice_claim(store *s, int64_t after_id, const char *at, const char *stale_before, int max_attempts,
                          int64_t *id, dti_err *e)
{
    int found = 0;
    *id = 0;
    for (int tries = 0; tries < 8; tries++) {
        int64_t cand = 0, changes = 0;
        store_val p[] = {SV_I(after_id), SV_T(stale_before), SV_I(max_attempts)};
        dti_rc rc = store_query_int(s,
            "SELECT id FROM notices WHERE id > ? AND (email_state = 'pending' OR (email_state = 'sending' AND "
            "email_at < ?)) AND attempts < ? ORDER BY id LIMIT 1", p, 3, &cand, &found, e);
        if (rc || !found)
            return rc;
        store_val q[] = {SV_T(at), SV_I(cand), SV_T(stale_before)};
        if ((rc = store_exec_changes(s,
                 "UPDATE notices SET email_state = 'sending', email_at = ? WHERE id = ? AND "
                 "(email_state = 'pending' OR (email_state = 'sending' AND email_at < ?))",
                 q, 3, &changes, e)))
            return rc;
        if (changes == 1) {
            *id = cand;
            return DTI_OK;
        }
        /* another sender took it first: look again */
    }
    return DTI_OK;
}

dti_rc store_notice_mail_get(store *s, int64_t id, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val p[] = {SV_I(id)};
    return store_query(s, "SELECT email, subject, body, attempts FROM notices WHERE id = ?", p, 1, fn, ctx, e);
}

dti_rc store_notice_mail_done(store *s, int64_t id, int ok, const char *error, const char *at, int max_attempts,
                              dti_err *e)
{
    if (ok) {
        store_val p[] = {SV_T(at), SV_I(id)};
        return store_exec(s, "UPDATE notices SET email_state = 'sent', email_at = ?, email_error = NULL, "
                             "attempts = attempts + 1 WHERE id = ?", p, 2, e);
    }
    store_val p[] = {SV_I(max_attempts), SV_T(at), SV_T(error), SV_I(id)};
    return store_exec(s, "UPDATE notices SET email_state = CASE WHEN attempts + 1 >= ? THEN 'failed' "
                         "ELSE 'pending' END, email_at = ?, email_error = ?, attempts = attempts + 1 WHERE id = ?",
                      p, 4, e);
}

dti_rc store_user_email_get(store *s, int64_t user_id, char **out, dti_err *e)
{
    store_val p[] = {SV_I(user_id)};
    return store_query_text(s, "SELECT email FROM users WHERE id = ?", p, 1, out, e);
}

dti_rc store_user_email_set(store *s, int64_t user_id, const char *email, dti_err *e)
{
    int64_t changes = 0;
    store_val p[] = {SV_T(email), SV_I(user_id)};
    dti_rc rc = store_exec_changes(s, "UPDATE users SET email = ? WHERE id = ?", p, 2, &changes, e);
    if (rc == DTI_OK && changes == 0)
        return dti_fail(e, DTI_ERR_NOTFOUND, "user", "không có người dùng số %lld", "no user %lld",
                        (long long)user_id);
    return rc;
}

struct settings_ctx {
    char *schedule;
    int return_days;
    int found, nomem;
};

static int settings_row(void *ctx, const store_row *r)
{
    struct settings_ctx *c = ctx;
    c->found = 1;
    if (r->v[0].t == SV_TEXT && !(c->schedule = strdup(r->v[0].s)))
        c->nomem = 1;
    c->return_days = (int)r->v[1].i;
    return 1;
}

dti_rc store_remind_settings_get(store *s, int64_t plan_id, char **schedule, int *return_days, int *found,
                                 dti_err *e)
{
    struct settings_ctx c = {NULL, 0, 0, 0};
    store_val p[] = {SV_I(plan_id)};
    *schedule = NULL;
    *found = 0;
    dti_rc rc = store_query(s, "SELECT schedule, return_days FROM remind_settings WHERE plan_id = ?", p, 1,
                            settings_row, &c, e);
    if (rc == DTI_OK && c.nomem)
        rc = dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
    if (rc) {
        free(c.schedule);
        return rc;
    }
    *schedule = c.schedule;
    *return_days = c.return_days;
    *found = c.found;
    return DTI_OK;
}

dti_rc store_remind_settings_set(store *s, int64_t plan_id, const char *schedule, int return_days, const char *at,
                                 int64_t by, dti_err *e)
{
    store_val p[] = {SV_I(plan_id), SV_T(schedule), SV_I(return_days), SV_T(at), SV_I(by)};
    return store_exec(s,
        "INSERT INTO remind_settings (plan_id, schedule, return_days, updated_at, updated_by) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (plan_id) DO UPDATE SET schedule = excluded.schedule, return_days = excluded.return_days, "
        "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
        p, 5, e);
}

dti_rc store_remind_plans(store *s, store_row_fn fn, void *ctx, dti_err *e)
{
    return store_query(s, "SELECT p.id, p.org_id, p.title FROM plans p WHERE p.org_id IS NOT NULL AND "
                          "(EXISTS (SELECT 1 FROM periods d WHERE d.plan_id = p.id) "
                          "OR EXISTS (SELECT 1 FROM requests q WHERE q.plan_id = p.id)) ORDER BY p.id",
                       NULL, 0, fn, ctx, e);
}

dti_rc store_remind_periods(store *s, int64_t plan_id, const char *from, const char *to, store_row_fn fn,
                            void *ctx, dti_err *e)
{
    store_val p[] = {SV_I(plan_id), SV_T(from), SV_T(to)};
    return store_query(s, "SELECT code, end_date, unit_due FROM periods WHERE plan_id = ? AND unit_due IS NOT NULL "
                          "AND unit_due >= ? AND unit_due <= ? ORDER BY unit_due, code",
                       p, 3, fn, ctx, e);
}

dti_rc store_remind_leads(store *s, int64_t plan_id, const char *period, const char *end, store_row_fn fn,
                          void *ctx, dti_err *e)
{
    store_val p[] = {SV_T(period), SV_I(plan_id), SV_T(end), SV_T(end)};
    return store_query(s,
        "SELECT o.id, o.name, (SELECT r.state FROM reports r WHERE r.plan_id = a.plan_id AND r.org_id = o.id "
        "AND r.period = ? ORDER BY r.version DESC LIMIT 1) FROM assignments a JOIN orgs o ON o.id = a.org_id "
        "WHERE a.plan_id = ? AND a.role = 'lead' AND substr(a.valid_from, 1, 10) <= ? "
        "AND (a.valid_to IS NULL OR substr(a.valid_to, 1, 10) > ?) GROUP BY o.id, o.name, a.plan_id ORDER BY o.name",
        p, 4, fn, ctx, e);
}

dti_rc store_remind_users(store *s, int64_t org_id, const char *role, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val p[] = {SV_I(org_id), SV_T(role)};
    return store_query(s, "SELECT id, name, display_name, email FROM users WHERE org_id = ? AND role = ? "
                          "AND active = 1 ORDER BY id", p, 2, fn, ctx, e);
}

dti_rc store_remind_reviewed(store *s, int64_t plan_id, const char *state, const char *since, store_row_fn fn,
                             void *ctx, dti_err *e)
{
    int approved = strcmp(state, "approved") == 0;
    store_val p[] = {SV_I(plan_id), SV_T(state), SV_T(since)};
    return store_query(s, approved
        ? "SELECT r.org_id, o.name, r.period, r.version, r.approved_at, r.reason FROM reports r "
          "JOIN orgs o ON o.id = r.org_id WHERE r.plan_id = ? AND r.state = ? AND r.approved_at >= ? "
          "AND r.version = (SELECT MAX(x.version) FROM reports x WHERE x.plan_id = r.plan_id AND "
          "x.org_id = r.org_id AND x.period = r.period) ORDER BY r.approved_at, r.id"
        : "SELECT r.org_id, o.name, r.period, r.version, r.returned_at, r.reason FROM reports r "
          "JOIN orgs o ON o.id = r.org_id WHERE r.plan_id = ? AND r.state = ? AND r.returned_at >= ? "
          "AND r.version = (SELECT MAX(x.version) FROM reports x WHERE x.plan_id = r.plan_id AND "
          "x.org_id = r.org_id AND x.period = r.period) ORDER BY r.returned_at, r.id",
        p, 3, fn, ctx, e);
}

struct state_ctx {
    char *state, *returned_at;
    int nomem;
};

static int state_row(void *ctx, const store_row *r)
{
    struct state_ctx *c = ctx;
    if (r->v[0].t == SV_TEXT && !(c->state = strdup(r->v[0].s)))
        c->nomem = 1;
    if (r->v[1].t == SV_TEXT && !(c->returned_at = strdup(r->v[1].s)))
        c->nomem = 1;
    return 1;
}

dti_rc store_remind_report_state(store *s, int64_t plan_id, int64_t org_id, const char *period, char **state,
                                 char **returned_at, dti_err *e)
{
    struct state_ctx c = {NULL, NULL, 0};
    store_val p[] = {SV_I(plan_id), SV_I(org_id), SV_T(period)};
    dti_rc rc = store_query(s, "SELECT state, returned_at FROM reports WHERE plan_id = ? AND org_id = ? AND "
                               "period = ? ORDER BY version DESC LIMIT 1", p, 3, state_row, &c, e);
    if (rc == DTI_OK && c.nomem)
        rc = dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
    if (rc || !state)
        free(c.state);
    if (rc || !returned_at)
        free(c.returned_at);
    if (rc)
        return rc;
    if (state)
        *state = c.state;
    if (returned_at)
        *returned_at = c.returned_at;
    return DTI_OK;
}
