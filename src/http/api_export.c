/* api_export.c — downloads of the official outputs (app/outputs.h,
 * docs/outputs.md, docs/api/openapi.yaml):
 *
 *   GET  /api/v1/plans/:id/export/:period?format=docx|xlsx|csv|json|html[&number=N]
 *        (html: the print view, shown inline; web/print.css styles it)
 *   POST /api/v1/plans/:id/export/:period   {"format", "number", "focus"}:
 *        the same with next period's focus as edited in the browser
 *   GET  /api/v1/provinces/:pid/export/:period?format=docx|xlsx
 *   GET  /api/v1/plans/:id/export-settings  the commune's heading and signature
 *   PUT  /api/v1/plans/:id/export-settings  change them (coordinator, admin)
 *
 * The file is the answer's body with Content-Disposition: attachment and
 * its name; app/ checks the permission, audits and stamps the audit head. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "app/app.h"
#include "app/outputs/outputs.h"
#include "http/api.h"
#include "http/server.h"
#include "http/session.h"

#define EXPORT_BODY_MAX ((size_t)64 << 10)

static void free_cb(void *p) { free(p); }

static int format_of(const char *s, outputs_format *f)
{
    if (!s || strcmp(s, "docx") == 0) *f = OUTPUTS_DOCX;
    else if (strcmp(s, "xlsx") == 0) *f = OUTPUTS_XLSX;
    else if (strcmp(s, "csv") == 0) *f = OUTPUTS_CSV;
    else if (strcmp(s, "json") == 0) *f = OUTPUTS_JSON;
    else if (strcmp(s, "html") == 0) *f = OUTPUTS_HTML;
    else return -1;
    return 0;
}

static const char *media_type(outputs_format f)
{
    switch (f) {
    case OUTPUTS_DOCX: return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    case OUTPUTS_XLSX: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    case OUTPUTS_CSV: return "text/csv; charset=utf-8";
    case OUTPUTS_HTML: return "text/html; charset=utf-8";
    default: return "application/json; charset=utf-8";
    }
}

static void send_file(http_req *r, outputs_format f, void *data, size_t len, const char *name)
{
    char disp[256];
    /* the print view opens in the browser; every other format is saved */
    snprintf(disp, sizeof disp, "%s; filename=\"%s\"", f == OUTPUTS_HTML ? "inline" : "attachment",
             name ? name : "dti-export");
    http_add_header(r, "Content-Disposition", disp);
    http_add_header(r, "Cache-Control", "no-store");
    http_reply_take(r, 200, media_type(f), data, len, free_cb);
}

static void export_plan(http_req *r, const char *format, const char *number, const char *focus)
{
    dti_err e;
    outputs_req q;
    void *data = NULL;
    size_t len = 0;
    char *name = NULL;
    dti_err_clear(&e);
    memset(&q, 0, sizeof q);
    app *a = http_app(r, &e);
    if (!a || http_param_id(r, "id", &q.plan_id, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    if (format_of(format, &q.format)) {
        http_reply_fail(r, DTI_ERR_INPUT, "format", "Định dạng không hợp lệ: docx, xlsx, csv, json hoặc html",
                        "Invalid format: docx, xlsx, csv, json or html");
        return;
    }
    q.period = http_param(r, "period");
    q.number = number && *number ? number : NULL;
    q.focus = focus && *focus ? focus : NULL;
    if (outputs_export(a, &q, &data, &len, &name, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    send_file(r, q.format, data, len, name);
    free(name);
}

void api_export_report(http_req *r)
{
    export_plan(r, http_query(r, "format"), http_query(r, "number"), NULL);
}

void api_export_report_post(http_req *r)
{
    json_t *body = NULL;   /* borrowed: the request owns it (http_json_body) */
    dti_err e;
    dti_err_clear(&e);
    if (http_json_body(r, &body, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    const char *focus = json_string_value(json_object_get(body, "focus"));
    if (focus && strlen(focus) > EXPORT_BODY_MAX) {
        http_reply_fail(r, DTI_ERR_TOOBIG, "focus", "Nội dung trọng tâm kỳ tới quá dài", "The focus text is too long");
        return;
    }
    export_plan(r, json_string_value(json_object_get(body, "format")),
                json_string_value(json_object_get(body, "number")), focus);
}

void api_export_province(http_req *r)
{
    dti_err e;
    int64_t pid = 0;
    outputs_format f;
    void *data = NULL;
    size_t len = 0;
    char *name = NULL;
    dti_err_clear(&e);
    app *a = http_app(r, &e);
    if (!a || http_param_id(r, "pid", &pid, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    if (format_of(http_query(r, "format"), &f) || (f != OUTPUTS_DOCX && f != OUTPUTS_XLSX)) {
        http_reply_fail(r, DTI_ERR_INPUT, "format", "Định dạng không hợp lệ: docx hoặc xlsx", "Invalid format: docx or xlsx");
        return;
    }
    if (outputs_province(a, pid, http_param(r, "period"), f, &data, &len, &name, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    send_file(r, f, data, len, name);
    free(name);
}

static json_t *settings_json(const outputs_settings_owned *s)
{
    return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "body_parent", s->body_parent, "body_name",
                     s->body_name, "place", s->place, "number_pattern", s->number_pattern, "sign_authority",
                     s->sign_authority, "sign_deputy", s->sign_deputy, "sign_title", s->sign_title, "sign_name",
                     s->sign_name, "recipients", s->recipients);
}

static void settings_reply(http_req *r, app *a, int64_t plan_id)
{
    dti_err e;
    outputs_settings_owned s;
    dti_err_clear(&e);
    if (outputs_settings_get(a, plan_id, &s, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    json_t *j = settings_json(&s);
    outputs_settings_free(&s);
    if (!j) {
        http_reply_fail(r, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
        return;
    }
    http_reply_json(r, 200, j);
}

void api_export_settings_get(http_req *r)
{
    dti_err e;
    int64_t plan_id = 0;
    dti_err_clear(&e);
    app *a = http_app(r, &e);
    if (!a || http_param_id(r, "id", &plan_id, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    settings_reply(r, a, plan_id);
}

void api_export_settings_put(http_req *r)
{
    dti_err e;
    int64_t plan_id = 0;
    json_t *body = NULL;   /* borrowed: the request owns it (http_json_body) */
    dti_err_clear(&e);
    if (http_json_body(r, &body, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    app *a = http_app(r, &e);
    if (!a || http_param_id(r, "id", &plan_id, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    static const char *const keys[] = {"body_parent", "body_name", "place", "number_pattern", "sign_authority",
                                       "sign_deputy", "sign_title", "sign_name", "recipients"};
    const char *v[9];
    for (size_t i = 0; i < 9; i++) {
        const json_t *x = json_object_get(body, keys[i]);
        if (x && !json_is_string(x)) {
            http_reply_fail(r, DTI_ERR_INPUT, keys[i], "%s: phải là văn bản", "%s: must be text", keys[i]);
            return;
        }
        v[i] = json_string_value(x);
    }
    outputs_settings c = {v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]};
    if (outputs_settings_set(a, plan_id, &c, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    settings_reply(r, a, plan_id);
}
