/* auth.h — users, roles, scopes, passwords, logins, sessions and the
 * permission decisions of dti.
 *
 * Every use case in app/ takes the acting user (an auth_user loaded from the
 * store) and asks auth_can*() before it reads or writes; no other layer
 * decides permissions. The rules:
 *
 *   admin        everything, everywhere.
 *   coordinator  reads within its scope; writes plans, assignments, the
 *                calendar and reviews (return, approve, check evidence)
 *                within its scope; fills the reports of its own org.
 *   reporter     reads and writes only the reports of its own org (and the
 *                orgs under it); sees only its own assignments; reads the
 *                plans of the orgs above it (to know what to report).
 *   viewer       reads within its scope; never writes.
 *   anyone       outside its scope: nothing, not even that it exists (404,
 *                see "Not found or refused" below).
 *
 * A scope is an org and every org under it (orgs.parent_id). An admin needs
 * no scope (org_id 0).
 *
 * Accounts (auth_can_user; auth_users.c), so that a commune runs from the
 * browser without the command line:
 *   admin        sees and manages every account: adds, changes display name,
 *                role, org and active state, resets passwords.
 *   coordinator  sees the accounts whose org lies within its scope (and its
 *                own); adds, changes, disables, enables and resets the
 *                password of reporter and viewer accounts within its scope
 *                (a commune's office onboards its units), and may give them
 *                only those roles and orgs within its scope. Never admins or
 *                coordinators (its own account included), never outside
 *                its scope.
 *   reporter,    see only themselves; manage nothing.
 *   viewer
 *   everyone     changes its own password by giving the current one
 *                (auth_password_change), which is checked with the login
 *                throttle below, so a stolen session cannot guess it.
 * An account outside what the actor may see answers "not found", exactly
 * as a missing one (its existence does not leak); one it may see but not
 * manage answers "forbidden". For an account to be added, an org outside
 * the actor's scope is "not found" (whatever the role); within it, a role
 * the actor may not give is "forbidden". Nobody changes its own role, org or active
 * state (the last admin cannot lock itself out). A change of role, org or
 * active state, and a password reset, end the account's sessions (nothing
 * keeps the old rights); a change of one's own password ends one's other
 * sessions and keeps the current one. Every change is audited (user.add,
 * user.update, user.activate, user.deactivate, user.passwd, user.rehash) without any
 * password material. AUTH_USER_ADMIN in auth_can() stays the global "admin
 * only" right; per-account decisions are auth_can_user()'s.
 *
 * Passwords: libsodium crypto_pwhash_str (argon2id, 32 MiB × 4 passes for
 * new hashes, one hash in memory at a time: auth.c says why),
 * AUTH_PASSWORD_MIN..MAX bytes. Logins are throttled per user
 * name (known or not): after AUTH_FAIL_FREE consecutive failures each
 * further attempt must wait AUTH_FAIL_DELAY << (failures - AUTH_FAIL_FREE)
 * seconds (at most AUTH_FAIL_DELAY_MAX) after the last failure, and after
 * AUTH_FAIL_LOCK failures the name is locked for AUTH_LOCK_SECONDS; a
 * success clears the count. Sessions (for the web server) have a random
 * 256-bit id given to the browser once and stored only as its SHA-256, an
 * idle limit (AUTH_SESSION_IDLE) and an absolute one (AUTH_SESSION_MAX), and
 * a CSRF token.
 *
 * Times are passed in (time_t NOW, or the context's a->now) so that tests
 * and replays control them; they are stored as ISO 8601 UTC text like
 * every timestamp in the store.
 *
 * Signatures: what the entry points (cli/, http/) call takes the context
 * `app *a` (its store, its acting user, its now; app/app.h); what other
 * wings of app/ call inside their own transactions keeps `store *` and an
 * actor for now (issue 12: one branch per wing, merged at once). */
#ifndef DTI_AUTH_H
#define DTI_AUTH_H
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include "base/err.h"
#include "store/store.h"

