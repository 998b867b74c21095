/* extract_int.h — private to the extractor (extract*.c); not a public API.
 *
 * The extractor runs in passes over one doc (see extract.c for the design):
 *   head   (extract_head.c)  title, commune, province, number, issued, year
 *   tables (extract_table.c) header rows, column roles, fragments joined,
 *                            group rows, indicator and task rows
 *   prose  (extract_prose.c) target phrases in the paragraphs of target and
 *                            task sections, restatements of table rows dropped
 *   finish (extract.c)       document order, groups on first use, prose group
 *                            codes that clash get their parent's code, T1.. codes
 * The pieces share an xt_ctx and the small text helpers below. */
#ifndef DTI_EXTRACT_INT_H
#define DTI_EXTRACT_INT_H
#include <stddef.h>
#include "base/strlist.h"
#include "core/plan.h"
#include "import/doc.h"
#include "import/extract.h"

/* Limits on what the extractor builds from one document. */
#define XT_MAX_GROUPS   4096
#define XT_MAX_TOKENS   4096    /* words of one paragraph looked at */

typedef struct xt_group {
    char *code;         /* as numbered: "1", "II", "2.3", "PL2" */
    char *name;
    char *parent;       /* code of the heading above it (prose), or NULL */
    int prose;          /* from a prose heading (its code may clash) */
} xt_group;

typedef struct xt_ctx {
    const doc *d;
    plan *p;
    strlist *warn;
    int year;           /* the plan's own year: a target with no year gets it */
    size_t body_end;    /* first block of the appendices (or d->n) */
    xt_group *groups;
    size_t ngroups, capgroups;
    /* parallel to p->indicators / p->tasks: document position and group */
    size_t *ind_pos, *task_pos;
    long *ind_grp, *task_grp;
    char *ind_prose;    /* indicator came from prose */
    size_t capind, captask;
    int failed;         /* out of memory somewhere: checked once at the end */
    /* extract_prose.c: content words of table indicators' names, folded
     * once (restatement checks compare every prose target with every row) */
    struct xt_words *words;
    size_t nwords;
    const struct extract_opts *opts;    /* the caller's column roles, or NULL */
} xt_ctx;

/* Document position of block B, row R: orders items across passes. */
#define XT_POS(b, r) ((size_t)(b) * 65536u + (size_t)(r))

/* extract_head.c */
void xt_head(xt_ctx *x);

/* extract_table.c: every table of the doc. */
void xt_tables(xt_ctx *x);

/* extract_prose.c: prose targets (after xt_tables, to skip restatements). */
void xt_prose(xt_ctx *x);
/* extract_confidence.c: x.confidence {"level", "why"} on every item (after
 * every other pass). */
void xt_confidence(xt_ctx *x);
/* Free the cache x->words (extract_prose.c). */
void xt_words_release(xt_ctx *x);

/* A target phrase found in TEXT: the name around it and its targets.
 * Used for "Chỉ tiêu/nhiệm vụ" cells and prose clauses alike. */
typedef struct xt_found {
    char *name;         /* indicator name (clean, upper1, no final stop) */
    plan_target t[4];
    size_t nt;
} xt_found;
/* Find the target phrase(s) of one clause. Returns 1 and fills F (release
 * with xt_found_release) or 0 when TEXT carries no measurable target.
 * LEADIN (may be NULL) is the shared start of clauses in a parenthesis. */
int xt_find_target(const char *text, int year, const char *leadin, xt_found *f);
void xt_found_release(xt_found *f);

/* extract_units.c: units named only in the prose of "Tổ chức thực hiện",
 * into the plan's x.units (after the other passes). */
void xt_prose_units(xt_ctx *x);
/* extract_units.c: a lead or support entry that is a short name the document
 * defines ("… (sau đây gọi là Văn phòng)", "(viết tắt: VP)", "(TTPVHCC)")
 * becomes the full name (after the other passes). */
void xt_short_names(xt_ctx *x);

/* extract.c: items and groups. */
long xt_group_add(xt_ctx *x, const char *code, const char *name, const char *parent, int prose);
plan_indicator *xt_add_indicator(xt_ctx *x, size_t pos, long grp, int prose);
plan_task *xt_add_task(xt_ctx *x, size_t pos, long grp);

/* extract.c: text helpers. */
char *xt_fold(const char *s);                 /* text_fold, never NULL on success */
int xt_has(const char *folded, const char *word);   /* whole-word contains */
int xt_starts(const char *folded, const char *word);
/* Split unit names (lead, support, outputs) into L: on ';', '\n', "- "
 * list markers and two names glued by a lost line break; not on commas. */
void xt_split_units(xt_ctx *x, const char *text, strlist *l);
/* Clean copy of S with its first letter in upper case, trailing
 * punctuation in TRIM and a footnote marker at the end (" (*)", " (**)")
 * dropped; NULL for empty. */
char *xt_name(const char *s, const char *trim);
/* The paragraph break at TEXT[AT] ('\n') only wraps a unit's name (a Word
 * file made from a PDF keeps its printed lines): the next line starts in
 * lower case, or this one ends with a word that cannot end a name ("và",
 * "của", "-", ","). */
int xt_wrapped_break(const char *text, size_t at);
/* Read a code at the start of S ("1.", "1.1", "II", "a)", "A."): its length in
 * bytes (0 if none), the code without its final '.'/')' in OUT, its level
 * (1 roman or a capital letter alone or closed by "."/")", 2 "1", 3 "1.1",
 * 4 "1.1.1", 5 "a)") in *LEVEL. */
size_t xt_code(const char *s, char *out, size_t outsz, int *level);
/* Target, due and date readers: target.h first, a small fallback when it
 * reads nothing (kept until target.c covers every phrase the extractor sees). */
size_t xt_target_parse(const char *text, int year, int want_text, plan_target *out, size_t max);
int xt_due_parse(const char *text, char out[16]);
int xt_date_parse(const char *text, char out[11]);

#endif
