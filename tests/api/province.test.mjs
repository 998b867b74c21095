// province.test.mjs — the province's home (issue 12, point 4; src/app/
// province/, docs/province.md) over a generated province of 24 communes
// (tests/lib/province.mjs), at the pinned now: the figures are the score
// wing's (the same as each commune's own score), the commune's own report
// is judged against its deadline, the not-reported list carries contacts,
// one indicator is compared by code AND name, one point table is applied to
// every commune's plan, and nobody sees a province outside their scope.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { provinceServer, login } from '../lib/province.mjs';
import { VIETNAMESE } from './lib.mjs';

const ROOT = process.env.DTI_ROOT || process.cwd();
const N = 24;
let P, URL0, gen;
const s = {};

async function call(method, p, who, body, headers = {}) {
  const h = { ...headers };
  if (who) { h.Cookie = s[who].cookie; if (method !== 'GET') h['X-CSRF-Token'] = s[who].csrf; }
  const r = await fetch(URL0 + p, { method, headers: h, body });
  const text = await r.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* a file */ }
  return { status: r.status, body: json, text, headers: r.headers };
}
const get = (p, who) => call('GET', p, who);
const json = (method, p, who, obj) => call(method, p, who, JSON.stringify(obj), { 'Content-Type': 'application/json' });

before(async () => {
  P = await provinceServer(N);
  URL0 = P.url;
  gen = P.gen;
  for (const who of ['admin', 'sokhcn', 'tinh']) s[who] = await login(URL0, who);
});

after(async () => { if (P) await P.stop(); });

const home = async (who = 'tinh', period = gen.period) => {
  const r = await get(`/api/v1/provinces/${gen.province}/home?period=${period}`, who);
  assert.equal(r.status, 200, r.text.slice(0, 400));
  return r.body;
};

test('the generator made the province asked for', () => {
  assert.equal(gen.communes, N);
  assert.ok(gen.reports > N, JSON.stringify(gen));
  assert.ok(gen.exports > 0 && gen.exports < N, JSON.stringify(gen));
  assert.ok(gen.renamed > 0 && gen.renamed < N, JSON.stringify(gen));
});

test('a province user opens its province only; the home lists every commune with its figures', async () => {
  const l = await get('/api/v1/provinces', 'tinh');
  assert.equal(l.status, 200, l.text);
  assert.deepEqual(l.body.provinces.map((p) => p.id), [gen.province]);
  assert.equal(l.body.provinces[0].communes, N);
  const h = await home();
  assert.equal(h.communes.length, N);
  assert.equal(h.period, gen.period);
  assert.match(h.province.name, VIETNAMESE);
  // rank order: ranked communes first, index not rising, ranks 1.. with ties sharing
  const ranked = h.communes.filter((c) => c.rank !== null);
  assert.ok(ranked.length >= N - 1);
  for (let i = 1; i < ranked.length; i++) {
    assert.ok(ranked[i].index <= ranked[i - 1].index + 1e-12, 'index order');
    assert.ok(ranked[i].rank >= ranked[i - 1].rank);
    if (ranked[i].index < ranked[i - 1].index - 1e-6) assert.equal(ranked[i].rank, i + 1, 'competition ranking');
  }
  // change since last period is the difference of the two indices
  for (const c of h.communes) {
    if (c.change !== null) assert.ok(Math.abs(c.change - (c.index - c.previous_index)) < 1e-9, c.name);
    assert.ok(c.completeness.reported <= c.completeness.expected);
    assert.ok(['on_time', 'late', 'missing', 'not_due', 'no_deadline', 'no_plan'].includes(c.report.state), c.report.state);
    assert.equal(c.reported, c.report.state === 'on_time' || c.report.state === 'late');
  }
  // the summary counts what the rows say
  assert.equal(h.summary.communes, N);
  assert.equal(h.summary.reported, h.communes.filter((c) => c.reported).length);
  assert.equal(h.summary.reported, gen.exports);
  assert.equal(h.summary.not_reported, N - gen.exports);
  assert.deepEqual(new Set(h.not_reported), new Set(h.communes.filter((c) => !c.reported).map((c) => c.org_id)));
  assert.equal(h.summary.late, h.communes.filter((c) => ['late', 'missing'].includes(c.report.state)).length);
  assert.equal(h.summary.at_risk_communes, h.communes.filter((c) => c.at_risk > 0).length);
  // the three states the generator plays are all there, with the deadline the calendar gives (20th of the month after)
  const states = new Set(h.communes.map((c) => c.report.state));
  for (const st of ['on_time', 'late', 'missing']) assert.ok(states.has(st), `${st} in ${[...states]}`);
  const late = h.communes.find((c) => c.report.state === 'late');
  assert.ok(late.report.late_days >= 1 && /^\d{2}\/\d{2}\/\d{4}$/.test(late.report.due), JSON.stringify(late.report));
  assert.match(late.report.label, /trễ \d+ ngày/);
  // the province figure is the mean of the communes' indices (the stated mode)
  const withIndex = h.communes.filter((c) => c.index !== null);
  const mean = withIndex.reduce((a, c) => a + c.index, 0) / withIndex.length;
  assert.ok(Math.abs(h.province_index.index - mean) < 1e-9);
  assert.match(h.province_index.index_text, /^0,\d{4}$/);
});

