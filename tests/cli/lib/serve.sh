# tests/cli/lib/serve.sh — sourced by the tests/cli scripts that need a
# running `dti serve` (tests/run.sh runs only tests/cli/*.sh, not this).
#
# Sourcing it sets: tmp (a new folder, removed at exit with every server
# started), db ($tmp/dti.db, or a PostgreSQL database: tests/lib/db.sh), fail (0) and bad MESSAGE (prints FAIL: MESSAGE,
# sets fail=1); and checks that curl is there.
#
#   serve_start DB VAR [NAME=VALUE...]
#       starts "$DTI --db DB serve" with 2 threads on a free loopback port,
#       with NAME=VALUE added to its environment (DTI_NOW=..., for one);
#       sets VAR to its URL (http://127.0.0.1:PORT). When it has not said
#       its address within 60 s (a loaded 2-core CI machine): prints FAIL and its stderr, exits 1.
#   serve_stop_all
#       stops every server started so far and waits for each; call it from
#       the script's EXIT trap.
SERVE_PIDS=()
SERVE_LOGS=()
tmp=$(mktemp -d)
# shellcheck source=tests/lib/db.sh
. "$(dirname "${BASH_SOURCE[0]}")/../../lib/db.sh"
db=$(test_db "$tmp/dti.db")
fail=0
bad() { echo "FAIL: $*"; fail=1; }
trap 'serve_stop_all; rm -rf "$tmp"' EXIT
command -v curl >/dev/null || { echo "FAIL: curl is missing"; exit 1; }

serve_start() {
  local db=$1 var=$2 log u=""
  shift 2
  log=$(mktemp -d "${TMPDIR:-/tmp}/dti-serve.XXXXXX")
  env "$@" "$DTI" --db "$db" serve --listen 127.0.0.1:0 --threads 2 >"$log/out" 2>"$log/err" &
  SERVE_PIDS+=("$!")
  SERVE_LOGS+=("$log")
  for _ in $(seq 1 600); do
    u=$(grep -aoE 'http://127\.0\.0\.1:[0-9]+' "$log/out" 2>/dev/null | head -n 1)
    [ -n "$u" ] && break
    kill -0 "${SERVE_PIDS[-1]}" 2>/dev/null || break
    sleep 0.1
  done
  [ -n "$u" ] || { echo "FAIL: the server did not start"; cat "$log/err"; exit 1; }
  printf -v "$var" '%s' "$u"
}

serve_stop_all() {
  local p
  for p in "${SERVE_PIDS[@]}"; do
    kill "$p" 2>/dev/null
    wait "$p" 2>/dev/null
  done
  for p in "${SERVE_LOGS[@]}"; do rm -rf "$p"; done
  SERVE_PIDS=()
  SERVE_LOGS=()
}
