-- PostgreSQL twin of sql/sqlite/006_audit_key.sql: the same tables, columns, constraints and
-- indexes (INTEGER PRIMARY KEY → BIGINT identity, REAL → DOUBLE PRECISION, BLOB →
-- BYTEA; score_generation triggers as one plpgsql function, per statement).
-- 006_audit_key.sql — the audit chain becomes keyed (app/audit.h).
--
-- From here on an entry's hash is HMAC-SHA-256, under a secret key kept
-- outside the database (a key file, mode 0600, beside it: DB.audit-key, or
-- the file DTI_AUDIT_KEY names), of the previous hash and the entry's
-- canonical JSON. Entries written before this migration keep their plain
-- SHA-256 hashes and still verify: from_seq, the first keyed entry, is the
-- switch point, fixed here at the moment of the upgrade (1 for a new
-- database). key_id names the key (the first 8 bytes, hex, of its HMAC of
-- "dti audit key id"): NULL until the key is first used, then verify can
-- tell a wrong key file from altered entries. The switch point is also
-- written into the anchor log beside the database (DB.audit-anchor), whose
-- lines are keyed too, so that moving it cannot turn keyed entries back
-- into plain ones unseen.
CREATE TABLE audit_keying (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    from_seq     INTEGER NOT NULL,
    key_id       TEXT
);
INSERT INTO audit_keying (id, from_seq)
    SELECT 1, COALESCE((SELECT seq FROM audit_head WHERE id = 1), 0) + 1;
