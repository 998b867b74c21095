/* store_pg.c — the PostgreSQL backend of store.h (struct store_ops), on libpq.
 *
 * Opened from a URL (postgres://user:password@host:port/dbname?param=...,
 * or postgresql://...), passed whole to libpq (PQconnectdbParams with
 * expand_dbname), after connect_timeout=5 and application_name=dti which
 * the URL may override. Each handle is one connection, used by one thread
 * at a time (store.h). The session is set to lock_timeout 5 s (the SQLite
 * busy wait), client_min_messages warning, TimeZone UTC; notices are
 * discarded (dti writes every timestamp itself, store_timestamp()).
 *
 * Statements. dti's SQL is written once with `?` (or `?N`) placeholders;
 * here they become $1, $2 ... ($N), outside string literals, quoted
 * identifiers and comments. Each distinct SQL text is prepared once per
 * connection (PQprepare, named "dti_N") and kept in a cache of STMT_CACHE
 * entries keyed by the text, least recently used evicted (DEALLOCATE), as
 * the SQLite backend keeps its sqlite3_stmt. Parameter types are left to
 * PostgreSQL to infer from where they stand (a `?` compared with an
 * integer column is an integer, with a text column a text: dti's values
 * keep SQLite's loose typing that way); only where it cannot tell
 * ("could not determine data type of parameter $N", e.g. `? IS NULL`)
 * the parameter gets the type of the value passed (int8, float8, text,
 * bytea; NULL: text) and the statement is prepared again, once per
 * parameter at most; the types found are kept with the statement. Values
 * are sent as text, blobs in binary (the raw bytes). Results are read in
 * text format, whole (PQexecPrepared), and mapped by column type:
 * int2/int4/int8/oid → SV_INT, bool → SV_INT 0 or 1 (as SQLite's
 * comparisons give), float4/float8/numeric → SV_REAL, bytea → SV_BLOB
 * (decoded from hex), everything else → SV_TEXT. A callback may issue
 * queries of its own: the result it walks is already in memory.
 *
 * Errors: SQLSTATE class 23 (integrity constraint) is DTI_ERR_CONFLICT
 * like SQLite's SQLITE_CONSTRAINT; 40001 (serialization), 40P01 (deadlock),
 * 55P03 (lock timeout) and 57014 (statement cancelled) are DTI_ERR_BUSY
 * (the server answers 503 with Retry-After); a lost connection is
 * DTI_ERR_STORE, and the next statement outside a transaction reconnects
 * once (the prepared statements are prepared again). Unlike SQLite, a
 * statement that fails inside a transaction aborts the whole transaction
 * in PostgreSQL: every later statement fails until store_rollback(), and a
 * COMMIT of such a transaction is reported as the failure it is (libpq
 * answers it with "ROLLBACK"). Repositories therefore check before they
 * write (or use ON CONFLICT) rather than try a write and catch its
 * conflict inside a transaction.
 *
 * Concurrency: the decision. The SQLite store has one writer at a time per
 * database (BEGIN IMMEDIATE), and app/ relies on it: a write transaction
 * reads, decides and writes (the audit chain's head and next seq, a
 * report's next version, "is this name taken"), knowing nobody writes in
 * between. Three ways to keep that on PostgreSQL were weighed:
 *   - SERIALIZABLE everywhere: correct, but every write transaction updates
 *     the same rows (audit_head, score_generation), so two concurrent saves
 *     always collide and one fails with a serialization error that app/
 *     would have to retry or show as 503 to a user typing a report;
 *   - explicit row locks (SELECT ... FOR UPDATE) at each read-then-write
 *     spot of app/: correct only where nobody forgot one, in ~40 use cases
 *     written for SQLite, and still serialised by audit_head in the end;
 *   - a transaction-level advisory lock taken by store_begin() right after
 *     BEGIN: pg_advisory_xact_lock(STORE_PG_WRITER_KEY), one key per
 *     database (advisory locks are per database), released by COMMIT or
 *     ROLLBACK and by the server when a connection dies.
 * dti takes the third: it reproduces exactly the single writer the code was
 * written for, across every `dti serve` process and `dti` command on the
 * database, and costs no concurrency the audit chain did not already take
 * (every write appends to it). Writers wait in PostgreSQL's lock queue (no
 * polling) at most lock_timeout (5 s), then DTI_ERR_BUSY, like SQLite's
 * busy timeout; after store_stop_waits() a writer does not wait at all
 * (pg_try_advisory_xact_lock), and the writers already waiting in the
 * queue are cancelled (PQcancel, store_pg_cancel_waits: each registers
 * its connection's cancel handle while it waits), so that a stopping
 * `dti serve` is not held by a wait of up to 5 s (SIGTERM's bound, cli/
 * cmd_serve.c). A cancelled wait ends with DTI_ERR_BUSY (SQLSTATE 57014),
 * nothing written. Write transactions run at READ COMMITTED:
 * under the lock each statement sees every transaction committed before
 * it. Read transactions (store_begin_read) are REPEATABLE READ: one
 * snapshot for all their statements, as SQLite's read transaction gives.
 * Statements outside a transaction (a session's last_seen, a failed login)
 * are single atomic statements and take no writer lock, as on SQLite they
 * take it only for themselves.
 *
 * The data version (store_data_version): by LISTEN/NOTIFY
 * (store_pg_notify.c). Every change of the version row score_generation
 * (bumped by triggers in every write transaction, sql/postgres/004_perf.sql)
 * notifies the channel dti_generation of its database (migration 015); one
 * connection per process and URL listens, in a thread, and counts what
 * arrives; this process's own commits move the count synchronously (before
 * COMMIT is sent and after it returned: a write transaction's COMMIT here,
 * and a statement outside a transaction that is not a SELECT, in run()). So
 * the caches keyed on the generation (the session check, the score cache)
 * answer without a statement while nothing committed. Until the listener
 * listens, or once its connection is lost, there is no version (0) and the
 * caches read the row, as before. The window: between another process's
 * COMMIT and its notification's arrival here (well under a millisecond
 * idle, a few ms loaded) a cached answer may be that old. Acceptable: it
 * cannot be closed without the round trip it saves; this process's own
 * commits are never in it; a request landing in it is served as if it had
 * come those milliseconds earlier, before the write, which no client can
 * tell from network delay; and a request caused by the write's reply (the
 * client saw the reply, then asks another server) travels a longer path
 * than the notification, which PostgreSQL starts before it acknowledges
 * the COMMIT (tests/cli/two_servers.sh: logout on A, refused on B). In
 * full: store_pg_notify.c's top comment and docs/internals/store.md. */
