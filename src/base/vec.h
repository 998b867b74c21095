/* vec.h — room for one more element at the end of a caller's array: the
 * "append, doubling" idiom that every growing list of dti writes.
 *
 *     struct row *nv = vec_grow(L->v, L->n, &L->cap, sizeof *nv, 32);
 *     if (!nv)
 *         return nomem;           // L->v and L->cap are as they were
 *     L->v = nv;
 *     L->v[L->n++] = x;
 *
 * The array stays owned by the caller (free() it); vec_grow only reallocs. */
#ifndef DTI_VEC_H
#define DTI_VEC_H
#include <stddef.h>

/* V with room for element N (N used of *CAP allocated, elements of SIZE
 * bytes): V itself while N < *CAP, else V reallocated to twice *CAP (FIRST
 * when *CAP is 0) with *CAP updated. NULL when out of memory or when the
 * size would overflow; V and *CAP are then unchanged and still valid. */
void *vec_grow(void *v, size_t n, size_t *cap, size_t size, size_t first);

#endif
