/* planedit.c — editing indicators and tasks, reassigning them, and the
 * units to choose from (planedit.h has the rules and the decision on
 * versioning).
 *
 * An edit is checked whole before anything is written: the changes are
 * applied to a copy of the item as dti.plan/1 writes it (loaded from the
 * store), every field validated on the way, then the copy is written back
 * to the item's row and its targets or outputs, the item loaded again as
 * the audit's "after", all in one transaction. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app_util.h"
#include "app/plan/assign.h"
#include "app/audit/audit.h"
#include "app/plan/planedit.h"
#include "base/num.h"
#include "base/text.h"
#include "core/plan.h"
#include "core/target.h"
#include "store/store_org.h"
#include "store/store_plan.h"
#include "store/store_plan_item.h"

#define YEAR_MIN 1900
#define YEAR_MAX 2200

static const char *kind_vi(int is_task)
{
    return is_task ? "nhiệm vụ" : "chỉ tiêu";
}

static const char *kind_en(int is_task)
{
    return is_task ? "task" : "indicator";
}

/* ---- finding the item ------------------------------------------------------ */

struct find_ctx {
    int64_t id;
    size_t n;
    json_t *groups;     /* the groups of the matches, for the message */
};

static int find_fn(void *ctx, const store_row *r)
{
    struct find_ctx *c = ctx;
    if (c->n++ == 0)
        c->id = r->v[0].i;
    if (c->groups) {
        const char *g = app_col(r, 1);
        json_array_append_new(c->groups, json_string(g ? g : "-"));
    }
    return 0;
}

static dti_rc find_as(store *s, const auth_user *u, int64_t plan_id, int is_task, const char *code,
                      const char *group, int64_t *id, dti_err *e)
{
    dti_rc rc;
    struct find_ctx c = {0, 0, NULL};
    *id = 0;
    if ((rc = auth_can_plan(s, u, AUTH_READ, plan_id, e)))
        return rc;
    if (!code || !*code)
        return dti_fail(e, DTI_ERR_INPUT, "code", "thiếu mã %s%.0s", "the %.0s%s code is missing", kind_vi(is_task),
                        kind_en(is_task));
    /* group "" is "no group" */
    c.groups = json_array();
    if (!c.groups)
        return app_nomem(e);
    rc = store_plan_item_find(s, plan_id, is_task, code, group, find_fn, &c, e);
    if (rc)
        goto out;
    if (c.n == 0) {
        rc = dti_fail(e, DTI_ERR_NOTFOUND, "code", "kế hoạch không có %s%.0s mã %s%s%s", "the plan has no %.0s%s %s%s%s",
                      kind_vi(is_task), kind_en(is_task), code, group ? " / group " : "", group ? group : "");
        goto out;
    }
    if (c.n > 1) {
        char *g = json_dumps(c.groups, JSON_COMPACT);
        rc = dti_fail(e, DTI_ERR_CONFLICT, "group", "mã %s có ở %zu %s%.0s (nhóm %s): nêu nhóm (group)",
                      "code %s is used by %zu %.0s%ss (groups %s): give the group", code, c.n, kind_vi(is_task),
                      kind_en(is_task), g ? g : "?");
        free(g);
        goto out;
    }
    *id = c.id;
out:
    json_decref(c.groups);
    return rc;
}

/* ---- the item as dti.plan/1 writes it ---------------------------------------- */

/* Item ID of PLAN_ID as its dti.plan/1 object (new reference). */
static dti_rc item_json(store *s, int64_t plan_id, int is_task, int64_t id, json_t **out, dti_err *e)
{
    dti_rc rc;
    plan *p = NULL;
    json_t *j = NULL;
    int64_t idx = 0;
    *out = NULL;
    if ((rc = store_plan_item_index(s, plan_id, is_task, id, &idx, e)))
        return rc;
    if ((rc = store_plan_load(s, plan_id, &p, e)))
        return rc;
    if (!(j = plan_to_json(p))) {
        rc = app_nomem(e);
        goto out;
    }
    json_t *it = json_array_get(json_object_get(j, is_task ? "tasks" : "indicators"), (size_t)idx);
    if (!it) {
        rc = dti_fail(e, DTI_ERR_INTERNAL, NULL, "không đọc lại được %s%.0s số %lld", "cannot read %.0s%s %lld back",
                      kind_vi(is_task), kind_en(is_task), (long long)id);
        goto out;
    }
    if (!(*out = json_deep_copy(it)))
        rc = app_nomem(e);
out:
    json_decref(j);
    plan_free(p);
    return rc;
}

/* ---- validating the changes ---------------------------------------------------- */

/* A clean copy of text V for FIELD into *OUT (NULL for JSON null when
 * NULLABLE). Empty after cleaning is refused when REQUIRED. */
