/* gen.h — the generators of synthetic data, one wing (prefix gen_): a
 * country for benchmarks and trials at national size (issue 12, point 6):
 * `dti gen country`; and one province of the sample plan's communes for the
 * province's tests and demonstrations: `dti gen province` (`dti province
 * gen` is the same command, kept as an alias). Both make their data the
 * same way: each commune's plan document goes through the real reader,
 * extractor and import at a set instant (gen_int.h, gen_import_text), its
 * reports through the report use cases as the people would, so that the
 * audit chain and every rule hold as for real data.
 *
 * gen_country() fills an empty store with PROVINCES provinces and COMMUNES
 * communes spread over them (34 and 3,321 by default: Viet Nam after the
 * 2025 reform), each commune with about 15 units, a plan of 25-50
 * indicators drawn from one national list (so that the province can compare
 * communes indicator by indicator, by code and name) and a monthly
 * reporting calendar, then MONTHS months of reports from every unit that
 * leads an indicator, with realistic lateness, gaps and returns.
 *
 * Decisions:
 *  - Everything goes through the same use cases as the CLI and the server
 *    (import of the plan's document, report fill, submit, return, approve),
 *    so that permissions, validation, the audit log and its chain hold
 *    exactly as for real data: `dti audit verify` passes on a generated
 *    country. Only the plan documents are made up: one Markdown document
 *    per commune in the layout of the demo's sample plan (samples/), read by
 *    the real reader and extractor.
 *  - Reproducible: every choice is a pure function of SEED and of the
 *    (province, commune, unit, month) it is about (a splitmix64 hash), not
 *    of the order of generation; the same seed and now give the same data.
 *  - Names are fictional (two Sino-Vietnamese syllables, numbered where
 *    they repeat); nothing names a real place or person.
 *  - Who acts: an admin "admin" imports every plan and fills and submits
 *    every report (as the reporters would); a coordinator per province
 *    ("sokhcn-NN", the province's Sở KH&CN, scope the province) returns and
 *    approves; a viewer per province ("tinh-NN"). All with PASSWORD.
 *  - The months: the plan year is YEAR (default: the year of the month
 *    before NOW); months 1..MONTHS of it whose units' deadline (the 15th of
 *    the month after) is before NOW, and within them nothing is dated after
 *    NOW (a report still awaiting review stays submitted).
 *  - Per unit and month (seeded): about 4% never report, 2% leave a draft,
 *    12% submit 1-20 days late, 5% are returned once with a reason and
 *    corrected; the rest submit up to 10 days before the deadline; the
 *    province approves 1-4 days after submission. Values move from about
 *    half the 2026 target toward the commune's own level of the target
 *    (between 60% and 110% of it) through the year, with noise.
 *  - One transaction per commune: a failure leaves the communes before it
 *    in place and says which commune failed; the store must be empty at the
 *    start (as for `dti demo`), so a failed or interrupted run is refused
 *    when run again: a new database is needed.
 *  - PostgreSQL (decision, issue 12 point 6): made through the same use
 *    cases one statement at a time, the country takes ~1.5 h there (each of
 *    the ~45 statements of a saved report is a round trip through libpq)
 *    against ~2 min on SQLite. On PostgreSQL the country is therefore made
 *    in a staging SQLite file beside the database (store_side_path() +
 *    ".gen-staging.db", removed at the end), by exactly the code above,
 *    then loaded at once into the PostgreSQL database by the bulk-load
 *    repository (store/store_bulk.h: COPY per table, ONE transaction, ids,
 *    audit chain and all, sequences moved on, ANALYZE). The data are thus
 *    the same on both engines for the same seed and now, by construction;
 *    tests/cli/gen_country_pg.sh compares them, and compares a country made
 *    directly on PostgreSQL (O->direct, `--direct`) too, so the use cases
 *    are seen to give the same rows on both engines. The audit key: the
 *    staging file uses the database's key file when it has one (or the
 *    DTI_AUDIT_KEY file), else its new key becomes the database's key
 *    file before the load; the staging anchor lines are appended to the
 *    database's anchor log after it. An interrupted or failed run leaves
 *    the PostgreSQL database as it was (empty: it can be run again; a
 *    stale staging file is replaced), never half a country. */
#ifndef DTI_GEN_H
#define DTI_GEN_H
#include <stddef.h>
#include <stdint.h>
#include "app/app.h"

typedef struct gen_opts {
    unsigned provinces;     /* 1..99 (default 34) */
    unsigned communes;      /* in all, >= provinces (default 3321) */
    uint64_t seed;          /* default 1 */
    int year;               /* the plan year; 0: the year of NOW's previous month */
    int months;             /* 1..12 (default 12) */
    const char *password;   /* every generated user's; NULL: GEN_PASSWORD */
    int direct;             /* PostgreSQL: statement by statement, no staging file (slow; for tests) */
    /* Called after each commune (may be NULL): for a progress line. */
    void (*progress)(void *ctx, unsigned done, unsigned total);
    /* Called after each province (may be NULL): province PROVINCE (1-based)
     * of PROVINCES is made, DONE of TOTAL communes so far. */
    void (*province_done)(void *ctx, unsigned province, unsigned provinces, unsigned done, unsigned total);
    /* Called as the staged country is loaded (may be NULL): TABLE loaded
     * with ROWS rows, DONE of TOTAL tables; DONE 0 (TABLE NULL): the load
     * starts. */
    void (*load_progress)(void *ctx, const char *table, int64_t rows, size_t done, size_t total);
    void *progress_ctx;
} gen_opts;

#define GEN_PASSWORD "gen-2026-pass"

typedef struct gen_result {
    unsigned provinces, communes;
    size_t units, indicators;       /* summed over the communes */
    size_t reports;                 /* owed: one per leading unit and month */
    size_t approved, submitted, returned, drafts, missing;  /* their newest state ("missing": none) */
    size_t late;                    /* submitted after the unit's deadline */
    size_t returns;                 /* returned once by the province (then corrected, or not yet) */
    int year, months;
    int64_t first_plan_id;
    int staged;                     /* made in a staging file and bulk-loaded (PostgreSQL) */
    int64_t rows_loaded;            /* staged: rows loaded into the database */
} gen_result;

/* Fill A's store (which must hold no user and no plan: DTI_ERR_CONFLICT)
 * with the country of O at A->now. The system actor (A->user_id 0) is
 * needed, as for every first write. */
dti_rc gen_country(app *a, const gen_opts *o, gen_result *r, dti_err *e);

/* One province for the province's tests and demonstrations (gen_province.c
 * has what is made and why): N communes, each the sample plan
 * (samples/hoa-binh-2026.md) under its own name, two months of reports,
 * the communes' own official reports in their three states. */
typedef struct gen_province_opts {
    size_t communes;            /* 1 .. GEN_PROVINCE_MAX */
    unsigned seed;
    const char *period;         /* the month reported last, NULL: the last month whose commune deadline passed */
} gen_province_opts;
#define GEN_PROVINCE_MAX 500
typedef struct gen_province_result {
    int64_t province;
    size_t communes, reports, exports, renamed;
    char period[16];
} gen_province_result;
/* Fill A's store with a province of O->communes communes through the same
 * use cases as `dti demo` (import, reports filled by the admin, submitted,
 * approved by the province's coordinator, official reports exported), at
 * instants computed from A->now. The same seed, N and now give the same
 * data. */
dti_rc gen_province(app *a, const gen_province_opts *o, gen_province_result *r, dti_err *e);

#endif
