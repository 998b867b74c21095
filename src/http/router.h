/* router.h — method + path pattern → handler.
 *
 * Routes are a static table, in the order they are tried. A pattern is a
 * path whose segments are literals or parameters (":id"): "/api/v1/plans/:id"
 * matches "/api/v1/plans/12" with id = "12". A parameter matches one
 * non-empty segment; there are no wildcards and no regular expressions.
 * Trailing slashes are not equivalent ("/a/" does not match "/a").
 *
 * The router knows nothing of HTTP beyond the method string; the route's
 * handler and flags are opaque to it (server.h gives them meaning). */
#ifndef DTI_HTTP_ROUTER_H
#define DTI_HTTP_ROUTER_H
#include <stddef.h>

#define ROUTER_MAX_PARAMS 8
#define ROUTER_MAX_PATH   2048   /* longer paths match nothing */

struct http_req;
typedef void (*route_fn)(struct http_req *r);

typedef struct route {
    const char *method;     /* "GET", "POST", ... */
    const char *pattern;    /* "/api/v1/plans/:id" */
    route_fn fn;
    unsigned flags;         /* ROUTE_* in server.h */
    size_t max_body;        /* bytes; 0 = the server's default */
} route;

typedef struct router_param {
    const char *name;       /* points into the pattern, not NUL-terminated */
    size_t name_len;
    const char *value;      /* points into the path, not NUL-terminated */
    size_t value_len;
} router_param;

typedef struct router_match {
    const route *route;
    size_t nparams;
    router_param params[ROUTER_MAX_PARAMS];
} router_match;

enum { ROUTER_NONE = 0, ROUTER_FOUND = 1, ROUTER_BAD_METHOD = 2 };

/* Find the first route in ROUTES (terminated by an entry with pattern NULL)
 * whose pattern matches PATH and whose method is METHOD (HEAD also matches
 * GET routes). Returns ROUTER_FOUND and fills M; ROUTER_BAD_METHOD when
 * some pattern matches PATH under another method (405); else ROUTER_NONE.
 * M's pointers point into ROUTES and PATH: keep both alive while using M. */
int router_match_path(const route *routes, const char *method, const char *path, router_match *m);

/* The value of parameter NAME in M, or NULL (then *LEN untouched). */
const char *router_param_get(const router_match *m, const char *name, size_t *len);

#endif
