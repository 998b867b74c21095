/* test_app_score.c — app/score: figures computed from approved reports,
 * point tables (load, self-assessment, review), rankings.
 *
 * The fixture (app_fixture.h) is commune A with units A1 (Công an xã) and
 * A2 (Trạm Y tế). The test adds to plan 1:
 *   I3  group 2, text target ("có kế hoạch"), lead A1
 *   I4  group 2, >= 50 %, lead A1, never reported
 * makes I2 (>= 5 lượt, lead A2) a `sum` indicator, and a calendar of three
 * months whose units' deadline is the 15th of the month after.
 *
 * Reports (filled, submitted, approved through app/report):
 *   A1  I1 = 65/100, 64/100, 63/100 in 2026-01..03; I3 met "có" in 2026-03
 *       submitted 10/02 (on time), 20/03 (late: due 15/03), 10/04 (on time)
 *   A2  I2 = 1, 2, 1 — submitted 10/02, 10/03, 10/04 (all on time)
 *
 * Hand computation for 2026-03 (judged on 01/04/2026, due of every target
 * 31/12/2026 since the fixture gives no due):
 *   I1  last = 63, achievement 63/70 = 0.9, not met; values fall, so the
 *       line at 31/12 is below 70: at risk ("nguy cơ").
 *   I2  sum of months = 1+2+1 = 4, achievement 4/5 = 0.8; running totals
 *       1, 3, 4 on days 31/01, 28/02, 31/03 (x = 0, 28, 59): slope =
 *       Sxy/Sxx = 88/1742 = 0.0505 per day, at 31/12 (x = 334) the line gives
 *       8/3 + 0.0505 × 305 ≈ 18.07 >= 5: on track ("đúng tiến độ").
 *   I3  yes: achievement 1, met ("đạt").
 *   I4  no data ("chưa có số liệu"): 0 points out of its maximum (nodata).
 *   No table: maximum 1 each. Group 1: (0.9 + 0.8)/2 = 0.85; group 2: 1/2 =
 *   0.5; plan: 2.7/4 = 0.675 ("0,6750"), completeness 3/4; at risk: [I1].
 * Before A1's March report is approved, I1 reads February's 64 (64/70).
 *
 * Rankings at 20/04/2026: on-time A2 3/3 = 1 (rank 1), A1 2/3 (rank 2);
 * achievement of what they lead: A1 (I1 0.9, I3 1; I4 no data) = 0.95
 * (rank 1), A2 (I2 0.8) = 0.8 (rank 2).
 * Communes: B gets a plan with J1 >= 10 (lead B1) and B1's approved value 5:
 * index 0.5. A 0.9 rank 1, B 0.5 rank 2; the province's mean 0.7, pooled
 * (2.7 + 0.5)/(3 + 1) = 0.8.
 *
 * Point table (T_GOOD), for 2026-03:
 *   1.1 ratio, max 20, reads I1 (63/100): 0.63 × 20 = 12.6
 *   1.2 steps, max 10, reads I2 (x = 4): "từ 3 đến dưới 5: 6" → 6
 *   2.1 levels, max 10: no data until self-assessed
 *   2.2 yesno, max 5, reads I3 (yes): 5
 *   self: (12.6 + 6 + 5)/(20 + 10 + 5) = 23.6/35 = 0.674286 ("0,6743")
 *   2.1 self-assessed 10: 33.6/45 = 0.746667 ("0,7467")
 *   2.1 reviewed 5 by the province: 28.6/45 = 0.635556 ("0,6356"); the
 *   self-assessed total stays 0.746667. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <math.h>
#include <cmocka.h>
#include "app_fixture.h"
#include "app/report/report.h"
#include "app/score/score.h"
#include "base/lang.h"

/* The app context an entry point builds for user U at NOW on store S (and
 * for no user: the public page). */
#define AS(s_, u_, now_) (&(app){.st = (s_), .user_id = (u_)->id, .account = (u_), .now = (now_), .lang = lang_get()})
#define AS0(s_) (&(app){.st = (s_), .user_id = 0, .account = NULL, .now = 0, .lang = lang_get()})
#include "app/score/score_int.h"
#include "app/score/scoring.h"
#include "app/score/score_country.h"
#include "store/store_score.h"
#include "base/lang.h"

#define NEAR(a, b) assert_true(fabs((a) - (b)) < 1e-6)

typedef struct world {
    fixture f;
    int64_t i3, i4;
    auth_user coord_p;
} world;

static time_t ts(const char *iso)
{
    return report_ts_parse(iso);
}

static report_key key(int64_t plan_id, int64_t org, const char *code)
{
    report_key k;
    memset(&k, 0, sizeof k);
    k.plan_id = plan_id;
    k.org_id = org;
    snprintf(k.period, sizeof k.period, "%s", code);
    return k;
}

static void report(world *w, const auth_user *rep, int64_t org, const char *pcode, const char *csv,
                   const char *submitted, int approve)
{
    dti_err e;
    report_fill_result r;
    report_key k = key(w->f.plan, org, pcode);
    time_t t = ts(submitted);
    if (report_fill_csv_as(w->f.s, rep, &k, csv, strlen(csv), t, &r, &e) ||
        report_submit_as(w->f.s, rep, &k, t, NULL, &e) ||
        (approve && report_approve_as(w->f.s, &w->f.coord_a, &k, t + 3600, &e)))
        fail_msg("report %s %s: %s", pcode, csv, e.msg);
}

