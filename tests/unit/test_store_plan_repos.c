/* test_store_plan_repos.c — the repositories of the plan and outputs wings
 * (store_assign, store_calendar, store_plan_item, store_export and the
 * additions to store_plan and store_org) on an in-memory SQLite store: each
 * function's contract as its header states it, independent of app/. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "base/file.h"
#include "store/store.h"
#include "store/store_assign.h"
#include "store/store_calendar.h"
#include "store/store_export.h"
#include "store/store_org.h"
#include "store/store_plan.h"
#include "store/store_plan_item.h"

typedef struct world {
    store *s;
    int64_t prov, comm, unit, unit2, plan;
} world;

static int64_t org_of(void *ctx, const char *role, const char *name)
{
    (void)role;
    return strcmp(name, "Các thôn") == 0 ? 0 : *(int64_t *)ctx;
}

/* A province, a commune with two units, and a plan of two indicators (I1
 * twice, in groups 1 and 2) and one task, led by the first unit. */
static void world_open(world *w)
{
    dti_err e;
    dti_err_clear(&e);
    memset(w, 0, sizeof *w);
    assert_int_equal(store_open(":memory:", &w->s, &e), DTI_OK);
    assert_int_equal(store_org_create(w->s, 0, ORG_PROVINCE, "Tỉnh X", "tinh x", 0, &w->prov, &e), DTI_OK);
    assert_int_equal(store_org_create(w->s, w->prov, ORG_COMMUNE, "Hòa Bình", "hoa binh", 0, &w->comm, &e), DTI_OK);
    assert_int_equal(store_org_create(w->s, w->comm, ORG_UNIT, "Phòng VH-XH", "phong vh xh", 0, &w->unit, &e), DTI_OK);
    assert_int_equal(store_org_create(w->s, w->comm, ORG_UNIT, "Công an xã", "cong an xa", 0, &w->unit2, &e), DTI_OK);
    assert_int_equal(store_org_add_alias(w->s, w->unit, "Phòng Văn hóa", "phong van hoa", 0, &e), DTI_OK);
    plan *p = plan_new();
    assert_non_null(p);
    p->title = strdup("Kế hoạch giai đoạn 2026-2028");
    p->issued = strdup("2026-03-15");
    assert_non_null(plan_add_group(p, "1", "Hạ tầng"));
    assert_non_null(plan_add_group(p, "2", "Nhân lực"));
    for (int g = 1; g <= 2; g++) {
        plan_indicator *d = plan_add_indicator(p);
        d->code = strdup("I1");
        d->group = strdup(g == 1 ? "1" : "2");
        d->name = strdup(g == 1 ? "Phủ sóng" : "Đào tạo");
        assert_int_equal(plan_indicator_add_target(d, 2026 + g, TARGET_GE, 1, 90, "%", NULL), 0);
        strlist_add(&d->lead, "Phòng VH-XH");
        strlist_add(&d->support, "Các thôn");
    }
    plan_task *t = plan_add_task(p);
    t->code = strdup("K1");
    t->name = strdup("Lập kế hoạch");
    strlist_add(&t->outputs, "Kế hoạch");
    const char bytes[] = "kế hoạch";
    char sha[65];
    file_sha256_hex(bytes, sizeof bytes, sha);
    store_plan_in in = {p, w->comm, 0, {"kh.md", "text/markdown", bytes, sizeof bytes, sha}, org_of, &w->unit, 0};
    assert_int_equal(store_plan_save(w->s, &in, &w->plan, &e), DTI_OK);
    plan_free(p);
}

struct rows {
    int n;
    char first[8][64];     /* column 0 (or 1 with COL) of each row, as text */
    int col;
};

static int rows_fn(void *ctx, const store_row *r)
{
    struct rows *c = ctx;
    if (c->n < 8) {
        const store_val *v = &r->v[c->col];
        if (v->t == SV_INT)
            snprintf(c->first[c->n], sizeof c->first[0], "%lld", (long long)v->i);
        else if (v->t == SV_TEXT)
            snprintf(c->first[c->n], sizeof c->first[0], "%.*s", (int)v->n, v->s);
        else
            snprintf(c->first[c->n], sizeof c->first[0], "NULL");
    }
    c->n++;
    return 0;
}

