/* target.c — targets, due dates and dates in Vietnamese plan text.
 *
 * Every function cleans its input (text_clean: NFC, single spaces) and cuts
 * it into tokens: words (letters and marks), digit runs and single
 * punctuation code points, each with its byte span in the clean text, a
 * "space before" flag, its folded form (text_fold: "Đạt" → "dat") and its
 * lower-case form with tone marks ("đạt"). Keywords are matched on folded
 * words, except short ones whose folded form is ambiguous ("từ"/"tư"/"tự",
 * "bằng", "đúng"/"dùng", "hơn", "đạt"/"đất"), matched with their tone marks.
 * Values and units are cut from the clean text by the token spans, so they
 * keep the document's spelling.
 *
 * target_parse: find candidates (a number with the words around it, see
 * target.h), score them by the signs they carry, attach years, keep the
 * best per year. The other functions reuse the tokens. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "base/buf.h"
#include "base/text.h"
#include "core/target.h"

#define TOK_FOLD_MAX 32      /* folded / lower-case form kept per word */
#define VALUE_DIGITS_MAX 15  /* digits in a value (exact in a double) */
#define UNIT_WORDS_MAX 4     /* words of a unit after the number */
#define CAND_MAX 256         /* candidates looked at in one text */
#define YEAR_MIN 1900
#define YEAR_MAX 2100

enum { TK_WORD, TK_NUM, TK_PUNCT };

typedef struct tok {
    size_t b, e;              /* byte span in the clean text */
    int kind;
    int sp;                   /* white space before it */
    char f[TOK_FOLD_MAX];     /* folded word, digits, or the punctuation bytes */
    char l[TOK_FOLD_MAX];     /* lower-case word with its marks ("" if too long) */
} tok;

typedef struct toks {
    char *s;                  /* the clean text (owned) */
    tok *v;
    size_t n;
} toks;

enum { UNIT_NONE, UNIT_PCT, UNIT_RATIO, UNIT_WORDS };

typedef struct cand {
    size_t num;               /* token of the number */
    size_t ps, pe;            /* phrase tokens [ps, pe) */
    size_t us, ue;            /* unit tokens [us, ue) */
    int unit_kind;
    double value;
    target_op op;
    int score;
    int year;                 /* 0 until attached */
    size_t year_tok;          /* token of the attached year (SIZE_MAX none) */
    int has_sign;             /* a unit, an op word or "trở lên", not just a number */
    int keep;
} cand;

typedef struct yearmark {
    size_t tok;
    int year;
} yearmark;

/* ---- tokens ------------------------------------------------------------ */

static int is_letter(utf8proc_int32_t c)
{
    utf8proc_category_t cat = utf8proc_category(c);
    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
           cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
           cat == UTF8PROC_CATEGORY_ME;
}

/* Fill the folded and lower-case forms of the word S[b..e). */
static int word_forms(const char *s, size_t b, size_t e, tok *t)
{
    t->f[0] = t->l[0] = 0;
    if (e - b >= 4 * TOK_FOLD_MAX)        /* far too long for any keyword */
        return 0;
    char tmp[4 * TOK_FOLD_MAX];
    memcpy(tmp, s + b, e - b);
    tmp[e - b] = 0;
    char *f = text_fold(tmp);
    if (!f)
        return -1;
    if (strlen(f) < TOK_FOLD_MAX)
        memcpy(t->f, f, strlen(f) + 1);
    free(f);
    size_t k = 0, i = 0;
    while (i < e - b) {
        utf8proc_int32_t c;
        utf8proc_ssize_t r = utf8proc_iterate((const utf8proc_uint8_t *)tmp + i,
                                              (utf8proc_ssize_t)(e - b - i), &c);
        if (r <= 0)
            break;
        i += (size_t)r;
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_tolower(c), enc);
        if (m <= 0 || k + (size_t)m >= TOK_FOLD_MAX) {
            k = 0;
            break;
        }
        memcpy(t->l + k, enc, (size_t)m);
        k += (size_t)m;
    }
    t->l[k] = 0;
    return 0;
}

static void toks_release(toks *t)
{
    free(t->s);
    free(t->v);
    memset(t, 0, sizeof *t);
}

/* Clean TEXT (at most LIMIT bytes of it) and cut it into tokens. 0, or -1
 * when out of memory. */
static int toks_init(toks *t, const char *text, size_t limit)
{
    memset(t, 0, sizeof *t);
    size_t len = strnlen(text, limit);
    t->s = text_clean_n(text, len);
    if (!t->s)
        return -1;
    size_t n = strlen(t->s);
    t->v = calloc(n + 1, sizeof *t->v);
    if (!t->v) {
        toks_release(t);
        return -1;
    }
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)t->s;
    size_t i = 0;
    int sp = 0;
    while (i < n) {
        utf8proc_int32_t c;
        utf8proc_ssize_t r = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &c);
        if (r <= 0) {                     /* cannot happen after cleaning */
            i++;
            continue;
        }
        if (c == ' ') {
            sp = 1;
            i += (size_t)r;
            continue;
        }
        tok *k = &t->v[t->n++];
        k->b = i;
        k->sp = sp;
        sp = 0;
        if (c >= '0' && c <= '9') {
            k->kind = TK_NUM;
            size_t j = i;
            while (j < n && t->s[j] >= '0' && t->s[j] <= '9')
                j++;
            k->e = j;
            size_t m = j - i < TOK_FOLD_MAX ? j - i : TOK_FOLD_MAX - 1;
            memcpy(k->f, t->s + i, m);
            k->f[m] = 0;
            i = j;
        } else if (is_letter(c)) {
            k->kind = TK_WORD;
            size_t j = i + (size_t)r;
            while (j < n) {
                utf8proc_int32_t d;
                utf8proc_ssize_t q = utf8proc_iterate(p + j, (utf8proc_ssize_t)(n - j), &d);
                if (q <= 0 || !is_letter(d))
                    break;
                j += (size_t)q;
            }
            k->e = j;
            if (word_forms(t->s, i, j, k) < 0) {
                toks_release(t);
                return -1;
            }
            i = j;
        } else {
            k->kind = TK_PUNCT;
            k->e = i + (size_t)r;
            memcpy(k->f, t->s + i, (size_t)r);
            k->f[r] = 0;
            i += (size_t)r;
        }
    }
    return 0;
}

