// views/plan.js — the plans (#/plan) and one plan (#/plan/ID, dti.plan/1
// from GET /api/v1/plans/:id): groups, indicators with targets, lead and
// support units, due dates; tasks with outputs. Every row links to its
// history (#/history/indicator/ROWID, the ids of GET /plans/:id/assignments).
// A coordinator or admin also gets, per row:
//   #/plan/ID/edit/KIND/ROWID     a form for the item (planedit.js)
//   #/plan/ID/assign/KIND/ROWID   its lead and support units (planedit.js)
// Names the import could not link to one unit ("Các thôn") are marked
// "chưa gán đơn vị" so the coordinator can resolve them. Viewers and
// reporters see no edit controls (the API refuses them anyway).
// At narrow widths the tables stack: one card per row, cells labelled.
import { get } from '../api.js';
import { h, mount } from '../dom.js';
import { t, fmtNum, fmtDate, addMessages } from '../i18n.js';
import { renderEdit, renderAssign, takeFlash } from './planedit.js';

addMessages({
  vi: {
    'pe.actions': 'Thao tác', 'pe.edit': 'Sửa', 'pe.assign': 'Phân công', 'pe.history': 'Lịch sử',
    'pe.unresolved': 'chưa gán đơn vị',
    'pe.edit.label': 'Sửa {k} {code}', 'pe.assign.label': 'Phân công {k} {code}', 'pe.history.label': 'Lịch sử {k} {code}',
    'pe.kind.indicator': 'chỉ tiêu', 'pe.kind.task': 'nhiệm vụ',
    'plan.baseline': 'Hiện trạng {year}: {v}', 'plan.baselineNoYear': 'Hiện trạng: {v}',
  },
  en: {
    'pe.actions': 'Actions', 'pe.edit': 'Edit', 'pe.assign': 'Reassign', 'pe.history': 'History',
    'pe.unresolved': 'no unit assigned',
    'pe.edit.label': 'Edit {k} {code}', 'pe.assign.label': 'Reassign {k} {code}', 'pe.history.label': 'History of {k} {code}',
    'pe.kind.indicator': 'indicator', 'pe.kind.task': 'task',
    'plan.baseline': 'Baseline {year}: {v}', 'plan.baselineNoYear': 'Baseline: {v}',
  },
});

const OPS = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

// The baseline the import kept (x.baseline {year, value, unit, text}):
// "Hiện trạng 2025: 86,8%", the words when there is no number.
export function baselineText(b) {
  const unit = b.unit === '%' ? '%' : b.unit ? ' ' + b.unit : '';
  const v = typeof b.value === 'number' ? `${fmtNum(b.value)}${unit}` : b.text || '';
  return b.year ? t('plan.baseline', { year: b.year, v }) : t('plan.baselineNoYear', { v });
}

export function targetText(tg) {
  if (tg.op === 'text' || tg.value === null) return `${tg.year}: ${tg.text || ''}`;
  const unit = tg.unit === '%' ? '%' : tg.unit ? ' ' + tg.unit : '';
  // "2026: ≥ 70%" kept on one line (no-break spaces)
  return `${tg.year}:\u00a0${OPS[tg.op] || tg.op}\u00a0${fmtNum(tg.value)}${unit}`;
}

const list = (xs) => (xs && xs.length ? h('ul', { class: 'plain' }, xs.map((x) => h('li', {}, x))) : '—');

// Unit names, those not linked to a unit (UNRESOLVED) marked.
function units(names, unresolved) {
  if (!names || !names.length) return '—';
  const open = new Set(unresolved || []);
  return h('ul', { class: 'plain' }, names.map((n) => h('li', {}, n,
    open.has(n) ? [' ', h('span', { class: 'badge unresolved' }, t('pe.unresolved'))] : null)));
}

// A cell with its column's name, shown above the value when rows stack
// (narrow screens). Stacked rows are display: block, which drops a table's
// semantics in browsers' accessibility trees: the explicit roles keep them
// (rows and cells stay announced with their column headers, and found by
// role), so the visible name is aria-hidden and stays out of the row's name.
const cell = (key, ...content) => h('td', { role: 'cell' },
  h('span', { class: 'cell-label', 'aria-hidden': 'true' }, t(key)), ...content);

// The actions of one row: history for all who may read it, edit and
// reassign for those who may change the plan (OPTS.canEdit).
function actions(kind, x, opts) {
  const it = x._item;
  if (!it) return null;
  const lab = (key) => t(key, { k: t('pe.kind.' + kind), code: x.code });
  return cell('pe.actions', h('ul', { class: 'plain row-actions' },
    opts.canEdit ? h('li', {}, h('a', { href: `#/plan/${opts.planId}/edit/${kind}/${it.id}`, class: 'pe-edit', 'aria-label': lab('pe.edit.label') }, t('pe.edit'))) : null,
    opts.canEdit ? h('li', {}, h('a', { href: `#/plan/${opts.planId}/assign/${kind}/${it.id}`, class: 'pe-assign', 'aria-label': lab('pe.assign.label') }, t('pe.assign'))) : null,
    h('li', {}, h('a', { href: `#/history/${kind}/${it.id}`, class: 'pe-history', 'aria-label': lab('pe.history.label') }, t('pe.history')))));
}