static void test_plan_and_org_reads(void **state)
{
    (void)state;
    world w;
    world_open(&w);
    dti_err e;
    int64_t v = -1;
    int found = -1;
    assert_int_equal(store_plan_org(w.s, w.plan, &v, NULL, &e), DTI_OK);
    assert_int_equal(v, w.comm);
    assert_int_equal(store_plan_org(w.s, 999, &v, NULL, &e), DTI_ERR_NOTFOUND);
    assert_int_equal(store_plan_org(w.s, 999, &v, &found, &e), DTI_OK);
    assert_int_equal(found, 0);
    assert_int_equal(store_plan_span(w.s, w.plan, &v, &e), DTI_OK);
    assert_int_equal(v, 2);     /* the title's "giai đoạn 2026-2028" joined with the targets' years */
    struct rows r = {0};
    assert_int_equal(store_plan_head(w.s, w.plan, rows_fn, &r, &e), DTI_OK);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.first[0], "2026");
    assert_int_equal(store_plan_latest_under(w.s, w.prov, &v, &found, &e), DTI_OK);
    assert_int_equal(found, 1);
    assert_int_equal(v, w.plan);
    assert_int_equal(store_plan_latest_under(w.s, w.comm, &v, &found, &e), DTI_OK);
    assert_int_equal(found, 0);

    assert_int_equal(store_org_parent_live(w.s, w.unit, &v, &found, &e), DTI_OK);
    assert_true(found && v == w.comm);
    assert_int_equal(store_org_parent_live(w.s, w.prov, &v, &found, &e), DTI_OK);
    assert_true(found && v == 0);
    char *name = NULL;
    assert_int_equal(store_org_name(w.s, w.unit2, &name, &e), DTI_OK);
    assert_string_equal(name, "Công an xã");
    free(name);
    assert_int_equal(store_org_name(w.s, 999, &name, &e), DTI_OK);
    assert_null(name);
    struct rows u = {0, {{0}}, 2};
    assert_int_equal(store_org_children_aliases(w.s, w.comm, rows_fn, &u, &e), DTI_OK);
    assert_int_equal(u.n, 2);   /* by name: Công an xã (no alias), Phòng VH-XH (one) */
    assert_string_equal(u.first[0], "NULL");
    assert_string_equal(u.first[1], "Phòng Văn hóa");
    struct rows nm = {0, {{0}}, 1};
    assert_int_equal(store_org_names(w.s, w.comm, rows_fn, &nm, &e), DTI_OK);
    assert_int_equal(nm.n, 1);
    assert_string_equal(nm.first[0], "Tỉnh X");
    store_close(w.s);
}

static void test_assignments_versioned(void **state)
{
    (void)state;
    world w;
    world_open(&w);
    dti_err e;
    int64_t id = 0, id2 = 0;
    int found = 0;
    struct rows items = {0};
    assert_int_equal(store_assign_items(w.s, w.plan, 0, rows_fn, &items, &e), DTI_OK);
    assert_int_equal(items.n, 2);
    assert_int_equal(store_assign_item_by_code(w.s, w.plan, 0, "I1", &id, &found, &e), DTI_OK);
    assert_true(found && id == atoll(items.first[0]));      /* the first in document order */
    assert_int_equal(store_assign_item_by_code(w.s, w.plan, 1, "I1", &id2, &found, &e), DTI_OK);
    assert_int_equal(found, 0);
    char *code = NULL;
    assert_int_equal(store_assign_item_code(w.s, w.plan, 0, id, &code, &e), DTI_OK);
    assert_string_equal(code, "I1");
    free(code);
    assert_int_equal(store_assign_item_code(w.s, w.plan + 1, 0, id, &code, &e), DTI_OK);
    assert_null(code);

    struct rows in_force = {0};
    assert_int_equal(store_assign_in_force(w.s, w.plan, 0, rows_fn, &in_force, &e), DTI_OK);
    assert_int_equal(in_force.n, 4);    /* two items × (lead, support) */
    struct rows lead = {0};
    assert_int_equal(store_assign_role(w.s, w.plan, 0, id, "lead", rows_fn, &lead, &e), DTI_OK);
    assert_int_equal(lead.n, 1);
    assert_int_equal(atoll(lead.first[0]), w.unit);
    /* change: close, add two; the closed row stays */
    assert_int_equal(store_assign_close(w.s, w.plan, 0, id, "lead", "2026-05-01", &e), DTI_OK);
    assert_int_equal(store_assign_add(w.s, w.plan, 0, id, w.unit2, "lead", 1, "Công an xã", "2026-05-01", &e), DTI_OK);
    assert_int_equal(store_assign_add(w.s, w.plan, 0, id, 0, "lead", 2, "Các thôn", "2026-05-01", &e), DTI_OK);
    struct rows now = {0, {{0}}, 1};
    assert_int_equal(store_assign_role(w.s, w.plan, 0, id, "lead", rows_fn, &now, &e), DTI_OK);
    assert_int_equal(now.n, 2);
    assert_string_equal(now.first[0], "Công an xã");
    assert_string_equal(now.first[1], "Các thôn");
    int64_t all = 0;
    assert_int_equal(store_query_int(w.s, "SELECT COUNT(*) FROM assignments WHERE indicator_id = ? AND role = 'lead'",
                                     (store_val[]){SV_I(id)}, 1, &all, NULL, &e), DTI_OK);
    assert_int_equal(all, 3);
    store_close(w.s);
}

