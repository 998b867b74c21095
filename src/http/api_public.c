/* api_public.c — GET /api/v1/public/rankings: the published ranking of
 * communes, the only data anyone may read without logging in. Until scores
 * are published (issue 3) there is none: an empty list. */
#include "http/api.h"
#include "http/server.h"

void api_public_rankings(http_req *r)
{
    http_reply_json(r, 200, json_pack("{s:n, s:[]}", "published_at", "rankings"));
}
