/* multipart.h — a multipart/form-data body (RFC 7578) read in one piece.
 *
 * The server collects the whole body first (under the route's limit and the
 * server's memory budget), then this parser splits it in place: every part's
 * bytes stay where they are in the body and the CR that ends them is
 * overwritten with a NUL, so that a part is both a (ptr, len) view and a C
 * string, without a copy. What is refused, with a message naming the part:
 *   - a Content-Type without a usable boundary (1 to 70 characters);
 *   - more than MULTIPART_MAX_PARTS parts;
 *   - a part header block over MULTIPART_MAX_HEADER bytes, a header line
 *     without a colon, a part without Content-Disposition: form-data and a
 *     name;
 *   - a field name or file name that is not valid UTF-8 or holds a control
 *     character;
 *   - a body that does not end with the closing boundary ("--BOUNDARY--"):
 *     a cut upload is never taken for a complete one.
 * A preamble before the first boundary and an epilogue after the last are
 * ignored, as RFC 2046 says. This file has no I/O and no libmicrohttpd: it
 * is what tests/fuzz/fuzz_multipart.c exercises. */
#ifndef DTI_HTTP_MULTIPART_H
#define DTI_HTTP_MULTIPART_H
#include <stddef.h>
#include "base/err.h"

#define MULTIPART_MAX_PARTS    16
#define MULTIPART_MAX_HEADER   8192    /* bytes of one part's header block */
#define MULTIPART_MAX_BOUNDARY 70

/* One part. NAME, FILENAME and CONTENT_TYPE are valid during the callback
 * only (copy them); DATA points into the body given to multipart_parse. */
typedef struct multipart_part {
    const char *name;           /* the form field */
    const char *filename;       /* NULL for a plain field */
    const char *content_type;   /* as sent, or NULL */
    char *data;                 /* the bytes, NUL-terminated after LEN */
    size_t len;
} multipart_part;

/* Called once per part, in order. Non-zero stops the parse (the callback
 * fills E; its code is returned). */
typedef int (*multipart_fn)(void *ctx, const multipart_part *part, dti_err *e);

/* Split BODY (LEN bytes, modified in place: NULs are written into it) of
 * the Content-Type CONTENT_TYPE, calling FN for each part. DTI_ERR_INPUT or
 * DTI_ERR_FORMAT naming what is wrong; nothing is called for a part after
 * the first error, but parts before it were already given to FN. */
dti_rc multipart_parse(char *body, size_t len, const char *content_type, multipart_fn fn, void *ctx,
                       dti_err *e);

#endif
