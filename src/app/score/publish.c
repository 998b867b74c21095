/* publish.c — publishing a commune's index, the public ranking, and one
 * entity's audit trail (publish.h says what "published" means). */
#include <stdio.h>
#include <string.h>
#include "app/app_util.h"
#include "app/audit/audit.h"
#include "app/score/publish.h"
#include "app/score/score.h"
#include "app/score/score_int.h"
#include "core/score.h"
#include "store/store_org.h"
#include "store/store_score.h"

/* {"seq", "hash", "text"} of M: the audit head printed with what is published. */
static json_t *head_json(const audit_mark *m)
{
    char txt[AUDIT_HEAD_TEXT];
    return json_pack("{s:I, s:s, s:s}", "seq", (json_int_t)m->seq, "hash", m->hash, "text",
                     audit_head_text(m, txt));
}

static dti_rc publish_as(store *s, const auth_user *u, int64_t plan_id, const char *pcode,
                   time_t now, json_t **out, dti_err *e)
{
    dti_rc rc;
    scoring_result sc;
    json_t *pub = NULL;
    int64_t org = 0;
    int is_commune = 0;
    int found = 0;
    char ts[AUTH_TS_LEN];
    memset(&sc, 0, sizeof sc);
    if (out)
        *out = NULL;
    if ((rc = auth_can_plan(s, u, AUTH_PLAN_WRITE, plan_id, e)))
        return rc;
    if (!pcode || !*pcode)
        return dti_fail(e, DTI_ERR_INPUT, "period", "thiếu kỳ báo cáo (period)",
                        "the period is missing");
    if ((rc = store_score_plan_org(s, plan_id, &org, &found, e)))
        return rc;
    if (org && (rc = store_score_org_is_commune(s, org, &is_commune, e)))
        return rc;
    if (!org || !is_commune)
        return dti_fail(e, DTI_ERR_CONFLICT, "id",
                        "kế hoạch %lld không thuộc một xã: không công bố được",
                        "plan %lld does not belong to a commune: it cannot be published",
                        (long long)plan_id);
    if ((rc = scoring_compute_as(s, u, plan_id, pcode, &sc, e)))
        goto out;
    auth_ts(now, ts);
    /* the score in the one vocabulary (scoring.h): index, index_text, points, max */
    char txt[SCORE_FMT_LEN];
    pub = json_pack("{s:I, s:I, s:s, s:o, s:o, s:f, s:f, s:s, s:I}", "plan_id", (json_int_t)plan_id,
                    "org_id", (json_int_t)org, "period", sc.period,
                    "index", sc.total.has_value ? json_real(sc.total.value) : json_null(),
                    "index_text", sc.total.has_value ? json_string(score_format_index(sc.total.value, txt)) : json_null(),
                    "points", sc.total.points, "max", sc.total.max, "published_at", ts,
                    "published_by", (json_int_t)u->id);
    if (!pub) {
        rc = app_nomem(e);
        goto out;
    }
    if ((rc = store_begin(s, e)))
        goto out;
    store_score_publication row = {plan_id, org, sc.period, sc.total.has_value,
                                   sc.total.has_value ? sc.total.value : 0.0, sc.total.points, sc.total.max,
                                   ts, u->id};
    if ((rc = store_score_publication_add(s, &row, e)) ||
        (rc = audit_append_id(s, u, now, "score.publish", "plan", plan_id, NULL, pub, e))) {
        store_rollback(s);
        goto out;
    }
    if ((rc = store_commit(s, e)))
        goto out;
    /* the head after this publication, into the anchor log and the answer;
     * the publication is committed: a failed anchoring is said, not fatal */
    {
        audit_mark m;
        dti_err ae;
        json_t *h;
        if (audit_anchor(s, "publish", now, &m, &ae)) {
            fprintf(stderr, "dti: %s\n", ae.msg);
            if (audit_head(s, &m, &ae))
                memset(&m, 0, sizeof m);
        }
        if (!(h = head_json(&m)) || json_object_set_new(pub, "audit_head", h)) {
            rc = app_nomem(e);
            goto out;
        }
    }
    if (out) {
        *out = pub;
        pub = NULL;
    }
out:
    json_decref(pub);
    scoring_release(&sc);
    return rc;
}

struct pub_ctx {
    json_t *arr;
    const char *newest;
    char newest_buf[AUTH_TS_LEN];
    int nomem;
};

