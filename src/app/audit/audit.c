/* audit.c — appending to, verifying and reading the keyed, hash-chained
 * audit log, its key file and its anchor log (all described in audit.h). */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "app/audit/audit.h"
#include "app/audit/audit_canon.h"
#include "app/app.h"
#include "store/store_audit.h"
#include "app/app_util.h"
#include "app/report/report_int.h"
#include "base/file.h"
#include "base/lang.h"

#define ZERO_HASH "0000000000000000000000000000000000000000000000000000000000000000"
#define CANON_FLAGS (JSON_COMPACT | JSON_SORT_KEYS)
#define KEY_BYTES crypto_auth_hmacsha256_KEYBYTES
#define KEY_ID_LEN 17
#define PATH_LEN 4200
#define ANCHOR_LINE_MAX 512
#define ANCHOR_FILE_MAX ((size_t)64 << 20)
#define KEY_ID_TEXT "dti audit key id"

/* ---- the key ----------------------------------------------------------------
 * Key files read are kept by path, with the file's identity (device, inode,
 * size, mtime) so that a key file replaced (dti restore) is read again. */

struct key_ent {
    char path[PATH_LEN];
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime;
    unsigned char k[KEY_BYTES];
    struct key_ent *next;
};

static pthread_mutex_t keys_mu = PTHREAD_MUTEX_INITIALIZER;
static struct key_ent *keys;            /* under keys_mu; kept for the process's life */
static unsigned char mem_key[KEY_BYTES];
static int mem_key_made;                /* under keys_mu */

/* The key file of S into PATH: 1, or 0 for a store without a file. */
static int key_path(store *s, char path[PATH_LEN])
{
    const char *env = getenv("DTI_AUDIT_KEY");
    const char *db = store_side_path(s);
    if (!db)
        return 0;
    if (env && *env)
        snprintf(path, PATH_LEN, "%s", env);
    else
        snprintf(path, PATH_LEN, "%s.audit-key", db);
    return 1;
}

static int anchor_path(store *s, char path[PATH_LEN])
{
    const char *db = store_side_path(s);
    if (!db)
        return 0;
    snprintf(path, PATH_LEN, "%s.audit-anchor", db);
    return 1;
}

static void key_id(const unsigned char k[KEY_BYTES], char out[KEY_ID_LEN])
{
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256(mac, (const unsigned char *)KEY_ID_TEXT, strlen(KEY_ID_TEXT), k);
    sodium_bin2hex(out, KEY_ID_LEN, mac, 8);
}

/* HMAC-SHA-256 hex of A then B under K: 0, or -1 out of memory.
 *
 * OpenSSL's HMAC (libcrypto), not libsodium's: the same function (RFC
 * 2104 over SHA-256, so every stored hash is what it always was), but
 * libcrypto uses the CPU's SHA extensions where it has them, and the
 * chained hash of a report save (~4 KB of entry) is computed under the
 * write lock: measured 75 us (libsodium) against 22 us (libcrypto) per
 * 10 KB on this machine's AMD EPYC. libcrypto's one-shot HMAC() takes one
 * buffer, so A and B are joined first (a copy costs far less than the
 * hash). */
static int mac_hex(const unsigned char k[KEY_BYTES], const char *a, size_t na, const char *b, size_t nb,
                   char out[65])
{
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    char *m = NULL;
    const unsigned char *msg = (const unsigned char *)a;
    if (nb) {
        if (!(m = malloc(na + nb)))
            return -1;
        memcpy(m, a, na);
        memcpy(m + na, b, nb);
        msg = (const unsigned char *)m;
    }
    const unsigned char *r = HMAC(EVP_sha256(), k, KEY_BYTES, msg, na + nb, mac, &len);
    free(m);
    if (!r || len != crypto_auth_hmacsha256_BYTES)
        return -1;
    sodium_bin2hex(out, 65, mac, len);
    sodium_memzero(mac, sizeof mac);
    return 0;
}

static dti_rc key_read(const char *path, unsigned char k[KEY_BYTES], struct stat *st, dti_err *e)
{
    char buf[256];
    ssize_t n;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return dti_fail(e, DTI_ERR_IO, "audit_key", "%s: không đọc được khóa nhật ký kiểm toán (%s)",
                        "%s: cannot read the audit key (%s)", path, strerror(errno));
    if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode)) {
        close(fd);
        return dti_fail(e, DTI_ERR_IO, "audit_key", "%s: khóa nhật ký kiểm toán không phải một tệp thường",
                        "%s: the audit key is not a regular file", path);
    }
    if (st->st_mode & 077) {
        close(fd);
        return dti_fail(e, DTI_ERR_PERM, "audit_key",
                        "%s: tệp khóa nhật ký kiểm toán để người khác đọc được (quyền %03o): chạy chmod 600 %s",
                        "%s: others may read the audit key file (mode %03o): run chmod 600 %s", path,
                        (unsigned)(st->st_mode & 0777), path);
    }
    n = read(fd, buf, sizeof buf - 1);
    close(fd);
    size_t len = 0;
    if (n > 0) {
        buf[n] = 0;
        while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r' || buf[n - 1] == ' '))
            buf[--n] = 0;
        if (sodium_hex2bin(k, KEY_BYTES, buf, (size_t)n, NULL, &len, NULL) != 0)
            len = 0;
    }
    sodium_memzero(buf, sizeof buf);
    if (n != 2 * KEY_BYTES || len != KEY_BYTES)
        return dti_fail(e, DTI_ERR_FORMAT, "audit_key",
                        "%s: tệp khóa nhật ký kiểm toán hỏng (cần đúng 64 chữ số hex)",
                        "%s: the audit key file is damaged (64 hex digits expected)", path);
    return DTI_OK;
}

/* Make the key file PATH: a new key written to a temporary file, fsynced,
 * then link()ed to PATH, which fails if another process made it first (its
 * key is then read). */
