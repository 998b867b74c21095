#!/usr/bin/env bash
# measure_pdfvar.sh DIR: one line per DIR/NAME.VARIANT.pdf (made by
# make_pdfvar.py): NAME VARIANT percent extra missing, by `dti --lang en
# extract` and compare_plan.py against tests/data/holdout/NAME.json (calc:
# --no-top, NAME.xlsx.json where it exists). The tables in
# docs/internals/import.md ("PDFs from other programs") were made with it.
# DTI, SHARED as for the tests (defaults build/dti, ../shared).
set -u
DIR=$1
DTI=${DTI:-build/dti}
SHARED=${SHARED:-../shared}
H=$(dirname "$0")/../holdout
CMP=$SHARED/tools/compare_plan.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in "$DIR"/*.pdf; do
  b=$(basename "$f" .pdf); n=${b%%.*}; v=${b#*.}
  [ "$v" = scan ] && continue
  exp=$H/$n.json opt=""
  if [ "$v" = calc ]; then opt=--no-top; [ -f "$H/$n.xlsx.json" ] && exp=$H/$n.xlsx.json; fi
  if "$DTI" --lang en extract "$f" >"$tmp/o.json" 2>"$tmp/e"; then
    line=$(python3 "$CMP" "$exp" "$tmp/o.json" $opt | tail -n 1)
    echo "$n $v $(sed -n 's/.*(\([0-9.]*\)%) extra \([0-9]*\) missing \([0-9]*\).*/\1 \2 \3/p' <<<"$line")"
  else
    echo "$n $v ERR $(head -c 100 "$tmp/e")"
  fi
done
