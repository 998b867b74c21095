/* test_router.c — method + path pattern matching (http/router.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "http/router.h"

static void h1(struct http_req *r) { (void)r; }
static void h2(struct http_req *r) { (void)r; }
static void h3(struct http_req *r) { (void)r; }
static void h4(struct http_req *r) { (void)r; }

static const route ROUTES[] = {
    {"GET", "/api/v1/plans", h1, 0, 0},
    {"GET", "/api/v1/plans/:id", h2, 0, 0},
    {"PUT", "/api/v1/plans/:id/indicators/:code", h3, 0, 0},
    {"POST", "/api/v1/plans/import", h4, 0, 0},
    {NULL, NULL, NULL, 0, 0}
};

static void test_literal_and_params(void **state)
{
    (void)state;
    router_match m;
    assert_int_equal(router_match_path(ROUTES, "GET", "/api/v1/plans", &m), ROUTER_FOUND);
    assert_ptr_equal(m.route->fn, h1);
    assert_int_equal(m.nparams, 0);

    assert_int_equal(router_match_path(ROUTES, "GET", "/api/v1/plans/42", &m), ROUTER_FOUND);
    assert_ptr_equal(m.route->fn, h2);
    size_t n = 0;
    const char *v = router_param_get(&m, "id", &n);
    assert_non_null(v);
    assert_int_equal(n, 2);
    assert_memory_equal(v, "42", 2);
    assert_null(router_param_get(&m, "code", &n));

    assert_int_equal(router_match_path(ROUTES, "PUT", "/api/v1/plans/7/indicators/4.2", &m), ROUTER_FOUND);
    assert_ptr_equal(m.route->fn, h3);
    v = router_param_get(&m, "code", &n);
    assert_int_equal(n, 3);
    assert_memory_equal(v, "4.2", 3);
    v = router_param_get(&m, "id", &n);
    assert_memory_equal(v, "7", 1);
}

static void test_order_and_method(void **state)
{
    (void)state;
    router_match m;
    /* the literal route after a parameter route matches by method */
    assert_int_equal(router_match_path(ROUTES, "POST", "/api/v1/plans/import", &m), ROUTER_FOUND);
    assert_ptr_equal(m.route->fn, h4);
    /* GET of the same path is the :id route */
    assert_int_equal(router_match_path(ROUTES, "GET", "/api/v1/plans/import", &m), ROUTER_FOUND);
    assert_ptr_equal(m.route->fn, h2);
    /* a path that exists under another method */
    assert_int_equal(router_match_path(ROUTES, "DELETE", "/api/v1/plans/1", &m), ROUTER_BAD_METHOD);
    /* HEAD is served by GET routes */
    assert_int_equal(router_match_path(ROUTES, "HEAD", "/api/v1/plans", &m), ROUTER_FOUND);
}

static void test_no_match(void **state)
{
    (void)state;
    router_match m;
    const char *paths[] = {"/api/v1/plans/", "/api/v1/plans//indicators/x", "/api/v1/plan",
                           "/api/v1/plans/1/indicators", "/api/v1/plans/1/indicators/2/3", "", "api/v1/plans",
                           "/api/v1/planss"};
    for (size_t i = 0; i < sizeof paths / sizeof *paths; i++)
        assert_int_equal(router_match_path(ROUTES, "PUT", paths[i], &m) == ROUTER_FOUND, 0);
    assert_int_equal(router_match_path(ROUTES, "GET", "/api/v1/plans/", &m), ROUTER_NONE);
    char *long_path = malloc(ROUTER_MAX_PATH + 20);
    assert_non_null(long_path);
    memset(long_path, 'a', ROUTER_MAX_PATH + 19);
    long_path[0] = '/';
    long_path[ROUTER_MAX_PATH + 19] = 0;
    assert_int_equal(router_match_path(ROUTES, "GET", long_path, &m), ROUTER_NONE);
    free(long_path);
    assert_int_equal(router_match_path(ROUTES, "GET", NULL, &m), ROUTER_NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_literal_and_params),
        cmocka_unit_test(test_order_and_method),
        cmocka_unit_test(test_no_match),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