static dti_rc key_create(const char *path, unsigned char k[KEY_BYTES], struct stat *st, dti_err *e)
{
    char tmp[PATH_LEN + 32], hex[2 * KEY_BYTES + 2];
    dti_rc rc;
    if ((rc = auth_init(e)))
        return rc;
    snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, (long)getpid());
    unlink(tmp);
    randombytes_buf(k, KEY_BYTES);
    sodium_bin2hex(hex, sizeof hex, k, KEY_BYTES);
    size_t n = strlen(hex);
    hex[n++] = '\n';
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    int ok = fd >= 0 && write(fd, hex, n) == (ssize_t)n && fsync(fd) == 0;
    int err = errno;
    if (fd >= 0)
        close(fd);
    sodium_memzero(hex, sizeof hex);
    if (ok && link(tmp, path) != 0) {
        err = errno;
        ok = 0;
        if (err == EEXIST) {
            unlink(tmp);
            return key_read(path, k, st, e);
        }
    }
    unlink(tmp);
    if (!ok)
        return dti_fail(e, DTI_ERR_IO, "audit_key", "%s: không tạo được khóa nhật ký kiểm toán (%s)",
                        "%s: cannot create the audit key (%s)", path, strerror(err));
    return key_read(path, k, st, e);
}

/* S's key into K. CREATE: make the key file when there is none. */
static dti_rc key_get(store *s, int create, unsigned char k[KEY_BYTES], dti_err *e)
{
    char path[PATH_LEN];
    struct stat st;
    dti_rc rc = DTI_OK;
    pthread_mutex_lock(&keys_mu);
    if (!key_path(s, path)) {
        if (!mem_key_made) {
            if ((rc = auth_init(e)))
                goto out;
            randombytes_buf(mem_key, KEY_BYTES);
            mem_key_made = 1;
        }
        memcpy(k, mem_key, KEY_BYTES);
        goto out;
    }
    if (stat(path, &st) == 0) {
        for (struct key_ent *x = keys; x; x = x->next)
            if (strcmp(x->path, path) == 0 && x->dev == st.st_dev && x->ino == st.st_ino &&
                x->size == st.st_size && x->mtime.tv_sec == st.st_mtim.tv_sec &&
                x->mtime.tv_nsec == st.st_mtim.tv_nsec) {
                memcpy(k, x->k, KEY_BYTES);
                goto out;
            }
        rc = key_read(path, k, &st, e);
    } else if (errno == ENOENT && create) {
        rc = key_create(path, k, &st, e);
    } else if (errno == ENOENT) {
        rc = dti_fail(e, DTI_ERR_NOTFOUND, "audit_key",
                      "%s: thiếu tệp khóa nhật ký kiểm toán: hãy khôi phục nó từ bản sao lưu (tệp .audit-key "
                      "bên cạnh bản sao); khi chưa có khóa, không ghi được thay đổi nào",
                      "%s: the audit key file is missing: restore it from a backup (the .audit-key file "
                      "beside the copy); no change can be written without it", path);
    } else {
        rc = dti_fail(e, DTI_ERR_IO, "audit_key", "%s: %s", "%s: %s", path, strerror(errno));
    }
    if (rc)
        goto out;
    {
        struct key_ent *x = calloc(1, sizeof *x);
        if (x) {    /* not kept when out of memory: read again next time */
            snprintf(x->path, sizeof x->path, "%s", path);
            x->dev = st.st_dev;
            x->ino = st.st_ino;
            x->size = st.st_size;
            x->mtime = st.st_mtim;
            memcpy(x->k, k, KEY_BYTES);
            x->next = keys;
            keys = x;
        }
    }
out:
    pthread_mutex_unlock(&keys_mu);
    return rc;
}

/* ---- the chain's state: head and switch point -------------------------------- */

struct state {
    int have_head;
    audit_mark head;
    int have_keying;
    int64_t from_seq;
    char key_id[KEY_ID_LEN];    /* "" while no key was used */
};

static dti_rc state_read(store *s, struct state *t, dti_err *e)
{
    store_audit_state x;
    dti_rc rc;
    memset(t, 0, sizeof *t);
    if ((rc = store_audit_state_get(s, &x, e)))
        return rc;
    t->have_head = x.have_head;
    t->head.seq = x.head_seq;
    snprintf(t->head.hash, sizeof t->head.hash, "%s", x.head_hash);
    t->have_keying = x.have_keying;
    t->from_seq = x.from_seq;
    snprintf(t->key_id, sizeof t->key_id, "%s", x.key_id);
    if (!t->have_head)
        snprintf(t->head.hash, sizeof t->head.hash, "%s", ZERO_HASH);
    t->head.keyed = t->have_keying && t->head.seq >= t->from_seq && t->head.seq > 0;
    return DTI_OK;
}

static dti_rc tampered_keying(dti_err *e)
{
    return dti_fail(e, DTI_ERR_STORE, "audit",
                    "nhật ký kiểm toán bị can thiệp (bảng audit_keying bị xóa): chạy dti audit verify",
                    "the audit log was tampered with (table audit_keying removed): run dti audit verify");
}

/* ---- the anchor log ------------------------------------------------------- */

