/* period.h — dates, reporting periods and reporting regimes (calendars).
 *
 * Pure functions, no I/O, no allocation, no time zone database: every
 * structure here is a plain value the caller may copy, store or discard.
 *
 * Dates are whole days counted from 1970-01-01 (day 0) in the proleptic
 * Gregorian calendar (Howard Hinnant's days_from_civil/civil_from_days), so
 * comparing and subtracting dates is integer arithmetic. A time_t instant
 * becomes a Vietnamese calendar date with period_today_vn() (Vietnam is
 * UTC+7 all year, no daylight saving).
 *
 * Periods have codes: "2026-03" (month), "2026-Q1" (quarter), "2026-H1"
 * (half-year), "2026" (year). Their calendar dates come from the code; a
 * regime rule may move them (a cut-off day, or custom windows) while the
 * code stays the same.
 *
 * A regime is a list of rules, one per kind of period, written in a short
 * syntax (docs/calendar.md, in Vietnamese then English):
 *
 *   rule      = kind *( ":" option *( "," option ) )
 *   kind      = "month" | "quarter" | "half" | "year"
 *             | "thang" | "quy" | "nua-nam" | "nam"     (Vietnamese aliases)
 *             | CODE                      ("2026-Q2": override for one period)
 *   option    = "unit=" deadline          units → commune
 *             | "commune=" deadline       commune → province
 *             | "cutoff=" N               2..28: a period runs from day N of the
 *                                         month before its first month to day
 *                                         N-1 of its last month ("15th to 14th")
 *             | "cutoff=none"             calendar periods (also cutoff=calendar,
 *                                         chot=khong, chot=lich)
 *             | "window=" W *( "," W )    custom windows, at most one per period
 *                                         of the kind, in order: W = DD/MM-DD/MM;
 *                                         the first may wrap into the previous
 *                                         year (15/12-14/03); a rule with fewer
 *                                         windows than periods of its kind has
 *                                         only those periods (three quarters)
 *   deadline  = N "+" K      day N of the K-th month after the period's last month
 *             | N "@last"    day N of the period's last month (same as N+0)
 *             | DD "/" MM    that day in the period's year ("05/12")
 *             | DD "/" MM "/" YYYY   an explicit date
 *             | "none"       no deadline at this level
 *
 * Default cut-off. A kind rule with neither "cutoff=" nor "window=" closes
 * its figures on the 14th (cutoff=15), as Nghị định 09/2019/NĐ-CP, Điều 12,
 * fixes for state reporting regimes: a month from the 15th of the month
 * before to the 14th, a quarter from the 15th of the month before it to the
 * 14th of its last month, a half-year from 15/12 (15/06) to 14/06 (14/12), a
 * year from 15/12 of the year before to 14/12. Calendar periods are written
 * cutoff=none. period_rule_format omits cutoff=15 and writes cutoff=none, so
 * the canonical text parses back to the same rule.
 *
 * Examples: month:unit=15+1,commune=20+1    quarter:unit=18@last,commune=20@last
 *           year:unit=18/12,commune=20/12   month:cutoff=15:unit=20@last
 *           quarter:window=01/01-09/03,10/03-09/06,10/06-09/09,10/09-31/12:unit=10@last
 *           2026-Q2:unit=25/06/2026        (an explicit deadline for one period)
 *
 * "The period's last month" is the month of the period's end date: the last
 * month of the code for calendar and cut-off periods (2026-Q1 → March), the
 * month a window ends in (Q1 = 01/01-09/03 → March). A day past the end of its
 * month is clamped to the month's last day (31+1 for January → 28/02 or
 * 29/02; 31@last in a quarter ending in June → 30/06).
 *
 * Deadlines are days. A report is on time when it is made at the latest on
 * the deadline day, Vietnamese time: the deadline instant is the end of the
 * stated day in UTC+7 (period_deadline_instant). Plans say "trước ngày 15
 * hằng tháng"; dti reads the stated day as the last day allowed (the
 * administrative usage "chậm nhất ngày 15"). A coordinator who wants the
 * strict reading writes the day before (14+1). */
#ifndef DTI_PERIOD_H
#define DTI_PERIOD_H
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include "base/err.h"

/* ---- dates ------------------------------------------------------------ */

/* Years a date or period may have; outside is refused by the parsers. */
#define PERIOD_YEAR_MIN 1900
#define PERIOD_YEAR_MAX 9999
/* A day value meaning "no date" (no deadline, not submitted). */
#define PERIOD_NO_DAY INT32_MIN
/* Buffer sizes for formatted dates and codes, NUL included. */
#define PERIOD_DATE_LEN 11          /* "dd/mm/yyyy", "yyyy-mm-dd" */
#define PERIOD_CODE_LEN 12          /* "2026-Q1"; room for a request's "2026-W49" (period_week.h) */

typedef struct period_ymd { int y, m, d; } period_ymd;

