/* store_pg_backup.c — backups and restores of a PostgreSQL database, for
 * `dti backup` and `dti restore` (app/audit/backup.c), with PostgreSQL's
 * own tools: pg_dump and pg_restore in their custom format.
 *
 * A backup (store_pg_dump) is one pg_dump run: one REPEATABLE READ
 * snapshot of the database, so it holds every transaction committed before
 * it began and none after, while servers keep writing (as SQLite's online
 * backup API gives). It is written to DEST.tmp-PID, listed back by
 * pg_restore --list (a damaged or cut archive fails there), fsynced and
 * renamed onto DEST: DEST is never half a dump.
 *
 * A restore mirrors the SQLite one (a file put in place of another, the old
 * one kept) with databases of one server: store_pg_load() restores the
 * dump into a new database beside the target, NAME_restore_STAMP, in one
 * transaction (pg_restore --single-transaction --exit-on-error: all or
 * nothing), where app/ checks it (audit log) before anything changes;
 * store_pg_swap() then renames the target to the kept name and the new one
 * to the target's name, which PostgreSQL allows only while nobody is
 * connected to either (store_pg_in_use() says who is, as
 * store_file_in_use() does for a file). Both need a role that may create
 * databases (CREATEDB), through the server's maintenance database
 * "postgres". pg_dump and pg_restore are found on PATH, else in the newest
 * /usr/lib/postgresql/N/bin (Debian); their own messages are passed on. The
 * URL (with its password, if it holds one) is given to them as --dbname:
 * on a shared machine prefer ~/.pgpass or PGPASSWORD to a password in the
 * URL. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libpq-fe.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "store/store_int.h"
#include "store/store_pg.h"
#include "store/store_pg_notify.h"

#define PGB_PATH 4200
#define PGB_ERR 600

/* The program NAME (pg_dump, pg_restore): on PATH, else Debian's newest. */
static void tool(const char *name, char out[PGB_PATH])
{
    const char *path = getenv("PATH");
    char dir[PGB_PATH];
    while (path && *path) {
        size_t n = strcspn(path, ":");
        snprintf(dir, sizeof dir, "%.*s/%s", (int)n, path, name);
        if (n && access(dir, X_OK) == 0) {
            snprintf(out, PGB_PATH, "%s", dir);
            return;
        }
        path += n + (path[n] == ':');
    }
    snprintf(out, PGB_PATH, "%s", name);
    DIR *d = opendir("/usr/lib/postgresql");
    struct dirent *x;
    long best = -1;
    while (d && (x = readdir(d))) {
        long v = strtol(x->d_name, NULL, 10);
        snprintf(dir, sizeof dir, "/usr/lib/postgresql/%s/bin/%s", x->d_name, name);
        if (v > best && access(dir, X_OK) == 0) {
            best = v;
            snprintf(out, PGB_PATH, "%s", dir);
        }
    }
    if (d)
        closedir(d);
}

/* Run ARGV (argv[0] a tool name); its stdout to /dev/null, the first line
 * of its stderr into MSG. 0 when it exited 0. */
static int run_tool(char *const argv[], char msg[PGB_ERR])
{
    char prog[PGB_PATH];
    int fd[2];
    msg[0] = 0;
    tool(argv[0], prog);
    if (pipe(fd) != 0) {
        snprintf(msg, PGB_ERR, "%s", strerror(errno));
        return -1;
    }
    pid_t pid = fork();
    if (pid < 0) {
        snprintf(msg, PGB_ERR, "%s", strerror(errno));
        close(fd[0]);
        close(fd[1]);
        return -1;
    }
    if (pid == 0) {
        int null = open("/dev/null", O_RDWR);
        dup2(null, 0);
        dup2(null, 1);
        dup2(fd[1], 2);
        close(fd[0]);
        execv(prog, argv);
        fprintf(stderr, "%s: %s\n", prog, strerror(errno));
        _exit(127);
    }
    close(fd[1]);
    size_t k = 0;
    char buf[512];
    ssize_t r;
    while ((r = read(fd[0], buf, sizeof buf)) > 0 || (r < 0 && errno == EINTR))
        for (ssize_t i = 0; i < r; i++)
            if (k + 1 < PGB_ERR)
                msg[k++] = buf[i];
    close(fd[0]);
    msg[k] = 0;
    msg[strcspn(msg, "\n")] = 0;
    int st = 0;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
        ;
    return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
}

