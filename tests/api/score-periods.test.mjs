// score-periods.test.mjs — a quarter, half-year and year over a monthly
// calendar (app/scoring.h): GET /plans/:id/score/2026-Q3 answers (it was
// refused as "not in the calendar"), its figures are the months folded by
// each indicator's aggregation (last: the latest month's value), its
// completeness the sum of its months'; a year before the plan is still
// refused. Its own server on its own `dti demo` store, clock fixed.
import { test, before, after } from 'node:test';
import { testDb } from '../lib/db.mjs';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';

const ROOT = process.env.DTI_ROOT || '.';
const DTI = process.env.DTI || `${ROOT}/build/dti`;
const NOW = '2026-12-06T03:00:00Z';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dti-qper-'));
let server, BASE, cookie;

before(async () => {
  const db = testDb(path.join(tmp, 'q.db'));
  execFileSync(DTI, ['--db', db, 'demo'], { env: { ...process.env, DTI_NOW: NOW } });
  server = spawn(DTI, ['--db', db, 'serve', '--listen', '127.0.0.1:0', '--threads', '2'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DTI_NOW: NOW } });
  server.stderr.resume();
  BASE = await new Promise((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => reject(new Error('server did not start: ' + out)), 60000);
    server.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+/);
      if (m) { clearTimeout(t); resolve(m[0]); }
    });
  });
  const r = await fetch(BASE + '/api/v1/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: 'dieuphoi', password: 'demo-2026' }) });
  assert.equal(r.status, 200);
  cookie = r.headers.get('set-cookie').split(';')[0];
});

after(async () => {
  if (server) {
    const done = new Promise((r) => server.on('exit', r));
    server.kill('SIGTERM');
    await done;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function score(period, inputs) {
  const r = await fetch(`${BASE}/api/v1/plans/1/score/${period}${inputs ? '?inputs=1' : ''}`, { headers: { Cookie: cookie } });
  return { status: r.status, body: await r.json() };
}

test('a quarter of a monthly plan: the months folded, completeness summed', async () => {
  const q = await score('2026-Q3', true);
  assert.equal(q.status, 200, JSON.stringify(q.body));
  assert.deepEqual(q.body.completeness.parts, ['2026-07', '2026-08', '2026-09']);
  const months = await Promise.all(['2026-07', '2026-08', '2026-09'].map((m) => score(m)));
  for (const k of ['expected', 'received', 'on_time', 'late', 'missing']) {
    assert.equal(q.body.completeness[k], months.reduce((a, m) => a + m.body.completeness[k], 0), k);
  }
  const sep = months[2].body;
  for (const i of q.body.indicators.filter((x) => x.aggregation === 'last')) {
    const s = sep.indicators.find((x) => x.code === i.code);
    assert.equal(i.value, s.value, `${i.code}: the latest month's value`);
    assert.ok(!i.value_period || i.value_period <= '2026-09', `${i.code}: nothing after the quarter (${i.value_period})`);
  }
  assert.ok(q.body.observations === undefined);
  assert.ok(q.body.indicators.some((i) => i.observations?.some((o) => Number.isInteger(o.org_id))), 'observations name their org');
  assert.deepEqual(q.body.trend.map((p) => p.period), ['2026-Q1', '2026-Q2', '2026-Q3']);
  // each org once, with its counts over the three months
  const orgs = q.body.completeness.orgs;
  assert.equal(new Set(orgs.map((o) => o.org_id)).size, orgs.length);
  for (const o of orgs) assert.equal(o.on_time + o.late + o.missing + o.not_due, 3, o.org);
});

test('a half-year and the year answer; a year the calendar does not hold is refused', async () => {
  assert.equal((await score('2026-H1')).status, 200);
  const y = await score('2026');
  assert.equal(y.status, 200);
  assert.equal(y.body.completeness.parts.length, 12);
  const bad = await score('2025');
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.field, 'period');
});
