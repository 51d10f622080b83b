"""The bulk path of the CSV import writes what the services write, keeps the chain and the projections sound, and
leaves the marking search able to find what it imported (exact, partial, fuzzy) on SQLite and PostgreSQL."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection, transaction

from armstrace.registry import services
from armstrace.registry.eventlog import body_json_parts, body_of, canonical_json, compute_hash, hash_of_parts, verify_chain
from armstrace.registry.importer import COLUMNS, ImportRefused, RowValidator, import_items, read_rows
from armstrace.registry.models import Event, ImportJob, Item
from armstrace.registry.projection import rebuild_projections
from armstrace.registry.tests.test_import import write_csv
from armstrace.tracing import index
from armstrace.tracing.search import Filters, search

ROWS = [
    {"serial_number": "GLK-1001", "make": "Glock", "model": "G17", "holder": "ID-ALICE", "registered_on": "2019-04-01",
     "location": "Port Town", "serial_position": "frame, left side", "import_mark": "KEN 19",
     "import_mark_position": "frame, right side", "how": "imported"},
    {"serial_number": "br 555-11", "make": "beretta", "model": "92FS", "holder": "DLR-1", "registered_on": "2018-02-03"},
    {"serial_number": "RM870/9", "make": "Remington", "type": "shotgun", "calibre": "12 gauge", "holder": "GOV-POL",
     "country_of_manufacture": "usa", "year_of_manufacture": "2004", "registered_on": "2010-06-30",
     "how": "manufactured", "location": "Zürich “depot”"},
]


def snapshot(item):
    """What an item, its first event and its markings hold, leaving out what differs by nature (ids, uid, times of
    recording, hashes)."""
    item.refresh_from_db()
    columns = {f.attname: getattr(item, f.attname) for f in Item._meta.concrete_fields
               if f.attname not in {"id", "uid", "created_at", "last_event_seq"}}
    event = item.events.get()
    assert item.last_event_seq == event.seq
    return {
        "item": columns,
        "event": (event.kind, event.occurred_at, event.recorded_by_name, event.agency, event.item_uid == str(item.uid),
                  event.payload),
        "markings": sorted((m.kind, m.text, m.position, m.normalized, m.folded, m.state, m.event_id == event.pk)
                           for m in item.markings.all()),
    }


class Rollback(Exception):
    pass


def test_bulk_import_writes_exactly_what_create_item_writes(registry, tmp_path):
    path = write_csv(tmp_path / "rows.csv", ROWS)
    bulk = {}
    try:
        with transaction.atomic():
            assert import_items(path).imported == len(ROWS)
            for item in Item.objects.all():
                bulk[item.serial_number] = snapshot(item)
            raise Rollback
    except Rollback:
        pass
    assert Item.objects.count() == 0 and not Event.objects.filter(item__isnull=False).exists()
    validator = RowValidator()
    for line, row, _ in read_rows(path):
        entry = validator(row, line)
        item = services.create_item(entry.data, how=entry.how, holder=entry.holder, location=entry.location,
                                    occurred_at=entry.occurred_at)
        assert snapshot(item) == bulk[item.serial_number], item.serial_number
    assert len(bulk) == len(ROWS)


def test_chain_projections_and_job_after_several_batches(registry, glock, tmp_path):
    rows = [{"serial_number": f"BT-{i:04d}", "make": "Glock", "model": "G19", "holder": "ID-BOB",
             "registered_on": "2020-01-02"} for i in range(23)]
    result = import_items(write_csv(tmp_path / "batches.csv", rows), batch_size=5)
    assert result.imported == 23 and result.job.status == ImportJob.Status.DONE
    assert (result.job.rows_done, result.job.last_line) == (23, 24)
    first = glock.last_event_seq
    seqs = list(Event.objects.filter(seq__gte=first).order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(first, first + 24))  # glock's event, then one per row, gapless
    assert verify_chain().ok
    assert rebuild_projections(write=False) == []
    item = Item.objects.get(serial_number="BT-0007")
    assert (item.status, item.current_holder, item.last_event_seq) == ("active", registry.bob, item.events.get().seq)
    # A service writes after the import as before: triggers and chain are in place.
    services.transfer(item, registry.alice, occurred_at=datetime(2021, 1, 1, 12, tzinfo=UTC))
    assert verify_chain().ok and Item.objects.get(pk=item.pk).current_holder == registry.alice


def _index_rows():
    with connection.cursor() as cursor:
        cursor.execute("SELECT item_id, make_key, normalized, folded FROM tracing_serialform")
        forms = set(cursor.fetchall())
        cursor.execute("SELECT k.variant, k.make_id, f.item_id, f.folded, k.d FROM tracing_fuzzykey k "
                       "JOIN tracing_serialform f ON f.id = k.form_id")
        keys = set(cursor.fetchall())
    return forms, keys


def test_search_finds_imported_items_and_the_index_equals_a_rebuild(registry, tmp_path):
    rows = ROWS + [{"serial_number": f"SW{i:05d}X", "make": "Smith & Wesson", "type": "revolver", "holder": "ID-ALICE",
                    "registered_on": "2015-05-05"} for i in range(40)]
    import_items(write_csv(tmp_path / "search.csv", rows))
    glock = Item.objects.get(serial_number="GLK-1001")
    assert [r.item for r in search("glk 1001", "exact").results] == [glock]
    assert glock in [r.item for r in search("GLK-1OO1", "exact").results]       # look-alikes folded
    assert glock in [r.item for r in search("GLK-10?1", "partial").results]
    assert glock in [r.item for r in search("*K1001", "partial").results]
    assert search("GLK1091", "fuzzy").results[0].item == glock                  # one substitution
    target = Item.objects.get(serial_number="SW00017X")
    assert search("SW0017X", "fuzzy", Filters(make=target.make)).results[0].item == target  # one deletion
    assert target in [r.item for r in search("SW000?7X", "partial", Filters(make=target.make)).results]
    # What the bulk path put in the index is what the triggers' set-wise rebuild computes from the registry.
    before = _index_rows()
    assert len(before[0]) == len(rows) and before[1]
    index.rebuild(connection)
    assert _index_rows() == before


def test_index_triggers_work_again_after_a_bulk_import(registry, tmp_path):
    import_items(write_csv(tmp_path / "one.csv", ROWS[:1]))
    model = services.FirearmInput(serial_number="AFTER-77", make=Item.objects.get().make,
                                  model=Item.objects.get().model)
    item = services.create_item(model, holder=registry.alice, occurred_at=datetime(2020, 1, 1, 12, tzinfo=UTC))
    assert [r.item for r in search("AFTER77", "exact").results] == [item]
    assert search("AFTER-78", "fuzzy").results[0].item == item


def test_a_serial_registered_by_someone_else_during_the_import_stops_it_cleanly(registry, tmp_path, monkeypatch):
    from armstrace.registry import importer

    rows = [{"serial_number": f"RC-{i:02d}", "make": "Glock", "model": "G17", "holder": "ID-ALICE"} for i in range(6)]
    path = write_csv(tmp_path / "race.csv", rows)
    real = importer.Scratch.duplicates

    def validated_then_someone_registers(self):
        errors = real(self)
        model = Item._meta.get_field("model").related_model.objects.get(make__name="Glock", name="G17")
        services.create_item(services.FirearmInput(serial_number="RC-04", make=model.make, model=model),
                             holder=registry.bob)
        return errors

    monkeypatch.setattr(importer.Scratch, "duplicates", validated_then_someone_registers)
    with pytest.raises(ImportRefused, match="line 6: the serial number was registered by someone else"):
        import_items(path, batch_size=2)
    monkeypatch.setattr(importer.Scratch, "duplicates", real)
    assert sorted(Item.objects.values_list("serial_number", flat=True)) == ["RC-00", "RC-01", "RC-02", "RC-03", "RC-04"]
    result = import_items(path, resume=True, quarantine=tmp_path / "bad.csv")
    assert [(e.line, "already registered" in e.reason) for e in result.errors] == [(6, True)]
    assert result.imported == 1 and Item.objects.count() == 6 and verify_chain().ok


def test_unreadable_bytes_nul_characters_and_overlong_values_are_refused_by_line(registry, tmp_path):
    path = tmp_path / "odd.csv"
    header = ",".join(COLUMNS).encode()
    lines = [
        b"GOOD-1,Glock,G17,,,,,ID-ALICE,,2019-01-01,,,,",
        b"BAD\xff1,Glock,G17,,,,,ID-ALICE,,2019-01-01,,,,",
        b"BAD-2,Glock,G17,,,,,ID-ALICE,,2019-01-01,Port\x00Town,,,",
        b"X" * 65 + b",Glock,G17,,,,,ID-ALICE,,2019-01-01,,,,",
        b'GOOD-2,Glock,G17,,,,,ID-ALICE,,2019-01-01,"two\nlines",,,',
        b"BAD-3,Glock,G17,,,,,ID-ALICE,,2019-01-01,,,,,extra",
        b"GOOD-3,Glock,G17,,,,,ID-ALICE,,2019-01-01," + b"L" * 201 + b",,,",
    ]
    path.write_bytes(b"\r\n".join([header, *lines]) + b"\r\n")
    result = import_items(path, quarantine=tmp_path / "bad.csv")
    reasons = {e.line: e.reason for e in result.errors}
    assert set(reasons) == {3, 4, 5, 8, 9}  # GOOD-2's record spans lines 6 and 7
    assert "serial_number is not UTF-8 text" in reasons[3]
    assert "location contains a NUL character" in reasons[4]
    assert "serial_number is longer than 64 characters" in reasons[5]
    assert "more fields than columns" in reasons[8]
    assert "location is longer than 200 characters" in reasons[9]
    assert sorted(Item.objects.values_list("serial_number", flat=True)) == ["GOOD-1", "GOOD-2"]
    assert Item.objects.get(serial_number="GOOD-2").location == "two\nlines"
    # The quarantine file gives back the offending bytes as they were.
    assert b"BAD\xff1" in (tmp_path / "bad.csv").read_bytes()


def test_body_json_parts_is_the_canonical_body():
    when = datetime(2021, 3, 4, 5, 6, 7, 890, tzinfo=UTC)
    for payload, agency, name, ids in [({}, "", "system", (7, None, None)),
                                       ({"location": 'Zürich "A"\n', "x": [1, None, {"é": True}]},
                                        "REG", "registrar\u2028", (123456, 3, 9))]:
        item_id, recorded_by_id, party_id = ids
        body = body_of(42, "registered", when, when + timedelta(seconds=1), name, agency, "u-1", payload,
                       item_id=item_id, recorded_by_id=recorded_by_id, party_id=party_id)
        assert body["formula"] == 2 and body["item_id"] == item_id and body["recorded_by_id"] == recorded_by_id
        parts = body_json_parts("registered", when, when + timedelta(seconds=1), name, agency, "u-1",
                                canonical_json(payload), item_id=item_id, recorded_by_id=recorded_by_id,
                                party_id=party_id)
        assert parts[0] + "42" + parts[1] == canonical_json(body)
        assert hash_of_parts("ab" * 32, 42, parts) == compute_hash("ab" * 32, 42, body)
