/* extract_calendar.c — a plan's reporting regime from its prose
 * (extract_calendar.h has the rules and the limits).
 *
 * Each sentence is folded (text_fold: lower case, no diacritics, every run
 * of punctuation one space) and read as words. Kind markers and deadline
 * phrases are found in order; each deadline phrase gets the kind named in
 * it ("trước ngày 15 hằng tháng"), else the kind word just before it ("năm
 * (trước ngày 05/12)"), else the last kind marker since the previous
 * deadline, else the kind its qualifier implies ("tháng cuối quý"). */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include "base/text.h"
#include "core/period.h"
#include "import/extract_calendar.h"

#define NO_KIND (-1)

enum { Q_NONE = 0, Q_LAST, Q_NEXT };

typedef struct deadline_spec {
    int day;            /* 1..31 */
    int month;          /* 1..12 when a month is stated, else 0 */
    int next_year;      /* "năm sau" */
    int qual;           /* Q_* */
    int kind;           /* period_kind or NO_KIND */
    int implied;        /* kind implied by the qualifier ("cuối quý"), NO_KIND */
} deadline_spec;

/* What the regime has so far, per kind and level. */
typedef struct found_kind {
    char unit[32], commune[32];     /* deadline texts, "" when not found */
    int calendar;                   /* a sentence says calendar periods ("tháng dương lịch") */
    strlist src;
    period_window win[12];          /* custom windows in the order stated */
    int nwin;
} found_kind;

typedef struct detector {
    found_kind k[PERIOD_NKINDS];
    char anykind[32];               /* a deadline for every kind ("ngày 10 của tháng cuối kỳ") */
    strlist anysrc;
    strlist unread;                 /* sentences on reporting that gave nothing */
    int nomem;
} detector;

static int eq(const char *a, const char *b)
{
    return a && strcmp(a, b) == 0;
}

static int num(const char *w, int lo, int hi)
{
    int v = 0;
    size_t i = 0;
    if (!w || !w[0])
        return -1;
    for (; w[i]; i++) {
        if (w[i] < '0' || w[i] > '9' || i >= 4)
            return -1;
        v = v * 10 + (w[i] - '0');
    }
    return v >= lo && v <= hi ? v : -1;
}

/* The word at I, or NULL past the end. */
#define W(i) ((size_t)(i) < n ? w[(i)] : NULL)

/* A kind word at I: "thang" month, "quy" quarter, "nam" year, "6 thang" /
 * "sau thang" / "nua nam" half. *LEN gets its words. NO_KIND otherwise. */
static int kind_word(char **w, size_t n, size_t i, size_t *len)
{
    *len = 1;
    if ((eq(W(i), "6") || eq(W(i), "sau")) && eq(W(i + 1), "thang")) {
        *len = 2;
        return PERIOD_HALF;
    }
    if (eq(W(i), "nua") && eq(W(i + 1), "nam")) {
        *len = 2;
        return PERIOD_HALF;
    }
    if (eq(W(i), "thang"))
        return PERIOD_MONTH;
    if (eq(W(i), "quy"))
        return PERIOD_QUARTER;
    if (eq(W(i), "nam"))
        return PERIOD_YEAR;
    return NO_KIND;
}

/* A kind marker at I: "hang|hang" / "dinh ky" / "bao cao" [dinh ky] then a
 * kind word. *LEN gets its words. NO_KIND otherwise. */
static int kind_marker(char **w, size_t n, size_t i, size_t *len)
{
    size_t j = i, kl;
    if (eq(W(j), "hang"))
        j += 1;
    else if (eq(W(j), "dinh") && eq(W(j + 1), "ky"))
        j += 2;
    else if (eq(W(j), "bao") && eq(W(j + 1), "cao"))
        j += eq(W(j + 2), "dinh") && eq(W(j + 3), "ky") ? 4 : 2;
    else
        return NO_KIND;
    int k = kind_word(w, n, j, &kl);
    /* "báo cáo tháng 3" names one month, not a regime */
    if (k == PERIOD_MONTH && num(W(j + 1), 1, 12) > 0)
        return NO_KIND;
    *len = j + kl - i;
    return k;
}