test('each commune\'s index on the home is its own score (one computation)', async () => {
  const h = await home();
  for (const c of h.communes.slice(0, 6)) {
    const r = await get(`/api/v1/plans/${c.plan_id}/score/${gen.period}`, 'tinh');
    assert.equal(r.status, 200, r.text.slice(0, 300));
    assert.ok(Math.abs(r.body.total.index - c.index) < 1e-6, `${c.name}: ${r.body.total.index} vs ${c.index}`);
    assert.equal(r.body.at_risk.length, c.at_risk, c.name);
  }
});

test('the communes that have not reported carry their contact (the commune\'s coordinator)', async () => {
  let h = await home();
  const miss = h.communes.find((c) => !c.reported);
  assert.equal(miss.contacts, null, 'no coordinator yet');
  const u = await json('POST', '/api/v1/users', 'admin', { login: 'dieuphoi-x', display: 'Phòng Văn hóa - Xã hội xã ' + miss.name,
    role: 'coordinator', org_id: miss.org_id, password: 'mat-khau-dieuphoi' });
  assert.equal(u.status, 201, u.text);
  h = await home();
  const again = h.communes.find((c) => c.org_id === miss.org_id);
  assert.deepEqual(again.contacts, [{ name: 'dieuphoi-x', display: 'Phòng Văn hóa - Xã hội xã ' + miss.name }]);
});

test('one indicator across communes: matched by code AND name', async () => {
  const l = await get(`/api/v1/provinces/${gen.province}/indicators?period=${gen.period}`, 'tinh');
  assert.equal(l.status, 200, l.text);
  const i11 = l.body.indicators.filter((x) => x.code === '1.1');
  const orig = i11.find((x) => x.name === 'Tỷ lệ phủ sóng 5G trên dân số');
  assert.equal(orig.communes, N - gen.renamed, 'the renamed 1.1 is another indicator');
  const other = i11.find((x) => x !== orig);
  assert.equal(other.communes, gen.renamed);
  const i12 = l.body.indicators.find((x) => x.code === '1.2');
  assert.equal(i12.communes, N);
  const r = await get(`/api/v1/provinces/${gen.province}/compare?period=${gen.period}&code=1.1&name=${encodeURIComponent(orig.name)}`, 'tinh');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.communes.length, N);
  assert.equal(r.body.communes.filter((c) => c.matched).length, N - gen.renamed);
  assert.equal(r.body.unit, '%');
  const m = r.body.communes.filter((c) => c.matched && c.achievement !== null);
  for (let i = 1; i < m.length; i++) assert.ok(m[i].achievement <= m[i - 1].achievement, 'highest achievement first');
  for (const c of r.body.communes.filter((x) => !x.matched)) assert.equal(c.value, null);
  const bad = await get(`/api/v1/provinces/${gen.province}/compare?period=${gen.period}&code=1.1`, 'tinh');
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.field, 'name');
});

