// shell.test.mjs — web/js/main.js in a real Chromium: a screen still
// loading when the user moves on never mounts over the later screen (the
// last navigation wins); history is reached by links from the dashboard.
// Uses the plan of tests/api/reports.test.mjs (minh-duc-reports.txt, 2026-03).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from '../../web/node_modules/playwright-core/index.mjs';
import { pinClock } from '../lib/now.mjs';
import { gotoScreen } from '../lib/screen.mjs';

const BASE = process.env.DTI_URL || 'http://127.0.0.1:8080';
const ADMIN = process.env.DTI_ADMIN || 'admin';
const PASSWORD = process.env.DTI_ADMIN_PASSWORD || '';
let browser;

before(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'] });
});
after(async () => { await browser?.close(); });

async function session() {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  await pinClock(ctx);
  const page = await ctx.newPage();
  await page.goto(BASE + '/');
  await page.fill('#login-user', ADMIN);
  await page.fill('#login-password', PASSWORD);
  await page.press('#login-password', 'Enter');
  await page.waitForSelector('nav#nav a', { state: 'attached' });
  await page.waitForLoadState('networkidle');
  const plans = await page.evaluate(() => fetch('/api/v1/plans').then((r) => r.json()));
  const plan = plans.plans.find((p) => p.document === 'minh-duc-reports.txt');
  assert.ok(plan, 'the plan of the report tests');
  return { ctx, page, plan };
}

