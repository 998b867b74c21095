/* plans.h — the plan wing's way in for entry points: importing a plan
 * document and reading plans as the acting user (app/plan/app_import.c,
 * app/plan/app_plan.c). Assignments, the calendar and the plan editor have
 * their own headers in this folder (assign.h, calendar.h, planedit.h).
 *
 * Importing a plan (plans_import_file):
 *   1. extract_file() reads the document and extracts its plan (nothing is
 *      touched in the store when this fails: bad input stays out);
 *   2. in one transaction: the document is looked up by SHA-256 — the same
 *      bytes imported again return the earlier plan (existed = 1) and store
 *      nothing; otherwise
 *   3. the province and the commune the plan names become orgs if missing
 *      (matched by orgname_place_key);
 *   4. every lead and support name is matched to a unit under the commune
 *      (and every x.parent_lead name to one under the province) by
 *      orgname_key() or by alias. A name matching none becomes a new unit,
 *      named by the fullest spelling the plan uses for it ("Phòng Văn hóa -
 *      Xã hội" rather than "Phòng VH-XH"); every other spelling is recorded
 *      as an alias. "UBND xã" is the commune itself, "UBND tỉnh" the province;
 *      A name the coordinator linked to an existing unit (plans_import_opts.
 *      units) is that unit, before any matching, and its spelling an alias;
 *   5. the plan and the document are saved, each name linked to its org;
 *   6. the reporting calendar the document states is set (plans_import_opts).
 *
 * Decision on collective names ("Các phòng ban liên quan", "Các thôn",
 * "Các cơ quan, đơn vị trên địa bàn xã"): they name several units the
 * document does not list, so no org is invented for them. They are kept as
 * written in the plan (the dti.plan/1 round trip holds), their assignment
 * has no org yet, and the summary lists them as names for the coordinator to
 * resolve (issue 3's assignment screens do it). Likewise, when the document
 * names no commune (an Excel appendix alone), no name is linked, and the
 * summary warns. */
#ifndef DTI_APP_PLANS_H
#define DTI_APP_PLANS_H
#include <stdint.h>
#include <jansson.h>
#include "app/app.h"
#include "base/err.h"
#include "base/strlist.h"
#include "core/plan.h"

typedef enum {
    PLANS_MATCH_NEW = 0,      /* a new unit was created for this name */
    PLANS_MATCH_SAME,         /* an org of this plan or an earlier one, by key or alias */
    PLANS_MATCH_SELF,         /* the commune or province itself ("UBND xã") */
    PLANS_MATCH_NONE,         /* not linked: no commune/province to put it under */
    PLANS_MATCH_CHOSEN        /* linked by the coordinator's choice (plans_import_opts.units) */
} plans_match_how;

typedef struct plans_match {
    char *name;             /* as the document wrote it; owned */
    char *org_name;         /* the org's name; owned; NULL when not linked */
    int64_t org_id;         /* 0 when not linked */
    int province_level;     /* 1 for x.parent_lead names (under the province) */
    plans_match_how how;
} plans_match;

typedef struct plans_import_result {
    int64_t plan_id;
    int existed;            /* the document was there already: PLAN_ID is the earlier plan */
    char sha256[65];
    char *title, *commune, *province, *number;      /* owned; NULL when unknown */
    size_t ngroups, nindicators, ntasks;
    size_t nunits;          /* distinct unit orgs the plan names */
    size_t nunits_new;      /* of which created by this import */
    plans_match *matches;     /* one per distinct name, in document order */
    size_t nmatches;
    strlist collective;     /* collective names, not matched to one org */
    strlist warnings;       /* the extractor's and the import's */
    /* the reporting calendar (import/extract_calendar.h, app/calendar.h) */
    strlist cal_rules;      /* the rules set (or, when none was set, detected: empty when neither) */
    strlist cal_sources;    /* per detected rule, the sentence(s) it came from; empty for given rules */
    strlist cal_unread;     /* no rule detected: the document's sentences on reporting not understood */
    int cal_set;            /* 1 when this import set the plan's calendar */
    int cal_given;          /* 1 when the rules were the caller's (plans_import_opts), not the document's */
    size_t cal_periods;     /* periods the calendar gives (when set) */
    int64_t commune_id;     /* the plan's commune org; in a dry run only when it existed before, else 0 */
} plans_import_result;

