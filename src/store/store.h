/* store.h — persistence behind one interface: SQLite (default) and PostgreSQL.
 *
 * Two levels, as Redis's rio.h has one stream type over several backends:
 *
 *  1. The connection (this header's first half): open, migrate, transactions,
 *     and parameterised SQL through a small table of function pointers
 *     (struct store_ops) that each backend fills: store_sqlite.c now,
 *     store_pg.c later. SQL in dti is written once in the subset both
 *     engines accept: `?` placeholders (the PostgreSQL backend rewrites them
 *     to $1, $2 ...), INSERT ... RETURNING id, no engine-specific functions.
 *     Schema migrations are per engine: sql/sqlite/NNN_name.sql and
 *     sql/postgres/NNN_name.sql, embedded in the binary, applied in order
 *     and recorded in the table schema_version.
 *
 *  2. Repositories (store_plan.c, store_org.c, store_report.c, ...; their
 *     functions are declared below or in store_*.h headers): domain reads
 *     and writes over level 1, written once for every engine.
 *
 * Only app/ calls the store; the store checks no permissions.
 * A store handle is used by one thread at a time; the server opens one per
 * worker thread (SQLite in WAL mode allows one writer and many readers).
 * Writes that must not be lost run inside store_begin()/store_commit():
 * SQLite is opened with journal_mode=WAL, foreign_keys=ON, busy_timeout,
 * and synchronous=NORMAL with the WAL synced after each commit by a group
 * sync shared by the commits of the same moment (store_sqlite.c): when
 * store_commit() returns DTI_OK the transaction is on disk. */
#ifndef DTI_STORE_H
#define DTI_STORE_H
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <string.h>     /* SV_T uses strlen */
#include "base/err.h"

typedef struct store store;     /* opaque */

typedef enum { SV_NULL = 0, SV_INT, SV_REAL, SV_TEXT, SV_BLOB } store_vtype;

/* A parameter or a column value. Text and blob point into memory owned by
 * the caller (parameters) or by the store until the row callback returns
 * (columns): copy what you keep. */
typedef struct store_val {
    store_vtype t;
    int64_t i;
    double d;
    const char *s;  /* SV_TEXT (NUL-terminated) or SV_BLOB */
    size_t n;       /* bytes of s */
} store_val;

#define SV_NUL()      ((store_val){SV_NULL, 0, 0, NULL, 0})
#define SV_I(x)       ((store_val){SV_INT, (int64_t)(x), 0, NULL, 0})
#define SV_R(x)       ((store_val){SV_REAL, 0, (double)(x), NULL, 0})
/* Text, or NULL when S is NULL. */
#define SV_T(x)       ((x) ? (store_val){SV_TEXT, 0, 0, (x), strlen(x)} : SV_NUL())
#define SV_B(p, len)  ((store_val){SV_BLOB, 0, 0, (const char *)(p), (len)})

typedef struct store_row {
    size_t n;
    const store_val *v;
} store_row;

/* Called once per row; return non-zero to stop early (not an error). */
typedef int (*store_row_fn)(void *ctx, const store_row *row);

#define STORE_VERSION_LEN 80

struct store_sync_ticket;   /* below: deferred durability */

struct store_ops {
    const char *name;   /* "sqlite", "postgres" */
    dti_rc (*open)(const char *target, store **out, dti_err *e);
    void (*close)(store *s);
    dti_rc (*exec)(store *s, const char *sql, const store_val *p, size_t n,
                   int64_t *changes, dti_err *e);
    dti_rc (*query)(store *s, const char *sql, const store_val *p, size_t n,
                    store_row_fn fn, void *ctx, dti_err *e);
    dti_rc (*exec_script)(store *s, const char *sql, dti_err *e);
    /* The process's writer queue (may be NULL: none): write_lock() waits
     * for the other handles of this process on the same database to end
     * their write transaction, write_unlock() lets the next one in. */
    dti_rc (*write_lock)(store *s, dti_err *e);
    void (*write_unlock)(store *s);
    /* store_data_version() below; NULL: the backend cannot tell cheaply. */
    int (*data_version)(store *s, unsigned char out[STORE_VERSION_LEN]);
    /* Open the outermost transaction: WRITE 1 for store_begin() (the
     * engine's way of taking the single writer's lock at once: BEGIN
     * IMMEDIATE on SQLite, an advisory lock on PostgreSQL), 0 for
     * store_begin_read() (one snapshot for every statement). On failure no
     * transaction is left open. */
    dti_rc (*begin)(store *s, int write, dti_err *e);
    /* After the outermost COMMIT, once the writer queue is let go: return
     * when the commit is on disk (SQLite's group sync, store_sqlite.c);
     * DTI_ERR_IO when it could not be made so. NULL: COMMIT itself made it
     * durable (PostgreSQL). */
    dti_rc (*durable)(store *s, dti_err *e);
    /* store_sync_wait() on this handle; NULL: no tickets (PostgreSQL). */
    dti_rc (*sync_wait)(store *s, const struct store_sync_ticket *t, dti_err *e);
};

