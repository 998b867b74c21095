/* app_import.c — the import use case (see app.h for the steps and the
 * decision on collective names). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app.h"
#include "app/plan/plans.h"
#include "base/vec.h"
#include "app/audit/audit.h"
#include "app/auth/auth.h"
#include "app/plan/calendar.h"
#include "base/file.h"
#include "base/lang.h"
#include "base/text.h"
#include "core/orgname.h"
#include "core/target.h"
#include "import/extract.h"
#include "import/extract_calendar.h"
#include "import/reader.h"
#include "store/store_org.h"
#include "store/store_plan.h"

/* One distinct name of the plan at one level. */
typedef struct name_ent {
    char *name;             /* borrowed from the plan */
    int prov;               /* 1: x.parent_lead, under the province */
    size_t count;
    char *key;              /* owned; NULL for collective names */
    int collective;
    int64_t org_id;
    plans_match_how how;      /* PLANS_MATCH_CHOSEN: linked by plans_import_opts.units, before matching */
} name_ent;

typedef struct importer {
    app *a;
    const plan *p;
    plans_import_result *r;
    name_ent *v;
    size_t n, cap;
    int64_t province_id, commune_id;
} importer;

static dti_rc nomem(dti_err *e)
{
    return dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
}

static const char *media_type(const char *data, size_t len, const char *name)
{
    static const char *const map[][2] = {
        {"md", "text/markdown"},
        {"tsv", "text/tab-separated-values"},
        {"text", "text/plain"},
        {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    };
    const reader_ops *r = reader_detect(data, len, name, NULL);
    for (size_t i = 0; r && i < sizeof map / sizeof map[0]; i++)
        if (strcmp(map[i][0], r->name) == 0)
            return map[i][1];
    return "application/octet-stream";
}

/* ---- the names of the plan ---- */

static int add_name(importer *im, char *name, int prov)
{
    for (size_t i = 0; i < im->n; i++)
        if (im->v[i].prov == prov && strcmp(im->v[i].name, name) == 0) {
            im->v[i].count++;
            return 0;
        }
    name_ent *v = vec_grow(im->v, im->n, &im->cap, sizeof *v, 32);
    if (!v)
        return -1;
    im->v = v;
    im->v[im->n++] = (name_ent){name, prov, 1, NULL, 0, 0, PLANS_MATCH_NONE};
    return 0;
}

static int add_list(importer *im, const strlist *l, int prov)
{
    for (size_t i = 0; i < l->n; i++)
        if (add_name(im, l->v[i], prov))
            return -1;
    return 0;
}

static int add_parent_lead(importer *im, const json_t *x)
{
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(x, "parent_lead"), i, v)
        if (json_is_string(v) && add_name(im, (char *)json_string_value(v), 1))
            return -1;
    return 0;
}

static int collect_names(importer *im)
{
    const plan *p = im->p;
    for (size_t i = 0; i < p->nindicators; i++)
        if (add_list(im, &p->indicators[i]->lead, 0) || add_list(im, &p->indicators[i]->support, 0) ||
            add_parent_lead(im, p->indicators[i]->x))
            return -1;
    for (size_t i = 0; i < p->ntasks; i++)
        if (add_list(im, &p->tasks[i]->lead, 0) || add_list(im, &p->tasks[i]->support, 0) ||
            add_parent_lead(im, p->tasks[i]->x))
            return -1;
    /* no item names a unit: the units the document names only in its prose
     * ("Tổ chức thực hiện", x.units of extract_units.c) */
    if (!im->n) {
        size_t k;
        json_t *u;
        json_array_foreach(json_object_get(p->x, "units"), k, u) {
            const char *nm = json_string_value(json_object_get(u, "name"));
            if (nm && add_name(im, (char *)nm, 0))
                return -1;
        }
    }
    return 0;
}

/* How many words a spelling has once folded: the fuller spelling of a unit
 * ("Phòng Văn hóa - Xã hội", 5) beats its abbreviation ("Phòng VH-XH", 3). */
static size_t fold_words(const char *s)
{
    char *f = text_fold(s);
    size_t n = 0;
    for (char *c = f; c && *c; c++)
        n += (c == f || c[-1] == ' ') && *c != ' ';
    free(f);
    return n;
}

/* The name a new org gets: of the spellings sharing E's key and level, the
 * fullest, then the most used, then the first. */
static const char *best_spelling(const importer *im, const name_ent *e)
{
    const name_ent *best = NULL;
    size_t best_w = 0;
    for (size_t i = 0; i < im->n; i++) {
        const name_ent *c = &im->v[i];
        if (c->prov != e->prov || !c->key || strcmp(c->key, e->key) != 0)
            continue;
        size_t w = fold_words(c->name);
        if (!best || w > best_w || (w == best_w && c->count > best->count)) {
            best = c;
            best_w = w;
        }
    }
    return best ? best->name : e->name;
}

