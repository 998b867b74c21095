// orgchange.test.mjs — communes and units change over the API (app/orgs/orgs.h,
// docs/orgs.md): who may record a merger (a commune's coordinator may not
// merge communes: 403; another province's coordinator is told nothing: 404),
// bad input named by field, a merger and a unit rename by those allowed, and
// the history read back (GET /api/v1/orgs/changes). Its own provinces and
// communes (imported under made-up names) so that other tests' data is untouched.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { BASE, req, assertError, VIETNAMESE } from './lib.mjs';
import { NOW } from '../lib/now.mjs';

const SHARED = process.env.SHARED || '../shared';
const ADMIN = process.env.DTI_ADMIN || 'admin';
const PASSWORD = process.env.DTI_ADMIN_PASSWORD || '';
// today in Vietnam (UTC+7), the day a change may take effect at the latest
const TODAY = new Date(Date.parse(NOW) + 7 * 3600 * 1000).toISOString().slice(0, 10);
let admin;
const orgs = {};     // name -> {id, parent_id, kind}
const sessions = {}; // login -> {cookie, csrf}

const as = (s, extra = {}) => ({ ...extra, headers: { Cookie: s.cookie, 'X-CSRF-Token': s.csrf, ...(extra.headers || {}) } });

async function login(login, password) {
  const r = await req('/api/v1/login', { json: { login, password } });
  assert.equal(r.status, 200, r.text);
  return { cookie: r.headers.get('set-cookie').split(';')[0], csrf: r.body.csrf_token };
}

async function importAs(commune, province, tag) {
  const plan = JSON.parse(fs.readFileSync(`${SHARED}/plans/expected/minh-duc-2026-2030-dti.json`, 'utf8'));
  plan.commune = commune;
  plan.province = province;
  const fd = new FormData();
  fd.append('file', new Blob([fs.readFileSync(`${SHARED}/plans/minh-duc-2026-2030-dti.txt`), `\n\n${tag}\n`]), `orgchange-${tag}.txt`);
  fd.append('plan', JSON.stringify(plan));
  const r = await fetch(BASE + '/api/v1/imports', as(admin, { method: 'POST', body: fd }));
  const body = await r.json();
  assert.equal(r.status, 201, JSON.stringify(body));
}

async function user(login, role, org) {
  const password = `mat-khau-${login}`;
  const u = await req('/api/v1/users', as(admin, { json: { login, display: login, role, org_id: orgs[org].id, password } }));
  assert.ok(u.status === 201 || u.status === 200, u.text);
  sessions[login] = await login_(login, password);
}
const login_ = login;

before(async () => {
  admin = await login(ADMIN, PASSWORD);
  await importAs('Sáp Nhập Một', 'Thử Sáp Nhập', 'a');
  await importAs('Sáp Nhập Hai', 'Thử Sáp Nhập', 'b');
  await importAs('Tỉnh Khác Xã Ba', 'Thử Tỉnh Khác', 'c');
  const r = await req('/api/v1/orgs', as(admin));
  assert.equal(r.status, 200, r.text);
  for (const o of r.body.orgs) if (o.live) orgs[`${o.kind}:${o.name}`] = o;
  for (const k of ['province:Thử Sáp Nhập', 'province:Thử Tỉnh Khác', 'commune:Sáp Nhập Một', 'commune:Sáp Nhập Hai'])
    assert.ok(orgs[k], `${k} imported: ${Object.keys(orgs).join(', ')}`);
  await user('sn.tinh', 'coordinator', 'province:Thử Sáp Nhập');
  await user('sn.tinhkhac', 'coordinator', 'province:Thử Tỉnh Khác');
  await user('sn.xa1', 'coordinator', 'commune:Sáp Nhập Một');
});

const merge = (extra = {}) => ({
  kind: 'merge', orgs: [orgs['commune:Sáp Nhập Một'].id, orgs['commune:Sáp Nhập Hai'].id],
  name: 'Sáp Nhập Chung', date: TODAY, note: 'thử', ...extra,
});

