// report-numbers.test.mjs — numbers in the report form read the Vietnamese
// way (web/js/num.js, the server's base/num.h) in a real Chromium on the demo
// commune: what each number field understood is shown beside it as it is
// typed ("2.100" → 2.100, two thousand one hundred), an ambiguous figure is
// refused before anything is sent, with the reason beside the field, and what
// is saved is what was shown. Screenshot in build/test-artifacts/numbers-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '../../web/node_modules/playwright-core/index.mjs';
import { nowEnv, pinClock, vnMonth } from '../lib/now.mjs';
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

// A server of its own on a fresh demo store; resolves to { url, stop }.
async function demoServer(name) {
  const db = path.join(tmp, name + '.db');
  execFileSync(DTI, ['--db', db, 'demo'], { stdio: 'ignore', env: nowEnv() });
  return startServer(DTI, db, { env: nowEnv() });
}

function thisMonth() {   // the month of the pinned now in Vietnam (tests/lib/now.mjs)
  return vnMonth();
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


test('report form: numbers read as Vietnamese write them, ambiguity refused before saving', async () => {
  const width = 1280;
  const srv = await demoServer('numbers');
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN' });
  await pinClock(ctx);
  const page = await ctx.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  const puts = [];
  page.on('request', (r) => { if (r.method() === 'PUT') puts.push(r.url()); });
  const shot = (name) => page.screenshot({ path: path.join(ART, `numbers-${name}-${width}.png`), fullPage: true });
  try {
    await login(page, srv.url, 'kinhte');
    await page.click('nav#nav a[href="#/my-work"]');
    const card = page.locator(`#mywork-list li[data-period="${thisMonth()}"]`);
    await card.waitFor();
    const planId = await card.getAttribute('data-plan'), orgId = await card.getAttribute('data-org');
    await card.locator('a.button').click();
    await page.waitForSelector('#mywork-form');

    // counts with a point between thousands: read, shown, the percent follows
    await page.fill('#ind-5_1-num', '2.100');
    await page.fill('#ind-5_1-den', '3.000');
    assert.equal(await page.textContent('#ind-5_1-num-read'), 'Đọc là: 2.100');
    assert.equal(await page.textContent('#ind-5_1-den-read'), 'Đọc là: 3.000');
    assert.match(await page.textContent('#ind-5_1-pct'), /^70 ?%$/);

    // a rate typed as "2.100": 2100 % cannot be, 2,1 % could: refused with why, nothing sent
    await page.fill('#ind-5_1-value', '2.100');
    assert.match(await page.textContent('#ind-5_1-value-read'), /không rõ.*2,1/);
    assert.equal(await page.getAttribute('#ind-5_1-value', 'aria-invalid'), 'true');
    await page.fill('#ind-5_1-num', '1e3');
    assert.match(await page.textContent('#ind-5_1-num-read'), /số mũ/);
    await page.click('#mywork-save');
    await page.waitForFunction(() => document.querySelector('#ind-5_1-num-error').textContent.trim() !== '');
    assert.match(await page.textContent('#ind-5_1-num-error'), /số mũ/);
    await shot('refused');
    assert.deepEqual(puts, [], 'nothing is sent while a number is refused');

    // corrected: saved as shown, and read back the same
    await page.fill('#ind-5_1-num', '2.100');
    await page.fill('#ind-5_1-value', '');
    await page.click('#mywork-save');
    await page.waitForFunction(() => /^Đã lưu/.test(document.querySelector('main .flash')?.textContent || ''));
    assert.equal(puts.length, 1);
    const saved = await page.evaluate(async (p) => (await fetch(p)).json(),
      `/api/v1/plans/${planId}/reports/${orgId}/${thisMonth()}`);
    assert.ok(Array.isArray(saved.values), JSON.stringify(saved));
    const v = saved.values.find((x) => x.code === "5.1");
    assert.deepEqual([v.numerator, v.denominator, v.value], [2100, 3000, 70]);
    assert.equal(await page.inputValue('#ind-5_1-num'), '2100');
    assert.equal(await page.textContent('#ind-5_1-num-read'), 'Đọc là: 2.100');
    await shot('saved');

    // an approved report (the demo approved earlier months) is locked in the form
    const q = await page.evaluate(async (p) => (await fetch(p)).json(), `/api/v1/plans/${planId}/reports?state=approved`);
    const ap = q.reports.find((r) => String(r.org_id) === orgId);
    assert.ok(ap, 'the demo has an approved report of this unit: ' + JSON.stringify(q));
    await page.goto(`${srv.url}/#/my-work/${planId}/${orgId}/${encodeURIComponent(ap.period)}`);
    await page.waitForSelector('#mywork-locked');
    assert.equal(await page.locator('#mywork-save').count(), 0, 'no save button on an approved report');
    assert.ok(await page.locator('#mywork-form input:not([disabled])[inputmode="decimal"]').count() === 0, 'number fields disabled');
    assert.deepEqual(problems, []);
  } finally {
    await ctx.close();
    await srv.stop();
  }
});
