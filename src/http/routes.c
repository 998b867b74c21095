/* routes.c — every route of the server, in the order they are tried.
 * Paths not under /api/ that match nothing are static files (static.c).
 * Keep docs/api/openapi.yaml in step with this table. */
#include <stddef.h>
#include "http/api.h"
#include "http/server.h"

/* An uploaded plan document; reader.h allows more, a browser upload needs less. */
#define IMPORT_UPLOAD_MAX ((size_t)20 << 20)

const route api_routes[] = {
    {"GET",  "/api/v1/health",    api_health,     0, 0},
    {"POST", "/api/v1/login",     api_login,      0, 4096},
    {"POST", "/api/v1/logout",    api_logout,     ROUTE_SESSION, 0},
    {"GET",  "/api/v1/me",        api_me,         ROUTE_SESSION, 0},
    {"GET",  "/api/v1/plans",     api_plans_list, ROUTE_SESSION, 0},
    {"GET",  "/api/v1/plans/:id", api_plan_get,   ROUTE_SESSION, 0},
    {"GET",  "/api/v1/public/rankings", api_public_rankings, 0, 0},
    {"POST", "/api/v1/imports/preview", api_import_preview, ROUTE_SESSION | ROUTE_MULTIPART, IMPORT_UPLOAD_MAX},
    {"POST", "/api/v1/imports", api_import_confirm, ROUTE_SESSION | ROUTE_MULTIPART, IMPORT_UPLOAD_MAX},
    {NULL, NULL, NULL, 0, 0}
};