test('one point table for the whole province: loaded once, every commune scored by it', async () => {
  const csv = fs.readFileSync(path.join(ROOT, 'samples/index-hoa-binh.csv'));
  // a viewer may not load it
  let r = await call('POST', `/api/v1/provinces/${gen.province}/index-table?name=bo-chi-so.csv`, 'tinh', csv, { 'Content-Type': 'text/csv' });
  assert.equal(r.status, 403, r.text);
  // a bad file stores nothing and names the line and column
  const broken = Buffer.from(csv.toString('utf8').replace('1.2,1,Hạ tầng số,Tỷ lệ hộ gia đình có cáp quang băng rộng,20,', '1.2,1,Hạ tầng số,Tỷ lệ hộ gia đình có cáp quang băng rộng,hai mươi,'));
  r = await call('POST', `/api/v1/provinces/${gen.province}/index-table?name=bo-chi-so.csv`, 'sokhcn', broken, { 'Content-Type': 'text/csv' });
  assert.equal(r.status, 400, r.text);
  assert.match(r.body.error.message, /dòng 3, cột 5/);
  assert.equal((await home()).table, null, 'nothing stored');
  r = await call('POST', `/api/v1/provinces/${gen.province}/index-table?name=bo-chi-so.csv`, 'sokhcn', csv, { 'Content-Type': 'text/csv' });
  assert.equal(r.status, 201, r.text.slice(0, 400));
  assert.equal(r.body.criteria, 13);
  assert.equal(r.body.max_total, 210);
  assert.equal(r.body.plans, N);
  const unmatched = r.body.communes.filter((c) => c.unmatched.length);
  assert.equal(unmatched.length, gen.renamed, 'the renamed 1.1 is not read by criterion 1.1');
  for (const c of unmatched) assert.deepEqual(c.unmatched, ['1.1']);
  const h = await home();
  assert.equal(h.table, 'bo-chi-so.csv');
  for (const c of h.communes.slice(0, 5)) {
    assert.equal(c.table, 'bo-chi-so.csv');
    const sc = await get(`/api/v1/plans/${c.plan_id}/score/${gen.period}`, 'tinh');
    assert.equal(sc.body.table.name, 'bo-chi-so.csv');
    assert.ok(Math.abs(sc.body.total.index - c.index) < 1e-6, 'the home shows the table\'s figures');
    assert.equal(sc.body.total.max, 210, 'one yardstick: the same maximum for every commune');
    assert.equal(c.completeness.expected, sc.body.total.counted);
  }
});

test('the province summary exports as Excel for the province user', async () => {
  const r = await get(`/api/v1/provinces/${gen.province}/export/${gen.period}?format=xlsx`, 'tinh');
  assert.equal(r.status, 200, r.text.slice(0, 200));
  assert.match(r.headers.get('content-type'), /spreadsheetml/);
});

