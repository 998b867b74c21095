/* score_index.c — point tables (bộ chỉ số): loading a table from CSV or
 * JSON (docs/index-table.md), the commune's self-assessed points and the
 * appraiser's review of a criterion.
 *
 * Loading reads every row into memory and checks it (codes unique, maximum
 * a number >= 0, indicator codes present in the plan, the rule readable by
 * core/rules) before one transaction writes anything: a bad file stores
 * nothing, and the message names the line and column (CSV) or the
 * criterion and field (JSON).
 *
 * A criterion is matched to the plan's indicators by code AND name: a table
 * made for another plan must not score "Hồ sơ sức khỏe điện tử" from this
 * plan's 6.2 (bank accounts). When a criterion has a name and names
 * indicators, at least one of them must share at least half of the shorter
 * name's words (names folded, text.h; common function words left out);
 * otherwise the row does not match. A table with any such row is refused
 * and the message lists every one (line, code, both names). */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app_util.h"
#include "base/vec.h"
#include "app/audit/audit.h"
#include "app/score/score.h"
#include "app/score/score_int.h"
#include "base/csv.h"
#include "base/file.h"
#include "base/lang.h"
#include "base/num.h"
#include "base/text.h"
#include "store/store_score.h"

#define MAX_POINTS_LIMIT 1e6

/* snprintf with a Vietnamese and an English literal format. */
#define TRF(buf, n, vi, en, ...) \
    ((void)(lang_get() == LANG_EN ? snprintf((buf), (n), en, __VA_ARGS__) : snprintf((buf), (n), vi, __VA_ARGS__)))

enum { F_CODE, F_GROUP, F_GROUP_NAME, F_NAME, F_MAX, F_INDICATORS, F_EVIDENCE, F_RULE, F_RULE_TEXT,
       F_SOURCE, F_N };

static const char *const FIELD_NAMES[F_N] = {"code", "group", "group_name", "name", "max", "indicators",
                                             "evidence", "rule", "rule_text", "source"};

/* Header names (folded, text.h), English and Vietnamese. */
static const struct { const char *folded; int field; } HEADERS[] = {
    {"code", F_CODE}, {"ma", F_CODE}, {"ma tieu chi", F_CODE}, {"stt", F_CODE},
    {"group", F_GROUP}, {"nhom", F_GROUP}, {"ma nhom", F_GROUP},
    {"group name", F_GROUP_NAME}, {"group_name", F_GROUP_NAME}, {"ten nhom", F_GROUP_NAME},
    {"name", F_NAME}, {"ten", F_NAME}, {"tieu chi", F_NAME}, {"chi so", F_NAME},
    {"chi so chi so thanh phan", F_NAME}, {"chi so thanh phan", F_NAME},
    {"max", F_MAX}, {"diem toi da", F_MAX}, {"diem", F_MAX},
    {"indicators", F_INDICATORS}, {"chi tieu", F_INDICATORS}, {"ma chi tieu", F_INDICATORS},
    {"evidence", F_EVIDENCE}, {"tai lieu kiem chung", F_EVIDENCE},
    {"rule", F_RULE}, {"quy tac", F_RULE}, {"loai quy tac", F_RULE},
    {"rule text", F_RULE_TEXT}, {"rule_text", F_RULE_TEXT}, {"cach tinh diem", F_RULE_TEXT},
    {"cach xac dinh va tinh diem", F_RULE_TEXT},
    {"source", F_SOURCE}, {"nguon du lieu", F_SOURCE},
};

typedef struct crit_in {
    char *f[F_N];           /* cleaned cells, owned; NULL when empty */
    double max;
    score_rule_kind kind;
    char *inds;             /* normalised "1.1;1.2" */
    size_t line;            /* CSV line, 0 for JSON */
    size_t col[F_N];        /* CSV column (1-based), 0 when absent */
} crit_in;

typedef struct loader {
    store *s;
    int64_t plan_id;
    crit_in *v;
    size_t n, cap;
    int json;
    int col_of[F_N];        /* CSV: field → column index, -1 */
    int header_done;
    char **codes;           /* the plan's indicator codes */
    char **names;           /* names[i]: codes[i]'s indicator name, folded ("" none) */
    char **raw;             /* raw[i]: the same name as written */
    size_t ncodes;
    size_t *mismatch;       /* rows whose name matches none of their indicators */
    size_t nmismatch;
} loader;

