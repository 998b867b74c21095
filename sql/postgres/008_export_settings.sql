-- PostgreSQL twin of sql/sqlite/008_export_settings.sql: the same tables, columns, constraints and
-- indexes (INTEGER PRIMARY KEY → BIGINT identity, REAL → DOUBLE PRECISION, BLOB →
-- BYTEA; score_generation triggers as one plpgsql function, per statement).
-- 008_export_settings.sql — how a commune's official documents are headed
-- and signed (app/outputs.h, docs/outputs.md). One row per commune org;
-- a commune without a row gets the defaults outputs_settings_get() states
-- ("ỦY BAN NHÂN DÂN" / "XÃ <NAME>", place = the commune's name, "/BC-UBND",
-- "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH", no name). A NULL column is "the
-- default". recipients: one recipient per line, without "- " and ";" (the
-- writer adds them), the last usually "Lưu: VT". Changes are audited
-- ("export.settings") with before and after; the row is replaced, its
-- history is in the audit log.
CREATE TABLE export_settings (
    org_id         BIGINT PRIMARY KEY REFERENCES orgs(id),
    body_parent    TEXT,
    body_name      TEXT,
    place          TEXT,
    number_pattern TEXT,
    sign_authority TEXT,
    sign_deputy    TEXT,
    sign_title     TEXT,
    sign_name      TEXT,
    recipients     TEXT,
    updated_at     TEXT NOT NULL,
    updated_by     INTEGER NOT NULL
);
-- cached views (app/score_cache.h) follow every change, as 004_perf.sql says
CREATE TRIGGER score_gen_export_settings AFTER INSERT OR UPDATE OR DELETE ON export_settings FOR EACH STATEMENT EXECUTE FUNCTION score_gen_bump();
