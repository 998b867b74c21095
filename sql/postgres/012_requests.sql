-- 012_requests.sql (PostgreSQL twin of sql/sqlite/012) — requests a
-- coordinator opens outside the regime (issue 13, point 6): an ad-hoc report
-- ("2026-D01") or one week of a weekly request ("2026-W49"), each one
-- reportable period with its own dates and units' deadline ("YYYY-MM-DD");
-- request_orgs lists the units asked. Nothing here is deleted.
CREATE TABLE requests (
    id          BIGSERIAL PRIMARY KEY,
    plan_id     BIGINT NOT NULL REFERENCES plans(id),
    code        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('week', 'adhoc')),
    title       TEXT NOT NULL,
    start_date  TEXT NOT NULL,
    end_date    TEXT NOT NULL,
    unit_due    TEXT NOT NULL,
    created_by  BIGINT REFERENCES users(id),
    created_at  TEXT NOT NULL,
    UNIQUE (plan_id, code)
);
CREATE TABLE request_orgs (
    request_id  BIGINT NOT NULL REFERENCES requests(id),
    org_id      BIGINT NOT NULL REFERENCES orgs(id),
    PRIMARY KEY (request_id, org_id)
);
CREATE INDEX request_orgs_org ON request_orgs (org_id);

-- The data generation moves with every change (004_perf.sql: score_gen_bump).
CREATE TRIGGER score_gen_requests AFTER INSERT OR UPDATE OR DELETE ON requests FOR EACH STATEMENT EXECUTE FUNCTION score_gen_bump();
CREATE TRIGGER score_gen_request_orgs AFTER INSERT OR UPDATE OR DELETE ON request_orgs FOR EACH STATEMENT EXECUTE FUNCTION score_gen_bump();
