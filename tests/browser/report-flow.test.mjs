// report-flow.test.mjs — a report's whole life in a real Chromium, on the
// demo commune (`dti demo`, its own server on a fresh store per width): the
// reporter `kinhte` opens My work, sees the deadline counted down, types a
// numerator above its denominator and gets the server's error beside the
// field, corrects it (the percent computed live, with a decimal comma),
// attaches an evidence file and submits; the coordinator `dieuphoi` finds it
// in the Review queue beside last month's figures, cannot return it without
// a reason, returns it with one; the reporter sees the reason, changes the
// figure and resubmits; the coordinator approves; the dashboard of the
// period then shows the new figure. At 1280 and 360 px; screenshots in
// build/test-artifacts/report-*.png.
//
// The date: the server, the CLI and the browser share the pinned instant of
// tests/lib/now.mjs, and the period is the one the demo leaves open at that
// instant (the month after its last story month: last month's figures are
// then the story's), so the test holds on any date (tests/dated.sh).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '../../web/node_modules/playwright-core/index.mjs';
import { NOW, nowEnv, pinClock, contextOptions, nextMonth } from '../lib/now.mjs';
import { startServer } from '../lib/serve.mjs';

const ROOT = process.env.DTI_ROOT || process.cwd();
const DTI = process.env.DTI || path.join(ROOT, 'build/dti');
const ART = process.env.DTI_ARTIFACTS || 'build/test-artifacts';
const PASSWORD = 'demo-2026';
let browser;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dti-flow-'));

