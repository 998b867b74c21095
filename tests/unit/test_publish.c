/* test_publish.c — app/publish.h: who may see an entity's history (scope,
 * reporters only their own org's reports, out of scope = not found), who
 * may publish, and that the public ranking shows each commune's newest
 * publication only. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include "app_fixture.h"
#include "app/score/publish.h"
#include "base/lang.h"

/* The app context an entry point builds for user U at NOW on store S (and
 * for no user: the public page). */
#define AS(s_, u_, now_) (&(app){.st = (s_), .user_id = (u_)->id, .account = (u_), .now = (now_), .lang = lang_get()})
#define AS0(s_) (&(app){.st = (s_), .user_id = 0, .account = NULL, .now = 0, .lang = lang_get()})
#include "app/report/report.h"

static int64_t fill(fixture *f, const auth_user *u, int64_t org, const char *csv)
{
    report_key k;
    report_fill_result r;
    dti_err e;
    memset(&k, 0, sizeof k);
    k.plan_id = f->plan;
    k.org_id = org;
    snprintf(k.period, sizeof k.period, "2026-03");
    if (report_fill_csv_as(f->s, u, &k, csv, strlen(csv), FIX_NOW, &r, &e)) {
        fprintf(stderr, "fill: %s\n", e.msg);
        return 0;
    }
    return r.report_id;
}

static dti_rc hist(fixture *f, const auth_user *u, const char *kind, int64_t id, size_t *n)
{
    json_t *out = NULL;
    dti_err e;
    dti_rc rc = scoring_history(AS(f->s, u, FIX_NOW), kind, id, &out, &e);
    *n = out ? json_array_size(out) : 0;
    json_decref(out);
    return rc;
}

static void test_history_scope(void **state)
{
    (void)state;
    fixture f;
    size_t n = 0;
    assert_int_equal(fixture_open(&f, 1), 0);
    const char csv1[] = "code,numerator,denominator,value\nI1,3,4,\n";
    const char csv2[] = "code,numerator,denominator,value\nI1,4,4,\n";
    int64_t rid = fill(&f, &f.rep_a1, f.A1, csv1);
    assert_true(rid > 0);
    assert_int_equal(fill(&f, &f.rep_a1, f.A1, csv2), rid);

    /* the report: its own reporter, the commune's coordinator and viewer,
     * the province viewer, the admin */
    const auth_user *yes[] = {&f.rep_a1, &f.coord_a, &f.view_a, &f.view_p, &f.admin};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
        assert_int_equal(hist(&f, yes[i], "report", rid, &n), DTI_OK);
        assert_int_equal(n, 3);     /* report.create, report.fill, report.fill */
    }
    /* another unit's reporter, another commune's coordinator: as if missing */
    assert_int_equal(hist(&f, &f.rep_a2, "report", rid, &n), DTI_ERR_NOTFOUND);
    assert_int_equal(hist(&f, &f.coord_b, "report", rid, &n), DTI_ERR_NOTFOUND);
    assert_int_equal(hist(&f, &f.admin, "report", rid + 1000, &n), DTI_ERR_NOTFOUND);

    /* indicators and tasks: not for reporters, nor out of scope */
    assert_int_equal(hist(&f, &f.coord_a, "indicator", f.i1, &n), DTI_OK);
    assert_int_equal(hist(&f, &f.view_a, "task", f.k1, &n), DTI_OK);
    assert_int_equal(n, 0);
    assert_int_equal(hist(&f, &f.rep_a1, "indicator", f.i1, &n), DTI_ERR_NOTFOUND);
    assert_int_equal(hist(&f, &f.coord_b, "task", f.k1, &n), DTI_ERR_NOTFOUND);
    assert_int_equal(hist(&f, &f.admin, "plan", f.plan, &n), DTI_ERR_INPUT);
    assert_int_equal(hist(&f, &f.admin, NULL, f.plan, &n), DTI_ERR_INPUT);
    fixture_close(&f);
}

static void test_publish(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    json_t *out = NULL, *pub = NULL;
    assert_int_equal(fixture_open(&f, 1), 0);

    /* nothing published: an empty public list */
    assert_int_equal(scoring_public_rankings(AS0(f.s), &pub, &e), DTI_OK);
    assert_int_equal(json_array_size(json_object_get(pub, "rankings")), 0);
    assert_true(json_is_null(json_object_get(pub, "published_at")));
    json_decref(pub);

    /* reporters, viewers and another commune's coordinator may not */
    assert_int_not_equal(scoring_publish(AS(f.s, &f.rep_a1, FIX_NOW), f.plan, "2026-03", &out, &e), DTI_OK);
    assert_int_not_equal(scoring_publish(AS(f.s, &f.view_a, FIX_NOW), f.plan, "2026-03", &out, &e), DTI_OK);
    assert_int_not_equal(scoring_publish(AS(f.s, &f.coord_b, FIX_NOW), f.plan, "2026-03", &out, &e), DTI_OK);
    assert_int_equal(scoring_publish(AS(f.s, &f.coord_a, FIX_NOW), f.plan, "2026-13", &out, &e), DTI_ERR_INPUT);
    assert_int_equal(scoring_publish(AS(f.s, &f.coord_a, FIX_NOW), f.plan, NULL, &out, &e), DTI_ERR_INPUT);
    assert_null(out);

    /* twice: the public page shows the newest only, audited each time */
    assert_int_equal(scoring_publish(AS(f.s, &f.coord_a, FIX_NOW), f.plan, "2026-02", NULL, &e), DTI_OK);
    assert_int_equal(scoring_publish(AS(f.s, &f.coord_a, FIX_NOW + 60), f.plan, "2026-03", &out, &e), DTI_OK);
    assert_string_equal(json_string_value(json_object_get(out, "period")), "2026-03");
    json_decref(out);
    assert_int_equal(scoring_public_rankings(AS0(f.s), &pub, &e), DTI_OK);
    json_t *rows = json_object_get(pub, "rankings");
    assert_int_equal(json_array_size(rows), 1);
    json_t *row = json_array_get(rows, 0);
    assert_string_equal(json_string_value(json_object_get(row, "commune")), "Xã An");
    assert_string_equal(json_string_value(json_object_get(row, "period")), "2026-03");
    assert_int_equal(json_object_size(row), 6);     /* rank, commune, period, index, index_text, published_at */
    json_decref(pub);
    int64_t n = 0;
    assert_int_equal(store_query_int(f.s, "SELECT COUNT(*) FROM audit WHERE action = 'score.publish'", NULL, 0,
                                     &n, NULL, &e), DTI_OK);
    assert_int_equal(n, 2);
    fixture_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_history_scope),
        cmocka_unit_test(test_publish),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
