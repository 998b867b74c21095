#!/usr/bin/env bash
# extract_holdout: `dti extract` on plans by other writers (issue 11).
#
# tests/data/holdout/ holds thirty-four invented communes' plans of the same layout
# families as tests/data/plans, written as another office would write them
# (other headers, columns in another order, letter groups, "Thực hiện năm
# 2025", "Lộ trình thực hiện", a workbook with one sheet per pillar and the
# title in merged cells, ...). The extractor was not tuned on them when they
# were written; docs/internals/import.md ("Plans by other writers") has the
# figures before and after. Each is made by tests/data/holdout/make_holdout.py
# in .md, .txt (tab-separated, HTML cells), .docx, .pdf (LibreOffice prints
# the .docx) and, for table plans, .xlsx; each is compared with its
# hand-written NAME.json by compare_plan.py (an .xlsx holds only the
# appendix: --no-top, and where the plan also has prose targets, which such a
# workbook cannot hold, NAME.xlsx.json is the expected without them, written
# by make_holdout.py from the plan's "xlsx_without"). The thresholds are a ratchet, per file: 98 (the
# issue's goal for the families) unless listed below with the figure measured
# after the fixes, rounded down (the PDFs whose rows or lines the PDF reader
# does not yet rebuild, docs/internals/import.md), never to be lowered; no
# extra item is allowed where the threshold is 95 or more.
set -u
DTI=${DTI:-build/dti}
ROOT=${ROOT:-.}
SHARED=${SHARED:-$ROOT/../shared}
CMP="$SHARED/tools/compare_plan.py"
DIR="$ROOT/tests/data/holdout"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ -f "$CMP" ] || { echo "FAIL: $CMP missing"; exit 1; }
declare -A MIN=(
  [hiep-hoa-2026.xlsx]=97   # LibreOffice Calc (en-US) stored the text "4.500" as the number 4.5
  # binh-lu-2026-2030.xlsx: 83.3 against NAME.json (its prose target T1 is not in the workbook, which holds
  # the appendix alone); 100 against NAME.xlsx.json (round 10)
  # round 9 (branch holdout9), measured before any change for it; na-sam-2026 (91.0, .pdf 89.9) and
  # tam-giang-2025-2030.md (88.0) are at 98+ since
  [nam-cang-2026.pdf]=100   # 6.1 before (100 since pdfcang: a code column after a first column of "I. name" groups is the anchor); its .md/.txt/.docx/.xlsx 37.8/33.8 → 100 (extract_table.c)
  # round 10 (branch holdout10), measured before any change for it
  # (before: muong-khuong 93.6 in every form, hop-thanh 96.0 (.xlsx 95.7), thanh-an .txt 88.2, now 100;
  # xuan-lien 97.9, .pdf 96.9, .xlsx 60.4, now 100, 100, 61.5 (100 against what the workbook holds))
  [muong-khuong-2025-2030.txt]=100 [muong-khuong-2025-2030.md]=100 [muong-khuong-2025-2030.docx]=100
  [muong-khuong-2025-2030.pdf]=100
  [hop-thanh-2026.txt]=100 [hop-thanh-2026.md]=100 [hop-thanh-2026.docx]=100 [hop-thanh-2026.xlsx]=100
  [hop-thanh-2026.pdf]=100
  [thanh-an-2026-2030.txt]=100 [thanh-an-2026-2030.pdf]=100   # .pdf: 44.9 before branch pdfthan (a repeated two-row header did not fit the rivers: a second table began; pdf_layout.c repeated_head)
  [xuan-lien-2026.txt]=100 [xuan-lien-2026.md]=100 [xuan-lien-2026.docx]=100 [xuan-lien-2026.pdf]=100
  # xuan-lien-2026.xlsx: 60.4 before, 61.5 after against NAME.json (the five prose targets are not in the
  # workbook); 100 against NAME.xlsx.json

  [na-sam-2026.pdf]=100   # 98.9 before layout7 ("Trưởng các thôn" opens a unit in a unit column)
  # round 11 (branch holdout11), measured on ea5fa65 before any change for it
  [hoa-quy-2026.txt]=100 [hoa-quy-2026.md]=100 [hoa-quy-2026.docx]=100 [hoa-quy-2026.xlsx]=100 [hoa-quy-2026.pdf]=100
  [ia-phin-2026-2028.txt]=100 [ia-phin-2026-2028.md]=100 [ia-phin-2026-2028.docx]=100 [ia-phin-2026-2028.xlsx]=100
  [ia-phin-2026-2028.pdf]=10
  [my-loc-2026.txt]=100 [my-loc-2026.md]=100 [my-loc-2026.docx]=100 [my-loc-2026.xlsx]=100 [my-loc-2026.pdf]=100
  [nam-tam-2026-2027.txt]=100 [nam-tam-2026-2027.md]=100 [nam-tam-2026-2027.docx]=100
  [nam-tam-2026-2027.xlsx]=100 [nam-tam-2026-2027.pdf]=100
  [ia-phin-2026-2028.pdf]=100   # pdfyear: 80.9 before (one row per item, every year in one cell)
)
fail=0 n=0
for plan in "$DIR"/*.json; do
  case "$plan" in *.xlsx.json) continue ;; esac
  base=${plan%.json}
  for doc in "$base.md" "$base.txt" "$base.docx" "$base.xlsx" "$base.pdf"; do
    [ -f "$doc" ] || continue
    name=$(basename "$doc")
    opt="" exp=$plan
    case "$name" in *.xlsx) opt="--no-top"; [ -f "$base.xlsx.json" ] && exp=$base.xlsx.json ;; esac
    n=$((n + 1))
    if ! "$DTI" --lang en extract "$doc" >"$tmp/out.json" 2>"$tmp/err"; then
      echo "FAIL: $name: dti extract failed: $(head -c 300 "$tmp/err")"; fail=1; continue
    fi
    line=$(python3 "$CMP" "$exp" "$tmp/out.json" $opt | tail -n 1)
    pct=$(sed -n 's/.*(\([0-9.]*\)%).*/\1/p' <<<"$line")
    extra=$(sed -n 's/.* extra \([0-9]*\) .*/\1/p' <<<"$line")
    min=${MIN[$name]:-98}
    echo "$name: $line (threshold $min%)"
    if [ -z "$pct" ] || [ -z "$extra" ]; then
      echo "FAIL: $name: unreadable comparison: $line"; fail=1
    elif awk -v p="$pct" -v m="$min" 'BEGIN { exit !(p < m) }' || { [ "$min" -ge 95 ] && [ "$extra" -ne 0 ]; }; then
      echo "FAIL: $name: $pct% (threshold $min%), $extra extra"
      python3 "$CMP" "$exp" "$tmp/out.json" $opt --verbose | head -n 20
      fail=1
    fi
  done
done
# 34 plans x (md, txt, docx, pdf) + 27 workbooks
[ $n -ge 163 ] || { echo "FAIL: only $n documents under $DIR"; fail=1; }
exit $fail
