"""axe-core (installed from npm by `make test` into build/axe, no CDN) finds no serious or critical accessibility
violation on the main pages.

The script is served to the page from that file at an address of the app's own origin (Playwright answers the
request), so that the page's Content-Security-Policy (script-src 'self') is tested as it is, not bypassed."""

from pathlib import Path

import pytest

from armstrace.conftest import login, screenshot
from armstrace.tests.ui_pages import AXE_PAGES, demo_item_pk, page_path

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "build" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}


def axe_violations(page):
    """Run axe-core on the page; the violations as (impact, rule id, the first offending elements)."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: `make axe` (part of `make test`) installs axe-core from npm")
    origin = page.evaluate("location.origin")
    page.route(f"{origin}/__axe/axe.min.js", lambda route: route.fulfill(path=AXE, content_type="text/javascript"))
    page.add_script_tag(url=f"{origin}/__axe/axe.min.js")
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [(v["impact"], v["id"], [n["target"] for n in v["nodes"][:3]]) for v in result["violations"]]


@pytest.mark.parametrize("name", AXE_PAGES)
def test_no_serious_or_critical_violation(page, live_app, name):
    login(page, live_app)
    page.goto(live_app.url + page_path(name, demo_item_pk(live_app)))
    violations = axe_violations(page)
    screenshot(page, f"axe-{name}")
    blocking = [v for v in violations if v[0] in BLOCKING]
    assert not blocking, f"{name}: {blocking}"


def test_axe_reports_a_missing_label(page, live_app):
    """The check itself works: an input without a label on a page is reported as critical."""
    login(page, live_app)
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=text id=bare>')")
    assert any(v[1] == "label" and v[0] in BLOCKING for v in axe_violations(page))


def test_skip_link_goes_to_the_content(page, live_app):
    login(page, live_app)
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    assert skip.evaluate("el => el === document.activeElement") and skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "content"
