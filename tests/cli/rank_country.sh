#!/usr/bin/env bash
# rank_country.sh — the national ranking (app/score/score_country.h) on a
# small generated country: `dti rank --country P` lists every commune once,
# in the order of its index, each with the index its own plan's score gives
# and its province; the provinces' and the country's figures are the mean of
# their communes (--mean) or the pooled points (--pooled); only an
# administrator may see it (a province's coordinator is refused, exit 1);
# a bad period is refused naming it (exit 2); and the API route answers the
# same rows to the administrator and 403 to a province viewer.
set -euo pipefail
: "${DTI:?}"
T=$(mktemp -d)
pid=""
trap '[ -z "$pid" ] || kill "$pid" 2>/dev/null; rm -rf "$T"' EXIT
export DTI_NOW=2027-01-20T03:00:00Z
fail() { echo "FAIL: $*" >&2; exit 1; }
"$DTI" --db "$T/c.db" gen country --provinces 2 --communes 6 >/dev/null || fail "gen"
"$DTI" --db "$T/c.db" --as admin --json rank --country 2026-12 >"$T/r.json" || fail "rank --country"
"$DTI" --db "$T/c.db" --as admin --json rank --country 2026-12 --pooled >"$T/p.json" || fail "rank --country --pooled"
# each commune's own score, as its dashboard gives it
for plan in $(sqlite3 "$T/c.db" "SELECT id FROM plans ORDER BY id"); do
  "$DTI" --db "$T/c.db" --as admin --json score "$plan" 2026-12 >"$T/s$plan.json" || fail "score $plan"
done
python3 - "$T" <<'PY' || exit 1
import json, sys, glob, sqlite3
T = sys.argv[1]
r = json.load(open(f"{T}/r.json")); p = json.load(open(f"{T}/p.json"))
def fail(m): print("FAIL:", m, file=sys.stderr); sys.exit(1)
db = sqlite3.connect(f"{T}/c.db")
communes = {i: (n, pr) for i, n, pr in db.execute(
    "SELECT c.id, c.name, p.name FROM orgs c JOIN orgs p ON p.id = c.parent_id WHERE c.kind = 'commune'")}
rows = r["rows"]
if r["ranking"] != "country" or r["period"] != "2026-12": fail(f"header {r['ranking']} {r['period']}")
if sorted(w["org_id"] for w in rows) != sorted(communes): fail("not every commune exactly once")
idx = [w["index"] for w in rows]
if any(x is None for x in idx): fail("a generated commune without an index")
if idx != sorted(idx, reverse=True): fail(f"not in index order: {idx}")
if rows[0]["rank"] != 1: fail("the first is not ranked 1")
plan_of = {o: i for i, o in db.execute("SELECT id, org_id FROM plans")}
for w in rows:
    name, prov = communes[w["org_id"]]
    if w["name"] != name or w["province"] != prov: fail(f"names of {w['org_id']}")
    if w["plan_id"] != plan_of[w["org_id"]]: fail(f"plan of {name}")
    s = json.load(open(f"{T}/s{w['plan_id']}.json"))
    total = s.get("total") or s.get("plan") or {}
    own = total.get("index", total.get("value"))  # printed to 6 decimals
    if own is None or abs(own - w["index"]) > 5e-7: fail(f"{name}: ranked {w['index']}, its score {own}")
    c, o = w["completeness"], total.get("completeness") or {}
    if (c["reported"], c["expected"]) != (o.get("reported"), o.get("expected")) or abs(c["rate"] - o["rate"]) > 5e-7: fail(f"{name}: completeness {w['completeness']}, its score's {total.get('completeness')}")
if len(r["provinces"]) != 2 or sum(x["communes"] for x in r["provinces"]) != 6: fail("provinces")
for pv in r["provinces"]:
    mine = [w["index"] for w in rows if w["province_id"] == pv["id"]]
    if abs(pv["index"] - sum(mine) / len(mine)) > 1e-9: fail(f"province {pv['name']} is not the mean")
if abs(r["country"]["index"] - sum(idx) / len(idx)) > 1e-9: fail("country is not the mean")
pooled = sum(x["sum"]["points"] for x in p["provinces"]) / sum(x["sum"]["max"] for x in p["provinces"])
if p["province_mode"] != "pooled" or abs(p["country"]["index"] - pooled) > 1e-9: fail("pooled country figure")
PY
# only the country's role
set +e
"$DTI" --db "$T/c.db" --as sokhcn-01 rank --country 2026-12 >/dev/null 2>"$T/err"; rc=$?
set -e
[ "$rc" = 1 ] && grep -q "toàn quốc" "$T/err" || fail "a province coordinator: exit $rc, $(cat "$T/err")"
set +e
"$DTI" --db "$T/c.db" --as admin rank --country 2026-13 >/dev/null 2>"$T/err"; rc=$?
set -e
[ "$rc" = 2 ] && grep -q "2026-13" "$T/err" || fail "a bad period: exit $rc, $(cat "$T/err")"

# the API route: the same rows for the administrator, 403 for a viewer
"$DTI" --db "$T/c.db" serve --listen 127.0.0.1:0 >"$T/out" 2>"$T/serr" &
pid=$!
url=""
for _ in $(seq 1 600); do
  url=$(grep -aoE 'http://127\.0\.0\.1:[0-9]+' "$T/out" 2>/dev/null | head -n 1 || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || fail "the server did not start: $(cat "$T/serr")"
cookie() { curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"login\":\"$1\",\"password\":\"gen-2026-pass\"}" "$url/api/v1/login" | grep -i '^set-cookie' | sed 's/^[^:]*: *//; s/;.*//' | tr -d '\r'; }
ac=$(cookie admin); vc=$(cookie tinh-01)
code=$(curl -s -o "$T/api.json" -w '%{http_code}' -H "Cookie: $ac" "$url/api/v1/country/rankings?period=2026-12")
[ "$code" = 200 ] || fail "API as admin: $code $(cat "$T/api.json")"
python3 -c "import json,sys; a=json.load(open(sys.argv[1])); r=json.load(open(sys.argv[2])); sys.exit(0 if a['rows']==r['rows'] else 1)" \
  "$T/api.json" "$T/r.json" || fail "the API's rows differ from the CLI's"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $vc" "$url/api/v1/country/rankings?period=2026-12")
[ "$code" = 403 ] || fail "API as a province viewer: $code"
echo "rank_country: ok"
