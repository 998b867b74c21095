/* store_org_change.c — org changes repository over store.h (any engine);
 * the contracts are in store_org_change.h. */
#include <stdlib.h>
#include <string.h>
#include "store/store_org_change.h"

dti_rc store_org_change_add(store *s, const char *kind, const char *day, int64_t after, const char *note,
                            int64_t by, const char *at, int64_t *id, dti_err *e)
{
    *id = 0;
    return store_query_int(s,
        "INSERT INTO org_changes (kind, effective, org_after, note, created_by, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        (store_val[]){SV_T(kind), SV_T(day), after ? SV_I(after) : SV_NUL(), SV_T(note ? note : ""), SV_I(by),
                      SV_T(at)}, 6, id, NULL, e);
}

dti_rc store_org_change_before(store *s, int64_t change_id, int64_t org_id, const char *name, dti_err *e)
{
    return store_exec(s, "INSERT INTO org_change_before (change_id, org_id, name) VALUES (?, ?, ?)",
                      (store_val[]){SV_I(change_id), SV_I(org_id), SV_T(name)}, 3, e);
}

dti_rc store_org_create_from(store *s, int64_t parent_id, org_kind kind, const char *name, const char *key,
                             const char *day, const char *at, int64_t *id, dti_err *e)
{
    *id = 0;
    dti_rc rc = store_query_int(s,
        "INSERT INTO orgs (parent_id, kind, name, folded, valid_from, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        (store_val[]){parent_id ? SV_I(parent_id) : SV_NUL(), SV_T(org_kind_str(kind)), SV_T(name), SV_T(key),
                      SV_T(day), SV_T(at)}, 6, id, NULL, e);
    if (rc == DTI_ERR_CONFLICT)
        return dti_fail(e, rc, "name", "đã có đơn vị \"%s\" ở cấp này", "there is already an org \"%s\" here",
                        name);
    return rc;
}

dti_rc store_org_end(store *s, int64_t org_id, const char *day, int *changed, dti_err *e)
{
    int64_t n = 0;
    dti_rc rc = store_exec_changes(s, "UPDATE orgs SET valid_to = ? WHERE id = ? AND valid_to IS NULL",
                                   (store_val[]){SV_T(day), SV_I(org_id)}, 2, &n, e);
    if (changed)
        *changed = n > 0;
    return rc;
}

dti_rc store_org_rename(store *s, int64_t org_id, const char *name, const char *key, const char *from,
                        const char *day, dti_err *e)
{
    dti_rc rc = store_exec(s,
        "INSERT INTO org_names (org_id, name, folded, valid_from, valid_to)"
        " SELECT id, name, folded, ?, ? FROM orgs WHERE id = ?",
        (store_val[]){SV_T(from), SV_T(day), SV_I(org_id)}, 3, e);
    if (rc)
        return rc;
    rc = store_exec(s, "UPDATE orgs SET name = ?, folded = ? WHERE id = ? AND valid_to IS NULL",
                    (store_val[]){SV_T(name), SV_T(key), SV_I(org_id)}, 3, e);
    if (rc == DTI_ERR_CONFLICT)
        return dti_fail(e, rc, "name", "đã có đơn vị \"%s\" ở cấp này", "there is already an org \"%s\" here",
                        name);
    return rc;
}

dti_rc store_org_last_change(store *s, int64_t org_id, char **day, dti_err *e)
{
    return store_query_text(s,
        "SELECT MAX(c.effective) FROM org_changes c WHERE c.org_after = ? OR c.id IN"
        " (SELECT change_id FROM org_change_before WHERE org_id = ?)",
        (store_val[]){SV_I(org_id), SV_I(org_id)}, 2, day, e);
}

