/* score.h — achievement, status, points and indices: the DTI arithmetic.
 *
 * Pure functions over plain values, no I/O, no allocation (docs/scoring.md
 * explains every formula with a worked example, in Vietnamese then English).
 * The callers (app/) gather targets, values and maxima from the store and
 * hand them here; every figure comes back with what it was made of, so that
 * `dti score --json` can show a person how to recompute it.
 *
 * Achievement (0..1) of an actual value A against a target T, by op:
 *   >=, >   T > 0: min(1, A/T), at least 0; T <= 0: 1 when met, else 0.
 *   <=, <   met: 1. Else with a baseline B > T (the starting point, worse
 *           than the target): (B - A)/(B - T) clamped to 0..1; else (no
 *           baseline, B <= T) T > 0 and A > 0: min(1, T/A); else 0.
 *   =       met (|A - T| <= 1e-9 × max(1, |T|)): 1; below T the higher-is-
 *           better rule (A/T), above T the lower-is-better rule without
 *           baseline (T/A); the ratios need T > 0, else 0 when not met.
 *   text    the coordinator's verdict: yes 1, no 0, or a stated level 0..1.
 * Met is the op read literally (A > T for ">"); for a strict op an actual
 * equal to the bound is not met although its ratio is 1: the status says
 * "chưa đạt" and the points are full. NaN and infinite inputs are refused.
 *
 * Status of an indicator over a year, from its observations (values by
 * date), its due date and today:
 *   no data    no observation with a value            (chưa có số liệu)
 *   met        the latest observation meets the target (đạt)
 *   not met    due date passed, latest does not meet  (chưa đạt)
 *   on track   a straight line fitted by least squares over the
 *              observations reaches the target at the due date, or the
 *              target is a text milestone, or no due date is known
 *                                                     (đúng tiến độ)
 *   at risk    the line misses the target at the due date; one observation
 *              projects flat (its value stays)        (nguy cơ)
 *
 * Points: an item (indicator, or criterion of a point table) has a maximum
 * M >= 0 and points 0..M (achievement × M, or its rule, rules.h). A sum over
 * items is points over maxima: a group's value is its points over its
 * maximum points; the plan's index all points over all maximum points (not
 * the mean of the groups). An item with maximum 0 is kept and listed but
 * not counted. An item without points (no data) is, by default, left out of
 * both points and maximum and counted apart (nodata); SCORE_NODATA_ZERO
 * counts it as 0 points out of its maximum instead. Self-assessed points and
 * the reviewer's points are both kept; the sum reads either.
 *
 * Printed figures: 4 decimals, decimal comma in Vietnamese ("0,7071"). */
#ifndef DTI_SCORE_H
#define DTI_SCORE_H
#include <stddef.h>
#include <stdint.h>
#include "base/err.h"
#include "core/plan.h"      /* target_op */

/* ---- achievement ------------------------------------------------------ */

/* Equality tolerance for "=" and for met checks at the bound. */
#define SCORE_EPS 1e-9

typedef struct score_target {
    target_op op;
    double value;           /* ignored for TARGET_TEXT */
    int has_baseline;       /* used by <=, < only */
    double baseline;
} score_target;

typedef enum {
    SCORE_VERDICT_NONE = 0, /* not judged yet: no data */
    SCORE_VERDICT_YES,      /* đạt: 1 */
    SCORE_VERDICT_NO,       /* chưa đạt: 0 */
    SCORE_VERDICT_LEVEL     /* a stated level 0..1 (1 = met) */
} score_verdict;

/* One reported value: a figure for a numeric target, a verdict for text. */
typedef struct score_value {
    int has_value;
    double value;
    score_verdict verdict;  /* TARGET_TEXT only */
    double level;           /* SCORE_VERDICT_LEVEL: 0..1 */
} score_value;

typedef struct score_result {
    int has_data;           /* 0: nothing reported, achievement and met are 0 */
    double achievement;     /* 0..1 */
    int met;
} score_result;

/* Achievement of V against T into *OUT. DTI_ERR_INPUT (message in E) for a
 * NaN or infinite number, a level outside 0..1, an unknown op. A value
 * missing (has_value 0, or verdict NONE for text) gives has_data 0. */
dti_rc score_achievement(const score_target *t, const score_value *v, score_result *out, dti_err *e);
/* Non-zero when ACTUAL meets T (numeric ops only; text gives 0). */
int score_met(const score_target *t, double actual);

/* ---- projection ------------------------------------------------------- */

typedef struct score_point { double x, y; } score_point;

typedef struct score_line {
    double slope, intercept;
    size_t n;               /* points fitted */
} score_line;

/* Least-squares straight line through the N points (x: days, y: values)
 * into *OUT. One point, or all x equal: a flat line through the mean of y.
 * DTI_ERR_INPUT for N == 0 or a NaN/infinite coordinate. */
dti_rc score_fit(const score_point *pts, size_t n, score_line *out, dti_err *e);
/* The line's value at X. */
double score_line_at(const score_line *l, double x);

/* ---- status ----------------------------------------------------------- */

