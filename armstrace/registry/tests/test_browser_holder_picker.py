"""A registrar records a firearm choosing its holder with the picker: typing part of a name lists the matching
holders with their date of birth and town, and clicking one fills the field; the model list offers only the chosen
make's models."""

import sqlite3
from datetime import date

import pytest

from armstrace.conftest import login, screenshot
from armstrace.demo import TOWNS

pytestmark = pytest.mark.browser


def licensed_person(live_app):
    """(id, name, date of birth) of a demo person whose licence is valid today, from the app's database."""
    db = sqlite3.connect(live_app.data_dir / "armstrace.sqlite3")
    row = db.execute(
        "SELECT p.id, p.name, p.date_of_birth FROM registry_party p JOIN registry_licence l ON l.party_id = p.id "
        "WHERE p.kind = 'person' AND l.status = 'valid' AND l.valid_from <= ? AND l.valid_until >= ? "
        "ORDER BY p.id LIMIT 1", [date.today().isoformat()] * 2).fetchone()
    db.close()
    return row


def test_the_picker_finds_a_holder_by_part_of_the_name(page, live_app):
    pk, name, born = licensed_person(live_app)
    login(page, live_app, username="demo")
    page.goto(f"{live_app.url}/registry/items/new/")
    page.select_option("select[name=how]", "registered")
    page.select_option("select[name=make]", label="Beretta")
    offered = page.locator("select[name=model] option:not([disabled])").all_inner_texts()
    assert offered and all("Beretta" in label for label in offered[1:]), offered
    assert page.locator("select[name=model] option", has_text="Glock").first.is_disabled()
    page.select_option("select[name=model]", label="Beretta 92FS")
    page.fill("input[name=serial_number]", "PICK-4471")

    holder = page.locator("input[name=holder]")
    holder.press_sequentially(name.split()[-1][:5], delay=60)  # part of the family name
    option = page.locator(f".picker-results li[data-pick-value='#{pk}']")
    option.wait_for()
    facts = option.inner_text()
    assert f"born {born}" in facts and any(town in facts for town in TOWNS), facts
    assert page.locator(".picker-results li").count() >= 1
    screenshot(page, "holder-picker-matches")
    option.click()
    assert holder.input_value() == f"#{pk}"
    assert name in page.locator(".picker-chosen").inner_text()
    page.click("button[type=submit].primary")

    page.wait_for_selector("h1:has-text('PICK-4471')")
    assert name in page.locator("dl.facts").nth(1).inner_text()
    screenshot(page, "holder-picker-recorded")
