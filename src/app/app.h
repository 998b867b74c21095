/* app.h — use cases: the one layer that ties import/, export/ and store/
 * together, and (from issue 3) the only one that checks permissions and
 * writes the audit log.
 *
 * Every use case takes an `app` context: the open store and the acting
 * user. Permissions and audit will be added inside these functions without
 * changing their signatures; until then user 0 is "the system" and may do
 * everything. The use cases live in wings by subject, one header each
 * (importing and reading plans: app/plan/plans.h). */
#ifndef DTI_APP_H
#define DTI_APP_H
#include <stdint.h>
#include <time.h>
#include "base/err.h"
#include "base/lang.h"
#include "base/strlist.h"
#include "core/plan.h"
#include "store/store.h"

/* The one way into app/: a context built once per request (http_app,
 * http/server.h) and once per command (app_open, cli/). Entry points hand
 * it to the use cases and never touch the store themselves; the layers are
 * held by `make lint-layers` (scripts/lint-layers.sh: cli/ and http/ include
 * no store/ header, app/ holds no SQL text).
 *
 *   st       the store handle: the request's (from the server's pool) or the
 *            command's; owned by whoever opened it (app_open: app_close
 *            frees it)
 *   user_id  the acting user; 0 = the system (app_actor says when allowed)
 *   account  the acting user as the session check already read it, or NULL
 *            (app_actor then reads it): borrowed, lives as long as the request
 *   now      the instant the use cases record and judge deadlines by; set
 *            once (app_now() at the start of the request or command) so
 *            that one request sees one "now"
 *   lang     the language of the messages and texts it writes */
struct auth_user;
typedef struct app {
    store *st;
    int64_t user_id;
    const struct auth_user *account;
    time_t now;
    dti_lang lang;
} app;

/* The acting user of A into *U (auth.h). User 0 is the system: allowed
 * (*SYSTEM = 1, U zeroed) only while no user exists — a fresh store, the
 * bootstrap, the sample of `make run` — and refused (DTI_ERR_AUTH, "--as
 * needed") once there are users. An unknown or deactivated user:
 * DTI_ERR_AUTH. SYSTEM may be NULL. */
struct auth_user;
dti_rc app_actor(app *a, struct auth_user *u, int *system, dti_err *e);
/* The time use cases record: DTI_NOW when set (ISO 8601 UTC
 * "2026-04-14T09:00:00Z": for tests, demos and replays of paper reports
 * received earlier; documented in docs/reports.md), else the clock. */
time_t app_now(void);

/* Open the store at DB (store_open's URL) for USER_ID; A->now is app_now(),
 * A->lang lang_get(). A->st NULL on failure. */
dti_rc app_open(app *a, const char *db, int64_t user_id, dti_err *e);
/* Close the store. NULL or a closed app is a no-op. */
void app_close(app *a);

/* A read transaction over A's store (app_read.c), for an entry point that
 * makes several reads which must see one snapshot and should take the read
 * lock once (a page of a dozen queries): every use case called until
 * app_read_end reads the data as they were at app_read_begin. Use cases
 * that write inside it fail (DTI_ERR_INTERNAL: store_begin_read). Nests
 * as store_begin_read does; each app_read_begin that returned DTI_OK takes
 * one app_read_end, which writes nothing. */
dti_rc app_read_begin(app *a, dti_err *e);
void app_read_end(app *a);

/* ---- connections of a long-running entry point (app_conn.c) ------------
 * The server keeps a pool of store handles, one per worker at most, and
 * builds each request's context on one of them (http/server.c); these are
 * the only store calls it needs, so that http/ includes no store/ header.
 * A handle is used by one thread at a time. */

/* Open a handle on DB (store_open's URL: migrations are applied by the
 * first one). *OUT owned by the caller, closed with app_conn_close; NULL on
 * failure. */
dti_rc app_conn_open(const char *db, store **out, dti_err *e);
/* Close a handle of app_conn_open. NULL is a no-op. */
void app_conn_close(store *s);
/* The process is stopping (dti serve on SIGTERM): from now on no handle
 * waits for a lock held elsewhere; such a wait ends at once with
 * DTI_ERR_BUSY (store_stop_waits). Cannot be undone. */
void app_stop_waits(void);
/* Deferred durability for the server (store_sync_defer, store.h): while
 * on for the calling thread, a commit returns before it is on disk and
 * leaves a ticket; app_sync_take hands it over (1; 0: none), and nothing
 * may be acknowledged on that commit before app_sync_wait on any handle
 * of the same database returned DTI_OK. */
void app_sync_defer(int on);
int app_sync_take(store_sync_ticket *out);
dti_rc app_sync_wait(store *s, const store_sync_ticket *t, dti_err *e);


#endif
