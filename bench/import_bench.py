"""Benchmark of the bulk CSV import (`make bench`; never run by pytest).

    python bench/import_bench.py [--n 1000000] [--small N] [--batch-size 100000] [--seed 1]
    tools/with_postgres.sh .venv/bin/python bench/import_bench.py --n 1000000

The backend is the one `armstrace` would use: SQLite in a temporary data directory unless ARMSTRACE_DATABASE_URL
names a PostgreSQL database (scratch databases `<name>_imp_*` are then created next to it and dropped afterwards).

1. A base database is made: migrated, reference data, 2,000 licensed persons and 12 dealers.
2. Two CSV files are generated, N rows and `--small` rows (default N/5): firearms of the reference makes and models
   with serial numbers in the makes' formats, registered or imported (with an import mark) on dates 2012-2022.
3. `armstrace import FILE` runs as a child process on a fresh copy of the base for each file; its wall time and peak
   RSS (ru_maxrss of the child) are measured. Peak RSS at two file sizes shows whether memory is constant in size.
4. The big import is checked: `armstrace audit verify`, `armstrace projections rebuild --check`, row counts.
5. Raw baseline, same run: the very rows the import wrote (items, events, markings, serial forms, FTS5 rows on
   SQLite, deletion keys) are inserted into another fresh copy of the base, batch by batch as the import wrote them,
   with plain executemany (SQLite) or COPY (PostgreSQL) and the search triggers dropped. Only the inserts and commits
   are timed (reading the rows back and computing the keys are not). The ratio import / raw is the share of the raw
   insert rate that the import reaches while also parsing, validating, checking duplicates, hashing and indexing.
"""

import argparse
import csv
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

TOWNS = ["Capital City", "North Province", "Port Town", "Border District", "Lake Region", "Highlands", "Coastal Area"]
POSITIONS = ["frame, left side", "slide, right side", "receiver", "barrel"]
INDEX_TABLES = ["tracing_serialform", "tracing_fuzzykey"]


