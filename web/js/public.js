// public.js — the public ranking page (/public): no login, only the
// published ranking of communes (GET /api/v1/public/rankings).
import { get } from './api.js';
import { h, mount } from './dom.js';
import { t, getLang, setLang, fmtNum, fmtDate, addMessages } from './i18n.js';
import { fmtDateTime } from './dates.js';
import { index, periodName } from './fmt.js';
import { stackify } from './table.js';

addMessages({
  vi: { 'public.period': 'Kỳ', 'public.at': 'Công bố gần nhất: {d}', 'public.caption': 'Chỉ số chuyển đổi số đã công bố của các xã',
        'public.head': 'Đầu nhật ký kiểm toán: {h} (đối chiếu: dti audit verify --head {h})' },
  en: { 'public.period': 'Period', 'public.at': 'Last published: {d}', 'public.caption': 'Published digital-transformation index of the communes',
        'public.head': 'Audit log head: {h} (check: dti audit verify --head {h})' },
});

async function render() {
  document.title = t('public.title');
  document.getElementById('title').textContent = t('public.title');
  document.getElementById('lang-switch').textContent = t('lang.switch');
  const box = document.getElementById('ranking');
  let data;
  try {
    data = await get('/api/v1/public/rankings');
  } catch (e) {
    mount(box, h('p', { class: 'error', role: 'alert' }, e.message));
    return;
  }
  const rows = data.rankings || [];
  if (!rows.length) {
    mount(box, h('p', { class: 'muted' }, t('public.empty')));
    return;
  }
  mount(box,
    h('p', { class: 'muted', id: 'published-at' }, t('public.at', { d: fmtDateTime(data.published_at) })),
    h('div', { class: 'table-wrap' }, stackify(h('table', { id: 'public-table' },
      h('caption', {}, t('public.caption')),
      h('thead', {}, h('tr', {}, ['public.rank', 'public.name', 'public.period', 'public.score'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows.map((r) => h('tr', {},
        h('td', { class: 'num', 'data-label': t('public.rank') }, r.rank ?? '—'),
        h('th', { scope: 'row', 'data-label': t('public.name') }, r.commune),
        h('td', { 'data-label': t('public.period') }, periodName(r.period)),
        h('td', { class: 'num', 'data-label': t('public.score') }, index(r.index))))))),
    // the keyed audit log's head, so that a kept copy of this page pins the log (docs/audit.md)
    data.audit_head ? h('p', { class: 'muted', id: 'audit-head' }, t('public.head', { h: data.audit_head.text })) : null));
}

setLang(getLang());
document.getElementById('lang-switch').addEventListener('click', () => { setLang(getLang() === 'vi' ? 'en' : 'vi'); render(); });
render();