/* "dòng 3, cột 5 (max)" or "tiêu chí thứ 3, trường max", in the thread's language. */
static void loc(const loader *L, const crit_in *c, size_t idx, int field, char *out, size_t n)
{
    if (!L->json)
        TRF(out, n, "dòng %zu, cột %zu (%s)", "line %zu, column %zu (%s)", c->line,
                 c->col[field] ? c->col[field] : (size_t)1, FIELD_NAMES[field]);
    else
        TRF(out, n, "tiêu chí thứ %zu, trường \"%s\"", "criterion %zu, field \"%s\"", idx + 1,
                 FIELD_NAMES[field]);
}

static dti_rc bad(dti_err *e, const loader *L, const crit_in *c, size_t idx, int field, const char *what)
{
    char where[160];
    loc(L, c, idx, field, where, sizeof where);
    return dti_fail(e, DTI_ERR_INPUT, FIELD_NAMES[field], "%s: %s", "%s: %s", where, what);
}

static void crit_free(crit_in *c)
{
    for (int i = 0; i < F_N; i++)
        free(c->f[i]);
    free(c->inds);
}

static dti_rc push(loader *L, crit_in **out, dti_err *e)
{
    if (L->n >= SCORING_INDEX_MAX_ROWS)
        return dti_fail(e, DTI_ERR_TOOBIG, NULL, "bộ chỉ số quá %d tiêu chí", "a point table over %d criteria",
                        SCORING_INDEX_MAX_ROWS);
    crit_in *nv = vec_grow(L->v, L->n, &L->cap, sizeof *nv, 32);
    if (!nv)
        return app_nomem(e);
    L->v = nv;
    *out = &L->v[L->n++];
    memset(*out, 0, sizeof **out);
    return DTI_OK;
}

/* Set field F of C from raw text RAW (cleaned; empty → NULL). */
static dti_rc set_field(crit_in *c, int f, const char *raw, dti_err *e)
{
    if (!raw)
        return DTI_OK;
    if (strlen(raw) > SCORING_INDEX_TEXT_MAX)
        return dti_fail(e, DTI_ERR_TOOBIG, FIELD_NAMES[f], "ô quá %d byte", "a cell over %d bytes",
                        SCORING_INDEX_TEXT_MAX);
    char *v = text_clean(raw);
    if (!v)
        return app_nomem(e);
    if (!*v) {
        free(v);
        return DTI_OK;
    }
    free(c->f[f]);
    c->f[f] = v;
    return DTI_OK;
}

/* ---- CSV ------------------------------------------------------------------ */

static dti_rc csv_row(void *ctx, size_t line, char **f, size_t n, dti_err *e)
{
    loader *L = ctx;
    dti_rc rc;
    if (!L->header_done) {
        for (int i = 0; i < F_N; i++)
            L->col_of[i] = -1;
        for (size_t j = 0; j < n; j++) {
            char *fold = text_fold(f[j]);
            int field = -1;
            if (!fold)
                return app_nomem(e);
            for (size_t h = 0; h < sizeof HEADERS / sizeof HEADERS[0]; h++)
                if (strcmp(fold, HEADERS[h].folded) == 0)
                    field = HEADERS[h].field;
            free(fold);
            if (field < 0 && !*f[j])
                continue;
            if (field < 0)
                return dti_fail(e, DTI_ERR_INPUT, "header",
                                "dòng %zu, cột %zu: không biết cột \"%s\" (xem docs/index-table.md)",
                                "line %zu, column %zu: unknown column \"%s\" (see docs/index-table.md)", line,
                                j + 1, f[j]);
            if (L->col_of[field] >= 0)
                return dti_fail(e, DTI_ERR_INPUT, "header", "dòng %zu, cột %zu: cột \"%s\" lặp lại",
                                "line %zu, column %zu: column \"%s\" repeated", line, j + 1, f[j]);
            L->col_of[field] = (int)j;
        }
        static const int need[] = {F_CODE, F_NAME, F_MAX};
        for (size_t k = 0; k < sizeof need / sizeof need[0]; k++)
            if (L->col_of[need[k]] < 0)
                return dti_fail(e, DTI_ERR_INPUT, "header", "dòng %zu: thiếu cột \"%s\"",
                                "line %zu: the column \"%s\" is missing", line, FIELD_NAMES[need[k]]);
        L->header_done = 1;
        return DTI_OK;
    }
    crit_in *c;
    if ((rc = push(L, &c, e)))
        return rc;
    c->line = line;
    for (int i = 0; i < F_N; i++) {
        int j = L->col_of[i];
        if (j < 0)
            continue;
        c->col[i] = (size_t)j + 1;
        if ((size_t)j < n && (rc = set_field(c, i, f[j], e))) {
            char m[sizeof e->msg];
            snprintf(m, sizeof m, "%s", e->msg);
            return dti_fail(e, rc, FIELD_NAMES[i], "dòng %zu, cột %zu: %s", "line %zu, column %zu: %s", line,
                            (size_t)j + 1, m);
        }
    }
    return DTI_OK;
}