/* Append one line for M to S's anchor log under K. */
static dti_rc anchor_write(store *s, const unsigned char k[KEY_BYTES], const char *why, time_t now,
                           const audit_mark *m, int64_t from_seq, const char *kid, dti_err *e)
{
    char path[PATH_LEN], line[ANCHOR_LINE_MAX], at[AUTH_TS_LEN], mac[65];
    if (!anchor_path(s, path))
        return DTI_OK;
    auth_ts(now, at);
    int n = snprintf(line, sizeof line, "dti-anchor/1 %s %s %lld %s %lld %s", at, why, (long long)m->seq,
                     m->hash, (long long)from_seq, kid);
    if (n < 0 || (size_t)n + 70 >= sizeof line)
        return dti_fail(e, DTI_ERR_INTERNAL, "", "dòng neo quá dài", "anchor line too long");
    if (mac_hex(k, line, (size_t)n, "", 0, mac))
        return dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
    n += snprintf(line + n, sizeof line - (size_t)n, " %s\n", mac);
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    int ok = fd >= 0 && write(fd, line, (size_t)n) == n && fsync(fd) == 0;
    int err = errno;
    if (fd >= 0)
        close(fd);
    if (!ok)
        return dti_fail(e, DTI_ERR_IO, "audit_anchor", "%s: không ghi được nhật ký neo (%s)",
                        "%s: cannot write the anchor log (%s)", path, strerror(err));
    return DTI_OK;
}

/* An anchor log left by an earlier database at the same path (one that was
 * deleted or moved without it) is not this one's: this database has never
 * anchored while its key_id is NULL. Moved aside, not deleted. */
static void anchor_set_aside(store *s, time_t now)
{
    char path[PATH_LEN], to[PATH_LEN + 40];
    if (!anchor_path(s, path) || access(path, F_OK) != 0)
        return;
    snprintf(to, sizeof to, "%s.stale-%lld", path, (long long)now);
    rename(path, to);
}

/* Under an open write transaction: S's key into K, made and recorded when
 * the database has none yet (T from state_read). */
static dti_rc key_for_write(store *s, struct state *t, time_t now, unsigned char k[KEY_BYTES], dti_err *e)
{
    dti_rc rc;
    char kid[KEY_ID_LEN];
    if (!t->have_keying)
        return tampered_keying(e);
    if ((rc = key_get(s, t->key_id[0] == 0, k, e)))
        return rc;
    key_id(k, kid);
    if (t->key_id[0]) {
        if (strcmp(kid, t->key_id) != 0) {
            char path[PATH_LEN] = ":memory:";
            key_path(s, path);
            return dti_fail(e, DTI_ERR_STORE, "audit_key",
                            "%s: tệp khóa này (mã %s) không phải khóa của cơ sở dữ liệu (mã %s): hãy khôi phục "
                            "đúng tệp khóa từ bản sao lưu; không ghi được thay đổi nào",
                            "%s: this key file (id %s) is not the database's key (id %s): restore the right "
                            "key file from a backup; no change can be written", path, kid, t->key_id);
        }
        return DTI_OK;
    }
    /* the key's first use by this database */
    if ((rc = store_audit_key_id_set(s, kid, e)))
        return rc;
    anchor_set_aside(s, now);
    snprintf(t->key_id, sizeof t->key_id, "%s", kid);
    return anchor_write(s, k, "key", now, &t->head, t->from_seq, kid, e);
}

/* ---- canonical form and hash ------------------------------------------------- */

/* The canonical text: audit_canon.h (audit_canon_text for new entries,
 * audit_canon_json, the reference, when verifying stored ones). */

