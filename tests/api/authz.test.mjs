// authz.test.mjs — the authorization matrix of the API (issues 3 and 4).
//
// Its own server on its own database: `dti demo` (xã Hòa Bình, commune A,
// its plan 1, users, three months of reports and evidence), then the plan of
// xã Vĩnh Trụ (commune B, another province) imported, and a coordinator, a
// reporter and a viewer of B added — all through the CLI. Every route of
// src/http/routes.c has a row in ROUTES below (a route without one, or a
// row without a route in docs/api/openapi.yaml, fails), and every row is
// tried by every role — anonymous, admin, coordinator, reporter, viewer —
// from its own scope (a user of A) and a foreign one (the same role in B),
// always on A's data. Expected: the status of the row's rule, where
//   'ok'  a write the role may do: the permission check passes, so the
//         answer is neither 401, 403 nor 404 (the report's state may still
//         refuse it: 409, or 400 for a body kept minimal on purpose).
// A foreign request's body never holds A's data; every write of a logged-in
// user without X-CSRF-Token is refused with 403.
import { test, before, after } from 'node:test';
import { testDb } from '../lib/db.mjs';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';

const ROOT = process.env.DTI_ROOT || '.';
const SHARED = process.env.SHARED || `${ROOT}/../shared`;
const DTI = process.env.DTI || `${ROOT}/build/dti`;
const PW = 'demo-2026';
const PW_B = 'mat-khau-vinh-tru';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dti-authz-'));
const DB = testDb(path.join(tmp, 'authz.db'));
let server, BASE;

// The users: role → [own scope (A), foreign scope (B)].
const USERS = {
  admin: ['admin', 'admin'],
  coordinator: ['dieuphoi', 'coord_b'],
  reporter: ['vhxh', 'rep_b'],
  viewer: ['chutich', 'view_b'],
};
const ROLES = ['anonymous', 'admin', 'coordinator', 'reporter', 'viewer'];
const SCOPES = ['own', 'foreign'];
// A's data that must not appear in a foreign answer.
const A_MARKS = ['Hòa Bình', 'Bình Nguyên', '17/KH-UBND'];
const PERIOD = '2026-10';
const sessions = {};   // user → {cookie, csrf}
let A = {};            // ids of A's data: plan, org, eid

function dti(args, env = {}) {
  return execFileSync(DTI, ['--db', DB, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
}

async function login(user) {
  const pw = user.endsWith('_b') ? PW_B : PW;
  const r = await fetch(BASE + '/api/v1/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: user, password: pw }),
  });
  const text = await r.text();
  assert.equal(r.status, 200, `login ${user}: ${text}`);
  const body = JSON.parse(text);
  return { cookie: r.headers.get('set-cookie').split(';')[0], csrf: body.csrf_token };
}

before(async () => {
  dti(['demo'], { DTI_NOW: '2026-11-23T03:00:00Z' });
  dti(['--as', 'admin', 'import', `${SHARED}/plans/vinh-tru-2026.txt`]);
  const plans = JSON.parse(dti(['--as', 'admin', 'plans', '--json']));
  assert.equal(plans.length, 2);
  const planA = plans.find((p) => p.commune === 'Hòa Bình');
  const planB = plans.find((p) => p.commune === 'Vĩnh Trụ');
  assert.ok(planA && planB, 'two communes');
  // a unit only B has (names like "Công an xã" are in both communes)
  for (const [name, role, org] of [['coord_b', 'coordinator', 'Vĩnh Trụ'],
    ['rep_b', 'reporter', 'Trung tâm dịch vụ sự nghiệp công'], ['view_b', 'viewer', 'Vĩnh Trụ']]) {
    dti(['--as', 'admin', 'user', 'add', name, '--role', role, '--org', org], { DTI_PASSWORD: PW_B });
  }
  server = spawn(DTI, ['--db', DB, 'serve', '--listen', '127.0.0.1:0', '--threads', '4'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  BASE = await new Promise((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => reject(new Error('server did not start: ' + out)), 60000);
    server.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+/);
      if (m) { clearTimeout(t); resolve(m[0]); }
    });
  });
  for (const pair of Object.values(USERS)) for (const u of pair) sessions[u] ||= await login(u);
  A.plan = planA.id;
  A.planB = planB.id;
  A.province = (await get('/api/v1/orgs', 'admin')).body.orgs.find((o) => o.kind === 'province' && o.name === 'Bình Nguyên').id;
  A.commune = (await get('/api/v1/orgs', 'admin')).body.orgs.find((o) => o.kind === 'commune' && o.name === 'Hòa Bình').id;
  // the report of vhxh's unit for the last demo month, and one of its evidence files
  const me = await get('/api/v1/me', 'vhxh');
  A.org = me.body.org_id ?? me.body.user?.org_id;
  assert.ok(A.org, 'reporter org: ' + me.text);
  A.orgName = (await get('/api/v1/orgs', 'admin')).body.orgs.find((o) => o.id === A.org).name;
  const rep = await get(`/api/v1/plans/${A.plan}/reports/${A.org}/${PERIOD}`, 'admin');
  assert.equal(rep.status, 200, rep.text);
  const ev = JSON.stringify(rep.body).match(/"evidence":\s*\[\s*\{[^}]*?"id":\s*(\d+)/);
  assert.ok(ev, 'an evidence file in ' + rep.text.slice(0, 400));
  A.eid = Number(ev[1]);
  A.rid = rep.body.id ?? rep.body.report?.id;
  assert.ok(A.rid, 'report id in ' + rep.text.slice(0, 200));
  // an account of A's unit for the user-management rows (not one of USERS: they keep their sessions)
  dti(['--as', 'admin', 'user', 'add', 'matrix_u', '--role', 'reporter', '--org', String(A.org)], { DTI_PASSWORD: PW });
  A.uid = JSON.parse(dti(['--as', 'admin', 'user', 'list', '--json'])).find((u) => u.name === 'matrix_u').id;
});

