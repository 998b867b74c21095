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
#include "app/app.h"
#include "app/auth/auth.h"
#include "app/score/score.h"

#define SCORING_CACHE_SLOTS 128           /* entries kept per process */
#define SCORING_CACHE_BODY_MAX (8u << 20) /* larger results are not kept */

/* The score of PLAN_ID for PERIOD_CODE as compact JSON text (what
 * json_dumps(scoring_plan(...), JSON_COMPACT) gives), from the cache when
 * nothing it depends on changed. *BODY (give it back with
 * scoring_cache_free(), not free(): it may be the cache's own copy), *LEN its length;
 * *HIT (if not NULL) 1 when it came from the cache. For A's acting user
 * (score.h: scoring_actor) at A->now. Same errors as scoring_plan.
 * Thread-safe. */
dti_rc scoring_plan_text(app *a, int64_t plan_id, const char *period_code, char **body, size_t *len, int *hit,
                         dti_err *e);

/* scoring_plan_text without each indicator's "observations" (the figures
 * it read, listed with their period and org): the dashboard's view, kept
 * apart from the whole score. Same contract otherwise. */
dti_rc scoring_view_text(app *a, int64_t plan_id, const char *period_code, char **body, size_t *len, int *hit,
                         dti_err *e);

/* The ranking of scoring_rank (KIND, MODE) as compact JSON text
 * (scoring_ranking_json), kept the same way under "rankings/PLAN?by=
 * KIND&province=MODE&period=PERIOD". Same contract otherwise. */
dti_rc scoring_rank_text(app *a, int64_t plan_id, const char *pcode, scoring_rank_kind kind,
                         score_province_mode mode, char **body, size_t *len, int *hit, dti_err *e);

/* Any other read-only view of the data kept the same way: the JSON text
 * of what FN(S, CTX, &json, E) builds for U, kept under WHAT (the view and
 * all its arguments, e.g. "rankings/1?by=ontime&period=2026-10"; at most
 * SCORING_CACHE_WHAT_MAX bytes, a longer WHAT is computed and not kept), U
 * (id, role, org, active), the data generation, the language and the
 * Vietnamese day of NOW. FN must depend on nothing else: it reads only
 * tables whose writes bump the generation (every table but sessions,
 * login_failures, publications and the audit trail; tests/cli/
 * score_generation.sh checks that each new table has the triggers) and
 * judges time by the day. FN's json is consumed. Errors of FN are returned
 * as they are and never kept. *BODY (scoring_cache_free()), *LEN, *HIT as above. */
#define SCORING_CACHE_WHAT_MAX 160
typedef dti_rc (*scoring_cache_fn)(store *s, void *ctx, json_t **out, dti_err *e);
dti_rc scoring_cache_json_as(store *s, const auth_user *u, const char *what, time_t now, scoring_cache_fn fn,
                        void *ctx, char **body, size_t *len, int *hit, dti_err *e);

/* scoring_cache_json_as for A's acting user at A->now (for the entry
 * points: FN still gets the store, inside app/'s call). */
dti_rc scoring_cache_json(app *a, const char *what, scoring_cache_fn fn, void *ctx, char **body, size_t *len,
                          int *hit, dti_err *e);

/* Give back a *BODY of the functions above (NULL is a no-op); a function
 * of the free() type, for http_reply_take(). Thread-safe. */
void scoring_cache_free(void *body);

/* Drop every entry of this process (tests). */
void scoring_cache_clear(void);

#endif
