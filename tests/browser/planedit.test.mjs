// planedit.test.mjs — a coordinator changes the plan in a real Chromium, on
// the demo commune (`dti demo`, its own server on a fresh store per width):
// `dieuphoi` opens the plan, edits indicator 1.1 (a target the server cannot
// read is shown beside its field and nothing is saved; then a good one),
// reassigns indicator 1.2's lead and resolves its collective support name
// ("chưa gán đơn vị"), sees both after a reload, and the indicator's
// history shows the edit and the reassignment. The viewer `chutich` sees
// the plan with history links but no edit controls. At 1280 and 360 px,
// with no sideways page scrolling; screenshots in
// build/test-artifacts/planedit-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '../../web/node_modules/playwright-core/index.mjs';
import { pinClock } from '../lib/now.mjs';

const ROOT = process.env.DTI_ROOT || process.cwd();
const DTI = process.env.DTI || path.join(ROOT, 'build/dti');
const ART = process.env.DTI_ARTIFACTS || 'build/test-artifacts';
const PASSWORD = 'demo-2026';
let browser;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dti-planedit-ui-'));

before(async () => {
  fs.mkdirSync(ART, { recursive: true });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'] });
});
after(async () => {
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

// A server of its own on a fresh demo store; resolves to { url, stop }.
async function demoServer(name) {
  const db = path.join(tmp, name + '.db');
  execFileSync(DTI, ['--db', db, 'demo'], { stdio: 'ignore' });
  const srv = spawn(DTI, ['--db', db, 'serve', '--listen', '127.0.0.1:0', '--threads', '4'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the demo server did not start: ' + out)), 60000);
    srv.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[0]); }
    });
    srv.on('exit', (c) => { clearTimeout(timer); reject(new Error(`the demo server exited ${c}: ${out}`)); });
  });
  srv.stderr.resume();
  return {
    url,
    stop: () => new Promise((resolve) => {
      srv.removeAllListeners('exit');
      srv.on('exit', (code) => resolve(code));
      srv.kill('SIGTERM');
    }),
  };
}

async function login(page, base, user) {
  await page.goto(base + '/');
  await page.waitForSelector('#login-form');
  await page.fill('#login-user', user);
  await page.fill('#login-password', PASSWORD);
  await page.click('#login-form button[type=submit]');
  await page.waitForSelector('nav#nav a[href="#/plan"]', { state: 'attached' });
  await page.waitForLoadState('networkidle');
  await page.waitForSelector('main h1');
}

async function noSideways(page, width, what) {
  const sw = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(sw <= width, `${what}: no sideways scrolling (${sw} > ${width})`);
}

// The row of indicator CODE on the plan screen.
// the row whose code cell is CODE, by accessible name (the column name a
// stacked cell shows is aria-hidden, so it is not part of it)
const rowOf = (page, code) => page.locator('table.plan-items tbody tr').filter({ has: page.getByRole('cell', { name: code, exact: true }) });

