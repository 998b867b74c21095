/* rules.c — reading and applying the rules of a point table (rules.h).
 *
 * A rule text is copied into a bounded buffer and cut into items at ';' and
 * line breaks, each item into a left and a right side at its last ':' (or
 * '='). Numbers are read from the raw text ("1.000" thousands, "0,5"
 * decimal, "1/2" a fraction on the right side), then each number is replaced
 * by a marker word and the left side is folded (text.h), so that the
 * Vietnamese comparison words ("từ … trở lên", "dưới", "không quá") are
 * matched without diacritics or case. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/rules.h"
#include "base/text.h"
#include "base/lang.h"

#define NUMS_MAX 8
#define MARK "qzq"      /* number marker: "qzq0" survives folding */

/* ---- kinds ------------------------------------------------------------ */

static const struct { const char *name; score_rule_kind k; } kind_names[] = {
    {"achievement", SCORE_RULE_ACHIEVEMENT}, {"ratio", SCORE_RULE_RATIO},
    {"steps", SCORE_RULE_STEPS}, {"levels", SCORE_RULE_LEVELS},
    {"yesno", SCORE_RULE_YESNO}, {"reviewer", SCORE_RULE_REVIEWER},
    {"muc-dat", SCORE_RULE_ACHIEVEMENT}, {"ty-le", SCORE_RULE_RATIO}, {"bac", SCORE_RULE_STEPS},
    {"muc", SCORE_RULE_LEVELS}, {"co-khong", SCORE_RULE_YESNO}, {"tham-dinh", SCORE_RULE_REVIEWER},
};

const char *score_rule_kind_name(score_rule_kind k)
{
    for (size_t i = 0; i < 6; i++)
        if (kind_names[i].k == k)
            return kind_names[i].name;
    return "achievement";
}

int score_rule_kind_parse(const char *s)
{
    if (!s)
        return -1;
    for (size_t i = 0; i < sizeof kind_names / sizeof kind_names[0]; i++)
        if (strcmp(s, kind_names[i].name) == 0)
            return (int)kind_names[i].k;
    return -1;
}

void score_rule_init(score_rule *out, score_rule_kind k)
{
    memset(out, 0, sizeof *out);
    out->kind = k;
    out->full = 1;
}

double score_amount_points(const score_amount *a, double max)
{
    return a->of_max ? a->v * max : a->v;
}

/* ---- numbers ---------------------------------------------------------- */

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Read a number at S ("12", "1.000", "0,5", "1.000,5", "1.5"); *END after
 * it. Returns 0, or -1 when S does not start with a digit. */
static int read_number(const char *s, const char **end, double *v)
{
    char tmp[64];
    size_t n = 0;
    const char *p = s;
    if (!is_digit(*p))
        return -1;
    while (is_digit(*p) && n < 40)
        tmp[n++] = *p++;
    /* thousands: '.' and exactly three digits */
    while (p[0] == '.' && is_digit(p[1]) && is_digit(p[2]) && is_digit(p[3]) && !is_digit(p[4]) &&
           n < 40) {
        memcpy(tmp + n, p + 1, 3);
        n += 3;
        p += 4;
    }
    if ((p[0] == ',' || p[0] == '.') && is_digit(p[1])) {
        tmp[n++] = '.';
        p++;
        while (is_digit(*p) && n < 60)
            tmp[n++] = *p++;
    }
    while (is_digit(*p))        /* absurdly long: the rest is ignored */
        p++;
    tmp[n] = 0;
    *v = strtod(tmp, NULL);
    *end = p;
    return 0;
}

/* ---- amounts (right sides) -------------------------------------------- */

