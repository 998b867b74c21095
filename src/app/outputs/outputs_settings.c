/* outputs_settings.c — a commune's heading and signature settings for its
 * official documents (outputs.h; table export_settings, sql/sqlite/
 * 008_export_settings.sql).
 *
 * Decision — where they live. One row per commune org, each column NULL
 * for "the default"; the defaults come from the commune's own name so that
 * a commune that never set anything still gets a correct heading:
 *   body_parent     "ỦY BAN NHÂN DÂN"
 *   body_name       "XÃ " + the commune's name in upper case
 *   place           the commune's name
 *   number_pattern  "/BC-UBND"  (the line reads "Số:      /BC-UBND" until
 *                   a number is given for one document)
 *   sign_authority  "TM. ỦY BAN NHÂN DÂN"
 *   sign_deputy     none (the chairman signs; "KT. CHỦ TỊCH" when a
 *                   vice-chairman signs for him)
 *   sign_title      "CHỦ TỊCH"
 *   sign_name       none (written by hand)
 *   recipients      "Sở Khoa học và Công nghệ tỉnh <province>", "Thường trực
 *                   Đảng ủy xã", "Thường trực HĐND xã", "Lưu: VT"
 * The coordinator (or an admin) changes them with `dti export settings` or
 * PUT /api/v1/plans/:id/export-settings; each change is audited with the
 * row before and after. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include <utf8proc.h>
#include "app/app_util.h"
#include "app/audit/audit.h"
#include "app/outputs/outputs.h"
#include "app/outputs/outputs_int.h"
#include "base/text.h"
#include "store/store_export.h"
#include "store/store_org.h"
#include "store/store_plan.h"

#define NFIELDS STORE_EXPORT_FIELDS
static const char *const FIELDS[NFIELDS] = {"body_parent", "body_name", "place", "number_pattern",
                                            "sign_authority", "sign_deputy", "sign_title", "sign_name",
                                            "recipients"};

/* Upper case of a UTF-8 string (Vietnamese letters included). */
static char *upper(const char *s)
{
    size_t n = strlen(s);
    char *out = malloc(n * 2 + 1), *o = out;
    if (!out)
        return NULL;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    while (*p) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(p, -1, &c);
        if (k <= 0) {
            *o++ = (char)*p++;
            continue;
        }
        p += k;
        o += utf8proc_encode_char(utf8proc_toupper(c), (utf8proc_uint8_t *)o);
    }
    *o = '\0';
    return out;
}

struct row {
    char *v[NFIELDS];
    int found, failed;
};

static int settings_row(void *ctx, const store_row *row)
{
    struct row *r = ctx;
    r->found = 1;
    for (size_t i = 0; i < NFIELDS; i++) {
        const char *c = app_col(row, i);
        if (c && !(r->v[i] = strdup(c)))
            r->failed = 1;
    }
    return 1;
}

static void row_free(struct row *r)
{
    for (size_t i = 0; i < NFIELDS; i++)
        free(r->v[i]);
    memset(r, 0, sizeof *r);
}

static dti_rc load(store *s, int64_t commune, struct row *r, dti_err *e)
{
    memset(r, 0, sizeof *r);
    if (commune <= 0)
        return DTI_OK;
    dti_rc rc = store_export_settings_get(s, commune, settings_row, r, e);
    if (!rc && r->failed)
        rc = app_nomem(e);
    return rc;
}

struct names {
    char *commune, *province;
};

static int name_row(void *ctx, const store_row *row)
{
    struct names *n = ctx;
    n->commune = app_col(row, 0) ? strdup(app_col(row, 0)) : NULL;
    n->province = app_col(row, 1) ? strdup(app_col(row, 1)) : NULL;
    return 1;
}

