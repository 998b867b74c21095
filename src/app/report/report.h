/* report.h — unit reports: filling from CSV, evidence, submission, review,
 * versions, timeliness and completeness.
 *
 * A report is one org's submission on one plan for one period ("2026-03").
 * Its states: draft → submitted → returned (with a reason) → submitted →
 * approved. Draft and returned reports are edited by their org (fill,
 * attach); a submitted one is read-only to its org until the coordinator
 * returns it. Approved means locked: fill and attach refuse it
 * (DTI_ERR_CONFLICT); a coordinator reopens it with a reason
 * (report_reopen), which makes a new version (a copy of the approved one,
 * returned with the reason); every version is kept. Who fills or submits a
 * report does not approve it (report_approve).
 *
 * Who may do what (auth.h): fill/attach/submit need AUTH_REPORT_WRITE on
 * the report's org; return/approve/check need AUTH_REVIEW; show and the
 * lists need AUTH_READ (a reporter sees its own org only). Within a report,
 * an org writes what it is assigned: the lead of an indicator reports the
 * value, a support org adds notes and evidence the lead sees (report_show).
 *
 * Values are checked before anything is written, and a fill is one
 * transaction: one refused row changes nothing. The checks: a rate (an
 * indicator whose target unit is "%") is between 0 and 100; a denominator is
 * above 0; a numerator is not above its denominator (nor below 0); a value
 * given with its numerator and denominator agrees with them. The message
 * names the row, the indicator and the rule.
 *
 * The CSV form of a fill (docs/reports.md): a header row naming the
 * columns, in any order, English or Vietnamese (folded, so "Tử số" works):
 *   kind (loai)         indicator | task | results | difficulties | proposals
 *                       (chỉ tiêu | nhiệm vụ | kết quả | khó khăn | đề xuất);
 *                       optional: without it a code is looked up among the
 *                       indicators, then the tasks
 *   code (ma)           the indicator's or task's code ("4.1"; "GROUP/CODE"
 *                       where codes repeat across groups)
 *   numerator (tu so), denominator (mau so), value (gia tri)
 *   met (dat)           yes/no for a text target: có/không, đạt/chưa đạt, 1/0
 *                       (or its level 0..1 in value: 0,5 = half-way)
 *   note (ghi chu)      the explanation; for results/difficulties/proposals rows,
 *                       the text itself
 *   status (trang thai) for a task: chưa triển khai, đang triển khai, hoàn
 *                       thành, quá hạn, dừng
 *   percent (phan tram) for a task: 0..100
 *   products (san pham) for a task: products delivered
 * Each row sets the whole entry of its item (empty cells clear). Numbers
 * as base/num.h reads them ("2.100" = 2100, "12,5"). Separators: ',' ';'
 * or tab. A NUL byte is refused (base/csv.h).
 *
 * Two doors to the same use cases:
 *   report_X(app *a, ...)       what entry points (cli/, http/) call: the
 *                               acting user is the context's (app_actor),
 *                               "now" is a->now (report_app.c);
 *   report_X_as(store *s, const auth_user *u, ..., time_t now, ...)
 *                               for app/'s own callers that already hold the
 *                               user and an instant of their own (the demo
 *                               plays several users over months; scoring
 *                               folds completeness; tests).
 * Both check the same permissions and write the same audit entries: the
 * first is the second with the context's user and instant. The SQL is
 * store/store_report.h's. */
#ifndef DTI_REPORT_H
#define DTI_REPORT_H
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <jansson.h>
#include "base/err.h"
#include "store/store.h"
#include "app/auth/auth.h"

typedef struct app app;     /* app/app.h: the context */

#define REPORT_CSV_MAX_BYTES ((size_t)4 << 20)
#define REPORT_CSV_MAX_ROWS 5000
#define REPORT_TEXT_MAX 20000               /* bytes of a note, a product list, a report text */
#define REPORT_REASON_MAX 2000              /* bytes of a return reason */
#define REPORT_EVIDENCE_MAX ((size_t)20 << 20)  /* default size limit of one evidence file */
#define REPORT_EVIDENCE_NAME_MAX 255
#define REPORT_PERIOD_MAX 16

typedef enum {
    REPORT_DRAFT = 0,
    REPORT_SUBMITTED,
    REPORT_RETURNED,
    REPORT_APPROVED
} report_state;

