/* cmd_serve.c — `dti serve`: the web server (http/server.h) until SIGINT or SIGTERM.
 *
 *   dti --db FILE serve [--listen HOST:PORT] [--threads N] [--tls-cert F --tls-key F]
 *                       [--trust-proxy] [--max-connections N] [--max-per-ip N]
 *                       [--idle-timeout S] [--admin NAME] [--log]
 *
 * --max-connections (default 1024), --max-per-ip (default 256: an office
 * behind one NAT address shares it; 0 for no
 * limit, the setting behind a reverse proxy, where every user comes from
 * the proxy's address) and --idle-timeout (default 15 s) are the limits
 * docs/operations.md explains.
 *
 * --admin NAME creates the first administrator, with the password in the
 * environment variable DTI_ADMIN_PASSWORD, when the store has no user yet.
 * Prints the address it serves on (port 0 picks a free one: tests use it)
 * and, on a signal, stops accepting, lets requests in flight finish (at
 * most SERVE_GRACE_MS) and exits 0. The signals are blocked before the
 * server's threads start, so that only this thread receives them, in
 * sigwait(). The stop is bounded: a watchdog thread ends the process after
 * SERVE_STOP_MAX_MS whatever the server is doing (a second signal ends it
 * at once), so SIGTERM always stops it within 5 s; SQLite's journal keeps
 * every committed write through such an end, and an uncommitted one was
 * never acknowledged.
 * Reminders (app/remind.h) run on their own thread every DTI_REMIND_EVERY
 * seconds (default 60; 0 turns them off), with the mail server of DTI_SMTP_*;
 * that thread is stopped first on a signal.
 * Once the address is printed, the national ranking's figures are computed
 * in the background (app/score/score_warm.h; only with DTI_WARM=1).
 *
 * --workers N (N > 1) forks N server processes on one port (the
 * --reuse-port path, SO_REUSEPORT: the kernel spreads connections; sessions
 * and caches are shared through the database). The parent serves nothing:
 * it starts the workers one by one, each telling it over a pipe the port it
 * listens on (the first one picks it when the port is 0, the others join
 * it), and exits non-zero, stopping those already started, if one fails to
 * start. It then prints the address once and supervises: SIGINT/SIGTERM
 * are forwarded to every worker (a second one forwards SIGKILL) and it
 * waits for all of them. A worker that dies meanwhile is reported on
 * stderr and NOT restarted (a crash loop would hide the fault; the other
 * workers keep the port served); when none is left the parent exits. Its
 * exit status is 0 only if every worker exited 0. Only the first worker
 * runs the reminders (one sender, as with a single process). On Linux each
 * worker asks for SIGTERM when the parent dies (PR_SET_PDEATHSIG), so a
 * killed supervisor leaves no orphan serving the port. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include "base/file.h"
#include "app/app.h"
#include "app/auth/auth.h"
#include "app/remind/remind.h"
#include "app/score/score_warm.h"
#include "base/lang.h"
#include "cli/cli.h"
#include "http/server.h"

#define SERVE_MAX_THREADS 256
#define SERVE_GRACE_MS    2000  /* requests in flight may finish */
#define SERVE_STOP_MAX_MS 4500  /* then the process ends whatever happens */
#define SERVE_MAX_WORKERS 64

static const char USAGE_VI[] = "serve [--listen ĐỊA_CHỈ:CỔNG] [--threads N] [--tls-cert TỆP --tls-key TỆP] "
                               "[--trust-proxy] [--max-connections N] [--max-per-ip N] [--idle-timeout GIÂY] "
                               "[--admin TÊN] [--log] [--reuse-port] [--workers N]";
static const char USAGE_EN[] = "serve [--listen HOST:PORT] [--threads N] [--tls-cert FILE --tls-key FILE] "
                               "[--trust-proxy] [--max-connections N] [--max-per-ip N] [--idle-timeout SECONDS] "
                               "[--admin NAME] [--log] [--reuse-port] [--workers N]";

