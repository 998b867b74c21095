#!/usr/bin/env bash
# Reporting periods as Nghị định 09/2019/NĐ-CP defines them, on the command
# line (docs/calendar.md): each shared plan imported with the calendar its
# own sentence states, then `dti periods` checked against that sentence —
# the 15→14 cut-off by default, every deadline after its period's end except
# Vĩnh Trụ's yearly 05/12, which is told as a warning (never silent); a
# 2025–2030 plan whose targets are all for 2030 has 2026 periods (its years
# come from its stated span) and `periods` says what is missing when there
# are none; a plan's three quarter windows and a year are exactly what it
# gets (no invented fourth quarter); calendar months when a plan says so.
set -euo pipefail
: "${DTI:?}"
SHARED=${SHARED:-${ROOT:-.}/../shared}
T=$(mktemp -d)
# shellcheck source=tests/lib/db.sh
. "$(dirname "$0")/../lib/db.sh"
trap 'rm -rf "$T"' EXIT
DB=$(test_db "$T/cal.db")
export DTI_NOW=2026-12-07T02:00:00Z
fail() { echo "FAIL: $*" >&2; exit 1; }
dti() { "$DTI" --db "$DB" "$@"; }
has() { grep -Eq "$2" "$1" || fail "$3: $(cat "$1")"; }

for f in minh-duc-2026-2030-dti vinh-thuan-2026-dti vinh-tru-2026; do
  dti import "$SHARED/plans/$f.txt" > "$T/import-$f.txt"
done
DTI_PASSWORD=mat-khau-lich-2026 dti user add admin --role admin > /dev/null

# Minh Đức: "các đơn vị … trước ngày 15 hằng tháng", the commune "trước ngày 20 hằng tháng"
dti --as admin calendar show 1 > "$T/c1.txt"
has "$T/c1.txt" '^month:unit=15@last,commune=20@last$' "Minh Đức's rules"
dti --as admin periods 1 2026 > "$T/p1.txt" 2> "$T/e1.txt"
has "$T/p1.txt" '^2026-03 +month +15/02/2026 14/03/2026 15/03/2026 +20/03/2026$' "Minh Đức's March"
has "$T/p1.txt" '^2026-01 +month +15/12/2025 14/01/2026 15/01/2026 +20/01/2026$' "Minh Đức's January"
[ "$(grep -c ' month ' "$T/p1.txt")" = 12 ] || fail "Minh Đức: 12 months"
[ ! -s "$T/e1.txt" ] || fail "Minh Đức: no warning expected: $(cat "$T/e1.txt")"
dti --as admin periods 1 2030 > "$T/p1b.txt"        # giai đoạn 2026–2030
has "$T/p1b.txt" '^2030-12 ' "Minh Đức's 2030"

# Vĩnh Thuận: "hằng quý trước ngày 18 của tháng cuối quý, … hằng năm trước ngày 18 tháng 12"
dti --as admin periods 2 2026 > "$T/p2.txt" 2> "$T/e2.txt"
has "$T/p2.txt" '^2026-Q1 +quarter +15/12/2025 14/03/2026 18/03/2026 ' "Vĩnh Thuận's Q1 closes before it is due"
has "$T/p2.txt" '^2026 +year +15/12/2025 14/12/2026 18/12/2026 ' "Vĩnh Thuận's year"
[ ! -s "$T/e2.txt" ] || fail "Vĩnh Thuận: no warning expected: $(cat "$T/e2.txt")"

# Vĩnh Trụ: "hằng tháng (trước ngày 20), hằng quý (trước ngày 20 tháng cuối quý), và năm (trước ngày 05/12)"
dti --as admin periods 3 2026 > "$T/p3.txt" 2> "$T/e3.txt"
has "$T/p3.txt" '^2026-03 +month +15/02/2026 14/03/2026 20/03/2026 ' "Vĩnh Trụ's March due with Q1"
has "$T/p3.txt" '^2026-Q1 +quarter +15/12/2025 14/03/2026 20/03/2026 ' "Vĩnh Trụ's Q1"
has "$T/p3.txt" '^2026 +year +15/12/2025 14/12/2026 05/12/2026 ' "Vĩnh Trụ's year"
[ "$(grep -c . "$T/e3.txt")" = 1 ] || fail "Vĩnh Trụ: one warning: $(cat "$T/e3.txt")"
has "$T/e3.txt" 'cảnh báo: Kỳ 2026: hạn đơn vị 05/12/2026 đến trước khi kỳ kết thúc \(14/12/2026\)' "Vĩnh Trụ's warning"
has "$T/import-vinh-tru-2026.txt" 'Kỳ 2026: hạn đơn vị 05/12/2026 đến trước khi kỳ kết thúc' "the import tells it too"
dti --lang en --as admin periods 3 2026 > /dev/null 2> "$T/e3en.txt"
has "$T/e3en.txt" "warning: Period 2026: the units' deadline 05/12/2026 comes before the period ends \(14/12/2026\)" "English warning"

