#!/usr/bin/env bash
# backup_restore.sh — dti backup, dti restore and the schema upgrade guard
# (issue 9, point 8; app/backup.h, store.h):
#   1. a backup taken during a burst of saves through the API of a running
#      server holds every save acknowledged before it began, is one file
#      (no -wal), passes integrity_check and `audit verify` with the key
#      and anchor log copied beside it;
#   2. restore refuses while the server (or any process) has the database
#      open, and changes nothing;
#   3. with the server stopped, restore puts the backup in place, keeps the
#      replaced database, removes the stale -wal/-shm (the issue's malformed
#      database), and the result verifies; a damaged or foreign backup is
#      refused and changes nothing;
#   4. a schema upgrade refuses while another process (an older server) has
#      the database open, then, once it is closed, backs up and upgrades.
set -u
: "${DTI:?}"
# shellcheck source=tests/cli/lib/serve.sh
. "$(dirname "$0")/lib/serve.sh"
# shellcheck source=tests/cli/lib/writers.sh
. "$(dirname "$0")/lib/writers.sh"
export DTI_NOW=2026-11-23T03:00:00Z
unset DTI_AUDIT_KEY
dti() { "$DTI" --db "$db" "$@"; }
sum() { sqlite3 "$1" .dump | sha256sum; }
"$DTI" --db "$db" demo > /dev/null || { echo "FAIL: demo"; exit 1; }

# ---- 1. backup during a burst of saves ---------------------------------------------------
serve_start "$db" url DTI_NOW=$DTI_NOW
writers_start "$url" 4 40 "$tmp/w" || bad "writers did not start"
# wait until the burst is under way
for _ in $(seq 1 600); do [ "$(acked_notes "$tmp/w" | wc -l)" -ge 8 ] && break; sleep 0.1; done
began=$(date +%s%N)
dti backup "$tmp/bk/b1.db" > "$tmp/b1.out" 2>&1 || bad "backup during the burst: $(cat "$tmp/b1.out")"
ended=$(date +%s%N)
writers_wait
before=$(acked_notes "$tmp/w" "$began" | wc -l)
during=$(acked_notes "$tmp/w" "$ended" | wc -l)
total=$(acked_notes "$tmp/w" | wc -l)
[ "$before" -ge 8 ] || bad "only $before saves acknowledged before the backup"
[ "$total" -gt "$during" ] || bad "the burst ended before the backup did: no save while it ran ($before, $during, $total)"
miss=$(missing_notes "$tmp/bk/b1.db" "$tmp/w" "$began")
[ -z "$miss" ] || bad "acknowledged before the backup began but missing from it: $miss"
[ -z "$(missing_notes "$db" "$tmp/w")" ] || bad "acknowledged saves missing from the live database"
[ ! -e "$tmp/bk/b1.db-wal" ] || bad "the backup has a -wal beside it"
[ "$(sqlite3 "$tmp/bk/b1.db" 'PRAGMA journal_mode')" = delete ] || bad "the backup is not journal_mode=delete"
[ "$(sqlite3 "$tmp/bk/b1.db" 'PRAGMA integrity_check')" = ok ] || bad "backup integrity"
[ "$(stat -c %a "$tmp/bk/b1.db.audit-key")" = 600 ] || bad "the backup's key file is not 0600"
cmp -s "$db.audit-key" "$tmp/bk/b1.db.audit-key" || bad "the backup's key differs"
"$DTI" --db "$tmp/bk/b1.db" --as admin audit verify > "$tmp/v1.out" || bad "backup verify: $(cat "$tmp/v1.out")"
head=$(sed -n 's/.*: \([0-9]*-[0-9a-f]\{16\}\).*/\1/p' "$tmp/b1.out" | head -n 1)
[ -n "$head" ] || bad "backup printed no head: $(cat "$tmp/b1.out")"
grep -q " backup ${head%%-*} " "$db.audit-anchor" || bad "the backup's head is not in the anchor log"
dti --as admin audit verify --head "$head" > "$tmp/v0.out" || bad "live verify: $(cat "$tmp/v0.out")"
echo "backup: $before saves acknowledged before it began, all in it; $((total - during)) after it ended"
# an older backup is never overwritten
b1=$(sha256sum < "$tmp/bk/b1.db")
if dti backup "$tmp/bk/b1.db" > /dev/null 2>&1; then bad "a backup overwrote an older one"; fi
[ "$(sha256sum < "$tmp/bk/b1.db")" = "$b1" ] || bad "the older backup changed"
# --no-key
dti backup --no-key "$tmp/bk/b2.db" > /dev/null || bad "backup --no-key"
[ ! -e "$tmp/bk/b2.db.audit-key" ] || bad "--no-key copied the key"

