/* request.c — opening and listing ad-hoc and weekly requests (request.h):
 * the input is checked whole before anything is written, then the periods
 * and the units asked go to store_request in one transaction with the
 * audit record. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app_util.h"
#include "app/audit/audit.h"
#include "app/auth/auth.h"
#include "app/plan/request.h"
#include "base/lang.h"
#include "base/text.h"
#include "core/period.h"
#include "core/period_week.h"
#include "store/store_report.h"
#include "store/store_request.h"

#define WEEKS_MAX 54

void plans_request_name(const char *code, const char *title, char *out, size_t n)
{
    char kind = 0;
    int year = 0, k = 0;
    if (period_request_parse(code, &kind, &year, &k) != 0)
        snprintf(out, n, "%s", code ? code : "");
    else if (kind == 'W')
        snprintf(out, n, "%s %d/%d", TR("Tuần", "Week"), k, year);
    else
        snprintf(out, n, "%s: %s", TR("Đột xuất", "Ad hoc"), title && *title ? title : code);
}

struct ids {
    int64_t v[PLANS_REQUEST_ORGS_MAX];
    size_t n;
    int over;
};

/* Each row's first column (an org id) into the struct ids CTX; stops
 * (over) at PLANS_REQUEST_ORGS_MAX. */
static int id_row(void *ctx, const store_row *r)
{
    struct ids *c = ctx;
    if (c->n >= PLANS_REQUEST_ORGS_MAX) {
        c->over = 1;
        return 1;
    }
    c->v[c->n++] = r->v[0].i;
    return 0;
}

/* ORG_ID exists and lies under PORG (or is it; PORG 0: anywhere). */
static dti_rc org_in_plan(store *s, int64_t porg, int64_t org_id, int *ok, dti_err *e)
{
    char *name = NULL;
    dti_rc rc;
    *ok = 0;
    if ((rc = store_report_org_name(s, org_id, &name, e)))
        return rc;
    if (!name)
        return DTI_OK;
    free(name);
    if (porg == 0 || porg == org_id) {
        *ok = 1;
        return DTI_OK;
    }
    int64_t org = org_id;
    for (int d = 0; d < AUTH_TREE_DEPTH_MAX && org > 0; d++) {
        int64_t parent = 0;
        int f = 0;
        if ((rc = store_report_org_parent(s, org, &parent, &f, e)))
            return rc;
        if (!f)
            break;
        if (parent == porg) {
            *ok = 1;
            break;
        }
        org = parent;
    }
    return DTI_OK;
}

static dti_rc bad_date(dti_err *e, const char *field, const char *vi, const char *en, const char *s)
{
    return dti_fail(e, DTI_ERR_INPUT, field, "%s \"%s\" không phải một ngày (dạng dd/mm/yyyy).",
                    "%s \"%s\" is not a date (dd/mm/yyyy).", lang_get() == LANG_EN ? en : vi, s ? s : "");
}

struct period_new { char code[PERIOD_REQ_CODE_LEN]; int32_t start, end, due; };

