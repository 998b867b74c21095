// login.test.mjs — the login page in a real Chromium (playwright-core driving
// Debian's /usr/bin/chromium, headless): it renders with labelled fields at
// a desktop width and at 360 px without sideways scrolling, breaks no
// Content-Security-Policy rule, switches to English, and shows the
// server's message for a wrong login. Screenshots go to build/test-artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { chromium } from '../../web/node_modules/playwright-core/index.mjs';
import { pinClock } from '../lib/now.mjs';

const BASE = process.env.DTI_URL || 'http://127.0.0.1:8080';
const ART = process.env.DTI_ARTIFACTS || 'build/test-artifacts';
let browser;

before(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'] });
});
after(async () => { await browser?.close(); });

// A page at WIDTH that records console errors (CSP violations show there).
async function openPage(width) {
  const ctx = await browser.newContext({ viewport: { width, height: 800 }, locale: 'vi-VN' });
  await pinClock(ctx);
  const page = await ctx.newPage();
  const problems = [];
  page.on('console', (m) => {
    // The browser logs every 4xx fetch; a logged-out /me is one and expected.
    const t = m.text();
    if (m.type() === 'error' && !/Failed to load resource: .* status of 401/.test(t)) problems.push(t);
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  return { ctx, page, problems };
}

for (const width of [1280, 360]) {
  test(`login page renders at ${width} px`, async () => {
    const { ctx, page, problems } = await openPage(width);
    try {
      await page.goto(BASE + '/');
      await page.waitForSelector('#login-form');
      assert.equal(await page.getAttribute('html', 'lang'), 'vi');
      assert.equal(await page.textContent('label[for="login-user"]'), 'Tên đăng nhập');
      assert.equal(await page.textContent('label[for="login-password"]'), 'Mật khẩu');
      assert.equal(await page.getAttribute('#login-password', 'type'), 'password');
      // the username field has the focus, so typing starts at once
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'login-user');
      // no sideways scrolling
      const sw = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(sw <= width, `scrollWidth ${sw} > ${width}`);
      // the submit button is big enough to touch
      const box = await page.locator('#login-form button[type=submit]').boundingBox();
      assert.ok(box && box.height >= 40, 'button at least 40 px high');
      await page.screenshot({ path: path.join(ART, `login-${width}.png`), fullPage: true });
      assert.deepEqual(problems, [], 'no console errors (CSP included)');
    } finally {
      await ctx.close();
    }
  });
}

test('login page: English switch and the server message for a failed login', async () => {
  const { ctx, page, problems } = await openPage(1280);
  try {
    await page.goto(BASE + '/');
    await page.waitForSelector('#login-form');
    await page.fill('#login-user', 'nobody');
    await page.fill('#login-password', 'wrong');
    await page.click('#login-form button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#login-error')?.textContent.length > 0);
    assert.match(await page.textContent('#login-error'), /[àáảãạăâđêôơư]/i, 'a Vietnamese message');
    await page.click('#lang-switch');
    await page.waitForSelector('label[for="login-user"]:text("User name")');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.textContent('#lang-switch'), 'Tiếng Việt');
    assert.deepEqual(problems, [], 'nothing but 401 answers');
  } finally {
    await ctx.close();
  }
});
