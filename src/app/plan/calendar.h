/* calendar.h — a plan's reporting regime (calendar) and the periods it
 * gives, stored for reports, deadlines and scores.
 *
 * The rules are core/period.h's syntax (docs/calendar.md), for example the
 * Minh Đức plan's "units monthly before the 15th, the commune before the
 * 20th": month:unit=15+1,commune=20+1. Setting a regime replaces the
 * previous one (audited, before and after) and rewrites the plan's periods
 * for every year of the plan (the span its title states joined with its
 * targets' years plans.year_from..year_to; the issue year or the current
 * year when the plan states none), at most PLANS_CALENDAR_YEARS_MAX.
 * Reports keep their period codes, so a changed regime moves deadlines, not
 * reports. Needs AUTH_PLAN_WRITE (set) or AUTH_READ (get) on the plan; a
 * user who may not read the plan gets DTI_ERR_NOTFOUND for both (a foreign
 * scope never learns a plan exists), one who may read it but not write it
 * DTI_ERR_PERM. */
#ifndef DTI_CALENDAR_H
#define DTI_CALENDAR_H
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <jansson.h>
#include "app/app.h"
#include "app/auth/auth.h"
#include "base/strlist.h"

#define PLANS_CALENDAR_YEARS_MAX 20

/* Set PLAN_ID's regime to the N RULES as the acting user of A (AUTH_PLAN_WRITE
 * on the plan), at A->now, audited. *NPERIODS (may be NULL) gets the
 * number of periods stored. A bad rule is DTI_ERR_INPUT naming it. */
dti_rc plans_calendar_set(app *a, int64_t plan_id, const char *const *rules, size_t n, size_t *nperiods, dti_err *e);
/* DTI_OK when the acting user of A may set PLAN_ID's calendar: a plan out
 * of its scope is DTI_ERR_NOTFOUND, one it may only read DTI_ERR_PERM (so
 * that an entry point checks the rules only for who may write them). */
dti_rc plans_calendar_writable(app *a, int64_t plan_id, dti_err *e);
/* The same for a use case that has already checked AUTH_PLAN_WRITE on the
 * plan, inside its own transaction or not (store_begin nests): the import
 * sets the calendar the document states. WHO is recorded in the audit log
 * (NULL: the system, before any user exists). No permission check. */
dti_rc plans_calendar_apply(store *s, const auth_user *who, int64_t plan_id, const char *const *rules, size_t n,
                      time_t now, size_t *nperiods, dti_err *e);
/* Add to OUT the message of every deadline of PLAN_ID's stored periods that
 * falls before its period's end (the "warnings" of plans_calendar_get, every
 * year), for a use case that has checked permissions already: the import
 * tells them in its summary. Only DTI_ERR_NOMEM or a store error fails. */
dti_rc plans_calendar_warnings(store *s, int64_t plan_id, strlist *out, dti_err *e);
/* The N RULES in words (core/period_text.h): *OUT (new reference) is
 * [{"rule", "vi", "en"}], "vi" and "en" empty for a rule that does not
 * parse. Only DTI_ERR_NOMEM fails. */
dti_rc plans_calendar_describe(const char *const *rules, size_t n, json_t **out, dti_err *e);
/* {"plan_id", "rules": [..], "descriptions": [{"rule", "vi", "en"}], "periods": [{"code", "kind", "start", "end",
 * "unit_due", "commune_due"}], "warnings": [{"code", "level", "due", "end", "message"}], "years": {"from", "to",
 * "stored": [a, b] | null, "span": [a, b] | null}} with dates as dd/mm/yyyy, of YEAR (0 = all).
 * "warnings" lists every deadline of those periods that falls before the
 * period's last day ("level": "unit" or "commune"; "message" in the current
 * language): allowed, never silent — the CLI, the API's PUT answer and the
 * calendar screen show them to the coordinator. "years" are the years the
 * periods are made for (from 0 when unknown): the span the plan's title
 * states ("giai đoạn 2025–2030", "năm 2026"; "span") joined with the years
 * kept with the plan ("stored": plans.year_from..year_to, its targets'
 * years and, since the import reads it, its span), else the year issued,
 * else (when setting) the current year.
 * As the acting user of A (AUTH_READ on the plan). *OUT new reference. */
dti_rc plans_calendar_get(app *a, int64_t plan_id, int year, json_t **out, dti_err *e);
/* The same for a use case inside app/ that has read the user U already. */
dti_rc plans_calendar_get_as(store *s, const auth_user *u, int64_t plan_id, int year, json_t **out, dti_err *e);

#endif
