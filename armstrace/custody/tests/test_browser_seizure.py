"""An investigator records a seizure of three items into a depot and moves one of them to a laboratory."""

import uuid

import pytest

from armstrace.conftest import login, screenshot

pytestmark = pytest.mark.browser


def test_record_seizure_of_three_items_and_move_one_to_a_laboratory(page, live_app):
    tag = uuid.uuid4().hex[:6].upper()
    login(page, live_app)
    create_depot_and_laboratory(page, live_app, tag)
    record_seizure(page, tag)

    page.wait_for_selector("h1:has-text('Seizure SZ-')")
    items = page.locator("#case-item-list tbody tr")
    assert items.count() == 3
    for i in range(3):
        assert f"DEP-{tag} Harbour evidence store / S1" in items.nth(i).locator("td.place").inner_text()
    assert "Seized" in items.nth(0).inner_text()
    assert page.locator("ol.custody-timeline li").count() == 3  # three intake movements

    move_pistol_to_laboratory(page, tag)

    page.wait_for_selector("h1:has-text('Seizure SZ-')")
    pistol_row = page.locator(f"#case-item-list tbody tr:has-text('PST-{tag}')")
    assert pistol_row.locator("td.place").inner_text() == f"Laboratory: Forensic lab {tag}"
    others = page.locator(f"#case-item-list tbody tr:not(:has-text('PST-{tag}')) td.place")
    assert [others.nth(i).inner_text() for i in range(2)] == [f"DEP-{tag} Harbour evidence store / S1"] * 2
    timeline = page.locator("ol.custody-timeline li")
    assert timeline.count() == 4
    last = timeline.nth(3).inner_text()
    assert f"Laboratory: Forensic lab {tag}" in last and "Dr. Wekesa" in last and "Ballistic examination" in last
    screenshot(page, "custody-seizure-moved-to-lab")

    # The depot now holds two of the three items.
    page.goto(f"{live_app.url}/custody/depots/")
    page.click(f"text=DEP-{tag}")
    assert page.locator("#depot-inventory tbody tr").count() == 2


def create_depot_and_laboratory(page, live_app, tag):
    """A depot with two shelves, and a laboratory, created through the UI."""
    page.click("nav.mainnav >> text=Depots")
    page.click("text=New depot")
    page.fill("input[name=code]", f"DEP-{tag}")
    page.fill("input[name=name]", "Harbour evidence store")
    page.fill("input[name=shelves]", "S1, S2")
    page.click("button[type=submit].primary")
    page.wait_for_selector(f"h1:has-text('DEP-{tag}')")
    page.goto(f"{live_app.url}/custody/facilities/new/")
    page.select_option("select[name=kind]", "laboratory")
    page.fill("input[name=name]", f"Forensic lab {tag}")
    page.click("button[type=submit].primary")


def record_seizure(page, tag):
    """The seizure: a pistol, an unmarked 3D-printed pistol and a barrel, plus ammunition."""
    page.click("nav.mainnav >> text=Seizures")
    page.click("text=Record a case")
    page.select_option("select[name=kind]", "seizure")
    page.fill("input[name=place]", "Container terminal, berth 7")
    page.fill("input[name=admin_area]", "Coast")
    page.select_option("select[name=location_type]", "harbour")
    page.select_option("select[name=legal_justification]", "illicit_trafficking")
    page.check("input[name=suspected_offences][value=organised_crime]")
    page.select_option("select[name=route_departure]", "SOM")
    page.select_option("select[name=route_destination]", "KEN")
    page.select_option("select[name=depot]", label=f"DEP-{tag} Harbour evidence store")
    page.fill("input[name=shelf]", "S1")
    page.fill("input[name=handed_over_by]", "Sgt. Omondi")
    page.fill("input[name=received_by]", "Depot clerk Atieno")
    rows = page.locator("#case-items tbody tr")
    rows.nth(0).locator("select[name$=firearm_type]").select_option("pistol")
    rows.nth(0).locator("input[name$=serial_number]").fill(f"PST-{tag}")
    rows.nth(1).locator("select[name$=firearm_type]").select_option("pistol")
    rows.nth(1).locator("input[name$=description]").fill("3D-printed polymer pistol")
    rows.nth(1).locator("select[name$=condition]").select_option("assembled")
    rows.nth(1).locator("select[name$=marking_status]").select_option("no_marking")
    rows.nth(2).locator("select[name$=category]").select_option("part")
    rows.nth(2).locator("select[name$=part_kind]").select_option("barrel")
    rows.nth(2).locator("input[name$=serial_number]").fill(f"BRL-{tag}")
    page.locator("#case-ammunition input[name='ammo-0-quantity']").fill("25")
    page.locator("#case-persons input[name='persons-0-name']").fill("Suspect A")
    page.locator("#case-persons input[name='persons-0-arrested']").check()
    page.click("button[type=submit].primary")


def move_pistol_to_laboratory(page, tag):
    """Move the pistol to the laboratory."""
    pistol_row = page.locator(f"#case-item-list tbody tr:has-text('PST-{tag}')")
    pistol_row.locator("text=Move").click()
    page.wait_for_selector("p.custody-here:has-text('S1')")
    page.select_option("select[name=to_facility]", label=f"Laboratory: Forensic lab {tag}")
    page.fill("input[name=handed_over_by]", "Depot clerk Atieno")
    page.fill("input[name=received_by]", "Dr. Wekesa")
    page.fill("input[name=purpose]", "Ballistic examination")
    page.click("button[type=submit].primary")
