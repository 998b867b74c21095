#!/usr/bin/env bash
# extract_pdftext_holdout: `dti extract` on plain `pdftotext` text (no
# -layout) of twenty-one plans by other writers (tests/data/holdout/*.pdf,
# issue 11 cause 2). Under tests/data/pdftext-holdout/, NAME-plain.txt is
# what `pdftotext tests/data/holdout/NAME.pdf` printed; each is compared with
# the hand-written tests/data/holdout/NAME.json by compare_plan.py. The plain
# reader (src/import/pdf_plain.c) was not tuned on these texts when they were
# first measured. The thresholds are a ratchet: the figure measured, rounded
# down, never to be lowered (the goal is 98; docs/internals/import.md has the
# history). To remake the texts after the PDFs change:
#   for f in tests/data/holdout/*.pdf; do b=$(basename $f .pdf);
#     pdftotext $f tests/data/pdftext-holdout/$b-plain.txt; done
set -u
DTI=${DTI:-build/dti}
ROOT=${ROOT:-.}
SHARED=${SHARED:-$ROOT/../shared}
CMP="$SHARED/tools/compare_plan.py"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ -f "$CMP" ] || { echo "FAIL: $CMP missing"; exit 1; }
declare -A MIN=(
  [an-thinh-2026]=60 [cam-thach-2026]=48 [dai-dong-2026-2027]=65
  [dong-linh-2025-2030]=41 [hiep-hoa-2026]=68 [huong-tra-2026-2030]=48
  [loc-hung-2026]=83 [long-phu-2026]=100 [my-hoa-2026]=51
  [nghia-trung-2026-2030]=48 [phu-my-2026]=82 [phuoc-thinh-2026]=19
  [tan-lap-2026]=98 [thach-ban-2026]=79 [tra-linh-2026-2027]=100
  [vinh-hao-2026]=85 [xuan-son-2026]=100
  # round 10 (branch holdout10), measured before any change for it
  # (muong-khuong 68.5 and xuan-lien 57.3 before the prose rules of the same branch)
  [muong-khuong-2025-2030]=74 [hop-thanh-2026]=6 [thanh-an-2026-2030]=57 [xuan-lien-2026]=58

  # plain4 (later keys override): year columns as printed, runs across group rows, year headers
  [an-thinh-2026]=62 [dong-linh-2025-2030]=94 [hiep-hoa-2026]=72 [huong-tra-2026-2030]=72
  [my-hoa-2026]=74 [nghia-trung-2026-2030]=83 [phuoc-thinh-2026]=34 [tan-lap-2026]=100
  [vinh-hao-2026]=87   # plain4: a due phrase split over a block's lines
  [an-thinh-2026]=77 [cam-thach-2026]=59 [thach-ban-2026]=81   # plain4: units among a name's lines, names no header
  [phuoc-thinh-2026]=49   # plain4: groups lettered "A", "B", "C"
  [hiep-hoa-2026]=91   # plain4: "03" a value, "Trong năm 2026" a due
  [dai-dong-2026-2027]=100   # plain4: targets labelled by year, the province's lead column
  [nghia-trung-2026-2030]=85   # plain4: no half of an interleaved split ends in "các"
  [my-hoa-2026]=77   # plain4: a lead of two units and a support of one were printed support first
  [vinh-hao-2026]=100   # plain4: "Tổ chức …" no unit, a code after its name, a list after a page break
  [cam-thach-2026]=75   # plain4: "1" under a roman group followed by a due
  [phu-my-2026]=85   # plain4: a unit item after a page break goes on with the support list

  [muong-khuong-2025-2030]=100   # layout8: 74.1 before; a footnote "(*) …" after a sentence starts a paragraph

  [xuan-lien-2026]=83 [thach-ban-2026]=83   # plain5: three headers side by side, lettered group column
  [hop-thanh-2026]=70   # plain5: rows printed before "STT" (a name wrapped onto "gồm:"), sorted around roman groups
  # round 11 (branch holdout11), measured before any change for it
  [hoa-quy-2026]=67 [ia-phin-2026-2028]=10 [my-loc-2026]=27 [nam-tam-2026-2027]=46

  [hop-thanh-2026]=80 [an-thinh-2026]=87   # plain5: the cells before the first row are the row numbered before it
  [xuan-lien-2026]=90   # plain5: a row's lead and support running after its code, its name printed after later rows'
  [phuoc-thinh-2026]=86 [cam-thach-2026]=77 [thanh-an-2026-2030]=60   # plain5: codes run, names later; "Các …" a support
  [my-hoa-2026]=83   # plain5: a target glued at the head of a line of two interleaved units
  [thanh-an-2026-2030]=70   # plain5: two codes, one block holding both names
)
fail=0 n=0
for doc in "$ROOT"/tests/data/pdftext-holdout/*-plain.txt; do
  b=$(basename "$doc" -plain.txt)
  n=$((n + 1))
  if ! "$DTI" --lang en extract "$doc" >"$tmp/out.json" 2>"$tmp/err"; then
    echo "FAIL: $b: dti extract failed: $(head -c 300 "$tmp/err")"; fail=1; continue
  fi
  line=$(python3 "$CMP" "$ROOT/tests/data/holdout/$b.json" "$tmp/out.json" | tail -n 1)
  pct=$(sed -n 's/.*(\([0-9.]*\)%).*/\1/p' <<<"$line")
  min=${MIN[$b]:-98}
  echo "$b: $line (threshold $min%)"
  if [ -z "$pct" ] || awk -v p="$pct" -v m="$min" 'BEGIN { exit !(p < m) }'; then
    echo "FAIL: $b: $pct% is below $min%"; fail=1
  fi
done
[ $n -ge 25 ] || { echo "FAIL: only $n texts under tests/data/pdftext-holdout"; fail=1; }
exit $fail