#include <errno.h>
#include <libpq-fe.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "store/store_int.h"
#include "store/store_pg.h"
#include "store/store_pg_notify.h"

#define STMT_CACHE          64
#define STORE_MAX_PARAMS    999
#define PG_LOCK_TIMEOUT     "5s"
/* "dti" in ASCII: the advisory lock key of the writer (one per database) */
#define STORE_PG_WRITER_KEY "6583401"

/* libpq type OIDs (pg_type.h, stable since PostgreSQL 7) */
#define OID_BOOL    16
#define OID_BYTEA   17
#define OID_INT8    20
#define OID_INT2    21
#define OID_INT4    23
#define OID_TEXT    25
#define OID_OID     26
#define OID_FLOAT4  700
#define OID_FLOAT8  701
#define OID_NUMERIC 1700

struct pstmt {
    char *sql;              /* the SQL as app/ wrote it (the key); NULL: free slot */
    unsigned long name;     /* prepared as "dti_<name>" */
    int nparams;
    Oid *types;             /* nparams entries (0: inferred by the server) */
    unsigned long used;
};

typedef struct pg_store {
    struct store base;      /* first: store.c sees a struct store */
    PGconn *conn;
    char *conninfo;         /* the URL, for reconnecting (owned) */
    struct pstmt cache[STMT_CACHE];
    unsigned long tick;
    unsigned long names;    /* statement names given so far */
    const char *last_sql;   /* the statement being run (DTI_PG_DEBUG prints it with its error) */
    pg_listener *listener;  /* the process's listener for conninfo (a reference; NULL: none) */
    int writing;            /* the open transaction is a write one (pg_begin) */
} pg_store;

/* "postgres://user:secret@host/db" → "postgres://user:***@host/db" (for messages). */
static void redact(const char *url, char *out, size_t n)
{
    const char *scheme = strstr(url, "://");
    const char *at = scheme ? strchr(scheme + 3, '@') : NULL;
    const char *colon = scheme ? strchr(scheme + 3, ':') : NULL;
    if (at && colon && colon < at)
        snprintf(out, n, "%.*s:***%s", (int)(colon - url), url, at);
    else
        snprintf(out, n, "%s", url);
    char *q = strchr(out, '?');     /* password=... among the parameters */
    if (q && strstr(q, "password="))
        *q = 0;
}

static void no_notices(void *arg, const char *message)
{
    (void)arg;
    (void)message;
}

/* The first line of libpq's message M, in BUF. */
static const char *first_line(const char *m, char *buf, size_t n)
{
    snprintf(buf, n, "%s", m ? m : "");
    buf[strcspn(buf, "\n")] = 0;
    return buf;
}

