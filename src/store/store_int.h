/* store_int.h — private to src/store/: the base of every backend's handle.
 *
 * A backend's handle embeds struct store first (as h2o's handlers embed
 * their base), so store.c can keep the transaction depth for every engine
 * and the backend can cast back to its own type. */
#ifndef DTI_STORE_INT_H
#define DTI_STORE_INT_H
#include <stddef.h>
#include "store/store.h"

struct store {
    const struct store_ops *ops;
    int depth;      /* nesting of store_begin() */
    int aborted;    /* rolled back inside a nested transaction; outer levels must unwind */
    int reading;    /* the outermost level is store_begin_read(): no writes inside */
    int queued;     /* holds the process's writer queue (ops->write_lock) */
    store_stats stats;  /* the backend counts prepares and queued */
    char *path;         /* the database file (owned; NULL for ":memory:" and PostgreSQL) */
    char *side;         /* store_side_path() when not path (owned; PostgreSQL) */
    long others_pid;    /* when the handle opened, the pid of another process that had the
                         * file open (-1: one whose pid is unknown), else 0; probed only by
                         * the first handle of this process (store_open's migration guard) */
    void *item_memo;    /* store_report_item_lookup_at's rows (owned; store_report.c) */
};

/* Test seam (store_sqlite.c): when set, called instead of the group
 * sync's fsync of the WAL, its SQLite code the sync's outcome
 * (tests/unit/test_store.c makes a sync fail). NULL in the program. */
extern int (*store_sqlite_sync_hook)(void);

/* Free S's item memo (store_report.c); called by store_close(). */
void store_report_memo_free(store *s);

extern const struct store_ops store_sqlite_ops;
extern const struct store_ops store_pg_ops;

/* 1 once store_stop_waits() was called: no handle waits for a lock. */
int store_stopping(void);
/* Cancel every PostgreSQL writer of this process waiting for the writer
 * lock (store_pg.c): each such wait ends with DTI_ERR_BUSY. Called by
 * store_stop_waits(); safe from any thread. */
void store_pg_cancel_waits(void);

struct embed_file;
/* The NNN of ".../NNN_name.sql" (1..99999), or -1 for any other name. */
long store_migration_version(const char *path);
/* Sort N migration files into the order they are applied: by NNN as a
 * number, then by path (so two files of one version stand side by side). */
void store_migrations_order(const struct embed_file **v, size_t n);

#endif