static int is_p(const toks *t, size_t i, const char *p)
{
    return i < t->n && t->v[i].kind == TK_PUNCT && strcmp(t->v[i].f, p) == 0;
}

static int is_num(const toks *t, size_t i)
{
    return i < t->n && t->v[i].kind == TK_NUM;
}

static int is_word(const toks *t, size_t i)
{
    return i < t->n && t->v[i].kind == TK_WORD;
}

/* Glued to the token before it (no space between). */
static int glued(const toks *t, size_t i)
{
    return i < t->n && !t->v[i].sp;
}

/* Folded words of PHRASE ("toi thieu") at tokens I.. ; the number of tokens
 * matched, or 0. A word in PHRASE starting with '=' is compared with the
 * lower-case form with tone marks instead ("=từ"). */
static size_t words_at(const toks *t, size_t i, const char *phrase)
{
    size_t k = 0;
    const char *p = phrase;
    while (*p) {
        const char *q = strchr(p, ' ');
        size_t m = q ? (size_t)(q - p) : strlen(p);
        if (i + k >= t->n || t->v[i + k].kind != TK_WORD)
            return 0;
        const char *w = t->v[i + k].f;
        const char *pp = p;
        size_t mm = m;
        if (*p == '=') {
            w = t->v[i + k].l;
            pp++;
            mm--;
        }
        if (strlen(w) != mm || memcmp(w, pp, mm) != 0)
            return 0;
        k++;
        p += m;
        while (*p == ' ')
            p++;
    }
    return k;
}

/* Like words_at for a phrase that ends just before token END; returns its
 * number of tokens or 0. */
static size_t words_before(const toks *t, size_t end, const char *phrase)
{
    size_t nw = 1;
    for (const char *p = phrase; *p; p++)
        nw += *p == ' ';
    if (end < nw)
        return 0;
    return words_at(t, end - nw, phrase) == nw ? nw : 0;
}

/* ---- numbers ----------------------------------------------------------- */

/* Read the value starting at number token I: "70", "0,70", "0.70", "1.000".
 * *NEXT is the token after it. -1 when it is too long to be a value. */
static int read_value(const toks *t, size_t i, double *value, size_t *next)
{
    const tok *k = &t->v[i];
    size_t nd = k->e - k->b;
    if (nd > VALUE_DIGITS_MAX)
        return -1;
    double v = 0;
    for (size_t j = k->b; j < k->e; j++)
        v = v * 10 + (t->s[j] - '0');
    size_t j = i + 1;
    /* thousands: "1.000", "1.000.000" (not "0.700") */
    int grouped = 0;
    /* the first group 1..3 digits, every further one exactly 3 (base/num.h's rule) */
    while (v > 0 && (grouped || nd <= 3) && is_p(t, j, ".") && glued(t, j) &&
           is_num(t, j + 1) && glued(t, j + 1) && t->v[j + 1].e - t->v[j + 1].b == 3) {
        const tok *g = &t->v[j + 1];
        nd += 3;
        if (nd > VALUE_DIGITS_MAX)
            return -1;
        for (size_t q = g->b; q < g->e; q++)
            v = v * 10 + (t->s[q] - '0');
        grouped = 1;
        j += 2;
    }
    if ((is_p(t, j, ",") || (!grouped && is_p(t, j, "."))) && glued(t, j) &&
        is_num(t, j + 1) && glued(t, j + 1)) {
        const tok *d = &t->v[j + 1];
        size_t fd = d->e - d->b;
        if (nd + fd > VALUE_DIGITS_MAX)
            return -1;
        double scale = 1;
        double frac = 0;
        for (size_t q = d->b; q < d->e; q++) {
            frac = frac * 10 + (t->s[q] - '0');
            scale *= 10;
        }
        v += frac / scale;
        j += 2;
    }
    *value = v;
    *next = j;
    return 0;
}

static long small_int(const toks *t, size_t i)
{
    if (!is_num(t, i) || t->v[i].e - t->v[i].b > 9)
        return -1;
    long v = 0;
    for (size_t j = t->v[i].b; j < t->v[i].e; j++)
        v = v * 10 + (t->s[j] - '0');
    return v;
}

static int is_year_tok(const toks *t, size_t i)
{
    if (!is_num(t, i) || t->v[i].e - t->v[i].b != 4)
        return 0;
    long y = small_int(t, i);
    return y >= YEAR_MIN && y <= YEAR_MAX;
}

static int days_in_month(long y, long m)
{
    static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m < 1 || m > 12)
        return 0;
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return d[m - 1];
}

/* A date separator at I: "/", "-", "." or "–"; "/" and "-" may have spaces. */
static int date_sep(const toks *t, size_t i)
{
    if (is_p(t, i, "/") || is_p(t, i, "-") || is_p(t, i, "\xe2\x80\x93"))
        return 1;
    return is_p(t, i, ".") && glued(t, i) && glued(t, i + 1);
}

/* Numbers forming a date at I ("26/3/2026", "2026-04-07"): the number of
 * tokens, or 0. The date need not be valid here. */
static size_t date_span(const toks *t, size_t i)
{
    if (!is_num(t, i) || !date_sep(t, i + 1) || !is_num(t, i + 2) || !date_sep(t, i + 3) ||
        !is_num(t, i + 4))
        return 0;
    size_t a = t->v[i].e - t->v[i].b, c = t->v[i + 4].e - t->v[i + 4].b;
    if ((a <= 2 && c == 4) || (a == 4 && c <= 2))
        return 5;
    return 0;
}

/* ---- keyword tables ---------------------------------------------------- */

#define OP_NONE (-1)
typedef struct opword {
    const char *w;
    int op;                   /* target_op, OP_NONE for a plain lead word */
    int strength;             /* 2 strong, 1 weak, 0 connector */
} opword;