def log(msg):
    print(f"[import bench] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- data


def make_base(n_persons=2000):
    """Migrate the current database and give it reference data and licensed holders; return generator inputs."""
    from django.core.management import call_command

    from armstrace.profile import get_profile
    from armstrace.registry.models import FirearmModel, Licence, Make, Party
    from armstrace.registry.reference import load_reference_data, sync_agencies

    from armstrace.core.signing import create_key

    create_key()  # the imports sign checkpoints
    call_command("migrate", interactive=False, verbosity=0)
    load_reference_data()
    sync_agencies()
    parties = [Party(kind=Party.Kind.PERSON, name=f"Person {i}", identifier=f"ID-{i:06d}") for i in range(n_persons)]
    parties += [Party(kind=Party.Kind.DEALER, name=f"Dealer {i}", identifier=f"DLR-{i:04d}") for i in range(12)]
    Party.objects.bulk_create(parties)
    parties = list(Party.objects.filter(identifier__in=[p.identifier for p in parties]))
    Licence.objects.bulk_create([
        Licence(party=p, licence_type="DEALER" if p.kind == Party.Kind.DEALER else "POSSESSION", number=f"L-{p.identifier}",
                valid_from=date(2010, 1, 1), valid_until=date(2040, 1, 1)) for p in parties])
    makes = []
    for make in Make.objects.exclude(serial_patterns=[]):
        models = list(FirearmModel.objects.filter(make=make).values_list("name", flat=True))
        if models:
            makes.append({"name": make.name, "country": make.country, "patterns": make.serial_patterns, "models": models})
    return makes, [p.identifier for p in parties], get_profile().country


def write_csv(path, n, seed, makes, holders, country):
    """n rows, serial numbers unique per make once normalised; returns the path."""
    from armstrace.registry.importer import COLUMNS
    from armstrace.registry.reference_data import serial_from_pattern
    from armstrace.registry.serials import normalize_serial

    rng = random.Random(seed)
    seen = set()
    start = date(2012, 1, 1)
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        written = 0
        while written < n:
            make = rng.choice(makes)
            serial = serial_from_pattern(rng.choice(make["patterns"]), rng)
            key = (make["name"], normalize_serial(serial))
            if key in seen:
                continue
            seen.add(key)
            day = start + timedelta(days=rng.randrange(3900))
            imported = make["country"] != country
            writer.writerow([
                serial, make["name"], rng.choice(make["models"]), "", "", "", str(day.year - rng.randint(0, 5)),
                rng.choice(holders), "imported" if imported else "registered", day.isoformat(), rng.choice(TOWNS),
                rng.choice(POSITIONS), f"{country} {day.year % 100:02d}" if imported else "",
                "frame, right side" if imported else "",
            ])
            written += 1
    return path


# ---------------------------------------------------------------- databases


class SQLiteBackend:
    name = "SQLite"

    def __init__(self, workdir):
        self.workdir = workdir
        os.environ["ARMSTRACE_DATA_DIR"] = str(workdir)
        os.environ.pop("ARMSTRACE_DATABASE_URL", None)
        self.base = workdir / "armstrace.sqlite3"

    def clone(self, label):
        """A fresh copy of the base; returns the environment of a child process that uses it."""
        from django.db import connections

        connections.close_all()
        data_dir = self.workdir / label
        data_dir.mkdir()
        with sqlite3.connect(self.base) as src, sqlite3.connect(data_dir / "armstrace.sqlite3") as dst:
            src.backup(dst)
        return {**os.environ, "ARMSTRACE_DATA_DIR": str(data_dir)}

    def connect(self, env):
        from armstrace.registry.importer import SQLITE_PRAGMAS

        conn = sqlite3.connect(Path(env["ARMSTRACE_DATA_DIR"]) / "armstrace.sqlite3", isolation_level=None)
        for pragma in ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON", *SQLITE_PRAGMAS]:
            conn.execute(pragma)
        return conn

    def insert(self, conn, table, columns, rows):
        marks = ", ".join("?" * len(columns))
        conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def size_mb(self, env):
        path = Path(env["ARMSTRACE_DATA_DIR"]) / "armstrace.sqlite3"
        return sum(p.stat().st_size for p in path.parent.glob("armstrace.sqlite3*")) / 2**20

    def drop(self):
        pass


class PostgresBackend:
    name = "PostgreSQL"

    def __init__(self, url):
        import psycopg
        from urllib.parse import urlsplit, urlunsplit

        self.parts = urlsplit(url)
        self.prefix = (self.parts.path.lstrip("/") or "postgres") + "_imp"
        self.admin = psycopg.connect(url, autocommit=True)
        self.created = []
        self.urlunsplit = urlunsplit
        self.base = self._create("base")
        os.environ["ARMSTRACE_DATABASE_URL"] = self.url(self.base)

    def url(self, name):
        return self.urlunsplit(self.parts._replace(path="/" + name))

    def _create(self, label, template=None):
        name = f"{self.prefix}_{label}"
        self.admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        self.admin.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        self.created.append(name)
        return name

    def clone(self, label):
        from django.db import connections

        connections.close_all()
        return {**os.environ, "ARMSTRACE_DATABASE_URL": self.url(self._create(label, template=self.base))}

    def connect(self, env):
        import psycopg

        return psycopg.connect(env["ARMSTRACE_DATABASE_URL"], autocommit=True)

    def insert(self, conn, table, columns, rows):
        with conn.cursor().copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def size_mb(self, env):
        with self.connect(env) as conn:
            return conn.execute("SELECT pg_database_size(current_database())").fetchone()[0] / 2**20

    def drop(self):
        from django.db import connections

        connections.close_all()
        for name in self.created:
            self.admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.admin.close()


# ---------------------------------------------------------------- runs


def run_child(cmd, env):
    """Run a command; return (seconds, peak RSS in MiB of the child, stdout, stderr)."""
    t = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, env=env, cwd=REPO, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - t
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    if proc.returncode != 0:
        sys.exit(f"{' '.join(map(str, cmd))} failed ({proc.returncode}):\n{stderr[-3000:]}")
    return seconds, usage.ru_maxrss / 1024, stdout, stderr


def armstrace(*args):
    return [sys.executable, "-m", "armstrace", *map(str, args)]


def counts(backend, env):
    conn = backend.connect(env)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ["registry_item", "registry_event", "registry_marking", *INDEX_TABLES]}
    finally:
        conn.close()


