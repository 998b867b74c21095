/* opendata.c — the CSV and JSON open data of opendata.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "base/buf.h"
#include "export/opendata.h"

static void field(buf *b, const char *s, int last)
{
    if (!s)
        s = "";
    if (strpbrk(s, ",\"\r\n")) {
        buf_addc(b, '"');
        for (const char *p = s; *p; p++) {
            if (*p == '"')
                buf_addc(b, '"');
            buf_addc(b, *p);
        }
        buf_addc(b, '"');
    } else {
        buf_adds(b, s);
    }
    buf_adds(b, last ? "\r\n" : ",");
}

static const char *num(int has, double v, char out[40])
{
    if (!has)
        return "";
    snprintf(out, 40, "%.10g", v);
    return out;
}

dti_rc export_opendata_csv(const export_report *r, void **data, size_t *len, dti_err *e)
{
    static const char *const cols[] = {"commune", "province", "plan_id", "period", "judged_on", "group", "code",
                                       "indicator", "unit", "target_op", "target", "value", "met", "achievement",
                                       "status", "lead", "evidence_files", "audit_head"};
    const size_t ncols = sizeof cols / sizeof cols[0];
    buf b;
    char a[40], c[40], pid[24], ev[24];
    buf_init(&b, BUF_DEFAULT_MAX);
    buf_adds(&b, "\xEF\xBB\xBF");
    for (size_t i = 0; i < ncols; i++)
        field(&b, cols[i], i + 1 == ncols);
    snprintf(pid, sizeof pid, "%lld", (long long)r->plan_id);
    for (size_t i = 0; i < r->ninds; i++) {
        const export_indicator *x = &r->inds[i];
        snprintf(ev, sizeof ev, "%zu", x->evidence);
        const char *group = x->group;
        for (size_t g = 0; g < r->ngroups; g++)
            if (x->group && r->groups[g].code && strcmp(x->group, r->groups[g].code) == 0 && r->groups[g].name)
                group = r->groups[g].name;
        field(&b, r->commune, 0);
        field(&b, r->province, 0);
        field(&b, pid, 0);
        field(&b, r->period, 0);
        field(&b, r->asof, 0);
        field(&b, group, 0);
        field(&b, x->code, 0);
        field(&b, x->name, 0);
        field(&b, x->unit, 0);
        field(&b, x->has_target ? x->op : "", 0);
        field(&b, num(x->has_target, x->target, a), 0);
        field(&b, num(x->has_value, x->value, c), 0);
        field(&b, x->verdict < 0 ? "" : x->verdict ? "1" : "0", 0);
        field(&b, num(x->has_achievement, x->achievement, a), 0);
        field(&b, x->status, 0);
        field(&b, x->lead, 0);
        field(&b, ev, 0);
        field(&b, r->audit_head, 1);
    }
    if (buf_failed(&b)) {
        buf_release(&b);
        return dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
    }
    *len = b.len;
    *data = buf_detach(&b);
    return DTI_OK;
}

static json_t *jnum_or_null(int has, double v)
{
    return has ? json_real(v) : json_null();
}

static json_t *jstr_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

dti_rc export_opendata_json(const export_report *r, void **data, size_t *len, dti_err *e)
{
    json_t *inds = json_array();
    json_t *j = json_pack("{s:o, s:o, s:I, s:s, s:s, s:s, s:o, s:f, s:f, s:{s:I, s:I, s:I}, s:o, s:s}",
                          "commune", jstr_or_null(r->commune), "province", jstr_or_null(r->province),
                          "plan_id", (json_int_t)r->plan_id, "period", r->period, "scored_period", r->scored_period,
                          "judged_on", r->asof, "index", jnum_or_null(r->has_index, r->index), "points", r->points,
                          "max", r->max, "completeness", "expected", (json_int_t)r->expected, "received",
                          (json_int_t)r->received, "on_time", (json_int_t)r->on_time, "audit_head",
                          jstr_or_null(r->audit_head), "exported_at", r->created);
    char *s = NULL;
    if (!inds || !j)
        goto nomem;
    for (size_t i = 0; i < r->ninds; i++) {
        const export_indicator *x = &r->inds[i];
        json_t *t = x->has_target ? json_pack("{s:s, s:f}", "op", x->op, "value", x->target) : json_null();
        json_t *o = json_pack("{s:o, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:s, s:o, s:I}", "group",
                              jstr_or_null(x->group), "code", x->code, "name", jstr_or_null(x->name), "unit",
                              jstr_or_null(x->unit), "target", t ? t : json_null(), "target_text",
                              jstr_or_null(x->target_text), "value", jnum_or_null(x->has_value, x->value), "met",
                              x->verdict < 0 ? json_null() : json_boolean(x->verdict), "achievement",
                              jnum_or_null(x->has_achievement, x->achievement), "status", x->status, "lead",
                              jstr_or_null(x->lead), "evidence_files", (json_int_t)x->evidence);
        if (!o || json_array_append_new(inds, o))
            goto nomem;
    }
    if (json_object_set_new(j, "indicators", inds))
        goto nomem_j;
    inds = NULL;
    if (!(s = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER)))
        goto nomem_j;
    json_decref(j);
    *len = strlen(s);
    *data = s;
    return DTI_OK;
nomem:
    json_decref(inds);
nomem_j:
    json_decref(j);
    return dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
}
