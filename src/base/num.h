/* num.h — reading numbers as Vietnamese users write them, and checking
 * them against what a field may hold.
 *
 * One parser serves every way a figure comes in: the web report form
 * (web/js/num.js mirrors it, tests keep them in step), the CSV of
 * `report fill` and PUT …/reports/…, targets given as text in the JSON of
 * PATCH …/indicators/…, and the CLI. docs/reports.md states the syntax for
 * users; this is the contract.
 *
 * Syntax (after trimming blanks):
 *   [sign] digits [fraction] [%]
 *   sign      "-", "+" or "−" (U+2212); a reported figure is never
 *             negative, num_check refuses it with a message.
 *   digits    plain ("2100"), or grouped by thousands in the Vietnamese way
 *             with "." ("2.100", "1.234.567") or with a space, NBSP,
 *             U+202F or U+2009 ("2 100"): the first group 1 to 3 digits
 *             not starting with 0, every further group exactly 3 digits, one
 *             kind of grouping mark in a number.
 *   fraction  "," then digits: the Vietnamese decimal comma ("2,5",
 *             "1.234,5"). A single "." that cannot be a thousands mark
 *             (it is not followed by exactly three digits, or the digits
 *             before it start with 0: "2.5", "0.75", "0.100", "2.1000") is a
 *             decimal point, as computers and English spreadsheets write.
 *   %         a trailing percent sign, blanks before it allowed.
 *
 * Decisions on what the two conventions read differently:
 *   "2.100"   two thousand one hundred (Vietnamese), not 2,1. Its other
 *             reading (2.1) is kept in `alt`.
 *   "1,234"   one point two three four (Vietnamese decimal comma). Its
 *             other reading (1234, English grouping) is kept in `alt`.
 *   num_check refuses such a number as ambiguous when the Vietnamese
 *   reading does not fit the field but the other one would ("2.100" for a
 *   rate 0..100, "1,234" for a count), saying both readings and how to
 *   write it plainly; the web form also shows what it understood beside
 *   the field before saving.
 * Always refused, with the reason: an English full form ("1,234.5": write
 * 1.234,5 or 1234.5), several commas, grouping marks not 3 digits apart
 * ("12.34.567"), mixed grouping marks, a mark without digits on both sides
 * (",5", "5,"), exponents ("1e5", "1e308"), hexadecimal ("0x10"), "inf",
 * "nan", letters, more than NUM_DIGITS_MAX significant digits or
 * NUM_DECIMALS_MAX decimals, more than NUM_TEXT_MAX bytes. So every value
 * read is finite, exact to the digits given, and no denormal ("1e-400").
 *
 * Pure functions: no I/O, no allocation. Messages (dti_err) say why, in the
 * thread's language; callers prefix where (line, item, column). */
#ifndef DTI_NUM_H
#define DTI_NUM_H
#include <stddef.h>
#include "base/err.h"

#define NUM_TEXT_MAX 64             /* bytes of a number's text */
#define NUM_DIGITS_MAX 15           /* significant digits (exact in a double) */
#define NUM_DECIMALS_MAX 9          /* digits after the decimal mark */
#define NUM_ABS_MAX 1e15            /* largest magnitude of any figure */
#define NUM_COUNT_MAX 1e12          /* largest count (a commune's figures are far below) */
#define NUM_FMT_LEN 48

/* What a text read as. */
typedef struct num_read {
    int has;            /* 0: the text was empty (blank): no number */
    double value;       /* the Vietnamese reading */
    int has_alt;        /* another convention reads the text differently */
    double alt;         /* ... as this */
    int decimals;       /* digits after the decimal mark */
    int grouped;        /* thousands marks were read */
    int percent;        /* a trailing % */
    int negative;
    char text[NUM_TEXT_MAX + 1];    /* the text read, trimmed (for messages) */
} num_read;

/* Read S (NULL or blank: out->has 0, DTI_OK). DTI_ERR_INPUT with the
 * reason in E for anything not in the syntax above; OUT is then zeroed. */
dti_rc num_parse(const char *s, num_read *out, dti_err *e);

/* What a field holds, for num_check and num_check_value. */
typedef enum {
    NUM_MEASURE = 0,    /* a figure >= 0 (a ratio per 1.000 dân, an amount, an index) */
    NUM_COUNT,          /* a whole number >= 0, at most NUM_COUNT_MAX */
    NUM_RATE,           /* a percent 0..100 */
    NUM_LEVEL,          /* a level of a text target 0..1 (1 = met) */
    NUM_TARGET          /* a target's value: any sign, magnitude <= NUM_ABS_MAX */
} num_kind;

/* Check R (has set) against KIND: DTI_ERR_INPUT with the reason ("phải là
 * số nguyên", "phải từ 0 đến 100", the ambiguity above) in E. A percent
 * sign is refused on a count or a level. */
dti_rc num_check(const num_read *r, num_kind kind, dti_err *e);

/* Check a number that came as a number (JSON, the store) against KIND:
 * finite, within NUM_ABS_MAX, no smaller magnitude than 1e-9 other than 0
 * (so "1e-320" is refused, not stored as a denormal), and KIND's range. */
dti_rc num_check_value(double v, num_kind kind, dti_err *e);

/* V the Vietnamese way: "." between thousands, "," before at most
 * MAX_DECIMALS (0..9) decimals, trailing zeros dropped ("2.100", "2,5",
 * "-1.234,56"); non-finite prints "?". Returns OUT. */
char *num_format(double v, int max_decimals, char out[NUM_FMT_LEN]);

#endif
