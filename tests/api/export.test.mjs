// export.test.mjs — the downloads of the official outputs (src/http/
// api_export.c, app/outputs.h): its own server on its own `dti demo` store
// (DTI_NOW 23/11/2026). The coordinator, the chairman and the province get
// the Word report, the workbook and the open data as files with their
// names and types; the figures of the CSV are the score's; a reporter is
// refused, an unknown format is a 400, a commune's coordinator does not see
// the province's summary; the settings are read and changed (viewer refused)
// and each export is in the audit log with its user.
import { test, before, after } from 'node:test';
import { testDb } from '../lib/db.mjs';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';

const ROOT = process.env.DTI_ROOT || '.';
const DTI = process.env.DTI || `${ROOT}/build/dti`;
const NOW = '2026-11-23T03:00:00Z';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dti-export-'));
const DB = testDb(path.join(tmp, 'export.db'));
let server, BASE;
const sessions = {};

async function login(name) {
  const r = await fetch(BASE + '/api/v1/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: name, password: 'demo-2026' }) });
  const text = await r.text();
  assert.equal(r.status, 200, text);
  const j = JSON.parse(text);
  sessions[name] = { cookie: r.headers.get('set-cookie').split(';')[0], csrf: j.csrf_token };
}

function as(name, p, opts = {}) {
  const s = sessions[name];
  const headers = { Cookie: s.cookie, ...(opts.headers || {}) };
  if (opts.method && opts.method !== 'GET') headers['X-CSRF-Token'] = s.csrf;
  return fetch(BASE + p, { ...opts, headers });
}

before(async () => {
  execFileSync(DTI, ['--db', DB, 'demo'], { env: { ...process.env, DTI_NOW: NOW } });
  server = spawn(DTI, ['--db', DB, 'serve', '--listen', '127.0.0.1:0', '--threads', '2'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DTI_NOW: NOW } });
  BASE = await new Promise((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => reject(new Error('server did not start: ' + out)), 60000);
    server.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+/);
      if (m) { clearTimeout(t); resolve(m[0]); }
    });
  });
  for (const u of ['dieuphoi', 'chutich', 'tinh', 'congan', 'admin']) await login(u);
});