/* "draft", "submitted", "returned", "approved" / -1. */
const char *report_state_name(report_state s);
int report_state_parse(const char *s);
/* "nháp", "đã nộp", "bị trả lại", "đã duyệt" (or English by lang). */
const char *report_state_label(report_state s);

/* Which report: plan, org, period code. */
typedef struct report_key {
    int64_t plan_id;
    int64_t org_id;
    char period[REPORT_PERIOD_MAX];
} report_key;

/* Find an org by REF: its id ("12"), or its name as any live org or alias
 * is written (folded: "Công an xã", "cong an xa"), or by its full name with
 * its commune's or province's name ("Công an xã Hòa Bình": the stored key
 * drops that place, report.c's org_by_place looks under the place named);
 * with PLAN_ID > 0 the orgs under the plan's org are searched first. DTI_ERR_NOTFOUND, or
 * DTI_ERR_INPUT when the name fits several orgs (the message says so).
 * No permission is needed: the caller checks what it does with the org. */
dti_rc report_org_find(store *s, int64_t plan_id, const char *ref, int64_t *org_id, dti_err *e);

/* Fill KEY's report from CSV text (the form above) as U at NOW. Creates
 * the report (draft, version 1) when there is none; an approved report is
 * refused (DTI_ERR_CONFLICT: reopen it first). Numbers follow base/num.h
 * (Vietnamese notation) and are checked per indicator: a rate (target unit
 * "%") 0..100, or numerator <= denominator (both >= 0, denominator > 0);
 * a count (a target in things counted, "5 lượt") a whole number; any
 * other figure >= 0; a text target takes met (yes/no) or a level 0..1 in
 * value (both scored: core/score.h), a numeric target never met. */
typedef struct report_fill_result {
    int64_t report_id;
    int version;
    size_t values, tasks, texts;    /* rows applied */
    int new_version;                /* always 0: an approved report is reopened, never refilled */
} report_fill_result;
dti_rc report_fill_csv_as(store *s, const auth_user *u, const report_key *key, const char *csv,
                       size_t n, time_t now, report_fill_result *out, dti_err *e);

/* The media type of a file by its structure (evidence.c): PDF, PNG, JPEG, and the
 * Office Open XML zips (docx, xlsx, pptx; a zip holding
 * [Content_Types].xml and word/, xl/ or ppt/). NULL for anything else. */
const char *report_media_type(const void *p, size_t n);

/* Attach the N bytes at P (named NAME) as evidence to KEY's report, to the
 * indicator or task with code ITEM (ITEM_KIND 'i' or 't'), or to the
 * report as a whole (ITEM NULL). MAX is the size limit (0 =
 * REPORT_EVIDENCE_MAX). The bytes are stored once by SHA-256: *NEW_FILE
 * (may be NULL) says whether they were new. *ID (may be NULL) gets the
 * evidence id. */
dti_rc report_attach_as(store *s, const auth_user *u, const report_key *key, char item_kind,
                     const char *item, const char *name, const void *p, size_t n, size_t max,
                     time_t now, int64_t *id, int *new_file, dti_err *e);

/* One file of report_attach_many: its name and bytes, borrowed. */
typedef struct report_file {
    const char *name;
    const void *data;
    size_t len;
} report_file;
#define REPORT_FILES_MAX 16
/* Attach N files (at most REPORT_FILES_MAX) as report_attach does each,
 * all or none (evidence_many.c): one refused file stores none, and E names
 * it. IDS and NEW_FILES (N entries each; either may be NULL) get each
 * file's evidence id and whether its bytes were new. */
dti_rc report_attach_many(app *a, const report_key *key, char item_kind, const char *item, const report_file *files,
                          size_t n, size_t max, int64_t *ids, int *new_files, dti_err *e);

/* Submit KEY's report (draft or returned → submitted). *MISSING (may be
 * NULL) gets how many indicators and tasks the org leads have no entry. */
dti_rc report_submit_as(store *s, const auth_user *u, const report_key *key, time_t now,
                     size_t *missing, dti_err *e);
/* Withdraw KEY's submitted report before review (report_withdraw.c):
 * submitted → draft, its submission time cleared; refused (DTI_ERR_CONFLICT)
 * in any other state or once the reviewer has checked any of its evidence.
 * Needs AUTH_REPORT_WRITE. Audited ("report.withdraw"). */
