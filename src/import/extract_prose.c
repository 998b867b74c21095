/* extract_prose.c — target phrases: in "Chỉ tiêu/nhiệm vụ" cells and in the
 * prose of target and task sections.
 *
 * A clause is cut into tokens (words, numbers, single punctuation marks,
 * each with its folded form). A target phrase is a number that is
 *   - a percentage ("70%"), or
 *   - preceded by an operator word ("đạt", "tối thiểu", "tối đa", "phấn đấu",
 *     "đảm bảo", "trên", "dưới", "hơn", "không quá", "từ … trở lên", ">"),
 * and not an age ("14 tuổi"), a duration (unless under an upper bound: "không
 * quá 05 ngày làm việc" is a service time), a year, a date, the second half of a ratio
 * ("/1000") or a scope ("cho 100% hệ thống": the work applies to all, it
 * sets no level). Percentages win over bare numbers in one clause, so
 * "tốc độ trên 1 Gb/s … đạt tối thiểu 70%" reads 70%. The operator words
 * before the number, the number, its unit ("%", "doanh nghiệp/1.000 dân",
 * "/9 nền tảng", "cán bộ, công chức" up to "trở lên") and "trở lên" make
 * the phrase; its year is the nearest "năm YYYY" in the clause, else the
 * plan's year.
 *
 * The indicator's name is the clause without the phrase:
 *   "100% X" form  (a percentage with no "đạt"-like word before it and a
 *                  noun after it): the name is X ("đảm bảo 100% cán bộ … được
 *                  đào tạo" → "Cán bộ … được đào tạo");
 *   "X đạt N" form: the name is what stands before the phrase, from the last
 *                  "đảm bảo/phấn đấu" when a rate noun (tỷ lệ, tỷ trọng, chỉ
 *                  số …) follows it; after a rate the words after the number
 *                  are its denominator ("1% tổng chi ngân sách"), kept in the
 *                  target's text; otherwise they complete the name ("bố trí
 *                  [01] cán bộ, công chức chuyên trách …"), up to a purpose
 *                  clause ("để", "nhằm").
 * Words before a "100% X" that are a verb of the work ("Số hóa 100% sổ hộ
 * tịch") stay in the name ("Số hóa sổ hộ tịch"); a time before the phrase
 * ("Đến năm 2030, trên 95% …") or after it ("đạt ít nhất 150 hộ vào năm
 * 2030", "… 100% thôn vào năm 2026") is the target's year, never part of
 * the name, nor is a "có" before the phrase ("có ít nhất 500 người …") or the
 * verb of a change ("giảm còn dưới 2%", "tăng lên 70%"). A starting point
 * ("tăng từ 45% năm 2025 lên 70%") or a change ("đạt 85% (tăng 10% so với
 * năm 2025)") is no target when the clause has a level to reach: the name
 * stops before it. "từ" (from) is an operator only with its "ừ": "tử" of
 * "điện tử" folds to the same "tu".
 * Clauses inside one parenthesis share the words before it ("kiểm tra … cho
 * hệ thống thông tin (tối thiểu 1 lần/2 năm đối với hệ thống thông tin cấp
 * độ 1; tối thiểu 1 lần/năm đối với …)").
 *
 * Prose pass: sections are found by their roman headings ("II. MỤC TIÊU",
 * "III. NHIỆM VỤ VÀ GIẢI PHÁP"); targets are read in target sections (not
 * under "Mục tiêu chung/tổng quát") and task sections, from paragraphs split
 * into sentences and clauses (";"). A prose target that restates a table row
 * (most of its words are the row's, or most of the row's words are in the
 * clause) is dropped. The group is the nearest numbered heading. A
 * signature's "Nơi nhận" closes the section it is in; the reading goes on
 * to the appendices, so the plan attached after a Decision is read too. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "base/buf.h"
#include "base/text.h"
#include "core/target.h"
#include "import/extract_int.h"

enum { T_WORD = 1, T_NUM, T_PUNCT };

typedef struct tok {
    size_t s, e;        /* byte span in the clause */
    int type;
    char f[40];         /* folded form (lower case, no tone marks), cut */
} tok;

typedef struct toks {
    tok *v;
    size_t n;
} toks;

static int is_wordchar(utf8proc_int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) || c == UTF8PROC_CATEGORY_ND;
}

static int tokenize(const char *s, toks *out)
{
    size_t n = strlen(s), i = 0, cap = 64;
    out->n = 0;
    out->v = malloc(cap * sizeof *out->v);
    if (!out->v)
        return -1;
    while (i < n && out->n < XT_MAX_TOKENS) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) {
            i++;
            continue;
        }
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0) {
            i += (size_t)k;
            continue;
        }
        if (out->n == cap) {
            cap *= 2;
            tok *v = realloc(out->v, cap * sizeof *v);
            if (!v)
                return -1;
            out->v = v;
        }
        tok *t = &out->v[out->n++];
        t->s = i;
        if (!is_wordchar(cp)) {
            t->type = T_PUNCT;
            i += (size_t)k;
            t->e = i;
            snprintf(t->f, sizeof t->f, "%.*s", (int)k, s + t->s);
            continue;
        }
        int digits = 1;
        while (i < n) {
            k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
            if (k <= 0)
                break;
            if (is_wordchar(cp)) {
                if (cp < '0' || cp > '9')
                    digits = 0;
                i += (size_t)k;
            } else if ((cp == '.' || cp == ',') && digits && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9' &&
                       i > t->s && s[i - 1] >= '0' && s[i - 1] <= '9') {
                i++;
            } else
                break;
        }
        t->e = i;
        t->type = digits ? T_NUM : T_WORD;
        char *sub = text_clean_n(s + t->s, t->e - t->s);
        char *f = sub ? text_fold(sub) : NULL;
        snprintf(t->f, sizeof t->f, "%s", f ? f : "");
        free(sub);
        free(f);
    }
    return 0;
}

static int W(const toks *T, size_t i, const char *w)
{
    return i < T->n && !strcmp(T->v[i].f, w);
}

