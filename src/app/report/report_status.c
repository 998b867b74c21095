/* report_status.c — completeness and timeliness of a plan's period, as
 * DHIS2 reports its reporting rates: which orgs were expected to report
 * (the leads under the assignments in force at the period's end), which
 * did, and which did on time against the units' deadline. A report's
 * timeliness is that of its first submission (of any version): a return
 * for correction does not make an on-time report late. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app_util.h"
#include "app/orgs/orgs.h"
#include "app/report/report_int.h"
#include "app/plan/request.h"
#include "core/period.h"
#include "core/period_week.h"
#include "store/store_request.h"
#include "store/store_report.h"

struct comp {
    store *s;
    const auth_user *u;
    int64_t plan_id;
    const char *period;
    int32_t due;
    time_t now;
    json_t *orgs;
    int64_t expected, received, on_time, late, missing;
    int nomem;
    dti_rc rc;
    dti_err *e;
};

static int comp_row(void *ctx, const store_row *r)
{
    struct comp *c = ctx;
    int in = 0;
    int64_t org = r->v[0].i;
    if ((c->rc = auth_in_scope(c->s, c->u, org, &in, c->e)))
        return 1;
    /* a reporter counts only itself */
    if (!in)
        return 0;
    const char *sub = app_col(r, 2);
    const char *state = app_col(r, 3);
    json_t *t = report_timeliness_json(sub, c->due, c->now);
    if (!t) {
        c->nomem = 1;
        return 1;
    }
    const char *st = json_string_value(json_object_get(t, "status"));
    c->expected++;
    if (sub)
        c->received++;
    if (st && strcmp(st, "on_time") == 0)
        c->on_time++;
    else if (st && strcmp(st, "late") == 0)
        c->late++;
    else if (st && strcmp(st, "missing") == 0)
        c->missing++;
    json_t *o = json_pack("{s:I, s:s, s:o, s:o, s:o, s:I}", "org_id", (json_int_t)org,
                          "org", app_col(r, 1) ? app_col(r, 1) : "",
                          "state", state ? json_string(state) : json_null(),
                          "first_submitted_at", sub ? json_string(sub) : json_null(), "timeliness", t,
                          "version", (json_int_t)(r->v[4].t == SV_NULL ? 0 : r->v[4].i));
    if (!o || json_array_append_new(c->orgs, o)) {
        c->nomem = 1;
        return 1;
    }
    return 0;
}

struct req_info {
    json_t *o;
    char end[PERIOD_DATE_LEN];
};

static int req_info_row(void *ctx, const store_row *r)
{
    struct req_info *x = ctx;
    char name[512];
    const char *cancelled = app_col(r, 6);
    plans_request_name(app_col(r, 0) ? app_col(r, 0) : "", app_col(r, 2), name, sizeof name);
    snprintf(x->end, sizeof x->end, "%.10s", app_col(r, 4) ? app_col(r, 4) : "");
    x->o = json_pack("{s:s, s:s, s:s, s:b, s:o, s:o}", "kind", app_col(r, 1) ? app_col(r, 1) : "", "title",
                     app_col(r, 2) ? app_col(r, 2) : "", "name", name, "cancelled", cancelled != NULL,
                     "cancelled_at", cancelled ? json_string(cancelled) : json_null(), "cancel_reason",
                     app_col(r, 7) ? json_string(app_col(r, 7)) : json_null());
    return 1;
}

/* The request CODE of PLAN_ID for the status: *OUT {"kind", "title",
 * "name", "cancelled", …} (new reference), END its last day. */
static dti_rc request_info(store *s, int64_t plan_id, const char *code, char end[PERIOD_DATE_LEN], json_t **out,
                           dti_err *e)
{
    struct req_info x = {NULL, ""};
    dti_rc rc = store_request_status(s, plan_id, code, req_info_row, &x, e);
    if (rc)
        return rc;
    if (!x.o)
        return app_nomem(e);
    snprintf(end, PERIOD_DATE_LEN, "%s", x.end);
    *out = x.o;
    return DTI_OK;
}

static json_t *rate(int64_t part, int64_t whole)
{
    return whole > 0 ? json_real((double)part / (double)whole) : json_null();
}