/* The hash of an entry: HMAC under K when K, else SHA-256, of PREV then CANON. */
static int chain_hash(const unsigned char *k, const char *prev, const char *canon, char out[65])
{
    size_t a = strlen(prev), b = strlen(canon);
    if (k)
        return mac_hex(k, prev, a, canon, b, out);
    char *m = malloc(a + b + 1);
    if (!m)
        return -1;
    memcpy(m, prev, a);
    memcpy(m + a, canon, b + 1);
    file_sha256_hex(m, a + b, out);
    free(m);
    return 0;
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

/* B and A (each NULL for none) within AUDIT_JSON_MAX. */
static dti_rc fits(const char *b, const char *a, dti_err *e)
{
    if ((b && strlen(b) > AUDIT_JSON_MAX) || (a && strlen(a) > AUDIT_JSON_MAX))
        return dti_fail(e, DTI_ERR_TOOBIG, "audit", "mục nhật ký quá lớn", "audit entry too big");
    return DTI_OK;
}

/* Append the entry with its images B and A as texts (each NULL for none). */
static dti_rc append_text(store *s, const auth_user *who, time_t now, const char *action, const char *entity,
                          const char *entity_id, const char *b, const char *a, dti_err *e)
{
    dti_rc rc;
    char *canon = NULL;
    char at[AUTH_TS_LEN], hash[65];
    unsigned char k[KEY_BYTES];
    struct state t;
    int in_tx = 0, keyed;
    int64_t uid = who ? who->id : 0;
    const char *uname = who ? who->name : "system";

    if ((rc = store_begin(s, e)))
        goto out;
    in_tx = 1;
    if ((rc = state_read(s, &t, e)))
        goto out;
    auth_ts(now, at);
    int64_t seq = t.head.seq + 1;
    if (!t.have_keying) {
        rc = tampered_keying(e);
        goto out;
    }
    keyed = seq >= t.from_seq;
    if (keyed && (rc = key_for_write(s, &t, now, k, e)))
        goto out;
    if (!(canon = audit_canon_text(seq, at, uid, uname, action, entity, entity_id, b, a)) ||
        chain_hash(keyed ? k : NULL, t.head.hash, canon, hash)) {
        rc = dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
        goto out;
    }
    {
        store_audit_entry x = {seq, at, uid, uname, action, entity, entity_id, b, a, t.head.hash, hash};
        if ((rc = store_audit_append(s, &x, e)))
            goto out;
    }
    if ((rc = store_commit(s, e)))
        goto out;
    in_tx = 0;
out:
    if (in_tx)
        store_rollback(s);
    sodium_memzero(k, sizeof k);
    free(canon);
    return rc;
}

dti_rc audit_append(store *s, const auth_user *who, time_t now, const char *action,
                    const char *entity, const char *entity_id, const json_t *before,
                    const json_t *after, dti_err *e)
{
    dti_rc rc;
    char *b = NULL, *a = NULL;
    if (!(rc = dump(before, &b, e)) && !(rc = dump(after, &a, e)))
        rc = append_text(s, who, now, action, entity, entity_id, b, a, e);
    free(b);
    free(a);
    return rc;
}

dti_rc audit_append_text(store *s, const auth_user *who, time_t now, const char *action,
                         const char *entity, int64_t entity_id, const char *before,
                         const char *after, dti_err *e)
{
    char id[24];
    dti_rc rc = fits(before, after, e);
    if (rc)
        return rc;
    snprintf(id, sizeof id, "%lld", (long long)entity_id);
    return append_text(s, who, now, action, entity, id, before, after, e);
}

dti_rc audit_append_id(store *s, const auth_user *who, time_t now, const char *action,
                       const char *entity, int64_t entity_id, const json_t *before,
                       const json_t *after, dti_err *e)
{
    char id[24];
    snprintf(id, sizeof id, "%lld", (long long)entity_id);
    return audit_append(s, who, now, action, entity, id, before, after, e);
}

/* ---- head and anchors ------------------------------------------------------ */

dti_rc audit_head(store *s, audit_mark *out, dti_err *e)
{
    struct state t;
    dti_rc rc = state_read(s, &t, e);
    memset(out, 0, sizeof *out);
    if (rc)
        return rc;
    *out = t.head;
    return DTI_OK;
}

char *audit_head_text(const audit_mark *m, char out[AUDIT_HEAD_TEXT])
{
    snprintf(out, AUDIT_HEAD_TEXT, "%lld-%.*s", (long long)m->seq, AUDIT_HEAD_HEX, m->hash);
    return out;
}

dti_rc audit_anchor(store *s, const char *why, time_t now, audit_mark *out, dti_err *e)
{
    dti_rc rc;
    struct state t;
    unsigned char k[KEY_BYTES];
    if (out)
        memset(out, 0, sizeof *out);
    if (!why || !*why || strspn(why, "abcdefghijklmnopqrstuvwxyz") != strlen(why))
        return dti_fail(e, DTI_ERR_INTERNAL, "", "lý do neo không hợp lệ", "bad anchor reason");
    /* the key's first use is a write: take the write lock before reading */
    if ((rc = store_begin(s, e)))
        return rc;
    if ((rc = state_read(s, &t, e)))
        goto fail;
    if (store_side_path(s)) {
        if ((rc = key_for_write(s, &t, now, k, e)) ||
            (rc = anchor_write(s, k, why, now, &t.head, t.from_seq, t.key_id, e)))
            goto fail;
    }
    sodium_memzero(k, sizeof k);
    if ((rc = store_commit(s, e)))
        return rc;
    if (out)
        *out = t.head;
    return DTI_OK;
fail:
    sodium_memzero(k, sizeof k);
    store_rollback(s);
    return rc;
}

/* ---- verify ---------------------------------------------------------------- */

static const char *or_empty(const char *s)
{
    return s ? s : "";
}

static void bad(audit_check *c, int64_t seq, const char *fmt_vi, const char *fmt_en, ...)
    __attribute__((format(printf, 4, 5)));

/* Mark C failed at SEQ (0: not one entry) with a message (first one wins). */
static void bad(audit_check *c, int64_t seq, const char *fmt_vi, const char *fmt_en, ...)
{
    va_list ap;
    if (!c->ok)
        return;
    c->ok = 0;
    c->bad_seq = seq;
    va_start(ap, fmt_en);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    vsnprintf(c->why, sizeof c->why, lang_get() == LANG_EN ? fmt_en : fmt_vi, ap);
#pragma GCC diagnostic pop
    va_end(ap);
}

struct walk {
    audit_check *c;
    int64_t last_seq;
    char last_hash[65];
    int nomem;
    int64_t from_seq;
    const unsigned char *k;     /* NULL: no entry may be keyed */
};

static int walk_row(void *ctx, const store_audit_entry *x)
{
    struct walk *w = ctx;
    audit_check *c = w->c;
    int64_t seq = x->seq;
    const char *prev = x->prev_hash, *hash = x->hash;
    c->entries++;
    if (seq != w->last_seq + 1) {
        bad(c, w->last_seq + 1, "bị xóa: các mục %lld..%lld", "removed: entries %lld..%lld",
            (long long)(w->last_seq + 1), (long long)(seq - 1));
        return 1;
    }
    char *canon = audit_canon_json(seq, or_empty(x->at), x->user_id, or_empty(x->user_name), or_empty(x->action),
                            or_empty(x->entity), or_empty(x->entity_id), x->before, x->after);
    char h[65];
    if (!canon || chain_hash(seq >= w->from_seq ? w->k : NULL, prev ? prev : "", canon, h)) {
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
        if (self_ok && w->last_seq > 0)
            bad(c, w->last_seq, "bị sửa: mã băm không còn khớp với liên kết của mục %lld",
                "altered: its hash no longer matches the link of entry %lld", (long long)seq);
        else
            bad(c, seq, "bị sửa: liên kết (prev_hash) sai", "altered: its link (prev_hash) is wrong");
        return 1;
    }
    if (!self_ok) {
        if (seq >= w->from_seq)
            bad(c, seq, "bị sửa: nội dung không khớp mã khóa HMAC (mục này thuộc phần chuỗi có khóa, từ mục %lld)",
                "altered: its content does not match its keyed HMAC (keyed chain from entry %lld)",
                (long long)w->from_seq);
        else
            bad(c, seq, "bị sửa: nội dung không khớp mã băm", "altered: its content does not match its hash");
        return 1;
    }
    w->last_seq = seq;
    snprintf(w->last_hash, sizeof w->last_hash, "%s", hash);
    return 0;
}

/* The hash of entry SEQ into OUT (64 zeros for 0): 1, or 0 when missing. */
static dti_rc hash_of(store *s, int64_t seq, char out[65], int *found, dti_err *e)
{
    char *h = NULL;
    *found = 0;
    if (seq == 0) {
        snprintf(out, 65, "%s", ZERO_HASH);
        *found = 1;
        return DTI_OK;
    }
    dti_rc rc = store_audit_hash(s, seq, &h, e);
    if (!rc && h) {
        snprintf(out, 65, "%s", h);
        *found = 1;
    }
    free(h);
    return rc;
}

/* The anchor log of S into *OUT (caller frees; NULL when S has none). */
static dti_rc anchor_load(store *s, char **out, size_t *n, dti_err *e)
{
    char path[PATH_LEN];
    *out = NULL;
    *n = 0;
    if (!anchor_path(s, path) || access(path, F_OK) != 0)
        return DTI_OK;
    return file_read(path, ANCHOR_FILE_MAX, out, n, e);
}

/* Check every line of the anchor log TEXT against the chain, the key K
 * (NULL: none to check with) named KID. FIRST_USE: the database has never
 * recorded a key; the only lines allowed are those of a first use whose
 * transaction was rolled back ("key" lines at the current head). */
static dti_rc anchors_check(store *s, const char *text, size_t n, const unsigned char *k, const char *kid_want,
                            int first_use, const struct state *t, audit_check *c, dti_err *e)
{
    size_t lineno = 0;
    const char *p = text, *end = text + n;
    while (p < end && c->ok) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        char line[ANCHOR_LINE_MAX], at[40], why[40], hash[80], kid[40], mac[80], want[65], have[65];
        long long seq, from;
        lineno++;
        if (len == 0 || len >= sizeof line) {
            if (len)
                bad(c, 0, "nhật ký neo, dòng %zu: dòng không hợp lệ", "anchor log, line %zu: not a valid line",
                    lineno);
            p += len + 1;
            continue;
        }
        memcpy(line, p, len);
        line[len] = 0;
        p += len + 1;
        const char *sp = strrchr(line, ' ');
        if (sscanf(line, "dti-anchor/1 %39s %39s %lld %79s %lld %39s %79s", at, why, &seq, hash, &from, kid,
                   mac) != 7 || !sp || strcmp(sp + 1, mac) != 0) {
            bad(c, 0, "nhật ký neo, dòng %zu: dòng không hợp lệ", "anchor log, line %zu: not a valid line", lineno);
            break;
        }
        if (!k) {
            bad(c, 0, "nhật ký neo có dòng nhưng cơ sở dữ liệu chưa từng dùng khóa (bảng audit_keying bị sửa?)",
                "the anchor log has lines but the database never used a key (audit_keying altered?)");
            break;
        }
        if (mac_hex(k, line, (size_t)(sp - line), "", 0, want))
            return dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
        if (strcmp(want, mac) != 0) {
            bad(c, 0, "nhật ký neo, dòng %zu: mã HMAC sai (dòng bị sửa hoặc giả mạo)",
                "anchor log, line %zu: wrong HMAC (the line was altered or forged)", lineno);
            break;
        }
        c->anchors++;
        if (first_use && (strcmp(why, "key") != 0 || seq != t->head.seq)) {
            bad(c, 0, "nhật ký neo, dòng %zu (%s, %s) neo mục %lld nhưng cơ sở dữ liệu ghi rằng chưa từng dùng khóa "
                      "(audit_keying bị sửa)",
                "anchor log, line %zu (%s, %s) anchors entry %lld but the database says it never used a key "
                "(audit_keying altered)", lineno, why, at, seq);
            break;
        }
        if (from != t->from_seq || strcmp(kid, kid_want) != 0) {
            bad(c, 0, "nhật ký neo, dòng %zu (%s, %s): chuỗi có khóa từ mục %lld, khóa %s, nhưng cơ sở dữ liệu "
                      "ghi mục %lld, khóa %s (điểm chuyển bị sửa)",
                "anchor log, line %zu (%s, %s): keyed from entry %lld with key %s, but the database says entry "
                "%lld, key %s (the switch point was altered)",
                lineno, why, at, from, kid, (long long)t->from_seq, kid_want);
            break;
        }
        int found = 0;
        dti_rc rc = hash_of(s, seq, have, &found, e);
        if (rc)
            return rc;
        if (!found)
            bad(c, seq, "bị xóa: mục %lld đã được neo (%s, %s) nhưng không còn trong nhật ký",
                "removed: entry %lld was anchored (%s, %s) but is no longer in the log", seq, why, at);
        else if (strcmp(have, hash) != 0)
            bad(c, seq, "bị sửa: mục %lld không còn mã băm đã neo (%s, %s)",
                "altered: entry %lld no longer has the hash anchored (%s, %s)", seq, why, at);
    }
    return DTI_OK;
}

