"""An analyst uploads a press release, reviews the proposed record with its highlighted spans, edits a field,
accepts it, and sees the open-source seizure on the monitoring dashboard."""

import pytest

from armstrace.conftest import login, screenshot

pytestmark = pytest.mark.browser

RELEASE = ("Ugandan police seized 15 pistols and 450 rounds of ammunition in Kampala on 12 June 2025 and arrested "
           "three suspects. The weapons were found in a truck coming from the border, the police spokesman said.")


def test_analyst_ingests_reviews_accepts_and_sees_it_on_the_dashboard(page, live_app, tmp_path):
    release = tmp_path / "kampala-release.txt"
    release.write_text(RELEASE, encoding="utf-8")
    login(page, live_app, "demo-analyst")
    page.click("nav.mainnav >> text=Open sources")
    page.click("#osint-upload")
    page.set_input_files("input[name=file]", str(release))
    page.fill("input[name=publisher]", "Uganda Police Force")
    page.fill("input[name=source_url]", "https://police.example/kampala")
    page.set_default_timeout(120_000)  # the first extraction of a fresh server builds its gazetteer (seconds)
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("#osint-text")
    page.set_default_timeout(15_000)
    marks = page.locator("#osint-text mark.osint-span")
    assert marks.count() >= 5
    assert page.locator("mark[data-field=firearms_total]").first.inner_text().startswith("15")
    assert page.locator("mark[data-field=date]").first.inner_text() == "12 June 2025"
    screenshot(page, "osint-review-spans")

    arrests = page.locator("#field-arrests")
    arrests.locator("input[name=value]").fill("4")
    arrests.locator("button[value=edited]").click()
    page.wait_for_selector("#field-arrests .decision:has-text('edited')")
    page.click("#accept-record")
    page.wait_for_selector("#provenance")
    assert page.inner_text("#record-status") == "accepted"

    page.click("nav.mainnav >> text=Monitoring")
    page.select_option("select[name=year]", "2025")
    page.click("button:has-text('Show')")
    row = page.locator("#osint-counts tr[data-country=UGA]")
    assert row.locator(".open-source").inner_text() == "1"
    assert row.locator(".open-source-only").inner_text() == "1"
    assert page.locator("#osint-panel svg.chart").count() == 1
    page.locator("#osint-panel").scroll_into_view_if_needed()
    screenshot(page, "osint-dashboard-panel")

    page.click("nav.mainnav >> text=Open sources")
    page.click("nav.actions >> text=Extractor accuracy")
    arrests_row = page.locator("#accuracy-arrests td")
    assert arrests_row.nth(1).inner_text() == "1"  # edited 3 → 4
    assert page.locator("#accuracy-firearms_total td").nth(0).inner_text() != "0"  # 15 kept as proposed
    screenshot(page, "osint-accuracy")
