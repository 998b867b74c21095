// calendar.test.mjs — the reporting calendar in a real Chromium, at 1280 and
// 360 px: import Vĩnh Thuận's plan (.txt) on the import screen; the preview
// shows the quarterly and yearly calendar its text states, with the
// sentence; a bad rule typed in the preview is refused beside the box;
// confirm; the calendar screen lists the quarters due 18/03, 18/06, 18/09,
// 18/12 and the year due 18/12; a coordinator's bad deadline is shown beside
// its field, a good one saved. Screenshots in build/test-artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '../../web/node_modules/playwright-core/index.mjs';
import { pinClock } from '../lib/now.mjs';

const BASE = process.env.DTI_URL || 'http://127.0.0.1:8080';
const ART = process.env.DTI_ARTIFACTS || 'build/test-artifacts';
const SHARED = process.env.SHARED || '../shared';
const ADMIN = process.env.DTI_ADMIN || 'admin';
const PASSWORD = process.env.DTI_ADMIN_PASSWORD || '';
const FILE = 'vinh-thuan-2026-dti.txt';
let browser;

before(async () => {
  fs.mkdirSync(ART, { recursive: true });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'] });
});
after(async () => { await browser?.close(); });

const noSideways = async (page, width, what) => {
  const sw = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(sw <= width, `${what}: no sideways scrolling of the page (${sw})`);
};

