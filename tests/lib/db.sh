# tests/lib/db.sh — where a test's database comes from (sourced by the
# tests/cli scripts; tests/run-pg.sh runs them against PostgreSQL).
#
#   test_db PATH
#       prints the database a test uses where it would use the SQLite file
#       PATH: PATH itself, or, when DTI_TEST_PG is set (a server URL
#       without a database, tests/lib/pg_server.sh), a new empty database
#       on that server, named after PATH's file name and this shell, and
#       prints its URL (postgres://.../NAME).
#   test_sql DB SQL
#       runs SQL on DB (a test_db answer) and prints the rows as sqlite3
#       does by default: columns separated by "|", no header (psql -XAt on
#       PostgreSQL).
#   test_side DB
#       the path the files kept beside a database start with (DB.audit-key,
#       DB.audit-anchor): DB for SQLite; for PostgreSQL the one
#       store_side_path() gives, under DTI_STATE_DIR.
#   test_engine DB
#       "sqlite" or "postgres".
TEST_DB_SEQ=0

test_db() {
  if [ -z "${DTI_TEST_PG:-}" ]; then
    printf '%s\n' "$1"
    return 0
  fi
  local base name
  base=$(basename "$1"); base=${base%.*}; base=${base:0:24}
  TEST_DB_SEQ=$((TEST_DB_SEQ + 1))
  # unique on the server: test_db runs in a command substitution, a
  # subshell where TEST_DB_SEQ is always 1 again; BASHPID is that
  # subshell's own pid, different for each call of the same script
  name=$(printf 't_%s_%s_%s_%s_%s' "$base" "$$" "$BASHPID" "$TEST_DB_SEQ" "$RANDOM" | tr -c 'a-zA-Z0-9_\n' '_' | cut -c1-63)
  psql -X -q -v ON_ERROR_STOP=1 "$DTI_TEST_PG/postgres" -c "CREATE DATABASE \"$name\"" >/dev/null || return 1
  printf '%s/%s\n' "$DTI_TEST_PG" "$name"
}

test_engine() {
  case $1 in postgres://* | postgresql://*) echo postgres ;; *) echo sqlite ;; esac
}

test_sql() {
  if [ "$(test_engine "$1")" = postgres ]; then
    psql -X -q -A -t -F '|' -v ON_ERROR_STOP=1 "$1" -c "$2"
  else
    sqlite3 "$1" "$2"
  fi
}

test_side() {
  if [ "$(test_engine "$1")" = sqlite ]; then
    printf '%s\n' "$1"
    return 0
  fi
  # postgres://USER[:PW]@HOST:PORT/NAME → DIR/pg-HOST-PORT-NAME (store_pg.c)
  local rest=${1#*://} hostport name host port
  rest=${rest#*@}; hostport=${rest%%/*}; name=${rest#*/}; name=${name%%\?*}
  host=${hostport%:*}; port=${hostport##*:}
  [ "$host" != "$hostport" ] || port=5432
  printf '%s/pg-%s-%s-%s\n' "${DTI_STATE_DIR:-var}" "$host" "$port" "$name"
}

#   test_dump DB
#       the whole content of DB as text (sqlite3 .dump, pg_dump), to see
#       that something changed nothing.
test_dump() {
  if [ "$(test_engine "$1")" = postgres ]; then
    # without the random \restrict / \unrestrict key lines pg_dump writes since
    # 15.14, and without the sequences' positions: a rolled-back insert still
    # takes a number from its sequence (PostgreSQL's sequences are not
    # transactional), which is no change of the data
    pg_dump --no-owner --no-privileges "$1" | sed -E '/^\\(un)?restrict /d; /^SELECT pg_catalog\.setval\(/d'
  else
    sqlite3 "$1" .dump
  fi
}
