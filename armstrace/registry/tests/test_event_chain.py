"""The event log is append-only and hash-chained; `audit verify` finds tampering done behind the app's back."""

import hashlib

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.db.utils import DatabaseError

from armstrace.conftest import at
from armstrace.registry import services
from armstrace.registry.eventlog import GENESIS_HASH, canonical_json, event_body, verify_chain
from armstrace.registry.models import Event
from armstrace.registry.triggers import create_event_triggers, drop_event_triggers


@pytest.fixture
def history(registry, glock):
    services.transfer(glock, registry.alice, occurred_at=at(2016, 3, 1))
    services.transfer(glock, registry.bob, occurred_at=at(2018, 5, 2))
    services.report_missing(glock, "theft_reported", occurred_at=at(2020, 1, 3), circumstances="car break-in")
    services.take_into_custody(glock, "seized", occurred_at=at(2021, 7, 4), location="Port Town")
    return glock


def test_seq_is_gapless_and_each_hash_follows_the_formula(history):
    events = list(Event.objects.order_by("seq"))
    assert [e.seq for e in events] == list(range(1, 6))
    prev = GENESIS_HASH
    for e in events:
        expected = hashlib.sha256(f"{prev}{e.seq}{canonical_json(event_body(e))}".encode()).hexdigest()
        assert e.prev_hash == prev and e.hash == expected
        prev = e.hash
    assert verify_chain().ok


def test_a_failed_command_leaves_no_gap(registry, glock):
    with pytest.raises(services.RuleViolation):
        services.transfer(glock, registry.unlicensed, occurred_at=at(2016, 1, 1))
    event = services.transfer(glock, registry.alice, occurred_at=at(2016, 1, 2))
    assert event.seq == 2


@pytest.mark.parametrize("sql", ["UPDATE registry_event SET kind = 'destroyed' WHERE seq = 2",
                                 "DELETE FROM registry_event WHERE seq = 2"])
def test_triggers_block_update_and_delete(history, sql):
    with pytest.raises((DatabaseError, IntegrityError), match="append-only"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(sql)
    assert Event.objects.filter(seq=2, kind="transferred").exists()


@pytest.fixture
def tamper(history):
    """Raw SQL with the triggers dropped, as an attacker with database access would do."""
    drop_event_triggers(connection)

    def run(*statements):
        with connection.cursor() as cursor:
            for sql, params in statements:
                cursor.execute(sql, params)

    yield run
    create_event_triggers(connection)


def _verify_fails_at(seq):
    result = verify_chain()
    assert not result.ok and result.first_bad_seq == seq, result
    with pytest.raises(CommandError, match=f"TAMPERING DETECTED at seq {seq}"):
        call_command("audit", "verify", "--quiet")


def test_detects_an_edited_payload(tamper):
    tamper(("UPDATE registry_event SET payload = %s WHERE seq = 3", ['{"holder": 1, "from_holder": 2}']))
    _verify_fails_at(3)


def test_detects_an_edited_date(tamper):
    tamper(("UPDATE registry_event SET occurred_at = %s WHERE seq = 4", [at(2019, 1, 1)]))
    _verify_fails_at(4)


def test_detects_a_deleted_event(tamper):
    tamper(("DELETE FROM registry_event WHERE seq = 3", []))
    _verify_fails_at(3)


def test_detects_an_inserted_event(tamper):
    """Shift later events up by one and slip a forged event in at seq 3, copying a real event's hashes."""
    forged = Event.objects.get(seq=3)
    tamper(
        ("UPDATE registry_event SET seq = seq + 1000 WHERE seq >= 3", []),
        ("UPDATE registry_event SET seq = seq - 999 WHERE seq >= 1000", []),
        ("INSERT INTO registry_event (seq, kind, occurred_at, recorded_at, recorded_by_name, agency, item_id, item_uid, "
         "payload, prev_hash, hash) VALUES (3, 'destroyed', %s, %s, 'intruder', '', %s, %s, %s, %s, %s)",
         [forged.occurred_at, forged.recorded_at, forged.item_id, forged.item_uid, "{}", forged.prev_hash, "f" * 64]),
    )
    assert Event.objects.count() == 6
    _verify_fails_at(3)


def test_detects_reordered_events(tamper):
    tamper(
        ("UPDATE registry_event SET seq = -2 WHERE seq = 2", []),
        ("UPDATE registry_event SET seq = 2 WHERE seq = 3", []),
        ("UPDATE registry_event SET seq = 3 WHERE seq = -2", []),
    )
    _verify_fails_at(2)


def test_verify_command_reports_ok(history, capsys):
    call_command("audit", "verify", "--quiet")
    assert "OK: 5 events verified; head seq 5" in capsys.readouterr().out