/* A whole number MIN..MAX from S into *OUT, or -1. */
static int parse_uint(const char *s, long min, long max, unsigned *out)
{
    char *end = NULL;
    errno = 0;
    long n = strtol(s, &end, 10);
    if (errno || !end || *end || end == s || n < min || n > max)
        return -1;
    *out = (unsigned)n;
    return 0;
}

static void *stop_watchdog(void *arg)
{
    sigset_t *sigs = arg;
    struct timespec start, now;
    siginfo_t si;
    clock_gettime(CLOCK_MONOTONIC, &start);
    /* A second SIGINT/SIGTERM, or the time is up; an interruption (EINTR)
     * waits again for what is left. */
    for (;;) {
        clock_gettime(CLOCK_MONOTONIC, &now);
        long left = SERVE_STOP_MAX_MS - ((now.tv_sec - start.tv_sec) * 1000L +
                                         (now.tv_nsec - start.tv_nsec) / 1000000L);
        if (left <= 0)
            break;
        struct timespec ts = {left / 1000, (left % 1000) * 1000000L};
        if (sigtimedwait(sigs, &si, &ts) > 0 || errno == EAGAIN)
            break;
    }
    static const char msg[] = "dti: máy chủ không dừng kịp, kết thúc ngay (stopped by force)\n";
    ssize_t w = write(2, msg, sizeof msg - 1);
    (void)w;
    _exit(1);
    return NULL;
}

/* Split "127.0.0.1:8080", "[::1]:8080" or ":8080" into HOST (static buffer) and *PORT. */
static int parse_listen(const char *s, char *host, size_t hostsz, unsigned *port)
{
    const char *colon;
    size_t hl;
    if (s[0] == '[') {
        const char *close = strchr(s, ']');
        if (!close || close[1] != ':')
            return -1;
        hl = (size_t)(close - s - 1);
        s++;
        colon = close + 1;
    } else {
        colon = strrchr(s, ':');
        if (!colon)
            return -1;
        hl = (size_t)(colon - s);
    }
    if (hl >= hostsz)
        return -1;
    memcpy(host, s, hl);
    host[hl] = 0;
    char *end = NULL;
    errno = 0;
    long p = strtol(colon + 1, &end, 10);
    if (errno || !end || *end || colon[1] == 0 || p < 0 || p > 65535)
        return -1;
    *port = (unsigned)p;
    return 0;
}

/* --admin NAME: on a store with no user yet, create the first admin NAME
 * with the password in DTI_ADMIN_PASSWORD (so that a fresh server can be
 * logged into); with users already there, nothing. */
static dti_rc bootstrap_admin(const char *db, const char *name, dti_err *e)
{
    app a;
    int64_t n = 0;
    const char *pw = getenv("DTI_ADMIN_PASSWORD");
    dti_rc rc = app_open(&a, db, 0, e);
    if (rc != DTI_OK)
        return rc;
    if ((rc = auth_user_count(a.st, &n, e)) == DTI_OK && n == 0) {
        if (!pw || !*pw)
            rc = dti_fail(e, DTI_ERR_INPUT, "DTI_ADMIN_PASSWORD",
                          "--admin cần mật khẩu trong biến môi trường DTI_ADMIN_PASSWORD",
                          "--admin needs the password in the environment variable DTI_ADMIN_PASSWORD");
        else
            rc = auth_user_add(a.st, NULL, name, name, ROLE_ADMIN, 0, pw, a.now, NULL, e);
    }
    app_close(&a);
    return rc;
}

/* DTI_REMIND_EVERY seconds between reminder runs: default 60, 0 = off. */
static unsigned remind_every(void)
{
    const char *v = getenv("DTI_REMIND_EVERY");
    char *end = NULL;
    long n = v && *v ? strtol(v, &end, 10) : 60;
    return v && *v && (*end || n < 0 || n > 86400) ? 60 : (unsigned)n;
}

