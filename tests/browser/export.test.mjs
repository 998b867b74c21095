// export.test.mjs — "Tải báo cáo" on the dashboard (web/js/export.js) in a
// real Chromium, on its own `dti demo` server (DTI_NOW 23/11/2026): the
// coordinator chooses the period from the plan's calendar and downloads the
// Word report (its edited focus in it), the Excel workbook and the CSV;
// the province's user also gets the province's summary; a reporter sees no
// control. Every field labelled, keyboard reachable, no sideways scrolling
// at 360 px; screenshots in build/test-artifacts/.
import { test, before, after } from 'node:test';
import { testDb } from '../lib/db.mjs';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';
import { chromium } from '../../web/node_modules/playwright-core/index.mjs';
import { gotoScreen } from '../lib/screen.mjs';

const ROOT = process.env.DTI_ROOT || '.';
const DTI = process.env.DTI || `${ROOT}/build/dti`;
const ART = process.env.DTI_ARTIFACTS || 'build/test-artifacts';
const NOW = '2026-11-23T03:00:00Z';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dti-export-ui-'));
const DB = testDb(path.join(tmp, 'demo.db'));
let server, BASE, browser;

before(async () => {
  execFileSync(DTI, ['--db', DB, 'demo'], { env: { ...process.env, DTI_NOW: NOW } });
  server = spawn(DTI, ['--db', DB, 'serve', '--listen', '127.0.0.1:0', '--threads', '2'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DTI_NOW: NOW } });
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

// A page logged in as USER at WIDTH on the dashboard of October, once its
// READY element is there: resolves to { ctx, page, problems, host } (host:
// the dashboard's screen, tests/lib/screen.mjs).
async function open(user, width, ready = '#dash-index') {
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN', acceptDownloads: true });
  await ctx.clock.setFixedTime(new Date(NOW));   // the page's "today" is the server's, not the real date
  const page = await ctx.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource: .* status of 401/.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(BASE + '/');
  await page.fill('#login-user', user);
  await page.fill('#login-password', 'demo-2026');
  await page.press('#login-password', 'Enter');
  // logged in: the first screen's route is set (the navigation may be folded at 360 px)
  await page.waitForFunction(() => location.hash.length > 1);
  // the dashboard's own screen: the landing one (a dashboard too, or My
  // work, or the province) may still be on the page when goto() returns,
  // and a field filled there is lost when the new screen replaces it
  const host = await gotoScreen(page, `${BASE}/#/dashboard/1/2026-10`);
  await host.locator(ready).first().waitFor();
  return { ctx, page, problems, host };
}

async function download(page, button) {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), page.click(button)]);
  const file = path.join(tmp, d.suggestedFilename());
  await d.saveAs(file);
  return file;
}

for (const width of [1280, 360]) {
  test(`the coordinator downloads Word, Excel and CSV at ${width} px`, async () => {
    const { ctx, page, problems } = await open('dieuphoi', width);
    try {
      await page.waitForSelector('#export #export-docx');
      assert.equal((await page.textContent('#export-title')).trim(), 'Tải báo cáo');
      // the periods are the calendar's, and the year summary
      const options = await page.locator('#export-period option').evaluateAll((os) => os.map((o) => o.value));
      assert.ok(options.includes('2026-10') && options.includes('2026-01') && options.at(-1) === '2026', options.join());
      assert.equal(await page.inputValue('#export-period'), '2026-10');
      const unlabelled = await page.evaluate(() => [...document.querySelectorAll('#export input, #export select, #export textarea')]
        .filter((el) => !(el.id && document.querySelector(`label[for="${el.id}"]`)?.textContent.trim())).map((el) => el.id));
      assert.deepEqual(unlabelled, []);
      const sw = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(sw <= width, `no sideways scrolling (${sw})`);

      // the focus edited in the page goes into the Word file
      await page.click('#export summary');
      await page.fill('#export-focus', 'Phủ sóng 5G toàn bộ Thôn Bến');
      await page.fill('#export-number', '15');
      const docx = await download(page, '#export-docx');
      assert.match(path.basename(docx), /^bao-cao-ke-hoach-1-2026-10\.docx$/);
      const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml']).toString();
      assert.match(xml, /1\. Phủ sóng 5G toàn bộ Thôn Bến/);
      assert.match(xml, /Số: 15\/BC-UBND/);
      await page.waitForSelector('#export-status:not(.error)');

      // keyboard: the Excel button by Tab from the Word one, Enter downloads
      await page.focus('#export-docx');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'export-xlsx');
      const [x] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      assert.match(x.suggestedFilename(), /\.xlsx$/);
      const csv = await download(page, '#export-csv');
      assert.equal(fs.readFileSync(csv).subarray(0, 3).toString('hex'), 'efbbbf');

      // the print view: the same report as a page in a new tab, styled by /print.css (A4, Times New Roman)
      const [pop] = await Promise.all([page.waitForEvent('popup'), page.click('#export-print')]);
      await pop.waitForLoadState('load');
      assert.match(pop.url(), /\/api\/v1\/plans\/1\/export\/2026-10\?format=html&number=15$/);
      const text = await pop.textContent('body');
      for (const s of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 15/BC-UBND', 'BÁO CÁO', 'Nơi nhận:', 'PHỤ LỤC'])
        assert.ok(text.includes(s), s);
      const font = await pop.evaluate(() => getComputedStyle(document.querySelector('p.BodyText')).fontFamily);
      assert.match(font, /Times New Roman/);
      const pdf = await pop.pdf({ preferCSSPageSize: true });
      fs.writeFileSync(path.join(tmp, `print-${width}.pdf`), pdf);
      const info = execFileSync('pdfinfo', [path.join(tmp, `print-${width}.pdf`)]).toString();
      assert.match(info, /Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
      if (width === 1280) await pop.screenshot({ path: path.join(ART, 'export-print-view.png') });
      await pop.close();

      // the year-end summary from the same control
      await page.selectOption('#export-period', '2026');
      const year = await download(page, '#export-docx');
      assert.match(path.basename(year), /bao-cao-tong-ket-ke-hoach-1-2026\.docx/);
      await page.screenshot({ path: path.join(ART, `export-dashboard-${width}.png`), fullPage: false,
        clip: await page.locator('#export').boundingBox() });
      assert.deepEqual(problems, []);
    } finally {
      await ctx.close();
    }
  });
}

test('the province downloads its summary; a reporter sees no control', async () => {
  const { ctx, page, problems } = await open('tinh', 1280);
  try {
    await page.waitForSelector('#export-province-docx');
    const f = await download(page, '#export-province-xlsx');
    assert.match(path.basename(f), /^bao-cao-tinh-\d+-2026-10\.xlsx$/);
    assert.deepEqual(problems, []);
  } finally {
    await ctx.close();
  }
  // a reporter's dashboard answers with the refusal of the commune's score, and no control
  // (its screen drawn: the refusal is the whole of it, no part comes later)
  const r = await open('congan', 1280, '#dash-error');
  try {
    assert.equal(await r.host.getAttribute('data-screen'), 'dashboard');
    assert.equal(await r.page.locator('#export').count(), 0);
  } finally {
    await r.ctx.close();
  }
});
