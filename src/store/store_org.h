/* store_org.h — the organisation tree in the store: province › commune ›
 * unit, with names, matching keys, aliases, and validity dates.
 *
 * The store matches nothing itself: callers pass KEY, the orgname_key()
 * (core/orgname.h) of the name, so the matching rules live in one place.
 * Only orgs in force (valid_to NULL) are found; closing and merging orgs
 * comes with the admin use cases. */
#ifndef DTI_STORE_ORG_H
#define DTI_STORE_ORG_H
#include <stdint.h>
#include "store/store.h"

typedef enum { ORG_PROVINCE = 0, ORG_COMMUNE, ORG_UNIT } org_kind;

typedef struct store_org {
    int64_t id;
    int64_t parent_id;      /* 0 for a top-level org */
    org_kind kind;
    char *name;             /* owned */
    char *folded;           /* owned: the matching key */
    char *valid_from;       /* owned, "YYYY-MM-DD" */
    char *valid_to;         /* owned, or NULL while in force */
} store_org;

/* "province", "commune", "unit", and back (-1 unknown). */
const char *org_kind_str(org_kind k);
int org_kind_parse(const char *s);

/* The live org under PARENT_ID (0 = top level) whose key or one of whose
 * aliases' keys is KEY. *ID is 0 when there is none. */
dti_rc store_org_find(store *s, int64_t parent_id, const char *key, int64_t *id, dti_err *e);

/* Create an org in force from the day NOW falls on in Vietnam (NOW: the
 * caller's now, 0 = the real clock; see store_stamp). A live org with the
 * same key under the same parent already there is DTI_ERR_CONFLICT. */
dti_rc store_org_create(store *s, int64_t parent_id, org_kind kind, const char *name, const char *key,
                        time_t now, int64_t *id, dti_err *e);

/* The org under PARENT_ID with KEY, created with NAME when missing.
 * *CREATED (may be NULL) says which. */
dti_rc store_org_ensure(store *s, int64_t parent_id, org_kind kind, const char *name, const char *key,
                        time_t now, int64_t *id, int *created, dti_err *e);

/* Record ALIAS (as written) for ORG_ID at NOW (0 = the real clock);
 * recording it twice is a no-op. */
dti_rc store_org_add_alias(store *s, int64_t org_id, const char *alias, const char *key, time_t now,
                           dti_err *e);

/* Read one org into *OUT (release with store_org_release). DTI_ERR_NOTFOUND when missing. */
dti_rc store_org_get(store *s, int64_t id, store_org *out, dti_err *e);
void store_org_release(store_org *o);

/* The live children of PARENT_ID (0 = top level) by name: *OUT an array of
 * *N orgs, freed with store_org_list_free. */
dti_rc store_org_children(store *s, int64_t parent_id, store_org **out, size_t *n, dti_err *e);
void store_org_list_free(store_org *v, size_t n);

/* How many aliases ORG_ID has. */
dti_rc store_org_alias_count(store *s, int64_t org_id, int64_t *n, dti_err *e);

/* The parent of ORG_ID in force into *PARENT (0 for a top-level org);
 * *FOUND 0 when ORG_ID is missing or no longer in force. */
dti_rc store_org_parent_live(store *s, int64_t org_id, int64_t *parent, int *found, dti_err *e);

/* The name of ORG_ID (any state) into *NAME (owned by caller; NULL when
 * missing). */
dti_rc store_org_name(store *s, int64_t org_id, char **name, dti_err *e);

/* The live children of PARENT_ID with their aliases, by name, id, alias:
 * one row per alias (or one with alias NULL): (id, name, alias). */
dti_rc store_org_children_aliases(store *s, int64_t parent_id, store_row_fn fn, void *ctx, dti_err *e);

/* ORG_ID's name and its parent's, as one row (none when missing): (name,
 * parent's name or NULL). */
dti_rc store_org_names(store *s, int64_t org_id, store_row_fn fn, void *ctx, dti_err *e);

#endif
