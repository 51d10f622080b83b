"""The event log is append-only and hash-chained; `audit verify` finds tampering done behind the app's back."""

import hashlib
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.db.utils import DatabaseError
from django.utils import timezone

from armstrace.conftest import at
from armstrace.core import signing
from armstrace.registry import services
from armstrace.registry.append_only import create_all_append_only_triggers, drop_all_append_only_triggers, trigger_names
from armstrace.registry.checkpoints import checkpoint_head
from armstrace.registry.eventlog import GENESIS_HASH, canonical_json, event_body, verify_chain
from armstrace.registry.eventlog import chain_head, compute_hash
from armstrace.registry.models import Checkpoint, Event
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


# ---------------------------------------------------------------- signed checkpoints and triggers (issue 18, part 2)


@pytest.fixture
def triggers_restored(history):
    """Whatever a test does to the append-only triggers, they are as the migrations made them afterwards."""
    yield
    drop_all_append_only_triggers(connection)
    create_all_append_only_triggers(connection)


@pytest.fixture
def insider(tamper, triggers_restored):
    """`tamper` with every append-only trigger dropped, after the chain was signed at its head (seq 5)."""
    checkpoint_head()
    drop_all_append_only_triggers(connection)
    return tamper


def _db_time(value):
    return connection.ops.adapt_datetimefield_value(value)


def _forge_tail(run, n):
    """Append n events with raw SQL, each with the hash the formula gives (it has no key)."""
    seq, prev_hash = chain_head()
    item = Event.objects.get(seq=1).item
    for _ in range(n):
        seq += 1
        forged = Event(seq=seq, kind="transferred", occurred_at=at(2022, 1, 1), recorded_at=timezone.now(),
                       recorded_by_name="registrar", agency="", item=item, item_uid=str(item.uid),
                       payload={"holder": 1}, prev_hash=prev_hash)
        forged.hash = compute_hash(prev_hash, seq, event_body(forged))
        run(("INSERT INTO registry_event (seq, kind, occurred_at, recorded_at, recorded_by_name, agency, item_id, "
             "item_uid, payload, prev_hash, hash) VALUES (%s, %s, %s, %s, %s, '', %s, %s, %s, %s, %s)",
             [seq, forged.kind, _db_time(forged.occurred_at), _db_time(forged.recorded_at), forged.recorded_by_name,
              item.pk, forged.item_uid, canonical_json(forged.payload), prev_hash, forged.hash]))
        prev_hash = forged.hash


def _rewrite_chain(run, from_seq):
    """Change the event at from_seq and recompute every hash after it: a chain that verifies on its own."""
    prev_hash = Event.objects.get(seq=from_seq - 1).hash
    for event in Event.objects.filter(seq__gte=from_seq).order_by("seq"):
        if event.seq == from_seq:
            event.payload = {**event.payload, "location": "Nowhere"}
        event.prev_hash, event.hash = prev_hash, compute_hash(prev_hash, event.seq, event_body(event))
        run(("UPDATE registry_event SET payload = %s, prev_hash = %s, hash = %s WHERE seq = %s",
             [canonical_json(event.payload), event.prev_hash, event.hash, event.seq]))
        prev_hash = event.hash
    assert verify_chain().ok  # the hash chain alone is fooled
    return prev_hash


def _tampering(match):
    with pytest.raises(CommandError, match=match) as failure:
        call_command("audit", "verify", "--quiet")
    return str(failure.value)


@pytest.mark.parametrize("table", ["registry_event", "registry_checkpoint"])
@pytest.mark.parametrize("which", [0, 1])
def test_detects_dropped_triggers(triggers_restored, table, which):
    name = trigger_names(table, connection.vendor)[which]
    call_command("audit", "verify", "--quiet")
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TRIGGER {name}" + (f" ON {table}" if connection.vendor == "postgresql" else ""))
    message = _tampering(f"TAMPERING DETECTED: append-only trigger {name} on {table} is missing")
    assert message.count("append-only trigger") == 1


def test_detects_a_disabled_or_defused_trigger(triggers_restored):
    if connection.vendor == "postgresql":
        statements = ["SET CONSTRAINTS ALL IMMEDIATE",  # ALTER TABLE refuses while foreign key checks are pending
                      "ALTER TABLE registry_event DISABLE TRIGGER registry_event_no_change",
                      "CREATE OR REPLACE FUNCTION registry_checkpoint_append_only() RETURNS trigger AS $$ "
                      "BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql"]
        expected = ["append-only trigger registry_event_no_change on registry_event is disabled",
                    "append-only trigger registry_checkpoint_no_change on registry_checkpoint was altered: its "
                    "function no longer raises an error"]
    else:
        statements = ["DROP TRIGGER registry_event_no_update",
                      "CREATE TRIGGER registry_event_no_update BEFORE UPDATE ON registry_event WHEN 0 "
                      "BEGIN SELECT RAISE(ABORT, 'x'); END"]
        expected = ["append-only trigger registry_event_no_update on registry_event was altered: it no longer "
                    "refuses every UPDATE"]
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
    message = _tampering("TAMPERING DETECTED")
    assert all(line in message for line in expected), message