# hold DB: a sqlite3 program with the file open until release (at most 60 s);
# held waits until it is open. Neither side sleeps a fixed time: on a loaded
# machine the command under test may start seconds later.
hold() {
  exec python3 -c 'import os, sqlite3, sys, time
c = sqlite3.connect(sys.argv[1]); c.execute("SELECT COUNT(*) FROM audit").fetchall()
open(sys.argv[2], "w").close()
t0 = time.time()
while not os.path.exists(sys.argv[3]) and time.time() - t0 < 60:
    time.sleep(0.05)' "$1" "$tmp/held" "$tmp/release"
}
release() { touch "$tmp/release"; wait "$holder"; }
held() { for _ in $(seq 1 600); do [ -e "$tmp/held" ] && return 0; sleep 0.1; done; bad "the holder never opened the file"; }

# ---- 2. restore refuses while the server runs ---------------------------------------------
s0=$(sum "$db")
if dti restore "$tmp/bk/b1.db" > "$tmp/r0.out" 2>&1; then bad "restore ran under a running server"; fi
grep -q "PID" "$tmp/r0.out" || bad "refusal: $(cat "$tmp/r0.out")"
[ "$(sum "$db")" = "$s0" ] || bad "a refused restore changed the database"
# the same for a sqlite3 shell holding the file open
serve_stop_all
rm -f "$tmp/held" "$tmp/release"   # here, not in the background: held must not see the last one
hold "$db" &
holder=$!
held
if dti restore "$tmp/bk/b1.db" > "$tmp/r1.out" 2>&1; then bad "restore ran while another process held the file"; fi
release

# ---- 3. restore with the server stopped --------------------------------------------------
n_live=$(sqlite3 "$db" "SELECT COUNT(*) FROM audit")
# a stale -wal of the live database beside it, as the issue found: it must go
cp "$db" "$tmp/live-copy.db"
printf 'stale wal bytes' > "$db-wal"
dti restore "$tmp/bk/b1.db" > "$tmp/r2.out" 2>&1 || bad "restore: $(cat "$tmp/r2.out")"
[ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ] || bad "restored database integrity"
n_rest=$(sqlite3 "$db" "SELECT COUNT(*) FROM audit")
n_bk=$(sqlite3 "$tmp/bk/b1.db" "SELECT COUNT(*) FROM audit")
[ "$n_rest" = $((n_bk + 1)) ] || bad "restored log has $n_rest entries, the backup $n_bk (+1 db.restore)"
[ "$(sqlite3 "$db" "SELECT action FROM audit ORDER BY seq DESC LIMIT 1")" = db.restore ] || bad "restore not logged"
dti --as admin audit verify > "$tmp/v2.out" || bad "verify after restore: $(cat "$tmp/v2.out")"
kept=$(ls "$db".before-restore-* 2>/dev/null | grep -v -- '-wal$\|audit' | head -n 1)
[ -n "$kept" ] || bad "the replaced database was not kept"
[ -e "$kept-wal" ] || bad "the replaced database's -wal was not kept with it"
[ "$n_live" -gt "$n_bk" ] || bad "the burst after the backup did not show ($n_live, $n_bk)"
# the server serves the restored data
serve_start "$db" url2 DTI_NOW=$DTI_NOW
code=$(curl -s -o /dev/null -w '%{http_code}' "$url2/api/v1/health")
[ "$code" = 200 ] || bad "health after restore: $code"
serve_stop_all
# a damaged backup and a file that is not a dti database are refused, nothing changes
s1=$(sum "$db")
cp "$tmp/bk/b1.db" "$tmp/bad.db"
python3 -c 'import sys
f = open(sys.argv[1], "r+b"); f.seek(4096 * 3); f.write(b"\xff" * 4096); f.close()' "$tmp/bad.db"
if dti restore "$tmp/bad.db" > "$tmp/r3.out" 2>&1; then bad "a damaged backup was restored"; fi
sqlite3 "$tmp/other.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
if dti restore "$tmp/other.db" > "$tmp/r4.out" 2>&1; then bad "a foreign database was restored"; fi
grep -q "schema_version" "$tmp/r4.out" || bad "foreign file: $(cat "$tmp/r4.out")"
# a backup whose log was tampered with is refused without --force
cp "$tmp/bk/b1.db" "$tmp/t.db"; cp -p "$tmp/bk/b1.db.audit-key" "$tmp/t.db.audit-key"
cp -p "$tmp/bk/b1.db.audit-anchor" "$tmp/t.db.audit-anchor"
sqlite3 "$tmp/t.db" "UPDATE audit SET user_name = 'x' WHERE seq = 3"
if dti restore "$tmp/t.db" > "$tmp/r5.out" 2>&1; then bad "a tampered backup was restored"; fi
[ "$(sum "$db")" = "$s1" ] || bad "a refused restore changed the database"
[ ! -e "$db.restore-tmp" ] || bad "a refused restore left its copy"

