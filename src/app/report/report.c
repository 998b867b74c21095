/* report.c — the report use cases (report.h): finding or creating the
 * report to write, filling it from CSV with the value checks, the state
 * machine, and reading a report back with its timeliness.
 *
 * Each write runs in one transaction: the permission check, the state
 * check, the change and its audit entry (before and after snapshots of the
 * report) commit together or not at all. Evidence lives in evidence.c,
 * completeness in report_status.c.
 *
 * Saves off the write lock (issue 12, point 6). Saves serialise on the
 * write lock (BEGIN IMMEDIATE ... COMMIT), so what a save does while it
 * holds the lock bounds the saves per second, not the fsync. Reading a
 * CSV's rows (parsing, checking each figure, looking each code up with the
 * org's role and the target: a fifth of a save's instructions) needs no
 * lock: report_fill_csv_as does it first in a read transaction of its own
 * (fill_prepare), noting the plan's generation and the shared one
 * (store_report_plan_gen, migration 014: bumped in the same transaction by
 * every write to the plan's items, targets, groups and assignments, and to
 * the orgs, that these look-ups read; not by a draft's save, so concurrent
 * saves of drafts do not undo each other's reading; the global
 * score_generation.gen would, as every write moves it). Under the lock it
 * checks the permission, the period and the report's state as before,
 * then reads the two again: unchanged, the rows read before stand
 * (nothing they depend on was written in between); moved, or the first
 * reading failed, the rows are read again under the lock, exactly as
 * before. Correctness first: an error is only ever reported from that
 * second reading, after the permission checks, so a user who may not
 * write learns nothing of the plan from the CSV's errors. A caller that
 * already holds a transaction (dti gen, the demo) reads under it. The
 * look-ups of that first reading go through the handle's item memo
 * (store_report_item_lookup_at, keyed by the same two generations: a
 * unit saving its report again looks nothing up); the reading under the
 * lock runs the statements. The before and after images and the audit
 * entry stay under the lock: they are the report's state as the commit
 * leaves it. The commit's fsync does not (the group sync, store_sqlite.c). */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app_util.h"
#include "app/audit/audit.h"
#include "app/plan/request.h"
#include "app/report/report.h"
#include "app/report/report_int.h"
#include "base/buf.h"
#include "base/csv.h"
#include "base/json_text.h"
#include "base/lang.h"
#include "base/num.h"
#include "base/text.h"
#include "core/orgname.h"
#include "core/period.h"
#include "core/period_week.h"
#include "store/store_request.h"
#include "store/store_report.h"

static const char *STATE_NAMES[] = {"draft", "submitted", "returned", "approved"};

const char *report_state_name(report_state s)
{
    return (unsigned)s < 4 ? STATE_NAMES[s] : "?";
}

int report_state_parse(const char *s)
{
    for (int i = 0; s && i < 4; i++)
        if (strcmp(s, STATE_NAMES[i]) == 0)
            return i;
    return -1;
}

const char *report_state_label(report_state s)
{
    switch (s) {
    case REPORT_DRAFT: return TR("nháp", "draft");
    case REPORT_SUBMITTED: return TR("đã nộp", "submitted");
    case REPORT_RETURNED: return TR("bị trả lại", "returned");
    case REPORT_APPROVED: return TR("đã duyệt", "approved");
    }
    return "?";
}

time_t report_ts_parse(const char *s)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    if (!s || strlen(s) != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
        s[16] != ':' || s[19] != 'Z')
        return -1;
    int v[6];
    const int at[6] = {0, 5, 8, 11, 14, 17}, len[6] = {4, 2, 2, 2, 2, 2};
    for (int k = 0; k < 6; k++) {
        v[k] = 0;
        for (int j = 0; j < len[k]; j++) {
            char c = s[at[k] + j];
            if (c < '0' || c > '9')
                return -1;
            v[k] = v[k] * 10 + (c - '0');
        }
    }
    tm.tm_year = v[0] - 1900;
    tm.tm_mon = v[1] - 1;
    tm.tm_mday = v[2];
    tm.tm_hour = v[3];
    tm.tm_min = v[4];
    tm.tm_sec = v[5];
    return timegm(&tm);
}

/* ---- orgs ------------------------------------------------------------------ */

struct org_hits {
    int64_t ids[8];
    size_t n;
};

static int org_hit(void *ctx, const store_row *r)
{
    struct org_hits *h = ctx;
    for (size_t i = 0; i < h->n; i++)
        if (h->ids[i] == r->v[0].i)
            return 0;
    if (h->n < 8)
        h->ids[h->n++] = r->v[0].i;
    return 0;
}

/* A unit named with its commune's (or province's) name, as people write it
 * in full ("Công an xã Hòa Bình"): its stored key drops that place name
 * (orgname_key with the parent's name gives "cong an"), so the key of REF
 * alone ("cong an xa hoa binh") matches nothing. Each tail of REF's words is
 * tried as the place: the orgs under a live parent whose key is that
 * tail's place key, with REF's key computed against that place. The first
 * tail (the longest) that finds any wins. */
static dti_rc org_by_place(store *s, const char *ref, struct org_hits *h, dti_err *e)
{
    dti_rc rc = DTI_OK;
    char *f = text_fold(ref);
    if (!f)
        return app_nomem(e);
    for (char *sp = strchr(f, ' '); sp && h->n == 0; sp = strchr(sp + 1, ' ')) {
        const char *place = sp + 1;
        if (!*place)
            break;
        char *pk = orgname_place_key(place), *key = orgname_key(ref, place);
        if (!pk || !key)
            rc = app_nomem(e);
        else if (*pk && *key)
            rc = store_report_org_by_key_under(s, pk, key, org_hit, h, e);
        free(pk);
        free(key);
        if (rc)
            break;
    }
    free(f);
    return rc;
}

dti_rc report_org_find(store *s, int64_t plan_id, const char *ref, int64_t *org_id, dti_err *e)
{
    dti_rc rc;
    char *end = NULL;
    char *key = NULL;
    struct org_hits h = {{0}, 0};

    if (!ref || !*ref)
        return dti_fail(e, DTI_ERR_INPUT, "org", "thiếu tên đơn vị", "no org named");
    long long v = strtoll(ref, &end, 10);
    if (end && *end == 0 && v > 0) {
        int found = 0;
        if ((rc = store_report_org_exists(s, v, &found, e)))
            return rc;
        if (!found)
            return dti_fail(e, DTI_ERR_NOTFOUND, "org", "không có đơn vị số %lld", "no org with id %lld", v);
        *org_id = v;
        return DTI_OK;
    }
    if (!(key = orgname_key(ref, NULL)))
        return app_nomem(e);
    /* by key: among the orgs under the plan's org first, then anywhere */
    for (int pass = 0; pass < 2 && h.n == 0; pass++) {
        if (pass == 0 && plan_id <= 0)
            continue;
        if ((rc = store_report_org_by_key(s, pass == 0 ? plan_id : 0, key, org_hit, &h, e)))
            goto out;
    }
    if (h.n == 0 && (rc = org_by_place(s, ref, &h, e)))
        goto out;
    if (h.n == 0) {
        /* names stored before orgname keys: compare folded names */
        char *f = text_fold(ref);
        if (!f) {
            rc = app_nomem(e);
            goto out;
        }
        rc = store_report_org_by_folded(s, f, org_hit, &h, e);
        free(f);
        if (rc)
            goto out;
    }
    if (h.n == 0) {
        rc = dti_fail(e, DTI_ERR_NOTFOUND, "org", "không có đơn vị \"%s\"", "no org named \"%s\"", ref);
        goto out;
    }
    if (h.n > 1) {
        /* several share the key ("Công an xã", "Công an tỉnh"): the one whose
         * name is the very words given, if exactly one is */
        struct org_hits exact = {{0}, 0};
        for (size_t i = 0; i < h.n; i++) {
            char *nm = NULL;
            if ((rc = store_report_org_name(s, h.ids[i], &nm, e)))
                goto out;
            if (nm && text_fold_eq(nm, ref) && exact.n < 8)
                exact.ids[exact.n++] = h.ids[i];
            free(nm);
        }
        if (exact.n == 1)
            h = exact;
    }
    if (h.n > 1) {
        rc = dti_fail(e, DTI_ERR_INPUT, "org",
                      "\"%s\" ứng với %zu đơn vị (số %lld, %lld ...): hãy dùng số của đơn vị",
                      "\"%s\" fits %zu orgs (ids %lld, %lld ...): use the org's id", ref, h.n,
                      (long long)h.ids[0], (long long)h.ids[1]);
        goto out;
    }
    *org_id = h.ids[0];
    rc = DTI_OK;
out:
    free(key);
    return rc;
}

/* ---- loading reports ----------------------------------------------------------- */

static int rep_row(void *ctx, const store_row *r)
{
    report_ver *x = ctx;
    memset(x, 0, sizeof *x);
    x->found = 1;
    x->id = r->v[0].i;
    x->version = (int)r->v[1].i;
    int st = report_state_parse(app_col(r, 2));
    x->state = st < 0 ? REPORT_DRAFT : (report_state)st;
    snprintf(x->submitted_at, sizeof x->submitted_at, "%s", app_col(r, 3) ? app_col(r, 3) : "");
    return 1;
}

dti_rc report_latest(store *s, const report_key *k, int version, report_ver *out, dti_err *e)
{
    memset(out, 0, sizeof *out);
    return store_report_find(s, k->plan_id, k->org_id, k->period, version, rep_row, out, e);
}

/* The snapshot of report ID for the audit log: header, values, tasks. */
struct snap {
    json_t *o, *values, *tasks;
    int nomem;
};

static json_t *num_or_null(const store_row *r, size_t i)
{
    if (r->v[i].t == SV_NULL)
        return json_null();
    if (r->v[i].t == SV_INT)
        return json_real((double)r->v[i].i);
    return json_real(r->v[i].d);
}

