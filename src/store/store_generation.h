/* store_generation.h — "has anything changed?": the one mechanism dti's
 * caches use (issue 12, point 1).
 *
 * Decision. The generation row, score_generation (gen, uid), is THE
 * mechanism. Triggers bump gen in the same transaction as every insert,
 * update or delete of a table a cached view, a permission or a session
 * depends on (sql/sqlite/004_perf.sql and later migrations; 010 adds the
 * end of a session: DELETE on sessions). uid tells one database from
 * another. It is portable (PostgreSQL gets the same triggers) and shared by
 * every process on the database: two servers on one file, or on one
 * PostgreSQL, see each other's writes through it. Its users:
 *   - app/score/score_cache.c keys the dashboard's figures on it;
 *   - app/auth/auth.c keys its per-thread session cache on it (a logout, a
 *     password change, an account disabled or its role changed bump it, in
 *     any process, so a cached session is refused at the next request).
 * The SQLite data version (store_data_version, the WAL-index header) is no
 * longer a second mechanism: it is only how the SQLite backend avoids the
 * statement that reads the row. Each thread remembers the generation it
 * read last with the data version taken just before that read; while the
 * version is unchanged no transaction has committed, by any handle or
 * process, so the row cannot have moved and is answered from memory (no
 * statement, no lock). Any commit moves the version and the next read runs
 * the statement. PostgreSQL's data version is LISTEN/NOTIFY's
 * (store_pg_notify.c: every change of the row is notified to each process,
 * and a process's own commits move it at once); while it has none (its
 * listener not yet listening, or its connection lost) the row is read every
 * time: one cheap statement.
 * Finer counters for the plans' figures (migration 014: plan_generation per
 * plan and score_generation.shared) are read through store_score.h; their
 * user is app/score/score_memo.h; docs/internals/store.md lists the tables. */
#ifndef DTI_STORE_GENERATION_H
#define DTI_STORE_GENERATION_H
#include <stdint.h>
#include "store/store.h"

#define STORE_GEN_UID_MAX 39    /* score_generation.uid: 32 hex digits */

typedef struct store_gen {
    int64_t gen;
    char uid[STORE_GEN_UID_MAX + 1];
} store_gen;

/* The generation of S's database into *OUT: from this thread's memory when
 * the data version shows no commit since it was read, else by a statement.
 * *FOUND (may be NULL) 0 when the database has no generation row (a schema
 * before migration 004); then *OUT is zeroed and nothing may be cached. */
dti_rc store_generation(store *s, store_gen *out, int *found, dti_err *e);
/* The generation from memory only: 1 and *OUT filled when known without a
 * statement (as store_generation would answer it), else 0. */
int store_generation_known(store *s, store_gen *out);

/* For repositories that read the row inside a statement of their own (the
 * session check reads the session, its user and the generation at once):
 * VERSION is store_data_version's answer taken BEFORE that statement (HAVE
 * its return value: 0 notes nothing), G what it read. */
void store_generation_note(const unsigned char version[STORE_VERSION_LEN], int have, const store_gen *g);

#endif
