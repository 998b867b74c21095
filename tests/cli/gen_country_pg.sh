#!/usr/bin/env bash
# gen_country_pg.sh — `dti gen country` on PostgreSQL (app/gen/gen.h; the
# bulk load, store/store_bulk.h), against a throwaway PostgreSQL server (the
# one of make test-pg when DTI_TEST_PG is set, else one started here):
#   1. the same seed and now make the SAME data on SQLite, on PostgreSQL
#      (staged in SQLite and bulk-loaded) and on PostgreSQL statement by
#      statement (--direct): every table compared row by row, the audit
#      chain's hashes included (one DTI_AUDIT_KEY for all three), but for
#      the cache counters score_generation and plan_generation (versions,
#      not data: bumped per row on SQLite, per statement or once per load
#      on PostgreSQL; store_bulk.h), and the score sheets and the province
#      ranking printed by dti;
#   2. the loaded database verifies (dti audit verify), its ids continue
#      after the loaded ones (a user added afterwards), and the CLI said what
#      it was doing (a line per province, a line per table loaded);
#   3. a load that fails half-way (a constraint refuses one report row) leaves
#      the database as it was, names the table, and the next run succeeds;
#      a stale staging file of an interrupted run is replaced;
#   4. a database that holds data is refused, unchanged.
set -euo pipefail
: "${DTI:?}"
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
# shellcheck source=tests/lib/db.sh
. "$ROOT/tests/lib/db.sh"
T=$(mktemp -d)
if [ -z "${DTI_TEST_PG:-}" ]; then
  # shellcheck source=tests/lib/pg_server.sh
  . "$ROOT/tests/lib/pg_server.sh"
  trap 'pg_server_stop; rm -rf "$T"' EXIT
  pg_server_start >/dev/null || { echo "FAIL: no PostgreSQL server to test on" >&2; exit 1; }
  export DTI_STATE_DIR=$T/state
else
  trap 'rm -rf "$T"' EXIT
  export DTI_STATE_DIR=${DTI_STATE_DIR:-$T/state}
fi
mkdir -p "$DTI_STATE_DIR"
export DTI_NOW=2027-01-20T03:00:00Z
fail() { echo "FAIL: $*" >&2; [ -z "${KEEP:-}" ] || cp -r "$T" "$KEEP"; exit 1; }
# one audit key for the three stores: equal hashes mean equal entries
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$T/key"; echo >> "$T/key"; chmod 600 "$T/key"
export DTI_AUDIT_KEY=$T/key
COUNTRY=(--provinces 2 --communes 12 --months 4 --seed 5)

lite=$T/lite.db
pg=$(DTI_TEST_PG=$DTI_TEST_PG test_db "$T/staged.db")
direct=$(DTI_TEST_PG=$DTI_TEST_PG test_db "$T/direct.db")
"$DTI" --db "$lite" gen country "${COUNTRY[@]}" --json > "$T/lite.json" 2> "$T/lite.err" || fail "sqlite: $(cat "$T/lite.err")"
"$DTI" --lang en --db "$pg" gen country "${COUNTRY[@]}" --json > "$T/pg.json" 2> "$T/pg.err" || fail "postgres: $(cat "$T/pg.err")"
"$DTI" --db "$direct" gen country "${COUNTRY[@]}" --direct --json > "$T/direct.json" 2> "$T/direct.err" \
  || fail "postgres --direct: $(cat "$T/direct.err")"

# the CLI said what it did: each province, each table
grep -q "province done 1/2: 6/12 communes" "$T/pg.err" || fail "no line for province 1: $(cat "$T/pg.err")"
grep -q "province done 2/2: 12/12 communes" "$T/pg.err" || fail "no line for province 2: $(cat "$T/pg.err")"
grep -q "loading into PostgreSQL" "$T/pg.err" || fail "the load was not announced: $(cat "$T/pg.err")"
grep -qE "table [0-9]+/[0-9]+ reports: [1-9][0-9]* rows" "$T/pg.err" || fail "no line for the reports loaded: $(cat "$T/pg.err")"

