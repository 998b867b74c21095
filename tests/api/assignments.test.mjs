// assignments.test.mjs — "My work" and the review queue through the API:
//   GET /api/v1/plans/:id/assignments/:org[?period=]   (app/duty.h)
//   GET /api/v1/plans/:id/reports[?state=&period=]     (app/report.h report_queue)
//
// Its own server on its own database, with the clock fixed (DTI_NOW
// 2026-11-23, Vietnam 10:00): `dti demo` (xã Hòa Bình, monthly calendar
// "month:unit=15+1,commune=20+1", reports of 08–10/2026), then the plan of
// xã Vĩnh Trụ imported through the API with no calendar (an empty
// "calendar" part), checked, and given a quarterly and yearly one through
// the CLI (`dti calendar set`), with a reporter of its own. Expected figures are derived from the calendar the server reports
// (its dates and deadlines) and from the other endpoints (completeness,
// report show), not written down.
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
const NOW = '2026-11-23T03:00:00Z';
const TODAY = '2026-11-23';
const PW = 'demo-2026';
const PW_Q = 'mat-khau-quy-2026';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dti-mywork-'));
const DB = testDb(path.join(tmp, 'mywork.db'));
let server, BASE;
const sessions = {};
const ids = {};

const dti = (args, env = {}) => execFileSync(DTI, ['--db', DB, ...args], { env: { ...process.env, DTI_NOW: NOW, ...env }, encoding: 'utf8' });

async function call(method, p, user, body, ctype) {
  const headers = {};
  if (user) {
    headers.Cookie = sessions[user].cookie;
    if (method !== 'GET') headers['X-CSRF-Token'] = sessions[user].csrf;
  }
  if (ctype) headers['Content-Type'] = ctype;
  const r = await fetch(BASE + p, { method, headers, body });
  const text = await r.text();
  let j = null;
  try { j = JSON.parse(text); } catch { /* not JSON */ }
  return { status: r.status, text, body: j };
}
const get = (p, user) => call('GET', p, user);

async function login(user, pw = PW) {
  const r = await fetch(BASE + '/api/v1/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login: user, password: pw }),
  });
  const body = await r.json();
  assert.equal(r.status, 200, `login ${user}: ${JSON.stringify(body)}`);
  sessions[user] = { cookie: r.headers.get('set-cookie').split(';')[0], csrf: body.csrf_token, org: body.user.org_id };
}

// Days from today to an ISO date, as the server counts them (whole days).
const daysTo = (iso) => Math.round((Date.parse(iso + 'T00:00:00Z') - Date.parse(TODAY + 'T00:00:00Z')) / 86400000);

