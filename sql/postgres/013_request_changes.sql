-- 013_request_changes.sql (PostgreSQL twin of sql/sqlite/013) — a request
-- can be edited before any unit has answered it and cancelled at any time
-- (app/plan/request.h). Nothing is deleted: a cancelled request keeps its
-- row with who/when/why; a unit an edit no longer asks keeps its
-- request_orgs row with dropped_at set. Notices gain the kinds told when a
-- request is opened, changed or cancelled (docs/reminders.md).
ALTER TABLE requests ADD COLUMN updated_at TEXT;
ALTER TABLE requests ADD COLUMN updated_by BIGINT REFERENCES users(id);
ALTER TABLE requests ADD COLUMN cancelled_at TEXT;
ALTER TABLE requests ADD COLUMN cancelled_by BIGINT REFERENCES users(id);
ALTER TABLE requests ADD COLUMN cancel_reason TEXT;
ALTER TABLE request_orgs ADD COLUMN dropped_at TEXT;

ALTER TABLE notices DROP CONSTRAINT notices_kind_check;
ALTER TABLE notices ADD CONSTRAINT notices_kind_check CHECK (kind IN ('before', 'due', 'after', 'escalate', 'digest',
    'returned', 'approved', 'opened', 'changed', 'cancelled'));
