/* orgname.c — unit-name keys (see orgname.h).
 *
 * The name is cut into words (runs of letters, marks and digits; anything
 * else separates, so "VH-XH", "KH&CN" and "HĐND-UBND" are two words each),
 * each word folded by text_fold() and remembered as written in capitals or
 * not, then rewritten as a list of folded tokens. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "base/buf.h"
#include "base/text.h"
#include "core/orgname.h"

#define MAX_TOKENS 96

/* Abbreviations, folded. Expanded whatever the case, since none of them is
 * a Vietnamese word (no vowel, or no such syllable). */
static const char *const ABBREV[][2] = {
    {"ubnd", "uy ban nhan dan"},
    {"hdnd", "hoi dong nhan dan"},
    {"hnd", "hoi dong nhan dan"},     /* a common slip for HĐND */
    {"vh", "van hoa"},
    {"xh", "xa hoi"},
    {"vhxh", "van hoa xa hoi"},
    {"vhtt", "van hoa thong tin"},
    {"tt", "trung tam"},
    {"dv", "dich vu"},
    {"pvhcc", "trung tam phuc vu hanh chinh cong"},
    {"ttpvhcc", "trung tam phuc vu hanh chinh cong"},
    {"hcc", "hanh chinh cong"},
    {"ttdvth", "trung tam dich vu tong hop"},
    {"ttdv", "trung tam dich vu"},
    {"dvth", "dich vu tong hop"},
    {"cnscd", "cong nghe so cong dong"},
    {"cns", "cong nghe so"},
    {"kt", "kinh te"},
    {"ktht", "kinh te ha tang"},
    {"vp", "van phong"},
    {"kh", "khoa hoc"},
    {"cn", "cong nghe"},
    {"khcn", "khoa hoc cong nghe"},
    {"cntt", "cong nghe thong tin"},
    {"tttt", "thong tin truyen thong"},
    {"yt", "y te"},
    {"tyt", "tram y te"},
    {"ttyt", "trung tam y te"},
    {"gd", "giao duc"},
    {"dt", "dao tao"},
    {"gddt", "giao duc dao tao"},
    {"tn", "thanh nien"},
    {"tncs", "thanh nien cong san"},
    {"hcm", "ho chi minh"},
    {"mttq", "mat tran to quoc"},
    {"lhpn", "lien hiep phu nu"},
    {"hlhpn", "hoi lien hiep phu nu"},
    {"ccb", "cuu chien binh"},
    {"qs", "quan su"},
    {"bchqs", "ban chi huy quan su"},
    {"cdcs", "cong doan co so"},
    {"nn", "nong nghiep"},
    {"ptnt", "phat trien nong thon"},
    {"nnptnt", "nong nghiep phat trien nong thon"},
    {"tnmt", "tai nguyen moi truong"},
    {"tc", "tai chinh"},
    {"tckh", "tai chinh ke hoach"},
    {"lddtbxh", "lao dong thuong binh xa hoi"},
    {"ld", "lao dong"},
    {"tdtt", "the duc the thao"},
    {"ct", "chu tich"},
    {"pct", "pho chu tich"},
    {"bqlda", "ban quan ly du an"},
    {"nhnn", "ngan hang nha nuoc"},
    {NULL, NULL}
};

/* Expanded only when written in capitals: these are words too. */
static const char *const ABBREV_CAPS[][2] = {
    {"ca", "cong an"},
    {NULL, NULL}
};

/* Dropped wherever they stand. */
static const char *const STOP[] = {"va", NULL};

/* Level words dropped at the end of a unit's name, and at the start of a place's. */
static const char *const LEVEL[] = {"xa", "phuong", "tinh", "thi tran", "dac khu", "thanh pho",
                                    "huyen", "quan", "thi xa", NULL};

typedef struct toks {
    char *v[MAX_TOKENS];
    size_t n;
    int nomem;
} toks;

static void toks_release(toks *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->v[i]);
    t->n = 0;
}

/* Append each space-separated word of S. */
static void toks_add(toks *t, const char *s)
{
    while (*s) {
        while (*s == ' ')
            s++;
        size_t n = strcspn(s, " ");
        if (n == 0)
            break;
        if (t->n == MAX_TOKENS)
            return;                 /* longer names are cut: keys stay bounded */
        char *w = strndup(s, n);
        if (!w) {
            t->nomem = 1;
            return;
        }
        t->v[t->n++] = w;
        s += n;
    }
}

static const char *lookup(const char *const tab[][2], const char *w)
{
    for (size_t i = 0; tab[i][0]; i++)
        if (strcmp(tab[i][0], w) == 0)
            return tab[i][1];
    return NULL;
}

static int is_stop(const char *w)
{
    for (size_t i = 0; STOP[i]; i++)
        if (strcmp(STOP[i], w) == 0)
            return 1;
    return 0;
}

/* Cut NAME into words, fold each, expand abbreviations, into T. */
static void tokenize(const char *name, toks *t)
{
    size_t len = strnlen(name, ORGNAME_MAX_BYTES);
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)name;
    size_t i = 0;
    while (i < len && !t->nomem) {
        size_t start = i;
        int upper = 0, lower = 0;
        while (i < len) {
            utf8proc_int32_t c;
            utf8proc_ssize_t r = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c);
            if (r <= 0 || c < 0)
                break;
            utf8proc_category_t cat = utf8proc_category(c);
            int word = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                       (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_NO);
            if (!word)
                break;
            upper |= cat == UTF8PROC_CATEGORY_LU;
            lower |= cat == UTF8PROC_CATEGORY_LL;
            i += (size_t)r;
        }
        if (i == start) {           /* a separator, or a byte that is not UTF-8 */
            utf8proc_int32_t c;
            utf8proc_ssize_t r = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c);
            i += r > 0 ? (size_t)r : 1;
            continue;
        }
        char *raw = strndup(name + start, i - start);
        char *f = raw ? text_fold(raw) : NULL;
        free(raw);
        if (!f) {
            t->nomem = 1;
            return;
        }
        const char *x = lookup(ABBREV, f);
        if (!x && upper && !lower)
            x = lookup(ABBREV_CAPS, f);
        if (!is_stop(f))
            toks_add(t, x ? x : f);
        free(f);
    }
}