/* "SEQ-HEX" (HEX: 8..64 hex digits) into *SEQ and HEX. 0, or -1. */
static int parse_mark(const char *m, int64_t *seq, char hex[65])
{
    char *end = NULL;
    long long v = strtoll(m, &end, 10);
    if (!end || end == m || *end != '-' || v < 0 || m[0] == '-' || m[0] == '+')
        return -1;
    size_t n = strlen(end + 1);
    if (n < 8 || n > 64 || strspn(end + 1, "0123456789abcdefABCDEF") != n)
        return -1;
    for (size_t i = 0; i <= n; i++)
        hex[i] = (char)((end[1 + i] >= 'A' && end[1 + i] <= 'F') ? end[1 + i] + 32 : end[1 + i]);
    *seq = v;
    return 0;
}

/* ---- reports against their after-images ------------------------------------- */

/* 1 when every key of WANT (recursively; arrays element by element, of the
 * same length) has the same value in HAVE; else 0 and the first difference
 * named in PATH ("values[4.1].value"). */
static int covers(const json_t *want, const json_t *have, char *path, size_t cap)
{
    size_t used = strlen(path);
    if (json_is_object(want)) {
        const char *key;
        json_t *v;
        if (!json_is_object(have))
            return 0;
        json_object_foreach((json_t *)want, key, v) {
            snprintf(path + used, cap - used, "%s%s", used ? "." : "", key);
            if (!covers(v, json_object_get(have, key), path, cap))
                return 0;
            path[used] = 0;
        }
        return 1;
    }
    if (json_is_array(want)) {
        if (!json_is_array(have) || json_array_size(want) != json_array_size(have)) {
            snprintf(path + used, cap - used, " (%zu ≠ %zu)", json_array_size(want),
                     json_is_array(have) ? json_array_size(have) : 0);
            return 0;
        }
        for (size_t i = 0; i < json_array_size(want); i++) {
            const json_t *x = json_array_get(want, i);
            const char *label = json_string_value(json_object_get(x, "indicator"));
            if (!label)
                label = json_string_value(json_object_get(x, "task"));
            if (label)
                snprintf(path + used, cap - used, "[%s]", label);
            else
                snprintf(path + used, cap - used, "[%zu]", i);
            if (!covers(x, json_array_get(have, i), path, cap))
                return 0;
            path[used] = 0;
        }
        return 1;
    }
    if (!have)
        return json_is_null(want);
    if (json_is_number(want) && json_is_number(have))
        return json_number_value(want) == json_number_value(have);
    return json_equal((json_t *)want, (json_t *)have);
}

