/* orgs_change.c — renaming, merging and closing communes and units
 * (orgs.h). The decisions (docs/orgs.md says the same for people):
 *
 *  - One day for each change, Vietnam's, "the day it takes effect". An org
 *    ended by a change has valid_to = that day (001's convention: the first
 *    day no longer in force), so it was in force until the day before; an
 *    org begun by it has valid_from = that day. The day may lie in the
 *    past (a decision recorded late) but not in the future (the rest of
 *    dti reads "valid_to IS NULL" as "in force now"): record a change on
 *    or after its day. It may not precede an earlier change of the same org.
 *  - Rename keeps the id: orgs.name becomes the new name, the old one goes
 *    to org_names with the days it was in force, and stays an alias (an
 *    older document naming it still matches). A period shows the name in
 *    force on its last day, so history keeps the old name.
 *  - Merge: two or more orgs of one kind under one parent become one
 *    successor, either one of them (--into) or a new org (--name) in force
 *    from the day. The others end the day before. Every assignment of an
 *    ended org in force ends on the day and begins again for the successor
 *    on the day (unless it already holds that role on that item), so what
 *    is owed follows: periods ending before the day are owed by the old
 *    org, later ones by the successor. Reports stay with the org that made
 *    them: nothing is moved or rewritten. That holds for units; a merged
 *    commune's own assignments are on its own plan, which ends with it
 *    (they end with no successor: the successor answers for its own plan).
 *  - Close: the org ends; its assignments end with no successor.
 *  - An ended commune's units end with it (a commune merged into another
 *    takes none of its units: the successor's coordinator assigns its own
 *    units; the old ones stay, with their reports, under the old commune).
 *  - User accounts are not moved: an account of an ended org keeps reading
 *    its history; the coordinator moves it (dti user set) when its people
 *    move.
 *  - Who: an admin; a coordinator for orgs strictly under its own org (the
 *    province's coordinator: its communes and their units; a commune's
 *    coordinator: its units). Provinces: admins only. An org outside the
 *    user's scope, or missing, is "not found"; one in scope but not the
 *    user's to change (its own org, a reporter) is "forbidden".
 *  - Each change is one transaction with its audit entry; bad input is
 *    refused naming the field before anything is written. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app_util.h"
#include "app/orgs/orgs.h"
#include "app/audit/audit.h"
#include "app/auth/auth.h"
#include "base/lang.h"
#include "core/orgname.h"
#include "core/period.h"
#include "store/store_org.h"
#include "store/store_org_change.h"

#define ORGS_DEPTH_MAX 4    /* province › commune › unit, and a margin */

static dti_rc bad(dti_err *e, const char *field, const char *vi, const char *en)
{
    return dti_fail(e, DTI_ERR_INPUT, field, "%s", "%s", lang_get() == LANG_EN ? en : vi);
}

/* The key an org named NAME under PARENT (of kind KIND) matches by. */
static dti_rc key_of(store *s, org_kind kind, int64_t parent, const char *name, char **key, dti_err *e)
{
    char *pname = NULL;
    dti_rc rc;
    *key = NULL;
    if (kind != ORG_UNIT) {
        *key = orgname_place_key(name);
    } else {
        if (parent && (rc = store_org_name(s, parent, &pname, e)))
            return rc;
        *key = orgname_key(name, pname);
        free(pname);
    }
    return *key ? DTI_OK : app_nomem(e);
}

/* U may change org O (auth decisions as orgs_change's contract). */
static dti_rc may_change(store *s, const auth_user *u, int system, const store_org *o, dti_err *e)
{
    int in = 0;
    dti_rc rc;
    if (system || u->role == ROLE_ADMIN)
        return DTI_OK;
    if ((rc = auth_in_scope(s, u, o->id, &in, e)))
        return rc;
    if (!in)
        return auth_not_found(e);
    if (u->role != ROLE_COORDINATOR || o->id == u->org_id || o->kind == ORG_PROVINCE)
        return dti_fail(e, DTI_ERR_PERM, "orgs", "%s không có quyền đổi tên, sáp nhập hay giải thể \"%s\"",
                        "%s may not rename, merge or close \"%s\"", u->name, o->name);
    return DTI_OK;
}

/* End the live children of PARENT on DAY, and their assignments, down the
 * tree (an ended commune's units). */
static dti_rc end_children(store *s, int64_t parent, const char *day, int depth, json_t *ended, dti_err *e)
{
    store_org *kids = NULL;
    size_t n = 0;
    dti_rc rc;
    if (depth > ORGS_DEPTH_MAX)
        return DTI_OK;
    if ((rc = store_org_children(s, parent, &kids, &n, e)))
        return rc;
    for (size_t i = 0; i < n && !rc; i++) {
        if ((rc = store_org_end(s, kids[i].id, day, NULL, e)) ||
            (rc = store_org_assignments_move(s, kids[i].id, 0, NULL, day, NULL, e)) ||
            (rc = end_children(s, kids[i].id, day, depth + 1, ended, e)))
            break;
        if (json_array_append_new(ended, json_pack("{s:I, s:s}", "id", (json_int_t)kids[i].id, "name",
                                                   kids[i].name ? kids[i].name : "")))
            rc = app_nomem(e);
    }
    store_org_list_free(kids, n);
    return rc;
}

