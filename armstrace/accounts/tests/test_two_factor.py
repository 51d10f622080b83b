"""Two-factor login (TOTP): required for administrators and auditors, optional for the other roles."""

import base64
import re
import time

from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

PAGES = ["/", "/registry/items/", "/monitoring/", "/accounts/access-log/", "/admin/"]


def code(device, steps_ahead=0):
    """The device's current code (or the code `steps_ahead` steps later: a code is accepted once only)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def login(username, password):
    client = Client()
    response = client.post("/login/", {"username": username, "password": password})
    assert response.status_code == 302, "password login failed"
    return client


def test_administrator_without_authenticator_must_enrol_before_any_page(make_user):
    make_user("boss", "administrator", password="boss-pass-123")
    client = login("boss", "boss-pass-123")
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/two-factor/setup/"), url
    assert client.get("/api/items/").status_code == 403  # the API refuses the unverified session too

    page = client.get("/accounts/two-factor/setup/?next=/registry/items/").content.decode()
    device = TOTPDevice.objects.get(user__username="boss", confirmed=False)
    secret = re.search(r'data-secret="([A-Z2-7]+)"', page).group(1)
    assert secret == base64.b32encode(device.bin_key).decode()
    assert f"otpauth://totp/ArmsTrace%3Aboss?secret={secret}" in page and "<svg" in page

    wrong = client.post("/accounts/two-factor/setup/", {"token": "000000" if code(device) != "000000" else "111111"})
    assert wrong.status_code == 200 and "Wrong code" in wrong.content.decode()
    assert client.get("/").status_code == 302
    device.throttle_reset()

    done = client.post("/accounts/two-factor/setup/", {"token": code(device), "next": "/registry/items/"})
    assert done.status_code == 302 and done["Location"] == "/accounts/two-factor/recovery-codes/?next=%2Fregistry%2Fitems%2F"
    assert TOTPDevice.objects.get(user__username="boss").confirmed
    for url in PAGES:
        assert client.get(url).status_code == 200, url
    assert client.get("/api/items/").status_code == 200


def test_administrator_with_authenticator_gives_a_valid_code_before_any_page(make_user):
    device = make_user("boss", "administrator", password="boss-pass-123", two_factor=True).totp_device
    client = login("boss", "boss-pass-123")
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/two-factor/?next="), url
    api = client.get("/api/items/")
    assert api.status_code == 403 and "Two-factor" in api.json()["detail"]
    assert client.get("/accounts/two-factor/setup/")["Location"].startswith("/accounts/two-factor/?")  # no new device

    used = code(device)
    verified = client.post("/accounts/two-factor/", {"token": used, "next": "/monitoring/"})
    assert verified.status_code == 302 and verified["Location"] == "/monitoring/"
    for url in PAGES:
        assert client.get(url).status_code == 200, url
    assert client.get("/api/items/").status_code == 200

    again = login("boss", "boss-pass-123")  # each login asks again; the code just used is spent
    assert again.get("/").status_code == 302
    assert again.post("/accounts/two-factor/", {"token": used}).status_code == 200
    device.refresh_from_db()
    device.throttle_reset()
    assert again.post("/accounts/two-factor/", {"token": code(device, steps_ahead=1)}).status_code == 302
    assert again.get("/").status_code == 200


def test_a_wrong_code_is_refused(make_user):
    device = make_user("auditor1", "auditor", password="auditor-pass-1", two_factor=True).totp_device
    client = login("auditor1", "auditor-pass-1")
    wrong = "000000" if code(device) != "000000" else "111111"
    response = client.post("/accounts/two-factor/", {"token": wrong})
    assert response.status_code == 200 and "Wrong or expired code" in response.content.decode()
    assert client.get("/accounts/access-log/").status_code == 302
    assert client.post("/accounts/two-factor/", {"token": "abc"}).status_code == 200  # not even digits
    device.refresh_from_db()
    assert device.throttling_failure_count == 1


def test_registrar_is_not_asked_for_a_code_but_may_enrol(make_user):
    make_user("clerk", "registrar", password="clerk-pass-123")
    client = login("clerk", "clerk-pass-123")
    assert client.get("/").status_code == 200 and client.get("/registry/items/").status_code == 200
    assert "Set up two-factor login" in client.get("/accounts/").content.decode()

    client.get("/accounts/two-factor/setup/")
    device = TOTPDevice.objects.get(user__username="clerk")
    assert client.post("/accounts/two-factor/setup/", {"token": code(device)}).status_code == 302
    later = login("clerk", "clerk-pass-123")  # enrolled: asked from now on
    assert later.get("/registry/items/")["Location"].startswith("/accounts/two-factor/")


def test_token_authenticated_api_clients_are_not_asked_for_a_code(make_user):
    admin = make_user("integration", "administrator")  # no authenticator enrolled
    client = Client(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=admin).key}")
    assert client.get("/api/items/").status_code == 200
    analyst = make_user("stats", "analyst")
    denied = Client(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=analyst).key}").get("/api/items/")
    assert denied.status_code == 403  # the role still decides
