"""The event log is append-only and hash-chained; `audit verify` finds tampering done behind the app's back."""

import hashlib
import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.db.utils import DatabaseError
from django.utils import timezone

from armstrace.conftest import at
from armstrace.core import signing
from armstrace.core.actor import Actor
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
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    assert [e.kind for e in events if e.item_id] == ["registered", "transferred", "transferred", "theft_reported",
                                                    "seized"]
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
    assert event.seq == glock.last_event_seq + 1


def _item_seq(item, n):
    """The seq of the item's n-th event (the holders' and licences' events come first in the chain)."""
    return list(Event.objects.filter(item=item).order_by("seq").values_list("seq", flat=True))[n]


def test_triggers_block_update_and_delete(history):
    seq = _item_seq(history, 1)
    for sql in (f"UPDATE registry_event SET kind = 'destroyed' WHERE seq = {seq}",
                f"DELETE FROM registry_event WHERE seq = {seq}"):
        with pytest.raises((DatabaseError, IntegrityError), match="append-only"), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(sql)
    assert Event.objects.filter(seq=seq, kind="transferred").exists()


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


def _check_reports(*lines):
    """`projections rebuild --check` fails and names each difference."""
    out = io.StringIO()
    with pytest.raises(CommandError, match="differ from the event log"):
        call_command("projections", "rebuild", "--check", "--quiet", stdout=out)
    for line in lines:
        assert line in out.getvalue(), out.getvalue()


def test_nothing_to_report_when_untouched(history):
    assert verify_chain().ok
    call_command("projections", "rebuild", "--check", "--quiet", stdout=io.StringIO())


def test_detects_an_edited_payload(tamper, history):
    seq = _item_seq(history, 2)
    tamper(("UPDATE registry_event SET payload = %s WHERE seq = %s", ['{"holder": 1, "from_holder": 2}', seq]))
    _verify_fails_at(seq)


def test_detects_an_edited_date(tamper, history):
    seq = _item_seq(history, 3)
    tamper(("UPDATE registry_event SET occurred_at = %s WHERE seq = %s", [at(2019, 1, 1), seq]))
    _verify_fails_at(seq)


def test_detects_a_deleted_event(tamper, history):
    seq = _item_seq(history, 2)
    tamper(("DELETE FROM registry_event WHERE seq = %s", [seq]))
    _verify_fails_at(seq)


def test_detects_an_inserted_event(tamper, history):
    """Shift later events up by one and slip a forged event in, copying a real event's hashes."""
    seq = _item_seq(history, 2)
    forged = Event.objects.get(seq=seq)
    count = Event.objects.count()
    tamper(
        ("UPDATE registry_event SET seq = seq + 1000 WHERE seq >= %s", [seq]),
        ("UPDATE registry_event SET seq = seq - 999 WHERE seq >= 1000", []),
        ("INSERT INTO registry_event (seq, kind, occurred_at, recorded_at, recorded_by_name, agency, item_id, item_uid, "
         "payload, prev_hash, hash, hash_formula) VALUES (%s, 'destroyed', %s, %s, 'intruder', '', %s, %s, %s, %s, %s, 2)",
         [seq, forged.occurred_at, forged.recorded_at, forged.item_id, forged.item_uid, "{}", forged.prev_hash,
          "f" * 64]),
    )
    assert Event.objects.count() == count + 1
    _verify_fails_at(seq)


def test_detects_reordered_events(tamper, history):
    a, b = _item_seq(history, 1), _item_seq(history, 2)
    tamper(
        ("UPDATE registry_event SET seq = -2 WHERE seq = %s", [a]),
        ("UPDATE registry_event SET seq = %s WHERE seq = %s", [a, b]),
        ("UPDATE registry_event SET seq = %s WHERE seq = -2", [b]),
    )
    _verify_fails_at(a)


