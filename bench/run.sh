#!/usr/bin/env bash
# bench/run.sh — requests per second, latency and peak memory of dti serve
# under wrk, on the demo data, against the budgets of issue 4.
#
#   bench/run.sh [--db FILE] [--runs N] [--duration S] [--connections C]
#                [--threads N] [--period P] [--only NAME,NAME]
#
# Without --db, `dti demo` makes a fresh demo database (var/demo.db's data:
# plan 1, reports from the plan's issue up to last month) in a temporary folder.
# BENCH_BIN: the binary to measure (default build/dti).
# With --db, the logins come from BENCH_VIEWER / BENCH_REPORTER and
# BENCH_PASSWORD (defaults: the demo's dieuphoi, vhxh, demo-2026).
#
# Each run starts a fresh `dti serve` (N threads, default nproc) on a free
# loopback port and measures, one after the other, with
# `wrk -t2 -cC -dSs --latency -s bench/wrk.lua`:
#   health        GET /api/v1/health: the trivial baseline (touches nothing)
#   me, plans, plan, score, completeness, rankings
#                 each endpoint the dashboard screen uses, as the coordinator
#   dashboard     the requests of one dashboard view in turn, as
#                 web/js/views/dashboard.js makes them: GET /api/v1/plans,
#                 GET /api/v1/plans/1/score/P
#   report-get    GET the reporter's own report of period P
#   report-put    PUT a draft of period P+1 (text/csv: the reporter's
#                 figures, tasks and texts of period P; each request a
#                 committed, fsync'd, audited transaction)
# and prints per endpoint: requests per second, p50, p99 and max latency,
# errors, the ratio to health's req/s and whether the budget held (dashboard
# endpoints: ratio >= 0.5 and p99 < 20 ms), the 1-minute load average
# after the endpoint's run; then the server's peak memory (VmHWM of
# /proc/PID/status) and a summary line per run. P is --period, else the demo's
# last story month at DTI_NOW (default: the instant in tests/now), else the
# database's latest month with an approved report.
set -euo pipefail
cd "$(dirname "$0")/.."
DB="" RUNS=5 DUR=10 CONN=32 THREADS=$(nproc) PERIOD="" ONLY=""
usage() {
  echo "usage: bench/run.sh [--db FILE] [--runs N] [--duration S] [--connections C] [--threads N] [--period P] [--only NAME,...]" >&2
  exit 2
}
while [ $# -gt 0 ]; do
  [ $# -ge 2 ] || usage
  case $1 in
    --db) DB=$2 ;;
    --runs) RUNS=$2 ;;
    --duration) DUR=$2 ;;
    --connections) CONN=$2 ;;
    --threads) THREADS=$2 ;;
    --period) PERIOD=$2 ;;
    --only) ONLY=$2 ;;
    *) usage ;;
  esac
  shift 2
done
for t in wrk node; do
  command -v $t >/dev/null || { echo "bench: $t is missing (make deps)" >&2; exit 1; }
done
BIN=${BENCH_BIN:-build/dti}   # another build to compare with
[ "$BIN" != build/dti ] || [ -x build/dti ] || make -s build/dti
tmp=$(mktemp -d)
pid=""
stop() { [ -z "$pid" ] || { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }; pid=""; }
trap 'stop; rm -rf "$tmp"' EXIT
# "Now" as in the tests: DTI_NOW, else the instant pinned in tests/now, so the
# demo's months (and the default period) are the same whatever the date.
export DTI_NOW="${DTI_NOW:-$(cat tests/now)}"
if [ -z "$DB" ]; then
  DB="$tmp/demo.db"
  "$BIN" --db "$DB" --json demo >"$tmp/demo.json"
  # the demo's last story month: every reporter has a report for it
  [ -n "$PERIOD" ] || PERIOD=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["months"][-1])' "$tmp/demo.json")
