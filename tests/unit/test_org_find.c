/* test_org_find.c — report_org_find (app/report/report.c): a unit found by
 * its name as the user types it, when that name holds its commune's name
 * (the stored matching key drops the place: orgname_key). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "app/report/report.h"
#include "core/orgname.h"
#include "store/store.h"
#include "store/store_org.h"
#include "test_db.h"

static int64_t org(store *s, int64_t parent, org_kind kind, const char *name, const char *place)
{
    dti_err e;
    int64_t id = 0;
    char *key = kind == ORG_UNIT ? orgname_key(name, place) : orgname_place_key(name);
    assert_non_null(key);
    assert_int_equal(store_org_create(s, parent, kind, name, key, 0, &id, &e), DTI_OK);
    free(key);
    return id;
}

static void test_full_name(void **state)
{
    (void)state;
    store *s = NULL;
    dti_err e;
    int64_t got = 0;
    assert_int_equal(store_open(test_db(":memory:"), &s, &e), DTI_OK);
    int64_t p = org(s, 0, ORG_PROVINCE, "Tỉnh Thử", NULL);
    int64_t hb = org(s, p, ORG_COMMUNE, "Xã Hòa Bình", NULL);
    int64_t ph = org(s, p, ORG_COMMUNE, "Phú Hòa", NULL);
    int64_t ca_hb = org(s, hb, ORG_UNIT, "Công an xã Hòa Bình", "Xã Hòa Bình");
    int64_t ca_ph = org(s, ph, ORG_UNIT, "Công an xã Phú Hòa", "Phú Hòa");
    int64_t vh = org(s, hb, ORG_UNIT, "Phòng Văn hóa - Xã hội", "Xã Hòa Bình");
    /* the full name, as typed, with or without marks and case */
    assert_int_equal(report_org_find(s, 0, "Công an xã Hòa Bình", &got, &e), DTI_OK);
    assert_int_equal(got, ca_hb);
    assert_int_equal(report_org_find(s, 0, "cong an xa phu hoa", &got, &e), DTI_OK);
    assert_int_equal(got, ca_ph);
    assert_int_equal(report_org_find(s, 0, "Công an Hòa Bình", &got, &e), DTI_OK);
    assert_int_equal(got, ca_hb);
    /* the short name fits both: refused, saying so */
    assert_int_equal(report_org_find(s, 0, "Công an xã", &got, &e), DTI_ERR_INPUT);
    /* a name with no place, and the communes themselves, as before */
    assert_int_equal(report_org_find(s, 0, "Phòng VH-XH", &got, &e), DTI_OK);
    assert_int_equal(got, vh);
    assert_int_equal(report_org_find(s, 0, "Hòa Bình", &got, &e), DTI_OK);
    assert_int_equal(got, hb);
    /* a place that is not the unit's commune finds nothing */
    assert_int_equal(report_org_find(s, 0, "Phòng Văn hóa - Xã hội Phú Hòa", &got, &e), DTI_ERR_NOTFOUND);
    assert_int_equal(report_org_find(s, 0, "Công an xã Hòa Hợp", &got, &e), DTI_ERR_NOTFOUND);
    store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_name),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