static int sync_file(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int r = fsync(fd);
    close(fd);
    return r;
}

dti_rc store_pg_dump(store *s, const char *dest, dti_err *e)
{
    char tmp[PGB_PATH], msg[PGB_ERR], fileopt[PGB_PATH + 16];
    const char *url = store_pg_url(s);
    if (!url || s->depth > 0)
        return dti_fail(e, DTI_ERR_INTERNAL, "", "sao lưu PostgreSQL ngoài giao dịch", "a PostgreSQL backup runs outside a transaction");
    if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmp-%ld", dest, (long)getpid()) >= sizeof tmp)
        return dti_fail(e, DTI_ERR_INPUT, "dest", "đường dẫn quá dài", "path too long");
    snprintf(fileopt, sizeof fileopt, "--file=%s", tmp);
    size_t ul = strlen(url) + 16;
    char *dbopt = malloc(ul);
    if (!dbopt)
        return dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
    snprintf(dbopt, ul, "--dbname=%s", url);
    char *dump[] = {"pg_dump", "--format=custom", "--no-owner", "--no-privileges", fileopt, dbopt, NULL};
    unlink(tmp);
    if (run_tool(dump, msg) != 0) {
        free(dbopt);
        unlink(tmp);
        return dti_fail(e, DTI_ERR_STORE, "dest", "pg_dump không sao lưu được: %s", "pg_dump could not back up: %s", msg);
    }
    free(dbopt);
    char *list[] = {"pg_restore", "--list", tmp, NULL};
    if (run_tool(list, msg) != 0) {
        unlink(tmp);
        return dti_fail(e, DTI_ERR_STORE, "dest", "%s: bản sao lưu không đọc lại được: %s",
                        "%s: the backup cannot be read back: %s", dest, msg);
    }
    if (sync_file(tmp) != 0 || rename(tmp, dest) != 0) {
        dti_rc rc = dti_fail(e, DTI_ERR_IO, "dest", "%s: không ghi được tệp (%s)", "%s: cannot write the file (%s)",
                             dest, strerror(errno));
        unlink(tmp);
        return rc;
    }
    char dir[PGB_PATH];
    snprintf(dir, sizeof dir, "%s", dest);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = 0;
    else
        snprintf(dir, sizeof dir, ".");
    sync_file(dir);
    return DTI_OK;
}

/* ---- restore ------------------------------------------------------------ */

char *store_pg_url_with_db(const char *url, const char *name)
{
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    const char *slash = strchr(p, '/');
    const char *q = strchr(p, '?');
    if (q && slash && slash > q)
        slash = NULL;
    const char *head_end = slash ? slash : q ? q : url + strlen(url);
    const char *tail = q ? q : "";
    size_t n = (size_t)(head_end - url) + strlen(name) + strlen(tail) + 2;
    char *out = malloc(n);
    if (out)
        snprintf(out, n, "%.*s/%s%s", (int)(head_end - url), url, name, tail);
    return out;
}

/* The database name URL names, into OUT (from libpq's own parse). */
static dti_rc db_name(const char *url, char *out, size_t n, dti_err *e)
{
    char *err = NULL;
    PQconninfoOption *o = PQconninfoParse(url, &err), *x;
    out[0] = 0;
    for (x = o; x && x->keyword; x++)
        if (!strcmp(x->keyword, "dbname") && x->val)
            snprintf(out, n, "%s", x->val);
    PQconninfoFree(o);
    if (!o || !out[0]) {
        dti_rc rc = dti_fail(e, DTI_ERR_INPUT, "db", "địa chỉ PostgreSQL không nêu tên cơ sở dữ liệu (%s)",
                             "the PostgreSQL URL names no database (%s)", err ? err : "?");
        PQfreemem(err);
        return rc;
    }
    for (const char *c = out; *c; c++)
        if (*c == '"')
            return dti_fail(e, DTI_ERR_INPUT, "db", "tên cơ sở dữ liệu không hợp lệ", "bad database name");
    return DTI_OK;
}

