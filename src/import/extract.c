/* extract.c — from a doc (paragraphs and tables, any format) to a plan.
 *
 * Design. Readers know formats, the extractor knows layouts: it sees only
 * the doc model, so one change here serves Markdown, tab-separated text,
 * PDF text, Word and Excel alike. It is built for families of layout, never
 * for a particular file: columns get their role from the words of their
 * header ("Chỉ tiêu", "chủ trì", "phối hợp", "Năm 2026", "Sản phẩm" …),
 * groups and items from the shape of their code ("II", "1.", "1.1"), and
 * prose targets from the grammar of a target phrase ("đạt tối thiểu 70%",
 * "100% X", "từ 01 cán bộ trở lên"). The passes:
 *
 *   1. head (extract_head.c): title from the "KẾ HOẠCH" line and the title
 *      lines under it; commune, province from "xã X" / "tỉnh X"; number and
 *      issued date from the heading ("Số: 35/KH-UBND", "X, ngày 08 tháng 4
 *      năm 2026"), else from an appendix's "(Kèm theo Kế hoạch số …)". The
 *      plan's year (the final year of "giai đoạn 2026 - 2030") is the year
 *      of targets that name none.
 *   2. tables (extract_table.c): header rows (one or two, merged cells
 *      inherited), a role per column, fragments cut by page breaks joined
 *      (a first row with no code continues the row before), group rows (a
 *      code and a name, nothing else) with a level by code shape, items as
 *      indicators (a target column, or a target phrase in a "Chỉ tiêu/nhiệm
 *      vụ" cell) or tasks; a further appendix's rows under no group get the
 *      group "PL<n>".
 *   3. prose (extract_prose.c): in sections of targets ("Mục tiêu cụ thể")
 *      and of tasks and solutions, each clause with a measurable target
 *      becomes an indicator, unless it restates a table row.
 *   4. finish (here): items in document order; groups listed on first use
 *      (a heading that only wraps groups is never listed); a prose group
 *      whose code clashes with another group takes its parent's code before
 *      it ("III.5"); items the document does not number get T1, T2, ….
 *
 * Nothing found is not an error: an empty plan and a warning. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "base/lang.h"
#include "base/text.h"
#include "core/target.h"
#include "import/extract.h"
#include "import/extract_int.h"

/* ---- text helpers ---------------------------------------------------- */

char *xt_fold(const char *s)
{
    return text_fold(s ? s : "");
}

int xt_has(const char *folded, const char *word)
{
    size_t n = strlen(word);
    if (!folded || !n)
        return 0;
    for (const char *p = strstr(folded, word); p; p = strstr(p + 1, word)) {
        int left = p == folded || p[-1] == ' ';
        int right = p[n] == 0 || p[n] == ' ';
        if (left && right)
            return 1;
    }
    return 0;
}

int xt_starts(const char *folded, const char *word)
{
    size_t n = strlen(word);
    return folded && strncmp(folded, word, n) == 0 && (folded[n] == 0 || folded[n] == ' ');
}

char *xt_name(const char *s, const char *trim)
{
    char *c = text_clean(s ? s : "");
    if (!c)
        return NULL;
    text_trim(c, trim ? trim : "");
    /* a list marker left at the start */
    while ((c[0] == '-' || c[0] == '+' || c[0] == '*') && c[1] == ' ')
        memmove(c, c + 2, strlen(c + 2) + 1);
    text_trim(c, trim ? trim : "");
    /* a footnote marker at the end ("… cấp xã (*)", "(**)"; "()" where a text
     * form read "**" as bold markup) is the page's, not the name's */
    for (size_t L = strlen(c); L >= 3 && c[L - 1] == ')';) {
        size_t k = L - 1;
        while (k > 0 && c[k - 1] == '*' && L - k <= 4)
            k--;
        if (k == 0 || c[k - 1] != '(' || k < 2 || c[k - 2] != ' ')
            break;
        c[k - 2] = 0;
        text_trim(c, trim ? trim : "");
        L = strlen(c);
    }
    if (!*c) {
        free(c);
        return NULL;
    }
    char *u = text_upper1(c);
    free(c);
    return u;
}

