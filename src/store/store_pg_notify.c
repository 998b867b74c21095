/* store_pg_notify.c — PostgreSQL's data version (store_data_version, store.h)
 * by LISTEN/NOTIFY, so that the caches keyed on the data generation
 * (store/store_generation.h: the session check, the score cache) answer
 * without a statement, as SQLite's WAL-index header lets them.
 *
 * How. Every change of the generation row (score_generation, bumped by
 * triggers in every write transaction that touches what a cache or a
 * session depends on) runs pg_notify(PG_NOTIFY_CHANNEL) in the same
 * transaction (sql/postgres/015_notify.sql); PostgreSQL delivers it once per
 * committed transaction (duplicates inside one are folded) to every
 * connection LISTENing on that channel of that database, and never for a
 * transaction rolled back. Each process has one listener per store URL: a
 * thread with its own connection that LISTENs, sleeps in poll() on its
 * socket and a wake-up pipe, and on each notification adds one to an
 * in-memory counter. The version is (listener serial, connection epoch,
 * counter): the serial tells listeners (so databases) apart within the
 * process, the epoch moves with every new listening connection (what was
 * missed while none listened cannot be told, so no version of before
 * equals one of after), the counter moves with every notification and with
 * every commit of this process (pg_listener_advance, synchronously: before
 * the COMMIT is sent and again after it returned, so that the process's
 * own threads never see an unchanged version across its own commit).
 *
 * When unsure, no version. The thread starts at the first question (a CLI
 * command that never asks opens no second connection); until its LISTEN
 * has completed, after its connection is lost (a failed read, a hang-up)
 * and while it reconnects (every second), pg_listener_version answers 0 and
 * the caller reads the row, as without a listener. A child of fork() never
 * answers (no thread there).
 *
 * The window. Between another process's COMMIT and the arrival of its
 * notification here lies the time PostgreSQL takes to deliver it: the
 * committing backend signals the listening backends as it commits (before
 * its client sees the COMMIT succeed), the listening backend, idle, wakes and
 * writes the message to its socket, and this thread wakes and counts it —
 * a few scheduling hops, well under a millisecond on an idle machine, a few
 * milliseconds on a loaded one. A question asked inside that window gets
 * the old version, so a cached answer at most that old. Why it is
 * acceptable: (1) it cannot be closed without a round trip to the server
 * (which is what it saves); (2) nothing of this process is involved: its
 * own commits move the version synchronously, so a user's write followed by
 * their read on the same server is always seen; (3) across servers, a
 * request that reaches the second server inside the window is served as if
 * it had arrived those milliseconds earlier — before the write — which is
 * an order a client could not tell from the network's own delays, and a
 * logout or a disabled account takes effect within the same bound; (4) for
 * any request caused by the write's reply (the browser got the reply, then
 * asks the other server) the reply's path to the client and the new
 * request's path back (TCP, HTTP parsing, the session check) is longer than
 * the notification's path, which started earlier, before the COMMIT's
 * acknowledgement even left PostgreSQL. tests/cli/two_servers.sh exercises
 * exactly that order (logout on A, then B refuses). A lost listening
 * connection is only known when its socket says so; a silent network
 * partition is bounded by the TCP keepalives set below (on a local socket
 * the loss is seen at once). */
#include <errno.h>
#include <fcntl.h>
#include <libpq-fe.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "store/store_pg_notify.h"

#define RECONNECT_MS 1000

struct pg_listener {
    char *conninfo;             /* the URL (owned) */
    int refs;                   /* under reg_mu */
    int started;                /* 1: the thread runs, -1: could not start; under reg_mu */
    _Atomic int tried;          /* start() ran: no lock taken to ask again */
    pg_listener *next;          /* the registry; under reg_mu */
    uint64_t serial;            /* this listener's number in the process */
    _Atomic uint64_t state;     /* epoch * 2 + 1 while listening, epoch * 2 when not */
    _Atomic uint64_t count;     /* notifications received + own commits */
    _Atomic int pid;            /* the listening connection's server pid, 0: none */
    pthread_t thread;
    int wake[2];                /* a byte on wake[1] stops the thread */
};

static pthread_mutex_t reg_mu = PTHREAD_MUTEX_INITIALIZER;
static pg_listener *reg;
static uint64_t serials;
static int forked;              /* in a child of fork(): never listen */
static pthread_once_t atfork_once = PTHREAD_ONCE_INIT;

static void fork_prepare(void) { pthread_mutex_lock(&reg_mu); }
static void fork_parent(void) { pthread_mutex_unlock(&reg_mu); }
static void fork_child(void)
{
    forked = 1;
    for (pg_listener *l = reg; l; l = l->next)
        atomic_store(&l->state, atomic_load(&l->state) & ~(uint64_t)1);
    pthread_mutex_unlock(&reg_mu);
}
static void atfork_init(void) { pthread_atfork(fork_prepare, fork_parent, fork_child); }

/* A connection that LISTENs on the channel, or NULL. */
static PGconn *listen_connect(pg_listener *l)
{
    const char *keys[] = {"connect_timeout", "keepalives_idle", "keepalives_interval", "keepalives_count",
                          "dbname", "application_name", NULL};
    const char *vals[] = {"5", "10", "5", "3", l->conninfo, "dti-listen", NULL};
    PGconn *c = PQconnectdbParams(keys, vals, 1);
    if (!c || PQstatus(c) != CONNECTION_OK)
        goto fail;
    PGresult *r = PQexec(c, "LISTEN " PG_NOTIFY_CHANNEL);
    int ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    if (!ok || PQsetnonblocking(c, 1) != 0)
        goto fail;
    return c;
fail:
    if (c)
        PQfinish(c);
    return NULL;
}

