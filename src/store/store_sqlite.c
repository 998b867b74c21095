/* store_sqlite.c — the SQLite backend of store.h (struct store_ops).
 *
 * Opened with journal_mode=WAL (readers do not block the writer),
 * foreign_keys=ON, synchronous=NORMAL with the WAL synced by the group
 * sync below before any commit returns (so, as with synchronous=FULL, a
 * committed transaction survives a power cut), and a busy wait of 5 s (then DTI_ERR_BUSY: the server
 * answers 503 with Retry-After, the CLI says to try again). Statements are prepared once
 * and kept in a small cache keyed by their SQL text (dti's SQL is a fixed
 * set of literals), reset and unbound after each use. A statement already
 * in use (a query issued from inside a row callback with the same SQL) is
 * prepared afresh and finalized after.
 *
 * The writer queue (store.h): one per database file (device and inode) in
 * the process, shared by its handles and counted; a flag under a mutex
 * rather than a held mutex, so that it does not belong to a thread, waited
 * for at most the busy timeout.
 *
 * The data version (store_data_version): for a file, the WAL-index header
 * that every commit of every connection, in any process, rewrites (iChange
 * counts commits; mxFrame, the salts and checksums follow the log). Its
 * layout is part of SQLite's documented file format
 * (https://www.sqlite.org/walformat.html, 2.1 "The WAL-Index Header"), which
 * every SQLite version sharing a database must read alike. The header sits
 * at the start of the connection's shared memory: the region is got once
 * from SQLite's own VFS method (xShmMap of sqlite3_io_methods, public in
 * sqlite3.h, region 0 which SQLite never unmaps while the connection is
 * open) and read without a lock the way SQLite's readers read it: copy 0,
 * a barrier, copy 1 (the writer writes copy 1, a barrier, copy 0), and two
 * copies that differ mean a commit in progress, so "cannot tell". For
 * ":memory:" only the handle itself writes: SQLITE_FCNTL_DATA_VERSION,
 * which its own commits move, with a serial number of the handle. The
 * pointer stays valid while the handle keeps the WAL open: nothing here
 * may change journal_mode on an open handle.
 *
 * The group sync (issue 12, point 6: "group commit"). With
 * synchronous=FULL SQLite fsyncs the WAL inside COMMIT, that is while the
 * writer holds the write lock, so concurrent writers queue behind each
 * other's fsync: measured under wrk, 547 of the 666 us a report save held
 * the lock were its COMMIT. Here the connection runs with
 * synchronous=NORMAL (COMMIT writes its frames to the WAL, no fsync; the
 * WAL header is still synced when the log restarts, and checkpoints still
 * sync the log before and the database after), and the commit is made
 * durable after the lock is let go and before store_commit() returns: the
 * handle takes a ticket (the count of this file's commits written, its
 * own included), and waits until a sync that began after that ticket has
 * ended; if no sync is under way it runs one itself (the leader), for
 * every ticket handed out so far. The WAL is one file written in order,
 * and fsync of any descriptor of it writes all of its dirty pages, so one
 * fsync makes every commit before it durable, whichever connection or
 * process wrote it: the saves of a busy moment share one fsync, as a
 * database server's group commit does. The leader syncs the log through
 * its own connection's file object (SQLITE_FCNTL_JOURNAL_POINTER, the
 * xSync of sqlite3_io_methods: public API). A failed sync fails every
 * ticket it covered (never retried into a false success: after a failed
 * fsync the kernel may have dropped the pages), with DTI_ERR_IO.
 * What changes, and what does not: an acknowledged write (store_commit
 * returned DTI_OK, a statement outside a transaction returned) is on disk
 * exactly as before; what is new is that another connection may READ a
 * commit in the moment between its COMMIT and its sync. A power cut in
 * that moment loses that commit (never acknowledged to its writer) and
 * every later one, and no acknowledged write can depend on it: a write
 * that read it commits after it in the log, and its own sync covers it.
 * Writes outside a transaction (a statement in autocommit that wrote)
 * are synced the same way before the statement returns.
 *
 * Who else has the file open (store_file_in_use, and the first handle of a
 * process: store_open's migration guard). Every SQLite connection to a WAL
 * database, of any version and any program (an older dti server, the
 * sqlite3 shell), holds for as long as it is open a POSIX read lock on the
 * database file's SHARED range (bytes 0x40000002.., os_unix.c) and on the
 * "DMS" byte 128 of the -shm file. F_GETLK for a write lock over those
 * bytes names a process holding one (locks of the calling process never
 * conflict, so a process cannot see its own). Opening and closing a file
 * drops every POSIX lock the process holds on it, SQLite's too: the probe
 * runs only while no handle of this process has the file open.
 *
 * Backups (store_backup, store_file_copy) use SQLite's online backup API in
 * one step: the copy is one read transaction of the source, so it holds
 * every transaction committed before it began and none after, while other
 * connections keep writing (WAL: readers do not block the writer). The copy
 * is written to DEST.tmp-PID, switched to journal_mode=DELETE (one
 * self-contained file, no -wal beside it), checked (PRAGMA quick_check),
 * fsynced, and renamed over DEST, so that DEST is never a half copy. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "store/store_int.h"
#include "store/store_pg.h"

#define WAL_HDR_LEN 48      /* walformat.html 2.1: one copy of the header */
#define WAL_HDR_ISINIT 12   /* its isInit byte: 0 before the first reader built it */
#define WAL_SHM_REGION 32768

#define SQLITE_BUSY_MS      5000
#define STMT_CACHE          32
#define STORE_MAX_COLUMNS   64
#define STORE_MAX_PARAMS    999

struct cached {
    char *sql;
    sqlite3_stmt *st;
    int busy;
    unsigned long used;     /* for eviction: least recently used goes */
};