static int roman_len(const char *s, int *value)
{
    static const struct { char c; int v; } R[] = {{'I', 1}, {'V', 5}, {'X', 10}, {'L', 50}, {'C', 100}};
    int total = 0, prev = 1000, n = 0;
    for (; s[n]; n++) {
        int v = 0;
        for (size_t k = 0; k < sizeof R / sizeof *R; k++)
            if (s[n] == R[k].c)
                v = R[k].v;
        if (!v)
            break;
        total += v;
        if (v > prev)
            total -= 2 * prev;
        prev = v;
    }
    *value = total;
    return n;
}

size_t xt_code(const char *s, char *out, size_t outsz, int *level)
{
    size_t i = 0, n;
    int v = 0;
    out[0] = 0;
    *level = 0;
    if (!s)
        return 0;
    n = (size_t)roman_len(s, &v);
    if (n > 0 && n <= 6 && v > 0 && v < 50) {
        i = n;
        if (s[i] == '.' || s[i] == ')' || s[i] == ':')
            i++;
        else if (s[i] != ' ' && s[i] != 0)
            goto arabic;
        if (s[i] != ' ' && s[i] != 0)
            goto arabic;
        snprintf(out, outsz, "%.*s", (int)n, s);
        *level = 1;
        goto done;
    }
arabic:
    i = 0;
    if (s[0] >= '0' && s[0] <= '9') {
        int parts = 0;
        size_t end = 0;
        while (s[i] >= '0' && s[i] <= '9') {
            size_t st = i;
            while (s[i] >= '0' && s[i] <= '9')
                i++;
            if (i - st > 3)
                return 0;
            parts++;
            end = i;
            if (s[i] == '.' && s[i + 1] >= '0' && s[i + 1] <= '9')
                i++;
            else
                break;
        }
        if (s[i] == '.' || s[i] == ')')
            i++;
        if (s[i] != ' ' && s[i] != 0)
            return 0;
        snprintf(out, outsz, "%.*s", (int)end, s);
        *level = 1 + parts;
        goto done;
    }
    /* a group lettered "A", "B." or "C)" (other writers letter their
     * pillars): one upper-case letter alone or closed by "." or ")", so
     * that a word such as "Y tế" is never read as a code */
    if (s[0] >= 'A' && s[0] <= 'Z' && (s[1] == 0 || ((s[1] == '.' || s[1] == ')') && (s[2] == 0 || s[2] == ' ')))) {
        snprintf(out, outsz, "%c", s[0]);
        i = s[1] ? 2 : 1;
        *level = 1;
        goto done;
    }
    /* a) b) … đ) */
    if (((s[0] >= 'a' && s[0] <= 'z') && s[1] == ')') ) {
        snprintf(out, outsz, "%c", s[0]);
        i = 2;
        *level = 5;
        goto done;
    }
    if ((unsigned char)s[0] == 0xC4 && (unsigned char)s[1] == 0x91 && s[2] == ')') {
        snprintf(out, outsz, "đ");
        i = 3;
        *level = 5;
        goto done;
    }
    return 0;
done:
    while (s[i] == ' ')
        i++;
    return i;
}

/* A word that starts a unit's name (or a product's: "Báo cáo"), where two
 * names were glued by a lost line break ("Văn phòng HĐND&UBND Phòng Văn
 * hoá-Xã hội", "Bưu điện xã Trưởng các thôn", "Quyết định kiện toàn Báo cáo
 * hoạt động": a PDF reader joins a cell's paragraphs). */
static const char *const UNIT_HEADS[] = {"Phòng ", "Văn phòng ", "Trung tâm ", "Trạm ", "Công an ", "Bưu điện ",
                                         "Trưởng ", "Báo cáo "};
static const char *const CONNECTORS[] = {"các", "và", "với", "của", "cho", "tại", "thuộc", "hoặc", "là", "Các"};

