/* store_audit.c — the audit log repository over store.h (any engine but
 * where marked; contracts in store_audit.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store/store_audit.h"

static const char *col(const store_row *r, size_t i)
{
    if (i >= r->n || r->v[i].t == SV_NULL)
        return NULL;
    return r->v[i].s ? r->v[i].s : "";
}

static int head_row(void *ctx, const store_row *r)
{
    store_audit_state *t = ctx;
    t->have_head = 1;
    t->head_seq = r->v[0].i;
    snprintf(t->head_hash, sizeof t->head_hash, "%s", col(r, 1) ? col(r, 1) : "");
    return 1;
}

static int keying_row(void *ctx, const store_row *r)
{
    store_audit_state *t = ctx;
    t->have_keying = 1;
    t->from_seq = r->v[0].i;
    snprintf(t->key_id, sizeof t->key_id, "%s", r->v[1].t == SV_TEXT && r->v[1].s ? r->v[1].s : "");
    return 1;
}

dti_rc store_audit_state_get(store *s, store_audit_state *out, dti_err *e)
{
    dti_rc rc;
    memset(out, 0, sizeof *out);
    if ((rc = store_query(s, "SELECT seq, hash FROM audit_head WHERE id = 1", NULL, 0, head_row, out, e)))
        return rc;
    return store_query(s, "SELECT from_seq, key_id FROM audit_keying WHERE id = 1", NULL, 0, keying_row, out, e);
}

dti_rc store_audit_key_id_set(store *s, const char *key_id, dti_err *e)
{
    return store_exec(s, "UPDATE audit_keying SET key_id = ? WHERE id = 1", (store_val[]){SV_T(key_id)}, 1, e);
}

dti_rc store_audit_append(store *s, const store_audit_entry *x, dti_err *e)
{
    dti_rc rc;
    store_val p[] = {SV_I(x->seq), SV_T(x->at), SV_I(x->user_id), SV_T(x->user_name), SV_T(x->action),
                     SV_T(x->entity), SV_T(x->entity_id), SV_T(x->before), SV_T(x->after), SV_T(x->prev_hash),
                     SV_T(x->hash)};
    if ((rc = store_exec(s, "INSERT INTO audit (seq, at, user_id, user_name, action, entity, entity_id, before_json,"
                            " after_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         p, 11, e)))
        return rc;
    /* engine: ON CONFLICT ... DO UPDATE (SQLite 3.24+, PostgreSQL 9.5+) */
    return store_exec(s, "INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?)"
                         " ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
                      (store_val[]){SV_I(x->seq), SV_T(x->hash)}, 2, e);
}

dti_rc store_audit_hash(store *s, int64_t seq, char **out, dti_err *e)
{
    return store_query_text(s, "SELECT hash FROM audit WHERE seq = ?", (store_val[]){SV_I(seq)}, 1, out, e);
}

dti_rc store_audit_count_from(store *s, int64_t seq, int64_t *n, dti_err *e)
{
    return store_query_int(s, "SELECT COUNT(*) FROM audit WHERE seq >= ?", (store_val[]){SV_I(seq)}, 1, n, NULL, e);
}

struct entry_walk {
    store_audit_fn fn;
    void *ctx;
    int stopped;        /* fn returned non-zero */
    int64_t rows;       /* rows of the current page */
    int64_t last;       /* the seq of the last row given */
};

#define ENTRY_COLS "seq, at, user_id, user_name, action, entity, entity_id, before_json, after_json, prev_hash, hash"

static int entry_row(void *ctx, const store_row *r)
{
    struct entry_walk *w = ctx;
    store_audit_entry x;
    if (r->n < 11)
        return 1;
    x.seq = r->v[0].i;
    x.at = col(r, 1);
    x.user_id = r->v[2].i;
    x.user_name = col(r, 3);
    x.action = col(r, 4);
    x.entity = col(r, 5);
    x.entity_id = col(r, 6);
    x.before = col(r, 7);
    x.after = col(r, 8);
    x.prev_hash = col(r, 9);
    x.hash = col(r, 10);
    w->rows++;
    w->last = x.seq;
    if (w->fn(w->ctx, &x))
        w->stopped = 1;
    return w->stopped;
}

