/* period_week.h — weeks and request codes (issue 13: ad-hoc and weekly
 * requests a coordinator opens besides the regime's periods).
 *
 * Weeks are ISO 8601 weeks (Monday to Sunday; week 1 holds the year's first
 * Thursday), the weeks Vietnamese offices count ("tuần 49"). A week's code
 * is "2026-W49" (its ISO year, which may differ from the calendar year of
 * its Monday around New Year). An ad-hoc request's code is "2026-D01": the
 * year, then its number within the plan and year (01..99).
 *
 * These codes are not read by period_parse on purpose: a request's report is
 * never a month, quarter, half or year, so every index and aggregation that
 * reads period codes passes it by (docs/scoring.md). Pure functions. */
#ifndef DTI_PERIOD_WEEK_H
#define DTI_PERIOD_WEEK_H
#include <stdint.h>

#define PERIOD_REQ_CODE_LEN 9       /* "2026-W49", "2026-D01", NUL included */
#define PERIOD_ADHOC_MAX 99         /* ad-hoc requests of one plan and year */

/* The ISO year and week (1..53) of day DAY (days since 1970-01-01). */
void period_iso_week(int32_t day, int *year, int *week);
/* The Monday of ISO week WEEK of YEAR (no range check). */
int32_t period_week_monday(int year, int week);
/* Read a request code: *KIND gets 'W' (week) or 'D' (ad-hoc), *YEAR and *N
 * its year and number. Returns 0, or -1 when CODE is not one ("2026-W54",
 * "2026-D00" and lower case are refused). */
int period_request_parse(const char *code, char *kind, int *year, int *n);
/* Write "YYYY-Wnn" or "YYYY-Dnn" for KIND 'W' or 'D'. Returns OUT. */
char *period_request_format(char kind, int year, int n, char out[PERIOD_REQ_CODE_LEN]);

#endif