static int pub_row(void *ctx, const store_row *r)
{
    struct pub_ctx *c = ctx;
    char txt[SCORE_FMT_LEN];
    int has = r->v[2].i != 0;
    const char *at = app_col(r, 4) ? app_col(r, 4) : "";
    size_t rank = json_array_size(c->arr) + 1;
    json_t *o = json_pack("{s:o, s:s, s:s, s:o, s:o, s:s}",
                          "rank", has ? json_integer((json_int_t)rank) : json_null(),
                          "commune", app_col(r, 0) ? app_col(r, 0) : "",
                          "period", app_col(r, 1) ? app_col(r, 1) : "",
                          "index", has ? json_real(r->v[3].d) : json_null(),
                          "index_text", has ? json_string(score_format(r->v[3].d, 4, ',', txt)) : json_null(),
                          "published_at", at);
    if (!o || json_array_append_new(c->arr, o)) {
        c->nomem = 1;
        return 1;
    }
    if (!c->newest || strcmp(at, c->newest_buf) > 0) {
        snprintf(c->newest_buf, sizeof c->newest_buf, "%s", at);
        c->newest = c->newest_buf;
    }
    return json_array_size(c->arr) >= SCORING_PUBLISH_LIST_MAX;
}

dti_rc scoring_public_rankings(app *a, json_t **out, dti_err *e)
{
    store *s = a->st;
    dti_rc rc;
    struct pub_ctx c;
    memset(&c, 0, sizeof c);
    *out = NULL;
    if (!(c.arr = json_array()))
        return app_nomem(e);
    /* each commune's newest publication, best index first, no figure last */
    if ((rc = store_score_publications_newest(s, pub_row, &c, e)))
        goto fail;
    if (c.nomem) {
        rc = app_nomem(e);
        goto fail;
    }
    audit_mark m;
    if ((rc = audit_head(s, &m, e)))
        goto fail;
    *out = json_pack("{s:o, s:o, s:o}", "published_at", c.newest ? json_string(c.newest) : json_null(),
                     "rankings", c.arr, "audit_head", head_json(&m));
    if (!*out)
        return app_nomem(e);
    return DTI_OK;
fail:
    json_decref(c.arr);
    return rc;
}

static dti_rc history_as(store *s, const auth_user *u, const char *kind, int64_t id, json_t **out,
                   dti_err *e)
{
    dti_rc rc;
    int64_t org = 0, plan_id = 0;
    int found = 0;
    char idtxt[32];
    *out = NULL;
    if (!kind || (strcmp(kind, "indicator") && strcmp(kind, "task") && strcmp(kind, "report") &&
                  strcmp(kind, "org")))
        return dti_fail(e, DTI_ERR_INPUT, "entity",
                        "loại đối tượng phải là indicator, task, report hoặc org",
                        "the entity must be indicator, task, report or org");
    if (!strcmp(kind, "org")) {
        /* An org's changes (create, rename, merge, close, aliases, exports):
         * for whoever may read the org, never a reporter (as for plan items). */
        store_org o;
        if ((rc = store_org_get(s, id, &o, e)) == DTI_OK) {
            store_org_release(&o);
            found = u->role != ROLE_REPORTER && auth_can(s, u, AUTH_READ, id, e) == DTI_OK;
        } else if (rc != DTI_ERR_NOTFOUND) {
            return rc;
        }
    } else if (!strcmp(kind, "report")) {
        if ((rc = store_score_report_org(s, id, &org, &found, e)))
            return rc;
        if (found) {
            if (u->role == ROLE_REPORTER) {
                if (org != u->org_id)
                    found = 0;
            } else if (auth_can(s, u, AUTH_READ, org, e) != DTI_OK) {
                found = 0;
            }
        }
    } else {
        if ((rc = store_score_item_plan(s, !strcmp(kind, "task"), id, &plan_id, &found, e)))
            return rc;
        if (found && (u->role == ROLE_REPORTER ||
                      auth_can_plan(s, u, AUTH_READ, plan_id, e) != DTI_OK))
            found = 0;
    }
    if (!found)     /* missing or out of scope: the same answer */
        return dti_fail(e, DTI_ERR_NOTFOUND, "id", "không có %s %lld (hoặc không được xem)",
                        "no %s %lld (or not yours to see)", kind, (long long)id);
    dti_err_clear(e);
    snprintf(idtxt, sizeof idtxt, "%lld", (long long)id);
    return audit_entries(s, kind, idtxt, SCORING_HISTORY_LIMIT, out, e);
}

dti_rc scoring_publish(app *a, int64_t plan_id, const char *pcode, json_t **out, dti_err *e)
{
    auth_user u;
    if (out)
        *out = NULL;
    dti_rc rc = scoring_actor(a, &u, e);
    return rc ? rc : publish_as(a->st, &u, plan_id, pcode, a->now, out, e);
}

dti_rc scoring_history(app *a, const char *kind, int64_t id, json_t **out, dti_err *e)
{
    auth_user u;
    *out = NULL;
    dti_rc rc = scoring_actor(a, &u, e);
    return rc ? rc : history_as(a->st, &u, kind, id, out, e);
}
