#!/usr/bin/env bash
# extract_pdftext: `dti extract` on text that pdftotext -layout made of a PDF.
#
# tests/data/pdf-layout-tanan.txt is a fictional plan (xã Tân An) written as
# HTML, saved as .docx and .pdf by LibreOffice and turned into text by
# `pdftotext -layout`, with the page numbers a printed plan carries added at
# the foot of each page: narrow columns, cells one blank apart, packed first
# lines, a page whose columns move, repeated header rows, paragraphs inside
# cells. tests/data/pdf-tanan.expected.json is that plan's expected
# extraction (checked field by field against the table it was written
# from). Fails below 95% of compared fields or with any extra item.
set -u
DTI=${DTI:-build/dti}
ROOT=${ROOT:-.}
SHARED=${SHARED:-$ROOT/../shared}
CMP="$SHARED/tools/compare_plan.py"
MIN=95
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ -f "$CMP" ] || { echo "FAIL: $CMP missing"; exit 1; }
doc="$ROOT/tests/data/pdf-layout-tanan.txt"
exp="$ROOT/tests/data/pdf-tanan.expected.json"
if ! "$DTI" extract "$doc" >"$tmp/out.json" 2>"$tmp/err"; then
  echo "FAIL: dti extract $doc exited $?"; cat "$tmp/err"; exit 1
fi
line=$(python3 "$CMP" "$exp" "$tmp/out.json" | tail -1)
echo "pdf-layout-tanan.txt: $line"
pct=$(sed -n 's/.*(\([0-9.]*\)%).*/\1/p' <<<"$line")
extra=$(sed -n 's/.* extra \([0-9]*\).*/\1/p' <<<"$line")
[ -n "$pct" ] && [ -n "$extra" ] || { echo "FAIL: cannot read the figure"; exit 1; }
if [ "$extra" != 0 ] || ! python3 -c "import sys; sys.exit(0 if float('$pct') >= $MIN else 1)"; then
  python3 "$CMP" "$exp" "$tmp/out.json" --verbose | head -40
  echo "FAIL: below $MIN% or extra items"; exit 1
fi
echo "ok"
