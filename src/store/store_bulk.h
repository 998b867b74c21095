/* store_bulk.h — the bulk load: one store's every row copied into another
 * store's empty schema in one transaction (issue 12 point 6: the synthetic
 * country on PostgreSQL, app/gen/gen.c).
 *
 * Why. The generator makes its data through the real use cases, about 45
 * statements per saved report; through libpq that is one round trip each,
 * ~1.5 h for the country on PostgreSQL against ~2 min on SQLite, where a
 * statement is a function call. The generator therefore makes the country
 * in a staging SQLite file through the same use cases, and this repository
 * moves the finished rows into the PostgreSQL database at once: COPY FROM
 * STDIN per table (rows streamed in COPY's text format, a few megabytes
 * per send), inside ONE transaction of the destination. Both engines are
 * served as destination: PostgreSQL by COPY, SQLite by one prepared INSERT
 * per row (a function call there, no round trip to save).
 *
 * What holds after a load:
 *  - the destination holds exactly the source's rows, ids included, column
 *    by column by name (the two schemas are twins: sql/sqlite, sql/postgres
 *    at the same migration versions, checked first); the identity sequences
 *    (PostgreSQL) continue after the highest id; the planner's statistics
 *    are gathered (ANALYZE) so the first queries are planned on real sizes;
 *  - the audit chain is the source's, row for row, so it verifies where the
 *    source's did, with the source's key (the caller moves the key file);
 *  - the score_generation triggers are per statement on PostgreSQL: a COPY
 *    bumps the version once per table, not per row (nothing to defer); the
 *    indexes and constraints stay and are checked as the rows arrive;
 *  - all or nothing: a failure or an interruption before the COMMIT leaves
 *    the destination as it was.
 * Tables are loaded parents first (the foreign keys of the destination's
 * catalog, sorted), rows in the source's rowid order (a parent org before
 * its children, as they were made). */
#ifndef DTI_STORE_BULK_H
#define DTI_STORE_BULK_H
#include <stddef.h>
#include <stdint.h>
#include "store/store.h"

/* DTI_OK when DST holds no row beyond what a newly migrated store holds:
 * every table of DST has at most as many rows as the same table of FRESH
 * (a store migrated just now, nothing written: the migrations' own rows,
 * such as score_generation's), and DST's migrations are FRESH's.
 * DTI_ERR_CONFLICT naming the first table that holds more. */
dti_rc store_bulk_pristine(store *dst, store *fresh, dti_err *e);

/* Called after each table is loaded: TABLE, its ROWS, DONE of TOTAL tables. */
typedef void (*store_bulk_progress)(void *ctx, const char *table, int64_t rows, size_t done, size_t total);

/* Replace every row of DST (outside a transaction; pristine as above: the
 * migrations' rows are replaced) by SRC's, in one transaction of DST, as
 * the top comment says. FRESH (may be NULL: the caller vouches) is checked
 * against DST with store_bulk_pristine() inside that transaction, under
 * DST's writer lock, so that no row written meanwhile is deleted. *ROWS (may be NULL) the rows loaded in all; FN
 * (may be NULL) reports each table. A table or column of DST that SRC lacks,
 * a table of SRC with rows that DST lacks, or different migrations:
 * DTI_ERR_CONFLICT naming it, nothing written. */
dti_rc store_bulk_copy(store *src, store *dst, store *fresh, store_bulk_progress fn, void *ctx, int64_t *rows,
                       dti_err *e);

#endif