after(async () => {
  if (server) {
    const done = new Promise((r) => server.on('exit', r));
    server.kill('SIGTERM');
    await done;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('the Word report downloads as a .docx attachment for the coordinator', async () => {
  const r = await as('dieuphoi', '/api/v1/plans/1/export/2026-10?format=docx&number=15');
  assert.equal(r.status, 200, await r.clone().text());
  assert.equal(r.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  assert.match(r.headers.get('content-disposition'), /attachment; filename="bao-cao-ke-hoach-1-2026-10\.docx"/);
  const b = Buffer.from(await r.arrayBuffer());
  assert.equal(b.subarray(0, 2).toString(), 'PK');
  const f = path.join(tmp, 'r.docx');
  fs.writeFileSync(f, b);
  const doc = execFileSync('unzip', ['-p', f, 'word/document.xml']).toString();
  assert.match(doc, /Số: 15\/BC-UBND/);
  assert.match(doc, /BÁO CÁO/);
});

test('the chairman gets the workbook, the province the CSV whose figures are the score\'s', async () => {
  const x = await as('chutich', '/api/v1/plans/1/export/2026-10?format=xlsx');
  assert.equal(x.status, 200);
  assert.equal(x.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.equal(Buffer.from(await x.arrayBuffer()).subarray(0, 2).toString(), 'PK');
  const c = await as('tinh', '/api/v1/plans/1/export/2026-10?format=csv');
  assert.equal(c.status, 200);
  assert.equal(c.headers.get('content-type'), 'text/csv; charset=utf-8');
  const bytes = Buffer.from(await c.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString().trim().split('\r\n');
  const head = lines[0].split(',');
  const score = await (await as('tinh', '/api/v1/plans/1/score/2026-10')).json();
  assert.equal(lines.length - 1, score.indicators.length);
  const row11 = lines.find((l) => l.includes(',1.1,')).split(',');
  const v = Number(row11[head.indexOf('value')]);
  assert.ok(Math.abs(v - score.indicators.find((i) => i.code === '1.1').value) < 1e-6, String(v));
});

test('the edited focus goes into the document (POST)', async () => {
  const r = await as('dieuphoi', '/api/v1/plans/1/export/2026-10', { method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ format: 'docx', focus: 'Hoàn thành phủ sóng 5G Thôn Bến\nRà soát hồ sơ sức khỏe điện tử' }) });
  assert.equal(r.status, 200, await r.clone().text());
  const f = path.join(tmp, 'focus.docx');
  fs.writeFileSync(f, Buffer.from(await r.arrayBuffer()));
  const doc = execFileSync('unzip', ['-p', f, 'word/document.xml']).toString();
  assert.match(doc, /1\. Hoàn thành phủ sóng 5G Thôn Bến/);
  assert.match(doc, /2\. Rà soát hồ sơ sức khỏe điện tử/);
  assert.doesNotMatch(doc, /Tập trung nâng chỉ tiêu/);
});

test('refusals: a reporter, an unknown format, the province\'s summary outside the scope', async () => {
  const r = await as('congan', '/api/v1/plans/1/export/2026-10?format=docx');
  assert.equal(r.status, 403);
  const f = await as('dieuphoi', '/api/v1/plans/1/export/2026-10?format=pdf');
  assert.equal(f.status, 400);
  assert.equal((await f.json()).error.field, 'format');
  const p = await as('dieuphoi', '/api/v1/provinces/1/export/2026-10?format=docx');
  assert.equal(p.status, 404);
  const ok = await as('tinh', '/api/v1/provinces/1/export/2026-10?format=xlsx');
  assert.equal(ok.status, 200);
  assert.match(ok.headers.get('content-disposition'), /bao-cao-tinh-1-2026-10\.xlsx/);
  const bad = await as('tinh', '/api/v1/plans/1/export/2026-13?format=docx');
  assert.equal(bad.status, 400);
});

test('settings: read by a viewer, changed by the coordinator only, audited', async () => {
  const g = await as('chutich', '/api/v1/plans/1/export-settings');
  assert.equal(g.status, 200);
  const s = await g.json();
  assert.equal(s.body_name, 'XÃ HÒA BÌNH');
  assert.equal(s.sign_title, 'CHỦ TỊCH');
  const no = await as('chutich', '/api/v1/plans/1/export-settings', { method: 'PUT',
    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sign_name: 'X' }) });
  assert.equal(no.status, 403);
  const put = await as('dieuphoi', '/api/v1/plans/1/export-settings', { method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ sign_name: 'Nguyễn Văn An', sign_deputy: 'KT. CHỦ TỊCH', sign_title: 'PHÓ CHỦ TỊCH' }) });
  assert.equal(put.status, 200, await put.clone().text());
  const after = await put.json();
  assert.equal(after.sign_name, 'Nguyễn Văn An');
  assert.equal(after.place, 'Hòa Bình');
  const bad = await as('dieuphoi', '/api/v1/plans/1/export-settings', { method: 'PUT',
    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sign_name: 5 }) });
  assert.equal(bad.status, 400);
  // the whole log is the command line's (the API's audit route is per entity)
  const entries = JSON.parse(execFileSync(DTI, ['--db', DB, '--as', 'admin', 'audit', 'log', '--json'],
    { env: { ...process.env, DTI_NOW: NOW } }).toString());
  const acts = entries.filter((e) => e.action.startsWith('export.')).map((e) => `${e.user}:${e.action}`);
  for (const a of ['dieuphoi:export.report', 'chutich:export.report', 'tinh:export.data', 'tinh:export.province',
    'dieuphoi:export.settings']) assert.ok(acts.includes(a), `${a} in ${acts.join()}`);
  assert.ok(!acts.includes('congan:export.report'));
});
