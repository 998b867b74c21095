/* publish.h — publishing a commune's index, the public ranking, and the
 * history (audit trail) of one indicator, task or report.
 *
 * Decision — what "published" means. A coordinator or admin of the plan's
 * scope publishes the plan's index for a period: the figure computed at that
 * moment (scoring_compute_as) is copied into table publications with who and
 * when, and the act is audited ("score.publish", entity "plan"). The public
 * ranking (no login) lists, for every commune with a publication, its newest
 * one, by index; nothing else about the commune is public. Publishing again
 * replaces the commune's public figure but keeps the earlier rows.
 * docs/publishing.md says the same for people.
 *
 * Decision — the audit head (issue 9, point 7; app/audit.h). Every
 * publication appends the audit log's head to the anchor log beside the
 * database and returns it ("audit_head": {"seq", "hash", "text"}), and the
 * public ranking prints the current head the same way: anyone who keeps a
 * copy of the page holds a point of the chain that `dti audit verify --head
 * TEXT` checks later, so the log cannot be cut or rewritten back past it. */
#ifndef DTI_PUBLISH_H
#define DTI_PUBLISH_H
#include <stdint.h>
#include <time.h>
#include <jansson.h>
#include "base/err.h"
#include "store/store.h"
#include "app/app.h"
#include "app/auth/auth.h"

#define SCORING_PUBLISH_LIST_MAX 10000      /* communes on the public page */
#define SCORING_HISTORY_LIMIT 1000          /* newest audit entries of one entity */

/* Publish plan PLAN_ID's index for PERIOD as A's acting user at A->now
 * (app/app.h; score.h: scoring_actor). Needs AUTH_PLAN_WRITE
 * on the plan; the plan must belong to a commune (DTI_ERR_CONFLICT
 * otherwise); DTI_ERR_INPUT for a bad period. *OUT (may be NULL; new
 * reference) gets the stored publication {plan_id, org_id, period, index,
 * index_text, points, max, published_at, published_by} (a score's keys,
 * scoring.h), with "audit_head" (the head
 * after it, anchored). */
dti_rc scoring_publish(app *a, int64_t plan_id, const char *pcode, json_t **out, dti_err *e);

/* The public ranking: {"published_at": newest or null, "rankings": [{rank,
 * commune, period, index, index_text ("0,7071" or null), published_at}],
 * "audit_head": {"seq", "hash", "text" ("SEQ-HASH16")}}.
 * No user: the data is public by publication (A's store only). *OUT new
 * reference. */
dti_rc scoring_public_rankings(app *a, json_t **out, dti_err *e);

/* The audit trail, for A's acting user, of KIND ("indicator", "task", "report", "org") ID, oldest
 * first (the newest SCORING_HISTORY_LIMIT), entries as audit_log's. Permission: an admin;
 * a coordinator or viewer with AUTH_READ on the owning plan's org (report:
 * the report's org; org: the org itself); a reporter only for its own org's reports. Out of
 * scope is DTI_ERR_NOTFOUND, as for a missing entity. *OUT new reference. */
dti_rc scoring_history(app *a, const char *kind, int64_t id, json_t **out, dti_err *e);

#endif