dti_rc report_completeness_as(store *s, const auth_user *u, int64_t plan_id, const char *period_code,
                           time_t now, json_t **out, dti_err *e)
{
    dti_rc rc;
    period p;
    char code[PERIOD_CODE_LEN], end[PERIOD_DATE_LEN];
    struct comp c;
    json_t *o = NULL, *info = NULL;
    *out = NULL;
    memset(&c, 0, sizeof c);
    if ((rc = auth_can_plan(s, u, AUTH_READ, plan_id, e)))
        return rc;
    char rk;
    int ry, rn;
    int req = period_code && period_request_parse(period_code, &rk, &ry, &rn) == 0;
    if (req) {
        /* an ad-hoc or weekly request (request.h): the units it asks */
        if ((rc = report_check_period(s, plan_id, period_code, e)))
            return rc;
        snprintf(code, sizeof code, "%s", period_code);
    } else {
        if (!period_code || period_parse(period_code, &p) != 0)
            return report_check_period(s, plan_id, period_code, e);
        period_format(&p, code);
        if ((rc = report_check_period(s, plan_id, code, e)))
            return rc;
        char *pend = NULL;
        if ((rc = store_report_period_end(s, plan_id, code, &pend, e)))
            return rc;
        if (pend)
            snprintf(end, sizeof end, "%s", pend);
        else
            period_date_iso(period_end(&p), end);
        free(pend);
    }
    c.s = s;
    c.u = u;
    c.plan_id = plan_id;
    c.period = code;
    c.now = now;
    c.e = e;
    if ((rc = report_unit_due(s, plan_id, code, &c.due, e)))
        return rc;
    if (!(c.orgs = json_array()))
        return app_nomem(e);
    /* expected: the leads in force at the period's end (valid_from on or
     * before it, valid_to after it or open) */
    if (req) {
        if ((rc = store_request_expected(s, plan_id, code, comp_row, &c, e)) ||
            (rc = request_info(s, plan_id, code, end, &info, e)))
            goto fail;
    } else if ((rc = store_report_expected(s, plan_id, code, end, comp_row, &c, e)))
        goto fail;
    if (c.rc) {
        rc = c.rc;
        goto fail;
    }
    if (c.nomem) {
        rc = app_nomem(e);
        goto fail;
    }
    /* the names on the period's last day, and what changed (orgs.h) */
    if ((rc = orgs_json_explain(s, c.orgs, "org_id", "org", end, e)))
        goto fail;
    char dd[PERIOD_DATE_LEN];
    o = json_pack("{s:I, s:s, s:o, s:I, s:I, s:I, s:I, s:I, s:o, s:o, s:O}",
                  "plan_id", (json_int_t)plan_id, "period", code,
                  "unit_deadline", c.due == PERIOD_NO_DAY ? json_null() : json_string(period_date_vn(c.due, dd)),
                  "expected", (json_int_t)c.expected, "received", (json_int_t)c.received,
                  "on_time", (json_int_t)c.on_time, "late", (json_int_t)c.late,
                  "missing", (json_int_t)c.missing, "completeness", rate(c.received, c.expected),
                  "timeliness", rate(c.on_time, c.expected), "orgs", c.orgs);
    if (!o || (info && json_object_set(o, "request", info))) {
        rc = app_nomem(e);
        goto fail;
    }
    json_decref(info);
    json_decref(c.orgs);
    *out = o;
    return DTI_OK;
fail:
    json_decref(o);
    json_decref(info);
    json_decref(c.orgs);
    return rc;
}

/* ---- the review queue (report_queue) ------------------------------------------ */

#define QUEUE_ORGS_CACHE 64     /* orgs whose permissions one queue remembers */

struct queue {
    store *s;
    const auth_user *u;
    time_t now;
    json_t *reports;
    struct { int64_t org; int read, review; } seen[QUEUE_ORGS_CACHE];
    size_t nseen;
    int nomem;
    dti_rc rc;
    dti_err *e;
};

/* Whether the queue's user may read and review ORG's reports (cached). */
static dti_rc queue_may(struct queue *q, int64_t org, int *read, int *review)
{
    for (size_t i = 0; i < q->nseen; i++)
        if (q->seen[i].org == org) {
            *read = q->seen[i].read;
            *review = q->seen[i].review;
            return DTI_OK;
        }
    dti_err scratch;
    /* out of scope (not found) or not the role's (refused): left out */
    dti_rc rc = auth_can(q->s, q->u, AUTH_READ, org, &scratch);
    if (rc && rc != DTI_ERR_PERM && rc != DTI_ERR_NOTFOUND)
        return dti_fail(q->e, rc, NULL, "%s", "%s", scratch.msg);
    *read = rc == DTI_OK;
    *review = 0;
    if (*read) {
        rc = auth_can(q->s, q->u, AUTH_REVIEW, org, &scratch);
        if (rc && rc != DTI_ERR_PERM && rc != DTI_ERR_NOTFOUND)
            return dti_fail(q->e, rc, NULL, "%s", "%s", scratch.msg);
        *review = rc == DTI_OK;
    }
    if (q->nseen < QUEUE_ORGS_CACHE) {
        q->seen[q->nseen].org = org;
        q->seen[q->nseen].read = *read;
        q->seen[q->nseen].review = *review;
        q->nseen++;
    }
    return DTI_OK;
}

