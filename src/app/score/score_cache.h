/* score_cache.h — the dashboard's figures (scoring_plan) kept in memory,
 * never stale.
 *
 * scoring_plan recomputes every figure from the approved reports; the
 * dashboard asks for the same (plan, period) far more often than anyone
 * writes. So the compact JSON text of a result is kept in a small table per
 * process, keyed by everything the result depends on: the database (its
 * score_generation.uid), the data generation (score_generation.gen, bumped
 * by triggers in the same transaction as any write to the data, the users
 * or the orgs: sql/sqlite/004_perf.sql), the user (id, role, org, active:
 * permissions and scope), the plan, the period, the language of the labels
 * and the Vietnamese calendar day of NOW (timeliness is judged by the day).
 *
 * gen is read (store_generation, store/store_generation.h: the one "has
 * anything changed" mechanism, also the key of app/auth's session cache;
 * on SQLite answered from memory while the WAL data version shows no
 * commit) before the figures are computed: a write committing during
 * the computation makes the entry carry the older gen, so the next request
 * sees a newer gen and recomputes. A write in another process is seen the
 * same way. When U carries the generation (gen_known: auth_session_check
 * read it in the same statement as the session, earlier in the request) it
 * is used instead of being read again: still read before the figures. Errors
 * (no plan, no permission, bad period) are never cached. */
#ifndef DTI_SCORE_CACHE_H
#define DTI_SCORE_CACHE_H
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <jansson.h>
#include "app/auth/auth.h"

#define SCORE_CACHE_SLOTS 128           /* entries kept per process */
#define SCORE_CACHE_BODY_MAX (8u << 20) /* larger results are not kept */

/* The score of PLAN_ID for PERIOD_CODE as compact JSON text (what
 * json_dumps(scoring_plan(...), JSON_COMPACT) gives), from the cache when
 * nothing it depends on changed. *BODY (give it back with
 * score_cache_free(), not free(): it may be the cache's own copy), *LEN its length;
 * *HIT (if not NULL) 1 when it came from the cache. Same errors as
 * scoring_plan. Thread-safe. */
dti_rc score_cache_plan(store *s, const auth_user *u, int64_t plan_id, const char *period_code, time_t now,
                        char **body, size_t *len, int *hit, dti_err *e);

/* score_cache_plan without each indicator's "observations" (the figures
 * it read, listed with their period and org): the dashboard's view, kept
 * apart from the whole score. Same contract otherwise. */
dti_rc score_cache_view(store *s, const auth_user *u, int64_t plan_id, const char *period_code, time_t now,
                        char **body, size_t *len, int *hit, dti_err *e);

/* Any other read-only view of the data kept the same way: the JSON text
 * of what FN(S, CTX, &json, E) builds for U, kept under WHAT (the view and
 * all its arguments, e.g. "rankings/1?by=ontime&period=2026-10"; at most
 * SCORE_CACHE_WHAT_MAX bytes, a longer WHAT is computed and not kept), U
 * (id, role, org, active), the data generation, the language and the
 * Vietnamese day of NOW. FN must depend on nothing else: it reads only
 * tables whose writes bump the generation (every table but sessions,
 * login_failures, publications and the audit trail; tests/cli/
 * score_generation.sh checks that each new table has the triggers) and
 * judges time by the day. FN's json is consumed. Errors of FN are returned
 * as they are and never kept. *BODY (score_cache_free()), *LEN, *HIT as above. */
#define SCORE_CACHE_WHAT_MAX 160
typedef dti_rc (*score_cache_fn)(store *s, void *ctx, json_t **out, dti_err *e);
dti_rc score_cache_json(store *s, const auth_user *u, const char *what, time_t now, score_cache_fn fn,
                        void *ctx, char **body, size_t *len, int *hit, dti_err *e);

/* Give back a *BODY of the functions above (NULL is a no-op); a function
 * of the free() type, for http_reply_take(). Thread-safe. */
void score_cache_free(void *body);

/* Drop every entry of this process (tests). */
void score_cache_clear(void);

#endif
