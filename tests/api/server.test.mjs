// server.test.mjs — what every response of the server has: the health
// endpoint, security headers, JSON errors in Vietnamese and English, body
// limits, malformed JSON, routing errors, static files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { req, assertError, VIETNAMESE } from './lib.mjs';

test('GET /api/v1/health answers ok as JSON, not cached', async () => {
  const r = await req('/api/v1/health');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, { status: 'ok' });
  assert.match(r.headers.get('content-type'), /^application\/json/);
  assert.equal(r.headers.get('cache-control'), 'no-store');
});

test('security headers on API, static and error responses', async () => {
  for (const path of ['/api/v1/health', '/', '/app.css', '/api/v1/nothing-here', '/no-such-file.js']) {
    const r = await req(path);
    const csp = r.headers.get('content-security-policy') || '';
    assert.match(csp, /default-src 'self'/, path);
    assert.match(csp, /script-src 'self'(;|$)/, `${path}: no inline or eval script`);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, path);
    assert.match(csp, /frame-ancestors 'none'/, path);
    assert.match(csp, /object-src 'none'/, path);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff', path);
    assert.match(r.headers.get('referrer-policy') || '', /^(same-origin|no-referrer)$/, path);
  }
});

test('unknown API path: 404 JSON error in Vietnamese by default', async () => {
  const e = assertError(await req('/api/v1/nothing-here'), 404, 'not_found');
  assert.match(e.message, VIETNAMESE);
  assert.match(e.message, /\/api\/v1\/nothing-here/);
});

test('unknown API path: English with Accept-Language: en', async () => {
  const r = await req('/api/v1/nothing-here', { headers: { 'Accept-Language': 'en-US,en;q=0.9' } });
  const e = assertError(r, 404, 'not_found');
  assert.doesNotMatch(e.message, VIETNAMESE);
  assert.match(e.message, /No such address/);
  assert.equal(r.headers.get('content-language'), 'en');
  const vi = await req('/api/v1/nothing-here', { headers: { 'Accept-Language': 'vi-VN,vi;q=0.9,en;q=0.5' } });
  assert.match(vi.body.error.message, VIETNAMESE);
});

test('wrong method: 405 JSON error', async () => {
  assertError(await req('/api/v1/health', { method: 'DELETE' }), 405, 'bad_input');
});

test('body over the route limit (declared length): 413', async () => {
  const e = assertError(await req('/api/v1/login', { json: { login: 'a', password: 'x'.repeat(10000) } }),
    413, 'too_big');
  assert.equal(e.field, 'body');
  assert.match(e.message, VIETNAMESE);
});

test('body over the limit sent chunked (no length): 413 while receiving', async () => {
  const chunk = new TextEncoder().encode('x'.repeat(1024));
  const body = new ReadableStream({
    start(c) { for (let i = 0; i < 64; i++) c.enqueue(chunk); c.close(); },
  });
  const res = await fetch(process.env.DTI_URL + '/api/v1/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body, duplex: 'half',
  });
  assert.equal(res.status, 413);
  assert.equal((await res.json()).error.code, 'too_big');
});

test('over the default 1 MiB limit on any route: 413', async () => {
  const r = await req('/api/v1/logout', { method: 'POST', body: 'x'.repeat(1100000),
    headers: { 'Content-Type': 'application/json' } });
  assertError(r, 413, 'too_big');
});

