// remind.test.mjs — issue 13, points 5 and 7 in a real Chromium, at 1280 and
// 360 px. Its own server per width on `dti demo` made at 23/11/2026 (DTI_NOW),
// where October's units' deadline (15/11) has passed; cron's `dti remind`
// ran on 18/11 (the last step after it: the coordinator's digest); on
// Monday 23/11 the coordinator returns Văn phòng's October report and Trạm Y
// tế submits its corrected one again; the server (its clock at 23/11) makes
// the day's notices on its own thread as it starts. Then:
//  - Văn phòng finds the returned report first in My work, "Bị trả lại
//    23/11/2026 — cần sửa" with the reason and its new deadline (3 working
//    days: Thursday 26/11, "còn 3 ngày"), not "quá hạn"; its notices (the
//    unread count on the navigation link) say so, and are marked read;
//  - Trạm Y tế withdraws its submitted report to fix it, attaches two files
//    at once and submits again;
//  - the coordinator's digest names the one unit still late (Tổ công nghệ
//    số cộng đồng, a draft).
// Screenshots in build/test-artifacts/remind-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '../../web/node_modules/playwright-core/index.mjs';
import { toScreen } from '../lib/screen.mjs';
import { startServer } from '../lib/serve.mjs';

const ROOT = process.env.DTI_ROOT || process.cwd();
const DTI = process.env.DTI || path.join(ROOT, 'build/dti');
const ART = process.env.DTI_ARTIFACTS || 'build/test-artifacts';
const NOW = '2026-11-23T03:00:00Z';
const REASON = 'Thiếu trích xuất số liệu văn bản điện tử tháng 10';
const PW = 'demo-2026';
let browser;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dti-remind-'));

