/* plan.c — the plan model and its dti.plan/1 JSON form.
 *
 * JSON keys are written in the order of the spec so that two equal plans
 * print byte for byte the same (the import/export round trip test holds it). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "base/text.h"
#include "core/plan.h"

plan *plan_new(void)
{
    return calloc(1, sizeof(plan));
}

static void ind_free(plan_indicator *i)
{
    if (!i)
        return;
    free(i->code); free(i->group); free(i->name);
    for (size_t k = 0; k < i->ntargets; k++) {
        free(i->targets[k].unit);
        free(i->targets[k].text);
    }
    free(i->targets);
    strlist_release(&i->lead);
    strlist_release(&i->support);
    free(i->due); free(i->due_text); free(i->basis); free(i->action);
    json_decref(i->x);
    free(i);
}

static void task_free(plan_task *t)
{
    if (!t)
        return;
    free(t->code); free(t->group); free(t->name);
    strlist_release(&t->lead);
    strlist_release(&t->support);
    strlist_release(&t->outputs);
    free(t->due); free(t->due_text); free(t->funding);
    json_decref(t->x);
    free(t);
}

void plan_free(plan *p)
{
    if (!p)
        return;
    free(p->title); free(p->commune); free(p->province); free(p->number); free(p->issued);
    for (size_t i = 0; i < p->ngroups; i++) {
        free(p->groups[i]->code);
        free(p->groups[i]->name);
        free(p->groups[i]);
    }
    free(p->groups);
    for (size_t i = 0; i < p->nindicators; i++)
        ind_free(p->indicators[i]);
    free(p->indicators);
    for (size_t i = 0; i < p->ntasks; i++)
        task_free(p->tasks[i]);
    free(p->tasks);
    json_decref(p->x);
    free(p);
}

static int push(void ***arr, size_t *n, void *item)
{
    void **a = realloc(*arr, (*n + 1) * sizeof *a);
    if (!a)
        return -1;
    a[(*n)++] = item;
    *arr = a;
    return 0;
}

plan_group *plan_add_group(plan *p, const char *code, const char *name)
{
    plan_group *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    g->code = strdup(code ? code : "");
    g->name = strdup(name ? name : "");
    if (!g->code || !g->name || push((void ***)&p->groups, &p->ngroups, g)) {
        free(g->code); free(g->name); free(g);
        return NULL;
    }
    return g;
}

plan_indicator *plan_add_indicator(plan *p)
{
    plan_indicator *i = calloc(1, sizeof *i);
    if (!i || push((void ***)&p->indicators, &p->nindicators, i)) {
        free(i);
        return NULL;
    }
    return i;
}

plan_task *plan_add_task(plan *p)
{
    plan_task *t = calloc(1, sizeof *t);
    if (!t || push((void ***)&p->tasks, &p->ntasks, t)) {
        free(t);
        return NULL;
    }
    return t;
}

int plan_indicator_add_target(plan_indicator *ind, int year, target_op op, int has_value,
                              double value, const char *unit, const char *text)
{
    char *u = strdup(unit ? unit : ""), *t = text ? strdup(text) : NULL;
    if (!u || (text && !t)) {
        free(u); free(t);
        return -1;
    }
    for (size_t k = 0; k < ind->ntargets; k++) {
        if (ind->targets[k].year == year) {
            free(ind->targets[k].unit);
            free(ind->targets[k].text);
            ind->targets[k] = (plan_target){year, op, has_value, has_value ? value : 0, u, t};
            return 0;
        }
    }
    plan_target *a = realloc(ind->targets, (ind->ntargets + 1) * sizeof *a);
    if (!a) {
        free(u); free(t);
        return -1;
    }
    ind->targets = a;
    size_t pos = ind->ntargets;
    while (pos > 0 && a[pos - 1].year > year) {
        a[pos] = a[pos - 1];
        pos--;
    }
    a[pos] = (plan_target){year, op, has_value, has_value ? value : 0, u, t};
    ind->ntargets++;
    return 0;
}

plan_group *plan_find_group(const plan *p, const char *code)
{
    for (size_t i = 0; code && i < p->ngroups; i++)
        if (strcmp(p->groups[i]->code, code) == 0)
            return p->groups[i];
    return NULL;
}

static const char *const OPS[] = {">=", ">", "<=", "<", "=", "text"};

const char *plan_op_str(target_op op)
{
    return (unsigned)op <= TARGET_TEXT ? OPS[op] : "text";
}

int plan_op_parse(const char *s)
{
    for (int i = 0; s && i <= TARGET_TEXT; i++)
        if (strcmp(s, OPS[i]) == 0)
            return i;
    return -1;
}

/* ---- to JSON ---- */

static json_t *jstr(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *jlist(const strlist *l)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < l->n; i++)
        json_array_append_new(a, json_string(l->v[i]));
    return a;
}