static dti_rc busy(dti_err *e, const char *m)
{
    return dti_fail(e, DTI_ERR_BUSY, "", "Cơ sở dữ liệu đang bận (một việc ghi khác chưa xong), "
                    "xin thử lại sau ít phút: %s",
                    "The database is busy (another write has not finished), please try again "
                    "in a few minutes: %s", m);
}

/* The dti_rc for the failed result R (may be NULL: the connection failed). */
static dti_rc fail_res(pg_store *q, const PGresult *r, dti_err *e)
{
    char line[512];
    const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
    const char *m = first_line(r && *PQresultErrorMessage(r) ? PQresultErrorMessage(r)
                                                             : PQerrorMessage(q->conn), line, sizeof line);
    if (!strncmp(m, "ERROR:  ", 8))
        m += 8;
    if (getenv("DTI_PG_DEBUG"))
        fprintf(stderr, "store_pg: %s [%s] in: %s\n", m, state ? state : "", q->last_sql ? q->last_sql : "");
    if (!r && !state && PQstatus(q->conn) != CONNECTION_OK)
        return dti_fail(e, DTI_ERR_STORE, "", "mất kết nối tới PostgreSQL: %s",
                        "lost the connection to PostgreSQL: %s", m);
    if (!state)
        state = "";
    if (!strncmp(state, "23", 2))
        return dti_fail(e, DTI_ERR_CONFLICT, "", "dữ liệu vi phạm ràng buộc: %s", "constraint violated: %s", m);
    if (!strcmp(state, "40001") || !strcmp(state, "40P01") || !strcmp(state, "55P03") || !strcmp(state, "57014"))
        return busy(e, m);
    if (!strncmp(state, "08", 2) || PQstatus(q->conn) != CONNECTION_OK)
        return dti_fail(e, DTI_ERR_STORE, "", "mất kết nối tới PostgreSQL: %s",
                        "lost the connection to PostgreSQL: %s", m);
    if (!strcmp(state, "53200"))
        return dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ (PostgreSQL): %s", "out of memory (PostgreSQL): %s", m);
    return dti_fail(e, DTI_ERR_STORE, "", "lỗi cơ sở dữ liệu: %s", "database error: %s", m);
}

static void cache_clear(pg_store *q)
{
    for (size_t i = 0; i < STMT_CACHE; i++) {
        free(q->cache[i].sql);
        free(q->cache[i].types);
        memset(&q->cache[i], 0, sizeof q->cache[i]);
    }
}

static void pg_close(store *s)
{
    pg_store *q = (pg_store *)s;
    if (!q)
        return;
    cache_clear(q);
    if (q->conn)
        PQfinish(q->conn);
    pg_listener_put(q->listener);
    free(q->conninfo);
    free(q->base.path);
    free(q->base.side);
    free(q);
}

/* Session settings of a new connection. */
static dti_rc session_setup(pg_store *q, dti_err *e)
{
    PQsetNoticeProcessor(q->conn, no_notices, NULL);
    PGresult *r = PQexec(q->conn, "SET lock_timeout = '" PG_LOCK_TIMEOUT "'; SET client_min_messages = warning;"
                                  " SET TimeZone = 'UTC'; SET standard_conforming_strings = on");
    dti_rc rc = PQresultStatus(r) == PGRES_COMMAND_OK ? DTI_OK : fail_res(q, r, e);
    PQclear(r);
    return rc;
}

static dti_rc connect_to(pg_store *q, dti_err *e)
{
    const char *keys[] = {"connect_timeout", "application_name", "dbname", NULL};
    const char *vals[] = {"5", "dti", q->conninfo, NULL};
    char shown[512], line[512];
    q->conn = PQconnectdbParams(keys, vals, 1);
    if (!q->conn)
        return dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
    if (PQstatus(q->conn) != CONNECTION_OK) {
        redact(q->conninfo, shown, sizeof shown);
        return dti_fail(e, DTI_ERR_STORE, "db",
                        "%s: không kết nối được tới máy chủ PostgreSQL (%s); máy chủ có đang chạy, địa chỉ, "
                        "tên cơ sở dữ liệu, người dùng và mật khẩu có đúng không?",
                        "%s: cannot connect to the PostgreSQL server (%s); is it running, and are the address, "
                        "database name, user and password right?",
                        shown, first_line(PQerrorMessage(q->conn), line, sizeof line));
    }
    return session_setup(q, e);
}

