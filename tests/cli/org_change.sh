#!/usr/bin/env bash
# org_change.sh — `dti org rename|merge|close` (app/orgs/orgs.h,
# docs/orgs.md) on a generated province at pinned dates around a change
# taking effect on 01/07/2026: bad input is refused naming the field and
# changes nothing; a commune's coordinator renames, merges and closes its
# units, the province's coordinator merges two communes; the periods
# before keep the old orgs and names (their reports stay theirs), later
# ones count under the new; what is owed follows the assignments; the
# rankings explain both sides; the audit log holds every change.
set -euo pipefail
: "${DTI:?}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
eq() { [ "$1" = "$2" ] || fail "$3: got '$1', want '$2'"; }
has() { grep -qF -- "$2" "$1" || fail "$3: '$2' not in: $(cat "$1")"; }
hasnt() { if grep -qF -- "$2" "$1"; then fail "$3: '$2' in: $(cat "$1")"; fi; }
DB=$T/o.db
q() { sqlite3 "$DB" "$1"; }
export DTI_PASSWORD=matkhau-123
export DTI_NOW=2026-07-02T03:00:00Z
"$DTI" --db "$DB" gen country --provinces 1 --communes 4 --months 6 > "$T/gen.txt" || fail "gen: $(cat "$T/gen.txt")"
BA=$(q "SELECT id FROM orgs WHERE kind = 'commune' AND name = 'Bình An'")
HB=$(q "SELECT id FROM orgs WHERE kind = 'commune' AND name = 'Hòa Bình'")
PH=$(q "SELECT id FROM orgs WHERE kind = 'commune' AND name = 'Phú Hòa'")
unit() { q "SELECT id FROM orgs WHERE parent_id = $BA AND name = '$1'"; }
VH=$(unit "Phòng Văn hóa - Xã hội"); KT=$(unit "Phòng Kinh tế"); YT=$(unit "Trạm Y tế xã")
CN=$(unit "Tổ công nghệ số cộng đồng")
[ -n "$VH" ] && [ -n "$KT" ] && [ -n "$YT" ] && [ -n "$CN" ] && [ -n "$HB" ] && [ -n "$PH" ] || fail "gen's orgs"
PLAN=$(q "SELECT id FROM plans WHERE org_id = $BA")
"$DTI" --db "$DB" --as admin user add xa-binhan --role coordinator --org "$BA" > /dev/null
"$DTI" --db "$DB" --as admin user add kt-binhan --role reporter --org "$KT" > /dev/null
"$DTI" --db "$DB" --as admin user add xa-hoabinh --role coordinator --org "$HB" > /dev/null
YT_REPORTS=$(q "SELECT COUNT(*) FROM reports WHERE org_id = $YT")
[ "$YT_REPORTS" -gt 0 ] || fail "the health station made no report before the merger"
YT_CODE=$(q "SELECT i.code FROM assignments a JOIN indicators i ON i.id = a.indicator_id WHERE a.org_id = $YT
             AND a.role = 'lead' AND a.valid_to IS NULL AND NOT EXISTS (SELECT 1 FROM assignments b
             WHERE b.indicator_id = a.indicator_id AND b.org_id = $KT) ORDER BY i.seq LIMIT 1")
[ -n "$YT_CODE" ] || fail "no indicator led by the health station alone"

# ---- bad input: refused, the field named, nothing changed ----------------------
snap() { q "SELECT * FROM orgs; SELECT * FROM assignments; SELECT * FROM org_changes; SELECT * FROM org_names;
            SELECT COUNT(*) FROM audit; SELECT * FROM org_aliases" | sha256sum; }
S0=$(snap)
refuse() {  # STATUS TEXT ARGS...: refused with exit STATUS, the message holding TEXT
  local want=$1 text=$2; shift 2
  set +e; "$DTI" --db "$DB" "$@" > "$T/bad.txt" 2>&1; local rc=$?; set -e
  eq "$rc" "$want" "exit status of '$*' ($(cat "$T/bad.txt"))"
  has "$T/bad.txt" "$text" "message of '$*'"
  eq "$(snap)" "$S0" "'$*' changed the store"
}
refuse 2 "name:" --as xa-binhan org rename "$VH" --date 2026-07-01
refuse 2 "date:" --as xa-binhan org rename "$VH" "Phòng Mới" --date 2026-02-30
refuse 2 "date:" --as xa-binhan org rename "$VH" "Phòng Mới" --date 2026-08-01      # not yet in force
refuse 2 "date:" --as xa-binhan org close "$CN"
refuse 2 "orgs:" --as xa-binhan org merge "$KT" --into "$KT" --date 2026-07-01
refuse 2 "into:" --as xa-binhan org merge "$KT" "$YT" --into "$VH" --date 2026-07-01
refuse 2 "name:" --as xa-binhan org merge "$KT" "$YT" --date 2026-07-01
refuse 2 "orgs:" --as xa-binhan org merge "$KT" "$KT" --into "$KT" --date 2026-07-01
refuse 2 "orgs:" --as sokhcn-01 org merge "$KT" "$HB" --into "$HB" --date 2026-07-01   # a unit and a commune
refuse 2 "note:" --as xa-binhan org close "$CN" --date 2026-07-01 --note "$(head -c 3000 /dev/zero | tr '\0' x)"
refuse 1 "không có quyền" --as xa-binhan org merge "$BA" "$HB" --into "$BA" --date 2026-07-01   # communes: the province's
refuse 1 "không có quyền" --as kt-binhan org close "$KT" --date 2026-07-01              # its own unit: a reporter
refuse 1 "không tìm thấy" --as xa-hoabinh org close "$CN" --date 2026-07-01                    # another commune's unit
refuse 1 "9999" --as xa-binhan org close 9999 --date 2026-07-01

# ---- the changes, recorded the day after they take effect ------------------------
"$DTI" --db "$DB" --as xa-binhan org rename "$VH" "Phòng Văn hóa, Khoa học và Thông tin" --date 01/07/2026 \
  --note "QĐ 12/QĐ-UBND" > "$T/out.txt" || fail "rename: $(cat "$T/out.txt")"
"$DTI" --db "$DB" --as xa-binhan org merge "$KT" "$YT" --into "$KT" --date 2026-07-01 > "$T/out.txt" \
  || fail "merge units: $(cat "$T/out.txt")"
"$DTI" --db "$DB" --as xa-binhan org close "$CN" --date 2026-07-01 > "$T/out.txt" || fail "close: $(cat "$T/out.txt")"
"$DTI" --db "$DB" --as sokhcn-01 org merge "$HB" "$PH" --name "Xã Hòa Phú" --date 2026-07-01 \
  --note "Nghị quyết sắp xếp ĐVHC 2026" > "$T/out.txt" || fail "merge communes: $(cat "$T/out.txt")"
HP=$(q "SELECT id FROM orgs WHERE name = 'Xã Hòa Phú'")
eq "$(q "SELECT valid_from || ' ' || COALESCE(valid_to, '-') FROM orgs WHERE id = $HP")" "2026-07-01 -" "the new commune"
eq "$(q "SELECT COUNT(*) FROM orgs WHERE id IN ($HB, $PH, $YT, $CN) AND valid_to = '2026-07-01'")" 4 "the ended orgs"
eq "$(q "SELECT COUNT(*) FROM orgs WHERE parent_id IN ($HB, $PH) AND valid_to IS NULL")" 0 "the merged communes' units"
eq "$(q "SELECT id || ' ' || name FROM orgs WHERE id = $VH")" "$VH Phòng Văn hóa, Khoa học và Thông tin" "renamed, same id"
# an org no longer in force cannot change again, and a day before a change is refused
S0=$(snap)
refuse 1 "đã thôi hoạt động" --as sokhcn-01 org close "$HB" --date 2026-07-01
refuse 1 "2026-07-01" --as xa-binhan org rename "$VH" "Phòng X" --date 2026-06-15

# the audit log: each change, and the chain holds
eq "$(q "SELECT group_concat(action, ' ') FROM (SELECT action FROM audit WHERE action LIKE 'org.%' ORDER BY seq)")" \
  "org.rename org.merge org.close org.merge" "audited changes"
"$DTI" --db "$DB" --as admin audit verify > "$T/verify.txt" 2>&1 || fail "audit verify: $(cat "$T/verify.txt")"
"$DTI" --db "$DB" --as xa-binhan org history > "$T/hist.txt"
eq "$(wc -l < "$T/hist.txt")" 3 "the commune coordinator sees its own three changes ($(cat "$T/hist.txt"))"
"$DTI" --db "$DB" --as sokhcn-01 org history "$HP" --json > "$T/hist.json"
has "$T/hist.json" "Nghị quyết sắp xếp ĐVHC 2026" "history of the new commune"

# ---- what is owed follows; reports stay with the org that made them --------------
export DTI_NOW=2026-08-10T03:00:00Z
"$DTI" --db "$DB" --as xa-binhan report status "$PLAN" 2026-06 > "$T/s06.txt"
has "$T/s06.txt" "Trạm Y tế xã" "June is owed by the health station"
has "$T/s06.txt" "Tổ công nghệ số cộng đồng" "June is owed by the closed team"
has "$T/s06.txt" "Phòng Văn hóa - Xã hội" "June's list under the old name"
"$DTI" --db "$DB" --as xa-binhan report status "$PLAN" 2026-07 > "$T/s07.txt"
hasnt "$T/s07.txt" "Trạm Y tế xã" "July owed by the merged health station"
hasnt "$T/s07.txt" "Tổ công nghệ số" "July owed by the closed team"
has "$T/s07.txt" "Phòng Kinh tế" "July owed by the successor"
has "$T/s07.txt" "Phòng Văn hóa, Khoa học và Thông tin" "July's list under the new name"
"$DTI" --db "$DB" --as xa-binhan report status "$PLAN" 2026-06 --json > "$T/s06.json"
has "$T/s06.json" "Đã sáp nhập vào Phòng Kinh tế từ ngày 01/07/2026" "June's list explains the merger"
eq "$(q "SELECT COUNT(*) FROM reports WHERE org_id = $YT")" "$YT_REPORTS" "the health station's reports"
# the successor reports on the merged unit's indicator for July: it counts
printf 'code,value,note\n%s,42,sau sáp nhập\n' "$YT_CODE" > "$T/jul.csv"
"$DTI" --db "$DB" --as kt-binhan report fill "$PLAN" "$KT" 2026-07 --csv "$T/jul.csv" > "$T/out.txt" 2>&1 \
  || fail "fill: $(cat "$T/out.txt")"
"$DTI" --db "$DB" --as kt-binhan report submit "$PLAN" "$KT" 2026-07 > "$T/out.txt" 2>&1 || fail "submit: $(cat "$T/out.txt")"
"$DTI" --db "$DB" --as xa-binhan report approve "$PLAN" "$KT" 2026-07 > "$T/out.txt" || fail "approve: $(cat "$T/out.txt")"
"$DTI" --db "$DB" --as xa-binhan score "$PLAN" 2026-07 --json > "$T/score.json"
python3 - "$T/score.json" "$YT_CODE" "$KT" <<'PY' || fail "July's value of $YT_CODE is not the successor's"
import json, sys
j = json.load(open(sys.argv[1]))
ind = next(i for i in j["indicators"] if i["code"] == sys.argv[2])
obs = [o for o in ind["observations"] if o["period"] == "2026-07"]
sys.exit(0 if obs and obs[0]["org_id"] == int(sys.argv[3]) and obs[0]["value"] == 42 else 1)
PY

# ---- rankings before and after explain themselves -------------------------------
rows() {  # AS PERIOD KIND: "name | note" per row
  "$DTI" --db "$DB" --as "$1" rank "$PLAN" "$2" "$3" --json |
    python3 -c "import json,sys; [print(r['name'] + ' | ' + (r.get('note') or '')) for r in json.load(sys.stdin)['rows']]"
}
rows xa-binhan 2026-06 --units > "$T/u06.txt"
has "$T/u06.txt" "Phòng Văn hóa - Xã hội | Từ ngày 01/07/2026 đổi tên thành Phòng Văn hóa, Khoa học và Thông tin" "June: old name"
has "$T/u06.txt" "Trạm Y tế xã | Đã sáp nhập vào Phòng Kinh tế từ ngày 01/07/2026" "June: merged unit"
has "$T/u06.txt" "Tổ công nghệ số cộng đồng | Giải thể từ ngày 01/07/2026" "June: closed unit"
rows xa-binhan 2026-07 --units > "$T/u07.txt"
has "$T/u07.txt" "Phòng Văn hóa, Khoa học và Thông tin | Trước ngày 01/07/2026 tên là Phòng Văn hóa - Xã hội" "July: new name"
has "$T/u07.txt" "Phòng Kinh tế | Sáp nhập từ Phòng Kinh tế và Trạm Y tế xã ngày 01/07/2026" "July: successor"
hasnt "$T/u07.txt" "Trạm Y tế xã |" "July: the merged unit listed"
hasnt "$T/u07.txt" "Tổ công nghệ số" "July: the closed unit listed"
rows sokhcn-01 2026-06 --communes > "$T/c06.txt"
eq "$(wc -l < "$T/c06.txt")" 4 "June: four communes ($(cat "$T/c06.txt"))"
has "$T/c06.txt" "Hòa Bình | Đã sáp nhập vào Xã Hòa Phú từ ngày 01/07/2026" "June: merged commune"
has "$T/c06.txt" "Phú Hòa | Đã sáp nhập vào Xã Hòa Phú từ ngày 01/07/2026" "June: merged commune"
rows sokhcn-01 2026-07 --communes > "$T/c07.txt"
eq "$(wc -l < "$T/c07.txt")" 3 "July: three communes ($(cat "$T/c07.txt"))"
has "$T/c07.txt" "Xã Hòa Phú | Sáp nhập từ Hòa Bình và Phú Hòa ngày 01/07/2026" "July: the new commune"
hasnt "$T/c07.txt" "Hòa Bình |" "July: a merged commune listed"
"$DTI" --db "$DB" --as sokhcn-01 rank "$PLAN" 2026-07 --communes > "$T/c07.txt"
has "$T/c07.txt" "↳ Sáp nhập từ Hòa Bình và Phú Hòa ngày 01/07/2026" "July's text ranking explains the merger"
# in English too
"$DTI" --lang en --db "$DB" --as sokhcn-01 rank "$PLAN" 2026-07 --communes --json > "$T/c07en.json"
has "$T/c07en.json" "Merged from Hòa Bình and Phú Hòa on 01/07/2026" "English explanation"
echo "org_change: ok"
