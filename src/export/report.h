/* report.h — the commune's periodic report as data, and the writers that
 * lay it out: Word (report_docx.c, Nghị định 30/2020 Phụ lục I; the layout
 * is ../shared/spec/report-docx.md and docs/outputs.md), Excel
 * (report_xlsx.c) and open data (opendata.c).
 *
 * export/ never reads the store: app/outputs.c fills an export_report from
 * the approved figures (app/scoring.h's one computation), the plan, the
 * approved reports' texts and the commune's settings, and hands it here.
 * Every string is owned by the export_report (export_report_release frees
 * them); a NULL string is "unknown" and is written as a dash or left out,
 * never invented. Numbers carry a has_ flag: no data is said as such
 * ("chưa có số liệu"), never as 0. */
#ifndef DTI_EXPORT_REPORT_H
#define DTI_EXPORT_REPORT_H
#include <stddef.h>
#include <stdint.h>
#include "base/err.h"
#include "base/strlist.h"

typedef enum { EXPORT_PERIOD = 0, EXPORT_YEAR } export_kind;

typedef struct export_indicator {
    char *code, *group, *name, *lead, *support, *target_text, *status_label, *unit; /* owned */
    char *reporter;             /* the unit whose approved figure counts (owned; NULL when none) */
    char *status;               /* "met", "on_track", "at_risk", "not_met", "no_data" */
    int has_target;
    char op[4];                 /* ">=", "<=" ... */
    double target;
    int percent;                /* the target's unit is "%" */
    int has_value;
    double value;
    int verdict;                /* text targets: 1 yes, 0 no, -1 none */
    int has_achievement;
    double achievement;         /* 0..1 */
    int has_forecast;
    double forecast;
    char *due;                  /* "31/12/2026", owned */
    size_t evidence;            /* evidence files attached to its approved values */
} export_indicator;

typedef struct export_group {
    char *code, *name, *value_text; /* owned; value_text NULL without data */
    int has_value;
    double value, points, max;
    long counted, nodata;
    size_t nind, nmet, nat_risk, nnot_met, nno_data;
    double *trend;              /* the year summary: the group's value at each r->trend period (owned; NULL otherwise) */
    int *has_trend;             /* whether it has one there (owned) */
} export_group;

typedef struct export_task {
    char *code, *group, *name, *lead, *due_text, *outputs;  /* owned; the plan's */
    char *status;               /* the newest approved report's status, NULL when none */
    int has_percent;
    double percent;
    char *products;             /* reported products, NULL when none */
    char *period;               /* the period of that report */
    int overdue;                /* due before the period's end and not done */
} export_task;

/* A text from the units' approved reports, merged: the same words from
 * several units (or months) are one entry naming them all. */
typedef struct export_text {
    char *text;                 /* owned */
    strlist orgs;               /* the units that wrote it, in first-seen order */
} export_text;

typedef struct export_unit {
    char *org, *state, *submitted, *timeliness;     /* owned; state label, dd/mm/yyyy, label */
    long late_days;
    long expected, received, on_time, late, missing;    /* over the year to the period (ranking) */
    int rank;
} export_unit;

typedef struct export_trend {
    char period[16];
    int has_value;
    double value;
} export_trend;

typedef struct export_settings {
    char *body_parent;          /* "ỦY BAN NHÂN DÂN" */
    char *body_name;            /* "XÃ HÒA BÌNH" */
    char *place;                /* "Hòa Bình" */
    char *number;               /* "Số:      /BC-UBND" (the full line) */
    char *sign_authority;       /* "TM. ỦY BAN NHÂN DÂN" */
    char *sign_deputy;          /* "KT. CHỦ TỊCH" or NULL */
    char *sign_title;           /* "PHÓ CHỦ TỊCH" */
    char *sign_name;            /* "Nguyễn Văn A" or NULL (left blank for the hand) */
    strlist recipients;         /* "Sở Khoa học và Công nghệ tỉnh" ... (without "- " and ";") */
} export_settings;

typedef struct export_report {
    export_kind kind;
    char period[16];            /* "2026-10", "2026" */
    char period_label[96];      /* "tháng 10/2026", "quý IV/2026", "năm 2026" */
    char scored_period[16];     /* the calendar period the figures are computed at */
    char asof[16];              /* "01/11/2026": the day the figures are judged on */
    int year;
    int day, month, doc_year;   /* the document's date (Vietnam) */
    int64_t plan_id;
    char *plan_title, *plan_number, *commune, *province;  /* owned */
    export_settings set;
    export_indicator *inds;
    size_t ninds;
    export_group *groups;
    size_t ngroups;
    export_task *tasks;
    size_t ntasks;
    export_text *results, *difficulties, *proposals;
    size_t nresults, ndifficulties, nproposals;
    export_unit *units;
    size_t nunits;
    /* the index */
    int has_index;
    double index, points, max;
    char *index_text;           /* "0,8731" */
    long counted, nodata;
    long expected, received, on_time;   /* the period's reports */
    int has_prev;               /* the previous period of the same kind */
    double prev_index;
    char prev_period[16];
    int rank, ncommunes;        /* the commune among its province's (0: unknown) */
    export_trend *trend;        /* the index per period of the year, oldest first */
    size_t ntrend;
    int has_prev_year;          /* the year summary: last year's index */
    double prev_year_index;
    strlist focus;              /* next period's focus, one item each */
    strlist unapproved;         /* units whose report for the period is not approved ("Trạm Y tế xã (bị trả lại)") */
    /* provenance */
    char *author;               /* the user who exported */
    char created[24];           /* ISO 8601 UTC */
    char *audit_head;           /* "seq:hash" of the audit chain after this export was logged */
} export_report;

void export_report_release(export_report *r);

/* Format V with DECIMALS decimals and a decimal comma ("62,00"): the form
 * `dti score` prints. OUT holds 32 bytes. */
const char *export_num(double v, int decimals, char out[32]);

/* The report as a .docx into *DATA (caller frees) and *LEN. */
dti_rc export_report_docx(const export_report *r, void **data, size_t *len, dti_err *e);
/* The same document as a print view (HTML linking the style sheet CSS;
 * docx.h docx_new_html) into *DATA (caller frees) and *LEN. */
dti_rc export_report_html(const export_report *r, const char *css, void **data, size_t *len, dti_err *e);
/* The workbook (.xlsx) into *DATA (caller frees) and *LEN. */
dti_rc export_report_xlsx(const export_report *r, void **data, size_t *len, dti_err *e);

#endif
