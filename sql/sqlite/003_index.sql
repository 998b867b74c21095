-- 003_index.sql — official point tables (bộ chỉ số) and criterion points.
-- Conventions of 001: INTEGER PRIMARY KEY ids, ISO 8601 UTC text
-- timestamps written by the program, nothing deleted.
--
-- A plan may have a point table loaded (dti index load PLAN FILE; format in
-- docs/index-table.md). Loading another closes the one in force (valid_to)
-- and adds a new one: the old table and its points stay readable.

CREATE TABLE index_tables (
    id           INTEGER PRIMARY KEY,
    plan_id      INTEGER NOT NULL REFERENCES plans(id),
    name         TEXT NOT NULL,
    source_name  TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    created_by   INTEGER NOT NULL,
    valid_to     TEXT
);
CREATE UNIQUE INDEX index_tables_live ON index_tables (plan_id) WHERE valid_to IS NULL;

-- One criterion (chỉ số / chỉ số thành phần) of a table, in written order.
-- indicators: the plan's indicator codes it reads, separated by ';'.
-- rule_kind: core/rules.h's kind names; rule_text as written.
CREATE TABLE index_criteria (
    id           INTEGER PRIMARY KEY,
    table_id     INTEGER NOT NULL REFERENCES index_tables(id),
    seq          INTEGER NOT NULL,
    code         TEXT NOT NULL,
    group_code   TEXT NOT NULL,
    group_name   TEXT,
    name         TEXT NOT NULL,
    max_points   REAL NOT NULL CHECK (max_points >= 0),
    indicators   TEXT NOT NULL DEFAULT '',
    evidence     TEXT,
    rule_kind    TEXT NOT NULL CHECK (rule_kind IN ('achievement', 'ratio', 'steps', 'levels',
                                                    'yesno', 'reviewer')),
    rule_text    TEXT,
    UNIQUE (table_id, seq),
    UNIQUE (table_id, code)
);

-- Points of one criterion for one org (the commune) and period: what the
-- commune assessed itself and what the reviewer (the province's appraiser)
-- gave, with a reason. Both are kept; each change is in the audit log.
CREATE TABLE criterion_points (
    id            INTEGER PRIMARY KEY,
    criterion_id  INTEGER NOT NULL REFERENCES index_criteria(id),
    plan_id       INTEGER NOT NULL REFERENCES plans(id),
    org_id        INTEGER NOT NULL REFERENCES orgs(id),
    period        TEXT NOT NULL,
    self_points   REAL,
    self_note     TEXT,
    self_by       INTEGER,
    self_at       TEXT,
    review_points REAL,
    review_reason TEXT,
    review_by     INTEGER,
    review_at     TEXT,
    UNIQUE (criterion_id, org_id, period)
);
CREATE INDEX criterion_points_plan ON criterion_points (plan_id, period);