/* The calendar an import sets. Decision: a freshly imported plan gets the
 * regime its document states (extract_calendar.h), so units can report at
 * once; the coordinator may change it in the preview (RULES) or clear it
 * (NONE) and set it later. A calendar is set only for a new plan, never on
 * an earlier import of the same document. Given rules that do not parse
 * fail the whole import (DTI_ERR_INPUT naming the rule), storing nothing. */
typedef enum { PLANS_CAL_DETECT = 0, PLANS_CAL_RULES, PLANS_CAL_NONE } plans_cal_mode;
/* The coordinator's choice for a unit name the matcher missed (a
 * misspelling, an abbreviation): the name as the plan writes it (a lead or
 * support name at commune level) is the existing unit ORG_ID.
 *
 * Decision: the import links that name to ORG_ID instead of creating a new
 * unit, records the spelling as an alias of the org (so the next import of
 * any plan matches it by itself), and audits "org.alias" (entity org,
 * after {"alias", "plan", "document"}) in the same transaction; the plan
 * keeps the name as written (dti.plan/1 round trip). ORG_ID must be a unit
 * in force directly under the plan's commune; NAME must be a single unit's
 * name of the plan (not a collective name, not "UBND xã") that no other
 * unit already matches. Anything else — an org of another commune, out of
 * the user's scope, missing, a name the plan does not use — fails the whole
 * import with DTI_ERR_INPUT, field "units", the message naming the name and
 * one wording for a foreign and a missing org; nothing is stored. */
typedef struct plans_unit_choice {
    const char *name;           /* borrowed */
    int64_t org_id;
} plans_unit_choice;
#define PLANS_UNIT_CHOICES_MAX 1000
typedef struct plans_import_opts {
    plans_cal_mode calendar;
    const char *const *rules;   /* PLANS_CAL_RULES: NRULES rules (period.h syntax), borrowed */
    size_t nrules;
    const plans_unit_choice *units;   /* NUNITS choices (at most PLANS_UNIT_CHOICES_MAX), borrowed */
    size_t nunits;
    /* The document's own extraction when P is the coordinator's correction
     * of it (NULL: P is the extraction, or none could be made), borrowed.
     * The "plan.import" audit entry then says what the coordinator
     * corrected: "corrected": {"head": bool, "changed", "added", "removed",
     * "retyped": [{"kind", "group", "code"}]} (retyped: moved between
     * indicators and tasks; rows are matched by kind, group and code), or
     * null when nothing was. */
    const plan *extracted;
    /* The column roles the coordinator set ({"header": "role"}), borrowed,
     * or NULL; recorded as "roles" in the same audit entry. */
    const json_t *roles;
} plans_import_opts;

/* Import the plan document at PATH (see above). R is filled (release it
 * with plans_import_result_release, also after a failure). Bad input is
 * DTI_ERR_INPUT/FORMAT/TOOBIG/IO with the file named in E, and leaves the
 * store unchanged. */
dti_rc plans_import_file(app *a, const char *path, plans_import_result *r, dti_err *e);
/* The same for a plan already extracted (P borrowed) from the document
 * DATA (LEN bytes, kept in the store) named NAME: for uploads and tests. */
dti_rc plans_import_plan(app *a, const plan *p, const char *name, const void *data, size_t len,
                       plans_import_result *r, dti_err *e);
/* What plans_import_plan would do with P, without doing it: the same steps
 * and permission checks in a transaction that is always rolled back, for
 * the import preview. R as plans_import_plan's (existed and plan_id for a
 * document imported before; how each name would be matched, new units
 * flagged PLANS_MATCH_NEW), except that every match's org_id is 0 (a preview
 * names no org that may not exist). Nothing is stored and nothing is
 * audited; the errors are plans_import_plan's. */
