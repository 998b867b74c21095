// requests_edit.test.mjs — editing and cancelling ad-hoc and weekly report
// requests over HTTP (issue 13, point 6; app/plan/request.h): PATCH
// /plans/:id/requests/:code before any unit has answered (409 after), POST
// …/cancel with a reason (the request stays, marked cancelled with who/when/
// why, its reports kept; 409 twice), a reporter refused, and the status of
// a request's code (GET /plans/:id/completeness/:code) counting the units
// it asks. A cancelled request leaves the units' work.
//
// Its own server on its own database (as requests.test.mjs), at a pinned
// instant: DTI_NOW is set for the server and every CLI call, so the test
// passes on any real date.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';
import { testDb } from '../lib/db.mjs';

const ROOT = process.env.DTI_ROOT || '.';
const DTI = process.env.DTI || `${ROOT}/build/dti`;
const PW = 'demo-2026';
const NOW = '2026-12-07T02:00:00Z';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dti-requests-edit-'));
const DB = testDb(path.join(tmp, 'requests_edit.db'));
let server, BASE, orgId;
const sessions = {};

function dti(args, now = NOW) {
  return execFileSync(DTI, ['--db', DB, ...args], { env: { ...process.env, DTI_NOW: now, DTI_PASSWORD: PW }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

async function login(user) {
  const r = await fetch(BASE + '/api/v1/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: user, password: PW }),
  });
  const text = await r.text();
  assert.equal(r.status, 200, `login ${user}: ${text}`);
  return { cookie: r.headers.get('set-cookie').split(';')[0], csrf: JSON.parse(text).csrf_token };
}

async function call(method, p, user, body) {
  const headers = { Cookie: sessions[user].cookie };
  if (method !== 'GET') headers['X-CSRF-Token'] = sessions[user].csrf;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const r = await fetch(BASE + p, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  let j = null;
  try { j = JSON.parse(text); } catch { /* not JSON */ }
  return { status: r.status, text, body: j };
}

before(async () => {
  dti(['demo']);
  server = spawn(DTI, ['--db', DB, 'serve', '--listen', '127.0.0.1:0', '--threads', '2'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DTI_NOW: NOW } });
  BASE = await new Promise((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => reject(new Error('server did not start: ' + out)), 10000);
    server.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+/);
      if (m) { clearTimeout(t); resolve(m[0]); }
    });
  });
  for (const u of ['dieuphoi', 'kinhte']) sessions[u] = await login(u);
  const me = (await call('GET', '/api/v1/me', 'kinhte')).body;
  orgId = me.org_id ?? me.user?.org_id;
  assert.ok(orgId > 0);
});

