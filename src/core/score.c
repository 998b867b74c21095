/* score.c — achievement, status by projection, points and indices.
 *
 * The formulas and the choices are documented in score.h and
 * docs/scoring.md; this file keeps to them. Every input number is checked
 * finite before use, so no NaN can travel into a published figure. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "core/score.h"
#include "base/lang.h"

static double clamp01(double x)
{
    return x < 0 ? 0 : x > 1 ? 1 : x;
}

static int near(double a, double b)
{
    double s = fabs(b) > 1 ? fabs(b) : 1;
    return fabs(a - b) <= SCORE_EPS * s;
}

/* ---- achievement ------------------------------------------------------ */

int score_met(const score_target *t, double a)
{
    switch (t->op) {
    case TARGET_GE: return a >= t->value || near(a, t->value);
    case TARGET_GT: return a > t->value && !near(a, t->value);
    case TARGET_LE: return a <= t->value || near(a, t->value);
    case TARGET_LT: return a < t->value && !near(a, t->value);
    case TARGET_EQ: return near(a, t->value);
    case TARGET_TEXT: return 0;
    }
    return 0;
}

static double higher_better(double a, double t)
{
    return t > 0 ? clamp01(a / t) : 0;
}

static double lower_better(double a, double t)
{
    return t > 0 && a > 0 ? clamp01(t / a) : 0;
}

dti_rc score_achievement(const score_target *t, const score_value *v, score_result *out, dti_err *e)
{
    memset(out, 0, sizeof *out);
    if (t->op == TARGET_TEXT) {
        switch (v->verdict) {
        case SCORE_VERDICT_NONE:
            return DTI_OK;
        case SCORE_VERDICT_YES:
            out->achievement = 1;
            break;
        case SCORE_VERDICT_NO:
            out->achievement = 0;
            break;
        case SCORE_VERDICT_LEVEL:
            if (!isfinite(v->level) || v->level < 0 || v->level > 1)
                return dti_fail(e, DTI_ERR_INPUT, "level", "Mức đánh giá phải từ 0 đến 1",
                                "A level must be between 0 and 1");
            out->achievement = v->level;
            break;
        default:
            return dti_fail(e, DTI_ERR_INPUT, "verdict", "Kết luận đạt/chưa đạt không hợp lệ",
                            "Invalid yes/no verdict");
        }
        out->has_data = 1;
        out->met = out->achievement >= 1;
        return DTI_OK;
    }
    if (t->op < TARGET_GE || t->op > TARGET_EQ)
        return dti_fail(e, DTI_ERR_INPUT, "op", "Phép so sánh của chỉ tiêu không hợp lệ",
                        "Invalid target operator");
    if (!v->has_value)
        return DTI_OK;
    if (!isfinite(v->value) || !isfinite(t->value) || (t->has_baseline && !isfinite(t->baseline)))
        return dti_fail(e, DTI_ERR_INPUT, "value", "Số liệu hoặc chỉ tiêu không phải là số hữu hạn",
                        "The value or the target is not a finite number");
    double a = v->value, tv = t->value, ach;
    int met = score_met(t, a);
    switch (t->op) {
    case TARGET_GE:
    case TARGET_GT:
        ach = tv > 0 ? higher_better(a, tv) : met ? 1 : 0;
        break;
    case TARGET_LE:
    case TARGET_LT:
        if (met)
            ach = 1;
        else if (t->has_baseline && t->baseline > tv && !near(t->baseline, tv))
            ach = clamp01((t->baseline - a) / (t->baseline - tv));
        else
            ach = lower_better(a, tv);
        break;
    default: /* TARGET_EQ */
        if (met)
            ach = 1;
        else if (a < tv)
            ach = higher_better(a, tv);
        else
            ach = lower_better(a, tv);
        break;
    }
    out->has_data = 1;
    out->achievement = ach;
    out->met = met;
    return DTI_OK;
}

/* ---- projection ------------------------------------------------------- */

/* The line from centred sums; 0 (and a flat line through the mean, or 0)
 * when finite but huge inputs overflow, so that no NaN or infinity travels. */
static int fit_finish(double mx, double my, double sxx, double sxy, size_t n, score_line *l)
{
    l->n = n;
    l->slope = sxx > 0 ? sxy / sxx : 0;
    l->intercept = my - l->slope * mx;
    if (isfinite(l->slope) && isfinite(l->intercept))
        return 1;
    l->slope = 0;
    l->intercept = isfinite(my) ? my : 0;
    return 0;
}

