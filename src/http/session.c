/* session.c — http/session.h over app/auth.h (logins with throttling,
 * sessions with idle and absolute expiry, CSRF tokens). The one file that
 * ties the server's accounts to app/; the time is the request's (a->now). */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "app/app.h"
#include "app/auth/auth.h"
#include "http/session.h"

static void fill_user(const auth_user *a, http_user *u)
{
    memset(u, 0, sizeof *u);
    u->id = a->id;
    snprintf(u->login, sizeof u->login, "%s", a->name);
    snprintf(u->name, sizeof u->name, "%s", a->display[0] ? a->display : a->name);
    snprintf(u->role, sizeof u->role, "%s", auth_role_name(a->role));
    u->org_id = a->org_id;
    snprintf(u->org_name, sizeof u->org_name, "%s", a->org_name);
    u->account = *a;
}

dti_rc http_auth_login(app *a, const char *login, const char *password, const char *ip,
                       http_user *u, http_session *s, dti_err *e)
{
    auth_user au;
    char sid[AUTH_TOKEN_HEX], csrf[AUTH_TOKEN_HEX];
    dti_rc rc = auth_login_session(a, login, password, &au, sid, csrf, e);
    if (rc != DTI_OK)
        return rc;
    fill_user(&au, u);
    snprintf(s->sid, sizeof s->sid, "%s", sid);
    snprintf(s->csrf, sizeof s->csrf, "%s", csrf);
    s->max_age = AUTH_SESSION_MAX;
    return DTI_OK;
}

dti_rc http_auth_session(app *a, const char *sid, http_user *u, char *csrf, dti_err *e)
{
    auth_user au;
    char tok[AUTH_TOKEN_HEX];
    dti_rc rc = auth_session_check(a, sid, &au, tok, e);
    if (rc != DTI_OK)
        return rc;
    fill_user(&au, u);
    snprintf(csrf, HTTP_TOKEN_LEN + 1, "%s", tok);
    return DTI_OK;
}

dti_rc http_auth_logout(app *a, const char *sid, dti_err *e)
{
    return auth_session_end(a, sid, e);
}