dti_rc plans_request_open(app *a, int64_t plan_id, const plans_request_in *in, json_t **out, dti_err *e)
{
    auth_user u;
    store *s = a->st;
    dti_rc rc;
    int in_tx = 0;
    struct ids orgs;
    struct period_new per[WEEKS_MAX];
    size_t nper = 0;
    json_t *codes = NULL, *jorgs = NULL, *after = NULL;
    int32_t from, to, due = PERIOD_NO_DAY, today = period_today_vn(a->now);
    int week;

    *out = NULL;
    memset(&orgs, 0, sizeof orgs);
    if ((rc = app_actor(a, &u, NULL, e)))
        return rc;
    /* out of scope: not found; in scope, read-only: refused */
    if ((rc = auth_can_plan(s, &u, AUTH_READ, plan_id, e)) || (rc = auth_can_plan(s, &u, AUTH_PLAN_WRITE, plan_id, e)))
        return rc;
    const char *kind = in->kind ? in->kind : "";
    if (!strcmp(kind, "adhoc") || !strcmp(kind, "dot-xuat"))
        week = 0;
    else if (!strcmp(kind, "week") || !strcmp(kind, "tuan"))
        week = 1;
    else
        return dti_fail(e, DTI_ERR_INPUT, "kind", "Loại yêu cầu \"%s\" không có: chọn đột xuất (adhoc) hoặc hằng tuần (week).",
                        "No request kind \"%s\": choose adhoc or week.", kind);
    const char *title = in->title;
    while (title && (*title == ' ' || *title == '\t'))
        title++;
    if (!week && (!title || !*title))
        return dti_fail(e, DTI_ERR_INPUT, "title", "Thiếu tên báo cáo đột xuất.", "The ad-hoc report needs a title.");
    if (title && strlen(title) > PLANS_REQUEST_TITLE_MAX)
        return dti_fail(e, DTI_ERR_INPUT, "title", "Tên báo cáo dài quá %d byte.", "The title is over %d bytes.",
                        PLANS_REQUEST_TITLE_MAX);
    if (!week && title && strchr(title, '\n'))
        return dti_fail(e, DTI_ERR_INPUT, "title", "Tên báo cáo phải trên một dòng.", "The title must be one line.");
    if (!in->from || period_date_parse(in->from, &from))
        return bad_date(e, "from", "Ngày bắt đầu", "The start date", in->from);
    if (!in->to || period_date_parse(in->to, &to))
        return bad_date(e, "to", "Ngày kết thúc", "The end date", in->to);
    if (to < from)
        return dti_fail(e, DTI_ERR_INPUT, "to", "Ngày kết thúc đứng trước ngày bắt đầu.",
                        "The end date comes before the start date.");
    if (to - from + 1 > PLANS_REQUEST_DAYS_MAX)
        return dti_fail(e, DTI_ERR_INPUT, "to", "Một yêu cầu bao quát tối đa %d ngày.",
                        "A request covers at most %d days.", PLANS_REQUEST_DAYS_MAX);
    if (!week) {
        if (!in->due || period_date_parse(in->due, &due))
            return bad_date(e, "due", "Hạn nộp", "The deadline", in->due);
        if (due < from)
            return dti_fail(e, DTI_ERR_INPUT, "due", "Hạn nộp đứng trước ngày bắt đầu của kỳ báo cáo.",
                            "The deadline comes before the period starts.");
        if (due < today)
            return dti_fail(e, DTI_ERR_INPUT, "due", "Hạn nộp đã qua: chọn từ hôm nay trở đi.",
                            "The deadline has passed: choose today or later.");
    } else if (in->days < 0 || in->days > 31) {
        return dti_fail(e, DTI_ERR_INPUT, "days", "Số ngày sau cuối tuần phải từ 0 đến 31.",
                        "Days after the week's end must be 0 to 31.");
    }
    if (in->norgs > PLANS_REQUEST_ORGS_MAX)
        return dti_fail(e, DTI_ERR_INPUT, "orgs", "Chọn tối đa %d đơn vị.", "Choose at most %d units.",
                        PLANS_REQUEST_ORGS_MAX);

    if ((rc = store_begin(s, e)))
        return rc;
    in_tx = 1;
    int64_t porg = 0;
    int found = 0;
    if ((rc = store_report_plan_org(s, plan_id, &porg, &found, e)))
        goto out;
    if (in->norgs) {
        for (size_t i = 0; i < in->norgs; i++) {
            int ok = 0, dup = 0;
            if ((rc = org_in_plan(s, porg, in->orgs[i], &ok, e)))
                goto out;
            if (!ok) {
                rc = dti_fail(e, DTI_ERR_INPUT, "orgs", "Không có đơn vị số %lld trong kế hoạch.",
                              "No unit %lld in the plan.", (long long)in->orgs[i]);
                goto out;
            }
            for (size_t k = 0; k < orgs.n; k++)
                dup |= orgs.v[k] == in->orgs[i];
            if (!dup)
                orgs.v[orgs.n++] = in->orgs[i];
        }
    } else {
        if ((rc = store_request_plan_leads(s, plan_id, id_row, &orgs, e)))
            goto out;
        if (orgs.over) {
            rc = dti_fail(e, DTI_ERR_INPUT, "orgs", "Kế hoạch có hơn %d đơn vị chủ trì: chọn các đơn vị.",
                          "The plan has over %d leading units: choose the units.", PLANS_REQUEST_ORGS_MAX);
            goto out;
        }
        if (!orgs.n) {
            rc = dti_fail(e, DTI_ERR_INPUT, "orgs", "Kế hoạch chưa có đơn vị chủ trì: chọn các đơn vị được yêu cầu.",
                          "The plan has no leading unit yet: choose the units asked.");
            goto out;
        }
    }
    if (!week) {
        int64_t n = 0;
        int y = period_ymd_of(due).y;
        if ((rc = store_request_adhoc_count(s, plan_id, y, &n, e)))
            goto out;
        if (n >= PERIOD_ADHOC_MAX) {
            rc = dti_fail(e, DTI_ERR_INPUT, "due", "Kế hoạch đã có %d yêu cầu đột xuất trong năm %d.",
                          "The plan has %d ad-hoc requests in %d already.", PERIOD_ADHOC_MAX, y);
            goto out;
        }
        period_request_format('D', y, (int)n + 1, per[0].code);
        per[0].start = from;
        per[0].end = to;
        per[0].due = due;
        nper = 1;
    } else {
        int wy, wk;
        period_iso_week(from, &wy, &wk);
        for (int32_t mon = period_week_monday(wy, wk); mon <= to && nper < WEEKS_MAX; mon += 7) {
            struct period_new *p = &per[nper++];
            period_iso_week(mon, &wy, &wk);
            period_request_format('W', wy, wk, p->code);
            p->start = mon;
            p->end = mon + 6;
            p->due = mon + 6 + in->days;
        }
        if (per[nper - 1].due < today) {
            rc = dti_fail(e, DTI_ERR_INPUT, "to", "Hạn nộp của mọi tuần đã qua: chọn các tuần sắp tới.",
                          "Every week's deadline has passed: choose weeks to come.");
            goto out;
        }
        for (size_t i = 0; i < nper; i++) {
            int f = 0;
            if ((rc = store_request_exists(s, plan_id, per[i].code, &f, e)))
                goto out;
            if (f) {
                char name[64];
                plans_request_name(per[i].code, NULL, name, sizeof name);
                rc = dti_fail(e, DTI_ERR_INPUT, "from", "%s đã được yêu cầu báo cáo.", "%s is requested already.",
                              name);
                goto out;
            }
        }
    }
    char ts[AUTH_TS_LEN];
    auth_ts(a->now, ts);
    if (!(codes = json_array()) || !(jorgs = json_array())) {
        rc = app_nomem(e);
        goto out;
    }
    for (size_t k = 0; k < orgs.n; k++)
        if (json_array_append_new(jorgs, json_integer(orgs.v[k]))) {
            rc = app_nomem(e);
            goto out;
        }
    const char *t = title && *title ? title : TR("Báo cáo tuần", "Weekly report");
    for (size_t i = 0; i < nper; i++) {
        char a1[PERIOD_DATE_LEN], a2[PERIOD_DATE_LEN], a3[PERIOD_DATE_LEN];
        int64_t id = 0;
        if ((rc = store_request_add(s, plan_id, per[i].code, week ? "week" : "adhoc", t,
                                    period_date_iso(per[i].start, a1), period_date_iso(per[i].end, a2),
                                    period_date_iso(per[i].due, a3), u.id, ts, &id, e)))
            goto out;
        for (size_t k = 0; k < orgs.n; k++)
            if ((rc = store_request_org_add(s, id, orgs.v[k], e)))
                goto out;
        if (json_array_append_new(codes, json_string(per[i].code))) {
            rc = app_nomem(e);
            goto out;
        }
    }
    if (!(after = json_pack("{s:I, s:s, s:s, s:O, s:O}", "plan_id", (json_int_t)plan_id, "kind",
                            week ? "week" : "adhoc", "title", t, "codes", codes, "orgs", jorgs))) {
        rc = app_nomem(e);
        goto out;
    }
    if ((rc = audit_append_id(s, &u, a->now, "request.open", "plan", plan_id, NULL, after, e)) ||
        (rc = store_commit(s, e)))
        goto out;
    in_tx = 0;
    *out = after;
    after = NULL;
out:
    if (in_tx)
        store_rollback(s);
    json_decref(codes);
    json_decref(jorgs);
    json_decref(after);
    return rc;
}