dti_rc plans_import_dry_run(app *a, const plan *p, const char *name, const void *data, size_t len,
                          plans_import_result *r, dti_err *e);
/* plans_import_plan with options O (NULL: the defaults, PLANS_CAL_DETECT). */
dti_rc plans_import_plan_opts(app *a, const plan *p, const char *name, const void *data, size_t len,
                            const plans_import_opts *o, plans_import_result *r, dti_err *e);
/* Import the document at PATH as the coordinator corrected its plan: the
 * plan stored is the dti.plan/1 JSON in the file PLAN_PATH (what `dti
 * extract PATH` printed, edited), read as plans_import_plan_json reads the
 * preview's correction (targets and due dates may be given as words); the
 * document is the plan's source (its SHA-256 and bytes kept, as
 * plans_import_file keeps them) and is extracted again so that the
 * "plan.import" audit entry says what was corrected
 * (plans_import_opts.extracted). Errors: a PLAN_PATH that is not JSON is
 * DTI_ERR_INPUT naming the file, line and column; a plan that does not hold
 * names the file and the field; a document no reader takes is
 * plans_import_file's error. Nothing is stored on any error. R as
 * plans_import_file's. */
dti_rc plans_import_file_corrected(app *a, const char *path, const char *plan_path, plans_import_result *r,
                                  dti_err *e);
void plans_import_result_release(plans_import_result *r);

/* The plan J (dti.plan/1) as the coordinator corrected it in the import
 * preview, into *OUT (owned by caller). Decision: a target may be given as
 * words only, {"year", "text"} without "op" (the UI sends a target the
 * coordinator retyped so): it is read by core/target's target_parse for its
 * year as the import reads a target cell (op, value, unit; no number: op
 * "text"), keeping the words as its text. Likewise a row whose "due" key
 * is absent and "due_text" given (the UI sends a due date retyped so) gets
 * the due core/target's due_parse reads from the words (null: none read).
 * Every other target and field is
 * read by plan_from_json as it stands, so a plan sent unchanged exports
 * byte-equal. Errors are DTI_ERR_INPUT/TOOBIG with the field named under
 * "plan." ("plan.indicators[2].targets[0].text"). J is not changed. */
dti_rc plans_import_plan_json(const json_t *j, plan **out, dti_err *e);
/* DTI_OK when the acting user may import plans at all (an admin, a
 * coordinator, or the system before any user exists), else DTI_ERR_PERM
 * (DTI_ERR_AUTH from app_actor): for a preview, which stores nothing and
 * has no commune yet. An earlier import of the same document is answered
 * (existed = 1) only to a user who may write that plan. */
dti_rc plans_import_allowed(app *a, dti_err *e);

/* A plan as the list of plans shows it. */
typedef struct plans_row {
    int64_t id, org_id, document_id;
    char *title, *commune, *province, *number, *issued;    /* owned; NULL when unknown */
    char *document_name, *created_at;                      /* owned */
    int64_t ngroups, nindicators, ntasks;
} plans_row;

/* The plans the acting user may read, by id: admin all; others those whose
 * commune org lies within their scope (a reporter also those of the orgs
 * above its unit); the system actor only while no user exists (app_actor,
 * else DTI_ERR_AUTH). *OUT an array of *N rows, freed with plans_rows_free. */
dti_rc plans_list(app *a, plans_row **out, size_t *n, dti_err *e);
void plans_rows_free(plans_row *v, size_t n);

/* Plan ID as a plan (*OUT owned by caller), when the acting user may read
 * it (as plans_list). DTI_ERR_NOTFOUND when missing or not readable by
 * the user (one message for both: no leak of its existence). */
dti_rc plans_get(app *a, int64_t id, plan **out, dti_err *e);

/* Plan ID as dti.plan/1 text (plan_to_string; *OUT owned by caller), with
 * the permission of plans_get. */
dti_rc plans_export(app *a, int64_t id, char **out, dti_err *e);

#endif
