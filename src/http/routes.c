/* routes.c — every route of the server, in the order they are tried.
 * Paths not under /api/ that match nothing are static files (static.c).
 * Keep docs/api/openapi.yaml in step with this table. */
#include <stddef.h>
#include "http/api.h"
#include "http/server.h"

/* An uploaded plan document; reader.h allows more, a browser upload needs less. */
#define IMPORT_UPLOAD_MAX ((size_t)20 << 20)
/* A report's CSV (app/report.h REPORT_CSV_MAX_BYTES); evidence: one file
 * of up to REPORT_EVIDENCE_MAX, or several together, in the largest body a
 * route may take (each file still checked against its own limit). */
#define REPORT_CSV_MAX ((size_t)4 << 20)
#define EVIDENCE_UPLOAD_MAX HTTP_MAX_UPLOAD
/* A point table (app/score.h SCORING_INDEX_MAX_BYTES) with the multipart's room. */
#define INDEX_UPLOAD_MAX (((size_t)2 << 20) + 65536)
/* An edit of one indicator or task: its texts (app/planedit.h limits) with room. */
#define PLAN_EDIT_MAX ((size_t)1 << 20)

const route api_routes[] = {
    {"GET",  "/api/v1/health",    api_health,     0, 0},
    {"POST", "/api/v1/login",     api_login,      0, 4096},
    {"POST", "/api/v1/logout",    api_logout,     ROUTE_SESSION, 0},
    {"GET",  "/api/v1/me",        api_me,         ROUTE_SESSION, 0},
    {"GET",  "/api/v1/plans",     api_plans_list, ROUTE_SESSION, 0},
    {"GET",  "/api/v1/plans/:id", api_plan_get,   ROUTE_SESSION, 0},
    {"GET",  "/api/v1/public/rankings", api_public_rankings, 0, 0},
    {"POST", "/api/v1/imports/preview", api_import_preview, ROUTE_SESSION | ROUTE_MULTIPART, IMPORT_UPLOAD_MAX},
    {"POST", "/api/v1/imports", api_import_confirm, ROUTE_SESSION | ROUTE_MULTIPART, IMPORT_UPLOAD_MAX},
    {"GET",  "/api/v1/plans/:id/reports/:org/:period",                 api_report_get,      ROUTE_SESSION, 0},
    {"PUT",  "/api/v1/plans/:id/reports/:org/:period",                 api_report_fill,     ROUTE_SESSION, REPORT_CSV_MAX},
    {"GET",  "/api/v1/plans/:id/reports/:org/:period/versions",     api_report_versions, ROUTE_SESSION, 0},
    {"POST", "/api/v1/plans/:id/reports/:org/:period/submit",       api_report_submit,   ROUTE_SESSION, 0},
    {"POST", "/api/v1/plans/:id/reports/:org/:period/return",       api_report_return,   ROUTE_SESSION, 0},
    {"POST", "/api/v1/plans/:id/reports/:org/:period/approve",      api_report_approve,  ROUTE_SESSION, 0},
    {"POST", "/api/v1/plans/:id/reports/:org/:period/reopen",       api_report_reopen,   ROUTE_SESSION, 0},
    {"POST", "/api/v1/plans/:id/reports/:org/:period/withdraw",     api_report_withdraw, ROUTE_SESSION, 0},
    {"POST", "/api/v1/plans/:id/reports/:org/:period/evidence",     api_report_attach,   ROUTE_SESSION | ROUTE_MULTIPART, EVIDENCE_UPLOAD_MAX},
    {"GET",  "/api/v1/evidence/:eid", api_evidence_get,   ROUTE_SESSION, 0},
    {"POST", "/api/v1/evidence/:eid/check", api_evidence_check, ROUTE_SESSION, 0},
    {"GET",  "/api/v1/evidence/:eid/view",  api_evidence_view,  ROUTE_SESSION, 0},
    {"GET",  "/api/v1/plans/:id/reports/:org/:period/evidence", api_review_evidence, ROUTE_SESSION, 0},
    {"GET",  "/api/v1/plans/:id/completeness/:period", api_completeness, ROUTE_SESSION, 0},
    {"GET",  "/api/v1/plans/:id/score/:period", api_score, ROUTE_SESSION, 0},
    {"GET",  "/api/v1/plans/:id/rankings", api_rankings, ROUTE_SESSION, 0},
    {"GET",  "/api/v1/country/rankings", api_country_rankings, ROUTE_SESSION, 0},
    {"POST", "/api/v1/plans/:id/publish",  api_publish,  ROUTE_SESSION, 0},
    {"POST", "/api/v1/plans/:id/index",    api_index_load, ROUTE_SESSION | ROUTE_MULTIPART, INDEX_UPLOAD_MAX},
    {"GET",  "/api/v1/plans/:id/appraisal/:period", api_appraisal, ROUTE_SESSION, 0},
    {"PUT",  "/api/v1/plans/:id/score/:period/criteria/:code/self",   api_score_self,   ROUTE_SESSION, 8192},
    {"PUT",  "/api/v1/plans/:id/score/:period/criteria/:code/review", api_score_review, ROUTE_SESSION, 8192},
    {"GET",  "/api/v1/audit",              api_audit,    ROUTE_SESSION, 0},
    {"GET",  "/api/v1/plans/:id/periods",  api_calendar_periods, ROUTE_SESSION, 0},
    {"PUT",  "/api/v1/plans/:id/calendar", api_calendar_set,     ROUTE_SESSION, 8192},
    {"GET",  "/api/v1/plans/:id/requests", api_request_list,     ROUTE_SESSION, 0},
    {"POST", "/api/v1/plans/:id/requests", api_request_open,     ROUTE_SESSION, 8192},
    {"PATCH", "/api/v1/plans/:id/requests/:code", api_request_edit, ROUTE_SESSION, 8192},
    {"POST", "/api/v1/plans/:id/requests/:code/cancel", api_request_cancel, ROUTE_SESSION, 8192},
    {"GET",  "/api/v1/users",              api_users_list,    ROUTE_SESSION, 0},
    {"POST", "/api/v1/users",              api_user_create,   ROUTE_SESSION, 0},
    {"PATCH", "/api/v1/users/:uid",        api_user_update,   ROUTE_SESSION, 0},
    {"POST", "/api/v1/users/:uid/password", api_user_password, ROUTE_SESSION, 0},
    {"POST", "/api/v1/me/password",        api_me_password,   ROUTE_SESSION, 0},
    {"GET",  "/api/v1/orgs",               api_orgs,          ROUTE_SESSION, 0},
    {"GET",  "/api/v1/orgs/changes",       api_org_changes,   ROUTE_SESSION, 0},
    {"POST", "/api/v1/orgs/changes",       api_org_change,    ROUTE_SESSION, 8192},
    {"POST", "/api/v1/orgs/:oid/units",    api_unit_add,      ROUTE_SESSION, 4096},
    {"PATCH", "/api/v1/orgs/:oid",         api_unit_rename,   ROUTE_SESSION, 4096},
    {"PATCH", "/api/v1/plans/:id/indicators/:code", api_indicator_edit, ROUTE_SESSION, PLAN_EDIT_MAX},
    {"PATCH", "/api/v1/plans/:id/tasks/:code",      api_task_edit,      ROUTE_SESSION, PLAN_EDIT_MAX},
    {"GET",  "/api/v1/plans/:id/assignments",       api_assignments,    ROUTE_SESSION, 0},
    {"PUT",  "/api/v1/plans/:id/assignments/:kind/:code", api_assignment_set, ROUTE_SESSION, 65536},
    {"GET",  "/api/v1/plans/:id/units",             api_plan_units,     ROUTE_SESSION, 0},
    {"GET",  "/api/v1/plans/:id/assignments/:org", api_org_duties, ROUTE_SESSION, 0},
    {"GET",  "/api/v1/plans/:id/reports",          api_report_queue, ROUTE_SESSION, 0},
    {"GET",  "/api/v1/notices",                    api_notices_list,       ROUTE_SESSION, 0},
    {"POST", "/api/v1/notices/read",               api_notices_read_all,   ROUTE_SESSION, 0},
    {"POST", "/api/v1/notices/:nid/read",          api_notice_read,        ROUTE_SESSION, 0},
    {"GET",  "/api/v1/users/:uid/email",           api_user_email_get,     ROUTE_SESSION, 0},
    {"PUT",  "/api/v1/users/:uid/email",           api_user_email_set,     ROUTE_SESSION, 4096},
    {"GET",  "/api/v1/plans/:id/reminders",        api_plan_reminders_get, ROUTE_SESSION, 0},
    {"PUT",  "/api/v1/plans/:id/reminders",        api_plan_reminders_set, ROUTE_SESSION, 4096},
    {"POST", "/api/v1/reminders/run",              api_reminders_run,      ROUTE_SESSION, 0},
    {"GET",  "/api/v1/plans/:id/export/:period",    api_export_report,       ROUTE_SESSION, 0},
    {"POST", "/api/v1/plans/:id/export/:period",    api_export_report_post,  ROUTE_SESSION, 65536 + 4096},
    {"GET",  "/api/v1/provinces/:pid/export/:period", api_export_province,   ROUTE_SESSION, 0},
    {"GET",  "/api/v1/provinces",                   api_provinces_list,      ROUTE_SESSION, 0},
    {"GET",  "/api/v1/provinces/:pid/home",         api_province_home,       ROUTE_SESSION, 0},
    {"GET",  "/api/v1/provinces/:pid/indicators",   api_province_indicators, ROUTE_SESSION, 0},
    {"GET",  "/api/v1/provinces/:pid/compare",      api_province_compare,    ROUTE_SESSION, 0},
    {"POST", "/api/v1/provinces/:pid/index-table",  api_province_table,      ROUTE_SESSION, (size_t)2 << 20},
    {"GET",  "/api/v1/provinces/:pid/workbook",     api_province_workbook,   ROUTE_SESSION, 0},
    {"GET",  "/api/v1/plans/:id/export-settings",   api_export_settings_get, ROUTE_SESSION, 0},
    {"PUT",  "/api/v1/plans/:id/export-settings",   api_export_settings_put, ROUTE_SESSION, 65536},
    {NULL, NULL, NULL, 0, 0}
};
