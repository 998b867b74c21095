/* gen_province.c — a province of N communes for tests and demonstrations
 * (gen.h gen_province; `dti gen province`, and `dti province gen`, its
 * alias). The gen wing's second recipe beside the country (gen.c): the
 * same import of each commune's document at a set instant
 * (gen_import_text) and the same report use cases; what differs is the
 * plan (the demo's sample, so that the sample point table
 * samples/index-hoa-binh.csv fits every commune) and the two months.
 *
 * Each commune is the sample plan (samples/hoa-binh-2026.md) with "Hòa
 * Bình" replaced by the commune's name everywhere (heading, units, schools:
 * every document differs, so each import makes its own commune and units),
 * imported by the admin through plans_import_plan as any document; the
 * calendar is the one the sample states (monthly, units by the 15th and the
 * commune by the 20th of the month after). Every seventh commune or so
 * (seeded) names indicator 1.1 otherwise ("Số camera giám sát an ninh được lắp đặt"
 * under the same code): the same code naming another thing, which the
 * province's point table and the comparison must not match.
 *
 * Reports, for the reported month P (the last month whose commune deadline
 * has passed at NOW, as `dti demo`'s last story month) and the month
 * before: for each unit that leads indicators, the values of its
 * indicators with a number target (the 2026 target times the commune's
 * level, 0.55..1.05, and a little noise; whole numbers), filled and
 * submitted by the admin, approved by the province's coordinator. A
 * seeded profile per commune: about 1 in 10 reports nothing at all, about
 * 1 in 7 has only half its units report, about 1 in 6 submits late (the
 * 17th). Of the communes that report, about 7 in 10 make their official
 * report (the Excel workbook, app/outputs: "export.report") by the commune
 * deadline (the 19th), 1 in 6 late (the 22nd, when that is before NOW),
 * the rest never: the three states of the province home.
 *
 * Users: an admin "admin" when the store has no user (else the acting user
 * must be an admin); "sokhcn", the province's coordinator, and "tinh", its
 * viewer, when missing; password DEMO_PASSWORD. The imports and reports are
 * one transaction; the exports, each audited and anchored on its own, come
 * after it. The same seed, N and NOW give the same data. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app_util.h"
#include "app/demo/demo.h"
#include "app/outputs/outputs.h"
#include "app/plan/plans.h"
#include "app/gen/gen.h"
#include "app/gen/gen_int.h"
#include "app/report/report.h"
#include "base/buf.h"
#include "base/embed.h"
#include "core/period.h"
#include "store/store_org.h"

#define VN_OFFSET (7 * 3600)
#define SAMPLE_NAME "Hòa Bình"
#define SAMPLE_UPPER "HÒA BÌNH"
#define RENAMED_FROM "Tỷ lệ phủ sóng 5G trên dân số"
#define RENAMED_TO "Số camera giám sát an ninh được lắp đặt"

static const char *const FIRST[][2] = {
    {"An", "AN"}, {"Phú", "PHÚ"}, {"Tân", "TÂN"}, {"Lạc", "LẠC"}, {"Long", "LONG"}, {"Mỹ", "MỸ"},
    {"Hưng", "HƯNG"}, {"Vĩnh", "VĨNH"}, {"Đông", "ĐÔNG"}, {"Tây", "TÂY"}, {"Nam", "NAM"}, {"Bắc", "BẮC"},
    {"Quảng", "QUẢNG"}, {"Thái", "THÁI"}, {"Phước", "PHƯỚC"}, {"Gia", "GIA"}, {"Xuân", "XUÂN"},
    {"Thanh", "THANH"}, {"Kim", "KIM"}, {"Cẩm", "CẨM"}};
static const char *const SECOND[][2] = {
    {"Lợi", "LỢI"}, {"Thành", "THÀNH"}, {"Lộc", "LỘC"}, {"Thịnh", "THỊNH"}, {"Tiến", "TIẾN"},
    {"Hiệp", "HIỆP"}, {"Sơn", "SƠN"}, {"Hải", "HẢI"}, {"Giang", "GIANG"}, {"Điền", "ĐIỀN"},
    {"Trung", "TRUNG"}, {"Khánh", "KHÁNH"}, {"Định", "ĐỊNH"}, {"Lâm", "LÂM"}, {"Phong", "PHONG"},
    {"Hà", "HÀ"}, {"Yên", "YÊN"}, {"Nghĩa", "NGHĨA"}, {"Cường", "CƯỜNG"}, {"Hội", "HỘI"}};
#define NFIRST (sizeof FIRST / sizeof FIRST[0])
#define NSECOND (sizeof SECOND / sizeof SECOND[0])
/* Every syllable folds (no diacritics) to a different word within its list,
 * so no two names fold alike: the import matches communes by folded name. */

