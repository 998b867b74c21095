/* static.c — the browser UI: files of the web/ tree embedded in the binary.
 *
 * "/" is web/index.html, "/public" the public ranking page, "/vendor/chart.js"
 * Chart.js from web/node_modules (pinned by web/package-lock.json); any
 * other path is looked up as web/PATH. The table of embedded files is
 * fixed at build time (base/embed.h), so no path can reach outside it. */
#include <stdio.h>
#include <string.h>
#include "base/embed.h"
#include "http/server.h"

static const struct { const char *ext, *type; } TYPES[] = {
    {".html", "text/html; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".json", "application/json; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".ico", "image/x-icon"},
    {NULL, NULL}
};

static const char *content_type(const char *path)
{
    const char *dot = strrchr(path, '.');
    for (size_t i = 0; dot && TYPES[i].ext; i++)
        if (strcmp(dot, TYPES[i].ext) == 0)
            return TYPES[i].type;
    return "application/octet-stream";
}

void http_static(http_req *r)
{
    const char *path = r->path;
    char name[512];
    if (strcmp(path, "/") == 0 || strcmp(path, "/index.html") == 0)
        path = "web/index.html";
    else if (strcmp(path, "/public") == 0 || strcmp(path, "/public/") == 0)
        path = "web/public.html";
    else if (strcmp(path, "/vendor/chart.js") == 0)
        path = "web/node_modules/chart.js/dist/chart.umd.js";
    else if (strstr(path, "..") || strstr(path, "/node_modules/") ||
             (size_t)snprintf(name, sizeof name, "web%s", path) >= sizeof name)
        path = NULL;
    else
        path = name;
    const struct embed_file *f = path ? embed_find(path) : NULL;
    if (!f) {
        http_reply_fail(r, DTI_ERR_NOTFOUND, NULL, "Không có địa chỉ %s", "No such address: %s", r->path);
        return;
    }
    http_add_header(r, "Cache-Control", "no-cache");
    http_reply_data(r, 200, content_type(f->path), f->data, f->len, 1);
}
