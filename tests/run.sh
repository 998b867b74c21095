#!/usr/bin/env bash
# Run every test and end with one summary line "N passed, N failed".
#   unit     each build/tests/test_* (cmocka) counts its own tests
#   cli      each tests/cli/*.sh is one test (black-box, the real binary)
#   others   tests/api, tests/browser when their runners exist (node)
# O is the build directory (build, or build/check under `make check`).
# Under `make test-pg` (tests/run-pg.sh): DTI_TEST_PG names the throwaway
# PostgreSQL server the tests take their databases from (tests/lib/db.sh),
# DTI_TEST_SKIP a file of "NAME<TAB>reason" lines: the unit or cli tests
# that cannot run there, each printed with its reason and counted as
# skipped (never silently), and DTI_TEST_NODE=api runs only tests/api/.
set -u
cd "$(dirname "$0")/.."
O=${O:-build}
# "Now" for every test: DTI_NOW when the caller pins it (tests/dated.sh),
# else the instant in tests/now. The server, the CLI (app_now) and the node
# tests (tests/lib/now.mjs) all read it; a test that needs another instant
# sets its own for its own processes.
export DTI_NOW="${DTI_NOW:-$(cat tests/now)}"
export DTI="$PWD/$O/dti" SHARED="$(cd .. && pwd)/shared" ROOT="$PWD"
passed=0 failed=0 skipped=0 failures=()
log=$(mktemp -d)
# the reason NAME is skipped (DTI_TEST_SKIP), or nothing
skip_reason() {
  [ -n "${DTI_TEST_SKIP:-}" ] || return 0
  awk -F '\t' -v n="$1" '$1 == n { print $2; exit }' "$DTI_TEST_SKIP"
}
skip() {  # NAME KIND: 0 (and printed, counted) when NAME is to be skipped
  local why
  why=$(skip_reason "$1")
  [ -n "$why" ] || return 1
  skipped=$((skipped + 1)); echo "$2 $1: SKIPPED on ${DTI_TEST_ENGINE:-this engine}: $why"
}
for t in "$O"/tests/test_*; do
  [ -x "$t" ] || continue
  n=$(basename "$t")
  skip "$n" unit && continue
  if "$t" >"$log/$n.out" 2>&1; then rc=0; else rc=$?; fi
  p=$(grep -aoE '\[  PASSED  \] [0-9]+' "$log/$n.out" | awk '{s+=$4} END {print s+0}')
  f=$(grep -aoE '\[  FAILED  \] [0-9]+' "$log/$n.out" | awk '{s+=$4} END {print s+0}')
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$f" -ne 0 ]; then failures+=("$n"); echo "--- $n"; tail -n 40 "$log/$n.out"; fi
  echo "unit $n: $p passed, $f failed"
done
for t in tests/cli/*.sh; do
  [ -f "$t" ] || continue
  n=$(basename "$t" .sh)
  skip "$n" cli && continue
  if bash "$t" >"$log/$n.out" 2>&1; then
    passed=$((passed + 1)); echo "cli $n: ok"
  else
    failed=$((failed + 1)); failures+=("$n"); echo "--- $n"; tail -n 40 "$log/$n.out"; echo "cli $n: FAILED"
  fi
done
if [ -x tests/run-node.sh ]; then
  node_args=()
  [ "${DTI_TEST_NODE:-}" != api ] || node_args=(tests/api/*.test.mjs)
  if bash tests/run-node.sh "${node_args[@]}" >"$log/node.out" 2>&1; then :; fi
  cat "$log/node.out"
  p=$(grep -aE '^# pass [0-9]+' "$log/node.out" | awk '{s+=$3} END {print s+0}')
  f=$(grep -aE '^# fail [0-9]+' "$log/node.out" | awk '{s+=$3} END {print s+0}')
  if ! grep -qaE '^# pass' "$log/node.out"; then f=$((f + 1)); failures+=("node"); fi
  passed=$((passed + p)); failed=$((failed + f))
fi
rm -rf "$log"
[ ${#failures[@]} -eq 0 ] || echo "failed: ${failures[*]}"
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped by name (reasons above)"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