typedef enum {
    SCORE_NO_DATA = 0,
    SCORE_MET,
    SCORE_ON_TRACK,
    SCORE_AT_RISK,
    SCORE_NOT_MET
} score_status;

/* One observation of an indicator: its value on a day (a period's end). */
typedef struct score_obs {
    int32_t day;
    score_value v;
} score_obs;

typedef struct score_trend {
    score_status status;
    score_result latest;    /* the latest observation's achievement */
    int32_t latest_day;     /* PERIOD_NO_DAY (INT32_MIN) when no data */
    int projected;          /* a line was fitted: forecast is set */
    score_line line;
    double forecast;        /* value of the line at the due day */
    size_t used;            /* observations with a value */
} score_trend;

/* Status of an indicator with target T from its N observations (any
 * order; those without a value are skipped), its due day DUE
 * (INT32_MIN = unknown) and TODAY (days, period.h). Errors as
 * score_achievement. */
dti_rc score_status_of(const score_target *t, const score_obs *obs, size_t n, int32_t due,
                       int32_t today, score_trend *out, dti_err *e);
/* "met", "on_track", "at_risk", "not_met", "no_data". */
const char *score_status_name(score_status s);
/* "đạt", "đúng tiến độ", "nguy cơ", "chưa đạt", "chưa có số liệu" or English. */
const char *score_status_label(score_status s);

/* ---- points and indices ----------------------------------------------- */

typedef enum { SCORE_FROM_SELF = 0, SCORE_FROM_REVIEW } score_source;
typedef enum { SCORE_NODATA_EXCLUDE = 0, SCORE_NODATA_ZERO } score_nodata;

/* One scored item. Strings are borrowed (not copied, not freed). */
typedef struct score_item {
    const char *code;       /* for messages: "1.2", "III.5" */
    const char *group;      /* group code, or NULL */
    double max;             /* maximum points, >= 0 */
    int has_self;           /* self-assessed points known */
    double self;            /* 0..max */
    int has_review;         /* the reviewer gave points (kept beside self) */
    double review;          /* 0..max */
    const char *reason;     /* the reviewer's reason, or NULL */
} score_item;

typedef struct score_sum {
    double points;          /* counted points */
    double max;             /* counted maxima */
    int has_value;          /* max > 0 */
    double value;           /* points / max, 0 when !has_value */
    size_t counted;         /* items in points and max */
    size_t nodata;          /* items without points (excluded or zeroed per option) */
    size_t zero_max;        /* items with maximum 0: kept, not counted */
    size_t reviewed;        /* items whose reviewer's points differ from self */
} score_sum;

/* Points of an achievement against a maximum: A × MAX. */
double score_points(double achievement, double max);
/* Sum the N ITEMS of GROUP (NULL: every item) into *OUT, reading SRC
 * points (the reviewer's when given, else self) and treating items without
 * points per ND. DTI_ERR_INPUT naming the item for a negative or non-finite
 * maximum, or points outside 0..max. */
dti_rc score_sum_items(const score_item *items, size_t n, const char *group, score_source src,
                       score_nodata nd, score_sum *out, dti_err *e);

/* Buffer size for a formatted figure. */
#define SCORE_FMT_LEN 32
/* V with DECIMALS (0..9) decimals and SEP as the decimal mark into OUT
 * ("0,7071"); a negative zero prints unsigned; NaN or infinity print "".
 * Returns OUT. */
char *score_format(double v, int decimals, char sep, char out[SCORE_FMT_LEN]);
/* An index: 4 decimals, comma in Vietnamese, point in English (lang.h). */
char *score_format_index(double v, char out[SCORE_FMT_LEN]);

/* ---- a province over its communes ------------------------------------- */

typedef enum {
    SCORE_PROVINCE_MEAN = 0,    /* mean of the communes' indices */
    SCORE_PROVINCE_POOLED       /* all points over all maxima */
} score_province_mode;

/* The province's figure over N communes' sums into *OUT: for MEAN, value is
 * the mean of the communes' values (those with has_value; the others are
 * counted in nodata), counted = communes averaged, points/max the totals;
 * for POOLED, the sum of points over the sum of maxima. */
dti_rc score_province(const score_sum *communes, size_t n, score_province_mode mode,
                      score_sum *out, dti_err *e);
/* "mean", "pooled"; and the reading back (-1 for neither). */
const char *score_province_mode_name(score_province_mode m);
int score_province_mode_parse(const char *s);
/* The stated choice shown beside the figure, in the thread's language. */
const char *score_province_mode_label(score_province_mode m);

/* ---- completeness (DHIS2 reporting rates) ----------------------------- */

typedef struct score_completeness {
    size_t expected, received, on_time;
    int has_rates;          /* expected > 0 */
    double rate;            /* received / expected */
    double on_time_rate;    /* on time / expected */
} score_completeness;

/* Rates of a period (or of one unit over periods) into *OUT. DTI_ERR_INPUT
 * when RECEIVED > EXPECTED or ON_TIME > RECEIVED. */
dti_rc score_completeness_of(size_t expected, size_t received, size_t on_time,
                             score_completeness *out, dti_err *e);

#endif
