/* store_audit.h — the audit log repository: the entries of the hash chain,
 * its head (audit_head), its keying record (audit_keying), and the reads
 * that verification and restore checks make.
 *
 * The store computes no hash and decides nothing: the chain, the key, the
 * anchors and what counts as tampering are app/audit's (audit.h). Entries
 * are written and read as they are; text columns come back NULL when they
 * are SQL NULL, so that verification sees exactly what is stored. */
#ifndef DTI_STORE_AUDIT_H
#define DTI_STORE_AUDIT_H
#include <stddef.h>
#include <stdint.h>
#include "store/store.h"

/* The chain's state: the head row and the keying row. */
typedef struct store_audit_state {
    int have_head;              /* audit_head has its row */
    int64_t head_seq;
    char head_hash[65];         /* "" without a head */
    int have_keying;            /* audit_keying has its row (0: removed) */
    int64_t from_seq;           /* the first keyed entry */
    char key_id[17];            /* 16 hex digits; "" while no key was used */
} store_audit_state;

/* One entry. Borrowed pointers: in a callback they live until it returns;
 * NULL where the column is NULL. */
typedef struct store_audit_entry {
    int64_t seq;
    const char *at;
    int64_t user_id;
    const char *user_name, *action, *entity, *entity_id;
    const char *before, *after;     /* JSON text */
    const char *prev_hash, *hash;
} store_audit_entry;

/* Called per entry; non-zero stops the walk (not an error). */
typedef int (*store_audit_fn)(void *ctx, const store_audit_entry *x);

/* Read the head and the keying rows into *OUT. */
dti_rc store_audit_state_get(store *s, store_audit_state *out, dti_err *e);
/* Record the id of the key first used (audit_keying.key_id). */
dti_rc store_audit_key_id_set(store *s, const char *key_id, dti_err *e);
/* Append X (every member given) and move the head to X's seq and hash, in
 * the caller's transaction. */
dti_rc store_audit_append(store *s, const store_audit_entry *x, dti_err *e);
/* The hash of entry SEQ as a new string into *OUT (NULL when missing;
 * caller frees). */
dti_rc store_audit_hash(store *s, int64_t seq, char **out, dti_err *e);
/* The number of entries with seq >= SEQ. */
dti_rc store_audit_count_from(store *s, int64_t seq, int64_t *n, dti_err *e);
/* Every entry by seq, oldest first. Read in pages of STORE_AUDIT_PAGE
 * entries (keyset: seq > the last one given), so that a country's log
 * (1.2M entries) costs a few hundred round trips and one page of memory,
 * not one result of the whole table (PostgreSQL's results arrive whole):
 * call it inside a read transaction for one snapshot of the log. */
#define STORE_AUDIT_PAGE 2048
dti_rc store_audit_walk(store *s, store_audit_fn fn, void *ctx, dti_err *e);
/* The newest LIMIT entries (LIMIT <= 0: all) of ENTITY (NULL: any) and
 * ENTITY_ID (NULL: any; only with ENTITY), given oldest first. For "org"
 * and an org id, also the merger/closure entries recorded under the
 * successor that ended that org (it is among the change's orgs before). */
dti_rc store_audit_list(store *s, const char *entity, const char *entity_id, int64_t limit, store_audit_fn fn,
                        void *ctx, dti_err *e);
/* The entries of ENTITY ENTITY_ID newest first, with only seq and after
 * filled (the after-images verification compares). */
dti_rc store_audit_after_images(store *s, const char *entity, const char *entity_id, store_audit_fn fn, void *ctx,
                                dti_err *e);
/* store_audit_after_images for N (1..STORE_AUDIT_BATCH) entity ids at once,
 * in one statement: the entries of ENTITY whose entity_id is one of IDS
 * (exactly, as text), newest first across all of them, with seq, entity_id
 * and after filled. */
#define STORE_AUDIT_BATCH 256
dti_rc store_audit_after_images_in(store *s, const char *entity, const char *const *ids, size_t n,
                                   store_audit_fn fn, void *ctx, dti_err *e);
/* The ids of every report, ascending: *OUT (caller frees) holds *N. */
dti_rc store_audit_report_ids(store *s, int64_t **out, size_t *n, dti_err *e);
/* A report the log has entries for but that no longer exists: *FOUND 1
 * and *ID the first such id. */
dti_rc store_audit_report_gone(store *s, int64_t *id, int *found, dti_err *e);
/* The rows of schema_version of a file opened without migration (an
 * error when it has no such table: not a dti database). */
dti_rc store_audit_schema_versions(store *s, int64_t *n, dti_err *e);
/* *KEYED 1 when the schema has the keyed log (table audit_keying). */
dti_rc store_audit_schema_keyed(store *s, int *keyed, dti_err *e);
#endif
