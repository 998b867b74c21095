#!/usr/bin/env bash
# bench/cpu.sh — CPU time per request of dti serve and of wrk, per endpoint:
# the figure that the machine's load hardly moves (it counts only the time
# each process ran), so that two builds can be compared on a busy machine.
#
#   bench/cpu.sh [--bin FILE] [--duration S] [--connections C] [--threads N]
#                [--only NAME,NAME]
#
# Makes a fresh demo database (`dti demo`), starts `BIN serve` (default
# build/dti, N threads, default nproc), logs in as the demo's coordinator
# dieuphoi and measures, for each endpoint in turn, with
# `wrk -t2 -cC -dSs -s bench/wrk.lua`: the server's CPU (utime + stime of
# /proc/PID/stat) and wrk's (/usr/bin/time) before and after, divided by
# the requests answered. When wrk and the server share the machine's CPUs
# and keep them busy, requests per second ≈ CPUs ÷ total µs per request, so
# "ratio" (health's total ÷ the endpoint's total) is the throughput ratio
# to expect on a quiet machine. Endpoints: health, me, plans, plan, score,
# completeness, rankings, dashboard (plans and score in turn), as in
# bench/run.sh, for last month's period.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=build/dti DUR=5 CONN=32 THREADS=$(nproc) ONLY=""
usage() {
  echo "usage: bench/cpu.sh [--bin FILE] [--duration S] [--connections C] [--threads N] [--only NAME,...]" >&2
  exit 2
}
while [ $# -gt 0 ]; do
  [ $# -ge 2 ] || usage
  case $1 in
    --bin) BIN=$2 ;;
    --duration) DUR=$2 ;;
    --connections) CONN=$2 ;;
    --threads) THREADS=$2 ;;
    --only) ONLY=$2 ;;
    *) usage ;;
  esac
  shift 2
done
for t in wrk node /usr/bin/time; do
  command -v $t >/dev/null || { echo "bench: $t is missing" >&2; exit 1; }
done
[ -x "$BIN" ] || { echo "bench: $BIN is missing (make)" >&2; exit 1; }
tmp=$(mktemp -d)
pid=""
trap '[ -z "$pid" ] || { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }; [ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
"$BIN" --db "$tmp/demo.db" demo >/dev/null
"$BIN" --db "$tmp/demo.db" serve --listen 127.0.0.1:0 --threads "$THREADS" >"$tmp/out" 2>"$tmp/err" &
pid=$!
url=""
for _ in $(seq 1 100); do
  url=$(grep -aoE 'http://127\.0\.0\.1:[0-9]+' "$tmp/out" 2>/dev/null | head -n 1 || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "bench: the server did not start"; cat "$tmp/err"; exit 1; }
cookie=$(BASE="$url" node --input-type=module -e '
  const r = await fetch(process.env.BASE + "/api/v1/login", {method: "POST",
    headers: {"Content-Type": "application/json"},
    body: JSON.stringify({login: "dieuphoi", password: "demo-2026"})});
  if (!r.ok) { console.error("bench: login failed:", r.status); process.exit(1); }
  console.log((r.headers.get("set-cookie") || "").split(";")[0]);')
P=$(date -u -d "$(date -u +%Y-%m-01) -1 month" +%Y-%m)
hz=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
base=0
echo "bin $BIN; $(nproc) CPUs; serve --threads $THREADS; wrk -t2 -c$CONN -d${DUR}s; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-13s %9s %9s %9s %9s %6s %5s\n' endpoint requests server_us wrk_us total_us ratio load
one() {  # NAME [env...] -- PATH
  local name=$1; shift
  local envs=()
  while [ "$1" != -- ]; do envs+=("$1"); shift; done
  shift
  if [ -n "$ONLY" ] && [ "$name" != health ] && [[ ",$ONLY," != *",$name,"* ]]; then return; fi
  local c0 c1
  c0=$(cpu)
  env "${envs[@]}" DTI_NAME="$name" /usr/bin/time -f 'TIME %U %S' -o "$tmp/time" \
    wrk -t2 -c"$CONN" -d"${DUR}s" -s bench/wrk.lua "$url$1" >"$tmp/wrk.out" 2>&1
  c1=$(cpu)
  awk -v c0="$c0" -v c1="$c1" -v hz="$hz" -v base="$base" -v name="$name" -v load="$(cut -d' ' -f1 /proc/loadavg)" '
    /^RESULT/ {n = $3; bad = $8 + $9}
    /^TIME/ {w = $2 + $3}
    END {
      if (n == 0 || bad > 0) { printf "%-13s failed: %d requests, %d errors\n", name, n, bad; exit 1 }
      s = (c1 - c0) / hz * 1e6 / n; t = s + w * 1e6 / n
      printf "%-13s %9d %9.1f %9.1f %9.1f %6.2f %5s\n", name, n, s, w * 1e6 / n, t, (base > 0 ? base / t : 1), load
      print t > "/dev/stderr"
    }' "$tmp/wrk.out" "$tmp/time" 2>"$tmp/total"
  [ "$name" != health ] || base=$(cat "$tmp/total")
}
one health -- /api/v1/health
one me DTI_COOKIE="$cookie" -- /api/v1/me
one plans DTI_COOKIE="$cookie" -- /api/v1/plans
one plan DTI_COOKIE="$cookie" -- /api/v1/plans/1
one score DTI_COOKIE="$cookie" -- "/api/v1/plans/1/score/$P"
one completeness DTI_COOKIE="$cookie" -- "/api/v1/plans/1/completeness/$P"
one rankings DTI_COOKIE="$cookie" -- "/api/v1/plans/1/rankings?period=$P"
one dashboard DTI_COOKIE="$cookie" DTI_PATHS="/api/v1/plans /api/v1/plans/1/score/$P" -- "/api/v1/plans/1/score/$P"
