-- 014: per-plan generations (issue 12, point 6.2). The national ranking
-- computes 3,321 plans' figures; a save changes one. plan_generation(plan_id,
-- gen) is bumped by triggers on every write to a table whose rows belong to
-- one plan (the plan's own row, its items, assignments, calendar, targets,
-- reports and their values, self-assessed points, requests), and
-- score_generation.shared by every write to a table that several plans'
-- figures read (orgs and their names and changes, point tables and
-- criteria, documents, task outputs, request orgs, review settings). A plan's
-- figures computed when (its gen, shared) were (g, s) are still its figures
-- while both are unchanged (app/score/score_memo.c). Tables no plan figure
-- reads (users, sessions, evidence, notices, reminder and export settings,
-- audit, publications) bump neither. score_generation.gen is untouched: it
-- still moves on every write (store/store_generation.h).
-- PostgreSQL: row triggers for plan_generation (each row names its plan),
-- a statement trigger for shared, as score_gen_bump (004).
-- tests/cli/score_generation.sh checks both lists against the schema.
-- Drafts: no figure reads a draft report or its values and tasks (scores
-- read the newest approved version; a draft becomes read only by leaving the
-- state 'draft', an UPDATE of its reports row, which bumps). So the rows of a
-- draft report — the report row while it stays a draft, its values, its
-- tasks — bump no plan generation: saving a draft, the commonest write,
-- leaves every plan's kept figure valid.

ALTER TABLE score_generation ADD COLUMN shared BIGINT NOT NULL DEFAULT 0;
CREATE TABLE plan_generation (
    plan_id BIGINT PRIMARY KEY,
    gen     BIGINT NOT NULL
);
INSERT INTO plan_generation (plan_id, gen) SELECT id, 0 FROM plans;
CREATE FUNCTION plan_gen_plans_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO plan_generation (plan_id, gen) VALUES (NEW.id, 0) ON CONFLICT (plan_id) DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER plan_gen_plans_new AFTER INSERT ON plans FOR EACH ROW EXECUTE FUNCTION plan_gen_plans_new();
CREATE FUNCTION plan_gen_self() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = OLD.id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = NEW.id;
    END IF;
    RETURN NULL;
END $$;
CREATE FUNCTION plan_gen_by_plan() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = OLD.plan_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = NEW.plan_id;
    END IF;
    RETURN NULL;
END $$;
CREATE FUNCTION plan_gen_by_report() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE plan_generation SET gen = gen + 1 WHERE plan_id =
            (SELECT plan_id FROM reports WHERE id = OLD.report_id AND state <> 'draft');
    END IF;
    IF TG_OP <> 'DELETE' THEN
        UPDATE plan_generation SET gen = gen + 1 WHERE plan_id =
            (SELECT plan_id FROM reports WHERE id = NEW.report_id AND state <> 'draft');
    END IF;
    RETURN NULL;
END $$;
CREATE FUNCTION plan_gen_reports() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.state <> 'draft' THEN
        UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = OLD.plan_id;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.state <> 'draft' THEN
        UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = NEW.plan_id;
    END IF;
    RETURN NULL;
