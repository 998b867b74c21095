/* score_warm.h — the national ranking's figures computed in the background
 * when the server starts (issue 12, point 6; docs/performance.md, session 9).
 *
 * Why. The first national ranking after a start computed every commune's
 * plan (3,321: 2.2 s on SQLite, 5.7 s on PostgreSQL, cold); later ones read
 * the per-plan memo (score_memo.h) or the score cache. The memo lives in the
 * process, so every start began cold.
 *
 * What. score_warm_start starts one thread, with its own store handle,
 * AFTER the server listens (readiness is not delayed). It picks the period
 * the first ranking is most likely asked for — the newest month, not after
 * the current one in Vietnam, with an approved report
 * (store_score_latest_month; bench/national.sh asks for the same) — and
 * runs scoring_country_warm on it: each plan's figure computed in one read
 * transaction and kept in the memo with the generations read in it, exactly
 * what a ranking request would have kept. A request meanwhile computes what
 * it does not find (the same figures); a save meanwhile moves its plan's
 * generation, so that plan's kept figure is not used. It takes no write
 * lock (a read transaction: on SQLite a WAL reader, on PostgreSQL
 * REPEATABLE READ), so saves never wait on it. The thread runs at a lower
 * priority (nice +10, Linux) so that requests come first on a busy machine,
 * and prints one line on stderr when done.
 *
 * Off unless DTI_WARM=1 (a national server's operator turns it on). Measured
 * at national size on SQLite (bench/national.sh, quiet machine, 07/12/2026):
 * with it on, the province home's throughput measured right after a start
 * fell to 0.39 of /health (budget >= 0.5; 0.53 with it off, same binary) and
 * the peak RSS under 64 connections rose to 64.2 MB (budget <= 64 MB; 61.6
 * off): the warm-up computes while the first requests do, and keeps every
 * plan's figure. A slow first ranking has no budget; those two have. */
#ifndef DTI_SCORE_WARM_H
#define DTI_SCORE_WARM_H
#include "base/err.h"

typedef struct score_warm score_warm;

/* Start the warm-up on the store at DB_URL (copied) when DTI_WARM is "1";
 * *OUT NULL then. DTI_ERR_NOMEM or a thread that cannot start: an error
 * (the server may go on without it). */
dti_rc score_warm_start(const char *db_url, score_warm **out, dti_err *e);
/* Ask it to stop (it ends after the plan it is computing), wait for it,
 * free it. NULL is a no-op. */
void score_warm_stop(score_warm *w);

#endif
