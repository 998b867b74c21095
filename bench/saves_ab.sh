#!/usr/bin/env bash
# saves_ab.sh — report saves per second of one build, for A/B runs of two
# builds in the same minutes (the figures move with the machine's load, so
# only builds alternated at the same time compare). A copy of DB (its audit
# key and anchor beside it), `dti serve` (THREADS: --threads, default the
# server's), admin's login, the database's first draft written back as
# text/csv by wrk -t2 -c32 for SECONDS (bench/wrk.lua), then prints saves/s,
# p99, the server's CPU per save (user+sys from /proc/PID/stat), the load,
# its peak RSS, and `dti audit verify` after the saves.
#
#   bench/saves_ab.sh BIN SECONDS DB
#
# DB: e.g. `dti gen country --provinces 2 --communes 60` made at
# DTI_NOW=2027-01-20T03:00:00Z (its passwords gen-2026-pass).
set -euo pipefail
BIN=$(realpath "$1") DUR=${2:-5} DB=$(realpath "$3")
cd "$(dirname "$0")/.."
export DTI_NOW=2027-01-20T03:00:00Z
t=$(mktemp -d "${TMPDIR:-/tmp}/saves_ab.XXXXXX")
cp "$DB" $t/db
for f in "$DB".audit-key "$DB".audit-anchor; do [ ! -f "$f" ] || cp "$f" "$t/db${f#"$DB"}"; done
"$BIN" --db $t/db serve --listen 127.0.0.1:0 ${THREADS:+--threads $THREADS} >$t/out 2>$t/err & pid=$!
trap 'kill $pid 2>/dev/null; rm -rf $t' EXIT
for _ in $(seq 100); do url=$(grep -aoE 'http://127\.0\.0\.1:[0-9]+' $t/out | head -1 || true); [ -n "$url" ] && break; sleep 0.1; done
curl -s -D $t/h -H 'Content-Type: application/json' -d '{"login":"admin","password":"gen-2026-pass"}' $url/api/v1/login >$t/l.json
c=$(grep -i '^set-cookie:' $t/h | head -1 | sed 's/^[^:]*: *//; s/;.*//' | tr -d '\r')
csrf=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrf_token"])' $t/l.json)
read -r p o per <<<"$(sqlite3 -separator ' ' $t/db "SELECT plan_id, org_id, period FROM reports WHERE state = 'draft' ORDER BY plan_id, org_id, period LIMIT 1")"
rep=/api/v1/plans/$p/reports/$o/$per
curl -s -H "Cookie: $c" $url$rep > $t/rep.json
python3 - $t/rep.json $t/draft.csv <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
def q(s):
    s = "" if s is None else str(s)
    return '"' + s.replace('"', '""') + '"' if any(c in s for c in ',"\n') else s
rows = ["kind,code,numerator,denominator,value,note,status,percent,products"]
for v in j.get("values") or []:
    if v.get("role") == "lead":
        num = v.get("numerator")
        rows.append(",".join(q(x) for x in ["indicator", v.get("code"), num, "" if num is None else v.get("denominator"), v.get("value") if num is None else "", v.get("note")]))
for t in j.get("tasks") or []:
    rows.append(",".join(q(x) for x in ["task", t.get("code"), "", "", "", t.get("note"), t.get("status"), t.get("percent"), t.get("products")]))
for k in ("results", "difficulties", "proposals"):
    if j.get(k):
        rows.append(",".join(q(x) for x in [k, "", "", "", "", j[k]]))
open(sys.argv[2], "w").write("\n".join(rows) + "\n")
PY
fills0=$(sqlite3 $t/db "SELECT COUNT(*) FROM audit WHERE action = 'report.fill'")
cpu0=$(awk '{print $14+$15}' /proc/$pid/stat)
DTI_COOKIE=$c DTI_CSRF=$csrf DTI_METHOD=PUT DTI_TYPE=text/csv DTI_BODY=$t/draft.csv DTI_NAME=save wrk -t2 -c32 -d${DUR}s --latency -s bench/wrk.lua $url$rep > $t/wrk.out
cpu1=$(awk '{print $14+$15}' /proc/$pid/stat)
read -r _ _ req rps p50 p99 _ se sn <<<"$(grep ^RESULT $t/wrk.out)"
tck=$(getconf CLK_TCK)
awk -v r=$req -v s=$rps -v c=$((cpu1-cpu0)) -v t=$tck -v p=$p99 -v n=$sn -v l="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN{printf "%s saves/s, p99 %s ms, non2xx %s, server CPU %.3f ms/save [load %s]\n", s, p, n, c/t*1000/r, l}'
grep VmHWM /proc/$pid/status
fills1=$(sqlite3 $t/db "SELECT COUNT(*) FROM audit WHERE action = 'report.fill'")
echo "saves acknowledged (2xx) $((req - sn)), report.fill rows committed meanwhile $((fills1 - fills0))"
"$BIN" --db $t/db --as admin audit verify >/dev/null 2>&1 && echo "audit verify ok" || echo "AUDIT VERIFY FAILED"
