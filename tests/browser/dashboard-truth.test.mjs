// dashboard-truth.test.mjs — issue 13 points 1–4 and 8 in a real Chromium
// at 1280 and 360 px, on its own `dti demo` store with both clocks fixed at
// 06/12/2026 10:00 Vietnam time (DTI_NOW for the server, page.clock for the
// browser): October's reports are in (deadline 15/11 passed), November's
// are not yet due (15/12).
// - the dashboard opens on Tháng 10/2026, not on the open month; November
//   shows the banner, "Chưa đến hạn: 7 đơn vị", and October's figures
//   marked "(số liệu T10)"; never "Mọi đơn vị đã nộp đúng hạn";
// - periods by name in a list with quarters, halves and the year; a quarter
//   shows the server's folded figures; the picker stays when a period fails;
// - achievement and rates as percentages, the index with 4 decimals;
// - at-risk rows say why and lead to the indicator's page (chart, each
//   unit's figures, evidence, lead);
// - at 360 px a menu button instead of the links, tables as cards, no
//   sideways scrolling; the file field reads "Chọn tệp…"; a saved draft is
//   announced under the title, in view;
// - axe-core finds no serious or critical WCAG 2.1 AA violation on any
//   screen at either width.
// Screenshots in build/test-artifacts/dashboard-*.png, indicator-*.png.
import { test, before, after } from 'node:test';
import { testDb } from '../lib/db.mjs';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '../../web/node_modules/playwright-core/index.mjs';
import { gotoScreen, toScreen } from '../lib/screen.mjs';

const ROOT = process.env.DTI_ROOT || process.cwd();
const DTI = process.env.DTI || path.join(ROOT, 'build/dti');
const ART = process.env.DTI_ARTIFACTS || path.join(ROOT, 'build/test-artifacts');
const NOW = '2026-12-06T03:00:00Z';
const AXE = fileURLToPath(new URL('../../web/node_modules/axe-core/axe.min.js', import.meta.url));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dti-truth-'));
let browser, srv, BASE;

before(async () => {
  fs.mkdirSync(ART, { recursive: true });
  const db = testDb(path.join(tmp, 'demo.db'));
  execFileSync(DTI, ['--db', db, 'demo'], { env: { ...process.env, DTI_NOW: NOW } });
  srv = spawn(DTI, ['--db', db, 'serve', '--listen', '127.0.0.1:0', '--threads', '4'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DTI_NOW: NOW } });
  srv.stderr.resume();
  BASE = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the server did not start: ' + out)), 60000);
    srv.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[0]); }
    });
  });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'] });
});