/* Which level a committee name means: "UBND xã" the commune, "UBND tỉnh" the province. */
static int64_t committee_org(const importer *im, const name_ent *e)
{
    char *f = text_fold(e->name);
    int64_t id = e->prov ? im->province_id : im->commune_id;
    if (f) {
        size_t n = strlen(f);
        if ((n >= 3 && strcmp(f + n - 3, " xa") == 0) || (n >= 7 && strcmp(f + n - 7, " phuong") == 0))
            id = im->commune_id;
        else if ((n >= 5 && strcmp(f + n - 5, " tinh") == 0) || strstr(f, " thanh pho"))
            id = im->province_id;
    }
    free(f);
    return id;
}

/* The key of every name first, so that best_spelling() sees them all. */
static int key_names(importer *im)
{
    for (size_t i = 0; i < im->n; i++) {
        name_ent *e = &im->v[i];
        if ((e->collective = orgname_is_collective(e->name)))
            continue;
        if (!(e->key = orgname_key(e->name, e->prov ? im->p->province : im->p->commune)))
            return -1;
    }
    return 0;
}

static dti_rc match_one(importer *im, name_ent *e, dti_err *e_)
{
    dti_rc rc = DTI_OK;
    int64_t parent = e->prov ? im->province_id : im->commune_id;
    if (e->how == PLANS_MATCH_CHOSEN)
        return DTI_OK;      /* linked and aliased by apply_choices() */
    if (e->collective) {
        if (strlist_find(&im->r->collective, e->name) < 0 && strlist_add(&im->r->collective, e->name))
            return nomem(e_);
        return DTI_OK;
    }
    if (orgname_is_committee(e->key)) {
        e->org_id = committee_org(im, e);
        e->how = e->org_id ? PLANS_MATCH_SELF : PLANS_MATCH_NONE;
        return DTI_OK;
    }
    if (!parent)
        return DTI_OK;      /* PLANS_MATCH_NONE: no commune or province named */
    if (!*e->key) {
        /* no letter or digit ("-", "…", "—"): a table's "none", not a unit;
         * an org with an empty key would gather all such names */
        char w[ORGNAME_MAX_BYTES + 160];
        if (lang_get() == LANG_EN)
            snprintf(w, sizeof w, "\"%s\": not the name of a unit, not linked to an org", e->name);
        else
            snprintf(w, sizeof w, "\"%s\": không phải tên đơn vị, chưa gắn với tổ chức nào", e->name);
        if (strlist_find(&im->r->warnings, w) < 0 && strlist_add(&im->r->warnings, w))
            return nomem(e_);
        return DTI_OK;
    }
    /* an earlier name of this plan with the same key (or a chosen one:
     * those are linked before any other) */
    for (name_ent *o = im->v; o < im->v + im->n; o++)
        if (o != e && o->prov == e->prov && o->key && o->org_id && strcmp(o->key, e->key) == 0 &&
            o->how != PLANS_MATCH_SELF) {
            e->org_id = o->org_id;
            e->how = PLANS_MATCH_SAME;
            goto alias;
        }
    int created = 0;
    if ((rc = store_org_ensure(im->a->st, parent, ORG_UNIT, best_spelling(im, e), e->key, im->a->now, &e->org_id,
                               &created, e_)))
        return rc;
    e->how = created ? PLANS_MATCH_NEW : PLANS_MATCH_SAME;
    if (created)
        im->r->nunits_new++;
alias:;
    store_org o;
    if ((rc = store_org_get(im->a->st, e->org_id, &o, e_)))
        return rc;
    if (strcmp(o.name, e->name) != 0)
        rc = store_org_add_alias(im->a->st, e->org_id, e->name, e->key, im->a->now, e_);
    store_org_release(&o);
    return rc;
}

/* The refusal of choice C (app.h, plans_unit_choice): field "units", the
 * name in the message; WHY_VI/WHY_EN say what is wrong. */
static dti_rc bad_choice(const plans_unit_choice *c, const char *why_vi, const char *why_en, dti_err *e)
{
    return dti_fail(e, DTI_ERR_INPUT, "units", "units: \"%.200s\": %s", "units: \"%.200s\": %s",
                    c->name ? c->name : "", lang_get() == LANG_EN ? why_en : why_vi);
}

/* The coordinator's choices O->units (app.h): each name linked to its
 * org, its spelling recorded as an alias of the org and audited as WHO
 * (not in a dry run), before any other name is matched. */
