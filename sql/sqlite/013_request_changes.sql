-- 013: a request can be edited before any unit has answered it and
-- cancelled at any time (issue 13, point 6; app/plan/request.h). Nothing is
-- deleted: a cancelled request keeps its row, marked with who cancelled it,
-- when and why; a unit an edit no longer asks keeps its request_orgs row
-- with dropped_at set (the reminder run tells it, the history shows it).
-- Notices gain three kinds, told to the units asked when a request is
-- opened, changed or cancelled (docs/reminders.md): SQLite cannot alter a
-- CHECK, so notices is rebuilt with its rows, ids and indexes.
ALTER TABLE requests ADD COLUMN updated_at TEXT;
ALTER TABLE requests ADD COLUMN updated_by INTEGER REFERENCES users(id);
ALTER TABLE requests ADD COLUMN cancelled_at TEXT;
ALTER TABLE requests ADD COLUMN cancelled_by INTEGER REFERENCES users(id);
ALTER TABLE requests ADD COLUMN cancel_reason TEXT;
ALTER TABLE request_orgs ADD COLUMN dropped_at TEXT;

CREATE TABLE notices_013 (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('before', 'due', 'after', 'escalate', 'digest',
                                               'returned', 'approved', 'opened', 'changed', 'cancelled')),
    plan_id      INTEGER NOT NULL REFERENCES plans(id),
    period       TEXT NOT NULL,
    org_id       INTEGER NOT NULL REFERENCES orgs(id),
    user_id      INTEGER NOT NULL REFERENCES users(id),
    step         TEXT NOT NULL,
    subject      TEXT NOT NULL,
    body         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    read_at      TEXT,
    email        TEXT,
    email_state  TEXT NOT NULL CHECK (email_state IN ('none', 'pending', 'sending', 'sent', 'failed')),
    email_at     TEXT,
    email_error  TEXT,
    attempts     INTEGER NOT NULL DEFAULT 0,
    UNIQUE (kind, plan_id, period, org_id, user_id, step)
);
INSERT INTO notices_013 (id, kind, plan_id, period, org_id, user_id, step, subject, body, created_at, read_at,
                         email, email_state, email_at, email_error, attempts)
    SELECT id, kind, plan_id, period, org_id, user_id, step, subject, body, created_at, read_at,
           email, email_state, email_at, email_error, attempts FROM notices;
DROP TABLE notices;
ALTER TABLE notices_013 RENAME TO notices;
CREATE INDEX notices_user ON notices (user_id, id);
CREATE INDEX notices_mail ON notices (email_state) WHERE email_state IN ('pending', 'sending');
