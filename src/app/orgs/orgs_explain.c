/* orgs_explain.c — what a ranking or a list of a period says of the
 * changes around it (orgs.h: orgs_explain, orgs_communes_on). A period is
 * judged on its last day, as completeness and the units' ranking judge who
 * owed it: an org is listed when in force that day, under the name it had
 * then, and its row explains a merger, closure or rename on either side. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app_util.h"
#include "app/orgs/orgs.h"
#include "app/score/score.h"
#include "base/lang.h"
#include "core/period.h"
#include "store/store_org_change.h"

/* TEXT (a local buffer) in the thread's language. */
#define SAY(vi, en, a1, a2) \
    (lang_get() == LANG_EN ? snprintf(text, sizeof text, en, a1, a2) \
                           : snprintf(text, sizeof text, vi, a1, a2))

struct change {
    int64_t id, after;
    char kind[8];
    char day[PERIOD_DATE_LEN];
    char *after_name;
    char *before;           /* "A và B" */
    int is_before;          /* the org is among the orgs before */
};

struct changes {
    int64_t org;
    struct change v[32];
    size_t n;
    int nomem;
};

static int row(void *ctx, const store_row *r)
{
    struct changes *c = ctx;
    struct change *x = c->n ? &c->v[c->n - 1] : NULL;
    if (!x || x->id != r->v[0].i) {
        if (c->n == sizeof c->v / sizeof c->v[0])
            return 1;
        x = &c->v[c->n++];
        memset(x, 0, sizeof *x);
        x->id = r->v[0].i;
        snprintf(x->kind, sizeof x->kind, "%s", app_col(r, 1) ? app_col(r, 1) : "");
        snprintf(x->day, sizeof x->day, "%s", app_col(r, 2) ? app_col(r, 2) : "");
        x->after = r->v[3].t == SV_NULL ? 0 : r->v[3].i;
        if (app_col(r, 4) && !(x->after_name = strdup(app_col(r, 4))))
            c->nomem = 1;
    }
    const char *nm = app_col(r, 6) ? app_col(r, 6) : "";
    if (r->v[5].i == c->org)
        x->is_before = 1;
    size_t have = x->before ? strlen(x->before) : 0;
    const char *sep = TR(" và ", " and ");
    char *nb = realloc(x->before, have + strlen(sep) + strlen(nm) + 1);
    if (!nb) {
        c->nomem = 1;
        return 1;
    }
    if (have)
        strcpy(nb + have, sep), have += strlen(sep);
    strcpy(nb + have, nm);
    x->before = nb;
    return c->nomem;
}

/* Append "; TEXT" (or TEXT) to *OUT. */
static int add(char **out, const char *text)
{
    size_t have = *out ? strlen(*out) : 0;
    char *n = realloc(*out, have + strlen(text) + 3);
    if (!n)
        return -1;
    if (have)
        strcpy(n + have, "; "), have += 2;
    strcpy(n + have, text);
    *out = n;
    return 0;
}

