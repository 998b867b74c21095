/* planedit.h — changing a plan after import: an indicator's or a task's
 * name, group, targets, outputs and due date; who leads and supports it;
 * the units a coordinator may choose from.
 *
 * Who: AUTH_PLAN_WRITE on the plan (a coordinator in its scope, an admin).
 * A user who may not read the plan at all (another commune) is told that it
 * does not exist (DTI_ERR_NOTFOUND), as for every plan; a user who may read
 * it but not write it (a viewer, a reporter) is refused (DTI_ERR_PERM).
 *
 * Which item: indicators and tasks keep the codes of the document, and a
 * code may repeat across groups (dti.plan/1: "(group, code) is unique"), so
 * an item is named by its CODE and, where the code repeats, its GROUP code.
 * A repeated code without a group is DTI_ERR_CONFLICT naming the groups;
 * GROUP "" means "the item with no group".
 *
 * Decision — how an edit is versioned. The plan's tables hold the plan as
 * it now stands: an edit changes the indicator's (task's) row, its targets
 * (outputs) in place, so `dti export plan`, GET /api/v1/plans/:id and the
 * scores use the edited plan at once (the score cache follows through the
 * triggers of 004_perf.sql). Nothing is lost: every edit appends an audit
 * entry in the same transaction ("indicator.edit" or "task.edit", entity
 * "indicator"/"task" and the item's row id, the ids GET /api/v1/audit takes)
 * whose before and after are the whole item as dti.plan/1 writes it, so each
 * earlier version can be read back from the hash-chained log; and the
 * document the plan was imported from stays stored by SHA-256, unchanged.
 * Targets are the year's target whatever the period: a corrected target
 * changes the figures not yet published (a publication is a copy and
 * stays). Assignments are versioned rows (assign.h); their changes are in
 * the item's history too ("assignment.set").
 *
 * The edit (a JSON object of the fields to change; a field left out stays):
 *   indicator: "name" (text, not empty), "group" (a group code of the plan,
 *              or null), "due_text" (text or null; "due" is read from it
 *              by core/target's due_parse unless given), "due" ("YYYY-MM",
 *              "YYYY-Qn", "YYYY", "recurring" or null), "basis" (text or
 *              null), "targets" (the whole list, replacing the old one:
 *              [{"year", "text"}] read by core/target's target_parse, or
 *              [{"year", "op", "value", "unit"}] as written, op "text" with
 *              a "text" for a target without a number);
 *   task:      "name", "group", "due_text", "due", "funding" (text or
 *              null), "outputs" (the whole list of texts).
 * Texts are cleaned (text_clean) and at most PLANS_EDIT_TEXT_MAX bytes; a
 * year must lie within the plan's years (plans.year_from..year_to). A bad
 * field is DTI_ERR_INPUT naming it ("targets[1].text") and changes nothing. */
#ifndef DTI_PLANEDIT_H
#define DTI_PLANEDIT_H
#include <stdint.h>
#include <time.h>
#include <jansson.h>
#include "app/app.h"
#include "app/auth/auth.h"

#define PLANS_EDIT_TEXT_MAX 4000      /* bytes of one text field */
#define PLANS_EDIT_TARGETS_MAX 50     /* targets of one indicator */
#define PLANS_EDIT_OUTPUTS_MAX 100    /* outputs of one task */

/* The functions below act as the acting user of A (app_actor) and record
 * A->now. */

/* The row id of PLAN_ID's indicator (IS_TASK: task) CODE in GROUP (NULL:
 * any group, the code must then be unique) into *ID. Needs AUTH_READ on
 * the plan (DTI_ERR_NOTFOUND otherwise, as for no such item). */
dti_rc plans_edit_find(app *a, int64_t plan_id, int is_task, const char *code, const char *group, int64_t *id,
                       dti_err *e);

/* Apply the edit CHANGES (borrowed) to the item named by CODE and GROUP
 * (plans_edit_find), audited, in one transaction. *OUT (may be NULL; new
 * reference) gets the item as dti.plan/1 writes it, with its "id" and
 * "kind" added. */
dti_rc plans_edit_indicator(app *a, int64_t plan_id, const char *code, const char *group, const json_t *changes,
                            json_t **out, dti_err *e);
dti_rc plans_edit_task(app *a, int64_t plan_id, const char *code, const char *group, const json_t *changes,
                       json_t **out, dti_err *e);

/* Replace the lead and/or support orgs of the item (BODY {"lead": [org
 * ids], "support": [org ids]}, a key left out stays) in one transaction
 * through plans_assign_set_item (versioned, audited). Every org must lie
 * under the plan's commune (or be the commune). *OUT (may be NULL; new
 * reference) gets the item's entry of plans_assign_list. */
dti_rc plans_edit_assign(app *a, int64_t plan_id, int is_task, const char *code, const char *group,
                         const json_t *body, json_t **out, dti_err *e);

/* The orgs a plan's items may be assigned to: the plan's commune and the
 * units in force under it, as {"commune": {"id", "name"} or null, "units":
 * [{"id", "name", "aliases": [..]}]} by name. Needs AUTH_READ on the plan.
 * *OUT new reference. */
dti_rc plans_edit_units(app *a, int64_t plan_id, json_t **out, dti_err *e);

#endif
