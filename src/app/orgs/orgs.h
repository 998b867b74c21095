/* orgs.h — the orgs wing (prefix orgs_): communes and units change.
 * Renames, mergers and closures with the day each takes effect, who may
 * record them, and how rankings explain them. The rules are in
 * orgs_change.c's header and docs/orgs.md. */
#ifndef DTI_ORGS_H
#define DTI_ORGS_H
#include <stddef.h>
#include <stdint.h>
#include <jansson.h>
#include "app/app.h"

#define ORGS_CHANGE_MAX 64          /* orgs merged in one change */
#define ORGS_NAME_MAX 200           /* bytes of an org's name */
#define ORGS_NOTE_MAX 2000          /* bytes of a change's note */

/* A change as asked. */
typedef struct orgs_change_req {
    const char *kind;       /* "rename", "merge" or "close" */
    const int64_t *orgs;    /* the orgs before: rename and close one, merge 2..ORGS_CHANGE_MAX */
    size_t n;
    int64_t into;           /* merge: the successor, one of ORGS; 0 with NAME */
    const char *name;       /* rename: the new name; merge: a new successor's name */
    const char *date;       /* the day it takes effect: "YYYY-MM-DD" or "dd/mm/yyyy" */
    const char *note;       /* why (the decision's number ...); may be NULL */
} orgs_change_req;

/* Record change Q as the acting user of A, in one transaction with the
 * audit entry ("org.rename", "org.merge", "org.close"; entity org, the org
 * after or the closed one). Who: an admin; a coordinator for orgs strictly
 * under its own org (a province's coordinator its communes and their
 * units, a commune's its units); others DTI_ERR_PERM; an org outside the
 * user's scope or missing: DTI_ERR_NOTFOUND (auth_not_found). Bad input
 * (kind, orgs, into, name, date, note: the field is named) is
 * DTI_ERR_INPUT; an org no longer in force, or a day before an earlier
 * change of the same org, DTI_ERR_CONFLICT; nothing is changed then.
 * *CHANGE_ID and *AFTER (may be NULL) get the change and the org after it
 * (0 for a closure). */
dti_rc orgs_change(app *a, const orgs_change_req *q, int64_t *change_id, int64_t *after, dti_err *e);

/* The changes involving ORG_ID (0: every change the user may see), oldest
 * first: [{"id", "kind", "date", "after": {"id", "name"} | null, "before":
 * [{"id", "name"}], "note", "at", "by"}]. ORG_ID must be in the user's
 * scope (else DTI_ERR_NOTFOUND); with 0, a change shows when any of its
 * orgs is. *OUT new reference. */
dti_rc orgs_changes_list(app *a, int64_t org_id, json_t **out, dti_err *e);

/* Name ORG_ID had on DAY ("YYYY-MM-DD") and the explanation of the changes
 * around DAY, for a ranking or a list of that period (both owned by the
 * caller; *NOTE NULL when nothing changed): a successor after its merger
 * "Sáp nhập từ Xã A và Xã B ngày 01/07/2025"; a merged org before it "Đã
 * sáp nhập vào Xã C từ ngày 01/07/2025"; a closed one "Giải thể từ ngày
 * …"; a renamed one "Trước ngày … tên là …" / "Từ ngày … đổi tên thành …".
 * No permission check: the caller has checked it may show ORG_ID. */
dti_rc orgs_explain(store *s, int64_t org_id, const char *day, char **name, char **note, dti_err *e);

/* NAME as a period's row shows an org merged since into an org now named
 * NOW_NAME: "NAME (nay là NOW_NAME)" ("(now …)" in English); NAME alone
 * when NOW_NAME is NULL. New string (caller frees), NULL when out of
 * memory. */
char *orgs_label(const char *name, const char *now_name);

/* The name ORG_ID had on DAY ("YYYY-MM-DD", a period's last day) as a row
 * of that period shows it: the name in force that day (the name history),
 * with orgs_label's "(nay là …)" when the org has been merged into another
 * since. *LABEL owned by the caller. No permission check. */
dti_rc orgs_name_then(store *s, int64_t org_id, const char *day, char **label, dti_err *e);

/* For a ranking: the communes of PROVINCE in force on DAY, as rows (id,
 * name on DAY) by id (store_org_children_on). */
dti_rc orgs_communes_on(store *s, int64_t province, const char *day, store_row_fn fn, void *ctx, dti_err *e);

/* For lists of a period (JSON): each object of the array ROWS whose
 * integer member ID_KEY names an org gets, as NAME_KEY, the name the org
 * had on DAY, and "note" when orgs_explain has one. */
dti_rc orgs_json_explain(store *s, json_t *rows, const char *id_key, const char *name_key, const char *day,
                         dti_err *e);

/* For scoring_rank (app/score/score.h): each row of R gets the name its org
 * had on the last day of R's period and the note orgs_explain gives. */
struct scoring_ranking;
dti_rc orgs_rank_explain(store *s, struct scoring_ranking *r, dti_err *e);

#endif