static void test_calendar(void **state)
{
    (void)state;
    world w;
    world_open(&w);
    dti_err e;
    assert_int_equal(store_calendar_rule_add(w.s, w.plan, 1, "month:unit=15+1", "2026-04-01T00:00:00Z", &e), DTI_OK);
    assert_int_equal(store_calendar_period_add(w.s, w.plan, "2026-04", "month", "2026-04-01", "2026-04-30",
                                               "2026-05-15", NULL, &e), DTI_OK);
    assert_int_equal(store_calendar_period_add(w.s, w.plan, "2026-Q2", "quarter", "2026-04-01", "2026-06-30",
                                               NULL, "2026-07-20", &e), DTI_OK);
    assert_int_equal(store_calendar_period_add(w.s, w.plan, "2027-01", "month", "2027-01-01", "2027-01-31",
                                               NULL, NULL, &e), DTI_OK);
    struct rows rules = {0}, all = {0}, y26 = {0}, y28 = {0};
    assert_int_equal(store_calendar_rules(w.s, w.plan, rows_fn, &rules, &e), DTI_OK);
    assert_int_equal(rules.n, 1);
    assert_string_equal(rules.first[0], "month:unit=15+1");
    assert_int_equal(store_calendar_periods(w.s, w.plan, 0, rows_fn, &all, &e), DTI_OK);
    assert_int_equal(all.n, 3);
    assert_int_equal(store_calendar_periods(w.s, w.plan, 2026, rows_fn, &y26, &e), DTI_OK);
    assert_int_equal(y26.n, 2);
    assert_string_equal(y26.first[0], "2026-04");    /* by end date */
    assert_int_equal(store_calendar_periods(w.s, w.plan, 2028, rows_fn, &y28, &e), DTI_OK);
    assert_int_equal(y28.n, 0);
    char *due = NULL;
    assert_int_equal(store_calendar_commune_due(w.s, w.plan, "2026-Q2", &due, &e), DTI_OK);
    assert_string_equal(due, "2026-07-20");
    free(due);
    assert_int_equal(store_calendar_commune_due(w.s, w.plan, "2026-04", &due, &e), DTI_OK);
    assert_null(due);
    assert_int_equal(store_calendar_clear(w.s, w.plan, &e), DTI_OK);
    struct rows none = {0};
    assert_int_equal(store_calendar_periods(w.s, w.plan, 0, rows_fn, &none, &e), DTI_OK);
    assert_int_equal(store_calendar_rules(w.s, w.plan, rows_fn, &none, &e), DTI_OK);
    assert_int_equal(none.n, 0);
    store_close(w.s);
}