/* store_side_path(): DIR/pg-HOST-PORT-DBNAME (store.h), DIR created. */
static dti_rc side_path(pg_store *q, dti_err *e)
{
    const char *dir = getenv("DTI_STATE_DIR");
    const char *host = PQhost(q->conn), *port = PQport(q->conn), *db = PQdb(q->conn);
    char cwd[PATH_MAX], absdir[PATH_MAX + 8], name[512];
    size_t k = 0;
    if (!dir || !*dir)
        dir = "var";
    if (dir[0] == '/')
        snprintf(absdir, sizeof absdir, "%s", dir);
    else if (getcwd(cwd, sizeof cwd))
        snprintf(absdir, sizeof absdir, "%s/%s", cwd, dir);
    else
        return dti_fail(e, DTI_ERR_IO, "db", "không biết thư mục hiện hành (%s)",
                        "cannot tell the current folder (%s)", strerror(errno));
    snprintf(name, sizeof name, "pg-%s-%s-%s", host && *host ? host : "localhost", port && *port ? port : "5432",
             db ? db : "");
    for (char *c = name + 3; *c; c++, k++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || *c == '.' ||
              *c == '-' || *c == '_'))
            *c = '_';
    if (mkdir(absdir, 0750) != 0 && errno != EEXIST)
        return dti_fail(e, DTI_ERR_IO, "db", "%s: không tạo được thư mục (%s)", "%s: cannot create the folder (%s)",
                        absdir, strerror(errno));
    size_t n = strlen(absdir) + strlen(name) + 2;
    if (!(q->base.side = malloc(n)))
        return dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
    snprintf(q->base.side, n, "%s/%s", absdir, name);
    return DTI_OK;
}

static dti_rc pg_open(const char *url, store **out, dti_err *e)
{
    *out = NULL;
    dti_rc rc;
    pg_store *q = calloc(1, sizeof *q);
    if (!q)
        return dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
    q->base.ops = &store_pg_ops;
    if (!(q->conninfo = strdup(url))) {
        rc = dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
        goto fail;
    }
    if ((rc = connect_to(q, e)) || (rc = side_path(q, e)))
        goto fail;
    q->listener = pg_listener_get(url);     /* NULL (out of memory): no data version, still correct */
    *out = &q->base;
    return DTI_OK;
fail:
    pg_close(&q->base);
    return rc;
}

/* Outside a transaction, a connection lost since the last statement (the
 * server restarted) is made again once; prepared statements went with it. */
static dti_rc ensure_conn(pg_store *q, dti_err *e)
{
    if (PQstatus(q->conn) == CONNECTION_OK || q->base.depth > 0)
        return DTI_OK;
    PQreset(q->conn);
    cache_clear(q);
    if (PQstatus(q->conn) != CONNECTION_OK)
        return fail_res(q, NULL, e);
    return session_setup(q, e);
}

/* ---- `?` to $N ----------------------------------------------------------- */

/* SQL with its `?` and `?N` placeholders written $1, $2 ... into a new
 * string (*OUT, caller frees); *NPARAMS the highest number. Literals
 * ('...', with '' inside), quoted identifiers ("...") and comments (-- and
 * slash-star) are copied as they are. */
static dti_rc rewrite(const char *sql, char **out, int *nparams, dti_err *e)
{
    size_t n = strlen(sql);
    char *o = malloc(n * 4 + 16);   /* "?" → "$999" at most */
    size_t k = 0;
    int next = 0, max = 0;
    *out = NULL;
    if (!o)
        return dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
    for (size_t i = 0; i < n;) {
        char c = sql[i];
        if (c == '\'' || c == '"') {
            o[k++] = sql[i++];
            while (i < n) {
                o[k++] = sql[i];
                if (sql[i++] == c) {
                    if (i < n && sql[i] == c) {     /* '' or "" inside */
                        o[k++] = sql[i++];
                        continue;
                    }
                    break;
                }
            }
        } else if (c == '-' && sql[i + 1] == '-') {
            while (i < n && sql[i] != '\n')
                o[k++] = sql[i++];
        } else if (c == '/' && sql[i + 1] == '*') {
            const char *end = strstr(sql + i + 2, "*/");
            size_t stop = end ? (size_t)(end - sql) + 2 : n;
            while (i < stop)
                o[k++] = sql[i++];
        } else if (c == '?') {
            int num;
            i++;
            if (sql[i] >= '0' && sql[i] <= '9') {
                num = 0;
                while (sql[i] >= '0' && sql[i] <= '9' && num <= STORE_MAX_PARAMS)
                    num = num * 10 + (sql[i++] - '0');
            } else {
                num = ++next;
            }
            if (num < 1 || num > STORE_MAX_PARAMS) {
                free(o);
                return dti_fail(e, DTI_ERR_INTERNAL, "", "tham số SQL không hợp lệ", "bad SQL parameter");
            }
            if (num > max)
                max = num;
            k += (size_t)sprintf(o + k, "$%d", num);
        } else {
            o[k++] = sql[i++];
        }
    }
    o[k] = 0;
    *out = o;
    *nparams = max;
    return DTI_OK;
}

