/* server.h — the HTTP server: libmicrohttpd underneath, dti's requests on top.
 *
 * One http_server runs a libmicrohttpd daemon with its own thread pool
 * (epoll, one event loop per worker) and the limits a public server needs:
 * connections in all and per client address, an idle timeout, and a body
 * size per route enforced while the body arrives (413 as soon as it is
 * over). Each request gets an http_req with an arena (base/arena.h) for
 * everything that lives as long as the request; a store handle taken
 * from a small pool (one handle per worker at most: a handle is used by
 * one thread at a time); the route's parameters; the user of its session.
 *
 * No worker ever waits on a client. A handle is held only while code runs
 * in a worker: the session check at the headers takes one and gives it
 * back before the body is read, the handler takes one when the body is
 * complete, and the request gives it back as soon as its reply is queued
 * (a slow reader holds none). Bodies held in memory by all requests
 * together stay under a budget (cfg.body_budget): over it a request
 * answers 503 with Retry-After, as does a store busy beyond its bounded
 * wait (another process holding the SQLite write lock). Every 5xx is
 * logged on stderr with its cause.
 *
 * The protocol edges answered in JSON by the server itself: a request
 * target over HTTP_MAX_URL (414), headers over HTTP_MAX_HEADERS (431), an
 * HTTP/1.1 request without Host (400), a body over the route's limit
 * (413), a malformed multipart body (400, multipart.h). A client sending
 * "Expect: 100-continue" is refused before 100 Continue when its session
 * or its declared length is refused. Only what libmicrohttpd cannot parse
 * at all (a request line it cannot read, headers beyond its connection
 * memory) still gets libmicrohttpd's own short page.
 *
 * Handlers (api_*.c, declared in api.h, listed in routes.c) read the
 * request through the http_* accessors below and answer with exactly one
 * http_reply_*(). The server adds the security headers to every response
 * (Content-Security-Policy without inline script, frame-ancestors 'none',
 * nosniff, Referrer-Policy) and Cache-Control: no-store to the API, checks
 * the session and the CSRF token for routes that need them, and sets the
 * language of messages from Accept-Language (Vietnamese unless "en").
 * Errors are JSON {"error": {"code", "message", "field"}} everywhere. */
#ifndef DTI_HTTP_SERVER_H
#define DTI_HTTP_SERVER_H
#include <stddef.h>
#include <stdint.h>
#include <jansson.h>
#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "app/app.h"
#include "http/router.h"
#include "http/session.h"

/* Limits. */
#define HTTP_MAX_BODY        ((size_t)1 << 20)   /* default body bytes of a route */
#define HTTP_MAX_UPLOAD      ((size_t)32 << 20)  /* largest max_body a route may set */
#define HTTP_ARENA_MAX       ((size_t)64 << 20)  /* a request's arena */
#define HTTP_JSON_MAX_DEPTH  32                  /* nesting of a JSON body */
#define HTTP_MAX_FIELD       ((size_t)1 << 20)   /* a non-file multipart field */
#define HTTP_MULTIPART_OVERHEAD ((size_t)64 << 10) /* boundaries and part headers beyond max_body */
#define HTTP_MAX_URL         8192                /* bytes of the request target: 414 over it */
#define HTTP_MAX_HEADERS     32768               /* bytes of all the headers: 431 over them */
#define HTTP_BODY_BUDGET     ((size_t)256 << 20) /* default: body bytes held by all requests at once */

/* Route flags. */
enum {
    ROUTE_SESSION   = 1 << 0,   /* a logged-in user (401), X-CSRF-Token on non-GET (403) */
    ROUTE_MULTIPART = 1 << 1    /* a multipart/form-data body, collected as http_part */
};

typedef struct http_server_cfg {
    const char *host;           /* "127.0.0.1"; NULL = every address */
    unsigned port;              /* 0 = any free port (see http_server_port) */
    unsigned threads;           /* worker threads, >= 1 */
    unsigned conn_limit;        /* connections in all (0: 1024) */
    unsigned per_ip_limit;      /* connections from one address (0: no limit, e.g. behind a proxy) */
    unsigned timeout_s;         /* idle connection timeout, seconds (0: 15); a request in
                                 * progress may pause HTTP_REQUEST_TIMEOUT_S (server.c) */
    size_t body_budget;         /* request bodies held in memory at once, bytes (0: HTTP_BODY_BUDGET);
                                 * a request that would go over it answers 503 */
    const char *db_url;         /* the store every worker opens */
    /* How to open and close a store handle (app_conn_open/app_conn_close,
     * app/app.h); NULL when the server runs without one (every handler
     * needing it answers 503). */
    dti_rc (*db_open)(const char *url, store **out, dti_err *e);
    void (*db_close)(store *s);
    const char *tls_cert;       /* PEM text, or NULL for plain HTTP; TLS 1.2 and 1.3 only */
    const char *tls_key;
    int trust_proxy;            /* believe X-Forwarded-Proto: https (Secure cookies) */
    int log_requests;           /* one line per request on stderr */
    int reuse_port;             /* SO_REUSEPORT: several dti serve processes on one port, the
                                 * kernel spreading connections over them (they share sessions,
                                 * throttling and caches through the database) */
} http_server_cfg;

