/* embed.h — files built into the binary (SQL migrations, the web UI, the sample plan).
 * scripts/embed.sh writes the table at build time from the files under sql/, web/, samples/. */
#ifndef DTI_EMBED_H
#define DTI_EMBED_H
#include <stddef.h>

struct embed_file {
    const char *path;            /* as in the source tree: "sql/sqlite/001_init.sql" */
    const unsigned char *data;   /* NUL-terminated after len bytes */
    size_t len;
};

/* Terminated by an entry with path NULL. */
extern const struct embed_file embed_files[];

/* The embedded file at PATH, or NULL. The result is static; never free it. */
const struct embed_file *embed_find(const char *path);

#endif
