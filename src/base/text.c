/* text.c — clean, fold and compare UTF-8 text (see text.h for the three forms).
 *
 * Folding decomposes to NFD, drops combining marks, maps đ/Đ to d by hand (it
 * is a letter, not a letter plus mark, so decomposition leaves it), lower-cases,
 * and keeps only letters and digits with single spaces between runs. */
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "base/buf.h"
#include "base/text.h"

char *text_dup(const char *s)
{
    return s ? strdup(s) : NULL;
}

int text_utf8_valid(const char *s, size_t n)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t i = 0;
    while (i < n) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &c);
        if (k <= 0 || c < 0)
            return 0;
        i += (size_t)k;
    }
    return 1;
}

/* Decode S (N bytes) into code points, replacing bad bytes by U+FFFD. */
static utf8proc_int32_t *decode(const char *s, size_t n, size_t *outn)
{
    if (n >= SIZE_MAX / sizeof(utf8proc_int32_t) || n > (size_t)PTRDIFF_MAX)
        return NULL;                /* (n + 1) * 4 would wrap */
    utf8proc_int32_t *v = malloc((n + 1) * sizeof *v);
    if (!v)
        return NULL;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t i = 0, k = 0;
    while (i < n) {
        utf8proc_int32_t c;
        utf8proc_ssize_t r = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &c);
        if (r <= 0 || c < 0) {
            c = 0xFFFD;
            r = 1;
        }
        v[k++] = c;
        i += (size_t)r;
    }
    *outn = k;
    return v;
}

static int is_space(utf8proc_int32_t c)
{
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
        return 1;
    if (c == 0xA0 || c == 0x200B || c == 0xFEFF || c == 0x2028 || c == 0x2029 || c == 0x3000)
        return 1;
    utf8proc_category_t cat = utf8proc_category(c);
    return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP;
}

/* Normalise code points with OPTIONS (utf8proc flags), result as a new UTF-8 string. */
static char *normalize(const utf8proc_int32_t *v, size_t n, utf8proc_option_t options)
{
    buf b;
    buf_init(&b, 0);
    for (size_t i = 0; i < n; i++) {
        utf8proc_uint8_t tmp[4];
        utf8proc_ssize_t k = utf8proc_encode_char(v[i], tmp);
        buf_add(&b, tmp, (size_t)k);
    }
    char *raw = buf_detach(&b);
    if (!raw)
        return NULL;
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)raw, 0, &out,
                                      UTF8PROC_NULLTERM | options);
    free(raw);
    if (r < 0)
        return NULL;
    return (char *)out;
}

