// public.js — the public ranking page (/public): no login, only the
// published ranking of communes (GET /api/v1/public/rankings).
import { get } from './api.js';
import { h, mount } from './dom.js';
import { t, getLang, setLang, fmtNum } from './i18n.js';

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
  mount(box, h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, ['public.rank', 'public.name', 'public.score'].map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, rows.map((r) => h('tr', {},
      h('td', { class: 'num' }, r.rank), h('td', {}, r.name), h('td', { class: 'num' }, fmtNum(r.index, 4))))))));
}

setLang(getLang());
document.getElementById('lang-switch').addEventListener('click', () => { setLang(getLang() === 'vi' ? 'en' : 'vi'); render(); });
render();
