-- 005_publish.sql — published commune indices (the public ranking).
-- Conventions of 001: INTEGER PRIMARY KEY ids, ISO 8601 UTC text
-- timestamps written by the program, nothing deleted.
--
-- A coordinator or admin publishes a plan's index for a period
-- (POST /api/v1/plans/:id/publish?period=P; docs/publishing.md). The figure
-- is copied as it was computed at that moment: what the public page shows is
-- what was published, not what later approvals would make it. Publishing
-- again adds a row; the public ranking reads each commune's newest row.

CREATE TABLE publications (
    id           INTEGER PRIMARY KEY,
    plan_id      INTEGER NOT NULL REFERENCES plans(id),
    org_id       INTEGER NOT NULL REFERENCES orgs(id),    -- the plan's commune
    period       TEXT NOT NULL,
    has_value    INTEGER NOT NULL CHECK (has_value IN (0, 1)),
    value        REAL NOT NULL,                           -- the index, 0..1 (0 when !has_value)
    points       REAL NOT NULL,
    maximum      REAL NOT NULL,
    published_at TEXT NOT NULL,
    published_by INTEGER NOT NULL
);
CREATE INDEX publications_org ON publications (org_id, id);
