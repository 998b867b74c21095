#!/usr/bin/env bash
# extract_fixtures: `dti extract` on the fictional plans of tests/data/plans.
#
# The shared plans (extract_plans.sh) are three documents; plans of the same
# layout families that we do not have must extract as well. The fixtures are
# invented communes' plans, one per family (one header row with year
# columns and roman groups; a "Chỉ tiêu/nhiệm vụ" column with products and
# funding; two header rows with a merged "Phân công" and a province lead;
# prose targets only; documents to issue plus a "Phụ lục 2" without groups;
# shuffled columns, unit lists and unusual targets; and for issue 11: ĐVT,
# a baseline and a column per year; a "Nhiệm vụ" table whose rows state
# targets; a group column merged down with lead/support in one cell; prose
# targets under a)…đ) in a 2025-2030 plan), each in Markdown (a
# table cut by a page break), tab-separated text with HTML cells, .docx and
# (table plans) .xlsx made by LibreOffice (tests/data/plans/make_fixtures.py).
# Each is compared with its hand-written NAME.json (tools/compare_plan.py;
# an .xlsx holds only the appendix, so --no-top); the figure is printed and
# the test fails below 95% or with any extra item.
set -u
DTI=${DTI:-build/dti}
ROOT=${ROOT:-.}
SHARED=${SHARED:-$ROOT/../shared}
CMP="$SHARED/tools/compare_plan.py"
DIR="$ROOT/tests/data/plans"
MIN=95
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
checked=0

[ -f "$CMP" ] || { echo "FAIL: $CMP missing"; exit 1; }
for exp in "$DIR"/*.json; do
  base=${exp%.json}
  for doc in "$base.md" "$base.txt" "$base.docx" "$base.xlsx"; do
    [ -f "$doc" ] || continue
    name=$(basename "$doc")
    opt=""
    case "$name" in *.xlsx) opt="--no-top" ;; esac
    if ! "$DTI" --lang en extract "$doc" >"$tmp/out.json" 2>"$tmp/err"; then
      echo "FAIL: $name: dti extract failed: $(head -c 300 "$tmp/err")"
      fail=1
      continue
    fi
    line=$(python3 "$CMP" "$exp" "$tmp/out.json" $opt | tail -n 1)
    pct=$(echo "$line" | sed -n 's/.*(\([0-9.]*\)%).*/\1/p')
    extra=$(echo "$line" | sed -n 's/.* extra \([0-9]*\) .*/\1/p')
    checked=$((checked + 1))
    echo "$name: $line"
    if [ -z "$pct" ] || [ -z "$extra" ]; then
      echo "FAIL: $name: unreadable comparison: $line"
      fail=1
    elif awk -v p="$pct" -v m="$MIN" 'BEGIN { exit !(p < m) }' || [ "$extra" -ne 0 ]; then
      echo "FAIL: $name: $pct% (minimum $MIN%), $extra extra"
      python3 "$CMP" "$exp" "$tmp/out.json" $opt --verbose | head -n 30
      fail=1
    fi
  done
done
# UTF-16 text (Windows Notepad's "Unicode"), with a byte-order mark (LE) and
# without one (BE): read as the UTF-8 file is
for enc in UTF-16 UTF-16BE; do
  src="$DIR/tan-phong-2026-2027.txt"
  iconv -f UTF-8 -t $enc "$src" > "$tmp/u16.txt" || { echo "FAIL: iconv $enc"; fail=1; continue; }
  "$DTI" extract "$src" > "$tmp/u8.json" 2>/dev/null
  if ! "$DTI" extract "$tmp/u16.txt" > "$tmp/u16.json" 2>"$tmp/err" || ! cmp -s "$tmp/u8.json" "$tmp/u16.json"; then
    echo "FAIL: $enc text does not extract as its UTF-8 original: $(head -c 200 "$tmp/err")"; fail=1
  else
    echo "tan-phong-2026-2027.txt as $enc: same plan as UTF-8"
  fi
done
[ $checked -ge 20 ] || { echo "FAIL: only $checked documents compared under $DIR"; fail=1; }
exit $fail