static dti_rc apply_choices(importer *im, const plans_import_opts *o, const auth_user *who, const char *docname,
                            int dry, dti_err *e)
{
    dti_rc rc = DTI_OK;
    if (!o || !o->nunits)
        return DTI_OK;
    if (o->nunits > PLANS_UNIT_CHOICES_MAX)
        return dti_fail(e, DTI_ERR_TOOBIG, "units", "units: quá %d tên", "units: over %d names",
                        PLANS_UNIT_CHOICES_MAX);
    for (size_t i = 0; i < o->nunits; i++) {
        const plans_unit_choice *c = &o->units[i];
        name_ent *n = NULL;
        for (size_t k = 0; c->name && k < im->n && !n; k++)
            if (!im->v[k].prov && strcmp(im->v[k].name, c->name) == 0)
                n = &im->v[k];
        if (!n)
            return bad_choice(c, "kế hoạch không có đơn vị chủ trì hay phối hợp nào mang tên này",
                              "the plan names no lead or support unit so", e);
        if (n->how == PLANS_MATCH_CHOSEN)
            continue;
        if (n->collective || !n->key || !*n->key || orgname_is_committee(n->key))
            return bad_choice(c, "không phải tên của một đơn vị (tên chung, hoặc chính UBND xã): không gắn "
                                 "được với một đơn vị",
                              "not the name of one unit (a collective name, or the committee itself): it "
                              "cannot be linked to one unit", e);
        if (!im->commune_id)
            return bad_choice(c, "tài liệu không ghi tên xã nên không gắn được với đơn vị nào",
                              "the document names no commune, so no unit can be linked", e);
        /* one answer for a missing org and one out of the commune (or the scope) */
        store_org org;
        int ok = 0;
        if (c->org_id > 0) {
            dti_err ignore;
            if (store_org_get(im->a->st, c->org_id, &org, &ignore) == DTI_OK) {
                ok = org.parent_id == im->commune_id && org.kind == ORG_UNIT && !org.valid_to;
                store_org_release(&org);
            }
        }
        if (!ok) {
            char vi[300], en[300];
            snprintf(vi, sizeof vi, "đơn vị số %lld không phải một đơn vị đang hoạt động của xã %.200s",
                     (long long)c->org_id, im->p->commune);
            snprintf(en, sizeof en, "org %lld is not a unit in force of the commune %.200s",
                     (long long)c->org_id, im->p->commune);
            return bad_choice(c, vi, en, e);
        }
        /* a spelling that already names another unit stays that unit's */
        int64_t known = 0;
        if ((rc = store_org_find(im->a->st, im->commune_id, n->key, &known, e)))
            return rc;
        if (known && known != c->org_id) {
            store_org k;
            char vi[300], en[300];
            if ((rc = store_org_get(im->a->st, known, &k, e)))
                return rc;
            snprintf(vi, sizeof vi, "tên này đã khớp với đơn vị \"%.200s\"", k.name);
            snprintf(en, sizeof en, "this name already matches the unit \"%.200s\"", k.name);
            store_org_release(&k);
            return bad_choice(c, vi, en, e);
        }
        n->org_id = c->org_id;
        n->how = PLANS_MATCH_CHOSEN;
        if ((rc = store_org_get(im->a->st, c->org_id, &org, e)))
            return rc;
        int same = strcmp(org.name, n->name) == 0;
        store_org_release(&org);
        if (same || known)
            continue;       /* nothing new to record */
        if ((rc = store_org_add_alias(im->a->st, c->org_id, n->name, n->key, im->a->now, e)))
            return rc;
        if (dry)
            continue;
        json_t *after = json_pack("{s:s, s:s, s:s}", "alias", n->name, "document", docname, "sha256", im->r->sha256);
        if (!after)
            return nomem(e);
        rc = audit_append_id(im->a->st, who, im->a->now, "org.alias", "org", c->org_id, NULL, after, e);
        json_decref(after);
        if (rc)
            return rc;
    }
    return DTI_OK;
}

static int64_t org_of(void *ctx, const char *role, const char *name)
{
    const importer *im = ctx;
    int prov = strcmp(role, "parent_lead") == 0;
    for (size_t i = 0; i < im->n; i++)
        if (im->v[i].prov == prov && strcmp(im->v[i].name, name) == 0)
            return im->v[i].org_id;
    return 0;
}

