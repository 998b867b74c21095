// views/mywork.js — My work (issue 4 §2), for a reporter.
//   #/my-work                      the reports the user's unit owes, from the
//                                  server (GET /plans/:id/assignments/:org,
//                                  app/duty.h): the open periods of every kind
//                                  (month, quarter, half-year, year) and
//                                  earlier ones not yet approved, each with
//                                  its deadline counted down
//   #/my-work/PLAN/ORG/PERIOD      the form: one fieldset per item the unit is
//                                  assigned in that period (by org id): for an
//                                  indicator it leads, numerator/denominator
//                                  with the percent computed live for a rate,
//                                  else the figure; met yes/no for a text
//                                  target; for one it supports, a note; task
//                                  progress; evidence; the three texts. Save
//                                  draft (PUT as CSV, docs/reports.md) and
//                                  Submit. A server error is shown beside the
//                                  field it names.
// The previous period of the same kind (2026-Q3 before 2026-Q4) is shown
// beside each field as a reminder, never carried into the new report.
// Numbers are read the Vietnamese way by ../num.js (the server's parser,
// base/num.h): "2.100" is two thousand one hundred, "2,5" two and a half;
// what was understood is shown beside each number field as it is typed,
// and what is ambiguous or out of range for the field (a count, a rate, a
// level 0..1) is refused before saving, with the reason.
// Issue 13: a returned report comes first ("Bị trả lại 07/12 — cần sửa",
// the reason on the card) with the new deadline the server gives it
// (return_due: the plan's working days from the return), not as overdue; a
// submitted report can be withdrawn to fix it before review; several
// evidence files go in one upload. A rate's numerator and denominator are
// labelled by what they count (rateParts, from the indicator's name) and
// checked together as they are typed, the message in words on the field
// typed ("Tử số (50) lớn hơn mẫu số (20): …"); the server's messages about
// the form's CSV name the indicator, not the CSV line (showError).
import { api, get, ApiError } from '../api.js';
import { h, mount } from '../dom.js';
import { t, fmtNum, fmtDate, addMessages } from '../i18n.js';
import { filePicker } from '../filepick.js';
import { value } from '../fmt.js';
import { flash } from '../flash.js';
import { previousPeriod, periodLabel, countdownDays, countdownClass, reportPath } from '../periods.js';
import { read as readNum, format as fmtN } from '../num.js';
import { fmtDateTime } from '../dates.js';

addMessages({
  vi: {
    'mywork.returnedOn': 'Bị trả lại {d} — cần sửa', 'mywork.returnDue': 'Hạn nộp lại:',
    'mywork.reason': 'Lý do:', 'mywork.withdraw': 'Rút lại để sửa',
    'mywork.withdrawHint': 'Báo cáo chưa được thẩm định: có thể rút lại về bản nháp để sửa rồi nộp lại.',
    'mywork.withdrawn': 'Đã rút lại: báo cáo trở về bản nháp. Sửa xong hãy nộp lại.',
    'mywork.evidenceManyHint': 'Chọn được nhiều tệp: PDF, PNG, JPEG, Word, Excel, PowerPoint; tối đa 20 MB mỗi tệp. Gửi cùng lúc lưu; một tệp không hợp lệ thì không tệp nào được lưu.',
  },
  en: {
    'mywork.returnedOn': 'Returned {d} — to be corrected', 'mywork.returnDue': 'Resubmit by:',
    'mywork.reason': 'Reason:', 'mywork.withdraw': 'Withdraw to correct',
    'mywork.withdrawHint': 'Not reviewed yet: you can take the report back to draft, correct it and submit it again.',
    'mywork.withdrawn': 'Withdrawn: the report is a draft again. Submit it once corrected.',
    'mywork.evidenceManyHint': 'Several files may be chosen: PDF, PNG, JPEG, Word, Excel, PowerPoint; 20 MB at most each. Sent on save; one invalid file stores none.',
  },
});

const TASK_STATUSES = ['chưa triển khai', 'đang triển khai', 'hoàn thành', 'quá hạn', 'dừng'];
const TEXTS = [['results', 'mywork.results'], ['difficulties', 'mywork.difficulties'], ['proposals', 'mywork.proposals']];

