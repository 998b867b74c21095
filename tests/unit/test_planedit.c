/* test_planedit.c — editing indicators and tasks after import, reassigning
 * them, the units to choose from (app/planedit.c, assign.c): a good edit is
 * written and audited with before and after; every bad field is refused,
 * named, and changes nothing; out of scope is "not found", read-only is
 * "refused"; a code repeated across groups needs its group. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include "app_fixture.h"
#include "app/plan/assign.h"
#include "app/audit/audit.h"
#include "app/plan/planedit.h"

static int64_t count(fixture *f, const char *sql, int64_t id)
{
    int64_t n = -1;
    dti_err e;
    store_val p[] = {SV_I(id)};
    assert_int_equal(store_query_int(f->s, sql, p, strchr(sql, '?') ? 1 : 0, &n, NULL, &e), DTI_OK);
    return n;
}

static char *text(fixture *f, const char *sql, int64_t id)
{
    char *out = NULL;
    dti_err e;
    store_val p[] = {SV_I(id)};
    assert_int_equal(store_query_text(f->s, sql, p, 1, &out, &e), DTI_OK);
    return out;
}

/* Edit I1 with the JSON CH as U; the return code, E filled. */
static dti_rc edit_i1(fixture *f, const auth_user *u, const char *ch, json_t **out, dti_err *e)
{
    json_error_t je;
    json_t *j = json_loads(ch, 0, &je);
    assert_non_null(j);
    dti_rc rc = plans_edit_indicator(FIX_AS(f->s, u, FIX_NOW), f->plan, "I1", NULL, j, out, e);
    json_decref(j);
    return rc;
}

static void test_edit_indicator(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    json_t *out = NULL, *log = NULL;
    assert_int_equal(fixture_open(&f, 1), 0);
    assert_int_equal(edit_i1(&f, &f.coord_a, "{\"name\": \"  tỷ lệ hồ sơ   nộp trực tuyến \", \"targets\": "
                                             "[{\"year\": 2026, \"text\": \"Đạt tối thiểu 85%\"}]}", &out, &e), DTI_OK);
    assert_string_equal(json_string_value(json_object_get(out, "name")), "Tỷ lệ hồ sơ nộp trực tuyến");
    assert_int_equal(json_integer_value(json_object_get(out, "id")), f.i1);
    json_t *t = json_array_get(json_object_get(out, "targets"), 0);
    assert_string_equal(json_string_value(json_object_get(t, "op")), ">=");
    assert_true(json_number_value(json_object_get(t, "value")) == 85.0);
    assert_string_equal(json_string_value(json_object_get(t, "unit")), "%");
    json_decref(out);
    assert_int_equal(count(&f, "SELECT CAST(value AS INTEGER) FROM indicator_targets WHERE indicator_id = ?", f.i1), 85);
    /* audited under the indicator's row id, before and after */
    char id[32];
    snprintf(id, sizeof id, "%lld", (long long)f.i1);
    assert_int_equal(audit_entries(f.s, "indicator", id, 0, &log, &e), DTI_OK);
    assert_int_equal(json_array_size(log), 1);
    json_t *x = json_array_get(log, 0);
    assert_string_equal(json_string_value(json_object_get(x, "action")), "indicator.edit");
    json_t *bt = json_array_get(json_object_get(json_object_get(x, "before"), "targets"), 0);
    json_t *at = json_array_get(json_object_get(json_object_get(x, "after"), "targets"), 0);
    assert_true(json_number_value(json_object_get(bt, "value")) == 70.0);
    assert_true(json_number_value(json_object_get(at, "value")) == 85.0);
    json_decref(log);
    /* a structured target; due read from its words */
    assert_int_equal(edit_i1(&f, &f.admin, "{\"due_text\": \"Quý II năm 2026\", \"targets\": [{\"year\": 2026, "
                                           "\"op\": \"<=\", \"value\": 5.5, \"unit\": \"ngày\"}]}", NULL, &e), DTI_OK);
    char *due = text(&f, "SELECT due FROM indicators WHERE id = ?", f.i1);
    assert_string_equal(due, "2026-Q2");
    free(due);
    char *tt = text(&f, "SELECT text FROM indicator_targets WHERE indicator_id = ?", f.i1);
    assert_string_equal(tt, "Tối đa 5,5 ngày");
    free(tt);
    /* a value as text, written the Vietnamese way (base/num.h) */
    assert_int_equal(edit_i1(&f, &f.admin, "{\"targets\": [{\"year\": 2026, \"op\": \">=\", \"value\": \"2.100\", "
                                           "\"unit\": \"hồ sơ\"}]}", NULL, &e), DTI_OK);
    assert_int_equal(count(&f, "SELECT CAST(value AS INTEGER) FROM indicator_targets WHERE indicator_id = ?", f.i1), 2100);
    assert_int_equal(edit_i1(&f, &f.admin, "{\"due_text\": \"Quý II năm 2026\", \"targets\": [{\"year\": 2026, "
                                           "\"op\": \"<=\", \"value\": 5.5, \"unit\": \"ngày\"}]}", NULL, &e), DTI_OK);
    /* the same again changes nothing and logs nothing */
    int64_t n = count(&f, "SELECT COUNT(*) FROM audit", 0);
    assert_int_equal(edit_i1(&f, &f.coord_a, "{\"due_text\": \"Quý II năm 2026\"}", NULL, &e), DTI_OK);
    assert_int_equal(count(&f, "SELECT COUNT(*) FROM audit", 0), n);
    fixture_close(&f);
}

