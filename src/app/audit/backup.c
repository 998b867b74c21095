/* backup.c — dti backup and dti restore: the database file with its audit
 * key and anchor log (backup.h has the decisions). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "app/app_util.h"
#include "app/audit/backup.h"
#include "store/store_audit.h"
#include "store/store_pg.h"
#include "base/file.h"
#include "base/lang.h"

#define SIDE_MAX ((size_t)64 << 20)     /* bytes of a key file or anchor log copied */
#define NAME_LEN (BACKUP_PATH_MAX + 64)

static int exists(const char *path)
{
    return access(path, F_OK) == 0;
}

static dti_rc too_long(dti_err *e)
{
    return dti_fail(e, DTI_ERR_INPUT, "path", "đường dẫn quá dài", "path too long");
}

/* fsync the folder holding PATH (after a rename or link in it). */
static void sync_dir(const char *path)
{
    char dir[NAME_LEN];
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - path + (slash == path)), path);
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

/* Copy the small file FROM to TO (mode 0600): a temporary file, fsynced,
 * renamed over TO. */
static dti_rc copy_side(const char *from, const char *to, dti_err *e)
{
    char tmp[NAME_LEN + 32];
    char buf[65536];
    dti_rc rc = DTI_OK;
    size_t total = 0;
    int in = -1, out = -1;
    if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmp-%ld", to, (long)getpid()) >= sizeof tmp)
        return too_long(e);
    unlink(tmp);
    if ((in = open(from, O_RDONLY | O_CLOEXEC)) < 0 ||
        (out = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) < 0)
        goto io;
    for (;;) {
        ssize_t n = read(in, buf, sizeof buf);
        if (n < 0)
            goto io;
        if (n == 0)
            break;
        total += (size_t)n;
        if (total > SIDE_MAX || write(out, buf, (size_t)n) != n)
            goto io;
    }
    if (fsync(out) != 0 || close(out) != 0) {
        out = -1;
        goto io;
    }
    out = -1;
    if (rename(tmp, to) != 0)
        goto io;
    close(in);
    sync_dir(to);
    return DTI_OK;
io:
    rc = dti_fail(e, DTI_ERR_IO, "path", "%s → %s: không chép được (%s)", "%s → %s: cannot copy (%s)", from, to,
                  strerror(errno));
    if (in >= 0)
        close(in);
    if (out >= 0)
        close(out);
    unlink(tmp);
    return rc;
}

/* BASE + SUFFIX into OUT. */
static dti_rc name(char out[NAME_LEN], const char *base, const char *suffix, dti_err *e)
{
    if ((size_t)snprintf(out, NAME_LEN, "%s%s", base, suffix) >= NAME_LEN)
        return too_long(e);
    return DTI_OK;
}

/* The key file of the database DB (DTI_AUDIT_KEY when set). */
static dti_rc key_file(char out[NAME_LEN], const char *db, dti_err *e)
{
    const char *env = getenv("DTI_AUDIT_KEY");
    if (env && *env)
        return name(out, env, "", e);
    return name(out, db, ".audit-key", e);
}

