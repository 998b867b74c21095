// import-units.test.mjs — the import preview and its units (issue 13 §6):
// a coordinator who opens another commune's plan is stopped at once by a
// banner naming whose plan it is; province bodies are listed apart from the
// commune's units; on the result page each new unit's abbreviation can be
// expanded into its full name, and "Tạo tài khoản cho N đơn vị mới →"
// creates their accounts; the units screen adds and renames units. On a
// store of its own, at 1280 and 360 px; screenshots in
// build/test-artifacts/import-units-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '../../web/node_modules/playwright-core/index.mjs';
import { nowEnv, pinClock, contextOptions } from '../lib/now.mjs';
import { startServer } from '../lib/serve.mjs';

const ROOT = process.env.DTI_ROOT || process.cwd();
const DTI = process.env.DTI || path.join(ROOT, 'build/dti');
const ART = process.env.DTI_ARTIFACTS || 'build/test-artifacts';
const SHARED = process.env.SHARED || path.join(ROOT, '../shared');
const PLANS = path.join(SHARED, 'plans');
const ADMIN_PW = 'quan-tri-2026';
let browser;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dti-units-'));

before(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'] });
});
after(async () => {
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

// A fresh store with its first admin, served; Minh Đức's plan imported and
// a coordinator of Minh Đức made. Resolves to {srv, hd}.
async function freshServer(name) {
  const db = path.join(tmp, name + '.db');
  execFileSync(DTI, ['--db', db, 'user', 'add', 'admin', '--role', 'admin'], { stdio: 'ignore', env: nowEnv({ DTI_PASSWORD: ADMIN_PW }) });
  const srv = await startServer(DTI, db, { env: nowEnv() });
  const l = await fetch(srv.url + '/api/v1/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password: ADMIN_PW }) });
  const j = await l.json();
  assert.equal(l.status, 200, JSON.stringify(j));
  const hd = { Cookie: l.headers.get('set-cookie').split(';')[0], 'X-CSRF-Token': j.csrf_token };
  const fd = new FormData();
  fd.append('file', new Blob([fs.readFileSync(path.join(PLANS, 'minh-duc-2026-2030-dti.txt'))], { type: 'text/plain' }), 'minh-duc-2026-2030-dti.txt');
  const imp = await fetch(srv.url + '/api/v1/imports', { method: 'POST', headers: hd, body: fd });
  assert.equal(imp.status, 201, await imp.text());
  const orgs = await (await fetch(srv.url + '/api/v1/orgs', { headers: hd })).json();
  const md = orgs.orgs.find((o) => o.kind === 'commune' && /Minh Đức/.test(o.name));
  assert.ok(md, JSON.stringify(orgs));
  const u = await fetch(srv.url + '/api/v1/users', { method: 'POST', headers: { ...hd, 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: 'dpminhduc', display: 'Điều phối Minh Đức', role: 'coordinator', org_id: md.id, password: 'minh-duc-2026' }) });
  assert.equal(u.status, 201, await u.text());
  return { srv, hd };
}

async function login(page, url, user, pw) {
  await page.goto('about:blank');   // a new page load: the app asks who is logged in again
  await page.goto(url + '/#/import');
  await page.waitForSelector('#login-form');
  await page.fill('#login-user', user);
  await page.fill('#login-password', pw);
  await page.click('#login-form button[type=submit]');
  await page.waitForSelector('#import-form');
}

for (const width of [1280, 360]) {
  test(`import: another commune's plan stopped at once; province bodies apart; new units named and given accounts (${width} px)`, async () => {
    const { srv } = await freshServer('u' + width);
    const ctx = await browser.newContext(contextOptions({ viewport: { width, height: 900 } }));
    await pinClock(ctx);
    const page = await ctx.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    const shot = (name) => page.screenshot({ path: path.join(ART, `import-units-${name}-${width}.png`), fullPage: true });
    const noSideways = async (what) => {
      const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(over <= 0, `${what}: the page scrolls sideways by ${over} px`);
    };
    const vt = path.join(PLANS, 'vinh-thuan-2026-dti.txt');
    try {
      // Minh Đức's coordinator opens Vĩnh Thuận's plan: stopped at once
      await login(page, srv.url, 'dpminhduc', 'minh-duc-2026');
      await page.setInputFiles('#import-file', vt);
      await page.click('#import-form button[type=submit]');
      await page.waitForSelector('#import-refused');
      assert.match(await page.textContent('#import-refused'), /Đây là kế hoạch của xã Vĩnh Thuận, không phải của xã bạn phụ trách/);
      assert.equal(await page.locator('#import-confirm').count(), 0, 'nothing to work through');
      assert.equal(await page.locator('#import-matches').count(), 0);
      assert.equal(await page.locator('#import-form').count(), 1, 'another file can be chosen');
      await noSideways('refused');
      await shot('refused');

      // the admin imports it: the commune's units and the province's bodies apart
      await ctx.clearCookies();
      await login(page, srv.url, 'admin', ADMIN_PW);
      await page.setInputFiles('#import-file', vt);
      await page.click('#import-form button[type=submit]');
      await page.waitForSelector('#import-confirm');
      const own = await page.textContent('#import-matches');
      assert.doesNotMatch(own, /\bSở\b|\btỉnh\b/, 'no province body among the commune\'s units: ' + own);
      const prov = page.locator('#import-province');
      if (await prov.count()) assert.match(await prov.textContent(), /Sở|tỉnh/i);
      await page.click('#import-confirm');
      await page.waitForSelector('#import-new-units');
      const n = await page.locator('#import-new-units li').count();
      assert.ok(n >= 1, `new units listed: ${n}`);
      assert.equal((await page.textContent('#import-accounts')).trim(), `Tạo tài khoản cho ${n} đơn vị mới →`);
      // an abbreviation expanded into the full name
      const first = page.locator('#import-new-units form.unit-row').first();
      const oid = await first.getAttribute('data-org');
      const old = await page.inputValue(`#un-${oid}-name`);
      await page.fill(`#un-${oid}-name`, old + ' (tên đầy đủ)');
      await page.click(`#un-${oid}-save`);
      await page.waitForFunction(() => /Đã đổi tên/.test(document.querySelector('main .flash')?.textContent || ''));
      // the accounts, one per new unit, their passwords shown once
      await page.click('#import-accounts');
      await page.waitForSelector('#un-accounts');
      assert.equal(await page.locator('#un-accounts li[data-login]:not([data-login=""])').count(), n);
      await noSideways('result');
      await shot('result');
      const users = await page.evaluate(async () => (await fetch('/api/v1/users')).json());
      assert.equal(users.users.filter((u) => u.role === 'reporter').length, n);
      const orgs = await page.evaluate(async () => (await fetch('/api/v1/orgs')).json());
      assert.ok(orgs.orgs.some((o) => String(o.id) === oid && o.name === old + ' (tên đầy đủ)'));

      // the units screen: add one, rename it; a duplicate said in words
      const commune = orgs.orgs.find((o) => o.kind === 'commune' && /Vĩnh Thuận/.test(o.name));
      await page.goto(`${srv.url}/#/units/${commune.id}`);
      await page.waitForSelector('#un-add');
      await page.fill('#un-add-name', 'Tổ CNSCĐ thôn Đông');
      await page.click('#un-add-btn');
      await page.waitForFunction(() => /Đã thêm đơn vị/.test(document.querySelector('main .flash')?.textContent || ''));
      await page.fill('#un-add-name', 'Tổ CNSCĐ thôn Đông');
      await page.click('#un-add-btn');
      await page.waitForFunction(() => document.querySelector('#un-add-error').textContent !== '');
      assert.match(await page.textContent('#un-add-error'), /đã có đơn vị/i);
      const row = page.locator('#un-list form.unit-row', { has: page.locator('input[value="Tổ CNSCĐ thôn Đông"]') });
      const rid = await row.getAttribute('data-org');
      await page.fill(`#un-${rid}-name`, 'Tổ công nghệ số cộng đồng thôn Đông');
      await page.click(`#un-${rid}-save`);
      await page.waitForFunction(() => /Đã đổi tên/.test(document.querySelector('main .flash')?.textContent || ''));
      assert.equal(await page.inputValue(`#un-${rid}-name`), 'Tổ công nghệ số cộng đồng thôn Đông');
      await noSideways('units');
      await shot('units');
      assert.deepEqual(problems, []);
    } finally {
      await ctx.close();
      await srv.stop();
    }
  });
}
