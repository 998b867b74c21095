// vn-time.test.mjs — issue 9, point 4: time is Vietnam's, in a real Chromium.
// A demo store (xã Hòa Bình, monthly by calendar months, units due the 15th
// of the next month: November 2026 is due 15/12/2026). Two units submit
// November's report through the CLI at fixed instants around midnight in
// Vietnam on the deadline: Trung tâm phục vụ hành chính công at 16:59 UTC
// (23:59 on 15/12 in Vietnam: on time), Công an xã at 17:00 UTC (00:00 on
// 16/12: one day late). The server's clock is 17:01 UTC (00:01 on 16/12).
// The coordinator's review queue shows each submission's Vietnamese day and
// time of day and its timeliness; the report's page says the same; after the
// coordinator publishes, the public page says 16/12/2026 00:01, not the UTC
// day 15/12. Screenshots build/test-artifacts/vn-time-*.png.
import { test, before, after } from 'node:test';
import { testDb } from '../lib/db.mjs';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '../../web/node_modules/playwright-core/index.mjs';

const ROOT = process.env.DTI_ROOT || process.cwd();
const DTI = process.env.DTI || path.join(ROOT, 'build/dti');
const ART = process.env.DTI_ARTIFACTS || 'build/test-artifacts';
const PW = 'demo-2026';
const ON_TIME = '2026-12-15T16:59:00Z';     // 23:59 on 15/12 in Vietnam
const LATE = '2026-12-15T17:00:00Z';        // 00:00 on 16/12 in Vietnam
const NOW = '2026-12-15T17:01:00Z';         // 00:01 on 16/12 in Vietnam
const HCC = 'Trung tâm phục vụ hành chính công';
const CA = 'Công an xã';
let browser, srv;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dti-vntime-'));
fs.mkdirSync(ART, { recursive: true });

before(async () => {
  const db = testDb(path.join(tmp, 'demo.db'));
  const dti = (env, ...args) => execFileSync(DTI, ['--db', db, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
  dti({ DTI_NOW: '2026-12-15T09:00:00Z' }, 'demo');
  const csv = path.join(tmp, 'nov.csv');
  fs.writeFileSync(csv, 'kind,code,note\nresults,,Kết quả tháng 11/2026\n');
  // November is due 15/12/2026 (month:cutoff=none:unit=15+1, the sample plan's regime)
  const periods = JSON.parse(dti({ DTI_NOW: NOW }, '--as', 'dieuphoi', 'periods', '1', '2026', '--json'));
  assert.equal(periods.periods.find((p) => p.code === '2026-11').unit_due, '15/12/2026');
  for (const [user, org, at] of [['hcc', HCC, ON_TIME], ['congan', CA, LATE]]) {
    dti({ DTI_NOW: at }, '--as', user, 'report', 'fill', '1', org, '2026-11', '--csv', csv);
    dti({ DTI_NOW: at }, '--as', user, 'report', 'submit', '1', org, '2026-11');
  }
  const child = spawn(DTI, ['--db', db, 'serve', '--listen', '127.0.0.1:0', '--threads', '2'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DTI_NOW: NOW } });
  let out = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start: ' + out)), 60000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[0]); }
    });
  });
  child.stderr.resume();
  srv = { url, child };
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'] });
});

after(async () => {
  await browser?.close();
  if (srv) {
    const done = new Promise((r) => srv.child.on('exit', r));
    srv.child.kill('SIGTERM');
    await done;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function login(page, user) {
  await page.goto(srv.url + '/');
  await page.waitForSelector('#login-form');
  await page.fill('#login-user', user);
  await page.fill('#login-password', PW);
  await page.click('#login-form button[type=submit]');
  await page.waitForSelector('nav#nav', { state: 'attached' });
  await page.waitForLoadState('networkidle');
}

for (const width of [1280, 360]) {
  test(`submitted around midnight and the deadline, shown in Vietnam's time at ${width} px`, async () => {
    const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN', timezoneId: 'UTC' });
    await ctx.clock.setFixedTime(new Date(NOW));   // the page's "today" is the server's, not the real date
    const page = await ctx.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    try {
      await login(page, 'dieuphoi');
      await page.goto(srv.url + '/#/review');
      await page.waitForSelector('#review-queue');
      const row = (org) => page.locator('#review-queue tbody tr[data-period="2026-11"]').filter({ hasText: org });
      const hcc = await row(HCC).textContent();
      assert.match(hcc, /15\/12\/2026 23:59/, 'submitted 16:59 UTC = 23:59 on 15/12: ' + hcc);
      assert.match(hcc, /đúng hạn/, hcc);
      const ca = await row(CA).textContent();
      assert.match(ca, /16\/12\/2026 00:00/, 'submitted 17:00 UTC = 00:00 on 16/12: ' + ca);
      assert.match(ca, /trễ hạn/, ca);
      assert.doesNotMatch(ca, /15\/12\/2026/, 'not the UTC day');
      await page.screenshot({ path: path.join(ART, `vn-time-review-${width}.png`), fullPage: false });

      // the report's own page says the same
      await row(CA).getByRole('link').click();
      await page.waitForSelector('button:has-text("Duyệt")');
      assert.match(await page.textContent('main'), /Nộp lúc 16\/12\/2026 00:00 · trễ hạn/);

      // published at the server's 00:01 on 16/12: the public page says so
      if (width === 1280) {
        await page.goto(`${srv.url}/#/rankings/1/2026-11/ontime`);
        await page.click('#rk-publish-open'); await page.click('#rk-publish-yes');   // publishing asks first (publish.js)
        await page.waitForFunction(() => /\d{4}/.test(document.querySelector('#rk-publish-status')?.textContent || ''));
      }
      await page.goto(srv.url + '/public.html');
      await page.waitForSelector('#published-at');
      assert.equal((await page.textContent('#published-at')).trim(), 'Công bố gần nhất: 16/12/2026 00:01');
      await page.screenshot({ path: path.join(ART, `vn-time-public-${width}.png`), fullPage: false });
      assert.deepEqual(problems, []);
    } finally {
      await ctx.close();
    }
  });
}