static int glued_split(const char *s, size_t at)
{
    if (at < 2 || s[at - 1] != ' ')
        return 0;
    /* "Công chức Văn phòng - Thống kê", "Cán bộ Văn hóa": a post named after
     * the office, one name */
    static const char *const POSTS[] = {"Công chức", "Cán bộ", "Bộ phận", "Lãnh đạo", "Trưởng", "Phó"};
    for (size_t k = 0; k < sizeof POSTS / sizeof *POSTS; k++)
        if (strlen(POSTS[k]) == at - 1 && strncmp(s, POSTS[k], at - 1) == 0)
            return 0;
    char prevc = s[at - 2];
    if (strchr("&-/,;:(", prevc))
        return 0;
    size_t ws = at - 1;
    while (ws > 0 && s[ws - 1] != ' ')
        ws--;
    for (size_t k = 0; k < sizeof CONNECTORS / sizeof *CONNECTORS; k++)
        if (strlen(CONNECTORS[k]) == at - 1 - ws && strncmp(s + ws, CONNECTORS[k], at - 1 - ws) == 0)
            return 0;
    for (size_t k = 0; k < sizeof UNIT_HEADS / sizeof *UNIT_HEADS; k++)
        if (strncmp(s + at, UNIT_HEADS[k], strlen(UNIT_HEADS[k])) == 0) {
            /* "Văn phòng" itself: do not split inside it */
            if (!strcmp(UNIT_HEADS[k], "Phòng ") && at >= 4 && strncmp(s + ws, "Văn", 4) == 0 && ws + 4 == at - 1)
                return 0;
            return 1;
        }
    return 0;
}

static void add_unit(xt_ctx *x, strlist *l, const char *s, size_t n)
{
    char *c = text_clean_n(s, n);
    if (!c) {
        x->failed = 1;
        return;
    }
    char *u = xt_name(c, " .,;:-+*");
    free(c);
    if (u && strlist_take(l, u) < 0)
        x->failed = 1;
}

/* The paragraph break at TEXT[AT] only wraps a name, as a Word file made
 * from a PDF keeps every printed line ("Trung tâm Phục vụ" / "hành chính
 * công xã", "Văn phòng HĐND và" / "UBND xã"): the next line starts in lower
 * case, or this one ends with a word that cannot end a name. */
int xt_wrapped_break(const char *text, size_t at)
{
    static const char *const OPEN[] = {" và", " của", " với", " các", " tại", " thuộc", " cho", " về", " trên",
                                       " &", " -", ","};
    const char *next = text + at + 1;
    if (*next >= 'a' && *next <= 'z')
        return 1;
    if ((unsigned char)*next >= 0x80) {
        char first[8];
        size_t n = 1;
        while (n < 4 && ((unsigned char)next[n] & 0xC0) == 0x80)
            n++;
        memcpy(first, next, n);
        first[n] = 0;
        char *u = text_upper1(first);
        int lower = u && strcmp(u, first) != 0;
        free(u);
        if (lower)
            return 1;
    }
    for (size_t k = 0; k < sizeof OPEN / sizeof *OPEN; k++) {
        size_t ol = strlen(OPEN[k]);
        if (at >= ol && strncmp(text + at - ol, OPEN[k], ol) == 0)
            return 1;
    }
    return 0;
}

void xt_split_units(xt_ctx *x, const char *text, strlist *l)
{
    if (!text)
        return;
    char *own = NULL;
    if (strchr(text, '\n')) {
        if (!(own = strdup(text))) {
            x->failed = 1;
            return;
        }
        /* a break inside brackets wraps the bracket's words: "Công an xã (đ/c" /
         * "Trưởng Công an xã)" is one unit with its officer named */
        int depth = 0;
        for (size_t i = 0; own[i]; i++) {
            depth += own[i] == '(' ? 1 : own[i] == ')' && depth > 0 ? -1 : 0;
            if (own[i] == '\n' && i > 0 && own[i + 1] && (depth > 0 || xt_wrapped_break(own, i)))
                own[i] = ' ';
        }
        text = own;
    }
    const char *p = text;
    while (*p) {
        size_t n = strcspn(p, ";\n");
        /* within a piece: "- " list markers after the first, glued names (never
         * inside brackets: "(đ/c Trưởng Công an xã)" names the unit's officer) */
        size_t st = 0;
        int depth = 0;
        for (size_t i = 1; i < n; i++) {
            int cut = 0;
            depth += p[i - 1] == '(' ? 1 : p[i - 1] == ')' && depth > 0 ? -1 : 0;
            if (p[i] == '-' && p[i + 1] == ' ' && p[i - 1] == ' ' && i >= 2 && strchr(".;:", p[i - 2]))
                cut = 1;
            else if (depth == 0 && glued_split(p, i) && i < n)
                cut = 1;
            if (cut) {
                add_unit(x, l, p + st, i - st);
                st = i;
            }
        }
        add_unit(x, l, p + st, n - st);
        p += n;
        if (*p)
            p++;
    }
    free(own);
}

