/* session.c — http/session.h over app/auth.h.
 *
 * Until the accounts of app/ (users, sessions, throttling) are built, there
 * is no user to log in: every login is refused with the same message a
 * wrong password gets, and no session exists. This is the one file that
 * changes when app/auth.h lands. */
#include "http/session.h"

dti_rc http_auth_login(store *db, const char *login, const char *password, const char *ip,
                       http_user *u, http_session *s, dti_err *e)
{
    return dti_fail(e, DTI_ERR_AUTH, "login", "Sai tên đăng nhập hoặc mật khẩu",
                    "Wrong login or password");
}

dti_rc http_auth_session(store *db, const char *sid, http_user *u, char *csrf, dti_err *e)
{
    return dti_fail(e, DTI_ERR_AUTH, NULL, "Phiên làm việc đã hết hạn, hãy đăng nhập lại",
                    "The session has expired; please log in again");
}

dti_rc http_auth_logout(store *db, const char *sid, dti_err *e)
{
    return DTI_OK;
}