static void world_open(world *w)
{
    dti_err e;
    memset(w, 0, sizeof *w);
    assert_int_equal(fixture_open(&w->f, 1), 0);
    fixture *f = &w->f;
    store_val a[] = {SV_I(f->plan)};
    w->i3 = fix_ins(f->s, "INSERT INTO indicators (plan_id, seq, code, group_code, name) "
                          "VALUES (?, 3, 'I3', '2', 'Có kế hoạch CĐS') RETURNING id", a, 1);
    w->i4 = fix_ins(f->s, "INSERT INTO indicators (plan_id, seq, code, group_code, name) "
                          "VALUES (?, 4, 'I4', '2', 'Tỷ lệ hộ có cáp quang') RETURNING id", a, 1);
    store_val t3[] = {SV_I(w->i3)}, t4[] = {SV_I(w->i4)}, i2[] = {SV_I(f->i2)};
    fix_ins(f->s, "INSERT INTO indicator_targets (indicator_id, year, op, value, unit, text) "
                  "VALUES (?, 2026, 'text', NULL, '', 'Có kế hoạch') RETURNING id", t3, 1);
    fix_ins(f->s, "INSERT INTO indicator_targets (indicator_id, year, op, value, unit) "
                  "VALUES (?, 2026, '>=', 50, '%') RETURNING id", t4, 1);
    assert_int_equal(store_exec(f->s, "INSERT INTO indicator_aggregation VALUES (?, 'sum')", i2, 1, &e), DTI_OK);
    fix_assign(f->s, f->plan, w->i3, 0, f->A1, "lead");
    fix_assign(f->s, f->plan, w->i4, 0, f->A1, "lead");
    static const char *const P[][4] = {{"2026-01", "2026-01-01", "2026-01-31", "2026-02-15"},
                                       {"2026-02", "2026-02-01", "2026-02-28", "2026-03-15"},
                                       {"2026-03", "2026-03-01", "2026-03-31", "2026-04-15"}};
    for (int i = 0; i < 3; i++) {
        store_val p[] = {SV_I(f->plan), SV_T(P[i][0]), SV_T(P[i][1]), SV_T(P[i][2]), SV_T(P[i][3])};
        assert_int_equal(store_exec(f->s, "INSERT INTO periods (plan_id, code, kind, start_date, end_date, unit_due) "
                                          "VALUES (?, ?, 'month', ?, ?, ?)", p, 5, &e), DTI_OK);
    }
    assert_int_equal(fix_user(f, &w->coord_p, "coord_p", ROLE_COORDINATOR, f->P), 0);
    report(w, &f->rep_a1, f->A1, "2026-01", "code,numerator,denominator\nI1,65,100\n", "2026-02-10T03:00:00Z", 1);
    report(w, &f->rep_a1, f->A1, "2026-02", "code,numerator,denominator\nI1,64,100\n", "2026-03-20T03:00:00Z", 1);
    report(w, &f->rep_a2, f->A2, "2026-01", "code,value\nI2,1\n", "2026-02-10T03:00:00Z", 1);
    report(w, &f->rep_a2, f->A2, "2026-02", "code,value\nI2,2\n", "2026-03-10T03:00:00Z", 1);
    report(w, &f->rep_a2, f->A2, "2026-03", "code,value\nI2,1\n", "2026-04-10T03:00:00Z", 1);
    /* A1's March report: submitted, not yet approved */
    report(w, &f->rep_a1, f->A1, "2026-03", "code,numerator,denominator,met\nI1,63,100,\nI3,,,có\n",
           "2026-04-10T03:00:00Z", 0);
}

static void approve_a1_march(world *w)
{
    dti_err e;
    report_key k = key(w->f.plan, w->f.A1, "2026-03");
    assert_int_equal(report_approve_as(w->f.s, &w->f.coord_a, &k, ts("2026-04-11T03:00:00Z"), &e), DTI_OK);
}

