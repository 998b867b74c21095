// views/calendar.js — a plan's reporting calendar (#/calendar/PLAN[/YEAR]):
// its rules in plain words and the periods of a year with both deadlines
// (GET /api/v1/plans/:id/periods); a coordinator changes the rules
// (PUT /api/v1/plans/:id/calendar) with choices — per kind of period, the
// units' and the commune's deadline as "Ngày [15] của [tháng sau]", a fixed
// day of the year, or none (issue 13 §6: no mini-language to type) — or,
// under "Nâng cao", for regimes the choices cannot say (cut-off days, own
// windows, one period's own deadline), the rules themselves, one per line
// (docs/calendar.md); one period's own deadline (a request sooner or later
// than the common one: "2026-Q3:unit=25/09/2026") is chosen from the list
// of periods with its date. A day is checked as it is chosen, in plain words ("Không
// có ngày 32; chọn 1–31."); the server checks every rule, and a refused one
// is shown beside the choice it came from.
// Without PLAN: the plans to choose from.
import { get, api, ApiError } from '../api.js';
import { h, mount } from '../dom.js';
import { t, addMessages, getLang } from '../i18n.js';
import { periodLabel } from '../periods.js';
import { fmtDay } from '../dates.js';

addMessages({
  vi: {
    'nav.calendar': 'Lịch báo cáo',
    'cal.title': 'Lịch báo cáo', 'cal.choose': 'Chọn kế hoạch', 'cal.plan': 'Kế hoạch', 'cal.show': 'Xem',
    'cal.noplans': 'Chưa có kế hoạch nào.',
    'cal.rules': 'Chế độ báo cáo', 'cal.none': 'Kế hoạch chưa có lịch báo cáo: chưa có kỳ nào để báo cáo. Điều phối viên đặt lịch bên dưới.',
    'cal.periods': 'Các kỳ báo cáo năm {y}', 'cal.year': 'Năm', 'cal.noperiods': 'Không có kỳ nào trong năm này.',
    'cal.code': 'Kỳ', 'cal.kind': 'Loại', 'cal.start': 'Từ ngày', 'cal.end': 'Đến ngày',
    'cal.unitDue': 'Hạn đơn vị nộp', 'cal.communeDue': 'Hạn xã nộp',
    'cal.kind.month': 'tháng', 'cal.kind.quarter': 'quý', 'cal.kind.half': 'nửa năm', 'cal.kind.year': 'năm',
    'cal.edit': 'Sửa lịch báo cáo',
    'cal.editHint': 'Để trống cả hai ô của một loại kỳ nếu kế hoạch không báo cáo theo loại đó. Hạn viết: 15+1 (ngày 15 tháng sau), 18@last (ngày 18 tháng cuối kỳ), 05/12 (ngày cố định), none (không có hạn). Ngày ghi là ngày cuối cùng còn đúng hạn. Kỳ chốt số liệu từ ngày 15 tháng trước đến ngày 14 (Nghị định 09/2019/NĐ-CP): hạn "trước ngày 15 hằng tháng" là 15@last.',
    'cal.simple.month': 'Hằng tháng', 'cal.simple.quarter': 'Hằng quý', 'cal.simple.half': 'Nửa năm', 'cal.simple.year': 'Hằng năm',
    'cal.unit': 'Hạn đơn vị nộp về xã', 'cal.commune': 'Hạn xã nộp về tỉnh',
    'cal.raw': 'Quy tắc (nâng cao, mỗi dòng một quy tắc)',
    'cal.rawHint': 'Các ô trên điền vào đây. Mặc định số liệu chốt từ ngày 15 tháng trước đến ngày 14 (Nghị định 09/2019/NĐ-CP); viết cutoff=none khi kế hoạch báo cáo theo tháng/quý dương lịch, window=… cho khung kỳ riêng (chỉ các khung kế hoạch ghi), hoặc hạn riêng của một kỳ (2026-Q2:unit=25/06/2026).',
    'cal.warnings': 'Hạn nộp trước khi kỳ kết thúc',
    'cal.warningsHint': 'Các hạn dưới đây đến trước ngày cuối của kỳ: báo cáo sẽ phải nộp khi số liệu chưa chốt. Giữ nếu kế hoạch muốn vậy; nếu không, sửa hạn hoặc khung kỳ.',
    'cal.advanced': 'Lịch này có quy tắc nâng cao: hãy sửa ở ô quy tắc bên dưới.',
    'cal.save': 'Lưu lịch báo cáo', 'cal.saved': 'Đã lưu lịch báo cáo: {n} kỳ.', 'cal.empty': 'Hãy nhập ít nhất một quy tắc.',
    'cal.back': '← Kế hoạch',
    'cal.mode': 'Hạn', 'cal.mode.off': '— (không đặt)', 'cal.mode.after': 'Ngày … của tháng …', 'cal.mode.fixed': 'Một ngày cố định hằng năm',
    'cal.mode.none': 'Không có hạn', 'cal.day': 'Ngày', 'cal.of': 'của', 'cal.last': 'tháng cuối kỳ', 'cal.next': 'tháng sau',
    'cal.nextN': '{n} tháng sau', 'cal.monthN': 'tháng {n}',
    'cal.dayBad': 'Không có ngày {d}; chọn 1–31.', 'cal.dayMissing': 'Chọn ngày (1–31).',
    'cal.dayMonth': 'Tháng {m} không có ngày {d}; chọn 1–{max}.',
    'cal.choicesHint': 'Chọn hạn cho từng loại kỳ; để "— (không đặt)" ở cả hai ô nếu kế hoạch không báo cáo theo loại kỳ đó. Ngày chọn là ngày cuối cùng còn đúng hạn. Mặc định số liệu chốt từ ngày 15 tháng trước đến ngày 14 (Nghị định 09/2019/NĐ-CP): hạn "trước ngày 15 hằng tháng" là ngày 15 của tháng cuối kỳ.',
    'cal.advancedOpen': 'Nâng cao: các quy tắc',
    'cal.own': 'Hạn riêng của một kỳ', 'cal.ownHint': 'Khi xã yêu cầu một kỳ nộp theo hạn khác (gấp hơn hoặc lùi lại), đặt hạn riêng của kỳ đó; các kỳ khác giữ hạn chung.',
    'cal.ownPeriod': 'Kỳ', 'cal.ownDate': 'Hạn đơn vị nộp (ngày/tháng/năm)', 'cal.ownAdd': 'Thêm hạn riêng', 'cal.ownRemove': 'Bỏ',
    'cal.ownItem': '{p}: đơn vị nộp chậm nhất {d}', 'cal.dateBad': 'Không có ngày {d}; viết ngày/tháng/năm, ví dụ 25/09/2026.',
    'req.title': 'Yêu cầu báo cáo đột xuất và hằng tuần', 'req.none': 'Chưa có yêu cầu nào.',
    'req.hint': 'Ngoài các kỳ trong lịch, xã có thể yêu cầu một báo cáo đột xuất hoặc báo cáo hằng tuần với hạn riêng. Đơn vị được yêu cầu thấy báo cáo trong "Việc của tôi". Báo cáo này được thu, duyệt và tính đúng hạn, nhưng không tính vào chỉ số hằng tháng.',
    'req.open': 'Mở yêu cầu báo cáo', 'req.kind': 'Loại yêu cầu', 'req.kind.adhoc': 'Đột xuất (một lần)', 'req.kind.week': 'Hằng tuần',
    'req.name': 'Tên báo cáo', 'req.from': 'Số liệu từ ngày (ngày/tháng/năm)', 'req.to': 'Đến ngày (ngày/tháng/năm)',
    'req.due': 'Hạn đơn vị nộp (ngày/tháng/năm)', 'req.days': 'Hạn nộp mỗi tuần', 'req.daysN': '{n} ngày sau Chủ nhật', 'req.days0': 'Ngay Chủ nhật cuối tuần',
    'req.units': 'Đơn vị được yêu cầu', 'req.unitsHint': 'Không chọn đơn vị nào: mọi đơn vị chủ trì của kế hoạch.',
    'req.submit': 'Mở yêu cầu', 'req.opened': 'Đã mở yêu cầu: {c}. Các đơn vị được yêu cầu thấy báo cáo trong "Việc của tôi".',
    'req.col.name': 'Báo cáo', 'req.col.dates': 'Số liệu', 'req.col.due': 'Hạn đơn vị nộp', 'req.col.units': 'Đơn vị',
    'req.col.state': 'Tình trạng', 'req.state.open': 'Đang mở', 'req.state.closed': 'Đã qua hạn', 'req.state.cancelled': 'Đã hủy',
    'req.cancelledBy': 'Đã hủy ngày {d} bởi {who}. Lý do: {why}', 'req.reports': '{n} báo cáo đã lưu',
    'req.change': 'Sửa hoặc hủy', 'req.edit': 'Sửa yêu cầu', 'req.editNo': 'Đã có đơn vị báo cáo theo yêu cầu này: không sửa được nữa, chỉ có thể hủy.',
    'req.save': 'Lưu thay đổi', 'req.saved': 'Đã sửa yêu cầu {c}. Các đơn vị được báo trong lần nhắc tới.',
    'req.cancel': 'Hủy yêu cầu', 'req.reason': 'Lý do hủy (bắt buộc)',
    'req.cancelHint': 'Yêu cầu đã hủy vẫn nằm trong danh sách; báo cáo đơn vị đã lưu được giữ lại, không nhận báo cáo mới.',
    'req.cancelled': 'Đã hủy yêu cầu {c}. Các đơn vị được báo trong lần nhắc tới.',
  },
  en: {
    'nav.calendar': 'Calendar',
    'cal.title': 'Reporting calendar', 'cal.choose': 'Choose a plan', 'cal.plan': 'Plan', 'cal.show': 'Show',
    'cal.noplans': 'No plan yet.',
    'cal.rules': 'Reporting regime', 'cal.none': 'The plan has no reporting calendar: no period to report on yet. A coordinator sets it below.',
    'cal.periods': 'Reporting periods of {y}', 'cal.year': 'Year', 'cal.noperiods': 'No period in this year.',
    'cal.code': 'Period', 'cal.kind': 'Kind', 'cal.start': 'From', 'cal.end': 'To',
    'cal.unitDue': 'Units due', 'cal.communeDue': 'Commune due',
    'cal.kind.month': 'month', 'cal.kind.quarter': 'quarter', 'cal.kind.half': 'half-year', 'cal.kind.year': 'year',
    'req.title': 'Ad-hoc and weekly report requests', 'req.none': 'No request yet.',
    'req.hint': 'Besides the calendar\'s periods, the commune may ask for an ad-hoc or a weekly report with its own deadline. The units asked see it in My work. These reports are collected, reviewed and judged on time, but do not enter the monthly index.',
    'req.open': 'Open a report request', 'req.kind': 'Kind of request', 'req.kind.adhoc': 'Ad hoc (once)', 'req.kind.week': 'Weekly',
    'req.name': 'Report title', 'req.from': 'Figures from (dd/mm/yyyy)', 'req.to': 'To (dd/mm/yyyy)',
    'req.due': 'Units due (dd/mm/yyyy)', 'req.days': 'Each week due', 'req.daysN': '{n} days after Sunday', 'req.days0': 'On the week\'s Sunday',
    'req.units': 'Units asked', 'req.unitsHint': 'None chosen: every unit leading an item of the plan.',
    'req.submit': 'Open the request', 'req.opened': 'Request opened: {c}. The units asked see it in My work.',
    'req.col.name': 'Report', 'req.col.dates': 'Figures', 'req.col.due': 'Units due', 'req.col.units': 'Units',
    'req.col.state': 'State', 'req.state.open': 'Open', 'req.state.closed': 'Past its deadline', 'req.state.cancelled': 'Cancelled',
    'req.cancelledBy': 'Cancelled on {d} by {who}. Reason: {why}', 'req.reports': '{n} reports saved',
    'req.change': 'Edit or cancel', 'req.edit': 'Edit the request', 'req.editNo': 'A unit has reported under this request: it can no longer be edited, only cancelled.',
    'req.save': 'Save the changes', 'req.saved': 'Request {c} edited. The units are told at the next reminder run.',
    'req.cancel': 'Cancel the request', 'req.reason': 'Why it is cancelled (required)',
    'req.cancelHint': 'A cancelled request stays in the list; the reports units saved are kept; no new report is taken.',
    'req.cancelled': 'Request {c} cancelled. The units are told at the next reminder run.',
    'cal.edit': 'Change the reporting calendar',
    'cal.editHint': 'Leave both boxes of a kind empty when the plan does not report by it. Deadlines: 15+1 (15th of the next month), 18@last (18th of the period\'s last month), 05/12 (a fixed day), none (no deadline). The day written is the last day on time. Periods close from the 15th of the month before to the 14th (Nghị định 09/2019/NĐ-CP): "before the 15th each month" is 15@last.',
    'cal.simple.month': 'Monthly', 'cal.simple.quarter': 'Quarterly', 'cal.simple.half': 'Half-yearly', 'cal.simple.year': 'Yearly',
    'cal.unit': 'Units → commune deadline', 'cal.commune': 'Commune → province deadline',
    'cal.raw': 'Rules (advanced, one per line)',
    'cal.rawHint': 'The boxes above fill this in. By default figures close from the 15th of the month before to the 14th (Nghị định 09/2019/NĐ-CP); write cutoff=none when the plan reports by calendar months or quarters, window=… for own windows (only those the plan states), or one period\'s own deadline (2026-Q2:unit=25/06/2026).',
    'cal.warnings': 'Deadlines before their period ends',
    'cal.warningsHint': 'These deadlines come before the period\'s last day: the report is due before its figures close. Keep them if the plan means it; otherwise change the deadline or the window.',
    'cal.advanced': 'This calendar has advanced rules: change them in the rules box below.',
    'cal.save': 'Save the calendar', 'cal.saved': 'Calendar saved: {n} periods.', 'cal.empty': 'Write at least one rule.',
    'cal.back': '← Plan',
    'cal.mode': 'Deadline', 'cal.mode.off': '— (not set)', 'cal.mode.after': 'Day … of month …', 'cal.mode.fixed': 'A fixed day each year',
    'cal.mode.none': 'No deadline', 'cal.day': 'Day', 'cal.of': 'of', 'cal.last': 'the period\'s last month', 'cal.next': 'the next month',
    'cal.nextN': '{n} months later', 'cal.monthN': 'month {n}',
    'cal.dayBad': 'There is no day {d}; choose 1–31.', 'cal.dayMissing': 'Choose the day (1–31).',
    'cal.dayMonth': 'Month {m} has no day {d}; choose 1–{max}.',
    'cal.choicesHint': 'Choose the deadline of each kind of period; leave both at "— (not set)" when the plan does not report by that kind. The day chosen is the last day on time. By default figures close from the 15th of the month before to the 14th (Nghị định 09/2019/NĐ-CP): "before the 15th each month" is the 15th of the period\'s last month.',
    'cal.advancedOpen': 'Advanced: the rules',
    'cal.own': 'One period\'s own deadline', 'cal.ownHint': 'When the commune asks for one period by another deadline (sooner or later), set that period\'s own deadline; the others keep the common one.',
    'cal.ownPeriod': 'Period', 'cal.ownDate': 'Units due (day/month/year)', 'cal.ownAdd': 'Add the deadline', 'cal.ownRemove': 'Remove',
    'cal.ownItem': '{p}: units due by {d}', 'cal.dateBad': 'There is no day {d}; write day/month/year, say 25/09/2026.',
  },
});