/* A connection to the maintenance database of URL's server. */
static PGconn *admin(const char *url, dti_err *e)
{
    const char *keys[] = {"connect_timeout", "application_name", "dbname", "dbname", NULL};
    const char *vals[] = {"5", "dti", url, "postgres", NULL};
    PGconn *c = PQconnectdbParams(keys, vals, 1);
    if (!c || PQstatus(c) != CONNECTION_OK) {
        char line[300];
        snprintf(line, sizeof line, "%s", c ? PQerrorMessage(c) : "out of memory");
        line[strcspn(line, "\n")] = 0;
        dti_fail(e, DTI_ERR_STORE, "db", "không kết nối được tới cơ sở dữ liệu postgres của máy chủ (%s)",
                 "cannot connect to the server's postgres database (%s)", line);
        PQfinish(c);
        return NULL;
    }
    return c;
}

/* Run SQL (no parameters) on C: DTI_OK or DTI_ERR_STORE with the server's
 * message. A database "being accessed by other users" (55006) is tried
 * again for up to a second: the server process of a connection just
 * closed lingers for a few milliseconds. */
static dti_rc admin_exec(PGconn *c, const char *sql, dti_err *e)
{
    PGresult *r = PQexec(c, sql);
    for (int i = 0; i < 20 && PQresultStatus(r) == PGRES_FATAL_ERROR; i++) {
        const char *st = PQresultErrorField(r, PG_DIAG_SQLSTATE);
        if (!st || strcmp(st, "55006") != 0)
            break;
        PQclear(r);
        usleep(50000);
        r = PQexec(c, sql);
    }
    dti_rc rc = DTI_OK;
    if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK) {
        char line[400];
        snprintf(line, sizeof line, "%s", PQresultErrorMessage(r));
        line[strcspn(line, "\n")] = 0;
        rc = dti_fail(e, DTI_ERR_STORE, "db", "lỗi cơ sở dữ liệu: %s", "database error: %s", line);
    }
    PQclear(r);
    return rc;
}

dti_rc store_pg_in_use(const char *url, dti_err *e)
{
    char name[256];
    dti_rc rc = db_name(url, name, sizeof name, e);
    if (rc)
        return rc;
    PGconn *c = admin(url, e);
    if (!c)
        return DTI_ERR_STORE;
    /* this process's own listening connections (store_pg_notify.h) are not
     * another user of the database */
    int pids[16];
    size_t np = pg_listener_pids(NULL, pids, 16);
    char own[16 * 12 + 3];
    size_t o = 0;
    own[o++] = '{';
    for (size_t i = 0; i < np; i++)
        o += (size_t)snprintf(own + o, sizeof own - o, "%s%d", i ? "," : "", pids[i]);
    own[o++] = '}';
    own[o] = 0;
    const char *p[] = {name, own};
    PGresult *r = NULL;
    /* a connection just closed leaves its server process for a few
     * milliseconds more: asked again for up to a second before "in use" */
    for (int i = 0; i < 20; i++) {
        PQclear(r);
        r = PQexecParams(c, "SELECT pid, COALESCE(NULLIF(application_name, ''), '?') FROM pg_stat_activity "
                            "WHERE datname = $1 AND pid <> pg_backend_pid() AND pid <> ALL ($2::int[]) ORDER BY pid",
                         2, NULL, p, NULL, NULL, 0);
        if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) == 0)
            break;
        usleep(50000);
    }
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        rc = dti_fail(e, DTI_ERR_STORE, "db", "không xem được ai đang kết nối: %s", "cannot see who is connected: %s",
                      PQresultErrorMessage(r));
    } else if (PQntuples(r) > 0) {
        rc = dti_fail(e, DTI_ERR_CONFLICT, "db",
                      "cơ sở dữ liệu %s đang có %d kết nối khác (tiến trình máy chủ %s, %s…: máy chủ dti serve, lệnh "
                      "dti, psql): hãy dừng chúng rồi chạy lại",
                      "the database %s has %d other connections (server process %s, %s…: a dti serve, a dti command, "
                      "psql): stop them and run this again",
                      name, PQntuples(r), PQgetvalue(r, 0, 0), PQgetvalue(r, 0, 1));
    }
    PQclear(r);
    PQfinish(c);
    return rc;
}