/* Two-word folded sequence at I. */
static int W2(const toks *T, size_t i, const char *a, const char *b)
{
    return W(T, i, a) && W(T, i + 1, b);
}

static int is_rate_noun(const toks *T, size_t i)
{
    return W2(T, i, "ty", "le") || W2(T, i, "ti", "le") || W2(T, i, "ty", "trong") || W2(T, i, "ti", "trong") ||
           W2(T, i, "chi", "so") || W2(T, i, "so", "luong") || W2(T, i, "muc", "do");
}

enum {
    M_DAT = 1, M_MIN = 2, M_MAX = 4, M_STRIVE = 8, M_ENSURE = 16, M_GT = 32, M_LT = 64, M_FROM = 128,
    M_LEVEL = 256, M_EQ = 512, M_COLON = 1024
};

/* Token I of S is "đúng" (exactly), not "dụng" of "ứng dụng", "sử dụng":
 * both fold to "dung". */
static int is_dung_exactly(const char *s, const toks *T, size_t i)
{
    const tok *t = &T->v[i];
    for (size_t k = t->s; k + 1 < t->e; k++)
        if ((unsigned char)s[k] == 0xC3 && ((unsigned char)s[k + 1] == 0xBA || (unsigned char)s[k + 1] == 0x9A))
            return 1;   /* "ú", "Ú" */
    return 0;
}

/* Token I of S is "từ" (from), not "tử" of "điện tử": both fold to "tu". */
static int is_tu_from(const char *s, const toks *T, size_t i)
{
    const tok *t = &T->v[i];
    for (size_t k = t->s; k + 2 < t->e; k++)
        if ((unsigned char)s[k] == 0xE1 && (unsigned char)s[k + 1] == 0xBB &&
            ((unsigned char)s[k + 2] == 0xAB || (unsigned char)s[k + 2] == 0xAA))
            return 1;   /* "ừ", "Ừ" */
    return 0;
}

/* Operator words right before token I of S: their bits, and *START the first. */
static int markers_before(const char *s, const toks *T, size_t i, size_t *start)
{
    int m = 0;
    size_t k = i;
    for (;;) {
        if (k >= 2 && W2(T, k - 2, "toi", "thieu")) { m |= M_MIN; k -= 2; continue; }
        if (k >= 2 && W2(T, k - 2, "it", "nhat")) { m |= M_MIN; k -= 2; continue; }
        if (k >= 2 && W2(T, k - 2, "toi", "da")) { m |= M_MAX; k -= 2; continue; }
        if (k >= 2 && W2(T, k - 2, "khong", "qua")) { m |= M_MAX; k -= 2; continue; }
        /* negated: "không dưới" is at least, "không vượt quá" at most */
        if (k >= 2 && (W2(T, k - 2, "khong", "duoi") || W2(T, k - 2, "khong", "thap"))) { m |= M_MIN; k -= 2; continue; }
        if (k >= 3 && (W2(T, k - 3, "khong", "it") && W(T, k - 1, "hon"))) { m |= M_MIN; k -= 3; continue; }
        if (k >= 3 && (W2(T, k - 3, "khong", "thap") && W(T, k - 1, "hon"))) { m |= M_MIN; k -= 3; continue; }
        if (k >= 3 && (W2(T, k - 3, "khong", "vuot") && W(T, k - 1, "qua"))) { m |= M_MAX; k -= 3; continue; }
        if (k >= 2 && W2(T, k - 2, "phan", "dau")) { m |= M_STRIVE; k -= 2; continue; }
        if (k >= 2 && (W2(T, k - 2, "dam", "bao") || W2(T, k - 2, "bao", "dam"))) { m |= M_ENSURE; k -= 2; continue; }
        if (k >= 1 && W(T, k - 1, "dat")) { m |= M_DAT; k -= 1; continue; }
        if (k >= 1 && (W(T, k - 1, "tren") || W(T, k - 1, "hon") || W(T, k - 1, ">"))) { m |= M_GT; k -= 1; continue; }
        if (k >= 1 && (W(T, k - 1, "duoi") || W(T, k - 1, "<"))) { m |= M_LT; k -= 1; continue; }
        if (k >= 1 && (W(T, k - 1, "≥"))) { m |= M_MIN; k -= 1; continue; }
        if (k >= 1 && (W(T, k - 1, "≤"))) { m |= M_MAX; k -= 1; continue; }
        if (k >= 1 && W(T, k - 1, "tu") && is_tu_from(s, T, k - 1)) { m |= M_FROM; k -= 1; continue; }
        if (k >= 1 && (W(T, k - 1, "muc") || W(T, k - 1, "len"))) { m |= M_LEVEL; k -= 1; continue; }
        if (k >= 1 && (W(T, k - 1, "bang") || (W(T, k - 1, "dung") && is_dung_exactly(s, T, k - 1)) ||
                       W(T, k - 1, "="))) { m |= M_EQ; k -= 1; continue; }
        break;
    }
    /* "mức"/"lên" alone are no operator */
    if (m == M_LEVEL)
        m = 0, k = i;
    *start = k;
    return m;
}

static double num_value(const char *s, size_t n)
{
    char b[64];
    size_t k = 0;
    int seps = 0, last3 = 1;
    size_t lastsep = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '.' || s[i] == ',') {
            if (seps && i - lastsep != 4)
                last3 = 0;
            seps++;
            lastsep = i;
        }
    if (seps && n - lastsep - 1 != 3)
        last3 = 0;
    /* "1.000" groups thousands; "0,70" and "0.70" are decimals */
    int thousands = seps && last3 && s[lastsep] == '.' && !(s[0] == '0' && lastsep == 1);
    for (size_t i = 0; i < n && k < sizeof b - 1; i++) {
        if (s[i] == '.' || s[i] == ',') {
            if (!thousands)
                b[k++] = '.';
        } else
            b[k++] = s[i];
    }
    b[k] = 0;
    return strtod(b, NULL);
}