/* A deadline phrase at I: ("truoc" | "cham nhat" ["vao"]) "ngay" DAY ...
 * Fills *D and *LEN (its words). 0, or -1 when there is none or it names a
 * single date (a year given). */
static int deadline_at(char **w, size_t n, size_t i, deadline_spec *d, size_t *len)
{
    size_t j = i, kl;
    memset(d, 0, sizeof *d);
    d->kind = d->implied = NO_KIND;
    if (eq(W(j), "truoc"))
        j += 1;
    else if (eq(W(j), "cham") && eq(W(j + 1), "nhat"))
        j += eq(W(j + 2), "vao") ? 3 : 2;
    else
        return -1;
    if (!eq(W(j), "ngay") || (d->day = num(W(j + 1), 1, 31)) < 0)
        return -1;
    j += 2;
    /* "05/12" folds to "05 12"; "ngày 18 tháng 12" to "ngay 18 thang 12" */
    if (num(W(j), 1, 12) > 0) {
        d->month = num(W(j), 1, 12);
        j += 1;
    } else if (eq(W(j), "thang") && num(W(j + 1), 1, 12) > 0) {
        d->month = num(W(j + 1), 1, 12);
        j += 2;
    }
    if (d->month && num(W(j), PERIOD_YEAR_MIN, PERIOD_YEAR_MAX) > 0)
        return -1;                      /* a date with its year: not periodic */
    /* qualifiers, within a few words */
    size_t end = j + 6 < n ? j + 6 : n;
    for (size_t k = j; k < end; k++) {
        if (eq(w[k], "truoc") || eq(w[k], "cham"))
            break;
        if (eq(w[k], "cua") || eq(w[k], "trong") || eq(w[k], "thuoc")) {
            j = k + 1;
            continue;
        }
        /* "trước ngày 15 hằng tháng": the day of every month; a trailing
         * "hằng quý" begins the next clause ("(trước ngày 20), hằng quý") */
        if (eq(w[k], "hang") && eq(W(k + 1), "thang") && !eq(W(k + 2), "cuoi")) {
            d->kind = PERIOD_MONTH;
            j = k + 2;
            break;
        }
        if (eq(w[k], "thang") && eq(W(k + 1), "cuoi")) {
            d->qual = Q_LAST;
            d->implied = kind_word(w, n, k + 2, &kl);
            j = k + 2 + (d->implied != NO_KIND ? kl : 0);
            if (eq(W(k + 2), "ky"))
                j = k + 3;
            break;
        }
        if (eq(w[k], "thang") && (eq(W(k + 1), "sau") || (eq(W(k + 1), "tiep") && eq(W(k + 2), "theo")) ||
                                  (eq(W(k + 1), "ke") && eq(W(k + 2), "tiep")))) {
            d->qual = Q_NEXT;
            j = k + 2;
            break;
        }
        if (eq(w[k], "thang") && eq(W(k + 1), "dau") &&
            (kind_word(w, n, k + 2, &kl) == PERIOD_QUARTER || eq(W(k + 2), "ky"))) {
            d->qual = Q_NEXT;
            d->implied = eq(W(k + 2), "ky") ? NO_KIND : PERIOD_QUARTER;
            j = k + 3;
            break;
        }
        /* "trước ngày 15 tháng 12 hằng năm": a day and month, every year */
        if (d->month && eq(w[k], "hang") && eq(W(k + 1), "nam")) {
            d->kind = PERIOD_YEAR;
            j = k + 2;
            break;
        }
        if (eq(w[k], "nam") && eq(W(k + 1), "sau")) {
            d->next_year = 1;
            j = k + 2;
            break;
        }
        break;
    }
    *len = j - i;
    return 0;
}


/* A further deadline of a list at I, after a first one: "(và|,) ngày N[/M]"
 * ("trước ngày 15/6 và ngày 15/12"); its qualifiers as the first's. */