test('a slow screen does not mount over the one navigated to after it', async () => {
  const { ctx, page, plan } = await session();
  try {
    // the dashboard's score answers late
    let delayed = 0, answered = 0;
    await page.route('**/api/v1/plans/*/score/*', async (route) => {
      delayed++;
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue().catch(() => {});
    });
    page.on('requestfinished', (r) => { if (/\/api\/v1\/plans\/[^/]+\/score\//.test(r.url())) answered++; });
    page.on('requestfailed', (r) => { if (/\/api\/v1\/plans\/[^/]+\/score\//.test(r.url())) answered++; });
    // until waited for, not a fixed time (a loaded machine): the dashboard
    // has asked for its score, held back; then the user navigates away
    const until = async (cond, what) => {
      for (const t0 = Date.now(); !cond(); await page.waitForTimeout(50))
        assert.ok(Date.now() - t0 < 60000, what);
    };
    await page.evaluate((id) => { location.hash = `#/dashboard/${id}/2026-03`; }, plan.id);
    await until(() => delayed >= 1, 'the dashboard asked for its score');
    await page.evaluate(() => { location.hash = '#/rankings'; });
    await page.waitForSelector('main h1');
    await until(() => answered >= 1, 'the held-back score answer came');
    await page.waitForTimeout(300);   // and the page has had its turn to handle it
    assert.equal(await page.evaluate(() => location.hash), '#/rankings');
    assert.equal(await page.locator('#dash-index').count(), 0, 'no dashboard in the page');
    assert.equal(await page.locator('main .screen').count(), 1, 'one screen');
    assert.equal(await page.getAttribute('main .screen', 'data-screen'), 'rankings');
    assert.match(await page.textContent('main h1'), /Xếp hạng/);
    // and back: the latest navigation wins again
    await page.evaluate(() => { location.hash = '#/history'; });
    await page.evaluate((id) => { location.hash = `#/dashboard/${id}/2026-03`; }, plan.id);
    await page.waitForSelector('#dash-index', { timeout: 8000 });
    await page.waitForTimeout(300);
    assert.equal(await page.locator('#hi-form').count(), 0, 'no history form over the dashboard');
  } finally {
    await ctx.close();
  }
});

test('the dashboard links each indicator to its page, and that page to its history', async () => {
  const { ctx, page, plan } = await session();
  try {
    // the dashboard of this plan and month, not the landing one (a
    // dashboard too, with its own #dash-index and indicator links)
    const dash = await gotoScreen(page, `${BASE}/#/dashboard/${plan.id}/2026-03`);
    await dash.locator('#dash-index').waitFor();
    const links = page.locator('main tbody a[href^="#/indicator/"]');
    assert.ok(await links.count() > 3, 'indicator rows link to their page');
    const code = (await links.first().textContent()).trim();
    await links.first().click();
    await page.waitForSelector('#ind-facts');
    assert.match(await page.evaluate(() => location.hash), new RegExp(`^#/indicator/${plan.id}/\\d+/2026-03$`));
    assert.ok((await page.textContent('main h1')).startsWith(code + ' '), 'the page of the indicator clicked');
    await page.click('a[href^="#/history/indicator/"]');
    await page.waitForSelector('#hi-count');
    assert.match(await page.evaluate(() => location.hash), /^#\/history\/indicator\/\d+$/);
    assert.match(await page.textContent('main h2'), /chỉ tiêu #\d+/);
    // without an id: a picker of the plan's indicators, no typing
    const pick = await gotoScreen(page, `${BASE}/#/history`);
    await pick.locator('#hi-pick').waitFor();
    await page.selectOption('#hi-plan', String(plan.id));
    await page.waitForFunction(() => document.querySelectorAll('#hi-item option').length > 0);
    await page.click('#hi-pick button[type=submit]');
    await page.waitForSelector('#hi-count');
    assert.match(await page.evaluate(() => location.hash), /^#\/history\/indicator\/\d+$/);
  } finally {
    await ctx.close();
  }
});

// Screens drawn (hosts mounted into <main>) and API GETs made from now on in
// PAGE: window.__hosts and window.__gets, kept by a MutationObserver and a
// wrapper of fetch installed before any script of the page runs.
async function countRenders(ctx) {
  await ctx.addInitScript(() => {
    window.__hosts = [];
    window.__gets = [];
    const f = window.fetch;
    window.fetch = (input, init) => {
      const method = (init && init.method) || 'GET';
      if (window.__counting && method === 'GET') window.__gets.push(String(input));
      return f(input, init);
    };
    new MutationObserver((list) => {
      if (!window.__counting) return;
      for (const m of list)
        for (const n of m.addedNodes)
          if (n.classList && n.classList.contains('screen')) window.__hosts.push(n.dataset.screen);
    }).observe(document, { childList: true, subtree: true });
  });
}

test('after login the landing screen is drawn once, its data asked for once', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  await pinClock(ctx);
  await countRenders(ctx);
  const page = await ctx.newPage();
  try {
    await page.goto(BASE + '/');
    await page.waitForSelector('#login-form');
    assert.equal(await page.evaluate(() => location.hash), '', 'no route asked for: the landing decides');
    await page.evaluate(() => { window.__counting = true; });
    await page.fill('#login-user', ADMIN);
    await page.fill('#login-password', PASSWORD);
    await page.press('#login-password', 'Enter');
    await page.waitForSelector('nav#nav a', { state: 'attached' });
    await page.waitForFunction(() => location.hash === '#/dashboard');
    await page.waitForSelector('main .screen[data-screen="dashboard"] h1');
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);   // a second render, if any, has had its turn
    const hosts = await page.evaluate(() => window.__hosts);
    assert.deepEqual(hosts, ['dashboard'], `one screen drawn after login, not ${JSON.stringify(hosts)}`);
    const gets = await page.evaluate(() => window.__gets);
    const twice = gets.filter((u, i) => gets.indexOf(u) !== i);
    assert.deepEqual(twice, [], `each GET of the landing once: ${JSON.stringify(gets)}`);
    assert.ok(gets.some((u) => u.includes('/api/v1/plans')), `the dashboard asked for its data: ${JSON.stringify(gets)}`);
    assert.equal(await page.locator('main .screen').count(), 1, 'one screen in the page');
  } finally {
    await ctx.close();
  }
});