function table(kind, rows, opts) {
  const cols = ['plan.code', 'plan.name', kind === 'task' ? 'plan.outputs' : 'plan.targets', 'plan.lead', 'plan.support', 'plan.due'];
  const withActions = rows.some((x) => x._item);
  if (withActions) cols.push('pe.actions');
  return h('div', { class: 'table-wrap' }, h('table', { class: 'plan-items', role: 'table' },
    h('thead', { role: 'rowgroup' }, h('tr', { role: 'row' }, cols.map((k) => h('th', { scope: 'col', role: 'columnheader' }, t(k))))),
    h('tbody', { role: 'rowgroup' }, rows.map((x) => h('tr', { role: 'row', id: x._item ? `row-${kind}-${x._item.id}` : null, tabindex: x._item ? '-1' : null },
      cell('plan.code', x.code),
      cell('plan.name', x.name),
      kind === 'task' ? cell('plan.outputs', list(x.outputs))
        : cell('plan.targets', list([...(x.x?.baseline ? [baselineText(x.x.baseline)] : []), ...(x.targets || []).map(targetText)])),
      cell('plan.lead', units(x.lead, x._item?.lead_unresolved)),
      cell('plan.support', units(x.support, x._item?.support_unresolved)),
      cell('plan.due', x.due_text || x.due || '—'),
      withActions ? actions(kind, x, opts) : null)))));
}

// ROWS as a table; OPTS {planId, canEdit} when rows carry their ids (_item).
export function indicatorTable(rows, opts = {}) { return table('indicator', rows, opts); }
export function taskTable(rows, opts = {}) { return table('task', rows, opts); }

// Attach to every item of P its entry of GET /assignments (id, units in
// force, unresolved names), by document order; the list of a reporter holds
// only its own items, so codes are checked and the rest left without.
function attach(p, items) {
  for (const kind of ['indicator', 'task']) {
    const xs = kind === 'task' ? p.tasks || [] : p.indicators || [];
    const its = items.filter((i) => i.kind === kind);
    if (its.length !== xs.length) continue;
    xs.forEach((x, i) => { if (its[i].code === (x.code ?? '')) x._item = its[i]; });
  }
}

export const canEdit = (user) => user && (user.role === 'admin' || user.role === 'coordinator');

async function renderPlan(main, id, user) {
  const [p, a] = await Promise.all([get('/api/v1/plans/' + encodeURIComponent(id)),
    get(`/api/v1/plans/${encodeURIComponent(id)}/assignments`).catch(() => ({ items: [] }))]);
  attach(p, a.items || []);
  const opts = { planId: id, canEdit: canEdit(user) };
  const groups = p.groups || [];
  const inds = p.indicators || [];
  const tasks = p.tasks || [];
  const sections = [];
  const byGroup = (xs, code) => xs.filter((x) => (x.group ?? null) === code);
  const known = new Set(groups.map((g) => g.code));
  for (const g of [...groups, { code: null, name: '' }]) {
    // items whose group has no heading of its own go with the ungrouped
    const pick = (xs) => (g.code === null ? xs.filter((x) => !known.has(x.group ?? null)) : byGroup(xs, g.code));
    const gi = pick(inds);
    const gt = pick(tasks);
    if (!gi.length && !gt.length) continue;
    sections.push(h('section', { 'aria-label': g.name || t('plan.indicators') },
      g.code !== null ? h('h2', {}, `${g.code}. ${g.name}`) : null,
      gi.length ? indicatorTable(gi, opts) : null,
      gt.length ? h('h3', {}, t('plan.tasks')) : null,
      gt.length ? taskTable(gt, opts) : null));
  }
  const flash = takeFlash(id);
  mount(main,
    h('p', {}, h('a', { href: '#/plan' }, t('plan.back'))),
    h('h1', {}, p.title || t('plan.title')),
    h('p', { class: 'muted' },
      [p.number ? `${t('plan.number')}: ${p.number}` : null, p.issued ? `${t('plan.issued')}: ${fmtDate(p.issued)}` : null,
        t('plan.count', { n: inds.length, m: tasks.length })].filter(Boolean).join(' · ')),
    h('p', {}, h('a', { href: '#/calendar/' + id, id: 'plan-calendar-link' }, t('nav.calendar'))),
    h('p', { class: 'ok-note', role: 'status', id: 'plan-status' }, flash ? flash.text : ''),
    sections);
  if (flash && flash.row) {
    const row = document.getElementById(flash.row);
    if (row) { row.classList.add('just-saved'); row.focus(); }
  }
}

async function renderList(main) {
  const { plans } = await get('/api/v1/plans');
  if (!plans.length) {
    mount(main, h('h1', {}, t('plan.title')), h('p', { class: 'muted' }, t('plan.none')));
    return;
  }
  mount(main, h('h1', {}, t('plan.title')), h('ul', { class: 'cards' }, plans.map((p) => h('li', {},
    h('a', { href: '#/plan/' + p.id }, p.title || `#${p.id}`),
    h('p', { class: 'muted' }, [p.number, p.issued ? fmtDate(p.issued) : null].filter(Boolean).join(' · '))))));
}

export async function render(main, ctx) {
  const [id, action, kind, item] = ctx.args;
  if (id && (action === 'edit' || action === 'assign') && (kind === 'indicator' || kind === 'task') && item) {
    await (action === 'edit' ? renderEdit : renderAssign)(main, { planId: id, kind, itemId: Number(item), user: ctx.user });
  } else if (id) {
    await renderPlan(main, id, ctx.user);
  } else {
    await renderList(main);
  }
}
