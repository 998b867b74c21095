#!/usr/bin/env bash
# audit_verify_batch.sh — `dti audit verify` reads the log in pages
# (STORE_AUDIT_PAGE = 2048 entries) and the reports in batches
# (STORE_AUDIT_BATCH = 256 reports: their heads, values, tasks and
# after-images in four statements), on either engine (make test-pg runs it
# on PostgreSQL: there each statement is a round trip). On a generated
# province of 8 communes (610 reports, 2,521 entries: three batches, two
# pages) it must still count every entry and report, and find what was
# tampered with wherever it sits: an entry past the first page, an entry
# removed at the page boundary, a figure edited in a report of the last
# batch, and of two edited reports the first by id (another batch).
set -u
: "${DTI:?}"
# shellcheck source=tests/cli/lib/serve.sh
. "$(dirname "$0")/lib/serve.sh"
export DTI_NOW=2026-12-07T03:00:00Z
unset DTI_AUDIT_KEY
"$DTI" --lang en --db "$db" gen country --provinces 1 --communes 8 > "$tmp/gen.out" 2>&1 ||
  { echo "FAIL: gen: $(cat "$tmp/gen.out")"; exit 1; }
verify() { "$DTI" --lang en --db "$db" --as admin audit verify > "$tmp/v.out" 2>&1; }
nrep=$(test_sql "$db" "SELECT COUNT(*) FROM reports")
nent=$(test_sql "$db" "SELECT COUNT(*) FROM audit")
[ "$nrep" -gt 512 ] || bad "only $nrep reports: fewer than three batches"
[ "$nent" -gt 2048 ] || bad "only $nent entries: one page"
verify || bad "the untouched log does not verify: $(cat "$tmp/v.out")"
grep -q "^The audit log holds: $nent entries, hash chain intact" "$tmp/v.out" || bad "entries counted: $(cat "$tmp/v.out")"
grep -q " $nrep reports match the log" "$tmp/v.out" || bad "reports counted: $(cat "$tmp/v.out")"

# an entry of the second page altered, then put back
seq=$((2048 + 5))
name=$(test_sql "$db" "SELECT user_name FROM audit WHERE seq = $seq")
test_sql "$db" "UPDATE audit SET user_name = 'forger' WHERE seq = $seq"
if verify; then bad "entry $seq altered: not found"; fi
grep -q "entry $seq: altered: its content does not match" "$tmp/v.out" || bad "entry $seq altered: $(cat "$tmp/v.out")"
test_sql "$db" "UPDATE audit SET user_name = '$name' WHERE seq = $seq"
verify || bad "put back: $(cat "$tmp/v.out")"

# a report of the last batch with a figure edited in the database
rid=$(test_sql "$db" "SELECT MAX(report_id) FROM report_values")
[ "$rid" -gt 512 ] || bad "the last report with figures is $rid, not in the third batch"
row=$(test_sql "$db" "SELECT i.code || ' ' || i.id || ' ' || r.period FROM report_values v JOIN indicators i ON i.id = v.indicator_id
  JOIN reports r ON r.id = v.report_id WHERE v.report_id = $rid ORDER BY i.seq LIMIT 1")
read -r code iid period <<< "$row"
ent=$(test_sql "$db" "SELECT MAX(seq) FROM audit WHERE entity = 'report' AND entity_id = '$rid' AND after_json LIKE '%\"values\"%'")
test_sql "$db" "UPDATE report_values SET value = value + 7 WHERE report_id = $rid AND indicator_id = $iid"
if verify; then bad "report $rid edited: not found"; fi
grep -qF "report $rid (period $period) differs from the log (entry $ent): values[$code].value was edited" "$tmp/v.out" ||
  bad "report $rid edited (want entry $ent, values[$code].value): $(cat "$tmp/v.out")"
# and one of the first batch too: the first by id is the one named
rid1=$(test_sql "$db" "SELECT MIN(report_id) FROM report_values")
[ "$rid1" -le 256 ] || bad "the first report with figures is $rid1, not in the first batch"
test_sql "$db" "UPDATE report_values SET value = value + 7 WHERE report_id = $rid1"
if verify; then bad "reports $rid1 and $rid edited: not found"; fi
grep -q "report $rid1 (period [0-9-]*) differs from the log" "$tmp/v.out" || bad "two edited, the first: $(cat "$tmp/v.out")"
test_sql "$db" "UPDATE report_values SET value = value - 7 WHERE report_id IN ($rid1, $rid) AND indicator_id IN
  (SELECT indicator_id FROM report_values WHERE report_id = $rid1 UNION SELECT $iid)"
verify || bad "figures put back: $(cat "$tmp/v.out")"

# the first entry of the second page removed
cut=2049
test_sql "$db" "DELETE FROM audit WHERE seq = $cut"
if verify; then bad "entry $cut removed: not found"; fi
grep -q "entry $cut: removed: entries $cut..$cut" "$tmp/v.out" || bad "entry $cut removed: $(cat "$tmp/v.out")"
[ "$fail" = 0 ] && echo "audit_verify_batch ok"
exit "$fail"
