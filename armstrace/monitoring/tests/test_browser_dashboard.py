"""An analyst imports the UNODC portal file, opens the monitoring dashboard, the flow view and a country page, and
downloads the IAFQ tables as XLSX."""

import subprocess
import sys

import pytest
from openpyxl import load_workbook

from armstrace.conftest import login, screenshot
from armstrace.monitoring.portal import COLUMNS
from armstrace.monitoring.tests.conftest import RELEASE_2022

pytestmark = pytest.mark.browser


def test_dashboard_country_page_and_xlsx_download(page, live_app, tmp_path):
    done = subprocess.run([sys.executable, "-m", "armstrace", "monitoring", "import-portal", str(RELEASE_2022),
                           "--name", "UNODC portal 2022"], env=live_app.env, capture_output=True, text=True)
    assert done.returncode == 0 or "already imported" in done.stderr, done.stderr

    login(page, live_app)
    page.click("nav.mainnav >> text=Monitoring")
    page.wait_for_selector("h1:has-text('Monitoring')")
    assert page.locator("table.iafq caption", has_text="Arms seized · by condition").count() == 1
    assert page.locator(".card:not(#osint-panel) > svg.chart").count() == 5  # the osint app's panel has its own

    page.click("#flows-link")  # the registry's flow view, all years of the demo
    page.select_option("select[name=year]", "")
    page.click("button:has-text('Show')")
    page.wait_for_selector("h1:has-text('all years')")
    assert page.locator("svg.chart").count() == 3  # flows, matrix, routes: drawn by the server
    assert page.locator("#flow-basis tr").count() == 6
    screenshot(page, "monitoring-flows")
    page.click("nav.mainnav >> text=Monitoring")

    page.click("text=UNODC portal 2022")
    page.click("text=Spain")
    page.select_option("select[name=year]", "2017")
    page.click("button:has-text('Show')")
    page.wait_for_selector("h1:has-text('Spain · 2017')")
    sdg_row = page.locator("table.sdg-series tr", has_text="2017-2018 average")
    assert "66.20" in sdg_row.inner_text()  # the published SDG value of Spain for 2017
    screenshot(page, "monitoring-portal-country")

    page.click("nav.mainnav >> text=Monitoring")
    with page.expect_download() as info:
        page.click("#iafq-xlsx")
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.suffix == ".xlsx"
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert list(rows[0]) == COLUMNS
    assert any(r[4] == "Arms seized" and r[5] == "by legal justification of seizure" and r[6] == "illicit posession"
               for r in rows[1:])
    screenshot(page, "monitoring-dashboard")
