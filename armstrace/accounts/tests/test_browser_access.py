"""In the browser: an administrator enrols an authenticator at the first login and reaches the dashboard; a customs
officer sees a holder's page without the home address, which an investigator sees."""

import base64
import sqlite3
import subprocess
import sys
import time

import pytest
from django_otp.oath import TOTP

from armstrace.conftest import login, screenshot

pytestmark = pytest.mark.browser


def test_administrator_enrols_totp_then_reaches_the_dashboard(page, live_app):
    subprocess.run([sys.executable, "-m", "armstrace", "users", "create", "chief", "--role", "administrator",
                    "--agency", "REG", "--password", "chief-pass-123"], env=live_app.env, check=True, capture_output=True)
    page.goto(f"{live_app.url}/login/")
    page.fill("input[name=username]", "chief")
    page.fill("input[name=password]", "chief-pass-123")
    page.click("button[type=submit].primary")
    page.wait_for_url("**/accounts/two-factor/setup/**")
    assert page.locator(".qr svg").count() == 1
    secret = page.get_attribute("#totp-secret", "data-secret")
    assert f"secret={secret}" in page.inner_text("#totp-uri")
    screenshot(page, "accounts-two-factor-setup")

    page.goto(f"{live_app.url}/registry/items/")  # nothing else opens before the enrolment
    assert "/accounts/two-factor/setup/" in page.url

    totp = TOTP(base64.b32decode(secret))
    totp.time = time.time()
    page.fill("input[name=token]", f"{totp.token():06d}")
    page.click("button[type=submit].primary")
    page.wait_for_url("**/accounts/two-factor/recovery-codes/**")  # shown once, right after the enrolment
    assert page.locator("ol.recovery-codes li").count() == 10
    page.click("a.button.primary")
    page.wait_for_url("**/registry/items/")
    page.click("nav.mainnav >> text=Dashboard")
    page.wait_for_url(f"{live_app.url}/")
    assert page.locator("h1").inner_text() == "Dashboard"
    assert page.locator("nav.mainnav >> text=Users").count() == 1
    screenshot(page, "accounts-admin-dashboard-after-two-factor")


def _demo_person(live_app):
    with sqlite3.connect(live_app.data_dir / "armstrace.sqlite3") as db:
        return db.execute("SELECT id, name, address, identifier FROM registry_party "
                          "WHERE kind = 'person' AND address != '' ORDER BY id LIMIT 1").fetchone()


def test_customs_officer_sees_a_holder_without_the_address(page, live_app):
    pk, name, address, identifier = _demo_person(live_app)
    login(page, live_app, "demo-customs")
    assert page.locator("nav.mainnav >> text=Monitoring").count() == 0
    page.goto(f"{live_app.url}/registry/holders/{pk}/")
    page.wait_for_selector("#personal-data-withheld")
    body = page.inner_text("main")
    assert name in body and address not in body and identifier not in body
    screenshot(page, "accounts-customs-holder-without-address")

    login(page, live_app, "demo-investigator")
    page.goto(f"{live_app.url}/registry/holders/{pk}/")
    body = page.inner_text("main")
    assert address.split(",")[0] in body and identifier in body