before(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'] });
});
after(async () => {
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

// A server of its own on a fresh demo store, both at NOW; resolves to
// { url, stop, months } (months: the demo's story months, `demo --json`).
async function demoServer(name) {
  const db = path.join(tmp, name + '.db');
  const made = JSON.parse(execFileSync(DTI, ['--db', db, '--json', 'demo'], { env: nowEnv(), encoding: 'utf8' }));
  const srv = await startServer(DTI, db, { env: nowEnv() });
  return { ...srv, months: made.months };
}

async function login(page, base, user) {
  await page.goto(base + '/');
  await page.waitForSelector('#login-form');
  await page.fill('#login-user', user);
  await page.fill('#login-password', PASSWORD);
  await page.click('#login-form button[type=submit]');
  await page.waitForSelector('nav#nav a[href="#/my-work"]', { state: 'attached' });
  // let the landing screen finish before going elsewhere
  await page.waitForLoadState('networkidle');
  await page.waitForSelector('main h1');
}

// Follow the menu link to HASH; at 360 px the menu opens from its button first.
async function go(page, hash) {
  if (await page.isVisible('#menu-toggle')) await page.click('#menu-toggle');
  await page.click(`nav#nav a[href="${hash}"]`);
}

// A month code as the screens name it: "2026-11" → "Tháng 11/2026".
const monthName = (code) => `Tháng ${Number(code.slice(5))}/${code.slice(0, 4)}`;

async function logout(page) {
  await page.click('#logout');
  await page.waitForSelector('#login-form');
}

async function noSideways(page, width, what) {
  const sw = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(sw <= width, `${what}: no sideways scrolling (${sw} > ${width})`);
}

for (const width of [1280, 360]) {
  test(`report: enter, submit, return, resubmit, approve, dashboard at ${width} px`, async () => {
    const srv = await demoServer('flow-' + width);
    const ctx = await browser.newContext(contextOptions({ viewport: { width, height: 900 } }));
    await pinClock(ctx);
    const page = await ctx.newPage();
    const problems = [];
    page.on('console', (m) => {
      const t = m.text();
      if (m.type() === 'error' && !/Failed to load resource: .* status of (401|404|400)/.test(t)) problems.push(t);
    });
    page.on('pageerror', (e) => problems.push(String(e)));
    // the month the demo leaves open at NOW: the one after its story months
    const period = nextMonth(srv.months[srv.months.length - 1]);
    const prev = srv.months[srv.months.length - 1];
    const evidence = path.join(tmp, `bien-ban-${width}.pdf`);
    fs.writeFileSync(evidence, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const shot = (name) => page.screenshot({ path: path.join(ART, `report-${name}-${width}.png`), fullPage: true });
    try {
      // 1. the reporter: My work lists this month's report with its countdown
      await login(page, srv.url, 'kinhte');
      await go(page, '#/my-work');
      const card = page.locator(`#mywork-list li[data-period="${period}"]`);
      await card.waitFor();
      assert.match(await card.textContent(), /\d{2}\/\d{2}\/\d{4}/, 'deadline dd/mm/yyyy');
      // the countdown to the unit deadline (the 15th of the month after), in Vietnam's days
      const [py, pm] = period.split('-').map(Number);
      const due = Date.UTC(pm === 12 ? py + 1 : py, pm % 12, 15);
      const vn = new Date(Date.parse(NOW) + 7 * 3600 * 1000);
      const left = Math.round((due - Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth(), vn.getUTCDate())) / 86400000);
      const countdown = left > 0 ? `còn ${left} ngày` : left === 0 ? 'hết hạn hôm nay' : `quá hạn ${-left} ngày`;
      assert.ok((await card.textContent()).includes(countdown), `"${countdown}" at ${NOW}: ${await card.textContent()}`);
      await noSideways(page, width, 'my work');
      await shot('mywork');
      await card.locator('a.button').click();
      await page.waitForSelector('#mywork-form');
      // every field has a label
      const unlabelled = await page.evaluate(() => [...document.querySelectorAll('#mywork-form input, #mywork-form select, #mywork-form textarea')]
        .filter((el) => !document.querySelector(`label[for="${el.id}"]`)).map((el) => el.id || el.name));
      assert.deepEqual(unlabelled, []);

      // last month's figure beside the field, not carried into this month's
      assert.match(await page.textContent('#ind-5_1 .prev'), new RegExp(`${prev}.*35 ?% \\(14/40\\)`), `last month (${prev}) at ${NOW}`);
      assert.equal(await page.inputValue('#ind-5_1-num'), '');

      // a numerator above its denominator: the server's error beside the field
      await page.fill('#ind-5_1-num', '50');
      await page.fill('#ind-5_1-den', '40');
      await page.click('#mywork-save');
      await page.waitForFunction(() => [...document.querySelectorAll('#ind-5_1 .error')].some((e) => e.textContent.trim()));
      assert.equal(await page.textContent('#mywork-error'), '', 'the error is beside the field, not at the top');
      await shot('error');

      // corrected by keyboard; the percent follows live with a decimal comma
      await page.focus('#ind-5_1-num');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('27');
      assert.match(await page.textContent('#ind-5_1-pct'), /^67,5 ?%$/);
      await page.selectOption('#evidence-item', 'indicator:5.1');
      await page.setInputFiles('#evidence-file', evidence);
      await page.fill('#text-results', 'Đã hỗ trợ 27 doanh nghiệp ký hợp đồng điện tử.');
      await page.fill('#text-difficulties', 'Doanh nghiệp nhỏ còn ngại chi phí chữ ký số.');
      await page.fill('#text-proposals', 'Đề nghị hỗ trợ chữ ký số miễn phí năm đầu.');
      await noSideways(page, width, 'report form');
      await page.click('#mywork-submit');
      await page.waitForSelector('#mywork-state[data-state="submitted"]');
      assert.match(await page.textContent('#evidence-list'), /bien-ban/);
      await shot('submitted');
      await logout(page);

      // 2. the coordinator: the queue, the report beside last month, return
      await login(page, srv.url, 'dieuphoi');
      await go(page, '#/review');
      await page.waitForSelector('#review-queue');
      const row = page.locator('#review-queue tbody tr', { hasText: 'Kinh tế' }).filter({ hasText: monthName(period) });
      await row.locator('a').click();
      await page.waitForSelector('#review-values');
      const r51 = await page.textContent('#review-values tr[data-code="5.1"]');
      assert.match(r51, /67,5 ?%/, 'this period');
      assert.match(r51, /35 ?%/, 'beside the previous period (demo: 14/40)');
      assert.match(await page.textContent('#review-evidence'), /bien-ban/);
      await noSideways(page, width, 'review');
      await page.click('#review-return-btn');
      assert.notEqual((await page.textContent('#review-reason-error')).trim(), '', 'a reason is required');
      await page.fill('#review-reason', 'Số doanh nghiệp phải khớp danh sách của Thuế: 28.');
      await page.click('#review-return-btn');
      await page.waitForSelector('#review-state[data-state="returned"]');
      await shot('returned');
      await logout(page);

      // 3. the reporter sees the reason, corrects, resubmits
      await login(page, srv.url, 'kinhte');
      await page.goto(`${srv.url}/#/my-work`);
      await page.locator(`#mywork-list li[data-period="${period}"] a.button`).click();
      await page.waitForSelector('#mywork-reason');
      assert.match(await page.textContent('#mywork-reason'), /khớp danh sách/);
      await page.fill('#ind-5_1-num', '28');
      assert.match(await page.textContent('#ind-5_1-pct'), /^70 ?%$/);
      await page.click('#mywork-submit');
      await page.waitForSelector('#mywork-state[data-state="submitted"]');
      await logout(page);

      // 4. the coordinator approves
      await login(page, srv.url, 'dieuphoi');
      await page.goto(`${srv.url}/#/review`);
      await page.locator('#review-queue tbody tr', { hasText: 'Kinh tế' }).filter({ hasText: monthName(period) }).locator('a').click();
      await page.waitForSelector('#review-approve');
      assert.match(await page.textContent('#review-values tr[data-code="5.1"]'), /70 ?%/);
      await page.click('#review-approve');
      await page.waitForSelector('#review-state[data-state="approved"]');
      await shot('approved');

      // 5. the dashboard of the period shows the new figure
      await page.goto(`${srv.url}/#/dashboard/1/${period}`);
      await page.waitForSelector('#dash-index');
      const dash = page.locator('main tr', { hasText: 'hợp đồng điện tử' }).first();
      assert.match(await dash.textContent(), /^5\.1.*70(?!,\d*[1-9])/, 'indicator 5.1 now 70');
      await noSideways(page, width, 'dashboard');
      await shot('dashboard');
      await logout(page);
      assert.deepEqual(problems, []);
    } finally {
      await ctx.close();
      assert.equal(await srv.stop(), 0, 'the demo server stops cleanly');
    }
  });
}