struct list_ctx {
    json_t *arr;
    int32_t today;
    int nomem;
};

static json_t *vn(const char *iso, int as_iso)
{
    int32_t d;
    char o[PERIOD_DATE_LEN];
    if (!iso || period_date_parse(iso, &d))
        return json_null();
    return json_string(as_iso ? period_date_iso(d, o) : period_date_vn(d, o));
}

static json_t *str_or_null(const char *v)
{
    return v ? json_string(v) : json_null();
}

static int list_row(void *ctx, const store_row *r)
{
    struct list_ctx *c = ctx;
    const char *code = app_col(r, 0) ? app_col(r, 0) : "";
    size_t n = json_array_size(c->arr);
    json_t *last = n ? json_array_get(c->arr, n - 1) : NULL;
    if (!last || strcmp(json_string_value(json_object_get(last, "code")), code) != 0) {
        char name[PLANS_REQUEST_TITLE_MAX + 32];
        int32_t due = PERIOD_NO_DAY;
        const char *cancelled = app_col(r, 10);
        int64_t reports = r->v[13].t == SV_NULL ? 0 : r->v[13].i;
        if (app_col(r, 5))
            period_date_parse(app_col(r, 5), &due);
        const char *state = cancelled ? "cancelled" : due != PERIOD_NO_DAY && due < c->today ? "closed" : "open";
        const char *label = cancelled ? TR("đã hủy", "cancelled")
                            : !strcmp(state, "closed") ? TR("đã qua hạn", "past its deadline")
                                                        : TR("đang mở", "open");
        plans_request_name(code, app_col(r, 2), name, sizeof name);
        last = json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:[]}", "code", code, "kind",
                         app_col(r, 1) ? app_col(r, 1) : "", "title", app_col(r, 2) ? app_col(r, 2) : "", "name",
                         name, "start", vn(app_col(r, 3), 0), "end", vn(app_col(r, 4), 0), "unit_due",
                         vn(app_col(r, 5), 0), "start_iso", vn(app_col(r, 3), 1), "end_iso", vn(app_col(r, 4), 1),
                         "unit_due_iso", vn(app_col(r, 5), 1), "orgs");
        if (!last || json_array_append_new(c->arr, last) ||
            json_object_set_new(last, "reports", json_integer(reports)) ||
            json_object_set_new(last, "editable", json_boolean(!cancelled && reports == 0)) ||
            json_object_set_new(last, "created_at", str_or_null(app_col(r, 6))) ||
            json_object_set_new(last, "updated_at", str_or_null(app_col(r, 9))) ||
            json_object_set_new(last, "cancelled", json_boolean(cancelled != NULL)) ||
            json_object_set_new(last, "cancelled_at", str_or_null(cancelled)) ||
            json_object_set_new(last, "cancel_reason", str_or_null(app_col(r, 11))) ||
            json_object_set_new(last, "cancelled_by", str_or_null(cancelled ? app_col(r, 12) : NULL)) ||
            json_object_set_new(last, "state", json_string(state)) ||
            json_object_set_new(last, "state_label", json_string(label))) {
            c->nomem = 1;
            return 1;
        }
    }
    json_t *o = json_pack("{s:I, s:s}", "id", (json_int_t)r->v[7].i, "name", app_col(r, 8) ? app_col(r, 8) : "");
    if (!o || json_array_append_new(json_object_get(last, "orgs"), o)) {
        c->nomem = 1;
        return 1;
    }
    return 0;
}

