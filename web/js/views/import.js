// views/import.js — import a plan from its document: choose the file, see
// the extracted plan (POST /api/v1/imports/preview) with how every unit
// name would be matched — to a known unit, the commune itself, or flagged:
// a new unit, or a collective name for the coordinator to resolve — and the
// reporting calendar the document states (its rules in words, the sentence
// each came from) in a box the coordinator may change or empty; correct
// what the extractor got wrong: a name flagged new may be said to be an
// existing unit of the commune (sent as `units`; the spelling becomes the
// unit's alias), an indicator's or task's name and an indicator's target
// words per year are edited in place, and a row that is no indicator or
// task (a heading) is left out — the corrected plan is sent as `plan`,
// retyped targets as words that the server reads as import reads a cell
// (app_import_plan_json); then confirm (POST /api/v1/imports) and see how
// names were matched and which calendar was set, or that none was, with a
// link to the calendar screen. An error naming a field is shown beside it.
// Issue 13 §6: a plan of another commune stops the preview at once, with a
// banner saying whose plan it is (the preview's "refused"); province bodies
// (Sở KH&CN, Công an tỉnh …) are listed apart from the commune's units;
// the result lets each new unit's abbreviation be expanded into its full
// name (views/units.js) and offers "Tạo tài khoản cho N đơn vị mới →".
// A row's kind may be changed, its lead and supporting units and due date
// retyped, a target added for a year the document does not give, and rows
// added (fixRow, planFixer): issue 11's safety net, so that no plan needs
// hand-written JSON. Each row shows how sure the extractor is and why (x.confidence), and the
// table columns read (x.columns) may be given another role: the document is
// then read again with those roles (`roles`, sent on confirming too).
import { api, get } from '../api.js';
import { h, mount } from '../dom.js';
import { t, fmtDate, addMessages } from '../i18n.js';
import { indicatorTable, taskTable, baselineText } from './plan.js';
import { describe } from './calendar.js';
import { unitRow, accountsFor, accountsTable } from './units.js';
import { flash } from '../flash.js';

addMessages({
  vi: {
    'import.refused': 'Đây là kế hoạch của {c}, không phải của xã bạn phụ trách: bạn không nhập được kế hoạch này.',
    'import.refusedNoName': 'Kế hoạch trong tài liệu là của một xã ngoài phạm vi của bạn: bạn không nhập được.',
    'import.refusedNext': 'Chỉ điều phối viên của xã đó (hoặc quản trị) nhập được. Chọn tệp kế hoạch của xã bạn:',
    'import.communeUnits': 'Đơn vị của xã', 'import.provinceBodies': 'Cơ quan cấp tỉnh (Sở, Công an tỉnh …)',
    'import.provinceHint': 'Các cơ quan cấp tỉnh được ghi riêng, không thành đơn vị báo cáo của xã.',
    'import.newUnits': 'Đơn vị mới ({n})',
    'import.newUnitsHint': 'Tên viết tắt trong văn bản (ví dụ «Phòng VH-XH») có thể sửa thành tên đầy đủ; cách viết cũ vẫn được nhận ở lần nhập sau.',
    'import.manageUnits': 'Quản lý đơn vị của xã →',
  },
  en: {
    'import.refused': 'This is the plan of {c}, not of your commune: you cannot import it.',
    'import.refusedNoName': 'The document\'s plan is of a commune outside your scope: you cannot import it.',
    'import.refusedNext': 'Only that commune\'s coordinator (or an admin) can. Choose your commune\'s plan:',
    'import.communeUnits': 'The commune\'s units', 'import.provinceBodies': 'Province bodies (departments, provincial police …)',
    'import.provinceHint': 'Province bodies are kept apart: they do not become reporting units of the commune.',
    'import.newUnits': 'New units ({n})',
    'import.newUnitsHint': 'An abbreviation in the document (say «Phòng VH-XH») may be expanded into the full name; the old spelling still matches next time.',
    'import.manageUnits': 'Manage the commune\'s units →',
  },
});