static const char *const UNIT_STOP[] = {"theo", "trong", "tai", "cua", "duoc", "doi", "de", "nham", "va", "cho",
                                        "tren", "voi", "so", "o", "khi", "tro", "thuoc", "hoac", "la", "vao"};

static int unit_stop(const toks *T, size_t i)
{
    if (T->v[i].type == T_PUNCT)
        return strcmp(T->v[i].f, "/") != 0;
    /* "năm 2026" is a year, "lần/2 năm" a unit */
    if (W(T, i, "nam") && i + 1 < T->n && T->v[i + 1].type == T_NUM && strlen(T->v[i + 1].f) == 4)
        return 1;
    for (size_t k = 0; k < sizeof UNIT_STOP / sizeof *UNIT_STOP; k++)
        if (W(T, i, UNIT_STOP[k]))
            return 1;
    return 0;
}

typedef struct cand {
    size_t num;         /* token of the number */
    size_t ps, pe;      /* phrase tokens [ps, pe) */
    size_t us, ue;      /* unit tokens [us, ue) (non-% units) */
    int pct, marks, year, frac;
    double value;
} cand;

/* Read the candidate at number token I; 0 when it is none. CELL: a target
 * cell, where any number is a target. */
static int read_cand(const toks *T, const char *s, size_t i, int cell, cand *c)
{
    memset(c, 0, sizeof *c);
    if (T->v[i].type != T_NUM)
        return 0;
    if (i >= 1 && (W(T, i - 1, "/") || W(T, i - 1, "-") || W(T, i - 1, ".")))
        return 0;
    /* dates and codes: 10/10/2026, 22/2023/TT */
    if (W(T, i + 1, "/") && i + 2 < T->n && T->v[i + 2].type == T_NUM && W(T, i + 3, "/"))
        return 0;
    /* ages, years, months, durations are no targets ("từ 15 tuổi", "trong
     * 30 ngày"), except a duration under an upper bound: a service time
     * ("không quá 05 ngày làm việc", "dưới 24 giờ") */
    if (i + 1 < T->n && (W(T, i + 1, "ngay") || W(T, i + 1, "gio"))) {
        size_t st;
        if (!(markers_before(s, T, i, &st) & (M_MAX | M_LT)))
            return 0;
    }
    if (i + 1 < T->n && (W(T, i + 1, "tuoi") || W(T, i + 1, "nam") || W(T, i + 1, "thang")))
        return 0;
    c->num = i;
    c->value = num_value(s + T->v[i].s, T->v[i].e - T->v[i].s);
    c->marks = markers_before(s, T, i, &c->ps);
    c->pct = W(T, i + 1, "%");
    if (!c->pct && c->value >= 1900 && c->value <= 2100)
        return 0;
    /* "Tên chỉ tiêu: 01 doanh nghiệp/1.000 dân" — a value after a colon,
     * when it ends the clause (checked below) */
    if (!c->pct && !c->marks && !cell && i >= 1 && W(T, i - 1, ":"))
        c->marks = M_COLON;
    if (!c->pct && !c->marks && !cell)
        return 0;
    if (c->pct && !c->marks && !cell && i >= 1 &&
        (W(T, i - 1, "cho") || W(T, i - 1, "den") || W(T, i - 1, "voi") || W(T, i - 1, "tai")))
        return 0;
    size_t j = i + 1;
    if (c->pct) {
        j = i + 2;
        c->us = c->ue = j;
    } else {
        c->us = j;
        if (W(T, j, "/") && j + 1 < T->n && T->v[j + 1].type == T_NUM) {
            c->frac = 1;
            j += 2;
        }
        /* "từ 01 cán bộ, công chức trở lên": the unit runs to "trở lên" */
        size_t tl = 0;
        for (size_t k = j; k < T->n && k < j + 8; k++) {
            if (W(T, k, ";") || W(T, k, "."))
                break;
            if (W2(T, k, "tro", "len") || W2(T, k, "tro", "xuong")) {
                tl = k;
                break;
            }
        }
        if (tl) {
            j = tl;
        } else {
            int words = 0;
            while (j < T->n && words < 5 && !unit_stop(T, j)) {
                if (T->v[j].type == T_PUNCT) {  /* "/" inside a unit */
                    if (j + 1 >= T->n || T->v[j + 1].type == T_PUNCT)
                        break;
                } else
                    words++;
                j++;
            }
        }
        c->ue = j;
        if (!cell && !c->frac && c->ue == c->us && !(c->marks & (M_MIN | M_MAX | M_GT | M_LT | M_DAT | M_COLON)))
            return 0;
        if (c->ue > c->us && T->v[c->ue - 1].type == T_PUNCT)
            c->ue--;
    }
    if (W2(T, j, "tro", "len") || W2(T, j, "tro", "xuong"))
        j += 2;
    c->pe = j;
    if (c->marks == M_COLON && j < T->n && !(j + 1 == T->n && T->v[j].type == T_PUNCT))
        return 0;
    if (c->marks & M_FROM && !(W2(T, j - 2, "tro", "len")) && !c->pct && !cell)
        c->marks &= ~M_FROM;
    return 1;
}

static target_op cand_op(const cand *c, const toks *T)
{
    if (c->marks & M_GT)
        return TARGET_GT;
    if (c->marks & M_LT)
        return TARGET_LT;
    if (c->marks & M_MAX)
        return TARGET_LE;
    if ((c->marks & M_EQ) && !(c->marks & (M_MIN | M_DAT)))
        return TARGET_EQ;
    (void)T;
    return TARGET_GE;
}

