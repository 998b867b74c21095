/* rawtx.c — raw SQLite write transactions, the yardstick of report saves
 * (issue 12, point 6: "report saves per second through the API against raw
 * transactions of the same engine with the same durability").
 *
 *   rawtx --db FILE [--rows N] [--bytes B] [--seconds S] [--threads T]
 *
 * Opens FILE (created; a table rawtx of its own is added) the way
 * store_sqlite.c opens a store: journal_mode=WAL, synchronous=FULL,
 * foreign_keys=ON, busy_timeout 5 s; then for S seconds commits
 * transactions of N rows (INSERT OR REPLACE of B bytes each, keyed so the
 * table stays the size of one save's rows: a save replaces its draft) — one
 * fsync'd WAL commit each, as a report save is — from T threads, each with
 * its own handle (T = 1: the plain serial rate; a BEGIN still busy after
 * the timeout is counted and tried again). Prints one line:
 *   RAWTX tx_per_s=X rows=N bytes=B seconds=S threads=T commits=C busy=K
 * bench/national.sh builds it (cc -O2 bench/rawtx.c -lsqlite3) and sets N
 * and B from the rows and bytes one API save writes. No part of dti: it
 * links SQLite only. */
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *db_path;
static int rows = 8, bytes = 200, threads = 1;
static double seconds = 5;
static long commits[64], busy[64];

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void die(sqlite3 *d, const char *what)
{
    fprintf(stderr, "rawtx: %s: %s\n", what, d ? sqlite3_errmsg(d) : "?");
    exit(1);
}

static void *run(void *arg)
{
    long id = (long)arg;
    sqlite3 *d = NULL;
    sqlite3_stmt *ins = NULL, *beg = NULL, *com = NULL;
    if (sqlite3_open(db_path, &d) != SQLITE_OK)
        die(d, "open");
    sqlite3_busy_timeout(d, 5000);
    if (sqlite3_exec(d, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;", 0, 0, 0))
        die(d, "pragma");
    if (sqlite3_prepare_v2(d, "INSERT OR REPLACE INTO rawtx (k, v) VALUES (?, ?)", -1, &ins, NULL) ||
        sqlite3_prepare_v2(d, "BEGIN IMMEDIATE", -1, &beg, NULL) || sqlite3_prepare_v2(d, "COMMIT", -1, &com, NULL))
        die(d, "prepare");
    char *blob = malloc((size_t)bytes);
    if (!blob)
        die(NULL, "out of memory");
    double end = now_s() + seconds;
    unsigned long x = 0x9e3779b97f4a7c15ul * (unsigned long)(id + 1);
    while (now_s() < end) {
        int r = sqlite3_step(beg);
        sqlite3_reset(beg);
        if (r == SQLITE_BUSY) {     /* another thread's writer past the busy timeout: try again */
            busy[id]++;
            continue;
        }
        if (r != SQLITE_DONE)
            die(d, "begin");
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < bytes; k++) {    /* incompressible-ish, new each time */
                x ^= x << 13, x ^= x >> 7, x ^= x << 17;
                blob[k] = (char)('a' + x % 26);
            }
            sqlite3_bind_int64(ins, 1, id * 1000000 + i);
            sqlite3_bind_text(ins, 2, blob, bytes, SQLITE_STATIC);
            if (sqlite3_step(ins) != SQLITE_DONE)
                die(d, "insert");
            sqlite3_reset(ins);
        }
        if (sqlite3_step(com) != SQLITE_DONE)
            die(d, "commit");
        sqlite3_reset(com);
        commits[id]++;
    }
    free(blob);
    sqlite3_finalize(ins);
    sqlite3_finalize(beg);
    sqlite3_finalize(com);
    sqlite3_close(d);
    return NULL;
}

int main(int argc, char **argv)
{
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--db"))
            db_path = argv[i + 1];
        else if (!strcmp(argv[i], "--rows"))
            rows = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--bytes"))
            bytes = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--seconds"))
            seconds = atof(argv[i + 1]);
        else if (!strcmp(argv[i], "--threads"))
            threads = atoi(argv[i + 1]);
        else
            db_path = NULL, i = argc;
    }
    if (!db_path || rows < 1 || bytes < 1 || seconds <= 0 || threads < 1 || threads > 64) {
        fprintf(stderr, "usage: rawtx --db FILE [--rows N] [--bytes B] [--seconds S] [--threads T]\n");
        return 2;
    }
    sqlite3 *d = NULL;
    if (sqlite3_open(db_path, &d) != SQLITE_OK ||
        sqlite3_exec(d, "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS rawtx (k INTEGER PRIMARY KEY, v TEXT)",
                     0, 0, 0))
        die(d, "create");
    sqlite3_close(d);
    pthread_t t[64];
    double t0 = now_s();
    for (long i = 0; i < threads; i++)
        if (pthread_create(&t[i], NULL, run, (void *)i))
            die(NULL, "thread");
    long total = 0, nbusy = 0;
    for (long i = 0; i < threads; i++) {
        pthread_join(t[i], NULL);
        total += commits[i];
        nbusy += busy[i];
    }
    double el = now_s() - t0;
    printf("RAWTX tx_per_s=%.0f rows=%d bytes=%d seconds=%.1f threads=%d commits=%ld busy=%ld\n", (double)total / el,
           rows, bytes, el, threads, total, nbusy);
    return 0;
}
