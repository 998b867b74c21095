/* backup.h — backing up and restoring a dti database (SQLite), with its
 * audit key and anchor log (issue 9, point 8).
 *
 * Decision — what a backup is. `dti backup DEST` writes DEST, a copy of the
 * database made with SQLite's online backup API (store_backup: one read
 * transaction, so every write acknowledged before it began is in it, while
 * the server keeps writing), as one self-contained file (journal_mode
 * DELETE, no -wal beside it), checked by quick_check. Before the copy the
 * audit head is anchored ("backup"): the copy carries a point of its own
 * chain. Beside DEST go DEST.audit-anchor (the anchor log) and
 * DEST.audit-key (the audit key, mode 0600). An existing DEST is refused:
 * an older backup is never overwritten. A backup without its key
 * cannot prove its own log, and a lost key stops every write (app/audit.h).
 * With --no-key the key is not copied (keep it elsewhere, safe): whoever
 * holds a backup and its key could rewrite that copy's log, so store the
 * backup folder as you store the key.
 *
 * Decision — what a restore does. `dti restore SRC`:
 *   1. refuses while any process has the database open (store_file_in_use:
 *      a running server, a dti command, sqlite3): stop the server first;
 *   2. checks SRC (integrity_check; a dti database: schema_version has
 *      rows) and copies it next to the database, with SRC.audit-key and
 *      SRC.audit-anchor when they exist, and checks the copy's audit log
 *      (when its schema has the keyed log) — a copy that fails is not put in
 *      place unless FORCE;
 *   3. keeps the database it replaces as DB.before-restore-STAMP (with its
 *      -wal, so it stays whole; the key and anchor log likewise), removes
 *      the stale -wal and -shm (a backup copied over a database with its
 *      old -wal beside it reads as damaged), and renames the copy in;
 *   4. opens it (migrating an older schema, after the automatic backup),
 *      checks integrity and the audit log again, records "db.restore" in the
 *      log (user "system") and anchors the head ("restore").
 * Nothing is deleted: what was replaced keeps its name with the stamp. */
#ifndef DTI_BACKUP_H
#define DTI_BACKUP_H
#include <time.h>
#include "base/err.h"
#include "store/store.h"
#include "app/audit/audit.h"

#define BACKUP_PATH_MAX 4000

typedef struct audit_backup_result {
    audit_mark head;        /* the head anchored before the copy (seq 0: none, schema too old) */
    int anchored;           /* 1 when the head was anchored */
    int key_copied;         /* DEST.audit-key written */
    int anchor_copied;      /* DEST.audit-anchor written */
} audit_backup_result;

/* Back up S's database into DEST (see above); WITH_KEY: copy the key file.
 * S is open on a file (DTI_ERR_INPUT otherwise), outside any transaction.
 * The operator's command: no user, the file's permissions are the check. */
dti_rc audit_backup(store *s, const char *dest, int with_key, time_t now, audit_backup_result *r, dti_err *e);

/* audit_backup of the database DB (store_open's URL), opened for the copy
 * without migrating it and closed after: `dti backup`. */
dti_rc audit_backup_db(const char *db, const char *dest, int with_key, time_t now, audit_backup_result *r,
                     dti_err *e);

typedef struct audit_restore_result {
    char kept[BACKUP_PATH_MAX + 64];    /* where the replaced database was kept ("" when there was none) */
    audit_check check;                  /* the restored database's audit log */
    int forced;                         /* put in place although its log did not hold (FORCE) */
} audit_restore_result;

/* Restore the database file DB from the backup SRC (see above). */
dti_rc audit_restore(const char *db, const char *src, int force, time_t now, audit_restore_result *r, dti_err *e);

#endif
