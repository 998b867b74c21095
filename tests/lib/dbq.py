"""dbq.py — the few direct database reads and writes the shell tests make
behind dti's back (a session deleted by hand, a lock held by another
process), on the database tests/lib/db.sh gave them: an SQLite file through
Python's sqlite3, or a PostgreSQL URL through psql (no driver needed).

  c = dbq.connect(DB)
  rows = c.execute(SQL, PARAMS).fetchall()   # ? placeholders, as in dti
  c.execute(...).rowcount; c.commit(); c.close()
  dbq.hold_writer(DB, SECONDS)               # prints "locked" once dti's
                                             # writer lock is held, keeps it
  dbq.engine(DB)                             # "sqlite" or "postgres"

On PostgreSQL each execute is its own transaction (commit does nothing) and
values come back as text (None for NULL), numbers as int or float."""
import csv, io, os, sqlite3, subprocess, sys, time

WRITER_KEY = 6583401    # store_pg.c STORE_PG_WRITER_KEY


def engine(db):
    return "postgres" if db.startswith(("postgres://", "postgresql://")) else "sqlite"


def _literal(v):
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, (int, float)):
        return repr(v)
    return "'" + str(v).replace("'", "''") + "'"


def _inline(sql, params):
    out, k, i, q = [], 0, 0, None
    while i < len(sql):
        ch = sql[i]
        if q:
            if ch == q:
                q = None
            out.append(ch)
        elif ch in "'\"":
            q = ch
            out.append(ch)
        elif ch == "?":
            out.append(_literal(params[k]))
            k += 1
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def _num(s):
    if s is None:
        return None
    try:
        return int(s)
    except ValueError:
        try:
            return float(s)
        except ValueError:
            return s


class _Result:
    def __init__(self, rows, rowcount):
        self.rows, self.rowcount = rows, rowcount

    def fetchall(self):
        return self.rows

    def fetchone(self):
        return self.rows[0] if self.rows else None

    def __iter__(self):
        return iter(self.rows)


class _PgTagged:
    def __init__(self, url):
        self.url = url

    def commit(self):
        pass

    def close(self):
        pass

    def execute(self, sql, params=()):
        text = _inline(sql, params)
        head = text.lstrip().split(None, 1)[0].upper()
        if head in ("INSERT", "UPDATE", "DELETE"):
            # the tag ("DELETE 1") tells the rows changed
            p = subprocess.run(["psql", "-X", "-v", "ON_ERROR_STOP=1", "-t", "-A", self.url, "-c", text],
                               capture_output=True, text=True)
            if p.returncode != 0:
                raise RuntimeError(p.stderr.strip())
            tag = p.stdout.strip().splitlines()[-1] if p.stdout.strip() else ""
            return _Result([], int(tag.split()[-1]) if tag[:1].isalpha() else 0)
        p = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "--csv", "-t", "-P", "null=\\N",
                            self.url, "-c", text], capture_output=True, text=True)
        if p.returncode != 0:
            raise RuntimeError(p.stderr.strip())
        rows = [tuple(None if v == "\\N" else _num(v) for v in r) for r in csv.reader(io.StringIO(p.stdout))]
        return _Result(rows, len(rows))


def connect(db):
    if engine(db) == "postgres":
        return _PgTagged(db)
    return sqlite3.connect(db)


def hold_writer(db, seconds):
    """Take dti's writer lock from this other process, say "locked", hold it
    SECONDS, release it."""
    if engine(db) == "sqlite":
        c = sqlite3.connect(db, isolation_level=None, timeout=10)
        c.execute("BEGIN IMMEDIATE")
        print("locked", flush=True)
        time.sleep(seconds)
        c.execute("ROLLBACK")
        return
    import signal

    def stop(signum, frame):    # killed: the lock goes with the psql holding it
        p.terminate()
        sys.exit(1)
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    # pg_locks is the whole server's: only the lock of this psql (its
    # application_name, unique to this process) in this database counts,
    # not a dti server's writer lock in another test's database
    app = f"dti-test-hold-writer-{os.getpid()}"
    p = subprocess.Popen(["psql", "-X", "-q", db, "-c",
                          f"SET client_connection_check_interval = 100; BEGIN; SELECT pg_advisory_xact_lock({WRITER_KEY}); SELECT pg_sleep({seconds}); ROLLBACK"],
                         stdout=subprocess.DEVNULL, env={**os.environ, "PGAPPNAME": app})
    probe = _PgTagged(db)
    deadline = time.monotonic() + 60    # a loaded 2-core CI machine: psql per probe
    while time.monotonic() < deadline and p.poll() is None:
        r = probe.execute("SELECT COUNT(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                          "WHERE l.locktype = 'advisory' AND l.objid = ? AND l.granted "
                          "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                          "AND a.application_name = ?", (WRITER_KEY, app)).fetchone()
        if r and r[0]:
            print("locked", flush=True)
            break
        time.sleep(0.05)
    p.wait()
