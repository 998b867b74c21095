#!/usr/bin/env bash
# bench/run.sh — requests per second and latency of dti serve under wrk.
#
#   bench/run.sh [--db FILE] [--threads N] [--connections C] [--duration S]
#
# Starts build/dti serve on a free loopback port (on FILE, or a fresh empty
# database), measures GET /api/v1/health (the trivial baseline) and, when
# it exists and BENCH_USER/BENCH_PASSWORD can log in, the dashboard
# endpoint (BENCH_DASHBOARD, default /api/v1/dashboard), at C connections
# (default 32), and prints one line per endpoint: requests per second, p50
# and p99 latency, errors; then the server's peak memory (VmHWM) and the
# machine. Figures are written nowhere: copy them into docs/performance.md
# with the machine line when they are measured.
set -euo pipefail
cd "$(dirname "$0")/.."
DB="" THREADS=$(nproc) CONN=32 DUR=10
while [ $# -gt 0 ]; do
  case $1 in
    --db) DB=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --connections) CONN=$2; shift 2 ;;
    --duration) DUR=$2; shift 2 ;;
    *) echo "usage: bench/run.sh [--db FILE] [--threads N] [--connections C] [--duration S]" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "bench: wrk is missing (make deps)" >&2; exit 1; }
[ -x build/dti ] || make -s build/dti
tmp=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
[ -n "$DB" ] || DB="$tmp/bench.db"
build/dti --db "$DB" serve --listen 127.0.0.1:0 --threads "$THREADS" >"$tmp/out" 2>"$tmp/err" &
pid=$!
url=""
for _ in $(seq 1 100); do
  url=$(grep -aoE 'http://127\.0\.0\.1:[0-9]+' "$tmp/out" | head -n 1 || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "bench: the server did not start"; cat "$tmp/err"; exit 1; }

run() {  # PATH [COOKIE]
  DTI_COOKIE=${2:-} wrk -t2 -c"$CONN" -d"${DUR}s" --latency -s bench/wrk.lua "$url$1" >"$tmp/wrk.out"
  awk -v c="$CONN" '/^RESULT/ {printf "%-28s %8s req/s   p50 %6s ms   p99 %6s ms   errors %s   (%s connections)\n", $2, $3, $4, $5, $6, c}' "$tmp/wrk.out"
}

echo "dti serve: $THREADS threads, database $DB"
run /api/v1/health
if [ -n "${BENCH_USER:-}" ]; then
  cookie=$(BASE="$url" node -e '
    const r = await fetch(process.env.BASE + "/api/v1/login", {method: "POST",
      headers: {"Content-Type": "application/json"},
      body: JSON.stringify({login: process.env.BENCH_USER, password: process.env.BENCH_PASSWORD || ""})});
    if (!r.ok) { console.error("bench: login failed:", r.status, await r.text()); process.exit(1); }
    console.log((r.headers.get("set-cookie") || "").split(";")[0]);' --input-type=module)
  dash=${BENCH_DASHBOARD:-/api/v1/dashboard}
  code=$(BASE="$url$dash" C="$cookie" node --input-type=module -e '
    const r = await fetch(process.env.BASE, {headers: {Cookie: process.env.C}}); console.log(r.status);')
  if [ "$code" = 200 ]; then run "$dash" "$cookie"; else echo "$dash: status $code, not measured"; fi
else
  echo "dashboard: not measured (set BENCH_USER and BENCH_PASSWORD, and --db with data)"
fi
echo "server peak memory: $(awk '/VmHWM/ {print $2, $3}' /proc/$pid/status)"
echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr)"
