/* arena.h — a bump allocator freed in one go (after h2o's h2o_mem_pool_t).
 *
 * The server gives every request one arena: parsed parameters, header
 * copies, response pieces and anything else that lives exactly as long as
 * the request are allocated from it and never freed one by one;
 * arena_release() frees them all when the request ends. Memory comes from
 * chunks of ARENA_CHUNK bytes (the first one may be embedded in the arena
 * itself); a request larger than a quarter chunk gets a chunk of its own.
 * A hard maximum (max, 0 for none) bounds what one arena may take in all:
 * beyond it arena_alloc() returns NULL, so a hostile request cannot grow
 * one without limit.
 *
 * Not thread-safe: an arena belongs to one request on one thread. */
#ifndef DTI_ARENA_H
#define DTI_ARENA_H
#include <stddef.h>

#define ARENA_CHUNK ((size_t)8192)

struct arena_chunk;

typedef struct arena {
    struct arena_chunk *chunks;  /* newest first; owned */
    char *cur;                   /* free space in the newest small chunk */
    size_t left;
    size_t used;                 /* bytes of every chunk taken from malloc */
    size_t max;                  /* 0 = no limit */
} arena;

/* Start an empty arena that will take at most MAX bytes (0: no limit).
 * Allocates nothing until the first arena_alloc(). */
void arena_init(arena *a, size_t max);
/* N bytes aligned for any type, or NULL when out of memory or over the
 * limit. Owned by the arena: valid until arena_release(). N 0 gives a
 * valid unique pointer. */
void *arena_alloc(arena *a, size_t n);
/* Like arena_alloc(), zero-filled. NULL on overflow of N*SIZE. */
void *arena_calloc(arena *a, size_t n, size_t size);
/* A NUL-terminated copy of the N bytes at S (S may hold NULs; the copy is
 * cut at none). NULL when out of memory. S NULL gives NULL. */
char *arena_strndup(arena *a, const char *s, size_t n);
/* A copy of the string S, or NULL (S NULL, or out of memory). */
char *arena_strdup(arena *a, const char *s);
/* A formatted string (vsnprintf) in the arena, or NULL. */
char *arena_printf(arena *a, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Free every chunk; A is then empty and may be used again. NULL is a no-op. */
void arena_release(arena *a);

#endif