/* Longer phrases first: the first match wins. */
static const opword OPWORDS[] = {
    { "khong vuot qua", TARGET_LE, 2 }, { "duoi hoac bang", TARGET_LE, 2 },
    { "nho hon hoac bang", TARGET_LE, 2 }, { "thap hon hoac bang", TARGET_LE, 2 },
    { "khong qua", TARGET_LE, 2 }, { "toi da", TARGET_LE, 2 },
    { "khong it hon", TARGET_GE, 2 }, { "khong duoi", TARGET_GE, 2 },
    { "khong thap hon", TARGET_GE, 2 }, { "toi thieu", TARGET_GE, 2 },
    { "it nhat", TARGET_GE, 2 },
    { "cao hon", TARGET_GT, 1 }, { "lon hon", TARGET_GT, 1 }, { "nhieu hon", TARGET_GT, 1 },
    { "=trên", TARGET_GT, 1 }, { "=hơn", TARGET_GT, 1 }, { "=vượt", TARGET_GT, 1 },
    { "thap hon", TARGET_LT, 1 }, { "nho hon", TARGET_LT, 1 }, { "it hon", TARGET_LT, 1 },
    { "=dưới", TARGET_LT, 1 },
    { "=bằng", TARGET_EQ, 2 }, { "=đúng", TARGET_EQ, 2 },
    { "phan dau", OP_NONE, 2 }, { "dam bao", OP_NONE, 2 }, { "bao dam", OP_NONE, 2 },
    { "=đạt", OP_NONE, 2 }, { "=từ", OP_NONE, 1 },
    { "len muc", OP_NONE, 0 }, { "o muc", OP_NONE, 0 }, { "=mức", OP_NONE, 0 },
    { "=lên", OP_NONE, 0 },
};

/* Words just before a number that make it a label, not a target (unless a
 * "%" follows): "số 56", "ngày 15", "cấp độ 2", "mức 2", "Nghị quyết 57". */
static const char *const LABELS[] = {
    "=số", "ngay", "thang", "quy", "=năm", "=mức", "cap", "=độ", "thu", "dieu", "khoan",
    "phu luc", "giai doan", "tong dai", "nghi quyet", "quyet dinh", "ke hoach",
    "thong tu", "chi thi", "nghi dinh", "de an", "cong van", "luat", "khu vuc", "ap",
    "thon", "khom", "lop", "duong", "quoc lo", "tinh lo", "km", "phien ban", "tuan",
    "buoc", "hotline", "so dien thoai", "chuong", "muc tieu", "nhom", "=tổ",
};

/* First words of a measure that is not a target ("14 tuổi", "1 Gb/s"). */
static const char *const NOT_UNITS[] = {
    "tuoi", "gb", "gbps", "mb", "mbps", "kb", "kbps", "tb", "ghz", "mhz", "hz", "km",
    "kw", "kwh", "mw", "cm", "mm", "g",
};

/* Words that end a unit ("9/9 nền tảng theo hướng dẫn"). */
static const char *const UNIT_STOPS[] = {
    "theo", "doi voi", "=để", "=trong", "=tại", "=của", "nham", "=và", "hoac", "duoc", "=có",
    "=là", "=vào", "=cho", "=trên", "=dưới", "=đạt", "=từ", "=đến", "=khi", "=nếu", "=thì",
    "=với", "=về", "=sau", "=trước", "=như", "=ở", "tro len", "tro xuong", "=tổng", "so voi",
    "=mỗi", "=hằng", "=hiện", "=đang", "=sẽ", "=đã", "=cần", "=phải", "=so",
};

static const char *const RATE_WORDS[] = { "ty le", "ti le", "ty trong", "ti trong" };

static size_t match_list_at(const toks *t, size_t i, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        size_t m = words_at(t, i, list[k]);
        if (m)
            return m;
    }
    return 0;
}

static size_t match_list_before(const toks *t, size_t end, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        size_t m = words_before(t, end, list[k]);
        if (m)
            return m;
    }
    return 0;
}

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ---- candidates -------------------------------------------------------- */

static int clause_punct(const toks *t, size_t i)
{
    static const char *const P[] = { ";", ":", "(", "-", "+", "*", "\xe2\x80\xa2",
                                     "\xe2\x80\x93", "\xe2\x80\x94", "." };
    if (i >= t->n || t->v[i].kind != TK_PUNCT)
        return 0;
    for (size_t k = 0; k < NELEM(P); k++)
        if (strcmp(t->v[i].f, P[k]) == 0)
            return 1;
    return 0;
}

/* Scan the unit after the value (tokens from J). Fills C's unit fields and
 * returns the token after the unit, or SIZE_MAX when the measure is no
 * target ("tuổi"). */
static size_t read_unit(const toks *t, size_t j, cand *c)
{
    c->us = c->ue = j;
    c->unit_kind = UNIT_NONE;
    if (is_p(t, j, "%")) {
        c->unit_kind = UNIT_PCT;
        c->ue = j + 1;
        return j + 1;
    }
    size_t k = j;
    if (is_p(t, j, "/") && glued(t, j)) {
        double den;
        size_t after;
        if (!is_num(t, j + 1) || !glued(t, j + 1) || read_value(t, j + 1, &den, &after) < 0 ||
            den < c->value || den <= 0)
            return SIZE_MAX;
        c->unit_kind = UNIT_RATIO;
        k = after;
        c->ue = k;
    } else if (!is_word(t, j) || !t->v[j].sp) {
        return j;
    } else if (match_list_at(t, j, NOT_UNITS, NELEM(NOT_UNITS))) {
        return SIZE_MAX;
    }
    /* words: up to UNIT_WORDS_MAX, "/" joins ("doanh nghiệp/1.000 dân"),
     * a comma only inside a unit closed by "trở lên" ("cán bộ, công chức trở lên") */
    size_t words = 0, before_comma = SIZE_MAX;
    while (k < t->n) {
        if (is_word(t, k) && t->v[k].sp) {
            if (match_list_at(t, k, UNIT_STOPS, NELEM(UNIT_STOPS)))
                break;
            if (words_at(t, k, "nam") && is_num(t, k + 1))
                break;
            if (words >= UNIT_WORDS_MAX)
                break;
            words++;
            k++;
            c->ue = k;
            continue;
        }
        if (is_p(t, k, "/") && glued(t, k) && k > j && glued(t, k + 1) &&
            (is_word(t, k + 1) || is_num(t, k + 1))) {
            k++;
            if (is_num(t, k)) {
                double d;
                size_t after;
                if (read_value(t, k, &d, &after) < 0)
                    break;
                k = after;
            } else {
                k++;
            }
            c->ue = k;
            /* words after "/2" count again: "lần/2 năm" */
            continue;
        }
        if (is_p(t, k, ",") && words && before_comma == SIZE_MAX && is_word(t, k + 1)) {
            before_comma = c->ue;
            k++;
            continue;
        }
        break;
    }
    if (before_comma != SIZE_MAX && !words_at(t, c->ue, "tro len"))
        c->ue = before_comma;
    if (c->unit_kind == UNIT_NONE && c->ue > c->us)
        c->unit_kind = UNIT_WORDS;
    return c->ue;
}