addMessages({
  vi: {
    'import.cal': 'Lịch báo cáo',
    'import.cal.found': 'Chế độ báo cáo tìm thấy trong văn bản (sẽ được đặt cho kế hoạch khi xác nhận):',
    'import.cal.source': 'Câu trong văn bản',
    'import.cal.notfound': 'Văn bản không nêu chế độ báo cáo định kỳ: lịch báo cáo sẽ chưa được đặt. Bạn có thể nhập quy tắc dưới đây, hoặc điều phối viên đặt sau trên màn hình Lịch báo cáo.',
    'import.cal.unread': 'dti chưa hiểu được các câu về báo cáo dưới đây nên chưa đặt lịch báo cáo: hãy đọc và nhập quy tắc tương ứng ở ô dưới.',
    'import.cal.rules': 'Quy tắc lịch báo cáo (mỗi dòng một quy tắc; để trống: không đặt lịch)',
    'import.cal.hint': 'Ví dụ: month:unit=15@last,commune=20@last (hằng tháng, số liệu chốt từ ngày 15 tháng trước đến ngày 14: đơn vị nộp chậm nhất ngày 15, xã ngày 20; thêm cutoff=none nếu kế hoạch báo cáo theo tháng dương lịch). Cú pháp: xem màn hình Lịch báo cáo.',
    'import.cal.set': 'Đã đặt lịch báo cáo ({n} kỳ):', 'import.cal.unset': 'Chưa đặt lịch báo cáo: chưa có kỳ nào để báo cáo.',
    'import.cal.link': 'Xem lịch báo cáo', 'import.cal.setLink': 'Đặt lịch báo cáo',
    'import.how.chosen': 'Đơn vị đã có (đã chọn)', 'import.choice': 'Xử lý',
    'import.choice.label': 'Tên «{name}» là',
    'import.choice.new': 'Giữ là đơn vị mới', 'import.choice.known': 'Là đơn vị đã có:',
    'import.choice.hint': 'Tên không khớp có thể là tên viết tắt hoặc viết sai của một đơn vị đã có: hãy chọn đơn vị đó để không tạo đơn vị trùng; cách viết này sẽ được ghi nhớ cho các lần nhập sau.',
    'import.choice.none': 'Xã chưa có đơn vị nào để chọn: tên này sẽ thành đơn vị mới.',
    'import.fix': 'Sửa trước khi nhập',
    'import.fix.hint': 'Sửa tên, loại dòng (chỉ tiêu hay nhiệm vụ), mục tiêu theo năm (viết như trong văn bản, ví dụ «Đạt tối thiểu 70%»; để trống để bỏ mục tiêu năm đó; thêm mục tiêu cho một năm khác, ví dụ năm 2026 khi kế hoạch chỉ ghi mục tiêu năm 2030), đơn vị chủ trì, phối hợp (cách nhau bởi dấu ;) và thời hạn; bỏ dòng không phải chỉ tiêu, nhiệm vụ (ví dụ một dòng tiêu đề) hoặc thêm dòng bị sót.',
    'import.fix.name': 'Tên {kind} {code}', 'import.fix.target': 'Năm {year}',
    'import.fix.drop': 'Bỏ dòng', 'import.fix.kind.indicator': 'chỉ tiêu', 'import.fix.kind.task': 'nhiệm vụ',
    'import.fix.emptyName': 'Tên không được để trống.', 'import.fix.changed': 'Đã sửa {n} chỗ, bỏ {m} dòng.',
    'import.fix.kindOf': 'Loại của dòng {code}', 'import.fix.lead': 'Chủ trì', 'import.fix.support': 'Phối hợp',
    'import.fix.leadOf': 'Đơn vị chủ trì của dòng {code} (cách nhau bởi dấu ;)', 'import.fix.supportOf': 'Đơn vị phối hợp của dòng {code} (cách nhau bởi dấu ;)',
    'import.fix.dueOf': 'Thời hạn của dòng {code} (ví dụ «Quý II/2026», «Tháng 12/2026», «Hằng năm»)',
    'import.fix.newYear': 'Năm', 'import.fix.newYearOf': 'Năm của mục tiêu thêm cho dòng {code}',
    'import.fix.newTargetOf': 'Mục tiêu thêm cho dòng {code} (ví dụ «Đạt tối thiểu 70%»)',
    'import.fix.badYear': 'Năm phải là một năm có bốn chữ số (ví dụ 2026).', 'import.fix.noTargetText': 'Hãy ghi mục tiêu của năm thêm.',
    'import.fix.add.indicator': 'Thêm chỉ tiêu', 'import.fix.add.task': 'Thêm nhiệm vụ',
    'import.fix.codeOf': 'Mã của dòng thêm', 'import.fix.emptyCode': 'Hãy ghi mã (số thứ tự) của dòng thêm.',
    'import.conf': 'Độ tin cậy', 'import.conf.high': 'Cao', 'import.conf.medium': 'Vừa', 'import.conf.low': 'Thấp',
    'import.conf.count': '{low} dòng độ tin cậy thấp, {medium} dòng vừa: hãy kiểm tra các dòng này trước khi nhập.',
    'import.why.name_cut': 'tên có vẻ bị cắt (bắt đầu bằng chữ thường hoặc kết thúc bằng «và», «của», «-»…)',
    'import.why.no_target': 'chỉ tiêu không có mục tiêu', 'import.why.no_year': 'mục tiêu không rõ năm',
    'import.why.target_words': 'mục tiêu chỉ đọc được thành chữ, không có con số',
    'import.why.prose': 'lấy từ một câu văn, không phải một dòng của bảng',
    'import.why.name_short': 'tên quá ngắn', 'import.why.name_long': 'tên quá dài (có thể lẫn chữ của dòng khác)',
    'import.why.no_lead': 'không có đơn vị chủ trì', 'import.why.no_due': 'không có thời hạn',
    'import.cols': 'Vai trò các cột của bảng',
    'import.cols.hint': 'dti đọc mỗi cột theo tiêu đề của nó. Nếu một cột bị đọc sai (ví dụ cột «Đầu mối» là đơn vị chủ trì), hãy chọn vai trò đúng rồi đọc lại tài liệu.',
    'import.cols.header': 'Tiêu đề cột', 'import.cols.role': 'Vai trò', 'import.cols.rerun': 'Đọc lại với các vai trò này',
    'import.cols.set': 'Đang dùng vai trò cột đã chọn cho {n} cột.',
    'import.role.code': 'Số thứ tự (mã)', 'import.role.name': 'Tên chỉ tiêu / nhiệm vụ', 'import.role.target': 'Mục tiêu',
    'import.role.baseline': 'Hiện trạng (đã đạt)', 'import.role.unit': 'Đơn vị tính', 'import.role.lead': 'Đơn vị chủ trì',
    'import.role.support': 'Đơn vị phối hợp', 'import.role.parent_lead': 'Chủ trì cấp tỉnh', 'import.role.lead_support': 'Chủ trì và phối hợp',
    'import.role.due': 'Thời hạn', 'import.role.outputs': 'Sản phẩm', 'import.role.funding': 'Kinh phí', 'import.role.basis': 'Căn cứ',
    'import.role.action': 'Giải pháp', 'import.role.scope': 'Phạm vi', 'import.role.group': 'Nhóm (lĩnh vực)',
    'import.role.note': 'Ghi chú', 'import.role.year': 'Năm (mỗi dòng một năm)', 'import.role.none': 'Không đọc',
  },
  en: {
    'import.cal': 'Reporting calendar',
    'import.cal.found': 'Reporting regime found in the document (set for the plan on confirming):',
    'import.cal.source': 'Sentence in the document',
    'import.cal.notfound': 'The document states no periodic reporting regime: no calendar will be set. You may write rules below, or a coordinator sets it later on the Calendar screen.',
    'import.cal.unread': 'dti did not understand the sentences on reporting below, so no calendar is set yet: read them and write the matching rules in the box below.',
    'import.cal.rules': 'Calendar rules (one per line; empty: set none)',
    'import.cal.hint': 'For example: month:unit=15@last,commune=20@last (monthly, figures closed from the 15th of the month before to the 14th: units by the 15th, the commune by the 20th; add cutoff=none when the plan reports by calendar months). Syntax: see the Calendar screen.',
    'import.cal.set': 'Reporting calendar set ({n} periods):', 'import.cal.unset': 'No reporting calendar set: no period to report on yet.',
    'import.cal.link': 'See the calendar', 'import.cal.setLink': 'Set the calendar',
    'import.how.chosen': 'Existing unit (chosen)', 'import.choice': 'Decision',
    'import.choice.label': 'The name «{name}» is',
    'import.choice.new': 'Keep as a new unit', 'import.choice.known': 'An existing unit:',
    'import.choice.hint': 'A name matching no unit may be an abbreviation or a misspelling of an existing unit: choose that unit so that no duplicate is made; this spelling is remembered for later imports.',
    'import.choice.none': 'The commune has no unit to choose yet: this name becomes a new unit.',
    'import.fix': 'Correct before importing',
    'import.fix.hint': 'Correct names, a row\'s kind (indicator or task), yearly targets (in the document\'s words, for example «Đạt tối thiểu 70%»; empty removes that year\'s target; add a target for another year, 2026 when the plan gives only 2030\'s, say), lead and supporting units (separated by ;) and due dates; leave out a row that is no indicator or task (a heading row, for example) or add a row that was missed.',
    'import.fix.name': 'Name of {kind} {code}', 'import.fix.target': 'Year {year}',
    'import.fix.drop': 'Leave out', 'import.fix.kind.indicator': 'indicator', 'import.fix.kind.task': 'task',
    'import.fix.emptyName': 'The name must not be empty.', 'import.fix.changed': 'Corrected {n} places, left out {m} rows.',
    'import.fix.kindOf': 'Kind of row {code}', 'import.fix.lead': 'Lead', 'import.fix.support': 'Support',
    'import.fix.leadOf': 'Lead units of row {code} (separated by ;)', 'import.fix.supportOf': 'Supporting units of row {code} (separated by ;)',
    'import.fix.dueOf': 'Due date of row {code} (for example «Quý II/2026», «Tháng 12/2026», «Hằng năm»)',
    'import.fix.newYear': 'Year', 'import.fix.newYearOf': 'Year of the target added to row {code}',
    'import.fix.newTargetOf': 'Target added to row {code} (for example «Đạt tối thiểu 70%»)',
    'import.fix.badYear': 'The year must have four digits (2026, say).', 'import.fix.noTargetText': 'Write the target of the year added.',
    'import.fix.add.indicator': 'Add an indicator', 'import.fix.add.task': 'Add a task',
    'import.fix.codeOf': 'Code of the row added', 'import.fix.emptyCode': 'Write the code (number) of the row added.',
    'import.conf': 'Confidence', 'import.conf.high': 'High', 'import.conf.medium': 'Medium', 'import.conf.low': 'Low',
    'import.conf.count': '{low} rows of low confidence, {medium} of medium: check them before importing.',
    'import.why.name_cut': 'the name looks cut (starts in lower case or ends on «và», «của», «-»…)',
    'import.why.no_target': 'an indicator with no target', 'import.why.no_year': 'a target with no year',
    'import.why.target_words': 'a target read as words, with no number',
    'import.why.prose': 'taken from a sentence, not a table row',
    'import.why.name_short': 'a very short name', 'import.why.name_long': 'a very long name (it may hold another row\'s text)',
    'import.why.no_lead': 'no lead unit', 'import.why.no_due': 'no due date',
    'import.cols': 'Roles of the table columns',
    'import.cols.hint': 'dti reads each column by its header. If a column was read wrongly (a column «Đầu mối» that is the lead, say), choose its role and read the document again.',
    'import.cols.header': 'Column header', 'import.cols.role': 'Role', 'import.cols.rerun': 'Read again with these roles',
    'import.cols.set': 'Using the column roles chosen for {n} columns.',
    'import.role.code': 'Number (code)', 'import.role.name': 'Name of the indicator / task', 'import.role.target': 'Target',
    'import.role.baseline': 'Baseline (reached)', 'import.role.unit': 'Unit of measure', 'import.role.lead': 'Lead unit',
    'import.role.support': 'Supporting units', 'import.role.parent_lead': 'Province-level lead', 'import.role.lead_support': 'Lead and support',
    'import.role.due': 'Due', 'import.role.outputs': 'Outputs', 'import.role.funding': 'Funding', 'import.role.basis': 'Basis',
    'import.role.action': 'Action', 'import.role.scope': 'Scope', 'import.role.group': 'Group (field)',
    'import.role.note': 'Note', 'import.role.year': 'Year (one row per year)', 'import.role.none': 'Not read',
  },
});