static dti_rc report_matches(importer *im, dti_err *e)
{
    plans_import_result *r = im->r;
    int64_t *seen = NULL;
    size_t nseen = 0;
    dti_rc rc = DTI_OK;
    if (im->n && !(r->matches = calloc(im->n, sizeof *r->matches)))
        return nomem(e);
    if (im->n && !(seen = calloc(im->n, sizeof *seen)))
        return nomem(e);
    for (size_t i = 0; i < im->n; i++) {
        name_ent *n = &im->v[i];
        if (n->collective)
            continue;
        plans_match *m = &r->matches[r->nmatches++];
        m->province_level = n->prov;
        m->how = n->how;
        m->org_id = n->org_id;
        if (!(m->name = strdup(n->name)))
            goto oom;
        if (n->org_id) {
            store_org o;
            if ((rc = store_org_get(im->a->st, n->org_id, &o, e)))
                goto out;
            m->org_name = o.name;
            o.name = NULL;
            store_org_release(&o);
        }
        if (n->org_id && n->how != PLANS_MATCH_SELF) {
            size_t k = 0;
            while (k < nseen && seen[k] != n->org_id)
                k++;
            if (k == nseen) {
                seen[nseen++] = n->org_id;
                r->nunits++;
            }
        }
    }
    goto out;
oom:
    rc = nomem(e);
out:
    free(seen);
    return rc;
}

static dti_rc copy_head(plans_import_result *r, const plan *p, dti_err *e)
{
    if ((p->title && !(r->title = strdup(p->title))) || (p->commune && !(r->commune = strdup(p->commune))) ||
        (p->province && !(r->province = strdup(p->province))) ||
        (p->number && !(r->number = strdup(p->number))))
        return nomem(e);
    r->ngroups = p->ngroups;
    r->nindicators = p->nindicators;
    r->ntasks = p->ntasks;
    return DTI_OK;
}

static dti_rc ensure_place(app *a, int64_t parent, org_kind kind, const char *name, int64_t *id, int *created,
                           dti_err *e)
{
    char *key = orgname_place_key(name);
    if (!key)
        return nomem(e);
    dti_rc rc = store_org_ensure(a->st, parent, kind, name, key, a->now, id, created, e);
    free(key);
    return rc;
}

/* The refusal of a coordinator's import of a plan of a commune out of
 * its scope: one message whether that commune or an earlier import of the
 * same document is known or not (auth.h, "Not found or refused"). */
static dti_rc out_of_scope(dti_err *e)
{
    return dti_fail(e, DTI_ERR_PERM, "file",
                    "kế hoạch trong tài liệu là của một xã ngoài phạm vi của bạn: chỉ điều phối viên "
                    "của xã đó (hoặc quản trị) được nhập",
                    "the document's plan is of a commune outside your scope: only that commune's "
                    "coordinator (or an admin) may import it");
}

/* Step 6: the calendar of the new plan R->plan_id, inside the import's
 * transaction, audited as WHO. */
static dti_rc import_calendar(app *a, const auth_user *who, const char *name, const char *data, size_t len,
                              const plans_import_opts *o, plans_import_result *r, dti_err *e)
{
    dti_rc rc = DTI_OK;
    plans_cal_mode mode = o ? o->calendar : PLANS_CAL_DETECT;
    if (mode == PLANS_CAL_NONE)
        return DTI_OK;
    if (mode == PLANS_CAL_RULES) {
        r->cal_given = 1;
        for (size_t i = 0; i < o->nrules; i++)
            if (strlist_add(&r->cal_rules, o->rules[i] ? o->rules[i] : ""))
                return nomem(e);
        if (!o->nrules)
            return DTI_OK;
    } else {
        doc *d = NULL;
        calendar_found f = CALENDAR_FOUND_INIT;
        dti_err ignore;
        /* the document was read once already: reading it again cannot fail
         * but for memory; a plan given as JSON with other bytes finds none */
        if (data && reader_read(data, len, name, &d, &ignore) == DTI_OK)
            rc = extract_calendar(d, &f, e);
        doc_free(d);
        if (rc) {
            calendar_found_release(&f);
            return rc;
        }
        r->cal_rules = f.rules;
        r->cal_sources = f.sources;
        r->cal_unread = f.unread;
        if (!r->cal_rules.n)
            return DTI_OK;
        int64_t span = 0;
        if ((rc = store_plan_span(a->st, r->plan_id, &span, e)))
            return rc;
        if (span >= PLANS_CALENDAR_YEARS_MAX) {
            if (strlist_add(&r->warnings, TR("kế hoạch kéo dài quá nhiều năm: chưa đặt lịch báo cáo",
                                             "the plan spans too many years: no reporting calendar set")))
                return nomem(e);
            return DTI_OK;
        }
    }
    if ((rc = plans_calendar_apply(a->st, who, r->plan_id, (const char *const *)r->cal_rules.v, r->cal_rules.n, a->now,
                             &r->cal_periods, e))) {
        if (rc == DTI_ERR_INPUT && r->cal_given)    /* the form's field, the message names the option */
            snprintf(e->field, sizeof e->field, "calendar");
        return rc;
    }
    r->cal_set = 1;
    /* a deadline before its period ends is told, never silent (calendar.h) */
    return plans_calendar_warnings(a->st, r->plan_id, &r->warnings, e);
}

