// requests.test.mjs — ad-hoc and weekly requests in Chromium (issue 13,
// point 6; app/plan/request.h), on its own `dti demo` store with both
// clocks fixed at 07/12/2026 09:00 Vietnam time (DTI_NOW for the server,
// page.clock for the browser):
// - the dashboard's period picker lists the open and recent requests by
//   name and deadline ("Yêu cầu đột xuất: …, hạn 12/12/2026", "Báo cáo tuần
//   49/2026, hạn 08/12/2026") in their own group after the regular periods,
//   never a cancelled one; picked, the dashboard shows who reported and says
//   why there is no index;
// - the reporter's My work shows the request owed, named, with its deadline;
// - the coordinator edits a request's deadline on the calendar screen and
//   cancels it with a reason (an empty reason is refused beside the field);
//   the row stays, marked "Đã hủy" with the day and the reason.
import { test, before, after } from 'node:test';
import { testDb } from '../lib/db.mjs';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '../../web/node_modules/playwright-core/index.mjs';
import { gotoScreen } from '../lib/screen.mjs';

const ROOT = process.env.DTI_ROOT || process.cwd();
const DTI = process.env.DTI || path.join(ROOT, 'build/dti');
const ART = process.env.DTI_ARTIFACTS || path.join(ROOT, 'build/test-artifacts');
const NOW = '2026-12-07T02:00:00Z';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dti-requests-ui-'));
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
    const timer = setTimeout(() => reject(new Error('the server did not start: ' + out)), 15000);
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

// Open the screen of HASH ("#/calendar/1") and wait for SELECTOR in it:
// the screen itself, not the one before it (page.goto() to another
// #/route returns at once, waitForLoadState() too, and the landing
// dashboard has a #dash-period of its own: see tests/lib/screen.mjs).
async function go(page, hash, selector = 'h1') {
  const host = await gotoScreen(page, `${BASE}/${hash}`);
  await host.locator(selector).first().waitFor();
  return host;
}

const TITLE = 'An toàn thông tin';
let KT;

async function setup(page) {
  // the unit of kinhte, from its own session
  const me = await page.evaluate(() => fetch('/api/v1/me').then((r) => r.json()));
  return me.org_id ?? me.user?.org_id;
}

