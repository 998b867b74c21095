#!/usr/bin/env bash
# import_years.sh — what `dti import` does with a plan's years (issue 11,
# points 6 and 11), as a coordinator imports it: a 2025–2030 plan whose
# table gives a baseline column "Hiện trạng 2025", "-" in the 2026 column
# for two indicators and targets for 2030 only for them. The import says
# that two indicators have only end targets (never silent); "-" is no
# target that year (nothing stored for 2026), the third indicator keeps its
# 2026 target; the baseline is kept in x.baseline ({year, value, unit}) and
# exported with the plan. And the reporting regime (point 12): a sentence on
# reporting that is not understood is quoted to the coordinator, never "the
# document states no regime". Runs on both engines (tests/lib/db.sh).
set -euo pipefail
: "${DTI:?}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# shellcheck source=tests/lib/db.sh
. "${ROOT:-.}/tests/lib/db.sh"
DB=$(test_db "$T/y.db")
export DTI_NOW=${DTI_NOW:-2026-12-06T03:00:00Z}
cat > "$T/kh.md" <<'MD'
ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM

Số: 5/KH-UBND

KẾ HOẠCH Chuyển đổi số xã Thử Nghiệm giai đoạn 2025 - 2030

Tỉnh Khánh Hòa

| STT | Chỉ tiêu | ĐVT | Hiện trạng 2025 | Năm 2026 | Năm 2030 | Đơn vị chủ trì |
|---|---|---|---|---|---|---|
| 1 | Tỷ lệ hồ sơ trực tuyến toàn trình | % | 40 | - | 80 | Văn phòng HĐND và UBND |
| 2 | Tỷ lệ người dân có tài khoản định danh điện tử | % | 55 | - | 90 | Công an xã |
| 3 | Số điểm wifi công cộng | điểm | 2 | 4 | 10 | Phòng Văn hóa - Xã hội |
MD
"$DTI" --db "$DB" import "$T/kh.md" > "$T/imp.txt" 2>&1 || fail "import: $(cat "$T/imp.txt")"
grep -q "^  2 chỉ tiêu chỉ có mục tiêu năm 2030, chưa có mục tiêu từng năm" "$T/imp.txt" ||
  fail "the import does not say that two indicators have end targets only: $(cat "$T/imp.txt")"
# 2025 is the baseline year (a result already reached): targets are needed from 2026
grep -q "^  2 chỉ tiêu chỉ có mục tiêu năm 2030, chưa có mục tiêu từng năm từ 2026:" "$T/imp.txt" ||
  fail "the warning does not name 2026, the year after the baseline: $(cat "$T/imp.txt")"
# a baseline before the plan's first year changes nothing: targets from 2025
sed -e 's|5/KH-UBND|7/KH-UBND|' -e 's|Hiện trạng 2025|Hiện trạng 2024|' "$T/kh.md" > "$T/kb.md"
"$DTI" --db "$DB" import "$T/kb.md" > "$T/imp2.txt" 2>&1 || fail "import kb.md: $(cat "$T/imp2.txt")"
grep -q "^  2 chỉ tiêu chỉ có mục tiêu năm 2030, chưa có mục tiêu từng năm từ 2025:" "$T/imp2.txt" ||
  fail "a 2024 baseline: the warning should name 2025: $(cat "$T/imp2.txt")"
"$DTI" --db "$DB" export plan 1 --json > "$T/plan.json" || fail "export plan 1"
python3 - "$T/plan.json" <<'PY' || fail "the plan stored"
import json, sys
p = json.load(open(sys.argv[1]))
ind = {i["code"]: i for i in p["indicators"]}
assert [t["year"] for t in ind["1"]["targets"]] == [2030], ind["1"]["targets"]     # "-": no 2026 target
assert [t["year"] for t in ind["2"]["targets"]] == [2030], ind["2"]["targets"]
assert [(t["year"], t["value"]) for t in ind["3"]["targets"]] == [(2026, 4), (2030, 10)], ind["3"]["targets"]
b = ind["1"]["x"]["baseline"]
assert (b["year"], b["value"], b["unit"]) == (2025, 40, "%"), b
assert ind["3"]["x"]["baseline"]["unit"] == "điểm", ind["3"]["x"]
PY
# a regime sentence not understood: quoted, and no "states no regime"
{ cat "$T/kh.md"; printf '\nIV. TỔ CHỨC THỰC HIỆN\n\nCác đơn vị báo cáo định kỳ theo kỳ báo cáo của tỉnh.\n'; } |
  sed 's|5/KH-UBND|6/KH-UBND|' > "$T/kr.md"
"$DTI" --db "$DB" import "$T/kr.md" > "$T/imp3.txt" 2>&1 || fail "import kr.md: $(cat "$T/imp3.txt")"
grep -q "^  «Các đơn vị báo cáo định kỳ theo kỳ báo cáo của tỉnh»$" "$T/imp3.txt" || fail "the sentence is not quoted: $(cat "$T/imp3.txt")"
if grep -q "không nêu chế độ báo cáo" "$T/imp3.txt"; then fail "said 'no regime' over a sentence on reporting"; fi
grep -q "không nêu chế độ báo cáo" "$T/imp.txt" || fail "a plan with no sentence on reporting: not said so: $(cat "$T/imp.txt")"
echo "import_years: ok"