/* A small seeded generator (xorshift32): the same seed, the same data. */
static unsigned next(unsigned *s)
{
    unsigned x = *s ? *s : 0x9E3779B9u;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *s = x;
}

static double unit_rand(unsigned *s)
{
    return (double)(next(s) % 100000u) / 100000.0;
}

/* TEXT with every FROM replaced by TO, appended to B. */
static void replace_into(buf *b, const char *text, const char *from, const char *to)
{
    size_t lf = strlen(from);
    const char *p;
    while ((p = strstr(text, from))) {
        buf_add(b, text, (size_t)(p - text));
        buf_adds(b, to);
        text = p + lf;
    }
    buf_adds(b, text);
}

/* The sample with NAME (UPPER in capitals) for Hòa Bình; RENAME: 1.1 named otherwise. */
static char *commune_text(const char *sample, size_t n, const char *name, const char *upper, int rename)
{
    buf a, b, c;
    char *src = strndup(sample, n), *out = NULL;
    buf_init(&a, (size_t)4 << 20);
    buf_init(&b, (size_t)4 << 20);
    buf_init(&c, (size_t)4 << 20);
    if (src) {
        replace_into(&a, src, SAMPLE_NAME, name);
        char *t1 = buf_failed(&a) ? NULL : buf_detach(&a);
        if (t1)
            replace_into(&b, t1, SAMPLE_UPPER, upper);
        free(t1);
        char *t2 = buf_failed(&b) ? NULL : buf_detach(&b);
        if (t2)
            replace_into(&c, t2, RENAMED_FROM, rename ? RENAMED_TO : RENAMED_FROM);
        free(t2);
        out = buf_failed(&c) ? NULL : buf_detach(&c);
    }
    buf_release(&a);
    buf_release(&b);
    buf_release(&c);
    free(src);
    return out;
}

/* 08:00 in Vietnam on day D of the month after P (P's own month when AFTER is 0). */
static time_t day_after(const period *p, int after, int d)
{
    period q = after ? period_next(*p) : *p;
    return (time_t)period_days(q.year, q.index, d) * 86400 + 8 * 3600 - VN_OFFSET;
}

static dti_rc ensure_user(app *a, const auth_user *admin, const char *name, const char *display, auth_role role,
                          int64_t org, time_t at, auth_user *out, dti_err *e)
{
    dti_rc rc = auth_user_get(a->st, name, out, e);
    if (rc != DTI_ERR_NOTFOUND)
        return rc;
    int64_t id = 0;
    if ((rc = auth_user_add(a->st, admin, name, display, role, org, DEMO_PASSWORD, at, &id, e)))
        return rc;
    return auth_user_get_id(a->st, id, out, e);
}

/* The value of indicator IND for a commune of LEVEL (whole numbers), or -1: none. */
static double value_of(const plan_indicator *ind, double level, unsigned *seed)
{
    const plan_target *t = NULL;
    for (size_t k = 0; k < ind->ntargets; k++)
        if (ind->targets[k].year == 2026)
            t = &ind->targets[k];
    if (!t || !t->has_value || t->op == TARGET_TEXT)
        return -1;
    if (t->op == TARGET_LE || t->op == TARGET_LT)
        return unit_rand(seed) < level - 0.3 ? 0 : 1;
    double v = t->value * (level + (unit_rand(seed) - 0.5) * 0.2);
    int pct = t->unit && strchr(t->unit, '%');
    if (v < 0)
        v = 0;
    if (pct && v > 100)
        v = 100;
    return (double)(long long)(v + 0.5);
}

typedef struct gen_commune {
    int64_t plan_id;
    int profile;            /* 0 nothing, 1 half the units, 2 all */
    int late;               /* units submit on the 17th */
    int export_when;        /* 0 never, 1 on time, 2 late */
} gen_commune;

