#!/usr/bin/env bash
# serve_limits.sh — the connection limits are the operator's (issue 9):
# --max-per-ip N lets one address hold N connections and no more, an idle
# connection is closed after --idle-timeout seconds (so an address locked
# out by idle connections gets back in), and --max-per-ip 0 (behind a
# reverse proxy, docs/operations.md) lets one address hold 300.
set -u
: "${DTI:?}"
tmp=$(mktemp -d)
# shellcheck source=tests/lib/db.sh
. "$(dirname "$0")/../lib/db.sh"
DB_dti=$(test_db "$tmp/dti.db")
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
start() {  # ARGS... → sets port
  "$DTI" --db "$DB_dti" serve --listen 127.0.0.1:0 --threads 2 "$@" >"$tmp/out" 2>"$tmp/err" &
  pids+=("$!")
  port=""
  for _ in $(seq 1 600); do
    port=$(grep -aoE 'http://127\.0\.0\.1:[0-9]+' "$tmp/out" | head -n 1 | cut -d: -f3)
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { echo "FAIL: the server did not start"; cat "$tmp/err"; exit 1; }
}
start --max-per-ip 5 --idle-timeout 2
python3 - "$port" <<'EOF' || bad "--max-per-ip 5 --idle-timeout 2"
import socket, sys, time
port = int(sys.argv[1])
def health(s):
    s.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n")
    return s.recv(4096).startswith(b"HTTP/1.1 200")
idle = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(5)]
assert all(health(s) for s in idle), "the first 5 connections are answered"
extra = socket.create_connection(("127.0.0.1", port), timeout=5)
try:
    extra.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n")
    got = extra.recv(4096)
except (ConnectionResetError, BrokenPipeError):
    got = b""
assert not got.startswith(b"HTTP/1.1 200"), "a 6th connection from the same address is refused"
# past the idle timeout the server closes the 5: each read ends (b"") once
# it has. Waited for up to 60 s rather than a fixed 3.5 s: a loaded CI
# machine may run the server's sweep late; a server that never closes them
# still fails here (the read times out, or answers bytes).
t0 = time.monotonic()
closed = 0
for s in idle:
    s.settimeout(max(1.0, 60 - (time.monotonic() - t0)))
    try:
        closed += s.recv(10) == b""
    except socket.timeout:
        pass
assert closed == 5, f"idle connections closed after the timeout: {closed} of 5"
# the client sees its socket closed a moment before the server has counted
# the connection gone (libmicrohttpd frees it in its own thread's cleanup):
# retried for up to 10 s, refused ever after is still a failure
back = False
t1 = time.monotonic()
while not back and time.monotonic() - t1 < 10:
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        back = health(s)
    except (ConnectionResetError, BrokenPipeError):
        pass
    if not back:
        time.sleep(0.1)
assert back, "the address gets back in once the idle ones are gone"
print("per-ip 5: 6th refused; idle closed after 2 s; back in")
EOF
start --max-per-ip 0
python3 - "$port" <<'EOF' || bad "--max-per-ip 0"
import socket, sys
port = int(sys.argv[1])
# seen once under load 11 (pdfvar's make test): "connection reset"; where it
# happens is printed so that the next failure says which step and when
import time
t0 = time.monotonic()
socks = []
step = "connect"
try:
    for _ in range(300):
        socks.append(socket.create_connection(("127.0.0.1", port), timeout=10))
    last = socks[-1]
    step = "send"
    last.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n")
    step = "receive"
    answer = last.recv(4096)
except OSError as e:
    sys.exit("%s failed after %d connections, %.2f s: %r" % (step, len(socks), time.monotonic() - t0, e))
assert answer.startswith(b"HTTP/1.1 200"), "the 300th connection is answered (got %r)" % answer[:80]
print("per-ip 0: 300 connections from one address, the last answered")
EOF
[ "$fail" = 0 ] && echo ok
exit "$fail"