char *text_nfc(const char *s)
{
    if (!s)
        return NULL;
    size_t n;
    utf8proc_int32_t *v = decode(s, strlen(s), &n);
    if (!v)
        return NULL;
    char *r = normalize(v, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    free(v);
    return r;
}

char *text_clean_n(const char *s, size_t len)
{
    if (!s)
        return NULL;
    size_t n;
    utf8proc_int32_t *v = decode(s, len, &n);
    if (!v)
        return NULL;
    size_t k = 0;
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        utf8proc_int32_t c = v[i];
        if (c == 0xAD || c == 0x200C || c == 0x200D)   /* soft hyphen, joiners */
            continue;
        if (is_space(c) || (c < 0x20 && c != 0)) {
            space = 1;
            continue;
        }
        if (space && k)
            v[k++] = ' ';
        space = 0;
        v[k++] = c;
    }
    /* already NFC when every code point is of a block with no combining
     * character and no NFC singleton (Latin, Vietnamese, punctuation,
     * symbols): no need for utf8proc (text_clean is on every cell's path) */
    int nfc = 1;
    for (size_t i = 0; i < k && nfc; i++) {
        utf8proc_int32_t c = v[i];
        nfc = c < 0x300 || (c >= 0x1E00 && c < 0x1F00) ||
              (c >= 0x2000 && c < 0x2300 && c != 0x2126 && c != 0x212A && c != 0x212B);
    }
    char *r;
    if (nfc) {
        buf b;
        buf_init(&b, 0);
        for (size_t i = 0; i < k; i++) {
            utf8proc_uint8_t tmp[4];
            utf8proc_ssize_t m = utf8proc_encode_char(v[i], tmp);
            buf_add(&b, tmp, (size_t)m);
        }
        r = buf_detach(&b);
    } else {
        r = normalize(v, k, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    }
    free(v);
    return r;
}

char *text_clean(const char *s)
{
    return s ? text_clean_n(s, strlen(s)) : NULL;
}

/* text_fold() one code point at a time. Folding is per code point (NFD
 * and case folding map each code point on its own; the marks that
 * canonical reordering moves are dropped), so the fold of every code point
 * below FOLD_END — Latin, Vietnamese (U+1EA0…U+1EF9), combining marks — is
 * computed once, on first use, and kept in a word packed as: byte 0 the
 * kind (FOLD_*), byte 1 the length, bytes 2..7 the folded UTF-8. A word is
 * published with one atomic store, so threads may fill the table at once.
 * Anything else (a code point beyond, a fold of more than 6 bytes or mixing
 * letters and non-letters, invalid UTF-8) takes the reference path,
 * fold_slow(). test_text.c checks both agree on every code point. */
#define FOLD_END 0x2000
enum { FOLD_UNKNOWN, FOLD_SLOW, FOLD_DROP, FOLD_SPACE, FOLD_TEXT };
static _Atomic uint64_t fold_table[FOLD_END];

static uint64_t fold_entry(utf8proc_int32_t cp)
{
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return FOLD_SLOW;
    utf8proc_int32_t d[16];
    int last = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(cp, d, 16, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD,
                                                 &last);
    if (n <= 0 || n > 16)
        return FOLD_SLOW;
    unsigned char out[6];
    size_t len = 0;
    int space = 0;
    for (utf8proc_ssize_t i = 0; i < n; i++) {
        utf8proc_int32_t c = d[i];
        if (c == 0x0111 || c == 0x0110)
            c = 'd';
        utf8proc_category_t k = utf8proc_category(c);
        if (k == UTF8PROC_CATEGORY_MN || k == UTF8PROC_CATEGORY_MC || k == UTF8PROC_CATEGORY_ME)
            continue;
        if (!((k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO) || k == UTF8PROC_CATEGORY_ND)) {
            space = 1;
            continue;
        }
        utf8proc_uint8_t t[4];
        utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_tolower(c), t);
        if (m <= 0 || len + (size_t)m > sizeof out)
            return FOLD_SLOW;
        memcpy(out + len, t, (size_t)m);
        len += (size_t)m;
    }
    if (space)
        return len ? FOLD_SLOW : FOLD_SPACE;
    if (!len)
        return FOLD_DROP;
    uint64_t e = FOLD_TEXT | (uint64_t)len << 8;
    for (size_t i = 0; i < len; i++)
        e |= (uint64_t)out[i] << (16 + 8 * i);
    return e;
}

static char *fold_slow(const char *s);

char *text_fold(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    buf b;
    buf_init(&b, 0);
    int space = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        uint64_t e;
        if (c < 0x80) {
            i++;
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (space && b.len)
                    buf_addc(&b, ' ');
                space = 0;
                buf_addc(&b, (char)c);
                continue;
            }
            if (c >= 'A' && c <= 'Z') {
                if (space && b.len)
                    buf_addc(&b, ' ');
                space = 0;
                buf_addc(&b, (char)(c - 'A' + 'a'));
                continue;
            }
            space = 1;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t r = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (r <= 0 || cp < 0 || cp >= FOLD_END)
            goto slow;
        i += (size_t)r;
        e = atomic_load_explicit(&fold_table[cp], memory_order_acquire);
        if (e == FOLD_UNKNOWN) {
            e = fold_entry(cp);
            atomic_store_explicit(&fold_table[cp], e, memory_order_release);
        }
        switch (e & 0xFF) {
        case FOLD_DROP:
            continue;
        case FOLD_SPACE:
            space = 1;
            continue;
        case FOLD_TEXT:
            if (space && b.len)
                buf_addc(&b, ' ');
            space = 0;
            for (size_t k = 0; k < ((e >> 8) & 0xFF); k++)
                buf_addc(&b, (char)((e >> (16 + 8 * k)) & 0xFF));
            continue;
        default:
            goto slow;
        }
    }
    return buf_detach(&b);
