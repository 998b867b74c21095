// users.test.mjs — accounts in a real Chromium, on its own `dti demo` server:
// at 1280 px the admin adds a reporter for a unit, the reporter logs in (no
// Accounts screen in its navigation) and changes its own password; at 360 px
// the commune's coordinator adds a viewer by keyboard (roles limited to what
// it may give, units only of its commune) and disables it. Every field is
// labelled, nothing scrolls sideways; screenshots in build/test-artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';
import { chromium } from '../../web/node_modules/playwright-core/index.mjs';

const ROOT = process.env.DTI_ROOT || '.';
const DTI = process.env.DTI || `${ROOT}/build/dti`;
const ART = process.env.DTI_ARTIFACTS || 'build/test-artifacts';
const PW = 'demo-2026';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dti-users-ui-'));
const DB = path.join(tmp, 'users.db');
let server, BASE, browser;

before(async () => {
  execFileSync(DTI, ['--db', DB, 'demo'], { env: { ...process.env, DTI_NOW: '2026-11-23T03:00:00Z' } });
  server = spawn(DTI, ['--db', DB, 'serve', '--listen', '127.0.0.1:0', '--threads', '4'], { stdio: ['ignore', 'pipe', 'pipe'] });
  BASE = await new Promise((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => reject(new Error('server did not start: ' + out)), 10000);
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
  await page.waitForSelector('nav#nav a');
}

async function apiLogin(user, password) {
  const r = await fetch(BASE + '/api/v1/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: user, password }) });
  return r.status;
}

test('at 1280 px the admin adds a reporter for a unit, who logs in and changes its password', async () => {
  const { ctx, page, problems } = await newPage(1280);
  try {
    await login(page, 'admin', PW);
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
    assert.match(await page.textContent('#us-error'), /tên đăng nhập/);
    await page.fill('#us-login', 'yte.moi');
    await page.click('#us-form button[type=submit]');
    await page.waitForSelector('#us-list li[data-login="yte.moi"]');
    assert.match(await page.textContent('#us-status'), /Đã thêm tài khoản yte\.moi/);
    assert.equal(await page.$$eval('#us-list li', (l) => l.length), before + 1);
    const cardText = await page.textContent('#us-list li[data-login="yte.moi"]');
    assert.match(cardText, /Cán bộ Trạm Y tế mới/);
    assert.match(cardText, /Báo cáo \(đơn vị\)/);
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
    await page.click('nav#nav a[href="#/my-work"]');
    await page.waitForSelector('nav#nav a[aria-current="page"][href="#/my-work"]');
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
    assert.match(await page.textContent(card), /Xem \(lãnh đạo\)/);
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
