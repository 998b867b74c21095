# tests/lib/pg_server.sh — a throwaway PostgreSQL server for the tests
# (sourced; `make test-pg` uses it through tests/run-pg.sh).
#
#   pg_server_start
#       initdb and pg_ctl start of Debian's PostgreSQL (the newest
#       /usr/lib/postgresql/N/bin) in a new temporary folder, on a free
#       loopback port, its socket in that folder, trust authentication for
#       the user "postgres" on 127.0.0.1 only. PostgreSQL refuses to run as
#       root and CI runs as root: as root the server runs as the system user
#       postgres (runuser), which owns the folder. fsync is off: this server
#       holds test data only and is removed at the end, its durability is
#       not what is tested. Sets PG_TMP (the folder) and exports DTI_TEST_PG
#       ("postgres://postgres@127.0.0.1:PORT", no database: tests/lib/db.sh
#       adds a fresh one per test). Returns non-zero, saying why, when it
#       cannot start.
#   pg_server_stop
#       stops the server (immediate: nothing to keep) and removes the folder.
#       Safe to call twice; call it from the caller's EXIT trap.
PG_TMP=""
PG_BIN=""

pg_server_start() {
  local v port
  for v in $(ls /usr/lib/postgresql 2>/dev/null | sort -n); do PG_BIN=/usr/lib/postgresql/$v/bin; done
  if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    echo "pg_server: PostgreSQL is not installed (/usr/lib/postgresql/N/bin/initdb; make deps)"; return 1
  fi
  PG_TMP=$(mktemp -d "${TMPDIR:-/tmp}/dti-pg.XXXXXX") || return 1
  chmod 755 "$PG_TMP"
  local as=()
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || { echo "pg_server: running as root and there is no user postgres"; return 1; }
    chown postgres: "$PG_TMP"
    as=(runuser -u postgres --)
  fi
  PG_AS=("${as[@]}")
  if ! "${as[@]}" "$PG_BIN/initdb" -D "$PG_TMP/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
       --no-sync >"$PG_TMP/initdb.log" 2>&1; then
    echo "pg_server: initdb failed:"; tail -n 20 "$PG_TMP/initdb.log"; return 1
  fi
  # PostgreSQL cannot take port 0: a free port is picked and closed first,
  # and another process may take it before the server binds it; then the
  # start fails and another port is tried (up to 5). 120 s for a start: a
  # loaded 2-core CI machine.
  local try started=0
  for try in 1 2 3 4 5; do
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    if "${as[@]}" "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 120 \
         -o "-p $port -k $PG_TMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=64MB" \
         start >"$PG_TMP/pg_ctl.log" 2>&1; then
      started=1; break
    fi
    grep -q 'could not bind\|Address already in use' "$PG_TMP/server.log" || break
    "${as[@]}" "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate -w stop >/dev/null 2>&1
  done
  if [ "$started" != 1 ]; then
    echo "pg_server: the server did not start:"; tail -n 20 "$PG_TMP/server.log" "$PG_TMP/pg_ctl.log"; return 1
  fi
  export DTI_TEST_PG="postgres://postgres@127.0.0.1:$port"
  export DTI_TEST_PG_BIN="$PG_BIN"
  echo "pg_server: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($PG_TMP)"
}

pg_server_stop() {
  [ -n "$PG_TMP" ] || return 0
  if [ -f "$PG_TMP/data/postmaster.pid" ]; then
    "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate -w stop >/dev/null 2>&1
  fi
  rm -rf "$PG_TMP"
  PG_TMP=""
}