static void test_bad_input_changes_nothing(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    assert_int_equal(fixture_open(&f, 1), 0);
    static const struct {
        const char *json, *field;
        dti_rc rc;
    } bad[] = {
        {"{\"name\": \"   \"}", "name", DTI_ERR_INPUT},
        {"{\"name\": 5}", "name", DTI_ERR_INPUT},
        {"{\"targets\": [{\"year\": 2026, \"text\": \"tốt lên nhiều\"}]}", "targets[0].text", DTI_ERR_INPUT},
        {"{\"targets\": [{\"year\": 2031, \"text\": \"Đạt 90%\"}]}", "targets[0].year", DTI_ERR_INPUT},
        {"{\"targets\": [{\"year\": 2026, \"op\": \"~\", \"value\": 1}]}", "targets[0].op", DTI_ERR_INPUT},
        {"{\"targets\": [{\"year\": 2026, \"op\": \">=\", \"value\": \"x\"}]}", "targets[0].value", DTI_ERR_INPUT},
        {"{\"targets\": [{\"year\": 2026, \"text\": \"70%\"}, {\"year\": 2026, \"text\": \"80%\"}]}",
         "targets[1].year", DTI_ERR_INPUT},
        /* targets are range-checked (issue 9 §3): the field named */
        {"{\"targets\": [{\"year\": 2026, \"op\": \">=\", \"value\": 1e308, \"unit\": \"\"}]}", "targets[0].value", DTI_ERR_INPUT},
        {"{\"targets\": [{\"year\": 2026, \"op\": \">=\", \"value\": 1e-320, \"unit\": \"\"}]}", "targets[0].value", DTI_ERR_INPUT},
        {"{\"targets\": [{\"year\": 2026, \"op\": \">=\", \"value\": 150, \"unit\": \"%\"}]}", "targets[0].value", DTI_ERR_INPUT},
        {"{\"targets\": [{\"year\": 2026, \"op\": \">=\", \"value\": \"0x10\", \"unit\": \"\"}]}", "targets[0].value", DTI_ERR_INPUT},
        {"{\"targets\": [{\"year\": 2026, \"op\": \">=\", \"value\": \"1,234.5\", \"unit\": \"\"}]}", "targets[0].value", DTI_ERR_INPUT},
        {"{\"group\": \"9\"}", "group", DTI_ERR_INPUT},
        {"{\"due\": \"2026-13\"}", "due", DTI_ERR_INPUT},
        {"{\"colour\": \"đỏ\"}", "colour", DTI_ERR_INPUT},
        {"{}", "body", DTI_ERR_INPUT},
        /* a good name with a bad target: the name is not written either */
        {"{\"name\": \"Tên mới\", \"targets\": [{\"year\": 2026}]}", "targets[0].text", DTI_ERR_INPUT},
    };
    int64_t n = count(&f, "SELECT COUNT(*) FROM audit", 0);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        dti_err_clear(&e);
        assert_int_equal(edit_i1(&f, &f.coord_a, bad[i].json, NULL, &e), bad[i].rc);
        if (strcmp(e.field, bad[i].field) != 0)
            fail_msg("%s: field %s, want %s (%s)", bad[i].json, e.field, bad[i].field, e.msg);
        assert_true(strlen(e.msg) > 0);
    }
    char *name = text(&f, "SELECT name FROM indicators WHERE id = ?", f.i1);
    assert_string_equal(name, "Tỷ lệ hồ sơ trực tuyến");
    free(name);
    assert_int_equal(count(&f, "SELECT CAST(value AS INTEGER) FROM indicator_targets WHERE indicator_id = ?", f.i1), 70);
    assert_int_equal(count(&f, "SELECT COUNT(*) FROM audit", 0), n);
    /* an unknown item */
    json_t *j = json_pack("{s:s}", "name", "x");
    assert_int_equal(plans_edit_indicator(FIX_AS(f.s, &f.coord_a, FIX_NOW), f.plan, "I9", NULL, j, NULL, &e), DTI_ERR_NOTFOUND);
    assert_string_equal(e.field, "code");
    json_decref(j);
    fixture_close(&f);
}