/* Nearest "năm YYYY" in the clause, by distance in tokens, or DEF. */
static int cand_year(const toks *T, const cand *c, int def)
{
    int best = def;
    size_t bestd = (size_t)-1;
    for (size_t k = 0; k + 1 < T->n; k++) {
        if (!W(T, k, "nam") || T->v[k + 1].type != T_NUM)
            continue;
        long y = strtol(T->v[k + 1].f, NULL, 10);
        if (y < 2000 || y > 2100)
            continue;
        size_t d = k > c->num ? k - c->num : c->num - k;
        /* "85% năm 2026 và 95% vào năm 2028": a year never reaches past
         * another percentage to the number on its other side */
        size_t lo = k > c->num ? c->num + 1 : k + 2, hi = k > c->num ? k : c->num;
        int across = 0;
        for (size_t m = lo; m + 1 < hi + 1 && m < T->n; m++)
            if (T->v[m].type == T_NUM && W(T, m + 1, "%"))
                across = 1;
        /* "85% năm 2026": a year right after another percentage is its */
        size_t a = k;
        if (a >= 1 && (W(T, a - 1, "vao") || W(T, a - 1, "den") || W(T, a - 1, "trong")))
            a--;
        if (a >= 2 && W(T, a - 1, "%") && T->v[a - 2].type == T_NUM && a - 2 != c->num)
            across = 1;
        if (across)
            continue;
        if (d < bestd) {
            bestd = d;
            best = (int)y;
        }
    }
    return best;
}

static char *span(const char *s, const toks *T, size_t a, size_t b)
{
    if (a >= b || a >= T->n)
        return NULL;
    if (b > T->n)
        b = T->n;
    return text_clean_n(s + T->v[a].s, T->v[b - 1].e - T->v[a].s);
}

/* Fill target T from candidate C over S: target.h reads the phrase; the
 * fallback reads what the candidate found. */
static int cand_target(const char *s, const toks *T, const cand *c, size_t text_end, int year, plan_target *t)
{
    char *phrase = span(s, T, c->ps, c->pe);
    char *text = span(s, T, c->ps, text_end > c->pe ? text_end : c->pe);
    if (!phrase || !text) {
        free(phrase);
        free(text);
        return -1;
    }
    plan_target got[2];
    size_t n = target_parse(phrase, year, 0, got, 2);
    memset(t, 0, sizeof *t);
    if (n) {
        *t = got[0];
        for (size_t k = 1; k < n; k++)
            target_release(&got[k]);
        t->year = year;
        free(t->text);
    } else {
        t->year = year;
        t->op = cand_op(c, T);
        t->has_value = 1;
        t->value = c->value;
        if (c->pct)
            t->unit = strdup("%");
        else if (c->ue > c->us)
            t->unit = text_clean_n(s + T->v[c->us].s, T->v[c->ue - 1].e - T->v[c->us].s);
        else
            t->unit = strdup("");
        if (!t->unit) {
            free(phrase);
            free(text);
            return -1;
        }
    }
    t->text = text;
    free(phrase);
    return 0;
}

void xt_found_release(xt_found *f)
{
    if (!f)
        return;
    free(f->name);
    for (size_t k = 0; k < f->nt; k++)
        target_release(&f->t[k]);
    memset(f, 0, sizeof *f);
}

static int is_stopw(const toks *T, size_t i, const char *const *w, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (W(T, i, w[k]))
            return 1;
    return 0;
}

/* Remove "đối với X" from the start of R when the name already ends in X. */
static void drop_repeat(buf *name, const char *r_in, char **r_out)
{
    *r_out = NULL;
    char *rf = text_fold(r_in);
    if (!rf)
        return;
    if (strncmp(rf, "doi voi ", 8) != 0) {
        free(rf);
        return;
    }
    /* compare words of R after "đối với" with the name's last words */
    char *nf = name->ptr ? text_fold(name->ptr) : NULL;
    const char *after = rf + 8;
    size_t best = 0;
    if (nf) {
        size_t nl = strlen(nf);
        for (size_t len = 1; len <= nl && len <= strlen(after); len++) {
            if ((after[len] == ' ' || after[len] == 0) && (nl == len || nf[nl - len - 1] == ' ') &&
                strncmp(nf + nl - len, after, len) == 0)
                best = len;
        }
    }
    if (best) {
        /* skip 2 + words(best) words of the original */
        size_t words = 2;
        for (size_t k = 0; k < best; k++)
            if (after[k] == ' ')
                words++;
        words++;
        const char *p = r_in;
        for (size_t w = 0; w < words && *p; w++) {
            while (*p == ' ')
                p++;
            while (*p && *p != ' ')
                p++;
        }
        while (*p == ' ')
            p++;
        *r_out = strdup(p);
    }
    free(nf);
    free(rf);
}

/* Tokens [A, B) are only a time ("Đến năm 2030,", "vào năm 2030", "Trong
 * năm 2026", "đến hết năm 2026"): the target's year, not part of a name. */
static int time_only(const toks *T, size_t a, size_t b)
{
    size_t k = a;
    if (k < b && (W(T, k, "den") || W(T, k, "vao") || W(T, k, "trong") || W(T, k, "toi")))
        k++;
    if (k < b && (W(T, k, "het") || W(T, k, "cuoi")))
        k++;
    if (!(k + 1 < b && W(T, k, "nam") && T->v[k + 1].type == T_NUM && strlen(T->v[k + 1].f) == 4))
        return 0;
    k += 2;
    while (k < b && T->v[k].type == T_PUNCT && (W(T, k, ",") || W(T, k, ".") || W(T, k, ";")))
        k++;
    return k >= b;
}

/* Tokens [0, E) before a "100% X" phrase are a verb of the name ("Số hóa
 * 100% sổ hộ tịch" → "Số hóa sổ hộ tịch"), not a lead-in to drop ("đảm bảo",
 * "phấn đấu", "có", a time, a rate noun): a few words, no punctuation. */
static int verb_before(const toks *T, size_t e)
{
    if (e == 0 || e > 4)
        return 0;
    for (size_t k = 0; k < e; k++) {
        if (T->v[k].type != T_WORD)
            return 0;
        if (W(T, k, "co") || W(T, k, "dat") || W(T, k, "nam") || W(T, k, "den") || W(T, k, "trong") ||
            W(T, k, "voi") || W(T, k, "cho") || W(T, k, "tai") || is_rate_noun(T, k) ||
            W2(T, k, "dam", "bao") || W2(T, k, "bao", "dam") || W2(T, k, "phan", "dau"))
            return 0;
    }
    return 1;
}

/* ASTOP: the first token of a starting point or change set aside (see
 * aside()), or T->n: the name stops there. */
