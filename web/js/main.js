// main.js — the application shell: who is logged in, the navigation, and
// a hash router (#/plan/3) over one module per screen (views/*.js).
//
// Navigation: one list of links, a row on wide screens; below 800 px a
// short bar with a menu button ("☰ Trình đơn"; the screen's own title says
// where one is),
// which opens the list (aria-expanded, Escape closes it, a link closes it):
// ten bordered buttons in five rows took 300 of a phone's 780 px on every
// page. A SCREENS row may name the roles that see it
// (`roles: ['admin', 'coordinator']`); without `roles` every logged-in user
// sees it. This only hides links: app/ decides what each user may do.
//
// Rendering: render() is async and the hash can change while a screen is
// still loading. Each render gets a generation number, a fresh host element
// inside <main> and an AbortSignal (ctx.signal, aborted when a newer render
// starts; ctx.current() says whether this render is still the latest). A
// stale render mounts into its own host, which is no longer in the page, so
// a slow earlier screen can never cover a later one.
import { api, setCsrf, ApiError } from './api.js';
import { h, mount } from './dom.js';
import { t, getLang, setLang } from './i18n.js';
import { renderLogin } from './views/login.js';
// Each screen's module is loaded when it is first opened (import() below):
// the login page and the first screen do not wait for the other thirteen.
// The screens of the navigation, in its order.
const SCREENS = [
  { path: 'dashboard', key: 'nav.dashboard', load: () => import('./views/dashboard.js') },
  // the province's home: shown to whoever may open a province (show), and
  // the first screen of a user whose scope is a province (landing below)
  { path: 'province', key: 'nav.province', load: () => import('./views/province.js'), show: (u) => u.provinces > 0 },
  { path: 'plan', key: 'nav.plan', load: () => import('./views/plan.js') },
  { path: 'import', key: 'nav.import', load: () => import('./views/import.js'), roles: ['admin', 'coordinator'] },
  { path: 'my-work', key: 'nav.mywork', load: () => import('./views/mywork.js'), roles: ['admin', 'coordinator', 'reporter'] },
  { path: 'review', key: 'nav.review', load: () => import('./views/review.js'), roles: ['admin', 'coordinator'] },
  { path: 'rankings', key: 'nav.rankings', load: () => import('./views/rankings.js') },
  { path: 'appraise', key: 'nav.appraise', load: () => import('./views/appraise.js'), roles: ['admin', 'coordinator'] },
  { path: 'history', key: 'nav.history', load: () => import('./views/history.js') },
  { path: 'calendar', key: 'nav.calendar', load: () => import('./views/calendar.js') },
  // roles (optional): the roles that see the row in the navigation (all when absent)
  { path: 'units', key: 'nav.units', load: () => import('./views/units.js'), roles: ['admin', 'coordinator'] },
  { path: 'users', key: 'nav.users', load: () => import('./views/users.js'), roles: ['admin', 'coordinator'] },
  { path: 'orgs', key: 'nav.orgs', load: () => import('./views/orgs.js'), roles: ['admin', 'coordinator'] },
  { path: 'account', key: 'nav.account', load: () => import('./views/account.js') },
  { path: 'notices', key: 'nav.notices', load: () => import('./views/notices.js') },
  // reached by links only (the dashboard's indicators), not in the navigation
  { path: 'indicator', key: 'nav.dashboard', load: () => import('./views/indicator.js'), hidden: true },
];

const state = { user: null };
const $ = (id) => document.getElementById(id);
// The latest render: its generation number and the AbortController of its
// signal (see the top of this file).
const latest = { gen: 0, abort: null };

// The SCREENS rows USER sees in the navigation.
function visibleScreens(user) {
  return SCREENS.filter((s) => !s.hidden && (!s.roles || (user && s.roles.includes(user.role))) && (!s.show || (user && s.show(user))));
}

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
  const menu = $('menu-toggle');
  menu.hidden = !state.user;
  if (!state.user) return;
  const current = route().name === 'indicator' ? 'dashboard' : route().name;
  mount(menu, h('span', { 'aria-hidden': 'true' }, '☰ '), t('nav.menu'));
  setMenu(false);
  mount(nav, h('ul', {}, visibleScreens(state.user).map((s) => h('li', {},
    h('a', { href: '#/' + s.path, 'aria-current': s.path === current ? 'page' : null }, t(s.key))))));
}

