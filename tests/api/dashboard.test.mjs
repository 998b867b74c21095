// dashboard.test.mjs — what the dashboard reads besides the figures of the
// period: the trend of the plan's index over the year's periods of the same
// kind (GET /api/v1/plans/:id/score/:period → "trend"), checked against the
// score of each of those periods asked for on its own, never against
// figures written here. Its own server on its own `dti demo` store (three
// months of approved reports, a monthly calendar).
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
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dti-dash-'));
const DB = testDb(path.join(tmp, 'dash.db'));
let server, BASE, cookie;

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
  const r = await fetch(BASE + '/api/v1/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: 'dieuphoi', password: 'demo-2026' }) });
  assert.equal(r.status, 200, await r.text());
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

async function score(plan, period) {
  const r = await fetch(`${BASE}/api/v1/plans/${plan}/score/${period}`, { headers: { Cookie: cookie } });
  const text = await r.text();
  assert.equal(r.status, 200, `${period}: ${text}`);
  return JSON.parse(text);
}

test('the trend holds the year\'s months up to the period, each the index that period has alone', async () => {
  const s = await score(1, '2026-10');
  assert.ok(Array.isArray(s.trend), 'trend in ' + Object.keys(s).join());
  const periods = s.trend.map((p) => p.period);
  assert.ok(periods.length >= 3, periods.join());
  assert.ok(periods.every((p) => /^2026-(0[1-9]|1[0-2])$/.test(p)), 'months of 2026: ' + periods.join());
  assert.deepEqual(periods, [...periods].sort(), 'oldest first');
  assert.equal(periods.at(-1), '2026-10', 'ends at the period asked');
  assert.equal(s.trend.at(-1).index, s.total.index, 'its last point is the period\'s index');
  const withData = s.trend.filter((p) => p.index !== null);
  assert.ok(withData.length >= 3, 'the demo approved three months: ' + JSON.stringify(s.trend));
  for (const p of s.trend.slice(0, -1)) {
    const alone = await score(1, p.period);
    assert.equal(p.index, alone.total.index, `${p.period}: trend ${p.index} vs its own score ${alone.total.index}`);
    assert.equal(p.counted, alone.total.counted, `${p.period}: indicators counted`);
  }
});

test('the trend of the first month is that month alone', async () => {
  const s = await score(1, '2026-10');
  const first = s.trend[0].period;
  const f = await score(1, first);
  assert.deepEqual(f.trend.map((p) => p.period), [first]);
});

test('the dashboard\'s view leaves out the observations; ?inputs=1 gives them, the rest the same', async () => {
  const view = await score(1, '2026-10');
  const full = await score(1, '2026-10?inputs=1');
  assert.ok(view.indicators.length > 0 && view.indicators.length === full.indicators.length);
  assert.ok(view.indicators.every((i) => !('observations' in i)), 'no observations in the view');
  assert.ok(full.indicators.some((i) => Array.isArray(i.observations) && i.observations.length > 0), 'observations with inputs=1');
  const strip = (s) => ({ ...s, indicators: s.indicators.map(({ observations, ...rest }) => rest) });
  assert.deepEqual(strip(full), view, 'every other field the same');
  const bad = await fetch(`${BASE}/api/v1/plans/1/score/2026-10?inputs=yes`, { headers: { Cookie: cookie } });
  const body = await bad.json();
  assert.equal(bad.status, 400);
  assert.equal(body.error.field, 'inputs');
});

// One vocabulary for a score (docs/scoring.md section 9): the plan's score is
// "total", and it, each group and each period of the trend carry the same keys
// as the table view, the communes' ranking and the public page.
const SCORE_KEYS = ['completeness', 'counted', 'index', 'index_text', 'max', 'nodata', 'points', 'zero_max'];
test('one vocabulary: total, groups and trend name a score as every answer does', async () => {
  const s = await score(1, '2026-10');
  assert.equal(s.plan, undefined, 'no "plan" score beside "total"');
  assert.deepEqual(Object.keys(s.total).sort(), SCORE_KEYS);
  for (const g of s.groups) assert.deepEqual(Object.keys(g).filter((k) => k !== 'code' && k !== 'name').sort(), SCORE_KEYS, g.code);
  for (const p of s.trend) assert.deepEqual(Object.keys(p).filter((k) => k !== 'period').sort(), SCORE_KEYS, p.period);
  assert.match(s.total.index_text, /^\d,\d{4}$/);
  assert.equal(s.total.index_text, s.total.index.toFixed(4).replace('.', ','));
  const none = s.trend.find((p) => p.index === null);
  if (none) assert.equal(none.index_text, null, 'no index, no text');
});
