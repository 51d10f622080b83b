"""At 375 px (a phone) no main page scrolls sideways: the menu collapses and wide tables scroll inside their card."""

import pytest

from armstrace.conftest import login, screenshot
from armstrace.tests.ui_pages import NARROW_PAGES, demo_item_pk, page_path

pytestmark = pytest.mark.browser

WIDTH = 375


@pytest.fixture
def phone(chromium, live_app):
    context = chromium.new_context(viewport={"width": WIDTH, "height": 800}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def test_main_pages_fit_a_375px_screen(phone, live_app):
    login(phone, live_app)
    item = demo_item_pk(live_app)
    too_wide = {}
    for name in NARROW_PAGES:
        phone.goto(live_app.url + page_path(name, item))
        assert phone.locator("main h1").count() >= 1, name
        width = phone.evaluate("document.documentElement.scrollWidth")
        screenshot(phone, f"narrow-{name}")
        if width > WIDTH:
            too_wide[name] = width
    assert not too_wide, f"pages wider than {WIDTH} px: {too_wide}"


def test_menu_collapses_and_opens(phone, live_app):
    login(phone, live_app)
    nav = phone.locator("nav.mainnav")
    toggle = phone.locator("button.menu-toggle")
    assert toggle.is_visible() and not nav.is_visible()
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert nav.is_visible() and toggle.get_attribute("aria-expanded") == "true"
    screenshot(phone, "narrow-menu-open")
    nav.locator("a", has_text="Items").first.click()
    phone.wait_for_url(f"{live_app.url}/registry/items/")
