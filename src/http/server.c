/* server.c — libmicrohttpd daemon, request lifecycle, replies; see server.h.
 *
 * libmicrohttpd calls access() several times per request: once when the
 * headers are in (on_headers: we allocate the http_req, route it, check the
 * protocol edges, the declared length and the session), once per piece of
 * body (on_data: appended under the route's limit and the server's memory
 * budget), and once more with no data when the body is complete
 * (on_complete: a multipart body is split, multipart.h; we run the handler,
 * queue its reply and give back the store handle and the body at once).
 * A request without body is answered at the second call, never at the
 * first: libmicrohttpd 0.9.75 takes a reply queued at the first call as an
 * early answer and closes the connection after it ("Connection: close"),
 * so every request would pay a new TCP connection (tests/api/server.test.mjs
 * checks that a connection is kept alive). A refusal at the first call is
 * sent at once only when closing is right: the client waits for 100
 * Continue, or announces far more than the route takes (otherwise the body
 * is read and dropped, so that a client still sending sees the answer
 * rather than a reset connection). libmicrohttpd also takes no reply
 * in the middle of a body, so an error found there is kept and answered
 * when the body is complete. completed() frees the request.
 *
 * With MHD_USE_INTERNAL_POLLING_THREAD and a thread pool every connection
 * stays on one worker thread, so the thread-local language (lang_set) set
 * at each call is the one the handler sees.
 *
 * The durability wait off the workers (issue 12, point 6). A commit on
 * SQLite is made durable by the group sync (store_sqlite.c), one fsync of
 * the WAL shared by the commits of the same moment. A handler runs with
 * durability deferred (app_sync_defer): its commits return once written,
 * and when it committed anything its reply is held: the connection is
 * suspended (MHD_suspend_connection) and handed to the syncer, a thread
 * of the server with a store handle of its own, which waits for the group
 * sync covering every request handed to it so far (one wait for all of
 * them) and resumes their connections; libmicrohttpd then calls access()
 * again and the reply held is sent, or, when the sync failed, a 500 in
 * its place (the change may not be on disk: never acknowledged). So a
 * worker never waits for the disk, the few workers (one per core) keep
 * answering, and every save waiting at the same moment shares one fsync.
 * When the server stops, the syncer is closed after the last connection
 * (it resumes everything handed to it first: libmicrohttpd must not stop
 * with a suspended connection); a request completing meanwhile waits for
 * its sync itself. */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <microhttpd.h>
#include <sodium.h>
#include "base/lang.h"
#include "base/text.h"
#include "http/api.h"
#include "http/multipart.h"
#include "http/server.h"

#define HTTP_DISCARD_MAX ((uint64_t)8 << 20)  /* body bytes read and dropped after a 413 */
#define HTTP_POOL_WAIT_MS 2000                /* longest wait for a store handle, then 503 */
#define HTTP_RETRY_AFTER "5"                  /* seconds, in a 503's Retry-After */
/* A connection in the middle of a request may pause longer than an idle
 * one (cfg.timeout_s) before it is closed: a slow upload from a weak
 * mobile link, or curl --limit-rate, sends in bursts with long gaps. */
#define HTTP_REQUEST_TIMEOUT_S 60u
/* libmicrohttpd's memory per connection: above our own limits on the URL
 * and the headers (server.h), so that it is the server that refuses them,
 * in JSON, and libmicrohttpd's HTML pages are left for requests beyond
 * this size only. Untouched pages of the pool cost nothing (mmap); a
 * connection that fills it holds it (+92.5 KB measured per connection, and
 * +990 KB at 1 MB: docs/internals/http.md, which also says why a head over
 * it still gets the library's own page). */
#define HTTP_CONN_MEMORY ((size_t)96 << 10)
#define HTTP_TLS_PRIORITIES "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2"

#define CSP "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " \
            "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "       \
            "form-action 'self'; frame-ancestors 'none'"

struct db_pool {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    store **idle;               /* handles not in use */
    size_t nidle, nopen, max;
};

/* The syncer (top of this file): requests whose reply waits for the group
 * sync, handed over with their connection suspended. */
struct syncer {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    http_req *head, *tail;      /* under mu; linked by http_req_priv.sync_next */
    int closing;                /* under mu: hand nothing more over */
    int inited, started, tried;     /* tried: the start was attempted (under mu) */
    pthread_t th;
    store *db;                  /* the syncer's own handle */
};

struct http_server {
    http_server_cfg cfg;
    struct MHD_Daemon *d;
    struct syncer sync;
    unsigned port;
    struct db_pool db;
    char *tls_cert, *tls_key;   /* copies: MHD keeps pointers */
    pthread_mutex_t budget_mu;
    size_t body_bytes;          /* body bytes held by requests in flight (<= cfg.body_budget) */
};

struct hdr {
    const char *name, *value;
    struct hdr *next;
};

struct http_req_priv {
    buf body;
    int body_over;              /* the body went over the route's limit */
    uint64_t received;          /* body bytes received */
    int answered;               /* the reply is queued */
    int session_checked;        /* check_session() ran (at the first call) */
    int rejected;               /* refused before the body: REJECT is the answer */
    dti_err reject;
    size_t max_body;
    size_t reserved;            /* bytes of the server's body budget this request holds */
    int multipart;              /* a ROUTE_MULTIPART route: split the body when complete */
    const char *cause;          /* what a 5xx reply says, for the log */
    http_part *parts;
    size_t nparts;
    json_t *json;
    store *db;
    app ctx;                    /* http_app(): built on first use */
    int ctx_made;
    http_user user;
    char csrf[HTTP_TOKEN_LEN + 1];
    struct hdr *hdrs;
    struct MHD_Response *resp;
    int status;
    int api;                    /* under /api/: Cache-Control no-store */
    int routed;                 /* ROUTER_* from the first call */
    struct timespec t0;
    /* the reply held for the group sync (the syncer) */
    int held;                   /* suspended, waiting for the syncer */
    store_sync_ticket ticket;
    dti_rc sync_rc;             /* the sync's outcome, set by the syncer before resuming */
    dti_err sync_err;
    http_req *sync_next;
};

/* ---- store pool ---- */

static void pool_init(struct db_pool *p, size_t max)
{
    pthread_condattr_t ca;
    pthread_mutex_init(&p->mu, NULL);
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&p->cv, &ca);
    pthread_condattr_destroy(&ca);
    p->idle = NULL;
    p->nidle = p->nopen = 0;
    p->max = max;
}