/* ---- target / due / date: target.h first, a fallback after ------------ */

int xt_due_parse(const char *text, char out[16])
{
    if (due_parse(text, out) == 0)
        return 0;
    out[0] = 0;
    char *f = xt_fold(text);
    int rc = -1;
    if (!f)
        return -1;
    if (strlen(f) > 40)
        goto out;
    if (xt_starts(f, "thuong xuyen")) {
        snprintf(out, 16, "recurring");
        rc = 0;
        goto out;
    }
    /* a recurring duty: "Hằng năm", "Tháng 6 và tháng 12 hằng năm", "Định kỳ",
     * "06 tháng hoặc đột xuất" (every six months) */
    if (xt_has(f, "hang nam") || xt_has(f, "hang quy") || xt_has(f, "hang thang") || xt_has(f, "hang tuan") ||
        xt_has(f, "dinh ky") || strstr(f, "thang hoac dot xuat") || strstr(f, "quy hoac dot xuat")) {
        snprintf(out, 16, "recurring");
        rc = 0;
        goto out;
    }
    /* "6 tháng đầu năm 2026" → 2026-06, "6 tháng cuối năm 2026" → 2026-12 */
    {
        int h = 0, y = 0, n = 0;
        char which[8] = "";
        if (sscanf(f, "%d thang %7s nam %4d%n", &h, which, &y, &n) == 3 && h == 6 && y >= 2000 && y <= 2100 &&
            !f[n] && (!strcmp(which, "dau") || !strcmp(which, "cuoi"))) {
            snprintf(out, 16, "%04d-%s", y, !strcmp(which, "dau") ? "06" : "12");
            rc = 0;
            goto out;
        }
    }
    /* quarters listed in one year ("Quý I, II/2026", "Quý I - Quý II/2026",
     * "Quý I đến Quý II/2026"): done by the last, as a span of years is by
     * its end */
    if (xt_starts(f, "quy")) {
        const char *p = f + 3;
        while (*p == ' ')
            p++;
        int last = 0, count = 0;
        for (;;) {
            static const char *const RQ[] = {"iv", "iii", "ii", "i", "4", "3", "2", "1"};
            static const int VQ[] = {4, 3, 2, 1, 4, 3, 2, 1};
            size_t k, l = 0;
            for (k = 0; k < 8; k++) {
                l = strlen(RQ[k]);
                if (!strncmp(p, RQ[k], l) && p[l] == ' ')
                    break;
            }
            if (k == 8)
                break;
            last = VQ[k];
            count++;
            p += l + 1;
            if (!strncmp(p, "va ", 3))
                p += 3;
            else if (!strncmp(p, "den ", 4))
                p += 4;
            if (!strncmp(p, "quy ", 4))
                p += 4;
        }
        int y = 0, n = 0;
        if (!strncmp(p, "nam ", 4))
            p += 4;
        if (count >= 2 && sscanf(p, "%4d%n", &y, &n) == 1 && !p[n] && y >= 2000 && y <= 2100) {
            snprintf(out, 16, "%04d-Q%d", y, last);
            rc = 0;
            goto out;
        }
    }
    /* a span of months in one year ("Từ tháng 3 đến tháng 9/2026", "Tháng 3 -
     * tháng 9 năm 2026"): due by its end, as a span of quarters or years */
    {
        const char *p = f;
        int m1 = 0, m2 = 0, y = 0, n = 0;
        if (xt_starts(p, "tu"))
            p += 3;
        if (sscanf(p, "thang %d %n", &m1, &n) == 1 && n > 0) {
            p += n;
            int conn = 0;
            if (xt_starts(p, "den"))
                p += 3, conn = 1;
            else if (*p == '-')
                p++, conn = 1;
            while (*p == ' ')
                p++;
            /* folding drops the "-": "thang 3 thang 9 nam 2026" */
            if (xt_starts(p, "thang"))
                p += 6, conn = 1;
            n = 0;
            if (conn && sscanf(p, "%d %n", &m2, &n) == 1 && n > 0) {
                p += n;
                if (xt_starts(p, "nam"))
                    p += 4;
                n = 0;
                if (sscanf(p, "%4d%n", &y, &n) == 1 && !p[n] && y >= 2000 && y <= 2100 && m1 >= 1 && m2 > m1 &&
                    m2 <= 12) {
                    snprintf(out, 16, "%04u-%02u", (unsigned)y % 10000u, (unsigned)m2 % 100u);
                    rc = 0;
                    goto out;
                }
            }
        }
    }
    /* a span of years "2026 - 2028", "Giai đoạn 2026-2028", "Năm 2026 - 2027":
     * due at its end */
    {
        const char *p = f;
        if (xt_starts(p, "giai doan"))
            p += 9;
        else if (xt_starts(p, "nam"))
            p += 3;
        while (*p == ' ')
            p++;
        int y1 = 0, y2 = 0, n = 0;
        /* folding turns "2026 - 2028" into "2026 2028" */
        if (sscanf(p, "%4d %4d%n", &y1, &y2, &n) == 2 || sscanf(p, "%4d-%4d%n", &y1, &y2, &n) == 2) {
            if (!p[n] && y1 >= 2000 && y1 <= 2100 && y2 > y1 && y2 <= 2100) {
                snprintf(out, 16, "%04d", y2);
                rc = 0;
                goto out;
            }
        }
    }
    /* "quy ii nam 2026", "quy 2 2026", "thang 12 2026", "nam 2026" */
    char w1[16] = "", w2[16] = "", w3[16] = "", w4[16] = "";
    int nw = sscanf(f, "%15s %15s %15s %15s", w1, w2, w3, w4);
    const char *yr = NULL;
    if (nw >= 3 && !strcmp(w1, "quy")) {
        yr = !strcmp(w3, "nam") ? w4 : w3;
        int q = 0;
        char up[8];
        size_t k;
        for (k = 0; w2[k] && k < 7; k++)
            up[k] = (char)(w2[k] >= 'a' && w2[k] <= 'z' ? w2[k] - 32 : w2[k]);
        up[k] = 0;
        if (w2[0] >= '1' && w2[0] <= '4' && !w2[1])
            q = w2[0] - '0';
        else
            roman_len(up, &q);
        if (q >= 1 && q <= 4 && strlen(yr) == 4) {
            snprintf(out, 16, "%.4s-Q%d", yr, q);
            rc = 0;
        }
    } else if (nw >= 3 && !strcmp(w1, "thang")) {
        yr = !strcmp(w3, "nam") ? w4 : w3;
        char *end;
        long m = strtol(w2, &end, 10);
        if (*end == 0 && m >= 1 && m <= 12 && strlen(yr) == 4) {
            snprintf(out, 16, "%.4s-%02ld", yr, m);
            rc = 0;
        }
    } else if ((nw == 2 && !strcmp(w1, "nam")) || (nw == 3 && !strcmp(w1, "trong") && !strcmp(w2, "nam"))) {
        yr = nw == 2 ? w2 : w3;
        if (strlen(yr) == 4 && yr[0] == '2') {
            snprintf(out, 16, "%.4s", yr);
            rc = 0;
        }
    }
out:
    free(f);
    return rc;
}

