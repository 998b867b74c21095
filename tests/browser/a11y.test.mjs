// a11y.test.mjs — the app shell in a real Chromium: at 360 px every screen
// is in the navigation and reachable by keyboard, no screen scrolls
// sideways, every field of every screen has an accessible name, focus is
// visible, the skip link reaches the content without leaving the screen.
// Uses the plan of tests/api/reports.test.mjs (minh-duc-reports.txt, 2026-03).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { chromium } from '../../web/node_modules/playwright-core/index.mjs';
import { pinClock } from '../lib/now.mjs';
import { gotoScreen } from '../lib/screen.mjs';

const BASE = process.env.DTI_URL || 'http://127.0.0.1:8080';
const ART = process.env.DTI_ARTIFACTS || 'build/test-artifacts';
const ADMIN = process.env.DTI_ADMIN || 'admin';
const PASSWORD = process.env.DTI_ADMIN_PASSWORD || '';
let browser;

before(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'] });
});
after(async () => { await browser?.close(); });

async function open(width) {
  const ctx = await browser.newContext({ viewport: { width, height: 740 }, locale: 'vi-VN' });
  await pinClock(ctx);
  const page = await ctx.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  return { ctx, page, problems };
}

async function login(page) {
  await page.goto(BASE + '/');
  await page.fill('#login-user', ADMIN);
  await page.fill('#login-password', PASSWORD);
  await page.press('#login-password', 'Enter');
  await page.waitForSelector('nav#nav a', { state: 'attached' });
  await page.waitForLoadState('networkidle');
}

// Fields without an accessible name (label[for], a wrapping label,
// aria-label or aria-labelledby), as outerHTML.
const unnamed = (page) => page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
  .filter((el) => el.type !== 'hidden')
  .filter((el) => {
    const byFor = el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
    const wrap = el.closest('label');
    const aria = el.getAttribute('aria-label');
    const by = el.getAttribute('aria-labelledby');
    const text = (byFor || wrap)?.textContent.trim() || (aria || '').trim() ||
      (by ? by.split(/\s+/).map((i) => document.getElementById(i)?.textContent || '').join('').trim() : '');
    return !text;
  }).map((el) => el.outerHTML.slice(0, 120)));

const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth);

test('every screen at 360 px: in the navigation, no sideways scrolling, every field named', async () => {
  const { ctx, page, problems } = await open(360);
  try {
    await login(page);
    const plans = await page.evaluate(() => fetch('/api/v1/plans').then((r) => r.json()));
    const plan = plans.plans.find((p) => p.document === 'minh-duc-reports.txt');
    assert.ok(plan, 'the plan of the report tests');
    // a menu button in a short bar (not ten bordered links in five rows)
    const bar = await page.locator('header.top').boundingBox();
    assert.ok(bar.height <= 80, `the bar is short (${bar.height} px)`);
    await page.click('#menu-toggle');
    // every link of the navigation lies inside the viewport (nothing cut off)
    const links = await page.$$eval('nav#nav a', (as) => as.map((a) => {
      const b = a.getBoundingClientRect();
      return { href: a.getAttribute('href'), left: b.left, right: b.right, h: b.height };
    }));
    assert.ok(links.length >= 7, `${links.length} screens`);
    for (const l of links) {
      assert.ok(l.left >= 0 && l.right <= 360, `${l.href} within 360 px (${l.left}..${l.right})`);
      assert.ok(l.h >= 40, `${l.href} is a touch target (${l.h} px)`);
    }
    await page.screenshot({ path: path.join(ART, 'nav-360.png') });
    const screens = [...links.map((l) => l.href), `#/dashboard/${plan.id}/2026-03`, `#/plan/${plan.id}`];
    for (const hash of screens) {
      // the screen of HASH itself: page.goto() to another #/route of the
      // page returns at once, and 'main h1' matched the screen before it
      const host = await gotoScreen(page, BASE + '/' + hash);
      await host.locator('h1').first().waitFor();
      // the parts drawn after the first: the dashboard's export control
      // (or its error), the province's comparison (fields to check too)
      if (hash.startsWith('#/dashboard')) await host.locator('#export, #dash-error').first().waitFor();
      if (hash.startsWith('#/province')) await host.locator('#pv-compare, .error').first().waitFor();
      assert.ok(await sideways(page) <= 360, `${hash}: no sideways scrolling (${await sideways(page)})`);
      assert.deepEqual(await unnamed(page), [], `${hash}: every field has a name`);
      assert.equal(await page.locator('main .error[role=alert]:not(:empty)').count(), 0,
        `${hash}: no error (${await page.textContent('main')})`.slice(0, 300));
    }
    // the login screen and the public page
    await page.click('#logout');
    await page.waitForSelector('#login-form');
    assert.ok(await sideways(page) <= 360, 'login: no sideways scrolling');
    assert.deepEqual(await unnamed(page), [], 'login: every field has a name');
    await page.goto(BASE + '/public');
    await page.waitForLoadState('networkidle');
    assert.ok(await sideways(page) <= 360, `public page: no sideways scrolling (${await sideways(page)})`);
    assert.deepEqual(await unnamed(page), [], 'public page: every field has a name');
    assert.deepEqual(problems, []);
  } finally {
    await ctx.close();
  }
});

test('by keyboard: the skip link, the navigation, visible focus', async () => {
  const { ctx, page, problems } = await open(360);
  try {
    await login(page);
    await page.goto(BASE + '/#/rankings');
    await page.reload();
    await page.waitForSelector('main h1');
    // first Tab: the skip link, shown on screen; Enter: focus in the content,
    // the screen unchanged (the link does not go through the router)
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'skip');
    const box = await page.locator('#skip').boundingBox();
    assert.ok(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= 360, 'the skip link is visible when focused');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main', 'focus in the content');
    assert.equal(await page.evaluate(() => location.hash), '#/rankings', 'the screen stays');
    assert.match(await page.textContent('main h1'), /Xếp hạng/);
    // Tab through the header from the top: every focused control shows a ring
    await page.reload();
    await page.waitForSelector('main h1');
    let reachedHistory = false;
    for (let i = 0; i < 16; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const el = document.activeElement;
        const cs = getComputedStyle(el);
        return { tag: el.tagName, href: el.getAttribute('href'), id: el.id, style: cs.outlineStyle, width: parseFloat(cs.outlineWidth) };
      });
      if (f.tag === 'BODY' || f.tag === 'MAIN') continue;
      if (f.id === 'menu-toggle') {          // at 360 px the links are behind the menu
        assert.ok(f.style !== 'none' && f.width >= 2, `focus visible on the menu button: ${f.style} ${f.width}`);
        await page.keyboard.press('Enter');
        assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '#/dashboard', 'the menu opens on its first link');
        await page.keyboard.press('Shift+Tab');
        continue;
      }
      assert.ok(f.style !== 'none' && f.width >= 2, `focus visible on ${f.tag}#${f.id} ${f.href || ''}: ${f.style} ${f.width}`);
      if (f.href === '#/history') {
        reachedHistory = true;
        await page.keyboard.press('Enter');
        break;
      }
    }
    assert.ok(reachedHistory, 'the history link reached by Tab');
    await page.waitForSelector('#hi-form');
    assert.equal(await page.evaluate(() => location.hash), '#/history');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main', 'after a navigation link the focus is in the content');
    assert.deepEqual(problems, []);
  } finally {
    await ctx.close();
  }
});
