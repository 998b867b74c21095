/* store.c — the engine-independent half of the store: choosing a backend
 * from the URL, nested transactions, one-value query helpers, and the
 * migration runner.
 *
 * Migrations are the embedded files sql/<engine>/NNN_name.sql (embed.h),
 * applied in order of NNN, each in its own transaction together with its
 * row in schema_version(version, name, applied_at). A store whose
 * schema_version holds a version this program does not know is newer than
 * the program: opening it fails rather than risking damage. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "base/embed.h"
#include "base/lang.h"
#include "core/period.h"
#include "store/store_int.h"

#define MIGRATIONS_MAX 256

void store_timestamp(char out[STORE_TS_LEN])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, STORE_TS_LEN, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void store_stamp(time_t now, char ts[STORE_TS_LEN], char day[11])
{
    if (!now)
        now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(ts, STORE_TS_LEN, "%Y-%m-%dT%H:%M:%SZ", &tm);
    if (day)
        period_date_iso(period_today_vn(now), day);
}

const char *store_side_path(const store *s)
{
    return !s ? NULL : s->side ? s->side : s->path;
}

int store_is_pg(const store *s)
{
    return s && s->ops == &store_pg_ops;
}

const char *store_engine(const store *s)
{
    return s ? s->ops->name : "";
}

static dti_rc migrate(store *s, dti_err *e);

static int stop_waits;          /* store_stop_waits() was called (atomic) */

void store_stop_waits(void)
{
    __atomic_store_n(&stop_waits, 1, __ATOMIC_SEQ_CST);
    store_pg_cancel_waits();    /* the waits already under way on PostgreSQL */
}

int store_stopping(void)
{
    return __atomic_load_n(&stop_waits, __ATOMIC_SEQ_CST);
}

int store_url_is_pg(const char *url)
{
    return url && (strncmp(url, "postgres://", 11) == 0 || strncmp(url, "postgresql://", 13) == 0);
}

dti_rc store_open(const char *url, store **out, dti_err *e)
{
    return store_open_ex(url, 0, out, e);
}

dti_rc store_open_ex(const char *url, unsigned flags, store **out, dti_err *e)
{
    *out = NULL;
    if (!url || !*url)
        return dti_fail(e, DTI_ERR_INPUT, "db", "chưa chỉ định cơ sở dữ liệu",
                        "no database given");
    const struct store_ops *ops = &store_sqlite_ops;
    const char *target = strncmp(url, "sqlite:", 7) == 0 ? url + 7 : url;
    if (store_url_is_pg(url)) {
        ops = &store_pg_ops;
        target = url;
    }
    store *s = NULL;
    dti_rc rc = ops->open(target, &s, e);
    if (rc)
        return rc;
    if (!(flags & STORE_OPEN_NO_MIGRATE) && (rc = migrate(s, e))) {
        store_close(s);
        return rc;
    }
    *out = s;
    return DTI_OK;
}

static void write_unlock(store *s)
{
    if (s->queued) {
        s->queued = 0;
        s->ops->write_unlock(s);
    }
}

void store_close(store *s)
{
    if (!s)
        return;
    if (s->depth > 0 && !s->aborted)
        s->ops->exec_script(s, "ROLLBACK", NULL);
    write_unlock(s);
    store_report_memo_free(s);
    s->ops->close(s);
}

/* ---- transactions ---- */

dti_rc store_begin(store *s, dti_err *e)
{
    if (s->aborted)
        return dti_fail(e, DTI_ERR_STORE, "", "giao dịch đã bị hủy", "the transaction was rolled back");
    if (s->depth > 0 && s->reading)
        return dti_fail(e, DTI_ERR_INTERNAL, "", "ghi dữ liệu trong một giao dịch chỉ đọc",
                        "a write inside a read transaction");
    if (s->depth == 0) {
        dti_rc rc;
        if (s->ops->write_lock) {
            if ((rc = s->ops->write_lock(s, e)))
                return rc;
            s->queued = 1;
        }
        if ((rc = s->ops->begin(s, 1, e))) {
            write_unlock(s);
            return rc;
        }
    }
    s->depth++;
    return DTI_OK;
}

dti_rc store_begin_read(store *s, dti_err *e)
{
    if (s->aborted)
        return dti_fail(e, DTI_ERR_STORE, "", "giao dịch đã bị hủy", "the transaction was rolled back");
    if (s->depth == 0) {
        dti_rc rc = s->ops->begin(s, 0, e);
        if (rc)
            return rc;
        s->reading = 1;
    }
    s->depth++;
    return DTI_OK;
}

