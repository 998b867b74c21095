/* outputs_province.c — the province's summary over its communes for a
 * period (outputs.h outputs_province; export/province.h).
 *
 * The communes and their ranks are scoring_rank_as's (SCORING_RANK_COMMUNES: every
 * live commune under the province, each by its newest plan covering the
 * period's year, ranked by index; the province's figure by the stated
 * mode, the mean of the communes' indices). Each commune's completeness,
 * previous period and at-risk count are its scoring_plan() figures for the
 * period; a commune whose calendar has no such period gets a note, not a
 * figure.
 *
 * Decision — "its own report arrived by its deadline". dti holds no copy of
 * what a commune sends the province by post or e-mail; what it knows is
 * when the commune made its report: the first "export.report" audit entry
 * of the commune's plan for the period. That instant is judged against the
 * commune deadline of the plan's calendar (periods.commune_due, the end of
 * that day in Vietnam): "đúng hạn", "trễ N ngày"; none yet: "chưa gửi"
 * once the deadline has passed, "chưa đến hạn" before; no deadline: "—".
 * docs/outputs.md says so to the province. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "app/app_util.h"
#include "app/outputs/outputs.h"
#include "app/outputs/outputs_int.h"
#include "app/report/report.h"
#include "app/score/score.h"
#include "app/score/scoring.h"
#include "core/period.h"
#include "export/province.h"
#include "store/store_calendar.h"
#include "store/store_export.h"
#include "store/store_org.h"
#include "store/store_plan.h"

static char *dup0(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* The arrival of COMMUNE's report of plan PLAN_ID for CODE (see above). */
static dti_rc own_report(store *s, int64_t plan_id, const char *code, time_t now, export_commune *c, dti_err *e)
{
    char *due = NULL, *at = NULL, id[24], buf[64];
    snprintf(id, sizeof id, "%lld", (long long)plan_id);
    dti_rc rc = store_calendar_commune_due(s, plan_id, code, &due, e);
    if (!rc)
        rc = store_export_first_report(s, plan_id, code, &at, e);
    if (rc)
        goto out;
    int32_t day = PERIOD_NO_DAY;
    if (!due || period_date_parse(due, &day)) {
        c->report = strdup(at ? "đã lập" : "—");
        goto out;
    }
    char d[PERIOD_DATE_LEN];
    c->report_due = strdup(period_date_vn(day, d));
    time_t limit = period_deadline_instant(day);
    if (at) {
        time_t t = report_ts_parse(at);
        if (t <= limit) {
            c->report = strdup("đúng hạn");
        } else {
            long late = (long)(period_today_vn(t) - day);
            snprintf(buf, sizeof buf, "trễ %ld ngày", late > 0 ? late : 1);
            c->report = strdup(buf);
        }
    } else {
        c->report = strdup(now > limit ? "chưa gửi" : "chưa đến hạn");
    }
out:
    free(due);
    free(at);
    if (!rc && !c->report)
        rc = app_nomem(e);
    return rc;
}

static dti_rc commune_figures(store *s, const auth_user *u, const char *code, time_t now, export_commune *c,
                              dti_err *e)
{
    json_t *j = NULL;
    dti_err e2;
    dti_err_clear(&e2);
    if (scoring_plan(s, u, c->plan_id, code, now, &j, &e2)) {
        if (e2.code == DTI_ERR_NOMEM)
            return dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
        c->note = strdup(e2.msg);
        return c->note ? DTI_OK : app_nomem(e);
    }
    const json_t *cp = json_object_get(j, "completeness");
    c->expected = (long)json_integer_value(json_object_get(cp, "expected"));
    c->received = (long)json_integer_value(json_object_get(cp, "received"));
    c->on_time = (long)json_integer_value(json_object_get(cp, "on_time"));
    c->at_risk = (long)json_array_size(json_object_get(j, "at_risk"));
    const json_t *tr = json_object_get(j, "trend");
    size_t n = json_array_size(tr);
    if (n >= 2 && json_is_number(json_object_get(json_array_get(tr, n - 2), "index"))) {
        c->has_prev = 1;
        c->prev = json_number_value(json_object_get(json_array_get(tr, n - 2), "index"));
    }
    json_decref(j);
    return own_report(s, c->plan_id, code, now, c, e);
}