struct app;     /* app/app.h: the context of a use case */

typedef enum {
    ROLE_ADMIN = 0,
    ROLE_COORDINATOR,
    ROLE_REPORTER,
    ROLE_VIEWER
} auth_role;

#define AUTH_NAME_MAX 64            /* bytes of a user name: [a-z0-9._-] */
#define AUTH_DISPLAY_MAX 160        /* bytes of a display name */
#define AUTH_PASSWORD_MIN 8
#define AUTH_PASSWORD_MAX 256
#define AUTH_TREE_DEPTH_MAX 16      /* org tree depth walked for scopes */

#define AUTH_FAIL_FREE 3            /* failures before attempts are slowed */
#define AUTH_FAIL_DELAY 2           /* seconds, doubled per further failure */
#define AUTH_FAIL_DELAY_MAX 60
#define AUTH_FAIL_LOCK 10           /* failures that lock the name */
#define AUTH_LOCK_SECONDS (15 * 60)

#define AUTH_SESSION_IDLE (30 * 60)     /* seconds without a request */
#define AUTH_SESSION_TOUCH 60           /* last_seen is written at most this often */
#define AUTH_SESSION_MAX (12 * 3600)    /* seconds since login */
#define AUTH_TOKEN_HEX 65               /* 64 hex digits + NUL */

/* The ISO 8601 UTC form of a time, "2026-04-08T09:30:00Z", NUL included. */
#define AUTH_TS_LEN 21
#define AUTH_GEN_UID_MAX 39     /* score_generation.uid: 32 hex digits */

typedef struct auth_user {
    int64_t id;             /* 0 for the system (bootstrap) */
    char name[AUTH_NAME_MAX + 1];
    char display[AUTH_DISPLAY_MAX + 1];
    auth_role role;
    int64_t org_id;         /* scope; 0 = none (admin only) */
    char org_name[192];     /* that org's name; "" without one (or when not read) */
    int active;
    /* The data generation (score_generation.gen and .uid, app/score_cache.h)
     * as auth_session_check read it in the same statement as the account,
     * so that the request's cached views need not read it again. gen_known
     * is 0 for an account got any other way: then it is read when needed. */
    int gen_known;
    int64_t gen;
    char gen_uid[AUTH_GEN_UID_MAX + 1];
} auth_user;

/* "admin", "coordinator", "reporter", "viewer". */
const char *auth_role_name(auth_role r);
/* The role named S (English, or Vietnamese: quản trị, điều phối, báo cáo,
 * xem), or -1. */
int auth_role_parse(const char *s);
/* Write NOW as ISO 8601 UTC into OUT; returns OUT. */
char *auth_ts(time_t now, char out[AUTH_TS_LEN]);

/* sodium_init() once per process (thread-safe). DTI_ERR_INTERNAL when
 * libsodium cannot start. Every function below calls it. */
dti_rc auth_init(dti_err *e);

/* Hash PASSWORD into OUT (crypto_pwhash_STRBYTES = 128 bytes). Checks the
 * length limits (DTI_ERR_INPUT). */
dti_rc auth_password_hash(const char *password, char out[128], dti_err *e);
/* 1 when PASSWORD matches HASH, else 0. */
int auth_password_check(const char *hash, const char *password);

/* ---- users ---------------------------------------------------------------- */

/* Number of users (bootstrap: the first admin needs no acting user). */
dti_rc auth_user_count(store *s, int64_t *n, dti_err *e);
/* The user named NAME (any state) into *OUT; DTI_ERR_NOTFOUND if none. */
dti_rc auth_user_get(store *s, const char *name, auth_user *out, dti_err *e);
dti_rc auth_user_get_id(store *s, int64_t id, auth_user *out, dti_err *e);
/* The acting user for a command: NAME must exist and be active
 * (DTI_ERR_AUTH otherwise, the message names the user). */
dti_rc auth_acting(store *s, const char *name, auth_user *out, dti_err *e);

