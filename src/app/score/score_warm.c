/* score_warm.c — the national ranking's figures computed in the background
 * at the server's start (design in score_warm.h). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif
#include "app/app.h"
#include "app/score/score_country.h"
#include "app/score/score_warm.h"
#include "base/lang.h"
#include "base/text.h"
#include "core/period.h"
#include "store/store_score.h"

struct score_warm {
    pthread_t th;
    pthread_mutex_t mu;
    int stop;
    dti_lang lang;              /* the server's (lang_get is per thread) */
    char *db_url;               /* owned */
};

static int should_stop(void *arg)
{
    score_warm *w = arg;
    pthread_mutex_lock(&w->mu);
    int s = w->stop;
    pthread_mutex_unlock(&w->mu);
    return s;
}

static double since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static void *warm_main(void *arg)
{
    score_warm *w = arg;
    app a;
    dti_err e;
    char *code = NULL, upto[PERIOD_CODE_LEN];
    size_t n = 0;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    lang_set(w->lang);
#ifdef __linux__
    /* this thread only (a thread's id names it to setpriority on Linux) */
    if (setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 10) != 0) {
        /* not allowed: it runs at the server's priority */
    }
#endif
    dti_err_clear(&e);
    memset(&a, 0, sizeof a);
    if (app_open(&a, w->db_url, 0, &e) != DTI_OK)
        goto fail;
    period_ymd d = period_ymd_of(period_today_vn(a.now));
    snprintf(upto, sizeof upto, "%04d-%02d", d.y % 10000, d.m);
    if (store_score_latest_month(a.st, upto, &code, &e) != DTI_OK)
        goto fail;
    if (!code)
        goto out;       /* no approved report yet: nothing to rank */
    if (scoring_country_warm(&a, code, should_stop, w, &n, &e) != DTI_OK)
        goto fail;
    if (!should_stop(w))
        fprintf(stderr, "dti: %s %s: %zu %s, %.1f s\n",
                TR("đã tính sẵn xếp hạng toàn quốc kỳ", "national ranking warmed for"), code, n,
                TR("kế hoạch", "plans"), since(&t0));
    goto out;
fail:
    fprintf(stderr, "dti: %s: %s\n", TR("tính sẵn xếp hạng toàn quốc", "national ranking warm-up"), e.msg);
out:
    free(code);
    app_close(&a);
    return NULL;
}

dti_rc score_warm_start(const char *db_url, score_warm **out, dti_err *e)
{
    const char *env = getenv("DTI_WARM");
    *out = NULL;
    if (!env || strcmp(env, "1") != 0)   /* opt-in: see score_warm.h */
        return DTI_OK;
    score_warm *w = calloc(1, sizeof *w);
    if (!w || !(w->db_url = text_dup(db_url))) {
        free(w);
        return dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
    }
    w->lang = lang_get();
    pthread_mutex_init(&w->mu, NULL);
    if (pthread_create(&w->th, NULL, warm_main, w) != 0) {
        pthread_mutex_destroy(&w->mu);
        free(w->db_url);
        free(w);
        return dti_fail(e, DTI_ERR_IO, NULL, "không tạo được luồng tính sẵn", "cannot start the warm-up thread");
    }
    *out = w;
    return DTI_OK;
}

void score_warm_stop(score_warm *w)
{
    if (!w)
        return;
    pthread_mutex_lock(&w->mu);
    w->stop = 1;
    pthread_mutex_unlock(&w->mu);
    pthread_join(w->th, NULL);
    pthread_mutex_destroy(&w->mu);
    free(w->db_url);
    free(w);
}