int store_in_transaction(const store *s)
{
    return s && s->depth > 0;
}

dti_rc store_commit(store *s, dti_err *e)
{
    if (s->depth == 0)
        return dti_fail(e, DTI_ERR_INTERNAL, "", "không có giao dịch để ghi",
                        "commit without a transaction");
    if (--s->depth == 0)
        s->reading = 0;
    if (s->aborted) {
        if (s->depth == 0)
            s->aborted = 0;
        return dti_fail(e, DTI_ERR_STORE, "", "giao dịch đã bị hủy", "the transaction was rolled back");
    }
    if (s->depth > 0)
        return DTI_OK;
    dti_rc rc = s->ops->exec_script(s, "COMMIT", e);
    if (rc)
        s->ops->exec_script(s, "ROLLBACK", NULL);
    write_unlock(s);
    /* durable outside the writer queue: the next writer goes on meanwhile */
    if (!rc && s->ops->durable)
        rc = s->ops->durable(s, e);
    return rc;
}

void store_rollback(store *s)
{
    if (!s || s->depth == 0)
        return;
    if (!s->aborted) {
        s->ops->exec_script(s, "ROLLBACK", NULL);
        write_unlock(s);
        s->aborted = 1;
    }
    if (--s->depth == 0)
        s->aborted = s->reading = 0;
}

/* ---- statements ---- */

int store_data_version(store *s, unsigned char out[STORE_VERSION_LEN])
{
    memset(out, 0, STORE_VERSION_LEN);
    if (!s || s->depth > 0 || !s->ops->data_version)
        return 0;
    return s->ops->data_version(s, out);
}

dti_rc store_sync_wait(store *s, const store_sync_ticket *t, dti_err *e)
{
    if (!s->ops->sync_wait)
        return dti_fail(e, DTI_ERR_INTERNAL, "db", "phiếu đồng bộ của cơ sở dữ liệu khác",
                        "a sync ticket of another database");
    return s->ops->sync_wait(s, t, e);
}

void store_stats_get(const store *s, store_stats *out)
{
    if (s)
        *out = s->stats;
    else
        memset(out, 0, sizeof *out);
}

static dti_rc check_live(store *s, dti_err *e)
{
    s->stats.statements++;
    if (s->aborted)
        return dti_fail(e, DTI_ERR_STORE, "", "giao dịch đã bị hủy", "the transaction was rolled back");
    return DTI_OK;
}

dti_rc store_exec_changes(store *s, const char *sql, const store_val *p, size_t n,
                          int64_t *changes, dti_err *e)
{
    dti_rc rc = check_live(s, e);
    return rc ? rc : s->ops->exec(s, sql, p, n, changes, e);
}

dti_rc store_exec(store *s, const char *sql, const store_val *p, size_t n, dti_err *e)
{
    return store_exec_changes(s, sql, p, n, NULL, e);
}

dti_rc store_query(store *s, const char *sql, const store_val *p, size_t n,
                   store_row_fn fn, void *ctx, dti_err *e)
{
    dti_rc rc = check_live(s, e);
    return rc ? rc : s->ops->query(s, sql, p, n, fn, ctx, e);
}

struct first_int { int found; int64_t v; };

static int first_int_row(void *ctx, const store_row *row)
{
    struct first_int *f = ctx;
    f->found = 1;
    if (row->n > 0) {
        const store_val *v = &row->v[0];
        if (v->t == SV_INT)
            f->v = v->i;
        else if (v->t == SV_REAL)
            f->v = (int64_t)v->d;
        else if (v->t == SV_TEXT)
            f->v = strtoll(v->s, NULL, 10);
    }
    return 1;
}

dti_rc store_query_int(store *s, const char *sql, const store_val *p, size_t n,
                       int64_t *out, int *found, dti_err *e)
{
    struct first_int f = {0, 0};
    dti_rc rc = store_query(s, sql, p, n, first_int_row, &f, e);
    if (rc)
        return rc;
    *out = f.v;
    if (found)
        *found = f.found;
    else if (!f.found)
        return dti_fail(e, DTI_ERR_NOTFOUND, "", "không tìm thấy", "not found");
    return DTI_OK;
}

struct first_text { int nomem; char *v; };