dti_rc plans_request_list(app *a, int64_t plan_id, json_t **out, dti_err *e)
{
    auth_user u;
    dti_rc rc;
    *out = NULL;
    if ((rc = app_actor(a, &u, NULL, e)) || (rc = auth_can_plan(a->st, &u, AUTH_READ, plan_id, e)))
        return rc == DTI_ERR_PERM ? dti_fail(e, DTI_ERR_NOTFOUND, "plan", "Không có kế hoạch số %lld.",
                                             "No plan with id %lld.", (long long)plan_id)
                                  : rc;
    struct list_ctx c = {json_array(), period_today_vn(a->now), 0};
    if (!c.arr)
        return app_nomem(e);
    if ((rc = store_request_list(a->st, plan_id, list_row, &c, e)) || c.nomem) {
        json_decref(c.arr);
        return rc ? rc : app_nomem(e);
    }
    *out = c.arr;
    return DTI_OK;
}

/* ---- editing and cancelling -------------------------------------------------------- */

struct req_row {
    int found;
    int64_t id;
    char kind[8];
    char *title, *cancel_reason;            /* owned */
    char start[PERIOD_DATE_LEN], end[PERIOD_DATE_LEN], due[PERIOD_DATE_LEN], cancelled_at[AUTH_TS_LEN];
    int nomem;
};