static dti_rc amount_parse(const char *raw, score_amount *out, const char *item, dti_err *e)
{
    dti_rc rc = DTI_OK;
    char *f = text_fold(raw);
    const char *p = raw, *end = NULL;
    double v = 0, w;
    int has_num = 0, frac = 0, pct = 0;
    if (!f)
        return dti_fail(e, DTI_ERR_NOMEM, NULL, "Hết bộ nhớ", "Out of memory");
    while (*p && !is_digit(*p))
        p++;
    if (*p && read_number(p, &end, &v) == 0) {
        has_num = 1;
        const char *q = end;
        while (*q == ' ')
            q++;
        if (*q == '/' ) {
            q++;
            while (*q == ' ')
                q++;
            if (read_number(q, &end, &w) == 0 && w > 0) {
                v /= w;
                frac = 1;
            }
        } else if (*q == '%') {
            v /= 100;
            pct = 1;
        }
    }
    int of_max = text_fold_contains(f, "toi da") || text_fold_contains(f, "diem toi da");
    memset(out, 0, sizeof *out);
    if (of_max) {
        out->of_max = 1;
        if (!has_num)
            out->v = text_fold_contains(f, "nua") ? 0.5 : 1;
        else if (frac || pct || v <= 1)
            out->v = v;
        else {
            out->of_max = 0;    /* "tối đa 10 điểm": absolute */
            out->v = v;
        }
    } else if (has_num) {
        out->of_max = pct;
        out->v = v;
    } else if (text_fold_starts(f, "khong")) {
        out->v = 0;
    } else {
        rc = dti_fail(e, DTI_ERR_INPUT, "rule",
                      "Không đọc được số điểm \"%s\" trong \"%s\" (viết \"20 điểm\", \"tối đa\", \"1/2 tối đa\")",
                      "Cannot read the points \"%s\" in \"%s\" (write \"20 điểm\", \"tối đa\", \"1/2 tối đa\")",
                      raw, item);
    }
    if (rc == DTI_OK && (!isfinite(out->v) || out->v < 0 || (out->of_max && out->v > 1)))
        rc = dti_fail(e, DTI_ERR_INPUT, "rule", "Số điểm \"%s\" không hợp lệ", "Invalid points \"%s\"", raw);
    free(f);
    return rc;
}

/* ---- left sides ------------------------------------------------------- */

typedef enum { OP_NONE = 0, OP_GE, OP_GT, OP_LE, OP_LT } cmp_op;

typedef struct lhs {
    int nnum;
    double num[NUMS_MAX];
    cmp_op op[NUMS_MAX];
    int range;          /* "đến" or a dash between the first two numbers */
    int otherwise;
} lhs;

/* Words of folded text F (cut in place at spaces) into W (at most MAX). */
static size_t words_of(char *f, char **w, size_t max)
{
    size_t n = 0;
    char *p = f;
    while (*p && n < max) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        w[n++] = p;
        p += strcspn(p, " ");
        if (*p)
            *p++ = 0;
    }
    return n;
}

static dti_rc lhs_parse(const char *raw, lhs *out, dti_err *e)
{
    char marked[SCORE_RULE_TEXT_MAX + 256];
    size_t m = 0;
    const char *p = raw;
    memset(out, 0, sizeof *out);
    /* copy, replacing numbers by markers and a dash between numbers by "den" */
    while (*p && m + 16 < sizeof marked) {
        double v;
        const char *end;
        if (is_digit(*p) && read_number(p, &end, &v) == 0) {
            if (out->nnum < NUMS_MAX) {
                out->num[out->nnum] = v;
                m += (size_t)snprintf(marked + m, sizeof marked - m, " " MARK "%d ", out->nnum);
                out->nnum++;
            }
            p = end;
            const char *q = p;
            while (*q == ' ' || *q == '%')
                q++;
            int dash = *q == '-' ? 1 : (strncmp(q, "\xe2\x80\x93", 3) == 0 ? 3 : 0); /* - or – */
            if (dash) {
                const char *r = q + dash;
                while (*r == ' ')
                    r++;
                if (is_digit(*r)) {
                    m += (size_t)snprintf(marked + m, sizeof marked - m, " den ");
                    p = r;
                }
            }
            continue;
        }
        marked[m++] = *p++;
    }
    marked[m] = 0;
    char *f = text_fold(marked);
    if (!f)
        return dti_fail(e, DTI_ERR_NOMEM, NULL, "Hết bộ nhớ", "Out of memory");
    char *w[128];
    size_t nw = words_of(f, w, 128);
    cmp_op pending = OP_NONE;
    int last = -1;
    for (size_t i = 0; i < nw; i++) {
        const char *a = w[i], *b = i + 1 < nw ? w[i + 1] : "";
        if (strncmp(a, MARK, 3) == 0 && is_digit(a[3])) {
            int k = a[3] - '0';     /* one digit: NUMS_MAX <= 10 */
            if (a[4] == 0 && k < out->nnum) {
                out->op[k] = pending;
                last = k;
            }
            pending = OP_NONE;
        } else if (strcmp(a, "tren") == 0 || (strcmp(a, "hon") == 0)) {
            pending = OP_GT;
        } else if ((strcmp(a, "lon") == 0 || strcmp(a, "nhieu") == 0 || strcmp(a, "cao") == 0) &&
                   strcmp(b, "hon") == 0) {
            pending = OP_GT;
            i++;
        } else if ((strcmp(a, "it") == 0 || strcmp(a, "nho") == 0 || strcmp(a, "thap") == 0) &&
                   strcmp(b, "hon") == 0) {
            pending = OP_LT;
            i++;
        } else if (strcmp(a, "duoi") == 0) {
            pending = OP_LT;
        } else if (strcmp(a, "tu") == 0) {
            pending = OP_GE;
        } else if ((strcmp(a, "toi") == 0 && strcmp(b, "thieu") == 0) ||
                   (strcmp(a, "it") == 0 && strcmp(b, "nhat") == 0)) {
            pending = OP_GE;
            i++;
        } else if ((strcmp(a, "toi") == 0 && strcmp(b, "da") == 0) ||
                   (strcmp(a, "khong") == 0 && strcmp(b, "qua") == 0)) {
            pending = OP_LE;
            i++;
        } else if (strcmp(a, "tro") == 0 && (strcmp(b, "len") == 0 || strcmp(b, "xuong") == 0)) {
            if (last >= 0)
                out->op[last] = strcmp(b, "len") == 0 ? OP_GE : OP_LE;
            i++;
        } else if (strcmp(a, "den") == 0) {
            if (last == 0)
                out->range = 1;
        } else if (strcmp(a, "con") == 0 && strcmp(b, "lai") == 0) {
            out->otherwise = 1;
            i++;
        } else if (strcmp(a, "khac") == 0 || strcmp(a, "khong") == 0) {
            out->otherwise = 1;
        }
    }
    free(f);
    return DTI_OK;
}