/* Open the store named by URL: "postgres://..." or "postgresql://..." for
 * PostgreSQL (store_pg.c; passed to libpq whole: user, password, host,
 * port, database and ?parameters; an unreachable server is DTI_ERR_STORE
 * saying so), "sqlite:PATH"
 * or a plain PATH for SQLite (the file and its folder are created;
 * ":memory:" for a private in-memory store). Applies pending migrations;
 * a store migrated by a newer program is refused (DTI_ERR_CONFLICT).
 * *OUT owned by caller, NULL on failure. */
dti_rc store_open(const char *url, store **out, dti_err *e);
/* store_open with FLAGS: STORE_OPEN_NO_MIGRATE opens the schema as it is
 * (no migration, no guard): for backups and checks of a file that must not
 * change (dti backup under an older server, dti restore's checks). */
#define STORE_OPEN_NO_MIGRATE 1u
dti_rc store_open_ex(const char *url, unsigned flags, store **out, dti_err *e);
/* Close and free. NULL is a no-op. */
void store_close(store *s);
/* For a process that is stopping (dti serve on SIGTERM): from now on no
 * handle of the process waits for a lock held elsewhere (SQLite's busy
 * wait, the writer queue, PostgreSQL's writer lock); such a wait ends at
 * once with DTI_ERR_BUSY, and so do the waits under way (on PostgreSQL by
 * a cancel request, store_pg.c). Cannot be undone. */
void store_stop_waits(void);

/* The migration guard (store_open on SQLite). Decision: a schema upgrade
 * never happens under another process. When migrations are pending on a
 * database that has a schema already, store_open
 *   1. refuses (DTI_ERR_CONFLICT, naming the version and the other process)
 *      when another process had the file open as this process opened its
 *      first handle (a running older server, a dti command, sqlite3):
 *      the operator stops it and runs the command again;
 *   2. else copies the database to PATH.before-vNNN-YYYYMMDDTHHMMSSZ.bak
 *      (store_backup; NNN the newest version the file has) and only then
 *      applies the migrations; a failed backup applies none.
 * A new, empty database is migrated at once (nothing to lose, nothing to
 * back up). docs/backup.md says the same for operators. */

/* The database file of S (NULL for ":memory:" and other engines). Valid
 * while S is open. */
const char *store_path(const store *s);

/* Where the files kept beside S's database start (the audit key
 * PATH.audit-key and anchor log PATH.audit-anchor, app/audit): SQLite: the
 * database file itself; PostgreSQL: DIR/pg-HOST-PORT-DBNAME, DIR being
 * DTI_STATE_DIR or else "var", made absolute when S was opened (created
 * then); HOST with every character other than letters, digits, '.', '-'
 * written '_'. NULL for ":memory:". Valid while S is open. */
const char *store_side_path(const store *s);

/* Copy S's database into DEST with SQLite's online backup API, as one read
 * transaction: every transaction committed before the copy began and none
 * after, while other handles and processes keep writing. DEST is written
 * whole (a temporary file checked by quick_check, fsynced, renamed) in
 * journal_mode DELETE: one self-contained file. S must not be inside a
 * transaction. PostgreSQL: a pg_dump in custom format, with the same
 * promises (store_pg.h store_pg_dump). */
