/* audit.c — appending to, verifying and reading the hash-chained audit log
 * (the chain is described in audit.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/audit.h"
#include "app/app_util.h"
#include "base/file.h"
#include "base/lang.h"

#define ZERO_HASH "0000000000000000000000000000000000000000000000000000000000000000"
#define CANON_FLAGS (JSON_COMPACT | JSON_SORT_KEYS)

/* The canonical text of an entry (caller frees), or NULL out of memory. */
static char *canonical(int64_t seq, const char *at, int64_t user_id, const char *user,
                       const char *action, const char *entity, const char *entity_id,
                       const char *before, const char *after)
{
    json_t *o = json_pack("{s:s, s:o, s:s, s:o, s:s, s:s, s:I, s:s, s:I}",
                          "action", action, "after", after ? json_string(after) : json_null(),
                          "at", at, "before", before ? json_string(before) : json_null(),
                          "entity", entity, "entity_id", entity_id, "seq", (json_int_t)seq,
                          "user", user, "user_id", (json_int_t)user_id);
    if (!o)
        return NULL;
    char *s = json_dumps(o, CANON_FLAGS);
    json_decref(o);
    return s;
}

/* SHA-256 hex of PREV followed by CANON into OUT. */
static int chain_hash(const char *prev, const char *canon, char out[65])
{
    size_t a = strlen(prev), b = strlen(canon);
    char *m = malloc(a + b + 1);
    if (!m)
        return -1;
    memcpy(m, prev, a);
    memcpy(m + a, canon, b + 1);
    file_sha256_hex(m, a + b, out);
    free(m);
    return 0;
}

struct head {
    int found;
    int64_t seq;
    char hash[65];
};

static int head_row(void *ctx, const store_row *r)
{
    struct head *h = ctx;
    h->found = 1;
    h->seq = r->v[0].i;
    snprintf(h->hash, sizeof h->hash, "%s", r->v[1].s ? r->v[1].s : "");
    return 1;
}

static dti_rc dump(const json_t *j, char **out, dti_err *e)
{
    *out = NULL;
    if (!j)
        return DTI_OK;
    *out = json_dumps(j, CANON_FLAGS | JSON_ENCODE_ANY);
    if (!*out)
        return dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
    if (strlen(*out) > AUDIT_JSON_MAX) {
        free(*out);
        *out = NULL;
        return dti_fail(e, DTI_ERR_TOOBIG, "audit", "mục nhật ký quá lớn", "audit entry too big");
    }
    return DTI_OK;
}

dti_rc audit_append(store *s, const auth_user *who, time_t now, const char *action,
                    const char *entity, const char *entity_id, const json_t *before,
                    const json_t *after, dti_err *e)
{
    dti_rc rc;
    char *b = NULL, *a = NULL, *canon = NULL;
    char at[AUTH_TS_LEN], hash[65];
    struct head h;
    int in_tx = 0;
    int64_t uid = who ? who->id : 0;
    const char *uname = who ? who->name : "system";

    memset(&h, 0, sizeof h);
    if ((rc = dump(before, &b, e)) || (rc = dump(after, &a, e)))
        goto out;
    if ((rc = store_begin(s, e)))
        goto out;
    in_tx = 1;
    if ((rc = store_query(s, "SELECT seq, hash FROM audit_head WHERE id = 1", NULL, 0, head_row, &h, e)))
        goto out;
    if (!h.found) {
        h.seq = 0;
        snprintf(h.hash, sizeof h.hash, "%s", ZERO_HASH);
    }
    auth_ts(now, at);
    int64_t seq = h.seq + 1;
    if (!(canon = canonical(seq, at, uid, uname, action, entity, entity_id, b, a)) ||
        chain_hash(h.hash, canon, hash)) {
        rc = dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
        goto out;
    }
    {
        store_val p[] = {SV_I(seq), app_sv_text(at), SV_I(uid), app_sv_text(uname), app_sv_text(action), app_sv_text(entity),
                         app_sv_text(entity_id), app_sv_text(b), app_sv_text(a), app_sv_text(h.hash), app_sv_text(hash)};
        if ((rc = store_exec(s, "INSERT INTO audit (seq, at, user_id, user_name, action, entity, "
                                "entity_id, before_json, after_json, prev_hash, hash) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", p, 11, e)))
            goto out;
        store_val q[] = {SV_I(seq), app_sv_text(hash)};
        if ((rc = store_exec(s, "INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) "
                                "ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
                             q, 2, e)))
            goto out;
    }
    if ((rc = store_commit(s, e)))
        goto out;
    in_tx = 0;
out:
    if (in_tx)
        store_rollback(s);
    free(b);
    free(a);
    free(canon);
    return rc;
}