test('a commune coordinator may not merge communes (403), another province\'s is told nothing (404)', async () => {
  let e = assertError(await req('/api/v1/orgs/changes', as(sessions['sn.xa1'], { json: merge() })), 403, 'forbidden');
  assert.match(e.message, VIETNAMESE);
  assertError(await req('/api/v1/orgs/changes', as(sessions['sn.tinhkhac'], { json: merge() })), 404, 'not_found');
  // the same answer for an org that does not exist
  assertError(await req('/api/v1/orgs/changes', as(sessions['sn.tinhkhac'], { json: merge({ orgs: [999991, 999992] }) })), 404, 'not_found');
  // nor may it read the history of another province's commune
  assertError(await req(`/api/v1/orgs/changes?org=${orgs['commune:Sáp Nhập Một'].id}`, as(sessions['sn.tinhkhac'])), 404, 'not_found');
  // no session, no CSRF token
  assertError(await req('/api/v1/orgs/changes', { json: merge() }), 401, 'unauthorized');
  const noCsrf = await req('/api/v1/orgs/changes', { json: merge(), headers: { Cookie: sessions['sn.tinh'].cookie } });
  assert.equal(noCsrf.status, 403, noCsrf.text);
  // nothing was recorded
  const h = await req(`/api/v1/orgs/changes?org=${orgs['commune:Sáp Nhập Một'].id}`, as(sessions['sn.tinh']));
  assert.equal(h.status, 200, h.text);
  assert.deepEqual(h.body.changes, []);
});

test('bad input is a 400 naming the field', async () => {
  const s = sessions['sn.tinh'];
  const cases = [
    [{ kind: 'split' }, 'kind'], [{ date: '2026-02-30' }, 'date'], [{ date: '2999-01-01' }, 'date'],
    [{ orgs: [orgs['commune:Sáp Nhập Một'].id] }, 'orgs'], [{ orgs: 'x' }, 'orgs'], [{ name: '' }, 'name'],
    [{ into: orgs['province:Thử Sáp Nhập'].id, name: null }, 'into'], [{ note: 'x'.repeat(3000) }, 'note'],
  ];
  for (const [extra, field] of cases) {
    const e = assertError(await req('/api/v1/orgs/changes', as(s, { json: merge(extra) })), 400, 'bad_input');
    assert.equal(e.field, field, `${JSON.stringify(extra).slice(0, 80)}: ${e.message}`);
  }
});

test("the province coordinator merges its communes; another province's renames one of its units", async () => {
  const s = sessions['sn.tinh'];
  let r = await req('/api/v1/orgs/changes', as(s, { json: merge() }));
  assert.equal(r.status, 201, r.text);
  const after = r.body.after;
  assert.ok(after > 0);
  assert.equal(r.body.changes.length, 1);
  const c = r.body.changes[0];
  assert.equal(c.kind, 'merge');
  assert.equal(c.date, TODAY);
  assert.equal(c.after.name, 'Sáp Nhập Chung');
  assert.deepEqual(c.before.map((b) => b.name).sort(), ['Sáp Nhập Hai', 'Sáp Nhập Một']);
  assert.equal(c.by, 'sn.tinh');
  // merged once, not again
  assertError(await req('/api/v1/orgs/changes', as(s, { json: merge() })), 409, 'conflict');
  // the merger is in the trail of each commune it ended, not only of the one that continues;
  // the entry is the one audited under the successor (the chain is unchanged)
  for (const name of ['commune:Sáp Nhập Một', 'commune:Sáp Nhập Hai']) {
    r = await req(`/api/v1/audit?entity=org&id=${orgs[name].id}`, as(s));
    assert.equal(r.status, 200, r.text);
    const m = r.body.entries.filter((x) => x.action === 'org.merge');
    assert.equal(m.length, 1, `${name}: ${JSON.stringify(r.body.entries)}`);
    assert.equal(m[0].entity_id, String(after));
    assert.equal(m[0].after.change, c.id);
    assert.equal(m[0].user, 'sn.tinh');
  }
  r = await req(`/api/v1/audit?entity=org&id=${after}`, as(s));
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.entries.filter((x) => x.action === 'org.merge').length, 1, r.text);
  // the old communes are no longer live
  r = await req('/api/v1/orgs', as(admin));
  const one = r.body.orgs.find((o) => o.id === orgs['commune:Sáp Nhập Một'].id);
  assert.equal(one.live, false);
  // the other province's coordinator sees none of it
  r = await req('/api/v1/orgs/changes', as(sessions['sn.tinhkhac']));
  assert.equal(r.status, 200, r.text);
  assert.ok(!r.body.changes.some((x) => x.id === c.id), 'another province sees the merger');
  // a unit of the third commune, renamed by the admin, and the history of it
  const unit = Object.values(orgs).find((o) => o.kind === 'unit' && o.parent_id === orgs['commune:Tỉnh Khác Xã Ba'].id);
  assert.ok(unit, 'a unit of Tỉnh Khác Xã Ba');
  r = await req('/api/v1/orgs/changes', as(sessions['sn.tinhkhac'], { json: { kind: 'rename', orgs: [unit.id], name: `${unit.name} (mới)`, date: TODAY } }));
  assert.equal(r.status, 201, r.text);
  r = await req(`/api/v1/orgs/changes?org=${unit.id}`, as(sessions['sn.tinhkhac']));
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.changes.length, 1);
  assert.equal(r.body.changes[0].before[0].name, unit.name);
  assert.equal(r.body.changes[0].after.name, `${unit.name} (mới)`);
  assertError(await req('/api/v1/orgs/changes?org=x', as(s)), 400, 'bad_input');
});

