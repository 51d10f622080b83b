"""The event log downloads its filtered events (CSV and XLSX), formula-like cells neutralised; a bad filter is 400."""

import csv
import io

from openpyxl import load_workbook

from armstrace.core.actor import Actor
from armstrace.registry import services
from armstrace.registry.models import Event


def _events_by_at_user(registry, make_user):
    evil = make_user("@evil", "administrator")
    services.register_party(kind="dealer", name="Formula Dealer", identifier="DLR-AT", actor=Actor.of(evil))
    return Event.objects.get(recorded_by_name="@evil")


def test_csv_and_xlsx_hold_only_the_filtered_events(client, user, registry, make_user):
    event = _events_by_at_user(registry, make_user)
    client.force_login(user)
    response = client.get("/registry/events/", {"user": "@evil", "export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 2 and rows[1][0] == str(event.seq)
    assert "'@evil" in rows[1] and event.hash in rows[1] and event.prev_hash in rows[1]
    book = load_workbook(io.BytesIO(client.get("/registry/events/", {"user": "@evil", "export": "xlsx"}).content))
    sheet_rows = list(book.active.iter_rows())
    assert len(sheet_rows) == 2
    at_cells = [c for c in sheet_rows[1] if c.value == "@evil"]
    assert at_cells and all(c.data_type == "s" and c.quotePrefix for c in at_cells)
    everything = client.get("/registry/events/", {"export": "csv"})
    assert len(list(csv.reader(io.StringIO(b"".join(everything.streaming_content).decode())))) == \
        Event.objects.count() + 1


def test_bad_filter_or_format_is_a_400(client, user, registry):
    client.force_login(user)
    bad = client.get("/registry/events/", {"date_from": "2024-02-02", "date_to": "2024-01-01", "export": "csv"})
    assert bad.status_code == 400 and "before its start" in bad.content.decode()
    assert client.get("/registry/events/", {"export": "ods"}).status_code == 400
