/* num.c — the number syntax of num.h: one pass gathers digit groups and
 * the marks between them, then the marks are read the Vietnamese way
 * (thousands ".", decimal ","), the other convention's reading is kept
 * beside it, and the value is made from at most 15 significant digits as
 * an integer over a power of ten (exact; no strtod, no locale). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "base/lang.h"
#include "base/num.h"

#define MAX_GROUPS 24

enum { SEP_POINT = 'P', SEP_COMMA = 'C', SEP_SPACE = 'S' };

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Length of a blank at S (ASCII space or tab, NBSP, U+202F, U+2009), 0 if none. */
static size_t blank_len(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 1 && (u[0] == ' ' || u[0] == '\t'))
        return 1;
    if (n >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
        return 2;
    if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xAF || u[2] == 0x89))
        return 3;
    return 0;
}

static const double POW10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
                               1e13, 1e14, 1e15, 1e16, 1e17, 1e18};

/* The value of digits D (N of them, the last DEC after the mark). */
static double digits_value(const char *d, size_t n, int dec)
{
    uint64_t m = 0;
    for (size_t i = 0; i < n; i++)
        m = m * 10 + (uint64_t)(d[i] - '0');
    return (double)m / POW10[dec];
}

/* V with at most MAXDEC decimals, '.' between thousands when GROUP, ','
 * as the decimal mark, trailing zeros dropped. */
static char *fmt(double v, int maxdec, int group, char out[NUM_FMT_LEN])
{
    char raw[NUM_FMT_LEN];
    if (!isfinite(v) || fabs(v) >= 1e18) {
        snprintf(out, NUM_FMT_LEN, "?");
        return out;
    }
    if (maxdec < 0)
        maxdec = 0;
    if (maxdec > 9)
        maxdec = 9;
    snprintf(raw, sizeof raw, "%.*f", maxdec, fabs(v));
    char *dot = strchr(raw, '.');
    size_t il = dot ? (size_t)(dot - raw) : strlen(raw);
    if (dot) {
        size_t k = strlen(raw);
        while (k > il + 1 && raw[k - 1] == '0')
            raw[--k] = 0;
        if (k == il + 1)
            raw[il] = 0, dot = NULL;
    }
    size_t o = 0;
    int zero = 1;
    for (const char *p = raw; *p; p++)
        if (*p != '0' && *p != '.')
            zero = 0;
    if (v < 0 && !zero)
        out[o++] = '-';
    for (size_t i = 0; i < il && o + 2 < NUM_FMT_LEN; i++) {
        if (group && i > 0 && (il - i) % 3 == 0)
            out[o++] = '.';
        out[o++] = raw[i];
    }
    if (dot) {
        out[o++] = ',';
        for (const char *p = dot + 1; *p && o + 1 < NUM_FMT_LEN; p++)
            out[o++] = *p;
    }
    out[o] = 0;
    return out;
}

char *num_format(double v, int max_decimals, char out[NUM_FMT_LEN])
{
    return fmt(v, max_decimals, 1, out);
}