static json_t *jnum(double v)
{
    /* integers print without a fraction: 70, not 70.0 */
    if (fabs(v) < 1e15 && v == floor(v))
        return json_integer((json_int_t)v);
    return json_real(v);
}

json_t *plan_to_json(const plan *p)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    json_object_set_new(o, "schema", json_string("dti.plan/1"));
    json_object_set_new(o, "title", jstr(p->title));
    json_object_set_new(o, "commune", jstr(p->commune));
    json_object_set_new(o, "province", jstr(p->province));
    json_object_set_new(o, "number", jstr(p->number));
    json_object_set_new(o, "issued", jstr(p->issued));
    json_t *ga = json_array();
    for (size_t i = 0; i < p->ngroups; i++) {
        json_t *g = json_object();
        json_object_set_new(g, "code", jstr(p->groups[i]->code));
        json_object_set_new(g, "name", jstr(p->groups[i]->name));
        json_array_append_new(ga, g);
    }
    json_object_set_new(o, "groups", ga);
    json_t *ia = json_array();
    for (size_t i = 0; i < p->nindicators; i++) {
        const plan_indicator *d = p->indicators[i];
        json_t *j = json_object();
        json_object_set_new(j, "code", jstr(d->code));
        json_object_set_new(j, "group", jstr(d->group));
        json_object_set_new(j, "name", jstr(d->name));
        json_t *ta = json_array();
        for (size_t k = 0; k < d->ntargets; k++) {
            const plan_target *t = &d->targets[k];
            json_t *tj = json_object();
            json_object_set_new(tj, "year", json_integer(t->year));
            json_object_set_new(tj, "op", json_string(plan_op_str(t->op)));
            json_object_set_new(tj, "value", t->has_value ? jnum(t->value) : json_null());
            json_object_set_new(tj, "unit", json_string(t->unit ? t->unit : ""));
            json_object_set_new(tj, "text", jstr(t->text));
            json_array_append_new(ta, tj);
        }
        json_object_set_new(j, "targets", ta);
        json_object_set_new(j, "lead", jlist(&d->lead));
        json_object_set_new(j, "support", jlist(&d->support));
        json_object_set_new(j, "due", jstr(d->due));
        json_object_set_new(j, "due_text", jstr(d->due_text));
        json_object_set_new(j, "basis", jstr(d->basis));
        json_object_set_new(j, "action", jstr(d->action));
        if (d->x)
            json_object_set(j, "x", d->x);
        json_array_append_new(ia, j);
    }
    json_object_set_new(o, "indicators", ia);
    json_t *ka = json_array();
    for (size_t i = 0; i < p->ntasks; i++) {
        const plan_task *t = p->tasks[i];
        json_t *j = json_object();
        json_object_set_new(j, "code", jstr(t->code));
        json_object_set_new(j, "group", jstr(t->group));
        json_object_set_new(j, "name", jstr(t->name));
        json_object_set_new(j, "lead", jlist(&t->lead));
        json_object_set_new(j, "support", jlist(&t->support));
        json_object_set_new(j, "outputs", jlist(&t->outputs));
        json_object_set_new(j, "due", jstr(t->due));
        json_object_set_new(j, "due_text", jstr(t->due_text));
        json_object_set_new(j, "funding", jstr(t->funding));
        if (t->x)
            json_object_set(j, "x", t->x);
        json_array_append_new(ka, j);
    }
    json_object_set_new(o, "tasks", ka);
    if (p->x)
        json_object_set(o, "x", p->x);
    return o;
}

char *plan_to_string(const plan *p)
{
    json_t *j = plan_to_json(p);
    if (!j)
        return NULL;
    char *s = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
    json_decref(j);
    if (!s)
        return NULL;
    size_t n = strlen(s);
    char *r = realloc(s, n + 2);
    if (!r) {
        free(s);
        return NULL;
    }
    r[n] = '\n';
    r[n + 1] = 0;
    return r;
}

/* ---- from JSON ---- */

/* Limits on what plan_from_json accepts (STYLE.md rule 5). */
#define PLAN_MAX_ITEMS 100000       /* groups, indicators, tasks, targets, names */

/* "WHERE.KEY" (or KEY at the top level) into OUT: the field named in errors. */
static const char *path_of(char *out, size_t n, const char *where, const char *key)
{
    if (where && *where)
        snprintf(out, n, "%s.%s", where, key);
    else
        snprintf(out, n, "%s", key);
    return out;
}

