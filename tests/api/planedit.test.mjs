// planedit.test.mjs — editing a plan through the API: an indicator's name
// and targets, a task's outputs and due date, reassigning lead and support
// units, the units to choose from; the edit shown by the plan, by
// `dti export plan` and by the item's history; bad fields refused by name
// with nothing changed; a viewer or reporter refused (403), another
// commune told nothing (404); a code repeated across groups needs ?group=.
//
// Its own server on its own database (as authz.test.mjs): `dti demo` (xã
// Hòa Bình, plan A, its users), Vĩnh Trụ's plan imported (commune B, whose
// task codes repeat across groups) and a coordinator of B.
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
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dti-planedit-'));
const DB = testDb(path.join(tmp, 'planedit.db'));
let server, BASE;
const S = {};       // user → {cookie, csrf}
let A, B;           // plan ids

function dti(args, env = {}) {
  return execFileSync(DTI, ['--db', DB, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
}

async function login(user) {
  const r = await fetch(BASE + '/api/v1/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: user, password: user.endsWith('_b') ? PW_B : PW }),
  });
  const body = await r.json();
  assert.equal(r.status, 200, `login ${user}: ${JSON.stringify(body)}`);
  return { cookie: r.headers.get('set-cookie').split(';')[0], csrf: body.csrf_token };
}

// METHOD PATH as USER with the JSON BODY (undefined: none).
async function call(method, p, user, body, headers = {}) {
  const h = { Cookie: S[user].cookie, ...headers };
  if (method !== 'GET') h['X-CSRF-Token'] = S[user].csrf;
  if (body !== undefined) h['Content-Type'] = 'application/json';
  const r = await fetch(BASE + p, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  let j = null;
  try { j = JSON.parse(text); } catch { /* not JSON */ }
  return { status: r.status, text, body: j };
}

function assertErr(r, status, code, field) {
  assert.equal(r.status, status, r.text);
  assert.equal(r.body?.error?.code, code, r.text);
  if (field !== undefined) assert.equal(r.body.error.field, field, r.text);
  assert.ok(r.body.error.message.length > 0);
  return r.body.error;
}

before(async () => {
  dti(['demo'], { DTI_NOW: '2026-11-23T03:00:00Z' });
  dti(['--as', 'admin', 'import', `${SHARED}/plans/vinh-tru-2026.txt`]);
  const plans = JSON.parse(dti(['--as', 'admin', 'plans', '--json']));
  A = plans.find((p) => p.commune === 'Hòa Bình').id;
  B = plans.find((p) => p.commune === 'Vĩnh Trụ').id;
  dti(['--as', 'admin', 'user', 'add', 'coord_b', '--role', 'coordinator', '--org', 'Vĩnh Trụ'], { DTI_PASSWORD: PW_B });
  server = spawn(DTI, ['--db', DB, 'serve', '--listen', '127.0.0.1:0', '--threads', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
  BASE = await new Promise((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => reject(new Error('server did not start: ' + out)), 60000);
    server.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+/);
      if (m) { clearTimeout(t); resolve(m[0]); }
    });
  });
  for (const u of ['admin', 'dieuphoi', 'chutich', 'vhxh', 'coord_b']) S[u] = await login(u);
});