test('requests in the picker, on the dashboard, in My work; edited and cancelled on the calendar screen', async () => {
  let { ctx, page, problems } = await open(1280);
  try {
    await login(page, 'kinhte');
    KT = await setup(page);
    assert.ok(KT > 0);
    await ctx.close();
    ({ ctx, page, problems } = await open(1280));
    await login(page, 'dieuphoi');
    const post = (p, body) => page.evaluate(async ([u, b]) => {
      const csrf = (await (await fetch('/api/v1/me')).json()).csrf_token;
      const r = await fetch(u, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf }, body: JSON.stringify(b) });
      return { status: r.status, body: await r.json() };
    }, [p, body]);
    const open1 = await post('/api/v1/plans/1/requests', { kind: 'adhoc', title: TITLE, from: '01/12/2026', to: '06/12/2026', due: '12/12/2026', orgs: [KT] });
    assert.equal(open1.status, 201, JSON.stringify(open1.body));
    const open2 = await post('/api/v1/plans/1/requests', { kind: 'week', from: '30/11/2026', to: '06/12/2026', days: 2, orgs: [KT] });
    assert.equal(open2.status, 201, JSON.stringify(open2.body));
    const open3 = await post('/api/v1/plans/1/requests', { kind: 'adhoc', title: 'Không còn cần', from: '01/12/2026', to: '06/12/2026', due: '20/12/2026', orgs: [KT] });
    assert.equal(open3.status, 201, JSON.stringify(open3.body));
    const c3 = await post(`/api/v1/plans/1/requests/${open3.body.codes[0]}/cancel`, { reason: 'Trùng' });
    assert.equal(c3.status, 200, JSON.stringify(c3.body));

    // the picker: regular periods first, then the requests' group
    await go(page, '#/dashboard/1', '#dash-period');
    const groups = await page.locator('#dash-period optgroup').evaluateAll((gs) => gs.map((g) => g.label));
    assert.equal(groups[groups.length - 1], 'Yêu cầu báo cáo đột xuất và hằng tuần', `groups: ${groups}`);
    assert.ok(groups.indexOf('Tháng') >= 0 && groups.indexOf('Tháng') < groups.length - 1, `groups: ${groups}`);
    const reqs = await page.locator('#dash-period optgroup:last-child option').allTextContents();
    assert.deepEqual(reqs, [`Yêu cầu đột xuất: ${TITLE}, hạn 12/12/2026`, 'Báo cáo tuần 49/2026, hạn 08/12/2026']);
    await page.selectOption('#dash-period', '2026-D01');
    await page.click('#dash-form button[type=submit]');
    await page.waitForSelector('#dash-request');
    assert.equal((await page.textContent('#dash-request')).trim(), `Yêu cầu đột xuất: ${TITLE}, hạn 12/12/2026`);
    assert.equal((await page.textContent('#dash-received')).trim(), '0/1');
    assert.match(await page.textContent('#dash-noindex'), /không tính vào chỉ số/);
    assert.equal(await page.locator('#dash-period').count(), 1, 'the picker stays');
    await ctx.close();

    // the reporter owes it, named, with its deadline
    ({ ctx, page, problems } = await open(1280));
    await login(page, 'kinhte');
    await go(page, '#/my-work', '#mywork-list');
    const card = page.locator('#mywork-list li[data-period="2026-D01"]');
    assert.equal(await card.count(), 1);
    const text = await card.textContent();
    assert.match(text, /Yêu cầu báo cáo đột xuất/);
    assert.match(text, new RegExp(`Đột xuất: ${TITLE}`));
    assert.match(text, /Hạn nộp:?\s*12\/12\/2026/);
    assert.match(text, /còn 5 ngày/);
    await ctx.close();

    // the coordinator edits the deadline, then cancels
    ({ ctx, page, problems } = await open(1280));
    await login(page, 'dieuphoi');
    await go(page, '#/calendar/1', '#req-list');
    const row = () => page.locator('#req-list tr[data-code="2026-D01"]');
    await row().locator('summary').click();
    await page.fill('#req-due-2026-D01', '01/12/2026');
    await page.click('#req-edit-2026-D01 button[type=submit]');
    await page.waitForFunction(() => document.getElementById('req-due-2026-D01-err')?.textContent.length > 0);
    assert.match(await page.textContent('#req-due-2026-D01-err'), /Hạn nộp đã qua/);
    await page.fill('#req-due-2026-D01', '14/12/2026');
    await page.click('#req-edit-2026-D01 button[type=submit]');
    await page.waitForFunction(() => /14\/12\/2026/.test(document.querySelector('#req-list tr[data-code="2026-D01"]')?.textContent || ''));
    assert.match(await page.textContent('#req-status'), /Đã sửa yêu cầu 2026-D01/);
    await row().locator('summary').click();
    await page.click('#req-cancel-2026-D01 button[type=submit]');
    await page.waitForFunction(() => document.getElementById('req-reason-2026-D01-err')?.textContent.length > 0);
    assert.match(await page.textContent('#req-reason-2026-D01-err'), /Cần ghi lý do hủy yêu cầu/);
    await page.fill('#req-reason-2026-D01', 'Đã có trong báo cáo tháng');
    await page.click('#req-cancel-2026-D01 button[type=submit]');
    await page.waitForSelector('#req-list tr[data-code="2026-D01"][data-state="cancelled"]');
    const cancelled = await row().textContent();
    assert.match(cancelled, /Đã hủy ngày 07\/12\/2026 bởi .*Lý do: Đã có trong báo cáo tháng/);
    assert.equal(await row().locator('details').count(), 0, 'a cancelled request has nothing to change');
    await page.screenshot({ path: path.join(ART, 'requests-calendar-1280.png'), fullPage: true });
    // the dashboard's picker no longer offers it
    await go(page, '#/dashboard/1', '#dash-period');
    assert.equal(await page.locator('#dash-period option[value="2026-D01"]').count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await ctx.close();
  }
});
