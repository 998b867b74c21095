/* embed.c — lookup in the table scripts/embed.sh generates. */
#include <string.h>
#include "base/embed.h"

const struct embed_file *embed_find(const char *path)
{
    for (const struct embed_file *f = embed_files; path && f->path; f++)
        if (strcmp(f->path, path) == 0)
            return f;
    return NULL;
}
