/* api_session.c — POST /api/v1/login, POST /api/v1/logout, GET /api/v1/me.
 *
 * Login answers the user and the CSRF token (the UI keeps it in memory
 * and sends it as X-CSRF-Token); the session id travels only in the
 * HttpOnly cookie. /me answers the same for a page that was reloaded. */
#include <stdio.h>
#include <string.h>
#include "base/lang.h"
#include "http/api.h"
#include "http/server.h"

static json_t *user_json(const http_user *u, const char *csrf)
{
    return json_pack("{s:{s:I, s:s, s:s, s:s, s:o, s:s?}, s:s}", "user", "id", (json_int_t)u->id, "login",
                     u->login, "name", u->name, "role", u->role, "org_id",
                     u->org_id ? json_integer(u->org_id) : json_null(), "org_name",
                     u->org_name[0] ? u->org_name : NULL, "csrf_token", csrf);
}

static void set_cookie(http_req *r, const char *value, long max_age)
{
    char c[256];
    snprintf(c, sizeof c, "%s=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%ld%s", HTTP_SESSION_COOKIE, value,
             max_age, r->secure ? "; Secure" : "");
    http_add_header(r, "Set-Cookie", c);
}

/* A required non-empty string member KEY of J, or NULL with E filled. */
static const char *need_str(json_t *j, const char *key, size_t max, dti_err *e)
{
    json_t *v = json_object_get(j, key);
    const char *s = json_string_value(v);
    if (!s || !*s) {
        dti_fail(e, DTI_ERR_INPUT, key, "Thiếu “%s”", "“%s” is missing", key);
        return NULL;
    }
    if (strlen(s) > max) {
        dti_fail(e, DTI_ERR_INPUT, key, "“%s” dài quá %zu ký tự", "“%s” is longer than %zu characters", key, max);
        return NULL;
    }
    return s;
}

void api_login(http_req *r)
{
    dti_err e;
    json_t *body = NULL;
    const char *login, *password;
    http_user u;
    http_session s;
    app *a;
    dti_err_clear(&e);
    memset(&u, 0, sizeof u);
    memset(&s, 0, sizeof s);
    if (http_json_body(r, &body, &e) != DTI_OK || !(login = need_str(body, "login", 64, &e)) ||
        !(password = need_str(body, "password", 1024, &e)) || !(a = http_app(r, &e)) ||
        http_auth_login(a, login, password, r->ip, &u, &s, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    set_cookie(r, s.sid, s.max_age);
    http_reply_json(r, 200, user_json(&u, s.csrf));
}

void api_logout(http_req *r)
{
    dti_err e;
    dti_err_clear(&e);
    app *a = http_app(r, &e);
    if (!a || http_auth_logout(a, r->sid, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    set_cookie(r, "", 0);
    http_reply_empty(r, 204);
}

void api_me(http_req *r)
{
    http_reply_json(r, 200, user_json(r->user, http_csrf(r)));
}