struct wqueue {
    dev_t dev;
    ino_t ino;
    uint64_t serial;        /* numbers this queue's life: part of the data version */
    size_t refs;            /* handles open on the file */
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int held;               /* a handle of this process is in a write transaction */
    /* the group sync (top of this file), under sync_mu */
    pthread_mutex_t sync_mu;
    pthread_cond_t sync_cv;
    uint64_t written;       /* tickets handed out: commits written to the WAL */
    uint64_t synced;        /* every ticket up to this one is on disk */
    uint64_t failed_from;   /* the tickets in (failed_from, failed] met a failed sync */
    uint64_t failed;        /* (0: none did) */
    int syncing;            /* a leader's sync is under way */
    struct wqueue *next;
};

static pthread_mutex_t wqueues_mu = PTHREAD_MUTEX_INITIALIZER;
static struct wqueue *wqueues;
static uint64_t wqueues_made;   /* under wqueues_mu */

typedef struct sqlite_store {
    struct store base;      /* first: store.c sees a struct store */
    sqlite3 *db;
    struct wqueue *wq;      /* NULL for ":memory:" (private to the handle) */
    struct cached cache[STMT_CACHE];
    unsigned long tick;
    int memory;             /* ":memory:": private to the handle */
    int unsynced;           /* committed (or wrote in autocommit) since the last group sync */
    uint64_t serial;        /* this handle's number in the process */
    volatile const unsigned char *shm;  /* the WAL-index; NULL until mapped */
} sqlite_store;

static uint64_t handle_serial;  /* handles opened in this process (atomic) */

static int stopping(void)
{
    return store_stopping();
}

/* SQLite's busy handler: wait for another connection's lock in steps of
 * 10 ms, at most SQLITE_BUSY_MS, and not at all once the process stops. */
static int busy_wait(void *arg, int count)
{
    (void)arg;
    if (stopping() || (long)count * 10 >= SQLITE_BUSY_MS)
        return 0;
    sqlite3_sleep(10);
    return 1;
}

static dti_rc fail_db(sqlite_store *q, int rc, dti_err *e)
{
    const char *m = q && q->db ? sqlite3_errmsg(q->db) : sqlite3_errstr(rc);
    int base = rc & 0xff;
    if (base == SQLITE_NOMEM)
        return dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
    if (base == SQLITE_CONSTRAINT)
        return dti_fail(e, DTI_ERR_CONFLICT, "", "dữ liệu vi phạm ràng buộc: %s",
                        "constraint violated: %s", m);
    if (base == SQLITE_BUSY || base == SQLITE_LOCKED)
        return dti_fail(e, DTI_ERR_BUSY, "", "Cơ sở dữ liệu đang bận (một việc ghi khác chưa xong), "
                        "xin thử lại sau ít phút: %s",
                        "The database is busy (another write has not finished), please try again "
                        "in a few minutes: %s", m);
    return dti_fail(e, DTI_ERR_STORE, "", "lỗi cơ sở dữ liệu: %s", "database error: %s", m);
}

/* mkdir -p of the folder holding PATH. */
static dti_rc make_parent(const char *path, dti_err *e)
{
    char dir[4096];
    size_t n = strlen(path);
    if (n >= sizeof dir)
        return dti_fail(e, DTI_ERR_INPUT, "db", "đường dẫn quá dài", "path too long");
    memcpy(dir, path, n + 1);
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir)
        return DTI_OK;
    *slash = 0;
    for (char *p = dir + 1; ; p++) {
        if (*p == '/' || *p == 0) {
            char c = *p;
            *p = 0;
            if (mkdir(dir, 0750) != 0 && errno != EEXIST)
                return dti_fail(e, DTI_ERR_IO, "db", "%s: không tạo được thư mục (%s)",
                                "%s: cannot create the folder (%s)", dir, strerror(errno));
            *p = c;
            if (c == 0)
                break;
        }
    }
    return DTI_OK;
}

/* The writer queue of the file PATH, created on first use; NULL when out
 * of memory or the file cannot be seen (then writers queue in SQLite). */
static struct wqueue *wqueue_get(const char *path)
{
    struct stat st;
    struct wqueue *w;
    if (stat(path, &st) != 0)
        return NULL;
    pthread_mutex_lock(&wqueues_mu);
    for (w = wqueues; w; w = w->next)
        if (w->dev == st.st_dev && w->ino == st.st_ino)
            break;
    if (!w && (w = calloc(1, sizeof *w))) {
        pthread_condattr_t ca;
        pthread_condattr_init(&ca);
        pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
        pthread_mutex_init(&w->mu, NULL);
        pthread_cond_init(&w->cv, &ca);
        pthread_mutex_init(&w->sync_mu, NULL);
        pthread_cond_init(&w->sync_cv, NULL);
        pthread_condattr_destroy(&ca);
        w->dev = st.st_dev;
        w->ino = st.st_ino;
        w->serial = ++wqueues_made;
        w->next = wqueues;
        wqueues = w;
    }
    if (w)
        w->refs++;
    pthread_mutex_unlock(&wqueues_mu);
    return w;
}

static void wqueue_put(struct wqueue *w)
{
    if (!w)
        return;
    pthread_mutex_lock(&wqueues_mu);
    if (--w->refs == 0) {
        struct wqueue **p = &wqueues;
        while (*p != w)
            p = &(*p)->next;
        *p = w->next;
        pthread_mutex_destroy(&w->mu);
        pthread_cond_destroy(&w->cv);
        pthread_mutex_destroy(&w->sync_mu);
        pthread_cond_destroy(&w->sync_cv);
        free(w);
    }
    pthread_mutex_unlock(&wqueues_mu);
}

