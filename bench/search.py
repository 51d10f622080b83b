"""Benchmark of the marking search (`make bench`; never run by pytest).

    python bench/search.py [--n 10000000] [--queries 300] [--seed 1] [--backends sqlite,postgresql]

N synthetic serial numbers in the formats of the reference makes (registry/reference_data.py) are bulk-loaded
straight into registry_item (executemany on SQLite, COPY on PostgreSQL, bypassing the services), then the search
index is built set-wise (tracing.index.rebuild). Queries are made from random items of the set:

  exact        the serial as marked (separators included)
  confusable   1-2 substitutions by look-alike characters folded by the profile (O for 0, I for 1, B for 8...)
  1 edit       one of: look-alike substitution, visually close substitution (3/8...), other substitution,
               deletion, insertion, adjacent transposition
  2 edits      two of the above
  obliterated  1-3 characters unreadable (?) or a leading/trailing run lost (*)

For each it prints recall@1, recall@5 and the p50/p99 latency of ArmsTrace's search service (in-process, without
HTTP) on SQLite and PostgreSQL, next to pg_trgm similarity (`%` then `<->`, top 5) and brute-force RapidFuzz (OSA
distance over every folded serial, in memory), measured in the same run on the same data and queries.

PostgreSQL: the database named by ARMSTRACE_DATABASE_URL if set (a scratch database `<name>_bench` is created
next to it and dropped afterwards), else a throwaway server started by tools/with_postgres.sh.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

CLASSES = ["exact", "confusable", "1 edit", "2 edits", "obliterated"]
LOOKALIKE_PAIRS = ["0O", "0Q", "0D", "1I", "1L", "5S", "8B", "2Z", "6G"]
VISUAL_PAIRS = ["38", "71", "UV", "MN", "EF", "PR", "KX", "C6", "C0", "E8"]
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


# ---------------------------------------------------------------- data and queries


def partners(pairs):
    out = {}
    for a, b in pairs:
        out.setdefault(a, []).append(b)
        out.setdefault(b, []).append(a)
    return out


LOOKALIKE = partners(LOOKALIKE_PAIRS)
VISUAL = partners(VISUAL_PAIRS)


def generate_serials(n, seed, makes):
    """[(make_id, model_id, calibre_id, type, country, serial)] unique per make once normalised."""
    from armstrace.registry.reference_data import serial_from_pattern
    from armstrace.registry.serials import normalize_serial

    rng = random.Random(seed)
    seen = set()
    rows = []
    while len(rows) < n:
        make = rng.choice(makes)
        pattern = rng.choice(make["patterns"])
        serial = serial_from_pattern(pattern, rng)
        key = (make["id"], normalize_serial(serial))
        if key in seen:
            continue
        seen.add(key)
        model = rng.choice(make["models"]) if make["models"] else (None, None, "")
        rows.append((make["id"], model[0], model[1], model[2], make["country"], serial))
    return rows


def _edit(s, rng, op):
    i = rng.randrange(len(s))
    if op == "lookalike":
        spots = [j for j, ch in enumerate(s) if ch in LOOKALIKE]
        if spots:
            j = rng.choice(spots)
            return s[:j] + rng.choice(LOOKALIKE[s[j]]) + s[j + 1:]
        op = "visual"
    if op == "visual":
        spots = [j for j, ch in enumerate(s) if ch in VISUAL]
        if spots:
            j = rng.choice(spots)
            return s[:j] + rng.choice(VISUAL[s[j]]) + s[j + 1:]
        op = "substitution"
    if op == "substitution":
        return s[:i] + rng.choice([c for c in ALPHABET if c != s[i]]) + s[i + 1:]
    if op == "deletion":
        return s[:i] + s[i + 1:]
    if op == "insertion":
        return s[:i] + rng.choice(ALPHABET) + s[i:]
    if op == "transposition" and len(s) > 1:
        i = rng.randrange(len(s) - 1)
        if s[i] != s[i + 1]:
            return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    return s[:i] + rng.choice([c for c in ALPHABET if c != s[i]]) + s[i + 1:]


OPS = ["lookalike", "visual", "substitution", "deletion", "insertion", "transposition"]


def corrupt(serial, cls, rng):
    from armstrace.registry.serials import normalize_serial

    s = normalize_serial(serial)
    if cls == "exact":
        return serial
    if cls == "confusable":
        spots = [j for j, ch in enumerate(s) if ch in LOOKALIKE]
        for j in rng.sample(spots, min(len(spots), rng.choice([1, 2]))):
            s = s[:j] + rng.choice(LOOKALIKE[s[j]]) + s[j + 1:]
        return s
    if cls == "1 edit":
        return _edit(s, rng, rng.choice(OPS))
    if cls == "2 edits":
        return _edit(_edit(s, rng, rng.choice(OPS)), rng, rng.choice(OPS))
    if cls == "obliterated":
        if rng.random() < 0.5:
            for j in rng.sample(range(len(s)), min(len(s) - 3, rng.choice([1, 2, 3]))):
                s = s[:j] + "?" + s[j + 1:]
            return s
        cut = rng.randint(1, max(1, len(s) // 3))
        return "*" + s[cut:] if rng.random() < 0.5 else s[:-cut] + "*"
    raise ValueError(cls)


def make_queries(rows, ids, per_class, seed):
    rng = random.Random(seed + 1)
    queries = []
    for cls in CLASSES:
        for _ in range(per_class):
            k = rng.randrange(len(rows))
            query = corrupt(rows[k][5], cls, rng)
            queries.append({"class": cls, "query": query, "target": ids[k], "make": rows[k][0]})
    return queries


# ---------------------------------------------------------------- measuring


def summarise(name, backend, cls, hits1, hits5, times, refused=0):
    times = sorted(times)
    pct = (lambda p: times[min(len(times) - 1, int(p * len(times)))] * 1000) if times else (lambda p: float("nan"))
    n = len(hits1)
    return {"method": name, "backend": backend, "class": cls, "n": n,
            "recall@1": sum(hits1) / n if n else float("nan"), "recall@5": sum(hits5) / n if n else float("nan"),
            "p50_ms": pct(0.50), "p99_ms": pct(0.99), "refused": refused}


def run_method(name, backend, queries, call, classes):
    out = []
    for cls in classes:
        hits1, hits5, times, refused = [], [], [], 0
        for q in (q for q in queries if q["class"] == cls):
            t = time.perf_counter()
            try:
                found = call(q)
            except Exception as exc:  # SearchRefused
                if type(exc).__name__ != "SearchRefused":
                    raise
                found, refused = [], refused + 1
            times.append(time.perf_counter() - t)
            hits1.append(q["target"] in found[:1])
            hits5.append(q["target"] in found[:5])
        out.append(summarise(name, backend, cls, hits1, hits5, times, refused))
    return out


def worker(args):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "armstrace.settings")
    backend = args.worker
    if backend == "postgresql":
        scratch = _pg_scratch_database()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from armstrace.core.signing import create_key
    from armstrace.registry.models import FirearmModel, Make
    from armstrace.registry.reference import load_reference_data
    from armstrace.registry.serials import fold_serial, normalize_serial
    from armstrace.tracing import index
    from armstrace.tracing.search import Filters, search

    log = lambda msg: print(f"[{backend}] {msg}", file=sys.stderr, flush=True)  # noqa: E731
    create_key()  # the bulk loads sign checkpoints
    call_command("migrate", interactive=False, verbosity=0)
    load_reference_data()
    makes = []
    for make in Make.objects.exclude(serial_patterns=[]):
        models = [(m.pk, m.calibre_id, m.firearm_type) for m in FirearmModel.objects.filter(make=make)]
        makes.append({"id": make.pk, "country": make.country, "patterns": make.serial_patterns, "models": models})
    t = time.perf_counter()
    rows = generate_serials(args.n, args.seed, makes)
    log(f"{len(rows):,} serials generated in {time.perf_counter() - t:.1f} s")

    if backend == "sqlite":
        with connection.cursor() as c:
            c.execute("PRAGMA synchronous=OFF")
            c.execute("PRAGMA cache_size=-1048576")   # 1 GiB page cache, as a server would have
            c.execute("PRAGMA mmap_size=4294967296")
    t = time.perf_counter()
    index.drop_triggers(connection)
    first_id = bulk_load(connection, rows, fold_serial, normalize_serial)
    load_s = time.perf_counter() - t
    log(f"loaded in {load_s:.1f} s; building the search index")
    t = time.perf_counter()
    index.rebuild(connection)   # set-wise, then re-creates the triggers
    index_s = time.perf_counter() - t
    sizes = table_sizes(connection)
    log(f"index built in {index_s:.1f} s: {sizes}")
    ids = list(range(first_id, first_id + len(rows)))
    queries = make_queries(rows, ids, args.queries, args.seed)
    makes_by_id = Make.objects.in_bulk([m["id"] for m in makes])

    def armstrace(mode, with_make):
        def call(q):
            filters = Filters(make=makes_by_id[q["make"]]) if with_make else None
            return [r.item.pk for r in search(q["query"], mode, filters, limit=5).results]
        return call

    for q in queries[:20]:   # warm up
        armstrace("fuzzy", True)(q)
    results = []
    results += run_method("ArmsTrace exact", backend, queries, armstrace("exact", False), ["exact", "confusable"])
    results += run_method("ArmsTrace fuzzy, make given", backend, queries, armstrace("fuzzy", True),
                          ["confusable", "1 edit", "2 edits"])
    results += run_method("ArmsTrace fuzzy, serial only", backend, queries, armstrace("fuzzy", False),
                          ["1 edit", "2 edits"])
    results += run_method("ArmsTrace auto, make given", backend, queries, armstrace("auto", True),
                          ["exact", "1 edit", "2 edits"])
    results += run_method("ArmsTrace partial, make given", backend, queries, armstrace("partial", True), ["obliterated"])
    results += run_method("ArmsTrace partial, serial only", backend, queries, armstrace("partial", False), ["obliterated"])

    if backend == "postgresql":
        def trgm(q):
            with connection.cursor() as c:
                folded = fold_serial(q["query"])
                c.execute("SELECT item_id FROM tracing_serialform WHERE folded %% %s ORDER BY folded <-> %s LIMIT 5",
                          [folded, folded])
                return [r[0] for r in c.fetchall()]
        results += run_method("pg_trgm % then <-> top 5", backend, queries, trgm, ["1 edit", "2 edits"])
    else:
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        choices = [fold_serial(r[5]) for r in rows]

        def brute(q):
            found = process.extract(fold_serial(q["query"]), choices, scorer=OSA.distance, limit=5, score_cutoff=3)
            return [ids[i] for _s, _d, i in found]
        results += run_method("brute-force RapidFuzz OSA", "memory", queries, brute, ["1 edit", "2 edits"])

    print(json.dumps({"backend": backend, "n": len(rows), "load_s": load_s, "index_s": index_s, "sizes": sizes,
                      "results": results}))
    if backend == "postgresql":
        connection.close()
        scratch()


def bulk_load(connection, rows, fold_serial, normalize_serial):
    """Insert the items with executemany (SQLite) or COPY (PostgreSQL); return the first new id."""
    from django.utils import timezone

    now = timezone.now()
    columns = ["uid", "category", "firearm_type", "part_kind", "make_id", "model_id", "calibre_id", "serial_number",
               "serial_normalized", "serial_folded", "country_of_manufacture", "country_of_import", "lot_number",
               "headstamp", "description", "custom_fields", "created_at", "status", "location", "last_event_seq"]

    def values(row):
        make_id, model_id, calibre_id, ftype, country, serial = row
        return (str(uuid.uuid4()).replace("-", "") if connection.vendor == "sqlite" else str(uuid.uuid4()), "firearm",
                ftype, "", make_id, model_id, calibre_id, serial, normalize_serial(serial), fold_serial(serial),
                country, "", "", "", "", "{}", now if connection.vendor != "sqlite" else now.strftime("%Y-%m-%d %H:%M:%S.%f"), "active", "", 0)

    with connection.cursor() as c:
        c.execute("SELECT coalesce(max(id), 0) FROM registry_item")
        first = c.fetchone()[0] + 1
    chunk = 50_000
    for start in range(0, len(rows), chunk):
        batch = [values(r) for r in rows[start:start + chunk]]
        with connection.cursor() as c:
            if connection.vendor == "postgresql":
                with c.cursor.copy(f"COPY registry_item ({', '.join(columns)}) FROM STDIN") as copy:
                    for v in batch:
                        copy.write_row(v)
            else:
                c.executemany(f"INSERT INTO registry_item ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})",
                              batch)
    return first


def table_sizes(connection):
    with connection.cursor() as c:
        if connection.vendor == "postgresql":
            c.execute("SELECT count(*) FROM tracing_fuzzykey")
            keys = c.fetchone()[0]
            c.execute("SELECT pg_total_relation_size('tracing_fuzzykey'), pg_total_relation_size('tracing_serialform'), "
                      "pg_total_relation_size('registry_item')")
            fuzzy, forms, items = c.fetchone()
            return {"keys": keys, "fuzzykey_mb": fuzzy / 2**20, "serialform_and_trgm_mb": forms / 2**20,
                    "registry_item_mb": items / 2**20}
        c.execute("SELECT count(*) FROM tracing_fuzzykey")
        keys = c.fetchone()[0]
        c.execute("PRAGMA page_count")
        pages = c.fetchone()[0]
        c.execute("PRAGMA page_size")
        return {"keys": keys, "database_mb": pages * c.fetchone()[0] / 2**20}


def _pg_scratch_database():
    """Point ARMSTRACE_DATABASE_URL at a fresh `<name>_bench` database; return a function that drops it."""
    import psycopg
    from urllib.parse import urlsplit, urlunsplit

    url = os.environ.get("ARMSTRACE_DATABASE_URL")
    if not url:
        sys.exit("the postgresql worker needs ARMSTRACE_DATABASE_URL")
    parts = urlsplit(url)
    name = (parts.path.lstrip("/") or "postgres") + "_bench"
    admin = psycopg.connect(url, autocommit=True)
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')
    os.environ["ARMSTRACE_DATABASE_URL"] = urlunsplit(parts._replace(path="/" + name))

    def drop():
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.close()
    return drop


# ---------------------------------------------------------------- orchestration


def orchestrate(args):
    reports = []
    for backend in args.backends.split(","):
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        cmd = [sys.executable, __file__, "--worker", backend, "--n", str(args.n), "--queries", str(args.queries),
               "--seed", str(args.seed)]
        with tempfile.TemporaryDirectory(prefix="armstrace-bench-") as data_dir:
            env["ARMSTRACE_DATA_DIR"] = data_dir
            if backend == "sqlite":
                env.pop("ARMSTRACE_DATABASE_URL", None)
            elif not env.get("ARMSTRACE_DATABASE_URL"):
                cmd = [str(REPO / "tools" / "with_postgres.sh"), *cmd]
            print(f"== {backend}: {args.n:,} serials ==", file=sys.stderr, flush=True)
            done = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, text=True, cwd=REPO)
            if done.returncode != 0:
                sys.exit(f"{backend} worker failed ({done.returncode})")
            reports.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print_report(reports, args)


def print_report(reports, args):
    print(f"\nArmsTrace marking search — {args.n:,} synthetic serials, {args.queries} queries per class, seed {args.seed}\n")
    for r in reports:
        sizes = ", ".join(f"{k} {v:,.0f}" if isinstance(v, (int, float)) else f"{k} {v}" for k, v in r["sizes"].items())
        print(f"{r['backend']}: bulk load {r['load_s']:.1f} s, index build {r['index_s']:.1f} s; {sizes}")
    print()
    header = f"{'method':32} {'backend':10} {'queries':12} {'recall@1':>8} {'recall@5':>8} {'p50 ms':>8} {'p99 ms':>8} {'refused':>7}"
    print(header)
    print("-" * len(header))
    for r in reports:
        for row in r["results"]:
            print(f"{row['method']:32} {row['backend']:10} {row['class']:12} {row['recall@1']:8.3f} {row['recall@5']:8.3f} "
                  f"{row['p50_ms']:8.2f} {row['p99_ms']:8.2f} {row['refused']:7d}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000_000, help="number of synthetic serials (default 10,000,000)")
    parser.add_argument("--queries", type=int, default=300, help="queries per class")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--worker", choices=["sqlite", "postgresql"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
    else:
        orchestrate(args)


if __name__ == "__main__":
    main()
