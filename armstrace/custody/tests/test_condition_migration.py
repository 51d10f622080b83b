"""Upgrade: the IAFQ condition of a case line becomes the item's (registry 0010, custody 0002). On data as it was
before them (items and events without a method, lines with a condition), the two migrations' functions make every
line count under the same condition as before, from its item; the baseline events that set the methods chain on,
and the method columns equal their rebuild from the events.

(The functions run on the app registry: on SQLite, migrating back before registry 0010 rebuilds the item table,
which the marking-search triggers that refer to it do not survive.)"""

import importlib

from collections import Counter
from datetime import UTC, date, datetime

import pytest
from django.apps import apps as app_registry

from armstrace.registry.eventlog import FORMULA, GENESIS_HASH, compute_hash, event_body, verify_chain

pytestmark = pytest.mark.django_db
MIGRATIONS = [("armstrace.registry.migrations.0010_manufacture_method", "backfill"),
              ("armstrace.custody.migrations.0002_blueprints_and_item_conditions", "conditions_to_items")]
# (entry event, the line's condition as recorded before)
LINES = [("registered", "industrial"), ("registered", "converted"), ("seized", "assembled"), ("seized", "unknown"),
         ("seized", "modified"), ("seized", "otherwise_illicit"), ("registered", "reactivated"),
         ("seized", "industrial"), ("seized", "assembled")]


def _write_as_before(apps):
    """Items, their entry events (chained) and seizure cases with a condition on each line, as the code before."""
    Item, Event = apps.get_model("registry", "Item"), apps.get_model("registry", "Event")
    Case, CaseItem = apps.get_model("custody", "SeizureCase"), apps.get_model("custody", "CaseItem")
    prev, seq = GENESIS_HASH, 0
    for n, (entry, condition) in enumerate(LINES):
        item = Item.objects.create(serial_number=f"OLD-{n}", firearm_type="pistol",  # no method
                                   status="active" if entry == "registered" else "seized")
        seq += 1
        when = datetime(2022, 1, 1 + n, 12, tzinfo=UTC)
        event = Event(seq=seq, kind=entry, occurred_at=when, recorded_at=when, recorded_by_name="system", agency="",
                      item_id=item.pk, item_uid=str(item.uid), payload={"item": {"category": "firearm"}},
                      prev_hash=prev, hash_formula=FORMULA)
        event.hash = compute_hash(prev, seq, event_body(event))
        event.save(force_insert=True)
        prev = event.hash
        Item.objects.filter(pk=item.pk).update(last_event_seq=seq)
        case = Case.objects.create(number=f"SZ-OLD-{n}", kind="seizure", occurred_on=date(2022, 1, 1 + n))
        CaseItem.objects.create(case=case, item=item, condition=condition)
    return Counter(CaseItem.objects.values_list("condition", flat=True))


def test_the_migration_keeps_the_case_line_counts_by_condition():
    before = _write_as_before(app_registry)
    assert set(app_registry.get_model("registry", "Item").objects.values_list("iafq_condition", flat=True)) == {None}
    for module, function in MIGRATIONS:
        getattr(importlib.import_module(module), function)(app_registry, None)

    from armstrace.custody.models import CaseItem
    from armstrace.registry.methods import COLUMNS
    from armstrace.registry.models import Event, Item
    from armstrace.registry.projection import rebuild_projections

    after = Counter(CaseItem.objects.values_list("item__iafq_condition", flat=True))
    assert after == before == Counter(c for _, c in LINES)
    baselines = Event.objects.filter(kind="baseline").order_by("seq")
    # the lines whose condition the entry did not imply (registered: industrial; seized: unknown)
    assert baselines.count() == 7
    assert {e.payload["method"]["method"] for e in baselines} == {"converted", "assembled", "craft", "reactivated",
                                                                  "factory"}
    assert verify_chain().ok
    assert Item.objects.get(serial_number="OLD-4").method_variant == "other"  # modified: another modification
    for _pk, live, rebuilt in rebuild_projections(write=False):
        assert live.state == rebuilt.state
        assert {c: live.registered[c] for c in COLUMNS} == {c: rebuilt.registered[c] for c in COLUMNS}