/* The candidate at number token I, or 0 when the number is no target. *SKIP
 * gets the tokens the number spans (dates, decimals) so the caller can step
 * over them. */
static int read_cand(const toks *t, size_t i, cand *c, size_t *skip)
{
    memset(c, 0, sizeof *c);
    c->year_tok = SIZE_MAX;
    *skip = 1;
    size_t ds = date_span(t, i);
    if (ds) {
        *skip = ds;
        return 0;
    }
    size_t next;
    if (read_value(t, i, &c->value, &next) < 0) {
        while (i + *skip < t->n && (is_num(t, i + *skip) || is_p(t, i + *skip, ".") ||
                                    is_p(t, i + *skip, ",")) && glued(t, i + *skip))
            (*skip)++;
        return 0;
    }
    *skip = next - i;
    /* glued to letters: "5G", "IPv6", "1Gb/s", "A1" */
    if (i > 0 && glued(t, i) && is_word(t, i - 1))
        return 0;
    if (is_word(t, next) && glued(t, next))
        return 0;
    /* part of something else: "/1.000", "số/1000", "06/CP", "57-NQ", "12/2026" */
    if (i > 0 && glued(t, i) && (is_p(t, i - 1, "/") || is_p(t, i - 1, "-") ||
                                 is_p(t, i - 1, ".") || is_p(t, i - 1, ",")))
        return 0;
    if ((is_p(t, next, "/") || is_p(t, next, "-")) && glued(t, next) && is_word(t, next + 1) &&
        glued(t, next + 1))
        return 0;
    if ((is_p(t, next, "/") || is_p(t, next, "-")) && is_year_tok(t, next + 1))
        return 0;
    if (is_p(t, next, "-") && is_num(t, next + 1))
        return 0;                     /* a range or a code: "2026-2030", "57-58" */
    /* "(1)" enumerations, a leading "1." or "1)" */
    if (i > 0 && is_p(t, i - 1, "(") && is_p(t, next, ")"))
        return 0;
    if (next == i + 1 && (is_p(t, next, ")") || (is_p(t, next, ".") && (next + 1 >= t->n ||
                                                                        t->v[next + 1].sp)))) {
        size_t p = i;
        while (p > 0 && t->v[p - 1].kind == TK_PUNCT)
            p--;
        if (p == 0)
            return 0;
    }
    int pct = is_p(t, next, "%");
    if (!pct && is_year_tok(t, i) && next == i + 1)
        return 0;
    if (!pct && match_list_before(t, i, LABELS, NELEM(LABELS))) {
        /* "mức 2" is a level, "đạt mức 0,75" a target */
        int level = !words_before(t, i, "=mức") || i < 2 ||
                    !(words_before(t, i - 1, "=đạt") || words_before(t, i - 1, "=lên") ||
                      words_before(t, i - 1, "=ở") || words_before(t, i - 1, "toi thieu"));
        if (level)
            return 0;
    }
    c->num = i;
    size_t after = read_unit(t, next, c);
    if (after == SIZE_MAX)
        return 0;
    /* op words before the number, nearest first */
    int op = OP_NONE, strength = 0;
    size_t ps = i;
    if (ps > 0 && t->v[ps - 1].kind == TK_PUNCT) {
        const char *f = t->v[ps - 1].f;
        int sym = OP_NONE;
        size_t back = 1;
        if (strcmp(f, "\xe2\x89\xa5") == 0)
            sym = TARGET_GE;
        else if (strcmp(f, "\xe2\x89\xa4") == 0)
            sym = TARGET_LE;
        else if (strcmp(f, "=") == 0 && ps > 1 && is_p(t, ps - 2, ">") && glued(t, ps - 1))
            sym = TARGET_GE, back = 2;
        else if (strcmp(f, "=") == 0 && ps > 1 && is_p(t, ps - 2, "<") && glued(t, ps - 1))
            sym = TARGET_LE, back = 2;
        else if (strcmp(f, ">") == 0)
            sym = TARGET_GT;
        else if (strcmp(f, "<") == 0)
            sym = TARGET_LT;
        else if (strcmp(f, "=") == 0)
            sym = TARGET_EQ;
        if (sym != OP_NONE) {
            op = sym;
            strength = 2;
            ps -= back;
        }
    }
    for (;;) {
        size_t m = 0;
        const opword *w = NULL;
        for (size_t k = 0; k < NELEM(OPWORDS) && !m; k++) {
            m = words_before(t, ps, OPWORDS[k].w);
            w = &OPWORDS[k];
        }
        if (!m)
            break;
        if (op == OP_NONE && w->op != OP_NONE)
            op = w->op;
        if (w->strength > strength)
            strength = w->strength;
        ps -= m;
    }
    size_t pe = after;
    int suffix = 0;
    size_t m = words_at(t, pe, "tro len");
    if (m) {
        suffix = 1;
        pe += m;
    } else if ((m = words_at(t, pe, "tro xuong"))) {
        suffix = 1;
        if (op == OP_NONE || op == TARGET_GE)
            op = TARGET_LE;
        pe += m;
    }
    c->op = op == OP_NONE ? TARGET_GE : (target_op)op;
    c->ps = ps;
    c->pe = pe;
    int score = strength + suffix;
    if (c->unit_kind == UNIT_PCT || c->unit_kind == UNIT_RATIO)
        score += 2;
    if (ps == 0 || clause_punct(t, ps - 1))
        score += 2;
    /* a bare "2.1" is a section code, not a value ("0.70" and "2,5" are values) */
    if (c->unit_kind == UNIT_NONE && strength == 0 && !suffix && t->s[t->v[i].b] != '0' &&
        next == i + 3 && is_p(t, i + 1, "."))
        score = 0;
    c->score = score;
    c->has_sign = c->unit_kind != UNIT_NONE || strength > 0 || suffix;
    return score >= 2;
}