def test_forged_tail_is_reported_unsigned_and_fails_once_overdue(insider, settings, monkeypatch, capsys):
    """Events appended with raw SQL and a correctly computed hash: the chain verifies, but nothing signed them."""
    _forge_tail(insider, 2)
    create_all_append_only_triggers(connection)  # and the insider puts the triggers back
    assert verify_chain().ok and chain_head()[0] == 7
    call_command("audit", "verify", "--quiet")
    assert "Unsigned yet: 2 events after seq 5" in capsys.readouterr().out
    settings.ARMSTRACE_CHECKPOINT_EVENTS = 1  # the writers would have signed each of them
    _tampering("UNSIGNED TAIL: 2 events after seq 5 are unsigned, more than the 1 after which a checkpoint is signed")
    settings.ARMSTRACE_CHECKPOINT_EVENTS = 1000
    later = timezone.now() + timedelta(hours=2, minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    _tampering("UNSIGNED TAIL: the unsigned events after seq 5 go back to")


def test_detects_a_chain_rewritten_behind_a_checkpoint(insider):
    _rewrite_chain(insider, 2)
    message = _tampering(r"TAMPERING DETECTED: the chain at seq 5 no longer has the hash that the checkpoint signed "
                         r"at .* covers: the chain was rewritten behind it")
    assert "does not verify" not in message  # the checkpoint itself is sound


def test_detects_a_chain_cut_behind_a_checkpoint(insider):
    insider(("DELETE FROM registry_event WHERE seq >= 4", []))
    assert verify_chain().ok
    _tampering("TAMPERING DETECTED: the chain no longer has seq 5, which the checkpoint signed at .* covers")


@pytest.mark.parametrize("change", ["hash", "signature"])
def test_detects_a_tampered_signature(insider, change):
    """The insider rewrites the chain and points the checkpoint at the new head, or alters the signature."""
    new_head = _rewrite_chain(insider, 3)
    cp = Checkpoint.objects.get(seq=5)
    signature = bytearray(signing.decode_signature(cp.signature))
    signature[0] ^= 1
    value = new_head if change == "hash" else signing.encode_signature(bytes(signature))
    insider((f"UPDATE registry_checkpoint SET {change} = %s WHERE seq = 5", [value]))
    _tampering("TAMPERING DETECTED: the signature of the checkpoint at seq 5 does not verify with this "
               "installation's key: the checkpoint was forged or altered")


@pytest.mark.parametrize("claimed", ["own key id", "installation's key id"])
def test_detects_checkpoints_signed_with_another_key(insider, settings, tmp_path, claimed):
    """The insider rewrites the chain and signs its head with a key of their own."""
    from armstrace.registry.checkpoints import message

    real_id, real_path = signing.key_id(), settings.ARMSTRACE_SIGNING_KEY
    new_head = _rewrite_chain(insider, 2)
    insider(("DELETE FROM registry_checkpoint", []))
    settings.ARMSTRACE_SIGNING_KEY = str(tmp_path / "insider.pem")
    signing.create_key()
    key_id = signing.key_id() if claimed == "own key id" else real_id
    signed_at = "2026-01-01T00:00:00.000000+00:00"
    Checkpoint.objects.create(seq=5, hash=new_head, signed_at=signed_at, key_id=key_id, signature=signing.encode_signature(
        signing.sign(message(5, new_head, signed_at, key_id))))
    settings.ARMSTRACE_SIGNING_KEY = real_path
    if claimed == "own key id":
        _tampering(f"TAMPERING DETECTED: the checkpoint at seq 5 names key {key_id}, not this installation's key "
                   f"{real_id}: it was not signed here")
    else:
        _tampering("TAMPERING DETECTED: the signature of the checkpoint at seq 5 does not verify")


def test_detects_a_replaced_installation_key(history, settings, tmp_path):
    """Checkpoints signed with the installation's key no longer verify once ARMSTRACE_SIGNING_KEY names another."""
    checkpoint_head()
    settings.ARMSTRACE_SIGNING_KEY = str(tmp_path / "other.pem")
    signing.create_key()
    _tampering("TAMPERING DETECTED: the checkpoint at seq 5 names key .*, not this installation's key")
