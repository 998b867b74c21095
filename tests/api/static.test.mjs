// static.test.mjs — the UI's files (http/static.c): the page names its CSS
// and first module under the version prefix; those are gzip-compressed when
// asked and cached for a year; the page itself is always revalidated; a
// client without gzip gets the plain bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';

const BASE = process.env.DTI_URL || 'http://127.0.0.1:8080';

test('versioned, compressed, long-lived static files; the page revalidated', async () => {
  const page = await fetch(BASE + '/');
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('cache-control'), 'no-cache');
  const html = await page.text();
  const m = /src="(\/b\/[0-9a-f]{16}\/)js\/main\.js"/.exec(html);
  assert.ok(m, 'main.js under the version prefix: ' + html.slice(0, 400));
  assert.match(html, new RegExp(`href="${m[1]}app\\.css"`));
  const gz = await fetch(BASE + m[1] + 'vendor/chart.js', { headers: { 'Accept-Encoding': 'gzip' }, decompress: false });
  assert.equal(gz.status, 200);
  assert.equal(gz.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.match(gz.headers.get('vary') || '', /Accept-Encoding/);
  // fetch decompresses: compare with the plain answer, and the wire size with the raw one
  const plain = await fetch(BASE + m[1] + 'vendor/chart.js', { headers: { 'Accept-Encoding': 'identity' } });
  assert.equal(plain.headers.get('content-encoding'), null);
  const plainBody = Buffer.from(await plain.arrayBuffer());
  assert.ok(plainBody.length > 150000, `Chart.js ${plainBody.length} bytes`);
  assert.equal(gz.headers.get('content-encoding'), 'gzip');
  const unzipped = Buffer.from(await gz.arrayBuffer());
  assert.deepEqual(unzipped, plainBody, 'the same file');
  assert.ok(zlib.gzipSync(plainBody, { level: 9 }).length < plainBody.length / 2, 'worth compressing');
  // an old version prefix still answers, never cached for long
  const old = await fetch(BASE + '/b/0000000000000000/js/main.js');
  assert.equal(old.status, 200);
  assert.equal(old.headers.get('cache-control'), 'no-cache');
  const none = await fetch(BASE + m[1] + 'js/nothing-here.js');
  assert.equal(none.status, 404);
});