const KINDS = ['month', 'quarter', 'half', 'year'];
const KIND_ALIAS = { thang: 'month', quy: 'quarter', 'nua-nam': 'half', nam: 'year' };

// The rule's words in the UI's language.
export function describe(d) {
  return (getLang() === 'en' ? d.en : d.vi) || d.rule;
}

// {month: {unit, commune}, …} when every rule is a kind with only unit= and
// commune= (what the simple form can say), else null.
const OWN_RULE = /^\d{4}(-\d{2}|-Q[1-4]|-H[12])?:unit=\d{2}\/\d{2}\/\d{4}$/;
function simpleOf(rules) {
  const out = {};
  for (const r of rules) {
    if (OWN_RULE.test(r)) continue;     // one period's own deadline: the list below the choices
    const [head, ...opts] = r.split(':');
    const kind = KIND_ALIAS[head] || head;
    if (!KINDS.includes(kind) || out[kind]) return null;
    const v = { unit: '', commune: '' };
    for (const o of opts.join(':').split(',')) {
      const m = /^(unit|don-vi|commune|xa)=(.+)$/.exec(o);
      if (!m) return null;
      v[m[1] === 'unit' || m[1] === 'don-vi' ? 'unit' : 'commune'] = m[2];
    }
    out[kind] = v;
  }
  return out;
}

