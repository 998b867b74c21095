/* province_export.c — the province's home as a workbook (province.h
 * province_export; export/province_home.h): what the page shows, from the
 * same use cases (province_home, province_compare), so the file and the
 * page never differ. Audited like every export (app/outputs.h): the entry
 * "export.province_home" (entity org, after {period, format, code}) is
 * committed first, the audit head anchored after it and stamped in the
 * workbook's properties (dti.audit_head). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app_util.h"
#include "app/audit/audit.h"
#include "app/province/province.h"
#include "base/buf.h"
#include "export/province_home.h"

static const char *jstr(const json_t *o, const char *k)
{
    return json_string_value(json_object_get(o, k));
}

/* "display (login); …" of a commune's contacts, or NULL; caller frees. */
static char *contacts_text(const json_t *arr)
{
    if (!json_array_size(arr))
        return NULL;
    buf b;
    buf_init(&b, (size_t)64 << 10);
    size_t i;
    const json_t *x;
    json_array_foreach(arr, i, x)
        buf_printf(&b, "%s%s (%s)", i ? "; " : "", jstr(x, "display") ? jstr(x, "display") : "",
                   jstr(x, "name") ? jstr(x, "name") : "");
    if (buf_failed(&b)) {
        buf_release(&b);
        return NULL;
    }
    return buf_detach(&b);
}

static dti_rc audit_export(app *a, const auth_user *u, int64_t province, const char *period, const char *code,
                           char head[AUDIT_HEAD_TEXT], dti_err *e)
{
    json_t *after = json_pack("{s:s, s:s, s:o}", "period", period, "format", "xlsx", "code",
                              code ? json_string(code) : json_null());
    if (!after)
        return app_nomem(e);
    dti_rc rc = store_begin(a->st, e);
    if (!rc && (rc = audit_append_id(a->st, u, a->now, "export.province_home", "org", province, NULL, after, e)))
        store_rollback(a->st);
    else if (!rc)
        rc = store_commit(a->st, e);
    json_decref(after);
    if (rc)
        return rc;
    /* the entry is committed: a failed anchoring is said, not fatal (as outputs.c) */
    audit_mark m;
    dti_err ae;
    if (audit_anchor(a->st, "export", a->now, &m, &ae)) {
        fprintf(stderr, "dti: %s\n", ae.msg);
        if (audit_head(a->st, &m, &ae))
            memset(&m, 0, sizeof m);
    }
    audit_head_text(&m, head);
    return DTI_OK;
}

dti_rc province_export(app *a, int64_t province, const char *period, const char *code, const char *name,
                       void **data, size_t *len, char **fname, dti_err *e)
{
    json_t *home = NULL, *cmp = NULL;
    export_home_commune *cv = NULL;
    export_home_value *vv = NULL;
    char **contacts = NULL;
    size_t n = 0;
    auth_user u;
    char head[AUDIT_HEAD_TEXT], created[AUTH_TS_LEN];
    *data = NULL;
    *len = 0;
    if (fname)
        *fname = NULL;
    dti_rc rc = app_actor(a, &u, NULL, e);
    if (!rc)
        rc = province_home(a, province, period, &home, e);
    if (!rc && code && *code)
        rc = province_compare(a, province, period, code, name, &cmp, e);
    if (rc)
        goto out;
    const json_t *arr = json_object_get(home, "communes");
    n = json_array_size(arr);
    if (!(cv = calloc(n ? n : 1, sizeof *cv)) || !(contacts = calloc(n ? n : 1, sizeof *contacts))) {
        rc = app_nomem(e);
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        const json_t *c = json_array_get(arr, i), *cp = json_object_get(c, "completeness"),
                     *rep = json_object_get(c, "report");
        export_home_commune *w = &cv[i];
        w->name = jstr(c, "name");
        w->rank = (int)json_integer_value(json_object_get(c, "rank"));
        w->has_index = json_is_number(json_object_get(c, "index"));
        w->index = json_number_value(json_object_get(c, "index"));
        w->has_change = json_is_number(json_object_get(c, "change"));
        w->change = json_number_value(json_object_get(c, "change"));
        w->reported = (long)json_integer_value(json_object_get(cp, "reported"));
        w->expected = (long)json_integer_value(json_object_get(cp, "expected"));
        w->report = jstr(rep, "label");
        w->due = jstr(rep, "due");
        w->sent = json_is_true(json_object_get(c, "reported"));
        w->at_risk = (long)json_integer_value(json_object_get(c, "at_risk"));
        w->note = jstr(c, "note");
        if (json_array_size(json_object_get(c, "contacts")) && !(contacts[i] = contacts_text(json_object_get(c, "contacts")))) {
            rc = app_nomem(e);
            goto out;
        }
        w->contacts = contacts[i];
    }
    const json_t *pi = json_object_get(home, "province_index");
    export_home h = {jstr(json_object_get(home, "province"), "name"), jstr(home, "period"), jstr(home, "judged_on"),
                     jstr(pi, "mode_label"), json_is_number(json_object_get(pi, "index")),
                     json_number_value(json_object_get(pi, "index")), jstr(home, "table"), cv, n, NULL, NULL, NULL,
                     NULL, 0, u.display[0] ? u.display : u.name, head, auth_ts(a->now, created)};
    if (cmp) {
        const json_t *va = json_object_get(cmp, "communes");
        size_t nv = json_array_size(va);
        if (!(vv = calloc(nv ? nv : 1, sizeof *vv))) {
            rc = app_nomem(e);
            goto out;
        }
        for (size_t i = 0; i < nv; i++) {
            const json_t *c = json_array_get(va, i), *val = json_object_get(c, "value");
            export_home_value *w = &vv[i];
            w->name = jstr(c, "name");
            w->matched = json_is_true(json_object_get(c, "matched"));
            w->has_value = json_is_number(val);
            w->value = json_number_value(val);
            w->text_value = json_is_boolean(val) ? (json_is_true(val) ? "có" : "không") : NULL;
            w->has_ach = json_is_number(json_object_get(c, "achievement"));
            w->achievement = json_number_value(json_object_get(c, "achievement"));
            w->target = jstr(c, "target");
            w->status = jstr(c, "status_label");
        }
        h.code = jstr(cmp, "code");
        h.ind_name = jstr(cmp, "name");
        h.unit = jstr(cmp, "unit");
        h.values = vv;
        h.nvalues = nv;
    }
    if ((rc = audit_export(a, &u, province, h.period, h.code, head, e)))
        goto out;
    if ((rc = export_province_home_xlsx(&h, data, len, e)))
        goto out;
    if (fname) {
        char nm[96];
        snprintf(nm, sizeof nm, "trang-tinh-%lld-%s.xlsx", (long long)province, h.period ? h.period : "");
        if (!(*fname = strdup(nm)))
            rc = app_nomem(e);
    }
out:
    if (rc) {
        free(*data);
        *data = NULL;
        *len = 0;
    }
    for (size_t i = 0; contacts && i < n; i++)
        free(contacts[i]);
    free(contacts);
    free(cv);
    free(vv);
    json_decref(home);
    json_decref(cmp);
    return rc;
}