/* The step of an analysed left side with numbers; plain is set when it is
 * a bare number (direction decided with the others). */
static void step_of(const lhs *l, score_step *s, int *plain)
{
    s->lo = -HUGE_VAL;
    s->hi = HUGE_VAL;
    s->lo_open = s->hi_open = 0;
    *plain = 0;
    if (l->nnum >= 2 && l->range) {
        s->lo = l->num[0];
        s->lo_open = l->op[0] == OP_GT;
        s->hi = l->num[1];
        s->hi_open = l->op[1] == OP_LT;
        if (s->lo > s->hi) {
            double t = s->lo;
            s->lo = s->hi;
            s->hi = t;
        }
        return;
    }
    double v = l->num[0];
    switch (l->op[0]) {
    case OP_GE: s->lo = v; break;
    case OP_GT: s->lo = v; s->lo_open = 1; break;
    case OP_LE: s->hi = v; break;
    case OP_LT: s->hi = v; s->hi_open = 1; break;
    case OP_NONE: s->lo = s->hi = v; *plain = 1; break;
    }
}

/* Bare numbers: "at least" when points grow with them, "at most" when they
 * fall, else exact (rules.h). */
static void plain_direction(score_rule *r, const int *plain, double max)
{
    size_t idx[SCORE_RULE_ITEMS_MAX], n = 0;
    double scale = max > 0 ? max : 1;
    for (size_t i = 0; i < r->nsteps; i++)
        if (plain[i])
            idx[n++] = i;
    if (n == 0)
        return;
    for (size_t i = 1; i < n; i++) {    /* insertion sort by the number */
        size_t t = idx[i], j = i;
        for (; j > 0 && r->steps[idx[j - 1]].lo > r->steps[t].lo; j--)
            idx[j] = idx[j - 1];
        idx[j] = t;
    }
    int up = 1, down = 1;
    for (size_t i = 1; i < n; i++) {
        double a = score_amount_points(&r->steps[idx[i - 1]].points, scale);
        double b = score_amount_points(&r->steps[idx[i]].points, scale);
        if (r->steps[idx[i - 1]].lo == r->steps[idx[i]].lo)
            up = down = 0;      /* the same number twice: exact */
        if (b < a)
            up = 0;
        if (b > a)
            down = 0;
    }
    if (up) {
        for (size_t i = 0; i < n; i++) {
            score_step *s = &r->steps[idx[i]];
            s->hi = i + 1 < n ? r->steps[idx[i + 1]].lo : HUGE_VAL;
            s->hi_open = i + 1 < n;
        }
    } else if (down) {
        for (size_t i = n; i-- > 0;) {
            score_step *s = &r->steps[idx[i]];
            s->lo = i > 0 ? r->steps[idx[i - 1]].hi : -HUGE_VAL;
            s->lo_open = i > 0;
        }
    }
}

