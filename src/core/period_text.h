/* period_text.h — a reporting regime's rules in plain words, for the
 * screens that show a calendar (import preview, calendar screen):
 * "month:unit=15+1,commune=20+1" is "Hằng tháng: đơn vị nộp chậm nhất ngày 15
 * tháng sau; xã nộp chậm nhất ngày 20 tháng sau" (en: "Monthly: units report
 * by the 15th of the next month; the commune by the 20th of the next month").
 * "chậm nhất" (by) because the stated day is the last day on time
 * (docs/calendar.md, "trước ngày 15"). Pure; no allocation. */
#ifndef DTI_PERIOD_TEXT_H
#define DTI_PERIOD_TEXT_H
#include <stddef.h>
#include "base/lang.h"
#include "core/period.h"

/* Room for any rule's description. */
#define PERIOD_DESCRIBE_MAX 1024

/* Write R in words in LANG into OUT (N bytes, truncated if short). Returns OUT. */
char *period_rule_describe(const period_rule *r, dti_lang lang, char *out, size_t n);

#endif