before(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'] });
});
after(async () => {
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function demoServer(name) {
  const db = path.join(tmp, name + '.db');
  const env = { ...process.env, DTI_NOW: NOW };
  delete env.DTI_SMTP_URL;
  const dti = (now, ...args) => execFileSync(DTI, ['--db', db, ...args], { env: { ...env, DTI_NOW: now }, encoding: 'utf8' });
  dti(NOW, 'demo');
  dti('2026-11-18T03:00:00Z', 'remind');
  dti('2026-11-23T01:00:00Z', '--as', 'yte', 'report', 'submit', '1', 'Trạm Y tế xã', '2026-10');
  dti('2026-11-23T02:00:00Z', '--as', 'dieuphoi', 'report', 'return', '1', 'Văn phòng HĐND và UBND xã', '2026-10', '--reason', REASON);
  return startServer(DTI, db, { env: { ...env, DTI_REMIND_EVERY: '1' } });
}

async function login(page, base, user) {
  await page.goto(base + '/');
  await page.waitForSelector('#login-form');
  await page.fill('#login-user', user);
  await page.fill('#login-password', PW);
  await page.click('#login-form button[type=submit]');
  await page.waitForSelector('nav#nav a[href="#/notices"]', { state: 'attached' });
  await page.waitForLoadState('networkidle');
  await page.waitForSelector('main h1');
}

async function logout(page) {
  await page.click('#logout');
  await page.waitForSelector('#login-form');
}

const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth);

for (const width of [1280, 360]) {
  test(`returned first with its new deadline, notices, withdraw, several files at ${width} px`, async () => {
    const srv = await demoServer('remind-' + width);
    const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN' });
    await ctx.clock.setFixedTime(new Date(NOW));   // the page's "today" is the server's, not the real date
    const page = await ctx.newPage();
    const problems = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && !/Failed to load resource: .* status of (401|404|400|409)/.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(String(e)));
    const shot = (name) => page.screenshot({ path: path.join(ART, `remind-${name}-${width}.png`), fullPage: true });
    const files = [1, 2].map((i) => {
      const f = path.join(tmp, `bien-ban-${i}-${width}.pdf`);
      fs.writeFileSync(f, `%PDF-1.4\n% ${i}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
      return f;
    });
    try {
      // 1. the unit whose report was returned: first, with the reason and its own deadline
      await login(page, srv.url, 'vanphong');
      await page.waitForSelector('#mywork-list');
      const first = page.locator('#mywork-list li').first();
      assert.equal(await first.getAttribute('data-state'), 'returned');
      assert.equal(await first.getAttribute('data-period'), '2026-10');
      const text = await first.textContent();
      assert.match(text, /Bị trả lại 23\/11\/2026 — cần sửa/);
      assert.match(text, /Hạn nộp lại:\s*26\/11\/2026\s*còn 3 ngày/);
      assert.ok(text.includes('Lý do: ' + REASON), text);
      assert.doesNotMatch(text, /quá hạn/, 'a returned report is not shown as late');
      assert.ok(await sideways(page) <= width, 'my work: no sideways scrolling');
      await shot('mywork-returned');
      // the notices, once the server's thread has run (it runs as the server starts)
      const link = page.locator('nav#nav a[href="#/notices"]');
      if (await page.isVisible('#menu-toggle')) await page.click('#menu-toggle');   // 360 px: the menu button
      // the notices' own screen before counting (count() does not wait, and
      // My work may still be shown when the click returns)
      await toScreen(page, () => link.click());
      const n = page.locator('#notices-list li[data-kind="returned"]');
      for (let i = 0; i < 50 && !(await n.count()); i++) {
        await page.waitForTimeout(200);
        await page.reload();
        await page.waitForSelector('main h1');
      }
      assert.match(await n.textContent(), /Báo cáo tháng 10\/2026 của Văn phòng HĐND và UBND xã bị trả lại ngày 23\/11\/2026: cần sửa trước hạn 26\/11\/2026/);
      assert.ok((await n.textContent()).includes(REASON));
      assert.match(await page.textContent('#notices-count'), /^1 chưa đọc/);
      assert.match(await link.textContent(), /Thông báo\s*1/, 'the unread count on the link');
      assert.ok(await sideways(page) <= width, 'notices: no sideways scrolling');
      await shot('notices');
      // the address notices are e-mailed to: checked by the server, the message at the field
      await page.getByLabel('Thư điện tử nhận thông báo').fill('van phong@hoabinh');
      await page.getByRole('button', { name: 'Lưu địa chỉ' }).click();
      await page.waitForFunction(() => /không hợp lệ/.test(document.querySelector('#notices-email-error')?.textContent || ''));
      await page.getByLabel('Thư điện tử nhận thông báo').fill('vanphong@hoabinh.example.vn');
      await page.getByRole('button', { name: 'Lưu địa chỉ' }).click();
      await page.waitForFunction(() => /Đã lưu/.test(document.querySelector('#notices-email-status')?.textContent || ''));
      assert.equal(await page.textContent('#notices-email-error'), '');
      await n.getByRole('button', { name: 'Đánh dấu đã đọc' }).click();
      await page.waitForFunction(() => /^0 chưa đọc/.test(document.querySelector('#notices-count')?.textContent || ''));
      assert.equal(await link.locator('.unread-count').count(), 0, 'no count left on the link');
      await page.locator('#notices-list li[data-kind="returned"]').getByRole('link', { name: 'Mở báo cáo' }).click();
      await page.waitForSelector('#mywork-form');
      assert.match(await page.textContent('#mywork-head'), /Hạn nộp lại:\s*26\/11\/2026/);
      if (await page.isVisible('#menu-toggle')) await page.click('#menu-toggle');
      await page.click('nav#nav a[href="#/notices"]');
      await page.waitForSelector('#notices-email');
      assert.equal(await page.inputValue('#notices-email'), 'vanphong@hoabinh.example.vn', 'the address kept');
      await logout(page);

      // 2. a submitted report withdrawn before review, two files, submitted again
      await login(page, srv.url, 'yte');
      await page.goto(srv.url + '/#/my-work/1/15/2026-10');
      await page.waitForSelector('#mywork-state[data-state="submitted"]');
      await page.getByRole('button', { name: 'Rút lại để sửa' }).click();
      await page.waitForSelector('#mywork-state[data-state="draft"]');
      assert.match(await page.textContent('#mywork-status'), /Đã rút lại/);
      await page.getByLabel('Tệp', { exact: true }).setInputFiles(files);
      await shot('withdrawn');
      await page.click('#mywork-submit');
      await page.waitForSelector('#mywork-state[data-state="submitted"]');
      const evidence = await page.textContent('#evidence-list');
      assert.match(evidence, new RegExp(`bien-ban-1-${width}`));
      assert.match(evidence, new RegExp(`bien-ban-2-${width}`));
      await logout(page);

      // 3. the coordinator's digest of who is late
      await login(page, srv.url, 'dieuphoi');
      if (await page.isVisible('#menu-toggle')) await page.click('#menu-toggle');
      await page.click('nav#nav a[href="#/notices"]');
      await page.waitForSelector('#notices-list li[data-kind="digest"]');
      const digest = await page.textContent('#notices-list li[data-kind="digest"]');
      assert.match(digest, /Tổng hợp: 1 đơn vị chưa nộp báo cáo tháng 10\/2026 \(hạn 15\/11\/2026\)/);
      assert.match(digest, /Tổ công nghệ số cộng đồng: có bản nháp, chưa nộp/);
      await page.click('#notices-read-all');
      await page.waitForFunction(() => /^0 chưa đọc/.test(document.querySelector('#notices-count')?.textContent || ''));
      assert.ok(await sideways(page) <= width, 'digest: no sideways scrolling');
      await shot('digest');
      assert.deepEqual(problems, []);
    } finally {
      await ctx.close();
      assert.equal(await srv.stop(), 0, 'the server stops cleanly');
    }
  });
}
