/* remind_loop.c — the server's own schedule for reminders (remind.h,
 * remind_loop_start): one thread with its own store handle that runs
 * remind_run_as() every few seconds' interval and sleeps on a condition
 * variable in between, so that stopping the server wakes it at once.
 *
 * A run's failure (the database busy, the mail server down) is logged on
 * stderr and the next run tries again: notices not made are made then, and
 * mails not sent stay pending (remind.h). Several servers on one database
 * may all run it: the notices' keys and the mail claims keep each notice
 * made and sent once. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "app/app.h"
#include "app/remind/remind.h"
#include "base/lang.h"

struct remind_loop {
    pthread_t th;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int stop;
    unsigned every_s;
    char *db_url;               /* owned */
    remind_mail_cfg mail;
};

static void run_once(struct remind_loop *l, store *s)
{
    remind_result r;
    dti_err e;
    dti_err_clear(&e);
    if (remind_run_as(s, app_now(), &l->mail, 0, &r, &e) != DTI_OK)
        fprintf(stderr, "dti: %s: %s\n", TR("nhắc hạn", "reminders"), e.msg);
    for (size_t i = 0; i < r.n; i++)
        fprintf(stderr, "dti: %s %s → %s%s%s: %s\n", TR("nhắc hạn", "reminder"), r.v[i].kind, r.v[i].user,
                r.v[i].email ? " <" : "", r.v[i].email ? r.v[i].email : "", r.v[i].subject);
    if (r.mailed || r.failed)
        fprintf(stderr, "dti: %s %zu, %s %zu\n", TR("đã gửi thư", "mailed"), r.mailed, TR("lỗi", "failed"), r.failed);
    remind_result_release(&r);
}

static void *loop_main(void *arg)
{
    struct remind_loop *l = arg;
    store *s = NULL;
    dti_err e;
    pthread_mutex_lock(&l->mu);
    while (!l->stop) {
        pthread_mutex_unlock(&l->mu);
        if (!s) {
            dti_err_clear(&e);
            if (store_open(l->db_url, &s, &e) != DTI_OK) {
                fprintf(stderr, "dti: %s: %s\n", TR("nhắc hạn", "reminders"), e.msg);
                s = NULL;
            }
        }
        if (s)
            run_once(l, s);
        pthread_mutex_lock(&l->mu);
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += l->every_s;
        while (!l->stop) {
            int w = pthread_cond_timedwait(&l->cv, &l->mu, &until);
            if (w == ETIMEDOUT)
                break;
        }
    }
    pthread_mutex_unlock(&l->mu);
    store_close(s);
    return NULL;
}

dti_rc remind_loop_start(const char *db_url, unsigned every_s, remind_loop **out, dti_err *e)
{
    *out = NULL;
    if (every_s == 0)
        return DTI_OK;
    struct remind_loop *l = calloc(1, sizeof *l);
    if (!l)
        return dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
    dti_rc rc = remind_mail_from_env(&l->mail, e);
    if (rc) {
        free(l);
        return rc;
    }
    l->every_s = every_s;
    if (!(l->db_url = strdup(db_url))) {
        free(l);
        return dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
    }
    pthread_mutex_init(&l->mu, NULL);
    pthread_cond_init(&l->cv, NULL);
    if (pthread_create(&l->th, NULL, loop_main, l) != 0) {
        pthread_mutex_destroy(&l->mu);
        pthread_cond_destroy(&l->cv);
        free(l->db_url);
        free(l);
        return dti_fail(e, DTI_ERR_INTERNAL, NULL, "không tạo được luồng nhắc hạn", "cannot start the reminder thread");
    }
    *out = l;
    return DTI_OK;
}

void remind_loop_stop(remind_loop *l)
{
    if (!l)
        return;
    pthread_mutex_lock(&l->mu);
    l->stop = 1;
    pthread_cond_signal(&l->cv);
    pthread_mutex_unlock(&l->mu);
    pthread_join(l->th, NULL);
    pthread_mutex_destroy(&l->mu);
    pthread_cond_destroy(&l->cv);
    free(l->db_url);
    free(l);
}
