/* test_multipart.c — http/multipart.c: parts split in place, and each
 * refusal of multipart.h with its message. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "http/multipart.h"

#define CT "multipart/form-data; boundary=BOUND"

struct got {
    int n;
    char names[20][64];
    char files[20][64];
    size_t lens[20];
    char first[64];
};

static int keep(void *ctx, const multipart_part *p, dti_err *e)
{
    struct got *g = ctx;
    (void)e;
    snprintf(g->names[g->n], sizeof g->names[0], "%s", p->name);
    snprintf(g->files[g->n], sizeof g->files[0], "%s", p->filename ? p->filename : "-");
    g->lens[g->n] = p->len;
    if (g->n == 0)
        snprintf(g->first, sizeof g->first, "%s", p->data);   /* NUL-terminated in place */
    g->n++;
    return 0;
}

/* Parse the C string S (copied: the parser writes into it). */
static dti_rc parse(const char *ct, const char *s, size_t n, struct got *g, dti_err *e)
{
    char *b = malloc(n + 1);
    assert_non_null(b);
    memcpy(b, s, n);
    b[n] = 0;
    memset(g, 0, sizeof *g);
    dti_err_clear(e);
    dti_rc rc = multipart_parse(b, n, ct, keep, g, e);
    free(b);
    return rc;
}
#define P(ct, lit, g, e) parse(ct, lit, sizeof lit - 1, g, e)

static void test_parts(void **state)
{
    (void)state;
    struct got g;
    dti_err e;
    assert_int_equal(P(CT, "preamble\r\n--BOUND\r\nContent-Disposition: form-data; name=\"file\"; filename=\"biên bản.pdf\"\r\n"
                          "Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\nx\r\n--BOUND\r\n"
                          "Content-Disposition: form-data; name=\"item\"\r\n\r\n4.1\r\n--BOUND--\r\nepilogue", &g, &e),
                     DTI_OK);
    assert_int_equal(g.n, 2);
    assert_string_equal(g.names[0], "file");
    assert_string_equal(g.files[0], "biên bản.pdf");
    assert_string_equal(g.first, "%PDF-1.4\r\nx");
    assert_int_equal(g.lens[0], 11);
    assert_string_equal(g.names[1], "item");
    assert_string_equal(g.files[1], "-");
    /* a quoted boundary, escapes in a quoted name */
    assert_int_equal(P("multipart/form-data; boundary=\"a b\"", "--a b\r\nContent-Disposition: form-data; name=\"x\\\"y\"\r\n\r\nv\r\n--a b--",
                       &g, &e), DTI_OK);
    assert_string_equal(g.names[0], "x\"y");
}

static void test_refusals(void **state)
{
    (void)state;
    struct got g;
    dti_err e;
    char big[40000];
    /* 17 parts */
    size_t n = 0;
    for (int i = 0; i < 17; i++)
        n += (size_t)snprintf(big + n, sizeof big - n, "--BOUND\r\nContent-Disposition: form-data; name=\"f%d\"\r\n\r\nx\r\n", i);
    n += (size_t)snprintf(big + n, sizeof big - n, "--BOUND--\r\n");
    assert_int_equal(parse(CT, big, n, &g, &e), DTI_ERR_INPUT);
    assert_non_null(strstr(e.msg, "16"));
    /* a part header over 8 KB */
    n = (size_t)snprintf(big, sizeof big, "--BOUND\r\nContent-Disposition: form-data; name=\"f\"\r\nX-Pad: ");
    memset(big + n, 'p', 10000);
    n += 10000;
    n += (size_t)snprintf(big + n, sizeof big - n, "\r\n\r\nx\r\n--BOUND--\r\n");
    assert_int_equal(parse(CT, big, n, &g, &e), DTI_ERR_INPUT);
    assert_non_null(strstr(e.msg, "8192"));
    /* no closing boundary, cut in the data, cut in the header */
    assert_int_equal(P(CT, "--BOUND\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx\r\n--BOUND\r\n", &g, &e), DTI_ERR_INPUT);
    assert_int_equal(P(CT, "--BOUND\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nxyz", &g, &e), DTI_ERR_INPUT);
    assert_non_null(strstr(e.msg, "ranh giới"));
    assert_int_equal(P(CT, "--BOUND\r\nContent-Disposition: form-da", &g, &e), DTI_ERR_INPUT);
    /* names: not UTF-8, control characters, missing, unterminated */
    assert_int_equal(P(CT, "--BOUND\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\xff.pdf\"\r\n\r\nx\r\n--BOUND--",
                       &g, &e), DTI_ERR_INPUT);
    assert_non_null(strstr(e.msg, "UTF-8"));
    assert_int_equal(g.n, 0);
    assert_int_equal(P(CT, "--BOUND\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\x01.pdf\"\r\n\r\nx\r\n--BOUND--",
                       &g, &e), DTI_ERR_INPUT);
    assert_int_equal(P(CT, "--BOUND\r\nContent-Disposition: form-data; filename=\"a.pdf\"\r\n\r\nx\r\n--BOUND--", &g, &e),
                     DTI_ERR_INPUT);
    assert_int_equal(P(CT, "--BOUND\r\nContent-Disposition: form-data; name=\"fi\r\n\r\nx\r\n--BOUND--", &g, &e), DTI_ERR_INPUT);
    assert_int_equal(P(CT, "--BOUND\r\nContent-Disposition: attachment; name=\"f\"\r\n\r\nx\r\n--BOUND--", &g, &e),
                     DTI_ERR_INPUT);
    assert_int_equal(P(CT, "--BOUND\r\nNoColon\r\n\r\nx\r\n--BOUND--", &g, &e), DTI_ERR_INPUT);
    /* the content type: no boundary, empty, too long, not form-data */
    assert_int_equal(P("multipart/form-data", "--BOUND--", &g, &e), DTI_ERR_FORMAT);
    assert_int_equal(P("multipart/form-data; boundary=", "--BOUND--", &g, &e), DTI_ERR_FORMAT);
    assert_int_equal(P("multipart/form-data; boundary=bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
                       "--BOUND--", &g, &e), DTI_ERR_FORMAT);
    assert_int_equal(P("text/plain; boundary=BOUND", "--BOUND--", &g, &e), DTI_ERR_FORMAT);
    /* no boundary in the body at all */
    assert_int_equal(P(CT, "hello", &g, &e), DTI_ERR_INPUT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parts),
        cmocka_unit_test(test_refusals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