/* Tokens of years that may date a target ("năm 2026", "2030"), not those of
 * dates, ranges or document numbers. */
static size_t find_years(const toks *t, yearmark *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < t->n && n < max; i++) {
        size_t ds = date_span(t, i);
        if (ds) {
            i += ds - 1;
            continue;
        }
        if (!is_year_tok(t, i))
            continue;
        if (i > 0 && glued(t, i) && t->v[i - 1].kind != TK_WORD && !is_p(t, i - 1, "(")) {
            continue;                  /* "12/2026", "-2030" */
        }
        if (i > 0 && glued(t, i) && is_word(t, i - 1))
            continue;
        if ((is_p(t, i + 1, "-") || is_p(t, i + 1, "\xe2\x80\x93") || is_p(t, i + 1, "/")) &&
            is_num(t, i + 2))
            continue;                  /* "2026 - 2030" */
        if (is_p(t, i + 1, "%") || (i + 1 < t->n && is_word(t, i + 1) && glued(t, i + 1)))
            continue;
        if (words_before(t, i, "giai doan") || words_before(t, i, "=số") ||
            words_before(t, i, "ngay"))
            continue;
        /* a baseline: "tăng 10% so với năm 2025" */
        if (words_before(t, i, "so voi") || words_before(t, i, "so voi nam") ||
            words_before(t, i, "so voi cung ky nam"))
            continue;
        /* "tháng 12 năm 2026" is a date, not a target year */
        if (words_before(t, i, "nam") && i >= 2 && is_num(t, i - 2))
            continue;
        out[n].tok = i;
        out[n].year = (int)small_int(t, i);
        n++;
    }
    return n;
}

static int is_clause_end(const toks *t, size_t i)
{
    return is_p(t, i, ",") || is_p(t, i, ";") || is_p(t, i, ":") ||
           (is_p(t, i, ".") && (i + 1 >= t->n || t->v[i + 1].sp));
}

static int is_sentence_end(const toks *t, size_t i)
{
    return is_p(t, i, ";") || (is_p(t, i, ".") && (i + 1 >= t->n || t->v[i + 1].sp));
}

/* Whether tokens A and B (A <= B) lie in one clause / sentence. */
static int same_span(const toks *t, size_t a, size_t b, int (*end)(const toks *, size_t))
{
    if (a > b) {
        size_t x = a;
        a = b;
        b = x;
    }
    for (size_t i = a; i < b; i++)
        if (end(t, i))
            return 0;
    return 1;
}

static size_t dist(size_t a, size_t b)
{
    return a > b ? a - b : b - a;
}

static void attach_year(const toks *t, cand *c, size_t nc, const yearmark *y)
{
    for (int pass = 0; pass < 2; pass++) {
        size_t best = SIZE_MAX, bd = SIZE_MAX;
        for (size_t k = 0; k < nc; k++) {
            if (c[k].year)
                continue;
            if (!same_span(t, y->tok, c[k].num, pass == 0 ? is_clause_end : is_sentence_end))
                continue;
            size_t d = dist(y->tok, c[k].num);
            if (d < bd) {
                bd = d;
                best = k;
            }
        }
        if (best != SIZE_MAX) {
            c[best].year = y->year;
            c[best].year_tok = y->tok;
            return;
        }
    }
}

/* Candidates of T into C (at most CAND_MAX, *NCP of them), chosen as
 * target_parse says: returns how many are kept (c[k].keep set). */
static size_t find_cands(const toks *t, int default_year, cand *c, size_t *ncp)
{
    size_t nc = 0;
    for (size_t i = 0; i < t->n && nc < CAND_MAX;) {
        if (!is_num(t, i)) {
            i++;
            continue;
        }
        size_t skip = 1;
        if (read_cand(t, i, &c[nc], &skip))
            nc++;
        i += skip;
    }
    /* "X từ 1 Gb/s trở lên: Đạt tối thiểu 70%": a target right after a colon
     * makes the loose numbers before that colon part of the name */
    for (size_t k = 0; k < nc; k++) {
        size_t ps = c[k].ps;
        if (ps == 0 || !is_p(t, ps - 1, ":"))
            continue;
        for (size_t q = 0; q < k; q++) {
            size_t qs = c[q].ps;
            if (qs > 0 && is_p(t, qs - 1, ":"))
                continue;
            if (qs == 0 || !clause_punct(t, qs - 1))
                c[q].score = -1;
        }
    }
    yearmark years[64];
    size_t ny = find_years(t, years, NELEM(years));
    for (size_t k = 0; k < ny; k++)
        attach_year(t, c, nc, &years[k]);
    size_t kept = 0;
    for (size_t k = 0; k < nc; k++) {
        if (c[k].score < 0)
            continue;
        if (!c[k].year)
            c[k].year = default_year;
        size_t q;
        for (q = 0; q < nc; q++)
            if (c[q].keep && c[q].year == c[k].year)
                break;
        if (q < nc) {
            if (c[k].score > c[q].score) {
                c[q].keep = 0;
                c[k].keep = 1;
            }
            continue;
        }
        c[k].keep = 1;
        kept++;
    }
    *ncp = nc;
    return kept;
}

static char *slice(const toks *t, size_t from, size_t to)
{
    if (from >= to || from >= t->n)
        return strdup("");
    if (to > t->n)
        to = t->n;
    return text_clean_n(t->s + t->v[from].b, t->v[to - 1].e - t->v[from].b);
}

