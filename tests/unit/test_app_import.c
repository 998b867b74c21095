/* test_app_import.c — the import use case (app/app_import.c) over the
 * hand-checked extractions of the real plans in $SHARED/plans/expected:
 * orgs made once however a unit is spelled, collective names flagged, the
 * plan stored and loaded back unchanged, the same document stored once. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "test_db.h"
#include "app/app.h"
#include "app/plan/plans.h"
#include "base/file.h"

static char dir[] = "/tmp/dti-test-app-XXXXXX";

static const char *shared(void)
{
    const char *s = getenv("SHARED");
    return s && *s ? s : "../shared";
}

static plan *load_expected(const char *name, char **bytes, size_t *len)
{
    char path[1024];
    dti_err e;
    snprintf(path, sizeof path, "%s/plans/expected/%s", shared(), name);
    if (file_read(path, 1 << 26, bytes, len, &e))
        fail_msg("%s", e.msg);
    json_t *j = json_loads(*bytes, 0, NULL);
    assert_non_null(j);
    plan *p = NULL;
    if (plan_from_json(j, &p, &e))
        fail_msg("%s: %s", name, e.msg);
    json_decref(j);
    return p;
}

static const plans_match *find_match(const plans_import_result *r, const char *name, int prov)
{
    for (size_t i = 0; i < r->nmatches; i++)
        if (strcmp(r->matches[i].name, name) == 0 && r->matches[i].province_level == prov)
            return &r->matches[i];
    fail_msg("no match for \"%s\"", name);
    return NULL;
}

static int64_t count(app *a, const char *sql, int64_t arg)
{
    int64_t n = -1;
    dti_err e;
    if (store_query_int(a->st, sql, (store_val[]){SV_I(arg)}, 1, &n, NULL, &e))
        fail_msg("%s: %s", sql, e.msg);
    return n;
}

static void import_one(app *a, const char *name, plans_import_result *r, plan **p, char **bytes)
{
    size_t len = 0;
    dti_err e;
    *p = load_expected(name, bytes, &len);
    if (plans_import_plan(a, *p, name, *bytes, len, r, &e))
        fail_msg("import %s: %s", name, e.msg);
    assert_true(r->plan_id > 0);
}

static void test_vinh_tru(void **state)
{
    (void)state;
    char db[256];
    snprintf(db, sizeof db, "%s/a.db", dir);
    app a;
    dti_err e;
    assert_int_equal(app_open(&a, test_db(db), 0, &e), DTI_OK);
    plans_import_result r;
    plan *p = NULL;
    char *bytes = NULL;
    import_one(&a, "vinh-tru-2026.json", &r, &p, &bytes);
    assert_false(r.existed);
    assert_int_equal(r.nindicators, p->nindicators);
    /* the four spellings are one org */
    const char *vhxh[] = {"Phòng Văn hóa - Xã hội", "Phòng Văn hoá-Xã hội", "Phòng Văn hóa - XH",
                          "Phòng Văn hoá- Xã hội"};
    int64_t org = find_match(&r, vhxh[0], 0)->org_id;
    assert_true(org > 0);
    for (size_t i = 1; i < 4; i++) {
        const plans_match *m = find_match(&r, vhxh[i], 0);
        assert_int_equal(m->org_id, org);
        assert_string_equal(m->org_name, "Phòng Văn hóa - Xã hội");
    }
    assert_int_equal(find_match(&r, "TTPVHCC", 0)->org_id, find_match(&r, "Trung tâm PVHCC", 0)->org_id);
    assert_int_equal(find_match(&r, "Văn phòng HND&UBND", 0)->org_id,
                     find_match(&r, "Văn phòng HĐND & UBND xã", 0)->org_id);
    /* the unit orgs under the commune are exactly the distinct units named */
    int64_t commune = count(&a, "SELECT parent_id FROM orgs WHERE id = ?", org);
    assert_int_equal(count(&a, "SELECT COUNT(*) FROM orgs WHERE parent_id = ? AND kind = 'unit'", commune),
                     (int64_t)r.nunits);
    assert_int_equal(r.nunits, r.nunits_new);
    /* every other spelling is an alias */
    assert_true(count(&a, "SELECT COUNT(*) FROM org_aliases WHERE org_id = ?", org) >= 3);
    /* collective names are flagged, not made orgs, and keep no org */
    assert_true(r.collective.n > 0);
    assert_true(strlist_find(&r.collective, "Các thôn") >= 0);
    assert_true(count(&a, "SELECT COUNT(*) FROM assignments WHERE plan_id = ? AND org_id IS NULL", r.plan_id) > 0);
    assert_int_equal(count(&a, "SELECT COUNT(*) FROM assignments WHERE plan_id = ? AND org_id IS NULL"
                               " AND name NOT LIKE 'Các %'", r.plan_id), 0);
    /* the stored plan is the imported one */
    plan *q = NULL;
    assert_int_equal(plans_get(&a, r.plan_id, &q, &e), DTI_OK);
    char *want = plan_to_string(p), *got = plan_to_string(q);
    assert_string_equal(got, want);
    free(want); free(got); plan_free(q);
    /* the same document again: the earlier plan, nothing stored */
    int64_t first = r.plan_id;
    plans_import_result_release(&r);
    plan_free(p);
    free(bytes);
    import_one(&a, "vinh-tru-2026.json", &r, &p, &bytes);
    assert_true(r.existed);
    assert_int_equal(r.plan_id, first);
    assert_int_equal(count(&a, "SELECT COUNT(*) FROM plans WHERE id >= ?", 0), 1);
    assert_int_equal(count(&a, "SELECT COUNT(*) FROM documents WHERE id >= ?", 0), 1);
    plans_import_result_release(&r);
    plan_free(p);
    free(bytes);
    app_close(&a);
}

