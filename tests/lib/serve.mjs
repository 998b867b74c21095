// serve.mjs — a `dti serve` of a test's own, for the API and browser tests
// that need their own store (the demo at a pinned instant, say), instead of
// the shared server tests/run-node.sh starts.
import { spawn } from 'node:child_process';

/* Start DTI serving the database DB on a free loopback port, with ENV as its
 * environment (default: the test's own) and THREADS workers. Resolves to
 * { url, log, stop }: url "http://127.0.0.1:PORT"; log() what the server
 * wrote on stderr so far; stop() sends SIGTERM and resolves to the exit
 * code. Rejects when the server exits or has not said its address in 60 s (a loaded 2-core CI machine). */
export async function startServer(dti, db, { env = process.env, threads = 4 } = {}) {
  const srv = spawn(dti, ['--db', db, 'serve', '--listen', '127.0.0.1:0', '--threads', String(threads)],
    { stdio: ['ignore', 'pipe', 'pipe'], env });
  let out = '', err = '';
  // A test that fails between start and stop() must not leave the server
  // holding the test process open (the whole suite would wait for good):
  // the child and its pipes do not keep node alive, and are killed when
  // the test process exits.
  srv.unref();
  srv.stdout.unref();
  srv.stderr.unref();
  process.on('exit', () => { if (srv.exitCode === null) srv.kill('SIGKILL'); });
  srv.stderr.on('data', (d) => { err += d; });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start: ' + out + err)), 60000);
    srv.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[0]); }
    });
    srv.on('exit', (c) => { clearTimeout(timer); reject(new Error(`the server exited ${c}: ${out}${err}`)); });
  });
  return {
    url,
    log: () => err,
    stop: () => new Promise((resolve) => {
      srv.removeAllListeners('exit');
      if (srv.exitCode !== null) { resolve(srv.exitCode); return; }
      srv.on('exit', (code) => resolve(code));
      srv.kill('SIGTERM');
    }),
  };
}