test('a rename from the web (PATCH /api/v1/orgs/:oid) is the same dated, audited org change', async () => {
  const s = sessions['sn.tinhkhac'];
  const units = Object.values(orgs).filter((o) => o.kind === 'unit' && o.parent_id === orgs['commune:Tỉnh Khác Xã Ba'].id);
  const unit = units[units.length - 1];
  assert.ok(unit && units.length > 1, 'two units of Tỉnh Khác Xã Ba');
  // a future day is refused naming the field, nothing changes
  let e = assertError(await req(`/api/v1/orgs/${unit.id}`, as(s, { method: 'PATCH', json: { name: 'Tên Tương Lai', date: '2999-01-01' } })), 400, 'bad_input');
  assert.equal(e.field, 'date');
  // today by default, with a note
  let r = await req(`/api/v1/orgs/${unit.id}`, as(s, { method: 'PATCH', json: { name: `${unit.name} mở rộng`, note: 'QĐ 7' } }));
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.name, `${unit.name} mở rộng`);
  r = await req(`/api/v1/orgs/changes?org=${unit.id}`, as(s));
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.changes.length, 1, JSON.stringify(r.body.changes));
  const c = r.body.changes[0];
  assert.equal(c.kind, 'rename');
  assert.equal(c.date, TODAY);
  assert.equal(c.note, 'QĐ 7');
  assert.equal(c.by, 'sn.tinhkhac');
  assert.equal(c.before[0].name, unit.name);
  assert.equal(c.after.name, `${unit.name} mở rộng`);
});

test('an org\'s audit trail is listable: GET /api/v1/audit?entity=org (in scope only)', async () => {
  const s = sessions['sn.tinhkhac'];
  const units = Object.values(orgs).filter((o) => o.kind === 'unit' && o.parent_id === orgs['commune:Tỉnh Khác Xã Ba'].id);
  const unit = units[0];
  let r = await req(`/api/v1/orgs/${unit.id}`, as(s, { method: 'PATCH', json: { name: `${unit.name} (đổi tên kiểm toán)`, note: 'QĐ 9' } }));
  assert.equal(r.status, 200, r.text);
  r = await req(`/api/v1/audit?entity=org&id=${unit.id}`, as(s));
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.entity, 'org');
  const ren = r.body.entries.filter((x) => x.action === 'org.rename' && x.after.note === 'QĐ 9');
  assert.equal(ren.length, 1, JSON.stringify(r.body.entries));
  assert.ok(r.body.entries.every((x) => x.entity === 'org' && x.entity_id === String(unit.id)));
  assert.equal(ren[0].user, 'sn.tinhkhac');
  assert.equal(ren[0].after.org.name, `${unit.name} (đổi tên kiểm toán)`);
  // the admin sees it too; another province's coordinator is told nothing, as for a missing org
  r = await req(`/api/v1/audit?entity=org&id=${unit.id}`, as(admin));
  assert.equal(r.status, 200, r.text);
  assert.ok(r.body.entries.some((x) => x.action === 'org.rename'));
  assertError(await req(`/api/v1/audit?entity=org&id=${unit.id}`, as(sessions['sn.tinh'])), 404, 'not_found');
  assertError(await req('/api/v1/audit?entity=org&id=999993', as(admin)), 404, 'not_found');
  // an unknown entity is still refused, naming the field
  const e = assertError(await req(`/api/v1/audit?entity=orgs&id=${unit.id}`, as(admin)), 400, 'bad_input');
  assert.equal(e.field, 'entity');
});
