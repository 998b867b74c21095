#!/usr/bin/env bash
# report_numbers.sh — issue 9 §3, §6, §12 through the real binary on the Minh
# Đức plan: numbers read the Vietnamese way and checked per indicator (the
# refusals name the line, the indicator and the column, and change nothing);
# a value stored before these checks never breaks the score; a text target's
# level is scored; an approved report is locked until a coordinator reopens
# it; whoever filled or submitted a report does not approve it unless the
# commune allows it, and the report then says so.
set -euo pipefail
: "${DTI:?}" "${SHARED:?}"
T=$(mktemp -d)
# shellcheck source=tests/lib/db.sh
. "$(dirname "$0")/../lib/db.sh"
trap 'rm -rf "$T"' EXIT
DB=$(test_db "$T/dti.db")
export DTI_PASSWORD=mat-khau-so-lieu
fail() { echo "FAIL: $*" >&2; exit 1; }
dti() { "$DTI" --db "$DB" "$@"; }
at() { local t=$1; shift; DTI_NOW=$t "$DTI" --db "$DB" "$@"; }
json() { python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print($2)" "$1"; }
eq() { [ "$1" = "$2" ] || fail "$3: got '$1', want '$2'"; }

DTI_NOW=2026-04-08T02:00:00Z dti import "$SHARED/plans/minh-duc-2026-2030-dti.txt" > /dev/null
PLAN=1
dti user add admin --role admin > /dev/null
dti --as admin user add vhxh --role coordinator --org "Minh Đức" > /dev/null
dti --as admin user add hcc --role reporter --org "Trung tâm phục vụ Hành chính công" > /dev/null
dti --as admin user add vanhoa --role reporter --org "Phòng VH-XH" > /dev/null
HCC="Trung tâm phục vụ Hành chính công"
audit_n() { test_sql "$DB" "SELECT COUNT(*) FROM audit"; }

# ---- refusals: each names where and why, and nothing is stored ------------
refuse() {   # refuse WANT CSV-TEXT: the fill fails and its message holds WANT
  printf '%b' "$2" > "$T/bad.csv"
  local before; before=$(audit_n)
  if at 2026-05-10T02:00:00Z --as hcc report fill $PLAN "$HCC" 2026-04 --csv "$T/bad.csv" > /dev/null 2> "$T/err"; then
    fail "accepted: $2"; fi
  grep -q -- "$1" "$T/err" || fail "message for '$2' lacks '$1': $(cat "$T/err")"
  eq "$(audit_n)" "$before" "audit after refusing '$2'"
}
refuse "chỉ tiêu 4.3, cột giá trị: \"1e308\"" 'code,value\n4.3,1e308\n'
refuse "số mũ" 'code,value\n4.3,1e-400\n'
refuse "hệ 16" 'code,numerator,denominator\n4.1,0x10,20\n'
refuse "không được âm" 'code,numerator,denominator\n4.1,-5,20\n'
refuse "không phải là số" 'code,value\n4.3,inf\n'
refuse "không rõ" 'code,value\n4.3,2.100\n'            # a rate: 2100 % cannot be, 2,1 % could
refuse "1.234,5" 'code;value\n4.3;1,234.5\n'
refuse "NUL" 'code,value,note\n4.3,92,"a\0b"\n'
eq "$(test_sql "$DB" "SELECT COUNT(*) FROM report_values")" "0" "values after refusals"

# ---- Vietnamese notation: 1.234 is a thousand, 92,5 a decimal ---------------
printf 'code;numerator;denominator;value\n4.1;1.234;2.000;\n4.3;;;92,5 %%\n' > "$T/ok.csv"
at 2026-05-10T02:00:00Z --as hcc report fill $PLAN "$HCC" 2026-04 --csv "$T/ok.csv" > /dev/null
at 2026-05-10T02:00:00Z --as hcc report show $PLAN "$HCC" 2026-04 --json > "$T/show.json"
eq "$(json "$T/show.json" "[(v['code'], v['numerator'], v['denominator'], v['value']) for v in j['values']]")" \
   "[('4.1', 1234.0, 2000.0, 61.7), ('4.3', None, None, 92.5)]" "values read"

# ---- a text target's level is scored (1.3 "Có ứng dụng AI": text) -----------
printf 'code,value,note\n1.3,"0,5",Đang thử nghiệm trợ lý ảo\n' > "$T/vh.csv"
at 2026-05-10T02:00:00Z --as vanhoa report fill $PLAN "Phòng VH-XH" 2026-04 --csv "$T/vh.csv" > /dev/null
printf 'code,value\n1.3,"1,5"\n' > "$T/vh-bad.csv"
if at 2026-05-10T02:00:00Z --as vanhoa report fill $PLAN "Phòng VH-XH" 2026-04 --csv "$T/vh-bad.csv" 2> "$T/err"; then
  fail "level 1,5 accepted"; fi
grep -q "0 đến 1" "$T/err" || fail "level message: $(cat "$T/err")"
at 2026-05-10T03:00:00Z --as vanhoa report submit $PLAN "Phòng VH-XH" 2026-04 > /dev/null 2>&1
at 2026-05-10T03:00:00Z --as hcc report submit $PLAN "$HCC" 2026-04 > /dev/null 2>&1

# ---- no one approves what they filled or submitted --------------------------
at 2026-05-11T02:00:00Z --as vhxh report approve $PLAN "Phòng VH-XH" 2026-04 > /dev/null
at 2026-05-11T02:00:00Z --as vhxh report approve $PLAN "$HCC" 2026-04 > /dev/null
# reopened, then filled and submitted by the admin (who may do anything): the
# admin may not approve it
at 2026-05-12T02:00:00Z --as vhxh report reopen $PLAN "$HCC" 2026-04 --reason "Kiểm tra lại 4.1" > /dev/null
at 2026-05-12T02:10:00Z --as admin report fill $PLAN "$HCC" 2026-04 --csv "$T/ok.csv" > /dev/null
at 2026-05-12T02:20:00Z --as admin report submit $PLAN "$HCC" 2026-04 > /dev/null 2>&1
if at 2026-05-12T02:30:00Z --as admin report approve $PLAN "$HCC" 2026-04 > /dev/null 2> "$T/err"; then
  fail "approved one's own report"; fi
grep -q "không tự duyệt" "$T/err" || fail "self-approval message: $(cat "$T/err")"
if at 2026-05-12T02:31:00Z --as vhxh report self-approval "Minh Đức" on --reason x 2> /dev/null; then
  fail "a coordinator allowed self-approval"; fi
if at 2026-05-12T02:31:00Z --as admin report self-approval "Minh Đức" on 2> /dev/null; then
  fail "self-approval allowed without a reason"; fi
at 2026-05-12T02:32:00Z --as admin report self-approval "Minh Đức" on --reason "Xã chỉ có một cán bộ" > /dev/null
at 2026-05-12T02:33:00Z --as admin report approve $PLAN "$HCC" 2026-04 > /dev/null
at 2026-05-12T02:34:00Z --as vhxh report show $PLAN "$HCC" 2026-04 > "$T/show.txt"
grep -q "Tự duyệt" "$T/show.txt" || fail "the report does not say it was self-approved: $(cat "$T/show.txt")"
eq "$(test_sql "$DB" "SELECT COUNT(*) FROM audit WHERE action = 'report.approve_own' AND user_name = 'admin'")" "1" "approve_own audited"

# ---- the score counts the level; a value stored before the checks breaks nothing
at 2026-05-20T02:00:00Z --as vhxh score $PLAN 2026-04 --json > "$T/score.json"
eq "$(json "$T/score.json" "[(i['achievement'], i['status']) for i in j['indicators'] if i['code']=='1.3'][0]")" \
   "(0.5, 'on_track')" "1.3 level scored"
test_sql "$DB" "UPDATE report_values SET value = 1e308, numerator = NULL, denominator = NULL WHERE indicator_id = (SELECT id FROM indicators WHERE code = '4.3')"
test_sql "$DB" "UPDATE indicator_targets SET value = 1e-320 WHERE indicator_id = (SELECT id FROM indicators WHERE code = '4.2') AND year = 2026"
# an infinite numerator (9e999 is stored as Inf by SQLite; PostgreSQL says 'Infinity') and an infinite target
INF=9e999
[ "$(test_engine "$DB")" = sqlite ] || INF="'Infinity'::float8"
test_sql "$DB" "UPDATE report_values SET numerator = $INF WHERE indicator_id = (SELECT id FROM indicators WHERE code = '4.1')"
test_sql "$DB" "UPDATE indicator_targets SET value = -$INF WHERE indicator_id = (SELECT id FROM indicators WHERE code = '4.4') AND year = 2026"
at 2026-05-20T02:00:00Z --as vhxh score $PLAN 2026-04 --json > "$T/score2.json" || fail "score failed on stored extremes"
json "$T/score2.json" "j['total']['index']" > /dev/null || fail "score JSON"
# the stored extremes are left out, not counted as data: 4.3 has no figure now
eq "$(json "$T/score2.json" "[i['value'] for i in j['indicators'] if i['code']=='4.3'][0]")" "None" "4.3 stored 1e308 left out"
at 2026-05-20T02:00:00Z --as vhxh score $PLAN 2026-04 > /dev/null || fail "score table failed on stored extremes"
echo "report_numbers: ok"