static void test_figures(void **state)
{
    (void)state;
    world w;
    scoring_result sc;
    dti_err e;
    char buf[SCORE_FMT_LEN];
    lang_set(LANG_VI);
    world_open(&w);

    /* before approval: March's values are not read */
    assert_int_equal(scoring_compute_as(w.f.s, &w.f.view_a, w.f.plan, "2026-03", &sc, &e), DTI_OK);
    const scoring_ind *i1 = scoring_find(&sc, "I1");
    assert_non_null(i1);
    NEAR(i1->value, 64);
    NEAR(i1->trend.latest.achievement, 64.0 / 70.0);
    assert_int_equal(scoring_status(&sc, "I3"), SCORE_NO_DATA);
    scoring_release(&sc);

    /* approved a moment ago: the figures follow at once */
    approve_a1_march(&w);
    assert_int_equal(scoring_compute_as(w.f.s, &w.f.view_a, w.f.plan, "2026-03", &sc, &e), DTI_OK);
    i1 = scoring_find(&sc, "I1");
    NEAR(i1->value, 63);
    assert_true(i1->has_ratio);
    NEAR(i1->num, 63);
    NEAR(i1->den, 100);
    assert_int_equal(i1->nobs, 3);
    NEAR(i1->trend.latest.achievement, 0.9);
    assert_int_equal(i1->trend.status, SCORE_AT_RISK);
    assert_true(i1->trend.forecast < 70);

    const scoring_ind *i2 = scoring_find(&sc, "I2");
    assert_int_equal(i2->agg, SCORING_AGG_SUM);
    NEAR(i2->value, 4);
    NEAR(i2->obs[0].value, 1);
    NEAR(i2->obs[1].value, 3);
    NEAR(i2->obs[2].value, 4);
    NEAR(i2->trend.latest.achievement, 0.8);
    assert_int_equal(i2->trend.status, SCORE_ON_TRACK);
    /* slope 88/1742 per day; forecast 8/3 + slope × (334 − 29) */
    assert_true(fabs(i2->trend.forecast - (8.0 / 3.0 + 88.0 / 1742.0 * 305.0)) < 1e-6);

    assert_int_equal(scoring_status(&sc, "I3"), SCORE_MET);
    NEAR(scoring_find(&sc, "I3")->trend.latest.achievement, 1);
    assert_int_equal(scoring_status(&sc, "I4"), SCORE_NO_DATA);
    assert_int_equal(scoring_status(&sc, "nope"), -1);

    assert_int_equal(sc.ngroups, 2);
    assert_string_equal(sc.groups[0].code, "1");
    NEAR(sc.groups[0].sum.value, 0.85);
    /* I4 has no approved data: 0 points out of its maximum (not reporting
     * never pays), counted in nodata; completeness 3 of 4 beside the index */
    NEAR(sc.groups[1].sum.value, 0.5);
    assert_int_equal(sc.groups[1].sum.nodata, 1);
    NEAR(sc.total.points, 2.7);
    NEAR(sc.total.max, 4);
    NEAR(sc.total.value, 0.675);
    assert_int_equal(sc.total.nodata, 1);
    assert_string_equal(score_format_index(sc.total.value, buf), "0,6750");
    {
        json_t *sj = scoring_sum_json(&sc.total);
        json_t *cj = json_object_get(sj, "completeness");
        assert_int_equal(json_integer_value(json_object_get(cj, "reported")), 3);
        assert_int_equal(json_integer_value(json_object_get(cj, "expected")), 4);
        NEAR(json_real_value(json_object_get(cj, "rate")), 0.75);
        json_decref(sj);
    }
    assert_int_equal(sc.nat_risk, 1);
    assert_int_equal(sc.nmet, 1);
    assert_int_equal(sc.non_track, 1);
    assert_int_equal(sc.nno_data, 1);

    /* --json carries every input */
    json_t *j = NULL;
    assert_int_equal(scoring_result_json(&sc, &j, &e), DTI_OK);
    assert_int_equal(json_array_size(json_object_get(j, "at_risk")), 1);
    assert_string_equal(json_string_value(json_array_get(json_object_get(j, "at_risk"), 0)), "I1");
    assert_string_equal(json_string_value(json_object_get(json_object_get(j, "total"), "index_text")), "0,6750");
    json_t *ji1 = json_array_get(json_object_get(j, "indicators"), 0);
    assert_string_equal(json_string_value(json_object_get(ji1, "status_label")), "nguy cơ");
    assert_int_equal(json_array_size(json_object_get(ji1, "observations")), 3);
    json_decref(j);
    scoring_release(&sc);

    /* February alone: I1 = 64, I2 = 3 */
    assert_int_equal(scoring_compute_as(w.f.s, &w.f.view_a, w.f.plan, "2026-02", &sc, &e), DTI_OK);
    NEAR(scoring_find(&sc, "I1")->value, 64);
    NEAR(scoring_find(&sc, "I2")->value, 3);
    scoring_release(&sc);

    /* nobody outside the commune's scope sees it; a bad period is named */
    assert_int_equal(scoring_compute_as(w.f.s, &w.f.coord_b, w.f.plan, "2026-03", &sc, &e), DTI_ERR_NOTFOUND);
    scoring_release(&sc);
    assert_int_equal(scoring_compute_as(w.f.s, &w.f.view_a, w.f.plan, "2026-13", &sc, &e), DTI_ERR_INPUT);
    assert_non_null(strstr(e.msg, "2026-13"));
    scoring_release(&sc);
    fixture_close(&w.f);
}

