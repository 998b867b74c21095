/* test_duty.c — what an org owes (app/duty.c) and the review queue
 * (report_queue in app/report_status.c): the due-period rule on months,
 * quarters and the year (current until the deadline, past when missed,
 * approved ones dropped once closed), with the clock fixed by DTI_NOW;
 * items by org id under versioned assignments; who may see what. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include "app_fixture.h"
#include "app/app.h"
#include "app/plan/assign.h"
#include "app/plan/calendar.h"
#include "app/report/duty.h"
#include "app/report/report.h"

/* The entry of CODE under the regime of the N RULES. */
static period_entry entry(const char *const *rules, size_t n, const char *code)
{
    period_regime rg;
    period p;
    period_entry pe;
    dti_err e;
    assert_int_equal(period_regime_parse(rules, n, &rg, &e), DTI_OK);
    assert_int_equal(period_parse(code, &p), 0);
    assert_int_equal(period_regime_entry(&rg, &p, &pe), 0);
    return pe;
}

static int32_t day(int y, int m, int d)
{
    return period_days(y, m, d);
}

static void test_rule(void **state)
{
    (void)state;
    /* calendar periods: these tests are about duties, not the 15→14 default */
    const char *rules[] = {"month:cutoff=none:unit=15+1", "quarter:cutoff=none:unit=18@last",
                           "year:cutoff=none:unit=05/12"};
    /* a month: from its first day to its deadline (15th of the next month) */
    period_entry m = entry(rules, 3, "2026-03");
    assert_int_equal(report_duty_period(&m, day(2026, 2, 28), 1, 0), REPORT_DUTY_NONE);      /* not started */
    assert_int_equal(report_duty_period(&m, day(2026, 3, 1), 1, 0), REPORT_DUTY_CURRENT);
    assert_int_equal(report_duty_period(&m, day(2026, 4, 15), 1, 0), REPORT_DUTY_CURRENT);    /* the deadline day */
    assert_int_equal(report_duty_period(&m, day(2026, 4, 16), 1, 0), REPORT_DUTY_PAST);       /* missed */
    assert_int_equal(report_duty_period(&m, day(2026, 4, 16), 1, 1), REPORT_DUTY_NONE);       /* approved: done */
    assert_int_equal(report_duty_period(&m, day(2026, 4, 10), 1, 1), REPORT_DUTY_CURRENT);    /* approved, still open */
    assert_int_equal(report_duty_period(&m, day(2026, 4, 10), 0, 0), REPORT_DUTY_NONE);       /* no duty then */
    /* a quarter due before it ends (18th of its last month): open to its end */
    period_entry q = entry(rules, 3, "2026-Q1");
    assert_int_equal(q.unit_due, day(2026, 3, 18));
    assert_int_equal(report_duty_period(&q, day(2026, 3, 25), 1, 0), REPORT_DUTY_CURRENT);
    assert_int_equal(report_duty_period(&q, day(2026, 4, 1), 1, 0), REPORT_DUTY_PAST);
    assert_int_equal(report_duty_period(&q, day(2026, 4, 1), 1, 1), REPORT_DUTY_NONE);
    /* the year, due 05/12: open all year */
    period_entry y = entry(rules, 3, "2026");
    assert_int_equal(report_duty_period(&y, day(2026, 1, 1), 1, 0), REPORT_DUTY_CURRENT);
    assert_int_equal(report_duty_period(&y, day(2026, 12, 31), 1, 0), REPORT_DUTY_CURRENT);
    assert_int_equal(report_duty_period(&y, day(2027, 1, 1), 1, 0), REPORT_DUTY_PAST);
    /* no deadline: open to its end */
    const char *none[] = {"month:cutoff=none:unit=none"};
    period_entry n = entry(none, 1, "2026-03");
    assert_int_equal(n.unit_due, PERIOD_NO_DAY);
    assert_int_equal(report_duty_period(&n, day(2026, 3, 31), 1, 0), REPORT_DUTY_CURRENT);
    assert_int_equal(report_duty_period(&n, day(2026, 4, 1), 1, 0), REPORT_DUTY_PAST);
    assert_int_equal(report_duty_period(NULL, day(2026, 4, 1), 1, 0), REPORT_DUTY_NONE);
    assert_string_equal(report_duty_when_name(REPORT_DUTY_PAST), "past");
}