after(async () => {
  if (server) {
    const done = new Promise((r) => server.on('exit', r));
    server.kill('SIGTERM');
    await done;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function get(p, user) { return call('GET', p, user); }

// One request as USER (null: anonymous), with CSRF unless NOCSRF.
async function call(method, p, user, body, nocsrf = false) {
  const headers = {};
  if (user) {
    headers.Cookie = sessions[user].cookie;
    if (!nocsrf && method !== 'GET') headers['X-CSRF-Token'] = sessions[user].csrf;
  }
  let data;
  if (body instanceof FormData) data = body;
  else if (typeof body === 'string') { data = body; headers['Content-Type'] = 'text/csv'; }
  else if (body !== undefined) { data = JSON.stringify(body); headers['Content-Type'] = 'application/json'; }
  const r = await fetch(BASE + p, { method, headers, body: data });
  const text = await r.text();
  let j = null;
  try { j = JSON.parse(text); } catch { /* not JSON */ }
  return { status: r.status, text, body: j };
}

const sample = () => fs.readFileSync(`${ROOT}/samples/hoa-binh-2026.md`);
// a point table with a header only: refused (400) once the permission is checked
function indexForm() {
  const fd = new FormData();
  fd.append('file', new Blob(['ma,ten,diem toi da\n']), 'bo-chi-so.csv');
  return fd;
}
function upload() {
  const fd = new FormData();
  fd.append('file', new Blob([sample()]), 'hoa-binh-2026.md');
  return fd;
}
function evidenceForm() {
  const fd = new FormData();
  fd.append('file', new Blob([Buffer.from('%PDF-1.4\n% authz\n1 0 obj << >> endobj\n%%EOF\n')]), 'authz.pdf');
  return fd;
}

// Rules: READ within scope; the plan's reporter reads it from its unit below.
const R = (v) => ({ anonymous: 401, admin: v.admin ?? 200, coordinator: v.coordinator, reporter: v.reporter, viewer: v.viewer, foreign: v.foreign });
// Anything out of the user's scope (a plan, a report, evidence, a score,
// rankings, audit of another commune) is "not found" (404), read or write:
// its existence does not leak. 403 only for what is in scope but not the
// role's to do (src/app/auth.h).
const READ_PLAN = R({ coordinator: 200, reporter: 200, viewer: 200, foreign: 404 });
const READ = READ_PLAN;
const rep = () => `/api/v1/plans/${A.plan}/reports/${A.org}/${PERIOD}`;

// Every route: method, path (as in routes.c), the request, the expectation.
const ROUTES = [
  { m: 'GET', p: '/api/v1/health', url: () => '/api/v1/health', exp: { anonymous: 200, all: 200 }, public: true },
  { m: 'POST', p: '/api/v1/login', url: () => '/api/v1/login', body: () => ({ login: 'nobody-' + Math.random().toString(36).slice(2), password: 'wrong-password' }), exp: { anonymous: 401, all: 401 }, nocsrfOk: true },
  { m: 'POST', p: '/api/v1/logout', url: () => '/api/v1/logout', exp: { anonymous: 401, all: 204 }, fresh: true },
  { m: 'GET', p: '/api/v1/me', url: () => '/api/v1/me', exp: { anonymous: 401, all: 200 } },
  { m: 'GET', p: '/api/v1/plans', url: () => '/api/v1/plans', exp: { anonymous: 401, all: 200 } },
  { m: 'GET', p: '/api/v1/plans/:id', url: () => `/api/v1/plans/${A.plan}`, exp: READ_PLAN },
  { m: 'GET', p: '/api/v1/public/rankings', url: () => '/api/v1/public/rankings', exp: { anonymous: 200, all: 200 }, public: true },
  { m: 'POST', p: '/api/v1/imports/preview', url: () => '/api/v1/imports/preview', body: upload, exp: R({ coordinator: 200, reporter: 403, viewer: 403, foreign: { coordinator: 200, reporter: 403, viewer: 403 } }), noleak: true },
  { m: 'POST', p: '/api/v1/imports', url: () => '/api/v1/imports', body: upload, exp: R({ coordinator: 'ok', admin: 'ok', reporter: 403, viewer: 403, foreign: 403 }) },
  { m: 'GET', p: '/api/v1/plans/:id/reports/:org/:period', url: rep, exp: READ },
  { m: 'PUT', p: '/api/v1/plans/:id/reports/:org/:period', url: rep, body: () => 'code,value\n', exp: R({ admin: 'ok', coordinator: 403, reporter: 'ok', viewer: 403, foreign: 404 }) },
  { m: 'GET', p: '/api/v1/plans/:id/reports/:org/:period/versions', url: () => rep() + '/versions', exp: READ },
  { m: 'POST', p: '/api/v1/plans/:id/reports/:org/:period/submit', url: () => rep() + '/submit', exp: R({ admin: 'ok', coordinator: 403, reporter: 'ok', viewer: 403, foreign: 404 }) },
  { m: 'POST', p: '/api/v1/plans/:id/reports/:org/:period/return', url: () => rep() + '/return', body: () => ({ reason: 'kiểm tra quyền' }), exp: R({ admin: 'ok', coordinator: 'ok', reporter: 403, viewer: 403, foreign: 404 }) },
  { m: 'POST', p: '/api/v1/plans/:id/reports/:org/:period/approve', url: () => rep() + '/approve', exp: R({ admin: 'ok', coordinator: 'ok', reporter: 403, viewer: 403, foreign: 404 }) },
  { m: 'POST', p: '/api/v1/plans/:id/reports/:org/:period/reopen', url: () => rep() + '/reopen', body: () => ({ reason: 'kiểm tra quyền' }), exp: R({ admin: 'ok', coordinator: 'ok', reporter: 403, viewer: 403, foreign: 404 }) },
  { m: 'POST', p: '/api/v1/plans/:id/reports/:org/:period/evidence', url: () => rep() + '/evidence', body: evidenceForm, exp: R({ admin: 'ok', coordinator: 403, reporter: 'ok', viewer: 403, foreign: 404 }) },
  { m: 'GET', p: '/api/v1/evidence/:eid', url: () => `/api/v1/evidence/${A.eid}`, exp: READ },
  { m: 'POST', p: '/api/v1/evidence/:eid/check', url: () => `/api/v1/evidence/${A.eid}/check`, body: () => ({ checked: true }), exp: R({ admin: 'ok', coordinator: 'ok', reporter: 403, viewer: 403, foreign: 404 }) },
  { m: 'GET', p: '/api/v1/plans/:id/completeness/:period', url: () => `/api/v1/plans/${A.plan}/completeness/${PERIOD}`, exp: READ_PLAN },
  { m: 'GET', p: '/api/v1/country/rankings', url: () => `/api/v1/country/rankings?period=${PERIOD}`, exp: R({ admin: 200, coordinator: 403, reporter: 403, viewer: 403, foreign: 403 }) },
  { m: 'GET', p: '/api/v1/plans/:id/rankings', url: () => `/api/v1/plans/${A.plan}/rankings?period=${PERIOD}&by=ontime`, exp: READ_PLAN },
  { m: 'POST', p: '/api/v1/plans/:id/publish', url: () => `/api/v1/plans/${A.plan}/publish?period=${PERIOD}`, exp: R({ admin: 'ok', coordinator: 'ok', reporter: 403, viewer: 403, foreign: 404 }) },
  { m: 'GET', p: '/api/v1/audit', url: () => `/api/v1/audit?entity=report&id=${A.rid}`, exp: READ_PLAN },
  { m: 'GET', p: '/api/v1/plans/:id/score/:period', url: () => `/api/v1/plans/${A.plan}/score/${PERIOD}`, exp: R({ coordinator: 200, reporter: 403, viewer: 200, foreign: 404 }) },
  { m: 'GET', p: '/api/v1/plans/:id/periods', url: () => `/api/v1/plans/${A.plan}/periods?year=2026`, exp: READ_PLAN },
  { m: 'GET', p: '/api/v1/plans/:id/requests', url: () => `/api/v1/plans/${A.plan}/requests`, exp: READ_PLAN },
  { m: 'POST', p: '/api/v1/plans/:id/requests', url: () => `/api/v1/plans/${A.plan}/requests`, body: () => ({ kind: 'adhoc', from: '01/12/2026', to: '02/12/2026' }), exp: R({ admin: 400, coordinator: 400, reporter: 403, viewer: 403, foreign: 404 }) },
  // nothing to change, no reason: refused at the field once the role may (nothing written)
  { m: 'PATCH', p: '/api/v1/plans/:id/requests/:code', url: () => `/api/v1/plans/${A.plan}/requests/2026-D01`, body: () => ({}), exp: R({ admin: 400, coordinator: 400, reporter: 403, viewer: 403, foreign: 404 }) },
  { m: 'POST', p: '/api/v1/plans/:id/requests/:code/cancel', url: () => `/api/v1/plans/${A.plan}/requests/2026-D01/cancel`, body: () => ({ reason: '' }), exp: R({ admin: 400, coordinator: 400, reporter: 403, viewer: 403, foreign: 404 }) },
  // the demo's own calendar set again (DEMO_CALENDAR): the data stay as they are
  { m: 'PUT', p: '/api/v1/plans/:id/calendar', url: () => `/api/v1/plans/${A.plan}/calendar`, body: () => ({ rules: ['month:cutoff=none:unit=15+1,commune=20+1'] }), exp: R({ admin: 200, coordinator: 200, reporter: 403, viewer: 403, foreign: 404 }) },
  // accounts (app/auth.h): everyone lists what it may see (a foreign list holds none of A);
  // a coordinator adds reporters and viewers in its scope only (A's org from B: 404 as missing);
  // an account one may not see is 404; /me/password with a too short new password is 400 for all
  { m: 'GET', p: '/api/v1/users', url: () => '/api/v1/users', exp: { anonymous: 401, all: 200 } },
  { m: 'POST', p: '/api/v1/users', url: () => '/api/v1/users', body: () => ({ login: 'mx-' + Math.random().toString(36).slice(2, 10), role: 'reporter', org_id: A.org, password: 'mat-khau-matrix' }), exp: R({ admin: 201, coordinator: 201, reporter: 403, viewer: 403, foreign: 404 }) },
  { m: 'PATCH', p: '/api/v1/users/:uid', url: () => `/api/v1/users/${A.uid}`, body: () => ({ display: 'Ma trận ' + Math.random().toString(36).slice(2, 6) }), exp: R({ coordinator: 200, reporter: 404, viewer: 404, foreign: 404 }) },
  { m: 'POST', p: '/api/v1/users/:uid/password', url: () => `/api/v1/users/${A.uid}/password`, body: () => ({ password: 'mat-khau-matrix-2' }), exp: R({ admin: 204, coordinator: 204, reporter: 404, viewer: 404, foreign: 404 }) },
  { m: 'POST', p: '/api/v1/me/password', url: () => '/api/v1/me/password', body: () => ({ current: 'whatever', password: 'short' }), exp: { anonymous: 401, all: 400 } },
  { m: 'GET', p: '/api/v1/orgs', url: () => '/api/v1/orgs', exp: { anonymous: 401, all: 200 } },
  // org changes (docs/orgs.md): renaming vhxh's unit to its own name passes the permission check and is then refused (400)
  { m: 'GET', p: '/api/v1/orgs/changes', url: () => `/api/v1/orgs/changes?org=${A.org}`, exp: READ_PLAN },
  { m: 'POST', p: '/api/v1/orgs/changes', url: () => '/api/v1/orgs/changes', body: () => ({ kind: 'rename', orgs: [A.org], name: A.orgName, date: '2020-01-01' }), exp: R({ admin: 'ok', coordinator: 'ok', reporter: 403, viewer: 403, foreign: 404 }) },
  // plan edits: the body {} passes the permission check and is then refused (400), so A's plan stays as it is
  { m: 'PATCH', p: '/api/v1/plans/:id/indicators/:code', url: () => `/api/v1/plans/${A.plan}/indicators/1.1`, body: () => ({}), exp: R({ admin: 'ok', coordinator: 'ok', reporter: 403, viewer: 403, foreign: 404 }) },
  { m: 'PATCH', p: '/api/v1/plans/:id/tasks/:code', url: () => `/api/v1/plans/${A.plan}/tasks/1`, body: () => ({}), exp: R({ admin: 'ok', coordinator: 'ok', reporter: 403, viewer: 403, foreign: 404 }) },
  { m: 'GET', p: '/api/v1/plans/:id/assignments', url: () => `/api/v1/plans/${A.plan}/assignments`, exp: READ_PLAN },
  { m: 'PUT', p: '/api/v1/plans/:id/assignments/:kind/:code', url: () => `/api/v1/plans/${A.plan}/assignments/indicator/1.1`, body: () => ({}), exp: R({ admin: 'ok', coordinator: 'ok', reporter: 403, viewer: 403, foreign: 404 }) },
  { m: 'GET', p: '/api/v1/plans/:id/units', url: () => `/api/v1/plans/${A.plan}/units`, exp: READ_PLAN },
  { m: 'GET', p: '/api/v1/plans/:id/assignments/:org', url: () => `/api/v1/plans/${A.plan}/assignments/${A.org}`, exp: READ_PLAN },
  { m: 'GET', p: '/api/v1/plans/:id/reports', url: () => `/api/v1/plans/${A.plan}/reports?state=submitted`, exp: READ_PLAN },
  // reminders (app/remind.h): withdraw as submit; one's own notices only (a notice of nobody: 404 for all);
  // an address as the account itself; the plan's reminder settings as its calendar; a run by hand: admins
  { m: 'POST', p: '/api/v1/plans/:id/reports/:org/:period/withdraw', url: () => rep() + '/withdraw', exp: R({ admin: 'ok', coordinator: 403, reporter: 'ok', viewer: 403, foreign: 404 }) },
  { m: 'GET', p: '/api/v1/notices', url: () => '/api/v1/notices', exp: { anonymous: 401, all: 200 } },
  { m: 'POST', p: '/api/v1/notices/read', url: () => '/api/v1/notices/read', exp: { anonymous: 401, all: 200 } },
  { m: 'POST', p: '/api/v1/notices/:nid/read', url: () => '/api/v1/notices/999999/read', exp: { anonymous: 401, all: 404 } },
  { m: 'GET', p: '/api/v1/users/:uid/email', url: () => `/api/v1/users/${A.uid}/email`, exp: R({ coordinator: 200, reporter: 404, viewer: 404, foreign: 404 }) },
  { m: 'PUT', p: '/api/v1/users/:uid/email', url: () => `/api/v1/users/${A.uid}/email`, body: () => ({ email: 'matrix@hoabinh.example.vn' }), exp: R({ coordinator: 200, reporter: 404, viewer: 404, foreign: 404 }) },
  { m: 'GET', p: '/api/v1/plans/:id/reminders', url: () => `/api/v1/plans/${A.plan}/reminders`, exp: READ_PLAN },
  { m: 'PUT', p: '/api/v1/plans/:id/reminders', url: () => `/api/v1/plans/${A.plan}/reminders`, body: () => ({ schedule: '-3,0,1,3' }), exp: R({ admin: 200, coordinator: 200, reporter: 403, viewer: 403, foreign: 404 }) },
  { m: 'POST', p: '/api/v1/reminders/run', url: () => '/api/v1/reminders/run?dry_run=1', exp: R({ admin: 200, coordinator: 403, reporter: 403, viewer: 403, foreign: 403 }) },
  // the official outputs (app/outputs.h): a reporter reads the plan but does not issue the commune's report
  { m: 'GET', p: '/api/v1/plans/:id/export/:period', url: () => `/api/v1/plans/${A.plan}/export/${PERIOD}?format=csv`, exp: R({ coordinator: 200, reporter: 403, viewer: 200, foreign: 404 }) },
  { m: 'POST', p: '/api/v1/plans/:id/export/:period', url: () => `/api/v1/plans/${A.plan}/export/${PERIOD}`, body: () => ({ format: 'csv' }), exp: R({ coordinator: 200, reporter: 403, viewer: 200, foreign: 404 }) },
  { m: 'GET', p: '/api/v1/provinces/:pid/export/:period', url: () => `/api/v1/provinces/${A.province}/export/${PERIOD}?format=xlsx`, exp: R({ coordinator: 404, reporter: 404, viewer: 404, foreign: 404 }) },
  { m: 'GET', p: '/api/v1/plans/:id/export-settings', url: () => `/api/v1/plans/${A.plan}/export-settings`, exp: R({ coordinator: 200, reporter: 403, viewer: 200, foreign: 404 }) },
  // issue 13 §6 (api_review.c, api_appraise.c, api_units.c): the bodies pass the permission check and are then
  // refused (400: an empty table, a bad period, an empty name), so A's data stay as they are; a reporter's
  // scope is its unit, so the commune's units are out of it (404)
  { m: 'GET', p: '/api/v1/evidence/:eid/view', url: () => `/api/v1/evidence/${A.eid}/view`, exp: READ },
  { m: 'GET', p: '/api/v1/plans/:id/reports/:org/:period/evidence', url: () => rep() + '/evidence', exp: READ },
  { m: 'GET', p: '/api/v1/plans/:id/appraisal/:period', url: () => `/api/v1/plans/${A.plan}/appraisal/${PERIOD}`, exp: R({ coordinator: 200, reporter: [200, 403], viewer: 200, foreign: 404 }) },
  { m: 'POST', p: '/api/v1/plans/:id/index', url: () => `/api/v1/plans/${A.plan}/index`, body: indexForm, exp: R({ admin: 400, coordinator: 400, reporter: 403, viewer: 403, foreign: 404 }) },
  { m: 'PUT', p: '/api/v1/plans/:id/score/:period/criteria/:code/self', url: () => `/api/v1/plans/${A.plan}/score/x/criteria/1.1/self`, body: () => ({ points: 1 }), exp: R({ admin: 400, coordinator: 400, reporter: 403, viewer: 403, foreign: 404 }) },
  { m: 'PUT', p: '/api/v1/plans/:id/score/:period/criteria/:code/review', url: () => `/api/v1/plans/${A.plan}/score/x/criteria/1.1/review`, body: () => ({ points: 1, reason: 'kiểm tra quyền' }), exp: R({ admin: 400, coordinator: 400, reporter: 403, viewer: 403, foreign: 404 }) },
  { m: 'POST', p: '/api/v1/orgs/:oid/units', url: () => `/api/v1/orgs/${A.commune}/units`, body: () => ({ name: ' ' }), exp: R({ admin: 400, coordinator: 400, reporter: 404, viewer: 403, foreign: 404 }) },
  { m: 'PATCH', p: '/api/v1/orgs/:oid', url: () => `/api/v1/orgs/${A.org}`, body: () => ({ name: ' ' }), exp: R({ admin: 400, coordinator: 400, reporter: 404, viewer: 403, foreign: 404 }) },
  // the province's home (app/province/province.h): a commune's users, own or foreign, see no province (404);
  // the list of provinces answers everyone logged in (theirs: none); a point table for the province: its
  // coordinator or an admin (the minimal body is refused as a table: 400)
  { m: 'GET', p: '/api/v1/provinces', url: () => '/api/v1/provinces', exp: { anonymous: 401, all: 200 } },
  { m: 'GET', p: '/api/v1/provinces/:pid/home', url: () => `/api/v1/provinces/${A.province}/home?period=${PERIOD}`, exp: R({ coordinator: 404, reporter: 404, viewer: 404, foreign: 404 }) },
  { m: 'GET', p: '/api/v1/provinces/:pid/indicators', url: () => `/api/v1/provinces/${A.province}/indicators?period=${PERIOD}`, exp: R({ coordinator: 404, reporter: 404, viewer: 404, foreign: 404 }) },
  { m: 'GET', p: '/api/v1/provinces/:pid/compare', url: () => `/api/v1/provinces/${A.province}/compare?period=${PERIOD}&code=1.1&name=${encodeURIComponent('Tỷ lệ phủ sóng 5G trên dân số')}`, exp: R({ coordinator: 404, reporter: 404, viewer: 404, foreign: 404 }) },
  { m: 'GET', p: '/api/v1/provinces/:pid/workbook', url: () => `/api/v1/provinces/${A.province}/workbook?period=${PERIOD}`, exp: R({ coordinator: 404, reporter: 404, viewer: 404, foreign: 404 }) },
  { m: 'POST', p: '/api/v1/provinces/:pid/index-table', url: () => `/api/v1/provinces/${A.province}/index-table`, body: () => 'ma,ten,diem toi da\n', exp: R({ admin: 'ok', coordinator: 404, reporter: 404, viewer: 404, foreign: 404 }) },
  { m: 'PUT', p: '/api/v1/plans/:id/export-settings', url: () => `/api/v1/plans/${A.plan}/export-settings`, body: () => ({}), exp: R({ coordinator: 200, reporter: 403, viewer: 403, foreign: 404 }) },
];

function expected(row, role, scope) {
  const x = row.exp;
  if (role === 'anonymous') return x.anonymous;
  if (x.all !== undefined) return x.all;
  if (scope === 'foreign' && role !== 'admin') return typeof x.foreign === 'object' ? x.foreign[role] : x.foreign;
  return x[role];
}

function matches(status, want) {
  if (Array.isArray(want)) return want.includes(status);
  if (want === 'ok') return ![401, 403, 404].includes(status) && status < 500;
  return status === want;
}

test('the matrix has one row for every route of routes.c and openapi.yaml', () => {
  const routes = fs.readFileSync(`${ROOT}/src/http/routes.c`, 'utf8');
  const spec = fs.readFileSync(`${ROOT}/docs/api/openapi.yaml`, 'utf8');
  const found = [...routes.matchAll(/\{"(GET|POST|PUT|PATCH|DELETE)",\s*"([^"]+)"/g)].map(([, m, p]) => `${m} ${p}`);
  const rows = ROUTES.map((r) => `${r.m} ${r.p}`);
  assert.ok(found.length >= 20, 'routes read');
  assert.deepEqual([...rows].sort(), [...found].sort(), 'a matrix row for every route, no more');
  for (const row of ROUTES) {
    const p = row.p.replace(/:(\w+)/g, '{$1}');
    const at = spec.indexOf(`\n  ${p}:\n`);
    assert.ok(at >= 0, `${p} in openapi.yaml`);
    const next = spec.indexOf('\n  /', at + 1);
    assert.match(spec.slice(at, next < 0 ? undefined : next), new RegExp(`\\n    ${row.m.toLowerCase()}:`), `${row.m} ${p} in openapi.yaml`);
  }
});

const results = [];
test('every route × role × scope answers as the rules say', async () => {
  const wrong = [];
  for (const row of ROUTES) {
    for (const role of ROLES) {
      for (const scope of SCOPES) {
        const user = role === 'anonymous' ? null : USERS[role][scope === 'own' ? 0 : 1];
        if (row.fresh && user) sessions[user] = await login(user);
        const r = await call(row.m, row.url(), user, row.body ? row.body() : undefined);
        if (row.fresh && user) sessions[user] = await login(user);
        const want = expected(row, role, scope);
        results.push({ route: `${row.m} ${row.p}`, role, scope, status: r.status, want });
        if (!matches(r.status, want)) wrong.push(`${row.m} ${row.p} ${role}/${scope}: ${r.status}, want ${want}: ${r.text.slice(0, 160)}`);
        if (scope === 'foreign' && role !== 'admin' && !row.public) {
          for (const mark of A_MARKS) {
            if (r.text.includes(mark) && !(row.noleak && r.status === 200)) wrong.push(`${row.m} ${row.p} ${role}/foreign: answer holds "${mark}"`);
          }
        }
      }
    }
  }
  console.log(`# matrix: ${ROUTES.length} routes × ${ROLES.length} roles × ${SCOPES.length} scopes = ${results.length} requests, ${results.length - wrong.length} as expected`);
  assert.deepEqual(wrong, []);
});

test('the plan list of each commune\'s users holds only its own commune', async () => {
  for (const [own, foreign] of Object.values(USERS).slice(1)) {
    const a = await get('/api/v1/plans', own);
    assert.deepEqual(a.body.plans.map((p) => p.commune), ['Hòa Bình'], own);
    const b = await get('/api/v1/plans', foreign);
    assert.deepEqual(b.body.plans.map((p) => p.commune), ['Vĩnh Trụ'], foreign);
    assert.equal((await get(`/api/v1/plans/${A.planB}`, own)).status, 404, `${own} reads B's plan`);
  }
  const all = await get('/api/v1/plans', 'admin');
  assert.equal(all.body.plans.length, 2);
});

test('every write of a logged-in user without X-CSRF-Token is refused with 403', async () => {
  let n = 0;
  for (const row of ROUTES) {
    if (row.m === 'GET' || row.nocsrfOk) continue;
    for (const user of ['admin', 'dieuphoi', 'vhxh', 'chutich', 'coord_b']) {
      const r = await call(row.m, row.url(), user, row.body ? row.body() : undefined, true);
      assert.equal(r.status, 403, `${row.m} ${row.p} as ${user} without CSRF: ${r.text.slice(0, 160)}`);
      assert.equal(r.body?.error?.field, 'X-CSRF-Token', 'refused for the token, not the role');
      n++;
    }
  }
  assert.equal(n, 5 * ROUTES.filter((r) => r.m !== "GET" && !r.nocsrfOk).length);
  assert.ok(n >= 40, `${n} writes tried`);
});

test('a foreign user is answered as if the thing did not exist (404, the same message)', async () => {
  const missing = { eid: 999999, org: 999999 };
  for (const user of ['coord_b', 'rep_b', 'view_b']) {
    const cases = [
      [`/api/v1/evidence/${A.eid}`, `/api/v1/evidence/${missing.eid}`, (m) => m.replaceAll(String(A.eid), 'N').replaceAll(String(missing.eid), 'N')],
      [rep(), `/api/v1/plans/${A.plan}/reports/${missing.org}/${PERIOD}`, (m) => m],
      [`/api/v1/plans/${A.plan}/score/${PERIOD}`, `/api/v1/plans/999999/score/${PERIOD}`, (m) => m.replaceAll(String(A.plan), 'N').replaceAll('999999', 'N')],
    ];
    for (const [foreign, none, norm] of cases) {
      const a = await get(foreign, user);
      const b = await get(none, user);
      assert.equal(a.status, 404, `${user} ${foreign}: ${a.text}`);
      assert.equal(b.status, 404, `${user} ${none}: ${b.text}`);
      assert.equal(a.body.error.code, b.body.error.code);
      assert.equal(norm(a.body.error.message), norm(b.body.error.message), `${foreign} vs ${none}`);
      assert.match(a.body.error.message, /[à-ỹ]/, 'Vietnamese first');
    }
  }
  // in scope but not the role's: 403 (a reporter and the commune's score)
  const r = await get(`/api/v1/plans/${A.plan}/score/${PERIOD}`, 'vhxh');
  assert.equal(r.status, 403, r.text);
});

test('the account and org lists of each commune\'s users hold only their own scope', async () => {
  const logins = async (u) => (await get('/api/v1/users', u)).body.users.map((x) => x.login).sort();
  const own = await logins('dieuphoi');
  assert.ok(own.includes('vhxh') && own.includes('chutich') && own.includes('matrix_u'), own.join());
  for (const not of ['admin', 'coord_b', 'rep_b', 'view_b', 'tinh']) assert.ok(!own.includes(not), `dieuphoi sees ${not}`);
  assert.deepEqual(await logins('coord_b'), ['coord_b', 'rep_b', 'view_b']);
  for (const u of ['vhxh', 'chutich', 'rep_b', 'view_b']) assert.deepEqual(await logins(u), [u]);
  assert.ok((await logins('admin')).length >= 14);
  const orgsB = (await get('/api/v1/orgs', 'coord_b')).body.orgs;
  const orgsA = (await get('/api/v1/orgs', 'dieuphoi')).body.orgs;
  assert.ok(orgsB.length > 1 && orgsA.length > 1);
  const idsA = new Set(orgsA.map((o) => o.id));
  assert.deepEqual(orgsB.filter((o) => idsA.has(o.id)), [], 'no org in both communes\' scopes');
  assert.ok(orgsA.some((o) => o.id === A.org) && !orgsB.some((o) => o.id === A.org));
  assert.deepEqual((await get('/api/v1/orgs', 'vhxh')).body.orgs.map((o) => o.id), [A.org]);
});