/* ---- prepared statements ------------------------------------------------ */

static Oid type_of(const store_val *v)
{
    switch (v->t) {
    case SV_INT:  return OID_INT8;
    case SV_REAL: return OID_FLOAT8;
    case SV_BLOB: return OID_BYTEA;
    default:      return OID_TEXT;
    }
}

/* The N of "could not determine data type of parameter $N", or 0. */
static int undetermined(const PGresult *r)
{
    const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
    const char *m = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
    const char *d = m ? strchr(m, '$') : NULL;
    if (!state || strcmp(state, "42P18") != 0 || !d)
        return 0;
    return atoi(d + 1);
}

/* The prepared statement for SQL, from the cache or prepared now with the
 * types the values P give where the server cannot infer one. */
static dti_rc stmt_get(pg_store *q, const char *sql, const store_val *p, size_t n, struct pstmt **out,
                       dti_err *e)
{
    struct pstmt *victim = NULL;
    char *text = NULL, name[32];
    Oid *types = NULL;
    int nparams = 0;
    dti_rc rc;
    *out = NULL;
    for (size_t i = 0; i < STMT_CACHE; i++) {
        struct pstmt *c = &q->cache[i];
        if (c->sql && strcmp(c->sql, sql) == 0) {
            c->used = ++q->tick;
            *out = c;
            return DTI_OK;
        }
        if (!victim || !c->sql || (victim->sql && c->used < victim->used))
            victim = c;
    }
    if ((rc = rewrite(sql, &text, &nparams, e)))
        return rc;
    if ((size_t)nparams != n) {
        rc = dti_fail(e, DTI_ERR_INTERNAL, "", "số tham số không khớp với câu lệnh SQL (%zu)",
                      "parameter count does not match the SQL statement (%zu)", n);
        goto fail;
    }
    if (nparams && !(types = calloc((size_t)nparams, sizeof *types))) {
        rc = dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
        goto fail;
    }
    if (victim->sql) {
        char sqlbuf[64];
        snprintf(sqlbuf, sizeof sqlbuf, "DEALLOCATE dti_%lu", victim->name);
        PQclear(PQexec(q->conn, sqlbuf));   /* in an aborted transaction it stays: harmless */
        free(victim->sql);
        free(victim->types);
        memset(victim, 0, sizeof *victim);
    }
    unsigned long id = ++q->names;
    snprintf(name, sizeof name, "dti_%lu", id);
    for (int tries = 0;; tries++) {
        PGresult *r = PQprepare(q->conn, name, text, nparams, types);
        q->base.stats.prepares++;
        if (PQresultStatus(r) == PGRES_COMMAND_OK) {
            PQclear(r);
            break;
        }
        int k = undetermined(r);
        if (k >= 1 && k <= nparams && types[k - 1] == 0 && tries < nparams) {
            types[k - 1] = type_of(&p[k - 1]);
            PQclear(r);
            continue;
        }
        rc = fail_res(q, r, e);
        PQclear(r);
        goto fail;
    }
    if (!(victim->sql = strdup(sql))) {
        char sqlbuf[64];
        snprintf(sqlbuf, sizeof sqlbuf, "DEALLOCATE %s", name);
        PQclear(PQexec(q->conn, sqlbuf));
        rc = dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
        goto fail;
    }
    victim->name = id;
    victim->nparams = nparams;
    victim->types = types;
    victim->used = ++q->tick;
    free(text);
    *out = victim;
    return DTI_OK;
fail:
    free(text);
    free(types);
    return rc;
}

/* ---- running statements ------------------------------------------------- */

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* bytea's text output "\x0a1b..." into a new buffer; NULL when out of memory. */
static char *unhex(const char *s, size_t len, size_t *n)
{
    if (len >= 2 && s[0] == '\\' && s[1] == 'x') {
        s += 2;
        len -= 2;
    }
    char *b = malloc(len / 2 + 1);
    if (!b)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i + 1 < len; i += 2) {
        int hi = hexval(s[i]), lo = hexval(s[i + 1]);
        if (hi < 0 || lo < 0)
            break;
        b[k++] = (char)(hi << 4 | lo);
    }
    b[k] = 0;
    *n = k;
    return b;
}

#define PG_NUMBUF 32

/* SQL that starts with SELECT (a writing CTE starts with WITH): it cannot
 * commit a change of the generation by itself. */