static json_t *org_json(const store_org *o)
{
    return json_pack("{s:I, s:s, s:s}", "id", (json_int_t)o->id, "name", o->name ? o->name : "", "kind",
                     org_kind_str(o->kind));
}

/* Check Q's shape (no store): the kind, counts, names, note and day. */
static dti_rc check_input(const orgs_change_req *q, int32_t today, char day[PERIOD_DATE_LEN], dti_err *e)
{
    int32_t d;
    const char *k = q->kind ? q->kind : "";
    int rename = strcmp(k, "rename") == 0, merge = strcmp(k, "merge") == 0, close = strcmp(k, "close") == 0;
    if (!rename && !merge && !close)
        return dti_fail(e, DTI_ERR_INPUT, "kind", "loại thay đổi \"%s\" không hợp lệ (rename, merge, close)",
                        "\"%s\" is not a kind of change (rename, merge, close)", k);
    if (merge ? q->n < 2 : q->n != 1)
        return merge ? bad(e, "orgs", "sáp nhập cần ít nhất hai đơn vị", "a merger needs at least two orgs")
                     : bad(e, "orgs", "cần đúng một đơn vị", "exactly one org is needed");
    if (q->n > ORGS_CHANGE_MAX)
        return dti_fail(e, DTI_ERR_INPUT, "orgs", "tối đa %d đơn vị trong một lần sáp nhập",
                        "at most %d orgs in one merger", ORGS_CHANGE_MAX);
    for (size_t i = 0; i < q->n; i++) {
        if (q->orgs[i] <= 0)
            return bad(e, "orgs", "số đơn vị không hợp lệ", "not an org id");
        for (size_t j = 0; j < i; j++)
            if (q->orgs[i] == q->orgs[j])
                return dti_fail(e, DTI_ERR_INPUT, "orgs", "đơn vị số %lld được nêu hai lần",
                                "org %lld is named twice", (long long)q->orgs[i]);
    }
    const char *name = q->name;
    int has_name = name && name[strspn(name, " \t")];
    if (rename && !has_name)
        return bad(e, "name", "cần tên mới", "the new name is missing");
    if (merge && has_name == (q->into != 0))
        return bad(e, q->into ? "into" : "name",
                   "sáp nhập cần đơn vị tiếp nhận (into) hoặc tên đơn vị mới (name), không cả hai",
                   "a merger needs the successor (into) or a new org's name (name), not both");
    if (close && (has_name || q->into))
        return bad(e, has_name ? "name" : "into", "giải thể không có tên mới hay đơn vị tiếp nhận",
                   "a closure takes no new name or successor");
    if (merge && q->into) {
        size_t i = 0;
        while (i < q->n && q->orgs[i] != q->into)
            i++;
        if (i == q->n)
            return bad(e, "into", "đơn vị tiếp nhận phải là một trong các đơn vị sáp nhập",
                       "the successor must be one of the orgs merged");
    }
    if (has_name && strlen(name) > ORGS_NAME_MAX)
        return dti_fail(e, DTI_ERR_INPUT, "name", "tên dài quá %d byte", "the name is longer than %d bytes",
                        ORGS_NAME_MAX);
    if (q->note && strlen(q->note) > ORGS_NOTE_MAX)
        return dti_fail(e, DTI_ERR_INPUT, "note", "ghi chú dài quá %d byte", "the note is longer than %d bytes",
                        ORGS_NOTE_MAX);
    if (!q->date || period_date_parse(q->date, &d) != 0)
        return dti_fail(e, DTI_ERR_INPUT, "date", "ngày \"%s\" không hợp lệ (dạng 2026-07-01 hoặc 01/07/2026)",
                        "\"%s\" is not a date (2026-07-01 or 01/07/2026)", q->date ? q->date : "");
    if (d > today) {
        char t[PERIOD_DATE_LEN];
        return dti_fail(e, DTI_ERR_INPUT, "date",
                        "ngày hiệu lực %s còn ở tương lai: ghi nhận thay đổi từ ngày đó trở đi (hôm nay %s)",
                        "the day it takes effect, %s, is in the future: record the change on or after it "
                        "(today is %s)", q->date, period_date_vn(today, t));
    }
    period_date_iso(d, day);
    return DTI_OK;
}

