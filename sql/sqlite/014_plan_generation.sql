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
-- tests/cli/score_generation.sh checks both lists against the schema.
-- Drafts: no figure reads a draft report or its values and tasks (scores
-- read the newest approved version; a draft becomes read only by leaving the
-- state 'draft', an UPDATE of its reports row, which bumps). So the rows of a
-- draft report — the report row while it stays a draft, its values, its
-- tasks — bump no plan generation: saving a draft, the commonest write,
-- leaves every plan's kept figure valid.

ALTER TABLE score_generation ADD COLUMN shared INTEGER NOT NULL DEFAULT 0;
CREATE TABLE plan_generation (
    plan_id INTEGER PRIMARY KEY,
    gen     INTEGER NOT NULL
);
INSERT INTO plan_generation (plan_id, gen) SELECT id, 0 FROM plans;
CREATE TRIGGER plan_gen_plans_new AFTER INSERT ON plans BEGIN INSERT OR IGNORE INTO plan_generation (plan_id, gen) VALUES (NEW.id, 0); END;
CREATE TRIGGER plan_gen_plans_update AFTER UPDATE ON plans BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id IN (OLD.id, NEW.id); END;
CREATE TRIGGER plan_gen_plans_delete AFTER DELETE ON plans BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = OLD.id; END;
CREATE TRIGGER plan_gen_reports_insert AFTER INSERT ON reports WHEN NEW.state <> 'draft' BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = NEW.plan_id; END;
CREATE TRIGGER plan_gen_reports_update AFTER UPDATE ON reports WHEN OLD.state <> 'draft' OR NEW.state <> 'draft' BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id IN (OLD.plan_id, NEW.plan_id); END;
CREATE TRIGGER plan_gen_reports_delete AFTER DELETE ON reports WHEN OLD.state <> 'draft' BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = OLD.plan_id; END;
CREATE TRIGGER plan_gen_indicators_insert AFTER INSERT ON indicators BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = NEW.plan_id; END;
CREATE TRIGGER plan_gen_indicators_update AFTER UPDATE ON indicators BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id IN (OLD.plan_id, NEW.plan_id); END;
CREATE TRIGGER plan_gen_indicators_delete AFTER DELETE ON indicators BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = OLD.plan_id; END;
CREATE TRIGGER plan_gen_tasks_insert AFTER INSERT ON tasks BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = NEW.plan_id; END;
CREATE TRIGGER plan_gen_tasks_update AFTER UPDATE ON tasks BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id IN (OLD.plan_id, NEW.plan_id); END;
CREATE TRIGGER plan_gen_tasks_delete AFTER DELETE ON tasks BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = OLD.plan_id; END;
CREATE TRIGGER plan_gen_assignments_insert AFTER INSERT ON assignments BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = NEW.plan_id; END;
CREATE TRIGGER plan_gen_assignments_update AFTER UPDATE ON assignments BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id IN (OLD.plan_id, NEW.plan_id); END;
CREATE TRIGGER plan_gen_assignments_delete AFTER DELETE ON assignments BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = OLD.plan_id; END;
CREATE TRIGGER plan_gen_plan_groups_insert AFTER INSERT ON plan_groups BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = NEW.plan_id; END;
CREATE TRIGGER plan_gen_plan_groups_update AFTER UPDATE ON plan_groups BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id IN (OLD.plan_id, NEW.plan_id); END;
CREATE TRIGGER plan_gen_plan_groups_delete AFTER DELETE ON plan_groups BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = OLD.plan_id; END;
CREATE TRIGGER plan_gen_periods_insert AFTER INSERT ON periods BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = NEW.plan_id; END;
CREATE TRIGGER plan_gen_periods_update AFTER UPDATE ON periods BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id IN (OLD.plan_id, NEW.plan_id); END;
CREATE TRIGGER plan_gen_periods_delete AFTER DELETE ON periods BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = OLD.plan_id; END;
CREATE TRIGGER plan_gen_calendar_rules_insert AFTER INSERT ON calendar_rules BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = NEW.plan_id; END;
CREATE TRIGGER plan_gen_calendar_rules_update AFTER UPDATE ON calendar_rules BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id IN (OLD.plan_id, NEW.plan_id); END;
CREATE TRIGGER plan_gen_calendar_rules_delete AFTER DELETE ON calendar_rules BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = OLD.plan_id; END;
CREATE TRIGGER plan_gen_criterion_points_insert AFTER INSERT ON criterion_points BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = NEW.plan_id; END;
CREATE TRIGGER plan_gen_criterion_points_update AFTER UPDATE ON criterion_points BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id IN (OLD.plan_id, NEW.plan_id); END;
CREATE TRIGGER plan_gen_criterion_points_delete AFTER DELETE ON criterion_points BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = OLD.plan_id; END;
CREATE TRIGGER plan_gen_requests_insert AFTER INSERT ON requests BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = NEW.plan_id; END;
CREATE TRIGGER plan_gen_requests_update AFTER UPDATE ON requests BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id IN (OLD.plan_id, NEW.plan_id); END;
CREATE TRIGGER plan_gen_requests_delete AFTER DELETE ON requests BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = OLD.plan_id; END;
CREATE TRIGGER plan_gen_report_values_insert AFTER INSERT ON report_values WHEN (SELECT state FROM reports WHERE id = NEW.report_id) IS NOT 'draft' BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = (SELECT plan_id FROM reports WHERE id = NEW.report_id); END;
CREATE TRIGGER plan_gen_report_values_update AFTER UPDATE ON report_values WHEN (SELECT state FROM reports WHERE id = OLD.report_id) IS NOT 'draft' OR (SELECT state FROM reports WHERE id = NEW.report_id) IS NOT 'draft' BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id IN ((SELECT plan_id FROM reports WHERE id = OLD.report_id), (SELECT plan_id FROM reports WHERE id = NEW.report_id)); END;
CREATE TRIGGER plan_gen_report_values_delete AFTER DELETE ON report_values WHEN (SELECT state FROM reports WHERE id = OLD.report_id) IS NOT 'draft' BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = (SELECT plan_id FROM reports WHERE id = OLD.report_id); END;
CREATE TRIGGER plan_gen_report_tasks_insert AFTER INSERT ON report_tasks WHEN (SELECT state FROM reports WHERE id = NEW.report_id) IS NOT 'draft' BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = (SELECT plan_id FROM reports WHERE id = NEW.report_id); END;
CREATE TRIGGER plan_gen_report_tasks_update AFTER UPDATE ON report_tasks WHEN (SELECT state FROM reports WHERE id = OLD.report_id) IS NOT 'draft' OR (SELECT state FROM reports WHERE id = NEW.report_id) IS NOT 'draft' BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id IN ((SELECT plan_id FROM reports WHERE id = OLD.report_id), (SELECT plan_id FROM reports WHERE id = NEW.report_id)); END;
CREATE TRIGGER plan_gen_report_tasks_delete AFTER DELETE ON report_tasks WHEN (SELECT state FROM reports WHERE id = OLD.report_id) IS NOT 'draft' BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = (SELECT plan_id FROM reports WHERE id = OLD.report_id); END;
CREATE TRIGGER plan_gen_indicator_targets_insert AFTER INSERT ON indicator_targets BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = (SELECT plan_id FROM indicators WHERE id = NEW.indicator_id); END;
CREATE TRIGGER plan_gen_indicator_targets_update AFTER UPDATE ON indicator_targets BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id IN ((SELECT plan_id FROM indicators WHERE id = OLD.indicator_id), (SELECT plan_id FROM indicators WHERE id = NEW.indicator_id)); END;
CREATE TRIGGER plan_gen_indicator_targets_delete AFTER DELETE ON indicator_targets BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = (SELECT plan_id FROM indicators WHERE id = OLD.indicator_id); END;
CREATE TRIGGER plan_gen_indicator_aggregation_insert AFTER INSERT ON indicator_aggregation BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = (SELECT plan_id FROM indicators WHERE id = NEW.indicator_id); END;
CREATE TRIGGER plan_gen_indicator_aggregation_update AFTER UPDATE ON indicator_aggregation BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id IN ((SELECT plan_id FROM indicators WHERE id = OLD.indicator_id), (SELECT plan_id FROM indicators WHERE id = NEW.indicator_id)); END;
CREATE TRIGGER plan_gen_indicator_aggregation_delete AFTER DELETE ON indicator_aggregation BEGIN UPDATE plan_generation SET gen = gen + 1 WHERE plan_id = (SELECT plan_id FROM indicators WHERE id = OLD.indicator_id); END;
CREATE TRIGGER shared_gen_orgs_insert AFTER INSERT ON orgs BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_orgs_update AFTER UPDATE ON orgs BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_orgs_delete AFTER DELETE ON orgs BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_org_aliases_insert AFTER INSERT ON org_aliases BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_org_aliases_update AFTER UPDATE ON org_aliases BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_org_aliases_delete AFTER DELETE ON org_aliases BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_documents_insert AFTER INSERT ON documents BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_documents_update AFTER UPDATE ON documents BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_documents_delete AFTER DELETE ON documents BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_task_outputs_insert AFTER INSERT ON task_outputs BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_task_outputs_update AFTER UPDATE ON task_outputs BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_task_outputs_delete AFTER DELETE ON task_outputs BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_index_tables_insert AFTER INSERT ON index_tables BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_index_tables_update AFTER UPDATE ON index_tables BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_index_tables_delete AFTER DELETE ON index_tables BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_index_criteria_insert AFTER INSERT ON index_criteria BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_index_criteria_update AFTER UPDATE ON index_criteria BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_index_criteria_delete AFTER DELETE ON index_criteria BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_org_changes_insert AFTER INSERT ON org_changes BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_org_changes_update AFTER UPDATE ON org_changes BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_org_changes_delete AFTER DELETE ON org_changes BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_org_change_before_insert AFTER INSERT ON org_change_before BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_org_change_before_update AFTER UPDATE ON org_change_before BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_org_change_before_delete AFTER DELETE ON org_change_before BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_org_names_insert AFTER INSERT ON org_names BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_org_names_update AFTER UPDATE ON org_names BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_org_names_delete AFTER DELETE ON org_names BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_request_orgs_insert AFTER INSERT ON request_orgs BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_request_orgs_update AFTER UPDATE ON request_orgs BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_request_orgs_delete AFTER DELETE ON request_orgs BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_org_review_settings_insert AFTER INSERT ON org_review_settings BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_org_review_settings_update AFTER UPDATE ON org_review_settings BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
CREATE TRIGGER shared_gen_org_review_settings_delete AFTER DELETE ON org_review_settings BEGIN UPDATE score_generation SET shared = shared + 1 WHERE id = 1; END;
-- A report save looks every CSV row's code up among its plan's items
-- (store_report_item_lookup): by (plan_id, code), in the plan's order, not
-- by scanning and sorting the plan's items.
CREATE INDEX indicators_code ON indicators (plan_id, code, seq);
CREATE INDEX tasks_code ON tasks (plan_id, code, seq);
