/* test_perm.c — the permission rules of app/ (auth_can and the report use
 * cases that call it): a reporter cannot read or write another unit's
 * report, a viewer cannot write, nobody outside a commune's scope sees it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include "app_fixture.h"
#include "app/audit/audit.h"
#include "app/app.h"
#include "app/plan/plans.h"
#include "app/report/report.h"

static const char CSV_A1[] = "kind,code,numerator,denominator,value,note,status,percent\n"
                             "indicator,I1,80,100,,hồ sơ trực tuyến,,\n"
                             "task,K1,,,,,đang triển khai,50\n";
static const char CSV_A2[] = "code,value\nI2,3\n";
static const char PDF[] = "%PDF-1.4\n% evidence\n1 0 obj << >> endobj\n%%EOF\n";

static report_key key(int64_t plan_id, int64_t org)
{
    report_key k;
    memset(&k, 0, sizeof k);
    k.plan_id = plan_id;
    k.org_id = org;
    snprintf(k.period, sizeof k.period, "2026-03");
    return k;
}

static void test_roles_on_orgs(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    assert_int_equal(fixture_open(&f, 1), 0);
    /* admin: everything */
    assert_int_equal(auth_can(f.s, &f.admin, AUTH_PLAN_WRITE, f.B1, &e), DTI_OK);
    assert_int_equal(auth_can(f.s, &f.admin, AUTH_USER_ADMIN, 0, &e), DTI_OK);
    /* coordinator: within its commune */
    assert_int_equal(auth_can(f.s, &f.coord_a, AUTH_READ, f.A1, &e), DTI_OK);
    assert_int_equal(auth_can(f.s, &f.coord_a, AUTH_REVIEW, f.A2, &e), DTI_OK);
    assert_int_equal(auth_can(f.s, &f.coord_a, AUTH_PLAN_WRITE, f.A, &e), DTI_OK);
    assert_int_equal(auth_can(f.s, &f.coord_a, AUTH_REPORT_WRITE, f.A, &e), DTI_OK);
    assert_int_equal(auth_can(f.s, &f.coord_a, AUTH_REPORT_WRITE, f.A1, &e), DTI_ERR_PERM);
    assert_int_equal(auth_can(f.s, &f.coord_a, AUTH_USER_ADMIN, f.A1, &e), DTI_ERR_PERM);
    assert_int_equal(auth_can(f.s, &f.coord_a, AUTH_READ, f.B1, &e), DTI_ERR_NOTFOUND);
    assert_int_equal(auth_can(f.s, &f.coord_a, AUTH_READ, f.P, &e), DTI_ERR_NOTFOUND);
    /* reporter: its own org only */
    assert_int_equal(auth_can(f.s, &f.rep_a1, AUTH_REPORT_WRITE, f.A1, &e), DTI_OK);
    assert_int_equal(auth_can(f.s, &f.rep_a1, AUTH_READ, f.A2, &e), DTI_ERR_NOTFOUND);
    assert_int_equal(auth_can(f.s, &f.rep_a1, AUTH_REPORT_WRITE, f.A2, &e), DTI_ERR_NOTFOUND);
    assert_int_equal(auth_can(f.s, &f.rep_a1, AUTH_READ, f.A, &e), DTI_ERR_NOTFOUND);
    /* out of scope: "not found", naming neither the user nor the org */
    assert_null(strstr(e.msg, "rep_a1"));
    assert_null(strstr(e.msg, "số"));
    /* in scope but not the role's: refused, naming the user */
    assert_int_equal(auth_can(f.s, &f.rep_a1, AUTH_REVIEW, f.A1, &e), DTI_ERR_PERM);
    assert_non_null(strstr(e.msg, "rep_a1"));
    /* viewer: reads within scope, never writes */
    assert_int_equal(auth_can(f.s, &f.view_a, AUTH_READ, f.A2, &e), DTI_OK);
    for (int a = AUTH_REPORT_WRITE; a <= AUTH_AUDIT; a++)
        assert_int_equal(auth_can(f.s, &f.view_a, (auth_action)a, f.A2, &e), DTI_ERR_PERM);
    assert_int_equal(auth_can(f.s, &f.view_p, AUTH_READ, f.B1, &e), DTI_OK);
    assert_int_equal(auth_can(f.s, &f.view_p, AUTH_REPORT_WRITE, f.B1, &e), DTI_ERR_PERM);
    /* plans: a reporter reads the plan of the commune above it */
    assert_int_equal(auth_can_plan(f.s, &f.rep_a1, AUTH_READ, f.plan, &e), DTI_OK);
    assert_int_equal(auth_can_plan(f.s, &f.rep_a1, AUTH_PLAN_WRITE, f.plan, &e), DTI_ERR_PERM);
    assert_int_equal(auth_can_plan(f.s, &f.view_a, AUTH_PLAN_WRITE, f.plan, &e), DTI_ERR_PERM);
    assert_int_equal(auth_can_plan(f.s, &f.coord_a, AUTH_PLAN_WRITE, f.plan, &e), DTI_OK);
    /* outside the scope the plan does not exist */
    assert_int_equal(auth_can_plan(f.s, &f.coord_b, AUTH_READ, f.plan, &e), DTI_ERR_NOTFOUND);
    /* a deactivated user can do nothing */
    auth_user gone = f.coord_a;
    gone.active = 0;
    assert_int_equal(auth_can(f.s, &gone, AUTH_READ, f.A1, &e), DTI_ERR_AUTH);
    fixture_close(&f);
}

