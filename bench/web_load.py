"""Web load benchmark (`make bench`; never run by pytest): locust users against the real server on loopback.

    python bench/web_load.py [--n 1000000] [--users 50] [--run-time 60] [--data-dir DIR]

1. A database of N items is built in DIR (a temporary directory unless given; an existing DIR with at least N items is
   reused as it is): `armstrace init`, 2,000 licensed persons and 12 dealers, N - 300 firearms through the bulk CSV
   import (`armstrace import`, as bench/import_bench.py generates them), then `armstrace demo --items 300` for
   histories, custody cases and the demo users. SQLite, unless ARMSTRACE_DATABASE_URL names a PostgreSQL database
   (used as it is: give an empty one).
2. Samples are drawn from it for the users: item ids, serial numbers with their make.
3. `armstrace serve 127.0.0.1:PORT` is started and locust runs headless (bench/locustfile.py): USERS users, each logs
   in once as the demo investigator (outside the measured mix), then runs a mix of dashboard, item list, searches
   (registry exact; tracing exact, partial with two obliterated characters, fuzzy with one misread character; make
   given), item page, trace report and API list/detail, with 1-3 s think time, for RUN_TIME seconds.
   One request to each kind of page warms the server up first.
4. p50/p95/p99 (ms), requests/s and failures per endpoint and overall are printed (and as JSON on the last line).
"""

import argparse
import csv
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

DEMO_ITEMS = 300
P95_TARGET_MS = 200


def log(msg):
    print(f"[web load] {msg}", file=sys.stderr, flush=True)


