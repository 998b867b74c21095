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
# shellcheck source=tests/lib/db.sh
. "$(dirname "$0")/../lib/db.sh"
DB_dti=$(test_db "$tmp/dti.db")
trap 'rm -rf "$tmp"' EXIT
DTI_PASSWORD=generation-test-password "$DTI" --db "$DB_dti" user add admin --role admin >/dev/null ||
  { echo "FAIL: could not create a database"; exit 1; }
python3 - "$DB_dti" <<'PY'
import os, re, sys
sys.path.insert(0, os.path.join(os.environ.get("ROOT", "."), "tests/lib")); import dbq
# read by no cached view: sessions and login failures (the session check),
# the audit trail and its keying record (history, verify), publications (the public page), the migration
# bookkeeping, gen itself, the notices of reminders (My work's list, never cached)
EXEMPT = {"sessions", "login_failures", "audit", "audit_head", "audit_keying", "publications", "schema_version",
          "score_generation", "notices", "plan_generation"}
c = dbq.connect(sys.argv[1])
bump = re.compile(r"UPDATE\s+score_generation\s+SET\s+gen\s*=\s*gen\s*\+\s*1", re.I)
if dbq.engine(sys.argv[1]) == "sqlite":
    tables = [r[0] for r in c.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    def triggers(t):    # the SQL of T's triggers, each holding its events and its body
        return [sql for (sql,) in c.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (t,))]
else:
    # sql/postgres: a trigger calls a plpgsql function; its definition
    # ("AFTER INSERT OR UPDATE OR DELETE ON t") and the function's body together
    tables = [r[0] for r in c.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")]
    def triggers(t):
        return [d.replace(" OR ", f" ON {t} AFTER ") + " " + src for (d, src) in c.execute(
            "SELECT pg_get_triggerdef(t.oid), p.prosrc FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid "
            "JOIN pg_proc p ON p.oid = t.tgfoid WHERE NOT t.tgisinternal AND r.relname = ?", (t,))]
fail = 0
if len(tables) < 10:
    print(f"FAIL: only {len(tables)} tables: {tables}"); fail = 1
for t in tables:
    if t in EXEMPT:
        continue
    for ev in ("INSERT", "UPDATE", "DELETE"):
        ok = any(bump.search(sql or "") and re.search(rf"\bAFTER\s+{ev}\s+ON\s+(public\.)?\"?{t}\"?\b", sql, re.I)
                 for sql in triggers(t))
        if not ok:
            print(f"FAIL: table {t} has no AFTER {ev} trigger bumping score_generation.gen "
                  "(sql/*/004_perf.sql; app/score_cache.h would serve stale figures)")
            fail = 1
# migration 014 (app/score/score_memo.h): every table bumping gen that a
# plan's figures may read also bumps that plan's plan_generation (its rows
# belong to one plan) or score_generation.shared (several plans read it);
# NO_FIGURE lists those no plan figure reads
NO_FIGURE = {"users", "sessions", "evidence", "evidence_files", "remind_settings", "export_settings", "plan_generation"}
plan_bump = re.compile(r"UPDATE\s+plan_generation\s+SET\s+gen\s*=\s*gen\s*\+\s*1", re.I)
shared_bump = re.compile(r"UPDATE\s+score_generation\s+SET\s+shared\s*=\s*shared\s*\+\s*1", re.I)
for t in tables:
    if t in EXEMPT or t in NO_FIGURE:
        continue
    for ev in ("INSERT", "UPDATE", "DELETE"):
        if t == "plans" and ev == "INSERT":
            continue    # a new plan gets its row (plan_gen_plans_new); nothing was kept for it
        ok = any((plan_bump.search(sql or "") or shared_bump.search(sql or ""))
                 and re.search(rf"\bAFTER\s+{ev}\s+ON\s+(public\.)?\"?{t}\"?\b", sql, re.I) for sql in triggers(t))
        if not ok:
            print(f"FAIL: table {t} has no AFTER {ev} trigger bumping plan_generation.gen or score_generation.shared "
                  "(sql/*/014_plan_generation.sql; the national ranking would keep stale figures)")
            fail = 1
for t in EXEMPT - set(tables):
    print(f"FAIL: exempt table {t} does not exist (remove it from EXEMPT)"); fail = 1
sys.exit(fail)
PY