after(async () => {
  await browser?.close();
  if (srv) {
    const done = new Promise((r) => srv.on('exit', r));
    srv.kill('SIGTERM');
    await done;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function open(width) {
  // bypassCSP: axe-core is injected as an inline script for the checks only
  const ctx = await browser.newContext({ viewport: { width, height: 800 }, locale: 'vi-VN',
    reducedMotion: 'reduce', bypassCSP: true });
  const page = await ctx.newPage();
  await page.clock.setFixedTime(new Date(NOW));
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => {
    // 401 before login; 400 for the period asked on purpose that the plan has not
    if (m.type() === 'error' && !/status of 40[014]/.test(m.text())) problems.push(m.text());
  });
  return { ctx, page, problems };
}

async function login(page, user) {
  await page.goto(BASE + '/');
  await page.waitForSelector('#login-form');
  await page.fill('#login-user', user);
  await page.fill('#login-password', 'demo-2026');
  await page.click('#login-form button[type=submit]');
  await page.waitForSelector('#login-form', { state: 'detached' });
  await page.waitForLoadState('networkidle');
}

// Open the screen of HASH ("#/plan/1") and wait for SELECTOR in it: the
// screen itself, not the one before it (page.goto() to another #/route
// returns at once, and waitForLoadState() too: see tests/lib/screen.mjs).
async function go(page, hash, selector = 'h1') {
  const host = await gotoScreen(page, `${BASE}/${hash}`);
  await host.locator(selector).first().waitFor();
  return host;
}

const api = (page, p) => page.evaluate((u) => fetch(u).then((r) => r.json()), p);
const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth);

// Serious and critical WCAG 2.1 A/AA violations axe-core finds on the page.
async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

for (const width of [1280, 360]) {
  test(`the dashboard tells the truth about the period at ${width} px`, async () => {
    const { ctx, page, problems } = await open(width);
    try {
      await login(page, 'dieuphoi');
      await page.waitForSelector('#dash-index');
      // opens on the latest month whose deadline has passed
      assert.equal(await page.inputValue('#dash-period'), '2026-10');
      assert.match(await page.textContent('main'), /Chỉ số của kế hoạch \(Tháng 10\/2026\)/);
      const oct = await api(page, '/api/v1/plans/1/score/2026-10');
      assert.equal((await page.textContent('#dash-index')).trim(), oct.total.index_text, 'the index with 4 decimals');
      assert.match(oct.total.index_text, /^\d,\d{4}$/);
      assert.equal(await page.locator('#dash-open').count(), 0, 'October is closed: no banner');
      // percentages, never "0,89"
      const ach = await page.locator('#dash-indicators tbody td:nth-child(4)').allTextContents();
      assert.ok(ach.length >= 20 && ach.every((c) => /^(—|\d{1,3}(,\d)?%)$/.test(c.trim())), `achievement: ${ach}`);
      const rates = await page.locator('#dash-ranking tbody td:nth-child(3)').allTextContents();
      assert.ok(rates.every((c) => /^\d{1,3}(,\d)?%$/.test(c.trim())), `on-time rates: ${rates}`);
      // the at-risk row says why
      const risk = await page.locator('#dash-risk li').allTextContents();
      const r11 = risk.find((x) => x.includes('1.1 '));
      assert.ok(r11, `1.1 at risk: ${risk}`);
      assert.match(r11, /1\.1 Tỷ lệ phủ sóng 5G trên dân số: 62% \(T10\) · mục tiêu ≥ 70% đến 31\/12 · dự báo 66% · Chủ trì: Phòng VH-XH/);
      if (width === 360) {
        // a menu button, not ten bordered links in five rows
        assert.ok(await page.isVisible('#menu-toggle'), 'the menu button');
        assert.equal(await page.isVisible('nav#nav a[href="#/rankings"]'), false, 'links behind the menu');
        const bar = await page.locator('header.top').boundingBox();
        assert.ok(bar.height <= 80, `a short bar (${bar.height} px)`);
        assert.match(await page.textContent('#menu-toggle'), /Trình đơn/);
        await page.click('#menu-toggle');
        assert.equal(await page.getAttribute('#menu-toggle', 'aria-expanded'), 'true');
        assert.ok(await page.isVisible('nav#nav a[href="#/rankings"]'));
        await page.keyboard.press('Escape');
        assert.equal(await page.isVisible('nav#nav a[href="#/rankings"]'), false);
        // tables as cards: the header row hidden, each cell labelled
        const th = await page.locator('#dash-indicators thead').boundingBox();
        assert.ok(!th || th.height <= 1, 'the header row is not shown');
        assert.match(await page.evaluate(() => getComputedStyle(document.querySelector('#dash-indicators tbody td'), '::before').content), /Mã/);
      }
      assert.ok(await sideways(page) <= width, `no sideways scrolling (${await sideways(page)})`);
      await page.screenshot({ path: path.join(ART, `dashboard-oct-${width}.png`), fullPage: true });

      // the open month: a banner, the units not yet due, October's figures marked
      await page.selectOption('#dash-period', '2026-11');
      await page.click('#dash-form button[type=submit]');
      await page.waitForSelector('#dash-open');
      const banner = (await page.textContent('#dash-open')).trim();
      assert.equal(banner, 'Tháng 11/2026: chưa đến hạn (15/12), mới nhận 0/7 — số liệu tạm tính.');
      assert.match(await page.textContent('#dash-counts'), /Chưa đến hạn: 7 đơn vị/);
      assert.doesNotMatch(await page.textContent('main'), /Mọi đơn vị đã nộp đúng hạn/);
      assert.match(await page.textContent('#dash-index'), /tạm tính/);
      const row11 = page.locator('#dash-indicators tbody tr', { hasText: 'Tỷ lệ phủ sóng 5G' });
      assert.equal((await row11.locator('td:nth-child(3)').textContent()).trim(), '62% (số liệu T10)');
      await page.screenshot({ path: path.join(ART, `dashboard-open-${width}.png`), fullPage: false });

      // a quarter the monthly calendar does not hold: the server's folded figures
      const names = await page.locator('#dash-period option').allTextContents();
      for (const n of ['Tháng 10/2026', 'Quý III/2026', '6 tháng đầu năm 2026', 'Năm 2026']) assert.ok(names.includes(n), `${n} in ${names}`);
      assert.ok(names.every((n) => !/^\d{4}-/.test(n)), 'no raw codes');
      await page.selectOption('#dash-period', { label: 'Quý III/2026' });
      // November's view has a #dash-index too: wait for the quarter's own
      // screen (the hash changes before the router has replaced the view)
      const q3view = await toScreen(page, () => page.click('#dash-form button[type=submit]'));
      assert.ok(await page.evaluate(() => location.hash.endsWith('/2026-Q3')), 'the quarter in the address');
      await q3view.locator('#dash-index').waitFor();
      const q3 = await api(page, '/api/v1/plans/1/score/2026-Q3');
      assert.deepEqual(q3.completeness.parts, ['2026-07', '2026-08', '2026-09']);
      assert.equal((await page.textContent('#dash-index')).trim(), q3.total.index_text);
      assert.match(await page.textContent('main'), /Chỉ số của kế hoạch \(Quý III\/2026\)/);
      // a period the plan has no figures for: the message, and the picker stays
      await go(page, '#/dashboard/1/2025', '#dash-error');
      assert.ok(await page.isVisible('#dash-period'), 'the picker stays');
      assert.doesNotMatch(await page.textContent('#dash-error'), /dti periods|xem:/, 'no command-line hint');
      assert.match(await page.textContent('#dash-error'), /^[A-ZÀ-Ỹ]/u);
      assert.deepEqual(problems, []);
    } finally {
      await ctx.close();
    }
  });

  test(`an at-risk indicator's page at ${width} px`, async () => {
    const { ctx, page, problems } = await open(width);
    try {
      await login(page, 'chutich');
      await page.waitForSelector('#dash-risk li a');
      await page.locator('#dash-risk li a', { hasText: '1.1 ' }).click();
      await page.waitForSelector('#ind-facts');
      assert.match(page.url(), /#\/indicator\/1\/\d+\/2026-10$/);
      assert.match(await page.textContent('main h1'), /1\.1 Tỷ lệ phủ sóng 5G/);
      assert.equal((await page.textContent('#ind-value')).trim(), '62%');
      assert.equal((await page.textContent('#ind-lead')).trim(), 'Phòng VH-XH');
      assert.match(await page.textContent('#ind-forecast'), /^66%$/);
      assert.ok(await page.isVisible('#ind-chart'), 'the chart against the target');
      const rows = await page.locator('#ind-reports tbody tr').allTextContents();
      assert.ok(rows.length >= 7, `one row per approved month: ${rows.length}`);
      assert.match(rows[0], /Tháng 10\/2026.*Phòng Văn hóa - Xã hội.*62%/);
      assert.ok(await page.locator('#ind-reports a[href^="/api/v1/evidence/"]').count() >= 1, 'evidence linked');
      assert.ok(await sideways(page) <= width, 'no sideways scrolling');
      await page.screenshot({ path: path.join(ART, `indicator-${width}.png`), fullPage: true });
      assert.deepEqual(problems, []);
    } finally {
      await ctx.close();
    }
  });

  test(`axe-core: no serious or critical WCAG 2.1 AA violation on any screen at ${width} px`, async () => {
    const { ctx, page, problems } = await open(width);
    try {
      const found = {};
      await page.goto(BASE + '/');
      await page.waitForSelector('#login-form');
      found.login = await axe(page);
      // the login form names an empty field itself
      await page.click('#login-form button[type=submit]');
      assert.equal((await page.textContent('#login-error')).trim(), 'Hãy nhập tên đăng nhập.');
      await page.goto(`${BASE}/public`);   // another document, not a screen of the app
      await page.waitForSelector('#title');
      found.public = await axe(page);
      await login(page, 'dieuphoi');
      const screens = ['#/dashboard', '#/dashboard/1/2026-11', '#/indicator/1/1/2026-10', '#/plan', '#/plan/1', '#/import',
        '#/my-work', '#/review', '#/rankings', '#/history', '#/calendar', '#/users', '#/account'];
      for (const s of screens) {
        const host = await go(page, s);
        // the dashboard's export control comes after its first drawing
        if (s.startsWith('#/dashboard')) await host.locator('#export, #dash-error').first().waitFor();
        await page.waitForTimeout(100);
        found[s] = await axe(page);
        assert.ok(await sideways(page) <= width, `${s}: no sideways scrolling (${await sideways(page)})`);
      }
      // a reporter's report form: the app's own file button
      await page.click('#logout');
      await page.waitForSelector('#login-form');
      await login(page, 'vhxh');
      await go(page, '#/my-work');
      const link = page.locator('main a[href^="#/my-work/"]').first();
      await link.click();
      await page.waitForSelector('#evidence-file', { state: 'attached' });
      assert.equal((await page.textContent('.filepick-button')).trim(), 'Chọn tệp…');
      found['#/my-work (form)'] = await axe(page);
      await page.screenshot({ path: path.join(ART, `mywork-filepick-${width}.png`) });
      // saved: the message where the eye is (under the title, in view, focused), once
      if (await page.locator('#mywork-save').count()) {
        await page.fill('#text-results', 'Đang tổng hợp số liệu của tháng.');
        await page.locator('#mywork-save').scrollIntoViewIfNeeded();
        await page.click('#mywork-save');
        await page.waitForSelector('.flash');
        assert.equal((await page.textContent('.flash p')).trim(), 'Đã lưu bản nháp.');
        const box = await page.locator('.flash').boundingBox();
        assert.ok(box.y >= -1 && box.y + box.height <= 800, `the message is in view (${box.y})`);
        assert.ok(await page.evaluate(() => document.activeElement.classList.contains('flash')), 'and has the focus');
        assert.equal(await page.getByRole('status').filter({ hasText: 'Đã lưu bản nháp.' }).count(), 1, 'said once');
        found['#/my-work (saved)'] = await axe(page);
        await page.screenshot({ path: path.join(ART, `mywork-saved-${width}.png`) });
      }
      const bad = Object.entries(found).filter(([, v]) => v.length);
      assert.deepEqual(bad, [], JSON.stringify(bad, null, 1));
      assert.deepEqual(problems, []);
    } finally {
      await ctx.close();
    }
  });
}