after(async () => {
  if (server) {
    const done = new Promise((r) => server.on('exit', r));
    server.kill('SIGTERM');
    await done;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

const TITLE = 'Báo cáo đột xuất về chuyển đổi số';

test('an edit changes title, deadline and units until a unit answers; then 409', async () => {
  const r = await call('POST', '/api/v1/plans/1/requests', 'dieuphoi',
    { kind: 'adhoc', title: TITLE, from: '01/12/2026', to: '06/12/2026', due: '10/12/2026', orgs: [orgId] });
  assert.equal(r.status, 201, r.text);
  assert.deepEqual(r.body.codes, ['2026-D01']);
  const code = '2026-D01';

  // bad fields by name, nothing written; a reporter refused; an unknown code 404
  for (const [body, field, status] of [
    [{ due: '01/12/2025' }, 'due', 400],
    [{ due: '30/02/2026' }, 'due', 400],
    [{ title: '  ' }, 'title', 400],
    [{ orgs: [] }, 'orgs', 400],
    [{ orgs: [99999] }, 'orgs', 400],
    [{}, 'title', 400],
  ]) {
    const x = await call('PATCH', `/api/v1/plans/1/requests/${code}`, 'dieuphoi', body);
    assert.equal(x.status, status, x.text);
    assert.equal(x.body.error.field, field, x.text);
    assert.match(x.body.error.message, /^[A-ZĐÁÀẢÃẠÂĂÊÔƠƯÍÌ"«]/u, x.text);
  }
  assert.equal((await call('PATCH', `/api/v1/plans/1/requests/2026-D05`, 'dieuphoi', { due: '12/12/2026' })).status, 404);
  const who = await call('PATCH', `/api/v1/plans/1/requests/${code}`, 'kinhte', { due: '12/12/2026' });
  assert.equal(who.status, 403, who.text);
  let l = await call('GET', '/api/v1/plans/1/requests', 'dieuphoi');
  assert.equal(l.body.requests[0].unit_due, '10/12/2026', 'refusals changed nothing');
  assert.equal(l.body.requests[0].editable, true);
  assert.equal(l.body.requests[0].state, 'open');

  const e = await call('PATCH', `/api/v1/plans/1/requests/${code}`, 'dieuphoi',
    { title: 'Chuyển đổi số quý IV', due: '2026-12-14' });
  assert.equal(e.status, 200, e.text);
  assert.equal(e.body.name, 'Đột xuất: Chuyển đổi số quý IV');
  assert.equal(e.body.unit_due, '14/12/2026');
  assert.deepEqual(e.body.orgs.map((o) => o.id), [orgId]);
  assert.ok(e.body.updated_at, e.text);

  // the status of the request's code: the one unit asked, its deadline
  const s = await call('GET', `/api/v1/plans/1/completeness/${code}`, 'dieuphoi');
  assert.equal(s.status, 200, s.text);
  assert.equal(s.body.period, code);
  assert.equal(s.body.expected, 1);
  assert.equal(s.body.unit_deadline, '14/12/2026');
  assert.equal(s.body.request.name, 'Đột xuất: Chuyển đổi số quý IV');
  assert.equal(s.body.request.cancelled, false);
  assert.equal(s.body.orgs[0].org_id, orgId);
  const bad = await call('GET', '/api/v1/plans/1/completeness/2026-D09', 'dieuphoi');
  assert.equal(bad.status, 400, bad.text);

  // the unit saves a draft: the request is fixed now
  const csv = path.join(tmp, 'kt.csv');
  fs.writeFileSync(csv, 'code,numerator,denominator\n5.1,15,40\n');
  dti(['--as', 'kinhte', 'report', 'fill', '1', String(orgId), code, '--csv', csv]);
  const late = await call('PATCH', `/api/v1/plans/1/requests/${code}`, 'dieuphoi', { due: '20/12/2026' });
  assert.equal(late.status, 409, late.text);
  assert.match(late.body.error.message, /Đã có đơn vị báo cáo theo yêu cầu 2026-D01/);
  l = await call('GET', '/api/v1/plans/1/requests', 'dieuphoi');
  assert.equal(l.body.requests[0].editable, false);
  assert.equal(l.body.requests[0].reports, 1);
});

test('a cancelled request stays, marked with who/when/why; its report kept; it leaves My work', async () => {
  const code = '2026-D01';
  let work = await call('GET', `/api/v1/plans/1/assignments/${orgId}`, 'kinhte');
  assert.ok(work.body.periods.some((x) => x.code === code), 'owed before the cancel: ' + work.text);
  const none = await call('POST', `/api/v1/plans/1/requests/${code}/cancel`, 'dieuphoi', { reason: '' });
  assert.equal(none.status, 400, none.text);
  assert.equal(none.body.error.field, 'reason');
  const who = await call('POST', `/api/v1/plans/1/requests/${code}/cancel`, 'kinhte', { reason: 'x' });
  assert.equal(who.status, 403, who.text);

  const c = await call('POST', `/api/v1/plans/1/requests/${code}/cancel`, 'dieuphoi', { reason: 'Trùng kỳ tháng 12' });
  assert.equal(c.status, 200, c.text);
  assert.equal(c.body.cancelled, true);
  assert.equal(c.body.state, 'cancelled');
  assert.equal(c.body.state_label, 'đã hủy');
  assert.equal(c.body.cancel_reason, 'Trùng kỳ tháng 12');
  assert.equal(c.body.cancelled_at, NOW);
  assert.match(c.body.cancelled_by, /điều phối/);
  const again = await call('POST', `/api/v1/plans/1/requests/${code}/cancel`, 'dieuphoi', { reason: 'lại' });
  assert.equal(again.status, 409, again.text);

  const l = await call('GET', '/api/v1/plans/1/requests', 'kinhte');
  assert.equal(l.body.requests.length, 1, 'still listed');
  assert.equal(l.body.requests[0].cancelled, true);
  const rep = await call('GET', `/api/v1/plans/1/reports/${orgId}/${code}`, 'dieuphoi');
  assert.equal(rep.status, 200, 'the report is kept: ' + rep.text);
  work = await call('GET', `/api/v1/plans/1/assignments/${orgId}`, 'kinhte');
  assert.ok(!work.body.periods.some((x) => x.code === code), 'no longer owed: ' + work.text);
  const s = await call('GET', `/api/v1/plans/1/completeness/${code}`, 'dieuphoi');
  assert.equal(s.body.request.cancelled, true, s.text);
  assert.equal(s.body.request.cancel_reason, 'Trùng kỳ tháng 12');
});
