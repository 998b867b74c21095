#!/usr/bin/env bash
# conflict_markers.sh — no file under version control keeps a merge's
# conflict markers (a stylesheet once shipped "<<<<<<< HEAD" lines, which
# silently dropped the rules after them in every browser).
set -euo pipefail
cd "${ROOT:?}"
hits=$(git ls-files -z | xargs -0 grep -nE '^(<<<<<<< |>>>>>>> )' -- 2>/dev/null | grep -v '^tests/cli/conflict_markers.sh:' || true)
[ -z "$hits" ] || { echo "FAIL: conflict markers left:"; echo "$hits"; exit 1; }
echo "conflict_markers: ok"
