/* store_score.c — the scoring wing's repository over store.h (any engine);
 * the contract is store_score.h.
 *
 * Tables: plans, orgs, periods, indicators, indicator_targets,
 * indicator_aggregation, assignments, reports, report_values (001, 002),
 * index_tables, index_criteria, criterion_points (003), publications (005).
 * Every statement is the one app/score/ ran before the store split, moved
 * here unchanged, so the figures are the same. Days are compared as the
 * first 10 characters of the stored dates (substr: SQLite and PostgreSQL
 * both have it). */
#include <stdlib.h>
#include <string.h>
#include "store/store_score.h"

static store_val tv(const char *s)
{
    return SV_T(s);
}

/* ---- the plan and its commune ------------------------------------------- */

dti_rc store_score_plan_org(store *s, int64_t plan_id, int64_t *org, int *found, dti_err *e)
{
    store_val q[] = {SV_I(plan_id)};
    *org = 0;
    return store_query_int(s, "SELECT COALESCE(org_id, 0) FROM plans WHERE id = ?", q, 1, org, found, e);
}

dti_rc store_score_plan_title(store *s, int64_t plan_id, char **out, dti_err *e)
{
    store_val q[] = {SV_I(plan_id)};
    return store_query_text(s, "SELECT title FROM plans WHERE id = ?", q, 1, out, e);
}

dti_rc store_score_org_name(store *s, int64_t org_id, char **out, dti_err *e)
{
    store_val q[] = {SV_I(org_id)};
    return store_query_text(s, "SELECT name FROM orgs WHERE id = ?", q, 1, out, e);
}

dti_rc store_score_org_is_commune(store *s, int64_t org_id, int *is, dti_err *e)
{
    store_val q[] = {SV_I(org_id)};
    int64_t v = 0;
    int found = 0;
    dti_rc rc = store_query_int(s, "SELECT kind = 'commune' FROM orgs WHERE id = ?", q, 1, &v, &found, e);
    *is = rc == DTI_OK && found && v != 0;
    return rc;
}

/* ---- the calendar ---------------------------------------------------------- */

dti_rc store_score_periods(store *s, int64_t plan_id, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val q[] = {SV_I(plan_id)};
    return store_query(s, "SELECT code, start_date, end_date FROM periods WHERE plan_id = ? ORDER BY id", q, 1,
                       fn, ctx, e);
}

dti_rc store_score_period_codes(store *s, int64_t plan_id, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val q[] = {SV_I(plan_id)};
    return store_query(s, "SELECT code FROM periods WHERE plan_id = ? ORDER BY start_date, id", q, 1, fn, ctx, e);
}

dti_rc store_score_period_deadlines(store *s, int64_t plan_id, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val q[] = {SV_I(plan_id)};
    return store_query(s, "SELECT code, end_date, unit_due FROM periods WHERE plan_id = ? ORDER BY end_date, id",
                       q, 1, fn, ctx, e);
}

/* ---- indicators, leads and approved figures ------------------------------ */

dti_rc store_score_indicator_count(store *s, int64_t plan_id, int64_t *n, dti_err *e)
{
    store_val q[] = {SV_I(plan_id)};
    *n = 0;
    return store_query_int(s, "SELECT COUNT(*) FROM indicators WHERE plan_id = ?", q, 1, n, NULL, e);
}

dti_rc store_score_indicators(store *s, int64_t plan_id, int year, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val q[] = {SV_I(year), SV_I(plan_id)};
    return store_query(s,
        "SELECT i.id, i.code, i.group_code, i.name, i.due, t.op, t.value, t.unit, t.text, "
        "a.aggregation, t.year, i.x FROM indicators i "
        "LEFT JOIN indicator_targets t ON t.indicator_id = i.id AND t.year = "
        "(SELECT MIN(t2.year) FROM indicator_targets t2 WHERE t2.indicator_id = i.id AND t2.year >= ?) "
        "LEFT JOIN indicator_aggregation a ON a.indicator_id = i.id "
        "WHERE i.plan_id = ? ORDER BY i.seq",
        q, 2, fn, ctx, e);
}

