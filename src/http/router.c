/* router.c — segment-by-segment matching of paths against patterns.
 *
 * Linear over the table: dti has a few dozen routes, and a comparison of
 * two short strings costs less than any index would save. */
#include <string.h>
#include "http/router.h"

/* Match PATH against PATTERN, recording parameters in M. 1 on match. */
static int match_one(const char *pattern, const char *path, router_match *m)
{
    const char *p = pattern, *s = path;
    m->nparams = 0;
    for (;;) {
        if (*p == 0 || *s == 0)
            return *p == 0 && *s == 0;
        if (*p != '/' || *s != '/')
            return 0;
        p++;
        s++;
        size_t plen = strcspn(p, "/");
        size_t slen = strcspn(s, "/");
        if (plen > 1 && p[0] == ':') {
            if (slen == 0 || m->nparams == ROUTER_MAX_PARAMS)
                return 0;
            router_param *rp = &m->params[m->nparams++];
            rp->name = p + 1;
            rp->name_len = plen - 1;
            rp->value = s;
            rp->value_len = slen;
        } else if (plen != slen || memcmp(p, s, plen) != 0) {
            return 0;
        }
        p += plen;
        s += slen;
    }
}

int router_match_path(const route *routes, const char *method, const char *path, router_match *m)
{
    int found_other = 0;
    if (!routes || !method || !path || strlen(path) > ROUTER_MAX_PATH)
        return ROUTER_NONE;
    int head = strcmp(method, "HEAD") == 0;
    for (const route *r = routes; r->pattern; r++) {
        router_match tmp;
        if (!match_one(r->pattern, path, &tmp))
            continue;
        if (strcmp(r->method, method) == 0 || (head && strcmp(r->method, "GET") == 0)) {
            *m = tmp;
            m->route = r;
            return ROUTER_FOUND;
        }
        found_other = 1;
    }
    return found_other ? ROUTER_BAD_METHOD : ROUTER_NONE;
}

const char *router_param_get(const router_match *m, const char *name, size_t *len)
{
    size_t n = strlen(name);
    for (size_t i = 0; m && i < m->nparams; i++)
        if (m->params[i].name_len == n && memcmp(m->params[i].name, name, n) == 0) {
            if (len)
                *len = m->params[i].value_len;
            return m->params[i].value;
        }
    return NULL;
}