def raw_baseline(backend, source_env, target_env, batch_size):
    """Insert the rows of the imported database into the empty copy `target_env`, batch by batch; return seconds."""
    from armstrace.tracing import index

    src, dst = backend.connect(source_env), backend.connect(target_env)
    pg = backend.name == "PostgreSQL"
    tables = {}
    for table in ["registry_item", "registry_event", "registry_marking", "tracing_serialform"]:
        if pg:
            cols = [r[0] for r in src.execute("SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                                              "ORDER BY ordinal_position", [table]).fetchall()]
        else:
            cols = [r[1] for r in src.execute(f"PRAGMA table_info({table})").fetchall()]
        tables[table] = cols
    if pg:
        for name, table in [("tracing_item_forms", "registry_item"), ("tracing_marking_forms", "registry_marking"),
                            ("tracing_form_keys", "tracing_serialform")]:
            dst.execute(f"ALTER TABLE {table} DISABLE TRIGGER {name}")
    else:
        for name in index.SQLITE_TRIGGER_NAMES:
            dst.execute(f"DROP TRIGGER IF EXISTS {name}")
    mark = "%s" if pg else "?"
    first, last = src.execute("SELECT min(id), max(id) FROM registry_item").fetchone()
    timed = 0.0
    for lo in range(first, last + 1, batch_size):
        hi = lo + batch_size - 1

        def rows(table, where):
            return src.execute(f"SELECT {', '.join(tables[table])} FROM {table} WHERE {where} ORDER BY id",
                               [lo, hi]).fetchall()

        items = rows("registry_item", f"id BETWEEN {mark} AND {mark}")
        events = rows("registry_event", f"item_id BETWEEN {mark} AND {mark}")
        markings = rows("registry_marking", f"item_id BETWEEN {mark} AND {mark}")
        forms = rows("tracing_serialform", f"item_id BETWEEN {mark} AND {mark}")
        if pg:  # jsonb columns come back as dicts: give them back to COPY as JSON
            from psycopg.types.json import Jsonb

            items, events = ([[Jsonb(v) if isinstance(v, (dict, list)) else v for v in row] for row in rows_]
                             for rows_ in (items, events))
        fi = {c: i for i, c in enumerate(tables["tracing_serialform"])}
        keys = sorted((variant, f[fi["make_key"]], f[fi["id"]], d)
                      for f in forms for variant, d in index.deletion_variants(f[fi["folded"]]).items())
        t = time.perf_counter()
        if pg:
            with dst.transaction():
                backend.insert(dst, "registry_item", tables["registry_item"], items)
                backend.insert(dst, "registry_event", tables["registry_event"], events)
                backend.insert(dst, "registry_marking", tables["registry_marking"], markings)
                backend.insert(dst, "tracing_serialform", tables["tracing_serialform"], forms)
                backend.insert(dst, "tracing_fuzzykey", ["variant", "make_id", "form_id", "d"], keys)
        else:
            dst.execute("BEGIN IMMEDIATE")
            backend.insert(dst, "registry_item", tables["registry_item"], items)
            backend.insert(dst, "registry_event", tables["registry_event"], events)
            backend.insert(dst, "registry_marking", tables["registry_marking"], markings)
            backend.insert(dst, "tracing_serialform", tables["tracing_serialform"], forms)
            backend.insert(dst, "tracing_serialform_fts", ["rowid", "folded"], [(f[fi["id"]], f[fi["folded"]]) for f in forms])
            backend.insert(dst, "tracing_fuzzykey", ["variant", "make_id", "form_id", "d"], keys)
            dst.execute("COMMIT")
        timed += time.perf_counter() - t
    src.close()
    dst.close()
    return timed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="rows of the big file (default 1,000,000)")
    parser.add_argument("--small", type=int, help="rows of the small file, for the memory comparison (default N/5)")
    parser.add_argument("--batch-size", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip-raw", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    small = args.small or max(args.n // 5, 1)

    workdir = Path(tempfile.mkdtemp(prefix="armstrace-import-bench-"))
    os.environ["ARMSTRACE_SIGNING_KEY"] = str(workdir / "signing-key.pem")  # one key for every copy of the base
    url = os.environ.get("ARMSTRACE_DATABASE_URL", "")
    backend = PostgresBackend(url) if url.startswith("postgres") else SQLiteBackend(workdir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "armstrace.settings")
    import django

    django.setup()
    try:
        report = run(backend, workdir, args, small)
    finally:
        backend.drop()
        shutil.rmtree(workdir, ignore_errors=True)
    print_report(report)
    print(json.dumps(report))


def run(backend, workdir, args, small):
    log(f"{backend.name}: base database")
    makes, holders, country = make_base()
    report = {"backend": backend.name, "n": args.n, "small": small, "batch_size": args.batch_size, "imports": []}
    for label, n, seed in [("small", small, args.seed + 1), ("big", args.n, args.seed)]:
        t = time.perf_counter()
        path = write_csv(workdir / f"{label}.csv", n, seed, makes, holders, country)
        log(f"{label}: {n:,} rows generated in {time.perf_counter() - t:.1f} s ({path.stat().st_size / 2**20:.0f} MiB)")
        env = backend.clone(label)
        seconds, rss, stdout, _ = run_child(armstrace("import", path, "--quiet", "--batch-size", args.batch_size), env)
        log(f"{label}: imported in {seconds:.1f} s ({n / seconds:,.0f} rows/s), peak RSS {rss:.0f} MiB: {stdout.strip()}")
        report["imports"].append({"label": label, "rows": n, "seconds": seconds, "rows_per_s": n / seconds,
                                  "peak_rss_mib": rss, "database_mib": backend.size_mb(env)})
        if label == "big":
            big_env = env
        path.unlink()

    found = counts(backend, big_env)
    log(f"big: {found}")
    report["counts"] = found
    assert found["registry_item"] == found["registry_event"] == args.n, found
    seconds, _, stdout, _ = run_child(armstrace("audit", "verify"), big_env)
    report["audit_verify_s"] = seconds
    log(f"audit verify: {seconds:.1f} s: {stdout.strip()}")
    seconds, _, stdout, _ = run_child(armstrace("projections", "rebuild", "--check"), big_env)
    report["projections_check_s"] = seconds
    log(f"projections rebuild --check: {seconds:.1f} s: {stdout.strip()}")

    if not args.skip_raw:
        raw_env = backend.clone("raw")
        raw_s = raw_baseline(backend, big_env, raw_env, args.batch_size)
        assert counts(backend, raw_env) == found
        big = report["imports"][-1]
        report["raw"] = {"seconds": raw_s, "rows_per_s": args.n / raw_s, "ratio": big["rows_per_s"] / (args.n / raw_s)}
        log(f"raw inserts: {raw_s:.1f} s ({args.n / raw_s:,.0f} rows/s); import/raw = {report['raw']['ratio']:.0%}")
    return report


def print_report(r):
    print(f"\nArmsTrace bulk import — {r['backend']}, batches of {r['batch_size']:,} rows\n")
    print(f"{'file':8} {'rows':>10} {'seconds':>8} {'rows/s':>9} {'peak RSS MiB':>13} {'database MiB':>13}")
    for i in r["imports"]:
        print(f"{i['label']:8} {i['rows']:>10,} {i['seconds']:>8.1f} {i['rows_per_s']:>9,.0f} {i['peak_rss_mib']:>13.0f} "
              f"{i['database_mib']:>13.0f}")
    if "raw" in r:
        print(f"{'raw':8} {r['n']:>10,} {r['raw']['seconds']:>8.1f} {r['raw']['rows_per_s']:>9,.0f}   "
              f"(executemany/COPY of the same rows; import reaches {r['raw']['ratio']:.0%} of it)")
    c = r["counts"]
    print(f"\nbig file: {c['registry_item']:,} items, {c['registry_event']:,} events, {c['registry_marking']:,} markings, "
          f"{c['tracing_serialform']:,} serial forms, {c['tracing_fuzzykey']:,} deletion keys; "
          f"audit verify {r['audit_verify_s']:.1f} s, projections rebuild --check {r['projections_check_s']:.1f} s")


if __name__ == "__main__":
    main()
