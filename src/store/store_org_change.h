/* store_org_change.h — renames, mergers and closures of orgs in the store
 * (sql/sqlite/011_org_changes.sql): the change records, the orgs' name
 * history, and the org and assignment rows a change ends or begins.
 *
 * The store decides nothing: app/orgs/ checks the rules and permissions,
 * calls these inside one transaction and writes the audit log. Days are
 * "YYYY-MM-DD" (Vietnam's); a valid_to is the first day no longer in force. */
#ifndef DTI_STORE_ORG_CHANGE_H
#define DTI_STORE_ORG_CHANGE_H
#include <stdint.h>
#include "store/store.h"
#include "store/store_org.h"

/* Record a change: KIND "rename", "merge" or "close", in force from DAY,
 * AFTER the org after it (0: none, a closure), NOTE (may be NULL), BY the
 * acting user, AT the ISO timestamp. *ID the new change's id. */
dti_rc store_org_change_add(store *s, const char *kind, const char *day, int64_t after, const char *note,
                            int64_t by, const char *at, int64_t *id, dti_err *e);
/* Record ORG_ID, named NAME the day before, as one of CHANGE_ID's orgs before. */
dti_rc store_org_change_before(store *s, int64_t change_id, int64_t org_id, const char *name, dti_err *e);

/* Create an org in force from DAY (a merger's new successor), recorded AT.
 * A live org with KEY under PARENT_ID: DTI_ERR_CONFLICT (field "name"). */
dti_rc store_org_create_from(store *s, int64_t parent_id, org_kind kind, const char *name, const char *key,
                             const char *day, const char *at, int64_t *id, dti_err *e);
/* End ORG_ID (in force) on DAY: valid_to = DAY. *CHANGED 0 when it was not in force. */
dti_rc store_org_end(store *s, int64_t org_id, const char *day, int *changed, dti_err *e);
/* Rename ORG_ID (in force) to NAME (KEY) from DAY: its name so far, in
 * force from FROM, goes to the name history until DAY. A live sibling with
 * KEY: DTI_ERR_CONFLICT (field "name"). */
dti_rc store_org_rename(store *s, int64_t org_id, const char *name, const char *key, const char *from,
                        const char *day, dti_err *e);
/* The current name of the org ORG_ID has been merged into (the newest
 * merger that ended it), into *NAME (owned by caller; NULL when none). */
dti_rc store_org_merged_into(store *s, int64_t org_id, char **name, dti_err *e);
/* The newest change day among the changes involving ORG_ID (as before or
 * after) into *DAY (owned by caller; NULL when none). */
dti_rc store_org_last_change(store *s, int64_t org_id, char **day, dti_err *e);

/* The assignments of FROM_ORG in force (valid_to NULL) end on DAY; with
 * TO_ORG non-zero, each begins again for TO_ORG (written as TO_NAME) on
 * DAY unless TO_ORG already holds that role on that item. *MOVED (may be
 * NULL) the rows ended. */
dti_rc store_org_assignments_move(store *s, int64_t from_org, int64_t to_org, const char *to_name,
                                  const char *day, int64_t *moved, dti_err *e);

/* The name ORG_ID had on DAY (the name history's row covering DAY, else
 * orgs.name) into *NAME (owned by caller; NULL when no such org). */
dti_rc store_org_name_on(store *s, int64_t org_id, const char *day, char **name, dti_err *e);
/* The children of PARENT_ID of KIND in force on DAY, by id, as rows (id,
 * name on DAY). In force: not ended on or before DAY, and not born of a
 * merger taking effect after DAY (other orgs' valid_from is the day dti
 * first recorded them, not their founding, so it does not count). */
dti_rc store_org_children_on(store *s, int64_t parent_id, org_kind kind, const char *day, store_row_fn fn,
                             void *ctx, dti_err *e);
/* The changes involving ORG_ID, oldest first, one row per org before:
 * (change id, kind, effective, org_after or NULL, the after org's name or
 * NULL, before org id, before name, note, created_at, created_by's name or
 * NULL). ORG_ID 0: every change. */
dti_rc store_org_changes(store *s, int64_t org_id, store_row_fn fn, void *ctx, dti_err *e);

/* *ANY 1 when any change is recorded (callers skip the name history
 * otherwise: without a change every org has only its current name). */
dti_rc store_org_changes_any(store *s, int *any, dti_err *e);

#endif
