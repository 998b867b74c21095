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
 * "days", "orgs"). A plan out of the user's scope is DTI_ERR_NOTFOUND. */
#ifndef DTI_REQUEST_H
#define DTI_REQUEST_H
#include <stddef.h>
#include <stdint.h>
#include <jansson.h>
#include "app/app.h"

#define PLANS_REQUEST_TITLE_MAX 300     /* bytes of a title */
#define PLANS_REQUEST_DAYS_MAX 366      /* days a request may cover */
#define PLANS_REQUEST_ORGS_MAX 200      /* units asked at once */

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
 * "orgs": [{"id", "name"}]}] by deadline. */
dti_rc plans_request_list(app *a, int64_t plan_id, json_t **out, dti_err *e);

/* The display name of a request period into OUT: "Tuần 49/2026" ("Week
 * 49/2026"), "Đột xuất: TITLE" ("Ad hoc: TITLE"). */
void plans_request_name(const char *code, const char *title, char *out, size_t n);

#endif
