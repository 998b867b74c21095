// importfix.test.mjs — correcting an import before confirming it (issue 4):
// the coordinator links a unit name the matcher missed to an existing unit
// (the multipart field `units`), and confirms a corrected plan (`plan`, with
// a target retyped as words).
//
// Its own server on its own database, as authz.test.mjs: `dti demo` (xã Hòa
// Bình with its units, its coordinator `dieuphoi`), then the plan of xã Vĩnh
// Trụ (another commune: its units are foreign to Hòa Bình). The documents
// uploaded are the demo's sample with another number and one unit spelled so
// no rule matches it ("Ph. VHXH xã" for Phòng Văn hóa - Xã hội).
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
const ODD = 'Ph. VHXH xã';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dti-importfix-'));
const DB = testDb(path.join(tmp, 'importfix.db'));
let server, BASE;
const S = {};       // user → {cookie, csrf}
const ORG = {};     // name → id (admin's view)

function dti(args, env = {}) {
  return execFileSync(DTI, ['--db', DB, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
}

// The demo's sample as another plan of Hòa Bình: number NUM, the lead of
// indicator 1.1 spelled ODD (and, with TASK, the lead of task 2 too).
function doc(num, task = false) {
  let s = fs.readFileSync(`${ROOT}/samples/hoa-binh-2026.md`, 'utf8').replaceAll('17/KH-UBND', `${num}/KH-UBND`);
  s = s.replace('| 1.1 | Tỷ lệ phủ sóng 5G trên dân số | Phòng VH-XH |', `| 1.1 | Tỷ lệ phủ sóng 5G trên dân số | ${ODD} |`);
  if (task) s = s.replace('| 2 | Kiện toàn Tổ công nghệ số cộng đồng ở các thôn. | Phòng VH-XH |', `| 2 | Kiện toàn Tổ công nghệ số cộng đồng ở các thôn. | ${ODD} |`);
  return Buffer.from(s);
}

async function login(user) {
  const r = await fetch(BASE + '/api/v1/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: user, password: PW }) });
  const body = await r.json();
  assert.equal(r.status, 200, JSON.stringify(body));
  return { cookie: r.headers.get('set-cookie').split(';')[0], csrf: body.csrf_token };
}

async function call(method, p, user, body) {
  const headers = { Cookie: S[user].cookie };
  if (method !== 'GET') headers['X-CSRF-Token'] = S[user].csrf;
  const r = await fetch(BASE + p, { method, headers, body });
  const text = await r.text();
  let j = null;
  try { j = JSON.parse(text); } catch { /* not JSON */ }
  return { status: r.status, text, body: j };
}

// POST a multipart form: PARTS [name, value, filename?].
function form(p, user, parts) {
  const fd = new FormData();
  for (const [name, value, filename] of parts) {
    if (filename) fd.append(name, new Blob([value]), filename);
    else fd.append(name, value);
  }
  return call('POST', p, user, fd);
}

// the plans the admin sees (GET /api/v1/plans answers {plans: [...]}; reading
// .length of the object gave NaN, and NaN equals NaN: every "nothing stored"
// check of this file passed vacuously until the gaps session fixed it)
const planCount = async () => {
  const n = (await call('GET', '/api/v1/plans', 'admin')).body.plans.length;
  assert.ok(Number.isInteger(n));
  return n;
};
const orgCount = async () => (await call('GET', '/api/v1/orgs', 'admin')).body.orgs.length;

before(async () => {
  dti(['demo'], { DTI_NOW: '2026-11-23T03:00:00Z' });
  dti(['--as', 'admin', 'import', `${SHARED}/plans/vinh-tru-2026.txt`]);
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
  S.admin = await login('admin');
  S.dieuphoi = await login('dieuphoi');
  const orgs = (await call('GET', '/api/v1/orgs', 'admin')).body.orgs;
  const hb = orgs.find((o) => o.name === 'Hòa Bình' && o.kind === 'commune');
  const vt = orgs.find((o) => o.name === 'Vĩnh Trụ' && o.kind === 'commune');
  assert.ok(hb && vt, 'both communes');
  ORG.commune = hb.id;
  ORG.province = hb.parent_id;
  ORG.vhxh = orgs.find((o) => o.name === 'Phòng Văn hóa - Xã hội' && o.parent_id === hb.id).id;
  ORG.foreign = orgs.find((o) => o.parent_id === vt.id && o.kind === 'unit').id;
  assert.ok(ORG.vhxh && ORG.foreign && ORG.province);
});

after(async () => {
  if (server) {
    const done = new Promise((r) => server.on('exit', r));
    server.kill('SIGTERM');
    await done;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('units: a foreign, a non-unit, a missing org or an unknown name is refused naming `units`, nothing stored', async () => {
  const pv = await form('/api/v1/imports/preview', 'dieuphoi', [['file', doc(18), 'kh-18.md']]);
  assert.equal(pv.status, 200, pv.text);
  const odd = pv.body.matches.find((m) => m.name === ODD);
  assert.equal(odd.how, 'new', 'the matcher misses the odd spelling');
  assert.equal(pv.body.commune_id, ORG.commune, 'the preview names the known commune');
  const plans = await planCount();
  const orgs = await orgCount();
  for (const [units, why] of [
    [{ [ODD]: ORG.foreign }, 'a unit of another commune'],
    [{ [ODD]: ORG.commune }, 'the commune itself'],
    [{ [ODD]: ORG.province }, 'the province'],
    [{ [ODD]: 987654 }, 'no such org'],
    [{ 'Phòng không có': ORG.vhxh }, 'a name the plan does not use'],
    [{ 'Các thôn': ORG.vhxh }, 'a collective name'],
    [{ [ODD]: 'một' }, 'not an id'],
    [[ORG.vhxh], 'not an object'],
  ]) {
    const r = await form('/api/v1/imports', 'dieuphoi', [['file', doc(18), 'kh-18.md'], ['units', JSON.stringify(units)]]);
    assert.equal(r.status, 400, `${why}: ${r.text}`);
    assert.equal(r.body.error.field, 'units', why);
    const name = Array.isArray(units) ? null : Object.keys(units)[0];
    if (name) assert.ok(r.body.error.message.includes(name), `${why}: the message names "${name}": ${r.body.error.message}`);
    assert.ok(!r.text.includes('Vĩnh Trụ'), `${why}: nothing of the foreign commune is told`);
  }
  // a foreign org and a missing one are answered alike (but for the id)
  const a = await form('/api/v1/imports', 'dieuphoi', [['file', doc(18), 'kh-18.md'], ['units', JSON.stringify({ [ODD]: ORG.foreign })]]);
  const b = await form('/api/v1/imports', 'dieuphoi', [['file', doc(18), 'kh-18.md'], ['units', JSON.stringify({ [ODD]: 987654 })]]);
  assert.equal(a.body.error.message.replace(String(ORG.foreign), 'N'), b.body.error.message.replace('987654', 'N'));
  assert.equal(await planCount(), plans, 'no plan stored');
  assert.equal(await orgCount(), orgs, 'no org created');
  const again = await form('/api/v1/imports/preview', 'dieuphoi', [['file', doc(18), 'kh-18.md']]);
  assert.equal(again.body.matches.find((m) => m.name === ODD).how, 'new', 'no alias recorded');
});

test('units: a chosen unit links the name, records the alias (audited); the next document matches it by itself', async () => {
  const r = await form('/api/v1/imports', 'dieuphoi', [['file', doc(18), 'kh-18.md'], ['units', JSON.stringify({ [ODD]: ORG.vhxh })]]);
  assert.equal(r.status, 201, r.text);
  const m = r.body.matches.find((x) => x.name === ODD);
  assert.equal(m.how, 'chosen');
  assert.equal(m.org_id, ORG.vhxh);
  assert.equal(m.org_name, 'Phòng Văn hóa - Xã hội');
  assert.equal(r.body.units_new, 0, 'no duplicate unit made');
  // the plan keeps the name as written, and its lead is the chosen org
  const plan = (await call('GET', `/api/v1/plans/${r.body.plan_id}`, 'dieuphoi')).body;
  assert.deepEqual(plan.indicators.find((i) => i.code === '1.1').lead, [ODD]);
  const asg = (await call('GET', `/api/v1/plans/${r.body.plan_id}/assignments`, 'dieuphoi')).body;
  const item = asg.items.find((i) => i.kind === 'indicator' && i.code === '1.1');
  assert.ok(JSON.stringify(item).includes(`"id":${ORG.vhxh}`) || JSON.stringify(item).includes(`"org_id":${ORG.vhxh}`),
    'the lead is the chosen org: ' + JSON.stringify(item));
  // audited under the org
  const au = dti(['--as', 'admin', 'audit', 'log', '--entity', 'org', String(ORG.vhxh), '--json']);
  assert.ok(au.includes('org.alias') && au.includes(ODD), 'org.alias in ' + au.slice(0, 600));
  assert.match(dti(['--as', 'admin', 'audit', 'verify']), /./);
  // another document with the same spelling (in another row too): matched without a choice
  const pv = await form('/api/v1/imports/preview', 'dieuphoi', [['file', doc(19, true), 'kh-19.md']]);
  assert.equal(pv.status, 200, pv.text);
  assert.equal(pv.body.matches.find((x) => x.name === ODD).how, 'matched');
  const c = await form('/api/v1/imports', 'dieuphoi', [['file', doc(19, true), 'kh-19.md']]);
  assert.equal(c.status, 201, c.text);
  const m2 = c.body.matches.find((x) => x.name === ODD);
  assert.equal(m2.how, 'matched');
  assert.equal(m2.org_id, ORG.vhxh);
  assert.equal(c.body.units_new, 0);
});

test('plan: a corrected plan (a name, a retyped target, a row removed) is stored and exported as sent', async () => {
  const pv = await form('/api/v1/imports/preview', 'dieuphoi', [['file', doc(20), 'kh-20.md']]);
  assert.equal(pv.status, 200, pv.text);
  const p = structuredClone(pv.body.plan);
  const n = p.indicators.length;
  p.indicators[0].name = 'Tỷ lệ dân số được phủ sóng 5G';
  p.indicators[1].targets[0] = { ...p.indicators[1].targets[0], op: '>=', value: 88, unit: '%', text: 'Đạt tối thiểu 88%' };
  p.indicators.splice(2, 1);
  const r = await form('/api/v1/imports', 'dieuphoi', [['file', doc(20), 'kh-20.md'], ['plan', JSON.stringify(p)]]);
  assert.equal(r.status, 201, r.text);
  assert.equal(r.body.indicators, n - 1);
  const back = (await call('GET', `/api/v1/plans/${r.body.plan_id}`, 'dieuphoi')).body;
  assert.deepEqual(back, p, 'the API answers the plan sent');
  const cli = JSON.parse(dti(['--as', 'admin', 'export', 'plan', String(r.body.plan_id), '--json']));
  assert.deepEqual(cli, p, '`dti export plan` prints the plan sent');
  // the corrections are audited: the import's entry names the rows a person changed or left out
  const log = auditOf(r.body.plan_id);
  assert.equal(log.length, 1, JSON.stringify(log));
  const c = log[0].after.corrected;
  const ref = (x) => ({ kind: 'indicator', group: x.group ?? null, code: x.code });
  assert.deepEqual(c.changed, [ref(p.indicators[0]), ref(p.indicators[1])], JSON.stringify(c));
  assert.deepEqual(c.removed, [ref(pv.body.plan.indicators[2])], JSON.stringify(c));
  assert.deepEqual(c.added, []);
  assert.deepEqual(c.retyped, []);
  assert.equal(c.head, false);
});

// The "plan.import" audit entries of plan ID (the CLI's log, as admin).
function auditOf(id) {
  return JSON.parse(dti(['--as', 'admin', 'audit', 'log', '--entity', 'plan', String(id), '--json']))
    .filter((x) => x.action === 'plan.import');
}

test('plan: a row moved to the tasks, a row added, the title fixed: audited as such; untouched, nothing is', async () => {
  const pv = await form('/api/v1/imports/preview', 'dieuphoi', [['file', doc(25), 'kh-25.md']]);
  assert.equal(pv.status, 200, pv.text);
  const p = structuredClone(pv.body.plan);
  const moved = p.indicators.pop();
  p.tasks.push({ code: moved.code, group: moved.group, name: moved.name, lead: moved.lead, support: moved.support,
    outputs: [], due: null, due_text: null });
  p.indicators.push({ code: '9.9', group: p.indicators[0].group, name: 'Chỉ tiêu thêm khi nhập',
    targets: [{ year: p.indicators[0].targets[0].year, text: 'Đạt 50%' }], lead: [], support: [] });
  p.title = `${p.title} (đã sửa)`;
  let r = await form('/api/v1/imports', 'dieuphoi', [['file', doc(25), 'kh-25.md'], ['plan', JSON.stringify(p)]]);
  assert.equal(r.status, 201, r.text);
  const c = auditOf(r.body.plan_id)[0].after.corrected;
  assert.equal(c.head, true, JSON.stringify(c));
  assert.deepEqual(c.retyped, [{ kind: 'task', group: moved.group ?? null, code: moved.code }], JSON.stringify(c));
  assert.deepEqual(c.added, [{ kind: 'indicator', group: p.indicators[0].group ?? null, code: '9.9' }]);
  assert.deepEqual(c.removed, []);
  // the plan confirmed as previewed: nothing corrected, said as null
  const pv2 = await form('/api/v1/imports/preview', 'dieuphoi', [['file', doc(26), 'kh-26.md']]);
  r = await form('/api/v1/imports', 'dieuphoi', [['file', doc(26), 'kh-26.md'], ['plan', JSON.stringify(pv2.body.plan)]]);
  assert.equal(r.status, 201, r.text);
  assert.equal(auditOf(r.body.plan_id)[0].after.corrected, null);
  // the document's own extraction (no plan sent): no "corrected" at all
  r = await form('/api/v1/imports', 'dieuphoi', [['file', doc(27), 'kh-27.md']]);
  assert.equal(r.status, 201, r.text);
  assert.ok(!('corrected' in auditOf(r.body.plan_id)[0].after));
});

test('plan: a target retyped as words is read as import reads a cell; bad words are named', async () => {
  const pv = await form('/api/v1/imports/preview', 'dieuphoi', [['file', doc(21), 'kh-21.md']]);
  const p = structuredClone(pv.body.plan);
  const y = p.indicators[0].targets[0].year;
  p.indicators[0].targets[0] = { year: y, text: '  Không quá 5 ngày ' };
  p.indicators[1].targets[0] = { year: y, text: 'Hoàn thành' };
  // an empty target: refused, naming it, nothing stored
  const bad = structuredClone(p);
  bad.indicators[3].targets[1] = { year: bad.indicators[3].targets[1].year, text: '  ' };
  const plans = await planCount();
  let r = await form('/api/v1/imports', 'dieuphoi', [['file', doc(21), 'kh-21.md'], ['plan', JSON.stringify(bad)]]);
  assert.equal(r.status, 400, r.text);
  assert.equal(r.body.error.field, 'plan.indicators[3].targets[1].text');
  const noname = structuredClone(p);
  noname.indicators[2].name = 7;
  r = await form('/api/v1/imports', 'dieuphoi', [['file', doc(21), 'kh-21.md'], ['plan', JSON.stringify(noname)]]);
  assert.equal(r.status, 400, r.text);
  assert.equal(r.body.error.field, 'plan.indicators[2].name');
  assert.equal(await planCount(), plans, 'nothing stored');
  r = await form('/api/v1/imports', 'dieuphoi', [['file', doc(21), 'kh-21.md'], ['plan', JSON.stringify(p)]]);
  assert.equal(r.status, 201, r.text);
  const back = (await call('GET', `/api/v1/plans/${r.body.plan_id}`, 'dieuphoi')).body;
  assert.deepEqual(back.indicators[0].targets[0], { year: y, op: '<=', value: 5, unit: 'ngày', text: 'Không quá 5 ngày' });
  assert.deepEqual(back.indicators[1].targets[0], { year: y, op: 'text', value: null, unit: '', text: 'Hoàn thành' });
  assert.deepEqual(back.indicators[2], p.indicators[2], 'untouched rows stay as extracted');
});

test('roles: the preview lists the columns read and how sure each row is; a column role set re-runs the extraction', async () => {
  const pv = await form('/api/v1/imports/preview', 'dieuphoi', [['file', doc(23), 'kh-23.md']]);
  assert.equal(pv.status, 200, pv.text);
  const cols = pv.body.plan.x.columns;
  assert.deepEqual(cols.find((c) => c.header === 'Đơn vị chủ trì'), { header: 'Đơn vị chủ trì', role: 'lead' });
  assert.deepEqual(cols.find((c) => c.header === 'Đơn vị phối hợp'), { header: 'Đơn vị phối hợp', role: 'support' });
  for (const x of [...pv.body.plan.indicators, ...pv.body.plan.tasks]) {
    assert.ok(['high', 'medium', 'low'].includes(x.x.confidence.level), JSON.stringify(x.x));
    assert.ok(Array.isArray(x.x.confidence.why));
  }
  const before = pv.body.plan.indicators.find((i) => i.code === '1.1');
  assert.ok(before.lead.length && before.support.length, JSON.stringify(before));
  // the two unit columns swapped by the coordinator
  const roles = JSON.stringify({ 'Đơn vị chủ trì': 'support', 'Đơn vị phối hợp': 'lead' });
  const again = await form('/api/v1/imports/preview', 'dieuphoi', [['file', doc(23), 'kh-23.md'], ['roles', roles]]);
  assert.equal(again.status, 200, again.text);
  const after = again.body.plan.indicators.find((i) => i.code === '1.1');
  assert.deepEqual(after.lead, before.support);
  assert.deepEqual(after.support, before.lead);
  assert.equal(again.body.plan.x.columns.find((c) => c.header === 'Đơn vị chủ trì').role, 'support');
  // the same roles on confirming: the plan stored is the one previewed
  const r = await form('/api/v1/imports', 'dieuphoi', [['file', doc(23), 'kh-23.md'], ['roles', roles]]);
  assert.equal(r.status, 201, r.text);
  assert.deepEqual(auditOf(r.body.plan_id)[0].after.roles, JSON.parse(roles), 'the roles set are audited');
  const back = (await call('GET', `/api/v1/plans/${r.body.plan_id}`, 'dieuphoi')).body;
  assert.deepEqual(back.indicators.find((i) => i.code === '1.1').lead, before.support);
  // a role the extractor does not know, or no object: refused naming `roles`, nothing stored
  const plans = await planCount();
  for (const bad of [JSON.stringify({ 'Đơn vị chủ trì': 'boss' }), '[1]', '{']) {
    const x = await form('/api/v1/imports', 'dieuphoi', [['file', doc(24), 'kh-24.md'], ['roles', bad]]);
    assert.equal(x.status, 400, x.text);
    assert.equal(x.body.error.field, 'roles');
  }
  assert.equal(await planCount(), plans);
});

// The web upload takes a .pdf itself (issue 11): a plan printed to PDF
// (the fixture of tests/data/plans) is previewed with its rows and
// confirmed; a scan (no text layer) is a 400 saying so, nothing stored.
const SCAN = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages '
  + '/Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\n'
  + 'endobj\n4 0 obj\n<< /Length 35 >>\nstream\n0 0 1 rg 100 100 300 400 re f\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

test('pdf: the web upload previews and imports a .pdf; a scan is told it has no text layer', async () => {
  const pdf = fs.readFileSync(`${ROOT}/tests/data/plans/an-hoa-2026.pdf`);
  const want = JSON.parse(fs.readFileSync(`${ROOT}/tests/data/plans/an-hoa-2026.json`, 'utf8'));
  const pv = await form('/api/v1/imports/preview', 'admin', [['file', pdf, 'an-hoa-2026.pdf']]);
  assert.equal(pv.status, 200, pv.text);
  assert.equal(pv.body.plan.indicators.length, want.indicators.length);
  assert.equal(pv.body.plan.commune, want.commune);
  const plans = await planCount();
  const r = await form('/api/v1/imports', 'admin', [['file', pdf, 'an-hoa-2026.pdf']]);
  assert.equal(r.status, 201, r.text);
  assert.equal(await planCount(), plans + 1);
  for (const p of ['/api/v1/imports/preview', '/api/v1/imports']) {
    const x = await form(p, 'admin', [['file', SCAN, 'scan.pdf']]);
    assert.equal(x.status, 400, x.text);
    assert.match(x.body.error.message, /không có lớp chữ.*OCR/);
  }
  assert.equal(await planCount(), plans + 1, 'the scan stored nothing');
});