static int first_text_row(void *ctx, const store_row *row)
{
    struct first_text *f = ctx;
    if (row->n > 0 && (row->v[0].t == SV_TEXT || row->v[0].t == SV_BLOB)) {
        f->v = malloc(row->v[0].n + 1);
        if (!f->v) {
            f->nomem = 1;
        } else {
            memcpy(f->v, row->v[0].s, row->v[0].n);
            f->v[row->v[0].n] = 0;
        }
    }
    return 1;
}

dti_rc store_query_text(store *s, const char *sql, const store_val *p, size_t n,
                        char **out, dti_err *e)
{
    struct first_text f = {0, NULL};
    *out = NULL;
    dti_rc rc = store_query(s, sql, p, n, first_text_row, &f, e);
    if (rc) {
        free(f.v);
        return rc;
    }
    if (f.nomem)
        return dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
    *out = f.v;
    return DTI_OK;
}

/* ---- migrations ---- */

long store_migration_version(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char *end = NULL;
    long v = strtol(base, &end, 10);
    if (end == base || *end != '_' || v <= 0 || v > 99999)
        return -1;
    size_t n = strlen(base);
    if (n < 4 || strcmp(base + n - 4, ".sql") != 0)
        return -1;
    return v;
}

/* By version number, then path: "9_x.sql" before "10_y.sql" (a sort by
 * path alone put 10 first), and equal versions side by side. */
static int by_version(const void *a, const void *b)
{
    const struct embed_file *x = *(const struct embed_file *const *)a;
    const struct embed_file *y = *(const struct embed_file *const *)b;
    long vx = store_migration_version(x->path), vy = store_migration_version(y->path);
    if (vx != vy)
        return vx < vy ? -1 : 1;
    return strcmp(x->path, y->path);
}

void store_migrations_order(const struct embed_file **v, size_t n)
{
    qsort(v, n, sizeof v[0], by_version);
}

