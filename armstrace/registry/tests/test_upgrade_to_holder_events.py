"""Upgrade from a database made before holders and licences were events: the migrations keep every row, leave
every old event (and its hash) as it was, append one baseline event per party and licence, chain the access log,
and the chain verifies."""

import hashlib
import json
from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from armstrace.accounts.accesslog import verify_access_log
from armstrace.registry.eventlog import verify_chain
from armstrace.registry.integrity import record_differences
from armstrace.registry.serials import fold_serial
from armstrace.registry.tests.test_concurrency import flushable_event_log  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db(transaction=True)

# The leaves before this upgrade: what the first migrations of the upgrade depend on.
BEFORE = [("registry", "0006_signed_checkpoints"), ("accounts", "0003_alter_accesslogentry_subject_type")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


def _leaves():
    executor = MigrationExecutor(connection)
    return [key for key in executor.loader.graph.leaf_nodes() if key[0] in ("registry", "accounts")]


@pytest.fixture(autouse=True)
def every_migration_afterwards(flushable_event_log):  # noqa: F811
    """Leave the database with every app's migrations applied (going back here unapplies later apps' too)."""
    yield
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def _old_hash(prev, seq, body):
    """The hash as the code before formula 2 computed it, written out independently."""
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(f"{prev}{seq}{text}".encode()).hexdigest()


def _stamp(value):
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def _write_as_before(apps):
    """Holders, licences, an item with two formula-1 events and its markings, and an access log entry, as the code
    before this upgrade wrote them."""
    Party, Licence, Item = (apps.get_model("registry", n) for n in ("Party", "Licence", "Item"))
    Event, Marking = apps.get_model("registry", "Event"), apps.get_model("registry", "Marking")
    alice = Party.objects.create(kind="person", name="Alice Otieno", identifier="ID-ALICE", date_of_birth=date(1980, 1, 2),
                                 address="1 Main Street")
    dealer = Party.objects.create(kind="dealer", name="Metro Firearms", identifier="DLR-1")
    Licence.objects.create(party=alice, licence_type="POSSESSION", number="L-1", valid_from=date(2000, 1, 1))
    Licence.objects.create(party=dealer, licence_type="DEALER", number="L-2", valid_from=date(2001, 1, 1),
                           status="suspended")
    item = Item.objects.create(serial_number="OLD-123", serial_normalized="OLD123", serial_folded=fold_serial("OLD-123"),
                               firearm_type="pistol", current_holder=dealer)
    prev, events = "0" * 64, []
    payloads = [("registered", {"holder": dealer.pk, "location": "", "markings": [
                    {"kind": "serial", "text": "OLD-123", "position": "", "state": "intact"}],
                 "item": {"category": "firearm", "type": "pistol", "make": "", "model": "", "calibre": "",
                          "serial_number": "OLD-123", "country_of_manufacture": ""}}),
                ("transferred", {"holder": alice.pk, "from_holder": dealer.pk, "reference": ""})]
    for seq, (kind, payload) in enumerate(payloads, start=1):
        when = datetime(2015, 1, seq, 12, tzinfo=UTC)
        body = {"seq": seq, "kind": kind, "occurred_at": _stamp(when), "recorded_at": _stamp(when),
                "recorded_by": "system", "agency": "", "item": str(item.uid), "payload": payload}
        event = Event.objects.create(seq=seq, kind=kind, occurred_at=when, recorded_at=when, recorded_by_name="system",
                                     agency="", item=item, item_uid=str(item.uid), payload=payload, prev_hash=prev,
                                     hash=_old_hash(prev, seq, body))
        events.append(event)
        prev = event.hash
    Marking.objects.create(item=item, kind="serial", text="OLD-123", normalized="OLD123", folded=fold_serial("OLD-123"),
                           event=events[0])
    Item.objects.filter(pk=item.pk).update(current_holder=alice, last_event_seq=2)
    apps.get_model("accounts", "AccessLogEntry").objects.create(
        username="investigator", subject_type="party", subject_id=alice.pk, subject_name="Alice Otieno",
        fields=["address"], path=f"/registry/holders/{alice.pk}/")
    return {e.seq: e.hash for e in events}


def _rows():
    from armstrace.accounts.models import AccessLogEntry
    from armstrace.registry.models import Item, Licence, Marking, Party

    return {model.__name__: sorted(model.objects.values_list("pk", *fields))
            for model, fields in ((Party, ("name", "identifier", "date_of_birth", "address")),
                                  (Licence, ("number", "valid_from", "status", "party_id")),
                                  (Item, ("serial_number", "current_holder_id")), (Marking, ("text", "event_id")),
                                  (AccessLogEntry, ("username", "subject_id", "path")))}


def test_upgrade_keeps_rows_and_old_hashes_and_appends_baselines(flushable_event_log):  # noqa: F811
    from armstrace.registry.models import Event, Licence, Party

    leaves = _leaves()
    old_apps = _migrate(BEFORE)
    old_hashes = _write_as_before(old_apps)
    before = {name: sorted(model.objects.values_list("pk", flat=True)) for name, model in
              (("Party", old_apps.get_model("registry", "Party")), ("Licence", old_apps.get_model("registry", "Licence")))}

    _migrate(leaves)

    rows = _rows()
    assert [r[0] for r in rows["Party"]] == before["Party"] and [r[0] for r in rows["Licence"]] == before["Licence"]
    assert rows["Party"][0][1:] == ("Alice Otieno", "ID-ALICE", date(1980, 1, 2), "1 Main Street")
    assert len(rows["Item"]) == 1 and len(rows["Marking"]) == 1 and len(rows["AccessLogEntry"]) == 1
    old = {e.seq: (e.hash, e.hash_formula) for e in Event.objects.filter(seq__in=old_hashes)}
    assert old == {seq: (h, 1) for seq, h in old_hashes.items()}
    baselines = Event.objects.filter(kind="baseline").order_by("seq")
    assert [e.seq for e in baselines] == [3, 4, 5, 6] and {e.hash_formula for e in baselines} == {2}
    assert sorted(e.payload["party"] for e in baselines if "party" in e.payload) == before["Party"]
    assert sorted(e.payload["licence"] for e in baselines if "licence" in e.payload) == before["Licence"]
    assert verify_chain().ok and verify_access_log().ok
    assert record_differences() == []

    # Afterwards the services go on with formula 2, and a change of a holder is on record against its baseline.
    from armstrace.registry import services

    services.change_party(Party.objects.get(name="Alice Otieno"), {"address": "2 Side Street"})
    services.suspend_licence(Licence.objects.get(number="L-1"))
    assert [e.kind for e in Event.objects.filter(seq__gt=6).order_by("seq")] == ["party_changed", "licence_suspended"]
    assert Event.objects.get(kind="party_changed").payload["changes"] == {"address": ["1 Main Street", "2 Side Street"]}
    assert verify_chain().ok and record_differences() == []