/* ---- parsing ---------------------------------------------------------- */

typedef struct rule_item {
    char *left, *right, *whole;
} rule_item;

static dti_rc split_items(char *buf, rule_item *it, size_t *n, dti_err *e)
{
    *n = 0;
    for (char *p = buf; *p;) {
        size_t k = strcspn(p, ";\n");
        char *next = p[k] ? p + k + 1 : p + k;
        p[k] = 0;
        text_trim(p, "-+*.");    /* bullets and a final full stop */
        if (*p) {
            if (*n == SCORE_RULE_ITEMS_MAX)
                return dti_fail(e, DTI_ERR_TOOBIG, "rule", "Quy tắc có quá %d mục",
                                "A rule has more than %d items", SCORE_RULE_ITEMS_MAX);
            char *c = strrchr(p, ':');
            if (!c)
                c = strrchr(p, '=');
            if (!c)
                return dti_fail(e, DTI_ERR_INPUT, "rule",
                                "Mục \"%s\" thiếu dấu ':' giữa điều kiện và số điểm",
                                "Item \"%s\" has no ':' between the condition and the points", p);
            *c = 0;
            it[*n].whole = p;
            it[*n].left = text_trim(p, "-+*");
            it[*n].right = text_trim(c + 1, ".");
            (*n)++;
        }
        p = next;
    }
    return DTI_OK;
}

static dti_rc check_amount(const score_amount *a, double max, const char *item, dti_err *e)
{
    if (max > 0 && !a->of_max && a->v > max + 1e-9)
        return dti_fail(e, DTI_ERR_INPUT, "rule", "Mục \"%s\" cho %g điểm, vượt điểm tối đa %g",
                        "Item \"%s\" gives %g points, above the maximum %g", item, a->v, max);
    return DTI_OK;
}

