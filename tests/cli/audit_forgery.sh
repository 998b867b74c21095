#!/usr/bin/env bash
# audit_forgery.sh — the audit log catches forgery, not just slips (issue 9,
# point 7; app/audit.h). On copies of one demo database, each forgery of the
# issue is done with Python's sqlite3 (someone who can write the database
# file but cannot read the key file) and `dti audit verify` must refuse it:
#   1. rewrite an entry and recompute the plain SHA-256 chain after it;
#   1b. the same, and move the switch point past the end so that every entry
#       looks like a pre-key one;
#   2. delete the newest entries and reset the head (the anchor log and a
#      head printed earlier catch it);
#   3. delete every entry;
#   4. edit a report's figure in the database, leaving the log alone.
# Also: an untouched copy verifies; a wrong or missing key file stops writes
# and verify; a key file others may read is refused; a pre-key database
# (plain chain) still verifies after the upgrade, which backs it up first,
# with the switch point printed, and keyed entries follow.
set -euo pipefail
: "${DTI:?}"
T=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$T"' EXIT
export DTI_NOW=2026-11-23T03:00:00Z
unset DTI_AUDIT_KEY
FORGE="python3 $(dirname "$0")/lib/audit_forge.py"
fail() { echo "FAIL: $*" >&2; exit 1; }
clone() {  # NAME → a copy of the base database with its key and anchor log
  cp "$T/base.db" "$T/$1.db"
  cp -p "$T/base.db.audit-key" "$T/$1.db.audit-key"
  cp -p "$T/base.db.audit-anchor" "$T/$1.db.audit-anchor"
}
verify() {  # NAME [ARGS] → verify's output in $T/NAME.out, its status returned
  "$DTI" --db "$T/$1.db" --as admin audit verify "${@:2}" > "$T/$1.out" 2>&1
}
adduser() {  # NAME USER → a write (user.add) on the database NAME
  DTI_PASSWORD=mat-khau-123 "$DTI" --db "$T/$1.db" --as admin user add "$2" --role admin
}
refused() {  # NAME PATTERN WHAT
  if verify "$1"; then fail "$3: not detected: $(cat "$T/$1.out")"; fi
  grep -Eq "$2" "$T/$1.out" || fail "$3: wrong finding: $(cat "$T/$1.out")"
}

"$DTI" --db "$T/base.db" demo > /dev/null
[ "$(stat -c %a "$T/base.db.audit-key")" = 600 ] || fail "key file mode $(stat -c %a "$T/base.db.audit-key")"
grep -Eq '^[0-9a-f]{64}$' "$T/base.db.audit-key" || fail "key file content"
! sqlite3 "$T/base.db" "SELECT * FROM audit_keying" | grep -q "$(cut -c1-16 "$T/base.db.audit-key")" ||
  fail "the key is in the database"
# an anchor taken now, as a publication or an export would: the printed head
head=$("$DTI" --db "$T/base.db" --as admin --json audit head | python3 -c 'import json,sys; print(json.load(sys.stdin)["head"])')
[[ "$head" =~ ^[0-9]+-[0-9a-f]{16}$ ]] || fail "head text '$head'"
hseq=${head%%-*}
# then more writes after the anchor (a new user)
adduser base moi > /dev/null
n=$(sqlite3 "$T/base.db" "SELECT MAX(seq) FROM audit")
[ "$n" -gt "$hseq" ] || fail "no entry after the anchor ($n, $hseq)"

clone ok
verify ok --head "$head" || fail "untouched copy: $(cat "$T/ok.out")"
grep -q "keyed chain\|chuỗi có khóa" "$T/ok.out" || fail "verify does not say the chain is keyed"
grep -Eq "[1-9][0-9]* (báo cáo khớp|reports match)" "$T/ok.out" || fail "no report compared: $(cat "$T/ok.out")"

# ---- 1. rewrite an entry, recompute the plain chain -------------------------------
clone f1
seq=$(sqlite3 "$T/f1.db" "SELECT MIN(seq) FROM audit WHERE action = 'report.fill'")
sqlite3 "$T/f1.db" "UPDATE audit SET user_name = 'admin' WHERE seq = $seq"
$FORGE "$T/f1.db" rechain "$seq"
refused f1 "(mục|entry) $seq:" "rewritten entry with a recomputed SHA-256 chain"

# ---- 1b. and move the switch point past the end --------------------------------------
clone f1b
sqlite3 "$T/f1b.db" "UPDATE audit SET user_name = 'admin' WHERE seq = $seq"
$FORGE "$T/f1b.db" rechain 1
sqlite3 "$T/f1b.db" "UPDATE audit_keying SET from_seq = (SELECT MAX(seq) + 1 FROM audit)"
refused f1b "điểm chuyển|switch point" "switch point moved"
# ... and also say no key was ever used, and delete the anchor log
clone f1c
sqlite3 "$T/f1c.db" "UPDATE audit SET user_name = 'admin' WHERE seq = $seq"
$FORGE "$T/f1c.db" rechain 1
sqlite3 "$T/f1c.db" "UPDATE audit_keying SET from_seq = (SELECT MAX(seq) + 1 FROM audit), key_id = NULL"
rm "$T/f1c.db.audit-anchor"
refused f1c "tệp khóa|key file" "switch point and key id reset, anchor log deleted"
# ... with the key file gone too, the database alone looks like a pre-key
# one (the limit docs/backup.md states); the head printed earlier catches it
rm "$T/f1c.db.audit-key"
if verify f1c --head "$head"; then fail "a rewritten chain matched the printed head"; fi
grep -Eq "(mục|entry) $hseq" "$T/f1c.out" || fail "printed head: $(cat "$T/f1c.out")"

