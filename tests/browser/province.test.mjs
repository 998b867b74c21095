// province.test.mjs — the province's home in a real Chromium at 1280 and
// 360 px, over a generated province of 170 communes (tests/lib/province.mjs,
// `dti province gen`) at the pinned now: the Sở KH&CN's viewer lands on it
// (not on one commune's dashboard); every commune is listed with its index
// with four decimals and a comma; filters, search (without diacritics) and
// sorting work in the page; the not-reported list names each commune's
// state; one indicator compares across the communes; the Excel summary
// downloads; no sideways scrolling at 360 px (the table becomes labelled
// cards); every field labelled; axe-core finds no serious or critical WCAG
// 2.1 AA violation. Screenshots in build/test-artifacts/province-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '../../web/node_modules/playwright-core/index.mjs';
import { pinClock, contextOptions } from '../lib/now.mjs';
import { provinceServer, PASSWORD } from '../lib/province.mjs';

const ROOT = process.env.DTI_ROOT || process.cwd();
const ART = process.env.DTI_ARTIFACTS || path.join(ROOT, 'build/test-artifacts');
const AXE = fileURLToPath(new URL('../../web/node_modules/axe-core/axe.min.js', import.meta.url));
const N = 170;
const INDEX = /^(—|\d,\d{4})$/;
let browser, P;

before(async () => {
  fs.mkdirSync(ART, { recursive: true });
  P = await provinceServer(N);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'] });
});
after(async () => {
  await browser?.close();
  if (P) await P.stop();
});

const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

const unlabelled = (page) => page.evaluate(() => [...document.querySelectorAll('main input, main select')]
  .filter((el) => !(el.id && document.querySelector(`label[for="${el.id}"]`)?.textContent.trim()))
  .map((el) => el.outerHTML.slice(0, 120)));

const rows = (page) => page.locator('#pv-table tbody tr');

