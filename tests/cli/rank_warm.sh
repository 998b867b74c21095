#!/usr/bin/env bash
# rank_warm.sh — with DTI_WARM=1 (off by default) the server computes the
# national ranking's figures in the background once it listens
# (app/score/score_warm.h), on either engine: it says so on stderr after its address, for the newest month with an
# approved report (2026-12 here) and every commune's plan; the ranking it
# then answers is byte for byte the one a server that does not warm up
# (the default) computes, and the one `dti rank --country` computes (plan
# and index of every row). A write behind the server's back after the
# warm-up still shows in its next ranking (the kept figure is not used).
set -euo pipefail
: "${DTI:?}"
. "$(dirname "$0")/../lib/db.sh"
T=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$T"' EXIT
export DTI_NOW=2027-01-20T03:00:00Z
fail() { echo "FAIL: $*" >&2; exit 1; }
DB=$(test_db "$T/c.db")
"$DTI" --db "$DB" gen country --provinces 2 --communes 6 >/dev/null 2>&1 || fail "gen"
start() {  # NAME [ENV...] → the server's URL in $T/NAME.url
  local name=$1 url=""
  shift
  env "$@" "$DTI" --lang en --db "$DB" serve --listen 127.0.0.1:0 >"$T/$name.out" 2>"$T/$name.err" &
  pids+=("$!")
  for _ in $(seq 1 600); do
    url=$(grep -aoE 'http://127\.0\.0\.1:[0-9]+' "$T/$name.out" 2>/dev/null | head -n 1 || true)
    [ -n "$url" ] && break
    sleep 0.1
  done
  [ -n "$url" ] || fail "$name: the server did not start: $(cat "$T/$name.err")"
  echo "$url" > "$T/$name.url"
}
rank() {  # URL OUT → GET the national ranking of 2026-12 as admin into OUT
  local ac code
  ac=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' -d '{"login":"admin","password":"gen-2026-pass"}' \
    "$1/api/v1/login" | grep -i '^set-cookie' | sed 's/^[^:]*: *//; s/;.*//' | tr -d '\r')
  [ -n "$ac" ] || fail "login on $1"
  code=$(curl -s -o "$2" -w '%{http_code}' -H "Cookie: $ac" "$1/api/v1/country/rankings?period=2026-12")
  [ "$code" = 200 ] || fail "ranking $code: $(cat "$2")"
}
plans=$("$DTI" --db "$DB" --as admin --json rank --country 2026-12 |
  python3 -c 'import json,sys; print(sum(1 for r in json.load(sys.stdin)["rows"] if r.get("plan_id")))')
[ "$plans" -gt 0 ] || fail "no commune has a plan"

start warm DTI_WARM=1
for _ in $(seq 1 600); do
  grep -q "national ranking warmed\|warm-up" "$T/warm.err" && break
  sleep 0.1
done
grep -q "national ranking warmed for 2026-12: $plans plans" "$T/warm.err" ||
  fail "no warm-up line for 2026-12 and $plans plans: $(cat "$T/warm.err")"
rank "$(cat "$T/warm.url")" "$T/warm.json"

start cold   # off unless DTI_WARM=1
rank "$(cat "$T/cold.url")" "$T/cold.json"
sleep 0.5
! grep -q "warm" "$T/cold.err" || fail "warmed without DTI_WARM=1: $(cat "$T/cold.err")"
cmp -s "$T/warm.json" "$T/cold.json" || fail "the warmed ranking differs from the cold one"
idx() {  # JSON → "org plan index" lines, sorted
  python3 -c 'import json,sys; [print(r["org_id"], r.get("plan_id"), r.get("index")) for r in json.load(open(sys.argv[1]))["rows"]]' "$1" | sort
}
"$DTI" --db "$DB" --as admin --json rank --country 2026-12 > "$T/cli.json"
[ "$(idx "$T/warm.json")" = "$(idx "$T/cli.json")" ] || fail "the warmed ranking differs from dti rank --country"

# a write behind the warmed server's back: its next ranking has it
pid=$(test_sql "$DB" "SELECT r.plan_id FROM reports r JOIN report_values v ON v.report_id = r.id
  WHERE r.state = 'approved' AND r.period = '2026-12' AND v.value IS NOT NULL ORDER BY r.id LIMIT 1")
test_sql "$DB" "UPDATE report_values SET value = value * 0.5 WHERE report_id IN
  (SELECT id FROM reports WHERE plan_id = $pid AND state = 'approved')" >/dev/null
rank "$(cat "$T/warm.url")" "$T/warm2.json"
"$DTI" --db "$DB" --as admin --json rank --country 2026-12 > "$T/cli2.json"
[ "$(idx "$T/warm2.json")" = "$(idx "$T/cli2.json")" ] || fail "after a write: the warmed server's ranking is stale"
[ "$(idx "$T/warm2.json")" != "$(idx "$T/warm.json")" ] || fail "the write changed no index (the test proves nothing)"
echo "rank_warm: ok"
