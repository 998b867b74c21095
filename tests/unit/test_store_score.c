/* test_store_score.c — the scoring wing's repository (store/store_score.h)
 * on its own, below app/: what each function writes is what the next reads
 * back, the upsert replaces, a closed table is no longer in force, the newest
 * publication of each org comes first by figure. The PostgreSQL engine runs
 * the same statements, so these are the cases it must answer alike. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include "app_fixture.h"
#include "store/store_score.h"

static int count_row(void *ctx, const store_row *r)
{
    (void)r;
    (*(int *)ctx)++;
    return 0;
}

struct pts {
    int n;
    int has_self, has_review;
    double self, review;
    char reason[64];
};

static int pts_row(void *ctx, const store_row *r)
{
    struct pts *p = ctx;
    p->n++;
    p->has_self = r->v[1].t != SV_NULL;
    p->self = r->v[1].t == SV_REAL ? r->v[1].d : (double)r->v[1].i;
    p->has_review = r->v[2].t != SV_NULL;
    p->review = r->v[2].t == SV_REAL ? r->v[2].d : (double)r->v[2].i;
    snprintf(p->reason, sizeof p->reason, "%s", r->v[3].t == SV_TEXT ? r->v[3].s : "");
    return 0;
}

static void test_plan_and_aggregation(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    int64_t org = -1, id = 0;
    int found = -1, is = -1;
    char *agg = NULL;
    assert_int_equal(fixture_open(&f, 0), 0);
    assert_int_equal(store_score_plan_org(f.s, f.plan, &org, &found, &e), DTI_OK);
    assert_int_equal(found, 1);
    assert_int_equal(org, f.A);
    assert_int_equal(store_score_plan_org(f.s, 999, &org, &found, &e), DTI_OK);
    assert_int_equal(found, 0);
    assert_int_equal(store_score_org_is_commune(f.s, f.A, &is, &e), DTI_OK);
    assert_int_equal(is, 1);
    assert_int_equal(store_score_org_is_commune(f.s, f.A1, &is, &e), DTI_OK);
    assert_int_equal(is, 0);
    assert_int_equal(store_score_indicator_by_code(f.s, f.plan, "I1", &id, &found, &e), DTI_OK);
    assert_int_equal(found, 1);
    assert_int_equal(id, f.i1);
    /* never set: NULL; set twice: the second replaces the first */
    assert_int_equal(store_score_aggregation_get(f.s, f.i1, &agg, &e), DTI_OK);
    assert_null(agg);
    assert_int_equal(store_score_aggregation_put(f.s, f.i1, "sum", &e), DTI_OK);
    assert_int_equal(store_score_aggregation_put(f.s, f.i1, "last", &e), DTI_OK);
    assert_int_equal(store_score_aggregation_get(f.s, f.i1, &agg, &e), DTI_OK);
    assert_string_equal(agg, "last");
    free(agg);
    fixture_close(&f);
}