/* A handle from the pool. A handle is held only while a handler runs in
 * its worker (the session check at the headers gives its handle back at
 * once, and the request gives its own back as soon as its reply is
 * queued), and the pool has one per worker, so a wait here is short; it is
 * still bounded (HTTP_POOL_WAIT_MS, then DTI_ERR_BUSY: 503), so that no
 * worker can wait for ever on a handle. */
static store *pool_get(http_server *s, dti_err *e)
{
    struct db_pool *p = &s->db;
    struct timespec until;
    int w = 0;
    if (!s->cfg.db_open) {
        dti_fail(e, DTI_ERR_STORE, NULL, "Máy chủ chạy không có cơ sở dữ liệu",
                 "The server runs without a database");
        return NULL;
    }
    clock_gettime(CLOCK_MONOTONIC, &until);
    until.tv_sec += HTTP_POOL_WAIT_MS / 1000;
    until.tv_nsec += (long)(HTTP_POOL_WAIT_MS % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&p->mu);
    while (p->nidle == 0 && p->nopen >= p->max && w != ETIMEDOUT)
        w = pthread_cond_timedwait(&p->cv, &p->mu, &until);
    if (p->nidle == 0 && p->nopen >= p->max) {
        pthread_mutex_unlock(&p->mu);
        dti_fail(e, DTI_ERR_BUSY, NULL, "Máy chủ đang bận, xin thử lại sau ít phút",
                 "The server is busy, please try again in a few minutes");
        return NULL;
    }
    if (p->nidle > 0) {
        store *db = p->idle[--p->nidle];
        pthread_mutex_unlock(&p->mu);
        return db;
    }
    p->nopen++;
    pthread_mutex_unlock(&p->mu);
    store *db = NULL;
    if (s->cfg.db_open(s->cfg.db_url, &db, e) != DTI_OK || !db) {
        pthread_mutex_lock(&p->mu);
        p->nopen--;
        pthread_cond_signal(&p->cv);
        pthread_mutex_unlock(&p->mu);
        return NULL;
    }
    return db;
}

static void pool_put(http_server *s, store *db)
{
    struct db_pool *p = &s->db;
    if (!db)
        return;
    pthread_mutex_lock(&p->mu);
    p->idle[p->nidle++] = db;   /* idle has room for max handles */
    pthread_cond_signal(&p->cv);
    pthread_mutex_unlock(&p->mu);
}

/* Take N bytes of the server's body budget for R; -1 when it is spent. */
static int budget_take(http_req *r, size_t n)
{
    http_server *s = r->srv;
    int ok = 0;
    pthread_mutex_lock(&s->budget_mu);
    if (n > s->cfg.body_budget || s->body_bytes > s->cfg.body_budget - n) {
        ok = -1;
    } else {
        s->body_bytes += n;
        r->priv->reserved += n;
    }
    pthread_mutex_unlock(&s->budget_mu);
    return ok;
}

static void budget_give(http_req *r)
{
    http_server *s = r->srv;
    if (!r->priv->reserved)
        return;
    pthread_mutex_lock(&s->budget_mu);
    s->body_bytes -= r->priv->reserved;
    pthread_mutex_unlock(&s->budget_mu);
    r->priv->reserved = 0;
}

static void pool_release(http_server *s)
{
    struct db_pool *p = &s->db;
    for (size_t i = 0; i < p->nidle; i++)
        if (s->cfg.db_close)
            s->cfg.db_close(p->idle[i]);
    free(p->idle);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->cv);
}

/* ---- request accessors ---- */

const char *http_header(http_req *r, const char *name)
{
    return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

const char *http_query(http_req *r, const char *name)
{
    return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

const char *http_cookie(http_req *r, const char *name)
{
    return MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, name);
}

const char *http_param(http_req *r, const char *name)
{
    size_t n = 0;
    const char *v = router_param_get(&r->match, name, &n);
    return v ? arena_strndup(&r->pool, v, n) : NULL;
}

dti_rc http_param_id(http_req *r, const char *name, int64_t *out, dti_err *e)
{
    const char *v = http_param(r, name);
    char *end = NULL;
    errno = 0;
    long long x = v && v[0] >= '1' && v[0] <= '9' ? strtoll(v, &end, 10) : 0;
    if (!v || errno || !end || *end || x <= 0)
        return dti_fail(e, DTI_ERR_INPUT, name, "“%s” không phải là một mã số hợp lệ",
                        "“%s” is not a valid id", v ? v : "");
    *out = x;
    return DTI_OK;
}

const char *http_csrf(http_req *r)
{
    return r->priv->csrf;
}

const char *http_body(http_req *r, size_t *len)
{
    if (len)
        *len = r->priv->body.len;
    return r->priv->body.ptr ? r->priv->body.ptr : "";
}

/* Nesting depth of the JSON text S (brackets outside strings), stopping
 * early past MAX. A cheap guard before jansson builds anything. */
static int json_too_deep(const char *s, size_t n, int max)
{
    int depth = 0, in_str = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (in_str) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_str = 0;
        } else if (c == '"') {
            in_str = 1;
        } else if (c == '[' || c == '{') {
            if (++depth > max)
                return 1;
        } else if (c == ']' || c == '}') {
            depth--;
        }
    }
    return 0;
}

dti_rc http_json_body(http_req *r, json_t **out, dti_err *e)
{
    struct http_req_priv *p = r->priv;
    if (p->json) {
        *out = p->json;
        return DTI_OK;
    }
    const char *ct = http_header(r, MHD_HTTP_HEADER_CONTENT_TYPE);
    if (!ct || strncasecmp(ct, "application/json", 16) != 0 || (ct[16] && ct[16] != ';' && ct[16] != ' '))
        return dti_fail(e, DTI_ERR_FORMAT, "Content-Type",
                        "Nội dung phải là JSON (Content-Type: application/json)",
                        "The body must be JSON (Content-Type: application/json)");
    if (p->body.len == 0)
        return dti_fail(e, DTI_ERR_INPUT, "body", "Thiếu nội dung JSON", "The JSON body is missing");
    if (json_too_deep(p->body.ptr, p->body.len, HTTP_JSON_MAX_DEPTH))
        return dti_fail(e, DTI_ERR_INPUT, "body", "JSON lồng nhau quá %d cấp",
                        "JSON nested more than %d levels", HTTP_JSON_MAX_DEPTH);
    json_error_t je;
    json_t *j = json_loadb(p->body.ptr, p->body.len, JSON_REJECT_DUPLICATES, &je);
    if (!j)
        return dti_fail(e, DTI_ERR_INPUT, "body", "JSON không hợp lệ ở dòng %d, cột %d: %s",
                        "Invalid JSON at line %d, column %d: %s", je.line, je.column, je.text);
    if (!json_is_object(j)) {
        json_decref(j);
        return dti_fail(e, DTI_ERR_INPUT, "body", "Nội dung JSON phải là một đối tượng {…}",
                        "The JSON body must be an object {…}");
    }
    p->json = j;
    *out = j;
    return DTI_OK;
}

