/* store_request.h — requests a coordinator opens beside the regime (issue
 * 13): ad-hoc reports ("2026-D01") and the weeks of a weekly request
 * ("2026-W49"), each one reportable period with its own dates, deadline
 * and units asked (tables requests and request_orgs, migration 012).
 * Checking, numbering and auditing are app/plan/request.c's. Dates are
 * "YYYY-MM-DD" text. */
#ifndef DTI_STORE_REQUEST_H
#define DTI_STORE_REQUEST_H
#include <stdint.h>
#include "store/store.h"

/* Add one request of PLAN_ID; *ID gets its id. A CODE the plan already has
 * is DTI_ERR_CONFLICT. */
dti_rc store_request_add(store *s, int64_t plan_id, const char *code, const char *kind, const char *title,
                         const char *start, const char *end, const char *unit_due, int64_t created_by,
                         const char *created_at, int64_t *id, dti_err *e);
/* Ask org ORG_ID for request REQUEST_ID (again, when an edit dropped it). */
dti_rc store_request_org_add(store *s, int64_t request_id, int64_t org_id, dti_err *e);
/* How many ad-hoc requests PLAN_ID has whose code starts with YEAR. */
dti_rc store_request_adhoc_count(store *s, int64_t plan_id, int year, int64_t *n, dti_err *e);
/* *FOUND 1 when PLAN_ID has a request CODE. */
dti_rc store_request_exists(store *s, int64_t plan_id, const char *code, int *found, dti_err *e);
/* *FOUND 1 when PLAN_ID's request CODE asks org ORG_ID (not dropped). */
dti_rc store_request_asked(store *s, int64_t plan_id, const char *code, int64_t org_id, int *found, dti_err *e);
/* The distinct orgs leading an indicator or task of PLAN_ID, one row
 * each: (org_id). */
dti_rc store_request_plan_leads(store *s, int64_t plan_id, store_row_fn fn, void *ctx, dti_err *e);
/* PLAN_ID's requests by deadline then code, one row per request and org
 * asked (not dropped): (code, kind, title, start_date, end_date, unit_due,
 * created_at, org_id, org name, updated_at, cancelled_at, cancel_reason,
 * the canceller's display name, the count of report versions under the
 * code), cancelled ones included. */
dti_rc store_request_list(store *s, int64_t plan_id, store_row_fn fn, void *ctx, dti_err *e);
/* The requests of PLAN_ID asked of ORG_ID, not cancelled, one row each:
 * (code, kind, title, start_date, end_date, unit_due). */
dti_rc store_request_of_org(store *s, int64_t plan_id, int64_t org_id, store_row_fn fn, void *ctx, dti_err *e);

/* PLAN_ID's request CODE, one row or none: (id, kind, title, start_date,
 * end_date, unit_due, cancelled_at, cancel_reason). */
dti_rc store_request_get(store *s, int64_t plan_id, const char *code, store_row_fn fn, void *ctx, dti_err *e);
/* The same for a status: (code, kind, title, start_date, end_date,
 * unit_due, cancelled_at, cancel_reason). */
dti_rc store_request_status(store *s, int64_t plan_id, const char *code, store_row_fn fn, void *ctx, dti_err *e);
/* The orgs request REQUEST_ID asks (not dropped), one row each: (org_id). */
dti_rc store_request_orgs(store *s, int64_t request_id, store_row_fn fn, void *ctx, dti_err *e);
/* *N: the report versions of PLAN_ID under period CODE (any unit, state). */
dti_rc store_request_reports(store *s, int64_t plan_id, const char *code, int64_t *n, dti_err *e);
/* Set request REQUEST_ID's title and units' deadline, noting who and when. */
dti_rc store_request_update(store *s, int64_t request_id, const char *title, const char *unit_due,
                            int64_t updated_by, const char *updated_at, dti_err *e);
/* Stop asking ORG_ID for REQUEST_ID: its row stays, dropped_at = AT. */
dti_rc store_request_org_drop(store *s, int64_t request_id, int64_t org_id, const char *at, dti_err *e);
/* Mark REQUEST_ID cancelled by BY at AT for REASON (once: a cancelled one
 * is left as it is). */
dti_rc store_request_cancel(store *s, int64_t request_id, int64_t by, const char *at, const char *reason,
                            dti_err *e);
/* The orgs PLAN_ID's request CODE asks, as store_report_expected answers
 * for a period: (org_id, name, first submitted_at, newest state, newest
 * version), by name. */
dti_rc store_request_expected(store *s, int64_t plan_id, const char *code, store_row_fn fn, void *ctx, dti_err *e);
/* PLAN_ID's requests not cancelled whose unit_due lies in FROM..TO (ISO
 * dates): (code, end_date, unit_due, title). */
dti_rc store_request_remind_due(store *s, int64_t plan_id, const char *from, const char *to, store_row_fn fn,
                                void *ctx, dti_err *e);
/* The orgs request CODE asks (not dropped) and their newest report's
 * state: (org_id, name, state or NULL). */
dti_rc store_request_remind_leads(store *s, int64_t plan_id, const char *code, store_row_fn fn, void *ctx,
                                  dti_err *e);
/* For the opened/changed/cancelled notices: PLAN_ID's requests starting on
 * or before UNTIL whose deadline is on or after SINCE or that changed or
 * were cancelled since SINCE, one row per org ever asked: (code, kind,
 * title, start_date, end_date, unit_due, created_at, updated_at,
 * cancelled_at, cancel_reason, org_id, org name, dropped_at). */
dti_rc store_request_remind_events(store *s, int64_t plan_id, const char *until, const char *since,
                                   store_row_fn fn, void *ctx, dti_err *e);

#endif
