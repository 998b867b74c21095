/* duty.h — what one org owes on a plan ("My work", việc của tôi): the
 * items it answers for and the periods it must report.
 *
 * Items come from the versioned assignments (assign.h), resolved by org id:
 * the indicators and tasks the org leads (chủ trì) or supports (phối hợp)
 * in force on a reference day — today (Vietnam's date) for the whole list,
 * or the end of the asked period, so a past period shows the duties of that
 * time. An indicator comes with the target of the reference year (that
 * year's, else the next year's, else the latest before: report.c's rule),
 * its unit, whether it is a rate (target unit "%": numerator and
 * denominator, the percent computed) or a text target (met yes/no).
 *
 * Periods come from the plan's calendar (calendar.h; any kind: month,
 * quarter, half-year, year, several kinds at once). A period is owed
 * (report_duty_period) when it has started and the org had an assignment in force
 * at its end, and it is either
 *   current  today lies between its start and the later of its end and its
 *            units' deadline (the report is being prepared, or may still be
 *            made on time): listed whatever the report's state, so the unit
 *            sees it done;
 *   past     its end and deadline have passed and its report is not
 *            approved (missing, draft, returned, or waiting for review).
 * Approved past periods and periods not yet started are not listed.
 * Decision: a past period stays owed however old it is — a missing report
 * does not stop being missing — but only from the first period in which the
 * org had the duty (assignments' valid_from), so a unit given a duty in
 * June does not owe January. Periods are ordered by their units' deadline
 * (the end where none), then kind (month first): the oldest overdue first.
 * A returned report comes before all of them (issue 13): it has a new
 * deadline, the plan's return days in working days after the day it was
 * returned (app/remind.h, remind_return_due), and its days_left counts to
 * that, not to the period's deadline — the unit is not late for it.
 *
 * Permission: AUTH_READ on the plan and on the org's reports (auth.h: a
 * reporter its own org and those under it; a coordinator or viewer within
 * scope; an admin all). A plan or org the user may not read is "not found"
 * (DTI_ERR_NOTFOUND, one message for missing and foreign: no leak), as is
 * an org outside the plan's commune. */
#ifndef DTI_DUTY_H
#define DTI_DUTY_H
#include <stdint.h>
#include <time.h>
#include <jansson.h>
#include "app/auth/auth.h"

typedef struct app app;     /* app/app.h: the context */
#include "core/period.h"

typedef enum {
    REPORT_DUTY_NONE = 0,      /* not owed now: not started, or approved and closed */
    REPORT_DUTY_CURRENT,       /* open: between its start and its deadline (or end) */
    REPORT_DUTY_PAST           /* closed and not approved: overdue or waiting */
} report_duty_when;

/* "none", "current", "past". */
const char *report_duty_when_name(report_duty_when w);

/* Whether period PE is owed on day TODAY (a Vietnamese date, period.h day
 * number) by an org that had a duty at its end (ASSIGNED) and whose report
 * is approved (APPROVED), by the rules above. Pure. */
report_duty_when report_duty_period(const period_entry *pe, int32_t today, int assigned, int approved);

/* ORG_ID's work on PLAN_ID at NOW, as U (permission above):
 *   {"plan_id", "org_id", "org", "today", "today_iso", "calendar": bool,
 *    "note": text or null,
 *    "items": [{"kind": "indicator"|"task", "id", "code", "ref" (the code
 *               a report's CSV names it by: "GROUP/CODE" where the plan
 *               repeats the code across groups), "group", "name",
 *               "role": "lead"|"support", "due", "due_text",
 *               (indicators) "target": {"year", "op", "value", "unit",
 *               "text"} or null, "unit", "rate": bool, "text_target": bool}],
 *    "periods": [{"code", "kind", "start", "end", "start_iso", "end_iso",
 *                 "unit_due", "unit_due_iso", "days_left", "when",
 *                 "expected": bool (the org leads something then),
 *                 "state", "version", "submitted_at", "first_submitted_at",
 *                 "reason", "timeliness": {...}, "returned_at" (ISO) or null,
 *                 "return_due", "return_due_iso" (the new deadline) or null}]}
 * Dates dd/mm/yyyy with their ISO twins; days_left is the unit deadline
 * minus today in Vietnamese days (negative: overdue), null without a
 * deadline; state null when no report exists. With PERIOD (may be NULL) the
 * items are those in force at that period's end and "periods" holds that
 * period alone, owed or not (DTI_ERR_INPUT when it is not a period of the
 * plan's calendar). A plan without a calendar gives its items, no periods
 * and a note saying a coordinator must set one. *OUT new reference. */
dti_rc report_duty_list_as(store *s, const auth_user *u, int64_t plan_id, int64_t org_id, const char *period,
                           time_t now, json_t **out, dti_err *e);
/* The same as A's acting user at A->now (report_app.c; report.h's "entry
 * points' door"). */
dti_rc report_duty_list(app *a, int64_t plan_id, int64_t org_id, const char *period, json_t **out, dti_err *e);

#endif
