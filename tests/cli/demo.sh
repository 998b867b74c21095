#!/usr/bin/env bash
# demo.sh — `dti demo` (app/demo.h), the data `make run` serves: on a
# temporary database at a fixed date (DTI_NOW 23/11/2026, so the story
# months are 2026-08..2026-10, and the history the months from the plan's
# issue, 16/03/2026, up to July), check the users and their roles, the
# plan, the periods, the story's reports in every state (one late, one
# returned then approved, one waiting, one returned, one draft), the
# history's (every unit every month, approved), the on-time rates of the
# ranking against those reports, the evidence, the score, its at-risk list
# and its trend against figures worked out by hand below, the audit chain;
# then that a second run refuses and changes nothing, that --force moves
# the old file aside, and that the months follow the date.
set -euo pipefail
: "${DTI:?}"
T=$(mktemp -d)
# shellcheck source=tests/lib/db.sh
. "$(dirname "$0")/../lib/db.sh"
DB_other=$(test_db "$T/other.db")
trap 'rm -rf "$T"' EXIT
DB=$(test_db "$T/demo.db")
export DTI_NOW=2026-11-23T03:00:00Z
fail() { echo "FAIL: $*" >&2; exit 1; }
dti() { "$DTI" --db "$DB" "$@"; }
json() { python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print($2)" "$1"; }
eq() { [ "$1" = "$2" ] || fail "$3: got '$1', want '$2'"; }

dti demo > "$T/out.txt" || fail "demo: $(cat "$T/out.txt")"
grep -q "demo-2026" "$T/out.txt" || fail "the password is not printed"
for u in admin dieuphoi vhxh vanphong congan hcc kinhte yte tocnscd chutich tinh; do
  grep -Eq "^  $u +" "$T/out.txt" || fail "login $u not printed"
done
grep -q "08/2026, 09/2026, 10/2026: 21 " "$T/out.txt" || fail "months: $(cat "$T/out.txt")"
grep -q "03/2026 – 07/2026: 35 " "$T/out.txt" || fail "history: $(cat "$T/out.txt")"

# ---- users and roles ----------------------------------------------------------
dti --as admin user list --json > "$T/users.json"
eq "$(json "$T/users.json" "sorted((u['name'], u['role']) for u in j)")" \
   "[('admin', 'admin'), ('chutich', 'viewer'), ('congan', 'reporter'), ('dieuphoi', 'coordinator'), ('hcc', 'reporter'), ('kinhte', 'reporter'), ('tinh', 'viewer'), ('tocnscd', 'reporter'), ('vanphong', 'reporter'), ('vhxh', 'reporter'), ('yte', 'reporter')]" "users"
# scopes: the coordinator and the chairman hold the commune, the province viewer the province
eq "$(json "$T/users.json" "len({u['org_id'] for u in j if u['name'] in ('dieuphoi', 'chutich')})")" "1" "commune scope"
eq "$(json "$T/users.json" "len({u['org_id'] for u in j if u['name'] != 'admin'})")" "9" "distinct orgs"
# a reporter sees only its own unit's user
dti --as congan user list --json > "$T/u2.json"
eq "$(json "$T/u2.json" "[u['name'] for u in j]")" "['congan']" "reporter's user list"

# ---- plan and periods --------------------------------------------------------------
dti --as dieuphoi export plan 1 --json > "$T/plan.json"
eq "$(json "$T/plan.json" "(len(j['indicators']), len(j['tasks']), j['commune'], j['province'])")" \
   "(23, 10, 'Hòa Bình', 'Bình Nguyên')" "plan"
dti --as chutich periods 1 2026 > "$T/periods.txt"
grep -Eq '^2026-10 +month +01/10/2026 31/10/2026 15/11/2026 +20/11/2026$' "$T/periods.txt" ||
  fail "periods: $(cat "$T/periods.txt")"

# ---- reports -------------------------------------------------------------------------
st() { dti --as dieuphoi report status 1 "$1" --json > "$T/st-$1.json"; }
st 2026-08; st 2026-09; st 2026-10
# August: Phòng Kinh tế late (18/09); the others on time; all approved
eq "$(json "$T/st-2026-08.json" "(j['expected'], j['received'], j['on_time'], j['late'], j['missing'])")" "(7, 7, 6, 1, 0)" "August"
eq "$(json "$T/st-2026-08.json" "sorted({o['state'] for o in j['orgs']})")" "['approved']" "August states"
eq "$(json "$T/st-2026-08.json" "[(o['org'], o['timeliness']['late_days']) for o in j['orgs'] if o['timeliness']['status']=='late']")" \
   "[('Phòng Kinh tế xã', 3)]" "August late"
# September: Phòng Văn hóa - Xã hội and Tổ CNSCĐ late (both 17/10)
eq "$(json "$T/st-2026-09.json" "sorted(o['org'] for o in j['orgs'] if o['timeliness']['status']=='late')")" \
   "['Phòng Văn hóa - Xã hội', 'Tổ công nghệ số cộng đồng']" "September late"
# October: one waiting for review, one returned, one draft (missing), KT late
eq "$(json "$T/st-2026-10.json" "sorted((o['org'], o['state']) for o in j['orgs'])")" \
   "[('Công an xã', 'approved'), ('Phòng Kinh tế xã', 'approved'), ('Phòng Văn hóa - Xã hội', 'approved'), ('Trung tâm phục vụ hành chính công', 'approved'), ('Trạm Y tế xã', 'returned'), ('Tổ công nghệ số cộng đồng', 'draft'), ('Văn phòng HĐND và UBND xã', 'submitted')]" "October states"
eq "$(json "$T/st-2026-10.json" "(j['expected'], j['received'], j['on_time'], j['late'], j['missing'])")" "(7, 6, 5, 1, 1)" "October"

# ---- the history: every month from the plan's issue to July, every unit, approved ----------
# the months from the issue day's month up to the one before the first story month
issued=$(json "$T/plan.json" "j['issued']")
eq "$issued" "2026-03-16" "issue day"
history=$(python3 -c "
y, m = int('$issued'[:4]), int('$issued'[5:7])
out = []
while (y, m) < (2026, 8):
    out.append('%04d-%02d' % (y, m)); y, m = (y + 1, 1) if m == 12 else (y, m + 1)
print(' '.join(out))")
eq "$history" "2026-03 2026-04 2026-05 2026-06 2026-07" "history months"
for m in $history; do
  st "$m"
  eq "$(json "$T/st-$m.json" "(j['expected'], j['received'], j['missing'], sorted({o['state'] for o in j['orgs']}))")" \
     "(7, 7, 0, ['approved'])" "$m"
done
months="$history 2026-08 2026-09 2026-10"
nmonths=$(wc -w <<< "$months")
# a report for every unit and month (units × months), and none elsewhere
eq "$(test_sql "$DB" "SELECT COUNT(DISTINCT org_id || ' ' || period) FROM reports")" "$((7 * nmonths))" "reports"
eq "$(test_sql "$DB" "SELECT MIN(period) || ' ' || MAX(period) FROM reports")" "2026-03 2026-10" "reported months"
# the ranking's on-time rate of each unit is what its reports say: the months
# submitted by the unit deadline over the months owed (March to October)
dti --as chutich rank 1 2026-10 --units --json > "$T/rank.json"
python3 - "$T" $months << 'PY' || fail "on-time rates"
import json, sys
t, months = sys.argv[1], sys.argv[2:]
on_time, owed = {}, {}
for m in months:
    for o in json.load(open(f"{t}/st-{m}.json"))["orgs"]:
        owed[o["org"]] = owed.get(o["org"], 0) + 1
        on_time[o["org"]] = on_time.get(o["org"], 0) + (o["timeliness"]["status"] == "on_time")
rows = json.load(open(f"{t}/rank.json"))["rows"]
assert sorted(r["name"] for r in rows) == sorted(owed), rows
for r in rows:
    n = r["name"]
    assert (r["expected"], r["on_time"], r["received"]) == (owed[n], on_time[n], owed[n] - (n == "Tổ công nghệ số cộng đồng")), (r, owed[n], on_time[n])
    assert abs(r["on_time_rate"] - on_time[n] / owed[n]) < 1e-9, r
rates = [r["on_time_rate"] for r in rows]
# mostly on time, and the units differ: the best never late, the worst late half the time
assert rates == sorted(rates, reverse=True) and rates[0] == 1 and rates[-1] == 0.5, rates
assert len(set(rates)) >= 4, rates
PY

# Công an xã, August: returned with a reason, corrected with evidence, approved;
# on time (judged by its first submission, 12/09)
dti --as dieuphoi report show 1 "Công an xã" 2026-08 --json > "$T/ca.json"
eq "$(json "$T/ca.json" "(j['state'], j['timeliness']['status'])")" "('approved', 'on_time')" "CA August"
json "$T/ca.json" "j['reason']" | grep -q "6.1" || fail "CA return reason: $(json "$T/ca.json" "j['reason']")"
eq "$(json "$T/ca.json" "sorted((e['name'], e['checked']) for e in j['evidence'])")" \
   "[('anh-tuyen-truyen-vneid-2026-08.png', True), ('danh-sach-dinh-danh-muc-2-2026-08.pdf', True)]" "CA evidence"
dti --as dieuphoi audit log --entity report > "$T/log.txt"
grep -q "report.return" "$T/log.txt" || fail "no return in the audit log"
# the reporter of Trạm Y tế sees its returned report and the reason
dti --as yte report show 1 "Trạm Y tế xã" 2026-10 --json > "$T/yte.json"
eq "$(json "$T/yte.json" "(j['state'], 'kiểm tra lại' in j['reason'])")" "('returned', True)" "TYT October"
# and may not see another unit's
if dti --as yte report show 1 "Công an xã" 2026-10 > /dev/null 2>&1; then fail "yte read CA's report"; fi
# 11 evidence files, every one a PDF or a PNG by its first bytes
eq "$(test_sql "$DB" "SELECT COUNT(*) FROM evidence_files")" "11" "evidence files"
eq "$(test_sql "$DB" "SELECT COUNT(*) FROM evidence_files WHERE media_type NOT IN ('application/pdf', 'image/png')")" "0" "evidence types"

# ---- score as of October ----------------------------------------------------------------
# Only approved values count (VP's October is waiting, TYT's returned, the
# Tổ's a draft: their September values stand); the latest figure of each
# indicator is the story's, so the index is that of the story alone.
# Achievement = min(1, v/target):
#   1.1 62/70 = 0.885714  2.2 40/50 = 0.8       3.1 (2/3)/100% = 0.666667  3.2 96/100
#   4.1 (357/452)/80 = 0.987279  4.2 (430/452)/100 = 0.951327  4.4 50/60  4.5 8/9
#   5.1 35/60  5.2 0.5/1  5.3 80/100  5.4 0.8/1  6.1 87/90  6.2 56/80  6.3 66/70  7.1 0.66/0.7
#   1.2 1.3 2.1 2.3 3.3 4.3 met = 1; 7.2 (text) has no data: 0 of its maximum.
# Plan: 19.208924 / 23 = 0.835171 → "0,8352".
# Status on 31/10: past due unmet 3.1 (06/2026), 3.2 (09/2026), 5.3 (Q3);
# at risk (the least-squares line through the year's figures, March to the
# last approved, misses the 2026 target at 31/12):
#   1.1 48, 50, … 62 (2 a month) → 66 by December < 70; 2.2 28, 30, … 40 → 46 < 50;
#   5.1 17.5, 20, … 32.5, 35 → 40 < 60; 5.2 0.4 … 0.4, 0.5 → 0.46 < 1;
#   5.4 0.35, 0.40, … 0.55 (0.05 a month), then 0.6, 0.7, 0.8 → about 0.9 < 1;
#   6.2 32, 36, … 56 → 68 < 80.
# On track, for instance 4.4 20, 25, … 50 → 65 ≥ 60; 6.1 53, 58, … 87 → 97 ≥ 90.
dti --as chutich score 1 2026-10 --json > "$T/score.json"
eq "$(json "$T/score.json" "sorted(j['at_risk'])")" "['1.1', '2.2', '5.1', '5.2', '5.4', '6.2']" "at risk"
eq "$(json "$T/score.json" "[i['status'] for i in j['indicators'] if i['code'] in ('4.4', '6.1')]")" "['on_track', 'on_track']" "on track"
eq "$(json "$T/score.json" "sorted(i['code'] for i in j['indicators'] if i['status']=='not_met')")" "['3.1', '3.2', '5.3']" "not met"
eq "$(json "$T/score.json" "(round(j['total']['index'], 6), j['total']['index_text'], j['total']['counted'], j['total']['nodata'])")" \
   "(0.835171, '0,8352', 23, 1)" "plan index"
eq "$(json "$T/score.json" "[round(i['achievement'], 6) for i in j['indicators'] if i['code']=='4.1'][0]")" "0.987279" "4.1"
# the trend over the year: 0 before the plan's issue month (nothing reported), then every
# month; it rises month by month through the history, and from March to
# October (August dips: Công an's one security incident, 3.3 ≤ 0, reads 0)
python3 - "$T/score.json" << 'PY' || fail "trend: $(json "$T/score.json" "[(t['period'], t['index']) for t in j['trend']]")"
import json, sys
tr = json.load(open(sys.argv[1]))["trend"]
v = {t["period"]: t["index"] for t in tr}
assert [p for p in v if v[p] == 0] == ["2026-01", "2026-02"], v   # nothing reported: 0, not hidden
h = [v["2026-%02d" % m] for m in range(3, 8)]
assert h == sorted(h) and len(set(h)) == 5, h
assert v["2026-03"] < 0.65 and v["2026-10"] == max(v.values()), v
PY
# the province's viewer sees the commune's score too
"$DTI" --db "$DB" --as tinh score 1 2026-10 > /dev/null || fail "province viewer cannot see the score"

# ---- audit ------------------------------------------------------------------------------
dti --as admin audit verify > "$T/verify.txt" || fail "audit verify: $(cat "$T/verify.txt")"
# the log reads in time order: the set-up on the plan's issue day, the last review in November
eq "$(test_sql "$DB" "SELECT COUNT(*) FROM audit a JOIN audit b ON b.seq = a.seq + 1 WHERE b.at < a.at")" "0" "audit times in order"
eq "$(test_sql "$DB" "SELECT substr(MIN(at), 1, 10) || ' ' || substr(MAX(at), 1, 10) FROM audit")" "$issued 2026-11-20" "audit span"

# ---- a second run refuses and changes nothing --------------------------------------------
before=$(test_dump "$DB" | sha256sum)
if dti demo > "$T/out2.txt" 2> "$T/err2.txt"; then fail "second demo accepted"; fi
grep -q -- "--force" "$T/err2.txt" || fail "refusal message: $(cat "$T/err2.txt")"
eq "$(test_dump "$DB" | sha256sum)" "$before" "database after the refused run"

# ---- --force moves the old file aside and starts afresh -----------------------------------
if [ "$(test_engine "$DB")" = sqlite ]; then
  dti --as admin user add extra --role viewer --org "Hòa Bình" <<< "mat-khau-khac" > /dev/null
  dti demo --force > /dev/null 2> "$T/err3.txt" || fail "demo --force: $(cat "$T/err3.txt")"
  old=$(ls "$DB".2* 2> /dev/null | head -1)
  [ -n "$old" ] || fail "no moved-aside file"
  eq "$(test_sql "$old" "SELECT COUNT(*) FROM users WHERE name = 'extra'")" "1" "old data kept aside"
  eq "$(test_sql "$DB" "SELECT COUNT(*) FROM users WHERE name = 'extra'")" "0" "fresh database"
  eq "$(test_sql "$DB" "SELECT COUNT(*) FROM users")" "11" "fresh users"
  # the audit key and anchor log went with the old file; both logs hold, each under its own key
  [ -e "$old.audit-key" ] && [ -e "$old.audit-anchor" ] || fail "the old file's audit key and anchor log"
  "$DTI" --db "$old" --as admin audit verify > "$T/vold.txt" || fail "old file's log: $(cat "$T/vold.txt")"
  dti --as admin audit verify > "$T/vnew.txt" || fail "new file's log: $(cat "$T/vnew.txt")"
  cmp -s "$old.audit-key" "$DB.audit-key" && fail "the fresh database reuses the old key"
else
  echo "demo: --force moves the SQLite file aside: not run on PostgreSQL"
fi

# ---- the months follow the date: on 20/11 October's commune deadline has not passed ------------
# (the history is March to June, 4 months: 18 story reports approved and 7 × 4)
DTI_NOW=2026-11-20T03:00:00Z "$DTI" --db "$DB_other" --json demo > "$T/other.json"
eq "$(json "$T/other.json" "(j['months'], j['history'], j['reports'])")" \
   "(['2026-07', '2026-08', '2026-09'], {'first': '2026-03', 'months': 4}, {'draft': 1, 'submitted': 1, 'returned': 1, 'approved': $((18 + 7 * 4))})" "months on 20/11"
# before the plan's issue nobody owes anything: no history, the story set in April..June
rm -f "$T/other.db"
DB_other=$(test_db "$T/other.db")
DTI_NOW=2026-02-10T03:00:00Z "$DTI" --db "$DB_other" --json demo > "$T/other.json"
eq "$(json "$T/other.json" "(j['months'], j['history'], j['reports']['approved'])")" \
   "(['2026-04', '2026-05', '2026-06'], {'first': None, 'months': 0}, 18)" "months on 10/02"
echo "demo ok: 11 users, $((7 * nmonths)) reports over $nmonths months, at risk 1.1 2.2 5.1 5.2 5.4 6.2, index 0,8352"