/* Serve with CFG until SIGINT/SIGTERM (already blocked in SIGS). REPORT_FD
 * >= 0: a worker, which writes its port there once it listens (and prints
 * no address: the supervisor does) and closes it; on a failure to start it
 * writes nothing. REMIND: run the reminder thread. Returns a CLI_ status. */
static int serve_one(cli_ctx *ctx, http_server_cfg *cfg, sigset_t *sigs, int report_fd, int remind)
{
    http_server *srv = NULL;
    remind_loop *reminders = NULL;
    score_warm *warm = NULL;
    dti_err e;
    dti_err_clear(&e);
    signal(SIGPIPE, SIG_IGN);
    if (http_server_start(cfg, &srv, &e) != DTI_OK)
        return cli_error(&e);
    if (remind && remind_loop_start(ctx->db, remind_every(), &reminders, &e) != DTI_OK) {
        http_server_stop(srv, 0);
        return cli_error(&e);
    }
    if (report_fd >= 0) {
        char port[16];
        int n = snprintf(port, sizeof port, "%u\n", http_server_port(srv));
        ssize_t w = write(report_fd, port, (size_t)n);
        (void)w;
        close(report_fd);
    } else {
        printf("%s %s://%s%s%s:%u/ (%u %s, %s %s)\n", TR("dti: đang phục vụ tại", "dti: serving on"),
               cfg->tls_cert ? "https" : "http", strchr(cfg->host, ':') ? "[" : "", cfg->host,
               strchr(cfg->host, ':') ? "]" : "", http_server_port(srv), cfg->threads, TR("luồng", "threads"),
               TR("dữ liệu", "data"), ctx->db);
        fflush(stdout);
    }
    /* after the address is out: the warm-up never delays readiness */
    if (score_warm_start(ctx->db, &warm, &e) != DTI_OK)
        fprintf(stderr, "dti: %s\n", e.msg);
    int sig = 0;
    sigwait(sigs, &sig);
    fprintf(stderr, "dti: %s\n", TR("đang dừng máy chủ", "stopping the server"));
    pthread_t wd;               /* first: nothing below may delay the stop past its bound */
    if (pthread_create(&wd, NULL, stop_watchdog, sigs) == 0)
        pthread_detach(wd);
    remind_loop_stop(reminders);
    score_warm_stop(warm);
    http_server_stop(srv, SERVE_GRACE_MS);
    return CLI_OK;
}

static void on_child(int sig)
{
    (void)sig; /* only so that SIGCHLD is delivered to sigtimedwait() */
}

/* Fork worker number I; its port into *PORT once it listens. Returns the
 * pid, or -1 when it could not be started (then reaped). */
static pid_t start_worker(cli_ctx *ctx, http_server_cfg *cfg, sigset_t *sigs, unsigned i, unsigned *port)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    fflush(stdout);
    fflush(stderr);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (pid == 0) {
        close(fds[0]);
#ifdef __linux__
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (getppid() != parent)
            _exit(1);
#else
        (void)parent;
#endif
        signal(SIGCHLD, SIG_DFL);
        sigset_t chld;
        sigemptyset(&chld);
        sigaddset(&chld, SIGCHLD);
        pthread_sigmask(SIG_UNBLOCK, &chld, NULL);
        exit(serve_one(ctx, cfg, sigs, fds[1], i == 0));
    }
    close(fds[1]);
    char line[16] = "";
    size_t got = 0;
    ssize_t n;
    while (got < sizeof line - 1 && (n = read(fds[0], line + got, sizeof line - 1 - got)) != 0) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            break;
        got += (size_t)n;
    }
    close(fds[0]);
    line[got] = 0;
    char *end = NULL;
    long p = strtol(line, &end, 10);
    if (got == 0 || !end || *end != '\n' || p <= 0 || p > 65535) {
        int st;
        kill(pid, SIGTERM);
        while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
            ;
        return -1;
    }
    *port = (unsigned)p;
    return pid;
}

