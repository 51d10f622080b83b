"""Shared fixtures: a registry to work on, users, and the real web app in headless Chromium."""

import os
import socket
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TEST_OUTPUT = Path(os.environ.get("ARMSTRACE_TEST_OUTPUT", REPO / "test-output"))
SHARED_DATA = Path(os.environ.get("ARMSTRACE_SHARED_DATA", REPO.parent / "shared" / "data"))
CHROMIUM = os.environ.get("ARMSTRACE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


def at(y, m, d):
    return datetime(y, m, d, 12, tzinfo=UTC)


@pytest.fixture
def registry(db):
    """Reference data, agencies and a few licensed holders."""
    from armstrace.registry.models import Licence, Party
    from armstrace.registry.reference import load_reference_data, sync_agencies

    load_reference_data()
    sync_agencies()

    def party(kind, name, number, licence=True, **licence_kw):
        p = Party.objects.create(kind=kind, name=name, identifier=number)
        if licence:
            Licence.objects.create(party=p, licence_type=licence_kw.pop("licence_type", "POSSESSION"), number=f"L-{number}",
                                   valid_from=licence_kw.pop("valid_from", date(2000, 1, 1)),
                                   valid_until=licence_kw.pop("valid_until", date(2040, 1, 1)), **licence_kw)
        return p

    class Registry:
        dealer = party(Party.Kind.DEALER, "Metro Firearms", "DLR-1", licence_type="DEALER")
        alice = party(Party.Kind.PERSON, "Alice Otieno", "ID-ALICE")
        bob = party(Party.Kind.PERSON, "Bob Kamau", "ID-BOB")
        unlicensed = party(Party.Kind.PERSON, "Carol Unlicensed", "ID-CAROL", licence=False)
        police = party(Party.Kind.STATE_AGENCY, "National Police", "GOV-POL", licence=False)

    Registry.party = staticmethod(party)
    return Registry


@pytest.fixture
def glock(registry):
    """A Glock 17 registered to the dealer in 2015."""
    from armstrace.registry import services
    from armstrace.registry.models import FirearmModel

    model = FirearmModel.objects.get(make__name="Glock", name__in=["G17", "Glock 17"])
    data = services.FirearmInput(serial_number="ABC123", make=model.make, model=model)
    return services.create_item(data, holder=registry.dealer, location="Capital City", occurred_at=at(2015, 1, 10))


@pytest.fixture
def user(db):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user("registrar", password="registrar-pass-1")


@pytest.fixture
def api_client(user):
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


# ---------------------------------------------------------------- browser


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def live_app(tmp_path_factory):
    """The real app as `make run` serves it: `armstrace init`, a small demo, `armstrace serve` on a free port."""
    data_dir = tmp_path_factory.mktemp("live-app")
    env = {**os.environ, "ARMSTRACE_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1"}
    env.pop("ARMSTRACE_DATABASE_URL", None)
    cli = [sys.executable, "-m", "armstrace"]
    subprocess.run([*cli, "init", "--password", "admin-pass-123"], env=env, check=True, capture_output=True)
    subprocess.run([*cli, "demo", "--items", "40", "--seed", "7"], env=env, check=True, capture_output=True)
    port = _free_port()
    log = open(data_dir / "server.log", "w")
    server = subprocess.Popen([*cli, "serve", f"127.0.0.1:{port}"], env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield type("LiveApp", (), {"url": url, "data_dir": data_dir, "env": env})
    server.terminate()
    server.wait(10)
    log.close()


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.failed_call = report.failed
    return report


@pytest.fixture
def page(request, chromium, live_app):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    if getattr(request.node, "failed_call", False):
        screenshot(page, f"FAILED-{request.node.name}")
    context.close()


def login(page, live_app, username="demo", password="armstrace-demo"):
    page.goto(f"{live_app.url}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit].primary")
    page.wait_for_url(f"{live_app.url}/")


def screenshot(page, name):
    TEST_OUTPUT.mkdir(parents=True, exist_ok=True)
    path = TEST_OUTPUT / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
