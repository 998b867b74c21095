// notices.test.mjs — issue 13, points 5 and 7 through the API: a unit
// withdraws a submitted report before review; a returned report comes first
// in its work with a new deadline counted in working days from the return
// (the plan's rule) and the unit is told in its notices; several evidence
// files at once (all or none); e-mail addresses; the plan's reminder
// settings; a reminder run by hand that adds nothing the second time.
// Dates follow the server's clock: nothing here depends on the day it runs
// (the deadline reminders at fixed dates are tests/cli/remind_smtp.sh's).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { BASE, req, assertError, VIETNAMESE } from './lib.mjs';

const SHARED = process.env.SHARED || '../shared';
const ADMIN = process.env.DTI_ADMIN || 'admin';
const PASSWORD = process.env.DTI_ADMIN_PASSWORD || '';
const PERIOD = '2026-04';
const REPORTER = 'hcc-nhac-han';
const RPW = 'mat-khau-nhac-han';
let admin, rep, planId, orgId, repId, base;

async function login(name, password) {
  const r = await req('/api/v1/login', { json: { login: name, password } });
  assert.equal(r.status, 200, r.text);
  return { cookie: r.headers.get('set-cookie').split(';')[0], csrf: r.body.csrf_token };
}
const as = (s, extra = {}) => ({ ...extra, headers: { Cookie: s.cookie, 'X-CSRF-Token': s.csrf, ...(extra.headers || {}) } });

// Working days (Monday..Friday) after a Vietnamese date, as dd/mm/yyyy.
function workdaysAfter(iso, n) {
  const d = new Date(iso + 'T00:00:00Z');
  while (n > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) n--;
  }
  return d.toISOString().slice(0, 10);
}
const vnDay = (ts) => new Date(Date.parse(ts) + 7 * 3600 * 1000).toISOString().slice(0, 10);
const vn = (iso) => iso.split('-').reverse().join('/');

before(async () => {
  admin = await login(ADMIN, PASSWORD);
  const fd = new FormData();
  fd.append('file', new Blob([fs.readFileSync(`${SHARED}/plans/minh-duc-2026-2030-dti.txt`), '\n\t\n\t(notices.test.mjs)\n']), 'minh-duc-nhac-han.txt');
  fd.append('plan', fs.readFileSync(`${SHARED}/plans/expected/minh-duc-2026-2030-dti.json`, 'utf8'));
  const imp = await fetch(BASE + '/api/v1/imports', as(admin, { method: 'POST', body: fd }));
  const body = await imp.json();
  assert.equal(imp.status, 201, JSON.stringify(body));
  planId = body.plan_id;
  let r = await req(`/api/v1/plans/${planId}/calendar`, as(admin, { method: 'PUT', json: { rules: ['month:unit=15+1,commune=20+1'] } }));
  assert.equal(r.status, 200, r.text);
  const units = await req(`/api/v1/plans/${planId}/units`, as(admin));
  orgId = units.body.units.find((u) => /hành chính công/i.test(u.name)).id;
  r = await req('/api/v1/users', as(admin, { json: { login: REPORTER, role: 'reporter', org_id: orgId, password: RPW } }));
  assert.equal(r.status, 201, r.text);
  repId = r.body.id ?? r.body.user?.id;
  assert.ok(repId, r.text);
  rep = await login(REPORTER, RPW);
  base = `/api/v1/plans/${planId}/reports/${orgId}/${PERIOD}`;
});

