/* err.h — status codes and messages for people.
 *
 * Every fallible function returns a dti_rc and, when given a non-NULL
 * dti_err, fills it with a message a user can read (Vietnamese by default,
 * English when lang_set(LANG_EN) is in force on this thread; see lang.h)
 * and, where known, the field, file or line that is wrong. The code is for
 * programs (exit statuses, HTTP statuses: dti_rc_http()), the message for
 * people. A dti_err is a plain value: nothing to free. */
#ifndef DTI_ERR_H
#define DTI_ERR_H
#include <stddef.h>

typedef enum dti_rc {
    DTI_OK = 0,
    DTI_ERR_NOMEM,      /* out of memory */
    DTI_ERR_IO,         /* a file or socket could not be read or written */
    DTI_ERR_INPUT,      /* the input is wrong: a value, a field, a row */
    DTI_ERR_FORMAT,     /* a document of no format dti reads, or damaged */
    DTI_ERR_TOOBIG,     /* over a stated limit */
    DTI_ERR_NOTFOUND,   /* no such plan, org, user, report ... */
    DTI_ERR_PERM,       /* the acting user may not do this */
    DTI_ERR_AUTH,       /* not logged in, or bad credentials */
    DTI_ERR_CONFLICT,   /* the state does not allow it (already submitted ...) */
    DTI_ERR_STORE,      /* the database failed */
    DTI_ERR_INTERNAL,   /* a bug */
    DTI_ERR_BUSY        /* busy for now (the database is locked by another writer): try again */
} dti_rc;

typedef struct dti_err {
    dti_rc code;
    char field[96];     /* field, column or file:line that is wrong; "" if none */
    char msg[768];      /* one line for people, in the thread's language */
} dti_err;

/* Fill E (may be NULL) and return CODE. VI and EN are printf formats taking
 * the same arguments; the one for the thread's language is used. */
dti_rc dti_fail(dti_err *e, dti_rc code, const char *field,
                const char *vi, const char *en, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* Reset E to DTI_OK with empty texts. NULL is a harmless no-op. */
void dti_err_clear(dti_err *e);

/* Stable snake_case name of a code ("bad_input", "not_found" ...) for APIs. */
const char *dti_rc_name(dti_rc code);

/* The HTTP status for a code (400, 403, 404, 409, 413, 500 ...). */
int dti_rc_http(dti_rc code);

#endif
