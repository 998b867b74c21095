/* session.h — the server's view of accounts: login, session lookup, logout.
 *
 * The glue between HTTP and app/auth.h. The server and the handlers call
 * only these three functions; session.c implements them over the use cases
 * of app/ (password check, failed-login throttling, session rows with idle
 * and absolute expiry, the audit log), so that a change there touches one
 * small file. A session is named by a random 256-bit id (64 hex digits,
 * the `dti_session` cookie) and carries a CSRF token of the same size that
 * every non-GET request must send back as the X-CSRF-Token header. */
#ifndef DTI_HTTP_SESSION_H
#define DTI_HTTP_SESSION_H
#include <stdint.h>
#include "app/auth/auth.h"
#include "app/app.h"
#include "base/err.h"

#define HTTP_TOKEN_LEN 64           /* hex digits of a session id or CSRF token */
#define HTTP_SESSION_COOKIE "dti_session"

typedef struct http_user {
    int64_t id;
    char login[80];
    char name[192];
    char role[24];                  /* "admin", "coordinator", "reporter", "viewer" */
    int64_t org_id;                 /* the org the user belongs to; 0 for none */
    char org_name[192];
    /* The account as app/auth.h knows it, read by the session check with the
     * data generation (one statement): handlers act as this user without
     * reading it again. */
    auth_user account;
} http_user;

typedef struct http_session {
    char sid[HTTP_TOKEN_LEN + 1];
    char csrf[HTTP_TOKEN_LEN + 1];
    long max_age;                   /* seconds the cookie should live (absolute expiry) */
} http_session;

/* Each takes the request's context A (http_app): its store handle, and its
 * "now" as the time of the login or the check. */

/* Check LOGIN and PASSWORD (from client address IP, for throttling and the
 * audit log) and open a session: fills *U and *S. DTI_ERR_AUTH with one
 * message for a bad login or password alike; DTI_ERR_CONFLICT when the
 * account is locked for a while after repeated failures. */
dti_rc http_auth_login(app *a, const char *login, const char *password, const char *ip,
                       http_user *u, http_session *s, dti_err *e);

/* The live session SID: fills *U and CSRF (HTTP_TOKEN_LEN + 1 bytes) and
 * marks it used. DTI_ERR_AUTH when there is no such session or it has
 * expired. */
dti_rc http_auth_session(app *a, const char *sid, http_user *u, char *csrf, dti_err *e);

/* End session SID (no-op when it does not exist). */
dti_rc http_auth_logout(app *a, const char *sid, dti_err *e);

#endif