static report_key key(int64_t plan_id, int64_t org, const char *code)
{
    report_key k;
    memset(&k, 0, sizeof k);
    k.plan_id = plan_id;
    k.org_id = org;
    snprintf(k.period, sizeof k.period, "%s", code);
    return k;
}

/* Fill, submit (at AT) and, with APPROVE, approve A1's report of CODE. */
static void report_a1(fixture *f, const char *code, time_t at, int approve)
{
    dti_err e;
    report_fill_result r;
    report_key k = key(f->plan, f->A1, code);
    const char csv[] = "code,numerator,denominator,status\nI1,7,10,\nK1,,,đang triển khai\n";
    assert_int_equal(report_fill_csv_as(f->s, &f->rep_a1, &k, csv, strlen(csv), at, &r, &e), DTI_OK);
    assert_int_equal(report_submit_as(f->s, &f->rep_a1, &k, at, NULL, &e), DTI_OK);
    if (approve)
        assert_int_equal(report_approve_as(f->s, &f->coord_a, &k, at + 3600, &e), DTI_OK);
}

static json_t *find(json_t *arr, const char *key_name, const char *value)
{
    size_t i;
    json_t *x;
    json_array_foreach(arr, i, x) {
        const char *v = json_string_value(json_object_get(x, key_name));
        if (v && strcmp(v, value) == 0)
            return x;
    }
    return NULL;
}

static void codes(json_t *periods, char *out, size_t n)
{
    size_t i;
    json_t *x;
    out[0] = '\0';
    json_array_foreach(periods, i, x) {
        size_t len = strlen(out);
        snprintf(out + len, n - len, "%s%s", i ? " " : "", json_string_value(json_object_get(x, "code")));
    }
}

