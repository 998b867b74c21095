/* store_duty.h — what an org owes on a plan, as app/report/duty.c reads
 * it: the org's assignments, its reports and its items in force on a day
 * (the calendar's periods and the targets are store_report.h's). Reads
 * only; rows go to a store_row_fn with the columns listed. No permission
 * is checked here. */
#ifndef DTI_STORE_DUTY_H
#define DTI_STORE_DUTY_H
#include <stdint.h>
#include "store/store.h"

/* ORG_ID's lead and support assignments on PLAN_ID, in force or not.
 * Columns: role, valid_from, valid_to. */
dti_rc store_duty_spans(store *s, int64_t plan_id, int64_t org_id, store_row_fn fn, void *ctx, dti_err *e);
/* ORG_ID's reports on PLAN_ID by period, then version. Columns: period,
 * version, state, submitted_at, reason, returned_at. */
dti_rc store_duty_reports(store *s, int64_t plan_id, int64_t org_id, store_row_fn fn, void *ctx, dti_err *e);
/* ORG_ID's indicators (IS_TASK 0) or tasks of PLAN_ID under a lead or
 * support assignment in force on DAY ("YYYY-MM-DD"), in the plan's order,
 * one row each. Columns: id, code, group_code, name, due, due_text, the
 * lowest role ("lead" before "support"), how many items of the plan share
 * the code. */
dti_rc store_duty_items(store *s, int64_t plan_id, int64_t org_id, int is_task, const char *day, store_row_fn fn,
                        void *ctx, dti_err *e);

#endif
