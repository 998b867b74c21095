/* app_util.h — small helpers private to app/ (auth, audit, report, calendar).
 * Not part of app/'s contract: nothing outside src/app/ includes it. */
#ifndef DTI_APP_UTIL_H
#define DTI_APP_UTIL_H
#include <string.h>
#include "base/err.h"
#include "store/store.h"

/* A text parameter from a string that may be NULL (SV_T on an array warns). */
static inline store_val app_sv_text(const char *s)
{
    return SV_T(s);
}

/* The column as a string, NULL for SQL NULL. */
static inline const char *app_col(const store_row *r, size_t i)
{
    if (i >= r->n || r->v[i].t == SV_NULL)
        return NULL;
    return r->v[i].s ? r->v[i].s : "";
}

static inline dti_rc app_nomem(dti_err *e)
{
    return dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
}

#endif