struct images {
    json_t *head;       /* the newest after-image */
    json_t *items;      /* the newest after-image with "values" */
    int64_t head_seq, items_seq;
};

/* Fold one after-image X into M: the newest image, and the newest with
 * "values" (rows come newest first). */
static void image_take(struct images *m, const store_audit_entry *x)
{
    const char *a = x->after;
    if (m->head && m->items)
        return;
    json_t *j = a ? json_loads(a, 0, NULL) : NULL;
    if (!json_is_object(j)) {
        json_decref(j);
        return;
    }
    if (!m->head) {
        m->head = json_incref(j);
        m->head_seq = x->seq;
    }
    if (!m->items && json_object_get(j, "values")) {
        m->items = json_incref(j);
        m->items_seq = x->seq;
    }
    json_decref(j);
}

/* One batch of reports (at most STORE_AUDIT_BATCH): their ids, as text
 * too (the log's entity_id), and the images of each. */
struct batch {
    const int64_t *ids;
    size_t n;
    char (*txt)[24];
    struct images *m;
};

static int batch_image_row(void *ctx, const store_audit_entry *x)
{
    struct batch *b = ctx;
    char *end = NULL;
    long long v = x->entity_id ? strtoll(x->entity_id, &end, 10) : 0;
    size_t lo = 0, hi = b->n;
    if (!end || *end)
        return 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (b->ids[mid] < v)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < b->n && b->ids[lo] == v && strcmp(b->txt[lo], x->entity_id) == 0)
        image_take(&b->m[lo], x);
    return 0;
}

/* Report ID (its snapshot CUR, the images M of the log) against the log:
 * the first difference goes into C. */
static void report_check_one(audit_check *c, const char *id, json_t *cur, const struct images *m)
{
    char path[256] = "";
    const char *period = json_string_value(json_object_get(cur, "period"));
    if (!m->head) {
        bad(c, 0, "báo cáo số %s (kỳ %s) không có mục nào trong nhật ký: đã được ghi thẳng vào cơ sở dữ liệu",
            "report %s (period %s) has no entry in the log: it was written into the database directly", id,
            period ? period : "?");
        return;
    }
    const char *key;
    json_t *v;
    json_object_foreach(m->head, key, v) {
        if (!strcmp(key, "values") || !strcmp(key, "tasks"))
            continue;
        snprintf(path, sizeof path, "%s", key);
        if (!covers(v, json_object_get(cur, key), path, sizeof path)) {
            bad(c, m->head_seq, "báo cáo số %s (kỳ %s) khác với nhật ký (mục %lld): %s bị sửa thẳng trong "
                                "cơ sở dữ liệu",
                "report %s (period %s) differs from the log (entry %lld): %s was edited in the database "
                "directly", id, period ? period : "?", (long long)m->head_seq, path);
            break;
        }
    }
    json_t *cv = json_object_get(cur, "values"), *ct = json_object_get(cur, "tasks");
    int has_items = json_array_size(cv) + json_array_size(ct) > 0;
    if (c->ok && !m->items && has_items) {
        bad(c, 0, "báo cáo số %s (kỳ %s) có số liệu mà nhật ký không ghi: đã được ghi thẳng vào cơ sở dữ liệu",
            "report %s (period %s) has figures the log does not record: written into the database "
            "directly", id, period ? period : "?");
    } else if (c->ok && m->items) {
        static const char *const items[] = {"values", "tasks"};
        for (size_t k = 0; k < 2 && c->ok; k++) {
            snprintf(path, sizeof path, "%s", items[k]);
            if (!covers(json_object_get(m->items, items[k]), json_object_get(cur, items[k]), path,
                        sizeof path))
                bad(c, m->items_seq, "báo cáo số %s (kỳ %s) khác với nhật ký (mục %lld): %s bị sửa thẳng "
                                     "trong cơ sở dữ liệu",
                    "report %s (period %s) differs from the log (entry %lld): %s was edited in the "
                    "database directly", id, period ? period : "?", (long long)m->items_seq, path);
        }
    }
}

/* Every report against its after-images, in id order, the first
 * difference reported. Read in batches of STORE_AUDIT_BATCH reports: four
 * statements a batch (the heads, values and tasks of an id range,
 * report_snapshots; the batch's after-images, store_audit_after_images_in)
 * instead of four a report — on PostgreSQL each statement is a round trip,
 * and the country's 292k reports took 4.5 min that way. */
