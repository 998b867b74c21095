/* store_plan_item.h — one item of a plan (an indicator or a task) read and
 * rewritten in place, for the plan editor (app/plan/planedit.c).
 *
 * An item row keeps its id when edited, so reports, evidence and
 * assignments that point to it stay attached; its targets (indicator) or
 * outputs (task) are replaced whole. IS_TASK below picks the kind: 0 an
 * indicator (indicators, indicator_targets), 1 a task (tasks,
 * task_outputs). The rules (who may edit, what is valid, the audit) live in
 * app/. */
#ifndef DTI_STORE_PLAN_ITEM_H
#define DTI_STORE_PLAN_ITEM_H
#include <stdint.h>
#include "store/store.h"

/* PLAN_ID's items of one kind with CODE, in document order, one row each:
 * (id, group_code or NULL). GROUP NULL: any group; else only those whose
 * group code is GROUP ("" for no group). */
dti_rc store_plan_item_find(store *s, int64_t plan_id, int is_task, const char *code, const char *group,
                            store_row_fn fn, void *ctx, dti_err *e);

/* The position (0-based, document order) of item ID among PLAN_ID's items
 * of its kind into *IDX. */
dti_rc store_plan_item_index(store *s, int64_t plan_id, int is_task, int64_t id, int64_t *idx, dti_err *e);

/* The first plan_groups row of PLAN_ID with CODE into *ID; *FOUND 0 when none. */
dti_rc store_plan_group_find(store *s, int64_t plan_id, const char *code, int64_t *id, int *found, dti_err *e);

/* The fields of an item as the editor writes them (all borrowed; NULL
 * stores NULL). MORE is the indicator's basis or the task's funding. */
typedef struct store_plan_item_in {
    const char *name, *group_code;
    int64_t group_id;           /* 0: none */
    const char *due, *due_text, *more;
} store_plan_item_in;

/* Rewrite item ID's fields with IN. */
dti_rc store_plan_item_update(store *s, int is_task, int64_t id, const store_plan_item_in *in, dti_err *e);

/* Remove every output of task ID / every target of indicator ID (before
 * adding the new ones). */
dti_rc store_plan_task_outputs_clear(store *s, int64_t id, dti_err *e);
dti_rc store_plan_targets_clear(store *s, int64_t id, dti_err *e);

/* Add output SEQ (TEXT) to task ID. */
dti_rc store_plan_task_output_add(store *s, int64_t id, int64_t seq, const char *text, dti_err *e);

/* Add a target to indicator ID: YEAR, OP, VALUE (when HAS_VALUE, else
 * NULL), UNIT (NULL stored as ""), TEXT. */
dti_rc store_plan_target_add(store *s, int64_t id, int64_t year, const char *op, int has_value, double value,
                             const char *unit, const char *text, dti_err *e);

#endif
