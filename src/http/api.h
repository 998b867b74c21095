/* api.h — the handlers of the JSON API and the route table that names them.
 *
 * One file per resource (api_health.c, api_session.c, api_plans.c ...),
 * each handler a route_fn that answers with one http_reply_*(). Handlers
 * decode the request, call app/ (which checks permissions and validates),
 * and encode the result; nothing else. routes.c lists every route. */
#ifndef DTI_HTTP_API_H
#define DTI_HTTP_API_H
#include "http/router.h"

struct http_req;

/* Every route, ended by an entry with pattern NULL (routes.c). */
extern const route api_routes[];

void api_health(struct http_req *r);
/* api_province.c */
void api_provinces_list(struct http_req *r);
void api_province_home(struct http_req *r);
void api_province_indicators(struct http_req *r);
void api_province_compare(struct http_req *r);
void api_province_table(struct http_req *r);
void api_province_workbook(struct http_req *r);
void api_login(struct http_req *r);
void api_logout(struct http_req *r);
void api_me(struct http_req *r);
void api_plans_list(struct http_req *r);
void api_plan_get(struct http_req *r);
void api_public_rankings(struct http_req *r);
void api_import_preview(struct http_req *r);
void api_import_confirm(struct http_req *r);
void api_report_get(struct http_req *r);
void api_report_versions(struct http_req *r);
void api_report_fill(struct http_req *r);
void api_report_submit(struct http_req *r);
void api_report_return(struct http_req *r);
void api_report_approve(struct http_req *r);
void api_report_reopen(struct http_req *r);
void api_report_attach(struct http_req *r);
void api_report_withdraw(struct http_req *r);
void api_evidence_get(struct http_req *r);
void api_evidence_check(struct http_req *r);
void api_completeness(struct http_req *r);
void api_score(struct http_req *r);
void api_rankings(struct http_req *r);
void api_country_rankings(struct http_req *r);    /* api_country.c */
void api_publish(struct http_req *r);
void api_audit(struct http_req *r);
void api_calendar_periods(struct http_req *r);
void api_calendar_set(struct http_req *r);
void api_request_list(struct http_req *r);
void api_request_open(struct http_req *r);
void api_request_edit(struct http_req *r);
void api_request_cancel(struct http_req *r);
void api_users_list(struct http_req *r);
void api_user_create(struct http_req *r);
void api_user_update(struct http_req *r);
void api_user_password(struct http_req *r);
void api_me_password(struct http_req *r);
void api_orgs(struct http_req *r);
void api_org_changes(struct http_req *r);   /* api_orgs.c */
void api_org_change(struct http_req *r);
void api_indicator_edit(struct http_req *r);
void api_task_edit(struct http_req *r);
void api_assignments(struct http_req *r);
void api_assignment_set(struct http_req *r);
void api_plan_units(struct http_req *r);
void api_org_duties(struct http_req *r);
void api_report_queue(struct http_req *r);
void api_notices_list(struct http_req *r);
void api_notice_read(struct http_req *r);
void api_notices_read_all(struct http_req *r);
void api_user_email_get(struct http_req *r);
void api_user_email_set(struct http_req *r);
void api_plan_reminders_get(struct http_req *r);
void api_plan_reminders_set(struct http_req *r);
void api_reminders_run(struct http_req *r);
/* api_review.c */
void api_review_evidence(struct http_req *r);
void api_evidence_view(struct http_req *r);
/* api_appraise.c */
void api_index_load(struct http_req *r);
void api_score_self(struct http_req *r);
void api_score_review(struct http_req *r);
void api_appraisal(struct http_req *r);
/* api_units.c */
void api_unit_add(struct http_req *r);
void api_unit_rename(struct http_req *r);
/* api_export.c */
void api_export_report(struct http_req *r);
void api_export_report_post(struct http_req *r);
void api_export_province(struct http_req *r);
void api_export_settings_get(struct http_req *r);
void api_export_settings_put(struct http_req *r);

#endif