static int build(const char *s, const toks *T, cand *cs, size_t nc, int year, const char *leadin, int prose,
                 size_t astop, xt_found *f)
{
    cand *c = &cs[0];
    size_t n = T->n;
    static const char *const NOUN_STOP[] = {"trong", "tai", "theo", "cua", "nham", "de", "va", "tren", "tro",
                                            "vao", "den", "nam"};
    int xform = c->pct && !(c->marks & (M_DAT | M_MIN | M_MAX | M_GT | M_LT | M_LEVEL | M_FROM)) &&
                c->pe < n && T->v[c->pe].type == T_WORD &&
                !is_stopw(T, c->pe, NOUN_STOP, sizeof NOUN_STOP / sizeof *NOUN_STOP);
    buf name;
    buf_init(&name, DOC_MAX_CELL);
    size_t text_end = c->pe;
    int rc = -1;
    if (xform) {
        size_t e = n;
        /* another candidate later in the clause ends the name */
        if (nc > 1)
            e = cs[1].ps;
        /* "… 100% thôn, bản vào năm 2026": the time is the target's */
        for (size_t k = c->pe + 1; k < e; k++)
            if (time_only(T, k, e)) {
                e = k;
                break;
            }
        char *v = verb_before(T, c->ps) ? span(s, T, 0, c->ps) : NULL;
        char *x = span(s, T, c->pe, e);
        if (v && x) {
            buf_adds(&name, v);
            buf_addc(&name, ' ');
        }
        if (x)
            buf_adds(&name, x);
        free(v);
        free(x);
    } else {
        size_t ls = 0;
        /* a label before ':' in prose ("Kiểm tra …: Tăng cường …") */
        if (prose)
            for (size_t k = 0; k + 3 < c->ps; k++)
                if (W(T, k, ":"))
                    ls = k + 1;
        /* the last "đảm bảo / phấn đấu" before the phrase */
        for (size_t k = ls; k + 1 < c->ps; k++)
            if (W2(T, k, "dam", "bao") || W2(T, k, "bao", "dam") || W2(T, k, "phan", "dau")) {
                if (is_rate_noun(T, k + 2))
                    ls = k + 2;
                else if (k > ls && W(T, k - 1, ","))
                    ls = k;
            }
        if (ls == 0 || !is_rate_noun(T, ls))
            for (size_t k = ls; k + 1 < c->ps; k++)
                if (W(T, k, ",") && is_rate_noun(T, k + 1) && prose)
                    ls = k + 1;
        int rate = is_rate_noun(T, ls);
        /* the year the phrase is for ("… đến năm 2028 đạt 90%") is the
         * target's, not part of the name */
        size_t le = c->ps;
        if (le >= ls + 3 && W(T, le - 2, "nam") && T->v[le - 1].type == T_NUM && strlen(T->v[le - 1].f) == 4) {
            le -= 2;
            if (W(T, le - 1, "den") || W(T, le - 1, "vao") || W(T, le - 1, "trong") || W(T, le - 1, "toi"))
                le--;
            if (le > ls && W(T, le - 1, ","))
                le--;
        }
        if (astop > ls && astop < le)
            le = astop;
        if (time_only(T, ls, le))
            le = ls;
        /* a time and "có" before the phrase are no name ("Đến hết năm 2027,
         * có ít nhất 500 người …"); the verb of a change is the operator's
         * ("… giảm còn dưới 2%", "tăng lên 70%") */
        for (size_t k = ls; k < le; k++)
            if (W(T, k, ",") && time_only(T, ls, k + 1)) {
                ls = k + 1;
                rate = is_rate_noun(T, ls);
                break;
            }
        if (ls + 1 == le && W(T, ls, "co"))
            ls = le;
        if (le > ls + 1 && (W(T, le - 1, "con") || W(T, le - 1, "xuong") || W(T, le - 1, "len"))) {
            le--;
            if (le > ls + 1 && (W(T, le - 1, "tang") || W(T, le - 1, "giam") || W(T, le - 1, "nang")))
                le--;
        }
        char *l = span(s, T, ls, le);
        if (!l && leadin)
            buf_adds(&name, leadin);
        else if (l)
            buf_adds(&name, l);
        free(l);
        /* strip a "(" the phrase opened */
        while (name.len && (name.ptr[name.len - 1] == '(' || name.ptr[name.len - 1] == ' ' ||
                            name.ptr[name.len - 1] == ':' || name.ptr[name.len - 1] == ','))
            name.ptr[--name.len] = 0;
        if (rate) {
            /* the words after a rate are its denominator: target text */
            size_t e = c->pe;
            while (e < n && !W(T, e, ";") && !W(T, e, ".") && !W(T, e, ","))
                e++;
            if (nc == 1)
                text_end = e;
        } else {
            /* "bố trí [01] cán bộ chuyên trách …": a counted object stays in
             * the name when words follow it; "Số điểm …: 02 điểm" ends there */
            size_t re = c->pe;
            while (re < n && !W(T, re, ";") && !W(T, re, "."))
                re++;
            int rest_time = time_only(T, c->pe, re);
            if (!rest_time && !c->pct && !c->frac && c->ue > c->us && c->pe < n && T->v[c->pe].type != T_PUNCT) {
                char *u = span(s, T, c->us, c->ue);
                if (u && !strchr(u, '/')) {
                    buf_addc(&name, ' ');
                    buf_adds(&name, u);
                }
                free(u);
            }
            size_t e = c->pe;
            int depth = 0;
            for (size_t k = 0; k < c->ps; k++)
                depth += W(T, k, "(") - W(T, k, ")");
            size_t rs = c->pe;
            for (e = rs; e < n; e++) {
                if (W(T, e, "de") || W(T, e, "nham") || e == astop)
                    break;
                if (nc > 1 && e >= cs[1].ps)
                    break;
                if (W(T, e, ")") && depth <= 0 && leadin)
                    break;
                if (W(T, e, ")") && depth > 0)
                    break;
            }
            char *r = rest_time ? NULL : span(s, T, rs, e);
            if (r) {
                char *r2 = NULL;
                drop_repeat(&name, r, &r2);
                buf_addc(&name, ' ');
                buf_adds(&name, r2 ? r2 : r);
                free(r2);
            }
            free(r);
        }
    }
    char *nm = buf_detach(&name);
    if (!nm)
        goto out;
    /* unbalanced parentheses at the ends */
    size_t L = strlen(nm);
    int open = 0, close = 0;
    for (size_t k = 0; k < L; k++)
        open += nm[k] == '(', close += nm[k] == ')';
    if (close > open && L && nm[L - 1] == ')')
        nm[L - 1] = 0;
    f->name = xt_name(nm, " .;:,");
    free(nm);
    if (!f->name) {
        rc = 0;
        goto out;
    }
    f->nt = 0;
    for (size_t k = 0; k < nc && f->nt < sizeof f->t / sizeof *f->t; k++) {
        int y = cand_year(T, &cs[k], year);
        if (cand_target(s, T, &cs[k], k == 0 ? text_end : cs[k].pe, y, &f->t[f->nt]) < 0)
            goto out;
        f->nt++;
    }
    rc = 1;
out:
    buf_release(&name);
    return rc;
}