function rulesOfSimple(inputs) {
  const rules = [];
  for (const k of KINDS) {
    const u = inputs[k].unit.value, c = inputs[k].commune.value;
    if (!u && !c) continue;
    rules.push(k + ':' + [u ? 'unit=' + u : null, c ? 'commune=' + c : null].filter(Boolean).join(','));
  }
  return rules;
}

// A deadline as choices: mode (not set, "Ngày N của tháng …", a fixed day
// of the year, none), day and month. VALUE is the rule's text ("15+1",
// "18@last", "05/12", "none", ''); null when the choices cannot say it.
function parseDeadline(v) {
  if (!v) return { mode: '', day: '', month: '1' };
  if (/^(none|khong)$/i.test(v)) return { mode: 'none', day: '', month: '1' };
  let m = /^(\d{1,2})@(last|cuoi)$/i.exec(v);
  if (m) return { mode: 'after', day: String(Number(m[1])), month: 'last' };
  m = /^(\d{1,2})\+(\d{1,2})$/.exec(v);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 3) return { mode: 'after', day: String(Number(m[1])), month: String(Number(m[2])) };
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(v);
  if (m) return { mode: 'fixed', day: String(Number(m[1])), month: String(Number(m[2])) };
  return null;
}

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// The picker of one deadline (ID "cal-month-unit"): {el, value(), check(),
// focus(), mark(msg)}. ONCHANGE after every change.
function deadlinePicker(id, label, current, enabled, onchange) {
  const cur = parseDeadline(current) || { mode: '', day: '', month: '1' };
  const mode = h('select', { id: id + '-mode', name: id + '-mode', disabled: !enabled, 'aria-describedby': id + '-error' },
    ['', 'after', 'fixed', 'none'].map((m) => h('option', { value: m, selected: m === cur.mode }, t('cal.mode.' + (m || 'off')))));
  const day = h('input', { id: id + '-day', name: id + '-day', inputmode: 'numeric', autocomplete: 'off', size: 3, maxlength: 3,
    value: cur.day, disabled: !enabled, 'aria-describedby': id + '-error', class: 'cal-day' });
  const month = h('select', { id: id + '-month', name: id + '-month', disabled: !enabled, 'aria-describedby': id + '-error' });
  const err = h('p', { class: 'error', role: 'alert', id: id + '-error' });
  const fillMonths = (m, sel) => {
    const opts = m === 'fixed'
      ? Array.from({ length: 12 }, (_, i) => [String(i + 1), t('cal.monthN', { n: i + 1 })])
      : [['last', t('cal.last')], ['1', t('cal.next')], ['2', t('cal.nextN', { n: 2 })], ['3', t('cal.nextN', { n: 3 })]];
    mount(month, opts.map(([v, l]) => h('option', { value: v, selected: v === sel }, l)));
  };
  fillMonths(cur.mode === 'fixed' ? 'fixed' : 'after', cur.month);
  const dayRow = h('div', { class: 'cal-dayrow' }, h('label', { for: id + '-day' }, t('cal.day')), day,
    h('label', { for: id + '-month' }, t('cal.of')), month);
  // what is wrong with the day chosen, in words, or ''
  const check = () => {
    if (mode.value !== 'after' && mode.value !== 'fixed') return '';
    const s = day.value.trim();
    if (!s) return t('cal.dayMissing');
    if (!/^\d{1,3}$/.test(s) || Number(s) < 1 || Number(s) > 31) return t('cal.dayBad', { d: s });
    if (mode.value === 'fixed' && Number(s) > MONTH_DAYS[Number(month.value) - 1]) {
      return t('cal.dayMonth', { m: month.value, d: s, max: MONTH_DAYS[Number(month.value) - 1] });
    }
    return '';
  };
  const mark = (msg) => {
    err.textContent = msg;
    const el = mode.value === 'after' || mode.value === 'fixed' ? day : mode;
    if (msg) el.setAttribute('aria-invalid', 'true'); else { day.removeAttribute('aria-invalid'); mode.removeAttribute('aria-invalid'); }
  };
  const show = () => { dayRow.hidden = mode.value !== 'after' && mode.value !== 'fixed'; };
  mode.addEventListener('change', () => {
    fillMonths(mode.value === 'fixed' ? 'fixed' : 'after', mode.value === 'fixed' ? '12' : '1');
    show(); mark(check()); onchange();
  });
  day.addEventListener('input', () => { mark(check()); onchange(); });
  month.addEventListener('change', () => { mark(check()); onchange(); });
  show();
  const value = () => {
    const d = Number(day.value.trim());
    switch (mode.value) {
    case 'none': return 'none';
    case 'after': return month.value === 'last' ? `${d}@last` : `${d}+${month.value}`;
    case 'fixed': return `${String(d).padStart(2, '0')}/${String(month.value).padStart(2, '0')}`;
    default: return '';
    }
  };
  const el = h('div', { class: 'field cal-deadline', id },
    h('label', { for: id + '-mode' }, label), mode, dayRow, err);
  return { el, id, get value() { return value(); }, check, mark,
    focus: () => (mode.value === 'after' || mode.value === 'fixed' ? day : mode).focus() };
}