dti_rc store_org_assignments_move(store *s, int64_t from_org, int64_t to_org, const char *to_name,
                                  const char *day, int64_t *moved, dti_err *e)
{
    dti_rc rc;
    if (moved)
        *moved = 0;
    if (to_org &&
        (rc = store_exec(s,
             "INSERT INTO assignments (plan_id, indicator_id, task_id, org_id, role, seq, name, valid_from)"
             " SELECT a.plan_id, a.indicator_id, a.task_id, ?, a.role, a.seq, ?, ? FROM assignments a"
             " WHERE a.org_id = ? AND a.valid_to IS NULL AND NOT EXISTS (SELECT 1 FROM assignments b"
             " WHERE b.org_id = ? AND b.valid_to IS NULL AND b.role = a.role AND b.plan_id = a.plan_id"
             " AND COALESCE(b.indicator_id, 0) = COALESCE(a.indicator_id, 0)"
             " AND COALESCE(b.task_id, 0) = COALESCE(a.task_id, 0)) ORDER BY a.id",
             (store_val[]){SV_I(to_org), SV_T(to_name), SV_T(day), SV_I(from_org), SV_I(to_org)}, 5, e)))
        return rc;
    return store_exec_changes(s, "UPDATE assignments SET valid_to = ? WHERE org_id = ? AND valid_to IS NULL",
                              (store_val[]){SV_T(day), SV_I(from_org)}, 2, moved, e);
}

dti_rc store_org_name_on(store *s, int64_t org_id, const char *day, char **name, dti_err *e)
{
    return store_query_text(s,
        "SELECT COALESCE((SELECT n.name FROM org_names n WHERE n.org_id = o.id AND n.valid_from <= ?"
        " AND n.valid_to > ? ORDER BY n.valid_from DESC, n.id DESC LIMIT 1), o.name) FROM orgs o WHERE o.id = ?",
        (store_val[]){SV_T(day), SV_T(day), SV_I(org_id)}, 3, name, e);
}

dti_rc store_org_merged_into(store *s, int64_t org_id, char **name, dti_err *e)
{
    *name = NULL;
    return store_query_text(s,
        "SELECT so.name FROM org_change_before b JOIN org_changes c ON c.id = b.change_id"
        " JOIN orgs so ON so.id = c.org_after WHERE b.org_id = ? AND c.kind = 'merge' AND c.org_after <> ?"
        " ORDER BY c.effective DESC, c.id DESC LIMIT 1",
        (store_val[]){SV_I(org_id), SV_I(org_id)}, 2, name, e);
}

dti_rc store_org_children_on(store *s, int64_t parent_id, org_kind kind, const char *day, store_row_fn fn,
                             void *ctx, dti_err *e)
{
    return store_query(s,
        "SELECT o.id, COALESCE((SELECT n.name FROM org_names n WHERE n.org_id = o.id AND n.valid_from <= ?"
        " AND n.valid_to > ? ORDER BY n.valid_from DESC, n.id DESC LIMIT 1), o.name) FROM orgs o"
        " WHERE o.parent_id = ? AND o.kind = ? AND (o.valid_to IS NULL OR o.valid_to > ?)"
        " AND NOT EXISTS (SELECT 1 FROM org_changes c WHERE c.org_after = o.id AND c.kind = 'merge'"
        " AND c.effective = o.valid_from AND c.effective > ?) ORDER BY o.id",
        (store_val[]){SV_T(day), SV_T(day), SV_I(parent_id), SV_T(org_kind_str(kind)), SV_T(day), SV_T(day)}, 6,
        fn, ctx, e);
}

dti_rc store_org_changes(store *s, int64_t org_id, store_row_fn fn, void *ctx, dti_err *e)
{
    return store_query(s,
        "SELECT c.id, c.kind, c.effective, c.org_after, o.name, b.org_id, b.name, c.note, c.created_at, u.name"
        " FROM org_changes c JOIN org_change_before b ON b.change_id = c.id"
        " LEFT JOIN orgs o ON o.id = c.org_after LEFT JOIN users u ON u.id = c.created_by"
        " WHERE ? = 0 OR c.org_after = ? OR c.id IN (SELECT change_id FROM org_change_before WHERE org_id = ?)"
        " ORDER BY c.effective, c.id, b.org_id",
        (store_val[]){SV_I(org_id), SV_I(org_id), SV_I(org_id)}, 3, fn, ctx, e);
}

dti_rc store_org_changes_any(store *s, int *any, dti_err *e)
{
    int64_t one = 0;
    *any = 0;
    return store_query_int(s, "SELECT 1 FROM org_changes LIMIT 1", NULL, 0, &one, any, e);
}