for (const width of [1280, 360]) {
  test(`the province's home with ${N} communes at ${width} px`, async () => {
    const ctx = await browser.newContext(contextOptions({ viewport: { width, height: 800 }, reducedMotion: 'reduce', bypassCSP: true }));
    await pinClock(ctx);
    const page = await ctx.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error' && !/status of 401/.test(m.text())) problems.push(m.text()); });
    try {
      await page.goto(P.url + '/');
      await page.fill('#login-user', 'tinh');
      await page.fill('#login-password', PASSWORD);
      await page.press('#login-password', 'Enter');
      // the province's viewer lands on the province's home
      await page.waitForSelector('#pv-table tbody tr', { timeout: 30000 })
        .catch(async (e) => { throw new Error(`${e.message}: ${await page.textContent('main')}`); });
      assert.match(await page.evaluate(() => location.hash), /^#\/province/);
      assert.equal(await rows(page).count(), N);
      const home = await page.evaluate(async () => {
        const { provinces } = await fetch('/api/v1/provinces').then((r) => r.json());
        const period = document.querySelector('#pv-period').value;
        return fetch(`/api/v1/provinces/${provinces[0].id}/home?period=${period}`).then((r) => r.json());
      });
      assert.equal(home.communes.length, N);
      // the period is the dashboard's default: the latest month whose units' deadline passed
      assert.equal(await page.inputValue('#pv-period'), P.gen.period);
      const idx = (await page.locator('#pv-table tbody td:nth-child(3)').allTextContents()).map((s) => s.trim());
      assert.ok(idx.every((s) => INDEX.test(s)), `indices with 4 decimals: ${idx.slice(0, 5)}`);
      assert.equal(idx[0], home.communes[0].index_text, 'the first row is the first ranked');
      assert.match(await page.textContent('#pv-s-index'), /0,\d{4}/);
      assert.deepEqual(await unlabelled(page), []);
      const sw = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(sw <= width, `no sideways scrolling (${sw})`);
      if (width === 360) {
        // cards: the column names are shown in each cell, the header row is hidden
        assert.equal(await page.locator('#pv-table tbody tr:first-child td:nth-child(3)').getAttribute('data-label'), 'Chỉ số');
        assert.equal(await page.locator('#pv-table thead').evaluate((el) => getComputedStyle(el).position), 'absolute');
      }
      await page.screenshot({ path: path.join(ART, `province-${width}.png`), fullPage: width === 1280 });

      // filters: not reported, late, at risk
      await page.selectOption('#pv-filter', 'not_reported');
      assert.equal(await rows(page).count(), home.summary.not_reported);
      assert.match(await page.textContent('#pv-shown'), new RegExp(`${home.summary.not_reported}/${N}`));
      await page.screenshot({ path: path.join(ART, `province-not-reported-${width}.png`), fullPage: true });
      await page.selectOption('#pv-filter', 'late');
      assert.equal(await rows(page).count(), home.summary.late);
      await page.selectOption('#pv-filter', 'at_risk');
      assert.equal(await rows(page).count(), home.summary.at_risk_communes);
      await page.selectOption('#pv-filter', 'all');
      // search without diacritics: "thanh" finds Thạnh, Thành, Thanh
      await page.fill('#pv-search', 'thanh');
      const found = (await page.locator('#pv-table tbody th').allTextContents()).map((s) => s.trim());
      const expected = home.communes.filter((c) => fold(c.name).includes('thanh')).map((c) => c.name);
      assert.ok(expected.length > 1);
      assert.deepEqual(new Set(found), new Set(expected));
      await page.fill('#pv-search', '');
      // sort by name (Vietnamese order), then by change
      await page.selectOption('#pv-sort', 'name');
      const names = (await page.locator('#pv-table tbody th').allTextContents()).map((s) => s.trim());
      assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'vi')));
      await page.selectOption('#pv-sort', 'at_risk');
      const risk = (await page.locator('#pv-table tbody td:nth-child(7)').allTextContents()).map(Number);
      for (let i = 1; i < risk.length; i++) assert.ok(risk[i] <= risk[i - 1], 'most at risk first');

      // the not-reported list with each commune's state
      const missing = await page.locator('#pv-missing li').count();
      assert.equal(missing, home.summary.not_reported);
      assert.match(await page.textContent('#pv-missing'), /chưa gửi/);
      assert.match(await page.textContent('#pv-missing'), /chưa có tài khoản điều phối/);

      // one indicator across the communes
      await page.waitForSelector('#pv-compare-table tbody tr');
      assert.equal(await page.locator('#pv-compare-table tbody tr').count(), N);
      const opt = await page.locator('#pv-indicator option').allTextContents();
      assert.ok(opt.some((o) => o.startsWith('1.2 — ')), opt.slice(0, 3).join(' | '));
      const i11 = opt.findIndex((o) => /^1\.1 — Tỷ lệ phủ sóng 5G/.test(o));
      await page.selectOption('#pv-indicator', String(i11));
      await page.waitForFunction(() => /1\.1/.test(document.querySelector('#pv-compare-table caption')?.textContent || ''));
      assert.ok(await page.locator('#pv-compare-table tbody tr', { hasText: 'kế hoạch không có chỉ tiêu này' }).count() > 0,
        'the communes whose 1.1 names another thing are not compared');
      const pcts = (await page.locator('#pv-compare-table tbody td:nth-child(4)').allTextContents()).map((s) => s.trim());
      assert.ok(pcts.every((s) => /^(—|\d{1,3}(,\d)?%)$/.test(s)), pcts.slice(0, 5).join(' '));

      // the Excel summary downloads
      const href = await page.getAttribute('#pv-xlsx', 'href');
      assert.match(href, /format=xlsx/);
      const st = await page.evaluate((u) => fetch(u).then((r) => [r.status, r.headers.get('content-type')]), href);
      assert.equal(st[0], 200);
      assert.match(st[1], /spreadsheetml/);

      // the workbook carries the indicator being compared
      const book = await page.getAttribute('#pv-workbook', 'href');
      assert.match(book, /workbook\?period=.*&code=1\.1&name=/);
      const wb = await page.evaluate((u) => fetch(u).then((r) => [r.status, r.headers.get('content-disposition')]), book);
      assert.equal(wb[0], 200);
      assert.match(wb[1], /trang-tinh-\d+-\d{4}-\d{2}\.xlsx/);

      const v = await axe(page);
      assert.deepEqual(v, [], `axe at ${width} px:\n${v.join('\n')}`);
      assert.deepEqual(problems, []);
    } finally {
      await ctx.close();
    }
  });
}