const splitRules = (text) => text.split(/[\s;]+/).filter(Boolean);

function editForm(plan, cal, onsaved) {
  const simple = simpleOf(cal.rules);
  // every deadline the choices can say: else the rules box alone
  const sayable = simple && KINDS.every((k) => !simple[k] || (parseDeadline(simple[k].unit) && parseDeadline(simple[k].commune)));
  const inputs = {};
  const raw = h('textarea', { id: 'cal-raw', name: 'rules', rows: 4, spellcheck: 'false', autocomplete: 'off',
    'aria-describedby': 'cal-raw-hint cal-raw-error' }, cal.rules.join('\n'));
  const rawErr = h('p', { class: 'error', role: 'alert', id: 'cal-raw-error' });
  // one period's own deadline ("2026-Q3:unit=25/09/2026"), kept beside the choices
  const own = cal.rules.filter((r) => OWN_RULE.test(r));
  const sync = () => { raw.value = [...rulesOfSimple(inputs), ...own].join('\n'); };
  const ownList = h('ul', { id: 'cal-own-list' });
  const showOwn = () => mount(ownList, own.map((r, i) => {
    const [code, d] = [r.split(':')[0], r.split('=')[1]];
    return h('li', {}, t('cal.ownItem', { p: periodLabel(code), d }), ' ',
      h('button', { type: 'button', class: 'link', 'data-rule': r, onclick: () => { own.splice(i, 1); showOwn(); sync(); } }, t('cal.ownRemove')));
  }));
  showOwn();
  const ownSel = h('select', { id: 'cal-own-period' }, (cal.periods || []).map((p) => h('option', { value: p.code }, periodLabel(p.code))));
  const ownDate = h('input', { id: 'cal-own-date', inputmode: 'numeric', autocomplete: 'off', placeholder: 'dd/mm/yyyy', 'aria-describedby': 'cal-own-error' });
  const ownErr = h('p', { class: 'error', role: 'alert', id: 'cal-own-error' });
  const ownAdd = h('button', { type: 'button', class: 'secondary', id: 'cal-own-add' }, t('cal.ownAdd'));
  ownAdd.addEventListener('click', () => {
    ownErr.textContent = '';
    ownDate.removeAttribute('aria-invalid');
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(ownDate.value.trim());
    const ok = m && (() => { const d = new Date(Date.UTC(+m[3], +m[2] - 1, +m[1])); return d.getUTCDate() === +m[1] && d.getUTCMonth() === +m[2] - 1; })();
    if (!ok) {
      ownErr.textContent = t('cal.dateBad', { d: ownDate.value.trim() || '—' });
      ownDate.setAttribute('aria-invalid', 'true');
      ownDate.focus();
      return;
    }
    const rule = `${ownSel.value}:unit=${m[1].padStart(2, '0')}/${m[2].padStart(2, '0')}/${m[3]}`;
    for (let i = own.length - 1; i >= 0; i--) if (own[i].startsWith(ownSel.value + ':')) own.splice(i, 1);
    own.push(rule);
    ownDate.value = '';
    showOwn();
    sync();
  });
  const ownBox = h('fieldset', { class: 'item', id: 'cal-own' }, h('legend', {}, t('cal.own')),
    h('p', { class: 'muted' }, t('cal.ownHint')), ownList,
    h('div', { class: 'field' }, h('label', { for: 'cal-own-period' }, t('cal.ownPeriod')), ownSel),
    h('div', { class: 'field' }, h('label', { for: 'cal-own-date' }, t('cal.ownDate')), ownDate, ownErr), ownAdd);
  const sets = KINDS.map((k) => {
    inputs[k] = {};
    for (const lvl of ['unit', 'commune']) {
      inputs[k][lvl] = deadlinePicker(`cal-${k}-${lvl}`, t('cal.' + lvl), sayable ? simple?.[k]?.[lvl] || '' : '', !!sayable, sync);
    }
    return h('fieldset', { class: 'item cal-kind' }, h('legend', {}, t('cal.simple.' + k)), inputs[k].unit.el, inputs[k].commune.el);
  });
  const status = h('p', { role: 'status', id: 'cal-status' });
  const save = h('button', { type: 'submit', class: 'primary', id: 'cal-save' }, t('cal.save'));
  const adv = h('details', { id: 'cal-advanced', open: !sayable },
    h('summary', {}, t('cal.advancedOpen')),
    h('div', { class: 'field' }, h('label', { for: 'cal-raw' }, t('cal.raw')), raw,
      h('small', { class: 'muted', id: 'cal-raw-hint' }, t('cal.rawHint')), rawErr));
  const f = h('form', { class: 'card', id: 'cal-form', novalidate: true },
    h('h2', {}, t('cal.edit')),
    h('p', { class: 'muted', id: 'cal-hint' }, t('cal.choicesHint')),
    sayable ? null : h('p', { class: 'muted' }, t('cal.advanced')),
    h('div', { class: 'cal-kinds' }, sets),
    sayable ? ownBox : null,
    adv, status, save);
  f.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    rawErr.textContent = '';
    raw.removeAttribute('aria-invalid');
    status.textContent = '';
    // the choices first: a day that does not exist is said where it was chosen
    if (sayable) {
      for (const k of KINDS) for (const lvl of ['unit', 'commune']) {
        const p = inputs[k][lvl];
        const msg = p.check();
        p.mark(msg);
        if (msg) { p.focus(); return; }
      }
    }
    const rules = splitRules(raw.value);
    if (!rules.length) {
      adv.open = true;
      rawErr.textContent = t('cal.empty'); raw.setAttribute('aria-invalid', 'true'); raw.focus(); return;
    }
    save.disabled = true;
    try {
      const res = await api('PUT', `/api/v1/plans/${plan}/calendar`, { rules });
      onsaved(res);
    } catch (e) {
      // beside the choice the refused rule came from, else the rules box
      const d = (e instanceof ApiError && e.detail) || {};
      const kind = d.rule ? KIND_ALIAS[d.rule.split(':')[0]] || d.rule.split(':')[0] : null;
      const lvl = d.option === 'unit' || d.option === 'commune' ? d.option : null;
      const p = sayable && kind && inputs[kind] && lvl && inputs[kind][lvl].value ? inputs[kind][lvl] : null;
      if (p) { p.mark(e.message); p.focus(); } else {
        adv.open = true;
        rawErr.textContent = e.message; raw.setAttribute('aria-invalid', 'true'); raw.focus();
      }
    } finally {
      save.disabled = false;
    }
  });
  return f;
}

