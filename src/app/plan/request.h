/* request.h — ad-hoc ("đột xuất") and weekly requests a coordinator opens
 * on a plan besides its regular calendar (issue 13, point 6).
 *
 * A request is one or more reportable periods with their own deadline:
 * - ad-hoc: a title ("Báo cáo đột xuất về an toàn thông tin"), the dates it
 *   covers and its deadline; code "YYYY-Dnn" (the year of the deadline, the
 *   plan's nn-th ad-hoc request of that year);
 * - weekly: every ISO week touching the date range, code "YYYY-Wnn", each
 *   due DAYS days after its Sunday (0 = on the Sunday).
 * The units asked are those given, else the plan's leads (every org leading
 * an indicator or task). A unit asked owes the report: it appears in its
 * work (duty.h) with the deadline and is judged on time or late like any
 * period. Reports of requests are collected and reviewed like any report
 * but are not months, quarters, halves or years: the index and its
 * aggregations pass them by (docs/scoring.md).
 *
 * Opening needs AUTH_PLAN_WRITE on the plan (its coordinator, an admin),
 * is audited ("request.open") and changes nothing when any field is wrong:
 * DTI_ERR_INPUT with the field named ("kind", "title", "from", "to", "due",
 * "days", "orgs"). A plan out of the user's scope is DTI_ERR_NOTFOUND.
 *
 * Decisions (issue 13 point 6, finished): a request is edited (title,
 * deadline, units) only before any unit has saved a report under it, and is
 * never deleted — cancelling marks it "đã hủy" with who, when and why and
 * keeps every report already saved. The dates a request covers are not
 * edited: cancel it and open another. Edits and cancellations are told to
 * the units by the reminder run (remind.h: "opened", "changed",
 * "cancelled"). */
#ifndef DTI_REQUEST_H
#define DTI_REQUEST_H
#include <stddef.h>
#include <stdint.h>
#include <jansson.h>
#include "app/app.h"

#define PLANS_REQUEST_TITLE_MAX 300     /* bytes of a title */
#define PLANS_REQUEST_DAYS_MAX 366      /* days a request may cover */
#define PLANS_REQUEST_ORGS_MAX 200      /* units asked at once */
#define PLANS_REQUEST_REASON_MAX 2000   /* bytes of a cancellation's reason */

typedef struct plans_request_in {
    const char *kind;       /* "adhoc" (also "dot-xuat") or "week" (also "tuan") */
    const char *title;      /* adhoc: required; week: optional ("Báo cáo tuần") */
    const char *from, *to;  /* the dates covered: dd/mm/yyyy or yyyy-mm-dd */
    const char *due;        /* adhoc: the deadline date */
    int days;               /* week: the deadline is DAYS after the Sunday, 0..31 */
    const int64_t *orgs;    /* the units asked (borrowed); NULL or none: the plan's leads */
    size_t norgs;
} plans_request_in;

/* Open a request on PLAN_ID as A's acting user at A->now. *OUT (new
 * reference) gets {"plan_id", "kind", "codes": [..], "orgs": [ids]}. */
dti_rc plans_request_open(app *a, int64_t plan_id, const plans_request_in *in, json_t **out, dti_err *e);

/* PLAN_ID's requests (AUTH_READ): *OUT (new reference) is [{"code", "kind",
 * "title", "name" ("Tuần 49/2026", "Đột xuất: …"), "start", "end",
 * "unit_due" (dd/mm/yyyy), "start_iso", "end_iso", "unit_due_iso",
 * "orgs": [{"id", "name"}], "reports" (versions saved under its code),
 * "editable" (no report yet, not cancelled), "updated_at", "cancelled"
 * (bool), "cancelled_at", "cancelled_by" (display name), "cancel_reason",
 * "state" ("open": deadline to come, "closed": passed, "cancelled"),
 * "state_label" ("đã hủy" …)}] by deadline, cancelled ones included. */
dti_rc plans_request_list(app *a, int64_t plan_id, json_t **out, dti_err *e);

/* What an edit changes; NULL (or SET_ORGS 0) keeps it. */
typedef struct plans_request_edit_in {
    const char *title;      /* a new title (one line; a week's may be any) */
    const char *due;        /* a new deadline: dd/mm/yyyy or yyyy-mm-dd, today or later, not before the start */
    int set_orgs;           /* 1: ask exactly ORGS (at least one) */
    const int64_t *orgs;    /* borrowed */
    size_t norgs;
} plans_request_edit_in;

/* Edit PLAN_ID's request CODE as A's user at A->now: its title, deadline
 * and units asked, only while no unit has saved a report under it (any
 * version, a draft too: a unit that has begun answering has begun on the
 * terms it was given) and it is not cancelled — else DTI_ERR_CONFLICT
 * saying why. AUTH_PLAN_WRITE as opening; an unknown CODE is
 * DTI_ERR_NOTFOUND; a bad field DTI_ERR_INPUT naming it ("title", "due",
 * "orgs"); nothing changed is DTI_ERR_INPUT too. Units no longer asked
 * keep their row, marked dropped (store_request.h), and are told by the
 * next reminder run. Audited ("request.edit", before and after). *OUT (new
 * reference) gets the request as plans_request_list shows it. */
dti_rc plans_request_edit(app *a, int64_t plan_id, const char *code, const plans_request_edit_in *in, json_t **out,
                          dti_err *e);

/* Cancel PLAN_ID's request CODE as A's user at A->now for REASON
 * (required, one paragraph, at most PLANS_REQUEST_REASON_MAX bytes). The
 * request stays, marked cancelled with who, when and why; reports already
 * saved under it are kept and stay readable, no new one is accepted, it
 * leaves the units' work and reminders stop. Allowed whether or not units
 * answered it; a cancelled one is DTI_ERR_CONFLICT. Permissions and errors
 * as plans_request_edit; audited ("request.cancel"). *OUT as there. */
dti_rc plans_request_cancel(app *a, int64_t plan_id, const char *code, const char *reason, json_t **out,
                            dti_err *e);

/* DTI_OK when PLAN_ID's request CODE may take a report now: it exists and is
 * not cancelled (DTI_ERR_CONFLICT "đã hủy", DTI_ERR_INPUT when none). */
dti_rc plans_request_open_for_reports(store *s, int64_t plan_id, const char *code, dti_err *e);

/* The display name of a request period into OUT: "Tuần 49/2026" ("Week
 * 49/2026"), "Đột xuất: TITLE" ("Ad hoc: TITLE"). */
void plans_request_name(const char *code, const char *title, char *out, size_t n);

#endif