static int deadline_more(char **w, size_t n, size_t i, deadline_spec *d, size_t *len)
{
    size_t j = i;
    if (eq(W(j), "va") || eq(W(j), "hoac"))
        j++;
    if (!eq(W(j), "ngay") || num(W(j + 1), 1, 31) < 0)
        return -1;
    memset(d, 0, sizeof *d);
    d->kind = d->implied = NO_KIND;
    d->day = num(W(j + 1), 1, 31);
    j += 2;
    if (num(W(j), 1, 12) > 0) {
        d->month = num(W(j), 1, 12);
        j += 1;
    } else if (eq(W(j), "thang") && num(W(j + 1), 1, 12) > 0) {
        d->month = num(W(j + 1), 1, 12);
        j += 2;
    }
    if (d->month && num(W(j), PERIOD_YEAR_MIN, PERIOD_YEAR_MAX) > 0)
        return -1;
    *len = j - i;
    return 0;
}

/* The deadline text (period.h syntax) of D for kind K into BUF, or 0 when
 * D cannot be said for K (a fixed date for a month). */
static int deadline_text(const deadline_spec *d, int k, char *buf, size_t n)
{
    if (d->month) {
        if (k == PERIOD_YEAR) {
            if (d->next_year)
                snprintf(buf, n, "%d+%d", d->day, d->month);
            else
                snprintf(buf, n, "%02d/%02d", d->day, d->month);
            return 1;
        }
        if (k == PERIOD_MONTH || d->next_year)
            return 0;
        /* a fixed day of the first period: its offset from that period's last month */
        int last = k == PERIOD_QUARTER ? 3 : 6, span = k == PERIOD_QUARTER ? 3 : 6;
        int off = d->month - last;
        if (off < 0 || off >= span)
            return 0;
        if (off == 0)
            snprintf(buf, n, "%d@last", d->day);
        else
            snprintf(buf, n, "%d+%d", d->day, off);
        return 1;
    }
    /* unqualified, a month's deadline is read against the state regime's
     * 15→14 cut-off (the default, period.h): on or after the 15th it is in
     * the month the period ends in (Minh Đức's "trước ngày 15 hằng tháng":
     * the month 15/02–14/03 is due 15/03), before it in the next month */
    int next = d->qual == Q_NEXT ||
               (d->qual == Q_NONE && k == PERIOD_MONTH && d->day < PERIOD_CUTOFF_DEFAULT);
    if (d->next_year && k == PERIOD_YEAR)
        next = 1;
    if (next)
        snprintf(buf, n, "%d+1", d->day);
    else
        snprintf(buf, n, "%d@last", d->day);
    return 1;
}

static int has(const char *folded, const char *needle)
{
    size_t ln = strlen(needle);
    for (const char *p = folded; (p = strstr(p, needle)) != NULL; p++)
        if ((p == folded || p[-1] == ' ') && (p[ln] == 0 || p[ln] == ' '))
            return 1;
    return 0;
}

/* 1 when the folded sentence F has the commune report upward. */
static int commune_level(const char *f)
{
    static const char *const up[] = {"ve so", "gui so", "so khoa hoc", "so kh cn", "so khcn", "ubnd tinh",
                                     "uy ban nhan dan tinh", "ban chi dao tinh", "cap tinh", "len tinh"};
    static const char *const units[] = {"cac don vi", "cac co quan", "cac phong", "cac thon", "cac ap",
                                        "cac ban nganh", "don vi chu tri"};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (has(f, units[i]))
            return 0;
    for (size_t i = 0; i < sizeof up / sizeof up[0]; i++)
        if (has(f, up[i]))
            return 1;
    return 0;
}

static void add_source(detector *dt, found_kind *fk, const char *sentence)
{
    if (strlist_find(&fk->src, sentence) < 0 && strlist_add(&fk->src, sentence))
        dt->nomem = 1;
}

/* A sentence on reporting that gave no rule: kept to quote to the
 * coordinator when it speaks of periods or dates ("định kỳ", "hằng quý",
 * "ngày …", "kỳ báo cáo"), so that the import never says "no regime" over
 * sentences it did not understand. */