def armstrace(*args, env):
    done = subprocess.run([sys.executable, "-m", "armstrace", *map(str, args)], env=env, cwd=REPO,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode:
        sys.exit(f"armstrace {' '.join(map(str, args))} failed:\n{done.stderr[-3000:]}")


def item_count():
    from django.db import connection

    with connection.cursor() as cursor:
        try:
            cursor.execute("SELECT count(*) FROM registry_item")
        except Exception:  # not migrated yet
            return 0
        return cursor.fetchone()[0]


def build(n, env, workdir):
    """Fill the database with n items (see the module docstring); returns the seconds it took."""
    import import_bench
    from django.db import connections

    t = time.perf_counter()
    armstrace("init", "--password", "web-load-admin-1", env=env)
    makes, holders, country = import_bench.make_base()
    bulk = max(n - DEMO_ITEMS, 0)
    if bulk:
        log(f"writing {bulk:,} rows of CSV")
        path = import_bench.write_csv(workdir / "items.csv", bulk, 1, makes, holders, country)
        connections.close_all()
        log("armstrace import (bulk)")
        armstrace("import", path, "--quiet", env=env)
        path.unlink()
    log(f"armstrace demo --items {min(n, DEMO_ITEMS)}")
    armstrace("demo", "--items", min(n, DEMO_ITEMS), "--seed", 7, env=env)
    return time.perf_counter() - t


def draw_samples(path, k=2000, seed=3):
    """Item ids and serial numbers (with the make id) for the users to ask for."""
    from armstrace.registry.models import Item

    rng = random.Random(seed)
    last = Item.objects.order_by("-id").values_list("id", flat=True).first()
    ids = sorted({rng.randint(1, last) for _ in range(k)})
    rows = list(Item.objects.filter(id__in=ids).exclude(serial_number="").values_list("id", "serial_number", "make_id"))
    path.write_text(json.dumps({"items": [{"id": i, "serial": s, "make": m} for i, s, m in rows]}))
    return len(rows)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(env, port, log_path):
    server = subprocess.Popen([sys.executable, "-m", "armstrace", "serve", f"127.0.0.1:{port}"], env=env, cwd=REPO,
                              stdout=open(log_path, "w"), stderr=subprocess.STDOUT)
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            if server.poll() is not None:
                sys.exit(f"the server stopped: see {log_path}")
            time.sleep(0.1)
    server.terminate()
    sys.exit("the server did not start")


def warm_up(url):
    """One request to each kind of page before the measure: the first ones fill the per-process caches (status counts,
    templates, the database's pages) once, as a server that has been up a while has them."""
    import re

    import requests

    user = os.environ.get("ARMSTRACE_LOAD_USER", "demo-investigator")  # as bench/locustfile.py (which imports gevent)
    password = os.environ.get("ARMSTRACE_LOAD_PASSWORD", "armstrace-demo")
    with requests.Session() as browser:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', browser.get(f"{url}/login/").text).group(1)
        browser.post(f"{url}/login/", {"username": user, "password": password, "csrfmiddlewaretoken": token},
                     headers={"Referer": f"{url}/login/"})
        for path in ("/", "/registry/items/", "/tracing/search/", "/api/items/"):
            browser.get(f"{url}{path}").raise_for_status()


def run_locust(url, users, run_time, samples, prefix, env):
    cmd = [sys.executable, "-m", "locust", "-f", str(REPO / "bench" / "locustfile.py"), "--headless",
           "-u", str(users), "-r", str(max(users // 5, 1)), "-t", f"{run_time}s", "--host", url, "--csv", str(prefix),
           "--only-summary", "--stop-timeout", "10", "--loglevel", "WARNING"]
    subprocess.run(cmd, env={**env, "ARMSTRACE_LOAD_SAMPLES": str(samples)}, cwd=REPO, check=False)
    rows = list(csv.DictReader(open(f"{prefix}_stats.csv")))
    return [{
        "name": r["Name"], "requests": int(r["Request Count"]), "failures": int(r["Failure Count"]),
        "p50": float(r["50%"] or 0), "p95": float(r["95%"] or 0), "p99": float(r["99%"] or 0),
        "rps": float(r["Requests/s"] or 0),
    } for r in rows if r["Request Count"] != "0"]


def print_report(report):
    print(f"\nWeb load: {report['users']} users, {report['run_time_s']} s, {report['items']:,} items, "
          f"{report['backend']}, {report['date']}, {report['cores']} cores")
    print(f"{'endpoint':<34} {'requests':>8} {'fail':>5} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'req/s':>7}")
    for r in report["endpoints"]:
        print(f"{r['name']:<34} {r['requests']:>8} {r['failures']:>5} {r['p50']:>7.0f} {r['p95']:>7.0f} "
              f"{r['p99']:>7.0f} {r['rps']:>7.1f}")
    total = next((r for r in report["endpoints"] if r["name"] == "Aggregated"), None)
    if total:
        verdict = "meets" if total["p95"] <= P95_TARGET_MS else "misses"
        print(f"overall p95 {total['p95']:.0f} ms: {verdict} the {P95_TARGET_MS} ms target")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="items in the database (default 1,000,000)")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--run-time", type=int, default=60, help="seconds of load (default 60)")
    parser.add_argument("--data-dir", type=Path, help="keep (or reuse) the database here instead of a temporary one")
    args = parser.parse_args()

    workdir = args.data_dir or Path(tempfile.mkdtemp(prefix="armstrace-web-load-"))
    workdir.mkdir(parents=True, exist_ok=True)
    os.environ["ARMSTRACE_DATA_DIR"] = str(workdir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "armstrace.settings")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    import django

    django.setup()
    from django.db import connection, connections

    try:
        build_s = None
        if item_count() < args.n:
            build_s = build(args.n, env, workdir)
            log(f"database built in {build_s:.0f} s")
        items = item_count()
        n_samples = draw_samples(workdir / "samples.json")
        log(f"{items:,} items, {n_samples} sampled")
        backend = connection.vendor
        connections.close_all()
        port = free_port()
        server = start_server(env, port, workdir / "server.log")
        try:
            warm_up(f"http://127.0.0.1:{port}")
            endpoints = run_locust(f"http://127.0.0.1:{port}", args.users, args.run_time, workdir / "samples.json",
                                   workdir / "locust", env)
        finally:
            server.terminate()
            server.wait(10)
    finally:
        if not args.data_dir:
            shutil.rmtree(workdir, ignore_errors=True)
    report = {"users": args.users, "run_time_s": args.run_time, "items": items, "backend": backend,
              "build_s": build_s, "cores": os.cpu_count(), "date": datetime.now(UTC).strftime("%Y-%m-%d"),
              "endpoints": endpoints}
    print_report(report)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