# every table, row by row, in one canonical form (numbers as floats, bytes by length, salted hashes by scheme)
dump() {  # DB [TABLES] → the canonical dump on stdout, without the ids of TABLES
  python3 - "$1" "$lite" "${2:-}" <<'PY'
import re, sqlite3, subprocess, sys
db, ref, noids = sys.argv[1], sys.argv[2], sys.argv[3].split()
con = sqlite3.connect(ref)
tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                     "AND name NOT IN ('schema_version', 'sessions', 'login_failures', 'score_generation', 'plan_generation') "
                                     "ORDER BY name")]
num = re.compile(r'^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$')
def norm(v):
    if v is None:
        return '<NULL>'
    s = str(v)
    return repr(float(s)) if num.match(s) else s
for t in tables:
    cols = [(r[1], (r[2] or '').upper()) for r in con.execute(f'PRAGMA table_info("{t}")')
            if not (r[1] == 'id' and t in noids)]
    # bytes by length; a password hash by its scheme (its salt is random: another on every run)
    sel = ', '.join(f'length("{c}")' if ty == 'BLOB' else f'substr("{c}", 1, 10)' if c == 'pw_hash' else f'"{c}"'
                    for c, ty in cols)
    sql = f'SELECT {sel} FROM "{t}"'
    if db.startswith('postgres'):
        out = subprocess.run(['psql', '-X', '-q', '-A', '-t', '-F', '\x1f', '-R', '\x1e', '-P', 'null=<NULL>',
                              '-v', 'ON_ERROR_STOP=1', db, '-c', sql], capture_output=True, check=True).stdout
        text = out.decode()
        text = text[:-1] if text.endswith('\n') else text     # psql ends its output with a newline
        rows = [r.split('\x1f') for r in text.split('\x1e')] if text else []
        rows = [[None if v == '<NULL>' else v for v in r] for r in rows]
    else:
        rows = sqlite3.connect(db).execute(sql).fetchall()
    lines = sorted('|'.join(norm(v) for v in r) for r in rows)
    print(f'== {t} {len(lines)}')
    for l in lines:
        print(l)
PY
}
dump "$lite" > "$T/lite.dump"
dump "$pg" > "$T/pg.dump"
nrep=$(grep -A0 '^== reports ' "$T/lite.dump" | awk '{print $3}')
[ "${nrep:-0}" -gt 100 ] || fail "too few reports to compare: $nrep"
grep -q '^== audit [1-9]' "$T/lite.dump" || fail "no audit rows in the dump"
cmp -s "$T/lite.dump" "$T/pg.dump" || fail "SQLite and PostgreSQL (staged) differ: $(diff "$T/lite.dump" "$T/pg.dump" | head -5)"
# statement by statement, the rows are the same but for the ids of the
# values a save replaces: SQLite gives a deleted row's id again (max + 1),
# a PostgreSQL sequence never does
dump "$lite" "report_values report_tasks" > "$T/lite-noids.dump"
dump "$direct" "report_values report_tasks" > "$T/direct.dump"
cmp -s "$T/lite-noids.dump" "$T/direct.dump" || fail "SQLite and PostgreSQL (--direct) differ: $(diff "$T/lite-noids.dump" "$T/direct.dump" | head -5)"
strip() { python3 -c "import json,sys; j=json.load(open(sys.argv[1])); [j.pop(k, None) for k in ('seconds',)]; print(json.dumps(j, sort_keys=True))" "$1"; }
[ "$(strip "$T/lite.json")" = "$(strip "$T/pg.json")" ] || fail "the summaries differ: $(strip "$T/lite.json") / $(strip "$T/pg.json")"

