#!/usr/bin/env bash
# Editing and cancelling ad-hoc and weekly requests (issue 13, point 6;
# src/app/plan/request.h), their reminders (src/app/remind/remind.h) and
# `report status` on a request's code. A request is edited (title, deadline,
# units) only before any unit has saved a report under it; it is cancelled
# with a reason, stays in the list marked "ĐÃ HỦY" with who/when/why, keeps
# the reports saved under it and takes no new one. Each is audited; a
# refusal names what is wrong and changes nothing. Every run pins DTI_NOW.
set -euo pipefail
: "${DTI:?}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# shellcheck source=tests/lib/db.sh
. "$(dirname "$0")/../lib/db.sh"
DB=$(test_db "$T/req.db")
fail() { echo "FAIL: $*" >&2; exit 1; }
at() { local when=$1; shift; DTI_NOW=$when "$DTI" --db "$DB" "$@"; }
has() { grep -Eq "$2" "$1" || fail "$3: $(cat "$1")"; }
hasnt() { if grep -Eq "$2" "$1"; then fail "$3: $(cat "$1")"; fi; }
export DTI_PASSWORD=demo-2026
NOW=2026-12-07T02:00:00Z
at $NOW demo >/dev/null 2>&1
org_of() { at $NOW --as admin user list | awk -v u="$1" '$1 == u { print $3 }'; }
KT=$(org_of kinhte); YT=$(org_of yte); VH=$(org_of vhxh)
[ -n "$KT" ] && [ -n "$YT" ] && [ -n "$VH" ] || fail "unit ids: kinhte=$KT yte=$YT vhxh=$VH"
# the monthly reminders of the demo are not this test's business: settle them first
at $NOW remind >/dev/null

at $NOW --as dieuphoi calendar request 1 adhoc --title "ATTT" --from 01/12/2026 --to 06/12/2026 \
  --due 10/12/2026 --unit "$KT" --unit "$YT" >/dev/null
# announced at once to the units' reporters, with the deadline reminder of the day
at $NOW remind > "$T/r1.txt"
has "$T/r1.txt" '^yêu cầu mới kinhte .*Yêu cầu báo cáo mới: đột xuất “ATTT” của Phòng Kinh tế xã, hạn 10/12/2026$' "opened told to kinhte"
has "$T/r1.txt" '^yêu cầu mới yte ' "opened told to yte"
has "$T/r1.txt" '^trước hạn kinhte .*Nhắc hạn: báo cáo đột xuất “ATTT” của Phòng Kinh tế xã, hạn 10/12/2026 \(còn 3 ngày\)$' "deadline reminder"
hasnt "$T/r1.txt" ' vhxh ' "vhxh is not asked"

# the edit: a new title and deadline, yte dropped, vhxh added
E=2026-12-07T03:00:00Z
at $E --as dieuphoi calendar request-edit 1 2026-D01 --title "An toàn thông tin" --due 11/12/2026 \
  --unit "$KT" --unit "$VH" > "$T/e.txt"
has "$T/e.txt" '^Đã sửa yêu cầu 2026-D01: Đột xuất: An toàn thông tin, hạn 11/12/2026, 2 đơn vị$' "edited"
at $E --as dieuphoi calendar requests 1 > "$T/l.txt"
has "$T/l.txt" '^2026-D01	Đột xuất: An toàn thông tin	01/12/2026–06/12/2026	hạn 11/12/2026	Phòng Kinh tế xã, Phòng Văn hóa - Xã hội$' "listed after the edit"

# refusals name what is wrong and change nothing
refuse() { local msg=$1; shift
  if at $E "$@" 2> "$T/err"; then fail "accepted: $*"; fi
  has "$T/err" "$msg" "refusal: $*"; }
