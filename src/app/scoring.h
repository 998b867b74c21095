/* scoring.h — the score of a plan for a period: every indicator's value,
 * achievement, status and points, the group and plan index, the at-risk
 * list, completeness and the ranking of units (core/score.h, core/rank.h
 * do the arithmetic; this file gathers the inputs from the store).
 *
 * What counts (docs/scoring.md):
 *   - only approved reports (the newest approved version of each), of the
 *     lead orgs under the assignments in force, for periods of the same kind
 *     as the period asked, in its year, ending on or before it;
 *   - an indicator's value as of the period: with aggregation `last` the
 *     value of the latest such period (one lead per period: the first by
 *     org id that reported), with `sum` the sum of every such period's
 *     values over all its leads (the year to date);
 *   - the target of the period's year (else the nearest later year's);
 *   - status judged on the period's last day, the due date being the
 *     indicator's due period's end, or 31/12 of the target's year;
 *   - points: without a loaded point table every indicator has maximum 1,
 *     so its points are its achievement; an indicator without data is left
 *     out of points and maxima and counted apart (never as zero);
 *   - units ranked by their on-time rate over those periods (deadline
 *     passed by the period's last day), then by the mean achievement of the
 *     indicators they lead. */
#ifndef DTI_SCORING_H
#define DTI_SCORING_H
#include <stdint.h>
#include <time.h>
#include <jansson.h>
#include "app/auth.h"

/* The score of PLAN_ID for PERIOD as JSON (every figure with its inputs;
 * the CLI prints it as a table or as is). Needs AUTH_READ on the plan's
 * org. *OUT new reference. */
dti_rc scoring_plan(store *s, const auth_user *u, int64_t plan_id, const char *period, time_t now,
                    json_t **out, dti_err *e);

/* Set the aggregation ("last" or "sum") of PLAN_ID's indicator CODE.
 * AUTH_PLAN_WRITE; audited. */
dti_rc scoring_set_aggregation(store *s, const auth_user *u, int64_t plan_id, const char *code,
                               const char *aggregation, time_t now, dti_err *e);

#endif
