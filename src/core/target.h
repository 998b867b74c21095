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
 * How a target is found (target.c has the details):
 *   - every number is a candidate except years (1900..2100), dates
 *     ("26/3/2026", "12/2026"), numbers glued to letters ("5G", "1Gb/s",
 *     "IPv6"), document numbers ("số 56/KH-UBND", "Nghị quyết 57", "06/CP",
 *     "57-NQ/TW"), levels and labels ("cấp độ 2", "mức 2", "ngày 15"),
 *     enumerations ("(1)", a leading "1."), denominators ("/1.000 dân") and
 *     measures that are not targets ("từ 14 tuổi trở lên", "1 Gb/s");
 *   - a candidate must carry a target: "%", a ratio "9/9", an op word before
 *     it (tối thiểu, tối đa, không quá, trên, hơn, dưới, bằng, đúng, từ …
 *     trở lên, đạt, phấn đấu, đảm bảo, ">", "<"), or stand at the start of the
 *     text or of a clause ("01 doanh nghiệp/1.000 dân", "0,70");
 *   - op: the comparison word nearest the number wins ("Đạt trên 1%" is
 *     ">"); "đạt", "phấn đấu", "đảm bảo", "từ … trở lên" and a plain number
 *     are ">="; "=" only for "bằng"/"đúng";
 *   - value: decimal comma or point ("0,70", "0.70" = 0.7); a point followed
 *     by three digits groups thousands ("1.000" = 1000);
 *   - unit: "%"; for "a/b words" the "/b words"; else up to four words after
 *     the number, stopping at linking words (theo, đối với, để, của, được,
 *     trở lên …): "doanh nghiệp/1.000 dân", "lần/2 năm", "cán bộ, công chức";
 *   - year: "năm 2026" (or a bare year) attaches to the nearest target in
 *     its clause (clauses end at , ; . :), else to the nearest target of its
 *     sentence; other targets take DEFAULT_YEAR; one target per year (the one
 *     with the strongest signs, the first on a tie).
 *
 * Strings placed in a plan_target by these functions are owned by the
 * caller: release them with target_release(). */
#ifndef DTI_TARGET_H
#define DTI_TARGET_H
#include <stddef.h>
#include "core/plan.h"

/* Longest text (bytes) the target functions read; longer text has no
 * target (it is a paragraph, not a target phrase). date_parse() reads the
 * first TARGET_TEXT_MAX bytes of longer text. */
#define TARGET_TEXT_MAX 16384

/* Read every target in TEXT into OUT (at most MAX), ascending by year.
 * A target whose year the text does not give gets DEFAULT_YEAR. A phrase
 * with no readable number gives one TARGET_TEXT target (value unset, unit
 * "", text the whole clean phrase) only when WANT_TEXT is set. Returns the
 * number of targets read (0 for none, for NULL, or when out of memory).
 * Each target's `text` is the phrase it was read from: its lead and op
 * words, the number, the unit and a closing "trở lên" ("Đạt tối thiểu
 * 70%", "đảm bảo 100%"), clean. A reader of a target column may replace it
 * with the whole cell. `unit` is never NULL in a filled target. */
size_t target_parse(const char *text, int default_year, int want_text,
                    plan_target *out, size_t max);

/* Non-zero when TEXT carries a measurable target (a number with an op or a
 * unit such as "%", "đạt tối thiểu 70%", "9/9 nền tảng"): how rows in a
 * "Chỉ tiêu/nhiệm vụ" column are told apart. A bare number ("5", "0,70")
 * is a value to target_parse() but not measurable here (it may be a code).
 * 0 for NULL. */
int target_is_measurable(const char *text);

/* Non-zero when TEXT is measurable or states a goal without a number in the
 * form "Phấn đấu X đạt …" ("Phấn đấu kinh tế số đạt theo chỉ đạo"), which
 * dti.plan/1 keeps as an indicator with a "text" target. 0 for NULL. */
int target_is_goal(const char *text);

/* Split one prose clause or table cell holding an indicator and its target
 * into the indicator's NAME and the target PHRASE (both new strings the
 * caller frees). Returns 1 when split, 0 when TEXT holds no target (NAME
 * and PHRASE set to NULL), -1 when out of memory (both NULL).
 *
 * The clause is read after a leading list marker ("- ", "+ ", "a) ", "1. ").
 * The first target in it (as target_parse finds it) is the phrase; the name:
 *   1. "Name: Đạt tối thiểu 70%" — the text before the colon;
 *   2. a rate word (tỷ lệ, tỉ lệ, tỷ trọng, tỉ trọng) before the phrase —
 *      from the last such word up to the phrase ("..., đảm bảo tỷ lệ người
 *      dùng X đạt tối thiểu 50% trở lên" → "Tỷ lệ người dùng X"; words after
 *      the phrase are dropped);
 *   3. nothing before the phrase, or a comma just before it ("..., đảm bảo
 *      100% cán bộ được đào tạo") — the words after it ("Cán bộ được đào
 *      tạo"; the text of the clause after a ";" or ":" counts as the start);
 *   4. else the words before it, the unit when it is words, and the words
 *      after it up to "để"/"nhằm" ("bố trí tối thiểu từ 01 cán bộ, công chức
 *      trở lên chuyên trách về X để …" → "Bố trí cán bộ, công chức chuyên
 *      trách về X"); "A (tối thiểu 1 lần/năm đối với A cấp độ 3)" merges the
 *      repeated words: "A cấp độ 3".
 * The words after the phrase end at a sentence end (". "). A goal without
 * a number "Phấn đấu X đạt …" gives the name X and the whole clause as the
 * phrase. The name is clean, its trailing punctuation (". ; , :") dropped,
 * its first letter upper case. */
int target_split_name(const char *text, char **name, char **phrase);

/* Free the strings of T and zero it. NULL is a no-op. */
void target_release(plan_target *t);

/* Due date of TEXT into OUT: "YYYY-MM", "YYYY-Qn", "YYYY", "recurring";
 * returns 0 when read, -1 (OUT = "") when not. The whole text must be one
 * due expression, optionally after "trong", "trước", "đến", "vào",
 * "cuối", "hoàn thành": "Thường xuyên" (also "hằng năm", "định kỳ", "liên
 * tục") → recurring; "Quý II năm 2026", "Quý 2/2026" → 2026-Q2; "Tháng
 * 12/2026", "12/2026", "ngày 30/6/2026" → 2026-12 / 2026-06; "Năm 2026",
 * "Trong năm 2026", "2026" → 2026. Mixed text ("Ban hành kế hoạch tháng
 * 01/2026; Thực hiện trong 2026") and text without a date ("Theo Kế hoạch
 * UBND tỉnh") give -1. OUT must not be NULL; TEXT NULL gives -1. */
int due_parse(const char *text, char out[16]);

/* First valid date in TEXT ("ngày 07 tháng 04 năm 2026", "07/4/2026",
 * "09 / 4/2026", "07-04-2026", "2026-04-07") as "YYYY-MM-DD" in OUT; 0 when
 * read, -1 (OUT = "") when not. Checks the day against the month (leap
 * years included): "31/02/2026" is no date. Years 1900..2200. */
int date_parse(const char *text, char out[11]);

/* Roman numeral "I".."XL" (upper or lower, the N bytes at S, canonical
 * form only) to its value 1..40, or 0. */
int roman_value(const char *s, size_t n);

#endif