/* Add a user. ACTOR must be allowed to manage the new account
 * (auth_can_user: an admin, or a coordinator adding a reporter or viewer
 * within its scope), or NULL on an empty user table (the
 * bootstrap admin: ROLE must then be ROLE_ADMIN). ORG_ID 0 only for an
 * admin; otherwise a live org (and within the actor's scope). Audited
 * ("user.add", no password hash in the log). *ID (may be NULL) gets the id. */
dti_rc auth_user_add(store *s, const auth_user *actor, const char *name, const char *display,
                     auth_role role, int64_t org_id, const char *password, time_t now,
                     int64_t *id, dti_err *e);
/* The acting user of A into *U (app_actor), for a use case that needs a
 * user: the system actor is refused (DTI_ERR_AUTH "an acting user is
 * needed", naming FIELD). */
dti_rc auth_actor_needed(struct app *a, auth_user *u, const char *field, dti_err *e);
/* Change NAME's password (the command line) as A's acting user: the user
 * itself, or an actor that may manage it (auth_can_user). Audited. Clears
 * the login failures and ends the user's sessions. */
dti_rc auth_user_passwd(struct app *a, const char *name, const char *password, dti_err *e);
/* Activate or deactivate a user, as A's acting user, who may manage it
 * (auth_can_user), never oneself. Audited; ends its sessions. */
dti_rc auth_user_set_active(struct app *a, const char *name, int active, dti_err *e);
/* Users A's acting user may see (auth_can_user AUTH_USER_SEE: admin all;
 * coordinator itself and those whose org is within its scope; reporter and
 * viewer only themselves), by name. *OUT (caller frees) and *N. */
dti_rc auth_user_list(struct app *a, auth_user **out, size_t *n, dti_err *e);

/* ---- account management (auth_users.c; rules in the comment at the top) -- */

typedef enum {
    AUTH_USER_SEE = 0,      /* list it, read it */
    AUTH_USER_MANAGE        /* add it, change it, disable or enable it, reset its password */
} auth_user_act;

/* DTI_OK when ACTOR may do ACT on the account TARGET. For a change, ask for
 * the account as it is and as it would become; for a new account TARGET->id
 * is 0. DTI_ERR_NOTFOUND (field "user", or "org_id" for a new account: the
 * same message as a missing user or org) when TARGET lies outside what
 * ACTOR may see; DTI_ERR_PERM (field "role" when the role is the reason)
 * when ACTOR may see but not manage it; DTI_ERR_AUTH for no active actor. */
dti_rc auth_can_user(store *s, const auth_user *actor, auth_user_act act, const auth_user *target,
                     dti_err *e);
/* The roles ACTOR may give an account, as bits (1u << role): all four for
 * an admin, reporter and viewer for a coordinator, none for the others. */
unsigned auth_roles_grantable(const auth_user *actor);

/* A change to an account; a member left at its "unchanged" value is kept. */
typedef struct auth_user_change {
    const char *display;    /* NULL = unchanged; cleaned, 1..AUTH_DISPLAY_MAX bytes */
    int role;               /* -1 = unchanged, else an auth_role */
    int64_t org_id;         /* -1 = unchanged; 0 = none (admins only); else a live org */
    int active;             /* -1 = unchanged, 0 or 1 */
} auth_user_change;

/* Apply C to the account with id ID as A's acting user at A's now (rules
 * above; the actor must be allowed the account both before and after). In one
 * transaction with its audit entry ("user.update", or "user.activate" /
 * "user.deactivate" when only the active state changes). A change of role,
 * org or active state ends the account's sessions. *OUT (may be NULL) gets
 * the account after the change. Nothing changes on any error. */
dti_rc auth_user_update(struct app *a, int64_t id, const auth_user_change *c, auth_user *out, dti_err *e);
/* Set the password of the account ID (another's: one's own goes through
 * auth_password_change) as A's acting user may manage it. Clears its login failures
 * (unlocks it) and ends its sessions. Audited ("user.passwd", no password
 * material). */
