/* static.c — the browser UI: files of the web/ tree embedded in the binary.
 *
 * "/" is web/index.html, "/public" the public ranking page, "/vendor/chart.js"
 * Chart.js from web/node_modules (pinned by web/package-lock.json); any
 * other path is looked up as web/PATH. The table of embedded files is
 * fixed at build time (base/embed.h), so no path can reach outside it.
 *
 * Decision — compressed, cached for a year, never stale. The UI is ES
 * modules with no bundler, so a module's imports ("./api.js") resolve
 * against its own URL. The HTML pages (always revalidated: no-cache) name
 * the stylesheet and the first module under a version prefix,
 * "/b/VERSION/app.css", "/b/VERSION/js/main.js", VERSION a hash of every
 * embedded web file; every module, Chart.js ("../vendor/chart.js" from
 * js/chart.js) and the CSS then live under that prefix and are served
 * "public, max-age=31536000, immutable". A new build changes VERSION, so
 * the pages ask for new URLs. A request under another version (a page
 * loaded before an upgrade) gets today's file with no-cache. Text files
 * (HTML, CSS, JS, JSON, SVG) go gzip-compressed to clients that accept it
 * (zlib, level 9, once per file per process, kept for the process's life;
 * Vary: Accept-Encoding). docs/performance.md has the measured effect. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include "base/embed.h"
#include "http/server.h"

#define STATIC_PREFIX "/b/"
#define STATIC_VERSION_LEN 16   /* hex digits of the version */

static const struct { const char *ext, *type; int text; } TYPES[] = {
    {".html", "text/html; charset=utf-8", 1},
    {".css", "text/css; charset=utf-8", 1},
    {".js", "text/javascript; charset=utf-8", 1},
    {".mjs", "text/javascript; charset=utf-8", 1},
    {".json", "application/json; charset=utf-8", 1},
    {".svg", "image/svg+xml", 1},
    {".png", "image/png", 0},
    {".ico", "image/x-icon", 0},
    {NULL, NULL, 0}
};

static int type_of(const char *path)
{
    const char *dot = strrchr(path, '.');
    for (int i = 0; dot && TYPES[i].ext; i++)
        if (strcmp(dot, TYPES[i].ext) == 0)
            return i;
    return -1;
}

/* ---- per-process state: the version, rewritten pages, gzip copies -------- */

struct variant {
    const struct embed_file *f;
    unsigned char *body;        /* owned: the page with versioned URLs, or NULL (use f) */
    size_t len;
    unsigned char *gz;          /* owned: gzip of body (or f), NULL when not worth it */
    size_t gzlen;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static char version[STATIC_VERSION_LEN + 1];
static struct variant *cache;   /* one per embedded file, by index; never freed */
static size_t ncache;

static void init_version(void)
{
    uint64_t h = 1469598103934665603ULL;    /* FNV-1a 64 over the web files */
    size_t n = 0;
    for (const struct embed_file *f = embed_files; f->path; f++, n++) {
        if (strncmp(f->path, "web/", 4) != 0)
            continue;
        for (const char *p = f->path; *p; p++)
            h = (h ^ (unsigned char)*p) * 1099511628211ULL;
        for (size_t i = 0; i < f->len; i++)
            h = (h ^ f->data[i]) * 1099511628211ULL;
    }
    snprintf(version, sizeof version, "%016llx", (unsigned long long)h);
    cache = calloc(n, sizeof *cache);
    ncache = cache ? n : 0;
}

/* A copy of page F with "/app.css" and "/js/" URLs in quotes under the
 * version prefix; NULL when out of memory. */
static unsigned char *rewrite(const struct embed_file *f, size_t *len)
{
    static const char *const FROM[] = {"\"/app.css\"", "\"/js/"};
    char pre[sizeof STATIC_PREFIX + STATIC_VERSION_LEN];
    snprintf(pre, sizeof pre, STATIC_PREFIX "%s", version);
    size_t cap = f->len + 1 + 4 * strlen(pre) + 64, n = 0;
    unsigned char *out = malloc(cap);
    if (!out)
        return NULL;
    for (size_t i = 0; i < f->len;) {
        int hit = -1;
        for (int k = 0; k < 2; k++)
            if (f->len - i >= strlen(FROM[k]) && memcmp(f->data + i, FROM[k], strlen(FROM[k])) == 0)
                hit = k;
        if (hit >= 0 && n + strlen(pre) + strlen(FROM[hit]) < cap) {
            out[n++] = '"';
            memcpy(out + n, pre, strlen(pre));
            n += strlen(pre);
            memcpy(out + n, FROM[hit] + 1, strlen(FROM[hit]) - 1);
            n += strlen(FROM[hit]) - 1;
            i += strlen(FROM[hit]);
        } else if (n + 1 < cap) {
            out[n++] = f->data[i++];
        } else {
            free(out);
            return NULL;
        }
    }
    out[n] = 0;
    *len = n;
    return out;
}

/* gzip of the LEN bytes at DATA into *OUT (malloc'd); 0, or -1. */
static int gzip(const unsigned char *data, size_t len, unsigned char **out, size_t *outlen)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        return -1;
    size_t cap = deflateBound(&z, (uLong)len) + 32;
    unsigned char *zbuf = malloc(cap);
    if (!zbuf) {
        deflateEnd(&z);
        return -1;
    }
    z.next_in = (Bytef *)data;
    z.avail_in = (uInt)len;
    z.next_out = zbuf;
    z.avail_out = (uInt)cap;
    int rc = deflate(&z, Z_FINISH);
    size_t n = cap - z.avail_out;
    deflateEnd(&z);
    if (rc != Z_STREAM_END) {
        free(zbuf);
        return -1;
    }
    *out = zbuf;
    *outlen = n;
    return 0;
}

