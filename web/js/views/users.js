// views/users.js — the accounts screen (#/users), for admins and coordinators:
// the accounts they may see (GET /api/v1/users) as cards — name, login, role,
// unit, active — with disable/enable, a password reset and an inline edit
// form (display name, role, unit; PATCH /api/v1/users/:uid with only the
// fields changed) on those they may manage, and a form to add an account
// (units from GET /api/v1/orgs, roles only those the server says this user
// may give). The server decides every permission (app/auth.h); this screen
// only hides what it would refuse, and shows the server's message when it
// refuses anyway. One's own card has no actions: nobody changes its own role
// or unit, and the password is changed under #/account.
import { api, get, post } from '../api.js';
import { h, mount } from '../dom.js';
import { t, addMessages } from '../i18n.js';

addMessages({
  vi: {
    'us.title': 'Tài khoản', 'us.count': '{n} tài khoản',
    'us.only': 'Chỉ quản trị viên và điều phối viên quản lý tài khoản. Bạn có thể đổi mật khẩu của mình.',
    'us.add': 'Thêm tài khoản', 'us.login': 'Tên đăng nhập (a-z, 0-9, . _ -)', 'us.display': 'Họ tên hoặc tên hiển thị',
    'us.role': 'Vai trò', 'us.org': 'Đơn vị', 'us.org.none': '— Không (quản trị) —', 'us.password': 'Mật khẩu ban đầu (ít nhất 8 ký tự)',
    'us.submit': 'Thêm tài khoản', 'us.added': 'Đã thêm tài khoản {login}.',
    'us.active': 'Đang hoạt động', 'us.inactive': 'Đã khóa', 'us.self': '(bạn)',
    'us.disable': 'Khóa tài khoản', 'us.enable': 'Mở khóa', 'us.disabled': 'Đã khóa {login}; các phiên đăng nhập của tài khoản này đã kết thúc.',
    'us.enabled': 'Đã mở khóa {login}.',
    'us.reset': 'Đặt lại mật khẩu', 'us.reset.pw': 'Mật khẩu mới cho {login}', 'us.reset.go': 'Lưu mật khẩu mới',
    'us.reset.done': 'Đã đặt lại mật khẩu của {login}; tài khoản này phải đăng nhập lại.',
    'us.short': 'Mật khẩu phải có ít nhất 8 ký tự.', 'us.list': 'Danh sách tài khoản',
    'us.edit': 'Sửa', 'us.edit.title': 'Sửa tài khoản {login}', 'us.edit.save': 'Lưu thay đổi', 'us.edit.cancel': 'Hủy',
    'us.updated': 'Đã cập nhật tài khoản {login}.',
    'us.updated.ended': 'Đã cập nhật tài khoản {login}; vai trò hoặc đơn vị đã đổi nên các phiên đăng nhập của tài khoản này đã kết thúc.',
    'us.unchanged': 'Không có gì thay đổi ở tài khoản {login}.', 'us.org.closed': '{name} (đã đóng)',
  },
  en: {
    'us.title': 'Accounts', 'us.count': '{n} accounts',
    'us.only': 'Only admins and coordinators manage accounts. You can change your own password.',
    'us.add': 'Add an account', 'us.login': 'Login name (a-z, 0-9, . _ -)', 'us.display': 'Full or display name',
    'us.role': 'Role', 'us.org': 'Unit', 'us.org.none': '— None (admin) —', 'us.password': 'First password (at least 8 characters)',
    'us.submit': 'Add the account', 'us.added': 'Account {login} added.',
    'us.active': 'Active', 'us.inactive': 'Disabled', 'us.self': '(you)',
    'us.disable': 'Disable', 'us.enable': 'Enable', 'us.disabled': '{login} disabled; its sessions have ended.',
    'us.enabled': '{login} enabled.',
    'us.reset': 'Reset password', 'us.reset.pw': 'New password for {login}', 'us.reset.go': 'Save the new password',
    'us.reset.done': 'Password of {login} reset; the account must log in again.',
    'us.short': 'A password needs at least 8 characters.', 'us.list': 'Accounts',
    'us.edit': 'Edit', 'us.edit.title': 'Edit account {login}', 'us.edit.save': 'Save changes', 'us.edit.cancel': 'Cancel',
    'us.updated': 'Account {login} updated.',
    'us.updated.ended': 'Account {login} updated; its role or unit changed, so its sessions have ended.',
    'us.unchanged': 'Nothing changed in account {login}.', 'us.org.closed': '{name} (closed)',
  },
});