static dti_rc sq_write_lock(store *s, dti_err *e)
{
    struct wqueue *w = ((sqlite_store *)s)->wq;
    struct timespec until;
    int r = 0;
    if (!w)
        return DTI_OK;
    clock_gettime(CLOCK_MONOTONIC, &until);
    until.tv_sec += SQLITE_BUSY_MS / 1000;
    until.tv_nsec += (long)(SQLITE_BUSY_MS % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&w->mu);
    if (w->held)
        s->stats.queued++;
    while (w->held && r != ETIMEDOUT && !stopping()) {
        /* In steps of 100 ms at most, to see store_stop_waits(). */
        struct timespec now, step;
        clock_gettime(CLOCK_MONOTONIC, &now);
        step = now;
        step.tv_nsec += 100000000L;
        if (step.tv_nsec >= 1000000000L) {
            step.tv_sec++;
            step.tv_nsec -= 1000000000L;
        }
        if (step.tv_sec > until.tv_sec || (step.tv_sec == until.tv_sec && step.tv_nsec > until.tv_nsec))
            step = until;
        r = pthread_cond_timedwait(&w->cv, &w->mu, &step);
        if (r == ETIMEDOUT && (step.tv_sec != until.tv_sec || step.tv_nsec != until.tv_nsec))
            r = 0;
    }
    if (!w->held) {
        w->held = 1;
        r = 0;
    } else if (!r) {
        r = ETIMEDOUT;  /* stopping: not acquired */
    }
    pthread_mutex_unlock(&w->mu);
    if (r)
        return dti_fail(e, DTI_ERR_BUSY, "", "Cơ sở dữ liệu đang bận (một việc ghi khác chưa xong), "
                        "xin thử lại sau ít phút: %s",
                        "The database is busy (another write has not finished), please try again "
                        "in a few minutes: %s", "another write of this process");
    return DTI_OK;
}

static void sq_write_unlock(store *s)
{
    struct wqueue *w = ((sqlite_store *)s)->wq;
    if (!w)
        return;
    pthread_mutex_lock(&w->mu);
    w->held = 0;
    pthread_cond_signal(&w->cv);
    pthread_mutex_unlock(&w->mu);
}


/* ---- who else has the file open ---------------------------------------- */

#define SQ_PENDING_BYTE 0x40000000  /* os_unix.c: PENDING, RESERVED, then the SHARED range */
#define SQ_LOCK_BYTES   512
#define SQ_SHM_LOCKS    120         /* os_unix.c UNIX_SHM_BASE: 8 lock bytes, then DMS */
#define SQ_SHM_LOCK_LEN 9

/* 1 and *PID when another process holds a lock over LEN bytes at START of
 * PATH, 0 when none does or the file does not exist, -1 when it cannot be
 * told (errno). Must not run while this process has PATH open (see above). */
static int lock_holder(const char *path, off_t start, off_t len, long *pid)
{
    int fd = open(path, O_RDWR | O_CLOEXEC);
    if (fd < 0 && (errno == EACCES || errno == EROFS))
        fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOENT ? 0 : -1;
    struct flock fl;
    memset(&fl, 0, sizeof fl);
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    fl.l_start = start;
    fl.l_len = len;
    int r = fcntl(fd, F_GETLK, &fl);
    int saved = errno;
    close(fd);
    if (r != 0) {
        errno = saved;
        return -1;
    }
    if (fl.l_type == F_UNLCK)
        return 0;
    *pid = fl.l_pid > 0 ? (long)fl.l_pid : -1;
    return 1;
}

/* 1 when a handle of this process has PATH open (its writer queue exists). */
static int open_here(const char *path)
{
    struct stat st;
    int found = 0;
    if (stat(path, &st) != 0)
        return 0;
    pthread_mutex_lock(&wqueues_mu);
    for (struct wqueue *w = wqueues; w; w = w->next)
        if (w->dev == st.st_dev && w->ino == st.st_ino)
            found = 1;
    pthread_mutex_unlock(&wqueues_mu);
    return found;
}

/* Another process's pid (-1 unknown) having PATH open into *PID, else 0. */
static int probe_others(const char *path, long *pid)
{
    char shm[4200];
    *pid = 0;
    int r = lock_holder(path, SQ_PENDING_BYTE, SQ_LOCK_BYTES, pid);
    if (r != 0)
        return r;
    if ((size_t)snprintf(shm, sizeof shm, "%s-shm", path) >= sizeof shm)
        return -1;
    return lock_holder(shm, SQ_SHM_LOCKS, SQ_SHM_LOCK_LEN, pid);
}

dti_rc store_file_in_use(const char *path, dti_err *e)
{
    long pid = 0;
    if (open_here(path))
        return dti_fail(e, DTI_ERR_INTERNAL, "db", "%s: chính tiến trình này đang mở cơ sở dữ liệu",
                        "%s: this very process has the database open", path);
    int r = probe_others(path, &pid);
    if (r < 0)
        return dti_fail(e, DTI_ERR_IO, "db", "%s: không kiểm tra được khóa tệp (%s)",
                        "%s: cannot check the file's locks (%s)", path, strerror(errno));
    if (r > 0) {
        char who[48];
        who[0] = 0;
        if (pid > 0)
            snprintf(who, sizeof who, " (PID %ld)", pid);
        return dti_fail(e, DTI_ERR_CONFLICT, "db",
                        "%s: một tiến trình khác%s đang mở cơ sở dữ liệu (máy chủ dti serve, lệnh dti, sqlite3): "
                        "hãy dừng nó rồi chạy lại",
                        "%s: another process%s has the database open (a dti serve, a dti command, sqlite3): "
                        "stop it and run this again", path, who);
    }
    return DTI_OK;
}

