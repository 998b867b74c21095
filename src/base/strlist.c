/* strlist.c — growable list of owned strings. */
#include <stdlib.h>
#include <string.h>
#include "base/strlist.h"

int strlist_take(strlist *l, char *s)
{
    if (!s)
        return -1;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 4;
        char **v = realloc(l->v, cap * sizeof *v);
        if (!v) {
            free(s);
            return -1;
        }
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = s;
    return 0;
}

int strlist_add(strlist *l, const char *s)
{
    return strlist_take(l, strdup(s ? s : ""));
}

long strlist_find(const strlist *l, const char *s)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i], s) == 0)
            return (long)i;
    return -1;
}

void strlist_release(strlist *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}

int strlist_copy(strlist *dst, const strlist *src)
{
    for (size_t i = 0; i < src->n; i++)
        if (strlist_add(dst, src->v[i]))
            return -1;
    return 0;
}