function periodsTable(periods, year) {
  const rows = periods.filter((p) => p.code.slice(0, 4) === String(year));
  if (!rows.length) return h('p', { class: 'muted' }, t('cal.noperiods'));
  return h('div', { class: 'table-wrap' }, h('table', { id: 'cal-periods', class: 'cal-periods' },
    h('caption', {}, t('cal.periods', { y: year })),
    h('thead', {}, h('tr', {}, ['cal.code', 'cal.kind', 'cal.start', 'cal.end', 'cal.unitDue', 'cal.communeDue']
      .map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, rows.map((p) => h('tr', {},
      h('th', { scope: 'row' }, p.code), h('td', { 'data-label': t('cal.kind') }, t('cal.kind.' + p.kind)),
      h('td', { 'data-label': t('cal.start') }, p.start || '—'), h('td', { 'data-label': t('cal.end') }, p.end || '—'),
      h('td', { 'data-label': t('cal.unitDue') }, p.unit_due || '—'),
      h('td', { 'data-label': t('cal.communeDue') }, p.commune_due || '—'))))));
}

// Editing (before any unit has reported) and cancelling one request R
// (PATCH /api/v1/plans/:id/requests/:code, POST …/cancel): a refused field
// is shown beside it; ONCHANGED(message) after a success.
function changeForms(plan, r, units, onchanged) {
  const path = `/api/v1/plans/${plan}/requests/${encodeURIComponent(r.code)}`;
  const id = (k) => `req-${k}-${r.code}`;
  const fieldOf = (k, label, input) => {
    const err = h('p', { class: 'field-error', id: id(k) + '-err', 'aria-live': 'polite' });
    input.id = id(k);
    input.setAttribute('aria-describedby', id(k) + '-err');
    return { el: h('div', { class: 'field' }, h('label', { for: id(k) }, label), input, err), input, err };
  };
  const show = (fields, status, e) => {
    const d = (e instanceof ApiError && e.detail) || {};
    const f = fields[d.field];
    if (f) { f.err.textContent = e.message; f.input?.setAttribute('aria-invalid', 'true'); f.input?.focus(); } else status.textContent = e.message;
  };
  let edit;
  if (r.editable) {
    const title = fieldOf('title', t('req.name'), h('input', { type: 'text', name: 'title', maxlength: 300, value: r.title || '' }));
    const due = fieldOf('due', t('req.due'), h('input', { type: 'text', name: 'due', inputmode: 'numeric', autocomplete: 'off',
      placeholder: 'dd/mm/yyyy', size: 12, value: r.unit_due || '' }));
    const asked = new Set((r.orgs || []).map((o) => o.id));
    const boxes = units.map((u) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', name: 'org', value: u.id, checked: asked.has(u.id) }), ' ', u.name));
    const orgsErr = h('p', { class: 'field-error', 'aria-live': 'polite' });
    const status = h('p', { role: 'status' });
    const fields = { title, due, orgs: { input: boxes[0]?.querySelector('input'), err: orgsErr } };
    edit = h('form', { class: 'req-edit', id: id('edit'), novalidate: true },
      h('h4', {}, t('req.edit')), title.el, due.el,
      boxes.length ? h('fieldset', {}, h('legend', {}, t('req.units')), boxes, orgsErr) : null,
      h('button', { type: 'submit', class: 'primary' }, t('req.save')), status);
    edit.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      for (const f of Object.values(fields)) { f.err.textContent = ''; f.input?.removeAttribute('aria-invalid'); }
      status.textContent = '';
      const body = { title: title.input.value.trim(), due: due.input.value.trim() };
      if (boxes.length) body.orgs = boxes.map((b) => b.querySelector('input')).filter((i) => i.checked).map((i) => Number(i.value));
      try {
        await api('PATCH', path, body);
        await onchanged(t('req.saved', { c: r.code }));
      } catch (e) { show(fields, status, e); }
    });
  } else {
    edit = h('p', { class: 'muted' }, t('req.editNo'));
  }
  const reason = fieldOf('reason', t('req.reason'), h('textarea', { name: 'reason', rows: 2, maxlength: 2000 }));
  const cstatus = h('p', { role: 'status' });
  const cancel = h('form', { class: 'req-cancel', id: id('cancel'), novalidate: true },
    h('h4', {}, t('req.cancel')), h('p', { class: 'muted' }, t('req.cancelHint')), reason.el,
    h('button', { type: 'submit', class: 'secondary' }, t('req.cancel')), cstatus);
  cancel.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    reason.err.textContent = '';
    reason.input.removeAttribute('aria-invalid');
    cstatus.textContent = '';
    try {
      await api('POST', path + '/cancel', { reason: reason.input.value.trim() });
      await onchanged(t('req.cancelled', { c: r.code }));
    } catch (e) { show({ reason }, cstatus, e); }
  });
  return h('details', { class: 'req-change' }, h('summary', {}, t('req.change')), edit, cancel);
}

