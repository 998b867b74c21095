#!/usr/bin/env bash
# Every table of the schema bumps score_generation.gen on insert, update and
# delete (sql/sqlite/004_perf.sql), but for the few that no cached view reads.
# app/score_cache.h keeps the JSON of the dashboard's views (score, plans,
# plan, completeness, rankings) until gen moves: a new table read by one of
# them without these triggers would serve stale figures. A migration that
# adds a table adds its three triggers, or the table to EXEMPT with a reason.
set -u
DTI=${DTI:-build/dti}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
DTI_PASSWORD=generation-test-password "$DTI" --db "$tmp/dti.db" user add admin --role admin >/dev/null ||
  { echo "FAIL: could not create a database"; exit 1; }
python3 - "$tmp/dti.db" <<'PY'
import re, sqlite3, sys
# read by no cached view: sessions and login failures (the session check),
# the audit trail and its keying record (history, verify), publications (the public page), the migration
# bookkeeping, gen itself, the notices of reminders (My work's list, never cached)
EXEMPT = {"sessions", "login_failures", "audit", "audit_head", "audit_keying", "publications", "schema_version",
          "score_generation", "notices"}
c = sqlite3.connect(sys.argv[1])
tables = [r[0] for r in c.execute(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
bump = re.compile(r"UPDATE\s+score_generation\s+SET\s+gen\s*=\s*gen\s*\+\s*1", re.I)
fail = 0
if len(tables) < 10:
    print(f"FAIL: only {len(tables)} tables: {tables}"); fail = 1
for t in tables:
    if t in EXEMPT:
        continue
    for ev in ("INSERT", "UPDATE", "DELETE"):
        ok = any(bump.search(sql or "") and re.search(rf"\bAFTER\s+{ev}\s+ON\s+\"?{t}\"?\b", sql, re.I)
                 for (sql,) in c.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (t,)))
        if not ok:
            print(f"FAIL: table {t} has no AFTER {ev} trigger bumping score_generation.gen "
                  "(sql/sqlite/004_perf.sql; app/score_cache.h would serve stale figures)")
            fail = 1
for t in EXEMPT - set(tables):
    print(f"FAIL: exempt table {t} does not exist (remove it from EXEMPT)"); fail = 1
sys.exit(fail)
PY
