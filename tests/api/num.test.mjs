// num.test.mjs — the web form's number parser (web/js/num.js) reads every
// line of tests/data/num_cases.tsv as the server's (src/base/num.c,
// tests/unit/test_num.c) does: the same value, or refused. No server needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = process.env.DTI_ROOT || path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { parse, read, format } = await import(path.join(ROOT, 'web/js/num.js'));

test('the shared table: the browser reads numbers as the server does', () => {
  const lines = fs.readFileSync(path.join(ROOT, 'tests/data/num_cases.tsv'), 'utf8').split('\n')
    .filter((l) => l && !l.startsWith('#'));
  assert.ok(lines.length >= 40);
  for (const l of lines) {
    const [text, kind, want] = l.split('\t');
    const r = read(text, kind);
    if (want === '!') assert.ok(r.error, `"${text}" (${kind}) accepted as ${r.value}`);
    else {
      assert.ok(!r.error, `"${text}" (${kind}) refused: ${r.error}`);
      assert.ok(Math.abs(r.value - Number(want)) < 1e-12, `"${text}" (${kind}): ${r.value}, want ${want}`);
    }
  }
});

test('what the form shows and sends', () => {
  assert.equal(format(2100), '2.100');
  assert.equal(format(2.5), '2,5');
  assert.equal(format(1234567.891, 2), '1.234.567,89');
  assert.equal(format(2.125, 9, false), '2,125');
  assert.equal(format(-0.0001, 2), '0');
  const r = parse('2.100');
  assert.equal(r.value, 2100);
  assert.equal(r.alt, 2.1);
  assert.match(read('2.100', 'rate').error, /không rõ.*2,1/);
  assert.match(read('1,234', 'count').error, /không rõ.*1234/);
  assert.match(read('1e308', 'measure').error, /số mũ/);
  assert.equal(read('', 'count').value, null);
});