for (const width of [1280, 360]) {
  test(`import ${FILE} with its calendar, read and change it at ${width} px`, async () => {
    const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN' });
    await pinClock(ctx);
    const page = await ctx.newPage();
    const problems = [];
    page.on('console', (m) => {
      const t = m.text();
      if (m.type() === 'error' && !/Failed to load resource: .* status of (401|400)/.test(t)) problems.push(t);
    });
    page.on('pageerror', (e) => problems.push(String(e)));
    try {
      // log in straight onto the import screen (no dashboard render in flight
      // to race with it)
      await page.goto(BASE + '/#/import');
      await page.fill('#login-user', ADMIN);
      await page.fill('#login-password', PASSWORD);
      await page.click('#login-form button[type=submit]');
      await page.waitForSelector('#import-form');
      // the document's bytes and one line of its own: a new plan each time
      const buffer = Buffer.concat([fs.readFileSync(path.join(SHARED, 'plans', FILE)), Buffer.from(`\nBản thử ${width}px.\n`)]);
      await page.setInputFiles('#import-file', { name: FILE, mimeType: 'text/plain', buffer });
      await page.click('#import-form button[type=submit]');

      // the preview: the regime in words, the sentence, the rules in the box
      await page.waitForSelector('#import-calendar-preview');
      const found = await page.textContent('#import-calendar-found');
      assert.match(found, /Hằng quý \(từ ngày 15 tháng trước quý đến ngày 14 tháng cuối quý\): đơn vị nộp chậm nhất ngày 18 tháng cuối quý/);
      assert.match(found, /Hằng năm \(từ ngày 15\/12 năm trước đến ngày 14\/12\): đơn vị nộp chậm nhất ngày 18\/12/);
      assert.match(await page.textContent('#import-calendar-preview blockquote'), /hằng quý trước ngày 18 của tháng cuối quý/);
      assert.equal(await page.inputValue('#import-calendar'), 'quarter:unit=18@last\nyear:unit=18/12');
      assert.equal(await page.getAttribute('#import-calendar', 'id'), await page.getAttribute('label[for=import-calendar]', 'for'));
      await page.locator('#import-calendar-preview').scrollIntoViewIfNeeded();
      await noSideways(page, width, 'preview');
      await page.screenshot({ path: path.join(ART, `calendar-import-preview-${width}.png`), fullPage: false });

      // a bad rule typed in: refused beside the box, nothing imported
      await page.fill('#import-calendar', 'quarter:unit=18@cuoi-quy\nyear:unit=18/12');
      await page.click('#import-confirm');
      await page.waitForFunction(() => document.querySelector('#import-calendar-error')?.textContent.length > 0);
      assert.match(await page.textContent('#import-calendar-error'), /18@cuoi-quy/);
      assert.equal(await page.getAttribute('#import-calendar', 'aria-invalid'), 'true');
      // back to what the document says, and confirm
      await page.fill('#import-calendar', 'quarter:unit=18@last\nyear:unit=18/12');
      await page.click('#import-confirm');
      await page.waitForSelector('#import-calendar-result');
      assert.match(await page.textContent('#import-calendar-result'), /Đã đặt lịch báo cáo \(5 kỳ\)/);

      // the calendar screen: quarters closed on the 14th (Nghị định 09/2019),
      // due on the 18th of their last month; no warning
      await page.click('#import-calendar-link');
      await page.waitForSelector('#cal-periods');
      assert.match(await page.textContent('#cal-rules'), /Hằng quý \(từ ngày 15 tháng trước quý đến ngày 14 tháng cuối quý\): đơn vị nộp chậm nhất ngày 18 tháng cuối quý/);
      assert.equal(await page.locator('#cal-warnings').count(), 0);
      const rows = await page.$$eval('#cal-periods tbody tr', (trs) => trs.map((tr) =>
        [tr.querySelector('th').textContent, tr.querySelectorAll('td')[3].textContent]));
      assert.deepEqual(rows, [['2026-Q1', '18/03/2026'], ['2026-Q2', '18/06/2026'], ['2026-Q3', '18/09/2026'],
        ['2026-Q4', '18/12/2026'], ['2026', '18/12/2026']]);
      assert.match(await page.textContent('#cal-periods tbody tr:first-child'), /15\/12\/2025.*14\/03\/2026/s);
      await noSideways(page, width, 'calendar');
      await page.screenshot({ path: path.join(ART, `calendar-${width}.png`), fullPage: true });

      // the coordinator's form: choices, not a rule to type (issue 13 §6).
      // A day that does not exist is said at once, in words, where it was chosen
      await page.selectOption('#cal-month-unit-mode', 'after');
      await page.fill('#cal-month-unit-day', '32');
      assert.equal((await page.textContent('#cal-month-unit-error')).trim(), 'Không có ngày 32; chọn 1–31.');
      assert.equal(await page.getAttribute('#cal-month-unit-day', 'aria-invalid'), 'true');
      const puts = [];
      page.on('request', (r) => { if (r.method() === 'PUT') puts.push(r.url()); });
      await page.click('#cal-save');
      assert.equal((await page.textContent('#cal-month-unit-error')).trim(), 'Không có ngày 32; chọn 1–31.');
      assert.deepEqual(puts, [], 'nothing sent while a day does not exist');
      await noSideways(page, width, 'calendar with a refused day');
      await page.screenshot({ path: path.join(ART, `calendar-error-${width}.png`), fullPage: false });
      // a fixed day checked against its month
      await page.selectOption('#cal-year-commune-mode', 'fixed');
      await page.fill('#cal-year-commune-day', '30');
      await page.selectOption('#cal-year-commune-month', '2');
      assert.equal((await page.textContent('#cal-year-commune-error')).trim(), 'Tháng 2 không có ngày 30; chọn 1–29.');
      await page.selectOption('#cal-year-commune-mode', '');
      assert.equal((await page.textContent('#cal-year-commune-error')).trim(), '');
      // "Ngày [15] của [tháng sau]" for the units, the 20th for the commune
      await page.fill('#cal-month-unit-day', '15');
      await page.selectOption('#cal-month-unit-month', '1');
      assert.equal((await page.textContent('#cal-month-unit-error')).trim(), '');
      await page.selectOption('#cal-month-commune-mode', 'after');
      await page.fill('#cal-month-commune-day', '20');
      await page.selectOption('#cal-month-commune-month', '1');
      assert.match(await page.inputValue('#cal-raw'), /month:unit=15\+1,commune=20\+1/);
      await page.click('#cal-save');
      await page.waitForFunction(() => /17/.test(document.querySelector('#cal-status')?.textContent || ''));
      assert.match(await page.textContent('#cal-rules'), /Hằng tháng \(từ ngày 15 tháng trước đến ngày 14\): đơn vị nộp chậm nhất ngày 15 tháng sau; xã nộp chậm nhất ngày 20 tháng sau/);
      // read back as the same choices
      assert.equal(await page.inputValue('#cal-month-unit-mode'), 'after');
      assert.equal(await page.inputValue('#cal-month-unit-day'), '15');
      assert.equal(await page.inputValue('#cal-month-unit-month'), '1');
      assert.equal(await page.inputValue('#cal-quarter-unit-month'), 'last');
      const jan = await page.textContent('#cal-periods tbody tr:first-child');
      assert.match(jan, /2026-01/);
      assert.match(jan, /15\/02\/2026/);
      assert.match(jan, /20\/02\/2026/);
      await noSideways(page, width, 'calendar after saving');
      // a yearly deadline before the year closes (05/12, the year ends 14/12):
      // saved, and the coordinator is told on the screen
      await page.selectOption('#cal-year-unit-mode', 'fixed');
      await page.fill('#cal-year-unit-day', '5');
      await page.selectOption('#cal-year-unit-month', '12');
      await page.click('#cal-save');
      await page.waitForSelector('#cal-warnings');
      assert.equal(await page.getAttribute('#cal-warnings', 'role'), 'alert');
      const warn = await page.textContent('#cal-warnings');
      assert.match(warn, /Hạn nộp trước khi kỳ kết thúc/);
      assert.match(warn, /Kỳ 2026: hạn đơn vị 05\/12\/2026 đến trước khi kỳ kết thúc \(14\/12\/2026\)/);
      await noSideways(page, width, 'calendar with a warning');
      await page.screenshot({ path: path.join(ART, `calendar-warning-${width}.png`), fullPage: false });
      // one period's own deadline (a request sooner than the common one), chosen, not typed as a rule
      await page.selectOption('#cal-own-period', '2026-Q3');
      await page.fill('#cal-own-date', '31/02/2026');
      await page.click('#cal-own-add');
      assert.match(await page.textContent('#cal-own-error'), /Không có ngày 31\/02\/2026/);
      await page.fill('#cal-own-date', '04/09/2026');
      await page.click('#cal-own-add');
      assert.match(await page.textContent('#cal-own-list'), /Quý III\/2026: đơn vị nộp chậm nhất 04\/09\/2026/);
      await page.click('#cal-save');
      await page.waitForFunction(() => [...document.querySelectorAll('#cal-periods tbody tr')]
        .some((tr) => tr.querySelector('th').textContent === '2026-Q3' && tr.querySelectorAll('td')[3].textContent === '04/09/2026'));
      const q4 = await page.$$eval('#cal-periods tbody tr', (trs) => trs.filter((tr) => tr.querySelector('th').textContent === '2026-Q4')
        .map((tr) => tr.querySelectorAll('td')[3].textContent));
      assert.deepEqual(q4, ['18/12/2026'], 'the other quarters keep the common deadline');
      assert.match(await page.textContent('#cal-own-list'), /Quý III\/2026/, 'read back as the list');
      await noSideways(page, width, 'calendar with an own deadline');
      await page.screenshot({ path: path.join(ART, `calendar-own-${width}.png`), fullPage: false });
      assert.deepEqual(problems, []);
    } finally {
      await ctx.close();
    }
  });
}