dti_rc store_score_indicator_codes(store *s, int64_t plan_id, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val q[] = {SV_I(plan_id)};
    return store_query(s, "SELECT code, name FROM indicators WHERE plan_id = ? AND code IS NOT NULL", q, 1, fn,
                       ctx, e);
}

dti_rc store_score_indicator_by_code(store *s, int64_t plan_id, const char *code, int64_t *id, int *found,
                                     dti_err *e)
{
    store_val q[] = {SV_I(plan_id), tv(code)};
    return store_query_int(s, "SELECT id FROM indicators WHERE plan_id = ? AND code = ? ORDER BY seq", q, 2, id,
                           found, e);
}

dti_rc store_score_leads(store *s, int64_t plan_id, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val q[] = {SV_I(plan_id)};
    return store_query(s,
        "SELECT indicator_id, org_id, substr(valid_from, 1, 10), substr(valid_to, 1, 10) FROM assignments "
        "WHERE plan_id = ? AND role = 'lead' AND indicator_id IS NOT NULL AND org_id IS NOT NULL "
        "ORDER BY indicator_id",
        q, 1, fn, ctx, e);
}

dti_rc store_score_approved_values(store *s, int64_t plan_id, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val q[] = {SV_I(plan_id)};
    return store_query(s,
        "SELECT rv.indicator_id, r.period, rv.value, rv.numerator, rv.denominator, rv.met, r.approved_at, "
        "r.org_id, o.name FROM report_values rv JOIN reports r ON r.id = rv.report_id "
        "JOIN orgs o ON o.id = r.org_id "
        "WHERE r.plan_id = ? AND r.state = 'approved' AND r.version = "
        "(SELECT MAX(r2.version) FROM reports r2 WHERE r2.plan_id = r.plan_id AND r2.org_id = r.org_id "
        " AND r2.period = r.period AND r2.state = 'approved') "
        "AND (rv.value IS NOT NULL OR rv.met IS NOT NULL OR rv.denominator IS NOT NULL)",
        q, 1, fn, ctx, e);
}

dti_rc store_score_plan_groups(store *s, int64_t plan_id, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val q[] = {SV_I(plan_id)};
    return store_query(s, "SELECT code, name FROM plan_groups WHERE plan_id = ? ORDER BY seq", q, 1, fn, ctx, e);
}

dti_rc store_score_aggregation_get(store *s, int64_t ind_id, char **out, dti_err *e)
{
    store_val q[] = {SV_I(ind_id)};
    return store_query_text(s, "SELECT aggregation FROM indicator_aggregation WHERE indicator_id = ?", q, 1, out,
                            e);
}

dti_rc store_score_aggregation_put(store *s, int64_t ind_id, const char *agg, dti_err *e)
{
    store_val q[] = {SV_I(ind_id), tv(agg)};
    /* engine: upsert (ON CONFLICT ... DO UPDATE: SQLite 3.24+ and PostgreSQL 9.5+ alike) */
    return store_exec(s, "INSERT INTO indicator_aggregation (indicator_id, aggregation) VALUES (?, ?) "
                         "ON CONFLICT (indicator_id) DO UPDATE SET aggregation = excluded.aggregation",
                      q, 2, e);
}

/* ---- point tables ---------------------------------------------------------- */

dti_rc store_score_table_in_force(store *s, int64_t plan_id, int64_t *table_id, int *found, dti_err *e)
{
    store_val q[] = {SV_I(plan_id)};
    *table_id = 0;
    return store_query_int(s, "SELECT id FROM index_tables WHERE plan_id = ? AND valid_to IS NULL", q, 1, table_id,
                           found, e);
}

dti_rc store_score_table_name(store *s, int64_t table_id, char **out, dti_err *e)
{
    store_val q[] = {SV_I(table_id)};
    return store_query_text(s, "SELECT name FROM index_tables WHERE id = ?", q, 1, out, e);
}

