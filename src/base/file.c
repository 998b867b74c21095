/* file.c — reading and writing whole files safely; hashing with libsodium. */
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "base/file.h"

const char *file_basename(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

dti_rc file_read(const char *path, size_t max, char **out, size_t *len, dti_err *e)
{
    *out = NULL;
    *len = 0;
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return dti_fail(e, DTI_ERR_IO, path, "%s: không mở được tệp (%s)",
                        "%s: cannot open the file (%s)", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return dti_fail(e, DTI_ERR_IO, path, "%s: không phải tệp thông thường",
                        "%s: not a regular file", path);
    }
    if ((size_t)st.st_size > max) {
        close(fd);
        return dti_fail(e, DTI_ERR_TOOBIG, path, "%s: tệp quá lớn (%lld byte, tối đa %zu)",
                        "%s: file too large (%lld bytes, at most %zu)", path,
                        (long long)st.st_size, max);
    }
    size_t n = (size_t)st.st_size;
    char *p = malloc(n + 1);
    if (!p) {
        close(fd);
        return dti_fail(e, DTI_ERR_NOMEM, path, "hết bộ nhớ", "out of memory");
    }
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, p + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            free(p);
            close(fd);
            return dti_fail(e, DTI_ERR_IO, path, "%s: lỗi đọc tệp", "%s: read error", path);
        }
        got += (size_t)r;
    }
    close(fd);
    p[n] = 0;
    *out = p;
    *len = n;
    return DTI_OK;
}

/* fsync the folder holding PATH, so that a rename into it survives a power cut. */
static int sync_parent(const char *path)
{
    char dir[4096];
    const char *slash = strrchr(path, '/');
    size_t n = slash ? (size_t)(slash - path) : 0;
    if (!slash)
        memcpy(dir, ".", 2);
    else if (n == 0)
        memcpy(dir, "/", 2);
    else if (n < sizeof dir) {
        memcpy(dir, path, n);
        dir[n] = 0;
    } else
        return -1;
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return -1;
    int r = fsync(fd);
    close(fd);
    return r;
}

dti_rc file_write_atomic(const char *path, const void *p, size_t n, dti_err *e)
{
    char tmp[4096];
    /* mkstemp: a unique name per call, so two threads of the server writing
     * the same file never share (and truncate) one temporary file */
    if (snprintf(tmp, sizeof tmp, "%s.tmpXXXXXX", path) >= (int)sizeof tmp)
        return dti_fail(e, DTI_ERR_INPUT, path, "%s: đường dẫn quá dài", "%s: path too long", path);
    int fd = mkstemp(tmp);
    if (fd < 0)
        return dti_fail(e, DTI_ERR_IO, path, "%s: không ghi được (%s)", "%s: cannot write (%s)",
                        path, strerror(errno));
    int err = 0;
    const char *c = p;
    size_t done = 0;
    while (done < n) {
        ssize_t w = write(fd, c + done, n - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            err = w < 0 ? errno : ENOSPC;
            goto fail;
        }
        done += (size_t)w;
    }
    if (fchmod(fd, 0640) != 0 || fsync(fd) != 0) {
        err = errno;
        goto fail;
    }
    int closed = close(fd);
    fd = -1;
    if (closed != 0) {
        err = errno;
        goto fail;
    }
    if (rename(tmp, path) != 0) {
        err = errno;
        goto fail;
    }
    if (sync_parent(path) != 0)
        return dti_fail(e, DTI_ERR_IO, path, "%s: không đồng bộ được thư mục (%s)",
                        "%s: cannot sync the folder (%s)", path, strerror(errno));
    return DTI_OK;
fail:
    if (fd >= 0)
        close(fd);
    unlink(tmp);
    return dti_fail(e, DTI_ERR_IO, path, "%s: không ghi được (%s)", "%s: cannot write (%s)", path,
                    strerror(err));
}

void file_sha256_hex(const void *p, size_t n, char hex[65])
{
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, p, n);
    sodium_bin2hex(hex, 65, h, sizeof h);
}
