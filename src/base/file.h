/* file.h — whole-file reads with a limit, durable writes, SHA-256. */
#ifndef DTI_FILE_H
#define DTI_FILE_H
#include <stddef.h>
#include "base/err.h"

/* Read PATH whole into *OUT (malloc'd, NUL-terminated, caller frees) and its
 * size into *LEN. Fails with DTI_ERR_TOOBIG over MAX bytes, DTI_ERR_IO when it
 * cannot be opened or read; the message names the file. */
dti_rc file_read(const char *path, size_t max, char **out, size_t *len, dti_err *e);

/* Write N bytes to PATH through a uniquely named temporary file in the same
 * folder (mode 0640): write, fsync, rename over PATH, fsync the folder. A
 * reader sees the old or the new content, never a mix; several threads may
 * write the same PATH at once (the last rename wins). On failure PATH is
 * unchanged, no temporary file is left, and E names PATH and the reason. */
dti_rc file_write_atomic(const char *path, const void *p, size_t n, dti_err *e);

/* Lower-case hex SHA-256 of N bytes at P into HEX (65 bytes). */
void file_sha256_hex(const void *p, size_t n, char hex[65]);

/* The last component of PATH (a pointer into PATH). */
const char *file_basename(const char *path);

#endif
