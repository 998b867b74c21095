#!/usr/bin/env bash
# rank_memo.sh — the national ranking keeps each plan's figure by that
# plan's own generation (app/score/score_memo.h, migration 014): a server
# ranks, then rows are written behind its back, and after each write the
# server's ranking must equal the one a fresh process computes from scratch
# (`dti rank --country`, no memo): after a change to one plan's approved
# values (that plan's index moves: its plan_generation moved, no other
# plan's did), after a change to a shared table (orgs: score_generation
# .shared moved) and after a change to a target; a draft's write moves no
# plan generation and changes no figure. A stale memo would give
# the figure from before the write.
set -euo pipefail
: "${DTI:?}"
. "$(dirname "$0")/../lib/db.sh"
T=$(mktemp -d)
pid=""
trap '[ -z "$pid" ] || kill "$pid" 2>/dev/null; rm -rf "$T"' EXIT
export DTI_NOW=2027-01-20T03:00:00Z
fail() { echo "FAIL: $*" >&2; exit 1; }
DB=$(test_db "$T/c.db")
"$DTI" --db "$DB" gen country --provinces 2 --communes 6 >/dev/null || fail "gen"
"$DTI" --db "$DB" serve --listen 127.0.0.1:0 >"$T/out" 2>"$T/serr" &
pid=$!
url=""
for _ in $(seq 1 600); do
  url=$(grep -aoE 'http://127\.0\.0\.1:[0-9]+' "$T/out" 2>/dev/null | head -n 1 || true)
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || fail "the server died: $(cat "$T/serr")"
  sleep 0.1
done
[ -n "$url" ] || fail "the server did not start: $(cat "$T/serr")"
ac=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' -d '{"login":"admin","password":"gen-2026-pass"}' \
  "$url/api/v1/login" | grep -i '^set-cookie' | sed 's/^[^:]*: *//; s/;.*//' | tr -d '\r')
[ -n "$ac" ] || fail "login"
# STEP: the server's ranking against a fresh process's; prints "plan index" lines
same() {
  local code
  code=$(curl -s -o "$T/api.json" -w '%{http_code}' -H "Cookie: $ac" "$url/api/v1/country/rankings?period=2026-12")
  [ "$code" = 200 ] || fail "$1: API $code $(cat "$T/api.json")"
  "$DTI" --db "$DB" --as admin --json rank --country 2026-12 >"$T/cli.json" || fail "$1: rank --country"
  python3 - "$T/api.json" "$T/cli.json" "$1" <<'PY' || exit 1
import json, sys
a, c = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
if a != c:
    print(f"FAIL: {sys.argv[3]}: the server's ranking (memo) differs from a fresh computation", file=sys.stderr)
    for x, y in zip(a["rows"], c["rows"]):
        if x != y: print(" server", x, "\n fresh ", y, file=sys.stderr); break
    sys.exit(1)
for w in a["rows"]: print(w["plan_id"], w["index"])
PY
}
gens() { test_sql "$DB" "SELECT plan_id, gen FROM plan_generation ORDER BY plan_id"; }
same "first ranking" >"$T/i0"
same "again (every figure from the memo)" >"$T/i1"
cmp -s "$T/i0" "$T/i1" || fail "two rankings without a write differ"
# the best ranked commune's plan: its approved values zeroed
P=$(head -n 1 "$T/i0" | cut -d' ' -f1)
gens >"$T/g0"
n=$(test_sql "$DB" "SELECT COUNT(*) FROM report_values WHERE report_id IN (SELECT id FROM reports WHERE plan_id = $P AND state = 'approved')")
[ "$n" -gt 0 ] || fail "plan $P has no approved values"
test_sql "$DB" "UPDATE report_values SET value = 0, numerator = CASE WHEN denominator IS NULL THEN NULL ELSE 0 END, met = CASE WHEN met IS NULL THEN NULL ELSE 0 END WHERE report_id IN (SELECT id FROM reports WHERE plan_id = $P AND state = 'approved')" >/dev/null
gens >"$T/g1"
python3 - "$T/g0" "$T/g1" "$P" <<'PY' || exit 1
import sys
g0 = dict(l.strip().split("|") for l in open(sys.argv[1])); g1 = dict(l.strip().split("|") for l in open(sys.argv[2]))
p = sys.argv[3]
moved = sorted(k for k in g0 if g0[k] != g1.get(k))
if moved != [p]: print(f"FAIL: after writing plan {p}'s values the generations of {moved} moved", file=sys.stderr); sys.exit(1)
PY
same "after plan $P's values were zeroed" >"$T/i2"
before=$(grep "^$P " "$T/i0" | cut -d' ' -f2); after=$(grep "^$P " "$T/i2" | cut -d' ' -f2)
[ "$before" != "$after" ] || fail "plan $P's index did not move ($before): the test proves nothing"
# a draft's values: no figure reads them, so no plan generation moves
# (014: saving a draft keeps every kept figure), and the ranking is unchanged
d=$(test_sql "$DB" "SELECT id FROM reports WHERE state = 'draft' ORDER BY id LIMIT 1")
[ -n "$d" ] || fail "no draft report in the generated country"
gens >"$T/g2"
test_sql "$DB" "UPDATE report_values SET value = 0 WHERE report_id = $d" >/dev/null
test_sql "$DB" "UPDATE reports SET results = 'nháp' WHERE id = $d" >/dev/null
gens >"$T/g3"
cmp -s "$T/g2" "$T/g3" || fail "a draft's write moved a plan generation: $(diff "$T/g2" "$T/g3" | head -n 4)"
same "after a draft was written" >"$T/i2d"
cmp -s "$T/i2" "$T/i2d" || fail "a draft's write changed the ranking"
# a shared table: the shared generation moves, the figures stay right
s0=$(test_sql "$DB" "SELECT shared FROM score_generation")
test_sql "$DB" "UPDATE orgs SET name = name || ' (mới)' WHERE kind = 'commune' AND id = (SELECT org_id FROM plans WHERE id = $P)" >/dev/null
s1=$(test_sql "$DB" "SELECT shared FROM score_generation")
[ "$s1" -gt "$s0" ] || fail "an org's update did not move the shared generation ($s0 -> $s1)"
same "after an org was renamed" >/dev/null
# a target of another plan (through its indicator)
Q=$(sed -n 2p "$T/i0" | cut -d' ' -f1)
test_sql "$DB" "UPDATE indicator_targets SET value = value * 3 WHERE value > 0 AND op IN ('>=', '>') AND indicator_id IN (SELECT id FROM indicators WHERE plan_id = $Q)" >/dev/null
same "after plan $Q's targets were raised" >"$T/i3"
b=$(grep "^$Q " "$T/i2" | cut -d' ' -f2); a=$(grep "^$Q " "$T/i3" | cut -d' ' -f2)
[ "$b" != "$a" ] || fail "plan $Q's index did not move ($b) after its targets were raised"
echo "rank_memo: ok"