dti_rc store_score_criteria_count(store *s, int64_t table_id, int64_t *n, dti_err *e)
{
    store_val q[] = {SV_I(table_id)};
    *n = 0;
    return store_query_int(s, "SELECT COUNT(*) FROM index_criteria WHERE table_id = ?", q, 1, n, NULL, e);
}

dti_rc store_score_criteria(store *s, int64_t table_id, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val q[] = {SV_I(table_id)};
    return store_query(s,
        "SELECT id, code, group_code, group_name, name, max_points, indicators, evidence, rule_kind, "
        "rule_text FROM index_criteria WHERE table_id = ? ORDER BY seq",
        q, 1, fn, ctx, e);
}

dti_rc store_score_table_close(store *s, int64_t plan_id, const char *ts, int64_t *changed, dti_err *e)
{
    store_val q[] = {tv(ts), SV_I(plan_id)};
    return store_exec_changes(s, "UPDATE index_tables SET valid_to = ? WHERE plan_id = ? AND valid_to IS NULL", q,
                              2, changed, e);
}

dti_rc store_score_table_add(store *s, int64_t plan_id, const char *name, const char *source_name,
                             const char *sha256, const char *ts, int64_t created_by, int64_t *id, dti_err *e)
{
    store_val q[] = {SV_I(plan_id), tv(name), tv(source_name), tv(sha256), tv(ts), SV_I(created_by)};
    return store_query_int(s,
        "INSERT INTO index_tables (plan_id, name, source_name, sha256, created_at, created_by) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        q, 6, id, NULL, e);
}

dti_rc store_score_criterion_add(store *s, int64_t table_id, int64_t seq, const store_score_criterion *c,
                                 dti_err *e)
{
    store_val q[] = {SV_I(table_id), SV_I(seq), tv(c->code), tv(c->group_code), tv(c->group_name),
                     tv(c->name), SV_R(c->max_points), tv(c->indicators), tv(c->evidence), tv(c->rule_kind),
                     tv(c->rule_text)};
    return store_exec(s,
        "INSERT INTO index_criteria (table_id, seq, code, group_code, group_name, name, max_points, "
        "indicators, evidence, rule_kind, rule_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        q, 11, e);
}

dti_rc store_score_criterion_find(store *s, int64_t plan_id, const char *code, int64_t *id, int *found,
                                  dti_err *e)
{
    store_val q[] = {SV_I(plan_id), tv(code)};
    return store_query_int(s,
        "SELECT k.id FROM index_criteria k JOIN index_tables t ON t.id = k.table_id "
        "WHERE t.plan_id = ? AND t.valid_to IS NULL AND k.code = ?",
        q, 2, id, found, e);
}

dti_rc store_score_criterion_max(store *s, int64_t crit_id, double *max, dti_err *e)
{
    char *mx = NULL;
    store_val q[] = {SV_I(crit_id)};
    dti_rc rc = store_query_text(s, "SELECT CAST(max_points AS TEXT) FROM index_criteria WHERE id = ?", q, 1, &mx,
                                 e);
    *max = mx ? strtod(mx, NULL) : 0;
    free(mx);
    return rc;
}

/* ---- self-assessed and reviewed points ------------------------------------ */

dti_rc store_score_points(store *s, int64_t table_id, int64_t org_id, const char *period, store_row_fn fn,
                          void *ctx, dti_err *e)
{
    store_val q[] = {SV_I(table_id), SV_I(org_id), tv(period)};
    return store_query(s,
        "SELECT p.criterion_id, p.self_points, p.self_note, p.review_points, p.review_reason "
        "FROM criterion_points p JOIN index_criteria k ON k.id = p.criterion_id "
        "WHERE k.table_id = ? AND p.org_id = ? AND p.period = ?",
        q, 3, fn, ctx, e);
}

dti_rc store_score_points_get(store *s, int64_t crit_id, int64_t org_id, const char *period, store_row_fn fn,
                              void *ctx, dti_err *e)
{
    store_val q[] = {SV_I(crit_id), SV_I(org_id), tv(period)};
    return store_query(s,
        "SELECT id, self_points, review_points, review_reason FROM criterion_points "
        "WHERE criterion_id = ? AND org_id = ? AND period = ?",
        q, 3, fn, ctx, e);
}

dti_rc store_score_points_add(store *s, int64_t crit_id, int64_t plan_id, int64_t org_id, const char *period,
                              dti_err *e)
{
    store_val q[] = {SV_I(crit_id), SV_I(plan_id), SV_I(org_id), tv(period)};
    return store_exec(s, "INSERT INTO criterion_points (criterion_id, plan_id, org_id, period) VALUES (?, ?, ?, ?)",
                      q, 4, e);
}

dti_rc store_score_points_set(store *s, int review, int64_t crit_id, int64_t org_id, const char *period,
                              double points, const char *text, int64_t by, const char *ts, dti_err *e)
{
    store_val q[] = {SV_R(points), tv(text), SV_I(by), tv(ts), SV_I(crit_id), SV_I(org_id), tv(period)};
    return store_exec(s, review
        ? "UPDATE criterion_points SET review_points = ?, review_reason = ?, review_by = ?, review_at = ? "
          "WHERE criterion_id = ? AND org_id = ? AND period = ?"
        : "UPDATE criterion_points SET self_points = ?, self_note = ?, self_by = ?, self_at = ? "
          "WHERE criterion_id = ? AND org_id = ? AND period = ?",
        q, 7, e);
}

/* ---- rankings -------------------------------------------------------------- */

dti_rc store_score_lead_units(store *s, int64_t plan_id, const char *day, store_row_fn fn, void *ctx,
                              dti_err *e)
{
    store_val q[] = {SV_I(plan_id), tv(day), tv(day)};
    return store_query(s,
        "SELECT DISTINCT o.id, o.name FROM assignments a JOIN orgs o ON o.id = a.org_id "
        "WHERE a.plan_id = ? AND a.role = 'lead' AND substr(a.valid_from, 1, 10) <= ? "
        "AND (a.valid_to IS NULL OR substr(a.valid_to, 1, 10) > ?) ORDER BY o.id",
        q, 3, fn, ctx, e);
}

dti_rc store_score_lead_indicators(store *s, int64_t plan_id, const char *day, store_row_fn fn, void *ctx,
                                   dti_err *e)
{
    store_val q[] = {SV_I(plan_id), tv(day), tv(day)};
    return store_query(s,
        "SELECT a.org_id, a.indicator_id FROM assignments a WHERE a.plan_id = ? AND a.role = 'lead' "
        "AND a.indicator_id IS NOT NULL AND a.org_id IS NOT NULL AND substr(a.valid_from, 1, 10) <= ? "
        "AND (a.valid_to IS NULL OR substr(a.valid_to, 1, 10) > ?)",
        q, 3, fn, ctx, e);
}

dti_rc store_score_lead_spans(store *s, int64_t plan_id, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val q[] = {SV_I(plan_id)};
    return store_query(s,
        "SELECT org_id, substr(valid_from, 1, 10), substr(valid_to, 1, 10) FROM assignments "
        "WHERE plan_id = ? AND role = 'lead' AND org_id IS NOT NULL",
        q, 1, fn, ctx, e);
}

dti_rc store_score_first_submissions(store *s, int64_t plan_id, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val q[] = {SV_I(plan_id)};
    return store_query(s,
        "SELECT org_id, period, MIN(submitted_at) FROM reports WHERE plan_id = ? "
        "AND submitted_at IS NOT NULL GROUP BY org_id, period",
        q, 1, fn, ctx, e);
}

dti_rc store_score_plan_province(store *s, int64_t plan_id, int64_t *prov, int *found, dti_err *e)
{
    store_val q[] = {SV_I(plan_id)};
    *prov = 0;
    return store_query_int(s,
        "SELECT o.parent_id FROM plans p JOIN orgs o ON o.id = p.org_id WHERE p.id = ? AND o.parent_id IS NOT NULL",
        q, 1, prov, found, e);
}

dti_rc store_score_communes(store *s, int64_t province_id, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val q[] = {SV_I(province_id)};
    return store_query(s,
        "SELECT id, name FROM orgs WHERE parent_id = ? AND kind = 'commune' AND valid_to IS NULL ORDER BY id",
        q, 1, fn, ctx, e);
}

dti_rc store_score_commune_plan(store *s, int64_t commune_id, int year, int64_t *plan_id, int *found,
                                dti_err *e)
{
    store_val q[] = {SV_I(commune_id), SV_I(year), SV_I(year)};
    *plan_id = 0;
    return store_query_int(s,
        "SELECT id FROM plans WHERE org_id = ? AND (year_from IS NULL OR year_from <= ?) "
        "AND (year_to IS NULL OR year_to >= ?) "
        "ORDER BY COALESCE(year_to, 9999) - COALESCE(year_from, 0), id DESC LIMIT 1",
        q, 3, plan_id, found, e);
}

/* ---- publications ------------------------------------------------------------ */

dti_rc store_score_publication_add(store *s, const store_score_publication *p, dti_err *e)
{
    store_val q[] = {SV_I(p->plan_id), SV_I(p->org_id), tv(p->period), SV_I(p->has_value),
                     SV_R(p->has_value ? p->value : 0.0), SV_R(p->points), SV_R(p->maximum),
                     tv(p->published_at), SV_I(p->published_by)};
    return store_exec(s,
        "INSERT INTO publications (plan_id, org_id, period, has_value, value, points, maximum, published_at, "
        "published_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        q, 9, e);
}

dti_rc store_score_publications_newest(store *s, store_row_fn fn, void *ctx, dti_err *e)
{
    return store_query(s,
        "SELECT o.name, p.period, p.has_value, p.value, p.published_at "
        "FROM publications p JOIN orgs o ON o.id = p.org_id "
        "WHERE p.id = (SELECT MAX(id) FROM publications q WHERE q.org_id = p.org_id) "
        "ORDER BY p.has_value DESC, p.value DESC, o.folded",
        NULL, 0, fn, ctx, e);
}

/* ---- owners, for the history of one entity -------------------------------- */

dti_rc store_score_report_org(store *s, int64_t report_id, int64_t *org, int *found, dti_err *e)
{
    store_val q[] = {SV_I(report_id)};
    *org = 0;
    return store_query_int(s, "SELECT org_id FROM reports WHERE id = ?", q, 1, org, found, e);
}

dti_rc store_score_item_plan(store *s, int task, int64_t id, int64_t *plan_id, int *found, dti_err *e)
{
    store_val q[] = {SV_I(id)};
    *plan_id = 0;
    return store_query_int(s, task ? "SELECT plan_id FROM tasks WHERE id = ?" : "SELECT plan_id FROM indicators WHERE id = ?",
                           q, 1, plan_id, found, e);
}

/* ---- per-plan generations ---- */

dti_rc store_score_plan_gens(store *s, store_row_fn fn, void *ctx, dti_err *e)
{
    return store_query(s, "SELECT plan_id, gen FROM plan_generation ORDER BY plan_id", NULL, 0, fn, ctx, e);
}

dti_rc store_score_shared_gen(store *s, int64_t *shared, int *found, dti_err *e)
{
    return store_query_int(s, "SELECT shared FROM score_generation WHERE id = 1", NULL, 0, shared, found, e);
}

dti_rc store_score_latest_month(store *s, const char *upto, char **out, dti_err *e)
{
    /* a month's code is the only one with a digit after "YYYY-" (quarters
     * Q, halves H, weeks W, ad-hoc requests D, years have no dash) */
    return store_query_text(s, "SELECT MAX(period) FROM reports WHERE state = 'approved' AND period <= ? AND "
                               "length(period) = 7 AND substr(period, 5, 1) = '-' AND substr(period, 6, 1) IN "
                               "('0', '1')", (store_val[]){SV_T(upto)}, 1, out, e);
}