refuse 'Hạn nộp đã qua: chọn từ hôm nay trở đi' --as dieuphoi calendar request-edit 1 2026-D01 --due 06/12/2026
refuse 'Hạn nộp đứng trước ngày bắt đầu' --as dieuphoi calendar request-edit 1 2026-D01 --due 30/11/2026
refuse 'Hạn nộp "31/02/2026" không phải một ngày' --as dieuphoi calendar request-edit 1 2026-D01 --due 31/02/2026
refuse 'Tên báo cáo không được để trống' --as dieuphoi calendar request-edit 1 2026-D01 --title "   "
refuse 'Không có gì thay đổi' --as dieuphoi calendar request-edit 1 2026-D01 --due 11/12/2026
refuse 'Không có đơn vị số 99999 trong kế hoạch' --as dieuphoi calendar request-edit 1 2026-D01 --unit 99999
refuse 'Kế hoạch số 1 không có yêu cầu báo cáo "2026-D09"' --as dieuphoi calendar request-edit 1 2026-D09 --due 12/12/2026
refuse 'không có quyền' --as kinhte calendar request-edit 1 2026-D01 --due 12/12/2026
refuse 'không có quyền' --as kinhte calendar request-cancel 1 2026-D01 --reason x
refuse 'Cần ghi lý do hủy yêu cầu' --as dieuphoi calendar request-cancel 1 2026-D01 --reason " "
refuse 'The deadline has passed: choose today or later' --lang en --as dieuphoi calendar request-edit 1 2026-D01 --due 06/12/2026
at $E --as dieuphoi calendar requests 1 > "$T/l2.txt"
cmp -s "$T/l.txt" "$T/l2.txt" || fail "a refusal changed the requests: $(diff "$T/l.txt" "$T/l2.txt")"

# report status on the request's code: the units it asks now
at $E --as dieuphoi report status 1 2026-D01 > "$T/s.txt"
has "$T/s.txt" '^Kỳ 2026-D01 · hạn đơn vị 11/12/2026 · phải nộp 2, đã nộp 0, đúng hạn 0$' "status of the request"
has "$T/s.txt" '^  Đột xuất: An toàn thông tin$' "status names the request"
has "$T/s.txt" 'Phòng Văn hóa - Xã hội' "vhxh expected"
hasnt "$T/s.txt" 'Trạm Y tế' "yte no longer expected"
if at $E --as dieuphoi score 1 2026-D01 > "$T/sc.txt" 2> "$T/err"; then fail "a request was scored: $(cat "$T/sc.txt")"; fi
has "$T/err" '2026-D01 là một yêu cầu báo cáo đột xuất hoặc hằng tuần: yêu cầu không tính chỉ số' "score of a request refused"
if at $E --as dieuphoi report status 1 2026-D07 2> "$T/err"; then fail "status of an unknown request"; fi
has "$T/err" 'không có yêu cầu báo cáo 2026-D07' "unknown request's status"

# the next run: the change to kinhte, the drop to yte, the opening to vhxh; then nothing twice
at 2026-12-07T04:00:00Z remind > "$T/r2.txt"
has "$T/r2.txt" '^yêu cầu đổi kinhte .*Yêu cầu báo cáo đột xuất “An toàn thông tin” của Phòng Kinh tế xã đã thay đổi: hạn 11/12/2026$' "change told"
has "$T/r2.txt" '^yêu cầu đổi yte .*Không còn yêu cầu Trạm Y tế xã báo cáo đột xuất “An toàn thông tin”$' "drop told"
has "$T/r2.txt" '^yêu cầu mới vhxh ' "opened told to the unit added"
at 2026-12-07T05:00:00Z remind > "$T/r3.txt"
has "$T/r3.txt" '^Đã ghi 0 thông báo' "nothing told twice"

# a dropped unit may no longer report; once a unit has saved a report the request is fixed
printf 'code,numerator,denominator\n5.1,15,40\n' > "$T/kt.csv"
if at 2026-12-08T03:00:00Z --as yte report fill 1 "$YT" 2026-D01 --csv "$T/kt.csv" 2> "$T/err"; then
  fail "a dropped unit reported"; fi
has "$T/err" 'không gửi cho đơn vị này' "dropped unit refused"
at 2026-12-08T03:00:00Z --as kinhte report fill 1 "$KT" 2026-D01 --csv "$T/kt.csv" >/dev/null 2>&1
if at 2026-12-08T03:10:00Z --as dieuphoi calendar request-edit 1 2026-D01 --due 14/12/2026 2> "$T/err"; then
  fail "edited after a unit answered"; fi
has "$T/err" 'Đã có đơn vị báo cáo theo yêu cầu 2026-D01: không sửa được nữa' "edit after an answer"

