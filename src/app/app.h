/* app.h — use cases: the one layer that ties import/, export/ and store/
 * together, and (from issue 3) the only one that checks permissions and
 * writes the audit log.
 *
 * Every use case takes an `app` context: the open store and the acting
 * user. Permissions and audit will be added inside these functions without
 * changing their signatures; until then user 0 is "the system" and may do
 * everything.
 *
 * Importing a plan (app_import_file):
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
 *      A name the coordinator linked to an existing unit (app_import_opts.
 *      units) is that unit, before any matching, and its spelling an alias;
 *   5. the plan and the document are saved, each name linked to its org;
 *   6. the reporting calendar the document states is set (app_import_opts).
 *
 * Decision on collective names ("Các phòng ban liên quan", "Các thôn",
 * "Các cơ quan, đơn vị trên địa bàn xã"): they name several units the
 * document does not list, so no org is invented for them. They are kept as
 * written in the plan (the dti.plan/1 round trip holds), their assignment
 * has no org yet, and the summary lists them as names for the coordinator to
 * resolve (issue 3's assignment screens do it). Likewise, when the document
 * names no commune (an Excel appendix alone), no name is linked, and the
 * summary warns. */
#ifndef DTI_APP_H
#define DTI_APP_H
#include <stdint.h>
#include <time.h>
#include "base/err.h"
#include "base/lang.h"
#include "base/strlist.h"
#include "core/plan.h"
#include "store/store.h"
#include "store/store_plan.h"

/* The one way into app/: a context built once per request (http_app,
 * http/server.h) and once per command (app_open, cli/). Entry points hand
 * it to the use cases and never touch the store themselves; the layers are
 * held by `make lint-layers` (scripts/lint-layers.sh: cli/ and http/ include
 * no store/ header, app/ holds no SQL text).
 *
 *   st       the store handle: the request's (from the server's pool) or the
 *            command's; owned by whoever opened it (app_open: app_close
 *            frees it)
 *   user_id  the acting user; 0 = the system (app_actor says when allowed)
 *   account  the acting user as the session check already read it, or NULL
 *            (app_actor then reads it): borrowed, lives as long as the request
 *   now      the instant the use cases record and judge deadlines by; set
 *            once (app_now() at the start of the request or command) so
 *            that one request sees one "now"
 *   lang     the language of the messages and texts it writes */
struct auth_user;
typedef struct app {
    store *st;
    int64_t user_id;
    const struct auth_user *account;
    time_t now;
    dti_lang lang;
} app;

/* The acting user of A into *U (auth.h). User 0 is the system: allowed
 * (*SYSTEM = 1, U zeroed) only while no user exists — a fresh store, the
 * bootstrap, the sample of `make run` — and refused (DTI_ERR_AUTH, "--as
 * needed") once there are users. An unknown or deactivated user:
 * DTI_ERR_AUTH. SYSTEM may be NULL. */
struct auth_user;
dti_rc app_actor(app *a, struct auth_user *u, int *system, dti_err *e);
/* The time use cases record: DTI_NOW when set (ISO 8601 UTC
 * "2026-04-14T09:00:00Z": for tests, demos and replays of paper reports
 * received earlier; documented in docs/reports.md), else the clock. */
time_t app_now(void);

/* Open the store at DB (store_open's URL) for USER_ID; A->now is app_now(),
 * A->lang lang_get(). A->st NULL on failure. */
dti_rc app_open(app *a, const char *db, int64_t user_id, dti_err *e);
/* Close the store. NULL or a closed app is a no-op. */
void app_close(app *a);

/* ---- connections of a long-running entry point (app_conn.c) ------------
 * The server keeps a pool of store handles, one per worker at most, and
 * builds each request's context on one of them (http/server.c); these are
 * the only store calls it needs, so that http/ includes no store/ header.
 * A handle is used by one thread at a time. */

/* Open a handle on DB (store_open's URL: migrations are applied by the
 * first one). *OUT owned by the caller, closed with app_conn_close; NULL on
 * failure. */
dti_rc app_conn_open(const char *db, store **out, dti_err *e);
/* Close a handle of app_conn_open. NULL is a no-op. */
void app_conn_close(store *s);
/* The process is stopping (dti serve on SIGTERM): from now on no handle
 * waits for a lock held elsewhere; such a wait ends at once with
 * DTI_ERR_BUSY (store_stop_waits). Cannot be undone. */
void app_stop_waits(void);

typedef enum {
    APP_MATCH_NEW = 0,      /* a new unit was created for this name */
    APP_MATCH_SAME,         /* an org of this plan or an earlier one, by key or alias */
    APP_MATCH_SELF,         /* the commune or province itself ("UBND xã") */
    APP_MATCH_NONE,         /* not linked: no commune/province to put it under */
    APP_MATCH_CHOSEN        /* linked by the coordinator's choice (app_import_opts.units) */
} app_match_how;

typedef struct app_match {
    char *name;             /* as the document wrote it; owned */
    char *org_name;         /* the org's name; owned; NULL when not linked */
    int64_t org_id;         /* 0 when not linked */
    int province_level;     /* 1 for x.parent_lead names (under the province) */
    app_match_how how;
} app_match;