static void test_rankings(void **state)
{
    (void)state;
    world w;
    scoring_ranking r;
    dti_err e;
    world_open(&w);
    approve_a1_march(&w);
    time_t now = ts("2026-04-20T03:00:00Z");

    assert_int_equal(scoring_rank_as(w.f.s, &w.f.view_a, w.f.plan, "2026-03", SCORING_RANK_UNITS_ONTIME,
                              SCORE_PROVINCE_MEAN, now, &r, &e), DTI_OK);
    assert_int_equal(r.n, 2);
    assert_int_equal(r.rows[0].org_id, w.f.A2);
    assert_int_equal(r.rows[0].rank, 1);
    NEAR(r.rows[0].key, 1.0);
    assert_int_equal(r.rows[1].org_id, w.f.A1);
    assert_int_equal(r.rows[1].rank, 2);
    assert_int_equal(r.rows[1].expected, 3);
    assert_int_equal(r.rows[1].on_time, 2);
    NEAR(r.rows[1].key, 2.0 / 3.0);
    NEAR(r.rows[1].key2, 0.95);
    scoring_ranking_release(&r);

    assert_int_equal(scoring_rank_as(w.f.s, &w.f.view_a, w.f.plan, "2026-03", SCORING_RANK_UNITS_ACHIEVEMENT,
                              SCORE_PROVINCE_MEAN, now, &r, &e), DTI_OK);
    assert_int_equal(r.rows[0].org_id, w.f.A1);
    NEAR(r.rows[0].key, 0.95);
    assert_int_equal(r.rows[0].led, 3);
    assert_int_equal(r.rows[0].led_data, 2);
    assert_int_equal(r.rows[1].org_id, w.f.A2);
    NEAR(r.rows[1].key, 0.8);
    scoring_ranking_release(&r);

    /* commune B: a plan with J1 >= 10 and an approved 5 */
    fixture *f = &w.f;
    store_val d[] = {SV_T("doc-b"), SV_B("B", 1)};
    int64_t doc = fix_ins(f->s, "INSERT INTO documents (sha256, name, size, media_type, bytes, created_at) "
                                "VALUES (?, 'b.md', 1, 'text/markdown', ?, '2026-01-01T00:00:00Z') RETURNING id", d, 2);
    store_val pl[] = {SV_I(f->B), SV_I(doc)};
    int64_t pb = fix_ins(f->s, "INSERT INTO plans (org_id, document_id, title, year_from, year_to, created_at) "
                               "VALUES (?, ?, 'KH xã Bình', 2026, 2026, '2026-01-01T00:00:00Z') RETURNING id", pl, 2);
    store_val ji[] = {SV_I(pb)};
    int64_t j1 = fix_ins(f->s, "INSERT INTO indicators (plan_id, seq, code, group_code, name) "
                               "VALUES (?, 1, 'J1', '1', 'Số lớp') RETURNING id", ji, 1);
    store_val jt[] = {SV_I(j1)};
    fix_ins(f->s, "INSERT INTO indicator_targets (indicator_id, year, op, value, unit) "
                  "VALUES (?, 2026, '>=', 10, 'lớp') RETURNING id", jt, 1);
    fix_assign(f->s, pb, j1, 0, f->B1, "lead");     /* only a lead's figures are values */
    store_val rp[] = {SV_I(pb), SV_I(f->B1)};
    int64_t rb = fix_ins(f->s, "INSERT INTO reports (plan_id, org_id, period, state, created_at, created_by, "
                               "updated_at, submitted_at, approved_at) VALUES (?, ?, '2026-03', 'approved', "
                               "'2026-04-01T00:00:00Z', 0, '2026-04-01T00:00:00Z', '2026-04-01T00:00:00Z', "
                               "'2026-04-02T00:00:00Z') RETURNING id", rp, 2);
    store_val rv[] = {SV_I(rb), SV_I(j1)};
    fix_ins(f->s, "INSERT INTO report_values (report_id, indicator_id, value) VALUES (?, ?, 5) RETURNING id", rv, 2);

    /* the commune's own coordinator may not see the province's ranking */
    assert_int_equal(scoring_rank_as(f->s, &f->coord_a, f->plan, "2026-03", SCORING_RANK_COMMUNES, SCORE_PROVINCE_MEAN, now,
                              &r, &e), DTI_ERR_PERM);
    scoring_ranking_release(&r);
    assert_int_equal(scoring_rank_as(f->s, &f->view_p, f->plan, "2026-03", SCORING_RANK_COMMUNES, SCORE_PROVINCE_MEAN, now,
                              &r, &e), DTI_OK);
    assert_int_equal(r.n, 2);
    assert_int_equal(r.rows[0].org_id, f->A);
    NEAR(r.rows[0].key, 0.675);
    assert_int_equal(r.rows[1].org_id, f->B);
    assert_int_equal(r.rows[1].rank, 2);
    NEAR(r.rows[1].key, 0.5);
    NEAR(r.province.value, (0.675 + 0.5) / 2);
    scoring_ranking_release(&r);
    assert_int_equal(scoring_rank_as(f->s, &f->view_p, f->plan, "2026-03", SCORING_RANK_COMMUNES, SCORE_PROVINCE_POOLED, now,
                              &r, &e), DTI_OK);
    NEAR(r.province.value, (2.7 + 0.5) / 5);
    json_t *j = NULL;
    assert_int_equal(scoring_ranking_json(&r, &j, &e), DTI_OK);
    assert_string_equal(json_string_value(json_object_get(json_object_get(j, "province"), "mode")), "pooled");
    json_decref(j);
    scoring_ranking_release(&r);
    fixture_close(&w.f);
}

static const char T_GOOD[] =
    "ma,nhom,ten nhom,ten,diem toi da,chi tieu,tai lieu kiem chung,quy tac,cach tinh diem\n"
    "1.1,1,Hạ tầng,Tỷ lệ hồ sơ trực tuyến,20,I1,Báo cáo,ratio,\n"
    "1.2,1,Hạ tầng,Tập huấn,10,I2,Danh sách,steps,\"từ 5 trở lên: 10; từ 3 đến dưới 5: 6; còn lại: 0\"\n"
    "2.1,2,Tổ chức,Trưởng ban CĐS,10,,Quyết định,levels,\"Trưởng ban là Chủ tịch: tối đa; là Phó Chủ tịch: 1/2 tối đa; chưa có: 0\"\n"
    "2.2,2,Tổ chức,Có kế hoạch,5,I3,Kế hoạch,yesno,\n";

static int64_t count(store *s, const char *sql)
{
    int64_t n = -1;
    dti_err e;
    assert_int_equal(store_query_int(s, sql, NULL, 0, &n, NULL, &e), DTI_OK);
    return n;
}

