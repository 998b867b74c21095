/* target.h — reading targets, due dates and dates from Vietnamese plan text.
 *
 * Pure functions over clean text (text.h); no I/O. Phrases come from real
 * plans: "Đạt tối thiểu 70%", ">80%", "Đạt trên 1%", "01 doanh nghiệp/1.000
 * dân", "9/9 nền tảng", "0,70", "100% hồ sơ ...", "tối thiểu 50% trong năm
 * 2026 ..., đến năm 2030 tỉ lệ đạt từ 70% trở lên"; due dates "Thường
 * xuyên", "Quý II năm 2026", "Tháng 12/2026", "Năm 2026"; dates "ngày 07
 * tháng 04 năm 2026", "26/3/2026". The rules are those of
 * ../shared/spec/plan-json.md ("targets", "due").
 *
 * Strings placed in a plan_target by these functions are owned by the
 * caller: release them with target_release(). */
#ifndef DTI_TARGET_H
#define DTI_TARGET_H
#include <stddef.h>
#include "core/plan.h"

/* Read every target in TEXT into OUT (at most MAX), in the order written.
 * A target whose year the text does not give gets DEFAULT_YEAR. A phrase
 * with no readable number gives one TARGET_TEXT target only when
 * WANT_TEXT is set. Returns the number of targets read (0 for none). Each
 * target's `text` is the phrase it was read from (folded white space). */
size_t target_parse(const char *text, int default_year, int want_text,
                    plan_target *out, size_t max);

/* Non-zero when TEXT carries a measurable target (a number with an op or a
 * unit such as "%", "đạt tối thiểu 70%", "9/9 nền tảng"): how rows in a
 * "Chỉ tiêu/nhiệm vụ" column are told apart. */
int target_is_measurable(const char *text);

/* Free the strings of T and zero it. NULL is a no-op. */
void target_release(plan_target *t);

/* Due date of TEXT into OUT: "YYYY-MM", "YYYY-Qn", "YYYY", "recurring";
 * returns 0 when read, -1 (OUT = "") when not. */
int due_parse(const char *text, char out[16]);

/* First date in TEXT ("ngày 07 tháng 04 năm 2026", "07/4/2026",
 * "2026-04-07") as "YYYY-MM-DD" in OUT; 0 when read, -1 when not. Checks
 * the day against the month (leap years included). */
int date_parse(const char *text, char out[11]);

/* Roman numeral "I".."XL" (upper or lower) to its value, or 0. */
int roman_value(const char *s, size_t n);

#endif
