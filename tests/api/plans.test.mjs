// plans.test.mjs — importing a plan through the API (multipart upload,
// preview, confirm) and reading it back as dti.plan/1.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { BASE, req, assertError } from './lib.mjs';

const SHARED = process.env.SHARED || '../shared';
const ADMIN = process.env.DTI_ADMIN || 'admin';
const PASSWORD = process.env.DTI_ADMIN_PASSWORD || '';
let cookie, csrf;

before(async () => {
  const r = await req('/api/v1/login', { json: { login: ADMIN, password: PASSWORD } });
  assert.equal(r.status, 200, r.text);
  cookie = r.headers.get('set-cookie').split(';')[0];
  csrf = r.body.csrf_token;
});

function upload(path, parts, headers = {}) {
  const fd = new FormData();
  for (const [name, value, filename] of parts) {
    if (filename) fd.append(name, new Blob([value]), filename);
    else fd.append(name, value);
  }
  return fetch(BASE + path, { method: 'POST', body: fd, headers: { Cookie: cookie, 'X-CSRF-Token': csrf, ...headers } })
    .then(async (r) => ({ status: r.status, headers: r.headers, body: await r.json() }));
}

test('preview: the uploaded document as dti.plan/1, nothing stored', async () => {
  const before = (await req('/api/v1/plans', { headers: { Cookie: cookie } })).body.plans.length;
  const doc = fs.readFileSync(`${SHARED}/plans/vinh-thuan-2026-dti.txt`);
  const r = await upload('/api/v1/imports/preview', [['file', doc, 'vinh-thuan.txt']]);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.name, 'vinh-thuan.txt');
  assert.equal(r.body.size, doc.length);
  assert.equal(r.body.plan.schema, 'dti.plan/1');
  assert.ok(Array.isArray(r.body.plan.indicators));
  assert.ok(Array.isArray(r.body.warnings));
  assert.equal((await req('/api/v1/plans', { headers: { Cookie: cookie } })).body.plans.length, before);
});

test('confirm with a corrected plan: stored, listed, read back exactly', async () => {
  const expected = JSON.parse(fs.readFileSync(`${SHARED}/plans/expected/vinh-tru-2026.json`, 'utf8'));
  const doc = fs.readFileSync(`${SHARED}/plans/vinh-tru-2026.txt`);
  const r = await upload('/api/v1/imports', [['file', doc, 'vinh-tru-2026.txt'], ['plan', JSON.stringify(expected)]]);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.existed, false);
  assert.match(r.body.sha256, /^[0-9a-f]{64}$/);
  assert.equal(r.body.indicators, expected.indicators.length);
  assert.ok(r.body.matches.length > 0);
  for (const m of r.body.matches) assert.ok(['new', 'matched', 'self', 'none'].includes(m.how));
  const list = await req('/api/v1/plans', { headers: { Cookie: cookie } });
  const row = list.body.plans.find((p) => p.id === r.body.plan_id);
  assert.ok(row, 'listed');
  assert.equal(row.document, 'vinh-tru-2026.txt');
  const got = await req('/api/v1/plans/' + r.body.plan_id, { headers: { Cookie: cookie } });
  assert.equal(got.status, 200);
  assert.deepEqual(got.body, expected);
  // the same bytes again: the earlier plan
  const again = await upload('/api/v1/imports', [['file', doc, 'again.txt']]);
  assert.equal(again.status, 200);
  assert.equal(again.body.existed, true);
  assert.equal(again.body.plan_id, r.body.plan_id);
});

test('import errors: no file, bad plan JSON, binary file, too large, no CSRF token', async () => {
  let r = await upload('/api/v1/imports/preview', [['other', 'x']]);
  assert.equal(r.status, 400);
  assert.equal(r.body.error.field, 'file');
  r = await upload('/api/v1/imports', [['file', 'a', 'a.txt'], ['plan', '{"schema": ']]);
  assert.equal(r.status, 400);
  assert.equal(r.body.error.field, 'plan');
  r = await upload('/api/v1/imports/preview', [['file', Buffer.from([0, 1, 2, 3, 0, 0]), 'x.docx']]);
  assert.equal(r.status, 400);
  r = await upload('/api/v1/imports/preview', [['file', Buffer.alloc((20 << 20) + 1000), 'big.txt']]);
  assert.equal(r.status, 413);
  assert.equal(r.body.error.code, 'too_big');
  const fd = new FormData();
  fd.append('file', new Blob(['x']), 'x.txt');
  const nocsrf = await fetch(BASE + '/api/v1/imports', { method: 'POST', body: fd, headers: { Cookie: cookie } });
  assert.equal(nocsrf.status, 403);
});

test('plans: bad and unknown ids', async () => {
  const h = { headers: { Cookie: cookie } };
  assertError(await req('/api/v1/plans/abc', h), 400, 'bad_input');
  assertError(await req('/api/v1/plans/0', h), 400, 'bad_input');
  assertError(await req('/api/v1/plans/99999999', h), 404, 'not_found');
});

// The preview says how each unit name would be matched (plans_import_dry_run)
// and stores nothing: confirming the same document afterwards still makes
// every new unit the preview announced. Minh Đức's plan under a commune name
// no other test uses, so the answer does not depend on the tests' order.
test('preview: unit names matched or flagged new, nothing stored; a document imported before', async () => {
  const commune = 'Xem Trước';
  const text = fs.readFileSync(`${SHARED}/plans/minh-duc-2026-2030-dti.txt`, 'utf8').replaceAll('Minh Đức', commune);
  const before = (await req('/api/v1/plans', { headers: { Cookie: cookie } })).body.plans.length;
  const pv = await upload('/api/v1/imports/preview', [['file', text, 'xem-truoc.txt']]);
  assert.equal(pv.status, 200, JSON.stringify(pv.body));
  assert.equal(pv.body.existed, false);
  assert.equal(pv.body.plan_id, null);
  const by = new Map(pv.body.matches.map((m) => [m.name, m]));
  assert.equal(by.get('Trung tâm phục vụ Hành chính công')?.how, 'new');
  assert.equal(by.get('Văn phòng HĐND&UBND xã')?.how, 'matched', 'a second spelling of a new unit');
  assert.equal(by.get('UBND xã')?.how, 'self');
  assert.equal(by.get('UBND xã')?.org_name, commune);
  for (const m of pv.body.matches) assert.equal(m.org_id, null, `${m.name}: a preview names no org id`);
  assert.ok(pv.body.collective.includes('Các phòng ban liên quan'));
  assert.ok(pv.body.units_new > 5, 'new units announced: ' + pv.body.units_new);
  assert.equal((await req('/api/v1/plans', { headers: { Cookie: cookie } })).body.plans.length, before);
  // nothing of the dry run stayed: the import makes the same new units
  const done = await upload('/api/v1/imports', [['file', text, 'xem-truoc.txt']]);
  assert.equal(done.status, 201, JSON.stringify(done.body));
  assert.equal(done.body.units_new, pv.body.units_new);
  assert.deepEqual(done.body.matches.map((m) => [m.name, m.how]), pv.body.matches.map((m) => [m.name, m.how]));
  // previewed again: the plan it was imported as
  const again = await upload('/api/v1/imports/preview', [['file', text, 'lai.txt']]);
  assert.equal(again.status, 200);
  assert.equal(again.body.existed, true);
  assert.equal(again.body.plan_id, done.body.plan_id);
  assert.equal(again.body.plan.schema, 'dti.plan/1');
});
