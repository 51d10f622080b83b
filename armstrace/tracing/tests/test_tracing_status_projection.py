"""Item.tracing_status, the stored projection, always equals iafq_tracing_status(item), through every kind of change
of its inputs (events, markings, tracing requests, licences and kind of the holder); the rebuild agrees; and the IAFQ
tables and SDG 16.4.2 counted from the projection equal those of the per-item function."""

from datetime import date, timedelta

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from armstrace.conftest import at
from armstrace.custody import services as custody
from armstrace.monitoring import iafq, sdg
from armstrace.registry import services as reg
from armstrace.registry.models import EventKind, Item, Licence, Marking, Party
from armstrace.registry.projection import rebuild_projections
from armstrace.tracing import services
from armstrace.tracing.finding import iafq_tracing_status
from armstrace.tracing.projection import entry_tracing_status
from armstrace.tracing.status import TracingStatus as T

K = EventKind


def assert_projection_exact():
    """Every item's stored status is the function's; the rebuild finds nothing to change."""
    stored = dict(Item.objects.values_list("pk", "tracing_status"))
    computed = {item.pk: iafq_tracing_status(item).value for item in Item.objects.all()}
    assert stored == computed
    assert rebuild_projections(write=False) == []
    return stored


def stored(item):
    return Item.objects.get(pk=item.pk).tracing_status


def seize(*items, day=date(2024, 3, 5), kind="seizure", new=()):
    case = custody.record_case(custody.CaseInput(
        occurred_on=day, kind=kind, items=[custody.CaseItemInput(item=i) for i in items]
        + [custody.CaseItemInput(new=n) for n in new]))
    return [line.item for line in case.items.order_by("pk")]


def request_for(item, **extra):
    data = {"counterpart_country": "CHN", "identifying_marks": item.serial_number or "none", "reason_illicit": "Seized",
            "intended_use": "Investigation", "requesting_authority": "National Police", "point_of_contact": "Desk 4",
            **extra}
    return services.create_request(data, item=item)


def test_projection_follows_every_input(registry, firearm, api_client):
    follows_licences(registry, firearm, api_client)
    follows_holders(registry, firearm, api_client)
    follows_custody_history(registry, firearm)
    follows_tracing_requests()
    follows_markings()
    final = {T(s) for s in assert_projection_exact().values()}
    assert final >= set(T) - {T.ALTERED_MARKING, T.NO_INFORMATION}  # those two were passed through above
    assert_tables_equal(2024)


def follows_licences(registry, firearm, api_client):
    check = assert_projection_exact

    # Seized from its registered holder: legitimate while the holder's licence was valid at the seizure date.
    held = firearm("GLK1001")
    check()
    reg.transfer(held, registry.alice, occurred_at=at(2016, 5, 1))
    check()
    seize(held)
    assert stored(held) == T.LEGITIMATE_OWNER_NATIONAL and check()
    assert Item.objects.get(pk=held.pk).tracing_licence_holder_id == registry.alice.pk

    alice_licence = registry.alice.licences.get()
    alice_licence.status = Licence.Status.REVOKED  # revoked after the fact: she held no valid licence then
    alice_licence.save()
    assert stored(held) == T.ILLEGITIMATE_OWNER_NATIONAL and check()

    created = api_client.post("/api/licences/", {"party": registry.alice.pk, "licence_type": "POSSESSION",
                                                 "number": "L-ALICE-2", "valid_from": "2020-01-01"})
    assert created.status_code == 201, created.content
    assert stored(held) == T.LEGITIMATE_OWNER_NATIONAL and check()
    url = f"/api/licences/{created.json()['id']}/"
    assert api_client.patch(url, {"valid_until": "2023-12-31"}).status_code == 200  # ended before the seizure
    assert stored(held) == T.ILLEGITIMATE_OWNER_NATIONAL and check()
    assert api_client.patch(url, {"valid_until": "2030-01-01", "party": registry.bob.pk}).status_code == 200
    assert stored(held) == T.ILLEGITIMATE_OWNER_NATIONAL and check()  # valid again, but Bob's now
    assert api_client.patch(url, {"party": registry.alice.pk}).status_code == 200
    assert stored(held) == T.LEGITIMATE_OWNER_NATIONAL and check()
    Licence.objects.get(pk=created.json()["id"]).delete()
    assert stored(held) == T.ILLEGITIMATE_OWNER_NATIONAL and check()


