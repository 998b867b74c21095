/* test_store_report.c — the reports' repository (store/store_report.h,
 * store_duty.h) on its own, below the rules: a new version copies its
 * predecessor's items, upserts replace, the first submission stays, a
 * withdrawal touches only a submitted report, the show and queue reads
 * give the rows their headers list. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "app_fixture.h"
#include "store/store_duty.h"
#include "store/store_report.h"

struct found {
    int n;
    int64_t id, version;
    char state[16], submitted[32];
};

static int find_row(void *ctx, const store_row *r)
{
    struct found *x = ctx;
    x->n++;
    x->id = r->v[0].i;
    x->version = r->v[1].i;
    snprintf(x->state, sizeof x->state, "%s", r->v[2].t == SV_TEXT ? r->v[2].s : "");
    snprintf(x->submitted, sizeof x->submitted, "%s", r->v[3].t == SV_TEXT ? r->v[3].s : "");
    return 0;
}

static int count_row(void *ctx, const store_row *r)
{
    (void)r;
    ++*(int *)ctx;
    return 0;
}

static void test_versions_and_items(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    int64_t id = 0, id2 = 0, nv, nt, nx, n;
    assert_int_equal(fixture_open(&f, 0), 0);
    store_report_new v1 = {f.plan, f.A1, "2026-03", 1, "draft", "2026-03-05T01:00:00Z", 0, NULL, NULL, 0};
    assert_int_equal(store_report_insert(f.s, &v1, &id, &e), DTI_OK);
    assert_true(id > 0);

    /* upserts: the second value of the same indicator replaces the first */
    store_report_value a = {f.i1, 1, 1, 1, 3, 4, 75, -1, "first"};
    store_report_value b = {f.i1, 1, 1, 1, 2, 4, 50, -1, NULL};
    assert_int_equal(store_report_value_put(f.s, id, &a, &e), DTI_OK);
    assert_int_equal(store_report_value_put(f.s, id, &b, &e), DTI_OK);
    assert_int_equal(store_report_task_put(f.s, id, f.k1, "hoàn thành", 1, 100, "hồ sơ", NULL, &e), DTI_OK);
    assert_int_equal(store_report_text_set(f.s, id, STORE_REPORT_DIFFICULTIES, "thiếu máy", &e), DTI_OK);
    assert_int_equal(store_report_text_set(f.s, id, (store_report_text)7, "x", &e), DTI_ERR_INTERNAL);
    assert_int_equal(store_report_entries(f.s, id, &nv, &nt, &nx, &e), DTI_OK);
    assert_int_equal(nv, 1);
    assert_int_equal(nt, 1);
    assert_int_equal(nx, 1);
    /* A1 leads I1 and K1: both have an entry */
    assert_int_equal(store_report_missing(f.s, f.plan, f.A1, id, &n, &e), DTI_OK);
    assert_int_equal(n, 0);

    /* evidence, then a new version as a copy: values, tasks, texts and links come along */
    assert_int_equal(store_report_file_put(f.s, "abc", "%PDF", 4, "application/pdf", "2026-03-05T02:00:00Z", &e),
                     DTI_OK);
    int found = 0;
    assert_int_equal(store_report_file_exists(f.s, "abc", &found, &e), DTI_OK);
    assert_int_equal(found, 1);
    int64_t ev = 0;
    assert_int_equal(store_report_evidence_add(f.s, "abc", "a.pdf", id, f.i1, 0, 0, "2026-03-05T02:00:00Z", &ev, &e),
                     DTI_OK);
    assert_int_equal(store_report_evidence_check(f.s, ev, 1, 0, &e), DTI_OK);
    assert_int_equal(store_report_evidence_checked(f.s, id, &n, &e), DTI_OK);
    assert_int_equal(n, 1);
    store_report_new v2 = {f.plan, f.A1, "2026-03", 2, "returned", "2026-04-01T01:00:00Z", 0,
                           "2026-04-01T01:00:00Z", "sửa lại", id};
    assert_int_equal(store_report_insert(f.s, &v2, &id2, &e), DTI_OK);
    assert_int_equal(store_report_entries(f.s, id2, &nv, &nt, &nx, &e), DTI_OK);
    assert_int_equal(nv + nt + nx, 3);
    assert_int_equal(store_report_evidence_checked(f.s, id2, &n, &e), DTI_OK);
    assert_int_equal(n, 1);

    /* the newest is found by version 0, an older one by its number */
    struct found x = {0};
    assert_int_equal(store_report_find(f.s, f.plan, f.A1, "2026-03", 0, find_row, &x, &e), DTI_OK);
    assert_int_equal(x.n, 1);
    assert_int_equal(x.id, id2);
    assert_string_equal(x.state, "returned");
    memset(&x, 0, sizeof x);
    assert_int_equal(store_report_find(f.s, f.plan, f.A1, "2026-03", 1, find_row, &x, &e), DTI_OK);
    assert_int_equal(x.id, id);
    int rows = 0;
    assert_int_equal(store_report_versions(f.s, f.plan, f.A1, "2026-03", count_row, &rows, &e), DTI_OK);
    assert_int_equal(rows, 2);
    rows = 0;
    assert_int_equal(store_report_show_evidence(f.s, f.plan, f.A1, id2, count_row, &rows, &e), DTI_OK);
    assert_int_equal(rows, 1);
    fixture_close(&f);
}

