// lib.mjs — helpers for the API tests: the server's address (DTI_URL, set
// by tests/run-node.sh), requests, and the error shape every failure has.
import assert from 'node:assert/strict';

export const BASE = process.env.DTI_URL || 'http://127.0.0.1:8080';

// fetch BASE+PATH; OPTS as fetch's, plus json (an object sent as JSON, by POST
// unless OPTS.method says otherwise).
export async function req(path, opts = {}) {
  const o = { ...opts, headers: { ...(opts.headers || {}) } };
  if (opts.json !== undefined) {
    o.method = o.method || 'POST';
    o.body = JSON.stringify(opts.json);
    o.headers['Content-Type'] = 'application/json';
    delete o.json;
  }
  const res = await fetch(BASE + path, o);
  const text = await res.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = text; }
  return { status: res.status, headers: res.headers, body, text };
}

// Assert RES is a JSON error {"error": {code, message, field}} with STATUS and CODE.
export function assertError(res, status, code) {
  assert.equal(res.status, status, `status of ${res.text}`);
  assert.match(res.headers.get('content-type') || '', /^application\/json/);
  assert.equal(typeof res.body, 'object');
  assert.ok(res.body.error, 'has "error"');
  assert.equal(res.body.error.code, code);
  assert.equal(typeof res.body.error.message, 'string');
  assert.ok(res.body.error.message.length > 0, 'message not empty');
  assert.ok('field' in res.body.error, 'has "field"');
  return res.body.error;
}

// Vietnamese text: at least one letter with a Vietnamese diacritic.
export const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

// A session of a new coordinator LOGIN of commune COMMUNE (by name), created
// by the admin session ADMIN ({cookie, csrf}): who fills or submits a report
// does not approve it (issue 9 §6), so tests that fill as the admin approve
// as this one. Returns {cookie, csrf}.
export async function coordinatorSession(admin, login, commune = 'Minh Đức') {
  const h = { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrf };
  const orgs = await req('/api/v1/orgs', { headers: h });
  assert.equal(orgs.status, 200, orgs.text);
  const org = orgs.body.orgs.find((o) => o.name === commune && o.kind === 'commune');
  assert.ok(org, `commune ${commune}: ${orgs.text}`);
  const password = `mat-khau-${login}`;
  const u = await req('/api/v1/users', { headers: h, json: { login, display: login, role: 'coordinator', org_id: org.id, password } });
  assert.ok(u.status === 201 || u.status === 200, u.text);
  const l = await req('/api/v1/login', { json: { login, password } });
  assert.equal(l.status, 200, l.text);
  return { cookie: l.headers.get('set-cookie').split(';')[0], csrf: l.body.csrf_token };
}