dti_rc report_withdraw_as(store *s, const auth_user *u, const report_key *key, time_t now, dti_err *e);
/* Return a submitted report with REASON (required). */
dti_rc report_return_as(store *s, const auth_user *u, const report_key *key, const char *reason,
                     time_t now, dti_err *e);
/* Approve a submitted report. U must not be one who filled or submitted it
 * (created, filled, attached evidence to or submitted this version):
 * DTI_ERR_PERM, unless the report's commune allows it
 * (report_set_self_approval); the report then records it (self_approved,
 * shown by report_show; audited as report.approve_own). */
dti_rc report_approve_as(store *s, const auth_user *u, const report_key *key, time_t now, dti_err *e);
/* Reopen KEY's approved report with REASON (required, at most
 * REPORT_REASON_MAX bytes): AUTH_REVIEW (a coordinator, an admin). Makes
 * a new version, a copy of the approved one, "returned" with REASON so that
 * the unit corrects and submits it again; the approved version stays and
 * keeps counting in the scores until the new one is approved. Audited
 * (report.reopen: the approved version before, the new one after).
 * *VERSION (may be NULL) gets the new version's number. DTI_ERR_CONFLICT
 * when the newest version is not approved. */
dti_rc report_reopen_as(store *s, const auth_user *u, const report_key *key, const char *reason, time_t now,
                     int *version, dti_err *e);
/* Allow (ALLOW 1, with REASON) or forbid the one who filled or submitted a
 * report of commune ORG_ID's plans to approve it: for a commune with a
 * single official. AUTH_USER_ADMIN on the commune; audited
 * (org.self_approval). DTI_ERR_INPUT when ORG_ID is not a commune. */
dti_rc report_set_self_approval_as(store *s, const auth_user *u, int64_t org_id, int allow, const char *reason,
                                time_t now, dti_err *e);
/* Mark evidence ID checked (or not) by the reviewer. */
dti_rc report_check_evidence_as(store *s, const auth_user *u, int64_t id, int checked, time_t now,
                             dti_err *e);
/* The bytes of evidence ID (for download): *P (caller frees), *N, and its
 * name and media type (caller frees; either may be NULL). Needs AUTH_READ
 * on the report's org. */
dti_rc report_evidence_get_as(store *s, const auth_user *u, int64_t id, char **p, size_t *n,
                           char **name, char **media_type, dti_err *e);

/* KEY's report as JSON (VERSION 0 = the newest): state, times, timeliness
 * judged at NOW, values with their indicators, tasks, texts, evidence, and
 * what support orgs added to the items this org leads. *OUT new reference. */
dti_rc report_show_as(store *s, const auth_user *u, const report_key *key, int version, time_t now,
                   json_t **out, dti_err *e);
/* Every version of KEY's report, oldest first (array of headers). */
dti_rc report_versions_as(store *s, const auth_user *u, const report_key *key, json_t **out,
                       dti_err *e);

/* Completeness of PLAN_ID's period PERIOD at NOW (as DHIS2 reports its
 * reporting rates): the orgs expected to report (leads of the plan's
 * indicators and tasks under the assignments in force at the period's end)
 * within U's scope, each with its state, first submission and timeliness
 * against the units' deadline; and the totals expected, received, on time.
 * *OUT new reference. */
dti_rc report_completeness_as(store *s, const auth_user *u, int64_t plan_id, const char *period,
                           time_t now, json_t **out, dti_err *e);

/* ISO 8601 UTC text ("2026-04-08T09:30:00Z") to time_t; -1 if not that form. */
time_t report_ts_parse(const char *s);

/* The review queue: PLAN_ID's reports whose newest version is in STATE
 * ("draft", "submitted", "returned", "approved"; NULL = "submitted"), of
 * period PERIOD (NULL = every period; else a period of the plan's calendar,
 * DTI_ERR_INPUT otherwise), that U may read: AUTH_READ on the plan (else
 * DTI_ERR_NOTFOUND) and on each report's org — a reporter sees only its own
 * org's (and those under it), a coordinator or a viewer those in its scope,
 * an admin all; the others are left out, not refused. As
 *   {"plan_id", "state", "period": code or null, "reports": [{"org_id",
 *    "org", "period", "kind", "version", "state", "submitted_at",
 *    "first_submitted_at", "unit_due", "timeliness", "can_review"}]}
 * oldest first submission first (the longest waiting), then org name;
 * can_review says whether U may return or approve it (a viewer reads the
 * queue, never acts). Timeliness as report_completeness, judged at NOW.
 * *OUT new reference. */