static void test_minh_duc_levels(void **state)
{
    (void)state;
    char db[256];
    snprintf(db, sizeof db, "%s/b.db", dir);
    app a;
    dti_err e;
    assert_int_equal(app_open(&a, test_db(db), 0, &e), DTI_OK);
    plans_import_result r;
    plan *p = NULL;
    char *bytes = NULL;
    import_one(&a, "minh-duc-2026-2030-dti.json", &r, &p, &bytes);
    /* "UBND xã" as a parent lead is the commune itself */
    const plans_match *self = find_match(&r, "UBND xã", 1);
    assert_int_equal(self->how, PLANS_MATCH_SELF);
    assert_string_equal(self->org_name, "Minh Đức");
    /* the province's police and the commune's are two orgs at two levels */
    const plans_match *ct = find_match(&r, "Công an tỉnh", 1), *cx = find_match(&r, "Công an xã", 0);
    assert_true(ct->org_id != cx->org_id);
    assert_int_equal(count(&a, "SELECT kind = 'province' FROM orgs WHERE id = (SELECT parent_id FROM orgs WHERE id = ?)",
                           ct->org_id), 1);
    assert_int_equal(find_match(&r, "Tổ CNSCD", 0)->org_id, find_match(&r, "Tổ CNSCĐ", 0)->org_id);
    assert_int_equal(find_match(&r, "Văn phòng UBND&HĐND", 0)->org_id,
                     find_match(&r, "Văn phòng HĐND&UBND xã", 0)->org_id);
    plans_import_result_release(&r);
    plan_free(p);
    free(bytes);
    /* another plan of the same commune reuses its orgs */
    plan *p2 = NULL;
    size_t len = 0;
    p2 = load_expected("minh-duc-2026-2030-dti.json", &bytes, &len);
    free(p2->number);
    p2->number = strdup("99/KH-UBND");
    const char other[] = "another document";
    assert_int_equal(plans_import_plan(&a, p2, "other.md", other, sizeof other, &r, &e), DTI_OK);
    assert_false(r.existed);
    assert_int_equal(r.nunits_new, 0);
    assert_int_equal(find_match(&r, "Phòng VH-XH", 0)->how, PLANS_MATCH_SAME);
    plans_import_result_release(&r);
    plan_free(p2);
    free(bytes);
    app_close(&a);
}

/* A lead written without a letter or digit ("-", "…": a table's "none")
 * folds to an empty key; it must not become one org gathering them all. */
static void test_name_without_letters(void **state)
{
    (void)state;
    char db[512];
    snprintf(db, sizeof db, "%s/nokey.db", dir);
    app a;
    dti_err e;
    if (app_open(&a, test_db(db), 0, &e))
        fail_msg("%s", e.msg);
    plan *p = plan_new();
    assert_non_null(p);
    p->commune = strdup("Hòa Bình");
    p->province = strdup("Bình Nguyên");
    plan_indicator *d = plan_add_indicator(p);
    assert_non_null(d);
    d->code = strdup("1");
    d->name = strdup("Tỷ lệ hồ sơ trực tuyến");
    assert_int_equal(strlist_add(&d->lead, "Công an xã"), 0);
    assert_int_equal(strlist_add(&d->support, "-"), 0);
    assert_int_equal(strlist_add(&d->support, "…"), 0);
    plans_import_result r;
    const char data[] = "nokey";
    if (plans_import_plan(&a, p, "nokey.md", data, sizeof data - 1, &r, &e))
        fail_msg("%s", e.msg);
    const plans_match *m = find_match(&r, "-", 0);
    assert_int_equal(m->how, PLANS_MATCH_NONE);
    assert_int_equal(m->org_id, 0);
    assert_int_equal(find_match(&r, "…", 0)->org_id, 0);
    assert_int_equal(r.nunits, 1);
    assert_int_equal(r.nunits_new, 1);
    assert_int_equal(count(&a, "SELECT COUNT(*) FROM orgs WHERE folded = '' AND id > ?", 0), 0);
    assert_int_equal(count(&a, "SELECT COUNT(*) FROM orgs WHERE kind = 'unit' AND id > ?", 0), 1);
    int warned = 0;
    for (size_t i = 0; i < r.warnings.n; i++)
        warned += strstr(r.warnings.v[i], "\"-\"") != NULL;
    assert_int_equal(warned, 1);
    /* the plan keeps the names as written */
    plan *back = NULL;
    assert_int_equal(plans_get(&a, r.plan_id, &back, &e), DTI_OK);
    assert_int_equal(back->indicators[0]->support.n, 2);
    assert_string_equal(back->indicators[0]->support.v[0], "-");
    plan_free(back);
    plans_import_result_release(&r);
    plan_free(p);
    app_close(&a);
}

static int setup_all(void **state)
{
    (void)state;
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown_all(void **state)
{
    (void)state;
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vinh_tru),
        cmocka_unit_test(test_minh_duc_levels),
        cmocka_unit_test(test_name_without_letters),
    };
    return cmocka_run_group_tests(tests, setup_all, teardown_all);
}
