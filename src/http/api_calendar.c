/* api_calendar.c — a plan's reporting calendar over HTTP (app/calendar.h):
 *
 *   GET /api/v1/plans/:id/periods[?year=YYYY]
 *        → {"plan_id", "rules", "descriptions": [{"rule", "vi", "en"}],
 *           "periods": [{"code", "kind", "start", "end", "unit_due",
 *           "commune_due"}]} with dates dd/mm/yyyy (plans_calendar_get; AUTH_READ)
 *   PUT /api/v1/plans/:id/calendar   {"rules": ["month:unit=15+1", …]}
 *        → the same document after the change (plans_calendar_set; AUTH_PLAN_WRITE,
 *          audited). A rule that does not parse is a 400 whose error names
 *          it: "field": "rules", "index" (0-based), "rule" (its text) and
 *          "option" (unit, commune, cutoff, window, rule) beside the message.
 *
 * A plan outside the user's scope is a 404 (auth_can_plan: a foreign scope
 * never learns that a plan exists); a viewer or reporter writing, a 403. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app.h"
#include "app/plan/calendar.h"
#include "base/lang.h"
#include "core/period.h"
#include "http/api.h"
#include "http/server.h"

/* ?year=: 0 when absent, -1 when not a year. */
static int year_param(http_req *r)
{
    const char *y = http_query(r, "year");
    if (!y || !*y)
        return 0;
    char *end = NULL;
    long v = strtol(y, &end, 10);
    if (!end || *end || v < PERIOD_YEAR_MIN || v > PERIOD_YEAR_MAX)
        return -1;
    return (int)v;
}

void api_calendar_periods(http_req *r)
{
    dti_err e;
    int64_t plan_id;
    json_t *out = NULL;
    dti_err_clear(&e);
    int year = year_param(r);
    app *a = http_app(r, &e);
    if (!a || http_param_id(r, "id", &plan_id, &e) != DTI_OK)
        goto fail;
    if (year < 0) {
        dti_fail(&e, DTI_ERR_INPUT, "year", "Năm phải là số từ %d đến %d", "The year must be a number from %d to %d",
                 PERIOD_YEAR_MIN, PERIOD_YEAR_MAX);
        goto fail;
    }
    if (plans_calendar_get(a, plan_id, year, &out, &e) != DTI_OK)
        goto fail;
    http_reply_json(r, 200, out);
    return;
fail:
    http_reply_error(r, &e);
}

/* The 400 for rule I (TEXT) that period_rule_parse refused with PE. */
static void reply_bad_rule(http_req *r, size_t i, const char *text, const dti_err *pe)
{
    char msg[1024];
    if (lang_get() == LANG_EN)
        snprintf(msg, sizeof msg, "Rule %zu \"%s\": %s", i + 1, text, pe->msg);
    else
        snprintf(msg, sizeof msg, "Quy tắc %zu \"%s\": %s", i + 1, text, pe->msg);
    http_reply_json(r, dti_rc_http(pe->code),
                    json_pack("{s:{s:s, s:s, s:s, s:I, s:s, s:s}}", "error", "code", dti_rc_name(pe->code), "message",
                              msg, "field", "rules", "index", (json_int_t)i, "rule", text, "option",
                              pe->field[0] ? pe->field : "rule"));
}

void api_calendar_set(http_req *r)
{
    dti_err e;
    int64_t plan_id;
    json_t *body, *rules, *out = NULL;
    const char **v = NULL;
    size_t n = 0;
    dti_err_clear(&e);
    app *a = http_app(r, &e);
    if (!a || http_param_id(r, "id", &plan_id, &e) != DTI_OK || http_json_body(r, &body, &e) != DTI_OK)
        goto fail;
    /* who may not write the plan learns nothing from the rules' checks */
    if (plans_calendar_writable(a, plan_id, &e) != DTI_OK)
        goto fail;
    rules = json_object_get(body, "rules");
    if (!json_is_array(rules) || (n = json_array_size(rules)) == 0 || n > PERIOD_RULES_MAX) {
        dti_fail(&e, DTI_ERR_INPUT, "rules", "\"rules\" phải là danh sách từ 1 đến %d quy tắc (ví dụ "
                 "[\"month:unit=15+1,commune=20+1\"])", "\"rules\" must be a list of 1 to %d rules (for example "
                 "[\"month:unit=15+1,commune=20+1\"])", PERIOD_RULES_MAX);
        goto fail;
    }
    if (!(v = calloc(n, sizeof *v))) {
        dti_fail(&e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
        goto fail;
    }
    for (size_t i = 0; i < n; i++) {
        period_rule pr;
        dti_err pe;
        if (!(v[i] = json_string_value(json_array_get(rules, i)))) {
            dti_fail(&e, DTI_ERR_INPUT, "rules", "Quy tắc %zu không phải chuỗi", "Rule %zu is not a string", i + 1);
            goto fail;
        }
        dti_err_clear(&pe);
        if (period_rule_parse(v[i], &pr, &pe) != DTI_OK) {
            reply_bad_rule(r, i, v[i], &pe);
            goto out;
        }
    }
    if (plans_calendar_set(a, plan_id, v, n, NULL, &e) != DTI_OK ||
        plans_calendar_get(a, plan_id, 0, &out, &e) != DTI_OK)
        goto fail;
    http_reply_json(r, 200, out);
    goto out;
fail:
    http_reply_error(r, &e);
out:
    free(v);
}