// ORGS in tree order with their depth: [{org, depth}] (roots: no parent in ORGS).
export function treeOrder(orgs) {
  const ids = new Set(orgs.map((o) => o.id));
  const kids = new Map();
  for (const o of orgs) {
    const p = ids.has(o.parent_id) ? o.parent_id : 0;
    if (!kids.has(p)) kids.set(p, []);
    kids.get(p).push(o);
  }
  const out = [];
  const walk = (p, depth) => {
    for (const o of kids.get(p) || []) {
      out.push({ org: o, depth });
      if (depth < 16) walk(o.id, depth + 1);
    }
  };
  walk(0, 0);
  return out;
}

function addForm(roles, orgs, status, reload) {
  const live = treeOrder(orgs.filter((o) => o.live));
  const err = h('p', { class: 'error', role: 'alert', id: 'us-error' });
  const login = h('input', { id: 'us-login', name: 'login', required: true, autocomplete: 'off', autocapitalize: 'none',
    spellcheck: 'false', maxlength: 64, pattern: '[a-z0-9._\\-]+' });
  const display = h('input', { id: 'us-display', name: 'display', maxlength: 160, autocomplete: 'off' });
  const role = h('select', { id: 'us-role', name: 'role' },
    roles.map((r) => h('option', { value: r, selected: r === 'reporter' }, t('role.' + r))));
  const first = live.find((x) => x.org.kind === 'unit') || live[0];
  const org = h('select', { id: 'us-org', name: 'org_id' },
    live.map((x) => h('option', { value: x.org.id, selected: x === first },
      '\u00a0\u00a0'.repeat(x.depth) + x.org.name)));
  const none = h('option', { value: '' }, t('us.org.none'));
  const password = h('input', { id: 'us-password', name: 'password', type: 'password', required: true,
    autocomplete: 'new-password', minlength: 8 });
  const button = h('button', { type: 'submit', class: 'primary' }, t('us.submit'));
  // an admin account needs no unit: offer "none" only for it
  const syncOrg = () => {
    if (role.value === 'admin') { org.prepend(none); org.value = ''; } else if (none.parentNode) { none.remove(); }
  };
  role.addEventListener('change', syncOrg);
  const fields = { login, display, role, org_id: org, password };
  const form = h('form', { class: 'card', id: 'us-form', novalidate: true },
    h('h2', {}, t('us.add')),
    h('div', { class: 'field' }, h('label', { for: 'us-login' }, t('us.login')), login),
    h('div', { class: 'field' }, h('label', { for: 'us-display' }, t('us.display')), display),
    h('div', { class: 'field' }, h('label', { for: 'us-role' }, t('us.role')), role),
    h('div', { class: 'field' }, h('label', { for: 'us-org' }, t('us.org')), org),
    h('div', { class: 'field' }, h('label', { for: 'us-password' }, t('us.password')), password),
    err, button);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.textContent = '';
    for (const f of Object.values(fields)) f.removeAttribute('aria-invalid');
    const fail = (msg, f) => { err.textContent = msg; (f || login).setAttribute('aria-invalid', 'true'); (f || login).focus(); };
    if (password.value.length < 8) return fail(t('us.short'), password);
    button.disabled = true;
    try {
      const body = { login: login.value.trim(), role: role.value, password: password.value,
        org_id: org.value ? Number(org.value) : null };
      if (display.value.trim()) body.display = display.value.trim();
      const r = await post('/api/v1/users', body);
      await reload(t('us.added', { login: r.user.login }));
    } catch (e) {
      fail(e.message, fields[e.field]);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

// The inline form that edits account U's display name, role and unit
// (ROLES: those the actor may give; ORGS: GET /api/v1/orgs). Built only
// while its Edit button has it open (so the page never holds a second,
// hidden set of fields with the add form's labels), filled with the account
// as it is; sends only what changed; on an error keeps the values entered
// and shows the server's message in its alert. Returns {open, slot}.
function editForm(u, roles, orgs, reload) {
  const id = `us-edit-${u.id}`;
  const slot = h('div', { id: id + '-slot' });
  const open = h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false', 'aria-controls': id + '-slot',
    'data-action': 'edit' }, t('us.edit'));
  const close = () => {
    slot.replaceChildren();
    open.setAttribute('aria-expanded', 'false');
    open.focus();
  };
  const build = () => {
    const live = treeOrder(orgs.filter((o) => o.live));
    const err = h('p', { class: 'error', role: 'alert', id: id + '-error' });
    const display = h('input', { id: id + '-display', name: 'display', maxlength: 160, autocomplete: 'off' });
    const offered = roles.includes(u.role) ? roles : [u.role, ...roles];
    const role = h('select', { id: id + '-role', name: 'role' },
      offered.map((r) => h('option', { value: r }, t('role.' + r))));
    const org = h('select', { id: id + '-org', name: 'org_id' },
      live.map((x) => h('option', { value: x.org.id }, '\u00a0\u00a0'.repeat(x.depth) + x.org.name)));
    // its present unit stays offered even when closed, so that a name
    // change alone does not move the account
    if (u.org_id && !live.some((x) => x.org.id === u.org_id))
      org.prepend(h('option', { value: u.org_id }, t('us.org.closed', { name: u.org_name || '#' + u.org_id })));
    const none = h('option', { value: '' }, t('us.org.none'));
    const unit = () => String(u.org_id || (live.find((x) => x.org.kind === 'unit') || live[0] || { org: { id: '' } }).org.id);
    // as in the add form: "none" only for an admin, a unit for every other role
    const syncOrg = () => {
      if (role.value === 'admin') {
        if (!none.parentNode) org.prepend(none);
        org.value = '';
      } else if (none.parentNode) {
        none.remove();
        org.value = unit();
      }
    };
    display.value = u.display;
    role.value = u.role;
    syncOrg();
    if (u.role !== 'admin') org.value = String(u.org_id || unit());
    role.addEventListener('change', syncOrg);
    const save = h('button', { type: 'submit', class: 'primary' }, t('us.edit.save'));
    const cancel = h('button', { type: 'button', class: 'secondary', 'data-action': 'cancel' }, t('us.edit.cancel'));
    cancel.addEventListener('click', close);
    const form = h('form', { class: 'edit', id: id + '-form', novalidate: true, 'aria-labelledby': id + '-title' },
      h('h3', { id: id + '-title' }, t('us.edit.title', { login: u.login })),
      h('div', { class: 'field' }, h('label', { for: id + '-display' }, t('us.display')), display),
      h('div', { class: 'field' }, h('label', { for: id + '-role' }, t('us.role')), role),
      h('div', { class: 'field' }, h('label', { for: id + '-org' }, t('us.org')), org),
      err, h('div', { class: 'actions' }, save, cancel));
    form.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') { ev.preventDefault(); close(); } });
    const fields = { display, role, org_id: org };
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      err.textContent = '';
      for (const f of Object.values(fields)) f.removeAttribute('aria-invalid');
      const body = {};
      if (display.value.trim() !== u.display) body.display = display.value.trim();
      if (role.value !== u.role) body.role = role.value;
      const orgId = org.value ? Number(org.value) : null;
      if (orgId !== (u.org_id || null)) body.org_id = orgId;
      if (!Object.keys(body).length) {
        await reload(t('us.unchanged', { login: u.login }));
        return;
      }
      save.disabled = true;
      try {
        await api('PATCH', `/api/v1/users/${u.id}`, body);
        const ended = 'role' in body || 'org_id' in body;
        await reload(t(ended ? 'us.updated.ended' : 'us.updated', { login: u.login }));
      } catch (e) {
        err.textContent = e.message;
        const f = fields[e.field] || display;
        f.setAttribute('aria-invalid', 'true');
        f.focus();
        save.disabled = false;
      }
    });
    slot.replaceChildren(form);
    open.setAttribute('aria-expanded', 'true');
    display.focus();
  };
  open.addEventListener('click', () => (slot.firstChild ? close() : build()));
  return { open, slot };
}

