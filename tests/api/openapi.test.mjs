// openapi.test.mjs — the API description is true: every GET of
// docs/api/openapi.yaml is asked on a demo store (its own server, `dti demo`
// at the pinned now, tests/lib/now.mjs) as the roles that use it, and each
// answer must (1) have a status the description lists for that operation and
// (2) validate against the schema it gives for that status (ajv, draft-07,
// with OpenAPI 3.0's `nullable` turned into a null type). Routes in the
// description that no case below asks fail the test, so a new GET cannot go
// undescribed-by-test; a 200 without a schema fails too. The description is
// also linted (@redocly/cli) with no error and no warning.
import { test, before, after } from 'node:test';
import { testDb } from '../lib/db.mjs';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { NOW, nowEnv } from '../lib/now.mjs';

const ROOT = process.env.DTI_ROOT || process.cwd();
const require = createRequire(path.join(ROOT, 'web', 'package.json'));
const Ajv = require('ajv');
const addFormats = require('ajv-formats');
const YAML = require('yaml');
const DTI = process.env.DTI || path.join(ROOT, 'build/dti');
const SPEC_FILE = path.join(ROOT, 'docs/api/openapi.yaml');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dti-openapi-'));
const DB = testDb(path.join(tmp, 'api.db'));
let server, BASE, months, reqCode;
const cookies = {}, ids = {};

before(async () => {
  months = JSON.parse(execFileSync(DTI, ['--db', DB, '--json', 'demo'], { env: nowEnv(), encoding: 'utf8' })).months;
  // two ad-hoc requests, one cancelled, dated from the pinned now (the Request schema with both states)
  const day = (n) => new Date(Date.parse(NOW) + 7 * 3600e3 + n * 86400e3).toISOString().slice(0, 10);
  const cli = (...a) => execFileSync(DTI, ['--db', DB, '--as', 'dieuphoi', ...a], { env: nowEnv({ DTI_PASSWORD: 'demo-2026' }), encoding: 'utf8' });
  cli('calendar', 'request', '1', 'adhoc', '--title', 'Báo cáo đột xuất', '--from', day(-3), '--to', day(-1), '--due', day(5));
  cli('calendar', 'request', '1', 'adhoc', '--title', 'Hủy', '--from', day(-3), '--to', day(-1), '--due', day(5));
  reqCode = `${day(5).slice(0, 4)}-D01`;
  cli('calendar', 'request-cancel', '1', `${day(5).slice(0, 4)}-D02`, '--reason', 'Trùng');
  server = spawn(DTI, ['--db', DB, 'serve', '--listen', '127.0.0.1:0', '--threads', '2'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: nowEnv() });
  server.stderr.resume();
  BASE = await new Promise((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => reject(new Error('server did not start: ' + out)), 60000);
    server.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+/);
      if (m) { clearTimeout(t); resolve(m[0]); }
    });
  });
  for (const who of ['admin', 'dieuphoi', 'kinhte', 'chutich', 'tinh']) {
    const r = await fetch(BASE + '/api/v1/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ login: who, password: 'demo-2026' }) });
    const text = await r.text();
    assert.equal(r.status, 200, `${who}: ${text}`);
    cookies[who] = r.headers.get('set-cookie').split(';')[0];
    ids[who] = JSON.parse(text).user.id;
  }
});

