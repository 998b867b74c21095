// rankings.test.mjs — rankings of units, publishing a commune's index and the
// public ranking (no login), and the history (audit trail) of a report and an
// indicator: good input, bad input with Vietnamese messages, no session, no CSRF.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { BASE, req, assertError, VIETNAMESE, coordinatorSession } from './lib.mjs';
import { vnMonth } from '../lib/now.mjs';

const SHARED = process.env.SHARED || '../shared';
const ADMIN = process.env.DTI_ADMIN || 'admin';
const PASSWORD = process.env.DTI_ADMIN_PASSWORD || '';
const ORG = 'Trung tâm phục vụ Hành chính công';
// the current month: the plan's assignments start at its import
// the month of the pinned now in Vietnam (tests/lib/now.mjs), the server's too
const PERIOD = vnMonth();
let cookie, csrf, planId, base, coord;

const auth = (extra = {}) => ({ ...extra, headers: { Cookie: cookie, 'X-CSRF-Token': csrf, ...(extra.headers || {}) } });

before(async () => {
  const r = await req('/api/v1/login', { json: { login: ADMIN, password: PASSWORD } });
  assert.equal(r.status, 200, r.text);
  cookie = r.headers.get('set-cookie').split(';')[0];
  csrf = r.body.csrf_token;
  const fd = new FormData();
  fd.append('file', new Blob([fs.readFileSync(`${SHARED}/plans/minh-duc-2026-2030-dti.txt`), '\n\n\n']), 'minh-duc-rankings.txt');
  fd.append('plan', fs.readFileSync(`${SHARED}/plans/expected/minh-duc-2026-2030-dti.json`, 'utf8'));
  const imp = await fetch(BASE + '/api/v1/imports', auth({ method: 'POST', body: fd }));
  const body = await imp.json();
  assert.equal(imp.status, 201, JSON.stringify(body));
  planId = body.plan_id;
  base = `/api/v1/plans/${planId}/reports/${encodeURIComponent(ORG)}/${PERIOD}`;
  coord = await coordinatorSession({ cookie, csrf }, 'duyet.xephang');
});

test('units ranked by on-time rate and by achievement', async () => {
  for (const by of ['ontime', 'achievement']) {
    const r = await req(`/api/v1/plans/${planId}/rankings?period=${PERIOD}&by=${by}`, auth());
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.ranking, by === 'ontime' ? 'units_on_time' : 'units_achievement');
    assert.equal(r.body.period, PERIOD);
    assert.ok(r.body.rows.length >= 2, r.text.slice(0, 400));
    assert.ok(r.body.rows.some((w) => w.name === ORG), `${ORG} listed`);
    // ranks in order, the unranked (0) last
    const ranks = r.body.rows.map((w) => w.rank);
    const ranked = ranks.filter((k) => k > 0);
    assert.deepEqual(ranked, [...ranked].sort((a, b) => a - b));
    assert.ok(ranks.indexOf(0) < 0 || ranks.slice(ranks.indexOf(0)).every((k) => k === 0));
  }
});

test('rankings: bad input and no session', async () => {
  let e = assertError(await req(`/api/v1/plans/${planId}/rankings?period=${PERIOD}&by=height`, auth()), 400, 'bad_input');
  assert.equal(e.field, 'by');
  assert.match(e.message, VIETNAMESE);
  e = assertError(await req(`/api/v1/plans/${planId}/rankings?by=ontime`, auth()), 400, 'bad_input');
  assert.equal(e.field, 'period');
  assertError(await req(`/api/v1/plans/${planId}/rankings?period=2026-13`, auth()), 400, 'bad_input');
  assertError(await req(`/api/v1/plans/${planId}/rankings?period=${PERIOD}&by=communes&province=median`, auth()), 400, 'bad_input');
  assertError(await req(`/api/v1/plans/999999/rankings?period=${PERIOD}`, auth()), 404, 'not_found');
  assertError(await req(`/api/v1/plans/${planId}/rankings?period=${PERIOD}`), 401, 'unauthorized');
  e = assertError(await req(`/api/v1/plans/${planId}/rankings?period=${PERIOD}&by=x`, auth({ headers: { 'Accept-Language': 'en' } })), 400, 'bad_input');
  assert.doesNotMatch(e.message, VIETNAMESE);
});

