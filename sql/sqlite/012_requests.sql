-- 012: requests a coordinator opens outside the regime (issue 13, point 6):
-- an ad-hoc report ("báo cáo đột xuất", code "2026-D01": the year of its
-- deadline and a number within the plan and year) or one week of a weekly
-- request (ISO week code "2026-W49"). Each row is one reportable period with
-- its own dates and units' deadline ("YYYY-MM-DD"); request_orgs lists the
-- units asked. Reports name it by its code like any period. Setting the
-- calendar again does not touch these rows; nothing here is deleted.
CREATE TABLE requests (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES plans(id),
    code        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('week', 'adhoc')),
    title       TEXT NOT NULL,
    start_date  TEXT NOT NULL,
    end_date    TEXT NOT NULL,
    unit_due    TEXT NOT NULL,
    created_by  INTEGER REFERENCES users(id),
    created_at  TEXT NOT NULL,
    UNIQUE (plan_id, code)
);
CREATE TABLE request_orgs (
    request_id  INTEGER NOT NULL REFERENCES requests(id),
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    PRIMARY KEY (request_id, org_id)
);
CREATE INDEX request_orgs_org ON request_orgs (org_id);
-- Every change bumps the data generation (004, store/store_generation.h).
CREATE TRIGGER score_gen_requests_insert AFTER INSERT ON requests BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_requests_update AFTER UPDATE ON requests BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_requests_delete AFTER DELETE ON requests BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_request_orgs_insert AFTER INSERT ON request_orgs BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_request_orgs_update AFTER UPDATE ON request_orgs BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_request_orgs_delete AFTER DELETE ON request_orgs BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