static void test_table(void **state)
{
    (void)state;
    world w;
    scoring_result sc;
    scoring_index_result res;
    dti_err e;
    char buf[SCORE_FMT_LEN];
    lang_set(LANG_VI);
    world_open(&w);
    approve_a1_march(&w);
    fixture *f = &w.f;
    time_t now = ts("2026-04-20T03:00:00Z");

    /* only a coordinator or an admin loads a table */
    assert_int_equal(scoring_index_load(AS(f->s, &f->rep_a1, now), f->plan, "t.csv", T_GOOD, strlen(T_GOOD), &res, &e),
                     DTI_ERR_PERM);
    assert_int_equal(scoring_index_load(AS(f->s, &f->coord_a, now), f->plan, "t.csv", T_GOOD, strlen(T_GOOD), &res, &e),
                     DTI_OK);
    assert_int_equal(res.ncriteria, 4);
    assert_int_equal(res.ngroups, 2);
    NEAR(res.max_total, 45);
    assert_int_equal(res.replaced, 0);

    assert_int_equal(scoring_compute_as(f->s, &f->view_a, f->plan, "2026-03", &sc, &e), DTI_OK);
    assert_true(sc.has_table);
    assert_int_equal(sc.ncrits, 4);
    NEAR(sc.crits[0].computed, 12.6);
    NEAR(sc.crits[1].computed, 6);
    assert_false(sc.crits[2].has_points);
    NEAR(sc.crits[3].computed, 5);
    NEAR(sc.total.points, 23.6);
    NEAR(sc.total.max, 45);         /* 2.1 not assessed yet: 0 of its 10 */
    assert_string_equal(score_format_index(sc.total.value, buf), "0,5244");
    scoring_release(&sc);

    /* self-assessment, then the province's review with a reason */
    assert_int_equal(scoring_self(AS(f->s, &f->coord_a, now), f->plan, "2026-03", "2.1", 10, "QĐ số 5", &e), DTI_OK);
    assert_int_equal(scoring_review(AS(f->s, &f->coord_a, now), f->plan, "2026-03", "2.1", 5, "sai", &e), DTI_ERR_PERM);
    assert_int_equal(scoring_review(AS(f->s, &w.coord_p, now), f->plan, "2026-03", "2.1", 5, "", &e), DTI_ERR_INPUT);
    assert_int_equal(scoring_review(AS(f->s, &w.coord_p, now), f->plan, "2026-03", "2.1", 11, "quá", &e), DTI_ERR_INPUT);
    assert_int_equal(scoring_review(AS(f->s, &w.coord_p, now), f->plan, "2026-03", "9.9", 1, "x", &e), DTI_ERR_NOTFOUND);
    assert_int_equal(scoring_compute_as(f->s, &f->view_a, f->plan, "2026-03", &sc, &e), DTI_OK);
    assert_string_equal(score_format_index(sc.total.value, buf), "0,7467");
    scoring_release(&sc);
    assert_int_equal(scoring_review(AS(f->s, &w.coord_p, now), f->plan, "2026-03", "2.1", 5,
                                      "Trưởng ban là Phó Chủ tịch theo QĐ số 5", &e), DTI_OK);
    assert_int_equal(scoring_compute_as(f->s, &f->view_a, f->plan, "2026-03", &sc, &e), DTI_OK);
    assert_true(sc.crits[2].has_review);
    NEAR(sc.crits[2].self, 10);
    NEAR(sc.crits[2].review, 5);
    assert_string_equal(sc.crits[2].reason, "Trưởng ban là Phó Chủ tịch theo QĐ số 5");
    assert_string_equal(score_format_index(sc.total.value, buf), "0,6356");
    NEAR(sc.total_self.value, 33.6 / 45);
    scoring_release(&sc);
    assert_int_equal(count(f->s, "SELECT COUNT(*) FROM audit WHERE action = 'score.review'"), 1);
    assert_int_equal(count(f->s, "SELECT COUNT(*) FROM audit WHERE action = 'score.self'"), 1);
    assert_int_equal(count(f->s, "SELECT COUNT(*) FROM audit WHERE action = 'index.load'"), 1);

    /* bad files: the line and column named, nothing stored */
    static const struct { const char *csv, *where; } BAD[] = {
        {"ma,ten,diem toi da,chi tieu\n1.1,A,20,I1\n1.2,B,10,I9\n", "dòng 3, cột 4"},
        {"ma,ten,diem toi da\n1.1,A,mười\n", "dòng 2, cột 3"},
        {"ma,ten,diem toi da,quy tac\n1.1,A,10,nhiều\n", "dòng 2, cột 4"},
        {"ma,ten,diem toi da,quy tac,cach tinh diem\n1.1,A,10,steps,\"từ 5 trở lên: 30\"\n", "dòng 2, cột 5"},
        {"ma,ten,diem toi da\n1.1,A,5\n1.1,B,5\n", "dòng 3, cột 1"},
        {"ma,ten,cot la\n1.1,A,5\n", "dòng 1, cột 3"},
        {"ten,diem toi da\nA,5\n", "thiếu cột"},
    };
    int64_t before = count(f->s, "SELECT COUNT(*) FROM index_criteria");
    /* a table made for another plan: codes exist here but name other things;
     * refused, every mismatched row listed, nothing stored */
    static const char OTHER[] =
        "ma,ten,diem toi da,chi tieu\n"
        "1.1,Tỷ lệ hồ sơ trực tuyến,20,I1\n"
        "6.2,Tỷ lệ người dân có hồ sơ sức khỏe điện tử,10,I2\n"
        "6.3,Tài khoản ngân hàng,10,I3\n";
    assert_int_equal(scoring_index_load(AS(f->s, &f->coord_a, now), f->plan, "other.csv", OTHER, strlen(OTHER), &res, &e),
                     DTI_ERR_INPUT);
    assert_string_equal(e.field, "name");
    assert_non_null(strstr(e.msg, "other.csv"));
    assert_non_null(strstr(e.msg, "2 dòng"));
    assert_non_null(strstr(e.msg, "dòng 3: 6.2"));
    assert_non_null(strstr(e.msg, "dòng 3: 6.2 \"Tỷ lệ người dân có hồ sơ"));
    assert_non_null(strstr(e.msg, "…\" nhưng chỉ tiêu I2 là \"Số lượt tập huấn\""));
    assert_non_null(strstr(e.msg, "Số lượt tập huấn"));
    assert_non_null(strstr(e.msg, "dòng 4: 6.3"));
    assert_null(strstr(e.msg, "dòng 2"));
    assert_int_equal(count(f->s, "SELECT COUNT(*) FROM index_criteria"), before);
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        assert_int_equal(scoring_index_load(AS(f->s, &f->coord_a, now), f->plan, "bad.csv", BAD[i].csv, strlen(BAD[i].csv),
                                        &res, &e), DTI_ERR_INPUT);
        if (!strstr(e.msg, BAD[i].where))
            fail_msg("bad file %zu: \"%s\" does not say \"%s\"", i, e.msg, BAD[i].where);
        assert_non_null(strstr(e.msg, "bad.csv"));
    }
    assert_int_equal(count(f->s, "SELECT COUNT(*) FROM index_criteria"), before);
    assert_int_equal(count(f->s, "SELECT COUNT(*) FROM index_tables"), 1);

    /* JSON replaces the table in force; the old one is kept */
    static const char J[] = "{\"format\": \"dti.index/1\", \"name\": \"Bộ chỉ số thử\", \"criteria\": ["
                            "{\"code\": \"1.1\", \"group\": \"1\", \"name\": \"Hồ sơ trực tuyến\", \"max\": 10, "
                            "\"indicators\": [\"I1\"], \"rule\": \"ratio\"}]}";
    assert_int_equal(scoring_index_load(AS(f->s, &f->coord_a, now), f->plan, "t.json", J, strlen(J), &res, &e), DTI_OK);
    assert_int_equal(res.replaced, 1);
    assert_int_equal(count(f->s, "SELECT COUNT(*) FROM index_tables"), 2);
    assert_int_equal(count(f->s, "SELECT COUNT(*) FROM index_tables WHERE valid_to IS NULL"), 1);
    static const char JBAD[] = "{\"criteria\": [{\"code\": \"1\", \"group\": \"1\", \"name\": \"A\", "
                               "\"max\": -1}]}";
    assert_int_equal(scoring_index_load(AS(f->s, &f->coord_a, now), f->plan, "b.json", JBAD, strlen(JBAD), &res, &e),
                     DTI_ERR_INPUT);
    assert_non_null(strstr(e.msg, "tiêu chí thứ 1, trường \"max\""));
    assert_int_equal(scoring_compute_as(f->s, &f->view_a, f->plan, "2026-03", &sc, &e), DTI_OK);
    assert_string_equal(sc.table_name, "Bộ chỉ số thử");
    NEAR(sc.total.value, 0.63);
    scoring_release(&sc);
    fixture_close(&w.f);
}

