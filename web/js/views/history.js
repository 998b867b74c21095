// views/history.js — the history screen (#/history/KIND/ID): the audit trail
// of one indicator, task or report from GET /api/v1/audit — who, when, what,
// and what changed (the fields whose value differs between before and after).
// Entries are cards, not a wide table, so they read at 360 px.
import { get } from '../api.js';
import { h, mount } from '../dom.js';
import { t, addMessages, fmtDate } from '../i18n.js';
import { thisMonthVN, fmtDateTime } from '../dates.js';
import { loadPeriods, defaultPeriod } from '../periodpick.js';

addMessages({
  vi: {
    'hi.kind': 'Loại', 'hi.kind.indicator': 'Chỉ tiêu', 'hi.kind.task': 'Nhiệm vụ', 'hi.kind.report': 'Báo cáo',
    'hi.id': 'Số hiệu', 'hi.show': 'Xem lịch sử', 'hi.who': 'Người thực hiện', 'hi.when': 'Thời điểm',
    'hi.what': 'Thao tác', 'hi.field': 'Mục', 'hi.before': 'Trước', 'hi.after': 'Sau', 'hi.none': 'Chưa có thay đổi nào được ghi.',
    'hi.count': '{n} mục nhật ký', 'hi.created': 'Tạo mới', 'hi.nochange': 'Không có trường nào thay đổi.',
    'hi.heading': 'Lịch sử của {k} #{id}',
  },
  en: {
    'hi.kind': 'Kind', 'hi.kind.indicator': 'Indicator', 'hi.kind.task': 'Task', 'hi.kind.report': 'Report',
    'hi.id': 'Number', 'hi.show': 'Show history', 'hi.who': 'By', 'hi.when': 'When',
    'hi.what': 'Action', 'hi.field': 'Field', 'hi.before': 'Before', 'hi.after': 'After', 'hi.none': 'No change recorded.',
    'hi.count': '{n} log entries', 'hi.created': 'Created', 'hi.nochange': 'No field changed.',
    'hi.heading': 'History of {k} #{id}',
  },
});

const KINDS = ['indicator', 'task', 'report'];

// "2026-04-08T09:30:00Z" → "08/04/2026 16:30" (Vietnam's time, dates.js).
function when(at) {
  return fmtDateTime(at);
}

function text(v) {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

// The fields of BEFORE/AFTER whose values differ: [[name, before, after]].
export function changes(before, after) {
  const isObj = (x) => x && typeof x === 'object' && !Array.isArray(x);
  if (!isObj(before) && !isObj(after)) return before === after ? [] : [['', before, after]];
  const b = isObj(before) ? before : {}, a = isObj(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])).map((k) => [k, b[k], a[k]]);
}

function entry(x) {
  const diff = changes(x.before, x.after);
  return h('li', { class: 'card history-entry' },
    h('p', {}, h('strong', { class: 'action' }, x.action), ' · ', h('time', { datetime: x.at }, when(x.at))),
    h('p', { class: 'muted' }, `${t('hi.who')}: ${x.user}`),
    diff.length
      ? h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, [t('hi.field'), t('hi.before'), t('hi.after')].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, diff.map(([k, b, a]) => h('tr', {}, h('th', { scope: 'row' }, k || '—'),
          h('td', { class: 'before', 'data-label': t('hi.before') }, text(b)),
          h('td', { class: 'after', 'data-label': t('hi.after') }, text(a)))))))
      : h('p', { class: 'muted' }, t('hi.nochange')));
}

function form(kind, id) {
  const sel = h('select', { id: 'hi-kind', name: 'entity' },
    KINDS.map((k) => h('option', { value: k, selected: k === kind }, t('hi.kind.' + k))));
  const inp = h('input', { id: 'hi-id', name: 'id', value: id || '', required: true, inputmode: 'numeric',
    pattern: '[1-9][0-9]*', autocomplete: 'off' });
  const f = h('form', { class: 'card', id: 'hi-form' },
    h('div', { class: 'field' }, h('label', { for: 'hi-kind' }, t('hi.kind')), sel),
    h('div', { class: 'field' }, h('label', { for: 'hi-id' }, t('hi.id')), inp),
    h('button', { type: 'submit', class: 'primary' }, t('hi.show')));
  f.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = `#/history/${sel.value}/${encodeURIComponent(inp.value.trim())}`;
  });
  return f;
}

// The month before this one, in Vietnam's time (dates.js).
function lastMonth() {
  const [y, m] = thisMonthVN().split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

// Without an id: choose a plan, then one of its indicators (ids from the
// plan's score, which a reporter may not read: then only the id form).
// Reports and indicators are also reached by links from the dashboard,
// the plan and the review screens.
async function picker() {
  let plans = [];
  try { ({ plans } = await get('/api/v1/plans')); } catch { return null; }
  if (!plans.length) return null;
  const planSel = h('select', { id: 'hi-plan', name: 'plan' },
    plans.map((p) => h('option', { value: p.id }, p.title || `#${p.id}`)));
  const itemSel = h('select', { id: 'hi-item', name: 'indicator' });
  const err = h('p', { class: 'error', role: 'alert', id: 'hi-pick-error' });
  const load = async () => {
    err.textContent = '';
    try {
      let per = lastMonth();
      try { per = defaultPeriod(await loadPeriods(planSel.value)) || per; } catch { /* the month before */ }
      const sc = await get(`/api/v1/plans/${encodeURIComponent(planSel.value)}/score/${encodeURIComponent(per)}`);
      mount(itemSel, (sc.indicators || []).map((i) => h('option', { value: i.id }, `${i.code} ${i.name || ''}`)));
      return true;
    } catch (e) {
      mount(itemSel);
      err.textContent = e.message;
      return false;
    }
  };
  if (!(await load())) return null;
  planSel.addEventListener('change', load);
  const f = h('form', { class: 'card', id: 'hi-pick' },
    h('div', { class: 'field' }, h('label', { for: 'hi-plan' }, t('history.pickPlan')), planSel),
    h('div', { class: 'field' }, h('label', { for: 'hi-item' }, t('history.pickItem')), itemSel),
    err,
    h('button', { type: 'submit', class: 'primary' }, t('hi.show')));
  f.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (itemSel.value) location.hash = `#/history/indicator/${encodeURIComponent(itemSel.value)}`;
  });
  return [h('h2', {}, t('history.pick')), f, h('h2', {}, t('history.byId'))];
}

export async function render(main, ctx) {
  const kind = KINDS.includes(ctx.args[0]) ? ctx.args[0] : 'report';
  const id = ctx.args[1] || '';
  const head = [h('h1', {}, t('history.title')), form(kind, id)];
  if (!id) {
    const pick = await picker();
    mount(main, h('h1', {}, t('history.title')), pick, form(kind, id), h('p', { class: 'muted' }, t('history.empty')));
    return;
  }
  let r;
  try {
    r = await get(`/api/v1/audit?entity=${encodeURIComponent(kind)}&id=${encodeURIComponent(id)}`);
  } catch (e) {
    mount(main, ...head, h('p', { class: 'error', role: 'alert' }, e.message));
    return;
  }
  const entries = [...r.entries].reverse();   // newest first
  mount(main, ...head,
    h('h2', {}, t('hi.heading', { k: t('hi.kind.' + kind).toLowerCase(), id: r.id })),
    h('p', { class: 'muted', id: 'hi-count' }, t('hi.count', { n: entries.length })),
    entries.length ? h('ol', { class: 'history', id: 'hi-list' }, entries.map(entry)) : h('p', { class: 'muted' }, t('hi.none')));
}