// Ad-hoc and weekly requests (issue 13 §6; POST /api/v1/plans/:id/requests):
// the list, and for a coordinator a form of choices; a refused field is
// shown beside it (the server names it).
function requestsSection(plan, reqs, units, canEdit, onopened, onchanged) {
  const stateCell = (r) => [h('span', { class: 'status ' + (r.cancelled ? 'fail' : r.state === 'open' ? 'ontrack' : 'nodata') },
    t('req.state.' + (r.state || 'open'))),
  r.cancelled ? h('p', { class: 'muted req-cancelled' },
    t('req.cancelledBy', { d: fmtDay(r.cancelled_at), who: r.cancelled_by || '—', why: r.cancel_reason || '' })) : null,
  r.reports ? h('p', { class: 'muted' }, t('req.reports', { n: r.reports })) : null,
  canEdit && !r.cancelled ? changeForms(plan, r, units, onchanged) : null];
  const list = reqs.length
    ? h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'req-h' }, h('table', { id: 'req-list' },
      h('thead', {}, h('tr', {}, ['req.col.name', 'req.col.dates', 'req.col.due', 'req.col.units', 'req.col.state'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, reqs.map((r) => h('tr', { 'data-code': r.code, 'data-state': r.state || 'open' },
        h('th', { scope: 'row' }, r.name, ' ', h('span', { class: 'muted' }, r.code)),
        h('td', { 'data-label': t('req.col.dates') }, `${r.start} – ${r.end}`),
        h('td', { 'data-label': t('req.col.due') }, r.unit_due),
        h('td', { 'data-label': t('req.col.units') }, r.orgs.map((o) => o.name).join(', ')),
        h('td', { 'data-label': t('req.col.state') }, stateCell(r)))))))
    : h('p', { class: 'muted', id: 'req-none' }, t('req.none'));
  let form = null;
  if (canEdit) {
    const field = (id, label, input) => {
      const err = h('p', { class: 'field-error', id: id + '-err', 'aria-live': 'polite' });
      input.id = id;
      input.setAttribute('aria-describedby', id + '-err');
      return { el: h('div', { class: 'field', id: id + '-field' }, h('label', { for: id }, label), input, err), input, err };
    };
    const dateInput = () => h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', placeholder: 'dd/mm/yyyy', size: 12 });
    const kind = field('req-kind', t('req.kind'), h('select', { name: 'kind' },
      h('option', { value: 'adhoc' }, t('req.kind.adhoc')), h('option', { value: 'week' }, t('req.kind.week'))));
    const title = field('req-name', t('req.name'), h('input', { type: 'text', name: 'title', maxlength: 300 }));
    const from = field('req-from', t('req.from'), dateInput());
    const to = field('req-to', t('req.to'), dateInput());
    const due = field('req-due', t('req.due'), dateInput());
    const days = field('req-days', t('req.days'), h('select', { name: 'days' },
      [0, 1, 2, 3, 4, 5, 6, 7].map((n) => h('option', { value: n, selected: n === 2 }, n ? t('req.daysN', { n }) : t('req.days0')))));
    const boxes = units.map((u) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'org', value: u.id }), ' ', u.name));
    const orgsErr = h('p', { class: 'field-error', id: 'req-orgs-err', 'aria-live': 'polite' });
    const fields = { kind, title, from, to, due, days, orgs: { input: boxes[0]?.querySelector('input'), err: orgsErr } };
    const sync = () => {
      const week = kind.input.value === 'week';
      due.el.hidden = week;
      days.el.hidden = !week;
    };
    kind.input.addEventListener('change', sync);
    sync();
    const status = h('p', { id: 'req-status', role: 'status' });
    const btn = h('button', { type: 'submit', class: 'primary' }, t('req.submit'));
    form = h('form', { id: 'req-form', novalidate: true },
      h('h3', {}, t('req.open')), kind.el, title.el, from.el, to.el, due.el, days.el,
      boxes.length ? h('fieldset', { id: 'req-orgs' }, h('legend', {}, t('req.units')),
        h('p', { class: 'muted' }, t('req.unitsHint')), boxes, orgsErr) : null,
      btn, status);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      for (const f of Object.values(fields)) { f.err.textContent = ''; f.input?.removeAttribute('aria-invalid'); }
      status.textContent = '';
      const week = kind.input.value === 'week';
      const body = { kind: kind.input.value, title: title.input.value.trim(), from: from.input.value.trim(), to: to.input.value.trim(),
        orgs: boxes.map((b) => b.querySelector('input')).filter((i) => i.checked).map((i) => Number(i.value)) };
      if (week) body.days = Number(days.input.value); else body.due = due.input.value.trim();
      btn.disabled = true;
      try {
        const res = await api('POST', `/api/v1/plans/${plan}/requests`, body);
        await onopened(res);
      } catch (e) {
        const d = (e instanceof ApiError && e.detail) || {};
        const f = fields[d.field] || null;
        if (f) { f.err.textContent = e.message; f.input?.setAttribute('aria-invalid', 'true'); f.input?.focus(); } else status.textContent = e.message;
      } finally {
        btn.disabled = false;
      }
    });
  }
  return h('section', { class: 'card', id: 'cal-requests', 'aria-labelledby': 'req-h' },
    h('h2', { id: 'req-h' }, t('req.title')), h('p', { class: 'muted' }, t('req.hint')), list, form);
}

