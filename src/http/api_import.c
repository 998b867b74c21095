/* api_import.c — importing a plan from its document, in two steps:
 *
 *   POST /api/v1/imports/preview   multipart: file [, roles]
 *        → the extracted plan (dti.plan/1) and the extractor's warnings;
 *          ROLES ({"column header": "role"}, extract.h's EXTRACT_ROLES) are
 *          the column roles the coordinator set: the document is extracted
 *          again with them (the plan's x.columns lists the columns read,
 *          each item's x.confidence how sure the extractor is, and why);
 *          how each unit name would be matched (plans_import_dry_run:
 *          matched to a known unit, a new unit, the commune itself), so the
 *          coordinator sees the unmatched names before confirming; and
 *          "calendar": the reporting regime the prose states
 *          (extract_calendar.h) as {"rules", "descriptions", "sources"},
 *          rules empty when none is stated. Nothing is stored; only for who
 *          may import (plans_import_allowed). When the import itself would be
 *          refused (a coordinator's document of a commune outside its scope)
 *          the preview still answers the plan, with matches null and the
 *          refusal among the warnings. "commune_id": the plan's commune
 *          org when it exists already (its units are the ones the
 *          coordinator may choose for a flagged name), else null.
 *   POST /api/v1/imports           multipart: file [, plan] [, calendar] [, units] [, roles]
 *        → stores the plan through plans_import_plan_opts(): the document's
 *          own extraction (with ROLES as in the preview), or PLAN (dti.plan/1 JSON as the coordinator
 *          corrected it in the preview) with the document kept as its
 *          source; the document is then extracted again so that the
 *          "plan.import" audit entry says what was corrected (plans.h:
 *          plans_import_opts.extracted) and which column roles were set. CALENDAR (rules separated by blanks or new lines) is the
 *          calendar to set instead of the detected one; present and empty,
 *          none is set. UNITS ({"name as written": org_id}) links names
 *          the preview flagged new to existing units of the commune
 *          (plans_import_opts.units: the spelling becomes the org's alias);
 *          PLAN's targets may be given as words ({"year", "text"}:
 *          plans_import_plan_json). Answers the plan id, how each unit name was
 *          matched, and "calendar" {"rules", "descriptions", "sources",
 *          "set", "given", "periods"}.
 *
 * Stateless: the browser sends the file again to confirm, so no upload
 * waits on the server between the two steps. */
#include <stdlib.h>
#include <string.h>
#include "app/app.h"
#include "app/plan/plans.h"
#include "app/plan/calendar.h"
#include "import/extract_calendar.h"
#include "base/text.h"
#include "core/period.h"
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

/* The part "roles" of R, when sent: {"header text": "role", …}, the column
 * roles the coordinator set in the preview (extract.h, extract_opts), into
 * *J (caller decrefs) and O (borrowing from *J). A part that is not such an
 * object, or names a role the extractor does not know, fails naming
 * "roles". */
static dti_rc read_roles(http_req *r, json_t **j, extract_opts *o, const char **hdr, const char **role,
                         dti_err *e)
{
    const http_part *rp = http_part_get(r, "roles");
    memset(o, 0, sizeof *o);
    *j = NULL;
    if (!rp)
        return DTI_OK;
    json_error_t je;
    *j = json_loadb(rp->data.ptr ? rp->data.ptr : "", rp->data.len, JSON_REJECT_DUPLICATES, &je);
    if (!*j || !json_is_object(*j))
        return dti_fail(e, DTI_ERR_INPUT, "roles", "roles: phải là một đối tượng JSON {\"tiêu đề cột\": \"vai trò\"}",
                        "roles: must be a JSON object {\"column header\": \"role\"}");
    if (json_object_size(*j) > EXTRACT_MAX_ROLES)
        return dti_fail(e, DTI_ERR_TOOBIG, "roles", "roles: quá %d cột", "roles: over %d columns", EXTRACT_MAX_ROLES);
    const char *k;
    json_t *v;
    json_object_foreach(*j, k, v) {
        const char *w = json_string_value(v);
        if (!w || !extract_role_known(w))
            return dti_fail(e, DTI_ERR_INPUT, "roles", "roles: cột \"%.200s\": vai trò phải là một trong: %s",
                            "roles: column \"%.200s\": the role must be one of: %s", k, EXTRACT_ROLES);
        hdr[o->nroles] = k;
        role[o->nroles++] = w;
    }
    o->header = hdr;
    o->role = role;
    return DTI_OK;
}