static dti_rc change_as(store *s, const auth_user *u, int system, const orgs_change_req *q, time_t now,
                        int64_t *change_id, int64_t *after_id, dti_err *e)
{
    char day[PERIOD_DATE_LEN], at[AUTH_TS_LEN];
    store_org olds[ORGS_CHANGE_MAX];
    size_t nold = 0;
    int began = 0;
    char *key = NULL, *last = NULL;
    json_t *before = NULL, *after = NULL, *ended = NULL;
    int64_t cid = 0, succ = 0;
    dti_rc rc;
    memset(olds, 0, sizeof olds);
    if ((rc = check_input(q, period_today_vn(now), day, e)))
        return rc;
    auth_ts(now, at);
    const char *kind = q->kind;
    int rename = strcmp(kind, "rename") == 0, merge = strcmp(kind, "merge") == 0;
    if (!(before = json_array()) || !(ended = json_array())) {
        rc = app_nomem(e);
        goto out;
    }
    if ((rc = store_begin(s, e)))
        goto out;
    began = 1;
    /* the orgs before: in view, the user's to change, in force, alike */
    for (size_t i = 0; i < q->n; i++) {
        if ((rc = store_org_get(s, q->orgs[i], &olds[i], e))) {
            if (rc == DTI_ERR_NOTFOUND)
                rc = auth_not_found(e);
            goto out;
        }
        nold++;
        if ((rc = may_change(s, u, system, &olds[i], e)))
            goto out;
        if (olds[i].valid_to) {
            char d[PERIOD_DATE_LEN];
            int32_t dd = 0;
            period_date_parse(olds[i].valid_to, &dd);
            rc = dti_fail(e, DTI_ERR_CONFLICT, "orgs", "\"%s\" đã thôi hoạt động từ ngày %s",
                          "\"%s\" has not been in force since %s", olds[i].name, period_date_vn(dd, d));
            goto out;
        }
        if (i && (olds[i].parent_id != olds[0].parent_id || olds[i].kind != olds[0].kind)) {
            rc = dti_fail(e, DTI_ERR_INPUT, "orgs", "\"%s\" và \"%s\" không cùng cấp, cùng đơn vị cấp trên",
                          "\"%s\" and \"%s\" are not of one kind under one parent", olds[0].name, olds[i].name);
            goto out;
        }
        free(last);
        last = NULL;
        if ((rc = store_org_last_change(s, olds[i].id, &last, e)))
            goto out;
        if (last && strcmp(day, last) < 0) {
            rc = dti_fail(e, DTI_ERR_CONFLICT, "date", "\"%s\" đã có thay đổi từ ngày %s, sau ngày %s",
                          "\"%s\" already changed on %s, after %s", olds[i].name, last, day);
            goto out;
        }
        if (json_array_append_new(before, org_json(&olds[i]))) {
            rc = app_nomem(e);
            goto out;
        }
    }
    const store_org *o = &olds[0];
    if (rename) {
        if (strcmp(o->name, q->name) == 0) {
            rc = bad(e, "name", "tên mới trùng tên hiện tại", "the new name is the current name");
            goto out;
        }
        const char *from = last ? last : (o->valid_from && strcmp(o->valid_from, day) <= 0 ? o->valid_from
                                                                                             : "0001-01-01");
        if ((rc = key_of(s, o->kind, o->parent_id, q->name, &key, e)) ||
            (rc = store_org_rename(s, o->id, q->name, key, from, day, e)) ||
            (rc = store_org_add_alias(s, o->id, o->name, o->folded, now, e)))
            goto out;
        succ = o->id;
    } else if (merge) {
        if (q->into) {
            succ = q->into;
        } else if ((rc = key_of(s, o->kind, o->parent_id, q->name, &key, e)) ||
                   (rc = store_org_create_from(s, o->parent_id, o->kind, q->name, key, day, at, &succ, e))) {
            goto out;
        }
    }
    if ((rc = store_org_change_add(s, kind, day, succ, q->note, u->id, at, &cid, e)))
        goto out;
    char *succ_name = NULL;
    if (succ && (rc = store_org_name(s, succ, &succ_name, e)))
        goto out;
    for (size_t i = 0; i < nold && !rc; i++) {
        if ((rc = store_org_change_before(s, cid, olds[i].id, olds[i].name, e)) || rename || olds[i].id == succ)
            continue;
        if ((rc = store_org_end(s, olds[i].id, day, NULL, e)) ||
            (rc = store_org_assignments_move(s, olds[i].id, olds[i].kind == ORG_UNIT ? succ : 0, succ_name, day,
                                             NULL, e)))
            break;
        rc = end_children(s, olds[i].id, day, 0, ended, e);
    }
    if (!rc && !(after = json_pack("{s:I, s:s, s:s, s:o, s:s, s:o}", "change", (json_int_t)cid, "kind", kind,
                                   "date", day, "org", succ ? json_pack("{s:I, s:s}", "id", (json_int_t)succ,
                                                                        "name", succ_name ? succ_name : "")
                                                            : json_null(),
                                   "note", q->note ? q->note : "", "ended_children", json_incref(ended))))
        rc = app_nomem(e);
    free(succ_name);
    if (rc)
        goto out;
    char action[24];
    snprintf(action, sizeof action, "org.%s", kind);
    if ((rc = audit_append_id(s, u, now, action, "org", succ ? succ : o->id, before, after, e)) ||
        (rc = store_commit(s, e)))
        goto out;
    began = 0;
    if (change_id)
        *change_id = cid;
    if (after_id)
        *after_id = succ;
out:
    if (began)
        store_rollback(s);
    for (size_t i = 0; i < nold; i++)
        store_org_release(&olds[i]);
    free(key);
    free(last);
    json_decref(before);
    json_decref(after);
    json_decref(ended);
    return rc;
}

