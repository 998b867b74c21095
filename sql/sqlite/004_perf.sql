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
    gen INTEGER NOT NULL,
    uid TEXT NOT NULL
);
INSERT INTO score_generation (id, gen, uid) VALUES (1, 0, lower(hex(randomblob(16))));

-- The leads in force of a plan's indicators: scoring_plan asks, for every
-- approved value, whether its org leads its indicator (app/scoring.c).
CREATE INDEX assignments_lead ON assignments (plan_id, indicator_id, org_id)
    WHERE role = 'lead' AND valid_to IS NULL;

CREATE TRIGGER score_gen_orgs_insert AFTER INSERT ON orgs BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_orgs_update AFTER UPDATE ON orgs BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_orgs_delete AFTER DELETE ON orgs BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_org_aliases_insert AFTER INSERT ON org_aliases BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_org_aliases_update AFTER UPDATE ON org_aliases BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_org_aliases_delete AFTER DELETE ON org_aliases BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_documents_insert AFTER INSERT ON documents BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_documents_update AFTER UPDATE ON documents BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_documents_delete AFTER DELETE ON documents BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_plans_insert AFTER INSERT ON plans BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_plans_update AFTER UPDATE ON plans BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_plans_delete AFTER DELETE ON plans BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_plan_groups_insert AFTER INSERT ON plan_groups BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_plan_groups_update AFTER UPDATE ON plan_groups BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_plan_groups_delete AFTER DELETE ON plan_groups BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_indicators_insert AFTER INSERT ON indicators BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_indicators_update AFTER UPDATE ON indicators BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_indicators_delete AFTER DELETE ON indicators BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_indicator_targets_insert AFTER INSERT ON indicator_targets BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_indicator_targets_update AFTER UPDATE ON indicator_targets BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_indicator_targets_delete AFTER DELETE ON indicator_targets BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_tasks_insert AFTER INSERT ON tasks BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_tasks_update AFTER UPDATE ON tasks BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_tasks_delete AFTER DELETE ON tasks BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_task_outputs_insert AFTER INSERT ON task_outputs BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_task_outputs_update AFTER UPDATE ON task_outputs BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_task_outputs_delete AFTER DELETE ON task_outputs BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_assignments_insert AFTER INSERT ON assignments BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_assignments_update AFTER UPDATE ON assignments BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_assignments_delete AFTER DELETE ON assignments BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_users_insert AFTER INSERT ON users BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_users_update AFTER UPDATE ON users BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_users_delete AFTER DELETE ON users BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_calendar_rules_insert AFTER INSERT ON calendar_rules BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_calendar_rules_update AFTER UPDATE ON calendar_rules BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_calendar_rules_delete AFTER DELETE ON calendar_rules BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_periods_insert AFTER INSERT ON periods BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_periods_update AFTER UPDATE ON periods BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_periods_delete AFTER DELETE ON periods BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_indicator_aggregation_insert AFTER INSERT ON indicator_aggregation BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_indicator_aggregation_update AFTER UPDATE ON indicator_aggregation BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_indicator_aggregation_delete AFTER DELETE ON indicator_aggregation BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_reports_insert AFTER INSERT ON reports BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_reports_update AFTER UPDATE ON reports BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_reports_delete AFTER DELETE ON reports BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_report_values_insert AFTER INSERT ON report_values BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_report_values_update AFTER UPDATE ON report_values BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_report_values_delete AFTER DELETE ON report_values BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_report_tasks_insert AFTER INSERT ON report_tasks BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_report_tasks_update AFTER UPDATE ON report_tasks BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_report_tasks_delete AFTER DELETE ON report_tasks BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_evidence_files_insert AFTER INSERT ON evidence_files BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_evidence_files_update AFTER UPDATE ON evidence_files BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_evidence_files_delete AFTER DELETE ON evidence_files BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_evidence_insert AFTER INSERT ON evidence BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_evidence_update AFTER UPDATE ON evidence BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_evidence_delete AFTER DELETE ON evidence BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_index_tables_insert AFTER INSERT ON index_tables BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_index_tables_update AFTER UPDATE ON index_tables BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_index_tables_delete AFTER DELETE ON index_tables BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_index_criteria_insert AFTER INSERT ON index_criteria BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_index_criteria_update AFTER UPDATE ON index_criteria BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_index_criteria_delete AFTER DELETE ON index_criteria BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_criterion_points_insert AFTER INSERT ON criterion_points BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_criterion_points_update AFTER UPDATE ON criterion_points BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER score_gen_criterion_points_delete AFTER DELETE ON criterion_points BEGIN UPDATE score_generation SET gen = gen + 1 WHERE id = 1; END;
