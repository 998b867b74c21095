/* store_assign.h — a plan's items (indicators, tasks) and who answers for
 * them (assignments: lead, support, parent_lead), versioned by date.
 *
 * An assignment row names the org it is linked to (NULL for a name the
 * import could not link, "Các phòng ban liên quan") and the name as the
 * plan writes it. A change never deletes: it closes the rows in force
 * (valid_to = the day) and adds new ones from that day, so a past period
 * is still judged by who was responsible then. The rules (who may change,
 * which orgs are allowed, the audit) live in app/plan/assign.c.
 *
 * IS_TASK below picks the item kind: 0 an indicator (indicators.id), 1 a
 * task (tasks.id). Row callbacks get the columns listed, in order. */
#ifndef DTI_STORE_ASSIGN_H
#define DTI_STORE_ASSIGN_H
#include <stdint.h>
#include "store/store.h"

/* PLAN_ID's items of one kind in document order, one row each:
 * (id, code, group_code, name). */
dti_rc store_assign_items(store *s, int64_t plan_id, int is_task, store_row_fn fn, void *ctx, dti_err *e);

/* The lead and support assignments in force of PLAN_ID's items of one kind,
 * by role, seq, id: (item id, role, org_id or NULL, the org's name or NULL,
 * the name as written). */
dti_rc store_assign_in_force(store *s, int64_t plan_id, int is_task, store_row_fn fn, void *ctx, dti_err *e);

/* The ROLE assignments in force of ITEM, by seq, id: (org_id or NULL, name
 * as written). */
dti_rc store_assign_role(store *s, int64_t plan_id, int is_task, int64_t item, const char *role,
                         store_row_fn fn, void *ctx, dti_err *e);

/* The row id of PLAN_ID's first item (document order) with CODE into *ID;
 * *FOUND 0 when none. */
dti_rc store_assign_item_by_code(store *s, int64_t plan_id, int is_task, const char *code, int64_t *id,
                                 int *found, dti_err *e);

/* The code of item ID of PLAN_ID into *CODE (owned by caller; "" when the
 * item has none), or *CODE NULL when PLAN_ID has no such item. */
dti_rc store_assign_item_code(store *s, int64_t plan_id, int is_task, int64_t id, char **code, dti_err *e);

/* Close the ROLE assignments in force of ITEM: valid_to = DAY
 * ("YYYY-MM-DD"). */
dti_rc store_assign_close(store *s, int64_t plan_id, int is_task, int64_t item, const char *role,
                          const char *day, dti_err *e);

/* Add an assignment of ITEM in force from DAY: ORG_ID (0: none, the name
 * not linked), ROLE, SEQ (1-based order within the role), NAME as written. */
dti_rc store_assign_add(store *s, int64_t plan_id, int is_task, int64_t item, int64_t org_id, const char *role,
                        int64_t seq, const char *name, const char *day, dti_err *e);

#endif