after(async () => {
  if (server) {
    const done = new Promise((r) => server.on('exit', r));
    server.kill('SIGTERM');
    await done;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

const plan = async (id, user = 'dieuphoi') => (await call('GET', `/api/v1/plans/${id}`, user)).body;
const items = async (id, user = 'dieuphoi') => (await call('GET', `/api/v1/plans/${id}/assignments`, user)).body.items;
const history = async (kind, id, user = 'dieuphoi') => {
  const r = await call('GET', `/api/v1/audit?entity=${kind}&id=${id}`, user);
  assert.equal(r.status, 200, r.text);
  return r.body.entries;
};

test('a coordinator edits an indicator: the answer, the plan, the export and the history show it', async () => {
  const p0 = await plan(A);
  const ind0 = p0.indicators.find((x) => x.code === '1.1');
  const id = (await items(A)).find((x) => x.kind === 'indicator' && x.code === '1.1').id;
  assert.ok(Number.isInteger(id) && id > 0);
  const old = ind0.targets.find((t) => t.year === 2026);
  const want = old.value + 7;   // a value the plan did not have
  const targets = ind0.targets.map((t) => (t.year === 2026 ? { year: 2026, text: `Đạt tối thiểu ${want}%` } : { year: t.year, text: t.text }));
  const r = await call('PATCH', `/api/v1/plans/${A}/indicators/1.1`, 'dieuphoi', { name: ind0.name + ' (đã sửa)', targets });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.id, id);
  assert.equal(r.body.kind, 'indicator');
  assert.equal(r.body.name, ind0.name + ' (đã sửa)');
  const t26 = r.body.targets.find((t) => t.year === 2026);
  assert.deepEqual([t26.op, t26.value, t26.unit], ['>=', want, '%']);
  assert.equal(r.body.targets.length, ind0.targets.length, 'the other years kept');

  // the plan as it now stands, over the API and from the command line
  const p1 = await plan(A);
  assert.deepEqual(p1.indicators.find((x) => x.code === '1.1'), Object.fromEntries(Object.entries(r.body).filter(([k]) => k !== 'id' && k !== 'kind')));
  const exported = JSON.parse(dti(['--as', 'admin', 'export', 'plan', String(A), '--json']));
  assert.equal(exported.indicators.find((x) => x.code === '1.1').targets.find((t) => t.year === 2026).value, want);
  assert.equal(exported.indicators.find((x) => x.code === '1.2').name, p0.indicators.find((x) => x.code === '1.2').name, 'other items untouched');

  // the history: before and after
  const h = await history('indicator', id);
  const e = h.filter((x) => x.action === 'indicator.edit').at(-1);
  assert.ok(e, 'an indicator.edit entry');
  assert.equal(e.user, 'dieuphoi');
  assert.equal(e.before.name, ind0.name);
  assert.equal(e.after.name, ind0.name + ' (đã sửa)');
  assert.equal(e.before.targets.find((t) => t.year === 2026).value, old.value);
  assert.equal(e.after.targets.find((t) => t.year === 2026).value, want);
  // a viewer of the commune reads the same history
  assert.equal((await history('indicator', id, 'chutich')).length, h.length);
});

test('a structured target and a due date read from its words', async () => {
  const r = await call('PATCH', `/api/v1/plans/${A}/indicators/1.2`, 'admin',
    { due_text: 'Quý III năm 2026', targets: [{ year: 2026, op: '<=', value: 2.5, unit: 'ngày' }] });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.due, '2026-Q3');
  assert.deepEqual(r.body.targets, [{ year: 2026, op: '<=', value: 2.5, unit: 'ngày', text: 'Tối đa 2,5 ngày' }]);
});

test('bad input is refused with the field named, and changes nothing', async () => {
  const p0 = await plan(A);
  const bad = [
    [{ name: '   ' }, 'name'],
    [{ name: 12 }, 'name'],
    [{ targets: [{ year: 2026, text: 'tốt hơn năm trước' }] }, 'targets[0].text'],
    [{ targets: [{ year: 2040, text: 'Đạt 90%' }] }, 'targets[0].year'],
    [{ targets: [{ year: 2026, op: '=>', value: 5 }] }, 'targets[0].op'],
    [{ targets: [{ year: 2026, op: '>=' }] }, 'targets[0].value'],
    [{ targets: [{ year: 2026, text: '70%' }, { year: 2026, text: '80%' }] }, 'targets[1].year'],
    [{ targets: 'Đạt 70%' }, 'targets'],
    [{ group: 'không có' }, 'group'],
    [{ due: 'tháng 13' }, 'due'],
    [{ colour: 'đỏ' }, 'colour'],
    [{}, 'body'],
    [{ name: 'Tên mới hợp lệ', targets: [{ year: 2026 }] }, 'targets[0].text'],
  ];
  for (const [body, field] of bad) assertErr(await call('PATCH', `/api/v1/plans/${A}/indicators/2.1`, 'dieuphoi', body), 400, 'bad_input', field);
  assertErr(await call('PATCH', `/api/v1/plans/${A}/tasks/1`, 'dieuphoi', { outputs: ['Kế hoạch', ''] }), 400, 'bad_input', 'outputs[1]');
  assertErr(await call('PATCH', `/api/v1/plans/${A}/indicators/99.9`, 'dieuphoi', { name: 'X' }), 404, 'not_found', 'code');
  // not JSON at all
  const raw = await fetch(`${BASE}/api/v1/plans/${A}/indicators/2.1`, {
    method: 'PATCH', headers: { Cookie: S.dieuphoi.cookie, 'X-CSRF-Token': S.dieuphoi.csrf, 'Content-Type': 'application/json' }, body: '{"name": ',
  });
  assert.equal(raw.status, 400);
  // English on request
  const en = assertErr(await call('PATCH', `/api/v1/plans/${A}/indicators/2.1`, 'dieuphoi', { targets: [{ year: 2040, text: 'Đạt 90%' }] }, { 'Accept-Language': 'en' }), 400, 'bad_input', 'targets[0].year');
  assert.match(en.message, /outside the plan's years/);
  assert.deepEqual(await plan(A), p0, 'the plan is unchanged');
});

test('a task edit: outputs, due date and group, in the task\'s history', async () => {
  const id = (await items(A)).find((x) => x.kind === 'task' && x.code === '1').id;
  const r = await call('PATCH', `/api/v1/plans/${A}/tasks/1`, 'dieuphoi', { outputs: ['Kế hoạch năm 2026', ' Báo cáo  quý '], due_text: 'Tháng 12/2026' });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.body.outputs, ['Kế hoạch năm 2026', 'Báo cáo quý']);
  assert.equal(r.body.due, '2026-12');
  assert.equal(r.body.id, id);
  const h = await history('task', id);
  const e = h.at(-1);
  assert.equal(e.action, 'task.edit');
  assert.deepEqual(e.after.outputs, ['Kế hoạch năm 2026', 'Báo cáo quý']);
  assert.notDeepEqual(e.before.outputs, e.after.outputs);
  assert.equal((await plan(A)).tasks.find((t) => t.code === '1').due_text, 'Tháng 12/2026');
});

test('reassigning: lead and support replaced, shown by the list, the plan and the history', async () => {
  const units = (await call('GET', `/api/v1/plans/${A}/units`, 'dieuphoi')).body;
  assert.equal(units.commune.name, 'Hòa Bình');
  assert.ok(units.units.length >= 5, 'the commune\'s units');
  for (const u of units.units) assert.ok(Number.isInteger(u.id) && u.name && Array.isArray(u.aliases));
  const it0 = (await items(A)).find((x) => x.kind === 'indicator' && x.code === '1.2');
  assert.ok(it0.support_unresolved.length > 0, 'a collective name left at import: ' + JSON.stringify(it0));
  const leadIds = it0.lead.map((x) => x.org_id);
  const [lead, sup] = units.units.filter((u) => !leadIds.includes(u.id));
  const r = await call('PUT', `/api/v1/plans/${A}/assignments/indicator/1.2`, 'dieuphoi', { lead: [lead.id], support: [sup.id] });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.body.lead, [{ org_id: lead.id, name: lead.name }]);
  assert.deepEqual(r.body.support, [{ org_id: sup.id, name: sup.name }]);
  assert.deepEqual(r.body.unresolved, [], 'the collective name resolved');
  const it1 = (await items(A)).find((x) => x.id === it0.id);
  assert.deepEqual(it1.lead, r.body.lead);
  const ind = (await plan(A)).indicators.find((x) => x.code === '1.2');
  assert.deepEqual([ind.lead, ind.support], [[lead.name], [sup.name]]);
  const h = (await history('indicator', it0.id)).filter((x) => x.action === 'assignment.set');
  assert.equal(h.length, 2, 'lead and support');
  const hl = h.find((x) => x.after.role === 'lead');
  assert.deepEqual(hl.after.orgs, [lead.id]);
  assert.deepEqual(hl.before.orgs, leadIds);
  // the same again changes and logs nothing
  assert.equal((await call('PUT', `/api/v1/plans/${A}/assignments/indicator/1.2`, 'dieuphoi', { lead: [lead.id] })).status, 200);
  assert.equal((await history('indicator', it0.id)).filter((x) => x.action === 'assignment.set').length, 2);
});