slow:
    buf_release(&b);
    return fold_slow(s);
}

char *text_fold_reference(const char *s)
{
    return fold_slow(s);
}

static char *fold_slow(const char *s)
{
    if (!s)
        return NULL;
    utf8proc_uint8_t *d = NULL;
    size_t n;
    utf8proc_int32_t *v = decode(s, strlen(s), &n);
    if (!v)
        return NULL;
    char *tmp = normalize(v, n, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD);
    free(v);
    if (!tmp)
        return NULL;
    d = (utf8proc_uint8_t *)tmp;
    v = decode(tmp, strlen(tmp), &n);
    free(d);
    if (!v)
        return NULL;
    buf b;
    buf_init(&b, 0);
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        utf8proc_int32_t c = v[i];
        if (c == 0x0111 || c == 0x0110)
            c = 'd';
        utf8proc_category_t cat = utf8proc_category(c);
        if (cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC || cat == UTF8PROC_CATEGORY_ME)
            continue;
        int alnum = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                    cat == UTF8PROC_CATEGORY_ND;
        if (!alnum) {
            space = 1;
            continue;
        }
        if (space && b.len)
            buf_addc(&b, ' ');
        space = 0;
        c = utf8proc_tolower(c);
        utf8proc_uint8_t t[4];
        utf8proc_ssize_t k = utf8proc_encode_char(c, t);
        buf_add(&b, t, (size_t)k);
    }
    free(v);
    return buf_detach(&b);
}

char *text_upper1(const char *s)
{
    char *c = text_clean(s);
    if (!c || !*c)
        return c;
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)c, -1, &cp);
    if (k <= 0)
        return c;
    utf8proc_int32_t up = utf8proc_toupper(cp);
    if (up == cp)
        return c;
    utf8proc_uint8_t t[4];
    utf8proc_ssize_t m = utf8proc_encode_char(up, t);
    size_t rest = strlen(c + k);
    char *r = malloc((size_t)m + rest + 1);
    if (!r) {
        free(c);
        return NULL;
    }
    memcpy(r, t, (size_t)m);
    memcpy(r + m, c + k, rest + 1);
    free(c);
    return r;
}

int text_fold_eq(const char *a, const char *b)
{
    char *x = text_fold(a), *y = text_fold(b);
    int eq = x && y && strcmp(x, y) == 0;
    free(x);
    free(y);
    return eq;
}

int text_fold_starts(const char *s, const char *prefix)
{
    char *x = text_fold(s), *y = text_fold(prefix);
    int r = x && y && strncmp(x, y, strlen(y)) == 0 &&
            (x[strlen(y)] == 0 || x[strlen(y)] == ' ' || !*y);
    free(x);
    free(y);
    return r;
}

int text_fold_contains(const char *s, const char *needle)
{
    char *x = text_fold(s), *y = text_fold(needle);
    int r = 0;
    if (x && y && *y) {
        size_t ny = strlen(y);
        for (const char *p = strstr(x, y); p; p = strstr(p + 1, y)) {
            int left = p == x || p[-1] == ' ';
            int right = p[ny] == 0 || p[ny] == ' ';
            if (left && right) {
                r = 1;
                break;
            }
        }
    }
    free(x);
    free(y);
    return r;
}

char *text_trim(char *s, const char *extra)
{
    if (!s)
        return s;
    size_t n = strlen(s);
    extra = extra ? extra : "";
    while (n && (strchr(" \t\r\n", s[n - 1]) || strchr(extra, s[n - 1])))
        s[--n] = 0;
    size_t i = 0;
    while (s[i] && (strchr(" \t\r\n", s[i]) || strchr(extra, s[i])))
        i++;
    if (i)
        memmove(s, s + i, n - i + 1);
    return s;
}
