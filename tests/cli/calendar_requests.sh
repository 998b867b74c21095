#!/usr/bin/env bash
# Ad-hoc ("đột xuất") and weekly requests (issue 13, point 6;
# src/app/plan/request.h): the coordinator opens them with their own
# deadline; bad input is refused naming the field and changes nothing; a
# reporter may not open one; a unit asked reports under the request's code,
# on time or late against the request's deadline. Dates are pinned (DTI_NOW).
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
export DTI_PASSWORD=demo-2026
NOW=2026-12-07T02:00:00Z
at $NOW demo >/dev/null 2>&1
KT=$(at $NOW --as admin report status 1 2026-11 --json | python3 -c 'import json,sys
d=json.load(sys.stdin)
rows=d.get("orgs") or d.get("units") or []
print(next(r.get("org_id") or r.get("id") for r in rows if r.get("org")=="Phòng Kinh tế xã" or r.get("name")=="Phòng Kinh tế xã"))')

# ad-hoc: the plan's leads by default, code YYYY-D01
at $NOW --as dieuphoi calendar request 1 adhoc --title "Báo cáo đột xuất về an toàn thông tin" \
  --from 01/12/2026 --to 06/12/2026 --due 10/12/2026 > "$T/o1.txt"
has "$T/o1.txt" '^Đã mở yêu cầu báo cáo cho kế hoạch 1: 2026-D01 \([0-9]+ đơn vị\)$' "ad-hoc opened"
# weekly: weeks 49 and 50 of 2026 (30/11–13/12), due 2 days after Sunday, one unit
at $NOW --as dieuphoi calendar request 1 week --from 03/12/2026 --to 13/12/2026 --days 2 --unit "$KT" > "$T/o2.txt"
has "$T/o2.txt" ': 2026-W49 2026-W50 \(1 đơn vị\)$' "weekly opened"
at $NOW --as dieuphoi calendar requests 1 > "$T/l.txt"
has "$T/l.txt" '^2026-W49	Tuần 49/2026	30/11/2026–06/12/2026	hạn 08/12/2026	Phòng Kinh tế xã$' "week 49 listed"
has "$T/l.txt" '^2026-D01	Đột xuất: Báo cáo đột xuất về an toàn thông tin	01/12/2026–06/12/2026	hạn 10/12/2026	.*Phòng Kinh tế xã' "ad-hoc listed"

# refused, naming the field, nothing changed
refuse() { local field=$1 msg=$2; shift 2
  if at $NOW --as dieuphoi calendar request 1 "$@" 2> "$T/err"; then fail "accepted: $*"; fi
  has "$T/err" "$msg" "refusal of $field"; }
refuse title 'Thiếu tên báo cáo đột xuất' adhoc --from 01/12/2026 --to 06/12/2026 --due 10/12/2026
refuse from 'Ngày bắt đầu "32/12/2026" không phải một ngày' adhoc --title X --from 32/12/2026 --to 06/12/2026 --due 10/12/2026
refuse to 'Ngày kết thúc đứng trước ngày bắt đầu' adhoc --title X --from 06/12/2026 --to 01/12/2026 --due 10/12/2026
refuse due 'Hạn nộp đã qua' adhoc --title X --from 01/11/2026 --to 06/11/2026 --due 01/12/2026
refuse days 'Số ngày sau cuối tuần phải từ 0 đến 31' week --from 14/12/2026 --to 20/12/2026 --days 40
refuse from 'Tuần 50/2026 đã được yêu cầu báo cáo' week --from 07/12/2026 --to 20/12/2026 --days 2
refuse kind 'Loại yêu cầu "monthly" không có' monthly --from 07/12/2026 --to 20/12/2026
refuse orgs 'Không có đơn vị số 99999 trong kế hoạch' week --from 14/12/2026 --to 20/12/2026 --days 1 --unit 99999
at $NOW --as dieuphoi calendar requests 1 > "$T/l2.txt"
cmp -s "$T/l.txt" "$T/l2.txt" || fail "a refusal changed the requests"
# a reporter may not open one
if at $NOW --as kinhte calendar request 1 adhoc --title X --from 01/12/2026 --to 06/12/2026 --due 10/12/2026 2>/dev/null; then
  fail "a reporter opened a request"; fi
at $NOW --as admin audit log > "$T/audit.txt" 2>&1 || true
[ "$(grep -c 'request.open' "$T/audit.txt")" = 2 ] || fail "two request.open in the audit log: $(grep -c request.open "$T/audit.txt")"

# the unit reports: week 49 on time (08/12), week 50 late (due 15/12, sent 17/12)
printf 'code,numerator,denominator\n5.1,15,40\n' > "$T/kt.csv"
at 2026-12-08T03:00:00Z --as kinhte report fill 1 "$KT" 2026-W49 --csv "$T/kt.csv" >/dev/null 2>&1
at 2026-12-08T03:05:00Z --as kinhte report submit 1 "$KT" 2026-W49 >/dev/null
at 2026-12-17T03:00:00Z --as kinhte report fill 1 "$KT" 2026-W50 --csv "$T/kt.csv" >/dev/null 2>&1
at 2026-12-17T03:05:00Z --as kinhte report submit 1 "$KT" 2026-W50 >/dev/null
# a week not requested is refused
if at 2026-12-17T03:00:00Z --as kinhte report fill 1 "$KT" 2026-W51 --csv "$T/kt.csv" 2> "$T/err"; then
  fail "a week never requested accepted"; fi
has "$T/err" 'không có yêu cầu báo cáo 2026-W51' "unrequested week"
# a unit the week does not ask may not report it
if at 2026-12-08T03:00:00Z --as yte report fill 1 "Trạm Y tế xã" 2026-W49 --csv "$T/kt.csv" 2> "$T/err"; then
  fail "a unit not asked reported week 49"; fi
has "$T/err" 'yêu cầu báo cáo 2026-W49 không gửi cho đơn vị này' "unit not asked"
at 2026-12-18T03:00:00Z --as dieuphoi report show 1 "$KT" 2026-W49 --json > "$T/w49.json"
at 2026-12-18T03:00:00Z --as dieuphoi report show 1 "$KT" 2026-W50 --json > "$T/w50.json"
tl() { python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))["timeliness"]; print(t["status"], t.get("late_days", 0))' "$1"; }
[ "$(tl "$T/w49.json")" = "on_time 0" ] || fail "week 49 on time: $(tl "$T/w49.json")"
[ "$(tl "$T/w50.json")" = "late 2" ] || fail "week 50 late by 2 days: $(tl "$T/w50.json")"