dti_rc score_fit(const score_point *pts, size_t n, score_line *out, dti_err *e)
{
    double mx = 0, my = 0, sxx = 0, sxy = 0;
    memset(out, 0, sizeof *out);
    if (n == 0)
        return dti_fail(e, DTI_ERR_INPUT, "points", "Không có số liệu để dự báo",
                        "No values to project from");
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(pts[i].x) || !isfinite(pts[i].y))
            return dti_fail(e, DTI_ERR_INPUT, "points", "Số liệu dự báo không phải là số hữu hạn",
                            "A projection point is not a finite number");
        mx += pts[i].x;
        my += pts[i].y;
    }
    mx /= (double)n;
    my /= (double)n;
    /* centred sums: stable for day numbers around 20,000 */
    for (size_t i = 0; i < n; i++) {
        double dx = pts[i].x - mx;
        sxx += dx * dx;
        sxy += dx * (pts[i].y - my);
    }
    if (!fit_finish(mx, my, sxx, sxy, n, out))
        return dti_fail(e, DTI_ERR_INPUT, "points", "Số liệu dự báo quá lớn để tính",
                        "Projection values too large to compute");
    return DTI_OK;
}

double score_line_at(const score_line *l, double x)
{
    return l->intercept + l->slope * x;
}

/* ---- status ----------------------------------------------------------- */

#define NO_DAY INT32_MIN

/* Least squares over the observations with a value (checked finite by
 * score_achievement before), as score_fit without copying them. */
static void fit_obs(const score_obs *obs, size_t n, score_line *l)
{
    double mx = 0, my = 0, sxx = 0, sxy = 0;
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (obs[i].v.has_value) {
            mx += obs[i].day;
            my += obs[i].v.value;
            m++;
        }
    mx /= (double)m;
    my /= (double)m;
    for (size_t i = 0; i < n; i++)
        if (obs[i].v.has_value) {
            double dx = obs[i].day - mx;
            sxx += dx * dx;
            sxy += dx * (obs[i].v.value - my);
        }
    fit_finish(mx, my, sxx, sxy, m, l);
}

dti_rc score_status_of(const score_target *t, const score_obs *obs, size_t n, int32_t due,
                       int32_t today, score_trend *out, dti_err *e)
{
    dti_rc rc;
    memset(out, 0, sizeof *out);
    out->status = SCORE_NO_DATA;
    out->latest_day = NO_DAY;
    const score_obs *last = NULL;
    for (size_t i = 0; i < n; i++) {
        score_result r;
        if ((rc = score_achievement(t, &obs[i].v, &r, e)) != DTI_OK)
            return rc;
        if (!r.has_data)
            continue;
        out->used++;
        if (!last || obs[i].day >= last->day) {     /* on the same day, the later one */
            last = &obs[i];
            out->latest = r;
            out->latest_day = obs[i].day;
        }
    }
    if (!last)
        return DTI_OK;
    if (out->latest.met) {
        out->status = SCORE_MET;
        return DTI_OK;
    }
    if (due != NO_DAY && today > due) {
        out->status = SCORE_NOT_MET;
        return DTI_OK;
    }
    if (t->op == TARGET_TEXT || due == NO_DAY) {
        out->status = SCORE_ON_TRACK;
        return DTI_OK;
    }
    fit_obs(obs, n, &out->line);
    out->projected = 1;
    out->forecast = score_line_at(&out->line, (double)due);
    out->status = score_met(t, out->forecast) ? SCORE_ON_TRACK : SCORE_AT_RISK;
    return DTI_OK;
}

const char *score_status_name(score_status s)
{
    switch (s) {
    case SCORE_NO_DATA: return "no_data";
    case SCORE_MET: return "met";
    case SCORE_ON_TRACK: return "on_track";
    case SCORE_AT_RISK: return "at_risk";
    case SCORE_NOT_MET: return "not_met";
    }
    return "no_data";
}

const char *score_status_label(score_status s)
{
    switch (s) {
    case SCORE_NO_DATA: return TR("chưa có số liệu", "no data");
    case SCORE_MET: return TR("đạt", "met");
    case SCORE_ON_TRACK: return TR("đúng tiến độ", "on track");
    case SCORE_AT_RISK: return TR("nguy cơ", "at risk");
    case SCORE_NOT_MET: return TR("chưa đạt", "not met");
    }
    return "";
}

/* ---- points ----------------------------------------------------------- */

double score_points(double achievement, double max)
{
    return achievement * max;
}

static int same_group(const char *a, const char *want)
{
    return !want || (a && strcmp(a, want) == 0);
}