def test_verify_command_reports_ok(history, capsys):
    call_command("audit", "verify", "--quiet")
    n = Event.objects.count()
    assert f"OK: {n} events verified; head seq {n}" in capsys.readouterr().out


# ---------------------------------------------------------------- what went unseen before (issue 18)


def test_detects_an_edited_party(tamper, registry):
    tamper(("UPDATE registry_party SET name = %s, identifier = %s WHERE id = %s",
            ["Mallory", "ID-MALLORY", registry.alice.pk]))
    assert verify_chain().ok  # the chain itself is intact: the row no longer equals its events
    _check_reports(f"party {registry.alice.pk}: identifier, name differ from its last event")


def test_detects_a_back_dated_licence(tamper, registry):
    licence = registry.bob.licences.get()
    tamper(("UPDATE registry_licence SET valid_from = %s WHERE id = %s", ["1990-01-01", licence.pk]))
    _check_reports(f"licence {licence.pk}: valid_from differ from its last event")


def test_detects_a_licence_moved_to_another_holder(tamper, registry):
    licence = registry.bob.licences.get()
    tamper(("UPDATE registry_licence SET party_id = %s WHERE id = %s", [registry.unlicensed.pk, licence.pk]))
    _check_reports(f"licence {licence.pk}: party_id differ from its last event")


def test_detects_an_edited_marking(tamper, history):
    marking = history.markings.get(kind="serial")
    tamper(("UPDATE registry_marking SET text = %s WHERE id = %s", ["XYZ999", marking.pk]))
    _check_reports(f"marking {marking.pk}: not as its event #{marking.event.seq} recorded it")


def test_detects_a_deleted_marking(tamper, history):
    marking = history.markings.get(kind="serial")
    tamper(("DELETE FROM registry_marking WHERE id = %s", [marking.pk]))
    _check_reports(f"event #{marking.event.seq}: 1 of its markings are missing")


def test_detects_an_edited_serial_row(tamper, history):
    tamper(("UPDATE registry_item SET serial_number = %s, serial_normalized = %s, serial_folded = %s WHERE id = %s",
            ["ZZZ1", "ZZZ1", "ZZZ1", history.pk]))
    _check_reports(f"item {history.pk}: serial_number differ from its entry event")


def test_detects_an_edited_recorded_by(tamper, history, make_user):
    clerk, other = make_user("clerk", "registrar"), make_user("other", "registrar")
    event = services.add_marking(history, services.MarkingInput("proof", "P1"), actor=Actor(user=clerk))
    tamper(("UPDATE registry_event SET recorded_by_id = %s WHERE seq = %s", [other.pk, event.seq]))
    _verify_fails_at(event.seq)


def test_detects_a_moved_item_id(tamper, registry, history):
    other = services.create_item(services.FirearmInput(serial_number="OTHER1", make=history.make, model=history.model),
                                 holder=registry.dealer, occurred_at=at(2015, 1, 11))
    seq = _item_seq(history, 1)
    tamper(("UPDATE registry_event SET item_id = %s WHERE seq = %s", [other.pk, seq]))
    _verify_fails_at(seq)
    _check_reports(f"event #{seq}: its item {other.pk} is not the item")


def test_a_moved_item_id_of_a_formula_1_event_is_found_by_the_check(db):
    """Events made before formula 2 do not hash the item's row id: the check compares it with the uid they hash."""
    first, second = _old_item("OLD1"), _old_item("OLD2")
    seq = first.events.get().seq
    drop_event_triggers(connection)
    try:
        with connection.cursor() as cursor:
            cursor.execute("UPDATE registry_event SET item_id = %s WHERE seq = %s", [second.pk, seq])
        assert verify_chain().ok
        _check_reports(f"event #{seq}: its item {second.pk} is not the item {first.uid}")
    finally:
        create_event_triggers(connection)