/* Candidate C is a starting point or a change, not a level to reach: "tăng
 * từ 45% năm 2025 lên 70%" (from, with a later "lên/đến" and a number),
 * "giảm từ 3,2% xuống dưới 1%" (from, with a later "lên/đến/xuống/còn" and a
 * number, maybe after its operator), "(tăng 10% so với năm 2025)" (a rise or
 * fall, or "so với" after it). */
static int aside(const toks *T, const cand *c)
{
    size_t i = c->num;
    if (i >= 1 && (W(T, i - 1, "tang") || W(T, i - 1, "giam") || W(T, i - 1, "them")))
        return 1;
    for (size_t k = c->pe; k < T->n && k < c->pe + 3; k++)
        if (W2(T, k, "so", "voi"))
            return 1;
    if ((c->marks & M_FROM) && !W2(T, c->pe - 2, "tro", "len"))
        for (size_t k = c->pe; k + 1 < T->n && k < c->pe + 6; k++)
            if ((W(T, k, "len") || W(T, k, "den") || W(T, k, "xuong") || W(T, k, "con")) &&
                (T->v[k + 1].type == T_NUM || (k + 2 < T->n && T->v[k + 2].type == T_NUM)))
                return 1;
    return 0;
}

static int find_in(const char *text, int year, const char *leadin, int prose, xt_found *f)
{
    toks T = {NULL, 0};
    cand cs[4];
    size_t nc = 0;
    int rc = 0, have_pct = 0;
    memset(f, 0, sizeof *f);
    if (tokenize(text, &T) < 0)
        goto out;
    int have_level = 0;     /* a candidate that is no starting point or change */
    for (size_t i = 0; i < T.n; i++) {
        cand c;
        if (read_cand(&T, text, i, 0, &c)) {
            if (c.pct)
                have_pct = 1;
            if (!aside(&T, &c))
                have_level = 1;
        }
    }
    size_t astop = T.n;
    for (size_t i = 0; i < T.n && nc < 4; i++) {
        cand c;
        if (!read_cand(&T, text, i, 0, &c) || (have_pct && !c.pct))
            continue;
        if (have_level && aside(&T, &c)) {
            /* "… tăng từ 45% …": the name stops before the rise */
            size_t a = c.ps;
            if (a >= 1 && (W(&T, a - 1, "tang") || W(&T, a - 1, "giam")))
                a--;
            if (a >= 1 && W(&T, a - 1, "("))
                a--;
            if (a < astop)
                astop = a;
            i = c.pe ? c.pe - 1 : i;
            continue;
        }
        c.year = cand_year(&T, &c, year);
        /* more targets in one clause only for other years */
        int dup = 0;
        for (size_t k = 0; k < nc; k++)
            if (cs[k].year == c.year)
                dup = 1;
        if (!dup)
            cs[nc++] = c;
        i = c.pe ? c.pe - 1 : i;
    }
    if (nc)
        rc = build(text, &T, cs, nc, year, leadin, prose, astop, f);
    if (rc < 0)
        rc = 0;
    if (!rc)
        xt_found_release(f);
out:
    free(T.v);
    return rc;
}

int xt_find_target(const char *text, int year, const char *leadin, xt_found *f)
{
    return find_in(text, year, leadin, 0, f);
}

size_t xt_target_parse(const char *text, int year, int want_text, plan_target *out, size_t max)
{
    size_t n = target_parse(text, year, want_text, out, max);
    if (n || !max)
        return n;
    toks T = {NULL, 0};
    if (tokenize(text, &T) < 0) {
        free(T.v);
        return 0;
    }
    for (size_t i = 0; i < T.n; i++) {
        cand c;
        if (!read_cand(&T, text, i, 1, &c))
            continue;
        if (cand_target(text, &T, &c, c.pe, year, &out[0]) == 0) {
            free(out[0].text);
            out[0].text = text_clean(text);
            n = 1;
        }
        break;
    }
    free(T.v);
    if (!n && want_text) {
        memset(&out[0], 0, sizeof out[0]);
        out[0].year = year;
        out[0].op = TARGET_TEXT;
        out[0].unit = strdup("");
        out[0].text = text_clean(text);
        n = 1;
    }
    return n;
}

/* ---- the prose pass -------------------------------------------------- */

enum { S_NONE = 0, S_TARGET, S_TASK };

/* Content words of S (folded), for restatement tests. */
static const char *const STOPWORDS[] = {
    "cac", "cua", "va", "duoc", "cho", "trong", "tren", "voi", "tai", "xa", "ty", "ti", "le", "nhung", "mot",
    "la", "co", "theo", "ve", "den", "tu", "dat", "toi", "thieu", "da", "phan", "dau", "nay", "o", "khi",
    "hoac", "thuc", "hien", "nam", "trong"};