typedef struct app_import_result {
    int64_t plan_id;
    int existed;            /* the document was there already: PLAN_ID is the earlier plan */
    char sha256[65];
    char *title, *commune, *province, *number;      /* owned; NULL when unknown */
    size_t ngroups, nindicators, ntasks;
    size_t nunits;          /* distinct unit orgs the plan names */
    size_t nunits_new;      /* of which created by this import */
    app_match *matches;     /* one per distinct name, in document order */
    size_t nmatches;
    strlist collective;     /* collective names, not matched to one org */
    strlist warnings;       /* the extractor's and the import's */
    /* the reporting calendar (import/extract_calendar.h, app/calendar.h) */
    strlist cal_rules;      /* the rules set (or, when none was set, detected: empty when neither) */
    strlist cal_sources;    /* per detected rule, the sentence(s) it came from; empty for given rules */
    strlist cal_unread;     /* no rule detected: the document's sentences on reporting not understood */
    int cal_set;            /* 1 when this import set the plan's calendar */
    int cal_given;          /* 1 when the rules were the caller's (app_import_opts), not the document's */
    size_t cal_periods;     /* periods the calendar gives (when set) */
    int64_t commune_id;     /* the plan's commune org; in a dry run only when it existed before, else 0 */
} app_import_result;

/* The calendar an import sets. Decision: a freshly imported plan gets the
 * regime its document states (extract_calendar.h), so units can report at
 * once; the coordinator may change it in the preview (RULES) or clear it
 * (NONE) and set it later. A calendar is set only for a new plan, never on
 * an earlier import of the same document. Given rules that do not parse
 * fail the whole import (DTI_ERR_INPUT naming the rule), storing nothing. */
typedef enum { APP_CAL_DETECT = 0, APP_CAL_RULES, APP_CAL_NONE } app_cal_mode;
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
typedef struct app_unit_choice {
    const char *name;           /* borrowed */
    int64_t org_id;
} app_unit_choice;
#define APP_UNIT_CHOICES_MAX 1000
typedef struct app_import_opts {
    app_cal_mode calendar;
    const char *const *rules;   /* APP_CAL_RULES: NRULES rules (period.h syntax), borrowed */
    size_t nrules;
    const app_unit_choice *units;   /* NUNITS choices (at most APP_UNIT_CHOICES_MAX), borrowed */
    size_t nunits;
} app_import_opts;

/* Import the plan document at PATH (see above). R is filled (release it
 * with app_import_result_release, also after a failure). Bad input is
 * DTI_ERR_INPUT/FORMAT/TOOBIG/IO with the file named in E, and leaves the
 * store unchanged. */
dti_rc app_import_file(app *a, const char *path, app_import_result *r, dti_err *e);
/* The same for a plan already extracted (P borrowed) from the document
 * DATA (LEN bytes, kept in the store) named NAME: for uploads and tests. */
dti_rc app_import_plan(app *a, const plan *p, const char *name, const void *data, size_t len,
                       app_import_result *r, dti_err *e);
/* What app_import_plan would do with P, without doing it: the same steps
 * and permission checks in a transaction that is always rolled back, for
 * the import preview. R as app_import_plan's (existed and plan_id for a
 * document imported before; how each name would be matched, new units
 * flagged APP_MATCH_NEW), except that every match's org_id is 0 (a preview
 * names no org that may not exist). Nothing is stored and nothing is
 * audited; the errors are app_import_plan's. */
dti_rc app_import_dry_run(app *a, const plan *p, const char *name, const void *data, size_t len,
                          app_import_result *r, dti_err *e);
/* app_import_plan with options O (NULL: the defaults, APP_CAL_DETECT). */
dti_rc app_import_plan_opts(app *a, const plan *p, const char *name, const void *data, size_t len,
                            const app_import_opts *o, app_import_result *r, dti_err *e);
void app_import_result_release(app_import_result *r);

/* The plan J (dti.plan/1) as the coordinator corrected it in the import
 * preview, into *OUT (owned by caller). Decision: a target may be given as
 * words only, {"year", "text"} without "op" (the UI sends a target the
 * coordinator retyped so): it is read by core/target's target_parse for its
 * year as the import reads a target cell (op, value, unit; no number: op
 * "text"), keeping the words as its text. Every other target and field is
 * read by plan_from_json as it stands, so a plan sent unchanged exports
 * byte-equal. Errors are DTI_ERR_INPUT/TOOBIG with the field named under
 * "plan." ("plan.indicators[2].targets[0].text"). J is not changed. */
dti_rc app_import_plan_json(const json_t *j, plan **out, dti_err *e);
/* DTI_OK when the acting user may import plans at all (an admin, a
 * coordinator, or the system before any user exists), else DTI_ERR_PERM
 * (DTI_ERR_AUTH from app_actor): for a preview, which stores nothing and
 * has no commune yet. An earlier import of the same document is answered
 * (existed = 1) only to a user who may write that plan. */
dti_rc app_import_allowed(app *a, dti_err *e);

/* The plans the acting user may read (store_plan_list's rows, by id):
 * admin all; others those whose commune org lies within their scope (a
 * reporter also those of the orgs above its unit); the system actor only
 * while no user exists (app_actor, else DTI_ERR_AUTH). *OUT freed with
 * store_plan_rows_free. */
dti_rc app_plan_list(app *a, store_plan_row **out, size_t *n, dti_err *e);

/* Plan ID as a plan (*OUT owned by caller), when the acting user may read
 * it (as app_plan_list). DTI_ERR_NOTFOUND when missing or not readable by
 * the user (one message for both: no leak of its existence). */
dti_rc app_plan_get(app *a, int64_t id, plan **out, dti_err *e);

/* Plan ID as dti.plan/1 text (plan_to_string; *OUT owned by caller), with
 * the permission of app_plan_get. */
dti_rc app_plan_export(app *a, int64_t id, char **out, dti_err *e);

#endif