# what dti prints from them: score sheets and the province's ranking
for db in "$lite" "$pg" "$direct"; do
  { "$DTI" --db "$db" --as admin score 1 2026-04 --json
    "$DTI" --db "$db" --as admin score 12 2026-03 --json
    "$DTI" --db "$db" --as sokhcn-02 rank 12 2026-04 --communes; } > "$T/out.$(test_engine "$db").$RANDOM" 2>&1 \
    || fail "score/rank on $db"
done
n=$(ls "$T"/out.* | wc -l); [ "$n" = 3 ] || fail "outputs: $n"
[ "$(md5sum "$T"/out.* | awk '{print $1}' | sort -u | wc -l)" = 1 ] || fail "score or ranking differ between the engines"
grep -q '"index"' "$T"/out.sqlite.* || fail "no score sheet: $(head -c 300 "$T"/out.sqlite.*)"

# the loaded chain verifies; ids continue after the loaded ones
"$DTI" --lang en --db "$pg" --as admin audit verify > "$T/verify.txt" 2>&1 || fail "audit verify: $(cat "$T/verify.txt")"
grep -q "$nrep reports match" "$T/verify.txt" || fail "verify did not compare the $nrep reports: $(cat "$T/verify.txt")"
maxu=$(test_sql "$pg" "SELECT MAX(id) FROM users")
echo "mot-hai-ba-bon" | "$DTI" --db "$pg" --as admin user add later --role admin > "$T/add.txt" 2>&1 \
  || fail "a user added after the load: $(cat "$T/add.txt")"
[ "$(test_sql "$pg" "SELECT id FROM users WHERE name = 'later'")" = $((maxu + 1)) ] || fail "the ids did not continue"
"$DTI" --db "$pg" --as admin audit verify > "$T/verify2.txt" 2>&1 || fail "audit verify after a write: $(cat "$T/verify2.txt")"

# a data-holding database is refused and left as it was
before=$(test_sql "$pg" "SELECT COUNT(*) FROM audit")
if "$DTI" --db "$pg" gen country --provinces 1 --communes 1 > "$T/again.txt" 2>&1; then fail "a full database was accepted"; fi
grep -q "trống" "$T/again.txt" || fail "refusal message: $(cat "$T/again.txt")"
[ "$(test_sql "$pg" "SELECT COUNT(*) FROM audit")" = "$before" ] || fail "the refused run changed the audit log"

# a load that fails half-way leaves nothing; a stale staging file is replaced
broken=$(DTI_TEST_PG=$DTI_TEST_PG test_db "$T/broken.db")
"$DTI" --db "$broken" plans > /dev/null    # migrated
psql -X -q -v ON_ERROR_STOP=1 "$broken" -c "ALTER TABLE reports ADD CONSTRAINT no_report CHECK (id <> 300)"
empty_dump=$(test_dump "$broken")
echo "not a database" > "$(test_side "$broken").gen-staging.db"
if "$DTI" --lang en --db "$broken" gen country "${COUNTRY[@]}" > "$T/broken.txt" 2>&1; then
  fail "a load refused by the database reported success"
fi
grep -q "table reports" "$T/broken.txt" || fail "the failed table is not named: $(tail -3 "$T/broken.txt")"
[ "$(test_dump "$broken")" = "$empty_dump" ] || fail "the failed load left rows behind"
[ ! -e "$(test_side "$broken").gen-staging.db" ] || fail "the staging file was left behind"
psql -X -q -v ON_ERROR_STOP=1 "$broken" -c "ALTER TABLE reports DROP CONSTRAINT no_report"
"$DTI" --db "$broken" gen country "${COUNTRY[@]}" > /dev/null 2> "$T/again.err" || fail "the run after a failed load: $(cat "$T/again.err")"
dump "$broken" > "$T/broken.dump"
cmp -s "$T/lite.dump" "$T/broken.dump" || fail "the run after a failed load made other data"
echo "gen_country_pg: ok"
