/* units_edit.c — add and rename a commune's units (units.h). */
#include <stdlib.h>
#include <string.h>
#include "app/app_util.h"
#include "app/audit/audit.h"
#include "app/auth/auth.h"
#include "app/plan/units.h"
#include "app/orgs/orgs.h"
#include "core/period.h"
#include "base/text.h"
#include "core/orgname.h"
#include "store/store_org.h"

/* NAME cleaned into *OUT (caller frees), or DTI_ERR_INPUT saying why. */
static dti_rc clean_name(const char *name, char **out, dti_err *e)
{
    *out = NULL;
    if (!name || !text_utf8_valid(name, strlen(name)))
        return dti_fail(e, DTI_ERR_INPUT, "name", "Tên đơn vị không hợp lệ.", "The unit's name is invalid.");
    char *c = text_clean(name);
    if (!c)
        return app_nomem(e);
    if (!*c) {
        free(c);
        return dti_fail(e, DTI_ERR_INPUT, "name", "Hãy ghi tên đơn vị.", "Write the unit's name.");
    }
    if (strlen(c) > UNITS_NAME_MAX) {
        free(c);
        return dti_fail(e, DTI_ERR_INPUT, "name", "Tên đơn vị dài quá %d byte.", "The unit's name is over %d bytes.",
                        UNITS_NAME_MAX);
    }
    *out = c;
    return DTI_OK;
}

dti_rc units_add(app *a, int64_t commune_id, const char *name, int64_t *id, dti_err *e)
{
    dti_rc rc;
    auth_user u;
    store_org c;
    char *n = NULL, *key = NULL;
    json_t *after = NULL;
    int in_tx = 0;
    memset(&c, 0, sizeof c);
    *id = 0;
    if ((rc = app_actor(a, &u, NULL, e)) || (rc = auth_can(a->st, &u, AUTH_PLAN_WRITE, commune_id, e)) ||
        (rc = clean_name(name, &n, e)) || (rc = store_org_get(a->st, commune_id, &c, e)))
        goto out;
    if (c.kind != ORG_COMMUNE) {
        rc = dti_fail(e, DTI_ERR_INPUT, "org", "Đơn vị chỉ thêm được vào một xã.", "Units are added to a commune only.");
        goto out;
    }
    if (!(key = orgname_key(n, c.name))) {
        rc = app_nomem(e);
        goto out;
    }
    if ((rc = store_begin(a->st, e)))
        goto out;
    in_tx = 1;
    int64_t there = 0;
    if ((rc = store_org_find(a->st, commune_id, key, &there, e)))
        goto out;
    if (there) {
        rc = dti_fail(e, DTI_ERR_CONFLICT, "name", "Xã đã có đơn vị «%s» (hoặc một tên viết khác của nó).",
                      "The commune has the unit «%s» (or another spelling of it).", n);
        goto out;
    }
    if ((rc = store_org_create(a->st, commune_id, ORG_UNIT, n, key, a->now, id, e)))
        goto out;
    if (!(after = json_pack("{s:s, s:I}", "name", n, "parent_id", (json_int_t)commune_id))) {
        rc = app_nomem(e);
        goto out;
    }
    if ((rc = audit_append_id(a->st, &u, a->now, "org.create", "org", *id, NULL, after, e)) ||
        (rc = store_commit(a->st, e)))
        goto out;
    in_tx = 0;
out:
    if (in_tx)
        store_rollback(a->st);
    json_decref(after);
    store_org_release(&c);
    free(n);
    free(key);
    return rc;
}

dti_rc units_rename(app *a, int64_t id, const char *name, const char *date, const char *note, dti_err *e)
{
    dti_rc rc;
    auth_user u;
    store_org o;
    char *n = NULL, day[PERIOD_DATE_LEN];
    memset(&o, 0, sizeof o);
    /* who may, before anything is said about the name (out of scope: as missing) */
    if ((rc = app_actor(a, &u, NULL, e)) || (rc = store_org_get(a->st, id, &o, e)) ||
        (rc = auth_can(a->st, &u, AUTH_PLAN_WRITE, o.parent_id ? o.parent_id : o.id, e)))
        goto out;
    if (o.kind != ORG_UNIT || o.valid_to) {
        rc = dti_fail(e, DTI_ERR_INPUT, "org", "Chỉ đổi tên được một đơn vị đang hoạt động.",
                      "Only a unit in force can be renamed.");
        goto out;
    }
    if ((rc = clean_name(name, &n, e)))
        goto out;
    /* the same dated, audited change as `dti org rename` (app/orgs/): the
     * old name stays in the unit's name history and as an alias */
    const int64_t one[1] = {id};
    orgs_change_req q = {.kind = "rename", .orgs = one, .n = 1, .name = n,
                         .date = date && *date ? date : period_date_iso(period_today_vn(a->now), day),
                         .note = note && *note ? note : NULL};
    rc = orgs_change(a, &q, NULL, NULL, e);
out:
    store_org_release(&o);
    free(n);
    return rc;
}