/* A row of the plan as the audit names it: {kind, group, code}; NULL without memory. */
static json_t *row_ref(const char *kind, const json_t *item)
{
    const json_t *g = json_object_get(item, "group"), *c = json_object_get(item, "code");
    return json_pack("{s:s, s:O, s:O}", "kind", kind, "group", g ? g : json_null(), "code", c ? c : json_null());
}

/* "group\x1fcode" of a row (malloc'd), NULL without memory. */
static char *row_key(const json_t *item)
{
    const char *g = json_string_value(json_object_get(item, "group")),
               *c = json_string_value(json_object_get(item, "code"));
    size_t n = (g ? strlen(g) : 0) + (c ? strlen(c) : 0) + 3;
    char *k = malloc(n);
    if (k)
        snprintf(k, n, "%s\x1f%s", g ? g : "", c ? c : "");
    return k;
}

/* ITEMS (an array of rows) as {key: row}; NULL without memory. */
static json_t *rows_by_key(const json_t *items)
{
    json_t *m = json_object();
    size_t i;
    const json_t *x;
    json_array_foreach(items, i, x) {
        char *k = row_key(x);
        if (!m || !k || json_object_set(m, k, (json_t *)x)) {
            free(k);
            json_decref(m);
            return NULL;
        }
        free(k);
    }
    return m;
}

/* What the coordinator corrected in P against the document's extraction X
 * (plans_import_opts.extracted): rows are keyed by kind, group and code;
 * *OUT the object described in plans.h, json_null() when nothing differs.
 * DTI_OK or DTI_ERR_NOMEM. */
static dti_rc corrections(const plan *p, const plan *x, json_t **out, dti_err *e)
{
    static const char *const KINDS[2] = {"indicators", "tasks"}, *const KIND1[2] = {"indicator", "task"};
    json_t *jp = plan_to_json(p), *jx = plan_to_json(x), *have[2] = {NULL, NULL};
    json_t *changed = json_array(), *added = json_array(), *removed = json_array(), *retyped = json_array();
    dti_rc rc = DTI_OK;
    int head = 0, any = 0;
    *out = NULL;
    if (!jp || !jx || !changed || !added || !removed || !retyped)
        goto nomem;
    for (int k = 0; k < 2; k++)
        if (!(have[k] = rows_by_key(json_object_get(jx, KINDS[k]))))
            goto nomem;
    for (int k = 0; k < 2; k++) {
        size_t i;
        const json_t *row;
        json_array_foreach(json_object_get(jp, KINDS[k]), i, row) {
            char *key = row_key(row);
            json_t *was, *list = NULL;
            if (!key)
                goto nomem;
            if ((was = json_object_get(have[k], key))) {
                if (!json_equal(was, (json_t *)row))
                    list = changed;
                json_object_del(have[k], key);
            } else if ((was = json_object_get(have[1 - k], key))) {
                list = retyped;
                json_object_del(have[1 - k], key);
            } else {
                list = added;
            }
            free(key);
            if (list && json_array_append_new(list, row_ref(KIND1[k], row)))
                goto nomem;
        }
    }
    for (int k = 0; k < 2; k++) {
        const char *key;
        json_t *row;
        json_object_foreach(have[k], key, row)
            if (json_array_append_new(removed, row_ref(KIND1[k], row)))
                goto nomem;
    }
    /* the head: everything but the rows and the extractor's notes */
    json_object_del(jp, "indicators"), json_object_del(jp, "tasks"), json_object_del(jp, "x");
    json_object_del(jx, "indicators"), json_object_del(jx, "tasks"), json_object_del(jx, "x");
    head = !json_equal(jp, jx);
    any = head || json_array_size(changed) || json_array_size(added) || json_array_size(removed) ||
          json_array_size(retyped);
    if (!(*out = any ? json_pack("{s:b, s:O, s:O, s:O, s:O}", "head", head, "changed", changed, "added", added,
                                 "removed", removed, "retyped", retyped)
                     : json_null()))
        goto nomem;
    goto out;
nomem:
    rc = nomem(e);
out:
    json_decref(jp), json_decref(jx), json_decref(have[0]), json_decref(have[1]);
    json_decref(changed), json_decref(added), json_decref(removed), json_decref(retyped);
    return rc;
}

/* Steps 2-6 of app.h for plan P from the document DATA (LEN bytes) named
 * NAME, with options O (NULL: defaults). DRY: all of it, permission checks
 * included, then rolled back, so R says what an import would do; its org
 * ids are zeroed (the orgs it made are gone with the rollback) and no audit
 * entry is kept. */
