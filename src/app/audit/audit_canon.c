/* audit_canon.c — an audit entry's canonical text, written directly or
 * through jansson (audit_canon.h: the same bytes, and why there are two). */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include "app/audit/audit_canon.h"
#include "base/buf.h"
#include "base/json_text.h"

/* Room for the fields around before and after. */
#define CANON_FIXED 512

static int str_or_null(buf *b, const char *s)
{
    if (!s)
        return buf_adds(b, "null");
    return json_text_str(b, s);
}

char *audit_canon_text(int64_t seq, const char *at, int64_t user_id, const char *user, const char *action,
                       const char *entity, const char *entity_id, const char *before, const char *after)
{
    buf b;
    buf_init(&b, 0);
    /* one allocation in the common case: the images plus a little for
     * their escapes and the other fields */
    size_t hint = CANON_FIXED + (before ? strlen(before) : 0) + (after ? strlen(after) : 0);
    hint += hint / 4;
    buf_reserve(&b, hint);
    /* the keys are fixed ASCII names, written as they are; a failing
     * append is B's sticky error, checked once at the end */
    int bad = buf_adds(&b, "{\"action\":") || json_text_str(&b, action) ||
              buf_adds(&b, ",\"after\":") || str_or_null(&b, after) ||
              buf_adds(&b, ",\"at\":") || json_text_str(&b, at) ||
              buf_adds(&b, ",\"before\":") || str_or_null(&b, before) ||
              buf_adds(&b, ",\"entity\":") || json_text_str(&b, entity) ||
              buf_adds(&b, ",\"entity_id\":") || json_text_str(&b, entity_id) ||
              buf_adds(&b, ",\"seq\":");
    if (!bad) {
        json_text_int(&b, (long long)seq);
        bad = buf_adds(&b, ",\"user\":") || json_text_str(&b, user) || buf_adds(&b, ",\"user_id\":");
    }
    if (!bad) {
        json_text_int(&b, (long long)user_id);
        buf_addc(&b, '}');
    }
    if (bad || buf_failed(&b)) {
        buf_release(&b);
        return NULL;
    }
    return buf_detach(&b);
}

char *audit_canon_json(int64_t seq, const char *at, int64_t user_id, const char *user, const char *action,
                       const char *entity, const char *entity_id, const char *before, const char *after)
{
    json_t *o = json_pack("{s:s, s:o, s:s, s:o, s:s, s:s, s:I, s:s, s:I}",
                          "action", action, "after", after ? json_string(after) : json_null(),
                          "at", at, "before", before ? json_string(before) : json_null(),
                          "entity", entity, "entity_id", entity_id, "seq", (json_int_t)seq,
                          "user", user, "user_id", (json_int_t)user_id);
    if (!o)
        return NULL;
    char *s = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(o);
    return s;
}
