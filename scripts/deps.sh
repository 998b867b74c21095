#!/usr/bin/env bash
# Install what dti needs to build and test on Debian 12, as root.
# Called by make when a library or tool is missing; safe to run again.
set -euo pipefail
DEBS="build-essential pkg-config clang libclang-rt-14-dev python3 sqlite3 \
  libmicrohttpd-dev libsqlite3-dev libjansson-dev libsodium-dev libutf8proc-dev \
  libmd4c-dev libxml2-dev libzip-dev libxlsxwriter-dev libcmocka-dev libpq-dev zlib1g-dev \
  chromium wrk zip \
  libpoppler-glib-dev poppler-utils libcurl4-openssl-dev faketime hyperfine \
  libreoffice-writer-nogui libreoffice-calc-nogui fonts-liberation2 postgresql python3-aiosmtpd"
missing=""
# Node.js with npm may come from another packaging (its own nodejs package
# bundles npm and conflicts with Debian's npm): only ask apt when absent.
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
for p in $DEBS; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "deps: installing$missing"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi
# Browser-side packages (Chart.js, playwright-core), pinned by web/package-lock.json.
# Again when the lock file's CONTENT changed since the last install (a pull that
# added a package): a checkout that only touched its time (a new worktree, a
# rebase) must not run npm ci, which empties node_modules first and so breaks
# every test run using it meanwhile. The installed lock's SHA-256 is kept in
# node_modules/.dti-lock.
if [ -f web/package-lock.json ]; then
  lock_sum=$(sha256sum web/package-lock.json | cut -c1-64)
  if [ ! -d web/node_modules ] || [ "$(cat web/node_modules/.dti-lock 2>/dev/null)" != "$lock_sum" ]; then
    (cd web && npm ci --no-audit --no-fund --ignore-scripts) && echo "$lock_sum" > web/node_modules/.dti-lock
  fi
fi
touch build/.deps 2>/dev/null || { mkdir -p build && touch build/.deps; }