# ---- 4. the schema upgrade guard -----------------------------------------------------------
# an older dti's database: without migration 006 (tests/cli/lib/audit_forge.py)
python3 "$(dirname "$0")/lib/audit_forge.py" "$db" unkey
rm -f "$db.audit-key" "$db.audit-anchor"
s2=$(sum "$db")
rm -f "$tmp/held" "$tmp/release"   # here, not in the background: held must not see the last one
hold "$db" &
holder=$!
held
if dti --as admin plans > "$tmp/u1.out" 2>&1; then bad "upgraded under another process"; fi
grep -q "PID $holder" "$tmp/u1.out" || bad "upgrade refusal: $(cat "$tmp/u1.out")"
release
[ "$(sum "$db")" = "$s2" ] || bad "a refused upgrade changed the database"
ls "$db".before-v* > /dev/null 2>&1 && bad "a refused upgrade made a backup"
# a backup needs no upgrade: it works under the older server too
dti backup "$tmp/bk/old.db" > /dev/null 2>&1 || bad "backup of an older schema"
[ "$(sum "$db")" = "$s2" ] || bad "backup upgraded the database"
dti --as admin plans > "$tmp/u2.out" 2> "$tmp/u2.err" || bad "upgrade: $(cat "$tmp/u2.err")"
# the backup is named by the newest version the file has (all but 006)
bak=$(ls "$db".before-v"$(printf %03d "$(sqlite3 "$tmp/bk/old.db" "SELECT MAX(version) FROM schema_version")")"-*.bak 2>/dev/null | head -n 1)
[ -n "$bak" ] || bad "no backup before the upgrade"
grep -q "$bak" "$tmp/u2.err" || bad "the upgrade did not say where its backup is: $(cat "$tmp/u2.err")"
[ "$(sqlite3 "$bak" "SELECT MAX(version) FROM schema_version")" = "$(sqlite3 "$tmp/bk/old.db" "SELECT MAX(version) FROM schema_version")" ] ||
  bad "the upgrade's backup is not the old schema"
[ "$(sqlite3 "$db" "SELECT COUNT(*) FROM schema_version WHERE version = 6")" = 1 ] || bad "not upgraded"
dti --as admin audit verify > "$tmp/v3.out" || bad "verify after the upgrade: $(cat "$tmp/v3.out")"
[ "$fail" = 0 ] && echo "backup_restore ok"
exit "$fail"