static dti_rc import_plan(app *a, const plan *p, const char *name, const char *data, size_t len, int dry,
                          const plans_import_opts *o, plans_import_result *r, dti_err *e)
{
    importer im = {a, p, r, NULL, 0, 0, 0, 0};
    int64_t doc_id = 0, existing = 0;
    auth_user actor;
    int system = 0;
    /* The document's name is stored and audited as text: one that is not
     * UTF-8 (a file name from another system) is refused, before anything
     * is written (issue 9: it was a 500 "out of memory"). */
    if (!text_utf8_valid(name, strlen(name)))
        return dti_fail(e, DTI_ERR_INPUT, "name", "tên tệp kế hoạch không phải văn bản UTF-8 hợp lệ (hãy đổi tên tệp)",
                        "the plan file's name is not valid UTF-8 text (rename the file)");
    json_t *after = NULL;
    file_sha256_hex(data, len, r->sha256);
    dti_rc rc = store_begin(a->st, e);
    if (rc)
        return rc;
    /* who imports: an admin, or a coordinator for a commune in its scope;
     * the system (user 0) only before any user exists */
    if ((rc = app_actor(a, &actor, &system, e)))
        goto out;
    if (!system && actor.role != ROLE_ADMIN && actor.role != ROLE_COORDINATOR) {
        rc = auth_can(a->st, &actor, AUTH_PLAN_WRITE, 0, e);
        goto out;
    }
    if ((rc = store_document_find(a->st, r->sha256, &doc_id, &existing, e)))
        goto out;
    if (existing) {
        plan *old = NULL;
        /* the earlier plan is answered only to whom may write it: a
         * coordinator of another commune is refused as for a new import */
        if (!system && actor.role != ROLE_ADMIN &&
            (rc = auth_can_plan(a->st, &actor, AUTH_PLAN_WRITE, existing, e))) {
            if (rc == DTI_ERR_NOTFOUND)
                rc = out_of_scope(e);
            goto out;
        }
        r->existed = 1;
        r->plan_id = existing;
        if ((rc = store_plan_load(a->st, existing, &old, e)))
            goto out;
        rc = copy_head(r, old, e);
        plan_free(old);
        goto out;
    }
    if ((rc = copy_head(r, p, e)))
        goto out;
    if (p->province && (rc = ensure_place(a, 0, ORG_PROVINCE, p->province, &im.province_id, NULL, e)))
        goto out;
    int commune_new = 0;
    if (p->commune &&
        (rc = ensure_place(a, im.province_id, ORG_COMMUNE, p->commune, &im.commune_id, &commune_new, e)))
        goto out;
    r->commune_id = dry && commune_new ? 0 : im.commune_id;
    /* a commune out of the coordinator's scope, known or not, is refused
     * with one message: the name is the user's own document's (auth.h) */
    if (!system && actor.role != ROLE_ADMIN &&
        (rc = auth_can(a->st, &actor, AUTH_PLAN_WRITE, im.commune_id, e))) {
        if (rc == DTI_ERR_NOTFOUND)
            rc = out_of_scope(e);
        goto out;
    }
    if (collect_names(&im) || key_names(&im)) {
        rc = nomem(e);
        goto out;
    }
    if ((rc = apply_choices(&im, o, system ? NULL : &actor, name, dry, e)))
        goto out;
    for (size_t i = 0; i < im.n; i++)
        if ((rc = match_one(&im, &im.v[i], e)))
            goto out;
    if (im.n && !im.commune_id &&
        strlist_add(&r->warnings, TR("tài liệu không ghi tên xã: các đơn vị chưa được gắn với tổ chức nào",
                                     "the document names no commune: no unit is linked to an org"))) {
        rc = nomem(e);
        goto out;
    }
    store_plan_in in = {p, im.commune_id, a->user_id,
                        {name, media_type(data, len, name), data, len, r->sha256}, org_of, &im, a->now};
    if ((rc = store_plan_save(a->st, &in, &r->plan_id, e)))
        goto out;
    if ((rc = report_matches(&im, e)))
        goto out;
    if (dry) {
        for (size_t i = 0; i < r->nmatches; i++)
            r->matches[i].org_id = 0;
        r->plan_id = 0;
        goto out;
    }
    after = json_pack("{s:s, s:s, s:o, s:I, s:I, s:I}", "document", name, "sha256", r->sha256,
                      "title", p->title ? json_string(p->title) : json_null(), "groups",
                      (json_int_t)p->ngroups, "indicators", (json_int_t)p->nindicators, "tasks",
                      (json_int_t)p->ntasks);
    if (!after) {
        rc = nomem(e);
        goto out;
    }
    /* what the coordinator corrected in the preview, so that the log says
     * which rows are the extractor's and which are a person's */
    if (o && o->extracted) {
        json_t *c = NULL;
        if ((rc = corrections(p, o->extracted, &c, e)))
            goto out;
        if (json_object_set_new(after, "corrected", c)) {
            rc = nomem(e);
            goto out;
        }
    }
    if (o && o->roles && json_object_size(o->roles) &&
        json_object_set_new(after, "roles", json_deep_copy(o->roles))) {
        rc = nomem(e);
        goto out;
    }
    if ((rc = audit_append_id(a->st, system ? NULL : &actor, a->now, "plan.import", "plan", r->plan_id, NULL,
                              after, e)))
        goto out;
    rc = import_calendar(a, system ? NULL : &actor, name, data, len, o, r, e);
out:
    json_decref(after);
    if (rc || dry) {
        store_rollback(a->st);
        if (rc)
            r->plan_id = 0;
    } else if ((rc = store_commit(a->st, e))) {
        r->plan_id = 0;
    }
    for (size_t i = 0; i < im.n; i++)
        free(im.v[i].key);
    free(im.v);
    return rc;
}