static json_t *str_or_null(const store_row *r, size_t i)
{
    const char *c = app_col(r, i);
    return c ? json_string(c) : json_null();
}

static int snap_head(void *ctx, const store_row *r)
{
    struct snap *x = ctx;
    x->o = json_pack("{s:I, s:I, s:I, s:s, s:I, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
                     "id", (json_int_t)r->v[0].i, "plan_id", (json_int_t)r->v[1].i,
                     "org_id", (json_int_t)r->v[2].i, "period", app_col(r, 3) ? app_col(r, 3) : "",
                     "version", (json_int_t)r->v[4].i, "state", app_col(r, 5) ? app_col(r, 5) : "",
                     "submitted_at", str_or_null(r, 6), "returned_at", str_or_null(r, 7),
                     "approved_at", str_or_null(r, 8), "reason", str_or_null(r, 9),
                     "results", str_or_null(r, 10), "difficulties", str_or_null(r, 11),
                     "proposals", str_or_null(r, 12));
    if (!x->o)
        x->nomem = 1;
    return 1;
}

static int snap_value(void *ctx, const store_row *r)
{
    struct snap *x = ctx;
    json_t *v = json_pack("{s:s, s:o, s:o, s:o, s:o, s:o}", "indicator",
                          app_col(r, 0) ? app_col(r, 0) : "", "numerator", num_or_null(r, 1),
                          "denominator", num_or_null(r, 2), "value", num_or_null(r, 3), "met",
                          r->v[4].t == SV_NULL ? json_null() : json_boolean(r->v[4].i),
                          "note", str_or_null(r, 5));
    if (!v || json_array_append_new(x->values, v)) {
        x->nomem = 1;
        return 1;
    }
    return 0;
}

static int snap_task(void *ctx, const store_row *r)
{
    struct snap *x = ctx;
    json_t *v = json_pack("{s:s, s:o, s:o, s:o, s:o}", "task", app_col(r, 0) ? app_col(r, 0) : "",
                          "status", str_or_null(r, 1), "percent", num_or_null(r, 2), "products",
                          str_or_null(r, 3), "note", str_or_null(r, 4));
    if (!v || json_array_append_new(x->tasks, v)) {
        x->nomem = 1;
        return 1;
    }
    return 0;
}

dti_rc report_snapshot(store *s, int64_t id, int with_items, json_t **out, dti_err *e)
{
    dti_rc rc;
    struct snap x = {NULL, NULL, NULL, 0};
    *out = NULL;
    if ((rc = store_report_head(s, id, snap_head, &x, e)))
        goto fail;
    if (x.nomem || !x.o) {
        rc = x.nomem ? app_nomem(e) : dti_fail(e, DTI_ERR_NOTFOUND, "report", "không có báo cáo",
                                               "no such report");
        goto fail;
    }
    if (with_items) {
        if (!(x.values = json_array()) || !(x.tasks = json_array()) ||
            json_object_set(x.o, "values", x.values) || json_object_set(x.o, "tasks", x.tasks)) {
            rc = app_nomem(e);
            goto fail;
        }
        if ((rc = store_report_values(s, id, snap_value, &x, e)) || (rc = store_report_tasks(s, id, snap_task, &x, e)))
            goto fail;
        if (x.nomem) {
            rc = app_nomem(e);
            goto fail;
        }
    }
    json_decref(x.values);
    json_decref(x.tasks);
    *out = x.o;
    return DTI_OK;
fail:
    json_decref(x.values);
    json_decref(x.tasks);
    json_decref(x.o);
    return rc;
}

/* report_snapshots: the rows of N reports, each handed to the callbacks
 * of report_snapshot with that report's struct snap (found by the id the
 * row carries; rows of ids between that are not asked for are skipped). */
struct snaps {
    const int64_t *ids;
    size_t n;
    struct snap *x;
    int nomem;
};

