// session.test.mjs — logging in and out, the session cookie, the CSRF
// token on writes, the login throttle. The admin account is created by
// tests/run-node.sh (DTI_ADMIN / DTI_ADMIN_PASSWORD).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { req, assertError, VIETNAMESE } from './lib.mjs';

const ADMIN = process.env.DTI_ADMIN || 'admin';
const PASSWORD = process.env.DTI_ADMIN_PASSWORD || '';

async function login() {
  const r = await req('/api/v1/login', { json: { login: ADMIN, password: PASSWORD } });
  assert.equal(r.status, 200, r.text);
  const cookie = (r.headers.get('set-cookie') || '').split(';')[0];
  return { r, cookie, csrf: r.body.csrf_token };
}

test('login: the cookie is HttpOnly, SameSite=Strict, Path=/, 256-bit; the answer has the user and a CSRF token', async () => {
  const { r, cookie, csrf } = await login();
  const sc = r.headers.get('set-cookie');
  assert.match(sc, /^dti_session=[0-9a-f]{64};/);
  assert.match(sc, /; HttpOnly/);
  assert.match(sc, /; SameSite=Strict/);
  assert.match(sc, /; Path=\//);
  assert.doesNotMatch(sc, /; Secure/, 'plain HTTP without --trust-proxy');
  assert.match(csrf, /^[0-9a-f]{64}$/);
  assert.notEqual(cookie.split('=')[1], csrf);
  assert.equal(r.body.user.login, ADMIN);
  assert.equal(r.body.user.role, 'admin');
  assert.equal(r.headers.get('cache-control'), 'no-store');
  // two logins are two sessions
  const again = await login();
  assert.notEqual(again.cookie, cookie);
});

test('me: the user and the same CSRF token with the cookie; 401 without', async () => {
  const { cookie, csrf } = await login();
  const me = await req('/api/v1/me', { headers: { Cookie: cookie } });
  assert.equal(me.status, 200);
  assert.equal(me.body.user.login, ADMIN);
  assert.equal(me.body.csrf_token, csrf);
  assertError(await req('/api/v1/me'), 401, 'unauthorized');
});

test('wrong password or unknown user: the same 401, in Vietnamese and English', async () => {
  const a = assertError(await req('/api/v1/login', { json: { login: ADMIN, password: PASSWORD + 'x' } }), 401, 'unauthorized');
  const b = assertError(await req('/api/v1/login', { json: { login: 'no-such-user', password: 'whatever123' } }), 401, 'unauthorized');
  assert.equal(a.message, b.message, 'no hint whether the user exists');
  assert.match(a.message, VIETNAMESE);
  const en = assertError(await req('/api/v1/login', { json: { login: 'no-such-user-2', password: 'whatever123' },
    headers: { 'Accept-Language': 'en' } }), 401, 'unauthorized');
  assert.doesNotMatch(en.message, VIETNAMESE);
});

test('repeated failures on one name are slowed, then refused even with the right password', async () => {
  const name = 'throttle-' + process.pid;
  let last;
  for (let i = 0; i < 6; i++) last = await req('/api/v1/login', { json: { login: name, password: 'wrong-password' } });
  assertError(last, 401, 'unauthorized');
  assert.notEqual(last.body.error.message,
    (await req('/api/v1/login', { json: { login: 'fresh-' + process.pid, password: 'wrong-password' } })).body.error.message,
    'a throttled name is told to wait');
});

test('writes need the X-CSRF-Token of the session', async () => {
  const { cookie, csrf } = await login();
  let e = assertError(await req('/api/v1/logout', { method: 'POST', headers: { Cookie: cookie } }), 403, 'forbidden');
  assert.equal(e.field, 'X-CSRF-Token');
  e = assertError(await req('/api/v1/logout', { method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': 'f'.repeat(64) } }),
    403, 'forbidden');
  const other = await login();
  assertError(await req('/api/v1/logout', { method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': other.csrf } }),
    403, 'forbidden');
  // still logged in after the refused writes
  assert.equal((await req('/api/v1/me', { headers: { Cookie: cookie } })).status, 200);
  const out = await req('/api/v1/logout', { method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': csrf } });
  assert.equal(out.status, 204);
  assert.match(out.headers.get('set-cookie'), /^dti_session=; .*Max-Age=0/);
  // the session is gone
  assertError(await req('/api/v1/me', { headers: { Cookie: cookie } }), 401, 'unauthorized');
  // the other session lives on
  assert.equal((await req('/api/v1/me', { headers: { Cookie: other.cookie } })).status, 200);
});
