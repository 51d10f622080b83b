"""Crash safety of the CSV import: `armstrace import` is killed with SIGKILL in the middle of a 200,000-row file,
after a batch has committed and while the next one is being written. The chain must still verify, no partial batch
may be visible, and `armstrace import --resume` must finish with exactly the rows of the file.

Runs the real CLI in child processes on a real database: a fresh database on the PostgreSQL server of the test
settings when ARMSTRACE_DATABASE_URL points to one (tools/with_postgres.sh), else an SQLite file under tmp_path.
"""

import csv
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import uuid

import pytest

ROWS = 200_000
BATCH = 25_000
SETUP = r"""
import os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "armstrace.settings")
import django
django.setup()
from datetime import date
from django.core.management import call_command
from armstrace.registry import services
from armstrace.registry.reference import load_reference_data
call_command("migrate", interactive=False, verbosity=0)
load_reference_data()
for i in range(20):
    p = services.register_party(kind="person", name=f"Holder {i}", identifier=f"CR-{i:02d}")
    services.issue_licence(p, licence_type="POSSESSION", number=f"L-CR-{i:02d}", valid_from=date(2000, 1, 1),
                           valid_until=date(2040, 1, 1))
"""


def _postgres_url():
    url = os.environ.get("ARMSTRACE_DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


class SQLiteTarget:
    def __init__(self, tmp_path):
        self.env = {**os.environ, "ARMSTRACE_DATA_DIR": str(tmp_path / "db")}
        self.env.pop("ARMSTRACE_DATABASE_URL", None)
        self.path = tmp_path / "db" / "armstrace.sqlite3"

    def query(self, sql):
        with sqlite3.connect(self.path, timeout=30) as conn:
            return conn.execute(sql).fetchall()

    def batch_in_flight(self):
        """Is a write transaction open? (Only one writer at a time: then BEGIN IMMEDIATE cannot start.)"""
        conn = sqlite3.connect(self.path, timeout=0, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError as exc:
            assert "locked" in str(exc)
            return True
        finally:
            conn.close()


class PostgresTarget:
    def __init__(self, url):
        import psycopg

        self.psycopg = psycopg
        self.name = f"armstrace_crash_{uuid.uuid4().hex[:8]}"
        self.admin_url = url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(self.admin_url, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{self.name}"')
        self.env = {**os.environ, "ARMSTRACE_DATABASE_URL": url.rsplit("/", 1)[0] + "/" + self.name}

    def query(self, sql):
        with self.psycopg.connect(self.env["ARMSTRACE_DATABASE_URL"], autocommit=True) as conn:
            return conn.execute(sql).fetchall()

    def batch_in_flight(self):
        """Does another session hold the event chain's lock (taken by each batch's transaction)?"""
        from armstrace.registry.eventlog import CHAIN_LOCK_KEY

        return bool(self.query(f"SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = {CHAIN_LOCK_KEY} "
                               "AND granted AND pid <> pg_backend_pid()"))

    def drop(self):
        with self.psycopg.connect(self.admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


@pytest.fixture
def target(tmp_path):
    """The database of this test run's settings: PostgreSQL under tools/with_postgres.sh, else SQLite (`make test`
    runs the suite once on each)."""
    url = _postgres_url()
    if url is None:
        yield SQLiteTarget(tmp_path)
        return
    db = PostgresTarget(url)
    yield db
    db.drop()


def _armstrace(env, *args, **kwargs):
    return subprocess.run([sys.executable, "-m", "armstrace", *args], env=env, capture_output=True, text=True,
                          timeout=300, **kwargs)


def _write_file(path):
    rng = random.Random(6)
    serials = [f"CR{i:06d}-{rng.choice('ABCDEFGHJK')}" for i in range(ROWS)]
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["serial_number", "make", "model", "holder", "registered_on", "location"])
        for serial in serials:
            writer.writerow([serial, "Glock", "G17", f"CR-{rng.randrange(20):02d}", "2020-05-06", "Port Town"])
    return serials


def test_sigkill_mid_import_then_resume_gives_exactly_the_file(target, tmp_path):
    setup = subprocess.run([sys.executable, "-c", SETUP], env=target.env, capture_output=True, text=True, timeout=300)
    assert setup.returncode == 0, setup.stderr[-3000:]
    path = tmp_path / "crash.csv"
    serials = _write_file(path)

    importer = subprocess.Popen([sys.executable, "-m", "armstrace", "import", str(path), "--quiet",
                                 "--batch-size", str(BATCH)], env=target.env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
    deadline, killed_at = time.monotonic() + 240, None
    try:
        while time.monotonic() < deadline and importer.poll() is None:
            jobs = target.query("SELECT rows_done FROM registry_importjob WHERE status = 'running'")
            # At least one batch committed, at least two still to come, and one being written right now.
            if jobs and BATCH <= jobs[0][0] <= ROWS - 2 * BATCH and target.batch_in_flight():
                importer.send_signal(signal.SIGKILL)
                killed_at = jobs[0][0]
                break
            time.sleep(0.05)
    finally:
        if importer.poll() is None and killed_at is None:
            importer.kill()
        importer.wait(60)
    assert killed_at is not None, f"never caught the import between batches: {importer.stderr.read()[-2000:]}"
    assert importer.returncode == -signal.SIGKILL

    verify = _armstrace(target.env, "audit", "verify", "--quiet")
    assert verify.returncode == 0, verify.stdout + verify.stderr
    (items,), = target.query("SELECT count(*) FROM registry_item")
    (events,), = target.query("SELECT count(*) FROM registry_event WHERE item_id IS NOT NULL")
    (rows_done, last_line, status), = target.query("SELECT rows_done, last_line, status FROM registry_importjob")
    assert status == "running" and 0 < items < ROWS
    assert items % BATCH == 0, f"{items} items: a partial batch is visible"
    assert items == rows_done == events == last_line - 1  # line 1 is the header
    (markings,), = target.query("SELECT count(*) FROM registry_marking")
    (forms,), = target.query("SELECT count(*) FROM tracing_serialform")
    assert markings == forms == items

    refused = _armstrace(target.env, "import", str(path), "--quiet")
    assert refused.returncode != 0 and "--resume" in refused.stderr
    resumed = _armstrace(target.env, "import", str(path), "--resume", "--quiet", "--batch-size", str(BATCH))
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert f"{ROWS - items} items imported" in resumed.stdout

    imported = [serial for serial, in target.query("SELECT serial_number FROM registry_item")]
    assert len(imported) == ROWS and set(imported) == set(serials)
    sample = random.Random(1).sample(serials, 50)
    found = {s for s, in target.query("SELECT serial_number FROM registry_item WHERE serial_number IN ("
                                      + ", ".join(f"'{s}'" for s in sample) + ")")}
    assert found == set(sample)
    assert target.query("SELECT status, rows_done FROM registry_importjob") == [("done", ROWS)]
    assert target.query("SELECT count(*) FROM tracing_serialform") == [(ROWS,)]
    for command in (["audit", "verify", "--quiet"], ["projections", "rebuild", "--check", "--quiet"]):
        done = _armstrace(target.env, *command)
        assert done.returncode == 0, done.stdout + done.stderr