dti_rc store_backup(store *s, const char *dest, dti_err *e);
/* The same from the SQLite file SRC (opened read-only, no migration,
 * checked first with integrity_check: a damaged SRC is DTI_ERR_STORE and
 * DEST is not written). A missing SRC is DTI_ERR_IO. */
dti_rc store_file_copy(const char *src, const char *dest, dti_err *e);
/* PRAGMA integrity_check of the SQLite file PATH (read-only, no
 * migration): DTI_OK, or DTI_ERR_STORE with the first finding. */
dti_rc store_file_check(const char *path, dti_err *e);
/* The same through the open handle S (DTI_OK for other engines). */
dti_rc store_check(store *s, dti_err *e);
/* DTI_OK when no other process has the SQLite database PATH open;
 * DTI_ERR_CONFLICT naming the process (its pid when known) when one has;
 * DTI_ERR_IO when the locks cannot be read. Every SQLite connection in WAL
 * mode holds a read lock on the file (and on its -shm) while open, whatever
 * program or version opened it: that is what is probed. Refused
 * (DTI_ERR_INTERNAL) while a handle of this process has PATH open (closing
 * the probe's descriptor would drop that handle's locks). */
dti_rc store_file_in_use(const char *path, dti_err *e);
/* "sqlite" or "postgres". */
const char *store_engine(const store *s);
/* 1 when S is a PostgreSQL store: for the few statements a repository
 * writes twice, marked "engine:" (store.c). */
int store_is_pg(const store *s);
/* 1 when URL names a PostgreSQL database ("postgres://", "postgresql://"),
 * else 0 (an SQLite path). */
int store_url_is_pg(const char *url);

/* Transactions. store_begin() takes the write lock at once (BEGIN
 * IMMEDIATE on SQLite). Within one process, the handles on one database
 * file queue for it on a mutex (held from BEGIN IMMEDIATE to COMMIT or
 * ROLLBACK) rather than in SQLite's busy handler, which sleeps and polls
 * (1, 2, 5 ... 100 ms) and so made concurrent writers of the server wait
 * far longer than the writes take; a writer in another process (the CLI
 * beside the server) still meets the busy timeout. Waiting longer than the
 * busy timeout for the queue is the same "busy, try again" error. Nesting is counted: only the outermost commit
 * commits; a rollback at any depth rolls the whole transaction back at
 * once, and until the outermost level has unwound (each level calls
 * store_rollback() or store_commit(), which then fails) every statement
 * fails rather than run outside the transaction. store_rollback() with no
 * transaction open, or with S NULL, is a no-op. */
dti_rc store_begin(store *s, dti_err *e);
/* A read transaction: every statement until the matching store_commit()
 * (or store_rollback()) reads one snapshot, and pays for one read lock
 * instead of one per statement (a page that runs many queries). Nested
 * store_begin_read() counts like store_begin(); a store_begin() inside one
 * fails (DTI_ERR_INTERNAL): writes take the write lock at their start. */
dti_rc store_begin_read(store *s, dti_err *e);
dti_rc store_commit(store *s, dti_err *e);
void store_rollback(store *s);
/* 1 when S has a transaction open (store_begin or store_begin_read, at any
 * depth), else 0: a use case that does work before its own transaction
 * (report_fill_csv_as reads the CSV's items first) does it inside instead
 * when its caller already holds one. */
int store_in_transaction(const store *s);

/* Run one statement. *CHANGES (may be NULL) gets the rows changed. */
dti_rc store_exec(store *s, const char *sql, const store_val *p, size_t n, dti_err *e);
dti_rc store_exec_changes(store *s, const char *sql, const store_val *p, size_t n,
                          int64_t *changes, dti_err *e);
/* Run a query, calling FN for each row. */
dti_rc store_query(store *s, const char *sql, const store_val *p, size_t n,
                   store_row_fn fn, void *ctx, dti_err *e);
/* The first column of the first row as an integer (*FOUND 0 when no row;
 * FOUND may be NULL, then no row is DTI_ERR_NOTFOUND). */
dti_rc store_query_int(store *s, const char *sql, const store_val *p, size_t n,
                       int64_t *out, int *found, dti_err *e);
/* The first column of the first row as a new string (*OUT NULL when no row
 * or NULL). Caller frees. */
