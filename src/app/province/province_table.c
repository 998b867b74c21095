/* province_table.c — one point table for the whole province (province.h
 * province_table_load): read once, applied to every commune's plan by code
 * and name, all in one transaction.
 *
 * Decision — one yardstick. Every commune is measured out of the same
 * criteria and the same maximum points, whatever its plan's wording: a
 * criterion reads, in each plan, only the indicators of its codes whose
 * names match its own (app_index_names_match, the rule scoring_index_load
 * enforces); one whose indicators the plan lacks (another code, or the
 * same code naming another thing) stays in the maximum and is scored by
 * the province's appraiser (rule "reviewer": 0 points until given), and
 * the answer lists it per commune ("unmatched"). Dropping such criteria
 * for one commune would give it a smaller maximum and so a better index
 * for having planned less. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app_util.h"
#include "app/audit/audit.h"
#include "app/province/province.h"
#include "app/score/score.h"
#include "core/period.h"
#include "core/rules.h"
#include "store/store_org.h"
#include "store/store_province.h"

struct inds {
    char **code, **name;
    size_t n, cap;
    int nomem;
};

static int ind_row(void *ctx, const store_row *r)
{
    struct inds *I = ctx;
    if (!app_col(r, 0))
        return 0;
    if (I->n == I->cap) {
        size_t cap = I->cap ? I->cap * 2 : 64;
        char **nc = realloc(I->code, cap * sizeof *nc);
        if (nc)
            I->code = nc;
        char **nn = nc ? realloc(I->name, cap * sizeof *nn) : NULL;
        if (!nc || !nn) {
            I->nomem = 1;
            return 1;
        }
        I->name = nn;
        I->cap = cap;
    }
    I->code[I->n] = strdup(app_col(r, 0));
    I->name[I->n] = strdup(app_col(r, 1) ? app_col(r, 1) : "");
    if (!I->code[I->n] || !I->name[I->n]) {
        free(I->code[I->n]);
        free(I->name[I->n]);
        I->nomem = 1;
        return 1;
    }
    I->n++;
    return 0;
}

static void inds_free(struct inds *I)
{
    for (size_t i = 0; i < I->n; i++) {
        free(I->code[i]);
        free(I->name[i]);
    }
    free(I->code);
    free(I->name);
    memset(I, 0, sizeof *I);
}

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

/* The table T as plan PLAN's (indicators I) in dti.index/1 JSON: *OUT new
 * reference; UNMATCHED gets the codes of the criteria left to the appraiser. */
static dti_rc plan_table(const app_index_table *t, const char *tname, const struct inds *I, json_t **out,
                         json_t *unmatched, size_t *matched, dti_err *e)
{
    json_t *crits = json_array();
    *matched = 0;
    if (!crits)
        return app_nomem(e);
    for (size_t i = 0; i < t->n; i++) {
        const app_index_crit *c = &t->crits[i];
        char keep[SCORING_INDEX_TEXT_MAX + 1];
        size_t used = 0, asked = 0;
        keep[0] = 0;
        for (const char *q = c->indicators ? c->indicators : ""; *q;) {
            size_t l = strcspn(q, ";");
            asked++;
            for (size_t k = 0; k < I->n; k++)
                if (strlen(I->code[k]) == l && !memcmp(I->code[k], q, l) &&
                    app_index_names_match(c->name, I->name[k])) {
                    int w = snprintf(keep + used, sizeof keep - used, "%s%.*s", used ? ";" : "", (int)l, q);
                    if (w > 0 && (size_t)w < sizeof keep - used)
                        used += (size_t)w;
                    break;
                }
            q += l;
            if (*q)
                q++;
        }
        int lost = asked > 0 && used == 0;
        if (!lost && asked)
            (*matched)++;
        if (lost && json_array_append_new(unmatched, json_string(c->code))) {
            json_decref(crits);
            return app_nomem(e);
        }
        json_t *o = json_pack("{s:s, s:o, s:o, s:s, s:f, s:s, s:o, s:s, s:o}", "code", c->code, "group",
                              str_or_null(c->group), "group_name", str_or_null(c->group_name), "name", c->name,
                              "max", c->max, "indicators", lost ? "" : keep, "evidence", str_or_null(c->evidence),
                              "rule", lost ? "reviewer" : score_rule_kind_name(c->kind), "rule_text",
                              lost ? json_null() : str_or_null(c->rule_text));
        if (!o || json_array_append_new(crits, o)) {
            json_decref(crits);
            return app_nomem(e);
        }
    }
    *out = json_pack("{s:s, s:s, s:o}", "format", "dti.index/1", "name", tname, "criteria", crits);
    return *out ? DTI_OK : app_nomem(e);
}