int period_is_leap(int y);
/* Days in month M (1..12) of year Y; 0 when M is out of range. */
int period_month_days(int y, int m);
/* Non-zero when Y-M-D is a real date within PERIOD_YEAR_MIN..MAX. */
int period_date_valid(int y, int m, int d);
/* Days since 1970-01-01 of Y-M-D. The date must be valid (not checked:
 * any y and m 1..12, d 1..31 give a well-defined count). */
int32_t period_days(int y, int m, int d);
/* The calendar date of day number DAYS. */
period_ymd period_ymd_of(int32_t days);
/* The date in Vietnam (UTC+7) at instant NOW, as a day number. */
int32_t period_today_vn(time_t now);
/* The last second of day DAY in Vietnam: 23:59:59 UTC+7, as time_t. */
time_t period_deadline_instant(int32_t day);
/* Write DAY as "dd/mm/yyyy" (period_date_vn) or "yyyy-mm-dd"
 * (period_date_iso) into OUT; PERIOD_NO_DAY writes "". Returns OUT. */
char *period_date_vn(int32_t day, char out[PERIOD_DATE_LEN]);
char *period_date_iso(int32_t day, char out[PERIOD_DATE_LEN]);
/* Read "dd/mm/yyyy", "d/m/yyyy", "dd-mm-yyyy" or "yyyy-mm-dd" (the whole
 * string, surrounding ASCII blanks allowed) into *DAY. 0, or -1 when it is
 * not a valid date (31/04/2026, 29/02/2027 are refused). */
int period_date_parse(const char *s, int32_t *day);

/* ---- periods ---------------------------------------------------------- */

typedef enum {
    PERIOD_MONTH = 0,
    PERIOD_QUARTER,
    PERIOD_HALF,
    PERIOD_YEAR
} period_kind;
#define PERIOD_NKINDS 4

typedef struct period {
    period_kind kind;
    int year;
    int index;      /* month 1..12, quarter 1..4, half 1..2, 1 for a year */
} period;

/* "month", "quarter", "half", "year"; NULL for a bad kind. */
const char *period_kind_name(period_kind k);
/* Number of periods of kind K in a year (12, 4, 2, 1). */
int period_kind_count(period_kind k);
/* Read a code ("2026-03", "2026-Q1", "2026-q1", "2026-H2", "2026") into
 * *OUT. 0, or -1 when it is not a code (OUT untouched). */
int period_parse(const char *code, period *out);
/* Write the code of P into OUT ("" for an invalid P). Returns OUT. */
char *period_format(const period *p, char out[PERIOD_CODE_LEN]);
/* Non-zero when P's kind, year and index are in range. */
int period_valid(const period *p);
/* First and last month (1..12) of P by its code. */
int period_first_month(const period *p);
int period_last_month(const period *p);
/* Calendar dates of P by its code: first and last day (inclusive). */
int32_t period_start(const period *p);
int32_t period_end(const period *p);
/* The period of the same kind after / before P (2026-12 → 2027-01). */
period period_next(period p);
period period_prev(period p);
/* The calendar period of kind K containing day DAY. */
period period_of(period_kind k, int32_t day);
/* -1, 0, 1 ordering by end of calendar period, then by kind (month first). */
int period_cmp(const period *a, const period *b);

/* ---- regimes ---------------------------------------------------------- */

#define PERIOD_RULES_MAX 16         /* rules in a regime */
#define PERIOD_CUTOFF_DEFAULT 15    /* Nghị định 09/2019/NĐ-CP: 15th to 14th */
#define PERIOD_RULE_TEXT_MAX 512    /* bytes of one rule's text */
#define PERIOD_REGIME_TEXT_MAX 4096 /* bytes of a whole regime's text */
#define PERIOD_LIST_MAX (12 + 4 + 2 + 1 + PERIOD_RULES_MAX) /* periods of a year */

typedef enum {
    DEADLINE_NONE = 0,  /* no deadline at this level */
    DEADLINE_AFTER,     /* day `day` of the `months`-th month after the last month (0 = @last) */
    DEADLINE_FIXED,     /* day `day` of month `month` in the period's year */
    DEADLINE_DATE       /* the explicit day number `date` */
} period_deadline_kind;

typedef struct period_deadline {
    period_deadline_kind kind;
    int day;            /* 1..31 (AFTER, FIXED) */
    int months;         /* 0..12 (AFTER) */
    int month;          /* 1..12 (FIXED) */
    int32_t date;       /* (DATE) */
} period_deadline;

typedef struct period_window { int sd, sm, ed, em; } period_window; /* DD/MM-DD/MM */

typedef struct period_rule {
    period_kind kind;
    int is_override;    /* the rule names one period: `code` */
    period code;        /* (is_override) */
    int cutoff;         /* 0 (calendar, or windows) or 2..28 */
    int nwindows;       /* 0, or 1..period_kind_count(kind) */
    period_window windows[12];
    period_deadline unit;       /* units → commune */
    period_deadline commune;    /* commune → province */
    unsigned stated;    /* PERIOD_STATED_UNIT | _COMMUNE: deadlines the text gave */
} period_rule;
#define PERIOD_STATED_UNIT 1u
#define PERIOD_STATED_COMMUNE 2u

