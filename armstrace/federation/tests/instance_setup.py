"""Run inside a test installation (`armstrace shell -c`): small helpers that set up and read its registry, each
printing JSON for the test that called it."""

import json
from datetime import UTC, datetime

from armstrace.profile import get_profile
from armstrace.registry import services as registry
from armstrace.registry.models import EventKind, FirearmModel, Item, Licence, Party


def out(value):
    print(json.dumps(value, default=str))


def glock(serial, *, stolen=False, seized=False):
    """A Glock 17 with this serial: registered to a licensed person (reported stolen if asked), or seized here."""
    model = FirearmModel.objects.get(make__name="Glock", name__in=["G17", "Glock 17"])
    data = registry.FirearmInput(serial_number=serial, make=model.make, model=model, country_of_manufacture="AUT")
    if seized:
        return registry.create_item(data, how=EventKind.SEIZED, location="Port", occurred_at=datetime(2025, 3, 1, tzinfo=UTC))
    holder, _ = Party.objects.get_or_create(kind=Party.Kind.PERSON, name="Hidden Holder", identifier=f"ID-{serial}")
    Licence.objects.get_or_create(party=holder, number=f"L-{serial}", defaults={
        "licence_type": next(t["code"] for t in get_profile().licence_types if t.get("allows_acquisition")), "valid_from": datetime(2000, 1, 1).date(), "valid_until": datetime(2040, 1, 1).date()})
    item = registry.create_item(data, holder=holder, occurred_at=datetime(2015, 1, 10, tzinfo=UTC))
    if stolen:
        registry.report_missing(item, EventKind.THEFT_REPORTED, occurred_at=datetime(2024, 6, 2, 9, tzinfo=UTC))
    return item


def item_events(serial):
    item = Item.objects.get(serial_number=serial)
    return [e.kind for e in item.events.order_by("seq")]