def test_old_events_keep_formula_1_and_verify(db):
    old = _old_item("OLD3")
    new = services.add_marking(old, services.MarkingInput("proof", "P1"))
    assert verify_chain().ok
    assert old.events.get(kind="registered").hash_formula == 1 and new.hash_formula == 2
    assert "item_id" not in event_body(old.events.get(kind="registered")) and event_body(new)["item_id"] == old.pk
    call_command("projections", "rebuild", "--check", "--quiet", stdout=io.StringIO())


def test_a_formula_cannot_be_lowered(tamper, history):
    seq = _item_seq(history, 1)
    tamper(("UPDATE registry_event SET hash_formula = 1 WHERE seq = %s", [seq]))
    _verify_fails_at(seq)


def _old_item(serial):
    """An item and its first event as the code before formula 2 made them."""
    from django.utils import timezone

    from armstrace.registry.eventlog import body_of, chain_head, compute_hash
    from armstrace.registry.models import Item

    item = Item.objects.create(serial_number=serial, firearm_type="pistol", last_event_seq=chain_head()[0] + 1)
    seq, prev_hash = chain_head()
    now = timezone.now()
    payload = {"holder": None, "location": "", "markings": [],
               "item": {"category": "firearm", "type": "pistol", "make": "", "model": "", "calibre": "",
                        "serial_number": serial, "country_of_manufacture": ""}}
    event = Event(seq=seq + 1, kind="registered", occurred_at=now, recorded_at=now, recorded_by_name="system",
                  agency="", item=item, item_uid=str(item.uid), payload=payload, prev_hash=prev_hash, hash_formula=1)
    event.hash = compute_hash(prev_hash, event.seq, body_of(event.seq, event.kind, now, now, "system", "",
                                                            event.item_uid, payload, formula=1))
    event.save(force_insert=True)
    return item


# ---------------------------------------------------------------- signed checkpoints and triggers (issue 18, part 2)


@pytest.fixture
def triggers_restored(history):
    """Whatever a test does to the append-only triggers, they are as the migrations made them afterwards."""
    yield
    drop_all_append_only_triggers(connection)
    create_all_append_only_triggers(connection)


@pytest.fixture
def insider(tamper, triggers_restored):
    """`tamper` with every append-only trigger dropped, after the chain was signed at its head (`HEAD`)."""
    checkpoint_head()
    drop_all_append_only_triggers(connection)
    return tamper


def _db_time(value):
    return connection.ops.adapt_datetimefield_value(value)


