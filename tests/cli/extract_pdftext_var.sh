#!/usr/bin/env bash
# extract_pdftext_var: `dti extract` on `pdftotext -layout` text of plans the
# -layout rules were NOT tuned on (issue 11, cause 3), so those rules are
# measured beyond tests/data/pdftext/ (the fixture families' own text):
#   tests/data/pdftext-var/vN/NAME-layout.txt, NAME.json
#       the fixture families re-worded (set N = 1 longer names, 2 shorter,
#       3 mixed) by `python3 tests/data/plans/make_variants.py OUT N`, which
#       also writes the expected NAME.json with the same substitutions;
#   tests/data/pdftext-var/holdout/NAME-layout.txt
#       `pdftotext -layout tests/data/holdout/NAME.pdf`, compared with
#       tests/data/holdout/NAME.json (plans by other writers).
# Each is compared by compare_plan.py. The thresholds are a ratchet: the
# figure measured when the files were made (or after a fix), rounded down,
# never to be lowered; 98 where not listed. docs/internals/import.md
# ("`pdftotext -layout`: each row laid out on its own") has the table.
set -u
DTI=${DTI:-build/dti}
ROOT=${ROOT:-.}
SHARED=${SHARED:-$ROOT/../shared}
CMP="$SHARED/tools/compare_plan.py"
DIR="$ROOT/tests/data/pdftext-var"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ -f "$CMP" ] || { echo "FAIL: $CMP missing"; exit 1; }
declare -A MIN=(
  [holdout/cam-thach-2026]=55
  [holdout/dong-linh-2025-2030]=91
  [holdout/hiep-hoa-2026]=100
  [holdout/huong-tra-2026-2030]=93
  [holdout/loc-hung-2026]=100
  [holdout/nghia-trung-2026-2030]=100
  [holdout/phu-my-2026]=95
  [holdout/phuoc-thinh-2026]=100
  [holdout/tan-lap-2026]=98
  [holdout/thach-ban-2026]=98
  [holdout/vinh-hao-2026]=100
  [v1/binh-minh-2026]=96
  [v1/nam-son-2026]=97
  [v2/an-hoa-2026]=96
  [v2/phu-lac-2026]=100
  [v2/tan-phong-2026-2027]=93
  [v2/yen-lac-2026-2028]=95
  [v3/phu-lac-2026]=97
  [v3/son-thuy-2026]=100
  [v3/tan-phong-2026-2027]=100
  [v3/thanh-xuan-2025-2030]=94
  [holdout/quang-phu-2026]=97
  [holdout/hoa-tien-2026-2028]=100
  # 52.1 on branch holdout7, 28.9 once merged with layout3's -layout rules, 100 (layout4)
  [holdout/ea-tu-2026]=100
  [holdout/vinh-thanh-2026-2030]=94
  [holdout/ta-van-2026]=98
  [holdout/binh-lu-2026-2030]=98
  # round 9 (branch holdout9), measured before any change for it
  [holdout/tam-giang-2025-2030]=100   # 97.1 before pdfthan (a page set wider than the table: regrid raised every falling shift)
  [holdout/na-sam-2026]=100   # 89.9 before (a prose duration, a span of quarters); 100 since holdout10 (glued units)
  [holdout/nam-cang-2026]=100   # 6.1 before, 100 since pdfcang (the anchor column; a role bracket closes its unit)
  # round 10 (branch holdout10), measured before any change for it
  [holdout/muong-khuong-2025-2030]=74   # 68.5 before
  [holdout/hop-thanh-2026]=34   # 31.1 before
  [holdout/thanh-an-2026-2030]=100   # 78.7 before; 100 since pdfthan (a merged header line above the table joins its header signature; a page set wider than the table keeps its columns' falling shifts)
  [holdout/xuan-lien-2026]=45   # 44.7 before
)
fail=0 n=0
for doc in "$DIR"/*/*-layout.txt; do
  set_=$(basename "$(dirname "$doc")"); b=$(basename "$doc" -layout.txt)
  if [ "$set_" = holdout ]; then exp="$ROOT/tests/data/holdout/$b.json"; else exp="$DIR/$set_/$b.json"; fi
  key="$set_/$b"
  n=$((n + 1))
  if ! "$DTI" --lang en extract "$doc" >"$tmp/out.json" 2>"$tmp/err"; then
    echo "FAIL: $key: dti extract failed: $(head -c 300 "$tmp/err")"; fail=1; continue
  fi
  line=$(python3 "$CMP" "$exp" "$tmp/out.json" | tail -n 1)
  pct=$(sed -n 's/.*(\([0-9.]*\)%).*/\1/p' <<<"$line")
  min=${MIN[$key]:-98}
  echo "$key: $line (threshold $min%)"
  if [ -z "$pct" ] || awk -v p="$pct" -v m="$min" 'BEGIN { exit !(p < m) }'; then
    echo "FAIL: $key: $pct% is below $min%"; fail=1
  fi
done
# 3 sets x 10 families + 30 holdout plans
[ $n -ge 60 ] || { echo "FAIL: only $n texts under $DIR"; fail=1; }
exit $fail