static void test_list(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    json_t *j = NULL;
    char got[256];
    assert_int_equal(fixture_open(&f, 1), 0);

    /* no calendar yet: the items, no periods, a note */
    assert_int_equal(report_duty_list_as(f.s, &f.rep_a1, f.plan, f.A1, NULL, FIX_NOW, &j, &e), DTI_OK);
    assert_false(json_is_true(json_object_get(j, "calendar")));
    assert_int_equal(json_array_size(json_object_get(j, "periods")), 0);
    assert_non_null(json_string_value(json_object_get(j, "note")));
    assert_int_equal(json_array_size(json_object_get(j, "items")), 2);     /* I1 (lead), K1 */
    json_decref(j);

    /* calendar periods: these tests are about duties, not the 15→14 default */
    const char *rules[] = {"month:cutoff=none:unit=15+1", "quarter:cutoff=none:unit=18@last",
                           "year:cutoff=none:unit=05/12"};
    assert_int_equal(plans_calendar_set(FIX_AS(f.s, &f.coord_a, FIX_NOW), f.plan, rules, 3, NULL, &e), DTI_OK);
    /* January approved on time, February submitted and waiting */
    report_a1(&f, "2026-01", (time_t)1770800000, 1);     /* 2026-02-11 */
    report_a1(&f, "2026-02", (time_t)1773300000, 0);     /* 2026-03-12 */

    /* the clock as the server reads it: DTI_NOW, 10/04/2026 10:00 in Vietnam */
    assert_int_equal(setenv("DTI_NOW", "2026-04-10T03:00:00Z", 1), 0);
    time_t now = app_now();
    assert_int_equal(period_today_vn(now), day(2026, 4, 10));
    assert_int_equal(report_duty_list_as(f.s, &f.rep_a1, f.plan, f.A1, NULL, now, &j, &e), DTI_OK);
    assert_string_equal(json_string_value(json_object_get(j, "today")), "10/04/2026");
    json_t *ps = json_object_get(j, "periods");
    codes(ps, got, sizeof got);
    /* by deadline: Feb (15/03, waiting), Q1 (18/03, missed), Mar (15/04),
     * Apr (15/05), Q2 (18/06), the year (05/12); January approved and closed */
    assert_string_equal(got, "2026-02 2026-Q1 2026-03 2026-04 2026-Q2 2026");
    json_t *feb = find(ps, "code", "2026-02");
    assert_string_equal(json_string_value(json_object_get(feb, "when")), "past");
    assert_string_equal(json_string_value(json_object_get(feb, "state")), "submitted");
    assert_string_equal(json_string_value(json_object_get(json_object_get(feb, "timeliness"), "status")), "on_time");
    json_t *q1 = find(ps, "code", "2026-Q1");
    assert_string_equal(json_string_value(json_object_get(q1, "when")), "past");
    assert_true(json_is_null(json_object_get(q1, "state")));
    assert_int_equal(json_integer_value(json_object_get(q1, "days_left")), -23);
    assert_string_equal(json_string_value(json_object_get(json_object_get(q1, "timeliness"), "status")), "missing");
    json_t *apr = find(ps, "code", "2026-04");
    assert_string_equal(json_string_value(json_object_get(apr, "kind")), "month");
    assert_string_equal(json_string_value(json_object_get(apr, "when")), "current");
    assert_string_equal(json_string_value(json_object_get(apr, "unit_due")), "15/05/2026");
    assert_string_equal(json_string_value(json_object_get(apr, "unit_due_iso")), "2026-05-15");
    assert_int_equal(json_integer_value(json_object_get(apr, "days_left")), 35);
    json_t *year = find(ps, "code", "2026");
    assert_string_equal(json_string_value(json_object_get(year, "kind")), "year");
    assert_int_equal(json_integer_value(json_object_get(year, "days_left")), 239);
    /* items: I1 a rate with this year's target, K1 a task */
    json_t *items = json_object_get(j, "items");
    json_t *i1 = find(items, "code", "I1");
    assert_true(json_is_true(json_object_get(i1, "rate")));
    assert_string_equal(json_string_value(json_object_get(i1, "role")), "lead");
    assert_int_equal(json_integer_value(json_object_get(json_object_get(i1, "target"), "year")), 2026);
    assert_string_equal(json_string_value(json_object_get(find(items, "code", "K1"), "kind")), "task");
    json_decref(j);

    /* March approved now: still listed while open, as approved */
    report_a1(&f, "2026-03", now, 1);
    assert_int_equal(report_duty_list_as(f.s, &f.rep_a1, f.plan, f.A1, NULL, now, &j, &e), DTI_OK);
    assert_string_equal(json_string_value(json_object_get(find(json_object_get(j, "periods"), "code", "2026-03"),
                                                          "state")), "approved");
    json_decref(j);
    /* ... and gone once its deadline has passed */
    assert_int_equal(report_duty_list_as(f.s, &f.rep_a1, f.plan, f.A1, NULL, now + 10 * 86400, &j, &e), DTI_OK);
    assert_null(find(json_object_get(j, "periods"), "code", "2026-03"));
    json_decref(j);

    /* A2 supports I1 and leads I2: both listed, with their roles */
    assert_int_equal(report_duty_list_as(f.s, &f.rep_a2, f.plan, f.A2, NULL, now, &j, &e), DTI_OK);
    items = json_object_get(j, "items");
    assert_string_equal(json_string_value(json_object_get(find(items, "code", "I1"), "role")), "support");
    assert_string_equal(json_string_value(json_object_get(find(items, "code", "I2"), "role")), "lead");
    assert_false(json_is_true(json_object_get(find(items, "code", "I2"), "rate")));
    json_decref(j);

    /* I1's lead moves to A2 today: gone from A1's list now, kept for March */
    int64_t to[] = {f.A2};
    assert_int_equal(plans_assign_set(FIX_AS(f.s, &f.coord_a, now), f.plan, 0, "I1", "lead", to, 1, &e), DTI_OK);
    assert_int_equal(report_duty_list_as(f.s, &f.rep_a1, f.plan, f.A1, NULL, now, &j, &e), DTI_OK);
    assert_null(find(json_object_get(j, "items"), "code", "I1"));
    json_decref(j);
    assert_int_equal(report_duty_list_as(f.s, &f.rep_a1, f.plan, f.A1, "2026-03", now, &j, &e), DTI_OK);
    assert_non_null(find(json_object_get(j, "items"), "code", "I1"));
    assert_int_equal(json_array_size(json_object_get(j, "periods")), 1);
    json_decref(j);
    /* a period not in the calendar */
    assert_int_equal(report_duty_list_as(f.s, &f.rep_a1, f.plan, f.A1, "2026-H1", now, &j, &e), DTI_ERR_INPUT);
    assert_null(j);
    unsetenv("DTI_NOW");
    fixture_close(&f);
}

