/* buf.h — a growable byte string with a hard maximum (after curl's dynbuf and git's strbuf).
 *
 * The error is sticky: once an append fails (out of memory or over max) every
 * later append is a no-op and buf_failed() says so; check once at the end.
 * The content is always NUL-terminated when ptr is not NULL. */
#ifndef DTI_BUF_H
#define DTI_BUF_H
#include <stddef.h>

typedef struct buf {
    char *ptr;      /* owned; NULL until the first append */
    size_t len;
    size_t cap;
    size_t max;     /* appends beyond this many bytes fail */
    int failed;     /* 0, or the dti_rc of the first failure */
} buf;

#define BUF_DEFAULT_MAX ((size_t)64 << 20)

void buf_init(buf *b, size_t max);
int buf_add(buf *b, const void *p, size_t n);
int buf_adds(buf *b, const char *s);
int buf_addc(buf *b, char c);
int buf_printf(buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Make room for N more bytes without a further allocation (a hint: a
 * failure is the sticky error, as an append's). */
int buf_reserve(buf *b, size_t n);
/* Non-zero when an append has failed. */
int buf_failed(const buf *b);
/* Empty the content, keep the memory and the error. */
void buf_reset(buf *b);
/* Hand the string to the caller (never NULL unless failed: "" for empty),
 * and re-initialise B. The caller frees it. */
char *buf_detach(buf *b);
/* Free the memory; B may be re-used after buf_init. NULL is a no-op. */
void buf_release(buf *b);

#endif