dti_rc report_queue_as(store *s, const auth_user *u, int64_t plan_id, const char *state, const char *period,
                    time_t now, json_t **out, dti_err *e);

/* For other wings' use cases: report ID's header (and with WITH_ITEMS its
 * values and tasks) as the JSON the audit log keeps of it (audit.c checks
 * reports against their after-images with it); *OUT new reference. */
dti_rc report_snapshot(store *s, int64_t id, int with_items, json_t **out, dti_err *e);
/* report_snapshot(s, IDS[i], 1, &OUT[i]) for N reports at once, in three
 * statements (store_report_*_between): IDS ascending and distinct, every
 * one a report (else DTI_ERR_NOTFOUND as report_snapshot); OUT[0..N-1] new
 * references, all NULL on failure. For dti audit verify, which reads every
 * report of the database. */
dti_rc report_snapshots(store *s, const int64_t *ids, size_t n, json_t **out, dti_err *e);
/* The same image with its values and tasks, written straight as the text
 * json_dumps(report_snapshot(s, id, 1), JSON_COMPACT | JSON_SORT_KEYS)
 * gives, byte for byte (base/json_text.h), without building the json_t:
 * the images of a report save's audit entry (issue 12, point 6). *OUT
 * (caller frees) NULL on failure. */
dti_rc report_snapshot_text(store *s, int64_t id, char **out, dti_err *e);
/* DTI_OK when CODE is a period code (period_parse) and, when the plan has a
 * calendar, one of its periods; else DTI_ERR_INPUT naming it. */
dti_rc report_check_period(store *s, int64_t plan_id, const char *code, dti_err *e);

/* ---- the entry points' door (report_app.c) ---------------------------------
 * Each is its _as twin above as the acting user of A (app_actor: an
 * unknown or deactivated user, or none once users exist, is DTI_ERR_AUTH)
 * at A->now, with the same permissions, errors and audit entries. */

/* report_org_find in A's store (no permission needed: what is done with
 * the org is checked). */
dti_rc report_org_lookup(app *a, int64_t plan_id, const char *ref, int64_t *org_id, dti_err *e);
/* DTI_OK when A's user may read plan PLAN_ID; a plan out of its view or
 * missing is auth_not_found() (one 404 for both, nothing named). */
dti_rc report_plan_visible(app *a, int64_t plan_id, dti_err *e);
dti_rc report_fill_csv(app *a, const report_key *key, const char *csv, size_t n, report_fill_result *out,
                       dti_err *e);
dti_rc report_attach(app *a, const report_key *key, char item_kind, const char *item, const char *name,
                     const void *p, size_t n, size_t max, int64_t *id, int *new_file, dti_err *e);
dti_rc report_submit(app *a, const report_key *key, size_t *missing, dti_err *e);
dti_rc report_withdraw(app *a, const report_key *key, dti_err *e);
dti_rc report_return(app *a, const report_key *key, const char *reason, dti_err *e);
dti_rc report_approve(app *a, const report_key *key, dti_err *e);
dti_rc report_reopen(app *a, const report_key *key, const char *reason, int *version, dti_err *e);
dti_rc report_set_self_approval(app *a, int64_t org_id, int allow, const char *reason, dti_err *e);
dti_rc report_check_evidence(app *a, int64_t id, int checked, dti_err *e);
dti_rc report_evidence_get(app *a, int64_t id, char **p, size_t *n, char **name, char **media_type, dti_err *e);
dti_rc report_show(app *a, const report_key *key, int version, json_t **out, dti_err *e);
dti_rc report_versions(app *a, const report_key *key, json_t **out, dti_err *e);
dti_rc report_completeness(app *a, int64_t plan_id, const char *period, json_t **out, dti_err *e);
/* report_completeness as JSON text through app/score/score_cache.h (the
 * same figures until the data change; keyed by plan, period, user and
 * day): *BODY freed with scoring_cache_free, *LEN its length. */
dti_rc report_completeness_cached(app *a, int64_t plan_id, const char *period, char **body, size_t *len,
                                  dti_err *e);
dti_rc report_queue(app *a, int64_t plan_id, const char *state, const char *period, json_t **out, dti_err *e);

#endif
