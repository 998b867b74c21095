/* arena.c — bump allocation in chunks; see arena.h.
 *
 * Small allocations are carved from the newest "small" chunk; when it is
 * full a new one of ARENA_CHUNK bytes is pushed. Large allocations (over a
 * quarter chunk) get a chunk of exactly their size pushed behind the
 * current small chunk, so the free space of the latter is not wasted. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "base/arena.h"

#define ALIGN ((size_t)_Alignof(max_align_t))

struct arena_chunk {
    struct arena_chunk *next;
    size_t size;                 /* bytes of data[] */
    _Alignas(max_align_t) unsigned char data[];
};

static size_t align_up(size_t n)
{
    return (n + ALIGN - 1) & ~(ALIGN - 1);
}

void arena_init(arena *a, size_t max)
{
    a->chunks = NULL;
    a->cur = NULL;
    a->left = 0;
    a->used = 0;
    a->max = max;
}

/* A new chunk of SIZE data bytes, counted against the limit; NULL if refused. */
static struct arena_chunk *chunk_new(arena *a, size_t size)
{
    size_t total = sizeof(struct arena_chunk) + size;
    if (total < size || (a->max && (a->used + total > a->max || a->used + total < a->used)))
        return NULL;
    struct arena_chunk *c = malloc(total);
    if (!c)
        return NULL;
    c->size = size;
    a->used += total;
    return c;
}

void *arena_alloc(arena *a, size_t n)
{
    if (n > SIZE_MAX / 2)
        return NULL;
    size_t need = align_up(n ? n : 1);
    if (need <= a->left) {
        void *p = a->cur;
        a->cur += need;
        a->left -= need;
        return p;
    }
    if (need > ARENA_CHUNK / 4) {
        struct arena_chunk *c = chunk_new(a, need);
        if (!c)
            return NULL;
        /* Behind the head so the head's free space stays usable. */
        if (a->chunks) {
            c->next = a->chunks->next;
            a->chunks->next = c;
        } else {
            c->next = NULL;
            a->chunks = c;
        }
        return c->data;
    }
    struct arena_chunk *c = chunk_new(a, ARENA_CHUNK);
    if (!c)
        return NULL;
    c->next = a->chunks;
    a->chunks = c;
    a->cur = (char *)c->data + need;
    a->left = ARENA_CHUNK - need;
    return c->data;
}

void *arena_calloc(arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    void *p = arena_alloc(a, n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    if (!s || n == SIZE_MAX)
        return NULL;
    char *p = arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *arena_strdup(arena *a, const char *s)
{
    return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_printf(arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *p = arena_alloc(a, (size_t)n + 1);
    if (!p)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void arena_release(arena *a)
{
    if (!a)
        return;
    struct arena_chunk *c = a->chunks;
    while (c) {
        struct arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    arena_init(a, a->max);
}
