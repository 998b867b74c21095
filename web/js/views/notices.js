// views/notices.js — the user's notices (issue 13, point 7; docs/reminders.md):
//   #/notices     reminders before and after a deadline, returns, approvals and
//                 the coordinator's digest of late units, newest first (GET
//                 /api/v1/notices), each marked read on request, or all at once;
//                 and the address they are e-mailed to (PUT /users/:uid/email).
// The navigation link shows the unread count: the shell rebuilds the
// navigation on every render, so a MutationObserver puts the count back on
// the link each time, and the count is fetched again at most every 30 s.
import { api, get, ApiError } from '../api.js';
import { h, mount } from '../dom.js';
import { t, addMessages } from '../i18n.js';
import { periodLabel } from '../periods.js';
import { fmtDateTime } from '../dates.js';

addMessages({
  vi: {
    'nav.notices': 'Thông báo', 'notices.title': 'Thông báo',
    'notices.empty': 'Chưa có thông báo nào. Nhắc hạn nộp báo cáo, báo cáo bị trả lại hoặc được duyệt sẽ hiện ở đây (và gửi thư điện tử nếu tài khoản có địa chỉ).',
    'notices.unread': '{n} chưa đọc', 'notices.readAll': 'Đánh dấu đã đọc tất cả', 'notices.read': 'Đánh dấu đã đọc',
    'notices.isRead': 'Đã đọc', 'notices.open': 'Mở báo cáo', 'notices.mail.sent': 'đã gửi thư', 'notices.mail.none': 'chỉ trong dti',
    'notices.mail.pending': 'đang chờ gửi thư', 'notices.mail.sending': 'đang gửi thư', 'notices.mail.failed': 'gửi thư không được',
    'notices.kind.before': 'Nhắc hạn', 'notices.kind.due': 'Hết hạn hôm nay', 'notices.kind.after': 'Quá hạn',
    'notices.kind.escalate': 'Quá hạn — nhắc lần cuối', 'notices.kind.digest': 'Tổng hợp đơn vị chưa nộp',
    'notices.kind.returned': 'Bị trả lại', 'notices.kind.approved': 'Đã duyệt',
    'notices.kind.opened': 'Yêu cầu báo cáo mới', 'notices.kind.changed': 'Yêu cầu báo cáo đã thay đổi',
    'notices.kind.cancelled': 'Yêu cầu báo cáo đã hủy', 'notices.unreadLabel': 'thông báo chưa đọc',
    'notices.email': 'Thư điện tử nhận thông báo', 'notices.emailHint': 'Để trống nếu chỉ muốn xem thông báo trong dti.',
    'notices.emailSave': 'Lưu địa chỉ', 'notices.emailSaved': 'Đã lưu địa chỉ thư điện tử.', 'notices.emailCleared': 'Đã xóa địa chỉ: thông báo chỉ hiện trong dti.',
  },
  en: {
    'nav.notices': 'Notices', 'notices.title': 'Notices',
    'notices.empty': 'No notices yet. Deadline reminders and reports returned or approved appear here (and are e-mailed when the account has an address).',
    'notices.unread': '{n} unread', 'notices.readAll': 'Mark all read', 'notices.read': 'Mark read',
    'notices.isRead': 'Read', 'notices.open': 'Open the report', 'notices.mail.sent': 'e-mailed', 'notices.mail.none': 'in dti only',
    'notices.mail.pending': 'e-mail waiting', 'notices.mail.sending': 'e-mail being sent', 'notices.mail.failed': 'e-mail failed',
    'notices.kind.before': 'Reminder', 'notices.kind.due': 'Due today', 'notices.kind.after': 'Overdue',
    'notices.kind.escalate': 'Overdue — last reminder', 'notices.kind.digest': 'Late units digest',
    'notices.kind.returned': 'Returned', 'notices.kind.approved': 'Approved',
    'notices.kind.opened': 'New report request', 'notices.kind.changed': 'Report request changed',
    'notices.kind.cancelled': 'Report request cancelled', 'notices.unreadLabel': 'unread notices',
    'notices.email': 'E-mail for notices', 'notices.emailHint': 'Leave it empty to read notices in dti only.',
    'notices.emailSave': 'Save the address', 'notices.emailSaved': 'E-mail address saved.', 'notices.emailCleared': 'Address removed: notices in dti only.',
  },
});

const badge = { n: 0, at: 0, busy: false };

