/* assign.h — who answers for each indicator and task of a plan (lead,
 * chủ trì; support, phối hợp), read and changed by people.
 *
 * Assignments come from the plan document at import (store/, app_import.c)
 * and are versioned: a change closes the rows in force (valid_to = today,
 * Vietnam's date) and adds new ones from today, so a past period is still
 * judged by who was responsible then. A change needs AUTH_PLAN_WRITE on the
 * plan (a coordinator in scope) and is audited with the orgs before and
 * after, in the item's own history (entity "indicator" or "task" and the
 * item's row id: GET /api/v1/audit?entity=indicator&id=ID). Reading needs
 * AUTH_READ on the plan; a reporter sees only the items its own org is
 * assigned. A plan the user may not read is DTI_ERR_NOTFOUND (its
 * existence does not leak); one it may read but not change, DTI_ERR_PERM. */
#ifndef DTI_ASSIGN_H
#define DTI_ASSIGN_H
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <jansson.h>
#include "app/app.h"
#include "app/auth/auth.h"

#define PLANS_ASSIGN_ORGS_MAX 32      /* orgs in one role of one item */

/* The items of PLAN_ID with their live lead and support orgs, as the
 * acting user of A may read them, as
 * [{"kind": "indicator"|"task", "code", "group", "name", "lead": [{"org_id",
 * "name"}], "support": [...], "unresolved": ["Các phòng ban liên quan"],
 * "lead_unresolved": [..], "support_unresolved": [..]}] ("unresolved": the
 * names linked to no org yet, both roles; then the same by role).
 * *OUT new reference. */
dti_rc plans_assign_list(app *a, int64_t plan_id, json_t **out, dti_err *e);

/* Replace the ROLE ("lead" or "support") orgs of PLAN_ID's indicator (or,
 * with IS_TASK, task) CODE (the first in document order with that code) by
 * the N orgs ORG_IDS (N 0 clears the role), as the acting user of A, from
 * A->now's day (Vietnam's). Every org must lie under the plan's commune (or
 * be the commune). Names left unresolved at import ("Các phòng ban liên
 * quan") are closed with the rest of the role. One transaction (nested in
 * the caller's when one is open). Setting the orgs already in force, in the
 * same order, changes and logs nothing. */
dti_rc plans_assign_set(app *a, int64_t plan_id, int is_task, const char *code, const char *role,
                        const int64_t *org_ids, size_t n, dti_err *e);
/* The same for the item whose row id is ITEM (indicators.id or tasks.id
 * of PLAN_ID; DTI_ERR_NOTFOUND otherwise). */
dti_rc plans_assign_set_item(app *a, int64_t plan_id, int is_task, int64_t item, const char *role,
                             const int64_t *org_ids, size_t n, dti_err *e);

/* For use inside app/ (the plan editor): plans_assign_list and
 * plans_assign_set_item as the user U already read, at NOW, on store S. */
dti_rc plans_assign_list_as(store *s, const auth_user *u, int64_t plan_id, json_t **out, dti_err *e);
dti_rc plans_assign_set_item_as(store *s, const auth_user *u, int64_t plan_id, int is_task, int64_t item,
                                const char *role, const int64_t *org_ids, size_t n, time_t now, dti_err *e);

#endif