static int req_get_row(void *ctx, const store_row *r)
{
    struct req_row *x = ctx;
    x->found = 1;
    x->id = r->v[0].i;
    snprintf(x->kind, sizeof x->kind, "%s", app_col(r, 1) ? app_col(r, 1) : "");
    snprintf(x->start, sizeof x->start, "%s", app_col(r, 3) ? app_col(r, 3) : "");
    snprintf(x->end, sizeof x->end, "%s", app_col(r, 4) ? app_col(r, 4) : "");
    snprintf(x->due, sizeof x->due, "%s", app_col(r, 5) ? app_col(r, 5) : "");
    snprintf(x->cancelled_at, sizeof x->cancelled_at, "%s", app_col(r, 6) ? app_col(r, 6) : "");
    x->title = strdup(app_col(r, 2) ? app_col(r, 2) : "");
    x->cancel_reason = app_col(r, 7) ? strdup(app_col(r, 7)) : NULL;
    if (!x->title || (app_col(r, 7) && !x->cancel_reason))
        x->nomem = 1;
    return 1;
}

static void req_free(struct req_row *x)
{
    free(x->title);
    free(x->cancel_reason);
    x->title = x->cancel_reason = NULL;
}

/* Load PLAN_ID's request CODE into X: DTI_ERR_NOTFOUND naming it when none. */
static dti_rc req_load(store *s, int64_t plan_id, const char *code, struct req_row *x, dti_err *e)
{
    dti_rc rc;
    memset(x, 0, sizeof *x);
    if (!code || !*code || strlen(code) >= PERIOD_REQ_CODE_LEN)
        return dti_fail(e, DTI_ERR_NOTFOUND, "code", "Kế hoạch số %lld không có yêu cầu báo cáo \"%s\".",
                        "Plan %lld has no report request \"%s\".", (long long)plan_id, code ? code : "");
    if ((rc = store_request_get(s, plan_id, code, req_get_row, x, e)))
        return rc;
    if (x->nomem) {
        req_free(x);
        return app_nomem(e);
    }
    if (!x->found)
        return dti_fail(e, DTI_ERR_NOTFOUND, "code", "Kế hoạch số %lld không có yêu cầu báo cáo \"%s\".",
                        "Plan %lld has no report request \"%s\".", (long long)plan_id, code);
    return DTI_OK;
}

static json_t *ids_json(const struct ids *v)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < v->n; i++)
        if (json_array_append_new(a, json_integer(v->v[i]))) {
            json_decref(a);
            return NULL;
        }
    return a;
}

static int ids_has(const struct ids *v, int64_t id)
{
    for (size_t i = 0; i < v->n; i++)
        if (v->v[i] == id)
            return 1;
    return 0;
}