static dti_rc get_str(const json_t *o, const char *key, char **out, int required,
                      const char *where, dti_err *e)
{
    char f[128];
    json_t *v = json_object_get(o, key);
    *out = NULL;
    if (!v || json_is_null(v)) {
        if (required)
            return dti_fail(e, DTI_ERR_INPUT, path_of(f, sizeof f, where, key),
                            "%s: thiếu trường bắt buộc", "%s: required field missing", f);
        return DTI_OK;
    }
    if (!json_is_string(v))
        return dti_fail(e, DTI_ERR_INPUT, path_of(f, sizeof f, where, key), "%s: phải là chuỗi",
                        "%s: must be a string", f);
    *out = text_clean(json_string_value(v));
    return *out ? DTI_OK : dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
}

/* The array at O.KEY into *OUT (NULL when absent or null); anything else,
 * or more than PLAN_MAX_ITEMS items, is refused. */
static dti_rc get_array(const json_t *o, const char *key, json_t **out, const char *where, dti_err *e)
{
    char f[128];
    json_t *v = json_object_get(o, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return DTI_OK;
    if (!json_is_array(v))
        return dti_fail(e, DTI_ERR_INPUT, path_of(f, sizeof f, where, key), "%s: phải là danh sách",
                        "%s: must be a list", f);
    if (json_array_size(v) > PLAN_MAX_ITEMS)
        return dti_fail(e, DTI_ERR_TOOBIG, path_of(f, sizeof f, where, key),
                        "%s: quá %d mục", "%s: more than %d items", f, PLAN_MAX_ITEMS);
    *out = v;
    return DTI_OK;
}

/* Each item of a list of objects must be an object. */
static dti_rc check_object(const json_t *v, const char *where, dti_err *e)
{
    if (json_is_object(v))
        return DTI_OK;
    return dti_fail(e, DTI_ERR_INPUT, where, "%s: phải là đối tượng", "%s: must be an object", where);
}

static dti_rc get_list(const json_t *o, const char *key, strlist *l, const char *where, dti_err *e)
{
    char f[128];
    json_t *v;
    dti_rc rc = get_array(o, key, &v, where, e);
    if (rc || !v)
        return rc;
    size_t i;
    json_t *s;
    json_array_foreach(v, i, s) {
        if (!json_is_string(s)) {
            char fi[160];
            snprintf(fi, sizeof fi, "%s[%zu]", path_of(f, sizeof f, where, key), i);
            return dti_fail(e, DTI_ERR_INPUT, fi, "%s: phải là chuỗi", "%s: must be a string", fi);
        }
        if (strlist_take(l, text_clean(json_string_value(s))))
            return dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
    }
    return DTI_OK;
}

static dti_rc get_x(const json_t *o, json_t **x, const char *where, dti_err *e)
{
    char f[128];
    json_t *v = json_object_get(o, "x");
    if (!v || json_is_null(v))
        return DTI_OK;
    if (!json_is_object(v))
        return dti_fail(e, DTI_ERR_INPUT, path_of(f, sizeof f, where, "x"), "%s: phải là đối tượng",
                        "%s: must be an object", f);
    if (!(*x = json_deep_copy(v)))
        return dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
    return DTI_OK;
}

dti_rc plan_from_json(const json_t *j, plan **out, dti_err *e)
{
    dti_rc rc;
    char where[64];
    json_t *groups, *indicators, *tasks;
    *out = NULL;
    if (!json_is_object(j))
        return dti_fail(e, DTI_ERR_INPUT, "", "kế hoạch phải là một đối tượng JSON",
                        "a plan must be a JSON object");
    const char *schema = json_string_value(json_object_get(j, "schema"));
    if (!schema || strcmp(schema, "dti.plan/1") != 0)
        return dti_fail(e, DTI_ERR_INPUT, "schema", "schema: phải là \"dti.plan/1\"",
                        "schema: must be \"dti.plan/1\"");
    plan *p = plan_new();
    if (!p)
        return dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
    if ((rc = get_str(j, "title", &p->title, 0, "", e)) ||
        (rc = get_str(j, "commune", &p->commune, 0, "", e)) ||
        (rc = get_str(j, "province", &p->province, 0, "", e)) ||
        (rc = get_str(j, "number", &p->number, 0, "", e)) ||
        (rc = get_str(j, "issued", &p->issued, 0, "", e)) ||
        (rc = get_x(j, &p->x, "", e)) ||
        (rc = get_array(j, "groups", &groups, "", e)) ||
        (rc = get_array(j, "indicators", &indicators, "", e)) ||
        (rc = get_array(j, "tasks", &tasks, "", e)))
        goto fail;
    size_t i;
    json_t *v;
    json_array_foreach(groups, i, v) {
        snprintf(where, sizeof where, "groups[%zu]", i);
        char *code = NULL, *name = NULL;
        if ((rc = check_object(v, where, e)) ||
            (rc = get_str(v, "code", &code, 1, where, e)) ||
            (rc = get_str(v, "name", &name, 0, where, e))) {
            free(code); free(name);
            goto fail;
        }
        plan_group *g = plan_add_group(p, code, name ? name : "");
        free(code); free(name);
        if (!g) {
            rc = dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
            goto fail;
        }
    }
    json_array_foreach(indicators, i, v) {
        snprintf(where, sizeof where, "indicators[%zu]", i);
        if ((rc = check_object(v, where, e)))
            goto fail;
        plan_indicator *d = plan_add_indicator(p);
        if (!d) {
            rc = dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
            goto fail;
        }
        json_t *targets;
        if ((rc = get_str(v, "code", &d->code, 1, where, e)) ||
            (rc = get_str(v, "group", &d->group, 0, where, e)) ||
            (rc = get_str(v, "name", &d->name, 1, where, e)) ||
            (rc = get_array(v, "targets", &targets, where, e)) ||
            (rc = get_list(v, "lead", &d->lead, where, e)) ||
            (rc = get_list(v, "support", &d->support, where, e)) ||
            (rc = get_str(v, "due", &d->due, 0, where, e)) ||
            (rc = get_str(v, "due_text", &d->due_text, 0, where, e)) ||
            (rc = get_str(v, "basis", &d->basis, 0, where, e)) ||
            (rc = get_str(v, "action", &d->action, 0, where, e)) ||
            (rc = get_x(v, &d->x, where, e)))
            goto fail;
        size_t k;
        json_t *t;
        json_array_foreach(targets, k, t) {
            char tw[96], f[128];
            snprintf(tw, sizeof tw, "%s.targets[%zu]", where, k);
            if ((rc = check_object(t, tw, e)))
                goto fail;
            json_t *yv = json_object_get(t, "year"), *vv = json_object_get(t, "value");
            json_t *uv = json_object_get(t, "unit"), *xv = json_object_get(t, "text");
            int op = plan_op_parse(json_string_value(json_object_get(t, "op")));
            if (!json_is_integer(yv) || json_integer_value(yv) < 1900 || json_integer_value(yv) > 2200) {
                rc = dti_fail(e, DTI_ERR_INPUT, path_of(f, sizeof f, tw, "year"),
                              "%s: năm không hợp lệ", "%s: not a valid year", f);
                goto fail;
            }
            if (op < 0) {
                rc = dti_fail(e, DTI_ERR_INPUT, path_of(f, sizeof f, tw, "op"),
                              "%s: phải là >=, >, <=, <, = hoặc text",
                              "%s: must be >=, >, <=, <, = or text", f);
                goto fail;
            }
            if ((op != TARGET_TEXT && !json_is_number(vv)) ||
                (op == TARGET_TEXT && vv && !json_is_null(vv) && !json_is_number(vv))) {
                rc = dti_fail(e, DTI_ERR_INPUT, path_of(f, sizeof f, tw, "value"),
                              "%s: phải là số", "%s: must be a number", f);
                goto fail;
            }
            if ((uv && !json_is_null(uv) && !json_is_string(uv)) ||
                (xv && !json_is_null(xv) && !json_is_string(xv))) {
                const char *key = uv && !json_is_null(uv) && !json_is_string(uv) ? "unit" : "text";
                rc = dti_fail(e, DTI_ERR_INPUT, path_of(f, sizeof f, tw, key),
                              "%s: phải là chuỗi", "%s: must be a string", f);
                goto fail;
            }
            if (plan_indicator_add_target(d, (int)json_integer_value(yv), (target_op)op,
                                          json_is_number(vv), json_number_value(vv),
                                          json_string_value(uv), json_string_value(xv))) {
                rc = dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
                goto fail;
            }
        }
    }
    json_array_foreach(tasks, i, v) {
        snprintf(where, sizeof where, "tasks[%zu]", i);
        if ((rc = check_object(v, where, e)))
            goto fail;
        plan_task *t = plan_add_task(p);
        if (!t) {
            rc = dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
            goto fail;
        }
        if ((rc = get_str(v, "code", &t->code, 1, where, e)) ||
            (rc = get_str(v, "group", &t->group, 0, where, e)) ||
            (rc = get_str(v, "name", &t->name, 1, where, e)) ||
            (rc = get_list(v, "lead", &t->lead, where, e)) ||
            (rc = get_list(v, "support", &t->support, where, e)) ||
            (rc = get_list(v, "outputs", &t->outputs, where, e)) ||
            (rc = get_str(v, "due", &t->due, 0, where, e)) ||
            (rc = get_str(v, "due_text", &t->due_text, 0, where, e)) ||
            (rc = get_str(v, "funding", &t->funding, 0, where, e)) ||
            (rc = get_x(v, &t->x, where, e)))
            goto fail;
    }
    *out = p;
    return DTI_OK;
fail:
    plan_free(p);
    return rc;
}