int xt_date_parse(const char *text, char out[11])
{
    if (date_parse(text, out) == 0)
        return 0;
    out[0] = 0;
    char *f = xt_fold(text);
    if (!f)
        return -1;
    int rc = -1;
    /* "ngay 07 thang 04 nam 2026" or "07 4 2026" (slashes folded away) */
    for (const char *p = f; *p; p++) {
        int d, m, y, n = 0;
        if ((sscanf(p, "ngay %d thang %d nam %d%n", &d, &m, &y, &n) == 3 && n > 0) ||
            (p[0] >= '0' && p[0] <= '9' && (p == f || p[-1] == ' ') &&
             sscanf(p, "%d %d %d%n", &d, &m, &y, &n) == 3 && n > 0)) {
            if (d >= 1 && d <= 31 && m >= 1 && m <= 12 && y >= 1900 && y <= 2200) {
                snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
                rc = 0;
                break;
            }
        }
    }
    free(f);
    return rc;
}

/* ---- groups and items ------------------------------------------------- */

long xt_group_add(xt_ctx *x, const char *code, const char *name, const char *parent, int prose)
{
    for (size_t i = 0; i < x->ngroups; i++) {
        xt_group *g = &x->groups[i];
        if (g->prose == prose && !strcmp(g->code, code) && !strcmp(g->name, name ? name : ""))
            return (long)i;
    }
    if (x->ngroups >= XT_MAX_GROUPS)
        return -1;
    if (x->ngroups == x->capgroups) {
        size_t cap = x->capgroups ? x->capgroups * 2 : 32;
        xt_group *v = realloc(x->groups, cap * sizeof *v);
        if (!v) {
            x->failed = 1;
            return -1;
        }
        x->groups = v;
        x->capgroups = cap;
    }
    xt_group *g = &x->groups[x->ngroups];
    g->code = strdup(code);
    g->name = strdup(name ? name : "");
    g->parent = parent ? strdup(parent) : NULL;
    g->prose = prose;
    if (!g->code || !g->name || (parent && !g->parent)) {
        free(g->code);
        free(g->name);
        free(g->parent);
        x->failed = 1;
        return -1;
    }
    return (long)x->ngroups++;
}