/* The request as plans_request_list shows it, into *OUT. */
static dti_rc req_json(app *a, int64_t plan_id, const char *code, json_t **out, dti_err *e)
{
    struct list_ctx c = {json_array(), period_today_vn(a->now), 0};
    dti_rc rc;
    *out = NULL;
    if (!c.arr)
        return app_nomem(e);
    if ((rc = store_request_list(a->st, plan_id, list_row, &c, e)) || c.nomem) {
        json_decref(c.arr);
        return rc ? rc : app_nomem(e);
    }
    size_t i;
    json_t *x;
    json_array_foreach(c.arr, i, x) {
        if (!strcmp(json_string_value(json_object_get(x, "code")), code)) {
            *out = json_incref(x);
            break;
        }
    }
    json_decref(c.arr);
    return *out ? DTI_OK : app_nomem(e);
}

/* The actor may write PLAN_ID (out of scope: not found; read-only: refused). */
static dti_rc may_write(app *a, int64_t plan_id, auth_user *u, dti_err *e)
{
    dti_rc rc;
    if ((rc = app_actor(a, u, NULL, e)))
        return rc;
    if ((rc = auth_can_plan(a->st, u, AUTH_READ, plan_id, e)))
        return rc;
    return auth_can_plan(a->st, u, AUTH_PLAN_WRITE, plan_id, e);
}