// Open or close the navigation's menu (narrow screens; wide ones show the
// links whatever its state).
function setMenu(open) {
  $('menu-toggle').setAttribute('aria-expanded', open ? 'true' : 'false');
  $('nav').classList.toggle('open', open);
}

async function render() {
  const gen = ++latest.gen;
  if (latest.abort) latest.abort.abort();
  const ac = new AbortController();
  latest.abort = ac;
  const current = () => gen === latest.gen;
  // a link of the navigation was just used: its element is rebuilt below,
  // so take the focus to the new screen rather than lose it to <body>
  const fromNav = $('nav').contains(document.activeElement);
  renderChrome();
  const main = $('main');
  // this render's own host: a later render replaces it, so whatever this
  // one mounts after that goes nowhere
  const host = h('div', { class: 'screen', 'data-screen': route().name });
  mount(main, host);
  if (fromNav) main.focus();
  if (!state.user) {
    renderLogin(host, onLogin);
    return;
  }
  const r = route();
  const screen = SCREENS.find((s) => s.path === r.name);
  if (!screen) {
    mount(host, h('h1', {}, t('notfound')));
    return;
  }
  mount(host, h('p', { class: 'muted' }, t('loading')));
  try {
    const view = await screen.load();
    if (!current()) return;
    await view.render(host, { user: state.user, args: r.args, signal: ac.signal, current });
  } catch (e) {
    if (!current()) return;   // the latest render shows its own answer
    if (e instanceof ApiError && e.status === 401) {
      state.user = null;
      render();
      return;
    }
    mount(host, h('h1', {}, t(screen.key)), h('p', { class: 'error', role: 'alert' }, e.message));
  }
}

// How many provinces USER may open (GET /api/v1/provinces; a reporter none),
// kept on the user: the navigation shows the province's home when any.
async function loadProvinces(user) {
  user.provinces = 0;
  user.ownProvince = false;
  if (user.role === 'reporter') return;
  try {
    const { provinces } = await api('GET', '/api/v1/provinces');
    user.provinces = provinces.length;
    user.ownProvince = provinces.some((p) => p.id === user.org_id);
  } catch { /* no province screen */ }
}

// The first screen: a reporter's is the work due; a user whose scope is a
// province (the Sở KH&CN) lands on the province's home, not on one
// commune's dashboard; everyone else on the dashboard.
function landing(user) {
  if (user.role === 'reporter') return '#/my-work';
  return user.ownProvince ? '#/province' : '#/dashboard';
}

// Go to HASH when the address has none, else draw the screen it names:
// once either way. Setting location.hash fires 'hashchange', whose listener
// renders; rendering here as well drew the landing screen twice (two hosts,
// the first one's requests aborted).
function land(hash) {
  if (!location.hash && hash) location.hash = hash;
  else render();
}

async function onLogin(answer) {
  state.user = answer.user;
  setCsrf(answer.csrf_token);
  await loadProvinces(state.user);
  land(landing(state.user));
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
  $('menu-toggle').addEventListener('click', () => {
    const open = $('menu-toggle').getAttribute('aria-expanded') !== 'true';
    setMenu(open);
    if (open) $('nav').querySelector('a')?.focus();
  });
  $('nav').addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && $('nav').classList.contains('open')) { setMenu(false); $('menu-toggle').focus(); }
  });
  // the skip link must not go through the router (#main is no screen)
  $('skip').addEventListener('click', (ev) => { ev.preventDefault(); $('main').focus(); });
  window.addEventListener('hashchange', render);
  try {
    const me = await api('GET', '/api/v1/me');
    state.user = me.user;
    setCsrf(me.csrf_token);
    await loadProvinces(state.user);
  } catch {
    state.user = null;
  }
  land(state.user && state.user.ownProvince ? '#/province' : '');
}

start();
