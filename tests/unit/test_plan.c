/* test_plan.c — the plan model holds dti.plan/1 exactly (core/plan.c).
 * Every hand-checked extraction in $SHARED/plans/expected is read into a
 * plan and printed back; the two JSON values must be equal. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "core/plan.h"

static void roundtrip(const char *name)
{
    const char *shared = getenv("SHARED");
    assert_non_null(shared);
    char path[4096];
    snprintf(path, sizeof path, "%s/plans/expected/%s", shared, name);
    json_error_t je;
    json_t *want = json_load_file(path, 0, &je);
    assert_non_null(want);
    plan *p = NULL;
    dti_err e;
    assert_int_equal(plan_from_json(want, &p, &e), DTI_OK);
    char *s = plan_to_string(p);
    assert_non_null(s);
    json_t *got = json_loads(s, 0, &je);
    assert_non_null(got);
    if (!json_equal(want, got))
        fail_msg("%s does not survive plan_from_json/plan_to_string", name);
    /* printing is canonical: a second round gives the same bytes */
    plan *p2 = NULL;
    assert_int_equal(plan_from_json(got, &p2, &e), DTI_OK);
    char *s2 = plan_to_string(p2);
    assert_string_equal(s, s2);
    free(s); free(s2);
    plan_free(p); plan_free(p2);
    json_decref(want); json_decref(got);
}

static void test_expected_roundtrip(void **state)
{
    (void)state;
    roundtrip("minh-duc-2026-2030-dti.json");
    roundtrip("vinh-thuan-2026-dti.json");
    roundtrip("vinh-tru-2026.json");
}

static void test_bad_plans(void **state)
{
    (void)state;
    struct { const char *json, *field; } cases[] = {
        {"[]", ""},
        {"{\"schema\":\"x\"}", "schema"},
        {"{\"schema\":\"dti.plan/1\",\"title\":5}", "title"},
        {"{\"schema\":\"dti.plan/1\",\"indicators\":[{\"code\":\"1\"}]}", "indicators[0].name"},
        {"{\"schema\":\"dti.plan/1\",\"indicators\":[{\"code\":\"1\",\"name\":\"a\",\"targets\":[{\"year\":2026,\"op\":\"~\",\"value\":1}]}]}", "indicators[0].targets[0].op"},
        {"{\"schema\":\"dti.plan/1\",\"indicators\":[{\"code\":\"1\",\"name\":\"a\",\"targets\":[{\"year\":26,\"op\":\">=\",\"value\":1}]}]}", "indicators[0].targets[0].year"},
        {"{\"schema\":\"dti.plan/1\",\"indicators\":[{\"code\":\"1\",\"name\":\"a\",\"targets\":[{\"year\":2026,\"op\":\">=\",\"value\":\"x\"}]}]}", "indicators[0].targets[0].value"},
        {"{\"schema\":\"dti.plan/1\",\"tasks\":[{\"code\":\"1\",\"name\":\"a\",\"lead\":[1]}]}", "tasks[0].lead[0]"},
        /* lists of the wrong type were silently read as empty */
        {"{\"schema\":\"dti.plan/1\",\"indicators\":{\"code\":\"1\"}}", "indicators"},
        {"{\"schema\":\"dti.plan/1\",\"groups\":\"1\"}", "groups"},
        {"{\"schema\":\"dti.plan/1\",\"tasks\":[{\"code\":\"1\",\"name\":\"a\"},7]}", "tasks[1]"},
        {"{\"schema\":\"dti.plan/1\",\"tasks\":[{\"code\":\"1\",\"name\":\"a\",\"support\":\"UBND\"}]}", "tasks[0].support"},
        {"{\"schema\":\"dti.plan/1\",\"indicators\":[{\"code\":\"1\",\"name\":\"a\",\"targets\":{\"year\":2026}}]}", "indicators[0].targets"},
        {"{\"schema\":\"dti.plan/1\",\"indicators\":[{\"code\":\"1\",\"name\":\"a\",\"targets\":[{\"year\":2026,\"op\":\">=\",\"value\":1,\"unit\":5}]}]}", "indicators[0].targets[0].unit"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        json_error_t je;
        json_t *j = json_loads(cases[i].json, 0, &je);
        assert_non_null(j);
        plan *p = (plan *)1;
        dti_err e;
        dti_err_clear(&e);
        assert_int_equal(plan_from_json(j, &p, &e), DTI_ERR_INPUT);
        assert_null(p);
        assert_string_equal(e.field, cases[i].field);
        assert_true(strlen(e.msg) > 0);
        json_decref(j);
    }
}

static void test_targets_sorted_and_replaced(void **state)
{
    (void)state;
    plan *p = plan_new();
    plan_indicator *d = plan_add_indicator(p);
    assert_int_equal(plan_indicator_add_target(d, 2030, TARGET_GE, 1, 90, "%", "90%"), 0);
    assert_int_equal(plan_indicator_add_target(d, 2026, TARGET_GE, 1, 70, "%", "70%"), 0);
    assert_int_equal(plan_indicator_add_target(d, 2030, TARGET_GT, 1, 95, "%", ">95%"), 0);
    assert_int_equal(d->ntargets, 2);
    assert_int_equal(d->targets[0].year, 2026);
    assert_int_equal(d->targets[1].year, 2030);
    assert_int_equal(d->targets[1].op, TARGET_GT);
    assert_true(d->targets[1].value == 95);
    plan_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_expected_roundtrip),
        cmocka_unit_test(test_bad_plans),
        cmocka_unit_test(test_targets_sorted_and_replaced),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