static int span_eq(const toks *t, size_t a, size_t b, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (strcmp(t->v[a + k], t->v[b + k]) != 0)
            return 0;
    return 1;
}

static void remove_span(toks *t, size_t at, size_t n)
{
    for (size_t k = 0; k < n; k++)
        free(t->v[at + k]);
    memmove(&t->v[at], &t->v[at + n], (t->n - at - n) * sizeof t->v[0]);
    t->n -= n;
}

/* "trung tam trung tam phuc vu" → "trung tam phuc vu". */
static void collapse_repeats(toks *t)
{
    for (size_t n = 5; n >= 1; n--) {
        for (size_t i = 0; i + 2 * n <= t->n;) {
            if (span_eq(t, i, i + n, n))
                remove_span(t, i + n, n);
            else
                i++;
        }
    }
}

/* Non-zero when the words of PHRASE stand in T at position AT. */
static int match_at(const toks *t, size_t at, const char *phrase)
{
    size_t k = at;
    const char *s = phrase;
    while (*s) {
        size_t n = strcspn(s, " ");
        if (k >= t->n || strlen(t->v[k]) != n || strncmp(t->v[k], s, n) != 0)
            return 0;
        k++;
        s += n;
        while (*s == ' ')
            s++;
    }
    return 1;
}

static size_t words(const char *phrase)
{
    size_t n = 1;
    for (const char *s = phrase; *s; s++)
        n += *s == ' ';
    return n;
}

/* "uy ban nhan dan hoi dong nhan dan" → "hoi dong nhan dan uy ban nhan dan". */
static void order_councils(toks *t)
{
    for (size_t i = 0; i + 8 <= t->n; i++) {
        if (match_at(t, i, "uy ban nhan dan hoi dong nhan dan")) {
            char *tmp[4];
            memcpy(tmp, &t->v[i], 4 * sizeof tmp[0]);
            memmove(&t->v[i], &t->v[i + 4], 4 * sizeof tmp[0]);
            memcpy(&t->v[i + 4], tmp, 4 * sizeof tmp[0]);
        }
    }
}

/* Drop a trailing level word (and a trailing place before it or after it). */
static void drop_trailing(toks *t, const toks *place)
{
    if (place && place->n > 0 && t->n > place->n) {
        size_t at = t->n - place->n;
        int same = 1;
        for (size_t k = 0; k < place->n && same; k++)
            same = strcmp(t->v[at + k], place->v[k]) == 0;
        if (same)
            remove_span(t, at, place->n);
    }
    for (size_t l = 0; LEVEL[l]; l++) {
        size_t n = words(LEVEL[l]);
        if (t->n > n && match_at(t, t->n - n, LEVEL[l])) {
            remove_span(t, t->n - n, n);
            break;
        }
    }
}

static char *join(const toks *t)
{
    buf b;
    buf_init(&b, ORGNAME_MAX_BYTES * 4);
    for (size_t i = 0; i < t->n; i++) {
        if (i)
            buf_addc(&b, ' ');
        buf_adds(&b, t->v[i]);
    }
    if (buf_failed(&b)) {
        buf_release(&b);
        return NULL;
    }
    return buf_detach(&b);
}

char *orgname_place_key(const char *name)
{
    if (!name)
        return NULL;
    toks t = {{0}, 0, 0};
    char *r = NULL;
    tokenize(name, &t);
    if (t.nomem)
        goto out;
    for (size_t l = 0; LEVEL[l]; l++) {
        size_t n = words(LEVEL[l]);
        if (t.n > n && match_at(&t, 0, LEVEL[l])) {
            remove_span(&t, 0, n);
            break;
        }
    }
    r = join(&t);
out:
    toks_release(&t);
    return r;
}

char *orgname_key(const char *name, const char *place)
{
    if (!name)
        return NULL;
    toks t = {{0}, 0, 0}, pl = {{0}, 0, 0};
    char *r = NULL;
    if (place) {
        char *pk = orgname_place_key(place);
        if (!pk)
            goto out;
        toks_add(&pl, pk);
        free(pk);
    }
    tokenize(name, &t);
    if (t.nomem || pl.nomem)
        goto out;
    collapse_repeats(&t);
    order_councils(&t);
    drop_trailing(&t, place ? &pl : NULL);
    r = join(&t);
out:
    toks_release(&t);
    toks_release(&pl);
    return r;
}

int orgname_is_collective(const char *name)
{
    char *f = text_fold(name);
    if (!f)
        return 0;
    toks t = {{0}, 0, 0};
    toks_add(&t, f);
    free(f);
    int r = 0;
    for (size_t i = 0; i < t.n && !r; i++)
        r = strcmp(t.v[i], "cac") == 0 || match_at(&t, i, "lien quan") || match_at(&t, i, "tat ca");
    if (!r && t.n > 0)
        r = strcmp(t.v[0], "nhung") == 0 || strcmp(t.v[0], "moi") == 0;
    toks_release(&t);
    return r;
}

int orgname_is_committee(const char *key)
{
    return key && strcmp(key, "uy ban nhan dan") == 0;
}