const http_part *http_part_get(http_req *r, const char *name)
{
    for (const http_part *pt = r->priv->parts; pt; pt = pt->next)
        if (strcmp(pt->name, name) == 0)
            return pt;
    return NULL;
}

dti_rc http_file_part(http_req *r, const char *name, const http_part **out, dti_err *e)
{
    const http_part *pt = http_part_get(r, name);
    if (!pt || !pt->filename || pt->data.len == 0)
        return dti_fail(e, DTI_ERR_INPUT, name, "Chưa chọn tệp để tải lên (trường “%s”)",
                        "No file was uploaded (field “%s”)", name);
    *out = pt;
    return DTI_OK;
}

/* The store handle of this request (http_app). */
static store *http_db(http_req *r, dti_err *e)
{
    if (!r->priv->db)
        r->priv->db = pool_get(r->srv, e);
    return r->priv->db;
}

app *http_app(http_req *r, dti_err *e)
{
    struct http_req_priv *p = r->priv;
    if (!p->ctx_made) {
        store *db = http_db(r, e);
        if (!db)
            return NULL;
        memset(&p->ctx, 0, sizeof p->ctx);
        p->ctx.st = db;
        p->ctx.user_id = r->user ? r->user->id : 0;
        p->ctx.account = r->user ? &r->user->account : NULL;
        p->ctx.now = app_now();
        p->ctx.lang = lang_get();
        p->ctx_made = 1;
    }
    return &p->ctx;
}

/* ---- replies ---- */

int http_add_header(http_req *r, const char *name, const char *value)
{
    struct hdr *h = arena_alloc(&r->pool, sizeof *h);
    if (!h || !(h->name = arena_strdup(&r->pool, name)) || !(h->value = arena_strdup(&r->pool, value)))
        return -1;
    h->next = r->priv->hdrs;
    r->priv->hdrs = h;
    return 0;
}

int http_add_disposition(http_req *r, const char *kind, const char *name)
{
    char disp[1024];
    size_t o = (size_t)snprintf(disp, sizeof disp, "%s; filename*=UTF-8''", kind);
    for (const unsigned char *c = (const unsigned char *)(name ? name : "file"); *c && o + 4 < sizeof disp; c++) {
        if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || strchr(".-_", *c))
            disp[o++] = (char)*c;
        else
            o += (size_t)snprintf(disp + o, sizeof disp - o, "%%%02X", *c);
    }
    disp[o] = 0;
    return http_add_header(r, "Content-Disposition", disp);
}

static void set_reply(http_req *r, int status, struct MHD_Response *resp, const char *ctype)
{
    struct http_req_priv *p = r->priv;
    if (p->resp)                /* a second reply: keep the first */
        MHD_destroy_response(p->resp);
    p->resp = resp;
    p->status = status;
    if (resp && ctype)
        MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, ctype);
}

static void free_cb(void *p) { free(p); }

void http_reply_json(http_req *r, int status, json_t *j)
{
    char *s = j ? json_dumps(j, JSON_COMPACT) : NULL;
    json_decref(j);
    if (!s) {
        static const char oom[] = "{\"error\":{\"code\":\"internal\",\"message\":\"out of memory\",\"field\":null}}";
        set_reply(r, 500, MHD_create_response_from_buffer(sizeof oom - 1, (void *)oom, MHD_RESPMEM_PERSISTENT),
                  "application/json; charset=utf-8");
        r->priv->cause = "out of memory encoding the JSON reply";
        return;
    }
    set_reply(r, status, MHD_create_response_from_buffer_with_free_callback(strlen(s), s, free_cb),
              "application/json; charset=utf-8");
}

/* A default message for an error that has none. */
static const char *default_msg(dti_rc code)
{
    switch (code) {
    case DTI_ERR_NOTFOUND: return TR("Không tìm thấy", "Not found");
    case DTI_ERR_AUTH: return TR("Cần đăng nhập", "Login required");
    case DTI_ERR_PERM: return TR("Bạn không có quyền làm việc này", "You may not do this");
    case DTI_ERR_TOOBIG: return TR("Dữ liệu gửi lên quá lớn", "The request is too large");
    case DTI_ERR_INPUT: case DTI_ERR_FORMAT: return TR("Dữ liệu không hợp lệ", "Invalid input");
    case DTI_ERR_CONFLICT: return TR("Trạng thái hiện tại không cho phép việc này", "The current state does not allow this");
    case DTI_ERR_BUSY: return TR("Máy chủ đang bận, xin thử lại sau ít phút", "The server is busy, please try again in a few minutes");
    default: return TR("Lỗi máy chủ", "Server error");
    }
}

/* S with every byte that is not part of valid UTF-8 replaced by '?': a
 * message quoting what the client sent (a path, a name) must still
 * encode as JSON. */
static void utf8_scrub(char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t k = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (k && i + k <= n && text_utf8_valid(s + i, k)) {
            i += k;
        } else {
            s[i] = '?';
            i++;
        }
    }
}

void http_reply_error(http_req *r, const dti_err *e)
{
    dti_rc code = e ? e->code : DTI_ERR_INTERNAL;
    if (code == DTI_OK)
        code = DTI_ERR_INTERNAL;
    char msg_buf[sizeof e->msg], field_buf[sizeof e->field];
    snprintf(msg_buf, sizeof msg_buf, "%s", e && e->msg[0] ? e->msg : default_msg(code));
    snprintf(field_buf, sizeof field_buf, "%s", e ? e->field : "");
    utf8_scrub(msg_buf);
    utf8_scrub(field_buf);
    const char *msg = msg_buf;
    json_t *j = json_pack("{s:{s:s, s:s, s:s?}}", "error", "code", dti_rc_name(code), "message", msg,
                          "field", field_buf[0] ? field_buf : NULL);
    int status = dti_rc_http(code);
    http_reply_json(r, status, j);
    if (status >= 500 && !r->priv->cause) {
        /* The cause, for the log line queue() writes: the message and the
         * error's name (a 500 "out of memory" says which). */
        char c[900];
        snprintf(c, sizeof c, "%s (%s%s%s)", msg, dti_rc_name(code), e && e->field[0] ? ", " : "",
                 e && e->field[0] ? e->field : "");
        r->priv->cause = arena_strdup(&r->pool, c);
        if (!r->priv->cause)
            r->priv->cause = dti_rc_name(code);
    }
    if (code == DTI_ERR_BUSY)
        http_add_header(r, "Retry-After", HTTP_RETRY_AFTER);
}

