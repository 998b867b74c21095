/* extract_calendar.h — the reporting regime a plan document states in its
 * prose ("Định kỳ hằng tháng, các đơn vị gửi báo cáo … trước ngày 15 hằng
 * tháng"), proposed as core/period.h rules (docs/calendar.md).
 *
 * This is a proposal for the coordinator, never part of dti.plan/1: the
 * import shows it with the sentence it came from and sets it unless the
 * coordinator changes or clears it.
 *
 * What is read: every paragraph, cut into sentences, whose folded text
 * speaks of reporting ("báo cáo") and gives a periodic deadline, "trước
 * ngày N" or "chậm nhất (vào) ngày N", for a kind of period named by
 * "hằng/hàng/định kỳ/báo cáo" + tháng | quý | 6 tháng | nửa năm | năm, or by
 * the bare kind word just before the deadline ("và năm (trước ngày 05/12)").
 * The deadline may be qualified: "tháng cuối quý/kỳ" (N@last), "tháng
 * sau", "tháng đầu quý sau", "tháng tiếp theo" (N+1), "tháng M" or "DD/MM"
 * (a fixed day; for a quarter or a half-year turned into N@last or N+K from
 * the first period's last month, "năm sau" for the year: N+M).
 * Unqualified, a deadline is read against the state regime's 15→14 cut-off
 * (Nghị định 09/2019/NĐ-CP, the default of core/period.h): a monthly one on
 * or after the 15th is in the month the period ends in (Minh Đức's "trước
 * ngày 15 hằng tháng" = 15@last: the month 15/02–14/03 is due 15/03), before
 * the 15th in the next month (N+1); a quarter's, half-year's or year's in
 * the period's last month (the 20th of the last month).
 * A sentence that says its periods are calendar ones ("theo tháng dương
 * lịch", "lịch dương") gives its kind cutoff=none.
 * Level: a sentence in which the commune reports upward (to the Sở, UBND
 * tỉnh, Ban Chỉ đạo tỉnh, cấp tỉnh) and not "các đơn vị/cơ quan/phòng/thôn"
 * gives the commune's deadline (commune=), any other the units' (unit=).
 * The first deadline found per kind and level wins.
 * Lists: kinds named in a row ("Định kỳ 6 tháng, hằng năm", "hằng quý, 6
 * tháng và năm") take a list of as many deadlines in the same order
 * ("trước ngày 15/6 và ngày 15/12": half 15@last, year 15/12), or one
 * deadline each when one is given ("chậm nhất vào ngày 10 của tháng cuối
 * kỳ"); a day and month followed by "hằng năm" is the year's deadline.
 *
 * Custom windows: sentences "Báo cáo quý I: Từ ngày 01/01/2026 đến ngày
 * 09/03/2026", one per period (quý I … IV, 6 tháng đầu/cuối năm, năm), in
 * any paragraphs, give "quarter:window=01/01-09/03,…" once every period of
 * the kind has one; its deadline is the kind's own, else a deadline stated
 * for no kind ("chậm nhất vào ngày 10 của tháng cuối kỳ" → 10@last).
 *
 * Not understood: when no rule is found, the sentences that speak of
 * reporting with a period or a date ("định kỳ", "hằng quý", "ngày …") are
 * returned in `unread`, for the import to quote instead of saying that the
 * document states no regime.
 *
 * Tables: a reporting table, a header cell "Kỳ báo cáo" ("Loại báo cáo",
 * "Báo cáo") over the kinds beside one "Thời hạn" ("Thời hạn gửi báo cáo",
 * "Hạn gửi") over the deadlines, is read row by row as the sentence "Báo
 * cáo <kind> <deadline>." (a year after the day and month, "15/3/2026", is
 * dropped: the row gives its kind's deadline; "hằng năm" after the deadline
 * of a kind other than the year is too); no other table is (a task row "Báo cáo quý …
 * Trước ngày 05/12/2026" is a task, not a regime).
 * Limits: deadlines with a year (a single
 * date) and cut-off days are not detected; a sentence with a deadline but
 * no kind gives nothing unless windows take it. The coordinator corrects
 * the rest. */
#ifndef DTI_EXTRACT_CALENDAR_H
#define DTI_EXTRACT_CALENDAR_H
#include <stddef.h>
#include "base/err.h"
#include "base/strlist.h"
#include "import/doc.h"

/* At most this many paragraph bytes are read for one sentence. */
#define CALDETECT_SENTENCE_MAX 4096

typedef struct calendar_found {
    strlist rules;      /* canonical rule texts (period_rule_format), month, quarter, half, year */
    strlist sources;    /* sources.v[i]: the sentence(s) rules.v[i] came from, '\n'-separated */
    strlist unread;     /* no rule found: sentences on reporting periods or dates not understood */
} calendar_found;
#define CALENDAR_FOUND_INIT {STRLIST_INIT, STRLIST_INIT, STRLIST_INIT}

/* Read D's paragraphs and fill *OUT (initialised by the caller with
 * CALENDAR_FOUND_INIT; release it with calendar_found_release, also after a
 * failure). No regime stated: OUT stays empty and DTI_OK. Only
 * DTI_ERR_NOMEM fails. */
dti_rc extract_calendar(const doc *d, calendar_found *out, dti_err *e);
/* The same for one text (paragraphs separated by '\n'): for tests, fuzzing. */
dti_rc extract_calendar_text(const char *text, calendar_found *out, dti_err *e);
/* Free what OUT holds and empty it. NULL is a no-op. */
void calendar_found_release(calendar_found *out);

#endif
