// appraise.test.mjs — appraisal on the web (issue 13 §6): the commune's
// coordinator loads the point table (a refused file names its line and
// column, stores nothing), self-assesses a criterion, and publishes only
// after a confirmation that shows what becomes public; the province's
// appraiser gives reviewed points with a reason, which win. On a demo
// store of its own, at 1280 and 360 px; screenshots in
// build/test-artifacts/appraise-*.png.
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
const TABLE = path.join(ROOT, 'samples/index-hoa-binh.csv');
let browser, srv;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dti-appraise-'));

async function json(p, opts = {}) {
  const r = await fetch(srv.url + p, opts);
  return { status: r.status, body: await r.json().catch(() => null), headers: r.headers };
}

before(async () => {
  const db = path.join(tmp, 'demo.db');
  execFileSync(DTI, ['--db', db, 'demo'], { stdio: 'ignore', env: nowEnv() });
  srv = await startServer(DTI, db, { env: nowEnv() });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  // the province's appraiser: a coordinator of the province, above the commune
  const l = await fetch(srv.url + '/api/v1/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password: 'demo-2026' }) });
  const a = await l.json();
  assert.equal(l.status, 200, JSON.stringify(a));
  const hd = { Cookie: l.headers.get('set-cookie').split(';')[0], 'X-CSRF-Token': a.csrf_token, 'Content-Type': 'application/json' };
  const orgs = await json('/api/v1/orgs', { headers: hd });
  const prov = orgs.body.orgs.find((o) => o.kind === 'province');
  assert.ok(prov, JSON.stringify(orgs.body));
  const u = await json('/api/v1/users', { method: 'POST', headers: hd,
    body: JSON.stringify({ login: 'thamdinh', display: 'Sở KH&CN (thẩm định)', role: 'coordinator', org_id: prov.id, password: 'tham-dinh-2026' }) });
  assert.ok(u.status === 201 || u.status === 200, JSON.stringify(u.body));
});
after(async () => {
  await browser?.close();
  await srv?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function login(page, user, password = 'demo-2026') {
  await page.goto(srv.url + '/');
  await page.waitForSelector('#login-form');
  await page.fill('#login-user', user);
  await page.fill('#login-password', password);
  await page.click('#login-form button[type=submit]');
  await page.waitForSelector('nav#nav a[href="#/appraise"]', { state: 'attached' });
  await page.waitForLoadState('networkidle');
}

async function openAppraise(page) {
  await page.goto(srv.url + '/#/appraise');
  await page.waitForSelector('#ap-form');
  await page.waitForSelector('#ap-table');
}

for (const width of [1280, 360]) {
  test(`appraisal: load the table, self-assess, appraise, publish after confirming (${width} px)`, async () => {
    const ctx = await browser.newContext(contextOptions({ viewport: { width, height: 900 } }));
    await pinClock(ctx);
    const page = await ctx.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    const shot = (name) => page.screenshot({ path: path.join(ART, `appraise-${name}-${width}.png`), fullPage: true });
    try {
      await login(page, 'dieuphoi');
      await openAppraise(page);
      const period = await page.inputValue('#ap-period');

      // a refused table: the line and column named, nothing stored
      const bad = path.join(tmp, `sai-${width}.csv`);
      fs.writeFileSync(bad, 'ma,ten,diem toi da\n1.1,Phủ sóng,nhiều\n');
      await page.setInputFiles('#ap-file', bad);
      await page.click('#ap-load-btn');
      await page.waitForFunction(() => document.querySelector('#ap-file-error').textContent.trim() !== '');
      assert.match(await page.textContent('#ap-file-error'), /dòng 2, cột 3/);
      // the province's table: loaded, its criteria listed
      await page.setInputFiles('#ap-file', TABLE);
      await page.click('#ap-load-btn');
      await page.waitForFunction(() => /Đã nạp bộ chỉ số: 13 tiêu chí/.test(document.querySelector('main .flash')?.textContent || ''));
      assert.equal(await page.locator('#ap-criteria tbody tr').count(), 13);
      assert.match(await page.textContent('#ap-table'), /index-hoa-binh\.csv \(13 tiêu chí/);

      // self-assessment of 2.3 (a "levels" criterion, 10 points at most)
      await page.fill('#ap-self-2_3-points', '25');
      await page.click('#ap-self-2_3-save');
      assert.equal((await page.textContent('#ap-self-2_3-error')).trim(), 'Điểm từ 0 đến 10.');
      await page.fill('#ap-self-2_3-points', '7,5');
      await page.fill('#ap-self-2_3-text', 'Trưởng ban là Phó Chủ tịch; quyết định 12/QĐ-UBND.');
      await page.click('#ap-self-2_3-save');
      await page.waitForFunction(() => /Đã lưu điểm tiêu chí 2\.3/.test(document.querySelector('main .flash')?.textContent || ''));
      assert.equal((await page.textContent('[data-points="2.3"]')).trim(), '7,5');
      assert.equal(await page.locator('#ap-review-2_3-points').isDisabled(), true, 'the commune does not appraise itself');
      await shot('self');

      // publishing asks first, showing what becomes public; "not now" publishes nothing
      const before = await json('/api/v1/public/rankings');
      await page.click('#ap-publish-open');
      await page.waitForSelector('#ap-publish-confirm:not([hidden])');
      const what = await page.textContent('#ap-publish-what');
      assert.match(what, /Hòa Bình/);
      assert.match(what, /Tháng \d{1,2}\/\d{4}|Quý|Năm/);
      assert.match(what, /\d+,\d{4}/, 'the index as the province writes it: ' + what);
      assert.match(await page.textContent('#ap-publish-confirm'), /Không công khai gì khác/);
      await shot('publish-confirm');
      await page.click('#ap-publish-no');
      assert.deepEqual((await json('/api/v1/public/rankings')).body.rankings, before.body.rankings, 'nothing published');
      await page.click('#ap-publish-open');
      await page.click('#ap-publish-yes');
      await page.waitForFunction(() => /Đã công bố chỉ số/.test(document.querySelector('#ap-publish-status')?.textContent || ''));
      const pub = (await json('/api/v1/public/rankings')).body.rankings;
      assert.ok(pub.some((r) => r.period === period && /Hòa Bình/.test(r.commune || r.name || '')), JSON.stringify(pub));

      // the province's appraiser: reviewed points with a reason win; no self column for it
      await ctx.clearCookies();
      await login(page, 'thamdinh', 'tham-dinh-2026');
      await page.goto(`${srv.url}/#/appraise/1/${encodeURIComponent(period)}`);
      await page.waitForSelector('#ap-criteria');
      assert.equal(await page.locator('#ap-self-2_3-points').isDisabled(), true);
      assert.equal(await page.locator('#ap-load').count(), 0, 'the table is the commune\'s to load');
      await page.fill('#ap-review-2_3-points', '5');
      await page.click('#ap-review-2_3-save');
      assert.equal((await page.textContent('#ap-review-2_3-error')).trim(), 'Hãy ghi lý do thẩm định.');
      await page.fill('#ap-review-2_3-text', 'Quyết định kiện toàn chưa ghi Trưởng ban.');
      await page.click('#ap-review-2_3-save');
      await page.waitForFunction(() => /Đã lưu điểm tiêu chí 2\.3/.test(document.querySelector('main .flash')?.textContent || ''));
      assert.equal((await page.textContent('[data-points="2.3"]')).trim(), '5');
      assert.equal(await page.inputValue('#ap-self-2_3-points'), '7,5', 'the self-assessed figure kept beside');
      await shot('review');

      const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(over <= 0, `the page scrolls sideways by ${over} px`);
      assert.deepEqual(problems, []);
    } finally {
      await ctx.close();
    }
  });
}