dti_rc score_rule_parse(const char *kind, const char *text, double max, score_rule *out, dti_err *e)
{
    char buf[SCORE_RULE_TEXT_MAX];
    rule_item it[SCORE_RULE_ITEMS_MAX];
    lhs l[SCORE_RULE_ITEMS_MAX];
    int plain[SCORE_RULE_ITEMS_MAX] = {0};
    size_t n = 0;
    dti_rc rc;
    int k = (kind && *kind) ? score_rule_kind_parse(kind) : -1;

    if (kind && *kind && k < 0)
        return dti_fail(e, DTI_ERR_INPUT, "kind",
                        "Loại quy tắc \"%s\" không rõ: achievement, ratio, steps, levels, yesno, reviewer",
                        "Unknown rule kind \"%s\": achievement, ratio, steps, levels, yesno, reviewer", kind);
    if (!out)
        return dti_fail(e, DTI_ERR_INPUT, "rule", "Thiếu chỗ ghi quy tắc", "No rule to fill");
    if (!isfinite(max) || max < 0)
        return dti_fail(e, DTI_ERR_INPUT, "max", "Điểm tối đa phải là số không âm",
                        "The maximum must be a number not below 0");
    score_rule_init(out, k >= 0 ? (score_rule_kind)k : SCORE_RULE_STEPS);
    if (k >= 0 && k != SCORE_RULE_STEPS && k != SCORE_RULE_LEVELS) {
        if (k == SCORE_RULE_RATIO && text && *text) {
            const char *p = text, *end;
            double v;
            while (*p && !is_digit(*p))
                p++;
            if (read_number(p, &end, &v) < 0)
                return dti_fail(e, DTI_ERR_INPUT, "rule", "Không đọc được tỷ lệ đạt điểm tối đa \"%s\"",
                                "Cannot read the ratio for full points \"%s\"", text);
            if (strchr(end, '%') || v > 1)
                v /= 100;
            if (!(v > 0) || v > 1)
                return dti_fail(e, DTI_ERR_INPUT, "rule", "Tỷ lệ đạt điểm tối đa phải trên 0 và không quá 100%%",
                                "The ratio for full points must be above 0 and at most 100%%");
            out->full = v;
        }
        return DTI_OK;
    }
    if (!text || !*text)
        return dti_fail(e, DTI_ERR_INPUT, "rule", "Thiếu cách tính điểm (các bậc hoặc các mức)",
                        "No scoring text (steps or levels)");
    size_t len = strlen(text);
    if (len >= sizeof buf)
        return dti_fail(e, DTI_ERR_TOOBIG, "rule", "Cách tính điểm dài quá %d byte",
                        "Scoring text longer than %d bytes", SCORE_RULE_TEXT_MAX - 1);
    memcpy(buf, text, len + 1);
    if ((rc = split_items(buf, it, &n, e)) != DTI_OK)
        return rc;
    if (n == 0)
        return dti_fail(e, DTI_ERR_INPUT, "rule", "Cách tính điểm không có mục nào",
                        "The scoring text has no items");

    int steps_ok = 0, any_num = 0;
    for (size_t i = 0; i < n; i++) {
        if ((rc = lhs_parse(it[i].left, &l[i], e)) != DTI_OK)
            return rc;
        if (l[i].nnum > 0)
            any_num = 1;
    }
    steps_ok = any_num;
    for (size_t i = 0; i < n; i++)
        if (l[i].nnum == 0 && !l[i].otherwise)
            steps_ok = 0;
    if (k == SCORE_RULE_STEPS && !steps_ok)
        return dti_fail(e, DTI_ERR_INPUT, "rule",
                        "Không đọc được các bậc: mỗi mục cần một số (\"4 lần: 20\") hoặc \"còn lại\"",
                        "Cannot read the steps: each item needs a number (\"4 lần: 20\") or \"còn lại\"");
    out->kind = (k == SCORE_RULE_LEVELS || !steps_ok) ? SCORE_RULE_LEVELS : SCORE_RULE_STEPS;

    for (size_t i = 0; i < n; i++) {
        score_amount a;
        if ((rc = amount_parse(it[i].right, &a, it[i].whole, e)) != DTI_OK)
            return rc;
        if ((rc = check_amount(&a, max, it[i].whole, e)) != DTI_OK)
            return rc;
        if (out->kind == SCORE_RULE_STEPS) {
            score_step *s = &out->steps[out->nsteps];
            if (l[i].nnum == 0) {
                s->otherwise = 1;
            } else {
                step_of(&l[i], s, &plain[out->nsteps]);
            }
            s->points = a;
            out->nsteps++;
        } else {
            score_level *v = &out->levels[out->nlevels];
            char *c = text_clean(it[i].left);
            if (!c)
                return dti_fail(e, DTI_ERR_NOMEM, NULL, "Hết bộ nhớ", "Out of memory");
            size_t cl = strlen(c);
            if (cl == 0 || cl >= sizeof v->label) {
                free(c);
                return dti_fail(e, DTI_ERR_INPUT, "rule", "Tên mức thứ %zu trống hoặc dài quá %d byte",
                                "Level %zu is empty or longer than %d bytes", out->nlevels + 1,
                                SCORE_RULE_LABEL_MAX - 1);
            }
            memcpy(v->label, c, cl + 1);
            free(c);
            v->points = a;
            out->nlevels++;
        }
    }
    if (out->kind == SCORE_RULE_STEPS)
        plain_direction(out, plain, max);
    return DTI_OK;
}

/* ---- points ----------------------------------------------------------- */

static int in_step(const score_step *s, double x)
{
    if (s->otherwise)
        return 0;
    if (x < s->lo || (s->lo_open && x == s->lo))
        return 0;
    if (x > s->hi || (s->hi_open && x == s->hi))
        return 0;
    return 1;
}

