/* opendata.h — a period's approved figures as open data: one row per
 * indicator of the commune's plan (docs/outputs.md, docs/api/openapi.yaml).
 *
 * CSV: RFC 4180 (comma-separated, fields with a comma, quote or line break
 * quoted, CRLF line ends), UTF-8 with a byte-order mark so that Excel reads
 * the Vietnamese right; numbers with a decimal point and no grouping (the
 * machine-readable form: open data is read by programs first); empty where
 * there is no approved figure. A last comment-free provenance is in the
 * JSON form only; the CSV's columns are fixed:
 *   commune, province, plan_id, period, judged_on, group, code, indicator,
 *   unit, target_op, target, value, met, achievement, status, lead,
 *   evidence_files, audit_head
 * JSON: {"commune", "province", "plan_id", "period", "scored_period",
 *   "judged_on", "index", "points", "max", "completeness": {"expected",
 *   "received", "on_time"}, "audit_head", "exported_at", "indicators":
 *   [{"group", "code", "name", "unit", "target": {"op", "value"} | null,
 *   "target_text", "value" | null, "met" | null, "achievement" | null,
 *   "status", "lead", "evidence_files"}]}. */
#ifndef DTI_EXPORT_OPENDATA_H
#define DTI_EXPORT_OPENDATA_H
#include <stddef.h>
#include "base/err.h"
#include "export/report.h"

/* R's figures as CSV into *DATA (caller frees) and *LEN. */
dti_rc export_opendata_csv(const export_report *r, void **data, size_t *len, dti_err *e);
/* R's figures as JSON text (pretty, UTF-8) into *DATA (caller frees) and *LEN. */
dti_rc export_opendata_json(const export_report *r, void **data, size_t *len, dti_err *e);

#endif