static dti_rc build(store *s, const auth_user *u, int64_t province, const char *code, time_t now,
                    export_province *p, dti_err *e)
{
    store_org org;
    scoring_ranking rk;
    period pd;
    int64_t any_plan = 0;
    int found = 0;
    memset(&org, 0, sizeof org);
    memset(&rk, 0, sizeof rk);
    memset(p, 0, sizeof *p);
    dti_rc rc = auth_can(s, u, AUTH_READ, province, e);
    if (rc)
        return rc;
    if (!code || strlen(code) >= sizeof p->period || period_parse(code, &pd))
        return dti_fail(e, DTI_ERR_INPUT, "period", "kỳ báo cáo không hợp lệ: %s (ví dụ 2026-10, 2026-Q4, 2026)",
                        "not a period: %s (e.g. 2026-10, 2026-Q4, 2026)", code ? code : "");
    if ((rc = store_org_get(s, province, &org, e)))
        return rc;
    if (org.kind != ORG_PROVINCE) {
        rc = dti_fail(e, DTI_ERR_INPUT, "province", "%s không phải một tỉnh", "%s is not a province", org.name);
        goto out;
    }
    snprintf(p->period, sizeof p->period, "%s", code);
    p->year = pd.year;
    outputs_period_label(code, p->period_label, sizeof p->period_label);
    p->province = dup0(org.name);
    if ((rc = store_plan_latest_under(s, province, &any_plan, &found, e)))
        goto out;
    if (found && (rc = scoring_rank_as(s, u, any_plan, code, SCORING_RANK_COMMUNES, SCORE_PROVINCE_MEAN, now, &rk, e)))
        goto out;
    if (found) {
        if (rk.n && !(p->communes = calloc(rk.n, sizeof *p->communes))) {
            rc = app_nomem(e);
            goto out;
        }
        p->ncommunes = rk.n;
        p->has_value = rk.province.has_value;
        p->value = rk.province.value;
        p->mode = strdup(score_province_mode_label(rk.mode));
        for (size_t i = 0; i < rk.n; i++) {
            export_commune *c = &p->communes[i];
            const scoring_rank_row *x = &rk.rows[i];
            char t[SCORE_FMT_LEN];
            c->name = dup0(x->name);
            c->plan_id = x->plan_id;
            c->rank = x->rank;
            c->has_index = x->sum.has_value;
            c->index = x->sum.value;
            c->index_text = c->has_index ? strdup(score_format(x->sum.value, 4, ',', t)) : NULL;
            if (!c->name || (c->has_index && !c->index_text)) {
                rc = app_nomem(e);
                goto out;
            }
            if (!c->plan_id) {
                if (!(c->note = strdup("chưa có kế hoạch trên hệ thống"))) {
                    rc = app_nomem(e);
                    goto out;
                }
                continue;
            }
            if ((rc = commune_figures(s, u, code, now, c, e)))
                goto out;
        }
    } else {
        store_org *kids = NULL;
        size_t n = 0;
        if ((rc = store_org_children(s, province, &kids, &n, e)))
            goto out;
        size_t k = 0;
        p->communes = n ? calloc(n, sizeof *p->communes) : NULL;
        for (size_t i = 0; p->communes && i < n; i++)
            if (kids[i].kind == ORG_COMMUNE) {
                p->communes[k].name = dup0(kids[i].name);
                p->communes[k].note = strdup("chưa có kế hoạch trên hệ thống");
                k++;
            }
        p->ncommunes = k;
        store_org_list_free(kids, n);
        if (n && !p->communes) {
            rc = app_nomem(e);
            goto out;
        }
    }
    if ((rc = outputs_settings_model(s, province, NULL, org.name, NULL, NULL, 1, &p->set, e)))
        goto out;
    period_ymd t = period_ymd_of(period_today_vn(now));
    p->day = t.d, p->month = t.m, p->doc_year = t.y;
    p->author = strdup(u->display[0] ? u->display : u->name);
    auth_ts(now, p->created);
    if (!p->author || !p->province)
        rc = app_nomem(e);
out:
    scoring_ranking_release(&rk);
    store_org_release(&org);
    return rc;
}

static dti_rc province_as(store *s, const auth_user *u, int64_t province, const char *period_code,
                          outputs_format format, time_t now, void **data, size_t *len, char **name, dti_err *e)
{
    export_province p;
    *data = NULL;
    *len = 0;
    if (name)
        *name = NULL;
    if (format != OUTPUTS_DOCX && format != OUTPUTS_XLSX)
        return dti_fail(e, DTI_ERR_INPUT, "format", "báo cáo của tỉnh: chỉ có .docx hoặc .xlsx",
                        "province summary: .docx or .xlsx only");
    dti_rc rc = build(s, u, province, period_code, now, &p, e);
    if (rc)
        goto out;
    if ((rc = outputs_audit(s, u, now, "export.province", "org", province, p.period,
                            format == OUTPUTS_DOCX ? "docx" : "xlsx", "province", &p.audit_head, e)))
        goto out;
    rc = format == OUTPUTS_DOCX ? export_province_docx(&p, data, len, e) : export_province_xlsx(&p, data, len, e);
    if (rc)
        goto out;
    if (name) {
        char n[96];
        snprintf(n, sizeof n, "bao-cao-tinh-%lld-%s.%s", (long long)province, p.period,
                 format == OUTPUTS_DOCX ? "docx" : "xlsx");
        if (!(*name = strdup(n)))
            rc = app_nomem(e);
    }
out:
    if (rc) {
        free(*data);
        *data = NULL;
        *len = 0;
    }
    export_province_release(&p);
    return rc;
}

dti_rc outputs_province(app *a, int64_t province, const char *period_code, outputs_format format, void **data,
                        size_t *len, char **name, dti_err *e)
{
    *data = NULL;
    *len = 0;
    if (name)
        *name = NULL;
    auth_user u;
    dti_rc rc = app_actor(a, &u, NULL, e);
    if (rc)
        return rc;
    return province_as(a->st, &u, province, period_code, format, a->now, data, len, name, e);
}
