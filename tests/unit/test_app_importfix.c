/* test_app_importfix.c — the corrections a coordinator makes before
 * confirming an import (app/app_import.c): a unit name the matcher missed
 * linked to an existing unit (plans_import_opts.units: linked, aliased,
 * audited; a foreign or wrong choice refused with nothing stored), and a
 * corrected plan with targets given as words (plans_import_plan_json). */
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

static char dir[] = "/tmp/dti-test-importfix-XXXXXX";

/* A plan of COMMUNE whose indicator "1" is led by LEAD. */
static plan *one_plan(const char *commune, const char *lead)
{
    plan *p = plan_new();
    assert_non_null(p);
    p->commune = strdup(commune);
    p->province = strdup("Bình Nguyên");
    plan_indicator *d = plan_add_indicator(p);
    assert_non_null(d);
    d->code = strdup("1");
    d->name = strdup("Tỷ lệ hồ sơ trực tuyến");
    assert_int_equal(strlist_add(&d->lead, lead), 0);
    assert_int_equal(strlist_add(&d->support, "Các thôn"), 0);
    return p;
}

static int64_t count(app *a, const char *sql)
{
    int64_t n = -1;
    dti_err e;
    if (store_query_int(a->st, sql, NULL, 0, &n, NULL, &e))
        fail_msg("%s: %s", sql, e.msg);
    return n;
}

/* Import a plan of COMMUNE led by LEAD from the bytes DATA with CHOICES;
 * the rc, R filled (released by the caller). */
static dti_rc import(app *a, const char *commune, const char *lead, const char *data, const plans_unit_choice *ch,
                     size_t nch, plans_import_result *r, dti_err *e)
{
    plan *p = one_plan(commune, lead);
    plans_import_opts o = {PLANS_CAL_NONE, NULL, 0, ch, nch, NULL, NULL};
    dti_rc rc = plans_import_plan_opts(a, p, "kh.md", data, strlen(data), &o, r, e);
    plan_free(p);
    return rc;
}

static void test_units_choice(void **state)
{
    (void)state;
    char db[512];
    snprintf(db, sizeof db, "%s/units.db", dir);
    app a;
    dti_err e;
    plans_import_result r;
    if (app_open(&a, test_db(db), 0, &e))
        fail_msg("%s", e.msg);
    /* the units: Phòng Văn hóa - Xã hội of Hòa Bình, Công an xã of An Phú */
    assert_int_equal(import(&a, "Hòa Bình", "Phòng Văn hóa - Xã hội", "kh-1", NULL, 0, &r, &e), DTI_OK);
    int64_t vhxh = r.matches[0].org_id, hoabinh = r.commune_id;
    assert_true(vhxh > 0 && hoabinh > 0);
    plans_import_result_release(&r);
    assert_int_equal(import(&a, "An Phú", "Công an xã", "kh-2", NULL, 0, &r, &e), DTI_OK);
    int64_t foreign = r.matches[0].org_id;
    plans_import_result_release(&r);

    /* without a choice the odd spelling would be a new unit */
    plan *p = one_plan("Hòa Bình", "Ph. VHXH");
    assert_int_equal(plans_import_dry_run(&a, p, "kh.md", "kh-3", 4, &r, &e), DTI_OK);
    assert_int_equal(r.matches[0].how, PLANS_MATCH_NEW);
    assert_int_equal(r.commune_id, hoabinh);
    plans_import_result_release(&r);
    plan_free(p);

    /* refused, naming "units" and the name, nothing stored */
    int64_t plans = count(&a, "SELECT COUNT(*) FROM plans"), orgs = count(&a, "SELECT COUNT(*) FROM orgs"),
            aliases = count(&a, "SELECT COUNT(*) FROM org_aliases"), audit = count(&a, "SELECT COUNT(*) FROM audit");
    const plans_unit_choice bad[][1] = {{{"Ph. VHXH", foreign}}, {{"Ph. VHXH", hoabinh}}, {{"Ph. VHXH", 9999}},
                                      {{"Phòng khác", vhxh}}, {{"Các thôn", vhxh}}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(import(&a, "Hòa Bình", "Ph. VHXH", "kh-3", bad[i], 1, &r, &e), DTI_ERR_INPUT);
        assert_string_equal(e.field, "units");
        assert_non_null(strstr(e.msg, bad[i][0].name));
        assert_null(strstr(e.msg, "An Phú"));
        assert_int_equal(r.plan_id, 0);
        plans_import_result_release(&r);
    }
    assert_int_equal(count(&a, "SELECT COUNT(*) FROM plans"), plans);
    assert_int_equal(count(&a, "SELECT COUNT(*) FROM orgs"), orgs);
    assert_int_equal(count(&a, "SELECT COUNT(*) FROM org_aliases"), aliases);
    assert_int_equal(count(&a, "SELECT COUNT(*) FROM audit"), audit);

    /* chosen: linked, aliased, audited, no new unit */
    const plans_unit_choice ok = {"Ph. VHXH", vhxh};
    assert_int_equal(import(&a, "Hòa Bình", "Ph. VHXH", "kh-3", &ok, 1, &r, &e), DTI_OK);
    assert_int_equal(r.matches[0].how, PLANS_MATCH_CHOSEN);
    assert_int_equal(r.matches[0].org_id, vhxh);
    assert_string_equal(r.matches[0].org_name, "Phòng Văn hóa - Xã hội");
    assert_int_equal(r.nunits_new, 0);
    int64_t plan3 = r.plan_id;
    plans_import_result_release(&r);
    assert_int_equal(count(&a, "SELECT COUNT(*) FROM orgs"), orgs);
    assert_int_equal(count(&a, "SELECT COUNT(*) FROM org_aliases WHERE alias = 'Ph. VHXH'"), 1);
    assert_int_equal(count(&a, "SELECT COUNT(*) FROM audit WHERE action = 'org.alias'"), 1);
    plan *back = NULL;
    assert_int_equal(plans_get(&a, plan3, &back, &e), DTI_OK);
    assert_string_equal(back->indicators[0]->lead.v[0], "Ph. VHXH");     /* as written */
    plan_free(back);

    /* the next document with that spelling: matched by itself */
    assert_int_equal(import(&a, "Hòa Bình", "Ph. VHXH", "kh-4", NULL, 0, &r, &e), DTI_OK);
    assert_int_equal(r.matches[0].how, PLANS_MATCH_SAME);
    assert_int_equal(r.matches[0].org_id, vhxh);
    plans_import_result_release(&r);
    /* a name another unit already answers to cannot be given to this one */
    const plans_unit_choice taken = {"Ph. VHXH", foreign};
    assert_int_equal(import(&a, "Hòa Bình", "Ph. VHXH", "kh-5", &taken, 1, &r, &e), DTI_ERR_INPUT);
    plans_import_result_release(&r);
    app_close(&a);
}