/* The defaults of field I for a commune and province named so. */
static char *default_of(size_t i, const char *commune, const char *province)
{
    char b[1024];
    switch (i) {
    case 0: return strdup("ỦY BAN NHÂN DÂN");
    case 1: {
        char *u = upper(commune ? commune : "");
        if (!u)
            return NULL;
        snprintf(b, sizeof b, "XÃ %s", u);
        free(u);
        return strdup(b);
    }
    case 2: return strdup(commune ? commune : "");
    case 3: return strdup("/BC-UBND");
    case 4: return strdup("TM. ỦY BAN NHÂN DÂN");
    case 5: return strdup("");
    case 6: return strdup("CHỦ TỊCH");
    case 7: return strdup("");
    default:
        snprintf(b, sizeof b, "Sở Khoa học và Công nghệ tỉnh%s%s\nThường trực Đảng ủy xã\nThường trực HĐND xã\nLưu: VT",
                 province ? " " : "", province ? province : "");
        return strdup(b);
    }
}

/* The defaults of a province's documents (the Sở KH&CN's summary). */
static char *default_province_of(size_t i, const char *province)
{
    char b[1024];
    switch (i) {
    case 0: {
        char *u = upper(province ? province : "");
        if (!u)
            return NULL;
        snprintf(b, sizeof b, "UBND TỈNH %s", u);
        free(u);
        return strdup(b);
    }
    case 1: return strdup("SỞ KHOA HỌC VÀ CÔNG NGHỆ");
    case 2: return strdup(province ? province : "");
    case 3: return strdup("/BC-SKHCN");
    case 4: return strdup("KT. GIÁM ĐỐC");
    case 5: return strdup("");
    case 6: return strdup("PHÓ GIÁM ĐỐC");
    case 7: return strdup("");
    default:
        snprintf(b, sizeof b, "UBND tỉnh%s%s (để báo cáo)\nBan Chỉ đạo chuyển đổi số tỉnh\nUBND các xã, phường\nLưu: VT",
                 province ? " " : "", province ? province : "");
        return strdup(b);
    }
}

static const char *field_of(const outputs_settings *c, size_t i)
{
    if (!c)
        return NULL;
    const char *v[NFIELDS] = {c->body_parent, c->body_name, c->place, c->number_pattern, c->sign_authority,
                              c->sign_deputy, c->sign_title, c->sign_name, c->recipients};
    return v[i];
}

/* The value in force of every field: override, else stored, else default. */
static dti_rc resolve(store *s, int64_t commune, const char *cname, const char *pname,
                      const outputs_settings *over, int province, char *out[NFIELDS], dti_err *e)
{
    struct row r;
    dti_rc rc = load(s, commune, &r, e);
    if (rc)
        return rc;
    for (size_t i = 0; i < NFIELDS; i++) {
        const char *o = field_of(over, i);
        if (o && *o)
            out[i] = strdup(o);
        else if (r.v[i] && !(o && !*o))
            out[i] = strdup(r.v[i]);
        else
            out[i] = province ? default_province_of(i, pname) : default_of(i, cname, pname);
        if (!out[i]) {
            for (size_t k = 0; k <= i; k++) {
                free(out[k]);
                out[k] = NULL;
            }
            row_free(&r);
            return app_nomem(e);
        }
    }
    row_free(&r);
    return DTI_OK;
}

static dti_rc commune_names(store *s, int64_t commune, struct names *n, dti_err *e)
{
    memset(n, 0, sizeof *n);
    return store_org_names(s, commune, name_row, n, e);
}

