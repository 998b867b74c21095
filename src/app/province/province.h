/* province.h — the province's home (issue 12, point 4): what the Sở KH&CN
 * (a user whose scope is a province, or an admin, or anyone whose scope
 * holds the province) sees of its communes for a period. docs/province.md
 * says the same for people.
 *
 * Every function takes the app context first (app/app.h), reads the
 * acting user with app_actor and needs AUTH_READ on the province org
 * (auth.h): a commune's or a unit's user, whose scope lies below the
 * province, gets DTI_ERR_NOTFOUND, the same answer as for a missing org,
 * so no other commune's figure and not even the province's existence
 * leaks through these functions. An org that is not a province, in scope:
 * DTI_ERR_INPUT.
 *
 * The change is the index minus the previous period's (the period of the
 * same kind before: September for October, Q2 for Q3), null when that
 * period has no approved figure at all (before the plan began, or a year
 * the plan does not cover), whose 0 would read as a leap.
 *
 * Figures are the score wing's one computation (scoring_compute_as, the
 * same as the dashboard, `dti score` and the rankings): each commune by
 * its plan that covers the period's year (scoring_rank_as's choice), judged the
 * day after the period; with a point table loaded on the plans (the
 * province's one, province_table_load) the index is the table's.
 *
 * Decision — "the commune's own report reached the province by its
 * deadline". dti holds no copy of what a commune sends by post or e-mail;
 * what it records is when the commune made its official report for the
 * period: the first "export.report" audit entry of the commune's plan for
 * that period (Word or Excel, app/outputs: the report the plan obliges the
 * commune to send up), judged against the commune deadline of the plan's
 * calendar (periods.commune_due, to the end of that day in Vietnam). The
 * same rule as the province summary (app/outputs/outputs_province.c), so the
 * home and the summary never disagree. States: "on_time" (đúng hạn), "late"
 * (trễ N ngày), "missing" (chưa gửi: deadline passed, none made),
 * "not_due" (chưa đến hạn), "no_deadline" (the calendar names none: made
 * or not), "no_plan" (no plan covers the period). A commune "has not
 * reported" when its state is missing, not_due or no_plan, or no_deadline
 * without a report made: the list of who has not reported.
 *
 * Decision — the contact of a commune that has not reported: the active
 * coordinator accounts whose scope is the commune (the commune's standing
 * office, usually Phòng Văn hóa - Xã hội: DESIGN.md), by display name and
 * login; none: null, and the page says "chưa có tài khoản điều phối". */
#ifndef DTI_APP_PROVINCE_H
#define DTI_APP_PROVINCE_H
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <jansson.h>
#include "app/app.h"
#include "base/err.h"

#define PROVINCE_COMMUNES_MAX 5000      /* communes of one province read */
#define PROVINCE_INDICATORS_MAX 2000    /* distinct (code, name) listed */

/* The provinces the acting user may read ({"provinces": [{id, name,
 * communes}]}, by name): an admin every live province; another user the
 * province its scope is or lies in, when its scope is the province itself
 * (a commune's user: none). *OUT new reference. */
dti_rc province_list(app *a, json_t **out, dti_err *e);

/* The home of PROVINCE for PERIOD ("2026-10", "2026-Q3", "2026"), judged at
 * A->now: {"province": {id, name}, "period", "judged_on", "communes": [{
 * org_id, name, plan_id (null), plan, rank (null without an index), index,
 * index_text, completeness {reported, expected, rate}, previous_period,
 * previous_index, change, at_risk, table (null or name), report {state,
 * label, due, at, late_days}, reported (bool), contacts [{name, display}],
 * note (null or why no figure)}], "summary": {communes, with_plan,
 * reported, not_reported, late, at_risk_communes}, "province_index"
 * {mode, mode_label, value, value_text}, "table" (null or the name every
 * commune's plan is scored with), "not_reported": [org ids in name
 * order]}. Communes in rank order, those without an index last by name.
 * *OUT new reference. */
dti_rc province_home(app *a, int64_t province, const char *period, json_t **out, dti_err *e);

/* The indicators the communes' plans of PROVINCE covering PERIOD's year
 * share: {"indicators": [{code, name, communes}]} where one entry gathers
 * the indicators of the same code whose names match (app_index_names_match:
 * code AND name), listed when at least two communes have it, most shared
 * first, then by code. *OUT new reference. */
dti_rc province_indicators(app *a, int64_t province, const char *period, json_t **out, dti_err *e);

/* Indicator CODE named NAME compared across the communes of PROVINCE for
 * PERIOD: {"code", "name", "period", "unit", "communes": [{org_id, name,
 * plan_id, matched (bool), indicator_name, value, unit, target,
 * achievement, status, status_label}]} (a commune whose plan has no
 * indicator of that code and a matching name: matched false, figures
 * null), highest achievement first. CODE and NAME required (DTI_ERR_INPUT).
 * *OUT new reference. */
dti_rc province_compare(app *a, int64_t province, const char *period, const char *code, const char *name,
                        json_t **out, dti_err *e);

/* Load the point table in the N bytes at DATA (CSV or JSON,
 * docs/index-table.md; NAME for messages) once for the whole PROVINCE and
 * apply it to every commune's plan covering YEAR (0: the year of A->now in
 * Vietnam): one yardstick. The
 * table is read and checked once (app_index_parse); for each plan, each
 * criterion keeps the indicator codes the plan has whose name matches the
 * criterion's (code AND name, app_index_names_match); a criterion with
 * none left is kept with the same maximum and scored by the appraiser
 * (rule "reviewer": 0 until the province gives points), so every commune
 * is measured out of the same maximum. Each plan's table is then loaded by
 * scoring_index_load (the plan's earlier table closed, "index.load" audited)
 * and the whole load is one transaction: any failure stores nothing.
 * Needs AUTH_PLAN_WRITE on the province (its coordinator, or an admin:
 * others DTI_ERR_PERM). Audited "province.index.load" (entity org).
 * *OUT {"name", "criteria", "max_total", "year", "plans", "communes": [{
 * org_id, name, plan_id, table_id, matched, unmatched [codes]}]}. */
dti_rc province_table_load(app *a, int64_t province, int year, const char *name, const char *data, size_t n,
                           json_t **out, dti_err *e);

/* The home of PROVINCE for PERIOD as an Excel workbook (export/
 * province_home.h): every commune as the page shows it with its contacts,
 * the communes that have not reported, and, when CODE is given (NAME then
 * required, as province_compare), that indicator across the communes.
 * Permissions as province_home. Audited ("export.province_home", entity
 * org) with the audit head anchored and stamped in the file. *DATA (caller
 * frees), *LEN; *FNAME (may be NULL; caller frees) "trang-tinh-ID-PERIOD.xlsx". */
dti_rc province_export(app *a, int64_t province, const char *period, const char *code, const char *name,
                       void **data, size_t *len, char **fname, dti_err *e);

/* The test data of a province (`dti province gen`, `dti gen province`):
 * the gen wing's gen_province (app/gen/gen.h). */

#endif
