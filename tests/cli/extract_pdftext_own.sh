#!/usr/bin/env bash
# extract_pdftext_own: `dti extract` on plain `pdftotext` text (no -layout)
# of a plan that is NOT one of the fixture families, so the plain-text table
# reader (src/import/pdf_plain.c) is not only measured on the texts it was
# tuned on. tests/data/pdftext-own/kim-lam-2026-plain.txt is what pdftotext
# printed of a fictional plan (xã Kim Lâm) whose appendix puts the unit
# columns BEFORE the target and due columns ("STT | Nội dung chỉ tiêu |
# Đơn vị chủ trì | Đơn vị phối hợp | Chỉ tiêu năm 2026 | Thời hạn"), with
# empty support cells, "STT Nội dung chỉ tiêu" on one line and the right
# columns of the first page printed before the left ones. make_kim_lam.py
# beside it holds the plan once (HTML and the hand-written expected JSON)
# and remakes the text (soffice, pdftotext). The threshold is the figure
# measured (first 76.8%, then 84.1%, now 100%: see docs/internals/import.md); no extra item
# is allowed, and the text must be read as a table (without one the figure
# falls under 10%).
set -u
DTI=${DTI:-build/dti}
ROOT=${ROOT:-.}
SHARED=${SHARED:-$ROOT/../shared}
CMP="$SHARED/tools/compare_plan.py"
MIN=100
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ -f "$CMP" ] || { echo "FAIL: $CMP missing"; exit 1; }
dir="$ROOT/tests/data/pdftext-own"
fail=0
if ! "$DTI" --lang en extract "$dir/kim-lam-2026-plain.txt" >"$tmp/out.json" 2>"$tmp/err"; then
  echo "FAIL: dti extract exited non-zero: $(head -c 300 "$tmp/err")"; exit 1
fi
line=$(python3 "$CMP" "$dir/kim-lam-2026.json" "$tmp/out.json" | tail -n 1)
echo "kim-lam-2026-plain: $line (threshold $MIN%)"
pct=$(sed -n 's/.*(\([0-9.]*\)%).*/\1/p' <<<"$line")
extra=$(sed -n 's/.* extra \([0-9]*\).*/\1/p' <<<"$line")
if [ -z "$pct" ] || awk -v p="$pct" -v m="$MIN" 'BEGIN { exit !(p < m) }'; then
  echo "FAIL: $pct% is below $MIN%"; fail=1
fi
[ "${extra:-1}" = 0 ] || { echo "FAIL: $extra extra items"; fail=1; }
# the appendix is one table of a header row and 14 rows (3 groups, 11 items)
"$DTI" extract --doc "$dir/kim-lam-2026-plain.txt" >"$tmp/doc.txt" 2>&1
grep -q "^TABLE 15x6 " "$tmp/doc.txt" || { echo "FAIL: no 15x6 table: $(grep '^TABLE' "$tmp/doc.txt")"; fail=1; }
# the header's columns, in their order, whatever order pdftotext printed them in
grep -q '^  R0: | STT | Nội dung chỉ tiêu | Đơn vị chủ trì | Đơn vị phối hợp | Chỉ tiêu năm 2026 | Thời hạn$' "$tmp/doc.txt" ||
  { echo "FAIL: header row: $(grep 'R0:' "$tmp/doc.txt")"; fail=1; }
exit $fail
