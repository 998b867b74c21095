/* api_reports.c — reports, evidence and completeness over app/report.h.
 *
 *   GET  /api/v1/plans/:id/reports/:org/:period[?version=N]   report_show
 *   GET  /api/v1/plans/:id/reports/:org/:period/versions      report_versions
 *   PUT  /api/v1/plans/:id/reports/:org/:period               fill (text/csv body)
 *   POST /api/v1/plans/:id/reports/:org/:period/submit
 *   POST /api/v1/plans/:id/reports/:org/:period/return        {"reason": "..."}
 *   POST /api/v1/plans/:id/reports/:org/:period/approve       not by who filled or submitted it
 *   POST /api/v1/plans/:id/reports/:org/:period/reopen        {"reason": "..."}: an approved report
 *   POST /api/v1/plans/:id/reports/:org/:period/withdraw      submitted → draft, before review
 *   POST /api/v1/plans/:id/reports/:org/:period/evidence      multipart: file (one or several parts
 *                                                             named "file": all stored or none)
 *                                                             [, item, item_kind]
 *   GET  /api/v1/evidence/:eid                                the file
 *   POST /api/v1/evidence/:eid/check                          {"checked": true|false}
 *   GET  /api/v1/plans/:id/completeness/:period
 *
 * :org is an org id or a name as documents write it (report_org_find).
 * app/report.c checks every permission; this file only translates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "app/app.h"
#include "app/auth/auth.h"
#include "app/report/report.h"
#include "app/score/score_cache.h"
#include "http/api.h"
#include "http/server.h"

/* The report key of R's path. */
static dti_rc key_of(http_req *r, app *a, report_key *k, dti_err *e)
{
    const char *org = http_param(r, "org"), *period = http_param(r, "period");
    memset(k, 0, sizeof *k);
    dti_rc rc = http_param_id(r, "id", &k->plan_id, e);
    if (rc != DTI_OK)
        return rc;
    if (!period || strlen(period) >= sizeof k->period)
        return dti_fail(e, DTI_ERR_INPUT, "period", "Kỳ báo cáo không hợp lệ", "Invalid reporting period");
    snprintf(k->period, sizeof k->period, "%s", period);
    rc = report_org_lookup(a, k->plan_id, org ? org : "", &k->org_id, e);
    /* an unknown org, or a name that fits several (whose ids would be
     * listed), is answered as one out of scope: whether an org exists
     * elsewhere does not leak (auth.h, issue 9) */
    if (rc == DTI_ERR_NOTFOUND || rc == DTI_ERR_INPUT)
        return auth_not_found(e);
    return rc;
}

/* Common prologue: the context and the key. NULL with E filled on failure. */
static app *begin(http_req *r, report_key *k, dti_err *e)
{
    app *a = http_app(r, e);
    /* The plan first: a plan that does not exist and one outside the
     * user's scope get the same 404, before anything of the report is
     * looked up (whose own "no report yet" would tell them apart). */
    if (!a || key_of(r, a, k, e) != DTI_OK || report_plan_visible(a, k->plan_id, e) != DTI_OK)
        return NULL;
    return a;
}