/* The variant of F (made on first use), or NULL when out of memory. */
static const struct variant *variant_of(const struct embed_file *f, int text, int page)
{
    pthread_once(&once, init_version);
    size_t i = 0;
    for (const struct embed_file *g = embed_files; g->path && g != f; g++)
        if (strncmp(g->path, "web/", 4) == 0)
            i++;
    if (i >= ncache)
        return NULL;
    pthread_mutex_lock(&lock);
    struct variant *v = &cache[i];
    if (!v->f) {
        v->f = f;
        if (page)
            v->body = rewrite(f, &v->len);
        const unsigned char *b = v->body ? v->body : f->data;
        size_t bl = v->body ? v->len : f->len;
        if (text && bl > 256 && gzip(b, bl, &v->gz, &v->gzlen) == 0 && v->gzlen >= bl) {
            free(v->gz);
            v->gz = NULL;
        }
    }
    pthread_mutex_unlock(&lock);
    return v;
}

/* Non-zero when the request's Accept-Encoding admits gzip (any q but 0). */
static int accepts_gzip(http_req *r)
{
    const char *ae = http_header(r, "Accept-Encoding");
    const char *p = ae ? strstr(ae, "gzip") : NULL;
    if (!p)
        return 0;
    p += 4;
    while (*p == ' ')
        p++;
    if (*p != ';')
        return 1;
    const char *q = strstr(p, "q=");
    if (!q)
        return 1;
    q += 2;
    if (*q != '0')
        return 1;
    for (q++; *q == '.' || *q == '0'; q++)
        ;
    return *q >= '1' && *q <= '9';
}

void http_static(http_req *r)
{
    const char *path = r->path;
    char name[512];
    int versioned = 0, current = 0;
    if (strncmp(path, STATIC_PREFIX, strlen(STATIC_PREFIX)) == 0) {
        const char *v = path + strlen(STATIC_PREFIX), *slash = strchr(v, '/');
        if (slash) {
            pthread_once(&once, init_version);
            versioned = 1;
            current = (size_t)(slash - v) == strlen(version) && strncmp(v, version, strlen(version)) == 0;
            path = slash;
        }
    }
    if (strcmp(path, "/") == 0 || strcmp(path, "/index.html") == 0)
        path = "web/index.html";
    else if (strcmp(path, "/public") == 0 || strcmp(path, "/public/") == 0 || strcmp(path, "/public.html") == 0)
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
    int ti = type_of(f->path);
    int text = ti >= 0 && TYPES[ti].text;
    int page = ti == 0;         /* .html: names the versioned URLs, never cached */
    const struct variant *v = variant_of(f, text, page);
    const char *type = ti >= 0 ? TYPES[ti].type : "application/octet-stream";
    http_add_header(r, "Cache-Control",
                    versioned && current && !page ? "public, max-age=31536000, immutable" : "no-cache");
    if (text)
        http_add_header(r, "Vary", "Accept-Encoding");
    if (v && v->gz && accepts_gzip(r)) {
        http_add_header(r, "Content-Encoding", "gzip");
        http_reply_data(r, 200, type, v->gz, v->gzlen, 1);
    } else if (v && v->body) {
        http_reply_data(r, 200, type, v->body, v->len, 1);
    } else {
        http_reply_data(r, 200, type, f->data, f->len, 1);
    }
}