static dti_rc reports_check(store *s, audit_check *c, dti_err *e)
{
    struct { int64_t *v; size_t n; } ids = {NULL, 0};
    dti_rc rc;
    int64_t gone = 0;
    int found = 0;
    json_t *cur[STORE_AUDIT_BATCH];
    struct images m[STORE_AUDIT_BATCH];
    char txt[STORE_AUDIT_BATCH][24];
    const char *tp[STORE_AUDIT_BATCH];
    size_t nb = 0;
    memset(cur, 0, sizeof cur);
    memset(m, 0, sizeof m);
    if ((rc = store_audit_report_ids(s, &ids.v, &ids.n, e)))
        goto out;
    for (size_t at = 0; at < ids.n && c->ok; at += nb) {
        nb = ids.n - at < STORE_AUDIT_BATCH ? ids.n - at : STORE_AUDIT_BATCH;
        struct batch b = {ids.v + at, nb, txt, m};
        for (size_t i = 0; i < nb; i++) {
            snprintf(txt[i], sizeof txt[i], "%lld", (long long)ids.v[at + i]);
            tp[i] = txt[i];
        }
        if ((rc = report_snapshots(s, ids.v + at, nb, cur, e)) ||
            (rc = store_audit_after_images_in(s, "report", tp, nb, batch_image_row, &b, e)))
            goto out;
        for (size_t i = 0; i < nb && c->ok; i++) {
            c->reports++;
            report_check_one(c, txt[i], cur[i], &m[i]);
        }
        for (size_t i = 0; i < nb; i++) {
            json_decref(cur[i]);
            json_decref(m[i].head);
            json_decref(m[i].items);
            cur[i] = NULL;
            memset(&m[i], 0, sizeof m[i]);
        }
    }
    if (c->ok) {
        if ((rc = store_audit_report_gone(s, &gone, &found, e)))
            goto out;
        if (found)
            bad(c, 0, "báo cáo số %lld có trong nhật ký nhưng đã bị xóa khỏi cơ sở dữ liệu",
                "report %lld is in the log but was deleted from the database", (long long)gone);
    }
out:
    for (size_t i = 0; i < STORE_AUDIT_BATCH; i++) {
        json_decref(cur[i]);
        json_decref(m[i].head);
        json_decref(m[i].items);
    }
    free(ids.v);
    return rc;
}

dti_rc audit_check_store(store *s, const char *const *heads, size_t nheads, audit_check *out, dti_err *e)
{
    dti_rc rc;
    struct walk w;
    struct state t;
    unsigned char k[KEY_BYTES];
    int have_key = 0, file_key = 0, in_tx = 0;
    char fkid[KEY_ID_LEN] = "";
    char *anchors = NULL;
    size_t nanchors = 0;
    memset(out, 0, sizeof *out);
    memset(&w, 0, sizeof w);
    out->ok = 1;
    if (nheads > AUDIT_HEADS_MAX)
        return dti_fail(e, DTI_ERR_INPUT, "head", "quá nhiều --head (tối đa %d)", "too many --head (at most %d)",
                        AUDIT_HEADS_MAX);
    for (size_t i = 0; i < nheads; i++) {
        int64_t seq;
        char hex[65];
        if (parse_mark(heads[i], &seq, hex))
            return dti_fail(e, DTI_ERR_INPUT, "head",
                            "--head %s: cần dạng SỐ-MÃ (số mục, dấu gạch, ít nhất 8 chữ số hex của mã băm), như "
                            "in trên bảng xếp hạng đã công bố",
                            "--head %s: expected SEQ-HASH (the entry's number, a dash, at least 8 hex digits of "
                            "its hash), as printed on a published ranking", heads[i]);
    }
    /* the anchor log before the snapshot: a line names only committed entries */
    if ((rc = anchor_load(s, &anchors, &nanchors, e)))
        return rc;
    if ((rc = store_begin_read(s, e)))
        goto out;
    in_tx = 1;
    if ((rc = state_read(s, &t, e)))
        goto out;
    out->head = t.head;
    if (!t.have_keying) {
        bad(out, 0, "bảng audit_keying (điểm chuyển sang chuỗi có khóa) bị xóa",
            "table audit_keying (the switch to the keyed chain) was removed");
        goto done;
    }
    out->keyed_from = t.from_seq;
    if (t.key_id[0]) {
        char kid[KEY_ID_LEN];
        if ((rc = key_get(s, 0, k, e))) {
            /* cannot be proven without its key: say so as the finding */
            bad(out, 0, "%s", "%s", e ? e->msg : "audit key");
            out->no_key = 1;
            rc = DTI_OK;
            goto done;
        }
        have_key = 1;
        key_id(k, kid);
        if (strcmp(kid, t.key_id) != 0) {
            char path[PATH_LEN] = ":memory:";
            key_path(s, path);
            bad(out, 0, "%s: tệp khóa này (mã %s) không phải khóa của cơ sở dữ liệu (mã %s)",
                "%s: this key file (id %s) is not the database's key (id %s)", path, kid, t.key_id);
            goto done;
        }
    }
    w.c = out;
    w.from_seq = t.from_seq;
    w.k = have_key ? k : NULL;
    snprintf(w.last_hash, sizeof w.last_hash, "%s", ZERO_HASH);
    if (!have_key && store_side_path(s)) {
        /* a key file, but no key recorded: only a first use rolled back
         * leaves that, and then its "key" anchor line */
        char kp[PATH_LEN];
        key_path(s, kp);
        if (access(kp, F_OK) == 0) {
            if ((rc = key_get(s, 0, k, e))) {
                bad(out, 0, "%s", "%s", e ? e->msg : "audit key");
                rc = DTI_OK;
                goto done;
            }
            key_id(k, fkid);
            file_key = 1;
            if (!anchors || !nanchors) {
                bad(out, 0, "%s: có tệp khóa nhưng cơ sở dữ liệu ghi rằng chưa từng dùng khóa, và nhật ký neo "
                            "không còn (audit_keying bị sửa, nhật ký neo bị xóa)",
                    "%s: a key file exists but the database says it never used a key, and the anchor log is "
                    "gone (audit_keying altered, anchor log deleted)", kp);
                goto done;
            }
        }
    }
    if (!have_key) {
        int64_t n = 0;
        if ((rc = store_audit_count_from(s, t.from_seq, &n, e)))
            goto out;
        if (n > 0) {
            bad(out, t.from_seq, "có mục từ điểm chuyển %lld trở đi nhưng cơ sở dữ liệu chưa từng dùng khóa "
                                 "(audit_keying bị sửa)",
                "entries from the switch point %lld on, but the database never used a key (audit_keying "
                "altered)", (long long)t.from_seq);
            goto done;
        }
    }
    if ((rc = store_audit_walk(s, walk_row, &w, e)))
        goto out;
    if (w.nomem) {
        rc = app_nomem(e);
        goto out;
    }
    if (!out->ok)
        goto done;
    if (t.head.seq > w.last_seq)
        bad(out, w.last_seq + 1, "bị xóa: các mục %lld..%lld", "removed: entries %lld..%lld",
            (long long)(w.last_seq + 1), (long long)t.head.seq);
    else if (t.head.seq < w.last_seq || (t.have_head && strcmp(t.head.hash, w.last_hash) != 0))
        bad(out, w.last_seq, "bị sửa: mục mới nhất không khớp đầu nhật ký",
            "altered: the newest entry does not match the log's head");
    if (out->ok && have_key && store_side_path(s) && !nanchors) {
        char ap[PATH_LEN];
        anchor_path(s, ap);
        bad(out, 0, "%s: nhật ký neo bị xóa hoặc làm rỗng (khóa đã được dùng nên nó phải có ít nhất dòng \"key\")",
            "%s: the anchor log was deleted or emptied (the key was used, so it must hold at least its \"key\" "
            "line)", ap);
    }
    if (out->ok && anchors &&
        (rc = anchors_check(s, anchors, nanchors, have_key || file_key ? k : NULL, have_key ? t.key_id : fkid,
                            !have_key, &t, out, e)))
        goto out;
    for (size_t i = 0; i < nheads && out->ok; i++) {
        int64_t seq = 0;
        char hex[65], have[65];
        int found = 0;
        parse_mark(heads[i], &seq, hex);
        if ((rc = hash_of(s, seq, have, &found, e)))
            goto out;
        out->heads++;
        if (!found)
            bad(out, seq, "bị xóa: đầu nhật ký đã công bố %s không còn trong nhật ký",
                "removed: the published head %s is no longer in the log", heads[i]);
        else if (strncmp(have, hex, strlen(hex)) != 0)
            bad(out, seq, "bị sửa: mục %lld không còn mã băm đã công bố (%s)",
                "altered: entry %lld no longer has the published hash (%s)", (long long)seq, heads[i]);
    }
    if (out->ok && (rc = reports_check(s, out, e)))
        goto out;
done:
    rc = DTI_OK;
out:
    if (in_tx) {
        dti_err ignore;
        store_commit(s, &ignore);
    }
    sodium_memzero(k, sizeof k);
    free(anchors);
    return rc;
}

