-- 011_org_changes.sql (PostgreSQL twin of sql/sqlite/011) — communes and units change: renames, mergers and
-- closures, with the date each takes effect (docs/orgs.md; the rules are in
-- src/app/orgs/orgs_change.c's header).
--
-- Dates follow 001's convention for versioned rows: valid_to is the first
-- day an org (or a name) is no longer in force, so an org merged on
-- 2025-07-01 has valid_to '2025-07-01' and was in force until 2025-06-30.

-- One change, as decided: kind, the date it takes effect, the org after it
-- (the renamed org; the merger's successor, new or one of the merged; NULL
-- for a closure), who recorded it, when, and why.
CREATE TABLE org_changes (
    id          BIGSERIAL PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('rename', 'merge', 'close')),
    effective   TEXT NOT NULL,                  -- "YYYY-MM-DD", Vietnam's day
    org_after   BIGINT REFERENCES orgs(id),
    note        TEXT NOT NULL DEFAULT '',
    created_by  BIGINT NOT NULL DEFAULT 0,     -- user id; 0 = the system
    created_at  TEXT NOT NULL
);
CREATE INDEX org_changes_after ON org_changes (org_after);

-- The orgs before a change (the renamed org; each merged org; the closed
-- org), with the name each had the day before the change.
CREATE TABLE org_change_before (
    change_id   BIGINT NOT NULL REFERENCES org_changes(id),
    org_id      BIGINT NOT NULL REFERENCES orgs(id),
    name        TEXT NOT NULL,
    PRIMARY KEY (change_id, org_id)
);
CREATE INDEX org_change_before_org ON org_change_before (org_id);

-- An org's earlier names: NAME was in force from valid_from until the day
-- before valid_to. orgs.name is the name in force now; a period shows the
-- name of the row covering its day, else orgs.name. Same id throughout.
CREATE TABLE org_names (
    id          BIGSERIAL PRIMARY KEY,
    org_id      BIGINT NOT NULL REFERENCES orgs(id),
    name        TEXT NOT NULL,
    folded      TEXT NOT NULL,
    valid_from  TEXT NOT NULL,
    valid_to    TEXT NOT NULL
);
CREATE INDEX org_names_org ON org_names (org_id, valid_from);

-- The data generation moves with every change of these tables, as in the
-- SQLite twin (004_perf.sql: score_gen_bump, once per statement).
CREATE TRIGGER score_gen_org_changes AFTER INSERT OR UPDATE OR DELETE ON org_changes FOR EACH STATEMENT EXECUTE FUNCTION score_gen_bump();
CREATE TRIGGER score_gen_org_change_before AFTER INSERT OR UPDATE OR DELETE ON org_change_before FOR EACH STATEMENT EXECUTE FUNCTION score_gen_bump();
CREATE TRIGGER score_gen_org_names AFTER INSERT OR UPDATE OR DELETE ON org_names FOR EACH STATEMENT EXECUTE FUNCTION score_gen_bump();