/* ---- JSON ----------------------------------------------------------------- */

static dti_rc json_read(loader *L, const char *data, size_t n, char **name, dti_err *e)
{
    dti_rc rc = DTI_OK;
    json_error_t je;
    json_t *root = json_loadb(data, n, JSON_REJECT_DUPLICATES, &je);
    if (!root)
        return dti_fail(e, DTI_ERR_INPUT, "json", "JSON hỏng ở dòng %d, cột %d: %s",
                        "bad JSON at line %d, column %d: %s", je.line, je.column, je.text);
    json_t *fmt = json_object_get(root, "format");
    json_t *arr = json_object_get(root, "criteria");
    if (!json_is_object(root) || (fmt && (!json_is_string(fmt) || strcmp(json_string_value(fmt), "dti.index/1"))) ||
        !json_is_array(arr)) {
        rc = dti_fail(e, DTI_ERR_INPUT, "json",
                      "JSON phải là {\"format\": \"dti.index/1\", \"criteria\": [...]}",
                      "the JSON must be {\"format\": \"dti.index/1\", \"criteria\": [...]}");
        goto out;
    }
    if (json_is_string(json_object_get(root, "name")) &&
        !(*name = text_clean(json_string_value(json_object_get(root, "name"))))) {
        rc = app_nomem(e);
        goto out;
    }
    size_t i;
    json_t *it;
    json_array_foreach(arr, i, it) {
        crit_in *c;
        if ((rc = push(L, &c, e)))
            goto out;
        if (!json_is_object(it)) {
            rc = dti_fail(e, DTI_ERR_INPUT, "criteria", "tiêu chí thứ %zu không phải một đối tượng JSON",
                          "criterion %zu is not a JSON object", i + 1);
            goto out;
        }
        const char *k;
        json_t *v;
        json_object_foreach(it, k, v) {
            int f = -1;
            for (int j = 0; j < F_N; j++)
                if (strcmp(k, FIELD_NAMES[j]) == 0)
                    f = j;
            if (f < 0) {
                rc = dti_fail(e, DTI_ERR_INPUT, k, "tiêu chí thứ %zu: không biết trường \"%s\"",
                              "criterion %zu: unknown field \"%s\"", i + 1, k);
                goto out;
            }
            char buf[64];
            if (json_is_null(v))
                continue;
            if (json_is_number(v)) {
                snprintf(buf, sizeof buf, "%.17g", json_number_value(v));
                rc = set_field(c, f, buf, e);
            } else if (json_is_string(v)) {
                rc = set_field(c, f, json_string_value(v), e);
            } else if (json_is_array(v) && f == F_INDICATORS) {
                char joined[SCORING_INDEX_TEXT_MAX + 1] = "";
                size_t used = 0, ai;
                json_t *x;
                json_array_foreach(v, ai, x) {
                    if (!json_is_string(x))
                        return bad(e, L, c, i, f, TR("mã chỉ tiêu phải là chuỗi", "indicator codes must be strings"));
                    int w = snprintf(joined + used, sizeof joined - used, "%s%s", used ? ";" : "",
                                     json_string_value(x));
                    if (w < 0 || (size_t)w >= sizeof joined - used) {
                        rc = bad(e, L, c, i, f, TR("quá dài", "too long"));
                        goto out;
                    }
                    used += (size_t)w;
                }
                rc = set_field(c, f, joined, e);
            } else {
                rc = bad(e, L, c, i, f, TR("kiểu giá trị không đúng", "wrong value type"));
            }
            if (rc)
                goto out;
        }
    }
out:
    json_decref(root);
    return rc;
}

/* ---- checks --------------------------------------------------------------- */

static int code_row(void *ctx, const store_row *r)
{
    loader *L = ctx;
    const char *c = app_col(r, 0);
    if (!c)
        return 0;
    char **nv = realloc(L->codes, (L->ncodes + 1) * sizeof *nv);
    if (!nv)
        return 1;
    L->codes = nv;
    char **nn = realloc(L->names, (L->ncodes + 1) * sizeof *nn);
    if (!nn)
        return 1;
    L->names = nn;
    char **nr = realloc(L->raw, (L->ncodes + 1) * sizeof *nr);
    if (!nr)
        return 1;
    L->raw = nr;
    if (!(L->codes[L->ncodes] = text_dup(c)))
        return 1;
    char *folded = text_fold(app_col(r, 1) ? app_col(r, 1) : "");
    char *raw = text_dup(app_col(r, 1) ? app_col(r, 1) : "");
    if (!folded || !raw) {
        free(folded);
        free(raw);
        free(L->codes[L->ncodes]);
        return 1;
    }
    L->names[L->ncodes] = folded;
    L->raw[L->ncodes] = raw;
    L->ncodes++;
    return 0;
}

