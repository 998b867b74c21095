#!/usr/bin/env bash
# `dti province` on the command line, at the pinned now (tests/run.sh sets
# DTI_NOW): `province gen` makes 12 communes, the same data twice for the
# same seed; `province home` prints every commune with its index and its own
# report's state, the province's viewer allowed, a commune's viewer refused
# (exit 1, "not found"); `province table` refuses a bad table naming the line
# and column (exit 2, nothing stored) and a viewer (exit 1), then loads
# samples/index-hoa-binh.csv onto all 12 plans; a period that is none exits 2.
set -u
DTI=${DTI:-build/dti}
ROOT=${ROOT:-.}
export DTI_NOW=${DTI_NOW:-$(cat "$ROOT/tests/now")}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/p.db
fail=0
bad() { echo "FAIL: $*"; fail=1; }

gen=$("$DTI" --db "$db" --json province gen --communes 12 --seed 5) || bad "gen"
period=$(printf '%s' "$gen" | python3 -c 'import json,sys; print(json.load(sys.stdin)["period"])')
"$DTI" --db "$tmp/again.db" --json province gen --communes 12 --seed 5 > "$tmp/again.json" || bad "gen again"
[ "$gen" = "$(cat "$tmp/again.json")" ] || bad "the same seed gives other data: $gen / $(cat "$tmp/again.json")"
h1=$("$DTI" --db "$db" --as tinh --json province home 1 "$period")
h2=$("$DTI" --db "$tmp/again.db" --as tinh --json province home 1 "$period")
[ "$h1" = "$h2" ] || bad "the same seed gives other figures"

out=$("$DTI" --db "$db" --as tinh province home 1 "$period") || bad "home as the province's viewer"
case $out in *"Bình Nguyên"*"Chỉ số của tỉnh: 0,"*"Đã báo cáo:"*) ;; *) bad "home text: $out" ;; esac
n=$(printf '%s\n' "$out" | grep -cE '^[0-9—]+ +[^ ].* [0-9],[0-9]{4} ')
[ "$n" = 12 ] || bad "12 communes with an index, got $n: $out"
printf '%s' "$h1" | python3 -c '
import json, sys
j = json.load(sys.stdin)
assert len(j["communes"]) == 12, len(j["communes"])
assert j["summary"]["reported"] + j["summary"]["not_reported"] == 12
assert sorted(j["not_reported"]) == sorted(c["org_id"] for c in j["communes"] if not c["reported"])
' || bad "home JSON"

commune=$(printf '%s' "$h1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["communes"][0]["org_id"])')
DTI_PASSWORD=mat-khau-xa "$DTI" --db "$db" --as admin user add xem-xa --role viewer --org "$commune" >/dev/null || bad "commune viewer"
err=$("$DTI" --db "$db" --as xem-xa province home 1 "$period" 2>&1); rc=$?
[ "$rc" = 1 ] || bad "a commune's viewer: exit $rc ($err)"
case $err in *"Bình Nguyên"*) bad "the refusal names the province: $err" ;; esac

err=$("$DTI" --db "$db" --as tinh province home 1 thang-10 2>&1); rc=$?
[ "$rc" = 2 ] || bad "bad period exit $rc: $err"

printf 'ma,ten,diem toi da,chi tieu\n1.1,Tỷ lệ phủ sóng 5G,20,1.1\n1.2,B,hai,1.2\n' > "$tmp/bad.csv"
err=$("$DTI" --db "$db" --as sokhcn province table 1 "$tmp/bad.csv" 2>&1); rc=$?
[ "$rc" = 2 ] || bad "bad table exit $rc"
case $err in *"dòng 3, cột 3"*) ;; *) bad "bad table message: $err" ;; esac
err=$("$DTI" --db "$db" --as tinh province table 1 "$ROOT/samples/index-hoa-binh.csv" 2>&1); rc=$?
[ "$rc" = 1 ] || bad "a viewer loads a table: exit $rc ($err)"
out=$("$DTI" --db "$db" --as sokhcn province table 1 "$ROOT/samples/index-hoa-binh.csv") || bad "table"
printf '%s' "$out" | python3 -c '
import json, sys
j = json.load(sys.stdin)
assert j["plans"] == 12 and j["criteria"] == 13 and j["max_total"] == 210, j
' || bad "table answer: $out"
"$DTI" --db "$db" --as tinh --json province home 1 "$period" | python3 -c '
import json, sys
j = json.load(sys.stdin)
assert j["table"] == "index-hoa-binh.csv", j["table"]
' || bad "home after the table"

[ "$fail" = 0 ] && echo "province: ok"
exit $fail
