// orgs.test.mjs — the org changes screen (#/orgs, web/js/views/orgs.js) in a
// real Chromium at 360 px, on its own `dti demo` server: the commune's
// coordinator renames a unit (the change listed, the API agrees), a merger
// of one unit is refused with the server's message and the field marked,
// and a reporter has no such screen in its navigation. Every field is
// labelled, nothing scrolls sideways; a screenshot in build/test-artifacts/.
import { test, before, after } from 'node:test';
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
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dti-orgs-ui-'));
const DB = path.join(tmp, 'orgs.db');
let server, BASE, browser;

before(async () => {
  execFileSync(DTI, ['--db', DB, 'demo'], { env: { ...process.env, DTI_NOW: '2026-11-23T03:00:00Z' } });
  server = spawn(DTI, ['--db', DB, 'serve', '--listen', '127.0.0.1:0', '--threads', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
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

async function login(page, user) {
  await page.goto(BASE + '/');
  await page.fill('#login-user', user);
  await page.fill('#login-password', PW);
  await page.press('#login-password', 'Enter');
  await page.waitForSelector('nav#nav a', { state: 'attached' });
}

test('a commune coordinator renames a unit at 360 px; a one-unit merger is refused naming the field', async () => {
  const { ctx, page, problems } = await newPage(360);
  await login(page, 'dieuphoi');
  await page.goto(BASE + '/#/orgs');
  await page.waitForSelector('#og-form');
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('main input, main select')]
    .filter((el) => !(el.id && document.querySelector(`label[for="${el.id}"]`)?.textContent.trim()))
    .map((el) => el.outerHTML));
  assert.deepEqual(unlabelled, []);
  // rename: the first unit offered
  const unit = await page.$eval('#og-orgs option', (o) => ({ id: Number(o.value), name: o.textContent }));
  await page.selectOption('#og-kind', 'rename');
  await page.selectOption('#og-orgs', String(unit.id));
  await page.fill('#og-name', `${unit.name} (mới)`);
  await page.fill('#og-note', 'QĐ thử');
  await page.click('#og-form button[type=submit]');
  await page.waitForSelector('.flash');
  assert.match(await page.textContent('.flash'), /Đã ghi thay đổi số \d+/);
  const row = await page.textContent('#og-list tbody tr');
  assert.ok(row.includes(unit.name) && row.includes(`${unit.name} (mới)`) && row.includes('QĐ thử'), row);
  await page.screenshot({ path: path.join(ART, 'orgs-360.png'), fullPage: true });
  const sw = await page.evaluate(() => document.documentElement.scrollWidth);
  const wide = await page.evaluate(() => [...document.querySelectorAll('main *')].filter((el) => el.getBoundingClientRect().right > 362)
    .slice(0, 3).map((el) => el.outerHTML.slice(0, 120)));
  assert.ok(sw <= 360, `no sideways scrolling (${sw}): ${wide.join(' | ')}`);
  // the picker offers the new name
  assert.equal(await page.$eval(`#og-orgs option[value="${unit.id}"]`, (o) => o.textContent), `${unit.name} (mới)`);
  // the API agrees
  const api = await page.evaluate(async (id) => (await fetch(`/api/v1/orgs/changes?org=${id}`)).json(), unit.id);
  assert.equal(api.changes.length, 1);
  assert.equal(api.changes[0].after.name, `${unit.name} (mới)`);
  // a merger of a single unit: the server's message, the field marked, nothing recorded
  await page.selectOption('#og-kind', 'merge');
  await page.selectOption('#og-orgs', [String(unit.id)]);
  await page.fill('#og-name', 'Đơn vị gộp');
  await page.click('#og-form button[type=submit]');
  await page.waitForFunction(() => document.querySelector('#og-error').textContent.length > 0);
  assert.match(await page.textContent('#og-error'), /ít nhất hai/);
  assert.equal(await page.getAttribute('#og-orgs', 'aria-invalid'), 'true');
  assert.equal(await page.$$eval('#og-list tbody tr', (r) => r.length), 1);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('a reporter has no org changes screen', async () => {
  const { ctx, page } = await newPage(1280);
  await login(page, 'kinhte');
  assert.equal(await page.$('nav#nav a[href="#/orgs"]'), null);
  await ctx.close();
});