test('reassigning: bad orgs and kinds are refused by name', async () => {
  const foreignUnit = (await call('GET', `/api/v1/plans/${B}/units`, 'coord_b')).body.units[0];
  assert.ok(foreignUnit);
  const before = await items(A);
  // another commune's unit is outside the caller's scope: the same 404 as a missing one (issue 9)
  assertErr(await call('PUT', `/api/v1/plans/${A}/assignments/indicator/1.3`, 'dieuphoi', { lead: [foreignUnit.id] }), 404, 'not_found');
  assertErr(await call('PUT', `/api/v1/plans/${A}/assignments/indicator/1.3`, 'dieuphoi', { support: ['Công an xã'] }), 400, 'bad_input', 'support');
  assertErr(await call('PUT', `/api/v1/plans/${A}/assignments/indicator/1.3`, 'dieuphoi', { chair: [1] }), 400, 'bad_input', 'chair');
  assertErr(await call('PUT', `/api/v1/plans/${A}/assignments/goal/1.3`, 'dieuphoi', { lead: [] }), 400, 'bad_input', 'kind');
  assertErr(await call('PUT', `/api/v1/plans/${A}/assignments/indicator/77`, 'dieuphoi', { lead: [] }), 404, 'not_found', 'code');
  assert.deepEqual(await items(A), before);
});

