/* extract_head.c — the heading fields of a plan: title, commune, province,
 * number, issued date, and the plan's own year.
 *
 * A Vietnamese administrative plan opens with the issuing body, "Số:
 * 35/KH-UBND", "<place>, ngày 08 tháng 4 năm 2026" (often in a two-column
 * table in Word), then "KẾ HOẠCH" and one to four title lines. What is read:
 *   title     "Kế hoạch " + the title lines under the KẾ HOẠCH line (or the
 *             rest of that line), up to the first line that opens the body
 *             ("Căn cứ", "Thực hiện", a section heading, a long sentence);
 *             in a workbook (tables only) the same from rows of one cell
 *             (a cover sheet), up to "Số:" or the date line;
 *   commune   the proper name after "xã"/"phường"/"đặc khu"/"thị trấn" in
 *             the title, else in "Ủy ban nhân dân xã X" / "UBND xã X";
 *   province  the first properly cased "tỉnh X" / "thành phố X" anywhere;
 *   number    "Số: N/KH-…" before the title, else the appendix's "(Kèm theo
 *             Kế hoạch số N /KH-UBND ngày …)" (the stray blank dropped);
 *   issued    "<place>, ngày … năm …" before the title, else the date in
 *             that appendix line;
 *   year      the last year of the title ("giai đoạn 2026 - 2030" → 2030),
 *             else the issued year.
 * Body references ("Thực hiện Kế hoạch số 154/KH-UBND ngày 26/3/2026 của
 * UBND tỉnh") are another plan's number and date and are never taken. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "base/buf.h"
#include "base/text.h"
#include "import/extract_int.h"

#define HEAD_SCAN_BLOCKS 40     /* the heading lies within the first blocks */
#define TITLE_MAX_LINES 4
#define TITLE_LINE_MAX 220

/* Call FN on each paragraph text of block B (a paragraph, or each cell
 * paragraph of a table). Stops when FN returns non-zero. */
typedef int (*para_fn)(xt_ctx *x, const char *text, void *arg);

static int each_para(xt_ctx *x, const doc_block *b, para_fn fn, void *arg)
{
    if (b->kind == DOC_PARA)
        return fn(x, b->text, arg);
    const doc_table *t = b->table;
    for (size_t i = 0; i < t->nrows * t->ncols; i++) {
        const char *p = t->cells[i].text;
        while (*p) {
            size_t n = strcspn(p, "\n");
            char *c = strndup(p, n);
            if (!c) {
                x->failed = 1;
                return 1;
            }
            int r = fn(x, c, arg);
            free(c);
            if (r)
                return r;
            p += n;
            if (*p)
                p++;
        }
    }
    return 0;
}

static int is_upper_at(const char *s)
{
    utf8proc_int32_t cp;
    if (utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp) <= 0)
        return 0;
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

/* Words with a capital first letter and the rest not all capitals, from S
 * up to a lowercase word or punctuation: "Minh Đức năm 2026" → "Minh Đức".
 * Returns a new string or NULL. */
static char *proper_name(const char *s)
{
    const char *p = s, *end = s;
    int words = 0;
    while (*p == ' ')
        p++;
    while (*p && words < 5) {
        if (!is_upper_at(p))
            break;
        const char *w = p;
        while (*p && *p != ' ' && !strchr(",;:.()\"", *p))
            p++;
        /* an all-capitals word is an abbreviation (UBND), not a name */
        int lower = 0;
        for (const char *q = w; q < p;) {
            utf8proc_int32_t cp;
            utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)q, p - q, &cp);
            if (k <= 0)
                break;
            if (utf8proc_category(cp) == UTF8PROC_CATEGORY_LL)
                lower = 1;
            q += k;
        }
        if (!lower && p - w > 1)
            break;
        end = p;
        words++;
        if (*p != ' ')
            break;
        p++;
    }
    if (!words)
        return NULL;
    return text_clean_n(s, (size_t)(end - s));
}

/* The proper name after one of the PREFIXES ("xã ") in TEXT, or NULL. */
static char *name_after(const char *text, const char *const *prefixes, size_t np)
{
    for (const char *p = text; *p; p++) {
        for (size_t k = 0; k < np; k++) {
            size_t n = strlen(prefixes[k]);
            if (strncmp(p, prefixes[k], n) == 0 && (p == text || p[-1] == ' ')) {
                char *name = proper_name(p + n);
                if (name)
                    return name;
            }
        }
    }
    return NULL;
}

