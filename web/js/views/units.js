// views/units.js — a commune's units (#/units[/COMMUNE]), for its
// coordinator and admins (issue 13 §6): each unit's name editable — an
// import's abbreviation ("Phòng VH-XH") expanded into the full name, the
// old spelling kept as an alias (PATCH /api/v1/orgs/:id) — and a unit
// added (POST /api/v1/orgs/:commune/units). unitRow() is also the import
// result's editor of its new units; accountsFor() creates the units'
// reporter accounts in one go (POST /api/v1/users), each with a generated
// password shown once, for the coordinator to hand over.
import { api, get } from '../api.js';
import { h, mount } from '../dom.js';
import { t, addMessages } from '../i18n.js';
import { flash } from '../flash.js';
import { foldName } from '../periods.js';

addMessages({
  vi: {
    'nav.units': 'Đơn vị', 'un.title': 'Đơn vị của xã', 'un.commune': 'Xã', 'un.none': 'Xã chưa có đơn vị nào.',
    'un.name': 'Tên đầy đủ của đơn vị', 'un.save': 'Lưu tên', 'un.renamed': 'Đã đổi tên: «{a}» → «{b}» (tên cũ vẫn được nhận khi nhập văn bản).',
    'un.add': 'Thêm đơn vị', 'un.addName': 'Tên đơn vị mới', 'un.added': 'Đã thêm đơn vị «{n}».',
    'un.accounts': 'Tạo tài khoản cho {n} đơn vị mới →', 'un.accountsDone': 'Đã tạo {n} tài khoản báo cáo.',
    'un.accountsHint': 'Ghi lại hoặc in bảng này và trao cho từng đơn vị: mật khẩu chỉ hiện một lần; đơn vị đổi mật khẩu sau khi đăng nhập.',
    'un.login': 'Tên đăng nhập', 'un.password': 'Mật khẩu ban đầu', 'un.unit': 'Đơn vị', 'un.failed': 'Không tạo được: {m}',
    'un.noCommune': 'Bạn chưa thuộc xã nào: chọn xã ở trên.',
  },
  en: {
    'nav.units': 'Units', 'un.title': 'The commune\'s units', 'un.commune': 'Commune', 'un.none': 'The commune has no unit yet.',
    'un.name': 'The unit\'s full name', 'un.save': 'Save the name', 'un.renamed': 'Renamed: «{a}» → «{b}» (the old name still matches in documents).',
    'un.add': 'Add a unit', 'un.addName': 'The new unit\'s name', 'un.added': 'Unit «{n}» added.',
    'un.accounts': 'Create accounts for {n} new units →', 'un.accountsDone': '{n} reporting accounts created.',
    'un.accountsHint': 'Write down or print this table and hand each unit its line: the password shows once; the unit changes it after logging in.',
    'un.login': 'Login', 'un.password': 'First password', 'un.unit': 'Unit', 'un.failed': 'Not created: {m}',
    'un.noCommune': 'You belong to no commune: choose one above.',
  },
});

// One unit's name, editable: {id, name}; ONDONE(old, new) after a rename.
export function unitRow(u, ondone) {
  const id = `un-${u.id}`;
  const input = h('input', { id: id + '-name', name: 'name', value: u.name, autocomplete: 'off', 'aria-describedby': id + '-error' });
  const err = h('p', { class: 'error', role: 'alert', id: id + '-error' });
  const f = h('form', { class: 'unit-row', id, 'data-org': u.id, novalidate: true },
    h('label', { for: id + '-name' }, t('un.name')), input,
    h('button', { type: 'submit', class: 'secondary', id: id + '-save' }, t('un.save')), err);
  f.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.textContent = '';
    input.removeAttribute('aria-invalid');
    const name = input.value.trim();
    if (name === u.name) return;
    try {
      const r = await api('PATCH', `/api/v1/orgs/${u.id}`, { name });
      const old = u.name;
      u.name = r.name;
      ondone(old, r.name);
    } catch (e) {
      err.textContent = e.message;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    }
  });
  return f;
}

// A login from a unit's name: its words' initials, folded ("Phòng Kinh tế
// xã" → "pktx"), with a number when taken.
function loginOf(name, n) {
  const w = foldName(name).replace(/đ/g, 'd').split(/[^a-z0-9]+/).filter(Boolean);
  const base = (w.length > 1 ? w.map((x) => x[0]).join('') : (w[0] || 'donvi')).slice(0, 20) || 'donvi';
  return n ? `${base}${n + 1}` : base;
}

