/* outputs.h — the official outputs (issue 10): the commune's periodic
 * report and year-end summary as Word and Excel files, the open data of a
 * period (CSV, JSON), and the commune's heading and signature settings.
 * docs/outputs.md says the same for people.
 *
 * Who may export. A coordinator, a viewer (the chairman, the province's
 * department) or an admin whose scope holds the plan (AUTH_READ on it); a
 * reporter may not: the commune's report is the office's and the leaders'
 * document, not a unit's (DTI_ERR_PERM). Out of scope: DTI_ERR_NOTFOUND, as
 * for a missing plan.
 *
 * What goes in. Only approved data: the figures are app/scoring.h's one
 * computation (the same as `dti score` and the dashboard, judged the day
 * after the period); the units' texts (results, difficulties, proposals)
 * and task progress come from the newest approved version of each unit's
 * report of the period (the year summary: of every period of the year up to
 * the one scored). Reports not approved are named in the document as such
 * and their contents left out. Identical texts from several units are one
 * quotation naming them all.
 *
 * Periods. PERIOD is a period of the plan's calendar ("2026-10",
 * "2026-Q4"): the period's report. A year ("2026") is the year-end summary
 * (báo cáo tổng kết): figures at the calendar's year period when it has
 * one, else at the year's last calendar period that has ended by NOW (the
 * document says "tính đến hết …"); DTI_ERR_INPUT when none has ended.
 *
 * The rank. The commune's rank among its province's communes is computed
 * over every commune's plan (scoring_rank_as), whatever the exporter's scope: the
 * document states only this commune's position and the number of
 * communes, no other commune's figure.
 *
 * Audit. Every export appends "export.report" / "export.data" /
 * "export.province" (entity "plan" or "org", after: {period, format,
 * kind}) by the acting user at NOW, in its own transaction, then anchors
 * the chain's head after it (app/audit.h audit_anchor, "export") and
 * stamps it, as `dti audit verify --head` reads it ("SEQ-HASH16",
 * audit_head_text), in the document: docx and xlsx custom property
 * dti.audit_head, the CSV's audit_head column, the JSON's audit_head. The
 * entry comes first so that the head holds it; a document that cannot be
 * made after it leaves the entry (an export attempted), never a document
 * without one. */
#ifndef DTI_APP_OUTPUTS_H
#define DTI_APP_OUTPUTS_H
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include "base/err.h"
#include "base/strlist.h"
#include "app/app.h"
#include "app/auth/auth.h"

#define OUTPUTS_TEXT_MAX 1000           /* bytes of one setting */
#define OUTPUTS_RECIPIENTS_MAX 30       /* lines of "Nơi nhận" */
#define OUTPUTS_FOCUS_MAX 50            /* items of next period's focus */

typedef enum { OUTPUTS_DOCX = 0, OUTPUTS_XLSX, OUTPUTS_CSV, OUTPUTS_JSON, OUTPUTS_HTML } outputs_format;
/* The style sheet the print view (OUTPUTS_HTML) links to: web/print.css. */
#define OUTPUTS_PRINT_CSS "/print.css"

/* The heading and signature of a commune's documents. NULL members of a
 * change mean "unchanged"; "" resets a member to its default. */
typedef struct outputs_settings {
    const char *body_parent;    /* "ỦY BAN NHÂN DÂN" */
    const char *body_name;      /* "XÃ HÒA BÌNH" */
    const char *place;          /* "Hòa Bình" (place name of the date line) */
    const char *number_pattern; /* "/BC-UBND": the symbol after the number */
    const char *sign_authority; /* "TM. ỦY BAN NHÂN DÂN" */
    const char *sign_deputy;    /* "KT. CHỦ TỊCH", "" = none (the chairman signs) */
    const char *sign_title;     /* "CHỦ TỊCH", "PHÓ CHỦ TỊCH" */
    const char *sign_name;      /* "Nguyễn Văn An" */
    const char *recipients;     /* lines separated by '\n' */
} outputs_settings;

/* What one export asks for. Overrides (may be NULL) change this document
 * only, not the stored settings. */
typedef struct outputs_req {
    int64_t plan_id;
    const char *period;
    outputs_format format;
    const char *number;             /* the document's number ("15"); NULL = left blank */
    const outputs_settings *over;   /* per-document overrides, NULL = none */
    const char *focus;              /* next period's focus, one item a line; NULL = derived */
} outputs_req;

/* The document Q asks for, as U at NOW, into *DATA (caller frees) and
 * *LEN, audited as above. DOCX and XLSX: the report; HTML: the same
 * report as a print view for the browser (export_report_html); CSV and JSON: the
 * open data (per indicator: commune, province, plan, period, code, group,
 * name, unit, target, value, numerator, denominator, achievement, status,
 * lead, approved reports counted; UTF-8 with a BOM for CSV, so Excel reads
 * it right). *NAME (may be NULL; caller frees) gets a file name
 * ("bao-cao-ke-hoach-1-2026-10.docx"). */
dti_rc outputs_export(app *a, const outputs_req *q, void **data, size_t *len, char **name, dti_err *e);

/* The province's summary over its communes for PERIOD (a period code every
 * commune's calendar uses: "2026-10", "2026"): each commune's index,
 * completeness, change since the previous period, rank, whether its own
 * report arrived by the commune deadline (judged by its approved unit
 * reports: see docs/outputs.md), at-risk indicators counted; the province's
 * figure; the communes with no plan or no data. PROVINCE is the province
 * org's id. Needs AUTH_READ on the province (a viewer of the Sở KH&CN, an
 * admin). FORMAT DOCX or XLSX. Audited ("export.province"). */
dti_rc outputs_province(app *a, int64_t province, const char *period, outputs_format format, void **data,
                        size_t *len, char **name, dti_err *e);

/* The settings in force for plan PLAN_ID's commune, the defaults filled
 * in, as owned strings in *OUT (release with outputs_settings_free). Needs
 * AUTH_READ on the plan, and not a reporter (DTI_ERR_PERM); a plan with no
 * commune is DTI_ERR_CONFLICT. */
typedef struct outputs_settings_owned {
    char *body_parent, *body_name, *place, *number_pattern, *sign_authority, *sign_deputy,
        *sign_title, *sign_name, *recipients;
} outputs_settings_owned;
dti_rc outputs_settings_get(app *a, int64_t plan_id, outputs_settings_owned *out, dti_err *e);
void outputs_settings_free(outputs_settings_owned *o);
/* Change plan PLAN_ID's commune's settings by C (NULL members unchanged,
 * "" back to the default) at A->now: a coordinator or admin of its scope
 * (AUTH_PLAN_WRITE on the plan; others DTI_ERR_PERM, out of scope
 * DTI_ERR_NOTFOUND). Each text at most OUTPUTS_TEXT_MAX bytes of UTF-8
 * (cleaned, recipients kept line by line), recipients at most
 * OUTPUTS_RECIPIENTS_MAX lines: DTI_ERR_INPUT/TOOBIG naming the field,
 * nothing written. Audited ("export.settings", before and after). */
dti_rc outputs_settings_set(app *a, int64_t plan_id, const outputs_settings *c, dti_err *e);
/* The commune org of plan PLAN_ID (0 when it has none), with AUTH_READ. */
dti_rc outputs_plan_commune(store *s, const auth_user *u, int64_t plan_id, int64_t *commune, dti_err *e);

#endif
