/* rules.h — the scoring rules of an official point table (bộ chỉ số).
 *
 * A province scores its communes by a table whose rows are criteria: a
 * maximum, and a rule in the column "cách xác định và tính điểm". The rule
 * kinds (score_rule_kind) and what a criterion's points are:
 *   achievement  achievement × maximum (an indicator without a table)
 *   ratio        min(1, (a/b) / full) × maximum; full = 1 unless stated
 *   steps        "họp 4 lần/năm: 20 điểm; 3 lần: 15; 2 lần: 10; 1 lần: 5;
 *                còn lại: 0" — the points of the step whose range holds x
 *   levels       "Trưởng ban là Chủ tịch: tối đa; là Phó Chủ tịch: 1/2 tối
 *                đa; chưa có: 0" — the points of the chosen level
 *   yesno        yes: maximum, no: 0
 *   reviewer     the points the reviewer gives, 0..maximum
 * Points never go below 0 nor above the maximum.
 *
 * Reading steps and levels (score_rule_parse): items are separated by ';'
 * or a line break, each "left: right" (the last ':' or '='). The right side
 * is an amount: "20 điểm", "15", "0,5" (absolute points), "tối đa" (the
 * maximum), "1/2 tối đa", "50% điểm tối đa", "một nửa số điểm tối đa" (a
 * fraction of the maximum). The left side of a step is a range of x:
 *   "từ 80% trở lên", "tối thiểu 3", "ít nhất 3"      x >= 80, 3
 *   "trên 5", "hơn 5", "lớn hơn 5", "nhiều hơn 5"     x > 5
 *   "dưới 2", "ít hơn 2", "nhỏ hơn 2"                  x < 2
 *   "tối đa 2", "không quá 2", "2 trở xuống"           x <= 2
 *   "từ 50% đến dưới 80%", "1-2 vụ", "từ 1 đến 2"     ranges (closed
 *                                  unless "dưới"/"trên" says otherwise)
 *   "còn lại", "khác", "các trường hợp khác", "không"  otherwise
 *   a bare number, "4 lần/năm"     read with the other bare numbers: when
 *        their points grow with the number (more is better) each means "at
 *        least N, below the next"; when the points fall as the number grows
 *        (fewer is better) "at most N, above the previous"; else exactly N.
 * The first step (in written order) whose range holds x gives the points;
 * none: the "otherwise" step, or 0. A text is steps when every left side
 * has a number or is "otherwise" (and one has a number); else it is levels,
 * whose labels are the left sides as written.
 *
 * Everything is fixed-size: nothing to free. */
#ifndef DTI_RULES_H
#define DTI_RULES_H
#include <stddef.h>
#include "base/err.h"

#define SCORE_RULE_TEXT_MAX 4096    /* bytes of a rule's text */
#define SCORE_RULE_ITEMS_MAX 16     /* steps or levels */
#define SCORE_RULE_LABEL_MAX 192    /* bytes of a level's label, NUL included */

typedef enum {
    SCORE_RULE_ACHIEVEMENT = 0,
    SCORE_RULE_RATIO,
    SCORE_RULE_STEPS,
    SCORE_RULE_LEVELS,
    SCORE_RULE_YESNO,
    SCORE_RULE_REVIEWER
} score_rule_kind;

/* Points: V, or V × maximum when OF_MAX. */
typedef struct score_amount {
    int of_max;
    double v;
} score_amount;

typedef struct score_step {
    int otherwise;          /* "còn lại": no range */
    double lo, hi;          /* -HUGE_VAL / HUGE_VAL for no bound */
    int lo_open, hi_open;   /* the bound itself is outside */
    score_amount points;
} score_step;

typedef struct score_level {
    char label[SCORE_RULE_LABEL_MAX];   /* clean text as written */
    score_amount points;
} score_level;

typedef struct score_rule {
    score_rule_kind kind;
    double full;            /* RATIO: a/b giving full points (> 0; 1) */
    size_t nsteps;
    score_step steps[SCORE_RULE_ITEMS_MAX];
    size_t nlevels;
    score_level levels[SCORE_RULE_ITEMS_MAX];
} score_rule;

/* What a criterion's points are computed from. */
typedef struct score_rule_input {
    double a, b;            /* RATIO: a over b, b > 0, a >= 0 */
    double x;               /* STEPS: the count or figure */
    int level;              /* LEVELS: index from 0, or -1 to match LABEL */
    const char *label;      /* LEVELS: compared folded (text.h) */
    int yes;                /* YESNO */
    double given;           /* REVIEWER: the points; ACHIEVEMENT: 0..1 */
} score_rule_input;

/* "achievement", "ratio", "steps", "levels", "yesno", "reviewer". */
const char *score_rule_kind_name(score_rule_kind k);
/* The kind from its name or a Vietnamese alias ("ty-le", "bac", "muc",
 * "co-khong", "tham-dinh"); -1 when unknown. */
int score_rule_kind_parse(const char *s);

/* A rule of a kind without text (achievement, ratio with full = 1, yesno,
 * reviewer) into *OUT. */
void score_rule_init(score_rule *out, score_rule_kind k);

/* Read a criterion's rule into *OUT. KIND is a kind name, or NULL/"" to
 * read TEXT as steps or levels (see above). For "ratio", TEXT may state the
 * ratio for full points ("100%", "0,9"); for steps and levels TEXT is
 * required. MAX is the criterion's maximum: an amount above it is refused
 * (when MAX > 0). DTI_ERR_INPUT with the item named in E when a part cannot
 * be read, DTI_ERR_TOOBIG over the limits. */
dti_rc score_rule_parse(const char *kind, const char *text, double max, score_rule *out, dti_err *e);

/* The points of rule R for a criterion of maximum MAX from IN into *POINTS
 * (0..MAX). DTI_ERR_INPUT for a bad input (NaN, b <= 0, a < 0, a level
 * index or label not in the rule, reviewer points outside 0..MAX). */
dti_rc score_rule_points(const score_rule *r, double max, const score_rule_input *in,
                         double *points, dti_err *e);

/* The amount A resolved against MAX. */
double score_amount_points(const score_amount *a, double max);

/* A one-line description of R for people and --json ("steps: [4, ∞) → 20;
 * [3, 4) → 15; …; còn lại → 0") into OUT (N bytes). Returns the length, or
 * -1 when it does not fit (OUT then holds a truncated, NUL-ended text). */
int score_rule_describe(const score_rule *r, char *out, size_t n);

#endif
