// province.mjs — a province of N communes for the province tests (API and
// browser): `dti province gen` (src/app/province/province_gen.c: seeded,
// the same data for the same N, seed and now) on a fresh database, served
// by a server of the test's own (serve.mjs), with the pinned now (now.mjs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startServer } from './serve.mjs';
import { nowEnv } from './now.mjs';

const ROOT = process.env.DTI_ROOT || process.cwd();
export const DTI = process.env.DTI || path.join(ROOT, 'build/dti');
export const PASSWORD = 'demo-2026';

/* Make N communes (seed SEED) and serve them. Resolves to {url, gen (the
 * generator's JSON: province, communes, reports, exports, renamed,
 * period), db, stop()} — stop() stops the server and removes the folder. */
export async function provinceServer(n, seed = 2026) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dti-province-'));
  const db = path.join(tmp, 'p.db');
  const gen = JSON.parse(execFileSync(DTI, ['--db', db, '--json', 'province', 'gen', '--communes', String(n), '--seed', String(seed)],
    { env: nowEnv(), encoding: 'utf8' }));
  const srv = await startServer(DTI, db, { env: nowEnv(), threads: 2 });
  return {
    url: srv.url, gen, db, log: srv.log,
    stop: async () => { await srv.stop(); fs.rmSync(tmp, { recursive: true, force: true }); },
  };
}

/* Log LOGIN in at URL: {cookie, csrf}. */
export async function login(url, loginName, password = PASSWORD) {
  const r = await fetch(url + '/api/v1/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: loginName, password }) });
  const body = await r.json();
  if (r.status !== 200) throw new Error(`login ${loginName}: ${r.status} ${JSON.stringify(body)}`);
  return { cookie: r.headers.get('set-cookie').split(';')[0], csrf: body.csrf_token, user: body.user };
}