const fill = (csv) => req(base, as(rep, { method: 'PUT', body: csv, headers: { 'Content-Type': 'text/csv' } }));
const post = (s, path, json) => req(base + path, as(s, json ? { json } : { method: 'POST' }));
function files(list) {
  const fd = new FormData();
  for (const [bytes, name] of list) fd.append('file', new Blob([bytes]), name);
  return fd;
}
const PDF = (tag) => Buffer.from(`%PDF-1.4\n% ${tag}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);

test('the plan\'s reminder settings: defaults, a change, bad input refused', async () => {
  let r = await req(`/api/v1/plans/${planId}/reminders`, as(rep));
  assert.equal(r.status, 200, r.text);
  assert.deepEqual([r.body.schedule, r.body.offsets, r.body.return_days], ['-3,0,1,3', [-3, 0, 1, 3], 3]);
  r = await req(`/api/v1/plans/${planId}/reminders`, as(rep, { method: 'PUT', json: { return_days: 5 } }));
  assertError(r, 403, 'forbidden');
  r = await req(`/api/v1/plans/${planId}/reminders`, as(admin, { method: 'PUT', json: { schedule: '2, -5,0,2', return_days: 5 } }));
  assert.equal(r.status, 200, r.text);
  assert.deepEqual([r.body.schedule, r.body.return_days], ['-5,0,2', 5]);
  let e = assertError(await req(`/api/v1/plans/${planId}/reminders`, as(admin, { method: 'PUT', json: { schedule: '-3,x' } })), 400, 'bad_input');
  assert.equal(e.field, 'schedule');
  assert.match(e.message, VIETNAMESE);
  e = assertError(await req(`/api/v1/plans/${planId}/reminders`, as(admin, { method: 'PUT', json: { return_days: 0 } })), 400, 'bad_input');
  assert.equal(e.field, 'return_days');
});

test('an e-mail address: one\'s own, checked, not another\'s', async () => {
  let r = await req(`/api/v1/users/${repId}/email`, as(rep, { method: 'PUT', json: { email: 'hcc@minhduc.example.vn' } }));
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.email, 'hcc@minhduc.example.vn');
  const e = assertError(await req(`/api/v1/users/${repId}/email`, as(rep, { method: 'PUT', json: { email: 'hcc at minhduc' } })), 400, 'bad_input');
  assert.equal(e.field, 'email');
  r = await req(`/api/v1/users/${repId}/email`, as(admin));
  assert.equal(r.body.email, 'hcc@minhduc.example.vn', 'unchanged by the refused one');
  const me = await req('/api/v1/me', as(admin));
  const adminId = me.body.id ?? me.body.user?.id;
  assertError(await req(`/api/v1/users/${adminId}/email`, as(rep, { method: 'PUT', json: { email: 'x@y.vn' } })), 404, 'not_found');
});

test('withdraw before review; several files at once, all or none', async () => {
  let r = await fill('code,numerator,denominator,value\n4.1,45,60,75\n');
  assert.equal(r.status, 200, r.text);
  // two files in one request
  let up = await fetch(BASE + base + '/evidence', as(rep, { method: 'POST', body: files([[PDF('a'), 'biên bản 1.pdf'], [PDF('b'), 'biên bản 2.pdf']]) }));
  let j = await up.json();
  assert.equal(up.status, 201, JSON.stringify(j));
  assert.deepEqual(j.files.map((f) => f.name).sort(), ['biên bản 1.pdf', 'biên bản 2.pdf']);
  assert.equal(j.id, j.files[0].id);
  // a good file and a refused one: neither is stored, the message names the refused one
  up = await fetch(BASE + base + '/evidence', as(rep, { method: 'POST', body: files([[PDF('c'), 'tốt.pdf'], [Buffer.from('MZ\x90\x00 not a document'), 'chương trình.exe']]) }));
  j = await up.json();
  assert.equal(up.status, 400, JSON.stringify(j));
  assert.match(j.error.message, /chương trình\.exe/);
  r = await req(base, as(rep));
  assert.deepEqual(r.body.evidence.map((f) => f.name).sort(), ['biên bản 1.pdf', 'biên bản 2.pdf']);

  r = await post(rep, '/submit');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.state, 'submitted');
  r = await post(rep, '/withdraw');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.state, 'draft');
  assert.equal(r.body.submitted_at, null, 'the submission is undone: timeliness waits for the next one');
  assertError(await post(rep, '/withdraw'), 409, 'conflict');
  r = await fill('code,numerator,denominator,value\n4.1,46,60,76.6667\n');
  assert.equal(r.status, 200, 'a withdrawn report is editable again: ' + r.text);
  assert.equal((await post(rep, '/submit')).status, 200);
  // once the reviewer has checked a file, the review is under way: no withdrawal
  const ev = (await req(base, as(admin))).body.evidence[0].id;
  r = await req(`/api/v1/evidence/${ev}/check`, as(admin, { json: { checked: true } }));
  assert.equal(r.status, 200, r.text);
  const e = assertError(await post(rep, '/withdraw'), 409, 'conflict');
  assert.match(e.message, /trả lại/);
  r = await req(`/api/v1/evidence/${ev}/check`, as(admin, { json: { checked: false } }));
  assert.equal(r.status, 200, r.text);
  const audit = await req(`/api/v1/audit?entity=report&id=${(await req(base, as(admin))).body.id}`, as(admin));
  assert.ok(JSON.stringify(audit.body).includes('report.withdraw'), 'the withdrawal is audited');
});

test('a returned report: first in the unit\'s work with its new deadline, and the unit is told once', async () => {
  let r = await post(admin, '/return', { reason: 'Thiếu biên bản kiểm tra tháng 4' });
  assert.equal(r.status, 200, r.text);
  const due = workdaysAfter(vnDay(r.body.returned_at), 5);   // the plan's return_days, set to 5 above

  r = await req(`/api/v1/plans/${planId}/assignments/${orgId}`, as(rep));
  assert.equal(r.status, 200, r.text);
  const first = r.body.periods[0];
  assert.equal(first.code, PERIOD, 'the returned report comes first: ' + JSON.stringify(r.body.periods.map((p) => p.code)));
  assert.equal(first.state, 'returned');
  assert.equal(first.return_due_iso, due);
  assert.equal(first.return_due, vn(due));
  assert.equal(first.reason, 'Thiếu biên bản kiểm tra tháng 4');
  const today = Date.parse(r.body.today_iso + 'T00:00:00Z');
  assert.equal(first.days_left, Math.round((Date.parse(due + 'T00:00:00Z') - today) / 86400000), 'days left to the new deadline');
  for (const p of r.body.periods.slice(1)) assert.notEqual(p.state, 'returned');

  assertError(await req('/api/v1/reminders/run', as(rep, { method: 'POST' })), 403, 'forbidden');
  r = await req('/api/v1/reminders/run?dry_run=1', as(admin, { method: 'POST' }));
  assert.equal(r.status, 200, r.text);
  const dry = r.body.notices.filter((n) => n.user === REPORTER && n.kind === 'returned');
  assert.equal(dry.length, 1, r.text);
  r = await req('/api/v1/notices', as(rep));
  assert.equal(r.body.notices.filter((n) => n.kind === 'returned').length, 0, 'a dry run records nothing');

  r = await req('/api/v1/reminders/run', as(admin, { method: 'POST' }));
  assert.equal(r.status, 200, r.text);
  const told = r.body.notices.filter((n) => n.user === REPORTER && n.kind === 'returned');
  assert.equal(told.length, 1, r.text);
  assert.equal(told[0].email, 'hcc@minhduc.example.vn');
  r = await req('/api/v1/reminders/run', as(admin, { method: 'POST' }));
  assert.equal(r.body.notices.filter((n) => n.user === REPORTER).length, 0, 'nothing twice: ' + r.text);

  r = await req('/api/v1/notices', as(rep));
  assert.equal(r.status, 200, r.text);
  const n = r.body.notices.find((x) => x.kind === 'returned');
  assert.ok(n, r.text);
  assert.match(n.subject, new RegExp(`bị trả lại .*cần sửa trước hạn ${vn(due)}`));
  assert.match(n.body, /Thiếu biên bản kiểm tra tháng 4/);
  assert.match(n.body, /5 ngày làm việc/);
  assert.equal(n.read, false);
  assert.ok(r.body.unread >= 1);
  const unread = r.body.unread;
  // someone else cannot mark it; its owner can
  assertError(await req(`/api/v1/notices/${n.id}/read`, as(admin, { method: 'POST' })), 404, 'not_found');
  r = await req(`/api/v1/notices/${n.id}/read`, as(rep, { method: 'POST' }));
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.unread, unread - 1);
  assert.equal(r.body.notices.find((x) => x.id === n.id).read, true);
  r = await req('/api/v1/notices?unread=1', as(rep));
  assert.ok(!r.body.notices.some((x) => x.id === n.id));
  r = await req('/api/v1/notices/read', as(rep, { method: 'POST' }));
  assert.equal(r.body.unread, 0);
  assert.equal((await req('/api/v1/notices')).status, 401);
});
