// views/orgs.js — "Thay đổi đơn vị" (#/orgs), for admins and coordinators:
// rename, merge or close a commune or a unit with the day it takes effect
// (POST /api/v1/orgs/changes; docs/orgs.md), and the changes so far (GET
// /api/v1/orgs/changes). The orgs offered are the live ones under the user's
// own org (GET /api/v1/orgs); the server decides every permission and names
// the field it refuses, which this screen marks.
import { get, post, ApiError } from '../api.js';
import { h, mount } from '../dom.js';
import { t, addMessages } from '../i18n.js';
import { flash } from '../flash.js';
import { stackTable } from '../table.js';

addMessages({
  vi: {
    'og.title': 'Thay đổi đơn vị', 'og.kind': 'Loại thay đổi', 'og.rename': 'Đổi tên', 'og.merge': 'Sáp nhập',
    'og.close': 'Giải thể', 'og.orgs': 'Đơn vị (sáp nhập: chọn từ hai trở lên, giữ Ctrl)', 'og.into': 'Đơn vị tiếp nhận',
    'og.into.new': '— Đơn vị mới (nhập tên) —', 'og.name': 'Tên mới', 'og.date': 'Ngày hiệu lực', 'og.note': 'Ghi chú (số quyết định…)',
    'og.submit': 'Ghi thay đổi', 'og.done': 'Đã ghi thay đổi số {id}.', 'og.list': 'Các thay đổi đã ghi',
    'og.empty': 'Chưa có thay đổi nào.', 'og.col.date': 'Ngày', 'og.col.kind': 'Loại', 'og.col.before': 'Trước',
    'og.col.after': 'Sau', 'og.col.note': 'Ghi chú', 'og.col.by': 'Người ghi',
    'og.help': 'Báo cáo trước ngày hiệu lực vẫn thuộc đơn vị cũ, dưới tên cũ; từ ngày đó, phần việc của đơn vị bị sáp nhập chuyển sang đơn vị tiếp nhận.',
  },
  en: {
    'og.title': 'Org changes', 'og.kind': 'Kind of change', 'og.rename': 'Rename', 'og.merge': 'Merge',
    'og.close': 'Close', 'og.orgs': 'Orgs (merge: two or more, hold Ctrl)', 'og.into': 'Successor',
    'og.into.new': '— A new org (type its name) —', 'og.name': 'New name', 'og.date': 'Takes effect on', 'og.note': 'Note (decision number…)',
    'og.submit': 'Record the change', 'og.done': 'Change {id} recorded.', 'og.list': 'Changes recorded',
    'og.empty': 'No changes yet.', 'og.col.date': 'Date', 'og.col.kind': 'Kind', 'og.col.before': 'Before',
    'og.col.after': 'After', 'og.col.note': 'Note', 'og.col.by': 'By',
    'og.help': 'Reports before the day stay with the old orgs under their old names; from that day the merged orgs\' work goes to the successor.',
  },
});

// Today in Vietnam (UTC+7), "YYYY-MM-DD".
const today = () => new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);

function changesTable(changes) {
  if (!changes.length) return h('p', { id: 'og-empty' }, t('og.empty'));
  const names = (l) => l.map((o) => o.name).join(', ');
  return stackTable(['date', 'kind', 'before', 'after', 'note', 'by'].map((k) => t(`og.col.${k}`)),
    changes.slice().reverse().map((c) => [c.date.split('-').reverse().join('/'), t(`og.${c.kind}`), names(c.before),
      c.after ? c.after.name : '—', c.note, c.by || '']), { id: 'og-list' });
}

export async function render(main, ctx) {
  const [orgs, changes] = await Promise.all([get('/api/v1/orgs'), get('/api/v1/orgs/changes')]);
  if (!ctx.current()) return;
  const offered = (list) => list.filter((o) => o.live && o.kind !== 'province' && o.id !== ctx.user.org_id);
  const live = offered(orgs.orgs);
  const field = (id, key, input) => h('div', { class: 'field' }, h('label', { for: id }, t(key)), input);
  const kind = h('select', { id: 'og-kind', name: 'kind' }, ['rename', 'merge', 'close'].map((k) => h('option', { value: k }, t(`og.${k}`))));
  const pick = h('select', { id: 'og-orgs', name: 'orgs', multiple: true, size: Math.min(8, Math.max(3, live.length))},
    live.map((o) => h('option', { value: o.id }, o.name)));
  const into = h('select', { id: 'og-into', name: 'into'});
  const name = h('input', { id: 'og-name', name: 'name', maxlength: 200 });
  const date = h('input', { id: 'og-date', name: 'date', type: 'date', value: today(), max: today(), required: true });
  const note = h('input', { id: 'og-note', name: 'note', maxlength: 2000 });
  const err = h('p', { class: 'error', role: 'alert', id: 'og-error' });
  const intoField = field('og-into', 'og.into', into), nameField = field('og-name', 'og.name', name);
  const sync = () => {
    const k = kind.value, chosen = [...pick.selectedOptions];
    pick.multiple = k === 'merge';
    intoField.hidden = k !== 'merge';
    mount(into, h('option', { value: '' }, t('og.into.new')), chosen.map((o) => h('option', { value: o.value }, o.textContent)));
    nameField.hidden = k === 'close' || (k === 'merge' && into.value !== '');
  };
  kind.addEventListener('change', sync);
  pick.addEventListener('change', sync);
  into.addEventListener('change', () => { nameField.hidden = into.value !== ''; });
  const byField = { kind, orgs: pick, into, name, date, note };
  const form = h('form', { class: 'card', id: 'og-form', novalidate: true },
    h('p', { class: 'hint' }, t('og.help')),
    field('og-kind', 'og.kind', kind), field('og-orgs', 'og.orgs', pick), intoField, nameField,
    field('og-date', 'og.date', date), field('og-note', 'og.note', note), err,
    h('button', { type: 'submit', class: 'primary' }, t('og.submit')));
  const list = h('section', { id: 'og-changes' }, h('h2', {}, t('og.list')), changesTable(changes.changes));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.textContent = '';
    for (const i of Object.values(byField)) i.removeAttribute('aria-invalid');
    const k = kind.value;
    const body = { kind: k, orgs: [...pick.selectedOptions].map((o) => Number(o.value)), date: date.value, note: note.value };
    if (k === 'merge' && into.value) body.into = Number(into.value);
    else if (k !== 'close') body.name = name.value;
    try {
      const r = await post('/api/v1/orgs/changes', body);
      const [again, now] = await Promise.all([get('/api/v1/orgs/changes'), get('/api/v1/orgs')]);
      mount(pick, offered(now.orgs).map((o) => h('option', { value: o.id }, o.name)));   // new names, ended orgs gone
      mount(list, h('h2', {}, t('og.list')), changesTable(again.changes));
      flash(main, t('og.done', { id: r.change }));
      form.reset();
      date.value = today();
      sync();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      err.textContent = e.message;
      const input = byField[e.field];
      if (input) { input.setAttribute('aria-invalid', 'true'); input.focus(); }
    }
  });
  sync();
  mount(main, h('h1', {}, t('og.title')), form, list);
}