test('malformed JSON: 400 naming line, column and problem', async () => {
  const e = assertError(await req('/api/v1/login', { method: 'POST', body: '{"login": "a",\n "password": }',
    headers: { 'Content-Type': 'application/json' } }), 400, 'bad_input');
  assert.equal(e.field, 'body');
  assert.match(e.message, /JSON/);
  assert.match(e.message, /dòng 2/);
  const en = assertError(await req('/api/v1/login', { method: 'POST', body: '{"login": "a",\n "password": }',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en' } }), 400, 'bad_input');
  assert.match(en.message, /line 2, column \d+/);
});

test('JSON: wrong content type, too deep, not an object, duplicate keys', async () => {
  let e = assertError(await req('/api/v1/login', { method: 'POST', body: '{"login":"a","password":"b"}',
    headers: { 'Content-Type': 'text/plain' } }), 400, 'bad_format');
  assert.equal(e.field, 'Content-Type');
  e = assertError(await req('/api/v1/login', { method: 'POST', body: '['.repeat(40) + ']'.repeat(40),
    headers: { 'Content-Type': 'application/json' } }), 400, 'bad_input');
  assert.match(e.message, /32/);
  assertError(await req('/api/v1/login', { method: 'POST', body: '[1, 2]',
    headers: { 'Content-Type': 'application/json' } }), 400, 'bad_input');
  e = assertError(await req('/api/v1/login', { method: 'POST', body: '{"login":"a","login":"b","password":"c"}',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en' } }), 400, 'bad_input');
  assert.match(e.message, /duplicate/);
  e = assertError(await req('/api/v1/login', { json: { password: 'x' } }), 400, 'bad_input');
  assert.equal(e.field, 'login');
});

test('session routes without a session: 401 JSON', async () => {
  for (const path of ['/api/v1/me', '/api/v1/plans', '/api/v1/plans/1']) {
    const e = assertError(await req(path), 401, 'unauthorized');
    assert.match(e.message, VIETNAMESE);
  }
  assertError(await req('/api/v1/logout', { method: 'POST' }), 401, 'unauthorized');
  // a forged cookie is no session either
  assertError(await req('/api/v1/me', { headers: { Cookie: 'dti_session=' + 'a'.repeat(64) } }), 401, 'unauthorized');
});

test('static files: index at /, modules, css, Chart.js, public page', async () => {
  const index = await req('/');
  assert.equal(index.status, 200);
  assert.match(index.headers.get('content-type'), /^text\/html/);
  assert.match(index.text, /<html lang="vi">/);
  assert.doesNotMatch(index.text, /<script>|<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
  assert.doesNotMatch(index.text, /<style|style="/, 'no inline style');
  const js = await req('/js/main.js');
  assert.equal(js.status, 200);
  assert.match(js.headers.get('content-type'), /^text\/javascript/);
  const css = await req('/app.css');
  assert.match(css.headers.get('content-type'), /^text\/css/);
  const chart = await req('/vendor/chart.js');
  assert.equal(chart.status, 200);
  assert.match(chart.text, /Chart\.js v4/);
  const pub = await req('/public');
  assert.equal(pub.status, 200);
  assert.match(pub.text, /public\.js/);
  assertError(await req('/js/../../etc/passwd'), 404, 'not_found');
  assertError(await req('/node_modules/chart.js/package.json'), 404, 'not_found');
});

test('public ranking needs no login', async () => {
  const r = await req('/api/v1/public/rankings');
  assert.equal(r.status, 200);
  assert.ok(Array.isArray(r.body.rankings));
});

test('every route of src/http/routes.c is in docs/api/openapi.yaml', async () => {
  const fs = await import('node:fs');
  const root = process.env.DTI_ROOT || '.';
  const routes = fs.readFileSync(`${root}/src/http/routes.c`, 'utf8');
  const spec = fs.readFileSync(`${root}/docs/api/openapi.yaml`, 'utf8');
  const found = [...routes.matchAll(/\{"(GET|POST|PUT|PATCH|DELETE)",\s*"([^"]+)"/g)];
  assert.ok(found.length >= 5, 'routes read');
  for (const [, method, pattern] of found) {
    const p = pattern.replace(/:(\w+)/g, '{$1}');
    const at = spec.indexOf(`\n  ${p}:\n`);
    assert.ok(at >= 0, `${p} documented`);
    const next = spec.indexOf('\n  /', at + 1);
    const block = spec.slice(at, next < 0 ? undefined : next);
    assert.match(block, new RegExp(`\\n    ${method.toLowerCase()}:`), `${method} ${p} documented`);
  }
});

test('an upload from no session is refused with 401 before its body is read', async () => {
  const fd = new FormData();
  fd.append('file', new Blob([Buffer.alloc(3 << 20, 'a')]), 'plan.txt');
  const res = await fetch(process.env.DTI_URL + '/api/v1/imports', { method: 'POST', body: fd });
  assert.equal(res.status, 401);
  assert.equal((await res.json()).error.code, 'unauthorized');
});

// One TCP connection, several requests in turn (HTTP/1.1 keep-alive): a
// request answered with "Connection: close" makes every client pay a new
// connection per request (bench/, docs/performance.md). The bodiless GETs,
// an authenticated GET and a POST with a body all keep the connection.
test('keep-alive: GET, authenticated GET and POST with a body share one connection', async () => {
  const net = await import('node:net');
  const url = new URL(process.env.DTI_URL || 'http://127.0.0.1:8080');
  const sock = net.connect(Number(url.port), url.hostname);
  await new Promise((ok, ko) => { sock.once('connect', ok); sock.once('error', ko); });
  let buf = Buffer.alloc(0), closed = false;
  sock.on('data', (d) => { buf = Buffer.concat([buf, d]); });
  sock.on('close', () => { closed = true; });
  // one whole response off the front of buf: {status, headers, body}
  const next = () => new Promise((ok, ko) => {
    const t0 = Date.now();
    const poll = () => {
      const end = buf.indexOf('\r\n\r\n');
      if (end >= 0) {
        const head = buf.subarray(0, end).toString('latin1').split('\r\n');
        const headers = Object.fromEntries(head.slice(1).map((l) => {
          const i = l.indexOf(':');
          return [l.slice(0, i).trim().toLowerCase(), l.slice(i + 1).trim()];
        }));
        const len = Number(headers['content-length'] ?? NaN);
        assert.ok(Number.isFinite(len), `a Content-Length in ${head.join(' | ')}`);
        if (buf.length >= end + 4 + len) {
          const body = buf.subarray(end + 4, end + 4 + len).toString('utf8');
          buf = buf.subarray(end + 4 + len);
          return ok({ status: Number(head[0].split(' ')[1]), headers, body });
        }
      }
      if (closed) return ko(new Error('the server closed the connection'));
      if (Date.now() - t0 > 5000) return ko(new Error('no response in 5 s'));
      setTimeout(poll, 5);
    };
    poll();
  });
  const host = `Host: ${url.host}\r\n`;
  try {
    sock.write(`GET /api/v1/health HTTP/1.1\r\n${host}\r\n`);
    const a = await next();
    assert.equal(a.status, 200);
    assert.notEqual((a.headers.connection || '').toLowerCase(), 'close', 'health keeps the connection');
    const body = JSON.stringify({ login: process.env.DTI_ADMIN || 'admin', password: process.env.DTI_ADMIN_PASSWORD || '' });
    sock.write(`POST /api/v1/login HTTP/1.1\r\n${host}Content-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const b = await next();
    assert.equal(b.status, 200, b.body);
    assert.notEqual((b.headers.connection || '').toLowerCase(), 'close', 'a POST with a body keeps the connection');
    const cookie = (b.headers['set-cookie'] || '').split(';')[0];
    assert.match(cookie, /^dti_session=/);
    sock.write(`GET /api/v1/me HTTP/1.1\r\n${host}Cookie: ${cookie}\r\n\r\n`);
    const c = await next();
    assert.equal(c.status, 200, c.body);
    assert.notEqual((c.headers.connection || '').toLowerCase(), 'close', 'an authenticated GET keeps the connection');
    assert.equal(closed, false);
  } finally {
    sock.destroy();
  }
});