static void test_plan_item_rewrite(void **state)
{
    (void)state;
    world w;
    world_open(&w);
    dti_err e;
    struct rows any = {0}, g2 = {0}, nog = {0};
    assert_int_equal(store_plan_item_find(w.s, w.plan, 0, "I1", NULL, rows_fn, &any, &e), DTI_OK);
    assert_int_equal(any.n, 2);
    assert_int_equal(store_plan_item_find(w.s, w.plan, 0, "I1", "2", rows_fn, &g2, &e), DTI_OK);
    assert_int_equal(g2.n, 1);
    assert_int_equal(store_plan_item_find(w.s, w.plan, 0, "I1", "", rows_fn, &nog, &e), DTI_OK);
    assert_int_equal(nog.n, 0);
    int64_t id = atoll(g2.first[0]), idx = -1, gid = 0;
    int found = 0;
    assert_int_equal(store_plan_item_index(w.s, w.plan, 0, id, &idx, &e), DTI_OK);
    assert_int_equal(idx, 1);
    assert_int_equal(store_plan_group_find(w.s, w.plan, "1", &gid, &found, &e), DTI_OK);
    assert_true(found && gid > 0);
    assert_int_equal(store_plan_group_find(w.s, w.plan, "9", &gid, &found, &e), DTI_OK);
    assert_int_equal(found, 0);
    store_plan_item_in in = {"Đào tạo kỹ năng số", "1", 0, "2026-12", "Tháng 12/2026", "Nghị quyết 57"};
    assert_int_equal(store_plan_group_find(w.s, w.plan, "1", &in.group_id, &found, &e), DTI_OK);
    assert_int_equal(store_plan_item_update(w.s, 0, id, &in, &e), DTI_OK);
    assert_int_equal(store_plan_targets_clear(w.s, id, &e), DTI_OK);
    assert_int_equal(store_plan_target_add(w.s, id, 2026, "text", 0, 0, NULL, "Hoàn thành", &e), DTI_OK);
    assert_int_equal(store_plan_target_add(w.s, id, 2027, ">=", 1, 0.5, "%", NULL, &e), DTI_OK);
    struct rows tasks = {0};
    assert_int_equal(store_assign_items(w.s, w.plan, 1, rows_fn, &tasks, &e), DTI_OK);
    int64_t tid = atoll(tasks.first[0]);
    assert_int_equal(store_plan_task_outputs_clear(w.s, tid, &e), DTI_OK);
    assert_int_equal(store_plan_task_output_add(w.s, tid, 0, "Báo cáo", &e), DTI_OK);
    plan *p = NULL;
    assert_int_equal(store_plan_load(w.s, w.plan, &p, &e), DTI_OK);
    plan_indicator *d = p->indicators[1];
    assert_string_equal(d->name, "Đào tạo kỹ năng số");
    assert_string_equal(d->group, "1");
    assert_string_equal(d->basis, "Nghị quyết 57");
    assert_int_equal(d->ntargets, 2);
    assert_false(d->targets[0].has_value);
    assert_string_equal(d->targets[0].text, "Hoàn thành");
    assert_true(d->targets[1].has_value && d->targets[1].value == 0.5);
    assert_int_equal(p->tasks[0]->outputs.n, 1);
    assert_string_equal(p->tasks[0]->outputs.v[0], "Báo cáo");
    plan_free(p);
    store_close(w.s);
}

static void test_export_settings_upsert(void **state)
{
    (void)state;
    world w;
    world_open(&w);
    dti_err e;
    struct rows none = {0};
    assert_int_equal(store_export_settings_get(w.s, w.comm, rows_fn, &none, &e), DTI_OK);
    assert_int_equal(none.n, 0);
    const char *v[STORE_EXPORT_FIELDS] = {"UBND TỈNH X", "UBND XÃ HÒA BÌNH", "Hòa Bình", NULL, NULL,
                                          NULL, NULL, "Nguyễn Văn A", "Như trên"};
    assert_int_equal(store_export_settings_put(w.s, w.comm, v, "2026-04-01T00:00:00Z", 0, &e), DTI_OK);
    v[7] = "Trần Thị B";
    assert_int_equal(store_export_settings_put(w.s, w.comm, v, "2026-04-02T00:00:00Z", 0, &e), DTI_OK);
    struct rows one = {0, {{0}}, 7}, nul = {0, {{0}}, 3};
    assert_int_equal(store_export_settings_get(w.s, w.comm, rows_fn, &one, &e), DTI_OK);
    assert_int_equal(one.n, 1);
    assert_string_equal(one.first[0], "Trần Thị B");
    assert_int_equal(store_export_settings_get(w.s, w.comm, rows_fn, &nul, &e), DTI_OK);
    assert_string_equal(nul.first[0], "NULL");
    char *at = NULL;
    assert_int_equal(store_export_first_report(w.s, w.plan, "2026-04", &at, &e), DTI_OK);
    assert_null(at);
    store_close(w.s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plan_and_org_reads),
        cmocka_unit_test(test_assignments_versioned),
        cmocka_unit_test(test_calendar),
        cmocka_unit_test(test_plan_item_rewrite),
        cmocka_unit_test(test_export_settings_upsert),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