/* The item memo (store_report_item_lookup_at): the same rows as the
 * statement, given again without one while the two generations stand;
 * a write to what the look-up reads moves them, and the rows are read
 * again. Both engines (test_db). */
struct look {
    int n;
    int64_t id, lead, support;
    char name[64], unit[16];
    double value;
};

static int look_row(void *ctx, const store_row *r)
{
    struct look *x = ctx;
    x->n++;
    x->id = r->v[0].i;
    snprintf(x->name, sizeof x->name, "%s", r->v[1].t == SV_TEXT ? r->v[1].s : "");
    x->lead = r->v[2].i;
    x->support = r->v[3].i;
    snprintf(x->unit, sizeof x->unit, "%s", r->v[7].t == SV_TEXT ? r->v[7].s : "");
    x->value = r->v[6].t == SV_REAL ? r->v[6].d : (double)r->v[6].i;
    return 0;
}

static uint64_t statements(store *s)
{
    store_stats st;
    store_stats_get(s, &st);
    return st.statements;
}

static void test_item_memo(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    int64_t g = 0, sh = 0;
    int found = 0;
    assert_int_equal(fixture_open(&f, 0), 0);
    assert_int_equal(store_report_plan_gen(f.s, f.plan, &g, &sh, &found, &e), DTI_OK);
    assert_true(found);
    struct look a = {0}, b = {0}, c = {0};
    assert_int_equal(store_report_item_lookup(f.s, f.plan, 0, "I1", NULL, f.A1, 2026, look_row, &a, &e), DTI_OK);
    assert_int_equal(a.n, 1);
    assert_int_equal(a.lead, 1);
    /* first call: the statement, then kept */
    assert_int_equal(store_report_item_lookup_at(f.s, g, sh, f.plan, 0, "I1", NULL, f.A1, 2026, look_row, &b, &e),
                     DTI_OK);
    assert_memory_equal(&a, &b, sizeof a);
    uint64_t n0 = statements(f.s);
    memset(&b, 0, sizeof b);
    assert_int_equal(store_report_item_lookup_at(f.s, g, sh, f.plan, 0, "I1", NULL, f.A1, 2026, look_row, &b, &e),
                     DTI_OK);
    assert_int_equal(statements(f.s), n0);      /* no statement */
    assert_memory_equal(&a, &b, sizeof a);
    /* another org, group or year is another look-up */
    assert_int_equal(store_report_item_lookup_at(f.s, g, sh, f.plan, 0, "I1", NULL, f.A2, 2026, look_row, &c, &e),
                     DTI_OK);
    assert_int_equal(c.lead, 0);
    assert_int_equal(c.support, 1);
    memset(&c, 0, sizeof c);
    assert_int_equal(store_report_item_lookup_at(f.s, g, sh, f.plan, 0, "I1", "2", f.A1, 2026, look_row, &c, &e),
                     DTI_OK);
    assert_int_equal(c.n, 0);
    /* a write the look-up reads (the target, the lead) moves the plan's
     * generation: read again, the new rows */
    assert_int_equal(store_exec(f.s, "UPDATE indicator_targets SET value = 80 WHERE indicator_id = ?",
                                (store_val[]){SV_I(f.i1)}, 1, &e), DTI_OK);
    assert_int_equal(store_exec(f.s, "UPDATE assignments SET valid_to = '2026-02-01' WHERE indicator_id = ? "
                                     "AND org_id = ?", (store_val[]){SV_I(f.i1), SV_I(f.A1)}, 2, &e), DTI_OK);
    int64_t g2 = 0, sh2 = 0;
    assert_int_equal(store_report_plan_gen(f.s, f.plan, &g2, &sh2, &found, &e), DTI_OK);
    assert_true(g2 != g || sh2 != sh);
    memset(&b, 0, sizeof b);
    assert_int_equal(store_report_item_lookup_at(f.s, g2, sh2, f.plan, 0, "I1", NULL, f.A1, 2026, look_row, &b, &e),
                     DTI_OK);
    assert_int_equal(b.n, 1);
    assert_int_equal(b.lead, 0);
    assert_true(b.value > 79.9 && b.value < 80.1);
    store_close(f.s);
}

