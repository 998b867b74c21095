// requests.test.mjs — ad-hoc ("đột xuất") and weekly report requests over
// HTTP (issue 13, point 6; app/plan/request.h): the coordinator opens them
// (POST /plans/:id/requests), bad fields are 400 naming the field and write
// nothing, a reporter is refused, the units asked see the request in My work
// with its deadline, and a report under its code is judged on time or late
// against that deadline.
//
// Its own server on its own database (as calendar.test.mjs), at a pinned
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
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dti-requests-'));
const DB = testDb(path.join(tmp, 'requests.db'));
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
    const t = setTimeout(() => reject(new Error('server did not start: ' + out)), 60000);
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

const TITLE = 'Báo cáo đột xuất về an toàn thông tin';

test('bad fields are refused by name and write nothing; a reporter may not open one', async () => {
  const cases = [
    [{ kind: 'adhoc', from: '01/12/2026', to: '06/12/2026', due: '10/12/2026' }, 'title'],
    [{ kind: 'adhoc', title: TITLE, from: '31/11/2026', to: '06/12/2026', due: '10/12/2026' }, 'from'],
    [{ kind: 'adhoc', title: TITLE, from: '01/12/2026', to: '06/12/2026', due: '01/12/2025' }, 'due'],
    [{ kind: 'week', from: '07/12/2026', to: '20/12/2026', days: 45 }, 'days'],
    [{ kind: 'monthly', from: '07/12/2026', to: '20/12/2026' }, 'kind'],
    [{ kind: 'week', from: '07/12/2026', to: '20/12/2026', days: 1, orgs: ['x'] }, 'orgs'],
  ];
  for (const [body, field] of cases) {
    const r = await call('POST', '/api/v1/plans/1/requests', 'dieuphoi', body);
    assert.equal(r.status, 400, r.text);
    assert.equal(r.body.error.field, field, r.text);
    assert.match(r.body.error.message, /^[A-ZĐÁÀẢÃẠÂĂÊÔƠƯÍÌ"«]/u, r.text);
  }
  const who = await call('POST', '/api/v1/plans/1/requests', 'kinhte',
    { kind: 'adhoc', title: TITLE, from: '01/12/2026', to: '06/12/2026', due: '10/12/2026' });
  assert.equal(who.status, 403, who.text);
  const l = await call('GET', '/api/v1/plans/1/requests', 'dieuphoi');
  assert.equal(l.status, 200, l.text);
  assert.deepEqual(l.body.requests, []);
});

test('an ad-hoc request reaches the leads\' work with its deadline; its report is on time or late', async () => {
  const r = await call('POST', '/api/v1/plans/1/requests', 'dieuphoi',
    { kind: 'adhoc', title: TITLE, from: '01/12/2026', to: '06/12/2026', due: '10/12/2026' });
  assert.equal(r.status, 201, r.text);
  assert.deepEqual(r.body.codes, ['2026-D01']);
  assert.ok(r.body.orgs.includes(orgId), 'the leads are asked by default');
  const w = await call('POST', '/api/v1/plans/1/requests', 'dieuphoi',
    { kind: 'week', from: '07/12/2026', to: '13/12/2026', days: 2, orgs: [orgId] });
  assert.equal(w.status, 201, w.text);
  assert.deepEqual(w.body.codes, ['2026-W50']);

  const l = await call('GET', '/api/v1/plans/1/requests', 'kinhte');
  assert.equal(l.status, 200, l.text);
  const adhoc = l.body.requests.find((x) => x.code === '2026-D01');
  assert.equal(adhoc.name, `Đột xuất: ${TITLE}`);
  assert.equal(adhoc.unit_due, '10/12/2026');
  assert.equal(l.body.requests.find((x) => x.code === '2026-W50').name, 'Tuần 50/2026');

  const work = await call('GET', `/api/v1/plans/1/assignments/${orgId}`, 'kinhte');
  assert.equal(work.status, 200, work.text);
  const p = work.body.periods.find((x) => x.code === '2026-D01');
  assert.ok(p, 'the ad-hoc request is in My work: ' + work.text);
  assert.equal(p.kind, 'adhoc');
  assert.equal(p.request, true);
  assert.equal(p.name, `Đột xuất: ${TITLE}`);
  assert.equal(p.unit_due, '10/12/2026');
  assert.equal(p.days_left, 3);
  assert.equal(p.when, 'current');
  // week 50 has begun (07/12): owed too, due 15/12
  assert.equal(work.body.periods.find((x) => x.code === '2026-W50').unit_due, '15/12/2026');

  // the unit reports the ad-hoc one late (12/12), week 50 on time (14/12)
  const csv = path.join(tmp, 'kt.csv');
  fs.writeFileSync(csv, 'code,numerator,denominator\n5.1,15,40\n');
  dti(['--as', 'kinhte', 'report', 'fill', '1', String(orgId), '2026-D01', '--csv', csv], '2026-12-12T02:00:00Z');
  dti(['--as', 'kinhte', 'report', 'submit', '1', String(orgId), '2026-D01'], '2026-12-12T02:00:00Z');
  dti(['--as', 'kinhte', 'report', 'fill', '1', String(orgId), '2026-W50', '--csv', csv], '2026-12-14T02:00:00Z');
  dti(['--as', 'kinhte', 'report', 'submit', '1', String(orgId), '2026-W50'], '2026-12-14T02:00:00Z');
  const late = await call('GET', `/api/v1/plans/1/reports/${orgId}/2026-D01`, 'dieuphoi');
  assert.equal(late.status, 200, late.text);
  assert.equal(late.body.timeliness.status, 'late');
  assert.equal(late.body.timeliness.late_days, 2);
  const ok = await call('GET', `/api/v1/plans/1/reports/${orgId}/2026-W50`, 'dieuphoi');
  assert.equal(ok.body.timeliness.status, 'on_time', ok.text);
  // in the review queue like any report
  const q = await call('GET', '/api/v1/plans/1/reports', 'dieuphoi');
  assert.ok(q.body.reports.some((x) => x.period === '2026-D01'), q.text);
  // with the request's own deadline and kind, judged late as on the report
  const qd = q.body.reports.find((x) => x.period === '2026-D01');
  assert.equal(qd.unit_due, '10/12/2026', q.text);
  assert.equal(qd.kind, 'adhoc', q.text);
  assert.equal(qd.timeliness.status, 'late', q.text);
  // the queue of one request's code
  const q1 = await call('GET', '/api/v1/plans/1/reports?period=2026-W50', 'dieuphoi');
  assert.equal(q1.status, 200, q1.text);
  assert.equal(q1.body.period, '2026-W50');
  assert.deepEqual(q1.body.reports.map((x) => x.period), ['2026-W50']);
  assert.equal(q1.body.reports[0].timeliness.status, 'on_time', q1.text);
});