/* The Vietnamese name of FIELD ("targets[1].text" → "Mục tiêu"), for messages. */
static const char *field_vi(const char *field)
{
    static const struct {
        const char *prefix, *vi;
    } names[] = {
        {"name", "Tên"}, {"group", "Nhóm"}, {"due_text", "Thời hạn"}, {"due", "Hạn (due)"},
        {"basis", "Căn cứ thực hiện"}, {"funding", "Nguồn kinh phí"}, {"outputs", "Sản phẩm"},
        {"targets[", "Mục tiêu"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strncmp(field, names[i].prefix, strlen(names[i].prefix)))
            return names[i].vi;
    return field;
}

/* A clean copy of text V for FIELD into *OUT (NULL for JSON null when
 * NULLABLE). Empty after cleaning is refused when REQUIRED. */
static dti_rc text_field(const json_t *v, const char *field, int nullable, int required, char **out, dti_err *e)
{
    const char *vi = field_vi(field);
    *out = NULL;
    if (json_is_null(v) && nullable && !required)
        return DTI_OK;
    if (!json_is_string(v))
        return dti_fail(e, DTI_ERR_INPUT, field, "%s (%s) phải là chuỗi văn bản%s%.0s",
                        "%.0s%s must be a string%.0s%s", vi, field, nullable ? " hoặc null" : "",
                        nullable ? " or null" : "");
    if (json_string_length(v) > PLANS_EDIT_TEXT_MAX)
        return dti_fail(e, DTI_ERR_TOOBIG, field, "%s (%s) dài quá %d byte", "%.0s%s is over %d bytes", vi, field,
                        PLANS_EDIT_TEXT_MAX);
    if (!(*out = text_clean(json_string_value(v))))
        return app_nomem(e);
    if (!**out && required) {
        free(*out);
        *out = NULL;
        return dti_fail(e, DTI_ERR_INPUT, field, "%s (%s) không được để trống", "%.0s%s must not be empty", vi,
                        field);
    }
    if (!**out && nullable) {   /* "" is "not stated" */
        free(*out);
        *out = NULL;
    }
    return DTI_OK;
}

/* Set KEY of OBJ to the string S or null; DTI_OK or out of memory. */
static dti_rc set_str(json_t *obj, const char *key, const char *s, dti_err *e)
{
    if (json_object_set_new(obj, key, s ? json_string(s) : json_null()))
        return app_nomem(e);
    return DTI_OK;
}

/* "YYYY-MM", "YYYY-Qn", "YYYY" or "recurring". */
static int due_valid(const char *d)
{
    size_t n = strlen(d);
    if (!strcmp(d, "recurring"))
        return 1;
    for (size_t i = 0; i < 4; i++)
        if (i >= n || d[i] < '0' || d[i] > '9')
            return 0;
    int y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
    if (y < YEAR_MIN || y > YEAR_MAX)
        return 0;
    if (n == 4)
        return 1;
    if (n == 7 && d[4] == '-' && d[5] == 'Q')
        return d[6] >= '1' && d[6] <= '4';
    if (n == 7 && d[4] == '-' && d[5] >= '0' && d[5] <= '1' && d[6] >= '0' && d[6] <= '9') {
        int m = (d[5] - '0') * 10 + (d[6] - '0');
        return m >= 1 && m <= 12;
    }
    return 0;
}

/* The group code G of the plan, or NULL: *GID its first plan_groups row
 * (0 when the plan has no such group, an error unless G is the item's
 * current group, which the document may give without a heading). */
static dti_rc group_check(store *s, int64_t plan_id, const char *g, const char *current, int64_t *gid, dti_err *e)
{
    int found = 0;
    *gid = 0;
    if (!g)
        return DTI_OK;
    dti_rc rc = store_plan_group_find(s, plan_id, g, gid, &found, e);
    if (rc)
        return rc;
    if (!found && !(current && !strcmp(current, g)))
        return dti_fail(e, DTI_ERR_INPUT, "group", "kế hoạch không có nhóm mã %s", "the plan has no group %s", g);
    return DTI_OK;
}

struct years {
    int from, to;
};

static int years_fn(void *ctx, const store_row *r)
{
    struct years *y = ctx;
    y->from = r->v[0].t == SV_INT ? (int)r->v[0].i : 0;
    y->to = r->v[1].t == SV_INT ? (int)r->v[1].i : 0;
    return 1;
}

/* The years a target may have: the plan's own (year_from..year_to), or
 * YEAR_MIN..YEAR_MAX when the plan states none. */
static dti_rc plan_years(store *s, int64_t plan_id, struct years *y, dti_err *e)
{
    y->from = y->to = 0;
    dti_rc rc = store_plan_head(s, plan_id, years_fn, y, e);
    if (rc)
        return rc;
    if (!y->from)
        y->from = y->to;
    if (!y->to)
        y->to = y->from;
    if (!y->from) {
        y->from = YEAR_MIN;
        y->to = YEAR_MAX;
    }
    return DTI_OK;
}

/* A target's value V read from elsewhere (the words): within base/num.h's
 * range for a target (finite, at most NUM_ABS_MAX, no denormal). */
static dti_rc target_value_ok(double v, const char *f, dti_err *e)
{
    dti_err why;
    if (num_check_value(v, NUM_TARGET, &why) == DTI_OK)
        return DTI_OK;
    return dti_fail(e, DTI_ERR_INPUT, f, "%s: %s", "%s: %s", f, why.msg);
}

/* A target's "value" JV: a JSON number, or a string written the Vietnamese
 * way ("2.100", "0,7": base/num.h, the parser of the report forms), checked
 * as a target (finite, at most NUM_ABS_MAX, no denormal such as 1e-320). */
static dti_rc target_value(const json_t *jv, const char *f, double *v, dti_err *e)
{
    dti_err why;
    dti_err_clear(&why);
    if (json_is_string(jv)) {
        num_read r;
        if (num_parse(json_string_value(jv), &r, &why) == DTI_OK && r.has && num_check(&r, NUM_TARGET, &why) == DTI_OK) {
            *v = r.value;
            return DTI_OK;
        }
        if (!why.msg[0])
            return dti_fail(e, DTI_ERR_INPUT, f, "%s phải là một số", "%s must be a number", f);
        return dti_fail(e, DTI_ERR_INPUT, f, "%s: %s", "%s: %s", f, why.msg);
    }
    if (!json_is_number(jv))
        return dti_fail(e, DTI_ERR_INPUT, f, "%s phải là một số (hoặc chuỗi \"2.100\", \"0,7\")",
                        "%s must be a number (or a string \"2.100\", \"0,7\")", f);
    *v = json_number_value(jv);
    return target_value_ok(*v, f, e);
}

/* "70" or "0,7" or "1.000,5": the value as people read it (decimal comma). */
static void fmt_value(double v, char *out, size_t n)
{
    snprintf(out, n, "%.6g", v);
    for (char *c = out; *c; c++)
        if (*c == '.')
            *c = ',';
}

/* Words for a structured target: "Tối thiểu 70%", "Tối đa 5 ngày". */
static char *target_words(target_op op, double v, const char *unit)
{
    static const char *w[] = {"Tối thiểu", "Trên", "Tối đa", "Dưới", "Bằng"};
    char num[64], buf[PLANS_EDIT_TEXT_MAX + 128];
    fmt_value(v, num, sizeof num);
    snprintf(buf, sizeof buf, "%s %s%s%s", w[op], num, *unit && strcmp(unit, "%") ? " " : "", unit);
    return text_clean(buf);
}

/* One target of the edit, checked, as the dti.plan/1 object (new
 * reference in *OUT). I is its index, for the field named in errors. */
static dti_rc target_item(const json_t *t, size_t i, const struct years *y, json_t **out, dti_err *e)
{
    dti_rc rc = DTI_OK;
    char f[64], *text = NULL, *unit = NULL;
    plan_target pt[8];
    size_t np = 0;
    *out = NULL;
    memset(pt, 0, sizeof pt);
    if (!json_is_object(t)) {
        snprintf(f, sizeof f, "targets[%zu]", i);
        return dti_fail(e, DTI_ERR_INPUT, f, "%s phải là một đối tượng {year, text} hoặc {year, op, value, unit}",
                        "%s must be an object {year, text} or {year, op, value, unit}", f);
    }
    const char *k;
    json_t *v;
    json_object_foreach((json_t *)t, k, v) {
        if (strcmp(k, "year") && strcmp(k, "text") && strcmp(k, "op") && strcmp(k, "value") && strcmp(k, "unit")) {
            snprintf(f, sizeof f, "targets[%zu].%.32s", i, k);
            return dti_fail(e, DTI_ERR_INPUT, f, "không có trường %s", "no such field %s", f);
        }
    }
    json_t *jy = json_object_get(t, "year");
    snprintf(f, sizeof f, "targets[%zu].year", i);
    if (!json_is_integer(jy))
        return dti_fail(e, DTI_ERR_INPUT, f, "%s phải là một năm (số nguyên)", "%s must be a year (an integer)", f);
    json_int_t year = json_integer_value(jy);
    if (year < y->from || year > y->to)
        return dti_fail(e, DTI_ERR_INPUT, f, "năm %lld nằm ngoài các năm của kế hoạch (%d-%d)",
                        "year %lld is outside the plan's years (%d-%d)", (long long)year, y->from, y->to);
    json_t *jop = json_object_get(t, "op");
    snprintf(f, sizeof f, "targets[%zu].text", i);
    if (json_object_get(t, "text") && (rc = text_field(json_object_get(t, "text"), f, 1, 0, &text, e)))
        goto out;
    if (!jop) {
        /* the words, read as the importer reads them */
        if (!text) {
            rc = dti_fail(e, DTI_ERR_INPUT, f, "%s: cần nêu chỉ tiêu (ví dụ \"Đạt tối thiểu 70%%\")",
                          "%s: the target is missing (for example \"Đạt tối thiểu 70%%\")", f);
            goto out;
        }
        np = target_parse(text, (int)year, 0, pt, sizeof pt / sizeof pt[0]);
        size_t pick = np;
        for (size_t k2 = 0; k2 < np; k2++)
            if (pt[k2].year == (int)year) {
                pick = k2;
                break;
            }
        if (pick == np) {
            rc = dti_fail(e, DTI_ERR_INPUT, f,
                          "không đọc được chỉ tiêu năm %lld trong \"%.200s\" (cần một số, ví dụ \"Đạt tối thiểu "
                          "70%%\"; mục tiêu không có số thì ghi là định tính, op \"text\")",
                          "no target for %lld can be read in \"%.200s\" (a number is needed, for example \"Đạt "
                          "tối thiểu 70%%\"; a target without a number is marked qualitative, op \"text\")",
                          (long long)year, text);
            goto out;
        }
        if (pt[pick].op != TARGET_TEXT && (rc = target_value_ok(pt[pick].value, f, e)))
            goto out;
        *out = json_pack("{s:I, s:s, s:f, s:s, s:s}", "year", (json_int_t)year, "op", plan_op_str(pt[pick].op),
                         "value", pt[pick].value, "unit", pt[pick].unit ? pt[pick].unit : "", "text", text);
    } else {
        int op = json_is_string(jop) ? plan_op_parse(json_string_value(jop)) : -1;
        snprintf(f, sizeof f, "targets[%zu].op", i);
        if (op < 0) {
            rc = dti_fail(e, DTI_ERR_INPUT, f, "%s phải là >=, >, <=, <, = hoặc text", "%s must be >=, >, <=, <, = or text",
                          f);
            goto out;
        }
        if (op == TARGET_TEXT) {
            snprintf(f, sizeof f, "targets[%zu].text", i);
            if (!text) {
                rc = dti_fail(e, DTI_ERR_INPUT, f, "%s: chỉ tiêu không có số cần lời mô tả",
                              "%s: a target without a number needs its words", f);
                goto out;
            }
            *out = json_pack("{s:I, s:s, s:n, s:s, s:s}", "year", (json_int_t)year, "op", "text", "value", "unit",
                             "", "text", text);
        } else {
            json_t *jv = json_object_get(t, "value");
            double tv = 0;
            snprintf(f, sizeof f, "targets[%zu].value", i);
            if ((rc = target_value(jv, f, &tv, e)))
                goto out;
            snprintf(f, sizeof f, "targets[%zu].unit", i);
            if (json_object_get(t, "unit") && (rc = text_field(json_object_get(t, "unit"), f, 1, 0, &unit, e)))
                goto out;
            if (unit && strcmp(unit, "%") == 0 && (tv < 0 || tv > 100)) {
                snprintf(f, sizeof f, "targets[%zu].value", i);
                rc = dti_fail(e, DTI_ERR_INPUT, f, "%s: chỉ tiêu tỷ lệ phải từ 0 đến 100%% (đã ghi %g)",
                              "%s: a rate target must be 0 to 100%% (got %g)", f, tv);
                goto out;
            }
            if (!text && !(text = target_words((target_op)op, tv, unit ? unit : ""))) {
                rc = app_nomem(e);
                goto out;
            }
            *out = json_pack("{s:I, s:s, s:f, s:s, s:s}", "year", (json_int_t)year, "op", plan_op_str((target_op)op),
                             "value", tv, "unit", unit ? unit : "", "text", text);
        }
    }
    if (!*out)
        rc = app_nomem(e);
out:
    for (size_t k2 = 0; k2 < np; k2++)
        target_release(&pt[k2]);
    free(text);
    free(unit);
    return rc;
}

static dti_rc targets_field(const json_t *v, const struct years *y, json_t **out, dti_err *e)
{
    dti_rc rc;
    *out = NULL;
    if (!json_is_array(v))
        return dti_fail(e, DTI_ERR_INPUT, "targets", "targets phải là một danh sách", "targets must be a list");
    if (json_array_size(v) > PLANS_EDIT_TARGETS_MAX)
        return dti_fail(e, DTI_ERR_TOOBIG, "targets", "quá %d chỉ tiêu theo năm", "over %d yearly targets",
                        PLANS_EDIT_TARGETS_MAX);
    json_t *arr = json_array();
    if (!arr)
        return app_nomem(e);
    size_t i;
    json_t *t;
    json_array_foreach(v, i, t) {
        json_t *one = NULL;
        if ((rc = target_item(t, i, y, &one, e)))
            goto fail;
        json_int_t yr = json_integer_value(json_object_get(one, "year"));
        size_t k;
        json_t *o;
        json_array_foreach(arr, k, o)
            if (json_integer_value(json_object_get(o, "year")) == yr) {
                char f[64];
                snprintf(f, sizeof f, "targets[%zu].year", i);
                json_decref(one);
                rc = dti_fail(e, DTI_ERR_INPUT, f, "năm %lld có hai chỉ tiêu", "year %lld has two targets",
                              (long long)yr);
                goto fail;
            }
        /* ascending by year, as dti.plan/1 keeps them */
        size_t at = json_array_size(arr);
        json_array_foreach(arr, k, o)
            if (json_integer_value(json_object_get(o, "year")) > yr) {
                at = k;
                break;
            }
        if (json_array_insert_new(arr, at, one)) {
            rc = app_nomem(e);
            goto fail;
        }
    }
    *out = arr;
    return DTI_OK;
fail:
    json_decref(arr);
    return rc;
}

static dti_rc outputs_field(const json_t *v, json_t **out, dti_err *e)
{
    dti_rc rc;
    *out = NULL;
    if (!json_is_array(v))
        return dti_fail(e, DTI_ERR_INPUT, "outputs", "outputs phải là một danh sách văn bản",
                        "outputs must be a list of texts");
    if (json_array_size(v) > PLANS_EDIT_OUTPUTS_MAX)
        return dti_fail(e, DTI_ERR_TOOBIG, "outputs", "quá %d sản phẩm", "over %d outputs", PLANS_EDIT_OUTPUTS_MAX);
    json_t *arr = json_array();
    if (!arr)
        return app_nomem(e);
    size_t i;
    json_t *t;
    json_array_foreach(v, i, t) {
        char f[32], *s = NULL;
        snprintf(f, sizeof f, "outputs[%zu]", i);
        if ((rc = text_field(t, f, 0, 1, &s, e)))
            goto fail;
        int bad = json_array_append_new(arr, json_string(s));
        free(s);
        if (bad) {
            rc = app_nomem(e);
            goto fail;
        }
    }
    *out = arr;
    return DTI_OK;
fail:
    json_decref(arr);
    return rc;
}

/* Apply CH to the item object IT (dti.plan/1, changed in place), checking
 * every field. *GID gets the group's row id (0 for none). */
static dti_rc apply(store *s, int64_t plan_id, int is_task, const json_t *ch, json_t *it, int64_t *gid, dti_err *e)
{
    dti_rc rc = DTI_OK;
    static const char *ind_keys[] = {"name", "group", "due", "due_text", "basis", "targets", NULL};
    static const char *task_keys[] = {"name", "group", "due", "due_text", "funding", "outputs", NULL};
    const char **keys = is_task ? task_keys : ind_keys;
    const char *k;
    json_t *v;
    char *str = NULL;
    char *cur_group = NULL;

    if (!json_is_object(ch))
        return dti_fail(e, DTI_ERR_INPUT, "body", "cần một đối tượng JSON gồm các trường cần sửa",
                        "a JSON object of the fields to change is needed");
    if (json_object_size(ch) == 0)
        return dti_fail(e, DTI_ERR_INPUT, "body", "không có trường nào để sửa", "no field to change");
    json_object_foreach((json_t *)ch, k, v) {
        int ok = 0;
        for (size_t i = 0; keys[i]; i++)
            ok |= !strcmp(k, keys[i]);
        if (!ok) {
            char f[64];
            snprintf(f, sizeof f, "%.60s", k);
            return dti_fail(e, DTI_ERR_INPUT, f, "không sửa được trường %s của %s%.0s (sửa được: %s)",
                            "field %s of a %.0s%s cannot be changed (these can: %s)", f, kind_vi(is_task),
                            kind_en(is_task),
                            is_task ? "name, group, due, due_text, funding, outputs"
                                    : "name, group, due, due_text, basis, targets");
        }
    }
    if ((v = json_object_get(ch, "name"))) {
        if ((rc = text_field(v, "name", 0, 1, &str, e)))
            goto out;
        char *up = text_upper1(str);
        free(str);
        str = NULL;
        if (!up || (rc = set_str(it, "name", up, e))) {
            free(up);
            rc = rc ? rc : app_nomem(e);
            goto out;
        }
        free(up);
    }
    const char *g0 = json_string_value(json_object_get(it, "group"));
    if (g0 && !(cur_group = strdup(g0))) {
        rc = app_nomem(e);
        goto out;
    }
    if ((v = json_object_get(ch, "group"))) {
        if ((rc = text_field(v, "group", 1, 0, &str, e)) || (rc = set_str(it, "group", str, e)))
            goto out;
        free(str);
        str = NULL;
    }
    if ((rc = group_check(s, plan_id, json_string_value(json_object_get(it, "group")), cur_group, gid, e)))
        goto out;
    if ((v = json_object_get(ch, "due_text"))) {
        if ((rc = text_field(v, "due_text", 1, 0, &str, e)) || (rc = set_str(it, "due_text", str, e)))
            goto out;
        if (!json_object_get(ch, "due")) {
            char due[16];
            if ((rc = set_str(it, "due", str && due_parse(str, due) == 0 ? due : NULL, e)))
                goto out;
        }
        free(str);
        str = NULL;
    }
    if ((v = json_object_get(ch, "due"))) {
        if ((rc = text_field(v, "due", 1, 0, &str, e)))
            goto out;
        if (str && !due_valid(str)) {
            rc = dti_fail(e, DTI_ERR_INPUT, "due", "hạn \"%.40s\" phải có dạng YYYY-MM, YYYY-Qn, YYYY hoặc recurring",
                          "due \"%.40s\" must be YYYY-MM, YYYY-Qn, YYYY or recurring", str);
            goto out;
        }
        if ((rc = set_str(it, "due", str, e)))
            goto out;
        free(str);
        str = NULL;
    }
    const char *opt = is_task ? "funding" : "basis";
    if ((v = json_object_get(ch, opt))) {
        if ((rc = text_field(v, opt, 1, 0, &str, e)) || (rc = set_str(it, opt, str, e)))
            goto out;
        free(str);
        str = NULL;
    }
    if (!is_task && (v = json_object_get(ch, "targets"))) {
        struct years y;
        json_t *arr = NULL;
        if ((rc = plan_years(s, plan_id, &y, e)) || (rc = targets_field(v, &y, &arr, e)))
            goto out;
        if (json_object_set_new(it, "targets", arr)) {
            rc = app_nomem(e);
            goto out;
        }
    }
    if (is_task && (v = json_object_get(ch, "outputs"))) {
        json_t *arr = NULL;
        if ((rc = outputs_field(v, &arr, e)))
            goto out;
        if (json_object_set_new(it, "outputs", arr)) {
            rc = app_nomem(e);
            goto out;
        }
    }
out:
    free(str);
    free(cur_group);
    return rc;
}

static const char *jstr(const json_t *o, const char *k)
{
    return json_string_value(json_object_get(o, k));
}

/* Write the item object IT back to row ID. */
static dti_rc write_item(store *s, int is_task, int64_t id, const json_t *it, int64_t gid, dti_err *e)
{
    dti_rc rc;
    store_plan_item_in in = {jstr(it, "name"), jstr(it, "group"), gid, jstr(it, "due"), jstr(it, "due_text"),
                             jstr(it, is_task ? "funding" : "basis")};
    if ((rc = store_plan_item_update(s, is_task, id, &in, e)))
        return rc;
    size_t i;
    json_t *x;
    if (is_task) {
        if ((rc = store_plan_task_outputs_clear(s, id, e)))
            return rc;
        json_array_foreach(json_object_get(it, "outputs"), i, x)
            if ((rc = store_plan_task_output_add(s, id, (int64_t)i, json_string_value(x), e)))
                return rc;
        return DTI_OK;
    }
    if ((rc = store_plan_targets_clear(s, id, e)))
        return rc;
    json_array_foreach(json_object_get(it, "targets"), i, x) {
        json_t *val = json_object_get(x, "value");
        if ((rc = store_plan_target_add(s, id, json_integer_value(json_object_get(x, "year")), jstr(x, "op"),
                                        json_is_number(val), json_is_number(val) ? json_number_value(val) : 0,
                                        jstr(x, "unit"), jstr(x, "text"), e)))
            return rc;
    }
    return DTI_OK;
}

/* Add "id" and "kind" to the item object J (in place). */
static dti_rc with_id(json_t *j, int is_task, int64_t id, dti_err *e)
{
    if (json_object_set_new(j, "id", json_integer((json_int_t)id)) ||
        json_object_set_new(j, "kind", json_string(is_task ? "task" : "indicator")))
        return app_nomem(e);
    return DTI_OK;
}

static dti_rc edit(store *s, const auth_user *u, int64_t plan_id, int is_task, const char *code, const char *group,
                   const json_t *changes, time_t now, json_t **out, dti_err *e)
{
    dti_rc rc;
    int in_tx = 0;
    int64_t id = 0, gid = 0;
    json_t *before = NULL, *it = NULL, *after = NULL;
    if (out)
        *out = NULL;
    if ((rc = store_begin(s, e)))
        return rc;
    in_tx = 1;
    if ((rc = find_as(s, u, plan_id, is_task, code, group, &id, e)) ||
        (rc = auth_can_plan(s, u, AUTH_PLAN_WRITE, plan_id, e)))
        goto out;
    if ((rc = item_json(s, plan_id, is_task, id, &before, e)))
        goto out;
    if (!(it = json_deep_copy(before))) {
        rc = app_nomem(e);
        goto out;
    }
    if ((rc = apply(s, plan_id, is_task, changes, it, &gid, e)))
        goto out;
    if (json_equal(before, it)) {   /* nothing changes: nothing to write or log */
        after = json_incref(before);
    } else if ((rc = write_item(s, is_task, id, it, gid, e)) || (rc = item_json(s, plan_id, is_task, id, &after, e)) ||
               (rc = audit_append_id(s, u, now, is_task ? "task.edit" : "indicator.edit",
                                     is_task ? "task" : "indicator", id, before, after, e))) {
        goto out;
    }
    if ((rc = store_commit(s, e)))
        goto out;
    in_tx = 0;
    if (out) {
        if ((rc = with_id(after, is_task, id, e)))
            goto out;
        *out = after;
        after = NULL;
    }
out:
    if (in_tx)
        store_rollback(s);
    json_decref(before);
    json_decref(it);
    json_decref(after);
    return rc;
}

/* ---- reassigning ------------------------------------------------------------------ */

/* The org ids of V (a list of positive integers) for ROLE into IDS. */
static dti_rc org_ids(const json_t *v, const char *role, int64_t *ids, size_t *n, dti_err *e)
{
    size_t i;
    json_t *x;
    *n = 0;
    if (!json_is_array(v))
        return dti_fail(e, DTI_ERR_INPUT, role, "%s phải là danh sách mã đơn vị", "%s must be a list of org ids",
                        role);
    if (json_array_size(v) > PLANS_ASSIGN_ORGS_MAX)
        return dti_fail(e, DTI_ERR_TOOBIG, role, "%s: quá %d đơn vị", "%s: over %d orgs", role, PLANS_ASSIGN_ORGS_MAX);
    json_array_foreach(v, i, x) {
        if (!json_is_integer(x) || json_integer_value(x) <= 0)
            return dti_fail(e, DTI_ERR_INPUT, role, "%s[%zu] phải là mã đơn vị (số nguyên dương)",
                            "%s[%zu] must be an org id (a positive integer)", role, i);
        ids[(*n)++] = (int64_t)json_integer_value(x);
    }
    return DTI_OK;
}

static dti_rc assign_as(store *s, const auth_user *u, int64_t plan_id, int is_task, const char *code,
                        const char *group, const json_t *body, time_t now, json_t **out, dti_err *e)
{
    static const char *roles[2] = {"lead", "support"};
    dti_rc rc;
    int in_tx = 0;
    int64_t id = 0;
    int64_t ids[2][PLANS_ASSIGN_ORGS_MAX];
    size_t n[2] = {0, 0};
    json_t *list = NULL, *v;
    const char *k;
    if (out)
        *out = NULL;
    if ((rc = store_begin(s, e)))
        return rc;
    in_tx = 1;
    /* who first: a foreign user learns nothing from a bad body */
    if ((rc = find_as(s, u, plan_id, is_task, code, group, &id, e)) ||
        (rc = auth_can_plan(s, u, AUTH_PLAN_WRITE, plan_id, e)))
        goto out;
    if (!json_is_object(body)) {
        rc = dti_fail(e, DTI_ERR_INPUT, "body", "cần {\"lead\": [mã đơn vị], \"support\": [mã đơn vị]}",
                      "{\"lead\": [org ids], \"support\": [org ids]} is needed");
        goto out;
    }
    json_object_foreach((json_t *)body, k, v) {
        if (strcmp(k, "lead") && strcmp(k, "support")) {
            char f[64];
            snprintf(f, sizeof f, "%.60s", k);
            rc = dti_fail(e, DTI_ERR_INPUT, f, "không có trường %s (chỉ lead và support)",
                          "no field %s (only lead and support)", f);
            goto out;
        }
    }
    if (!json_object_get(body, "lead") && !json_object_get(body, "support")) {
        rc = dti_fail(e, DTI_ERR_INPUT, "lead", "cần lead hoặc support", "lead or support is needed");
        goto out;
    }
    for (int r = 0; r < 2; r++)
        if (json_object_get(body, roles[r]) &&
            (rc = org_ids(json_object_get(body, roles[r]), roles[r], ids[r], &n[r], e)))
            goto out;
    for (int r = 0; r < 2; r++) {
        if (!json_object_get(body, roles[r]))
            continue;
        if ((rc = plans_assign_set_item_as(s, u, plan_id, is_task, id, roles[r], ids[r], n[r], now, e))) {
            if (e && !strcmp(e->field, "org"))     /* name the list the client sent */
                snprintf(e->field, sizeof e->field, "%s", roles[r]);
            goto out;
        }
    }
    if ((rc = store_commit(s, e)))
        goto out;
    in_tx = 0;
    if (out) {
        if ((rc = plans_assign_list_as(s, u, plan_id, &list, e)))
            goto out;
        size_t i;
        json_array_foreach(list, i, v) {
            if (json_integer_value(json_object_get(v, "id")) == id &&
                !strcmp(jstr(v, "kind") ? jstr(v, "kind") : "", is_task ? "task" : "indicator")) {
                *out = json_incref(v);
                break;
            }
        }
        if (!*out)
            rc = dti_fail(e, DTI_ERR_INTERNAL, NULL, "không đọc lại được phân công", "cannot read the assignment back");
    }
out:
    if (in_tx)
        store_rollback(s);
    json_decref(list);
    return rc;
}

/* ---- the units to choose from ------------------------------------------------------ */

struct units_ctx {
    json_t *units;
    int nomem;
};

static int unit_fn(void *ctx, const store_row *r)
{
    struct units_ctx *c = ctx;
    size_t n = json_array_size(c->units);
    json_t *last = n ? json_array_get(c->units, n - 1) : NULL;
    int64_t id = r->v[0].i;
    if (!last || json_integer_value(json_object_get(last, "id")) != id) {
        last = json_pack("{s:I, s:s, s:[]}", "id", (json_int_t)id, "name", app_col(r, 1) ? app_col(r, 1) : "",
                         "aliases");
        if (!last || json_array_append_new(c->units, last)) {
            c->nomem = 1;
            return 1;
        }
    }
    if (app_col(r, 2) && json_array_append_new(json_object_get(last, "aliases"), json_string(app_col(r, 2))))
        c->nomem = 1;
    return c->nomem;
}

static dti_rc units_as(store *s, const auth_user *u, int64_t plan_id, json_t **out, dti_err *e)
{
    dti_rc rc;
    int64_t porg = 0;
    char *cname = NULL;
    struct units_ctx c = {NULL, 0};
    *out = NULL;
    if ((rc = auth_can_plan(s, u, AUTH_READ, plan_id, e)))
        return rc;
    if ((rc = store_plan_org(s, plan_id, &porg, NULL, e)))
        return rc;
    if (!(c.units = json_array()))
        return app_nomem(e);
    if (porg) {
        if ((rc = store_org_name(s, porg, &cname, e)) ||
            (rc = store_org_children_aliases(s, porg, unit_fn, &c, e)))
            goto fail;
        if (c.nomem) {
            rc = app_nomem(e);
            goto fail;
        }
    }
    *out = json_pack("{s:o, s:o}", "commune",
                     porg ? json_pack("{s:I, s:s}", "id", (json_int_t)porg, "name", cname ? cname : "") : json_null(),
                     "units", c.units);
    c.units = NULL;
    free(cname);
    return *out ? DTI_OK : app_nomem(e);
fail:
    json_decref(c.units);
    free(cname);
    return rc;
}

/* ---- the context's way in ---------------------------------------------------- */

dti_rc plans_edit_find(app *a, int64_t plan_id, int is_task, const char *code, const char *group, int64_t *id,
                       dti_err *e)
{
    *id = 0;
    auth_user u;
    dti_rc rc = app_actor(a, &u, NULL, e);
    if (rc)
        return rc;
    return find_as(a->st, &u, plan_id, is_task, code, group, id, e);
}

dti_rc plans_edit_indicator(app *a, int64_t plan_id, const char *code, const char *group, const json_t *changes,
                            json_t **out, dti_err *e)
{
    if (out)
        *out = NULL;
    auth_user u;
    dti_rc rc = app_actor(a, &u, NULL, e);
    if (rc)
        return rc;
    return edit(a->st, &u, plan_id, 0, code, group, changes, a->now, out, e);
}

dti_rc plans_edit_task(app *a, int64_t plan_id, const char *code, const char *group, const json_t *changes,
                       json_t **out, dti_err *e)
{
    if (out)
        *out = NULL;
    auth_user u;
    dti_rc rc = app_actor(a, &u, NULL, e);
    if (rc)
        return rc;
    return edit(a->st, &u, plan_id, 1, code, group, changes, a->now, out, e);
}

dti_rc plans_edit_assign(app *a, int64_t plan_id, int is_task, const char *code, const char *group,
                         const json_t *body, json_t **out, dti_err *e)
{
    if (out)
        *out = NULL;
    auth_user u;
    dti_rc rc = app_actor(a, &u, NULL, e);
    if (rc)
        return rc;
    return assign_as(a->st, &u, plan_id, is_task, code, group, body, a->now, out, e);
}

dti_rc plans_edit_units(app *a, int64_t plan_id, json_t **out, dti_err *e)
{
    *out = NULL;
    auth_user u;
    dti_rc rc = app_actor(a, &u, NULL, e);
    if (rc)
        return rc;
    return units_as(a->st, &u, plan_id, out, e);
}
