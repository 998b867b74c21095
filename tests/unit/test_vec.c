/* test_vec.c — growing arrays (base/vec.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "base/vec.h"

static void test_grows_by_doubling_and_keeps_values(void **state)
{
    (void)state;
    int *v = NULL;
    size_t n = 0, cap = 0, grows = 0;
    for (int i = 0; i < 1000; i++) {
        size_t before = cap;
        int *nv = vec_grow(v, n, &cap, sizeof *nv, 4);
        assert_non_null(nv);
        if (cap != before) {
            grows++;
            assert_int_equal(cap, before ? before * 2 : 4);
        } else {
            assert_ptr_equal(nv, v);    /* room left: the same array */
        }
        v = nv;
        v[n++] = i;
    }
    for (int i = 0; i < 1000; i++)
        assert_int_equal(v[i], i);
    assert_int_equal(cap, 1024);
    assert_int_equal(grows, 9);         /* 4, 8, ..., 1024 */
    free(v);
}

static void test_overflow_refused_unchanged(void **state)
{
    (void)state;
    char *v = malloc(16);
    assert_non_null(v);
    size_t cap = SIZE_MAX / 2 + 1;      /* doubling would wrap */
    assert_null(vec_grow(v, cap, &cap, 1, 8));
    assert_int_equal(cap, SIZE_MAX / 2 + 1);
    size_t cap2 = 16;                   /* the byte size would overflow */
    assert_null(vec_grow(v, 16, &cap2, SIZE_MAX / 8, 8));
    assert_int_equal(cap2, 16);
    free(v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grows_by_doubling_and_keeps_values),
        cmocka_unit_test(test_overflow_refused_unchanged),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