dti_rc audit_backup(store *s, const char *dest, int with_key, time_t now, audit_backup_result *r, dti_err *e)
{
    dti_rc rc;
    char from[NAME_LEN], to[NAME_LEN];
    /* the key and anchor log beside the database (SQLite: the file; PostgreSQL:
     * DTI_STATE_DIR/pg-HOST-PORT-DB, store.h); the copy itself is
     * store_backup's (SQLite's online backup, or pg_dump) */
    const char *db = store_side_path(s);
    memset(r, 0, sizeof r[0]);
    if (!db)
        return dti_fail(e, DTI_ERR_INPUT, "db", "chỉ sao lưu được một tệp SQLite hoặc một cơ sở dữ liệu PostgreSQL",
                        "only an SQLite database file or a PostgreSQL database can be backed up");
    if (!dest || !*dest || strlen(dest) >= BACKUP_PATH_MAX)
        return dti_fail(e, DTI_ERR_INPUT, "dest", "thiếu hoặc quá dài: tệp đích", "the destination is missing or too long");
    {
        struct stat a, b;
        if (stat(db, &a) == 0 && stat(dest, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
            return dti_fail(e, DTI_ERR_INPUT, "dest", "%s: đích là chính cơ sở dữ liệu", "%s: the destination is the database itself",
                            dest);
    }
    if (exists(dest))
        return dti_fail(e, DTI_ERR_CONFLICT, "dest",
                        "%s: tệp đã có; chọn tên khác (một bản sao lưu cũ không bị ghi đè)",
                        "%s: the file exists; choose another name (an older backup is never overwritten)", dest);
    /* anchor first: the copy holds the anchored entry (a schema from before
     * the keyed log has nothing to anchor; the copy is still made) */
    {
        dti_err ae;
        if (audit_anchor(s, "backup", now, &r->head, &ae) == DTI_OK)
            r->anchored = 1;
        else if (audit_head(s, &r->head, &ae) != DTI_OK)
            memset(&r->head, 0, sizeof r->head);
    }
    if ((rc = store_backup(s, dest, e)))
        return rc;
    if ((rc = name(from, db, ".audit-anchor", e)) || (rc = name(to, dest, ".audit-anchor", e)))
        return rc;
    if (exists(from)) {
        if ((rc = copy_side(from, to, e)))
            return rc;
        r->anchor_copied = 1;
    }
    if (with_key) {
        if ((rc = key_file(from, db, e)) || (rc = name(to, dest, ".audit-key", e)))
            return rc;
        if (exists(from)) {
            if ((rc = copy_side(from, to, e)))
                return rc;
            r->key_copied = 1;
        }
    }
    return DTI_OK;
}

/* ---- restore ------------------------------------------------------------ */

/* The stamp of NOW for file names: 20261206T190000Z. */
static void stamp(time_t now, char out[24])
{
    char ts[AUTH_TS_LEN];
    size_t k = 0;
    auth_ts(now, ts);
    for (const char *p = ts; *p && k + 1 < 24; p++)
        if (*p != '-' && *p != ':')
            out[k++] = *p;
    out[k] = 0;
}

/* Move FROM aside to TO when it exists (rename; LINK: a hard link, FROM
 * stays). */
static dti_rc aside(const char *from, const char *to, int link_only, dti_err *e)
{
    if (!exists(from))
        return DTI_OK;
    if ((link_only ? link(from, to) : rename(from, to)) != 0)
        return dti_fail(e, DTI_ERR_IO, "db", "%s → %s: không chuyển được (%s)", "%s → %s: cannot move (%s)", from, to,
                        strerror(errno));
    return DTI_OK;
}

/* 1 when the files A and B hold the same bytes. */
static int same_bytes(const char *a, const char *b)
{
    char *x = NULL, *y = NULL;
    size_t nx = 0, ny = 0;
    dti_err e;
    int same = file_read(a, SIDE_MAX, &x, &nx, &e) == DTI_OK && file_read(b, SIDE_MAX, &y, &ny, &e) == DTI_OK &&
               nx == ny && memcmp(x, y, nx) == 0;
    free(x);
    free(y);
    return same;
}

/* Open PATH without migrating and check it is a dti database; when its
 * schema has the keyed log, check the log into *C (*CHECKED 1). */
static dti_rc check_copy(const char *path, audit_check *c, int *checked, dti_err *e)
{
    store *s = NULL;
    int64_t n = 0;
    int keyed = 0;
    dti_rc rc;
    *checked = 0;
    if ((rc = store_open_ex(path, STORE_OPEN_NO_MIGRATE, &s, e)))
        return rc;
    if (store_audit_schema_versions(s, &n, e) || n == 0) {
        rc = dti_fail(e, DTI_ERR_INPUT, "src", "tệp này không phải cơ sở dữ liệu của dti (không có schema_version)",
                      "this file is not a dti database (no schema_version)");
        goto out;
    }
    if ((rc = store_audit_schema_keyed(s, &keyed, e)))
        goto out;
    if (keyed) {
        if ((rc = audit_check_store(s, NULL, 0, c, e)))
            goto out;
        *checked = 1;
    }
out:
    store_close(s);
    return rc;
}

dti_rc audit_backup_db(const char *db, const char *dest, int with_key, time_t now, audit_backup_result *r,
                     dti_err *e)
{
    store *s = NULL;
    dti_rc rc;
    memset(r, 0, sizeof *r);
    /* not migrated: a newer dti backs up a database an older server serves */
    if ((rc = store_open_ex(db, STORE_OPEN_NO_MIGRATE, &s, e)))
        return rc;
    rc = audit_backup(s, dest, with_key, now, r, e);
    store_close(s);
    return rc;
}

/* ---- PostgreSQL --------------------------------------------------------- */

/* The side path (store_side_path: where the key and anchor log live) of the
 * database URL, into OUT: opened without migrating, closed. */
static dti_rc side_of(const char *url, char out[NAME_LEN], dti_err *e)
{
    store *s = NULL;
    dti_rc rc = store_open_ex(url, STORE_OPEN_NO_MIGRATE, &s, e);
    if (rc)
        return rc;
    rc = name(out, store_side_path(s), "", e);
    store_close(s);
    return rc;
}

/* Move the key and anchor log of FROM (a side path) to TO, those that exist. */
static dti_rc move_sides(const char *from, const char *to, dti_err *e)
{
    static const char *const ext[] = {".audit-key", ".audit-anchor"};
    char a[NAME_LEN], b[NAME_LEN];
    dti_rc rc;
    for (size_t i = 0; i < 2; i++) {
        if ((rc = name(a, from, ext[i], e)) || (rc = name(b, to, ext[i], e)))
            return rc;
        if (exists(a) && rename(a, b) != 0)
            return dti_fail(e, DTI_ERR_IO, "db", "%s → %s: không chuyển được (%s)", "%s → %s: cannot move (%s)", a, b,
                            strerror(errno));
    }
    return DTI_OK;
}

/* audit_restore on PostgreSQL (backup.h): the dump SRC is restored into a
 * new database beside DB's (store_pg_load), with SRC's key and anchor log
 * beside it, and checked there; only then, while nobody is connected, DB's
 * database is renamed DBNAME_before_restore_STAMP (its key and anchor log
 * follow) and the new one takes DB's name. */
static dti_rc restore_pg(const char *db, const char *src, int force, time_t now, audit_restore_result *r, dti_err *e)
{
    char st[24], low[24], cur[NAME_LEN], fresh_side[NAME_LEN], kept_side[NAME_LEN], side[NAME_LEN], side2[NAME_LEN];
    char kept[256], kept_name[256], dbname[200];
    char *fresh = NULL, *kept_url = NULL;
    int checked = 0, have_cur = 0;
    store *s = NULL;
    dti_rc rc;
    /* 1. nobody is connected */
    if ((rc = store_pg_in_use(db, e)))
        return rc;
    have_cur = side_of(db, cur, NULL) == DTI_OK;
    /* 2. the dump into a new database, with its key and anchor log */
    stamp(now, st);
    for (size_t i = 0; i <= strlen(st); i++)
        low[i] = (char)(st[i] >= 'A' && st[i] <= 'Z' ? st[i] - 'A' + 'a' : st[i]);
    if ((rc = store_pg_load(db, src, low, &fresh, e)))
        return rc;
    if ((rc = side_of(fresh, fresh_side, e)))
        goto fail;
    if (!getenv("DTI_AUDIT_KEY") || !*getenv("DTI_AUDIT_KEY")) {
        if ((rc = name(side, src, ".audit-key", e)) || (rc = name(side2, fresh_side, ".audit-key", e)))
            goto fail;
        if (!exists(side) && have_cur && (rc = name(side, cur, ".audit-key", e)))
            goto fail;
        if (exists(side) && (rc = copy_side(side, side2, e)))
            goto fail;
    }
    if ((rc = name(side, src, ".audit-anchor", e)) || (rc = name(side2, fresh_side, ".audit-anchor", e)))
        goto fail;
    if (exists(side) && (rc = copy_side(side, side2, e)))
        goto fail;
    if ((rc = check_copy(fresh, &r->check, &checked, e)))
        goto fail;
    if (checked && !r->check.ok && !force) {
        rc = dti_fail(e, DTI_ERR_CONFLICT, "src",
                      "%s: nhật ký kiểm toán của bản sao lưu không nguyên vẹn (%s); chưa khôi phục gì (dùng --force "
                      "để vẫn khôi phục)",
                      "%s: the backup's audit log does not hold (%s); nothing restored (--force to restore anyway)",
                      src, r->check.why);
        goto fail;
    }
    r->forced = checked && !r->check.ok;
    /* 3. the old database kept under another name, the new one in its place */
    {
        const char *slash = strrchr(db, '/');
        snprintf(dbname, sizeof dbname, "%.*s", (int)strcspn(slash ? slash + 1 : db, "?"), slash ? slash + 1 : db);
    }
    snprintf(kept_name, sizeof kept_name, "%.40s_before_restore_%s", dbname, low);
    if ((rc = store_pg_swap(db, fresh, kept_name, kept, e)))
        goto fail;
    if (kept[0]) {
        snprintf(r->kept, sizeof r->kept, "%s", kept);
        if (!(kept_url = store_pg_url_with_db(db, kept))) {
            rc = app_nomem(e);
            goto out;
        }
        if (have_cur && ((rc = side_of(kept_url, kept_side, e)) || (rc = move_sides(cur, kept_side, e))))
            goto out;
    }
    if ((rc = side_of(db, cur, e)) || (rc = move_sides(fresh_side, cur, e)))
        goto out;
    /* 4. open (migrating an older schema), check again, record the restore */
    if ((rc = store_open(db, &s, e)) || (rc = audit_check_store(s, NULL, 0, &r->check, e)))
        goto out;
    if (!r->check.ok && !force) {
        rc = dti_fail(e, DTI_ERR_CONFLICT, "db",
                      "%s: đã khôi phục nhưng nhật ký kiểm toán không nguyên vẹn: %s (cơ sở dữ liệu cũ giữ ở %s)",
                      "%s: restored, but the audit log does not hold: %s (the old database is kept at %s)", db,
                      r->check.why, r->kept[0] ? r->kept : "-");
        goto out;
    }
    {
        json_t *after = json_pack("{s:s, s:s, s:b}", "from", src, "kept", r->kept, "forced", r->forced);
        if (!after) {
            rc = app_nomem(e);
            goto out;
        }
        rc = audit_append(s, NULL, now, "db.restore", "database", "main", NULL, after, e);
        json_decref(after);
        if (rc || (rc = audit_anchor(s, "restore", now, NULL, e)))
            goto out;
    }
out:
    store_close(s);
    free(fresh);
    free(kept_url);
    return rc;
fail:
    if (fresh) {
        if (!name(side, fresh_side, ".audit-key", NULL))
            unlink(side);
        if (!name(side, fresh_side, ".audit-anchor", NULL))
            unlink(side);
        store_pg_drop(fresh, NULL);
    }
    free(fresh);
    return rc;
}

dti_rc audit_restore(const char *db, const char *src, int force, time_t now, audit_restore_result *r, dti_err *e)
{
    dti_rc rc;
    char st[24], tmp[NAME_LEN], side[NAME_LEN], side2[NAME_LEN], kept[NAME_LEN], cur_key[NAME_LEN];
    int checked = 0;
    store *s = NULL;
    memset(r, 0, sizeof r[0]);
    if (db && store_url_is_pg(db) && src && strlen(src) < BACKUP_PATH_MAX)
        return restore_pg(db, src, force, now, r, e);
    if (!db || !*db || !strcmp(db, ":memory:") || strlen(db) >= BACKUP_PATH_MAX ||
        !src || strlen(src) >= BACKUP_PATH_MAX)
        return dti_fail(e, DTI_ERR_INPUT, "db", "chỉ khôi phục được vào một tệp cơ sở dữ liệu SQLite",
                        "only an SQLite database file can be restored");
    if (!strncmp(db, "sqlite:", 7))
        db += 7;
    {
        struct stat a, b;
        if (stat(db, &a) == 0 && stat(src, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
            return dti_fail(e, DTI_ERR_INPUT, "src", "%s: bản sao lưu là chính cơ sở dữ liệu",
                            "%s: the backup is the database itself", src);
    }
    /* 1. nobody has the database open */
    if (exists(db) && (rc = store_file_in_use(db, e)))
        return rc;
    /* 2. the copy beside the database, with its key and anchor log */
    if ((rc = name(tmp, db, ".restore-tmp", e)))
        return rc;
    if ((rc = store_file_copy(src, tmp, e)))
        return rc;
    if ((rc = key_file(cur_key, db, e)))
        goto fail;
    if (!getenv("DTI_AUDIT_KEY") || !*getenv("DTI_AUDIT_KEY")) {
        if ((rc = name(side, src, ".audit-key", e)) || (rc = name(side2, tmp, ".audit-key", e)))
            goto fail;
        if (exists(side) ? (rc = copy_side(side, side2, e)) : exists(cur_key) ? (rc = copy_side(cur_key, side2, e)) : 0)
            goto fail;
    }
    if ((rc = name(side, src, ".audit-anchor", e)) || (rc = name(side2, tmp, ".audit-anchor", e)))
        goto fail;
    unlink(side2);
    if (exists(side) && (rc = copy_side(side, side2, e)))
        goto fail;
    if ((rc = check_copy(tmp, &r->check, &checked, e)))
        goto fail;
    static const char *const tmp_sides[] = {"-wal", "-shm", "-journal"};
    for (size_t i = 0; i < 3; i++)
        if (!name(side, tmp, tmp_sides[i], e))
            unlink(side);
    if (checked && !r->check.ok && !force) {
        rc = dti_fail(e, DTI_ERR_CONFLICT, "src",
                      "%s: nhật ký kiểm toán của bản sao lưu không nguyên vẹn (%s); chưa khôi phục gì (dùng --force "
                      "để vẫn khôi phục)",
                      "%s: the backup's audit log does not hold (%s); nothing restored (--force to restore anyway)",
                      src, r->check.why);
        goto fail;
    }
    r->forced = checked && !r->check.ok;
    /* 3. keep what is replaced, remove the stale -wal/-shm, put the copy in */
    stamp(now, st);
    if ((size_t)snprintf(kept, sizeof kept, "%s.before-restore-%s", db, st) >= sizeof kept - 8) {
        rc = too_long(e);
        goto fail;
    }
    for (int i = 2; exists(kept) && i < 1000; i++)
        snprintf(kept, sizeof kept, "%s.before-restore-%s-%d", db, st, i);
    if (exists(db)) {
        snprintf(r->kept, sizeof r->kept, "%s", kept);
        if ((rc = aside(db, kept, 1, e)))
            goto fail;
        if ((rc = name(side, db, "-wal", e)) || (rc = name(side2, kept, "-wal", e)) || (rc = aside(side, side2, 0, e)))
            goto fail;
    }
    if ((rc = name(side, db, "-shm", e)))
        goto fail;
    unlink(side);
    if ((rc = name(side, db, "-journal", e)))
        goto fail;
    unlink(side);
    if (rename(tmp, db) != 0) {
        rc = dti_fail(e, DTI_ERR_IO, "db", "%s: không đặt được bản khôi phục vào chỗ (%s)",
                      "%s: cannot put the restored copy in place (%s)", db, strerror(errno));
        goto fail;
    }
    sync_dir(db);
    /* the key and the anchor log follow the restored database */
    if ((rc = name(side, tmp, ".audit-key", e)))
        goto fail;
    if (exists(side)) {
        if (exists(cur_key) && !same_bytes(side, cur_key)) {
            if ((rc = name(side2, kept, ".audit-key", e)) || (rc = aside(cur_key, side2, 0, e)))
                goto fail;
        }
        if (rename(side, cur_key) != 0) {
            rc = dti_fail(e, DTI_ERR_IO, "audit_key", "%s: %s", "%s: %s", cur_key, strerror(errno));
            goto fail;
        }
    }
    if ((rc = name(side, db, ".audit-anchor", e)) || (rc = name(side2, kept, ".audit-anchor", e)) ||
        (rc = aside(side, side2, 0, e)) || (rc = name(side2, tmp, ".audit-anchor", e)))
        goto fail;
    if (exists(side2) && rename(side2, side) != 0) {
        rc = dti_fail(e, DTI_ERR_IO, "audit_anchor", "%s: %s", "%s: %s", side, strerror(errno));
        goto fail;
    }
    sync_dir(db);
    /* 4. open (an older schema is migrated here, after its automatic
     * backup), check again, record the restore */
    if ((rc = store_open(db, &s, e)) || (rc = store_check(s, e)) ||
        (rc = audit_check_store(s, NULL, 0, &r->check, e)))
        goto out;
    if (!r->check.ok && !force) {
        rc = dti_fail(e, DTI_ERR_CONFLICT, "db",
                      "%s: đã khôi phục nhưng nhật ký kiểm toán không nguyên vẹn: %s (cơ sở dữ liệu cũ giữ ở %s)",
                      "%s: restored, but the audit log does not hold: %s (the old database is kept at %s)", db,
                      r->check.why, r->kept[0] ? r->kept : "-");
        goto out;
    }
    {
        json_t *after = json_pack("{s:s, s:s, s:b}", "from", src, "kept", r->kept, "forced", r->forced);
        if (!after) {
            rc = app_nomem(e);
            goto out;
        }
        rc = audit_append(s, NULL, now, "db.restore", "database", "main", NULL, after, e);
        json_decref(after);
        if (rc || (rc = audit_anchor(s, "restore", now, NULL, e)))
            goto out;
    }
out:
    store_close(s);
    return rc;
fail:
    unlink(tmp);
    if (!name(side, tmp, ".audit-key", e))
        unlink(side);
    if (!name(side, tmp, ".audit-anchor", e))
        unlink(side);
    return rc;
}
