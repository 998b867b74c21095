// i18n.js — Vietnamese first, English on request; numbers and dates as in Vietnam.
// The choice is kept in localStorage ("dti.lang") and sent to the server as
// Accept-Language so its messages follow it. Dates print dd/mm/yyyy and
// decimals with a comma (Intl 'vi-VN') in both languages: they are the
// commune's documents' conventions, not the reader's.
import { fmtDay } from './dates.js';

const MESSAGES = {
  vi: {
    'app.title': 'dti — Theo dõi kế hoạch chuyển đổi số',
    'skip': 'Bỏ qua, đến nội dung chính',
    'nav.label': 'Điều hướng chính',
    'nav.dashboard': 'Tổng quan', 'nav.plan': 'Kế hoạch', 'nav.import': 'Nhập kế hoạch',
    'nav.mywork': 'Việc của tôi', 'nav.review': 'Duyệt báo cáo', 'nav.rankings': 'Xếp hạng', 'nav.province': 'Trang của tỉnh',
    'nav.history': 'Lịch sử', 'nav.menu': 'Trình đơn', 'nav.calendar': 'Lịch báo cáo',
    'lang.switch': 'English', 'logout': 'Đăng xuất', 'loading': 'Đang tải…',
    'login.title': 'Đăng nhập', 'login.user': 'Tên đăng nhập', 'login.password': 'Mật khẩu',
    'login.submit': 'Đăng nhập', 'login.busy': 'Đang đăng nhập…',
    'login.hint': 'Hệ thống theo dõi kế hoạch chuyển đổi số và chỉ số DTI của xã.',
    'login.public': 'Xem bảng xếp hạng công khai',
    'error.network': 'Không kết nối được máy chủ. Hãy thử lại.',
    'plan.title': 'Kế hoạch', 'plan.none': 'Chưa có kế hoạch nào. Hãy nhập một kế hoạch từ tài liệu.',
    'plan.groups': 'Nhóm chỉ số', 'plan.indicators': 'Chỉ tiêu', 'plan.tasks': 'Nhiệm vụ',
    'plan.code': 'Mã', 'plan.name': 'Tên', 'plan.targets': 'Mục tiêu', 'plan.lead': 'Chủ trì',
    'plan.support': 'Phối hợp', 'plan.due': 'Thời hạn', 'plan.outputs': 'Sản phẩm',
    'plan.issued': 'Ngày ban hành', 'plan.number': 'Số', 'plan.back': '← Danh sách kế hoạch',
    'plan.count': '{n} chỉ tiêu, {m} nhiệm vụ',
    'dashboard.title': 'Tổng quan', 'dashboard.empty': 'Chỉ số của kỳ hiện tại sẽ hiện ở đây khi có số liệu đã duyệt.',
    'dashboard.plan': 'Kế hoạch', 'dashboard.period': 'Kỳ (2026-03, 2026-Q1, 2026)', 'dashboard.show': 'Xem',
    'dashboard.summary': 'Tóm tắt', 'dashboard.index': 'Chỉ số của kế hoạch', 'dashboard.counted': '{n} chỉ tiêu có số liệu, {m} chưa có',
    'dashboard.reports': 'Báo cáo đã nhận', 'dashboard.late': '{late} muộn, {missing} chưa nộp',
    'dashboard.groups': 'Chỉ số theo trụ cột', 'dashboard.groupIndex': 'Chỉ số', 'dashboard.noChart': 'Không vẽ được biểu đồ.',
    'dashboard.atRisk': 'Chỉ tiêu có nguy cơ không đạt', 'dashboard.none': 'Không có.',
    'dashboard.trend': 'Diễn biến chỉ số trong năm', 'dashboard.periodCol': 'Kỳ', 'dashboard.trendTable': 'Số liệu của biểu đồ',
    'dashboard.trendNone': 'Chưa đủ hai kỳ có số liệu đã duyệt để vẽ diễn biến.',
    'dashboard.lateTitle': 'Đơn vị nộp muộn, chưa nộp', 'dashboard.allIn': 'Mọi đơn vị đã nộp đúng hạn.',
    'dashboard.lateOne': 'muộn {n} ngày', 'dashboard.missingOne': 'chưa nộp',
    'dashboard.value': 'Số liệu', 'dashboard.achievement': 'Mức đạt', 'dashboard.status': 'Tình trạng', 'dashboard.onTime': 'Đúng hạn',
    'import.title': 'Nhập kế hoạch', 'import.empty': 'Tải lên tệp .docx, .xlsx, .md hoặc .txt của kế hoạch để xem trước và xác nhận.',
    'import.file': 'Tệp kế hoạch', 'import.formats': 'Word (.docx), Excel (.xlsx), PDF có lớp chữ (.pdf), Markdown (.md) hoặc văn bản (.txt)',
    'import.choose': 'Hãy chọn một tệp.', 'import.preview': 'Xem trước', 'import.confirm': 'Xác nhận nhập kế hoạch',
    'import.done': 'Đã nhập kế hoạch:', 'import.existed': 'Tài liệu này đã được nhập trước đây:',
    'import.units': 'Đơn vị được nêu trong kế hoạch', 'import.name': 'Tên trong tài liệu', 'import.org': 'Đơn vị',
    'import.how': 'Kết quả đối chiếu', 'import.how.new': 'Đơn vị mới', 'import.how.matched': 'Đã có',
    'import.how.self': 'Chính xã/tỉnh', 'import.how.none': 'Chưa gắn',
    'import.collective': 'Tên chung cần điều phối viên xác định', 'import.warnings': 'Lưu ý',
    'mywork.title': 'Việc của tôi', 'mywork.empty': 'Các chỉ tiêu được giao trong kỳ này sẽ hiện ở đây.',
    'due.left': 'còn {n} ngày', 'due.today': 'hết hạn hôm nay', 'due.late': 'quá hạn {n} ngày',
    'state.draft': 'bản nháp', 'state.submitted': 'đã nộp', 'state.returned': 'bị trả lại', 'state.approved': 'đã duyệt',
    'state.none': 'chưa lập', 'yes': 'Có', 'no': 'Không',
    'mywork.period': 'kỳ', 'mywork.deadline': 'Hạn nộp:', 'mywork.state': 'Trạng thái:', 'mywork.open': 'Nhập báo cáo',
    'mywork.view': 'Xem báo cáo', 'mywork.back': '← Việc của tôi', 'mywork.version': 'phiên bản',
    'mywork.submittedAt': 'Nộp lần đầu:', 'mywork.returned': 'Bị trả lại:', 'mywork.noItems': 'Đơn vị không chủ trì chỉ tiêu nào.',
    'mywork.met': 'Đạt mục tiêu', 'mywork.numerator': 'Tử số', 'mywork.denominator': 'Mẫu số', 'mywork.percent': 'Tỷ lệ tính được:',
    'mywork.value': 'Giá trị', 'mywork.note': 'Giải thích, ghi chú', 'mywork.task': 'Nhiệm vụ',
    'mywork.status': 'Tình trạng', 'mywork.progress': 'Tiến độ (%)', 'mywork.products': 'Sản phẩm đã có',
    'mywork.evidence': 'Tài liệu kiểm chứng', 'mywork.evidenceFor': 'Kèm cho', 'mywork.wholeReport': 'Cả báo cáo',
    'mywork.evidenceFile': 'Tệp', 'mywork.evidenceHint': 'PDF, PNG, JPEG, Word, Excel, PowerPoint; tối đa 20 MB. Gửi cùng lúc lưu.',
    'mywork.texts': 'Nội dung báo cáo', 'mywork.results': 'Kết quả', 'mywork.difficulties': 'Khó khăn, vướng mắc',
    'mywork.proposals': 'Đề xuất, kiến nghị', 'mywork.prev': 'Kỳ trước ({p}):', 'mywork.save': 'Lưu nháp', 'mywork.submit': 'Nộp báo cáo',
    'mywork.saving': 'Đang lưu…', 'mywork.saved': 'Đã lưu bản nháp.', 'mywork.submitted': 'Đã nộp báo cáo.',
    'mywork.submittedMissing': 'Đã nộp; còn {n} mục được giao chưa có số liệu.', 'mywork.badNumber': 'Không đọc được con số (ví dụ 12,5).',
    'review.unit': 'Đơn vị', 'review.submittedAt': 'Nộp lúc', 'review.timeliness': 'Đúng hạn', 'review.open': 'Xem và duyệt',
    'review.back': '← Báo cáo chờ duyệt', 'review.lastReason': 'Lý do trả lại trước:', 'review.thisPeriod': 'Kỳ này ({p})',
    'review.prevPeriod': 'Kỳ trước ({p})', 'review.noEvidence': 'Không có tài liệu kiểm chứng.', 'review.decision': 'Quyết định',
    'review.reason': 'Lý do trả lại (bắt buộc khi trả lại)', 'review.reasonRequired': 'Hãy ghi lý do trả lại.',
    'review.return': 'Trả lại', 'review.approve': 'Duyệt', 'review.returnedDone': 'Đã trả lại báo cáo.', 'review.approvedDone': 'Đã duyệt báo cáo.',
    'review.title': 'Duyệt báo cáo', 'review.empty': 'Chưa có báo cáo nào chờ duyệt.',
    'rankings.title': 'Xếp hạng', 'rankings.empty': 'Chưa có bảng xếp hạng.',
    'history.title': 'Lịch sử thay đổi', 'history.empty': 'Nhật ký thay đổi của chỉ tiêu, nhiệm vụ và báo cáo sẽ hiện ở đây.',
    'public.title': 'Bảng xếp hạng chuyển đổi số', 'public.empty': 'Chưa có bảng xếp hạng nào được công bố.',
    'public.rank': 'Hạng', 'public.name': 'Đơn vị', 'public.score': 'Chỉ số',
    'status.met': 'Đạt', 'status.ontrack': 'Đúng tiến độ', 'status.risk': 'Nguy cơ',
    'status.fail': 'Chưa đạt', 'status.nodata': 'Chưa có số liệu',
    'notfound': 'Không có trang này.',
    'history.of': 'Lịch sử thay đổi của {x}', 'history.ofReport': 'Lịch sử thay đổi của báo cáo này',
    'history.pick': 'Chọn chỉ tiêu để xem lịch sử', 'history.pickPlan': 'Kế hoạch', 'history.pickItem': 'Chỉ tiêu',
    'history.byId': 'Hoặc nhập số hiệu của chỉ tiêu, nhiệm vụ, báo cáo',
    'import.unitsHint': 'Tên không khớp với đơn vị nào sẽ thành đơn vị mới (được đánh dấu): hãy kiểm tra trước khi xác nhận.',
    'nav.users': 'Tài khoản', 'nav.orgs': 'Thay đổi đơn vị', 'nav.account': 'Đổi mật khẩu', 'nav.notices': 'Thông báo', 'nav.appraise': 'Chấm điểm', 'nav.units': 'Đơn vị',
    'role.admin': 'Quản trị hệ thống', 'role.coordinator': 'Cán bộ đầu mối (điều phối)', 'role.reporter': 'Đơn vị báo cáo', 'role.viewer': 'Lãnh đạo, theo dõi (chỉ xem)',
    // my work and review (periods of any kind, work by org)
    'period.week': 'Tuần {w}/{y}', 'period.adhoc': 'Đột xuất số {n}/{y}',
    'period.month': 'Tháng {m}/{y}', 'period.quarter': 'Quý {r}/{y}', 'period.half1': '6 tháng đầu năm {y}',
    'period.half2': '6 tháng cuối năm {y}', 'period.year': 'Năm {y}',
    'mywork.noOrg': 'Tài khoản này chưa gắn với đơn vị nào nên không có báo cáo phải nộp.',
    'mywork.reqAdhoc': 'Yêu cầu báo cáo đột xuất', 'mywork.reqWeek': 'Yêu cầu báo cáo hằng tuần',
    'mywork.when.current': 'Đang mở', 'mywork.when.past': 'Kỳ trước chưa xong', 'mywork.noDeadline': 'không có hạn',
    'mywork.role.lead': 'Chủ trì', 'mywork.role.support': 'Phối hợp',
    'mywork.supportHint': 'Đơn vị phối hợp: ghi chú và tài liệu kiểm chứng; số liệu do đơn vị chủ trì báo cáo.',
    'mywork.items': '{n} chỉ tiêu, {m} nhiệm vụ được giao', 'review.view': 'Xem',
    'mywork.rateDirect': 'Hoặc ghi thẳng tỷ lệ khi không có tử số, mẫu số (ví dụ kết quả khảo sát).',
  },
  en: {
    'app.title': 'dti — Digital transformation plans',
    'skip': 'Skip to main content',
    'nav.label': 'Main navigation',
    'nav.dashboard': 'Dashboard', 'nav.plan': 'Plan', 'nav.import': 'Import',
    'nav.mywork': 'My work', 'nav.review': 'Review', 'nav.rankings': 'Rankings', 'nav.province': 'Province home',
    'nav.history': 'History', 'nav.menu': 'Menu', 'nav.calendar': 'Calendar',
    'lang.switch': 'Tiếng Việt', 'logout': 'Log out', 'loading': 'Loading…',
    'login.title': 'Log in', 'login.user': 'User name', 'login.password': 'Password',
    'login.submit': 'Log in', 'login.busy': 'Logging in…',
    'login.hint': 'Tracking the commune\'s digital-transformation plan and its DTI score.',
    'login.public': 'See the public ranking',
    'error.network': 'The server cannot be reached. Please try again.',
    'plan.title': 'Plan', 'plan.none': 'No plan yet. Import one from its document.',
    'plan.groups': 'Groups', 'plan.indicators': 'Indicators', 'plan.tasks': 'Tasks',
    'plan.code': 'Code', 'plan.name': 'Name', 'plan.targets': 'Targets', 'plan.lead': 'Lead',
    'plan.support': 'Support', 'plan.due': 'Due', 'plan.outputs': 'Outputs',
    'plan.issued': 'Issued', 'plan.number': 'Number', 'plan.back': '← All plans',
    'plan.count': '{n} indicators, {m} tasks',
    'dashboard.title': 'Dashboard', 'dashboard.empty': 'The index of the current period appears here once values are approved.',
    'dashboard.plan': 'Plan', 'dashboard.period': 'Period (2026-03, 2026-Q1, 2026)', 'dashboard.show': 'Show',
    'dashboard.summary': 'Summary', 'dashboard.index': 'Plan index', 'dashboard.counted': '{n} indicators with data, {m} without',
    'dashboard.reports': 'Reports received', 'dashboard.late': '{late} late, {missing} missing',
    'dashboard.groups': 'Index by pillar', 'dashboard.groupIndex': 'Index', 'dashboard.noChart': 'The chart could not be drawn.',
    'dashboard.atRisk': 'Indicators at risk', 'dashboard.none': 'None.',
    'dashboard.trend': 'The index over the year', 'dashboard.periodCol': 'Period', 'dashboard.trendTable': 'The chart\'s figures',
    'dashboard.trendNone': 'Not yet two periods with approved values to draw a trend.',
    'dashboard.lateTitle': 'Units late or missing', 'dashboard.allIn': 'Every unit reported on time.',
    'dashboard.lateOne': '{n} days late', 'dashboard.missingOne': 'missing',
    'dashboard.value': 'Value', 'dashboard.achievement': 'Achievement', 'dashboard.status': 'Status', 'dashboard.onTime': 'On time',
    'import.title': 'Import a plan', 'import.empty': 'Upload the plan\'s .docx, .xlsx, .md or .txt file to preview and confirm it.',
    'import.file': 'Plan file', 'import.formats': 'Word (.docx), Excel (.xlsx), PDF with a text layer (.pdf), Markdown (.md) or text (.txt)',
    'import.choose': 'Choose a file.', 'import.preview': 'Preview', 'import.confirm': 'Confirm the import',
    'import.done': 'Plan imported:', 'import.existed': 'This document was imported before:',
    'import.units': 'Units the plan names', 'import.name': 'Name in the document', 'import.org': 'Unit',
    'import.how': 'Match', 'import.how.new': 'New unit', 'import.how.matched': 'Known',
    'import.how.self': 'The commune/province', 'import.how.none': 'Not linked',
    'import.collective': 'Collective names for the coordinator to resolve', 'import.warnings': 'Notes',
    'mywork.title': 'My work', 'mywork.empty': 'The indicators assigned to you this period appear here.',
    'due.left': '{n} days left', 'due.today': 'due today', 'due.late': '{n} days overdue',
    'state.draft': 'draft', 'state.submitted': 'submitted', 'state.returned': 'returned', 'state.approved': 'approved',
    'state.none': 'not started', 'yes': 'Yes', 'no': 'No',
    'mywork.period': 'period', 'mywork.deadline': 'Deadline:', 'mywork.state': 'State:', 'mywork.open': 'Enter the report',
    'mywork.view': 'See the report', 'mywork.back': '← My work', 'mywork.version': 'version',
    'mywork.submittedAt': 'First submitted:', 'mywork.returned': 'Returned:', 'mywork.noItems': 'The unit leads no indicator.',
    'mywork.met': 'Target met', 'mywork.numerator': 'Numerator', 'mywork.denominator': 'Denominator', 'mywork.percent': 'Computed rate:',
    'mywork.value': 'Value', 'mywork.note': 'Explanation, note', 'mywork.task': 'Task',
    'mywork.status': 'Status', 'mywork.progress': 'Progress (%)', 'mywork.products': 'Products so far',
    'mywork.evidence': 'Evidence', 'mywork.evidenceFor': 'Attach to', 'mywork.wholeReport': 'The whole report',
    'mywork.evidenceFile': 'File', 'mywork.evidenceHint': 'PDF, PNG, JPEG, Word, Excel, PowerPoint; 20 MB at most. Sent on save.',
    'mywork.texts': 'Report texts', 'mywork.results': 'Results', 'mywork.difficulties': 'Difficulties',
    'mywork.proposals': 'Proposals', 'mywork.prev': 'Previous ({p}):', 'mywork.save': 'Save draft', 'mywork.submit': 'Submit',
    'mywork.saving': 'Saving…', 'mywork.saved': 'Draft saved.', 'mywork.submitted': 'Report submitted.',
    'mywork.submittedMissing': 'Submitted; {n} assigned items have no figure.', 'mywork.badNumber': 'Not a number (e.g. 12,5).',
    'review.unit': 'Unit', 'review.submittedAt': 'Submitted', 'review.timeliness': 'On time', 'review.open': 'Review',
    'review.back': '← Review queue', 'review.lastReason': 'Last reason for return:', 'review.thisPeriod': 'This period ({p})',
    'review.prevPeriod': 'Previous ({p})', 'review.noEvidence': 'No evidence attached.', 'review.decision': 'Decision',
    'review.reason': 'Reason for return (required to return)', 'review.reasonRequired': 'Write the reason for the return.',
    'review.return': 'Return', 'review.approve': 'Approve', 'review.returnedDone': 'Report returned.', 'review.approvedDone': 'Report approved.',
    'review.title': 'Review reports', 'review.empty': 'No report is waiting for review.',
    'rankings.title': 'Rankings', 'rankings.empty': 'No ranking yet.',
    'history.title': 'History', 'history.empty': 'The audit trail of indicators, tasks and reports appears here.',
    'public.title': 'Digital transformation ranking', 'public.empty': 'No ranking has been published yet.',
    'public.rank': 'Rank', 'public.name': 'Unit', 'public.score': 'Index',
    'status.met': 'Met', 'status.ontrack': 'On track', 'status.risk': 'At risk',
    'status.fail': 'Not met', 'status.nodata': 'No data',
    'notfound': 'No such page.',
    'history.of': 'History of {x}', 'history.ofReport': 'History of this report',
    'history.pick': 'Choose an indicator to see its history', 'history.pickPlan': 'Plan', 'history.pickItem': 'Indicator',
    'history.byId': 'Or type the number of an indicator, task or report',
    'import.unitsHint': 'A name matching no unit becomes a new unit (flagged): check them before confirming.',
    'nav.users': 'Accounts', 'nav.orgs': 'Org changes', 'nav.account': 'Change password', 'nav.notices': 'Notices', 'nav.appraise': 'Appraisal', 'nav.units': 'Units',
    'role.admin': 'Admin', 'role.coordinator': 'Coordinator', 'role.reporter': 'Reporter (unit)', 'role.viewer': 'Viewer (leader)',
    // my work and review (periods of any kind, work by org)
    'period.week': 'Week {w}/{y}', 'period.adhoc': 'Ad hoc no. {n}/{y}',
    'period.month': '{name} {y}', 'period.quarter': 'Q{q} {y}', 'period.half1': 'First half of {y}',
    'period.half2': 'Second half of {y}', 'period.year': 'Year {y}',
    'mywork.noOrg': 'This account belongs to no unit, so it has no report to make.',
    'mywork.reqAdhoc': 'Ad-hoc report request', 'mywork.reqWeek': 'Weekly report request',
    'mywork.when.current': 'Open', 'mywork.when.past': 'Earlier, not done', 'mywork.noDeadline': 'no deadline',
    'mywork.role.lead': 'Lead', 'mywork.role.support': 'Support',
    'mywork.supportHint': 'Supporting unit: notes and evidence; the lead unit reports the figure.',
    'mywork.items': '{n} indicators, {m} tasks assigned', 'review.view': 'View',
    'mywork.rateDirect': 'Or write the rate itself when there are no counts (a survey\'s result, say).',
  },
};

