/* strlist.h — a growable list of owned strings. */
#ifndef DTI_STRLIST_H
#define DTI_STRLIST_H
#include <stddef.h>

typedef struct strlist {
    char **v;       /* each owned by the list */
    size_t n, cap;
} strlist;

#define STRLIST_INIT {NULL, 0, 0}
/* Append a copy of S. Returns 0, or -1 when out of memory. */
int strlist_add(strlist *l, const char *s);
/* Append S itself, taking ownership (freed on failure too). */
int strlist_take(strlist *l, char *s);
/* Index of the first string equal to S, or -1. */
long strlist_find(const strlist *l, const char *s);
void strlist_release(strlist *l);
/* Deep copy of SRC into DST (initialised). Returns 0 or -1. */
int strlist_copy(strlist *dst, const strlist *src);

#endif
