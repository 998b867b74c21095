#!/usr/bin/env bash
# demo_dated.sh — what `dti demo` and the deadlines promise at ANY instant:
# run at DTI_NOW (tests/run.sh pins it from tests/now; tests/dated.sh runs
# this again at the 1st, 15th, 16th and 20th of a month, 31 December,
# 29 February and just after midnight in Vietnam), and check against rules
# worked out here independently of the C code, in Vietnam's time (UTC+7):
#   - the story months are the last three whose commune deadline (the 20th
#     of the month after, the whole day) has passed, kept from 2026-04 on;
#   - the history runs from the plan's issue month (03/2026) up to the first
#     story month, every unit reported and approved in each;
#   - the month after the story months: each unit's deadline is the 15th of
#     the month after it; before or on that day the unit is "not_due", after
#     it "missing" (nobody reported it) — the 15th/16th boundary;
#   - nothing in the audit log is dated after now (unless the story is the
#     forecast demo.h makes before 07/2026); the score of the last
#     story month is a number in 0..1.
set -euo pipefail
: "${DTI:?}" "${DTI_NOW:?DTI_NOW must be pinned (tests/run.sh sets it from tests/now)}"
T=$(mktemp -d)
# shellcheck source=tests/lib/db.sh
. "$(dirname "$0")/../lib/db.sh"
trap 'rm -rf "$T"' EXIT
DB=$(test_db "$T/demo.db")
fail() { echo "FAIL at $DTI_NOW: $*" >&2; exit 1; }
dti() { "$DTI" --db "$DB" "$@"; }

dti --json demo > "$T/demo.json" || fail "demo: $(cat "$T/demo.json")"

# The rules, computed from DTI_NOW alone.
python3 - "$DTI_NOW" > "$T/want.json" <<'PY'
import json, sys, datetime as dt
now = dt.datetime.strptime(sys.argv[1], "%Y-%m-%dT%H:%M:%SZ") + dt.timedelta(hours=7)  # Vietnam
def add(y, m, k):
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1
def code(y, m): return "%04d-%02d" % (y, m)
# the latest month whose commune deadline (20th of the month after) has passed
y, m = add(now.year, now.month, -1)          # last month: due the 20th of this month
if now.day <= 20:
    y, m = add(y, m, -1)
story = [add(y, m, -k) for k in (2, 1, 0)]
if story[0] < (2026, 4):                     # DEMO_FIRST_MONTH
    story = [(2026, 4), (2026, 5), (2026, 6)]
issued = dt.datetime(2026, 3, 16, 8)
hist = []
if now >= issued:
    h = (2026, 3)
    while h < story[0]:
        hist.append(code(*h)); h = add(h[0], h[1], 1)
open_y, open_m = add(*story[2], 1)
due_y, due_m = add(open_y, open_m, 1)        # units: the 15th of the month after
due = dt.date(due_y, due_m, 15)
print(json.dumps({"months": [code(*s) for s in story], "history": hist,
                  "open": code(open_y, open_m), "due": due.strftime("%d/%m/%Y"),
                  "open_status": "not_due" if now.date() <= due else "missing"}))
PY
want() { python3 -c "import json,sys; print(json.load(open('$T/want.json'))[sys.argv[1]])" "$1"; }
got() { python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print($2)" "$1"; }

[ "$(got "$T/demo.json" "j['months']")" = "$(want months)" ] ||
  fail "story months $(got "$T/demo.json" "j['months']"), want $(want months)"
hist=$(python3 -c "import json; print(' '.join(json.load(open('$T/want.json'))['history']))")
[ "$(got "$T/demo.json" "j['history']['months']")" = "$(echo $hist | wc -w)" ] ||
  fail "history of $(got "$T/demo.json" "j['history']") months, want [$hist]"

# every history month: all units reported, every report approved
for p in $hist; do
  dti --as chutich report status 1 "$p" --json > "$T/st.json"
  [ "$(got "$T/st.json" "(j['expected'], j['received'], sorted({o['state'] for o in j['orgs']}))")" = "(7, 7, ['approved'])" ] ||
    fail "history month $p: $(got "$T/st.json" "(j['expected'], j['received'], [o['state'] for o in j['orgs']])")"
done

# the month left open: its deadline, and each unit before/after it
open=$(want open)
dti --as chutich report status 1 "$open" --json > "$T/open.json"
[ "$(got "$T/open.json" "j['unit_deadline']")" = "$(want due)" ] ||
  fail "$open due $(got "$T/open.json" "j['unit_deadline']"), want $(want due)"
[ "$(got "$T/open.json" "(j['received'], sorted({o['timeliness']['status'] for o in j['orgs']}))")" = "(0, ['$(want open_status)'])" ] ||
  fail "$open: $(got "$T/open.json" "(j['received'], [o['timeliness'] for o in j['orgs']])"), want all $(want open_status)"

# nothing recorded in the future; the last story month scores in 0..1
last=$(got "$T/demo.json" "j['months'][-1]")
max_at=$(test_sql "$DB" "SELECT MAX(at) FROM audit")
# (before 07/2026 the story months are a forecast set in the future: demo.h)
[ "$(want months)" = "['2026-04', '2026-05', '2026-06']" ] ||
python3 -c "import sys; a, n = sys.argv[1][:19], sys.argv[2][:19]; sys.exit(0 if a.replace(' ', 'T') <= n else 1)" "$max_at" "$DTI_NOW" ||
  fail "audit row at $max_at after now"
dti --as chutich score 1 "$last" --json > "$T/score.json"
python3 - "$T/score.json" <<'PY' || fail "score of $last: $(head -c 300 "$T/score.json")"
import json, sys
j = json.load(open(sys.argv[1]))
v = j.get("total", j)
v = v.get("index") if isinstance(v, dict) else v
assert isinstance(v, (int, float)) and 0 <= v <= 1, v
PY
echo "demo_dated: ok at $DTI_NOW (months $(want months), open $open due $(want due): $(want open_status))"