/* Read and extract the uploaded file F with the column roles R's part
 * "roles" sets; with CAL not NULL, also the reporting regime its prose
 * states. */
static dti_rc extract_part_roles(http_req *r, const http_part *f, plan **out, strlist *warn, calendar_found *cal,
                                 json_t **roles, dti_err *e)
{
    doc *d = NULL;
    json_t *rj = NULL;
    extract_opts o;
    const char *hdr[EXTRACT_MAX_ROLES], *role[EXTRACT_MAX_ROLES];
    dti_rc rc = read_roles(r, &rj, &o, hdr, role, e);
    if (rc == DTI_OK)
        rc = reader_read(f->data.ptr, f->data.len, f->filename, &d, e);
    if (rc == DTI_OK)
        rc = extract_plan_opts(d, &o, out, warn, e);
    if (rc == DTI_OK && cal)
        rc = extract_calendar(d, cal, e);
    doc_free(d);
    if (rc == DTI_OK && roles)
        *roles = rj;        /* handed over: the strings O borrowed are no longer used */
    else
        json_decref(rj);
    return rc;
}

static dti_rc extract_part(http_req *r, const http_part *f, plan **out, strlist *warn, calendar_found *cal,
                           dti_err *e)
{
    return extract_part_roles(r, f, out, warn, cal, NULL, e);
}

/* {"rules", "descriptions": [{"rule", "vi", "en"}], "sources": [..],
 * "unread": [..]} of RULES (with SOURCES parallel to them, or empty) and
 * the sentences on reporting not understood (UNREAD, when no rule was
 * found), or NULL (no memory). */
static json_t *calendar_json(const strlist *rules, const strlist *sources, const strlist *unread)
{
    json_t *desc = NULL;
    dti_err e;
    if (plans_calendar_describe((const char *const *)rules->v, rules->n, &desc, &e) != DTI_OK)
        return NULL;
    return json_pack("{s:o, s:o, s:o, s:o}", "rules", strlist_json(rules), "descriptions", desc, "sources",
                     strlist_json(sources), "unread", strlist_json(unread));
}
static const char *how_name(plans_match_how h)
{
    switch (h) {
    case PLANS_MATCH_NEW: return "new";
    case PLANS_MATCH_SAME: return "matched";
    case PLANS_MATCH_SELF: return "self";
    case PLANS_MATCH_NONE: return "none";
    case PLANS_MATCH_CHOSEN: return "chosen";
    }
    return "none";
}

static json_t *matches_json(const plans_import_result *res)
{
    json_t *m = json_array();
    for (size_t i = 0; m && i < res->nmatches; i++) {
        const plans_match *x = &res->matches[i];
        json_array_append_new(m, json_pack("{s:s, s:o, s:o, s:s, s:b}", "name", x->name, "org_id",
                                           x->org_id ? json_integer(x->org_id) : json_null(), "org_name",
                                           jstr(x->org_name), "how", how_name(x->how), "province_level",
                                           x->province_level));
    }
    return m;
}

static json_t *result_json(const plans_import_result *res)
{
    json_t *m = matches_json(res);
    json_t *cal = calendar_json(&res->cal_rules, &res->cal_sources, &res->cal_unread);
    if (cal && (json_object_set_new(cal, "set", json_boolean(res->cal_set)) ||
                json_object_set_new(cal, "given", json_boolean(res->cal_given)) ||
                json_object_set_new(cal, "periods", json_integer((json_int_t)res->cal_periods)))) {
        json_decref(cal);
        cal = NULL;
    }
    return json_pack("{s:I, s:b, s:s, s:o, s:o, s:o, s:o, s:I, s:I, s:I, s:I, s:I, s:o, s:o, s:o, s:o*}",
                     "plan_id", (json_int_t)res->plan_id, "existed", res->existed, "sha256", res->sha256,
                     "title", jstr(res->title), "commune", jstr(res->commune), "province", jstr(res->province),
                     "number", jstr(res->number), "groups", (json_int_t)res->ngroups, "indicators",
                     (json_int_t)res->nindicators, "tasks", (json_int_t)res->ntasks, "units",
                     (json_int_t)res->nunits, "units_new", (json_int_t)res->nunits_new, "matches", m,
                     "collective", strlist_json(&res->collective), "warnings", strlist_json(&res->warnings),
                     "calendar", cal);
}