test('a viewer and a reporter are refused (403); another commune learns nothing (404)', async () => {
  const p0 = await plan(A);
  for (const u of ['chutich', 'vhxh']) {
    assertErr(await call('PATCH', `/api/v1/plans/${A}/indicators/2.1`, u, { name: 'Không được' }), 403, 'forbidden');
    assertErr(await call('PATCH', `/api/v1/plans/${A}/tasks/1`, u, { name: 'Không được' }), 403, 'forbidden');
    assertErr(await call('PUT', `/api/v1/plans/${A}/assignments/indicator/2.1`, u, { lead: [] }), 403, 'forbidden');
  }
  const tries = [
    ['PATCH', `/api/v1/plans/${A}/indicators/2.1`, { name: 'Không được' }],
    ['PATCH', `/api/v1/plans/${A}/tasks/1`, { name: 'Không được' }],
    ['PUT', `/api/v1/plans/${A}/assignments/indicator/2.1`, { lead: [] }],
    ['GET', `/api/v1/plans/${A}/assignments`],
    ['GET', `/api/v1/plans/${A}/units`],
  ];
  for (const [m, p, body] of tries) {
    const r = await call(m, p, 'coord_b', body);
    assertErr(r, 404, 'not_found');
    assert.ok(!r.text.includes('Hòa Bình') && !r.text.includes('2.1'), r.text);
  }
  assert.deepEqual(await plan(A), p0);
  // the reporter sees its own items only, the viewer all
  const mine = await items(A, 'vhxh');
  assert.ok(mine.length > 0 && mine.length < (await items(A, 'chutich')).length);
});

test('a code repeated across groups needs ?group=', async () => {
  const p = await plan(B, 'coord_b');
  const dup = p.tasks.filter((t) => t.code === '1');
  assert.ok(dup.length >= 2, 'Vĩnh Trụ repeats task codes');
  const e = assertErr(await call('PATCH', `/api/v1/plans/${B}/tasks/1`, 'coord_b', { due_text: 'Năm 2026' }), 409, 'conflict', 'group');
  assert.match(e.message, new RegExp(dup[1].group));
  const g = dup[1].group;
  const r = await call('PATCH', `/api/v1/plans/${B}/tasks/1?group=${encodeURIComponent(g)}`, 'coord_b', { due_text: 'Năm 2026' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.group, g);
  const p1 = await plan(B, 'coord_b');
  const after1 = p1.tasks.filter((t) => t.code === '1');
  assert.equal(after1[1].due, '2026');
  assert.deepEqual(after1[0], dup[0], 'the other task 1 untouched');
});