/* Function words left out when names are compared (folded). */
static int stop_word(const char *w, size_t n)
{
    static const char *const STOP[] = {"ty", "le", "cac", "va", "cua", "duoc", "tren", "dia", "ban", "xa",
                                       "trong", "cho", "tai", "voi", "theo", "mot", "nhung", "la", "o", "co"};
    for (size_t i = 0; i < sizeof STOP / sizeof STOP[0]; i++)
        if (strlen(STOP[i]) == n && memcmp(STOP[i], w, n) == 0)
            return 1;
    return 0;
}

/* Words of folded text S (at most MAX), as {ptr, len} into S. */
static size_t words_of(const char *s, const char **w, size_t *len, size_t max)
{
    size_t n = 0;
    while (*s && n < max) {
        while (*s == ' ')
            s++;
        size_t k = strcspn(s, " ");
        if (k && !stop_word(s, k)) {
            w[n] = s;
            len[n++] = k;
        }
        s += k;
    }
    return n;
}

/* Do folded names A and B name the same thing: at least half of the words
 * of the shorter one are in the other? Nothing to compare: yes. */
static int names_match(const char *a, const char *b)
{
    enum { WMAX = 64 };
    const char *wa[WMAX], *wb[WMAX];
    size_t la[WMAX], lb[WMAX];
    size_t na = words_of(a, wa, la, WMAX), nb = words_of(b, wb, lb, WMAX), common = 0;
    if (!na || !nb)
        return 1;
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (la[i] == lb[j] && memcmp(wa[i], wb[j], la[i]) == 0) {
                common++;
                break;
            }
    size_t shorter = na < nb ? na : nb;
    return common * 2 >= shorter;
}

/* The folded name of indicator CODE (N bytes), or NULL. */
static const char *name_of(const loader *L, const char *c, size_t n)
{
    for (size_t i = 0; i < L->ncodes; i++)
        if (strlen(L->codes[i]) == n && memcmp(L->codes[i], c, n) == 0)
            return L->names[i];
    return NULL;
}

static int has_code(const loader *L, const char *c, size_t n)
{
    for (size_t i = 0; i < L->ncodes; i++)
        if (strlen(L->codes[i]) == n && memcmp(L->codes[i], c, n) == 0)
            return 1;
    return 0;
}

/* Bytes of S's longest prefix of at most MAX bytes that ends on a UTF-8
 * character boundary. */
static int utf8_cut(const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max)
        return (int)n;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    return (int)max;
}

#define MISMATCH_LISTED 3   /* rows named in the message; the rest counted */
#define MISMATCH_NAME 40    /* bytes of a name in the message, cut with "…" */

/* Refuse the table NAME: its rows L->mismatch name other things than the
 * plan's indicators of the same code; the message lists the first
 * MISMATCH_LISTED, each with its line or position, its code and both names
 * (cut on a character boundary), and counts the others. */
static dti_rc mismatch_fail(const loader *L, const char *name, dti_err *e)
{
    char list[sizeof e->msg];
    size_t len = 0;
    list[0] = 0;
    for (size_t k = 0; k < L->nmismatch && k < MISMATCH_LISTED && len + 1 < sizeof list; k++) {
        const crit_in *c = &L->v[L->mismatch[k]];
        const char *ic = c->inds;
        size_t l = strcspn(ic, ";");
        const char *iname = "";
        for (size_t j = 0; j < L->ncodes; j++)
            if (strlen(L->codes[j]) == l && memcmp(L->codes[j], ic, l) == 0)
                iname = L->raw[j];
        char where[64];
        if (L->json)
            TRF(where, sizeof where, "tiêu chí thứ %zu", "criterion %zu", L->mismatch[k] + 1);
        else
            TRF(where, sizeof where, "dòng %zu", "line %zu", c->line);
        const char *cname = c->f[F_NAME];
        int cn = utf8_cut(cname, MISMATCH_NAME), in = utf8_cut(iname, MISMATCH_NAME);
        const char *cc = (size_t)cn < strlen(cname) ? "…" : "", *ic2 = (size_t)in < strlen(iname) ? "…" : "";
        int n = lang_get() == LANG_EN
            ? snprintf(list + len, sizeof list - len, "%s%s: %s \"%.*s%s\" but indicator %.*s is \"%.*s%s\"",
                       k ? "; " : "", where, c->f[F_CODE] ? c->f[F_CODE] : "?", cn, cname, cc,
                       (int)(l > 16 ? 16 : l), ic, in, iname, ic2)
            : snprintf(list + len, sizeof list - len, "%s%s: %s \"%.*s%s\" nhưng chỉ tiêu %.*s là \"%.*s%s\"",
                       k ? "; " : "", where, c->f[F_CODE] ? c->f[F_CODE] : "?", cn, cname, cc,
                       (int)(l > 16 ? 16 : l), ic, in, iname, ic2);
        if (n < 0 || (size_t)n >= sizeof list - len) {
            list[len] = 0;      /* this row does not fit whole: leave it out */
            break;
        }
        len += (size_t)n;
    }
    if (L->nmismatch > MISMATCH_LISTED && len + 1 < sizeof list)
        snprintf(list + len, sizeof list - len, lang_get() == LANG_EN ? "; and %zu more" : "; và %zu dòng khác",
                 L->nmismatch - MISMATCH_LISTED);
    return dti_fail(e, DTI_ERR_INPUT, "name",
                    "%s: bộ chỉ số không khớp kế hoạch này (tên tiêu chí khác tên chỉ tiêu cùng mã, %zu dòng; "
                    "có thể là bảng của kế hoạch khác): %s",
                    "%s: the point table does not match this plan (a criterion's name differs from its "
                    "indicator's, %zu rows; perhaps another plan's table): %s", name, L->nmismatch, list);
}