void api_report_get(http_req *r)
{
    dti_err e;
    report_key k;
    json_t *out = NULL;
    int version = 0;
    dti_err_clear(&e);
    const char *v = http_query(r, "version");
    if (v) {
        char *end = NULL;
        long x = strtol(v, &end, 10);
        if (!*v || *end || x < 0 || x > 100000) {
            http_reply_fail(r, DTI_ERR_INPUT, "version", "Phiên bản không hợp lệ: %s", "Invalid version: %s", v);
            return;
        }
        version = (int)x;
    }
    /* one read transaction: report_show runs a dozen queries, each would
     * take and drop the read lock (and see its own snapshot) */
    app *a = http_app(r, &e);
    if (!a || app_read_begin(a, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    if (!begin(r, &k, &e) || report_show(a, &k, version, &out, &e) != DTI_OK) {
        app_read_end(a);
        http_reply_error(r, &e);
        return;
    }
    app_read_end(a);        /* nothing was written: ends the read transaction */
    http_reply_json(r, 200, out);
}

void api_report_versions(http_req *r)
{
    dti_err e;
    report_key k;
    json_t *out = NULL;
    dti_err_clear(&e);
    app *a = begin(r, &k, &e);
    if (!a || report_versions(a, &k, &out, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    http_reply_json(r, 200, json_pack("{s:o}", "versions", out));
}

void api_report_fill(http_req *r)
{
    dti_err e;
    report_key k;
    report_fill_result res;
    size_t n;
    dti_err_clear(&e);
    memset(&res, 0, sizeof res);
    const char *ct = http_header(r, "Content-Type");
    if (!ct || strncasecmp(ct, "text/csv", 8) != 0) {
        http_reply_fail(r, DTI_ERR_FORMAT, "Content-Type", "Nội dung phải là CSV (Content-Type: text/csv)",
                        "The body must be CSV (Content-Type: text/csv)");
        return;
    }
    const char *csv = http_body(r, &n);
    app *a = begin(r, &k, &e);
    if (!a || report_fill_csv(a, &k, csv, n, &res, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    http_reply_json(r, 200, json_pack("{s:I, s:i, s:I, s:I, s:I, s:b}", "report_id", (json_int_t)res.report_id,
                                      "version", res.version, "values", (json_int_t)res.values, "tasks",
                                      (json_int_t)res.tasks, "texts", (json_int_t)res.texts, "new_version",
                                      res.new_version));
}

/* Answer the report after a state change, as report_show gives it. */
static void reply_report(http_req *r, app *a, const report_key *k, json_t *extra)
{
    dti_err e;
    json_t *out = NULL;
    dti_err_clear(&e);
    if (report_show(a, k, 0, &out, &e) != DTI_OK) {
        json_decref(extra);
        http_reply_error(r, &e);
        return;
    }
    if (extra)
        json_object_update(out, extra);
    json_decref(extra);
    http_reply_json(r, 200, out);
}

void api_report_submit(http_req *r)
{
    dti_err e;
    report_key k;
    size_t missing = 0;
    dti_err_clear(&e);
    app *a = begin(r, &k, &e);
    if (!a || report_submit(a, &k, &missing, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    reply_report(r, a, &k, json_pack("{s:I}", "missing", (json_int_t)missing));
}

void api_report_return(http_req *r)
{
    dti_err e;
    report_key k;
    json_t *body;
    dti_err_clear(&e);
    if (http_json_body(r, &body, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    const char *reason = json_string_value(json_object_get(body, "reason"));
    if (!reason || !*reason) {
        http_reply_fail(r, DTI_ERR_INPUT, "reason", "Cần ghi lý do trả lại", "A reason for returning is required");
        return;
    }
    app *a = begin(r, &k, &e);
    if (!a || report_return(a, &k, reason, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    reply_report(r, a, &k, NULL);
}

void api_report_approve(http_req *r)
{
    dti_err e;
    report_key k;
    dti_err_clear(&e);
    app *a = begin(r, &k, &e);
    if (!a || report_approve(a, &k, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    reply_report(r, a, &k, NULL);
}

/* Reopen an approved report: a new version, returned to the unit with the reason. */
void api_report_reopen(http_req *r)
{
    dti_err e;
    report_key k;
    json_t *body;
    int version = 0;
    dti_err_clear(&e);
    if (http_json_body(r, &body, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    json_t *jr = json_object_get(body, "reason");
    if (jr && !json_is_string(jr)) {
        http_reply_fail(r, DTI_ERR_INPUT, "reason", "“reason” phải là một đoạn văn", "“reason” must be a string");
        return;
    }
    app *a = begin(r, &k, &e);
    if (!a || report_reopen(a, &k, json_string_value(jr), &version, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    reply_report(r, a, &k, NULL);
}

/* Withdraw a submitted report before review: back to draft. */
void api_report_withdraw(http_req *r)
{
    dti_err e;
    report_key k;
    dti_err_clear(&e);
    app *a = begin(r, &k, &e);
    if (!a || report_withdraw(a, &k, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    reply_report(r, a, &k, NULL);
}

void api_report_attach(http_req *r)
{
    dti_err e;
    report_key k;
    const http_part *f, *item, *kind;
    report_file files[REPORT_FILES_MAX];
    int64_t ids[REPORT_FILES_MAX];
    int fresh[REPORT_FILES_MAX];
    size_t nfiles = 0;
    char kc = 'i';
    dti_err_clear(&e);
    if (http_file_part(r, "file", &f, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    for (const http_part *p = f; p; p = p->next) {
        if (strcmp(p->name, "file") != 0)
            continue;
        if (!p->filename || p->data.len == 0) {
            http_reply_fail(r, DTI_ERR_INPUT, "file", "Tệp “%s” trống", "The file “%s” is empty",
                            p->filename ? p->filename : "?");
            return;
        }
        if (nfiles == REPORT_FILES_MAX) {
            http_reply_fail(r, DTI_ERR_TOOBIG, "file", "Tối đa %d tệp một lần", "At most %d files at once",
                            REPORT_FILES_MAX);
            return;
        }
        files[nfiles++] = (report_file){p->filename, p->data.ptr, p->data.len};
    }
    item = http_part_get(r, "item");
    kind = http_part_get(r, "item_kind");
    if (kind && kind->data.ptr) {
        if (strcmp(kind->data.ptr, "task") == 0 || strcmp(kind->data.ptr, "t") == 0)
            kc = 't';
        else if (strcmp(kind->data.ptr, "indicator") != 0 && strcmp(kind->data.ptr, "i") != 0) {
            http_reply_fail(r, DTI_ERR_INPUT, "item_kind", "item_kind phải là indicator hoặc task",
                            "item_kind must be indicator or task");
            return;
        }
    }
    app *a = begin(r, &k, &e);
    if (!a || report_attach_many(a, &k, kc, item && item->data.len ? item->data.ptr : NULL, files, nfiles, 0, ids,
                                 fresh, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    /* the first file's fields at the top (as before several were allowed), every file in "files" */
    json_t *list = json_array();
    for (size_t i = 0; list && i < nfiles; i++)
        if (json_array_append_new(list, json_pack("{s:I, s:s, s:I, s:b}", "id", (json_int_t)ids[i], "name",
                                                  files[i].name, "size", (json_int_t)files[i].len, "new_file",
                                                  fresh[i])))
            break;
    http_reply_json(r, 201, list ? json_pack("{s:I, s:s, s:I, s:b, s:o}", "id", (json_int_t)ids[0], "name",
                                             files[0].name, "size", (json_int_t)files[0].len, "new_file", fresh[0],
                                             "files", list)
                                 : NULL);
}

static void free_cb(void *p) { free(p); }

void api_evidence_get(http_req *r)
{
    dti_err e;
    int64_t id;
    char *p = NULL, *name = NULL, *type = NULL;
    size_t n = 0;
    dti_err_clear(&e);
    app *a = http_app(r, &e);
    if (!a || http_param_id(r, "eid", &id, &e) != DTI_OK ||
        report_evidence_get(a, id, &p, &n, &name, &type, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    /* The name as a RFC 5987 attachment: never rendered by the browser. */
    char disp[1024];
    size_t o = (size_t)snprintf(disp, sizeof disp, "attachment; filename*=UTF-8''");
    for (const unsigned char *c = (const unsigned char *)(name ? name : "file"); *c && o + 4 < sizeof disp; c++) {
        if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || strchr(".-_", *c))
            disp[o++] = (char)*c;
        else
            o += (size_t)snprintf(disp + o, sizeof disp - o, "%%%02X", *c);
    }
    disp[o] = 0;
    http_add_header(r, "Content-Disposition", disp);
    http_reply_take(r, 200, type ? type : "application/octet-stream", p, n, free_cb);
    free(name);
    free(type);
}

void api_evidence_check(http_req *r)
{
    dti_err e;
    int64_t id;
    json_t *body;
    dti_err_clear(&e);
    if (http_json_body(r, &body, &e) != DTI_OK || http_param_id(r, "eid", &id, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    json_t *c = json_object_get(body, "checked");
    if (!json_is_boolean(c)) {
        http_reply_fail(r, DTI_ERR_INPUT, "checked", "“checked” phải là true hoặc false",
                        "“checked” must be true or false");
        return;
    }
    app *a = http_app(r, &e);
    if (!a || report_check_evidence(a, id, json_is_true(c), &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    http_reply_json(r, 200, json_pack("{s:I, s:b}", "id", (json_int_t)id, "checked", json_is_true(c)));
}

/* Served through app/score_cache.h (report_completeness_cached): the same
 * figures until the data change. */
void api_completeness(http_req *r)
{
    dti_err e;
    int64_t plan_id;
    dti_err_clear(&e);
    const char *period = http_param(r, "period");
    char *body = NULL;
    size_t len = 0;
    app *a = http_app(r, &e);
    if (!a || http_param_id(r, "id", &plan_id, &e) != DTI_OK ||
        report_completeness_cached(a, plan_id, period, &body, &len, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    http_reply_take(r, 200, "application/json; charset=utf-8", body, len, scoring_cache_free);
}
