#!/usr/bin/env python3
"""audit_forge.py — what a forger with write access to the database file
(and no audit key) can do, for tests/cli/audit_forgery.sh and
tests/cli/backup_restore.sh. Python's sqlite3 and hashlib only: no dti code.

  audit_forge.py DB rechain FROM     recompute the plain SHA-256 chain (the
                                     pre-key algorithm, app/audit.h) from
                                     entry FROM to the end, and the head
  audit_forge.py DB unkey            make the whole log a pre-key log: plain
                                     SHA-256 chain, no audit_keying table,
                                     without its version 6 (what a
                                     database written by dti before
                                     migration 006 holds)
"""
import hashlib, json, sqlite3, sys

def canonical(r):
    o = {"action": r["action"], "after": r["after_json"], "at": r["at"],
         "before": r["before_json"], "entity": r["entity"], "entity_id": r["entity_id"],
         "seq": r["seq"], "user": r["user_name"], "user_id": r["user_id"]}
    # jansson's json_dumps(JSON_COMPACT | JSON_SORT_KEYS): UTF-8 as is
    return json.dumps(o, sort_keys=True, separators=(",", ":"), ensure_ascii=False)

def rechain(c, start):
    rows = c.execute("SELECT * FROM audit WHERE seq >= ? ORDER BY seq", (start,)).fetchall()
    prev = c.execute("SELECT hash FROM audit WHERE seq = ?", (start - 1,)).fetchone()
    prev = prev[0] if prev else "0" * 64
    for r in rows:
        h = hashlib.sha256((prev + canonical(r)).encode()).hexdigest()
        c.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, h, r["seq"]))
        prev = h
    last = c.execute("SELECT MAX(seq) FROM audit").fetchone()[0] or 0
    c.execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", (last, prev))

def main():
    db, what = sys.argv[1], sys.argv[2]
    c = sqlite3.connect(db)
    c.row_factory = sqlite3.Row
    if what == "rechain":
        rechain(c, int(sys.argv[3]))
    elif what == "unkey":
        rechain(c, 1)
        c.execute("DROP TABLE audit_keying")
        c.execute("DELETE FROM schema_version WHERE version = 6")
    else:
        sys.exit("unknown action " + what)
    c.commit()
    c.close()

main()
