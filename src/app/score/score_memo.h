/* score_memo.h — per-process memo of each plan's figure for a period, keyed
 * by that plan's own change generation (issue 12, point 6.2).
 *
 * Why. The national ranking computes the figures of every commune's plan
 * (3,321): 2.8 s on a quiet machine. score_cache.h keeps the ranking's JSON
 * until the data generation moves, and any save anywhere moves it, so the
 * next ranking computed all 3,321 again. A save changes one plan's figures.
 *
 * How. Migration 014 gives every plan a generation, plan_generation.gen,
 * bumped by triggers in the writing transaction on every write to a row
 * that belongs to the plan (its items, assignments, calendar, targets,
 * reports and their values, self-assessed points), and score_generation
 * .shared, bumped on every write to a table that several plans' figures
 * read (orgs, point tables and criteria, …). A figure is kept here with the
 * (plan gen, shared) read in the SAME read transaction as the figure was
 * computed in; it is given back only while both are unchanged, so it is
 * the figure a computation would give now. Keys: the database's uid
 * (score_generation.uid: files and servers apart), the plan, the period
 * code. scoring_compute_unchecked does not depend on the day it runs
 * (only on the period), so the day is not in the key.
 *
 * A table a plan's figures start reading must be in one of 014's two lists
 * (tests/cli/score_generation.sh holds them against the schema).
 *
 * Storage: a fixed table of SCORE_MEMO_SLOTS entries under one mutex (each
 * ~140 bytes; untouched pages cost nothing), open addressing, 8 probes, a
 * colliding key replaces the oldest probed entry. Thread-safe. */
#ifndef DTI_SCORE_MEMO_H
#define DTI_SCORE_MEMO_H
#include <stdint.h>
#include "core/score.h"

#define SCORE_MEMO_SLOTS 16384

/* 1 and *OUT when the figure of PLAN_ID for PERIOD of database UID was kept
 * at generations (PLAN_GEN, SHARED); else 0 (never kept, or kept at other
 * generations). UID and PERIOD are borrowed. */
int score_memo_get(const char *uid, int64_t plan_id, const char *period, int64_t plan_gen, int64_t shared,
                   score_sum *out);
/* Keep V as the figure of PLAN_ID for PERIOD of database UID computed at
 * (PLAN_GEN, SHARED), read in the transaction V was computed in. A UID or
 * PERIOD too long to keep is not kept. */
void score_memo_put(const char *uid, int64_t plan_id, const char *period, int64_t plan_gen, int64_t shared,
                    const score_sum *v);

#endif
