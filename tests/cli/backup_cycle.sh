#!/usr/bin/env bash
# backup_cycle.sh — dti backup and dti restore on whichever engine the test
# database is (tests/lib/db.sh: an SQLite file under make test, a
# PostgreSQL database under make test-pg, where pg_dump and pg_restore do
# the work; app/audit/backup.h):
#   1. a backup taken while the server runs holds a save acknowledged before
#      it, and not one made after; its audit key comes beside it (0600);
#      an existing backup is never overwritten;
#   2. restore refuses while the server is connected, and changes nothing;
#   3. with the server stopped, restore puts the backup in place and keeps
#      the replaced database (the later save is there, not in the restored
#      one); the restored audit log verifies, with "db.restore" at its end;
#   4. a file that is no backup is refused and changes nothing.
set -u
: "${DTI:?}"
# shellcheck source=tests/cli/lib/serve.sh
. "$(dirname "$0")/lib/serve.sh"
export DTI_NOW=2026-11-23T03:00:00Z
unset DTI_AUDIT_KEY
dti() { "$DTI" --lang en --db "$db" "$@"; }
notes() { test_sql "$1" "SELECT COUNT(*) FROM report_values WHERE note = '$2'"; }
"$DTI" --db "$db" demo > /dev/null || { echo "FAIL: demo"; exit 1; }
serve_start "$db" url DTI_NOW=$DTI_NOW
csrf=$(curl -s -c "$tmp/jar" -H 'Content-Type: application/json' \
  -d '{"login":"admin","password":"demo-2026"}' "$url/api/v1/login" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
org=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("Phòng Văn hóa - Xã hội"))')
save() {  # NOTE → the HTTP status of a save of indicator 1.1's note
  curl -s -o /dev/null -w '%{http_code}' -b "$tmp/jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: text/csv' \
    -X PUT --data-binary "$(printf 'code,note\n1.1,%s\n' "$1")" "$url/api/v1/plans/1/reports/$org/2026-11"
}

# ---- 1. backup while the server runs -----------------------------------------------------
[ "$(save truoc-sao-luu)" = 200 ] || bad "save before the backup"
mkdir -p "$tmp/bk"
dti backup "$tmp/bk/b1" > "$tmp/b1.out" 2>&1 || bad "backup: $(cat "$tmp/b1.out")"
[ -s "$tmp/bk/b1" ] || bad "no backup file"
[ "$(stat -c %a "$tmp/bk/b1.audit-key" 2>/dev/null)" = 600 ] || bad "the backup's key file is missing or not 0600"
if dti backup "$tmp/bk/b1" > /dev/null 2>&1; then bad "a backup overwrote an older one"; fi
[ "$(save sau-sao-luu)" = 200 ] || bad "save after the backup"

# ---- 2. restore refused while the server is connected ------------------------------------
before=$(test_dump "$db" | sha256sum)
if dti restore "$tmp/bk/b1" > "$tmp/r0.out" 2>&1; then bad "restore ran under a running server"; fi
grep -qiE "another process|other connection" "$tmp/r0.out" || bad "the refusal does not say why: $(cat "$tmp/r0.out")"
[ "$(notes "$db" sau-sao-luu)" = 1 ] || bad "the refused restore changed the database"

# ---- 3. restore with the server stopped --------------------------------------------------
serve_stop_all
[ "$(test_dump "$db" | sha256sum)" = "$before" ] || bad "the database changed while nothing was restored"
dti restore "$tmp/bk/b1" > "$tmp/r1.out" 2>&1 || bad "restore: $(cat "$tmp/r1.out")"
[ "$(notes "$db" truoc-sao-luu)" = 1 ] || bad "the restored database lacks the save made before the backup"
[ "$(notes "$db" sau-sao-luu)" = 0 ] || bad "the restored database has the save made after the backup"
kept=$(sed -n 's/^ *the old database is kept at //p' "$tmp/r1.out")
[ -n "$kept" ] || bad "restore did not say where the old database is kept: $(cat "$tmp/r1.out")"
if [ "$(test_engine "$db")" = postgres ]; then kept_db="$DTI_TEST_PG/$kept"; else kept_db=$kept; fi
[ "$(notes "$kept_db" sau-sao-luu)" = 1 ] || bad "the kept database lacks the later save"
dti --as admin audit verify > "$tmp/v.out" 2>&1 || bad "audit verify after the restore: $(cat "$tmp/v.out")"
[ "$(test_sql "$db" "SELECT action FROM audit ORDER BY seq DESC LIMIT 1")" = db.restore ] ||
  bad "the restore is not the last entry of the log"
# the backup came from this database: one key for both (SQLite keeps a key aside only when it differs)
DTI_AUDIT_KEY="$(test_side "$db").audit-key" "$DTI" --db "$kept_db" --as admin audit verify > "$tmp/vk.out" 2>&1 ||
  bad "the kept database's log: $(cat "$tmp/vk.out")"

# ---- 4. no backup: refused, nothing changed ----------------------------------------------
after=$(test_dump "$db" | sha256sum)
printf 'not a backup\n' > "$tmp/bk/junk"
if dti restore "$tmp/bk/junk" > "$tmp/r2.out" 2>&1; then bad "a file that is no backup was restored"; fi
[ "$(test_dump "$db" | sha256sum)" = "$after" ] || bad "a refused restore changed the database"
[ "$fail" = 0 ] && echo "backup_cycle ($(test_engine "$db")): ok"
exit "$fail"
