#!/usr/bin/env bash
# serve_sigterm.sh — SIGTERM stops `dti serve` within 5 s in every state
# (issue 9, point 2): (1) slow uploads and slow saves in flight, more than
# the server has threads; (2) a save waiting for SQLite's write lock, held
# by another process; (3) idle kept-alive connections. Each time the
# process must be gone within 5 s of the signal, with exit status 0.
set -u
: "${DTI:?}"
# shellcheck source=tests/cli/lib/serve.sh
. "$(dirname "$0")/lib/serve.sh"
export DTI_NOW=2026-12-06T03:00:00Z
"$DTI" --db "$db" demo >/dev/null || { echo "FAIL: demo"; exit 1; }

start() {  # → sets url and pid
  "$DTI" --db "$db" serve --listen 127.0.0.1:0 --threads 2 >"$tmp/out" 2>"$tmp/err" &
  pid=$!
  url=""
  for _ in $(seq 1 600); do
    url=$(grep -aoE 'http://127\.0\.0\.1:[0-9]+' "$tmp/out" | head -n 1)
    [ -n "$url" ] && break
    sleep 0.1
  done
  [ -n "$url" ] || { echo "FAIL: the server did not start"; cat "$tmp/err"; exit 1; }
  csrf=$(curl -s -m 5 -c "$tmp/jar" -H 'Content-Type: application/json' \
    -d '{"login":"hcc","password":"demo-2026"}' "$url/api/v1/login" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
  rep="$url/api/v1/plans/1/reports/10/2026-12"
}
stop_within() {  # WHAT → kills pid with SIGTERM, checks it is gone within 5 s
  local t0 t1 secs st
  t0=$(date +%s%N)
  kill -TERM "$pid"
  wait "$pid"; st=$?
  t1=$(date +%s%N)
  secs=$(( (t1 - t0) / 1000000 ))
  echo "$1: stopped in ${secs} ms (status $st)"
  [ "$secs" -le 5000 ] || bad "$1: SIGTERM took ${secs} ms"
  # 0: a clean stop, not the watchdog's forced end (1) nor a sanitizer's report
  [ "$st" = 0 ] || bad "$1: exit status $st: $(tail -n 5 "$tmp/err")"
}
clients() {  # kill the client processes left (by their pids) and wait for them
  local p
  for p in $(jobs -p); do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
}

{ printf '%%PDF-1.4\n'; head -c 400000 /dev/zero | tr '\0' ' '; printf '\n%%%%EOF\n'; } >"$tmp/ev.pdf"

# 1. Slow uploads (each would take about a minute) and saves in flight.
start
for i in $(seq 1 8); do
  curl -s -m 120 -o /dev/null --limit-rate 8k -b "$tmp/jar" -H "X-CSRF-Token: $csrf" \
    -F "file=@$tmp/ev.pdf;filename=e$i.pdf" "$rep/evidence" 2>/dev/null &
  { printf 'code,numerator,denominator,value,note\n'; sleep 8; } |
    curl -s -m 120 -o /dev/null -b "$tmp/jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: text/csv' \
      -X PUT -T - "$rep" 2>/dev/null &
done
sleep 2
stop_within "slow uploads in flight"
clients

# 2. A save waiting for the write lock of another process.
start
python3 - "$db" >"$tmp/lock.out" 2>&1 <<'EOF' &
import os, sys; sys.path.insert(0, os.path.join(os.environ.get("ROOT", "."), "tests/lib")); import dbq
dbq.hold_writer(sys.argv[1], 12)
EOF
lockpid=$!
for _ in $(seq 1 300); do grep -q locked "$tmp/lock.out" && break; sleep 0.1; done
for i in 1 2 3; do
  curl -s -m 30 -o /dev/null -b "$tmp/jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: text/csv' -X PUT \
    --data-binary $'code,numerator,denominator,value,note\n4.1,50,60,,x\n' "$rep" 2>/dev/null &
done
sleep 1
stop_within "saves waiting for another process's write lock"
kill "$lockpid" 2>/dev/null; wait "$lockpid" 2>/dev/null
clients

# 3. Idle kept-alive connections (python holds them open without a request).
start
python3 - "${url#http://}" >"$tmp/idle.out" 2>&1 <<'EOF' &
import socket, sys, time
host, port = sys.argv[1].split(":")
socks = []
for i in range(40):
    s = socket.create_connection((host, int(port)))
    s.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n")
    socks.append(s)
time.sleep(1)
print("open", flush=True)
time.sleep(30)
EOF
idlepid=$!
for _ in $(seq 1 300); do grep -q open "$tmp/idle.out" && break; sleep 0.1; done
stop_within "idle kept-alive connections"
kill "$idlepid" 2>/dev/null; wait "$idlepid" 2>/dev/null

[ "$fail" = 0 ] && echo "ok"
exit "$fail"
