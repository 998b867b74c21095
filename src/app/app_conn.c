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

void app_sync_defer(int on)
{
    store_sync_defer(on);
}

int app_sync_take(store_sync_ticket *out)
{
    return store_sync_take(out);
}

dti_rc app_sync_wait(store *s, const store_sync_ticket *t, dti_err *e)
{
    return store_sync_wait(s, t, e);
}
