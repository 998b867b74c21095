/* buf.c — growable strings with a hard maximum and a sticky error. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "base/buf.h"
#include "base/err.h"

void buf_init(buf *b, size_t max)
{
    b->ptr = NULL;
    b->len = b->cap = 0;
    b->max = max ? max : BUF_DEFAULT_MAX;
    b->failed = 0;
}

static int grow(buf *b, size_t need)
{
    if (b->failed)
        return b->failed;
    if (need > b->max || need == SIZE_MAX) {
        b->failed = DTI_ERR_TOOBIG;
        return b->failed;
    }
    if (need + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need + 1)
        cap = cap > SIZE_MAX / 2 ? need + 1 : cap * 2;
    char *p = realloc(b->ptr, cap);
    if (!p) {
        b->failed = DTI_ERR_NOMEM;
        return b->failed;
    }
    b->ptr = p;
    b->cap = cap;
    return 0;
}

int buf_add(buf *b, const void *p, size_t n)
{
    if (!b->failed && n > b->max - b->len)     /* len <= max always: no wrap */
        b->failed = DTI_ERR_TOOBIG;
    if (grow(b, b->len + n))
        return b->failed;
    if (n)
        memcpy(b->ptr + b->len, p, n);
    b->len += n;
    b->ptr[b->len] = 0;
    return 0;
}

int buf_reserve(buf *b, size_t n)
{
    if (!b->failed && n > b->max - b->len)
        b->failed = DTI_ERR_TOOBIG;
    return grow(b, b->len + n);
}

int buf_adds(buf *b, const char *s) { return buf_add(b, s, s ? strlen(s) : 0); }
int buf_addc(buf *b, char c) { return buf_add(b, &c, 1); }

int buf_printf(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        if (!b->failed)
            b->failed = DTI_ERR_INTERNAL;
        return b->failed;
    }
    if (!b->failed && (size_t)n > b->max - b->len)
        b->failed = DTI_ERR_TOOBIG;
    if (grow(b, b->len + (size_t)n))
        return b->failed;
    va_start(ap, fmt);
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

int buf_failed(const buf *b) { return b->failed; }

void buf_reset(buf *b)
{
    b->len = 0;
    if (b->ptr)
        b->ptr[0] = 0;
}

char *buf_detach(buf *b)
{
    char *p = b->ptr;
    if (b->failed) {
        free(p);
        p = NULL;
    } else if (!p) {
        p = calloc(1, 1);
    }
    size_t max = b->max;
    buf_init(b, max);
    return p;
}

void buf_release(buf *b)
{
    if (!b)
        return;
    free(b->ptr);
    b->ptr = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
}
