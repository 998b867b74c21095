/* app_conn.c — the store handles of a long-running entry point (the
 * server's pool), behind app.h so that http/ includes no store/ header. */
#include "app/app.h"

dti_rc app_conn_open(const char *db, store **out, dti_err *e)
{
    return store_open(db, out, e);
}

void app_conn_close(store *s)
{
    store_close(s);
}

void app_stop_waits(void)
{
    store_stop_waits();
}