function form(onfile) {
  const input = h('input', { type: 'file', id: 'import-file', name: 'file', required: true,
    accept: '.docx,.xlsx,.pdf,.md,.txt,.tsv' });
  const err = h('p', { class: 'error', role: 'alert', id: 'import-error' });
  const button = h('button', { type: 'submit', class: 'primary' }, t('import.preview'));
  const f = h('form', { class: 'card', id: 'import-form' },
    h('div', { class: 'field' }, h('label', { for: 'import-file' }, t('import.file')), input,
      h('small', { class: 'muted' }, t('import.formats'))),
    err, button);
  f.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.textContent = '';
    if (!input.files.length) { err.textContent = t('import.choose'); input.focus(); return; }
    button.disabled = true;
    try { await onfile(input.files[0]); } catch (e) { err.textContent = e.message; } finally { button.disabled = false; }
  });
  return f;
}

// POST FILE to PATH; CALENDAR (a string of rules, possibly empty) is sent
// only when not undefined: absent, the server sets the detected calendar.
// PLAN (dti.plan/1, an object) and UNITS ({name: org id}) likewise.
// ROLES ({column header: role}) are the column roles the coordinator set.
function upload(path, file, calendar, plan, units, roles) {
  const fd = new FormData();
  fd.append('file', file, file.name);
  if (roles && Object.keys(roles).length) fd.append('roles', JSON.stringify(roles));
  if (calendar !== undefined) fd.append('calendar', calendar);
  if (plan !== undefined) fd.append('plan', JSON.stringify(plan));
  if (units !== undefined) fd.append('units', JSON.stringify(units));
  return api('POST', path, fd);
}

