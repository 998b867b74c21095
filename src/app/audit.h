/* audit.h — the audit log: one entry per write, hash-chained.
 *
 * Every write in app/ (import, edit, assignment, report state, value,
 * evidence, user, calendar) appends an entry in the same transaction as the
 * write: seq (1, 2, 3 ...), at (ISO 8601 UTC), who (user id and name), the
 * action ("report.submit"), the entity and its id ("report", "17"), and the
 * entity before and after as JSON text (NULL where there is none).
 *
 * The chain: hash = SHA-256 hex of (prev_hash || canonical), where prev_hash
 * is the previous entry's hash (64 zeros for seq 1) and canonical is the
 * entry as compact JSON with sorted keys:
 *   {"action":…,"after":TEXT|null,"at":…,"before":TEXT|null,"entity":…,
 *    "entity_id":…,"seq":N,"user":NAME,"user_id":ID}
 * (before and after as the stored strings, so the hash covers them byte
 * for byte). audit_head keeps the newest seq and hash, so that entries
 * removed from the end are seen as well as those removed from the middle
 * (a gap in seq) or altered (a hash that no longer matches). */
#ifndef DTI_AUDIT_H
#define DTI_AUDIT_H
#include <stdint.h>
#include <time.h>
#include <jansson.h>
#include "base/err.h"
#include "store/store.h"
#include "app/auth.h"

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

typedef struct audit_check {
    int64_t entries;    /* entries read */
    int ok;             /* 1 when the whole chain holds */
    int64_t bad_seq;    /* the first entry altered or removed (0 when ok) */
    char why[256];      /* what is wrong with it, for people */
} audit_check;

/* Walk the chain and fill *OUT. Needs AUTH_AUDIT. Returns DTI_OK when the
 * walk was done (whatever it found); out->ok says whether the log holds. */
dti_rc audit_verify(store *s, const auth_user *u, audit_check *out, dti_err *e);

/* The log as a JSON array of entries (oldest first), all of them or those
 * of ENTITY (and ENTITY_ID when not NULL); LIMIT 0 = no limit (the newest
 * LIMIT otherwise). Needs AUTH_AUDIT. *OUT new reference. */
dti_rc audit_log(store *s, const auth_user *u, const char *entity, const char *entity_id,
                 int64_t limit, json_t **out, dti_err *e);
/* The same without the permission check: for use cases that decided it
 * themselves (app_history, publish.h). */
dti_rc audit_entries(store *s, const char *entity, const char *entity_id, int64_t limit,
                     json_t **out, dti_err *e);

#endif
