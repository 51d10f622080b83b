"""`armstrace users create/list` and the demo's one user per role."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from armstrace.accounts.models import Role, UserProfile
from armstrace.accounts.policy import access_for


def test_create_a_user_with_a_role_and_an_agency(registry, capsys):
    call_command("users", "create", "officer1", "--role", "customs", "--agency", "CUS")
    out = capsys.readouterr().out
    user = get_user_model().objects.get(username="officer1")
    profile = UserProfile.objects.get(user=user)
    assert (profile.role, profile.agency.code, user.is_staff) == ("customs", "CUS", False)
    password = out.strip().rsplit(" / ", 1)[1]
    assert "officer1 (Customs officer, Customs Administration)" in out and user.check_password(password)
    access = access_for(user)
    assert access.can("shipments.edit") and not access.can("personal_data.view")
    assert {"address", "identifier", "date_of_birth"} <= access.hidden_fields


def test_administrators_are_superusers_and_told_about_two_factor_login(registry, capsys):
    call_command("users", "create", "chief", "--role", "administrator", "--password", "chief-pass-123")
    user = get_user_model().objects.get(username="chief")
    assert user.is_superuser and user.is_staff and user.check_password("chief-pass-123")
    assert "Two-factor login is required" in capsys.readouterr().out
    call_command("users", "list")
    assert "chief" in capsys.readouterr().out


@pytest.mark.parametrize("args, message", [
    (["x", "--role", "janitor"], "invalid choice"),
    (["x", "--role", "analyst", "--agency", "NOPE"], "unknown agency 'NOPE'"),
])
def test_bad_role_or_agency_is_refused(registry, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("users", "create", *args)
    assert not get_user_model().objects.filter(username="x").exists()


def test_demo_creates_one_login_per_role_and_prints_them(registry, capsys, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from armstrace.demo import DEMO_PASSWORD, DEMO_USERS, demo_logins, ensure_demo_users

    ensure_demo_users()
    ensure_demo_users()  # idempotent
    roles = {u.username: u.profile.role for u in get_user_model().objects.filter(username__startswith="demo")}
    assert sorted(roles.values()) == sorted(Role.values)
    assert roles["demo"] == "registrar"
    printed = "\n".join(demo_logins())
    assert f"Demo login: demo / {DEMO_PASSWORD}" in printed
    assert all(name in printed for name, _role, _kind in DEMO_USERS)

    client = Client()
    assert client.post("/login/", {"username": "demo", "password": DEMO_PASSWORD}).status_code == 302
    assert client.get("/").status_code == 200  # the printed login works without an authenticator app
