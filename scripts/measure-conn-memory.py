#!/usr/bin/env python3
"""measure-conn-memory.py PORT PID N KB — what a connection can make `dti serve`
hold in memory (docs/internals/http.md, "Requests the library cannot parse").

Opens N connections to 127.0.0.1:PORT, each sending an unfinished request
head of KB kilobytes (no blank line yet, so the library keeps it in the
connection's memory pool), and prints the server's VmRSS (process PID)
before and 2 s after. Start the server with --max-per-ip 0 so that one
address may hold N connections, e.g.:

    dti --db /tmp/m.db demo
    dti --db /tmp/m.db serve --listen 127.0.0.1:8099 --threads 2 --max-per-ip 0 &
    python3 scripts/measure-conn-memory.py 8099 $! 200 90
"""
import socket
import sys
import time

port, pid, n, kb = map(int, sys.argv[1:5])


def rss():
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1])
    return 0


time.sleep(0.5)
before = rss()
socks = []
for _ in range(n):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * (kb * 1024))
    socks.append(s)
time.sleep(2)
after = rss()
print(f"{n} connections x {kb} KB unfinished head: VmRSS {before} KB -> {after} KB "
      f"(+{(after - before) / n:.1f} KB per connection)")