static int queue_row(void *ctx, const store_row *r)
{
    struct queue *q = ctx;
    int read = 0, review = 0;
    int64_t org = r->v[0].i;
    if ((q->rc = queue_may(q, org, &read, &review)))
        return 1;
    if (!read)
        return 0;
    const char *code = app_col(r, 2), *first = app_col(r, 6), *due_text = app_col(r, 7), *kind = app_col(r, 8);
    period p;
    int32_t due = PERIOD_NO_DAY, day;
    if (due_text && period_date_parse(due_text, &day) == 0)
        due = day;
    if (!kind && code && period_parse(code, &p) == 0)
        kind = period_kind_name(p.kind);
    char dd[PERIOD_DATE_LEN];
    json_t *t = report_timeliness_json(first, due, q->now);
    json_t *o = t ? json_pack("{s:I, s:s, s:s, s:o, s:I, s:s, s:o, s:o, s:o, s:o, s:b}", "org_id", (json_int_t)org,
                              "org", app_col(r, 1) ? app_col(r, 1) : "", "period", code ? code : "",
                              "kind", kind ? json_string(kind) : json_null(), "version", (json_int_t)r->v[3].i,
                              "state", app_col(r, 4) ? app_col(r, 4) : "",
                              "submitted_at", app_col(r, 5) ? json_string(app_col(r, 5)) : json_null(),
                              "first_submitted_at", first ? json_string(first) : json_null(),
                              "unit_due", due == PERIOD_NO_DAY ? json_null() : json_string(period_date_vn(due, dd)),
                              "timeliness", t, "can_review", review)
                  : NULL;
    if (!o || json_array_append_new(q->reports, o)) {
        q->nomem = 1;
        return 1;
    }
    return 0;
}

dti_rc report_queue_as(store *s, const auth_user *u, int64_t plan_id, const char *state, const char *period_code,
                    time_t now, json_t **out, dti_err *e)
{
    dti_rc rc;
    period p;
    char code[PERIOD_CODE_LEN] = "";
    struct queue *q = NULL;
    *out = NULL;
    if ((rc = auth_can_plan(s, u, AUTH_READ, plan_id, e)))
        return rc == DTI_ERR_PERM ? dti_fail(e, DTI_ERR_NOTFOUND, "plan", "không có kế hoạch số %lld",
                                             "no plan with id %lld", (long long)plan_id)
                                  : rc;
    if (!state)
        state = "submitted";
    int st = report_state_parse(state);
    if (st < 0)
        return dti_fail(e, DTI_ERR_INPUT, "state",
                        "trạng thái \"%s\" không hợp lệ (draft, submitted, returned, approved)",
                        "state \"%s\" is not one of draft, submitted, returned, approved", state);
    if (period_code) {
        char rk;
        int ry, rn;
        if ((rc = report_check_period(s, plan_id, period_code, e)))
            return rc;
        if (period_request_parse(period_code, &rk, &ry, &rn) == 0) {
            snprintf(code, sizeof code, "%s", period_code);     /* a request's code, as it is */
        } else {
            period_parse(period_code, &p);
            period_format(&p, code);
        }
    }
    if (!(q = calloc(1, sizeof *q)))
        return app_nomem(e);
    q->s = s;
    q->u = u;
    q->now = now;
    q->e = e;
    if (!(q->reports = json_array())) {
        rc = app_nomem(e);
        goto out;
    }
    state = report_state_name((report_state)st);
    if ((rc = store_report_queue(s, plan_id, state, code[0] ? code : NULL, queue_row, q, e)))
        goto out;
    if (q->rc) {
        rc = q->rc;
        goto out;
    }
    if (q->nomem) {
        rc = app_nomem(e);
        goto out;
    }
    if (!(*out = json_pack("{s:I, s:s, s:o, s:O}", "plan_id", (json_int_t)plan_id, "state", state,
                           "period", code[0] ? json_string(code) : json_null(), "reports", q->reports)))
        rc = app_nomem(e);
out:
    if (q)
        json_decref(q->reports);
    free(q);
    return rc;
}