static void test_tables_and_points(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    int64_t t1 = 0, t2 = 0, in_force = 0, changed = -1, crit = 0, n = 0;
    int found = -1;
    double max = -1;
    assert_int_equal(fixture_open(&f, 0), 0);
    assert_int_equal(store_score_table_in_force(f.s, f.plan, &in_force, &found, &e), DTI_OK);
    assert_int_equal(found, 0);
    assert_int_equal(store_score_table_add(f.s, f.plan, "Bộ 1", "a.csv", "00", "2026-03-01T00:00:00Z", 0, &t1, &e),
                     DTI_OK);
    store_score_criterion c = {"2.1", "2", "Nhân lực số", "Cán bộ được tập huấn", 10, "I1", NULL, "achievement", NULL};
    assert_int_equal(store_score_criterion_add(f.s, t1, 1, &c, &e), DTI_OK);
    assert_int_equal(store_score_criteria_count(f.s, t1, &n, &e), DTI_OK);
    assert_int_equal(n, 1);
    /* a second table closes the first: only the second is in force */
    assert_int_equal(store_score_table_close(f.s, f.plan, "2026-03-02T00:00:00Z", &changed, &e), DTI_OK);
    assert_int_equal(changed, 1);
    assert_int_equal(store_score_table_add(f.s, f.plan, "Bộ 2", "b.csv", "11", "2026-03-02T00:00:00Z", 0, &t2, &e),
                     DTI_OK);
    c.max_points = 2.5;
    assert_int_equal(store_score_criterion_add(f.s, t2, 1, &c, &e), DTI_OK);
    assert_int_equal(store_score_table_in_force(f.s, f.plan, &in_force, &found, &e), DTI_OK);
    assert_int_equal(found, 1);
    assert_int_equal(in_force, t2);
    assert_int_equal(store_score_criterion_find(f.s, f.plan, "2.1", &crit, &found, &e), DTI_OK);
    assert_int_equal(found, 1);
    assert_int_equal(store_score_criterion_max(f.s, crit, &max, &e), DTI_OK);
    assert_true(max == 2.5);
    assert_int_equal(store_score_criterion_find(f.s, f.plan, "9.9", &crit, &found, &e), DTI_OK);
    assert_int_equal(found, 0);
    assert_int_equal(store_score_criterion_find(f.s, f.plan, "2.1", &crit, &found, &e), DTI_OK);
    /* points: a row, the self-assessment, then the review beside it */
    struct pts p = {0};
    assert_int_equal(store_score_points_get(f.s, crit, f.A, "2026-03", pts_row, &p, &e), DTI_OK);
    assert_int_equal(p.n, 0);
    assert_int_equal(store_score_points_add(f.s, crit, f.plan, f.A, "2026-03", &e), DTI_OK);
    assert_int_equal(store_score_points_set(f.s, 0, crit, f.A, "2026-03", 2, "tự chấm", 0, "2026-03-03T00:00:00Z", &e),
                     DTI_OK);
    assert_int_equal(store_score_points_set(f.s, 1, crit, f.A, "2026-03", 1.5, "thiếu minh chứng", 0,
                                            "2026-03-04T00:00:00Z", &e), DTI_OK);
    memset(&p, 0, sizeof p);
    assert_int_equal(store_score_points_get(f.s, crit, f.A, "2026-03", pts_row, &p, &e), DTI_OK);
    assert_int_equal(p.n, 1);
    assert_true(p.has_self && p.self == 2);
    assert_true(p.has_review && p.review == 1.5);
    assert_string_equal(p.reason, "thiếu minh chứng");
    int rows = 0;
    assert_int_equal(store_score_points(f.s, t2, f.A, "2026-03", count_row, &rows, &e), DTI_OK);
    assert_int_equal(rows, 1);
    rows = 0;
    assert_int_equal(store_score_points(f.s, t1, f.A, "2026-03", count_row, &rows, &e), DTI_OK);
    assert_int_equal(rows, 0);
    fixture_close(&f);
}

struct pubs {
    int n;
    char first[64];
    int first_has;
};

static int pub_row(void *ctx, const store_row *r)
{
    struct pubs *p = ctx;
    if (p->n++ == 0) {
        snprintf(p->first, sizeof p->first, "%s|%s", r->v[0].s ? r->v[0].s : "", r->v[1].s ? r->v[1].s : "");
        p->first_has = (int)r->v[2].i;
    }
    return 0;
}

static void test_publications(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    int64_t prov = 0, pid = 0;
    int found = -1;
    assert_int_equal(fixture_open(&f, 0), 0);
    store_score_publication a1 = {f.plan, f.A, "2026-02", 1, 0.5, 1, 2, "2026-03-01T00:00:00Z", 0};
    store_score_publication a2 = {f.plan, f.A, "2026-03", 1, 0.9, 1.8, 2, "2026-04-01T00:00:00Z", 0};
    store_score_publication b1 = {f.plan, f.B, "2026-03", 0, 0, 0, 2, "2026-04-01T00:00:00Z", 0};
    assert_int_equal(store_score_publication_add(f.s, &a1, &e), DTI_OK);
    assert_int_equal(store_score_publication_add(f.s, &b1, &e), DTI_OK);
    assert_int_equal(store_score_publication_add(f.s, &a2, &e), DTI_OK);
    /* one row per org, its newest; with a figure first */
    struct pubs p = {0};
    assert_int_equal(store_score_publications_newest(f.s, pub_row, &p, &e), DTI_OK);
    assert_int_equal(p.n, 2);
    assert_string_equal(p.first, "Xã An|2026-03");
    assert_int_equal(p.first_has, 1);
    /* the province above the plan's commune, and its communes */
    assert_int_equal(store_score_plan_province(f.s, f.plan, &prov, &found, &e), DTI_OK);
    assert_int_equal(found, 1);
    assert_int_equal(prov, f.P);
    int rows = 0;
    assert_int_equal(store_score_communes(f.s, f.P, count_row, &rows, &e), DTI_OK);
    assert_int_equal(rows, 2);
    assert_int_equal(store_score_commune_plan(f.s, f.A, 2026, &pid, &found, &e), DTI_OK);
    assert_int_equal(found, 1);
    assert_int_equal(pid, f.plan);
    assert_int_equal(store_score_commune_plan(f.s, f.B, 2026, &pid, &found, &e), DTI_OK);
    assert_int_equal(found, 0);
    fixture_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plan_and_aggregation),
        cmocka_unit_test(test_tables_and_points),
        cmocka_unit_test(test_publications),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
