"""Exchange fixtures: attachments in a temporary folder; users of two agencies and a thread between them."""

import pytest


@pytest.fixture(autouse=True)
def attachments_dir(settings, tmp_path):
    settings.ARMSTRACE_ATTACHMENTS_DIR = str(tmp_path / "attachments")
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return tmp_path / "attachments"


@pytest.fixture
def people(make_user):
    """An investigator (police), a customs officer, a second customs officer of the same agency, an outsider
    investigator of the same police agency who is not named, an auditor, an analyst."""
    return type("People", (), {
        "investigator": make_user("x-investigator", "investigator", agency_kind="police"),
        "customs": make_user("x-customs", "customs", agency_kind="customs"),
        "customs2": make_user("x-customs2", "customs", agency_kind="customs"),
        "outsider": make_user("x-outsider", "registrar", agency_kind="registry"),
        "auditor": make_user("x-auditor", "auditor", agency_kind="prosecution", two_factor=True),
        "admin": make_user("x-admin", "administrator", agency_kind="registry", two_factor=True),
    })


@pytest.fixture
def thread(people):
    """A thread of the investigator with the whole customs agency, about nothing yet."""
    from armstrace.accounts.models import Agency
    from armstrace.exchange import services

    customs_agency = Agency.objects.get(code="T-CUSTOMS")
    return services.create_thread(people.investigator, services.ThreadInput(
        subject="Pistol seized at the port", kind="seizure", text="Can customs confirm the container number?",
        agencies=[customs_agency]))


def login(client, user):
    from armstrace.conftest import TwoFactorClient

    c = TwoFactorClient()
    c.force_login(user)
    return c