void api_import_preview(http_req *r)
{
    dti_err e, de;
    const http_part *f;
    plan *p = NULL;
    strlist warn = STRLIST_INIT;
    calendar_found cal = CALENDAR_FOUND_INIT;
    plans_import_result res;
    json_t *matches = NULL, *answer;
    app *a = NULL;
    memset(&res, 0, sizeof res);
    dti_err_clear(&e);
    dti_err_clear(&de);
    /* only who may import (app/ decides) has a document extracted */
    if (!(a = http_app(r, &e)) || plans_import_allowed(a, &e) != DTI_OK || http_file_part(r, "file", &f, &e) != DTI_OK ||
        extract_part(r, f, &p, &warn, &cal, &e) != DTI_OK) {
        http_reply_error(r, &e);
        goto out;
    }
    /* how the names would be matched; a refusal is told, not fatal */
    if (plans_import_dry_run(a, p, f->filename, f->data.ptr, f->data.len, &res, &de) == DTI_OK) {
        matches = matches_json(&res);
        for (size_t i = 0; i < res.warnings.n; i++)
            if (strlist_find(&warn, res.warnings.v[i]) < 0 && strlist_add(&warn, res.warnings.v[i]))
                goto oom;
    } else if (de.code != DTI_ERR_PERM && strlist_add(&warn, de.msg)) {
        goto oom;
    }
    /* "calendar": the regime the document states, proposed for the
     * confirmation (empty rules: none stated, the coordinator sets it) */
    answer = json_pack("{s:s, s:I, s:o, s:o, s:o, s:o, s:b, s:o, s:I, s:o, s:o*}", "name", f->filename, "size",
                       (json_int_t)f->data.len, "plan", plan_to_json(p), "warnings", strlist_json(&warn),
                       "matches", matches ? matches : json_null(), "collective",
                       strlist_json(&res.collective), "existed", res.existed, "plan_id",
                       res.existed ? json_integer(res.plan_id) : json_null(), "units_new",
                       (json_int_t)res.nunits_new, "commune_id",
                       res.commune_id ? json_integer(res.commune_id) : json_null(), "calendar",
                       calendar_json(&cal.rules, &cal.sources, &cal.unread));
    /* another commune's plan: "refused" says so, for the screen to stop at once (issue 13 §6) */
    if (answer && de.code == DTI_ERR_PERM)
        json_object_set_new(answer, "refused", json_pack("{s:s, s:s?}", "message", de.msg, "commune", p->commune));
    http_reply_json(r, 200, answer);
    goto out;
oom:
    json_decref(matches);
    dti_fail(&e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ khi xem trước kế hoạch", "out of memory while previewing the plan");
    http_reply_error(r, &e);
out:
    plans_import_result_release(&res);
    plan_free(p);
    strlist_release(&warn);
    calendar_found_release(&cal);
}

/* The "calendar" part CP of a confirmation: the rules the coordinator kept
 * or wrote in the preview, separated by blanks, ';' or new lines, into
 * *RULES and *O (PLANS_CAL_RULES); empty: cleared (PLANS_CAL_NONE). */
static dti_rc read_rules(const http_part *cp, strlist *rules, plans_import_opts *o, dti_err *e)
{
    size_t len = cp->data.len, i = 0;
    const char *s = cp->data.ptr ? cp->data.ptr : "";
    if (len > PERIOD_REGIME_TEXT_MAX)
        return dti_fail(e, DTI_ERR_TOOBIG, "calendar", "Lịch báo cáo dài quá %d byte",
                        "The reporting calendar is longer than %d bytes", PERIOD_REGIME_TEXT_MAX);
    while (i < len) {
        while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == ';'))
            i++;
        size_t b = i;
        while (i < len && !(s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == ';'))
            i++;
        if (i > b) {
            char *w = text_clean_n(s + b, i - b);
            if (!w || strlist_take(rules, w))
                return dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
        }
    }
    if (rules->n > PERIOD_RULES_MAX)
        return dti_fail(e, DTI_ERR_INPUT, "calendar", "Lịch báo cáo có quá %d quy tắc",
                        "The reporting calendar has over %d rules", PERIOD_RULES_MAX);
    o->calendar = rules->n ? PLANS_CAL_RULES : PLANS_CAL_NONE;
    o->rules = (const char *const *)rules->v;
    o->nrules = rules->n;
    return DTI_OK;
}