after(async () => {
  if (server) {
    const done = new Promise((r) => server.on('exit', r));
    server.kill('SIGTERM');
    await done;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

// OpenAPI 3.0 schema → JSON Schema draft-07 as ajv reads it: nullable
// becomes a null type (or a null alternative), $ref into components kept.
function toJsonSchema(s) {
  if (Array.isArray(s)) return s.map(toJsonSchema);
  if (!s || typeof s !== 'object') return s;
  const o = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'nullable' || k === 'example' || k === 'xml' || k === 'externalDocs' || k === 'deprecated') continue;
    if (k === '$ref') o.$ref = v.replace('#/components/schemas/', '#/definitions/');
    else if (k === 'properties' || k === 'definitions') o[k] = Object.fromEntries(Object.entries(v).map(([n, x]) => [n, toJsonSchema(x)]));
    else o[k] = toJsonSchema(v);
  }
  if (s.nullable) {
    if (o.$ref) return { anyOf: [{ $ref: o.$ref }, { type: 'null' }] };
    if (typeof o.type === 'string') o.type = [o.type, 'null'];
    if (o.enum) o.enum = [...o.enum, null];
  }
  return o;
}

function loadSpec() {
  return YAML.parse(fs.readFileSync(SPEC_FILE, 'utf8'));
}

// Every case: [operation path, concrete path, user]. Periods are the demo's.
function cases(spec) {
  const last = months[months.length - 1];
  const out = [
    ['/api/v1/health', '/api/v1/health', null],
    ['/api/v1/me', '/api/v1/me', 'kinhte'],
    ['/api/v1/me', '/api/v1/me', 'admin'],
    ['/api/v1/plans', '/api/v1/plans', 'chutich'],
    ['/api/v1/plans/{id}', '/api/v1/plans/1', 'dieuphoi'],
    ['/api/v1/plans/{id}', '/api/v1/plans/999', 'dieuphoi'],
    ['/api/v1/public/rankings', '/api/v1/public/rankings', null],
    ['/api/v1/plans/{id}/reports/{org}/{period}', `/api/v1/plans/1/reports/${encodeURIComponent('Phòng Kinh tế xã')}/${last}`, 'kinhte'],
    ['/api/v1/plans/{id}/reports/{org}/{period}', `/api/v1/plans/1/reports/${encodeURIComponent('Công an xã')}/${months[0]}`, 'dieuphoi'],
    ['/api/v1/plans/{id}/reports/{org}/{period}/versions', `/api/v1/plans/1/reports/${encodeURIComponent('Công an xã')}/${months[0]}/versions`, 'dieuphoi'],
    ['/api/v1/plans/{id}/completeness/{period}', `/api/v1/plans/1/completeness/${last}`, 'chutich'],
    ['/api/v1/plans/{id}/completeness/{period}', `/api/v1/plans/1/completeness/${reqCode}`, 'dieuphoi'],
    ['/api/v1/plans/{id}/score/{period}', `/api/v1/plans/1/score/${last}`, 'chutich'],
    ['/api/v1/plans/{id}/score/{period}', `/api/v1/plans/1/score/${last}?inputs=1`, 'dieuphoi'],
    ['/api/v1/plans/{id}/rankings', `/api/v1/plans/1/rankings?period=${last}`, 'chutich'],
    ['/api/v1/plans/{id}/rankings', `/api/v1/plans/1/rankings?period=${last}&by=achievement`, 'dieuphoi'],
    ['/api/v1/plans/{id}/rankings', `/api/v1/plans/1/rankings?period=${last}&by=communes`, 'tinh'],
    ['/api/v1/country/rankings', `/api/v1/country/rankings?period=${last}`, 'admin'],
    ['/api/v1/country/rankings', `/api/v1/country/rankings?period=${last}&province=pooled`, 'tinh'],
    ['/api/v1/audit', '/api/v1/audit?entity=indicator&id=1', 'dieuphoi'],
    ['/api/v1/plans/{id}/periods', '/api/v1/plans/1/periods', 'kinhte'],
    ['/api/v1/plans/{id}/requests', '/api/v1/plans/1/requests', 'kinhte'],
    ['/api/v1/plans/{id}/assignments/{org}', `/api/v1/plans/1/assignments/${encodeURIComponent('Phòng Kinh tế xã')}`, 'kinhte'],
    ['/api/v1/plans/{id}/reports', '/api/v1/plans/1/reports', 'dieuphoi'],
    ['/api/v1/plans/{id}/reports', '/api/v1/plans/1/reports?state=approved', 'chutich'],
    ['/api/v1/users', '/api/v1/users', 'admin'],
    ['/api/v1/users', '/api/v1/users', 'kinhte'],
    ['/api/v1/orgs', '/api/v1/orgs', 'dieuphoi'],
    ['/api/v1/orgs/changes', '/api/v1/orgs/changes', 'dieuphoi'],
    ['/api/v1/orgs/changes', '/api/v1/orgs/changes?org=1', 'admin'],
    ['/api/v1/plans/{id}/assignments', '/api/v1/plans/1/assignments', 'dieuphoi'],
    ['/api/v1/plans/{id}/units', '/api/v1/plans/1/units', 'dieuphoi'],
    ['/api/v1/evidence/{eid}', '/api/v1/evidence/1', 'dieuphoi'],
    ['/api/v1/evidence/{eid}/view', '/api/v1/evidence/1/view', 'dieuphoi'],
    ['/api/v1/plans/{id}/appraisal/{period}', `/api/v1/plans/1/appraisal/${last}`, 'dieuphoi'],
    ['/api/v1/plans/{id}/reports/{org}/{period}/evidence', `/api/v1/plans/1/reports/${encodeURIComponent('Phòng Kinh tế xã')}/${last}/evidence`, 'kinhte'],
    ['/api/v1/notices', '/api/v1/notices', 'kinhte'],
    ['/api/v1/users/{uid}/email', `/api/v1/users/${ids.kinhte}/email`, 'kinhte'],
    ['/api/v1/plans/{id}/reminders', '/api/v1/plans/1/reminders', 'dieuphoi'],
    ['/api/v1/plans/{id}/export-settings', '/api/v1/plans/1/export-settings', 'dieuphoi'],
    ['/api/v1/plans/{id}/export/{period}', `/api/v1/plans/1/export/${last}?format=json`, 'chutich'],
    ['/api/v1/plans/{id}/export/{period}', `/api/v1/plans/1/export/${last}?format=csv`, 'chutich'],
    ['/api/v1/plans/{id}/export/{period}', `/api/v1/plans/1/export/${last}?format=docx`, 'dieuphoi'],
    ['/api/v1/provinces/{pid}/export/{period}', `/api/v1/provinces/1/export/${last}?format=xlsx`, 'admin'],
    ['/api/v1/provinces', '/api/v1/provinces', 'tinh'],
    ['/api/v1/provinces', '/api/v1/provinces', 'admin'],
    ['/api/v1/provinces/{pid}/home', `/api/v1/provinces/1/home?period=${last}`, 'tinh'],
    ['/api/v1/provinces/{pid}/home', `/api/v1/provinces/1/home?period=${last}`, 'chutich'],
    ['/api/v1/provinces/{pid}/indicators', `/api/v1/provinces/1/indicators?period=${last}`, 'tinh'],
    ['/api/v1/provinces/{pid}/workbook', `/api/v1/provinces/1/workbook?period=${last}`, 'tinh'],
    ['/api/v1/provinces/{pid}/compare', `/api/v1/provinces/1/compare?period=${last}&code=1.1&name=${encodeURIComponent('Tỷ lệ phủ sóng 5G trên dân số')}`, 'tinh'],
  ];
  // the audit of a report needs a report id: the one of the case above
  return out;
}

test('the description lints clean (@redocly/cli: no error, no warning)', () => {
  const bin = path.join(ROOT, 'web/node_modules/.bin/redocly');
  let out;
  try {
    // redocly prints its verdict on stderr: both streams, merged
    out = execFileSync('sh', ['-c', `"$0" lint "$1" --format=summary 2>&1`, bin, SPEC_FILE],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } });
  } catch (e) {
    assert.fail(`redocly lint failed:\n${e.stdout}\n${e.stderr}`);
  }
  assert.match(out + '', /valid|Woohoo/i);
  assert.doesNotMatch(out + '', /^warning/m, out);
});