dti_rc store_pg_load(const char *url, const char *src, const char *stamp, char **out, dti_err *e)
{
    char name[256], fresh[320], sql[400], msg[PGB_ERR];
    struct stat st;
    *out = NULL;
    dti_rc rc = db_name(url, name, sizeof name, e);
    if (rc)
        return rc;
    if (stat(src, &st) != 0 || !S_ISREG(st.st_mode))
        return dti_fail(e, DTI_ERR_IO, "src", "%s: không có tệp này", "%s: no such file", src);
    char *list[] = {"pg_restore", "--list", (char *)src, NULL};
    if (run_tool(list, msg) != 0)
        return dti_fail(e, DTI_ERR_INPUT, "src", "%s: không phải bản sao lưu PostgreSQL đọc được (%s)",
                        "%s: not a readable PostgreSQL backup (%s)", src, msg);
    snprintf(fresh, sizeof fresh, "%.40s_restore_%s", name, stamp);
    PGconn *c = admin(url, e);
    if (!c)
        return DTI_ERR_STORE;
    snprintf(sql, sizeof sql, "CREATE DATABASE \"%s\"", fresh);
    if ((rc = admin_exec(c, sql, e))) {
        PQfinish(c);
        return rc;
    }
    char *to = store_pg_url_with_db(url, fresh);
    size_t n = to ? strlen(to) + 16 : 0;
    char *dbopt = to ? malloc(n) : NULL;
    if (!dbopt) {
        rc = dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
        goto fail;
    }
    snprintf(dbopt, n, "--dbname=%s", to);
    char *restore[] = {"pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
                       dbopt, (char *)src, NULL};
    if (run_tool(restore, msg) != 0) {
        rc = dti_fail(e, DTI_ERR_STORE, "src", "%s: pg_restore không khôi phục được: %s",
                      "%s: pg_restore could not restore it: %s", src, msg);
        goto fail;
    }
    free(dbopt);
    PQfinish(c);
    *out = to;
    return DTI_OK;
fail:
    free(dbopt);
    free(to);
    snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS \"%s\"", fresh);
    admin_exec(c, sql, NULL);
    PQfinish(c);
    return rc;
}

dti_rc store_pg_drop(const char *url, dti_err *e)
{
    char name[256], sql[320];
    dti_rc rc = db_name(url, name, sizeof name, e);
    if (rc)
        return rc;
    PGconn *c = admin(url, e);
    if (!c)
        return DTI_ERR_STORE;
    snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS \"%s\"", name);
    rc = admin_exec(c, sql, e);
    PQfinish(c);
    return rc;
}

dti_rc store_pg_swap(const char *url, const char *fresh, const char *kept, char kept_out[256], dti_err *e)
{
    char name[256], fname[256], sql[700];
    dti_rc rc;
    kept_out[0] = 0;
    if ((rc = db_name(url, name, sizeof name, e)) || (rc = db_name(fresh, fname, sizeof fname, e)))
        return rc;
    if (strchr(kept, '"'))
        return dti_fail(e, DTI_ERR_INPUT, "db", "tên cơ sở dữ liệu không hợp lệ", "bad database name");
    PGconn *c = admin(url, e);
    if (!c)
        return DTI_ERR_STORE;
    const char *p[] = {name};
    PGresult *r = PQexecParams(c, "SELECT 1 FROM pg_database WHERE datname = $1", 1, NULL, p, NULL, NULL, 0);
    int exists = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1;
    PQclear(r);
    /* two renames; PostgreSQL refuses either while someone is connected */
    if (exists) {
        snprintf(sql, sizeof sql, "ALTER DATABASE \"%s\" RENAME TO \"%s\"", name, kept);
        if ((rc = admin_exec(c, sql, e)))
            goto out;
        snprintf(kept_out, 256, "%s", kept);
    }
    snprintf(sql, sizeof sql, "ALTER DATABASE \"%s\" RENAME TO \"%s\"", fname, name);
    if ((rc = admin_exec(c, sql, e)) && exists) {
        snprintf(sql, sizeof sql, "ALTER DATABASE \"%s\" RENAME TO \"%s\"", kept, name);
        admin_exec(c, sql, NULL);   /* put the old one back */
        kept_out[0] = 0;
    }
out:
    PQfinish(c);
    return rc;
}