dti_rc store_audit_walk(store *s, store_audit_fn fn, void *ctx, dti_err *e)
{
    struct entry_walk w = {fn, ctx, 0, 0, 0};
    dti_rc rc;
    /* the first page has no lower bound (a forged seq may be anything) */
    if ((rc = store_query(s, "SELECT " ENTRY_COLS " FROM audit ORDER BY seq LIMIT ?",
                          (store_val[]){SV_I(STORE_AUDIT_PAGE)}, 1, entry_row, &w, e)))
        return rc;
    while (!w.stopped && w.rows == STORE_AUDIT_PAGE) {
        w.rows = 0;
        if ((rc = store_query(s, "SELECT " ENTRY_COLS " FROM audit WHERE seq > ? ORDER BY seq LIMIT ?",
                              (store_val[]){SV_I(w.last), SV_I(STORE_AUDIT_PAGE)}, 2, entry_row, &w, e)))
            return rc;
    }
    return DTI_OK;
}

dti_rc store_audit_list(store *s, const char *entity, const char *entity_id, int64_t limit, store_audit_fn fn,
                        void *ctx, dti_err *e)
{
    struct entry_walk w = {fn, ctx, 0, 0, 0};
    store_val p[4];
    size_t n = 0;
    const char *sql;
    char *end = NULL;
    long long org_id = entity && entity_id && !strcmp(entity, "org") && *entity_id ? strtoll(entity_id, &end, 10) : 0;
    if (org_id > 0 && end && !*end) {
        /* An org change is audited once, under the org that continues
         * (entity_id = the successor; app/orgs/orgs_change.c). An org that a
         * merger or closure ended lists that change too: the entries whose
         * after-image names a change (after_json's "change") in which this
         * org was one of the orgs before (org_change_before). The entries
         * themselves are untouched, so the chain verifies as before.
         * engine: json_extract() is SQLite's; PostgreSQL reads the text as
         * json (after_json::json ->> 'change'), only for org.* entries */
        sql = store_is_pg(s)
                  ? "SELECT * FROM (SELECT " ENTRY_COLS " FROM audit WHERE entity = ? AND (entity_id = ? OR "
                    "(action IN ('org.merge', 'org.close', 'org.rename') AND CASE WHEN action IN ('org.merge', "
                    "'org.close', 'org.rename') THEN (after_json::json ->> 'change') END IN (SELECT "
                    "CAST(change_id AS TEXT) FROM org_change_before WHERE org_id = ?))) ORDER BY seq DESC LIMIT ?) t "
                    "ORDER BY seq"
                  : "SELECT * FROM (SELECT " ENTRY_COLS " FROM audit WHERE entity = ? AND (entity_id = ? OR "
                    "(action IN ('org.merge', 'org.close', 'org.rename') AND json_extract(after_json, '$.change') "
                    "IN (SELECT change_id FROM org_change_before WHERE org_id = ?))) ORDER BY seq DESC LIMIT ?) t "
                    "ORDER BY seq";
        p[n++] = SV_T(entity);
        p[n++] = SV_T(entity_id);
        p[n++] = SV_I(org_id);
    } else if (entity && entity_id) {
        sql = "SELECT * FROM (SELECT " ENTRY_COLS " FROM audit WHERE entity = ? AND entity_id = ?"
              " ORDER BY seq DESC LIMIT ?) t ORDER BY seq";
        p[n++] = SV_T(entity);
        p[n++] = SV_T(entity_id);
    } else if (entity) {
        sql = "SELECT * FROM (SELECT " ENTRY_COLS " FROM audit WHERE entity = ? ORDER BY seq DESC LIMIT ?) t"
              " ORDER BY seq";
        p[n++] = SV_T(entity);
    } else {
        sql = "SELECT * FROM (SELECT " ENTRY_COLS " FROM audit ORDER BY seq DESC LIMIT ?) t ORDER BY seq";
    }
    p[n++] = SV_I(limit > 0 ? limit : INT64_MAX);
    return store_query(s, sql, p, n, entry_row, &w, e);
}

static int image_row(void *ctx, const store_row *r)
{
    struct entry_walk *w = ctx;
    store_audit_entry x;
    memset(&x, 0, sizeof x);
    x.seq = r->v[0].i;
    x.after = col(r, 1);
    return w->fn(w->ctx, &x);
}

dti_rc store_audit_after_images(store *s, const char *entity, const char *entity_id, store_audit_fn fn, void *ctx,
                                dti_err *e)
{
    struct entry_walk w = {fn, ctx, 0, 0, 0};
    return store_query(s, "SELECT seq, after_json FROM audit WHERE entity = ? AND entity_id = ? ORDER BY seq DESC",
                       (store_val[]){SV_T(entity), SV_T(entity_id)}, 2, image_row, &w, e);
}

