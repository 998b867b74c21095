/* score_cache.c — per-process cache of the dashboard's figures, keyed by
 * the data generation (design and rules in score_cache.h). A fixed table
 * of SCORING_CACHE_SLOTS entries under one mutex, least recently used
 * replaced; a body is shared, counted, with the replies that send it (no
 * copy per request, and no lock held while a reply is sent). */
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "app/app_util.h"
#include "app/score/score_cache.h"
#include "app/score/score_int.h"
#include "store/store_generation.h"
#include "app/score/scoring.h"
#include "base/lang.h"
#include "core/period.h"

#define KEY_UID_LEN (AUTH_GEN_UID_MAX + 1)

typedef struct key {
    char uid[KEY_UID_LEN];
    int64_t gen;
    int64_t user_id, org_id;
    int role, active;
    char what[SCORING_CACHE_WHAT_MAX + 1];
    int lang;
    int32_t day;
} key;

struct blob;

typedef struct slot {
    int used;
    key k;
    struct blob *body;
    uint64_t tick;
} slot;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static slot slots[SCORING_CACHE_SLOTS];
static uint64_t tick;

static int key_eq(const key *a, const key *b)
{
    return a->gen == b->gen && a->user_id == b->user_id && a->org_id == b->org_id && a->role == b->role &&
           a->active == b->active && a->lang == b->lang && a->day == b->day && strcmp(a->uid, b->uid) == 0 &&
           strcmp(a->what, b->what) == 0;
}

struct gen_row {
    int64_t gen;
    char uid[KEY_UID_LEN];
    int found;
};

/* The data generation (store/store_generation.h: the one "has anything
 * changed" mechanism, which the session cache of app/auth keys on too). */
static dti_rc gen_read(store *s, struct gen_row *g, dti_err *e)
{
    store_gen sg;
    int found = 0;
    dti_rc rc = store_generation(s, &sg, &found, e);
    if (rc || !found || strlen(sg.uid) >= sizeof g->uid)
        return rc;
    g->gen = sg.gen;
    memcpy(g->uid, sg.uid, strlen(sg.uid) + 1);
    g->found = 1;
    return DTI_OK;
}

/* A kept text, shared by the cache and the replies being sent (no copy
 * per request): the text follows the header; the last reference frees it. */
typedef struct blob {
    atomic_size_t refs;
    size_t len;
    char text[];
} blob;

static blob *blob_new(const char *text, size_t len)
{
    blob *b = malloc(sizeof *b + len + 1);
    if (!b)
        return NULL;
    atomic_init(&b->refs, 1);
    b->len = len;
    memcpy(b->text, text, len);
    b->text[len] = 0;
    return b;
}

static void blob_unref(blob *b)
{
    if (b && atomic_fetch_sub(&b->refs, 1) == 1)
        free(b);
}

void scoring_cache_free(void *body)
{
    if (body)
        blob_unref((blob *)(void *)((char *)body - offsetof(blob, text)));
}

/* The entry for K, with a reference for the caller; NULL if none. */
static blob *lookup(const key *k)
{
    blob *b = NULL;
    pthread_mutex_lock(&lock);
    for (size_t i = 0; i < SCORING_CACHE_SLOTS; i++) {
        slot *x = &slots[i];
        if (!x->used || !key_eq(&x->k, k))
            continue;
        b = x->body;
        atomic_fetch_add(&b->refs, 1);
        x->tick = ++tick;
        break;
    }
    pthread_mutex_unlock(&lock);
    return b;
}

/* Keep B (one more reference) under K. An entry of the same database with
 * an older generation is dead: it is the first to go. */
static void insert(const key *k, blob *b)
{
    if (b->len > SCORING_CACHE_BODY_MAX)
        return;
    atomic_fetch_add(&b->refs, 1);
    pthread_mutex_lock(&lock);
    /* the same key (another thread was first), else a free slot, else a
     * dead entry, else the least recently used */
    slot *victim = &slots[0];
    int best = -1;
    for (size_t i = 0; i < SCORING_CACHE_SLOTS; i++) {
        slot *x = &slots[i];
        int rank = !x->used ? 2 : key_eq(&x->k, k) ? 3 : (strcmp(x->k.uid, k->uid) == 0 && x->k.gen < k->gen) ? 1 : 0;
        if (rank > best || (rank == best && x->tick < victim->tick)) {
            best = rank;
            victim = x;
        }
    }
    blob *old = victim->body;
    victim->used = 1;
    victim->k = *k;
    victim->body = b;
    victim->tick = ++tick;
    pthread_mutex_unlock(&lock);
    blob_unref(old);
}

dti_rc scoring_cache_json_as(store *s, const auth_user *u, const char *what, time_t now, scoring_cache_fn fn,
                        void *ctx, char **body, size_t *len, int *hit, dti_err *e)
{
    dti_rc rc;
    struct gen_row g;
    key k;
    json_t *j = NULL;
    char *text = NULL;
    int can_cache;

    *body = NULL;
    *len = 0;
    if (hit)
        *hit = 0;
    memset(&g, 0, sizeof g);
    memset(&k, 0, sizeof k);
    if (u && u->gen_known) {
        /* read with the session, in the request's first statement */
        g.gen = u->gen;
        memcpy(g.uid, u->gen_uid, sizeof g.uid);
        g.found = 1;
    } else if ((rc = gen_read(s, &g, e))) {
        return rc;
    }
    can_cache = g.found && u && what && strlen(what) < sizeof k.what;
    if (can_cache) {
        memcpy(k.uid, g.uid, sizeof k.uid);
        k.gen = g.gen;
        k.user_id = u->id;
        k.org_id = u->org_id;
        k.role = (int)u->role;
        k.active = u->active;
        memcpy(k.what, what, strlen(what) + 1);
        k.lang = (int)lang_get();
        k.day = period_today_vn(now);
        blob *b = lookup(&k);
        if (b) {
            *body = b->text;
            *len = b->len;
            if (hit)
                *hit = 1;
            return DTI_OK;
        }
    }
    if ((rc = fn(s, ctx, &j, e)))
        return rc;
    text = j ? json_dumps(j, JSON_COMPACT) : NULL;
    json_decref(j);
    blob *b = text ? blob_new(text, strlen(text)) : NULL;
    free(text);
    if (!b)
        return app_nomem(e);
    if (can_cache)
        insert(&k, b);
    *body = b->text;
    *len = b->len;
    return DTI_OK;
}

