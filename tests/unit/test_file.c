/* test_file.c — whole-file reads and durable writes (base/file.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "base/file.h"

#define WRITERS 8
#define ROUNDS 200
#define SIZE 4096

static char dir[] = "/tmp/dti-test-file-XXXXXX";
static char target[256];

struct writer { int id; int failures; };

static void *write_many(void *arg)
{
    struct writer *w = arg;
    char data[SIZE];
    memset(data, 'a' + w->id, sizeof data);
    for (int i = 0; i < ROUNDS; i++) {
        dti_err e;
        if (file_write_atomic(target, data, sizeof data, &e) != DTI_OK)
            w->failures++;
    }
    return NULL;
}

/* Several threads writing one file (the server does): every write succeeds,
 * the file holds one writer's whole content, and no temporary file is left.
 * A temporary name shared by the threads (pid-based) made renames fail and
 * contents mix. */
static void test_concurrent_writes(void **state)
{
    (void)state;
    assert_non_null(mkdtemp(dir));
    snprintf(target, sizeof target, "%s/f.json", dir);
    pthread_t th[WRITERS];
    struct writer w[WRITERS];
    for (int i = 0; i < WRITERS; i++) {
        w[i] = (struct writer){i, 0};
        assert_int_equal(pthread_create(&th[i], NULL, write_many, &w[i]), 0);
    }
    for (int i = 0; i < WRITERS; i++) {
        pthread_join(th[i], NULL);
        assert_int_equal(w[i].failures, 0);
    }
    char *got = NULL;
    size_t n = 0;
    dti_err e;
    assert_int_equal(file_read(target, SIZE, &got, &n, &e), DTI_OK);
    assert_int_equal(n, SIZE);
    for (size_t i = 1; i < n; i++)
        assert_int_equal(got[i], got[0]);
    free(got);
    DIR *d = opendir(dir);
    assert_non_null(d);
    int files = 0;
    for (struct dirent *de; (de = readdir(d));)
        files += de->d_name[0] != '.';
    closedir(d);
    assert_int_equal(files, 1);
    unlink(target);
    rmdir(dir);
}

/* A write into a folder that does not exist fails, names the file, leaves nothing. */
static void test_write_error_names_file(void **state)
{
    (void)state;
    dti_err e;
    dti_err_clear(&e);
    assert_int_equal(file_write_atomic("/nonexistent-dti-dir/x.txt", "x", 1, &e), DTI_ERR_IO);
    assert_non_null(strstr(e.msg, "/nonexistent-dti-dir/x.txt"));
    assert_string_equal(e.field, "/nonexistent-dti-dir/x.txt");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_concurrent_writes),
        cmocka_unit_test(test_write_error_names_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