static int cmp_year(const void *a, const void *b)
{
    const plan_target *x = a, *y = b;
    return (x->year > y->year) - (x->year < y->year);
}

size_t target_parse(const char *text, int default_year, int want_text,
                    plan_target *out, size_t max)
{
    size_t n = 0;
    toks t;
    cand *c = NULL;
    if (!text || !out || !max || strnlen(text, TARGET_TEXT_MAX + 1) > TARGET_TEXT_MAX)
        return 0;
    if (toks_init(&t, text, TARGET_TEXT_MAX) < 0)
        return 0;
    c = calloc(CAND_MAX, sizeof *c);
    if (!c)
        goto out;
    size_t nc;
    size_t kept = find_cands(&t, default_year, c, &nc);
    if (kept) {
        for (size_t k = 0; k < nc && n < max; k++) {
            if (!c[k].keep)
                continue;
            plan_target *p = &out[n];
            memset(p, 0, sizeof *p);
            p->year = c[k].year;
            p->op = c[k].op;
            p->has_value = 1;
            p->value = c[k].value;
            p->unit = c[k].unit_kind == UNIT_PCT ? strdup("%") : slice(&t, c[k].us, c[k].ue);
            size_t pe = c[k].pe;
            if (c[k].year_tok != SIZE_MAX && c[k].year_tok >= pe &&
                same_span(&t, pe, c[k].year_tok, is_clause_end))
                pe = c[k].year_tok + 1;
            p->text = slice(&t, c[k].ps, pe);
            n++;
            if (!p->unit || !p->text)
                goto fail;
        }
        qsort(out, n, sizeof *out, cmp_year);
    } else if (want_text && t.n) {
        int any = 0;
        for (size_t i = 0; i < t.n; i++)
            any |= t.v[i].kind != TK_PUNCT;
        if (any) {
            plan_target *p = &out[0];
            memset(p, 0, sizeof *p);
            p->year = default_year;
            p->op = TARGET_TEXT;
            p->unit = strdup("");
            p->text = strdup(t.s);
            n = 1;
            if (!p->unit || !p->text)
                goto fail;
        }
    }
    goto out;
fail:
    for (size_t k = 0; k < n; k++)
        target_release(&out[k]);
    n = 0;
out:
    free(c);
    toks_release(&t);
    return n;
}

int target_is_measurable(const char *text)
{
    int r = 0;
    toks t;
    cand *c = NULL;
    if (!text || strnlen(text, TARGET_TEXT_MAX + 1) > TARGET_TEXT_MAX)
        return 0;
    if (toks_init(&t, text, TARGET_TEXT_MAX) < 0)
        return 0;
    c = calloc(CAND_MAX, sizeof *c);
    if (c) {
        size_t nc;
        find_cands(&t, 0, c, &nc);
        /* a bare number ("5", "0,70") is a value in a target column, but no
         * sign of a target in a name */
        for (size_t k = 0; k < nc && !r; k++)
            r = c[k].keep && c[k].has_sign;
    }
    free(c);
    toks_release(&t);
    return r;
}

void target_release(plan_target *t)
{
    if (!t)
        return;
    free(t->unit);
    free(t->text);
    memset(t, 0, sizeof *t);
}

/* ---- names ------------------------------------------------------------- */

/* Tokens of a leading list marker: "-", "+", "*", "•", "a)", "1.", "1)", "(1)". */
static size_t marker_len(const toks *t)
{
    if (t->n == 0)
        return 0;
    if (clause_punct(t, 0) && !is_p(t, 0, "(") && !is_p(t, 0, ";") && !is_p(t, 0, ":"))
        return 1;
    if ((is_word(t, 0) || is_num(t, 0)) && t->v[0].e - t->v[0].b <= 3 && is_p(t, 1, ")") &&
        glued(t, 1))
        return 2;
    if (is_num(t, 0) && is_p(t, 1, ".") && glued(t, 1) && (t->n < 3 || t->v[2].sp))
        return 2;
    if (is_p(t, 0, "(") && (is_word(t, 1) || is_num(t, 1)) && t->v[1].e - t->v[1].b <= 3 &&
        is_p(t, 2, ")"))
        return 3;
    return 0;
}

/* Append the text of tokens [A, B) to OUT with one space between parts. */
static void add_span(buf *out, const toks *t, size_t a, size_t b)
{
    if (a >= b || a >= t->n)
        return;
    if (b > t->n)
        b = t->n;
    if (out->len)
        buf_addc(out, ' ');
    buf_add(out, t->s + t->v[a].b, t->v[b - 1].e - t->v[a].b);
}

/* The words of a goal without a number "Phấn đấu X đạt …": X, or 0. */
static int goal_words(const toks *t, size_t from, size_t *a, size_t *b)
{
    size_t m = words_at(t, from, "phan dau");
    if (!m)
        return 0;
    for (size_t i = from + m; i < t->n; i++) {
        if (is_sentence_end(t, i))
            return 0;
        if (words_at(t, i, "=đạt")) {
            if (i == from + m)
                return 0;
            *a = from + m;
            *b = i;
            return 1;
        }
    }
    return 0;
}

int target_is_goal(const char *text)
{
    if (target_is_measurable(text))
        return 1;
    toks t;
    if (!text || strnlen(text, TARGET_TEXT_MAX + 1) > TARGET_TEXT_MAX ||
        toks_init(&t, text, TARGET_TEXT_MAX) < 0)
        return 0;
    size_t a, b;
    int r = goal_words(&t, marker_len(&t), &a, &b);
    toks_release(&t);
    return r;
}

/* Trim trailing " .;,:" and the first letter to upper case; frees S. */
static char *finish_name(char *s)
{
    if (!s)
        return NULL;
    text_trim(s, ".;,:(");
    char *r = text_upper1(s);
    free(s);
    return r;
}

