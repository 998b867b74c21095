// reports.test.mjs — a unit's report through the API: fill (CSV), evidence
// upload and download, submit, return with a reason, fill again, submit,
// approve; versions, completeness and the plan's score afterwards.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { BASE, req, assertError, coordinatorSession } from './lib.mjs';

const SHARED = process.env.SHARED || '../shared';
const ADMIN = process.env.DTI_ADMIN || 'admin';
const PASSWORD = process.env.DTI_ADMIN_PASSWORD || '';
const ORG = 'Trung tâm phục vụ Hành chính công';
const PERIOD = '2026-03';
let cookie, csrf, planId, base, coord;

const auth = (extra = {}) => ({ ...extra, headers: { Cookie: cookie, 'X-CSRF-Token': csrf, ...(extra.headers || {}) } });
// the commune's coordinator: who filled or submitted a report does not approve it (issue 9 §6)
const asCoord = (extra = {}) => ({ ...extra, headers: { Cookie: coord.cookie, 'X-CSRF-Token': coord.csrf, ...(extra.headers || {}) } });

before(async () => {
  const r = await req('/api/v1/login', { json: { login: ADMIN, password: PASSWORD } });
  assert.equal(r.status, 200, r.text);
  cookie = r.headers.get('set-cookie').split(';')[0];
  csrf = r.body.csrf_token;
  // Minh Đức's plan as hand-checked, from its text (one byte added: a document of its own)
  const fd = new FormData();
  fd.append('file', new Blob([fs.readFileSync(`${SHARED}/plans/minh-duc-2026-2030-dti.txt`), '\n']), 'minh-duc-reports.txt');
  fd.append('plan', fs.readFileSync(`${SHARED}/plans/expected/minh-duc-2026-2030-dti.json`, 'utf8'));
  const imp = await fetch(BASE + '/api/v1/imports', auth({ method: 'POST', body: fd }));
  const body = await imp.json();
  assert.equal(imp.status, 201, JSON.stringify(body));
  planId = body.plan_id;
  base = `/api/v1/plans/${planId}/reports/${encodeURIComponent(ORG)}/${PERIOD}`;
  coord = await coordinatorSession({ cookie, csrf }, 'duyet.baocao');
});

const fill = (csv) => req(base, auth({ method: 'PUT', body: csv, headers: { 'Content-Type': 'text/csv' } }));
const post = (path, json) => req(base + path, auth(json ? { json } : { method: 'POST' }));

test('a report through its whole cycle', async () => {
  let r = await fill('code,numerator,denominator,value,note\n4.1,45,60,75,Số hồ sơ trực tuyến\n');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.values, 1);

  // evidence: a small PDF, stored and served back as an attachment
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  const fd = new FormData();
  fd.append('file', new Blob([pdf]), 'biên bản.pdf');
  fd.append('item', '4.1');
  fd.append('item_kind', 'indicator');
  const up = await fetch(BASE + base + '/evidence', auth({ method: 'POST', body: fd }));
  const ev = await up.json();
  assert.equal(up.status, 201, JSON.stringify(ev));
  const dl = await fetch(`${BASE}/api/v1/evidence/${ev.id}`, auth());
  assert.equal(dl.status, 200);
  assert.equal(dl.headers.get('content-type'), 'application/pdf');
  assert.match(dl.headers.get('content-disposition'), /^attachment; filename\*=UTF-8''bi%C3%AAn%20b%E1%BA%A3n\.pdf$/);
  assert.deepEqual(Buffer.from(await dl.arrayBuffer()), pdf);
  assert.equal((await fetch(`${BASE}/api/v1/evidence/${ev.id}`)).status, 401);

  r = await post('/submit');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.state, 'submitted');
  assertError(await fill('code,value\n4.1,80\n'), 409, 'conflict');

  assertError(await post('/return', {}), 400, 'bad_input');
  r = await post('/return', { reason: 'Thiếu số liệu tháng 3' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.state, 'returned');

  r = await fill('code,numerator,denominator,value,note\n4.1,48,60,80,Đã bổ sung\n');
  assert.equal(r.status, 200, r.text);
  assert.equal((await post('/submit')).status, 200);
  // the admin filled and submitted it: it may not approve it; the coordinator may
  const own = assertError(await post('/approve'), 403, 'forbidden');
  assert.match(own.message, /không tự duyệt/);
  r = await req(base + '/approve', asCoord({ method: 'POST' }));
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.state, 'approved');
  assert.equal(r.body.self_approved, false);

  // approved means locked: a fill is refused until a coordinator reopens it with a reason
  const locked = assertError(await fill('code,value\n4.1,81\n'), 409, 'conflict');
  assert.match(locked.message, /reopen/);
  assertError(await req(base + '/reopen', asCoord({ json: {} })), 400, 'bad_input');
  assertError(await req(base + '/reopen', asCoord({ json: { reason: 7 } })), 400, 'bad_input');
  r = await req(base + '/reopen', asCoord({ json: { reason: 'Kiểm tra lại tử số 4.1' } }));
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.state, 'returned');
  assert.equal(r.body.version, 2);
  assert.equal(r.body.reason, 'Kiểm tra lại tử số 4.1');
  assertError(await req(base + '/reopen', asCoord({ json: { reason: 'lần nữa' } })), 409, 'conflict');
  r = await fill('code,numerator,denominator,value,note\n4.1,48,60,80,Đã kiểm tra\n');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.version, 2);

  r = await req(base + '/versions', auth());
  assert.equal(r.status, 200);
  assert.ok(Array.isArray(r.body.versions) && r.body.versions.length >= 1);

  r = await req(`/api/v1/evidence/${ev.id}/check`, auth({ json: { checked: true } }));
  assert.equal(r.status, 200, r.text);
});

test('completeness and score of the period', async () => {
  const c = await req(`/api/v1/plans/${planId}/completeness/${PERIOD}`, auth());
  assert.equal(c.status, 200, c.text);
  const s = await req(`/api/v1/plans/${planId}/score/${PERIOD}`, auth());
  assert.equal(s.status, 200, s.text);
  assert.match(JSON.stringify(s.body), /4\.1/);
});

test('report errors: bad CSV type, unknown org, bad value, no CSRF', async () => {
  assertError(await req(base, auth({ method: 'PUT', body: 'x', headers: { 'Content-Type': 'text/plain' } })), 400, 'bad_format');
  assertError(await req(`/api/v1/plans/${planId}/reports/No%20such%20unit/${PERIOD}`, auth()), 404, 'not_found');
  const other = `/api/v1/plans/${planId}/reports/${encodeURIComponent('Phòng Kinh tế')}/${PERIOD}`;
  const bad = await req(other, auth({ method: 'PUT', body: 'code,value\n4.4,150\n', headers: { 'Content-Type': 'text/csv' } }));
  assertError(bad, 400, 'bad_input');
  // numbers: no exponent, no hexadecimal, nothing ambiguous; the message names line, indicator and column
  for (const [v, why] of [['1e308', /số mũ/], ['0x10', /hệ 16/], ['2.100', /không rõ/], ['-5', /âm/]]) {
    const e = assertError(await req(other, auth({ method: 'PUT', body: `code,value\n4.4,${v}\n`, headers: { 'Content-Type': 'text/csv' } })), 400, 'bad_input');
    assert.match(e.message, why, e.message);
    assert.match(e.message, /dòng 2, chỉ tiêu 4\.4, cột giá trị/, e.message);
    assert.equal(e.field, 'value');
  }
  assertError(await req(base + '/submit', { method: 'POST', headers: { Cookie: cookie } }), 403, 'forbidden');
});
