/* auth_int.h — helpers private to the account use cases (auth.c,
 * auth_users.c). Not part of app/'s contract. */
#ifndef DTI_AUTH_INT_H
#define DTI_AUTH_INT_H
#include <stdint.h>
#include <jansson.h>
#include "app/auth/auth.h"

/* The account U as the audit log shows it (never the password hash). New
 * reference, NULL when out of memory. */
json_t *auth_user_audit_json(const auth_user *u);

/* DTI_OK when ORG_ID is a live org (an account on a closed one would see
 * nothing), else DTI_ERR_NOTFOUND naming FIELD (the caller's form field). */
dti_rc auth_org_live(store *s, int64_t org_id, const char *field, dti_err *e);

/* Inside the caller's transaction: HASH becomes the password of U, U's
 * login failures are cleared and all U's sessions end; audited as
 * "user.passwd" by ACTOR ({"password_changed": true}, with "by": BY
 * unless BY is NULL). The caller commits, or rolls back on failure. */
dti_rc auth_password_set(store *s, const auth_user *actor, const auth_user *u, const char *hash, const char *by,
                         time_t now, dti_err *e);

/* Tests only (tests/unit/test_auth.c): when set, called by every login
 * while it verifies the password (no transaction of the login open), with
 * the login's store. NULL in the program. */
extern void (*auth_login_verify_hook)(store *s);

#endif