static void test_plan_json_words(void **state)
{
    (void)state;
    dti_err e;
    plan *p = NULL;
    json_t *j = json_loads("{\"schema\": \"dti.plan/1\", \"title\": null, \"commune\": null, \"province\": null,"
                           " \"number\": null, \"issued\": null, \"groups\": [], \"tasks\": [], \"indicators\": ["
                           "{\"code\": \"1\", \"group\": null, \"name\": \"A\", \"lead\": [], \"support\": [],"
                           " \"due\": null, \"due_text\": null, \"basis\": null, \"action\": null, \"targets\": ["
                           "{\"year\": 2026, \"text\": \" Đạt  tối thiểu 85% \"},"
                           "{\"year\": 2030, \"op\": \">=\", \"value\": 1, \"unit\": \"%\", \"text\": \"x\"}]}]}",
                           0, NULL);
    assert_non_null(j);
    char *before = json_dumps(j, JSON_SORT_KEYS);
    assert_int_equal(plans_import_plan_json(j, &p, &e), DTI_OK);
    const plan_target *t = &p->indicators[0]->targets[0];
    assert_int_equal(t->year, 2026);
    assert_int_equal(t->op, TARGET_GE);
    assert_true(t->has_value && t->value == 85);
    assert_string_equal(t->unit, "%");
    assert_string_equal(t->text, "Đạt tối thiểu 85%");
    assert_string_equal(p->indicators[0]->targets[1].text, "x");     /* structured: as it stands */
    plan_free(p);
    char *after = json_dumps(j, JSON_SORT_KEYS);
    assert_string_equal(before, after);                                  /* J not changed */
    free(before);
    free(after);
    /* words without a number: a text target */
    json_object_set_new(json_array_get(json_object_get(json_array_get(json_object_get(j, "indicators"), 0),
                                                       "targets"), 0),
                        "text", json_string("Hoàn thành"));
    assert_int_equal(plans_import_plan_json(j, &p, &e), DTI_OK);
    assert_int_equal(p->indicators[0]->targets[0].op, TARGET_TEXT);
    assert_false(p->indicators[0]->targets[0].has_value);
    plan_free(p);
    /* empty words, a bad field: named under "plan." */
    json_object_set_new(json_array_get(json_object_get(json_array_get(json_object_get(j, "indicators"), 0),
                                                       "targets"), 0),
                        "text", json_string("  "));
    assert_int_equal(plans_import_plan_json(j, &p, &e), DTI_ERR_INPUT);
    assert_string_equal(e.field, "plan.indicators[0].targets[0].text");
    assert_null(p);
    json_object_set_new(json_array_get(json_object_get(j, "indicators"), 0), "name", json_integer(3));
    json_array_remove(json_object_get(json_array_get(json_object_get(j, "indicators"), 0), "targets"), 0);
    assert_int_equal(plans_import_plan_json(j, &p, &e), DTI_ERR_INPUT);
    assert_string_equal(e.field, "plan.indicators[0].name");
    json_decref(j);
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
        cmocka_unit_test(test_units_choice),
        cmocka_unit_test(test_plan_json_words),
    };
    return cmocka_run_group_tests(tests, setup_all, teardown_all);
}