function card(u, status, reload, roles, orgs) {
  const li = h('li', { class: 'user', 'data-login': u.login },
    h('p', {}, h('strong', {}, u.display), ' ', h('span', { class: 'muted' }, `(${u.login})`), u.self ? ' ' + t('us.self') : ''),
    h('p', {}, `${t('us.role')}: ${t('role.' + u.role)}`),
    h('p', {}, `${t('us.org')}: ${u.org_name || '—'}`),
    h('p', {}, h('span', { class: 'status ' + (u.active ? 'met' : 'nodata') }, u.active ? t('us.active') : t('us.inactive'))));
  if (!u.manageable || u.self) return li;
  const err = h('p', { class: 'error', role: 'alert' });
  const toggle = h('button', { type: 'button', class: 'secondary', 'data-action': u.active ? 'disable' : 'enable' },
    u.active ? t('us.disable') : t('us.enable'));
  toggle.addEventListener('click', async () => {
    err.textContent = '';
    toggle.disabled = true;
    try {
      await api('PATCH', `/api/v1/users/${u.id}`, { active: !u.active });
      await reload(t(u.active ? 'us.disabled' : 'us.enabled', { login: u.login }));
    } catch (e) {
      err.textContent = e.message;
      toggle.disabled = false;
    }
  });
  const id = `us-reset-${u.id}`;
  const pw = h('input', { id, name: 'password', type: 'password', autocomplete: 'new-password', required: true, minlength: 8 });
  const reset = h('form', { class: 'reset', novalidate: true, hidden: true },
    h('div', { class: 'field' }, h('label', { for: id }, t('us.reset.pw', { login: u.login })), pw),
    h('button', { type: 'submit', class: 'primary' }, t('us.reset.go')));
  const open = h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false', 'aria-controls': id + '-form',
    'data-action': 'reset' }, t('us.reset'));
  reset.id = id + '-form';
  open.addEventListener('click', () => {
    reset.hidden = !reset.hidden;
    open.setAttribute('aria-expanded', String(!reset.hidden));
    if (!reset.hidden) pw.focus();
  });
  reset.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.textContent = '';
    if (pw.value.length < 8) { err.textContent = t('us.short'); pw.focus(); return; }
    try {
      await post(`/api/v1/users/${u.id}/password`, { password: pw.value });
      pw.value = '';
      reset.hidden = true;
      open.setAttribute('aria-expanded', 'false');
      status.textContent = t('us.reset.done', { login: u.login });
      status.focus();
    } catch (e) {
      err.textContent = e.message;
      pw.focus();
    }
  });
  const edit = editForm(u, roles, orgs, reload);
  li.append(h('div', { class: 'actions' }, edit.open, toggle, open), edit.slot, reset, err);
  return li;
}

export async function render(main, ctx) {
  const head = h('h1', {}, t('us.title'));
  if (!['admin', 'coordinator'].includes(ctx.user.role)) {
    mount(main, head, h('p', {}, t('us.only'), ' ', h('a', { href: '#/account' }, t('nav.account'))));
    return;
  }
  const status = h('p', { role: 'status', id: 'us-status', tabindex: '-1' });
  const draw = async (message) => {
    const [list, orgs] = await Promise.all([get('/api/v1/users'), get('/api/v1/orgs')]);
    const reload = async (msg) => { await draw(msg); };
    mount(main, head, status,
      list.roles.length ? addForm(list.roles, orgs.orgs, status, reload) : null,
      h('h2', {}, t('us.list')),
      h('p', { class: 'muted', id: 'us-count' }, t('us.count', { n: list.users.length })),
      h('ul', { class: 'cards', id: 'us-list' }, list.users.map((u) => card(u, status, reload, list.roles, orgs.orgs))));
    if (message) {
      status.textContent = message;
      status.focus();
    }
  };
  await draw('');
}