dti_rc outputs_settings_model(store *s, int64_t commune, const char *commune_name, const char *province,
                              const outputs_settings *over, const char *number, int province_level,
                              export_settings *out, dti_err *e)
{
    char *v[NFIELDS] = {0};
    struct names nm;
    memset(&nm, 0, sizeof nm);
    dti_rc rc = DTI_OK;
    if (commune > 0 && !province_level && (rc = commune_names(s, commune, &nm, e)))
        return rc;
    rc = resolve(s, commune, nm.commune ? nm.commune : commune_name, nm.province ? nm.province : province, over,
                 province_level, v, e);
    free(nm.commune);
    free(nm.province);
    if (rc)
        return rc;
    char line[1200];
    snprintf(line, sizeof line, "Số: %s%s", number && *number ? number : "      ", v[3]);
    out->body_parent = v[0];
    out->body_name = v[1];
    out->place = v[2];
    out->number = strdup(line);
    free(v[3]);
    out->sign_authority = v[4];
    out->sign_deputy = v[5];
    out->sign_title = v[6];
    out->sign_name = *v[7] ? v[7] : NULL;
    if (!*v[7])
        free(v[7]);
    const char *p = v[8];
    while (p && *p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        char *l = text_clean_n(p, n);
        if (!l) {
            rc = app_nomem(e);
            break;
        }
        /* "- x;" as typed: the writer adds the dash and the semicolon */
        char *b = l;
        while (*b == '-' || *b == ' ')
            b++;
        size_t bl = strlen(b);
        while (bl && (b[bl - 1] == ';' || b[bl - 1] == ' '))
            b[--bl] = '\0';
        if (*b && strlist_add(&out->recipients, b))
            rc = app_nomem(e);
        free(l);
        if (!nl || rc)
            break;
        p = nl + 1;
    }
    free(v[8]);
    if (!rc && !out->number)
        rc = app_nomem(e);
    return rc;
}

dti_rc outputs_plan_commune(store *s, const auth_user *u, int64_t plan_id, int64_t *commune, dti_err *e)
{
    dti_rc rc = auth_can_plan(s, u, AUTH_READ, plan_id, e);
    if (rc)
        return rc;
    int found = 0;
    *commune = 0;
    return store_plan_org(s, plan_id, commune, &found, e);
}

/* The commune of plan PLAN_ID that U may act on with ACT (AUTH_READ: not a
 * reporter's). */
static dti_rc plan_commune(store *s, const auth_user *u, int64_t plan_id, auth_action act, int64_t *commune,
                           dti_err *e)
{
    dti_rc rc = outputs_plan_commune(s, u, plan_id, commune, e);
    if (rc)
        return rc;
    if (act == AUTH_READ && u->role == ROLE_REPORTER)
        return dti_fail(e, DTI_ERR_PERM, NULL, "người dùng %s (báo cáo) không xem cài đặt văn bản của xã",
                        "user %s (reporter) may not see the commune's document settings", u->name);
    if (act != AUTH_READ && (rc = auth_can_plan(s, u, act, plan_id, e)))
        return rc;
    if (*commune <= 0)
        return dti_fail(e, DTI_ERR_CONFLICT, NULL, "kế hoạch không thuộc xã nào", "the plan belongs to no commune");
    return DTI_OK;
}

static dti_rc settings_get_as(store *s, const auth_user *u, int64_t plan_id, outputs_settings_owned *out,
                              dti_err *e)
{
    char *v[NFIELDS] = {0};
    struct names nm;
    int64_t commune = 0;
    memset(out, 0, sizeof *out);
    dti_rc rc = plan_commune(s, u, plan_id, AUTH_READ, &commune, e);
    if (rc || (rc = commune_names(s, commune, &nm, e)))
        return rc;
    rc = resolve(s, commune, nm.commune, nm.province, NULL, 0, v, e);
    free(nm.commune);
    free(nm.province);
    if (rc)
        return rc;
    out->body_parent = v[0], out->body_name = v[1], out->place = v[2], out->number_pattern = v[3];
    out->sign_authority = v[4], out->sign_deputy = v[5], out->sign_title = v[6], out->sign_name = v[7];
    out->recipients = v[8];
    return DTI_OK;
}

void outputs_settings_free(outputs_settings_owned *o)
{
    if (!o)
        return;
    free(o->body_parent);
    free(o->body_name);
    free(o->place);
    free(o->number_pattern);
    free(o->sign_authority);
    free(o->sign_deputy);
    free(o->sign_title);
    free(o->sign_name);
    free(o->recipients);
    memset(o, 0, sizeof *o);
}

