// measure-load.mjs — first load of the login page and of a logged-in
// dashboard on a slow 3G profile (Chromium's DevTools throttling through
// CDP Network.emulateNetworkConditions: 400 ms latency, 400 kbit/s down,
// 400 kbit/s up, as Chrome's "Slow 3G"), cache empty, against a running
// `dti serve` with the demo data (`make run`). Prints milliseconds until
// the login form and until the dashboard's index are on screen, and the
// bytes transferred. docs/performance.md records the figures.
//   usage: node scripts/measure-load.mjs [URL]
import { chromium } from '../web/node_modules/playwright-core/index.mjs';

const base = process.argv[2] || 'http://127.0.0.1:8080';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage'] });
try {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'vi-VN' });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400,
    downloadThroughput: 400 * 1024 / 8, uploadThroughput: 400 * 1024 / 8 });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  let t0 = Date.now();
  await page.goto(base + '/');
  await page.waitForSelector('#login-form');
  const login = Date.now() - t0;
  const loginBytes = bytes;
  await page.fill('#login-user', 'dieuphoi');
  await page.fill('#login-password', 'demo-2026');
  bytes = 0;
  t0 = Date.now();
  await page.click('#login-form button[type=submit]');
  await page.waitForSelector('#dash-index');
  await page.waitForFunction(() => window.Chart !== undefined);
  const dash = Date.now() - t0;
  console.log(`login page: ${login} ms, ${Math.round(loginBytes / 1024)} KiB`);
  console.log(`dashboard after login: ${dash} ms, ${Math.round(bytes / 1024)} KiB`);
} finally {
  await browser.close();
}