static void test_reports_by_role(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    report_fill_result r;
    json_t *j = NULL;
    assert_int_equal(fixture_open(&f, 1), 0);
    report_key k1 = key(f.plan, f.A1);
    report_key k2 = key(f.plan, f.A2);
    time_t t = FIX_NOW;

    /* a reporter cannot write another unit's report */
    assert_int_equal(report_fill_csv_as(f.s, &f.rep_a1, &k2, CSV_A2, strlen(CSV_A2), t, &r, &e), DTI_ERR_NOTFOUND);
    assert_int_equal(report_attach_as(f.s, &f.rep_a1, &k2, 0, NULL, "a.pdf", PDF, strlen(PDF), 0, t, NULL, NULL,
                                   &e), DTI_ERR_NOTFOUND);
    int64_t n = -1;
    assert_int_equal(store_query_int(f.s, "SELECT COUNT(*) FROM reports", NULL, 0, &n, NULL, &e), DTI_OK);
    assert_int_equal(n, 0);
    /* each writes its own */
    assert_int_equal(report_fill_csv_as(f.s, &f.rep_a1, &k1, CSV_A1, strlen(CSV_A1), t, &r, &e), DTI_OK);
    assert_int_equal(r.values, 1);
    assert_int_equal(r.tasks, 1);
    assert_int_equal(report_fill_csv_as(f.s, &f.rep_a2, &k2, CSV_A2, strlen(CSV_A2), t, &r, &e), DTI_OK);
    /* a reporter cannot read another unit's report, its versions, or its evidence */
    assert_int_equal(report_show_as(f.s, &f.rep_a2, &k1, 0, t, &j, &e), DTI_ERR_NOTFOUND);
    assert_null(j);
    assert_int_equal(report_versions_as(f.s, &f.rep_a2, &k1, &j, &e), DTI_ERR_NOTFOUND);
    int64_t ev = 0;
    assert_int_equal(report_attach_as(f.s, &f.rep_a1, &k1, 0, NULL, "a.pdf", PDF, strlen(PDF), 0, t, &ev, NULL,
                                   &e), DTI_OK);
    char *bytes = NULL;
    size_t nb = 0;
    assert_int_equal(report_evidence_get_as(f.s, &f.rep_a2, ev, &bytes, &nb, NULL, NULL, &e), DTI_ERR_NOTFOUND);
    assert_int_equal(report_evidence_get_as(f.s, &f.rep_a1, ev, &bytes, &nb, NULL, NULL, &e), DTI_OK);
    assert_int_equal(nb, strlen(PDF));
    free(bytes);
    /* a support org (A2 supports I1) may add a note, not a value */
    const char sup_val[] = "code,value,note\nI1,90,\n";
    const char sup_note[] = "code,note\nI1,Trạm đã hỗ trợ 20 hồ sơ\n";
    assert_int_equal(report_fill_csv_as(f.s, &f.rep_a2, &k2, sup_val, strlen(sup_val), t, &r, &e), DTI_ERR_PERM);
    assert_non_null(strstr(e.msg, "chủ trì"));
    assert_int_equal(report_fill_csv_as(f.s, &f.rep_a2, &k2, sup_note, strlen(sup_note), t, &r, &e), DTI_OK);
    /* ... which the lead sees */
    assert_int_equal(report_show_as(f.s, &f.rep_a1, &k1, 0, t, &j, &e), DTI_OK);
    json_t *sup = json_object_get(j, "support");
    assert_int_equal(json_array_size(sup), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(sup, 0), "note")),
                        "Trạm đã hỗ trợ 20 hồ sơ");
    json_decref(j);
    /* a viewer reads but cannot write, submit or review */
    assert_int_equal(report_show_as(f.s, &f.view_a, &k1, 0, t, &j, &e), DTI_OK);
    json_decref(j);
    assert_int_equal(report_fill_csv_as(f.s, &f.view_a, &k1, CSV_A1, strlen(CSV_A1), t, &r, &e), DTI_ERR_PERM);
    assert_int_equal(report_submit_as(f.s, &f.view_a, &k1, t, NULL, &e), DTI_ERR_PERM);
    assert_int_equal(report_submit_as(f.s, &f.rep_a1, &k1, t, NULL, &e), DTI_OK);
    assert_int_equal(report_approve_as(f.s, &f.view_a, &k1, t, &e), DTI_ERR_PERM);
    assert_int_equal(report_return_as(f.s, &f.view_a, &k1, "sai", t, &e), DTI_ERR_PERM);
    /* a reporter cannot review its own report */
    assert_int_equal(report_approve_as(f.s, &f.rep_a1, &k1, t, &e), DTI_ERR_PERM);
    /* outside the commune's scope: nothing, not even a look */
    assert_int_equal(report_show_as(f.s, &f.coord_b, &k1, 0, t, &j, &e), DTI_ERR_NOTFOUND);
    assert_int_equal(report_approve_as(f.s, &f.coord_b, &k1, t, &e), DTI_ERR_NOTFOUND);
    assert_int_equal(report_completeness_as(f.s, &f.coord_b, f.plan, "2026-03", t, &j, &e), DTI_ERR_NOTFOUND);
    assert_int_equal(report_evidence_get_as(f.s, &f.coord_b, ev, &bytes, &nb, NULL, NULL, &e), DTI_ERR_NOTFOUND);
    /* ... with the answer a missing file gets: its existence does not leak */
    assert_non_null(strstr(e.msg, "không có tài liệu kiểm chứng số"));
    assert_int_equal(report_check_evidence_as(f.s, &f.coord_b, ev, 1, t, &e), DTI_ERR_NOTFOUND);
    assert_non_null(strstr(e.msg, "không có tài liệu kiểm chứng số"));
    /* the province's viewer sees it */
    assert_int_equal(report_show_as(f.s, &f.view_p, &k1, 0, t, &j, &e), DTI_OK);
    json_decref(j);
    /* the coordinator approves */
    assert_int_equal(report_approve_as(f.s, &f.coord_a, &k1, t, &e), DTI_OK);
    /* completeness as a reporter counts only its own org */
    assert_int_equal(report_completeness_as(f.s, &f.rep_a1, f.plan, "2026-03", t, &j, &e), DTI_OK);
    assert_int_equal(json_integer_value(json_object_get(j, "expected")), 1);
    json_decref(j);
    assert_int_equal(report_completeness_as(f.s, &f.coord_a, f.plan, "2026-03", t, &j, &e), DTI_OK);
    assert_int_equal(json_integer_value(json_object_get(j, "expected")), 2);
    assert_int_equal(json_integer_value(json_object_get(j, "received")), 1);
    json_decref(j);
    /* nothing refused above reached the audit log; every write did */
    audit_check c;
    assert_int_equal(audit_verify(f.s, &f.admin, &c, &e), DTI_OK);
    assert_true(c.ok);
    assert_int_equal(store_query_int(f.s, "SELECT COUNT(*) FROM audit WHERE action LIKE 'report.%' OR "
                                          "action LIKE 'evidence.%'", NULL, 0, &n, NULL, &e), DTI_OK);
    /* create×2, fill×3, attach, submit, approve */
    assert_int_equal(n, 8);
    fixture_close(&f);
}

