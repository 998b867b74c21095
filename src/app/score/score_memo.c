/* score_memo.c — plans' figures kept by their own change generation; the
 * design is in score_memo.h. */
#include <pthread.h>
#include <string.h>
#include "app/score/score_memo.h"

#define UID_LEN 40
#define PERIOD_LEN 16
#define PROBES 8

typedef struct entry {
    int used;
    char uid[UID_LEN];
    char period[PERIOD_LEN];
    int64_t plan_id, plan_gen, shared;
    uint64_t tick;
    score_sum v;
} entry;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static entry table[SCORE_MEMO_SLOTS];
static uint64_t tick;

static uint64_t hash(const char *uid, int64_t plan_id, const char *period)
{
    uint64_t h = 1469598103934665603ULL;    /* FNV-1a */
    for (const char *p = uid; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    for (const char *p = period; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    h ^= (uint64_t)plan_id * 0x9E3779B97F4A7C15ULL;
    return h ^ (h >> 29);
}

static int fits(const char *uid, const char *period)
{
    return uid && period && strlen(uid) < UID_LEN && strlen(period) < PERIOD_LEN;
}

static int same_key(const entry *x, const char *uid, int64_t plan_id, const char *period)
{
    return x->used && x->plan_id == plan_id && strcmp(x->period, period) == 0 && strcmp(x->uid, uid) == 0;
}

int score_memo_get(const char *uid, int64_t plan_id, const char *period, int64_t plan_gen, int64_t shared,
                   score_sum *out)
{
    int hit = 0;
    if (!fits(uid, period))
        return 0;
    uint64_t h = hash(uid, plan_id, period);
    pthread_mutex_lock(&lock);
    for (unsigned i = 0; i < PROBES; i++) {
        entry *x = &table[(h + i) & (SCORE_MEMO_SLOTS - 1)];
        if (!same_key(x, uid, plan_id, period))
            continue;
        if (x->plan_gen == plan_gen && x->shared == shared) {
            *out = x->v;
            x->tick = ++tick;
            hit = 1;
        }
        break;
    }
    pthread_mutex_unlock(&lock);
    return hit;
}

void score_memo_put(const char *uid, int64_t plan_id, const char *period, int64_t plan_gen, int64_t shared,
                    const score_sum *v)
{
    if (!fits(uid, period))
        return;
    uint64_t h = hash(uid, plan_id, period);
    pthread_mutex_lock(&lock);
    entry *w = NULL;
    for (unsigned i = 0; i < PROBES; i++) {
        entry *x = &table[(h + i) & (SCORE_MEMO_SLOTS - 1)];
        if (same_key(x, uid, plan_id, period) || !x->used) {
            w = x;
            break;
        }
        if (!w || x->tick < w->tick)
            w = x;    /* the oldest probed, replaced when no slot is free */
    }
    w->used = 1;
    memcpy(w->uid, uid, strlen(uid) + 1);
    memcpy(w->period, period, strlen(period) + 1);
    w->plan_id = plan_id;
    w->plan_gen = plan_gen;
    w->shared = shared;
    w->v = *v;
    w->tick = ++tick;
    pthread_mutex_unlock(&lock);
}