static dti_rc check(loader *L, size_t i, dti_err *e)
{
    crit_in *c = &L->v[i];
    dti_rc rc;
    char msg[512];
    if (!c->f[F_CODE])
        return bad(e, L, c, i, F_CODE, TR("thiếu mã tiêu chí", "the criterion's code is missing"));
    if (!c->f[F_NAME])
        return bad(e, L, c, i, F_NAME, TR("thiếu tên tiêu chí", "the criterion's name is missing"));
    for (size_t j = 0; j < i; j++)
        if (strcmp(L->v[j].f[F_CODE], c->f[F_CODE]) == 0) {
            TRF(msg, sizeof msg, "mã \"%s\" lặp lại", "code \"%s\" repeated", c->f[F_CODE]);
            return bad(e, L, c, i, F_CODE, msg);
        }
    if (!c->f[F_GROUP]) {
        /* the code's first part: "2.1" is in group "2" */
        const char *dot = strchr(c->f[F_CODE], '.');
        char *g = dot ? strndup(c->f[F_CODE], (size_t)(dot - c->f[F_CODE])) : NULL;
        if (dot && !g)
            return app_nomem(e);
        if (!g)
            return bad(e, L, c, i, F_GROUP,
                       TR("thiếu nhóm (và mã không có dạng NHÓM.SỐ)", "the group is missing (and the code is not GROUP.N)"));
        c->f[F_GROUP] = g;
    }
    /* maximum: a number >= 0, decimal comma or point */
    const char *m = c->f[F_MAX];
    if (!m)
        return bad(e, L, c, i, F_MAX, TR("thiếu điểm tối đa", "the maximum is missing"));
    /* the number syntax of every figure (base/num.h): "2,5", "1.000" */
    num_read nr;
    double v = 0;
    if (num_parse(m, &nr, NULL) != DTI_OK || !nr.has || num_check(&nr, NUM_MEASURE, NULL) != DTI_OK ||
        (v = nr.value) > MAX_POINTS_LIMIT) {
        TRF(msg, sizeof msg, "\"%s\" không phải số điểm (0 đến 1000000)", "\"%s\" is not a number of points (0 to 1000000)", m);
        return bad(e, L, c, i, F_MAX, msg);
    }
    c->max = v;
    /* indicator codes */
    const char *s = c->f[F_INDICATORS] ? c->f[F_INDICATORS] : "";
    size_t cap = strlen(s) + 1, used = 0;
    if (!(c->inds = calloc(cap, 1)))
        return app_nomem(e);
    while (*s) {
        size_t len = strcspn(s, ";,");
        const char *p = s;
        size_t l = len;
        while (l && *p == ' ') {
            p++;
            l--;
        }
        while (l && p[l - 1] == ' ')
            l--;
        if (l) {
            if (!has_code(L, p, l)) {
                TRF(msg, sizeof msg, "chỉ tiêu \"%.*s\" không có trong kế hoạch", "indicator \"%.*s\" is not in the plan",
                         (int)(l > 64 ? 64 : l), p);
                return bad(e, L, c, i, F_INDICATORS, msg);
            }
            if (used)
                c->inds[used++] = ';';
            memcpy(c->inds + used, p, l);
            used += l;
            c->inds[used] = 0;
        }
        s += len;
        if (*s)
            s++;
    }
    /* code AND name: the criterion names the same thing as one of its indicators */
    if (c->f[F_NAME] && c->inds[0]) {
        char *cn = text_fold(c->f[F_NAME]);
        int ok = 0;
        if (!cn)
            return app_nomem(e);
        for (const char *q = c->inds; *q && !ok;) {
            size_t l = strcspn(q, ";");
            const char *in = name_of(L, q, l);
            ok = !in || names_match(cn, in);
            q += l;
            if (*q)
                q++;
        }
        free(cn);
        if (!ok) {
            size_t *nm = realloc(L->mismatch, (L->nmismatch + 1) * sizeof *nm);
            if (!nm)
                return app_nomem(e);
            L->mismatch = nm;
            L->mismatch[L->nmismatch++] = i;
        }
    }
    /* the rule */
    const char *kind = c->f[F_RULE];
    if (kind && score_rule_kind_parse(kind) < 0) {
        TRF(msg, sizeof msg, "không biết quy tắc \"%s\" (ratio, steps, levels, yesno, reviewer, achievement)",
            "unknown rule \"%s\" (ratio, steps, levels, yesno, reviewer, achievement)", kind);
        return bad(e, L, c, i, F_RULE, msg);
    }
    if (!kind && !c->f[F_RULE_TEXT])
        kind = c->inds[0] ? "achievement" : "reviewer";
    score_rule rule;
    if ((rc = score_rule_parse(kind, c->f[F_RULE_TEXT], c->max, &rule, e))) {
        char why[sizeof e->msg];
        snprintf(why, sizeof why, "%s", e->msg);
        return bad(e, L, c, i, c->f[F_RULE_TEXT] ? F_RULE_TEXT : F_RULE, why);
    }
    c->kind = rule.kind;
    if ((c->kind == SCORE_RULE_ACHIEVEMENT) && !c->inds[0])
        return bad(e, L, c, i, F_INDICATORS,
                   TR("quy tắc achievement cần ít nhất một mã chỉ tiêu", "an achievement rule needs an indicator code"));
    return DTI_OK;
}

