/* audit.h — the audit log: one entry per write, hash-chained and keyed.
 *
 * Every write in app/ (import, edit, assignment, report state, value,
 * evidence, user, calendar) appends an entry in the same transaction as the
 * write: seq (1, 2, 3 ...), at (ISO 8601 UTC), who (user id and name), the
 * action ("report.submit"), the entity and its id ("report", "17"), and the
 * entity before and after as JSON text (NULL where there is none).
 *
 * The chain: hash = MAC(prev_hash || canonical), where prev_hash is the
 * previous entry's hash (64 zeros for seq 1) and canonical is the entry as
 * compact JSON with sorted keys:
 *   {"action":…,"after":TEXT|null,"at":…,"before":TEXT|null,"entity":…,
 *    "entity_id":…,"seq":N,"user":NAME,"user_id":ID}
 * (before and after as the stored strings, so the hash covers them byte
 * for byte). audit_head keeps the newest seq and hash, so that entries
 * removed from the end are seen as well as those removed from the middle
 * (a gap in seq) or altered (a hash that no longer matches).
 *
 * Decision — the key (issue 9, point 7). A plain SHA-256 chain can be
 * recomputed by anyone who can write the database file. MAC is therefore
 * HMAC-SHA-256 (libsodium crypto_auth_hmacsha256) under a 32-byte secret
 * kept OUTSIDE the database: the key file DB.audit-key beside the SQLite
 * file, or the file named by DTI_AUDIT_KEY (one key file per database). It
 * is created at first use (the first entry or anchor after the upgrade),
 * mode 0600 (readable only by the account running dti; a key file that
 * others may read is refused), as 64 hex digits and a newline. Once the
 * database has used a key (audit_keying.key_id), a missing or different key
 * file stops every write with a message saying to restore the key from a
 * backup: nothing is written that cannot be proven later. A ":memory:"
 * store uses a random key of the process.
 *
 * Migration: entries written before sql/sqlite/006_audit_key.sql keep their
 * plain SHA-256 hashes and still verify; audit_keying.from_seq is the first
 * keyed entry (the switch point, fixed by the migration; 1 for a database
 * made after it), printed by verify.
 *
 * Decision — the anchor. A keyed chain cannot be rewritten, but it can be
 * cut: the newest entries deleted and audit_head reset, or every row
 * deleted. The head is therefore written where the database file cannot
 * rewrite it with it:
 *   - the anchor log DB.audit-anchor beside the database, one line per
 *     anchoring, appended (O_APPEND, fsync) at the key's first use, at each
 *     publication, export, backup, restore and `dti audit head`:
 *       dti-anchor/1 AT WHY SEQ HASH KEYED_FROM KEY_ID MAC
 *     each line keyed itself (MAC = HMAC of the line before " MAC"), so it
 *     can be deleted but not forged;
 *   - every published ranking and official report prints the head
 *     (audit_head_text: "SEQ-HASH16", the seq and the first 16 hex digits
 *     of its hash), which `dti audit verify --head SEQ-HASH16` checks later;
 * and verify checks that every anchored head is still in the chain.
 * Entries after the newest anchor are protected by the key against change,
 * not against removal: anchor often (docs/backup.md).
 *
 * Decision — reports against the log. A report's figures and state can be
 * edited in the database file without touching the log at all. verify
 * therefore compares every report (report_snapshot) with the after-image of
 * its newest audit entry (the header: state, dates, reason, texts) and of
 * its newest entry that carries values (values and tasks), key by key for
 * the keys the after-image has, and reports a report with no entry, or an
 * entry for a report that no longer exists. */
#ifndef DTI_AUDIT_H
#define DTI_AUDIT_H
#include <stdint.h>
#include <time.h>
#include <jansson.h>
#include "base/err.h"
#include "store/store.h"
#include "app/auth/auth.h"

#define AUDIT_JSON_MAX ((size_t)4 << 20)   /* bytes of before/after JSON */

/* Append an entry at NOW by WHO (NULL = the system, user 0 "system").
 * BEFORE and AFTER (either may be NULL) are serialised canonically; they are
 * not stolen. Runs in its own (nested) transaction: call it inside the
 * transaction of the write it records. */
dti_rc audit_append(store *s, const auth_user *who, time_t now, const char *action,
                    const char *entity, const char *entity_id, const json_t *before,
                    const json_t *after, dti_err *e);