fi
VIEWER=${BENCH_VIEWER:-dieuphoi} REPORTER=${BENCH_REPORTER:-vhxh} PASSWORD=${BENCH_PASSWORD:-demo-2026}
# a database of one's own: its latest month with an approved report
[ -n "$PERIOD" ] || PERIOD=$(sqlite3 "$DB" "SELECT MAX(period) FROM reports WHERE state = 'approved' AND period GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'")
[ -n "$PERIOD" ] || { echo "bench: no approved month in $DB: give --period" >&2; exit 1; }
NEXT=$(date -u -d "$PERIOD-01 +1 month" +%Y-%m)

start() {
  rm -f "$tmp/out"    # not the last run's address
  "$BIN" --db "$DB" serve --listen 127.0.0.1:0 --threads "$THREADS" >"$tmp/out" 2>"$tmp/err" &
  pid=$!
  url=""
  for _ in $(seq 1 100); do
    url=$(grep -aoE 'http://127\.0\.0\.1:[0-9]+' "$tmp/out" 2>/dev/null | head -n 1 || true)
    [ -n "$url" ] && break
    sleep 0.1
  done
  [ -n "$url" ] || { echo "bench: the server did not start"; cat "$tmp/err"; exit 1; }
}

# login NAME → "cookie csrf org_id"
login() {
  BASE="$url" L="$1" P="$PASSWORD" node --input-type=module -e '
    const r = await fetch(process.env.BASE + "/api/v1/login", {method: "POST",
      headers: {"Content-Type": "application/json"},
      body: JSON.stringify({login: process.env.L, password: process.env.P})});
    if (!r.ok) { console.error("bench: login " + process.env.L + " failed:", r.status, await r.text()); process.exit(1); }
    const j = await r.json();
    console.log((r.headers.get("set-cookie") || "").split(";")[0], j.csrf_token, j.user.org_id);'
}

# The reporter's report of PERIOD as the CSV a unit would send (its figures,
# tasks and texts), into $tmp/draft.csv.
draft_csv() {
  BASE="$url" C="$1" PATHX="$2" OUT="$tmp/draft.csv" node --input-type=module -e '
    const r = await fetch(process.env.BASE + process.env.PATHX, {headers: {Cookie: process.env.C}});
    if (!r.ok) { console.error("bench: " + process.env.PATHX + ":", r.status, await r.text()); process.exit(1); }
    const j = await r.json();
    const q = (s) => s == null ? "" : /[",\n]/.test(String(s)) ? `"${String(s).replaceAll("\"", "\"\"")}"` : String(s);
    const rows = ["kind,code,numerator,denominator,value,note,status,percent,products"];
    for (const v of j.values || [])
      if (v.role === "lead")
        rows.push(["indicator", v.code, v.numerator, v.numerator == null ? "" : v.denominator,
                   v.numerator == null ? v.value : "", v.note].map(q).join(","));
    for (const t of j.tasks || [])
      rows.push(["task", t.code, "", "", "", t.note, t.status, t.percent, t.products].map(q).join(","));
    for (const k of ["results", "difficulties", "proposals"])
      if (j[k]) rows.push([k, "", "", "", "", j[k]].map(q).join(","));
    (await import("node:fs")).writeFileSync(process.env.OUT, rows.join("\n") + "\n");'
}

status_of() {  # PATH COOKIE
  BASE="$url$1" C="$2" node --input-type=module -e '
    const r = await fetch(process.env.BASE, {headers: {Cookie: process.env.C}}); console.log(r.status);'
}

# measure NAME KIND(budget|info|base) [env assignments for wrk.lua...] -- PATH
HEALTH_RPS=0
measure() {
  local name=$1 kind=$2; shift 2
  local envs=()
  while [ "$1" != -- ]; do envs+=("$1"); shift; done
  shift
  if [ -n "$ONLY" ] && [ "$kind" != base ] && [[ ",$ONLY," != *",$name,"* ]]; then return; fi
  env "${envs[@]}" DTI_NAME="$name" wrk -t2 -c"$CONN" -d"${DUR}s" --latency -s bench/wrk.lua "$url$1" \
    >"$tmp/wrk.out" 2>&1 || { cat "$tmp/wrk.out"; exit 1; }
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  awk -v kind="$kind" -v base="$HEALTH_RPS" -v load="$load" '/^RESULT/ {
      ratio = base > 0 ? $4 / base : 1
      verdict = "-"
      if (kind == "budget") verdict = (ratio >= 0.5 && $6 < 20 && $8 == 0 && $9 == 0) ? "held" : "MISSED"
      printf "%-13s %9d %8d %7.2f %8.2f %8.2f %6d %6d %6.2f  %-6s %5s\n", $2, $3, $4, $5, $6, $7, $8, $9, ratio, verdict, load
    }' "$tmp/wrk.out" | tee -a "$tmp/run.txt"
  if [ "$kind" = base ]; then HEALTH_RPS=$(awk '/^RESULT/ {print $4}' "$tmp/wrk.out"); fi
}

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) CPUs," \
     "$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2)"
