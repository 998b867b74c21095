/* store_export.h — what the official outputs (app/outputs/) read and keep:
 * a commune's export settings (the header, signature and recipients of its
 * documents), the approved report texts, task results and evidence counts
 * of a period or a year, and when a period's report was first exported.
 *
 * "Approved versions that count": for a period's report those of the
 * period; for the year summary (YEAR_MODE) every period of the year up to
 * the scored period's end. Only the newest approved version of each (org,
 * period) counts. Building the documents is app/ and export/'s. */
#ifndef DTI_STORE_EXPORT_H
#define DTI_STORE_EXPORT_H
#include <stdint.h>
#include "store/store.h"

/* The settings' fields, in the order of the rows and arrays below:
 * body_parent, body_name, place, number_pattern, sign_authority,
 * sign_deputy, sign_title, sign_name, recipients. */
#define STORE_EXPORT_FIELDS 9

/* ORG_ID's settings as one row of STORE_EXPORT_FIELDS columns (no row when
 * it has none). */
dti_rc store_export_settings_get(store *s, int64_t org_id, store_row_fn fn, void *ctx, dti_err *e);

/* Create or replace ORG_ID's settings with V (STORE_EXPORT_FIELDS values,
 * NULL stored as NULL), recorded at UPDATED_AT by user UPDATED_BY. */
dti_rc store_export_settings_put(store *s, int64_t org_id, const char *const v[STORE_EXPORT_FIELDS],
                                 const char *updated_at, int64_t updated_by, dti_err *e);

/* The reports that count for an output (see above). */
typedef struct store_export_scope {
    int64_t plan_id;
    const char *period;         /* the scored period's code */
    int year_mode;              /* 1: the year summary */
    const char *year;           /* "YYYY" of the period */
    const char *end;            /* "YYYY-MM-DD": the scored period's end */
} store_export_scope;

/* The texts of the reports that count, newest period first, by org name:
 * (org name, period, results, difficulties, proposals). */
dti_rc store_export_texts(store *s, const store_export_scope *sc, store_row_fn fn, void *ctx, dti_err *e);

/* The task results (status given) of the reports that count, oldest
 * period first: (task code, task group_code, status, percent, products,
 * period). */
dti_rc store_export_tasks(store *s, const store_export_scope *sc, store_row_fn fn, void *ctx, dti_err *e);

/* The evidence count per indicator of the reports that count:
 * (indicator_id, count). */
dti_rc store_export_evidence(store *s, const store_export_scope *sc, store_row_fn fn, void *ctx, dti_err *e);

/* When the report of PLAN_ID's period CODE was first exported (the first
 * "export.report" audit entry for it) into *AT (owned by caller; NULL when
 * never). */
dti_rc store_export_first_report(store *s, int64_t plan_id, const char *code, char **at, dti_err *e);

#endif