dti_rc orgs_change(app *a, const orgs_change_req *q, int64_t *change_id, int64_t *after, dti_err *e)
{
    auth_user u;
    int system = 0;
    if (change_id)
        *change_id = 0;
    if (after)
        *after = 0;
    dti_rc rc = app_actor(a, &u, &system, e);
    if (rc)
        return rc;
    return change_as(a->st, &u, system, q, a->now, change_id, after, e);
}

/* ---- reading ------------------------------------------------------------------ */

struct list_ctx {
    json_t *arr;
    int nomem;
};

static int change_row(void *ctx, const store_row *r)
{
    struct list_ctx *c = ctx;
    int64_t id = r->v[0].i;
    json_t *last = json_array_get(c->arr, json_array_size(c->arr) - 1);
    if (!last || json_integer_value(json_object_get(last, "id")) != id) {
        last = json_pack("{s:I, s:s, s:s, s:o, s:[], s:s, s:s, s:o}", "id", (json_int_t)id, "kind",
                         app_col(r, 1) ? app_col(r, 1) : "", "date", app_col(r, 2) ? app_col(r, 2) : "", "after",
                         r->v[3].t == SV_NULL ? json_null()
                                              : json_pack("{s:I, s:s}", "id", (json_int_t)r->v[3].i, "name",
                                                          app_col(r, 4) ? app_col(r, 4) : ""),
                         "before", "note", app_col(r, 7) ? app_col(r, 7) : "", "at",
                         app_col(r, 8) ? app_col(r, 8) : "", "by", app_col(r, 9) ? json_string(app_col(r, 9))
                                                                                  : json_null());
        if (!last || json_array_append_new(c->arr, last)) {
            c->nomem = 1;
            return 1;
        }
    }
    if (json_array_append_new(json_object_get(last, "before"),
                              json_pack("{s:I, s:s}", "id", (json_int_t)r->v[5].i, "name",
                                        app_col(r, 6) ? app_col(r, 6) : "")))
        c->nomem = 1;
    return c->nomem;
}

/* *YES when U may see some org of change C. */
static dti_rc sees(store *s, const auth_user *u, int system, const json_t *c, int *yes, dti_err *e)
{
    dti_rc rc;
    *yes = system || u->role == ROLE_ADMIN;
    const json_t *aft = json_object_get(c, "after");
    if (!*yes && json_is_object(aft) &&
        (rc = auth_in_scope(s, u, json_integer_value(json_object_get(aft, "id")), yes, e)))
        return rc;
    size_t i;
    json_t *b;
    json_array_foreach(json_object_get(c, "before"), i, b) {
        if (*yes)
            break;
        if ((rc = auth_in_scope(s, u, json_integer_value(json_object_get(b, "id")), yes, e)))
            return rc;
    }
    return DTI_OK;
}

dti_rc orgs_changes_list(app *a, int64_t org_id, json_t **out, dti_err *e)
{
    auth_user u;
    int system = 0;
    dti_rc rc;
    struct list_ctx c = {NULL, 0};
    *out = NULL;
    if ((rc = app_actor(a, &u, &system, e)))
        return rc;
    if (org_id && !system && (rc = auth_can(a->st, &u, AUTH_READ, org_id, e)))
        return rc;
    if (!(c.arr = json_array()))
        return app_nomem(e);
    if ((rc = store_org_changes(a->st, org_id, change_row, &c, e)))
        goto fail;
    if (c.nomem) {
        rc = app_nomem(e);
        goto fail;
    }
    for (size_t i = json_array_size(c.arr); !org_id && i-- > 0;) {
        int yes = 0;
        if ((rc = sees(a->st, &u, system, json_array_get(c.arr, i), &yes, e)))
            goto fail;
        if (!yes)
            json_array_remove(c.arr, i);
    }
    *out = c.arr;
    return DTI_OK;
fail:
    json_decref(c.arr);
    return rc;
}