for (const width of [1280, 360]) {
  test(`plan: edit a target, reassign a lead, see both after reload and in the history at ${width} px`, async () => {
    const srv = await demoServer('planedit-' + width);
    const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN' });
    await pinClock(ctx);
    const page = await ctx.newPage();
    const problems = [];
    page.on('console', (m) => {
      const t = m.text();
      if (m.type() === 'error' && !/Failed to load resource: .* status of (401|400)/.test(t)) problems.push(t);
    });
    page.on('pageerror', (e) => problems.push(String(e)));
    const shot = (name) => page.screenshot({ path: path.join(ART, `planedit-${name}-${width}.png`), fullPage: true });
    try {
      await login(page, srv.url, 'dieuphoi');
      await page.goto(srv.url + '/#/plan/1');
      await page.waitForSelector('table.plan-items');
      await noSideways(page, width, 'plan');
      const row = rowOf(page, '1.1');
      assert.equal(await row.count(), 1);
      const before = await row.locator('td').nth(2).locator(':scope > :not(.cell-label)').first().textContent();
      // a collective name of the plan is marked as having no unit yet
      assert.ok(await rowOf(page, '1.2').locator('.badge.unresolved').count() >= 1, 'collective name flagged');
      await shot('plan');

      // edit: by keyboard from the row's link
      await row.locator('a.pe-edit').focus();
      await page.keyboard.press('Enter');
      await page.waitForSelector('#pe-form');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'pe-name');
      assert.equal(await page.locator('label[for="pe-targets-0-text"]').count(), 1, 'target fields are labelled');
      await noSideways(page, width, 'edit form');
      // a target the server cannot read: its message beside the field, nothing saved
      await page.fill('#pe-targets-0-text', 'tốt hơn năm trước');
      await page.click('#pe-form button[type=submit]');
      await page.waitForFunction(() => document.querySelector('#pe-targets-0-text-error')?.textContent.length > 0);
      assert.match(await page.textContent('#pe-targets-0-text-error'), /không đọc được chỉ tiêu/i);
      assert.equal(await page.getAttribute('#pe-targets-0-text', 'aria-invalid'), 'true');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'pe-targets-0-text');
      await shot('edit-error');
      await page.fill('#pe-targets-0-text', 'Đạt tối thiểu 88%');
      await page.click('#pe-form button[type=submit]');
      await page.waitForSelector('#plan-status:not(:empty)');
      assert.match(await page.textContent('#plan-status'), /Đã lưu chỉ tiêu 1\.1/);
      const after = await rowOf(page, '1.1').locator('td').nth(2).locator(':scope > :not(.cell-label)').first().textContent();
      assert.match(after, /≥\s88%/);
      assert.notEqual(after, before);

      // reassign 1.2: a new lead, and the collective support name resolved
      await rowOf(page, '1.2').locator('a.pe-assign').click();
      await page.waitForSelector('#pe-assign-form');
      assert.match(await page.textContent('#pe-unresolved'), /chưa gán đơn vị/);
      await noSideways(page, width, 'reassign form');
      await shot('assign');
      const leadBoxes = page.locator('#pe-lead input[type=checkbox]');
      const checked = await page.$$eval('#pe-lead input:checked', (xs) => xs.map((x) => x.value));
      // the new lead: a unit not leading it now, chosen by its label
      const labels = await page.$$eval('#pe-lead li', (lis) => lis.map((li) => [li.querySelector('input').value, li.querySelector('label').textContent]));
      const [newId, newLabel] = labels.find(([v, l]) => !checked.includes(v) && /^Công an xã/.test(l)) || labels.find(([v]) => !checked.includes(v));
      const newName = newLabel.replace(/ \(.*\)$/, '');
      for (const v of checked) await page.uncheck(`#pe-lead-${v}`);
      await page.check(`#pe-lead-${newId}`);
      assert.ok(await leadBoxes.count() > 3);
      const thon = await page.$$eval('#pe-support li', (lis) => lis.filter((li) => /^Thôn /.test(li.querySelector('label').textContent)).map((li) => li.querySelector('input').value));
      assert.ok(thon.length >= 2, 'the villages to resolve "Các thôn"');
      for (const v of thon) await page.check(`#pe-support-${v}`);
      await page.click('#pe-assign-form button[type=submit]');
      await page.waitForSelector('#plan-status:not(:empty)');
      let r12 = rowOf(page, '1.2');
      assert.equal((await r12.locator('td').nth(3).locator(':scope > :not(.cell-label)').first().textContent()).trim(), newName);
      assert.equal(await r12.locator('.badge.unresolved').count(), 0, 'nothing left unresolved');

      // after a reload, both are still there
      await page.reload();
      await page.waitForSelector('table.plan-items');
      assert.match(await rowOf(page, '1.1').locator('td').nth(2).locator(':scope > :not(.cell-label)').first().textContent(), /≥\s88%/);
      r12 = rowOf(page, '1.2');
      assert.equal((await r12.locator('td').nth(3).locator(':scope > :not(.cell-label)').first().textContent()).trim(), newName);
      await noSideways(page, width, 'plan after reload');
      await shot('plan-after');

      // the history of 1.1 shows the edit, of 1.2 the reassignment
      await rowOf(page, '1.1').locator('a.pe-history').click();
      await page.waitForSelector('#hi-list');
      const h11 = await page.textContent('#hi-list');
      assert.match(h11, /indicator\.edit/);
      assert.match(h11, /88/);
      await noSideways(page, width, 'history');
      await shot('history');
      await page.goBack();
      await page.waitForSelector('table.plan-items');
      await rowOf(page, '1.2').locator('a.pe-history').click();
      await page.waitForSelector('#hi-list');
      const h12 = await page.textContent('#hi-list');
      assert.match(h12, /assignment\.set/);
      assert.ok(h12.includes(newName), 'the new lead named in the history');

      // the viewer: history links, no edit controls
      await page.click('#logout');
      await page.waitForSelector('#login-form');
      await login(page, srv.url, 'chutich');
      await page.goto(srv.url + '/#/plan/1');
      await page.waitForSelector('table.plan-items');
      assert.equal(await page.locator('a.pe-edit, a.pe-assign').count(), 0, 'no edit controls for a viewer');
      assert.ok(await page.locator('a.pe-history').count() > 0);
      await page.goto(srv.url + '/#/plan/1/edit/indicator/1');
      await page.waitForSelector('main p.error');
      assert.equal(await page.locator('#pe-form').count(), 0);
      assert.deepEqual(problems, []);
    } finally {
      await ctx.close();
      assert.equal(await srv.stop(), 0, 'the server stops cleanly');
    }
  });
}