dti_rc auth_user_reset_password(struct app *a, int64_t id, const char *password, dti_err *e);
/* A's acting user changes its own password from CURRENT to PASSWORD. CURRENT is
 * checked like a login (auth_login: wrong answers count as failed logins
 * and are slowed, then locked); a wrong one is DTI_ERR_INPUT on field
 * "current". PASSWORD must differ from CURRENT. Ends ACTOR's sessions but
 * the one named KEEP_SID (the session id in hex, or NULL to end them all).
 * Audited ("user.passwd"). */
dti_rc auth_password_change(struct app *a, const char *current, const char *password, const char *keep_sid,
                            dti_err *e);

/* One org as pickers show it. */
typedef struct auth_org {
    int64_t id;
    int64_t parent_id;      /* 0 for a province */
    char kind[12];          /* "province", "commune", "unit" */
    char *name;             /* owned by the list */
    int live;               /* 0 once closed (valid_to set) */
} auth_org;

/* The orgs within the scope of A's acting user (every org for an admin; its scope org and
 * everything under it for the others), ordered by folded name. *OUT is
 * freed with auth_org_list_free(*OUT, *N). */
dti_rc auth_org_list(struct app *a, auth_org **out, size_t *n, dti_err *e);
/* Free a list from auth_org_list. NULL is a harmless no-op. */
void auth_org_list_free(auth_org *list, size_t n);

/* ---- logins and sessions -------------------------------------------------- */

/* Check NAME and PASSWORD at A's now with the throttle above. On success fills
 * *OUT (may be NULL) and clears the failures. Wrong name or password, or an
 * inactive user: DTI_ERR_AUTH with one message for all three; too soon or
 * locked: DTI_ERR_AUTH saying how long to wait.
 * The password is verified with no transaction open (Argon2id takes about a
 * tenth of a second; no other writer waits for it): a read transaction reads
 * the throttle's row and the hash, then one short write reads them again and
 * records the outcome (auth.c, login_run, says how two concurrent attempts
 * on one name stay counted). A right password whose hash was made with other
 * Argon2id parameters than the current ones is hashed again with the current
 * ones in that write, audited "user.rehash" (the parameters before and after,
 * never the hash) by the user itself. Must not be called inside a
 * transaction. */
dti_rc auth_login(struct app *a, const char *name, const char *password, auth_user *out, dti_err *e);
/* auth_login, and on success a new session for the user opened in the same
 * short write (as auth_session_new: ID and CSRF get its tokens, zeroed on
 * failure). The web's login. */
dti_rc auth_login_session(struct app *a, const char *name, const char *password, auth_user *out,
                          char id[AUTH_TOKEN_HEX], char csrf[AUTH_TOKEN_HEX], dti_err *e);
/* The same check on S at NOW, outside any transaction, for a use case that
 * checks a password before its own write (the current password of
 * auth_password_change); it never rehashes (the password is about to
 * change). */
dti_rc auth_login_check(store *s, const char *name, const char *password, time_t now,
                        auth_user *out, dti_err *e);

/* Open a session for U at A's now. ID gets the session id (hex, for the cookie;
 * never stored), CSRF the session's CSRF token (hex). */
dti_rc auth_session_new(struct app *a, const auth_user *u, char id[AUTH_TOKEN_HEX], char csrf[AUTH_TOKEN_HEX],
                        dti_err *e);
/* Look up session ID at A's now: when live, fills *U and CSRF (either may be
 * NULL) and moves last_seen to NOW (written only when it is more than
 * AUTH_SESSION_TOUCH seconds old, so the idle limit may end up to that
 * much early; a write per request would cost more than most requests);
 * when idle too long, past its maximum,
 * unknown, or its user inactive: DTI_ERR_AUTH (and an expired session is
 * removed). The session, its user and the data generation (*U's gen_known,
 * gen, gen_uid) are read by one statement: one read transaction; and the
 * answer is kept per thread under the data generation
 * (store/store_generation.h), so that checking the same session again
 * runs no statement while the generation is known unchanged without one
 * (on SQLite: no commit since it was read) and last_seen is not due to
 * move; then it reads again. Ending sessions (logout, password change or
 * reset, account disabled, role or org changed) bumps the generation in
 * the same transaction, in whatever process: a session ended or an
 * account disabled is refused at the next check, as without the cache.
 * See auth.c "the session cache". */
