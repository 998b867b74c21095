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
#include "app/audit.h"
#include "app/report.h"

static const char CSV_A1[] = "kind,code,numerator,denominator,value,note,status,percent\n"
                             "indicator,I1,80,100,,hồ sơ trực tuyến,,\n"
                             "task,K1,,,,,đang triển khai,50\n";
static const char CSV_A2[] = "code,value\nI2,3\n";
static const char PDF[] = "%PDF-1.4\n% evidence\n";

static report_key key(int64_t plan, int64_t org)
{
    report_key k;
    memset(&k, 0, sizeof k);
    k.plan_id = plan;
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
    assert_int_equal(auth_can(f.s, &f.coord_a, AUTH_READ, f.B1, &e), DTI_ERR_PERM);
    assert_int_equal(auth_can(f.s, &f.coord_a, AUTH_READ, f.P, &e), DTI_ERR_PERM);
    /* reporter: its own org only */
    assert_int_equal(auth_can(f.s, &f.rep_a1, AUTH_REPORT_WRITE, f.A1, &e), DTI_OK);
    assert_int_equal(auth_can(f.s, &f.rep_a1, AUTH_READ, f.A2, &e), DTI_ERR_PERM);
    assert_int_equal(auth_can(f.s, &f.rep_a1, AUTH_REPORT_WRITE, f.A2, &e), DTI_ERR_PERM);
    assert_int_equal(auth_can(f.s, &f.rep_a1, AUTH_REVIEW, f.A1, &e), DTI_ERR_PERM);
    assert_int_equal(auth_can(f.s, &f.rep_a1, AUTH_READ, f.A, &e), DTI_ERR_PERM);
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
    assert_int_equal(report_fill_csv(f.s, &f.rep_a1, &k2, CSV_A2, strlen(CSV_A2), t, &r, &e), DTI_ERR_PERM);
    assert_int_equal(report_attach(f.s, &f.rep_a1, &k2, 0, NULL, "a.pdf", PDF, strlen(PDF), 0, t, NULL, NULL,
                                   &e), DTI_ERR_PERM);
    int64_t n = -1;
    assert_int_equal(store_query_int(f.s, "SELECT COUNT(*) FROM reports", NULL, 0, &n, NULL, &e), DTI_OK);
    assert_int_equal(n, 0);
    /* each writes its own */
    assert_int_equal(report_fill_csv(f.s, &f.rep_a1, &k1, CSV_A1, strlen(CSV_A1), t, &r, &e), DTI_OK);
    assert_int_equal(r.values, 1);
    assert_int_equal(r.tasks, 1);
    assert_int_equal(report_fill_csv(f.s, &f.rep_a2, &k2, CSV_A2, strlen(CSV_A2), t, &r, &e), DTI_OK);
    /* a reporter cannot read another unit's report, its versions, or its evidence */
    assert_int_equal(report_show(f.s, &f.rep_a2, &k1, 0, t, &j, &e), DTI_ERR_PERM);
    assert_null(j);
    assert_int_equal(report_versions(f.s, &f.rep_a2, &k1, &j, &e), DTI_ERR_PERM);
    int64_t ev = 0;
    assert_int_equal(report_attach(f.s, &f.rep_a1, &k1, 0, NULL, "a.pdf", PDF, strlen(PDF), 0, t, &ev, NULL,
                                   &e), DTI_OK);
    char *bytes = NULL;
    size_t nb = 0;
    assert_int_equal(report_evidence_get(f.s, &f.rep_a2, ev, &bytes, &nb, NULL, NULL, &e), DTI_ERR_PERM);
    assert_int_equal(report_evidence_get(f.s, &f.rep_a1, ev, &bytes, &nb, NULL, NULL, &e), DTI_OK);
    assert_int_equal(nb, strlen(PDF));
    free(bytes);
    /* a support org (A2 supports I1) may add a note, not a value */
    const char sup_val[] = "code,value,note\nI1,90,\n";
    const char sup_note[] = "code,note\nI1,Trạm đã hỗ trợ 20 hồ sơ\n";
    assert_int_equal(report_fill_csv(f.s, &f.rep_a2, &k2, sup_val, strlen(sup_val), t, &r, &e), DTI_ERR_PERM);
    assert_non_null(strstr(e.msg, "chủ trì"));
    assert_int_equal(report_fill_csv(f.s, &f.rep_a2, &k2, sup_note, strlen(sup_note), t, &r, &e), DTI_OK);
    /* ... which the lead sees */
    assert_int_equal(report_show(f.s, &f.rep_a1, &k1, 0, t, &j, &e), DTI_OK);
    json_t *sup = json_object_get(j, "support");
    assert_int_equal(json_array_size(sup), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(sup, 0), "note")),
                        "Trạm đã hỗ trợ 20 hồ sơ");
    json_decref(j);
    /* a viewer reads but cannot write, submit or review */
    assert_int_equal(report_show(f.s, &f.view_a, &k1, 0, t, &j, &e), DTI_OK);
    json_decref(j);
    assert_int_equal(report_fill_csv(f.s, &f.view_a, &k1, CSV_A1, strlen(CSV_A1), t, &r, &e), DTI_ERR_PERM);
    assert_int_equal(report_submit(f.s, &f.view_a, &k1, t, NULL, &e), DTI_ERR_PERM);
    assert_int_equal(report_submit(f.s, &f.rep_a1, &k1, t, NULL, &e), DTI_OK);
    assert_int_equal(report_approve(f.s, &f.view_a, &k1, t, &e), DTI_ERR_PERM);
    assert_int_equal(report_return(f.s, &f.view_a, &k1, "sai", t, &e), DTI_ERR_PERM);
    /* a reporter cannot review its own report */
    assert_int_equal(report_approve(f.s, &f.rep_a1, &k1, t, &e), DTI_ERR_PERM);
    /* outside the commune's scope: nothing, not even a look */
    assert_int_equal(report_show(f.s, &f.coord_b, &k1, 0, t, &j, &e), DTI_ERR_PERM);
    assert_int_equal(report_approve(f.s, &f.coord_b, &k1, t, &e), DTI_ERR_PERM);
    assert_int_equal(report_completeness(f.s, &f.coord_b, f.plan, "2026-03", t, &j, &e), DTI_ERR_NOTFOUND);
    assert_int_equal(report_evidence_get(f.s, &f.coord_b, ev, &bytes, &nb, NULL, NULL, &e), DTI_ERR_PERM);
    /* the province's viewer sees it */
    assert_int_equal(report_show(f.s, &f.view_p, &k1, 0, t, &j, &e), DTI_OK);
    json_decref(j);
    /* the coordinator approves */
    assert_int_equal(report_approve(f.s, &f.coord_a, &k1, t, &e), DTI_OK);
    /* completeness as a reporter counts only its own org */
    assert_int_equal(report_completeness(f.s, &f.rep_a1, f.plan, "2026-03", t, &j, &e), DTI_OK);
    assert_int_equal(json_integer_value(json_object_get(j, "expected")), 1);
    json_decref(j);
    assert_int_equal(report_completeness(f.s, &f.coord_a, f.plan, "2026-03", t, &j, &e), DTI_OK);
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_roles_on_orgs),
        cmocka_unit_test(test_reports_by_role),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