static json_t *row_json(const struct row *r)
{
    json_t *j = json_object();
    for (size_t i = 0; j && i < NFIELDS; i++)
        if (json_object_set_new(j, FIELDS[i], r->v[i] ? json_string(r->v[i]) : json_null())) {
            json_decref(j);
            return NULL;
        }
    return j;
}

static dti_rc settings_set_as(store *s, const auth_user *u, int64_t plan_id, const outputs_settings *c,
                              time_t now, dti_err *e)
{
    int64_t commune = 0;
    struct row before, after;
    json_t *jb = NULL, *ja = NULL;
    char ts[AUTH_TS_LEN];
    int in_tx = 0;
    memset(&before, 0, sizeof before);
    memset(&after, 0, sizeof after);
    dti_rc rc = plan_commune(s, u, plan_id, AUTH_PLAN_WRITE, &commune, e);
    if (rc)
        return rc;
    /* every field checked before anything is written */
    for (size_t i = 0; i < NFIELDS; i++) {
        const char *v = field_of(c, i);
        if (!v)
            continue;
        if (strlen(v) > OUTPUTS_TEXT_MAX)
            return dti_fail(e, DTI_ERR_TOOBIG, FIELDS[i], "%s: dài quá %d byte", "%s: over %d bytes", FIELDS[i],
                            OUTPUTS_TEXT_MAX);
        if (!text_utf8_valid(v, strlen(v)))
            return dti_fail(e, DTI_ERR_INPUT, FIELDS[i], "%s: không phải văn bản UTF-8", "%s: not UTF-8 text",
                            FIELDS[i]);
        if (i == 8) {
            size_t lines = 1;
            for (const char *p = v; *p; p++)
                lines += *p == '\n';
            if (lines > OUTPUTS_RECIPIENTS_MAX)
                return dti_fail(e, DTI_ERR_INPUT, FIELDS[i], "nơi nhận: quá %d dòng", "recipients: over %d lines",
                                OUTPUTS_RECIPIENTS_MAX);
        }
    }
    if ((rc = store_begin(s, e)))
        return rc;
    in_tx = 1;
    if ((rc = load(s, commune, &before, e)))
        goto out;
    for (size_t i = 0; i < NFIELDS; i++) {
        const char *v = field_of(c, i);
        if (!v) {
            if (before.v[i] && !(after.v[i] = strdup(before.v[i])))
                goto nomem;
        } else if (*v) {
            char *cl = i == 8 ? strdup(v) : text_clean(v);
            if (!cl)
                goto nomem;
            after.v[i] = cl;
        }
    }
    if (!(jb = before.found ? row_json(&before) : json_null()) || !(ja = row_json(&after)))
        goto nomem;
    auth_ts(now, ts);
    {
        if ((rc = store_export_settings_put(s, commune, (const char *const *)after.v, ts, u->id, e)))
            goto out;
    }
    if ((rc = audit_append_id(s, u, now, "export.settings", "org", commune, json_is_null(jb) ? NULL : jb, ja, e)))
        goto out;
    if ((rc = store_commit(s, e)))
        goto out;
    in_tx = 0;
    goto out;
nomem:
    rc = app_nomem(e);
out:
    if (in_tx)
        store_rollback(s);
    json_decref(jb);
    json_decref(ja);
    row_free(&before);
    row_free(&after);
    return rc;
}

dti_rc outputs_settings_get(app *a, int64_t plan_id, outputs_settings_owned *out, dti_err *e)
{
    memset(out, 0, sizeof *out);
    auth_user u;
    dti_rc rc = app_actor(a, &u, NULL, e);
    if (rc)
        return rc;
    return settings_get_as(a->st, &u, plan_id, out, e);
}

dti_rc outputs_settings_set(app *a, int64_t plan_id, const outputs_settings *c, dti_err *e)
{
    auth_user u;
    dti_rc rc = app_actor(a, &u, NULL, e);
    if (rc)
        return rc;
    return settings_set_as(a->st, &u, plan_id, c, a->now, e);
}