static void note_unread(detector *dt, const char *f, const char *sentence)
{
    if (!(has(f, "dinh ky") || has(f, "hang thang") || has(f, "hang quy") || has(f, "hang nam") ||
          has(f, "hang thang") || has(f, "ky bao cao") || has(f, "6 thang") || strstr(f, "ngay ") ||
          has(f, "quy i") || has(f, "quy ii") || has(f, "quy iii") || has(f, "quy iv")))
        return;
    if (dt->unread.n < 20 && strlist_find(&dt->unread, sentence) < 0 && strlist_add(&dt->unread, sentence))
        dt->nomem = 1;
}

/* One sentence (clean text, NUL-terminated). */
static void read_sentence(detector *dt, const char *sentence)
{
    char *f = text_fold(sentence);
    char **w = NULL;
    size_t n = 0;
    if (!f) {
        dt->nomem = 1;
        return;
    }
    if (!has(f, "bao cao"))
        goto out;
    int gave = 0;
    /* a custom window: "Báo cáo quý I: Từ ngày 01/01/2026 đến ngày 09/03/2026" */
    {
        const char *tu = strstr(f, "tu ngay "), *den = tu ? strstr(tu, " den ngay ") : NULL;
        const char *bc = strstr(f, "bao cao ");
        if (tu && den && bc && bc < tu) {
            int sd, sm, ed, em, got;
            char kindw[16] = "", kw2[16] = "";
            got = sscanf(bc + 8, "%15s %15s", kindw, kw2);
            int k = NO_KIND;
            if (got >= 1 && !strcmp(kindw, "quy"))
                k = PERIOD_QUARTER;
            else if (got >= 2 && (!strcmp(kindw, "6") || !strcmp(kindw, "sau")) && !strcmp(kw2, "thang"))
                k = PERIOD_HALF;
            else if (got >= 1 && !strcmp(kindw, "nam"))
                k = PERIOD_YEAR;
            else if (got >= 1 && !strcmp(kindw, "thang"))
                k = PERIOD_MONTH;
            if (k != NO_KIND && sscanf(tu + 8, "%d %d", &sd, &sm) == 2 && sscanf(den + 10, "%d %d", &ed, &em) == 2 &&
                sd >= 1 && sd <= 31 && sm >= 1 && sm <= 12 && ed >= 1 && ed <= 31 && em >= 1 && em <= 12 &&
                dt->k[k].nwin < 12) {
                dt->k[k].win[dt->k[k].nwin++] = (period_window){sd, sm, ed, em};
                add_source(dt, &dt->k[k], sentence);
                gave = 1;
            }
        }
    }
    if (!strstr(f, "truoc ngay") && !strstr(f, "cham nhat")) {
        if (!gave)
            note_unread(dt, f, sentence);
        goto out;
    }
    int commune = commune_level(f);     /* before the words are cut apart */
    /* "theo tháng dương lịch", "quý dương lịch", "theo lịch dương": calendar
     * periods instead of the default 15→14 cut-off */
    int calendar = has(f, "duong lich") || has(f, "lich duong");
    size_t cap = strlen(f) / 2 + 2;
    if (!(w = malloc(cap * sizeof *w))) {
        dt->nomem = 1;
        goto out;
    }
    for (char *p = f; *p && n < cap;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        w[n++] = p;
        while (*p && *p != ' ')
            p++;
        if (*p)
            *p++ = 0;
    }
    int last_marker = NO_KIND;
    size_t last_marker_end = 0, prev_deadline_end = 0;
    /* the kinds named in a row since the last deadline ("Định kỳ 6 tháng,
     * hằng năm"), to pair with a list of deadlines in the same order */
    int mk[PERIOD_NKINDS];
    size_t nmk = 0;
    for (size_t i = 0; i < n;) {
        size_t len;
        deadline_spec d;
        int k = kind_marker(w, n, i, &len);
        if (k != NO_KIND) {
            if (last_marker_end != i || last_marker == NO_KIND)
                nmk = 0;
            last_marker = k;
            last_marker_end = i + len;
            i += len;
            if (nmk < PERIOD_NKINDS)
                mk[nmk++] = k;
            /* "hằng quý, 6 tháng và năm": bare kind words continue the list */
            for (;;) {
                size_t j = i, kl;
                if (eq(W(j), "va") || eq(W(j), "hoac"))
                    j++;
                int k2 = kind_word(w, n, j, &kl);
                if (k2 == NO_KIND || (k2 == PERIOD_MONTH && num(W(j + 1), 1, 12) > 0))
                    break;
                last_marker = k2;
                i = last_marker_end = j + kl;
                if (nmk < PERIOD_NKINDS)
                    mk[nmk++] = k2;
            }
            continue;
        }
        if (deadline_at(w, n, i, &d, &len) != 0) {
            i++;
            continue;
        }
        /* a list of kinds and a list of deadlines of the same length, or
         * one deadline for every kind of the list: paired in order */
        if (nmk >= 2 && d.kind == NO_KIND && last_marker_end > prev_deadline_end) {
            deadline_spec ds[PERIOD_NKINDS];
            size_t nd = 1, ml;
            ds[0] = d;
            size_t j = i + len;
            while (nd < PERIOD_NKINDS && deadline_more(w, n, j, &ds[nd], &ml) == 0) {
                ds[nd].qual = d.qual;
                ds[nd].next_year = d.next_year;
                nd++;
                j += ml;
            }
            if (nd == nmk || nd == 1) {
                for (size_t m = 0; m < nmk; m++) {
                    const deadline_spec *dm = &ds[nd == 1 ? 0 : m];
                    char text[32];
                    if (!deadline_text(dm, mk[m], text, sizeof text))
                        continue;
                    gave = 1;
                    found_kind *fk = &dt->k[mk[m]];
                    if (calendar)
                        fk->calendar = 1;
                    char *slot = commune ? fk->commune : fk->unit;
                    if (slot[0])
                        continue;
                    snprintf(slot, sizeof fk->unit, "%s", text);
                    add_source(dt, fk, sentence);
                }
                prev_deadline_end = i = j;
                nmk = 0;
                continue;
            }
        }
        nmk = 0;
        size_t kl;
        if (d.kind == NO_KIND && i > 0) {
            /* the bare kind word just before: "năm (trước ngày 05/12)" */
            size_t b = i >= 2 && kind_word(w, n, i - 2, &kl) == PERIOD_HALF && kl == 2 ? i - 2 : i - 1;
            d.kind = kind_word(w, n, b, &kl);
            if (d.kind == PERIOD_MONTH && b > 0 && num(w[b - 1], 1, 31) > 0)
                d.kind = NO_KIND;       /* "ngày 5 tháng" is a date, not a kind */
        }
        if (d.kind == NO_KIND && last_marker != NO_KIND && last_marker_end > prev_deadline_end)
            d.kind = last_marker;
        if (d.kind == NO_KIND)
            d.kind = d.implied;
        if (d.kind == NO_KIND && last_marker != NO_KIND)
            d.kind = last_marker;
        prev_deadline_end = i + len;
        i += len;
        char text[32];
        if (d.kind == NO_KIND && d.qual == Q_LAST && !d.month && !dt->anykind[0]) {
            /* "chậm nhất vào ngày 10 của tháng cuối kỳ": every kind's, by its windows */
            snprintf(dt->anykind, sizeof dt->anykind, "%d@last", d.day);
            if (strlist_add(&dt->anysrc, sentence))
                dt->nomem = 1;
            gave = 1;
            continue;
        }
        if (d.kind == NO_KIND || !deadline_text(&d, d.kind, text, sizeof text))
            continue;
        gave = 1;
        last_marker = d.kind;
        last_marker_end = prev_deadline_end;
        found_kind *fk = &dt->k[d.kind];
        if (calendar)
            fk->calendar = 1;
        char *slot = commune ? fk->commune : fk->unit;
        if (slot[0])
            continue;
        snprintf(slot, sizeof fk->unit, "%s", text);
        add_source(dt, fk, sentence);
    }
    if (!gave) {
        /* F was cut into words above: fold the sentence again */
        char *f2 = text_fold(sentence);
        if (f2)
            note_unread(dt, f2, sentence);
        else
            dt->nomem = 1;
        free(f2);
    }
out:
    free(w);
    free(f);
}