def follows_holders(registry, firearm, api_client):
    check = assert_projection_exact

    # A holder who becomes a State agency needs no licence.
    bobs = firearm("GLK1002", holder=registry.bob)
    seize(bobs, day=date(2024, 4, 2))
    registry.bob.licences.update(status=Licence.Status.SUSPENDED)  # a bulk update: no handler, so...
    reg_party = Party.objects.get(pk=registry.bob.pk)
    reg_party.save()  # ...any save of the party recomputes what depends on it
    assert stored(bobs) == T.ILLEGITIMATE_OWNER_NATIONAL and check()
    assert api_client.patch(f"/api/parties/{registry.bob.pk}/", {"kind": Party.Kind.STATE_AGENCY}).status_code == 200
    assert stored(bobs) == T.LEGITIMATE_OWNER_NATIONAL and check()

    # A corrected holder, unlicensed, then licensed after the fact.
    corrected = firearm("GLK1003")
    reg.correct(corrected, fields={"holder": registry.unlicensed.pk}, reason="data entry error")
    check()
    seize(corrected, day=date.today())  # a correction is recorded now: later events come after it
    assert stored(corrected) == T.ILLEGITIMATE_OWNER_NATIONAL and check()
    Licence.objects.create(party=registry.unlicensed, licence_type="POSSESSION", number="L-CAROL",
                           valid_from=date(2010, 1, 1))
    assert stored(corrected) == T.LEGITIMATE_OWNER_NATIONAL and check()


def follows_custody_history(registry, firearm):
    check = assert_projection_exact

    # Stolen, then found; exported, then seized here; returned to its owner, then seized again the same year.
    stolen = firearm("GLK1004")
    reg.report_missing(stolen, K.THEFT_REPORTED, occurred_at=at(2020, 2, 2))
    check()
    seize(stolen, kind="found", day=date(2024, 6, 1))
    assert stored(stolen) == T.LEGITIMATE_OWNER_NATIONAL and check()
    exported = firearm("GLK1005")
    reg.export_item(exported, destination_country="UGA", occurred_at=at(2019, 1, 1))
    check()
    seize(exported, day=date(2024, 6, 2))
    assert stored(exported) == T.POINT_OF_DIVERSION and check()
    twice = firearm("GLK1006")
    seize(twice, day=date(2024, 2, 1))
    custody.return_to_owner(twice, owner=registry.dealer, on=date(2024, 2, 10))
    check()
    seize(twice, day=date(2024, 7, 1))
    check()


def follows_tracing_requests():
    check = assert_projection_exact

    # Never registered here: the tracing requests decide.
    pending, answered, closed = seize(new=[reg.FirearmInput(serial_number=s, make=registry_make("Norinco"))
                                           for s in ("NOR001", "NOR002", "NOR003")], day=date(2024, 8, 1))
    assert {stored(i) for i in (pending, answered, closed)} == {T.NOT_INITIATED} and check()
    drafts = [request_for(i) for i in (pending, answered, closed)]
    incoming = services.send(request_for(pending, direction="incoming"))
    assert stored(pending) == T.NOT_INITIATED and check()
    sent = [services.send(r, at=at(2024, 8, 2)) for r in drafts]
    assert {stored(i) for i in (pending, answered, closed)} == {T.PENDING} and check()
    services.acknowledge(sent[0])
    services.record_answer(incoming, {"findings": {"summary": "not ours"}})
    assert stored(pending) == T.PENDING and check()
    services.record_answer(sent[1], {"outcome": T.ILLEGITIMATE_OWNER_FOREIGN, "findings": {"summary": "diverted"}})
    assert stored(answered) == T.ILLEGITIMATE_OWNER_FOREIGN and check()
    services.close(sent[2], note="no answer after two reminders")
    assert stored(closed) == T.NO_POINT_OF_DIVERSION and check()
    unanswered = seize(new=[reg.FirearmInput(serial_number="NOR004", make=registry_make("Norinco"))],
                       day=date(2024, 8, 3))[0]
    services.record_answer(services.send(request_for(unanswered)), {"findings": {"summary": "exported 2010"}})
    assert stored(unanswered) == T.NO_POINT_OF_DIVERSION and check()