dti_rc score_rule_points(const score_rule *r, double max, const score_rule_input *in,
                         double *points, dti_err *e)
{
    double p = 0;
    *points = 0;
    if (!isfinite(max) || max < 0)
        return dti_fail(e, DTI_ERR_INPUT, "max", "Điểm tối đa phải là số không âm",
                        "The maximum must be a number not below 0");
    switch (r->kind) {
    case SCORE_RULE_ACHIEVEMENT:
        if (!isfinite(in->given) || in->given < 0 || in->given > 1)
            return dti_fail(e, DTI_ERR_INPUT, "achievement", "Mức đạt phải từ 0 đến 1",
                            "The achievement must be between 0 and 1");
        p = in->given * max;
        break;
    case SCORE_RULE_RATIO:
        if (!isfinite(in->a) || !isfinite(in->b) || in->a < 0 || !(in->b > 0))
            return dti_fail(e, DTI_ERR_INPUT, "ratio",
                            "Tỷ lệ cần tử số không âm và mẫu số lớn hơn 0 (%g/%g)",
                            "A ratio needs a numerator not below 0 and a denominator above 0 (%g/%g)",
                            in->a, in->b);
        p = (in->a / in->b) / (r->full > 0 ? r->full : 1);
        p = (p > 1 ? 1 : p) * max;
        break;
    case SCORE_RULE_STEPS: {
        const score_step *hit = NULL;
        if (!isfinite(in->x))
            return dti_fail(e, DTI_ERR_INPUT, "x", "Số liệu của bậc không phải là số hữu hạn",
                            "The figure for the steps is not a finite number");
        for (size_t i = 0; i < r->nsteps && !hit; i++)
            if (in_step(&r->steps[i], in->x))
                hit = &r->steps[i];
        for (size_t i = 0; i < r->nsteps && !hit; i++)
            if (r->steps[i].otherwise)
                hit = &r->steps[i];
        p = hit ? score_amount_points(&hit->points, max) : 0;
        break;
    }
    case SCORE_RULE_LEVELS: {
        int at = in->level;
        if (at < 0 && in->label)
            for (size_t i = 0; i < r->nlevels; i++)
                if (text_fold_eq(r->levels[i].label, in->label)) {
                    at = (int)i;
                    break;
                }
        if (at < 0 || (size_t)at >= r->nlevels)
            return dti_fail(e, DTI_ERR_INPUT, "level", "Mức \"%s\" không có trong quy tắc",
                            "Level \"%s\" is not in the rule", in->label ? in->label : "?");
        p = score_amount_points(&r->levels[at].points, max);
        break;
    }
    case SCORE_RULE_YESNO:
        p = in->yes ? max : 0;
        break;
    case SCORE_RULE_REVIEWER:
        if (!isfinite(in->given) || in->given < 0 || in->given > max + 1e-9)
            return dti_fail(e, DTI_ERR_INPUT, "points", "Điểm thẩm định phải từ 0 đến %g",
                            "The reviewer's points must be between 0 and %g", max);
        p = in->given;
        break;
    default:
        return dti_fail(e, DTI_ERR_INPUT, "kind", "Loại quy tắc không hợp lệ", "Invalid rule kind");
    }
    *points = p < 0 ? 0 : p > max ? max : p;
    return DTI_OK;
}

/* ---- description ------------------------------------------------------ */

static void put_amount(char *b, size_t n, const score_amount *a)
{
    if (a->of_max && a->v == 1)
        snprintf(b, n, "%s", TR("tối đa", "max"));
    else if (a->of_max)
        snprintf(b, n, "%g × %s", a->v, TR("tối đa", "max"));
    else
        snprintf(b, n, "%g", a->v);
}

int score_rule_describe(const score_rule *r, char *out, size_t n)
{
    size_t len = 0;
    int k, over = 0;
    char am[64];
#define ADD(...) do {                                                       \
        k = snprintf(out + len, len < n ? n - len : 0, __VA_ARGS__);        \
        if (k < 0 || len + (size_t)k >= n) over = 1; else len += (size_t)k; \
    } while (0)
    if (n == 0)
        return -1;
    out[0] = 0;
    ADD("%s", score_rule_kind_name(r->kind));
    if (r->kind == SCORE_RULE_RATIO && r->full != 1)
        ADD(": %s %g", TR("tối đa khi tỷ lệ đạt", "full at ratio"), r->full);
    for (size_t i = 0; i < r->nsteps && !over && r->kind == SCORE_RULE_STEPS; i++) {
        const score_step *s = &r->steps[i];
        put_amount(am, sizeof am, &s->points);
        if (s->otherwise)
            ADD("%s %s → %s", i ? ";" : ":", TR("còn lại", "otherwise"), am);
        else if (s->lo == s->hi)
            ADD("%s %g → %s", i ? ";" : ":", s->lo, am);
        else {
            char lo[32], hi[32];
            if (isinf(s->lo)) snprintf(lo, sizeof lo, "-∞"); else snprintf(lo, sizeof lo, "%g", s->lo);
            if (isinf(s->hi)) snprintf(hi, sizeof hi, "∞"); else snprintf(hi, sizeof hi, "%g", s->hi);
            ADD("%s %c%s, %s%c → %s", i ? ";" : ":", s->lo_open || isinf(s->lo) ? '(' : '[', lo, hi,
                s->hi_open || isinf(s->hi) ? ')' : ']', am);
        }
    }
    for (size_t i = 0; i < r->nlevels && !over && r->kind == SCORE_RULE_LEVELS; i++) {
        put_amount(am, sizeof am, &r->levels[i].points);
        ADD("%s %s → %s", i ? ";" : ":", r->levels[i].label, am);
    }
#undef ADD
    return over ? -1 : (int)len;
}
