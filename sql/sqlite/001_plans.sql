-- 001_plans.sql — the organisation tree, source documents and imported plans.
--
-- Conventions every later migration keeps (002 adds users, reports, values,
-- evidence and the audit log over these tables):
--   * ids are INTEGER PRIMARY KEY (BIGSERIAL/BIGINT in the PostgreSQL twin);
--   * timestamps and dates are ISO 8601 text in UTC ("2026-04-08T09:30:00Z",
--     dates "2026-04-08"), written by the program, never by an SQL function;
--   * versioned rows carry valid_from / valid_to (NULL = still in force); a
--     past period is judged by the rows in force then; nothing is deleted;
--   * extension objects (the `x` of dti.plan/1) are JSON text, kept verbatim.
--
-- The schema_version table is created by the migration runner (store.c).

-- The organisation tree: province › commune › unit. A unit is anything a
-- plan names as lead or support: a phòng, a centre, the police, a thôn.
-- `folded` is orgname_key() of the name (core/orgname.h): the key that
-- "Phòng VH-XH" and "Phòng Văn hóa - Xã hội" share.
CREATE TABLE orgs (
    id          INTEGER PRIMARY KEY,
    parent_id   INTEGER REFERENCES orgs(id),
    kind        TEXT NOT NULL CHECK (kind IN ('province', 'commune', 'unit')),
    name        TEXT NOT NULL,
    folded      TEXT NOT NULL,
    valid_from  TEXT NOT NULL,
    valid_to    TEXT,
    created_at  TEXT NOT NULL
);
-- One live org per key under a parent (provinces have parent 0).
CREATE UNIQUE INDEX orgs_live_key ON orgs (COALESCE(parent_id, 0), folded) WHERE valid_to IS NULL;
CREATE INDEX orgs_parent ON orgs (parent_id);

-- Other spellings of an org's name, as documents wrote them.
CREATE TABLE org_aliases (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    alias       TEXT NOT NULL,
    folded      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (org_id, alias)
);
CREATE INDEX org_aliases_folded ON org_aliases (folded);

-- Source documents, stored once by SHA-256 of their bytes.
CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    sha256      TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    size        INTEGER NOT NULL,
    media_type  TEXT NOT NULL,
    bytes       BLOB NOT NULL,
    created_at  TEXT NOT NULL
);

-- One plan per document. org_id is the commune (NULL when the document does
-- not name one, as an Excel appendix alone does not). The heading fields are
-- kept as the document wrote them, for the exact dti.plan/1 round trip.
CREATE TABLE plans (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER REFERENCES orgs(id),
    document_id INTEGER NOT NULL UNIQUE REFERENCES documents(id),
    title       TEXT,
    commune     TEXT,
    province    TEXT,
    number      TEXT,
    issued      TEXT,
    year_from   INTEGER,
    year_to     INTEGER,
    created_at  TEXT NOT NULL,
    created_by  INTEGER NOT NULL DEFAULT 0,   -- user id; 0 = the system
    x           TEXT
);
CREATE INDEX plans_org ON plans (org_id);

CREATE TABLE plan_groups (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES plans(id),
    seq         INTEGER NOT NULL,
    code        TEXT NOT NULL,
    name        TEXT NOT NULL,
    UNIQUE (plan_id, seq)
);

-- group_code is the code as the document wrote it (round trip); group_id the
-- first group of the plan with that code, or NULL.
CREATE TABLE indicators (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES plans(id),
    seq         INTEGER NOT NULL,
    code        TEXT,
    group_id    INTEGER REFERENCES plan_groups(id),
    group_code  TEXT,
    name        TEXT,
    due         TEXT,
    due_text    TEXT,
    basis       TEXT,
    action      TEXT,
    x           TEXT,
    UNIQUE (plan_id, seq)
);

-- value NULL for op 'text'.
CREATE TABLE indicator_targets (
    id           INTEGER PRIMARY KEY,
    indicator_id INTEGER NOT NULL REFERENCES indicators(id),
    year         INTEGER NOT NULL,
    op           TEXT NOT NULL CHECK (op IN ('>=', '>', '<=', '<', '=', 'text')),
    value        REAL,
    unit         TEXT NOT NULL DEFAULT '',
    text         TEXT,
    UNIQUE (indicator_id, year)
);

CREATE TABLE tasks (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES plans(id),
    seq         INTEGER NOT NULL,
    code        TEXT,
    group_id    INTEGER REFERENCES plan_groups(id),
    group_code  TEXT,
    name        TEXT,
    due         TEXT,
    due_text    TEXT,
    funding     TEXT,
    x           TEXT,
    UNIQUE (plan_id, seq)
);

CREATE TABLE task_outputs (
    id          INTEGER PRIMARY KEY,
    task_id     INTEGER NOT NULL REFERENCES tasks(id),
    seq         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    UNIQUE (task_id, seq)
);

-- Who answers for an indicator or a task. `name` is the unit as the document
-- wrote it (lead/support of dti.plan/1 are rebuilt from it, in seq order);
-- org_id the org it was matched to, NULL for a collective name ("Các phòng
-- ban liên quan") the coordinator has yet to resolve. parent_lead is the
-- province-level lead of a two-lead table (x.parent_lead of dti.plan/1).
-- Versioned: a reassignment closes the row (valid_to) and adds a new one.
CREATE TABLE assignments (
    id           INTEGER PRIMARY KEY,
    plan_id      INTEGER NOT NULL REFERENCES plans(id),
    indicator_id INTEGER REFERENCES indicators(id),
    task_id      INTEGER REFERENCES tasks(id),
    org_id       INTEGER REFERENCES orgs(id),
    role         TEXT NOT NULL CHECK (role IN ('lead', 'support', 'parent_lead')),
    seq          INTEGER NOT NULL,
    name         TEXT NOT NULL,
    valid_from   TEXT NOT NULL,
    valid_to     TEXT,
    CHECK ((indicator_id IS NULL) <> (task_id IS NULL))
);
CREATE INDEX assignments_indicator ON assignments (indicator_id);
CREATE INDEX assignments_task ON assignments (task_id);
CREATE INDEX assignments_org ON assignments (org_id);
CREATE INDEX assignments_plan ON assignments (plan_id);
