/* store_plan.h — plans and their source documents in the store.
 *
 * A plan is saved whole in one transaction together with the document it
 * came from (stored once by SHA-256), and loaded back as the same `plan`
 * (core/plan.h): plan_to_string() of the loaded plan equals that of the
 * saved one byte for byte. The lead, support and parent_lead names are kept
 * as assignments, each with the name as written and the org it was matched
 * to (ORG_OF below; the store does no matching). */
#ifndef DTI_STORE_PLAN_H
#define DTI_STORE_PLAN_H
#include <stdint.h>
#include "core/plan.h"
#include "store/store.h"

/* Largest source document kept (the importer's own limit is lower). */
#define STORE_DOC_MAX_BYTES ((size_t)64 * 1024 * 1024)

typedef struct store_doc_in {
    const char *name;           /* file name as given, e.g. "vinh-tru-2026.txt" */
    const char *media_type;     /* "text/markdown", ... */
    const void *data;
    size_t len;
    const char *sha256;         /* lower-case hex of DATA (file_sha256_hex) */
} store_doc_in;

/* The org a name in a plan is matched to, or 0 for none (a collective
 * name). ROLE is "lead", "support" or "parent_lead". */
typedef int64_t (*store_org_of_fn)(void *ctx, const char *role, const char *name);

typedef struct store_plan_in {
    const plan *p;
    int64_t org_id;             /* the commune; 0 when the document names none */
    int64_t user_id;            /* who saves it; 0 = the system */
    store_doc_in doc;
    store_org_of_fn org_of;     /* may be NULL: no name is linked */
    void *org_ctx;
    time_t now;                 /* the caller's now (0 = the real clock): created_at, and the
                                 * day in force when the plan states no issue date */
} store_plan_in;

/* The document with SHA256 and the plan made from it: *DOC_ID and *PLAN_ID
 * (PLAN_ID may be NULL) are 0 when missing. */
dti_rc store_document_find(store *s, const char *sha256, int64_t *doc_id, int64_t *plan_id, dti_err *e);

/* Save IN->p and its document in one transaction (nested in the caller's
 * when one is open). A document already stored is reused; a document that
 * already has a plan is DTI_ERR_CONFLICT. *PLAN_ID gets the new id. */
dti_rc store_plan_save(store *s, const store_plan_in *in, int64_t *plan_id, dti_err *e);

/* Load plan ID (*OUT owned by caller, plan_free). DTI_ERR_NOTFOUND when missing.
 * Only assignments in force (valid_to NULL) give lead/support names. */
dti_rc store_plan_load(store *s, int64_t id, plan **out, dti_err *e);

typedef struct store_plan_row {
    int64_t id, org_id, document_id;
    char *title, *commune, *province, *number, *issued;    /* owned; NULL when unknown */
    char *document_name, *created_at;                      /* owned */
    int64_t ngroups, nindicators, ntasks;
} store_plan_row;

/* Every plan, by id: *OUT an array of *N rows, freed with store_plan_rows_free. */
dti_rc store_plan_list(store *s, store_plan_row **out, size_t *n, dti_err *e);
void store_plan_rows_free(store_plan_row *v, size_t n);

/* The commune org of plan ID into *ORG (0 when the plan names none). No
 * such plan: *FOUND 0, or, when FOUND is NULL, DTI_ERR_NOTFOUND. */
dti_rc store_plan_org(store *s, int64_t id, int64_t *org, int *found, dti_err *e);

/* The head of plan ID as one row (none when missing): (year_from or NULL,
 * year_to or NULL, issued or NULL, title or NULL). */
dti_rc store_plan_head(store *s, int64_t id, store_row_fn fn, void *ctx, dti_err *e);

/* year_to - year_from of plan ID into *SPAN (0 when either is unknown).
 * DTI_ERR_NOTFOUND when there is no such plan. */
dti_rc store_plan_span(store *s, int64_t id, int64_t *span, dti_err *e);

/* The most recent plan (highest id) of a commune directly under PROVINCE
 * into *ID; *FOUND 0 when none. */
dti_rc store_plan_latest_under(store *s, int64_t province, int64_t *id, int *found, dti_err *e);

#endif
