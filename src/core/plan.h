/* plan.h — the plan model: groups, indicators with yearly targets, tasks.
 *
 * This is dti.plan/1 (../shared/spec/plan-json.md) as C structs. The
 * extractor builds one, the store saves and loads one, the API and
 * `dti export plan --json` print one through plan_to_json(). Strings are
 * clean UTF-8 (text.h) or NULL where the document does not say.
 *
 * Ownership: a plan owns everything reachable from it (strings, lists, the
 * `x` extension objects); plan_free() frees all. The plan_add_* functions
 * return a pointer owned by the plan that stays valid until plan_free(). */
#ifndef DTI_PLAN_H
#define DTI_PLAN_H
#include <stddef.h>
#include <jansson.h>
#include "base/err.h"
#include "base/strlist.h"

typedef enum {
    TARGET_GE = 0,  /* ">="  tối thiểu, từ … trở lên, phấn đấu, đạt, plain number */
    TARGET_GT,      /* ">"   trên, hơn */
    TARGET_LE,      /* "<="  tối đa, không quá */
    TARGET_LT,      /* "<"   dưới */
    TARGET_EQ,      /* "="   bằng, đúng */
    TARGET_TEXT     /* "text" no number can be read; value unset */
} target_op;

typedef struct plan_target {
    int year;
    target_op op;
    int has_value;  /* 0 for TARGET_TEXT */
    double value;
    char *unit;     /* "%", "doanh nghiệp/1.000 dân", "/9 nền tảng", "" */
    char *text;     /* the words it was read from */
} plan_target;

typedef struct plan_group {
    char *code;     /* "1", "IV", "III.5", "PL2" */
    char *name;
} plan_group;

typedef struct plan_indicator {
    char *code;
    char *group;    /* a plan_group code, or NULL */
    char *name;
    plan_target *targets;   /* ascending by year */
    size_t ntargets;
    strlist lead, support;
    char *due;      /* "YYYY-MM", "YYYY-Qn", "YYYY", "recurring", or NULL */
    char *due_text;
    char *basis;
    char *action;
    json_t *x;      /* extension object or NULL (x.parent_lead ...) */
} plan_indicator;

typedef struct plan_task {
    char *code;
    char *group;
    char *name;
    strlist lead, support, outputs;
    char *due;
    char *due_text;
    char *funding;
    json_t *x;
} plan_task;

typedef struct plan {
    char *title, *commune, *province, *number;
    char *issued;   /* "YYYY-MM-DD" or NULL */
    plan_group **groups;         size_t ngroups;
    plan_indicator **indicators; size_t nindicators;
    plan_task **tasks;           size_t ntasks;
    json_t *x;
} plan;

plan *plan_new(void);
void plan_free(plan *p);
/* New empty items appended in document order; NULL when out of memory. */
plan_group *plan_add_group(plan *p, const char *code, const char *name);
plan_indicator *plan_add_indicator(plan *p);
plan_task *plan_add_task(plan *p);
/* Append a target (copies UNIT and TEXT) and keep targets sorted by year;
 * a second target for the same year replaces the first. 0 or -1. */
int plan_indicator_add_target(plan_indicator *ind, int year, target_op op, int has_value,
                              double value, const char *unit, const char *text);
plan_group *plan_find_group(const plan *p, const char *code);

/* Operator as written in dti.plan/1 (">=", ... "text") and back (-1 unknown). */
const char *plan_op_str(target_op op);
int plan_op_parse(const char *s);

/* The plan as a dti.plan/1 JSON object (new reference, caller decrefs). */
json_t *plan_to_json(const plan *p);
/* The plan as dti.plan/1 text, pretty-printed with 2 spaces, keys in spec
 * order, ending in a newline. Caller frees. */
char *plan_to_string(const plan *p);
/* Read dti.plan/1. Checks the schema, types and required fields; a wrong
 * one is named in E (field "indicators[3].targets[0].op"). *OUT owned by caller. */
dti_rc plan_from_json(const json_t *j, plan **out, dti_err *e);

#endif
