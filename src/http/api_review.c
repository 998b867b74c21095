/* api_review.c — the review screen's reads over app/report/review.h:
 *
 *   GET /api/v1/plans/:id/reports/:org/:period/evidence   each file of the newest version with
 *                                                          uploader, time, size, checked (by whom)
 *   GET /api/v1/evidence/:eid/view                         the file for a preview: PDF, PNG and
 *                                                          JPEG inline in a sandbox; anything
 *                                                          else as an attachment
 *
 * The preview's headers: "Content-Disposition: inline" only for the three
 * types review_previewable() names, with "Content-Security-Policy:
 * sandbox; default-src 'none'; img-src 'self' data:; style-src
 * 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'" (no script,
 * no form, no origin of ours: a crafted file cannot act as the user; framed
 * by our own pages only, X-Frame-Options SAMEORIGIN), replacing the
 * server's default CSP for this reply (server.c); the type is the one evidence.c
 * verified by the file's structure, never the uploader's claim. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app.h"
#include "app/report/review.h"
#include "http/api.h"
#include "http/server.h"

static void free_cb(void *p) { free(p); }

void api_review_evidence(http_req *r)
{
    dti_err e;
    report_key k;
    json_t *out = NULL;
    dti_err_clear(&e);
    memset(&k, 0, sizeof k);
    app *a = http_app(r, &e);
    const char *org = http_param(r, "org"), *period = http_param(r, "period");
    if (!a || http_param_id(r, "id", &k.plan_id, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    if (!period || strlen(period) >= sizeof k.period) {
        http_reply_fail(r, DTI_ERR_INPUT, "period", "Kỳ báo cáo không hợp lệ", "Invalid reporting period");
        return;
    }
    snprintf(k.period, sizeof k.period, "%s", period);
    if (report_org_find(a->st, k.plan_id, org ? org : "", &k.org_id, &e) != DTI_OK ||
        review_evidence(a, &k, &out, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    http_reply_json(r, 200, out);
}

void api_evidence_view(http_req *r)
{
    dti_err e;
    int64_t id;
    char *p = NULL, *name = NULL, *type = NULL;
    size_t n = 0;
    dti_err_clear(&e);
    app *a = http_app(r, &e);
    if (!a || http_param_id(r, "eid", &id, &e) != DTI_OK ||
        review_evidence_file(a, id, &p, &n, &name, &type, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    int inline_ok = review_previewable(type);
    char disp[1024];
    size_t o = (size_t)snprintf(disp, sizeof disp, "%s; filename*=UTF-8''", inline_ok ? "inline" : "attachment");
    for (const unsigned char *c = (const unsigned char *)(name ? name : "file"); *c && o + 4 < sizeof disp; c++) {
        if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || strchr(".-_", *c))
            disp[o++] = (char)*c;
        else
            o += (size_t)snprintf(disp + o, sizeof disp - o, "%%%02X", *c);
    }
    disp[o] = 0;
    http_add_header(r, "Content-Disposition", disp);
    http_add_header(r, "X-Frame-Options", "SAMEORIGIN");     /* framed by the review screen only */
    http_add_header(r, "Content-Security-Policy",
                    "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; "
                    "object-src 'self'; frame-ancestors 'self'");
    http_add_header(r, "Cache-Control", "private, no-store");
    http_reply_take(r, 200, inline_ok ? type : "application/octet-stream", p, n, free_cb);
    free(name);
    free(type);
}
