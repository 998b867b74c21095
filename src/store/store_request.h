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
/* Ask org ORG_ID for request REQUEST_ID. */
dti_rc store_request_org_add(store *s, int64_t request_id, int64_t org_id, dti_err *e);
/* How many ad-hoc requests PLAN_ID has whose code starts with YEAR. */
dti_rc store_request_adhoc_count(store *s, int64_t plan_id, int year, int64_t *n, dti_err *e);
/* *FOUND 1 when PLAN_ID has a request CODE. */
dti_rc store_request_exists(store *s, int64_t plan_id, const char *code, int *found, dti_err *e);
/* *FOUND 1 when PLAN_ID's request CODE asks org ORG_ID. */
dti_rc store_request_asked(store *s, int64_t plan_id, const char *code, int64_t org_id, int *found, dti_err *e);
/* The distinct orgs leading an indicator or task of PLAN_ID, one row
 * each: (org_id). */
dti_rc store_request_plan_leads(store *s, int64_t plan_id, store_row_fn fn, void *ctx, dti_err *e);
/* PLAN_ID's requests by deadline then code, one row per request and org
 * asked: (code, kind, title, start_date, end_date, unit_due, created_at,
 * org_id, org name). */
dti_rc store_request_list(store *s, int64_t plan_id, store_row_fn fn, void *ctx, dti_err *e);
/* The requests of PLAN_ID asked of ORG_ID, one row each: (code, kind,
 * title, start_date, end_date, unit_due). */
dti_rc store_request_of_org(store *s, int64_t plan_id, int64_t org_id, store_row_fn fn, void *ctx, dti_err *e);

#endif
