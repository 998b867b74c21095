/* vec.c — see vec.h. */
#include <stdint.h>
#include <stdlib.h>
#include "base/vec.h"

void *vec_grow(void *v, size_t n, size_t *cap, size_t size, size_t first)
{
    if (n < *cap)
        return v;
    size_t nc = *cap ? *cap * 2 : (first ? first : 8);
    if (nc < *cap || size == 0 || nc > SIZE_MAX / size)
        return NULL;
    void *nv = realloc(v, nc * size);
    if (!nv)
        return NULL;
    *cap = nc;
    return nv;
}