/* Cut paragraph P into sentences (at ". ", ";", '\n') and read each. */
static void read_para(detector *dt, const char *p)
{
    size_t len = strlen(p);
    char *buf = malloc(CALDETECT_SENTENCE_MAX + 1);
    if (!buf) {
        dt->nomem = 1;
        return;
    }
    size_t start = 0;
    for (size_t i = 0; i <= len && !dt->nomem; i++) {
        int cut = i == len || p[i] == '\n' || p[i] == ';' || (p[i] == '.' && (p[i + 1] == ' ' || p[i + 1] == 0));
        if (!cut)
            continue;
        size_t sl = i - start;
        if (sl > CALDETECT_SENTENCE_MAX)
            sl = CALDETECT_SENTENCE_MAX;
        memcpy(buf, p + start, sl);
        buf[sl] = 0;
        text_trim(buf, "-*+•");
        if (buf[0])
            read_sentence(dt, buf);
        start = i + 1;
    }
    free(buf);
}

static dti_rc finish(detector *dt, calendar_found *out, dti_err *e)
{
    for (int k = 0; k < PERIOD_NKINDS && !dt->nomem; k++) {
        found_kind *fk = &dt->k[k];
        char text[256], canon[PERIOD_RULE_TEXT_MAX], win[200] = "";
        period_rule r;
        dti_err pe;
        /* custom windows, all of the kind's periods stated ("quý I … quý IV") */
        if (fk->nwin && fk->nwin == period_kind_count((period_kind)k)) {
            size_t o = 0;
            o += (size_t)snprintf(win, sizeof win, "window=");
            for (int i = 0; i < fk->nwin && o < sizeof win; i++)
                o += (size_t)snprintf(win + o, sizeof win - o, "%s%02d/%02d-%02d/%02d", i ? "," : "",
                                      fk->win[i].sd, fk->win[i].sm, fk->win[i].ed, fk->win[i].em);
            if (!fk->unit[0] && !fk->commune[0] && dt->anykind[0]) {
                snprintf(fk->unit, sizeof fk->unit, "%s", dt->anykind);
                for (size_t i = 0; i < dt->anysrc.n; i++)
                    add_source(dt, fk, dt->anysrc.v[i]);
            }
        }
        if (!fk->unit[0] && !fk->commune[0])
            continue;
        /* windows the plan states define the periods; else calendar
         * boundaries when the plan says so (cutoff=none), else the 15→14
         * cut-off of the state's regime (core/period.h) */
        snprintf(text, sizeof text, "%s:%s%s%s%s%s%s%s%s%s", period_kind_name((period_kind)k),
                 fk->calendar && !win[0] ? "cutoff=none:" : "", win, win[0] ? ":" : "",
                 fk->unit[0] ? "unit=" : "", fk->unit, fk->unit[0] && fk->commune[0] ? "," : "",
                 fk->commune[0] ? "commune=" : "", fk->commune, "");
        /* every rule proposed must be one plans_calendar_set accepts */
        if (period_rule_parse(text, &r, &pe) != DTI_OK || period_rule_format(&r, canon, sizeof canon) < 0)
            continue;
        size_t need = 1;
        for (size_t i = 0; i < fk->src.n; i++)
            need += strlen(fk->src.v[i]) + 1;
        char *src = malloc(need), *q = src;
        if (!src) {
            dt->nomem = 1;
            break;
        }
        src[0] = 0;
        for (size_t i = 0; i < fk->src.n; i++) {
            size_t l = strlen(fk->src.v[i]);
            if (i)
                *q++ = '\n';
            memcpy(q, fk->src.v[i], l);
            q += l;
            *q = 0;
        }
        if (strlist_add(&out->rules, canon) || strlist_take(&out->sources, src))
            dt->nomem = 1;
    }
    for (int k = 0; k < PERIOD_NKINDS; k++)
        strlist_release(&dt->k[k].src);
    strlist_release(&dt->anysrc);
    /* quote what was not understood only when no rule came of it */
    if (!out->rules.n) {
        out->unread = dt->unread;
        dt->unread = (strlist)STRLIST_INIT;
    }
    strlist_release(&dt->unread);
    if (dt->nomem) {
        calendar_found_release(out);
        return dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
    }
    return DTI_OK;
}

