#!/usr/bin/env bash
# serve_reuse_port.sh — several `dti serve --reuse-port` processes on one
# port (issue 12, "several server processes"): both start on the same
# address, the kernel spreads connections over them, a session made through
# one is answered whichever process takes the next connection, and when one
# stops the other still answers. Without --reuse-port the second refuses to
# start (the port is taken). Cross-process consistency itself is
# tests/cli/two_servers.sh.
set -u
: "${DTI:?}" "${DTI_NOW:?}"
T=$(mktemp -d)
# shellcheck source=tests/lib/db.sh
. "$(dirname "$0")/../lib/db.sh"
DB_d=$(test_db "$T/d.db")
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; rm -rf "$T"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
"$DTI" --db "$DB_d" demo > /dev/null || { echo "FAIL: demo"; exit 1; }
# The first process takes a free port itself (port 0): a port chosen by
# another process and then closed could be taken by anything else on the
# machine before dti binds it. The second one joins it on that port.
port=0
start() {  # LOG [FLAGS...] → pid in $!
  local log=$1; shift
  "$DTI" --db "$DB_d" serve --listen "127.0.0.1:$port" --threads 2 "$@" > "$T/$log.out" 2> "$T/$log.err" &
  pids+=("$!")
}
up() {  # LOG PID → 0 once it said its address (60 s: a loaded CI machine); sets url
  local u
  for _ in $(seq 1 600); do
    u=$(grep -aoE 'http://127\.0\.0\.1:[0-9]+' "$T/$1.out" 2>/dev/null | head -n 1)
    [ -n "$u" ] && { url=$u; return 0; }
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
url=""
start a --reuse-port; a=$!
up a "$a" || { echo "FAIL: first process did not start: $(cat "$T/a.err")"; exit 1; }
port=${url##*:}
start b --reuse-port; b=$!
up b "$b" || bad "second process did not start on the same port: $(cat "$T/b.err")"
[ "$url" = "http://127.0.0.1:$port" ] || bad "second process said $url, not port $port"
url="http://127.0.0.1:$port"

# a session made through whichever process took the login, then many new connections
curl -s -c "$T/jar" -H 'Content-Type: application/json' -d '{"login":"chutich","password":"demo-2026"}' \
  "$url/api/v1/login" > /dev/null || bad "login"
codes=""
for _ in $(seq 1 40); do codes="$codes $(curl -s -o /dev/null -w '%{http_code}' -b "$T/jar" "$url/api/v1/me")"; done
[ -z "$(echo $codes | tr ' ' '\n' | grep -v '^200$')" ] || bad "not every request answered 200 with the session: $codes"

# one stops: the other still answers
kill -TERM "$a"; wait "$a"; rc=$?
[ "$rc" = 0 ] || bad "the first process exited $rc on SIGTERM"
for _ in $(seq 1 10); do
  c=$(curl -s -o /dev/null -w '%{http_code}' -b "$T/jar" "$url/api/v1/me")
  [ "$c" = 200 ] || bad "after one process stopped: $c"
done

# without the flag a second process cannot take the port
"$DTI" --db "$DB_d" serve --listen "127.0.0.1:$port" --threads 2 > "$T/c.out" 2> "$T/c.err" &
c=$!; pids+=("$c")
# it must exit, refused, without ever saying the address (waited for, not a
# fixed sleep: a loaded machine may take seconds to get that far)
for _ in $(seq 1 600); do kill -0 "$c" 2>/dev/null || break; grep -q "http://127.0.0.1:$port" "$T/c.out" && break; sleep 0.1; done
if grep -q "http://127.0.0.1:$port" "$T/c.out"; then bad "a process without --reuse-port took a port in use"; fi
if kill -0 "$c" 2>/dev/null; then bad "a process without --reuse-port on a port in use is still running after 60 s"
else wait "$c"; rc=$?; [ "$rc" != 0 ] || bad "a process without --reuse-port on a port in use exited 0"; fi
[ "$fail" = 0 ] && echo "serve_reuse_port: ok"
exit "$fail"