let lang = 'vi';
try {
  const saved = localStorage.getItem('dti.lang');
  if (saved === 'en' || saved === 'vi') lang = saved;
} catch { /* storage may be disabled */ }

export function getLang() { return lang; }

export function setLang(l) {
  lang = l === 'en' ? 'en' : 'vi';
  try { localStorage.setItem('dti.lang', lang); } catch { /* ignore */ }
  document.documentElement.lang = lang;
}

// The message KEY with {name} placeholders filled from VARS.
export function t(key, vars) {
  const s = MESSAGES[lang][key] ?? MESSAGES.vi[key] ?? key;
  return vars ? s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m)) : s;
}

const numFmt = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 4 });

// 0.7071 → "0,7071"; 1234.5 → "1.234,5".
export function fmtNum(x, digits) {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  if (digits !== undefined) {
    return new Intl.NumberFormat('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
  }
  return numFmt.format(x);
}

// "2026-04-08" → "08/04/2026"; an instant ("2026-12-06T17:41:00Z", a Date)
// → its day in Vietnam ("07/12/2026", dates.js); other text as it is.
export function fmtDate(d) {
  return fmtDay(d);
}

// Add a screen's messages ({vi: {...}, en: {...}}) to the table, so a view
// can keep its own texts beside it.
export function addMessages(dict) {
  for (const l of Object.keys(dict)) Object.assign(MESSAGES[l] || (MESSAGES[l] = {}), dict[l]);
}
