// views/account.js — "Đổi mật khẩu" (#/account): every logged-in user changes
// its own password by giving the current one (POST /api/v1/me/password). The
// server keeps this session and ends the user's other sessions; it checks
// the current password (throttled like a login) and the new one's length.
import { post } from '../api.js';
import { h, mount } from '../dom.js';
import { t, addMessages } from '../i18n.js';

addMessages({
  vi: {
    'ac.title': 'Đổi mật khẩu', 'ac.who': 'Tài khoản: {login} ({role})',
    'ac.current': 'Mật khẩu hiện tại', 'ac.new': 'Mật khẩu mới (ít nhất 8 ký tự)', 'ac.again': 'Nhập lại mật khẩu mới',
    'ac.submit': 'Đổi mật khẩu', 'ac.busy': 'Đang đổi…',
    'ac.done': 'Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc; phiên này vẫn tiếp tục.',
    'ac.mismatch': 'Hai lần nhập mật khẩu mới không khớp nhau.',
    'ac.short': 'Mật khẩu mới phải có ít nhất 8 ký tự.',
  },
  en: {
    'ac.title': 'Change password', 'ac.who': 'Account: {login} ({role})',
    'ac.current': 'Current password', 'ac.new': 'New password (at least 8 characters)', 'ac.again': 'New password again',
    'ac.submit': 'Change password', 'ac.busy': 'Changing…',
    'ac.done': 'Password changed. Your other sessions have ended; this one goes on.',
    'ac.mismatch': 'The two new passwords differ.',
    'ac.short': 'The new password needs at least 8 characters.',
  },
});

export async function render(main, ctx) {
  const field = (id, key, ac) => {
    const input = h('input', { id, name: id, type: 'password', autocomplete: ac, required: true });
    return [input, h('div', { class: 'field' }, h('label', { for: id }, t(key)), input)];
  };
  const [cur, curField] = field('ac-current', 'ac.current', 'current-password');
  const [pw, pwField] = field('ac-new', 'ac.new', 'new-password');
  const [again, againField] = field('ac-again', 'ac.again', 'new-password');
  const err = h('p', { class: 'error', role: 'alert', id: 'ac-error' });
  const done = h('p', { role: 'status', id: 'ac-done' });
  const button = h('button', { type: 'submit', class: 'primary' }, t('ac.submit'));
  const form = h('form', { class: 'card', id: 'ac-form', novalidate: true },
    curField, pwField, againField, err, button);
  const byField = { current: cur, password: pw };
  const fail = (msg, input) => {
    err.textContent = msg;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  };
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.textContent = '';
    done.textContent = '';
    for (const i of [cur, pw, again]) i.removeAttribute('aria-invalid');
    if (pw.value.length < 8) return fail(t('ac.short'), pw);
    if (pw.value !== again.value) return fail(t('ac.mismatch'), again);
    button.disabled = true;
    button.textContent = t('ac.busy');
    try {
      await post('/api/v1/me/password', { current: cur.value, password: pw.value });
      form.reset();
      done.textContent = t('ac.done');
      done.focus();
    } catch (e) {
      fail(e.message, byField[e.field] || cur);
    } finally {
      button.disabled = false;
      button.textContent = t('ac.submit');
    }
  });
  const u = ctx.user;
  done.setAttribute('tabindex', '-1');
  mount(main, h('h1', {}, t('ac.title')),
    h('p', { class: 'muted' }, t('ac.who', { login: u.login, role: t('role.' + u.role) })),
    done, form);
}
