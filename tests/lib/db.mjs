// db.mjs — where a node test's database comes from (tests/lib/db.sh is the
// same for the shell tests, tests/unit/test_db.h for the unit tests).
import { execFileSync } from 'node:child_process';
import path from 'node:path';

let seq = 0;

/* The database a test uses where it would use the SQLite file FILE: FILE
 * itself, or, when DTI_TEST_PG is set (`make test-pg`: a server URL without
 * a database), a new empty database on that server, whose URL it returns. */
export function testDb(file) {
  const server = process.env.DTI_TEST_PG;
  if (!server) return file;
  const base = path.basename(file).replace(/\.[^.]*$/, '');
  const name = `n_${base}_${process.pid}_${++seq}_${Math.floor(Math.random() * 1e5)}`
    .replace(/[^a-zA-Z0-9_]/g, '_').slice(0, 60);
  execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', `${server}/postgres`, '-c', `CREATE DATABASE "${name}"`]);
  return `${server}/${name}`;
}
