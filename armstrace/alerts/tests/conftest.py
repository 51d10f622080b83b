"""Alerts fixtures: who reports, who recovers, and who should not hear of it."""

import pytest


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def people(make_user):
    """A registrar of the registry agency (who reports a theft) and a second one there; an investigator (police)
    and a customs officer (who recover items); a registrar of another agency; an analyst of the registry agency;
    an administrator of no agency."""
    return type("People", (), {
        "registrar": make_user("a-registrar", "registrar", agency_kind="registry"),
        "registrar2": make_user("a-registrar2", "registrar", agency_kind="registry"),
        "investigator": make_user("a-investigator", "investigator", agency_kind="police"),
        "customs": make_user("a-customs", "customs", agency_kind="customs"),
        "elsewhere": make_user("a-elsewhere", "registrar", agency_kind="other"),
        "analyst": make_user("a-analyst", "analyst", agency_kind="registry"),
        "admin": make_user("a-admin", "administrator", two_factor=True),
    })


def actor(user):
    from armstrace.core.actor import Actor

    return Actor.of(user)


def login(user):
    from armstrace.conftest import TwoFactorClient

    c = TwoFactorClient()
    c.force_login(user)
    return c
