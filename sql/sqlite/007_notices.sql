-- 007_notices.sql — reminders and notices (issue 13, point 7; docs/reminders.md).
-- Conventions of 001: INTEGER PRIMARY KEY ids, ISO 8601 UTC text
-- timestamps written by the program, nothing deleted.
--
-- Numbered 007 (first written as 009): migrations other branches added at the
-- same time took 006, 008 and 009; versions only need to be
-- distinct and are applied in order, gaps allowed (store.c).

-- A user's e-mail address for reminders (NULL: notices in the app only).
ALTER TABLE users ADD COLUMN email TEXT;

-- A plan's reminder rules. schedule: the days around each units' deadline
-- a reminder goes out, as signed offsets in days ("-3,0,1,3": 3 days before,
-- on the day, 1 and 3 days after). return_days: the working days (Monday to
-- Friday) a returned report has to be corrected and submitted again, counted
-- from the day it was returned. A plan without a row: the defaults (app/remind.h).
CREATE TABLE remind_settings (
    plan_id      INTEGER PRIMARY KEY REFERENCES plans(id),
    schedule     TEXT NOT NULL,
    return_days  INTEGER NOT NULL CHECK (return_days BETWEEN 1 AND 60),
    updated_at   TEXT NOT NULL,
    updated_by   INTEGER NOT NULL
);

-- One notice to one user. The key (kind, plan_id, period, org_id, user_id,
-- step) is unique: a reminder run finds what is due and inserts what is
-- missing, so a notice is never made, nor e-mailed, twice. step says which
-- occurrence: "2026-12-15:-3" (deadline and offset) for deadline reminders
-- and digests, the return's or approval's timestamp for those notices.
-- email_state: 'none' (no address, or no mail server configured when it
-- was made), 'pending' (to send), 'sending' (claimed by a sender since
-- email_at), 'sent', 'failed' (gave up after attempts; email_error says why).
CREATE TABLE notices (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('before', 'due', 'after', 'escalate', 'digest',
                                               'returned', 'approved')),
    plan_id      INTEGER NOT NULL REFERENCES plans(id),
    period       TEXT NOT NULL,
    org_id       INTEGER NOT NULL REFERENCES orgs(id),   -- the unit (the commune for a digest)
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
CREATE INDEX notices_user ON notices (user_id, id);
CREATE INDEX notices_mail ON notices (email_state) WHERE email_state IN ('pending', 'sending');
-- cached views (app/score_cache.h) follow a change of the return rule, which
-- moves a returned report's deadline; notices themselves are read by no
-- cached view (tests/cli/score_generation.sh exempts them)
CREATE TRIGGER score_gen_remind_settings_insert AFTER INSERT ON remind_settings BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_remind_settings_update AFTER UPDATE ON remind_settings BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_remind_settings_delete AFTER DELETE ON remind_settings BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
