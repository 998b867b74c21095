/* review.h — what the coordinator's review screen reads beyond report.h
 * (review_evidence.c): each evidence file with who attached it, when, its
 * size and whether (and by whom) it was checked. Checking a file is
 * report_check_evidence (report.h); a new version of a report keeps each
 * file's flag (report.c copies it). */
#ifndef DTI_APP_REVIEW_H
#define DTI_APP_REVIEW_H
#include <jansson.h>
#include "app/app.h"
#include "app/report/report.h"

/* The evidence of KEY's newest version as JSON {"version": N, "evidence":
 * [{id, name, size, media_type, checked, checked_by, attached_by,
 * attached_at, indicator, task, preview}]} (names of people as they
 * display; attached_at ISO 8601 UTC; preview: whether the browser may show
 * it inline — PDF, PNG, JPEG). Needs AUTH_READ on KEY's org (a reporter
 * its own unit, a coordinator its commune's); out of scope answers
 * DTI_ERR_NOTFOUND as a missing report does. *OUT new reference. */
dti_rc review_evidence(app *a, const report_key *key, json_t **out, dti_err *e);

/* Whether a file of MEDIA_TYPE is shown inline (a sandboxed preview):
 * PDF, PNG and JPEG only; everything else is a download. */
int review_previewable(const char *media_type);

/* The bytes of evidence ID for a preview or a download, as
 * report_evidence_get gives them to the acting user (its scope: the
 * report's org, or the lead of the item a support org's file backs): *P
 * (caller frees), *N, *NAME and *MEDIA_TYPE (caller frees). */
dti_rc review_evidence_file(app *a, int64_t id, char **p, size_t *n, char **name, char **media_type,
                            dti_err *e);

#endif