before(async () => {
  dti(['demo']);
  ids.A = JSON.parse(dti(['--as', 'admin', 'plans', '--json'])).find((p) => p.commune === 'Hòa Bình').id;
  server = spawn(DTI, ['--db', DB, 'serve', '--listen', '127.0.0.1:0', '--threads', '4'],
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
  server.stderr.resume();
  for (const u of ['admin', 'dieuphoi', 'chutich', 'kinhte', 'vhxh', 'vanphong', 'yte']) await login(u);
  // Vĩnh Trụ's plan with no calendar: the import would set the one its text
  // states; an empty "calendar" part sets none (api_import.c)
  const fd = new FormData();
  fd.append('file', new Blob([fs.readFileSync(`${SHARED}/plans/vinh-tru-2026.txt`)]), 'vinh-tru-2026.txt');
  fd.append('calendar', '');
  const imp = await call('POST', '/api/v1/imports', 'admin', fd);
  assert.equal(imp.status, 201, imp.text);
  ids.Q = imp.body.plan_id;
  // a reporter of a unit only B has (the CLI on the same store: SQLite WAL)
  dti(['--as', 'admin', 'user', 'add', 'rep_q', '--role', 'reporter', '--org', 'Trung tâm dịch vụ sự nghiệp công',
    '--display', 'Báo cáo quý'], { DTI_PASSWORD: PW_Q });
});

after(async () => {
  if (server) {
    const done = new Promise((r) => server.on('exit', r));
    server.kill('SIGTERM');
    await done;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('a reporter\'s own org: items by org id, with targets, rates, and the periods it owes', async () => {
  const org = sessions.kinhte.org;
  const r = await get(`/api/v1/plans/${ids.A}/assignments/${org}`, 'kinhte');
  assert.equal(r.status, 200, r.text);
  const w = r.body;
  assert.equal(w.org_id, org);
  assert.equal(w.today, '23/11/2026');
  assert.equal(w.calendar, true);
  assert.equal(w.note, null);
  // the items are exactly those the plan's assignments give this org
  // (`dti assign list`, by org id: the plan's text names the unit several ways)
  const all = JSON.parse(dti(['--as', 'admin', 'assign', 'list', String(ids.A), '--json']));
  const has = (x, role) => x[role].some((o) => o.org_id === org);
  for (const [kind, role] of [['indicator', 'lead'], ['indicator', 'support'], ['task', 'lead'], ['task', 'support']]) {
    const want = all.filter((x) => x.kind === kind && has(x, role) && (role === 'lead' || !has(x, 'lead'))).map((x) => x.code);
    const got = w.items.filter((i) => i.kind === kind && i.role === role).map((i) => i.code);
    assert.deepEqual(got, want, `${kind} ${role}`);
  }
  assert.ok(w.items.filter((i) => i.kind === 'indicator' && i.role === 'lead').length >= 2, 'the demo gives Phòng Kinh tế indicators');
  assert.ok(w.items.some((i) => i.role === 'support'), 'support items listed too');
  assert.ok(w.items.some((i) => i.kind === 'task'), 'tasks listed');
  for (const i of w.items.filter((x) => x.kind === 'indicator')) {
    assert.equal(i.rate, i.unit === '%', `${i.code}: a rate exactly when its unit is %`);
    if (i.target) assert.equal(i.target.year, 2026, `${i.code}: the target of this year`);
  }
  const i51 = w.items.find((i) => i.code === '5.1');
  assert.equal(i51.rate, true);
  assert.equal(i51.target.value, 60);
  assert.equal(w.items.find((i) => i.code === '5.2').rate, false);

  // periods: the current month, and earlier months not approved
  const codes = w.periods.map((p) => p.code);
  assert.ok(codes.includes('2026-11'), codes.join(' '));
  const cur = w.periods.find((p) => p.code === '2026-11');
  assert.equal(cur.when, 'current');
  assert.equal(cur.kind, 'month');
  assert.equal(cur.start, '01/11/2026');
  assert.equal(cur.end, '30/11/2026');
  assert.match(cur.unit_due, /^\d{2}\/\d{2}\/\d{4}$/);
  assert.equal(cur.unit_due.split('/').reverse().join('-'), cur.unit_due_iso);
  assert.equal(cur.days_left, daysTo(cur.unit_due_iso));
  assert.ok(cur.days_left > 0);
  assert.equal(cur.state, null);
  assert.equal(cur.expected, true);
  for (const p of w.periods) {
    assert.ok(p.when === 'current' || p.when === 'past', p.code);
    if (p.when === 'past') {
      assert.notEqual(p.state, 'approved', `${p.code}: approved past periods are not owed`);
      assert.ok(p.days_left < 0, `${p.code}: overdue`);
    }
  }
  // sorted by deadline, oldest first
  const dues = w.periods.map((p) => p.unit_due_iso);
  assert.deepEqual([...dues].sort(), dues);
  // the demo months: each absent exactly when completeness says approved
  for (const m of ['2026-08', '2026-09', '2026-10']) {
    const c = (await get(`/api/v1/plans/${ids.A}/completeness/${m}`, 'dieuphoi')).body;
    const st = c.orgs.find((o) => o.org_id === org)?.state;
    assert.equal(codes.includes(m), st !== 'approved', `${m} (${st})`);
  }
  // no period before the org had a duty, none not yet started
  assert.ok(w.periods.every((p) => p.start_iso <= TODAY));
});

test('states, versions and the return reason come with the periods', async () => {
  for (const u of ['vanphong', 'yte']) {
    const org = sessions[u].org;
    const w = (await get(`/api/v1/plans/${ids.A}/assignments/${org}`, u)).body;
    for (const p of w.periods.filter((x) => x.state)) {
      const rep = (await get(`/api/v1/plans/${ids.A}/reports/${org}/${p.code}`, u)).body;
      assert.equal(p.state, rep.state, `${u} ${p.code}`);
      assert.equal(p.version, rep.version, `${u} ${p.code}`);
      if (p.state === 'returned') assert.equal(p.reason, rep.reason);
    }
  }
  const yte = (await get(`/api/v1/plans/${ids.A}/assignments/${sessions.yte.org}`, 'yte')).body;
  const ret = yte.periods.find((p) => p.state === 'returned');
  assert.ok(ret && ret.reason, 'the demo returned one of Trạm Y tế\'s reports, with a reason');
  const vp = (await get(`/api/v1/plans/${ids.A}/assignments/${sessions.vanphong.org}`, 'vanphong')).body;
  const sub = vp.periods.find((p) => p.state === 'submitted');
  assert.ok(sub && sub.when === 'past', 'a submitted report waiting for review stays listed');
  assert.equal(sub.timeliness.status, 'on_time');
});

test('one period asked: that period alone, owed or not; bad periods refused', async () => {
  const org = sessions.kinhte.org;
  const r = await get(`/api/v1/plans/${ids.A}/assignments/${org}?period=2026-10`, 'kinhte');
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.body.periods.map((p) => p.code), ['2026-10']);
  const p = r.body.periods[0];
  assert.equal(p.state, 'approved');
  assert.equal(p.when, 'none');
  assert.equal(p.timeliness.deadline, p.unit_due);
  assert.ok(r.body.items.length > 0);
  for (const bad of ['2026-13', 'abc', '2031-01']) {
    const x = await get(`/api/v1/plans/${ids.A}/assignments/${org}?period=${bad}`, 'kinhte');
    assert.equal(x.status, 400, `${bad}: ${x.text}`);
    assert.equal(x.body.error.field, 'period');
  }
});

test('another org, a missing one, a foreign plan: 404 alike; readers in scope see it', async () => {
  const other = sessions.vhxh.org;
  const a = await get(`/api/v1/plans/${ids.A}/assignments/${other}`, 'kinhte');
  assert.equal(a.status, 404, a.text);
  assert.equal(a.body.error.code, 'not_found');
  assert.doesNotMatch(a.text, /Văn hóa/, 'the other org\'s name does not leak');
  const b = await get(`/api/v1/plans/${ids.A}/assignments/999999`, 'kinhte');
  assert.equal(b.status, 404);
  assert.equal((await get(`/api/v1/plans/999/assignments/${other}`, 'dieuphoi')).status, 404);
  assert.equal((await get(`/api/v1/plans/${ids.Q}/assignments/${other}`, 'dieuphoi')).status, 404, 'B\'s plan out of scope');
  // an org of another commune, asked on A's plan by an admin: not in the plan
  const qorg = (await get(`/api/v1/plans/${ids.Q}/assignments/${encodeURIComponent('Phòng Văn hóa - Xã hội')}`, 'admin')).body.org_id;
  assert.equal((await get(`/api/v1/plans/${ids.A}/assignments/${qorg}`, 'admin')).status, 404);
  for (const u of ['dieuphoi', 'chutich', 'admin']) {
    const r = await get(`/api/v1/plans/${ids.A}/assignments/${other}`, u);
    assert.equal(r.status, 200, `${u}: ${r.text}`);
    assert.equal(r.body.org_id, other);
  }
  // by name, as documents write it
  const n = await get(`/api/v1/plans/${ids.A}/assignments/${encodeURIComponent('Phòng Kinh tế')}`, 'kinhte');
  assert.equal(n.status, 200, n.text);
  assert.equal(n.body.org_id, sessions.kinhte.org);
  assert.equal((await get(`/api/v1/plans/${ids.A}/assignments/${other}`, null)).status, 401);
});

test('a plan without a calendar: items, no periods, a note; then quarters and the year', async () => {
  const name = encodeURIComponent('Phòng Văn hóa - Xã hội');
  let r = await get(`/api/v1/plans/${ids.Q}/assignments/${name}`, 'admin');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.calendar, false);
  assert.deepEqual(r.body.periods, []);
  assert.match(r.body.note, /lịch báo cáo/);
  assert.ok(r.body.items.length > 5);
  dti(['--as', 'admin', 'calendar', 'set', String(ids.Q), 'quarter:unit=18@last', 'year:unit=05/12']);
  const cal = JSON.parse(dti(['--as', 'admin', 'periods', String(ids.Q), '--json']));
  const calPeriods = cal.periods || cal;
  await login('rep_q', PW_Q);
  r = await get(`/api/v1/plans/${ids.Q}/assignments/${sessions.rep_q.org}`, 'rep_q');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.calendar, true);
  assert.equal(r.body.note, null);
  const ps = r.body.periods;
  assert.ok(ps.length >= 2, JSON.stringify(ps));
  assert.ok(ps.every((p) => p.kind === 'quarter' || p.kind === 'year'));
  const q4 = ps.find((p) => p.code === '2026-Q4');
  const y = ps.find((p) => p.code === '2026');
  assert.ok(q4 && y, ps.map((p) => p.code).join(' '));
  assert.equal(q4.when, 'current');
  assert.equal(y.when, 'current');
  assert.equal(q4.unit_due, calPeriods.find((p) => p.code === '2026-Q4').unit_due);
  assert.equal(q4.unit_due, '18/12/2026');
  assert.equal(y.unit_due, '05/12/2026');
  assert.equal(q4.days_left, daysTo(q4.unit_due_iso));
  assert.equal(y.days_left, daysTo(y.unit_due_iso));
  // Q1 ended before the plan's assignments began (issued 08/04/2026): not owed
  assert.ok(!ps.some((p) => p.code === '2026-Q1'), 'no duty before the assignments');
  assert.ok(ps.some((p) => p.code === '2026-Q2' && p.when === 'past' && p.timeliness.status === 'missing'));
  // a code the plan repeats across groups comes with the GROUP/CODE a report's CSV needs
  const all = JSON.parse(dti(['--as', 'admin', 'assign', 'list', String(ids.Q), '--json']));
  for (const it of r.body.items) {
    const same = all.filter((x) => x.kind === it.kind && x.code === it.code).length;
    assert.equal(it.ref, same > 1 ? `${it.group}/${it.code}` : it.code, `${it.kind} ${it.code}`);
  }
  assert.ok(r.body.items.some((it) => it.ref.includes('/')), 'Vĩnh Trụ repeats task codes across groups');
  // rep_q reads nothing of A
  assert.equal((await get(`/api/v1/plans/${ids.A}/assignments/${sessions.kinhte.org}`, 'rep_q')).status, 404);
});

test('the review queue: submitted reports in scope, viewers read-only, reporters their own', async () => {
  const q = (user, qs = '') => get(`/api/v1/plans/${ids.A}/reports${qs}`, user);
  const coord = await q('dieuphoi', '?state=submitted');
  assert.equal(coord.status, 200, coord.text);
  assert.equal(coord.body.state, 'submitted');
  assert.ok(coord.body.reports.length >= 1, 'the demo leaves one report waiting');
  for (const x of coord.body.reports) {
    assert.equal(x.state, 'submitted');
    assert.equal(x.can_review, true);
    const rep = (await get(`/api/v1/plans/${ids.A}/reports/${x.org_id}/${x.period}`, 'dieuphoi')).body;
    assert.equal(rep.state, 'submitted');
    assert.equal(rep.version, x.version);
    assert.equal(x.kind, 'month');
    assert.ok(x.first_submitted_at);
    assert.ok(['on_time', 'late'].includes(x.timeliness.status));
  }
  // the same queue without a state given
  assert.deepEqual((await q('dieuphoi')).body.reports, coord.body.reports);
  const view = await q('chutich', '?state=submitted');
  assert.equal(view.status, 200);
  assert.deepEqual(view.body.reports.map((x) => [x.org_id, x.period]), coord.body.reports.map((x) => [x.org_id, x.period]));
  assert.ok(view.body.reports.every((x) => x.can_review === false), 'a viewer reads, never reviews');
  // reporters: only their own org's
  const vp = await q('vanphong', '?state=submitted');
  assert.ok(vp.body.reports.length >= 1);
  assert.ok(vp.body.reports.every((x) => x.org_id === sessions.vanphong.org && x.can_review === false));
  assert.deepEqual((await q('kinhte', '?state=submitted')).body.reports.filter((x) => x.org_id !== sessions.kinhte.org), []);
  // other states, the period filter
  const ret = await q('dieuphoi', '?state=returned&period=2026-10');
  assert.equal(ret.status, 200);
  assert.equal(ret.body.period, '2026-10');
  assert.ok(ret.body.reports.some((x) => x.org_id === sessions.yte.org));
  assert.ok(ret.body.reports.every((x) => x.period === '2026-10' && x.state === 'returned'));
  const appr = (await q('dieuphoi', '?state=approved&period=2026-09')).body.reports;
  const comp = (await get(`/api/v1/plans/${ids.A}/completeness/2026-09`, 'dieuphoi')).body;
  assert.equal(appr.length, comp.orgs.filter((o) => o.state === 'approved').length);
  // bad input
  for (const [qs, field] of [['?state=waiting', 'state'], ['?period=2026-13', 'period'], ['?period=2031-01', 'period']]) {
    const x = await q('dieuphoi', qs);
    assert.equal(x.status, 400, qs + ' ' + x.text);
    assert.equal(x.body.error.field, field);
  }
  assert.equal((await get('/api/v1/plans/999/reports', 'dieuphoi')).status, 404);
  assert.equal((await get(`/api/v1/plans/${ids.Q}/reports`, 'dieuphoi')).status, 404, 'another commune\'s plan');
  assert.equal((await q(null)).status, 401);
});

test('a report submitted now joins the queue and shows as submitted in My work', async () => {
  const org = sessions.kinhte.org;
  const base = `/api/v1/plans/${ids.A}/reports/${org}/2026-11`;
  let r = await call('PUT', base, 'kinhte', 'code,numerator,denominator\n5.1,27,40\n', 'text/csv');
  assert.equal(r.status, 200, r.text);
  r = await call('POST', base + '/submit', 'kinhte');
  assert.equal(r.status, 200, r.text);
  const w = (await get(`/api/v1/plans/${ids.A}/assignments/${org}`, 'kinhte')).body;
  const p = w.periods.find((x) => x.code === '2026-11');
  assert.equal(p.state, 'submitted');
  assert.equal(p.version, 1);
  assert.equal(p.first_submitted_at, NOW);
  assert.equal(p.timeliness.status, 'on_time');
  const queue = (await get(`/api/v1/plans/${ids.A}/reports?state=submitted&period=2026-11`, 'dieuphoi')).body.reports;
  assert.deepEqual(queue.map((x) => x.org_id), [org]);
  assert.equal(queue[0].unit_due, p.unit_due);
  // approved: it leaves the queue; still listed in My work while the month is open
  r = await call('POST', base + '/approve', 'dieuphoi');
  assert.equal(r.status, 200, r.text);
  assert.deepEqual((await get(`/api/v1/plans/${ids.A}/reports?period=2026-11`, 'dieuphoi')).body.reports, []);
  const w2 = (await get(`/api/v1/plans/${ids.A}/assignments/${org}`, 'kinhte')).body;
  assert.equal(w2.periods.find((x) => x.code === '2026-11').state, 'approved');
});
