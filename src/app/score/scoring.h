/* scoring.h — the dashboard's view of a plan's score for a period: every
 * indicator's inputs, value, achievement, status and points, the group and
 * plan index, the at-risk and not-met lists, the period's completeness and
 * the ranking of units, as one JSON object (the shape web/js/views/
 * dashboard.js, `dti score` and score_cache.h read).
 *
 * No figure is computed here: they are app/score.h's one computation
 * (scoring_compute_unchecked, and scoring_rank_units for the ranking), so the dashboard,
 * the rankings and publishing always agree. The rules — which reports and
 * whose figures count, last and sum, the target's year, the status day, the
 * owed reports of the ranking — are in app/score.h and docs/scoring.md
 * section 8. With a point table loaded, "plan" and "groups" are the table's
 * (the reviewer's points where given) and "table" names it.
 *
 * Decision — one vocabulary for a score (docs/scoring.md section 9). Every
 * JSON answer of the scoring wing (this view, scoring_result_json's table
 * view, rankings of communes and the province, publications, the public
 * page) names a score with the same keys, made by scoring_sum_json: points,
 * max, index (0..1, null when nothing is counted), index_text ("0,7071", null
 * with index), counted, nodata, zero_max, completeness {reported, expected,
 * rate}. The plan's score is "total" everywhere; groups and trend entries
 * carry the same keys beside code/name or period. "value"/"value_text" are
 * what an indicator reports, never a score (the dashboard used to say "plan"
 * {value, value_text} for what the table view called "total" {index,
 * index_text}). */
#ifndef DTI_SCORING_H
#define DTI_SCORING_H
#include <stdint.h>
#include <time.h>
#include <jansson.h>
#include "app/app.h"
#include "app/auth/auth.h"

/* The score of PLAN_ID for PERIOD as JSON (every figure with its inputs,
 * and "trend": the plan's index for each period of PERIOD's kind in its
 * year up to PERIOD that the calendar holds, oldest first, each computed
 * as that period alone would be;
 * the CLI prints it as a table or as is), with timeliness judged at NOW.
 * Needs AUTH_READ on the plan's org; PERIOD must be in the plan's calendar
 * when it has one, or be a quarter, half-year or year holding calendar
 * periods of a finer kind (a monthly plan read by quarter): its figures
 * fold the months by each indicator's aggregation, its completeness sums
 * those periods' ("parts": their codes; each org once, its worst
 * timeliness and its counts on_time, late, missing, not_due). *OUT new reference. Fields: plan_id, period, judged_on
 * (dd/mm/yyyy, the day after the period's end), method, table (null or
 * {id, name}), indicators [{id, code, group, name, aggregation, target {year,
 * op, value, unit, text}, observations [{period, org, org_id, value, met}: the
 * figures used], value, value_period, achievement, met, points, status,
 * status_label, forecast, due, max, observations_used}], groups [{code,
 * name} and a score's keys], total (a score), at_risk, not_met (codes),
 * completeness (report_completeness), ranking [{rank, org_id, org,
 * periods_due, on_time, late, missing, on_time_rate, indicators_with_data,
 * achievement}], trend [{period} and a score's keys]. Numbers rounded to 6
 * decimals. */
dti_rc scoring_plan(store *s, const auth_user *u, int64_t plan_id, const char *period, time_t now,
                    json_t **out, dti_err *e);

/* scoring_plan for A's acting user (score.h: scoring_actor) at A->now. */
dti_rc scoring_dashboard(app *a, int64_t plan_id, const char *pcode, json_t **out, dti_err *e);

/* Set the aggregation ("last" or "sum") of PLAN_ID's indicator CODE, as A's
 * acting user at A->now. AUTH_PLAN_WRITE; audited. */
dti_rc scoring_set_aggregation(app *a, int64_t plan_id, const char *code, const char *aggregation, dti_err *e);

#endif
