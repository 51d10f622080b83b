"""`armstrace backup` / `armstrace restore` round trips, and the chain head kept by an outside witness.

The round trips run the real CLI in a subprocess on a real database: an SQLite file under tmp_path always,
and, when ARMSTRACE_DATABASE_URL points to PostgreSQL, two fresh databases created on that server.
"""

import json
import os
import subprocess
import sys
import uuid

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from armstrace.conftest import at
from armstrace.registry import services
from armstrace.registry.eventlog import check_witness, verify_chain, witness_head
from armstrace.registry.models import Event
from armstrace.registry.triggers import create_event_triggers, drop_event_triggers

# Runs management commands in one process (Django starts once) and prints what the test compares.
SCRIPT = r"""
import json, os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "armstrace.settings")
import django
django.setup()
from django.core.management import CommandError, call_command
failures = []
for expect, *args in json.loads(sys.argv[1]):
    try:
        call_command(*args)
        failures.append(None if expect == "ok" else f"{args} succeeded but should have failed")
    except CommandError as exc:
        failures.append(None if expect == "fail" else f"{args} failed: {exc}")
from armstrace.registry.eventlog import verify_chain
from armstrace.registry.models import Event, Item, Party
result = verify_chain()
print("RESULT " + json.dumps({"failures": [f for f in failures if f], "items": Item.objects.count(),
      "events": Event.objects.count(), "parties": Party.objects.count(), "ok": result.ok,
      "head_seq": result.head_seq, "head_hash": result.head_hash}))
"""


def _run(env, *commands):
    proc = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps(commands)], env=env, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    line = [x for x in proc.stdout.splitlines() if x.startswith("RESULT ")][-1]
    state = json.loads(line.removeprefix("RESULT "))
    assert state["failures"] == [], state["failures"]
    return state


def _round_trip(src_env, dst_env, backup_file, witness_file):
    before = _run(src_env, ("ok", "init", "--password", "admin-pass-123"), ("ok", "demo", "--items", "10", "--seed", "3"),
                  ("ok", "backup", str(backup_file)), ("ok", "audit", "head", "--out", str(witness_file)))
    assert before["ok"] and before["items"] == 10 and before["events"] > 10
    assert backup_file.stat().st_size > 0
    after = _run(dst_env, ("ok", "restore", str(backup_file)),
                 ("ok", "audit", "verify", "--quiet", "--witness", str(witness_file)),
                 ("fail", "restore", str(backup_file)),  # the target now holds data: refused without --force
                 ("ok", "restore", "--force", str(backup_file)))
    for key in ("items", "events", "parties", "head_seq", "head_hash"):
        assert after[key] == before[key], key
    assert after["ok"]
    assert json.loads(witness_file.read_text())["hash"] == before["head_hash"]


def test_sqlite_round_trip(tmp_path):
    env = {**os.environ, "ARMSTRACE_DATA_DIR": str(tmp_path / "src")}
    env.pop("ARMSTRACE_DATABASE_URL", None)
    backup_file = tmp_path / "backup.sqlite3"
    _round_trip(env, {**env, "ARMSTRACE_DATA_DIR": str(tmp_path / "dst")}, backup_file, tmp_path / "head.json")
    # The backup is one self-contained file in rollback-journal mode, not a live WAL database.
    assert not (tmp_path / "backup.sqlite3-wal").exists()
    assert backup_file.read_bytes()[18:20] == b"\x01\x01"


def _postgres_url():
    url = os.environ.get("ARMSTRACE_DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


@pytest.fixture
def two_postgres_databases():
    import dj_database_url
    import psycopg

    url = _postgres_url()
    s = dj_database_url.parse(url)
    conninfo = dict(host=s["HOST"] or None, port=s["PORT"] or None, user=s["USER"] or None,
                    password=s["PASSWORD"] or None, dbname="postgres", autocommit=True)
    names = [f"armstrace_backup_{uuid.uuid4().hex[:8]}_{n}" for n in ("src", "dst")]
    with psycopg.connect(**conninfo) as admin:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
    base = url.rsplit("/", 1)[0]
    yield [f"{base}/{name}" for name in names]
    with psycopg.connect(**conninfo) as admin:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.skipif(_postgres_url() is None, reason="needs ARMSTRACE_DATABASE_URL pointing to PostgreSQL "
                                                    "(run under tools/with_postgres.sh)")
def test_postgres_round_trip(tmp_path, two_postgres_databases):
    src, dst = two_postgres_databases
    env = {**os.environ, "ARMSTRACE_DATA_DIR": str(tmp_path)}
    _round_trip({**env, "ARMSTRACE_DATABASE_URL": src}, {**env, "ARMSTRACE_DATABASE_URL": dst},
                tmp_path / "backup.dump", tmp_path / "head.json")


# ---------------------------------------------------------------- outside witness


@pytest.fixture
def history(registry, glock):
    services.transfer(glock, registry.alice, occurred_at=at(2016, 3, 1))
    services.transfer(glock, registry.bob, occurred_at=at(2018, 5, 2))
    services.report_missing(glock, "theft_reported", occurred_at=at(2020, 1, 3), circumstances="car break-in")
    return glock


def test_witness_detects_a_truncated_chain_tail(history, tmp_path):
    head_file = tmp_path / "head.json"
    call_command("audit", "head", "--out", str(head_file))
    witness = json.loads(head_file.read_text())
    assert set(witness) == {"seq", "hash", "recorded_at", "generated_at"}
    assert (witness["seq"], witness["hash"]) == Event.objects.order_by("-seq").values_list("seq", "hash").first()
    call_command("audit", "verify", "--quiet", "--witness", str(head_file))

    drop_event_triggers(connection)
    try:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM registry_event WHERE seq > %s", [witness["seq"] - 2])
    finally:
        create_event_triggers(connection)

    assert verify_chain().ok  # what remains of the chain still verifies: only the witness can tell
    result = check_witness(witness)
    assert not result.ok and "no longer exists" in result.reason
    with pytest.raises(CommandError, match="WITNESS CHECK FAILED"):
        call_command("audit", "verify", "--quiet", "--witness", str(head_file))


def test_witness_detects_a_rewritten_head(history):
    witness = witness_head()
    assert check_witness(witness).ok
    assert not check_witness({**witness, "hash": "f" * 64}).ok
    assert not check_witness({"nonsense": 1}).ok
