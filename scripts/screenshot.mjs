// screenshot.mjs — the dashboard screenshot of README.md: logs in to a
// running `make run` server as the demo's coordinator and saves the
// dashboard at 1280 px (Debian's chromium, headless, via playwright-core).
//   usage: node scripts/screenshot.mjs [URL] [OUT.png]
//   (defaults: http://127.0.0.1:8080, docs/img/dashboard.png)
import { chromium } from '../web/node_modules/playwright-core/index.mjs';

const base = process.argv[2] || 'http://127.0.0.1:8080';
const out = process.argv[3] || 'docs/img/dashboard.png';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage'] });
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 1100 }, locale: 'vi-VN' })).newPage();
  await page.goto(base + '/');
  await page.fill('#login-user', 'dieuphoi');
  await page.fill('#login-password', 'demo-2026');
  await page.click('#login-form button[type=submit]');
  await page.waitForSelector('#login-form', { state: 'detached' });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);   // charts animate in
  await page.screenshot({ path: out, fullPage: false });
  console.log(out);
} finally {
  await browser.close();
}