# ---- 2. delete the newest entries and reset the head -----------------------------------
clone f2
cut=$((hseq - 2))
sqlite3 "$T/f2.db" "DELETE FROM audit WHERE seq >= $cut;
  UPDATE audit_head SET seq = $cut - 1, hash = (SELECT hash FROM audit WHERE seq = $cut - 1)"
refused f2 "(mục|entry) $hseq: .*(neo|anchored)" "tail deleted, head reset"
# with the anchor log deleted too: the printed head
rm "$T/f2.db.audit-anchor"
refused f2 "neo|anchor" "tail deleted, anchor log deleted"
if verify f2 --head "$head"; then fail "tail cut past the printed head"; fi

# ---- 3. delete every entry -----------------------------------------------------------
clone f3
sqlite3 "$T/f3.db" "DELETE FROM audit; DELETE FROM audit_head"
refused f3 "bị xóa|removed" "every entry deleted"
# and the anchor log: the reports still tell
rm "$T/f3.db.audit-anchor"
refused f3 "." "every entry and the anchor log deleted"
echo > "$T/f3.db.audit-anchor"; chmod 600 "$T/f3.db.audit-anchor"
refused f3 "." "every entry deleted, anchor log emptied"

# ---- 4. edit a report's figure directly ------------------------------------------------
clone f4
row=$(sqlite3 "$T/f4.db" "SELECT v.report_id || ' ' || i.code FROM report_values v JOIN indicators i ON i.id = v.indicator_id
  WHERE v.value IS NOT NULL ORDER BY v.report_id DESC LIMIT 1")
rid=${row%% *}; code=${row#* }
sqlite3 "$T/f4.db" "UPDATE report_values SET value = value + 7 WHERE report_id = $rid
  AND indicator_id = (SELECT id FROM indicators WHERE code = '$code' AND plan_id = (SELECT plan_id FROM reports WHERE id = $rid))"
refused f4 "$rid.*values\[$code\]\.value" "a report's value edited directly"
clone f4b
sqlite3 "$T/f4b.db" "UPDATE reports SET state = 'approved' WHERE id = (SELECT MIN(id) FROM reports WHERE state = 'submitted')"
refused f4b "state" "a report's state edited directly"
clone f4c
sqlite3 "$T/f4c.db" "DELETE FROM report_values WHERE report_id = $rid"
refused f4c "$rid" "a report's values deleted"

# ---- the key file ----------------------------------------------------------------------
clone k1
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$T/k1.db.audit-key"; echo >> "$T/k1.db.audit-key"
refused k1 "không phải khóa|not the database's key" "a different key file"
if adduser k1 moi2 > "$T/k1.add" 2>&1; then
  fail "a write under a wrong key was accepted"
fi
clone k2
rm "$T/k2.db.audit-key"
refused k2 "thiếu tệp khóa|key file is missing" "key file missing"
if adduser k2 moi2 > "$T/k2.add" 2>&1; then
  fail "a write without the key was accepted (a new key made?)"
fi
grep -q "audit-key" "$T/k2.add" || fail "write without key: $(cat "$T/k2.add")"
[ ! -e "$T/k2.db.audit-key" ] || fail "a new key was made for a database that had one"
clone k3
chmod 644 "$T/k3.db.audit-key"
refused k3 "chmod 600" "a key file others may read"
# DTI_AUDIT_KEY names the key file elsewhere
clone k4
mv "$T/k4.db.audit-key" "$T/elsewhere.key"
DTI_AUDIT_KEY="$T/elsewhere.key" verify k4 || fail "DTI_AUDIT_KEY: $(cat "$T/k4.out")"

# ---- a database from before the key (plain chain) --------------------------------------
clone old
rm "$T/old.db.audit-key" "$T/old.db.audit-anchor"
$FORGE "$T/old.db" unkey
n=$(sqlite3 "$T/old.db" "SELECT MAX(seq) FROM audit")
v=$(printf %03d "$(sqlite3 "$T/old.db" "SELECT MAX(version) FROM schema_version")")   # all but 006
verify old || fail "pre-key database after the upgrade: $(cat "$T/old.out")"
ls "$T"/old.db.before-v"$v"-*.bak > /dev/null 2>&1 || fail "no backup before the upgrade: $(ls "$T")"
grep -Eq "(mục|entries) 1 (đến|to) $n" "$T/old.out" || fail "switch point not printed: $(cat "$T/old.out")"
[ "$(sqlite3 "$T/old.db" "SELECT from_seq FROM audit_keying")" = $((n + 1)) ] || fail "switch point"
adduser old moi3 > /dev/null
verify old || fail "after the first keyed entry: $(cat "$T/old.out")"
[ -e "$T/old.db.audit-key" ] || fail "no key made at first use"
# rewriting the plain part is caught where it meets the keyed part
sqlite3 "$T/old.db" "UPDATE audit SET user_name = 'admin' WHERE seq = 5"
$FORGE "$T/old.db" rechain 5
sqlite3 "$T/old.db" "UPDATE audit_head SET seq = (SELECT MAX(seq) FROM audit)"
refused old "." "plain part rewritten"
[ -n "${KEEP:-}" ] && echo "$T"
echo "audit_forgery ok"
