/* audit_canon.h — the canonical text of an audit entry: what its hash
 * (SHA-256, or HMAC-SHA-256 under the database's key) is computed over,
 * after the previous entry's hash (audit.h).
 *
 * The text is the compact JSON object, keys sorted, of the entry's fields
 * {action, after, at, before, entity, entity_id, seq, user, user_id}, with
 * before and after (themselves JSON texts, or NULL) embedded as JSON
 * strings: exactly what jansson's json_dumps(JSON_COMPACT |
 * JSON_SORT_KEYS) wrote for every entry since the chain began.
 *
 * Two ways to the same bytes (issue 12, point 6):
 *   - audit_canon_text() writes it straight into one buffer (json_text.h):
 *     one pass over before and after, no json_t, no second dump; what
 *     audit_append uses for new entries;
 *   - audit_canon_json() builds the object with jansson and dumps it, as
 *     the chain always did: what `dti audit verify` recomputes every
 *     stored entry with, so an existing entry hashes to what it always
 *     hashed to whatever happens to the fast writer.
 * tests/unit/test_audit.c holds the two to the same bytes (fixed cases,
 * control characters, quotes, non-ASCII, and random texts), and the CLI
 * and unit audit tests verify chains written by the fast one with the
 * reference one. */
#ifndef DTI_AUDIT_CANON_H
#define DTI_AUDIT_CANON_H
#include <stdint.h>

/* The canonical text (caller frees), or NULL when out of memory or when a
 * field is not valid UTF-8 (as jansson refuses it). BEFORE and AFTER may
 * be NULL (JSON null); the other strings may not. */
char *audit_canon_text(int64_t seq, const char *at, int64_t user_id, const char *user, const char *action,
                       const char *entity, const char *entity_id, const char *before, const char *after);
char *audit_canon_json(int64_t seq, const char *at, int64_t user_id, const char *user, const char *action,
                       const char *entity, const char *entity_id, const char *before, const char *after);

#endif
