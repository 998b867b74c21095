#!/usr/bin/env bash
# make test-pg: the store, app (unit), CLI and API suites against a
# throwaway PostgreSQL server this script starts (tests/lib/pg_server.sh)
# and always stops and removes at the end, also on failure or interrupt.
# Every test takes a new database of its own on it (tests/lib/db.sh,
# tests/unit/test_db.h, tests/lib/db.mjs). The tests that cannot run on
# PostgreSQL are listed below by name with the reason, printed as skipped.
# Ends with tests/run.sh's summary line; exit status non-zero on failure.
#   O   the build directory (build)
set -u
cd "$(dirname "$0")/.."
O=${O:-build}
# shellcheck source=tests/lib/pg_server.sh
. tests/lib/pg_server.sh
skipfile=$(mktemp)
trap 'pg_server_stop; rm -f "$skipfile"' EXIT
trap 'exit 130' INT TERM
t0=$(date +%s)
pg_server_start || exit 1
export DTI_STATE_DIR="$PG_TMP/state" DTI_TEST_SKIP="$skipfile" DTI_TEST_ENGINE=postgres DTI_TEST_NODE=api
mkdir -p "$DTI_STATE_DIR"
# NAME<TAB>why it cannot run on PostgreSQL (SQLite file-level behaviour)
cat >"$skipfile" <<'LIST'
test_store	SQLite's own store: PRAGMAs, WAL, the file, its migration guard and online backup (test_store_engine runs the engine-independent half here)
test_request_cost	holds the request to SQLite's data version (WAL index) and writer queue; PostgreSQL has no writer queue, and its data version (LISTEN/NOTIFY) is held by test_store_engine's test_data_version
durability	kill -9 during saves, checked in the SQLite file and its -wal (PostgreSQL's durability is its own WAL)
backup_restore	SQLite's online backup, the file's -wal/-shm, a damaged page, the migration guard (backup_cycle runs backup and restore on PostgreSQL)
audit_forgery	forges the SQLite file itself (copies of it, Python's sqlite3 rewriting the chain; audit_publish and test_audit run the chain on PostgreSQL)
extract_bad_input	reads documents only, no database: nothing differs from make test
extract_fixtures	reads documents only, no database: nothing differs from make test
extract_pdf	reads documents only, no database: nothing differs from make test
extract_pdftext	reads documents only, no database: nothing differs from make test
extract_plans	reads documents only, no database: nothing differs from make test
LIST
O=$O bash tests/run.sh
rc=$?
echo "test-pg: $(( ($(date +%s) - t0) / 60 )) min $(( ($(date +%s) - t0) % 60 )) s"
exit $rc