static int image_in_row(void *ctx, const store_row *r)
{
    struct entry_walk *w = ctx;
    store_audit_entry x;
    memset(&x, 0, sizeof x);
    x.seq = r->v[0].i;
    x.entity_id = col(r, 1);
    x.after = col(r, 2);
    return w->fn(w->ctx, &x);
}

dti_rc store_audit_after_images_in(store *s, const char *entity, const char *const *ids, size_t n,
                                   store_audit_fn fn, void *ctx, dti_err *e)
{
    struct entry_walk w = {fn, ctx, 0, 0, 0};
    static const char head[] = "SELECT seq, entity_id, after_json FROM audit WHERE entity = ? AND entity_id IN (";
    static const char tail[] = ") ORDER BY seq DESC";
    char sql[sizeof head + 2 * STORE_AUDIT_BATCH + sizeof tail];
    store_val p[1 + STORE_AUDIT_BATCH];
    size_t len = sizeof head - 1;
    if (n == 0)
        return DTI_OK;
    if (n > STORE_AUDIT_BATCH)
        return dti_fail(e, DTI_ERR_INPUT, NULL, "quá nhiều mã (tối đa %d)", "too many ids (at most %d)",
                        STORE_AUDIT_BATCH);
    /* always STORE_AUDIT_BATCH placeholders, the last id repeated: one SQL
     * text, prepared once per connection, whatever N */
    memcpy(sql, head, len);
    p[0] = SV_T(entity);
    for (size_t i = 0; i < STORE_AUDIT_BATCH; i++) {
        if (i)
            sql[len++] = ',';
        sql[len++] = '?';
        p[1 + i] = SV_T(ids[i < n ? i : n - 1]);
    }
    memcpy(sql + len, tail, sizeof tail);
    return store_query(s, sql, p, 1 + STORE_AUDIT_BATCH, image_in_row, &w, e);
}

struct ids {
    int64_t *v;
    size_t n, cap;
    int nomem;
};

static int id_row(void *ctx, const store_row *r)
{
    struct ids *x = ctx;
    if (x->n == x->cap) {
        size_t cap = x->cap ? 2 * x->cap : 256;
        int64_t *v = realloc(x->v, cap * sizeof *v);
        if (!v) {
            x->nomem = 1;
            return 1;
        }
        x->v = v;
        x->cap = cap;
    }
    x->v[x->n++] = r->v[0].i;
    return 0;
}

dti_rc store_audit_report_ids(store *s, int64_t **out, size_t *n, dti_err *e)
{
    struct ids ids = {NULL, 0, 0, 0};
    *out = NULL;
    *n = 0;
    dti_rc rc = store_query(s, "SELECT id FROM reports ORDER BY id", NULL, 0, id_row, &ids, e);
    if (!rc && ids.nomem)
        rc = dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
    if (rc) {
        free(ids.v);
        return rc;
    }
    *out = ids.v;
    *n = ids.n;
    return DTI_OK;
}

dti_rc store_audit_report_gone(store *s, int64_t *id, int *found, dti_err *e)
{
    /* NOT EXISTS, one primary-key probe per entry: PostgreSQL runs a
     * NOT IN (subquery) whose ids overflow work_mem (the country's 292k
     * reports) as a scan of the list per row, hours for 1.2M entries */
    return store_query_int(s, "SELECT CAST(a.entity_id AS INTEGER) FROM audit a WHERE a.entity = 'report' AND "
                              "NOT EXISTS (SELECT 1 FROM reports r WHERE r.id = CAST(a.entity_id AS INTEGER)) LIMIT 1",
                           NULL, 0, id, found, e);
}

dti_rc store_audit_schema_versions(store *s, int64_t *n, dti_err *e)
{
    *n = 0;
    return store_query_int(s, "SELECT COUNT(*) FROM schema_version", NULL, 0, n, NULL, e);
}

dti_rc store_audit_schema_keyed(store *s, int *keyed, dti_err *e)
{
    int64_t k = 0;
    /* engine: sqlite_master is SQLite's catalogue, information_schema.tables PostgreSQL's */
    dti_rc rc = store_query_int(s, store_is_pg(s)
                                   ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'audit_keying' "
                                     "AND table_schema = current_schema()"
                                   : "SELECT COUNT(*) FROM sqlite_master WHERE name = 'audit_keying'",
                                NULL, 0, &k, NULL, e);
    *keyed = !rc && k > 0;
    return rc;
}