function password() {
  const abc = 'abcdefghijkmnpqrstuvwxyz23456789';
  const b = new Uint8Array(12);
  crypto.getRandomValues(b);
  return [...b].map((x) => abc[x % abc.length]).join('').replace(/(.{4})(?!$)/g, '$1-');
}

// Create a reporter account for each of UNITS ({id, name}); resolves to
// rows {unit, login, password} or {unit, error}.
export async function accountsFor(units) {
  const out = [];
  for (const u of units) {
    const pw = password();
    let done = null;
    for (let n = 0; n < 5 && !done; n++) {
      const login = loginOf(u.name, n);
      try {
        await api('POST', '/api/v1/users', { login, display: u.name, role: 'reporter', org_id: u.id, password: pw });
        done = { unit: u.name, login, password: pw };
      } catch (e) {
        if (e.status !== 409) { done = { unit: u.name, error: e.message }; }
      }
    }
    out.push(done || { unit: u.name, error: t('un.failed', { m: '' }) });
  }
  return out;
}

// The table of created accounts.
export function accountsTable(rows) {
  return h('div', { class: 'card', id: 'un-accounts' },
    h('p', {}, t('un.accountsDone', { n: rows.filter((r) => r.login).length })),
    h('p', { class: 'muted' }, t('un.accountsHint')),
    h('ul', { class: 'cards' }, rows.map((r) => h('li', { 'data-login': r.login || '' },
      h('p', {}, h('strong', {}, r.unit)),
      r.login ? [h('p', {}, `${t('un.login')}: `, h('code', {}, r.login)), h('p', {}, `${t('un.password')}: `, h('code', {}, r.password))]
        : h('p', { class: 'error' }, t('un.failed', { m: r.error }))))));
}

export async function render(main, ctx) {
  const { orgs } = await get('/api/v1/orgs');
  const communes = orgs.filter((o) => o.kind === 'commune' && o.live);
  const mine = communes.find((c) => String(c.id) === String(ctx.args[0])) ||
    communes.find((c) => c.name === ctx.user?.org_name) || communes[0];
  const sel = h('select', { id: 'un-commune' }, communes.map((c) => h('option', { value: c.id, selected: c === mine }, c.name)));
  sel.addEventListener('change', () => { location.hash = `#/units/${sel.value}`; });
  if (!mine) { mount(main, h('h1', {}, t('un.title')), h('p', { class: 'muted' }, t('un.noCommune'))); return; }
  const units = orgs.filter((o) => o.kind === 'unit' && o.live && o.parent_id === mine.id).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const again = async (msg) => { await render(main, ctx); flash(main, msg); };
  const addIn = h('input', { id: 'un-add-name', name: 'name', autocomplete: 'off', 'aria-describedby': 'un-add-error' });
  const addErr = h('p', { class: 'error', role: 'alert', id: 'un-add-error' });
  const add = h('form', { class: 'card', id: 'un-add', novalidate: true },
    h('h2', {}, t('un.add')),
    h('div', { class: 'field' }, h('label', { for: 'un-add-name' }, t('un.addName')), addIn, addErr),
    h('button', { type: 'submit', class: 'primary', id: 'un-add-btn' }, t('un.add')));
  add.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    addErr.textContent = '';
    try {
      const r = await api('POST', `/api/v1/orgs/${mine.id}/units`, { name: addIn.value });
      await again(t('un.added', { n: r.name }));
    } catch (e) {
      addErr.textContent = e.message;
      addIn.setAttribute('aria-invalid', 'true');
      addIn.focus();
    }
  });
  mount(main, h('h1', {}, t('un.title')),
    communes.length > 1 ? h('div', { class: 'field' }, h('label', { for: 'un-commune' }, t('un.commune')), sel) : h('p', { class: 'muted' }, mine.name),
    units.length ? h('ul', { class: 'cards', id: 'un-list' }, units.map((u) => h('li', {},
      unitRow(u, (a, b) => again(t('un.renamed', { a, b })))))) : h('p', { class: 'muted' }, t('un.none')),
    add);
}