static int grow(void **v, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t c = *cap ? *cap * 2 : 64;
    while (c < need)
        c *= 2;
    void *n = realloc(*v, c * size);
    if (!n)
        return -1;
    *v = n;
    return 0;
}

plan_indicator *xt_add_indicator(xt_ctx *x, size_t pos, long grp, int prose)
{
    size_t n = x->p->nindicators + 1, cap = x->capind;
    if (grow((void **)&x->ind_pos, &cap, n, sizeof *x->ind_pos) ||
        grow((void **)&x->ind_grp, &(size_t){x->capind}, n, sizeof *x->ind_grp) ||
        grow((void **)&x->ind_prose, &(size_t){x->capind}, n, sizeof *x->ind_prose)) {
        x->failed = 1;
        return NULL;
    }
    x->capind = cap;
    plan_indicator *ind = plan_add_indicator(x->p);
    if (!ind) {
        x->failed = 1;
        return NULL;
    }
    x->ind_pos[n - 1] = pos;
    x->ind_grp[n - 1] = grp;
    x->ind_prose[n - 1] = (char)prose;
    return ind;
}

plan_task *xt_add_task(xt_ctx *x, size_t pos, long grp)
{
    size_t n = x->p->ntasks + 1, cap = x->captask;
    if (grow((void **)&x->task_pos, &cap, n, sizeof *x->task_pos) ||
        grow((void **)&x->task_grp, &(size_t){x->captask}, n, sizeof *x->task_grp)) {
        x->failed = 1;
        return NULL;
    }
    x->captask = cap;
    plan_task *t = plan_add_task(x->p);
    if (!t) {
        x->failed = 1;
        return NULL;
    }
    x->task_pos[n - 1] = pos;
    x->task_grp[n - 1] = grp;
    return t;
}

/* ---- finish ------------------------------------------------------------ */

typedef struct order { size_t pos, idx; } order;