static int content_words(const char *s, strlist *out)
{
    char *f = text_fold(s);
    if (!f)
        return -1;
    for (char *p = f; *p;) {
        while (*p == ' ')
            p++;
        char *w = p;
        while (*p && *p != ' ')
            p++;
        if (p == w)
            break;
        char save = *p;
        *p = 0;
        int skip = (*w >= '0' && *w <= '9');
        for (size_t k = 0; !skip && k < sizeof STOPWORDS / sizeof *STOPWORDS; k++)
            if (!strcmp(w, STOPWORDS[k]))
                skip = 1;
        if (!skip && strlist_find(out, w) < 0 && strlist_add(out, w) < 0) {
            free(f);
            return -1;
        }
        *p = save;
    }
    free(f);
    return 0;
}

static double contained(const strlist *a, const strlist *b)
{
    if (!a->n)
        return 0;
    size_t in = 0;
    for (size_t i = 0; i < a->n; i++)
        in += strlist_find(b, a->v[i]) >= 0;
    return (double)in / (double)a->n;
}

struct xt_words {
    char *of;           /* owned: the name these words were taken from */
    strlist w;
};

void xt_words_release(xt_ctx *x)
{
    for (size_t i = 0; i < x->nwords; i++) {
        strlist_release(&x->words[i].w);
        free(x->words[i].of);
    }
    free(x->words);
    x->words = NULL;
    x->nwords = 0;
}

/* Content words of indicator I's name, from the cache (x->words). */
static const strlist *ind_words(xt_ctx *x, size_t i)
{
    if (i >= x->nwords) {
        size_t n = x->p->nindicators;
        struct xt_words *w = realloc(x->words, n * sizeof *w);
        if (!w)
            return NULL;
        memset(w + x->nwords, 0, (n - x->nwords) * sizeof *w);
        x->words = w;
        x->nwords = n;
    }
    struct xt_words *c = &x->words[i];
    const char *name = x->p->indicators[i]->name;
    if (!c->of || strcmp(c->of, name) != 0) {
        strlist_release(&c->w);
        free(c->of);
        if (!(c->of = strdup(name)) || content_words(name, &c->w) < 0)
            return NULL;
    }
    return &c->w;
}

/* Does the prose target (NAME, in CLAUSE) restate an indicator of a table? */
static int restates(xt_ctx *x, const char *name, const char *clause)
{
    strlist N = STRLIST_INIT, C = STRLIST_INIT;
    int r = 0;
    if (content_words(name, &N) < 0 || content_words(clause, &C) < 0) {
        x->failed = 1;
        goto out;
    }
    for (size_t i = 0; i < x->p->nindicators && !r; i++) {
        if (x->ind_prose[i] || !x->p->indicators[i]->name)
            continue;
        const strlist *R = ind_words(x, i);
        if (!R) {
            x->failed = 1;
            break;
        }
        if ((N.n >= 3 && contained(&N, R) >= 0.75) || (R->n >= 4 && contained(R, &C) >= 0.65))
            r = 1;
    }
out:
    strlist_release(&N);
    strlist_release(&C);
    return r;
}

typedef struct heading {
    char code[32];
    char *name;
} heading;

/* No lower-case letter, and at least a few letters. */
static int all_caps(const char *s)
{
    size_t letters = 0;
    for (const char *p = s; *p;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)p, -1, &cp);
        if (k <= 0)
            return 0;
        utf8proc_category_t c = utf8proc_category(cp);
        if (c == UTF8PROC_CATEGORY_LL)
            return 0;
        letters += c == UTF8PROC_CATEGORY_LU;
        p += k;
    }
    return letters >= 6;
}

/* Paragraph looks like a heading: short, not a sentence. */
static int heading_like(const doc_block *b)
{
    size_t n = strlen(b->text);
    if (b->heading || b->bold)
        return n < 300;
    if (n > 200)
        return 0;
    return !strchr(".;", b->text[n - 1]);
}

static void add_prose(xt_ctx *x, size_t pos, long grp, xt_found *f, const char *clause)
{
    if (restates(x, f->name, clause))
        return;
    /* the same name twice in prose: once */
    for (size_t i = 0; i < x->p->nindicators; i++)
        if (x->ind_prose[i] && x->p->indicators[i]->name && text_fold_eq(x->p->indicators[i]->name, f->name))
            return;
    plan_indicator *ind = xt_add_indicator(x, pos, grp, 1);
    if (!ind)
        return;
    ind->name = f->name;
    f->name = NULL;
    for (size_t k = 0; k < f->nt; k++)
        if (plan_indicator_add_target(ind, f->t[k].year, f->t[k].op, f->t[k].has_value, f->t[k].value,
                                      f->t[k].unit, f->t[k].text) < 0)
            x->failed = 1;
}

/* "Phấn đấu kinh tế số đạt theo chỉ đạo": a target in words only. */
static int text_target(const char *clause, int year, xt_found *f)
{
    char *fo = text_fold(clause);
    int rc = 0;
    memset(f, 0, sizeof *f);
    if (!fo)
        return 0;
    size_t words = 1;
    for (const char *p = fo; *p; p++)
        words += *p == ' ';
    const char *dat = strstr(fo, " dat ");
    if (xt_starts(fo, "phan dau") && dat && words <= 14) {
        /* the name: the words between "phấn đấu" and "đạt" in the original */
        size_t wa = 2, wb = 0;
        for (const char *p = fo; p < dat; p++)
            wb += *p == ' ';
        wb++;
        const char *p = clause, *st = NULL, *en = NULL;
        size_t w = 0;
        while (*p) {
            while (*p == ' ')
                p++;
            if (w == wa)
                st = p;
            if (w == wb) {
                en = p;
                break;
            }
            while (*p && *p != ' ')
                p++;
            w++;
        }
        if (st && en && en > st) {
            char *n = text_clean_n(st, (size_t)(en - st));
            f->name = n ? xt_name(n, " .;:,") : NULL;
            free(n);
            if (f->name) {
                f->t[0].year = year;
                f->t[0].op = TARGET_TEXT;
                f->t[0].unit = strdup("");
                f->t[0].text = xt_name(clause, " .;");
                f->nt = 1;
                rc = f->t[0].unit && f->t[0].text;
            }
        }
    }
    free(fo);
    if (!rc)
        xt_found_release(f);
    return rc;
}