/* Reports of commune plan P (imported as IR) for months M[0..1]. */
static dti_rc commune_reports(app *a, const auth_user *admin, const auth_user *coord, const plan *p,
                              const plans_import_result *ir, const gen_commune *g, const period *m, size_t *nrep,
                              unsigned *seed, double level, dti_err *e)
{
    dti_rc rc = DTI_OK;
    int64_t orgs[64];
    size_t norgs = 0;
    for (size_t i = 0; i < p->nindicators; i++) {
        const plan_indicator *ind = p->indicators[i];
        if (!ind->lead.n)
            continue;
        for (size_t k = 0; k < ir->nmatches; k++)
            if (ir->matches[k].org_id && !ir->matches[k].province_level &&
                !strcmp(ir->matches[k].name, ind->lead.v[0])) {
                int seen = 0;
                for (size_t j = 0; j < norgs; j++)
                    seen |= orgs[j] == ir->matches[k].org_id;
                if (!seen && norgs < sizeof orgs / sizeof orgs[0])
                    orgs[norgs++] = ir->matches[k].org_id;
                break;
            }
    }
    size_t units = g->profile == 1 ? (norgs + 1) / 2 : g->profile == 2 ? norgs : 0;
    for (int mi = 0; mi < 2; mi++) {
        for (size_t u = 0; u < units; u++) {
            buf csv;
            buf_init(&csv, (size_t)1 << 20);
            buf_adds(&csv, "kind,code,numerator,denominator,value,note\n");
            size_t rows = 0;
            for (size_t i = 0; i < p->nindicators; i++) {
                const plan_indicator *ind = p->indicators[i];
                int64_t lead = 0;
                if (!ind->lead.n || !ind->code)
                    continue;
                for (size_t k = 0; k < ir->nmatches && !lead; k++)
                    if (!ir->matches[k].province_level && !strcmp(ir->matches[k].name, ind->lead.v[0]))
                        lead = ir->matches[k].org_id;
                if (lead != orgs[u])
                    continue;
                double v = value_of(ind, level - (mi == 0 ? 0.03 : 0), seed);
                if (v < 0)
                    continue;
                buf_printf(&csv, "indicator,%s,,,%lld,\n", ind->code, (long long)v);
                rows++;
            }
            if (buf_failed(&csv)) {
                buf_release(&csv);
                return app_nomem(e);
            }
            if (!rows) {
                buf_release(&csv);
                continue;
            }
            report_key key = {g->plan_id, orgs[u], ""};
            char code[PERIOD_CODE_LEN];
            snprintf(key.period, sizeof key.period, "%s", period_format(&m[mi], code));
            report_fill_result fr;
            time_t t_fill = day_after(&m[mi], 1, 5);
            time_t t_sub = day_after(&m[mi], 1, g->late ? 17 : 10);
            time_t t_ok = day_after(&m[mi], 1, 18);
            rc = report_fill_csv_as(a->st, admin, &key, csv.ptr, csv.len, t_fill, &fr, e);
            buf_release(&csv);
            if (!rc)
                rc = report_submit_as(a->st, admin, &key, t_sub, NULL, e);
            if (!rc)
                rc = report_approve_as(a->st, coord, &key, t_ok, e);
            if (rc)
                return rc;
            (*nrep)++;
        }
    }
    return DTI_OK;
}

