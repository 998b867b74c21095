-- PostgreSQL twin of sql/sqlite/004_perf.sql: the same tables, columns, constraints and
-- indexes (INTEGER PRIMARY KEY → BIGINT identity, REAL → DOUBLE PRECISION, BLOB →
-- BYTEA; score_generation triggers as one plpgsql function, per statement).
-- 004_perf.sql — the generation of the data the figures are computed from.
--
-- The dashboard's figures (app/score_cache.h) are kept in memory per
-- server process and tagged with score_generation.gen as read before they
-- were computed. Every insert, update or delete on a table the figures,
-- permissions or scopes can depend on bumps gen in the same transaction
-- (the triggers below), so a cached figure is used only while no such write
-- has committed, by this process or any other. Sessions, login failures and
-- the audit trail do not change a figure and are left out. uid tells one
-- database from another (a process may open several, as the tests do).
CREATE TABLE score_generation (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    gen BIGINT NOT NULL,
    uid TEXT NOT NULL
);
INSERT INTO score_generation (id, gen, uid) VALUES (1, 0, replace(gen_random_uuid()::text, '-', ''));

-- The leads in force of a plan's indicators: scoring_plan asks, for every
-- approved value, whether its org leads its indicator (app/scoring.c).
CREATE INDEX assignments_lead ON assignments (plan_id, indicator_id, org_id)
    WHERE role = 'lead' AND valid_to IS NULL;

-- PostgreSQL: one trigger function for every table, run once per statement
-- (SQLite's triggers run per row; once per statement bumps gen as surely,
-- and a bulk import does not rewrite the row a thousand times). A statement
-- that changed no row bumps it too: a needless recomputation, never a
-- stale figure.
CREATE FUNCTION score_gen_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE score_generation SET gen = gen + 1 WHERE id = 1;
    RETURN NULL;
END;
$$;
CREATE TRIGGER score_gen_orgs AFTER INSERT OR UPDATE OR DELETE ON orgs FOR EACH STATEMENT EXECUTE FUNCTION score_gen_bump();
CREATE TRIGGER score_gen_org_aliases AFTER INSERT OR UPDATE OR DELETE ON org_aliases FOR EACH STATEMENT EXECUTE FUNCTION score_gen_bump();
CREATE TRIGGER score_gen_documents AFTER INSERT OR UPDATE OR DELETE ON documents FOR EACH STATEMENT EXECUTE FUNCTION score_gen_bump();
CREATE TRIGGER score_gen_plans AFTER INSERT OR UPDATE OR DELETE ON plans FOR EACH STATEMENT EXECUTE FUNCTION score_gen_bump();
CREATE TRIGGER score_gen_plan_groups AFTER INSERT OR UPDATE OR DELETE ON plan_groups FOR EACH STATEMENT EXECUTE FUNCTION score_gen_bump();
CREATE TRIGGER score_gen_indicators AFTER INSERT OR UPDATE OR DELETE ON indicators FOR EACH STATEMENT EXECUTE FUNCTION score_gen_bump();
CREATE TRIGGER score_gen_indicator_targets AFTER INSERT OR UPDATE OR DELETE ON indicator_targets FOR EACH STATEMENT EXECUTE FUNCTION score_gen_bump();
CREATE TRIGGER score_gen_tasks AFTER INSERT OR UPDATE OR DELETE ON tasks FOR EACH STATEMENT EXECUTE FUNCTION score_gen_bump();
CREATE TRIGGER score_gen_task_outputs AFTER INSERT OR UPDATE OR DELETE ON task_outputs FOR EACH STATEMENT EXECUTE FUNCTION score_gen_bump();
CREATE TRIGGER score_gen_assignments AFTER INSERT OR UPDATE OR DELETE ON assignments FOR EACH STATEMENT EXECUTE FUNCTION score_gen_bump();
CREATE TRIGGER score_gen_users AFTER INSERT OR UPDATE OR DELETE ON users FOR EACH STATEMENT EXECUTE FUNCTION score_gen_bump();
CREATE TRIGGER score_gen_calendar_rules AFTER INSERT OR UPDATE OR DELETE ON calendar_rules FOR EACH STATEMENT EXECUTE FUNCTION score_gen_bump();
CREATE TRIGGER score_gen_periods AFTER INSERT OR UPDATE OR DELETE ON periods FOR EACH STATEMENT EXECUTE FUNCTION score_gen_bump();
CREATE TRIGGER score_gen_indicator_aggregation AFTER INSERT OR UPDATE OR DELETE ON indicator_aggregation FOR EACH STATEMENT EXECUTE FUNCTION score_gen_bump();
CREATE TRIGGER score_gen_reports AFTER INSERT OR UPDATE OR DELETE ON reports FOR EACH STATEMENT EXECUTE FUNCTION score_gen_bump();
CREATE TRIGGER score_gen_report_values AFTER INSERT OR UPDATE OR DELETE ON report_values FOR EACH STATEMENT EXECUTE FUNCTION score_gen_bump();
CREATE TRIGGER score_gen_report_tasks AFTER INSERT OR UPDATE OR DELETE ON report_tasks FOR EACH STATEMENT EXECUTE FUNCTION score_gen_bump();
CREATE TRIGGER score_gen_evidence_files AFTER INSERT OR UPDATE OR DELETE ON evidence_files FOR EACH STATEMENT EXECUTE FUNCTION score_gen_bump();
CREATE TRIGGER score_gen_evidence AFTER INSERT OR UPDATE OR DELETE ON evidence FOR EACH STATEMENT EXECUTE FUNCTION score_gen_bump();
CREATE TRIGGER score_gen_index_tables AFTER INSERT OR UPDATE OR DELETE ON index_tables FOR EACH STATEMENT EXECUTE FUNCTION score_gen_bump();
CREATE TRIGGER score_gen_index_criteria AFTER INSERT OR UPDATE OR DELETE ON index_criteria FOR EACH STATEMENT EXECUTE FUNCTION score_gen_bump();
CREATE TRIGGER score_gen_criterion_points AFTER INSERT OR UPDATE OR DELETE ON criterion_points FOR EACH STATEMENT EXECUTE FUNCTION score_gen_bump();