test('publishing puts the commune on the public page', async () => {
  const before = await req('/api/v1/public/rankings');
  assert.equal(before.status, 200);
  assert.ok(Array.isArray(before.body.rankings));

  // an approved report gives the plan an index
  let r = await req(base, auth({ method: 'PUT', body: 'code,numerator,denominator,value\n4.1,45,60,75\n', headers: { 'Content-Type': 'text/csv' } }));
  assert.equal(r.status, 200, r.text);
  assert.equal((await req(base + '/submit', auth({ method: 'POST' }))).status, 200);
  // approved by the commune's coordinator: the admin filled and submitted it
  assert.equal((await req(base + '/approve', { method: 'POST', headers: { Cookie: coord.cookie, 'X-CSRF-Token': coord.csrf } })).status, 200);

  r = await req(`/api/v1/plans/${planId}/publish?period=${PERIOD}`, auth({ method: 'POST' }));
  assert.equal(r.status, 201, r.text);
  assert.equal(r.body.plan_id, planId);
  assert.equal(r.body.period, PERIOD);
  const score = await req(`/api/v1/plans/${planId}/score/${PERIOD}`, auth());
  assert.equal(score.status, 200);
  // the publication names its figure as every score is named (docs/scoring.md section 9)
  assert.ok(Math.abs(r.body.index - score.body.total.index) < 1e-6, 'the published index is the score\'s total (6 decimals there)');
  assert.equal(r.body.index_text, score.body.total.index_text);
  assert.ok(Math.abs(r.body.max - score.body.total.max) < 1e-6);
  assert.equal(r.body.maximum, undefined);

  const pub = await req('/api/v1/public/rankings');   // no cookie
  assert.equal(pub.status, 200, pub.text);
  assert.ok(pub.body.published_at >= r.body.published_at);
  const row = pub.body.rankings.find((w) => w.period === PERIOD && w.published_at === r.body.published_at);
  assert.ok(row, JSON.stringify(pub.body));
  assert.match(row.commune, /Minh Đức/);
  assert.deepEqual(Object.keys(row).sort(), ['commune', 'index', 'index_text', 'period', 'published_at', 'rank']);
  if (row.index !== null) {
    assert.equal(row.index_text, row.index.toFixed(4).replace('.', ','));
    assert.ok(row.rank >= 1);
  }
  // the publication is in the plan's audit trail (verified by the chain)
  const log = await req(`/api/v1/audit?entity=report&id=${(await req(base, auth())).body.id}`, auth());
  assert.equal(log.status, 200, log.text);
});

test('publish: bad input, no CSRF, no session', async () => {
  let e = assertError(await req(`/api/v1/plans/${planId}/publish`, auth({ method: 'POST' })), 400, 'bad_input');
  assert.equal(e.field, 'period');
  assert.match(e.message, VIETNAMESE);
  assertError(await req(`/api/v1/plans/${planId}/publish?period=2026-99`, auth({ method: 'POST' })), 400, 'bad_input');
  assertError(await req(`/api/v1/plans/999999/publish?period=${PERIOD}`, auth({ method: 'POST' })), 404, 'not_found');
  assertError(await req(`/api/v1/plans/${planId}/publish?period=${PERIOD}`, { method: 'POST', headers: { Cookie: cookie } }), 403, 'forbidden');
  assertError(await req(`/api/v1/plans/${planId}/publish?period=${PERIOD}`, { method: 'POST' }), 401, 'unauthorized');
});

test('history of a report and of an indicator', async () => {
  // a report of its own, filled twice: create, fill, fill
  const url = `/api/v1/plans/${planId}/reports/${encodeURIComponent(ORG)}/2026-04`;
  let r = await req(url, auth({ method: 'PUT', body: 'code,numerator,denominator,value\n4.1,45,60,75\n', headers: { 'Content-Type': 'text/csv' } }));
  assert.equal(r.status, 200, r.text);
  r = await req(url, auth({ method: 'PUT', body: 'code,numerator,denominator,value,note\n4.1,50,60,83.3,sửa lại\n', headers: { 'Content-Type': 'text/csv' } }));
  assert.equal(r.status, 200, r.text);
  const rep = await req(url, auth());
  assert.equal(rep.status, 200, rep.text);
  const id = rep.body.id;
  assert.ok(Number.isInteger(id), rep.text);

  const h = await req(`/api/v1/audit?entity=report&id=${id}`, auth());
  assert.equal(h.status, 200, h.text);
  assert.equal(h.body.entity, 'report');
  assert.equal(h.body.id, id);
  const acts = h.body.entries.map((x) => x.action);
  assert.ok(acts.includes('report.create'), acts.join());
  assert.ok(acts.filter((a) => a === 'report.fill').length >= 2, acts.join());
  for (const x of h.body.entries) {
    assert.equal(x.entity_id, String(id));
    assert.equal(x.user, ADMIN);
    assert.match(x.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  }
  const seqs = h.body.entries.map((x) => x.seq);
  assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b));
  const last = h.body.entries.filter((x) => x.action === 'report.fill').pop();
  assert.ok(last.before !== null && last.after !== null, 'before and after of a fill');
  assert.notDeepEqual(last.before, last.after);

  // an indicator (its id from the score): a history, possibly empty
  const sc = await req(`/api/v1/plans/${planId}/score/${PERIOD}`, auth());
  const ind = sc.body.indicators.find((x) => x.code === '4.1');
  assert.ok(ind && Number.isInteger(ind.id), 'indicator ids in the score');
  const hi = await req(`/api/v1/audit?entity=indicator&id=${ind.id}`, auth());
  assert.equal(hi.status, 200, hi.text);
  assert.ok(Array.isArray(hi.body.entries));
  assert.ok(hi.body.entries.every((x) => x.entity === 'indicator' && x.entity_id === String(ind.id)));
});

