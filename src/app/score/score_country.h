/* score_country.h — the national ranking (issue 12, point 6): every
 * commune of the country ranked by its plan's index for a period, with
 * each province's figure and the country's.
 *
 * Who: the country's role, which today is the administrator (no user
 * scoped above the provinces exists); a province's coordinator or viewer
 * ranks its own communes with app_rank(..., APP_RANK_COMMUNES).
 *
 * How: the communes and the plan each one is ranked on (the plan covering
 * the period's year, chosen as the province ranking chooses it) come from
 * one batched statement (store/store_country.h), not a query per commune;
 * each plan's index is the one computation of the score wing
 * (scoring_compute_unchecked), so a commune's place in the country is the figure its
 * dashboard shows. Everything is read in one read transaction (one
 * snapshot, the read lock taken once). The computation is a few queries per
 * plan (about 1 ms each on the benchmark machine): the server keeps the
 * result through app/score_cache.h keyed by the data generation, so a
 * repeated request is served from memory until any write, and is never
 * stale (docs/performance.md gives both figures, cold and warm). */
#ifndef DTI_SCORING_COUNTRY_H
#define DTI_SCORING_COUNTRY_H
#include <stddef.h>
#include <stdint.h>
#include <jansson.h>
#include "app/app.h"
#include "core/score.h"

typedef struct scoring_country_row {
    int rank;                   /* 1.., 0 = no index (listed last) */
    int64_t org_id, province_id, plan_id;   /* plan_id 0: no plan covers the year */
    char *name, *province;      /* owned; province "" without one */
    score_sum sum;              /* the plan's total (zero without a plan) */
} scoring_country_row;

typedef struct scoring_country_prov {
    int64_t id;
    char *name;                 /* owned */
    size_t communes;            /* communes listed */
    score_sum sum;              /* score_province over its communes, MODE */
} scoring_country_prov;

typedef struct scoring_country {
    char period[16];
    score_province_mode mode;
    scoring_country_row *rows;    /* owned, in rank order */
    size_t n;
    scoring_country_prov *provs;  /* owned, by province id */
    size_t nprovs;
    score_sum country;          /* score_province over every commune, MODE */
} scoring_country;

/* Rank every commune in force for PERIOD ("2026-03", "2026-Q1", "2026")
 * into *OUT (release with scoring_country_release, also after a failure),
 * as A's acting user, who must be an administrator (DTI_ERR_PERM
 * otherwise). DTI_ERR_INPUT for a bad period. */
dti_rc scoring_country_rank(app *a, const char *period, score_province_mode mode, scoring_country *out,
                          dti_err *e);
void scoring_country_release(scoring_country *c);

/* The server's warm-up at start (score_warm.h): the figure of every
 * commune's plan for PERIOD computed and kept in the memo (score_memo.h)
 * exactly as scoring_country_rank would (same read transaction, same
 * generations), so that the first national ranking after a start reads
 * kept figures instead of computing 3,321 plans. No user acts (no
 * permission to check: nothing is given back). The communes are taken
 * from the last back, so that a ranking asked meanwhile (which computes
 * from the first) meets the kept figures halfway. STOP (may be NULL) is asked
 * before each plan computed; a non-zero answer ends it early (DTI_OK).
 * *COMPUTED (may be NULL): the plans computed (those already kept are not
 * counted). DTI_ERR_INPUT for a bad period. */
dti_rc scoring_country_warm(app *a, const char *period, int (*stop)(void *), void *arg, size_t *computed,
                            dti_err *e);

/* *OUT (new reference): {"ranking": "country", "period", "province_mode",
 * "country": SUM, "provinces": [{id, name, communes, index, sum}],
 * "rows": [{rank, org_id, name, province_id, province, plan_id, index,
 * completeness {reported, expected, rate}}]}; SUM and completeness as every
 * score JSON's (scoring_sum_json). */
dti_rc scoring_country_json(const scoring_country *c, json_t **out, dti_err *e);

/* The national ranking of PERIOD as compact JSON text (scoring_country_json)
 * for A's acting user, kept in the score cache (score_cache.h) under the
 * data generation: computed once after any write, then from memory. *BODY
 * (give it back with scoring_cache_free), *LEN; *HIT (may be NULL) 1 when
 * from the cache. Errors as scoring_country_rank (never kept). */
dti_rc scoring_country_text(app *a, const char *period, score_province_mode mode, char **body, size_t *len,
                            int *hit, dti_err *e);

#endif
