"""An investigator types a misread serial number, finds the firearm first in the list, and opens its trace report."""

import subprocess
import sys

import pytest

from armstrace.conftest import login, screenshot

pytestmark = pytest.mark.browser

CREATE_STOLEN_WALTHER = """
from datetime import UTC, datetime
from armstrace.registry import services
from armstrace.registry.models import EventKind, Item, Make, Party
make = Make.objects.get(name="Walther")
item = Item.objects.filter(serial_normalized="KTR5801774").first()
if item is None:
    item = services.create_item(
        services.FirearmInput(serial_number="KTR-580-1774", make=make, model=make.models.order_by("pk").first()),
        holder=Party.objects.get(identifier="DLR-0001"), location="Capital City",
        occurred_at=datetime(2019, 3, 1, 12, tzinfo=UTC))
    services.report_missing(item, EventKind.THEFT_REPORTED, occurred_at=datetime(2021, 6, 1, 12, tzinfo=UTC),
                            location="Port Town", circumstances="Shop break-in")
print(item.pk)
"""


def test_misread_serial_then_trace_report(page, live_app):
    created = subprocess.run([sys.executable, "-m", "armstrace", "shell", "-c", CREATE_STOLEN_WALTHER],
                             env=live_app.env, check=True, capture_output=True, text=True)
    item_pk = int(created.stdout.strip().splitlines()[-1])

    login(page, live_app)
    page.click("nav.mainnav >> text=Marking search")
    page.fill("#marking-search input[name=q]", "KTR 5B0-I74")          # 8 read as B, 1 as I, one 7 missed
    page.click("#marking-search button[type=submit]")
    rows = page.locator("#search-results tr.result")
    rows.first.wait_for()
    first = rows.first.inner_text()
    assert "KTR-580-1774" in first
    assert "look-alike" in first and "1 other edit" in first
    screenshot(page, "tracing-search-misread")

    rows.first.locator("text=Trace report").click()
    page.wait_for_url(f"{live_app.url}/tracing/items/{item_pk}/report/")
    assert "Arms & Outdoors" in page.locator("#last-legitimate-holder").inner_text()
    diversion = page.locator("#point-of-diversion").inner_text()
    assert "Theft reported by the holder" in diversion and "Port Town" in diversion
    assert "Traced to legitimate owner in national registry" in page.locator("#iafq-status").inner_text()
    assert page.locator("#event-history tbody tr").count() == 2
    screenshot(page, "tracing-trace-report")
