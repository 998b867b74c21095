/* test_store_org_change.c — the org changes repository (store_org_change.h)
 * on an in-memory SQLite store: names by day after a rename, the communes
 * in force on a day around a merger, ending an org, the last change's day,
 * and the "any change" probe. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "store/store.h"
#include "store/store_org.h"
#include "store/store_org_change.h"

struct names {
    char v[8][64];
    size_t n;
};

static int name_row(void *ctx, const store_row *r)
{
    struct names *c = ctx;
    if (c->n < 8)
        snprintf(c->v[c->n++], sizeof c->v[0], "%s", r->v[1].s ? r->v[1].s : "");
    return 0;
}

static void name_is(store *s, int64_t org, const char *day, const char *want)
{
    dti_err e;
    char *got = NULL;
    assert_int_equal(store_org_name_on(s, org, day, &got, &e), DTI_OK);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

static void test_rename_merge_by_day(void **state)
{
    (void)state;
    dti_err e;
    store *s = NULL;
    int64_t prov, a, b, c, cid, succ;
    int any = 1, changed = 0;
    char *last = NULL;
    dti_err_clear(&e);
    assert_int_equal(store_open(":memory:", &s, &e), DTI_OK);
    assert_int_equal(store_org_changes_any(s, &any, &e), DTI_OK);
    assert_int_equal(any, 0);
    assert_int_equal(store_org_create(s, 0, ORG_PROVINCE, "Tỉnh X", "tinh x", 0, &prov, &e), DTI_OK);
    assert_int_equal(store_org_create(s, prov, ORG_COMMUNE, "Xã A", "a", 0, &a, &e), DTI_OK);
    assert_int_equal(store_org_create(s, prov, ORG_COMMUNE, "Xã B", "b", 0, &b, &e), DTI_OK);
    assert_int_equal(store_org_create(s, prov, ORG_COMMUNE, "Xã C", "c", 0, &c, &e), DTI_OK);

    /* rename A on 2025-03-01: the same id, the old name before that day */
    assert_int_equal(store_org_rename(s, a, "Xã A Mới", "a moi", "0001-01-01", "2025-03-01", &e), DTI_OK);
    assert_int_equal(store_org_change_add(s, "rename", "2025-03-01", a, "", 0, "2025-03-02T00:00:00Z", &cid, &e), DTI_OK);
    assert_int_equal(store_org_change_before(s, cid, a, "Xã A", &e), DTI_OK);
    name_is(s, a, "2025-02-28", "Xã A");
    name_is(s, a, "2025-03-01", "Xã A Mới");
    /* a live sibling's key is refused */
    assert_int_equal(store_org_rename(s, b, "Xã C", "c", "0001-01-01", "2025-03-01", &e), DTI_ERR_CONFLICT);
    assert_string_equal(e.field, "name");

    /* merge B and C into a new D on 2025-07-01 */
    assert_int_equal(store_org_create_from(s, prov, ORG_COMMUNE, "Xã D", "d", "2025-07-01", "2025-07-02T00:00:00Z",
                                           &succ, &e), DTI_OK);
    assert_int_equal(store_org_change_add(s, "merge", "2025-07-01", succ, "NQ 1", 0, "2025-07-02T00:00:00Z", &cid, &e),
                     DTI_OK);
    assert_int_equal(store_org_change_before(s, cid, b, "Xã B", &e), DTI_OK);
    assert_int_equal(store_org_change_before(s, cid, c, "Xã C", &e), DTI_OK);
    assert_int_equal(store_org_end(s, b, "2025-07-01", &changed, &e), DTI_OK);
    assert_int_equal(changed, 1);
    assert_int_equal(store_org_end(s, c, "2025-07-01", NULL, &e), DTI_OK);
    assert_int_equal(store_org_end(s, c, "2025-07-01", &changed, &e), DTI_OK);
    assert_int_equal(changed, 0);       /* no longer in force: nothing */

    struct names before = {0}, after = {0};
    assert_int_equal(store_org_children_on(s, prov, ORG_COMMUNE, "2025-06-30", name_row, &before, &e), DTI_OK);
    assert_int_equal(before.n, 3);
    assert_string_equal(before.v[0], "Xã A Mới");
    assert_string_equal(before.v[1], "Xã B");
    assert_string_equal(before.v[2], "Xã C");
    assert_int_equal(store_org_children_on(s, prov, ORG_COMMUNE, "2025-07-01", name_row, &after, &e), DTI_OK);
    assert_int_equal(after.n, 2);
    assert_string_equal(after.v[0], "Xã A Mới");
    assert_string_equal(after.v[1], "Xã D");

    assert_int_equal(store_org_last_change(s, c, &last, &e), DTI_OK);
    assert_non_null(last);
    assert_string_equal(last, "2025-07-01");
    free(last);
    assert_int_equal(store_org_last_change(s, prov, &last, &e), DTI_OK);
    assert_null(last);
    assert_int_equal(store_org_changes_any(s, &any, &e), DTI_OK);
    assert_int_equal(any, 1);
    store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rename_merge_by_day),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
