// main.js — the application shell: who is logged in, the navigation, and
// a hash router (#/plan/3) over one module per screen (views/*.js).
import { api, setCsrf, ApiError } from './api.js';
import { h, mount } from './dom.js';
import { t, getLang, setLang } from './i18n.js';
import { renderLogin } from './views/login.js';
import * as dashboard from './views/dashboard.js';
import * as plan from './views/plan.js';
import * as importView from './views/import.js';
import * as mywork from './views/mywork.js';
import * as review from './views/review.js';
import * as rankings from './views/rankings.js';
import * as history from './views/history.js';
import * as users from './views/users.js';
import * as account from './views/account.js';

// The screens of the navigation, in its order.
const SCREENS = [
  { path: 'dashboard', key: 'nav.dashboard', view: dashboard },
  { path: 'plan', key: 'nav.plan', view: plan },
  { path: 'import', key: 'nav.import', view: importView },
  { path: 'my-work', key: 'nav.mywork', view: mywork },
  { path: 'review', key: 'nav.review', view: review },
  { path: 'rankings', key: 'nav.rankings', view: rankings },
  { path: 'history', key: 'nav.history', view: history },
  // roles (optional): the roles that see the row in the navigation (all when absent)
  { path: 'users', key: 'nav.users', view: users, roles: ['admin', 'coordinator'] },
  { path: 'account', key: 'nav.account', view: account },
];

const state = { user: null };
const $ = (id) => document.getElementById(id);

function route() {
  const parts = (location.hash.replace(/^#\/?/, '') || 'dashboard').split('/').map(decodeURIComponent);
  return { name: parts[0], args: parts.slice(1) };
}

function renderChrome() {
  document.title = t('app.title');
  $('skip').textContent = t('skip');
  $('lang-switch').textContent = t('lang.switch');
  $('logout').textContent = t('logout');
  $('logout').hidden = !state.user;
  $('who').textContent = state.user ? state.user.name || state.user.login : '';
  const nav = $('nav');
  nav.hidden = !state.user;
  nav.setAttribute('aria-label', t('nav.label'));
  if (!state.user) return;
  const current = route().name;
  mount(nav, h('ul', {}, SCREENS.filter((s) => !s.roles || s.roles.includes(state.user.role)).map((s) => h('li', {},
    h('a', { href: '#/' + s.path, 'aria-current': s.path === current ? 'page' : null }, t(s.key))))));
}

async function render() {
  renderChrome();
  const main = $('main');
  if (!state.user) {
    renderLogin(main, onLogin);
    return;
  }
  const r = route();
  const screen = SCREENS.find((s) => s.path === r.name);
  if (!screen) {
    mount(main, h('h1', {}, t('notfound')));
    return;
  }
  mount(main, h('p', { class: 'muted' }, t('loading')));
  try {
    await screen.view.render(main, { user: state.user, args: r.args });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      state.user = null;
      render();
      return;
    }
    mount(main, h('h1', {}, t(screen.key)), h('p', { class: 'error', role: 'alert' }, e.message));
  }
}

function onLogin(answer) {
  state.user = answer.user;
  setCsrf(answer.csrf_token);
  // a reporter's first screen is the work due; everyone else's the dashboard
  if (!location.hash) location.hash = state.user.role === 'reporter' ? '#/my-work' : '#/dashboard';
  render();
  $('main').focus();
}

async function logout() {
  try { await api('POST', '/api/v1/logout'); } catch { /* the session may be gone already */ }
  state.user = null;
  setCsrf('');
  render();
}

async function start() {
  setLang(getLang());
  $('lang-switch').addEventListener('click', () => { setLang(getLang() === 'vi' ? 'en' : 'vi'); render(); });
  $('logout').addEventListener('click', logout);
  window.addEventListener('hashchange', render);
  try {
    const me = await api('GET', '/api/v1/me');
    state.user = me.user;
    setCsrf(me.csrf_token);
  } catch {
    state.user = null;
  }
  render();
}

start();