static const char *const COMMUNE_WORDS[] = {"xã ", "phường ", "đặc khu ", "thị trấn ", "Xã ", "Phường "};
static const char *const PROVINCE_WORDS[] = {"tỉnh ", "thành phố ", "Tỉnh "};

/* "35/KH-UBND" after "Số:" or "Kế hoạch số" (blanks around '/' dropped). */
static char *read_number(const char *s)
{
    const char *p = s;
    while (*p == ' ' || *p == ':')
        p++;
    const char *st = p;
    while (*p >= '0' && *p <= '9')
        p++;
    if (p == st)
        return NULL;
    buf b;
    buf_init(&b, 64);
    buf_add(&b, st, (size_t)(p - st));
    while (*p == ' ')
        p++;
    if (*p != '/') {
        buf_release(&b);
        return NULL;
    }
    p++;
    while (*p == ' ')
        p++;
    buf_addc(&b, '/');
    while (*p && *p != ' ' && *p != ',' && *p != ';' && *p != ')')
        buf_addc(&b, *p++);
    return buf_detach(&b);
}

typedef struct head_scan {
    char *number, *issued;
} head_scan;

static int scan_top(xt_ctx *x, const char *text, void *arg)
{
    head_scan *h = arg;
    (void)x;
    if (!h->number) {
        const char *p = strstr(text, "Số:");
        if (!p)
            p = strstr(text, "Số :");
        if (p && (p == text || p[-1] == ' '))
            h->number = read_number(p + (p[3] == ':' ? 4 : 5) - 1);
    }
    if (!h->issued && strlen(text) < 90 && strstr(text, "ngày") && strstr(text, "năm")) {
        char d[11];
        if (xt_date_parse(text, d) == 0)
            h->issued = strdup(d);
    }
    return 0;
}

/* Folded F names another document: a number "N/…" or "số N", or "của"
 * an issuer ("của UBND tỉnh", "của Chính phủ"); "… của xã Tân Lập" is the
 * commune's own title. */
static int cites_document(const char *f)
{
    for (const char *p = f; *p; p++) {
        if (p[0] >= '0' && p[0] <= '9' && p[1] == '/')
            return 1;
        if ((p == f || p[-1] == ' ') && !strncmp(p, "so ", 3) && p[3] >= '0' && p[3] <= '9')
            return 1;
        if ((p == f || p[-1] == ' ') && !strncmp(p, "cua ", 4) && strncmp(p + 4, "xa ", 3) &&
            strncmp(p + 4, "phuong ", 7) && strncmp(p + 4, "thi tran ", 9) && strncmp(p + 4, "dac khu ", 8))
            return 1;
    }
    return 0;
}

/* A paragraph that opens the body rather than continuing the title. */
static int body_line(const char *text)
{
    char *f = text_fold(text);
    int r = !f || strlen(text) > TITLE_LINE_MAX || xt_starts(f, "can cu") || xt_starts(f, "xet") ||
            xt_starts(f, "kinh gui") || xt_starts(f, "phu luc");
    /* "Thực hiện Kế hoạch số 92/KH-UBND …" cites a document and opens the
     * body; "Thực hiện nhiệm vụ chuyển đổi số năm 2026 …" is a title */
    if (f && xt_starts(f, "thuc hien") && (cites_document(f) || strlen(text) > 120))
        r = 1;
    size_t n = strlen(text);
    if (n && strchr(";:", text[n - 1]))
        r = 1;
    char code[16];
    int level;
    if (xt_code(text, code, sizeof code, &level) && level == 1)
        r = 1;
    if (text[0] == '(' || text[0] == '-')
        r = 1;
    free(f);
    return r;
}

/* The text of row R of T when it is the row's only non-empty cell, else NULL. */
static const char *lone_cell(const doc_table *t, size_t r)
{
    const char *s = NULL;
    for (size_t c = 0; c < t->ncols; c++) {
        const char *v = t->cells[r * t->ncols + c].text;
        if (!*v)
            continue;
        if (s)
            return NULL;
        s = v;
    }
    return s;
}

/* A sheet's line after the title: "Số: 88/KH-UBND", "<place>, ngày … năm …". */
static int sheet_stop(const char *text)
{
    char *f = text_fold(text);
    /* text_fold turns ':' and '/' into blanks: "Số: 88/KH" folds to "so 88 kh" */
    int r = !f || (!strncmp(f, "so ", 3) && f[3] >= '0' && f[3] <= '9') ||
            (strstr(f, "ngay ") && strstr(f, " nam "));
    free(f);
    return r;
}

