// calendar.test.mjs — a plan's reporting calendar over HTTP: the periods of
// the demo plan (GET /plans/:id/periods), setting it (PUT /plans/:id/calendar)
// with good and bad rules, who may (403 for a viewer or reporter, 404 out of
// scope), and the import that proposes the calendar the document states
// (preview) and sets it, a changed one, or none (confirm).
//
// Its own server on its own database, as authz.test.mjs: `dti demo` (xã Hòa
// Bình, commune A), then xã Vĩnh Trụ's plan and a coordinator of it (B).
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
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dti-calendar-'));
const DB = testDb(path.join(tmp, 'calendar.db'));
const DEMO_RULES = ['month:cutoff=none:unit=15+1,commune=20+1'];
let server, BASE, planA, planB;
const sessions = {};

function dti(args, env = {}) {
  return execFileSync(DTI, ['--db', DB, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
}

async function login(user, pw = PW) {
  const r = await fetch(BASE + '/api/v1/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: user, password: pw }),
  });
  const text = await r.text();
  assert.equal(r.status, 200, `login ${user}: ${text}`);
  return { cookie: r.headers.get('set-cookie').split(';')[0], csrf: JSON.parse(text).csrf_token };
}

async function call(method, p, user, body) {
  const headers = {};
  if (user) {
    headers.Cookie = sessions[user].cookie;
    if (method !== 'GET') headers['X-CSRF-Token'] = sessions[user].csrf;
  }
  let data;
  if (body instanceof FormData) data = body;
  else if (typeof body === 'string') { data = body; headers['Content-Type'] = 'application/json'; }
  else if (body !== undefined) { data = JSON.stringify(body); headers['Content-Type'] = 'application/json'; }
  const r = await fetch(BASE + p, { method, headers, body: data });
  const text = await r.text();
  let j = null;
  try { j = JSON.parse(text); } catch { /* not JSON */ }
  return { status: r.status, text, body: j };
}

const periods = (plan, user, q = '') => call('GET', `/api/v1/plans/${plan}/periods${q}`, user);
const setCal = (plan, user, body) => call('PUT', `/api/v1/plans/${plan}/calendar`, user, body);
const byCode = (body, code) => body.periods.find((p) => p.code === code);
const calendarAudits = (plan) => dti(['--as', 'admin', 'audit', 'log', '--entity', 'plan'])
  .split('\n').filter((l) => /calendar\.set\s+plan (\d+)/.test(l) && l.trim().endsWith(`plan ${plan}`)).length;

before(async () => {
  dti(['demo'], { DTI_NOW: '2026-11-23T03:00:00Z' });
  dti(['--as', 'admin', 'import', `${SHARED}/plans/vinh-tru-2026.txt`]);
  const plans = JSON.parse(dti(['--as', 'admin', 'plans', '--json']));
  planA = plans.find((p) => p.commune === 'Hòa Bình').id;
  planB = plans.find((p) => p.commune === 'Vĩnh Trụ').id;
  dti(['--as', 'admin', 'user', 'add', 'coord_b', '--role', 'coordinator', '--org', 'Vĩnh Trụ'], { DTI_PASSWORD: PW_B });
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
  for (const u of ['admin', 'dieuphoi', 'vhxh', 'chutich']) sessions[u] = await login(u);
  sessions.coord_b = await login('coord_b', PW_B);
});

after(async () => {
  if (server) {
    const done = new Promise((r) => server.on('exit', r));
    server.kill('SIGTERM');
    await done;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('the demo plan\'s periods: its monthly calendar with both deadlines, in words', async () => {
  const r = await periods(planA, 'chutich', '?year=2026');
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.body.rules, DEMO_RULES);
  assert.equal(r.body.descriptions.length, 1);
  assert.match(r.body.descriptions[0].vi, /^Hằng tháng \(theo tháng dương lịch\): đơn vị nộp chậm nhất ngày 15 tháng sau; xã nộp chậm nhất ngày 20 tháng sau$/);
  assert.match(r.body.descriptions[0].en, /^Monthly \(calendar months\): units report by day 15 of the next month/);
  assert.deepEqual(r.body.warnings, []);
  assert.deepEqual(r.body.periods.map((p) => p.code), Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
  assert.deepEqual(byCode(r.body, '2026-01'), { code: '2026-01', kind: 'month', start: '01/01/2026', end: '31/01/2026', unit_due: '15/02/2026', commune_due: '20/02/2026' });
  assert.equal(byCode(r.body, '2026-12').unit_due, '15/01/2027');
  // a reporter of the plan reads it too
  assert.equal((await periods(planA, 'vhxh')).status, 200);
  // only the year asked for
  const other = await periods(planA, 'admin', '?year=2031');
  assert.equal(other.status, 200);
  assert.ok(other.body.periods.every((p) => p.code.startsWith('2031')), other.text.slice(0, 200));
  const bad = await periods(planA, 'admin', '?year=hai-nghin');
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.field, 'year');
});

test('a coordinator sets the calendar; the periods follow; audited', async () => {
  const audits = calendarAudits(planA);
  let r = await setCal(planA, 'dieuphoi', { rules: ['quarter:unit=18@last,commune=20@last', 'year:unit=05/12'] });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.body.rules, ['quarter:unit=18@last,commune=20@last', 'year:unit=05/12']);
  // the yearly deadline 05/12 comes before the year (15/12–14/12) ends: told, not silent
  assert.ok(r.body.warnings.some((w) => w.code === '2026' && w.level === 'unit' && w.due === '05/12/2026' &&
    w.end === '14/12/2026' && /trước khi kỳ kết thúc/.test(w.message)), JSON.stringify(r.body.warnings));
  assert.ok(r.body.warnings.every((w) => /^\d{4}$/.test(w.code)), JSON.stringify(r.body.warnings));
  r = await periods(planA, 'dieuphoi', '?year=2026');
  assert.deepEqual(r.body.periods.map((p) => p.code), ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2026']);
  // Nghị định 09/2019/NĐ-CP's 15→14 cut-off by default: Q1 15/12/2025–14/03/2026, due 18/03
  assert.deepEqual(r.body.periods.map((p) => `${p.start}-${p.end}`), ['15/12/2025-14/03/2026', '15/03/2026-14/06/2026',
    '15/06/2026-14/09/2026', '15/09/2026-14/12/2026', '15/12/2025-14/12/2026']);
  assert.deepEqual(r.body.periods.map((p) => p.unit_due), ['18/03/2026', '18/06/2026', '18/09/2026', '18/12/2026', '05/12/2026']);
  assert.equal(byCode(r.body, '2026-Q2').commune_due, '20/06/2026');
  assert.equal(byCode(r.body, '2026').commune_due, null);
  assert.deepEqual(r.body.warnings.map((w) => w.code), ['2026']);
  assert.match(r.body.descriptions[0].vi, /^Hằng quý \(từ ngày 15 tháng trước quý đến ngày 14 tháng cuối quý\): đơn vị nộp chậm nhất ngày 18 tháng cuối quý; xã nộp chậm nhất ngày 20 tháng cuối quý$/);
  // calendar quarters when the plan says so: Q1 ends 31/03, after its deadline 18/03 — a warning per quarter
  r = await setCal(planA, 'dieuphoi', { rules: ['quarter:cutoff=none:unit=18@last'] });
  assert.equal(r.status, 200, r.text);
  assert.ok(r.body.warnings.some((w) => w.code === '2026-Q1' && w.due === '18/03/2026' && w.end === '31/03/2026'));
  // three quarter windows and a year: exactly the windows stated, no "cần đúng 4 khung"
  r = await setCal(planA, 'dieuphoi', { rules: ['quarter:window=01/01-09/03,10/03-09/06,10/06-09/09:unit=10@last',
    'year:window=01/01-09/12:unit=10@last'] });
  assert.equal(r.status, 200, r.text);
  r = await periods(planA, 'dieuphoi', '?year=2026');
  assert.deepEqual(r.body.periods.map((p) => `${p.code} ${p.end} ${p.unit_due}`),
    ['2026-Q1 09/03/2026 10/03/2026', '2026-Q2 09/06/2026 10/06/2026', '2026-Q3 09/09/2026 10/09/2026', '2026 09/12/2026 10/12/2026']);
  assert.deepEqual(r.body.warnings, []);
  assert.equal(calendarAudits(planA), audits + 3);
  // back to the demo's own calendar (the other tests read it)
  r = await setCal(planA, 'admin', { rules: DEMO_RULES });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.periods.filter((p) => p.code.startsWith('2026')).length, 12);
});

test('bad rules: 400 naming the rule and the option, nothing changed', async () => {
  const before = (await periods(planA, 'admin')).text;
  const audits = calendarAudits(planA);
  let r = await setCal(planA, 'dieuphoi', { rules: ['quarter:unit=18@last', 'month:unit=15+x'] });
  assert.equal(r.status, 400, r.text);
  assert.equal(r.body.error.field, 'rules');
  assert.equal(r.body.error.index, 1);
  assert.equal(r.body.error.rule, 'month:unit=15+x');
  assert.equal(r.body.error.option, 'unit');
  assert.match(r.body.error.message, /month:unit=15\+x/);
  r = await setCal(planA, 'dieuphoi', { rules: ['week:unit=5+1'] });
  assert.equal(r.status, 400);
  assert.equal(r.body.error.rule, 'week:unit=5+1');
  r = await setCal(planA, 'dieuphoi', { rules: ['month:cutoff=40'] });
  assert.equal(r.status, 400);
  assert.equal(r.body.error.option, 'cutoff');
  r = await setCal(planA, 'dieuphoi', []);
  assert.equal(r.status, 400, r.text);
  for (const body of [{ rules: [] }, { rules: 'month:unit=15+1' }, { rules: [15] }, {}]) {
    r = await setCal(planA, 'dieuphoi', body);
    assert.equal(r.status, 400, JSON.stringify(body) + ': ' + r.text);
    assert.equal(r.body.error.field, 'rules');
  }
  r = await setCal(planA, 'dieuphoi', '{"rules": [');
  assert.equal(r.status, 400);
  // two rules of one kind
  r = await setCal(planA, 'dieuphoi', { rules: ['month:unit=15+1', 'month:unit=20+1'] });
  assert.equal(r.status, 400, r.text);
  assert.equal((await periods(planA, 'admin')).text, before);
  assert.equal(calendarAudits(planA), audits);
});

test('who may: viewer and reporter 403, out of scope or missing 404', async () => {
  for (const u of ['chutich', 'vhxh']) {
    const r = await setCal(planA, u, { rules: ['year:unit=05/12'] });
    assert.equal(r.status, 403, `${u}: ${r.text}`);
  }
  for (const r of [await setCal(planA, 'coord_b', { rules: ['year:unit=05/12'] }), await periods(planA, 'coord_b'),
    await periods(999999, 'admin'), await setCal(999999, 'admin', { rules: ['year:unit=05/12'] })]) {
    assert.equal(r.status, 404, r.text);
    assert.ok(!r.text.includes('Hòa Bình'));
  }
  // a foreign coordinator's bad rules are not checked either: the plan is not there for it
  assert.equal((await setCal(planA, 'coord_b', { rules: ['nonsense'] })).status, 404);
  assert.equal((await call('GET', `/api/v1/plans/${planA}/periods`, null)).status, 401);
  assert.deepEqual((await periods(planA, 'admin')).body.rules, DEMO_RULES);
});

function planForm(extra = '', fields = {}) {
  const fd = new FormData();
  fd.append('file', new Blob([fs.readFileSync(`${SHARED}/plans/vinh-thuan-2026-dti.txt`), extra]), 'vinh-thuan-2026-dti.txt');
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

test('import: the preview proposes the calendar the document states, with its sentence', async () => {
  const r = await call('POST', '/api/v1/imports/preview', 'admin', planForm());
  assert.equal(r.status, 200, r.text.slice(0, 300));
  const c = r.body.calendar;
  assert.deepEqual(c.rules, ['quarter:unit=18@last', 'year:unit=18/12']);
  assert.match(c.sources[0], /hằng quý trước ngày 18 của tháng cuối quý/);
  assert.equal(c.descriptions[1].vi, 'Hằng năm (từ ngày 15/12 năm trước đến ngày 14/12): đơn vị nộp chậm nhất ngày 18/12');
  // a document that states none: empty rules
  const fd = new FormData();
  fd.append('file', new Blob(['# Kế hoạch chuyển đổi số\n\nCác đơn vị thực hiện nghiêm túc.\n']), 'none.md');
  const n = await call('POST', '/api/v1/imports/preview', 'admin', fd);
  assert.equal(n.status, 200, n.text);
  assert.deepEqual(n.body.calendar.rules, []);
});

test('import: confirm sets the detected calendar, the changed one, or none', async () => {
  // detected
  let r = await call('POST', '/api/v1/imports', 'admin', planForm('\n'));
  assert.equal(r.status, 201, r.text.slice(0, 300));
  assert.equal(r.body.calendar.set, true);
  assert.equal(r.body.calendar.given, false);
  assert.deepEqual(r.body.calendar.rules, ['quarter:unit=18@last', 'year:unit=18/12']);
  let p = await periods(r.body.plan_id, 'admin', '?year=2026');
  assert.deepEqual(p.body.periods.map((x) => `${x.code} ${x.unit_due}`),
    ['2026-Q1 18/03/2026', '2026-Q2 18/06/2026', '2026-Q3 18/09/2026', '2026-Q4 18/12/2026', '2026 18/12/2026']);
  // changed in the form
  r = await call('POST', '/api/v1/imports', 'admin', planForm('\n\n', { calendar: 'month:unit=20+1\nyear:unit=05/12' }));
  assert.equal(r.status, 201, r.text.slice(0, 300));
  assert.equal(r.body.calendar.given, true);
  p = await periods(r.body.plan_id, 'admin', '?year=2026');
  assert.deepEqual(p.body.rules, ['month:unit=20+1', 'year:unit=05/12']);
  assert.equal(p.body.periods.length, 13);
  // the year (15/12/2025–14/12/2026) due 05/12: the import says so among its warnings
  assert.ok(r.body.warnings.some((w) => /Kỳ 2026: hạn đơn vị 05\/12\/2026 đến trước khi kỳ kết thúc \(14\/12\/2026\)/.test(w)),
    JSON.stringify(r.body.warnings));
  // cleared in the form
  r = await call('POST', '/api/v1/imports', 'admin', planForm('\n\n\n', { calendar: '' }));
  assert.equal(r.status, 201, r.text.slice(0, 300));
  assert.equal(r.body.calendar.set, false);
  p = await periods(r.body.plan_id, 'admin');
  assert.deepEqual(p.body.rules, []);
  assert.deepEqual(p.body.periods, []);
  // a bad rule in the form: 400 naming it, nothing stored
  const count = (await call('GET', '/api/v1/plans', 'admin')).body.plans.length;
  r = await call('POST', '/api/v1/imports', 'admin', planForm('\n\n\n\n', { calendar: 'quarter:unit=18@cuoi-quy' }));
  assert.equal(r.status, 400, r.text.slice(0, 300));
  assert.equal(r.body.error.field, 'calendar');
  assert.match(r.body.error.message, /18@cuoi-quy/);
  assert.equal((await call('GET', '/api/v1/plans', 'admin')).body.plans.length, count);
});
