/* period_span.h — the years a plan states it covers, read from its title
 * ("Kế hoạch … giai đoạn 2025–2030", "… năm 2026").
 *
 * A plan's reporting years come from its stated span, not only from the
 * years of its targets: a 2025–2030 plan whose targets are all for 2030 still
 * reports in 2026 (issue 9, point 11). Pure text reading, no I/O. */
#ifndef DTI_PERIOD_SPAN_H
#define DTI_PERIOD_SPAN_H

/* Longest span accepted (a 5-year plan is usual; 20 is the calendar's limit). */
#define PERIOD_SPAN_MAX_YEARS 20

/* Read the span TEXT states into *FROM and *TO: the first "YYYY - YYYY"
 * (hyphen, en or em dash, "đến", "tới" or "to" between, blanks allowed, the
 * second year not before the first and at most PERIOD_SPAN_MAX_YEARS − 1
 * after it), else the first "năm YYYY" (from = to). Years 1900..2199 only;
 * a number that is part of a longer run of digits is not a year. Returns 1
 * when found, else 0 with *FROM = *TO = 0. TEXT may be NULL. */
int period_span_parse(const char *text, int *from, int *to);

#endif