void http_reply_fail(http_req *r, dti_rc code, const char *field, const char *vi, const char *en, ...)
{
    dti_err e;
    dti_err_clear(&e);
    e.code = code;
    snprintf(e.field, sizeof e.field, "%s", field ? field : "");
    va_list ap;
    va_start(ap, en);
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
    vsnprintf(e.msg, sizeof e.msg, lang_get() == LANG_EN ? en : vi, ap);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
    va_end(ap);
    http_reply_error(r, &e);
}

void http_reply_data(http_req *r, int status, const char *content_type, const void *data, size_t len,
                     int static_data)
{
    set_reply(r, status,
              MHD_create_response_from_buffer(len, (void *)data,
                                              static_data ? MHD_RESPMEM_PERSISTENT : MHD_RESPMEM_MUST_COPY),
              content_type);
}

void http_reply_take(http_req *r, int status, const char *content_type, void *data, size_t len,
                     void (*free_fn)(void *))
{
    struct MHD_Response *resp = MHD_create_response_from_buffer_with_free_callback(len, data, free_fn);
    if (!resp && free_fn)
        free_fn(data);
    set_reply(r, status, resp, content_type);
}

void http_reply_empty(http_req *r, int status)
{
    set_reply(r, status, MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT), NULL);
}

/* Whether the handler set header NAME itself (it then replaces the default:
 * the evidence preview's CSP sandbox and X-Frame-Options, api_review.c). */
static int own_header(const struct http_req_priv *p, const char *name)
{
    for (const struct hdr *h = p->hdrs; h; h = h->next)
        if (strcasecmp(h->name, name) == 0)
            return 1;
    return 0;
}

