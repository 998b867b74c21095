// users.test.mjs — accounts in a real Chromium, on its own `dti demo` server:
// at 1280 px the admin adds a reporter for a unit, the reporter logs in (no
// Accounts screen in its navigation) and changes its own password; at 360 px
// the commune's coordinator adds a viewer by keyboard (roles limited to what
// it may give, units only of its commune) and disables it. Editing an
// account inline: the admin renames a reporter and makes it a viewer (its
// sessions end; the API agrees), an empty name is refused with the server's
// message and changes nothing; at 360 px the coordinator has no Edit on a
// coordinator's card, edits a reporter by keyboard, and a role it may not
// give (a tampered select) is refused. Every field is labelled, nothing
// scrolls sideways; screenshots in build/test-artifacts/.
import { test, before, after } from 'node:test';
import { testDb } from '../lib/db.mjs';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';
import { chromium } from '../../web/node_modules/playwright-core/index.mjs';
import { pinClock } from '../lib/now.mjs';

const ROOT = process.env.DTI_ROOT || '.';
const DTI = process.env.DTI || `${ROOT}/build/dti`;
const ART = process.env.DTI_ARTIFACTS || 'build/test-artifacts';
const PW = 'demo-2026';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dti-users-ui-'));
const DB = testDb(path.join(tmp, 'users.db'));
let server, BASE, browser;

before(async () => {
  execFileSync(DTI, ['--db', DB, 'demo'], { env: { ...process.env, DTI_NOW: '2026-11-23T03:00:00Z' } });
  server = spawn(DTI, ['--db', DB, 'serve', '--listen', '127.0.0.1:0', '--threads', '4'], { stdio: ['ignore', 'pipe', 'pipe'] });
  BASE = await new Promise((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => reject(new Error('server did not start: ' + out)), 60000);
    server.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+/);
      if (m) { clearTimeout(t); resolve(m[0]); }
    });
  });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  fs.mkdirSync(ART, { recursive: true });
});

after(async () => {
  await browser?.close();
  if (server) {
    const done = new Promise((r) => server.on('exit', r));
    server.kill('SIGTERM');
    await done;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function assertLabelled(page) {
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('main input, main select')]
    .filter((el) => !(el.id && document.querySelector(`label[for="${el.id}"]`)?.textContent.trim()))
    .map((el) => el.outerHTML));
  assert.deepEqual(unlabelled, []);
}

async function noSideways(page, width, what) {
  const sw = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(sw <= width, `${what}: no sideways scrolling (${sw} > ${width})`);
}

async function newPage(width) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN' });
  await pinClock(ctx);
  const page = await ctx.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource: .* status of 40[0-9]/.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  return { ctx, page, problems };
}

async function login(page, user, password) {
  await page.goto(BASE + '/');
  await page.fill('#login-user', user);
  await page.fill('#login-password', password);
  await page.press('#login-password', 'Enter');
  await page.waitForSelector('nav#nav a', { state: 'attached' });
}

