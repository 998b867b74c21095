#!/usr/bin/env bash
# extract_pdftext_var: `dti extract` on `pdftotext -layout` text of plans the
# -layout rules were NOT tuned on (issue 11, cause 3), so those rules are
# measured beyond tests/data/pdftext/ (the fixture families' own text):
#   tests/data/pdftext-var/vN/NAME-layout.txt, NAME.json
#       the fixture families re-worded (set N = 1 longer names, 2 shorter,
#       3 mixed, 4 longer again, 5 abbreviations, 6 an en dash, 7 shorter
#       again, 8 and 9 other unit names, 10 spelling ("Ủy ban nhân dân xã",
#       "hoá", "90 %"), 11 structure (units after "; ", long names), 12
#       numbers and titles ("85,5%", "(đ/c Trưởng Công an xã)")) by
#       `python3 tests/data/plans/make_variants.py OUT N`, which
#       also writes the expected NAME.json with the same substitutions;
#   tests/data/pdftext-var/holdout/NAME-layout.txt
#       `pdftotext -layout tests/data/holdout/NAME.pdf`, compared with
#       tests/data/holdout/NAME.json (plans by other writers);
#   tests/data/pdftext-var/packed/NAME-vN-layout.txt, NAME-vN.json
#       holdout plans re-worded by `python3 tests/data/pdftext-var/make_packed.py
#       OUT N NAME` (the .docx and JSON given the same substitutions), mostly
#       of packed columns (cam-thach-2026: cells one blank apart on every
#       line; vinh-thanh-2026-2030: years packed in the header, the unit after
#       the name).
#   tests/data/pdftext-var/vN/NAME.pdf (where kept): the variant's .pdf,
#       read directly (v11 tan-phong: its first page holds one row).
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
  [holdout/cam-thach-2026]=100
  [holdout/dong-linh-2025-2030]=100
  [holdout/hiep-hoa-2026]=100
  [holdout/huong-tra-2026-2030]=100
  [holdout/loc-hung-2026]=100
  [holdout/nghia-trung-2026-2030]=100
  [holdout/phu-my-2026]=100
  [holdout/phuoc-thinh-2026]=100
  [holdout/tan-lap-2026]=100
  [holdout/thach-ban-2026]=100
  [holdout/vinh-hao-2026]=100
  [v1/binh-minh-2026]=98
  [v1/nam-son-2026]=98
  [v2/an-hoa-2026]=100
  [v2/phu-lac-2026]=100
  [v2/tan-phong-2026-2027]=97
  [v2/yen-lac-2026-2028]=95
  [v3/phu-lac-2026]=97
  [v3/son-thuy-2026]=100
  [v3/tan-phong-2026-2027]=100
  [v3/thanh-xuan-2025-2030]=94
  [holdout/quang-phu-2026]=100
  [holdout/hoa-tien-2026-2028]=100
  # 52.1 on branch holdout7, 28.9 once merged with layout3's -layout rules, 100 (layout4)
  [holdout/ea-tu-2026]=100
  [holdout/vinh-thanh-2026-2030]=100
  [holdout/ta-van-2026]=98
  [holdout/binh-lu-2026-2030]=98
  # round 9 (branch holdout9), measured before any change for it
  [holdout/tam-giang-2025-2030]=100   # 97.1 before pdfthan (a page set wider than the table: regrid raised every falling shift)
  [holdout/na-sam-2026]=100   # 89.9 before (a prose duration, a span of quarters); 100 since holdout10 (glued units)
  [holdout/nam-cang-2026]=100   # 6.1 before, 100 since pdfcang (the anchor column; a role bracket closes its unit)
  [holdout/my-hoa-2026]=100   # 98.1 before layout7 (a word at a column's page start)
  # sets 4 and 5 (layout7, made after that round's rules); on main 045cbad: v4 thanh-xuan 83.8 (1 missing),
  # nam-son 97.1, v5 nam-son 3.8 (9 extra), phu-lac 96.0, tan-phong 98.8, the rest as now
  [v4/phu-lac-2026]=98   # 97.3 before; 98.7 on main 8cf0c60
  [v5/hoa-son-2026-2030]=100   # 87.0 before head_bounds took word starts (packed 'Cơ quan Cơ quan')
  [v5/thanh-xuan-2025-2030]=86
  # sets 6 and 7 (layout7); on main 045cbad: v6 an-hoa 8.2 (8 missing), nam-son 97.1, v7 nam-son 97.1,
  # the rest as now
  [v6/an-hoa-2026]=98   # 95.1 after layout7; 98.4 on main 8cf0c60
  [v6/dong-tien-2026]=100   # 96.3 before bare_head skipped a label
  [v6/phu-lac-2026]=98   # 96.0 before title_word (layout9)
  [v6/son-thuy-2026]=100   # 94.1 before head_above_col (layout9: "hạn" of "Thời / hạn" went to the support)
  [v7/phu-lac-2026]=100   # 97.3 before title_word (layout9)
  # sets 8 and 9 (layout7); on main 045cbad: v8 an-hoa 96.7, nam-son 98.5, thanh-xuan 80.0 (1 extra,
  # 1 missing), v9 nam-son 97.1, the rest as now
  [v8/thanh-xuan-2025-2030]=97
  [v9/son-thuy-2026]=100   # 55.9 (4 missing) before bands_agree (layout9), 97.1 after, 100 with wrapped_dash
  # round 10 (branch holdout10), measured before any change for it
  [holdout/muong-khuong-2025-2030]=74   # 68.5 before
  [holdout/hop-thanh-2026]=34   # 31.1 before
  [holdout/thanh-an-2026-2030]=85   # 78.7 before; 85.2 since pdfthan's head_above (a merged header line above the table joins its header signature); pdfthan's falling shifts (100) were not kept at the merge: they took hop-thanh from 92.0 to 38.8
  [holdout/xuan-lien-2026]=45   # 44.7 before
  [holdout/hop-thanh-2026]=92   # 34.0 on holdout10's branch; 92.0 once merged with layout6's and layout7's rules
  # the packed-columns family re-worded (layout6): 81.5, 81.5, 57.4 before the packed_* rules
  [packed/cam-thach-2026-v1]=100
  [packed/cam-thach-2026-v2]=100
  [packed/cam-thach-2026-v3]=100
  # vinh-thanh-2026-2030 (year header packed, ĐVT packed after the name) re-worded: 74.1, 94.4, 94.4 before layout6
  [packed/vinh-thanh-2026-2030-v1]=100
  [packed/vinh-thanh-2026-2030-v2]=100
  [packed/vinh-thanh-2026-2030-v3]=100
  # ea-tu-2026 re-worded, set 3 (the lead column wider on the next page): 35.5 before layout6's fits rule
  [packed/ea-tu-2026-v3]=100   # 97.9 before title_word (layout9)
  # re-worded ta-van (a unit's head after "Chủ trì:"; a cell's paragraph between two rows) and thach-ban
  # (packed unit cells): 92.6, 94.4, 90.7 before layout6
  [packed/ta-van-2026-v1]=100
  [packed/ta-van-2026-v3]=98
  [packed/thach-ban-2026-v1]=94

  # layout8 (round 10's -layout texts)
  [holdout/muong-khuong-2025-2030]=100   # 74.1 before; a footnote "(*) …" after a sentence starts a paragraph (read_text.c)

  # sets 10 to 12 (branch layout9: spelling, structure, numbers and titles), measured before any
  # change for them; every other one of these 30 at 98 or more
  [v10/thanh-xuan-2025-2030]=100   # 97.1 before title_word
  [v11/an-hoa-2026]=96
  [v11/nam-son-2026]=95
  [v11/phu-lac-2026]=97
  [v11/thanh-xuan-2025-2030]=100   # 77.3 (1 extra, 1 missing) before row_band_start (a centred first row's band)
  # v11 tan-phong's .pdf read directly: 7.2 (14 extra, 9 missing) before widen_direct (pdf_layout.c)
  [v11/tan-phong-2026-2027.pdf]=100
  # v12 after units stopped being split inside brackets (xt_split_units): 98.1, 98.1, 96.3, 94.1, 98.7,
  # 97.1, 98.8, 95.6 before
  [v12/binh-minh-2026]=100
  [v12/dong-tien-2026]=100
  [v12/hoa-son-2026-2030]=100
  [v12/nam-son-2026]=100
  [v12/phu-lac-2026]=100
  [v12/son-thuy-2026]=100
  [v12/tan-phong-2026-2027]=100
  [v12/thanh-xuan-2025-2030]=97
  # round 11 (branch holdout11), measured before any change for it
  [holdout/hoa-quy-2026]=92 [holdout/ia-phin-2026-2028]=10 [holdout/my-loc-2026]=100
  [holdout/nam-tam-2026-2027]=100

  [holdout/thanh-an-2026-2030]=100   # 85.2 before; a page set wider whose shifts rise here and there (regrid)
  [holdout/hop-thanh-2026]=100   # 92.0 before; likewise, then its cells kept two blanks apart (keep_gaps)
  [holdout/xuan-lien-2026]=100   # 45.6 before; a held-over header placed in order (held_order), a spanning head not cut (sub_heads)

  [v12/thanh-xuan-2025-2030]=100   # 97.1 after the bracket rule, 100 with row_band_start
  # round 10's plans re-worded (layout8, make_packed.py OUT N NAME, made after the rules above but for the
  # lowest-shift test, tuned on hop-thanh v1); on 9256b47 (before layout8's pdf_layout.c): hop-thanh
  # 96.0/92.0/92.0, thanh-an 85.2 x3, xuan-lien 25.9 (+10/-5)/43.7/35.9, muong-khuong 100/100/97.9
  [packed/thanh-an-2026-2030-v1]=96
  [packed/xuan-lien-2026-v1]=86
  [packed/xuan-lien-2026-v3]=41
  [packed/muong-khuong-2025-2030-v3]=97
  [holdout/ia-phin-2026-2028]=100   # pdfyear: 10.6 before; a group row after a header held over (hold_header), year rows (year_rows)
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