dti_rc num_parse(const char *s, num_read *out, dti_err *e)
{
    size_t gs[MAX_GROUPS], gl[MAX_GROUPS];     /* group start and length in S */
    char sep[MAX_GROUPS];                      /* mark after group k */
    size_t ng = 0;
    memset(out, 0, sizeof *out);
    if (!s)
        return DTI_OK;
    size_t n = strlen(s), b = 0, k;
    while (b < n && (k = blank_len(s + b, n - b)))
        b += k;
    for (;;) {                                 /* trailing blanks */
        if (n > b && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
            n--;
        else if (n >= b + 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xA0)
            n -= 2;
        else if (n >= b + 3 && blank_len(s + n - 3, 3) == 3)
            n -= 3;
        else
            break;
    }
    s += b;
    n -= b;
    if (n == 0)
        return DTI_OK;
    if (n > NUM_TEXT_MAX)
        return dti_fail(e, DTI_ERR_INPUT, "number", "số dài quá %d ký tự", "a number is over %d characters",
                        NUM_TEXT_MAX);
    num_read r;
    memset(&r, 0, sizeof r);
    memcpy(r.text, s, n);
    r.text[n] = 0;
    const char *t = r.text;

    size_t i = 0;
    if (s[0] == '-' || s[0] == '+') {
        r.negative = s[0] == '-';
        i = 1;
    } else if (n >= 3 && memcmp(s, "\xE2\x88\x92", 3) == 0) {
        r.negative = 1;
        i = 3;
    }
    int in_group = 0;
    while (i < n) {
        char c = s[i];
        if (is_digit(c)) {
            if (!in_group) {
                if (ng == MAX_GROUPS)
                    return dti_fail(e, DTI_ERR_INPUT, "number", "\"%s\": quá nhiều nhóm chữ số",
                                    "\"%s\": too many digit groups", t);
                gs[ng] = i;
                gl[ng] = 0;
                sep[ng] = 0;
                ng++;
                in_group = 1;
            }
            gl[ng - 1]++;
            i++;
            continue;
        }
        size_t bl = blank_len(s + i, n - i);
        if (c == '%' || bl) {
            /* blanks then '%' at the end: the percent sign */
            size_t j = i;
            while (j < n && (k = blank_len(s + j, n - j)))
                j += k;
            if (j < n && s[j] == '%' && j + 1 == n) {
                r.percent = 1;
                break;
            }
            if (c == '%')
                return dti_fail(e, DTI_ERR_INPUT, "number", "\"%s\": dấu %% chỉ được ở cuối số",
                                "\"%s\": a %% sign may only end the number", t);
        }
        if (c == '.' || c == ',' || bl) {
            if (!in_group)
                return dti_fail(e, DTI_ERR_INPUT, "number",
                                "\"%s\": thiếu chữ số trước dấu %s (viết 0,5 chứ không viết ,5)",
                                "\"%s\": no digit before the %s (write 0,5, not ,5)", t,
                                c == '.' ? TR("chấm", "point") : c == ',' ? TR("phẩy", "comma") : TR("cách", "space"));
            sep[ng - 1] = c == '.' ? SEP_POINT : c == ',' ? SEP_COMMA : SEP_SPACE;
            in_group = 0;
            i += bl ? bl : 1;
            continue;
        }
        if ((c == 'e' || c == 'E') && in_group)
            return dti_fail(e, DTI_ERR_INPUT, "number",
                            "\"%s\": không nhận số mũ (1e5): viết đủ các chữ số", "\"%s\": no exponents (1e5): "
                            "write the digits out", t);
        if ((c == 'x' || c == 'X') && in_group)
            return dti_fail(e, DTI_ERR_INPUT, "number", "\"%s\": không nhận số hệ 16: viết số thập phân",
                            "\"%s\": no hexadecimal: write a decimal number", t);
        return dti_fail(e, DTI_ERR_INPUT, "number",
                        "\"%s\" không phải là số (chỉ gồm chữ số, dấu chấm phân cách hàng nghìn, dấu phẩy "
                        "thập phân: 1.234,5)",
                        "\"%s\" is not a number (digits, a point between thousands, a decimal comma: 1.234,5)", t);
    }
    if (ng == 0)
        return dti_fail(e, DTI_ERR_INPUT, "number", "\"%s\": không có chữ số nào", "\"%s\": no digits", t);
    if (!in_group && sep[ng - 1])
        return dti_fail(e, DTI_ERR_INPUT, "number", "\"%s\": thiếu chữ số sau dấu %s",
                        "\"%s\": no digit after the %s", t,
                        sep[ng - 1] == SEP_POINT ? TR("chấm", "point")
                        : sep[ng - 1] == SEP_COMMA ? TR("phẩy", "comma") : TR("cách", "space"));

    /* the marks between groups: ng - 1 of them */
    size_t nsep = ng - 1, ncomma = 0, npoint = 0, nspace = 0, comma_at = 0;
    for (size_t g = 0; g < nsep; g++) {
        if (sep[g] == SEP_COMMA) {
            ncomma++;
            comma_at = g;
        } else if (sep[g] == SEP_POINT) {
            npoint++;
        } else {
            nspace++;
        }
    }
    if (ncomma > 1)
        return dti_fail(e, DTI_ERR_INPUT, "number",
                        "\"%s\": có %zu dấu phẩy; dấu phẩy là dấu thập phân (chỉ một), hàng nghìn cách bằng "
                        "dấu chấm: 1.234.567",
                        "\"%s\": %zu commas; the comma is the decimal mark (one only), thousands are "
                        "separated by points: 1.234.567", t, ncomma);
    if (ncomma && comma_at != nsep - 1)
        return dti_fail(e, DTI_ERR_INPUT, "number",
                        "\"%s\": dấu phẩy là dấu thập phân nên phải đứng sau cùng; cách viết tiếng Anh 1,234.5 "
                        "hãy viết 1.234,5 hoặc 1234.5",
                        "\"%s\": the comma is the decimal mark and must come last; for the English 1,234.5 "
                        "write 1.234,5 or 1234.5", t);
    if (npoint && nspace)
        return dti_fail(e, DTI_ERR_INPUT, "number",
                        "\"%s\": hàng nghìn cách bằng cả dấu chấm lẫn dấu cách: chọn một", "\"%s\": thousands "
                        "are separated by both points and spaces: use one", t);
    /* integer groups: all before the comma, or all */
    size_t nint = ncomma ? comma_at + 1 : ng;
    int decimal_point = 0;
    if (nint > 1) {
        int ok = gl[0] >= 1 && gl[0] <= 3 && s[gs[0]] != '0';
        for (size_t g = 1; g < nint; g++)
            ok = ok && gl[g] == 3;
        if (!ok) {
            /* one point that cannot group thousands: a decimal point */
            if (!ncomma && npoint == 1 && nsep == 1) {
                decimal_point = 1;
                nint = 1;
            } else {
                return dti_fail(e, DTI_ERR_INPUT, "number",
                                "\"%s\": các dấu phân cách hàng nghìn phải cách nhau đúng 3 chữ số (1.234.567)",
                                "\"%s\": thousands marks must be exactly 3 digits apart (1.234.567)", t);
            }
        } else {
            r.grouped = 1;
        }
    }
    /* the digits, integer then fraction */
    char d[NUM_TEXT_MAX];
    size_t nd = 0;
    for (size_t g = 0; g < ng; g++)
        for (size_t j = 0; j < gl[g]; j++)
            d[nd++] = s[gs[g] + j];
    int dec = (ncomma || decimal_point) ? (int)gl[ng - 1] : 0;
    if (dec > NUM_DECIMALS_MAX)
        return dti_fail(e, DTI_ERR_INPUT, "number", "\"%s\": quá %d chữ số thập phân",
                        "\"%s\": over %d decimals", t, NUM_DECIMALS_MAX);
    size_t lead = 0;
    while (lead + 1 < nd && d[lead] == '0')
        lead++;
    if (nd - lead > NUM_DIGITS_MAX)
        return dti_fail(e, DTI_ERR_INPUT, "number", "\"%s\": quá %d chữ số có nghĩa",
                        "\"%s\": over %d significant digits", t, NUM_DIGITS_MAX);
    r.value = digits_value(d + lead, nd - lead, dec);
    r.decimals = dec;
    /* the other convention's reading */
    if (!ncomma && npoint == 1 && nsep == 1 && r.grouped) {
        r.has_alt = 1;                          /* "2.100": English 2.1 */
        r.alt = digits_value(d + lead, nd - lead, 3);
    } else if (ncomma && nsep == 1 && gl[0] <= 3 && s[gs[0]] != '0' && gl[1] == 3) {
        r.has_alt = 1;                          /* "1,234": English 1234 */
        r.alt = digits_value(d + lead, nd - lead, 0);
    }
    if (r.negative) {
        r.value = -r.value;
        r.alt = -r.alt;
    }
    r.has = 1;
    *out = r;
    return DTI_OK;
}

/* The range of KIND for V (R for the percent sign and the text); the
 * reason in E. */
static dti_rc range(const char *t, double v, int percent, num_kind kind, dti_err *e)
{
    char a[NUM_FMT_LEN];
    if (!isfinite(v))
        return dti_fail(e, DTI_ERR_INPUT, "number", "\"%s\" không phải là một số hữu hạn", "\"%s\" is not a finite number", t);
    if (fabs(v) > NUM_ABS_MAX)
        return dti_fail(e, DTI_ERR_INPUT, "number", "\"%s\" lớn quá (tối đa %s)", "\"%s\" is too large (at most %s)",
                        t, num_format(NUM_ABS_MAX, 0, a));
    if (v != 0 && fabs(v) < 1e-9)
        return dti_fail(e, DTI_ERR_INPUT, "number", "\"%s\" nhỏ quá (dưới 0,000000001)",
                        "\"%s\" is too small (below 0.000000001)", t);
    if (kind != NUM_TARGET && v < 0)
        return dti_fail(e, DTI_ERR_INPUT, "number", "\"%s\": số liệu không được âm", "\"%s\": a figure cannot be negative", t);
    switch (kind) {
    case NUM_COUNT:
        if (percent)
            return dti_fail(e, DTI_ERR_INPUT, "number", "\"%s\": đây là số đếm, không phải tỷ lệ %%",
                            "\"%s\": this is a count, not a percent", t);
        if (v != floor(v))
            return dti_fail(e, DTI_ERR_INPUT, "number", "\"%s\": số đếm phải là số nguyên",
                            "\"%s\": a count must be a whole number", t);
        if (v > NUM_COUNT_MAX)
            return dti_fail(e, DTI_ERR_INPUT, "number", "\"%s\": số đếm lớn quá (tối đa %s)",
                            "\"%s\": the count is too large (at most %s)", t, num_format(NUM_COUNT_MAX, 0, a));
        break;
    case NUM_RATE:
        if (v > 100)
            return dti_fail(e, DTI_ERR_INPUT, "number", "\"%s\": tỷ lệ phải từ 0 đến 100 (đã đọc là %s)",
                            "\"%s\": a rate must be 0 to 100 (read as %s)", t, num_format(v, 9, a));
        break;
    case NUM_LEVEL:
        if (percent || v > 1)
            return dti_fail(e, DTI_ERR_INPUT, "number",
                            "\"%s\": mức đạt của mục tiêu định tính là từ 0 đến 1 (1 = đạt, 0,5 = đạt một nửa)",
                            "\"%s\": the level of a text target is 0 to 1 (1 = met, 0,5 = half)", t);
        break;
    case NUM_MEASURE:
    case NUM_TARGET:
        break;
    }
    return DTI_OK;
}

dti_rc num_check(const num_read *r, num_kind kind, dti_err *e)
{
    dti_rc rc = range(r->text, r->value, r->percent, kind, e);
    if (rc == DTI_OK || !r->has_alt)
        return rc;
    if (range(r->text, r->alt, r->percent, kind, NULL) != DTI_OK)
        return rc;      /* neither reading fits: the plain reason */
    char v[NUM_FMT_LEN], a[NUM_FMT_LEN], plain[NUM_FMT_LEN];
    num_format(r->value, 9, v);
    fmt(r->alt, 9, 0, plain);
    if (r->alt == floor(r->alt))
        num_format(r->alt, 0, a);
    else
        fmt(r->alt, 9, 0, a);
    return dti_fail(e, DTI_ERR_INPUT, "number",
                    "\"%s\" không rõ: theo cách viết Việt Nam là %s (dấu chấm ngăn hàng nghìn, dấu phẩy thập "
                    "phân), không hợp ở đây; nếu ý là %s, hãy viết %s",
                    "\"%s\" is ambiguous: the Vietnamese way it reads %s (point between thousands, decimal "
                    "comma), which does not fit here; if you meant %s, write %s",
                    r->text, v, a, plain);
}

dti_rc num_check_value(double v, num_kind kind, dti_err *e)
{
    char t[NUM_FMT_LEN];
    /* the text only names the number in a message: written when there is
     * one (scores check every stored figure; printf was a third of a cold
     * national ranking's time) */
    dti_rc rc = range("", v, 0, kind, NULL);
    if (rc == DTI_OK || !e)
        return rc;
    if (!isfinite(v))
        snprintf(t, sizeof t, "%s", isnan(v) ? "nan" : v > 0 ? "inf" : "-inf");
    else if (fabs(v) >= 1e15 || (v != 0 && fabs(v) < 1e-9))
        snprintf(t, sizeof t, "%g", v);
    else
        num_format(v, 9, t);
    return range(t, v, 0, kind, e);
}
