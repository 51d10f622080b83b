"""In the browser: sort and filter the item list, download its XLSX (only the filtered rows), and see the hotspots
map; screenshots test-output/lists-*.png."""

import pytest
from openpyxl import load_workbook

from armstrace.conftest import login, screenshot
from armstrace.registry.serials import normalize_serial

pytestmark = pytest.mark.browser


def test_item_list_sort_filter_export_and_hotspots_map(page, live_app, tmp_path):
    login(page, live_app)
    page.goto(f"{live_app.url}/registry/items/")
    page.click("#item-table th a[data-sort=serial]")
    page.wait_for_url("**sort=serial**")
    assert page.get_attribute("#item-table th[aria-sort]", "aria-sort") == "ascending"
    serials = page.locator("#item-table tbody tr td:first-child code").all_inner_texts()
    assert len(serials) > 1 and [normalize_serial(s) for s in serials] == sorted(normalize_serial(s) for s in serials)

    page.select_option("#items-filters select[name=status]", "stolen")
    page.click("#items-filters button[type=submit]")
    page.wait_for_url("**status=stolen**")
    statuses = set(page.locator("#item-table tbody .badge").all_inner_texts())
    assert statuses == {"Reported stolen"}
    shown = page.locator("#item-table tbody tr").count()
    screenshot(page, "lists-1-items-sorted-filtered")

    with page.expect_download() as download:
        page.click("#items-filters a.export-xlsx")
    path = tmp_path / "items.xlsx"
    download.value.save_as(path)
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    header, data = rows[0], rows[1:]
    assert len(data) == shown and {r[header.index("Status")] for r in data} == {"Reported stolen"}

    page.goto(f"{live_app.url}/monitoring/hotspots/")
    world = page.locator("#hotspot-map svg.world-map")
    assert world.is_visible() and world.locator("path").count() >= 170
    assert world.locator("path[data-iso3=KEN]").get_attribute("data-value")
    screenshot(page, "lists-2-hotspots-map")
