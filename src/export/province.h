/* province.h — the province's summary over its communes for a period
 * (issue 10 §3), as data and as Word (province_docx.c) and Excel
 * (province_xlsx.c). app/outputs_province.c fills it from each commune's
 * approved figures (app/scoring.h) and the province ranking (scoring_rank_as);
 * strings are owned (export_province_release frees them). */
#ifndef DTI_EXPORT_PROVINCE_H
#define DTI_EXPORT_PROVINCE_H
#include <stddef.h>
#include <stdint.h>
#include "base/err.h"
#include "export/report.h"

typedef struct export_commune {
    char *name;                 /* owned */
    int64_t plan_id;            /* 0: no plan covering the year */
    int has_index;
    double index;
    char *index_text;           /* "0,8731", owned; NULL without data */
    int has_prev;               /* the previous period's index */
    double prev;
    long expected, received, on_time;
    int rank;                   /* 1.., 0 = no data */
    long at_risk;
    char *report;               /* its own report to the province: "đúng hạn", "trễ 2 ngày", "chưa gửi", "chưa đến hạn", "—" */
    char *report_due;           /* the commune deadline dd/mm/yyyy, or NULL */
    char *note;                 /* why there is no figure, or NULL */
} export_commune;

typedef struct export_province {
    char *province;             /* owned: the province's name */
    char period[16];
    char period_label[96];
    int year;
    int day, month, doc_year;
    export_settings set;
    export_commune *communes;   /* in rank order, those without data last */
    size_t ncommunes;
    int has_value;              /* the province's figure */
    double value;
    char *mode;                 /* how it is made: "trung bình chỉ số các xã" */
    char *author;
    char created[24];
    char *audit_head;
} export_province;

void export_province_release(export_province *p);
dti_rc export_province_docx(const export_province *p, void **data, size_t *len, dti_err *e);
dti_rc export_province_xlsx(const export_province *p, void **data, size_t *len, dti_err *e);

#endif