/* The dashboard (scoring_plan, behind GET /plans/:id/score/:period) and the
 * ranking (scoring_rank_as) read one computation: for the same plan and period
 * they give the same index, the same per-indicator achievement and status,
 * and the same per-unit on-time rate and achievement — the hand figures of
 * the header: index 0,9000; A2 3/3 = 1 and 0.8, A1 2/3 and 0.95. With a
 * point table loaded the dashboard's index is the table's (0,6743 self,
 * no review yet), as in scoring_compute_as. */
static json_t *ranking_row(const json_t *j, int64_t org)
{
    size_t i;
    json_t *x;
    json_array_foreach(json_object_get(j, "ranking"), i, x)
        if (json_integer_value(json_object_get(x, "org_id")) == org)
            return x;
    return NULL;
}

static void test_dashboard_agrees(void **state)
{
    (void)state;
    world w;
    scoring_result sc;
    scoring_ranking r;
    dti_err e;
    json_t *j = NULL;
    lang_set(LANG_VI);
    world_open(&w);
    approve_a1_march(&w);
    fixture *f = &w.f;
    time_t now = ts("2026-04-20T03:00:00Z");

    assert_int_equal(scoring_plan(f->s, &f->view_a, f->plan, "2026-03", now, &j, &e), DTI_OK);
    assert_int_equal(scoring_compute_as(f->s, &f->view_a, f->plan, "2026-03", &sc, &e), DTI_OK);
    assert_int_equal(scoring_rank_as(f->s, &f->view_a, f->plan, "2026-03", SCORING_RANK_UNITS_ONTIME, SCORE_PROVINCE_MEAN, now,
                              &r, &e), DTI_OK);
    const json_t *jp = json_object_get(j, "total");
    NEAR(json_number_value(json_object_get(jp, "index")), sc.total.value);
    NEAR(sc.total.value, 0.675);
    assert_string_equal(json_string_value(json_object_get(jp, "index_text")), "0,6750");
    assert_int_equal(json_integer_value(json_object_get(jp, "nodata")), (json_int_t)sc.total.nodata);
    size_t i;
    json_t *x;
    assert_int_equal(json_array_size(json_object_get(j, "indicators")), sc.ninds);
    json_array_foreach(json_object_get(j, "indicators"), i, x) {
        const scoring_ind *d = scoring_find(&sc, json_string_value(json_object_get(x, "code")));
        assert_non_null(d);
        assert_string_equal(json_string_value(json_object_get(x, "status")), score_status_name(d->trend.status));
        if (d->trend.latest.has_data)
            NEAR(json_number_value(json_object_get(x, "achievement")), d->trend.latest.achievement);
        else
            assert_true(json_is_null(json_object_get(x, "achievement")));
    }
    const scoring_ind *i1 = scoring_find(&sc, "I1");
    NEAR(i1->value, 63);
    assert_int_equal(i1->ninputs, 3);
    assert_int_equal(r.n, 2);
    assert_int_equal(json_array_size(json_object_get(j, "ranking")), r.n);
    for (size_t k = 0; k < r.n; k++) {
        const json_t *row = ranking_row(j, r.rows[k].org_id);
        assert_non_null(row);
        assert_int_equal(json_integer_value(json_object_get(row, "rank")), r.rows[k].rank);
        assert_int_equal(json_integer_value(json_object_get(row, "periods_due")), (json_int_t)r.rows[k].expected);
        NEAR(json_number_value(json_object_get(row, "on_time_rate")), r.rows[k].key);
        NEAR(json_number_value(json_object_get(row, "achievement")), r.rows[k].key2);
    }
    NEAR(json_number_value(json_object_get(ranking_row(j, f->A2), "on_time_rate")), 1.0);
    NEAR(json_number_value(json_object_get(ranking_row(j, f->A2), "achievement")), 0.8);
    NEAR(json_number_value(json_object_get(ranking_row(j, f->A1), "on_time_rate")), 2.0 / 3.0);
    NEAR(json_number_value(json_object_get(ranking_row(j, f->A1), "achievement")), 0.95);
    json_decref(j);
    scoring_release(&sc);
    scoring_ranking_release(&r);

    /* a reporter of A1 is ranked alone: units outside its scope are not listed */
    assert_int_equal(scoring_rank_as(f->s, &f->rep_a1, f->plan, "2026-03", SCORING_RANK_UNITS_ONTIME, SCORE_PROVINCE_MEAN, now,
                              &r, &e), DTI_OK);
    assert_int_equal(r.n, 1);
    assert_int_equal(r.rows[0].org_id, f->A1);
    scoring_ranking_release(&r);

    /* with a point table: the dashboard shows the table's index */
    scoring_index_result res;
    assert_int_equal(scoring_index_load(AS(f->s, &f->coord_a, now), f->plan, "t.csv", T_GOOD, strlen(T_GOOD), &res, &e),
                     DTI_OK);
    assert_int_equal(scoring_plan(f->s, &f->view_a, f->plan, "2026-03", now, &j, &e), DTI_OK);
    assert_int_equal(scoring_compute_as(f->s, &f->view_a, f->plan, "2026-03", &sc, &e), DTI_OK);
    NEAR(json_number_value(json_object_get(json_object_get(j, "total"), "index")), sc.total.value);
    NEAR(sc.total.value, 23.6 / 45.0);
    assert_true(json_is_object(json_object_get(j, "table")));
    json_decref(j);
    scoring_release(&sc);
    fixture_close(&w.f);
}