def follows_markings():
    check = assert_projection_exact

    # Markings: none, then an obliterated serial, then a legible re-mark.
    bare = seize(new=[reg.FirearmInput(serial_number="", make=registry_make("Glock"))], day=date(2024, 9, 1))[0]
    assert stored(bare) == T.NO_INFORMATION and check()
    reg.add_marking(bare, reg.MarkingInput(Marking.Kind.SERIAL, "", "frame", Marking.State.OBLITERATED))
    assert stored(bare) == T.ALTERED_MARKING and check()
    reg.add_marking(bare, reg.MarkingInput(Marking.Kind.REMARK, "RM-77", "frame"))
    assert stored(bare) == T.NOT_INITIATED and check()
    homemade = seize(new=[reg.FirearmInput(serial_number="", custom_fields={"illicitly_manufactured": True})],
                     day=date(2024, 9, 2))[0]
    assert stored(homemade) == T.ILLICITLY_MANUFACTURED and check()


def registry_make(name):
    from armstrace.registry.models import Make

    return Make.objects.get(name=name)


def assert_tables_equal(year):
    """The IAFQ tables and 16.4.2 from the projection equal those of the per-item function, and hold every arm."""
    projected = iafq.compute(year)
    per_item = iafq.compute(year, tracing_status=iafq_tracing_status)
    assert projected == per_item
    tracing_cells = {r.category: r.value for r in projected if r.indicator == "Arms seized"
                     and r.dimension == "by location"}
    assert tracing_cells["Unknown status regarding marking"] == 0
    years = [year, year + 1]
    counts = iafq.sdg_counts_by_year(years)
    assert counts == iafq.sdg_counts_by_year(years, tracing_status=iafq_tracing_status)
    assert sdg.published_series(counts) == sdg.published_series(
        iafq.sdg_counts_by_year(years, tracing_status=iafq_tracing_status))
    return projected


# ---------------------------------------------------------------- random sequences

OPS = ["register", "transfer", "theft", "seize", "find", "export", "return", "mark_obliterated", "remark", "request",
       "send", "answer", "close", "revoke", "licence", "correct", "state"]


@settings(max_examples=6, deadline=None, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(OPS), st.integers(0, 99), st.integers(0, 99)), min_size=60, max_size=60))
def test_projection_equals_function_after_random_commands(registry, firearm, script):
    from django.db import transaction

    class Rollback(Exception):
        pass

    try:
        with transaction.atomic():
            run(registry, firearm, script)
            raise Rollback
    except Rollback:
        pass