dti_rc store_query_text(store *s, const char *sql, const store_val *p, size_t n,
                        char **out, dti_err *e);

/* What handle S has done since it was opened (tests and benchmarks hold
 * the costs of a request to these): statements run (store_exec*,
 * store_query*; not transaction control), statements prepared (compiled
 * from SQL text: the backend keeps prepared statements and reuses them, so
 * a statement run again is not prepared again), and write transactions
 * that had to wait in the writer queue for another handle of the process. */
/* The data version of S's database, for caches of what was read from it
 * (app/auth.c keeps checked sessions by it). Fills OUT and returns 1, or
 * returns 0 when it cannot tell cheaply (then read the database). Read from
 * memory: no statement, no lock, no system call. The contract: two equal
 * versions got at T1 < T2 through handles on one database mean that no
 * transaction committed to it between T1 and T2, by this handle, another
 * handle or another process; versions of two different databases differ.
 * (Unequal versions need not mean a commit.) Take the version BEFORE the
 * reads it is to vouch for. Inside a transaction of S, or while a statement
 * of S is still running, it returns 0: S would read an older snapshot, or
 * its own uncommitted writes, which do not show in it.
 * SQLite: the WAL-index header (store_sqlite.c), with a number of the time
 * this process has had the file open (a header rebuilt after every handle
 * closed can repeat an older one); ":memory:": the handle's own commit
 * count. Never change journal_mode on a handle (the header is mapped).
 * PostgreSQL: a count of the notifications its listener received
 * (LISTEN/NOTIFY on every change of score_generation, store_pg_notify.c)
 * and of this process's own commits; 0 until the listener listens and
 * while its connection is lost. There "committed" means: a transaction that
 * changed the generation row (every write a cache depends on does), and
 * another process's commit is known once its notification arrived (the
 * window, and why it is acceptable: store_pg_notify.c). */
int store_data_version(store *s, unsigned char out[STORE_VERSION_LEN]);

/* Deferred durability (the server: the wait off its worker threads).
 * While store_sync_defer(1) is in force on the calling thread, a commit
 * (store_commit, or a write outside a transaction) does not wait for the
 * group sync (store_sqlite.c): it returns once written, and its ticket is
 * kept for the thread; store_sync_take() hands it over (1), or says there
 * is none (0: nothing committed since, or an engine whose COMMIT is
 * durable itself). Until store_sync_wait() on that ticket has returned
 * DTI_OK the commit is NOT durable: nothing may be acknowledged on it.
 * store_sync_wait() runs on any handle S of the same database (DTI_OK
 * once a sync that began after the commit has ended; DTI_ERR_IO when the
 * sync failed). A ticket of another database (S's queue differs) is
 * DTI_ERR_INTERNAL. store_sync_defer(0) leaves a pending ticket to be
 * taken. */
typedef struct store_sync_ticket {
    void *queue;        /* the database's writer queue (store_sqlite.c) */
    uint64_t n;         /* the commit's ticket in it */
} store_sync_ticket;
void store_sync_defer(int on);
int store_sync_take(store_sync_ticket *out);
dti_rc store_sync_wait(store *s, const store_sync_ticket *t, dti_err *e);

typedef struct store_stats {
    uint64_t statements;
    uint64_t prepares;
    uint64_t queued;
    uint64_t syncs;     /* SQLite: fsyncs of the WAL this handle ran for the group sync */
} store_stats;
void store_stats_get(const store *s, store_stats *out);

/* The current time as ISO 8601 UTC text "2026-04-08T09:30:00Z", the form of
 * every timestamp in the store (written by the program, not by SQL). */
#define STORE_TS_LEN 21
void store_timestamp(char out[STORE_TS_LEN]);

/* The instant NOW (the caller's "now": app's a->now; 0 = the real clock,
 * for tests and tools that have no context) as STORE_TS_LEN text into TS,
 * and, when DAY is not NULL, the day it falls on in Vietnam (UTC+7) as
 * "yyyy-mm-dd" into DAY (11 bytes): the day an org or a plan comes into
 * force when the caller gives none. */
void store_stamp(time_t now, char ts[STORE_TS_LEN], char day[11]);

#endif