static dti_rc apply_one(store *s, const struct embed_file *f, long version, dti_err *e)
{
    int64_t have = 0;
    int found = 0;
    char ts[STORE_TS_LEN];
    dti_rc rc = store_begin(s, e);
    if (rc)
        return rc;
    /* checked again under the write lock: another process may have migrated */
    if ((rc = store_query_int(s, "SELECT version FROM schema_version WHERE version = ?",
                              (store_val[]){SV_I(version)}, 1, &have, &found, e)))
        goto fail;
    if (!found) {
        if ((rc = s->ops->exec_script(s, (const char *)f->data, e))) {
            char msg[sizeof e->msg];
            if (e) {
                memcpy(msg, e->msg, sizeof msg);
                dti_fail(e, rc, f->path, "%s: %s", "%s: %s", f->path, msg);
            }
            goto fail;
        }
        store_timestamp(ts);
        const char *at = ts;
        const char *name = strrchr(f->path, '/') + 1;
        if ((rc = store_exec(s, "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                             (store_val[]){SV_I(version), SV_T(name), SV_T(at)}, 3, e)))
            goto fail;
    }
    return store_commit(s, e);
fail:
    store_rollback(s);
    return rc;
}

/* The migration guard (store.h): refuse under another process, else back
 * up, when migrations are pending on a database that has a schema. */
static dti_rc guard(store *s, const struct embed_file **files, size_t n, int64_t db_max, dti_err *e)
{
    long first = 0;
    size_t pending = 0;
    dti_rc rc;
    if (db_max <= 0 || !s->path)
        return DTI_OK;
    for (size_t i = 0; i < n; i++) {
        long v = store_migration_version(files[i]->path);
        int64_t have = 0;
        int found = 0;
        if ((rc = store_query_int(s, "SELECT version FROM schema_version WHERE version = ?",
                                  (store_val[]){SV_I(v)}, 1, &have, &found, e)))
            return rc;
        if (!found && !pending++)
            first = v;
    }
    if (!pending)
        return DTI_OK;
    if (s->others_pid) {
        char who[48];
        who[0] = 0;
        if (s->others_pid > 0)
            snprintf(who, sizeof who, " (PID %ld)", s->others_pid);
        return dti_fail(e, DTI_ERR_CONFLICT, "db",
                        "%s: cần nâng cấp lược đồ (phiên bản %lld lên %ld) nhưng một tiến trình khác%s đang mở "
                        "cơ sở dữ liệu (máy chủ dti cũ?): hãy dừng nó rồi chạy lại; chưa có gì bị thay đổi",
                        "%s: the schema needs an upgrade (version %lld to %ld) but another process%s has the "
                        "database open (an older dti server?): stop it and run this again; nothing was changed",
                        s->path, (long long)db_max, first, who);
    }
    char ts[STORE_TS_LEN], stamp[STORE_TS_LEN], dest[4200];
    size_t k = 0;
    store_timestamp(ts);
    for (const char *p = ts; *p && k + 1 < sizeof stamp; p++)
        if (*p != '-' && *p != ':')
            stamp[k++] = *p;
    stamp[k] = 0;
    if ((size_t)snprintf(dest, sizeof dest, "%s.before-v%03lld-%s.bak", s->path, (long long)db_max, stamp) >=
        sizeof dest)
        return dti_fail(e, DTI_ERR_INPUT, "db", "đường dẫn quá dài", "path too long");
    if ((rc = store_backup(s, dest, e))) {
        char msg[sizeof e->msg];
        if (e) {
            memcpy(msg, e->msg, sizeof msg);
            dti_fail(e, rc, "db", "%s: không sao lưu được trước khi nâng cấp lược đồ, chưa nâng cấp: %s",
                     "%s: cannot back up before the schema upgrade, nothing upgraded: %s", s->path, msg);
        }
        return rc;
    }
    fprintf(stderr, "dti: %s %s\n", TR("đã sao lưu trước khi nâng cấp lược đồ:",
                                            "backed up before the schema upgrade:"), dest);
    return DTI_OK;
}

static dti_rc migrate(store *s, dti_err *e)
{
    const struct embed_file *files[MIGRATIONS_MAX];
    size_t n = 0;
    char prefix[64];
    long known_max = 0;
    int64_t db_max = 0;
    snprintf(prefix, sizeof prefix, "sql/%s/", s->ops->name);
    /* Under the writer's lock where another process may be creating it at
     * the same moment (PostgreSQL: two servers started together on a new
     * database; CREATE ... IF NOT EXISTS is not safe against that there).
     * SQLite needs no lock: its DDL is serialised by the file. */
    int64_t probe = 0;
    int locked = s->ops != &store_sqlite_ops &&
                 store_query_int(s, "SELECT COUNT(*) FROM schema_version", NULL, 0, &probe, NULL, NULL) != DTI_OK;
    dti_rc rc = locked ? store_begin(s, e) : DTI_OK;
    if (rc)
        return rc;
    rc = s->ops->exec_script(s,
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)", e);
    if (locked)
        rc = rc ? (store_rollback(s), rc) : store_commit(s, e);
    if (rc)
        return rc;
    for (const struct embed_file *f = embed_files; f->path; f++) {
        if (strncmp(f->path, prefix, strlen(prefix)) != 0 || store_migration_version(f->path) < 0)
            continue;
        if (n == MIGRATIONS_MAX)
            return dti_fail(e, DTI_ERR_INTERNAL, "", "quá nhiều tệp chuyển đổi lược đồ",
                            "too many schema migrations");
        files[n++] = f;
    }
    store_migrations_order(files, n);
    for (size_t i = 0; i < n; i++) {
        long v = store_migration_version(files[i]->path);
        if (i > 0 && v == store_migration_version(files[i - 1]->path))
            return dti_fail(e, DTI_ERR_INTERNAL, files[i]->path, "%s: số phiên bản bị trùng",
                            "%s: duplicate migration version", files[i]->path);
        if (v > known_max)
            known_max = v;
    }
    if ((rc = store_query_int(s, "SELECT COALESCE(MAX(version), 0) FROM schema_version", NULL, 0,
                              &db_max, NULL, e)))
        return rc;
    if (db_max > known_max)
        return dti_fail(e, DTI_ERR_CONFLICT, "db",
                        "cơ sở dữ liệu có lược đồ phiên bản %lld, mới hơn chương trình này (%ld)",
                        "the database has schema version %lld, newer than this program (%ld)",
                        (long long)db_max, known_max);
    if ((rc = guard(s, files, n, db_max, e)))
        return rc;
    for (size_t i = 0; i < n; i++) {
        long v = store_migration_version(files[i]->path);
        int64_t have = 0;
        int found = 0;
        /* applied already: no write lock taken (a server starting while
         * another process writes does not wait for it) */
        if ((rc = store_query_int(s, "SELECT version FROM schema_version WHERE version = ?",
                                  (store_val[]){SV_I(v)}, 1, &have, &found, e)))
            return rc;
        if (!found && (rc = apply_one(s, files[i], v, e)))
            return rc;
    }
    return DTI_OK;
}
