/* test_db.h — where a unit test's database comes from (tests/lib/db.sh is
 * the same for the shell tests).
 *
 * test_db(PATH) returns PATH (an SQLite file, or ":memory:") unless
 * DTI_TEST_PG is set (`make test-pg`: a server URL without a database, see
 * tests/lib/pg_server.sh); then it creates a new empty database on that
 * server and returns its URL. The string is valid until the 16th next
 * call. A database that cannot be made aborts the test with the reason. */
#ifndef DTI_TEST_DB_H
#define DTI_TEST_DB_H
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static inline const char *test_db(const char *path)
{
    static char urls[16][512];
    static unsigned n;
    const char *server = getenv("DTI_TEST_PG");
    if (!server || !*server)
        return path;
    char *url = urls[n++ % 16], name[64], admin[512], sql[128];
    snprintf(name, sizeof name, "u_%ld_%u_%ld", (long)getpid(), n, (long)(random() % 100000));
    snprintf(admin, sizeof admin, "%s/postgres", server);
    PGconn *c = PQconnectdb(admin);
    snprintf(sql, sizeof sql, "CREATE DATABASE \"%s\"", name);
    PGresult *r = PQstatus(c) == CONNECTION_OK ? PQexec(c, sql) : NULL;
    if (!r || PQresultStatus(r) != PGRES_COMMAND_OK) {
        fprintf(stderr, "test_db: %s: %s", admin, PQerrorMessage(c));
        abort();
    }
    PQclear(r);
    PQfinish(c);
    snprintf(url, 512, "%s/%s", server, name);
    return url;
}

/* 1 when the tests run against PostgreSQL. */
static inline int test_db_pg(void)
{
    const char *server = getenv("DTI_TEST_PG");
    return server && *server;
}

#endif