// The calendar the import set (or not), with the way to the calendar screen.
function calendarResult(res) {
  const c = res.calendar;
  if (res.existed || !c) return null;
  const link = h('a', { href: '#/calendar/' + res.plan_id, id: 'import-calendar-link' }, c.set ? t('import.cal.link') : t('import.cal.setLink'));
  return h('section', { class: 'card', id: 'import-calendar-result', 'aria-labelledby': 'import-cal-h' },
    h('h2', { id: 'import-cal-h' }, t('import.cal')),
    c.set
      ? [h('p', {}, t('import.cal.set', { n: c.periods })), h('ul', {}, c.descriptions.map((d) => h('li', {}, describe(d))))]
      : h('p', {}, t('import.cal.unset')),
    h('p', {}, link));
}

// The calendar box of the preview; returns [element, () => value to send].
function calendarBox(cal) {
  const rules = cal ? cal.rules : [];
  const initial = rules.join('\n');
  const box = h('textarea', { id: 'import-calendar', name: 'calendar', rows: Math.max(2, rules.length + 1),
    spellcheck: 'false', autocomplete: 'off', 'aria-describedby': 'import-calendar-hint import-calendar-error' }, initial);
  const error = h('p', { class: 'error', role: 'alert', id: 'import-calendar-error' });
  const el = h('section', { class: 'card', id: 'import-calendar-preview', 'aria-labelledby': 'import-cal-h' },
    h('h2', { id: 'import-cal-h' }, t('import.cal')),
    rules.length
      ? [h('p', {}, t('import.cal.found')),
        h('ul', { id: 'import-calendar-found' }, cal.descriptions.map((d, i) => h('li', {},
          h('strong', {}, describe(d)), ' ', h('code', { class: 'muted' }, d.rule),
          cal.sources[i] && (i === 0 || cal.sources[i] !== cal.sources[i - 1])
            ? h('blockquote', { class: 'cal-source', 'aria-label': t('import.cal.source') },
              cal.sources[i].split('\n').map((s) => h('p', {}, '«', s, '»')))
            : null)))]
      : cal.unread && cal.unread.length
        // never "none" over sentences on reporting that were not understood: quote them
        ? h('div', { id: 'import-calendar-unread' }, h('p', {}, t('import.cal.unread')),
          h('blockquote', { class: 'cal-source', 'aria-label': t('import.cal.source') },
            cal.unread.map((s) => h('p', {}, '«', s, '»'))))
        : h('p', { id: 'import-calendar-none' }, t('import.cal.notfound')),
    h('div', { class: 'field' }, h('label', { for: 'import-calendar' }, t('import.cal.rules')), box,
      h('small', { class: 'muted', id: 'import-calendar-hint' }, t('import.cal.hint')), error));
  // unchanged: not sent, the server sets what it detects itself
  return { el, box, error, value: () => (box.value.trim() === initial.trim() ? undefined : box.value.trim()) };
}

// How every unit name of the plan is (or would be) matched: a known unit,
// the commune itself, or — flagged — a name matching none, which becomes a
// new unit. CHOICE (match → element or null), when given, adds the column
// where a name flagged new may be said to be an existing unit.
function unitsTables(matches, choice) {
  const own = matches.filter((m) => !m.province_level), prov = matches.filter((m) => m.province_level);
  return [own.length ? [h('h3', { id: 'import-own-title' }, t('import.communeUnits')), unitsTable(own, choice)] : null,
    prov.length ? [h('h3', { id: 'import-province-title' }, t('import.provinceBodies')),
      h('p', { class: 'muted' }, t('import.provinceHint')), unitsTable(prov, null, 'import-province')] : null];
}

function unitsTable(matches, choice, tableId = 'import-matches') {
  const how = { new: t('import.how.new'), matched: t('import.how.matched'), self: t('import.how.self'),
    none: t('import.how.none'), chosen: t('import.how.chosen') };
  const cols = [t('import.name'), t('import.org'), t('import.how')];
  if (choice) cols.push(t('import.choice'));
  // explicit roles: the table stays a table when stacked at narrow widths
  const td = (...c) => h('td', { role: 'cell' }, ...c);
  return h('div', { class: 'table-wrap' }, h('table', { id: tableId, role: 'table' },
    h('caption', { class: 'muted' }, t('import.unitsHint')),
    h('thead', { role: 'rowgroup' }, h('tr', { role: 'row' }, cols.map((x) => h('th', { scope: 'col', role: 'columnheader' }, x)))),
    h('tbody', { role: 'rowgroup' }, matches.map((m) => h('tr', { 'data-how': m.how, role: 'row' },
      td(m.name), td(m.org_name || '—'),
      td(h('span', { class: 'status ' + (m.how === 'new' ? 'risk' : m.how === 'none' ? 'nodata' : 'met') }, how[m.how] || m.how)),
      choice ? td(choice(m)) : null)))));
}

// The choices for the names flagged new: for each, a labelled select —
// keep as a new unit (default) or one of UNITS (the commune's units in
// force). value(plan) gives {name: org id} for the names still in PLAN.
function unitChoices(units) {
  const selects = new Map();
  let n = 0;
  const choice = (m) => {
    if (m.how !== 'new' || m.province_level) return null;
    if (!units.length) return h('small', { class: 'muted' }, t('import.choice.none'));
    const id = 'import-unit-' + n++;
    const sel = h('select', { id, class: 'import-unit', 'data-name': m.name, 'aria-describedby': 'import-units-hint' },
      h('option', { value: '' }, t('import.choice.new')),
      h('optgroup', { label: t('import.choice.known') }, units.map((u) => h('option', { value: String(u.id) }, u.name))));
    selects.set(m.name, sel);
    return h('div', { class: 'field import-choice' }, h('label', { for: id }, t('import.choice.label', { name: m.name })), sel);
  };
  const error = h('p', { class: 'error', role: 'alert', id: 'import-units-error' });
  const value = (plan) => {
    const used = new Set();
    for (const x of [...plan.indicators, ...plan.tasks]) for (const nm of [...(x.lead || []), ...(x.support || [])]) used.add(nm);
    const out = {};
    for (const [name, sel] of selects) if (sel.value && used.has(name)) out[name] = Number(sel.value);
    return Object.keys(out).length ? out : undefined;
  };
  // the message names the name: its select is marked
  const show = (msg) => {
    error.textContent = msg;
    for (const [name, sel] of selects) {
      if (msg.includes(`"${name}"`)) {
        sel.setAttribute('aria-invalid', 'true');
        sel.setAttribute('aria-describedby', 'import-units-error');
        sel.focus();
      }
    }
  };
  const clear = () => {
    error.textContent = '';
    for (const sel of selects.values()) { sel.removeAttribute('aria-invalid'); sel.setAttribute('aria-describedby', 'import-units-hint'); }
  };
  return { choice, value, show, clear, error, hint: h('p', { class: 'muted', id: 'import-units-hint' }, t('import.choice.hint')) };
}