echo "dti serve: $THREADS threads; database $DB; period $PERIOD; wrk -t2 -c$CONN -d${DUR}s; $RUNS runs"
for run in $(seq 1 "$RUNS"); do
  start
  read -r vcookie _ _ <<<"$(login "$VIEWER")"
  read -r rcookie rcsrf rorg <<<"$(login "$REPORTER")"
  rep="/api/v1/plans/1/reports/$rorg/$PERIOD"
  draft_csv "$rcookie" "$rep"
  score="/api/v1/plans/1/score/$PERIOD"
  for p in /api/v1/me /api/v1/plans /api/v1/plans/1 "$score" "/api/v1/plans/1/completeness/$PERIOD" \
           "/api/v1/plans/1/rankings?period=$PERIOD"; do
    code=$(status_of "$p" "$vcookie")
    [ "$code" = 200 ] || { echo "bench: $p answers $code to $VIEWER"; exit 1; }
  done
  : >"$tmp/run.txt"
  HEALTH_RPS=0
  echo
  echo "run $run/$RUNS ($(date -u +%H:%M:%SZ), load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
  printf '%-13s %9s %8s %7s %8s %8s %6s %6s %6s  %-6s %5s\n' endpoint requests req/s p50ms p99ms maxms sockerr non2xx ratio budget load
  measure health base -- /api/v1/health
  measure me budget DTI_COOKIE="$vcookie" -- /api/v1/me
  measure plans budget DTI_COOKIE="$vcookie" -- /api/v1/plans
  measure plan budget DTI_COOKIE="$vcookie" -- /api/v1/plans/1
  measure score budget DTI_COOKIE="$vcookie" -- "$score"
  measure completeness budget DTI_COOKIE="$vcookie" -- "/api/v1/plans/1/completeness/$PERIOD"
  measure rankings budget DTI_COOKIE="$vcookie" -- "/api/v1/plans/1/rankings?period=$PERIOD"
  measure dashboard budget DTI_COOKIE="$vcookie" DTI_PATHS="/api/v1/plans $score" -- "$score"
  measure report-get info DTI_COOKIE="$rcookie" -- "$rep"
  measure report-put info DTI_COOKIE="$rcookie" DTI_CSRF="$rcsrf" DTI_METHOD=PUT DTI_TYPE=text/csv \
    DTI_BODY="$tmp/draft.csv" -- "/api/v1/plans/1/reports/$rorg/$NEXT"
  hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
  stop
  echo "server peak memory (VmHWM): $hwm kB"
  awk -v run="$run" -v hwm="$hwm" '$10 == "MISSED" {m = m " " $1} $10 == "held" {h++}
    END {printf "run %d: budget %s (%d held%s), peak RSS %s kB\n", run, m == "" ? "HELD" : "MISSED", h, m == "" ? "" : "; missed:" m, hwm}' \
    "$tmp/run.txt"
done
echo "(report-put body: $(wc -l <"$tmp/draft.csv") CSV lines, $(wc -c <"$tmp/draft.csv") bytes)"