/* The same with a numeric entity id. */
dti_rc audit_append_id(store *s, const auth_user *who, time_t now, const char *action,
                       const char *entity, int64_t entity_id, const json_t *before,
                       const json_t *after, dti_err *e);
/* The same with the images already written as canonical JSON texts
 * (compact, keys sorted: what json_dumps(JSON_COMPACT | JSON_SORT_KEYS)
 * gives, e.g. report_snapshot_text), each NULL for none; stored as given.
 * Over AUDIT_JSON_MAX bytes is DTI_ERR_TOOBIG. The hot path of a report
 * save (issue 12, point 6): no json_t is built only to be dumped. */
dti_rc audit_append_text(store *s, const auth_user *who, time_t now, const char *action,
                         const char *entity, int64_t entity_id, const char *before,
                         const char *after, dti_err *e);

/* A point of the chain: an entry's seq and hash. */
typedef struct audit_mark {
    int64_t seq;        /* 0: the log is empty */
    char hash[65];      /* lower-case hex; 64 zeros when empty */
    int keyed;          /* 1 when that hash is an HMAC (seq >= the switch point) */
} audit_mark;

#define AUDIT_HEAD_TEXT 48  /* "123456-0123456789abcdef" and NUL */
#define AUDIT_HEAD_HEX 16   /* hex digits of the hash in the printed head */
#define AUDIT_HEADS_MAX 64  /* --head arguments of one verify */

/* The head of S's log (the newest entry) into *OUT. No permission: a head
 * says nothing about what the log holds. */
dti_rc audit_head(store *s, audit_mark *out, dti_err *e);
/* M as printed in rankings and official reports: "SEQ-HASH16". */
char *audit_head_text(const audit_mark *m, char out[AUDIT_HEAD_TEXT]);
/* Read the head and append it to the anchor log, as WHY (a word:
 * "publish", "export", "backup", "restore", "head") at NOW; *OUT (may be
 * NULL) gets the head. Creates the key at its first use (a write). For
 * ":memory:" only the head is read. Call it after the commit of the write
 * being published (a head inside an open transaction may be rolled back);
 * DTI_ERR_INTERNAL inside a transaction. */
dti_rc audit_anchor(store *s, const char *why, time_t now, audit_mark *out, dti_err *e);

typedef struct audit_check {
    int64_t entries;    /* entries read */
    int ok;             /* 1 when the whole chain holds */
    int no_key;         /* 0 = ok, or not proven because the key file is missing or unreadable */
    int64_t bad_seq;    /* the first entry altered or removed (0 when ok or not about one entry) */
    char why[512];      /* what is wrong with it, for people */
    int64_t keyed_from; /* the switch point: the first keyed entry */
    int64_t anchors;    /* anchor lines checked */
    int64_t heads;      /* --head marks checked */
    int64_t reports;    /* reports compared with their after-images */
    audit_mark head;    /* the head read */
} audit_check;

/* Walk the chain and fill *OUT: every hash (SHA-256 before the switch
 * point, HMAC after it), the head, the anchor log, the NHEADS marks HEADS
 * ("SEQ-HEX", at least 8 hex digits of the hash; DTI_ERR_INPUT when one is
 * not so written), and every report against the log (see above). Needs
 * AUTH_AUDIT. Returns DTI_OK when the walk was done (whatever it found);
 * out->ok says whether the log holds, out->why what was found first. */
dti_rc audit_verify(store *s, const auth_user *u, audit_check *out, dti_err *e);
/* audit_verify with HEADS, as A's acting user (the command and the API). */
dti_rc audit_verify_heads(struct app *a, const char *const *heads, size_t nheads, audit_check *out, dti_err *e);
/* The same without the permission check, for the operator's commands on
 * the database file (dti restore): the file's owner may read it anyway. */
dti_rc audit_check_store(store *s, const char *const *heads, size_t nheads, audit_check *out,
                         dti_err *e);

/* The log as a JSON array of entries (oldest first), all of them or those
 * of ENTITY (and ENTITY_ID when not NULL); LIMIT 0 = no limit (the newest
 * LIMIT otherwise). A's acting user needs AUTH_AUDIT. *OUT new reference. */
dti_rc audit_log(struct app *a, const char *entity, const char *entity_id, int64_t limit, json_t **out, dti_err *e);
/* The same without the permission check: for use cases that decided it
 * themselves (scoring_history, publish.h). */
dti_rc audit_entries(store *s, const char *entity, const char *entity_id, int64_t limit,
                     json_t **out, dti_err *e);

#endif