/* The "units" part UP of a confirmation: {"name as written": org_id, ...},
 * the coordinator's choice of an existing unit for names the preview
 * flagged new, into *O (the names borrowed from *J, kept by the caller;
 * *CHOICES freed by the caller). Whether each org may be chosen is app/'s
 * (plans_import_opts.units). */
static dti_rc read_units(const http_part *up, json_t **j, plans_unit_choice **choices, plans_import_opts *o,
                         dti_err *e)
{
    json_error_t je;
    const char *name;
    json_t *v;
    size_t n = 0;
    if (up->data.len == 0)
        return DTI_OK;      /* present and empty: no choice */
    if (!(*j = json_loadb(up->data.ptr, up->data.len, JSON_REJECT_DUPLICATES, &je)) || !json_is_object(*j))
        return dti_fail(e, DTI_ERR_INPUT, "units",
                        "units phải là một đối tượng JSON {\"tên trong tài liệu\": mã đơn vị}",
                        "units must be a JSON object {\"name as written\": org id}");
    if (json_object_size(*j) > PLANS_UNIT_CHOICES_MAX)
        return dti_fail(e, DTI_ERR_TOOBIG, "units", "units: quá %d tên", "units: over %d names",
                        PLANS_UNIT_CHOICES_MAX);
    if (json_object_size(*j) && !(*choices = calloc(json_object_size(*j), sizeof **choices)))
        return dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
    json_object_foreach(*j, name, v) {
        if (!json_is_integer(v) || json_integer_value(v) <= 0)
            return dti_fail(e, DTI_ERR_INPUT, "units", "units: \"%.200s\": mã đơn vị phải là số nguyên dương",
                            "units: \"%.200s\": the org id must be a positive integer", name);
        (*choices)[n++] = (plans_unit_choice){name, (int64_t)json_integer_value(v)};
    }
    o->units = *choices;
    o->nunits = n;
    return DTI_OK;
}

void api_import_confirm(http_req *r)
{
    dti_err e;
    const http_part *f, *pj, *cp;
    plan *p = NULL;
    strlist warn = STRLIST_INIT, cal_rules = STRLIST_INIT;
    plans_import_opts opts = {PLANS_CAL_DETECT, NULL, 0, NULL, 0, NULL, NULL};
    plan *extracted = NULL;
    json_t *roles = NULL;
    plans_unit_choice *choices = NULL;
    json_t *units = NULL;
    plans_import_result res;
    app *a = NULL;
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
        dti_rc rc = plans_import_plan_json(j, &p, &e);
        json_decref(j);
        if (rc != DTI_OK)
            goto fail;
        /* the document's own extraction, for the audit entry to say what the
         * coordinator corrected; a document that cannot be read again only
         * loses that comparison (the plan sent is what is stored) */
        strlist ignored = STRLIST_INIT;
        dti_err xe;
        if (extract_part_roles(r, f, &extracted, &ignored, NULL, &roles, &xe) != DTI_OK) {
            plan_free(extracted);
            extracted = NULL;
        }
        strlist_release(&ignored);
        opts.extracted = extracted;
    } else if (extract_part_roles(r, f, &p, &warn, NULL, &roles, &e) != DTI_OK) {
        goto fail;
    }
    opts.roles = roles;
    if ((cp = http_part_get(r, "calendar")) != NULL && read_rules(cp, &cal_rules, &opts, &e) != DTI_OK)
        goto fail;
    if ((cp = http_part_get(r, "units")) != NULL && read_units(cp, &units, &choices, &opts, &e) != DTI_OK)
        goto fail;
    if (!(a = http_app(r, &e)) || plans_import_plan_opts(a, p, f->filename, f->data.ptr, f->data.len, &opts, &res, &e) != DTI_OK)
        goto fail;
    for (size_t i = 0; i < warn.n; i++)
        if (strlist_find(&res.warnings, warn.v[i]) < 0)
            strlist_add(&res.warnings, warn.v[i]);
    http_reply_json(r, res.existed ? 200 : 201, result_json(&res));
    goto out;
fail:
    http_reply_error(r, &e);
out:
    plans_import_result_release(&res);
    plan_free(p);
    plan_free(extracted);
    json_decref(roles);
    strlist_release(&warn);
    strlist_release(&cal_rules);
    free(choices);
    json_decref(units);
}
