#!/usr/bin/env bash
# make run: for now, import the project's own sample plan into var/dti.db
# (once: importing the same document again stores nothing) and list the
# plans the store holds. A later issue turns this into the web server.
#   usage: scripts/run.sh BUILD/dti
set -euo pipefail
cd "$(dirname "$0")/.."
dti=${1:-build/dti}
db=${DTI_DB:-var/dti.db}
mkdir -p "$(dirname "$db")"
"$dti" --db "$db" import samples/hoa-binh-2026.md
echo
"$dti" --db "$db" plans