static int order_cmp(const void *a, const void *b)
{
    const order *x = a, *y = b;
    if (x->pos != y->pos)
        return x->pos < y->pos ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Sort N items (pointers in V, positions in POS, groups in GRP) into
 * document order. */
static int sort_items(void **v, size_t *pos, long *grp, char *flag, size_t n)
{
    if (n < 2)
        return 0;
    order *o = malloc(n * sizeof *o);
    void **v2 = malloc(n * sizeof *v2);
    long *g2 = malloc(n * sizeof *g2);
    char *f2 = flag ? malloc(n) : NULL;
    int rc = -1;
    if (!o || !v2 || !g2 || (flag && !f2))
        goto out;
    for (size_t i = 0; i < n; i++)
        o[i] = (order){pos[i], i};
    qsort(o, n, sizeof *o, order_cmp);
    for (size_t i = 0; i < n; i++) {
        v2[i] = v[o[i].idx];
        g2[i] = grp[o[i].idx];
        if (flag)
            f2[i] = flag[o[i].idx];
    }
    for (size_t i = 0; i < n; i++) {
        v[i] = v2[i];
        grp[i] = g2[i];
        pos[i] = o[i].pos;
        if (flag)
            flag[i] = f2[i];
    }
    rc = 0;
out:
    free(o);
    free(v2);
    free(g2);
    free(f2);
    return rc;
}

static void finish(xt_ctx *x)
{
    plan *p = x->p;
    char *used = NULL;
    if (sort_items((void **)p->indicators, x->ind_pos, x->ind_grp, x->ind_prose, p->nindicators) ||
        sort_items((void **)p->tasks, x->task_pos, x->task_grp, NULL, p->ntasks)) {
        x->failed = 1;
        return;
    }
    used = calloc(x->ngroups + 1, 1);
    if (!used) {
        x->failed = 1;
        return;
    }
    for (size_t i = 0; i < p->nindicators; i++)
        if (x->ind_grp[i] >= 0)
            used[x->ind_grp[i]] = 1;
    for (size_t i = 0; i < p->ntasks; i++)
        if (x->task_grp[i] >= 0)
            used[x->task_grp[i]] = 1;
    /* a prose group whose code another used group has: parent's code first */
    for (size_t i = 0; i < x->ngroups; i++) {
        xt_group *g = &x->groups[i];
        if (!used[i] || !g->prose || !g->parent)
            continue;
        for (size_t k = 0; k < x->ngroups; k++) {
            if (k == i || !used[k] || strcmp(x->groups[k].code, g->code))
                continue;
            char code[128];
            snprintf(code, sizeof code, "%s.%s", g->parent, g->code);
            char *c = strdup(code);
            if (!c) {
                x->failed = 1;
                break;
            }
            free(g->code);
            g->code = c;
            break;
        }
    }
    /* groups in order of first use; codes for unnumbered items */
    char *listed = calloc(x->ngroups + 1, 1);
    if (!listed) {
        x->failed = 1;
        free(used);
        return;
    }
    size_t ii = 0, ti = 0, tn = 0, ttn = 0;
    while (ii < p->nindicators || ti < p->ntasks) {
        int take_ind = ti >= p->ntasks || (ii < p->nindicators && x->ind_pos[ii] <= x->task_pos[ti]);
        long g = take_ind ? x->ind_grp[ii] : x->task_grp[ti];
        char **gfield = take_ind ? &p->indicators[ii]->group : &p->tasks[ti]->group;
        char **cfield = take_ind ? &p->indicators[ii]->code : &p->tasks[ti]->code;
        if (g >= 0) {
            if (!listed[g]) {
                if (!plan_add_group(p, x->groups[g].code, x->groups[g].name))
                    x->failed = 1;
                listed[g] = 1;
            }
            free(*gfield);
            *gfield = strdup(x->groups[g].code);
            if (!*gfield)
                x->failed = 1;
        }
        if (!*cfield || !**cfield) {
            char code[32];
            snprintf(code, sizeof code, "T%zu", take_ind ? ++tn : ++ttn);
            free(*cfield);
            *cfield = strdup(code);
            if (!*cfield)
                x->failed = 1;
        }
        if (take_ind)
            ii++;
        else
            ti++;
    }
    free(listed);
    free(used);
}

/* Say what the coordinator must settle about years (issue 11): targets
 * whose year no part of the document gives (written as the plan's year, 0
 * when even that is unknown), and, in a plan over several years
 * ("giai đoạn 2026 - 2030"), indicators with a target for the final year
 * only, whose earlier periods then have nothing to be judged against.
 * The first year that needs targets is the plan's first year, unless the
 * document gives a baseline ("Hiện trạng 2025", kept as x.baseline.year) for
 * a year inside the plan: that year is a result already reached, so targets
 * are needed from the year after the latest such baseline year. A plan
 * "2025 - 2030" with a 2025 baseline therefore asks for targets from 2026,
 * and a plan whose only year left after its baseline is the final one gets
 * no end-targets-only warning. Baselines before the plan's first year
 * change nothing. Returns -1 when out of memory. */
static int year_warnings(xt_ctx *x, strlist *warn)
{
    const plan *p = x->p;
    size_t nozero = 0, endonly = 0;
    int y1 = 0, y2 = 0;
    if (p->title) {
        for (const char *q = p->title; *q; q++)
            if (q[0] == '2' && q[1] == '0' && q[2] >= '0' && q[2] <= '9' && q[3] >= '0' && q[3] <= '9' &&
                !(q[4] >= '0' && q[4] <= '9')) {
                int y = 2000 + (q[2] - '0') * 10 + (q[3] - '0');
                if (!y1 || y < y1)
                    y1 = y;
                if (y > y2)
                    y2 = y;
            }
    }
    int first = y1; /* the first year that needs targets (see above) */
    for (size_t i = 0; y1 && i < p->nindicators; i++) {
        const json_t *by = json_object_get(json_object_get(p->indicators[i]->x, "baseline"), "year");
        int b = json_is_integer(by) ? (int)json_integer_value(by) : 0;
        if (b >= y1 && b < y2 && b + 1 > first)
            first = b + 1;
    }
    for (size_t i = 0; i < p->nindicators; i++) {
        const plan_indicator *ind = p->indicators[i];
        int early = 0, last = 0;
        for (size_t k = 0; k < ind->ntargets; k++) {
            nozero += ind->targets[k].year == 0;
            if (ind->targets[k].year == y2)
                last = 1;
            else if (ind->targets[k].year)
                early = 1;
        }
        endonly += y1 && y2 > first && last && !early;
    }
    char m[256];
    int en = lang_get() == LANG_EN;
    if (nozero) {
        if (en)
            snprintf(m, sizeof m, "%zu targets have no year (the document names none): set it before importing",
                     nozero);
        else
            snprintf(m, sizeof m, "%zu mục tiêu không rõ năm (tài liệu không nêu năm nào): hãy đặt năm trước khi nhập",
                     nozero);
        if (strlist_add(warn, m) < 0)
            return -1;
    }
    if (endonly) {
        if (en)
            snprintf(m, sizeof m, "%zu indicators have a target for %d only, none for each year from %d: "
                     "set the yearly targets before importing", endonly, y2, first);
        else
            snprintf(m, sizeof m, "%zu chỉ tiêu chỉ có mục tiêu năm %d, chưa có mục tiêu từng năm từ %d: "
                     "hãy đặt mục tiêu các năm trước khi nhập", endonly, y2, first);
        if (strlist_add(warn, m) < 0)
            return -1;
    }
    return 0;
}

dti_rc extract_plan(const doc *d, plan **out, strlist *warn, dti_err *e)
{
    return extract_plan_opts(d, NULL, out, warn, e);
}

int extract_role_known(const char *word)
{
    const char *all = EXTRACT_ROLES;
    size_t n = word ? strlen(word) : 0;
    for (const char *p = all; n && (p = strstr(p, word)); p += n)
        if ((p == all || p[-1] == ' ') && (p[n] == ' ' || p[n] == 0))
            return 1;
    return 0;
}

dti_rc extract_plan_opts(const doc *d, const extract_opts *o, plan **out, strlist *warn, dti_err *e)
{
    dti_rc rc = DTI_OK;
    xt_ctx x;
    memset(&x, 0, sizeof x);
    *out = NULL;
    x.opts = o;
    x.d = d;
    x.warn = warn;
    x.p = plan_new();
    if (!x.p)
        goto nomem;
    if (d && d->n) {
        xt_head(&x);
        xt_tables(&x);
        xt_prose(&x);
        finish(&x);
        xt_short_names(&x);
        xt_prose_units(&x);
        xt_confidence(&x);
    }
    if (x.failed)
        goto nomem;
    if (warn && !x.p->nindicators && !x.p->ntasks &&
        strlist_add(warn, TR("không tìm thấy nội dung kế hoạch (chỉ tiêu, nhiệm vụ)",
                             "no plan content found (indicators, tasks)")) < 0)
        goto nomem;
    if (warn && year_warnings(&x, warn))
        goto nomem;
    *out = x.p;
    x.p = NULL;
    goto out;
nomem:
    rc = dti_fail(e, DTI_ERR_NOMEM, d && d->name ? d->name : "", "hết bộ nhớ", "out of memory");
out:
    plan_free(x.p);
    for (size_t i = 0; i < x.ngroups; i++) {
        free(x.groups[i].code);
        free(x.groups[i].name);
        free(x.groups[i].parent);
    }
    free(x.groups);
    free(x.ind_pos);
    free(x.ind_grp);
    free(x.ind_prose);
    xt_words_release(&x);
    free(x.task_pos);
    free(x.task_grp);
    return rc;
}