static void test_access(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    json_t *j = NULL;
    assert_int_equal(fixture_open(&f, 1), 0);
    /* another unit of the same commune, another commune, an org not in the plan */
    assert_int_equal(report_duty_list_as(f.s, &f.rep_a2, f.plan, f.A1, NULL, FIX_NOW, &j, &e), DTI_ERR_NOTFOUND);
    assert_int_equal(report_duty_list_as(f.s, &f.coord_b, f.plan, f.A1, NULL, FIX_NOW, &j, &e), DTI_ERR_NOTFOUND);
    assert_int_equal(report_duty_list_as(f.s, &f.admin, f.plan, f.B1, NULL, FIX_NOW, &j, &e), DTI_ERR_NOTFOUND);
    assert_int_equal(report_duty_list_as(f.s, &f.admin, 999, f.A1, NULL, FIX_NOW, &j, &e), DTI_ERR_NOTFOUND);
    assert_null(j);
    /* readers in scope */
    const auth_user *ok[] = {&f.admin, &f.coord_a, &f.view_a, &f.view_p, &f.rep_a1};
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        assert_int_equal(report_duty_list_as(f.s, ok[i], f.plan, f.A1, NULL, FIX_NOW, &j, &e), DTI_OK);
        json_decref(j);
    }
    fixture_close(&f);
}

static void test_queue(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    json_t *j = NULL;
    assert_int_equal(fixture_open(&f, 1), 0);
    const char *rules[] = {"month:cutoff=none:unit=15+1"};
    assert_int_equal(plans_calendar_set(FIX_AS(f.s, &f.coord_a, FIX_NOW), f.plan, rules, 1, NULL, &e), DTI_OK);
    report_a1(&f, "2026-02", (time_t)1773300000, 0);     /* waiting */
    report_a1(&f, "2026-01", (time_t)1770800000, 1);     /* approved */
    struct { const auth_user *u; size_t n; int review; } who[] = {
        {&f.coord_a, 1, 1}, {&f.admin, 1, 1}, {&f.view_a, 1, 0}, {&f.rep_a1, 1, 0}, {&f.rep_a2, 0, 0},
    };
    for (size_t i = 0; i < sizeof who / sizeof *who; i++) {
        assert_int_equal(report_queue_as(f.s, who[i].u, f.plan, NULL, NULL, FIX_NOW, &j, &e), DTI_OK);
        json_t *rs = json_object_get(j, "reports");
        assert_int_equal(json_array_size(rs), who[i].n);
        if (who[i].n) {
            json_t *r = json_array_get(rs, 0);
            assert_string_equal(json_string_value(json_object_get(r, "period")), "2026-02");
            assert_int_equal(json_integer_value(json_object_get(r, "org_id")), f.A1);
            assert_int_equal(json_is_true(json_object_get(r, "can_review")), who[i].review);
            assert_string_equal(json_string_value(json_object_get(r, "unit_due")), "15/03/2026");
        }
        json_decref(j);
    }
    assert_int_equal(report_queue_as(f.s, &f.coord_b, f.plan, NULL, NULL, FIX_NOW, &j, &e), DTI_ERR_NOTFOUND);
    assert_int_equal(report_queue_as(f.s, &f.coord_a, f.plan, "waiting", NULL, FIX_NOW, &j, &e), DTI_ERR_INPUT);
    assert_int_equal(report_queue_as(f.s, &f.coord_a, f.plan, NULL, "2026-H1", FIX_NOW, &j, &e), DTI_ERR_INPUT);
    assert_int_equal(report_queue_as(f.s, &f.coord_a, f.plan, "approved", "2026-01", FIX_NOW, &j, &e), DTI_OK);
    assert_int_equal(json_array_size(json_object_get(j, "reports")), 1);
    json_decref(j);
    assert_int_equal(report_queue_as(f.s, &f.coord_a, f.plan, "approved", "2026-02", FIX_NOW, &j, &e), DTI_OK);
    assert_int_equal(json_array_size(json_object_get(j, "reports")), 0);
    json_decref(j);
    fixture_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rule),
        cmocka_unit_test(test_list),
        cmocka_unit_test(test_access),
        cmocka_unit_test(test_queue),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