static int reads_only(const char *sql)
{
    while (*sql == ' ' || *sql == '\n' || *sql == '\t' || *sql == '(')
        sql++;
    return strncasecmp(sql, "SELECT", 6) == 0;
}

static dti_rc run(store *s, const char *sql, const store_val *p, size_t n, store_row_fn fn, void *ctx,
                  int64_t *changes, dti_err *e)
{
    pg_store *q = (pg_store *)s;
    struct pstmt *st = NULL;
    const char *vals_small[16];
    int lens_small[16], fmts_small[16];
    char nums_small[16][PG_NUMBUF];
    const char **vals = vals_small;
    int *lens = lens_small, *fmts = fmts_small;
    char (*nums)[PG_NUMBUF] = nums_small;
    PGresult *r = NULL;
    dti_rc rc;
    if (n > STORE_MAX_PARAMS)
        return dti_fail(e, DTI_ERR_INTERNAL, "", "quá nhiều tham số (%zu)", "too many parameters (%zu)", n);
    q->last_sql = sql;
    if ((rc = ensure_conn(q, e)) || (rc = stmt_get(q, sql, p, n, &st, e)))
        return rc;
    if (n > 16) {
        vals = malloc(n * sizeof *vals);
        lens = malloc(n * sizeof *lens);
        fmts = malloc(n * sizeof *fmts);
        nums = malloc(n * sizeof *nums);
        if (!vals || !lens || !fmts || !nums) {
            rc = dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
            goto out;
        }
    }
    for (size_t i = 0; i < n; i++) {
        lens[i] = 0;
        fmts[i] = 0;
        switch (p[i].t) {
        case SV_NULL: vals[i] = NULL; break;
        case SV_INT:
            snprintf(nums[i], PG_NUMBUF, "%lld", (long long)p[i].i);
            vals[i] = nums[i];
            break;
        case SV_REAL:
            snprintf(nums[i], PG_NUMBUF, "%.17g", p[i].d);
            vals[i] = nums[i];
            break;
        case SV_TEXT:
            /* as text (store.h: NUL-terminated), read by the input function
             * of whatever type the server gave the parameter */
            if (memchr(p[i].s, 0, p[i].n)) {
                rc = dti_fail(e, DTI_ERR_INPUT, "", "văn bản có ký tự NUL", "text holds a NUL character");
                goto out;
            }
            vals[i] = p[i].s;
            break;
        case SV_BLOB:
            /* binary: the bytes as they are (bytea's binary form) */
            vals[i] = p[i].n ? p[i].s : "";
            lens[i] = (int)p[i].n;
            fmts[i] = 1;
            break;
        default:
            rc = dti_fail(e, DTI_ERR_INTERNAL, "", "kiểu giá trị lạ", "unknown value type");
            goto out;
        }
    }
    char name[32];
    snprintf(name, sizeof name, "dti_%lu", st->name);
    /* a statement outside a transaction that may write commits by itself:
     * the data version moves before and after it (store_pg_notify.h) */
    int self_commit = PQtransactionStatus(q->conn) == PQTRANS_IDLE && !reads_only(sql);
    if (self_commit)
        pg_listener_advance(q->listener);
    r = PQexecPrepared(q->conn, name, (int)n, vals, lens, fmts, 0);
    if (self_commit)
        pg_listener_advance(q->listener);
    ExecStatusType status = PQresultStatus(r);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
        /* the statement went away (DISCARD, a reconnect): forget it */
        if (state && !strcmp(state, "26000")) {
            free(st->sql);
            free(st->types);
            memset(st, 0, sizeof *st);
        }
        rc = fail_res(q, r, e);
        goto out;
    }
    if (changes) {
        const char *t = PQcmdTuples(r);
        *changes = t && *t ? strtoll(t, NULL, 10) : 0;
    }
    if (fn && status == PGRES_TUPLES_OK) {
        int ncol = PQnfields(r), nrow = PQntuples(r);
        store_val cols[64];
        char *bytes[64];
        Oid types[64];
        if (ncol > 64) {
            rc = dti_fail(e, DTI_ERR_INTERNAL, "", "quá nhiều cột (%d)", "too many columns (%d)", ncol);
            goto out;
        }
        for (int c = 0; c < ncol; c++)
            types[c] = PQftype(r, c);
        for (int row = 0; row < nrow; row++) {
            int stop, nomem = 0;
            for (int c = 0; c < ncol; c++) {
                store_val *v = &cols[c];
                bytes[c] = NULL;
                *v = SV_NUL();
                if (PQgetisnull(r, row, c))
                    continue;
                const char *t = PQgetvalue(r, row, c);
                size_t len = (size_t)PQgetlength(r, row, c);
                switch (types[c]) {
                case OID_INT2: case OID_INT4: case OID_INT8: case OID_OID:
                    v->t = SV_INT;
                    v->i = strtoll(t, NULL, 10);
                    break;
                case OID_BOOL:
                    v->t = SV_INT;
                    v->i = t[0] == 't';
                    break;
                case OID_FLOAT4: case OID_FLOAT8: case OID_NUMERIC:
                    v->t = SV_REAL;
                    v->d = strtod(t, NULL);
                    break;
                case OID_BYTEA:
                    if (!(bytes[c] = unhex(t, len, &v->n))) {
                        nomem = 1;
                        break;
                    }
                    v->t = SV_BLOB;
                    v->s = bytes[c];
                    break;
                default:
                    v->t = SV_TEXT;
                    v->s = t;
                    v->n = len;
                    break;
                }
            }
            store_row rr = {(size_t)ncol, cols};
            stop = nomem ? 1 : fn(ctx, &rr);
            for (int c = 0; c < ncol; c++)
                free(bytes[c]);
            if (nomem) {
                rc = dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
                goto out;
            }
            if (stop)
                break;
        }
    }