test('history: bad input and no session', async () => {
  let e = assertError(await req('/api/v1/audit?entity=plan&id=1', auth()), 400, 'bad_input');
  assert.equal(e.field, 'entity');
  assert.match(e.message, VIETNAMESE);
  e = assertError(await req('/api/v1/audit?entity=report&id=abc', auth()), 400, 'bad_input');
  assert.equal(e.field, 'id');
  assertError(await req('/api/v1/audit?entity=report', auth()), 400, 'bad_input');
  assertError(await req('/api/v1/audit?id=1', auth()), 400, 'bad_input');
  assertError(await req('/api/v1/audit?entity=report&id=-3', auth()), 400, 'bad_input');
  e = assertError(await req('/api/v1/audit?entity=task&id=99999999', auth()), 404, 'not_found');
  assert.match(e.message, VIETNAMESE);
  assertError(await req('/api/v1/audit?entity=report&id=1'), 401, 'unauthorized');
});

// Issue 9, point 5: communes ranked fairly. Every row carries completeness
// (reported / expected) beside its index and names the plan it was ranked
// with; the province figure is sum.index (the web page reads it); a commune
// with a 2026 plan beside its 2026–2030 plan is ranked, for 2026, with the
// plan made for that year, and for 2027 with the one that covers 2027.
test('communes: completeness beside every index, the plan ranked named, the plan that covers the period', async () => {
  const plan = JSON.parse(fs.readFileSync(`${SHARED}/plans/expected/minh-duc-2026-2030-dti.json`, 'utf8'));
  plan.title = 'Kế hoạch chuyển đổi số trên địa bàn xã Minh Đức năm 2026';
  for (const i of plan.indicators) i.targets = i.targets.filter((t) => t.year === 2026);
  plan.indicators = plan.indicators.filter((i) => i.targets.length);
  const fd = new FormData();
  fd.append('file', new Blob([fs.readFileSync(`${SHARED}/plans/minh-duc-2026-2030-dti.txt`), '\n\nKế hoạch năm 2026.\n']),
    'minh-duc-2026-only.txt');
  fd.append('plan', JSON.stringify(plan));
  const imp = await fetch(BASE + '/api/v1/imports', auth({ method: 'POST', body: fd }));
  const ib = await imp.json();
  assert.equal(imp.status, 201, JSON.stringify(ib).slice(0, 400));
  const only2026 = ib.plan_id;

  const r = await req(`/api/v1/plans/${planId}/rankings?period=2026-Q2&by=communes`, auth());
  assert.equal(r.status, 200, r.text.slice(0, 400));
  assert.ok(r.body.rows.length >= 1);
  for (const w of r.body.rows) {
    if (w.plan_id === null) continue;
    const c = w.completeness;
    assert.ok(c && Number.isInteger(c.reported) && Number.isInteger(c.expected) && c.reported <= c.expected, JSON.stringify(w));
    assert.deepEqual(c, w.sum.completeness);
    assert.equal(typeof w.plan, 'string');
    // no data scores 0 out of its maximum: the index is points over every expected maximum
    if (w.index !== null) assert.ok(Math.abs(w.index - w.sum.points / w.sum.max) < 1e-9);
    assert.equal(w.sum.counted, c.expected);
    assert.equal(w.sum.nodata, c.expected - c.reported);
  }
  const md = r.body.rows.find((w) => w.name === 'Minh Đức');
  assert.ok(md, 'Minh Đức ranked: ' + r.text.slice(0, 300));
  assert.equal(md.plan_id, only2026, 'the plan made for 2026');
  assert.match(md.plan, /năm 2026/);
  // the province figure the page shows is sum.index (not sum.value)
  assert.equal(typeof r.body.province.sum.index, 'number');
  assert.equal(r.body.province.sum.value, undefined);
  const withIndex = r.body.rows.filter((w) => w.index !== null);
  const mean = withIndex.reduce((s, w) => s + w.index, 0) / withIndex.length;
  assert.ok(Math.abs(r.body.province.sum.index - mean) < 1e-9, 'mean of the communes');
  // the province's completeness counts communes: those with an index over those listed
  assert.deepEqual([r.body.province.sum.completeness.reported, r.body.province.sum.completeness.expected],
    [withIndex.length, r.body.rows.length]);

  const r27 = await req(`/api/v1/plans/${planId}/rankings?period=2027-Q2&by=communes`, auth());
  assert.equal(r27.status, 200, r27.text.slice(0, 400));
  const md27 = r27.body.rows.find((w) => w.name === 'Minh Đức');
  assert.ok(md27 && md27.plan_id !== null && md27.plan_id !== only2026, 'for 2027 a plan that covers 2027');
  assert.match(md27.plan, /2026 - 2030/);
});