# CLI dates are Vietnam time (UTC+7): a reopen at 17:30 UTC on 18/12 is 00:30
# on 19/12 in `report versions` and `audit log`; --json keeps the UTC instant
LATE=2026-12-18T17:30:00Z
at $LATE --as dieuphoi report approve 1 "$KT" 2026-W49 >/dev/null
at $LATE --as dieuphoi report reopen 1 "$KT" 2026-W49 --reason "Bổ sung minh chứng" >/dev/null
at $LATE --as dieuphoi report versions 1 "$KT" 2026-W49 > "$T/vers.txt"
has "$T/vers.txt" '^1  approved +08/12/2026 10:00  ' "version 1 in Vietnam time"
has "$T/vers.txt" '^2  returned +19/12/2026 00:30  Bổ sung minh chứng$' "version 2 in Vietnam time"
grep -q 'T17:30:00Z' "$T/vers.txt" && fail "versions print the UTC instant: $(cat "$T/vers.txt")"
at $LATE --as dieuphoi report versions 1 "$KT" 2026-W49 --json > "$T/vers.json"
python3 -c 'import json,sys; v=json.load(open(sys.argv[1])); assert v[-1]["created_at"]=="2026-12-18T17:30:00Z", v' "$T/vers.json" \
  || fail "versions --json lost the UTC instant: $(cat "$T/vers.json")"
at $LATE --as admin audit log --entity report > "$T/alog.txt"
has "$T/alog.txt" '^ *[0-9]+ 19/12/2026 00:30 dieuphoi +report.reopen ' "audit log in Vietnam time"
grep -q 'T17:30:00Z dieuphoi' "$T/alog.txt" && fail "audit log prints the UTC instant"
at $LATE --as admin audit log --entity report --json > "$T/alog.json"
python3 -c 'import json,sys; l=json.load(open(sys.argv[1])); assert any(x["action"]=="report.reopen" and x["at"]=="2026-12-18T17:30:00Z" for x in l)' "$T/alog.json" \
  || fail "audit log --json lost the UTC instant"
echo "calendar_requests: ok"