/* Say how worker PID ended (stderr); returns 0 when it exited 0. */
static int worker_ended(pid_t pid, int st, int stopping)
{
    int ok = WIFEXITED(st) && WEXITSTATUS(st) == 0;
    if (WIFSIGNALED(st))
        fprintf(stderr, "dti: %s %ld %s %d%s\n", TR("tiến trình phục vụ", "worker"), (long)pid,
                TR("bị dừng bởi tín hiệu", "was killed by signal"), WTERMSIG(st),
                stopping ? "" : TR(" (không khởi động lại)", " (not restarted)"));
    else if (!ok || !stopping)
        fprintf(stderr, "dti: %s %ld %s %d%s\n", TR("tiến trình phục vụ", "worker"), (long)pid,
                TR("đã dừng, mã thoát", "exited with status"), WIFEXITED(st) ? WEXITSTATUS(st) : -1,
                stopping ? "" : TR(" (không khởi động lại)", " (not restarted)"));
    return ok ? 0 : -1;
}

/* --workers N: see the top of the file. */
static int supervise(cli_ctx *ctx, http_server_cfg *cfg, unsigned n, sigset_t *sigs)
{
    pid_t pids[SERVE_MAX_WORKERS];
    unsigned live = 0, started = 0;
    int failed = 0, stopping = 0, rc = CLI_OK;
    sigset_t waitset = *sigs;
    sigaddset(&waitset, SIGCHLD);
    signal(SIGCHLD, on_child);
    pthread_sigmask(SIG_BLOCK, &waitset, NULL);
    for (unsigned i = 0; i < n; i++) {
        unsigned port = 0;
        pid_t pid = start_worker(ctx, cfg, sigs, i, &port);
        if (pid < 0) {
            fprintf(stderr, "dti: %s %u/%u %s\n", TR("tiến trình phục vụ", "worker"), i + 1, n,
                    TR("không khởi động được; dừng các tiến trình khác", "failed to start; stopping the others"));
            failed = 1;
            break;
        }
        pids[started++] = pid;
        live++;
        cfg->port = port; /* the others join the first one's port */
    }
    if (!failed) {
        printf("%s %s://%s%s%s:%u/ (%u %s × %u %s, %s %s)\n", TR("dti: đang phục vụ tại", "dti: serving on"),
               cfg->tls_cert ? "https" : "http", strchr(cfg->host, ':') ? "[" : "", cfg->host,
               strchr(cfg->host, ':') ? "]" : "", cfg->port, n, TR("tiến trình", "workers"), cfg->threads,
               TR("luồng", "threads"), TR("dữ liệu", "data"), ctx->db);
        fflush(stdout);
    } else {
        stopping = 1;
        for (unsigned i = 0; i < started; i++)
            kill(pids[i], SIGTERM);
    }
    while (live > 0) {
        siginfo_t si;
        int sig = sigwaitinfo(&waitset, &si);
        if (sig < 0)
            continue;
        if (sig == SIGINT || sig == SIGTERM) {
            if (!stopping)
                fprintf(stderr, "dti: %s\n", TR("đang dừng các tiến trình phục vụ", "stopping the workers"));
            for (unsigned i = 0; i < started; i++)
                if (pids[i] > 0)
                    kill(pids[i], stopping ? SIGKILL : sig);
            stopping = 1;
            continue;
        }
        int st;
        pid_t pid;
        while ((pid = waitpid(-1, &st, WNOHANG)) > 0) {
            for (unsigned i = 0; i < started; i++)
                if (pids[i] == pid) {
                    pids[i] = -1;
                    live--;
                    if (worker_ended(pid, st, stopping) != 0)
                        failed = 1;
                }
        }
        if (!live && !stopping)
            fprintf(stderr, "dti: %s\n", TR("không còn tiến trình phục vụ nào", "no worker is left"));
    }
    if (failed)
        rc = CLI_FAIL;
    return rc;
}

