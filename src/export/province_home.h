/* province_home.h — the province's home as a workbook (issue 12 §4,
 * app/province/province_export.c fills it): the communes as the page shows
 * them (rank, index, completeness, change, own report, at-risk, contacts),
 * the communes that have not reported with their contacts, and, when one
 * was chosen, one indicator across the communes. Strings are borrowed from
 * the caller for the duration of the call. */
#ifndef DTI_EXPORT_PROVINCE_HOME_H
#define DTI_EXPORT_PROVINCE_HOME_H
#include <stddef.h>
#include "base/err.h"

typedef struct export_home_commune {
    const char *name;
    int rank;                   /* 0: not ranked */
    int has_index, has_change;
    double index, change;
    long reported, expected;    /* completeness */
    const char *report;         /* "đúng hạn", "trễ 2 ngày", "chưa gửi" … */
    const char *due;            /* dd/mm/yyyy or NULL */
    int sent;                   /* its own report reached the province */
    long at_risk;
    const char *contacts;       /* "Phòng VH-XH (dieuphoi); …" or NULL */
    const char *note;           /* or NULL */
} export_home_commune;

typedef struct export_home_value {
    const char *name;
    int matched;
    int has_value, has_ach;
    double value, achievement;
    const char *text_value;     /* "có"/"không" for a text target, or NULL */
    const char *target, *status;/* or NULL */
} export_home_value;

typedef struct export_home {
    const char *province, *period, *judged_on, *mode;
    int has_value;
    double value;               /* the province's figure */
    const char *table;          /* the point table scored with, or NULL */
    const export_home_commune *communes;
    size_t ncommunes;
    const char *code, *ind_name, *unit;     /* the indicator compared, or NULL code */
    const export_home_value *values;
    size_t nvalues;
    const char *author, *audit_head, *created;
} export_home;

/* H as an .xlsx file into *DATA (caller frees) and *LEN: sheets "Các xã",
 * "Chưa báo cáo" and, with H->code, "So sánh chỉ tiêu"; header rows frozen
 * and repeated, A4 landscape, indices as numbers shown 0,0000 by Excel's
 * Vietnamese locale; custom properties dti.audit_head and dti.period. */
dti_rc export_province_home_xlsx(const export_home *h, void **data, size_t *len, dti_err *e);

#endif