/* Sleep MS or until asked to stop: 1 when asked. */
static int wait_stop(pg_listener *l, int ms)
{
    struct pollfd p = {l->wake[0], POLLIN, 0};
    int n = poll(&p, 1, ms);
    return n > 0;
}

static void *listen_main(void *arg)
{
    pg_listener *l = arg;
    PGconn *c = NULL;
    uint64_t epoch = atomic_load(&l->state) / 2;
    for (;;) {
        if (!c) {
            if (!(c = listen_connect(l))) {
                if (wait_stop(l, RECONNECT_MS))
                    break;
                continue;
            }
            epoch++;
            atomic_store(&l->pid, PQbackendPID(c));
            /* listening from here on: what committed before is read by
             * whoever asks after this (the version is taken before reads) */
            atomic_store(&l->state, epoch * 2 + 1);
        }
        struct pollfd p[2] = {{PQsocket(c), POLLIN, 0}, {l->wake[0], POLLIN, 0}};
        if (poll(p, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            goto lost;
        }
        if (p[1].revents)
            break;
        if (!p[0].revents)
            continue;
        if (!PQconsumeInput(c) || PQstatus(c) != CONNECTION_OK)
            goto lost;
        PGnotify *n;
        while ((n = PQnotifies(c))) {
            atomic_fetch_add(&l->count, 1);
            PQfreemem(n);
        }
        continue;
lost:
        /* unsure from now on: no version until listening again */
        atomic_store(&l->state, epoch * 2);
        atomic_store(&l->pid, 0);
        PQfinish(c);
        c = NULL;
    }
    atomic_store(&l->state, epoch * 2);
    atomic_store(&l->pid, 0);
    if (c)
        PQfinish(c);
    return NULL;
}

pg_listener *pg_listener_get(const char *conninfo)
{
    pthread_once(&atfork_once, atfork_init);
    pthread_mutex_lock(&reg_mu);
    pg_listener *l;
    for (l = reg; l; l = l->next)
        if (!strcmp(l->conninfo, conninfo)) {
            l->refs++;
            goto out;
        }
    if (!(l = calloc(1, sizeof *l)))
        goto out;
    if (!(l->conninfo = strdup(conninfo))) {
        free(l);
        l = NULL;
        goto out;
    }
    l->wake[0] = l->wake[1] = -1;
    l->refs = 1;
    l->serial = ++serials;
    atomic_init(&l->state, 0);
    atomic_init(&l->count, 0);
    atomic_init(&l->pid, 0);
    atomic_init(&l->tried, 0);
    l->next = reg;
    reg = l;
out:
    pthread_mutex_unlock(&reg_mu);
    return l;
}

void pg_listener_put(pg_listener *l)
{
    if (!l)
        return;
    pthread_mutex_lock(&reg_mu);
    if (--l->refs > 0) {
        pthread_mutex_unlock(&reg_mu);
        return;
    }
    for (pg_listener **p = &reg; *p; p = &(*p)->next)
        if (*p == l) {
            *p = l->next;
            break;
        }
    int started = l->started && !forked;
    pthread_mutex_unlock(&reg_mu);
    if (started) {
        ssize_t w;
        do
            w = write(l->wake[1], "x", 1);
        while (w < 0 && errno == EINTR);
        pthread_join(l->thread, NULL);
    }
    if (l->wake[0] >= 0)
        close(l->wake[0]);
    if (l->wake[1] >= 0)
        close(l->wake[1]);
    free(l->conninfo);
    free(l);
}

void pg_listener_advance(pg_listener *l)
{
    if (l)
        atomic_fetch_add(&l->count, 1);
}

/* Start L's thread (under reg_mu), signals blocked in it: they belong to
 * the threads that wait for them. */
static void start(pg_listener *l)
{
    sigset_t all, old;
    if (l->started || forked)
        return;
    l->started = -1;            /* tried: a failure is not retried per question */
    atomic_store(&l->tried, 1);
    if (pipe(l->wake) != 0) {
        l->wake[0] = l->wake[1] = -1;
        return;
    }
    (void)fcntl(l->wake[0], F_SETFD, FD_CLOEXEC);
    (void)fcntl(l->wake[1], F_SETFD, FD_CLOEXEC);
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    if (pthread_create(&l->thread, NULL, listen_main, l) == 0)
        l->started = 1;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
}

int pg_listener_version(pg_listener *l, unsigned char out[STORE_VERSION_LEN])
{
    if (!l)
        return 0;
    uint64_t s1 = atomic_load(&l->state);
    if (!(s1 & 1)) {
        if (atomic_load(&l->tried))
            return 0;
        pthread_mutex_lock(&reg_mu);
        if (!l->started)
            start(l);
        pthread_mutex_unlock(&reg_mu);
        return 0;
    }
    uint64_t n = atomic_load(&l->count);
    if (atomic_load(&l->state) != s1)
        return 0;
    memset(out, 0, STORE_VERSION_LEN);
    out[0] = 3;                 /* PostgreSQL (SQLite's kinds are 1 and 2) */
    memcpy(out + 8, &l->serial, 8);
    memcpy(out + 16, &s1, 8);
    memcpy(out + 24, &n, 8);
    return 1;
}

size_t pg_listener_pids(const char *conninfo, int *pids, size_t max)
{
    size_t k = 0;
    pthread_mutex_lock(&reg_mu);
    for (pg_listener *l = reg; l && k < max; l = l->next) {
        int pid = atomic_load(&l->pid);
        if (pid && (!conninfo || !strcmp(l->conninfo, conninfo)))
            pids[k++] = pid;
    }
    pthread_mutex_unlock(&reg_mu);
    return k;
}
