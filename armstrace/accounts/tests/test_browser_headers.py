"""In the browser, under the Content-Security-Policy: the pages work with no policy violation (the language menu, the
print buttons, the API docs), and `armstrace serve` sends no Server header."""

import urllib.request

import pytest

from armstrace.conftest import login

pytestmark = pytest.mark.browser


def test_served_pages_carry_the_policy_and_no_server_header(live_app):
    with urllib.request.urlopen(f"{live_app.url}/login/") as response:
        headers = response.headers
    assert "Server" not in headers
    assert "script-src 'self'" in headers["Content-Security-Policy"]


@pytest.fixture
def violations(page):
    found = []
    page.on("console", lambda m: found.append(m.text) if "Content Security Policy" in m.text else None)
    return found


def _item_id(live_app):
    import sqlite3

    with sqlite3.connect(live_app.data_dir / "armstrace.sqlite3") as db:
        return db.execute("SELECT min(id) FROM registry_item WHERE category = 'firearm'").fetchone()[0]


def test_pages_work_without_policy_violations(page, live_app, violations):
    login(page, live_app)
    item = _item_id(live_app)
    for path in ("/", "/registry/items/", f"/registry/items/{item}/", "/tracing/search/?q=A", "/monitoring/",
                 "/admin/", "/accounts/"):
        page.goto(f"{live_app.url}{path}")
        page.wait_for_load_state("networkidle")
    page.goto(f"{live_app.url}/tracing/items/{item}/report/")
    page.evaluate("window.print = () => { window.printed = true; }")
    page.click("button[data-print]")
    assert page.evaluate("window.printed") is True
    with page.expect_navigation():  # the menu submits its form when changed (site.js)
        page.select_option("select[name=language]", "fr")
    assert page.locator("html").get_attribute("lang") == "fr"
    with page.expect_navigation():
        page.select_option("select[name=language]", "en")
    page.goto(f"{live_app.url}/api/docs/")
    page.wait_for_selector(".swagger-ui .info .title")
    assert violations == []