/* ---- load ----------------------------------------------------------------- */

static dti_rc index_load(store *s, const auth_user *u, int64_t plan_id, const char *name, const char *data,
                         size_t n, time_t now, scoring_index_result *out, dti_err *e)
{
    dti_rc rc;
    loader L;
    char *tname = NULL;
    int in_tx = 0;
    json_t *after = NULL;
    scoring_index_result res;
    memset(&L, 0, sizeof L);
    memset(&res, 0, sizeof res);
    L.s = s;
    L.plan_id = plan_id;
    if ((rc = auth_can_plan(s, u, AUTH_PLAN_WRITE, plan_id, e)))
        return rc;
    if (!name)
        name = "bộ chỉ số";
    if (n > SCORING_INDEX_MAX_BYTES) {
        rc = dti_fail(e, DTI_ERR_TOOBIG, "file", "%s: tệp quá %zu byte", "%s: file over %zu bytes", name,
                      SCORING_INDEX_MAX_BYTES);
        goto out;
    }
    if (!text_utf8_valid(data, n)) {
        rc = dti_fail(e, DTI_ERR_INPUT, "file", "%s: không phải văn bản UTF-8", "%s: not UTF-8 text", name);
        goto out;
    }
    {
        if ((rc = store_score_indicator_codes(s, plan_id, code_row, &L, e)))
            goto out;
    }
    size_t k = 0;
    while (k < n && (data[k] == ' ' || data[k] == '\n' || data[k] == '\r' || data[k] == '\t'))
        k++;
    L.json = k < n && data[k] == '{';
    if (L.json)
        rc = json_read(&L, data, n, &tname, e);
    else
        rc = csv_parse(name, data, n, SCORING_INDEX_MAX_ROWS + 1, csv_row, &L, e);
    if (rc) {
        char m[sizeof e->msg], fld[sizeof e->field];
        snprintf(m, sizeof m, "%s", e->msg);
        snprintf(fld, sizeof fld, "%s", e->field);
        rc = dti_fail(e, rc, fld[0] ? fld : NULL, "%s: %s", "%s: %s", name, m);
        goto out;
    }
    if (L.n == 0) {
        rc = dti_fail(e, DTI_ERR_INPUT, "file", "%s: không có tiêu chí nào", "%s: no criteria", name);
        goto out;
    }
    for (size_t i = 0; i < L.n; i++)
        if ((rc = check(&L, i, e))) {
            char m[sizeof e->msg], fld[sizeof e->field];
            snprintf(m, sizeof m, "%s", e->msg);
            snprintf(fld, sizeof fld, "%s", e->field);
            rc = dti_fail(e, rc, fld[0] ? fld : NULL, "%s: %s", "%s: %s", name, m);
            goto out;
        }
    if (L.nmismatch) {
        rc = mismatch_fail(&L, name, e);
        goto out;
    }

    /* write, in one transaction */
    char ts[AUTH_TS_LEN], sha[65];
    auth_ts(now, ts);    /* the context's now (app.h), not the clock */
    file_sha256_hex(data, n, sha);
    if ((rc = store_begin(s, e)))
        goto out;
    in_tx = 1;
    {
        int64_t changed = 0;
        if ((rc = store_score_table_close(s, plan_id, ts, &changed, e)))
            goto out;
        res.replaced = changed > 0;
        const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
        if ((rc = store_score_table_add(s, plan_id, tname ? tname : base, name, sha, ts, u ? u->id : 0,
                                        &res.table_id, e)))
            goto out;
    }
    for (size_t i = 0; i < L.n; i++) {
        crit_in *c = &L.v[i];
        store_score_criterion row = {c->f[F_CODE], c->f[F_GROUP], c->f[F_GROUP_NAME], c->f[F_NAME], c->max,
                                     c->inds, c->f[F_EVIDENCE], score_rule_kind_name(c->kind), c->f[F_RULE_TEXT]};
        if ((rc = store_score_criterion_add(s, res.table_id, (int64_t)i + 1, &row, e)))
            goto out;
        res.max_total += c->max;
        int seen = 0;
        for (size_t j = 0; j < i && !seen; j++)
            seen = strcmp(L.v[j].f[F_GROUP], c->f[F_GROUP]) == 0;
        if (!seen)
            res.ngroups++;
    }
    res.ncriteria = L.n;
    if (!(after = json_pack("{s:I, s:s, s:s, s:s, s:I, s:f}", "plan_id", (json_int_t)plan_id, "name",
                            tname ? tname : name, "file", name, "sha256", sha, "criteria", (json_int_t)L.n,
                            "max_total", res.max_total))) {
        rc = app_nomem(e);
        goto out;
    }
    if ((rc = audit_append_id(s, u, now, "index.load", "index_table", res.table_id, NULL, after, e)))
        goto out;
    if ((rc = store_commit(s, e)))
        goto out;
    in_tx = 0;
    if (out)
        *out = res;
out:
    if (in_tx)
        store_rollback(s);
    json_decref(after);
    for (size_t i = 0; i < L.n; i++)
        crit_free(&L.v[i]);
    free(L.v);
    for (size_t i = 0; i < L.ncodes; i++) {
        free(L.codes[i]);
        free(L.names[i]);
        free(L.raw[i]);
    }
    free(L.codes);
    free(L.names);
    free(L.raw);
    free(L.mismatch);
    free(tname);
    return rc;
}