# A 2025–2030 plan whose targets are all for 2030: periods from its stated span
cat > "$T/thu-2025-2030.md" <<'MD'
ỦY BAN NHÂN DÂN XÃ AN THỬ

Số: 9/KH-UBND

An Thử, ngày 10 tháng 3 năm 2025

**KẾ HOẠCH**

**Nâng cao chỉ số chuyển đổi số xã An Thử giai đoạn 2025–2030**

**TỔ CHỨC THỰC HIỆN**

- Các đơn vị báo cáo định kỳ hằng quý trước ngày 18 của tháng cuối quý.

| STT | Chỉ tiêu | Đơn vị chủ trì | Đơn vị phối hợp | Năm 2030 | Thời gian hoàn thành |
|---|---|---|---|---|---|
| **1** | **Hạ tầng số** | | | | |
| 1.1 | Tỷ lệ hộ gia đình có cáp quang | Phòng Văn hóa - Xã hội | Các thôn | Đạt 100% | Năm 2030 |
| 1.2 | Tỷ lệ hồ sơ trực tuyến toàn trình | Văn phòng HĐND và UBND xã | Các phòng | Đạt 90% | Năm 2030 |
MD
dti --as admin import "$T/thu-2025-2030.md" > "$T/import-thu.txt" || fail "import the 2025–2030 plan: $(cat "$T/import-thu.txt")"
dti --as admin periods 4 2026 > "$T/p4.txt" 2> "$T/e4.txt"
[ "$(grep -c ' quarter ' "$T/p4.txt")" = 4 ] || fail "2025–2030 plan: 4 quarters in 2026: $(cat "$T/p4.txt" "$T/e4.txt")"
grep -q '^2025-Q4 ' <<<"$(dti --as admin periods 4 2025)" || fail "2025–2030 plan: 2025"
dti --as admin periods 4 2031 > "$T/p4b.txt" 2> "$T/e4b.txt" || true
has "$T/e4b.txt" 'các năm 2025–2030; năm 2031 nằm ngoài' "the message says which years the plan has"
dti --as admin periods 4 --json | python3 -c '
import json, sys
j = json.load(sys.stdin)
assert j["years"] == {"from": 2025, "to": 2030, "stored": [2025, 2030], "span": [2025, 2030]}, j["years"]
' || fail "years in --json"

# a store made before the span was read keeps the targets' years only (2030):
# setting the calendar again still makes 2026 from the title's span
test_sql "$DB" "UPDATE plans SET year_from = 2030, year_to = 2030 WHERE id = 4"
dti --as admin calendar set 4 'quarter:unit=18@last' > /dev/null
[ "$(dti --as admin periods 4 2026 | grep -c ' quarter ')" = 4 ] || fail "2026 from the span alone"

# no rule at all: says so
dti --as admin calendar set 4 'quarter:unit=18@last' > /dev/null
test_sql "$DB" "DELETE FROM calendar_rules WHERE plan_id = 4; DELETE FROM periods WHERE plan_id = 4"
dti --as admin periods 4 2026 > /dev/null 2> "$T/e4c.txt" || true
has "$T/e4c.txt" 'chưa có quy tắc nào' "the no-rule message"

# three quarter windows and a year: exactly those, no "cần đúng 4 khung"
dti --as admin calendar set 4 'quarter:window=01/01-09/03,10/03-09/06,10/06-09/09:unit=10@last' \
  'year:window=01/01-09/12:unit=10@last' > "$T/s4.txt" 2> "$T/s4e.txt" || fail "three windows refused: $(cat "$T/s4e.txt")"
dti --as admin periods 4 2026 > "$T/p4d.txt"
[ "$(grep -c ' quarter ' "$T/p4d.txt")" = 3 ] || fail "three quarters: $(cat "$T/p4d.txt")"
has "$T/p4d.txt" '^2026-Q3 +quarter +10/06/2026 09/09/2026 10/09/2026 ' "Q3 window"
grep -q '^2026-Q4 ' "$T/p4d.txt" && fail "an invented Q4"

# calendar quarters when the plan says so: Q1 ends 31/03, due 18/03 — told
dti --as admin calendar set 4 'quarter:cutoff=none:unit=18@last' > /dev/null 2> "$T/s4f.txt"
has "$T/s4f.txt" 'Kỳ 2026-Q1: hạn đơn vị 18/03/2026 đến trước khi kỳ kết thúc \(31/03/2026\)' "calendar quarters warned"
echo "calendar_plans ok: 15→14 by default, Vĩnh Trụ's year warned, 2025–2030 span, three windows"
