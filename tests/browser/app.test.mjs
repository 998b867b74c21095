// app.test.mjs — logged in, in a real Chromium: log in as the admin, import
// a plan from its document through the import screen, open it on the plan
// screen, see the dashboard of a reported period, log out; at 1280 and 360 px. Screenshots in build/test-artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { chromium } from '../../web/node_modules/playwright-core/index.mjs';
import { pinClock } from '../lib/now.mjs';

const BASE = process.env.DTI_URL || 'http://127.0.0.1:8080';
const ART = process.env.DTI_ARTIFACTS || 'build/test-artifacts';
const SHARED = process.env.SHARED || '../shared';
const ADMIN = process.env.DTI_ADMIN || 'admin';
const PASSWORD = process.env.DTI_ADMIN_PASSWORD || '';
let browser;

before(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'] });
});
after(async () => { await browser?.close(); });

for (const [width, file] of [[1280, 'minh-duc-2026-2030-dti.txt'], [360, 'vinh-thuan-2026-dti.txt']]) {
  test(`log in, import ${file}, read the plan, log out at ${width} px`, async () => {
    const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN' });
    await pinClock(ctx);
    const page = await ctx.newPage();
    const problems = [];
    page.on('console', (m) => {
      const t = m.text();
      if (m.type() === 'error' && !/Failed to load resource: .* status of 401/.test(t)) problems.push(t);
    });
    page.on('pageerror', (e) => problems.push(String(e)));
    try {
      await page.goto(BASE + '/');
      await page.fill('#login-user', ADMIN);
      await page.fill('#login-password', PASSWORD);
      await page.click('#login-form button[type=submit]');
      await page.waitForSelector('nav#nav a[href="#/import"]', { state: 'attached' });
      assert.match(await page.textContent('#who'), new RegExp(ADMIN));

      if (await page.isVisible('#menu-toggle')) await page.click('#menu-toggle');

      await page.click('nav#nav a[href="#/import"]');
      await page.setInputFiles('#import-file', path.join(SHARED, 'plans', file));
      await page.click('#import-form button[type=submit]');
      await page.waitForSelector('#import-preview');
      await page.screenshot({ path: path.join(ART, `import-preview-${width}.png`), fullPage: false });
      await page.click('#import-confirm');
      await page.waitForSelector('#import-done');
      // Minh Đức's plan names its units in its tables; Vĩnh Thuận's only in the prose
      // that assigns the work ("2. Phòng Văn hóa - Xã hội", issue 11 point 10)
      const rows = await page.locator('#import-matches tbody tr').count();
      if (file.startsWith('minh-duc')) assert.ok(rows > 5, `unit names listed (${rows})`);
      else {
        assert.equal(rows, 1);
        assert.match(await page.textContent('#import-matches'), /Văn hóa - Xã hội/);
      }

      // wait for the plan view itself: 'main table' alone also matches the
      // import page's own #import-matches table before the plan view mounts
      await page.click('#import-done a');
      await page.waitForSelector('#plan-calendar-link');
      await page.waitForSelector('main table.plan-items');
      const title = await page.textContent('main h1');
      assert.ok(title.length > 10, 'the plan title');
      assert.ok(await page.locator('main table.plan-items tbody tr').count() > 3, 'indicator rows');
      const sw = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(sw <= width, `no sideways scrolling of the page (${sw})`);
      await page.screenshot({ path: path.join(ART, `plan-${width}.png`), fullPage: false });

      // the dashboard of the plan the API tests reported on (reports.test.mjs:
      // approved figures for 2026-03), with its Chart.js bars under the CSP
      const plans = await page.evaluate(() => fetch('/api/v1/plans').then((r) => r.json()));
      const reported = plans.plans.find((p) => p.document === 'minh-duc-reports.txt');
      assert.ok(reported, 'the plan of the report tests');
      await page.goto(`${BASE}/#/dashboard/${reported.id}/2026-03`);
      await page.waitForSelector('#dash-index');
      assert.match(await page.textContent('#dash-index'), /^[01],\d{4}$/, 'index with a decimal comma');
      await page.waitForFunction(() => {
        const c = document.querySelector('#dash-groups');
        return c && c.width > 0 && window.Chart;
      });
      const sw2 = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(sw2 <= width, `dashboard: no sideways scrolling (${sw2})`);
      await page.screenshot({ path: path.join(ART, `dashboard-${width}.png`), fullPage: true });

      await page.click('#logout');
      await page.waitForSelector('#login-form');
      assert.equal(await page.isVisible('nav#nav'), false);
      assert.deepEqual(problems, []);
    } finally {
      await ctx.close();
    }
  });
}