END $$;
CREATE FUNCTION plan_gen_by_indicator() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = (SELECT plan_id FROM indicators WHERE id = OLD.indicator_id);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = (SELECT plan_id FROM indicators WHERE id = NEW.indicator_id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER plan_gen_plans AFTER UPDATE OR DELETE ON plans FOR EACH ROW EXECUTE FUNCTION plan_gen_self();
CREATE TRIGGER plan_gen_reports AFTER INSERT OR UPDATE OR DELETE ON reports FOR EACH ROW EXECUTE FUNCTION plan_gen_reports();
CREATE TRIGGER plan_gen_indicators AFTER INSERT OR UPDATE OR DELETE ON indicators FOR EACH ROW EXECUTE FUNCTION plan_gen_by_plan();
CREATE TRIGGER plan_gen_tasks AFTER INSERT OR UPDATE OR DELETE ON tasks FOR EACH ROW EXECUTE FUNCTION plan_gen_by_plan();
CREATE TRIGGER plan_gen_assignments AFTER INSERT OR UPDATE OR DELETE ON assignments FOR EACH ROW EXECUTE FUNCTION plan_gen_by_plan();
CREATE TRIGGER plan_gen_plan_groups AFTER INSERT OR UPDATE OR DELETE ON plan_groups FOR EACH ROW EXECUTE FUNCTION plan_gen_by_plan();
CREATE TRIGGER plan_gen_periods AFTER INSERT OR UPDATE OR DELETE ON periods FOR EACH ROW EXECUTE FUNCTION plan_gen_by_plan();
CREATE TRIGGER plan_gen_calendar_rules AFTER INSERT OR UPDATE OR DELETE ON calendar_rules FOR EACH ROW EXECUTE FUNCTION plan_gen_by_plan();
CREATE TRIGGER plan_gen_criterion_points AFTER INSERT OR UPDATE OR DELETE ON criterion_points FOR EACH ROW EXECUTE FUNCTION plan_gen_by_plan();
CREATE TRIGGER plan_gen_requests AFTER INSERT OR UPDATE OR DELETE ON requests FOR EACH ROW EXECUTE FUNCTION plan_gen_by_plan();
CREATE TRIGGER plan_gen_report_values AFTER INSERT OR UPDATE OR DELETE ON report_values FOR EACH ROW EXECUTE FUNCTION plan_gen_by_report();
CREATE TRIGGER plan_gen_report_tasks AFTER INSERT OR UPDATE OR DELETE ON report_tasks FOR EACH ROW EXECUTE FUNCTION plan_gen_by_report();
CREATE TRIGGER plan_gen_indicator_targets AFTER INSERT OR UPDATE OR DELETE ON indicator_targets FOR EACH ROW EXECUTE FUNCTION plan_gen_by_indicator();
CREATE TRIGGER plan_gen_indicator_aggregation AFTER INSERT OR UPDATE OR DELETE ON indicator_aggregation FOR EACH ROW EXECUTE FUNCTION plan_gen_by_indicator();
CREATE FUNCTION shared_gen_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE score_generation SET shared = shared + 1 WHERE id = 1;
    RETURN NULL;
END $$;
CREATE TRIGGER shared_gen_orgs AFTER INSERT OR UPDATE OR DELETE ON orgs FOR EACH STATEMENT EXECUTE FUNCTION shared_gen_bump();
CREATE TRIGGER shared_gen_org_aliases AFTER INSERT OR UPDATE OR DELETE ON org_aliases FOR EACH STATEMENT EXECUTE FUNCTION shared_gen_bump();
CREATE TRIGGER shared_gen_documents AFTER INSERT OR UPDATE OR DELETE ON documents FOR EACH STATEMENT EXECUTE FUNCTION shared_gen_bump();
CREATE TRIGGER shared_gen_task_outputs AFTER INSERT OR UPDATE OR DELETE ON task_outputs FOR EACH STATEMENT EXECUTE FUNCTION shared_gen_bump();
CREATE TRIGGER shared_gen_index_tables AFTER INSERT OR UPDATE OR DELETE ON index_tables FOR EACH STATEMENT EXECUTE FUNCTION shared_gen_bump();
CREATE TRIGGER shared_gen_index_criteria AFTER INSERT OR UPDATE OR DELETE ON index_criteria FOR EACH STATEMENT EXECUTE FUNCTION shared_gen_bump();
CREATE TRIGGER shared_gen_org_changes AFTER INSERT OR UPDATE OR DELETE ON org_changes FOR EACH STATEMENT EXECUTE FUNCTION shared_gen_bump();
CREATE TRIGGER shared_gen_org_change_before AFTER INSERT OR UPDATE OR DELETE ON org_change_before FOR EACH STATEMENT EXECUTE FUNCTION shared_gen_bump();
CREATE TRIGGER shared_gen_org_names AFTER INSERT OR UPDATE OR DELETE ON org_names FOR EACH STATEMENT EXECUTE FUNCTION shared_gen_bump();
CREATE TRIGGER shared_gen_request_orgs AFTER INSERT OR UPDATE OR DELETE ON request_orgs FOR EACH STATEMENT EXECUTE FUNCTION shared_gen_bump();
CREATE TRIGGER shared_gen_org_review_settings AFTER INSERT OR UPDATE OR DELETE ON org_review_settings FOR EACH STATEMENT EXECUTE FUNCTION shared_gen_bump();
-- A report save looks every CSV row's code up among its plan's items
-- (store_report_item_lookup): by (plan_id, code), in the plan's order, not
-- by scanning and sorting the plan's items.
CREATE INDEX indicators_code ON indicators (plan_id, code, seq);
CREATE INDEX tasks_code ON tasks (plan_id, code, seq);
