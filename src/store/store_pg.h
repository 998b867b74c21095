/* store_pg.h — what only the PostgreSQL store has: its URL, and backups and
 * restores with pg_dump / pg_restore (store_pg_backup.c, whose top comment
 * says how a restore puts a database in place of another). The engine
 * itself is reached through store.h like SQLite. */
#ifndef DTI_STORE_PG_H
#define DTI_STORE_PG_H
#include "base/err.h"
#include "store/store.h"

/* The URL S was opened with (NULL when S is not PostgreSQL). Valid while S
 * is open. */
const char *store_pg_url(const store *s);

/* pg_dump of S's database into the new file DEST, custom format (one
 * snapshot; written whole or not at all; read back by pg_restore --list).
 * S outside a transaction. store_backup() calls it for PostgreSQL. */
dti_rc store_pg_dump(store *s, const char *dest, dti_err *e);

/* DTI_OK when no other connection is on URL's database; DTI_ERR_CONFLICT
 * naming one (its server pid and application) when there is. */
dti_rc store_pg_in_use(const char *url, dti_err *e);

/* Restore the dump SRC into a new database NAME_restore_STAMP on URL's
 * server (NAME: URL's database, cut to 40 bytes), all or nothing; *OUT its
 * URL (caller frees). DTI_ERR_INPUT when SRC is not a readable dump. */
dti_rc store_pg_load(const char *url, const char *src, const char *stamp, char **out, dti_err *e);

/* Put the database FRESH in the place of URL's: URL's database (when it
 * exists) renamed KEPT (its name into KEPT_OUT, "" when there was none),
 * then FRESH renamed to URL's name; on failure of the second rename the
 * first is undone. Nobody may be connected to either. */
dti_rc store_pg_swap(const char *url, const char *fresh, const char *kept, char kept_out[256], dti_err *e);

/* URL with its database name replaced by NAME, as a new string (caller
 * frees; NULL when out of memory). */
char *store_pg_url_with_db(const char *url, const char *name);

/* COPY FROM STDIN on S (store_bulk.c's bulk load; inside a transaction of
 * S): store_pg_copy_begin() sends SQL ("COPY t (a, b) FROM STDIN"), then
 * store_pg_copy_put() the rows in COPY's text format, in pieces of any
 * size, then store_pg_copy_end() ends it: with ABORT_MSG NULL the rows are
 * written (an error in them fails here, naming the line), else the COPY is
 * cancelled with that message. No other statement on S in between. */
dti_rc store_pg_copy_begin(store *s, const char *sql, dti_err *e);
dti_rc store_pg_copy_put(store *s, const char *data, size_t n, dti_err *e);
dti_rc store_pg_copy_end(store *s, const char *abort_msg, dti_err *e);

/* Drop URL's database (a store_pg_load() result not put in place). */
dti_rc store_pg_drop(const char *url, dti_err *e);

#endif
