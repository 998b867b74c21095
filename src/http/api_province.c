/* api_province.c — the province's home (app/province/province.h):
 *   GET  /api/v1/provinces                         the provinces the user may open
 *   GET  /api/v1/provinces/:pid/home?period=P      its communes for period P
 *   GET  /api/v1/provinces/:pid/indicators?period=P  the indicators the communes share
 *   GET  /api/v1/provinces/:pid/compare?period=P&code=C&name=N  one indicator across communes
 *   POST /api/v1/provinces/:pid/index-table?year=Y&name=FILE   one point table for every
 *        commune's plan: the body is the CSV or JSON file (docs/index-table.md)
 *   GET  /api/v1/provinces/:pid/workbook?period=P[&code=C&name=N]  the home as an
 *        Excel workbook (with the indicator C compared, when given)
 * The Word and Excel summary is GET /api/v1/provinces/:pid/export/:period
 * (api_export.c). Permissions are app/'s; handlers decode and encode. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "app/app.h"
#include "app/province/province.h"
#include "http/api.h"
#include "http/server.h"

/* The request's app context and the province of the path; NULL (replied). */
static app *enter(http_req *r, int64_t *pid)
{
    dti_err e;
    dti_err_clear(&e);
    app *a = http_app(r, &e);
    if (!a || (pid && http_param_id(r, "pid", pid, &e) != DTI_OK)) {
        http_reply_error(r, &e);
        return NULL;
    }
    return a;
}

static void reply(http_req *r, dti_rc rc, json_t *out, const dti_err *e, int status)
{
    if (rc)
        http_reply_error(r, e);
    else
        http_reply_json(r, status, out);
}

void api_provinces_list(http_req *r)
{
    dti_err e;
    json_t *out = NULL;
    app *a = enter(r, NULL);
    if (!a)
        return;
    dti_err_clear(&e);
    dti_rc rc = province_list(a, &out, &e);
    reply(r, rc, out, &e, 200);
}

/* GET of the province of the path for ?period=P, answered by FN. */
typedef dti_rc (*period_fn)(app *a, int64_t province, const char *period, json_t **out, dti_err *e);

static void get_for_period(http_req *r, period_fn fn)
{
    dti_err e;
    json_t *out = NULL;
    int64_t pid = 0;
    app *a = enter(r, &pid);
    if (!a)
        return;
    dti_err_clear(&e);
    dti_rc rc = fn(a, pid, http_query(r, "period"), &out, &e);
    reply(r, rc, out, &e, 200);
}

void api_province_home(http_req *r)
{
    get_for_period(r, province_home);
}

void api_province_indicators(http_req *r)
{
    get_for_period(r, province_indicators);
}

void api_province_compare(http_req *r)
{
    dti_err e;
    json_t *out = NULL;
    int64_t pid = 0;
    app *a = enter(r, &pid);
    if (!a)
        return;
    dti_err_clear(&e);
    dti_rc rc = province_compare(a, pid, http_query(r, "period"), http_query(r, "code"), http_query(r, "name"), &out, &e);
    reply(r, rc, out, &e, 200);
}

void api_province_table(http_req *r)
{
    dti_err e;
    json_t *out = NULL;
    int64_t pid = 0;
    long year = 0;
    app *a = enter(r, &pid);
    if (!a)
        return;
    const char *y = http_query(r, "year");
    if (y && *y) {
        char *end;
        errno = 0;
        year = strtol(y, &end, 10);
        if (errno || *end || year < 1900 || year > 9999) {
            http_reply_fail(r, DTI_ERR_INPUT, "year", "năm (year) không hợp lệ: %s", "not a year: %s", y);
            return;
        }
    }
    size_t len = 0;
    const char *body = http_body(r, &len);
    if (!len) {
        http_reply_fail(r, DTI_ERR_INPUT, "file", "thiếu tệp bộ chỉ số (CSV hoặc JSON) trong thân yêu cầu",
                        "the point table (CSV or JSON) is missing from the body");
        return;
    }
    const char *name = http_query(r, "name");
    dti_err_clear(&e);
    dti_rc rc = province_table_load(a, pid, (int)year, name && *name ? name : NULL, body, len, &out, &e);
    reply(r, rc, out, &e, 201);
}

static void free_data(void *p)
{
    free(p);
}

void api_province_workbook(http_req *r)
{
    dti_err e;
    int64_t pid = 0;
    void *data = NULL;
    size_t len = 0;
    char *name = NULL, disp[160];
    app *a = enter(r, &pid);
    if (!a)
        return;
    dti_err_clear(&e);
    dti_rc rc = province_export(a, pid, http_query(r, "period"), http_query(r, "code"), http_query(r, "name"), &data,
                                &len, &name, &e);
    if (rc) {
        http_reply_error(r, &e);
        return;
    }
    snprintf(disp, sizeof disp, "attachment; filename=\"%s\"", name ? name : "trang-tinh.xlsx");
    free(name);
    http_add_header(r, "Content-Disposition", disp);
    http_add_header(r, "Cache-Control", "no-store");
    http_reply_take(r, 200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data, len, free_data);
}