/* ---- self-assessment and review ------------------------------------------- */

struct cp {
    int found;
    int64_t id;
    int has_self, has_review;
    double self, review;
    char reason[SCORING_REASON_MAX + 1];
};

static int cp_row(void *ctx, const store_row *r)
{
    struct cp *c = ctx;
    c->found = 1;
    c->id = r->v[0].i;
    c->has_self = r->v[1].t != SV_NULL;
    c->self = r->v[1].t == SV_REAL ? r->v[1].d : (double)r->v[1].i;
    c->has_review = r->v[2].t != SV_NULL;
    c->review = r->v[2].t == SV_REAL ? r->v[2].d : (double)r->v[2].i;
    snprintf(c->reason, sizeof c->reason, "%s", app_col(r, 3) ? app_col(r, 3) : "");
    return 1;
}

static json_t *cp_json(const struct cp *c)
{
    if (!c->found)
        return json_null();
    return json_pack("{s:o, s:o, s:o}", "self", c->has_self ? json_real(c->self) : json_null(),
                     "review", c->has_review ? json_real(c->review) : json_null(),
                     "reason", c->reason[0] ? json_string(c->reason) : json_null());
}

static dti_rc set_points(store *s, const auth_user *u, int64_t plan_id, const char *code_period,
                         const char *code, double points, const char *text, int review, time_t now, dti_err *e)
{
    dti_rc rc;
    period p;
    char pc[PERIOD_CODE_LEN], ts[AUTH_TS_LEN];
    int in_tx = 0, found = 0;
    int64_t crit = 0, org = 0;
    double max = 0;
    struct cp before, afterc;
    json_t *jb = NULL, *ja = NULL;
    memset(&before, 0, sizeof before);
    memset(&afterc, 0, sizeof afterc);
    if ((rc = auth_can_plan(s, u, review ? AUTH_REVIEW : AUTH_PLAN_WRITE, plan_id, e)))
        return rc;
    if (!code_period || period_parse(code_period, &p) != 0)
        return dti_fail(e, DTI_ERR_INPUT, "period", "kỳ \"%s\" không hợp lệ", "\"%s\" is not a period",
                        code_period ? code_period : "");
    period_format(&p, pc);
    {
        if ((rc = store_score_plan_org(s, plan_id, &org, NULL, e)))
            return rc;
    }
    if (!org)
        return dti_fail(e, DTI_ERR_INPUT, "plan", "kế hoạch số %lld không gắn với xã nào",
                        "plan %lld belongs to no commune", (long long)plan_id);
    if (review && u->role != ROLE_ADMIN && u->org_id == org)
        return dti_fail(e, DTI_ERR_PERM, "user",
                        "%s không thẩm định được điểm do chính đơn vị mình tự đánh giá (cần người thẩm định của tỉnh)",
                        "%s cannot appraise its own commune's self-assessment (the province's appraiser does)",
                        u->name);
    if (review && (!text || !*text))
        return dti_fail(e, DTI_ERR_INPUT, "reason", "thẩm định lại điểm cần nêu lý do",
                        "changing points needs a reason");
    if (text && strlen(text) > SCORING_REASON_MAX)
        return dti_fail(e, DTI_ERR_TOOBIG, "reason", "lý do quá %d byte", "the reason is over %d bytes",
                        SCORING_REASON_MAX);
    {
        if ((rc = store_score_criterion_find(s, plan_id, code, &crit, &found, e)))
            return rc;
        if (!found)
            return dti_fail(e, DTI_ERR_NOTFOUND, "criterion",
                            "bộ chỉ số của kế hoạch số %lld không có tiêu chí \"%s\"",
                            "plan %lld's point table has no criterion \"%s\"", (long long)plan_id,
                            code ? code : "");
        if ((rc = store_score_criterion_max(s, crit, &max, e)))
            return rc;
    }
    if (!isfinite(points) || points < 0 || points > max + SCORE_EPS)
        return dti_fail(e, DTI_ERR_INPUT, "points", "điểm của tiêu chí %s phải từ 0 đến %g",
                        "criterion %s's points must be 0 to %g", code, max);
    auth_ts(now, ts);
    if ((rc = store_begin(s, e)))
        return rc;
    in_tx = 1;
    if ((rc = store_score_points_get(s, crit, org, pc, cp_row, &before, e)))
        goto out;
    if (!before.found) {
        if ((rc = store_score_points_add(s, crit, plan_id, org, pc, e)))
            goto out;
    }
    if ((rc = store_score_points_set(s, review, crit, org, pc, points, text, u->id, ts, e)))
        goto out;
    if ((rc = store_score_points_get(s, crit, org, pc, cp_row, &afterc, e)))
        goto out;
    jb = cp_json(&before);
    ja = cp_json(&afterc);
    if (!jb || !ja || json_object_set_new(ja, "criterion", json_string(code)) ||
        json_object_set_new(ja, "period", json_string(pc))) {
        rc = app_nomem(e);
        goto out;
    }
    if ((rc = audit_append_id(s, u, now, review ? "score.review" : "score.self", "criterion_points",
                              afterc.id, jb, ja, e)))
        goto out;
    if ((rc = store_commit(s, e)))
        goto out;
    in_tx = 0;
out:
    if (in_tx)
        store_rollback(s);
    json_decref(jb);
    json_decref(ja);
    return rc;
}

dti_rc scoring_index_load(app *a, int64_t plan_id, const char *name, const char *data, size_t n,
                          scoring_index_result *out, dti_err *e)
{
    auth_user u;
    dti_rc rc = scoring_actor(a, &u, e);
    return rc ? rc : index_load(a->st, &u, plan_id, name, data, n, a->now, out, e);
}

dti_rc scoring_self(app *a, int64_t plan_id, const char *pcode, const char *code, double points,
                    const char *note, dti_err *e)
{
    auth_user u;
    dti_rc rc = scoring_actor(a, &u, e);
    return rc ? rc : set_points(a->st, &u, plan_id, pcode, code, points, note, 0, a->now, e);
}

dti_rc scoring_review(app *a, int64_t plan_id, const char *pcode, const char *code, double points,
                      const char *reason, dti_err *e)
{
    auth_user u;
    dti_rc rc = scoring_actor(a, &u, e);
    return rc ? rc : set_points(a->st, &u, plan_id, pcode, code, points, reason, 1, a->now, e);
}
