/* outputs_int.h — what the export use cases share inside app/ (outputs.c,
 * outputs_settings.c, outputs_province.c). Not part of app/'s contract. */
#ifndef DTI_OUTPUTS_INT_H
#define DTI_OUTPUTS_INT_H
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include "app/auth/auth.h"
#include "app/outputs/outputs.h"
#include "export/report.h"

/* The report model of Q (outputs.h's rules: permission, period, approved
 * data only) into *R (release with export_report_release, also after a
 * failure). Nothing is written. */
dti_rc outputs_build(store *s, const auth_user *u, const outputs_req *q, time_t now, export_report *r,
                     dti_err *e);
/* Append the export's audit entry ACTION (entity "plan" or "org" ID) in
 * its own transaction, then anchor the chain's head after it (audit.h
 * audit_anchor, "export") and give it as printed, "SEQ-HASH16"
 * (audit_head_text), in *HEAD (caller frees). Not inside a transaction. */
dti_rc outputs_audit(store *s, const auth_user *u, time_t now, const char *action, const char *entity, int64_t id,
                     const char *code, const char *format, const char *kind, char **head,
                     dti_err *e);
/* COMMUNE's settings (defaults from the commune's and province's names;
 * PROVINCE_LEVEL: COMMUNE is a province org, the Sở KH&CN's defaults),
 * with the overrides OVER (may be NULL) and the document number NUMBER (may
 * be NULL: left blank), into *OUT (owned strings of the model). */
dti_rc outputs_settings_model(store *s, int64_t commune, const char *commune_name, const char *province,
                              const outputs_settings *over, const char *number, int province_level,
                              export_settings *out, dti_err *e);
/* "tháng 10/2026", "quý IV/2026", "6 tháng đầu năm 2026", "năm 2026". */
void outputs_period_label(const char *code, char *out, size_t n);

#endif