dti_rc score_sum_items(const score_item *items, size_t n, const char *group, score_source src,
                       score_nodata nd, score_sum *out, dti_err *e)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < n; i++) {
        const score_item *it = &items[i];
        const char *code = it->code ? it->code : "?";
        if (!same_group(it->group, group))
            continue;
        if (!isfinite(it->max) || it->max < 0)
            return dti_fail(e, DTI_ERR_INPUT, code, "Điểm tối đa của %s phải là số không âm",
                            "The maximum of %s must be a number not below 0", code);
        if ((it->has_self && (!isfinite(it->self) || it->self < 0 || it->self > it->max + SCORE_EPS)) ||
            (it->has_review && (!isfinite(it->review) || it->review < 0 ||
                                it->review > it->max + SCORE_EPS)))
            return dti_fail(e, DTI_ERR_INPUT, code, "Điểm của %s phải từ 0 đến %g",
                            "The points of %s must be between 0 and %g", code, it->max);
        if (it->has_review && (!it->has_self || !near(it->review, it->self)))
            out->reviewed++;
        if (it->max == 0) {
            out->zero_max++;
            continue;
        }
        int has;
        double pts;
        if (src == SCORE_FROM_REVIEW && it->has_review) {
            has = 1;
            pts = it->review;
        } else {
            has = it->has_self;
            pts = it->self;
        }
        if (!has) {
            out->nodata++;
            if (nd != SCORE_NODATA_ZERO)
                continue;
            pts = 0;
        }
        out->points += pts;
        out->max += it->max;
        out->counted++;
    }
    out->has_value = out->max > 0;
    out->value = out->has_value ? out->points / out->max : 0;
    return DTI_OK;
}

char *score_format(double v, int decimals, char sep, char out[SCORE_FMT_LEN])
{
    out[0] = 0;
    if (!isfinite(v) || fabs(v) >= 1e18)
        return out;
    if (decimals < 0)
        decimals = 0;
    if (decimals > 9)
        decimals = 9;
    snprintf(out, SCORE_FMT_LEN, "%.*f", decimals, v);
    if (out[0] == '-') {            /* "-0,0000" → "0,0000" */
        int zero = 1;
        for (const char *p = out + 1; *p; p++)
            if (*p >= '1' && *p <= '9')
                zero = 0;
        if (zero)
            memmove(out, out + 1, strlen(out));
    }
    char *dot = strchr(out, '.');
    if (dot)
        *dot = sep;
    return out;
}

char *score_format_index(double v, char out[SCORE_FMT_LEN])
{
    return score_format(v, 4, lang_get() == LANG_EN ? '.' : ',', out);
}

/* ---- province --------------------------------------------------------- */

dti_rc score_province(const score_sum *communes, size_t n, score_province_mode mode,
                      score_sum *out, dti_err *e)
{
    double mean = 0;
    memset(out, 0, sizeof *out);
    if (mode != SCORE_PROVINCE_MEAN && mode != SCORE_PROVINCE_POOLED)
        return dti_fail(e, DTI_ERR_INPUT, "mode", "Cách tính chỉ số tỉnh không hợp lệ",
                        "Invalid province figure mode");
    for (size_t i = 0; i < n; i++) {
        const score_sum *c = &communes[i];
        if (!isfinite(c->points) || !isfinite(c->max) || !isfinite(c->value))
            return dti_fail(e, DTI_ERR_INPUT, "commune", "Điểm của xã thứ %zu không phải là số hữu hạn",
                            "The figure of commune %zu is not a finite number", i + 1);
        out->points += c->points;
        out->max += c->max;
        out->zero_max += c->zero_max;
        out->reviewed += c->reviewed;
        if (c->has_value) {
            mean += c->value;
            out->counted++;
        } else {
            out->nodata++;
        }
    }
    if (mode == SCORE_PROVINCE_MEAN) {
        out->has_value = out->counted > 0;
        out->value = out->has_value ? mean / (double)out->counted : 0;
    } else {
        out->has_value = out->max > 0;
        out->value = out->has_value ? out->points / out->max : 0;
    }
    return DTI_OK;
}

const char *score_province_mode_name(score_province_mode m)
{
    return m == SCORE_PROVINCE_POOLED ? "pooled" : "mean";
}

int score_province_mode_parse(const char *s)
{
    if (!s)
        return -1;
    if (strcmp(s, "mean") == 0)
        return SCORE_PROVINCE_MEAN;
    if (strcmp(s, "pooled") == 0)
        return SCORE_PROVINCE_POOLED;
    return -1;
}

const char *score_province_mode_label(score_province_mode m)
{
    return m == SCORE_PROVINCE_POOLED
               ? TR("tổng điểm các xã trên tổng điểm tối đa", "all communes' points over all maximum points")
               : TR("trung bình cộng chỉ số các xã", "mean of the communes' indices");
}

/* ---- completeness ----------------------------------------------------- */

dti_rc score_completeness_of(size_t expected, size_t received, size_t on_time,
                             score_completeness *out, dti_err *e)
{
    memset(out, 0, sizeof *out);
    if (received > expected || on_time > received)
        return dti_fail(e, DTI_ERR_INPUT, "completeness",
                        "Số báo cáo không khớp: dự kiến %zu, đã nhận %zu, đúng hạn %zu",
                        "Report counts do not agree: expected %zu, received %zu, on time %zu",
                        expected, received, on_time);
    out->expected = expected;
    out->received = received;
    out->on_time = on_time;
    out->has_rates = expected > 0;
    if (out->has_rates) {
        out->rate = (double)received / (double)expected;
        out->on_time_rate = (double)on_time / (double)expected;
    }
    return DTI_OK;
}