static void test_submission_marks(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    int64_t id = 0, n = 0;
    char *first = NULL;
    assert_int_equal(fixture_open(&f, 0), 0);
    store_report_new v1 = {f.plan, f.A2, "2026-03", 1, "draft", "2026-03-05T01:00:00Z", 0, NULL, NULL, 0};
    assert_int_equal(store_report_insert(f.s, &v1, &id, &e), DTI_OK);
    /* withdrawing a draft changes nothing */
    assert_int_equal(store_report_unsubmit(f.s, id, "2026-03-06T01:00:00Z", &e), DTI_OK);
    assert_int_equal(store_report_version_stats(f.s, f.plan, f.A2, "2026-03", &n, &first, &e), DTI_OK);
    assert_int_equal(n, 1);
    assert_null(first);
    /* the first submission of a version stays through a second one */
    assert_int_equal(store_report_mark_submitted(f.s, id, "submitted", "2026-04-10T01:00:00Z", 0, NULL, &e), DTI_OK);
    assert_int_equal(store_report_mark_reviewed(f.s, id, "returned", 0, "2026-04-11T01:00:00Z", 0, "why", 0, &e),
                     DTI_OK);
    assert_int_equal(store_report_mark_submitted(f.s, id, "submitted", "2026-04-20T01:00:00Z", 0, NULL, &e), DTI_OK);
    assert_int_equal(store_report_version_stats(f.s, f.plan, f.A2, "2026-03", NULL, &first, &e), DTI_OK);
    assert_string_equal(first, "2026-04-10T01:00:00Z");
    free(first);
    /* in the queue of submitted reports; out of it once withdrawn */
    int rows = 0;
    assert_int_equal(store_report_queue(f.s, f.plan, "submitted", NULL, count_row, &rows, &e), DTI_OK);
    assert_int_equal(rows, 1);
    assert_int_equal(store_report_unsubmit(f.s, id, "2026-04-21T01:00:00Z", &e), DTI_OK);
    rows = 0;
    assert_int_equal(store_report_queue(f.s, f.plan, "submitted", "2026-03", count_row, &rows, &e), DTI_OK);
    assert_int_equal(rows, 0);
    struct found x = {0};
    assert_int_equal(store_report_find(f.s, f.plan, f.A2, "2026-03", 0, find_row, &x, &e), DTI_OK);
    assert_string_equal(x.state, "draft");
    assert_string_equal(x.submitted, "");
    /* My work's reads: A2's two assignments (lead of I2, support of I1), one report */
    rows = 0;
    assert_int_equal(store_duty_spans(f.s, f.plan, f.A2, count_row, &rows, &e), DTI_OK);
    assert_int_equal(rows, 2);
    rows = 0;
    assert_int_equal(store_duty_reports(f.s, f.plan, f.A2, count_row, &rows, &e), DTI_OK);
    assert_int_equal(rows, 1);
    fixture_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_versions_and_items),
        cmocka_unit_test(test_submission_marks),
        cmocka_unit_test(test_item_memo),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
