"""The registrar reports a pistol stolen; an investigator seizes it, sees the alerts badge go up, opens the inbox
and resolves the alert, which then shows who resolved it and when."""

import re

import pytest

from armstrace.conftest import login, screenshot

pytestmark = pytest.mark.browser


def _badge(page):
    count = page.locator("#alerts-badge .count")
    return int(count.get_attribute("data-count")) if count.count() else 0


def _report_an_active_item_stolen(page, live_app):
    login(page, live_app, "demo")
    page.goto(f"{live_app.url}/registry/items/?status=active")
    href = page.locator("main table a[href*='/registry/items/']").first.get_attribute("href")
    pk = re.search(r"/registry/items/(\d+)/", href).group(1)
    page.goto(f"{live_app.url}/registry/items/{pk}/missing/")
    page.select_option("select[name=kind]", "theft_reported")
    page.fill("input[name=location]", "Parked car, Main Street")
    page.click("button[type=submit].primary")
    page.wait_for_selector("text=Reported stolen")
    return pk, page.locator("main h1").first.inner_text()


def test_officer_seizes_a_stolen_item_and_resolves_the_alert(page, live_app):
    pk, name = _report_an_active_item_stolen(page, live_app)
    page.context.clear_cookies()
    login(page, live_app, "demo-investigator")
    page.goto(f"{live_app.url}/alerts/")  # the inbox raises the registry's due alerts (stocktakes, overdue requests)
    before = _badge(page)

    page.goto(f"{live_app.url}/registry/items/{pk}/custody/")
    page.select_option("select[name=kind]", "seized")
    page.fill("input[name=location]", "Roadblock, Highway 2")
    page.click("button[type=submit].primary")
    page.wait_for_selector("main h1")
    assert _badge(page) == before + 1

    page.click("#alerts-badge")
    page.wait_for_selector("h1:has-text('Alerts')")
    row = page.locator("#alerts tbody tr", has_text=name)
    assert row.count() == 1 and "New" in row.inner_text() and "stolen" in row.inner_text()
    screenshot(page, "alerts-inbox-new")
    row.locator("a").click()
    page.fill("input[name=note]", "Owner informed, item in custody")
    page.click("button:has-text('Resolve')")
    page.wait_for_selector("#alert-resolved")
    assert page.locator("#alert-state").inner_text() == "Resolved"
    assert "demo-investigator" in page.locator("#alert-resolved").inner_text()
    assert "Owner informed" in page.locator("#alert-history").inner_text()
    assert _badge(page) == before
    screenshot(page, "alerts-resolved")