static dti_rc verify_heads(store *s, const auth_user *u, const char *const *heads, size_t nheads,
                           audit_check *out, dti_err *e)
{
    dti_rc rc;
    memset(out, 0, sizeof *out);
    out->ok = 1;
    if ((rc = auth_can(s, u, AUTH_AUDIT, 0, e)))
        return rc;
    return audit_check_store(s, heads, nheads, out, e);
}

dti_rc audit_verify(store *s, const auth_user *u, audit_check *out, dti_err *e)
{
    return verify_heads(s, u, NULL, 0, out, e);
}

dti_rc audit_verify_heads(app *a, const char *const *heads, size_t nheads, audit_check *out, dti_err *e)
{
    auth_user u;
    int system = 0;
    dti_rc rc;
    memset(out, 0, sizeof *out);
    out->ok = 1;
    if ((rc = app_actor(a, &u, &system, e)))
        return rc;
    return verify_heads(a->st, system ? NULL : &u, heads, nheads, out, e);
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

static int log_row(void *ctx, const store_audit_entry *x)
{
    struct log_ctx *l = ctx;
    json_t *o = json_pack("{s:I, s:s, s:I, s:s, s:s, s:s, s:s, s:o, s:o, s:s}",
                          "seq", (json_int_t)x->seq, "at", or_empty(x->at),
                          "user_id", (json_int_t)x->user_id, "user", or_empty(x->user_name),
                          "action", or_empty(x->action), "entity", or_empty(x->entity),
                          "entity_id", or_empty(x->entity_id), "before", json_or_text(x->before),
                          "after", json_or_text(x->after), "hash", or_empty(x->hash));
    if (!o || json_array_append_new(l->arr, o)) {
        l->nomem = 1;
        return 1;
    }
    return 0;
}

dti_rc audit_log(app *a, const char *entity, const char *entity_id, int64_t limit, json_t **out, dti_err *e)
{
    auth_user u;
    int system = 0;
    dti_rc rc;
    *out = NULL;
    if ((rc = app_actor(a, &u, &system, e)) || (rc = auth_can(a->st, system ? NULL : &u, AUTH_AUDIT, 0, e)))
        return rc;
    return audit_entries(a->st, entity, entity_id, limit, out, e);
}

dti_rc audit_entries(store *s, const char *entity, const char *entity_id, int64_t limit,
                     json_t **out, dti_err *e)
{
    dti_rc rc;
    struct log_ctx l = {NULL, 0};
    *out = NULL;
    if (!(l.arr = json_array()))
        return dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
    if ((rc = store_audit_list(s, entity, entity ? entity_id : NULL, limit, log_row, &l, e)))
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