/* x.baseline (issue 11, point 6): a lower-is-better target measured from
 * the baseline the import kept. I5 "không quá 5%" from a 2025 baseline of
 * 12% and I6 the same with a baseline in another unit (not used), both led
 * by A2, which reports 8 for April: I5 (12 - 8)/(12 - 5) = 4/7; I6, as
 * without a baseline, min(1, 5/8) = 0.625. */
static void test_baseline(void **state)
{
    (void)state;
    world w;
    scoring_result sc;
    dti_err e;
    lang_set(LANG_VI);
    world_open(&w);
    fixture *f = &w.f;
    store_val a[] = {SV_I(f->plan)};
    int64_t i5 = fix_ins(f->s, "INSERT INTO indicators (plan_id, seq, code, group_code, name, x) VALUES (?, 5, 'I5', "
                               "'2', 'Tỷ lệ hồ sơ trễ hạn', '{\"baseline\": {\"year\": 2025, \"value\": 12, "
                               "\"unit\": \"%\", \"text\": \"12%\"}}') RETURNING id", a, 1);
    int64_t i6 = fix_ins(f->s, "INSERT INTO indicators (plan_id, seq, code, group_code, name, x) VALUES (?, 6, 'I6', "
                               "'2', 'Tỷ lệ hồ sơ trễ hạn (khác)', '{\"baseline\": {\"year\": 2025, \"value\": 12, "
                               "\"unit\": \"hồ sơ\", \"text\": \"12 hồ sơ\"}}') RETURNING id", a, 1);
    store_val t5[] = {SV_I(i5)}, t6[] = {SV_I(i6)};
    fix_ins(f->s, "INSERT INTO indicator_targets (indicator_id, year, op, value, unit) "
                  "VALUES (?, 2026, '<=', 5, '%') RETURNING id", t5, 1);
    fix_ins(f->s, "INSERT INTO indicator_targets (indicator_id, year, op, value, unit) "
                  "VALUES (?, 2026, '<=', 5, '%') RETURNING id", t6, 1);
    fix_assign(f->s, f->plan, i5, 0, f->A2, "lead");
    fix_assign(f->s, f->plan, i6, 0, f->A2, "lead");
    store_val p[] = {SV_I(f->plan)};
    assert_int_equal(store_exec(f->s, "INSERT INTO periods (plan_id, code, kind, start_date, end_date, unit_due) "
                                      "VALUES (?, '2026-04', 'month', '2026-04-01', '2026-04-30', '2026-05-15')",
                                p, 1, &e), DTI_OK);
    report(&w, &f->rep_a2, f->A2, "2026-04", "code,value\nI2,1\nI5,8\nI6,8\n", "2026-05-10T03:00:00Z", 1);
    assert_int_equal(scoring_compute_as(f->s, &f->view_a, f->plan, "2026-04", &sc, &e), DTI_OK);
    const scoring_ind *d5 = scoring_find(&sc, "I5"), *d6 = scoring_find(&sc, "I6");
    assert_non_null(d5);
    assert_non_null(d6);
    assert_true(d5->target.has_baseline);
    NEAR(d5->target.baseline, 12);
    NEAR(d5->trend.latest.achievement, 4.0 / 7.0);
    assert_false(d6->target.has_baseline);
    NEAR(d6->trend.latest.achievement, 0.625);
    scoring_release(&sc);
    fixture_close(f);
}

