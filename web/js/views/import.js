// views/import.js — import a plan from its document: choose the file, see
// the extracted plan (POST /api/v1/imports/preview) with how every unit
// name would be matched — to a known unit, the commune itself, or flagged:
// a new unit, or a collective name for the coordinator to resolve — and the
// reporting calendar the document states (its rules in words, the sentence
// each came from) in a box the coordinator may change or empty; then
// confirm (POST /api/v1/imports) and see how names were matched and which
// calendar was set, or that none was, with a link to the calendar screen.
import { api } from '../api.js';
import { h, mount } from '../dom.js';
import { t, fmtDate, addMessages } from '../i18n.js';
import { indicatorTable, taskTable } from './plan.js';
import { describe } from './calendar.js';

addMessages({
  vi: {
    'import.cal': 'Lịch báo cáo',
    'import.cal.found': 'Chế độ báo cáo tìm thấy trong văn bản (sẽ được đặt cho kế hoạch khi xác nhận):',
    'import.cal.source': 'Câu trong văn bản',
    'import.cal.notfound': 'Văn bản không nêu chế độ báo cáo định kỳ: lịch báo cáo sẽ chưa được đặt. Bạn có thể nhập quy tắc dưới đây, hoặc điều phối viên đặt sau trên màn hình Lịch báo cáo.',
    'import.cal.rules': 'Quy tắc lịch báo cáo (mỗi dòng một quy tắc; để trống: không đặt lịch)',
    'import.cal.hint': 'Ví dụ: month:unit=15+1,commune=20+1 (hằng tháng: đơn vị nộp chậm nhất ngày 15 tháng sau, xã ngày 20). Cú pháp: xem màn hình Lịch báo cáo.',
    'import.cal.set': 'Đã đặt lịch báo cáo ({n} kỳ):', 'import.cal.unset': 'Chưa đặt lịch báo cáo: chưa có kỳ nào để báo cáo.',
    'import.cal.link': 'Xem lịch báo cáo', 'import.cal.setLink': 'Đặt lịch báo cáo',
  },
  en: {
    'import.cal': 'Reporting calendar',
    'import.cal.found': 'Reporting regime found in the document (set for the plan on confirming):',
    'import.cal.source': 'Sentence in the document',
    'import.cal.notfound': 'The document states no periodic reporting regime: no calendar will be set. You may write rules below, or a coordinator sets it later on the Calendar screen.',
    'import.cal.rules': 'Calendar rules (one per line; empty: set none)',
    'import.cal.hint': 'For example: month:unit=15+1,commune=20+1 (monthly: units by the 15th of the next month, the commune by the 20th). Syntax: see the Calendar screen.',
    'import.cal.set': 'Reporting calendar set ({n} periods):', 'import.cal.unset': 'No reporting calendar set: no period to report on yet.',
    'import.cal.link': 'See the calendar', 'import.cal.setLink': 'Set the calendar',
  },
});

function form(onfile) {
  const input = h('input', { type: 'file', id: 'import-file', name: 'file', required: true,
    accept: '.docx,.xlsx,.md,.txt,.tsv' });
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
function upload(path, file, calendar) {
  const fd = new FormData();
  fd.append('file', file, file.name);
  if (calendar !== undefined) fd.append('calendar', calendar);
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
      : h('p', { id: 'import-calendar-none' }, t('import.cal.notfound')),
    h('div', { class: 'field' }, h('label', { for: 'import-calendar' }, t('import.cal.rules')), box,
      h('small', { class: 'muted', id: 'import-calendar-hint' }, t('import.cal.hint')), error));
  // unchanged: not sent, the server sets what it detects itself
  return { el, box, error, value: () => (box.value.trim() === initial.trim() ? undefined : box.value.trim()) };
}

// How every unit name of the plan is (or would be) matched: a known unit,
// the commune itself, or — flagged — a name matching none, which becomes a
// new unit.
function unitsTable(matches) {
  const how = { new: t('import.how.new'), matched: t('import.how.matched'), self: t('import.how.self'), none: t('import.how.none') };
  return h('div', { class: 'table-wrap' }, h('table', { id: 'import-matches' },
    h('caption', { class: 'muted' }, t('import.unitsHint')),
    h('thead', {}, h('tr', {}, [t('import.name'), t('import.org'), t('import.how')].map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, matches.map((m) => h('tr', { 'data-how': m.how },
      h('td', {}, m.name), h('td', {}, m.org_name || '—'),
      h('td', {}, h('span', { class: 'status ' + (m.how === 'new' ? 'risk' : m.how === 'none' ? 'nodata' : 'met') }, how[m.how] || m.how)))))));
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
    unitsTable(res.matches),
    collectiveList(res.collective),
    calendarResult(res),
    res.warnings.length ? [h('h2', {}, t('import.warnings')), h('ul', {}, res.warnings.map((w) => h('li', {}, w)))] : null);
}

function showPreview(main, file, pv) {
  const p = pv.plan;
  const confirm = h('button', { type: 'button', class: 'primary', id: 'import-confirm' }, t('import.confirm'));
  const err = h('p', { class: 'error', role: 'alert', id: 'import-confirm-error' });
  const cal = calendarBox(pv.calendar);
  confirm.addEventListener('click', async () => {
    confirm.disabled = true;
    err.textContent = '';
    cal.error.textContent = '';
    cal.box.removeAttribute('aria-invalid');
    try {
      showResult(main, await upload('/api/v1/imports', file, cal.value()));
    } catch (e) {
      confirm.disabled = false;
      if (e.field === 'calendar') {
        cal.error.textContent = e.message;
        cal.box.setAttribute('aria-invalid', 'true');
        cal.box.focus();
      } else {
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
    pv.matches ? [h('h2', {}, t('import.units')), unitsTable(pv.matches), collectiveList(pv.collective || [])] : null,
    cal.el,
    h('div', { class: 'card' }, err, confirm),
    p.indicators.length ? [h('h2', {}, t('plan.indicators')), indicatorTable(p.indicators)] : null,
    p.tasks.length ? [h('h2', {}, t('plan.tasks')), taskTable(p.tasks)] : null);
}

export async function render(main) {
  mount(main, h('h1', {}, t('import.title')), h('p', { class: 'muted' }, t('import.empty')),
    form(async (file) => showPreview(main, file, await upload('/api/v1/imports/preview', file))));
}