dti_rc audit_append_id(store *s, const auth_user *who, time_t now, const char *action,
                       const char *entity, int64_t entity_id, const json_t *before,
                       const json_t *after, dti_err *e)
{
    char id[24];
    snprintf(id, sizeof id, "%lld", (long long)entity_id);
    return audit_append(s, who, now, action, entity, id, before, after, e);
}

/* ---- verify ---------------------------------------------------------------- */

struct walk {
    audit_check *c;
    int64_t last_seq;
    char last_hash[65];
    int nomem;
};

static const char *col(const store_row *r, size_t i)
{
    return r->v[i].t == SV_NULL ? NULL : (r->v[i].s ? r->v[i].s : "");
}

static int walk_row(void *ctx, const store_row *r)
{
    struct walk *w = ctx;
    audit_check *c = w->c;
    int64_t seq = r->v[0].i;
    const char *prev = col(r, 9), *hash = col(r, 10);
    c->entries++;
    if (seq != w->last_seq + 1) {
        c->ok = 0;
        c->bad_seq = w->last_seq + 1;
        snprintf(c->why, sizeof c->why, "%s %lld..%lld", TR("bị xóa: các mục", "removed: entries"),
                 (long long)(w->last_seq + 1), (long long)(seq - 1));
        return 1;
    }
    char *canon = canonical(seq, col(r, 1) ? col(r, 1) : "", r->v[2].i, col(r, 3) ? col(r, 3) : "",
                            col(r, 4) ? col(r, 4) : "", col(r, 5) ? col(r, 5) : "",
                            col(r, 6) ? col(r, 6) : "", col(r, 7), col(r, 8));
    char h[65];
    if (!canon || chain_hash(prev ? prev : "", canon, h)) {
        free(canon);
        w->nomem = 1;
        return 1;
    }
    free(canon);
    int self_ok = hash && strcmp(h, hash) == 0;
    if (!prev || strcmp(prev, w->last_hash) != 0) {
        /* This entry no longer links to the one before. If it is consistent
         * in itself, the one before was rewritten (with its hash recomputed);
         * otherwise this entry's link was edited. */
        c->ok = 0;
        if (self_ok && w->last_seq > 0) {
            c->bad_seq = w->last_seq;
            snprintf(c->why, sizeof c->why, "%s %lld",
                     TR("bị sửa: mã băm không còn khớp với liên kết của mục",
                        "altered: its hash no longer matches the link of entry"), (long long)seq);
        } else {
            c->bad_seq = seq;
            snprintf(c->why, sizeof c->why, "%s",
                     TR("bị sửa: liên kết (prev_hash) sai", "altered: its link (prev_hash) is wrong"));
        }
        return 1;
    }
    if (!self_ok) {
        c->ok = 0;
        c->bad_seq = seq;
        snprintf(c->why, sizeof c->why, "%s",
                 TR("bị sửa: nội dung không khớp mã băm", "altered: its content does not match its hash"));
        return 1;
    }
    w->last_seq = seq;
    snprintf(w->last_hash, sizeof w->last_hash, "%s", hash);
    return 0;
}

