/* store_generation.c — the data generation, read through a per-thread
 * memory keyed by the data version (the decision is in store_generation.h).
 *
 * One entry per thread, in static thread-local storage: the version taken
 * before the row was read, and what was read. The contract of
 * store_data_version makes it safe to share between the handles a thread
 * uses: equal versions through handles on one database mean no commit in
 * between, and versions of two databases differ. */
#include <string.h>
#include "store/store_generation.h"

struct gen_memo {
    int valid;
    unsigned char version[STORE_VERSION_LEN];
    store_gen g;
};

static _Thread_local struct gen_memo memo;

void store_generation_note(const unsigned char version[STORE_VERSION_LEN], int have, const store_gen *g)
{
    if (!have || !g) {
        return;
    }
    memcpy(memo.version, version, STORE_VERSION_LEN);
    memo.g = *g;
    memo.valid = 1;
}

int store_generation_known(store *s, store_gen *out)
{
    unsigned char v[STORE_VERSION_LEN];
    if (!memo.valid || !store_data_version(s, v) || memcmp(v, memo.version, STORE_VERSION_LEN) != 0)
        return 0;
    *out = memo.g;
    return 1;
}

struct gen_read {
    store_gen g;
    int found;
};

static int gen_row(void *ctx, const store_row *r)
{
    struct gen_read *x = ctx;
    if (r->n < 2 || r->v[0].t != SV_INT || r->v[1].t != SV_TEXT || r->v[1].n > STORE_GEN_UID_MAX)
        return 1;
    x->g.gen = r->v[0].i;
    memcpy(x->g.uid, r->v[1].s, r->v[1].n);
    x->g.uid[r->v[1].n] = 0;
    x->found = 1;
    return 1;
}

dti_rc store_generation(store *s, store_gen *out, int *found, dti_err *e)
{
    unsigned char v[STORE_VERSION_LEN];
    struct gen_read x;
    memset(out, 0, sizeof *out);
    if (found)
        *found = 0;
    if (store_generation_known(s, out)) {
        if (found)
            *found = 1;
        return DTI_OK;
    }
    /* the version first: it vouches only for what is read after it */
    int have = store_data_version(s, v);
    memset(&x, 0, sizeof x);
    dti_rc rc = store_query(s, "SELECT gen, uid FROM score_generation WHERE id = 1", NULL, 0, gen_row, &x, e);
    if (rc)
        return rc;
    if (!x.found)
        return DTI_OK;
    store_generation_note(v, have, &x.g);
    *out = x.g;
    if (found)
        *found = 1;
    return DTI_OK;
}