// Put the unread count on the navigation's link (no count: nothing).
function paint() {
  const a = document.querySelector('#nav a[href="#/notices"]');
  if (!a) return;
  let b = a.querySelector('.unread-count');
  if (!badge.n) { b?.remove(); return; }
  if (!b) a.append(' ', b = h('span', { class: 'unread-count' }));
  b.textContent = String(badge.n);
  b.title = `${badge.n} ${t('notices.unreadLabel')}`;
}

async function refresh(force) {
  if (badge.busy || (!force && Date.now() - badge.at < 30000)) return paint();
  if (!document.querySelector('#nav a[href="#/notices"]')) return;
  badge.busy = true;
  try {
    badge.n = (await get('/api/v1/notices?unread=1')).unread || 0;
    badge.at = Date.now();
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
  } finally {
    badge.busy = false;
  }
  paint();
}

function watchNav() {
  const nav = document.getElementById('nav');
  if (!nav || typeof MutationObserver === 'undefined') return;
  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    setTimeout(() => { queued = false; refresh(false); }, 0);
  }).observe(nav, { childList: true });
}
if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watchNav);
  else watchNav();
}

const localDate = (ts) => fmtDateTime(ts);

function card(n, rerender, user) {
  const readBtn = n.read ? null : h('button', { type: 'button', class: 'secondary', 'data-read': n.id }, t('notices.read'));
  readBtn?.addEventListener('click', async () => {
    readBtn.disabled = true;
    await api('POST', `/api/v1/notices/${n.id}/read`);
    badge.at = 0;
    await rerender();
  });
  const toReport = user.role === 'reporter' && n.kind !== 'digest' && n.kind !== 'cancelled' && n.plan_id && n.org_id && n.period
    ? h('a', { class: 'button', href: `#/my-work/${n.plan_id}/${n.org_id}/${encodeURIComponent(n.period)}` }, t('notices.open')) : null;
  return h('li', { class: 'notice' + (n.read ? '' : ' unread'), 'data-kind': n.kind, 'data-id': n.id },
    h('p', { class: 'muted' }, t('notices.kind.' + n.kind), ' · ', localDate(n.created_at),
      n.period ? ` · ${periodLabel(n.period)}` : '', ' · ', t('notices.mail.' + n.email_state),
      n.read ? ` · ${t('notices.isRead')}` : ''),
    h('h2', {}, n.subject),
    h('p', { class: 'body' }, n.body),
    h('div', { class: 'actions' }, toReport, readBtn));
}

// The user's own address, set or cleared here (the server checks it).
function emailForm(user, current) {
  const input = h('input', { id: 'notices-email', name: 'email', type: 'email', autocomplete: 'email', value: current || '',
    'aria-describedby': 'notices-email-hint' });
  const msg = h('p', { id: 'notices-email-status', role: 'status' });
  const err = h('p', { class: 'error', id: 'notices-email-error', role: 'alert' });
  const form = h('form', { id: 'notices-email-form', class: 'card', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'notices-email' }, t('notices.email')), input,
      h('p', { class: 'muted', id: 'notices-email-hint' }, t('notices.emailHint')), err),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary' }, t('notices.emailSave'))), msg);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.textContent = '';
    msg.textContent = '';
    input.removeAttribute('aria-invalid');
    const v = input.value.trim();
    try {
      await api('PUT', `/api/v1/users/${user.id}/email`, { email: v || null });
      msg.textContent = t(v ? 'notices.emailSaved' : 'notices.emailCleared');
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      err.textContent = e.message;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    }
  });
  return form;
}

export async function render(main, ctx) {
  const user = ctx.user || {};
  const list = await get('/api/v1/notices');
  const mine = user.id ? await get(`/api/v1/users/${user.id}/email`).catch(() => ({ email: null })) : { email: null };
  if (ctx.current && !ctx.current()) return;
  badge.n = list.unread;
  badge.at = Date.now();
  paint();
  const rerender = () => render(main, ctx);
  const all = list.unread ? h('button', { type: 'button', class: 'secondary', id: 'notices-read-all' }, t('notices.readAll')) : null;
  all?.addEventListener('click', async () => {
    all.disabled = true;
    await api('POST', '/api/v1/notices/read');
    await rerender();
  });
  mount(main, h('h1', {}, t('notices.title')),
    h('p', { id: 'notices-count', role: 'status' }, t('notices.unread', { n: list.unread }), ' ', all),
    list.notices.length === 0 ? h('p', { class: 'muted' }, t('notices.empty'))
      : h('ul', { class: 'cards', id: 'notices-list' }, list.notices.map((n) => card(n, rerender, user))),
    user.id ? emailForm(user, mine.email) : null);
}