test('the home as a workbook: every commune, those not reported, the indicator compared; audited', async () => {
  const h = await home();
  const name = 'Tỷ lệ hộ gia đình có đường Internet cáp quang băng rộng';
  const r = await fetch(`${URL0}/api/v1/provinces/${gen.province}/workbook?period=${gen.period}&code=1.2&name=${encodeURIComponent(name)}`,
    { headers: { Cookie: s.tinh.cookie } });
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /spreadsheetml/);
  assert.match(r.headers.get('content-disposition'), new RegExp(`trang-tinh-${gen.province}-${gen.period}\\.xlsx`));
  const bytes = Buffer.from(await r.arrayBuffer());
  assert.equal(bytes.subarray(0, 2).toString(), 'PK');
  // the sheets' text: unzip the shared strings with the system's unzip
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dti-wb-'));
  try {
    fs.writeFileSync(path.join(dir, 'w.xlsx'), bytes);
    const strings = execFileSync('unzip', ['-p', path.join(dir, 'w.xlsx'), 'xl/sharedStrings.xml'], { encoding: 'utf8' });
    const book = execFileSync('unzip', ['-p', path.join(dir, 'w.xlsx'), 'xl/workbook.xml'], { encoding: 'utf8' });
    for (const sheet of ['Các xã', 'Chưa báo cáo', 'So sánh chỉ tiêu']) assert.ok(book.includes(`name="${sheet}"`), sheet);
    for (const c of h.communes) assert.ok(strings.includes(c.name), c.name);
    assert.ok(strings.includes(`CÁC XÃ CHƯA BÁO CÁO (${h.summary.not_reported})`));
    assert.ok(strings.includes(name));
    const props = execFileSync('unzip', ['-p', path.join(dir, 'w.xlsx'), 'docProps/custom.xml'], { encoding: 'utf8' });
    assert.match(props, /dti\.audit_head[\s\S]*\d+-[0-9a-f]{16}/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const log = await get(`/api/v1/audit?entity=org&id=${gen.province}`, 'admin');
  if (log.status === 200) assert.ok(log.body.entries.some((x) => x.action === 'export.province_home'), log.text.slice(0, 300));
  // a commune's user cannot take it either
  const no = await get(`/api/v1/provinces/${gen.province}/workbook?period=${gen.period}`, null);
  assert.equal(no.status, 401);
});

test('bad input: a period, a province that is none, a missing one', async () => {
  let r = await get(`/api/v1/provinces/${gen.province}/home?period=thang-10`, 'tinh');
  assert.equal(r.status, 400);
  assert.equal(r.body.error.field, 'period');
  assert.match(r.body.error.message, VIETNAMESE);
  r = await get(`/api/v1/provinces/${gen.province}/home`, 'tinh');
  assert.equal(r.status, 400);
  const h = await home();
  r = await get(`/api/v1/provinces/${h.communes[0].org_id}/home?period=${gen.period}`, 'admin');
  assert.equal(r.status, 400, 'a commune is not a province');
  r = await get(`/api/v1/provinces/99999/home?period=${gen.period}`, 'admin');
  assert.equal(r.status, 404);
  r = await get(`/api/v1/provinces/${gen.province}/home?period=${gen.period}`, null);
  assert.equal(r.status, 401);
});

test('permissions: a commune\'s user sees no province; another province\'s user not this one', async () => {
  const h = await home();
  const [a, b] = h.communes;
  for (const [loginName, role] of [['xem-xa', 'viewer'], ['dieuphoi-xa', 'coordinator']]) {
    const u = await json('POST', '/api/v1/users', 'admin', { login: loginName, display: loginName, role, org_id: a.org_id, password: 'mat-khau-' + loginName });
    assert.equal(u.status, 201, u.text);
    s[loginName] = await login(URL0, loginName, 'mat-khau-' + loginName);
    const l = await get('/api/v1/provinces', loginName);
    assert.deepEqual(l.body.provinces, [], 'no province for a commune user');
    for (const p of [`/home?period=${gen.period}`, `/indicators?period=${gen.period}`,
      `/compare?period=${gen.period}&code=1.2&name=x`]) {
      const r = await get(`/api/v1/provinces/${gen.province}${p}`, loginName);
      assert.equal(r.status, 404, `${loginName} ${p}: ${r.text.slice(0, 200)}`);
      assert.doesNotMatch(r.text, new RegExp(b.name), 'no other commune named');
    }
    const t = await call('POST', `/api/v1/provinces/${gen.province}/index-table`, loginName, 'a,b\n', { 'Content-Type': 'text/csv' });
    assert.equal(t.status, 404, t.text);
    // its own commune's score stays its own; another commune's is hidden
    assert.equal((await get(`/api/v1/plans/${a.plan_id}/score/${gen.period}`, loginName)).status, 200);
    assert.equal((await get(`/api/v1/plans/${b.plan_id}/score/${gen.period}`, loginName)).status, 404);
  }
  // a second province (another document naming another province), with its own viewer
  const text = fs.readFileSync(path.join(ROOT, 'samples/hoa-binh-2026.md'), 'utf8')
    .replaceAll('Hòa Bình', 'Tân Lập').replaceAll('HÒA BÌNH', 'TÂN LẬP').replaceAll('Bình Nguyên', 'Sơn Hà');
  const fd = new FormData();
  fd.append('file', new Blob([text]), 'tan-lap.md');
  const imp = await call('POST', '/api/v1/imports', 'admin', fd);
  assert.equal(imp.status, 201, imp.text.slice(0, 300));
  const all = await get('/api/v1/provinces', 'admin');
  assert.equal(all.body.provinces.length, 2, 'an admin opens every province');
  const other = all.body.provinces.find((p) => p.id !== gen.province);
  assert.equal(other.name, 'Sơn Hà');
  const v = await json('POST', '/api/v1/users', 'admin', { login: 'tinh-son-ha', display: 'Sở KH&CN Sơn Hà', role: 'viewer', org_id: other.id, password: 'mat-khau-son-ha' });
  assert.equal(v.status, 201, v.text);
  s.sonha = await login(URL0, 'tinh-son-ha', 'mat-khau-son-ha');
  assert.deepEqual((await get('/api/v1/provinces', 'sonha')).body.provinces.map((p) => p.id), [other.id]);
  assert.equal((await get(`/api/v1/provinces/${gen.province}/home?period=${gen.period}`, 'sonha')).status, 404);
  assert.equal((await get(`/api/v1/provinces/${other.id}/home?period=${gen.period}`, 'tinh')).status, 404);
  const own = await get(`/api/v1/provinces/${other.id}/home?period=${gen.period}`, 'sonha');
  assert.equal(own.status, 200, own.text);
  assert.deepEqual(own.body.communes.map((c) => c.name), ['Tân Lập']);
});
