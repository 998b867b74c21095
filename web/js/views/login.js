// views/login.js — the login form. Calls ONDONE with the server's answer
// ({user, csrf_token}) once the login succeeds.
import { post } from '../api.js';
import { h, mount } from '../dom.js';
import { t, addMessages } from '../i18n.js';

addMessages({
  vi: { 'login.needUser': 'Hãy nhập tên đăng nhập.', 'login.needPassword': 'Hãy nhập mật khẩu.' },
  en: { 'login.needUser': 'Type your user name.', 'login.needPassword': 'Type your password.' },
});

export function renderLogin(main, ondone) {
  const err = h('p', { class: 'error', role: 'alert', id: 'login-error' });
  const user = h('input', { id: 'login-user', name: 'login', autocomplete: 'username', required: true,
    autocapitalize: 'none', spellcheck: 'false' });
  const pass = h('input', { id: 'login-password', name: 'password', type: 'password',
    autocomplete: 'current-password', required: true });
  const button = h('button', { type: 'submit', class: 'primary' }, t('login.submit'));
  const form = h('form', { class: 'card login', id: 'login-form', novalidate: true },
    h('h1', {}, t('login.title')),
    h('p', { class: 'muted' }, t('login.hint')),
    h('div', { class: 'field' }, h('label', { for: 'login-user' }, t('login.user')), user),
    h('div', { class: 'field' }, h('label', { for: 'login-password' }, t('login.password')), pass),
    err,
    button,
    h('p', {}, h('a', { href: '/public' }, t('login.public'))));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.textContent = '';
    // an empty field is named here, before the server is asked
    const empty = !user.value.trim() ? user : !pass.value ? pass : null;
    user.removeAttribute('aria-invalid');
    pass.removeAttribute('aria-invalid');
    if (empty) {
      err.textContent = t(empty === user ? 'login.needUser' : 'login.needPassword');
      empty.setAttribute('aria-invalid', 'true');
      empty.focus();
      return;
    }
    button.disabled = true;
    button.textContent = t('login.busy');
    try {
      ondone(await post('/api/v1/login', { login: user.value.trim(), password: pass.value }));
    } catch (e) {
      err.textContent = e.message;
      (e.field === 'password' ? pass : user).focus();
    } finally {
      button.disabled = false;
      button.textContent = t('login.submit');
    }
  });
  mount(main, form);
  user.focus();
}
