// mywork-quarter.test.mjs — My work on a plan that reports by quarter and by
// year, in a real Chromium. Its own server per width on a fresh store made
// through the CLI: the first admin, xã Vĩnh Trụ's plan imported, its regime
// set to "quarter:unit=18@last year:unit=05/12" (`dti calendar set`), a
// reporter of Trung tâm dịch vụ sự nghiệp công and a coordinator of the
// commune; the server's clock fixed at 23/11/2026 (DTI_NOW). The reporter
// sees "Quý IV/2026" and "Năm 2026" counted down ("còn 25 ngày", "còn 12
// ngày"), the missed quarters overdue, no month; switches to English and
// back; opens the quarter, fills the rate by its labels (the percent
// computed) and a task's progress, attaches evidence and submits; the
// coordinator finds it in the queue as "Quý IV/2026", sees it beside
// "Quý III/2026" and approves. At 1280 and 360 px; screenshots in
// build/test-artifacts/mywork-quarter-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '../../web/node_modules/playwright-core/index.mjs';
import { toScreen } from '../lib/screen.mjs';

const ROOT = process.env.DTI_ROOT || process.cwd();
const SHARED = process.env.SHARED || path.join(ROOT, '../shared');
const DTI = process.env.DTI || path.join(ROOT, 'build/dti');
const ART = process.env.DTI_ARTIFACTS || 'build/test-artifacts';
const NOW = '2026-11-23T03:00:00Z';
const PW = 'mat-khau-quy-2026';
const UNIT = 'Trung tâm dịch vụ sự nghiệp công';
let browser;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dti-quarter-'));

before(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'] });
});
after(async () => {
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

// A store with the quarterly plan and its users; a server on it. { url, stop }.
async function quarterServer(name) {
  const db = path.join(tmp, name + '.db');
  const env = { ...process.env, DTI_NOW: NOW, DTI_PASSWORD: PW };
  const dti = (...args) => execFileSync(DTI, ['--db', db, ...args], { env, encoding: 'utf8' });
  dti('user', 'add', 'admin', '--role', 'admin');
  dti('--as', 'admin', 'import', `${SHARED}/plans/vinh-tru-2026.txt`);
  const plans = JSON.parse(dti('--as', 'admin', 'plans', '--json'));
  assert.equal(plans.length, 1);
  dti('--as', 'admin', 'calendar', 'set', String(plans[0].id), 'quarter:unit=18@last', 'year:unit=05/12');
  dti('--as', 'admin', 'user', 'add', 'rep_q', '--role', 'reporter', '--org', UNIT, '--display', 'Cán bộ Trung tâm');
  dti('--as', 'admin', 'user', 'add', 'coord_q', '--role', 'coordinator', '--org', 'Vĩnh Trụ', '--display', 'Điều phối Vĩnh Trụ');
  const srv = spawn(DTI, ['--db', db, 'serve', '--listen', '127.0.0.1:0', '--threads', '4'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DTI_NOW: NOW } });
  let out = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start: ' + out)), 60000);
    srv.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[0]); }
    });
    srv.on('exit', (c) => { clearTimeout(timer); reject(new Error(`the server exited ${c}: ${out}`)); });
  });
  srv.stderr.resume();
  return {
    url,
    plan: plans[0].id,
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
  await page.fill('#login-password', PW);
  await page.click('#login-form button[type=submit]');
  await page.waitForSelector('nav#nav a[href="#/my-work"]', { state: 'attached' });
  await page.waitForLoadState('networkidle');
  await page.waitForSelector('main h1');
}

async function noSideways(page, width, what) {
  const sw = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(sw <= width, `${what}: no sideways scrolling (${sw} > ${width})`);
}

