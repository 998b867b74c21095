// server_edges.test.mjs — protocol edges the server answers itself, in JSON
// with the security headers (issue 9): HTTP/1.1 without Host (400), a long
// request target (414), long headers (431), Expect: 100-continue refused
// before 100 Continue, and multipart bodies with too many parts, a part
// header of 100 KB, no closing boundary, or a file name that is not UTF-8
// (400, each with its message). Raw sockets: fetch would fix the requests.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { req, BASE } from './lib.mjs';

const url = new URL(BASE);
const ADMIN = process.env.DTI_ADMIN || 'admin';
const PASSWORD = process.env.DTI_ADMIN_PASSWORD || '';
let cookie, csrf;

before(async () => {
  const r = await req('/api/v1/login', { json: { login: ADMIN, password: PASSWORD } });
  assert.equal(r.status, 200, r.text);
  cookie = r.headers.get('set-cookie').split(';')[0];
  csrf = r.body.csrf_token;
});

// Send DATA on a new connection; resolve with the whole answer (until the
// server closes, or WAIT ms of silence) as {raw, status, headers, json}.
// Generous silences (20 s before the first byte, 1.5 s between two): on a
// loaded 2-core CI machine a shorter one cut answers in two; the answers
// here close the connection, so the wait is only paid when something hangs.
function raw(data, wait = 20000) {
  return new Promise((ok, ko) => {
    const sock = net.connect(Number(url.port), url.hostname);
    let buf = Buffer.alloc(0), timer;
    const done = () => {
      clearTimeout(timer);
      sock.destroy();
      const text = buf.toString('latin1');
      const [head, ...rest] = text.split('\r\n\r\n');
      const lines = head.split('\r\n');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0] || '');
      const headers = Object.fromEntries(lines.slice(1).map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      let json = null;
      try { json = JSON.parse(Buffer.from(rest.join('\r\n\r\n'), 'latin1').toString('utf8')); } catch { /* not JSON */ }
      ok({ raw: text, status: m ? Number(m[1]) : null, headers, json });
    };
    sock.on('data', (d) => { buf = Buffer.concat([buf, d]); clearTimeout(timer); timer = setTimeout(done, 1500); });
    sock.on('end', done);
    sock.on('error', (e) => (buf.length ? done() : ko(e)));
    timer = setTimeout(done, wait);
    sock.write(data);
  });
}

function assertJsonError(r, status, code) {
  assert.equal(r.status, status, r.raw.slice(0, 300));
  assert.match(r.headers['content-type'] || '', /^application\/json/);
  assert.match(r.headers['content-security-policy'] || '', /default-src 'self'/);
  assert.equal(r.headers['x-content-type-options'], 'nosniff');
  assert.equal(r.json?.error?.code, code);
  return r.json.error;
}

test('HTTP/1.1 without Host: 400 in JSON (RFC 9112)', async () => {
  assertJsonError(await raw('GET /api/v1/health HTTP/1.1\r\n\r\n'), 400, 'bad_input');
  // HTTP/1.0 needs no Host
  const r = await raw('GET /api/v1/health HTTP/1.0\r\n\r\n');
  assert.equal(r.status, 200);
});

test('a long request target is 414 and long headers 431, in JSON', async () => {
  assertJsonError(await raw(`GET /api/v1/${'a'.repeat(20000)} HTTP/1.1\r\nHost: x\r\n\r\n`), 414, 'too_big');
  assertJsonError(await raw(`GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(40000)}\r\n\r\n`), 431, 'too_big');
});

test('Expect: 100-continue without a session: 401 at once, never 100 Continue', async () => {
  const r = await raw('POST /api/v1/imports HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=B\r\n' +
    `Content-Length: ${20 << 20}\r\nExpect: 100-continue\r\n\r\n`);
  assert.doesNotMatch(r.raw, /100 Continue/);
  assertJsonError(r, 401, 'unauthorized');
  // with a session, the same client is told to go on
  const ok = await raw('POST /api/v1/imports/preview HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=B\r\n' +
    `Cookie: ${cookie}\r\nX-CSRF-Token: ${csrf}\r\nContent-Length: 1000\r\nExpect: 100-continue\r\n\r\n`, 800);
  assert.match(ok.raw, /^HTTP\/1\.1 100 Continue/);
});

function multipart(parts, close = true) {
  let s = '';
  for (const [h, d] of parts) s += `--B\r\n${h}\r\n\r\n${d}\r\n`;
  return close ? s + '--B--\r\n' : s;
}
async function upload(body, path = '/api/v1/imports/preview') {
  const b = Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1');
  const head = `POST ${path} HTTP/1.1\r\nHost: x\r\nCookie: ${cookie}\r\nX-CSRF-Token: ${csrf}\r\n` +
    `Content-Type: multipart/form-data; boundary=B\r\nContent-Length: ${b.length}\r\nConnection: close\r\n\r\n`;
  return raw(Buffer.concat([Buffer.from(head), b]));
}
const FILE = 'Content-Disposition: form-data; name="file"; filename="plan.txt"';

test('a multipart body with 17 parts: 400 naming the limit (not a closed connection)', async () => {
  const parts = Array.from({ length: 17 }, (_, i) => [`Content-Disposition: form-data; name="f${i}"`, 'x']);
  const e = assertJsonError(await upload(multipart(parts)), 400, 'bad_input');
  assert.match(e.message, /16/);
});

test('a part header of 100 KB: 400', async () => {
  const e = assertJsonError(await upload(multipart([[`${FILE}\r\nX-Pad: ${'p'.repeat(100000)}`, 'Kế hoạch']])), 400, 'bad_input');
  assert.match(e.message, /8192/);
});

test('a body without its closing boundary is refused', async () => {
  const e = assertJsonError(await upload(multipart([[FILE, 'KẾ HOẠCH\n1. Chỉ tiêu']], false)), 400, 'bad_input');
  assert.match(e.message, /ranh giới/);
});

test('a file name that is not UTF-8: 400, not 500', async () => {
  const body = Buffer.concat([Buffer.from('--B\r\nContent-Disposition: form-data; name="file"; filename="k\xea'), Buffer.from([0xff]),
    Buffer.from('.txt"\r\n\r\nKế hoạch\r\n--B--\r\n')]);
  const e = assertJsonError(await upload(body), 400, 'bad_input');
  assert.match(e.message, /UTF-8/);
  assertJsonError(await upload(body, '/api/v1/imports'), 400, 'bad_input');
});
