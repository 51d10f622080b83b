"""A registrar registers a firearm, transfers it, and sees the transfer in the item's timeline."""

import pytest

from armstrace.conftest import login, screenshot

pytestmark = pytest.mark.browser


def test_register_then_transfer_shows_in_timeline(page, live_app):
    login(page, live_app)
    page.click("nav.mainnav >> text=Record a firearm")
    page.select_option("select[name=how]", "registered")
    page.select_option("select[name=make]", label="Beretta")
    page.select_option("select[name=model]", label="Beretta 92FS")
    page.fill("input[name=serial_number]", "BER-778812Z")
    page.fill("input[name=serial_position]", "frame, left side")
    page.fill("input[name=holder]", "DLR-0001")
    page.fill("input[name=location]", "Capital City")
    page.click("button[type=submit].primary")

    page.wait_for_selector("h1:has-text('BER-778812Z')")
    assert page.locator(".badge.big").inner_text() == "Legally held"
    assert "Arms & Outdoors" in page.locator("dl.facts").nth(1).inner_text()

    page.click("text=Record a transfer")
    page.fill("input[name=to_party]", licensed_demo_person(live_app))
    page.fill("input[name=reference]", "Sale contract 2026/117")
    page.click("button[type=submit].primary")

    timeline = page.locator("ol.timeline")
    timeline.wait_for()
    entries = timeline.locator("li")
    assert entries.count() == 2
    assert "Registered" in entries.nth(0).inner_text()
    last = entries.nth(1).inner_text()
    assert "Transferred" in last and "from Arms & Outdoors" in last
    screenshot(page, "registry-transfer-timeline")


def licensed_demo_person(live_app):
    """A demo holder whose licence is valid today, read straight from the app's database."""
    import sqlite3
    from datetime import date

    db = sqlite3.connect(live_app.data_dir / "armstrace.sqlite3")
    row = db.execute(
        "SELECT p.identifier FROM registry_party p JOIN registry_licence l ON l.party_id = p.id "
        "WHERE p.kind = 'person' AND l.status = 'valid' AND l.valid_from <= ? AND l.valid_until >= ? ORDER BY p.id LIMIT 1",
        [date.today().isoformat()] * 2,
    ).fetchone()
    db.close()
    return row[0]
