-- PostgreSQL twin of sql/sqlite/009_review_lock.sql: the same tables, columns, constraints and
-- indexes (INTEGER PRIMARY KEY → BIGINT identity, REAL → DOUBLE PRECISION, BLOB →
-- BYTEA; score_generation triggers as one plpgsql function, per statement).
-- 009: who may approve a report (issue 9 §6, app/report.h).
-- The one who fills or submits a report does not approve it; a commune with
-- a single official may allow it explicitly (set by an admin, audited), and
-- a report approved that way says so (reports.self_approved).
CREATE TABLE org_review_settings (
    org_id               BIGINT PRIMARY KEY REFERENCES orgs(id),
    allow_self_approval  INTEGER NOT NULL DEFAULT 0 CHECK (allow_self_approval IN (0, 1)),
    set_by               INTEGER NOT NULL,
    set_at               TEXT NOT NULL,
    reason               TEXT
);
ALTER TABLE reports ADD COLUMN self_approved INTEGER NOT NULL DEFAULT 0;
-- cached views (app/score_cache.h) follow every change, as 004_perf.sql says
CREATE TRIGGER score_gen_org_review_settings AFTER INSERT OR UPDATE OR DELETE ON org_review_settings FOR EACH STATEMENT EXECUTE FUNCTION score_gen_bump();
