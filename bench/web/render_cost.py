#!/usr/bin/env python3
"""CPU a Bulyst server spends per page request, read from its own /proc stat.

    bench/web/render_cost.py BULYST_BINARY [--updates-per-second N | --people N]

Starts the given release binary on a fresh SQLite data directory (shipped
statistics, not the large ones), adds a reader and a project leader, and for
each heavy page asks for it over one keep-alive connection until the server
has used at least a second of CPU (or 3 000 requests): anonymous, anonymous
with a new query string each time (a render wherever the cache keys on the
raw query string), and signed in. With --updates-per-second, a second thread
posts that many status updates per second as the project leader during every
run, and the table gives the page requests per second one client got
instead (the server's CPU is then mostly the updates'). Otherwise it prints
server CPU microseconds per page request. With --people N, it instead
registers N mentors, N mentees and N newcomer cases through the API and
measures the overviews about people as the roles that see them: the mentor
programme's (coordinator) and the newcomer service's (admin, who sees every
case). A measurement, not a test: nothing here runs in CI.
"""
import http.client
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time

MUNICIPALITIES = ["4638", "4639", "4640", "4641", "4642", "4643", "4644"]
PEOPLE_PAGES = [("/mentoring", "mentor-coordinator"), ("/newcomers", "admin"),
                ("/newcomers/cohorts", "project-leader")]
PAGES = ["/", "/action-plan", "/work-packages/arbeid", "/actions/mentorprogram",
         "/indicators", "/indicators/refugees-settled-here"]
TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def request(conn, method, path, token=None, body=None):
    headers = {}
    if token:
        headers["Cookie"] = f"bulyst_session={token}"
    if body is not None:
        headers["Content-Type"] = "application/json"
        body = json.dumps(body)
    conn.request(method, path, body=body, headers=headers)
    res = conn.getresponse()
    data = res.read()
    return res.status, data


def seed_people(conn, tokens, n):
    """n mentors, n mentees and n newcomer cases, spread over the region."""
    for i in range(n):
        for side in ("mentor", "mentee"):
            p = {"side": side, "name": f"Bench {side} {i}",
                 "municipality": MUNICIPALITIES[i % len(MUNICIPALITIES)],
                 "languages": [{"language": "norsk", "level": "b2" if side == "mentee" else "native"}],
                 "occupation": ["sjukepleiar", "lærar", "ingeniør", "bonde"][i % 4],
                 "interests": [["fotball"], ["musikk", "tur"], ["strikking"]][i % 3],
                 "consent_given_on": "2024-01-02", "consent_text_version": "2024-1"}
            if side == "mentor":
                p["capacity"] = 1 + i % 2
            status, body = request(conn, "POST", "/api/v1/mentoring/profiles",
                                   tokens["mentor-coordinator"], p)
            assert status == 201, body
        case = {"name": f"Bench Newcomer {i}", "phone": f"+47 4{i:07d}",
                "email": f"newcomer{i}@bench.test",
                "municipality": MUNICIPALITIES[i % len(MUNICIPALITIES)],
                "arrival_date": f"202{i % 5}-0{1 + i % 9}-15",
                "category": ["labour", "refugee", "family"][i % 3],
                "household": [{"relation": "child", "birth_year": 2018}],
                "languages": ["pl"], "needs": ["job"]}
        status, body = request(conn, "POST", "/api/v1/newcomers", tokens["admin"], case)
        assert status == 201, body


def people_pages(conn, server, tokens):
    rows = []
    for page, role in PEOPLE_PAGES:
        status, _ = request(conn, "GET", page, tokens[role])
        assert status == 200, (page, status)
        n, before, start = 0, cpu_seconds(server.pid), time.monotonic()
        while n < 3000 and (cpu_seconds(server.pid) - before < 1.0 or n < 50) and time.monotonic() - start < 20:
            status, _ = request(conn, "GET", page, tokens[role])
            assert status == 200, (page, status)
            n += 1
        rows.append((page, role, (cpu_seconds(server.pid) - before) / n * 1e6))
    print("| Page | Seen as | CPU µs per request |")
    print("|---|---|---:|")
    for page, role, us in rows:
        print(f"| `{page}` | {role} | {us:.0f} |")


