#!/usr/bin/env bash
# Run the HTTP API tests (tests/api/) and the browser tests (tests/browser/)
# with node's test runner against a real server: build/dti serve on a free
# loopback port with a fresh temporary database. Prints node's TAP output,
# whose "# pass N" / "# fail N" lines tests/run.sh adds up, and one more
# pair for the server itself: it must stop cleanly on SIGTERM (exit 0, and
# under `make check` no sanitizer report).
#   O     the build directory (build, or build/check under make check)
#   DTI   the binary (default $O/dti)
# With arguments (test files under tests/api/ or tests/browser/), runs only
# those: tests/dated.sh runs the date-sensitive ones under fixed instants.
# "Now" is DTI_NOW, set by tests/run.sh from tests/now when unset.
set -u
cd "$(dirname "$0")/.."
O=${O:-build}
DTI=${DTI:-$PWD/$O/dti}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p build/test-artifacts

# The first admin, created by serve on the empty store.
export DTI_ADMIN=admin DTI_ADMIN_PASSWORD="test-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
# shellcheck source=tests/lib/db.sh
. tests/lib/db.sh
db=$(test_db "$tmp/test.db") || { echo "run-node: no database"; echo "# fail 1"; exit 1; }
"$DTI" --db "$db" serve --listen 127.0.0.1:0 --threads 4 --admin "$DTI_ADMIN" >"$tmp/out" 2>"$tmp/err" &
pid=$!
url=""
for _ in $(seq 1 600); do
  url=$(grep -aoE 'http://127\.0\.0\.1:[0-9]+' "$tmp/out" | head -n 1)
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "run-node: the server did not start"; cat "$tmp/out" "$tmp/err"
  kill "$pid" 2>/dev/null
  echo "# pass 0"; echo "# fail 1"
  exit 1
fi
export DTI DTI_URL="$url" DTI_ROOT="$PWD" DTI_ARTIFACTS="$PWD/build/test-artifacts"
rc=0
api=(tests/api/) browser=(tests/browser/)
if [ $# -gt 0 ]; then
  api=() browser=()
  for f in "$@"; do
    case $f in
      tests/api/*) api+=("$f") ;;
      tests/browser/*) browser+=("$f") ;;
      *) echo "run-node: $f is not under tests/api/ or tests/browser/"; echo "# fail 1"; rc=1 ;;
    esac
  done
fi
[ ${#api[@]} -eq 0 ] || node --test --test-reporter=tap "${api[@]}" || rc=1
if [ ${#browser[@]} -eq 0 ]; then
  :
elif [ -d web/node_modules/playwright-core ] && [ -x /usr/bin/chromium ]; then
  node --test --test-reporter=tap --test-concurrency=1 "${browser[@]}" || rc=1
else
  echo "run-node: web/node_modules/playwright-core or /usr/bin/chromium missing (make deps)"
  echo "# fail 1"; rc=1
fi

kill -TERM "$pid"
if wait "$pid"; then
  echo "# server stopped cleanly"; echo "# pass 1"
else
  echo "# server exit status $? after SIGTERM:"; tail -n 40 "$tmp/err"; echo "# fail 1"; rc=1
fi
exit $rc