static void test_who_may_edit(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    assert_int_equal(fixture_open(&f, 1), 0);
    const char *ch = "{\"name\": \"Tên khác\"}";
    assert_int_equal(edit_i1(&f, &f.view_a, ch, NULL, &e), DTI_ERR_PERM);
    assert_int_equal(edit_i1(&f, &f.rep_a1, ch, NULL, &e), DTI_ERR_PERM);
    assert_int_equal(edit_i1(&f, &f.coord_b, ch, NULL, &e), DTI_ERR_NOTFOUND);  /* another commune */
    assert_null(strstr(e.msg, "An"));
    int64_t to[] = {f.A2};
    assert_int_equal(plans_assign_set_item(FIX_AS(f.s, &f.coord_b, FIX_NOW), f.plan, 0, f.i1, "lead", to, 1, &e), DTI_ERR_NOTFOUND);
    assert_int_equal(plans_assign_set_item(FIX_AS(f.s, &f.view_a, FIX_NOW), f.plan, 0, f.i1, "lead", to, 1, &e), DTI_ERR_PERM);
    json_t *u = NULL;
    assert_int_equal(plans_edit_units(FIX_AS(f.s, &f.coord_b, FIX_NOW), f.plan, &u, &e), DTI_ERR_NOTFOUND);
    char *name = text(&f, "SELECT name FROM indicators WHERE id = ?", f.i1);
    assert_string_equal(name, "Tỷ lệ hồ sơ trực tuyến");
    free(name);
    fixture_close(&f);
}

static void test_task_and_groups(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    json_t *out = NULL, *j;
    json_error_t je;
    assert_int_equal(fixture_open(&f, 1), 0);
    store_val g[] = {SV_I(f.plan)};
    assert_int_equal(store_exec(f.s, "INSERT INTO plan_groups (plan_id, seq, code, name) VALUES (?, 0, '1', 'Hạ tầng'), "
                                     "(?1, 1, '2', 'Dữ liệu')", g, 1, &e), DTI_OK);
    j = json_loads("{\"outputs\": [\"Kế hoạch\", \" Báo cáo  kết quả \"], \"due_text\": \"Tháng 12/2026\", "
                   "\"group\": \"2\", \"funding\": \"Ngân sách xã\"}", 0, &je);
    assert_int_equal(plans_edit_task(FIX_AS(f.s, &f.coord_a, FIX_NOW), f.plan, "K1", NULL, j, &out, &e), DTI_OK);
    json_decref(j);
    assert_string_equal(json_string_value(json_object_get(out, "due")), "2026-12");
    assert_string_equal(json_string_value(json_object_get(out, "group")), "2");
    assert_string_equal(json_string_value(json_array_get(json_object_get(out, "outputs"), 1)), "Báo cáo kết quả");
    json_decref(out);
    assert_int_equal(count(&f, "SELECT COUNT(*) FROM task_outputs WHERE task_id = ?", f.k1), 2);
    assert_int_equal(count(&f, "SELECT COUNT(*) FROM audit WHERE action = 'task.edit' AND entity = 'task' AND "
                               "entity_id = CAST(? AS TEXT)", f.k1), 1);
    /* an empty output is refused, named */
    j = json_loads("{\"outputs\": [\"Kế hoạch\", \"\"]}", 0, &je);
    assert_int_equal(plans_edit_task(FIX_AS(f.s, &f.coord_a, FIX_NOW), f.plan, "K1", NULL, j, NULL, &e), DTI_ERR_INPUT);
    assert_string_equal(e.field, "outputs[1]");
    json_decref(j);
    /* a code in two groups needs its group */
    store_val i[] = {SV_I(f.plan)};
    assert_int_equal(store_exec(f.s, "INSERT INTO indicators (plan_id, seq, code, group_code, name) "
                                     "VALUES (?, 3, 'I1', '2', 'Khác')", i, 1, &e), DTI_OK);
    int64_t id = 0;
    assert_int_equal(plans_edit_find(FIX_AS(f.s, &f.coord_a, FIX_NOW), f.plan, 0, "I1", NULL, &id, &e), DTI_ERR_CONFLICT);
    assert_string_equal(e.field, "group");
    assert_int_equal(plans_edit_find(FIX_AS(f.s, &f.coord_a, FIX_NOW), f.plan, 0, "I1", "1", &id, &e), DTI_OK);
    assert_int_equal(id, f.i1);
    assert_int_equal(plans_edit_find(FIX_AS(f.s, &f.coord_a, FIX_NOW), f.plan, 0, "I1", "2", &id, &e), DTI_OK);
    assert_true(id != f.i1);
    fixture_close(&f);
}