def main():
    binary = sys.argv[1]
    people = 0
    if "--people" in sys.argv:
        people = int(sys.argv[sys.argv.index("--people") + 1])
    rate = 0
    if "--updates-per-second" in sys.argv:
        rate = int(sys.argv[sys.argv.index("--updates-per-second") + 1])
    work = tempfile.mkdtemp(prefix="bulyst-render-cost.")
    env = dict(os.environ, RUST_LOG="warn", BULYST_LOAD_LARGE_STATISTICS="no",
               BULYST_DATA_DIR=f"{work}/data")
    users = [("reader@bench.test", "reader"), ("leader@bench.test", "project-leader"),
             ("coordinator@bench.test", "mentor-coordinator"), ("admin@bench.test", "admin")]
    subprocess.run([binary, "migrate"], env=env, check=True)
    for email, role in users:
        subprocess.run([binary, "user", "add", "--email", email, "--role", role],
                       input=b"a long bench password\n", env=env, check=True)
    port = free_port()
    server = subprocess.Popen([binary, "serve", "--addr", f"127.0.0.1:{port}"], env=env,
                              stdout=subprocess.DEVNULL)
    try:
        for _ in range(3000):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        conn = http.client.HTTPConnection("127.0.0.1", port)
        tokens = {}
        for email, role in users:
            status, body = request(conn, "POST", "/api/v1/login", body={
                "email": email, "password": "a long bench password"})
            assert status == 200, body
            tokens[role] = json.loads(body)["token"]

        if people:
            seed_people(conn, tokens, people)
            people_pages(conn, server, tokens)
            return

        stop = threading.Event()
        posted = [0]

        def updates():
            c = http.client.HTTPConnection("127.0.0.1", port)
            start = time.monotonic()
            while not stop.is_set():
                due = start + posted[0] / rate
                now = time.monotonic()
                if due > now:
                    time.sleep(due - now)
                status, body = request(c, "POST", "/api/v1/actions/mentorprogram/status-updates",
                                       tokens["project-leader"],
                                       {"status": "ongoing", "light": "green",
                                        "text": f"update {posted[0]}", "reported_on": "2026-12-01"})
                assert status == 201, body
                posted[0] += 1

        modes = [("anonymous", None, False), ("anonymous, new query string each time", None, True),
                 ("signed in (reader)", tokens["reader"], False)]
        rows = []
        for page in PAGES:
            row = [page]
            for _, token, vary in modes:
                status, _ = request(conn, "GET", page, token)
                assert status == 200, (page, status)
                stop.clear()
                t = None
                if rate:
                    t = threading.Thread(target=updates)
                    t.start()
                n, before, start = 0, cpu_seconds(server.pid), time.monotonic()
                while n < 3000 and (cpu_seconds(server.pid) - before < 1.0 or n < 50) and time.monotonic() - start < 10:
                    path = f"{page}?utm_source={n}" if vary else page
                    status, _ = request(conn, "GET", path, token)
                    assert status == 200, (path, status)
                    n += 1
                elapsed = time.monotonic() - start
                used = cpu_seconds(server.pid) - before
                if t:
                    stop.set()
                    t.join()
                if rate:
                    row.append(f"{n / elapsed:.0f} req/s")
                else:
                    row.append(f"{used / n * 1e6:.0f}")
            rows.append(row)
        print("| Page | " + " | ".join(m for m, _, _ in modes) + " |")
        print("|---|" + "---:|" * len(modes))
        for row in rows:
            print("| `" + row[0] + "` | " + " | ".join(row[1:]) + " |")
    finally:
        server.terminate()
        server.wait()
        subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