static struct snap *snaps_find(struct snaps *b, int64_t id)
{
    size_t lo = 0, hi = b->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (b->ids[mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < b->n && b->ids[lo] == id ? &b->x[lo] : NULL;
}

static int snaps_row(struct snaps *b, const store_row *r, size_t id_col, int (*fn)(void *, const store_row *))
{
    struct snap *x = r->n > id_col ? snaps_find(b, r->v[id_col].i) : NULL;
    if (!x)
        return 0;
    if (id_col == 0 && x->o)
        return 0;   /* one head per id */
    if (id_col != 0 && !x->o)
        return 0;
    fn(x, r);
    if (x->nomem) {
        b->nomem = 1;
        return 1;
    }
    return 0;
}

static int snaps_head(void *ctx, const store_row *r)
{
    return snaps_row(ctx, r, 0, snap_head);
}

static int snaps_value(void *ctx, const store_row *r)
{
    return snaps_row(ctx, r, 6, snap_value);
}

static int snaps_task(void *ctx, const store_row *r)
{
    return snaps_row(ctx, r, 5, snap_task);
}

dti_rc report_snapshots(store *s, const int64_t *ids, size_t n, json_t **out, dti_err *e)
{
    dti_rc rc = DTI_OK;
    struct snaps b = {ids, n, NULL, 0};
    for (size_t i = 0; i < n; i++)
        out[i] = NULL;
    if (n == 0)
        return DTI_OK;
    if (!(b.x = calloc(n, sizeof *b.x)))
        return app_nomem(e);
    if ((rc = store_report_heads_between(s, ids[0], ids[n - 1], snaps_head, &b, e)))
        goto fail;
    for (size_t i = 0; i < n && !b.nomem; i++) {
        struct snap *x = &b.x[i];
        if (!x->o) {
            rc = dti_fail(e, DTI_ERR_NOTFOUND, "report", "không có báo cáo", "no such report");
            goto fail;
        }
        if (!(x->values = json_array()) || !(x->tasks = json_array()) ||
            json_object_set(x->o, "values", x->values) || json_object_set(x->o, "tasks", x->tasks))
            b.nomem = 1;
    }
    if (!b.nomem && ((rc = store_report_values_between(s, ids[0], ids[n - 1], snaps_value, &b, e)) ||
                     (rc = store_report_tasks_between(s, ids[0], ids[n - 1], snaps_task, &b, e))))
        goto fail;
    if (b.nomem) {
        rc = app_nomem(e);
        goto fail;
    }
    for (size_t i = 0; i < n; i++) {
        out[i] = b.x[i].o;
        b.x[i].o = NULL;
    }
fail:
    for (size_t i = 0; i < n; i++) {
        json_decref(b.x[i].values);
        json_decref(b.x[i].tasks);
        json_decref(b.x[i].o);
    }
    free(b.x);
    return rc;
}

/* report_snapshot_text: the same rows as report_snapshot, written in the
 * keys' sorted order (json_dumps sorts them): the header's fields up to
 * submitted_at, then "tasks", "values" and "version". */
struct snap_text {
    buf b;
    int64_t version;
    int found, bad, first;
};

static void st_key(struct snap_text *x, const char *k)
{
    buf_adds(&x->b, k);
}

static void st_str(struct snap_text *x, const store_row *r, size_t i)
{
    const char *c = app_col(r, i);
    if (!c)
        buf_adds(&x->b, "null");
    else if (json_text_str(&x->b, c))
        x->bad = 1;
}

static void st_num(struct snap_text *x, const store_row *r, size_t i)
{
    if (r->v[i].t == SV_NULL)
        buf_adds(&x->b, "null");
    else if (json_text_real(&x->b, r->v[i].t == SV_INT ? (double)r->v[i].i : r->v[i].d))
        x->bad = 1;
}

static int st_head(void *ctx, const store_row *r)
{
    struct snap_text *x = ctx;
    x->found = 1;
    x->version = r->v[4].i;
    st_key(x, "{\"approved_at\":");
    st_str(x, r, 8);
    st_key(x, ",\"difficulties\":");
    st_str(x, r, 11);
    st_key(x, ",\"id\":");
    json_text_int(&x->b, (long long)r->v[0].i);
    st_key(x, ",\"org_id\":");
    json_text_int(&x->b, (long long)r->v[2].i);
    st_key(x, ",\"period\":");
    if (json_text_str(&x->b, app_col(r, 3) ? app_col(r, 3) : ""))
        x->bad = 1;
    st_key(x, ",\"plan_id\":");
    json_text_int(&x->b, (long long)r->v[1].i);
    st_key(x, ",\"proposals\":");
    st_str(x, r, 12);
    st_key(x, ",\"reason\":");
    st_str(x, r, 9);
    st_key(x, ",\"results\":");
    st_str(x, r, 10);
    st_key(x, ",\"returned_at\":");
    st_str(x, r, 7);
    st_key(x, ",\"state\":");
    if (json_text_str(&x->b, app_col(r, 5) ? app_col(r, 5) : ""))
        x->bad = 1;
    st_key(x, ",\"submitted_at\":");
    st_str(x, r, 6);
    return 1;
}

static int st_task(void *ctx, const store_row *r)
{
    struct snap_text *x = ctx;
    st_key(x, x->first ? "{\"note\":" : ",{\"note\":");
    x->first = 0;
    st_str(x, r, 4);
    st_key(x, ",\"percent\":");
    st_num(x, r, 2);
    st_key(x, ",\"products\":");
    st_str(x, r, 3);
    st_key(x, ",\"status\":");
    st_str(x, r, 1);
    st_key(x, ",\"task\":");
    if (json_text_str(&x->b, app_col(r, 0) ? app_col(r, 0) : ""))
        x->bad = 1;
    buf_addc(&x->b, '}');
    return 0;
}

static int st_value(void *ctx, const store_row *r)
{
    struct snap_text *x = ctx;
    st_key(x, x->first ? "{\"denominator\":" : ",{\"denominator\":");
    x->first = 0;
    st_num(x, r, 2);
    st_key(x, ",\"indicator\":");
    if (json_text_str(&x->b, app_col(r, 0) ? app_col(r, 0) : ""))
        x->bad = 1;
    st_key(x, ",\"met\":");
    buf_adds(&x->b, r->v[4].t == SV_NULL ? "null" : r->v[4].i ? "true" : "false");
    st_key(x, ",\"note\":");
    st_str(x, r, 5);
    st_key(x, ",\"numerator\":");
    st_num(x, r, 1);
    st_key(x, ",\"value\":");
    st_num(x, r, 3);
    buf_addc(&x->b, '}');
    return 0;
}

dti_rc report_snapshot_text(store *s, int64_t id, char **out, dti_err *e)
{
    dti_rc rc;
    struct snap_text x;
    memset(&x, 0, sizeof x);
    buf_init(&x.b, AUDIT_JSON_MAX);
    *out = NULL;
    if ((rc = store_report_head(s, id, st_head, &x, e)))
        goto fail;
    if (!x.found) {
        rc = dti_fail(e, DTI_ERR_NOTFOUND, "report", "không có báo cáo", "no such report");
        goto fail;
    }
    st_key(&x, ",\"tasks\":[");
    x.first = 1;
    if ((rc = store_report_tasks(s, id, st_task, &x, e)))
        goto fail;
    st_key(&x, "],\"values\":[");
    x.first = 1;
    if ((rc = store_report_values(s, id, st_value, &x, e)))
        goto fail;
    st_key(&x, "],\"version\":");
    json_text_int(&x.b, (long long)x.version);
    buf_addc(&x.b, '}');
    if (x.bad) {
        rc = dti_fail(e, DTI_ERR_INTERNAL, "report", "báo cáo số %lld có văn bản không phải UTF-8",
                      "report %lld holds text that is not UTF-8", (long long)id);
        goto fail;
    }
    if (buf_failed(&x.b)) {
        rc = buf_failed(&x.b) == DTI_ERR_TOOBIG
                 ? dti_fail(e, DTI_ERR_TOOBIG, "audit", "mục nhật ký quá lớn", "audit entry too big")
                 : app_nomem(e);
        goto fail;
    }
    *out = buf_detach(&x.b);
    return DTI_OK;
fail:
    buf_release(&x.b);
    return rc;
}

/* Check the period code against the plan: a code period_parse reads, and
 * one of the plan's periods when its calendar is set. */
dti_rc report_check_period(store *s, int64_t plan_id, const char *code, dti_err *e)
{
    period p;
    dti_rc rc;
    char rk;
    int ry, rn;
    if (code && period_request_parse(code, &rk, &ry, &rn) == 0) {
        /* an ad-hoc or weekly request's period: only when the plan opened it */
        int f = 0;
        if ((rc = store_request_exists(s, plan_id, code, &f, e)))
            return rc;
        if (!f)
            return dti_fail(e, DTI_ERR_INPUT, "period", "kế hoạch số %lld không có yêu cầu báo cáo %s",
                            "plan %lld has no request %s", (long long)plan_id, code);
        return DTI_OK;
    }
    if (!code || strlen(code) >= REPORT_PERIOD_MAX || period_parse(code, &p) != 0)
        return dti_fail(e, DTI_ERR_INPUT, "period",
                        "kỳ báo cáo \"%s\" không hợp lệ (dạng 2026-03, 2026-Q1, 2026-H1, 2026)",
                        "\"%s\" is not a period (2026-03, 2026-Q1, 2026-H1, 2026)", code ? code : "");
    int64_t n = 0;
    if ((rc = store_report_period_count(s, plan_id, &n, e)))
        return rc;
    if (n == 0)
        return DTI_OK;
    char canon[PERIOD_CODE_LEN];
    period_format(&p, canon);
    int found = 0;
    if ((rc = store_report_period_exists(s, plan_id, canon, &found, e)))
        return rc;
    if (!found)
        return dti_fail(e, DTI_ERR_INPUT, "period",
                        "kỳ %s không có trong lịch báo cáo của kế hoạch số %lld (xem: dti periods %lld)",
                        "period %s is not in plan %lld's reporting calendar (see: dti periods %lld)",
                        canon, (long long)plan_id, (long long)plan_id);
    return DTI_OK;
}

/* The org must lie under the plan's org (or be it). */
static dti_rc check_org_in_plan(store *s, int64_t plan_id, int64_t org_id, dti_err *e)
{
    int64_t porg = 0;
    int found = 0;
    dti_rc rc;
    if ((rc = store_report_plan_org(s, plan_id, &porg, &found, e)))
        return rc;
    if (!found)
        return dti_fail(e, DTI_ERR_NOTFOUND, "plan", "không có kế hoạch số %lld", "no plan with id %lld",
                        (long long)plan_id);
    if (porg == 0 || porg == org_id)
        return DTI_OK;
    int64_t org = org_id;
    for (int d = 0; d < AUTH_TREE_DEPTH_MAX && org > 0; d++) {
        int64_t parent = 0;
        int f2 = 0;
        if ((rc = store_report_org_parent(s, org, &parent, &f2, e)))
            return rc;
        if (!f2)
            break;
        if (parent == porg)
            return DTI_OK;
        org = parent;
    }
    /* Outside the plan's commune is outside every scope the plan gives:
     * the same 404 as a missing thing (auth.h), nothing named (issue 9). */
    return auth_not_found(e);
}

dti_rc report_missing(const report_key *key, dti_err *e)
{
    return dti_fail(e, DTI_ERR_NOTFOUND, "report", "chưa có báo cáo kỳ %s của đơn vị số %lld",
                    "no %s report from org %lld", key->period, (long long)key->org_id);
}

/* REASON (cleaned) within REPORT_REASON_MAX bytes: DTI_OK, or the failure. */
static dti_rc reason_fits(const char *reason, dti_err *e)
{
    if (strlen(reason) > REPORT_REASON_MAX)
        return dti_fail(e, DTI_ERR_TOOBIG, "reason", "lý do dài quá %d byte", "the reason is over %d bytes",
                        REPORT_REASON_MAX);
    return DTI_OK;
}

void report_key_canon(const report_key *in, report_key *out)
{
    *out = *in;
    period p;
    if (period_parse(in->period, &p) == 0) {
        char c[PERIOD_CODE_LEN];
        period_format(&p, c);
        snprintf(out->period, sizeof out->period, "%s", c);
    }
}

static dti_rc rep_new_version(store *s, const auth_user *u, const report_key *key, const report_ver *old, time_t now,
                              report_state state, const char *reason, int64_t *id, dti_err *e);

dti_rc report_for_write(store *s, const auth_user *u, const report_key *key_in, time_t now, report_ver *out,
                     int *new_version, dti_err *e)
{
    dti_rc rc;
    report_key key;
    report_key_canon(key_in, &key);
    if (new_version)
        *new_version = 0;
    if ((rc = auth_can(s, u, AUTH_REPORT_WRITE, key.org_id, e)))
        return rc;
    if ((rc = check_org_in_plan(s, key.plan_id, key.org_id, e)) ||
        (rc = report_check_period(s, key.plan_id, key.period, e)))
        return rc;
    char rk;
    int ry, rn, asked = 0;
    if (period_request_parse(key.period, &rk, &ry, &rn) == 0) {
        /* a request's report: only from a unit it asks (request.h) */
        if ((rc = store_request_asked(s, key.plan_id, key.period, key.org_id, &asked, e)))
            return rc;
        if (!asked)
            return dti_fail(e, DTI_ERR_INPUT, "period", "yêu cầu báo cáo %s không gửi cho đơn vị này",
                            "request %s does not ask this unit", key.period);
        /* a cancelled request keeps its reports but takes no new one */
        if ((rc = plans_request_open_for_reports(s, key.plan_id, key.period, e)))
            return rc;
    }
    if ((rc = report_latest(s, &key, 0, out, e)))
        return rc;
    if (out->found && (out->state == REPORT_DRAFT || out->state == REPORT_RETURNED))
        return DTI_OK;
    if (out->found && out->state == REPORT_SUBMITTED)
        return dti_fail(e, DTI_ERR_CONFLICT, "state",
                        "báo cáo kỳ %s đã nộp, chờ thẩm định: đơn vị không sửa được cho đến khi bị trả lại",
                        "the %s report is submitted and awaits review: read-only until it is returned",
                        key.period);
    if (out->found && out->state == REPORT_APPROVED)
        return dti_fail(e, DTI_ERR_CONFLICT, "state",
                        "báo cáo kỳ %s đã được duyệt (phiên bản %d) nên đã khóa: muốn sửa, điều phối viên mở lại "
                        "báo cáo kèm lý do (dti report reopen ... --reason \"...\"), việc đó tạo phiên bản mới",
                        "the %s report is approved (version %d) and locked: to change it a coordinator reopens "
                        "it with a reason (dti report reopen ... --reason \"...\"), which makes a new version",
                        key.period, out->version);
    int64_t id = 0;
    if ((rc = rep_new_version(s, u, &key, NULL, now, REPORT_DRAFT, NULL, &id, e)))
        return rc;
    memset(out, 0, sizeof *out);
    out->found = 1;
    out->id = id;
    out->version = 1;
    out->state = REPORT_DRAFT;
    return DTI_OK;
}

/* Make KEY's next version in STATE (draft, or returned with REASON) as U
 * at NOW inside the caller's transaction: version 1 when OLD is NULL, else
 * a copy of OLD (its values, tasks, texts and evidence). Audited as
 * report.create, or report.reopen with OLD's snapshot before. *ID gets the
 * new row. */
static dti_rc rep_new_version(store *s, const auth_user *u, const report_key *key, const report_ver *old, time_t now,
                              report_state state, const char *reason, int64_t *id, dti_err *e)
{
    dti_rc rc;
    char ts[AUTH_TS_LEN];
    json_t *before = NULL, *after = NULL;
    int version = old ? old->version + 1 : 1;
    int64_t old_id = old ? old->id : 0;
    auth_ts(now, ts);
    store_report_new nr = {key->plan_id, key->org_id, key->period, version, report_state_name(state), ts, u->id,
                           state == REPORT_RETURNED ? ts : NULL, reason, old_id};
    /* a new version starts as a copy of the approved one (texts, values, tasks, evidence) */
    if ((rc = store_report_insert(s, &nr, id, e)))
        return rc;
    if (old_id && (rc = report_snapshot(s, old_id, 1, &before, e)))
        return rc;
    if ((rc = report_snapshot(s, *id, 1, &after, e)))
        goto out;
    rc = audit_append_id(s, u, now, old_id ? "report.reopen" : "report.create", "report", *id, before, after, e);
out:
    json_decref(before);
    json_decref(after);
    return rc;
}

dti_rc report_reopen_as(store *s, const auth_user *u, const report_key *key_in, const char *reason, time_t now,
                     int *version, dti_err *e)
{
    dti_rc rc;
    report_ver r;
    report_key key;
    int in_tx = 0;
    int64_t id = 0;
    char *why = text_clean(reason ? reason : "");
    report_key_canon(key_in, &key);
    if (version)
        *version = 0;
    if (!why)
        return app_nomem(e);
    if (!*why) {
        rc = dti_fail(e, DTI_ERR_INPUT, "reason", "mở lại báo cáo đã duyệt cần nêu lý do",
                      "reopening an approved report needs a reason");
        goto out;
    }
    if ((rc = reason_fits(why, e)))
        goto out;
    if ((rc = store_begin(s, e)))
        goto out;
    in_tx = 1;
    if ((rc = auth_can(s, u, AUTH_REVIEW, key.org_id, e)) || (rc = report_latest(s, &key, 0, &r, e)))
        goto out;
    if (!r.found) {
        rc = report_missing(&key, e);
        goto out;
    }
    if (r.state != REPORT_APPROVED) {
        rc = dti_fail(e, DTI_ERR_CONFLICT, "state",
                      "báo cáo kỳ %s (phiên bản %d) đang ở trạng thái \"%s\": chỉ mở lại được báo cáo đã duyệt",
                      "the %s report (version %d) is %s: only an approved report is reopened", key.period,
                      r.version, report_state_label(r.state));
        goto out;
    }
    if ((rc = rep_new_version(s, u, &key, &r, now, REPORT_RETURNED, why, &id, e)) || (rc = store_commit(s, e)))
        goto out;
    in_tx = 0;
    if (version)
        *version = r.version + 1;
out:
    if (in_tx)
        store_rollback(s);
    free(why);
    return rc;
}

/* ---- filling from CSV --------------------------------------------------------- */

enum { COL_KIND, COL_CODE, COL_NUM, COL_DEN, COL_VAL, COL_MET, COL_NOTE, COL_STATUS, COL_PCT,
       COL_PRODUCTS, NCOLS };
static const char *COL_NAMES[NCOLS][3] = {
    {"kind", "loai", NULL},       {"code", "ma", "ma so"},     {"numerator", "tu so", NULL},
    {"denominator", "mau so", NULL}, {"value", "gia tri", "so lieu"}, {"met", "dat", NULL},
    {"note", "ghi chu", NULL},    {"status", "trang thai", "tinh trang"}, {"percent", "phan tram", "ty le"},
    {"products", "san pham", NULL},
};

enum { ROW_INDICATOR, ROW_TASK, ROW_RESULTS, ROW_DIFFICULTIES, ROW_PROPOSALS };

typedef struct frow {
    int kind;
    int64_t item_id;
    int is_lead;
    int has_num, has_den, has_val, has_met, has_pct;
    double num, den, val, pct;
    int met;
    char *note, *status, *products;
} frow;

struct fill {
    store *s;
    const auth_user *u;
    report_key key;
    int year;
    int col[NCOLS];     /* field index of each column, -1 when absent */
    int header_done;
    frow *rows;
    size_t n, cap;
    /* the look-ups read before the lock, at these generations: through the
     * handle's item memo (store_report_item_lookup_at) */
    int memo;
    int64_t gen, shared;
};

static void frows_free(struct fill *f)
{
    for (size_t i = 0; i < f->n; i++) {
        free(f->rows[i].note);
        free(f->rows[i].status);
        free(f->rows[i].products);
    }
    free(f->rows);
}

static int fold_is(const char *folded, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (names[i] && strcmp(folded, names[i]) == 0)
            return 1;
    return 0;
}

static dti_rc read_header(struct fill *f, size_t line, char **fld, size_t n, dti_err *e)
{
    for (int c = 0; c < NCOLS; c++)
        f->col[c] = -1;
    for (size_t i = 0; i < n; i++) {
        char *h = text_fold(fld[i]);
        if (!h)
            return app_nomem(e);
        for (char *p = h; *p; p++)
            if (*p == '_')
                *p = ' ';
        int hit = -1;
        for (int c = 0; c < NCOLS && hit < 0; c++)
            if (fold_is(h, COL_NAMES[c], 3))
                hit = c;
        if (hit < 0 && *h) {
            dti_rc rc = dti_fail(e, DTI_ERR_INPUT, "csv",
                                 "dòng %zu: cột \"%s\" không biết (các cột: kind, code, numerator, "
                                 "denominator, value, met, note, status, percent, products)",
                                 "line %zu: unknown column \"%s\" (columns: kind, code, numerator, "
                                 "denominator, value, met, note, status, percent, products)", line, fld[i]);
            free(h);
            return rc;
        }
        free(h);
        if (hit >= 0) {
            if (f->col[hit] >= 0)
                return dti_fail(e, DTI_ERR_INPUT, "csv", "dòng %zu: cột \"%s\" lặp lại",
                                "line %zu: column \"%s\" twice", line, fld[i]);
            f->col[hit] = (int)i;
        }
    }
    if (f->col[COL_CODE] < 0 && f->col[COL_KIND] < 0)
        return dti_fail(e, DTI_ERR_INPUT, "csv",
                        "dòng %zu: thiếu hàng tiêu đề có cột code (mã chỉ tiêu, nhiệm vụ)",
                        "line %zu: no header row with a code column", line);
    return DTI_OK;
}

static const char *cell(const struct fill *f, char **fld, size_t n, int c)
{
    int i = f->col[c];
    if (i < 0 || (size_t)i >= n)
        return "";
    return fld[i];
}

/* Read cell S of column COL (its label for people) as KIND (base/num.h)
 * into *HAS and *V: DTI_ERR_INPUT naming the line, the item and the column
 * when it is not a number of that kind. */
static dti_rc cell_num(const char *s, num_kind kind, size_t line, const char *what, const char *code,
                       const char *col, const char *col_label, int *has, double *v, dti_err *e)
{
    num_read r;
    dti_err why;
    dti_err_clear(&why);
    *has = 0;
    if (num_parse(s, &r, &why) == DTI_OK && (!r.has || num_check(&r, kind, &why) == DTI_OK)) {
        *has = r.has;
        *v = r.has ? r.value : 0;
        return DTI_OK;
    }
    return dti_fail(e, DTI_ERR_INPUT, col, "dòng %zu, %s %s, cột %s: %s", "line %zu, %s %s, column %s: %s",
                    line, what, code, col_label, why.msg);
}

static int parse_yesno(const char *s, int *out)
{
    static const char *yes[] = {"co", "yes", "y", "1", "dat", "x", "true"};
    static const char *no[] = {"khong", "no", "n", "0", "chua dat", "false", "khong dat"};
    char *f = text_fold(s);
    int r = -1;
    if (!f)
        return -1;
    if (!*f)
        r = 0;
    for (size_t i = 0; r < 0 && i < sizeof yes / sizeof yes[0]; i++)
        if (strcmp(f, yes[i]) == 0) {
            *out = 1;
            r = 1;
        }
    for (size_t i = 0; r < 0 && i < sizeof no / sizeof no[0]; i++)
        if (strcmp(f, no[i]) == 0) {
            *out = 0;
            r = 1;
        }
    free(f);
    return r;
}

static const char *TASK_STATUS[5] = {"chưa triển khai", "đang triển khai", "hoàn thành", "quá hạn", "dừng"};

/* The canonical task status for S (Vietnamese with or without marks, or
 * English), or NULL. */
static const char *parse_status(const char *s)
{
    static const struct { const char *f; int i; } alias[] = {
        {"chua trien khai", 0}, {"not started", 0}, {"dang trien khai", 1}, {"in progress", 1},
        {"hoan thanh", 2}, {"done", 2}, {"completed", 2}, {"qua han", 3}, {"overdue", 3},
        {"dung", 4}, {"stopped", 4},
    };
    char *f = text_fold(s);
    const char *r = NULL;
    for (size_t i = 0; f && i < sizeof alias / sizeof alias[0]; i++)
        if (strcmp(f, alias[i].f) == 0)
            r = TASK_STATUS[alias[i].i];
    free(f);
    return r;
}

struct tgt {
    int best_year;
    char unit[64];
    char op[8];
    int has_value;
    double value;
};

/* One plan item a CSV row names, with the saving org's role on it and (an
 * indicator) the target that judges it: one statement a row
 * (store_report_item_lookup). */
struct item {
    int64_t id;
    char name[512];
    char group[64];
    int n;
    int role;      /* 2 lead, 1 support, 0 none (assignments in force) */
    struct tgt t;  /* zero when none */
};

static int item_row(void *ctx, const store_row *r)
{
    struct item *it = ctx;
    it->n++;
    it->id = r->v[0].i;
    snprintf(it->name, sizeof it->name, "%s", app_col(r, 1) ? app_col(r, 1) : "");
    it->role = r->v[2].i ? 2 : r->v[3].i ? 1 : 0;
    memset(&it->t, 0, sizeof it->t);
    /* columns 4..8: the target's year, op, value, unit, text (NULL: none) */
    if (r->v[4].t == SV_INT) {
        struct tgt *t = &it->t;
        t->best_year = (int)r->v[4].i;
        snprintf(t->unit, sizeof t->unit, "%s", app_col(r, 7) ? app_col(r, 7) : "");
        snprintf(t->op, sizeof t->op, "%s", app_col(r, 5) ? app_col(r, 5) : "");
        t->has_value = r->v[6].t == SV_INT || r->v[6].t == SV_REAL;
        t->value = r->v[6].t == SV_REAL ? r->v[6].d : (double)r->v[6].i;
    }
    return 0;
}

/* Look CODE up among the plan's indicators (IS_TASK 0) or tasks, with
 * ORG's role on it and the target judging it in YEAR. "G/C" names group
 * G's code C. IT->n = number of matches. */
static dti_rc find_item(const struct fill *f, int is_task, const char *code, struct item *it, dti_err *e)
{
    char grp[64] = "";
    const char *c = code;
    const char *slash = strchr(code, '/');
    memset(it, 0, sizeof *it);
    if (slash && (size_t)(slash - code) < sizeof grp) {
        memcpy(grp, code, (size_t)(slash - code));
        grp[slash - code] = 0;
        c = slash + 1;
    }
    if (f->memo)
        return store_report_item_lookup_at(f->s, f->gen, f->shared, f->key.plan_id, is_task, c, grp[0] ? grp : NULL,
                                           f->key.org_id, f->year, item_row, it, e);
    return store_report_item_lookup(f->s, f->key.plan_id, is_task, c, grp[0] ? grp : NULL, f->key.org_id, f->year,
                                    item_row, it, e);
}

static char *clean_limited(const char *s, const char *what, size_t line, dti_err *e, dti_rc *rc)
{
    char *c = text_clean(s);
    *rc = DTI_OK;
    if (!c) {
        *rc = app_nomem(e);
        return NULL;
    }
    if (strlen(c) > REPORT_TEXT_MAX) {
        *rc = dti_fail(e, DTI_ERR_TOOBIG, "csv", "dòng %zu: %s dài quá %d byte",
                       "line %zu: %s is over %d bytes", line, what, REPORT_TEXT_MAX);
        free(c);
        return NULL;
    }
    if (!*c) {
        free(c);
        return NULL;
    }
    return c;
}

#define VALUE_TOLERANCE 0.05

/* The kind of figure a numeric target T asks for: a count when its unit is
 * a thing counted ("hệ thống", "doanh nghiệp": words, no "/") and its value
 * whole; else a measure (a ratio "doanh nghiệp/1.000 dân", an index). */
static num_kind kind_of(const struct tgt *t)
{
    if (!t->op[0] || !t->unit[0] || strchr(t->unit, '/') || !t->has_value || t->value != floor(t->value))
        return NUM_MEASURE;
    return NUM_COUNT;
}

static dti_rc fill_row(void *ctx, size_t line, char **fld, size_t n, dti_err *e)
{
    struct fill *f = ctx;
    dti_rc rc;
    if (!f->header_done) {
        f->header_done = 1;
        return read_header(f, line, fld, n, e);
    }
    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 32;
        frow *v = realloc(f->rows, cap * sizeof *v);
        if (!v)
            return app_nomem(e);
        f->rows = v;
        f->cap = cap;
    }
    frow *r = &f->rows[f->n];
    memset(r, 0, sizeof *r);
    f->n++;

    const char *kind = cell(f, fld, n, COL_KIND);
    char *code = text_clean(cell(f, fld, n, COL_CODE));
    char *fk = text_fold(kind);
    if (!code || !fk) {
        free(code);
        free(fk);
        return app_nomem(e);
    }
    int k = -1;
    if (!*fk)
        k = -1;
    else if (!strcmp(fk, "indicator") || !strcmp(fk, "chi tieu") || !strcmp(fk, "chi so"))
        k = ROW_INDICATOR;
    else if (!strcmp(fk, "task") || !strcmp(fk, "nhiem vu"))
        k = ROW_TASK;
    else if (!strcmp(fk, "results") || !strcmp(fk, "ket qua"))
        k = ROW_RESULTS;
    else if (!strcmp(fk, "difficulties") || !strcmp(fk, "kho khan"))
        k = ROW_DIFFICULTIES;
    else if (!strcmp(fk, "proposals") || !strcmp(fk, "de xuat"))
        k = ROW_PROPOSALS;
    else {
        rc = dti_fail(e, DTI_ERR_INPUT, "csv",
                      "dòng %zu: loại \"%s\" không biết (indicator, task, results, difficulties, proposals)",
                      "line %zu: unknown kind \"%s\" (indicator, task, results, difficulties, proposals)",
                      line, kind);
        goto out;
    }
    struct item it;
    if (k < 0 || k == ROW_INDICATOR || k == ROW_TASK) {
        if (!*code) {
            rc = dti_fail(e, DTI_ERR_INPUT, "csv", "dòng %zu: thiếu mã chỉ tiêu hoặc nhiệm vụ",
                          "line %zu: no indicator or task code", line);
            goto out;
        }
        int is_task = k == ROW_TASK;
        if ((rc = find_item(f, is_task, code, &it, e)))
            goto out;
        if (k < 0 && it.n == 0) {
            is_task = 1;
            if ((rc = find_item(f, 1, code, &it, e)))
                goto out;
        } else if (k < 0) {
            struct item t2;
            if ((rc = find_item(f, 1, code, &t2, e)))
                goto out;
            if (t2.n) {
                rc = dti_fail(e, DTI_ERR_INPUT, "csv",
                              "dòng %zu: mã %s là cả chỉ tiêu và nhiệm vụ: thêm cột kind",
                              "line %zu: code %s is both an indicator and a task: add a kind column",
                              line, code);
                goto out;
            }
        }
        if (it.n == 0) {
            rc = dti_fail(e, DTI_ERR_INPUT, "csv", "dòng %zu: kế hoạch không có %s mã %s",
                          "line %zu: the plan has no %s with code %s", line,
                          k < 0 ? TR("chỉ tiêu hay nhiệm vụ", "indicator or task")
                                : is_task ? TR("nhiệm vụ", "task") : TR("chỉ tiêu", "indicator"), code);
            goto out;
        }
        if (it.n > 1) {
            rc = dti_fail(e, DTI_ERR_INPUT, "csv",
                          "dòng %zu: mã %s có ở %d nhóm: viết NHÓM/MÃ (ví dụ 2/%s)",
                          "line %zu: code %s is in %d groups: write GROUP/CODE (for example 2/%s)",
                          line, code, it.n, code);
            goto out;
        }
        r->kind = is_task ? ROW_TASK : ROW_INDICATOR;
        r->item_id = it.id;
        int role = it.role;
        if (role == 0) {
            rc = dti_fail(e, DTI_ERR_PERM, "csv",
                          "dòng %zu: đơn vị không được phân công %s %s (%s)",
                          "line %zu: the org is not assigned %s %s (%s)", line,
                          is_task ? TR("nhiệm vụ", "task") : TR("chỉ tiêu", "indicator"), code, it.name);
            goto out;
        }
        r->is_lead = role == 2;
    } else {
        r->kind = k;
    }
    if ((r->note = clean_limited(cell(f, fld, n, COL_NOTE), "note", line, e, &rc)), rc)
        goto out;
    if (r->kind == ROW_INDICATOR) {
        const struct tgt t = it.t;
        int rate = strcmp(t.unit, "%") == 0;
        int text = strcmp(t.op, "text") == 0;
        num_kind vk = text ? NUM_LEVEL : rate ? NUM_RATE : kind_of(&t);
        const char *what = TR("chỉ tiêu", "indicator");
        if ((rc = cell_num(cell(f, fld, n, COL_NUM), NUM_MEASURE, line, what, code, "numerator",
                           TR("tử số", "numerator"), &r->has_num, &r->num, e)) ||
            (rc = cell_num(cell(f, fld, n, COL_DEN), NUM_MEASURE, line, what, code, "denominator",
                           TR("mẫu số", "denominator"), &r->has_den, &r->den, e)))
            goto out;
        /* a rate's value is checked once computed from its counts */
        if ((rc = cell_num(cell(f, fld, n, COL_VAL), r->has_den && vk == NUM_RATE ? NUM_MEASURE : vk, line,
                           what, code, "value", text ? TR("giá trị (mức đạt 0..1)", "value (level 0..1)")
                                                     : TR("giá trị", "value"), &r->has_val, &r->val, e)))
            goto out;
        int m = parse_yesno(cell(f, fld, n, COL_MET), &r->met);
        if (m < 0) {
            rc = dti_fail(e, DTI_ERR_INPUT, "met", "dòng %zu, chỉ tiêu %s: cột met phải là có/không",
                          "line %zu, indicator %s: met must be yes/no", line, code);
            goto out;
        }
        r->has_met = m == 1;
        if (!r->is_lead && (r->has_num || r->has_den || r->has_val || r->has_met)) {
            rc = dti_fail(e, DTI_ERR_PERM, "csv",
                          "dòng %zu, chỉ tiêu %s: đơn vị chỉ phối hợp, chỉ được ghi chú và đính kèm "
                          "tài liệu; số liệu do đơn vị chủ trì báo cáo",
                          "line %zu, indicator %s: a support org adds notes and evidence only; the lead "
                          "reports the value", line, code);
            goto out;
        }
        if (text) {
            /* a text target is met or not, or met to a stated level 0..1
             * (core/score.h): both are scored; counts are not */
            if (r->has_num || r->has_den) {
                rc = dti_fail(e, DTI_ERR_INPUT, r->has_num ? "numerator" : "denominator",
                              "dòng %zu, chỉ tiêu %s (%s): mục tiêu định tính không có tử số/mẫu số; ghi "
                              "cột met (có/không) hoặc mức đạt từ 0 đến 1 ở cột value",
                              "line %zu, indicator %s (%s): a text target has no numerator/denominator; "
                              "give met (yes/no) or a level 0 to 1 in value", line, code, it.name);
                goto out;
            }
            if (r->has_met && r->has_val && (r->met ? r->val < 1 : r->val >= 1)) {
                rc = dti_fail(e, DTI_ERR_INPUT, "met",
                              "dòng %zu, chỉ tiêu %s (%s): cột met (%s) trái với mức đạt %g (1 là đạt)",
                              "line %zu, indicator %s (%s): met (%s) contradicts the level %g (1 is met)",
                              line, code, it.name, r->met ? TR("có", "yes") : TR("không", "no"), r->val);
                goto out;
            }
        } else if (r->has_met && t.op[0]) {
            rc = dti_fail(e, DTI_ERR_INPUT, "met",
                          "dòng %zu, chỉ tiêu %s (%s): mục tiêu là một con số, cột met (có/không) không được "
                          "tính điểm; ghi số liệu ở cột value hoặc tử số/mẫu số",
                          "line %zu, indicator %s (%s): the target is a number, met (yes/no) would not be "
                          "scored; give the figure in value or numerator/denominator", line, code, it.name);
            goto out;
        }
        if (r->has_num != r->has_den) {
            rc = dti_fail(e, DTI_ERR_INPUT, r->has_num ? "denominator" : "numerator",
                          "dòng %zu, chỉ tiêu %s (%s): cần cả tử số và mẫu số",
                          "line %zu, indicator %s (%s): both numerator and denominator are needed",
                          line, code, it.name);
            goto out;
        }
        if (r->has_den) {
            if (r->den <= 0) {
                rc = dti_fail(e, DTI_ERR_INPUT, "denominator",
                              "dòng %zu, chỉ tiêu %s (%s): mẫu số phải lớn hơn 0 (đã ghi %g)",
                              "line %zu, indicator %s (%s): the denominator must be above 0 (got %g)",
                              line, code, it.name, r->den);
                goto out;
            }
            if (r->num > r->den) {
                rc = dti_fail(e, DTI_ERR_INPUT, "numerator",
                              "dòng %zu, chỉ tiêu %s (%s): tử số phải từ 0 đến mẫu số (%g/%g)",
                              "line %zu, indicator %s (%s): the numerator must be 0 to the denominator (%g/%g)",
                              line, code, it.name, r->num, r->den);
                goto out;
            }
            double v = r->num / r->den * (rate ? 100.0 : 1.0);
            if (r->has_val && fabs(v - r->val) > VALUE_TOLERANCE) {
                rc = dti_fail(e, DTI_ERR_INPUT, "value",
                              "dòng %zu, chỉ tiêu %s (%s): giá trị %g không khớp tử số/mẫu số (%g)",
                              "line %zu, indicator %s (%s): value %g does not match numerator/denominator (%g)",
                              line, code, it.name, r->val, v);
                goto out;
            }
            r->val = v;
            r->has_val = 1;
        }
    } else if (r->kind == ROW_TASK) {
        const char *st = cell(f, fld, n, COL_STATUS);
        if ((rc = cell_num(cell(f, fld, n, COL_PCT), NUM_RATE, line, TR("nhiệm vụ", "task"), code, "percent",
                           TR("phần trăm", "percent"), &r->has_pct, &r->pct, e)))
            goto out;
        int p = r->has_pct;
        if ((r->products = clean_limited(cell(f, fld, n, COL_PRODUCTS), "products", line, e, &rc)), rc)
            goto out;
        if (!r->is_lead && (*st || p != 0 || r->products)) {
            rc = dti_fail(e, DTI_ERR_PERM, "csv",
                          "dòng %zu, nhiệm vụ %s: đơn vị chỉ phối hợp, chỉ được ghi chú và đính kèm tài liệu",
                          "line %zu, task %s: a support org adds notes and evidence only", line, code);
            goto out;
        }
        if (r->is_lead) {
            const char *cs = parse_status(st);
            if (!cs) {
                rc = dti_fail(e, DTI_ERR_INPUT, "csv",
                              "dòng %zu, nhiệm vụ %s: tình trạng \"%s\" không hợp lệ (chưa triển khai, "
                              "đang triển khai, hoàn thành, quá hạn, dừng)",
                              "line %zu, task %s: status \"%s\" is not one of chưa triển khai, đang triển "
                              "khai, hoàn thành, quá hạn, dừng", line, code, st);
                goto out;
            }
            if (!(r->status = text_dup(cs))) {
                rc = app_nomem(e);
                goto out;
            }
        }
    }
    rc = DTI_OK;
out:
    free(code);
    free(fk);
    return rc;
}

void (*report_fill_between)(void *ctx);
void *report_fill_between_ctx;
atomic_ulong report_fill_reread;

/* Forget F's rows (read before the lock, now stale) and its header. */
static void fill_reset(struct fill *f)
{
    frows_free(f);
    f->rows = NULL;
    f->n = f->cap = 0;
    f->header_done = 0;
}

/* What the rows were read against (store_report_plan_gen). */
struct rows_gen {
    int64_t gen, shared;
};

/* Read CSV's rows into F in a read transaction of their own, before the
 * write lock, with the generations they were read at into *G: 1 when every
 * row read well (F holds them), else 0 and F is as before (a failure is
 * reported by the second reading, under the lock and after the
 * permission checks, so that nothing is told before those). */
static int fill_prepare(struct fill *f, const char *csv, size_t n, struct rows_gen *g)
{
    dti_err e;
    int found = 0, ok = 0;
    dti_err_clear(&e);
    if (store_begin_read(f->s, &e))
        return 0;
    ok = store_report_plan_gen(f->s, f->key.plan_id, &g->gen, &g->shared, &found, &e) == DTI_OK && found;
    if (ok) {
        f->memo = 1;
        f->gen = g->gen;
        f->shared = g->shared;
        ok = csv_parse("CSV", csv, n, REPORT_CSV_MAX_ROWS, fill_row, f, &e) == DTI_OK && f->n > 0;
        f->memo = 0;
    }
    store_rollback(f->s);
    if (!ok)
        fill_reset(f);
    return ok;
}

dti_rc report_fill_csv_as(store *s, const auth_user *u, const report_key *key_in, const char *csv,
                       size_t n, time_t now, report_fill_result *out, dti_err *e)
{
    dti_rc rc;
    struct fill f;
    report_ver r;
    char *before = NULL, *after = NULL;   /* the images, as JSON text */
    int in_tx = 0, newv = 0;
    char ts[AUTH_TS_LEN];
    period p;

    memset(&f, 0, sizeof f);
    memset(out, 0, sizeof *out);
    report_key_canon(key_in, &f.key);
    f.s = s;
    f.u = u;
    if (n > REPORT_CSV_MAX_BYTES)
        return dti_fail(e, DTI_ERR_TOOBIG, "csv", "tệp CSV lớn quá %zu byte", "the CSV file is over %zu bytes",
                        REPORT_CSV_MAX_BYTES);
    char rk;
    int rn;
    if (period_request_parse(f.key.period, &rk, &f.year, &rn) == 0) {
        /* a request's period: its year's targets; report_for_write checks it */
    } else if (period_parse(f.key.period, &p) != 0) {
        rc = report_check_period(s, f.key.plan_id, f.key.period, e);
        return rc ? rc : dti_fail(e, DTI_ERR_INPUT, "period", "kỳ báo cáo \"%s\" không hợp lệ",
                                  "\"%s\" is not a period", f.key.period);
    } else {
        f.year = p.year;
    }
    /* The rows read before the write lock (see "Saves off the write lock"
     * at the top of this file): kept only when they all read well and the
     * generation has not moved by the time the lock is held. */
    int pre = 0, tried = !store_in_transaction(s);
    struct rows_gen g0;
    if (tried) {
        pre = fill_prepare(&f, csv, n, &g0);
        if (report_fill_between)
            report_fill_between(report_fill_between_ctx);
    }
    if ((rc = store_begin(s, e)))
        goto out;
    in_tx = 1;
    if ((rc = report_for_write(s, u, &f.key, now, &r, &newv, e)))
        goto out;
    if (pre) {
        struct rows_gen g1;
        int found = 0;
        if ((rc = store_report_plan_gen(s, f.key.plan_id, &g1.gen, &g1.shared, &found, e)))
            goto out;
        if (!found || g1.gen != g0.gen || g1.shared != g0.shared) {
            fill_reset(&f);
            pre = 0;
        }
    }
    if (tried && !pre)
        atomic_fetch_add_explicit(&report_fill_reread, 1, memory_order_relaxed);
    if (!pre && (rc = csv_parse("CSV", csv, n, REPORT_CSV_MAX_ROWS, fill_row, &f, e)))
        goto out;
    if (f.n == 0) {
        rc = dti_fail(e, DTI_ERR_INPUT, "csv", "tệp CSV không có dòng số liệu nào",
                      "the CSV file has no data rows");
        goto out;
    }
    if ((rc = report_snapshot_text(s, r.id, &before, e)))
        goto out;
    for (size_t i = 0; i < f.n; i++) {
        frow *x = &f.rows[i];
        if (x->kind == ROW_INDICATOR) {
            store_report_value v = {x->item_id, x->has_num, x->has_den, x->has_val, x->num, x->den, x->val,
                                    x->has_met ? x->met : -1, x->note};
            rc = store_report_value_put(s, r.id, &v, e);
            out->values++;
        } else if (x->kind == ROW_TASK) {
            rc = store_report_task_put(s, r.id, x->item_id, x->status, x->has_pct, x->pct, x->products, x->note, e);
            out->tasks++;
        } else {
            store_report_text which = x->kind == ROW_RESULTS ? STORE_REPORT_RESULTS
                                    : x->kind == ROW_DIFFICULTIES ? STORE_REPORT_DIFFICULTIES : STORE_REPORT_PROPOSALS;
            rc = store_report_text_set(s, r.id, which, x->note, e);
            out->texts++;
        }
        if (rc)
            goto out;
    }
    if ((rc = store_report_touch(s, r.id, auth_ts(now, ts), e)))
        goto out;
    if ((rc = report_snapshot_text(s, r.id, &after, e)))
        goto out;
    if ((rc = audit_append_text(s, u, now, "report.fill", "report", r.id, before, after, e)))
        goto out;
    if ((rc = store_commit(s, e)))
        goto out;
    in_tx = 0;
    out->report_id = r.id;
    out->version = r.version;
    out->new_version = newv;
out:
    if (in_tx)
        store_rollback(s);
    if (rc)
        memset(out, 0, sizeof *out);
    free(before);
    free(after);
    frows_free(&f);
    return rc;
}

/* ---- state machine -------------------------------------------------------------- */

/* The commune KEY's org belongs to (itself when it is one), or 0. */
static dti_rc commune_of(store *s, int64_t org_id, int64_t *commune, dti_err *e)
{
    dti_rc rc;
    int64_t org = org_id;
    *commune = 0;
    for (int d = 0; d < AUTH_TREE_DEPTH_MAX && org > 0; d++) {
        char *kind = NULL;
        int64_t parent = 0;
        if ((rc = store_report_org_kind(s, org, &kind, e)))
            return rc;
        int is_commune = kind && strcmp(kind, "commune") == 0;
        free(kind);
        if (is_commune) {
            *commune = org;
            return DTI_OK;
        }
        if ((rc = store_report_org_parent(s, org, &parent, NULL, e)))
            return rc;
        org = parent;
    }
    return DTI_OK;
}

/* Refuse U approving report ID when U filled or submitted it (created it,
 * filled it, attached evidence to it, submitted it), unless the commune
 * allows it (report_set_self_approval): then *SELF = 1. */
static dti_rc check_not_own(store *s, const auth_user *u, const report_key *key, int64_t id, int *self, dti_err *e)
{
    dti_rc rc;
    int64_t n = 0, commune = 0, allow = 0;
    *self = 0;
    if ((rc = store_report_authored(s, id, u->id, &n, e)))
        return rc;
    if (n == 0)
        return DTI_OK;
    if ((rc = commune_of(s, key->org_id, &commune, e)))
        return rc;
    if (commune && (rc = store_report_self_approval_get(s, commune, &allow, NULL, e)))
        return rc;
    if (allow) {
        *self = 1;
        return DTI_OK;
    }
    return dti_fail(e, DTI_ERR_PERM, "approve",
                    "%s đã nhập hoặc nộp báo cáo kỳ %s nên không tự duyệt được: người khác phải duyệt (xã chỉ có "
                    "một cán bộ thì quản trị viên cho phép: dti report self-approval XÃ on --reason \"...\")",
                    "%s filled or submitted the %s report and may not approve it: someone else must (a commune "
                    "with a single official may allow it: dti report self-approval COMMUNE on --reason \"...\")",
                    u->name, key->period);
}

dti_rc report_set_self_approval_as(store *s, const auth_user *u, int64_t org_id, int allow, const char *reason,
                                time_t now, dti_err *e)
{
    dti_rc rc;
    int in_tx = 0;
    int64_t old = 0;
    int found = 0;
    char ts[AUTH_TS_LEN], *kind = NULL;
    json_t *b = NULL, *a = NULL;
    char *why = text_clean(reason ? reason : "");
    if (!why)
        return app_nomem(e);
    if (allow && !*why) {
        rc = dti_fail(e, DTI_ERR_INPUT, "reason", "cho phép tự duyệt cần nêu lý do (ví dụ: xã chỉ có một cán bộ)",
                      "allowing self-approval needs a reason (for example: the commune has a single official)");
        goto out;
    }
    if ((rc = reason_fits(why, e)))
        goto out;
    if ((rc = store_begin(s, e)))
        goto out;
    in_tx = 1;
    if ((rc = auth_can(s, u, AUTH_USER_ADMIN, org_id, e)))
        goto out;
    if ((rc = store_report_org_kind(s, org_id, &kind, e)))
        goto out;
    if (!kind || strcmp(kind, "commune") != 0) {
        rc = dti_fail(e, DTI_ERR_INPUT, "org", "tự duyệt chỉ đặt cho một xã (đơn vị số %lld không phải xã)",
                      "self-approval is set for a commune (org %lld is not one)", (long long)org_id);
        goto out;
    }
    if ((rc = store_report_self_approval_get(s, org_id, &old, &found, e)) ||
        (rc = store_report_self_approval_put(s, org_id, allow, u->id, auth_ts(now, ts), *why ? why : NULL, e)))
        goto out;
    b = json_pack("{s:b}", "allow_self_approval", (int)old);
    a = json_pack("{s:b, s:s}", "allow_self_approval", allow ? 1 : 0, "reason", why);
    if (!a || !b) {
        rc = app_nomem(e);
        goto out;
    }
    if ((rc = audit_append_id(s, u, now, "org.self_approval", "org", org_id, b, a, e)) || (rc = store_commit(s, e)))
        goto out;
    in_tx = 0;
out:
    if (in_tx)
        store_rollback(s);
    free(kind);
    free(why);
    json_decref(a);
    json_decref(b);
    return rc;
}

/* Move KEY's newest report from one of the states in FROM (bit mask) to TO
 * under U, setting the timestamp column TS_COL (may be NULL) and REASON. */
static dti_rc transition(store *s, const auth_user *u, const report_key *key_in, auth_action act,
                         unsigned from, report_state to, const char *ts_col, const char *reason,
                         const char *action, time_t now, size_t *missing, dti_err *e)
{
    dti_rc rc;
    report_ver r;
    json_t *before = NULL, *after = NULL;
    int in_tx = 0;
    char ts[AUTH_TS_LEN];
    report_key key;
    report_key_canon(key_in, &key);
    auth_ts(now, ts);
    if ((rc = store_begin(s, e)))
        goto out;
    in_tx = 1;
    if ((rc = auth_can(s, u, act, key.org_id, e)))
        goto out;
    if ((rc = report_latest(s, &key, 0, &r, e)))
        goto out;
    if (!r.found) {
        rc = report_missing(&key, e);
        goto out;
    }
    if (!(from & (1u << r.state))) {
        rc = dti_fail(e, DTI_ERR_CONFLICT, "state",
                      "báo cáo kỳ %s (phiên bản %d) đang ở trạng thái \"%s\": không thể %s",
                      "the %s report (version %d) is %s: cannot %s", key.period, r.version,
                      report_state_label(r.state), action);
        goto out;
    }
    if (to == REPORT_SUBMITTED) {
        int64_t nv = 0, nt = 0, nx = 0;
        if ((rc = store_report_entries(s, r.id, &nv, &nt, &nx, e)))
            goto out;
        if (nv + nt + nx == 0) {
            rc = dti_fail(e, DTI_ERR_CONFLICT, "report", "báo cáo kỳ %s còn trống: chưa nộp được",
                          "the %s report is empty: nothing to submit", key.period);
            goto out;
        }
        if (missing) {
            int64_t m = 0;
            if ((rc = store_report_missing(s, key.plan_id, key.org_id, r.id, &m, e)))
                goto out;
            *missing = (size_t)m;
        }
    }
    int self = 0;
    if (to == REPORT_APPROVED && (rc = check_not_own(s, u, &key, r.id, &self, e)))
        goto out;
    if ((rc = report_snapshot(s, r.id, 0, &before, e)))
        goto out;
    if (to == REPORT_SUBMITTED)     /* the first submission of a version stays its submission time */
        rc = store_report_mark_submitted(s, r.id, report_state_name(to), ts, u->id, reason, e);
    else
        rc = store_report_mark_reviewed(s, r.id, report_state_name(to), to == REPORT_APPROVED, ts, u->id, reason,
                                        self, e);
    if (rc)
        goto out;
    if ((rc = report_snapshot(s, r.id, 0, &after, e)))
        goto out;
    char act_name[32];
    snprintf(act_name, sizeof act_name, "report.%s",
             to == REPORT_SUBMITTED ? "submit" : to == REPORT_RETURNED ? "return"
             : self ? "approve_own" : "approve");
    if ((rc = audit_append_id(s, u, now, act_name, "report", r.id, before, after, e)))
        goto out;
    if ((rc = store_commit(s, e)))
        goto out;
    in_tx = 0;
out:
    if (in_tx)
        store_rollback(s);
    json_decref(before);
    json_decref(after);
    return rc;
}

dti_rc report_submit_as(store *s, const auth_user *u, const report_key *key, time_t now,
                     size_t *missing, dti_err *e)
{
    if (missing)
        *missing = 0;
    /* a draft saved before its request was cancelled stays, but is not sent */
    char rk;
    int ry, rn;
    dti_rc rc;
    if (period_request_parse(key->period, &rk, &ry, &rn) == 0 &&
        (rc = plans_request_open_for_reports(s, key->plan_id, key->period, e)))
        return rc;
    return transition(s, u, key, AUTH_REPORT_WRITE, (1u << REPORT_DRAFT) | (1u << REPORT_RETURNED),
                      REPORT_SUBMITTED, "submitted_at", NULL, TR("nộp", "submit"), now, missing, e);
}

dti_rc report_return_as(store *s, const auth_user *u, const report_key *key, const char *reason,
                     time_t now, dti_err *e)
{
    char *r = text_clean(reason ? reason : "");
    dti_rc rc;
    if (!r)
        return app_nomem(e);
    if (!*r)
        rc = dti_fail(e, DTI_ERR_INPUT, "reason", "trả lại báo cáo cần nêu lý do",
                      "returning a report needs a reason");
    else if (!(rc = reason_fits(r, e)))
        rc = transition(s, u, key, AUTH_REVIEW, 1u << REPORT_SUBMITTED, REPORT_RETURNED, "returned_at", r,
                        TR("trả lại", "return"), now, NULL, e);
    free(r);
    return rc;
}

dti_rc report_approve_as(store *s, const auth_user *u, const report_key *key, time_t now, dti_err *e)
{
    return transition(s, u, key, AUTH_REVIEW, 1u << REPORT_SUBMITTED, REPORT_APPROVED, "approved_at", NULL,
                      TR("duyệt", "approve"), now, NULL, e);
}

/* ---- reading --------------------------------------------------------------- */

/* The units' deadline of PLAN_ID's period CODE as a day (PERIOD_NO_DAY
 * when the calendar gives none). */
dti_rc report_unit_due(store *s, int64_t plan_id, const char *code, int32_t *due, dti_err *e)
{
    char *d = NULL;
    *due = PERIOD_NO_DAY;
    dti_rc rc = store_report_period_unit_due(s, plan_id, code, &d, e);
    if (rc)
        return rc;
    int32_t day;
    if (d && period_date_parse(d, &day) == 0)
        *due = day;
    free(d);
    return DTI_OK;
}

json_t *report_timeliness_json(const char *submitted_at, int32_t due, time_t now)
{
    time_t sub = report_ts_parse(submitted_at);
    int late = 0;
    period_timely t = period_timeliness(sub >= 0, sub, due, now, &late);
    char d[PERIOD_DATE_LEN];
    return json_pack("{s:s, s:s, s:i, s:o}", "status", period_timely_name(t), "label", period_timely_label(t),
                     "late_days", late, "deadline",
                     due == PERIOD_NO_DAY ? json_null() : json_string(period_date_vn(due, d)));
}

struct show {
    json_t *arr;
    int nomem;
    int kind;
};

static int show_value(void *ctx, const store_row *r)
{
    struct show *x = ctx;
    json_t *v;
    if (x->kind == 0)
        v = json_pack("{s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:o}",
                      "code", app_col(r, 0) ? app_col(r, 0) : "", "name", app_col(r, 1) ? app_col(r, 1) : "",
                      "numerator", num_or_null(r, 2), "denominator", num_or_null(r, 3),
                      "value", num_or_null(r, 4),
                      "met", r->v[5].t == SV_NULL ? json_null() : json_boolean(r->v[5].i),
                      "note", str_or_null(r, 6), "role", str_or_null(r, 7));
    else if (x->kind == 1)
        v = json_pack("{s:s, s:s, s:o, s:o, s:o, s:o}",
                      "code", app_col(r, 0) ? app_col(r, 0) : "", "name", app_col(r, 1) ? app_col(r, 1) : "",
                      "status", str_or_null(r, 2), "percent", num_or_null(r, 3),
                      "products", str_or_null(r, 4), "note", str_or_null(r, 5));
    else if (x->kind == 2)
        v = json_pack("{s:I, s:s, s:s, s:I, s:s, s:o, s:o, s:b, s:s}",
                      "id", (json_int_t)r->v[0].i, "name", app_col(r, 1) ? app_col(r, 1) : "",
                      "sha256", app_col(r, 2) ? app_col(r, 2) : "", "size", (json_int_t)r->v[3].i,
                      "media_type", app_col(r, 4) ? app_col(r, 4) : "",
                      "indicator", str_or_null(r, 5), "task", str_or_null(r, 6), "checked", (int)r->v[7].i,
                      "org", app_col(r, 8) ? app_col(r, 8) : "");
    else
        v = json_pack("{s:s, s:s, s:s, s:o, s:I}",
                      "org", app_col(r, 0) ? app_col(r, 0) : "", "indicator", app_col(r, 1) ? app_col(r, 1) : "",
                      "kind", app_col(r, 2) ? app_col(r, 2) : "", "note", str_or_null(r, 3),
                      "version", (json_int_t)r->v[4].i);
    if (!v || json_array_append_new(x->arr, v)) {
        x->nomem = 1;
        return 1;
    }
    return 0;
}

/* Set O's FIELD to the rows of the show list KIND (show_value) of report
 * RID (its plan PL, org OG). */
static dti_rc show_list(store *s, json_t *o, const char *field, int kind, int64_t pl, int64_t og, int64_t rid,
                        dti_err *e)
{
    struct show x = {json_array(), 0, kind};
    if (!x.arr || json_object_set_new(o, field, x.arr))
        return app_nomem(e);
    dti_rc rc = kind == 0 ? store_report_show_values(s, pl, og, rid, show_value, &x, e)
              : kind == 1 ? store_report_show_tasks(s, rid, show_value, &x, e)
              : kind == 2 ? store_report_show_evidence(s, pl, og, rid, show_value, &x, e)
                          : store_report_show_support(s, pl, og, rid, show_value, &x, e);
    if (!rc && x.nomem)
        rc = app_nomem(e);
    return rc;
}

/* The self_approved column of store_report_head into *CTX (an int64_t). */
static int self_row(void *ctx, const store_row *r)
{
    *(int64_t *)ctx = r->n > 13 && r->v[13].t == SV_INT ? r->v[13].i : 0;
    return 1;
}

dti_rc report_show_as(store *s, const auth_user *u, const report_key *key_in, int version, time_t now,
                   json_t **out, dti_err *e)
{
    dti_rc rc;
    report_ver r;
    json_t *o = NULL;
    char *org = NULL;
    char *sub = NULL;
    report_key key;
    report_key_canon(key_in, &key);
    *out = NULL;
    if ((rc = auth_can(s, u, AUTH_READ, key.org_id, e)))
        return rc;
    if ((rc = report_latest(s, &key, version, &r, e)))
        return rc;
    if (!r.found)
        return report_missing(&key, e);
    if ((rc = report_snapshot(s, r.id, 0, &o, e)))
        return rc;
    if ((rc = store_report_org_name(s, key.org_id, &org, e)))
        goto fail;
    int64_t nver = 0;
    /* timeliness: by the first submission of any version */
    if ((rc = store_report_version_stats(s, key.plan_id, key.org_id, key.period, &nver, &sub, e)))
        goto fail;
    int32_t due;
    if ((rc = report_unit_due(s, key.plan_id, key.period, &due, e)))
        goto fail;
    /* approved by the one who filled or submitted it, as the commune allows */
    int64_t self_approved = 0;
    if ((rc = store_report_head(s, r.id, self_row, &self_approved, e)))
        goto fail;
    if (json_object_set_new(o, "org", json_string(org ? org : "")) ||
        json_object_set_new(o, "state_label", json_string(report_state_label(r.state))) ||
        json_object_set_new(o, "versions", json_integer(nver)) ||
        json_object_set_new(o, "self_approved", json_boolean(self_approved)) ||
        json_object_set_new(o, "first_submitted_at", sub ? json_string(sub) : json_null()) ||
        json_object_set_new(o, "timeliness", report_timeliness_json(sub, due, now))) {
        rc = app_nomem(e);
        goto fail;
    }
    int64_t rid = r.id, pl = key.plan_id, og = key.org_id;
    if ((rc = show_list(s, o, "values", 0, pl, og, rid, e)) || (rc = show_list(s, o, "tasks", 1, pl, og, rid, e)) ||
        (rc = show_list(s, o, "evidence", 2, pl, og, rid, e)) || (rc = show_list(s, o, "support", 3, pl, og, rid, e)))
        goto fail;
    free(org);
    free(sub);
    *out = o;
    return DTI_OK;
fail:
    free(org);
    free(sub);
    json_decref(o);
    return rc;
}

struct vers {
    json_t *arr;
    store *s;
    int nomem;
    dti_rc rc;
    dti_err *e;
};

static int vers_row(void *ctx, const store_row *r)
{
    struct vers *v = ctx;
    json_t *o = json_pack("{s:I, s:I, s:s, s:s, s:o, s:o, s:o, s:o}", "id", (json_int_t)r->v[0].i,
                          "version", (json_int_t)r->v[1].i, "state", app_col(r, 2) ? app_col(r, 2) : "",
                          "created_at", app_col(r, 3) ? app_col(r, 3) : "", "submitted_at", str_or_null(r, 4),
                          "returned_at", str_or_null(r, 5), "approved_at", str_or_null(r, 6),
                          "reason", str_or_null(r, 7));
    if (!o || json_array_append_new(v->arr, o)) {
        v->nomem = 1;
        return 1;
    }
    return 0;
}

dti_rc report_versions_as(store *s, const auth_user *u, const report_key *key_in, json_t **out, dti_err *e)
{
    dti_rc rc;
    report_key key;
    struct vers v = {NULL, s, 0, DTI_OK, e};
    report_key_canon(key_in, &key);
    *out = NULL;
    if ((rc = auth_can(s, u, AUTH_READ, key.org_id, e)))
        return rc;
    if (!(v.arr = json_array()))
        return app_nomem(e);
    if ((rc = store_report_versions(s, key.plan_id, key.org_id, key.period, vers_row, &v, e)))
        goto fail;
    if (v.nomem) {
        rc = app_nomem(e);
        goto fail;
    }
    *out = v.arr;
    return DTI_OK;
fail:
    json_decref(v.arr);
    return rc;
}