dti_rc auth_session_check(struct app *a, const char *id, auth_user *u, char csrf[AUTH_TOKEN_HEX], dti_err *e);
/* End session ID (logout). Unknown ids are a no-op. */
dti_rc auth_session_end(struct app *a, const char *id, dti_err *e);
/* 1 when GIVEN equals EXPECTED (constant time), else 0. NULL gives 0. */
int auth_csrf_ok(const char *expected, const char *given);

/* ---- permissions ---------------------------------------------------------- */

typedef enum {
    AUTH_READ = 0,      /* see an org's data (plans, reports, scores) */
    AUTH_REPORT_WRITE,  /* fill, attach to, submit an org's report */
    AUTH_REVIEW,        /* return, approve, check evidence of an org's report */
    AUTH_PLAN_WRITE,    /* import and edit plans, assignments, calendar */
    AUTH_USER_ADMIN,    /* add and change users */
    AUTH_AUDIT          /* read and verify the audit log */
} auth_action;

/* Not found or refused: one rule for every use case.
 *
 *   Out of the user's scope -> DTI_ERR_NOTFOUND (HTTP 404), read or write: a
 *   plan, a report, evidence, a score, completeness, rankings or the audit
 *   of another commune (or of another unit, for a reporter) is answered as
 *   if it did not exist, with a message that names nothing of it; what does
 *   not exist at all gets the very same answer (the evidence, the plan or
 *   auth_not_found()'s text), so existence never leaks.
 *   In scope, but not the role's to do -> DTI_ERR_PERM (HTTP 403), naming
 *   the user and the action: a viewer submitting, a reporter approving, a
 *   coordinator filling a unit's report, a reporter asking for the whole
 *   commune's score of a plan it may read.
 *   No org at all (global things: users, the whole audit log) -> DTI_ERR_PERM.
 *   Creating for an org out of scope (importing a document whose commune is
 *   not the coordinator's) -> DTI_ERR_PERM with one message whether or not
 *   that commune is known: the name comes from the user's own document.
 *
 * A plan a reporter reads from below (auth_can_plan) is in its view: what
 * else it asks of that plan is refused (403), not hidden. */

/* The "not found, or outside your scope" answer (DTI_ERR_NOTFOUND, no
 * field); for callers whose own lookup would otherwise tell a missing
 * thing from a foreign one (an org named in a URL). */
dti_rc auth_not_found(dti_err *e);
/* *YES = 1 when ORG_ID is U's scope org or lies under it. */
dti_rc auth_in_scope(store *s, const auth_user *u, int64_t org_id, int *yes, dti_err *e);
/* DTI_OK when U may do ACT on ORG_ID's data; DTI_ERR_NOTFOUND
 * (auth_not_found()) when ORG_ID is outside U's scope or unknown;
 * DTI_ERR_PERM with a message naming the user and what was refused when it
 * is in scope but not U's role to do. ORG_ID 0 means "no org" (global
 * things: only admins, and AUTH_AUDIT for coordinators; others DTI_ERR_PERM). */
dti_rc auth_can(store *s, const auth_user *u, auth_action act, int64_t org_id, dti_err *e);
/* The same for a plan: the plan's org decides. AUTH_READ on a plan is also
 * given to a reporter whose org lies under the plan's org (any other action
 * on it: DTI_ERR_PERM). DTI_ERR_NOTFOUND for no such plan, or one out of the
 * user's view: the same message, "no plan N". */
dti_rc auth_can_plan(store *s, const auth_user *u, auth_action act, int64_t plan_id, dti_err *e);

#endif