async function getOrNull(path) {
  try { return await get(path); } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

const workPath = (plan, org, period) => `/api/v1/plans/${encodeURIComponent(plan)}/assignments/${encodeURIComponent(org)}`
  + (period ? `?period=${encodeURIComponent(period)}` : '');

// The work of the user's unit on every plan it may read (a plan the unit has
// nothing in answers 404 and is left out).
async function workList(user) {
  if (!user.org_id) return [];
  const { plans } = await get('/api/v1/plans');
  const out = [];
  for (const p of plans) {
    const w = await getOrNull(workPath(p.id, user.org_id));
    if (w && (w.items.length || w.periods.length)) out.push({ plan: p, work: w });
  }
  return out;
}

function stateLabel(state) {
  return state ? t('state.' + state) : t('state.none');
}

// A period's deadline line: "Hạn nộp: 15/12/2026 còn 22 ngày" (the
// countdown only while the report is still to be made); for a returned
// report its new deadline: "Hạn nộp lại: 10/12/2026 còn 3 ngày".
function deadlineLine(p) {
  const todo = !p.state || p.state === 'draft' || p.state === 'returned';
  const again = p.state === 'returned' && p.return_due;
  return h('p', {}, t(again ? 'mywork.returnDue' : 'mywork.deadline'), ' ',
    h('strong', {}, (again ? p.return_due : p.unit_due) || t('mywork.noDeadline')), ' ',
    todo && p.days_left !== null && p.days_left !== undefined ? h('span', { class: 'status ' + countdownClass(p.days_left) }, countdownDays(p.days_left))
      : p.state && p.timeliness?.label ? h('span', { class: 'muted' }, p.timeliness.label) : null);
}

async function renderList(main, ctx) {
  const user = ctx.user || {};
  const list = await workList(user);
  // returned reports first (to be corrected, by their new deadline), then
  // the open periods, then earlier ones; by deadline within each
  const cards = [];
  const returned = (x) => x.state === 'returned';
  for (const { plan, work } of list) {
    for (const p of work.periods.filter(returned)) cards.push({ plan, work, p });
  }
  cards.sort((a, b) => String(a.p.return_due_iso || '').localeCompare(String(b.p.return_due_iso || '')));
  for (const when of ['current', 'past']) {
    for (const { plan, work } of list) {
      for (const p of work.periods.filter((x) => x.when === when && !returned(x))) cards.push({ plan, work, p });
    }
  }
  const notes = list.filter((x) => x.work.note).map((x) => h('p', { class: 'muted' }, `${x.plan.title}: ${x.work.note}`));
  mount(main, h('h1', {}, t('mywork.title')),
    !user.org_id ? h('p', { class: 'muted' }, t('mywork.noOrg')) : null,
    notes,
    cards.length === 0 ? h('p', { class: 'muted' }, t('mywork.empty')) :
      h('ul', { class: 'cards', id: 'mywork-list' }, cards.map(({ plan, work, p }) => {
        const open = p.state !== 'submitted' && p.state !== 'approved';
        const ret = p.state === 'returned';
        return h('li', { 'data-period': p.code, 'data-org': work.org_id, 'data-plan': plan.id, 'data-kind': p.kind, 'data-when': p.when,
          'data-state': p.state || 'none', class: ret ? 'returned' : null },
          ret ? h('p', { class: 'returned-head' }, h('strong', {}, t('mywork.returnedOn', { d: fmtDate(p.returned_at ? new Date(Date.parse(p.returned_at) + 7 * 3600 * 1000) : '') })))
            : h('p', { class: 'muted' }, list.length > 1 ? `${plan.title} · ` : '', t('mywork.when.' + p.when),
              p.request ? ` · ${t(p.kind === 'week' ? 'mywork.reqWeek' : 'mywork.reqAdhoc')}` : ''),
          // the period by name, and by the code reports, CSV files and the CLI use
          h('h2', {}, `${work.org} · ${p.name || periodLabel(p.code)} `, h('span', { class: 'muted' }, `${t('mywork.period')} ${p.code}`)),
          h('p', { class: 'muted' }, `${p.start} – ${p.end}`),
          deadlineLine(p),
          ret && p.reason ? h('p', { class: 'reason' }, t('mywork.reason'), ' ', p.reason) : null,
          h('p', {}, t('mywork.state'), ' ', stateLabel(p.state), p.version ? ` · ${t('mywork.version')} ${p.version}` : ''),
          h('a', { class: 'button', href: `#/my-work/${plan.id}/${work.org_id}/${encodeURIComponent(p.code)}` },
            open ? t('mywork.open') : t('mywork.view')));
      })));
}

const byCode = (r, k) => new Map(((r && r[k]) || []).map((x) => [x.code, x]));
// a stored figure as the field shows it: "2100", "2,5" (no grouping, every decimal kept)
const numText = (x) => (x === null || x === undefined ? '' : fmtN(x, 9, false));

// What a number field holds (base/num.h's kinds), from the indicator: a
// count when its target is a whole number of things counted ("5 lượt": a
// unit in words, no "/"), else a figure (a ratio, an index).
function valueKind(ind) {
  const tg = ind.target || {};
  const unit = tg.unit ?? ind.unit ?? '';
  if (!tg.op || !unit || unit === '%' || unit.includes('/') || typeof tg.value !== 'number' || !Number.isInteger(tg.value)) return 'measure';
  return 'count';
}

// A number input of KIND with, beside it, what it reads as (or why not).
function numInput(id, name, kind, value, dis) {
  const input = h('input', { id, name, inputmode: 'decimal', autocomplete: 'off', value, disabled: dis, 'data-kind': kind,
    'aria-describedby': id + '-read' });
  // a span, not an <output>: the percent computed beside a rate stays the field's one status
  const out = h('span', { id: id + '-read', class: 'muted num-read', 'aria-live': 'polite' });
  const update = () => {
    const r = readNum(input.value, kind);
    out.classList.toggle('error', !!r.error);
    out.textContent = r.error ? r.error : r.value === null ? '' : t('num.read', { v: fmtN(r.value) });
    if (r.error) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
  };
  input.addEventListener('input', update);
  if (value) update();
  return [input, out];
}

function csvCell(v) {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

// A labelled field; ERR is the place for its server error.
function field(id, label, input, hint) {
  return h('div', { class: 'field' }, h('label', { for: id }, label), input,
    hint ? h('p', { class: 'muted', id: id + '-hint' }, hint) : null,
    h('p', { class: 'error', id: id + '-error', role: 'alert', 'data-field-error': id }));
}

// The previous period's entry, as a reminder: "35,00 % (14/40)", "0,5", "Có".
function lastText(v) {
  if (v.met === true) return t('yes');
  if (v.met === false) return t('no');
  if (v.numerator !== null && v.numerator !== undefined) return `${value(v.value, '%')} (${fmtNum(v.numerator)}/${fmtNum(v.denominator)})`;
  return fmtNum(v.value);
}

// The note field every item has; a support org's only one.
function noteField(id, old, dis) {
  return field(id + '-note', t('mywork.note'), h('textarea', { id: id + '-note', name: 'note', rows: 2, disabled: dis }, old?.note || ''));
}

// ids from the item's CSV reference (GROUP/CODE where the plan repeats a code: unique)
const itemId = (prefix, item) => prefix + '-' + (item.ref || item.code).replace(/[^\w]/g, '_');

addMessages({
  vi: { 'mywork.locked': 'Báo cáo đã được duyệt nên đã khóa. Cần sửa thì đề nghị điều phối viên mở lại (kèm lý do).',
    'mywork.level': 'Hoặc mức đạt (0 đến 1)', 'mywork.levelHint': '1 là đạt, 0,5 là đạt một nửa; để trống nếu chỉ chọn có/không.' },
  en: { 'mywork.locked': 'This report is approved and locked. To change it, ask the coordinator to reopen it (with a reason).',
    'mywork.level': 'Or the level reached (0 to 1)', 'mywork.levelHint': '1 is met, 0,5 is half-way; leave empty when yes/no says it.' },
});

addMessages({
  vi: {
    'mywork.numOf': 'Tử số: {x}', 'mywork.denOf': 'Mẫu số: {x}',
    'mywork.numHint': 'Số đạt (ví dụ số hộ đã có).', 'mywork.denHint': 'Tổng số cùng loại (ví dụ tổng số hộ).',
    'mywork.numOverDen': 'Tử số ({a}) lớn hơn mẫu số ({b}): tỷ lệ không thể quá 100%.',
    'mywork.denUnderNum': 'Mẫu số ({b}) nhỏ hơn tử số ({a}): tỷ lệ không thể quá 100%.',
    'mywork.denZero': 'Mẫu số bằng 0: không tính được tỷ lệ; ghi tổng số, lớn hơn 0.',
    'mywork.needDen': 'Có tử số ({a}) thì cần cả mẫu số để tính tỷ lệ.',
    'mywork.needNum': 'Có mẫu số ({b}) thì cần cả tử số để tính tỷ lệ.',
    'mywork.itemSays': 'Chỉ tiêu {c}: {m}',
  },
  en: {
    'mywork.numOf': 'Numerator: {x}', 'mywork.denOf': 'Denominator: {x}',
    'mywork.numHint': 'How many reached it (households connected, say).', 'mywork.denHint': 'The total of the same kind (all households, say).',
    'mywork.numOverDen': 'The numerator ({a}) is larger than the denominator ({b}): a rate cannot exceed 100%.',
    'mywork.denUnderNum': 'The denominator ({b}) is smaller than the numerator ({a}): a rate cannot exceed 100%.',
    'mywork.denZero': 'The denominator is 0: no rate can be computed; write the total, above 0.',
    'mywork.needDen': 'With a numerator ({a}) the denominator is needed too.',
    'mywork.needNum': 'With a denominator ({b}) the numerator is needed too.',
    'mywork.itemSays': 'Indicator {c}: {m}',
  },
});

// What a rate's numerator and denominator count, from the indicator's name
// (plans write "Tỷ lệ <who> <được|có|…> <what>"): "Tỷ lệ hộ gia đình có
// đường Internet cáp quang" → numerator "số hộ gia đình có đường Internet
// cáp quang", denominator "tổng số hộ gia đình". A name of another shape
// gives null, and the fields keep their plain names with a hint.
const RATE_HEAD = /^\s*(tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng)\s+/i;
const RATE_VERB = /(?<!không)\s(có|được|sử dụng|kết nối|tham gia|đạt|thực hiện|nộp|dùng)\s/i;
export function rateParts(name) {
  const n = String(name || '').replace(/\s*\([^)]*\)\s*$/, '');
  if (!RATE_HEAD.test(n)) return null;
  const rest = n.replace(RATE_HEAD, '');
  // "Tỷ lệ phủ sóng 5G trên dân số": what over whom
  const over = /^(.+?)\s+trên\s+(dân số|tổng số .+)$/i.exec(rest);
  if (over) {
    const whom = over[2].replace(/^tổng số\s+/i, '');
    return whom === 'dân số' ? { num: `số dân được ${over[1]}`, den: 'dân số' }
      : { num: `số ${whom} được ${over[1]}`, den: `tổng số ${whom}` };
  }
  const m = RATE_VERB.exec(rest);
  if (!m || m.index < 2) return null;
  return { num: 'số ' + rest, den: 'tổng số ' + rest.slice(0, m.index) };
}

// IND is an item of the server's work list: {code, name, role, target,
// unit, rate, text_target}; OLD this period's entry, LAST the previous one.
function indicatorFieldset(ind, old, editable, last, lastPeriod) {
  const id = itemId('ind', ind);
  const target = ind.target ? ind.target.text || `${ind.target.op} ${fmtNum(ind.target.value)} ${ind.target.unit || ''}`.trim() : '';
  const fs = h('fieldset', { class: 'card item', 'data-kind': 'indicator', 'data-code': ind.code, 'data-ref': ind.ref || ind.code, 'data-role': ind.role, id });
  const dis = !editable;
  const parts = [h('legend', {}, `${ind.code}. ${ind.name}`),
    h('p', { class: 'muted' }, t('mywork.role.' + ind.role), target ? ` · ${t('plan.targets')} ${ind.target.year}: ${target}` : ''),
    last ? h('p', { class: 'muted prev' }, t('mywork.prev', { p: lastPeriod }), ' ', lastText(last)) : null];
  if (ind.role !== 'lead') {
    parts.push(h('p', { class: 'muted' }, t('mywork.supportHint')));
  } else if (ind.text_target) {
    const sel = h('select', { id: id + '-met', name: 'met', disabled: dis },
      h('option', { value: '' }, '—'),
      h('option', { value: 'có', selected: old?.met === true }, t('yes')),
      h('option', { value: 'không', selected: old?.met === false }, t('no')));
    parts.push(field(id + '-met', t('mywork.met'), sel),
      // a stated level 0..1 (0,5 = half-way), scored as such (core/score.h)
      field(id + '-value', t('mywork.level'), numInput(id + '-value', 'value', 'level', numText(old?.value), dis), t('mywork.levelHint')));
  } else if (ind.rate) {
    const [num, numRead] = numInput(id + '-num', 'numerator', 'measure', numText(old?.numerator), dis);
    const [den, denRead] = numInput(id + '-den', 'denominator', 'measure', numText(old?.denominator), dis);
    const out = h('output', { id: id + '-pct', for: `${id}-num ${id}-den`, 'aria-live': 'polite', class: 'big' });
    const update = () => {
      const a = readNum(num.value, 'measure').value, b = readNum(den.value, 'measure').value;
      out.textContent = a !== null && a !== undefined && b && a <= b ? value((a / b) * 100, '%') : '—';
    };
    // the pair checked as it is typed, the message on the field typed
    const pairCheck = (typed) => {
      const r = ratePairError(num, den, false, typed);
      setFieldError(typed === num ? den : num, '');
      setFieldError(typed, r ? r.message : '');
    };
    num.addEventListener('input', () => { update(); pairCheck(num); });
    den.addEventListener('input', () => { update(); pairCheck(den); });
    update();
    // a rate measured directly (a satisfaction survey's 92 %) has no counts:
    // its percent may be written instead; numerator and denominator win
    const hasCounts = old?.numerator !== null && old?.numerator !== undefined;
    const pctIn = numInput(id + '-value', 'value', 'rate', hasCounts ? '' : numText(old?.value), dis);
    const words = rateParts(ind.name);
    parts.push(h('div', { class: 'pair' },
      field(id + '-num', words ? t('mywork.numOf', { x: words.num }) : t('mywork.numerator'), [num, numRead], words ? null : t('mywork.numHint')),
      field(id + '-den', words ? t('mywork.denOf', { x: words.den }) : t('mywork.denominator'), [den, denRead], words ? null : t('mywork.denHint'))),
      h('p', {}, h('span', { class: 'muted' }, t('mywork.percent'), ' '), out),
      field(id + '-value', `${t('mywork.value')} (%)`, pctIn, t('mywork.rateDirect')));
  } else {
    const v = numInput(id + '-value', 'value', valueKind(ind), numText(old?.value), dis);
    parts.push(field(id + '-value', ind.unit ? `${t('mywork.value')} (${ind.unit})` : t('mywork.value'), v));
  }
  parts.push(noteField(id, old, dis));
  fs.append(...parts.filter(Boolean));
  return fs;
}

function taskFieldset(task, old, editable, last, lastPeriod) {
  const id = itemId('task', task);
  const dis = !editable;
  const head = [h('legend', {}, `${t('mywork.task')} ${task.code}. ${task.name}`),
    h('p', { class: 'muted' }, t('mywork.role.' + task.role), task.due_text ? ` · ${t('plan.due')}: ${task.due_text}` : ''),
    last ? h('p', { class: 'muted prev' }, t('mywork.prev', { p: lastPeriod }), ' ',
      last.status ? `${last.status} · ${fmtNum(last.percent)} %` : last.note || '—') : null];
  const fs = h('fieldset', { class: 'card item', 'data-kind': 'task', 'data-code': task.code, 'data-ref': task.ref || task.code, 'data-role': task.role, id });
  if (task.role !== 'lead') {
    fs.append(...head.filter(Boolean), h('p', { class: 'muted' }, t('mywork.supportHint')), noteField(id, old, dis));
    return fs;
  }
  fs.append(...head.filter(Boolean),
    field(id + '-status', t('mywork.status'), h('select', { id: id + '-status', name: 'status', disabled: dis },
      h('option', { value: '' }, '—'),
      TASK_STATUSES.map((s) => h('option', { value: s, selected: old?.status === s }, s)))),
    field(id + '-percent', t('mywork.progress'), numInput(id + '-percent', 'percent', 'rate', numText(old?.percent), dis)),
    field(id + '-products', t('mywork.products'), h('input', { id: id + '-products', name: 'products',
      value: old?.products || '', disabled: dis })));
  return fs;
}

// Show MSG ('' clears) as INPUT's own error (the paragraph under it),
// marking the input invalid; the reading of the number beside it stays.
function setFieldError(input, msg) {
  const p = document.getElementById(input.id + '-error');
  if (p) p.textContent = msg;
  if (msg) input.setAttribute('aria-invalid', 'true');
  else if (!document.getElementById(input.id + '-read')?.classList.contains('error')) input.removeAttribute('aria-invalid');
}

// What is wrong with a rate's numerator NUM and denominator DEN together, in
// words ("Tử số (50) lớn hơn mẫu số (20): …"): {message, on} (the input it
// belongs to when nothing was typed), or null. COMPLETE: a lone numerator
// or denominator is wrong too (on saving; not while typing). TYPED: the
// input being typed in, whose words the message takes.
function ratePairError(num, den, complete, typed) {
  const a = readNum(num.value, 'measure'), b = readNum(den.value, 'measure');
  if (a.error || b.error) return null;   // each field says its own
  const has = (r) => r.value !== null && r.value !== undefined;
  const A = has(a) ? fmtN(a.value) : '', B = has(b) ? fmtN(b.value) : '';
  if (has(b) && b.value === 0) return { message: t('mywork.denZero'), on: den };
  if (has(a) && has(b) && a.value > b.value) {
    return typed === den ? { message: t('mywork.denUnderNum', { a: A, b: B }), on: den }
      : { message: t('mywork.numOverDen', { a: A, b: B }), on: num };
  }
  if (complete && has(a) && !has(b)) return { message: t('mywork.needDen', { a: A }), on: den };
  if (complete && has(b) && !has(a)) return { message: t('mywork.needNum', { b: B }), on: num };
  return null;
}

// The form's content as the CSV of docs/reports.md; throws {field, message}.
// LINES (optional, filled) maps each CSV line number to the id of the
// fieldset it came from, so that a server message naming "dòng 3" is put
// on that item's field and says the item instead.
function toCsv(form, lines = {}) {
  const rows = [['kind', 'code', 'numerator', 'denominator', 'value', 'met', 'note', 'status', 'percent', 'products']];
  const val = (fs, name) => fs.querySelector(`[name="${name}"]`)?.value.trim() ?? '';
  const num = (fs, name) => {
    const el = fs.querySelector(`[name="${name}"]`);
    if (!el) return '';
    const r = readNum(el.value, el.dataset.kind || 'measure');
    if (r.error) throw { field: el.id, message: r.error };
    // sent as the server reads it: a decimal comma, no grouping ("2100", "2,5")
    return r.value === null ? '' : fmtN(r.value, 9, false);
  };
  for (const fs of form.querySelectorAll('fieldset.item')) {
    const code = fs.dataset.ref || fs.dataset.code;
    if (fs.dataset.kind === 'indicator') {
      const ni = fs.querySelector('[name="numerator"]'), di = fs.querySelector('[name="denominator"]');
      const pair = ni && di ? ratePairError(ni, di, true, null) : null;
      if (pair) throw { field: pair.on.id, message: pair.message };
      const r = [num(fs, 'numerator'), num(fs, 'denominator'), num(fs, 'value'), val(fs, 'met'), val(fs, 'note')];
      if (r[0] !== '' && r[1] !== '') r[2] = '';   // the counts give the percent
      if (r.every((x) => x === '')) continue;
      rows.push(['indicator', code, ...r, '', '', '']);
      lines[rows.length] = fs.id;
    } else {
      const note = val(fs, 'note');
      const r = [val(fs, 'status'), num(fs, 'percent'), val(fs, 'products')];
      if (note === '' && r.every((x) => x === '')) continue;
      rows.push(['task', code, '', '', '', '', note, ...r]);
      lines[rows.length] = fs.id;
    }
  }
  for (const [k] of TEXTS) {
    const v = form.querySelector(`#text-${k}`).value.trim();
    if (v) rows.push([k, '', '', '', '', '', v, '', '', '']);
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

// Put ERR beside the field it names (an element id, an item code, or a
// column), else at the top of the form. LINES (from toCsv) maps a CSV line
// the server names ("dòng 3, …": the form's CSV is internal) to its item:
// the message loses the line, names the item instead, and sits under the
// item's field of the column the server gives (err.field).
function showError(form, err, lines = {}) {
  for (const el of form.querySelectorAll('[data-field-error]')) el.textContent = '';
  const top = form.querySelector('#mywork-error');
  top.textContent = '';
  const f = err.field || '';
  let msg = err.message || '';
  let target = f && form.querySelector(`#${CSS.escape(f)}-error`);
  let fs = null;
  const line = /^(?:dòng|line)\s+(\d+)\s*[,:]\s*/i.exec(msg);
  if (line) {
    fs = lines[Number(line[1])] ? form.querySelector('#' + CSS.escape(lines[Number(line[1])])) : null;
    msg = msg.slice(line[0].length).replace(/,\s*(?:cột|column)\s+[^:]+:/i, ':');
    if (fs && !/^(chỉ tiêu|nhiệm vụ|indicator|task)\s/i.test(msg)) {
      msg = (fs.dataset.kind === 'task' ? `${t('mywork.task')} ${fs.dataset.code}: ` : t('mywork.itemSays', { c: fs.dataset.code, m: '' })) + msg;
    }
    msg = msg[0].toLocaleUpperCase() + msg.slice(1);
  }
  if (!target) {
    if (!fs) {
      const m = /(?:chỉ tiêu|nhiệm vụ|indicator|task)\s+([\w./-]+)/i.exec(msg);
      const code = m ? m[1].replace(/[.,:;]$/, '') : f;
      fs = [...form.querySelectorAll('fieldset.item')].find((x) => x.dataset.code === code) || null;
    }
    if (fs) {
      // the column the server names, else the only number field of the item
      const input = (f && fs.querySelector(`[name="${CSS.escape(f)}"]`)) || fs.querySelector('input, select');
      target = input && form.querySelector(`#${CSS.escape(input.id)}-error`);
    }
  }
  (target || top).textContent = msg;
  const input = target && form.querySelector('#' + CSS.escape(target.id.replace(/-error$/, '')));
  if (input) { input.setAttribute('aria-invalid', 'true'); input.focus(); } else top.focus();
}

async function renderForm(main, ctx) {
  const [planId, org, period] = ctx.args;
  // what this org owes in this period: its items in force then, the deadline
  const work = await get(workPath(planId, org, period));
  const due = work.periods[0] || {};
  const rep = await getOrNull(reportPath(planId, work.org_id, period));
  const prevPeriod = previousPeriod(period);
  const prev = prevPeriod ? await getOrNull(reportPath(planId, work.org_id, prevPeriod)) : null;
  const orgName = work.org;
  const state = rep?.state || null;
  // submitted: awaiting review; approved: locked until a coordinator reopens it (app/report.h)
  const editable = state !== 'submitted' && state !== 'approved';
  const items = {
    indicators: work.items.filter((i) => i.kind === 'indicator'),
    tasks: work.items.filter((i) => i.kind === 'task'),
  };
  // This period's entries fill the fields; the previous period's are shown
  // beside them as a reminder, never carried into the new report.
  const cur = { values: byCode(rep, 'values'), tasks: byCode(rep, 'tasks') };
  const before = { values: byCode(prev, 'values'), tasks: byCode(prev, 'tasks'), period: prevPeriod };

  const evidenceItems = [...items.indicators.map((i) => ['indicator', i.code, `${i.code}. ${i.name}`]),
    ...items.tasks.map((x) => ['task', x.code, `${t('mywork.task')} ${x.code}. ${x.name}`])];
  const evFile = h('input', { id: 'evidence-file', name: 'file', type: 'file', disabled: !editable, multiple: true,
    accept: '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx' });
  const evItem = h('select', { id: 'evidence-item', name: 'item', disabled: !editable },
    h('option', { value: '' }, t('mywork.wholeReport')),
    evidenceItems.map(([k, code, label]) => h('option', { value: `${k}:${code}` }, label)));
  const status = h('p', { id: 'mywork-status', role: 'status', 'aria-live': 'polite' });
  const form = h('form', { id: 'mywork-form', novalidate: true },
    h('p', { class: 'error', id: 'mywork-error', role: 'alert', tabindex: '-1' }),
    h('h2', {}, t('plan.indicators')),
    items.indicators.length ? items.indicators.map((i) => indicatorFieldset(i, cur.values.get(i.code), editable, before.values.get(i.code), before.period))
      : h('p', { class: 'muted' }, t('mywork.noItems')),
    items.tasks.length ? [h('h2', {}, t('plan.tasks')), items.tasks.map((x) => taskFieldset(x, cur.tasks.get(x.code), editable, before.tasks.get(x.code), before.period))] : null,
    h('h2', {}, t('mywork.evidence')),
    h('div', { class: 'card' },
      field('evidence-item', t('mywork.evidenceFor'), evItem),
      field('evidence-file', t('mywork.evidenceFile'), filePicker(evFile), t('mywork.evidenceManyHint')),
      (rep?.evidence || []).length ? h('ul', { id: 'evidence-list' }, rep.evidence.map((ev) =>
        h('li', {}, h('a', { href: `/api/v1/evidence/${ev.id}` }, ev.name), ev.indicator ? ` (${ev.indicator})` : ev.task ? ` (${ev.task})` : ''))) : null),
    h('h2', {}, t('mywork.texts')),
    h('div', { class: 'card' }, TEXTS.map(([k, key]) => field('text-' + k, t(key),
      h('textarea', { id: 'text-' + k, name: k, rows: 3, disabled: !editable }, rep?.[k] || '')))),
    editable ? h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'secondary', id: 'mywork-save', value: 'save' }, t('mywork.save')),
      h('button', { type: 'submit', class: 'primary', id: 'mywork-submit', value: 'submit' }, t('mywork.submit'))) : null,
    state === 'submitted' ? h('div', { class: 'actions' },
      h('p', { class: 'muted', id: 'mywork-withdraw-hint' }, t('mywork.withdrawHint')),
      h('button', { type: 'button', class: 'secondary', id: 'mywork-withdraw', 'aria-describedby': 'mywork-withdraw-hint' },
        t('mywork.withdraw'))) : null,
    status);
  form.querySelector('#mywork-withdraw')?.addEventListener('click', async (ev) => {
    ev.target.disabled = true;
    try {
      await api('POST', reportPath(planId, org, period, '/withdraw'));
      await renderForm(main, ctx);
      main.querySelector('#mywork-status').textContent = t('mywork.withdrawn');
    } catch (e) {
      ev.target.disabled = false;
      showError(form, e);
    }
  });

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const submit = ev.submitter?.value === 'submit';
    const buttons = form.querySelectorAll('.actions button');
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    let csv;
    const lines = {};
    try { csv = toCsv(form, lines); } catch (e) { showError(form, e); return; }
    buttons.forEach((b) => { b.disabled = true; });
    status.textContent = t('mywork.saving');
    try {
      await api('PUT', reportPath(planId, org, period), new Blob([csv], { type: 'text/csv' }));
      if (evFile.files.length) {
        const fd = new FormData();
        for (const f of evFile.files) fd.append('file', f);
        if (evItem.value) {
          const [k, code] = evItem.value.split(/:(.*)/s);
          fd.append('item_kind', k);
          fd.append('item', code);
        }
        try { await api('POST', reportPath(planId, org, period, '/evidence'), fd); } catch (e) {
          e.field = e.field === 'file' || !e.field ? 'evidence-file' : e.field;
          throw e;
        }
      }
      if (submit) {
        const r = await api('POST', reportPath(planId, org, period, '/submit'));
        location.hash = `#/my-work/${planId}/${work.org_id}/${encodeURIComponent(period)}`;
        await renderForm(main, ctx);
        const done = r && r.missing ? t('mywork.submittedMissing', { n: r.missing }) : t('mywork.submitted');
        // one status region says it, at the top (flash.js), not twice
        flash(main, done, { href: '#/my-work', text: t('mywork.back') });
        return;
      }
      await renderForm(main, ctx);
      flash(main, t('mywork.saved'));
    } catch (e) {
      status.textContent = '';
      showError(form, e, lines);
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  });

  mount(main,
    h('p', {}, h('a', { href: '#/my-work' }, t('mywork.back'))),
    h('h1', {}, `${orgName} · ${due.name || periodLabel(period)}`),
    h('div', { class: 'card', id: 'mywork-head', 'data-period': period, 'data-kind': due.kind || '' },
      h('p', { class: 'muted' }, `${period} · ${due.start || ''} – ${due.end || ''}`),
      deadlineLine({ ...due, state }),
      h('p', {}, t('mywork.state'), ' ', h('strong', { id: 'mywork-state', 'data-state': state || 'none' },
        state ? t('state.' + state) : t('state.none')),
        rep?.version ? ` · ${t('mywork.version')} ${rep.version}` : ''),
      rep?.submitted_at ? h('p', { class: 'muted' }, t('mywork.submittedAt'), ' ', fmtDateTime(rep.submitted_at)) : null,
      state === 'returned' && rep?.reason ? h('p', { class: 'error', id: 'mywork-reason' }, t('mywork.returned'), ' ', rep.reason) : null,
      state === 'returned' && rep?.returned_at ? h('p', { class: 'muted' }, t('mywork.returnedOn', { d: fmtDateTime(rep.returned_at) })) : null,
      state === 'approved' ? h('p', { class: 'muted', id: 'mywork-locked' }, t('mywork.locked')) : null),
    form);
}

export async function render(main, ctx) {
  if (ctx.args.length >= 3) return renderForm(main, ctx);
  return renderList(main, ctx);
}
