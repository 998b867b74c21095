/* store_pg_notify.h — private to src/store/: PostgreSQL's data version by
 * LISTEN/NOTIFY (store_pg_notify.c, whose top comment holds the design and
 * the window it leaves). */
#ifndef DTI_STORE_PG_NOTIFY_H
#define DTI_STORE_PG_NOTIFY_H
#include <stddef.h>
#include "store/store.h"

/* The channel the generation trigger notifies (sql/postgres/015_notify.sql):
 * NOTIFY is scoped to the database, so one name is one channel per database. */
#define PG_NOTIFY_CHANNEL "dti_generation"

typedef struct pg_listener pg_listener;

/* The process's listener for CONNINFO (the store's URL), shared by every
 * handle opened with the same URL and counted: one reference per call.
 * Nothing connects until the first pg_listener_version(). NULL when out of
 * memory (the handle then has no data version: it reads the row). */
pg_listener *pg_listener_get(const char *conninfo);
/* Drop a reference; the last one stops the thread and closes its
 * connection. NULL is a no-op. */
void pg_listener_put(pg_listener *l);
/* A commit of this process on the database (or one that may commit): the
 * version moves at once, without waiting for the notification. Called
 * before a COMMIT is sent and again after it returned. Any thread. */
void pg_listener_advance(pg_listener *l);
/* The data version (store.h's contract) into OUT and 1 while the listener
 * is listening; 0 when it is not (not started yet, connecting, its
 * connection lost): then the caller reads the database. The first call
 * starts the listening thread. Any thread; no system call once started. */
int pg_listener_version(pg_listener *l, unsigned char out[STORE_VERSION_LEN]);
/* The server pids of this process's listening connections opened for
 * CONNINFO (NULL: for any URL), up to MAX into PIDS; their count. For
 * store_pg_in_use(): the process's own listeners are not "another
 * connection". */
size_t pg_listener_pids(const char *conninfo, int *pids, size_t max);

#endif
