// views/plan.js — the plans (#/plan) and one plan (#/plan/ID, dti.plan/1
// from GET /api/v1/plans/:id): groups, indicators with targets, lead and
// support units, due dates; tasks with outputs.
import { get } from '../api.js';
import { h, mount } from '../dom.js';
import { t, fmtNum, fmtDate } from '../i18n.js';

const OPS = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

function targetText(tg) {
  if (tg.op === 'text' || tg.value === null) return `${tg.year}: ${tg.text || ''}`;
  const unit = tg.unit === '%' ? '%' : tg.unit ? ' ' + tg.unit : '';
  return `${tg.year}: ${OPS[tg.op] || tg.op} ${fmtNum(tg.value)}${unit}`;
}

const list = (xs) => (xs && xs.length ? h('ul', { class: 'plain' }, xs.map((x) => h('li', {}, x))) : '—');

export function indicatorTable(rows) {
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, ['plan.code', 'plan.name', 'plan.targets', 'plan.lead', 'plan.support', 'plan.due']
      .map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, rows.map((ind) => h('tr', {},
      h('td', {}, ind.code),
      h('td', {}, ind.name),
      h('td', {}, list((ind.targets || []).map(targetText))),
      h('td', {}, list(ind.lead)),
      h('td', {}, list(ind.support)),
      h('td', {}, ind.due_text || ind.due || '—'))))));
}

export function taskTable(rows) {
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, ['plan.code', 'plan.name', 'plan.outputs', 'plan.lead', 'plan.support', 'plan.due']
      .map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, rows.map((task) => h('tr', {},
      h('td', {}, task.code),
      h('td', {}, task.name),
      h('td', {}, list(task.outputs)),
      h('td', {}, list(task.lead)),
      h('td', {}, list(task.support)),
      h('td', {}, task.due_text || task.due || '—'))))));
}

async function renderPlan(main, id) {
  const p = await get('/api/v1/plans/' + encodeURIComponent(id));
  const groups = p.groups || [];
  const inds = p.indicators || [];
  const tasks = p.tasks || [];
  const sections = [];
  const byGroup = (xs, code) => xs.filter((x) => (x.group ?? null) === code);
  for (const g of [...groups, { code: null, name: '' }]) {
    const gi = byGroup(inds, g.code);
    const gt = byGroup(tasks, g.code);
    if (!gi.length && !gt.length) continue;
    sections.push(h('section', { 'aria-label': g.name || t('plan.indicators') },
      g.code !== null ? h('h2', {}, `${g.code}. ${g.name}`) : null,
      gi.length ? indicatorTable(gi) : null,
      gt.length ? h('h3', {}, t('plan.tasks')) : null,
      gt.length ? taskTable(gt) : null));
  }
  mount(main,
    h('p', {}, h('a', { href: '#/plan' }, t('plan.back'))),
    h('h1', {}, p.title || t('plan.title')),
    h('p', { class: 'muted' },
      [p.number ? `${t('plan.number')}: ${p.number}` : null, p.issued ? `${t('plan.issued')}: ${fmtDate(p.issued)}` : null,
        t('plan.count', { n: inds.length, m: tasks.length })].filter(Boolean).join(' · ')),
    sections);
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
  if (ctx.args.length && ctx.args[0]) await renderPlan(main, ctx.args[0]);
  else await renderList(main);
}
