/* rawpq.c — raw PostgreSQL write transactions, the yardstick of report
 * saves on PostgreSQL (issue 12, point 6: "report saves per second through
 * the API against raw transactions of the same engine with the same
 * durability"); bench/rawtx.c's twin on libpq.
 *
 *   rawpq --db URL [--rows N] [--bytes B] [--seconds S] [--threads T]
 *
 * Connects to URL (libpq takes it whole), creates a table rawpq_bench of its
 * own (dropped at the end), sets synchronous_commit = on (the server's
 * default, what dti's store runs with: a COMMIT returns once its WAL is
 * flushed to disk), then for S seconds commits transactions of N rows
 * (INSERT ... ON CONFLICT DO UPDATE of B bytes each, a prepared statement,
 * keyed so the table stays the size of one save's rows: a save replaces its
 * draft) — BEGIN, N inserts, COMMIT: one round trip each, as dti's store
 * makes them — from T connections (T = 1: the plain serial rate). Prints:
 *   RAWPQ tx_per_s=X rows=N bytes=B seconds=S threads=T commits=C
 * bench/national.sh builds it (cc -O2 bench/rawpq.c -lpq) and sets N and B
 * from the rows and bytes one API save writes. No part of dti. */
#include <libpq-fe.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *url;
static int rows = 8, bytes = 200, threads = 1;
static double seconds = 5;
static long commits[64];

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void die(PGconn *c, const char *what)
{
    fprintf(stderr, "rawpq: %s: %s\n", what, c ? PQerrorMessage(c) : "?");
    exit(1);
}

/* Run SQL (no parameters), dying unless it succeeds. */
static void exec_ok(PGconn *c, const char *sql)
{
    PGresult *r = PQexec(c, sql);
    if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK) {
        fprintf(stderr, "rawpq: %s: %s", sql, PQresultErrorMessage(r));
        exit(1);
    }
    PQclear(r);
}

static void *run(void *arg)
{
    long id = (long)arg;
    PGconn *c = PQconnectdb(url);
    if (PQstatus(c) != CONNECTION_OK)
        die(c, "connect");
    exec_ok(c, "SET synchronous_commit = on");
    PGresult *p = PQprepare(c, "ins", "INSERT INTO rawpq_bench (k, v) VALUES ($1, $2) "
                                      "ON CONFLICT (k) DO UPDATE SET v = excluded.v", 2, NULL);
    if (PQresultStatus(p) != PGRES_COMMAND_OK)
        die(c, "prepare");
    PQclear(p);
    char *blob = malloc((size_t)bytes + 1);
    if (!blob)
        die(NULL, "out of memory");
    double end = now_s() + seconds;
    unsigned long x = 0x9e3779b97f4a7c15ul * (unsigned long)(id + 1);
    char key[32];
    while (now_s() < end) {
        exec_ok(c, "BEGIN");
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < bytes; k++) {    /* incompressible-ish, new each time */
                x ^= x << 13, x ^= x >> 7, x ^= x << 17;
                blob[k] = (char)('a' + x % 26);
            }
            blob[bytes] = 0;
            snprintf(key, sizeof key, "%ld", id * 1000000 + i);
            const char *v[2] = {key, blob};
            PGresult *r = PQexecPrepared(c, "ins", 2, v, NULL, NULL, 0);
            if (PQresultStatus(r) != PGRES_COMMAND_OK)
                die(c, "insert");
            PQclear(r);
        }
        exec_ok(c, "COMMIT");
        commits[id]++;
    }
    free(blob);
    PQfinish(c);
    return NULL;
}

int main(int argc, char **argv)
{
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--db"))
            url = argv[i + 1];
        else if (!strcmp(argv[i], "--rows"))
            rows = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--bytes"))
            bytes = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--seconds"))
            seconds = atof(argv[i + 1]);
        else if (!strcmp(argv[i], "--threads"))
            threads = atoi(argv[i + 1]);
        else
            url = NULL, i = argc;
    }
    if (!url || rows < 1 || bytes < 1 || seconds <= 0 || threads < 1 || threads > 64) {
        fprintf(stderr, "usage: rawpq --db URL [--rows N] [--bytes B] [--seconds S] [--threads T]\n");
        return 2;
    }
    PGconn *c = PQconnectdb(url);
    if (PQstatus(c) != CONNECTION_OK)
        die(c, "connect");
    exec_ok(c, "SET client_min_messages = warning");
    exec_ok(c, "CREATE TABLE IF NOT EXISTS rawpq_bench (k BIGINT PRIMARY KEY, v TEXT)");
    pthread_t t[64];
    double t0 = now_s();
    for (long i = 0; i < threads; i++)
        if (pthread_create(&t[i], NULL, run, (void *)i))
            die(NULL, "thread");
    long total = 0;
    for (long i = 0; i < threads; i++) {
        pthread_join(t[i], NULL);
        total += commits[i];
    }
    double el = now_s() - t0;
    exec_ok(c, "DROP TABLE rawpq_bench");
    PQfinish(c);
    printf("RAWPQ tx_per_s=%.0f rows=%d bytes=%d seconds=%.1f threads=%d commits=%ld\n", (double)total / el, rows,
           bytes, el, threads, total);
    return 0;
}