out:
    PQclear(r);
    if (vals != vals_small) {
        free(vals);
        free(lens);
        free(fmts);
        free(nums);
    }
    return rc;
}

static dti_rc pg_exec(store *s, const char *sql, const store_val *p, size_t n, int64_t *changes, dti_err *e)
{
    return run(s, sql, p, n, NULL, NULL, changes, e);
}

static dti_rc pg_query(store *s, const char *sql, const store_val *p, size_t n, store_row_fn fn, void *ctx,
                       dti_err *e)
{
    return run(s, sql, p, n, fn, ctx, NULL, e);
}

static dti_rc pg_exec_script(store *s, const char *sql, dti_err *e)
{
    pg_store *q = (pg_store *)s;
    dti_rc rc = ensure_conn(q, e);
    if (rc)
        return rc;
    int commit = strcmp(sql, "COMMIT") == 0;
    q->last_sql = sql;
    if (commit && PQtransactionStatus(q->conn) == PQTRANS_INERROR) {
        PQclear(PQexec(q->conn, "ROLLBACK"));
        return dti_fail(e, DTI_ERR_STORE, "", "giao dịch đã bị hủy vì một câu lệnh lỗi, không có gì được ghi",
                        "the transaction was aborted by a failed statement, nothing was written");
    }
    /* a write transaction's COMMIT, or a script run outside a transaction
     * (a migration): the data version moves before it is sent and after it
     * returned (store_pg_notify.h), whatever the outcome */
    int moves = commit ? q->writing
                       : PQtransactionStatus(q->conn) == PQTRANS_IDLE && strncmp(sql, "BEGIN", 5) != 0 &&
                             !reads_only(sql);
    if (commit || strcmp(sql, "ROLLBACK") == 0)
        q->writing = 0;
    if (moves)
        pg_listener_advance(q->listener);
    PGresult *r = PQexec(q->conn, sql);
    if (moves)
        pg_listener_advance(q->listener);
    ExecStatusType st = PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY)
        rc = fail_res(q, r, e);
    else if (commit && strcmp(PQcmdStatus(r), "ROLLBACK") == 0)
        rc = dti_fail(e, DTI_ERR_STORE, "", "giao dịch đã bị hủy, không có gì được ghi",
                      "the transaction was rolled back, nothing was written");
    PQclear(r);
    return rc;
}

/* The writers waiting for the writer lock (pg_begin), each with its
 * connection's cancel handle; guarded by waiters_mu. */
struct pg_waiter {
    PGcancel *cancel;           /* owned by the waiter */
    struct pg_waiter *next;
};
static pthread_mutex_t waiters_mu = PTHREAD_MUTEX_INITIALIZER;
static struct pg_waiter *waiters;

void store_pg_cancel_waits(void)
{
    char err[256];
    pthread_mutex_lock(&waiters_mu);
    for (struct pg_waiter *w = waiters; w; w = w->next)
        PQcancel(w->cancel, err, sizeof err);   /* best effort: the wait ends by lock_timeout anyway */
    pthread_mutex_unlock(&waiters_mu);
}

/* Wait in PostgreSQL's queue for the writer lock, registered in waiters so
 * that store_pg_cancel_waits() can end the wait. 1 when the process is
 * stopping already (the caller tries the lock without waiting instead),
 * else 0 with *RC the wait's outcome. */