async function apiLogin(user, password) {
  const r = await fetch(BASE + '/api/v1/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: user, password }) });
  return r.status;
}

// An API session of USER: {cookie, csrf}.
async function apiSession(user, password = PW) {
  const r = await fetch(BASE + '/api/v1/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: user, password }) });
  assert.equal(r.status, 200, `login ${user}`);
  const body = await r.json();
  return { cookie: r.headers.get('set-cookie').split(';')[0], csrf: body.csrf_token };
}

async function apiCall(sess, method, p, body) {
  const headers = { Cookie: sess.cookie, Accept: 'application/json' };
  if (method !== 'GET') headers['X-CSRF-Token'] = sess.csrf;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const r = await fetch(BASE + p, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  return { status: r.status, json: text ? JSON.parse(text) : null };
}

// The account LOGIN as the admin's GET /api/v1/users shows it.
async function account(admin, loginName) {
  const r = await apiCall(admin, 'GET', '/api/v1/users');
  assert.equal(r.status, 200);
  const u = r.json.users.find((x) => x.login === loginName);
  assert.ok(u, `${loginName} listed`);
  return u;
}

test('at 1280 px the admin adds a reporter for a unit, who logs in and changes its password', async () => {
  const { ctx, page, problems } = await newPage(1280);
  try {
    await login(page, 'admin', PW);
    if (await page.isVisible('#menu-toggle')) await page.click('#menu-toggle');
    await page.click('nav#nav a[href="#/users"]');
    await page.waitForSelector('#us-form');
    await assertLabelled(page);
    // the admin may give every role; the units of the whole tree are offered
    const roles = await page.$$eval('#us-role option', (os) => os.map((o) => o.value));
    assert.deepEqual(roles, ['admin', 'coordinator', 'reporter', 'viewer']);
    const units = await page.$$eval('#us-org option', (os) => os.map((o) => o.textContent.trim()));
    assert.ok(units.includes('Bình Nguyên') && units.includes('Trạm Y tế xã'), units.join('|'));
    const before = await page.$$eval('#us-list li', (l) => l.length);

    await page.fill('#us-login', 'yte.moi');
    await page.fill('#us-display', 'Cán bộ Trạm Y tế mới');
    await page.selectOption('#us-role', 'reporter');
    const yte = await page.$eval('#us-org', (s) => [...s.options].find((o) => o.textContent.trim() === 'Trạm Y tế xã').value);
    await page.selectOption('#us-org', yte);
    // too short a password is caught on the page, before the server
    await page.fill('#us-password', 'ngan');
    await page.click('#us-form button[type=submit]');
    await page.waitForSelector('#us-password[aria-invalid="true"]');
    assert.match(await page.textContent('#us-error'), /ít nhất 8 ký tự/);
    // a login with capitals: the server's message names the field
    await page.fill('#us-password', 'mat-khau-yte-1');
    await page.fill('#us-login', 'YTE MOI');
    await page.click('#us-form button[type=submit]');
    await page.waitForSelector('#us-login[aria-invalid="true"]');
    assert.match(await page.textContent('#us-error'), /tên đăng nhập/i);
    await page.fill('#us-login', 'yte.moi');
    await page.click('#us-form button[type=submit]');
    await page.waitForSelector('#us-list li[data-login="yte.moi"]');
    assert.match(await page.textContent('#us-status'), /Đã thêm tài khoản yte\.moi/);
    assert.equal(await page.$$eval('#us-list li', (l) => l.length), before + 1);
    const cardText = await page.textContent('#us-list li[data-login="yte.moi"]');
    assert.match(cardText, /Cán bộ Trạm Y tế mới/);
    assert.match(cardText, /Đơn vị báo cáo/);
    assert.match(cardText, /Trạm Y tế xã/);
    assert.match(cardText, /Đang hoạt động/);
    await page.screenshot({ path: `${ART}/users-admin-1280.png`, fullPage: true });
    // English
    await page.click('#lang-switch');
    await page.waitForSelector('text=Add an account');
    await page.click('#lang-switch');
    await page.waitForSelector('text=Thêm tài khoản');
    await noSideways(page, 1280, 'accounts');

    // the new reporter logs in: its own work, no Accounts screen
    await page.click('#logout');
    await login(page, 'yte.moi', 'mat-khau-yte-1');
    await page.waitForFunction(() => location.hash === '#/my-work');
    assert.equal(await page.$('nav#nav a[href="#/users"]'), null, 'a reporter has no Accounts screen');
    assert.match(await page.textContent('#who'), /Cán bộ Trạm Y tế mới/);
    // and changes its own password
    if (await page.isVisible('#menu-toggle')) await page.click('#menu-toggle');
    await page.click('nav#nav a[href="#/account"]');
    await page.waitForSelector('#ac-form');
    await assertLabelled(page);
    await page.fill('#ac-current', 'sai-mat-khau');
    await page.fill('#ac-new', 'mat-khau-yte-2');
    await page.fill('#ac-again', 'mat-khau-yte-2');
    await page.click('#ac-form button[type=submit]');
    await page.waitForSelector('#ac-current[aria-invalid="true"]');
    assert.match(await page.textContent('#ac-error'), /mật khẩu hiện tại/i);
    await page.fill('#ac-current', 'mat-khau-yte-1');
    await page.fill('#ac-new', 'mat-khau-yte-2');
    await page.fill('#ac-again', 'mat-khau-yte-3');
    await page.click('#ac-form button[type=submit]');
    assert.match(await page.textContent('#ac-error'), /không khớp/);
    await page.fill('#ac-again', 'mat-khau-yte-2');
    await page.click('#ac-form button[type=submit]');
    await page.waitForSelector('#ac-done:not(:empty)');
    assert.match(await page.textContent('#ac-done'), /Đã đổi mật khẩu/);
    await page.screenshot({ path: `${ART}/users-account-1280.png`, fullPage: true });
    // this session stays; the new password logs in, the old one no more
    if (await page.isVisible('#menu-toggle')) await page.click('#menu-toggle');
    await page.click('nav#nav a[href="#/my-work"]');
    await page.waitForSelector('nav#nav a[aria-current="page"][href="#/my-work"]', { state: 'attached' });
    assert.equal(await apiLogin('yte.moi', 'mat-khau-yte-2'), 200);
    assert.equal(await apiLogin('yte.moi', 'mat-khau-yte-1'), 401);
    // #/users typed by hand: the screen says who may use it
    await page.goto(BASE + '/#/users');
    await page.waitForSelector('main a[href="#/account"]');
    assert.equal(await page.$('#us-form'), null);
    assert.deepEqual(problems, []);
  } finally {
    await ctx.close();
  }
});

test('at 360 px the coordinator adds a viewer by keyboard and disables it', async () => {
  const { ctx, page, problems } = await newPage(360);
  try {
    await login(page, 'dieuphoi', PW);
    await page.goto(BASE + '/#/users');
    await page.waitForSelector('#us-form');
    await assertLabelled(page);
    await noSideways(page, 360, 'accounts at 360 px');
    // a coordinator gives only reporter and viewer, within its commune
    assert.deepEqual(await page.$$eval('#us-role option', (os) => os.map((o) => o.value)), ['reporter', 'viewer']);
    const units = await page.$$eval('#us-org option', (os) => os.map((o) => o.textContent.trim()));
    assert.ok(units.includes('Hòa Bình') && !units.includes('Bình Nguyên'), units.join('|'));
    assert.equal(await page.$('#us-list li[data-login="admin"]'), null, 'no admin in a coordinator\'s list');
    // by keyboard: type, Tab, choose with the arrow keys, Enter
    await page.focus('#us-login');
    await page.keyboard.type('pct.xa');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Phó Chủ tịch UBND xã');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'us-role');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.$eval('#us-role', (s) => s.value), 'viewer');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'us-org');
    await page.keyboard.press('Home');
    assert.equal(await page.$eval('#us-org', (s) => s.selectedOptions[0].textContent.trim()), 'Hòa Bình');
    await page.keyboard.press('Tab');
    await page.keyboard.type('mat-khau-pct-1');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#us-list li[data-login="pct.xa"]');
    const card = '#us-list li[data-login="pct.xa"]';
    assert.match(await page.textContent(card), /Lãnh đạo, theo dõi \(chỉ xem\)/);
    const box = await page.$eval(card, (el) => el.getBoundingClientRect().right);
    assert.ok(box <= 360, `the card fits (${box})`);
    await noSideways(page, 360, 'accounts after adding');
    assert.equal(await apiLogin('pct.xa', 'mat-khau-pct-1'), 200);
    await page.screenshot({ path: `${ART}/users-coordinator-360.png`, fullPage: true });
    // disable it: it can no longer log in; enable again by keyboard
    await page.click(`${card} button[data-action="disable"]`);
    await page.waitForSelector(`${card} button[data-action="enable"]`);
    assert.match(await page.textContent(card), /Đã khóa/);
    assert.match(await page.textContent('#us-status'), /Đã khóa pct\.xa/);
    assert.equal(await apiLogin('pct.xa', 'mat-khau-pct-1'), 401);
    await page.focus(`${card} button[data-action="enable"]`);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${card} button[data-action="disable"]`);
    assert.equal(await apiLogin('pct.xa', 'mat-khau-pct-1'), 200);
    // reset its password
    await page.click(`${card} button[data-action="reset"]`);
    const pw = await page.$eval(`${card} form.reset input`, (el) => el.id);
    assert.equal(await page.evaluate(() => document.activeElement.id), pw);
    await page.keyboard.type('mat-khau-pct-2');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#us-status:has-text("Đã đặt lại mật khẩu")');
    assert.equal(await apiLogin('pct.xa', 'mat-khau-pct-2'), 200);
    await noSideways(page, 360, 'accounts after the reset');
    await page.screenshot({ path: `${ART}/users-coordinator-reset-360.png`, fullPage: true });
    assert.deepEqual(problems, []);
  } finally {
    await ctx.close();
  }
});

test('the admin edits a reporter inline: a refused empty name changes nothing, then name and role change', async () => {
  const { ctx, page, problems } = await newPage(1280);
  try {
    const admin = await apiSession('admin');
    const before = await account(admin, 'congan');
    assert.equal(before.role, 'reporter');
    const congan = await apiSession('congan');
    await login(page, 'admin', PW);
    await page.goto(BASE + '/#/users');
    await page.waitForSelector('#us-list');
    const card = '#us-list li[data-login="congan"]';
    const form = `#us-edit-${before.id}-form`;
    // one's own card has no Edit; a manageable one has, closed
    assert.equal(await page.$('#us-list li[data-login="admin"] button[data-action="edit"]'), null);
    // closed, an edit form holds no fields (the add form's labels stay unique)
    assert.equal(await page.$$eval('form.edit', (f) => f.length), 0);
    await page.click(`${card} button[data-action="edit"]`);
    await page.waitForSelector(form, { state: 'visible' });
    assert.equal(await page.getAttribute(`${card} button[data-action="edit"]`, 'aria-expanded'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement.id), `us-edit-${before.id}-display`);
    await assertLabelled(page);
    // filled with the account as it is; the roles the list offers the admin
    assert.equal(await page.inputValue(`${form} input[name=display]`), before.display);
    assert.equal(await page.inputValue(`${form} select[name=role]`), 'reporter');
    assert.equal(await page.inputValue(`${form} select[name=org_id]`), String(before.org_id));
    const listRoles = (await apiCall(admin, 'GET', '/api/v1/users')).json.roles;
    assert.deepEqual(await page.$$eval(`${form} select[name=role] option`, (os) => os.map((o) => o.value)), listRoles);
    // admin needs no unit: "none" is chosen; back to viewer, a unit again
    await page.selectOption(`${form} select[name=role]`, 'admin');
    assert.equal(await page.inputValue(`${form} select[name=org_id]`), '');
    await page.selectOption(`${form} select[name=role]`, 'viewer');
    assert.equal(await page.inputValue(`${form} select[name=org_id]`), String(before.org_id));

    // an empty name with a role change: the server refuses, nothing changes
    await page.fill(`${form} input[name=display]`, '   ');
    await page.click(`${form} button[type=submit]`);
    await page.waitForSelector(`${form} [role=alert]:not(:empty)`);
    assert.match(await page.textContent(`${form} [role=alert]`), /tên hiển thị/i);
    assert.equal(await page.getAttribute(`${form} input[name=display]`, 'aria-invalid'), 'true');
    assert.equal(await page.isVisible(form), true, 'the form stays open');
    assert.equal(await page.inputValue(`${form} select[name=role]`), 'viewer', 'the values entered stay');
    const still = await account(admin, 'congan');
    assert.equal(still.display, before.display);
    assert.equal(still.role, 'reporter');
    assert.equal((await apiCall(congan, 'GET', '/api/v1/me')).status, 200, 'its session lives on');

    // a new name and viewer: only the changed fields are sent
    const sent = [];
    page.on('request', (rq) => { if (rq.method() === 'PATCH') sent.push(rq.postDataJSON()); });
    await page.fill(`${form} input[name=display]`, 'Công an xã (chỉ xem)');
    await page.click(`${form} button[type=submit]`);
    await page.waitForSelector('#us-status:has-text("Đã cập nhật tài khoản congan")');
    assert.match(await page.textContent('#us-status'), /phiên đăng nhập/);
    assert.deepEqual(sent, [{ display: 'Công an xã (chỉ xem)', role: 'viewer' }]);
    const text = await page.textContent(card);
    assert.match(text, /Công an xã \(chỉ xem\)/);
    assert.match(text, /Lãnh đạo, theo dõi \(chỉ xem\)/);
    assert.match(text, /Công an xã/);
    const after = await account(admin, 'congan');
    assert.equal(after.display, 'Công an xã (chỉ xem)');
    assert.equal(after.role, 'viewer');
    assert.equal(after.org_id, before.org_id);
    assert.equal((await apiCall(congan, 'GET', '/api/v1/me')).status, 401, 'a role change ends its sessions');

    // a name alone: its sessions stay; the status says so by not saying otherwise
    const hcc = await account(admin, 'hcc');
    const hccSess = await apiSession('hcc');
    const hform = `#us-edit-${hcc.id}-form`;
    await page.click(`#us-list li[data-login="hcc"] button[data-action="edit"]`);
    await page.fill(`${hform} input[name=display]`, 'Trung tâm Phục vụ hành chính công xã');
    await page.press(`${hform} input[name=display]`, 'Enter');
    await page.waitForSelector('#us-status:has-text("Đã cập nhật tài khoản hcc")');
    assert.doesNotMatch(await page.textContent('#us-status'), /phiên/);
    assert.deepEqual(sent.at(-1), { display: 'Trung tâm Phục vụ hành chính công xã' });
    assert.equal((await account(admin, 'hcc')).display, 'Trung tâm Phục vụ hành chính công xã');
    assert.equal((await apiCall(hccSess, 'GET', '/api/v1/me')).status, 200);
    // Cancel closes without sending, Edit gets the focus back
    await page.click(`#us-list li[data-login="yte"] button[data-action="edit"]`);
    await page.fill('#us-list li[data-login="yte"] input[name=display]', 'không lưu');
    const n = sent.length;
    await page.click('#us-list li[data-login="yte"] button[data-action="cancel"]');
    assert.equal(await page.$('#us-list li[data-login="yte"] form.edit'), null);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.action), 'edit');
    assert.equal(sent.length, n);
    assert.notEqual((await account(admin, 'yte')).display, 'không lưu');
    // English
    await page.click('#lang-switch');
    await page.waitForSelector('#us-list li[data-login="yte"] button[data-action="edit"]:has-text("Edit")');
    await page.click('#lang-switch');
    await page.waitForSelector('#us-list li[data-login="yte"] button[data-action="edit"]:has-text("Sửa")');
    await page.screenshot({ path: `${ART}/users-edit-1280.png`, fullPage: true });
    assert.deepEqual(problems, []);
  } finally {
    await ctx.close();
  }
});

test('at 360 px the coordinator edits a reporter by keyboard, never a coordinator, and may not make an admin', async () => {
  const { ctx, page, problems } = await newPage(360);
  try {
    const admin = await apiSession('admin');
    const me = await account(admin, 'dieuphoi');
    const made = await apiCall(admin, 'POST', '/api/v1/users', { login: 'dieuphoi2', display: 'Điều phối viên thứ hai',
      role: 'coordinator', org_id: me.org_id, password: 'mat-khau-dp-2' });
    assert.equal(made.status, 201);
    await login(page, 'dieuphoi', PW);
    await page.goto(BASE + '/#/users');
    await page.waitForSelector('#us-list li[data-login="dieuphoi2"]');
    // Edit only on the reporter and viewer cards, never on a coordinator's
    const cards = await page.$$eval('#us-list li', (ls) => ls.map((li) => ({ login: li.dataset.login,
      edit: !!li.querySelector('button[data-action="edit"]') })));
    const roles = new Map((await apiCall(admin, 'GET', '/api/v1/users')).json.users.map((u) => [u.login, u.role]));
    for (const c of cards)
      assert.equal(c.edit, ['reporter', 'viewer'].includes(roles.get(c.login)) && c.login !== 'dieuphoi', c.login);
    assert.ok(cards.some((c) => c.edit), 'some card has Edit');
    assert.ok(cards.some((c) => c.login === 'dieuphoi2' && !c.edit));

    // by keyboard: Enter on Edit, type, Tab, arrow, Tab, Tab to Save, Enter
    const vhxh = await account(admin, 'vhxh');
    const vhxhSess = await apiSession('vhxh');
    const card = '#us-list li[data-login="vhxh"]';
    const form = `#us-edit-${vhxh.id}-form`;
    await page.focus(`${card} button[data-action="edit"]`);
    await page.keyboard.press('Enter');
    await page.waitForSelector(form, { state: 'visible' });
    assert.equal(await page.evaluate(() => document.activeElement.id), `us-edit-${vhxh.id}-display`);
    assert.deepEqual(await page.$$eval(`${form} select[name=role] option`, (os) => os.map((o) => o.value)), ['reporter', 'viewer']);
    const units = await page.$$eval(`${form} select[name=org_id] option`, (os) => os.map((o) => o.textContent.trim()));
    assert.ok(units.includes('Hòa Bình') && !units.includes('Bình Nguyên'), units.join('|'));
    await assertLabelled(page);
    await noSideways(page, 360, 'edit form at 360 px');
    const right = await page.$eval(form, (el) => el.getBoundingClientRect().right);
    assert.ok(right <= 360, `the form fits (${right})`);
    await page.screenshot({ path: `${ART}/users-edit-coordinator-360.png`, fullPage: true });
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Phòng Văn hóa - Xã hội (theo dõi)');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), `us-edit-${vhxh.id}-role`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), `us-edit-${vhxh.id}-org`);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.type), 'submit');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#us-status:has-text("Đã cập nhật tài khoản vhxh")');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'us-status');
    assert.match(await page.textContent(card), /Phòng Văn hóa - Xã hội \(theo dõi\)/);
    assert.match(await page.textContent(card), /Lãnh đạo, theo dõi \(chỉ xem\)/);
    const after = await account(admin, 'vhxh');
    assert.equal(after.display, 'Phòng Văn hóa - Xã hội (theo dõi)');
    assert.equal(after.role, 'viewer');
    assert.equal((await apiCall(vhxhSess, 'GET', '/api/v1/me')).status, 401);

    // a role it may not give, slipped into the select: the server refuses
    const kinhte = await account(admin, 'kinhte');
    const kform = `#us-edit-${kinhte.id}-form`;
    await page.click('#us-list li[data-login="kinhte"] button[data-action="edit"]');
    await page.$eval(`${kform} select[name=role]`, (s) => {
      s.append(new Option('admin', 'admin'));
      s.value = 'admin';
    });
    await page.click(`${kform} button[type=submit]`);
    await page.waitForSelector(`${kform} [role=alert]:not(:empty)`);
    assert.match(await page.textContent(`${kform} [role=alert]`), /điều phối viên chỉ quản lý/i);
    assert.equal(await page.getAttribute(`${kform} select[name=role]`, 'aria-invalid'), 'true');
    assert.equal(await page.isVisible(kform), true);
    const k2 = await account(admin, 'kinhte');
    assert.deepEqual([k2.role, k2.display, k2.org_id], [kinhte.role, kinhte.display, kinhte.org_id]);
    await noSideways(page, 360, 'edit form with its error');
    await page.screenshot({ path: `${ART}/users-edit-refused-360.png`, fullPage: true });
    assert.deepEqual(problems, []);
  } finally {
    await ctx.close();
  }
});