/* Ids of the plans U lists through plans_list, in *IDS (at most 8). */
static size_t listed(fixture *f, const auth_user *u, int64_t ids[8])
{
    app a = {.st = f->s, .user_id = u->id};
    plans_row *v = NULL;
    size_t n = 0;
    dti_err e;
    assert_int_equal(plans_list(&a, &v, &n, &e), DTI_OK);
    assert_true(n <= 8);
    for (size_t i = 0; i < n; i++)
        ids[i] = v[i].id;
    plans_rows_free(v, n);
    return n;
}

static int has(const int64_t *ids, size_t n, int64_t id)
{
    for (size_t i = 0; i < n; i++)
        if (ids[i] == id)
            return 1;
    return 0;
}

/* Plan listing, reading and export go by the acting user's scope. */
static void test_plans_by_scope(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    assert_int_equal(fixture_open(&f, 1), 0);
    /* a second plan, of commune B */
    store_val d[] = {SV_T("doc-b"), SV_B("B", 1)};
    int64_t doc = fix_ins(f.s, "INSERT INTO documents (sha256, name, size, media_type, bytes, created_at) "
                               "VALUES (?, 'b.md', 1, 'text/markdown', ?, '2026-01-01T00:00:00Z') "
                               "RETURNING id", d, 2);
    store_val pl[] = {SV_I(f.B), SV_I(doc)};
    int64_t plan_b = fix_ins(f.s, "INSERT INTO plans (org_id, document_id, title, commune, year_from, "
                                  "year_to, created_at) VALUES (?, ?, 'Kế hoạch CĐS xã Bình 2026', "
                                  "'Bình', 2026, 2026, '2026-01-01T00:00:00Z') RETURNING id", pl, 2);
    assert_true(plan_b > 0);
    auth_user rep_b;
    assert_int_equal(fix_user(&f, &rep_b, "rep_b1", ROLE_REPORTER, f.B1), 0);
    int64_t ids[8];
    size_t n;

    /* admin: both */
    n = listed(&f, &f.admin, ids);
    assert_int_equal(n, 2);
    assert_true(has(ids, n, f.plan) && has(ids, n, plan_b));
    /* a reporter of A (unit A1) lists only A's plan, not B's */
    n = listed(&f, &f.rep_a1, ids);
    assert_int_equal(n, 1);
    assert_true(has(ids, n, f.plan));
    /* ... and B's reporter only B's */
    n = listed(&f, &rep_b, ids);
    assert_int_equal(n, 1);
    assert_true(has(ids, n, plan_b));
    /* viewer and coordinator of A: A only; coordinator of B: B only */
    n = listed(&f, &f.view_a, ids);
    assert_true(n == 1 && ids[0] == f.plan);
    n = listed(&f, &f.coord_a, ids);
    assert_true(n == 1 && ids[0] == f.plan);
    n = listed(&f, &f.coord_b, ids);
    assert_true(n == 1 && ids[0] == plan_b);
    /* the province's viewer sees both communes under the province */
    n = listed(&f, &f.view_p, ids);
    assert_int_equal(n, 2);
    assert_true(has(ids, n, f.plan) && has(ids, n, plan_b));

    /* reading and exporting: B's plan is "not found" for A's reporter */
    app ra = {.st = f.s, .user_id = f.rep_a1.id};
    plan *p = NULL;
    char *txt = NULL;
    assert_int_equal(plans_get(&ra, plan_b, &p, &e), DTI_ERR_NOTFOUND);
    assert_null(p);
    assert_int_equal(plans_export(&ra, plan_b, &txt, &e), DTI_ERR_NOTFOUND);
    assert_null(txt);
    assert_null(strstr(e.msg, "Bình"));
    assert_int_equal(plans_get(&ra, f.plan, &p, &e), DTI_OK);
    assert_non_null(p);
    plan_free(p);
    p = NULL;
    /* A's viewer reads and exports A's plan, not B's, and may not write A's */
    app va = {.st = f.s, .user_id = f.view_a.id};
    assert_int_equal(plans_export(&va, f.plan, &txt, &e), DTI_OK);
    assert_non_null(strstr(txt, "xã An"));
    free(txt);
    txt = NULL;
    assert_int_equal(plans_get(&va, plan_b, &p, &e), DTI_ERR_NOTFOUND);
    assert_int_equal(auth_can_plan(f.s, &f.view_a, AUTH_PLAN_WRITE, f.plan, &e), DTI_ERR_PERM);
    assert_int_equal(auth_can_plan(f.s, &f.view_a, AUTH_REPORT_WRITE, f.plan, &e), DTI_ERR_PERM);
    assert_int_equal(auth_can_plan(f.s, &f.coord_a, AUTH_PLAN_WRITE, f.plan, &e), DTI_OK);
    /* the province viewer reads B's plan */
    app vp = {.st = f.s, .user_id = f.view_p.id};
    assert_int_equal(plans_get(&vp, plan_b, &p, &e), DTI_OK);
    plan_free(p);
    p = NULL;
    /* the system actor is refused once users exist */
    app sys = {.st = f.s, .user_id = 0};
    assert_int_equal(plans_get(&sys, f.plan, &p, &e), DTI_ERR_AUTH);
    assert_int_equal(plans_list(&sys, &(plans_row *){NULL}, &n, &e), DTI_ERR_AUTH);
    /* a missing plan stays missing, for an admin too */
    app ad = {.st = f.s, .user_id = f.admin.id};
    assert_int_equal(plans_get(&ad, plan_b + 100, &p, &e), DTI_ERR_NOTFOUND);
    fixture_close(&f);
}

/* Without users the system actor reads every plan (fresh store, bootstrap). */
static void test_plans_system(void **state)
{
    (void)state;
    fixture f;
    dti_err e;
    assert_int_equal(fixture_open(&f, 0), 0);
    app sys = {.st = f.s, .user_id = 0};
    plans_row *v = NULL;
    size_t n = 0;
    assert_int_equal(plans_list(&sys, &v, &n, &e), DTI_OK);
    assert_int_equal(n, 1);
    plans_rows_free(v, n);
    plan *p = NULL;
    assert_int_equal(plans_get(&sys, f.plan, &p, &e), DTI_OK);
    plan_free(p);
    fixture_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_roles_on_orgs),
        cmocka_unit_test(test_reports_by_role),
        cmocka_unit_test(test_plans_by_scope),
        cmocka_unit_test(test_plans_system),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