async function chooser(main) {
  const { plans } = await get('/api/v1/plans');
  if (plans.length === 1) { location.hash = `#/calendar/${plans[0].id}`; return; }
  if (!plans.length) { mount(main, h('h1', {}, t('cal.title')), h('p', { class: 'muted' }, t('cal.noplans'))); return; }
  const sel = h('select', { id: 'cal-plan', name: 'plan' }, plans.map((p) => h('option', { value: p.id }, p.title || `#${p.id}`)));
  const f = h('form', { class: 'card' }, h('div', { class: 'field' }, h('label', { for: 'cal-plan' }, t('cal.plan')), sel),
    h('button', { type: 'submit', class: 'primary' }, t('cal.show')));
  f.addEventListener('submit', (ev) => { ev.preventDefault(); location.hash = `#/calendar/${sel.value}`; });
  mount(main, h('h1', {}, t('cal.title')), h('h2', {}, t('cal.choose')), f);
}

export async function render(main, ctx) {
  const [planArg, yearArg] = ctx.args || [];
  if (!planArg) return chooser(main);
  const plan = encodeURIComponent(planArg);
  const canEditReq = ctx.user && (ctx.user.role === 'coordinator' || ctx.user.role === 'admin');
  const [cal, info, reqs, units] = await Promise.all([get(`/api/v1/plans/${plan}/periods`), get(`/api/v1/plans/${plan}`).catch(() => null),
    get(`/api/v1/plans/${plan}/requests`).then((r) => r.requests).catch(() => []),
    canEditReq ? get(`/api/v1/plans/${plan}/units`).then((r) => r.units || []).catch(() => []) : []]);
  const title = info?.plan?.title || info?.title || `#${planArg}`;
  const years = [...new Set(cal.periods.map((p) => p.code.slice(0, 4)))].sort();
  const nowYear = String(new Date(Date.now() + 7 * 3600 * 1000).getUTCFullYear());
  const year = years.includes(yearArg) ? yearArg : years.includes(nowYear) ? nowYear : years[0] || nowYear;
  const yearSel = h('select', { id: 'cal-year', name: 'year' }, years.map((y) => h('option', { value: y, selected: y === year }, y)));
  yearSel.addEventListener('change', () => { location.hash = `#/calendar/${plan}/${yearSel.value}`; });
  const canEdit = ctx.user && (ctx.user.role === 'coordinator' || ctx.user.role === 'admin');
  mount(main,
    h('p', {}, h('a', { href: `#/plan/${plan}` }, t('cal.back'))),
    h('h1', {}, t('cal.title')),
    h('p', { class: 'muted', id: 'cal-plan-title' }, title),
    h('section', { class: 'card', id: 'cal-rules', 'aria-labelledby': 'cal-rules-h' },
      h('h2', { id: 'cal-rules-h' }, t('cal.rules')),
      cal.rules.length
        ? h('ul', {}, cal.descriptions.map((d) => h('li', {}, describe(d), ' ', h('code', { class: 'muted' }, d.rule))))
        : h('p', { id: 'cal-none' }, t('cal.none'))),
    (cal.warnings || []).length
      ? h('section', { class: 'card notice', id: 'cal-warnings', role: 'alert', 'aria-labelledby': 'cal-warnings-h' },
        h('h2', { id: 'cal-warnings-h' }, t('cal.warnings')),
        h('p', { class: 'muted' }, t('cal.warningsHint')),
        h('ul', {}, cal.warnings.map((w) => h('li', {}, w.message))))
      : null,
    years.length > 1 ? h('div', { class: 'field cal-year' }, h('label', { for: 'cal-year' }, t('cal.year')), yearSel) : null,
    cal.periods.length ? periodsTable(cal.periods, year) : null,
    requestsSection(plan, reqs, units, canEdit, async (res) => {
      await render(main, ctx);
      const s = document.getElementById('req-status');
      if (s) { s.textContent = t('req.opened', { c: res.codes.join(', ') }); s.scrollIntoView({ block: 'center' }); }
    }, async (msg) => {
      await render(main, ctx);
      const s = document.getElementById('req-status') || document.getElementById('req-h');
      if (s) { if (s.id === 'req-status') s.textContent = msg; s.scrollIntoView({ block: 'center' }); }
    }),
    canEdit ? editForm(plan, cal, async (res) => {
      await render(main, ctx);
      const s = document.getElementById('cal-status');
      if (s) s.textContent = t('cal.saved', { n: res.periods.length });
    }) : null);
}