for (const width of [1280, 360]) {
  test(`My work by quarter and year: countdown, fill by labels, submit, review at ${width} px`, async () => {
    const srv = await quarterServer('quarter-' + width);
    const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN' });
    await ctx.clock.setFixedTime(new Date(NOW));
    const page = await ctx.newPage();
    await page.clock.setFixedTime(new Date(NOW));   // the browser's clock with the server's
    const problems = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && !/Failed to load resource: .* status of (401|404|400)/.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(String(e)));
    const evidence = path.join(tmp, `bien-ban-quy-${width}.pdf`);
    fs.writeFileSync(evidence, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const shot = (name) => page.screenshot({ path: path.join(ART, `mywork-quarter-${name}-${width}.png`), fullPage: true });
    try {
      // 1. the reporter lands on My work: quarters and the year, no month
      await login(page, srv.url, 'rep_q');
      await page.waitForSelector('#mywork-list');
      const q4 = page.locator('#mywork-list li[data-period="2026-Q4"]');
      const year = page.locator('#mywork-list li[data-period="2026"]');
      const q4text = await q4.textContent();
      assert.match(q4text, /Quý IV\/2026/);
      assert.match(q4text, /18\/12\/2026/);
      assert.match(q4text, /còn 25 ngày/, 'Q4 due 18/12, today 23/11');
      assert.match(q4text, /15\/09\/2026 – 14\/12\/2026/);   // the 15→14 cut-off (Nghị định 09/2019)
      const ytext = await year.textContent();
      assert.match(ytext, /Năm 2026/);
      assert.match(ytext, /còn 12 ngày/, 'the year due 05/12');
      const q3 = page.locator('#mywork-list li[data-period="2026-Q3"]');
      assert.match(await q3.textContent(), /Quý III\/2026.*quá hạn 66 ngày/s, 'Q3 due 18/09, missed');
      assert.equal(await page.locator('#mywork-list li[data-kind="month"]').count(), 0, 'no month in a quarterly regime');
      assert.equal(await page.locator('#mywork-list li[data-period="2026-Q1"]').count(), 0, 'Q1 ended before the plan');
      // the open periods come first
      const kinds = await page.locator('#mywork-list li').evaluateAll((els) => els.map((e) => e.dataset.when));
      assert.deepEqual(kinds, [...kinds].sort(), 'current before past');
      await noSideways(page, width, 'my work');
      await shot('list');
      // in English: the same periods named and counted in English
      await page.click('#lang-switch');
      await page.waitForFunction(() => /Q4 2026/.test(document.querySelector('#mywork-list li[data-period="2026-Q4"]')?.textContent || ''));
      assert.match(await q4.textContent(), /25 days left/);
      assert.match(await year.textContent(), /Year 2026/);
      assert.match(await q3.textContent(), /66 days overdue/);
      await page.click('#lang-switch');
      await page.waitForFunction(() => /Quý IV\/2026/.test(document.querySelector('#mywork-list li[data-period="2026-Q4"]')?.textContent || ''));

      // 2. the quarter's form: the unit's items by org id, fields by their labels
      await q4.locator('a.button').click();
      await page.waitForSelector('#mywork-form');
      assert.match(await page.textContent('main h1'), new RegExp(`${UNIT}.*Quý IV/2026`));
      assert.match(await page.textContent('#mywork-head'), /còn 25 ngày/);
      const unlabelled = await page.evaluate(() => [...document.querySelectorAll('#mywork-form input, #mywork-form select, #mywork-form textarea')]
        .filter((el) => !document.querySelector(`label[for="${el.id}"]`)).map((el) => el.id || el.name));
      assert.deepEqual(unlabelled, []);
      const codes = await page.locator('#mywork-form fieldset.item').evaluateAll((els) => els.map((e) => `${e.dataset.kind} ${e.dataset.code}`));
      assert.deepEqual(codes, ['indicator 3.6', 'task 6'], 'what this unit is assigned, nothing else');
      const rate = page.locator('fieldset[data-code="3.6"]');
      assert.match(await rate.textContent(), /Mục tiêu 2026: đạt 100%/);
      await rate.getByLabel('Tử số').fill('9');
      await rate.getByLabel('Mẫu số').fill('10');
      assert.equal((await rate.locator('output').textContent()).trim(), '90%');
      const task = page.locator('fieldset[data-code="6"]');
      await task.getByLabel('Tình trạng').selectOption('đang triển khai');
      await task.getByLabel('Tiến độ (%)').fill('60');
      await page.getByLabel('Kèm cho').selectOption('indicator:3.6');
      await page.getByLabel('Tệp', { exact: true }).setInputFiles(evidence);
      await page.getByLabel('Kết quả', { exact: true }).fill('Trang thông tin điện tử xã đã có chuyên mục chuyển đổi số.');
      await noSideways(page, width, 'quarter form');
      await shot('form');
      await page.click('#mywork-submit');
      await page.waitForSelector('#mywork-state[data-state="submitted"]');
      assert.match(await page.textContent('#evidence-list'), /bien-ban-quy/);
      // back on the list: submitted, no countdown any more
      if (await page.isVisible('#menu-toggle')) await page.click('#menu-toggle');
      await page.click('nav#nav a[href="#/my-work"]');
      await page.waitForSelector('#mywork-list li[data-period="2026-Q4"]');
      const after = await page.locator('#mywork-list li[data-period="2026-Q4"]').textContent();
      assert.match(after, /đã nộp/);
      assert.match(after, /đúng hạn/);
      assert.doesNotMatch(after, /còn \d+ ngày/);
      await page.click('#logout');
      await page.waitForSelector('#login-form');

      // 3. the coordinator: the quarter in the queue, beside the quarter before, approved
      await login(page, srv.url, 'coord_q');
      if (await page.isVisible('#menu-toggle')) await page.click('#menu-toggle');
      await page.click('nav#nav a[href="#/review"]');
      await page.waitForSelector('#review-queue');
      const row = page.locator('#review-queue tbody tr[data-period="2026-Q4"]');
      assert.match(await row.textContent(), new RegExp(`${UNIT}.*Quý IV/2026`));
      await noSideways(page, width, 'review queue');
      await row.locator('a').click();
      await page.waitForSelector('#review-values');
      const head = await page.textContent('#review-values thead');
      assert.match(head, /Kỳ này \(Quý IV\/2026\)/);
      assert.match(head, /Kỳ trước \(Quý III\/2026\)/);
      assert.match(await page.textContent('#review-values tr[data-code="3.6"]'), /90% \(9\/10\)/, 'a rate as Vietnamese reports write it');
      await page.click('#review-approve');
      await page.waitForSelector('#review-state[data-state="approved"]');
      await noSideways(page, width, 'review');
      await shot('approved');
      // approved means locked: reopening needs a reason, then gives version 2, returned
      await page.click('#review-reopen-btn');
      assert.match(await page.textContent('#review-reopen-error'), /lý do/i);
      await page.fill('#review-reopen-reason', 'Kiểm tra lại số hệ thống 3.6');
      await page.click('#review-reopen-btn');
      await page.waitForSelector('#review-state[data-state="returned"]');
      assert.match(await page.textContent('main .card'), /Phiên bản 2|phiên bản 2/i);
      if (await page.isVisible('#menu-toggle')) await page.click('#menu-toggle');
      // the queue's own screen, drawn: 'main h1' also matched the report's
      // screen still shown, and networkidle returns at once in a loaded
      // page, so the count below could read the report's screen (0: passed
      // without looking at the queue)
      const queue = await toScreen(page, () => page.click('nav#nav a[href="#/review"]'));
      assert.equal(await page.evaluate(() => location.hash), '#/review');
      assert.equal(await queue.locator('#review-state').count(), 0, 'the queue, not the report');
      assert.equal(await page.locator('#review-queue tbody tr[data-period="2026-Q4"]').count(), 0, 'approved then reopened: out of the queue');
      assert.deepEqual(problems, []);
    } finally {
      await ctx.close();
      assert.equal(await srv.stop(), 0, 'the server stops cleanly');
    }
  });
}