dti_rc audit_verify(store *s, const auth_user *u, audit_check *out, dti_err *e)
{
    dti_rc rc;
    struct walk w;
    struct head h;
    memset(out, 0, sizeof *out);
    memset(&h, 0, sizeof h);
    out->ok = 1;
    if ((rc = auth_can(s, u, AUTH_AUDIT, 0, e)))
        return rc;
    w.c = out;
    w.last_seq = 0;
    w.nomem = 0;
    snprintf(w.last_hash, sizeof w.last_hash, "%s", ZERO_HASH);
    if ((rc = store_query(s, "SELECT seq, at, user_id, user_name, action, entity, entity_id, "
                             "before_json, after_json, prev_hash, hash FROM audit ORDER BY seq",
                          NULL, 0, walk_row, &w, e)))
        return rc;
    if (w.nomem)
        return dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
    if (!out->ok)
        return DTI_OK;
    if ((rc = store_query(s, "SELECT seq, hash FROM audit_head WHERE id = 1", NULL, 0, head_row, &h, e)))
        return rc;
    if (!h.found)
        h.seq = 0;
    if (h.seq > w.last_seq) {
        out->ok = 0;
        out->bad_seq = w.last_seq + 1;
        snprintf(out->why, sizeof out->why, "%s %lld..%lld", TR("bị xóa: các mục", "removed: entries"),
                 (long long)(w.last_seq + 1), (long long)h.seq);
    } else if (h.seq < w.last_seq || (h.found && strcmp(h.hash, w.last_hash) != 0)) {
        out->ok = 0;
        out->bad_seq = w.last_seq;
        snprintf(out->why, sizeof out->why, "%s",
                 TR("bị sửa: mục mới nhất không khớp đầu nhật ký",
                    "altered: the newest entry does not match the log's head"));
    }
    return DTI_OK;
}

/* ---- log ----------------------------------------------------------------- */

struct log_ctx {
    json_t *arr;
    int nomem;
};

static json_t *json_or_text(const char *s)
{
    if (!s)
        return json_null();
    json_t *j = json_loads(s, JSON_DECODE_ANY, NULL);
    return j ? j : json_string(s);
}

static int log_row(void *ctx, const store_row *r)
{
    struct log_ctx *l = ctx;
    json_t *o = json_pack("{s:I, s:s, s:I, s:s, s:s, s:s, s:s, s:o, s:o, s:s}",
                          "seq", (json_int_t)r->v[0].i, "at", col(r, 1) ? col(r, 1) : "",
                          "user_id", (json_int_t)r->v[2].i, "user", col(r, 3) ? col(r, 3) : "",
                          "action", col(r, 4) ? col(r, 4) : "", "entity", col(r, 5) ? col(r, 5) : "",
                          "entity_id", col(r, 6) ? col(r, 6) : "", "before", json_or_text(col(r, 7)),
                          "after", json_or_text(col(r, 8)), "hash", col(r, 10) ? col(r, 10) : "");
    if (!o || json_array_append_new(l->arr, o)) {
        l->nomem = 1;
        return 1;
    }
    return 0;
}

dti_rc audit_log(store *s, const auth_user *u, const char *entity, const char *entity_id,
                 int64_t limit, json_t **out, dti_err *e)
{
    dti_rc rc;
    *out = NULL;
    if ((rc = auth_can(s, u, AUTH_AUDIT, 0, e)))
        return rc;
    return audit_entries(s, entity, entity_id, limit, out, e);
}

dti_rc audit_entries(store *s, const char *entity, const char *entity_id, int64_t limit,
                     json_t **out, dti_err *e)
{
    dti_rc rc;
    struct log_ctx l = {NULL, 0};
    store_val p[3];
    size_t n = 0;
    char sql[512];
    *out = NULL;
    if (!(l.arr = json_array()))
        return dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
    const char *where = "";
    if (entity && entity_id) {
        where = " WHERE entity = ? AND entity_id = ?";
        p[n++] = app_sv_text(entity);
        p[n++] = app_sv_text(entity_id);
    } else if (entity) {
        where = " WHERE entity = ?";
        p[n++] = app_sv_text(entity);
    }
    p[n++] = SV_I(limit > 0 ? limit : INT64_MAX);
    snprintf(sql, sizeof sql,
             "SELECT * FROM (SELECT seq, at, user_id, user_name, action, entity, entity_id, "
             "before_json, after_json, prev_hash, hash FROM audit%s ORDER BY seq DESC LIMIT ?) t "
             "ORDER BY seq", where);
    if ((rc = store_query(s, sql, p, n, log_row, &l, e)))
        goto fail;
    if (l.nomem) {
        rc = dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
        goto fail;
    }
    *out = l.arr;
    return DTI_OK;
fail:
    json_decref(l.arr);
    return rc;
}
