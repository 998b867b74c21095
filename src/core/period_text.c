/* period_text.c — a regime rule in words (period_text.h). */
#include <stdio.h>
#include <string.h>
#include "core/period_text.h"

typedef struct sb {
    char *p;
    size_t n, len;
} sb;

static void add(sb *b, const char *s)
{
    if (b->len + 1 >= b->n)
        return;
    int k = snprintf(b->p + b->len, b->n - b->len, "%s", s);
    b->len = k < 0 ? b->len : (b->len + (size_t)k >= b->n ? b->n - 1 : b->len + (size_t)k);
}

static void addn(sb *b, int v, int width2)
{
    char t[16];
    snprintf(t, sizeof t, width2 ? "%02d" : "%d", v);
    add(b, t);
}

/* "tháng", "quý", "nửa năm", "năm" and the English words. */
static const char *kind_word(period_kind k, int en)
{
    static const char *const vi[] = {"tháng", "quý", "nửa năm", "năm"};
    static const char *const eng[] = {"month", "quarter", "half-year", "year"};
    return (unsigned)k < PERIOD_NKINDS ? (en ? eng[k] : vi[k]) : "?";
}

static void deadline(sb *b, const period_deadline *d, period_kind k, int en)
{
    switch (d->kind) {
    case DEADLINE_NONE:
        add(b, en ? "no deadline" : "không có hạn");
        return;
    case DEADLINE_DATE: {
        char t[PERIOD_DATE_LEN];
        add(b, en ? "by " : "chậm nhất ngày ");
        add(b, period_date_vn(d->date, t));
        return;
    }
    case DEADLINE_FIXED:
        add(b, en ? "by " : "chậm nhất ngày ");
        addn(b, d->day, 1);
        add(b, "/");
        addn(b, d->month, 1);
        if (k != PERIOD_YEAR)
            add(b, en ? " of the period's year" : " của năm có kỳ");
        return;
    case DEADLINE_AFTER:
        add(b, en ? "by day " : "chậm nhất ngày ");
        addn(b, d->day, 0);
        if (d->months == 0) {
            if (k == PERIOD_MONTH)
                add(b, en ? " of the same month" : " của tháng đó");
            else if (k == PERIOD_YEAR)
                add(b, en ? " of the year's last month" : " tháng cuối năm");
            else {
                add(b, en ? " of the " : " tháng cuối ");
                add(b, en ? "last month of the " : kind_word(k, en));
                if (en)
                    add(b, kind_word(k, en));
            }
        } else if (d->months == 1) {
            if (k == PERIOD_MONTH)
                add(b, en ? " of the next month" : " tháng sau");
            else if (k == PERIOD_YEAR)
                add(b, en ? " of January the next year" : " tháng 1 năm sau");
            else {
                add(b, en ? " of the month after the " : " tháng đầu ");
                add(b, kind_word(k, en));
                add(b, en ? "" : " sau");
            }
        } else {
            add(b, en ? " of month " : " của tháng thứ ");
            addn(b, d->months, 0);
            add(b, en ? " after the period" : " sau kỳ");
        }
        return;
    }
}

char *period_rule_describe(const period_rule *r, dti_lang lang, char *out, size_t n)
{
    static const char *const vi_head[] = {"Hằng tháng", "Hằng quý", "Nửa năm", "Hằng năm"};
    static const char *const en_head[] = {"Monthly", "Quarterly", "Half-yearly", "Yearly"};
    int en = lang == LANG_EN;
    sb b = {out, n, 0};
    if (!out || n == 0)
        return out;
    out[0] = 0;
    if (!r || (unsigned)r->kind >= PERIOD_NKINDS)
        return out;
    if (r->is_override) {
        char code[PERIOD_CODE_LEN];
        add(&b, en ? "Period " : "Kỳ ");
        add(&b, period_format(&r->code, code));
    } else {
        add(&b, en ? en_head[r->kind] : vi_head[r->kind]);
    }
    if (r->cutoff) {
        add(&b, en ? " (from day " : " (từ ngày ");
        if (r->kind != PERIOD_YEAR)
            addn(&b, r->cutoff, 0);
        if (r->kind == PERIOD_YEAR) {
            addn(&b, r->cutoff, 1);
            add(&b, en ? "/12 of the year before to " : "/12 năm trước đến ngày ");
            addn(&b, r->cutoff - 1, 1);
            add(&b, "/12");
        } else if (r->kind == PERIOD_MONTH) {
            add(&b, en ? " of the month before to day " : " tháng trước đến ngày ");
            addn(&b, r->cutoff - 1, 0);
        } else {
            add(&b, en ? " of the month before the " : " tháng trước ");
            add(&b, kind_word(r->kind, en));
            add(&b, en ? " to day " : " đến ngày ");
            addn(&b, r->cutoff - 1, 0);
            add(&b, en ? " of its last month" : " tháng cuối ");
            if (!en)
                add(&b, kind_word(r->kind, en));
        }
        add(&b, ")");
    } else if (!r->nwindows && !r->is_override) {
        add(&b, en ? " (calendar " : " (theo ");
        add(&b, en ? kind_word(r->kind, en) : kind_word(r->kind, en));
        add(&b, en ? "s)" : " dương lịch)");
    }
    if (r->nwindows) {
        add(&b, en ? " (own windows " : " (khung riêng ");
        for (int i = 0; i < r->nwindows; i++) {
            const period_window *w = &r->windows[i];
            char t[48];
            snprintf(t, sizeof t, "%s%02d/%02d–%02d/%02d", i ? ", " : "", w->sd, w->sm, w->ed, w->em);
            add(&b, t);
        }
        add(&b, ")");
    }
    add(&b, ": ");
    int any = 0;
    if (!r->is_override || (r->stated & PERIOD_STATED_UNIT)) {
        add(&b, en ? "units report " : "đơn vị nộp ");
        deadline(&b, &r->unit, r->kind, en);
        any = 1;
    }
    if (!r->is_override || (r->stated & PERIOD_STATED_COMMUNE)) {
        if (r->commune.kind != DEADLINE_NONE || (r->stated & PERIOD_STATED_COMMUNE)) {
            add(&b, any ? "; " : "");
            add(&b, en ? "the commune " : "xã nộp ");
            deadline(&b, &r->commune, r->kind, en);
        }
    }
    return out;
}