def run(registry, firearm, script):
    parties = [registry.dealer, registry.alice, registry.bob, registry.unlicensed]
    items, requests = [], []
    day0 = date(2024, 1, 1)
    for n, (op, a, b) in enumerate(script):
        day = day0 + timedelta(days=3 * n)
        item = Item.objects.get(pk=items[a % len(items)].pk) if items else None
        party = parties[b % len(parties)]
        try:
            if op == "register" or item is None:
                items.append(firearm(f"RND{n:03d}", holder=registry.dealer, occurred_at=at(2015, 1, 1)))
            elif op == "transfer":
                reg.transfer(item, party, occurred_at=at(day.year, day.month, day.day))
            elif op == "theft":
                reg.report_missing(item, K.THEFT_REPORTED, occurred_at=at(day.year, day.month, day.day))
            elif op in ("seize", "find"):
                seize(item, day=day, kind="seizure" if op == "seize" else "found")
            elif op == "export":
                reg.export_item(item, destination_country="UGA", occurred_at=at(day.year, day.month, day.day))
            elif op == "return":
                custody.return_to_owner(item, owner=party, on=day)
            elif op == "mark_obliterated":
                reg.add_marking(item, reg.MarkingInput(Marking.Kind.SERIAL, "", "frame", Marking.State.OBLITERATED),
                                occurred_at=at(day.year, day.month, day.day))
            elif op == "remark":
                reg.add_marking(item, reg.MarkingInput(Marking.Kind.REMARK, f"RM{n}", "frame"),
                                occurred_at=at(day.year, day.month, day.day))
            elif op == "request":
                requests.append(request_for(item))
            elif op in ("send", "answer", "close") and requests:
                r = requests[b % len(requests)]
                if op == "send":
                    services.send(r)
                elif op == "answer":
                    outcome = [T.ILLEGITIMATE_OWNER_FOREIGN, T.POINT_OF_DIVERSION, ""][a % 3]
                    services.record_answer(r, {"outcome": outcome, "findings": {"summary": "x"}})
                else:
                    services.close(r, note="closed")
            elif op == "revoke":
                for lic in Licence.objects.filter(party=party):
                    lic.status = Licence.Status.REVOKED
                    lic.save()
            elif op == "licence":
                Licence.objects.create(party=party, licence_type="POSSESSION", number=f"L-RND-{n}",
                                       valid_from=date(2000 + a % 30, 1, 1))
            elif op == "correct":
                reg.correct(item, fields={"holder": party.pk}, reason="audit")
            elif op == "state":
                party.kind = Party.Kind.STATE_AGENCY if party.kind != Party.Kind.STATE_AGENCY else Party.Kind.PERSON
                party.save()
        except reg.RuleViolation:
            pass
        assert_projection_exact()
    assert_tables_equal(2024)


def test_bulk_import_status_is_the_services_status(registry):
    """registry/bulk.py sets the status of a new item with entry_tracing_status: it equals what create_item's
    handlers store, for each kind of entry and marking."""
    glock = registry_make("Glock")
    obliterated = reg.MarkingInput(Marking.Kind.SERIAL, "", "frame", Marking.State.OBLITERATED)
    remark = reg.MarkingInput(Marking.Kind.REMARK, "RM-1", "slide")
    cases = [
        (K.REGISTERED, dict(serial_number="E-1", make=glock), registry.dealer),
        (K.IMPORTED, dict(serial_number="E-2", make=glock, country_of_import="AUT"), registry.dealer),
        (K.SEIZED, dict(serial_number="E-3", make=glock), None),
        (K.FOUND, dict(serial_number="", make=glock), None),
        (K.SURRENDERED, dict(serial_number="", make=glock, markings=[obliterated]), None),
        (K.SEIZED, dict(serial_number="", make=glock, markings=[obliterated, remark]), None),
        (K.SEIZED, dict(serial_number="E-4"), None),
        (K.SEIZED, dict(serial_number="", custom_fields={"illicitly_manufactured": True}), None),
    ]
    seen = set()
    for how, fields, holder in cases:
        data = reg.FirearmInput(**fields)
        item = reg.create_item(data, how=how, holder=holder, occurred_at=at(2020, 1, 1))
        entry = reg.entry_fields(data)
        markings = reg.entry_markings(entry, data.markings)
        expected = entry_tracing_status(entry, markings, how, reg.entry_payload(entry, holder, "", markings),
                                                 at(2020, 1, 1))
        assert stored(item) == expected == iafq_tracing_status(item), (how, fields)
        seen.add(expected)
    assert len(seen) >= 5
