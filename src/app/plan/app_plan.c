/* app_plan.c — opening the application's store; reading plans as the
 * acting user.
 *
 * Reading a plan is AUTH_READ on the plan (auth_can_plan): admins see every
 * plan; others only the plans whose commune org lies within their scope (a
 * reporter also the plans of the orgs above its unit). The system actor
 * (user 0) is allowed only while no user exists (app_actor), as for
 * app_import. A plan the user may not see is reported exactly as a missing
 * one (DTI_ERR_NOTFOUND), so that its existence does not leak. */
#include <stdlib.h>
#include <string.h>
#include "app/app.h"
#include "app/auth/auth.h"
#include "app/plan/plans.h"
#include "store/store_plan.h"

dti_rc app_open(app *a, const char *db, int64_t user_id, dti_err *e)
{
    memset(a, 0, sizeof *a);
    a->user_id = user_id;
    a->now = app_now();
    a->lang = lang_get();
    return store_open(db, &a->st, e);
}

void app_close(app *a)
{
    if (!a)
        return;
    store_close(a->st);
    a->st = NULL;
}

static void row_clear(store_plan_row *r)
{
    free(r->title); free(r->commune); free(r->province); free(r->number);
    free(r->issued); free(r->document_name); free(r->created_at);
}

void plans_rows_free(plans_row *v, size_t n)
{
    for (size_t i = 0; v && i < n; i++) {
        free(v[i].title); free(v[i].commune); free(v[i].province); free(v[i].number);
        free(v[i].issued); free(v[i].document_name); free(v[i].created_at);
    }
    free(v);
}

dti_rc plans_list(app *a, plans_row **out, size_t *n, dti_err *e)
{
    auth_user u;
    int system = 0;
    store_plan_row *v = NULL;
    size_t nv = 0, k = 0;
    *out = NULL;
    *n = 0;
    dti_rc rc = app_actor(a, &u, &system, e);
    if (rc)
        return rc;
    if ((rc = store_plan_list(a->st, &v, &nv, e)))
        return rc;
    if (system || u.role == ROLE_ADMIN)
        goto done;
    for (size_t i = 0; i < nv; i++) {
        dti_err refused;
        dti_err_clear(&refused);
        rc = auth_can_plan(a->st, &u, AUTH_READ, v[i].id, &refused);
        if (rc == DTI_OK) {
            if (k != i) {
                store_plan_row t = v[k];
                v[k] = v[i];
                v[i] = t;
            }
            k++;
        } else if (rc != DTI_ERR_NOTFOUND && rc != DTI_ERR_PERM) {
            *e = refused;
            store_plan_rows_free(v, nv);
            return rc;
        }
    }
    /* rows k.. are the ones refused: free their strings, keep the array */
    for (size_t i = k; i < nv; i++)
        row_clear(&v[i]);
    nv = k;
done:
    /* the store's rows become the wing's, their strings moved */
    if (!(*out = calloc(nv ? nv : 1, sizeof **out))) {
        store_plan_rows_free(v, nv);
        return dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
    }
    for (size_t i = 0; i < nv; i++)
        (*out)[i] = (plans_row){v[i].id, v[i].org_id, v[i].document_id, v[i].title, v[i].commune, v[i].province,
                                v[i].number, v[i].issued, v[i].document_name, v[i].created_at, v[i].ngroups,
                                v[i].nindicators, v[i].ntasks};
    free(v);
    *n = nv;
    return DTI_OK;
}

dti_rc plans_get(app *a, int64_t id, plan **out, dti_err *e)
{
    auth_user u;
    int system = 0;
    *out = NULL;
    dti_rc rc = app_actor(a, &u, &system, e);
    if (rc)
        return rc;
    if (!system && (rc = auth_can_plan(a->st, &u, AUTH_READ, id, e)))
        return rc;
    return store_plan_load(a->st, id, out, e);
}

dti_rc plans_export(app *a, int64_t id, char **out, dti_err *e)
{
    plan *p = NULL;
    *out = NULL;
    dti_rc rc = plans_get(a, id, &p, e);
    if (rc)
        return rc;
    *out = plan_to_string(p);
    plan_free(p);
    if (!*out)
        return dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
    return DTI_OK;
}
