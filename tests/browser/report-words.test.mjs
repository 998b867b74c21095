// report-words.test.mjs — the report form says what is wrong as it is typed,
// in words, on the field typed (issue 13 §5): numerator and denominator are
// labelled by what they count (from the indicator's name); "50 of 20" is
// refused on the numerator as "Tử số (50) lớn hơn mẫu số (20): …"; a "-3"
// in "Giá trị (%)" is reported under that field, not under "Tử số"; a
// server message about the form's CSV names the indicator, never its
// internal "dòng 2". At 1280 and 360 px; screenshots in
// build/test-artifacts/report-words-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '../../web/node_modules/playwright-core/index.mjs';
import { nowEnv, pinClock, vnMonth, contextOptions } from '../lib/now.mjs';
import { startServer } from '../lib/serve.mjs';

const ROOT = process.env.DTI_ROOT || process.cwd();
const DTI = process.env.DTI || path.join(ROOT, 'build/dti');
const ART = process.env.DTI_ARTIFACTS || 'build/test-artifacts';
let browser, srv;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dti-words-'));

before(async () => {
  const db = path.join(tmp, 'demo.db');
  execFileSync(DTI, ['--db', db, 'demo'], { stdio: 'ignore', env: nowEnv() });
  srv = await startServer(DTI, db, { env: nowEnv() });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'] });
});
after(async () => {
  await browser?.close();
  await srv?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function login(page, user) {
  await page.goto(srv.url + '/');
  await page.waitForSelector('#login-form');
  await page.fill('#login-user', user);
  await page.fill('#login-password', 'demo-2026');
  await page.click('#login-form button[type=submit]');
  await page.waitForSelector('nav#nav a[href="#/my-work"]', { state: 'attached' });
  await page.waitForLoadState('networkidle');
  await page.waitForSelector('main h1');
}

const text = (page, sel) => page.locator(sel).textContent().then((s) => s.trim());

for (const width of [1280, 360]) {
  test(`report form: checked as typed, in words, on the field typed (${width} px)`, async () => {
    const ctx = await browser.newContext(contextOptions({ viewport: { width, height: 900 } }));
    await pinClock(ctx);
    const page = await ctx.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    const shot = (name) => page.screenshot({ path: path.join(ART, `report-words-${name}-${width}.png`), fullPage: true });
    try {
      await login(page, 'kinhte');
      await page.goto(srv.url + '/#/my-work');
      const card = page.locator(`#mywork-list li[data-period="${vnMonth()}"]`);
      await card.waitFor();
      await card.locator('a.button').click();
      await page.waitForSelector('#mywork-form');

      // labelled by what they count (5.1 "Tỷ lệ doanh nghiệp trên địa bàn sử dụng hợp đồng điện tử")
      assert.equal(await text(page, 'label[for="ind-5_1-num"]'), 'Tử số: số doanh nghiệp trên địa bàn sử dụng hợp đồng điện tử');
      assert.equal(await text(page, 'label[for="ind-5_1-den"]'), 'Mẫu số: tổng số doanh nghiệp trên địa bàn');

      // 50 of 20, typed in the numerator: said there, at once, nothing saved
      await page.fill('#ind-5_1-den', '20');
      await page.fill('#ind-5_1-num', '50');
      assert.equal(await text(page, '#ind-5_1-num-error'), 'Tử số (50) lớn hơn mẫu số (20): tỷ lệ không thể quá 100%.');
      assert.equal(await text(page, '#ind-5_1-den-error'), '');
      assert.equal(await page.getAttribute('#ind-5_1-num', 'aria-invalid'), 'true');
      assert.equal(await text(page, '#ind-5_1-pct'), '—');
      await shot('over');
      // corrected in the denominator: the message goes
      await page.fill('#ind-5_1-den', '80');
      assert.equal(await text(page, '#ind-5_1-num-error'), '');
      assert.equal(await page.getAttribute('#ind-5_1-num', 'aria-invalid'), null);
      // a zero denominator is named on the denominator
      await page.fill('#ind-5_1-den', '0');
      assert.match(await text(page, '#ind-5_1-den-error'), /^Mẫu số bằng 0/);
      await page.fill('#ind-5_1-den', '80');

      // "-3" in "Giá trị (%)": under that field, not under "Tử số"
      await page.fill('#ind-5_1-num', '');
      await page.fill('#ind-5_1-den', '');
      await page.fill('#ind-5_1-value', '-3');
      assert.match(await text(page, '#ind-5_1-value-read'), /không được âm/);
      await page.click('#mywork-save');
      await page.waitForFunction(() => document.querySelector('#ind-5_1-value-error').textContent.trim() !== '');
      assert.match(await text(page, '#ind-5_1-value-error'), /không được âm/);
      assert.equal(await text(page, '#ind-5_1-num-error'), '');
      await shot('negative');

      // the server's own check, reached by changing what is sent (a typed
      // 50/20 cannot leave the form): its "dòng 2" becomes the indicator,
      // under the numerator the server names
      await page.fill('#ind-5_1-value', '');
      await page.fill('#ind-5_1-num', '5');
      await page.fill('#ind-5_1-den', '20');
      await page.route('**/api/v1/plans/*/reports/**', async (route) => {
        const req = route.request();
        if (req.method() !== 'PUT') return route.continue();
        const body = req.postData().replace(/^indicator,5\.1,5,20,/m, 'indicator,5.1,50,20,');
        assert.notEqual(body, req.postData(), 'the row of 5.1 was sent');
        return route.continue({ postData: body });
      });
      await page.click('#mywork-save');
      await page.waitForFunction(() => document.querySelector('#ind-5_1-num-error').textContent.trim() !== '');
      const said = await text(page, '#ind-5_1-num-error');
      assert.match(said, /^Chỉ tiêu 5\.1\b/, said);
      assert.match(said, /tử số/i, said);
      assert.doesNotMatch(await page.locator('main').innerText(), /\bdòng \d|\bline \d/i);
      await page.unroute('**/api/v1/plans/*/reports/**');
      await shot('server');

      // no sideways push at 360 px
      const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(over <= 0, `the page scrolls sideways by ${over} px`);
      assert.deepEqual(problems, []);
    } finally {
      await ctx.close();
    }
  });
}
