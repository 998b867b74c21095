/* report_int.h — private to the report wing (report.c, evidence.c,
 * report_status.c, report_withdraw.c, duty.c): the newest version of a
 * report and the helpers that find or make the report a write goes to.
 * (report_snapshot and report_check_period, which other wings use, are
 * report.h's.) */
#ifndef DTI_REPORT_INT_H
#define DTI_REPORT_INT_H
#include <stdatomic.h>
#include <stdint.h>
#include <jansson.h>
#include "app/auth/auth.h"
#include "app/report/report.h"

/* For tests only (NULL in the program): when set, report_fill_csv_as
 * calls it with report_fill_between_ctx after reading the CSV's rows
 * before the write lock and before taking the lock, where a concurrent
 * writer could change what they were read against (tests/unit/
 * test_report.c writes an assignment there). */
extern void (*report_fill_between)(void *ctx);
extern void *report_fill_between_ctx;
/* For tests and benchmarks: saves whose rows read before the lock were
 * read again under it (moved generations, or a first reading that failed);
 * a relaxed atomic counter (a statistic, not a contract). */
extern atomic_ulong report_fill_reread;

typedef struct report_ver {     /* a version of a report, as report_latest reads it */
    int found;
    int64_t id;
    int version;
    report_state state;
    char submitted_at[AUTH_TS_LEN];
} report_ver;

/* KEY with its period as the canonical code ("2026-q1" → "2026-Q1") into
 * *OUT; a period that does not parse is kept as given (refused later). */
void report_key_canon(const report_key *in, report_key *out);
/* The DTI_ERR_NOTFOUND failure for KEY: no report of its period from its org. */
dti_rc report_missing(const report_key *key, dti_err *e);
/* KEY's report of VERSION (0 = newest) into *OUT (out->found 0 when none). */
dti_rc report_latest(store *s, const report_key *key, int version, report_ver *out, dti_err *e);
/* The report U writes to for KEY, inside the caller's transaction: checks
 * AUTH_REPORT_WRITE, the org and the period; creates version 1, or a new
 * version after approval (*NEW_VERSION 1, may be NULL); refuses a
 * submitted report (DTI_ERR_CONFLICT). Audited. */
dti_rc report_for_write(store *s, const auth_user *u, const report_key *key, time_t now, report_ver *out,
                     int *new_version, dti_err *e);
/* The units' deadline day of a plan's period (PERIOD_NO_DAY when none). */
dti_rc report_unit_due(store *s, int64_t plan_id, const char *code, int32_t *due, dti_err *e);
/* {"status", "label", "late_days", "deadline"} for a first submission
 * (ISO text or NULL) against DUE, judged at NOW. New reference or NULL. */
json_t *report_timeliness_json(const char *submitted_at, int32_t due, time_t now);

#endif