test('every GET answers a documented status with a body its schema accepts', async () => {
  const spec = loadSpec();
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const defs = toJsonSchema(spec.components.schemas);
  const asked = new Set();
  const problems = [];
  for (const [op, url, who] of cases(spec)) {
    const item = spec.paths[op];
    assert.ok(item && item.get, `${op}: no GET in the description`);
    asked.add(op);
    const res = await fetch(BASE + url, { headers: who ? { Cookie: cookies[who] } : {} });
    const status = String(res.status);
    const doc = item.get.responses[status] || item.get.responses.default;
    if (!doc) { problems.push(`${url} as ${who}: status ${status} not in the description (${Object.keys(item.get.responses)})`); continue; }
    const resolved = doc.$ref ? spec.components.responses[doc.$ref.split('/').pop()] : doc;
    const type = (res.headers.get('content-type') || '').split(';')[0];
    const media = resolved.content && (resolved.content[type] || resolved.content[type.split('/')[0] + '/*'] || resolved.content['*/*']);
    if (!resolved.content) { if ((await res.arrayBuffer()).byteLength) problems.push(`${url}: ${status} has a body, none documented`); continue; }
    if (!media) { problems.push(`${url}: ${status} answered ${type}, documented ${Object.keys(resolved.content)}`); continue; }
    if (type !== 'application/json') { await res.arrayBuffer(); continue; }
    const body = await res.json();
    if (status === '200' && (!media.schema || (media.schema.type === 'object' && !media.schema.properties && !media.schema.$ref && !media.schema.allOf))) {
      problems.push(`${op}: the 200 schema is a bare {type: object}`);
    }
    const validate = ajv.compile({ ...toJsonSchema(media.schema), definitions: defs });
    if (!validate(body)) {
      problems.push(`${url} as ${who} (${status}): ${ajv.errorsText(validate.errors, { separator: '\n  ' })}`);
    }
  }
  const gets = Object.keys(spec.paths).filter((p) => spec.paths[p].get);
  for (const p of gets) if (!asked.has(p)) problems.push(`${p}: no case asks this GET`);
  assert.deepEqual(problems, [], `at ${NOW}:\n` + problems.join('\n'));
});
