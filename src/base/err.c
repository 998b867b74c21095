/* err.c — status codes, names, HTTP mapping, message filling. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "base/err.h"
#include "base/lang.h"

dti_rc dti_fail(dti_err *e, dti_rc code, const char *field, const char *vi, const char *en, ...)
{
    if (!e)
        return code;
    e->code = code;
    snprintf(e->field, sizeof e->field, "%s", field ? field : "");
    va_list ap;
    va_start(ap, en);
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
    vsnprintf(e->msg, sizeof e->msg, lang_get() == LANG_EN ? en : vi, ap);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
    va_end(ap);
    return code;
}

void dti_err_clear(dti_err *e)
{
    if (!e)
        return;
    e->code = DTI_OK;
    e->field[0] = 0;
    e->msg[0] = 0;
}

const char *dti_rc_name(dti_rc code)
{
    switch (code) {
    case DTI_OK: return "ok";
    case DTI_ERR_NOMEM: return "out_of_memory";
    case DTI_ERR_IO: return "io_error";
    case DTI_ERR_INPUT: return "bad_input";
    case DTI_ERR_FORMAT: return "bad_format";
    case DTI_ERR_TOOBIG: return "too_big";
    case DTI_ERR_NOTFOUND: return "not_found";
    case DTI_ERR_PERM: return "forbidden";
    case DTI_ERR_AUTH: return "unauthorized";
    case DTI_ERR_CONFLICT: return "conflict";
    case DTI_ERR_STORE: return "store_error";
    case DTI_ERR_INTERNAL: return "internal";
    case DTI_ERR_BUSY: return "busy";
    }
    return "internal";
}

int dti_rc_http(dti_rc code)
{
    switch (code) {
    case DTI_OK: return 200;
    case DTI_ERR_INPUT: case DTI_ERR_FORMAT: return 400;
    case DTI_ERR_AUTH: return 401;
    case DTI_ERR_PERM: return 403;
    case DTI_ERR_NOTFOUND: return 404;
    case DTI_ERR_CONFLICT: return 409;
    case DTI_ERR_TOOBIG: return 413;
    case DTI_ERR_NOMEM: case DTI_ERR_IO: case DTI_ERR_STORE: case DTI_ERR_INTERNAL: return 500;
    case DTI_ERR_BUSY: return 503;
    }
    return 500;
}