dti_rc gen_province(app *a, const gen_province_opts *o, gen_province_result *r, dti_err *e)
{
    const struct embed_file *f = embed_find(DEMO_SAMPLE);
    auth_user admin, coord, viewer;
    gen_province_result local;
    gen_commune *gc = NULL;
    size_t *order = NULL;
    int system = 0, open = 0;
    unsigned seed = o->seed ? o->seed : 2026;
    period m[2];
    dti_rc rc;
    if (!r)
        r = &local;
    memset(r, 0, sizeof *r);
    if (!f)
        return dti_fail(e, DTI_ERR_INTERNAL, DEMO_SAMPLE, "chương trình thiếu kế hoạch mẫu %s",
                        "the sample plan %s is not built in", DEMO_SAMPLE);
    if (o->communes < 1 || o->communes > GEN_PROVINCE_MAX)
        return dti_fail(e, DTI_ERR_INPUT, "communes", "số xã phải từ 1 đến %d", "communes must be 1 to %d",
                        GEN_PROVINCE_MAX);
    if (o->period) {
        if (period_parse(o->period, &m[1]) || m[1].kind != PERIOD_MONTH)
            return dti_fail(e, DTI_ERR_INPUT, "period", "kỳ phải là một tháng (ví dụ 2026-10): %s",
                            "the period must be a month (e.g. 2026-10): %s", o->period);
    } else {
        char months[DEMO_MONTHS][REPORT_PERIOD_MAX];
        demo_months(a->now, months);
        period_parse(months[DEMO_MONTHS - 1], &m[1]);
    }
    m[0] = period_prev(m[1]);
    if (m[0].year != 2026 || day_after(&m[1], 1, 18) > a->now)
        return dti_fail(e, DTI_ERR_INPUT, "period",
                        "tháng báo cáo phải thuộc năm 2026 của kế hoạch mẫu (từ 2026-04) và đã qua ngày 18 tháng sau",
                        "the month must lie in the sample plan's 2026 (from 2026-04) with the 18th of the month "
                        "after passed");
    period_format(&m[1], r->period);
    if ((rc = app_actor(a, &admin, &system, e)))
        return rc;
    time_t t0 = day_after(&m[0], 0, 1);
    if (system) {
        int64_t id = 0;
        if ((rc = auth_user_add(a->st, NULL, "admin", "Quản trị hệ thống", ROLE_ADMIN, 0, DEMO_PASSWORD, t0, &id,
                                e)) ||
            (rc = auth_user_get_id(a->st, id, &admin, e)))
            return rc;
        a->user_id = id;
    } else if (admin.role != ROLE_ADMIN) {
        return dti_fail(e, DTI_ERR_PERM, "by", "%s không phải quản trị: chỉ quản trị tạo dữ liệu thử",
                        "%s is not an admin: only an admin makes test data", admin.name);
    }
    if (!(gc = calloc(o->communes, sizeof *gc)) || !(order = calloc(NFIRST * NSECOND, sizeof *order))) {
        rc = app_nomem(e);
        goto out;
    }
    for (size_t i = 0; i < NFIRST * NSECOND; i++)
        order[i] = i;
    for (size_t i = NFIRST * NSECOND - 1; i > 0; i--) {
        size_t j = next(&seed) % (i + 1), t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
    if ((rc = store_begin(a->st, e)))
        goto out;
    open = 1;
    for (size_t i = 0; i < o->communes; i++) {
        size_t k = order[i % (NFIRST * NSECOND)];
        char name[96], upper[96];
        const char *a1 = FIRST[k / NSECOND][0], *b1 = SECOND[k % NSECOND][0];
        if (i < NFIRST * NSECOND) {
            snprintf(name, sizeof name, "%s %s", a1, b1);
            snprintf(upper, sizeof upper, "%s %s", FIRST[k / NSECOND][1], SECOND[k % NSECOND][1]);
        } else {
            snprintf(name, sizeof name, "%s %s %zu", a1, b1, i / (NFIRST * NSECOND) + 1);
            snprintf(upper, sizeof upper, "%s %s %zu", FIRST[k / NSECOND][1], SECOND[k % NSECOND][1],
                     i / (NFIRST * NSECOND) + 1);
        }
        double pr = unit_rand(&seed), level = 0.55 + 0.5 * unit_rand(&seed);
        int rename = next(&seed) % 7 == 3;
        gc[i].profile = pr < 0.10 ? 0 : pr < 0.24 ? 1 : 2;
        gc[i].late = unit_rand(&seed) < 0.17;
        double ex = unit_rand(&seed);
        gc[i].export_when = gc[i].profile == 0 ? 0 : ex < 0.7 ? 1 : ex < 0.86 ? 2 : 0;
        char *text = commune_text((const char *)f->data, f->len, name, upper, rename);
        plan *p = NULL;
        plans_import_result ir;
        char fname[128];
        memset(&ir, 0, sizeof ir);
        snprintf(fname, sizeof fname, "ke-hoach-xa-%zu.md", i + 1);
        if (!text) {
            rc = app_nomem(e);
            goto out;
        }
        /* imported at the set-up instant, one second apart */
        rc = gen_import_text(a, text, fname, t0 + (time_t)i, &ir, &p, e);
        if (!rc && !r->province) {
            int64_t commune = ir.commune_id;
            store_org org;
            memset(&org, 0, sizeof org);
            if (!(rc = store_org_get(a->st, commune, &org, e)))
                r->province = org.parent_id;
            store_org_release(&org);
            if (!rc)
                rc = ensure_user(a, &admin, "sokhcn", "Sở Khoa học và Công nghệ (tổng hợp)", ROLE_COORDINATOR,
                                 r->province, t0, &coord, e);
            if (!rc)
                rc = ensure_user(a, &admin, "tinh", "Sở Khoa học và Công nghệ", ROLE_VIEWER, r->province, t0,
                                 &viewer, e);
        }
        gc[i].plan_id = ir.plan_id;
        if (!rc)
            rc = commune_reports(a, &admin, &coord, p, &ir, &gc[i], m, &r->reports, &seed, level, e);
        if (!rc && rename)
            r->renamed++;
        plans_import_result_release(&ir);
        plan_free(p);
        free(text);
        if (rc)
            goto out;
        r->communes++;
    }
    open = 0;
    if ((rc = store_commit(a->st, e)))
        goto out;
    /* the communes' official reports, each export audited and anchored on its own */
    for (size_t i = 0; i < o->communes; i++) {
        if (!gc[i].export_when)
            continue;
        time_t at = day_after(&m[1], 1, gc[i].export_when == 1 ? 19 : 22);
        if (at > a->now)
            continue;
        char code[PERIOD_CODE_LEN];
        outputs_req q;
        memset(&q, 0, sizeof q);
        q.plan_id = gc[i].plan_id;
        q.period = period_format(&m[1], code);
        q.format = OUTPUTS_XLSX;
        void *data = NULL;
        size_t len = 0;
        app as_admin = *a;          /* the admin makes the commune's report, at AT */
        as_admin.user_id = admin.id;
        as_admin.account = &admin;
        as_admin.now = at;
        rc = outputs_export(&as_admin, &q, &data, &len, NULL, e);
        free(data);
        if (rc)
            goto out;
        r->exports++;
    }
out:
    if (open)
        store_rollback(a->st);
    free(gc);
    free(order);
    return rc;
}
