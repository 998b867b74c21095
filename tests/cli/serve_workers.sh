#!/usr/bin/env bash
# serve_workers.sh — `dti serve --workers N` (issue 12, "several server
# processes"; src/cli/cmd_serve.c): one command starts two worker processes
# on one port (SO_REUSEPORT) under a supervising parent, which prints the
# address once. Requests are answered; a session made through whichever
# worker took the login is valid on many new connections (the kernel spreads
# them, so which worker answers is not chosen: the session must hold on
# every one). A worker killed is reported on stderr and not restarted while
# the other still answers; SIGTERM to the parent stops every worker and
# leaves no orphan, and the parent's status says a worker failed. A worker
# that cannot start (the port held by a process without --reuse-port) makes
# the parent exit non-zero, leaving nothing running.
set -u
: "${DTI:?}" "${DTI_NOW:?}"
T=$(mktemp -d)
# shellcheck source=tests/lib/db.sh
. "$(dirname "$0")/../lib/db.sh"
DB=$(test_db "$T/w.db")
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; rm -rf "$T"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
"$DTI" --db "$DB" demo > /dev/null 2>&1 || { echo "FAIL: demo"; exit 1; }
up() {  # LOG PID → 0 once it said its address (60 s: a loaded machine); sets url
  local u
  for _ in $(seq 1 600); do
    u=$(grep -aoE 'http://127\.0\.0\.1:[0-9]+' "$T/$1.out" 2>/dev/null | head -n 1)
    [ -n "$u" ] && { url=$u; return 0; }
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
workers_of() { pgrep -P "$1" | sort; }
url=""
"$DTI" --db "$DB" serve --listen 127.0.0.1:0 --threads 2 --workers 2 > "$T/s.out" 2> "$T/s.err" &
s=$!; pids+=("$s")
up s "$s" || { echo "FAIL: the supervisor did not start: $(cat "$T/s.err")"; exit 1; }
[ "$(grep -c 'đang phục vụ tại' "$T/s.out")" = 1 ] || bad "the address is not printed once: $(cat "$T/s.out")"
grep -q '2 tiến trình' "$T/s.out" || bad "the line does not say 2 workers: $(cat "$T/s.out")"
w=$(workers_of "$s")
[ "$(echo "$w" | grep -c .)" = 2 ] || bad "not two worker processes: [$w]"
for p in $w; do
  grep -q -- "--workers" "/proc/$p/cmdline" 2>/dev/null || bad "worker $p is not a dti serve process"
done

# a session made through whichever worker took the login, then many new connections
curl -s -c "$T/jar" -H 'Content-Type: application/json' -d '{"login":"chutich","password":"demo-2026"}' \
  "$url/api/v1/login" > /dev/null || bad "login"
codes=""
for _ in $(seq 1 40); do codes="$codes $(curl -s -o /dev/null -w '%{http_code}' -b "$T/jar" "$url/api/v1/me")"; done
[ -z "$(echo $codes | tr ' ' '\n' | grep -v '^200$')" ] || bad "not every request answered 200 with the session: $codes"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/api/v1/me")" = 401 ] || bad "no session: not 401"

# one worker killed: reported, not restarted, the other still answers
w1=$(echo "$w" | head -n 1); w2=$(echo "$w" | tail -n 1)
kill -KILL "$w1"
for _ in $(seq 1 100); do grep -q "$w1" "$T/s.err" && break; sleep 0.1; done
grep -q "tiến trình phục vụ $w1 bị dừng bởi tín hiệu 9 (không khởi động lại)" "$T/s.err" ||
  bad "the killed worker is not reported: $(cat "$T/s.err")"
sleep 0.5
[ "$(workers_of "$s")" = "$w2" ] || bad "after one was killed the workers are [$(workers_of "$s")], not [$w2] (restarted?)"
for _ in $(seq 1 10); do
  c=$(curl -s -o /dev/null -w '%{http_code}' -b "$T/jar" "$url/api/v1/me")
  [ "$c" = 200 ] || bad "after one worker died: $c"
done

# SIGTERM: every worker stops, no orphan; non-zero since a worker failed
kill -TERM "$s"; wait "$s"; rc=$?
[ "$rc" != 0 ] || bad "the supervisor exited 0 although a worker was killed"
kill -0 "$w2" 2>/dev/null && bad "worker $w2 still running after SIGTERM"
grep -q "đang dừng máy chủ" "$T/s.err" || bad "the worker was not told to stop: $(cat "$T/s.err")"
code=$(curl -s -o /dev/null -w '%{http_code}' "$url/api/v1/me")
[ "$code" = 000 ] || bad "something still answers on the port after SIGTERM: $code"

# a clean run: two workers, SIGTERM, status 0, no orphan
"$DTI" --db "$DB" serve --listen 127.0.0.1:0 --threads 1 --workers 2 > "$T/c.out" 2> "$T/c.err" &
c=$!; pids+=("$c")
up c "$c" || { echo "FAIL: the second supervisor did not start: $(cat "$T/c.err")"; exit 1; }
port=${url##*:}
cw=$(workers_of "$c")
[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/api/v1/me")" = 401 ] || bad "the clean run does not answer"

kill -TERM "$c"; wait "$c"; rc=$?
[ "$rc" = 0 ] || bad "a clean stop exited $rc: $(cat "$T/c.err")"
for p in $cw; do kill -0 "$p" 2>/dev/null && bad "worker $p left running"; done

# the supervisor killed outright (SIGKILL, nothing forwarded): its workers still end
"$DTI" --db "$DB" serve --listen 127.0.0.1:0 --threads 1 --workers 2 > "$T/k.out" 2> "$T/k.err" &
k=$!; pids+=("$k")
up k "$k" || { echo "FAIL: the third supervisor did not start: $(cat "$T/k.err")"; exit 1; }
kw=$(workers_of "$k")
kill -KILL "$k"; wait "$k" 2>/dev/null
for p in $kw; do
  for _ in $(seq 1 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$p" 2>/dev/null && { bad "worker $p orphaned by a killed supervisor"; kill -KILL "$p"; }
done

# a worker that cannot start: the port held by a plain server (no --reuse-port)

"$DTI" --db "$DB" serve --listen "127.0.0.1:0" --threads 1 > "$T/p.out" 2> "$T/p.err" &
p=$!; pids+=("$p")
up p "$p" || { echo "FAIL: the plain server did not start"; exit 1; }
port=${url##*:}
"$DTI" --db "$DB" serve --listen "127.0.0.1:$port" --threads 1 --workers 2 > "$T/f.out" 2> "$T/f.err" &
f=$!; pids+=("$f")
for _ in $(seq 1 600); do kill -0 "$f" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$f" 2>/dev/null; then bad "--workers on a taken port still running after 60 s"
else wait "$f"; rc=$?; [ "$rc" != 0 ] || bad "--workers on a taken port exited 0"; fi
grep -q "không khởi động được" "$T/f.err" || bad "the failed start is not said: $(cat "$T/f.err")"
grep -q "đang phục vụ" "$T/f.out" && bad "a failed start printed an address"
kill -TERM "$p"; wait "$p"
[ "$fail" = 0 ] && echo "serve_workers: ok"
exit "$fail"
