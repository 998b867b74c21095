/* report_app.c — the report use cases as entry points call them
 * (report.h, "the entry points' door"): each takes the context, finds its
 * acting user once (app_actor: the session's account over HTTP, the --as
 * user in a command) and calls its _as twin with it and the context's
 * "now". Nothing else happens here: no rule, no SQL, no JSON of its own,
 * so the two doors cannot drift apart. */
#include <stdio.h>
#include <string.h>
#include "app/app.h"
#include "app/report/duty.h"
#include "app/report/report.h"
#include "app/score/score_cache.h"

/* The acting user of A into *U. */
static dti_rc actor(app *a, auth_user *u, dti_err *e)
{
    return app_actor(a, u, NULL, e);
}

dti_rc report_org_lookup(app *a, int64_t plan_id, const char *ref, int64_t *org_id, dti_err *e)
{
    return report_org_find(a->st, plan_id, ref, org_id, e);
}

dti_rc report_plan_visible(app *a, int64_t plan_id, dti_err *e)
{
    auth_user u;
    dti_rc rc = actor(a, &u, e);
    if (rc == DTI_OK)
        rc = auth_can_plan(a->st, &u, AUTH_READ, plan_id, e);
    return rc == DTI_ERR_NOTFOUND ? auth_not_found(e) : rc;
}

dti_rc report_fill_csv(app *a, const report_key *key, const char *csv, size_t n, report_fill_result *out,
                       dti_err *e)
{
    auth_user u;
    memset(out, 0, sizeof *out);
    dti_rc rc = actor(a, &u, e);
    return rc ? rc : report_fill_csv_as(a->st, &u, key, csv, n, a->now, out, e);
}

dti_rc report_attach(app *a, const report_key *key, char item_kind, const char *item, const char *name,
                     const void *p, size_t n, size_t max, int64_t *id, int *new_file, dti_err *e)
{
    auth_user u;
    dti_rc rc = actor(a, &u, e);
    return rc ? rc : report_attach_as(a->st, &u, key, item_kind, item, name, p, n, max, a->now, id, new_file, e);
}

dti_rc report_submit(app *a, const report_key *key, size_t *missing, dti_err *e)
{
    auth_user u;
    if (missing)
        *missing = 0;
    dti_rc rc = actor(a, &u, e);
    return rc ? rc : report_submit_as(a->st, &u, key, a->now, missing, e);
}

dti_rc report_withdraw(app *a, const report_key *key, dti_err *e)
{
    auth_user u;
    dti_rc rc = actor(a, &u, e);
    return rc ? rc : report_withdraw_as(a->st, &u, key, a->now, e);
}

dti_rc report_return(app *a, const report_key *key, const char *reason, dti_err *e)
{
    auth_user u;
    dti_rc rc = actor(a, &u, e);
    return rc ? rc : report_return_as(a->st, &u, key, reason, a->now, e);
}

dti_rc report_approve(app *a, const report_key *key, dti_err *e)
{
    auth_user u;
    dti_rc rc = actor(a, &u, e);
    return rc ? rc : report_approve_as(a->st, &u, key, a->now, e);
}

dti_rc report_reopen(app *a, const report_key *key, const char *reason, int *version, dti_err *e)
{
    auth_user u;
    if (version)
        *version = 0;
    dti_rc rc = actor(a, &u, e);
    return rc ? rc : report_reopen_as(a->st, &u, key, reason, a->now, version, e);
}

dti_rc report_set_self_approval(app *a, int64_t org_id, int allow, const char *reason, dti_err *e)
{
    auth_user u;
    dti_rc rc = actor(a, &u, e);
    return rc ? rc : report_set_self_approval_as(a->st, &u, org_id, allow, reason, a->now, e);
}

dti_rc report_check_evidence(app *a, int64_t id, int checked, dti_err *e)
{
    auth_user u;
    dti_rc rc = actor(a, &u, e);
    return rc ? rc : report_check_evidence_as(a->st, &u, id, checked, a->now, e);
}

dti_rc report_evidence_get(app *a, int64_t id, char **p, size_t *n, char **name, char **media_type, dti_err *e)
{
    auth_user u;
    *p = NULL;
    *n = 0;
    dti_rc rc = actor(a, &u, e);
    return rc ? rc : report_evidence_get_as(a->st, &u, id, p, n, name, media_type, e);
}

dti_rc report_show(app *a, const report_key *key, int version, json_t **out, dti_err *e)
{
    auth_user u;
    *out = NULL;
    dti_rc rc = actor(a, &u, e);
    return rc ? rc : report_show_as(a->st, &u, key, version, a->now, out, e);
}

dti_rc report_versions(app *a, const report_key *key, json_t **out, dti_err *e)
{
    auth_user u;
    *out = NULL;
    dti_rc rc = actor(a, &u, e);
    return rc ? rc : report_versions_as(a->st, &u, key, out, e);
}

dti_rc report_completeness(app *a, int64_t plan_id, const char *period_code, json_t **out, dti_err *e)
{
    auth_user u;
    *out = NULL;
    dti_rc rc = actor(a, &u, e);
    return rc ? rc : report_completeness_as(a->st, &u, plan_id, period_code, a->now, out, e);
}

struct completeness_ctx {
    const auth_user *u;
    int64_t plan_id;
    const char *period;
    time_t now;
};

static dti_rc completeness_fn(store *s, void *ctx, json_t **out, dti_err *e)
{
    struct completeness_ctx *c = ctx;
    return report_completeness_as(s, c->u, c->plan_id, c->period, c->now, out, e);
}

dti_rc report_completeness_cached(app *a, int64_t plan_id, const char *period_code, char **body, size_t *len,
                                  dti_err *e)
{
    auth_user u;
    char what[SCORING_CACHE_WHAT_MAX + 8];
    *body = NULL;
    *len = 0;
    dti_rc rc = actor(a, &u, e);
    if (rc)
        return rc;
    struct completeness_ctx c = {&u, plan_id, period_code, a->now};
    int n = snprintf(what, sizeof what, "completeness/%lld/%s", (long long)plan_id, period_code ? period_code : "");
    return scoring_cache_json_as(a->st, &u, period_code && n > 0 && (size_t)n <= SCORING_CACHE_WHAT_MAX ? what : NULL, a->now,
                            completeness_fn, &c, body, len, NULL, e);
}

dti_rc report_queue(app *a, int64_t plan_id, const char *state, const char *period_code, json_t **out, dti_err *e)
{
    auth_user u;
    *out = NULL;
    dti_rc rc = actor(a, &u, e);
    return rc ? rc : report_queue_as(a->st, &u, plan_id, state, period_code, a->now, out, e);
}

dti_rc report_duty_list(app *a, int64_t plan_id, int64_t org_id, const char *period_code, json_t **out, dti_err *e)
{
    auth_user u;
    *out = NULL;
    dti_rc rc = actor(a, &u, e);
    return rc ? rc : report_duty_list_as(a->st, &u, plan_id, org_id, period_code, a->now, out, e);
}
