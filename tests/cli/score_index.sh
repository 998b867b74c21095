#!/usr/bin/env bash
# score and index on the command line: the sample plan imported, its point
# table (samples/index-hoa-binh.csv) loaded; a bad table exits 2 naming the
# line and column and stores nothing; `score` prints the Vietnamese table
# (no data yet: "chưa có số liệu"); a self-assessed 10 reviewed down to 5
# gives the index 0,0238 beside the self-assessed 0,0476 (5 and 10 of 210
# points: the 12 criteria without data score 0 out of their maxima); --json parses and
# holds the same figures; `rank` runs.
set -u
DTI=${DTI:-build/dti}
ROOT=${ROOT:-.}
tmp=$(mktemp -d)
# shellcheck source=tests/lib/db.sh
. "$(dirname "$0")/../lib/db.sh"
trap 'rm -rf "$tmp"' EXIT
db=$(test_db "$tmp/dti.db")
fail=0
bad() { echo "FAIL: $*"; fail=1; }

"$DTI" --db "$db" import "$ROOT/samples/hoa-binh-2026.md" >/dev/null || bad "import"
out=$("$DTI" --db "$db" index load 1 "$ROOT/samples/index-hoa-binh.csv") || bad "index load"
case $out in *"13 tiêu chí trong 7 nhóm"*) ;; *) bad "index load summary: $out" ;; esac

printf 'ma,ten,diem toi da,chi tieu\n1.1,A,20,1.1\n1.2,B,10,9.9\n' > "$tmp/bad.csv"
err=$("$DTI" --db "$db" index load 1 "$tmp/bad.csv" 2>&1); rc=$?
[ "$rc" = 2 ] || bad "bad table exit $rc"
case $err in *"dòng 3, cột 4"*"9.9"*) ;; *) bad "bad table message: $err" ;; esac
n=$("$DTI" --db "$db" score 1 2026-Q1 --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["criteria"]))')
[ "$n" = 13 ] || bad "criteria after a refused load: $n"

out=$("$DTI" --db "$db" score 1 2026-Q1) || bad "score"
case $out in *"Nhóm 1. Hạ tầng số"*"chưa có số liệu"*) ;; *) bad "score table: $out" ;; esac

"$DTI" --db "$db" score self 1 2026-Q1 2.3 10 --note "QĐ 12" >/dev/null || bad "self"
"$DTI" --db "$db" score review 1 2026-Q1 2.3 5 >/dev/null 2>&1 && bad "review without a reason accepted"
"$DTI" --db "$db" score review 1 2026-Q1 2.3 5 --reason "Trưởng ban là Phó Chủ tịch" >/dev/null || bad "review"
out=$("$DTI" --db "$db" score 1 2026-Q1)
case $out in *"Chỉ số của kế hoạch: 0,0238"*"Theo điểm tự chấm: 0,0476"*) ;; *) bad "index after review: $out" ;; esac
"$DTI" --db "$db" score 1 2026-Q1 --json | python3 -c '
import json, sys
j = json.load(sys.stdin)
t = j["total"]
assert t["index_text"] == "0,0238", t
assert t["completeness"]["reported"] == 1 and t["completeness"]["expected"] == 13 and abs(t["completeness"]["rate"] - 1 / 13) < 1e-9, t
assert abs(t["points"] / t["max"] - t["index"]) < 1e-9
k = [c for c in j["criteria"] if c["code"] == "2.3"][0]
assert k["self"] == 10 and k["review"] == 5 and k["reason"], k
' || bad "score --json"
"$DTI" --db "$db" rank 1 2026-Q1 --units >/dev/null || bad "rank --units"
"$DTI" --db "$db" rank 1 2026-Q1 --communes --json | python3 -c '
import json, sys
j = json.load(sys.stdin)
assert j["ranking"] == "communes" and j["province"]["mode"] == "mean", j
assert j["rows"][0]["rank"] == 1 and j["rows"][0]["sum"]["index_text"] == "0,0238", j
assert j["rows"][0]["sum"]["completeness"]["reported"] == 1 and j["rows"][0]["sum"]["completeness"]["expected"] == 13, j
' || bad "rank --communes"

# Hòa Bình's table loaded for Minh Đức's plan: the codes exist there but name
# other things (its 6.2 is not "hồ sơ sức khỏe điện tử"): refused, exit 2,
# the rows listed, nothing stored
SHARED=${SHARED:-$ROOT/../shared}
if [ -f "$SHARED/plans/minh-duc-2026-2030-dti.txt" ]; then
  "$DTI" --db "$db" import "$SHARED/plans/minh-duc-2026-2030-dti.txt" >/dev/null || bad "import Minh Đức"
  before=$(test_sql "$db" "SELECT COUNT(*) FROM index_criteria")
  err=$("$DTI" --db "$db" index load 2 "$ROOT/samples/index-hoa-binh.csv" 2>&1); rc=$?
  [ "$rc" = 2 ] || bad "another plan's table: exit $rc ($err)"
  case $err in *"không khớp kế hoạch này"*"dòng 2: 1.1"*"phủ sóng 5G"*"dòng khác"*) ;; *) bad "another plan's table: $err" ;; esac
  [ "$(test_sql "$db" "SELECT COUNT(*) FROM index_criteria")" = "$before" ] || bad "another plan's table stored"
else
  bad "no $SHARED/plans (set SHARED)"
fi
exit $fail