int target_split_name(const char *text, char **name, char **phrase)
{
    int rc = 0;
    toks t;
    cand *c = NULL;
    buf nb;
    buf_init(&nb, TARGET_TEXT_MAX * 2);
    if (name)
        *name = NULL;
    if (phrase)
        *phrase = NULL;
    if (!text || !name || !phrase || strnlen(text, TARGET_TEXT_MAX + 1) > TARGET_TEXT_MAX)
        return 0;
    if (toks_init(&t, text, TARGET_TEXT_MAX) < 0)
        return -1;
    c = calloc(CAND_MAX, sizeof *c);
    if (!c) {
        rc = -1;
        goto out;
    }
    size_t start = marker_len(&t);
    size_t nc;
    size_t kept = find_cands(&t, 0, c, &nc);
    const cand *p = NULL;
    (void)kept;
    for (size_t k = 0; k < nc; k++)         /* the first target, kept or not */
        if (c[k].score >= 0 && c[k].ps >= start) {
            p = &c[k];
            break;
        }
    if (!p) {
        size_t a, b;
        if (!goal_words(&t, start, &a, &b))
            goto out;
        add_span(&nb, &t, a, b);
        *phrase = slice(&t, start, t.n);
        rc = 1;
        goto name;
    }
    size_t ps = p->ps, pe = p->pe;
    /* the phrase runs over the kept targets of its sentence and a year right
     * after them ("tối thiểu 50% trong năm 2026 …, đến năm 2030 đạt 70%") */
    for (size_t k = 0; k < nc; k++) {
        if (!c[k].keep || c[k].num < p->num || !same_span(&t, p->num, c[k].num, is_sentence_end))
            continue;
        if (c[k].pe > pe)
            pe = c[k].pe;
        if (c[k].year_tok != SIZE_MAX && c[k].year_tok >= pe && c[k].year_tok < t.n &&
            same_span(&t, pe, c[k].year_tok, is_clause_end))
            pe = c[k].year_tok + 1;
    }
    *phrase = slice(&t, ps, pe);
    rc = 1;
    /* 1. "Name: target" */
    if (ps > start && is_p(&t, ps - 1, ":")) {
        add_span(&nb, &t, start, ps - 1);
        goto name;
    }
    /* the clause holding the phrase starts after the last ";" or ":" */
    size_t cs = start;
    for (size_t i = start; i < ps; i++)
        if (is_p(&t, i, ";") || is_p(&t, i, ":"))
            cs = i + 1;
    /* 2. a rate word before the phrase */
    for (size_t i = ps; i > cs; i--) {
        if (match_list_at(&t, i - 1, RATE_WORDS, NELEM(RATE_WORDS)) && i - 1 < ps) {
            add_span(&nb, &t, i - 1, p->ps);
            goto name;
        }
    }
    /* the words after the phrase, up to a sentence end */
    size_t as = p->pe, ae = p->pe;
    while (ae < t.n && !(is_p(&t, ae, ".") && (ae + 1 >= t.n || t.v[ae + 1].sp)))
        ae++;
    /* 3. nothing (or a comma) before the phrase */
    size_t be = ps;
    while (be > cs && is_p(&t, be - 1, "("))
        be--;
    if (be == cs || is_p(&t, be - 1, ",")) {
        add_span(&nb, &t, as, ae);
        goto name;
    }
    /* 4. before + unit words + after (to "để", "nhằm"), merging "đối với" */
    add_span(&nb, &t, cs, be);
    if (p->unit_kind == UNIT_WORDS) {        /* "cán bộ, công chức", not "lần/năm" */
        size_t q;
        for (q = p->us; q < p->ue && !is_p(&t, q, "/"); q++)
            ;
        if (q == p->ue)
            add_span(&nb, &t, p->us, p->ue);
    }
    if (is_p(&t, as, ")"))
        as++;
    size_t m = words_at(&t, as, "doi voi");
    if (m) {
        /* "A (… đối với A cấp độ 3)": drop the words A repeats */
        size_t ys = as + m, best = 0;
        for (size_t k = 1; ys + k <= ae && k <= be - cs; k++) {
            size_t q;
            for (q = 0; q < k; q++)
                if (t.v[ys + q].kind != TK_WORD || t.v[be - k + q].kind != TK_WORD ||
                    strcmp(t.v[ys + q].f, t.v[be - k + q].f) != 0)
                    break;
            if (q == k)
                best = k;
        }
        as = best ? ys + best : as;
    }
    for (size_t i = as; i < ae; i++)
        if (words_at(&t, i, "=để") || words_at(&t, i, "nham") || is_p(&t, i, ";") ||
            is_p(&t, i, ")")) {
            ae = i;
            break;
        }
    add_span(&nb, &t, as, ae);
name:
    if (buf_failed(&nb)) {
        rc = -1;
        goto out;
    }
    *name = finish_name(buf_detach(&nb));
    if (!*name || !*phrase) {
        rc = -1;
        goto out;
    }
    if (!**name) {        /* nothing left to name the indicator */
        rc = 0;
        goto out;
    }
out:
    if (rc != 1) {
        free(*name);
        free(*phrase);
        *name = *phrase = NULL;
    }
    buf_release(&nb);
    free(c);
    toks_release(&t);
    return rc;
}

/* ---- dates ------------------------------------------------------------- */

int roman_value(const char *s, size_t n)
{
    static const char *const ONES[] = { "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX" };
    static const char *const TENS[] = { "", "X", "XX", "XXX", "XL" };
    char r[16];
    if (!s || n == 0 || n > 8)
        return 0;
    for (int v = 1; v <= 40; v++) {
        int len = snprintf(r, sizeof r, "%s%s", TENS[v / 10], ONES[v % 10]);
        if (len != (int)n)
            continue;
        size_t i;
        for (i = 0; i < n; i++) {
            char ch = s[i];
            if (ch >= 'a' && ch <= 'z')
                ch = (char)(ch - 'a' + 'A');
            if (ch != r[i])
                break;
        }
        if (i == n)
            return v;
    }
    return 0;
}

