/* store_user.h — the users repository: accounts, their password hashes,
 * login throttling rows, sessions, and the org reads that permission
 * checks need (the parent of an org, whether it is live, the org of a plan,
 * the orgs under one).
 *
 * The store decides nothing here: who may see or change an account, what a
 * failed login costs, when a session has expired, are app/auth's. Roles are
 * stored and given back as their English names ("admin", ...); times as the
 * ISO 8601 UTC text the caller made (store_timestamp's form). Every
 * statement is written once for both engines; the one engine-specific form
 * (the upsert of login_failures) is marked "engine:". */
#ifndef DTI_STORE_USER_H
#define DTI_STORE_USER_H
#include <stddef.h>
#include <stdint.h>
#include "store/store.h"
#include "store/store_generation.h"

#define STORE_USER_NAME_MAX 64      /* bytes of users.name kept (auth.h AUTH_NAME_MAX) */
#define STORE_USER_DISPLAY_MAX 160  /* bytes of display_name kept (AUTH_DISPLAY_MAX) */
#define STORE_USER_HASH_MAX 127     /* bytes of pw_hash (crypto_pwhash_STRBYTES - 1) */

/* One account as stored (never the password hash). Longer texts are cut
 * at the sizes below (the app layer never writes longer ones). */
typedef struct store_user {
    int64_t id;
    char name[STORE_USER_NAME_MAX + 1];
    char display[STORE_USER_DISPLAY_MAX + 1];
    char role[24];              /* as stored: "admin", "coordinator", "reporter", "viewer" */
    int64_t org_id;             /* 0 for none */
    int active;
    char org_name[192];         /* the name of org_id, "" without one */
} store_user;

/* Number of accounts. */
dti_rc store_user_count(store *s, int64_t *n, dti_err *e);
/* The account named NAME (*FOUND 0 when none; *OUT untouched then). */
dti_rc store_user_by_name(store *s, const char *name, store_user *out, int *found, dti_err *e);
/* The account ID (*FOUND 0 when none). */
dti_rc store_user_by_id(store *s, int64_t id, store_user *out, int *found, dti_err *e);
/* The account named NAME with its password hash into HASH (NUL-terminated;
 * "" when none): for the login check only. *FOUND 0 when there is none. */
dti_rc store_user_login(store *s, const char *name, store_user *out, char hash[STORE_USER_HASH_MAX + 1],
                        int *found, dti_err *e);
/* Every account by name: *OUT (caller frees) holds *N. */
dti_rc store_user_list(store *s, store_user **out, size_t *n, dti_err *e);
/* A new active account; ORG_ID 0 for none. *ID its id. A name taken is
 * DTI_ERR_CONFLICT (the unique index). */
dti_rc store_user_insert(store *s, const char *name, const char *display, const char *pw_hash, const char *role,
                         int64_t org_id, const char *created_at, int64_t *id, dti_err *e);
/* Set the password hash of ID. */
dti_rc store_user_set_password(store *s, int64_t id, const char *pw_hash, dti_err *e);
/* Set the active flag of ID. */
dti_rc store_user_set_active(store *s, int64_t id, int active, dti_err *e);
/* Set display name, role, org (0 = none) and active flag of ID at once. */
dti_rc store_user_update(store *s, int64_t id, const char *display, const char *role, int64_t org_id, int active,
                         dti_err *e);

/* ---- login throttling: one row per user name tried (known or not) ---- */

typedef struct store_login_failure {
    int64_t count;
    char last_at[24];           /* ISO 8601 UTC */
    char locked_until[24];      /* "" when not locked */
} store_login_failure;

/* The failures of NAME (*FOUND 0 when none). */
dti_rc store_login_failure_get(store *s, const char *name, store_login_failure *out, int *found, dti_err *e);
/* Write the failures of NAME (insert or replace); LOCKED_UNTIL NULL or ""
 * for none. */
dti_rc store_login_failure_put(store *s, const char *name, int64_t count, const char *last_at,
                               const char *locked_until, dti_err *e);
/* Forget the failures of NAME (a success, a new password). */
dti_rc store_login_failure_clear(store *s, const char *name, dti_err *e);

/* ---- sessions: named by the SHA-256 (hex) of their id, never the id ---- */

/* A session, its account and the data generation, as one statement reads
 * them (store_session_get). */
typedef struct store_session {
    int64_t user_id;
    char last_seen[24];
    char expires_at[24];
    char csrf[65];              /* 64 hex digits */
    int user_found;             /* 0 when the account is gone */
    store_user user;
    int gen_known;              /* 0 before the generation row exists */
    store_gen gen;
} store_session;

/* A new session. */
dti_rc store_session_insert(store *s, const char *id_hash, int64_t user_id, const char *created_at,
                            const char *expires_at, const char *csrf, dti_err *e);
/* The session ID_HASH with its account and the data generation, in ONE
 * statement (one read transaction; the request's only statement when
 * nothing else is cached). *FOUND 0 when there is no such session. The
 * generation read is noted for store_generation_known() (the same memo as
 * store_generation's), under the data version taken before the statement. */
dti_rc store_session_get(store *s, const char *id_hash, store_session *out, int *found, dti_err *e);
/* Move the session's last_seen to AT. */
dti_rc store_session_touch(store *s, const char *id_hash, const char *at, dti_err *e);
/* Remove the session ID_HASH (no-op when missing). Bumps the generation
 * (a trigger): caches of other processes keyed on it drop the session. */
dti_rc store_session_delete(store *s, const char *id_hash, dti_err *e);
/* Remove every session of USER_ID but KEEP_HASH (NULL: all). Bumps the
 * generation like store_session_delete. */
dti_rc store_session_delete_user(store *s, int64_t user_id, const char *keep_hash, dti_err *e);

/* ---- the org reads of permission checks ---- */

/* The parent of ORG_ID (0 for a top-level org); *FOUND 0 when no such org. */
dti_rc store_user_org_parent(store *s, int64_t org_id, int64_t *parent, int *found, dti_err *e);
/* *LIVE 1 when ORG_ID exists and is in force (valid_to NULL). */
dti_rc store_user_org_live(store *s, int64_t org_id, int *live, dti_err *e);
/* The org of plan PLAN_ID (0 when it has none); *FOUND 0 when no such plan. */
dti_rc store_user_plan_org(store *s, int64_t plan_id, int64_t *org_id, int *found, dti_err *e);

/* One org as a picker lists it. */
typedef struct store_user_org {
    int64_t id;
    int64_t parent_id;          /* 0 for a top-level org */
    char kind[12];              /* "province", "commune", "unit" */
    char *name;                 /* owned by the list */
    int live;                   /* 0 once closed */
} store_user_org;

/* The orgs at and under ROOT_ID down to DEPTH_MAX levels (ROOT_ID 0: every
 * org), ordered by folded name then id. *OUT freed with
 * store_user_orgs_free. */
dti_rc store_user_orgs(store *s, int64_t root_id, int depth_max, store_user_org **out, size_t *n, dti_err *e);
/* Free a list of store_user_orgs. NULL is a no-op. */
void store_user_orgs_free(store_user_org *v, size_t n);

#endif
