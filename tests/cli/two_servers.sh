#!/usr/bin/env bash
# two_servers.sh — two `dti serve` processes on one database share what a
# user sees (issue 12, "several server processes"): a session made on A is
# answered by B; a report approved through B changes the figures A serves
# at once (A's score cache had the old ones: it is invalidated through the
# database, app/score_cache.h and store_data_version); failed logins counted
# on A slow the same name down on B (login_failures is in the database);
# a logout on A ends the session on B at the very next request. Both at the
# pinned now (DTI_NOW).
set -u
: "${DTI:?}" "${DTI_NOW:?}"
# shellcheck source=tests/cli/lib/serve.sh
. "$(dirname "$0")/lib/serve.sh"
"$DTI" --db "$db" --json demo > "$tmp/demo.json" || { echo "FAIL: demo"; exit 1; }
last=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["months"][-1])' "$tmp/demo.json")
serve_start "$db" A DTI_NOW="$DTI_NOW"
serve_start "$db" B DTI_NOW="$DTI_NOW"
[ "$A" != "$B" ] || bad "one address for both servers"

login() {  # URL NAME JAR → the CSRF token
  curl -s -c "$3" -H 'Content-Type: application/json' \
    -d "{\"login\":\"$2\",\"password\":\"${4:-demo-2026}\"}" "$1/api/v1/login" |
    python3 -c 'import json,sys; print(json.load(sys.stdin).get("csrf_token", ""))'
}
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }

# 1. a session made on A is answered by B
csrf=$(login "$A" dieuphoi "$tmp/c")
[ -n "$csrf" ] || bad "login dieuphoi on A"
[ "$(code -b "$tmp/c" "$B/api/v1/me")" = 200 ] || bad "B does not know A's session"
login "$A" chutich "$tmp/v" >/dev/null

# 2. an approval through B is seen by A's cached figures at once
curl -s -b "$tmp/v" "$A/api/v1/plans/1/score/$last" > "$tmp/before.json"   # A caches it
curl -s -b "$tmp/v" "$A/api/v1/plans/1/score/$last" > "$tmp/before2.json"
cmp -s "$tmp/before.json" "$tmp/before2.json" || bad "A's score changed with nothing approved"
org=$(curl -s -b "$tmp/c" "$B/api/v1/plans/1/reports?state=submitted&period=$last" |
  python3 -c 'import json,sys; r=json.load(sys.stdin)["reports"]; print(r[0]["org_id"] if r else "")')
[ -n "$org" ] || bad "the demo has no report awaiting review in $last"
s=$(code -b "$tmp/c" -X POST -H "X-CSRF-Token: $csrf" "$B/api/v1/plans/1/reports/$org/$last/approve")
[ "$s" = 200 ] || bad "approve through B answered $s"
curl -s -b "$tmp/v" "$A/api/v1/plans/1/score/$last" > "$tmp/after.json"
curl -s -b "$tmp/v" "$B/api/v1/plans/1/score/$last" > "$tmp/afterB.json"
cmp -s "$tmp/before.json" "$tmp/after.json" && bad "A still serves the figures from before the approval on B"
cmp -s "$tmp/after.json" "$tmp/afterB.json" || bad "A and B serve different figures after the approval"
python3 - "$tmp/after.json" "$org" <<'PY' || bad "the approved org's report is not in A's completeness"
import json, sys
j = json.load(open(sys.argv[1]))
assert [o["state"] for o in j["completeness"]["orgs"] if str(o["org_id"]) == sys.argv[2]] == ["approved"], j["completeness"]
PY

# 3. failed logins on A slow the name down on B (the clock is pinned: no wait passes)
for _ in 1 2 3 4; do login "$A" kinhte "$tmp/x" wrong-password >/dev/null; done
[ -z "$(login "$B" kinhte "$tmp/k")" ] || bad "B let kinhte in right after four failures on A"
[ -n "$(login "$B" congan "$tmp/k2")" ] || bad "B refused another name"

# 4. a logout on A ends the session on B
[ "$(code -b "$tmp/c" -X POST -H "X-CSRF-Token: $csrf" "$A/api/v1/logout")" = 204 ] || bad "logout on A"
[ "$(code -b "$tmp/c" "$B/api/v1/me")" = 401 ] || bad "B still answers a session logged out on A"
[ "$(code -b "$tmp/v" "$B/api/v1/me")" = 200 ] || bad "the logout on A ended another user's session"
[ "$fail" = 0 ] && echo "two_servers: ok"
exit "$fail"
