/* app_read.c — read transactions for entry points (app.h: app_read_begin,
 * app_read_end): the one place cli/ and http/ get a snapshot without
 * touching the store. Ending one is a rollback: nothing was written, and a
 * rollback cannot fail where a commit of a read could. */
#include "app/app.h"

dti_rc app_read_begin(app *a, dti_err *e)
{
    return store_begin_read(a->st, e);
}

void app_read_end(app *a)
{
    store_rollback(a->st);
}