def _forge_tail(run, n):
    """Append n events with raw SQL, each with the hash the formula gives (it has no key)."""
    seq, prev_hash = chain_head()
    item = Event.objects.filter(item__isnull=False).order_by("seq").first().item
    for _ in range(n):
        seq += 1
        forged = Event(seq=seq, kind="transferred", occurred_at=at(2022, 1, 1), recorded_at=timezone.now(),
                       recorded_by_name="registrar", agency="", item=item, item_uid=str(item.uid),
                       payload={"holder": 1}, prev_hash=prev_hash)
        forged.hash = compute_hash(prev_hash, seq, event_body(forged))
        run(("INSERT INTO registry_event (seq, kind, occurred_at, recorded_at, recorded_by_name, agency, item_id, "
             "item_uid, payload, prev_hash, hash, hash_formula) VALUES (%s, %s, %s, %s, %s, '', %s, %s, %s, %s, %s, %s)",
             [seq, forged.kind, _db_time(forged.occurred_at), _db_time(forged.recorded_at), forged.recorded_by_name,
              item.pk, forged.item_uid, canonical_json(forged.payload), prev_hash, forged.hash, forged.hash_formula]))
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
    head = chain_head()[0]
    _forge_tail(insider, 2)
    create_all_append_only_triggers(connection)  # and the insider puts the triggers back
    assert verify_chain().ok and chain_head()[0] == head + 2
    call_command("audit", "verify", "--quiet")
    assert f"Unsigned yet: 2 events after seq {head}" in capsys.readouterr().out
    settings.ARMSTRACE_CHECKPOINT_EVENTS = 1  # the writers would have signed each of them
    _tampering(f"UNSIGNED TAIL: 2 events after seq {head} are unsigned, more than the 1 after which a checkpoint is "
               f"signed")
    settings.ARMSTRACE_CHECKPOINT_EVENTS = 1000
    later = timezone.now() + timedelta(hours=2, minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    _tampering(f"UNSIGNED TAIL: the unsigned events after seq {head} go back to")


def test_detects_a_chain_rewritten_behind_a_checkpoint(insider):
    head = chain_head()[0]
    _rewrite_chain(insider, 2)
    message = _tampering(rf"TAMPERING DETECTED: the chain at seq {head} no longer has the hash that the checkpoint signed "
                         r"at .* covers: the chain was rewritten behind it")
    assert "does not verify" not in message  # the checkpoint itself is sound


def test_detects_a_chain_cut_behind_a_checkpoint(insider, history):
    head = chain_head()[0]
    insider(("DELETE FROM registry_event WHERE seq >= %s", [_item_seq(history, 2)]))
    assert verify_chain().ok
    _tampering(f"TAMPERING DETECTED: the chain no longer has seq {head}, which the checkpoint signed at .* covers")


@pytest.mark.parametrize("change", ["hash", "signature"])
def test_detects_a_tampered_signature(insider, change):
    """The insider rewrites the chain and points the checkpoint at the new head, or alters the signature."""
    head = chain_head()[0]
    new_head = _rewrite_chain(insider, 3)
    cp = Checkpoint.objects.get(seq=head)
    signature = bytearray(signing.decode_signature(cp.signature))
    signature[0] ^= 1
    value = new_head if change == "hash" else signing.encode_signature(bytes(signature))
    insider((f"UPDATE registry_checkpoint SET {change} = %s WHERE seq = %s", [value, head]))
    _tampering(f"TAMPERING DETECTED: the signature of the checkpoint at seq {head} does not verify with this "
               "installation's key: the checkpoint was forged or altered")


@pytest.mark.parametrize("claimed", ["own key id", "installation's key id"])
def test_detects_checkpoints_signed_with_another_key(insider, settings, tmp_path, claimed):
    """The insider rewrites the chain and signs its head with a key of their own."""
    from armstrace.registry.checkpoints import message

    real_id, real_path, head = signing.key_id(), settings.ARMSTRACE_SIGNING_KEY, chain_head()[0]
    new_head = _rewrite_chain(insider, 2)
    insider(("DELETE FROM registry_checkpoint", []))
    settings.ARMSTRACE_SIGNING_KEY = str(tmp_path / "insider.pem")
    signing.create_key()
    key_id = signing.key_id() if claimed == "own key id" else real_id
    signed_at = "2026-01-01T00:00:00.000000+00:00"
    Checkpoint.objects.create(seq=head, hash=new_head, signed_at=signed_at, key_id=key_id,
                              signature=signing.encode_signature(signing.sign(message(head, new_head, signed_at, key_id))))
    settings.ARMSTRACE_SIGNING_KEY = real_path
    if claimed == "own key id":
        _tampering(f"TAMPERING DETECTED: the checkpoint at seq {head} names key {key_id}, not this installation's key "
                   f"{real_id}: it was not signed here")
    else:
        _tampering(f"TAMPERING DETECTED: the signature of the checkpoint at seq {head} does not verify")


def test_detects_a_replaced_installation_key(history, settings, tmp_path):
    """Checkpoints signed with the installation's key no longer verify once ARMSTRACE_SIGNING_KEY names another."""
    checkpoint_head()
    settings.ARMSTRACE_SIGNING_KEY = str(tmp_path / "other.pem")
    signing.create_key()
    _tampering(f"TAMPERING DETECTED: the checkpoint at seq {chain_head()[0]} names key .*, not this installation's key")
