/* extract_confidence.c — how sure the extractor is of each row, and why.
 *
 * The import preview is the coordinator's safety net: every indicator and
 * task carries x.confidence = {"level", "why"} (an extension field, as
 * spec/plan-json.md allows), so the screen can put the doubtful rows first
 * and say what to check. "why" lists reason codes, in the order below; the
 * screen words them in the user's language (web/js/views/import.js). The
 * level is the worst of its reasons: "low" when a reason says the row is
 * likely wrong, "medium" when something is missing that plans often leave
 * out, "high" when there is no reason at all.
 *
 *   code           level   the row …
 *   name_cut       low     has a name that starts in lower case or ends on a
 *                          joining word ("và", "của", "-", ","): a line cut
 *                          from the text above or below it
 *   no_target      low     is an indicator with no target
 *   no_year        low     has a target with no year (0)
 *   target_words   medium  has a target read as words only (no number)
 *   prose          medium  is an indicator found in a sentence, not a table row
 *   name_short     medium  has a name of fewer than three words
 *   name_long      medium  has a name of more than 45 words (text of the next
 *                          row or a paragraph swallowed)
 *   no_lead        medium  names no lead unit
 *   no_due         medium  is a task with no due date
 *
 * Decision: these are checks on the result, not on how it was read, so that
 * every format gets the same ones; a reader's own doubt (a PDF row split by
 * position) is not measured here. */
#include <stdlib.h>
#include <string.h>
#include "base/text.h"
#include "import/extract_int.h"

enum { C_HIGH, C_MEDIUM, C_LOW };

typedef struct why {
    const char *v[10];
    size_t n;
    int level;
} why;

static void add(why *w, const char *code, int level)
{
    if (w->n < sizeof w->v / sizeof *w->v)
        w->v[w->n++] = code;
    if (level > w->level)
        w->level = level;
}

static size_t words(const char *s)
{
    size_t n = 0;
    for (const char *p = s; *p; p++)
        n += (p == s || p[-1] == ' ') && *p != ' ';
    return n;
}

/* Starts with a small letter: ASCII by its byte, the rest (Vietnamese
 * "đ", "ư", "ấ" …) by whether text_upper1 changes it. */
static int starts_small(const char *s)
{
    if (!s || !*s)
        return 0;
    if (*s >= 'a' && *s <= 'z')
        return 1;
    if ((unsigned char)*s < 0x80)
        return 0;
    char *u = text_upper1(s);
    int r = u && strcmp(u, s) != 0;
    free(u);
    return r;
}

static int cut_end(const char *s)
{
    size_t n = strlen(s);
    static const char *const ends[] = {" và", " của", " các", " với", " -", ",", " cho", " trên", " tại"};
    for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
        size_t k = strlen(ends[i]);
        if (n >= k && strcmp(s + n - k, ends[i]) == 0)
            return 1;
    }
    return 0;
}

static void name_checks(why *w, const char *name)
{
    if (!name || !*name) {
        add(w, "name_short", C_MEDIUM);
        return;
    }
    if (starts_small(name) || cut_end(name))
        add(w, "name_cut", C_LOW);
    size_t n = words(name);
    if (n < 3)
        add(w, "name_short", C_MEDIUM);
    if (n > 45)
        add(w, "name_long", C_MEDIUM);
}

/* Set X.confidence on *XP (created when NULL). */
static int put(json_t **xp, const why *w)
{
    static const char *const LEVEL[] = {"high", "medium", "low"};
    json_t *a = json_array();
    for (size_t i = 0; a && i < w->n; i++)
        if (json_array_append_new(a, json_string(w->v[i])) < 0) {
            json_decref(a);
            return -1;
        }
    json_t *o = a ? json_pack("{s:s, s:o}", "level", LEVEL[w->level], "why", a) : NULL;
    if (!o)
        return -1;
    if (!*xp && !(*xp = json_object())) {
        json_decref(o);
        return -1;
    }
    return json_object_set_new(*xp, "confidence", o);
}

void xt_confidence(xt_ctx *x)
{
    plan *p = x->p;
    for (size_t i = 0; i < p->nindicators && !x->failed; i++) {
        plan_indicator *ind = p->indicators[i];
        why w = {{0}, 0, C_HIGH};
        name_checks(&w, ind->name);
        if (!ind->ntargets)
            add(&w, "no_target", C_LOW);
        int zero = 0, words_only = 0;
        for (size_t k = 0; k < ind->ntargets; k++) {
            zero |= ind->targets[k].year == 0;
            words_only |= !ind->targets[k].has_value;
        }
        if (zero)
            add(&w, "no_year", C_LOW);
        if (words_only)
            add(&w, "target_words", C_MEDIUM);
        if (x->ind_prose && x->ind_prose[i])
            add(&w, "prose", C_MEDIUM);
        if (!ind->lead.n)
            add(&w, "no_lead", C_MEDIUM);
        if (put(&ind->x, &w))
            x->failed = 1;
    }
    for (size_t i = 0; i < p->ntasks && !x->failed; i++) {
        plan_task *t = p->tasks[i];
        why w = {{0}, 0, C_HIGH};
        name_checks(&w, t->name);
        if (!t->lead.n)
            add(&w, "no_lead", C_MEDIUM);
        if (!t->due)
            add(&w, "no_due", C_MEDIUM);
        if (put(&t->x, &w))
            x->failed = 1;
    }
}