/* A date at token I into Y/M/D: the tokens it spans, or 0. */
static size_t date_at(const toks *t, size_t i, long *y, long *m, long *d)
{
    size_t ds = date_span(t, i);
    if (ds) {
        long a = small_int(t, i), b = small_int(t, i + 2), c = small_int(t, i + 4);
        if (t->v[i].e - t->v[i].b == 4) {
            *y = a, *m = b, *d = c;
        } else {
            *d = a, *m = b, *y = c;
        }
        return ds;
    }
    /* "ngày 26/3/2026", "ngày 07 tháng 04 năm 2026" */
    size_t k = words_at(t, i, "ngay");
    if (!k || !is_num(t, i + k))
        return 0;
    if (date_span(t, i + k)) {
        size_t r = date_at(t, i + k, y, m, d);
        return r ? r + k : 0;
    }
    size_t j = i + k;
    *d = small_int(t, j++);
    size_t w = words_at(t, j, "thang");
    if (!w || !is_num(t, j + w))
        return 0;
    j += w;
    *m = small_int(t, j++);
    if (is_p(t, j, ","))
        j++;
    w = words_at(t, j, "nam");
    if (!w || !is_num(t, j + w) || t->v[j + w].e - t->v[j + w].b != 4)
        return 0;
    j += w;
    *y = small_int(t, j++);
    return j - i;
}

static int valid_date(long y, long m, long d)
{
    return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

int date_parse(const char *text, char out[11])
{
    int rc = -1;
    toks t;
    if (out)
        out[0] = 0;
    if (!text || !out)
        return -1;
    if (toks_init(&t, text, TARGET_TEXT_MAX) < 0)
        return -1;
    for (size_t i = 0; i < t.n; i++) {
        long y, m, d;
        size_t k = date_at(&t, i, &y, &m, &d);
        if (!k)
            continue;
        if (valid_date(y, m, d)) {
            snprintf(out, 11, "%04d-%02d-%02d", (int)(y % 10000), (int)(m % 100), (int)(d % 100));
            rc = 0;
            break;
        }
        i += k - 1;
    }
    toks_release(&t);
    return rc;
}

/* ---- due dates --------------------------------------------------------- */

static const char *const DUE_PREFIX[] = {
    "hoan thanh", "thoi gian", "thoi han", "trong", "truoc", "den", "vao", "cuoi", "dau",
    "het", "han", "ke tu", "tu",
};

static const char *const RECURRING[] = {
    "thuong xuyen", "lien tuc", "hang nam", "hang thang", "hang quy", "hang tuan",
    "hang ngay", "dinh ky", "va",
};

int due_parse(const char *text, char out[16])
{
    int rc = -1;
    toks t;
    if (out)
        out[0] = 0;
    if (!text || !out || strnlen(text, TARGET_TEXT_MAX + 1) > TARGET_TEXT_MAX)
        return -1;
    if (toks_init(&t, text, TARGET_TEXT_MAX) < 0)
        return -1;
    size_t i = 0, n = t.n;
    while (n > 0 && t.v[n - 1].kind == TK_PUNCT && !is_p(&t, n - 1, "%"))
        n--;                              /* "Thường xuyên." */
    /* recurring: only those words (and commas) */
    size_t k = 0, j = 0;
    int any = 0;
    while (j < n) {
        if (is_p(&t, j, ",") || is_p(&t, j, ";")) {
            j++;
            continue;
        }
        k = match_list_at(&t, j, RECURRING, NELEM(RECURRING));
        if (!k)
            break;
        any |= !words_at(&t, j, "va");
        j += k;
    }
    if (any && j == n) {
        snprintf(out, 16, "recurring");
        rc = 0;
        goto out;
    }
    for (;;) {
        k = match_list_at(&t, i, DUE_PREFIX, NELEM(DUE_PREFIX));
        if (!k)
            break;
        i += k;
    }
    long y = -1, m = -1, q = -1, d = -1;
    size_t e = i;
    if ((k = words_at(&t, i, "quy"))) {
        e = i + k;
        if (is_num(&t, e))
            q = small_int(&t, e);
        else if (is_word(&t, e))
            q = roman_value(t.s + t.v[e].b, t.v[e].e - t.v[e].b);
        e++;
        if (is_p(&t, e, "/") || is_p(&t, e, "-") || is_p(&t, e, ","))
            e++;
        else if (words_at(&t, e, "nam"))
            e++;
        if (is_year_tok(&t, e))
            y = small_int(&t, e++);
        if (q < 1 || q > 4 || y < 0)
            goto out;
        snprintf(out, 16, "%04d-Q%d", (int)(y % 10000), (int)(q % 10));
    } else if ((k = words_at(&t, i, "thang"))) {
        e = i + k;
        m = small_int(&t, e++);
        if (is_p(&t, e, "/") || is_p(&t, e, "-") || is_p(&t, e, ","))
            e++;
        else if (words_at(&t, e, "nam"))
            e++;
        if (is_year_tok(&t, e))
            y = small_int(&t, e++);
        if (m < 1 || m > 12 || y < 0)
            goto out;
        snprintf(out, 16, "%04d-%02d", (int)(y % 10000), (int)(m % 100));
    } else if ((k = words_at(&t, i, "nam"))) {
        e = i + k;
        if (!is_year_tok(&t, e))
            goto out;
        y = small_int(&t, e++);
        snprintf(out, 16, "%04d", (int)(y % 10000));
    } else if ((k = date_at(&t, i, &y, &m, &d))) {
        e = i + k;
        if (!valid_date(y, m, d))
            goto out;
        snprintf(out, 16, "%04d-%02d", (int)(y % 10000), (int)(m % 100));
    } else if (is_num(&t, i) && (is_p(&t, i + 1, "/") || is_p(&t, i + 1, "-")) &&
               is_year_tok(&t, i + 2) && t.v[i].e - t.v[i].b <= 2) {
        m = small_int(&t, i);
        e = i + 3;
        if (m < 1 || m > 12)
            goto out;
        snprintf(out, 16, "%04d-%02d", (int)(small_int(&t, i + 2) % 10000), (int)(m % 100));
    } else if (is_year_tok(&t, i)) {
        e = i + 1;
        snprintf(out, 16, "%04d", (int)(small_int(&t, i) % 10000));
    } else {
        goto out;
    }
    if (e == n)
        rc = 0;
out:
    if (rc != 0)
        out[0] = 0;
    toks_release(&t);
    return rc;
}
