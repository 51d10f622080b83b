"""The case form records several items at once; case, depot, stocktake and movement pages show them."""

from datetime import date

import pytest

from armstrace.custody.models import CustodyMovement, SeizureCase, Stocktake


@pytest.fixture
def client_in(client, user):
    client.force_login(user)
    return client


def _formset(prefix, rows, extra=0):
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows) + extra), f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}
    for i, row in enumerate(rows):
        data.update({f"{prefix}-{i}-{k}": v for k, v in row.items()})
    return data


def test_case_form_records_items_and_shows_case_page(client_in, glock, depot, lab):
    data = {
        "kind": "seizure", "occurred_on": "2024-05-01", "place": "Airport cargo shed", "location_type": "airport",
        "legal_justification": "illicit_trafficking", "suspected_offences": ["terrorism"],
        "route_departure": "SOM", "route_transit": "eth, uga", "route_destination": "KEN",
        "depot": str(depot.pk), "shelf": "a2", "handed_over_by": "Cpl. Ali", "received_by": "Clerk Wanjiru",
        **_formset("items", [
            {"registered": "abc-123", "condition": "industrial", "marking_status": "uniquely_marked"},
            {"category": "firearm", "firearm_type": "pistol", "description": "3D printed", "condition": "assembled",
             "marking_status": "no_marking"},
            {"category": "part", "part_kind": "slide", "serial_number": "SL-1", "condition": "industrial",
             "marking_status": "uniquely_marked"},
        ], extra=2),
        **_formset("ammo", [{"quantity": "120", "description": "9 mm"}]),
        **_formset("persons", [{"name": "X", "role": "suspect", "sex": "female", "age": "40", "nationality": "SOM",
                                "arrested": "on"}]),
    }
    r = client_in.post("/custody/cases/new/", data)
    assert r.status_code == 302, [l for l in r.content.decode().splitlines() if "error" in l]
    case = SeizureCase.objects.get()
    assert case.route_transit == ["ETH", "UGA"] and case.items.count() == 3 and case.persons.get().arrested
    page = client_in.get(r.url).content.decode()
    assert "Airport cargo shed" in page and "DEP-1 Central evidence depot / A2" in page and "Cpl. Ali" in page
    assert page.count('class="item-row"') == 0 and page.count("data-item=") == 3

    # move the glock to the lab through the movement form
    form = client_in.get(f"/custody/items/{glock.pk}/move/").content.decode()
    assert "Now at" in form and "/ A2" in form
    glock.refresh_from_db()
    seen = glock.last_event_seq
    assert f'name="expected_seq" value="{seen}"' in form
    r = client_in.post(f"/custody/items/{glock.pk}/move/", {
        "from_depot": depot.pk, "from_shelf": depot.locations.get(code="A2").pk, "to_facility": lab.pk,
        "handed_over_by": "Clerk Wanjiru", "received_by": "Dr Otieno", "moved_at": "2024-05-02T10:00",
        "purpose": "Ballistics", "expected_seq": seen})
    assert r.status_code == 302
    assert CustodyMovement.objects.filter(item=glock, to_facility=lab).exists()
    # a second, stale form (still says: from the depot) is refused: the item changed meanwhile ...
    stale = {"from_depot": depot.pk, "from_shelf": depot.locations.get(code="A2").pk, "to_label": "Prosecutor",
             "handed_over_by": "Clerk", "received_by": "P", "moved_at": "2024-05-03T10:00", "expected_seq": seen}
    r = client_in.post(f"/custody/items/{glock.pk}/move/", stale)
    assert r.status_code == 200 and "changed by someone else" in r.content.decode()
    # ... and, reloaded, because the item is no longer there
    glock.refresh_from_db()
    r = client_in.post(f"/custody/items/{glock.pk}/move/", {**stale, "expected_seq": glock.last_event_seq})
    assert r.status_code == 200 and "but Glock G17 #ABC123 is at Laboratory" in r.content.decode()


def test_case_form_shows_rule_violations(client_in, registry):
    data = {"kind": "seizure", "occurred_on": "2024-05-01", "place": "X", "location_type": "other",
            "legal_justification": "other", **_formset("items", [], 1), **_formset("ammo", []),
            **_formset("persons", [])}
    r = client_in.post("/custody/cases/new/", data)
    assert r.status_code == 200 and "at least one item" in r.content.decode()
    data["items-0-registered"] = "NO-SUCH"
    r = client_in.post("/custody/cases/new/", data)
    assert "No single registered item" in r.content.decode()


def test_stocktake_form_and_depot_page(client_in, seizure, depot, glock):
    r = client_in.post(f"/custody/depots/{depot.pk}/stocktake/", {
        "counted_by": "Insp. K", "counts": f"A1; {glock.serial_number}\nB1; UNKNOWN-9"})
    assert r.status_code == 302
    take = Stocktake.objects.get()
    page = client_in.get(r.url).content.decode()
    assert "Discrepancies" in page and "UNKNOWN-9" in page and page.count("result-missing") == 2
    depot_page = client_in.get(f"/custody/depots/{depot.pk}/").content.decode()
    assert "2 missing, 1 extra" in depot_page and f"/custody/stocktakes/{take.pk}/" in depot_page
    assert depot_page.count("/move/") == 3


def test_disposal_form(client_in, seizure, glock):
    glock.refresh_from_db()
    r = client_in.post(f"/custody/items/{glock.pk}/dispose/", {"kind": "destruction", "date": date.today().isoformat(),
                                                               "method": "", "witnesses": "A",
                                                               "expected_seq": glock.last_event_seq})
    assert r.status_code == 200 and "method of destruction is required" in r.content.decode()
    r = client_in.post(f"/custody/items/{glock.pk}/dispose/", {"kind": "destruction", "date": date.today().isoformat(),
                                                               "method": "Smelting", "witnesses": "Judge A\nMr B",
                                                               "expected_seq": glock.last_event_seq})
    assert r.status_code == 302
    glock.refresh_from_db()
    assert glock.status == "destroyed"
    assert "Smelting" in client_in.get(r.url).content.decode()


def test_nav_links(client_in, registry):
    page = client_in.get("/custody/depots/").content.decode()
    assert 'href="/custody/"' in page and 'href="/custody/depots/"' in page