static void sq_close(store *s)
{
    sqlite_store *q = (sqlite_store *)s;
    if (!q)
        return;
    wqueue_put(q->wq);
    for (size_t i = 0; i < STMT_CACHE; i++) {
        sqlite3_finalize(q->cache[i].st);
        free(q->cache[i].sql);
    }
    sqlite3_close_v2(q->db);
    free(q->base.path);
    free(q);
}

static dti_rc sq_open(const char *path, store **out, dti_err *e)
{
    *out = NULL;
    dti_rc rc;
    if (strcmp(path, ":memory:") != 0 && (rc = make_parent(path, e)))
        return rc;
    sqlite_store *q = calloc(1, sizeof *q);
    if (!q)
        return dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
    q->base.ops = &store_sqlite_ops;
    if (strcmp(path, ":memory:") != 0) {
        if (!(q->base.path = strdup(path))) {
            rc = dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
            goto fail;
        }
        /* the first handle of this process: who else has it open (a failed
         * probe counts as no one: it only guards migrations) */
        if (!open_here(path) && probe_others(path, &q->base.others_pid) < 0)
            q->base.others_pid = 0;
    }
    int r = sqlite3_open_v2(path, &q->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                            NULL);
    if (r != SQLITE_OK) {
        rc = dti_fail(e, DTI_ERR_STORE, "db", "%s: không mở được cơ sở dữ liệu (%s)",
                      "%s: cannot open the database (%s)", path,
                      q->db ? sqlite3_errmsg(q->db) : sqlite3_errstr(r));
        goto fail;
    }
    sqlite3_extended_result_codes(q->db, 1);
    sqlite3_busy_handler(q->db, busy_wait, NULL);
    char *msg = NULL;
    r = sqlite3_exec(q->db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
                     NULL, NULL, &msg);
    if (r != SQLITE_OK) {
        rc = dti_fail(e, DTI_ERR_STORE, "db", "%s: không mở được cơ sở dữ liệu (%s)",
                      "%s: cannot open the database (%s)", path, msg ? msg : sqlite3_errstr(r));
        sqlite3_free(msg);
        goto fail;
    }
    /* journal_mode answers with the mode in force: a file system without
     * shared memory (some network mounts) silently keeps the rollback
     * journal. Say so rather than run without the concurrency WAL gives. */
    if (strcmp(path, ":memory:") != 0) {
        sqlite3_stmt *st = NULL;
        int wal = 0;
        if (sqlite3_prepare_v2(q->db, "PRAGMA journal_mode", -1, &st, NULL) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW) {
            const char *m = (const char *)sqlite3_column_text(st, 0);
            wal = m && strcmp(m, "wal") == 0;
        }
        sqlite3_finalize(st);
        if (!wal) {
            rc = dti_fail(e, DTI_ERR_STORE, "db",
                          "%s: không bật được chế độ WAL (hệ thống tệp không hỗ trợ?); hãy đặt cơ sở dữ liệu trên ổ đĩa cục bộ",
                          "%s: cannot enable WAL mode (file system without support?); put the database on a local disk",
                          path);
            goto fail;
        }
        q->wq = wqueue_get(path);
    }
    q->memory = strcmp(path, ":memory:") == 0;
    q->serial = __atomic_add_fetch(&handle_serial, 1, __ATOMIC_RELAXED);
    *out = &q->base;
    return DTI_OK;
fail:
    sq_close(&q->base);
    return rc;
}

/* A statement for SQL, from the cache when free. *SLOT is the cache entry
 * holding it, or NULL when the statement is the caller's to finalize
 * (every entry busy, or out of memory for the copy of SQL). */
static dti_rc stmt_get(sqlite_store *q, const char *sql, sqlite3_stmt **st, struct cached **slot,
                       dti_err *e)
{
    struct cached *victim = NULL;
    *st = NULL;
    *slot = NULL;
    for (size_t i = 0; i < STMT_CACHE; i++) {
        struct cached *c = &q->cache[i];
        if (c->sql && strcmp(c->sql, sql) == 0 && !c->busy) {
            c->busy = 1;
            c->used = ++q->tick;
            *st = c->st;
            *slot = c;
            return DTI_OK;
        }
        if (!c->busy && (!victim || !c->sql || (victim->sql && c->used < victim->used)))
            victim = c;
    }
    /* PERSISTENT: kept in the cache for the life of the handle */
    int r = sqlite3_prepare_v3(q->db, sql, -1, victim ? SQLITE_PREPARE_PERSISTENT : 0, st, NULL);
    q->base.stats.prepares++;
    if (r != SQLITE_OK)
        return fail_db(q, r, e);
    if (victim) {
        char *copy = strdup(sql);
        if (copy) {
            sqlite3_finalize(victim->st);
            free(victim->sql);
            victim->sql = copy;
            victim->st = *st;
            victim->busy = 1;
            victim->used = ++q->tick;
            *slot = victim;
        }
    }
    return DTI_OK;
}

static void stmt_put(sqlite3_stmt *st, struct cached *slot)
{
    if (!st)
        return;
    if (slot) {
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        slot->busy = 0;
    } else {
        sqlite3_finalize(st);
    }
}