/* The title of a workbook's cover (a sheet with no paragraphs): a row whose
 * only cell is "KẾ HOẠCH …", then rows of one cell each (not a body line,
 * not "Số:" or the date line). NULL where T has none. */
static char *sheet_title(xt_ctx *x, const doc_table *t)
{
    size_t lim = t->nrows < 12 ? t->nrows : 12;
    for (size_t r = 0; r < lim; r++) {
        const char *s = lone_cell(t, r);
        if (!s || strncmp(s, "KẾ HOẠCH", strlen("KẾ HOẠCH")) != 0)
            continue;
        buf b;
        buf_init(&b, 4096);
        buf_adds(&b, "Kế hoạch");
        const char *rest = s + strlen("KẾ HOẠCH");
        while (*rest == ' ' || *rest == ':')
            rest++;
        int lines = 0;
        if (*rest) {
            buf_addc(&b, ' ');
            buf_adds(&b, rest);
            lines++;
        }
        for (size_t k = r + 1; k < t->nrows && lines < TITLE_MAX_LINES; k++) {
            const char *n = lone_cell(t, k);
            if (!n || body_line(n) || sheet_stop(n))
                break;
            buf_addc(&b, ' ');
            buf_adds(&b, n);
            lines++;
        }
        char *out = buf_detach(&b);
        if (!out) {
            x->failed = 1;
            return NULL;
        }
        if (!lines) {
            free(out);
            return NULL;
        }
        char *c = text_clean(out);
        free(out);
        if (c)
            text_trim(c, ".;:");
        else
            x->failed = 1;
        return c;
    }
    return NULL;
}

/* "KẾ HOẠCH …" lines → the title; *AT the block index of the KẾ HOẠCH line
 * (for a workbook's cover sheet, the block after it: its "Số:" and date
 * rows are below the title). */
static char *read_title(xt_ctx *x, size_t *at)
{
    const doc *d = x->d;
    size_t lim = d->n < HEAD_SCAN_BLOCKS ? d->n : HEAD_SCAN_BLOCKS;
    int sheets = 1;   /* a workbook: tables only */
    for (size_t i = 0; i < d->n && sheets; i++)
        sheets = d->blocks[i].kind == DOC_TABLE;
    for (size_t i = 0; i < lim; i++) {
        const doc_block *b = &d->blocks[i];
        if (b->kind == DOC_TABLE && sheets) {
            char *st = sheet_title(x, b->table);
            if (st) {
                *at = i + 1;
                return st;
            }
            continue;
        }
        if (b->kind != DOC_PARA)
            continue;
        char *f = text_fold(b->text);
        if (!f) {
            x->failed = 1;
            return NULL;
        }
        int hit = xt_starts(f, "ke hoach") && strncmp(b->text, "KẾ HOẠCH", strlen("KẾ HOẠCH")) == 0;
        free(f);
        if (!hit)
            continue;
        *at = i;
        buf t;
        buf_init(&t, 4096);
        buf_adds(&t, "Kế hoạch");
        const char *rest = b->text + strlen("KẾ HOẠCH");
        while (*rest == ' ' || *rest == ':')
            rest++;
        int lines = 0;
        if (*rest) {
            buf_addc(&t, ' ');
            buf_adds(&t, rest);
            lines++;
        }
        for (size_t k = i + 1; k < d->n && lines < TITLE_MAX_LINES; k++) {
            const doc_block *n = &d->blocks[k];
            if (n->kind != DOC_PARA || body_line(n->text))
                break;
            /* without bold/centre marks a title line is short */
            if (!n->bold && !n->center && !n->heading && strlen(n->text) > 120)
                break;
            buf_addc(&t, ' ');
            buf_adds(&t, n->text);
            lines++;
        }
        char *s = buf_detach(&t);
        if (!s) {
            x->failed = 1;
            return NULL;
        }
        if (!lines) {
            free(s);
            return NULL;
        }
        char *c = text_clean(s);
        free(s);
        if (c)
            text_trim(c, ".;:");
        return c;
    }
    return NULL;
}

/* The largest year 2000..2100 in S, or 0. */
static int last_year(const char *s)
{
    int best = 0;
    for (const char *p = s; *p; p++) {
        if (p[0] == '2' && p[1] == '0' && p[2] >= '0' && p[2] <= '9' && p[3] >= '0' && p[3] <= '9' &&
            (p == s || !(p[-1] >= '0' && p[-1] <= '9')) && !(p[4] >= '0' && p[4] <= '9')) {
            int y = (p[2] - '0') * 10 + (p[3] - '0') + 2000;
            if (y > best)
                best = y;
        }
    }
    return best;
}