typedef struct http_server http_server;

/* Start serving with CFG (copied). *OUT owned by the caller: stop it with
 * http_server_stop(). */
dti_rc http_server_start(const http_server_cfg *cfg, http_server **out, dti_err *e);
/* The port actually bound. */
unsigned http_server_port(const http_server *s);
/* Stop accepting, let requests in flight finish (at most GRACE_MS), close
 * everything and free S. NULL is a no-op. */
void http_server_stop(http_server *s, unsigned grace_ms);

/* One part of a multipart body (http/multipart.h). Everything is owned by
 * the request; DATA is a view into the body (NUL-terminated after its
 * length), not to be grown or released. */
typedef struct http_part {
    const char *name;           /* the form field */
    const char *filename;       /* NULL for a plain field; valid UTF-8 */
    const char *content_type;   /* as the client sent it, or NULL */
    buf data;                   /* the bytes, at most the route's max_body */
    struct http_part *next;
} http_part;

typedef struct http_req {
    http_server *srv;
    struct MHD_Connection *conn;
    arena pool;                 /* freed when the request ends */
    const char *method;         /* "GET" ... */
    const char *path;           /* decoded, without the query string */
    router_match match;
    char ip[64];                /* client address */
    int secure;                 /* over TLS, or a trusted proxy said https */
    const http_user *user;      /* the session's user, or NULL */
    const char *sid;            /* the session id, or NULL */
    /* private to server.c */
    struct http_req_priv *priv;
} http_req;

/* Request accessors. Returned strings are owned by the request. */
const char *http_header(http_req *r, const char *name);     /* NULL if absent */
const char *http_query(http_req *r, const char *name);      /* ?name=..., NULL if absent */
const char *http_cookie(http_req *r, const char *name);
/* A route parameter (":id") as a NUL-terminated string in the arena, or NULL. */
const char *http_param(http_req *r, const char *name);
/* A route parameter as a positive integer id; DTI_ERR_INPUT naming NAME if
 * it is not one. */
dti_rc http_param_id(http_req *r, const char *name, int64_t *out, dti_err *e);
/* The CSRF token of the request's session (ROUTE_SESSION routes), or "". */
const char *http_csrf(http_req *r);
/* The raw body (NUL-terminated; *LEN its length). Empty string when none. */
const char *http_body(http_req *r, size_t *len);
/* The body as JSON: requires Content-Type application/json, at most
 * HTTP_JSON_MAX_DEPTH deep, no duplicate keys. A bad one is DTI_ERR_INPUT
 * (or DTI_ERR_FORMAT for the content type) naming line and column. The
 * value is borrowed: owned by the request. */
dti_rc http_json_body(http_req *r, json_t **out, dti_err *e);
/* The multipart part NAME (on ROUTE_MULTIPART routes), or NULL. */
const http_part *http_part_get(http_req *r, const char *name);
/* A file part NAME with a file name and at least one byte, else
 * DTI_ERR_INPUT naming NAME. */
dti_rc http_file_part(http_req *r, const char *name, const http_part **out, dti_err *e);
/* The app context of this request (app/app.h): a store handle from the
 * server's pool (taken on first use, given back as soon as the reply is
 * queued), the session's user (0 without one) with the account the session
 * check read, the request's "now" (app_now(), taken once) and its language.
 * Owned by the request. NULL with E filled when no handle came free within
 * a bounded wait (DTI_ERR_BUSY: 503 with Retry-After). Handlers pass it to
 * app/ and touch nothing below it. */
app *http_app(http_req *r, dti_err *e);

/* Replies: a handler calls exactly one. */
/* JSON with STATUS; steals J (NULL J: a 500). */
void http_reply_json(http_req *r, int status, json_t *j);
/* The error E as JSON with dti_rc_http(E->code). */
void http_reply_error(http_req *r, const dti_err *e);
/* dti_fail() and reply with it. */
void http_reply_fail(http_req *r, dti_rc code, const char *field, const char *vi, const char *en, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
/* LEN bytes of DATA as CONTENT_TYPE. STATIC_DATA non-zero: DATA outlives
 * the server (embedded files) and is not copied; else it is copied. */
void http_reply_data(http_req *r, int status, const char *content_type, const void *data,
                     size_t len, int static_data);
/* LEN bytes of DATA as CONTENT_TYPE, taking DATA: FREE_FN(DATA) when sent
 * (also when the reply is dropped). */
void http_reply_take(http_req *r, int status, const char *content_type, void *data, size_t len,
                     void (*free_fn)(void *));
/* STATUS with no body (204). */
void http_reply_empty(http_req *r, int status);
/* Add a header to the reply (copied), before or after http_reply_*. 0 or -1. */
int http_add_header(http_req *r, const char *name, const char *value);

/* The static files handler (embedded web/ tree). */
void http_static(http_req *r);

#endif