dti_rc province_table_load(app *a, int64_t province, int year, const char *name, const char *data, size_t n,
                           json_t **out, dti_err *e)
{
    auth_user u;
    store_org org;
    app_index_table t;
    store_province_commune *cv = NULL;
    size_t cn = 0, nplans = 0;
    json_t *list = NULL, *after = NULL;
    char *tname = NULL;
    int in_tx = 0;
    memset(&org, 0, sizeof org);
    memset(&t, 0, sizeof t);
    *out = NULL;
    dti_rc rc = app_actor(a, &u, NULL, e);
    if (rc)
        return rc;
    if (province <= 0)
        return auth_not_found(e);
    /* read first: a province out of scope is "not found" for every role */
    if ((rc = auth_can(a->st, &u, AUTH_READ, province, e)) ||
        (rc = auth_can(a->st, &u, AUTH_PLAN_WRITE, province, e)))
        return rc;
    if ((rc = store_org_get(a->st, province, &org, e)))
        return rc == DTI_ERR_NOTFOUND ? auth_not_found(e) : rc;
    if (org.kind != ORG_PROVINCE || org.valid_to) {
        rc = dti_fail(e, DTI_ERR_INPUT, "province", "%s không phải một tỉnh đang hoạt động",
                      "%s is not a live province", org.name ? org.name : "?");
        goto out;
    }
    if (year == 0)
        year = period_ymd_of(period_today_vn(a->now)).y;
    if (year < 1900 || year > 9999) {
        rc = dti_fail(e, DTI_ERR_INPUT, "year", "năm không hợp lệ: %d", "not a year: %d", year);
        goto out;
    }
    if (!name || !*name)
        name = "bộ chỉ số của tỉnh";
    if ((rc = app_index_parse(name, data, n, &t, e)))
        goto out;
    {
        const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
        if (!(tname = strdup(t.name ? t.name : base))) {
            rc = app_nomem(e);
            goto out;
        }
    }
    if ((rc = store_province_communes(a->st, province, year, NULL, PROVINCE_COMMUNES_MAX, &cv, &cn, e)))
        goto out;
    if (!(list = json_array())) {
        rc = app_nomem(e);
        goto out;
    }
    if ((rc = store_begin(a->st, e)))
        goto out;
    in_tx = 1;
    for (size_t i = 0; i < cn; i++) {
        struct inds I;
        json_t *pt = NULL, *unmatched = json_array();
        char *text = NULL;
        size_t matched = 0;
        scoring_index_result res;
        memset(&I, 0, sizeof I);
        memset(&res, 0, sizeof res);
        if (!cv[i].plan_id) {
            json_decref(unmatched);
            continue;
        }
        if (!unmatched)
            rc = app_nomem(e);
        if (!rc)
            rc = store_province_indicators(a->st, cv[i].plan_id, ind_row, &I, e);
        if (!rc && I.nomem)
            rc = app_nomem(e);
        if (!rc)
            rc = plan_table(&t, tname, &I, &pt, unmatched, &matched, e);
        if (!rc && !(text = json_dumps(pt, JSON_COMPACT)))
            rc = app_nomem(e);
        if (!rc)
            rc = scoring_index_load(a, cv[i].plan_id, tname, text, strlen(text), &res, e);
        if (!rc) {
            json_t *o = json_pack("{s:I, s:s, s:I, s:I, s:I, s:O}", "org_id", (json_int_t)cv[i].org_id, "name",
                                  cv[i].name, "plan_id", (json_int_t)cv[i].plan_id, "table_id",
                                  (json_int_t)res.table_id, "matched", (json_int_t)matched, "unmatched", unmatched);
            if (!o || json_array_append_new(list, o))
                rc = app_nomem(e);
        }
        if (rc) {
            /* name the commune whose plan refused it */
            char m[sizeof e->msg];
            snprintf(m, sizeof m, "%s", e->msg);
            rc = dti_fail(e, rc, e->field[0] ? e->field : NULL, "xã %s (kế hoạch số %lld): %s",
                          "commune %s (plan %lld): %s", cv[i].name, (long long)cv[i].plan_id, m);
        }
        free(text);
        json_decref(pt);
        json_decref(unmatched);
        inds_free(&I);
        if (rc)
            goto out;
        nplans++;
    }
    if (!(after = json_pack("{s:s, s:s, s:I, s:f, s:i, s:I}", "name", tname, "file", name, "criteria",
                            (json_int_t)t.n, "max_total", t.max_total, "year", year, "plans", (json_int_t)nplans))) {
        rc = app_nomem(e);
        goto out;
    }
    if ((rc = audit_append_id(a->st, &u, a->now, "province.index.load", "org", province, NULL, after, e)))
        goto out;
    if ((rc = store_commit(a->st, e)))
        goto out;
    in_tx = 0;
    if (!(*out = json_pack("{s:I, s:s, s:I, s:f, s:i, s:I, s:O}", "province", (json_int_t)province, "name", tname,
                           "criteria", (json_int_t)t.n, "max_total", t.max_total, "year", year, "plans",
                           (json_int_t)nplans, "communes", list)))
        rc = app_nomem(e);
out:
    if (in_tx)
        store_rollback(a->st);
    json_decref(list);
    json_decref(after);
    free(tname);
    app_index_table_release(&t);
    store_province_communes_free(cv, cn);
    store_org_release(&org);
    return rc;
}
