// views/import.js — import a plan from its document: choose the file, see
// the extracted plan (POST /api/v1/imports/preview) with how every unit
// name would be matched — to a known unit, the commune itself, or flagged:
// a new unit, or a collective name for the coordinator to resolve — then
// confirm (POST /api/v1/imports) and see how they were matched.
import { api } from '../api.js';
import { h, mount } from '../dom.js';
import { t, fmtDate } from '../i18n.js';
import { indicatorTable, taskTable } from './plan.js';

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

function upload(path, file) {
  const fd = new FormData();
  fd.append('file', file, file.name);
  return api('POST', path, fd);
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
    res.warnings.length ? [h('h2', {}, t('import.warnings')), h('ul', {}, res.warnings.map((w) => h('li', {}, w)))] : null);
}

function showPreview(main, file, pv) {
  const p = pv.plan;
  const confirm = h('button', { type: 'button', class: 'primary', id: 'import-confirm' }, t('import.confirm'));
  const err = h('p', { class: 'error', role: 'alert' });
  confirm.addEventListener('click', async () => {
    confirm.disabled = true;
    err.textContent = '';
    try { showResult(main, await upload('/api/v1/imports', file)); } catch (e) { err.textContent = e.message; confirm.disabled = false; }
  });
  mount(main,
    h('h1', {}, t('import.title')),
    h('section', { class: 'card', id: 'import-preview', 'aria-label': t('import.preview') },
      h('h2', {}, p.title || pv.name),
      h('p', { class: 'muted' }, [p.number, p.issued ? fmtDate(p.issued) : null, p.commune, p.province].filter(Boolean).join(' · ')),
      h('p', {}, t('plan.count', { n: p.indicators.length, m: p.tasks.length })),
      pv.warnings.length ? h('ul', { class: 'error' }, pv.warnings.map((w) => h('li', {}, w))) : null,
      err, confirm),
    pv.existed ? h('p', { class: 'muted', id: 'import-existed' }, t('import.existed'), ' ',
      h('a', { href: '#/plan/' + pv.plan_id }, `#${pv.plan_id}`)) : null,
    pv.matches ? [h('h2', {}, t('import.units')), unitsTable(pv.matches), collectiveList(pv.collective || [])] : null,
    p.indicators.length ? [h('h2', {}, t('plan.indicators')), indicatorTable(p.indicators)] : null,
    p.tasks.length ? [h('h2', {}, t('plan.tasks')), taskTable(p.tasks)] : null);
}

export async function render(main) {
  mount(main, h('h1', {}, t('import.title')), h('p', { class: 'muted' }, t('import.empty')),
    form(async (file) => showPreview(main, file, await upload('/api/v1/imports/preview', file))));
}