/* A reporting table (extract_calendar.h): each row read as the sentence
 * "Báo cáo <kind> <deadline>." */
static void read_table(detector *dt, const doc_table *t)
{
    int kc = -1, dc = -1;
    if (t->nrows < 2 || t->ncols < 2)
        return;
    for (size_t c = 0; c < t->ncols; c++) {
        char *f = text_fold(t->cells[c].text);
        if (!f) {
            dt->nomem = 1;
            return;
        }
        if (kc < 0 && (strstr(f, "ky bao cao") || strstr(f, "loai bao cao") || !strcmp(f, "bao cao")))
            kc = (int)c;
        else if (dc < 0 && (strstr(f, "thoi han") || strstr(f, "han gui") || strstr(f, "thoi gian gui")))
            dc = (int)c;
        free(f);
    }
    if (kc < 0 || dc < 0)
        return;
    for (size_t r = 1; r < t->nrows && !dt->nomem; r++) {
        const char *kind = t->cells[r * t->ncols + (size_t)kc].text;
        const char *dead = t->cells[r * t->ncols + (size_t)dc].text;
        size_t n = strlen(kind) + strlen(dead) + 32;
        if (!*kind || !*dead || n > CALDETECT_SENTENCE_MAX)
            continue;
        char *fk = text_fold(kind);
        char *line = malloc(n);
        if (!fk || !line) {
            free(fk);
            free(line);
            dt->nomem = 1;
            return;
        }
        snprintf(line, n, "%s%s %s.", strncmp(fk, "bao cao", 7) ? "Báo cáo " : "", kind, dead);
        /* "Quý I | Trước ngày 15/3/2026": a table of kinds gives each kind's
         * deadline; the year only dates the plan's first one */
        for (char *q = strstr(line, "/20"); q; q = strstr(q + 1, "/20"))
            if (q > line && q[-1] >= '0' && q[-1] <= '9' && q[3] >= '0' && q[3] <= '9' && q[4] >= '0' &&
                q[4] <= '9' && !(q[5] >= '0' && q[5] <= '9') && strchr(line, '/') < q)
                memmove(q, q + 5, strlen(q + 5) + 1);
        /* "Báo cáo 6 tháng | Trước ngày 15/6 hằng năm": every year, not the
         * year's report: the row's kind is the kind */
        if (!strstr(fk, "nam"))
            for (const char *h = "hằng năm", *g = "hàng năm"; h; h = h == g ? NULL : g) {
                char *at = strstr(line, h);
                if (at)
                    memmove(at, at + strlen(h), strlen(at + strlen(h)) + 1);
            }
        /* one sentence: a cell's own line breaks would cut it */
        for (char *q = line; *q; q++)
            if (*q == '\n')
                *q = ' ';
        read_para(dt, line);
        free(line);
        free(fk);
    }
}

dti_rc extract_calendar(const doc *d, calendar_found *out, dti_err *e)
{
    detector dt;
    memset(&dt, 0, sizeof dt);
    for (size_t i = 0; d && i < d->n && !dt.nomem; i++)
        if (d->blocks[i].kind == DOC_TABLE && d->blocks[i].table)
            read_table(&dt, d->blocks[i].table);
        else if (d->blocks[i].kind == DOC_PARA && d->blocks[i].text) {
            /* a paragraph kept as printed lines is read whole */
            size_t last;
            char *whole = doc_para_joined(d, i, &last);
            if (!whole) {
                dt.nomem = 1;
                break;
            }
            read_para(&dt, whole);
            free(whole);
            i = last;
        }
    return finish(&dt, out, e);
}

dti_rc extract_calendar_text(const char *text, calendar_found *out, dti_err *e)
{
    detector dt;
    memset(&dt, 0, sizeof dt);
    if (text)
        read_para(&dt, text);
    return finish(&dt, out, e);
}

void calendar_found_release(calendar_found *out)
{
    if (!out)
        return;
    strlist_release(&out->rules);
    strlist_release(&out->sources);
    strlist_release(&out->unread);
}