static int scan_appendix(xt_ctx *x, const char *text, void *arg)
{
    head_scan *h = arg;
    (void)x;
    char *f = text_fold(text);
    if (!f)
        return 1;
    int hit = strstr(f, "kem theo ke hoach so") != NULL;
    free(f);
    if (!hit)
        return 0;
    const char *p = strstr(text, " số");
    if (p && !h->number)
        h->number = read_number(p + strlen(" số"));
    const char *q = strstr(text, "ngày");
    if (q && !h->issued) {
        char d[11];
        if (xt_date_parse(q, d) == 0)
            h->issued = strdup(d);
    }
    return h->number && h->issued;
}

static int scan_names(xt_ctx *x, const char *text, void *arg)
{
    char **out = arg;
    (void)x;
    if (!out[0])
        out[0] = name_after(text, PROVINCE_WORDS, sizeof PROVINCE_WORDS / sizeof *PROVINCE_WORDS);
    if (!out[1]) {
        static const char *const BODY[] = {"Ủy ban nhân dân xã ", "Uỷ ban nhân dân xã ", "UBND xã ",
                                           "Ủy ban nhân dân phường ", "UBND phường "};
        out[1] = name_after(text, BODY, sizeof BODY / sizeof *BODY);
    }
    return out[0] && out[1];
}

void xt_head(xt_ctx *x)
{
    const doc *d = x->d;
    plan *p = x->p;
    size_t title_at = d->n;
    head_scan h = {NULL, NULL};
    p->title = read_title(x, &title_at);
    size_t top = title_at < d->n ? title_at : (d->n < HEAD_SCAN_BLOCKS ? d->n : HEAD_SCAN_BLOCKS);
    for (size_t i = 0; i < top; i++)
        each_para(x, &d->blocks[i], scan_top, &h);
    if (!h.number || !h.issued)
        for (size_t i = 0; i < d->n; i++)
            if (d->blocks[i].kind == DOC_PARA && each_para(x, &d->blocks[i], scan_appendix, &h))
                break;
    p->number = h.number;
    p->issued = h.issued;
    if (p->title)
        p->commune = name_after(p->title, COMMUNE_WORDS, sizeof COMMUNE_WORDS / sizeof *COMMUNE_WORDS);
    char *names[2] = {NULL, NULL};
    for (size_t i = 0; i < d->n; i++)
        if (d->blocks[i].kind == DOC_PARA && each_para(x, &d->blocks[i], scan_names, names))
            break;
    p->province = names[0];
    if (!p->commune)
        p->commune = names[1];
    else
        free(names[1]);
    x->year = p->title ? last_year(p->title) : 0;
    if (!x->year && p->issued)
        x->year = (int)strtol(p->issued, NULL, 10);
    for (size_t i = 0; !x->year && i < d->n && i < HEAD_SCAN_BLOCKS * 2; i++) {
        const doc_block *b = &d->blocks[i];
        if (b->kind == DOC_PARA) {
            x->year = last_year(b->text);
            continue;
        }
        /* a sheet: the title rows above its header */
        for (size_t r = 0; r < b->table->nrows && r < 3 && !x->year; r++)
            x->year = last_year(b->table->cells[r * b->table->ncols].text);
    }
    /* never a year 0 (a workbook with no title rows): the latest year its
     * tables' header rows name ("Năm 2026", "Mục tiêu 2027"), else the
     * latest the document names anywhere; the file name's, else nothing */
    for (size_t i = 0; !x->year && i < d->n; i++) {
        const doc_block *b = &d->blocks[i];
        if (b->kind != DOC_TABLE)
            continue;
        for (size_t r = 0; r < b->table->nrows && r < 3; r++)
            for (size_t c = 0; c < b->table->ncols; c++) {
                int y = last_year(b->table->cells[r * b->table->ncols + c].text);
                if (y >= 2020 && y <= 2050 && y > x->year)
                    x->year = y;
            }
    }
    for (size_t i = 0; !x->year && i < d->n; i++) {
        const doc_block *b = &d->blocks[i];
        int y = b->kind == DOC_PARA ? last_year(b->text) : 0;
        if (y >= 2020 && y <= 2050)
            x->year = y;
    }
    if (!x->year && d->name) {
        const char *base = strrchr(d->name, '/');
        int y = last_year(base ? base + 1 : d->name);
        if (y >= 2020 && y <= 2050)
            x->year = y;
    }
}