// Unit names as one line ("A; B") and back: names hold commas and dashes
// ("Phòng Văn hóa - Xã hội"), never a semicolon.
const listText = (v) => (v || []).join('; ');
const listOf = (s) => s.split(';').map((x) => x.trim()).filter(Boolean);

// One editable row of the preview: X an indicator or task of the plan,
// KIND 'indicator' or 'task' (the table it is shown in), I its index; NEW
// for a row the coordinator adds (its code is typed in). The row's kind may
// be changed (an indicator becomes a task: its targets are left out; a task
// becomes an indicator with no target, set on the plan screen after the
// import), its lead and supporting units and due date retyped (the due date
// in words, read by the server as import reads a cell), and, for an
// indicator, a target added for a year the document does not give.
function fixRow(kind, x, i, isNew = false) {
  const base = `import-${kind}-${isNew ? 'new-' : ''}${i}`;
  const code = x.code || '';
  const err = h('small', { class: 'error', role: 'alert', id: base + '-error' });
  const codeIn = isNew ? h('input', { type: 'text', id: base + '-code', class: 'fix-code', size: 5,
    'aria-label': t('import.fix.codeOf'), 'aria-describedby': base + '-error' }) : null;
  // a text area: names are long, and wrap
  const name = h('textarea', { id: base + '-name', class: 'fix-name', rows: Math.min(4, Math.max(2, Math.ceil((x.name || '').length / 32))), spellcheck: 'false',
    'aria-label': t('import.fix.name', { kind: t('import.fix.kind.' + kind), code }), 'aria-describedby': base + '-error' },
  x.name || '');
  const kindSel = h('select', { id: base + '-kind', class: 'fix-kind', 'aria-label': t('import.fix.kindOf', { code }) },
    ['indicator', 'task'].map((k) => h('option', { value: k, selected: k === kind }, t('import.fix.kind.' + k))));
  const targets = (kind === 'indicator' ? x.targets || [] : []).map((tg, k) => {
    const id = `${base}-t${k}`;
    const input = h('input', { type: 'text', id, class: 'fix-target', value: tg.text || '', 'data-year': tg.year,
      'aria-describedby': base + '-error' });
    return { tg, input, el: h('div', { class: 'fix-target-row' }, h('label', { for: id }, t('import.fix.target', { year: tg.year })), input) };
  });
  // a target for a year the document does not give (a 2026 target of a plan stating 2030's only)
  const newYear = kind === 'indicator' ? h('input', { type: 'text', inputmode: 'numeric', id: base + '-ny', class: 'fix-new-year',
    size: 4, maxlength: 4, 'aria-label': t('import.fix.newYearOf', { code }), 'aria-describedby': base + '-error', placeholder: t('import.fix.newYear') }) : null;
  const newText = kind === 'indicator' ? h('input', { type: 'text', id: base + '-nt', class: 'fix-new-target',
    'aria-label': t('import.fix.newTargetOf', { code }), 'aria-describedby': base + '-error' }) : null;
  const lead = h('input', { type: 'text', id: base + '-lead', class: 'fix-units', value: listText(x.lead),
    'aria-label': t('import.fix.leadOf', { code }), 'aria-describedby': base + '-error' });
  const support = h('input', { type: 'text', id: base + '-support', class: 'fix-units', value: listText(x.support),
    'aria-label': t('import.fix.supportOf', { code }), 'aria-describedby': base + '-error' });
  const dueWas = x.due_text || x.due || '';
  const due = h('input', { type: 'text', id: base + '-due', class: 'fix-due', value: dueWas,
    'aria-label': t('import.fix.dueOf', { code }), 'aria-describedby': base + '-error' });
  const inputs = [codeIn, name, kindSel, ...targets.map((r) => r.input), newYear, newText, lead, support, due].filter(Boolean);
  const drop = h('input', { type: 'checkbox', id: base + '-drop', class: 'fix-drop' });
  const conf = (x.x && x.x.confidence) || null;
  const el = h('tr', { role: 'row', id: base, class: conf ? 'conf-' + conf.level : (isNew ? 'fix-new' : null) },
    h('td', { role: 'cell' }, isNew ? codeIn : code || '—', h('div', { class: 'fix-kind-wrap' }, kindSel)),
    h('td', { role: 'cell', class: 'fix-conf' }, conf ? [
      h('span', { class: 'conf conf-' + conf.level, id: base + '-conf' }, t('import.conf.' + conf.level)),
      conf.why.length ? h('ul', { class: 'conf-why' }, conf.why.map((w) => h('li', {}, t('import.why.' + w)))) : null] : '—'),
    h('td', { role: 'cell' }, name, err),
    kind === 'indicator' ? h('td', { role: 'cell' },
      x.x?.baseline ? h('p', { class: 'fix-baseline muted', id: base + '-baseline' }, baselineText(x.x.baseline)) : null,
      targets.map((r) => r.el),
      h('div', { class: 'fix-target-row fix-target-new' }, newYear, newText)) : null,
    h('td', { role: 'cell', class: 'fix-units-cell' },
      h('label', { class: 'fix-units-label', for: base + '-lead' }, t('import.fix.lead')), lead,
      h('label', { class: 'fix-units-label', for: base + '-support' }, t('import.fix.support')), support),
    h('td', { role: 'cell' }, due),
    h('td', { role: 'cell' }, h('div', { class: 'fix-drop-wrap' }, drop,
      h('label', { for: base + '-drop' }, t('import.fix.drop'), ' ', code))));
  el.addEventListener('input', () => clear());
  drop.addEventListener('change', () => {
    el.classList.toggle('dropped', drop.checked);
    for (const input of inputs) input.disabled = drop.checked;
  });
  let sentTargets = [];     // the inputs of the targets sent, in order (for errors)
  const ny = () => (newYear && (newYear.value.trim() || newText.value.trim()) ? newYear.value.trim() : null);
  // the item as corrected, or null when left out; in the kind chosen
  const value = () => {
    if (drop.checked) return null;
    const y = { ...x, name: name.value.trim() };
    if (isNew) y.code = codeIn.value.trim();
    if (lead.value.trim() !== listText(x.lead)) y.lead = listOf(lead.value);
    if (support.value.trim() !== listText(x.support)) y.support = listOf(support.value);
    if (due.value.trim() !== dueWas) {           // retyped: words the server reads (no "due": read from them)
      delete y.due;
      y.due_text = due.value.trim() || null;
      if (!y.due_text) y.due = null;
    }
    sentTargets = [];
    if (kind === 'indicator') {
      y.targets = [];
      for (const r of targets) {
        const v = r.input.value.trim();
        if (v === (r.tg.text || '').trim()) y.targets.push(r.tg);     // unchanged: as extracted
        else if (v) y.targets.push({ year: r.tg.year, text: v });     // retyped: words the server reads
        else continue;                                                // emptied: that year's target left out
        sentTargets.push(r.input);
      }
      if (ny() !== null) {
        y.targets.push({ year: Number(newYear.value.trim()), text: newText.value.trim() });
        sentTargets.push(newText);
      }
    }
    if (kindSel.value !== kind) {                  // moved to the other list
      delete y.x;
      if (kindSel.value === 'task') {
        for (const k of ['targets', 'basis', 'action']) delete y[k];
        y.outputs = y.outputs || [];
        y.funding = y.funding ?? null;
      } else {
        for (const k of ['outputs', 'funding']) delete y[k];
        y.targets = [];
        y.basis = y.basis ?? null;
      }
    }
    return y;
  };
  const changes = () => (drop.checked ? 0 : (isNew ? 1 : 0) + (name.value.trim() !== (x.name || '') ? 1 : 0) +
    targets.filter((r) => r.input.value.trim() !== (r.tg.text || '').trim()).length +
    (kindSel.value !== kind ? 1 : 0) + (ny() !== null ? 1 : 0) + (due.value.trim() !== dueWas ? 1 : 0) +
    (lead.value.trim() !== listText(x.lead) ? 1 : 0) + (support.value.trim() !== listText(x.support) ? 1 : 0));
  const clear = () => { err.textContent = ''; for (const input of inputs) input.removeAttribute('aria-invalid'); };
  // REST: what follows "indicators[i]." in the field ("name", "targets[1].text", …)
  const show = (rest, msg) => {
    const m = /^targets\[(\d+)\]/.exec(rest || '');
    const byField = { code: codeIn, lead, support, due, due_text: due, year: newYear };
    const input = (m && sentTargets[Number(m[1])]) || byField[(rest || '').split(/[.[]/)[0]] || name;
    err.textContent = msg;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  };
  // what the browser can tell before sending: a name, a new row's code, a year added
  const check = () => {
    if (drop.checked) return true;
    if (isNew && !codeIn.value.trim()) { show('code', t('import.fix.emptyCode')); return false; }
    if (!name.value.trim()) { show('name', t('import.fix.emptyName')); return false; }
    if (ny() !== null && !/^\d{4}$/.test(ny())) { show('year', t('import.fix.badYear')); return false; }
    if (ny() !== null && !newText.value.trim()) { err.textContent = t('import.fix.noTargetText'); newText.setAttribute('aria-invalid', 'true'); newText.focus(); return false; }
    return true;
  };
  return { el, value, changes, dropped: () => drop.checked, kind: () => kindSel.value, clear, show, check, name };
}

// The editable tables of the preview for plan P.
function planFixer(p) {
  const rows = { indicator: (p.indicators || []).map((x, i) => fixRow('indicator', x, i)),
    task: (p.tasks || []).map((x, i) => fixRow('task', x, i)) };
  const all = () => [...rows.indicator, ...rows.task];
  const head = (kind) => h('thead', { role: 'rowgroup' }, h('tr', { role: 'row' },
    ['plan.code', 'import.conf', 'plan.name', kind === 'indicator' ? 'plan.targets' : null, 'plan.lead', 'plan.due', 'import.fix.drop']
      .filter(Boolean).map((k) => h('th', { scope: 'col', role: 'columnheader' }, t(k)))));
  let added = 0;
  // a table per kind, shown once it has a row; "add" appends an empty row
  // (in the group of the kind's last row) with its code to type in
  const tableOf = (kind, title) => {
    const body = h('tbody', { role: 'rowgroup' }, rows[kind].map((r) => r.el));
    const wrap = h('div', { hidden: !rows[kind].length },
      h('h3', {}, title),
      h('div', { class: 'table-wrap' }, h('table', { class: 'plan-items import-fix', id: `import-fix-${kind}s`, role: 'table' },
        head(kind), body)));
    const add = h('button', { type: 'button', class: 'fix-add', id: `import-add-${kind}` }, t('import.fix.add.' + kind));
    add.addEventListener('click', () => {
      const list = kind === 'indicator' ? p.indicators || [] : p.tasks || [];
      const last = list[list.length - 1];
      const x = kind === 'indicator'
        ? { code: '', group: last ? last.group ?? null : null, name: '', targets: [], lead: [], support: [], due: null, due_text: null, basis: null }
        : { code: '', group: last ? last.group ?? null : null, name: '', lead: [], support: [], outputs: [], due: null, due_text: null, funding: null };
      const r = fixRow(kind, x, added++, true);
      rows[kind].push(r);
      body.append(r.el);
      wrap.hidden = false;
      count();
      r.el.querySelector('input').focus();
    });
    return [wrap, h('p', {}, add)];
  };
  const status = h('p', { class: 'muted', role: 'status', id: 'import-fix-status' });
  const levels = { low: 0, medium: 0 };
  for (const x of [...(p.indicators || []), ...(p.tasks || [])]) {
    const c = x.x && x.x.confidence;
    if (c && c.level in levels) levels[c.level]++;
  }
  const el = h('section', { class: 'card', id: 'import-fix', 'aria-labelledby': 'import-fix-h' },
    h('h2', { id: 'import-fix-h' }, t('import.fix')),
    h('p', { class: 'muted' }, t('import.fix.hint')),
    levels.low || levels.medium ? h('p', { id: 'import-conf-count' }, t('import.conf.count', levels)) : null,
    tableOf('indicator', t('plan.indicators')), tableOf('task', t('plan.tasks')), status);
  function count() {
    const n = all().reduce((a, r) => a + r.changes(), 0);
    const m = all().filter((r) => r.dropped()).length;
    // only when the words change: rewriting the same text on the 'change'
    // a blur fires (a tap on "Xác nhận" straight from a field) made
    // Chromium scroll back to the field between the press and the release
    // at 360 px, so the tap missed the button (seen in importfix.test.mjs)
    const text = n || m ? t('import.fix.changed', { n, m }) : '';
    if (status.textContent !== text) status.textContent = text;
    return n + m;
  }
  el.addEventListener('input', count);
  el.addEventListener('change', count);
  let sent = { indicator: [], task: [] };     // index sent → row
  const plan = () => {
    sent = { indicator: [], task: [] };
    const out = { ...p, indicators: [], tasks: [] };
    for (const r of all()) {
      const v = r.value();
      if (!v) continue;
      const kind = r.kind();
      sent[kind].push(r);
      (kind === 'indicator' ? out.indicators : out.tasks).push(v);
    }
    return out;
  };
  // an error naming a row's field: shown beside it (true), else false
  const show = (field, msg) => {
    const m = /^plan\.(indicators|tasks)\[(\d+)\](?:\.(.*))?$/.exec(field || '');
    const r = m && sent[m[1] === 'indicators' ? 'indicator' : 'task'][Number(m[2])];
    if (!r) return false;
    r.show(m[3], msg);
    return true;
  };
  // told here, before anything is sent: an empty name or code, a bad year
  const check = () => all().every((r) => r.check());
  return { el, plan, changed: () => count() > 0, show, check, clear: () => all().forEach((r) => r.clear()) };
}

const ROLES = ['code', 'name', 'target', 'baseline', 'unit', 'lead', 'support', 'parent_lead', 'lead_support', 'due',
  'outputs', 'funding', 'basis', 'action', 'scope', 'group', 'note', 'year', 'none'];

// The table columns the extractor read (the plan's x.columns), each with a
// choice of role; RERUN(roles) reads the document again with the roles
// changed from what the extractor chose (ROLES: those already set).
function columnRoles(p, roles, rerun) {
  const cols = (p.x && p.x.columns) || [];
  if (!cols.length) return null;
  const selects = cols.map((c, i) => {
    const id = `import-col-${i}`;
    const sel = h('select', { id, 'data-header': c.header, 'data-role': c.role },
      ROLES.map((r) => h('option', { value: r, selected: r === c.role }, t('import.role.' + r))));
    return { c, sel, el: h('tr', { role: 'row' }, h('td', { role: 'cell' }, h('label', { for: id }, c.header)),
      h('td', { role: 'cell' }, sel)) };
  });
  const err = h('p', { class: 'error', role: 'alert', id: 'import-cols-error' });
  const button = h('button', { type: 'button', id: 'import-cols-rerun' }, t('import.cols.rerun'));
  button.addEventListener('click', async () => {
    err.textContent = '';
    const next = { ...roles };
    for (const s of selects) if (s.sel.value !== s.c.role) next[s.c.header] = s.sel.value;
    button.disabled = true;
    try { await rerun(next); } catch (e) { err.textContent = e.message; button.disabled = false; }
  });
  const n = Object.keys(roles).length;
  return h('section', { class: 'card', id: 'import-cols', 'aria-labelledby': 'import-cols-h' },
    h('h2', { id: 'import-cols-h' }, t('import.cols')),
    h('p', { class: 'muted' }, t('import.cols.hint')),
    n ? h('p', { role: 'status', id: 'import-cols-set' }, t('import.cols.set', { n })) : null,
    h('div', { class: 'table-wrap' }, h('table', { role: 'table', id: 'import-cols-table' },
      h('thead', { role: 'rowgroup' }, h('tr', { role: 'row' },
        h('th', { scope: 'col', role: 'columnheader' }, t('import.cols.header')),
        h('th', { scope: 'col', role: 'columnheader' }, t('import.cols.role')))),
      h('tbody', { role: 'rowgroup' }, selects.map((s) => s.el)))),
    err, button);
}

function collectiveList(names) {
  return names.length ? [h('h2', { id: 'import-collective-title' }, t('import.collective')),
    h('ul', { id: 'import-collective', 'aria-labelledby': 'import-collective-title' }, names.map((c) => h('li', {}, c)))] : null;
}

function showResult(main, res) {
  mount(main,
    h('h1', {}, t('import.title')),
    h('p', { role: 'status', id: 'import-done' },
      res.existed ? t('import.existed') : t('import.done'), ' ',
      h('a', { href: '#/plan/' + res.plan_id }, res.title || `#${res.plan_id}`)),
    h('h2', {}, t('import.units')),
    unitsTables(res.matches),
    newUnits(main, res),
    collectiveList(res.collective),
    calendarResult(res),
    res.warnings.length ? [h('h2', {}, t('import.warnings')), h('ul', {}, res.warnings.map((w) => h('li', {}, w)))] : null);
}

// The units of the plan's commune a flagged name may be (GET /orgs, the
// user's scope); none when the commune is not known yet.
async function communeUnits(pv) {
  if (!pv.commune_id || !(pv.matches || []).some((m) => m.how === 'new')) return [];
  try {
    const r = await get('/api/v1/orgs');
    return (r.orgs || []).filter((o) => o.parent_id === pv.commune_id && o.kind === 'unit' && o.live)
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  } catch { return []; }
}

function showPreview(main, file, pv, units, roles = {}) {
  const p = pv.plan;
  const confirm = h('button', { type: 'button', class: 'primary', id: 'import-confirm' }, t('import.confirm'));
  const err = h('p', { class: 'error', role: 'alert', id: 'import-confirm-error' });
  const cal = calendarBox(pv.calendar);
  const choices = unitChoices(units);
  const fixer = pv.existed ? null : planFixer(p);
  confirm.addEventListener('click', async () => {
    err.textContent = '';
    cal.error.textContent = '';
    cal.box.removeAttribute('aria-invalid');
    choices.clear();
    if (fixer) fixer.clear();
    if (fixer && !fixer.check()) return;
    confirm.disabled = true;
    // the corrected plan only when something was corrected: else the
    // server extracts the document itself
    const plan = fixer && fixer.changed() ? fixer.plan() : undefined;
    try {
      showResult(main, await upload('/api/v1/imports', file, cal.value(), plan, choices.value(plan || p), roles));
    } catch (e) {
      confirm.disabled = false;
      if (e.field === 'calendar') {
        cal.error.textContent = e.message;
        cal.box.setAttribute('aria-invalid', 'true');
        cal.box.focus();
      } else if (e.field === 'units') {
        choices.show(e.message);
      } else if (!(fixer && fixer.show(e.field, e.message))) {
        err.textContent = e.message;
      }
    }
  });
  mount(main,
    h('h1', {}, t('import.title')),
    h('section', { class: 'card', id: 'import-preview', 'aria-label': t('import.preview') },
      h('h2', {}, p.title || pv.name),
      h('p', { class: 'muted' }, [p.number, p.issued ? fmtDate(p.issued) : null, p.commune, p.province].filter(Boolean).join(' · ')),
      h('p', {}, t('plan.count', { n: p.indicators.length, m: p.tasks.length })),
      pv.warnings.length ? h('ul', { class: 'error' }, pv.warnings.map((w) => h('li', {}, w))) : null),
    pv.existed ? h('p', { class: 'muted', id: 'import-existed' }, t('import.existed'), ' ',
      h('a', { href: '#/plan/' + pv.plan_id }, `#${pv.plan_id}`)) : null,
    pv.matches ? [h('h2', {}, t('import.units')),
      pv.matches.some((m) => m.how === 'new' && !m.province_level) && units.length ? choices.hint : null,
      unitsTables(pv.matches, pv.existed ? null : choices.choice), choices.error,
      collectiveList(pv.collective || [])] : null,
    cal.el,
    pv.existed ? null : columnRoles(p, roles, async (next) => {
      const again = await upload('/api/v1/imports/preview', file, undefined, undefined, undefined, next);
      showPreview(main, file, again, await communeUnits(again), next);
    }),
    fixer ? fixer.el : [
      p.indicators.length ? [h('h2', {}, t('plan.indicators')), indicatorTable(p.indicators)] : null,
      p.tasks.length ? [h('h2', {}, t('plan.tasks')), taskTable(p.tasks)] : null],
    h('div', { class: 'card' }, err, confirm));
}

// The units the import made (the commune's, not the province's), each
// with its name to expand, and the accounts to create for them.
function newUnits(main, res) {
  const seen = new Set();
  const units = (res.matches || []).filter((m) => m.how === 'new' && !m.province_level && m.org_id && !seen.has(m.org_id) && seen.add(m.org_id))
    .map((m) => ({ id: m.org_id, name: m.org_name || m.name }));
  if (!units.length) return null;
  const go = h('button', { type: 'button', class: 'primary', id: 'import-accounts' }, t('un.accounts', { n: units.length }));
  const out = h('div', { id: 'import-accounts-out' });
  go.addEventListener('click', async () => {
    go.disabled = true;
    const rows = await accountsFor(units);
    mount(out, accountsTable(rows));
    go.hidden = true;
    out.scrollIntoView({ block: 'start' });
  });
  return h('section', { class: 'card', id: 'import-new-units', 'aria-labelledby': 'import-new-units-title' },
    h('h2', { id: 'import-new-units-title' }, t('import.newUnits', { n: units.length })),
    h('p', { class: 'muted' }, t('import.newUnitsHint')),
    h('ul', { class: 'cards' }, units.map((u) => h('li', {}, unitRow(u, (a, b) => flash(main, t('un.renamed', { a, b })))))),
    h('p', {}, go, ' ', h('a', { href: '#/units', id: 'import-units-link' }, t('import.manageUnits'))),
    out);
}

// Another commune's plan: said at once, whose it is, and nothing else to work through.
function showRefused(main, pv) {
  const c = pv.refused.commune || pv.plan?.commune;
  mount(main, h('h1', {}, t('import.title')),
    h('div', { class: 'card warn', id: 'import-refused', role: 'alert' },
      h('p', {}, h('strong', {}, c ? t('import.refused', { c: /^(xã|phường|thị trấn)\s/i.test(c) ? c : `xã ${c}` }) : t('import.refusedNoName'))),
      h('p', { class: 'muted' }, [pv.plan?.title, pv.plan?.number, pv.plan?.province].filter(Boolean).join(' · ')),
      h('p', {}, t('import.refusedNext'))),
    form(async (file) => {
      const next = await upload('/api/v1/imports/preview', file);
      if (next.refused) showRefused(main, next);
      else showPreview(main, file, next, await communeUnits(next));
    }));
}

export async function render(main) {
  mount(main, h('h1', {}, t('import.title')), h('p', { class: 'muted' }, t('import.empty')),
    form(async (file) => {
      const pv = await upload('/api/v1/imports/preview', file);
      if (pv.refused) { showRefused(main, pv); return; }
      showPreview(main, file, pv, await communeUnits(pv));
    }));
}
