#!/usr/bin/env bash
# dated.sh — the date-sensitive tests again, under fixed instants, to prove
# the suite holds on any date (issue 9, point 1). Every test takes "now" from
# DTI_NOW (tests/run.sh pins it from tests/now for `make test`); here each
# instant below is pinned in turn for:
#   tests/cli/demo_dated.sh           the demo's months, history and deadlines
#   tests/browser/report-flow          My work, deadlines, review, dashboard
#   tests/api|browser/rankings         rankings, publishing, the public page
#   and every tests/dated.d/*.sh       (other subsystems add theirs there)
# The instants: the 1st, the 15th (a unit deadline), the 16th (the day after
# it) and the 20th (the commune deadline) of a month, 31 December, 29
# February, and 00:30 in Vietnam (17:30 UTC, the day before in UTC).
# Prints one summary line "N passed, N failed" like tests/run.sh.
set -u
cd "$(dirname "$0")/.."
O=${O:-build}
export DTI="$PWD/$O/dti" SHARED="$(cd .. && pwd)/shared" ROOT="$PWD"
INSTANTS=${DTI_DATED_INSTANTS:-"2027-01-01T02:00:00Z 2026-12-15T09:00:00Z 2026-12-16T01:00:00Z 2027-03-20T04:00:00Z 2026-12-31T10:00:00Z 2028-02-29T03:00:00Z 2026-12-20T17:30:00Z"}
passed=0 failed=0 failures=()
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT
for at in $INSTANTS; do
  export DTI_NOW=$at
  for t in tests/cli/demo_dated.sh tests/dated.d/*.sh; do
    [ -f "$t" ] || continue
    n="$(basename "$t" .sh)@$at"
    if bash "$t" >"$log/out" 2>&1; then
      passed=$((passed + 1)); echo "dated $n: ok"
    else
      failed=$((failed + 1)); failures+=("$n"); tail -n 30 "$log/out"; echo "dated $n: FAILED"
    fi
  done
  bash tests/run-node.sh tests/api/rankings.test.mjs tests/browser/rankings.test.mjs \
    tests/browser/report-flow.test.mjs >"$log/node" 2>&1
  p=$(grep -aE '^# pass [0-9]+' "$log/node" | awk '{s+=$3} END {print s+0}')
  f=$(grep -aE '^# fail [0-9]+' "$log/node" | awk '{s+=$3} END {print s+0}')
  grep -qaE '^# pass' "$log/node" || f=$((f + 1))
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$f" -ne 0 ]; then
    failures+=("node@$at"); grep -aE '^not ok|error:|expected|actual|Error' "$log/node" | head -n 40
  fi
  echo "dated node@$at: $p passed, $f failed"
done
[ ${#failures[@]} -eq 0 ] || echo "failed: ${failures[*]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