typedef struct period_regime {
    size_t nrules;
    period_rule rules[PERIOD_RULES_MAX];
} period_regime;

/* One period of a regime, with its dates and deadlines (days). */
typedef struct period_entry {
    period p;
    char code[PERIOD_CODE_LEN];
    int32_t start, end;         /* inclusive */
    int32_t unit_due;           /* PERIOD_NO_DAY when none */
    int32_t commune_due;        /* PERIOD_NO_DAY when none */
    size_t rule;                /* index of the rule that made it */
} period_entry;

/* Read one rule from TEXT (syntax above) into *OUT. On error returns
 * DTI_ERR_INPUT (or DTI_ERR_TOOBIG) with a message naming the part that is
 * wrong in E; OUT is then unspecified. */
dti_rc period_rule_parse(const char *text, period_rule *out, dti_err *e);
/* Read a regime from N rule texts (the words of `dti calendar set PLAN
 * RULE…`). Two rules of the same kind, or two overrides of one code, are
 * refused. N == 0 gives an empty regime. */
dti_rc period_regime_parse(const char *const *rules, size_t n, period_regime *out, dti_err *e);
/* Read a regime from one string: rules separated by blanks or ';' (the
 * form period_regime_format writes and the store keeps). */
dti_rc period_regime_parse_text(const char *text, period_regime *out, dti_err *e);
/* Write R in canonical syntax into OUT (at most N bytes, NUL included),
 * rules separated by one space. Parsing the result gives R again. Returns
 * the length written, or -1 when N is too small. */
int period_regime_format(const period_regime *r, char *out, size_t n);
/* The same for one rule. */
int period_rule_format(const period_rule *r, char *out, size_t n);

/* Dates of P under rule R (whose kind is P's kind): calendar, cut-off or
 * window. With a NULL R, the calendar dates. */
void period_rule_dates(const period_rule *r, const period *p, int32_t *start, int32_t *end);
/* The deadline day of D for period P whose last day is END: "the period's
 * last month" is the month of END (PERIOD_NO_DAY for DEADLINE_NONE). */
int32_t period_deadline_day(const period_deadline *d, const period *p, int32_t end);

/* Fill *OUT with P's entry under R: the rule of P's kind gives the dates
 * and deadlines, an override for P's code replaces the deadlines it
 * states. Returns 0, or -1 when R has no rule for P (neither its kind nor
 * an override, or its kind's windows stop before P's index): then OUT holds
 * P's calendar dates and no deadlines. */
int period_regime_entry(const period_regime *r, const period *p, period_entry *out);
/* The deadlines of EN that fall before its period ends (due day < last
 * day): PERIOD_STATED_UNIT and/or PERIOD_STATED_COMMUNE, 0 when none. Such
 * a deadline is legal but never set silently: the app tells the coordinator
 * (calendar.h, "warnings"). */
unsigned period_entry_early(const period_entry *en);
/* Every period of YEAR (periods whose code has that year) under R, in
 * OUT (room for MAX), ordered by end date then kind (month, quarter,
 * half, year). Returns how many; at most PERIOD_LIST_MAX exist. */
size_t period_list(const period_regime *r, int year, period_entry *out, size_t max);
/* The period of kind K under R that contains day DAY, into *OUT; 0, or -1
 * when R has no rule of kind K or DAY falls outside every window. */
int period_regime_find(const period_regime *r, period_kind k, int32_t day, period_entry *out);

/* ---- timeliness ------------------------------------------------------- */

typedef enum {
    TIMELY_NOT_DUE = 0, /* not submitted, deadline not passed (or none) */
    TIMELY_ON_TIME,     /* submitted on or before the deadline day */
    TIMELY_LATE,        /* submitted after it: *late_days > 0 */
    TIMELY_MISSING      /* not submitted and the deadline day has passed */
} period_timely;

/* Timeliness of a report due on day DUE (PERIOD_NO_DAY: no deadline), made
 * at instant SUBMITTED (ignored unless HAS_SUBMITTED), judged at instant
 * NOW. Days are Vietnamese calendar days: submitted on the day after the
 * deadline is late by 1. *LATE_DAYS (may be NULL) gets the days late for
 * TIMELY_LATE, the days overdue for TIMELY_MISSING, else 0. Without a
 * deadline a submitted report is on time and a missing one not due. */
period_timely period_timeliness(int has_submitted, time_t submitted, int32_t due,
                                time_t now, int *late_days);
/* "not_due", "on_time", "late", "missing" (stable names for JSON/CSV). */
const char *period_timely_name(period_timely t);
/* "chưa đến hạn", "đúng hạn", "trễ hạn", "chưa nộp" or English by lang. */
const char *period_timely_label(period_timely t);

#endif
