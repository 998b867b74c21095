/* demo.h — the demonstration data of `dti demo` and `make run`: a newcomer's
 * first minute.
 *
 * demo_create() fills an empty store with a fictional commune that tells a
 * story, through the same use cases as the CLI and the web server (auth.h,
 * app.h, calendar.h, report.h), so that permissions, validation and the
 * audit log hold exactly as for real data:
 *
 *   - the sample plan embedded in the binary (samples/hoa-binh-2026.md: xã
 *     Hòa Bình, tỉnh Bình Nguyên, 23 indicators, 10 tasks), imported by the
 *     admin; its import creates the province, the commune and the units the
 *     plan names (offices, centres, the health station, schools, the thôn);
 *   - the users of DEMO_USERS, all with the password DEMO_PASSWORD: an
 *     admin, the coordinator (Phòng Văn hóa - Xã hội, scope: the commune),
 *     one reporter per unit that leads indicators, the commune's chairman
 *     and the province's department (viewers);
 *   - the calendar: monthly, units by the 15th of the month after, the
 *     commune by the 20th (month:unit=15+1,commune=20+1);
 *   - DEMO_MONTHS "story" months of reports (demo_months()), with values,
 *     task progress, texts and evidence (small generated PDF and PNG
 *     files): most on time, some late, one returned with a reason then
 *     corrected and approved, one still submitted awaiting review, one
 *     returned and not yet corrected, one left in draft (so missing), and
 *     indicators whose trend misses their 2026 target (at risk) or whose
 *     due date has passed unmet;
 *   - before them, the history (demo_history()): every month from the
 *     plan's issue month (its assignments are in force from the issue day,
 *     so every lead owes each month from then on: duty.h, docs/scoring.md
 *     section 8) up to the first story month, a report from every unit,
 *     approved, mostly on time (each unit late in a few months, by a fixed
 *     pattern, so that the units' on-time rates differ), values rising
 *     month by month toward the story months' (so the index's trend rises
 *     and the indicators at risk stay at risk: their history continues the
 *     same slope); no evidence files. No unit is left owing a month it was
 *     never given a report for.
 *
 * Everything happens at instants computed from NOW (set-up at 08:00 on the
 * later of the first reported month's first day and the plan's issue day,
 * each report on its day of the month after), in one transaction: on
 * failure the store is left as it was. The data are fixed tables, so the
 * same NOW gives the same store, figure for figure (tests/cli/demo.sh
 * asserts them).
 *
 * Decision: when NOW is before the plan's issue day (DTI_NOW in February
 * 2026, say) there is no history — nobody owes anything yet — and the
 * story months are, as always, the first ones the demo allows
 * (DEMO_FIRST_MONTH on), set in the future: the data read as a forecast
 * of April to June 2026. */
#ifndef DTI_DEMO_H
#define DTI_DEMO_H
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include "app/app.h"
#include "app/auth/auth.h"
#include "app/report/report.h"

#define DEMO_PASSWORD "demo-2026"
#define DEMO_SAMPLE "samples/hoa-binh-2026.md"
/* The reporting calendar is the one the sample plan states ("định kỳ hằng
 * tháng (theo tháng dương lịch) … trước ngày 15 của tháng sau", the commune
 * to the Sở "trước ngày 20 của tháng sau"), read and set by the import as
 * for any document: month:cutoff=none:unit=15+1,commune=20+1. The story
 * (monthly reports, calendar months) is what that regime asks. */
#define DEMO_MONTHS 3
/* The demo's months stay within the sample plan's years. */
#define DEMO_FIRST_MONTH "2026-04"
#define DEMO_LAST_YEAR 2030

typedef struct demo_user {
    const char *name;       /* login */
    auth_role role;
    const char *org;        /* the org's name ("" for the admin) */
    const char *display;
} demo_user;

/* The demo's users, in the order they are created; *N gets their number.
 * Static: never free. */
const demo_user *demo_users(size_t *n);

/* The months reported: the last DEMO_MONTHS months whose commune deadline
 * (the 20th of the month after) has passed at NOW, Vietnamese time — on
 * 23/11/2026: 2026-08, 2026-09, 2026-10; on 20/11/2026: 2026-07 to 2026-09 —
 * kept within DEMO_FIRST_MONTH .. December DEMO_LAST_YEAR. Codes "2026-08". */
void demo_months(time_t now, char out[DEMO_MONTHS][REPORT_PERIOD_MAX]);

/* The history before the story months: the number of months (0 ..
 * DEMO_HISTORY_MAX) from the month of ISSUED ("YYYY-MM-DD", the plan's
 * issue day) up to the month before the first of demo_months(NOW), and in
 * FIRST (when not NULL) the first of them ("2026-03"; "" when none). None
 * when ISSUED is NULL or not a date, when NOW (Vietnamese date) is before
 * ISSUED, or when the issue month is not before the first story month. On
 * 23/11/2026 with the sample plan (issued 16/03/2026): 5, "2026-03" (March
 * to July). Pure. */
#define DEMO_HISTORY_MAX ((DEMO_LAST_YEAR - 2026 + 1) * 12)
int demo_history(time_t now, const char *issued, char first[REPORT_PERIOD_MAX]);

/* *EMPTY = 1 when the store holds no user and no plan (the demo may run). */
dti_rc demo_store_empty(app *a, int *empty, dti_err *e);

typedef struct demo_result {
    int64_t plan_id;
    char months[DEMO_MONTHS][REPORT_PERIOD_MAX];    /* the story months */
    int history;                        /* months reported before them (demo_history) */
    char first[REPORT_PERIOD_MAX];      /* the first of those ("" when none) */
    size_t users;
    size_t indicators, tasks, units;    /* of the imported plan */
    size_t reporters;                   /* the units that report (one reporter each) */
    size_t reports[4];                  /* by report_state, newest version of each: every
                                           reporter has one for every month, history and story */
    size_t evidence;                    /* files attached */
} demo_result;

/* Fill the store of A (which must be empty: DTI_ERR_CONFLICT otherwise,
 * with a message saying so) as above, at NOW. A->user_id becomes the
 * admin's. R (may be NULL) gets what was made. */
dti_rc demo_create(app *a, time_t now, demo_result *r, dti_err *e);

/* Generated evidence (demo_files.c): a one-page PDF 1.4 showing TITLE and
 * LINE (printable ASCII; other bytes become '?'), and a W×H PNG (8-bit RGB,
 * 1..1024 each side) of horizontal bars in the colour RGB (0xRRGGBB) whose
 * lengths follow the N values 0..1 in BARS. *OUT (caller frees) and *N.
 * DTI_ERR_NOMEM, or DTI_ERR_INPUT for a bad size. */
dti_rc demo_pdf(const char *title, const char *line, char **out, size_t *n, dti_err *e);
dti_rc demo_png(int w, int h, uint32_t rgb, const double *bars, size_t nbars, char **out, size_t *n,
                dti_err *e);

#endif
