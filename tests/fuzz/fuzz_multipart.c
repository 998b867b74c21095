/* fuzz_multipart.c — libFuzzer target for the multipart/form-data parser
 * (http/multipart.c) that splits evidence and import uploads in place.
 *
 * The first line of the input (up to a '\n', at most 200 bytes) is the
 * Content-Type header, the rest the body, so that the fuzzer varies both
 * the boundary parameter and the parts. Each part handed to the callback
 * is checked against what the parser promises (multipart.h): its bytes lie
 * inside the body and are NUL-terminated there, its name is non-empty
 * UTF-8, and there are at most MULTIPART_MAX_PARTS of them; a broken
 * promise aborts (a crash libFuzzer reports). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "base/text.h"
#include "http/multipart.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct seen {
    const char *body;
    size_t len;
    int parts;
};

static int on_part(void *ctx, const multipart_part *pt, dti_err *e)
{
    struct seen *s = ctx;
    (void)e;
    if (++s->parts > MULTIPART_MAX_PARTS)
        abort();
    if (!pt->name || !*pt->name || !text_utf8_valid(pt->name, strlen(pt->name)))
        abort();
    if (pt->filename && !text_utf8_valid(pt->filename, strlen(pt->filename)))
        abort();
    if (pt->data < s->body || pt->data + pt->len >= s->body + s->len || pt->data[pt->len] != 0)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t nl = 0;
    while (nl < size && nl < 200 && data[nl] != '\n')
        nl++;
    char ct[201];
    memcpy(ct, data, nl);
    ct[nl] = 0;
    size_t off = nl < size ? nl + 1 : nl;
    size_t len = size - off;
    char *body = malloc(len + 1);
    if (!body)
        return 0;
    memcpy(body, data + off, len);
    body[len] = 0;
    struct seen s = {body, len, 0};
    dti_err e;
    (void)multipart_parse(body, len, ct, on_part, &s, &e);
    free(body);
    return 0;
}