int cmd_serve(cli_ctx *ctx, int argc, char **argv)
{
    int rc = CLI_FAIL;
    char host[128] = "127.0.0.1";
    const char *cert_path = NULL, *key_path = NULL, *admin = NULL;
    char *cert = NULL, *key = NULL;
    size_t len;
    http_server_cfg cfg;
    unsigned workers = 1;
    dti_err e;
    dti_err_clear(&e);
    memset(&cfg, 0, sizeof cfg);
    cfg.port = 8080;
    cfg.conn_limit = 1024;
    cfg.per_ip_limit = 256;
    cfg.timeout_s = 15;
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    cfg.threads = ncpu > 0 && ncpu < 64 ? (unsigned)ncpu : 4;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--listen") == 0 && i + 1 < argc) {
            if (parse_listen(argv[++i], host, sizeof host, &cfg.port) != 0)
                return cli_usage(USAGE_VI, USAGE_EN);
        } else if (strcmp(a, "--threads") == 0 && i + 1 < argc) {
            char *end = NULL;
            errno = 0;
            long n = strtol(argv[++i], &end, 10);
            if (errno || !end || *end || n < 1 || n > SERVE_MAX_THREADS)
                return cli_usage(USAGE_VI, USAGE_EN);
            cfg.threads = (unsigned)n;
        } else if (strcmp(a, "--tls-cert") == 0 && i + 1 < argc) {
            cert_path = argv[++i];
        } else if (strcmp(a, "--tls-key") == 0 && i + 1 < argc) {
            key_path = argv[++i];
        } else if (strcmp(a, "--trust-proxy") == 0) {
            cfg.trust_proxy = 1;
        } else if (strcmp(a, "--max-connections") == 0 && i + 1 < argc) {
            if (parse_uint(argv[++i], 1, 100000, &cfg.conn_limit) != 0)
                return cli_usage(USAGE_VI, USAGE_EN);
        } else if (strcmp(a, "--max-per-ip") == 0 && i + 1 < argc) {
            if (parse_uint(argv[++i], 0, 100000, &cfg.per_ip_limit) != 0)
                return cli_usage(USAGE_VI, USAGE_EN);
        } else if (strcmp(a, "--idle-timeout") == 0 && i + 1 < argc) {
            if (parse_uint(argv[++i], 1, 3600, &cfg.timeout_s) != 0)
                return cli_usage(USAGE_VI, USAGE_EN);
        } else if (strcmp(a, "--admin") == 0 && i + 1 < argc) {
            admin = argv[++i];
        } else if (strcmp(a, "--log") == 0) {
            cfg.log_requests = 1;
        } else if (strcmp(a, "--reuse-port") == 0) {
            cfg.reuse_port = 1;
        } else if (strcmp(a, "--workers") == 0 && i + 1 < argc) {
            if (parse_uint(argv[++i], 1, SERVE_MAX_WORKERS, &workers) != 0)
                return cli_usage(USAGE_VI, USAGE_EN);
        } else {
            return cli_usage(USAGE_VI, USAGE_EN);
        }
    }
    if (!cert_path != !key_path)
        return cli_usage(USAGE_VI, USAGE_EN);
    if (cert_path && (file_read(cert_path, 1 << 20, &cert, &len, &e) != DTI_OK ||
                      file_read(key_path, 1 << 20, &key, &len, &e) != DTI_OK)) {
        rc = cli_error(&e);
        goto out;
    }
    if (admin && bootstrap_admin(ctx->db, admin, &e) != DTI_OK) {
        rc = cli_error(&e);
        goto out;
    }
    cfg.host = host;
    cfg.db_url = ctx->db;
    cfg.db_open = app_conn_open;
    cfg.db_close = app_conn_close;
    cfg.tls_cert = cert;
    cfg.tls_key = key;

    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    if (workers > 1) {
        cfg.reuse_port = 1;
        rc = supervise(ctx, &cfg, workers, &sigs);
        goto out;
    }
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    rc = serve_one(ctx, &cfg, &sigs, -1, 1);
out:
    free(cert);
    free(key);
    return rc;
}
