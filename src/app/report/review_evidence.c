/* review_evidence.c — the evidence of a report as the review screen shows
 * it (review.h): each file's uploader, time, size and checked flag.
 *
 * Decision: only PDF, PNG and JPEG are previewed in the browser. They are
 * the types evidence.c verifies by structure and that a browser renders
 * itself without scripts from the file; the server sends them inline with
 * a strict "Content-Security-Policy: sandbox" (http/api_review.c), and
 * every other type (Word, Excel, PowerPoint) stays a download. */
#include <string.h>
#include "app/app_util.h"
#include "app/auth/auth.h"
#include "app/report/review.h"
#include "store/store_review.h"

int review_previewable(const char *mt)
{
    return mt && (!strcmp(mt, "application/pdf") || !strcmp(mt, "image/png") || !strcmp(mt, "image/jpeg"));
}

struct ev_ctx {
    json_t *list;
    int version;
    int nomem;
};

static json_t *text_or_null(const store_val *v)
{
    return v->t == SV_TEXT ? json_string(v->s) : json_null();
}

static int ev_row(void *vctx, const store_row *row)
{
    struct ev_ctx *c = vctx;
    const store_val *v = row->v;
    if (row->n < 11) {
        c->nomem = 1;
        return 1;
    }
    const char *mt = v[3].t == SV_TEXT ? v[3].s : NULL;
    json_t *o = json_pack("{s:I, s:o, s:I, s:o, s:b, s:o, s:o, s:o, s:o, s:o, s:b}",
                          "id", (json_int_t)v[0].i, "name", text_or_null(&v[1]), "size", (json_int_t)v[2].i,
                          "media_type", text_or_null(&v[3]), "checked", v[4].i != 0,
                          "checked_by", text_or_null(&v[5]), "attached_by", text_or_null(&v[6]),
                          "attached_at", text_or_null(&v[7]), "indicator", text_or_null(&v[8]),
                          "task", text_or_null(&v[9]), "preview", review_previewable(mt));
    if (!o || json_array_append_new(c->list, o)) {
        c->nomem = 1;
        return 1;
    }
    c->version = (int)v[10].i;
    return 0;
}

dti_rc review_evidence(app *a, const report_key *key, json_t **out, dti_err *e)
{
    dti_rc rc;
    auth_user u;
    struct ev_ctx c = {NULL, 0, 0};
    *out = NULL;
    if ((rc = app_actor(a, &u, NULL, e)) || (rc = auth_can(a->st, &u, AUTH_READ, key->org_id, e)))
        return rc;
    if (!(c.list = json_array()))
        return app_nomem(e);
    if ((rc = store_review_evidence(a->st, key->plan_id, key->org_id, key->period, ev_row, &c, e)))
        goto fail;
    if (c.nomem) {
        rc = app_nomem(e);
        goto fail;
    }
    if (!(*out = json_pack("{s:i, s:o}", "version", c.version, "evidence", c.list)))
        return app_nomem(e);     /* json_pack's "o" took the list even on failure */
    return DTI_OK;
fail:
    json_decref(c.list);
    return rc;
}

dti_rc review_evidence_file(app *a, int64_t id, char **p, size_t *n, char **name, char **media_type,
                            dti_err *e)
{
    dti_rc rc;
    auth_user u;
    *p = NULL;
    *n = 0;
    if ((rc = app_actor(a, &u, NULL, e)))
        return rc;
    return report_evidence_get_as(a->st, &u, id, p, n, name, media_type, e);
}