static int wait_writer_lock(pg_store *q, dti_rc *rc, dti_err *e)
{
    struct pg_waiter w = {PQgetCancel(q->conn), NULL};
    pthread_mutex_lock(&waiters_mu);
    if (store_stopping()) {     /* checked under the lock: no cancel can be missed */
        pthread_mutex_unlock(&waiters_mu);
        PQfreeCancel(w.cancel);
        return 1;
    }
    if (w.cancel) {             /* without one (out of memory) the wait is only bounded by lock_timeout */
        w.next = waiters;
        waiters = &w;
    }
    pthread_mutex_unlock(&waiters_mu);
    *rc = pg_exec_script(&q->base, "SELECT pg_advisory_xact_lock(" STORE_PG_WRITER_KEY ")", e);
    pthread_mutex_lock(&waiters_mu);
    for (struct pg_waiter **p = &waiters; *p; p = &(*p)->next)
        if (*p == &w) {
            *p = w.next;
            break;
        }
    pthread_mutex_unlock(&waiters_mu);
    PQfreeCancel(w.cancel);
    return 0;
}

static dti_rc pg_begin(store *s, int write, dti_err *e)
{
    pg_store *q = (pg_store *)s;
    dti_rc rc;
    if (!write)
        return pg_exec_script(s, "BEGIN ISOLATION LEVEL REPEATABLE READ", e);
    if ((rc = pg_exec_script(s, "BEGIN ISOLATION LEVEL READ COMMITTED", e)))
        return rc;
    if (store_stopping() || wait_writer_lock(q, &rc, e)) {
        PGresult *r = PQexec(q->conn, "SELECT pg_try_advisory_xact_lock(" STORE_PG_WRITER_KEY ")");
        int got = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 && PQgetvalue(r, 0, 0)[0] == 't';
        rc = got ? DTI_OK : PQresultStatus(r) == PGRES_TUPLES_OK ? busy(e, "another writer") : fail_res(q, r, e);
        PQclear(r);
    }
    if (rc)
        PQclear(PQexec(q->conn, "ROLLBACK"));
    else
        q->writing = 1;
    return rc;
}

/* The data version: the listener's (store_pg_notify.c), outside a
 * transaction only (store.c checks the depth; the connection's own state
 * too, e.g. a COMMIT that failed and left it aborted). */
static int pg_data_version(store *s, unsigned char out[STORE_VERSION_LEN])
{
    pg_store *q = (pg_store *)s;
    if (!q->conn || PQstatus(q->conn) != CONNECTION_OK || PQtransactionStatus(q->conn) != PQTRANS_IDLE)
        return 0;
    return pg_listener_version(q->listener, out);
}

const char *store_pg_url(const store *s)
{
    return s && s->ops == &store_pg_ops ? ((const pg_store *)s)->conninfo : NULL;
}

const struct store_ops store_pg_ops = {
    "postgres", pg_open, pg_close, pg_exec, pg_query, pg_exec_script, NULL, NULL, pg_data_version, pg_begin, NULL, NULL,
};

/* ---- COPY FROM STDIN (store_pg.h; used by store_bulk.c) ------------------ */

dti_rc store_pg_copy_begin(store *s, const char *sql, dti_err *e)
{
    pg_store *q = (pg_store *)s;
    if (!s || s->ops != &store_pg_ops)
        return dti_fail(e, DTI_ERR_INTERNAL, "", "COPY chỉ có trên PostgreSQL", "COPY is PostgreSQL's only");
    q->last_sql = sql;
    PGresult *r = PQexec(q->conn, sql);
    dti_rc rc = PQresultStatus(r) == PGRES_COPY_IN ? DTI_OK : fail_res(q, r, e);
    PQclear(r);
    return rc;
}

dti_rc store_pg_copy_put(store *s, const char *data, size_t n, dti_err *e)
{
    pg_store *q = (pg_store *)s;
    while (n > 0) {
        int chunk = n > (size_t)1 << 30 ? 1 << 30 : (int)n;
        if (PQputCopyData(q->conn, data, chunk) != 1)
            return fail_res(q, NULL, e);
        data += chunk;
        n -= (size_t)chunk;
    }
    return DTI_OK;
}

dti_rc store_pg_copy_end(store *s, const char *abort_msg, dti_err *e)
{
    pg_store *q = (pg_store *)s;
    dti_rc rc = DTI_OK;
    if (PQputCopyEnd(q->conn, abort_msg) != 1)
        return fail_res(q, NULL, e);
    PGresult *r;
    while ((r = PQgetResult(q->conn))) {
        if (!rc && !abort_msg && PQresultStatus(r) != PGRES_COMMAND_OK)
            rc = fail_res(q, r, e);
        PQclear(r);
    }
    return rc;
}