static void test_reassign_and_units(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    json_t *out = NULL, *j;
    json_error_t je;
    assert_int_equal(fixture_open(&f, 1), 0);
    char body[128];
    snprintf(body, sizeof body, "{\"lead\": [%lld], \"support\": [%lld]}", (long long)f.A2, (long long)f.A1);
    j = json_loads(body, 0, &je);
    assert_int_equal(plans_edit_assign(FIX_AS(f.s, &f.coord_a, FIX_NOW), f.plan, 0, "I1", NULL, j, &out, &e), DTI_OK);
    json_decref(j);
    assert_int_equal(json_integer_value(json_object_get(json_array_get(json_object_get(out, "lead"), 0), "org_id")), f.A2);
    assert_int_equal(json_integer_value(json_object_get(json_array_get(json_object_get(out, "support"), 0), "org_id")),
                     f.A1);
    json_decref(out);
    /* both roles in the item's own history; old rows closed, not deleted */
    assert_int_equal(count(&f, "SELECT COUNT(*) FROM audit WHERE action = 'assignment.set' AND entity = 'indicator' "
                               "AND entity_id = CAST(? AS TEXT)", f.i1), 2);
    assert_int_equal(count(&f, "SELECT COUNT(*) FROM assignments WHERE indicator_id = ? AND valid_to IS NOT NULL",
                           f.i1), 2);
    /* the same again: nothing to change, nothing logged (PUT is idempotent) */
    snprintf(body, sizeof body, "{\"lead\": [%lld], \"support\": [%lld]}", (long long)f.A2, (long long)f.A1);
    j = json_loads(body, 0, &je);
    assert_int_equal(plans_edit_assign(FIX_AS(f.s, &f.coord_a, FIX_NOW), f.plan, 0, "I1", NULL, j, NULL, &e), DTI_OK);
    json_decref(j);
    assert_int_equal(count(&f, "SELECT COUNT(*) FROM audit WHERE action = 'assignment.set'", 0), 2);
    /* an org of another commune: refused as if it did not exist (the same
     * 404 as everything outside the caller's scope, issue 9), nothing changed */
    snprintf(body, sizeof body, "{\"lead\": [%lld], \"support\": [%lld]}", (long long)f.A1, (long long)f.B1);
    j = json_loads(body, 0, &je);
    assert_int_equal(plans_edit_assign(FIX_AS(f.s, &f.coord_a, FIX_NOW), f.plan, 0, "I1", NULL, j, NULL, &e), DTI_ERR_NOTFOUND);
    assert_null(strstr(e.msg, "số"));
    json_decref(j);
    assert_int_equal(count(&f, "SELECT org_id FROM assignments WHERE indicator_id = ? AND role = 'lead' AND "
                               "valid_to IS NULL", f.i1), f.A2);
    j = json_loads("{\"lead\": [\"x\"]}", 0, &je);
    assert_int_equal(plans_edit_assign(FIX_AS(f.s, &f.coord_a, FIX_NOW), f.plan, 0, "I1", NULL, j, NULL, &e), DTI_ERR_INPUT);
    assert_string_equal(e.field, "lead");
    json_decref(j);
    /* the units of the plan's commune, not another's */
    assert_int_equal(plans_edit_units(FIX_AS(f.s, &f.coord_a, FIX_NOW), f.plan, &out, &e), DTI_OK);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(out, "commune"), "id")), f.A);
    json_t *units = json_object_get(out, "units");
    assert_int_equal(json_array_size(units), 2);
    size_t i;
    json_t *x;
    json_array_foreach(units, i, x)
        assert_true(json_integer_value(json_object_get(x, "id")) != f.B1);
    json_decref(out);
    fixture_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_edit_indicator),
        cmocka_unit_test(test_bad_input_changes_nothing),
        cmocka_unit_test(test_who_may_edit),
        cmocka_unit_test(test_task_and_groups),
        cmocka_unit_test(test_reassign_and_units),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
