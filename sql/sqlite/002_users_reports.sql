-- 002_users_reports.sql — users and sessions, reporting calendars and
-- periods, unit reports with their values, task progress and evidence, and
-- the hash-chained audit log. Conventions of 001: INTEGER PRIMARY KEY ids,
-- ISO 8601 UTC text timestamps written by the program, nothing deleted
-- (corrections are new versions), JSON as text.

-- People who act in dti. role decides what they may do, org_id the scope:
-- that org and every org under it (orgs.parent_id). An admin may have no
-- scope (NULL = everything). pw_hash is libsodium's crypto_pwhash_str
-- (argon2id, "$argon2id$v=19$..."). A user is never deleted: active = 0.
CREATE TABLE users (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL DEFAULT '',
    pw_hash      TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'reporter', 'viewer')),
    org_id       INTEGER REFERENCES orgs(id),
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at   TEXT NOT NULL,
    CHECK (role = 'admin' OR org_id IS NOT NULL)
);

-- Web sessions (issue 4). id_hash is the SHA-256 (hex) of the 256-bit
-- random session id the browser holds: a stolen database gives no live
-- session. A session ends at expires_at (absolute) or when last_seen is
-- older than the idle limit (app/auth.h).
CREATE TABLE sessions (
    id_hash      TEXT PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id),
    created_at   TEXT NOT NULL,
    last_seen    TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    csrf         TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Consecutive failed logins per user name (known or not), for throttling:
-- slowed after a few, locked for a while after more (app/auth.h).
CREATE TABLE login_failures (
    name         TEXT PRIMARY KEY,
    count        INTEGER NOT NULL,
    last_at      TEXT NOT NULL,
    locked_until TEXT
);

-- A plan's reporting regime: its rules in core/period.h's syntax, in order.
CREATE TABLE calendar_rules (
    id           INTEGER PRIMARY KEY,
    plan_id      INTEGER NOT NULL REFERENCES plans(id),
    seq          INTEGER NOT NULL,
    rule         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    UNIQUE (plan_id, seq)
);

-- The periods the regime gives, with their dates and both deadlines
-- ("2026-04-15"; NULL = no deadline at that level). Rewritten whenever the
-- regime is set; reports keep the period code.
CREATE TABLE periods (
    id             INTEGER PRIMARY KEY,
    plan_id        INTEGER NOT NULL REFERENCES plans(id),
    code           TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('month', 'quarter', 'half', 'year')),
    start_date     TEXT NOT NULL,
    end_date       TEXT NOT NULL,
    unit_due       TEXT,
    commune_due    TEXT,
    UNIQUE (plan_id, code)
);

-- How an indicator's values over periods make the value of a longer period:
-- 'last' (a rate or a state: the latest value counts) or 'sum' (events in
-- the period). An indicator without a row here is 'last'.
CREATE TABLE indicator_aggregation (
    indicator_id INTEGER PRIMARY KEY REFERENCES indicators(id),
    aggregation  TEXT NOT NULL CHECK (aggregation IN ('last', 'sum'))
);

-- One org's report on one plan for one period. A correction after approval
-- is a new row with version + 1; every version is kept.
CREATE TABLE reports (
    id           INTEGER PRIMARY KEY,
    plan_id      INTEGER NOT NULL REFERENCES plans(id),
    org_id       INTEGER NOT NULL REFERENCES orgs(id),
    period       TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    state        TEXT NOT NULL DEFAULT 'draft'
                 CHECK (state IN ('draft', 'submitted', 'returned', 'approved')),
    created_at   TEXT NOT NULL,
    created_by   INTEGER NOT NULL,
    updated_at   TEXT NOT NULL,
    submitted_at TEXT,
    submitted_by INTEGER,
    returned_at  TEXT,
    approved_at  TEXT,
    reviewed_by  INTEGER,
    reason       TEXT,
    results      TEXT,
    difficulties TEXT,
    proposals    TEXT,
    UNIQUE (plan_id, org_id, period, version)
);
CREATE INDEX reports_plan_period ON reports (plan_id, period);

-- A value reported for an indicator. value is the figure (for a rate,
-- numerator / denominator × 100 when both are given); met is the yes/no of a
-- text target (NULL when not said). A support org's row carries a note and
-- no figure.
CREATE TABLE report_values (
    id           INTEGER PRIMARY KEY,
    report_id    INTEGER NOT NULL REFERENCES reports(id),
    indicator_id INTEGER NOT NULL REFERENCES indicators(id),
    numerator    REAL,
    denominator  REAL,
    value        REAL,
    met          INTEGER CHECK (met IN (0, 1)),
    note         TEXT,
    UNIQUE (report_id, indicator_id)
);

-- Progress of a task (status NULL on a support org's row: a note only).
CREATE TABLE report_tasks (
    id           INTEGER PRIMARY KEY,
    report_id    INTEGER NOT NULL REFERENCES reports(id),
    task_id      INTEGER NOT NULL REFERENCES tasks(id),
    status       TEXT CHECK (status IS NULL OR status IN ('chưa triển khai', 'đang triển khai',
                                                           'hoàn thành', 'quá hạn', 'dừng')),
    percent      REAL CHECK (percent IS NULL OR (percent >= 0 AND percent <= 100)),
    products     TEXT,
    note         TEXT,
    UNIQUE (report_id, task_id)
);

-- Evidence files, stored once by the SHA-256 of their bytes (in the
-- database, or at path under the store's folder for a future file store).
CREATE TABLE evidence_files (
    sha256       TEXT PRIMARY KEY,
    size         INTEGER NOT NULL,
    media_type   TEXT NOT NULL,
    bytes        BLOB,
    path         TEXT,
    created_at   TEXT NOT NULL,
    CHECK (bytes IS NOT NULL OR path IS NOT NULL)
);

-- A file attached to a report, to one of its values, or to one of its
-- tasks, under the name the user gave it. checked: the reviewer has looked.
CREATE TABLE evidence (
    id           INTEGER PRIMARY KEY,
    sha256       TEXT NOT NULL REFERENCES evidence_files(sha256),
    name         TEXT NOT NULL,
    report_id    INTEGER NOT NULL REFERENCES reports(id),
    indicator_id INTEGER REFERENCES indicators(id),
    task_id      INTEGER REFERENCES tasks(id),
    checked      INTEGER NOT NULL DEFAULT 0 CHECK (checked IN (0, 1)),
    checked_by   INTEGER,
    attached_by  INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    CHECK (indicator_id IS NULL OR task_id IS NULL)
);
CREATE INDEX evidence_report ON evidence (report_id);

-- The audit log: one row per write, chained. hash = SHA-256 hex of
-- prev_hash followed by the canonical JSON of the entry (app/audit.h);
-- prev_hash of the first entry is 64 zeros. audit_head keeps the last seq
-- and hash so that removing the newest entries is seen too.
CREATE TABLE audit (
    seq          INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    user_id      INTEGER NOT NULL,
    user_name    TEXT NOT NULL,
    action       TEXT NOT NULL,
    entity       TEXT NOT NULL,
    entity_id    TEXT NOT NULL,
    before_json  TEXT,
    after_json   TEXT,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit (entity, entity_id);

CREATE TABLE audit_head (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    seq          INTEGER NOT NULL,
    hash         TEXT NOT NULL
);