static dti_rc bind_all(sqlite_store *q, sqlite3_stmt *st, const store_val *p, size_t n, dti_err *e)
{
    if ((int)n != sqlite3_bind_parameter_count(st) || n > STORE_MAX_PARAMS)
        return dti_fail(e, DTI_ERR_INTERNAL, "", "số tham số không khớp với câu lệnh SQL (%zu)",
                        "parameter count does not match the SQL statement (%zu)", n);
    for (size_t i = 0; i < n; i++) {
        int r, k = (int)i + 1;
        switch (p[i].t) {
        case SV_NULL: r = sqlite3_bind_null(st, k); break;
        case SV_INT:  r = sqlite3_bind_int64(st, k, p[i].i); break;
        case SV_REAL: r = sqlite3_bind_double(st, k, p[i].d); break;
        case SV_TEXT: r = sqlite3_bind_text64(st, k, p[i].s, p[i].n, SQLITE_STATIC, SQLITE_UTF8); break;
        case SV_BLOB: r = sqlite3_bind_blob64(st, k, p[i].s, p[i].n, SQLITE_STATIC); break;
        default:      r = SQLITE_MISUSE; break;
        }
        if (r != SQLITE_OK)
            return fail_db(q, r, e);
    }
    return DTI_OK;
}

/* ---- the group sync (top of this file) ---------------------------------- */

/* fsync the WAL of Q's database through Q's own connection: SQLITE_OK or
 * an error code. */
int (*store_sqlite_sync_hook)(void);

