"""A customs officer seizes a 3D-printed pistol together with its STL file; an analyst then sees it counted under
"3D-printed" on the monitoring dashboard."""

import struct
import uuid
from datetime import date

import pytest

from armstrace.conftest import login, screenshot

pytestmark = pytest.mark.browser


def test_customs_seizes_a_printed_pistol_with_its_stl_and_the_analyst_counts_it(page, live_app, tmp_path):
    tag = uuid.uuid4().hex[:6].upper()
    region = f"Region {tag}"
    stl = tmp_path / f"frame-{tag}.stl"
    stl.write_bytes(f"printed frame {tag}".encode().ljust(80, b"\0") + struct.pack("<I", 1) + bytes(50))

    login(page, live_app, "demo-customs")
    page.click("nav.mainnav >> text=Seizures")
    page.click("text=Record a case")
    page.select_option("select[name=kind]", "seizure")
    page.fill("input[name=place]", "Airport cargo shed 2")
    page.fill("input[name=admin_area]", region)
    page.set_input_files("input[name=blueprint_file]", str(stl))
    page.fill("input[name=blueprint_device]", "Laptop of the suspect")
    row = page.locator("#case-items tbody tr").nth(0)
    row.locator("select[name$=firearm_type]").select_option("pistol")
    row.locator("input[name$=description]").fill(f"Printed pistol {tag}")
    row.locator("select[name$=manufacture_method]").select_option("3d_printed")
    row.locator("select[name$=printed]").select_option("full")
    row.locator("select[name$=marking_status]").select_option("no_marking")
    page.click("button[type=submit].primary")
    page.wait_for_selector("h1:has-text('Seizure SZ-')")
    assert "3D-printed" in page.locator(f"#case-item-list tbody tr:has-text('Printed pistol {tag}')").inner_text()
    assert page.locator("#blueprints code.sha256").count() == 1

    page.context.clear_cookies()
    login(page, live_app, "demo-analyst")
    page.goto(f"{live_app.url}/monitoring/?year={date.today().year}")
    line = page.locator(f"#seized-by-method tr.method-region:has-text('{region}')")
    headers = page.locator("#seized-by-method thead th").all_text_contents()
    cells = line.locator("td").all_text_contents()
    assert dict(zip(headers, cells))["3D-printed"] == "1"
    assert "3D-printed" in page.locator("section.chart-card svg[aria-label='Arms seized by manufacture method']").inner_html()
    page.select_option("select[name=method]", "3d_printed")
    page.click("form.inline button[type=submit]")
    page.wait_for_selector(f"#seized-by-method tr.method-region:has-text('{region}')")
    assert page.locator("#seized-by-method thead th").all_text_contents() == ["Area", "3D-printed", "Total"]
    page.locator("#seized-by-method").scroll_into_view_if_needed()
    screenshot(page, "monitoring-3d-printed-pistol")
