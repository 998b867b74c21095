/* store_review.h — the review screen's repository: what the coordinator
 * sees of a report's evidence beyond report_show (who attached each file,
 * when, who checked it); and renaming a unit (app/plan/units.h). No
 * permission is checked here (app/ does). */
#ifndef DTI_STORE_REVIEW_H
#define DTI_STORE_REVIEW_H
#include <stdint.h>
#include "store/store.h"

/* The evidence of the newest version of (PLAN_ID, ORG_ID, PERIOD)'s report,
 * by id. Columns: id, name, size, media_type, checked (0/1), checked_by
 * (the user's display name, else login; NULL), attached_by (likewise),
 * created_at (ISO 8601 UTC), indicator code (NULL), task code (NULL),
 * version. No rows when there is no report. */
dti_rc store_review_evidence(store *s, int64_t plan_id, int64_t org_id, const char *period, store_row_fn fn,
                             void *ctx, dti_err *e);

/* Rename org ID to NAME with matching key KEY (core/orgname.h). A live org
 * with that key under the same parent already: DTI_ERR_CONFLICT. */
dti_rc store_units_rename(store *s, int64_t id, const char *name, const char *key, dti_err *e);

#endif
