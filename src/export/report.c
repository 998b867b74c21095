/* report.c — the export models' lifecycles (report.h, province.h) and the
 * number format the writers share. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include "core/score.h"
#include "export/province.h"
#include "export/report.h"

const char *export_num(double v, int decimals, char out[32])
{
    char tmp[SCORE_FMT_LEN];
    score_format(v, decimals, ',', tmp);
    snprintf(out, 32, "%s", tmp);
    return out;
}

static void texts_free(export_text *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(t[i].text);
        strlist_release(&t[i].orgs);
    }
    free(t);
}

void export_report_release(export_report *r)
{
    if (!r)
        return;
    free(r->plan_title);
    free(r->plan_number);
    free(r->commune);
    free(r->province);
    export_settings *s = &r->set;
    free(s->body_parent);
    free(s->body_name);
    free(s->place);
    free(s->number);
    free(s->sign_authority);
    free(s->sign_deputy);
    free(s->sign_title);
    free(s->sign_name);
    strlist_release(&s->recipients);
    for (size_t i = 0; i < r->ninds; i++) {
        export_indicator *x = &r->inds[i];
        free(x->code);
        free(x->group);
        free(x->name);
        free(x->lead);
        free(x->support);
        free(x->reporter);
        free(x->target_text);
        free(x->status_label);
        free(x->unit);
        free(x->status);
        free(x->due);
    }
    free(r->inds);
    for (size_t i = 0; i < r->ngroups; i++) {
        free(r->groups[i].code);
        free(r->groups[i].name);
        free(r->groups[i].value_text);
        free(r->groups[i].trend);
        free(r->groups[i].has_trend);
    }
    free(r->groups);
    for (size_t i = 0; i < r->ntasks; i++) {
        export_task *t = &r->tasks[i];
        free(t->code);
        free(t->group);
        free(t->name);
        free(t->lead);
        free(t->due_text);
        free(t->outputs);
        free(t->status);
        free(t->products);
        free(t->period);
    }
    free(r->tasks);
    texts_free(r->results, r->nresults);
    texts_free(r->difficulties, r->ndifficulties);
    texts_free(r->proposals, r->nproposals);
    for (size_t i = 0; i < r->nunits; i++) {
        free(r->units[i].org);
        free(r->units[i].state);
        free(r->units[i].submitted);
        free(r->units[i].timeliness);
    }
    free(r->units);
    free(r->index_text);
    free(r->trend);
    strlist_release(&r->focus);
    strlist_release(&r->unapproved);
    free(r->author);
    free(r->audit_head);
    memset(r, 0, sizeof *r);
}

void export_province_release(export_province *p)
{
    if (!p)
        return;
    free(p->province);
    export_settings *s = &p->set;
    free(s->body_parent);
    free(s->body_name);
    free(s->place);
    free(s->number);
    free(s->sign_authority);
    free(s->sign_deputy);
    free(s->sign_title);
    free(s->sign_name);
    strlist_release(&s->recipients);
    for (size_t i = 0; i < p->ncommunes; i++) {
        export_commune *c = &p->communes[i];
        free(c->name);
        free(c->index_text);
        free(c->report);
        free(c->report_due);
        free(c->note);
    }
    free(p->communes);
    free(p->mode);
    free(p->author);
    free(p->audit_head);
    memset(p, 0, sizeof *p);
}
