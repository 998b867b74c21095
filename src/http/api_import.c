/* api_import.c — importing a plan from its document, in two steps:
 *
 *   POST /api/v1/imports/preview   multipart: file
 *        → the extracted plan (dti.plan/1) and the extractor's warnings,
 *          and how each unit name would be matched (app_import_dry_run:
 *          matched to a known unit, a new unit, the commune itself), so the
 *          coordinator sees the unmatched names before confirming; nothing
 *          is stored; only for who may import (app_import_allowed). When
 *          the import itself would be refused (a coordinator's document of
 *          a commune outside its scope) the preview still answers the plan,
 *          with matches null and the refusal among the warnings.
 *   POST /api/v1/imports           multipart: file [, plan]
 *        → stores the plan through app_import_plan(): the document's own
 *          extraction, or PLAN (dti.plan/1 JSON as the coordinator
 *          corrected it in the preview) with the document kept as its
 *          source. Answers the plan id and how each unit name was matched.
 *
 * Stateless: the browser sends the file again to confirm, so no upload
 * waits on the server between the two steps. */
#include <stdlib.h>
#include <string.h>
#include "app/app.h"
#include "import/extract.h"
#include "import/reader.h"
#include "http/api.h"
#include "http/server.h"

static json_t *jstr(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *strlist_json(const strlist *l)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < l->n; i++)
        json_array_append_new(a, json_string(l->v[i]));
    return a;
}

/* Read and extract the uploaded file F. */
static dti_rc extract_part(const http_part *f, plan **out, strlist *warn, dti_err *e)
{
    doc *d = NULL;
    dti_rc rc = reader_read(f->data.ptr, f->data.len, f->filename, &d, e);
    if (rc == DTI_OK)
        rc = extract_plan(d, out, warn, e);
    doc_free(d);
    return rc;
}

static const char *how_name(app_match_how h)
{
    switch (h) {
    case APP_MATCH_NEW: return "new";
    case APP_MATCH_SAME: return "matched";
    case APP_MATCH_SELF: return "self";
    case APP_MATCH_NONE: return "none";
    }
    return "none";
}

static json_t *matches_json(const app_import_result *res)
{
    json_t *m = json_array();
    for (size_t i = 0; m && i < res->nmatches; i++) {
        const app_match *x = &res->matches[i];
        json_array_append_new(m, json_pack("{s:s, s:o, s:o, s:s, s:b}", "name", x->name, "org_id",
                                           x->org_id ? json_integer(x->org_id) : json_null(), "org_name",
                                           jstr(x->org_name), "how", how_name(x->how), "province_level",
                                           x->province_level));
    }
    return m;
}

static json_t *result_json(const app_import_result *res)
{
    return json_pack("{s:I, s:b, s:s, s:o, s:o, s:o, s:o, s:I, s:I, s:I, s:I, s:I, s:o, s:o, s:o}",
                     "plan_id", (json_int_t)res->plan_id, "existed", res->existed, "sha256", res->sha256,
                     "title", jstr(res->title), "commune", jstr(res->commune), "province", jstr(res->province),
                     "number", jstr(res->number), "groups", (json_int_t)res->ngroups, "indicators",
                     (json_int_t)res->nindicators, "tasks", (json_int_t)res->ntasks, "units",
                     (json_int_t)res->nunits, "units_new", (json_int_t)res->nunits_new, "matches",
                     matches_json(res), "collective", strlist_json(&res->collective), "warnings",
                     strlist_json(&res->warnings));
}

void api_import_preview(http_req *r)
{
    dti_err e, de;
    const http_part *f;
    plan *p = NULL;
    strlist warn = STRLIST_INIT;
    app_import_result res;
    json_t *matches = NULL, *answer;
    app a;
    memset(&res, 0, sizeof res);
    dti_err_clear(&e);
    dti_err_clear(&de);
    a.st = http_db(r, &e);
    a.user_id = r->user ? r->user->id : 0;
    /* only who may import (app/ decides) has a document extracted */
    if (!a.st || app_import_allowed(&a, &e) != DTI_OK || http_file_part(r, "file", &f, &e) != DTI_OK ||
        extract_part(f, &p, &warn, &e) != DTI_OK) {
        http_reply_error(r, &e);
        goto out;
    }
    /* how the names would be matched; a refusal is told, not fatal */
    if (app_import_dry_run(&a, p, f->filename, f->data.ptr, f->data.len, &res, &de) == DTI_OK) {
        matches = matches_json(&res);
        for (size_t i = 0; i < res.warnings.n; i++)
            if (strlist_find(&warn, res.warnings.v[i]) < 0 && strlist_add(&warn, res.warnings.v[i]))
                goto oom;
    } else if (strlist_add(&warn, de.msg)) {
        goto oom;
    }
    answer = json_pack("{s:s, s:I, s:o, s:o, s:o, s:o, s:b, s:o, s:I}", "name", f->filename, "size",
                       (json_int_t)f->data.len, "plan", plan_to_json(p), "warnings", strlist_json(&warn),
                       "matches", matches ? matches : json_null(), "collective",
                       strlist_json(&res.collective), "existed", res.existed, "plan_id",
                       res.existed ? json_integer(res.plan_id) : json_null(), "units_new",
                       (json_int_t)res.nunits_new);
    http_reply_json(r, 200, answer);
    goto out;
oom:
    json_decref(matches);
    dti_fail(&e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ khi xem trước kế hoạch", "out of memory while previewing the plan");
    http_reply_error(r, &e);
out:
    app_import_result_release(&res);
    plan_free(p);
    strlist_release(&warn);
}

void api_import_confirm(http_req *r)
{
    dti_err e;
    const http_part *f, *pj;
    plan *p = NULL;
    strlist warn = STRLIST_INIT;
    app_import_result res;
    app a;
    memset(&res, 0, sizeof res);
    dti_err_clear(&e);
    if (http_file_part(r, "file", &f, &e) != DTI_OK)
        goto fail;
    if ((pj = http_part_get(r, "plan")) != NULL) {
        json_error_t je;
        json_t *j = json_loadb(pj->data.ptr ? pj->data.ptr : "", pj->data.len, JSON_REJECT_DUPLICATES, &je);
        if (!j) {
            dti_fail(&e, DTI_ERR_INPUT, "plan", "Kế hoạch (JSON) không hợp lệ ở dòng %d, cột %d: %s",
                     "The plan (JSON) is invalid at line %d, column %d: %s", je.line, je.column, je.text);
            goto fail;
        }
        dti_rc rc = plan_from_json(j, &p, &e);
        json_decref(j);
        if (rc != DTI_OK)
            goto fail;
    } else if (extract_part(f, &p, &warn, &e) != DTI_OK) {
        goto fail;
    }
    a.st = http_db(r, &e);
    a.user_id = r->user ? r->user->id : 0;
    if (!a.st || app_import_plan(&a, p, f->filename, f->data.ptr, f->data.len, &res, &e) != DTI_OK)
        goto fail;
    for (size_t i = 0; i < warn.n; i++)
        if (strlist_find(&res.warnings, warn.v[i]) < 0)
            strlist_add(&res.warnings, warn.v[i]);
    http_reply_json(r, res.existed ? 200 : 201, result_json(&res));
    goto out;
fail:
    http_reply_error(r, &e);
out:
    app_import_result_release(&res);
    plan_free(p);
    strlist_release(&warn);
}
