#!/usr/bin/env bash
# gen_country.sh — `dti gen country` (app/gen/gen.h) on a small country at a
# fixed date: what it makes adds up (every owed report in exactly one
# state), the same seed makes the same data (figure for figure, and the
# same province ranking) while another seed does not, every report verifies
# against the audit log, the province's coordinator ranks its own communes
# and only those, a non-empty database is refused untouched, and bad options
# are refused with the option named.
set -euo pipefail
: "${DTI:?}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export DTI_NOW=2027-01-20T03:00:00Z
fail() { echo "FAIL: $*" >&2; exit 1; }
jq_() { python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print($2)" "$1"; }

gen() { "$DTI" --db "$T/$1.db" gen country --provinces 2 --communes 5 --json "${@:2}" > "$T/$1.json" \
          || fail "gen $1: $(cat "$T/$1.json")"; }
gen a
gen b
gen c --seed 7

eq() { [ "$1" = "$2" ] || fail "$3: got '$1', want '$2'"; }
eq "$(jq_ "$T/a.json" 'j["provinces"], j["communes"], j["year"], j["months"]')" "2 5 2026 12" "shape"
# every owed report is in exactly one state
sum=$(jq_ "$T/a.json" 'sum(j["reports"][k] for k in ("approved","submitted","returned","draft","missing"))')
eq "$sum" "$(jq_ "$T/a.json" 'j["reports"]["owed"]')" "states add up to the reports owed"
# the lateness is realistic, not zero and not most
late=$(jq_ "$T/a.json" 'round(100 * j["reports"]["late"] / j["reports"]["owed"])')
[ "$late" -ge 5 ] && [ "$late" -le 25 ] || fail "late reports: $late%"
miss=$(jq_ "$T/a.json" 'round(100 * j["reports"]["missing"] / j["reports"]["owed"])')
[ "$miss" -ge 1 ] && [ "$miss" -le 12 ] || fail "missing reports: $miss%"
[ "$(jq_ "$T/a.json" 'j["reports"]["returns"] > 0')" = True ] || fail "no report was ever returned"
ind=$(jq_ "$T/a.json" 'j["indicators"] / j["communes"]')
python3 -c "import sys; v=float(sys.argv[1]); sys.exit(0 if 25 <= v <= 50 else 1)" "$ind" || fail "indicators per commune: $ind"

# reproducible: the same seed, the same figures; another seed, others
strip() { python3 -c "import json,sys; j=json.load(open(sys.argv[1])); j.pop('seconds'); print(json.dumps(j, sort_keys=True))" "$1"; }
[ "$(strip "$T/a.json")" = "$(strip "$T/b.json")" ] || fail "the same seed made different data"
[ "$(strip "$T/a.json")" != "$(strip "$T/c.json")" ] || fail "another seed made the same data"
"$DTI" --db "$T/a.db" --as sokhcn-01 rank 1 2026-12 --communes > "$T/rank-a.txt" || fail "rank: $(cat "$T/rank-a.txt")"
"$DTI" --db "$T/b.db" --as sokhcn-01 rank 1 2026-12 --communes > "$T/rank-b.txt"
cmp -s "$T/rank-a.txt" "$T/rank-b.txt" || fail "the same seed ranked differently"
# the first province has 3 communes (5 over 2: the first gets one more), and its coordinator sees those only
n=$(grep -cE '^ +[0-9]+ ' "$T/rank-a.txt" || true)
eq "$n" 3 "communes ranked for province 1 ($(cat "$T/rank-a.txt"))"
if "$DTI" --db "$T/a.db" --as sokhcn-01 rank 4 2026-12 > "$T/other.txt" 2>&1; then
  fail "province 1's coordinator read a plan of province 2: $(cat "$T/other.txt")"
fi

# the audit log holds every report
"$DTI" --db "$T/a.db" --as admin audit verify > "$T/verify.txt" 2>&1 || fail "audit verify: $(cat "$T/verify.txt")"
owed_rep=$(sqlite3 "$T/a.db" "SELECT COUNT(*) FROM reports")
grep -q "$owed_rep báo cáo khớp" "$T/verify.txt" || fail "verify did not compare all $owed_rep reports: $(cat "$T/verify.txt")"

# a database with data is refused and left as it was
before=$(sqlite3 "$T/a.db" "SELECT COUNT(*) FROM audit")
if "$DTI" --db "$T/a.db" gen country --provinces 1 --communes 1 > "$T/again.txt" 2>&1; then fail "a full database was accepted"; fi
grep -q "trống" "$T/again.txt" || fail "refusal message: $(cat "$T/again.txt")"
eq "$(sqlite3 "$T/a.db" "SELECT COUNT(*) FROM audit")" "$before" "the refused run changed the audit log"

# bad options name themselves and exit 2
for bad in "--provinces 0" "--provinces 100" "--communes x" "--months 13" "--year 1999" "--bogus 1"; do
  set +e; "$DTI" --db "$T/x.db" gen country $bad > "$T/bad.txt" 2>&1; rc=$?; set -e
  eq "$rc" 2 "exit status for '$bad'"
  grep -q -- "${bad%% *}" "$T/bad.txt" || fail "'$bad' not named: $(cat "$T/bad.txt")"
done
set +e; "$DTI" --db "$T/y.db" gen country --provinces 3 --communes 2 > "$T/bad.txt" 2>&1; rc=$?; set -e
eq "$rc" 2 "fewer communes than provinces"
echo "gen_country: ok"
