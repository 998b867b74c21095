#!/usr/bin/env bash
# bench/login_saves.sh — report saves per second through the API while
# logins run, against the same saves with no logins (the cost a login puts
# on the other writers: before, a login verified its password, about a
# tenth of a second of Argon2id, inside the one writer's transaction).
#
#   bench/login_saves.sh [--duration S] [--logins N] [--threads N]
#
# A fresh demo database (`dti demo`, DTI_NOW from tests/now) and one
# `dti serve` (BENCH_BIN, default build/dti; another build to compare),
# then with `wrk -t2 -c8 -dS --latency -s bench/wrk.lua`, PUT of the
# reporter's draft (text/csv, as bench/run.sh's report-put):
#   1. saves alone;
#   2. saves while N loops (default 2) each POST /api/v1/login with the
#      right password one after the other (curl), counting the logins.
# Prints one line per phase: saves/s, p50 and p99 latency (ms), non-2xx,
# and the logins per second of phase 2.
set -euo pipefail
cd "$(dirname "$0")/.."
DUR=10 LOGINS=2 THREADS=$(nproc)
while [ $# -gt 0 ]; do
  case $1 in
    --duration) DUR=$2 ;;
    --logins) LOGINS=$2 ;;
    --threads) THREADS=$2 ;;
    *) echo "usage: bench/login_saves.sh [--duration S] [--logins N] [--threads N]" >&2; exit 2 ;;
  esac
  shift 2
done
BIN=${BENCH_BIN:-build/dti}
tmp=$(mktemp -d)
pid="" lpids=()
stop() {
  for p in "${lpids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -z "$pid" ] || { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }
  pid=""
}
trap 'stop; rm -rf "$tmp"' EXIT
export DTI_NOW="${DTI_NOW:-$(cat tests/now)}"
DB="$tmp/demo.db"
"$BIN" --db "$DB" --json demo >"$tmp/demo.json"
PERIOD=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["months"][-1])' "$tmp/demo.json")
NEXT=$(date -u -d "$PERIOD-01 +1 month" +%Y-%m)
"$BIN" --db "$DB" serve --listen 127.0.0.1:0 --threads "$THREADS" >"$tmp/out" 2>"$tmp/err" &
pid=$!
url=""
for _ in $(seq 1 100); do
  url=$(grep -aoE 'http://127\.0\.0\.1:[0-9]+' "$tmp/out" 2>/dev/null | head -n 1 || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "bench: the server did not start"; cat "$tmp/err"; exit 1; }
login_json() { printf '{"login":"%s","password":"demo-2026"}' "$1"; }
curl -s -D "$tmp/h" -o "$tmp/login.json" -H 'Content-Type: application/json' -d "$(login_json vhxh)" "$url/api/v1/login"
cookie=$(grep -i '^set-cookie:' "$tmp/h" | head -n1 | sed 's/^[^:]*: *//; s/;.*//' | tr -d '\r')
csrf=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrf_token"])' "$tmp/login.json")
org=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["user"]["org_id"])' "$tmp/login.json")
curl -s -H "Cookie: $cookie" "$url/api/v1/plans/1/reports/$org/$PERIOD" >"$tmp/rep.json"
python3 - "$tmp/rep.json" >"$tmp/draft.csv" <<'PY'
import csv, json, sys
j = json.load(open(sys.argv[1])); w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["kind", "code", "numerator", "denominator", "value", "note", "status", "percent", "products"])
for v in j.get("values") or []:
    if v.get("role") == "lead":
        num = v.get("numerator")
        w.writerow(["indicator", v["code"], "" if num is None else num, "" if num is None else v.get("denominator") or "",
                    v.get("value") if num is None and v.get("value") is not None else "", v.get("note") or ""])
for t in j.get("tasks") or []:
    w.writerow(["task", t["code"], "", "", "", t.get("note") or "", t.get("status") or "", t.get("percent") or "", t.get("products") or ""])
PY
saves() {
  DTI_NAME=save DTI_COOKIE="$cookie" DTI_CSRF="$csrf" DTI_METHOD=PUT DTI_TYPE=text/csv DTI_BODY="$tmp/draft.csv" \
    wrk -t2 -c8 -d"${DUR}s" --latency -s bench/wrk.lua "$url/api/v1/plans/1/reports/$org/$NEXT" >"$tmp/wrk.out" 2>&1 ||
    { cat "$tmp/wrk.out"; exit 1; }
  awk '/^RESULT/ {printf "%s saves/s, p50 %s ms, p99 %s ms, non-2xx %s", $4, $5, $6, $9}' "$tmp/wrk.out"
}
echo "machine: $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg); $BIN; serve --threads $THREADS; wrk -t2 -c8 -d${DUR}s"
echo "saves alone: $(saves)"
: >"$tmp/logins"
for i in $(seq 1 "$LOGINS"); do
  ( while :; do
      curl -s -o /dev/null -w '%{http_code}\n' -H 'Content-Type: application/json' -d "$(login_json dieuphoi)" \
        "$url/api/v1/login" >>"$tmp/logins"
    done ) &
  lpids+=($!)
done
line=$(saves)
for p in "${lpids[@]}"; do kill "$p" 2>/dev/null || true; done
wait "${lpids[@]}" 2>/dev/null || true
lpids=()
ok=$(grep -c '^200$' "$tmp/logins" || true)
echo "saves while $LOGINS login loops run: $line; logins: $ok answered 200 ($(awk -v n="$ok" -v d="$DUR" 'BEGIN {printf "%.1f", n / d}')/s), $(grep -vc '^200$' "$tmp/logins" || true) other"
