/* test_remind.c — reminders (app/remind.c): the schedule's syntax, working
 * days, which step falls due (with the catch-up window), addresses; then on
 * the fixture's plan with a monthly calendar: who is reminded 3 days before
 * and a day after a deadline, the coordinator's digest, nothing twice, a dry
 * run that records nothing, each user's notices and their read marks, and
 * who may change the plan's settings or an account's address. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include "app_fixture.h"
#include "app/plan/calendar.h"
#include "app/remind/remind.h"
#include "core/period.h"

static time_t at(int y, int m, int d, int hour_utc)
{
    return (time_t)((int64_t)period_days(y, m, d) * 86400 + hour_utc * 3600);
}

static void test_schedule(void **state)
{
    (void)state;
    remind_schedule s;
    dti_err e;
    char out[64];
    assert_int_equal(remind_schedule_parse("3, -3 0,1;3", &s, &e), DTI_OK);
    assert_int_equal(s.n, 4);
    remind_schedule_format(&s, out, sizeof out);
    assert_string_equal(out, "-3,0,1,3");
    assert_int_equal(remind_schedule_parse("-3,x", &s, &e), DTI_ERR_INPUT);
    assert_string_equal(e.field, "schedule");
    assert_int_equal(remind_schedule_parse("-61", &s, &e), DTI_ERR_INPUT);
    assert_int_equal(remind_schedule_parse("", &s, &e), DTI_ERR_INPUT);
    assert_int_equal(remind_schedule_parse("1,2,3,4,5,6,7,8,9", &s, &e), DTI_ERR_INPUT);
    assert_int_equal(remind_schedule_parse("1+2", &s, &e), DTI_ERR_INPUT);
}

static void test_workdays(void **state)
{
    (void)state;
    /* Friday 13/11/2026 + 3 = Wednesday 18/11; Wednesday 16/12 + 3 = Monday 21/12;
     * Saturday 12/12 + 1 = Monday 14/12 */
    assert_int_equal(remind_add_workdays(period_days(2026, 11, 13), 3), period_days(2026, 11, 18));
    assert_int_equal(remind_add_workdays(period_days(2026, 12, 16), 3), period_days(2026, 12, 21));
    assert_int_equal(remind_add_workdays(period_days(2026, 12, 12), 1), period_days(2026, 12, 14));
    assert_int_equal(remind_add_workdays(period_days(2026, 12, 31), 5), period_days(2027, 1, 7));
}

static void test_step_due(void **state)
{
    (void)state;
    remind_schedule s;
    dti_err e;
    assert_int_equal(remind_schedule_parse("-3,0,1,3", &s, &e), DTI_OK);
    int32_t d = period_days(2026, 12, 15);
    assert_int_equal(remind_step_due(&s, d, d - 4, PERIOD_NO_DAY), -1);
    assert_int_equal(remind_step_due(&s, d, d - 3, PERIOD_NO_DAY), 0);
    assert_int_equal(remind_step_due(&s, d, d - 1, PERIOD_NO_DAY), 0);    /* caught up within 2 days */
    assert_int_equal(remind_step_due(&s, d, d, PERIOD_NO_DAY), 1);
    assert_int_equal(remind_step_due(&s, d, d + 2, PERIOD_NO_DAY), 2);
    assert_int_equal(remind_step_due(&s, d, d + 3, PERIOD_NO_DAY), 3);
    assert_int_equal(remind_step_due(&s, d, d + 5, PERIOD_NO_DAY), 3);
    assert_int_equal(remind_step_due(&s, d, d + 6, PERIOD_NO_DAY), -1);   /* too old: history is not sent */
    assert_int_equal(remind_step_due(&s, d, d - 3, d - 3), -1);          /* on or before the return day */
    assert_int_equal(remind_step_due(&s, d, d - 2, d - 4), 0);
}

static void test_email_valid(void **state)
{
    (void)state;
    assert_true(remind_email_valid("ca@hoabinh.gov.vn"));
    assert_false(remind_email_valid("ca@hoabinh"));
    assert_false(remind_email_valid("ca hoabinh@x.vn"));
    assert_false(remind_email_valid("a@b@c.vn"));
    assert_false(remind_email_valid("<a@b.vn>"));
    assert_false(remind_email_valid("a@b.vn\r\nBcc: x@y.vn"));
    assert_false(remind_email_valid("@b.vn"));
    assert_false(remind_email_valid(NULL));
}

static int has(const remind_result *r, const char *kind, const char *user)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(r->v[i].kind, kind) == 0 && strcmp(r->v[i].user, user) == 0)
            return 1;
    return 0;
}

