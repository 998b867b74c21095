/* api_health.c — GET /api/v1/health: the server is up. Touches nothing,
 * allocates nothing: the baseline of the benchmarks (bench/). */
#include "http/api.h"
#include "http/server.h"

void api_health(http_req *r)
{
    static const char ok[] = "{\"status\":\"ok\"}";
    http_reply_data(r, 200, "application/json; charset=utf-8", ok, sizeof ok - 1, 1);
}
