"""Shared fixtures: a registry to work on, users, and the real web app in headless Chromium."""

import os
import socket
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from django.test import Client
from hypothesis import settings as hypothesis_settings

# Property tests explore new examples on a developer's machine; CI (CI=true) replays a fixed sequence so that a
# run is repeatable. Either way every example must pass.
hypothesis_settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

REPO = Path(__file__).resolve().parent.parent
TEST_OUTPUT = Path(os.environ.get("ARMSTRACE_TEST_OUTPUT", REPO / "test-output"))
SHARED_DATA = Path(os.environ.get("ARMSTRACE_SHARED_DATA", REPO.parent / "shared" / "data"))
CHROMIUM = os.environ.get("ARMSTRACE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


def at(y, m, d):
    return datetime(y, m, d, 12, tzinfo=UTC)


@pytest.fixture(scope="session", autouse=True)
def signing_key(tmp_path_factory):
    """The run's installation signing key (it signs the event log's checkpoints), for child processes too."""
    from django.conf import settings

    from armstrace.core.signing import create_key

    path = tmp_path_factory.mktemp("signing") / "signing-key.pem"
    create_key(path)
    os.environ["ARMSTRACE_SIGNING_KEY"] = settings.ARMSTRACE_SIGNING_KEY = str(path)
    return path


@pytest.fixture
def registry(db):
    """Reference data, agencies and a few licensed holders."""
    from armstrace.registry import services
    from armstrace.registry.models import Party
    from armstrace.registry.reference import load_reference_data, sync_agencies

    load_reference_data()
    sync_agencies()

    def party(kind, name, number, licence=True, **licence_kw):
        p = services.register_party(kind=kind, name=name, identifier=number)
        if licence:
            services.issue_licence(p, licence_type=licence_kw.pop("licence_type", "POSSESSION"), number=f"L-{number}",
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


def create_user(username, role, *, agency_kind=None, password=None, two_factor=False):
    """A user with a role (accounts.policy) and, given `agency_kind`, an agency of that kind; `two_factor=True`
    enrols a confirmed TOTP authenticator (the device is `user.totp_device`)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from armstrace.accounts.management.commands.users import create_user as create
    from armstrace.accounts.models import Agency

    agency = None
    if agency_kind:
        agency, _ = Agency.objects.get_or_create(code=f"T-{agency_kind.upper()}",
                                                 defaults={"name": f"Test {agency_kind}", "kind": agency_kind})
    user = create(username, role, agency=agency, password=password or f"{username}-pass-1")
    user.totp_device = TOTPDevice.objects.create(user=user, name="test", confirmed=True) if two_factor else None
    return user


@pytest.fixture
def make_user(db):
    """make_user(username, role, agency_kind=None, two_factor=False) -> User with that role."""
    return create_user


@pytest.fixture
def user(db):
    """A user allowed everything: an administrator with an enrolled authenticator. The `client` fixture completes
    its two-factor step at force_login(); token-authenticated API clients are not asked for one."""
    return create_user("registrar", "administrator", password="registrar-pass-1", two_factor=True)


class TwoFactorClient(Client):
    """Django's test client whose force_login() also completes the two-factor step of a user who has an enrolled
    authenticator, as giving a code on the verification page would."""

    def force_login(self, user, backend=None):
        from django_otp import DEVICE_ID_SESSION_KEY, devices_for_user

        super().force_login(user, backend)
        device = next(iter(devices_for_user(user, confirmed=True)), None)
        if device is not None:
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()


@pytest.fixture
def client():
    return TwoFactorClient()


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
    # sessions / totp_*: what login() keeps per user name for the run
    yield type("LiveApp", (), {"url": url, "data_dir": data_dir, "env": env, "sessions": {}, "totp_secrets": {},
                               "totp_last_step": {}})
    stop_process(server)
    log.close()


def stop_process(process, grace=30):
    """Stop a test server: SIGTERM, then SIGKILL if it has not stopped within `grace` s (slow on a loaded machine)."""
    process.terminate()
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)


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


BROWSER_USER = "demo-admin"  # `armstrace demo` creates one user per role (armstrace/demo.py); this one may do anything


def login(page, live_app, username=BROWSER_USER, password="armstrace-demo"):
    """Log in and land on the dashboard, completing the two-factor step (enrolling an authenticator the first time).

    A user's session is kept for the next tests of the run, so that each user gives a code once: a TOTP code
    cannot be used twice."""
    sessions = live_app.sessions
    if username in sessions:
        page.context.add_cookies(sessions[username])
        page.goto(f"{live_app.url}/")
        if page.url == f"{live_app.url}/":
            return
    page.goto(f"{live_app.url}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit].primary")
    page.wait_for_load_state()
    give_totp_code(page, live_app, username)
    page.wait_for_url(f"{live_app.url}/")
    sessions[username] = page.context.cookies()


def give_totp_code(page, live_app, username):
    """On the enrolment page, read the key and confirm it; on the verification page, give the current code."""
    import base64

    from django_otp.oath import TOTP

    secrets, last_steps = live_app.totp_secrets, live_app.totp_last_step
    if "/accounts/two-factor/setup/" in page.url:
        secrets[username] = page.get_attribute("#totp-secret", "data-secret")
    elif "/accounts/two-factor/" not in page.url:
        return
    step = int(time.time() // 30)
    if step <= last_steps.get(username, -1):  # a code is accepted once: wait for the next one
        time.sleep((step + 1) * 30 - time.time() + 0.5)
        step = int(time.time() // 30)
    totp = TOTP(base64.b32decode(secrets[username]))
    totp.time = step * 30
    page.fill("input[name=token]", f"{totp.token():06d}")
    page.click("button[type=submit].primary")
    last_steps[username] = step
    page.wait_for_load_state()
    if "/accounts/two-factor/recovery-codes/" in page.url:  # shown once, after enrolment
        page.click("a.button.primary")
        page.wait_for_load_state()


def screenshot(page, name):
    TEST_OUTPUT.mkdir(parents=True, exist_ok=True)
    path = TEST_OUTPUT / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
