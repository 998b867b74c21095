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
    org_id         INTEGER PRIMARY KEY REFERENCES orgs(id),
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
CREATE TRIGGER score_gen_export_settings_insert AFTER INSERT ON export_settings BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_export_settings_update AFTER UPDATE ON export_settings BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_export_settings_delete AFTER DELETE ON export_settings BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