dti_rc plans_import_plan(app *a, const plan *p, const char *name, const void *data, size_t len,
                       plans_import_result *r, dti_err *e)
{
    return plans_import_plan_opts(a, p, name, data, len, NULL, r, e);
}

dti_rc plans_import_plan_opts(app *a, const plan *p, const char *name, const void *data, size_t len,
                            const plans_import_opts *o, plans_import_result *r, dti_err *e)
{
    memset(r, 0, sizeof *r);
    return import_plan(a, p, name ? name : "", data, len, 0, o, r, e);
}

dti_rc plans_import_dry_run(app *a, const plan *p, const char *name, const void *data, size_t len,
                          plans_import_result *r, dti_err *e)
{
    memset(r, 0, sizeof *r);
    return import_plan(a, p, name ? name : "", data, len, 1, NULL, r, e);
}

dti_rc plans_import_file(app *a, const char *path, plans_import_result *r, dti_err *e)
{
    plan *p = NULL;
    char *data = NULL;
    size_t len = 0;
    memset(r, 0, sizeof *r);
    dti_rc rc = extract_file(path, &p, &r->warnings, &data, &len, e);
    if (!rc)
        rc = import_plan(a, p, file_basename(path), data, len, 0, NULL, r, e);
    plan_free(p);
    free(data);
    return rc;
}

dti_rc plans_import_file_corrected(app *a, const char *path, const char *plan_path, plans_import_result *r,
                                  dti_err *e)
{
    plan *p = NULL, *extracted = NULL;
    char *data = NULL, *text = NULL;
    size_t len = 0, tlen = 0;
    json_t *j = NULL;
    json_error_t je;
    strlist ignored = STRLIST_INIT;
    plans_import_opts o = {PLANS_CAL_DETECT, NULL, 0, NULL, 0, NULL, NULL};
    dti_rc rc;
    memset(r, 0, sizeof *r);
    /* the correction first: a plan file that does not hold is told before
     * the document is read at all */
    if ((rc = file_read(plan_path, IMPORT_MAX_BYTES, &text, &tlen, e)))
        goto out;
    if (!(j = json_loadb(text, tlen, JSON_REJECT_DUPLICATES, &je))) {
        rc = dti_fail(e, DTI_ERR_INPUT, plan_path, "%s: kế hoạch (JSON) không hợp lệ ở dòng %d, cột %d: %s",
                      "%s: the plan (JSON) is invalid at line %d, column %d: %s", plan_path, je.line, je.column,
                      je.text);
        goto out;
    }
    if ((rc = plans_import_plan_json(j, &p, e))) {
        if (e) {        /* the file named before the field's message */
            char m[sizeof e->msg + 4096];
            snprintf(m, sizeof m, "%s: %s", plan_path, e->msg);
            memcpy(e->msg, m, sizeof e->msg - 1);       /* cut at the message's size */
            e->msg[sizeof e->msg - 1] = '\0';
        }
        goto out;
    }
    /* the document: its bytes are the plan's source (SHA-256, kept), its
     * own extraction what the audit entry compares the correction with; a
     * document no reader takes is refused as plans_import_file refuses it */
    if ((rc = extract_file(path, &extracted, &ignored, &data, &len, e)))
        goto out;
    o.extracted = extracted;
    rc = import_plan(a, p, file_basename(path), data, len, 0, &o, r, e);
out:
    json_decref(j);
    plan_free(p);
    plan_free(extracted);
    strlist_release(&ignored);
    free(text);
    free(data);
    return rc;
}

void plans_import_result_release(plans_import_result *r)
{
    if (!r)
        return;
    free(r->title); free(r->commune); free(r->province); free(r->number);
    for (size_t i = 0; i < r->nmatches; i++) {
        free(r->matches[i].name);
        free(r->matches[i].org_name);
    }
    free(r->matches);
    strlist_release(&r->collective);
    strlist_release(&r->warnings);
    strlist_release(&r->cal_rules);
    strlist_release(&r->cal_sources);
    strlist_release(&r->cal_unread);
    memset(r, 0, sizeof *r);
}

