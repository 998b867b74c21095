/* json_text.c — jansson-identical JSON text for strings, integers and
 * reals (json_text.h has the rules and why). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "base/json_text.h"

/* Length of the valid UTF-8 sequence at P (of at most LEFT bytes) whose
 * first byte is at least 0x80, or 0 when it is not one (utf8_check_first
 * and utf8_check_full of jansson). */
static size_t utf8_seq(const unsigned char *p, size_t left)
{
    unsigned c = p[0];
    size_t n;
    uint32_t v;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        v = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        v = c & 0x07;
    } else {
        return 0;   /* a continuation byte, 0xC0, 0xC1 or above 0xF4 */
    }
    if (n > left)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (p[i] & 0x3F);
    }
    if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) || (n == 3 && v < 0x800) || (n == 4 && v < 0x10000))
        return 0;
    return n;
}

int json_text_str(buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *p = (const unsigned char *)s, *run = p;
    size_t left = strlen(s);
    buf_addc(b, '"');
    while (left) {
        unsigned c = *p;
        if (c >= 0x80) {
            size_t n = utf8_seq(p, left);
            if (!n)
                return -1;
            p += n;
            left -= n;
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\') {
            p++;
            left--;
            continue;
        }
        buf_add(b, run, (size_t)(p - run));
        char esc[6] = {'\\', 0, '0', '0', 0, 0};
        size_t len = 2;
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        default:
            esc[1] = 'u';
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            len = 6;
        }
        buf_add(b, esc, len);
        p++;
        left--;
        run = p;
    }
    buf_add(b, run, (size_t)(p - run));
    buf_addc(b, '"');
    return 0;
}

void json_text_int(buf *b, long long v)
{
    char t[24];
    int n = snprintf(t, sizeof t, "%lld", v);
    buf_add(b, t, (size_t)n);
}

int json_text_real(buf *b, double v)
{
    char t[40];
    if (!isfinite(v))
        return -1;
    /* A whole number below 10^15 (counts, most figures of a report): "%.17g"
     * writes its digits and no exponent, then ".0" is added; the same bytes
     * without printf's floating-point formatting, the costliest part of a
     * report's audit image. -0.0 is left to printf ("-0.0"). */
    if (v > -1e15 && v < 1e15 && v == (double)(long long)v && !(v == 0 && signbit(v))) {
        long long k = (long long)v;
        char d[24];
        size_t nd = 0, len = 0;
        unsigned long long u = k < 0 ? (unsigned long long)(-k) : (unsigned long long)k;
        do {
            d[nd++] = (char)('0' + u % 10);
            u /= 10;
        } while (u);
        if (k < 0)
            t[len++] = '-';
        while (nd)
            t[len++] = d[--nd];
        t[len++] = '.';
        t[len++] = '0';
        buf_add(b, t, len);
        return 0;
    }
    int n = snprintf(t, sizeof t, "%.17g", v);
    if (n < 0 || (size_t)n >= sizeof t - 3)
        return -1;
    size_t len = (size_t)n;
    if (!strchr(t, '.') && !strchr(t, 'e')) {
        t[len++] = '.';
        t[len++] = '0';
        t[len] = 0;
    }
    char *start = strchr(t, 'e');
    if (start) {
        start++;
        char *end = start + 1;
        if (*start == '-')
            start++;
        while (*end == '0')
            end++;
        if (end != start) {
            memmove(start, end, len - (size_t)(end - t) + 1);
            len -= (size_t)(end - start);
        }
    }
    buf_add(b, t, len);
    return 0;
}