# a variant's .pdf kept beside its text (one that once failed read directly) is read directly too,
# at 98% or its ratchet under the key SET/NAME.pdf
for doc in "$DIR"/*/*.pdf; do
  [ -f "$doc" ] || continue
  set_=$(basename "$(dirname "$doc")"); b=$(basename "$doc" .pdf); key="$set_/$b.pdf"
  if ! "$DTI" --lang en extract "$doc" >"$tmp/out.json" 2>"$tmp/err"; then
    echo "FAIL: $key: dti extract failed: $(head -c 300 "$tmp/err")"; fail=1; continue
  fi
  line=$(python3 "$CMP" "$DIR/$set_/$b.json" "$tmp/out.json" | tail -n 1)
  pct=$(sed -n 's/.*(\([0-9.]*\)%).*/\1/p' <<<"$line")
  min=${MIN[$key]:-98}
  echo "$key: $line (threshold $min%)"
  if [ -z "$pct" ] || awk -v p="$pct" -v m="$min" 'BEGIN { exit !(p < m) }'; then
    echo "FAIL: $key: $pct% is below $min%"; fail=1
  fi
done
# 12 sets x 10 families + 34 holdout plans + 10 re-worded holdout plans (packed/)
[ $n -ge 164 ] || { echo "FAIL: only $n texts under $DIR"; fail=1; }
exit $fail
