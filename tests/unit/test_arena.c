/* test_arena.c — the per-request bump allocator (base/arena.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "base/arena.h"

static void test_alloc_aligned_and_distinct(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 0);
    char *prev = NULL;
    for (int i = 0; i < 5000; i++) {
        char *p = arena_alloc(&a, (size_t)(i % 37) + 1);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
        memset(p, 0xab, (size_t)(i % 37) + 1);  /* ASan catches overlap or overrun */
        assert_ptr_not_equal(p, prev);
        prev = p;
    }
    assert_true(a.used > ARENA_CHUNK);  /* it had to take more chunks */
    arena_release(&a);
    assert_null(a.chunks);
    assert_int_equal(a.used, 0);
}

static void test_large_keeps_small_chunk(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 0);
    char *s1 = arena_alloc(&a, 16);
    size_t left = a.left;
    char *big = arena_alloc(&a, 100000);
    assert_non_null(big);
    memset(big, 1, 100000);
    assert_int_equal(a.left, left);     /* the small chunk's space is still there */
    char *s2 = arena_alloc(&a, 16);
    assert_ptr_equal(s2, s1 + 16);
    arena_release(&a);
}

static void test_limit(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 3 * ARENA_CHUNK);
    assert_non_null(arena_alloc(&a, 100));
    assert_null(arena_alloc(&a, 4 * ARENA_CHUNK));  /* over the limit in one go */
    size_t n = 0;
    while (arena_alloc(&a, 1000))
        n++;
    assert_true(n >= 10 && n < 30);
    assert_true(a.used <= 3 * ARENA_CHUNK);
    assert_null(arena_alloc(&a, SIZE_MAX));
    assert_null(arena_calloc(&a, SIZE_MAX / 2, 4));
    arena_release(&a);
    /* usable again after release, with the same limit */
    assert_non_null(arena_alloc(&a, 100));
    arena_release(&a);
}

static void test_strings(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 0);
    assert_string_equal(arena_strdup(&a, "Phòng Văn hóa"), "Phòng Văn hóa");
    assert_string_equal(arena_strndup(&a, "abcdef", 3), "abc");
    assert_null(arena_strdup(&a, NULL));
    assert_string_equal(arena_printf(&a, "%s-%d", "kỳ", 2026), "kỳ-2026");
    int *z = arena_calloc(&a, 10, sizeof *z);
    for (int i = 0; i < 10; i++)
        assert_int_equal(z[i], 0);
    assert_non_null(arena_alloc(&a, 0));
    arena_release(&a);
    arena_release(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alloc_aligned_and_distinct),
        cmocka_unit_test(test_large_keeps_small_chunk),
        cmocka_unit_test(test_limit),
        cmocka_unit_test(test_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