static int stop_now(void *arg)
{
    (void)arg;
    return 1;
}

/* The server's warm-up (score_warm.h): scoring_country_warm keeps each
 * commune plan's figure in the memo, exactly what the national ranking
 * then reads instead of computing; a write to the plan makes it computed
 * again; the month warmed is the newest approved one. */
static void test_country_warm(void **state)
{
    (void)state;
    world w;
    dti_err e;
    size_t n = 99;
    char *m = NULL;
    store_stats s0, s1, s2;
    scoring_country c;
    scoring_result sc;
    lang_set(LANG_VI);
    world_open(&w);
    approve_a1_march(&w);
    app *adm = AS(w.f.s, &w.f.admin, ts("2026-04-20T03:00:00Z"));
    /* the month: the newest with an approved report, not after UPTO */
    assert_int_equal(store_score_latest_month(w.f.s, "2026-12", &m, &e), DTI_OK);
    assert_non_null(m);
    assert_string_equal(m, "2026-03");
    free(m);
    assert_int_equal(store_score_latest_month(w.f.s, "2026-02", &m, &e), DTI_OK);
    assert_non_null(m);
    assert_string_equal(m, "2026-02");
    free(m);
    assert_int_equal(store_score_latest_month(w.f.s, "2025-12", &m, &e), DTI_OK);
    assert_null(m);
    /* stopped before the first plan: nothing computed, no error */
    assert_int_equal(scoring_country_warm(adm, "2026-03", stop_now, NULL, &n, &e), DTI_OK);
    assert_int_equal(n, 0);
    assert_int_equal(scoring_country_warm(adm, "2026-13", NULL, NULL, &n, &e), DTI_ERR_INPUT);
    /* commune A's plan computed (B has none), then found kept */
    assert_int_equal(scoring_country_warm(adm, "2026-03", NULL, NULL, &n, &e), DTI_OK);
    assert_int_equal(n, 1);
    assert_int_equal(scoring_country_warm(adm, "2026-03", NULL, NULL, &n, &e), DTI_OK);
    assert_int_equal(n, 0);
    /* the ranking after it reads the kept figure (fewer statements than
     * the computation alone) and gives what the computation gives */
    store_stats_get(w.f.s, &s0);
    assert_int_equal(scoring_country_rank(adm, "2026-03", SCORE_PROVINCE_MEAN, &c, &e), DTI_OK);
    store_stats_get(w.f.s, &s1);
    assert_int_equal(scoring_compute_unchecked(w.f.s, w.f.plan, "2026-03", &sc, &e), DTI_OK);
    store_stats_get(w.f.s, &s2);
    assert_true(s1.statements - s0.statements < s2.statements - s1.statements);
    int seen = 0;
    for (size_t i = 0; i < c.n; i++) {
        if (c.rows[i].org_id != w.f.A)
            continue;
        seen = 1;
        assert_int_equal(c.rows[i].sum.has_value, sc.total.has_value);
        assert_int_equal(c.rows[i].sum.counted, sc.total.counted);
        assert_int_equal(c.rows[i].sum.nodata, sc.total.nodata);
        assert_true(c.rows[i].sum.value == sc.total.value);
        NEAR(c.rows[i].sum.value, 0.675);
    }
    assert_true(seen);
    scoring_release(&sc);
    scoring_country_release(&c);
    /* a write to the plan's approved figures moves its generation: the
     * kept figure is not used, the warm-up computes it again */
    store_val v[] = {SV_I(w.f.i2)};
    assert_int_equal(store_exec(w.f.s, "UPDATE report_values SET value = 2 WHERE indicator_id = ? AND value = 1",
                                v, 1, &e), DTI_OK);
    assert_int_equal(scoring_country_warm(adm, "2026-03", NULL, NULL, &n, &e), DTI_OK);
    assert_int_equal(n, 1);
    assert_int_equal(scoring_country_rank(adm, "2026-03", SCORE_PROVINCE_MEAN, &c, &e), DTI_OK);
    for (size_t i = 0; i < c.n; i++)
        if (c.rows[i].org_id == w.f.A)
            assert_false(fabs(c.rows[i].sum.value - 0.675) < 1e-9);
    scoring_country_release(&c);
    fixture_close(&w.f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_figures),
        cmocka_unit_test(test_baseline),
        cmocka_unit_test(test_rankings),
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_dashboard_agrees),
        cmocka_unit_test(test_country_warm),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