# cancelled: listed with who/when/why, the report kept, no new one, reminders stop
C=2026-12-08T04:00:00Z
at $C --as dieuphoi calendar request-cancel 1 2026-D01 --reason "Trùng với báo cáo tháng 12" > "$T/c.txt"
has "$T/c.txt" '^Đã hủy yêu cầu 2026-D01 \(Đột xuất: An toàn thông tin\): Trùng với báo cáo tháng 12$' "cancelled"
has "$T/c.txt" '^Báo cáo đã lưu được giữ lại: 1$' "reports kept"
at $C --as dieuphoi calendar requests 1 > "$T/l3.txt"
has "$T/l3.txt" '^2026-D01	.*	ĐÃ HỦY \(Phòng Văn hóa - Xã hội \(điều phối\), 08/12/2026 11:00\): Trùng với báo cáo tháng 12$' "cancelled in the list, in Vietnam's time"
at $C --json --as dieuphoi calendar requests 1 > "$T/l3.json"
python3 - "$T/l3.json" <<'PY' || fail "cancelled request's JSON"
import json, sys
r = json.load(open(sys.argv[1]))[0]
assert r["cancelled_at"] == "2026-12-08T04:00:00Z", r  # JSON keeps the instant in UTC ISO
assert r["code"] == "2026-D01" and r["cancelled"] is True and r["state"] == "cancelled", r
assert r["state_label"] == "đã hủy" and r["cancel_reason"] == "Trùng với báo cáo tháng 12", r
assert r["reports"] == 1 and r["editable"] is False, r
PY
at $C --as dieuphoi report show 1 "$KT" 2026-D01 --json > "$T/kept.json"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["state"]=="draft", d' "$T/kept.json" || fail "the report is kept"
if at $C --as kinhte report fill 1 "$KT" 2026-D01 --csv "$T/kt.csv" 2> "$T/err"; then fail "a cancelled request took a report"; fi
has "$T/err" 'Yêu cầu báo cáo 2026-D01 đã hủy: không nhận báo cáo mới' "fill refused after cancel"
if at $C --as kinhte report submit 1 "$KT" 2026-D01 2> "$T/err"; then fail "a draft of a cancelled request was submitted"; fi
has "$T/err" 'Yêu cầu báo cáo 2026-D01 đã hủy' "submit refused after cancel"
if at $C --as dieuphoi calendar request-cancel 1 2026-D01 --reason again 2> "$T/err"; then fail "cancelled twice"; fi
has "$T/err" 'Yêu cầu 2026-D01 đã hủy từ trước' "cancel twice"
if at $C --as dieuphoi calendar request-edit 1 2026-D01 --due 20/12/2026 2> "$T/err"; then fail "edited a cancelled request"; fi
has "$T/err" 'Yêu cầu 2026-D01 đã hủy: không sửa được' "edit after cancel"
at $C --as dieuphoi report status 1 2026-D01 > "$T/s2.txt"
has "$T/s2.txt" '^  Đột xuất: An toàn thông tin · đã hủy lúc 08/12/2026 11:00: Trùng với báo cáo tháng 12$' "status says cancelled"
at 2026-12-08T05:00:00Z remind > "$T/r4.txt"
has "$T/r4.txt" '^yêu cầu hủy kinhte .*Đã hủy yêu cầu báo cáo đột xuất “An toàn thông tin” của Phòng Kinh tế xã$' "cancel told to kinhte"
has "$T/r4.txt" '^yêu cầu hủy vhxh ' "cancel told to vhxh"
hasnt "$T/r4.txt" '^yêu cầu hủy yte ' "the dropped unit is not told of the cancel"
at 2026-12-11T05:00:00Z remind > "$T/r5.txt"
hasnt "$T/r5.txt" 'An toàn thông tin' "no reminder of a cancelled request"

# a week cancelled before it is announced is news to no one
at $C --as dieuphoi calendar request 1 week --from 28/12/2026 --to 03/01/2027 --days 1 --unit "$KT" >/dev/null
at $C --as dieuphoi calendar request-cancel 1 2026-W53 --reason "Nghỉ Tết dương lịch" >/dev/null
at 2026-12-22T05:00:00Z remind > "$T/r6.txt"
hasnt "$T/r6.txt" 'tuần 53' "an unannounced week's cancel is not told"

at $C --as admin audit log > "$T/audit.txt" 2>&1 || true
[ "$(grep -c 'request.edit' "$T/audit.txt")" = 1 ] || fail "one request.edit: $(grep -c request.edit "$T/audit.txt")"
[ "$(grep -c 'request.cancel' "$T/audit.txt")" = 2 ] || fail "two request.cancel: $(grep -c request.cancel "$T/audit.txt")"
echo "calendar_requests_edit: ok"
