/* store_calendar.h — a plan's reporting calendar: the rules it was set by
 * (calendar_rules, period.h syntax, in order) and the periods they give
 * (periods: code, kind, start and end dates, the unit's and the commune's
 * deadlines), for every year of the plan.
 *
 * The calendar is replaced whole (store_calendar_clear, then the rules and
 * periods added again) inside the caller's transaction; computing the
 * periods from the rules and auditing the change is app/plan/calendar.c's.
 * Dates are "YYYY-MM-DD" text, NULL where a period has none. */
#ifndef DTI_STORE_CALENDAR_H
#define DTI_STORE_CALENDAR_H
#include <stdint.h>
#include "store/store.h"

/* PLAN_ID's rules in order, one row each: (rule). */
dti_rc store_calendar_rules(store *s, int64_t plan_id, store_row_fn fn, void *ctx, dti_err *e);

/* Remove PLAN_ID's rules and periods. */
dti_rc store_calendar_clear(store *s, int64_t plan_id, dti_err *e);

/* Add rule SEQ (1-based) of PLAN_ID, recorded at CREATED_AT (ISO 8601). */
dti_rc store_calendar_rule_add(store *s, int64_t plan_id, int64_t seq, const char *rule, const char *created_at,
                               dti_err *e);

/* Add a period of PLAN_ID: CODE ("2026-10", "2026-Q4"...), KIND ("month",
 * "quarter", "half", "year"), the dates (NULL for none). */
dti_rc store_calendar_period_add(store *s, int64_t plan_id, const char *code, const char *kind, const char *start,
                                 const char *end, const char *unit_due, const char *commune_due, dti_err *e);

/* PLAN_ID's periods of YEAR (the year of their code; 0: every year) by end
 * date, the shorter kind first, one row each: (code, kind, start_date,
 * end_date, unit_due, commune_due). */
dti_rc store_calendar_periods(store *s, int64_t plan_id, int year, store_row_fn fn, void *ctx, dti_err *e);

/* The commune's deadline of PLAN_ID's period CODE into *DUE (owned by
 * caller; NULL when the period is missing or has none). */
dti_rc store_calendar_commune_due(store *s, int64_t plan_id, const char *code, char **due, dti_err *e);

#endif