dti_rc plans_request_edit(app *a, int64_t plan_id, const char *code, const plans_request_edit_in *in, json_t **out,
                          dti_err *e)
{
    auth_user u;
    store *s = a->st;
    struct req_row x;
    struct ids old, nw;
    json_t *before = NULL, *after = NULL;
    char *title = NULL;
    int in_tx = 0;
    dti_rc rc;
    int32_t today = period_today_vn(a->now), start = 0, due = PERIOD_NO_DAY;
    char ts[AUTH_TS_LEN], due_iso[PERIOD_DATE_LEN];

    *out = NULL;
    memset(&x, 0, sizeof x);
    memset(&old, 0, sizeof old);
    memset(&nw, 0, sizeof nw);
    if ((rc = may_write(a, plan_id, &u, e)))
        return rc;
    /* the fields first: a bad one is named whatever the request's state */
    if (in->title) {
        if (!(title = text_clean(in->title)))
            return app_nomem(e);
        if (!*title) {
            free(title);
            return dti_fail(e, DTI_ERR_INPUT, "title", "Tên báo cáo không được để trống.", "The title cannot be empty.");
        }
        if (strlen(title) > PLANS_REQUEST_TITLE_MAX) {
            free(title);
            return dti_fail(e, DTI_ERR_INPUT, "title", "Tên báo cáo dài quá %d byte.", "The title is over %d bytes.",
                            PLANS_REQUEST_TITLE_MAX);
        }
    }
    if (in->due && period_date_parse(in->due, &due)) {
        free(title);
        return bad_date(e, "due", "Hạn nộp", "The deadline", in->due);
    }
    if (in->set_orgs && in->norgs == 0) {
        free(title);
        return dti_fail(e, DTI_ERR_INPUT, "orgs", "Chọn ít nhất một đơn vị được yêu cầu.",
                        "Choose at least one unit to ask.");
    }
    if (in->set_orgs && in->norgs > PLANS_REQUEST_ORGS_MAX) {
        free(title);
        return dti_fail(e, DTI_ERR_INPUT, "orgs", "Chọn tối đa %d đơn vị.", "Choose at most %d units.",
                        PLANS_REQUEST_ORGS_MAX);
    }
    if (!title && !in->due && !in->set_orgs) {
        return dti_fail(e, DTI_ERR_INPUT, "title", "Không có gì để sửa: cho tên, hạn nộp hoặc các đơn vị mới.",
                        "Nothing to change: give a title, a deadline or the units.");
    }
    if ((rc = store_begin(s, e))) {
        free(title);
        return rc;
    }
    in_tx = 1;
    if ((rc = req_load(s, plan_id, code, &x, e)))
        goto out;
    if (x.cancelled_at[0]) {
        rc = dti_fail(e, DTI_ERR_CONFLICT, "state", "Yêu cầu %s đã hủy: không sửa được.",
                      "Request %s is cancelled: it cannot be edited.", code);
        goto out;
    }
    int64_t nrep = 0;
    if ((rc = store_request_reports(s, plan_id, code, &nrep, e)))
        goto out;
    if (nrep > 0) {
        rc = dti_fail(e, DTI_ERR_CONFLICT, "state",
                      "Đã có đơn vị báo cáo theo yêu cầu %s: không sửa được nữa. Có thể hủy yêu cầu (báo cáo đã "
                      "nộp vẫn được giữ) rồi mở yêu cầu mới.",
                      "A unit has already reported under request %s: it can no longer be edited. You may cancel "
                      "it (reports already saved are kept) and open a new one.", code);
        goto out;
    }
    if (period_date_parse(x.start, &start)) {
        rc = dti_fail(e, DTI_ERR_INPUT, "code", "Yêu cầu %s có ngày bắt đầu hỏng.", "Request %s has a bad start date.",
                      code);
        goto out;
    }
    if (due != PERIOD_NO_DAY && due < start) {
        rc = dti_fail(e, DTI_ERR_INPUT, "due", "Hạn nộp đứng trước ngày bắt đầu của kỳ báo cáo.",
                      "The deadline comes before the period starts.");
        goto out;
    }
    if (due != PERIOD_NO_DAY && due < today) {
        rc = dti_fail(e, DTI_ERR_INPUT, "due", "Hạn nộp đã qua: chọn từ hôm nay trở đi.",
                      "The deadline has passed: choose today or later.");
        goto out;
    }
    if ((rc = store_request_orgs(s, x.id, id_row, &old, e)))
        goto out;
    if (in->set_orgs) {
        int64_t porg = 0;
        int found = 0;
        if ((rc = store_report_plan_org(s, plan_id, &porg, &found, e)))
            goto out;
        for (size_t i = 0; i < in->norgs; i++) {
            int ok = 0;
            if ((rc = org_in_plan(s, porg, in->orgs[i], &ok, e)))
                goto out;
            if (!ok) {
                rc = dti_fail(e, DTI_ERR_INPUT, "orgs", "Không có đơn vị số %lld trong kế hoạch.",
                              "No unit %lld in the plan.", (long long)in->orgs[i]);
                goto out;
            }
            if (!ids_has(&nw, in->orgs[i]))
                nw.v[nw.n++] = in->orgs[i];
        }
    } else {
        nw = old;
    }
    const char *new_title = title ? title : x.title;
    if (due == PERIOD_NO_DAY)
        period_date_parse(x.due, &due);
    period_date_iso(due, due_iso);
    int same_orgs = nw.n == old.n;
    for (size_t i = 0; same_orgs && i < nw.n; i++)
        same_orgs = ids_has(&old, nw.v[i]);
    if (!strcmp(new_title, x.title) && !strcmp(due_iso, x.due) && same_orgs) {
        rc = dti_fail(e, DTI_ERR_INPUT, "title", "Không có gì thay đổi so với yêu cầu hiện tại.",
                      "Nothing differs from the request as it is.");
        goto out;
    }
    json_t *jo = ids_json(&old), *jn = ids_json(&nw);
    if (!jo || !jn) {
        json_decref(jo);
        json_decref(jn);
        rc = app_nomem(e);
        goto out;
    }
    before = jo ? json_pack("{s:s, s:s, s:s, s:o}", "code", code, "title", x.title, "unit_due", x.due, "orgs", jo)
                : NULL;
    after = jn ? json_pack("{s:s, s:s, s:s, s:o}", "code", code, "title", new_title, "unit_due", due_iso, "orgs", jn)
               : NULL;
    if (!before || !after) {
        rc = app_nomem(e);
        goto out;
    }
    auth_ts(a->now, ts);
    if ((rc = store_request_update(s, x.id, new_title, due_iso, u.id, ts, e)))
        goto out;
    for (size_t i = 0; i < old.n; i++)
        if (!ids_has(&nw, old.v[i]) && (rc = store_request_org_drop(s, x.id, old.v[i], ts, e)))
            goto out;
    for (size_t i = 0; i < nw.n; i++)
        if (!ids_has(&old, nw.v[i]) && (rc = store_request_org_add(s, x.id, nw.v[i], e)))
            goto out;
    if ((rc = audit_append(s, &u, a->now, "request.edit", "request", code, before, after, e)) ||
        (rc = req_json(a, plan_id, code, out, e)) || (rc = store_commit(s, e)))
        goto out;
    in_tx = 0;
out:
    if (in_tx) {
        store_rollback(s);
        json_decref(*out);
        *out = NULL;
    }
    req_free(&x);
    free(title);
    json_decref(before);
    json_decref(after);
    return rc;
}