static void test_run(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    remind_result r;
    json_t *list = NULL;
    const char *rules[] = {"month:unit=15+1"};
    assert_int_equal(fixture_open(&f, 1), 0);
    assert_int_equal(plans_calendar_set(FIX_AS(f.s, &f.coord_a, FIX_NOW), f.plan, rules, 1, NULL, &e), DTI_OK);
    assert_int_equal(remind_email_set_as(f.s, &f.rep_a1, f.rep_a1.id, "rep1@an.example.vn", FIX_NOW, &e), DTI_OK);

    /* 12/04/2026, 3 days before March's deadline (15/04): each lead unit's reporter */
    assert_int_equal(remind_run_as(f.s, at(2026, 4, 12, 2), NULL, 1, &r, &e), DTI_OK);
    size_t dry = r.n;
    remind_result_release(&r);
    assert_int_equal(remind_run_as(f.s, at(2026, 4, 12, 2), NULL, 0, &r, &e), DTI_OK);
    assert_int_equal(r.n, dry);
    assert_int_equal(r.n, 2);
    assert_true(has(&r, "before", "rep_a1"));
    assert_true(has(&r, "before", "rep_a2"));
    assert_string_equal(r.v[0].period, "2026-03");
    remind_result_release(&r);
    assert_int_equal(remind_run_as(f.s, at(2026, 4, 12, 9), NULL, 0, &r, &e), DTI_OK);
    assert_int_equal(r.n, 0);
    remind_result_release(&r);

    /* 16/04: a day late, the units again and the coordinator's digest */
    assert_int_equal(remind_run_as(f.s, at(2026, 4, 16, 2), NULL, 0, &r, &e), DTI_OK);
    assert_int_equal(r.n, 3);
    assert_true(has(&r, "after", "rep_a1"));
    assert_true(has(&r, "after", "rep_a2"));
    assert_true(has(&r, "digest", "coord_a"));
    assert_false(has(&r, "digest", "coord_b"));
    remind_result_release(&r);

    /* each sees its own */
    assert_int_equal(remind_notices_as(f.s, &f.rep_a1, 0, &list, &e), DTI_OK);
    json_t *arr = json_object_get(list, "notices");
    assert_int_equal(json_array_size(arr), 2);
    assert_int_equal(json_integer_value(json_object_get(list, "unread")), 2);
    json_int_t id = json_integer_value(json_object_get(json_array_get(arr, 0), "id"));
    assert_string_equal(json_string_value(json_object_get(json_array_get(arr, 0), "kind")), "after");
    json_decref(list);
    assert_int_equal(remind_notice_read_as(f.s, &f.rep_a2, id, FIX_NOW, &e), DTI_ERR_NOTFOUND);
    assert_int_equal(remind_notice_read_as(f.s, &f.rep_a1, id, FIX_NOW, &e), DTI_OK);
    assert_int_equal(remind_notices_as(f.s, &f.rep_a1, 1, &list, &e), DTI_OK);
    assert_int_equal(json_array_size(json_object_get(list, "notices")), 1);
    assert_int_equal(json_integer_value(json_object_get(list, "unread")), 1);
    json_decref(list);
    fixture_close(&f);
}

static void test_permissions(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    char *addr = NULL;
    assert_int_equal(fixture_open(&f, 1), 0);
    assert_int_equal(remind_settings_set_as(f.s, &f.rep_a1, f.plan, "-1,0", 0, FIX_NOW, &e), DTI_ERR_PERM);
    assert_int_equal(remind_settings_set_as(f.s, &f.coord_b, f.plan, "-1,0", 0, FIX_NOW, &e), DTI_ERR_NOTFOUND);
    assert_int_equal(remind_settings_set_as(f.s, &f.coord_a, f.plan, "-1,0", 61, FIX_NOW, &e), DTI_ERR_INPUT);
    assert_int_equal(remind_settings_set_as(f.s, &f.coord_a, f.plan, "-1,0", 4, FIX_NOW, &e), DTI_OK);
    remind_schedule s;
    int days = 0;
    assert_int_equal(remind_settings_get(f.s, f.plan, &s, &days, &e), DTI_OK);
    assert_int_equal(s.n, 2);
    assert_int_equal(days, 4);
    /* an address: oneself, or the account's manager; refused ones change nothing */
    assert_int_equal(remind_email_set_as(f.s, &f.rep_a2, f.rep_a1.id, "x@y.vn", FIX_NOW, &e), DTI_ERR_NOTFOUND);
    assert_int_equal(remind_email_set_as(f.s, &f.coord_a, f.rep_a1.id, "rep1@an.example.vn", FIX_NOW, &e), DTI_OK);
    assert_int_equal(remind_email_set_as(f.s, &f.coord_b, f.rep_a1.id, "x@y.vn", FIX_NOW, &e), DTI_ERR_NOTFOUND);
    assert_int_equal(remind_email_set_as(f.s, &f.rep_a1, f.rep_a1.id, "not an address", FIX_NOW, &e), DTI_ERR_INPUT);
    assert_int_equal(remind_email_get_as(f.s, &f.rep_a1, f.rep_a1.id, &addr, &e), DTI_OK);
    assert_string_equal(addr, "rep1@an.example.vn");
    free(addr);
    assert_int_equal(remind_email_set_as(f.s, &f.rep_a1, f.rep_a1.id, NULL, FIX_NOW, &e), DTI_OK);
    assert_int_equal(remind_email_get_as(f.s, &f.admin, f.rep_a1.id, &addr, &e), DTI_OK);
    assert_null(addr);
    fixture_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_schedule),   cmocka_unit_test(test_workdays), cmocka_unit_test(test_step_due),
        cmocka_unit_test(test_email_valid), cmocka_unit_test(test_run),     cmocka_unit_test(test_permissions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