/* Add the security headers and the handler's own, and queue the reply. */
static enum MHD_Result queue(http_req *r)
{
    struct http_req_priv *p = r->priv;
    if (!p->resp) {
        dti_err e;
        dti_fail(&e, DTI_ERR_INTERNAL, NULL, "Yêu cầu không được trả lời", "The request got no reply");
        http_reply_error(r, &e);
        if (!p->resp)
            return MHD_NO;
    }
    struct MHD_Response *resp = p->resp;
    if (!own_header(p, "Content-Security-Policy"))
        MHD_add_response_header(resp, "Content-Security-Policy", CSP);
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    if (!own_header(p, "X-Frame-Options"))
        MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
    MHD_add_response_header(resp, "Cross-Origin-Opener-Policy", "same-origin");
    MHD_add_response_header(resp, "Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    MHD_add_response_header(resp, "Content-Language", lang_get() == LANG_EN ? "en" : "vi");
    if (r->secure)
        MHD_add_response_header(resp, "Strict-Transport-Security", "max-age=31536000");
    /* An answer of the API, and an error anywhere (a refused head before
     * any route, a missing page), is never stored by a cache. */
    if (p->api || (p->status >= 400 && !own_header(p, MHD_HTTP_HEADER_CACHE_CONTROL)))
        MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    for (struct hdr *h = p->hdrs; h; h = h->next)
        MHD_add_response_header(resp, h->name, h->value);
    enum MHD_Result ok = MHD_queue_response(r->conn, (unsigned)p->status, resp);
    p->answered = 1;
    MHD_destroy_response(resp);
    p->resp = NULL;
    if (p->status >= 500)   /* every 5xx, with its cause, logging on or off */
        fprintf(stderr, "dti serve: %s %s %s: %d %s%s\n", r->ip, r->method, r->path, p->status,
                p->cause ? p->cause : "(no cause given by the handler)", ok == MHD_YES ? "" : " [not sent]");
    if (r->srv->cfg.log_requests) {
        struct timespec t1;
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double ms = (double)(t1.tv_sec - p->t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - p->t0.tv_nsec) / 1e6;
        fprintf(stderr, "%s %s %s %d %.1fms\n", r->ip, r->method, r->path, p->status, ms);
    }
    return ok;
}

/* ---- multipart ---- */

/* multipart_fn: keep part PT as an http_part of the request (names copied
 * into the arena, the bytes left in the body: see multipart.h). */
static int collect_part(void *ctx, const multipart_part *mp, dti_err *e)
{
    http_req *r = ctx;
    struct http_req_priv *p = r->priv;
    http_part *pt = arena_calloc(&r->pool, 1, sizeof *pt);
    if (!pt || !(pt->name = arena_strdup(&r->pool, mp->name)) ||
        (mp->filename && !(pt->filename = arena_strdup(&r->pool, mp->filename))) ||
        (mp->content_type && !(pt->content_type = arena_strdup(&r->pool, mp->content_type)))) {
        dti_fail(e, DTI_ERR_NOMEM, NULL, "Hết bộ nhớ", "Out of memory");
        return -1;
    }
    if (!mp->filename && mp->len > HTTP_MAX_FIELD) {
        dti_fail(e, DTI_ERR_TOOBIG, mp->name, "Trường “%s” dài quá %zu byte", "Field “%s” is longer than %zu bytes",
                 mp->name, HTTP_MAX_FIELD);
        return -1;
    }
    if (mp->filename && mp->len > p->max_body) {
        dti_fail(e, DTI_ERR_TOOBIG, mp->name, "Tệp gửi lên vượt quá giới hạn %zu byte",
                 "The file sent is over the limit of %zu bytes", p->max_body);
        return -1;
    }
    /* A view into the body: cap 0 marks it as not owned (req_free). */
    pt->data.ptr = mp->data;
    pt->data.len = mp->len;
    pt->data.cap = 0;
    pt->data.max = mp->len;
    pt->next = p->parts;
    p->parts = pt;
    p->nparts++;
    return 0;
}

/* ---- the request lifecycle ---- */

static int is_api(const char *path)
{
    return strncmp(path, "/api/", 5) == 0 || strcmp(path, "/api") == 0;
}

/* Fill R's session user, and check the CSRF token of a write. */
static int check_session(http_req *r, dti_err *e)
{
    struct http_req_priv *p = r->priv;
    const char *sid = http_cookie(r, HTTP_SESSION_COOKIE);
    if (!sid || !*sid) {
        dti_fail(e, DTI_ERR_AUTH, NULL, "Cần đăng nhập", "Login required");
        return -1;
    }
    /* the request's context, built before its user is known: the user is
     * set below once the session holds (the caller drops the context with
     * the handle before the body is read, and http_app builds it again) */
    app *a = http_app(r, e);
    if (!a)
        return -1;
    if (http_auth_session(a, sid, &p->user, p->csrf, e) != DTI_OK)
        return -1;
    r->user = &p->user;
    a->user_id = p->user.id;
    a->account = &p->user.account;
    r->sid = arena_strdup(&r->pool, sid);
    if (strcmp(r->method, "GET") != 0 && strcmp(r->method, "HEAD") != 0) {
        const char *tok = http_header(r, "X-CSRF-Token");
        if (!tok || strlen(tok) != strlen(p->csrf) || sodium_memcmp(tok, p->csrf, strlen(p->csrf)) != 0) {
            dti_fail(e, DTI_ERR_PERM, "X-CSRF-Token", "Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token)",
                     "Missing or wrong anti-forgery token (X-CSRF-Token)");
            return -1;
        }
    }
    return 0;
}

/* Run the handler (or the static files, or the routing error). */
static void dispatch(http_req *r)
{
    struct http_req_priv *p = r->priv;
    dti_err e;
    dti_err_clear(&e);
    if (p->rejected) {
        http_reply_error(r, &p->reject);
        return;
    }
    if (p->body_over) {
        http_reply_fail(r, DTI_ERR_TOOBIG, "body", "Dữ liệu gửi lên vượt quá giới hạn %zu byte",
                        "The request body is over the limit of %zu bytes", p->max_body);
        return;
    }
    if (p->routed == ROUTER_BAD_METHOD) {
        http_add_header(r, "Allow", "GET, POST, PUT, PATCH, DELETE");
        http_reply_fail(r, DTI_ERR_INPUT, NULL, "Phương thức %s không dùng được ở đây",
                        "Method %s is not allowed here", r->method);
        p->status = 405;
        return;
    }
    if (p->routed == ROUTER_NONE) {
        if (p->api || (strcmp(r->method, "GET") != 0 && strcmp(r->method, "HEAD") != 0))
            http_reply_fail(r, DTI_ERR_NOTFOUND, NULL, "Không có địa chỉ %s", "No such address: %s", r->path);
        else
            http_static(r);
        return;
    }
    if (p->rejected) {
        http_reply_error(r, &p->reject);
        return;
    }
    if ((r->match.route->flags & ROUTE_SESSION) && !p->session_checked && check_session(r, &e) != 0) {
        http_reply_error(r, &e);
        return;
    }
    r->match.route->fn(r);
}

static void client_ip(http_req *r)
{
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(r->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    snprintf(r->ip, sizeof r->ip, "?");
    if (!ci || !ci->client_addr)
        return;
    const struct sockaddr *sa = ci->client_addr;
    if (sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, r->ip, sizeof r->ip);
    else if (sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, r->ip, sizeof r->ip);
}

static http_req *req_new(http_server *s, struct MHD_Connection *conn, const char *url, const char *method)
{
    http_req *r = calloc(1, sizeof *r + sizeof(struct http_req_priv));
    if (!r)
        return NULL;
    r->priv = (struct http_req_priv *)(void *)(r + 1);
    r->srv = s;
    r->conn = conn;
    arena_init(&r->pool, HTTP_ARENA_MAX);
    clock_gettime(CLOCK_MONOTONIC, &r->priv->t0);
    r->method = arena_strdup(&r->pool, method);
    r->path = arena_strdup(&r->pool, url);
    buf_init(&r->priv->body, HTTP_MAX_BODY);
    if (!r->method || !r->path) {
        arena_release(&r->pool);
        free(r);
        return NULL;
    }
    client_ip(r);
    r->secure = s->cfg.tls_cert != NULL;
    if (s->cfg.trust_proxy) {
        const char *xf = http_header(r, "X-Forwarded-Proto");
        if (xf && strcasecmp(xf, "https") == 0)
            r->secure = 1;
    }
    return r;
}

/* Give back what the request holds for its input once its reply is
 * queued: the store handle (to the pool), the body and its parts (to the
 * memory budget). The reply owns copies of what it sends. */
static void req_drop_input(http_req *r)
{
    struct http_req_priv *p = r->priv;
    pool_put(r->srv, p->db);
    p->db = NULL;
    p->ctx.st = NULL;
    p->ctx_made = 0;
    json_decref(p->json);
    p->json = NULL;
    p->parts = NULL;            /* views into the body; their names live in the arena */
    p->nparts = 0;
    buf_release(&p->body);
    budget_give(r);
}

static void req_free(http_req *r)
{
    if (!r)
        return;
    struct http_req_priv *p = r->priv;
    req_drop_input(r);
    if (p->resp)
        MHD_destroy_response(p->resp);
    arena_release(&r->pool);
    sodium_memzero(p->csrf, sizeof p->csrf);
    free(r);
}

/* The declared body length, or 0 when none was declared. */
static uint64_t declared_length(http_req *r)
{
    const char *cl = http_header(r, MHD_HTTP_HEADER_CONTENT_LENGTH);
    char *end = NULL;
    if (!cl)
        return 0;
    errno = 0;
    unsigned long long n = strtoull(cl, &end, 10);
    return errno || !end || *end ? UINT64_MAX : n;
}

static int has_body(http_req *r)
{
    return http_header(r, MHD_HTTP_HEADER_TRANSFER_ENCODING) != NULL || declared_length(r) > 0;
}

static enum MHD_Result count_header(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    size_t *n = cls;
    *n += strlen(key) + (value ? strlen(value) : 0) + 4;
    return MHD_YES;
}

/* The protocol checks of the first call, before anything else: a reply
 * filled (and 0 returned) when the request is refused. */
static int check_protocol(http_req *r, const char *version)
{
    struct http_req_priv *p = r->priv;
    size_t hbytes = 0;
    if (!text_utf8_valid(r->path, strlen(r->path))) {
        http_reply_fail(r, DTI_ERR_INPUT, "url", "Địa chỉ yêu cầu không phải văn bản UTF-8 hợp lệ",
                        "The request address is not valid UTF-8 text");
        return 0;
    }
    if (strlen(r->path) > HTTP_MAX_URL) {
        http_reply_fail(r, DTI_ERR_TOOBIG, "url", "Địa chỉ yêu cầu dài quá %d byte",
                        "The request address is longer than %d bytes", HTTP_MAX_URL);
        p->status = 414;
        return 0;
    }
    MHD_get_connection_values(r->conn, MHD_HEADER_KIND, count_header, &hbytes);
    if (hbytes > HTTP_MAX_HEADERS) {
        http_reply_fail(r, DTI_ERR_TOOBIG, "headers", "Phần tiêu đề của yêu cầu dài quá %d byte",
                        "The request headers are longer than %d bytes", HTTP_MAX_HEADERS);
        p->status = 431;
        return 0;
    }
    /* RFC 9112, 3.2: a server must answer 400 to an HTTP/1.1 request
     * without a Host header (libmicrohttpd 0.9.75 lets it through). */
    if (version && strcmp(version, MHD_HTTP_VERSION_1_1) == 0 && !http_header(r, MHD_HTTP_HEADER_HOST)) {
        http_reply_fail(r, DTI_ERR_INPUT, "Host", "Yêu cầu HTTP/1.1 phải có tiêu đề Host",
                        "An HTTP/1.1 request must have a Host header");
        return 0;
    }
    return 1;
}

/* A client that sent "Expect: 100-continue" waits for our word before it
 * sends the body: refusing at the headers costs it nothing. */
static int expects_continue(http_req *r)
{
    const char *x = http_header(r, MHD_HTTP_HEADER_EXPECT);
    return x && strcasecmp(x, "100-continue") == 0;
}

/* The first call: the headers are in. */
static enum MHD_Result on_headers(http_req *r, const char *version)
{
    struct http_req_priv *p = r->priv;
    p->api = is_api(r->path);
    p->routed = router_match_path(api_routes, r->method, r->path, &r->match);
    p->max_body = HTTP_MAX_BODY;
    if (p->routed == ROUTER_FOUND && r->match.route->max_body)
        p->max_body = r->match.route->max_body < HTTP_MAX_UPLOAD ? r->match.route->max_body : HTTP_MAX_UPLOAD;
    p->multipart = p->routed == ROUTER_FOUND && (r->match.route->flags & ROUTE_MULTIPART);
    /* A multipart body carries part headers and boundaries besides the file. */
    p->body.max = p->max_body + (p->multipart ? HTTP_MULTIPART_OVERHEAD : 0);
    if (!check_protocol(r, version))
        return queue(r);        /* libmicrohttpd closes the connection after it */
    if (!has_body(r))
        return MHD_YES;         /* answered at the next call: see above */
    uint64_t declared = declared_length(r);
    if (declared > p->body.max) {
        /* Over the limit: read and drop a modest excess so that the
         * client, still sending, sees the 413; answer at once (and
         * close) when it announces far more or waits for 100 Continue. */
        p->body_over = 1;
        if (declared > p->body.max + HTTP_DISCARD_MAX || expects_continue(r)) {
            dispatch(r);
            return queue(r);
        }
        return MHD_YES;
    }
    if (p->routed == ROUTER_FOUND && (r->match.route->flags & ROUTE_SESSION)) {
        /* Who is sending decides before the body is read: a body from no
         * session (or without the CSRF token) is dropped unread, and a
         * client waiting for 100 Continue gets the refusal instead. The
         * store handle goes back to the pool at once: it is taken again
         * when the body is complete, so that no handle waits on a client. */
        p->session_checked = 1;
        int bad = check_session(r, &p->reject);
        pool_put(r->srv, p->db);
        p->db = NULL;
        p->ctx.st = NULL;
        p->ctx_made = 0;
        if (bad != 0) {
            p->rejected = 1;
            p->body_over = 1;   /* drop what comes */
            if (expects_continue(r) || declared > p->body.max + HTTP_DISCARD_MAX) {
                dispatch(r);
                return queue(r);
            }
            return MHD_YES;
        }
    }
    /* The declared body from the memory budget now; a chunked one as it comes. */
    if (declared && budget_take(r, (size_t)declared) != 0) {
        p->body_over = 1;
        dti_fail(&p->reject, DTI_ERR_BUSY, NULL, "Máy chủ đang nhận quá nhiều dữ liệu, xin thử lại sau ít phút",
                 "The server is receiving too much data, please try again in a few minutes");
        p->rejected = 1;
        if (expects_continue(r) || declared > p->body.max + HTTP_DISCARD_MAX) {
            dispatch(r);
            return queue(r);
        }
    }
    return MHD_YES;
}

/* A piece of body. */
static enum MHD_Result on_data(http_req *r, const char *data, size_t n)
{
    struct http_req_priv *p = r->priv;
    p->received += n;
    if (p->body_over) {
        /* Read and drop the rest so the client sees a clean answer,
         * unless it sends far too much: then close (libmicrohttpd takes
         * no reply in the middle of a body). */
        if (p->received > p->body.max + HTTP_DISCARD_MAX && !p->answered) {
            dispatch(r);
            return queue(r);
        }
        return MHD_YES;
    }
    if (p->received > p->reserved && budget_take(r, (size_t)(p->received - p->reserved)) != 0) {
        dti_fail(&p->reject, DTI_ERR_BUSY, NULL, "Máy chủ đang nhận quá nhiều dữ liệu, xin thử lại sau ít phút",
                 "The server is receiving too much data, please try again in a few minutes");
        p->rejected = 1;
        p->body_over = 1;
        buf_release(&p->body);
        budget_give(r);
        return MHD_YES;
    }
    if (buf_add(&p->body, data, n) != 0) {
        if (p->body.failed != DTI_ERR_TOOBIG) {
            dti_fail(&p->reject, DTI_ERR_NOMEM, "body", "Hết bộ nhớ khi nhận dữ liệu gửi lên",
                     "Out of memory receiving the request body");
            p->rejected = 1;
        }
        p->body_over = 1;
        buf_release(&p->body);
        budget_give(r);
    }
    return MHD_YES;
}

/* ---- the syncer ---- */

static void *syncer_main(void *arg)
{
    http_server *s = arg;
    struct syncer *y = &s->sync;
    for (;;) {
        pthread_mutex_lock(&y->mu);
        while (!y->head && !y->closing)
            pthread_cond_wait(&y->cv, &y->mu);
        http_req *list = y->head;
        y->head = y->tail = NULL;
        pthread_mutex_unlock(&y->mu);
        if (!list)
            break;      /* closing, and nothing left */
        /* one wait for the newest ticket covers every one handed over */
        store_sync_ticket last = list->priv->ticket;
        for (http_req *r = list; r; r = r->priv->sync_next)
            if (r->priv->ticket.n > last.n)
                last = r->priv->ticket;
        dti_err e;
        dti_err_clear(&e);
        dti_rc rc = y->db ? app_sync_wait(y->db, &last, &e)
                          : dti_fail(&e, DTI_ERR_STORE, "db", "Máy chủ không có kết nối để ghi xuống đĩa",
                                     "The server has no handle to sync the disk with");
        for (http_req *r = list, *next; r; r = next) {
            next = r->priv->sync_next;
            r->priv->sync_next = NULL;
            r->priv->sync_rc = rc;
            r->priv->sync_err = e;
            MHD_resume_connection(r->conn);
        }
    }
    return NULL;
}

/* Hold R's reply until its commits are on disk: 1 when handed to the
 * syncer (the connection suspended), 0 when the caller must wait itself
 * (the syncer is closing or absent). */
static int syncer_hand(http_req *r)
{
    http_server *s = r->srv;
    struct syncer *y = &s->sync;
    if (!y->inited)
        return 0;
    pthread_mutex_lock(&y->mu);
    if (!y->started && !y->tried && !y->closing) {
        /* started at the first reply to hold (an engine whose COMMIT is
         * durable itself, PostgreSQL, never holds one: no thread, no
         * connection); without a handle or a thread, each request waits
         * for its sync itself */
        dti_err e;
        y->tried = 1;
        if (s->cfg.db_open && s->cfg.db_open(s->cfg.db_url, &y->db, &e) == DTI_OK && y->db)
            y->started = pthread_create(&y->th, NULL, syncer_main, s) == 0;
    }
    if (y->closing || !y->started) {
        pthread_mutex_unlock(&y->mu);
        return 0;
    }
    /* suspended before the syncer can see it, so never resumed first */
    MHD_suspend_connection(r->conn);
    r->priv->held = 1;
    r->priv->sync_next = NULL;
    if (y->tail)
        y->tail->priv->sync_next = r;
    else
        y->head = r;
    y->tail = r;
    pthread_cond_signal(&y->cv);
    pthread_mutex_unlock(&y->mu);
    return 1;
}

static void syncer_start(http_server *s)
{
    struct syncer *y = &s->sync;
    pthread_mutex_init(&y->mu, NULL);
    pthread_cond_init(&y->cv, NULL);
    y->inited = 1;
}

/* Close the syncer: everything handed over is resumed first. */
static void syncer_stop(http_server *s)
{
    struct syncer *y = &s->sync;
    if (!y->inited)
        return;
    y->inited = 0;
    pthread_mutex_lock(&y->mu);
    y->closing = 1;
    int started = y->started;
    pthread_cond_signal(&y->cv);
    pthread_mutex_unlock(&y->mu);
    if (started)
        pthread_join(y->th, NULL);
    y->started = 0;
    if (y->db && s->cfg.db_close)
        s->cfg.db_close(y->db);
    y->db = NULL;
    pthread_mutex_destroy(&y->mu);
    pthread_cond_destroy(&y->cv);
}

/* The reply of R whose commits could not be made durable: a 500 saying so,
 * in place of the handler's. */
static void reply_not_durable(http_req *r, const dti_err *e)
{
    struct http_req_priv *p = r->priv;
    if (p->resp) {
        MHD_destroy_response(p->resp);
        p->resp = NULL;
    }
    p->hdrs = NULL;             /* the handler's headers (a cookie) go with its reply */
    http_reply_error(r, e);
}

/* The body is complete: split a multipart one, run the handler, answer. */
static enum MHD_Result on_complete(http_req *r)
{
    struct http_req_priv *p = r->priv;
    if (p->held) {
        /* resumed by the syncer: the reply held, or the sync's failure */
        p->held = 0;
        if (p->sync_rc != DTI_OK)
            reply_not_durable(r, &p->sync_err);
        return queue(r);
    }
    if (p->answered)
        return MHD_YES;
    /* Every body but a multipart one is text (JSON, CSV): a NUL byte in it
     * would cut a value short where C strings are used, so it is refused. */
    const char *nul = !p->multipart && !p->rejected && !p->body_over && p->body.len
                          ? memchr(p->body.ptr, 0, p->body.len) : NULL;
    if (nul) {
        dti_fail(&p->reject, DTI_ERR_INPUT, "body", "Nội dung gửi lên chứa byte 0 (NUL) ở vị trí %zu",
                 "The request body holds a NUL byte at offset %zu", (size_t)(nul - p->body.ptr));
        p->rejected = 1;
    }
    if (p->multipart && !p->rejected && !p->body_over && p->body.len) {
        dti_err e;
        dti_err_clear(&e);
        if (multipart_parse(p->body.ptr, p->body.len, http_header(r, MHD_HTTP_HEADER_CONTENT_TYPE), collect_part,
                            r, &e) != DTI_OK) {
            p->parts = NULL;
            p->rejected = 1;
            p->reject = e;
        }
    }
    app_sync_defer(1);
    dispatch(r);
    app_sync_defer(0);
    if (app_sync_take(&p->ticket)) {
        /* it committed: the reply waits until that is on disk, on the
         * syncer when it can take it (this worker goes on), else here */
        if (syncer_hand(r)) {
            req_drop_input(r);
            return MHD_YES;
        }
        dti_err e;
        dti_err_clear(&e);
        if (!p->db || app_sync_wait(p->db, &p->ticket, &e) != DTI_OK) {
            if (!p->db)
                dti_fail(&e, DTI_ERR_STORE, "db", "Máy chủ không có kết nối để ghi xuống đĩa",
                         "The server has no handle to sync the disk with");
            reply_not_durable(r, &e);
        }
    }
    enum MHD_Result ok = queue(r);
    req_drop_input(r);
    return ok;
}

static enum MHD_Result access_cb(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
                                 const char *version, const char *upload_data, size_t *upload_data_size,
                                 void **con_cls)
{
    http_server *s = cls;
    http_req *r = *con_cls;
    /* The language first: every message of this request follows it. */
    lang_set(lang_parse(MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_LANGUAGE)));
    if (!r) {
        r = req_new(s, conn, url, method);
        if (!r)
            return MHD_NO;
        *con_cls = r;
        unsigned idle = s->cfg.timeout_s ? s->cfg.timeout_s : 15;
        if (idle < HTTP_REQUEST_TIMEOUT_S)
            MHD_set_connection_option(conn, MHD_CONNECTION_OPTION_TIMEOUT, HTTP_REQUEST_TIMEOUT_S);
        return on_headers(r, version);
    }
    if (*upload_data_size) {
        size_t n = *upload_data_size;
        *upload_data_size = 0;
        return on_data(r, upload_data, n);
    }
    return on_complete(r);
}

static void completed_cb(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    http_server *s = cls;
    unsigned idle = s->cfg.timeout_s ? s->cfg.timeout_s : 15;
    /* Back to the idle timeout for a kept-alive connection. */
    if (toe == MHD_REQUEST_TERMINATED_COMPLETED_OK && idle < HTTP_REQUEST_TIMEOUT_S)
        MHD_set_connection_option(conn, MHD_CONNECTION_OPTION_TIMEOUT, idle);
    req_free(*con_cls);
    *con_cls = NULL;
}

/* ---- the daemon ---- */

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

dti_rc http_server_start(const http_server_cfg *cfg, http_server **out, dti_err *e)
{
    dti_rc rc = DTI_ERR_NOMEM;
    *out = NULL;
    http_server *s = calloc(1, sizeof *s);
    if (!s)
        return dti_fail(e, rc, NULL, "Hết bộ nhớ", "Out of memory");
    s->cfg = *cfg;
    if (s->cfg.threads < 1)
        s->cfg.threads = 1;
    if (!s->cfg.body_budget)
        s->cfg.body_budget = HTTP_BODY_BUDGET;
    pthread_mutex_init(&s->budget_mu, NULL);
    pool_init(&s->db, s->cfg.threads);
    s->db.idle = calloc(s->cfg.threads, sizeof *s->db.idle);
    s->tls_cert = dup_or_null(cfg->tls_cert);
    s->tls_key = dup_or_null(cfg->tls_key);
    if (!s->db.idle || (cfg->tls_cert && !s->tls_cert) || (cfg->tls_key && !s->tls_key)) {
        dti_fail(e, rc, NULL, "Hết bộ nhớ", "Out of memory");
        goto fail;
    }
    s->cfg.tls_cert = s->tls_cert;
    s->cfg.tls_key = s->tls_key;
    if (s->cfg.db_open) {
        /* One handle now: a wrong path or a failed migration stops the
         * start, and migrations never race between workers. */
        store *db = NULL;
        if ((rc = s->cfg.db_open(s->cfg.db_url, &db, e)) != DTI_OK)
            goto fail;
        s->db.idle[s->db.nidle++] = db;
        s->db.nopen = 1;
    }
    syncer_start(s);

    struct sockaddr_storage ss;
    memset(&ss, 0, sizeof ss);
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC | MHD_USE_ERROR_LOG |
                     MHD_ALLOW_SUSPEND_RESUME;
    const char *host = cfg->host && *cfg->host ? cfg->host : "0.0.0.0";
    struct addrinfo hints = {0}, *ai = NULL;
    hints.ai_flags = AI_NUMERICHOST | AI_PASSIVE;
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(host, NULL, &hints, &ai) != 0 || !ai) {
        rc = dti_fail(e, DTI_ERR_INPUT, "--listen", "Địa chỉ nghe không hợp lệ: %s", "Invalid listen address: %s",
                      host);
        goto fail;
    }
    memcpy(&ss, ai->ai_addr, ai->ai_addrlen);
    freeaddrinfo(ai);
    if (ss.ss_family == AF_INET6) {
        ((struct sockaddr_in6 *)(void *)&ss)->sin6_port = htons((uint16_t)cfg->port);
        flags |= MHD_USE_IPv6;
    } else {
        ((struct sockaddr_in *)(void *)&ss)->sin_port = htons((uint16_t)cfg->port);
    }
    if (s->tls_cert) {
        if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
            rc = dti_fail(e, DTI_ERR_INPUT, "--tls-cert", "Thư viện libmicrohttpd không hỗ trợ TLS",
                          "libmicrohttpd was built without TLS");
            goto fail;
        }
        flags |= MHD_USE_TLS;
    }
    struct MHD_OptionItem opts[] = {
        {MHD_OPTION_SOCK_ADDR, 0, &ss},
        {MHD_OPTION_THREAD_POOL_SIZE, (intptr_t)s->cfg.threads, NULL},
        {MHD_OPTION_CONNECTION_LIMIT, (intptr_t)(cfg->conn_limit ? cfg->conn_limit : 1024), NULL},
        {MHD_OPTION_PER_IP_CONNECTION_LIMIT, (intptr_t)cfg->per_ip_limit, NULL},
        {MHD_OPTION_CONNECTION_TIMEOUT, (intptr_t)(cfg->timeout_s ? cfg->timeout_s : 15), NULL},
        {MHD_OPTION_CONNECTION_MEMORY_LIMIT, (intptr_t)HTTP_CONN_MEMORY, NULL},
        {MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)completed_cb, s},
        {MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024, NULL},
        /* --reuse-port: SO_REUSEPORT; otherwise the backlog again, a no-op (a 0
         * here would also turn off the SO_REUSEADDR libmicrohttpd sets) */
        {s->cfg.reuse_port ? MHD_OPTION_LISTENING_ADDRESS_REUSE : MHD_OPTION_LISTEN_BACKLOG_SIZE,
         s->cfg.reuse_port ? 1 : 1024, NULL},
        {s->tls_cert ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, 0, s->tls_cert},
        {s->tls_cert ? MHD_OPTION_HTTPS_MEM_KEY : MHD_OPTION_END, 0, s->tls_key},
        {s->tls_cert ? MHD_OPTION_HTTPS_PRIORITIES : MHD_OPTION_END, 0, (void *)HTTP_TLS_PRIORITIES},
        {MHD_OPTION_END, 0, NULL},
    };
    s->d = MHD_start_daemon(flags, (uint16_t)cfg->port, NULL, NULL, access_cb, s, MHD_OPTION_ARRAY, opts,
                            MHD_OPTION_END);
    if (!s->d) {
        rc = dti_fail(e, DTI_ERR_IO, "--listen", "Không mở được cổng %s:%u (đã có chương trình khác dùng?)",
                      "Could not listen on %s:%u (in use by another program?)", host, cfg->port);
        goto fail;
    }
    const union MHD_DaemonInfo *di = MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
    s->port = di ? di->port : cfg->port;
    *out = s;
    return DTI_OK;
fail:
    if (s->sync.inited)
        syncer_stop(s);
    pool_release(s);
    pthread_mutex_destroy(&s->budget_mu);
    free(s->tls_cert);
    free(s->tls_key);
    free(s);
    return rc;
}

unsigned http_server_port(const http_server *s)
{
    return s ? s->port : 0;
}

void http_server_stop(http_server *s, unsigned grace_ms)
{
    if (!s)
        return;
    MHD_socket ls = MHD_quiesce_daemon(s->d);
    app_stop_waits();       /* a handler waiting for a lock answers 503 now */
    for (unsigned waited = 0; waited < grace_ms; waited += 20) {
        const union MHD_DaemonInfo *di = MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
        if (!di || di->num_connections == 0)
            break;
        struct timespec ts = {0, 20 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    /* every reply held is resumed before libmicrohttpd stops */
    syncer_stop(s);
    MHD_stop_daemon(s->d);
    if (ls != MHD_INVALID_SOCKET)
        close(ls);
    pool_release(s);
    pthread_mutex_destroy(&s->budget_mu);
    free(s->tls_cert);
    free(s->tls_key);
    free(s);
}