static int wal_fsync(sqlite_store *q)
{
    sqlite3_file *f = NULL;
    if (store_sqlite_sync_hook)
        return store_sqlite_sync_hook();
    if (sqlite3_file_control(q->db, "main", SQLITE_FCNTL_JOURNAL_POINTER, &f) == SQLITE_OK && f && f->pMethods)
        return f->pMethods->xSync(f, SQLITE_SYNC_NORMAL);
    /* no log open on this connection (cannot happen after a commit in WAL
     * mode): sync the file by its name */
    char wal[4200];
    const char *path = sqlite3_db_filename(q->db, "main");
    if (!path || snprintf(wal, sizeof wal, "%s-wal", path) >= (int)sizeof wal)
        return SQLITE_IOERR_FSYNC;
    int fd = open(wal, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOENT ? SQLITE_OK : SQLITE_IOERR_FSYNC;
    int r = fsync(fd);
    close(fd);
    return r == 0 ? SQLITE_OK : SQLITE_IOERR_FSYNC;
}

/* Deferred durability (store.h): the calling thread's pending ticket. */
static _Thread_local int sync_deferred;
static _Thread_local struct wqueue *pending_w;
static _Thread_local uint64_t pending_n;

static int wait_ticket(sqlite_store *q, struct wqueue *w, uint64_t mine);

static dti_rc sync_failed(int r, dti_err *e)
{
    return dti_fail(e, DTI_ERR_IO, "db",
                    "không ghi được nhật ký WAL xuống đĩa (%s): thay đổi vừa rồi chưa chắc đã được lưu; "
                    "hãy kiểm tra ổ đĩa",
                    "cannot sync the WAL to disk (%s): the change just made may not be kept; check the disk",
                    sqlite3_errstr(r));
}

/* Make Q's commits so far durable (the group sync): returns once a sync
 * that began after them has ended, running it when none is under way.
 * Deferred (store_sync_defer): takes the ticket and returns at once. */
static dti_rc group_sync(sqlite_store *q, dti_err *e)
{
    struct wqueue *w = q->wq;
    int r = SQLITE_OK;
    if (!q->unsynced || q->memory)
        return DTI_OK;
    q->unsynced = 0;
    if (!w) {
        /* no queue (the file could not be seen at open): alone */
        q->base.stats.syncs++;
        r = wal_fsync(q);
    } else {
        pthread_mutex_lock(&w->sync_mu);
        uint64_t mine = ++w->written;
        pthread_mutex_unlock(&w->sync_mu);
        if (sync_deferred && (!pending_w || pending_w == w)) {
            pending_w = w;      /* kept alive by the handle the server keeps open */
            pending_n = mine;
            return DTI_OK;
        }
        r = wait_ticket(q, w, mine);
    }
    if (r != SQLITE_OK)
        return sync_failed(r, e);
    return DTI_OK;
}

void store_sync_defer(int on)
{
    sync_deferred = on;
}

int store_sync_take(store_sync_ticket *out)
{
    if (!pending_w)
        return 0;
    out->queue = pending_w;
    out->n = pending_n;
    pending_w = NULL;
    pending_n = 0;
    return 1;
}

static dti_rc sq_sync_wait(store *s, const store_sync_ticket *t, dti_err *e)
{
    sqlite_store *q = (sqlite_store *)s;
    if (!q->wq || (void *)q->wq != t->queue)
        return dti_fail(e, DTI_ERR_INTERNAL, "db", "phiếu đồng bộ của cơ sở dữ liệu khác",
                        "a sync ticket of another database");
    int r = wait_ticket(q, q->wq, t->n);
    return r == SQLITE_OK ? DTI_OK : sync_failed(r, e);
}

/* 1 when ticket N of W met a failed sync (under W's sync_mu). */
static int ticket_failed(const struct wqueue *w, uint64_t n)
{
    return n > w->failed_from && n <= w->failed;
}

/* Wait until ticket MINE of W is on disk, leading a sync through Q's
 * connection when none is under way: SQLITE_OK, or the failed sync's
 * code. A ticket a failed sync covered stays failed whatever later syncs
 * say (after a failed fsync the kernel may have dropped its pages and a
 * later fsync succeed without them). */
static int wait_ticket(sqlite_store *q, struct wqueue *w, uint64_t mine)
{
    int r = SQLITE_OK;
    {
        pthread_mutex_lock(&w->sync_mu);
        while (w->synced < mine && !ticket_failed(w, mine)) {
            if (w->syncing) {
                pthread_cond_wait(&w->sync_cv, &w->sync_mu);
                continue;
            }
            /* the leader: one sync for every ticket handed out until now */
            uint64_t upto = w->written;
            w->syncing = 1;
            pthread_mutex_unlock(&w->sync_mu);
            q->base.stats.syncs++;
            int rr = wal_fsync(q);
            pthread_mutex_lock(&w->sync_mu);
            w->syncing = 0;
            if (rr == SQLITE_OK) {
                if (upto > w->synced)
                    w->synced = upto;
            } else {
                /* the tickets after the last good sync, up to UPTO (one
                 * range: tickets synced between two failures may be
                 * reported failed too, never the other way) */
                if (!w->failed || w->synced < w->failed_from)
                    w->failed_from = w->synced;
                if (upto > w->failed)
                    w->failed = upto;
            }
            pthread_cond_broadcast(&w->sync_cv);
        }
        if (ticket_failed(w, mine) || w->synced < mine)
            r = SQLITE_IOERR_FSYNC;
        pthread_mutex_unlock(&w->sync_mu);
    }
    return r;
}

static dti_rc sq_durable(store *s, dti_err *e)
{
    return group_sync((sqlite_store *)s, e);
}

static dti_rc run(store *s, const char *sql, const store_val *p, size_t n, store_row_fn fn, void *ctx,
                  int64_t *changes, dti_err *e)
{
    sqlite_store *q = (sqlite_store *)s;
    sqlite3_stmt *st = NULL;
    struct cached *slot = NULL;
    store_val vals[STORE_MAX_COLUMNS];
    dti_rc rc = stmt_get(q, sql, &st, &slot, e);
    if (rc)
        return rc;
    if ((rc = bind_all(q, st, p, n, e)))
        goto out;
    int ncol = sqlite3_column_count(st);
    if (ncol > STORE_MAX_COLUMNS) {
        rc = dti_fail(e, DTI_ERR_INTERNAL, "", "quá nhiều cột (%d)", "too many columns (%d)", ncol);
        goto out;
    }
    for (;;) {
        int r = sqlite3_step(st);
        if (r == SQLITE_DONE)
            break;
        if (r != SQLITE_ROW) {
            rc = fail_db(q, r, e);
            goto out;
        }
        if (!fn)
            continue;
        for (int c = 0; c < ncol; c++) {
            store_val *v = &vals[c];
            *v = SV_NUL();
            switch (sqlite3_column_type(st, c)) {
            case SQLITE_INTEGER: v->t = SV_INT; v->i = sqlite3_column_int64(st, c); break;
            case SQLITE_FLOAT:   v->t = SV_REAL; v->d = sqlite3_column_double(st, c); break;
            case SQLITE_TEXT:
                v->t = SV_TEXT;
                v->s = (const char *)sqlite3_column_text(st, c);
                v->n = (size_t)sqlite3_column_bytes(st, c);
                break;
            case SQLITE_BLOB:
                v->t = SV_BLOB;
                v->s = sqlite3_column_blob(st, c);
                v->n = (size_t)sqlite3_column_bytes(st, c);
                if (!v->s)
                    v->s = "";
                break;
            default: break;
            }
            if ((v->t == SV_TEXT && !v->s)) {
                rc = dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
                goto out;
            }
        }
        store_row row = {(size_t)ncol, vals};
        if (fn(ctx, &row))
            break;
    }
    if (changes)
        *changes = sqlite3_changes64(q->db);
out:
    /* a write outside a transaction committed by itself: synced before it
     * returns (a failed one may have committed part of it, as before) */
    if (!sqlite3_stmt_readonly(st) && sqlite3_get_autocommit(q->db)) {
        stmt_put(st, slot);
        q->unsynced = 1;
        dti_rc r2 = group_sync(q, rc ? NULL : e);
        return rc ? rc : r2;
    }
    stmt_put(st, slot);
    return rc;
}

static dti_rc sq_exec(store *s, const char *sql, const store_val *p, size_t n, int64_t *changes,
                      dti_err *e)
{
    return run(s, sql, p, n, NULL, NULL, changes, e);
}

static dti_rc sq_query(store *s, const char *sql, const store_val *p, size_t n, store_row_fn fn,
                       void *ctx, dti_err *e)
{
    return run(s, sql, p, n, fn, ctx, NULL, e);
}

static dti_rc sq_exec_script(store *s, const char *sql, dti_err *e)
{
    sqlite_store *q = (sqlite_store *)s;
    char *msg = NULL;
    int commit = strcmp(sql, "COMMIT") == 0;
    /* what needs the group sync: the COMMIT of a transaction that wrote
     * (store_commit() syncs once the writer queue is let go), a script
     * that changed the file outside a transaction (synced now) */
    int wrote = commit && sqlite3_txn_state(q->db, NULL) == SQLITE_TXN_WRITE;
    unsigned int v0 = 0, v1 = 0;
    int other = !commit && sqlite3_get_autocommit(q->db);
    if (other)
        sqlite3_file_control(q->db, "main", SQLITE_FCNTL_DATA_VERSION, &v0);
    int r = sqlite3_exec(q->db, sql, NULL, NULL, &msg);
    if (r == SQLITE_OK) {
        if (wrote)
            q->unsynced = 1;
        if (other && sqlite3_get_autocommit(q->db) &&
            (sqlite3_file_control(q->db, "main", SQLITE_FCNTL_DATA_VERSION, &v1) != SQLITE_OK || v1 != v0)) {
            q->unsynced = 1;
            return group_sync(q, e);
        }
        return DTI_OK;
    }
    if ((r & 0xff) == SQLITE_BUSY || (r & 0xff) == SQLITE_LOCKED) {
        sqlite3_free(msg);
        return fail_db(q, r, e);
    }
    dti_rc rc = dti_fail(e, (r & 0xff) == SQLITE_CONSTRAINT ? DTI_ERR_CONFLICT : DTI_ERR_STORE, "",
                         "lỗi cơ sở dữ liệu: %s", "database error: %s", msg ? msg : sqlite3_errstr(r));
    sqlite3_free(msg);
    return rc;
}

static void put_u64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

/* SQLite's check of a WAL-index header copy (wal.c walIndexTryHdr): the
 * checksum of its first 40 bytes, native byte order, in its last 8. */
static int hdr_cksum_ok(const unsigned char *h)
{
    uint32_t x[WAL_HDR_LEN / 4], s1 = 0, s2 = 0;
    memcpy(x, h, sizeof x);
    for (size_t i = 0; i < 10; i += 2) {
        s1 += x[i] + s2;
        s2 += x[i + 1] + s1;
    }
    return s1 == x[10] && s2 == x[11];
}

static int sq_data_version(store *s, unsigned char out[STORE_VERSION_LEN])
{
    sqlite_store *q = (sqlite_store *)s;
    /* a read transaction or a statement still open on the handle (a check
     * from inside a row callback, a failed COMMIT) reads an older snapshot
     * than the version would vouch for */
    if (!sqlite3_get_autocommit(q->db))
        return 0;
    for (sqlite3_stmt *st = sqlite3_next_stmt(q->db, NULL); st; st = sqlite3_next_stmt(q->db, st))
        if (sqlite3_stmt_busy(st))
            return 0;
    if (q->memory) {
        unsigned int v = 0;
        if (sqlite3_file_control(q->db, "main", SQLITE_FCNTL_DATA_VERSION, &v) != SQLITE_OK)
            return 0;
        out[0] = 2;
        put_u64(out + 8, q->serial);
        put_u64(out + 24, v);
        return 1;
    }
    /* The queue numbers the time this process has had the file open: when
     * every handle closes, the last one may delete the log, and a later
     * open rebuilds a header equal to an earlier one (no frames, zero
     * salts) over data changed in between. No queue, no version. */
    if (!q->wq)
        return 0;
    if (!q->shm) {
        sqlite3_file *f = NULL;
        volatile void *p = NULL;
        if (sqlite3_file_control(q->db, "main", SQLITE_FCNTL_FILE_POINTER, &f) != SQLITE_OK || !f ||
            !f->pMethods || f->pMethods->iVersion < 2 || !f->pMethods->xShmMap)
            return 0;
        /* bExtend 0: map what exists, never grow the file */
        if (f->pMethods->xShmMap(f, 0, WAL_SHM_REGION, 0, &p) != SQLITE_OK || !p)
            return 0;
        q->shm = p;
    }
    unsigned char a[WAL_HDR_LEN], b[WAL_HDR_LEN];
    for (size_t i = 0; i < WAL_HDR_LEN; i++)
        a[i] = q->shm[i];
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    for (size_t i = 0; i < WAL_HDR_LEN; i++)
        b[i] = q->shm[WAL_HDR_LEN + i];
    /* before the caller's reads, whatever SQLite's own barriers do */
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    if (memcmp(a, b, WAL_HDR_LEN) != 0 || a[WAL_HDR_ISINIT] == 0 || !hdr_cksum_ok(a))
        return 0;
    out[0] = 1;
    put_u64(out + 8, (uint64_t)q->wq->dev);
    put_u64(out + 16, (uint64_t)q->wq->ino);
    put_u64(out + 24, q->wq->serial);
    memcpy(out + 32, a, WAL_HDR_LEN);
    return 1;
}


/* ---- backup, copy, integrity -------------------------------------------- */

#define SQ_PATH_MAX 4096
#define BACKUP_BUSY_TRIES 250       /* x 20 ms: the source busy for 5 s */

/* fsync PATH (a file or a folder). 0 or -1 (errno). */
static int sync_path(const char *path, int dir)
{
    int fd = open(path, (dir ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int r = fsync(fd);
    int saved = errno;
    close(fd);
    errno = saved;
    return r;
}

static void parent_of(const char *path, char out[SQ_PATH_MAX])
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(out, SQ_PATH_MAX, ".");
    else if (slash == path)
        snprintf(out, SQ_PATH_MAX, "/");
    else
        snprintf(out, SQ_PATH_MAX, "%.*s", (int)(slash - path), path);
}

/* PRAGMA integrity_check (FULL) or quick_check on DB: DTI_OK when it says
 * "ok", else DTI_ERR_STORE with its first finding, naming WHAT. */
static dti_rc check_db(sqlite3 *db, int full, const char *what, dti_err *e)
{
    sqlite3_stmt *st = NULL;
    dti_rc rc = DTI_OK;
    int r = sqlite3_prepare_v2(db, full ? "PRAGMA integrity_check" : "PRAGMA quick_check", -1, &st, NULL);
    if (r == SQLITE_OK)
        r = sqlite3_step(st);
    if (r == SQLITE_ROW) {
        const char *m = (const char *)sqlite3_column_text(st, 0);
        if (!m || strcmp(m, "ok") != 0)
            rc = dti_fail(e, DTI_ERR_STORE, "db", "%s: cơ sở dữ liệu bị hỏng: %s",
                          "%s: the database is damaged: %s", what, m ? m : "?");
    } else {
        rc = dti_fail(e, DTI_ERR_STORE, "db", "%s: không kiểm tra được cơ sở dữ liệu: %s",
                      "%s: cannot check the database: %s", what, sqlite3_errmsg(db));
    }
    sqlite3_finalize(st);
    return rc;
}

/* Copy the database of connection SRC into the new file DEST (see the top
 * of this file). */
static dti_rc backup_to(sqlite3 *src, const char *dest, dti_err *e)
{
    char tmp[SQ_PATH_MAX], aux[SQ_PATH_MAX + 16], dir[SQ_PATH_MAX];
    sqlite3 *d = NULL;
    dti_rc rc;
    int r, made = 0;
    if (strlen(dest) + 40 >= SQ_PATH_MAX)
        return dti_fail(e, DTI_ERR_INPUT, "dest", "đường dẫn quá dài", "path too long");
    if ((rc = make_parent(dest, e)))
        return rc;
    snprintf(tmp, sizeof tmp, "%s.tmp-%ld", dest, (long)getpid());
    unlink(tmp);
    snprintf(aux, sizeof aux, "%s-journal", tmp);
    unlink(aux);
    made = 1;
    if ((r = sqlite3_open_v2(tmp, &d, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)) != SQLITE_OK) {
        rc = dti_fail(e, DTI_ERR_IO, "dest", "%s: không tạo được tệp (%s)", "%s: cannot create the file (%s)",
                      tmp, d ? sqlite3_errmsg(d) : sqlite3_errstr(r));
        goto fail;
    }
    sqlite3_backup *b = sqlite3_backup_init(d, "main", src, "main");
    if (!b) {
        rc = dti_fail(e, DTI_ERR_STORE, "dest", "%s: không sao lưu được (%s)", "%s: cannot back up (%s)",
                      dest, sqlite3_errmsg(d));
        goto fail;
    }
    /* all pages in one step: one read transaction of the source */
    for (int i = 0; i < BACKUP_BUSY_TRIES; i++) {
        r = sqlite3_backup_step(b, -1);
        if (r != SQLITE_BUSY && r != SQLITE_LOCKED)
            break;
        sqlite3_sleep(20);
    }
    sqlite3_backup_finish(b);
    if (r != SQLITE_DONE) {
        rc = dti_fail(e, (r & 0xff) == SQLITE_BUSY ? DTI_ERR_STORE : DTI_ERR_IO, "dest",
                      "%s: sao lưu không xong (%s)", "%s: the backup did not complete (%s)", dest,
                      sqlite3_errstr(r));
        goto fail;
    }
    if ((r = sqlite3_exec(d, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL)) != SQLITE_OK) {
        rc = dti_fail(e, DTI_ERR_IO, "dest", "%s: %s", "%s: %s", dest, sqlite3_errmsg(d));
        goto fail;
    }
    if ((rc = check_db(d, 0, dest, e)))
        goto fail;
    sqlite3_close_v2(d);
    d = NULL;
    if (sync_path(tmp, 0) != 0 || rename(tmp, dest) != 0) {
        rc = dti_fail(e, DTI_ERR_IO, "dest", "%s: không ghi được tệp (%s)", "%s: cannot write the file (%s)",
                      dest, strerror(errno));
        goto fail;
    }
    made = 0;
    parent_of(dest, dir);
    sync_path(dir, 1);
    return DTI_OK;
fail:
    if (d)
        sqlite3_close_v2(d);
    if (made) {
        unlink(tmp);
        unlink(aux);
    }
    return rc;
}

const char *store_path(const store *s)
{
    return s ? s->path : NULL;
}

dti_rc store_backup(store *s, const char *dest, dti_err *e)
{
    if (s && s->ops == &store_pg_ops)
        return store_pg_dump(s, dest, e);
    if (!s || s->ops != &store_sqlite_ops || s->depth > 0)
        return dti_fail(e, DTI_ERR_INTERNAL, "", "sao lưu ngoài giao dịch, chỉ với SQLite",
                        "a backup runs outside a transaction, on SQLite only");
    return backup_to(((sqlite_store *)s)->db, dest, e);
}

/* Open PATH read-only, without creating it. */
static dti_rc open_ro(const char *path, sqlite3 **out, dti_err *e)
{
    struct stat st;
    *out = NULL;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return dti_fail(e, DTI_ERR_IO, "src", "%s: không có tệp này", "%s: no such file", path);
    int r = sqlite3_open_v2(path, out, SQLITE_OPEN_READONLY, NULL);
    if (r != SQLITE_OK) {
        dti_rc rc = dti_fail(e, DTI_ERR_IO, "src", "%s: không mở được (%s)", "%s: cannot open it (%s)", path,
                             *out ? sqlite3_errmsg(*out) : sqlite3_errstr(r));
        sqlite3_close_v2(*out);
        *out = NULL;
        return rc;
    }
    sqlite3_busy_timeout(*out, SQLITE_BUSY_MS);
    return DTI_OK;
}

dti_rc store_file_copy(const char *src, const char *dest, dti_err *e)
{
    sqlite3 *d = NULL;
    dti_rc rc = open_ro(src, &d, e);
    if (!rc && !(rc = check_db(d, 1, src, e)))
        rc = backup_to(d, dest, e);
    sqlite3_close_v2(d);
    return rc;
}

dti_rc store_file_check(const char *path, dti_err *e)
{
    sqlite3 *d = NULL;
    dti_rc rc = open_ro(path, &d, e);
    if (!rc)
        rc = check_db(d, 1, path, e);
    sqlite3_close_v2(d);
    return rc;
}

dti_rc store_check(store *s, dti_err *e)
{
    if (!s || s->ops != &store_sqlite_ops)
        return DTI_OK;
    return check_db(((sqlite_store *)s)->db, 1, s->path ? s->path : ":memory:", e);
}

static dti_rc sq_begin(store *s, int write, dti_err *e)
{
    return sq_exec_script(s, write ? "BEGIN IMMEDIATE" : "BEGIN", e);
}

const struct store_ops store_sqlite_ops = {
    "sqlite", sq_open, sq_close, sq_exec, sq_query, sq_exec_script, sq_write_lock, sq_write_unlock,
    sq_data_version, sq_begin, sq_durable, sq_sync_wait,
};
