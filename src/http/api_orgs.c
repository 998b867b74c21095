/* api_orgs.c — communes and units change, over HTTP (app/orgs/orgs.h,
 * docs/orgs.md):
 *
 *   GET  /api/v1/orgs/changes[?org=ID]
 *        → {"changes": [{"id", "kind", "date", "after": {"id", "name"} | null,
 *           "before": [{"id", "name"}], "note", "at", "by"}]} oldest first:
 *           the changes of ORG (in the user's scope, else 404), or every
 *           change the user may see.
 *   POST /api/v1/orgs/changes  {"kind": "rename"|"merge"|"close", "orgs": [ID…],
 *           "into": ID, "name": "…", "date": "2026-07-01", "note": "…"}
 *        → 201 {"change": ID, "after": ID | null, "changes": [the changes of
 *           the org after it, or of the closed org]}.
 *
 * Who may record what is orgs_change's (admin; a coordinator for the orgs
 * under its own org): another scope's org is a 404, an org the user sees
 * but may not change a 403, bad input a 400 naming the field. */
#include <stdlib.h>
#include <string.h>
#include "app/app.h"
#include "app/orgs/orgs.h"
#include "http/api.h"
#include "http/server.h"

void api_org_changes(http_req *r)
{
    dti_err e;
    json_t *list = NULL;
    int64_t org = 0;
    dti_err_clear(&e);
    app *a = http_app(r, &e);
    if (!a)
        goto fail;
    const char *o = http_query(r, "org");
    if (o && *o) {
        char *end = NULL;
        long long v = strtoll(o, &end, 10);
        if (!end || *end || v <= 0) {
            dti_fail(&e, DTI_ERR_INPUT, "org", "\"org\" phải là số đơn vị", "\"org\" must be an org id");
            goto fail;
        }
        org = v;
    }
    if (orgs_changes_list(a, org, &list, &e) != DTI_OK)
        goto fail;
    http_reply_json(r, 200, json_pack("{s:o}", "changes", list));
    return;
fail:
    http_reply_error(r, &e);
}

/* The string member K of B, or NULL; *BAD when present but not a string. */
static const char *str_of(const json_t *b, const char *k, int *bad)
{
    const json_t *v = json_object_get(b, k);
    if (v && !json_is_null(v) && !json_is_string(v))
        *bad = 1;
    return json_string_value(v);
}

void api_org_change(http_req *r)
{
    dti_err e;
    json_t *body = NULL, *list = NULL;
    int64_t ids[ORGS_CHANGE_MAX + 1], cid = 0, after = 0, into = 0;
    size_t n = 0;
    int bad = 0;
    dti_err_clear(&e);
    app *a = http_app(r, &e);
    if (!a || http_json_body(r, &body, &e) != DTI_OK)
        goto fail;
    if (!json_is_object(body)) {
        dti_fail(&e, DTI_ERR_INPUT, "", "nội dung phải là một đối tượng JSON", "the body must be a JSON object");
        goto fail;
    }
    const json_t *orgs = json_object_get(body, "orgs"), *jt = json_object_get(body, "into");
    if (!json_is_array(orgs) || json_array_size(orgs) > ORGS_CHANGE_MAX) {
        dti_fail(&e, DTI_ERR_INPUT, "orgs", "\"orgs\" phải là danh sách số đơn vị (tối đa %d)",
                 "\"orgs\" must be a list of org ids (at most %d)", ORGS_CHANGE_MAX);
        goto fail;
    }
    for (n = 0; n < json_array_size(orgs); n++) {
        const json_t *x = json_array_get(orgs, n);
        if (!json_is_integer(x) || json_integer_value(x) <= 0) {
            dti_fail(&e, DTI_ERR_INPUT, "orgs", "\"orgs\"[%zu] không phải số đơn vị", "\"orgs\"[%zu] is not an org id",
                     n);
            goto fail;
        }
        ids[n] = json_integer_value(x);
    }
    if (jt && !json_is_null(jt)) {
        if (!json_is_integer(jt) || json_integer_value(jt) <= 0) {
            dti_fail(&e, DTI_ERR_INPUT, "into", "\"into\" phải là số đơn vị", "\"into\" must be an org id");
            goto fail;
        }
        into = json_integer_value(jt);
    }
    orgs_change_req q = {str_of(body, "kind", &bad), ids, n, into, str_of(body, "name", &bad),
                         str_of(body, "date", &bad), str_of(body, "note", &bad)};
    if (bad) {
        dti_fail(&e, DTI_ERR_INPUT, "", "\"kind\", \"name\", \"date\" và \"note\" phải là chuỗi",
                 "\"kind\", \"name\", \"date\" and \"note\" must be strings");
        goto fail;
    }
    if (orgs_change(a, &q, &cid, &after, &e) != DTI_OK ||
        orgs_changes_list(a, after ? after : ids[0], &list, &e) != DTI_OK)
        goto fail;
    http_reply_json(r, 201, json_pack("{s:I, s:o, s:o}", "change", (json_int_t)cid, "after",
                                      after ? json_integer(after) : json_null(), "changes", list));
    return;
fail:
    http_reply_error(r, &e);
}
