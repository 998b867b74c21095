// review-evidence.test.mjs — the coordinator's review of evidence (issue 13
// §6): each file with who sent it, when and its size; PDF and PNG previewed
// in a sandboxed frame, served inline with a CSP sandbox while a Word file
// stays a download; "Đã kiểm tra" set per file and kept by the report's
// next version (reopened); approving a report without evidence asks first.
// On a demo store of its own, at 1280 and 360 px; screenshots in
// build/test-artifacts/review-evidence-*.png.
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
let browser, srv, plan;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dti-review-'));
const PERIOD = vnMonth(-1);

// Small real files of each kind: a PDF, a PNG (valid chunks and CRCs), a .docx (a zip with its parts).
function makeFiles() {
  const pdf = path.join(tmp, 'bien-ban.pdf');
  fs.writeFileSync(pdf, '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  const png = path.join(tmp, 'anh-hien-truong.png'), docx = path.join(tmp, 'ke-hoach.docx');
  execFileSync('python3', ['-c', `
import struct, zlib, zipfile, sys
def chunk(t, d):
    return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
w, h = 40, 30
raw = b''.join(b'\\x00' + bytes([200, 60, 60] * w) for _ in range(h))
open(sys.argv[1], 'wb').write(b'\\x89PNG\\r\\n\\x1a\\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))
z = zipfile.ZipFile(sys.argv[2], 'w')
z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
z.writestr('word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
z.close()
`, png, docx]);
  return { pdf, png, docx };
}

async function session(login) {
  const r = await fetch(srv.url + '/api/v1/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login, password: 'demo-2026' }) });
  const j = await r.json();
  assert.equal(r.status, 200, JSON.stringify(j));
  return { Cookie: r.headers.get('set-cookie').split(';')[0], 'X-CSRF-Token': j.csrf_token, org: j.user.org_id };
}

async function call(hd, method, p, body, type) {
  const headers = { Cookie: hd.Cookie, 'X-CSRF-Token': hd['X-CSRF-Token'] };
  if (type) headers['Content-Type'] = type;
  const r = await fetch(srv.url + p, { method, headers, body });
  return { status: r.status, headers: r.headers, text: await r.text() };
}

before(async () => {
  const db = path.join(tmp, 'demo.db');
  execFileSync(DTI, ['--db', db, 'demo'], { stdio: 'ignore', env: nowEnv() });
  srv = await startServer(DTI, db, { env: nowEnv() });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  const kt = await session('kinhte');
  plan = JSON.parse((await call(kt, 'GET', '/api/v1/plans')).text).plans[0].id;
  const files = makeFiles();
  // kinhte: a report with three files; yte: one with none
  const rp = `/api/v1/plans/${plan}/reports/${kt.org}/${PERIOD}`;
  let r = await call(kt, 'PUT', rp, 'kind,code,numerator,denominator\nindicator,5.1,5,20\n', 'text/csv');
  assert.equal(r.status, 200, r.text);
  const fd = new FormData();
  for (const [f, type] of [[files.pdf, 'application/pdf'], [files.png, 'image/png'], [files.docx, 'application/octet-stream']]) {
    fd.append('file', new Blob([fs.readFileSync(f)], { type }), path.basename(f));
  }
  r = await call(kt, 'POST', rp + '/evidence', fd);
  assert.ok(r.status === 200 || r.status === 201, r.text);
  r = await call(kt, 'POST', rp + '/submit');
  assert.equal(r.status, 200, r.text);
  const yt = await session('yte');
  const yp = `/api/v1/plans/${plan}/reports/${yt.org}/${PERIOD}`;
  r = await call(yt, 'PUT', yp, 'kind,code,numerator,denominator,value,met,note\nresults,,,,,,Đã triển khai.\n', 'text/csv');
  assert.equal(r.status, 200, r.text);
  r = await call(yt, 'POST', yp + '/submit');
  assert.equal(r.status, 200, r.text);
});
after(async () => {
  await browser?.close();
  await srv?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('evidence: inline only for PDF/PNG/JPEG, with a CSP sandbox; the rest a download', async () => {
  const co = await session('dieuphoi');
  const kt = await session('kinhte');
  const list = JSON.parse((await call(co, 'GET', `/api/v1/plans/${plan}/reports/${kt.org}/${PERIOD}/evidence`)).text);
  assert.equal(list.evidence.length, 3, JSON.stringify(list));
  const by = Object.fromEntries(list.evidence.map((x) => [x.media_type, x]));
  for (const [type, inline] of [['application/pdf', true], ['image/png', true],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', false]]) {
    const ev = by[type];
    assert.ok(ev, type + ' in ' + JSON.stringify(list));
    assert.equal(ev.preview, inline);
    assert.equal(ev.attached_by.length > 0, true);
    assert.match(ev.attached_at, /^\d{4}-\d\d-\d\dT/);
    assert.ok(ev.size > 0);
    const r = await call(co, 'GET', `/api/v1/evidence/${ev.id}/view`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-disposition'), inline ? /^inline;/ : /^attachment;/);
    assert.equal(r.headers.get('content-type'), inline ? type : 'application/octet-stream');
    assert.match(r.headers.get('content-security-policy') || '', /^sandbox;.*default-src 'none'/);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
  }
  // the chairman (a viewer of the commune) may look; without a session, nobody
  const tinh = await session('chutich');
  assert.equal((await call(tinh, 'GET', `/api/v1/evidence/${by['image/png'].id}/view`)).status, 200);
  const anon = await fetch(`${srv.url}/api/v1/evidence/${by['image/png'].id}/view`);
  assert.equal(anon.status, 401);
});

for (const width of [1280, 360]) {
  test(`review: evidence previewed, checked per file; approving without evidence asks (${width} px)`, async () => {
    const ctx = await browser.newContext(contextOptions({ viewport: { width, height: 900 } }));
    await pinClock(ctx);
    const page = await ctx.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    const shot = (name) => page.screenshot({ path: path.join(ART, `review-evidence-${name}-${width}.png`), fullPage: true });
    try {
      await page.goto(srv.url + '/');
      await page.waitForSelector('#login-form');
      await page.fill('#login-user', 'dieuphoi');
      await page.fill('#login-password', 'demo-2026');
      await page.click('#login-form button[type=submit]');
      await page.waitForSelector('nav#nav a[href="#/review"]', { state: 'attached' });
      const kt = await session('kinhte');
      await page.goto(`${srv.url}/#/review/${plan}/${kt.org}/${PERIOD}`);
      await page.waitForSelector('#review-evidence li');
      assert.equal(await page.locator('#review-evidence li').count(), 3);
      const png = page.locator('#review-evidence li', { hasText: 'anh-hien-truong.png' });
      const meta = await png.locator('.ev-meta').textContent();
      assert.match(meta, /Gửi bởi .+ · \d\d\/\d\d\/\d{4} \d\d:\d\d · \d+(,\d)? (byte|KB)/, meta);
      // the Word file: no preview, a download only
      const docx = page.locator('#review-evidence li', { hasText: 'ke-hoach.docx' });
      assert.equal(await docx.locator('button', { hasText: 'Xem trước' }).count(), 0);
      assert.equal(await docx.locator('a', { hasText: 'ke-hoach.docx' }).getAttribute('href'), `/api/v1/evidence/${await docx.getAttribute('data-evidence')}`);

      // the image in a sandboxed frame, shown
      await png.locator('button', { hasText: 'Xem trước' }).click();
      const frameEl = page.locator('#review-preview-frame');
      await frameEl.waitFor();
      assert.equal(await frameEl.getAttribute('sandbox'), '');
      const frame = await (await frameEl.elementHandle()).contentFrame();
      await frame.waitForLoadState('load');
      await frame.waitForFunction(() => document.images.length === 1 && document.images[0].naturalWidth === 40);
      await shot('preview');

      // checked per file: saved at once, shown after a reload with who checked it
      const pdf = page.locator('#review-evidence li', { hasText: 'bien-ban.pdf' });
      const id = await pdf.getAttribute('data-evidence');
      const checked = width === 1280;   // the 360 px run unchecks what the first checked
      if ((await pdf.locator('input[type=checkbox]').isChecked()) !== checked) {
        await pdf.locator('input[type=checkbox]').setChecked(checked);
        await page.waitForFunction((i) => document.getElementById('ev-checked-by-' + i).textContent !== '' || !document.getElementById('ev-check-' + i).checked, id);
      }
      await page.reload();
      await page.waitForSelector('#review-evidence li');
      assert.equal(await page.locator(`#ev-check-${id}`).isChecked(), checked);
      if (checked) assert.match(await page.textContent(`#ev-checked-by-${id}`), /kiểm tra/);

      // no sideways scrolling on a phone
      const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(over <= 0, `the page scrolls sideways by ${over} px`);
      await shot('list');

      if (width === 360) {
        // yte's report has no evidence: approving asks first; "no" changes nothing, "yes" approves
        const yt = await session('yte');
        await page.goto(`${srv.url}/#/review/${plan}/${yt.org}/${PERIOD}`);
        await page.waitForSelector('#review-no-evidence');
        await page.click('#review-approve');
        await page.waitForSelector('#review-confirm:not([hidden])');
        assert.match(await page.textContent('#review-confirm'), /không có tài liệu kiểm chứng/);
        await shot('confirm');
        await page.click('#review-confirm-no');
        assert.equal(await page.locator('#review-confirm').isHidden(), true);
        assert.equal(await page.getAttribute('#review-state', 'data-state'), 'submitted');
        await page.click('#review-approve');
        await page.click('#review-confirm-yes');
        await page.waitForSelector('#review-state[data-state="approved"]');
      } else {
        // kinhte's report has evidence: approved at once; reopened, the new version keeps the flag
        await page.click('#review-approve');
        await page.waitForSelector('#review-state[data-state="approved"]');
        await page.fill('#review-reopen-reason', 'Sửa số liệu 5.1.');
        await page.click('#review-reopen-btn');
        await page.waitForFunction(() => document.querySelector('#review-state')?.dataset.state === 'returned');
        const co = await session('dieuphoi');
        const j = JSON.parse((await call(co, 'GET', `/api/v1/plans/${plan}/reports/${kt.org}/${PERIOD}/evidence`)).text);
        assert.equal(j.version, 2);
        assert.equal(j.evidence.find((x) => x.name === 'bien-ban.pdf').checked, true, JSON.stringify(j));
        assert.equal(j.evidence.find((x) => x.name === 'anh-hien-truong.png').checked, false);
        await page.waitForSelector(`#review-evidence li[data-checked="1"]`);
      }
      assert.deepEqual(problems, []);
    } finally {
      await ctx.close();
    }
  });
}