struct plan_ctx {
    const auth_user *u;
    int64_t plan_id;
    const char *period;
    time_t now;
};

static dti_rc plan_fn(store *s, void *ctx, json_t **out, dti_err *e)
{
    struct plan_ctx *c = ctx;
    return scoring_plan(s, c->u, c->plan_id, c->period, c->now, out, e);
}

dti_rc scoring_plan_text(app *a, int64_t plan_id, const char *period_code, char **body, size_t *len, int *hit,
                         dti_err *e)
{
    auth_user user;
    const auth_user *u = &user;
    store *s = a->st;
    time_t now = a->now;
    struct plan_ctx c = {u, plan_id, period_code, now};
    dti_rc rc;
    *body = NULL;
    *len = 0;
    if ((rc = scoring_actor(a, &user, e)))
        return rc;
    char what[SCORING_CACHE_WHAT_MAX + 8];
    int n = snprintf(what, sizeof what, "score/%lld/%s", (long long)plan_id, period_code ? period_code : "");
    /* no period, or one too long to keep: computed (and refused) as ever */
    return scoring_cache_json_as(s, u, period_code && n > 0 && (size_t)n <= SCORING_CACHE_WHAT_MAX ? what : NULL, now,
                            plan_fn, &c, body, len, hit, e);
}

/* scoring_plan without each indicator's "observations" (the figures it
 * read): what the dashboard shows, a fraction of the bytes. */
static dti_rc view_fn(store *s, void *ctx, json_t **out, dti_err *e)
{
    dti_rc rc = plan_fn(s, ctx, out, e);
    if (rc)
        return rc;
    size_t i;
    json_t *ind;
    json_array_foreach(json_object_get(*out, "indicators"), i, ind)
        json_object_del(ind, "observations");
    return DTI_OK;
}

dti_rc scoring_view_text(app *a, int64_t plan_id, const char *period_code, char **body, size_t *len, int *hit,
                         dti_err *e)
{
    auth_user user;
    const auth_user *u = &user;
    store *s = a->st;
    time_t now = a->now;
    struct plan_ctx c = {u, plan_id, period_code, now};
    dti_rc rc;
    *body = NULL;
    *len = 0;
    if ((rc = scoring_actor(a, &user, e)))
        return rc;
    char what[SCORING_CACHE_WHAT_MAX + 8];
    int n = snprintf(what, sizeof what, "score-view/%lld/%s", (long long)plan_id, period_code ? period_code : "");
    return scoring_cache_json_as(s, u, period_code && n > 0 && (size_t)n <= SCORING_CACHE_WHAT_MAX ? what : NULL, now,
                            view_fn, &c, body, len, hit, e);
}

struct rank_ctx {
    const auth_user *u;
    int64_t plan_id;
    const char *period;
    scoring_rank_kind kind;
    score_province_mode mode;
    time_t now;
};

static dti_rc rank_fn(store *s, void *ctx, json_t **out, dti_err *e)
{
    struct rank_ctx *c = ctx;
    scoring_ranking rk;
    memset(&rk, 0, sizeof rk);
    dti_rc rc = scoring_rank_as(s, c->u, c->plan_id, c->period, c->kind, c->mode, c->now, &rk, e);
    if (rc == DTI_OK)
        rc = scoring_ranking_json(&rk, out, e);
    scoring_ranking_release(&rk);
    return rc;
}

dti_rc scoring_rank_text(app *a, int64_t plan_id, const char *pcode, scoring_rank_kind kind,
                         score_province_mode mode, char **body, size_t *len, int *hit, dti_err *e)
{
    auth_user u;
    char what[SCORING_CACHE_WHAT_MAX + 8];
    dti_rc rc;
    *body = NULL;
    *len = 0;
    if ((rc = scoring_actor(a, &u, e)))
        return rc;
    struct rank_ctx c = {&u, plan_id, pcode, kind, mode, a->now};
    int n = snprintf(what, sizeof what, "rankings/%lld?by=%d&province=%d&period=%s", (long long)plan_id, (int)kind,
                     (int)mode, pcode ? pcode : "");
    return scoring_cache_json_as(a->st, &u, n > 0 && (size_t)n <= SCORING_CACHE_WHAT_MAX ? what : NULL, a->now,
                                 rank_fn, &c, body, len, hit, e);
}

dti_rc scoring_cache_json(app *a, const char *what, scoring_cache_fn fn, void *ctx, char **body, size_t *len,
                          int *hit, dti_err *e)
{
    auth_user u;
    dti_rc rc;
    *body = NULL;
    *len = 0;
    if ((rc = scoring_actor(a, &u, e)))
        return rc;
    return scoring_cache_json_as(a->st, &u, what, a->now, fn, ctx, body, len, hit, e);
}

void scoring_cache_clear(void)
{
    pthread_mutex_lock(&lock);
    for (size_t i = 0; i < SCORING_CACHE_SLOTS; i++) {
        blob_unref(slots[i].body);
        memset(&slots[i], 0, sizeof slots[i]);
    }
    pthread_mutex_unlock(&lock);
}