/* Split a paragraph into sentences and clauses; read each. */
static void read_para(xt_ctx *x, size_t b, const char *text, long grp)
{
    /* drop a list label: "- ", "+ ", "a) " */
    const char *p = text;
    char code[16];
    int level;
    while ((*p == '-' || *p == '+' || *p == '*') && p[1] == ' ')
        p += 2;
    size_t used = xt_code(p, code, sizeof code, &level);
    if (used && level == 5)
        p += used;
    size_t n = strlen(p), st = 0, clause_no = 0;
    int depth = 0;
    char *leadin = NULL;
    for (size_t i = 0; i <= n; i++) {
        int end = i == n || p[i] == ';';
        /* a sentence ends at ". " before a capital letter */
        if (!end && p[i] == '.' && p[i + 1] == ' ' && (unsigned char)p[i + 2] >= 'A' &&
            !((unsigned char)p[i + 2] >= 'a' && (unsigned char)p[i + 2] <= 'z') &&
            !(p[i + 2] >= '0' && p[i + 2] <= '9'))
            end = 2;
        if (p[i] == '(')
            depth++;
        if (p[i] == ')' && depth > 0)
            depth--;
        if (!end)
            continue;
        char *clause = text_clean_n(p + st, i - st);
        if (!clause) {
            x->failed = 1;
            break;
        }
        xt_found f;
        const char *li = depth > 0 || (leadin && strchr(clause, ')')) ? leadin : NULL;
        if (find_in(clause, x->year, li, 1, &f) || text_target(clause, x->year, &f)) {
            add_prose(x, XT_POS(b, clause_no), grp, &f, clause);
            xt_found_release(&f);
        }
        /* a parenthesis opened here: its clauses share the words before it */
        if (depth > 0 && !leadin) {
            const char *o = strchr(clause, '(');
            if (o) {
                char *l = text_clean_n(clause, (size_t)(o - clause));
                if (l) {
                    /* from the label's end */
                    const char *c = strrchr(l, ':');
                    leadin = strdup(c ? c + 1 : l);
                    free(l);
                    if (leadin)
                        text_trim(leadin, " ");
                }
            }
        }
        if (depth == 0) {
            free(leadin);
            leadin = NULL;
        }
        free(clause);
        clause_no++;
        st = i + 1;
        if (end == 2)
            depth = 0;
    }
    free(leadin);
}

void xt_prose(xt_ctx *x)
{
    const doc *d = x->d;
    int section = S_NONE, skip = 0;
    heading h[6];
    memset(h, 0, sizeof h);
    size_t end = x->body_end ? x->body_end : d->n;
    for (size_t b = 0; b < end && !x->failed; b++) {
        const doc_block *blk = &d->blocks[b];
        if (blk->kind != DOC_PARA)
            continue;
        char *f = text_fold(blk->text);
        if (!f) {
            x->failed = 1;
            break;
        }
        if (xt_starts(f, "noi nhan")) {
            /* the signature's recipients end a section, not the reading: a
             * plan attached to a Decision ("Kèm theo Quyết định số …") comes
             * after the Decision's own "Nơi nhận" */
            section = S_NONE;
            skip = 0;
            free(f);
            continue;
        }
        char code[32];
        int level = 0;
        size_t used = xt_code(blk->text, code, sizeof code, &level);
        /* an unnumbered heading in capitals ("MỤC TIÊU CỤ THỂ", "PHẦN II …")
         * opens a section like a roman one */
        if (!used && heading_like(blk) && all_caps(blk->text)) {
            level = 1;
            code[0] = 0;
            used = 0;
            if (xt_starts(f, "phan")) {
                const char *q = blk->text;
                while (*q && *q != ' ')
                    q++;
                while (*q == ' ')
                    q++;
                char c2[32];
                int l2;
                size_t u2 = xt_code(q, c2, sizeof c2, &l2);
                if (u2 && l2 <= 2) {
                    snprintf(code, sizeof code, "%s", c2);
                    used = (size_t)(q - blk->text) + u2;
                }
            }
            goto heading;
        }
        if (used && level >= 1 && level <= 4 && heading_like(blk)) {
        heading:
            if (level == 1) {
                /* "MỤC TIÊU", and "CHỈ TIÊU CỤ THỂ" as other writers head it */
                section = xt_has(f, "muc tieu") || xt_has(f, "chi tieu") ? S_TARGET
                        : (xt_has(f, "nhiem vu") || xt_has(f, "giai phap")) ? S_TASK : S_NONE;
                skip = 0;
            }
            if (level == 2 && section == S_TARGET)
                skip = strstr(f, "tong quat") || strstr(f, "muc tieu chung");
            for (int l = level; l < 6; l++) {
                free(h[l].name);
                h[l].name = NULL;
                h[l].code[0] = 0;
            }
            snprintf(h[level].code, sizeof h[level].code, "%s", code);
            h[level].name = xt_name(blk->text + used, " .:;");
            free(f);
            continue;
        }
        free(f);
        if (section == S_NONE || skip)
            continue;
        /* the group: the nearest numbered heading */
        long grp = -1;
        for (int l = 4; l >= 1; l--)
            if (h[l].code[0] && h[l].name) {
                const char *parent = NULL;
                for (int k = l - 1; k >= 1 && !parent; k--)
                    if (h[k].code[0])
                        parent = h[k].code;
                grp = xt_group_add(x, h[l].code, h[l].name, parent, 1);
                break;
            }
        /* a paragraph kept as printed lines (a Word file made from a PDF):
         * read whole */
        size_t last;
        char *whole = doc_para_joined(d, b, &last);
        if (!whole) {
            x->failed = 1;
            break;
        }
        read_para(x, b, whole, grp);
        free(whole);
        b = last < end ? last : b;
    }
    for (int l = 0; l < 6; l++)
        free(h[l].name);
}
