#!/usr/bin/env bash
# Run the HTTP API tests (tests/api/) and the browser tests (tests/browser/)
# with node's test runner against a real server: build/dti serve on a free
# loopback port with a fresh temporary database. Prints node's TAP output,
# whose "# pass N" / "# fail N" lines tests/run.sh adds up, and one more
# pair for the server itself: it must stop cleanly on SIGTERM (exit 0, and
# under `make check` no sanitizer report).
#   O     the build directory (build, or build/check under make check)
#   DTI   the binary (default $O/dti)
set -u
cd "$(dirname "$0")/.."
O=${O:-build}
DTI=${DTI:-$PWD/$O/dti}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p build/test-artifacts

# The first admin, created by serve on the empty store.
export DTI_ADMIN=admin DTI_ADMIN_PASSWORD="test-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
"$DTI" --db "$tmp/test.db" serve --listen 127.0.0.1:0 --threads 4 --admin "$DTI_ADMIN" >"$tmp/out" 2>"$tmp/err" &
pid=$!
url=""
for _ in $(seq 1 100); do
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
node --test --test-reporter=tap tests/api/users.test.mjs || rc=1
if [ -d web/node_modules/playwright-core ] && [ -x /usr/bin/chromium ]; then
  node --test --test-reporter=tap --test-concurrency=1 tests/browser/minhduc-flow.test.mjs tests/browser/users.test.mjs tests/browser/mywork-quarter.test.mjs || rc=1
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
