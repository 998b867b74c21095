#!/usr/bin/env bash
# scenario_minh_duc.sh — issue 3's acceptance scenario, end to end through
# the real binary: the Minh Đức plan ($SHARED/plans/minh-duc-2026-2030-dti.txt,
# issued 07/04/2026, so its units report from April 2026) imported, its
# calendar set (units monthly by the 15th of the next month, the commune by
# the 20th), three units reporting over April, May and June 2026 from CSV
# files — Phòng Kinh tế late (and once refused by a value check), Công an
# xã returned then approved, Trung tâm phục vụ Hành chính công on time —
# with evidence; then periods and deadlines, timeliness and completeness,
# each indicator's achievement and status, the group and plan index, the
# at-risk list and the unit ranking are checked against figures computed by
# hand below; finally one audit row is edited in the database file and
# `audit verify` must name it.
#
# Times are set with DTI_NOW (app.h): the moment each step happens.
set -euo pipefail
: "${DTI:?}" "${SHARED:?}"
T=$(mktemp -d)
# shellcheck source=tests/lib/db.sh
. "$(dirname "$0")/../lib/db.sh"
trap 'rm -rf "$T"' EXIT
DB=$(test_db "$T/dti.db")
export DTI_PASSWORD=mat-khau-minh-duc
fail() { echo "FAIL: $*" >&2; exit 1; }
dti() { "$DTI" --db "$DB" "$@"; }
# json FILE PYTHON-EXPR: evaluate EXPR over the JSON in FILE as `j`
json() { python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print($2)" "$1"; }
eq() { [ "$1" = "$2" ] || fail "$3: got '$1', want '$2'"; }

# ---- setup: import, users, calendar --------------------------------------
DTI_NOW=2026-04-08T02:00:00Z dti import "$SHARED/plans/minh-duc-2026-2030-dti.txt" > "$T/import.txt"
grep -q "Chỉ tiêu: 22" "$T/import.txt" || fail "import: $(cat "$T/import.txt")"
PLAN=1
# bootstrap: the first admin without --as; then nobody without --as
dti user add admin --role admin > /dev/null
if dti user add other --role admin 2> "$T/err"; then fail "second bootstrap accepted"; fi
dti --as admin user add phongvhxh --role coordinator --org "Minh Đức" --display "Phòng Văn hóa - Xã hội" > /dev/null
dti --as admin user add hcc --role reporter --org "Trung tâm phục vụ Hành chính công" > /dev/null
dti --as admin user add conganxa --role reporter --org "Công an xã" > /dev/null
dti --as admin user add kinhte --role reporter --org "Phòng Kinh tế" > /dev/null
dti --as admin user add lanhdao --role viewer --org "Minh Đức" > /dev/null
# the password is never on the command line, and a wrong role is refused
if dti --as admin user add x --role boss --org "Minh Đức" 2> /dev/null; then fail "bad role accepted"; fi

dti --as phongvhxh calendar set $PLAN month:cutoff=none:unit=15+1,commune=20+1 > "$T/cal.txt"
# 2026..2030 × 12 months
grep -q ": 60 " "$T/cal.txt" || fail "calendar: $(cat "$T/cal.txt")"
# a reporter may not set the calendar
if dti --as kinhte calendar set $PLAN month:unit=20+1 2> /dev/null; then fail "reporter set the calendar"; fi

# ---- periods and deadlines --------------------------------------------------
# month 2026-04: 01/04–30/04; units by 15/05 (day 15 of the month after),
# the commune by 20/05. February 2028 (leap year) ends 29/02, due 15/03.
dti --as lanhdao periods $PLAN 2026 > "$T/periods.txt"
grep -Eq '^2026-04 +month +01/04/2026 30/04/2026 15/05/2026 +20/05/2026$' "$T/periods.txt" || fail "periods: $(cat "$T/periods.txt")"
grep -Eq '^2026-12 +month +01/12/2026 31/12/2026 15/01/2027 +20/01/2027$' "$T/periods.txt" || fail "December's deadline"
dti --as lanhdao periods $PLAN 2028 --json > "$T/p2028.json"
eq "$(json "$T/p2028.json" "[p for p in j['periods'] if p['code']=='2028-02'][0]['end']")" "29/02/2028" "leap February"
eq "$(json "$T/p2028.json" "len(j['periods'])")" "12" "periods of 2028"

# ---- the reports -------------------------------------------------------------
# CSV columns (report.h): kind, code, numerator, denominator, value, met, note.
write() { local f=$1; shift; { printf 'kind,code,numerator,denominator,value,note\n'; printf '%s\n' "$@"; } > "$f"; }
printf '%%PDF-1.4\n%% biên bản kiểm tra an toàn thông tin\n1 0 obj << >> endobj\n%%%%EOF\n' > "$T/bienban.pdf"
# A real 1x1 PNG (evidence is checked by structure, not by its first bytes).
python3 -c 'import struct,sys,zlib
c=lambda t,d: struct.pack(">I",len(d))+t+d+struct.pack(">I",zlib.crc32(t+d))
sys.stdout.buffer.write(b"\x89PNG\r\n\x1a\n"+c(b"IHDR",struct.pack(">IIBBBBB",1,1,8,2,0,0,0))+c(b"IDAT",zlib.compress(b"\0\0\0\0"))+c(b"IEND",b""))' > "$T/anh.png"
printf 'not evidence\n' > "$T/notes.txt"

# Trung tâm phục vụ HCC (4.1 >=70%, 4.2 >=25%, 4.3 >=100%): always on time.
write "$T/hcc-04.csv" "indicator,4.1,560,1000,,hồ sơ DVCTT tháng 4" "indicator,4.2,150,1000,," "indicator,4.3,,,92," \
      "results,,,,,Tiếp nhận 1000 hồ sơ"
write "$T/hcc-05.csv" "indicator,4.1,620,1000,," "indicator,4.2,200,1000,," "indicator,4.3,,,95,"
write "$T/hcc-06.csv" "indicator,4.1,680,1000,," "indicator,4.2,240,1000,," "indicator,4.3,,,98,"
# Công an xã (3.1, 3.2, 3.3 >=100% of 4 systems; 6.1 >=100%): April returned, then approved.
write "$T/ca-04.csv" "indicator,3.1,2,4,," "indicator,3.2,1,4,," "indicator,3.3,2,4,," "indicator,6.1,7000,10000,,"
write "$T/ca-05.csv" "indicator,3.1,3,4,," "indicator,3.2,2,4,," "indicator,3.3,2,4,," "indicator,6.1,8000,10000,,"
write "$T/ca-06.csv" "indicator,3.1,4,4,," "indicator,3.2,3,4,," "indicator,3.3,2,4,," "indicator,6.1,9000,10000,,"
# Phòng Kinh tế (4.4 >1%, 5.1 >20%, 5.2 >=1 dn/1.000 dân, 5.3 >80%, 6.2 >80%): late in April and June.
write "$T/kt-04-bad.csv" "indicator,4.4,,,0.5," "indicator,5.1,,,12," "indicator,5.2,,,0.4," "indicator,5.3,90,80,," \
      "indicator,6.2,5000,10000,,"
write "$T/kt-04-rate.csv" "indicator,6.2,,,120,"
write "$T/kt-04.csv" "indicator,4.4,,,0.5," "indicator,5.1,,,12," "indicator,5.2,,,0.4," "indicator,5.3,60,100,," \
      "indicator,6.2,5000,10000,,"
write "$T/kt-05.csv" "indicator,4.4,,,0.8," "indicator,5.1,,,15," "indicator,5.2,,,0.5," "indicator,5.3,70,100,," \
      "indicator,6.2,6000,10000,,"
write "$T/kt-06.csv" "indicator,4.4,,,1.2," "indicator,5.1,,,18," "indicator,5.2,,,0.5," "indicator,5.3,78,100,," \
      "indicator,6.2,7000,10000,,"

HCC="Trung tâm phục vụ Hành chính công"; CA="Công an xã"; KT="Phòng Kinh tế"
at() { DTI_NOW="$1" "$DTI" --db "$DB" "${@:2}"; }
audit_n() { test_sql "$DB" "SELECT COUNT(*) FROM audit"; }

# April (due 15/05/2026)
at 2026-05-10T02:00:00Z --as hcc report fill $PLAN "$HCC" 2026-04 --csv "$T/hcc-04.csv" > /dev/null
at 2026-05-10T02:05:00Z --as hcc report attach $PLAN "$HCC" 2026-04 "$T/bienban.pdf" --indicator 4.1 > /dev/null
at 2026-05-10T03:00:00Z --as hcc report submit $PLAN "$HCC" 2026-04 > /dev/null
# a submitted report is read-only to its unit
if at 2026-05-11T03:00:00Z --as hcc report fill $PLAN "$HCC" 2026-04 --csv "$T/hcc-05.csv" 2> "$T/err"; then
  fail "fill after submit"; fi
grep -q "chờ thẩm định" "$T/err" || fail "read-only message: $(cat "$T/err")"
at 2026-05-12T03:00:00Z --as phongvhxh report approve $PLAN "$HCC" 2026-04 > /dev/null

at 2026-05-14T09:00:00Z --as conganxa report fill $PLAN "$CA" 2026-04 --csv "$T/ca-04.csv" > /dev/null
at 2026-05-14T09:10:00Z --as conganxa report submit $PLAN "$CA" 2026-04 > /dev/null
# returning needs a reason; a viewer cannot review
if at 2026-05-16T02:00:00Z --as phongvhxh report return $PLAN "$CA" 2026-04 --reason "  " 2> /dev/null; then
  fail "return without a reason"; fi
if at 2026-05-16T02:00:00Z --as lanhdao report approve $PLAN "$CA" 2026-04 2> /dev/null; then fail "viewer approved"; fi
at 2026-05-16T02:00:00Z --as phongvhxh report return $PLAN "$CA" 2026-04 --reason "Thiếu tài liệu kiểm chứng chỉ tiêu 3.1" > /dev/null
# evidence: not a PDF/image/Office file is refused; the same bytes twice are stored once
if at 2026-05-17T01:00:00Z --as conganxa report attach $PLAN "$CA" 2026-04 "$T/notes.txt" 2> "$T/err"; then
  fail "text file accepted as evidence"; fi
grep -q "PDF" "$T/err" || fail "evidence type message: $(cat "$T/err")"
at 2026-05-17T01:00:00Z --as conganxa report attach $PLAN "$CA" 2026-04 "$T/bienban.pdf" --indicator 3.1 > "$T/att.txt"
grep -q "kept once\|không lưu lại" "$T/att.txt" || fail "same evidence stored twice: $(cat "$T/att.txt")"
at 2026-05-17T01:05:00Z --as conganxa report attach $PLAN "$CA" 2026-04 "$T/anh.png" > /dev/null
eq "$(test_sql "$DB" "SELECT COUNT(*) || '/' || (SELECT COUNT(*) FROM evidence) FROM evidence_files")" "2/3" "evidence files/links"
at 2026-05-17T02:00:00Z --as conganxa report submit $PLAN "$CA" 2026-04 > /dev/null
at 2026-05-18T02:00:00Z --as phongvhxh report check 2 > /dev/null
at 2026-05-18T02:10:00Z --as phongvhxh report approve $PLAN "$CA" 2026-04 > /dev/null

# Phòng Kinh tế: a numerator above its denominator is refused, naming the
# indicator and the rule, and nothing is written (not even the draft)
before=$(audit_n)
if at 2026-05-19T02:00:00Z --as kinhte report fill $PLAN "$KT" 2026-04 --csv "$T/kt-04-bad.csv" 2> "$T/err"; then
  fail "numerator > denominator accepted"; fi
grep -q "5.3" "$T/err" && grep -q "tử số" "$T/err" || fail "refusal message: $(cat "$T/err")"
if at 2026-05-19T02:00:00Z --as kinhte report fill $PLAN "$KT" 2026-04 --csv "$T/kt-04-rate.csv" 2> "$T/err"; then
  fail "a rate of 120 accepted"; fi
grep -q "6.2" "$T/err" && grep -q "từ 0 đến 100" "$T/err" || fail "rate message: $(cat "$T/err")"
eq "$(audit_n)" "$before" "audit entries after refused fills"
eq "$(test_sql "$DB" "SELECT COUNT(*) FROM reports r JOIN orgs o ON o.id = r.org_id WHERE o.name = 'Phòng Kinh tế'")" "0" "reports after refusal"
# a reporter cannot write or read another unit's report
if at 2026-05-19T02:00:00Z --as kinhte report fill $PLAN "$HCC" 2026-04 --csv "$T/hcc-04.csv" 2> /dev/null; then
  fail "kinhte wrote HCC's report"; fi
if at 2026-05-19T02:00:00Z --as kinhte report show $PLAN "$HCC" 2026-04 > /dev/null 2>&1; then
  fail "kinhte read HCC's report"; fi
at 2026-05-20T02:00:00Z --as kinhte report fill $PLAN "$KT" 2026-04 --csv "$T/kt-04.csv" > /dev/null
at 2026-05-20T03:00:00Z --as kinhte report submit $PLAN "$KT" 2026-04 > /dev/null
at 2026-05-21T02:00:00Z --as phongvhxh report approve $PLAN "$KT" 2026-04 > /dev/null

# May (due 15/06/2026): everyone on time
for u in "hcc:$HCC:hcc-05" "conganxa:$CA:ca-05" "kinhte:$KT:kt-05"; do
  IFS=: read -r who org f <<< "$u"
  at 2026-06-10T02:00:00Z --as "$who" report fill $PLAN "$org" 2026-05 --csv "$T/$f.csv" > /dev/null
  at 2026-06-10T03:00:00Z --as "$who" report submit $PLAN "$org" 2026-05 > /dev/null
  at 2026-06-12T02:00:00Z --as phongvhxh report approve $PLAN "$org" 2026-05 > /dev/null
done
# June (due 15/07/2026): HCC 10/07, CA 14/07 (Vietnam time 16:00 < end of 15/07), KT 18/07 (3 days late)
for u in "hcc:$HCC:hcc-06:2026-07-10T02:00:00Z" "conganxa:$CA:ca-06:2026-07-14T09:00:00Z" \
         "kinhte:$KT:kt-06:2026-07-18T02:00:00Z"; do
  IFS=: read -r who org f t1 t2 t3 <<< "$u"
  ts="$t1:$t2:$t3"
  at "$ts" --as "$who" report fill $PLAN "$org" 2026-06 --csv "$T/$f.csv" > /dev/null
  at "$ts" --as "$who" report submit $PLAN "$org" 2026-06 > /dev/null
  at 2026-07-20T02:00:00Z --as phongvhxh report approve $PLAN "$org" 2026-06 > /dev/null
done

# approved means locked: a fill is refused and nothing changes; the
# coordinator reopens it with a reason (audited), which makes version 2,
# returned to the unit; the approved one is kept and still counts
if at 2026-07-21T02:00:00Z --as hcc report fill $PLAN "$HCC" 2026-06 --csv "$T/hcc-06.csv" > "$T/v2.txt" 2> "$T/v2.err"; then
  fail "a fill of an approved report was accepted: $(cat "$T/v2.txt")"
fi
grep -q "reopen" "$T/v2.err" || fail "the refusal does not say how to reopen: $(cat "$T/v2.err")"
if at 2026-07-21T02:00:00Z --as hcc report reopen $PLAN "$HCC" 2026-06 --reason "Sửa" 2> /dev/null; then
  fail "a reporter reopened a report"; fi
if at 2026-07-21T02:00:00Z --as phongvhxh report reopen $PLAN "$HCC" 2026-06 2> /dev/null; then
  fail "reopened without a reason"; fi
at 2026-07-21T02:05:00Z --as phongvhxh report reopen $PLAN "$HCC" 2026-06 --reason "Bổ sung số liệu tháng 6" > "$T/re.txt"
grep -Eq "(phiên bản|version) 2" "$T/re.txt" || fail "reopen: $(cat "$T/re.txt")"
at 2026-07-21T02:10:00Z --as hcc report fill $PLAN "$HCC" 2026-06 --csv "$T/hcc-06.csv" > "$T/v2.txt"
grep -Eq "(phiên bản|version) 2" "$T/v2.txt" || fail "new version: $(cat "$T/v2.txt")"
at 2026-07-21T02:10:00Z --as hcc report versions $PLAN "$HCC" 2026-06 --json > "$T/vers.json"
eq "$(json "$T/vers.json" "[(v['state'], v['reason']) for v in j]")" "[('approved', None), ('returned', 'Bổ sung số liệu tháng 6')]" "versions"
eq "$(test_sql "$DB" "SELECT COUNT(*) FROM audit WHERE action = 'report.reopen' AND user_name = 'phongvhxh'")" "1" "reopen audited"

# ---- timeliness and completeness ----------------------------------------------
NOW=2026-07-25T02:00:00Z
show() { at $NOW --as phongvhxh report show $PLAN "$1" "$2" --json > "$T/show.json"; }
show "$HCC" 2026-04
eq "$(json "$T/show.json" "j['timeliness']['status']")" "on_time" "HCC April"
show "$CA" 2026-04
# judged by its first submission (14/05), though returned and submitted again on 17/05
eq "$(json "$T/show.json" "(j['state'], j['timeliness']['status'], j['reason'])")" \
   "('approved', 'on_time', 'Thiếu tài liệu kiểm chứng chỉ tiêu 3.1')" "CA April"
eq "$(json "$T/show.json" "sorted((e['name'], e['checked']) for e in j['evidence'])")" \
   "[('anh.png', False), ('bienban.pdf', True)]" "CA evidence"
show "$KT" 2026-04
# submitted 20/05, due 15/05: 5 days late
eq "$(json "$T/show.json" "(j['timeliness']['status'], j['timeliness']['late_days'], j['timeliness']['deadline'])")" \
   "('late', 5, '15/05/2026')" "KT April"
show "$KT" 2026-06
eq "$(json "$T/show.json" "(j['timeliness']['status'], j['timeliness']['late_days'])")" "('late', 3)" "KT June"
# 5.3 in April: 60/100 → 60 %; 6.2: 5000/10000 → 50 %
show "$KT" 2026-04
eq "$(json "$T/show.json" "[(v['code'], v['value']) for v in j['values'] if v['code'] in ('5.3','6.2')]")" \
   "[('5.3', 60.0), ('6.2', 50.0)]" "KT April values"

# Completeness of April at 25/07: expected = the leads in force on 30/04
# (assignments from the plan's date 07/04): Phòng VH-XH, Văn phòng HĐND&UBND
# xã, Công an xã, Trung tâm phục vụ HCC, Phòng Kinh tế, Trạm y tế = 6;
# received 3 (HCC, CA, KT), on time 2 (HCC, CA), late 1 (KT), missing 3.
at $NOW --as phongvhxh report status $PLAN 2026-04 --json > "$T/st.json"
eq "$(json "$T/st.json" "(j['expected'], j['received'], j['on_time'], j['late'], j['missing'])")" "(6, 3, 2, 1, 3)" "April completeness"
eq "$(json "$T/st.json" "(round(j['completeness'], 4), round(j['timeliness'], 4))")" "(0.5, 0.3333)" "April rates"
# a reporter sees only itself
at $NOW --as kinhte report status $PLAN 2026-04 --json > "$T/st.json"
eq "$(json "$T/st.json" "[o['org'] for o in j['orgs']]")" "['Phòng Kinh tế']" "reporter's completeness"

# ---- scores as of June ----------------------------------------------------------
# Targets of 2026; every indicator aggregates `last` (the June value);
# maximum 1 each (no point table), points = achievement; due 31/12/2026.
# Achievement, >= and >: min(1, actual / target):
#   3.1 100/100 = 1        3.2 75/100 = 0.75     3.3 50/100 = 0.5     6.1 90/100 = 0.9
#   4.1 68/70 = 0.971429   4.2 24/25 = 0.96      4.3 98/100 = 0.98    4.4 min(1, 1.2/1) = 1
#   5.1 18/20 = 0.9        5.2 0.5/1 = 0.5       5.3 78/80 = 0.975    6.2 70/80 = 0.875
# No data (10): 1.1 1.2 1.3 2.1 2.2 2.3 2.4 6.3 6.4 6.5 — 0 points out of their
# maximum (not reporting never pays), counted in nodata; completeness 12/22.
# Groups: 3: (1 + 0.75 + 0.5)/3 = 0.75          4: (0.971429 + 0.96 + 0.98 + 1)/4 = 0.977857
#         5: (0.9 + 0.5 + 0.975)/3 = 0.791667   6: (0.9 + 0.875 + 0 + 0 + 0)/5 = 0.355   1, 2: 0
# Plan: (2.25 + 3.911429 + 2.375 + 1.775)/22 = 10.311429/22 = 0.468701 → "0,4687".
# Status on 30/06 (x = days after 30/04: 0, 31, 61; due 31/12 is x = 245;
# least squares: x̄ = 30.667, Sxx = 1860.67):
#   met: 3.1 (100 >= 100), 4.4 (1.2 > 1);
#   3.3: 50, 50, 50 → flat line, forecast 50 < 100 → at risk;
#   5.2: 0.4, 0.5, 0.5 → ȳ = 0.4667, Sxy = 3.0667, slope 0.0016482/day,
#        forecast 0.4667 + 0.0016482 × 214.33 = 0.8199 < 1 → at risk;
#   3.2: 25, 50, 75 → slope 0.8196, forecast 50 + 0.8196 × 214.33 = 225.7 → on track;
#   4.2: 15, 20, 24 → slope 0.14762, forecast 19.667 + 31.64 = 51.3 >= 25 → on track;
#   the others rise past their targets likewise → on track.
at $NOW --as lanhdao score $PLAN 2026-06 --json > "$T/score.json"
ach() { json "$T/score.json" "[round(i['achievement'],6) if i['achievement'] is not None else None for i in j['indicators'] if i['code']=='$1'][0]"; }
st() { json "$T/score.json" "[i['status'] for i in j['indicators'] if i['code']=='$1'][0]"; }
eq "$(ach 3.1)" "1.0" "3.1"; eq "$(ach 3.2)" "0.75" "3.2"; eq "$(ach 3.3)" "0.5" "3.3"; eq "$(ach 6.1)" "0.9" "6.1"
eq "$(ach 4.1)" "0.971429" "4.1"; eq "$(ach 4.2)" "0.96" "4.2"; eq "$(ach 4.3)" "0.98" "4.3"; eq "$(ach 4.4)" "1.0" "4.4"
eq "$(ach 5.1)" "0.9" "5.1"; eq "$(ach 5.2)" "0.5" "5.2"; eq "$(ach 5.3)" "0.975" "5.3"; eq "$(ach 6.2)" "0.875" "6.2"
eq "$(ach 1.1)" "None" "1.1 has no data"
eq "$(st 3.1)" "met" "3.1 status"; eq "$(st 4.4)" "met" "4.4 status"; eq "$(st 3.2)" "on_track" "3.2 status"
eq "$(st 4.2)" "on_track" "4.2 status"; eq "$(st 6.4)" "no_data" "6.4 status"
eq "$(json "$T/score.json" "round([i for i in j['indicators'] if i['code']=='5.2'][0]['forecast'], 4)")" "0.8199" "5.2 forecast"
eq "$(json "$T/score.json" "round([i for i in j['indicators'] if i['code']=='3.2'][0]['forecast'], 1)")" "225.7" "3.2 forecast"
eq "$(json "$T/score.json" "sorted(j['at_risk'])")" "['3.3', '5.2']" "at-risk list"
eq "$(json "$T/score.json" "[(g['code'], round(g['index'], 6) if g['index'] is not None else None, g['nodata']) for g in j['groups']]")" \
   "[('1', 0.0, 3), ('2', 0.0, 4), ('3', 0.75, 0), ('4', 0.977857, 0), ('5', 0.791667, 0), ('6', 0.355, 3)]" "groups"
eq "$(json "$T/score.json" "(round(j['total']['index'], 6), j['total']['index_text'], j['total']['counted'], j['total']['nodata'])")" \
   "(0.468701, '0,4687', 22, 10)" "plan index"
# the version-2 draft of HCC's June report does not count: only approved values do
eq "$(json "$T/score.json" "[i['observations'][-1]['value'] for i in j['indicators'] if i['code']=='4.1'][0]")" "68.0" "4.1 June value"

# Unit ranking (periods from April, each unit's first assignment, to June,
# deadlines passed at 25/07): on-time rate, then mean achievement of what it leads:
#   1. Trung tâm phục vụ HCC  3/3 = 1      (0.971429 + 0.96 + 0.98)/3 = 0.970476
#   2. Công an xã             3/3 = 1      (1 + 0.75 + 0.5 + 0.9)/4 = 0.7875
#   3. Phòng Kinh tế          1/3 = 0.3333 (1 + 0.9 + 0.5 + 0.975 + 0.875)/5 = 0.85
#   4. Văn phòng HĐND&UBND xã 0/3 = 0      (co-leads 3.1–3.3: (1 + 0.75 + 0.5)/3 = 0.75)
#   5. Phòng VH-XH, Trạm y tế 0/3 = 0      no data: tied, rank 5 both
RANKING="[(1, 'Trung tâm phục vụ Hành chính công', 1.0, 0.970476), (2, 'Công an xã', 1.0, 0.7875), (3, 'Phòng Kinh tế', 0.3333, 0.85), (4, 'Văn phòng HĐND&UBND xã', 0.0, 0.75), (5, 'Phòng VH-XH', 0.0, None), (5, 'Trạm y tế', 0.0, None)]"
eq "$(json "$T/score.json" "[(r['rank'], r['org'], round(r['on_time_rate'], 4), None if r['achievement'] is None else round(r['achievement'], 6)) for r in j['ranking']]")" \
   "$RANKING" "ranking"
# the ranking (dti rank, the rankings page) reads the same computation as
# the dashboard (dti score, GET /score): the same hand figures, and the
# index is the same whether a point table path or the dashboard asks
at $NOW --as lanhdao rank $PLAN 2026-06 --json > "$T/rank.json"
eq "$(json "$T/rank.json" "[(r['rank'], r['name'], round(r['on_time_rate'], 4), None if r['achievement'] is None else round(r['achievement'], 6)) for r in j['rows']]")" \
   "$RANKING" "rank command"
eq "$(json "$T/rank.json" "[(r['expected'], r['on_time']) for r in j['rows']][:3]")" "[(3, 3), (3, 3), (3, 1)]" "owed reports"
at $NOW --as lanhdao score $PLAN 2026-06 --table --json > "$T/score-t.json"
eq "$(json "$T/score-t.json" "(j['total']['index_text'], sorted(j['at_risk']))")" "('0,4687', ['3.3', '5.2'])" "one computation"
# the table form prints the index with a decimal comma
at $NOW --as lanhdao score $PLAN 2026-06 > "$T/score.txt"
grep -q "0,4687" "$T/score.txt" || fail "score table: $(cat "$T/score.txt")"
# nobody outside the commune sees it
dti --as admin user add khac --role viewer --org "Sở Y tế" > /dev/null
if at $NOW --as khac score $PLAN 2026-06 > /dev/null 2>&1; then fail "outsider saw the score"; fi

# ---- the audit log --------------------------------------------------------------
dti --as admin audit verify > "$T/verify.txt" || fail "audit verify on an untouched log: $(cat "$T/verify.txt")"
dti --as phongvhxh audit log --entity report > "$T/log.txt"
grep -q "report.return" "$T/log.txt" || fail "audit log lacks the return"
# someone edits the approval of CA's April report in the database file
seq=$(test_sql "$DB" "SELECT MIN(seq) FROM audit WHERE action = 'report.approve' AND after_json LIKE '%\"org_id\":10%'")
[ -n "$seq" ] || fail "no approval entry to tamper with"
test_sql "$DB" "UPDATE audit SET user_name = 'admin' WHERE seq = $seq"
if dti --as admin audit verify > "$T/verify.txt"; then fail "tampering not detected"; fi
grep -Eq "(mục|entry) $seq:" "$T/verify.txt" || fail "verify named the wrong entry (want $seq): $(cat "$T/verify.txt")"
echo "scenario ok: plan index 0,4687, at risk 3.3 5.2, audit entry $seq named"
