/* test_request_change.c — editing and cancelling ad-hoc requests
 * (app/plan/request.h) and what reminders say of them (app/remind/remind.h),
 * on the fixture's plan (app_fixture.h; SQLite, or PostgreSQL under make
 * test-pg): who may, which fields are refused and that a refusal changes
 * nothing, a unit dropped and asked again, no edit once a unit has saved a
 * report, a cancellation that keeps the report and takes no new one, and
 * the opened/changed/cancelled notices told once each, only to who heard
 * of the request before. FIX_NOW is 01/04/2026 in Vietnam. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include "app_fixture.h"
#include "app/plan/request.h"
#include "app/remind/remind.h"
#include "app/report/report.h"
#include "store/store_request.h"

#define CSV_A1 "code,numerator,denominator\nI1,3,4\n"
#define CSV_A2 "code,value\nI2,3\n"

static int count(const remind_result *r, const char *kind)
{
    int n = 0;
    for (size_t i = 0; i < r->n; i++)
        n += strcmp(r->v[i].kind, kind) == 0;
    return n;
}

static int has(const remind_result *r, const char *kind, const char *user)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(r->v[i].kind, kind) == 0 && strcmp(r->v[i].user, user) == 0)
            return 1;
    return 0;
}

static int asked(fixture *f, int64_t org)
{
    int found = 0;
    dti_err e;
    assert_int_equal(store_request_asked(f->s, f->plan, "2026-D01", org, &found, &e), DTI_OK);
    return found;
}

static void test_edit_cancel(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    json_t *out = NULL, *list = NULL;
    remind_result r;
    assert_int_equal(fixture_open(&f, 1), 0);
    int64_t both[] = {f.A1, f.A2}, one[] = {f.A1}, other[] = {f.B1};
    plans_request_in in = {.kind = "adhoc", .title = "ATTT", .from = "2026-03-20", .to = "2026-03-31",
                           .due = "2026-04-10", .orgs = both, .norgs = 2};
    assert_int_equal(plans_request_open(FIX_AS(f.s, &f.coord_a, FIX_NOW), f.plan, &in, &out, &e), DTI_OK);
    json_decref(out);

    /* announced at once to both units' reporters, once */
    assert_int_equal(remind_run_as(f.s, FIX_NOW + 60, NULL, 0, &r, &e), DTI_OK);
    assert_int_equal(count(&r, "opened"), 2);
    assert_true(has(&r, "opened", "rep_a1"));
    assert_true(has(&r, "opened", "rep_a2"));
    remind_result_release(&r);
    assert_int_equal(remind_run_as(f.s, FIX_NOW + 120, NULL, 0, &r, &e), DTI_OK);
    assert_int_equal(count(&r, "opened"), 0);
    remind_result_release(&r);

    /* who may: the coordinator of the commune; others refused or not told the plan exists */
    plans_request_edit_in ed = {.due = "2026-04-12"};
    time_t t1 = FIX_NOW + 600;
    assert_int_equal(plans_request_edit(FIX_AS(f.s, &f.rep_a1, t1), f.plan, "2026-D01", &ed, &out, &e), DTI_ERR_PERM);
    assert_int_equal(plans_request_edit(FIX_AS(f.s, &f.view_a, t1), f.plan, "2026-D01", &ed, &out, &e), DTI_ERR_PERM);
    assert_int_equal(plans_request_edit(FIX_AS(f.s, &f.coord_b, t1), f.plan, "2026-D01", &ed, &out, &e),
                     DTI_ERR_NOTFOUND);
    assert_int_equal(plans_request_edit(FIX_AS(f.s, &f.coord_a, t1), f.plan, "2026-D02", &ed, &out, &e),
                     DTI_ERR_NOTFOUND);
    /* bad fields, by name */
    plans_request_edit_in past = {.due = "2026-03-31"}, before_start = {.due = "2026-03-19"}, blank = {.title = " "},
                          foreign = {.set_orgs = 1, .orgs = other, .norgs = 1}, none = {.set_orgs = 1},
                          same = {.due = "10/04/2026"}, nothing = {0};
    struct { plans_request_edit_in *in; const char *field; } bad[] = {
        {&past, "due"}, {&before_start, "due"}, {&blank, "title"}, {&foreign, "orgs"}, {&none, "orgs"},
        {&same, "title"}, {&nothing, "title"}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(plans_request_edit(FIX_AS(f.s, &f.coord_a, t1), f.plan, "2026-D01", bad[i].in, &out, &e),
                         DTI_ERR_INPUT);
        assert_string_equal(e.field, bad[i].field);
        assert_null(out);
    }
    assert_true(asked(&f, f.A2));

    /* drop A2, move the deadline: A2 may no longer report, is told; A1 is told of the change */
    plans_request_edit_in drop = {.due = "2026-04-12", .set_orgs = 1, .orgs = one, .norgs = 1};
    assert_int_equal(plans_request_edit(FIX_AS(f.s, &f.coord_a, t1), f.plan, "2026-D01", &drop, &out, &e), DTI_OK);
    assert_string_equal(json_string_value(json_object_get(out, "unit_due")), "12/04/2026");
    assert_int_equal(json_array_size(json_object_get(out, "orgs")), 1);
    assert_true(json_is_true(json_object_get(out, "editable")));
    json_decref(out);
    assert_false(asked(&f, f.A2));
    assert_int_equal(remind_run_as(f.s, t1 + 60, NULL, 0, &r, &e), DTI_OK);
    assert_int_equal(count(&r, "changed"), 2);
    assert_true(has(&r, "changed", "rep_a1"));
    assert_true(has(&r, "changed", "rep_a2"));
    remind_result_release(&r);
    assert_int_equal(remind_run_as(f.s, t1 + 120, NULL, 0, &r, &e), DTI_OK);
    assert_int_equal(count(&r, "changed") + count(&r, "opened"), 0);
    remind_result_release(&r);
    /* asked again: its row comes back */
    plans_request_edit_in again = {.set_orgs = 1, .orgs = both, .norgs = 2};
    assert_int_equal(plans_request_edit(FIX_AS(f.s, &f.coord_a, t1 + 180), f.plan, "2026-D01", &again, &out, &e),
                     DTI_OK);
    json_decref(out);
    assert_true(asked(&f, f.A2));

    /* a unit saves a report: no edit any more, cancelling still allowed */
    report_key key = {.plan_id = f.plan, .org_id = f.A1};
    snprintf(key.period, sizeof key.period, "2026-D01");
    report_fill_result fr;
    assert_int_equal(report_fill_csv(FIX_AS(f.s, &f.rep_a1, t1 + 240), &key, CSV_A1, strlen(CSV_A1), &fr, &e),
                     DTI_OK);
    plans_request_edit_in later = {.due = "2026-04-15"};
    assert_int_equal(plans_request_edit(FIX_AS(f.s, &f.coord_a, t1 + 300), f.plan, "2026-D01", &later, &out, &e),
                     DTI_ERR_CONFLICT);
    assert_int_equal(plans_request_cancel(FIX_AS(f.s, &f.rep_a1, t1 + 300), f.plan, "2026-D01", "x", &out, &e),
                     DTI_ERR_PERM);
    assert_int_equal(plans_request_cancel(FIX_AS(f.s, &f.coord_a, t1 + 300), f.plan, "2026-D01", "  ", &out, &e),
                     DTI_ERR_INPUT);
    assert_string_equal(e.field, "reason");
    assert_int_equal(plans_request_cancel(FIX_AS(f.s, &f.coord_a, t1 + 300), f.plan, "2026-D01", "Trùng kỳ", &out, &e),
                     DTI_OK);
    assert_true(json_is_true(json_object_get(out, "cancelled")));
    assert_string_equal(json_string_value(json_object_get(out, "cancel_reason")), "Trùng kỳ");
    assert_int_equal(json_integer_value(json_object_get(out, "reports")), 1);
    json_decref(out);
    assert_int_equal(plans_request_cancel(FIX_AS(f.s, &f.coord_a, t1 + 360), f.plan, "2026-D01", "lại", &out, &e),
                     DTI_ERR_CONFLICT);
    assert_int_equal(plans_request_open_for_reports(f.s, f.plan, "2026-D01", &e), DTI_ERR_CONFLICT);
    assert_int_equal(report_fill_csv(FIX_AS(f.s, &f.rep_a2, t1 + 360), &(report_key){f.plan, f.A2, "2026-D01"},
                                     CSV_A2, strlen(CSV_A2), &fr, &e),
                     DTI_ERR_CONFLICT);
    /* still listed, the report kept */
    assert_int_equal(plans_request_list(FIX_AS(f.s, &f.view_a, t1 + 360), f.plan, &list, &e), DTI_OK);
    assert_int_equal(json_array_size(list), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(list, 0), "state")), "cancelled");
    json_decref(list);
    int64_t nrep = 0;
    assert_int_equal(store_request_reports(f.s, f.plan, "2026-D01", &nrep, &e), DTI_OK);
    assert_int_equal(nrep, 1);
    /* told once to each unit asked; no deadline reminder after it */
    assert_int_equal(remind_run_as(f.s, t1 + 420, NULL, 0, &r, &e), DTI_OK);
    assert_int_equal(count(&r, "cancelled"), 2);
    remind_result_release(&r);
    assert_int_equal(remind_run_as(f.s, t1 + 480, NULL, 0, &r, &e), DTI_OK);
    assert_int_equal(count(&r, "cancelled"), 0);
    remind_result_release(&r);
    /* 09/04, 3 days before the deadline: nothing about the cancelled request */
    assert_int_equal(remind_run_as(f.s, FIX_NOW + 8 * 86400, NULL, 0, &r, &e), DTI_OK);
    for (size_t i = 0; i < r.n; i++)
        assert_string_not_equal(r.v[i].period, "2026-D01");
    remind_result_release(&r);
    fixture_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_edit_cancel)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