dti_rc plans_import_allowed(app *a, dti_err *e)
{
    auth_user actor;
    int system = 0;
    dti_rc rc = app_actor(a, &actor, &system, e);
    if (rc || system || actor.role == ROLE_ADMIN || actor.role == ROLE_COORDINATOR)
        return rc;
    return auth_can(a->st, &actor, AUTH_PLAN_WRITE, 0, e);
}

/* One target given as words only (plans_import_plan_json): T gets the op,
 * value and unit target_parse reads for YEAR, and TEXT as its text. */
static dti_rc target_words(json_t *t, int year, const char *text, dti_err *e)
{
    plan_target pt[8];
    size_t np = target_parse(text, year, 1, pt, sizeof pt / sizeof pt[0]), k = 0;
    while (k < np && pt[k].year != year)
        k++;
    if (k == np)
        k = 0;      /* a year the words name otherwise: the cell's year stays, as import reads a column */
    int has = np && pt[k].has_value;
    int bad = json_object_set_new(t, "op", json_string(np ? plan_op_str(pt[k].op) : "text")) ||
              json_object_set_new(t, "value", has ? json_real(pt[k].value) : json_null()) ||
              json_object_set_new(t, "unit", json_string(np && pt[k].unit ? pt[k].unit : "")) ||
              json_object_set_new(t, "text", json_string(text));
    for (size_t i = 0; i < np; i++)
        target_release(&pt[i]);
    return bad ? nomem(e) : DTI_OK;
}

static dti_rc words_targets(json_t *c, dti_err *e)
{
    size_t i, k;
    json_t *ind, *t;
    json_array_foreach(json_object_get(c, "indicators"), i, ind) {
        json_array_foreach(json_object_get(ind, "targets"), k, t) {
            json_t *yv = json_object_get(t, "year"), *xv = json_object_get(t, "text");
            char f[96];
            /* structured targets, and a bad year, are plan_from_json's */
            if (!json_is_object(t) || json_object_get(t, "op") || !json_is_integer(yv))
                continue;
            snprintf(f, sizeof f, "plan.indicators[%zu].targets[%zu].text", i, k);
            if (!json_is_string(xv))
                return dti_fail(e, DTI_ERR_INPUT, f, "%s: thiếu chỉ tiêu (ví dụ \"Đạt tối thiểu 70%%\")",
                                "%s: the target is missing (for example \"Đạt tối thiểu 70%%\")", f);
            if (json_string_length(xv) > TARGET_TEXT_MAX)
                return dti_fail(e, DTI_ERR_TOOBIG, f, "%s: dài quá %d byte", "%s: longer than %d bytes", f,
                                TARGET_TEXT_MAX);
            char *clean = text_clean(json_string_value(xv));
            if (!clean)
                return nomem(e);
            dti_rc rc = *clean ? target_words(t, (int)json_integer_value(yv), clean, e)
                               : dti_fail(e, DTI_ERR_INPUT, f,
                                          "%s: chỉ tiêu trống (xóa cả năm đó nếu không có chỉ tiêu)",
                                          "%s: the target is empty (remove the year if it has none)", f);
            free(clean);
            if (rc)
                return rc;
        }
    }
    return DTI_OK;
}

/* A due date retyped as words: a row with "due_text" and no "due" key gets
 * the due core/target's due_parse reads from the words (null when none),
 * as the import reads a due cell and as planedit.c does for an edit. */
static dti_rc words_due(json_t *c, dti_err *e)
{
    static const char *const KINDS[2] = {"indicators", "tasks"};
    for (int k = 0; k < 2; k++) {
        size_t i;
        json_t *it;
        json_array_foreach(json_object_get(c, KINDS[k]), i, it) {
            const char *w = json_string_value(json_object_get(it, "due_text"));
            char due[16];
            if (!json_is_object(it) || json_object_get(it, "due") || !w)
                continue;
            if (json_object_set_new(it, "due", due_parse(w, due) == 0 ? json_string(due) : json_null()))
                return nomem(e);
        }
    }
    return DTI_OK;
}

dti_rc plans_import_plan_json(const json_t *j, plan **out, dti_err *e)
{
    json_t *c = NULL;
    dti_rc rc = DTI_OK;
    *out = NULL;
    if (json_is_object(j) && json_is_array(json_object_get(j, "indicators"))) {
        if (!(c = json_deep_copy(j)))
            return nomem(e);
        if (!(rc = words_targets(c, e)))
            rc = words_due(c, e);
    }
    if (!rc && (rc = plan_from_json(c ? c : j, out, e)) && e) {
        char f[sizeof e->field];
        snprintf(f, sizeof f, e->field[0] ? "plan.%s" : "plan", e->field);
        memcpy(e->field, f, sizeof f);
    }
    json_decref(c);
    return rc;
}