dti_rc orgs_explain(store *s, int64_t org_id, const char *day, char **name, char **note, dti_err *e)
{
    struct changes *c = calloc(1, sizeof *c);
    dti_rc rc = DTI_OK;
    *name = NULL;
    *note = NULL;
    if (!c)
        return app_nomem(e);
    c->org = org_id;
    if ((rc = store_org_name_on(s, org_id, day, name, e)) ||
        (rc = store_org_changes(s, org_id, row, c, e)))
        goto out;
    if (c->nomem) {
        rc = app_nomem(e);
        goto out;
    }
    for (size_t i = 0; i < c->n && !rc; i++) {
        const struct change *x = &c->v[i];
        int32_t d;
        char vn[PERIOD_DATE_LEN], text[1024];
        int after_day = strcmp(day, x->day) >= 0;    /* the period's day is on or after the change */
        text[0] = 0;
        if (period_date_parse(x->day, &d) != 0)
            continue;
        period_date_vn(d, vn);
        const char *bf = x->before ? x->before : "", *an = x->after_name ? x->after_name : "";
        if (strcmp(x->kind, "merge") == 0) {
            if (x->after == org_id && after_day)
                SAY("Sáp nhập từ %s ngày %s", "Merged from %s on %s", bf, vn);
            else if (x->is_before && x->after != org_id && !after_day)
                SAY("Đã sáp nhập vào %s từ ngày %s", "Merged into %s from %s", an, vn);
        } else if (strcmp(x->kind, "close") == 0) {
            if (!after_day)
                SAY("Giải thể từ ngày %s%s", "Closed from %s%s", vn, "");
        } else if (strcmp(x->kind, "rename") == 0) {
            if (after_day)
                SAY("Trước ngày %s tên là %s", "Before %s named %s", vn, bf);
            else
                SAY("Từ ngày %s đổi tên thành %s", "From %s renamed %s", vn, an);
        }
        if (text[0] && add(note, text))
            rc = app_nomem(e);
    }
out:
    for (size_t i = 0; i < c->n; i++) {
        free(c->v[i].after_name);
        free(c->v[i].before);
    }
    free(c);
    if (rc) {
        free(*name);
        free(*note);
        *name = *note = NULL;
    }
    return rc;
}

char *orgs_label(const char *name, const char *now_name)
{
    char *l = NULL;
    if (!now_name)
        return strdup(name ? name : "");
    size_t n = strlen(name ? name : "") + strlen(now_name) + 32;
    if (!(l = malloc(n)))
        return NULL;
    snprintf(l, n, lang_get() == LANG_EN ? "%s (now %s)" : "%s (nay là %s)", name ? name : "", now_name);
    return l;
}

dti_rc orgs_name_then(store *s, int64_t org_id, const char *day, char **label, dti_err *e)
{
    char *name = NULL, *now = NULL;
    dti_rc rc;
    *label = NULL;
    if ((rc = store_org_name_on(s, org_id, day, &name, e)) || (rc = store_org_merged_into(s, org_id, &now, e)))
        goto out;
    if (!(*label = orgs_label(name, now)))
        rc = app_nomem(e);
out:
    free(name);
    free(now);
    return rc;
}

dti_rc orgs_communes_on(store *s, int64_t province, const char *day, store_row_fn fn, void *ctx, dti_err *e)
{
    return store_org_children_on(s, province, ORG_COMMUNE, day, fn, ctx, e);
}

dti_rc orgs_rank_explain(store *s, scoring_ranking *r, dti_err *e)
{
    period p;
    char day[PERIOD_DATE_LEN];
    if (period_parse(r->period, &p) != 0)
        return DTI_OK;
    period_date_iso(period_end(&p), day);
    int any = 0;
    dti_rc rc0 = store_org_changes_any(s, &any, e);
    if (rc0 || !any)
        return rc0;
    for (size_t i = 0; i < r->n; i++) {
        scoring_rank_row *w = &r->rows[i];
        char *name = NULL, *note = NULL;
        dti_rc rc = orgs_explain(s, w->org_id, day, &name, &note, e);
        if (rc)
            return rc;
        if (name) {
            free(w->name);
            w->name = name;
        }
        free(w->note);
        w->note = note;
    }
    return DTI_OK;
}

dti_rc orgs_json_explain(store *s, json_t *rows, const char *id_key, const char *name_key, const char *day,
                         dti_err *e)
{
    size_t i;
    json_t *w;
    int any = 0;
    dti_rc rc0 = store_org_changes_any(s, &any, e);
    if (rc0 || !any)
        return rc0;
    json_array_foreach(rows, i, w) {
        json_int_t id = json_integer_value(json_object_get(w, id_key));
        char *name = NULL, *note = NULL;
        dti_rc rc;
        if (id <= 0)
            continue;
        if ((rc = orgs_explain(s, id, day, &name, &note, e)))
            return rc;
        int bad = (name && json_object_set_new(w, name_key, json_string(name))) ||
                  (note && json_object_set_new(w, "note", json_string(note)));
        free(name);
        free(note);
        if (bad)
            return app_nomem(e);
    }
    return DTI_OK;
}
