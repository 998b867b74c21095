// users.test.mjs — accounts from the browser (app/auth.h rules): list, add,
// change, disable/enable, reset another's password, change one's own, the
// org picker. Its own server on a `dti demo` database (xã Hòa Bình: admin,
// coordinator dieuphoi, reporters, viewers chutich and the province's tinh).
import { test, before, after } from 'node:test';
import { testDb } from '../lib/db.mjs';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';
import { VIETNAMESE } from './lib.mjs';

const ROOT = process.env.DTI_ROOT || '.';
const DTI = process.env.DTI || `${ROOT}/build/dti`;
const PW = 'demo-2026';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dti-users-'));
const DB = testDb(path.join(tmp, 'users.db'));
let server, BASE;
const S = {};          // login → {cookie, csrf}
let ORGS = {};         // name → id (admin's /orgs)

function dti(args, env = {}) {
  return execFileSync(DTI, ['--db', DB, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
}

async function call(method, p, who, body, headers = {}) {
  const h = { ...headers };
  const s = typeof who === 'string' ? S[who] : who;
  if (s) {
    h.Cookie = s.cookie;
    if (method !== 'GET') h['X-CSRF-Token'] = s.csrf;
  }
  let data;
  if (typeof body === 'string') { data = body; h['Content-Type'] ||= 'application/json'; }
  else if (body !== undefined) { data = JSON.stringify(body); h['Content-Type'] = 'application/json'; }
  const r = await fetch(BASE + p, { method, headers: h, body: data });
  const text = await r.text();
  let j = null;
  try { j = JSON.parse(text); } catch { /* not JSON */ }
  return { status: r.status, text, body: j };
}

async function login(name, password = PW) {
  const r = await call('POST', '/api/v1/login', null, { login: name, password });
  if (r.status !== 200) return { status: r.status, body: r.body };
  // the cookie is read again from a raw fetch: call() does not keep headers
  return r;
}

// A session of NAME (asserted to open).
async function session(name, password = PW) {
  const r = await fetch(BASE + '/api/v1/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: name, password }),
  });
  const body = await r.json();
  assert.equal(r.status, 200, `login ${name}: ${JSON.stringify(body)}`);
  return { cookie: r.headers.get('set-cookie').split(';')[0], csrf: body.csrf_token, id: body.user.id };
}

function err(r, status, code, field) {
  assert.equal(r.status, status, r.text);
  assert.equal(r.body?.error?.code, code, r.text);
  if (field !== undefined) assert.equal(r.body.error.field, field, r.text);
  assert.ok(r.body.error.message.length > 0);
}

before(async () => {
  dti(['demo'], { DTI_NOW: '2026-11-23T03:00:00Z' });
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
  for (const u of ['admin', 'dieuphoi', 'vhxh', 'chutich', 'tinh']) S[u] = await session(u);
  const orgs = await call('GET', '/api/v1/orgs', 'admin');
  assert.equal(orgs.status, 200, orgs.text);
  ORGS = Object.fromEntries(orgs.body.orgs.map((o) => [o.name, o.id]));
  assert.ok(ORGS['Hòa Bình'] && ORGS['Công an xã'] && ORGS['Bình Nguyên'], Object.keys(ORGS).join());
});

after(async () => {
  if (server) {
    const done = new Promise((r) => server.on('exit', r));
    server.kill('SIGTERM');
    await done;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('every route needs a session', async () => {
  for (const [m, p] of [['GET', '/api/v1/users'], ['POST', '/api/v1/users'], ['PATCH', '/api/v1/users/1'],
    ['POST', '/api/v1/users/1/password'], ['POST', '/api/v1/me/password'], ['GET', '/api/v1/orgs']]) {
    err(await call(m, p, null, m === 'GET' ? undefined : {}), 401, 'unauthorized');
  }
});

test('each role lists what it may see, never a password hash', async () => {
  const all = await call('GET', '/api/v1/users', 'admin');
  assert.equal(all.status, 200);
  const names = all.body.users.map((u) => u.login);
  assert.ok(['admin', 'dieuphoi', 'vhxh', 'chutich', 'tinh'].every((n) => names.includes(n)), names.join());
  assert.deepEqual(all.body.roles, ['admin', 'coordinator', 'reporter', 'viewer']);
  const vhxh = all.body.users.find((u) => u.login === 'vhxh');
  assert.deepEqual(Object.keys(vhxh).sort(), ['active', 'display', 'id', 'login', 'manageable', 'org_id', 'org_name', 'role', 'self']);
  assert.equal(vhxh.org_name, 'Phòng Văn hóa - Xã hội');
  assert.equal(all.body.users.find((u) => u.login === 'admin').org_id, null);

  const co = await call('GET', '/api/v1/users', 'dieuphoi');
  const cn = co.body.users.map((u) => u.login);
  assert.ok(cn.includes('vhxh') && cn.includes('chutich') && cn.includes('dieuphoi'));
  assert.ok(!cn.includes('admin') && !cn.includes('tinh'), 'no admin, nothing above the commune: ' + cn);
  assert.deepEqual(co.body.roles, ['reporter', 'viewer']);
  assert.equal(co.body.users.find((u) => u.login === 'dieuphoi').manageable, false, 'not its own account');
  assert.equal(co.body.users.find((u) => u.login === 'vhxh').manageable, true);

  for (const u of ['vhxh', 'chutich']) {
    const r = await call('GET', '/api/v1/users', u);
    assert.deepEqual(r.body.users.map((x) => x.login), [u]);
    assert.deepEqual(r.body.roles, []);
    assert.equal(r.body.users[0].self, true);
  }
  // the province's viewer sees itself only, though the commune lies in its scope
  assert.deepEqual((await call('GET', '/api/v1/users', 'tinh')).body.users.map((x) => x.login), ['tinh']);
  for (const r of [all, co]) assert.doesNotMatch(r.text, /argon2|pw_hash|password/);
});

test('the org picker gives the scope of each role', async () => {
  const a = (await call('GET', '/api/v1/orgs', 'admin')).body.orgs;
  const c = (await call('GET', '/api/v1/orgs', 'dieuphoi')).body.orgs;
  const r = (await call('GET', '/api/v1/orgs', 'vhxh')).body.orgs;
  const p = a.find((o) => o.kind === 'province');
  assert.equal(p.parent_id, null);
  assert.ok(!c.some((o) => o.kind === 'province'), 'a commune coordinator does not see the province');
  const commune = c.find((o) => o.kind === 'commune');
  assert.equal(commune.name, 'Hòa Bình');
  assert.ok(c.filter((o) => o.kind === 'unit').every((o) => o.parent_id === commune.id));
  assert.ok(c.length >= 8 && c.length < a.length);
  assert.deepEqual(r.map((o) => o.name), ['Phòng Văn hóa - Xã hội']);
  assert.deepEqual(Object.keys(r[0]).sort(), ['id', 'kind', 'live', 'name', 'parent_id']);
});

test('a coordinator adds a reporter for a unit, who logs in; bad input is named', async () => {
  const unit = ORGS['Công an xã'];
  const good = { login: 'ca.moi', display: 'Cán bộ Công an xã mới', role: 'reporter', org_id: unit, password: 'mat-khau-ca-moi' };
  // bad input first: nothing is created
  const cases = [
    [{ ...good, login: 'Có Dấu' }, 400, 'bad_input', 'login'],
    [{ ...good, login: 'x'.repeat(65) }, 400, 'bad_input', 'login'],
    [{ ...good, login: '' }, 400, 'bad_input', 'login'],
    [{ ...good, password: 'ngan' }, 400, 'bad_input', 'password'],
    [{ ...good, password: 'x'.repeat(257) }, 400, 'bad_input', 'password'],
    [{ ...good, role: 'boss' }, 400, 'bad_input', 'role'],
    [{ ...good, role: undefined }, 400, 'bad_input', 'role'],
    [{ ...good, org_id: undefined }, 400, 'bad_input', 'org_id'],
    [{ ...good, org_id: 'một' }, 400, 'bad_input', 'org_id'],
    [{ ...good, org_id: 999999 }, 404, 'not_found', 'org_id'],
    [{ ...good, org_id: ORGS['Bình Nguyên'] }, 404, 'not_found', 'org_id'],
    [{ ...good, role: 'admin', org_id: null }, 403, 'forbidden', 'role'],
    [{ ...good, role: 'coordinator' }, 403, 'forbidden', 'role'],
    [{ ...good, extra: 1 }, 400, 'bad_input', 'extra'],
    [{ ...good, display: 42 }, 400, 'bad_input', 'display'],
  ];
  for (const [body, status, code, field] of cases) {
    const r = await call('POST', '/api/v1/users', 'dieuphoi', body);
    err(r, status, code, field);
    assert.match(r.body.error.message, VIETNAMESE, r.text);
  }
  err(await call('POST', '/api/v1/users', 'dieuphoi', '{"login": "x",'), 400, 'bad_input');
  const en = await call('POST', '/api/v1/users', 'dieuphoi', { ...good, password: 'ngan' }, { 'Accept-Language': 'en' });
  err(en, 400, 'bad_input', 'password');
  assert.match(en.body.error.message, /password must be 8 to 256 bytes/);
  // reporters and viewers add nobody (a unit outside a reporter's own: not found, as everywhere)
  err(await call('POST', '/api/v1/users', 'vhxh', good), 404, 'not_found', 'org_id');
  err(await call('POST', '/api/v1/users', 'vhxh', { ...good, org_id: ORGS['Phòng Văn hóa - Xã hội'] }), 403, 'forbidden', 'role');
  err(await call('POST', '/api/v1/users', 'chutich', { ...good, role: 'viewer' }), 403, 'forbidden', 'role');
  assert.equal((await call('GET', '/api/v1/users', 'admin')).body.users.filter((u) => u.login === 'ca.moi').length, 0);

  const r = await call('POST', '/api/v1/users', 'dieuphoi', good);
  assert.equal(r.status, 201, r.text);
  assert.equal(r.body.user.login, 'ca.moi');
  assert.equal(r.body.user.role, 'reporter');
  assert.equal(r.body.user.org_id, unit);
  assert.equal(r.body.user.org_name, 'Công an xã');
  assert.equal(r.body.user.active, true);
  err(await call('POST', '/api/v1/users', 'dieuphoi', good), 409, 'conflict', 'login');
  const s = await session('ca.moi', 'mat-khau-ca-moi');
  const me = await call('GET', '/api/v1/me', s);
  assert.equal(me.body.user.role, 'reporter');
  assert.equal(me.body.user.org_id, unit);
  // the admin adds a coordinator and an admin
  const c2 = await call('POST', '/api/v1/users', 'admin', { login: 'dieuphoi2', role: 'coordinator', org_id: ORGS['Hòa Bình'], password: 'mat-khau-dp2' });
  assert.equal(c2.status, 201, c2.text);
  assert.equal(c2.body.user.display, 'dieuphoi2', 'the display name defaults to the login');
  const a2 = await call('POST', '/api/v1/users', 'admin', { login: 'admin2', role: 'admin', password: 'mat-khau-admin2' });
  assert.equal(a2.status, 201, a2.text);
  assert.equal(a2.body.user.org_id, null);
});

test('disable and enable: a disabled account is logged out and cannot log in', async () => {
  const id = (await call('GET', '/api/v1/users', 'admin')).body.users.find((u) => u.login === 'congan').id;
  const s = await session('congan');
  assert.equal((await call('GET', '/api/v1/me', s)).status, 200);
  let r = await call('PATCH', `/api/v1/users/${id}`, 'dieuphoi', { active: false });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.user.active, false);
  err(await call('GET', '/api/v1/me', s), 401, 'unauthorized');
  err(await login('congan'), 401, 'unauthorized');
  r = await call('PATCH', `/api/v1/users/${id}`, 'dieuphoi', { active: true });
  assert.equal(r.body.user.active, true);
  assert.equal((await login('congan')).status, 200);
  // the log has both, with who did it
  const log = dti(['--as', 'admin', 'audit', 'log', '--entity', 'user', String(id), '--json']);
  const mine = JSON.parse(log);
  assert.deepEqual(mine.map((x) => [x.action, x.user, x.after?.active]).slice(-2),
    [['user.deactivate', 'dieuphoi', false], ['user.activate', 'dieuphoi', true]]);
  assert.doesNotMatch(log, /argon2|password"/);
});

test('changes: what may change, and by whom', async () => {
  const users = (await call('GET', '/api/v1/users', 'admin')).body.users;
  const id = (l) => users.find((u) => u.login === l).id;
  const kt = id('kinhte');
  let r = await call('PATCH', `/api/v1/users/${kt}`, 'dieuphoi', { display: '  Phòng Kinh tế   xã (mới) ' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.user.display, 'Phòng Kinh tế xã (mới)');
  // a session of the account survives a display change, not a role change
  const s = await session('kinhte');
  r = await call('PATCH', `/api/v1/users/${kt}`, 'dieuphoi', { role: 'viewer', org_id: ORGS['Hòa Bình'] });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.user.role, 'viewer');
  err(await call('GET', '/api/v1/me', s), 401, 'unauthorized');
  // refused: roles a coordinator may not give, orgs outside its scope, accounts it may not see or manage
  err(await call('PATCH', `/api/v1/users/${kt}`, 'dieuphoi', { role: 'admin' }), 403, 'forbidden', 'role');
  err(await call('PATCH', `/api/v1/users/${kt}`, 'dieuphoi', { role: 'coordinator' }), 403, 'forbidden', 'role');
  err(await call('PATCH', `/api/v1/users/${kt}`, 'dieuphoi', { org_id: ORGS['Bình Nguyên'] }), 404, 'not_found', 'org_id');
  err(await call('PATCH', `/api/v1/users/${kt}`, 'dieuphoi', { org_id: null }), 400, 'bad_input', 'org_id');
  err(await call('PATCH', `/api/v1/users/${id('admin')}`, 'dieuphoi', { display: 'x' }), 404, 'not_found', 'user');
  err(await call('PATCH', `/api/v1/users/${id('tinh')}`, 'dieuphoi', { active: false }), 404, 'not_found', 'user');
  err(await call('PATCH', `/api/v1/users/${id('dieuphoi2')}`, 'dieuphoi', { active: false }), 403, 'forbidden', 'role');
  err(await call('PATCH', `/api/v1/users/${id('dieuphoi')}`, 'dieuphoi', { display: 'x' }), 403, 'forbidden');
  err(await call('PATCH', '/api/v1/users/999999', 'dieuphoi', { display: 'x' }), 404, 'not_found', 'user');
  err(await call('PATCH', `/api/v1/users/${kt}`, 'vhxh', { display: 'x' }), 404, 'not_found', 'user');
  err(await call('PATCH', `/api/v1/users/${id('vhxh')}`, 'vhxh', { display: 'x' }), 403, 'forbidden');
  // nobody changes its own role or disables itself
  err(await call('PATCH', `/api/v1/users/${id('admin')}`, 'admin', { active: false }), 403, 'forbidden', 'active');
  err(await call('PATCH', `/api/v1/users/${id('admin')}`, 'admin', { role: 'viewer', org_id: ORGS['Hòa Bình'] }), 403, 'forbidden', 'role');
  // bad bodies
  err(await call('PATCH', `/api/v1/users/${kt}`, 'admin', {}), 400, 'bad_input', 'body');
  err(await call('PATCH', `/api/v1/users/${kt}`, 'admin', { active: 'no' }), 400, 'bad_input', 'active');
  err(await call('PATCH', `/api/v1/users/${kt}`, 'admin', { display: '   ' }), 400, 'bad_input', 'display');
  err(await call('PATCH', `/api/v1/users/${kt}`, 'admin', { login: 'khac' }), 400, 'bad_input', 'login');
  err(await call('PATCH', '/api/v1/users/abc', 'admin', { display: 'x' }), 400, 'bad_input', 'uid');
  // the admin moves it back; then nothing changed is no change at all
  r = await call('PATCH', `/api/v1/users/${kt}`, 'admin', { role: 'reporter', org_id: ORGS['Phòng Kinh tế xã'] });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.user.org_name, 'Phòng Kinh tế xã');
});

test('a coordinator resets a reporter\'s password; the old one stops working', async () => {
  const users = (await call('GET', '/api/v1/users', 'admin')).body.users;
  const id = (l) => users.find((u) => u.login === l).id;
  const s = await session('yte');
  err(await call('POST', `/api/v1/users/${id('yte')}/password`, 'dieuphoi', { password: 'ngan' }), 400, 'bad_input', 'password');
  err(await call('POST', `/api/v1/users/${id('yte')}/password`, 'dieuphoi', {}), 400, 'bad_input', 'password');
  let r = await call('POST', `/api/v1/users/${id('yte')}/password`, 'dieuphoi', { password: 'mat-khau-yte-moi' });
  assert.equal(r.status, 204, r.text);
  err(await call('GET', '/api/v1/me', s), 401, 'unauthorized');
  err(await login('yte'), 401, 'unauthorized');
  assert.equal((await login('yte', 'mat-khau-yte-moi')).status, 200);
  err(await call('POST', `/api/v1/users/${id('admin')}/password`, 'dieuphoi', { password: 'mat-khau-chiem' }), 404, 'not_found');
  err(await call('POST', `/api/v1/users/${id('dieuphoi2')}/password`, 'dieuphoi', { password: 'mat-khau-chiem' }), 403, 'forbidden');
  err(await call('POST', `/api/v1/users/${id('dieuphoi')}/password`, 'dieuphoi', { password: 'mat-khau-chiem' }), 403, 'forbidden');
  err(await call('POST', `/api/v1/users/${id('hcc')}/password`, 'vhxh', { password: 'mat-khau-chiem' }), 404, 'not_found');
  assert.equal((await login('admin')).status, 200, 'the admin\'s password is unchanged');
});

test('everyone changes its own password with the current one; the session stays, others end', async () => {
  const first = await session('chutich');
  const other = await session('chutich');
  err(await call('POST', '/api/v1/me/password', first, { current: PW }), 400, 'bad_input', 'password');
  err(await call('POST', '/api/v1/me/password', first, { password: 'mat-khau-ct-moi' }), 400, 'bad_input', 'current');
  err(await call('POST', '/api/v1/me/password', first, { current: PW, password: 'ngan' }), 400, 'bad_input', 'password');
  err(await call('POST', '/api/v1/me/password', first, { current: PW, password: PW }), 400, 'bad_input', 'password');
  err(await call('POST', '/api/v1/me/password', first, { current: 'sai-mat-khau', password: 'mat-khau-ct-moi' }), 400, 'bad_input', 'current');
  err(await call('POST', '/api/v1/me/password', first, { current: PW, password: 'mat-khau-ct-moi', role: 'admin' }), 400, 'bad_input', 'role');
  const r = await call('POST', '/api/v1/me/password', first, { current: PW, password: 'mat-khau-ct-moi' });
  assert.equal(r.status, 204, r.text);
  assert.equal((await call('GET', '/api/v1/me', first)).status, 200, 'this session stays');
  err(await call('GET', '/api/v1/me', other), 401, 'unauthorized');
  err(await login('chutich'), 401, 'unauthorized');
  assert.equal((await login('chutich', 'mat-khau-ct-moi')).status, 200);
  // a reporter too
  const v = await session('vanphong');
  assert.equal((await call('POST', '/api/v1/me/password', v, { current: PW, password: 'mat-khau-vp-moi' })).status, 204);
  assert.equal((await login('vanphong', 'mat-khau-vp-moi')).status, 200);
  // without the CSRF token: refused before anything
  const noCsrf = await fetch(BASE + '/api/v1/me/password', { method: 'POST', headers: { Cookie: v.cookie, 'Content-Type': 'application/json' },
    body: JSON.stringify({ current: 'mat-khau-vp-moi', password: 'mat-khau-vp-3' }) });
  assert.equal(noCsrf.status, 403);
  assert.equal((await login('vanphong', 'mat-khau-vp-moi')).status, 200);
});