dti_rc plans_request_cancel(app *a, int64_t plan_id, const char *code, const char *reason, json_t **out,
                            dti_err *e)
{
    auth_user u;
    store *s = a->st;
    struct req_row x;
    json_t *before = NULL, *after = NULL;
    char *why = NULL;
    int in_tx = 0;
    dti_rc rc;
    char ts[AUTH_TS_LEN];

    *out = NULL;
    memset(&x, 0, sizeof x);
    if ((rc = may_write(a, plan_id, &u, e)))
        return rc;
    if (!(why = text_clean(reason ? reason : "")))
        return app_nomem(e);
    if (!*why) {
        free(why);
        return dti_fail(e, DTI_ERR_INPUT, "reason", "Cần ghi lý do hủy yêu cầu.", "Give the reason for cancelling.");
    }
    if (strlen(why) > PLANS_REQUEST_REASON_MAX) {
        free(why);
        return dti_fail(e, DTI_ERR_INPUT, "reason", "Lý do dài quá %d byte.", "The reason is over %d bytes.",
                        PLANS_REQUEST_REASON_MAX);
    }
    if ((rc = store_begin(s, e))) {
        free(why);
        return rc;
    }
    in_tx = 1;
    if ((rc = req_load(s, plan_id, code, &x, e)))
        goto out;
    if (x.cancelled_at[0]) {
        rc = dti_fail(e, DTI_ERR_CONFLICT, "state", "Yêu cầu %s đã hủy từ trước.", "Request %s is cancelled already.",
                      code);
        goto out;
    }
    int64_t nrep = 0;
    if ((rc = store_request_reports(s, plan_id, code, &nrep, e)))
        goto out;
    auth_ts(a->now, ts);
    if (!(before = json_pack("{s:s, s:s, s:s}", "code", code, "title", x.title, "unit_due", x.due)) ||
        !(after = json_pack("{s:s, s:s, s:s, s:I}", "code", code, "cancelled_at", ts, "reason", why,
                            "reports_kept", (json_int_t)nrep))) {
        rc = app_nomem(e);
        goto out;
    }
    if ((rc = store_request_cancel(s, x.id, u.id, ts, why, e)) ||
        (rc = audit_append(s, &u, a->now, "request.cancel", "request", code, before, after, e)) ||
        (rc = req_json(a, plan_id, code, out, e)) || (rc = store_commit(s, e)))
        goto out;
    in_tx = 0;
out:
    if (in_tx) {
        store_rollback(s);
        json_decref(*out);
        *out = NULL;
    }
    req_free(&x);
    free(why);
    json_decref(before);
    json_decref(after);
    return rc;
}

dti_rc plans_request_open_for_reports(store *s, int64_t plan_id, const char *code, dti_err *e)
{
    struct req_row x;
    dti_rc rc = req_load(s, plan_id, code, &x, e);
    if (rc == DTI_ERR_NOTFOUND)
        return dti_fail(e, DTI_ERR_INPUT, "period", "kế hoạch số %lld không có yêu cầu báo cáo %s",
                        "plan %lld has no request %s", (long long)plan_id, code);
    if (rc)
        return rc;
    int cancelled = x.cancelled_at[0] != 0;
    req_free(&x);
    if (cancelled)
        return dti_fail(e, DTI_ERR_CONFLICT, "period", "Yêu cầu báo cáo %s đã hủy: không nhận báo cáo mới.",
                        "Request %s is cancelled: it takes no new report.", code);
    return DTI_OK;
}
